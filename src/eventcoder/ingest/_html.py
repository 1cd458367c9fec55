"""HTML pages: the main text of a page, with the standard library's html.parser.

Boilerplate goes: script, style, nav, header, footer, aside (and noscript, form, template,
svg, iframe). When the page has <article> or <main>, only their text is kept. The headline is
the first <h1>, else <title>; publication date, site name and URL come from the usual <meta>
tags (article:published_time, og:site_name, og:url / canonical link) when present.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from eventcoder.errors import InputError
from eventcoder.ingest._dateline import find_dateline
from eventcoder.ingest._parse import content_id, parse_date
from eventcoder.types import Article

_SKIPPED = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form",
            "template", "svg", "iframe", "head"}
_MAIN = {"article", "main"}
# Elements that end a paragraph of text.
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "article",
           "main", "section", "blockquote", "tr", "table", "dd", "dt", "figcaption", "pre",
           "hr", "title", "body"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source",
         "track", "wbr", "param"}
_DATE_META = ("article:published_time", "datePublished", "date", "pubdate", "dc.date",
              "dcterms.created", "og:published_time")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
# A byte order mark wins over any declared charset, as in browsers (UTF-32 LE before UTF-16 LE:
# its mark starts with the same two bytes).
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# html.parser (Python 3.11) rescans to the end of the page for every opener that is never
# closed: 120 KB of "<a " or "<!--" took minutes. Such an opener can only be text, so
# ``_defused`` escapes its "<" first. Marked sections that html.parser does not know ("<![x")
# make it raise, so they are escaped too. Closers as html.parser and _markupbase find them.
_OPENER = re.compile(
    r"<(?:(?P<comment>!--)"
    r"|(?P<section>!\[(?:cdata|temp|ignore|include|rcdata)(?![-\w.]))"
    r"|(?P<ms>!\[(?:if|else|endif)(?![-\w.]))"
    r"|(?P<unknown>!\[))?",
    re.IGNORECASE,
)
_CLOSERS = {None: re.compile(">"), "comment": re.compile(r"--\s*>"),
            "section": re.compile(r"]\s*]\s*>"), "ms": re.compile(r"]\s*>")}


@dataclass(frozen=True)
class Page:
    """What a page holds: ``title``, ``paragraphs``, and the ``meta`` values found."""

    title: str | None
    paragraphs: tuple[str, ...]
    published: str | None
    site_name: str | None
    url: str | None


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping: list[str] = []  # open boilerplate elements (a stack: they nest)
        self.main_depth = 0
        self.blocks: list[tuple[bool, list[str]]] = [(False, [])]
        self.title: list[str] = []
        self.h1: list[str] | None = None
        self.in_title = False
        self.in_h1 = False
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop")
            if key and "content" in values:
                self.meta.setdefault(key.lower(), values["content"].strip())
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = values.get("href")
        elif tag == "time" and "datetime" in values:
            self.meta.setdefault("time", values["datetime"].strip())
        if tag == "title":
            self.in_title = True
        if tag in _VOID:
            if tag in _BLOCKS:
                self._new_block()
            return
        if self.skipping or tag in _SKIPPED:
            if tag in _SKIPPED:
                self.skipping.append(tag)
            return
        if tag in _MAIN:
            self.main_depth += 1
        if tag == "h1" and self.h1 is None:
            self.in_h1, self.h1 = True, []
        if tag in _BLOCKS:
            self._new_block()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag == "h1":
            self.in_h1 = False
        if tag in _MAIN and self.main_depth:
            self.main_depth -= 1
        if tag in _BLOCKS:
            self._new_block()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if self.skipping:
            return
        if self.in_h1 and self.h1 is not None:
            self.h1.append(data)
            return
        self.blocks[-1][1].append(data)

    def _new_block(self) -> None:
        if self.blocks[-1][1] or self.blocks[-1][0] != bool(self.main_depth):
            self.blocks.append((bool(self.main_depth), []))

    def page(self) -> Page:
        in_main = any(main and _clean("".join(parts)) for main, parts in self.blocks)
        paragraphs = tuple(
            text for main, parts in self.blocks
            if (main or not in_main) and (text := _clean("".join(parts)))
        )
        title = _clean("".join(self.h1 or [])) or _clean("".join(self.title)) or None
        published = next((self.meta[k.lower()] for k in (*_DATE_META, "time")
                          if self.meta.get(k.lower())), None)
        return Page(title=title, paragraphs=paragraphs, published=published,
                    site_name=self.meta.get("og:site_name") or None,
                    url=self.canonical or self.meta.get("og:url") or None)


def _clean(text: str) -> str:
    return " ".join(text.split())


def extract_page(markup: str) -> Page:
    """The title, main-text paragraphs and metadata of an HTML page."""
    extractor = _Extractor()
    extractor.feed(_defused(markup))
    extractor.close()
    return extractor.page()


def _defused(markup: str) -> str:
    """``markup`` with the "<" of every opener that is never closed written as "&lt;"."""
    last = {kind: max((m.start() for m in closer.finditer(markup)), default=-1)
            for kind, closer in _CLOSERS.items()}
    pieces: list[str] = []
    done = 0
    for found in _OPENER.finditer(markup):
        kind = found.lastgroup
        if kind == "unknown" or last[kind] < found.end():
            pieces += (markup[done : found.start()], "&lt;")
            done = found.start() + 1
    pieces.append(markup[done:])
    return "".join(pieces)


def decode_html(data: bytes, *, path: str, charset: str | None = None) -> str:
    """HTML bytes as text: by the byte order mark, else the given ``charset``, else the page's
    <meta charset>, else UTF-8. A charset Python does not know, or that cannot be right (UTF-16
    declared in a page whose declaration reads as ASCII), counts as UTF-8.

    Raises InputError E104 when the bytes do not decode.
    """
    marked = next((name for mark, name in _BOMS if data.startswith(mark)), None)
    if marked is not None:
        charset = marked
    else:
        if charset is None:
            declared = _CHARSET.search(data[:4096])
            charset = declared.group(1).decode("ascii") if declared else "utf-8"
        charset = _usable(charset)
    try:
        return data.decode(charset).removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        raise InputError("E104", path=path, offset=err.start) from None


def _usable(charset: str) -> str:
    try:
        # LookupError for unknown names and for bytes-to-bytes codecs (rot13, zlib).
        b"<".decode(charset)
    except LookupError:
        return "utf-8"
    except UnicodeDecodeError:
        pass  # a text codec all the same (UTF-16 wants two bytes)
    if codecs.lookup(charset).name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return charset


def html_article(
    markup: str,
    *,
    origin: str,
    default_date: dt.date | None = None,
    url: str | None = None,
    source_name: str | None = None,
    title: str | None = None,
) -> Article:
    """An Article from an HTML page (see the module docstring); the arguments fill what the
    page does not say. Raises InputError E120 when the page has no text, E113 when
    html.parser gives up on its markup."""
    try:
        page = extract_page(markup)
    except AssertionError as err:  # how html.parser's _markupbase reports what it cannot read
        raise InputError("E113", path=origin, detail=_clean(str(err))[:100]) from None
    text = "\n".join(page.paragraphs)
    headline = title or page.title
    if not text:
        raise InputError("E120", path=origin)
    found = find_dateline(text)
    return Article(
        id=content_id(headline, text),
        text=text,
        title=headline,
        published=_date_or(page.published, default_date),
        source_name=source_name or page.site_name or (found.agency if found else None),
        url=url or page.url,
        dateline=found.place if found else None,
        origin=origin,
    )


def _date_or(value: str | None, default: dt.date | None) -> dt.date | None:
    if not value:
        return default
    try:
        return parse_date(value)
    except ValueError:
        return default
