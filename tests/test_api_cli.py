"""`eventcoder serve`: refuses a missing store, upgrades an old one, hands uvicorn the app."""

from __future__ import annotations

import io

import duckdb
import pytest

from eventcoder.cli import main
from eventcoder.store import SCHEMA_VERSION, Store
from eventcoder.store._migrations import MIGRATIONS

from .test_api import Client


def version_2_store(conn: duckdb.DuckDBPyConnection) -> None:
    """The schema as eventcoder made it before the API's migrations (3 and 4)."""
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                 "name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)")
    for migration in MIGRATIONS[:2]:
        migration.apply(conn)
        conn.execute("INSERT INTO schema_migrations VALUES (?, ?, now()::TIMESTAMP)",
                     [migration.version, migration.name])


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, err.getvalue()


@pytest.fixture
def served(monkeypatch) -> list[dict]:
    """The calls to uvicorn.run, which is not started."""
    import uvicorn

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append({"app": app,
                                                                             **options}))
    return calls


def test_api_cli_serve_refuses_a_missing_store(tmp_path, served):
    missing = tmp_path / "none.duckdb"
    code, err = run("serve", "--db", str(missing))
    assert (code, "E302" in err, missing.exists(), served) == (1, True, False, [])


@pytest.mark.parametrize("port", ["0", "70000"])
def test_api_cli_serve_refuses_a_bad_port(tmp_path, served, port):
    db = tmp_path / "e.duckdb"
    Store.open(db).close()
    code, err = run("serve", "--db", str(db), "--port", port)
    assert (code, "E004" in err, served) == (2, True, [])


def test_api_cli_serve_upgrades_an_old_store_and_serves_it(tmp_path, served):
    db = tmp_path / "old.duckdb"
    with duckdb.connect(str(db)) as conn:
        version_2_store(conn)
    code, err = run("serve", "--db", str(db), "--port", "8123", "--cors-origin",
                    "http://ok.example")
    assert code == 0 and "http://127.0.0.1:8123/" in err
    (call,) = served
    assert (call["host"], call["port"]) == ("127.0.0.1", 8123)
    with Store.open(db, read_only=True) as store:
        assert store.count_events() == 0
    response = Client(call["app"]).get("/api/health", headers={"Origin": "http://ok.example"})
    assert response.json()["events"] == 0
    assert response.headers["access-control-allow-origin"] == "http://ok.example"
    assert SCHEMA_VERSION == MIGRATIONS[-1].version

