"""Turn one story (a text file's content or one JSON line) into an Article."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import Any

from eventcoder.errors import InputError
from eventcoder.ingest._dateline import dateline_place, find_dateline
from eventcoder.types import HEADLINE_SEPARATOR, Article

BOM = "\ufeff"
# A publisher line closing a text story; the length cap keeps a last sentence that happens
# to start with "Source:" in the body.
_SOURCE_LINE = re.compile(r"\s*source\s*:\s*(?P<name>\S.{0,79}?)\s*", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# JSON may escape half of a UTF-16 pair ("\\ud83d" from an emoji cut in two); such a lone
# surrogate cannot be encoded as UTF-8, so it would fail later, far from its line.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def normalise_newlines(raw: str) -> str:
    """``raw`` with a leading BOM removed and "\\r\\n" / "\\r" turned into "\\n"."""
    return raw.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")


def content_id(title: str | None, text: str) -> str:
    """A stable id from the story's content, the same wherever the story is read from."""
    digest = hashlib.sha256(((title or "") + HEADLINE_SEPARATOR + text).encode("utf-8"))
    return "a-" + digest.hexdigest()[:16]


def parse_date(value: str) -> dt.date:
    """A date from "YYYY-MM-DD" or an ISO datetime (its date part, as written).

    Raises ValueError for anything else.
    """
    value = value.strip()
    if not _ISO_DATE.match(value):
        raise ValueError(f"not an ISO date: {value!r}")
    day = dt.date.fromisoformat(value[:10])
    if len(value) > 10:
        # Validates the time part; Python 3.11 reads "Z" but 3.10 does not.
        dt.datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith("Z") else value)
    return day


def parse_text_story(raw: str, *, origin: str, default_date: dt.date | None = None) -> Article:
    """An Article from a text story: headline line, body paragraphs, optional "Source: NAME".

    Raises InputError E102 when there is no text.
    """
    lines = normalise_newlines(raw).split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        raise InputError("E102", path=origin)
    first, last = filled[0], filled[-1]
    source_name = None
    source = _SOURCE_LINE.fullmatch(lines[last]) if last != first else None
    if source:
        source_name = source["name"]
        last = filled[-2]
    title: str | None = lines[first].strip()
    body = "\n".join(lines[first + 1 : last + 1]).strip()
    if not body:
        # A one-line story is all text: there is no headline to set apart.
        title, body = None, title
    dateline = find_dateline(body)
    if dateline and dateline.agency and source_name is None:
        source_name = dateline.agency
    return Article(
        id=content_id(title, body),
        text=body,
        title=title,
        published=default_date,
        source_name=source_name,
        dateline=dateline.place if dateline else None,
        origin=origin,
    )


def parse_jsonl_line(line: str, *, origin: str, default_date: dt.date | None = None) -> Article:
    """An Article from one JSON line: ``text`` required; ``id``, ``title``, ``date``,
    ``source``, ``url``, ``dateline`` optional; other keys are ignored.

    ``origin`` is "PATH:LINE". Raises InputError E105 (not JSON) or E106 (bad fields).
    """
    path, number = _split_origin(origin)
    try:
        record = json.loads(line.removeprefix(BOM))
    except json.JSONDecodeError as err:
        raise InputError("E105", path=path, line=number, detail=str(err)) from None
    except RecursionError:
        raise InputError("E105", path=path, line=number, detail="nested too deeply") from None
    try:
        return article_from_record(record, origin=origin, default_date=default_date)
    except BadField as err:
        raise InputError("E106", path=path, line=number, detail=str(err)) from None


class BadField(ValueError):
    """A record field (of a JSON line or a CSV row) that cannot be used; becomes E106 with
    the line's position."""


def article_from_record(record: Any, *, origin: str, default_date: dt.date | None) -> Article:
    if not isinstance(record, dict):
        raise BadField(f"expected a JSON object, got {_json_type(record)}")
    if record.get("text") is None:
        raise BadField("'text' is missing")
    text = _string_field(record, "text")
    if text is None:
        raise BadField("'text' is empty")
    text = normalise_newlines(text)
    title = _string_field(record, "title")
    if title:
        # The headline must stay one line: it is sentence 0 of the document.
        title = " ".join(title.split())
    published = default_date
    date_value = _string_field(record, "date")
    if date_value:
        try:
            published = parse_date(date_value)
        except ValueError:
            raise BadField(
                f"bad 'date' {date_value!r}: give YYYY-MM-DD or an ISO datetime"
            ) from None
    given = _string_field(record, "dateline")
    found = find_dateline(text)
    return Article(
        id=_record_id(record.get("id")) or content_id(title, text),
        text=text,
        title=title,
        published=published,
        source_name=_string_field(record, "source") or (found.agency if found else None),
        url=_string_field(record, "url"),
        dateline=dateline_place(given) if given else (found.place if found else None),
        origin=origin,
    )


def _string_field(record: dict[str, Any], key: str) -> str | None:
    """The stripped string under ``key``; None when absent, null or blank."""
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadField(f"'{key}' must be a string, not {_json_type(value)}")
    return _unpaired_replaced(value).strip() or None


def _record_id(value: Any) -> str | None:
    if value is None:
        return None
    # bool is an int subclass, and true is no id.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise BadField(f"'id' must be a string or an integer, not {_json_type(value)}")
    return _unpaired_replaced(value).strip() or None


def _unpaired_replaced(value: str) -> str:
    """``value`` with each lone surrogate replaced by U+FFFD, as a UTF-8 decoder would."""
    return _LONE_SURROGATE.sub("\ufffd", value)


def _split_origin(origin: str) -> tuple[str, str]:
    path, sep, number = origin.rpartition(":")
    return (path, number) if sep and number.isdigit() else (origin, "?")


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
