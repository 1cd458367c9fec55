"""The event-type classifier: a linear model that ranks PLOVER types for one candidate event.

A candidate is a sentence, its trigger words and the actor and recipient texts. The features
are computed from these plain strings (no parse): stemmed words and word pairs of the sentence
with the actor and recipient replaced by placeholders, the words between the two, the trigger,
and the last word of each participant. Features are hashed (crc32, so the same string always
lands in the same bucket on every machine) and the vector is L2-normalised.

The weights are trained by ``scripts/train_classifier.py`` (scikit-learn, training time only)
and shipped as ``data/classifier.npz``; prediction needs numpy only. The training data (PLV)
merges CONCEDE and RETREAT into YIELD, so a second, binary model splits YIELD's probability
between CONCEDE and RETREAT.

    clf = EventClassifier.load()
    clf.predict("Protesters rallied against the government", trigger="rallied",
                actor="Protesters", recipient="the government")
    # [("PROTEST", 0.71), ("ACCUSE", 0.08), ...]
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

CLASSIFIER_VERSION = "eventcoder.classifier.v1"
#: Hash space of the features; only the buckets the training data used are stored.
N_BUCKETS = 1 << 20
ARTEFACT = "classifier.npz"
YIELD = "YIELD"
YIELD_TYPES = ("CONCEDE", "RETREAT")
#: ``choose_type`` keeps a rule's type the classifier gives at least this probability.
KEEP_RULE_AT = 0.05

_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ers", "er", "ed", "s")
_ACTOR, _RECIPIENT = "_a_", "_r_"
#: Parts of speech that join the participants without saying what happened ("talks between").
_NOT_TRIGGERS = {"ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "DET"}


def stem(word: str) -> str:
    """A crude, deterministic stem: "accused", "accuses", "accusation" all give "accus";
    "rally", "rallies", "rallied" give "ralli"."""
    word = word.lower().replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word.endswith("y"):
        word = word[:-1] + "i"
    return word


def _stems(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text)]


def _locate(sentence: str, part: str | None, *, avoid: tuple[int, int] | None = None
            ) -> tuple[int, int] | None:
    """Where ``part`` first occurs in the sentence (exact case first), not overlapping ``avoid``."""
    if not part or not part.strip():
        return None
    part = part.strip()
    for haystack, needle in ((sentence, part), (sentence.lower(), part.lower())):
        start = haystack.find(needle)
        while start >= 0:
            end = start + len(needle)
            if avoid is None or end <= avoid[0] or start >= avoid[1]:
                return start, end
            start = haystack.find(needle, start + 1)
    return None


def features(sentence: str, *, trigger: str, actor: str | None, recipient: str | None
             ) -> list[str]:
    """The feature strings of one candidate (see the module docstring)."""
    a_span = _locate(sentence, actor)
    r_span = _locate(sentence, recipient, avoid=a_span)
    marks = sorted((*span, mark) for span, mark in ((a_span, _ACTOR), (r_span, _RECIPIENT)) if span)
    sequence: list[str] = []
    segments: list[list[str]] = []
    cursor = 0
    for start, end, mark in marks:
        segments.append(_stems(sentence[cursor:start]))
        sequence += segments[-1] + [mark]
        cursor = end
    segments.append(_stems(sentence[cursor:]))
    sequence += segments[-1]
    found = [f"u:{w}" for w in sequence]
    found += [f"b:{a}|{b}" for a, b in zip(sequence, sequence[1:])]
    if len(marks) == 2:
        between = segments[1]
        found.append("o:" + marks[0][2] + marks[1][2])
        found += [f"m:{w}" for w in between]
        found += [f"mb:{a}|{b}" for a, b in zip(between, between[1:])]
        found += [f"p:{w}" for w in segments[2][:3]]
    else:
        found.append(f"o:{len(marks)}")
    trigger_stems = _stems(trigger)
    found += [f"t:{w}" for w in trigger_stems]
    if len(trigger_stems) > 1:
        found.append("tt:" + "|".join(trigger_stems))
    for prefix, part in (("ah:", actor), ("rh:", recipient)):
        words = _stems(part or "")
        if words:
            found.append(prefix + words[-1])
    return found


def hashed(found: Iterable[str]) -> np.ndarray:
    """The sorted, unique hash buckets of some feature strings."""
    return np.unique(np.fromiter(
        (zlib.crc32(f.encode("utf-8")) % N_BUCKETS for f in found), dtype=np.int64
    ))


@dataclass(frozen=True)
class _Linear:
    """A linear model over hashed buckets: ``buckets`` sorted, ``weights`` (buckets x labels)."""

    buckets: np.ndarray
    weights: np.ndarray
    bias: np.ndarray

    def probabilities(self, buckets: np.ndarray) -> np.ndarray:
        rows = np.minimum(np.searchsorted(self.buckets, buckets), len(self.buckets) - 1)
        rows = rows[self.buckets[rows] == buckets]
        # Every feature has value 1/sqrt(n): the vector the model was trained on, L2-normalised.
        scale = 1.0 / np.sqrt(max(len(buckets), 1))
        logits = self.bias + scale * self.weights[rows].sum(axis=0, dtype=np.float64)
        logits -= logits.max()
        exp = np.exp(logits)
        return exp / exp.sum()


@dataclass(frozen=True)
class EventClassifier:
    """Ranks PLOVER event types for a candidate; ``labels`` are the main model's classes
    (YIELD stands for CONCEDE + RETREAT), ``split`` the binary CONCEDE/RETREAT model."""

    labels: tuple[str, ...]
    main: _Linear
    split: _Linear
    version: str

    @classmethod
    def load(cls, path: str | Path | None = None) -> EventClassifier:
        """The shipped classifier (read once, then cached), or one saved at ``path``."""
        return _load(str(path) if path is not None else None)

    def predict(self, sentence: str, *, trigger: str, actor: str | None,
                recipient: str | None) -> list[tuple[str, float]]:
        """PLOVER types with their probabilities, best first (YIELD is split into CONCEDE and
        RETREAT)."""
        buckets = hashed(features(sentence, trigger=trigger, actor=actor, recipient=recipient))
        probabilities = self.main.probabilities(buckets)
        ranked: list[tuple[str, float]] = []
        for label, p in zip(self.labels, probabilities):
            if label == YIELD:
                concede = float(self.split.probabilities(buckets)[0])
                ranked += [(YIELD_TYPES[0], p * concede), (YIELD_TYPES[1], p * (1.0 - concede))]
            else:
                ranked.append((label, float(p)))
        ranked.sort(key=lambda item: (-item[1], item[0]))
        return [(label, round(float(p), 6)) for label, p in ranked]

    def predict_merged(self, sentence: str, *, trigger: str, actor: str | None,
                       recipient: str | None) -> list[tuple[str, float]]:
        """Like ``predict`` but with the training labels (YIELD not split), best first."""
        buckets = hashed(features(sentence, trigger=trigger, actor=actor, recipient=recipient))
        ranked = sorted(zip(self.labels, self.main.probabilities(buckets)),
                        key=lambda item: (-item[1], item[0]))
        return [(label, round(float(p), 6)) for label, p in ranked]

    def save(self, path: str | Path) -> None:
        """Write the artefact: an .npz of plain arrays (no pickle), byte-for-byte the same for
        the same model (fixed zip timestamps)."""
        arrays = {
            "version": np.array(self.version),
            "labels": np.array(self.labels),
            "main_buckets": self.main.buckets.astype(np.int32),
            "main_weights": self.main.weights.astype(np.float16),
            "main_bias": self.main.bias.astype(np.float64),
            "split_buckets": self.split.buckets.astype(np.int32),
            "split_weights": self.split.weights.astype(np.float16),
            "split_bias": self.split.bias.astype(np.float64),
        }
        write_arrays(path, arrays)


def write_arrays(path: str | Path, arrays: dict[str, np.ndarray]) -> None:
    """An .npz of plain arrays (no pickle) with fixed zip timestamps: the same arrays always
    give the same bytes."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, array, allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            archive.writestr(info, buffer.getvalue(), compress_type=zipfile.ZIP_DEFLATED)


def choose_type(rule_type: str, ranked: list[tuple[str, float]], *,
                keep_at: float = KEEP_RULE_AT) -> str:
    """Combine a rule's type with the classifier's ranking (``predict``): the rule's type
    stands unless the classifier gives it less than ``keep_at`` (CONCEDE and RETREAT counted
    together), then the classifier's best type wins. Measured out of fold on PLV_train, end
    to end: see scripts/train_classifier.py."""
    probabilities = dict(ranked)
    if rule_type in YIELD_TYPES:
        support = sum(probabilities.get(t, 0.0) for t in YIELD_TYPES)
    else:
        support = probabilities.get(rule_type, 0.0)
    return rule_type if support >= keep_at else ranked[0][0]


def trigger_between(doc, actor: tuple[int, int] | None, recipient: tuple[int, int] | None) -> str:
    """The word that governs both participants in a parsed sentence (``doc``: a spaCy Doc or
    Span; spans: character offsets into it): where PLV gives the participants but no trigger."""
    spans = [span for span in (actor, recipient) if span is not None]
    heads = [doc.char_span(s, e, alignment_mode="expand") for s, e in spans]
    heads = [span.root for span in heads if span is not None and len(span)]
    if not heads:
        return ""
    inside = {t.i for t in doc for s, e in spans if s <= t.idx < e}
    chains = [[h, *h.ancestors] for h in heads]
    common = [t for t in chains[0] if all(t in chain for chain in chains[1:])]
    for token in common or chains[0]:
        if token.i not in inside and token.pos_ not in _NOT_TRIGGERS:
            return token.text
    return ""


@functools.lru_cache(maxsize=4)
def _load(path: str | None) -> EventClassifier:
    packaged = resources.files(__package__).joinpath(f"data/{ARTEFACT}")
    source = packaged if path is None else Path(path)
    with source.open("rb") as handle, np.load(handle, allow_pickle=False) as arrays:

        def linear(name: str) -> _Linear:
            return _Linear(
                buckets=arrays[f"{name}_buckets"].astype(np.int64),
                weights=arrays[f"{name}_weights"].astype(np.float32),
                bias=arrays[f"{name}_bias"].astype(np.float64),
            )

        return EventClassifier(
            labels=tuple(str(x) for x in arrays["labels"]),
            main=linear("main"),
            split=linear("split"),
            version=str(arrays["version"]),
        )


__all__ = ["CLASSIFIER_VERSION", "KEEP_RULE_AT", "EventClassifier", "choose_type", "features",
           "hashed", "stem", "trigger_between", "write_arrays"]
