"""The trigger lexicon: verbs and event nouns that signal an event, with their CAMEO code."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

LEXICON_VERSION = "eventcoder.triggers.v18"


@dataclass(frozen=True)
class Trigger:
    """One lexicon row: ``kind`` "V" or "N", ``lemma`` (a noun key may be "air strike"),
    ``particle`` what a verb must govern (or None): a preposition or particle ("call on",
    "round up") or, written "n:NOUN", its object noun ("cut n:tie" = cut ties); for a noun,
    only "n:NOUN", the noun of its "of" ("suspension n:aid" = suspension of aid),
    ``cameo`` the CAMEO code, ``preps`` the prepositions whose objects are recipients."""

    kind: str
    lemma: str
    particle: str | None
    cameo: str
    preps: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    """Look-ups by (kind, lemma); a verb or a noun may have several rows that differ by
    particle."""

    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]

    def verb(self, lemma: str, particles: set[str]) -> Trigger | None:
        """The verb's row: one whose particle (or "n:" object) the verb governs, else its
        plain row."""
        return _pick(self.verbs.get(lemma, ()), particles)

    def rows(self) -> list[Trigger]:
        """Every row, verbs first."""
        return [r for rows in (*self.verbs.values(), *self.nouns.values()) for r in rows]

    def noun(self, key: str, particles: set[str] = frozenset()) -> Trigger | None:
        """The noun's row: one whose "n:" complement the noun governs ("state of
        emergency"), else its plain row."""
        return _pick(self.nouns.get(key, ()), particles)


def _pick(rows: tuple[Trigger, ...], particles: set[str]) -> Trigger | None:
    plain = None
    for row in rows:
        if row.particle is None:
            plain = row
        elif row.particle in particles:
            return row
    return plain


def parse_lexicon(text: str) -> Lexicon:
    """Parse the TSV lexicon; raises ValueError naming the bad line."""
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if (len(cells) != 5 or cells[0] not in ("V", "N") or not cells[3].isdigit()
                or (cells[0] == "N" and cells[2] != "-" and not cells[2].startswith("n:"))):
            raise ValueError(f"trigger lexicon line {number}: expected kind, lemma, particle, cameo, preps: {line!r}")
        kind, lemma, particle, cameo, preps = cells
        row = Trigger(
            kind=kind,
            lemma=lemma,
            particle=None if particle == "-" else particle,
            cameo=cameo,
            preps=frozenset() if preps == "-" else frozenset(preps.split(",")),
        )
        (verbs if kind == "V" else nouns).setdefault(lemma, []).append(row)
    return Lexicon(verbs={k: tuple(v) for k, v in verbs.items()},
                   nouns={k: tuple(v) for k, v in nouns.items()})


@cache
def default_lexicon() -> Lexicon:
    """The lexicon shipped with the package (parsed once)."""
    text = resources.files(__package__).joinpath("data/triggers.tsv").read_text(encoding="utf-8")
    return parse_lexicon(text)
