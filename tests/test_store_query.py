"""Filters and aggregation over the store; concurrency as DuckDB 2.0.1 allows it."""

from __future__ import annotations

import collections
import datetime as dt
import random
import subprocess
import sys
from pathlib import Path

import pytest

from eventcoder.errors import StoreError
from eventcoder.store import EventFilter, Store

from .test_store import FRANCE, ITALY, LIBYA, make_article, make_event

COUNTRIES = (FRANCE, ITALY, LIBYA)
TYPES = (("CONSULT", "043", "04", 2.8, 1), ("PROTEST", "141", "14", -6.5, 3),
         ("ASSAULT", "190", "19", -10.0, 4), ("AID", "070", "07", 7.0, 2))


@pytest.fixture(scope="module")
def random_store(tmp_path_factory) -> Path:
    """40 stories over 2019-2020 with random events, undated ones included."""
    db = tmp_path_factory.mktemp("query") / "events.duckdb"
    rng = random.Random(3)
    with Store.open(db) as store:
        for a in range(40):
            published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(700))
            events = []
            for s in range(rng.randrange(4)):
                event_type, cameo, root, goldstein, quad = rng.choice(TYPES)
                day = published - dt.timedelta(days=rng.randrange(3))
                events.append(make_event(
                    f"s{a}", s, id=f"s{a}-{s}", event_type=event_type, cameo=cameo,
                    cameo_root=root, goldstein=goldstein, quad_class=quad,
                    actor=(rng.choice(COUNTRIES),), recipient=(rng.choice(COUNTRIES),),
                    date=None if rng.random() < 0.1 else day.isoformat()))
            store.add_article(make_article(f"s{a}", published=published,
                                           text=f"Story {a}."), events)
    return db


def _period(day: dt.date, period: str) -> dt.date:
    return {"day": day, "week": day - dt.timedelta(days=day.weekday()),
            "month": day.replace(day=1), "year": day.replace(month=1, day=1)}[period]


@pytest.mark.parametrize("period", ["day", "week", "month", "year"])
@pytest.mark.parametrize(("by", "split"), [("dyad", None), ("country", "quad"), ("dyad", "type")])
def test_store_aggregate_matches_a_recount_of_the_mentions(random_store, period, by, split):
    with Store.open(random_store, read_only=True) as store:
        rows = store.aggregate(by=by, period=period, split=split, normalise=True, policy="off")
        records = list(store.iter_events())
        published = [r[0] for r in store._conn.execute("SELECT published FROM articles").fetchall()]
    cells: dict[tuple, list[float]] = collections.defaultdict(list)
    for r in records:
        if r["date"] is None:
            continue
        key = (_period(dt.date.fromisoformat(r["date"]), period), r["actor"][0]["country"],
               r["recipient"][0]["country"] if by == "dyad" else None,
               {"quad": r["quad_class"], "type": r["event_type"], None: None}[split])
        cells[key].append(r["goldstein"])
    stories = collections.Counter(_period(day, period) for day in published)
    got = {(row.period, row.actor_country, row.recipient_country, row.split):
           (row.events, round(row.mean_goldstein, 6), row.stories, row.per_story) for row in rows}
    expected = {key: (len(values), round(sum(values) / len(values), 6), stories[key[0]] or None,
                      len(values) / stories[key[0]] if stories[key[0]] else None)
                for key, values in cells.items()}
    assert got == expected


@pytest.mark.parametrize(("where", "predicate"), [
    (EventFilter(since=dt.date(2020, 1, 1)), lambda r: r["date"] and r["date"] >= "2020-01-01"),
    (EventFilter(until=dt.date(2019, 6, 30), event_type="protest"),
     lambda r: r["date"] and r["date"] <= "2019-06-30" and r["event_type"] == "PROTEST"),
    (EventFilter(actor_country="ita", recipient_country="LBY"),
     lambda r: r["actor"][0]["country"] == "ITA" and r["recipient"][0]["country"] == "LBY"),
    (EventFilter(cameo_root="19", quad_class=4), lambda r: r["cameo_root"] == "19"),
    (EventFilter(actor_sector="MIL"), lambda r: r["actor"][0]["sector"] == "MIL"),
    (EventFilter(text="HAFTAR on"), lambda r: True),
    (EventFilter(text="'; DROP TABLE mentions; --"), lambda r: False),
])
def test_store_filters_match_a_python_filter(random_store, where, predicate):
    with Store.open(random_store, read_only=True) as store:
        everything = list(store.iter_events())
        assert list(store.iter_events(where=where)) == [r for r in everything if predicate(r)]


@pytest.mark.parametrize(("options", "message"), [
    ({"by": "region"}, "grouping"), ({"period": "decade"}, "period"),
    ({"split": "mode"}, "split"), ({"policy": "nope"}, "policy"),
])
def test_store_aggregate_rejects_unknown_choices(random_store, options, message):
    with Store.open(random_store, read_only=True) as store, pytest.raises(ValueError, match=message):
        store.aggregate(**options)


HOLD = ("import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == 'r');"
        " print('ok', flush=True); time.sleep(float(sys.argv[3]))")


def _holding(db: Path, mode: str, seconds: float) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(db), mode, str(seconds)],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "ok"
    return process


@pytest.mark.parametrize(("holder", "read_only", "opens"), [
    ("w", True, False),   # a writer elsewhere shuts readers out...
    ("w", False, False),  # ...and writers
    ("r", True, True),    # readers share the file
    ("r", False, False),  # a reader elsewhere shuts the writer out
])
def test_store_cross_process_locking(random_store, holder, read_only, opens):
    with _holding(random_store, holder, 5) as process:
        try:
            with Store.open(random_store, read_only=read_only) as store:
                assert store.count_articles() == 40
            outcome = True
        except StoreError as err:
            assert err.code == "E307"
            outcome = False
        finally:
            process.kill()
    assert outcome is opens

