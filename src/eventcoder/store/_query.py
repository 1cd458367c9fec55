"""Filters and aggregations over the store, as parameterised SQL (values never enter the text)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, fields

PERIODS = ("day", "week", "month", "year")
GROUPINGS = ("dyad", "country")
SPLITS = ("quad", "type")


@dataclass(frozen=True)
class EventFilter:
    """Which mentions to keep; every field left None keeps all.

    ``since``/``until`` bound the event date (inclusive; undated events are then dropped),
    ``actor_country``/``recipient_country``/``place_country`` are ISO alpha-3 codes (or IGO,
    UNO...), ``actor_sector`` a sector (GOV, MIL...), ``event_type`` a PLOVER type,
    ``cameo_root`` a two-digit root ("14"), ``quad_class`` 1-4, ``text`` a case-insensitive
    substring of the sentence. Countries, sectors, types and roots match the first actor /
    recipient (the scalar columns of ``mentions``).
    """

    since: _dt.date | None = None
    until: _dt.date | None = None
    actor_country: str | None = None
    recipient_country: str | None = None
    actor_sector: str | None = None
    event_type: str | None = None
    cameo_root: str | None = None
    quad_class: int | None = None
    place_country: str | None = None
    text: str | None = None

    def sql(self, alias: str = "m") -> tuple[str, list[object]]:
        """The WHERE condition over ``mentions`` aliased ``alias``, and its parameters."""
        conditions: list[str] = []
        params: list[object] = []
        for field in fields(self):
            value = getattr(self, field.name)
            if value is None:
                continue
            conditions.append(_CONDITIONS[field.name].format(m=alias))
            params.append(value.upper() if field.name in _UPPER else value)
        return " AND ".join(conditions) or "TRUE", params


_UPPER = {"actor_country", "recipient_country", "actor_sector", "event_type", "place_country"}
_CONDITIONS = {
    "since": "{m}.date >= ?",
    "until": "{m}.date <= ?",
    "actor_country": "{m}.actor_country = ?",
    "recipient_country": "{m}.recipient_country = ?",
    "actor_sector": "{m}.actor_sector = ?",
    "event_type": "{m}.event_type = ?",
    "cameo_root": "{m}.cameo_root = ?",
    "quad_class": "{m}.quad_class = ?",
    "place_country": "{m}.location_country = ?",
    # contains() rather than LIKE: "%" and "_" typed by a user are plain characters.
    "text": "contains(lower(json_extract_string({m}.record, '$.sentence')), lower(?))",
}


@dataclass(frozen=True)
class AggregateRow:
    """One cell of an aggregation: ``period`` (its first day), ``actor_country``,
    ``recipient_country`` (None when grouping by country), ``split`` (quad class or PLOVER
    type, None when not split), ``events`` (count), ``mean_goldstein``, ``stories`` (stories
    published in the period, when normalised) and ``per_story`` (events / stories)."""

    period: _dt.date
    actor_country: str | None
    recipient_country: str | None
    split: int | str | None
    events: int
    mean_goldstein: float
    stories: int | None = None
    per_story: float | None = None


def aggregate_sql(
    events_select: str, *, by: str, period: str, split: str | None, normalise: bool
) -> str:
    """The aggregation of the events that ``events_select`` yields (an ``events_sql`` text)."""
    _check(by, GROUPINGS, "grouping")
    _check(period, PERIODS, "period")
    if split is not None:
        _check(split, SPLITS, "split")
    # The choices above are checked names, so formatting them into the SQL is safe.
    recipient = "e.recipient_country" if by == "dyad" else "CAST(NULL AS TEXT)"
    split_column = {"quad": "e.quad_class", "type": "e.event_type", None: "NULL"}[split]
    stories = "s.stories" if normalise else "CAST(NULL AS BIGINT)"
    per_story = "count(*) / s.stories" if normalise else "CAST(NULL AS DOUBLE)"
    stories_join = f"""
        LEFT JOIN (SELECT CAST(date_trunc('{period}', published) AS DATE) AS period,
                          count(*) AS stories
                   FROM articles WHERE published IS NOT NULL GROUP BY 1) s
               ON s.period = CAST(date_trunc('{period}', e.date) AS DATE)
    """ if normalise else ""
    group_stories = ", s.stories" if normalise else ""
    return f"""
        SELECT CAST(date_trunc('{period}', e.date) AS DATE) AS period,
               e.actor_country, {recipient} AS recipient_country, {split_column} AS split,
               count(*) AS events, avg(e.goldstein) AS mean_goldstein,
               {stories} AS stories, {per_story} AS per_story
        FROM ({events_select}) e {stories_join}
        WHERE e.date IS NOT NULL
        GROUP BY 1, 2, 3, 4{group_stories}
        ORDER BY 1, 2 NULLS LAST, 3 NULLS LAST, 4 NULLS LAST
    """


def _check(value: str, choices: tuple[str, ...], what: str) -> None:
    if value not in choices:
        raise ValueError(f"unknown {what} {value!r}; choose one of: {', '.join(choices)}")
