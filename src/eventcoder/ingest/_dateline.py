"""Datelines: the wire-style place prefix that opens a story's first paragraph.

Examples: "PARIS, ", "TRIPOLI, Libya (Reuters) - ", "WASHINGTON (AP) — ",
"KABUL, Afghanistan, May 3 (Reuters) - ", "ISLAMABAD: ", "Tehran, March 15, IRNA - ". The prefix stays in the text (offsets must stay
true); ``dateline_span`` tells the coder which characters to skip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Python's re has no \p{Lu}; ASCII plus Latin-1 capitals covers SÃO PAULO, BOGOTÁ, ZÜRICH.
_UPPER = "A-ZÀ-ÖØ-Þ"
_PLACE_WORD = rf"[{_UPPER}][{_UPPER}'’.\-]*"
_PLACE = rf"{_PLACE_WORD}(?: {_PLACE_WORD}){{0,4}}"
# A region or country ("Libya", "Northern Ireland") or a date ("May 3", "Sept. 12, 2019").
_REGION = r"[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,3}"
_DATE = r"[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?"
_AGENCY = r"[A-Z][\w.&'’ /\-]{0,40}"
# A hyphen needs a space on one side: "U.S. M-1" and "ADVO-System" open no dateline;
# a dash may be tight ("WASHINGTON—The").
_DASH = r"(?: *[–—][ \t]*| *--?[ \t]+| +--?[ \t]*)"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE})"
    r"(?:"
    # Regions and dates must be closed by an agency or a dash: a bare comma after them would
    # swallow an appositive ("PARIS, Emmanuel Macron, the French president, said ...").
    rf"(?:, *(?:{_DATE}|{_REGION})){{0,3}}"
    rf"(?: *\((?P<agency>{_AGENCY})\)(?:,[ \t]*|{_DASH})|{_DASH})"
    r"|,[ \t]*"
    # "UNITED NATIONS: Russia vetoed ...", "ISLAMABAD: The cabinet ..."
    r"|:[ \t]+"
    r")(?=\S)"
)
# A place written in title case opens a dateline only with a date and a dash ("Tehran,
# March 15, IRNA - "): without the date, "Paris, France - Talks began" is a sentence.
_TITLE_WORD = r"[A-Z][a-zà-ÿ'’.\-]+"
_TITLE_DATELINE = re.compile(
    rf"(?P<place>{_TITLE_WORD}(?: {_TITLE_WORD}){{0,2}})"
    rf"(?:, *{_REGION})?, *{_DATE}"
    rf"(?:, *(?P<agency_word>[A-Z]{{2,}})| *\((?P<agency>{_AGENCY})\))?"
    rf"{_DASH}(?=\S)"
)
# Where a dateline given on its own ("WASHINGTON, April 9 -", "Paris (AFP)") stops naming the
# place: a comma, a parenthesis or a dash set apart by a space.
_PLACE_END = re.compile(r"\s*(?:,|:|\(|\s[-–—]|[–—]|$)")
# Labels that open a story like a dateline and are no place: "BREAKING: ...".
_LABELS = {"breaking", "update", "updated", "exclusive", "watch", "analysis", "opinion",
           "editorial", "comment", "news", "live", "video", "photos", "review", "interview",
           "correction", "flash", "alert", "urgent", "note", "editor's note", "advisory",
           "factbox", "timeline", "explainer", "q&a", "wrapup", "rpt", "refile"}
# Short all-caps words ("US, EU and ...", "UN, ...") open sentences more often than datelines.
_MIN_PLACE_LETTERS = 3


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a body: ``place`` as written in title case
    ("Paris"), the news ``agency`` named in parentheses or None, and the ``start``/``end``
    character span of the whole prefix, separator and following spaces included."""

    place: str
    agency: str | None
    start: int
    end: int


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening ``text`` (a story body), or None."""
    match = _DATELINE.match(text)
    title = None if match is not None else _TITLE_DATELINE.match(text)
    if match is None and title is None:
        return None
    if title is not None:
        agency = title["agency"] or title["agency_word"]
        return Dateline(place=title["place"], agency=agency.strip() if agency else None,
                        start=title.start(), end=title.end())
    place = match["place"]
    if sum(ch.isalpha() for ch in place) < _MIN_PLACE_LETTERS or place.lower() in _LABELS:
        return None
    agency = match["agency"].strip() if match["agency"] else None
    return Dateline(place=place.title(), agency=agency, start=match.start(), end=match.end())


def dateline_span(text: str) -> tuple[int, int] | None:
    """The (start, end) character span of the dateline prefix of a story body, or None.

    ``text`` is ``Article.text`` (the body); inside ``Article.document`` the span is shifted
    by the headline and its separator.
    """
    found = find_dateline(text)
    return (found.start, found.end) if found else None


def dateline_place(dateline: str) -> str | None:
    """The place named by a dateline given on its own ("WASHINGTON, April 9 -" -> "Washington").

    All-caps places are put in title case; others are kept as written.
    """
    value = dateline.strip()
    place = value[: _PLACE_END.search(value).start()].rstrip(" -–—")
    if not place:
        return None
    return place.title() if place.isupper() else place
