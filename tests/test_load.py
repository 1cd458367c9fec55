"""A bounded load test: `eventcoder serve` on loopback answers 1,000 requests from 16
concurrent clients without one server error (scripts/loadtest.py runs the full 10,000)."""

from __future__ import annotations

import pytest

from .conftest import script_module


@pytest.fixture(scope="module")
def loadtest():
    """scripts/loadtest.py, imported as a module."""
    yield from script_module("loadtest")


def test_load_thousand_requests_sixteen_clients_no_server_error(loadtest, tmp_path: Path) -> None:
    db = tmp_path / "load.duckdb"
    loadtest.build_store(db, events=1200)
    with loadtest.Server(db) as server:
        result = loadtest.run_load(server.url, requests=1000, concurrency=16,
                                   event_ids=loadtest.event_ids(db))
    assert result.requests == 1000 and result.statuses == {"200": 1000}
    assert result.server_errors == 0 and result.failed == 0
    assert 0 < result.p50_ms <= result.p99_ms
    assert server.process.returncode is not None  # stopped


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Benchmarks\n", "# Benchmarks\n\nBLOCK\n"),
        ("a\n<!-- load:start -->\nold\n<!-- load:end -->\nb\n", "a\nBLOCK\nb\n"),
        ("<!-- bench:start -->x<!-- bench:end -->\n",
         "<!-- bench:start -->x<!-- bench:end -->\n\nBLOCK\n"),
    ],
)
def test_load_markdown_block_replaces_only_its_own(loadtest, tmp_path: Path, text: str,
                                                   expected: str) -> None:
    path = tmp_path / "BENCHMARKS.md"
    path.write_text(text, encoding="utf-8")
    loadtest.write_block(path, "BLOCK")
    assert path.read_text(encoding="utf-8") == expected
