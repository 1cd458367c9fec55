"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one Article per item or entry.

Parsed with xml.etree after a safety check in the spirit of defusedxml: a document with a
DTD (<!DOCTYPE) or entity declarations is refused, so entity expansion ("billion laughs")
and external entities cannot happen. An item's text is its content:encoded / content, else
its description / summary, with any HTML reduced to its text.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from eventcoder.errors import InputError
from eventcoder.ingest._html import html_article
from eventcoder.ingest._parse import parse_date
from eventcoder.types import Article

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
_UNSAFE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def feed_articles(
    data: bytes, *, path: str, default_date: dt.date | None = None
) -> Iterator[Article | InputError]:
    """Articles from a feed's bytes; an item without text is yielded as its InputError.

    Raises InputError E111 when the feed is refused (DTD, entities), not XML, or not a feed.
    """
    if _UNSAFE.search(data):
        raise InputError("E121", path=path, detail="it declares a DTD or entities")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        raise InputError("E121", path=path, detail=f"not well-formed XML: {err}") from None
    if root.tag == f"{ATOM}feed":
        source = _text(root.find(f"{ATOM}title"))
        items = [(entry, _atom_fields(entry)) for entry in root.iter(f"{ATOM}entry")]
    elif root.tag == "rss" or root.tag.endswith("RDF"):
        channel = root.find("channel")
        if channel is None:
            channel = root.find(f"{RSS1}channel")
        source = _text(channel.find("title")) if channel is not None else None
        source = source or (_text(channel.find(f"{RSS1}title")) if channel is not None else None)
        items = [(item, _rss_fields(item)) for item in (*root.iter("item"),
                                                         *root.iter(f"{RSS1}item"))]
    else:
        raise InputError("E121", path=path, detail=f"unknown root element <{root.tag}>")
    if not items:
        raise InputError("E121", path=path, detail="it has no items or entries")
    for number, (_element, (title, body, link, published)) in enumerate(items, start=1):
        origin = f"{path}#item{number}"
        try:
            yield html_article(
                f"<article>{body or ''}</article>", origin=origin,
                default_date=_feed_date(published) or default_date,
                url=link, source_name=source, title=title,
            )
        except InputError as err:
            yield err


def _rss_fields(item: ET.Element) -> tuple[str | None, str | None, str | None, str | None]:
    def first(*names: str) -> str | None:
        for name in names:
            value = _text(item.find(name))
            if value:
                return value
        return None

    return (
        _plain(first("title", f"{RSS1}title")),
        first(f"{CONTENT}encoded", "description", f"{RSS1}description"),
        first("link", f"{RSS1}link", "guid"),
        first("pubDate", f"{DC}date"),
    )


def _atom_fields(entry: ET.Element) -> tuple[str | None, str | None, str | None, str | None]:
    link = None
    for element in entry.findall(f"{ATOM}link"):
        if element.get("rel", "alternate") == "alternate":
            link = element.get("href")
            break
    body = _text(entry.find(f"{ATOM}content")) or _text(entry.find(f"{ATOM}summary"))
    published = _text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated"))
    return _plain(_text(entry.find(f"{ATOM}title"))), body, link, published


def _text(element: ET.Element | None) -> str | None:
    if element is None:
        return None
    # Atom's type="xhtml" content is markup, not text: keep it as HTML for the extractor.
    text = (element.text or "") + "".join(ET.tostring(child, encoding="unicode")
                                          for child in element)
    return text.strip() or None


def _plain(value: str | None) -> str | None:
    if value is None:
        return None
    return " ".join(re.sub(r"<[^>]+>", " ", value).split()) or None


def _feed_date(value: str | None) -> dt.date | None:
    """A date from RFC 822 (RSS pubDate) or ISO 8601 (Atom, Dublin Core); None if neither."""
    if not value:
        return None
    try:
        return parse_date(value)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None
