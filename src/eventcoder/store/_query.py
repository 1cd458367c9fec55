"""Filters and aggregations over the store, as parameterised SQL (values never enter the text)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, fields

PERIODS = ("day", "week", "month", "year")
GROUPINGS = ("dyad", "country")
SPLITS = ("quad", "type")


Values = str | tuple[str, ...]


@dataclass(frozen=True)
class EventFilter:
    """Which mentions to keep; every field left None keeps all.

    ``since``/``until`` bound the event date (inclusive; undated events are then dropped),
    ``actor_country``/``recipient_country``/``place_country`` are ISO alpha-3 codes (or IGO,
    UNO...), ``actor_sector``/``recipient_sector`` sectors (GOV, MIL...), ``event_type`` a
    PLOVER type, ``cameo_root`` a two-digit root ("14"), ``quad_class`` 1-4; each of these also
    takes a tuple of values, any of which matches. ``text`` is a case-insensitive substring of
    the sentence, ``search`` one of the sentence or of an actor's or recipient's name; ``bbox``
    (min lon, min lat, max lon, max lat) keeps events placed inside it (min lon > max lon
    crosses the antimeridian). Countries, sectors, types and roots match the first actor /
    recipient (the scalar columns of ``mentions``).
    """

    since: _dt.date | None = None
    until: _dt.date | None = None
    actor_country: Values | None = None
    recipient_country: Values | None = None
    actor_sector: Values | None = None
    recipient_sector: Values | None = None
    event_type: Values | None = None
    cameo_root: Values | None = None
    quad_class: int | tuple[int, ...] | None = None
    place_country: Values | None = None
    text: str | None = None
    search: str | None = None
    bbox: tuple[float, float, float, float] | None = None

    def sql(self, alias: str = "m") -> tuple[str, list[object]]:
        """The WHERE condition over ``mentions`` aliased ``alias``, and its parameters."""
        conditions: list[str] = []
        params: list[object] = []
        for field in fields(self):
            value = getattr(self, field.name)
            if value is None:
                continue
            if field.name == "bbox":
                condition, values = _bbox_condition(value)
            elif field.name in _COLUMNS:
                condition, values = _match_condition(field.name, value)
            else:
                condition = _CONDITIONS[field.name]
                # ``search`` looks in three places, each taking the value once.
                values = [value] * condition.count("?")
            conditions.append(condition.format(m=alias))
            params.extend(values)
        return " AND ".join(conditions) or "TRUE", params


# filter field -> the mentions column it matches (equality, or membership for a tuple)
_COLUMNS = {
    "actor_country": "actor_country",
    "recipient_country": "recipient_country",
    "actor_sector": "actor_sector",
    "recipient_sector": "recipient_sector",
    "event_type": "event_type",
    "cameo_root": "cameo_root",
    "quad_class": "quad_class",
    "place_country": "location_country",
}
_UPPER = {"actor_country", "recipient_country", "actor_sector", "recipient_sector", "event_type",
          "place_country"}
_SENTENCE = "json_extract_string({m}.record, '$.sentence')"
# The names of all actors (compound ones too), one per line, so a match cannot span two.
_ACTOR_NAMES = "array_to_string(json_extract_string({m}.record, '$.actor[*].name'), chr(10))"
_RECIPIENT_NAMES = (
    "array_to_string(json_extract_string({m}.record, '$.recipient[*].name'), chr(10))"
)
_CONDITIONS = {
    "since": "{m}.date >= ?",
    "until": "{m}.date <= ?",
    # contains() rather than LIKE: "%" and "_" typed by a user are plain characters.
    "text": f"contains(lower({_SENTENCE}), lower(?))",
    "search": f"(contains(lower({_SENTENCE}), lower(?)) "
              f"OR contains(lower({_ACTOR_NAMES}), lower(?)) "
              f"OR contains(lower({_RECIPIENT_NAMES}), lower(?)))",
}


def _match_condition(name: str, value: object) -> tuple[str, list[object]]:
    column = _COLUMNS[name]
    upper = (lambda v: v.upper()) if name in _UPPER else (lambda v: v)
    if isinstance(value, tuple):
        return f"list_contains(?, {{m}}.{column})", [[upper(v) for v in value]]
    return f"{{m}}.{column} = ?", [upper(value)]


def _bbox_condition(bbox: tuple[float, float, float, float]) -> tuple[str, list[object]]:
    min_lon, min_lat, max_lon, max_lat = bbox
    lon = "{m}.lon BETWEEN ? AND ?" if min_lon <= max_lon else "({m}.lon >= ? OR {m}.lon <= ?)"
    return f"{{m}}.lat BETWEEN ? AND ? AND {lon}", [min_lat, max_lat, min_lon, max_lon]


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
