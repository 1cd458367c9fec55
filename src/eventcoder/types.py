"""Domain records shared by every layer (standard library only).

Article   one story as read by ``ingest``.
Span      a piece of the article's document text with character offsets.
Actor     a coded participant (country, sector, CAMEO actor code).
Place     a coded location.
Event     one coded event: the record contract of ARCHITECTURE.md.

Offsets: every ``start``/``end`` is a character offset into ``Article.document``, which is the
headline, a blank line, then the body (just the body when there is no headline). The headline is
therefore sentence 0 when there is one.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass, field
from typing import Any

HEADLINE_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Article:
    """One story.

    Fields: ``id`` (stable: given by the input or a content hash), ``text`` (the body),
    ``title`` (headline or None), ``published`` (publication date or None), ``source_name``,
    ``url``, ``dateline`` (place name opening the first paragraph, e.g. "PARIS"), ``origin``
    (where it was read from, e.g. "stories.jsonl:12", for messages).
    """

    id: str
    text: str
    title: str | None = None
    published: _dt.date | None = None
    source_name: str | None = None
    url: str | None = None
    dateline: str | None = None
    origin: str | None = None

    @property
    def document(self) -> str:
        """The text that is parsed and that all offsets point into."""
        if self.title:
            return self.title + HEADLINE_SEPARATOR + self.text
        return self.text


@dataclass(frozen=True)
class Span:
    """A piece of ``Article.document``: ``text`` and its ``start``/``end`` character offsets."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Actor:
    """A coded participant.

    ``text`` is the words in the sentence, ``name`` the resolved name (a person's full name,
    an organisation), ``country`` an ISO 3166-1 alpha-3 code or an international code (IGO,
    UNO, NGO...), ``sector`` a CAMEO/PLOVER sector (GOV, MIL, REB, ...), ``code`` the CAMEO
    actor code (country + sector, e.g. "FRAGOV"), ``wikidata`` a QID, ``start``/``end`` offsets.
    """

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    wikidata: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Place:
    """A coded location; ``precision`` is "city", "admin1" or "country"."""

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Event:
    """One coded event, following the event record contract (ARCHITECTURE.md).

    See the module docstring for offsets. ``actor`` and ``recipient`` are tuples of Actor
    (compound actors stay lists); ``context`` a tuple of PLOVER contexts; ``approximate``
    names the count fields whose figure is vague ("around 500"); ``reported_by`` is the
    speaker a reported event is attributed to; ``versions`` holds the coder, ontology and
    model versions that produced the event.
    """

    id: str
    article_id: str
    sentence_index: int
    sentence: str
    trigger: Span
    event_type: str
    cameo: str
    cameo_root: str
    goldstein: float
    quad_class: int
    mode: str | None = None
    context: tuple[str, ...] = ()
    actor: tuple[Actor, ...] = ()
    recipient: tuple[Actor, ...] = ()
    date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None
    location: Place | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    fatalities: int | None = None
    injured: int | None = None
    arrested: int | None = None
    displaced: int | None = None
    approximate: tuple[str, ...] = ()
    source_name: str | None = None
    reported_by: Actor | None = None
    url: str | None = None
    confidence: float = 0.5
    versions: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object: every field present, null where unknown."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "trigger": self.trigger.to_dict(),
            "event_type": self.event_type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [a.to_dict() for a in self.recipient],
            "date": self.date,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "location": self.location.to_dict() if self.location else None,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "future": self.future,
            "fatalities": self.fatalities,
            "injured": self.injured,
            "arrested": self.arrested,
            "displaced": self.displaced,
            "approximate": list(self.approximate),
            "source_name": self.source_name,
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
            "url": self.url,
            "confidence": self.confidence,
            "versions": dict(self.versions),
        }


#: Every key of ``Event.to_dict()``; tests and consumers check records against it.
EVENT_FIELDS: tuple[str, ...] = (
    "id", "article_id", "sentence_index", "sentence", "trigger", "event_type", "mode",
    "context", "cameo", "cameo_root", "goldstein", "quad_class", "actor", "recipient", "date",
    "date_precision", "date_source", "location", "negated", "hypothetical", "future",
    "fatalities", "injured", "arrested", "displaced", "approximate", "source_name",
    "reported_by", "url", "confidence", "versions",
)
ACTOR_FIELDS: tuple[str, ...] = (
    "text", "name", "country", "sector", "code", "wikidata", "start", "end",
)


@dataclass(frozen=True)
class Word:
    """One token of a phrase, as plain values: the parser's output without spaCy objects.

    ``ent`` is the named-entity label or "", ``dep`` the relation to the phrase head
    ("head" for the head itself), ``start`` the offset in ``Article.document``.
    """

    text: str
    lemma: str
    pos: str
    ent: str
    dep: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Phrase:
    """A noun phrase that may name an actor: its words in order and the index of its head."""

    words: tuple[Word, ...]
    head: int

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end

    @property
    def text(self) -> str:
        return join_words(self.words)

    @property
    def head_word(self) -> Word:
        return self.words[self.head]


def join_words(words: tuple[Word, ...] | list[Word]) -> str:
    """Rebuild the text of consecutive words from their offsets ("Al-Sarraj", "Field Marshal")."""
    parts: list[str] = []
    for i, word in enumerate(words):
        if i and word.start > words[i - 1].end:
            parts.append(" ")
        parts.append(word.text)
    return "".join(parts)
