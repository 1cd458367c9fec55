"""The ``Store`` class: articles and their coded events in one DuckDB file."""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from eventcoder.errors import StoreError
from eventcoder.store import _keys, _read
from eventcoder.store._dedup import DEFAULT_POLICY, events_sql, policy_named, record_keys
from eventcoder.store._keys import ApiKey
from eventcoder.store._migrations import (
    MIGRATIONS,
    SCHEMA_VERSION,
    applied_versions,
    location_values,
    migrate,
    utcnow,
)
from eventcoder.store._query import AggregateRow, EventFilter, aggregate_sql
from eventcoder.store._read import EventPage, PageKey
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
                          record, actor_key, recipient_key, place_key, location_name, lat, lon)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
# Rows fetched per round trip while streaming events: bounded memory on big stores.
_FETCH_BATCH = 1000
# How often a locked store is tried again while waiting for it (seconds).
_LOCK_RETRY = 0.05


class Store:
    """The event store: a DuckDB file with ``articles`` and ``mentions`` (one per coded event).

    Open it with ``Store.open(path)``, best as a context manager; the constructor does no I/O.
    One writer, many readers: open with ``read_only=True`` to query without writing.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, wait: float = 0.0) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.wait = wait
        self._connection: duckdb.DuckDBPyConnection | None = None

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, wait: float = 0.0) -> Store:
        """Connect to the store at ``path``, creating it (and its schema) unless ``read_only``.

        While another process holds the file (see "Concurrency" in the package docstring),
        try again for up to ``wait`` seconds. The parent directory must exist. Raises
        StoreError E301 when the file cannot be opened, E307 when it stayed locked, E302 when
        ``read_only`` and there is no file, E308 when a new store cannot be created (nothing is
        left behind), E309 when the file or its folder is not writable, E304/E305 when its
        schema version does not match this eventcoder's.
        """
        store = cls(path, read_only=read_only, wait=wait)
        store._connect()
        return store

    def close(self) -> None:
        """Close the connection; closing twice is harmless. Raises StoreError E303 when the
        last write to the file (DuckDB's checkpoint) fails."""
        if self._connection is not None:
            connection, self._connection = self._connection, None
            try:
                connection.close()
            except duckdb.Error as err:
                raise _write_error(self.path, err) from err

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
        digest = content_hash(article)
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT content_hash FROM articles WHERE id = ?", [article.id]
            ).fetchone()
            if row is not None and row[0] == digest:
                return False
            if row is not None:
                conn.execute("DELETE FROM mentions WHERE article_id = ?", [article.id])
                conn.execute("DELETE FROM articles WHERE id = ?", [article.id])
            conn.execute(_INSERT_ARTICLE, _article_row(article, content_hash=digest))
            if mention_rows:
                conn.executemany(_INSERT_MENTION, mention_rows)
        return True

    def iter_events(
        self, *, where: EventFilter | None = None, limit: int | None = None
    ) -> Iterator[dict[str, Any]]:
        """Yield stored events (mentions) as ``Event.to_dict()`` records, by article, sentence,
        then id; ``where`` keeps only those matching an EventFilter."""
        condition, params = (where or EventFilter()).sql("m")
        sql = (f"SELECT m.record FROM mentions m WHERE {condition} "
               "ORDER BY m.article_id, m.sentence_index, m.id")
        sql, params = _limited(sql, params, limit)
        # A cursor of its own, so writes between two items do not cut the stream short.
        return _stream_rows(self._conn.cursor(), sql, params, lambda row: json.loads(row[0]))

    def iter_deduplicated(
        self,
        *,
        policy: str = DEFAULT_POLICY,
        where: EventFilter | None = None,
        limit: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Yield the events of a deduplication ``policy`` (see the package docstring), by date
        then id. Each is a dict of the ``events`` view's columns; ``record`` is the first
        mention's ``Event.to_dict()``. ``where`` filters the mentions before grouping.
        """
        condition, params = (where or EventFilter()).sql("m")
        sql = (f"SELECT * FROM ({events_sql(policy_named(policy), where=condition)}) "
               "ORDER BY date NULLS LAST, id")
        sql, params = _limited(sql, params, limit)
        return _stream_rows(self._conn.cursor(), sql, params, None)

    def aggregate(
        self,
        *,
        by: str = "dyad",
        period: str = "month",
        split: str | None = None,
        normalise: bool = False,
        policy: str = DEFAULT_POLICY,
        where: EventFilter | None = None,
    ) -> list[AggregateRow]:
        """Counts and mean Goldstein of the deduplicated events, by ``by`` ("dyad": actor and
        recipient country, or "country": actor country) and ``period`` (day, week (from
        Monday), month, year), optionally ``split`` by "quad" class or PLOVER "type".

        ``normalise`` adds the number of stories published in the period and events per
        story. Undated events are left out. Raises ValueError for an unknown choice.
        """
        condition, params = (where or EventFilter()).sql("m")
        events = events_sql(policy_named(policy), where=condition)
        sql = aggregate_sql(events, by=by, period=period, split=split, normalise=normalise)
        return [AggregateRow(*row) for row in self._conn.execute(sql, params).fetchall()]

    def stored_hashes(self) -> dict[str, str]:
        """Every stored article id with the sha256 of its document (see ``content_hash``)."""
        return dict(self._conn.execute("SELECT id, content_hash FROM articles").fetchall())

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
        creating = not self.read_only and not self.path.exists()
        try:
            conn = self._connect_waiting()
            try:
                self._prepare_schema(conn)
            except BaseException:
                conn.close()
                raise
        except StoreError as err:
            if not creating or err.code == "E307":
                raise
            # A store cut short while being created (a full disk) would fail every later
            # open: remove what was written, so that the next run starts afresh.
            for leftover in (self.path, self.path.with_name(self.path.name + ".wal")):
                with contextlib.suppress(OSError):
                    leftover.unlink(missing_ok=True)
            detail = err.values.get("detail", err.what)
            raise StoreError("E308", path=self.path, detail=detail) from err
        self._connection = conn

    def _connect_waiting(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.wait
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=self.read_only)
            except duckdb.Error as err:
                if not _is_lock_conflict(err):
                    if _is_permission_error(err):
                        raise StoreError("E309", path=self.path, detail=_one_line(err)) from err
                    raise StoreError("E301", path=self.path, detail=_one_line(err)) from err
                if time.monotonic() >= deadline:
                    raise StoreError("E307", path=self.path, wait=self.wait) from err
                time.sleep(_LOCK_RETRY)

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
            if _is_permission_error(err):
                raise StoreError("E309", path=self.path, detail=_one_line(err)) from err
            raise StoreError("E301", path=self.path, detail=_one_line(err)) from err

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        conn = self._conn
        try:
            conn.begin()
            try:
                yield conn
            except BaseException:
                # After a failed write (a full disk) DuckDB may have nothing left to roll
                # back; the error worth reporting is the first one.
                with contextlib.suppress(duckdb.Error):
                    conn.rollback()
                raise
            conn.commit()
        except duckdb.Error as err:
            raise _write_error(self.path, err) from err

    # Reads for the HTTP API (eventcoder.serve); see eventcoder.store._read.

    def event_page(
        self,
        *,
        policy: str = "off",
        where: EventFilter | None = None,
        limit: int = 50,
        after: PageKey | None = None,
    ) -> EventPage:
        """A page of up to ``limit`` events (``policy`` "off": mentions) after the position
        ``after`` (a page's ``next_key``), newest first: see ``_read.event_page``."""
        return _read.event_page(self._conn, policy=policy, where=where, limit=limit, after=after)

    def event_detail(self, mention_id: str, *, policy: str = DEFAULT_POLICY) -> dict | None:
        """The mention ``mention_id`` with every mention of its event under ``policy``, or
        None: see ``_read.event_detail``."""
        return _read.event_detail(self._conn, mention_id, policy=policy)

    def map_points(
        self, *, policy: str = "off", where: EventFilter | None = None, limit: int = 5000
    ) -> list[dict[str, Any]]:
        """Events counted by place and quad class: see ``_read.map_points``."""
        return _read.map_points(self._conn, policy=policy, where=where, limit=limit)

    def timeline(
        self, *, policy: str = "off", where: EventFilter | None = None, period: str = "month"
    ) -> list[dict[str, Any]]:
        """Dated events counted by period and quad class: see ``_read.timeline``."""
        return _read.timeline(self._conn, policy=policy, where=where, period=period)

    def network(
        self,
        *,
        policy: str = "off",
        where: EventFilter | None = None,
        max_nodes: int = 50,
        min_weight: int = 1,
    ) -> dict[str, list[dict[str, Any]]]:
        """The directed actor network: see ``_read.network``."""
        return _read.network(self._conn, policy=policy, where=where, max_nodes=max_nodes,
                             min_weight=min_weight)

    def reader(self) -> Store:
        """Another Store on this open database, for use in another thread (a DuckDB cursor:
        connections are not shared between threads). Closing it leaves this store open."""
        other = Store(self.path, read_only=self.read_only, wait=self.wait)
        other._connection = self._conn.cursor()
        return other

    def interrupt(self) -> None:
        """Stop the query running on this store now (from another thread); it raises
        duckdb.InterruptException. Harmless when nothing runs or the store is closed."""
        if self._connection is not None:
            self._connection.interrupt()

    def create_api_key(self, *, name: str | None = None) -> tuple[ApiKey, str]:
        """Create an API key; returns its record and the key, shown this once (only its
        sha256 is stored)."""
        with self._transaction() as conn:
            return _keys.create_key(conn, name=name)

    def api_keys(self) -> list[ApiKey]:
        """Every API key (records only), oldest first."""
        return _keys.list_keys(self._conn)

    def revoke_api_key(self, key_id: str) -> ApiKey | None:
        """Revoke the API key ``key_id``; returns its record, or None when there is none."""
        with self._transaction() as conn:
            return _keys.revoke_key(conn, key_id)

    def find_api_key(self, token: str) -> ApiKey | None:
        """The stored record of the API key ``token`` (check ``revoked_at``), or None."""
        return _keys.find_key(self._conn, token)


def content_hash(article: Article) -> str:
    """The sha256 (hex) of an article's document text: what tells two versions apart."""
    return hashlib.sha256(article.document.encode("utf-8")).hexdigest()


def _limited(sql: str, params: list[object], limit: int | None) -> tuple[str, list[object]]:
    if limit is None:
        return sql, params
    if limit < 0:
        raise ValueError(f"limit must be >= 0, not {limit}")
    return sql + " LIMIT ?", [*params, limit]


def _stream_rows(
    cursor: duckdb.DuckDBPyConnection,
    sql: str,
    params: list[object],
    convert: Callable[[tuple[Any, ...]], dict[str, Any]] | None,
) -> Iterator[dict[str, Any]]:
    """Rows of ``sql`` through ``convert``, or as dicts by column name when it is None."""
    try:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        while rows := cursor.fetchmany(_FETCH_BATCH):
            for row in rows:
                yield convert(row) if convert else _row_dict(names, row)
    finally:
        cursor.close()


def _row_dict(names: list[str], row: tuple[Any, ...]) -> dict[str, Any]:
    item = dict(zip(names, row))
    if isinstance(item.get("record"), str):
        item["record"] = json.loads(item["record"])
    return item


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
        *record_keys(event.to_dict()),
        *location_values(event.to_dict()),
    )


def _write_error(path: Path, err: duckdb.Error) -> StoreError:
    code = "E309" if _is_permission_error(err) else "E303"
    return StoreError(code, path=path, detail=_one_line(err))


def _is_permission_error(err: duckdb.Error) -> bool:
    # DuckDB reports the OS error as text (strerror of EACCES / EROFS).
    return any(text in str(err) for text in ("Permission denied", "Read-only file system"))


def _is_lock_conflict(err: duckdb.Error) -> bool:
    # DuckDB has no exception class of its own for this; its message is stable across 1.x-2.x.
    return "Could not set lock" in str(err)


def _one_line(err: BaseException) -> str:
    # DuckDB messages can span lines; catalogue messages are one line.
    return " ".join(str(err).split())
