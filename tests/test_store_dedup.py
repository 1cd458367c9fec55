"""Deduplicated events: the policies, the `events` view, migration 2 over an older store."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from eventcoder.store import DEFAULT_POLICY, POLICIES, EventFilter, Store
from eventcoder.store._dedup import record_keys
from eventcoder.store._migrations import MIGRATIONS, migrate
from eventcoder.types import Actor, Place

from .test_store import FRANCE, ITALY, LIBYA, PARIS, make_article, make_event

LYON = Place("Lyon", country="FRA", geonameid=2996944, precision="city")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


def reports() -> list[tuple]:
    """Four stories reporting one meeting (in two places and two CAMEO codes) and a protest."""
    meeting = dict(actor=(FRANCE,), recipient=(LIBYA,), date="2019-05-22", location=PARIS)
    return [
        (make_article("a1", source_name="KUNA", published=dt.date(2019, 5, 23)),
         [make_event("a1", 1, id="m1", **meeting),
          make_event("a1", 3, id="m2", **meeting),
          make_event("a1", 4, id="m3", event_type="PROTEST", cameo="141", cameo_root="14",
                     goldstein=-6.5, quad_class=3, actor=(ITALY,), recipient=(),
                     location=None, date=None)]),
        (make_article("a2", source_name="AFP", published=dt.date(2019, 5, 24)),
         [make_event("a2", 2, id="m4", **{**meeting, "location": LYON})]),
        (make_article("a3", source_name="AFP", published=dt.date(2019, 5, 22)),
         [make_event("a3", 1, id="m5", cameo="040", **meeting)]),
    ]


def fill(db: Path) -> None:
    with Store.open(db) as store:
        for article, events in reports():
            store.add_article(article, events)


@pytest.mark.parametrize(("policy", "expected"), [
    # (mention ids, num_mentions, num_sources, num_articles, first_seen, last_seen)
    ("exact-key.v1", [
        (["m1", "m2", "m5"], 3, 2, 2, dt.date(2019, 5, 22), dt.date(2019, 5, 23)),
        (["m4"], 1, 1, 1, dt.date(2019, 5, 24), dt.date(2019, 5, 24)),
        (["m3"], 1, 1, 1, dt.date(2019, 5, 23), dt.date(2019, 5, 23)),
    ]),
    ("one-a-day.v1", [
        (["m1", "m2", "m4"], 3, 2, 2, dt.date(2019, 5, 23), dt.date(2019, 5, 24)),
        (["m5"], 1, 1, 1, dt.date(2019, 5, 22), dt.date(2019, 5, 22)),
        (["m3"], 1, 1, 1, dt.date(2019, 5, 23), dt.date(2019, 5, 23)),
    ]),
    ("off", [([m], 1, 1, 1, None, None) for m in ("m1", "m2", "m3", "m4", "m5")]),
])
def test_store_dedup_policies_group_mentions(db, policy, expected):
    fill(db)
    with Store.open(db, read_only=True) as store:
        rows = list(store.iter_deduplicated(policy=policy))
    got = [(r["mention_ids"], r["num_mentions"], r["num_sources"], r["num_articles"],
            r["first_seen"], r["last_seen"]) for r in rows]
    if policy == "off":
        got = sorted((g[:4] + (None, None) for g in got), key=lambda g: g[0])
    else:
        got = sorted(got, key=lambda g: (g[0][0] == "m3", -g[1], g[0]))
    assert got == expected
    assert all(r["policy"] == policy for r in rows)


def test_store_dedup_event_takes_codes_of_the_first_report(db):
    fill(db)
    with Store.open(db, read_only=True) as store:
        (event,) = [r for r in store.iter_deduplicated() if r["num_mentions"] == 3]
    # m5 was published first (2019-05-22): its CAMEO code 040 stands for the event.
    assert (event["cameo"], event["record"]["id"], event["first_sentence_index"]) == ("040", "m5", 1)
    assert (event["actor_key"], event["recipient_key"], event["place_key"]) == (
        "FRAGOV", "LBYMIL", "geonames:2988507")


def test_store_dedup_ids_are_stable_and_distinct(db, tmp_path):
    fill(db)
    other = tmp_path / "other.duckdb"
    with Store.open(other) as store:
        for article, events in reversed(reports()):
            store.add_article(article, events)
    ids = {}
    for path in (db, other):
        with Store.open(path, read_only=True) as store:
            ids[path] = [(p, r["id"]) for p in POLICIES for r in store.iter_deduplicated(policy=p)]
    assert ids[db] == ids[other]
    assert len({i for _p, i in ids[db]}) == len(ids[db])


def test_store_events_view_is_the_default_policy(db):
    fill(db)
    with Store.open(db, read_only=True) as store:
        expected = sorted((r["id"], r["num_mentions"]) for r in store.iter_deduplicated())
    with duckdb.connect(str(db), read_only=True) as conn:
        view = sorted(conn.execute("SELECT id, num_mentions FROM events").fetchall())
    assert DEFAULT_POLICY == "exact-key.v1" and view == expected


def test_store_dedup_filter_applies_before_grouping(db):
    fill(db)
    with Store.open(db, read_only=True) as store:
        rows = list(store.iter_deduplicated(where=EventFilter(cameo_root="04",
                                                              place_country="FRA")))
    assert sorted(r["num_mentions"] for r in rows) == [1, 3]


def test_store_dedup_unknown_policy_names_the_choices(db):
    fill(db)
    with Store.open(db) as store, pytest.raises(ValueError, match="exact-key.v1, one-a-day"):
        store.iter_deduplicated(policy="fuzzy")


@pytest.mark.parametrize(("changes", "expected"), [
    ({}, ("FRAGOV", "LBYMIL", "geonames:2988507")),
    ({"actor": (ITALY, FRANCE, FRANCE), "recipient": ()}, ("FRAGOV+ITA", None, "geonames:2988507")),
    ({"actor": (Actor("the crowd"), Actor("x", country="EGY")), "location": None},
     ("-+EGY", "LBYMIL", None)),
    ({"location": Place("Sirte", country="LBY")}, ("FRAGOV", "LBYMIL", "LBY/Sirte")),
])
def test_store_record_keys(changes, expected):
    assert record_keys(make_event(**changes).to_dict()) == expected


def test_store_migration_2_fills_keys_of_a_version_1_store(db):
    event = make_event(actor=(FRANCE, ITALY))
    with duckdb.connect(str(db)) as conn:
        conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                     "name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)")
        MIGRATIONS[0].apply(conn)
        conn.execute("INSERT INTO schema_migrations VALUES (1, 'articles_and_mentions', "
                     "now()::TIMESTAMP)")
        conn.execute("INSERT INTO articles (id, content_hash, ingested_at) VALUES "
                     "('a1', 'h', now()::TIMESTAMP)")
        conn.execute("INSERT INTO mentions (id, article_id, sentence_index, record) "
                     "VALUES (?, 'a1', 1, ?)", [event.id, json.dumps(event.to_dict())])
        assert migrate(conn) == [2, 3, 4]
        assert migrate(conn) == []
        keys = conn.execute("SELECT actor_key, recipient_key, place_key FROM mentions").fetchall()
    assert keys == [("FRAGOV+ITA", "LBYMIL", "geonames:2988507")]
    with Store.open(db, read_only=True) as store:
        assert [r["mention_ids"] for r in store.iter_deduplicated()] == [[event.id]]


def test_store_dedup_follows_a_correction(db):
    fill(db)
    article, events = reports()[0]
    with Store.open(db) as store:
        store.add_article(replace(article, text="Corrected."), [events[2]])
        rows = list(store.iter_deduplicated())
    assert sorted(r["mention_ids"] for r in rows) == [["m3"], ["m4"], ["m5"]]
