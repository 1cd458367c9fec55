"""The command line driven end to end: outputs, the store, and every error case."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventcoder import cli
from eventcoder.types import EVENT_FIELDS

from .conftest import EXAMPLE


@pytest.fixture
def run(coder, monkeypatch):
    """Run the CLI in-process with the session's loaded model; returns (code, out, err)."""
    monkeypatch.setattr(cli, "_coder", lambda args: coder)

    def _run(*argv: str, stdin: str | None = None):
        out, err = io.StringIO(), io.StringIO()
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = cli.main(list(argv), out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return _run


def test_cli_code_jsonl_prints_contract_events(run):
    code, out, err = run("code", str(EXAMPLE), "--date", "2019-05-23", "--format", "jsonl")
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) >= 8
    assert all(tuple(r) == EVENT_FIELDS for r in records)
    assert {r["source_name"] for r in records} == {"Kuwait News Agency"}


def test_cli_code_table_has_a_header_and_rows(run):
    code, out, _err = run("code", str(EXAMPLE), "--date", "2019-05-23", "--format", "table")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["sent", "type", "cameo"]
    assert any("CONSULT" in line and "2019-05-22" in line for line in lines[1:])


def test_cli_code_reads_stdin(run):
    code, out, _err = run("code", "-", "--date", "2019-05-23",
                          stdin="Clashes\n\nPolice arrested 40 protesters in Cairo on Monday.\n")
    assert code == 0
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["event_type"] == "COERCE" and record["arrested"] == 40
    assert record["date"] == "2019-05-20"


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(("name", "data", "code"), [
    ("empty.txt", b"", "E102"),
    ("binary.txt", b"\x00\x01\x02binary\x00", "E103"),
    ("latin1.txt", "Caf\u00e9 talks\n\nThe minister met\n".encode("latin-1"), "E104"),
])
def test_cli_bad_files_are_reported_and_skipped(run, tmp_path, name, data, code):
    bad = _write(tmp_path / name, data)
    good = _write(tmp_path / "good.txt", b"Talks\n\nFrance's president met Germany's chancellor.\n")
    status, out, err = run("code", bad, good, "--date", "2020-01-01")
    assert status == 0
    assert code in err and "skipped 1" in err
    assert out.strip(), "the good story must still be coded"


def test_cli_only_bad_input_fails(run, tmp_path):
    status, out, err = run("code", _write(tmp_path / "e.txt", b""))
    assert status == 1 and "E102" in err and out == ""


def test_cli_malformed_jsonl_line_skips_that_story_only(run, tmp_path):
    lines = [json.dumps({"id": "1", "text": "Police arrested 3 protesters in Cairo.", "date": "2020-02-03"}),
             "{not json",
             json.dumps({"id": "3", "text": "Troops attacked rebels in Goma.", "date": "2020-02-03"})]
    path = tmp_path / "s.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out, err = run("code", str(path))
    assert status == 0
    assert "E105" in err and "line 2" in err
    assert {json.loads(line)["article_id"] for line in out.splitlines()} == {"1", "3"}


@pytest.mark.parametrize(("argv", "status", "message"), [
    (["code", "no/such/file.txt"], 1, "E101"),
    (["code", "examples", "--date", "23/05/2019"], 2, "E001"),
    (["code", "examples", "--format", "xml"], 2, "E002"),
])
def test_cli_usage_and_failure_exit_codes(run, argv, status, message):
    code, _out, err = run(*argv)
    assert code == status
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_cli_directory_without_stories(run, tmp_path):
    (tmp_path / "notes.md").write_text("nothing here")
    code, _out, err = run("code", str(tmp_path))
    assert code == 1 and "E107" in err


def test_cli_ingest_is_idempotent_and_events_lists(run, tmp_path):
    db = str(tmp_path / "events.duckdb")
    code, out, err = run("ingest", str(EXAMPLE), "--db", db, "--date", "2019-05-23")
    assert code == 0, err
    assert out.startswith("ingested 1 new stories")
    code, out, _ = run("ingest", str(EXAMPLE), "--db", db, "--date", "2019-05-23")
    assert code == 0 and out.startswith("ingested 0 new stories (1 already stored), 0 new events")
    code, out, _ = run("events", "--db", db, "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) >= 8 and all(tuple(r) == EVENT_FIELDS for r in records)
    code, out, _ = run("events", "--db", db)
    assert out.splitlines()[0].split()[:2] == ["sent", "type"]


def test_cli_events_on_a_missing_store(run, tmp_path):
    code, _out, err = run("events", "--db", str(tmp_path / "none.duckdb"))
    assert code == 1 and "E302" in err


def test_cli_console_script_is_installed():
    exe = Path(sys.executable).parent / "eventcoder"
    result = subprocess.run([str(exe), "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for command in ("code", "ingest", "events"):
        assert command in result.stdout


def test_cli_actor_dictionary_and_dyads_options(tmp_path):
    """--actors and --dyads reach the coder (a real run of the console entry, own model load)."""
    phoenix = tmp_path / "mine.actors.txt"
    phoenix.write_text("KHALIFA_HAFTAR_ [LBYREB]\n+HAFTAR\n", encoding="utf-8")
    story = tmp_path / "s.txt"
    story.write_text("Clashes\n\nKhalifa Haftar attacked Tripoli and Misrata.\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["code", str(story), "--date", "2019-05-01", "--actors", str(phoenix), "--dyads"],
                    out=out, err=err)
    assert code == 0, err.getvalue()
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {r["actor"][0]["code"] for r in records} == {"LBYREB"}
    assert len(records) == 2 and all(len(r["recipient"]) == 1 for r in records)
