"""Numbers attached to casualty words, read from a plain sentence.

How a figure is found:
1. The sentence is split into tokens; number phrases are read from them: digits ("1,200",
   "1.5 million"), number words ("twenty-five", "a hundred and fifty", "three thousand"),
   vague quantities and "a"/"an" before a person ("a journalist" is 1).
2. A number is a casualty figure only next to a casualty word: after it ("killing 12", "the
   death toll rose to 45", "the arrest of 3") or before it in the same clause ("500 people are
   reported to have been killed", "12 dead"). A number does not reach across punctuation, a
   clause word ("after", "while", "but"...) or another number, except that "X and Y" adds up
   ("two soldiers and a civilian were killed" is 3) and an aside between commas is skipped
   ("Five people, including two children, were killed" is 5).
3. A field keeps its largest figure in the sentence.

Choices (each one has a test):
- Vague quantities take a documented lower bound and mark the field approximate: a dozen = 12,
  dozens = 24, scores = 40, hundreds = 200, thousands = 2,000, tens of thousands = 20,000,
  hundreds of thousands = 200,000, millions = 2,000,000, several = a few = a handful = 3,
  a couple = 2; "several hundred" = 300. "many", "more", "numerous" give no figure.
- "around / about / some / nearly / more than / up to / an estimated ... N" keep N and mark it
  approximate; "at least N" keeps N as exact. A range ("between 5 and 10", "two or three")
  keeps its lower bound, approximate.
- "no one was killed" and "none of the 30 passengers were hurt" give 0.
- "fled" is displacement, but not "fled the scene" / "fled on foot", nor when gunmen, attackers
  or suspects flee.
- "bringing the death toll to 45" is a running total: it is the figure only when the sentence
  gives no other for that field ("The attack killed 20, bringing the toll to 45" is 20).
- "X and his/her/their N" adds up like "X and N" ("a woman and her two children" is 3).
- Not counts: years ("in 2018"; a bare year-like number counts only right before "people" or
  a casualty word), dates ("May 8"), durations ("two months"), ages ("aged 25", "12-year-old"),
  money, percentages, distances, times, "3 times".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

COUNT_FIELDS = ("fatalities", "injured", "arrested", "displaced", "missing")


@dataclass(frozen=True)
class Counts:
    """Casualty figures of one sentence, None where it gives none.

    Fields: ``fatalities``, ``injured``, ``arrested``, ``displaced``, ``missing``;
    ``approximate`` names the fields whose figure is approximate ("around 500", "dozens").
    """

    fatalities: int | None = None
    injured: int | None = None
    arrested: int | None = None
    displaced: int | None = None
    missing: int | None = None
    approximate: frozenset[str] = frozenset()


# ---------------------------------------------------------------- words

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
           "billion": 1_000_000_000}
# (words, value); all approximate. Longest first where one starts another.
_VAGUE = (
    (("tens", "of", "thousands"), 20_000),
    (("hundreds", "of", "thousands"), 200_000),
    (("a", "dozen"), 12),
    (("a", "few"), 3),
    (("a", "handful"), 3),
    (("a", "couple"), 2),
    (("several",), 3),
    (("dozens",), 24),
    (("scores",), 40),
    (("hundreds",), 200),
    (("thousands",), 2_000),
    (("millions",), 2_000_000),
)
# (words, approximate?) read before a number
_QUALIFIERS = (
    (("at", "least"), False),
    (("more", "than"), True), (("less", "than"), True), (("fewer", "than"), True),
    (("up", "to"), True), (("as", "many", "as"), True), (("an", "estimated"), True),
    (("close", "to"), True), (("upwards", "of"), True), (("in", "excess", "of"), True),
    (("just", "over"), True), (("just", "under"), True), (("well", "over"), True),
    (("around",), True), (("about",), True), (("some",), True), (("nearly",), True),
    (("almost",), True), (("roughly",), True), (("approximately",), True), (("over",), True),
    (("estimated",), True), (("between",), True),
)

_PEOPLE_SINGULAR = frozenset("""
    person man woman child boy girl baby infant teenager youth journalist reporter photographer
    cameraman soldier officer policeman policewoman guard civilian protester protestor
    demonstrator activist student worker teacher doctor nurse medic farmer fisherman fighter
    militant rebel insurgent gunman attacker bomber suspect bystander resident villager pilgrim
    tourist member leader commander official lawyer judge politician lawmaker minister diplomat
    priest imam cleric monk nun migrant refugee passenger driver pilot sailor trooper marine
    peacekeeper colonel general captain sergeant lieutenant mayor governor blogger dissident
    citizen national contractor employee volunteer mother father son daughter
""".split())
_PEOPLE_PLURAL = frozenset({w + "s" for w in _PEOPLE_SINGULAR} | {
    "people", "persons", "men", "women", "children", "policemen", "policewomen", "gunmen",
    "fishermen", "cameramen", "others", "police",
})

_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_NOT_COUNTED_AFTER = _MONTHS | frozenset("""
    second seconds minute minutes hour hours day days week weeks month months year years decade
    decades century centuries times percent pc % per am pm a.m p.m o'clock km kilometres
    kilometers kilometre kilometer miles mile metres meters metre meter kg kilograms tonnes tons
    acres hectares square dollars dollar euros euro pounds yuan rupees dinars riyals shekels
    francs rubles roubles naira shillings usd eur gbp degrees feet
""".split())
_NOT_COUNTED_BEFORE = _MONTHS | frozenset(
    "$ £ € ¥ ₹ us$ aged age ages no number # article resolution chapter section route flight "
    "page paragraph".split()
)
# verbs that end the noun phrase of a number (no "X and Y" across them)
_VERBS = frozenset("""
    was were is are be been has have had took take takes said say says told made gave went came
    joined attended gathered marched
""".split())
_DETERMINERS = frozenset("the them its their these those his her our".split())
_POSSESSIVES = frozenset("his her their its".split())
# "fled" with these after it, or one of these fleeing, is no displacement
_FLED_NOT_DISPLACED = (("the", "scene"), ("on", "foot"), ("in", "a"), ("on", "a"), ("with",))
_PERPETRATORS = frozenset("""
    gunman gunmen attacker attackers assailant assailants suspect suspects robber robbers thief
    thieves kidnapper kidnappers perpetrator perpetrators driver bomber bombers
""".split())
# "bringing the death toll to 45": a running total
_RUNNING_TOTAL = frozenset("bringing brings brought raising raises raised taking takes pushing "
                           "pushes".split())
_YEAR_LIKE = re.compile(r"1[89]\d\d|20\d\d")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_DECIMAL = re.compile(r"\d+\.\d+")

# a number reaches its casualty word across at most this many words
_MAX_GAP = 8
_CLAUSE_WORDS = frozenset(
    "after before when while whereas but although though because since until unless if "
    "whether".split()
)
# after an aside between commas the clause goes on with one of these
_RESUMING = frozenset("were was have has had are is been reportedly all also later".split())

# ---------------------------------------------------------------- casualty words


@dataclass(frozen=True)
class _Cue:
    words: tuple[str, ...]
    field: str
    number_before: bool  # "12 killed"
    number_after: str | None  # "next": "killing 12"; "of": "the arrest of 12"; "gap": the toll
    weak: bool = False  # "12 refugees were arrested": a later casualty word wins


def _cues(field: str, *entries: tuple[str, bool, str | None]) -> list[_Cue]:
    return [_Cue(tuple(words.split()), field, before, after) for words, before, after in entries]


_CUES: tuple[_Cue, ...] = (
    *_cues(
        "fatalities",
        ("killed", True, "next"), ("kills", False, "next"), ("killing", False, "of"),
        ("killings", True, "of"), ("massacred", True, "next"), ("slain", True, None),
        ("dead", True, None), ("died", True, None), ("die", True, None), ("dies", True, None),
        ("death", False, "of"), ("deaths", True, "of"), ("fatalities", True, None),
        ("death toll", False, "gap"), ("toll", False, "gap"),
        ("lost their lives", True, None), ("lost his life", True, None),
        ("lost her life", True, None),
    ),
    *_cues(
        "injured",
        ("wounded", True, "next"), ("wounds", False, "next"), ("wounding", False, "next"),
        ("injured", True, "next"), ("injures", False, "next"), ("injuring", False, "next"),
        ("hurt", True, None), ("injuries", True, None),
    ),
    *_cues(
        "arrested",
        ("arrested", True, "next"), ("arrest", False, "of"), ("arrests", True, "of"),
        ("arresting", False, "next"), ("detained", True, "next"), ("detains", False, "next"),
        ("detaining", False, "next"), ("detention", False, "of"),
        ("apprehended", True, "next"), ("rounded up", True, "next"),
        ("taken into custody", True, None),
    ),
    *_cues(
        "displaced",
        ("displaced", True, "next"), ("displaces", False, "next"),
        ("displacing", False, "next"), ("fled", True, None), ("homeless", True, None),
        ("forced from their homes", True, None), ("forced to flee", True, None),
    ),
    _Cue(("refugees",), "displaced", True, None, weak=True),
    *_cues("missing", ("missing", True, None), ("unaccounted for", True, None)),
)
_CASUALTY_WORDS = frozenset(cue.words[0] for cue in _CUES)
_CUES_BY_FIRST_WORD: dict[str, tuple[_Cue, ...]] = {
    first: tuple(cue for cue in _CUES if cue.words[0] == first) for first in _CASUALTY_WORDS
}

# ---------------------------------------------------------------- tokens and numbers

_TOKEN = re.compile(r"\w+(?:[-'’.,]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class _Number:
    start: int  # token indices, end exclusive
    end: int
    value: int
    approximate: bool


def _small(word: str) -> int | None:
    """one..ninety, or hyphenated "twenty-five"."""
    parts = word.split("-")
    if len(parts) > 2 or not all(p in _UNITS for p in parts):
        return None
    return sum(_UNITS[p] for p in parts)


def _words_number(words: list[str], i: int) -> tuple[int, int] | None:
    """"three thousand", "a hundred and fifty", "twenty five", "two dozen" -> (value, end)."""
    total = current = 0
    k, read = i, False
    if words[i] in ("a", "an") and i + 1 < len(words) and words[i + 1] in _SCALES:
        current, k, read = 1, i + 1, True
    while k < len(words):
        word, small = words[k], _small(words[k])
        if small is not None and _adds_up(current, small, words[k - 1] if k else ""):
            current += small
        elif word in _SCALES and read:
            if _SCALES[word] < 1_000:
                current *= _SCALES[word]
            else:
                total, current = total + current * _SCALES[word], 0
        elif not (word == "and" and read and words[k - 1] in _SCALES
                  and k + 1 < len(words) and _small(words[k + 1]) is not None):
            break
        read, k = True, k + 1
    return (total + current, k) if read else None


def _adds_up(current: int, small: int, previous: str) -> bool:
    """Whether a small number word continues the number read so far ("twenty five")."""
    if current == 0 or previous == "and" or current % 100 == 0:
        return True
    return current % 100 >= 20 and current % 10 == 0 and small < 10


def _core(words: list[str], i: int) -> tuple[int, int, bool] | None:
    """The bare number at token i: (value, end, vague)."""
    word, after = words[i], words[i + 1] if i + 1 < len(words) else ""
    if word in ("none", "neither") and after == "of":
        # "none of the 30 passengers": the 30 is who was spared, not a figure
        k = i + 2 + (i + 2 < len(words) and words[i + 2] in _DETERMINERS)
        inner = _core(words, k) if k < len(words) else None
        return 0, inner[1] if inner else k, False
    if word in ("nobody", "none") or (word, after) == ("no", "one"):
        return 0, i + (2 if after == "one" else 1), False
    if word == "no" and (after in _PEOPLE_PLURAL or after in _CASUALTY_WORDS):
        return 0, i + 1, False
    for phrase, value in _VAGUE:
        if tuple(words[i: i + len(phrase)]) == phrase:
            end = i + len(phrase)
            # "several hundred", "a few thousand"
            if value < 12 and end < len(words) and words[end] in _SCALES:
                return value * _SCALES[words[end]], end + 1, True
            return value, end, True
    if _DIGITS.fullmatch(word) or (_DECIMAL.fullmatch(word) and after in _SCALES):
        value = float(word.replace(",", ""))
        end = i + 1
        while end < len(words) and words[end] in _SCALES:
            value *= _SCALES[words[end]]
            end += 1
        return int(value), end, False
    if word in ("a", "an") and after not in _SCALES:
        # "a journalist", "an Israeli soldier", "a 12-year-old boy" are one person
        for w in words[i + 1: i + 4]:
            if w in _PEOPLE_SINGULAR:
                return 1, i + 1, False
            if _is_break(w) or w in _CASUALTY_WORDS:
                break
        return None
    found = _words_number(words, i)
    return (found[0], found[1], False) if found else None


def _number_at(words: list[str], i: int) -> _Number | None:
    """A number phrase starting at token i, with its qualifier and range, or None."""
    k, approximate, between = i, False, False
    for phrase, approx in _QUALIFIERS:
        if tuple(words[k: k + len(phrase)]) == phrase:
            k, approximate, between = k + len(phrase), approx, phrase == ("between",)
            break
    if k >= len(words):
        return None
    core = _core(words, k)
    if core is None:
        return None
    value, end, vague = core
    first_word = words[k]
    if words[end: end + 2] in (["or", "so"], ["or", "more"]):
        end, approximate = end + 2, True
    elif end < len(words) and words[end] in ("to", "or", "and") and end + 1 < len(words):
        # a range keeps its lower bound: "between 5 and 10", "two or three", "5 to 10"
        second = _core(words, end + 1) if (words[end] != "and" or between) else None
        if second is not None:
            end, approximate = second[1], True
    if not _counted(words, k, end, first_word):
        return None
    return _Number(i, end, value, approximate or vague)


def _counted(words: list[str], start: int, end: int, first_word: str) -> bool:
    """False for years, dates, durations, ages, money, percentages, distances, times."""
    after = words[end] if end < len(words) else ""
    before = words[start - 1] if start else ""
    if after in _NOT_COUNTED_AFTER or before in _NOT_COUNTED_BEFORE:
        return False
    if after == ":" and end + 1 < len(words) and words[end + 1].isdigit():  # 10:30
        return False
    if end - start == 1 and _YEAR_LIKE.fullmatch(first_word):
        return after in _PEOPLE_PLURAL or after in _CASUALTY_WORDS
    return True


def _tokens(sentence: str) -> list[str]:
    return [m.group().lower().replace("’", "'") for m in _TOKEN.finditer(sentence)]


# ---------------------------------------------------------------- attaching


def _cue_at(words: list[str], i: int) -> _Cue | None:
    best = None
    for cue in _CUES_BY_FIRST_WORD.get(words[i], ()):
        if tuple(words[i: i + len(cue.words)]) == cue.words and (
                best is None or len(cue.words) > len(best.words)):
            best = cue
    if best is not None and best.words == ("fled",) and _fleeing_the_scene(words, i):
        return None
    return best


def _fleeing_the_scene(words: list[str], i: int) -> bool:
    """"Two men fled the scene", "the gunmen fled": fleeing, not displacement."""
    if any(tuple(words[i + 1: i + 1 + len(p)]) == p for p in _FLED_NOT_DISPLACED):
        return True
    return any(w in _PERPETRATORS for w in words[max(0, i - 4): i])


def _joined(words: list[str], k: int) -> bool:
    """Whether the number at k is joined to the one before by "and" ("and her two")."""
    return words[k - 1] == "and" or (
        k >= 2 and words[k - 1] in _POSSESSIVES and words[k - 2] == "and")


def _is_break(word: str) -> bool:
    return word in _CLAUSE_WORDS or not (word[0].isalnum() or word[0] == "_")


@lru_cache(maxsize=4096)  # the coder asks once per event, and a sentence holds several
def extract_counts(sentence: str) -> Counts:
    """The casualty figures of one sentence (see the module docstring for the rules)."""
    words = _tokens(sentence)
    if _CASUALTY_WORDS.isdisjoint(words):  # most sentences: nothing to attach a number to
        return Counts()
    numbers: dict[int, _Number] = {}
    i = 0
    while i < len(words):
        number = _number_at(words, i)
        if number:
            numbers[i] = number
            i = number.end
        else:
            i += 1
    cues = {i: cue for i in range(len(words)) if (cue := _cue_at(words, i))}
    used: set[int] = set()
    figures: dict[str, tuple[int, bool]] = {}
    totals: dict[str, tuple[int, bool]] = {}

    def attach(group: list[_Number], field: str, *, running_total: bool = False) -> None:
        used.update(n.start for n in group)
        value = sum(n.value for n in group)
        approximate = any(n.approximate for n in group)
        kept = totals if running_total else figures
        if field not in kept or value > kept[field][0]:
            kept[field] = (value, approximate)

    def coordinated(number: _Number) -> list[_Number]:
        """"two soldiers and a civilian": the numbers joined to this one by "and"."""
        group, k = [number], number.end
        while k < len(words) and k - group[-1].end <= 4:
            if words[k] == "and" and k + 1 in numbers and k + 1 not in used:
                group.append(numbers[k + 1])
                k = numbers[k + 1].end
            elif (words[k] == "and" and k + 2 in numbers and k + 2 not in used
                  and words[k + 1] in _POSSESSIVES):
                group.append(numbers[k + 2])
                k = numbers[k + 2].end
            elif k in cues or k in numbers or _is_break(words[k]):
                break
            else:
                k += 1
        return group

    # casualty word first: "killing 12", "the arrest of 3", "the death toll rose to 45"
    for i, cue in cues.items():
        start = i + len(cue.words)
        if cue.number_after == "of" and start < len(words) and words[start] == "of":
            start += 1
        elif cue.number_after == "gap":
            while (start < len(words) and start not in numbers and start - i <= 6
                   and (words[start] == ":" or not _is_break(words[start]))):
                start += 1
        if cue.number_after and start in numbers and start not in used:
            running = cue.number_after == "gap" and any(
                w in _RUNNING_TOTAL for w in words[max(0, i - 3): i])
            attach(coordinated(numbers[start]), cue.field, running_total=running)

    # number first: "500 people are reported to have been killed", "12 dead"
    for start, number in numbers.items():
        if start in used:
            continue
        group, weak, k, gap, verb = [number], None, number.end, 0, False
        while k < len(words) and gap <= _MAX_GAP:
            if k in numbers:
                # "5,000 people took part and 20 were arrested": a verb ends the phrase
                if _joined(words, k) and k not in used and not verb:
                    group.append(numbers[k])
                    k = numbers[k].end
                    continue
                break
            cue = cues.get(k)
            if cue is not None:
                if not cue.number_before:
                    break
                if not cue.weak:
                    attach(group, cue.field)
                    break
                weak = weak or cue
                k += len(cue.words)
                continue
            if words[k] == ",":
                k = _after_aside(words, k, cues)
                if k < 0:
                    break
                continue
            if _is_break(words[k]):
                break
            verb = verb or words[k] in _VERBS or words[k].endswith("ed")
            k, gap = k + 1, gap + 1
        if weak is not None and start not in used:
            attach(group, weak.field)

    for field, total in totals.items():
        figures.setdefault(field, total)
    return Counts(
        **{field: figures[field][0] for field in figures},
        approximate=frozenset(field for field, (_, approx) in figures.items() if approx),
    )


def _after_aside(words: list[str], comma: int, cues: dict[int, _Cue]) -> int:
    """Index just past ", including two children," when the clause resumes after it, else -1."""
    for k in range(comma + 1, min(comma + 8, len(words))):
        if words[k] == ",":
            resumes = k + 1 < len(words) and words[k + 1] in _RESUMING
            return k + 1 if resumes and k > comma + 1 else -1
        if k in cues or _is_break(words[k]):
            return -1
    return -1
