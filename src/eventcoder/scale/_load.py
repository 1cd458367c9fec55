"""Records back into domain objects, and the Parquet output of a Ray run into the store."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..store import Store
from ..types import Actor, Article, Event, Place, Span

#: The columns of DIR/articles/: the Article fields, ``published`` as a date.
ARTICLE_COLUMNS: tuple[str, ...] = (
    "article_id", "title", "text", "published", "source_name", "url", "dateline", "origin",
)
# How long loading waits for a store another process holds (as `eventcoder ingest` does).
LOCK_WAIT_SECONDS = 30.0


@dataclass(frozen=True)
class LoadResult:
    """What ``load_store`` did: stories ``added`` (new or corrected), ``unchanged`` (already
    stored as they are) and the number of events added."""

    added: int
    unchanged: int
    events: int


def event_from_record(record: Mapping[str, Any]) -> Event:
    """The Event whose ``to_dict()`` is ``record`` (the inverse, field for field)."""
    location = record.get("location")
    reported_by = record.get("reported_by")
    return Event(
        id=record["id"],
        article_id=record["article_id"],
        sentence_index=record["sentence_index"],
        sentence=record["sentence"],
        trigger=Span(**record["trigger"]),
        event_type=record["event_type"],
        cameo=record["cameo"],
        cameo_root=record["cameo_root"],
        goldstein=record["goldstein"],
        quad_class=record["quad_class"],
        mode=record.get("mode"),
        context=tuple(record.get("context") or ()),
        actor=tuple(Actor(**a) for a in record.get("actor") or ()),
        recipient=tuple(Actor(**a) for a in record.get("recipient") or ()),
        date=record.get("date"),
        date_precision=record.get("date_precision"),
        date_source=record.get("date_source"),
        location=Place(**location) if location else None,
        negated=record.get("negated", False),
        hypothetical=record.get("hypothetical", False),
        future=record.get("future", False),
        fatalities=record.get("fatalities"),
        injured=record.get("injured"),
        arrested=record.get("arrested"),
        displaced=record.get("displaced"),
        approximate=tuple(record.get("approximate") or ()),
        source_name=record.get("source_name"),
        reported_by=Actor(**reported_by) if reported_by else None,
        url=record.get("url"),
        confidence=record.get("confidence", 0.5),
        versions=dict(record.get("versions") or {}),
    )


def article_row(article: Article) -> dict[str, Any]:
    """An Article as a row of ``ARTICLE_COLUMNS``."""
    return {"article_id": article.id, "title": article.title, "text": article.text,
            "published": article.published, "source_name": article.source_name,
            "url": article.url, "dateline": article.dateline, "origin": article.origin}


def article_from_row(row: Mapping[str, Any]) -> Article:
    """The Article of a row of ``ARTICLE_COLUMNS`` (``published`` a date or "YYYY-MM-DD")."""
    published = row.get("published")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    return Article(id=row["article_id"], text=row["text"], title=row.get("title"),
                   published=published, source_name=row.get("source_name"),
                   url=row.get("url"), dateline=row.get("dateline"), origin=row.get("origin"))


def load_store(folder: str, db: str) -> LoadResult:
    """Add the stories of ``folder``/articles and their events (``folder``/events, read from
    the ``record`` column) to the store ``db``; ``folder`` may be any URI pyarrow reads."""
    import pyarrow.dataset as pads

    by_article: dict[str, list[Event]] = defaultdict(list)
    for batch in _batches(pads, f"{folder}/events", ["article_id", "record"]):
        for article_id, record in zip(batch.column("article_id").to_pylist(),
                                      batch.column("record").to_pylist()):
            by_article[article_id].append(event_from_record(json.loads(record)))
    added = unchanged = events = 0
    with Store.open(db, wait=LOCK_WAIT_SECONDS) as store:
        for batch in _batches(pads, f"{folder}/articles", list(ARTICLE_COLUMNS)):
            for row in batch.to_pylist():
                article = article_from_row(row)
                coded = by_article.pop(article.id, [])
                if store.add_article(article, coded):
                    added += 1
                    events += len(coded)
                else:
                    unchanged += 1
    return LoadResult(added=added, unchanged=unchanged, events=events)


def _batches(pads, path: str, columns: list[str]):
    try:
        dataset = pads.dataset(path, format="parquet")
    except FileNotFoundError:
        return iter(())  # Ray writes no file for an empty dataset
    return dataset.to_batches(columns=columns)
