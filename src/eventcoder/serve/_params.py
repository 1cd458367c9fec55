"""Query parameters: the event filters, cursors and field lists, checked before any query.

Every bad value becomes ApiError E521 (HTTP 422) naming the parameter.
"""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import json
import math
import re
from typing import Annotated, Any

from fastapi import Query

from eventcoder import ontology
from eventcoder.serve._errors import ApiError
from eventcoder.store import POLICIES, EventFilter
from eventcoder.store._read import PageKey
from eventcoder.types import EVENT_FIELDS

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_CODE = re.compile(r"^[A-Za-z]{3}$")
_ROOT = re.compile(r"^(0[1-9]|1[0-9]|20)$")
# Long enough for every country at once; the query string as a whole is bounded too.
_LIST_LENGTH = 2000
_CURSOR_VERSION = 1


_DOC = {
    "start": "events on or after this date (YYYY-MM-DD)",
    "end": "events on or before this date (YYYY-MM-DD)",
    "countries": "ISO 3166-1 alpha-3 codes (or IGO, UNO...), comma-separated: any of them",
    "sectors": "sectors (GOV, MIL, REB...), comma-separated: any of them",
    "types": "PLOVER event types, comma-separated: any of them",
    "roots": "two-digit CAMEO roots (01-20), comma-separated: any of them",
    "quads": "quad classes (1-4), comma-separated: any of them",
    "bbox": "minlon,minlat,maxlon,maxlat (degrees; minlon > maxlon crosses the antimeridian)",
    "q": "words in the sentence or in an actor's or recipient's name (case-insensitive)",
}


def _list(kind: str) -> Any:
    return Query(max_length=_LIST_LENGTH, description=_DOC[kind])


def bad(param: str, detail: str) -> ApiError:
    """The error for a bad value of ``param``."""
    return ApiError(422, "E521", param=param, detail=detail)


def event_filter(
    start: Annotated[str | None, Query(pattern=DATE_PATTERN, description=_DOC["start"])] = None,
    end: Annotated[str | None, Query(pattern=DATE_PATTERN, description=_DOC["end"])] = None,
    actor_country: Annotated[str | None, _list("countries")] = None,
    recipient_country: Annotated[str | None, _list("countries")] = None,
    actor_sector: Annotated[str | None, _list("sectors")] = None,
    recipient_sector: Annotated[str | None, _list("sectors")] = None,
    type: Annotated[str | None, _list("types")] = None,
    cameo_root: Annotated[str | None, _list("roots")] = None,
    quad: Annotated[str | None, _list("quads")] = None,
    place_country: Annotated[str | None, _list("countries")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description=_DOC["bbox"])] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description=_DOC["q"])] = None,
) -> EventFilter:
    """The event filters shared by the read endpoints (the CLI's ``events`` filters, with
    comma lists for any-of matches)."""
    since, until = _date("start", start), _date("end", end)
    if since and until and since > until:
        raise bad("end", f"{until} is before start {since}")
    types = {t.name for t in ontology.plover_types()}
    return EventFilter(
        since=since,
        until=until,
        actor_country=_codes("actor_country", actor_country),
        recipient_country=_codes("recipient_country", recipient_country),
        actor_sector=_codes("actor_sector", actor_sector),
        recipient_sector=_codes("recipient_sector", recipient_sector),
        event_type=_items("type", type, lambda v: v.upper() in types,
                          "a PLOVER type such as PROTEST"),
        cameo_root=_items("cameo_root", cameo_root, _ROOT.match, "a CAMEO root 01-20"),
        quad_class=_quads(quad),
        place_country=_codes("place_country", place_country),
        search=q,
        bbox=_bbox(bbox),
    )


def policy(param: str, value: str) -> str:
    """A deduplication policy name, or "off"."""
    if value not in POLICIES:
        raise bad(param, f"unknown policy {value!r}; choose one of: {', '.join(POLICIES)}")
    return value


def fields(value: str | None) -> tuple[str, ...] | None:
    """The record fields a client asked for (None: all)."""
    if value is None:
        return None
    names = tuple(name.strip() for name in value.split(",") if name.strip())
    unknown = [name for name in names if name not in EVENT_FIELDS]
    if unknown or not names:
        raise bad("fields", f"unknown field {(unknown or [value])[0]!r}; choose from: "
                            f"{', '.join(EVENT_FIELDS)}")
    return names


def encode_cursor(policy_name: str, key: PageKey) -> str:
    """An opaque cursor for the page that starts after ``key``."""
    date, event_key = key
    payload = [_CURSOR_VERSION, policy_name, date.isoformat() if date else None, event_key]
    raw = json.dumps(payload, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(value: str, policy_name: str) -> PageKey:
    """The position a cursor of ``encode_cursor`` holds, for the same policy."""
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        version, name, date, event_key = json.loads(raw)
        if version != _CURSOR_VERSION or not isinstance(event_key, str):
            raise ValueError(version)
        day = _dt.date.fromisoformat(date) if date is not None else None
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise bad("cursor", "not a cursor given by this API") from None
    if name != policy_name:
        raise bad("cursor", f"the cursor is for dedup={name}, not {policy_name}")
    return day, event_key


def _date(param: str, value: str | None) -> _dt.date | None:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise bad(param, f"{value!r} is not a date (YYYY-MM-DD)") from None


def _items(param: str, value: str | None, valid, what: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = tuple(item.strip() for item in value.split(",") if item.strip())
    for item in items or (value,):
        if not valid(item):
            raise bad(param, f"{item!r} is not {what}")
    return tuple(item.upper() for item in items)


def _codes(param: str, value: str | None) -> tuple[str, ...] | None:
    return _items(param, value, _CODE.match, "a three-letter code such as FRA or GOV")


def _quads(value: str | None) -> tuple[int, ...] | None:
    items = _items("quad", value, lambda v: v in ("1", "2", "3", "4"), "a quad class 1-4")
    return tuple(int(item) for item in items) if items is not None else None


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        numbers = tuple(float(part) for part in value.split(","))
    except ValueError:
        numbers = ()
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
        raise bad("bbox", f"{value!r} is not four numbers minlon,minlat,maxlon,maxlat")
    min_lon, min_lat, max_lon, max_lat = numbers
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise bad("bbox", "longitudes must be within -180..180")
    if not (-90 <= min_lat <= max_lat <= 90):
        raise bad("bbox", "latitudes must be within -90..90, the minimum first")
    return numbers
