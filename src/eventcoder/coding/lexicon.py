"""The trigger lexicon: verbs and event nouns that signal an event, with their CAMEO code."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

LEXICON_VERSION = "eventcoder.triggers.v3"


@dataclass(frozen=True)
class Trigger:
    """One lexicon row: ``kind`` "V" or "N", ``lemma`` (a noun key may be "air strike"),
    ``particle`` what a verb must govern (or None): a preposition or particle ("call on",
    "round up") or, written "n:NOUN", its object noun ("cut n:tie" = cut ties),
    ``cameo`` the CAMEO code, ``preps`` the prepositions whose objects are recipients."""

    kind: str
    lemma: str
    particle: str | None
    cameo: str
    preps: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    """Look-ups by (kind, lemma); a verb may have several rows that differ by particle."""

    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, Trigger]

    def verb(self, lemma: str, particles: set[str]) -> Trigger | None:
        """The verb's row: one whose particle (or "n:" object) the verb governs, else its
        plain row."""
        plain = None
        for row in self.verbs.get(lemma, ()):
            if row.particle is None:
                plain = row
            elif row.particle in particles:
                return row
        return plain

    def noun(self, key: str) -> Trigger | None:
        return self.nouns.get(key)


def parse_lexicon(text: str) -> Lexicon:
    """Parse the TSV lexicon; raises ValueError naming the bad line."""
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, Trigger] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 5 or cells[0] not in ("V", "N") or not cells[3].isdigit():
            raise ValueError(f"trigger lexicon line {number}: expected kind, lemma, particle, cameo, preps: {line!r}")
        kind, lemma, particle, cameo, preps = cells
        row = Trigger(
            kind=kind,
            lemma=lemma,
            particle=None if particle == "-" else particle,
            cameo=cameo,
            preps=frozenset() if preps == "-" else frozenset(preps.split(",")),
        )
        if kind == "V":
            verbs.setdefault(lemma, []).append(row)
        else:
            nouns[lemma] = row
    return Lexicon(verbs={k: tuple(v) for k, v in verbs.items()}, nouns=nouns)


@cache
def default_lexicon() -> Lexicon:
    """The lexicon shipped with the package (parsed once)."""
    text = resources.files(__package__).joinpath("data/triggers.tsv").read_text(encoding="utf-8")
    return parse_lexicon(text)
