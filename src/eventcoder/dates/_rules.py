"""Date expressions: one table of rules, each a regex, a kind, and a resolver against the
publication date (or, for offsets from another event, against that event's date).

Choices (each one has a test):
- A weekday, bare or with "on"/"this" ("on Wednesday"), is the most recent such day on or before
  publication, the publication day included; "last"/"past" Wednesday is strictly before it;
  "next Wednesday" strictly after.
- "last night" is the day before publication (stories are mostly filed the morning after);
  "tonight" and "this morning" are the publication day.
- A day and month without a year ("May 8") takes the year that puts it nearest publication, so a
  story of 3 January means 30 December of the year before; a tie goes to the past.
- A month alone ("in March") is the most recent March on or before the publication month;
  "last March" is strictly before it.
- Week precision keeps day arithmetic ("last week" is publication - 7 days); month precision
  gives the first day of the month, year precision 1 January.
- "the weekend" is its Saturday, with week precision: the last one on or before publication, but
  "this weekend" said on a weekday is the coming one.
- Amounts: a/an/one = 1, a couple (of) = 2, a few = several = 3 ("several weeks ago" is three
  weeks before publication, week precision).
- Three kinds of expression (``DateExpression.kind``): "absolute" names the calendar ("May 8",
  "in March 2019", "2018"; a missing year is still taken from publication),
  "relative_to_publication" counts from the publication date ("on Wednesday", "two weeks ago",
  "last month"), and "offset_from_anchor" counts from another event ("two weeks after", "three days earlier",
  "the next day"): it resolves only against an anchor date, else to None.
- An anchored offset's ``delta`` is the signed number of days from the anchor event to the event
  the expression dates: "two weeks after" +14, "three days before" -3, "a day later" +1; months
  and years count 30 and 365 days there, but ``resolve_date`` steps calendar months and years.
  Precision follows the unit, except that "exactly two weeks" is a day.
- Inside "N days/weeks after/before <clause>" the clause's own event lies the other way: in
  "the meeting comes two weeks after Macron received X", "received" is 14 days before the
  meeting (``offset_relation`` gives -14). The clause ends at punctuation or a clause word
  ("who", "which", "while", ...).
- Finding is stricter than resolving: in a sentence, month and weekday names must be capitalised
  ("troops march", "may"), and a month or year alone needs a cue word before it ("in March",
  "since 2018"), so that "Theresa May" or "2018 people" is not a date.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, NamedTuple

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# abbreviations are only taken next to a day or a year ("Aug. 8", "Sept 2019")
_MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_AMOUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "a couple of": 2, "a couple": 2, "a few": 3, "several": 3,
}
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
_UNIT_PRECISION = {"day": "day", "week": "week", "fortnight": "week", "month": "month",
                   "year": "year"}
KINDS = ("absolute", "relative_to_publication", "offset_from_anchor")


@dataclass(frozen=True)
class DateResolution:
    """A resolved date: ``date`` and its ``precision`` ("day", "week", "month" or "year").

    Month and year precision carry the first day of the period.
    """

    date: _dt.date
    precision: str


def _alternation(words) -> str:
    # longest first, so "a couple of" wins over "a" and "Sept" over "Sep"
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


_MONTH = _alternation(MONTHS)
_MONTH_OR_ABBR = "(?:" + _alternation(MONTHS) + "|" + _alternation(
    w.capitalize() for w in _MONTH_ABBREVIATIONS) + r"\.?)"
_WEEKDAY = _alternation(WEEKDAYS)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<year>(?:1[89]|2[01])\d\d)"
_OPT_YEAR = r"(?:,?\s+" + _YEAR + ")?"
_AMOUNT = _alternation(_AMOUNTS)
_PART_OF_DAY = r"(?:\s+(?i:morning|afternoon|evening|night))?"

_PREPOSITION = r"(?i:on|in|since|during|until|till|by|from|as of|over|at)\s+"
_MODIFIER = (
    r"(?:(?i:earlier|early|later|late|the (?:end|beginning|start|middle) of)\s+"
    r"|(?i:mid)(?:-|\s+))"
)
# "late on Wednesday" as well as "on late Wednesday"
_LEAD_OPTIONAL = f"(?:{_MODIFIER}?{_PREPOSITION})?{_MODIFIER}?"
_LEAD_REQUIRED = f"(?:{_MODIFIER}?{_PREPOSITION}{_MODIFIER}?|{_MODIFIER})"


def _month_number(name: str) -> int:
    name = name.rstrip(".").lower()
    for number, month in enumerate(MONTHS, start=1):
        if month.lower() == name:
            return number
    return _MONTH_ABBREVIATIONS[name]


def _first_of_month(year: int, month: int, shift: int = 0) -> _dt.date:
    index = year * 12 + month - 1 + shift
    return _dt.date(index // 12, index % 12 + 1, 1)


def _nearest_year(month: int, day: int, published: _dt.date) -> _dt.date | None:
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(_dt.date(year, month, day))
        except ValueError:  # 29 February outside a leap year
            continue
    if not candidates:
        return None
    return min(candidates, key=lambda d: (abs((d - published).days), d > published))


def _day_month(m: re.Match, published: _dt.date) -> DateResolution | None:
    month, day = _month_number(m["month"]), int(m["day"])
    if m["year"]:
        try:
            return DateResolution(_dt.date(int(m["year"]), month, day), "day")
        except ValueError:
            return None
    found = _nearest_year(month, day, published)
    return DateResolution(found, "day") if found else None


def _iso(m: re.Match, published: _dt.date) -> DateResolution | None:
    try:
        return DateResolution(_dt.date(int(m["year"]), int(m["month"]), int(m["day"])), "day")
    except ValueError:
        return None


def _month_year(m: re.Match, published: _dt.date) -> DateResolution:
    return DateResolution(_dt.date(int(m["year"]), _month_number(m["month"]), 1), "month")


def _month_alone(m: re.Match, published: _dt.date) -> DateResolution:
    month, relation = _month_number(m["month"]), (m.groupdict().get("rel") or "").lower()
    year = published.year
    if relation == "last":
        year -= month >= published.month
    elif relation == "next":
        year += month <= published.month
    elif relation != "this":
        year -= month > published.month
    return DateResolution(_dt.date(year, month, 1), "month")


def _year_alone(m: re.Match, published: _dt.date) -> DateResolution:
    return DateResolution(_dt.date(int(m["year"]), 1, 1), "year")


def _weekday(m: re.Match, published: _dt.date) -> DateResolution:
    target = WEEKDAYS.index(m["weekday"].capitalize())
    relation = " ".join((m["rel"] or "").lower().split())
    if relation == "next":
        ahead = (target - published.weekday()) % 7 or 7
        return DateResolution(published + _dt.timedelta(days=ahead), "day")
    back = (published.weekday() - target) % 7
    if relation in ("last", "past", "this past"):
        back = back or 7
    return DateResolution(published - _dt.timedelta(days=back), "day")


_DAY_WORDS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "the day before yesterday": -2, "tomorrow": 1,
    "the day after tomorrow": 2,
}


def _day_word(m: re.Match, published: _dt.date) -> DateResolution:
    offset = _DAY_WORDS[" ".join(m["word"].lower().split())]
    return DateResolution(published + _dt.timedelta(days=offset), "day")


_STEP = {"last": -1, "past": -1, "this": 0, "next": 1}


def _relative_period(m: re.Match, published: _dt.date) -> DateResolution:
    step, unit = _STEP[m["rel"].lower().split()[-1]], m["unit"].lower()
    if unit == "week":
        return DateResolution(published + _dt.timedelta(weeks=step), "week")
    if unit == "month":
        return DateResolution(_first_of_month(published.year, published.month, step), "month")
    return DateResolution(_dt.date(published.year + step, 1, 1), "year")


def _weekend(m: re.Match, published: _dt.date) -> DateResolution:
    weekday, relation = published.weekday(), m["rel"].lower()
    if relation == "this" and weekday < 5:  # said on a weekday: the coming one
        return DateResolution(published + _dt.timedelta(days=5 - weekday), "week")
    saturday = published - _dt.timedelta(days=(weekday - 5) % 7)
    # on a Saturday or Sunday, "last weekend" is the one before
    if relation == "last" and weekday >= 5:
        saturday -= _dt.timedelta(weeks=1)
    return DateResolution(saturday, "week")


def _ago(m: re.Match, published: _dt.date) -> DateResolution:
    return _step(published, -_amount(m["amount"]), m["unit"].lower(), exact=bool(m["exact"]))


def _amount(text: str | None) -> int:
    if not text:
        return 1
    text = " ".join(text.lower().split())
    return int(text) if text.isdigit() else _AMOUNTS[text]


def _step(base: _dt.date, count: int, unit: str, *, exact: bool = False) -> DateResolution:
    """``count`` units from ``base``: days and weeks by day arithmetic, months and years by the
    calendar (first day of the period)."""
    if unit == "month":
        return DateResolution(_first_of_month(base.year, base.month, count), "month")
    if unit == "year":
        return DateResolution(_dt.date(base.year + count, 1, 1), "year")
    precision = "day" if exact else _UNIT_PRECISION[unit]
    return DateResolution(base + _dt.timedelta(days=count * _UNIT_DAYS[unit]), precision)


_BACKWARD = frozenset({"before", "earlier", "prior to", "previous", "preceding"})
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})


def _offset(m: re.Match) -> tuple[int, str]:
    """(signed count, unit) of an anchored offset: "three days earlier" -> (-3, "day")."""
    groups = m.groupdict()
    if not groups.get("dir"):  # "later that day", "the same day"
        return 0, "day"
    unit = m["unit"].lower()
    unit = "day" if unit in _DAY_PARTS else unit
    sign = -1 if " ".join(m["dir"].lower().split()) in _BACKWARD else 1
    return sign * _amount(groups.get("amount")), unit


def _anchored(m: re.Match, anchor: _dt.date) -> DateResolution:
    count, unit = _offset(m)
    return _step(anchor, count, unit, exact=bool(m.groupdict().get("exact")))


Resolver = Callable[[re.Match, _dt.date], "DateResolution | None"]


@dataclass(frozen=True)
class _Rule:
    find: re.Pattern[str]  # in running text: names capitalised, cue words where needed
    exact: re.Pattern[str]  # a whole expression handed to resolve_date, any case
    resolve: Resolver  # from the publication date, or from the anchor for anchored offsets
    kind: str
    key: re.Pattern[str]  # cheap to search: ``find`` is only tried on sentences that have it


def _rule(
    core: str, resolve: Resolver, kind: str, *, key: str, needs_cue: bool = False
) -> _Rule:
    lead = _LEAD_REQUIRED if needs_cue else _LEAD_OPTIONAL
    return _Rule(
        find=re.compile(rf"(?<!\w){lead}(?:{core})(?!\w)"),
        exact=re.compile(rf"{_LEAD_OPTIONAL}(?:{core})", re.IGNORECASE),
        resolve=resolve,
        kind=kind,
        key=re.compile(key),
    )


# the word every match of a rule holds (the leading words of the full patterns make them slow
# to scan a long sentence with; most sentences have no date)
_MONTH_KEY = r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_UNIT_KEY = r"(?i:\b(?:day|week|fortnight|month|year)s?\s+)"


_ABSOLUTE, _RELATIVE, _ANCHORED = KINDS
_NUMBER = rf"(?P<amount>(?i:{_AMOUNT})|\d{{1,3}})"
_UNIT = r"(?P<unit>(?i:day|week|fortnight|month|year))(?i:s)?"
_ANCHOR_QUALIFIER = (
    r"(?:(?P<exact>(?i:exactly|precisely))\s+|(?i:just|only|some|about|around|nearly|almost"
    r"|barely|more\s+than|less\s+than)\s+)?"
)

_RULES: tuple[_Rule, ...] = (
    _rule(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)", _iso, _ABSOLUTE,
          key=r"\d-\d\d-\d"),
    _rule(rf"(?P<month>{_MONTH_OR_ABBR})\s+{_DAY}{_OPT_YEAR}", _day_month, _ABSOLUTE,
          key=_MONTH_KEY),
    _rule(rf"(?:(?i:the)\s+)?{_DAY}\s+(?:(?i:of)\s+)?(?P<month>{_MONTH_OR_ABBR}){_OPT_YEAR}",
          _day_month, _ABSOLUTE, key=_MONTH_KEY),
    _rule(rf"(?P<month>{_MONTH_OR_ABBR}),?\s+{_YEAR}", _month_year, _ABSOLUTE, key=_MONTH_KEY),
    _rule(rf"(?P<rel>(?i:last|this|next))\s+(?P<month>{_MONTH})", _month_alone, _RELATIVE,
          key=_MONTH_KEY),
    _rule(rf"(?P<month>{_MONTH})", _month_alone, _ABSOLUTE, key=_MONTH_KEY, needs_cue=True),
    _rule(_YEAR, _year_alone, _ABSOLUTE, key=r"\b(?:1[89]|2[01])\d\d\b", needs_cue=True),
    _rule(
        rf"(?:(?P<rel>(?i:this\s+past|last|past|this|next))\s+)?(?P<weekday>{_WEEKDAY})"
        + _PART_OF_DAY,
        _weekday,
        _RELATIVE,
        key=r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day",
    ),
    _rule(r"(?P<word>(?i:" + "|".join(sorted(_DAY_WORDS, key=len, reverse=True)).replace(
        " ", r"\s+") + "))" + _PART_OF_DAY, _day_word, _RELATIVE,
        key=r"(?i:to(?:day|night|morrow)|yesterday|morning|afternoon|evening|night)"),
    _rule(r"(?P<rel>(?i:last|this|next|(?:the\s+)?past))\s+(?P<unit>(?i:week|month|year))",
          _relative_period, _RELATIVE, key=r"(?i:\b(?:week|month|year)\b)"),
    _rule(r"(?P<rel>(?i:last|this|the))\s+(?i:weekend)", _weekend, _RELATIVE,
          key=r"(?i:weekend)"),
    _rule(rf"{_ANCHOR_QUALIFIER}{_NUMBER}\s+{_UNIT}\s+(?i:ago)", _ago, _RELATIVE,
          key=_UNIT_KEY + r"(?i:ago)"),
    # anchored on another event
    _rule(rf"{_ANCHOR_QUALIFIER}{_NUMBER}\s+{_UNIT}\s+"
          r"(?P<dir>(?i:after|before|later|earlier|prior\s+to))", _anchored, _ANCHORED,
          key=_UNIT_KEY + r"(?i:after|before|later|earlier|prior)"),
    _rule(r"(?i:the)\s+(?P<dir>(?i:next|following|previous|preceding))\s+"
          r"(?P<unit>(?i:day|morning|afternoon|evening|night|week|month|year))",
          _anchored, _ANCHORED, key=r"(?i:(?:next|following|previous|preceding)\s)"),
    _rule(r"(?i:the)\s+(?P<unit>(?i:day|night|week))\s+(?P<dir>(?i:after|before))",
          _anchored, _ANCHORED, key=r"(?i:(?:day|night|week)\s+(?:after|before))"),
    _rule(r"(?:(?i:later|earlier)\s+)?(?i:that|the\s+same)\s+(?i:day)", _anchored, _ANCHORED,
          key=r"(?i:(?:that|same)\s+day)"),
)


class DateExpression(NamedTuple):
    """A date expression found in a sentence: ``start``/``end`` offsets in the sentence and its
    ``text`` (unpacks as that triple). ``kind`` is "absolute", "relative_to_publication" or
    "offset_from_anchor"; ``delta`` the signed days from the anchor event (anchored only)."""

    start: int
    end: int
    text: str

    @property
    def kind(self) -> str:
        rule, _ = _matched(self.text)
        return rule.kind

    @property
    def delta(self) -> int | None:
        rule, m = _matched(self.text)
        if rule.kind != _ANCHORED:
            return None
        count, unit = _offset(m)
        return count * _UNIT_DAYS[unit]


@lru_cache(maxsize=4096)
def _match(text: str) -> tuple[_Rule, re.Match] | None:
    text = " ".join(text.split()).strip(" .,;:")
    for rule in _RULES:
        m = rule.exact.fullmatch(text)
        if m:
            return rule, m
    return None


def _matched(text: str) -> tuple[_Rule, re.Match]:
    found = _match(text)
    if found is None:  # a DateExpression is only ever built from a match
        raise ValueError(f"not a date expression: {text!r}")
    return found


def resolve_date(
    expression: str, published: _dt.date, *, anchor: _dt.date | None = None
) -> DateResolution | None:
    """Resolve one date expression ("on Wednesday", "May 8, 2019", "two weeks ago") against the
    publication date; an anchored offset ("two weeks after", "a day later") against ``anchor``,
    the date of the event it counts from. None when it is not a date expression we know, or is
    anchored and no anchor is given."""
    found = _match(expression)
    if found is None:
        return None
    rule, m = found
    if rule.kind == _ANCHORED:
        return rule.resolve(m, anchor) if anchor is not None else None
    return rule.resolve(m, published)


def find_date_expressions(text: str) -> list[DateExpression]:
    """The date expressions in a sentence, in order and not overlapping; where two overlap the
    longer one is kept. Each can be passed to ``resolve_date``."""
    return list(_find(text))


@lru_cache(maxsize=4096)  # the coder asks once per event, and a sentence holds several
def _find(text: str) -> tuple[DateExpression, ...]:
    spans = sorted(
        {(m.start(), m.end()) for rule in _RULES if rule.key.search(text)
         for m in rule.find.finditer(text)},
        key=lambda span: (span[0], -span[1]),
    )
    found: list[DateExpression] = []
    for start, end in spans:
        if not found or start >= found[-1].end:
            found.append(DateExpression(start, end, text[start:end]))
    return tuple(found)


# where the clause after "two weeks after" ends: punctuation or a word opening another clause
_CLAUSE_END = re.compile(
    r"[,;:!?()\"“”]|(?<!\b[A-Z])\.(?=\s|$)|\b(?i:who|whom|whose|which|where|while|whereas|but"
    r"|when|because|although|though|as\s+well\s+as)\b"
)


def offset_relation(sentence: str, trigger_start: int) -> int | None:
    """The signed days from the anchor event to the trigger's event when the trigger (an offset
    in ``sentence``) lies in the clause of "N days/weeks after/before ..." whose other side is
    the anchor: -14 for "received" in "The meeting comes two weeks after Macron received X".
    None when the trigger is in no such clause."""
    for found in _find(sentence):
        if found.kind != _ANCHORED or not re.search(
                r"(?i:after|before|prior\s+to)$", found.text):
            continue
        end = _CLAUSE_END.search(sentence, found.end)
        if found.end <= trigger_start < (end.start() if end else len(sentence)):
            return -found.delta
    return None
