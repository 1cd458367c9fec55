"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one Article per item or entry.

Parsed with xml.etree after a safety pass in the spirit of defusedxml: expat reads the
document once with handlers that refuse a DTD (<!DOCTYPE) or an entity declaration, in
whatever encoding the document is written, so entity expansion ("billion laughs") and
external entities cannot happen. An item's text is its content:encoded / content, else
its description / summary, with any HTML reduced to its text.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import xml.etree.ElementTree as ET
import xml.parsers.expat
from collections.abc import Iterator

from eventcoder.errors import InputError
from eventcoder.ingest._html import html_article
from eventcoder.ingest._parse import parse_date
from eventcoder.types import Article

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"


def feed_articles(
    data: bytes, *, path: str, default_date: dt.date | None = None
) -> Iterator[Article | InputError]:
    """Articles from a feed's bytes; an item without text is yielded as its InputError.

    Raises InputError E121 when the feed is refused (DTD, entities), not XML, or not a feed.
    """
    try:
        _refuse_dtd(data)
        root = ET.fromstring(data)
    except _Unsafe:
        raise InputError("E121", path=path, detail="it declares a DTD or entities") from None
    except (ET.ParseError, xml.parsers.expat.ExpatError) as err:
        raise InputError("E121", path=path, detail=f"not well-formed XML: {err}") from None
    except ValueError as err:  # pyexpat: a declared encoding it cannot read ("utf-16-le")
        raise InputError("E121", path=path, detail=f"unreadable encoding: {err}") from None
    if root.tag == f"{ATOM}feed":
        titles = [root.find(f"{ATOM}title")]
        fields, elements = _atom_fields, list(root.iter(f"{ATOM}entry"))
    elif root.tag == "rss" or root.tag.endswith("RDF"):
        channel = root.find("channel")
        if channel is None:
            channel = root.find(f"{RSS1}channel")
        titles = [] if channel is None else [channel.find("title"), channel.find(f"{RSS1}title")]
        fields, elements = _rss_fields, [*root.iter("item"), *root.iter(f"{RSS1}item")]
    else:
        raise InputError("E121", path=path, detail=f"unknown root element <{root.tag}>")
    if not elements:
        raise InputError("E121", path=path, detail="it has no items or entries")
    try:
        source = next(filter(None, map(_text, titles)), None)
    except RecursionError:
        source = None
    for number, element in enumerate(elements, start=1):
        origin = f"{path}#item{number}"
        try:
            title, body, link, published = fields(element)
            item: Article | InputError = html_article(
                f"<article>{body or ''}</article>", origin=origin,
                default_date=_feed_date(published) or default_date,
                url=link, source_name=source, title=title,
            )
        except InputError as err:
            item = err
        except RecursionError:
            # ET.tostring recurses once per level of markup nested in the item.
            item = InputError("E121", path=origin, detail="the item is nested too deeply")
        yield item


class _Unsafe(Exception):
    """A DTD or an entity declaration: raised from inside expat to stop the parse."""


def _refuse(*_args: object) -> None:
    raise _Unsafe


def _refuse_dtd(data: bytes) -> None:
    """Raise _Unsafe when the document has a DTD or declares entities; ExpatError when it is
    not well-formed. Expat decodes first, so a UTF-16 document cannot hide its DTD."""
    parser = xml.parsers.expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.Parse(data, True)


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
