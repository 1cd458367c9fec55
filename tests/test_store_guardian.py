"""`eventcoder aggregate` on the ingested Guardian sample, recomputed independently in Python.

The recomputation reads only the raw ``mentions.record`` JSON and ``articles.published``, and
applies the deduplication policies as the store documents them (eventcoder.store docstring):
group mentions by the policy's key, take each event's codes from its first mention (earliest
published, then article id, sentence, mention id), drop undated events, count and average
Goldstein per period and actor (and recipient) country.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import defaultdict

import duckdb
import pytest

from eventcoder import cli

SAMPLE = "data/corpora/guardian_sdf_sample.jsonl"


@pytest.fixture(scope="module")
def guardian_db(shared, coder, tmp_path_factory) -> str:
    """The Guardian sample (249 stories), ingested once with the session coder, two workers."""
    sample = shared / SAMPLE
    if not sample.is_file():
        pytest.skip(f"{sample} (the Guardian sample) is not present")
    db = tmp_path_factory.mktemp("guardian") / "guardian.duckdb"
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli, "_coder", lambda args: coder)
        code = cli.main(["ingest", str(sample), "--db", str(db), "--workers", "2"],
                        out=out, err=err)
    assert code == 0, err.getvalue()
    assert out.getvalue().startswith("ingested 249 new stories (0 already stored)"), out.getvalue()
    return str(db)


def actors_key(actors: list[dict]) -> str | None:
    """The documented actor key: sorted distinct codes (else country, else "-") joined by "+"."""
    return "+".join(sorted({a["code"] or a["country"] or "-" for a in actors})) or None


def place_key(location: dict | None) -> str | None:
    """The documented place key: "geonames:ID", else "COUNTRY/name"."""
    if location is None:
        return None
    if location["geonameid"] is not None:
        return f"geonames:{location['geonameid']}"
    return f"{location['country'] or '-'}/{location['name']}"


POLICY_KEYS = {
    "exact-key.v1": lambda r: (r["date"], actors_key(r["actor"]), r["event_type"],
                               actors_key(r["recipient"]), place_key(r["location"])),
    "one-a-day.v1": lambda r: (r["date"], actors_key(r["actor"]), r["cameo"],
                               actors_key(r["recipient"])),
    "off": lambda r: (r["id"],),
}


def period_start(day: dt.date, period: str) -> dt.date:
    return {"day": day, "week": day - dt.timedelta(days=day.weekday()),
            "month": day.replace(day=1), "year": day.replace(month=1, day=1)}[period]


def recompute(db: str, *, by: str, period: str, policy: str, normalise: bool) -> list[tuple]:
    """The aggregate table from the raw records, shaped as ``parse`` gives the CLI's: rows of
    (period and countries, events, (stories, events per story) when normalised else None,
    mean Goldstein), in the CLI's order."""
    with duckdb.connect(db, read_only=True) as conn:
        mentions = conn.execute(
            "SELECT m.record, a.published, m.article_id, m.sentence_index, m.id "
            "FROM mentions m JOIN articles a ON a.id = m.article_id").fetchall()
        published = [row[0] for row in conn.execute(
            "SELECT published FROM articles WHERE published IS NOT NULL").fetchall()]
    groups: dict[tuple, list] = defaultdict(list)
    for record, *order in mentions:
        record = json.loads(record)
        groups[POLICY_KEYS[policy](record)].append((order, record))
    cells: dict[tuple, list[float]] = defaultdict(list)
    for members in groups.values():
        # The first mention: earliest published (undated stories last), article, sentence, id.
        _, first = min(members, key=lambda m: (m[0][0] is None, m[0][0] or dt.date.min,
                                               *m[0][1:]))
        if first["date"] is None:
            continue
        actor = first["actor"][0]["country"] if first["actor"] else None
        recipient = first["recipient"][0]["country"] if first["recipient"] else None
        cell = (period_start(dt.date.fromisoformat(first["date"]), period), actor)
        cells[cell + ((recipient,) if by == "dyad" else ())].append(first["goldstein"])
    stories: dict[dt.date, int] = defaultdict(int)
    for day in published:
        stories[period_start(day, period)] += 1
    rows = []
    # The CLI's order: period, then countries with the unknown (None) last.
    for cell in sorted(cells, key=lambda c: [c[0], *[(v is None, v or "") for v in c[1:]]]):
        values = cells[cell]
        count = stories.get(cell[0], 0)
        rows.append((
            (cell[0].isoformat(), *[v or "" for v in cell[1:]]),
            len(values),
            (count, f"{len(values) / count:.4f}" if count else "") if normalise else None,
            sum(values) / len(values),
        ))
    return rows


def parse(out: str, *, normalise: bool) -> tuple[list[str], list[tuple]]:
    """The CLI's TSV as its header and rows like those of ``recompute``."""
    header, *lines = out.splitlines()
    rows = []
    for line in lines:
        cells = line.split("\t")
        per_story = None
        if normalise:
            *cells, count, ratio = cells
            per_story = (int(count), ratio)
        *names, events, mean = cells
        rows.append((tuple(names), int(events), per_story, float(mean)))
    return header.split("\t"), rows


DYAD = ["period", "actor_country", "recipient_country", "events", "mean_goldstein"]


@pytest.mark.parametrize(("argv", "header"), [
    (["--by", "dyad", "--period", "month"], DYAD),
    (["--by", "dyad", "--period", "month", "--dedup", "one-a-day.v1"], DYAD),
    (["--by", "dyad", "--period", "month", "--dedup", "off"], DYAD),
    (["--by", "country", "--period", "month", "--normalise"],
     ["period", "actor_country", "events", "mean_goldstein", "stories", "events_per_story"]),
    (["--by", "dyad", "--period", "week", "--normalise"],
     [*DYAD, "stories", "events_per_story"]),
])
def test_store_guardian_aggregate_matches_the_mentions(guardian_db, argv, header):
    options = dict(zip(argv[::2], argv[1::2]))
    normalise = "--normalise" in argv
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["aggregate", "--db", guardian_db, *argv], out=out, err=err) == 0, err
    got_header, got = parse(out.getvalue(), normalise=normalise)
    expected = recompute(guardian_db, by=options["--by"], period=options["--period"],
                         policy=options.get("--dedup", "exact-key.v1"), normalise=normalise)
    assert got_header == header
    assert len(got) > 20
    # Cells, counts and stories exactly; the means as printed (3 decimals, half-way cases
    # may round either way).
    assert [row[:3] for row in got] == [row[:3] for row in expected]
    assert [row[3] for row in got] == pytest.approx([row[3] for row in expected], abs=6e-4)


def test_store_guardian_deduplication_merges_mentions(guardian_db):
    # Not a trivial sample: the default policy counts fewer events than there are mentions.
    events = {policy: sum(row[1] for row in recompute(
        guardian_db, by="dyad", period="month", policy=policy, normalise=False))
        for policy in ("exact-key.v1", "off")}
    assert 0 < events["exact-key.v1"] < events["off"], events
