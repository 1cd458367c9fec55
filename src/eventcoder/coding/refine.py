"""Refine a trigger's CAMEO code from what else the sentence says (``eventcoder.refine.v1``).

The lexicon gives a trigger's general code ("attack" -> 190); the sentence often says how:
"drone strike" (aerial, 195), "gunmen opened fire" (small arms, 193), "shelling" (artillery,
194), "car bomb" (183); a meeting "by phone" (041). Planned cooperation is coded as intent,
as PLOVER asks: "will meet" -> 036 (AGREE: express intent to meet), "will send aid" -> 033.
"""

from __future__ import annotations

import re

REFINE_VERSION = "eventcoder.refine.v1"

_ASSAULT_MEANS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("183", re.compile(r"\b(suicide (bomber|bombing|attack)|car bomb|truck bomb|roadside bomb|"
                       r"ied|improvised explosive|explosive device|bomb blast)s?\b")),
    ("195", re.compile(r"\b(air ?strikes?|airstrikes?|drones?|warplanes?|jets?|helicopter gunships?|"
                       r"aerial|bombers?|air raids?)\b")),
    ("194", re.compile(r"\b(shell(ing|ed|s)?|artillery|mortars?|rockets?|tanks?|howitzers?|"
                       r"missiles?)\b")),
    ("193", re.compile(r"\b(gunmen|gunfire|opened fire|shot|shooting|snipers?|rifles?|guns?)\b")),
)
_PHONE = re.compile(r"\b(by (tele)?phone|phone call|telephone call|on the phone|video call|"
                    r"video conference|spoke by)\b")
# Future cooperation is intent: CAMEO root -> the 03x code that expresses it.
_INTENT = {"04": "036", "07": "033", "06": "031", "05": "032", "08": "035"}


def refine(cameo: str, sentence: str, *, future: bool) -> str:
    """The CAMEO code for a trigger given its sentence (the lexicon code when nothing fits)."""
    root = cameo[:2]
    if future and root in _INTENT:
        return _INTENT[root]
    text = sentence.lower()
    if cameo in ("190", "180"):
        for code, pattern in _ASSAULT_MEANS:
            if pattern.search(text):
                return code
    if cameo == "040" and _PHONE.search(text):
        return "041"
    return cameo
