"""API keys (issue 9 part 3): created, listed and revoked from the CLI, stored hashed, and
required by POST /api/code; request bounds."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import duckdb
import pytest

from eventcoder.cli import main
from eventcoder.serve import create_app
from eventcoder.store import Store

from .test_api import Client
from .test_store import make_article, make_event


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def new_store(folder: Path) -> Path:
    path = folder / "events.duckdb"
    with Store.open(path) as store:
        store.add_article(make_article("a1"), [make_event("a1", 1)])
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return new_store(tmp_path)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory) -> Path:
    """A store for tests that add keys to it but read nothing else (no app holds it)."""
    return new_store(tmp_path_factory.mktemp("keys"))


class FakeCoder:
    """Codes every story as one CONSULT event: POST /api/code without the model."""

    def __init__(self) -> None:
        self.seen: list = []

    def code_articles(self, articles, *, on_error):
        for article in articles:
            self.seen.append(article)
            yield article, [make_event(article.id, 1, id=f"{article.id}-e")]


def test_keys_create_list_revoke_round_trip(db):
    code, token, err = run("keys", "create", "--db", str(db), "--name", "dashboard")
    token = token.strip()
    assert code == 0 and token.startswith("eck_") and "shown only this once" in err
    key_id = token.split("_")[1]
    code, listing, _ = run("keys", "list", "--db", str(db))
    assert code == 0
    assert listing.splitlines()[0] == "id\tname\tcreated\trevoked"
    (row,) = listing.splitlines()[1:]
    assert row.split("\t")[:2] == [key_id, "dashboard"] and row.endswith("\t")
    assert token not in listing
    assert run("keys", "revoke", key_id, "--db", str(db))[:2] == (0, f"revoked key {key_id}\n")
    (row,) = run("keys", "list", "--db", str(db))[1].splitlines()[1:]
    assert row.split("\t")[3]  # the revocation time


def test_keys_store_only_the_sha256(db):
    with Store.open(db) as store:
        _key, token = store.create_api_key(name="x")
    with duckdb.connect(str(db), read_only=True) as conn:
        rows = conn.execute("SELECT * FROM api_keys").fetchall()
    assert token not in repr(rows)
    assert hashlib.sha256(token.encode()).hexdigest() in repr(rows)
    assert token.encode() not in db.read_bytes()


@pytest.mark.parametrize(("change", "found"), [
    (lambda t: t, True),
    (lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), False),
    (lambda t: "eck_00000000_" + t.split("_", 2)[2], False),
    (lambda t: t.removeprefix("eck_"), False),
    (lambda t: "eck_", False),
    (lambda t: "", False),
    (lambda t: t + "\udcff", False),
])
def test_keys_find_only_the_exact_key(shared_db, change, found):
    with Store.open(shared_db) as store:
        key, token = store.create_api_key()
        assert (store.find_api_key(change(token)) == key) is found


def test_keys_revoking_twice_keeps_the_first_time(db):
    with Store.open(db) as store:
        key, token = store.create_api_key()
        first = store.revoke_api_key(key.id)
        assert store.revoke_api_key(key.id) == first
        assert store.find_api_key(token) == first and first.revoked_at is not None
        assert store.revoke_api_key("nope") is None


@pytest.mark.parametrize("argv", [("keys", "list"), ("keys", "create"),
                                  ("keys", "revoke", "abc")])
def test_keys_commands_refuse_a_missing_store(tmp_path, argv):
    missing = tmp_path / "missing.duckdb"
    code, _out, err = run(*argv, "--db", str(missing))
    assert (code, "E302" in err, missing.exists()) == (1, True, False)


def test_keys_revoke_unknown_id_is_a_usage_error(db):
    code, _out, err = run("keys", "revoke", "deadbeef", "--db", str(db))
    assert code == 2 and "E533" in err


@pytest.fixture(scope="module")
def keyed(tmp_path_factory):
    """(db, a valid key, a revoked key); the apps over it only read it."""
    db = new_store(tmp_path_factory.mktemp("keyed"))
    with Store.open(db) as store:
        _key, valid = store.create_api_key(name="ok")
        revoked_key, revoked = store.create_api_key(name="old")
        store.revoke_api_key(revoked_key.id)
    return db, valid, revoked


STORY = {"text": "PARIS — Macron met Haftar.", "title": "Macron meets Haftar",
         "date": "2019-05-23", "source_name": "AFP"}


@pytest.mark.parametrize(("key", "status", "code"), [
    (None, 401, "E527"),
    ("", 401, "E527"),
    ("eck_12345678_nope", 401, "E528"),
    ("revoked", 403, "E529"),
])
def test_keys_code_needs_a_valid_key(keyed, key, status, code):
    db, _valid, revoked = keyed
    coder = FakeCoder()
    client = Client(create_app(db, static_dir=None, coder_factory=lambda: coder))
    headers = {} if key is None else {"X-API-Key": revoked if key == "revoked" else key}
    # Even a bad body is answered with the key error: nothing is checked for strangers.
    response = client.post("/api/code", json={"nope": 1}, headers=headers)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert coder.seen == []


@pytest.mark.parametrize(("body", "says"), [
    ({}, "text"),
    ({"text": ""}, "text"),
    ({"text": "   "}, "empty"),
    ({"text": "x", "date": "23/05/2019"}, "date"),
    ({"text": "x", "store": "maybe"}, "store"),
    ({"text": "x", "extra": 1}, "extra"),
    ([1, 2], "body"),
])
def test_keys_code_rejects_bad_bodies(keyed, body, says):
    db, valid, _revoked = keyed
    client = Client(create_app(db, static_dir=None, coder_factory=FakeCoder))
    response = client.post("/api/code", json=body, headers={"X-API-Key": valid})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "E521" and says in error["message"]


def test_keys_code_stores_only_when_asked(db):
    with Store.open(db) as store:
        _key, valid = store.create_api_key()
    coder = FakeCoder()
    client = Client(create_app(db, static_dir=None, coder_factory=lambda: coder,
                               reader_linger=0))
    headers = {"X-API-Key": valid}
    answer = client.post("/api/code", json=STORY, headers=headers).json()
    assert answer["stored"] is False and [e["article_id"] for e in answer["events"]] == [
        answer["article_id"]]
    article = coder.seen[0]
    assert (article.title, article.published.isoformat(), article.source_name) == (
        STORY["title"], STORY["date"], STORY["source_name"])
    assert client.get("/api/health").json()["articles"] == 1
    stored = client.post("/api/code", json={**STORY, "store": True}, headers=headers).json()
    assert stored["stored"] is True
    assert client.get("/api/health").json()["articles"] == 2
    listed = client.get("/api/events?limit=10").json()["events"]
    assert stored["events"][0]["id"] in [e["id"] for e in listed]


def test_keys_code_without_a_coder_is_503(keyed):
    db, valid, _revoked = keyed
    response = Client(create_app(db, static_dir=None)).post(
        "/api/code", json=STORY, headers={"X-API-Key": valid})
    assert (response.status_code, response.json()["error"]["code"]) == (503, "E532")


@pytest.mark.parametrize("chunked", [False, True])
def test_keys_body_over_the_limit_is_413(keyed, chunked):
    db, valid, _revoked = keyed
    coder = FakeCoder()
    client = Client(create_app(db, static_dir=None, coder_factory=lambda: coder,
                               max_body=1000))
    body = b'{"text": "' + b"x" * 2000 + b'"}'

    async def chunks():
        # A streamed body: no Content-Length, the limit is found by reading.
        yield body[:500]
        yield body[500:]

    content = chunks() if chunked else body
    response = client.post("/api/code", content=content,
                           headers={"X-API-Key": valid, "Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E525"
    assert coder.seen == []
    small = client.post("/api/code", json={"text": "x"}, headers={"X-API-Key": valid})
    assert small.status_code == 200


def test_keys_coder_failure_is_a_500_envelope(keyed):
    db, valid, _revoked = keyed

    class Broken(FakeCoder):
        def code_articles(self, articles, *, on_error):
            for article in articles:
                on_error(article, RuntimeError("model exploded at /srv/secret"))
            yield from ()

    client = Client(create_app(db, static_dir=None, coder_factory=Broken))
    response = client.post("/api/code", json=STORY, headers={"X-API-Key": valid})
    assert response.status_code == 500
    assert "secret" not in response.text


def test_keys_code_is_not_built_twice(keyed):
    db, valid, _revoked = keyed
    built = []

    def factory():
        built.append(1)
        return FakeCoder()

    client = Client(create_app(db, static_dir=None, coder_factory=factory))
    for text in ("one", "two"):
        response = client.post("/api/code", json={**STORY, "text": text},
                               headers={"X-API-Key": valid})
        assert response.status_code == 200
    assert built == [1]

