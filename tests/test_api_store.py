"""The store side of the API: the place columns (migration 3) and sharing the open store
between requests without shutting out a writer in another process."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time

import duckdb
import pytest

from eventcoder.errors import StoreError
from eventcoder.serve import app as app_module
from eventcoder.serve import create_app
from eventcoder.serve._pool import ReaderPool
from eventcoder.store import Store
from eventcoder.store._migrations import migrate

from .conftest import ROOT
from .test_api import Client
from .test_api_cli import version_2_store
from .test_store import make_article, make_event


def test_api_store_migration_3_fills_places_of_older_rows(tmp_path):
    events = [make_event("a1", 1), make_event("a1", 2, id="a1-2", location=None)]
    with duckdb.connect(str(tmp_path / "old.duckdb")) as conn:
        version_2_store(conn)
        conn.execute("INSERT INTO articles (id, content_hash, ingested_at) VALUES "
                     "('a1', 'h', now()::TIMESTAMP)")
        for event in events:
            conn.execute("INSERT INTO mentions (id, article_id, sentence_index, record) "
                         "VALUES (?, 'a1', ?, ?)",
                         [event.id, event.sentence_index, json.dumps(event.to_dict())])
        assert migrate(conn) == [3, 4]
        rows = conn.execute(
            "SELECT id, location_name, lat, lon FROM mentions ORDER BY id").fetchall()
    assert rows == [("a1-1-consult", "Paris", 48.8566, 2.3522), ("a1-2", None, None, None)]


def test_api_store_new_rows_carry_their_place(tmp_path):
    db = tmp_path / "e.duckdb"
    with Store.open(db) as store:
        store.add_article(make_article("a1"), [make_event("a1", 1)])
    with duckdb.connect(str(db), read_only=True) as conn:
        rows = conn.execute("SELECT location_name, lat, lon FROM mentions").fetchall()
    assert rows == [("Paris", 48.8566, 2.3522)]


_WRITER = """
import sys, time
from eventcoder.store import Store
from tests.test_store import make_article, make_event
started = time.monotonic()
with Store.open(sys.argv[1], wait=10) as store:
    store.add_article(make_article("late", text="Late."), [make_event("late", 1)])
print(round(time.monotonic() - started, 2))
"""


def test_api_store_a_writer_gets_in_while_requests_keep_coming(tmp_path, monkeypatch):
    db = tmp_path / "e.duckdb"
    with Store.open(db) as store:
        store.add_article(make_article("a1"), [make_event("a1", 1)])
    monkeypatch.setattr(app_module, "READER_MAX_HOLD", 0.3)
    client = Client(create_app(db, static_dir=None))
    answers: list[int] = []
    stop = threading.Event()

    def keep_asking() -> None:
        while not stop.is_set():
            answers.append(client.get("/api/health").json()["articles"])

    asking = threading.Thread(target=keep_asking)
    asking.start()
    try:
        time.sleep(0.3)  # requests are under way: the store is held
        writer = subprocess.run([sys.executable, "-c", _WRITER, str(db)], capture_output=True,
                                text=True, timeout=60, cwd=str(ROOT))
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and (not answers or answers[-1] != 2):
            time.sleep(0.05)
    finally:
        stop.set()
        asking.join()
    assert writer.returncode == 0, writer.stderr
    assert float(writer.stdout) < 5  # it waited for a gap, not for the requests to stop
    assert answers[0] == 1 and answers[-1] == 2
    assert set(answers) == {1, 2}



@pytest.mark.parametrize("linger", [0.0, 0.2])
def test_api_store_pool_holds_the_store_only_while_lingering(tmp_path, linger):
    db = tmp_path / "e.duckdb"
    with Store.open(db) as store:
        store.add_article(make_article("a1"), [make_event("a1", 1)])
    pool = ReaderPool(db, wait=0, linger=linger, max_hold=10, gap=0)
    for _ in range(2):
        with pool.borrow() as reader:
            assert reader.count_events() == 1
    if linger:
        # Still held for the next request: this process cannot open it for writing.
        with pytest.raises(StoreError):
            Store.open(db).close()
        time.sleep(linger * 2)
    Store.open(db).close()
    with pool.borrow() as reader:
        assert reader.count_events() == 1
    pool.close()
    Store.open(db).close()
