"""Reads for the HTTP API: pages of events in a stable order, one event with its mentions,
and the map, timeline and network summaries. Every value is a query parameter; the only names
formatted into the SQL come from allow-lists (policies, periods)."""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from typing import Any

import duckdb

from eventcoder.store._dedup import events_sql, policy_named
from eventcoder.store._query import EventFilter
from eventcoder.types import Article

#: The periods of ``timeline``.
TIMELINE_PERIODS = ("day", "week", "month", "year")
#: A position in the order of ``event_page``: (event date or None, event key).
PageKey = tuple[_dt.date | None, str]

# How many of a network node's mentions its label is chosen from.
_LABEL_SAMPLE = 50
# What a deduplicated event adds to its first mention's record.
_DEDUP_COLUMNS = ("mention_ids", "num_mentions", "num_sources", "num_articles", "first_seen",
                  "last_seen")


@dataclass(frozen=True)
class EventPage:
    """One page of events: ``items`` (dicts with ``record``, the event record, and ``dedup``,
    the deduplicated event's id, policy and counts, or None for mentions) and ``next_key``,
    where the next page starts (None on the last page)."""

    items: tuple[dict[str, Any], ...]
    next_key: PageKey | None


def selection(policy: str, where: EventFilter | None) -> tuple[str, list[object]]:
    """A SELECT of one row per event under ``policy`` ("off": one per mention): the
    ``mentions`` columns of the event's first mention plus ``eid``, the event's key."""
    condition, params = (where or EventFilter()).sql("m")
    if policy == "off":
        return f"SELECT m.*, m.id AS eid FROM mentions m WHERE {condition}", params
    events = events_sql(policy_named(policy), where=condition)
    extras = ", ".join(f"e.{column}" for column in _DEDUP_COLUMNS)
    # The first mention's row carries every column (places too), whatever the policy groups by.
    return (f"SELECT m.*, e.id AS eid, e.policy, {extras} FROM ({events}) e "
            "JOIN mentions m ON m.id = json_extract_string(e.record, '$.id')"), params


def event_page(
    conn: duckdb.DuckDBPyConnection,
    *,
    policy: str,
    where: EventFilter | None,
    limit: int,
    after: PageKey | None,
) -> EventPage:
    """Up to ``limit`` events after ``after``, newest first (date descending, undated last,
    then by key): a keyset order, so a page never repeats or skips rows as pages are walked."""
    select, params = selection(policy, where)
    keyset, key_params = "TRUE", []
    if after is not None:
        date, key = after
        if date is None:
            keyset, key_params = "s.date IS NULL AND s.eid > ?", [key]
        else:
            keyset = "(s.date < ? OR (s.date = ? AND s.eid > ?) OR s.date IS NULL)"
            key_params = [date, date, key]
    dedup_columns = () if policy == "off" else ("policy", *_DEDUP_COLUMNS)
    inner = "".join(f", s.{column}" for column in dedup_columns)
    outer = "".join(f", page.{column}" for column in dedup_columns)
    # The page is chosen on narrow rows first: sorting the records themselves is what costs.
    sql = f"""
        WITH page AS (
            SELECT s.id AS mention_id, s.date, s.eid{inner} FROM ({select}) s WHERE {keyset}
            ORDER BY s.date DESC NULLS LAST, s.eid LIMIT ?
        )
        SELECT m.record, page.date, page.eid{outer}
        FROM page JOIN mentions m ON m.id = page.mention_id
        ORDER BY page.date DESC NULLS LAST, page.eid
    """
    rows = conn.execute(sql, [*params, *key_params, limit + 1]).fetchall()
    items = []
    for row in rows[:limit]:
        dedup = None
        if policy != "off":
            dedup = {"id": row[2], "policy": row[3], **{
                column: _iso(value) for column, value in zip(_DEDUP_COLUMNS, row[4:])}}
        items.append({"record": json.loads(row[0]), "dedup": dedup})
    next_key = (rows[limit - 1][1], rows[limit - 1][2]) if len(rows) > limit else None
    return EventPage(tuple(items), next_key)


def event_detail(
    conn: duckdb.DuckDBPyConnection, mention_id: str, *, policy: str
) -> dict[str, Any] | None:
    """The mention ``mention_id`` with its article and every mention of the same event under
    ``policy``; None when there is no such mention. Each mention dict has ``record``, its
    article's ``title``, ``url``, ``source_name``, ``published`` and ``document`` (the text
    the record's offsets point into)."""
    key = policy_named(policy).key
    row = conn.execute(
        f"SELECT {', '.join(f'm.{c}' for c in key)} FROM mentions m WHERE m.id = ?", [mention_id]
    ).fetchone()
    if row is None:
        return None
    same = " AND ".join(f"m.{c} IS NOT DISTINCT FROM ?" for c in key)
    rows = conn.execute(
        f"""SELECT m.record, a.id, a.title, a.text, a.url, a.source_name, a.published
            FROM mentions m JOIN articles a ON a.id = m.article_id WHERE {same}
            ORDER BY a.published NULLS LAST, m.article_id, m.sentence_index, m.id""",
        list(row),
    ).fetchall()
    mentions = [
        {"record": json.loads(record), "title": title, "url": url, "source_name": source,
         "published": _iso(published),
         "document": Article(id=article_id, text=text or "", title=title).document}
        for record, article_id, title, text, url, source, published in rows
    ]
    (this,) = [m for m in mentions if m["record"]["id"] == mention_id]
    return {"mention": this, "mentions": mentions}


def map_points(
    conn: duckdb.DuckDBPyConnection, *, policy: str, where: EventFilter | None, limit: int
) -> list[dict[str, Any]]:
    """Events counted by place (coordinates, name, country), with counts by quad class;
    the ``limit`` places with most events, most first."""
    select, params = selection(policy, where)
    quads = ", ".join(f"count(*) FILTER (WHERE s.quad_class = {q})" for q in (1, 2, 3, 4))
    rows = conn.execute(
        f"""SELECT s.lat, s.lon, s.location_name, s.location_country, count(*) AS n, {quads}
            FROM ({select}) s WHERE s.lat IS NOT NULL AND s.lon IS NOT NULL
            GROUP BY 1, 2, 3, 4 ORDER BY n DESC, 3, 1, 2 LIMIT ?""",
        [*params, limit],
    ).fetchall()
    return [
        {"lat": lat, "lon": lon, "name": name, "country": country, "count": count,
         "quad": {str(q): n for q, n in zip((1, 2, 3, 4), by_quad)}}
        for lat, lon, name, country, count, *by_quad in rows
    ]


def timeline(
    conn: duckdb.DuckDBPyConnection, *, policy: str, where: EventFilter | None, period: str
) -> list[dict[str, Any]]:
    """Dated events counted by period (its first day; weeks start on Monday) and quad class."""
    if period not in TIMELINE_PERIODS:
        raise ValueError(f"unknown period {period!r}; choose one of: {', '.join(TIMELINE_PERIODS)}")
    select, params = selection(policy, where)
    # ``period`` is one of the checked names above.
    rows = conn.execute(
        f"""SELECT CAST(date_trunc('{period}', s.date) AS DATE), s.quad_class, count(*)
            FROM ({select}) s WHERE s.date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2""",
        params,
    ).fetchall()
    return [{"period": day.isoformat(), "quad": quad, "count": count} for day, quad, count in rows]


def network(
    conn: duckdb.DuckDBPyConnection,
    *,
    policy: str,
    where: EventFilter | None,
    max_nodes: int,
    min_weight: int,
) -> dict[str, list[dict[str, Any]]]:
    """The directed actor network: the ``max_nodes`` actor codes in most events (as actor or
    recipient; first actor and recipient of each event), each labelled by the most frequent
    name among its first ``_LABEL_SAMPLE`` mentions (by id), and the edges actor -> recipient
    among them with at least ``min_weight`` events (``weight``) and their mean Goldstein score.
    """
    select, params = selection(policy, where)
    name = ("coalesce(json_extract_string(m.record, '$.{p}[0].name'), "
            "json_extract_string(m.record, '$.{p}[0].text'))")
    # Names come from the JSON records, the costly part: a bounded sample of each node's rows.
    nodes = conn.execute(
        f"""WITH s AS ({select}),
            sides AS (SELECT s.id, 'actor' AS side, s.actor_code AS code,
                             s.actor_country AS country FROM s
                      UNION ALL
                      SELECT s.id, 'recipient', s.recipient_code, s.recipient_country FROM s),
            top AS (SELECT code, mode(country) AS country, count(*) AS n FROM sides
                    WHERE code IS NOT NULL GROUP BY code ORDER BY n DESC, code LIMIT ?),
            sampled AS (SELECT sides.id, sides.side, sides.code FROM sides JOIN top USING (code)
                        QUALIFY row_number() OVER (PARTITION BY sides.code
                                                   ORDER BY sides.id, sides.side) <= ?),
            labels AS (SELECT sampled.code,
                              mode(CASE sampled.side WHEN 'actor' THEN {name.format(p="actor")}
                                   ELSE {name.format(p="recipient")} END) AS label
                       FROM sampled JOIN mentions m ON m.id = sampled.id GROUP BY sampled.code)
            SELECT top.code, labels.label, top.country, top.n
            FROM top LEFT JOIN labels USING (code) ORDER BY top.n DESC, top.code""",
        [*params, max_nodes, _LABEL_SAMPLE],
    ).fetchall()
    codes = [code for code, *_ in nodes]
    edges = conn.execute(
        f"""WITH s AS ({select})
            SELECT s.actor_code, s.recipient_code, count(*) AS weight, avg(s.goldstein)
            FROM s WHERE list_contains(?, s.actor_code) AND list_contains(?, s.recipient_code)
            GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY weight DESC, 1, 2""",
        [*params, codes, codes, min_weight],
    ).fetchall()
    return {
        "nodes": [{"id": code, "label": label or code, "country": country, "count": count}
                  for code, label, country, count in nodes],
        "edges": [{"source": source, "target": target, "weight": weight,
                   "goldstein": round(goldstein, 3)}
                  for source, target, weight, goldstein in edges],
    }


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, _dt.date) else value
