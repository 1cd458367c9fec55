"""The argument ranker: a linear model that picks an event's recipient among the noun phrases
of its sentence (``eventcoder.arguments.v1``).

The rules find a trigger and its actor; the grammar that finds the recipient reaches only what
its patterns name (objects, listed prepositions, complements). The ranker scores every noun
phrase of the sentence as the recipient of one candidate: the dependency path from the trigger
to the phrase, the prepositions on it, the phrase's entity type, head word, side and distance,
whether the rules chose it, each also paired with the trigger's CAMEO root. Features are hashed
like the event classifier's (crc32), so the model is a small table of weights.

The weights are trained on PLV_train by ``scripts/train_arguments.py`` (scikit-learn, training
time only; the script also reports 5-fold cross-validated figures) and shipped as
``data/arguments.npz``; scoring needs numpy only.

    ranker = ArgumentRanker.load()
    ranker.rank(sent, trigger_token, candidate)   # [(Phrase, probability), ...], best first
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..types import Phrase
from .classifier import _Linear, hashed, write_arrays

ARGUMENTS_VERSION = "eventcoder.arguments.v1"
ARTEFACT = "arguments.npz"
#: Entity types that are never participants: times and amounts ("on Monday", "by 2 percent").
#: The rules and the pipeline share this set.
NOT_PARTICIPANT_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_PLACE_ENTS = {"GPE", "LOC", "NORP"}


def noun_heads(sent: SpacySpan) -> list[Token]:
    """The heads of the sentence's noun phrases and names, in order (no times or amounts)."""
    heads: dict[int, Token] = {}
    covered: set[int] = set()
    for start, end, root in _chunks(sent.doc):
        if start < sent.start or end > sent.end:
            continue
        covered.update(range(start, end))
        token = sent.doc[root]
        if token.ent_type_ not in NOT_PARTICIPANT_ENTS:
            heads[root] = token
    for ent in sent.ents:
        # A name inside a noun phrase ("the Philippines army") is part of it, not a phrase.
        if ent.label_ not in NOT_PARTICIPANT_ENTS and ent.root.i not in covered:
            heads[ent.root.i] = ent.root
    return [heads[i] for i in sorted(heads)]


def _chunks(doc) -> list[tuple[int, int, int]]:
    """The document's noun chunks as (start, end, root) token indices, found once per Doc
    (``Span.noun_chunks`` walks the whole document at every call)."""
    cached = doc.user_data.get(_CHUNKS_KEY)
    if cached is None:
        cached = [(c.start, c.end, c.root.i) for c in doc.noun_chunks]
        doc.user_data[_CHUNKS_KEY] = cached
    return cached


_CHUNKS_KEY = "eventcoder.noun_chunks"


def _path(trigger: Token, head: Token) -> tuple[str, list[str]]:
    """The dependency path from the phrase up to the lowest common ancestor and down to the
    trigger ("pobj/with^prep>" = the object of "with" on the trigger), and the prepositions
    that govern the phrase (nearest first)."""
    above = [trigger, *trigger.ancestors]
    depth = {t.i: k for k, t in enumerate(above)}
    up: list[str] = []
    token = head
    for _ in range(8):
        if token.i in depth:
            break
        up.append(token.dep_ + (f"/{token.head.lemma_.lower()}" if token.dep_ == "pobj" else ""))
        if token.head.i == token.i:
            break
        token = token.head
    preps = [t.lemma_.lower() for t in (head, *head.ancestors) if t.dep_ == "prep"][:2]
    if token.i not in depth:
        return "far", preps
    down = [t.dep_ for t in above[:depth[token.i]]]
    return "^".join(up[:4]) + ">" + "v".join(reversed(down[:3])), preps


def features(trigger: Token, head: Token, *, cameo: str, kind: str,
             chosen: tuple[Phrase, ...], deeper: tuple[Phrase, ...]) -> list[str]:
    """The feature strings of one (trigger, noun phrase) pair."""
    path, preps = _path(trigger, head)
    root = cameo[:2] or "--"
    lemma = head.lemma_.lower()
    is_chosen = any(p.start <= head.idx < p.end for p in chosen)
    is_deeper = any(p.start <= head.idx < p.end for p in deeper)
    found = [
        f"p:{path}", f"rp:{root}|{path}", f"dep:{head.dep_}", f"ent:{head.ent_type_}",
        f"pos:{head.pos_}", f"side:{'after' if head.i > trigger.i else 'before'}",
        f"root:{root}", f"kind:{kind}", f"lem:{lemma}", f"rlem:{root}|{lemma}",
        f"dist:{min(abs(head.i - trigger.i) // 3, 6)}",
        f"place:{any(t.ent_type_ in _PLACE_ENTS for t in head.subtree)}",
        f"chosen:{is_chosen}", f"deeper:{is_deeper}", f"rchosen:{root}|{is_chosen}",
    ]
    for prep in preps:
        found += [f"prep:{prep}", f"rprep:{root}|{prep}"]
    return found


@dataclass(frozen=True)
class ArgumentRanker:
    """Scores noun phrases as the recipient of a candidate event."""

    model: _Linear
    version: str

    @classmethod
    def load(cls, path: str | Path | None = None) -> ArgumentRanker:
        """The shipped ranker (read once, then cached), or one saved at ``path``."""
        return _load(str(path) if path is not None else None)

    def probability(self, found: list[str]) -> float:
        """The probability that the phrase these features describe is the recipient."""
        return float(self.model.probabilities(hashed(found))[1])

    def rank(self, trigger: Token, heads: list[Token], *, cameo: str, kind: str,
             chosen: tuple[Phrase, ...], deeper: tuple[Phrase, ...]
             ) -> list[tuple[Token, float]]:
        """The candidate heads with their probabilities, best first."""
        scored = [(head, self.probability(features(trigger, head, cameo=cameo, kind=kind,
                                                   chosen=chosen, deeper=deeper)))
                  for head in heads]
        scored.sort(key=lambda item: (-item[1], item[0].i))
        return scored

    def save(self, path: str | Path) -> None:
        """Write the artefact: an .npz of plain arrays (no pickle), the same bytes for the same
        model."""
        arrays = {
            "version": np.array(self.version),
            "buckets": self.model.buckets.astype(np.int32),
            "weights": self.model.weights.astype(np.float16),
            "bias": self.model.bias.astype(np.float64),
        }
        write_arrays(path, arrays)


@functools.lru_cache(maxsize=4)
def _load(path: str | None) -> ArgumentRanker:
    packaged = resources.files(__package__).joinpath(f"data/{ARTEFACT}")
    source = packaged if path is None else Path(path)
    with source.open("rb") as handle, np.load(handle, allow_pickle=False) as arrays:
        return ArgumentRanker(
            model=_Linear(buckets=arrays["buckets"].astype(np.int64),
                          weights=arrays["weights"].astype(np.float32),
                          bias=arrays["bias"].astype(np.float64)),
            version=str(arrays["version"]),
        )


__all__ = ["ARGUMENTS_VERSION", "NOT_PARTICIPANT_ENTS", "ArgumentRanker", "features",
           "noun_heads"]
