"""Headlines in title case, parsed as if they were in sentence case.

The small English model reads a headline such as "U.S. Lifts Travel Ban to Lebanon" as one long
name: every capitalised word is a proper noun, and nothing is a verb. ``plain_case`` gives the
same text with its ordinary words in lower case ("U.S. lifts travel ban to Lebanon"), of the
same length, so the parse of that text can be put back onto the original words (see
``Pipeline.parse``).

A word stays as written when it is the first word, is in capitals or mixed case ("NATO",
"McDonald"), or is part of a name the caller knows (``names``). Otherwise it goes to lower case
when it is a function word or a form of an English verb, adjective or adverb; and when it is a
form of an English noun that the caller does not know as a place ("Gaza" and "Aleppo" are in the
lexicon's noun list and are places; "Tourist" is not). Any other word (an unknown name such as
"Zelenskiy") stays as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

# A word: letters, with apostrophes inside ("Iran's", "Don't").
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Words a title may leave in lower case.
SMALL_WORDS = frozenset(
    "a an the and or but nor for of in on at to by with from as into onto over after amid "
    "among vs via per than up out off down about upon near under before since until".split())
#: What a caller says of a word of the headline: part of a known name, or a known place.
NAME, PLACE = "name", "place"


def title_cased(text: str) -> bool:
    """A headline in title case: at least three words besides the small ones, every one of
    them capitalised, and not all of them in capitals (that is shouting, read elsewhere)."""
    if len(text) > 400 or "\n" in text.strip():
        return False
    words = [w for w in _WORD.findall(text) if w.lower() not in SMALL_WORDS]
    if len(words) < 3 or not all(w[0].isupper() for w in words):
        return False
    return sum(w.isupper() for w in words) < len(words) / 2


def _bases(word: str) -> list[str]:
    """The word and the base forms it may be an inflection of ("lifts" -> "lift",
    "detained" -> "detain", "raising" -> "raise", "stopped" -> "stop", "rallies" -> "rally")."""
    out = [word]
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    for ending in ("ed", "ing"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[:-len(ending)]
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])
            if ending == "ed" and stem.endswith("i"):
                out.append(stem[:-1] + "y")
    return out


def plain_case(text: str, *, names: Callable[[list[str]], Mapping[int, str]],
               verbs: Collection[str], nouns: Collection[str],
               irregular: Collection[str] = ()) -> str | None:
    """``text`` with its ordinary words in lower case when it is a title-cased headline, else
    None. ``names`` says which words (by index in the list it is given) are part of a known
    name (``NAME``) or a known place (``PLACE``); ``verbs`` holds the base forms of verbs,
    adjectives and adverbs, ``nouns`` those of nouns, ``irregular`` inflected forms ("took")."""
    if not title_cased(text):
        return None
    matches = list(_WORD.finditer(text))
    known = names([m.group() for m in matches])
    out = list(text)
    changed = False
    for index, match in enumerate(matches):
        word = match.group()
        if (index == 0 or not word[0].isupper() or not word[1:].islower()
                or known.get(index) == NAME):
            continue
        lower = word.lower()
        forms = _bases(lower.split("'")[0].split("’")[0])
        if (lower in SMALL_WORDS or lower in irregular or any(f in verbs for f in forms)
                or known.get(index) != PLACE and any(f in nouns for f in forms)):
            out[match.start():match.end()] = lower
            changed = True
    plain = "".join(out)
    return plain if changed and len(plain) == len(text) else None
