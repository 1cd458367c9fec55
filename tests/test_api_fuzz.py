"""Abusing the HTTP API in-process: schemathesis over /openapi.json, then hostile requests.

Every generated request (valid and invalid parameters, bodies, with and without a key) must
get an answer below 500, and every error must use the one envelope
``{"error": {"status", "code", "message"}}`` with no stack trace. Hand-written requests try
what the schema does not: SQL in parameters, huge bodies and query strings, path traversal,
NUL and surrogate escapes; the store must be unchanged after all of it.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from eventcoder.serve import create_app
from eventcoder.store import Store

from .test_api import Client, _story

EXAMPLES_PER_OPERATION = 25
STORIES = 30


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A small store and a valid API key for it."""
    db = tmp_path_factory.mktemp("api-fuzz") / "events.duckdb"
    rng = random.Random(11)
    with Store.open(db) as store:
        for index in range(STORIES):
            store.add_article(*_story(index, rng))
        _record, key = store.create_api_key(name="fuzz")
    return db, key


class _NoCoder:
    """POST /api/code without the model: it codes nothing, which is all the fuzz needs."""

    dictionary = None

    def code_articles(self, articles, **options):
        for article in articles:
            yield article, []


@pytest.fixture(scope="module")
def original(fuzz_db: tuple[Path, str]) -> dict[str, str]:
    """The stored stories before any request: id -> content hash."""
    with Store.open(fuzz_db[0], read_only=True) as store:
        return store.stored_hashes()


@pytest.fixture(scope="module")
def app(fuzz_db: tuple[Path, str], original: dict[str, str]):
    return create_app(fuzz_db[0], static_dir=None, coder_factory=_NoCoder)


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_asgi("/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


def assert_envelope(response) -> None:
    """Below 500, and an error is the envelope with its status, a code and a message."""
    assert response.status_code < 500, response.text
    assert "Traceback" not in response.text and 'File "' not in response.text
    if response.status_code >= 400:
        error = response.json()["error"]
        assert error["status"] == response.status_code
        assert error["code"].startswith("E") and error["message"]


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_api_fuzz_schema_operations(case, fuzz_db: tuple[Path, str]) -> None:
    with_key = (case.headers or {}).get("X-API-Key") is None and random.random() < 0.5
    headers = {"X-API-Key": fuzz_db[1]} if with_key else None
    assert_envelope(case.call(headers=headers))


@pytest.fixture(scope="module")
def client(app) -> Client:
    return Client(app)


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?q=%27%3B%20DROP%20TABLE%20articles%3B%20--",
        "/api/events?actor_country=FRA%27%20OR%20%271%27%3D%271",
        "/api/events?type=PROTEST)%20UNION%20SELECT%20*%20FROM%20api_keys--",
        "/api/events?fields=id,(SELECT%20key_hash%20FROM%20api_keys)",
        "/api/events?cursor=%27%20OR%201%3D1--",
        "/api/events?limit=99999999999999999999",
        "/api/events?limit=-1",
        "/api/events?bbox=nan,nan,inf,inf",
        "/api/events?start=9999-99-99",
        "/api/events?q=%00%ud800%ED%A0%80",
        "/api/events?q=" + "%F0%9F%98%80" * 200,
        "/api/events/%27%20OR%20%271%27%3D%271",
        "/api/events/..%2F..%2Fetc%2Fpasswd",
        "/api/aggregate?by=dyad;DROP",
        "/api/aggregate?period=month%27",
        "/api/network?limit=100000000&min_weight=-5",
        "/api/timeline?period=%27",
        "/../../etc/passwd",
        "/static/..%2F..%2F..%2Fetc%2Fpasswd",
    ],
)
def test_api_fuzz_hostile_queries(client: Client, fuzz_db: tuple[Path, str], url: str) -> None:
    response = client.get(url)
    assert_envelope(response)
    assert "root:x:0:0" not in response.text  # /etc/passwd
    if response.status_code == 200:  # an error may quote the input, an answer may not leak
        assert "key_hash" not in response.text


JSON = {"Content-Type": "application/json"}


@pytest.mark.parametrize(
    ("body", "headers", "statuses"),
    [
        (b"x" * 2_000_000, JSON, {413}),
        (b"{" * 100_000, JSON, {400, 422}),
        (b'{"text": "\\ud800", "store": true}', JSON, {200, 422}),
        (b"\xff\xfe\x00", JSON, {400, 422}),
        (b'{"text": "a", "date": "2019-02-30"}', JSON, {422}),
        (b'{"text": "a"}', {"Content-Type": "text/plain"}, {200, 415, 422}),
    ],
    ids=["2MB", "deep-json", "lone-surrogate", "utf16-bytes", "bad-date", "text-plain"],
)
def test_api_fuzz_hostile_bodies(
    client: Client, fuzz_db: tuple[Path, str], body: bytes, headers: dict, statuses: set[int]
) -> None:
    response = client.post("/api/code", content=body, headers={**headers, "X-API-Key": fuzz_db[1]})
    assert_envelope(response)
    assert response.status_code in statuses


@pytest.mark.parametrize(
    ("key", "statuses"),
    [(None, {401}), ("", {401}), ("' OR '1'='1", {401}), ("\u00e9\u00e9", {401}),
     ("x" * 10_000, {401, 422})],
    ids=["none", "empty", "sql", "latin-1", "10KB"],
)
def test_api_fuzz_bad_keys_are_refused(client: Client, key: str | None, statuses: set[int]) -> None:
    headers = {} if key is None else {"X-API-Key": key.encode("utf-8")}
    response = client.post("/api/code", json={"text": "Troops withdrew."}, headers=headers)
    assert_envelope(response)
    assert response.status_code in statuses


def test_api_fuzz_long_query_string_is_414(client: Client) -> None:
    response = client.get("/api/events?q=" + "a" * 10_000)
    assert_envelope(response)
    assert response.status_code == 414


def test_api_fuzz_store_is_unchanged_after_the_abuse(
    client: Client, fuzz_db: tuple[Path, str], original: dict[str, str]
) -> None:
    # Runs last in this module. POST /api/code with a key may add stories; nothing may change
    # or drop what was there, and the key must still work.
    client.get("/api/events?q=%27%3B%20DROP%20TABLE%20articles%3B%20--")
    with Store.open(fuzz_db[0], read_only=True, wait=5) as store:
        assert original.items() <= store.stored_hashes().items()
        assert store.find_api_key(fuzz_db[1]) is not None
