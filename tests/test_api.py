"""The HTTP API in-process (ASGI, no sockets): every endpoint and format, pagination, filters,
and the one error envelope."""

from __future__ import annotations

import asyncio
import collections
import csv
import datetime as dt
import io
import json
import random
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import httpx
import pytest

from eventcoder.export import FLAT_COLUMNS
from eventcoder.serve import create_app
from eventcoder.store import EventFilter, Store
from eventcoder.types import EVENT_FIELDS, Actor, Place, Span

from .test_store import FRANCE, ITALY, LIBYA, make_article, make_event

TUNIS = Place("Tunis", country="TUN", lat=36.8, lon=10.18, geonameid=2464470, precision="city")
PARIS = Place("Paris", country="FRA", lat=48.8566, lon=2.3522, geonameid=2988507,
              precision="city")
SUVA = Place("Suva", country="FJI", lat=-18.14, lon=178.44, geonameid=2198148, precision="city")
APIA = Place("Apia", country="WSM", lat=-13.83, lon=-171.76, geonameid=4035413,
             precision="city")
PLACES = (PARIS, TUNIS, SUVA, APIA, None)
ARMY = Actor("the army", name="Libyan National Army", country="LBY", sector="MIL",
             code="LBYMIL")
TYPES = (("CONSULT", "043", "04", 2.8, 1), ("PROTEST", "141", "14", -6.5, 3),
         ("ASSAULT", "190", "19", -10.0, 4), ("AID", "070", "07", 7.0, 2))
# The sentence of every event, with its offsets in the body: highlights are checked on it.
SENTENCE = "Emmanuel Macron met Khalifa Haftar in Paris."
LEAD = "PARIS, May 23 — "


def _story(index: int, rng: random.Random) -> tuple[Any, list[Any]]:
    published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(400))
    article = make_article(f"s{index:02d}", published=published,
                           text=f"{LEAD}{SENTENCE} Story {index}.",
                           source_name=rng.choice(("KUNA", "AFP", "Reuters")))
    base = len(article.title) + 2 + len(LEAD)  # title, blank line, then the body
    events = []
    for s in range(rng.randrange(4)):
        event_type, cameo, root, goldstein, quad = rng.choice(TYPES)
        actor = replace(rng.choice((FRANCE, ITALY, LIBYA)), start=base, end=base + 15)
        recipient = replace(rng.choice((FRANCE, ITALY, LIBYA, ARMY)), start=base + 20,
                            end=base + 34)
        undated = rng.random() < 0.15
        events.append(make_event(
            article.id, s + 1, id=f"{article.id}-{s}", sentence=SENTENCE,
            trigger=Span("met", base + 16, base + 19),
            event_type=event_type, cameo=cameo, cameo_root=root, goldstein=goldstein,
            quad_class=quad, actor=(actor,), recipient=(recipient,),
            location=rng.choice(PLACES),
            date=None if undated else (published - dt.timedelta(days=rng.randrange(2))).isoformat(),
            source_name=article.source_name))
    return article, events


@pytest.fixture(scope="module")
def api_db(tmp_path_factory) -> Path:
    """60 stories over 2019-2020: four places (two either side of the antimeridian) and none,
    undated events, repeated reports (the dedup policies group them)."""
    db = tmp_path_factory.mktemp("api") / "events.duckdb"
    rng = random.Random(7)
    with Store.open(db) as store:
        for index in range(60):
            store.add_article(*_story(index, rng))
    return db


@pytest.fixture(scope="module")
def records(api_db) -> list[dict[str, Any]]:
    with Store.open(api_db, read_only=True) as store:
        return list(store.iter_events())


class Client:
    """A synchronous client that calls the ASGI app in-process (httpx's ASGI transport)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def request(self, method: str, url: str, **options: Any) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                return await client.request(method, url, **options)

        return asyncio.run(send())

    def get(self, url: str, **options: Any) -> httpx.Response:
        return self.request("GET", url, **options)

    def post(self, url: str, **options: Any) -> httpx.Response:
        return self.request("POST", url, **options)


@pytest.fixture(scope="module")
def client(api_db) -> Client:
    return Client(create_app(api_db, static_dir=None))


def walk(client: Client, url: str) -> list[dict[str, Any]]:
    """Every event of a listing, following next_cursor page by page."""
    found: list[dict[str, Any]] = []
    cursor = None
    for _ in range(1000):
        # Cursors are URL-safe base64: they need no quoting.
        body = client.get(f"{url}&cursor={cursor}" if cursor else url).json()
        assert body["count"] == len(body["events"])
        found += body["events"]
        cursor = body["next_cursor"]
        if cursor is None:
            return found
    raise AssertionError("the pages never ended")


def newest_first(items: list[dict[str, Any]]) -> bool:
    dates = [e["date"] for e in items]
    dated = [d for d in dates if d is not None]
    undated = len(dates) - len(dated)
    return dated == sorted(dated, reverse=True) and dates == dated + [None] * undated


def test_api_health_counts_articles_and_events(client, records):
    body = client.get("/api/health").json()
    assert body == {"status": "ok", "version": body["version"], "articles": 60,
                    "events": len(records)}


@pytest.mark.parametrize("limit", [1, 7, 1000])
def test_api_events_pages_walk_every_mention_once(client, records, limit):
    found = walk(client, f"/api/events?limit={limit}")
    assert sorted(e["id"] for e in found) == sorted(r["id"] for r in records)
    assert len(found) == len({e["id"] for e in found})
    assert newest_first(found)
    assert {e["id"]: e for e in found} == {r["id"]: r for r in records}


@pytest.mark.parametrize("policy", ["exact-key.v1", "one-a-day.v1"])
def test_api_events_dedup_pages_match_the_store(client, api_db, policy):
    found = walk(client, f"/api/events?limit=5&dedup={policy}")
    with Store.open(api_db, read_only=True) as store:
        expected = {row["id"]: row for row in store.iter_deduplicated(policy=policy)}
    assert sorted(e["dedup"]["id"] for e in found) == sorted(expected)
    for event in found:
        row = expected[event["dedup"]["id"]]
        assert event["id"] == row["record"]["id"]
        assert (event["dedup"]["num_mentions"], event["dedup"]["mention_ids"]) == (
            row["num_mentions"], row["mention_ids"])
    assert newest_first(found)


def _first(side: str, part: str):
    return lambda r: r[side][0][part] if r[side] else None


@pytest.mark.parametrize(("query", "keep"), [
    ("actor_country=FRA", lambda r: _first("actor", "country")(r) == "FRA"),
    ("actor_country=fra,ita", lambda r: _first("actor", "country")(r) in ("FRA", "ITA")),
    ("recipient_country=LBY", lambda r: _first("recipient", "country")(r) == "LBY"),
    ("recipient_sector=MIL", lambda r: _first("recipient", "sector")(r) == "MIL"),
    ("actor_sector=GOV", lambda r: _first("actor", "sector")(r) == "GOV"),
    ("type=protest,ASSAULT", lambda r: r["event_type"] in ("PROTEST", "ASSAULT")),
    ("cameo_root=04", lambda r: r["cameo_root"] == "04"),
    ("quad=2,4", lambda r: r["quad_class"] in (2, 4)),
    ("place_country=TUN", lambda r: (r["location"] or {}).get("country") == "TUN"),
    ("start=2019-06-01", lambda r: r["date"] is not None and r["date"] >= "2019-06-01"),
    ("start=2019-03-01&end=2019-03-31",
     lambda r: r["date"] is not None and "2019-03-01" <= r["date"] <= "2019-03-31"),
    ("q=KHALIFA", lambda r: True),
    ("q=Story", lambda r: False),
    ("q=%27%29%3B%20DROP%20TABLE%20mentions%3B%20--", lambda r: False),  # '); DROP TABLE ...
    ("q=national%20ARMY",
     lambda r: any(a["name"] == "Libyan National Army" for a in r["actor"] + r["recipient"])),
    ("bbox=0,30,20,50", lambda r: (r["location"] or {}).get("name") in ("Paris", "Tunis")),
    ("bbox=175,-20,-170,-10", lambda r: (r["location"] or {}).get("name") in ("Suva", "Apia")),
    ("bbox=175,-20,180,-10", lambda r: (r["location"] or {}).get("name") == "Suva"),
])
def test_api_events_filters_match_a_python_filter(client, records, query, keep):
    found = walk(client, f"/api/events?limit=1000&{query}")
    assert sorted(e["id"] for e in found) == sorted(r["id"] for r in records if keep(r))


def test_api_events_fields_keep_only_those_asked_for(client):
    body = client.get("/api/events", params={"fields": "date,event_type", "limit": 3}).json()
    assert [set(e) for e in body["events"]] == [{"id", "date", "event_type"}] * 3
    deduplicated = client.get("/api/events", params={"fields": "date", "dedup": "exact-key.v1",
                                                     "limit": 2}).json()
    assert [set(e) for e in deduplicated["events"]] == [{"id", "date", "dedup"}] * 2


def test_api_events_records_follow_the_contract(client):
    (event,) = client.get("/api/events?limit=1").json()["events"]
    assert list(event) == list(EVENT_FIELDS)


def test_api_events_formats_carry_the_same_page(client):
    url = "/api/events?limit=9&actor_country=FRA"
    page = client.get(url).json()
    ids = [e["id"] for e in page["events"]]
    lines = client.get(url + "&format=jsonl")
    assert lines.headers["content-type"] == "application/x-ndjson"
    assert [json.loads(line) for line in lines.text.splitlines()] == page["events"]
    assert lines.headers["x-next-cursor"] == page["next_cursor"]
    table = client.get(url + "&format=csv")
    assert table.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert [r["id"] for r in rows] == ids and tuple(rows[0]) == FLAT_COLUMNS
    geo = client.get(url + "&format=geojson&fields=date")
    assert geo.headers["content-type"] == "application/geo+json"
    collection = geo.json()
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == ids
    for feature, event in zip(collection["features"], page["events"]):
        place = event["location"]
        expected = {"type": "Point", "coordinates": [place["lon"], place["lat"]]} if place else None
        assert feature["geometry"] == expected
        assert feature["properties"] == {"id": event["id"], "date": event["date"]}


def test_api_event_detail_has_mentions_article_and_highlights(client, records):
    # An event reported by more than one mention under the default policy.
    keys = collections.Counter((r["date"], r["actor"][0]["code"], r["event_type"],
                                r["recipient"][0]["code"], (r["location"] or {}).get("name"))
                               for r in records)
    record = next(r for r in records if keys[(r["date"], r["actor"][0]["code"], r["event_type"],
                                             r["recipient"][0]["code"],
                                             (r["location"] or {}).get("name"))] > 1)
    body = client.get(f"/api/events/{record['id']}").json()
    assert {k: body[k] for k in EVENT_FIELDS} == record
    assert body["article"] == {"id": record["article_id"], "title": make_article().title,
                               "url": make_article().url, "published": body["article"]["published"]}
    assert len(body["mentions"]) > 1 and record["id"] in [m["id"] for m in body["mentions"]]
    for mention in [body, *body["mentions"]]:
        marked = {(mention["sentence"][h["start"]:h["end"]], h["role"])
                  for h in mention["highlights"]}
        assert marked == {("met", "trigger"), ("Emmanuel Macron", "actor"),
                          ("Khalifa Haftar", "recipient")}
    alone = client.get(f"/api/events/{record['id']}?dedup=off").json()
    assert [m["id"] for m in alone["mentions"]] == [record["id"]]
    mention = alone["mentions"][0]
    assert set(mention) == {"id", "article_id", "sentence_index", "sentence", "trigger", "actor",
                            "recipient", "title", "url", "source_name", "published", "highlights"}


def test_api_map_counts_events_by_place_and_quad(client, records):
    points = client.get("/api/map").json()["points"]
    expected = collections.Counter((r["location"]["name"], r["quad_class"]) for r in records
                                   if r["location"])
    got = {(p["name"], int(q)): n for p in points for q, n in p["quad"].items() if n}
    assert got == dict(expected)
    assert [p["count"] for p in points] == sorted((p["count"] for p in points), reverse=True)
    paris = next(p for p in points if p["name"] == "Paris")
    assert (paris["lat"], paris["lon"], paris["country"]) == (PARIS.lat, PARIS.lon, "FRA")
    only = client.get("/api/map?bbox=175,-20,-170,-10").json()["points"]
    assert {p["name"] for p in only} == {"Suva", "Apia"}


@pytest.mark.parametrize("period", ["day", "week", "month"])
def test_api_timeline_counts_dated_events_by_period_and_quad(client, records, period):
    rows = client.get(f"/api/timeline?period={period}&actor_country=FRA").json()["rows"]
    expected: collections.Counter = collections.Counter()
    for r in records:
        if r["date"] and r["actor"][0]["country"] == "FRA":
            day = dt.date.fromisoformat(r["date"])
            start = {"day": day, "week": day - dt.timedelta(days=day.weekday()),
                     "month": day.replace(day=1)}[period]
            expected[(start.isoformat(), r["quad_class"])] += 1
    assert {(row["period"], row["quad"]): row["count"] for row in rows} == dict(expected)
    assert rows == sorted(rows, key=lambda row: (row["period"], row["quad"]))


def test_api_network_weights_edges_between_the_top_actors(client, records):
    body = client.get("/api/network?limit=3&min_weight=2").json()
    involved = collections.Counter()
    pairs = collections.Counter()
    for r in records:
        involved[r["actor"][0]["code"]] += 1
        involved[r["recipient"][0]["code"]] += 1
        pairs[(r["actor"][0]["code"], r["recipient"][0]["code"])] += 1
    top = sorted(involved, key=lambda code: (-involved[code], code))[:3]
    assert [(n["id"], n["count"]) for n in body["nodes"]] == [(c, involved[c]) for c in top]
    assert {(e["source"], e["target"]): e["weight"] for e in body["edges"]} == {
        pair: n for pair, n in pairs.items() if n >= 2 and set(pair) <= set(top)}
    labels = {n["id"]: n["label"] for n in body["nodes"]}
    assert labels.get("FRAGOV", "Emmanuel Macron") == "Emmanuel Macron"


@pytest.mark.parametrize("query", [
    {}, {"by": "country", "period": "year", "split": "type"},
    {"normalise": "true", "split": "quad", "dedup": "off", "actor_country": "ITA"},
])
def test_api_aggregate_matches_the_store(client, api_db, query):
    rows = client.get("/api/aggregate", params=query).json()["rows"]
    with Store.open(api_db, read_only=True) as store:
        expected = store.aggregate(
            by=query.get("by", "dyad"), period=query.get("period", "month"),
            split=query.get("split"), normalise="normalise" in query,
            policy=query.get("dedup", "exact-key.v1"),
            where=EventFilter(actor_country=query.get("actor_country")))
    # approx: DuckDB's parallel sums may round the last bit either way from one run to the next.
    assert rows == [pytest.approx({**asdict(row), "period": row.period.isoformat()})
                    for row in expected]
    assert rows


def test_api_ontology_lists_types_contexts_and_cameo(client):
    body = client.get("/api/ontology").json()
    types = {t["name"]: t for t in body["types"]}
    assert len(types) == 16 and "visit" in types["CONSULT"]["modes"]
    codes = {c["code"]: c for c in body["cameo"]}
    assert codes["043"]["plover_type"] == "CONSULT" and codes["190"]["quad_class"] == 4
    assert codes["010"]["plover_type"] is None
    assert body["version"]


def test_api_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths) >= {"/api/health", "/api/events", "/api/events/{event_id}",
                          "/api/aggregate", "/api/map", "/api/timeline", "/api/network",
                          "/api/ontology", "/api/code"}


@pytest.mark.parametrize(("method", "url", "status", "code", "says"), [
    ("GET", "/api/events?start=2019-13-01", 422, "E521", "start"),
    ("GET", "/api/events?start=May", 422, "E521", "start"),
    ("GET", "/api/events?start=2019-05-02&end=2019-05-01", 422, "E521", "end"),
    ("GET", "/api/events?bbox=1,2,3", 422, "E521", "bbox"),
    ("GET", "/api/events?bbox=1,2,3,nan", 422, "E521", "bbox"),
    ("GET", "/api/map?bbox=0,50,10,40", 422, "E521", "bbox"),
    ("GET", "/api/events?limit=1001", 422, "E521", "limit"),
    ("GET", "/api/events?limit=0", 422, "E521", "limit"),
    ("GET", "/api/events?cursor=abc", 422, "E521", "cursor"),
    ("GET", "/api/events?dedup=nope", 422, "E521", "dedup"),
    ("GET", "/api/events?fields=id,nope", 422, "E521", "fields"),
    ("GET", "/api/events?format=xml", 422, "E521", "format"),
    ("GET", "/api/events?type=DANCE", 422, "E521", "type"),
    ("GET", "/api/events?actor_country=FRANCE", 422, "E521", "actor_country"),
    ("GET", "/api/events?quad=5", 422, "E521", "quad"),
    ("GET", "/api/events?cameo_root=21", 422, "E521", "cameo_root"),
    ("GET", "/api/timeline?period=decade", 422, "E521", "period"),
    ("GET", "/api/network?limit=100000", 422, "E521", "limit"),
    ("GET", "/api/events/no-such-event", 404, "E522", "no-such-event"),
    ("GET", "/api/nothing", 404, "E523", "/api/nothing"),
    ("GET", "/", 404, "E523", "/"),
    ("DELETE", "/api/events", 405, "E524", "DELETE"),
    ("GET", "/api/events?q=" + "x" * 5000, 414, "E526", "4096"),
])
def test_api_errors_share_one_envelope(client, method, url, status, code, says):
    response = client.request(method, url)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (status, code)
    assert says in error["message"]
    assert set(response.json()) == {"error"}


def test_api_cursor_of_another_policy_is_refused(client):
    cursor = client.get("/api/events?limit=1").json()["next_cursor"]
    response = client.get("/api/events", params={"cursor": cursor, "dedup": "exact-key.v1"})
    assert (response.status_code, response.json()["error"]["code"]) == (422, "E521")


def test_api_unexpected_error_is_a_500_envelope_without_a_trace(api_db, monkeypatch, caplog):
    def broken(self):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(Store, "count_events", broken)
    response = Client(create_app(api_db, static_dir=None)).get("/api/health")
    assert response.status_code == 500
    assert response.json() == {"error": {"status": 500, "code": "E520",
                                         "message": response.json()["error"]["message"]}}
    assert "secret" not in response.text and "Traceback" not in response.text
    assert "secret internals" in caplog.text  # logged server-side


def test_api_slow_query_is_interrupted_with_503(api_db, monkeypatch):
    def slow(self):
        return self._conn.execute("SELECT count(*) FROM range(100000000000)").fetchone()[0]

    monkeypatch.setattr(Store, "count_events", slow)
    app = create_app(api_db, static_dir=None, query_timeout=0.2)
    response = Client(app).get("/api/health")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "E530"
    assert response.headers["retry-after"]


def test_api_busy_store_answers_503(api_db, monkeypatch):
    from eventcoder.errors import StoreError

    def locked(*args, **kwargs):
        raise StoreError("E307", path=str(api_db), wait=0)

    monkeypatch.setattr(Store, "open", locked)
    response = Client(create_app(api_db, static_dir=None)).get("/api/events")
    assert response.status_code == 503
    error = response.json()["error"]
    assert error["code"] == "E531" and str(api_db) not in error["message"]


@pytest.mark.parametrize(("origins", "allowed"), [((), None),
                                                  (("http://ok.example",), "http://ok.example")])
def test_api_cors_is_off_unless_an_origin_is_given(api_db, origins, allowed):
    client = Client(create_app(api_db, static_dir=None, cors_origins=origins))
    response = client.get("/api/health", headers={"Origin": "http://ok.example"})
    assert response.headers.get("access-control-allow-origin") == allowed
    other = client.get("/api/health", headers={"Origin": "http://evil.example"})
    assert other.headers.get("access-control-allow-origin") is None


def test_api_serves_the_dashboard_files(api_db, tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>dash</title>", encoding="utf-8")
    client = Client(create_app(api_db, static_dir=tmp_path))
    page = client.get("/")
    assert page.status_code == 200 and "<title>dash</title>" in page.text
    assert client.get("/api/health").status_code == 200
    missing = client.get("/nothing.js")
    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "E523")
