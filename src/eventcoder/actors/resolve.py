"""From a noun phrase to an Actor, with what the story has already said about people.

A phrase is described by what its words say: an organisation from the dictionary ("the United
Nations"), a person's name (an entity), a country (name, adjective, demonym or capital), a
sector (a role word or title). People are known across the story: the first full mention
("French President Emmanuel Macron") gives country and sector to later bare surnames
("Macron"), to role references ("the President") and to pronouns, which stand for the
sentence's own main subject when the caller has noted it ("Putin said his country ...") and
otherwise continue the previous sentence's subject ("He").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from ..types import Actor, Phrase, Word, join_words
from . import tables
from .people import PersonRole, actor_code, lookup_person, name_key
from .user import UserDictionary

RESOLVER_VERSION = "eventcoder.actors.v18"
_PRONOUNS = {"he", "she", "they", "it", "him", "her", "them"}
# Pronouns that may stand for the main subject of a sentence that reports no speech:
# objects ("Kiir pardoned him") and people ("Obama ended a trip in Paris, where he had
# lunch with Macron"); "it" and "they" often start a new referent.
_MAIN_SUBJECT_PRONOUNS = {"him", "her", "them", "he", "she", "his"}
# Pronouns that stand for a person, never for a country or a body.
_PERSON_PRONOUNS = {"him", "her", "he", "she", "his"}
# Pronouns that never stand for one person.
_THING_PRONOUNS = {"it", "its", "they", "them", "their"}
# Possessive pronouns whose owner is the antecedent: "his country", "its forces".
_POSSESSIVES = {"his", "her", "its", "their"}
# Heads that stand for the owner's state itself: "his country" is the antecedent's country.
_COUNTRY_NOUNS = {"country", "nation", "homeland", "territory"}
_MAX_NGRAM = 6
# A definite description that names again a body the story has named ("Hamas fired rockets.
# The group said ..."): the head noun, what it may stand for, and how many sentences back.
_BODY_NOUNS = {"group", "organisation", "organization", "movement", "outfit", "network",
               "faction", "militia"}
_PARTY_NOUNS = {"party"}
_FIRM_NOUNS = {"company", "firm"}
_BLOC_NOUNS = {"alliance", "bloc"}
_FIGHTER_NOUNS = {"militant", "insurgent", "rebel", "jihadist", "extremist", "guerrilla",
                  "separatist", "fighter"}
_ANAPHOR_DETERMINERS = {"the", "this", "that"}
# Sectors of bodies that are no "group": states' own, and news outlets (or none at all).
_NOT_A_GROUP = {None, "GOV", "MIL", "COP", "MED"}
_BODY_WINDOW = 6  # sentences back for "the group", "the party", "the company"
_FIGHTER_WINDOW = 3  # and for "the militants", "the rebels"
# Heads that name one person by office: "the President", "the French leader", "the general".
_PERSON_TITLES = {"president", "leader", "premier", "minister", "commander", "general", "chief",
                  "king", "queen", "prince", "chancellor", "secretary", "envoy", "ambassador",
                  "marshal", "marshall", "emir", "sheikh", "governor", "mayor", "spokesman",
                  "spokeswoman", "head", "monarch", "ruler", "strongman", "warlord", "cleric",
                  "judge", "prosecutor", "senator", "lawmaker", "counterpart", "diplomat",
                  "official", "vice-president", "chairman", "chairwoman", "director", "sultan"}
# "thousands of Kenyans" are Kenyans
_PARTITIVES = {"thousands", "hundreds", "dozens", "scores", "millions", "tens", "group", "groups",
               "crowd", "crowds", "number", "some", "many", "most", "members", "member", "band",
               "hundred", "thousand", "dozen", "all", "few", "several", "majority", "contingent"}
# Plural nouns for people, by ending or by name: "mineworkers", "activists", "children".
_PERSONAL_ENDINGS = ("ers", "ors", "ists", "ians", "ants", "ents", "men", "ees", "ics")
_PERSONAL_PLURALS = {"people", "children", "women", "families", "youths", "kids", "folk",
                     "troops", "police", "staff", "crew", "girls", "boys", "adults", "pupils",
                     "refugees", "migrants", "civilians", "fighters", "militants", "soldiers"}
# Counts that stand for a crowd when alone ("Thousands rallied"; the sector table says CVL).
_CROWD_COUNTS = {"thousands", "hundreds", "dozens", "tens"}
_PLACE_NOUNS = {"capital", "city", "town", "village", "region", "province", "state", "district",
                "country", "area", "port", "territory", "border", "camp", "enclave", "island"}


def _personal(noun: str) -> bool:
    """Whether a plural noun names people, by its ending ("mineworkers", "activists",
    "Christians", "children"); things ("ships", "homes") do not."""
    noun = noun.lower()
    return noun in _PERSONAL_PLURALS or noun.endswith(_PERSONAL_ENDINGS)


@dataclass(frozen=True)
class Description:
    """What a phrase's own words say; any field may be None."""

    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    person: str | None = None
    person_is_head: bool = False
    titles: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.country or self.sector or self.code)

    def score(self) -> int:
        return (self.country is not None) + (self.sector is not None)


def _ngrams(words: list[Word], used: set[int]):
    """(start, end) of contiguous word runs, longest first, skipping words already used."""
    n = len(words)
    for size in range(min(_MAX_NGRAM, n), 0, -1):
        for i in range(n - size + 1):
            if any(j in used for j in range(i, i + size)):
                continue
            yield i, i + size


def _person_name(words: list[Word]) -> tuple[str | None, set[int]]:
    """The longest run of PERSON words (hyphens inside a name included)."""
    best: tuple[int, int] | None = None
    i = 0
    while i < len(words):
        if words[i].ent == "PERSON" and words[i].pos == "PROPN":
            j = i
            # (not across a dropped comma: "Jim Jeffrey, Trump's envoy" names two people)
            while (j + 1 < len(words) and words[j + 1].ent == "PERSON"
                   and words[j + 1].start <= words[j].end + 1):
                j += 1
            if best is None or j - i > best[1] - best[0]:
                best = (i, j)
            i = j + 1
        else:
            i += 1
    if best is None:
        return None, set()
    run = words[best[0]: best[1] + 1]
    while run and not run[-1].text[:1].isalpha():
        run = run[:-1]
    return (join_words(run) if run else None), set(range(best[0], best[1] + 1))


def describe(phrase: Phrase) -> Description:
    """What the phrase's own words say about who it is (no story context)."""
    return _describe(_key_of(phrase.words), phrase.head)


def _key_of(words: Sequence[Word]) -> tuple[tuple[str, str, str, str, int], ...]:
    """What describing words depends on: each word's text, part of speech, entity label,
    relation, and the gap before it (a dropped comma leaves two characters)."""
    return tuple((w.text, w.pos, w.ent, w.dep, w.start - words[i - 1].end if i > 0 else 0)
                 for i, w in enumerate(words))


def _opposed(words: list[Word], head: int) -> set[int]:
    """Indices of the words of "anti-X" compounds before the head ("anti", "-", "Isis")."""
    found: set[int] = set()
    for k in range(head - 2):
        if (words[k].text.lower() == "anti" and words[k + 1].text == "-"
                and words[k + 1].start == words[k].end and words[k + 2].start == words[k + 1].end):
            m = k + 2
            while m + 1 < head and words[m + 1].start == words[m].end:
                m += 1
            found.update(range(k, m + 1))
    return found


def _names_before(words: Sequence[Word], head: int) -> int:
    """Where the run of proper names compounded onto the head starts ("the Trump
    administration", "Recep Tayyip Erdogan"): the head's own index when there is none."""
    k = head
    while k > 0 and words[k - 1].pos == "PROPN" and words[k - 1].dep == "compound":
        k -= 1
    return k


@lru_cache(maxsize=65536)
def _describe(key: tuple[tuple[str, str, str, str, int], ...], head: int) -> Description:
    # Only text, part of speech, entity label, relation and spacing matter, so equal phrases
    # share one answer; offsets are rebuilt from the gaps, which is all join_words needs.
    at = 0
    words: list[Word] = []
    for text, pos, ent, dep, spaced in key:
        at += spaced
        words.append(Word(text=text, lemma=text, pos=pos, ent=ent, dep=dep, start=at))
        at += len(text)
    phrase = Phrase(words=tuple(words), head=head)
    # "the anti-Isis coalition", "anti-Assad rebels": whom they oppose names no one of them
    used: set[int] = _opposed(words, head)
    org = None
    for i, j in _ngrams(words, used):
        if all(w.ent == "PERSON" for w in words[i:j]) and (
                i > 0 and words[i - 1].ent == "PERSON"
                or j < len(words) and words[j].ent == "PERSON"):
            continue  # "Abdel Fatah al-Sisi": a word of a person's name names no party
        found = tables.lookup_organization(join_words(words[i:j]))
        if found is not None:
            org = found
            used.update(range(i, j))
            break
    if org is not None and (org.code or "").startswith("IGO"):
        org, used = _envoy_to(words, head, org, used)
    company = _company_name(words, set())
    if org is not None and company and used < company and all(
            words[k].text.isupper() for k in used):
        # "Lincoln Savings Bank FSB": an acronym inside a firm's name is part of the name
        org, used = None, set()
    company = company if org is None else set()
    used |= company
    person, person_idx = _person_name(words)
    if org is not None and person_idx & used:
        person, person_idx = None, set()
    if person is not None and tables.lookup_country(person) is not None:
        person, person_idx = None, set()  # "Mali" tagged as a person is still Mali
    if person_idx & used:
        person, person_idx = None, set()
    used |= person_idx
    country = org.country if org is not None else None
    country_in_pp = location_pp = False
    capital_alone = False
    if country is None:
        # "the Russia-backed Syrian regime" is Syrian: a backer's country counts only when no
        # other country is named ("Iran-backed militias")
        backer = None
        named = []
        for i, j in _ngrams(words, used):
            match = tables.lookup_country(join_words(words[i:j]))
            if match is not None and _backer(words, i, j):
                backer = backer or (i, j, match)
            elif match is not None:
                named.append((i, j, match))
        # "Russian forces in Syria's civil war": a country before the head says whose, one
        # after it (in a phrase of its own) only where
        i, j, match = (next((n for n in named if n[0] <= head), None) or next(iter(named), None)
                       or backer or (0, 0, None))
        if (match is not None and j < len(words) and words[j].text.lower() in _DIPLOMAT_HEADS
                and any(w.dep == "poss" and w.pos == "PROPN" for w in words[:i])):
            match = None  # "Trump's Syria envoy": the country is the envoy's brief, not theirs
        if match is not None:
            country = match.iso3
            country_in_pp = words[j - 1].dep == "pobj" and all(
                w.dep in ("pobj", "compound") for w in words[i:j])  # ("in New Delhi")
            # where someone is ("in Moscow"), not where they come from ("from London")
            location_pp = country_in_pp and i > 0 and words[i - 1].text.lower() in (
                "in", "at", "near", "inside")
            capital_alone = match.kind == "capital" and head in range(i, j)
            if match.kind == "capital" and _pact_word(words[head].text):
                country = None  # "the Minsk agreements": named after a city, no party
    sector = org.sector if org is not None else None
    titles: tuple[str, ...] = ()
    free = [w for k, w in enumerate(words) if k not in used]
    hit = tables.longest_sector_in([w.text for w in free])
    if (hit is not None and hit[2] == "CVL" and free[hit[0]].text.lower() in _CROWD_COUNTS
            and any(w.dep == "pobj" and w.pos == "NOUN" and not w.ent and not _personal(w.text)
                    for w in free[hit[1]:])):
        hit = None  # "dozens of ships": a count of things is no crowd
    if (hit is not None and [w.text.lower() for w in free[hit[0]:hit[1]]] == ["general"]
            and free[hit[0]].pos == "ADJ"):
        hit = None  # "the general cargo sector": no general
    if hit is not None and hit[2] == "GOV" and hit[0] > 0 and all(
            w.text.lower() in _GENERIC_HEADS for w in free[hit[0]:hit[1]]):
        # "the miners' leaders", "farmers' representatives": whose leaders they are
        before = tables.longest_sector_in([w.text for w in free[:hit[0]]])
        if before is not None and before[2] not in ("GOV", "-") and all(
                not w.text[:1].isalnum() or w.text.lower() in ("'s", "’s")
                for w in free[before[1]:hit[0]]):
            hit = (before[0], hit[1], before[2])
    if hit is not None:
        start, end, found_sector = hit
        titles = tuple(w.text.lower() for w in free[start:end])
        sector = sector or found_sector
    if company:
        sector = sector or "BUS"  # "Gibraltar Financial Corp", "First Union Corp": a firm
    code = org.code if org is not None else None
    name = org.name if org is not None else person
    if capital_alone and sector is None and org is None:
        sector = "GOV"  # "Moscow rejected ...": a capital speaks for its government
    head_word = words[head].text.lower()
    if (country_in_pp and not (sector or code or person) and head_word not in _PLACE_NOUNS
            and head_word not in _PARTITIVES and words[head].pos != "NUM"):
        # "its efforts in Libya" is not a Libyan actor; "the capital of Libya" is a place.
        country = None
    if (country_in_pp and phrase.head in person_idx and org is None and location_pp):
        # "hosted Xi Jinping in Moscow": where a named person is, is not whose they are
        country = None
    if head_word in _OPPONENT_HEADS:
        # "Kremlin critics", "Erdogan's opponents": who they oppose gives their country only
        # (they are its opposition, not its government); "critics of Israel" have none.
        name, code, sector = None, None, "OPP"
        country = None if country_in_pp else country
    elif head_word in _KIN_HEADS and (person or code or sector not in (None, "CVL")):
        # "the wives of fighters", "the president's son": their family, civilians of their
        # country (a named relative's, looked up later), not their office
        name, code, sector = None, None, "CVL"
    elif head_word in _SUPPORTER_HEADS and (person or code or sector in ("GOV", "MIL", "PTY")):
        # "supporters of the former president", "Trump loyalists": people who back someone
        # share their country, not their office
        name, code, sector, person = None, None, "CVL", None
    return Description(name=name, country=country, sector=sector, code=code, person=person,
                       person_is_head=phrase.head in person_idx, titles=titles)


# Heads of phrases that name a country's envoys to a body: "Syria's UN ambassador".
_DIPLOMAT_HEADS = {"ambassador", "ambassadors", "envoy", "envoys", "representative",
                   "representatives", "delegate", "delegates", "delegation", "mission", "diplomat",
                   "diplomats"}


def _envoy_to(words: list[Word], head: int, org, used: set[int]):
    """"Syria's UN ambassador", "the US ambassador to the UN": a country's envoy to an
    international body is the country's, not the body's; then (None, the words of the
    opposed names) so the country and the title decide. "The UN envoy for Syria" and "the
    UN's Syria envoy" stay the body's (the country comes after the body). Otherwise
    (org, used) as they were."""
    if head in used or words[head].text.lower() not in _DIPLOMAT_HEADS:
        return org, used
    opposed = _opposed(words, head)
    body = min(used - opposed, default=None)
    for i, j in _ngrams(words, used) if body is not None else ():
        if (j <= head and i < body and tables.lookup_country(join_words(words[i:j])) is not None
                and words[j - 1].dep != "pobj"):
            return None, opposed
    return org, used


# Bodies whose acronym meant something else before they existed.
_FOUNDED = {"IGOJUDICC": dt.date(2002, 7, 1)}
# Heads that say only "people who lead or speak for": whose they are says the sector.
_GENERIC_HEADS = {"leader", "leaders", "chief", "chiefs", "head", "heads", "representative",
                  "representatives", "spokesman", "spokeswoman", "spokesperson", "delegation",
                  "delegates", "delegate"}
# What ends a company's name: "Gibraltar Financial Corp", "Texas Instruments Inc".
_COMPANY_SUFFIXES = {"corp", "corp.", "corporation", "inc", "inc.", "co", "co.", "ltd", "ltd.",
                     "plc", "llc", "gmbh", "bancorp", "bancorporation", "bancshares", "n.v.",
                     "s.a.", "holdings", "incorporated", "limited", "fsb"}


def _company_name(words: list[Word], used: set[int]) -> set[int]:
    """The words of a company's name ending in "Corp", "Inc", "Ltd" ...: none of them names
    a country or a sector ("Gibraltar", "Union"), or an empty set when there is none."""
    for k, w in enumerate(words):
        if (k > 0 and k not in used and w.text[:1].isupper()
                and w.text.lower() in _COMPANY_SUFFIXES):
            start = k
            while start > 0 and start - 1 not in used and (
                    words[start - 1].text[:1].isupper() or words[start - 1].text == "&"):
                start -= 1
            if start < k:
                return set(range(start, k + 1))
    return set()


# The second part of "Iran-backed", "Russian-supported": who is backed, not who backs.
_BACKING_WORDS = {"backed", "supported", "sponsored", "funded", "armed", "financed", "trained",
                  "allied", "aligned", "friendly", "installed", "controlled"}


def _backer(words: list[Word], start: int, end: int) -> bool:
    """Whether the words ``start:end`` name a backer: "Iran" in "Iran-backed" (the dash may
    be read with the name)."""
    return any(words[k].text == "-" and words[k + 1].text.lower() in _BACKING_WORDS
               for k in range(start + 1, min(end + 1, len(words) - 1)))


# Pacts and meetings, often named after the city where they were made: "the Minsk agreements".
PACT_WORDS = {"agreement", "accord", "deal", "pact", "treaty", "ceasefire", "truce",
              "protocol", "process", "format", "summit", "conference", "declaration", "talk",
              "convention", "charter", "initiative", "communique", "memorandum", "plan"}


def _pact_word(word: str) -> bool:
    word = word.lower()
    return word in PACT_WORDS or word.endswith("s") and word[:-1] in PACT_WORDS


def names_only_a_place(name: str) -> bool:
    """Whether a name is a city or region and no party: "Minsk" and "Sochi" in "the Minsk
    agreements", "the Sochi agreement" (not "Iran" in "the Iran deal", nor "Hamas")."""
    if tables.lookup_organization(name) is not None:
        return False
    match = tables.lookup_country(name)
    return match is None or match.kind == "capital"


# Heads of phrases that name someone's backers ("supporters of the president" are not him).
# Heads of a government named after its leader: "the Trump administration", "the Putin regime".
_LEADERS_BODIES = {"administration", "government", "regime", "cabinet", "presidency", "junta"}
_SUPPORTER_HEADS = {"supporter", "supporters", "follower", "followers", "loyalist",
                    "loyalists", "backer", "backers", "admirer", "admirers", "fan", "fans"}
# Heads of phrases that name someone's family ("the wives of fighters" are civilians).
_KIN_HEADS = {"wife", "wives", "husband", "husbands", "widow", "widows", "mother", "mothers",
              "father", "fathers", "son", "sons", "daughter", "daughters", "child", "children",
              "family", "families", "relative", "relatives", "parent", "parents", "brother",
              "brothers", "sister", "sisters", "kin", "orphan", "orphans"}
# Heads of phrases that name someone's opponents ("Putin critics" are not Putin).
_OPPONENT_HEADS = {"critic", "critics", "opponent", "opponents", "detractor", "detractors",
                   "foe", "foes"}


def _surname_keys(name: str) -> list[str]:
    last = name.split()[-1]
    keys = [name.lower(), last.lower()]
    if "-" in last:
        keys.append(last.split("-")[-1].lower())
    return keys


@dataclass
class StoryActors:
    """People and subjects seen so far in one story, for resolving later mentions.

    ``on`` (the story's date) picks each known person's role from the built-in people table
    and from the ``user`` dictionary, whose entries win over the built-in ones.
    """

    on: dt.date | None = None
    user: UserDictionary | None = None
    _people: dict[str, Description] = field(default_factory=dict)
    _by_title: dict[str, list[Description]] = field(default_factory=dict)
    _last_subject: Actor | None = None
    _subject_gap: bool = False
    _compounds: dict[int, tuple[Actor, tuple[Actor, ...]]] = field(default_factory=dict)
    _bound: set[int] = field(default_factory=set)
    _pair: tuple[Actor, ...] = ()
    _pair_sentence: int = -1
    _sentence_subject: Actor | None = None
    _reported: bool = False
    _persons: dict[int, Actor] = field(default_factory=dict)
    _mentioned: dict[int, Phrase] = field(default_factory=dict)
    _clause: dict[int, Actor | None] = field(default_factory=dict)
    _person_keys: set[tuple] = field(default_factory=set)
    _genders: dict[str, str] = field(default_factory=dict)
    _bodies: dict[int, tuple[int, Actor, bool]] = field(default_factory=dict)
    _sentence: int = 0

    def add_person(self, phrase: Phrase) -> None:
        """Register a mention of a person; the most informative mention of a name wins."""
        desc = describe(phrase)
        if not desc.person:
            return
        said = _gender_of_words(phrase)
        if said is not None:
            self._genders.setdefault(desc.person, said)
        if phrase.start is not None and desc.person_is_head:
            self._mentioned[phrase.start] = phrase
        if not desc.person_is_head:
            # "Trump's Syria envoy": what follows the name describes the envoy, not Trump;
            # what comes before it ("US President Trump's envoy") is still his
            words = phrase.words
            last = max(_person_name(words)[1])
            desc = _describe(_key_of(words[:last + 1]), last)
            if not desc.person:
                return
        for key in _surname_keys(desc.person):
            known = self._people.get(key)
            if known is None or desc.score() > known.score():
                self._people[key] = desc
        if desc.titles:
            people = self._by_title.setdefault(" ".join(desc.titles), [])
            if all(p.person != desc.person for p in people):
                people.append(desc)

    def note_sentence_subject(self, actor: Actor | None, *, reported: bool = True) -> None:
        """Set the main subject of the sentence about to be resolved, the antecedent of its
        pronouns ("he", "his government", "its forces").

        The caller passes the main clause subject, already resolved, before resolving the
        sentence's other phrases; after a reporting verb that is the speaker ("X said his
        country ..." -> X). Call it for every sentence: ``None`` (no subject, or none that
        resolves) clears it, so pronouns fall back to the previous sentence's subject.
        `note_subject`, after the sentence, clears it too. A news outlet (sector MED) is
        never an antecedent.

        ``reported`` says the sentence reports what its subject said: then every pronoun in it
        may stand for the subject. Otherwise only object pronouns and "he"/"she"/"his" do
        ("Ajak was freed after Kiir pardoned him"), as "it" and "they" often start a new
        referent ("the jets forced a plane to land after it violated ...").
        """
        # A news outlet that reports ("Reuters reported", "told the BBC") is no one the
        # story's pronouns stand for.
        self._sentence_subject = actor if actor is None or actor.sector != "MED" else None
        self._reported = reported

    def note_clause_antecedents(self, antecedents: dict[int, Actor | None],
                                bound: Iterable[int] = ()) -> None:
        """Set what the sentence's own clauses say its pronouns stand for (pronoun offset ->
        the resolved antecedent, None when it names no one we code: "the plan says it ...").
        These win over the sentence subjects. ``bound``: the offsets of object pronouns in
        the main subject's own clause, which never stand for it ("Israel accused them").
        `note_subject` forgets both."""
        self._clause = dict(antecedents)
        self._bound = set(bound)

    def note_subject(self, actor: Actor | None, *, named: bool = False) -> None:
        """Remember a finished sentence's subject, the antecedent of a following "he"/"it";
        this ends the sentence, so its own subject (`note_sentence_subject`) is forgotten.

        ``named`` says the sentence had a subject, so that ``None`` means one we do not code
        ("The battle ended. It will open a corridor ..."): the next sentence's "it", "they"
        or "them" then stand for it, that is for no one we code, not for an older subject.
        "he" and "she" still may (they agree with a person, and the person named before), and
        so may a possessive ("its forces" are a country's)."""
        self._sentence_subject = None
        self._clause = {}
        self._bound = set()
        self._sentence += 1
        if actor is not None and actor.sector != "MED":
            self._last_subject = actor
            self._subject_gap = False
        elif actor is None and named:
            self._subject_gap = True

    def note_compound(self, first: Actor | None, others: Sequence[Actor | None]) -> None:
        """Remember that ``first`` (a subject or a clause's antecedent, as resolved) was named
        with ``others`` ("Britain and France condemned ..."): a "they" or "them" that stands
        for it stands for all of them (`members`). Uncoded conjuncts are left out; one alone
        is no compound."""
        if first is None:
            return
        members = tuple(a for a in others if a is not None and _key(a) != _key(first))
        if members:
            self._compounds[id(first)] = (first, (first, *members))

    def members(self, phrase: Phrase) -> tuple[Actor, ...]:
        """All those a "they" or "them" stands for when its antecedent was named with others
        ("Britain and France condemned the attack. They urged ..."), each with the pronoun's
        text; () otherwise. "Their armies" after them are each one's ("Egypt and Jordan said
        their armies would attack" -> EGY MIL and JOR MIL)."""
        head = phrase.head_word
        owned = None
        if head.pos != "PRON":
            if not any(w.dep == "poss" and w.text.lower() == "their" for w in phrase.words):
                return ()
            owned = self._owned_by_pronoun(phrase, describe(phrase))
            if owned is None:
                return ()
        elif head.text.lower() not in ("they", "them") or len(phrase.words) > 1:
            return ()
        first = self._antecedent(phrase)
        kept = self._compounds.get(id(first)) if first is not None else None
        if kept is None or kept[0] is not first:
            return ()
        if owned is not None:
            return tuple(dataclasses.replace(owned, country=a.country,
                                             code=_code(a.country, owned.sector))
                         for a in kept[1] if a.country)
        return tuple(_with_text(a, phrase) for a in kept[1])

    def note_pair(self, actors: Sequence[Actor], sentence: int) -> None:
        """Remember the two sides of an event between two countries in sentence number
        ``sentence``, what "the two leaders" or "both sides" right after it stands for."""
        if len(actors) == 2 and all(a.country for a in actors) and (
                actors[0].country != actors[1].country):
            self._pair, self._pair_sentence = tuple(actors), sentence

    def pair(self, phrase: Phrase, sentence: int) -> tuple[Actor, ...]:
        """The two sides a phrase like "the two leaders" or "both countries" in sentence
        number ``sentence`` stands for, each with the phrase's text: those of an event in
        the same or the previous sentence; () when there is none or the phrase is no such
        reference."""
        words = [w.text.lower() for w in phrase.words]
        noun = phrase.head_word.lemma.lower()
        if (not self._pair or sentence - self._pair_sentence > 1
                or noun not in _PAIR_NOUNS | _PAIR_OFFICIALS
                or not ({"two", "both"} & set(words)) or phrase.head_word.pos != "NOUN"):
            return ()
        if noun in _PAIR_OFFICIALS and not all(a.sector for a in self._pair):
            return ()  # "the two leaders" after "Turkey's offensive against Syria": not them
        return tuple(_with_text(a, phrase) for a in self._pair)

    def _antecedent(self, phrase: Phrase) -> Actor | None:
        """Whom a pronoun in ``phrase`` stands for: what the sentence's clauses say, else this
        sentence's subject, else the previous sentence's. The subject phrase itself (same
        offsets) skips its own entry, so it never refers to itself and resolves the same
        before and after it is noted. "it" and "they" never stand for one person, and "he"
        or "she" for a body only when no person was named before."""
        word = phrase.head_word if phrase.head_word.pos == "PRON" else next(
            (w for w in phrase.words if w.dep == "poss" and w.pos == "PRON"), phrase.head_word)
        if word.start in self._clause:
            return self._clause[word.start]
        current = self._sentence_subject
        pronoun = phrase.head_word.text.lower()  # ("his country": the country's own rules)
        usable = ((self._reported or pronoun in _MAIN_SUBJECT_PRONOUNS)
                  and word.start not in self._bound)  # ("Israel accused them": not Israel)
        options = [a for a in (current if usable and current is not None and (
            current.start, current.end) != (phrase.start, phrase.end) else None,
            self._last_subject) if a is not None]
        if pronoun in _THING_PRONOUNS:
            # "It raises the spectre of ..." after "Trump ...": not Trump (but "Putin and
            # Erdogan met. They agreed ...": the two)
            options = [a for a in options if not self._is_person(a) or (
                pronoun in ("they", "them") and id(a) in self._compounds)]
            if self._subject_gap:
                # "... the battle was a victory. It will open a corridor": not an older subject
                options = [a for a in options if a is not self._last_subject]
        sex = _PRONOUN_GENDERS.get(pronoun)
        if sex is not None:
            # "she" after Bashar al-Assad is someone else
            options = [a for a in options if self._gender(a) in (None, sex)]
        found = options[0] if options else None
        if pronoun in _PERSON_PRONOUNS and phrase.start is not None and (
                # a country is no one ("the president said he ..." stays the president, and
                # a body's name may be a person's the tables hold)
                found is None or found.name is None and found.sector is None
                # "a White House statement said: 'He urged ...'": the last person named
                or found.name is not None and found.sector is not None
                and not self._is_person(found)):
            # "Turkey ... he": the last person of that country named before the pronoun;
            # "Russia, which has backed him": else the last person named before it
            for start, mention in self._mentioned.items():
                if start < phrase.start and start not in self._persons:
                    # every person named so far, whether or not they took part in an event
                    known = self._resolve(mention)
                    if known is not None:
                        self._persons[start] = known
                        self._person_keys.add(_key(known))
            before = sorted(k for k in self._persons if k < phrase.start
                            and self._gender(self._persons[k]) in (None, sex))
            same = [k for k in before if found is not None
                    and self._persons[k].country == found.country]
            if same or before:
                return self._persons[(same or before)[-1]]
        return found

    def _gender(self, actor: Actor) -> str | None:
        """"m", "f" or None: a person's gender, from a title in a mention ("Mrs May") or a
        given name that says it."""
        if not actor.name or not self._is_person(actor):
            return None
        return self._genders.get(actor.name) or given_name_gender(actor.name.split()[0])

    def _is_person(self, actor: Actor) -> bool:
        """Whether an actor the story resolved is one person (by name or title)."""
        return _key(actor) in self._person_keys or (
            # a person the tables know, whatever the tagger made of the name
            actor.name is not None and self._role(actor.name) is not None)

    def resolve(self, phrase: Phrase) -> Actor | None:
        """The Actor a phrase names, or None when it names no one we can code."""
        actor = self._resolve(phrase)
        if actor is not None and actor.country and phrase.head_word.pos != "PRON":
            self._note_title(phrase, actor)
        self._note_body(phrase, actor)
        if (actor is not None and phrase.head_word.pos != "PRON" and phrase.start is not None
                and (describe(phrase).person_is_head or actor.name is not None and any(
                    d.person == actor.name for d in self._people.values()))):
            # a person, by name or by a title the story resolves ("the president")
            self._persons[phrase.start] = actor
            self._person_keys.add(_key(actor))
        return actor

    def _note_title(self, phrase: Phrase, actor: Actor) -> None:
        """"Syria's UN ambassador Bashar Ja'afari ... Ja'afari": the country and sector a
        title gave a person no table knows (a name that ends the phrase, right after its
        head) hold for their later mentions."""
        person = describe(phrase).person
        words = [w.text for w in phrase.words]
        if not person or not " ".join(words).endswith(person):
            return
        first = len(words) - len(person.split())
        if first < 1 or not (phrase.head == first - 1 or words[first - 1].islower()):
            return  # (a title right before the name: not "Imran Khan", a name in two parts)
        if self._role(person) is not None:
            return  # the tables know them
        for key in _surname_keys(person):
            known = self._people.get(key)
            if known is not None and known.person == person and known.country is None:
                self._people[key] = dataclasses.replace(
                    known, country=actor.country, sector=known.sector or actor.sector)

    def _resolve(self, phrase: Phrase) -> Actor | None:
        head = phrase.head_word
        if head.pos == "PRON" and not (head.text.isupper() and len(head.text) > 2):
            # (not "WHO", an acronym the tagger took for the pronoun)
            antecedent = self._antecedent(phrase) if head.lemma.lower() in _PRONOUNS else None
            return _with_text(antecedent, phrase) if antecedent is not None else None
        desc = describe(phrase)
        named_again = self._described_body(phrase, desc)
        if named_again is not None:
            if named_again.sector is None and desc.sector is not None:
                # "Oliver's Stores said ... The company said": a firm no table knows, named,
                # with the sector its description gives
                named_again = dataclasses.replace(
                    named_again, sector=desc.sector,
                    code=_code(named_again.country, desc.sector))
            return _with_text(named_again, phrase)
        if desc.code in _FOUNDED and self.on is not None and self.on < _FOUNDED[desc.code]:
            # "the ICC" in 1987 is the Interstate Commerce Commission, not the court
            desc = Description(name=None, country=None, sector=None, code=None,
                               person=desc.person, person_is_head=desc.person_is_head,
                               titles=desc.titles)
        wikidata = None
        if self.user is not None:
            # The user's agent words win over the built-in roles ("police officer" -> COP).
            words = [w.text for w in phrase.words
                     if w.pos not in ("DET", "PRON") and tables.lookup_country(w.text) is None]
            agent = self.user.agent(" ".join(words)) if words else None
            agent = agent or self.user.agent(head.text)
            if agent is not None:
                desc = dataclasses.replace(desc, sector=agent)
        owned = self._owned_by_pronoun(phrase, desc)
        if owned is not None:
            return owned
        if not desc.person and not desc.code and head.text[:1].isupper() and head.text.lower() in self._people:
            # A surname seen in a full mention, whatever the tagger made of it ("Zelenskyy").
            known = self._people[head.text.lower()]
            desc = Description(name=known.name, country=desc.country, sector=desc.sector,
                               person=known.person, person_is_head=True)
        if desc.person and desc.person_is_head:
            known = self._lookup_person(desc.person)
            full = known.person if known is not None and known.person else desc.person
            role = self._role(full) or (self._role(desc.person) if full != desc.person else None)
            if role is not None and full != desc.person and not _fits_name(full, role, desc.person):
                # "Bashar Ja'afari ... Ja'afari": not Ibrahim al-Jaafari, whom the tables
                # know by that surname
                role = None
            # A known person's country is the table's, before what another mention's words
            # suggested ("the Turkish-backed anti-Assad rebels" is no Turkish Assad).
            country = desc.country or (role.country if role else None) or (
                known.country if known else None)
            sector = desc.sector or (known.sector if known else None)
            if sector is None and role is not None and role.in_office:
                sector = role.sector
            wikidata = role.wikidata if role is not None else None
            desc = Description(name=role.name if role is not None else full, country=country,
                               sector=sector, code=desc.code, person=full)
        elif desc.person:
            # "forces loyal to Haftar", "Haftar's opponent": the person anchors the country.
            known = self._lookup_person(desc.person)
            role = self._role(desc.person) if known is None or known.country is None else None
            country = desc.country or (known.country if known is not None else None) or (
                role.country if role is not None else None)
            desc = Description(name=desc.name if desc.code else None, country=country, sector=desc.sector,
                               code=desc.code)
        elif desc.sector and not desc.code:
            known = self._lookup_title(phrase, desc)
            if known is not None and known.person:
                role = self._role(known.person)
                if role is not None:
                    wikidata = role.wikidata
                desc = Description(name=role.name if role is not None else known.person,
                                   country=desc.country or known.country or (role.country if role else None),
                                   sector=known.sector or desc.sector, person=known.person)
            elif desc.country is None and (leader := self._leader_named(phrase)) is not None:
                # "the Trump administration", "the Maduro regime": a government named after
                # its leader (the tagger often takes the name for a firm's) is the leader's
                # country's
                desc = dataclasses.replace(desc, country=leader.country)
        if (not desc.person and not desc.code and not desc.sector and head.pos == "PROPN"
                and not desc.empty):
            # "Turkey's Recep Tayyip Erdogan", his name taken for a building: a person the
            # tables know, named after a country's possessive
            start = _names_before(phrase.words, phrase.head)
            name = join_words(phrase.words[start:phrase.head + 1])
            role = self._role(name) if tables.lookup_country(name) is None else None
            if role is not None and role.country and (not desc.country or desc.country == role.country):
                return Actor(text=phrase.text, name=role.name, country=role.country,
                             sector=role.sector, code=role.code or _code(role.country, role.sector),
                             wikidata=role.wikidata, start=phrase.start, end=phrase.end)
        if desc.empty and head.pos == "PROPN":
            role = self._role(phrase.text)
            if role is not None and desc.person and not _fits_name(desc.person, role, phrase.text):
                role = None  # (the story's fuller name is someone else's)
            if role is not None and (role.country or role.sector):
                return Actor(text=phrase.text, name=role.name, country=role.country,
                             sector=role.sector, code=role.code or _code(role.country, role.sector),
                             wikidata=role.wikidata, start=phrase.start, end=phrase.end)
        if desc.empty:
            if head.ent in ("PERSON", "ORG") and head.pos == "PROPN":
                # Unknown but named: keep who it is, never a made-up code.
                return Actor(text=phrase.text, name=desc.person or phrase.text, start=phrase.start,
                             end=phrase.end)
            return None
        return Actor(text=phrase.text, name=desc.name, country=desc.country, sector=desc.sector,
                     code=desc.code or _code(desc.country, desc.sector), wikidata=wikidata,
                     start=phrase.start, end=phrase.end)

    def note_names(self, phrases: Iterable[tuple[Phrase, bool]]) -> None:
        """Remember the bodies a sentence names ("protests to Isis led nowhere"), wherever
        they stand, for the descriptions that name them again ("as the militants denied");
        each phrase comes with whether it is a subject (a subject is the likelier one)."""
        for phrase, subject in phrases:
            if phrase.start is not None and phrase.start not in self._bodies:
                self._note_body(phrase, self._resolve(phrase), subject=subject)

    def _note_body(self, phrase: Phrase, actor: Actor | None, *, subject: bool = False) -> None:
        """Remember ``actor`` when ``phrase`` names a body ("Hamas", "the African National
        Congress"), not a person or a place."""
        if (actor is not None and actor.name and phrase.start is not None
                and any(w.pos == "PROPN" for w in phrase.words) and not describe(phrase).person
                and _key(actor) not in self._person_keys):
            was = self._bodies.get(phrase.start)
            self._bodies[phrase.start] = (self._sentence, actor,
                                          subject or was is not None and was[2])

    def _described_body(self, phrase: Phrase, desc: Description) -> Actor | None:
        """The body a definite description names again: "the group", "the organisation",
        "the Islamist movement" (the last organisation named), "the party" (a party), "the
        company" (a firm), "the alliance" (an international body), "the militants", "the
        rebels" (an armed group, named in the last few sentences). Only "the"/"this"/"that",
        lower-case modifiers and the noun: "a group of protesters", "the group's leader",
        "the Kurdish Democratic Party" name no one again. A nationality in the phrase must be
        the body's ("the Palestinian group"). None when no body fits."""
        words = phrase.words
        head = phrase.head_word
        lemma = head.lemma.lower()
        plural = head.text.lower() != lemma
        if (phrase.start is None or phrase.head != len(words) - 1 or len(words) < 2
                or words[0].lemma.lower() not in _ANAPHOR_DETERMINERS
                or desc.person or desc.code or head.pos != "NOUN"):
            return None
        if any(w.pos == "PROPN" or w.pos == "NUM" or w.pos == "PRON" or w.dep == "poss"
               for w in words[1:]):
            return None
        if lemma in _FIGHTER_NOUNS and plural:
            window = _FIGHTER_WINDOW

            def fits(a: Actor) -> bool:
                return a.sector == "REB"
        elif lemma in _BODY_NOUNS and not plural:
            window = _BODY_WINDOW

            def fits(a: Actor) -> bool:
                # ("the organisation" may be the UN; "the group" is no state's body)
                # (a body the tables code: a name the tagger took for one is often none)
                return (a.code is not None and a.sector not in _NOT_A_GROUP
                        and (lemma in ("organisation", "organization")
                             or not a.code.startswith("IGO")))
        elif lemma in _PARTY_NOUNS and not plural:
            window = _BODY_WINDOW

            def fits(a: Actor) -> bool:
                return a.sector in ("PTY", "OPP")
        elif lemma in _FIRM_NOUNS and not plural:
            window = _BODY_WINDOW

            def fits(a: Actor) -> bool:
                return a.sector == "BUS" or a.code is None and a.sector is None
        elif lemma in _BLOC_NOUNS and not plural:
            window = _BODY_WINDOW

            def fits(a: Actor) -> bool:
                return (a.code or "").startswith("IGO")
        else:
            return None
        # Of the bodies that fit, named in the last sentences: one named as a subject there,
        # then the one the story has named most, then the nearest ("said the SDF, an alliance
        # that fought Isis. The group demanded ..." is the SDF); fighters are the nearest
        # armed group named ("the gap between Isis and the SDF's positions, and the militants
        # were ...").
        fighters = lemma in _FIGHTER_NOUNS
        best: dict[tuple, tuple[bool, int, int]] = {}
        actors: dict[tuple, Actor] = {}
        for start, (sentence, actor, subject) in self._bodies.items():
            if start >= phrase.start or not fits(actor) or (
                    desc.country is not None and actor.country != desc.country):
                continue
            key = _key(actor)
            recent = sentence >= self._sentence - window
            was = best.get(key, (False, 0, -1))
            nearest = max(was[2], start) if recent else was[2]
            best[key] = ((False, 0, nearest) if fighters
                         else (was[0] or subject and recent, was[1] + 1, nearest))
            actors[key] = actor
        ranked = [(rank, key) for key, rank in best.items() if rank[2] >= 0]
        return actors[max(ranked)[1]] if ranked else None

    def _owned_by_pronoun(self, phrase: Phrase, desc: Description) -> Actor | None:
        """"his country", "its forces", "their troops": a country or role noun owned by a
        possessive pronoun, whose own words name no country, person or organisation, takes
        the antecedent's country ("Iran said its forces ..." -> IRN MIL); None otherwise.

        Any antecedent with a country will do, for every pronoun, except an international
        organisation (whose country is a region): "his" of a person is that person's
        country, and "its" of a person ("Macron said its army ...") is rare enough that its
        country is the better guess than none. No antecedent, no country: None, and the
        phrase resolves on its own words as before.
        """
        head = phrase.head_word
        if desc.country or desc.code or desc.person or not any(
                w.dep == "poss" and w.pos == "PRON" and w.lemma.lower() in _POSSESSIVES
                for w in phrase.words):
            return None
        if head.lemma.lower() not in _COUNTRY_NOUNS and (
                desc.sector is None or tables.lookup_sector(head.text) is None):
            return None  # "his efforts", "their military advisers": the head is no country or role
        antecedent = self._antecedent(phrase)
        if (antecedent is None or not antecedent.country
                or (antecedent.code or "").startswith(("IGO", "NGO"))):
            # An organisation's "country" is a region ("its troops" of NATO are not WST MIL).
            return None
        return Actor(text=phrase.text, country=antecedent.country, sector=desc.sector,
                     code=_code(antecedent.country, desc.sector), start=phrase.start,
                     end=phrase.end)

    def _leader_named(self, phrase: Phrase) -> PersonRole | None:
        """The known leader a government is named after ("the Trump administration", "the
        Putin regime"): the proper names just before a head such as "administration"."""
        words, head = phrase.words, phrase.head
        if words[head].text.lower() not in _LEADERS_BODIES:
            return None
        k = _names_before(words, head)
        if k == head:
            return None
        role = self._role(join_words(words[k:head]))
        return role if role is not None and role.country else None

    def _role(self, name: str) -> PersonRole | None:
        """A known person's role on the story's date: the user's dictionary first."""
        found = self.user.lookup(name, on=self.on) if self.user is not None else None
        return found or lookup_person(name, on=self.on)

    def _lookup_person(self, name: str) -> Description | None:
        for key in _surname_keys(name):
            if key in self._people:
                return self._people[key]
        return None

    def _lookup_title(self, phrase: Phrase, desc: Description) -> Description | None:
        """"the President" -> the one person of the story introduced with that title;
        "the French leader" -> the one French person of that sector."""
        if phrase.words[0].lemma.lower() != "the" or any(
                w.text.lower() in ("former", "ex", "late", "new", "next") for w in phrase.words):
            return None
        if phrase.head_word.text.lower() not in _PERSON_TITLES:
            return None  # "the Tripoli government" is an institution, not its leader
        words = [w.text.lower() for w in phrase.words[1:]
                 if w.pos != "ADV" and tables.lookup_country(w.text) is None]
        people = self._by_title.get(" ".join(words)) or []
        if len(people) == 1 and (desc.country is None or people[0].country in (None, desc.country)):
            return people[0]
        if desc.country is None:
            return None
        same = {p.person: p for p in self._people.values()
                if p.person and p.country == desc.country and p.sector == desc.sector}
        return next(iter(same.values())) if len(same) == 1 else None


# Nouns that, as "the two X" or "both X", stand for the two sides just named.
_PAIR_NOUNS = {"side", "country", "nation", "party", "neighbour", "neighbor", "ally", "rival",
               "state", "capital"}
# ... and those that stand only for officials or forces: "the two leaders".
_PAIR_OFFICIALS = {"leader", "president", "minister", "government", "delegation",
                   "counterpart", "premier", "head", "official", "diplomat", "envoy"}


def _code(country: str | None, sector: str | None) -> str | None:
    # an IGO's sector comes first ("UNO" + "IGO" -> "IGOUNO"); a sector alone is its code
    return actor_code(country, sector) if country else sector


# Titles and words in a person's mention that say their gender.
_GENDER_WORDS = {"mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "sheikh": "m",
                 "mrs": "f", "ms": "f", "miss": "f", "lady": "f", "dame": "f", "queen": "f",
                 "princess": "f", "madam": "f", "sheikha": "f"}
_PRONOUN_GENDERS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def _fits_name(full: str, role: PersonRole, mention: str) -> bool:
    """Whether the fullest name a story gives a person fits the known person found by their
    surname alone: each of its words (but initials and "al"/"el") is in the known name
    ("Recep Erdogan" and "Sergei Lavrov" fit Recep Tayyip Erdogan and Sergey Lavrov;
    "Bashar Ja'afari" is not Ibrahim al-Jaafari). A ``mention`` of more than one word that
    fits by itself is enough ("Theresa May", whatever a mis-parsed fuller name says)."""
    known = set(name_key(role.name).split())

    def fits(name: str) -> bool:
        # (spellings of one name: "Sergei" is "Sergey")
        return all(w in known or any(k[:4] == w[:4] and abs(len(k) - len(w)) <= 2 for k in known)
                   for w in name_key(name).split() if len(w) > 1 and w not in ("al", "el"))

    return fits(full) or " " in name_key(mention) and fits(mention)


def _gender_of_words(phrase: Phrase) -> str | None:
    found = {_GENDER_WORDS[w.text.lower().rstrip(".")] for w in phrase.words
             if w.text.lower().rstrip(".") in _GENDER_WORDS}
    return found.pop() if len(found) == 1 else None


@cache
def _given_names() -> dict[str, str]:
    text = resources.files("eventcoder.actors").joinpath("data", "given_names.txt").read_text(
        encoding="utf-8")
    return {line.split("\t")[0].casefold(): line.split("\t")[1].strip()
            for line in text.splitlines() if line and not line.startswith("#")}


def given_name_gender(name: str) -> str | None:
    """"m" or "f" when a given name says a person's gender ("Angela" -> "f"), else None."""
    return _given_names().get(name.casefold())


def _key(actor: Actor) -> tuple:
    """Who an actor is, whatever words name them."""
    return (actor.name, actor.code, actor.country, actor.sector)


def _with_text(actor: Actor, phrase: Phrase) -> Actor:
    return Actor(text=phrase.text, name=actor.name, country=actor.country, sector=actor.sector,
                 code=actor.code, wikidata=actor.wikidata, start=phrase.start, end=phrase.end)
