"""The ``Store`` class: articles and their coded events in one DuckDB file."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from eventcoder.errors import StoreError
from eventcoder.store._migrations import (
    MIGRATIONS,
    SCHEMA_VERSION,
    applied_versions,
    migrate,
    utcnow,
)
from eventcoder.types import Article, Event

_INSERT_ARTICLE = """
    INSERT INTO articles (id, title, text, published, source_name, url, dateline, origin,
                          content_hash, ingested_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
_INSERT_MENTION = """
    INSERT INTO mentions (id, article_id, sentence_index, event_type, cameo, cameo_root,
                          goldstein, quad_class, date, actor_country, actor_sector, actor_code,
                          recipient_country, recipient_sector, recipient_code, location_country,
                          record)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
# Rows fetched per round trip while streaming events: bounded memory on big stores.
_FETCH_BATCH = 1000


class Store:
    """The event store: a DuckDB file with ``articles`` and ``mentions`` (one per coded event).

    Open it with ``Store.open(path)``, best as a context manager; the constructor does no I/O.
    One writer, many readers: open with ``read_only=True`` to query without writing.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._connection: duckdb.DuckDBPyConnection | None = None

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Connect to the store at ``path``, creating it (and its schema) unless ``read_only``.

        The parent directory must exist. Raises StoreError E301 when the file cannot be opened,
        E302 when ``read_only`` and there is no file, E304/E305 when its schema version does not
        match this eventcoder's.
        """
        store = cls(path, read_only=read_only)
        store._connect()
        return store

    def close(self) -> None:
        """Close the connection; closing twice is harmless."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._connection is None else "open"
        mode = ", read_only=True" if self.read_only else ""
        return f"<Store {str(self.path)!r}{mode} ({state})>"

    def add_article(self, article: Article, events: Sequence[Event]) -> bool:
        """Store a story and its coded events in one transaction; return whether it changed.

        The same story again (same id, same document text) adds nothing and returns False.
        The same id with different text is a correction: the article and all its events are
        replaced. Raises StoreError E303 when the write fails (nothing is then written).
        """
        strays = [event.id for event in events if event.article_id != article.id]
        if strays:
            raise ValueError(f"events {strays} do not belong to article {article.id!r}")
        try:
            mention_rows = [_mention_row(event) for event in events]
        except ValueError as err:
            raise StoreError("E303", path=self.path, detail=str(err)) from err
        content_hash = hashlib.sha256(article.document.encode("utf-8")).hexdigest()
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT content_hash FROM articles WHERE id = ?", [article.id]
            ).fetchone()
            if row is not None and row[0] == content_hash:
                return False
            if row is not None:
                conn.execute("DELETE FROM mentions WHERE article_id = ?", [article.id])
                conn.execute("DELETE FROM articles WHERE id = ?", [article.id])
            conn.execute(_INSERT_ARTICLE, _article_row(article, content_hash=content_hash))
            if mention_rows:
                conn.executemany(_INSERT_MENTION, mention_rows)
        return True

    def iter_events(self, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Yield stored events as ``Event.to_dict()`` records, by article, sentence, then id."""
        if limit is not None and limit < 0:
            raise ValueError(f"limit must be >= 0, not {limit}")
        sql = "SELECT record FROM mentions ORDER BY article_id, sentence_index, id"
        params: list[object] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        # A cursor of its own, so writes between two items do not cut the stream short.
        return _stream_records(self._conn.cursor(), sql, params)

    def count_articles(self) -> int:
        """How many articles the store holds."""
        return self._conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def count_events(self) -> int:
        """How many coded events (mentions) the store holds."""
        return self._conn.execute("SELECT count(*) FROM mentions").fetchone()[0]

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        row = self._conn.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None

    @property
    def _conn(self) -> duckdb.DuckDBPyConnection:
        if self._connection is None:
            raise StoreError("E306", path=self.path)
        return self._connection

    def _connect(self) -> None:
        if self.read_only and not self.path.is_file():
            raise StoreError("E302", path=self.path)
        if not self.read_only and not self.path.parent.is_dir():
            raise StoreError(
                "E301", path=self.path, detail=f"no such directory: {self.path.parent}"
            )
        try:
            conn = duckdb.connect(str(self.path), read_only=self.read_only)
        except duckdb.Error as err:
            raise StoreError("E301", path=self.path, detail=_one_line(err)) from err
        try:
            self._prepare_schema(conn)
        except BaseException:
            conn.close()
            raise
        self._connection = conn

    def _prepare_schema(self, conn: duckdb.DuckDBPyConnection) -> None:
        try:
            found = applied_versions(conn)
            if max(found, default=0) > SCHEMA_VERSION:
                raise StoreError(
                    "E305", path=self.path, found=max(found), expected=SCHEMA_VERSION
                )
            if not self.read_only:
                migrate(conn)
            elif any(m.version not in found for m in MIGRATIONS):
                raise StoreError(
                    "E304", path=self.path, found=max(found, default=0), expected=SCHEMA_VERSION
                )
        except duckdb.Error as err:
            raise StoreError("E301", path=self.path, detail=_one_line(err)) from err

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        conn = self._conn
        try:
            conn.begin()
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
        except duckdb.Error as err:
            raise StoreError("E303", path=self.path, detail=_one_line(err)) from err


def _stream_records(
    cursor: duckdb.DuckDBPyConnection, sql: str, params: list[object]
) -> Iterator[dict[str, Any]]:
    try:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(_FETCH_BATCH):
            for (record,) in rows:
                yield json.loads(record)
    finally:
        cursor.close()


def _article_row(article: Article, *, content_hash: str) -> tuple[object, ...]:
    return (
        article.id,
        article.title,
        article.text,
        article.published,
        article.source_name,
        article.url,
        article.dateline,
        article.origin,
        content_hash,
        utcnow(),
    )


def _mention_row(event: Event) -> tuple[object, ...]:
    # The scalar actor columns describe the first actor: compound actors stay whole in `record`.
    actor = event.actor[0] if event.actor else None
    recipient = event.recipient[0] if event.recipient else None
    try:
        # DuckDB's JSON type takes NaN and Infinity, but JSON readers downstream would not.
        record = json.dumps(event.to_dict(), ensure_ascii=False, allow_nan=False)
    except ValueError as err:
        raise ValueError(f"event {event.id}: {err}") from err
    return (
        event.id,
        event.article_id,
        event.sentence_index,
        event.event_type,
        event.cameo,
        event.cameo_root,
        event.goldstein,
        event.quad_class,
        event.date,  # "YYYY-MM-DD"; DuckDB casts it to DATE and rejects anything else
        actor.country if actor else None,
        actor.sector if actor else None,
        actor.code if actor else None,
        recipient.country if recipient else None,
        recipient.sector if recipient else None,
        recipient.code if recipient else None,
        event.location.country if event.location else None,
        record,
    )


def _one_line(err: BaseException) -> str:
    # DuckDB messages can span lines; catalogue messages are one line.
    return " ".join(str(err).split())
