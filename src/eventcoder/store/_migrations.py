"""Schema migrations: small functions, applied in order, each recorded once.

A migration is never edited after release; a schema change ships as a new migration with the
next version number. ``schema_migrations`` records which versions a store has.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import duckdb

from eventcoder.store._dedup import POLICIES, events_sql, record_keys


@dataclass(frozen=True)
class Migration:
    """One schema step: ``version`` (1, 2, ...), a short ``name``, and the ``apply`` function."""

    version: int
    name: str
    apply: Callable[[duckdb.DuckDBPyConnection], None]


#: The place columns of ``mentions`` added by migration 3, in ``location_values`` order.
LOCATION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("location_name", "TEXT"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
)


def location_values(record: Mapping[str, Any]) -> tuple[str | None, float | None, float | None]:
    """(location name, lat, lon) of an event record; Nones when it has no place."""
    location = record.get("location") or {}
    return location.get("name"), location.get("lat"), location.get("lon")


def _articles_and_mentions(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            title TEXT,
            text TEXT,
            published DATE,
            source_name TEXT,
            url TEXT,
            dateline TEXT,
            origin TEXT,
            content_hash TEXT NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        )
        """
    )
    # `record` is the event exactly as Event.to_dict() gave it; the scalar columns copy the
    # fields people filter on, so queries need not unpack JSON. CAMEO codes stay strings
    # because their leading zeros matter ("043").
    conn.execute(
        """
        CREATE TABLE mentions (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL,
            sentence_index INTEGER NOT NULL,
            event_type TEXT,
            cameo TEXT,
            cameo_root TEXT,
            goldstein DOUBLE,
            quad_class INTEGER,
            date DATE,
            actor_country TEXT,
            actor_sector TEXT,
            actor_code TEXT,
            recipient_country TEXT,
            recipient_sector TEXT,
            recipient_code TEXT,
            location_country TEXT,
            record JSON NOT NULL
        )
        """
    )


def _dedup_keys_and_events_view(conn: duckdb.DuckDBPyConnection) -> None:
    # The key columns of the deduplication policies, computed at insert time (in Python, from
    # the record) so that grouping needs no JSON unpacking; filled here for older rows.
    for column in ("actor_key", "recipient_key", "place_key"):
        conn.execute(f"ALTER TABLE mentions ADD COLUMN {column} TEXT")
    rows = conn.execute("SELECT id, record FROM mentions").fetchall()
    if rows:
        conn.executemany(
            "UPDATE mentions SET actor_key = ?, recipient_key = ?, place_key = ? WHERE id = ?",
            [(*record_keys(json.loads(record)), mention_id) for mention_id, record in rows],
        )
    # A view, not a table: it cannot go stale, whatever an interrupted ingest left behind.
    conn.execute("CREATE VIEW events AS " + events_sql(POLICIES["exact-key.v1"]))


def _location_columns(conn: duckdb.DuckDBPyConnection) -> None:
    # The map and the bounding-box filter group and filter by coordinates on every request:
    # scalar columns keep that free of JSON unpacking. Filled here for older rows.
    for column, kind in LOCATION_COLUMNS:
        conn.execute(f"ALTER TABLE mentions ADD COLUMN {column} {kind}")
    rows = conn.execute("SELECT id, record FROM mentions").fetchall()
    if rows:
        conn.executemany(
            "UPDATE mentions SET location_name = ?, lat = ?, lon = ? WHERE id = ?",
            [(*location_values(json.loads(record)), mention_id) for mention_id, record in rows],
        )


def _api_keys(conn: duckdb.DuckDBPyConnection) -> None:
    # Only the sha256 of a key is kept: a copy of the store gives no one the right to write.
    conn.execute(
        """
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY,
            name TEXT,
            key_sha256 TEXT NOT NULL,
            created_at TIMESTAMP NOT NULL,
            revoked_at TIMESTAMP
        )
        """
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles_and_mentions", _articles_and_mentions),
    Migration(2, "dedup_keys_and_events_view", _dedup_keys_and_events_view),
    Migration(3, "location_columns", _location_columns),
    Migration(4, "api_keys", _api_keys),
)
SCHEMA_VERSION: int = MIGRATIONS[-1].version

_CREATE_LEDGER = """
    CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TIMESTAMP NOT NULL
    )
"""


def applied_versions(conn: duckdb.DuckDBPyConnection) -> set[int]:
    """The migration versions recorded in the store (empty when it has no ledger yet)."""
    has_ledger = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()[0]
    if not has_ledger:
        return set()
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations").fetchall()}


def migrate(conn: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the migrations the store lacks, each in its own transaction; return their versions."""
    conn.execute(_CREATE_LEDGER)
    done = applied_versions(conn)
    applied = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        conn.begin()
        try:
            migration.apply(conn)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                [migration.version, migration.name, utcnow()],
            )
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
        applied.append(migration.version)
    return applied


def utcnow() -> _dt.datetime:
    """Now, as naive UTC: the form every TIMESTAMP column of the store holds."""
    # Naive UTC rather than local time, so stores written on different machines compare.
    return _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)
