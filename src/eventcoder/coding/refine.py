"""Refine a trigger's CAMEO code from what else the sentence says (``eventcoder.refine.v6``).

The lexicon gives a trigger's general code ("attack" -> 190); the sentence often says how:
"drone strike" (aerial, 195), "gunmen opened fire" (small arms, 193), "shelling" (artillery,
194), "car bomb" (183); a meeting "by phone" (041); troops deployed for peacekeeping (074).
Planned cooperation is coded as intent, as PLOVER asks: "will meet" -> 036 (AGREE: express
intent to meet), "will send aid" -> 033; announced force or coercion as a threat: "will attack"
-> 138, "will extend the curfew" -> 130 (THREATEN); chemical weapons used (2041).
"""

from __future__ import annotations

import re

REFINE_VERSION = "eventcoder.refine.v7"

_ASSAULT_MEANS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("183", re.compile(r"\b(suicide (bomber|bombing|attack)|car bomb|truck bomb|roadside bomb|"
                       r"ied|improvised explosive|explosive device|bomb blast)s?\b")),
    ("195", re.compile(r"\b(air ?strikes?|airstrikes?|drones?|warplanes?|jets?|helicopter gunships?|"
                       r"(military|israeli|russian|us|american|enemy|coalition) aircraft|barrel bombs?|"
                       r"aerial|bombers?|air raids?|coalition strikes?|[\w-]+-led strikes?)\b")),
    ("194", re.compile(r"\b(shell(ing|ed|s)?|artillery|mortars?|rockets?|tanks?|howitzers?|"
                       r"missiles?|bombardments?)\b")),
    ("193", re.compile(r"\b(gunmen|gunfire|opened fire|shot|shooting|snipers?|rifles?|guns?)\b")),
    ("182", re.compile(r"\b(knife|knives|stab(bing|bed|s)?|machetes?|axe)\b")),
)
# Aircraft, which bomb from the air (not "a bomber", who may be a person).
_AIRCRAFT = re.compile(r"\b(jets?|warplanes?|aircraft|planes?|air force|helicopters?|"
                       r"drones?|from the air|barrel bombs?|bombing campaigns?)\b")
# Mass killing (CAMEO 202): "genocidal assaults", "a campaign of genocide".
_GENOCIDE = re.compile(r"\bgenocidal (attacks?|assaults?|campaigns?|killings?)\b")
_CHEMICAL = re.compile(r"\b(mustard gas|nerve (gas|agent)|sarin|chlorine (gas|attack|bomb)s?|"
                       r"chemical (weapons?|attacks?|agents?)|novichok|vx)\b")
# Weapons and tactics of crowd control (PLOVER's ASSAULT mode "crowd-control").
_CROWD_CONTROL = re.compile(
    r"\b(tear[ -]?gas|water[ -]cannons?|rubber(-coated)? bullets|plastic bullets|pellet guns?|"
    r"stun grenades?|sound grenades?|flash-?bangs?|pepper spray|batons?|baton charges?|"
    r"lathi[ -]?charged?|lathis|truncheons?|(shots|fired|firing) in(to)? the air|warning shots)\b")
# Force used on a crowd, crowd control or worse: "dispersed the rally with live fire".
_CROWD_FORCE = re.compile(
    _CROWD_CONTROL.pattern + r"|\b(live (ammunition|rounds|fire)|opened fire|shot|shooting|"
    r"bullets|gunfire|beat|beating|beaten|clubs?|forcibly|by force|violently|brutally)\b")
# Forces sent for someone: "to help Mozambique", "a training mission".
_PROTECTIVE = re.compile(r"\bto (help|assist|protect|defend|support|train|stabili[sz]e|secure)\b|"
                         r"\b(security|support|stabili[sz]ation|protection|training) mission\b")
_PEACEKEEPING = re.compile(r"\bpeace-?keep(ing|ers?)\b")
_PHONE = re.compile(r"\b(by (tele)?phone|phone call|telephone call|on the phone|video call|"
                    r"video conference|spoke by)\b")
# Future cooperation is intent: CAMEO root -> the 03x code that expresses it.
_INTENT = {"04": "036", "07": "033", "06": "031", "05": "032", "08": "035"}
_THREAT = {"15": "138", "16": "131", "17": "130", "18": "138", "19": "138", "20": "138"}
# A speech act about another act: (root of the speech act, root of its content) -> code.
_ABOUT = {
    "03": {**_INTENT, **_THREAT, "045": "039"},
    "13": _THREAT,
    "12": {"04": "125", "07": "122", "06": "121", "08": "124", "05": "120"},
    "02": {"04": "026", "07": "023", "06": "021", "08": "025", "05": "022"},
    "10": {"04": "106", "07": "103", "06": "101", "08": "105", "05": "102"},
}
_AID_KIND = (
    ("072", re.compile(r"\b(weapons?|arms|ammunition|military aid|missiles?|tanks?|drones?)\b")),
    ("073", re.compile(r"\b(humanitarian|food|medical|medicine|relief|shelter|vaccines?)\b")),
    ("071", re.compile(r"\b(loans?|funding|financial|economic|budget|grants?|\$|dollars|euros)\b")),
)


# Cyber operations (PLOVER's COERCE mode and context "cyber"): "hacked the email accounts".
_CYBER = re.compile(r"\b(hack(s|ed|ing|ers?)?|cyber[\w-]*|malware|ransomware|spyware|phishing|"
                    r"denial[ -]of[ -]service|ddos|email accounts?|computer (networks?|systems?))\b")


def coerce_mode(sentence: str) -> str | None:
    """The COERCE mode "cyber" when the sentence tells of hacking or a cyber attack."""
    return "cyber" if _CYBER.search(sentence.lower()) else None


def assault_mode(sentence: str) -> str | None:
    """The ASSAULT mode the sentence's weapons name, when they are those of crowd control
    ("fired tear gas at protesters"); None otherwise (the CAMEO code gives the others)."""
    return "crowd-control" if _CROWD_CONTROL.search(sentence.lower()) else None


def force_on_crowd(sentence: str) -> bool:
    """Whether the sentence tells of force used on people (crowd control or worse), not
    just of a crowd made to leave: "dispersed the protesters with tear gas"."""
    return bool(_CROWD_FORCE.search(sentence.lower()))


def refine(cameo: str, sentence: str, *, future: bool, content: str | None = None) -> str:
    """The CAMEO code for a trigger given its sentence (the lexicon code when nothing fits)
    and the code of what it is about, if anything ("refused to meet" -> 125)."""
    root = cameo[:2]
    if content is not None and root in _ABOUT:
        about = _ABOUT[root]
        refined = about.get(content) or about.get(content[:2])
        if refined is not None:
            return refined
    if future and root in _INTENT:
        return _INTENT[root]
    if future and root == "15" and (_PEACEKEEPING.search(sentence.lower())
                                    or _PROTECTIVE.search(sentence.lower())):
        # "will send troops to help Mozambique fight the insurgency", "plans to deploy a
        # peacekeeping force": protection promised, no threat
        return "0334"
    if future and root in _THREAT:
        # "the government will extend the curfew": coercion announced is a threat, as
        # cooperation announced is an intent
        return _THREAT[root]
    text = sentence.lower()
    if cameo in ("190", "180") and _GENOCIDE.search(text):
        return "202"  # "genocidal assaults on the Kurds": mass killing
    if cameo in ("190", "180", "182"):
        for code, pattern in _ASSAULT_MEANS:
            if pattern.search(text):
                return code
    if cameo in ("175", "190", "180") and _CHEMICAL.search(text):
        # "used mustard gas", "a sarin attack": not tear gas
        return "2041"
    if cameo == "183" and _AIRCRAFT.search(text) and not _ASSAULT_MEANS[0][1].search(text):
        return "195"  # "Russian jets bombed villages": bombs from the air
    if cameo == "040" and _PHONE.search(text):
        return "041"
    if root == "15" and _PEACEKEEPING.search(text):
        # "deployed 230 troops to Liberia on a peacekeeping mission": protection given.
        return "074"
    if cameo == "070":
        for code, pattern in _AID_KIND:
            if pattern.search(text):
                return code
    return cameo
