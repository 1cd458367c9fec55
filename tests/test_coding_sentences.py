"""Accuracy of the whole coder on a table of short news sentences written for this project.

The table (tests/data/coding_sentences.tsv) covers every PLOVER 2.0 type and the grammar and
modality cases of issue 3. A row passes when some event has the expected type, an actor with
the expected country (and sector) and a recipient with the expected country, and exactly the
expected modality flags; a NONE row passes when the default Coder (which drops negated and
hypothetical events) returns no event at all, a "!TYPE" row (a denial) when it returns no
event of that type.
The floor sits just below the measured rate: raise it as the rules improve.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from eventcoder import ontology
from eventcoder.types import Actor, Article, Event, Span

TABLE = Path(__file__).resolve().parent / "data" / "coding_sentences.tsv"
FLOOR = 0.99  # measured 1.000 (746/746) in session 11 (1.000 of 678 in 10, of 632 in 9, of 571 in
# 8, of 495 in 7, 0.993 in 6, 0.984 in 5, 0.982 in 4, 0.978 in 3, 0.954 in 2, 0.922 in session 1)
FLAGS = ("negated", "hypothetical", "future")


@dataclass(frozen=True)
class Row:
    sentence: str
    types: tuple[str, ...]  # empty for NONE
    forbidden: bool  # "!TYPE": no event of these types
    actor: str | None
    sector: str | None
    recipient: str | None
    flags: frozenset[str]
    case: str


def _cell(value: str) -> str | None:
    return None if value == "-" else value


def _rows() -> list[Row]:
    lines = [line for line in TABLE.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    header, *body = (line.split("\t") for line in lines)
    assert header == ["sentence", "type", "actor", "sector", "recipient", "flags", "case"]
    return [
        Row(sentence, () if kind == "NONE" else tuple(kind.lstrip("!").split("|")),
            kind.startswith("!"), _cell(actor), _cell(sector), _cell(recipient),
            frozenset() if flags == "-" else frozenset(flags.split(",")), case)
        for sentence, kind, actor, sector, recipient, flags, case in body
    ]


ROWS = _rows()


def _has(actors: tuple[Actor, ...], country: str | None, sector: str | None = None) -> bool:
    """Whether some actor matches (nothing expected: always); an IGO/NGO may also match on
    the start of its code."""
    if country is None and sector is None:
        return True
    return any(
        (country is None or a.country == country or (a.code or "").startswith(country))
        and (sector is None or a.sector == sector)
        for a in actors
    )


def _flags(event: Event) -> frozenset[str]:
    return frozenset(f for f in FLAGS if getattr(event, f))


def _passes(row: Row, events: list[Event]) -> bool:
    if row.forbidden or not row.types:
        return not any(e.event_type in row.types or not row.types for e in events)
    return any(
        e.event_type in row.types and _has(e.actor, row.actor, row.sector)
        and _has(e.recipient, row.recipient) and _flags(e) == row.flags
        for e in events
    )


def _show(events: list[Event]) -> str:
    def who(actors: tuple[Actor, ...]) -> str:
        return "+".join(f"{a.text!r}:{a.code or '?'}" for a in actors) or "-"

    return "; ".join(
        f"{e.event_type}({e.cameo}) {who(e.actor)} -> {who(e.recipient)}"
        f"{' [' + ','.join(sorted(_flags(e))) + ']' if _flags(e) else ''}"
        for e in events
    ) or "no event"


@pytest.fixture(scope="module")
def coded(coder) -> dict[str, list[Event]]:
    """Each distinct sentence as its own story: the default Coder for NONE rows (it drops
    negated and hypothetical events), a modal Coder sharing the model for the others."""
    from eventcoder.pipeline import Coder

    modal = Coder(include_modal=True)
    modal.nlp = coder.nlp

    def run(which, sentences: list[str]) -> dict[str, list[Event]]:
        articles = [Article(id=str(i), text=s, published=dt.date(2024, 3, 1))
                    for i, s in enumerate(sentences)]
        return {a.text: events for a, events in which.code_articles(articles)}

    plain = sorted({r.sentence for r in ROWS if r.forbidden or not r.types})
    flagged = sorted({r.sentence for r in ROWS if r.types and not r.forbidden})
    return {**run(coder, plain), **run(modal, flagged)}


def test_coding_sentences_table_covers_every_plover_type_and_case():
    names = {t.name for t in ontology.plover_types()}
    counts = {name: sum(name in r.types and not r.forbidden for r in ROWS) for name in names}
    assert len(ROWS) >= 150
    assert {t for r in ROWS for t in r.types} <= names
    assert min(counts.values()) >= 6, counts
    assert {f for r in ROWS for f in r.flags} == set(FLAGS)
    assert {"passive", "relative", "apposition", "coordination", "control", "light-verb",
            "phrasal", "reported", "denial", "negation", "refusal", "hypothetical", "future",
            "no-event"} <= {r.case for r in ROWS}


def _event(kind: str, actor: Actor, recipient: Actor | None = None, **flags: bool) -> Event:
    return Event(id="e", article_id="a", sentence_index=0, sentence="s", trigger=Span("s", 0, 1),
                 event_type=kind, cameo="190", cameo_root="19", goldstein=-10.0, quad_class=4,
                 actor=(actor,), recipient=(recipient,) if recipient else (), **flags)


RUS_MIL = Actor(text="Russian troops", country="RUS", sector="MIL", code="RUSMIL")
UKR = Actor(text="Ukraine", country="UKR", code="UKR")
UN = Actor(text="the UN", country="UNO", sector="IGO", code="IGOUNO")


@pytest.mark.parametrize(("kind", "actor", "sector", "recipient", "flags", "events", "expected"), [
    ("ASSAULT", "RUS", "MIL", "UKR", "-", [_event("ASSAULT", RUS_MIL, UKR)], True),
    ("ASSAULT|COERCE", "RUS", "-", "-", "-", [_event("COERCE", RUS_MIL)], True),
    ("ASSAULT", "RUS", "GOV", "-", "-", [_event("ASSAULT", RUS_MIL, UKR)], False),
    ("ASSAULT", "RUS", "-", "UKR", "-", [_event("ASSAULT", RUS_MIL)], False),
    ("ASSAULT", "UKR", "-", "RUS", "-", [_event("ASSAULT", RUS_MIL, UKR)], False),
    ("ASSAULT", "RUS", "-", "-", "negated", [_event("ASSAULT", RUS_MIL)], False),
    ("ASSAULT", "RUS", "-", "-", "-", [_event("ASSAULT", RUS_MIL, negated=True)], False),
    ("REQUEST", "IGO", "-", "-", "-", [_event("REQUEST", UN)], True),
    ("NONE", "-", "-", "-", "-", [], True),
    ("NONE", "-", "-", "-", "-", [_event("REJECT", UN)], False),
    ("!SUPPORT", "-", "-", "-", "-", [_event("REJECT", UN)], True),
    ("!SUPPORT", "-", "-", "-", "-", [_event("SUPPORT", UN)], False),
])
def test_coding_sentences_matcher_checks_type_actor_recipient_and_flags(
        kind, actor, sector, recipient, flags, events, expected):
    row = Row("s", () if kind == "NONE" else tuple(kind.lstrip("!").split("|")),
              kind.startswith("!"), _cell(actor), _cell(sector), _cell(recipient),
              frozenset() if flags == "-" else frozenset(flags.split(",")), "plain")
    assert _passes(row, events) is expected


def test_coding_sentences_accuracy_is_above_the_floor(coded):
    misses = [r for r in ROWS if not _passes(r, coded[r.sentence])]
    rate = 1 - len(misses) / len(ROWS)
    for r in sorted(misses, key=lambda r: (r.case, r.types)):
        want = "NONE" if not r.types else "no " + "|".join(r.types) if r.forbidden else (
            f"{'|'.join(r.types)} {r.actor or '*'}/{r.sector or '*'} -> {r.recipient or '*'}"
            f" [{','.join(sorted(r.flags))}]")
        print(f"MISS [{r.case}] {r.sentence}\n    want {want}\n    got  {_show(coded[r.sentence])}")
    print(f"accuracy {rate:.3f} ({len(ROWS) - len(misses)}/{len(ROWS)})")
    assert rate >= FLOOR
