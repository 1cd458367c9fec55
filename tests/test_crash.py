"""Crash safety of `eventcoder ingest`: a full disk, a read-only store, two ingests at once.

Each ingest runs in a subprocess with a stand-in coder (one event per story, no model), so the
real CLI writer and store are what is tested. A full disk is simulated honestly: the process
lowers its own RLIMIT_FSIZE and ignores SIGXFSZ, so the kernel fails its writes past the limit
with EFBIG, as it fails them with ENOSPC on a full disk. A read-only store is made with file
modes; as root (which ignores them) the subprocess runs without CAP_DAC_OVERRIDE via setpriv.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from eventcoder.store import Store

ROOT = Path(__file__).resolve().parents[1]
# `eventcoder ingest` with a stand-in coder; FSIZE=N first limits the size of any file it
# writes to N bytes (a full disk).
INGEST = """
import os, resource, signal, sys
if os.environ.get("FSIZE"):
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = int(os.environ["FSIZE"])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from eventcoder import cli
from eventcoder.types import Actor, Event, Span


class StandIn:
    dictionary = None

    def __init__(self, args):
        pass

    def code_articles(self, articles, **options):
        for article in articles:
            word = article.text.split()[0]
            yield article, [Event(
                id=article.id + "-e", article_id=article.id, sentence_index=0,
                sentence=article.text, trigger=Span(word, 0, len(word)), event_type="PROTEST",
                cameo="141", cameo_root="14", goldstein=-6.5, quad_class=3,
                actor=(Actor("Police", country="FRA", code="FRACOP"),), date="2019-05-23")]


cli._coder = StandIn
sys.exit(cli.main(sys.argv[1:]))
"""
STORIES = 24


def write_stories(path: Path, first: int) -> Path:
    with path.open("w", encoding="utf-8") as stream:
        for n in range(first, first + STORIES):
            text = f"Police{n} dispersed protesters in Paris on Wednesday. " * 30
            stream.write(json.dumps({"id": f"s{n:03d}", "text": text}) + "\n")
    return path


def ingest(db: Path, *inputs: Path, fsize: int | None = None,
           without_dac_override: bool = False) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", INGEST, "ingest", *map(str, inputs), "--db", str(db)]
    if without_dac_override:
        command = ["setpriv", "--inh-caps=-dac_override,-fowner",
                   "--bounding-set=-dac_override,-fowner", *command]
    env = {**os.environ, "FSIZE": str(fsize or "")}
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120, check=False)


def rows(db: Path) -> dict[str, list[tuple]]:
    """Every stored row, sorted (ingest times left out)."""
    with Store.open(db, read_only=True):  # opens cleanly: the store is usable
        pass
    with duckdb.connect(str(db), read_only=True) as conn:
        return {
            "articles": conn.execute(
                "SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY id").fetchall(),
            "mentions": conn.execute("SELECT * FROM mentions ORDER BY id").fetchall(),
        }


def assert_whole_stories(db: Path) -> set[str]:
    """Each stored story once, with exactly its one event; returns the stored story ids."""
    stored = rows(db)
    ids = [row[0] for row in stored["articles"]]
    assert len(ids) == len(set(ids))
    assert sorted(row[1] for row in stored["mentions"]) == ids  # mentions.article_id
    assert len({row[0] for row in stored["mentions"]}) == len(stored["mentions"])
    return set(ids)


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: str) -> None:
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"eventcoder: {code}: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("stories")
    return write_stories(folder / "a.jsonl", 0), write_stories(folder / "b.jsonl", STORIES)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, stories: tuple[Path, Path]) -> Path:
    """A store holding the stories of a.jsonl."""
    db = tmp_path_factory.mktemp("base") / "events.duckdb"
    assert ingest(db, stories[0]).returncode == 0
    return db


@pytest.fixture
def db(tmp_path: Path, base: Path) -> Path:
    copy = tmp_path / "events.duckdb"
    shutil.copy(base, copy)
    return copy


def test_crash_full_disk_at_first_write_leaves_store_as_it_was(db, stories) -> None:
    before = rows(db)
    result = ingest(db, stories[1], fsize=1000)
    assert_one_line_error(result, "E303")
    assert "File too large" in result.stderr
    assert rows(db) == before


def test_crash_full_disk_mid_ingest_keeps_whole_stories_then_resumes(db, stories) -> None:
    before = rows(db)
    assert_one_line_error(ingest(db, stories[1], fsize=40_000), "E303")
    kept = assert_whole_stories(db)
    assert STORIES < len(kept) < 2 * STORIES  # the disk filled up part way
    assert rows(db)["articles"][:STORIES] == before["articles"]
    assert ingest(db, *stories).returncode == 0
    assert len(assert_whole_stories(db)) == 2 * STORIES


def test_crash_full_disk_while_creating_leaves_nothing(tmp_path: Path, stories) -> None:
    db = tmp_path / "new.duckdb"
    assert_one_line_error(ingest(db, stories[0], fsize=1000), "E308")
    assert list(tmp_path.iterdir()) == []
    assert ingest(db, stories[0]).returncode == 0
    assert len(assert_whole_stories(db)) == STORIES


@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_crash_read_only_store_is_a_clear_error(db: Path, stories, read_only: str) -> None:
    as_root = os.geteuid() == 0
    if as_root and shutil.which("setpriv") is None:
        pytest.skip("running as root, and setpriv (to drop CAP_DAC_OVERRIDE) is absent")
    before = rows(db)
    target = db if read_only == "file" else db.parent
    mode = target.stat().st_mode
    target.chmod(stat.S_IMODE(mode) & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        result = ingest(db, stories[1], without_dac_override=as_root)
    finally:
        target.chmod(stat.S_IMODE(mode))
    assert_one_line_error(result, "E309")
    assert "Permission denied" in result.stderr
    assert rows(db) == before


def test_crash_two_ingests_at_once_serialise(tmp_path: Path, stories) -> None:
    db = tmp_path / "shared.duckdb"
    # Both start on a store that does not exist yet, with the same stories in other orders.
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", INGEST, "ingest", *map(str, order), "--db", str(db)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        for order in (stories, stories[::-1])
    ]
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    assert len(assert_whole_stories(db)) == 2 * STORIES
    # Between them each story was coded into the store once; the other run found it stored.
    added = [int(out.split()[1]) for out, _err in results]
    assert sum(added) == 2 * STORIES
