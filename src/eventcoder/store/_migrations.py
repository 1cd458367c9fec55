"""Schema migrations: small functions, applied in order, each recorded once.

A migration is never edited after release; a schema change ships as a new migration with the
next version number. ``schema_migrations`` records which versions a store has.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class Migration:
    """One schema step: ``version`` (1, 2, ...), a short ``name``, and the ``apply`` function."""

    version: int
    name: str
    apply: Callable[[duckdb.DuckDBPyConnection], None]


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


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles_and_mentions", _articles_and_mentions),
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
