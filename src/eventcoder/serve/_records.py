"""Event records as the API answers them: projections, highlights and the page formats."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from eventcoder.export import write_csv

Record = Mapping[str, Any]

#: Fields of a mention in ``GET /api/events/{id}``; ``highlights`` is added to them.
MENTION_FIELDS = ("id", "article_id", "sentence_index", "sentence", "trigger", "actor",
                  "recipient")


def project(record: Record, fields: Sequence[str] | None) -> dict[str, Any]:
    """The record restricted to ``fields`` (all when None); ``id`` is always kept, and so is
    ``dedup`` when the record has it (a deduplicated event's counts)."""
    if fields is None:
        return dict(record)
    kept = {name: record.get(name) for name in ("id", *(f for f in fields if f != "id"))}
    if "dedup" in record:
        kept["dedup"] = record["dedup"]
    return kept


def highlights(record: Record, document: str) -> list[dict[str, Any]]:
    """Where the trigger, actors and recipients are in the record's sentence: offsets
    relative to ``record["sentence"]``, sorted. The record's offsets point into
    ``document``; spans outside the sentence (an actor named earlier) are left out."""
    sentence = record["sentence"]
    start = _sentence_start(document, sentence, record["trigger"]["start"])
    if start is None:
        return []
    spans = [(record["trigger"], "trigger")]
    spans += [(actor, "actor") for actor in record.get("actor") or []]
    spans += [(actor, "recipient") for actor in record.get("recipient") or []]
    found = []
    for span, role in spans:
        if span.get("start") is None or span.get("end") is None:
            continue
        begin, end = span["start"] - start, span["end"] - start
        if 0 <= begin < end <= len(sentence):
            found.append({"start": begin, "end": end, "role": role})
    return sorted(found, key=lambda h: (h["start"], h["end"]))


def _sentence_start(document: str, sentence: str, inside: int) -> int | None:
    """Where ``sentence`` starts in ``document``: the occurrence holding offset ``inside``."""
    at = document.find(sentence)
    while at != -1:
        if at <= inside < at + len(sentence):
            return at
        at = document.find(sentence, at + 1)
    return None


def jsonl(records: Iterable[Record]) -> str:
    """One JSON object per line."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def csv_text(records: Iterable[Record]) -> str:
    """The export CSV (``eventcoder export --format csv``): every field, one event a row."""
    stream = io.StringIO()
    write_csv(records, stream)
    return stream.getvalue()


def geojson(
    records: Iterable[tuple[Record, Record]], *, next_cursor: str | None
) -> dict[str, Any]:
    """A FeatureCollection of (full record, projected record) pairs: a Point at the event's
    place, or a null geometry when it has none, with the projected record as properties."""
    features = []
    for record, shown in records:
        location = record.get("location") or {}
        point = None
        if location.get("lat") is not None and location.get("lon") is not None:
            point = {"type": "Point", "coordinates": [location["lon"], location["lat"]]}
        features.append({"type": "Feature", "id": record["id"], "geometry": point,
                         "properties": shown})
    return {"type": "FeatureCollection", "features": features, "next_cursor": next_cursor}
