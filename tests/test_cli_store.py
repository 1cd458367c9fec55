"""The store commands of the CLI: resumable ingest (SIGKILL), reports, filters, aggregate, export."""

from __future__ import annotations

import csv
import io
import json
import random
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

CITIES = ("Cairo", "Nairobi", "Lagos", "Kabul", "Caracas", "Manila", "Dhaka", "Lima")
SENTENCES = (
    "Police arrested {n} protesters in {city} on Monday.",
    "Troops attacked rebels near {city} on Tuesday.",
    "Thousands of people protested in {city} on Friday.",
)


def write_stories(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as stream:
        for i in range(count):
            text = " ".join(s.format(n=i + 2, city=CITIES[(i + k) % len(CITIES)])
                            for k, s in enumerate(SENTENCES[i % 3:] + SENTENCES[:i % 3]))
            stream.write(json.dumps({"id": f"s{i:03d}", "title": f"Unrest {i}", "text": text,
                                     "date": f"2020-03-{1 + i % 28:02d}"}) + "\n")
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


def test_cli_store_ingest_survives_sigkill(tmp_path, coder, monkeypatch):
    stories = write_stories(tmp_path / "stories.jsonl", 60)
    reference = tmp_path / "reference.duckdb"
    monkeypatch.setattr(cli, "_coder", lambda args: coder)
    assert cli.main(["ingest", str(stories), "--db", str(reference)],
                    out=io.StringIO(), err=io.StringIO()) == 0
    expected = store_rows(reference)
    assert len(expected["articles"]) == 60 and len(expected["mentions"]) >= 60

    killed = tmp_path / "killed.duckdb"
    argv = ["ingest", str(stories), "--db", str(killed)]
    rng = random.Random(6)
    started = time.monotonic()
    stored = []
    # Random points: early (before or during the first batch write), then later, when the
    # 17th line shows that the first batch of 16 is written (cli.WRITE_EVERY_STORIES).
    for kill_after in (rng.randint(0, 15), rng.randint(17, 40)):
        process = subprocess.Popen([sys.executable, "-c", LOUD_INGEST, *argv],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for _ in range(kill_after):
            if not process.stdout.readline():
                break
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        with Store.open(killed, read_only=True) as store:
            stored.append(store.count_articles())
    result = subprocess.run([str(Path(sys.executable).parent / "eventcoder"), *argv],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert f"({stored[-1]} already stored)" in result.stdout
    assert store_rows(killed) == expected
    assert time.monotonic() - started < 60
    # The kills landed mid-run: some but not all stories were stored, more after each rerun.
    assert 0 < stored[-1] < 60 and stored == sorted(stored), stored


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


@pytest.mark.parametrize(("workers", "status"), [("1", 0), ("3", 0), ("0", 2)])
def test_cli_store_workers_become_n_process(run, tmp_path, workers, status):
    coder = FakeCoder()
    stories = write_stories(tmp_path / "s.jsonl", 2)
    code, _out, err = run("ingest", str(stories), "--db", str(tmp_path / "e.duckdb"),
                          "--workers", workers, coder=coder)
    assert code == status, err
    assert coder.n_process == (int(workers) if status == 0 else None)


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
