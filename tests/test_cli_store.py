"""The store commands of the CLI: resumable ingest (SIGKILL), reports, filters, aggregate, export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from eventcoder import cli
from eventcoder.store import Store

from .test_store import make_article, three_events

CITIES = ("Cairo", "Nairobi", "Lagos", "Kabul", "Caracas", "Manila", "Dhaka", "Lima",
          "Khartoum", "Baghdad", "Quito")
COUNTRIES = ("Egypt", "Kenya", "Nigeria", "France", "Venezuela", "Germany", "Japan", "Peru",
             "Sudan", "Iraq", "Brazil")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
# Short made-up sentences of eight event types (protest, assault, consult, accuse, aid...).
SENTENCES = (
    "Police arrested {n} protesters in {city} on {day}.",
    "Troops attacked rebels near {city} on {day}.",
    "Thousands of people protested in {city} on {day}.",
    "The president of {a} met the foreign minister of {b} in {city} on {day}.",
    "{a} condemned {b} for the violence in {city}.",
    "{a} promised to send aid to {b}.",
    "Soldiers killed {n} civilians in {city} on {day}.",
    "The government of {a} accused {b} of spying.",
)


def write_stories(path: Path, count: int, *, seed: int = 6) -> Path:
    """``count`` stories of three made-up sentences each, varied by a seeded draw of
    sentences, countries, cities, weekdays and publication dates in 2020 (ids s000...)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as stream:
        for i in range(count):
            a, b = rng.sample(COUNTRIES, 2)
            text = " ".join(
                s.format(n=rng.randint(2, 90), city=rng.choice(CITIES), day=rng.choice(DAYS),
                         a=a, b=b)
                for s in rng.sample(SENTENCES, 3))
            published = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(366))
            stream.write(json.dumps({"id": f"s{i:03d}", "title": f"Story {i}", "text": text,
                                     "date": published.isoformat()}) + "\n")
    return path


class FakeCoder:
    """Codes nothing, fast; records what it was given."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.n_process: int | None = None

    def code_articles(self, articles, *, n_process=1, on_error=None, batch_size=16):
        self.n_process = n_process
        for article in articles:
            self.seen.append(article.id)
            if "FAIL" in article.text:
                on_error(article, RuntimeError("boom"))
                continue
            yield article, []


class TTY(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def run(monkeypatch):
    """Run the CLI in-process with a given coder; returns (code, out, err)."""

    def _run(*argv: str, coder=None, err=None):
        monkeypatch.setattr(cli, "_coder", lambda args: coder or FakeCoder())
        out, err = io.StringIO(), err if err is not None else io.StringIO()
        code = cli.main(list(argv), out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return _run


def store_rows(db: Path) -> dict[str, list[tuple]]:
    """Every row of the store, sorted; ingest times left out (they differ between runs)."""
    with duckdb.connect(str(db), read_only=True) as conn:
        return {
            "articles": conn.execute(
                "SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY id").fetchall(),
            "mentions": conn.execute("SELECT * FROM mentions ORDER BY id").fetchall(),
        }


# `eventcoder ingest` with the real coder, printing each story's id once coded: the test
# kills it after a chosen number of stories rather than after a guessed time.
LOUD_INGEST = """
import sys
from eventcoder import cli

real = cli._coder


class Loud:
    def __init__(self, args):
        self.coder = real(args)

    def code_articles(self, articles, **options):
        for article, events in self.coder.code_articles(articles, **options):
            print(article.id, flush=True)
            yield article, events


cli._coder = Loud
sys.exit(cli.main(sys.argv[1:]))
"""


STORIES = 300
# Where the kills land: the number of the story just coded, one draw in each third of the run.
# The gaps between ranges exceed a batch (cli.WRITE_EVERY_STORIES), so each kill leaves more
# stories stored than the one before.
KILL_RANGES = ((20, 90), (110, 190), (210, 290))


def snapshot(db: Path, target: Path) -> Path:
    """Copy a store as a killed ingest left it on disk (the file and its write-ahead log)."""
    for suffix in ("", ".wal"):
        if db.with_name(db.name + suffix).exists():
            shutil.copyfile(db.with_name(db.name + suffix), target.with_name(target.name + suffix))
    return target


def test_cli_store_ingest_survives_sigkill(tmp_path, coder, monkeypatch):
    stories = write_stories(tmp_path / "stories.jsonl", STORIES)
    reference = tmp_path / "reference.duckdb"
    monkeypatch.setattr(cli, "_coder", lambda args: coder)
    assert cli.main(["ingest", str(stories), "--db", str(reference)],
                    out=io.StringIO(), err=io.StringIO()) == 0
    expected = store_rows(reference)
    assert len(expected["articles"]) == STORIES and len(expected["mentions"]) >= 2 * STORIES
    # The stories differ: many event types and dyads, not one event repeated.
    assert len({row[3] for row in expected["mentions"]}) >= 6
    assert len({(row[9], row[12], row[8]) for row in expected["mentions"]}) >= STORIES

    # One ingest killed three times (each run after the first is a rerun of a killed one);
    # after each kill the store is copied as it lies on disk, to be finished later.
    killed = tmp_path / "killed.duckdb"
    rng = random.Random(300)
    stored = [0]
    copies = []
    for low, high in KILL_RANGES:
        kill_at = rng.randint(low, high)
        process = subprocess.Popen(
            [sys.executable, "-c", LOUD_INGEST, "ingest", str(stories), "--db", str(killed)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        # The rerun skips the stored stories: its first line is story number stored[-1] + 1.
        lines = 0
        while lines < kill_at - stored[-1] and process.stdout.readline():
            lines += 1
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        assert lines == kill_at - stored[-1], "ingest ended before it could be killed"
        copies.append(snapshot(killed, tmp_path / f"after-kill-{len(copies) + 1}.duckdb"))
        with Store.open(killed, read_only=True, wait=10) as store:
            stored.append(store.count_articles())
    # The kills landed mid-run, and each kept more than the one before.
    assert stored == sorted(set(stored)) and stored[-1] < STORIES, stored

    # Each killed store, rerun to the end, equals the uninterrupted run row for row. The
    # reruns are independent stores, so they run side by side.
    eventcoder = str(Path(sys.executable).parent / "eventcoder")
    reruns = [subprocess.Popen([eventcoder, "ingest", str(stories), "--db", str(copy)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for copy in copies]
    for copy, already, rerun in zip(copies, stored[1:], reruns):
        out, err = rerun.communicate(timeout=60)
        assert rerun.returncode == 0, err
        assert f"ingested {STORIES - already} new stories ({already} already stored)" in out
        assert store_rows(copy) == expected, copy.name


def test_cli_store_ingest_skips_stored_stories_before_coding(run, tmp_path):
    stories = write_stories(tmp_path / "s.jsonl", 5)
    db = str(tmp_path / "e.duckdb")
    first, second = FakeCoder(), FakeCoder()
    assert run("ingest", str(stories), "--db", db, coder=first)[0] == 0
    code, out, _ = run("ingest", str(stories), "--db", db, coder=second)
    assert (code, first.seen, second.seen) == (0, [f"s{i:03d}" for i in range(5)], [])
    assert out.startswith("ingested 0 new stories (5 already stored), 0 new events")
    # A corrected story (same id, new text) is coded again and replaces the old one.
    lines = stories.read_text(encoding="utf-8").splitlines()
    lines[2] = json.dumps({"id": "s002", "text": "Corrected: talks were held in Lima."})
    stories.write_text("\n".join(lines) + "\n", encoding="utf-8")
    third = FakeCoder()
    code, out, _ = run("ingest", str(stories), "--db", db, coder=third)
    assert third.seen == ["s002"] and out.startswith("ingested 1 new stories (4 already")


def test_cli_store_ingest_report_counts_skips_by_reason(run, tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "1", "text": "Police arrested 3 protesters in Cairo."}),
        "{not json",
        json.dumps({"id": "2", "text": "FAIL this one"}),
        json.dumps({"id": "3", "title": 5, "text": "x"}),
        json.dumps({"id": "4", "text": "Troops attacked rebels in Goma."}),
    ]) + "\n", encoding="utf-8")
    code, out, err = run("ingest", str(path), str(tmp_path / "missing.txt"),
                         "--db", str(tmp_path / "e.duckdb"))
    assert code == 0, err
    first, second = out.splitlines()
    assert first.startswith("ingested 2 new stories (0 already stored), 0 new events; 0 events")
    assert "stories/s" in first
    assert second == "skipped 4 stories: 1 E101, 1 E105, 1 E106, 1 coding failed"


@pytest.mark.parametrize(("stream", "shown"), [(io.StringIO(), False), (TTY(), True)])
def test_cli_store_progress_only_on_a_terminal(run, tmp_path, stream, shown, monkeypatch):
    monkeypatch.setattr(cli._Progress, "update", _always_update(cli._Progress.update))
    stories = write_stories(tmp_path / "s.jsonl", 4)
    _code, _out, err = run("ingest", str(stories), "--db", str(tmp_path / "e.duckdb"),
                           err=stream)
    assert ("\r" in err, "/4 stories" in err, "ETA" in err) == (shown, shown, shown)


def _always_update(update):
    def wrapped(self, done):
        self.shown = 0.0  # no throttling in the test
        return update(self, done)
    return wrapped


@pytest.mark.parametrize(("workers", "status", "pool"), [
    ("1", 0, None),       # one process: the coder here
    ("3", 0, 3),          # more: whole-pipeline processes, each with its own model
    ("0", 2, None),       # a usage error
])
def test_cli_store_workers_become_coding_processes(run, tmp_path, monkeypatch, workers, status,
                                                    pool):
    from eventcoder import scale

    coder, pools = FakeCoder(), []

    def fake_pool(articles, *, workers, coder_options, on_error):
        pools.append((workers, coder_options["include_modal"]))
        return coder.code_articles(articles, on_error=on_error)

    monkeypatch.setattr(scale, "code_in_processes", fake_pool)
    stories = write_stories(tmp_path / "s.jsonl", 2)
    code, out, err = run("ingest", str(stories), "--db", str(tmp_path / "e.duckdb"),
                         "--workers", workers, coder=coder)
    assert code == status, err
    assert len(coder.seen) == (2 if status == 0 else 0)
    assert pools == ([(pool, False)] if pool else [])
    if status == 0:
        assert out.startswith("ingested 2 new stories"), out


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> str:
    """A store the tests only read: two stories of three events each."""
    db = tmp_path_factory.mktemp("filled") / "filled.duckdb"
    with Store.open(db) as store:
        store.add_article(make_article("a1"), three_events("a1"))
        store.add_article(make_article("a2", source_name="AFP"), three_events("a2"))
    return str(db)


@pytest.mark.parametrize(("filters", "expected"), [
    ([], ["a1-b", "a1-a", "a1-z", "a2-b", "a2-a", "a2-z"]),
    (["--type", "protest"], ["a1-b", "a2-b"]),
    (["--quad", "1", "--cameo-root", "04"], ["a1-a", "a1-z", "a2-a", "a2-z"]),
    (["--since", "2019-05-22", "--until", "2019-05-22", "--recipient-country", "lby"],
     ["a1-a", "a1-z", "a2-a", "a2-z"]),
    (["--since", "2019-05-23"], []),
    (["--actor-country", "FRA", "--actor-sector", "GOV", "--place-country", "FRA"],
     ["a1-a", "a1-z", "a2-a", "a2-z"]),
    (["--text", "RÉUNION"], ["a1-a", "a2-a"]),
    (["--text", "100%"], []),
])
def test_cli_store_events_filters(run, filled, filters, expected):
    code, out, err = run("events", "--db", filled, "--format", "jsonl", *filters)
    assert code == 0, err
    assert [json.loads(line)["id"] for line in out.splitlines()] == expected


@pytest.mark.parametrize(("policy", "mentions"), [
    ("exact-key.v1", [2, 2, 2]), ("one-a-day.v1", [2, 2, 2]), ("off", [1] * 6)])
def test_cli_store_events_deduplicated(run, filled, policy, mentions):
    code, out, err = run("events", "--db", filled, "--format", "jsonl", "--dedup", policy)
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["num_mentions"] for r in records] == mentions
    assert all(r["policy"] == policy and r["record"]["cameo"] for r in records)
    code, out, _ = run("events", "--db", filled, "--dedup", policy, "--type", "PROTEST")
    header, *rows = out.splitlines()
    assert header.split()[:3] == ["date", "type", "cameo"]
    assert [row.split()[:2] for row in rows] == [["-", "PROTEST"]] * (len(mentions) // 3)


@pytest.mark.parametrize(("argv", "expected"), [
    (["--by", "dyad", "--period", "month"],
     [["period", "actor_country", "recipient_country", "events", "mean_goldstein"],
      ["2019-05-01", "FRA", "LBY", "2", "1.500"]]),
    (["--by", "country", "--period", "year", "--type", "--normalise", "--dedup", "off"],
     [["period", "actor_country", "event_type", "events", "mean_goldstein", "stories",
       "events_per_story"],
      ["2019-01-01", "FRA", "CONSULT", "4", "1.500", "2", "2.0000"]]),
])
def test_cli_store_aggregate_prints_tsv(run, filled, argv, expected):
    code, out, err = run("aggregate", "--db", filled, *argv)
    assert code == 0, err
    assert [line.split("\t") for line in out.splitlines()] == expected


@pytest.mark.parametrize("fmt", ["plover", "icews", "gdelt", "csv", "parquet"])
def test_cli_store_export_writes_each_format(run, filled, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    code, _out, err = run("export", "--db", filled, "--format", fmt, "--out", str(target))
    assert code == 0, err
    expected = 3 if fmt == "gdelt" else 6
    assert f"exported {expected} " in err
    if fmt == "parquet":
        with duckdb.connect() as conn:
            assert conn.execute("SELECT count(*) FROM read_parquet(?)",
                                [str(target)]).fetchone()[0] == expected
    elif fmt == "plover":
        assert len(target.read_text(encoding="utf-8").splitlines()) == expected
    else:
        delimiter = "," if fmt == "csv" else "\t"
        lines = [line for line in target.read_text(encoding="utf-8").splitlines()
                 if not line.startswith("#")]
        assert len(list(csv.reader(lines, delimiter=delimiter))) == expected + 1


@pytest.mark.parametrize(("argv", "message"), [
    (["export", "--format", "xml"], "E002"),
    (["export", "--format", "parquet"], "E005"),
    (["aggregate", "--dedup", "fuzzy"], "E002"),
    (["events", "--since", "yesterday"], "E001"),
    (["events", "--dedup", "fuzzy"], "E002"),
])
def test_cli_store_usage_errors(run, filled, argv, message):
    code, _out, err = run(*argv, "--db", filled)
    assert code == 2 and message in err


def test_cli_store_reader_waits_for_the_writer(run, filled):
    # Another process holds the store read-write for a moment: a reader waits its turn.
    script = ("import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ok', flush=True);"
              " time.sleep(0.8)")
    with subprocess.Popen([sys.executable, "-c", script, filled],
                          stdout=subprocess.PIPE, text=True) as holder:
        assert holder.stdout.readline().strip() == "ok"
        started = time.monotonic()
        code, out, err = run("events", "--db", filled, "--format", "jsonl")
        waited = time.monotonic() - started
    assert code == 0, err
    assert len(out.splitlines()) == 6 and waited > 0.2


class InterruptedCoder(FakeCoder):
    """Ctrl-C after three stories."""

    def code_articles(self, articles, **options):
        for number, item in enumerate(super().code_articles(articles, **options)):
            if number == 3:
                raise KeyboardInterrupt
            yield item


def test_cli_store_ctrl_c_keeps_the_coded_stories(run, tmp_path):
    stories = write_stories(tmp_path / "s.jsonl", 6)
    db = tmp_path / "e.duckdb"
    code, _out, err = run("ingest", str(stories), "--db", str(db), coder=InterruptedCoder())
    assert code == 130 and "interrupted" in err
    with Store.open(db, read_only=True) as store:
        assert store.count_articles() == 3
    rest = FakeCoder()
    assert run("ingest", str(stories), "--db", str(db), coder=rest)[0] == 0
    assert rest.seen == ["s003", "s004", "s005"]
