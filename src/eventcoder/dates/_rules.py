"""Date expressions: one table of rules, each a regex and a resolver against the publication date.

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
- "the weekend" is its Saturday, with week precision.
- Amounts: a/an/one = 1, a couple (of) = 2, a few = several = 3 ("several weeks ago" is three
  weeks before publication, week precision).
- Finding is stricter than resolving: in a sentence, month and weekday names must be capitalised
  ("troops march", "may"), and a month or year alone needs a cue word before it ("in March",
  "since 2018"), so that "Theresa May" or "2018 people" is not a date.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Callable

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
_LEAD_OPTIONAL = f"(?:{_PREPOSITION})?{_MODIFIER}?"
_LEAD_REQUIRED = f"(?:{_PREPOSITION}{_MODIFIER}?|{_MODIFIER})"


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
}


def _day_word(m: re.Match, published: _dt.date) -> DateResolution:
    offset = _DAY_WORDS[" ".join(m["word"].lower().split())]
    return DateResolution(published + _dt.timedelta(days=offset), "day")


_STEP = {"last": -1, "this": 0, "next": 1}


def _relative_period(m: re.Match, published: _dt.date) -> DateResolution:
    step, unit = _STEP[m["rel"].lower()], m["unit"].lower()
    if unit == "week":
        return DateResolution(published + _dt.timedelta(weeks=step), "week")
    if unit == "month":
        return DateResolution(_first_of_month(published.year, published.month, step), "month")
    return DateResolution(_dt.date(published.year + step, 1, 1), "year")


def _weekend(m: re.Match, published: _dt.date) -> DateResolution:
    saturday = published - _dt.timedelta(days=(published.weekday() - 5) % 7)
    # on a Saturday or Sunday, "last weekend" is the one before
    if m["rel"].lower() == "last" and published.weekday() >= 5:
        saturday -= _dt.timedelta(weeks=1)
    return DateResolution(saturday, "week")


def _ago(m: re.Match, published: _dt.date) -> DateResolution:
    amount = m["amount"].lower()
    n = int(amount) if amount.isdigit() else _AMOUNTS[" ".join(amount.split())]
    unit = m["unit"].lower()
    if unit == "day":
        return DateResolution(published - _dt.timedelta(days=n), "day")
    if unit == "week":
        return DateResolution(published - _dt.timedelta(weeks=n), "week")
    if unit == "month":
        return DateResolution(_first_of_month(published.year, published.month, -n), "month")
    return DateResolution(_dt.date(published.year - n, 1, 1), "year")


Resolver = Callable[[re.Match, _dt.date], "DateResolution | None"]


@dataclass(frozen=True)
class _Rule:
    find: re.Pattern[str]  # in running text: names capitalised, cue words where needed
    exact: re.Pattern[str]  # a whole expression handed to resolve_date, any case
    resolve: Resolver


def _rule(core: str, resolve: Resolver, *, needs_cue: bool = False) -> _Rule:
    lead = _LEAD_REQUIRED if needs_cue else _LEAD_OPTIONAL
    return _Rule(
        find=re.compile(rf"(?<!\w){lead}(?:{core})(?!\w)"),
        exact=re.compile(rf"{_LEAD_OPTIONAL}(?:{core})", re.IGNORECASE),
        resolve=resolve,
    )


_RULES: tuple[_Rule, ...] = (
    _rule(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)", _iso),
    _rule(rf"(?P<month>{_MONTH_OR_ABBR})\s+{_DAY}{_OPT_YEAR}", _day_month),
    _rule(rf"{_DAY}\s+(?:(?i:of)\s+)?(?P<month>{_MONTH_OR_ABBR}){_OPT_YEAR}", _day_month),
    _rule(rf"(?P<month>{_MONTH_OR_ABBR}),?\s+{_YEAR}", _month_year),
    _rule(rf"(?P<rel>(?i:last|this|next))\s+(?P<month>{_MONTH})", _month_alone),
    _rule(rf"(?P<month>{_MONTH})", _month_alone, needs_cue=True),
    _rule(_YEAR, _year_alone, needs_cue=True),
    _rule(
        rf"(?:(?P<rel>(?i:this\s+past|last|past|this|next))\s+)?(?P<weekday>{_WEEKDAY})"
        + _PART_OF_DAY,
        _weekday,
    ),
    _rule(r"(?P<word>(?i:" + "|".join(sorted(_DAY_WORDS, key=len, reverse=True)).replace(
        " ", r"\s+") + "))" + _PART_OF_DAY, _day_word),
    _rule(r"(?P<rel>(?i:last|this|next))\s+(?P<unit>(?i:week|month|year))", _relative_period),
    _rule(r"(?P<rel>(?i:last|this|the))\s+(?i:weekend)", _weekend),
    _rule(
        rf"(?P<amount>(?i:{_AMOUNT})|\d{{1,3}})\s+(?P<unit>(?i:day|week|month|year))(?i:s)?"
        r"\s+(?i:ago)",
        _ago,
    ),
)


def resolve_date(expression: str, published: _dt.date) -> DateResolution | None:
    """Resolve one date expression ("on Wednesday", "May 8, 2019", "two weeks ago") against the
    publication date; None when it is not a date expression we know."""
    text = " ".join(expression.split()).strip(" .,;:")
    for rule in _RULES:
        m = rule.exact.fullmatch(text)
        if m:
            return rule.resolve(m, published)
    return None


def find_date_expressions(text: str) -> list[tuple[int, int, str]]:
    """The date expressions in a sentence as (start, end, text), in order and not overlapping;
    where two overlap the longer one is kept. Each can be passed to ``resolve_date``."""
    spans = sorted(
        {(m.start(), m.end()) for rule in _RULES for m in rule.find.finditer(text)},
        key=lambda span: (span[0], -span[1]),
    )
    found: list[tuple[int, int, str]] = []
    for start, end in spans:
        if not found or start >= found[-1][1]:
            found.append((start, end, text[start:end]))
    return found
