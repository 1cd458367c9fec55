"""Tests for eventcoder.store: opening, migrations, idempotent ingest, corrections, reading."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import sys
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from eventcoder.errors import StoreError
from eventcoder.store import SCHEMA_VERSION, Store
from eventcoder.types import Actor, Article, Event, Place, Span

FRANCE = Actor("Emmanuel Macron", name="Emmanuel Macron", country="FRA", sector="GOV",
               code="FRAGOV", wikidata="Q3052772", start=0, end=15)
LIBYA = Actor("Khalifa Haftar", name="Khalifa Haftar", country="LBY", sector="MIL",
              code="LBYMIL", start=25, end=39)
ITALY = Actor("Italy", country="ITA", code="ITA", start=44, end=49)
PARIS = Place("Paris", country="FRA", admin1="Île-de-France", lat=48.8566, lon=2.3522,
              geonameid=2988507, precision="city")


def make_article(article_id: str = "a1", **changes: object) -> Article:
    article = Article(
        id=article_id,
        title="Macron meets Haftar in Paris",
        text="PARIS, May 23 — Emmanuel Macron met Khalifa Haftar on Wednesday.",
        published=dt.date(2019, 5, 23),
        source_name="Kuwait News Agency",
        url="https://example.org/story",
        dateline="PARIS",
        origin="stories.jsonl:1",
    )
    return replace(article, **changes)


def make_event(article_id: str = "a1", sentence_index: int = 1, **changes: object) -> Event:
    event = Event(
        id=f"{article_id}-{sentence_index}-consult",
        article_id=article_id,
        sentence_index=sentence_index,
        sentence="Emmanuel Macron met Khalifa Haftar on Wednesday.",
        trigger=Span("met", 16, 19),
        event_type="CONSULT",
        cameo="043",
        cameo_root="04",
        goldstein=2.8,
        quad_class=1,
        mode="visit",
        context=("military", "diplomatic"),
        actor=(FRANCE,),
        recipient=(LIBYA,),
        date="2019-05-22",
        date_precision="day",
        date_source="relative",
        location=PARIS,
        source_name="Kuwait News Agency",
        url="https://example.org/story",
        confidence=0.875,
        versions={"coder": "eventcoder.rules.v1", "ontology": "plover-2.0", "model": "sm-3.8"},
    )
    return replace(event, **changes)


def three_events(article_id: str = "a1") -> list[Event]:
    """Events in no particular order, one compound, one without recipient or place."""
    return [
        make_event(article_id, 2, id=f"{article_id}-z", actor=(FRANCE, ITALY), fatalities=12),
        make_event(article_id, 0, id=f"{article_id}-b", recipient=(), location=None, date=None,
                   date_precision=None, event_type="PROTEST", cameo="141", cameo_root="14",
                   goldstein=-6.5, quad_class=3, negated=True),
        make_event(article_id, 2, id=f"{article_id}-a", sentence="« Réunion » à l'Élysée 🇫🇷",
                   goldstein=-0.1 + 0.3),
    ]


def expected_records(events: list[Event]) -> list[dict]:
    ordered = sorted(events, key=lambda e: (e.article_id, e.sentence_index, e.id))
    return [event.to_dict() for event in ordered]


def query(path: Path, sql: str, params: list[object] | None = None) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as conn:
        return conn.execute(sql, params or []).fetchall()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


@pytest.mark.parametrize("as_str", [False, True])
def test_store_open_creates_file_with_empty_tables(db: Path, as_str: bool) -> None:
    with Store.open(str(db) if as_str else db) as store:
        assert (store.count_articles(), store.count_events()) == (0, 0)
        assert list(store.iter_events()) == []
    tables = {row[0] for row in query(db, "SELECT table_name FROM information_schema.tables")}
    assert tables == {"articles", "mentions", "schema_migrations", "events", "api_keys"}


def test_store_constructor_does_no_io(db: Path) -> None:
    store = Store(db)
    assert not db.exists()
    with pytest.raises(StoreError) as err:
        store.count_articles()
    assert err.value.code == "E306"


def test_store_closed_store_raises_e306(db: Path) -> None:
    with Store.open(db) as store:
        pass
    store.close()  # a second close is harmless
    with pytest.raises(StoreError) as err:
        store.has_article("a1")
    assert err.value.code == "E306"


def test_store_migrations_recorded_once_across_reopen(db: Path) -> None:
    Store.open(db).close()
    first = query(db, "SELECT version, name, applied_at FROM schema_migrations")
    for read_only in (False, False, True):
        Store.open(db, read_only=read_only).close()
    assert query(db, "SELECT version, name, applied_at FROM schema_migrations") == first
    assert [row[:2] for row in first] == [(1, "articles_and_mentions"),
                                          (2, "dedup_keys_and_events_view"),
                                          (3, "location_columns"), (4, "api_keys")]
    assert SCHEMA_VERSION == 4


def test_store_round_trip_equals_event_to_dict(db: Path) -> None:
    events = three_events()
    with Store.open(db) as store:
        assert store.add_article(make_article(), events) is True
        assert list(store.iter_events()) == expected_records(events)
    with Store.open(db, read_only=True) as store:
        assert (store.count_articles(), store.count_events()) == (1, 3)
        assert list(store.iter_events()) == expected_records(events)


def test_store_events_ordered_across_articles(db: Path) -> None:
    events_b, events_a = three_events("b"), three_events("a")
    with Store.open(db) as store:
        store.add_article(make_article("b"), events_b)
        store.add_article(make_article("a"), events_a)
        ids = [record["id"] for record in store.iter_events()]
    assert ids == ["a-b", "a-a", "a-z", "b-b", "b-a", "b-z"]


def test_store_article_row_keeps_fields_and_content_hash(db: Path) -> None:
    article = make_article()
    with Store.open(db) as store:
        store.add_article(article, [])
    rows = query(db, "SELECT id, title, text, published, source_name, url, dateline, origin, "
                     "content_hash FROM articles")
    assert rows == [(
        "a1", article.title, article.text, dt.date(2019, 5, 23), "Kuwait News Agency",
        "https://example.org/story", "PARIS", "stories.jsonl:1",
        hashlib.sha256(article.document.encode("utf-8")).hexdigest(),
    )]


@pytest.mark.parametrize(
    ("event_id", "expected"),
    [
        ("a1-z", (2, "CONSULT", "043", "04", 2.8, 1, dt.date(2019, 5, 22),
                  "FRA", "GOV", "FRAGOV", "LBY", "MIL", "LBYMIL", "FRA")),
        ("a1-b", (0, "PROTEST", "141", "14", -6.5, 3, None,
                  "FRA", "GOV", "FRAGOV", None, None, None, None)),
    ],
)
def test_store_mention_scalar_columns(db: Path, event_id: str, expected: tuple) -> None:
    with Store.open(db) as store:
        store.add_article(make_article(), three_events())
    rows = query(db, "SELECT sentence_index, event_type, cameo, cameo_root, goldstein, "
                     "quad_class, date, actor_country, actor_sector, actor_code, "
                     "recipient_country, recipient_sector, recipient_code, location_country "
                     "FROM mentions WHERE id = ?", [event_id])
    assert rows == [expected]


def test_store_same_article_twice_adds_nothing(db: Path) -> None:
    with Store.open(db) as store:
        assert store.add_article(make_article(), three_events()) is True
    before = query(db, "SELECT * FROM articles")
    with Store.open(db) as store:
        assert store.add_article(make_article(), three_events()) is False
        assert store.add_article(make_article(), []) is False
        assert (store.count_articles(), store.count_events()) == (1, 3)
        assert list(store.iter_events()) == expected_records(three_events())
    assert query(db, "SELECT * FROM articles") == before


@pytest.mark.parametrize(
    ("changes", "replaced"),
    [
        ({"text": "PARIS, May 23 — Macron met Haftar on Wednesday."}, True),
        ({"title": "Macron and Haftar meet"}, True),
        ({"title": None}, True),
        # Only the document text is hashed: metadata alone is not a new version of the story.
        ({"url": "https://example.org/other"}, False),
        ({"published": dt.date(2020, 1, 1)}, False),
    ],
)
def test_store_changed_content_replaces_article(
    db: Path, changes: dict, replaced: bool
) -> None:
    corrected = make_article(**changes)
    with Store.open(db) as store:
        store.add_article(make_article(), three_events())
        assert store.add_article(corrected, [make_event()]) is replaced
        events = list(store.iter_events())
    texts = query(db, "SELECT title, text FROM articles")
    original = make_article()
    if replaced:
        assert texts == [(corrected.title, corrected.text)]
        assert events == [make_event().to_dict()]
    else:
        assert texts == [(original.title, original.text)]
        assert events == expected_records(three_events())


@pytest.mark.parametrize(
    "new_events",
    [
        [],
        # Same event ids as before: the rows are deleted and re-inserted in one transaction.
        [replace(e, sentence="Corrected.") for e in three_events()],
        [make_event(id="a1-new", cameo="036", cameo_root="03", goldstein=4.0)],
    ],
)
def test_store_correction_replaces_all_mentions(db: Path, new_events: list[Event]) -> None:
    with Store.open(db) as store:
        store.add_article(make_article(), three_events())
        store.add_article(make_article("other"), three_events("other"))
        assert store.add_article(make_article(text="Corrected story."), new_events) is True
        assert (store.count_articles(), store.count_events()) == (2, 3 + len(new_events))
        records = [r for r in store.iter_events() if r["article_id"] == "a1"]
    assert records == expected_records(new_events)


@pytest.mark.parametrize(
    ("limit", "expected_ids"),
    [(None, ["a1-b", "a1-a", "a1-z"]), (0, []), (1, ["a1-b"]), (2, ["a1-b", "a1-a"]),
     (10, ["a1-b", "a1-a", "a1-z"])],
)
def test_store_iter_events_limit(db: Path, limit: int | None, expected_ids: list[str]) -> None:
    with Store.open(db) as store:
        store.add_article(make_article(), three_events())
        assert [r["id"] for r in store.iter_events(limit=limit)] == expected_ids


def test_store_iter_events_negative_limit_is_rejected_at_call(db: Path) -> None:
    with Store.open(db) as store, pytest.raises(ValueError, match="limit"):
        store.iter_events(limit=-1)


def test_store_iter_events_survives_writes_while_streaming(db: Path) -> None:
    with Store.open(db) as store:
        store.add_article(make_article(), three_events())
        stream = store.iter_events()
        first = next(stream)
        store.add_article(make_article("z"), three_events("z"))
        assert [first, *stream] == expected_records(three_events())


@pytest.mark.parametrize(("article_id", "expected"), [("a1", True), ("a2", False), ("", False)])
def test_store_has_article(db: Path, article_id: str, expected: bool) -> None:
    with Store.open(db) as store:
        store.add_article(make_article(), [])
        assert store.has_article(article_id) is expected


def test_store_event_of_another_article_is_rejected(db: Path) -> None:
    with Store.open(db) as store:
        with pytest.raises(ValueError, match="a2-1-consult"):
            store.add_article(make_article(), [make_event(), make_event("a2")])
        assert store.count_articles() == 0


@pytest.mark.parametrize(
    "bad_events",
    [
        [make_event(date="23 May 2019")],
        [make_event(), make_event()],  # two events with one id
        [make_event(goldstein=float("nan"))],  # NaN is not JSON
        [make_event(), make_event(id="x", confidence=float("inf"))],
    ],
)
def test_store_failed_write_leaves_nothing(db: Path, bad_events: list[Event]) -> None:
    with Store.open(db) as store:
        with pytest.raises(StoreError) as err:
            store.add_article(make_article(), bad_events)
        assert err.value.code == "E303"
        assert (store.count_articles(), store.count_events()) == (0, 0)
        store.add_article(make_article(), three_events())  # the connection is still usable
        assert store.count_events() == 3


def test_store_failed_correction_keeps_previous_version(db: Path) -> None:
    with Store.open(db) as store:
        store.add_article(make_article(), three_events())
        with pytest.raises(StoreError):
            store.add_article(make_article(text="Corrected."), [make_event(date="bad")])
        assert list(store.iter_events()) == expected_records(three_events())
        assert store.add_article(make_article(), three_events()) is False


def test_store_read_only_rejects_writes(db: Path) -> None:
    Store.open(db).close()
    with Store.open(db, read_only=True) as store:
        with pytest.raises(StoreError) as err:
            store.add_article(make_article(), three_events())
        assert err.value.code == "E303"
        assert store.count_articles() == 0


def test_store_read_only_missing_file_is_e302(db: Path) -> None:
    with pytest.raises(StoreError) as err:
        Store.open(db, read_only=True)
    assert err.value.code == "E302"
    assert not db.exists()


def test_store_missing_directory_is_e301(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "events.duckdb"
    with pytest.raises(StoreError) as err:
        Store.open(path)
    assert err.value.code == "E301"
    assert str(path.parent) in str(err.value)
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("read_only", [False, True])
def test_store_not_a_duckdb_file_is_e301(db: Path, read_only: bool) -> None:
    db.write_text("headline\n\nnot a database\n", encoding="utf-8")
    with pytest.raises(StoreError) as err:
        Store.open(db, read_only=read_only)
    assert err.value.code == "E301"
    assert "\n" not in str(err.value)


def test_store_unmigrated_file_needs_a_writer(db: Path) -> None:
    duckdb.connect(str(db)).close()
    with pytest.raises(StoreError) as err:
        Store.open(db, read_only=True)
    assert (err.value.code, err.value.values["found"]) == ("E304", 0)
    Store.open(db).close()  # a writer migrates it
    with Store.open(db, read_only=True) as store:
        assert store.count_events() == 0


@pytest.mark.parametrize("read_only", [False, True])
def test_store_newer_schema_is_e305(db: Path, read_only: bool) -> None:
    Store.open(db).close()
    with duckdb.connect(str(db)) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', now()::TIMESTAMP)")
    with pytest.raises(StoreError) as err:
        Store.open(db, read_only=read_only)
    assert (err.value.code, err.value.values["found"]) == ("E305", 99)


ALLOWED_IMPORTS = ("eventcoder.types", "eventcoder.errors", "eventcoder.ontology",
                   "eventcoder.store", "duckdb")


@pytest.mark.parametrize(
    "module", sorted((Path(__file__).parents[1] / "src/eventcoder/store").glob("*.py")),
    ids=lambda p: p.name,
)
def test_store_imports_only_allowed_modules(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    names = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
             for alias in node.names]
    names += [node.module for node in ast.walk(tree)
              if isinstance(node, ast.ImportFrom) and node.module]
    third_party = [n for n in names if n.split(".")[0] not in _stdlib()]
    assert [n for n in third_party if not n.startswith(ALLOWED_IMPORTS)] == []


def _stdlib() -> frozenset[str]:
    return frozenset(sys.stdlib_module_names) | {"__future__"}
