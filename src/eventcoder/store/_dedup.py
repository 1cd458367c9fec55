"""Deduplication: which mentions are reports of one event. Named, versioned policies.

A policy is never edited after release: a change of rule ships under a new name (".v2").
Each policy groups mentions by a key of ``mentions`` columns; every group is one event.
Migration 2 stored ``events_sql`` of the default policy as the ``events`` view: a change to
the columns it selects needs a new migration that recreates the view.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DedupPolicy:
    """A deduplication rule: ``name`` (versioned), the ``key`` columns of ``mentions`` that
    identify one event, and a one-line ``description``."""

    name: str
    key: tuple[str, ...]
    description: str


POLICIES: dict[str, DedupPolicy] = {
    policy.name: policy
    for policy in (
        DedupPolicy(
            "exact-key.v1",
            ("date", "actor_key", "event_type", "recipient_key", "place_key"),
            "one event per event date, actors, PLOVER type, recipients and place",
        ),
        DedupPolicy(
            "one-a-day.v1",
            ("date", "actor_key", "cameo", "recipient_key"),
            "the one-a-day filter: one event per day, actors, CAMEO code and recipients, "
            "wherever it happened",
        ),
        DedupPolicy("off", ("id",), "no deduplication: every mention is an event"),
    )
}
DEFAULT_POLICY = "exact-key.v1"

# Copied from the mention that reported the event first (earliest publication date, then
# article id, sentence, mention id): its codes agree with each other, unlike a per-column mix.
_FIRST_MENTION_COLUMNS = (
    "cameo", "cameo_root", "goldstein", "quad_class", "actor_country", "actor_sector",
    "actor_code", "recipient_country", "recipient_sector", "recipient_code", "location_country",
)
_ALL_KEY_COLUMNS = ("date", "actor_key", "event_type", "recipient_key", "place_key")
_FIRST = "ORDER BY a.published NULLS LAST, m.article_id, m.sentence_index, m.id"


def policy_named(name: str) -> DedupPolicy:
    """The policy called ``name``; raises ValueError naming the choices for an unknown one."""
    try:
        return POLICIES[name]
    except KeyError:
        raise ValueError(
            f"unknown deduplication policy {name!r}; choose one of: {', '.join(POLICIES)}"
        ) from None


def events_sql(policy: DedupPolicy, *, where: str = "TRUE") -> str:
    """A SELECT of the events of ``policy`` over ``mentions m JOIN articles a``, filtered by
    the condition ``where`` (parameters are the caller's)."""
    key = ", ".join(f"m.{column}" for column in policy.key)
    # NULL stands apart from "": concat_ws would skip NULLs and merge different keys.
    hashed = ", ".join(f"coalesce(CAST(m.{c} AS TEXT), '\u2205')" for c in policy.key)
    # Columns outside the key come from the first mention too, so every policy has one shape.
    key_like = [
        f"m.{c} AS {c}" if c in policy.key else f"first(m.{c} {_FIRST}) AS {c}"
        for c in _ALL_KEY_COLUMNS
    ]
    first = [f"first(m.{c} {_FIRST}) AS {c}" for c in _FIRST_MENTION_COLUMNS]
    return f"""
        SELECT md5(concat_ws('|', '{policy.name}', {hashed})) AS id,
               '{policy.name}' AS policy,
               {", ".join(key_like)},
               {", ".join(first)},
               list(m.id ORDER BY m.id) AS mention_ids,
               count(*) AS num_mentions,
               count(DISTINCT a.source_name) AS num_sources,
               count(DISTINCT m.article_id) AS num_articles,
               min(a.published) AS first_seen,
               max(a.published) AS last_seen,
               min(m.sentence_index) AS first_sentence_index,
               first(m.record {_FIRST}) AS record
        FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE {where}
        GROUP BY {key}
    """


def record_keys(record: Mapping[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(actor_key, recipient_key, place_key) of an event record (``Event.to_dict()``).

    An actor list becomes its sorted distinct codes joined by "+" ("FRAGOV+ITA"), an actor
    without a code counting by its country, else as "-"; a place is its GeoNames id, else
    "COUNTRY/name". None when there is no actor, recipient or place.
    """
    location = record.get("location")
    place = None
    if location:
        if location.get("geonameid") is not None:
            place = f"geonames:{location['geonameid']}"
        else:
            place = f"{location.get('country') or '-'}/{location.get('name')}"
    return _actors_key(record.get("actor") or []), _actors_key(record.get("recipient") or []), place


def _actors_key(actors: list[Mapping[str, Any]]) -> str | None:
    codes = sorted({a.get("code") or a.get("country") or "-" for a in actors})
    return "+".join(codes) or None
