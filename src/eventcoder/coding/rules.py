"""Rule-based event coding over a dependency parse (``eventcoder.rules.v16``).

For each sentence: find triggers (lexicon verbs, verb + particle, event nouns), then the
actor and recipient noun phrases by dependency patterns:

- verbs: subject -> actor, direct object or a listed preposition's object -> recipient;
  passive: the ``by`` agent is the actor and the passive subject the recipient; a relative
  clause's "who" takes the modified noun; a coordinated or controlled verb without a subject
  takes its governor's subject ("X met Y and urged Z", "X wants to ...");
- event nouns: the subject of the light verb that governs them ("X held talks with Y",
  "X issued a message of support for Y", "X laid siege to Y"), else a possessor or a
  nationality adjective ("Russian strikes on ..."); recipients from the noun's or the light
  verb's listed prepositions.

A trigger that is the content of another trigger ("urged X to ensure ...", "accused X of
supporting Y", "met to discuss", "denies favouring") is not an event of its own. Modality is
read from the parse: negation, modal auxiliaries and "if" (hypothetical), "will" and
"plans to" (future).

The output is plain values (``Candidate`` with ``Phrase``s), so the actor, date, place and
count layers never see spaCy objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..types import Phrase, Span, Word
from .arguments import NOT_PARTICIPANT_ENTS, ArgumentRanker, noun_heads
from .lexicon import Lexicon, Trigger
from .refine import force_on_crowd

RULES_VERSION = "eventcoder.rules.v19"

_SUBJ = {"nsubj", "csubj"}
_PASS_SUBJ = {"nsubjpass", "csubjpass"}
_REL_PRONOUNS = {"who", "which", "that", "whom"}
# Dependencies along which a trigger is the content of a governing trigger.
_CONTENT_DEPS = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "attr", "oprd"}
_HYPO_AUX = {"could", "would", "might", "may", "should", "can", "must"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_EPISTEMIC_AUX = {"may", "must"}
_HYPO_GOVERNORS = {"want", "hope", "seek", "try", "attempt", "intend", "consider", "wish",
                   "propose", "aim", "prepare", "threaten", "vow", "pledge", "promise",
                   "offer", "refuse", "decline", "deny", "urge", "ask", "call", "allow",
                   "permit", "enable", "tell", "instruct", "encourage", "advise", "invite"}
# Nouns that speak of an act without saying it happened: "the rhetoric of destroying X",
# "fears of an attack", "the prospect of talks".
_FRAMING_NOUNS = {"rhetoric", "talk", "fear", "risk", "prospect", "idea", "notion", "danger",
                  "spectre", "specter", "likelihood", "possibility", "hope", "rumour", "rumor",
                  "question", "debate", "threat", "dream", "promise",
                  # "on the verge of being captured": about to happen, not yet
                  "verge", "brink", "cusp",
                  # "their aim of ousting the president": a goal, not done
                  "aim", "goal", "objective", "ambition", "intention"}
# Light verbs of an act only weighed: "considering sanctions", "mulling a ceasefire".
_WEIGHING_VERBS = {"consider", "weigh", "mull", "contemplate", "propose", "eye"}
_FUTURE_GOVERNORS = {"plan", "expect", "schedule", "set", "due", "go", "willing", "ready",
                     "prepared", "determined", "eager", "keen", "poised", "poise"}
_NEGATING_GOVERNORS = {"unwilling", "reluctant", "unable"}
# Verbs that give someone a task, which is only a goal: "tasked with forcing X to withdraw".
_TASKING_VERBS = {"task", "charge", "mandate", "entrust"}
# Failing to do something cooperative is a refusal made now: "failed to reach agreement".
_FAILING_GOVERNORS = {"fail"}
_HYPO_NOUNS = {"bid", "attempt", "effort", "plan", "push", "drive", "intention", "aim",
               "goal", "way", "need", "right", "chance", "possibility", "plot", "scheme",
               "conspiracy", "hand", "licence", "license", "mandate", "authority", "power",
               # "any opportunity for the US to attack us", "a pretext to invade"
               "opportunity", "pretext", "excuse"}
# Verbs of making known, whose content is unknown when they are negated: "has not confirmed".
_CONFIRMING_VERBS = {"confirm", "announce", "decide", "say", "disclose", "reveal", "state"}
# Nouns of a proposal, whose infinitive is only proposed: "the vote to attack the government"
# ("voted to impose sanctions" decided it).
_PROPOSAL_NOUNS = {"vote", "motion", "proposal"}
# Verbs that carry an event noun's agent: "held talks", "issued a message of support".
_LIGHT_VERBS = {"hold", "have", "conduct", "lay", "launch", "carry", "stage", "make", "issue",
                "express", "offer", "give", "reiterate", "reaffirm", "voice", "announce",
                "sign", "impose", "extend", "declare", "mount", "wage", "begin", "start",
                "resume", "continue", "provide", "send", "deliver", "pledge", "step",
                "intensify", "escalate", "renew", "open", "join", "seek", "lend", "show",
                "file", "level", "lodge", "deliver", "register", "slap", "order", "grant",
                "step", "unleash", "lift", "end", "agree", "reach", "strike", "broker", "pay",
                "consider", "fire", "hold", "stage", "go", "begin", "call", "commence",
                "initiate", "undertake", "perform", "execute", "expand", "widen"}
# Violent nouns take their agent only from verbs of doing, not of saying.
_VIOLENT_LIGHT_VERBS = {"launch", "carry", "conduct", "stage", "mount", "wage", "lay", "begin",
                        "lead", "start", "resume", "continue", "intensify", "escalate", "step",
                        "unleash", "impose", "renew", "order", "authorize", "authorise", "fire", "increase", "boost",
                        "commence", "initiate", "undertake", "execute", "expand", "widen"}
_VIOLENT_ROOTS = {"14", "15", "17", "18", "19", "20"}
# Strikes one is on: "are on strike", "remains on hunger strike".
_STRIKE_NOUNS = {"strike", "walkout", "stoppage"}
_BEING_VERBS = {"be", "remain", "stay", "continue"}
_JOURNEY_NOUNS = {"visit", "tour", "trip", "mission"}
# Verbs of coming, whose "for" names what one came for.
_ARRIVING_VERBS = {"arrive", "travel", "fly", "head", "land", "return"}
# Exercises that partners can hold together.
_EXERCISE_NOUNS = {"exercise", "drill", "game", "manoeuvre", "maneuver", "wargame"}


def _exercised_together(noun: Token) -> bool:
    """Whether an exercise is held with a partner or by several: "held drills with Japan",
    "X and Y launched war games", "war games staged by X and Y"."""
    if noun.lemma_.lower() not in _EXERCISE_NOUNS:
        return False
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    partners = _prep_objects(noun, frozenset({"with"})) + (
        _prep_objects(verb, frozenset({"with"})) if verb is not None else [])
    if any(p.pos_ == "PROPN" or _actor_like(p) for p in partners):
        return True
    if verb is None:
        return False
    doers = _children(verb, {"nsubj"}) if noun.dep_ == "dobj" else [
        o for a in _children(verb, {"agent"}) for o in _children(a, {"pobj"})]
    # "X and Y", or "US and Western allies" (the parser's conjunction inside the modifier)
    return any(_children(t, {"conj"}) for d in doers
               for t in (d, *_children(d, {"compound", "nmod", "amod"})))


# Protests and shows of force that are held, called or joined: "held a protest", "called a
# strike", "joined the walkout", "held military exercises".
_HOLDING_VERBS = {"hold", "call", "join", "organize", "organise"}
_HELD_NOUNS = {"protest", "demonstration", "rally", "march", "strike", "sit-in", "vigil",
               "walkout", "stoppage", "boycott", "parade"} | _EXERCISE_NOUNS
_ADOPTING_VERBS = {"order", "authorize", "authorise", "approve", "direct",
                   "command"}
_NOT_AGENT_VERBS = {"say", "report", "see", "watch", "follow", "cover", "doubt", "question",
                    "fear", "expect", "predict", "describe", "call", "discuss",
                    "analyse", "analyze", "study", "review", "mention", "recall", "remember",
                    "cite", "note", "hear", "read", "need", "want", "prevent", "block", "delay",
                    "postpone", "cancel", "scrap", "miss", "skip", "leave", "jeopardize",
                    "jeopardise", "threaten", "undermine", "oppose", "reject", "criticize",
                    "criticise", "welcome", "praise", "condemn", "deny", "be", "become",
                    "include", "mark", "cause", "prompt", "trigger", "spark", "follow", "end",
                    # who meets or ignores demands is not who made them
                    "meet", "satisfy", "fulfil", "fulfill", "ignore", "heed"}
_CONTAINER_NOUNS = {"message", "statement", "expression", "show", "gesture", "sign", "offer", "state",
                    "letter", "word", "words", "pledge", "promise", "declaration", "note",
                    "series", "round", "wave", "number", "host", "lot", "string"}
_NP_EXCLUDE = {"relcl", "acl", "conj", "cc", "appos", "advcl", "punct", "prep"}
_NP_PREPS = {"of", "in", "from"}
# People who speak or act for someone: "a spokesman for the president" is the president's.
_VOICE_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "representative", "adviser",
                "advisor", "aide"}
_LOCATION_PREPS = {"in", "at", "near", "outside", "inside"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Prepositions whose objects can be recipients of any trigger (resolution drops non-actors).
_DEFAULT_PREPS = frozenset({"with", "to", "against", "on", "toward", "towards", "into", "at"})
# What declining or refusing to do is no event: "declined to comment".
_NO_EVENT_CONTENT = {"comment", "elaborate", "speculate", "confirm", "say", "answer",
                     "respond", "disclose", "reveal", "specify", "name", "identify", "give",
                     "issue", "estimate", "predict", "quantify", "explain", "provide",
                     "release", "detail", "forecast", "offer"}
# Verbs whose object is only what is told: "declined to name the buyers" refuses no buyer.
_TELLING_VERBS = {"name", "identify", "disclose", "reveal", "specify", "detail", "elaborate",
                  "explain", "estimate", "quantify"}
# What one declines to discuss when one only tells nothing: "declined to discuss reports".
_TOLD_THINGS = {"detail", "report", "specific", "figure", "rumour", "rumor", "speculation"}
# What is not disclosed when no one is refused: "declined to give details".
_UNDISCLOSED = {"detail", "information", "name", "figure", "number", "reason", "comment",
                "identity", "location", "source", "death", "whereabouts", "specific", "timetable",
                "statement", "volume", "amount", "estimate", "size", "cost", "price", "value",
                "term", "timing", "matter", "case", "issue", "report", "figure", "breakdown",
                "question", "forecast", "projection", "outlook", "target", "earnings", "earning",
                "profit", "result"}
_OPEN_PREPS = frozenset({"with", "to", "against", "on", "for", "from", "over", "into"})
# Verbs that report speech ("X said ..."); the pipeline resolves pronouns in what was said.
SPEECH_VERBS = {"say", "tell", "announce", "declare", "state", "warn", "insist", "add", "claim",
                "stress", "write", "tweet", "report", "confirm", "indicate", "signal",
                "assert", "affirm", "reiterate", "emphasise", "emphasize", "explain",
                "acknowledge", "admit"}
# "A said it would attack B" is a threat: the code for threatening what was announced.
_THREAT_CODES = {"14": "133", "15": "138", "16": "131", "17": "130", "18": "138", "19": "138",
                 "20": "138"}


# "X called Y" with a named person or body as object: a telephone call (CAMEO 041).
_PHONE_VERBS = {"call", "ring", "phone", "telephone"}
_PHONE_ROW = Trigger(kind="V", lemma="call", particle=None, cameo="041", preps=frozenset())
_CALLED_PEOPLE = {"counterpart", "president", "premier", "chancellor", "minister", "king",
                  "emir", "prince", "pope", "secretary", "leader", "ambassador", "envoy"}


def _phoned(verb: Token) -> bool:
    """"called Y" (to talk), not "called Y a liar", "called elections" or "called it off"."""
    if any(c.dep_ in ("ccomp", "prt", "attr") for c in verb.children):
        return False
    callee = _callee(verb)
    objects = _children(verb, {"dobj"}) or callee
    if any(c.dep_ == "oprd" for c in verb.children) and not callee:
        return False
    return bool(objects) and (objects[0].ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
                              or objects[0].lemma_.lower() in _CALLED_PEOPLE)


# "called X a liar": name-calling is criticism (111); "called X a friend" is praise (051).
_INSULTS = {"liar", "terrorist", "criminal", "traitor", "disgrace", "idiot", "fool", "dictator",
            "thug", "murderer", "killer", "butcher", "tyrant", "enemy", "threat", "menace",
            "puppet", "clown", "fraud", "hypocrite", "racist", "fascist", "nazi", "coward",
            "loser", "stupid", "incompetent", "corrupt", "dishonest", "illegal", "illegitimate",
            "unacceptable", "irresponsible", "dangerous", "shameful", "disgraceful",
            "unconstitutional", "guy", "regime", "aggressor", "occupier", "nutter"}
_PRAISE = {"friend", "ally", "partner", "hero", "champion", "leader", "brother", "model",
           "great", "brave", "wise", "courageous", "excellent", "outstanding"}


_INSULT_ROW = Trigger(kind="V", lemma="call", particle=None, cameo="111", preps=frozenset())
_PRAISE_ROW = Trigger(kind="V", lemma="call", particle=None, cameo="051", preps=frozenset())


_NAMING_VERBS = {"call", "brand", "label", "dub"}


_DISPUTE_ROW = Trigger(kind="V", lemma="clash", particle=None, cameo="110",
                      preps=frozenset({"with", "over"}))


def _verbal_clash(verb: Token) -> bool:
    """A clash of words: with a view, a claim or a policy ("clashed with Trump's
    assessment"), or between two people named ("the ambassador clashed with Trump")."""
    others = _prep_objects(verb, frozenset({"with"}))
    subjects = _children(verb, {"nsubj"})
    if any(p.lower_ == "over" and any(not _actor_like(o) for o in _children(p, {"pobj"}))
           for p in _children(verb, {"prep"})) and not any(
            s.lemma_.lower() in _FORCES | _ARMED_PEOPLE for s in subjects) and (
            any(p.lower_ == "in" and any(o.lower_ == "public" for o in _children(p, {"pobj"}))
                for p in _children(verb, {"prep"}))
            or any(c.lower_ in ("publicly", "openly", "verbally") for c in verb.children)):
        return True  # "Erdogan and Putin clashed in public over the ceasefire": words
    if any(o.pos_ == "NOUN" and not _actor_like(o) and o.lemma_.lower() not in PEOPLE
           and o.tag_ != "NNS" for o in others):
        return True  # "clashed with Trump's assessment" (not "with smugglers")
    def person(t: Token) -> bool:
        return (t.ent_type_ == "PERSON" and t.pos_ == "PROPN") or t.lemma_.lower() in _CALLED_PEOPLE
    # "the Tennessee Republican clashed with Trump": with a person named, unless armed men
    # clash with him; "the ambassador clashed with X": one person, unarmed, argues
    unarmed = not any(s.lemma_.lower() in _FORCES | _ARMED_PEOPLE for s in subjects)
    one = bool(subjects) and all(
        (person(s) or s.lemma_.lower() in _TITLES | _PARTY_MEMBERS) and s.tag_ in ("NN", "NNP")
        and len(_conjuncts(s)) == 1 for s in subjects)
    return bool(others) and unarmed and (all(map(person, others)) or one)


# Members of a party, each one person: "the Tennessee Republican".
_PARTY_MEMBERS = {"republican", "democrat", "conservative", "liberal", "socialist", "tory",
                  "senator", "congressman", "congresswoman", "lawmaker", "legislator", "mp"}


# Armed men, whose clash with anyone is a fight.
_ARMED_PEOPLE = {"gunman", "militant", "fighter", "rebel", "insurgent", "soldier",
                 "guard", "policeman", "officer", "jihadist", "militiaman", "attacker"}


# Words of markets and money that make a trigger verb an economic one: "exports rallied",
# "it was charging its official price", "the Fed will ease".
_MARKET_THINGS = {"price", "fee", "rate", "interest", "premium", "tax", "tariff", "cent",
                  "dollar", "export", "import", "share", "stock", "market", "currency",
                  "bond", "yield", "index", "output", "demand", "supply", "sale", "profit",
                  "earnings", "cost", "future"}


def _no_act(verb: Token, row: Trigger) -> bool:
    """Whether a trigger verb is used in a sense that is no political act: markets ("exports
    rallied", "charging its official price", "the Fed will ease"), what a measure says ("a law
    that targets Americans"), esteem ("widely respected"), support gathered ("rallied its
    followers")."""
    lemma = verb.lemma_.lower()
    subjects = _children(verb, {"nsubj"})
    objects = _children(verb, {"dobj"})
    if lemma == "rally" and (any(s.lemma_.lower() in _MARKET_THINGS or s.ent_type_ in (
            "MONEY", "PERCENT") for s in subjects) or any(
            o.lemma_.lower() in _RALLIED for o in _children(verb, {"dobj"}))):
        return True  # "exports rallied", "rallied its followers": no protest
    if lemma == "charge" and (any(o.lemma_.lower() in _MARKET_THINGS or o.ent_type_ == "MONEY"
                                  or _money(o)
                                  # "charging migrants 3,000 euros": the sum after the payer
                                  or any(_money(m) for m in _children(o, {"dobj", "appos"}))
                                  for o in _children(verb, {"dobj"}))
                              # "the price it charges customers": the price is what is charged
                              or verb.dep_ == "relcl" and verb.head.lemma_.lower() in _MARKET_THINGS):
        return True
    if verb.dep_ == "relcl" and any(s.lemma_.lower() in _REL_PRONOUNS for s in subjects):
        subjects = [verb.head]
    if (row.cameo[:2] in ("18", "19", "20") or lemma in ("allow", "permit", "enable")) and any(
            s.lemma_.lower() in _MEASURES for s in subjects + _agents_of_passive(verb)) or (
            row.cameo[:2] in ("18", "19") and (agents := subjects + _agents_of_passive(verb))
            and all(s.lemma_.lower() in _MARKET_THINGS | {"competition", "dumping"}
                    for s in agents)):
        # "a law that targets Americans", "UK law allows Britain to revoke citizenship": what
        # a measure says, not an act
        return True
    if lemma in ("allow", "permit", "enable", "let") and subjects and not any(
            _actor_like(t) or t.pos_ in ("PROPN", "PRON") for s in subjects for t in s.subtree):
        return True  # "the reduction in air attacks allowed Iran's output to reach": a cause
    if lemma in ("offer", "sell", "issue") and any(
            o.lemma_.lower() in _MARKET_THINGS | _SECURITIES for o in _children(verb, {"dobj"})):
        return True  # "offering 220,838 shares of stock", "offers good liquidity": business
    if lemma == "offer" and any(o.lemma_.lower() in _PRODUCTS for o in _children(verb, {"dobj"})):
        return True  # "would offer a bill", "is offering a new health system": no pledge
    if lemma == "lift" and row.particle is None and objects and not any(
            o.lemma_.lower() in _LIFTED_THINGS or _actor_like(o) or o.pos_ == "PROPN"
            for o in objects):
        return True  # "to lift real economic growth", "lifted the lid": nothing eased
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "advmod")}
    if lemma == "lift" and "off" in particles:
        return True  # "the rocket lifted off": a launch
    if lemma == "shoot" and "up" in particles and (not objects or all(
            o.pos_ == "NUM" or o.ent_type_ in ("MONEY", "PERCENT", "CARDINAL") for o in objects)):
        return True  # "shares of ChemLawn shot up": a price rose
    if (lemma in ("speak", "talk") and verb.tag_ == "VBG" and verb.dep_ == "advcl"
            and verb.i < verb.head.i and not _prep_objects(verb, frozenset({"with", "to"}))):
        return True  # "Speaking from the camp, she said ...", "Speaking on BBC Radio 4"
    if lemma == "station" and any(c.dep_ == "auxpass" for c in verb.children) or (
            lemma == "station" and verb.dep_ == "acl" and verb.tag_ == "VBN"):
        return True  # "troops stationed in Syria", "the base where he was stationed": a state
    if lemma == "demonstrate" and objects:
        return True  # "demonstrating Russia's new clout": shown, no protest
    if lemma == "defend" and row.cameo[:2] == "05" and (any(
            o.lemma_.lower() in _DEFENDED_GROUND for o in objects) or any(
            o.lemma_.lower() in _ATTACKS for o in _prep_objects(verb, frozenset({"from", "against"})))):
        return True  # "as they defend their homeland from Turkish attack": armed, not words
    if row.cameo[:2] == "04" and not objects and not _prep_objects(
            verb, frozenset({"with"})) and subjects and all(
            s.lemma_.lower() in _CORPORATE_BODIES for s in subjects):
        return True  # "shareholders will meet on April 12": a company's own business
    if lemma in ("ease", "defuse", "calm", "reduce", "lower") and objects and all(
            o.lemma_.lower() in ("tension", "fear", "concern", "worry", "anxiety") for o in objects):
        return True  # "the release eased tensions": an effect, no concession
    if lemma in ("resist", "reject") and objects and all(
            o.lemma_.lower() in ("temptation", "urge", "impulse") for o in objects):
        return True  # "resisted the temptation to cut prices"
    if lemma == "summon" and objects and all(
            o.lemma_.lower() in _CONVENED for o in objects):
        return True  # "summoned an emergency cabinet meeting": a meeting called, no protest
    if lemma == "insist" and not objects and (said := _children(verb, {"ccomp"})) and all(
            c.tag_ in ("VBD", "VBZ", "VBP") or any(
                a.dep_ in ("aux", "auxpass") and a.lower_ in _TENSED_AUX for a in c.children)
            for c in said):
        return True  # "insisted the ceasefire did not apply": an assertion, no demand
    if lemma in ("demand", "ask", "want") and any(
            x.lemma_.lower() in ("know", "learn") for x in _children(verb, {"xcomp"})):
        return True  # "demanded to know why": a question
    if lemma in ("ask", "pose", "raise") and objects and all(
            o.lemma_.lower() == "question" for o in objects):
        return True  # "militiamen were asking questions"
    if lemma in ("offer", "sell", "issue") and any(
            p.lemma_.lower() in _MARKET_THINGS | _SECURITIES
            for o in objects if _money(o) for p in _prep_objects(o, frozenset({"of"}))):
        return True  # "offering 100 mln dlrs of notes"
    if lemma in ("downgrade", "upgrade") and any(
            _money(t) or t.lemma_.lower() in _RATED for o in objects
            for t in (o, *_prep_objects(o, frozenset({"of"})))):
        return True  # "downgraded 50 mln dlrs of debt": a credit rating
    if lemma == "target" and (_children(verb, {"xcomp"}) or any(
            o.lemma_.lower() in _MARKET_THINGS | _MONETARY | {"growth", "inflation"}
            for o in objects)):
        return True  # "the central bank is targeting money supply to grow"
    if lemma in ("supply", "deliver", "ship", "sell") and (any(
            (o.ent_type_ == "PERCENT" or o.lemma_.lower() in ("pct", "percent")) and any(
                p.lemma_.lower() in _NEEDS for p in _prep_objects(o, frozenset({"of"})))
            for o in objects)
            or any(p.lemma_.lower() in _BUYERS for p in _prep_objects(verb, frozenset({"to"})))):
        return True  # "supplied 97 pct of German requirements", "delivered cars to markets"
    if lemma == "respect" and not _children(verb, {"dobj"}):
        return True  # "widely respected as a soldier": esteem, not an act of support
    if lemma == "decline" and not any(
            c.dep_ in ("xcomp", "ccomp", "dobj", "nsubjpass") for c in verb.children):
        return True  # "oil reserves declined in 1986": fell, no one refused
    if lemma == "decline" and not _children(verb, {"xcomp", "ccomp"}) and any(
            _quantity(o) for o in objects + _children(verb, {"npadvmod"})):
        return True  # "its load factor declined 1.6 pct", "declined 6.7 billion marks"
    if lemma in ("offer", "sell", "issue") and objects and all(
            o.pos_ == "NUM" for o in objects):
        return True  # "it is offering 2,050,000 (shares)"
    if lemma in ("support", "back", "prop") and objects and all(
            o.lemma_.lower() in _MARKET_THINGS | _CURRENCIES | {"yen", "sterling", "mark"}
            for o in objects):
        return True  # "central banks were supporting the dollar"
    if lemma in ("supply", "inject", "add", "drain", "provide") and objects and all(
            o.lemma_.lower() in _MONETARY | {"reserve", "fund", "cash"} for o in objects):
        return True  # "the Fed will supply temporary reserves"
    if lemma in ("provide", "give", "offer", "extend") and _market_operation(verb):
        return True  # "provided assistance to the money market": market operations
    if lemma == "accept" and row.particle is None and (taken := objects or (
            [verb.head] if verb.dep_ == "amod" else [])) and all(
            o.lemma_.lower() in _TRADED or _money(o) for o in taken):
        return True  # "accepted bids", "accept deposits in dollars"
    # "the Fed will ease", "ease its credit policy": monetary policy, not a concession
    return row.particle is None and (lemma == "ease" and not objects or lemma in (
        "ease", "loosen", "relax") and objects and all(o.lemma_.lower() in _MONETARY
                                                      for o in objects))


# Verbs that give an amount: "its loans to Brazil were 504 mln dlrs".
_AMOUNTING_VERBS = {"be", "total", "amount", "stand", "reach", "exceed", "top"}
# A company's own bodies, whose meetings are its business: "the shareholders meeting".
_CORPORATE_BODIES = {"shareholder", "shareholders", "stockholder", "stockholders", "board",
                     "director", "directors"}
# What banks do with a deal: "co-managed the deal".
_DEAL_MAKERS = {"manage", "co-manage", "comanage", "handle", "underwrite", "arrange", "price",
                "advise", "lead", "finance"}
# Arms whose use is an attack wherever it is told: "used chemical weapons".
_BANNED_ARMS = {"chemical", "nuclear", "biological", "banned", "illegal", "prohibited",
                "poison", "incendiary", "cluster"}
# Verbs of judging what someone else decided: "criticised the decision to leave".
_JUDGING_VERBS = {"warn", "criticise", "criticize", "condemn", "question", "welcome", "slam",
                  "praise", "denounce", "oppose", "challenge", "reject", "dispute", "applaud",
                  "hail", "decry", "lament", "regret", "attack", "blast"}
# Verbs of keeping someone from harm: "protect civilians from attack".
_PROTECTING_VERBS = {"defend", "protect", "shield", "guard", "save", "safeguard", "shelter"}
# Verbs of seeing something as something: "what it sees as a threat".
_SEEING_AS_VERBS = {"see", "regard", "view", "consider", "perceive", "deem", "treat"}
# Whom an exclamation thanks: "Thank God".
_DEITIES = {"god", "allah", "goodness", "heaven", "heavens", "lord"}
# Those given refuge: "received thousands of refugees".
_REFUGE_TAKERS = {"refugee", "migrant", "asylum-seeker", "seeker", "evacuee", "immigrant"}


def _given_refuge(verb: Token) -> bool:
    """Whether the verb's object is people given refuge: "received thousands of refugees"."""
    return any(t.lemma_.lower() in _REFUGE_TAKERS
               for o in _children(verb, {"dobj", "nsubjpass"})
               for t in (o, *_prep_objects(o, frozenset({"of"}))))


# Ground held by arms: "defend their homeland", "defended the town against Isis".
_DEFENDED_GROUND = {"homeland", "territory", "land", "town", "city", "village", "border",
                    "frontier", "base", "home", "soil", "airspace", "outpost"}
# Attacks fended off: "defend ... from Turkish attack".
_ATTACKS = {"attack", "assault", "offensive", "invasion", "incursion", "aggression", "raid",
            "bombardment", "onslaught"}
# What is summoned that is no one: "summoned an emergency cabinet meeting".
_CONVENED = {"meeting", "session", "summit", "conference", "cabinet", "council", "parliament",
             "assembly", "committee"}
# Auxiliaries of a stated fact, not a wish: "insisted the ceasefire did not apply".
_TENSED_AUX = {"did", "does", "do", "was", "were", "is", "are", "has", "have", "had", "will"}
# What credit agencies rate: "downgraded the debt of".
_RATED = {"debt", "rating", "outlook", "bond", "note", "debenture", "security", "stock",
          "share", "paper", "forecast", "estimate", "recommendation"}
# What a share of supplies is counted in: "supplied 97 pct of German requirements".
_NEEDS = {"requirement", "need", "demand", "import", "consumption", "market", "supply",
          "output", "purchase"}
# Whom goods are sold to: "delivered 981,000 vehicles to European markets".
_BUYERS = {"market", "customer", "dealer", "buyer", "consumer", "retailer", "shop", "store",
           "client", "refinery", "utility"}
# What is offered that pledges nothing: bills put forward, goods for sale.
_PRODUCTS = {"bill", "amendment", "product", "service", "system", "discount", "line", "model",
             "range", "feature", "course", "menu", "computer", "phone", "device", "vehicle",
             "car", "software", "card", "account", "fare", "version"}
# What is lifted when a restriction is eased: "lifted the curfew", "lift the siege".
_LIFTED_THINGS = {"sanction", "ban", "embargo", "restriction", "blockade", "siege", "curfew",
                  "boycott", "order", "state", "law", "measure", "tariff", "quota", "moratorium",
                  "suspension", "freeze", "cap", "limit", "veto", "lockdown", "closure",
                  "control", "barrier", "immunity", "hold", "objection", "requirement", "rule",
                  "regulation", "emergency", "prohibition", "penalty", "duty", "visa", "travel"}
# What companies offer to investors and buyers.
_SECURITIES = {"note", "debenture", "security", "unit", "liquidity", "product", "obligation",
               "certificate", "paper", "preferred", "debt",
               "service", "discount", "dividend", "coupon", "bid", "loan", "credit", "rate"}
# Issues of money that banks arrange: "the mandate to arrange a bond issue".
_ISSUES = {"bond", "issue", "facility", "offering", "financing", "placement", "eurobond"}
# What is rallied when support is gathered: "rallied its followers", "rallied support".
_RALLIED = {"support", "supporter", "follower", "troop", "voter", "base", "ally", "force",
            "backing", "member", "nation", "party", "opinion", "morale"}
# Measures that "target" or "hit" people without force.
_MEASURES = {"law", "policy", "sanction", "measure", "rule", "bill", "regulation", "tax",
             "tariff", "reform", "plan", "proposal", "decree", "legislation", "ban",
             "restriction", "embargo", "investigation", "probe", "campaign", "order", "act"}


def _agents_of_passive(verb: Token) -> list[Token]:
    """Who did it, in a passive: "arrested by the police"."""
    return [p for a in _children(verb, {"agent"}) for p in _children(a, {"pobj"})]


# What is agreed when an agreement is reached rather than an act promised.
_SETTLEMENT_NOUNS = {"deal", "agreement", "text", "term", "approach", "plan", "proposal",
                     "framework", "roadmap", "accord", "treaty", "draft", "formula",
                     "compromise", "settlement", "declaration", "communique", "arrangement",
                     "protocol", "pact", "blueprint", "budget"}
_SETTLED_ROW = Trigger(kind="V", lemma="agree", particle=None, cameo="057",
                       preps=frozenset({"with", "between"}))


def _settled(verb: Token) -> Trigger | None:
    """"agreed on the text of a deal", "agreed to the peace plan": an agreement reached, a
    policy approved (PLOVER SUPPORT), not a promise ("agreed to withdraw" is one)."""
    if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return None
    agreed = [o for o in _prep_objects(verb, frozenset({"on", "to", "upon"}))
              + (_children(verb, {"dobj"}) if verb.lemma_.lower() != "agree" else [])
              if o.lemma_.lower() in _SETTLEMENT_NOUNS
              # "accepted the proposal to meet": a promise of that act
              and not any(c.dep_ in ("acl", "relcl") and _infinitive(c) for c in o.children)]
    return _SETTLED_ROW if agreed else None


def _market_operation(verb: Token) -> bool:
    """Whether the verb's "to" or "in" names a money market or the banking system: "provided
    assistance to the money market" is a central bank's daily operation, no aid."""
    return any(o.lemma_.lower() in ("market", "system") and any(
                   c.lemma_.lower() in ("money", "banking", "interbank", "credit")
                   for c in o.children)
               for o in _prep_objects(verb, frozenset({"to", "in"})))


def _mass_demand(noun: Token) -> bool:
    """Demand as a mass noun, the market's: "to meet demand from investors", "continuing
    demand from brokers" (one asking makes a demand or demands: "met the demand from X")."""
    return (noun.lemma_.lower() == "demand" and noun.tag_ == "NN"
            and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)
            and not any(c.dep_ in ("compound", "amod")
                        and (c.ent_type_ in _ACTOR_ENTS or _actor_like(c)) for c in noun.children)
            and not _prep_objects(noun, frozenset({"of", "by", "that"})))


def _market_demand(noun: Token) -> bool:
    """Demand in the market's sense: for goods ("the demand for barges"), of a kind ("feed
    demand", "strong demand"), not made by anyone."""
    if _mass_demand(noun):
        return True
    if (any(c.dep_ == "poss" for c in noun.children)
            or _prep_objects(noun, frozenset({"from", "by"}))):
        return False
    goods = [o for o in _prep_objects(noun, frozenset({"for"})) if not _actor_like(o)
             and o.ent_type_ not in _ACTOR_ENTS and o.pos_ == "NOUN"]
    kinds = [c for c in noun.children if c.dep_ in ("compound", "amod")
             and not (c.ent_type_ in _ACTOR_ENTS or _actor_like(c))]
    return bool(goods or kinds) and not any(
        c.dep_ == "acl" or c.dep_ == "prep" and c.lower_ == "that" for c in noun.children)


_CONTESTED = {"bid", "takeover", "offer", "proposal", "charge", "allegation", "case", "lawsuit",
              "claim", "ruling", "decision", "move", "plan", "extradition", "deportation",
              "attempt", "effort", "law", "measure", "resolution", "bill", "policy", "order"}
_RESIST_ROW = Trigger(kind="V", lemma="fight", particle=None, cameo="120", preps=frozenset())


# Instruments one signs alone: "signed an executive order", not an agreement with anyone.
_LAW_NOUNS = {"order", "decree", "law", "bill", "legislation", "ordinance", "proclamation",
              "directive", "memorandum", "warrant"}
# The goods whose giving is aid: relief (073) and arms (072); the verbs of giving are
# _GIVING_VERBS, below.
_RELIEF_GOODS = {"tent", "blanket", "vaccine", "dose", "ventilator", "mask", "medicine", "drug",
                 "food", "wheat", "rice", "grain", "flour", "water", "fuel", "generator",
                 "ambulance", "vehicle", "truck", "shelter", "kit", "ration", "clothing",
                 "clothes", "oxygen", "relief", "supplies", "hospital", "seed", "fertilizer",
                 "fertiliser", "bed", "test", "oil", "gas", "electricity", "textbook"}
_ARMS = {"weapon", "arm", "ammunition", "missile", "rocket", "tank", "jet", "helicopter",
         "drone", "rifle", "artillery", "howitzer", "munition", "warship", "aircraft",
         "armour", "armor", "shell", "launcher"}


def _gift(verb: Token) -> Trigger | None:
    """Goods given to someone: relief or arms ("provided tents to X", "shipped rifles to
    X", "Ukraine was given air defence systems by Germany"); None for anything else given
    (words, signals, chances)."""
    goods = _children(verb, {"dobj", "nsubjpass"})
    if not goods:
        return None
    passive_dative = bool(_children(verb, {"dobj"}) and _children(verb, {"nsubjpass"})
                          and _children(verb, {"agent"}))
    if not (_prep_objects(verb, frozenset({"to", "for"})) or _children(verb, {"dative"})
            or passive_dative or verb.lemma_.lower() in ("donate", "airlift")
            or len(_children(verb, {"dobj"})) == 2):
        return None
    lemmas = [g.lemma_.lower() for g in goods]
    if verb.lemma_.lower() == "give" and lemmas == ["ammunition"]:
        return None  # "gave fresh ammunition to critics": the idiom
    if any(g in _ARMS for g in lemmas) or any(
            c.lemma_.lower() in _ARMS | {"defence", "defense"} and c.dep_ in ("compound", "amod")
            for g in goods for c in g.children):
        return Trigger(kind="V", lemma=verb.lemma_.lower(), particle=None, cameo="072",
                       preps=frozenset({"to", "for", "nodobj"}))
    if any(g in _RELIEF_GOODS for g in lemmas):
        return Trigger(kind="V", lemma=verb.lemma_.lower(), particle=None, cameo="073",
                       preps=frozenset({"to", "for", "nodobj"}))
    if (any(_money(g) for g in goods) and verb.lemma_.lower() in _FUNDING_VERBS
            # someone it is given to ("allocated $40m for capital spending" is budgeting)
            and any(_actor_like(r) or r.pos_ == "PROPN" or r.lemma_.lower() in PEOPLE
                    for r in (*_prep_objects(verb, frozenset({"to", "for"})),
                              *_children(verb, {"dative"}), *_children(verb, {"dobj"})))):
        # "awarded the families $5 million", "gave $2 billion to Egypt": money given
        return Trigger(kind="V", lemma=verb.lemma_.lower(), particle=None, cameo="071",
                       preps=frozenset({"to", "for", "nodobj"}))
    return None


# Verbs of force, whose warning is a threat whoever is named as using it.
_FORCE_WARNED = {"attack", "bomb", "strike", "hit", "invade", "retaliate", "respond", "fire",
                "launch", "shoot", "destroy", "target", "punish", "crush", "use", "act",
                "intervene", "move", "seize", "occupy", "expel", "sanction", "arrest"}
# What a warning "of" threatens, when it threatens: "warned of retaliation".
_THREAT_WARNED = {"retaliation", "response", "consequence", "reprisal", "action", "measure",
                  "sanction", "punishment", "price", "force", "strike", "step", "countermeasure",
                  "revenge", "attack", "reaction", "repercussion", "operation", "offensive"}
# What befalls whom a warning is aimed at: "warned that Turkey would face sanctions".
_CONSEQUENCES = {"face", "pay", "suffer", "regret", "bear", "feel", "receive", "get", "meet"}
# How a proposal is received: "met with resistance".
_RECEPTIONS = {"resistance", "opposition", "criticism", "approval", "scepticism", "skepticism",
               "success", "failure", "silence", "disapproval", "derision", "anger", "outrage",
               "indifference", "enthusiasm", "support", "hostility", "response", "reaction",
               "acclaim", "protest", "objection", "backlash", "ridicule", "suspicion", "delay"}
# Who goes on strike, and where: "union members struck the plant".
_WORKFORCE = {"worker", "employee", "member", "miner", "union", "docker", "teacher", "nurse",
              "autoworker",
              "driver", "staff", "pilot", "machinist", "steelworker", "autoworker", "laborer",
              "labourer", "crew", "unionist"}
_WORKPLACES = {"plant", "factory", "mill", "mine", "refinery", "port", "dock", "yard",
               "shipyard", "warehouse", "site", "facility", "line", "company", "firm",
               "employer", "hospital", "school", "railway", "railroad", "airline"}
_STRUCK_WORK_ROW = Trigger(kind="V", lemma="strike", particle=None, cameo="143",
                       preps=frozenset({"against", "at", "over"}))
# Monetary policy, whose easing is no concession: "ease credit policy".
_MONETARY = {"policy", "credit", "rate", "money", "liquidity", "stance", "lending"}
# What a bank or a market accepts: "accepted bids", "accept deposits".
_TRADED = {"bid", "deposit", "order", "tender", "payment", "cheque", "check", "card",
           "currency", "reservation", "booking", "share", "bond", "security"}
# Object pronouns for people: "gave her £20".
_PERSONAL_OBJECTS = {"her", "him", "me", "us", "you"}
# Verbs by which money given is aid (not "sent", "shipped" or "transferred", which may be
# payments); "paid" is a price.
_FUNDING_VERBS = {"give", "provide", "donate", "award", "grant", "allocate", "contribute"}


def _quantity(token: Token) -> bool:
    """Whether a noun is an amount: "1.6 pct", "two cts", "6.7 billion marks"."""
    return (token.pos_ == "NUM" or token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY")
            or token.lemma_.lower() in ("pct", "percent", "cts", "point", "basis")
            and any(c.dep_ == "nummod" or c.like_num for c in token.children) or _money(token))


def _money(token: Token) -> bool:
    """Whether a noun is a sum of money: "$5 million", "10 million euros", "a sum"."""
    lemma = token.lemma_.lower()
    return (token.ent_type_ == "MONEY" and (lemma in _CURRENCIES or token.like_num
                                          or lemma in ("million", "billion", "trillion",
                                                       "mln", "bln"))
            or lemma in _CURRENCIES and any(c.like_num for c in token.subtree))


def _misparsed_verb(token: Token) -> bool:
    """A verb the tagger took for a noun at the root of its sentence, with an object and a
    name before it: "The EU cut funding to X", headlines' "Pakistan expels Afghan diplomats",
    "Biden hosts Japanese premier" (the object taken for an apposition)."""
    return (token.pos_ == "NOUN" and token.dep_ == "ROOT"
            and bool(_children(token, {"dobj"}) or _appositive_objects(token))
            and bool(_misparsed_subjects(token)))


def _misparsed_subjects(token: Token) -> list[Token]:
    """The names before a verb taken for a noun: its subjects."""
    return [c for c in token.children if c.dep_ in _MISPARSED_SUBJ and c.i < token.i
            and (c.ent_type_ in _ACTOR_ENTS or c.pos_ == "PROPN")]


_MISPARSED_SUBJ = {"compound", "nmod", "amod", "nsubj"}


def _appositive_objects(token: Token) -> list[Token]:
    """Objects the parser took for appositions of their verb."""
    return [c for c in token.children if c.dep_ == "appos" and c.i > token.i]


def _missile_test(verb: Token) -> bool:
    """A missile fired at no one: into the sea, or in a test."""
    targets = _prep_objects(verb, frozenset({"at", "on", "into", "against", "toward", "towards"}))
    if targets and all(t.lemma_.lower() in ("sea", "water", "ocean") for t in targets):
        return True
    return not targets and any(t.lemma_.lower() in ("test", "trial") for t in verb.sent)


# Who speaks for a state: its protests are complaints, not demonstrations.
_STATE_VOICES = {"government", "ministry", "embassy", "administration", "ambassador",
                 "minister", "president", "kremlin", "cabinet"}
_COMPLAINT_ROW = Trigger(kind="V", lemma="protest", particle=None, cameo="114",
                         preps=frozenset({"to", "with"}))
_HOSTED_ROW = Trigger(kind="V", lemma="welcome", particle=None, cameo="043", preps=frozenset())
_TEST_FIRED_ROW = Trigger(kind="V", lemma="fire", particle=None, cameo="150", preps=frozenset())
_ADVERB_PARTICLES = {"out", "off", "up", "down", "back", "away"}
_WALKOUT_ROW = Trigger(kind="V", lemma="walk", particle="out", cameo="143",
                       preps=frozenset({"against"}))


# Acts one approves by sanctioning them: "sanctioned the move".
_SANCTIONED_ACTS = {"move", "plan", "operation", "attack", "strike", "use", "deal", "decision",
                    "killing", "raid", "policy", "action", "measure", "step", "sale", "transfer"}
# Heads of phrases naming an office: "dismissed the head of the army".
_TITLES = _CALLED_PEOPLE | {"head", "chief", "commander", "governor", "director", "mayor",
                            "general", "spokesman", "prosecutor", "judge", "deputy"}
# Verbs of aspect, whose complement is the act: "keep attacking", "continue fighting".
_ASPECT_VERBS = {"keep", "continue", "resume", "start", "begin", "carry"}
# Texts that can be voted down, and the verbs that do it: "vetoed a resolution condemning X".
_DOCUMENT_NOUNS = {"resolution", "motion", "bill", "draft", "text", "statement", "declaration",
                   "proposal", "amendment"}
_VETOING_VERBS = {"veto", "block", "reject", "defeat", "oppose", "kill"}
# What is released without anyone being set free: "released a statement", "released water".
_RELEASED_THINGS = {"water", "statement", "report", "data", "figure", "video", "footage", "image",
                    "photo", "photograph", "album", "film", "song", "book", "detail", "result",
                    "information", "document", "list", "transcript", "recording", "audio",
                    "emission", "gas", "oil", "reserve", "fund", "money", "tranche", "payment",
                    "plan", "budget", "version", "update", "guideline", "draft", "text",
                    "communique", "declaration", "study", "survey", "poll", "forecast",
                    "earnings", "profit", "balloon", "pressure", "energy", "radiation",
                    "account", "readout", "finding", "evidence", "record", "letter", "note"} | (
                        # goods put on the market: "released no sugar for export"
                        _RELIEF_GOODS | {"sugar", "stock", "supply", "tonne", "ton", "grain",
                                         "crop", "product", "cash", "estimate"})
# Those spoken to in a statement to the public: "speaking to reporters".
_PRESS = {"reporter", "journalist", "press", "media", "newspaper", "broadcaster", "television",
          "radio", "audience", "crowd", "supporter", "correspondent", "interviewer", "outlet",
          "channel", "podcast", "conference", "briefing", "rally"}
# What is fired at someone: "fired shots at", "fired tear gas at".
_MUNITIONS = {"shot", "round", "bullet", "gas", "rocket", "missile", "shell", "mortar", "grenade",
              "canister", "cannon", "volley", "salvo", "warning", "weapon", "gun", "drone"}


_CURRENCIES = {"dollar", "euro", "pound", "yuan", "yen", "rouble", "ruble", "rupee", "franc",
               "lira", "real", "peso", "riyal", "dirham", "naira", "rand", "won", "shekel",
               "dlr", "dlrs", "stg", "guilder", "krona", "krone", "schilling", "peseta",
               "drachma", "escudo", "baht", "ringgit", "rupiah", "dinar", "zloty", "forint",
               "koruna", "hryvnia", "tenge", "cedi", "kwacha", "shilling"}
# (as wires write dollars and sterling)
_ENVOYS = {"ambassador", "diplomat", "envoy", "attache", "consul", "journalist",
           "correspondent", "reporter", "mission", "delegation", "inspector", "observer"}
# What a government freezes: "froze the assets of", "froze aid to", "froze talks".
_FROZEN_THINGS = {"asset", "account", "fund", "funding", "money", "aid", "payment", "talk",
                  "relation", "tie", "contact", "cooperation", "programme", "program", "deal",
                  "membership", "loan", "grant", "transfer", "export", "import", "visa",
                  "construction", "settlement", "project", "property", "holding", "reserve",
                  "budget", "assistance", "negotiation", "process", "plan", "deposit",
                  "recruitment", "hiring", "wage", "price", "salary", "activity", "operation"}
# Dangers one warns of without threatening anyone: "warned of a humanitarian catastrophe".
_HARDSHIPS = {"famine", "hunger", "starvation", "catastrophe", "disaster", "crisis", "shortage",
              "outbreak", "epidemic", "pandemic", "cold", "condition", "flood", "flooding",
              "drought", "collapse", "malnutrition", "cholera", "disease", "storm", "heatwave",
              "recession", "inflation", "bloodbath", "exodus", "emergency", "danger", "stake",
              # ("warned it could add to uncertainty over the guilder": a forecast)
              "uncertainty", "instability", "volatility", "turmoil"}


def _warned_of(verb: Token) -> list[Token]:
    """The nouns of what a warning is about: its "of" or "about" objects and the words of its
    "that" clause, not of clauses further down ("warned it will not stand by and watch an
    attack which could force an exodus" is about standing by)."""
    found = [o for p in _children(verb, {"prep"}) if p.lower_ in ("of", "about")
             for o in _children(p, {"pobj"})]
    stack = _children(verb, {"ccomp"})
    while stack:
        node = stack.pop()
        found.append(node)
        stack += [c for c in node.children
                  if c.dep_ not in ("relcl", "acl", "advcl", "conj", "ccomp")]
    return [t for t in found if t.pos_ == "NOUN"]


# What a custodial sentence is to: "to 15 years in prison", "to life", "to death".
_CUSTODIAL = {"prison", "jail", "year", "month", "life", "death", "imprisonment", "detention",
              "term", "camp", "custody", "gaol", "execution"}
# Verbs of ordering, whose "to leave" expels: "ordered the ambassador to leave".
_ORDERING_VERBS = {"order", "tell", "give", "instruct", "direct"}
_BENCH = {"court", "judge", "tribunal", "jury", "justice", "magistrate"}
_TALKS = {"mediation", "talk", "negotiation", "dialogue", "peace"}
# Verbs of removing from power, whose object is someone in power.
_OUSTING_VERBS = {"overthrow", "topple", "depose", "oust"}


def _verb_particles(token: Token) -> set[str]:
    """What a trigger verb governs, for the lexicon rows that differ by it: its particles
    and prepositions, and "n:" the nouns of its objects and of its prepositions."""
    # A particle follows its verb: "On Monday, X called Y" is no "call on".
    particles = {c.lemma_.lower() for c in token.children
                 if c.dep_ in ("prep", "prt", "agent") and c.i > token.i
                 and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)
                 # "gave $5 million in aid": after an object, "in" says in what form
                 and not (c.lower_ == "in" and c.dep_ == "prep" and _children(c, {"pobj"})
                          and any(o.i < c.i for o in _children(token, {"dobj"})))}
    # "miners walked out": an adverb particle right after its verb
    particles |= {c.lower_ for c in token.children if c.dep_ == "advmod"
                  and c.i == token.i + 1 and c.lower_ in _ADVERB_PARTICLES}
    # "called for the army to withdraw": the "for" parsed as the clause's marker
    # ("pushing hard for the government to propose": after the verb's adverbs)
    particles |= {"for" for comp in token.children if comp.dep_ in ("advcl", "ccomp")
                  for m in comp.children
                  if m.dep_ == "mark" and m.lower_ == "for" and m.i > token.i
                  and all(t.dep_ == "advmod" and t.head.i == token.i
                          for t in token.doc[token.i + 1:m.i])}
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += _second_objects(token)
    # "fired rubber bullets and tear gas": each thing the verb governs
    objects += [c for o in objects for c in _conjuncts(o)[1:]]
    particles |= {f"n:{c.lemma_.lower()}" for c in objects}
    # "ended mediation efforts": the event a packaging noun names.
    particles |= {f"n:{m.lemma_.lower()}" for c in objects
                  if c.lemma_.lower() in _EFFORT_NOUNS | _GOODS_NOUNS | _PACT_NOUNS
                  | _POINT_NOUNS
                  for m in c.children if m.dep_ == "compound"}
    # "hand over 40 percent of their arms", "released some of the prisoners": the
    # noun a part is of.
    particles |= {f"n:{o.lemma_.lower()}" for c in objects
                  if c.lemma_.lower() in _PART_NOUNS
                  # "forgave $500 million of Zambia's debt"
                  or c.ent_type_ in ("PERCENT", "CARDINAL", "MONEY")
                  for o in _prep_objects(c, frozenset({"of"}))}
    # "flew 20 tonnes of medicine into X", "handed over $2 million worth of equipment",
    # "sent a team of doctors and nurses": the goods or people a measure or a team is of
    particles |= {f"n:{g.lemma_.lower()}" for c in objects for g in _measured(c)}
    if token.lemma_.lower() == "strip":
        # "stripped 94 critics of their citizenship"
        particles |= {f"n:{o.lemma_.lower()}" for c in objects
                      for o in _prep_objects(c, frozenset({"of"}))}
    # "went on strike", "put its army on high alert": the noun of a preposition (not of
    # "in relation to", "in response to": a phrase of its own)
    particles |= {f"n:{o.lemma_.lower()}" for c in token.children if c.dep_ == "prep"
                  for o in c.children if o.dep_ == "pobj"
                  and not (c.lower_ == "in" and o.lemma_.lower() in ("relation", "response"))}
    return particles


def _second_objects(verb: Token) -> list[Token]:
    """A thing given that the parser hung elsewhere after a receiver and a comma: "granted
    the Department of State Services (DSS), permission to ..." (parsed as the verb's
    conjunct), "gave the prime minister, Ahmet Davutoglu, a formal mandate" (parsed as an
    apposition)."""
    receivers = _children(verb, {"dobj", "dative"})
    if not receivers or verb.lemma_.lower() not in _GIVING_VERBS:
        return []
    doc = verb.doc
    found = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN"
             and doc[c.left_edge.i - 1].text == "," and not _children(verb, {"cc"})
             and all(r.i < c.i for r in receivers)]
    for receiver in receivers:
        if not (_actor_like(receiver) or receiver.lemma_.lower() in PEOPLE):
            continue
        names = [a for a in _children(receiver, {"appos"}) if a.pos_ == "PROPN"]
        found += [a for a in (*_children(receiver, {"appos"}),
                              *(b for n in names for b in _children(n, {"appos"})))
                  if a.pos_ == "NOUN" and any(n.i < a.i for n in names)
                  and not _actor_like(a) and a.lemma_.lower() not in PEOPLE
                  and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in a.children)]
    return found


# Verbs that grant what someone asked for: "granted an injunction sought by X".
_GRANTING_VERBS = {"grant", "approve"}
# Participles of asking: "sought by", "requested by".
_ASKED_PARTICIPLES = {"seek", "request", "ask", "demand", "petition", "apply"}


def _asked_for(verb: Token) -> bool:
    """Whether the verb's object is what someone asked for: "granted the restraining order
    sought by the ACLU", "approved the extension requested by Britain"."""
    return any(acl.dep_ == "acl" and acl.tag_ == "VBN"
               and acl.lemma_.lower() in _ASKED_PARTICIPLES and _children(acl, {"agent"})
               for obj in _children(verb, {"dobj"}) for acl in obj.children)


def _granted_to_act(verb: Token) -> bool:
    """Whether "grant" gives someone leave to act: "granted Greece to postpone the payment"
    (someone, then what they may do, with no thing granted)."""
    objects = _children(verb, {"dobj", "dative"})
    return (len(objects) == 1 and (_actor_like(objects[0]) or objects[0].pos_ == "PROPN")
            and any(c.dep_ in ("advcl", "xcomp", "ccomp") and c.pos_ == "VERB" and _infinitive(c)
                    and c.i > objects[0].i for c in verb.children))


# Verbs that annul a decision or a measure: "revoked the order", "quashed the warrant".
_ANNULLING_VERBS = {"revoke", "rescind", "annul", "quash", "overturn"}


def _measure_against(verb: Token) -> bool:
    """Whether the verb's object is a measure against someone: "revoked PSA against them",
    "rescinded the warrant against him" (the object, or the verb, has "against" someone)."""
    objects = _children(verb, {"dobj"})
    return bool(objects) and any(
        o.pos_ == "PRON" or o.pos_ == "PROPN" or _actor_like(o) or o.lemma_.lower() in PEOPLE
        for h in (verb, *objects) for o in _prep_objects(h, frozenset({"against"})))


# Nouns of time that modify a verb bare: "last week", "this spring".
_TIME_NOUNS = {"year", "month", "week", "day", "night", "time", "spring", "summer", "autumn",
               "winter", "morning", "evening", "weekend"}
# People who move as private persons, not as a force or a government.
_PRIVATE_PEOPLE = {"civilian", "resident", "farmer", "villager", "family", "shepherd", "herder",
                   "refugee", "man", "woman", "child", "boy", "girl", "mother", "father", "son",
                   "daughter", "wife", "husband", "friend", "neighbour", "neighbor", "people",
                   "person", "survivor", "student", "worker", "shopkeeper", "fisherman"}


# A firm's offices and the firm itself: "resigned from the board", "resigned as a director".
_BOARDROOM = {"board", "director", "directorship", "company", "firm", "bank"}


def _boardroom(verb: Token) -> bool:
    """Whether a resignation is from a firm's board or management: the office left is a seat
    on a board or the firm ("resigned from its board", "is resigning as a director", "resigned
    from the bank"), or whoever resigns is named by a boardroom title ("president and chief
    executive Donald Carty", "board member Robert Weaver", "the company's board resigned").
    An office of someone named is kept: "resigned as director of the CIA", "the FBI director"."""
    offices = [o for p in _children(verb, {"prep"}) if p.lower_ in ("from", "as")
               for o in _children(p, {"pobj"})]
    if any(o.lemma_.lower() in _BOARDROOM and not any(
            c.dep_ in ("compound", "amod", "nmod") or c.dep_ == "prep" and c.lower_ == "of"
            or c.dep_ == "poss" and c.lower_ not in ("its", "their") for c in o.children)
           for o in offices):
        return True
    titles = [t for s in _children(verb, {"nsubj"}) for t in s.subtree if t.pos_ == "NOUN"]
    return any(t.lemma_.lower() == "board" or t.lemma_.lower() == "executive" and (
        t.i > 0 and t.nbor(-1).lower_ == "chief"
        or t.i + 1 < len(t.doc) and t.nbor().lower_ == "officer") for t in titles)


def _verb_sense(verb: Token, row: Trigger) -> Trigger | None:
    """The row for the sense a lexicon verb has here: None when it is no political act
    ("troops marched into the city", "accepted that Assad has survived", "exports rallied"),
    another row when the sense differs ("clashed with Trump's assessment" is disapproval,
    "fought a takeover bid" resistance, "agreed on the text of a deal" an agreement reached)."""
    lemma = verb.lemma_.lower()
    if lemma == "march" and _forces_moving(verb):
        return None
    if lemma == "resign" and _boardroom(verb):
        return None  # "has resigned from its board", "chief executive Donald Carty resigned"
    if row.particle == "n:mandate" and any(
            o.lemma_.lower() in _SECURITIES | _ISSUES
            for m in _children(verb, {"dobj"}) + _second_objects(verb)
            for clause in m.children if clause.dep_ in ("acl", "relcl", "advcl")
            for o in _children(clause, {"dobj"})):
        return None  # "gave Morgan Guaranty the mandate to arrange a loan": a bank's commission
    if lemma in ("target", "attack", "hit", "breach", "strike") and row.cameo[:2] in (
            "18", "19") and any(o.lemma_.lower() in _CYBER_THINGS or o.lemma_.lower() in (
                "network", "system") and any(c.lemma_.lower() in ("computer", "email", "it")
                                             for c in o.children) for o in _children(verb, {"dobj"})):
        return replace(row, cameo="170")  # "targeted the email accounts": a cyber attack
    if lemma in ("block", "stop", "halt", "repel", "thwart") and row.cameo[:2] in (
            "12", "08") and any(o.lemma_.lower() in _ATTACKS | {"advance"} and (
                _owners(o) or any(c.dep_ in ("amod", "compound") for c in o.children))
            for o in _children(verb, {"dobj"})) or any(
                # "halted the navy's attempt at a landing raid": the attack tried, held off
                o.lemma_.lower() in ("attempt", "bid", "effort") and any(
                    a.lemma_.lower() in _ATTACKS | {"advance"}
                    for a in _prep_objects(o, frozenset({"at", "of"})))
                for o in _children(verb, {"dobj"})):
        return replace(row, cameo="190")  # "blocked the Turkish army's advance": held by arms
    if lemma == "take" and row.particle == "n:action":
        # "the council vowed to take action against the cartel": coercion aimed at whoever
        # it is against ("take action on housing", "against climate change": no one aimed at)
        against = _prep_objects(verb, frozenset({"against"})) + [
            o for a in _children(verb, {"dobj"}) for o in _prep_objects(a, frozenset({"against"}))]
        if not any(_actor_like(o) or o.ent_type_ in ("GPE", "NORP", "ORG") for o in against):
            return None
        if any(c.lemma_.lower() in ("military", "armed") for a in _children(verb, {"dobj"})
               for c in a.children if c.dep_ in ("amod", "compound")):
            return replace(row, cameo="190")  # "took military action against the rebels"
    if (lemma == "defend" and row.cameo[:2] == "05" and any(
            o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in _DEFENDED_GROUND
            for o in _children(verb, {"dobj"}))
            and any(_actor_like(a) or a.pos_ == "PROPN"
                    for a in _prep_objects(verb, frozenset({"against"})))):
        # "defended Kobani against Isis": an armed defence, fought against the attackers
        return replace(row, cameo="190", preps=frozenset({"against", "nodobj"}))
    if lemma == "reinstate" and not any(
            o.ent_type_ == "PERSON" or _actor_like(o) or o.lemma_.lower() in _TITLES | _WORKFORCE
            for o in _children(verb, {"dobj", "nsubjpass"})):
        return None  # "reinstated the dividend", "the ban was reinstated": no one restored
    if lemma == "thank" and any(o.lower_ in _DEITIES for o in _children(verb, {"dobj"})):
        return None  # "Thank God, the identity is here": an exclamation
    if lemma in ("receive", "host", "admit", "welcome") and row.cameo[:2] in ("04", "05") and (
            _given_refuge(verb)):
        # "Jordan has received thousands of Syrian refugees", "camps set up to receive
        # refugees": refuge given, no visit hosted
        return replace(row, cameo="075")
    if lemma == "defend" and row.cameo[:2] == "05" and any(
            o.lemma_.lower() in _DEFENDED_GROUND | {"area", "stronghold", "enclave", "district"}
            or o.ent_type_ in ("GPE", "LOC", "FAC") and any(
                a.lemma_.lower() in _FORCES | {"fighter", "militant", "jihadist"}
                for a in _children(verb, {"nsubj"}) + _agents_of_passive(verb))
            for o in _children(verb, {"dobj", "nsubjpass"})):
        # "the area is defended by 400 fighters", "the army defended Kobani": ground held,
        # no one backed ("Russia defended Syria at the UN" is backing)
        return None
    if lemma in ("pull", "draw") and row.particle in ("back", "down") and (any(
            o.lemma_.lower() not in _FORCES | _MOVED_FORCES | {"presence", "personnel", "unit",
                                                             "contingent", "resource", "asset"}
            or _money(o) for o in _children(verb, {"dobj"})) or any(
            c.dep_ == "pcomp" for p in _children(verb, {"prep"}) for c in p.children)):
        return None  # "drew down cash deposits", "won't pull back from easing": no forces
    if row.cameo[:3] == "087" and any(o.lemma_.lower() in _ROLES for o in _prep_objects(
            verb, frozenset({"from"}))):
        return None  # "retreating from its role as global policeman": a policy, no forces
    if lemma == "strike" and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children) and any(
            t.lemma_.lower() in _MEASURES | _RULING_NOUNS for o in _children(verb, {"dobj", "nsubjpass"})
            for t in (o, *_prep_objects(o, frozenset({"of"})))):
        return replace(row, cameo="120", particle=None)  # "a judge struck down the policy"
    if lemma == "call" and verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and (
            _children(verb, {"oprd"}) or not _children(verb, {"aux", "auxpass", "nsubj"}) and all(
                o.pos_ == "PROPN" and o.text[:1].isupper()
                for o in _children(verb, {"dobj"}) or [verb])):
        return None  # "a brokerage service called Green Line": named
    if lemma == "sanction" and any(s.lemma_.lower() in _CORPORATE_BODIES | {"board", "director"}
                                   for s in _children(verb, _SUBJ) + _agents_of_passive(verb)):
        return None  # "the merger was sanctioned by the shareholders": approved
    if row.cameo[:2] in ("02", "10") and (subjects := _children(verb, _SUBJ)) and all(
            s.pos_ == "NOUN" and s.lemma_.lower() in _NEEDING_THINGS for s in subjects):
        return None  # "the problems call for a political solution": needed, asked by no one
    if lemma in ("press", "push") and any(c.dep_ in ("advmod", "prt") and c.lower_ in (
            "ahead", "on", "forward") for c in verb.children):
        return None  # "will press ahead with its plan": goes on with it, asks nobody
    objects = _children(verb, {"dobj"})
    if objects and not any(o.pos_ in ("PROPN", "PRON") or _actor_like(o)
                           or o.lemma_.lower() in PEOPLE for o in objects):
        if lemma == "invite" and row.cameo == "036":
            return None  # "the remarks invited ridicule", "invited bids": no one invited
        if lemma == "question" and row.cameo == "090":
            # "questioned the government's figures": doubted, not an inquiry into someone
            return replace(row, cameo="111")
        if lemma == "poison" and all(o.lemma_.lower() in _RELATIONS for o in objects):
            return None  # "the dispute poisoned relations": soured, no one poisoned
    if lemma in ("free", "release") and row.cameo[:3] == "084" and any(
            a.dep_ == "acl" and a.lemma_.lower() in ("hold", "kidnap", "abduct", "capture")
            and _children(a, {"agent"}) for o in _children(verb, {"dobj"}) for a in o.children):
        return replace(row, cameo="070")  # "freed hostages held by bandits": a rescue
    if row.particle in ("n:sentence", "n:penalty") and lemma == "seek" and any(
            m.lemma_.lower() in ("light", "lighter", "reduced", "shorter", "lenient", "suspended")
            for o in _children(verb, {"dobj"}) for m in o.children):
        return None  # "seeking a lighter sentence for its chief": a defence's plea
    if row.particle == "n:access" and row.cameo == "172" and not any(
            m.lemma_.lower() in _RESTRICTED_ACCESS for o in _children(verb, {"dobj"})
            if o.lemma_.lower() == "access" for m in o.children if m.dep_ in ("compound", "amod")):
        return None  # "cut internet access" restricts; "cut access to its archive" is no act
    if lemma == "use" and row.particle == "n:weapon" and not any(
            _prep_objects(t, frozenset({"against", "on"}))
            for t in (verb, *_children(verb, {"dobj"}))) and not any(
            m.lemma_.lower() in _BANNED_ARMS for o in _children(verb, {"dobj", "nsubjpass"})
            for m in o.children if m.dep_ in ("amod", "compound")):
        return None  # "use the weapons we gave you": only banned arms used are an attack
    if lemma == "oust" and row.cameo == "170" and any(
            o.ent_type_ in ("GPE", "LOC", "FAC") or _named_area(o)
            or o.lemma_.lower() in ("town", "city", "village", "region", "area", "territory",
                                    "stronghold", "province", "country", "enclave")
            for o in _prep_objects(verb, frozenset({"from"}))):
        return replace(row, cameo="190")  # "ousted Isis from Manbij": driven out by force
    if lemma in ("seize", "take", "grab") and row.cameo == "171" and any(
            o.lemma_.lower() in _TERRAIN | {"territory", "land", "area", "region", "province",
                                             "district", "enclave", "stronghold"}
            or o.ent_type_ in ("GPE", "LOC") for o in _children(verb, {"dobj", "nsubjpass"})):
        return replace(row, cameo="192")  # "seized territory in eastern Syria": occupied
    if lemma == "capture" and any(o.lemma_.lower() in ("video", "camera", "film", "tape", "cctv")
                                  for o in _prep_objects(verb, frozenset({"on"}))):
        return None  # "was captured on video taunting hijabis": filmed
    if lemma == "capture" and row.cameo[:2] == "19" and (taken := _children(
            verb, {"dobj", "nsubjpass"})) and all(
            o.ent_type_ == "PERSON" or o.lemma_.lower() in PEOPLE | _ARMED_PEOPLE
            or o.lower_ in ("him", "her", "them") or o.lower_.endswith("-old")
            for t in taken for o in _conjuncts(t)):
        return replace(row, cameo="173")  # "captured two British jihadists": taken captive
    if (lemma == "dispatch" and row.cameo[:2] == "15" and (sent := _children(verb, {"dobj"}))
            and all(o.lemma_.lower() in _TITLES | _SENT_TO_TALK
                    or o.lemma_.lower() == "staff" and o.head.lemma_.lower() == "chief"
                    for s in sent for o in _conjuncts(s))):
        # "dispatched its intelligence chief to Moscow": an envoy's visit, no force moved
        return replace(row, cameo="042", preps=frozenset({"to", "nodobj"}))
    if lemma == "turn" and row.particle == "on" and not any(
            _actor_like(o) or o.lemma_.lower() in _CROWD_PEOPLE for o in _prep_objects(
                verb, frozenset({"on"})) + _children(verb, {"dobj"})):
        return None  # "turned on the lights", "the debate turned on costs": no attack
    if lemma == "cut" and row.particle == "off" and any(
            o.lemma_.lower() in _SUPPLIES_CUT or any(m.lemma_.lower() in _RESTRICTED_ACCESS
                                                     for m in o.children)
            for o in _children(verb, {"dobj"})):
        return replace(row, cameo="172")  # "cut off internet access", "cut off electricity"
    if lemma == "break" and row.particle == "up" and not any(
            o.lemma_.lower() in _CROWDS | _CROWD_PEOPLE for o in _children(verb, {"dobj"})):
        return None  # "broke up the company", "the talks broke up": no crowd dispersed
    if (lemma in _DISPERSING_VERBS or lemma == "break" and row.particle == "up"
            ) and row.cameo == "175" and not force_on_crowd(verb.sent.text):
        # "police dispersed the protesters": a crowd made to leave, with no force told of, is
        # coercion (PLOVER: crowd control needs its weapons named)
        return replace(row, cameo="170")
    if lemma == "ask" and row.particle is None and (
            any(m.dep_ == "mark" and m.lower_ in ("if", "whether")
                for c in _children(verb, {"ccomp", "advcl"}) for m in c.children)
            or any(c.dep_ == "ccomp" and c.i < verb.i and c.head.i == verb.i
                   and verb.doc[c.right_edge.i + 1:verb.i].text.strip(" ,\"'“”") in ("", "?")
                   and "?" in verb.doc[c.left_edge.i:verb.i].text for c in verb.children)
            # ('"Where are they?" / she asks.': the question split off as its own sentence)
            or not any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "prep", "advcl", "oprd")
                       for c in verb.children)):
        return None  # "asked me if I was joking", '"Where are they?" she asks': a question
    if (lemma in _ASKING_VERBS and verb.i > 1 and verb.doc[verb.i - 1].text == "," and (
            any(s.i == verb.i - 2 for s in _children(verb, {"nsubj"}))
            and any(c.lemma_.lower() in SPEECH_VERBS and c.i > verb.i for c in (
                *_children(verb, {"conj"}), *([verb.head] if verb.dep_ == "advcl" else [])))
            or verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and verb.head.i == verb.i - 2
            and not _children(verb, {"agent", "dobj", "dative"}))):
        # "Lukman, asked about the reports, said ...": a participle between commas, whose
        # subject was asked and answered (the parser made "said" its conjunct or head, or
        # hung "asked" on the subject; "Khan, asked Erdogan to ..." has its object)
        return None
    if lemma == "oppose" and verb.i > 0 and verb.doc[verb.i - 1].lower_ == "as":
        return None  # "private investment as opposed to state spending": a contrast
    if lemma == "meet" and row.cameo[:2] == "04" and (met := [
            o for p in _children(verb, {"prep"}) if p.lower_ == "with"
            for o in _children(p, {"pobj"})]) and all(
            o.lemma_.lower() in _RECEPTIONS for o in met):
        return None  # "the idea met with resistance": how it was received
    if lemma == "strike" and row.cameo == "190" and any(
            w.lemma_.lower() in _WORKFORCE for s in subject_of(verb)[0]
            # ("hundreds of autoworkers")
            for w in (s, *_prep_objects(s, frozenset({"of"})))) and any(
            o.lemma_.lower() in _WORKPLACES for o in _children(verb, {"dobj"})):
        # "800 union members struck the pork plant": a walk-out
        return _STRUCK_WORK_ROW
    if lemma in ("concede", "admit") and any(
            c.dep_ == "ccomp" for c in verb.children) and not _children(verb, {"dobj"}):
        return None  # "conceded Congress will be unable to stop it": an admission
    if (row.cameo == "071" and any(d.pos_ == "PRON" and d.lower_ in _PERSONAL_OBJECTS
                                   for d in _children(verb, {"dative"}))):
        return None  # "gave her £20 for a taxi": money between people is no aid
    if row.particle == "n:operation" and not any(
            o.lemma_.lower() == "operation" and (
                _prep_objects(o, frozenset({"against"}))
                or any(c.lemma_.lower() == "military" for c in o.children))
            for o in _children(verb, {"dobj"})) and not _prep_objects(verb, frozenset({"against"})):
        return None  # "launched a rescue operation" is no attack; "an operation against X" is
    heard = _prep_objects(verb, frozenset({"to", "with"})) if lemma in ("speak", "talk") else []
    if heard and all(o.lemma_.lower() in _PRESS for o in heard):
        return None  # "speaking to reporters": a statement, no consultation
    objects = _children(verb, {"dobj"})
    if lemma in _OUSTING_VERBS and objects and not any(
            _actor_like(o) or o.pos_ in ("PROPN", "PRON") or o.lemma_.lower() in _TITLES
            for o in objects):
        return None  # "protesters toppled a statue": no one removed from power
    if lemma in _ORDERING_VERBS and objects and any(
            x.lemma_.lower() == "leave" and (
                any(o.lemma_.lower() in ("country", "territory") for o in _children(x, {"dobj"}))
                or not _children(x, {"dobj"}) and any(o.lemma_.lower() in _ENVOYS for o in objects))
            for x in _children(verb, {"xcomp"})):
        # "ordered the French ambassador to leave (the country)": an expulsion ("ordered US
        # forces to leave by the spring" is a withdrawal of one's own)
        return Trigger(kind="V", lemma=lemma, particle=None, cameo="166", preps=frozenset())
    if lemma == "sentence" and row.cameo == "116" and any(
            t.lemma_.lower() in _CUSTODIAL for p in _children(verb, {"prep"}) if p.lower_ == "to"
            for t in p.subtree):
        # "sentenced him to 15 years in prison": imprisonment is coercion (COERCE), as PLOVER
        # says of custodial sentences; a conviction alone stays a finding of guilt (116)
        return replace(row, cameo="173")
    if lemma == "occupy" and any(s.lemma_.lower() in _CROWD_PEOPLE | {"union", "group"}
                                 for s in _children(verb, _SUBJ)):
        # "students occupied the campus": a protest that blocks a place, no military seizure
        return replace(row, cameo="144")
    if lemma == "return" and row.particle is None and not objects and not any(
            c.dep_ in ("nsubjpass", "dative", "npadvmod", "dep", "oprd")
            # ("Last spring, the couple returned to the village": a time, nothing returned)
            and not (c.dep_ == "npadvmod" and (c.ent_type_ in ("DATE", "TIME")
                                               or c.lemma_.lower() in _TIME_NOUNS))
            for c in verb.children):
        return None  # "Britons returning from Syria": people travelling, nothing handed back
    if lemma in ("retreat", "withdraw") and row.cameo == "0874" and not objects and (
            movers := _children(verb, {"nsubj"})):
        if movers[0].lower_ in _REL_PRONOUNS and verb.dep_ == "relcl":
            movers = [verb.head]
        if all(m.lemma_.lower() in _PRIVATE_PEOPLE or (
                m.ent_type_ == "PERSON" and any(
                    a.like_num for a in _children(m, {"appos", "amod", "npadvmod"})))
               for m in movers):
            # "a shepherd retreated to the hills", "Omar Aziz, 38, who had retreated to the
            # town": a private person going somewhere, no force pulled back
            return None
    # ("warned the decision could backfire": a thing parsed as the object is no one warned)
    warned = [o for o in objects if _actor_like(o) or o.pos_ in ("PROPN", "PRON")]
    if (lemma == "warn" and not warned
            and not any(t.lower_ in ("if", "unless") for t in verb.subtree)
            and any(t.lemma_.lower() in _HARDSHIPS for t in _warned_of(verb))):
        return None  # "warned of famine", "warned that millions face freezing conditions"
    if (lemma == "warn" and not warned and (about := [
            o for p in _children(verb, {"prep"}) if p.lower_ in ("of", "about")
            for o in _children(p, {"pobj"})]) and not _children(verb, {"ccomp"})
            and not any(o.lemma_.lower() in _THREAT_WARNED for o in about)):
        return None  # "warned of an upshift in terrorism", "of the dangers of a clash if ..."
    if (lemma == "warn" and not warned and objects
            and objects[0].lemma_.lower() not in _FORCES | _ARMS
            and any(c.lemma_.lower() not in _CONSEQUENCES | _FORCE_WARNED and any(
                a.dep_ == "aux" and a.lower_ in _HYPO_AUX for a in c.children)
                for c in _children(verb, {"xcomp"}))):
        # "warned further sanctions could 'spiral out of control'" (the thing warned of
        # parsed as the object, what could happen to it as the verb's complement): a
        # danger foreseen, no threat by the warner
        return None
    conditions = [c for v in (verb, *_children(verb, {"ccomp"})) for c in _children(v, {"advcl"})
                  if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)]
    if (lemma == "warn" and not warned and (said := _children(verb, {"ccomp"}))
            and not conditions
            # (a passive to come: "would be met with force")
            and not (any(c.dep_ == "auxpass" for c in said[0].children) and any(
                c.dep_ == "aux" and c.lower_ in _HYPO_AUX | _FUTURE_AUX for c in said[0].children))
            and said[0].lemma_.lower() not in _CONSEQUENCES | _FORCE_WARNED
            and (others := _children(said[0], {"nsubj", "nsubjpass"}) or objects)
            and others[0].pos_ != "PRON" and not (any(
                c.dep_ == "poss" and c.pos_ == "PRON" for c in others[0].children)
                and others[0].lemma_.lower() in _FORCES | _ARMS | {"response", "patience"})
            # ("warned that missiles will be coming", "that Turkish troops intended to
            # advance": force is named)
            and others[0].lemma_.lower() not in _FORCES | _ARMS):
        # "NGOs warn children face grave conditions", "warned that services are
        # stretched": a warning of what others do or what is so is no threat by the warner
        # ("warned it would retaliate", "that its forces would respond", "that Turkey would
        # face sanctions", "that any attack would be met with force" are; and force named
        # stays a threat: "the minister warned that Israel would bomb Beirut")
        return None
    if lemma in ("recognise", "recognize") and (
            not objects or _children(verb, {"ccomp"})
            or not any(_actor_like(o) or o.pos_ == "PROPN" or o.lemma_.lower() in _RECOGNISED
                       for o in objects)):
        return None  # "it is necessary to recognise that ...", "recognised the danger"
    if lemma in ("reopen", "open", "close", "shut") and not objects and not _children(
            verb, _PASS_SUBJ | {"auxpass"}) and not any(
            _actor_like(a) or a.ent_type_ in ("GPE", "NORP") for a in subject_of(verb)[0]):
        return None  # "King's Cross station has reopened": a place, no one acting
    if lemma == "beg" and any(o.lemma_.lower() == "question" for o in objects):
        return None  # "it begs the question": no one begged
    if lemma == "take" and row.particle == "over" and (
            any(p.lower_ == "as" for p in _children(verb, {"prep"}))
            or any(o.lemma_.lower() in _OFFICES for o in objects)):
        return None  # "took over from Zaitouneh as director", "took over the presidency"
    if lemma == "agree" and row.particle is None and any(
            c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children if m.dep_ == "mark")
            and not any(a.lower_ in _HYPO_AUX | _FUTURE_AUX for a in c.children if a.dep_ == "aux")
            and c.tag_ in ("VBD", "VBN", "VBZ", "VBP") for c in verb.children) and not objects:
        return None  # "agreed with Trump that a blow had been struck": an opinion shared
    if lemma == "plead" and row.particle is None and (objects or any(
            c.dep_ in ("acomp", "oprd", "advmod") and c.lemma_.lower() in ("guilty", "innocent")
            for c in verb.children)):
        return None  # "will plead his case", "pleaded not guilty": no one appealed to
    if lemma == "hit" and row.particle is None and not (
            any(a.lemma_.lower() in _FORCES | _ARMED_BODIES | _WEAPONS | _ARMED_PEOPLE
                for a in subject_of(verb)[0] + _agents_of_passive(verb))
            or any(o.lemma_.lower() in _MILITARY_TARGETS
                   # ("hit the 0.7% spending target": a goal reached)
                   and (o.lemma_.lower() != "target" or o.tag_ == "NNS") for o in objects)):
        return None  # "sanctions hit the economy", "hit a record": force only by arms or on arms
    if lemma == "capture" and objects and all(o.lemma_.lower() in _NOT_CAPTURED for o in objects):
        return None  # "the image captured the predicament": nothing taken by force
    if lemma in ("wage", "wag") and (targets := [
            t for x in (verb, *objects) for t in _prep_objects(x, frozenset({"on", "against"}))]) \
            and all(t.lemma_.lower() in _PROBLEMS for t in targets):
        return None  # "waged war on drugs", "a war on poverty": no one attacked
    if lemma in _FIGHTING_VERBS | {"contest"} and (fought := objects or _prep_objects(
            verb, frozenset({"against"}))) and all(
            o.lemma_.lower() in _PROBLEMS | _CONTESTS and not _actor_like(o) for o in fought):
        # "fight the epidemic", "fighting against corruption", "fought two elections": no
        # one fought
        return None
    if (lemma in _FIGHTING_VERBS and not objects
            and any(c.lower_ == "hard" for c in _children(verb, {"advmod"}))
            and any(_infinitive(c) for c in _children(verb, {"xcomp", "advcl"}))
            and not _prep_objects(verb, frozenset({"against", "with"}))
            and not any(s.lemma_.lower() in _FORCES | _ARMED_PEOPLE
                        or s.ent_type_ in ("ORG", "GPE", "NORP") for s in subject_of(verb)[0])):
        # "the ministers fought hard to save the deal": strove, fought no one (a force, a
        # state or a group named may: "the rebels fought hard to hold the town")
        return None
    if lemma in ("push", "drive", "chase") and row.particle == "out" and not any(
            _actor_like(o) or o.pos_ == "PROPN" or o.lemma_.lower() in _FORCES | _ARMED_PEOPLE
            for o in objects):
        return None  # "pushed prices out of reach": no one driven out
    if lemma == "beat" and not any(
            o.lemma_.lower() in PEOPLE or o.ent_type_ == "PERSON"
            or o.lower_ in ("him", "her", "them", "us", "me", "you")
            for o in objects + _children(verb, {"nsubjpass"})
            + ([verb.head] if verb.dep_ in ("amod", "acl") else [])):
        return None  # "Brazil beat Germany", "a beaten-up rifle": no one assaulted
    if lemma in ("allocate", "earmark", "disburse", "lend") and not any(
            o.ent_type_ == "MONEY" or o.lemma_.lower() in _CURRENCIES | _FUNDS
            for o in objects):
        return None  # "allocated more time to the debate", "lent credibility": no money given
    if lemma in ("allocate", "earmark") and (uses := [
            o for t in (verb, *objects) for o in _prep_objects(t, frozenset({"to", "for"}))]
                                             ) and not any(
            _actor_like(o) or o.pos_ == "PROPN" or o.lemma_.lower() in PEOPLE for o in uses):
        return None  # "allocated $40m for capital expenditures": a budget, no one aided
    if lemma == "freeze" and objects and not any(
            o.lemma_.lower() in _FROZEN_THINGS or _actor_like(o) or o.pos_ == "PROPN"
            for o in objects):
        return None  # "millions face freezing conditions": no assets frozen
    if lemma == "insist" and not _prep_objects(verb, frozenset({"on", "upon"})) and any(
            c.tag_ in ("VBD", "VBZ") or any(a.lower_ in ("will", "would", "could", "can", "had",
                                                        "has", "was", "is")
                                            for a in _children(c, {"aux", "auxpass"}))
            for c in _children(verb, {"ccomp"})):
        return None  # "insisted the agreement included ...": a claim, not a demand
    if lemma == "side" and any(s.lemma_.lower() in _BENCH for s in subject_of(verb)[0]):
        return None  # "the court sided with the prosecutors": a ruling, no political support
    if lemma == "release" and row.particle is None and objects and all(
            o.lemma_.lower() in _RELEASED_THINGS for o in objects):
        return None  # "released treated water", "released a statement": no one set free
    if lemma == "dismiss" and any(o.lemma_.lower() in PEOPLE | _TITLES or o.ent_type_ == "PERSON"
                                  for o in objects):
        return None  # "dismissed the head of the army": removed from office, nothing rejected
    if (lemma == "shoot" and verb.i + 2 < len(verb.doc) and verb.nbor().lower_ == "back"
            and verb.doc[verb.i + 2].text in (":", '"', "“", ",")):
        return None  # "the senator shot back: 'I would not bet on it'": a retort
    if (lemma in ("speak", "talk") and row.cameo[:2] == "04"
            and _prep_objects(verb, frozenset({"of", "about"}))
            and not _prep_objects(verb, frozenset({"to", "with"})) and not objects
            and all(len(_conjuncts(s)) == 1 for s in _children(verb, {"nsubj"}))):
        return None  # "spoke of her desire to return to the UK": words about, no one met
    if lemma == "meet" and row.cameo[:2] == "04" and objects and not any(
            _actor_like(o) or o.pos_ in ("PROPN", "PRON") or o.lemma_.lower() in _TITLES
            for o in objects):
        return None  # "would meet its obligations": fulfilled, no one met
    if lemma == "agree" and row.particle is None and not any(
            c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "advcl", "agent", "nsubjpass")
            for c in verb.children) and all(
            s.tag_ in ("NN", "NNP") and len(_conjuncts(s)) == 1
            and not any(c.dep_ == "cc" for t in s.subtree for c in t.children)
            for s in _children(verb, {"nsubj"})):
        # "Marvin Duncan agreed.": one person's opinion shared; "UK and EU negotiators
        # agreed" made an agreement
        return None
    if lemma == "agree" and (withs := _prep_objects(verb, frozenset({"with"}))) and all(
            o.pos_ == "PRON" and o.lower_ in ("that", "this", "it") or o.pos_ == "NOUN"
            and not _actor_like(o) for o in withs) and not any(
            c.dep_ in ("xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ in ("on", "to", "upon")
            for c in verb.children):
        return None  # "agreed with that", "agreed with the assessment": an opinion
    if lemma == "sanction" and any(
            o.lemma_.lower() in _SANCTIONED_ACTS
            for o in _children(verb, {"dobj", "nsubjpass"})):
        return None  # "the move was sanctioned by Moscow": approved, not punished
    if lemma == "receive" and row.cameo == "043" and not _given_refuge(verb) and (
            objects and not any(map(_actor_like, objects))
            # "received 100 soldiers" (returned in a swap): a number of people, no guest
            or objects and all(any(c.dep_ == "nummod" for c in o.children) for o in objects)
            or verb.dep_ == "relcl" and not _actor_like(verb.head)):
        return None  # "received assistance from the US": something got, no guest hosted
    if lemma in ("host", "receive") and row.cameo == "043" and any(
            # (the tagger lemmatises "bases" to "basis")
            o.lemma_.lower() in _HOSTED_THINGS or o.lower_ == "bases" for o in objects):
        return None  # "hosts British military bases", "will host the World Cup": no guest
    if lemma == "fire" and row.particle in ("at", "on") and any(
            o.lemma_.lower() not in _MUNITIONS for o in _children(verb, {"dobj", "nsubjpass"})):
        return None  # "fired 200 workers at its plant": dismissed, not shot at
    if lemma == "accept" and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in verb.children):
        return None
    if lemma == "leave" and row.cameo == "164" and not _walked_out(verb):
        return None  # "left the meeting and told reporters": no talks broken off
    if lemma in ("walk", "storm") and row.cameo == "164" and not _prep_objects(
            verb, frozenset({"of", "from"})) and not any(
            c.dep_ == "prep" and c.lower_ == "out" and _prep_objects(c, frozenset({"of", "from"}))
            for c in verb.children):
        return _WALKOUT_ROW  # "miners walked out over wages": a strike, not talks left
    if lemma == "sign" and any(
            o.lemma_.lower() in _LAW_NOUNS
            # "signed a law criminalising X": the law taken for a modifier of the object
            or o.i > 1 and o.doc[o.left_edge.i].dep_ == "det"
            and o.doc[o.left_edge.i + 1].lemma_.lower() in _LAW_NOUNS
            and o.doc[o.left_edge.i + 1].dep_ == "npadvmod"
            for o in _children(verb, {"dobj"})):
        return None  # "signed a decree granting ...": an act of law, coded by what it does
    if (lemma == "fire" and verb.i >= 2 and verb.nbor(-1).text == "-"
            and verb.nbor(-2).lower_ == "test"):
        return _TEST_FIRED_ROW  # "test-fired a missile": a show of force, not an attack
    if lemma in ("fire", "launch") and row.cameo in ("194", "195") and _missile_test(verb):
        return _TEST_FIRED_ROW  # "fired a ballistic missile into the sea"
    if lemma == "retaliate" and any(
            c.dep_ == "prep" and (c.lower_ == "by" or c.lower_ == "with" and not any(
                o.lemma_.lower() in _WAR_WORDS for o in c.subtree))
            for c in verb.children):
        # "retaliated by imposing sanctions", "retaliated with export controls": the means is
        # the act, coded itself ("retaliated with air strikes" stays force)
        return None
    if lemma == "protest" and row.cameo == "140" and _children(verb, {"dobj"}) and any(
            s.ent_type_ == "GPE" or s.lemma_.lower() in _STATE_VOICES
            for s in _children(verb, {"nsubj"})):
        return _COMPLAINT_ROW  # "Seoul protested Tokyo's claims": an official complaint
    if lemma == "welcome" and any(
            o.ent_type_ in ("GPE", "LOC", "FAC") for o in _prep_objects(verb, frozenset({"to"}))):
        return _HOSTED_ROW  # "welcomed the Indonesian president to Tokyo": a visit hosted
    if lemma == "host" and row.cameo == "045" and not any(
            _prep_objects(o, frozenset({"between"})) for o in _children(verb, {"dobj"})):
        # "hosted talks with the rebels": the host talks with them; only talks "between"
        # others are a mediation
        return replace(row, cameo="040", preps=frozenset({"with"}))
    if lemma == "clash" and _verbal_clash(verb):
        return _DISPUTE_ROW
    if lemma == "clash" and any(o.lemma_.lower() in ("police", "policeman", "officer")
                                for o in _prep_objects(verb, frozenset({"with"}))) and any(
            s.lemma_.lower() in _CROWD_PEOPLE for s in _children(verb, {"nsubj"})):
        # "protesters clashed with police": a violent protest (CAMEO 145), not a battle
        return replace(row, cameo="145", preps=frozenset({"with", "against"}))
    if lemma == "attack" and row.cameo == "190" and any(
            o.lemma_.lower() in _ARGUED_THINGS for o in _children(verb, {"dobj"})):
        # "attacked the decision as illegal", "attacked Trump's remarks": words, not force
        return replace(row, cameo="111")
    if _no_act(verb, row):
        return None
    if lemma == "force" and not _forced(verb):
        return None  # "forced a vote", "the army was forced to retreat": no one made to act
    if lemma == "force" and any(
            o.lemma_.lower() in _HOMELANDS for p in _children(verb, {"prep"})
            if p.lower_ in ("out", "from")
            for o in _prep_objects(p, frozenset({"of"})) + _children(p, {"pobj"})):
        return replace(row, cameo="174")  # "forced X out of the country": expelled
    if lemma == "fight" and any(o.lemma_.lower() in _CONTESTED for o in _children(verb, {"dobj"})):
        return _RESIST_ROW
    if row.cameo == "030" and lemma in ("agree", "accept", "approve", "endorse"):
        return _settled(verb) or row
    return row


# How a walkout is told: "abruptly left the meeting", "left the talks in protest".
_WALKOUT_MANNER = {"abruptly", "angrily", "suddenly"}


def _walked_out(verb: Token) -> bool:
    """Whether leaving a meeting is a walkout: "abruptly left a meeting with X", "left the
    talks in protest" (not "left the meeting and told reporters")."""
    return any(c.dep_ == "advmod" and c.lower_ in _WALKOUT_MANNER for c in verb.children) or any(
        o.lemma_.lower() == "protest" for o in _prep_objects(verb, frozenset({"in"})))


# Craft, whose crews are made to act with them: "forced a cargo plane to land".
_CRAFT = {"plane", "aircraft", "airliner", "jet", "flight", "ship", "vessel", "tanker", "boat",
          "freighter", "helicopter", "drone", "trawler", "ferry"}
# A country named as the one left: "forced X out of the country".
_HOMELANDS = {"country", "homeland", "nation"}
# What someone is forced out of or into: "out of the country", "into exile", "from power".
_FORCED_PREPS = {"out", "into", "from", "off"}


def _forced(verb: Token) -> bool:
    """Whether "force" makes someone act or go: someone (or a craft) forced by someone, and
    what they are made to do or where to go ("forced the governor to resign", "forcing Hadi
    to resign", "forced X out of the country", "was forced into exile by the junta"); not
    "forced a vote", "were forced to flee" (no one forcing) nor "the protests forced the
    government to ..." (a thing forcing)."""
    if _infinitive(verb) or verb.dep_ == "pcomp" and verb.head.lower_ in ("to", "at", "for"):
        return False  # "sanctions to force the regime to negotiate", "aimed at forcing": an aim
    if _is_passive(verb):
        forcing, forced = _agents_of_passive(verb), _children(verb, {"nsubjpass"})
    else:
        forcing = subject_of(verb)[0]
        forced = _children(verb, {"dobj"}) + [
            s for c in _children(verb, {"ccomp"}) for s in _children(c, {"nsubj"})]
    # (people and forces, besides actors: "forced the militants to leave")
    someone = PEOPLE | _FORCES | _MOVED_FORCES | _ARMED_PEOPLE | _TITLES | _ENVOYS | _CRAFT
    if not any(t.ent_type_ in _ACTOR_ENTS or t.pos_ in ("PRON", "PROPN") or _actor_like(t)
               or t.lemma_.lower() in someone for t in forcing):
        return False
    return any(o.ent_type_ in _ACTOR_ENTS or o.pos_ in ("PRON", "PROPN") or _actor_like(o)
               or o.lemma_.lower() in someone for o in forced) and (
        any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
        # ("forced a cargo plane flying from Karachi to land": hung on the object's modifier)
        or any(c.dep_ == "xcomp" and _infinitive(c) for o in forced for c in o.subtree)
        or any(c.dep_ in ("prep", "prt", "advmod") and c.lower_ in _FORCED_PREPS
               for c in verb.children))


def _forces_moving(verb: Token) -> bool:
    """A march that is armed forces or a nation moving, not a protest."""
    if any(c.dep_ == "prt" and c.lower_ in ("away", "off", "out", "back", "home")
           for c in verb.children):
        return True
    subjects = _children(verb, {"nsubj"})
    return any(s.lemma_.lower() in _FORCES or s.ent_type_ in ("NORP", "GPE")
               or any(c.ent_type_ == "NORP" and c.lemma_.lower() in _FORCES for c in s.children)
               for s in subjects)


def _name_calling(verb: Token) -> Trigger | None:
    """"called X a liar" (111), "branded X a terrorist", "called X a great friend" (051)."""
    objects = _children(verb, {"dobj"}) or [
        # "called Britain's ambassador a very stupid guy": the one called parsed as the
        # predicate, the name as its apposition
        o for o in _children(verb, {"oprd"}) if _children(o, {"appos"})]
    if not objects:
        return None
    # "called the minister a terrorist": the parser may hang the name on the object.
    names = _children(verb, {"oprd", "xcomp", "ccomp", "attr"}) + [
        a for a in _children(objects[0], {"appos"})
        if a.i == objects[0].i + 1 or (a.left_edge.lower_ in ("a", "an")
                                       and a.doc[a.left_edge.i - 1].text != ",")]
    for name in names:
        words = {name.lemma_.lower(), *(c.lemma_.lower() for c in name.children
                                         if c.dep_ in ("amod", "compound"))}
        if words & _INSULTS and not (name.lemma_.lower() in _PRAISE):
            return replace(_INSULT_ROW, lemma=verb.lemma_.lower())
        if name.lemma_.lower() in _PRAISE or words & _PRAISE - {"leader"}:
            return replace(_PRAISE_ROW, lemma=verb.lemma_.lower())
    return None


def _callee(verb: Token) -> list[Token]:
    """"called Merkel on Monday": the parser often takes the one called for an object
    predicate; a lone name there, with no direct object, is who was called."""
    names = _children(verb, {"oprd"})
    if _children(verb, {"dobj"}) or len(names) != 1:
        return []
    name = names[0]
    if name.pos_ == "PROPN" and name.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return names
    return []


# People sent who act where they are sent: "police officers were deployed to Haiti".
_SENT_PEOPLE = {"peacekeeper", "observer", "monitor", "officer", "police", "personnel",
                "policeman", "guard", "expert", "inspector", "doctor", "medic", "engineer"}
# "American troops began leaving Afghanistan": forces leaving a country withdraw (0874).
_LEAVING_VERBS = {"leave", "quit", "exit", "vacate", "evacuate"}
_FORCES = {"troop", "force", "soldier", "army", "military", "peacekeeper", "marine",
           "contingent", "unit", "battalion", "brigade"}
# What harm is done with: "attacked the base with rockets", "armed with machetes".
_INSTRUMENTS = {"artillery", "rifle", "firearm", "machete", "knife", "explosive", "tank",
                "helicopter", "truncheon", "baton", "stone", "rock", "gunfire", "weaponry",
                "ammunition", "bomb", "cannon", "gas"}


def _instrument(token: Token) -> bool:
    """Whether the token is what something is done with: "with rockets", "with artillery"."""
    return (token.dep_ == "pobj" and token.head.lower_ == "with"
            and token.lemma_.lower() in _INSTRUMENTS | _MUNITIONS | _WEAPONS)


# Offices taken over, not ground: "took over the presidency".
_OFFICES = {"presidency", "leadership", "role", "post", "position", "job", "chairmanship",
            "office", "portfolio", "helm", "reins", "command", "premiership", "ministry"}
# What is "captured" without force: "captured the public mood", "captured the predicament".
_NOT_CAPTURED = {"mood", "imagination", "attention", "predicament", "essence", "spirit", "moment",
                 "heart", "headline", "vote", "market", "share", "title", "award", "championship",
                 "trophy", "prize", "record", "audience", "interest", "image", "footage", "scene",
                 "feeling", "sense", "zeitgeist", "nuance", "data", "carbon", "emission", "light",
                 "picture", "photo", "video", "likeness", "tone", "reality", "complexity",
                 "frustration", "anger", "fear", "fancy", "gold", "medal", "seat", "majority"}
# Places, not people: "left Britain to fight", not a description of a person.
_TERRAIN = {"city", "town", "village", "base", "airport", "territory", "area", "hill", "district",
            "province", "region", "position", "stronghold", "bridge", "port", "oilfield",
            "field", "dam", "checkpoint", "outpost", "crossing", "road", "highway", "suburb",
            "neighbourhood", "neighborhood", "capital", "airfield", "border", "island",
            "building", "camp", "compound", "headquarters", "garrison", "land", "enclave",
            "zone", "mountain", "valley", "pass", "station", "palace", "parliament", "fort",
            "citadel", "mine", "refinery", "plant", "facility", "country", "home"}
# Fights named as what is fought: "fought a long insurgency", "waged war against X".
_FIGHTS = {"war", "battle", "insurgency", "campaign", "fight", "conflict", "stand", "struggle",
           "rebellion", "jihad", "offensive", "guerrilla", "skirmish", "defence", "defense",
           "rearguard"}
# Ills that are fought without fighting anyone: "fight the epidemic", "combat poverty".
# Contests won without force: "fought two elections", "is fighting the extradition".
_CONTESTS = {"election", "poll", "vote", "seat", "case", "lawsuit", "suit", "charge",
             "extradition", "deportation", "ruling", "verdict"}
_PROBLEMS = {"epidemic", "pandemic", "disease", "virus", "outbreak", "poverty", "corruption",
             "illness", "addiction", "flu",
             "crime", "hunger", "famine", "inflation", "cause", "change", "fire", "blaze",
             "wildfire", "drought", "flood", "unemployment", "malaria", "cancer", "fraud",
             "racism", "discrimination", "misinformation", "disinformation", "illiteracy",
             "deforestation", "emission", "pollution", "infection", "spread", "covid",
             "coronavirus", "ebola", "aids", "cholera", "tuberculosis", "locust", "inequality",
             "drug", "terror", "pressure", "speculation", "speculator"}
# Verbs of perceiving an event, whose subject takes no part in it.
_PERCEIVING_VERBS = {"hear", "overhear", "see", "watch", "witness", "notice", "read", "film",
                     "record", "photograph", "observe", "follow", "monitor"}
# What a state recognises diplomatically: "recognised Kosovo's independence".
_RECOGNISED = {"independence", "sovereignty", "government", "state", "statehood", "annexation",
               "authority", "election", "result", "victory", "president", "regime", "capital",
               "claim", "council", "administration", "republic", "country", "leader"}
# What armed force is aimed at: "hit military positions", "struck rebel bases".
_MILITARY_TARGETS = {"position", "base", "target", "convoy", "outpost", "stronghold", "hideout",
                     "checkpoint", "depot", "installation", "bunker", "trench", "camp", "airbase",
                     "airfield", "barracks", "garrison", "fortification", "launcher", "battery"}
# What else a state moves or puts on alert: "deployed warships", "placed its navy on alert".
_MOVED_FORCES = {"navy", "warship", "ship", "carrier", "jet", "bomber", "fighter", "tank",
                 "missile", "submarine", "vessel", "aircraft", "plane", "drone", "operator",
                 "reinforcement", "reservist", "division", "regiment", "squadron", "fleet",
                 "destroyer", "frigate", "helicopter", "artillery", "hardware", "column"}
_WITHDRAW_ROW = Trigger(kind="V", lemma="leave", particle=None, cameo="0874",
                        preps=frozenset({"from"}))


def _troops_leaving(verb: Token) -> Trigger | None:
    if verb.lemma_.lower() not in _LEAVING_VERBS:
        return None
    agents, _ = subject_of(verb)
    # Forces leave places, whatever the tagger calls the name ("leaving Mali"), but not
    # people in a state ("leaving Assad in power").
    if any(c.dep_ in ("oprd", "xcomp", "acomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "in")
           for c in verb.children):
        return None
    places = [o for o in _children(verb, {"dobj"})
              if o.ent_type_ in ("GPE", "LOC") or o.pos_ == "PROPN" or _named_area(o)]
    if places and any(a.lemma_.lower() in _FORCES for a in agents):
        return _WITHDRAW_ROW
    return None


# "Peacekeepers arrived in Monrovia", "Irish soldiers served in Lebanon as peacekeepers":
# peacekeeping forces present in a place are protection given to it (CAMEO 074).
_PEACEKEEPING_VERBS = {"arrive", "serve", "deploy", "participate", "land", "station", "base",
                       "operate", "begin", "start"}
_PEACEKEEPING_ROW = Trigger(kind="V", lemma="arrive", particle=None, cameo="074",
                            preps=frozenset({"in", "to", "along", "at"}))


def _peacekeepers_present(verb: Token) -> Trigger | None:
    if verb.lemma_.lower() not in _PEACEKEEPING_VERBS or _children(verb, {"dobj"}):
        return None
    agents, patients = subject_of(verb)
    forces = [a for a in (*agents, *patients) if a.lemma_.lower() in _FORCES]
    if not forces or not any(
            "peacekeep" in t.lower_ for t in (*forces[0].subtree, *verb.subtree)):
        return None
    # "participate in peacekeeping operations in Afghanistan": the place may hang deeper.
    holders = [verb, *_children(verb, {"xcomp"}), forces[0]]
    holders += [o for h in holders for p in _children(h, {"prep"}) for o in _children(p, {"pobj"})]
    places = [o for holder in holders
              for o in _prep_objects(holder, _PEACEKEEPING_ROW.preps)
              if any(t.ent_type_ in _PLACE_LABELS for t in o.subtree) or _named_area(o)
              or (o.pos_ == "PROPN" and o.ent_type_ not in ("PERSON", "ORG", "NORP"))]
    return _PEACEKEEPING_ROW if places else None


# Verbs with a small clause: "found X guilty" (CAMEO 116), "set X free", "let X go" (084).
_GUILTY_ROW = Trigger(kind="V", lemma="find", particle=None, cameo="116", preps=frozenset())
_FREED_ROW = Trigger(kind="V", lemma="set", particle=None, cameo="084", preps=frozenset())
_SMALL_CLAUSE_DEPS = {"ccomp", "oprd", "acomp", "xcomp", "advcl"}


def _small_clause(verb: Token) -> Trigger | None:
    lemma = verb.lemma_.lower()
    if lemma not in ("find", "set", "let"):
        return None
    predicates = [c for c in verb.children if c.dep_ in _SMALL_CLAUSE_DEPS]
    predicates += [a for o in _children(verb, {"dobj"}) for a in o.children
                   if a.dep_ == "amod" and a.i < o.i and a.i == verb.i + 1]  # "let free X"
    words = {c.lemma_.lower() for c in predicates}
    if lemma == "find" and words & {"guilty", "liable"}:
        return _GUILTY_ROW
    if lemma in ("set", "let") and ("free" in words or (lemma == "let" and "go" in words)):
        return _FREED_ROW
    return None


# "called off the strike", "lifted the boycott": dissent eased (CAMEO 082).
_DISSENT_NOUNS = {"strike", "protest", "boycott", "demonstration", "march", "blockade",
                  "sit-in", "walkout", "hunger"}
_EASED_DISSENT_ROW = Trigger(kind="V", lemma="call", particle="off", cameo="082",
                             preps=frozenset({"against"}))


def _dissent_eased(verb: Token) -> Trigger | None:
    lemma = verb.lemma_.lower()
    objects = {o.lemma_.lower() for o in _children(verb, {"dobj", "nsubjpass"})}
    if not objects & _DISSENT_NOUNS:
        return None
    if lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
        return _EASED_DISSENT_ROW
    if lemma in ("lift", "end", "suspend", "halt", "abandon"):
        # the dissent eased is no one it is eased toward ("suspended its protests")
        noun = sorted(objects & _DISSENT_NOUNS)[0]
        return replace(_EASED_DISSENT_ROW, lemma=lemma, particle=f"n:{noun}",
                       preps=frozenset({"of", "against", "on"}))  # (whom it was against)
    return None


@dataclass(frozen=True)
class Candidate:
    """A coded trigger with its participants, before actor resolution.

    ``actor``/``recipient`` are noun phrases (compound actors stay several phrases);
    ``here`` says the sentence places the event "here" (the dateline); ``places`` are
    place names attached to the trigger; ``clause`` the character ranges of the trigger's own
    clause (nested clauses left out), where its date expressions are looked for; ``content``
    the CAMEO code of a trigger in its complement ("refused to MEET", "vowed to ATTACK");
    ``speaker`` who reports the event ("..., the Elysee said"); ``more`` further participants
    deeper in the trigger's phrase, nearest first, for when no ``recipient`` is an actor
    ("imposed sanctions, including travel bans, on X", "agreed to offer aid to X"); ``ranked``
    the argument ranker's recipient (with its conjuncts), ``ranked_p`` its probability;
    ``failed`` that the act is what someone failed to do ("failed to reach agreement");
    ``means`` that it is a call, meeting or visit made for a purpose coded apart ("called X
    to congratulate him"); ``deal`` that what is agreed, offered or signed is a purchase, sale,
    merger or loan ("agreed to acquire X", "signed a letter of intent to buy X"); ``market``
    that what is given goes to a market ("provided assistance worth 60 mln stg to the market");
    ``trade`` that what is called for or ordered is a trading or payroll act ("called a buying
    tender", "called for redemption of its debentures", "ordered layoffs").
    """

    sentence_index: int
    trigger: Span
    row: Trigger
    verbal: bool
    actor: tuple[Phrase, ...]
    recipient: tuple[Phrase, ...]
    negated: bool
    hypothetical: bool
    future: bool
    here: bool
    places: tuple[str, ...]
    clause: tuple[tuple[int, int], ...] = ()
    content: str | None = None
    speaker: Phrase | None = None
    more: tuple[Phrase, ...] = ()
    goals: tuple[Phrase, ...] = ()
    ranked: tuple[Phrase, ...] = ()
    ranked_p: float = 0.0
    failed: bool = False
    means: bool = False
    deal: bool = False
    market: bool = False
    trade: bool = False


_WHOLE_NAME_ENTS = {"ORG", "PERSON", "FAC"}
# Names that are no event, whatever their words: "the Government of National Accord".
_NAMED_BODY_ENTS = {"ORG", "PERSON", "FAC", "GPE", "NORP"}


# Participles that say where people are: "refugees living in camps", "troops based in Iraq".
_LOCATED_VERBS = {"live", "base", "station", "stay", "shelter", "house", "camp", "trap",
                  "strand", "reside", "settle"}


def _located(clause: Token) -> bool:
    """A participle after a noun that says only where it is ("now living in Greek refugee
    camps", "stationed in Syria"): a place after "in", "at" or "near", no object."""
    return (clause.dep_ == "acl" and clause.tag_ in ("VBN", "VBG")
            and clause.lemma_.lower() in _LOCATED_VERBS
            and not _children(clause, {"dobj", "nsubj", "ccomp", "xcomp"})
            and any(c.dep_ == "prep" and c.lower_ in ("in", "at", "near") for c in clause.children))


def phrase_of(head: Token) -> Phrase:
    """The noun phrase headed by ``head``: its modifiers, without clauses or coordination."""
    keep: set[int] = {head.i}

    def add(token: Token, top: bool) -> None:
        for child in token.children:
            if child.dep_ in _NP_EXCLUDE and not (
                child.dep_ == "prep" and (not top or child.lemma_.lower() in _NP_PREPS
                                          # "a spokesman for the president": whose voice
                                          or child.lemma_.lower() == "for"
                                          and token.lemma_.lower() in _VOICE_NOUNS
                                          # a title-case name: "Doctors Without Borders",
                                          # "Physicians for Human Rights"
                                          or token.text[:1].isupper() and child.i == token.i + 1
                                          and (child.text[:1].isupper() or _titled(child)))
                # "west of the capital Tripoli": deeper in, a name set right after its noun
                or child.dep_ == "appos" and not top and child.left_edge.i == token.i + 1
                and child.pos_ == "PROPN" and not child.left_edge.is_punct
                # "1,500 people living in Greek camps": where they are, as "in" would say
                or top and _located(child)
            ):
                continue
            if child.dep_ == "punct" or child.is_space:
                continue
            keep.add(child.i)
            add(child, False)

    add(head, True)
    if (head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", "ORG", "LOC", "NORP", "")
            and not any(c.dep_ == "compound" for c in head.children)):
        # "Smith, a senior Hamas official": a lone name's title says who they are (a full
        # name is known or coded on its own, and its apposition may belong to someone else)
        child = next((c for c in head.children if c.dep_ == "appos"), None)
        if (child is not None and child.pos_ == "NOUN" and actor_noun(child.lemma_.lower())
                and [t.text for t in head.doc[head.i + 1:child.left_edge.i]] == [","]):
            keep.update({child.i, head.i + 1})  # with the comma, so the phrase reads as written
            add(child, False)
    if head.pos_ == "NOUN":
        # "his Iranian counterpart, Mostafa Najjar": the title's name is part of the phrase.
        for child in head.children:
            if (child.dep_ == "appos" and child.ent_type_ == "PERSON"
                    and all(t.pos_ == "PROPN" or t.is_punct for t in child.subtree)):
                keep.update(t.i for t in child.subtree if not t.is_punct)
    if head.ent_type_ in _WHOLE_NAME_ENTS and head.ent_iob_ in ("B", "I"):
        # "Action Against Hunger", "Doctors Without Borders": a name is never cut short.
        start = head.i
        while start > 0 and head.doc[start].ent_iob_ == "I" and not head.doc[start - 1].is_punct:
            start -= 1
        end = head.i + 1
        while (end < len(head.doc) and head.doc[end].ent_iob_ == "I"
               and not head.doc[end].is_punct):
            end += 1
        subtree = {t.i for t in head.subtree}
        keep.update(i for i in range(start, end) if i in subtree and not head.doc[i].is_space)
    tokens = sorted(keep)
    # Opening or closing punctuation is dropped; inner quotes ("Field Marshal") are kept.
    doc = head.doc
    return _phrase([doc[i] for i in range(tokens[0], tokens[-1] + 1)
                    if i in keep or (doc[i].is_punct and tokens[0] < i < tokens[-1]
                                     and doc[i].text in "\"“”'‘’-")], head)


def _modifier_receiver(token: Token) -> Phrase:
    """A receiver the parser hung on the thing received, with the words before it that
    describe it: "granted [the Italian government] permission" (parsed "the Italian
    government permission", "Italian" describing the permission)."""
    words = [c for c in token.head.children
             if c.i < token.i and c.dep_ in ("amod", "compound", "nmod") and c.pos_ != "DET"]
    start = min([t.i for w in words for t in w.subtree] + [token.left_edge.i])
    tokens = [t for t in token.doc[start:token.i + 1] if not t.is_punct and t.pos_ != "DET"]
    return _phrase(tokens, token)


def _phrase(tokens: list[Token], head: Token) -> Phrase:
    """The phrase of these tokens (in order), headed by ``head``."""
    words = tuple(Word(text=t.text, lemma=t.lemma_, pos=t.pos_, ent=t.ent_type_,
                       dep="head" if t.i == head.i else t.dep_, start=t.idx) for t in tokens)
    return Phrase(words=words, head=next(k for k, w in enumerate(words) if w.dep == "head"))


# What an event noun is before it happens: "a possible attack", "the planned offensive".
_UNREAL_ADJECTIVES = {"possible", "potential", "planned", "impending", "looming", "expected",
                      "proposed", "threatened", "feared", "imminent", "anticipated",
                      "prospective", "future", "hypothetical", "likely", "probable",
                      "intended", "mooted", "rumoured", "rumored", "draft"}
# Verbs that carry out an act planned before: "launched the planned offensive".
_CARRYING_OUT = _VIOLENT_LIGHT_VERBS | {"sign", "ratify", "conclude", "reach", "hold"}
# Names of a kind of force, not of one act: "Isis knew guerrilla warfare well".
_KINDS_OF_FORCE = {"warfare", "war", "violence", "terrorism", "tactic"}


def _force_of(noun: Token) -> Phrase | None:
    """Who carries out an event noun named before it: "a Syrian army offensive", "a Russian
    regime offensive", "the police crackdown" (an actor noun joined to the event noun, with the
    country words just before it, "Syrian" or "Russia's", whichever of the two it hangs on)."""
    if noun.pos_ != "NOUN":
        return None
    force = next((c for c in reversed(list(noun.lefts))
                  if c.dep_ == "compound" and c.pos_ == "NOUN"
                  and actor_noun(c.lemma_.lower()) and c.i == noun.i - 1), None)
    if force is None:
        return None
    if any(t.dep_ in ("conj", "cc") for t in force.subtree):
        return None  # "Syrian and Russian air force attack": two actors, named as such
    start = force.left_edge.i
    while start > 0 and (before := noun.doc[start - 1]).head.i in (noun.i, force.i) and (
            before.dep_ in ("amod", "compound", "poss", "nmod")
            and (before.ent_type_ in _NAME_ENTS or before.pos_ == "PROPN")):
        if any(t.dep_ in ("conj", "cc") for t in before.subtree):
            return None
        start = before.left_edge.i if before.left_edge.i < start - 1 else start - 1
    return _phrase([t for t in noun.doc[start:force.i + 1] if not t.is_punct or t.text == "-"],
                   force)


def _titled(prep: Token) -> bool:
    """A lower-case preposition inside a name: its object's words are all capitalized
    ("for Human Rights", "for Peace")."""
    objects = _children(prep, {"pobj"})
    return prep.lower_ in ("for", "against", "without") and bool(objects) and all(
        t.text[:1].isupper() for o in objects for t in o.subtree if t.is_alpha)


def _infinitive(verb: Token) -> bool:
    """Whether the verb is a "to" infinitive ("to withdraw")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _conjuncts(token: Token) -> list[Token]:
    return [token, *[t for t in token.conjuncts if t.i > token.i and not _stray_subject(t)]]


def _stray_subject(token: Token) -> bool:
    """A subject the parser joined to the end of an opening phrase: "On a visit to Zimbabwe,
    South African President Cyril Ramaphosa voiced ..." (Ramaphosa as a conjunct of Zimbabwe).
    It follows a comma, ends right before a verb that has no subject of its own, and hangs
    inside that verb's phrase."""
    if token.dep_ != "conj" or token.left_edge.i == 0:
        return False
    doc = token.doc
    if doc[token.left_edge.i - 1].text != "," or token.right_edge.i + 1 >= len(doc):
        return False
    verb = doc[token.right_edge.i + 1]
    return (verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ", "VBP")
            and verb in token.ancestors and not _children(verb, _SUBJ | _PASS_SUBJ)
            # "Germany, France and Italy": a list has its "and"
            and not _children(token.head, {"cc"}))


def _members(token: Token) -> list[Token]:
    """The named members of a plural group noun: "several countries, including France and
    Germany", "Western powers such as Britain" (the first names, whose conjuncts are the
    others); else none."""
    if token.tag_ != "NNS":
        return []
    for prep in token.children:
        if prep.dep_ != "prep" or not (
                prep.lemma_.lower() == "include"
                or prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)):
            continue
        heads = _children(prep, {"pobj"})
        # (not kinds of people: "lawmakers including senior Republicans")
        if heads and all((t.pos_ == "PROPN" or t.ent_type_ in _NAME_ENTS)
                         and t.ent_type_ != "NORP" and t.tag_ != "NNPS"
                         for o in heads for t in _conjuncts(o)):
            return heads  # (each with its conjuncts)
    return []


def _phrases(tokens: list[Token]) -> tuple[Phrase, ...]:
    out: list[Phrase] = []
    tokens = [m for token in tokens for m in (_members(token) or [token])]
    for token in tokens:
        for t in _conjuncts(token):
            if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X") or t.ent_type_ in _ACTOR_ENTS:
                out.extend(_split_modifiers(t))
    return tuple(out)


_NAME_ENTS = {"GPE", "NORP", "ORG"}


def _split_modifiers(head: Token) -> list[Phrase]:
    """"UK and EU negotiators", "US and Western allies": one phrase per coordinated name
    before the head ("UK negotiators", "EU negotiators"); any other phrase as it is."""
    phrase = phrase_of(head)
    for mod in head.children:
        # "Russia and Turkey's foreign ministers": coordinated owners too
        if mod.i > head.i or mod.dep_ not in ("compound", "nmod", "amod", "poss"):
            continue
        others = [c for c in mod.children if c.dep_ == "conj" and c.i < head.i]
        if not others and any(c.dep_ == "cc" for c in mod.children):
            # "UK and EU negotiators" parsed as two modifiers, the first with the "and".
            others = [c for c in head.children if c.i > mod.right_edge.i and c.i < head.i
                      and c.dep_ in ("compound", "nmod", "amod")][:1]
        if not others or not all(t.ent_type_ in _NAME_ENTS or t.pos_ == "PROPN"
                                 for t in (mod, *others)):
            continue
        if head.pos_ == "PROPN" and head.ent_type_ == "ORG" and all(
                head.doc[k].ent_iob_ == "I" or head.doc[k].is_space
                for k in range(mod.i + 1, head.i + 1)):
            continue  # "the Securities and Exchange Commission": one name, one body
        # "Russian, Syrian and Iranian forces": the names listed before, each with its comma
        listed = [c for c in head.children if c.i < mod.i
                  and (c.ent_type_ in _NAME_ENTS or c.pos_ == "PROPN")
                  and head.doc[c.i + 1].text == "," and c.dep_ in ("compound", "nmod", "amod")]
        return _one_per_group(head, phrase, [*listed, mod, *others], {"cc", "punct"})
    return _split_of(head, phrase)


def _one_per_group(head: Token, phrase: Phrase, groups: list[Token], skip: set[str]
                   ) -> list[Phrase]:
    """One phrase per coordinated group: the words the groups share, and each group's own
    words (not those of ``skip`` relations, not a later group nested under it)."""
    dropped = {t.idx for g in groups for t in g.subtree}
    shared = [w for w in phrase.words if w.start not in dropped]
    out = []
    for group in groups:
        nested = {t.i for o in groups if o.i != group.i and o in group.subtree
                  for t in o.subtree}
        own = sorted(t.i for t in group.subtree if t.i not in nested and t.dep_ not in skip)
        mine = [Word(text=t.text, lemma=t.lemma_, pos=t.pos_, ent=t.ent_type_, dep=t.dep_,
                     start=t.idx) for t in (head.doc[i] for i in own)]
        words = tuple(sorted(shared + mine, key=lambda w: w.start))
        out.append(Phrase(words=words, head=next(k for k, w in enumerate(words)
                                                 if w.dep == "head")))
    return out


def _split_of(head: Token, phrase: Phrase) -> list[Phrase]:
    """"the armies of Brazil and Argentina": one phrase per coordinated name of the "of"
    ("the armies of Brazil", "the armies of Argentina"); the phrase itself otherwise."""
    for prep in _children(head, {"prep"}):
        if prep.lower_ != "of":
            continue
        for obj in _children(prep, {"pobj"}):
            names = _conjuncts(obj)
            if len(names) < 2 or not all(t.ent_type_ in _NAME_ENTS or t.pos_ == "PROPN"
                                         for t in names):
                continue
            return _one_per_group(head, phrase, names, {"cc", "punct"})
    return [phrase]


def _children(token: Token, deps: set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _is_passive_head(verb: Token) -> bool:
    return _is_passive(verb) or any(c.dep_ == "agent" for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")


# "Japan was the first country to recognise ...": who is first, last or only to act.
_COPULAS = {"be", "become", "remain"}
_RANKING_WORDS = {"first", "last", "only", "second", "third", "latest", "next"}
# What a country hosts that is no guest: installations and spectacles ("hosts US bases").
_HOSTED_THINGS = {"base", "airbase", "facility", "installation", "headquarters", "garrison",
                  "outpost", "embassy", "consulate", "office", "plant", "factory", "port",
                  "games", "olympics", "cup", "tournament", "championship", "festival",
                  "exhibition", "fair", "concert", "contest", "race", "expo"}
# What befalls a fighter in battle: "Britons killed fighting Isis".
_FALLEN_VERBS = {"kill", "wound", "injure", "capture"}
# A photo caption's opening, parsed as the subject: "In this file photo, X attends ...".
_CAPTION_NOUNS = {"photo", "picture", "image", "photograph", "footage", "video"}


def _named_antecedent(antecedent: Token) -> Token:
    """The name a relative clause's noun describes: "the PKK, a banned group that has fought
    an insurgency" (the name just before the comma, wherever the parser hung the apposition);
    else the noun itself."""
    left = antecedent.left_edge.i
    if (antecedent.dep_ == "appos" and antecedent.pos_ == "NOUN" and left >= 2
            and antecedent.doc[left - 1].text == "," and antecedent.doc[left - 2].pos_ == "PROPN"):
        return antecedent.doc[left - 2]
    return antecedent


def subject_of(verb: Token, depth: int = 0) -> tuple[list[Token], list[Token]]:
    """(agents, patients) of a verb from its own or its governor's subject."""
    if depth > 4:
        return [], []
    subj = _children(verb, _SUBJ)
    if not subj:
        # "Egypt and Qatar are mediating": a subject the parser hung on the auxiliary ("she
        # had, in fact, been deployed": who was deployed)
        hung = [s for aux in _children(verb, {"aux"}) if aux.i < verb.i
                for s in _children(aux, _SUBJ)]
        if hung and _is_passive(verb):
            return [], hung
        subj = hung
    if subj:
        if (verb.tag_ in ("VBD", "VBN") and subj[0].dep_ == "nsubj"
                and any(_actor_like(a) or a.pos_ == "PROPN" for a in _agents_of_passive(verb))
                and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)):
            # "Two officials beheaded by insurgents": a headline's passive without its
            # auxiliary, the one it was done to parsed as the subject ("spoke by phone" is
            # no passive: a phone is no one)
            return _agents_of_passive(verb), subj
        if (verb.tag_ == "VBN" and subj[0].dep_ == "nsubj" and verb.lemma_.lower() in _DONE_TO
                and not any(c.dep_ in ("aux", "auxpass", "dobj", "dative")
                            or c.dep_ in ("ccomp", "xcomp") and c.i > verb.i
                            for c in verb.children)):
            # "Abdullah Öcalan, the Kurdish leader now imprisoned in Turkey": a participle of
            # an act that takes an object, with none, was done to its subject
            return _agents_of_passive(verb), subj
        if (verb.tag_ == "VBN" and verb.dep_ in ("ccomp", "xcomp", "oprd")
                and verb.head.lemma_.lower() in ("keep", "leave", "have", "want", "see", "find",
                                                 "make")
                and not _children(verb, {"aux", "auxpass"})):
            # "to keep the government funded": what is kept so is what it was done to
            return _agents_of_passive(verb), subj
        if (verb.dep_ == "csubj" and verb.tag_ in ("VBD", "VBN") and subj[0].dep_ == "nsubj"
                and not _children(verb, {"aux", "auxpass"})
                and not _children(verb.head, {"nsubj", "nsubjpass"})):
            # "Syrian refugees granted asylum are welcome": a participle after its noun,
            # parsed as the subject clause, says what was done to the noun
            return _agents_of_passive(verb), subj
        if subj[0].lemma_.lower() in _REL_PRONOUNS and verb.dep_ == "relcl":
            antecedent = verb.head
            if subj[0].lower_ == "which":
                # "the chemical attack in Damascus, which killed 50", "the gas attack on the
                # town of Douma, which killed 75": the attack, not the town (a place "on" or
                # "of" which something is can act: "the approval of Russia, which backs Assad")
                antecedent = _beyond_places(antecedent, verb.lemma_.lower() in _HARM_VERBS)
            return [_named_antecedent(antecedent)], []
        if verb.dep_ == "relcl" and any(c.lower_ == "whose" for c in subj[0].children):
            return [verb.head], []  # "Haftar, whose forces besieged Tripoli": his side acts
        if subj[0].lemma_.lower() in _CAPTION_NOUNS and (shown := _children(subj[0], {"appos"})):
            # "In this Dec. 13 file photo, Jared Kushner attends ...": who is shown acts
            return shown, []
        after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if (verb.lemma_.lower() in _FALLEN_VERBS and verb.tag_ in ("VBD", "VBN")
                and not _children(verb, {"dobj"}) and after is not None and after.tag_ == "VBG"
                and after.head.i == verb.i and after.dep_ in ("xcomp", "advcl")):
            # "Britons killed fighting Isis include ...": killed while fighting, not killing
            return [], subj
        return subj, []
    agents = _agents_of_passive(verb)
    patients = _children(verb, _PASS_SUBJ)
    if agents or patients:
        if patients and patients[0].lemma_.lower() in _REL_PRONOUNS and verb.dep_ == "relcl":
            patients = [verb.head]
        if (not patients and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX")
                # ("activists said 50 people ... were killed": a clause misparsed as a conjunct)
                and verb.head.lemma_.lower() not in SPEECH_VERBS
                and (_is_passive(verb) or verb.tag_ == "VBN" and _is_passive(verb.head))):
            # "the rebels fled and were killed by the army", "two soldiers were attacked
            # and killed by militants": the shared subject suffered it
            first_agents, first_patients = subject_of(verb.head, depth + 1)
            patients = first_patients if _is_passive(verb.head) else first_agents
        if (not patients and verb.tag_ == "VBN" and verb.dep_ == "advcl"
                and not any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children)
                and (verb.i < verb.head.i and verb.left_edge.i == verb.sent.start
                     # "militias hold sway, supported by 2,000 US troops"
                     or verb.i > verb.head.i and verb.left_edge.i > 0
                     and verb.doc[verb.left_edge.i - 1].text == ",")
                # ("Asked by Reuters about": an interview; "Asked by the opposition to
                # explain the policy, the minister ...": a request to the minister)
                and (verb.lemma_.lower() not in _ASKING_VERBS
                     or any(_infinitive(c) for c in _children(verb, {"xcomp"})))):
            patients = _children(verb.head, _SUBJ)  # "Backed by Russia, Assad ...": Assad
        return agents, patients
    if (verb.dep_ in ("relcl", "acl") and _infinitive(verb)
            and not _children(verb, _PASS_SUBJ | {"auxpass"})
            and any(c.lower_ in _RANKING_WORDS for c in (verb.head, *verb.head.children))
            and (subjects := _children(verb.head.head, {"nsubj"})
                 if verb.head.dep_ == "attr" and verb.head.head.lemma_.lower() in _COPULAS
                 else [verb.head.head] if verb.head.dep_ == "appos" else [])):
        # "Japan was the first country to recognise the new government", "the group is the
        # only one to sign", "Kenya, the first country to ratify the treaty, ...": who is
        # the first or the only one to act is the copula's subject or the apposition's
        # noun, not "the first country"
        return subjects[:1], []
    if verb.dep_ == "relcl" or _finite_acl(verb) or _headless(verb):
        # ("the Jordanian minister called for ...", parsed as a modifier of the minister;
        # "Imran Khan, called Erdogan to ...": the clause's subject for what it leads to)
        return [verb.head], []
    if (verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i < verb.head.i
            and not any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children)
            and (verb.lemma_.lower() in _ASKING_VERBS or verb.left_edge.i == verb.sent.start)):
        # "Asked about the attack, the spokesman said ...": he was asked ("Allowed to
        # graduate in 1959, Talabani ...": a participle opening the sentence is passive)
        return [], subject_of(verb.head, depth + 1)[0]
    if (verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i > verb.head.i + 1
            and verb.doc[verb.i - 1].pos_ in ("NOUN", "PROPN")
            and not _children(verb, {"aux", "auxpass", "mark", "agent"})):
        # "are in talks to transfer fighters captured over five years": a participle right
        # after a noun is done to the noun, however the parser hung it
        return [], [verb.doc[verb.i - 1]]
    if (verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i > verb.head.i + 1
            and verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].text == ","
            and verb.lemma_.lower() not in _ACTIVE_PARTICIPLES
            and not _children(verb, {"aux", "auxpass", "mark", "agent", "nsubj", "dobj"})):
        # "the ministers are in Downing Street, called back from their holiday": a
        # participle after a comma, with no object, is done to the clause's subject
        return [], _children(verb.head, _SUBJ)
    if (verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acomp", "oprd")
            and verb.head.lemma_.lower() in _STATE_VERBS
            and verb.lemma_.lower() not in _ACTIVE_PARTICIPLES
            and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)):
        # "hundreds lay injured", "two men were found dead and one remained detained": the
        # state's subject is who it was done to.
        return [], _children(verb.head, _SUBJ)
    stray = [t for t in verb.subtree if t.i < verb.i and _stray_subject(t)
             and t.right_edge.i + 1 == verb.i]
    if stray:
        return stray[:1], []
    if _misparsed_verb(verb):
        # "The EU cut funding to X" parsed as a noun "EU cut": its modifier is the subject
        return _misparsed_subjects(verb)[:1], []
    misparsed = [c for c in verb.children
                 if (c.dep_ in ("advmod", "npadvmod", "dep")
                     # "Pakistan expels Afghan diplomats": a headline's name taken for a modifier
                     or c.dep_ == "amod" and verb.pos_ in ("VERB", "AUX")) and (
                     c.i == verb.left_edge.i
                     # "In cooperation with X, USAID provided ...": after an opening phrase
                     or c.i == verb.i - 1 and c.i > 0 and c.doc[c.i - 1].text == ","
                     and not _children(verb, _SUBJ))
                 # a clause, not a modifier: "US-backed fighters" is no act of backing
                 and (verb.dep_ in ("ROOT", "ccomp", "parataxis")
                      or verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"))
                 and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == "-")
                 and (c.ent_type_ in ("ORG", "GPE", "PERSON", "NORP")
                      or len(c.text) > 1 and c.text.isupper() and c.is_alpha)]
    if misparsed:
        # "USAID provided ...": a name the parser took for an adverb is the subject.
        return misparsed[:1], []
    resolve_noun = None
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in _RESOLVE_NOUNS and _infinitive(verb):
        resolve_noun = verb.head
    elif (verb.dep_ == "pcomp" and verb.head.lower_ == "to"
          and verb.head.head.lemma_.lower() in _RESOLVE_NOUNS):
        resolve_noun = verb.head.head  # "its commitment to supporting Y"
    if resolve_noun is not None:
        # "X reiterated its commitment to support Y", "X announced its decision to leave":
        # whoever commits or decides acts.
        noun = resolve_noun
        owners = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        if owners and noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
            # "Guterres reiterated the U.N.'s commitment to ...": the person who speaks for
            # the body acts for it.
            speakers = [a for a in subject_of(noun.head, depth + 1)[0] if _personal(a)]
            if speakers:
                return speakers, []
        if owners:
            return owners, []
        if (noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX")
                # "critics warned the decision to suspend ...": judged, not taken, by them
                and noun.head.lemma_.lower() not in _JUDGING_VERBS):
            return subject_of(noun.head, depth + 1)
        return [], []
    if (verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in _GERUND_PREPS
            and verb.head.head.pos_ in ("VERB", "AUX")
            # not through a relative clause: "a conference that began after accusing X"
            and verb.head.head.dep_ not in ("relcl", "acl")):
        # "By attacking the Kurds, Erdogan challenged ...", "after meeting Putin, he said":
        # the clause's subject does both ("After leaving Raqqa, he was captured": the one
        # captured left)
        agents, patients = subject_of(verb.head.head, depth + 1)
        return (patients, []) if patients else (agents, [])
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and (
            (above := verb.head.head).pos_ == "VERB" and (
                above.lemma_.lower() in _FOCUS_VERBS or any(
                    o.lemma_.lower() in _FOCUS_NOUNS for o in _children(above, {"dobj"})))
            or above.lemma_.lower() in _FOCUS_NOUNS and above.dep_ in ("dobj", "nsubj", "nsubjpass")
            and (above := above.head).pos_ in ("VERB", "AUX")):
        # "Turkey has shifted its focus from fighting Isis", "is focused on fighting the
        # Kurds": whoever turns their effort to (or from) it does it
        agents, patients = subject_of(above, depth + 1)
        return (patients, []) if patients else (agents, [])
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.head.i != verb.head.i:
        # "X is willing to withdraw", "X is ready to talk": the adjective's subject acts.
        return subject_of(verb.head.head, depth + 1)
    if (culprit := _culprit(verb)) is not None:
        return subject_of(culprit, depth + 1)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        agents, patients = subject_of(verb.head, depth + 1)
        if (verb.dep_ in ("xcomp", "advcl") and _infinitive(verb) and verb.head.tag_ == "VBN"
                and verb.head.lemma_.lower() in _RAISING_VERBS
                and not any(c.dep_ == "auxpass" for c in verb.children)
                and (raised := (patients if any(
                    c.dep_ in ("agent", "auxpass") for c in verb.head.children) else []) or (
                    [verb.head.head] if verb.head.dep_ == "acl" and _actor_like(verb.head.head)
                    else []))):
            # "(the force) was raised to fight the regime", "the force raised by Washington to
            # fight Isis", "troops sent by Russia to protect the base": those raised or sent
            # do it, not who raised or sent them
            return raised, []
        if (verb.dep_ in ("xcomp", "advcl") and _infinitive(verb)
                and verb.head.lemma_.lower() in _RAISING_VERBS - _SENDING_VERBS - {"set", "hire"}):
            raised = [o for v in _conjuncts(verb.head) for o in _children(v, {"dobj"})
                      if _actor_like(o)]
            if not raised and verb.head.dep_ == "relcl" and not _children(verb.head, {"dobj"}):
                raised = [verb.head.head] if _actor_like(verb.head.head) else []
            if raised:
                # "helped raise and train rebel groups to fight Assad", "a militia it had
                # raised to fight Isis": those raised fight, not who raised them
                return raised, []
        if verb.dep_ == "xcomp" and _contact_purpose(verb):
            return agents, patients  # "called Erdogan to apologize": the caller apologizes
        if verb.dep_ == "xcomp":
            objects = _children(verb.head, {"dobj"})
            if objects and all(o.lemma_.lower() in _INSTRUMENTS | _MUNITIONS | _WEAPONS
                               for o in objects):
                # "used live ammunition to disperse them", "fired tear gas to break up the
                # rally": whoever used the weapon acts, not the weapon
                return agents, patients
            if objects and not (verb.head.lemma_.lower() in _LEAVING_FOR and all(
                    o.ent_type_ in ("GPE", "LOC", "FAC")
                    or o.lemma_.lower() in _TERRAIN | {"north", "south", "east", "west"}
                    for o in objects)):
                # ("left Britain to fight for Isis": a place left, whoever left fights;
                # "leaving the adviser to hold talks": the one left does)
                return objects, []
            if not _is_passive(verb) and _is_passive_head(verb.head):
                # "a force raised by X to fight Y", "X was ordered to attack": the one raised
                # or ordered acts, not the one who raised or ordered.
                patient = patients or ([verb.head.head] if verb.head.dep_ == "acl" else [])
                if patient:
                    return patient, []
            if _is_passive(verb):
                return ([], agents) if not patients else (agents, patients)
            if patients and not agents:
                # Raising from a passive governor: "X is expected to visit Y".
                return patients, []
        if (verb.dep_ == "conj" and _is_passive(verb) and not _is_passive(verb.head)
                and verb.head.lemma_.lower() not in SPEECH_VERBS):
            # "the fighters had surrendered or been killed": killed, not killing
            return [], agents
        if (verb.dep_ == "conj" and _children(verb, {"auxpass"}) and verb.i > verb.head.i
                and verb.head.lemma_.lower() in SPEECH_VERBS
                # (no "and"/"but" between: "does not acknowledge it, but is believed to")
                and not any(t.dep_ == "cc" and t.head.i == verb.head.i
                            for t in verb.doc[verb.head.i:verb.i])):
            # "activists said 50 people, mostly women, were killed": a reported clause taken
            # for a conjunct of the saying; the speaker's "object" suffered it, and the
            # speaker did nothing to them
            return [], _children(verb.head, {"dobj"})
        if (verb.dep_ == "advcl" and verb.tag_ == "VBG" and agents and not patients
                and verb.lemma_.lower() in _VOICED_VERBS and verb.head.dep_ == "ccomp"
                and verb.head.head.lemma_.lower() in SPEECH_VERBS and verb.head.head.i < verb.head.i
                and not any(_actor_like(a) or a.pos_ in ("PROPN", "PRON") for a in agents)):
            # "the envoy said Tokyo's plan ignored history, calling out the plan": the
            # speaker calls it out, not the plan the speech was about
            return subject_of(verb.head.head, depth + 1)
        return agents, patients
    return [], []


# Verbs of saying what one thinks of someone, done by a speaker: "calling out the plan".
_VOICED_VERBS = SPEECH_VERBS | _JUDGING_VERBS | {"call", "urge", "demand", "describe", "label",
                                                 "brand", "accuse", "blame", "dismiss"}
# Acts done to someone, whose participle with no object is passive: "the leader now
# imprisoned in Turkey".
_DONE_TO = {"imprison", "jail", "arrest", "detain", "kill", "wound", "injure", "kidnap",
            "abduct", "execute", "sentence", "capture", "torture", "deport", "expel", "convict",
            "behead", "hang", "assassinate", "exile", "banish", "intern"}
# Verbs of raising or sending a force, whose object serves the purpose: "was raised to fight".
_RAISING_VERBS = {"raise", "send", "deploy", "train", "recruit", "form", "create", "establish",
                  "dispatch", "mobilise", "mobilize", "assign", "hire", "arm", "organise",
                  "organize", "set"}
# Verbs of going whose infinitive is their subject's purpose: "left Britain to fight for Isis".
_LEAVING_FOR = {"leave", "travel", "go", "come", "return", "move", "head", "flee", "cross",
                "enter", "quit", "abandon", "tour", "visit"}
# Prepositions whose gerund shares its clause's subject: "after meeting Putin, he said".
# ("in" and "on" are mostly complements: "a role in supporting", "focus on fighting")
_GERUND_PREPS = {"by", "after", "since", "while", "upon", "without"}
# Effort turned to or from an act ("shifted its focus from fighting Isis"), and the verbs of it.
_FOCUS_NOUNS = {"focus", "attention", "effort", "priority", "energy", "resource"}
_FOCUS_VERBS = {"focus", "concentrate"}
# Verbs of being in a state, whose participle is passive: "lay injured", "remained detained".
_STATE_VERBS = {"lie", "lay", "remain", "stay", "sit", "be", "become", "seem", "appear",
                "look", "find", "leave", "get"}
# Participles of a state that its subject holds: "were opposed to", "is committed to".
_ACTIVE_PARTICIPLES = {"oppose", "commit", "determine", "prepare", "dedicate", "resolve",
                       "involve", "engage", "interest", "concern", "poise", "set"}
# Verbs of contact whose "to" clause is their purpose: "visited Kenya to sign a deal".
_CONTACT_VERBS = {"visit", "call", "phone", "telephone", "ring", "meet", "host", "receive"}


def _contact_purpose(verb: Token) -> bool:
    """Whether the infinitive is what a call or visit was made for ("called Erdogan to
    apologize"), not an appeal ("called on X to withdraw")."""
    head = verb.head
    return (head.lemma_.lower() in _CONTACT_VERBS and head.i != verb.i
            and _infinitive(verb)
            and not any(c.dep_ in ("prt", "prep") and c.lower_ == "on" and head.i < c.i < verb.i
                        for c in head.children)
            and (head.lemma_.lower() != "call" or _phoned(head)))


def _culprit(token: Token) -> Token | None:
    """The verb whose subject is held to blame for ``token``'s act: "X was guilty of
    violating the ceasefire", "X has been responsible for mass killings" (the copula)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    while (token.dep_ == "pobj" and token.head.lower_ == "of"
           and token.head.head.lemma_.lower() in _PART_NOUNS):
        token = token.head.head  # "responsible for dozens of killings"
    if token.dep_ not in ("pcomp", "pobj") or token.head.lemma_.lower() not in ("of", "for"):
        return None
    owned = token.head.head
    if (owned.lemma_.lower() == "responsibility" and owned.dep_ == "dobj"
            and owned.head.lemma_.lower() in _OWNING_VERBS):
        return owned.head  # "Al-Shabaab claimed responsibility for the bombing"
    adjective = token.head.head
    if adjective.lemma_.lower() not in _BLAME_WORDS or adjective.dep_ not in ("acomp", "oprd"):
        return None
    return adjective.head if adjective.head.i != adjective.i else None


# Verbs by which one owns an act: "claimed (took, accepted) responsibility for the attack".
_OWNING_VERBS = {"claim", "take", "accept", "admit", "acknowledge", "bear"}


# Measures of goods and teams of people, named by what they are of: "a team of doctors".
_MEASURE_NOUNS = {"ton", "tonne", "kilogram", "worth", "load", "cargo", "planeload",
                  "truckload", "shipload", "team"}
# Nouns for a part or a number of something: "some of the prisoners", "the bulk of its
# forces", "dozens of killings", "a wave of arrests".
_PART_NOUNS = {"percent", "%", "part", "some", "most", "all", "half", "bulk", "rest",
               "remainder", "portion", "share", "third", "quarter", "majority", "many", "dozen",
               "hundred", "thousand", "number", "batch", "group", "first", "last", "score",
               "series", "wave", "spate", "string", "lot"}


def _blame_denied(copula: Token) -> bool:
    """Whether being to blame is denied: "X denied being responsible for the attack", "X
    bore no responsibility for it"."""
    return copula.dep_ in ("xcomp", "ccomp", "pcomp") and (
        copula.head.lemma_.lower() in _DENYING_VERBS) or any(
        map(_negated, _children(copula, {"dobj"})))


_DENYING_VERBS = {"deny", "reject", "dismiss", "refute", "rebut"}
# Nouns for what is said to have happened: "denied reports that Britain had sent troops".
_REPORT_NOUNS = {"report", "claim", "allegation", "accusation", "suggestion", "rumour", "rumor",
                 "speculation", "charge", "assertion"}


def _report_denied(clause: Token) -> bool:
    """Whether the clause is what a denied report says: "the minister denied reports that
    Britain had sent troops", "rejected claims that its forces shelled the town"."""
    report = clause.head
    return (clause.dep_ in ("acl", "ccomp") and report.i != clause.i
            and report.lemma_.lower() in _REPORT_NOUNS
            and (report.dep_ in ("dobj", "nsubjpass")
                 and report.head.lemma_.lower() in _DENYING_VERBS
                 # "reports that Egypt had closed the border were false"
                 or report.dep_ == "nsubj" and any(
                     c.dep_ in ("acomp", "attr") and c.lemma_.lower() in _FALSE_WORDS
                     for c in report.head.children)))


# Nouns for news of what happened: "amid reports that Israel struck Iranian bases".
# (Claims and allegations are only what someone says: "allegations that the NSA targeted".)
_NEWS_NOUNS = {"report", "news", "word", "evidence", "confirmation", "sign", "indication"}


def _reported_content(verb: Token) -> bool:
    """Whether the clause is what a report, news or claim says happened, in the past and
    with its own subject ("reports that Israel struck Iranian bases"): an event, not a
    description of the noun ("the demand that Russia withdraw" stays one)."""
    return (verb.head.lemma_.lower() in _NEWS_NOUNS and verb.head.i < verb.i
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            and (verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_ == "have"
                                           and c.tag_ == "VBD" for c in verb.children)))


# What a report is called when it is denied.
_FALSE_WORDS = {"false", "untrue", "baseless", "unfounded", "groundless", "fake", "wrong",
                "incorrect", "inaccurate", "fabricated", "fabrication", "lie", "nonsense",
                "rumour", "rumor"}


# Nouns of resolve whose "to" clause their owner carries out: "its commitment to support".
_RESOLVE_NOUNS = {"commitment", "decision", "determination", "readiness", "willingness",
                  "resolve", "resolution", "pledge", "promise", "vow"}


# Heads of phrases that name people, never things: "detained several suspects".
PEOPLE = {"people", "person", "personnel", "man", "woman", "child", "boy", "girl", "suspect",
          "member", "prisoner", "detainee", "hostage", "refugee", "migrant", "victim", "resident",
          "citizen", "national", "passenger", "worshipper", "civilian", "student", "worker",
          "official", "leader", "activist", "journalist", "family", "supporter", "follower",
          "fighter", "militant", "soldier", "troop", "protester", "protestor", "demonstrator",
          "diplomat", "envoy", "minister", "delegation", "individual", "crew", "tourist",
          "foreigner", "ambassador", "inspector", "observer", "peacekeeper", "staff", "employee",
          "husband", "wife", "son", "daughter", "father", "mother", "brother", "sister",
          "friend", "colleague", "partner", "relative", "parent", "lawyer", "owner",
          "captain", "commander", "officer", "pilot", "sailor", "guard", "driver", "doctor",
          "nurse", "teacher", "priest", "imam", "judge", "mayor", "governor", "candidate",
          "politician", "lawmaker", "senator", "opponent", "critic", "dissident", "blogger",
          "reporter", "executive", "businessman", "businesswoman", "farmer", "villager",
          "pilgrim", "athlete", "scientist", "professor", "spokesman", "spokeswoman",
          "spokesperson", "adviser", "advisor", "aide", "deputy", "chairman", "director",
          "president", "premier", "chief", "head", "general", "colonel", "mp", "inmate",
          "captive", "convict", "defendant", "accused", "patient", "survivor", "youth",
          # armed or outlawed people, and others a story counts
          "infiltrator", "gunman", "attacker", "assailant", "insurgent", "jihadist",
          "terrorist", "smuggler", "trafficker", "poacher", "pirate", "bandit", "kidnapper",
          "hijacker", "bomber", "sniper", "recruit", "conscript", "mercenary", "deserter",
          "defector", "separatist", "rebel", "loyalist", "combatant", "extremist", "looter",
          "rioter", "settler", "herder", "fisherman", "miner", "trader", "voter",
          "militiaman", "guerrilla", "commando", "paratrooper", "marine", "policeman",
          "policewoman", "cadet", "veteran"}


def _measured(token: Token) -> list[Token]:
    """What a measure or a team is of: "a team of doctors and nurses" -> doctors, nurses;
    "20 tonnes of food" -> food; nothing when the noun measures nothing."""
    if token.lemma_.lower() not in _MEASURE_NOUNS and token.ent_type_ != "QUANTITY":
        return []
    return [g for o in _prep_objects(token, frozenset({"of"})) for g in _conjuncts(o)]


def _measure_of(token: Token, noun: str) -> bool:
    """Whether a noun measures the noun given: "a team of doctors", "20 tonnes of food"."""
    return any(g.lemma_.lower() == noun for g in _measured(token))


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    # ("deported the men back to Afghanistan": the parser hangs "to" on "back")
    heads = [*token.children, *(g for c in token.children
                                if c.dep_ in ("advmod", "prt") and c.lower_ == "back"
                                for g in c.children)]
    found = [o for prep in heads
             if prep.dep_ in ("prep", "dative") and prep.lemma_.lower() in preps
             # "Against the advice of his generals, Trump ordered ...": an opening phrase
             # before the subject says how or when, not to whom
             and not (prep.i < token.i and any(s.i > prep.i for s in _children(token, _SUBJ)))
             # "arrested him on suspicion of ...", "on charges of": why, not whom; "on the
             # sidelines of the summit": where
             and not any(o.lemma_.lower() in _GROUNDS_NOUNS | _OCCASION_NOUNS
                         for o in _children(prep, {"pobj"}))
             for o in _children(prep, {"pobj"}) + [
                 # "against visiting Crown Prince X": a title's participle parsed as a verb
                 d for c in _children(prep, {"pcomp"}) if c.lower_ in _TITLE_PARTICIPLES
                 for d in _children(c, {"dobj"})] + [
                 # "clashed with farmers blocking roads": the phrase parsed as a clause
                 # (not after a comma: ", with both organisations fearing ..." says why)
                 d for c in _children(prep, {"pcomp"}) if c.tag_ == "VBG"
                 and prep.i > 0 and prep.doc[prep.i - 1].text != ","
                 for d in _children(c, {"nsubj"}) if d.pos_ in ("NOUN", "PROPN")] + [
                 # "fired at protesting workers": a participle before its noun, parsed as a
                 # verb with an object
                 d for c in _children(prep, {"pcomp"}) if c.tag_ == "VBG"
                 and not any(x.i < c.i for x in c.children)
                 for d in _children(c, {"dobj"}) if d.left_edge.i == c.i + 1
                 and not _children(d, {"det", "poss"}) and _actor_like(d)] + [
                 # "tariffs on $120 billion of China's exports": the amount is of something
                 d for c in _children(prep, {"pobj"}) if c.ent_type_ in ("MONEY", "PERCENT")
                 for of in _children(c, {"prep"}) if of.lower_ == "of"
                 for d in _children(of, {"pobj"})]
             if o.ent_type_ not in NOT_PARTICIPANT_ENTS]
    if "of" in preps and "nodobj" not in preps and not _children(token, {"dobj"}):
        # "walked out of the talks", "stormed out of a meeting": what was left
        found += [o for prep in _children(token, {"prep"}) if prep.lower_ == "out"
                  and not _children(prep, {"pobj"})
                  for o in _prep_objects(prep, frozenset({"of"}))
                  if o.ent_type_ not in NOT_PARTICIPANT_ENTS]
    if "of" in preps and "nodobj" in preps:
        # "pulled its troops out of the Kharkiv region" (a withdrawal's place; not "drove the
        # jihadists out of Mosul": whom it was done to): "out of", parsed as two prepositions
        found += [o for prep in _children(token, {"prep"}) if prep.lower_ == "out"
                  and not _children(prep, {"pobj"})
                  for o in _prep_objects(prep, frozenset({"of"}))
                  if o.ent_type_ not in NOT_PARTICIPANT_ENTS]
    if "outside" in preps:
        # "rallied in front of the Russian embassy": as "outside" it
        found += [o for prep in _children(token, {"prep"}) if prep.lower_ == "in"
                  for front in _children(prep, {"pobj"}) if front.lower_ == "front"
                  for o in _prep_objects(front, frozenset({"of"}))]
        # a protest outside an embassy or a ministry is aimed at it; outside a stadium, not
        found = [o for o in found if o.head.lower_ not in ("outside", "of") or _seat(o)]
    # "support for X against any attempts": what something is against comes after whom it
    # is for or with.
    return sorted(found, key=lambda o: o.head.lemma_.lower() == "against")


def _seat(token: Token) -> bool:
    """Whether a noun names an actor or the seat of one: "the Turkish embassy", "the
    parliament building", "Downing Street" (not "the stadium")."""
    return (_actor_like(token) or token.pos_ == "PROPN" or token.lemma_.lower() in _SEAT_NOUNS
            or any(c.dep_ in ("compound", "poss") and (_actor_like(c) or c.pos_ == "PROPN")
                   for c in token.children))


# Buildings that house a government or its envoys.
_SEAT_NOUNS = {"embassy", "consulate", "palace", "headquarters", "residence", "office",
               "ministry", "legislature", "chancellery", "mission"}
# Nouns of an occasion, whose "on" says where or when: "on the sidelines of the summit".
_OCCASION_NOUNS = {"sideline", "sidelines", "margin", "margins", "fringe", "fringes",
                   "occasion", "eve", "anniversary",
                   "tooth", "teeth"}  # ("armed to the teeth": how much, not whom)
# Nouns of grounds, whose "on" says why: "on suspicion of", "on charges of", "on behalf of".
_GROUNDS_NOUNS = {"suspicion", "charge", "ground", "basis", "behalf", "allegation", "accusation",
                  "count"}
# Participles that stand before a title as adjectives: "visiting Crown Prince X".
_TITLE_PARTICIPLES = {"visiting", "outgoing", "incoming", "acting", "ruling", "leading",
                      "governing", "departing"}
# Verbs that grant what was asked: "approved a request", "met their demands".
_ACCEDING_VERBS = {"approve", "grant", "accept", "meet", "fulfil", "fulfill", "heed", "answer",
                   "satisfy", "endorse"}
# Nouns of asking, whose "from" names who asked: "a request from the ministry".
_ASKING_NOUNS = {"request", "demand", "appeal", "plea", "call", "petition", "application",
                 "proposal", "offer", "invitation"}


def _askers(noun: Token) -> list[Token]:
    """Who made a demand or a request given in to: "the rebels' demands", "demands from the
    unions", "the demands of the miners"."""
    return _owners(noun) + _prep_objects(noun, frozenset({"from", "of"}))


def _owners(noun: Token) -> list[Token]:
    if noun.pos_ != "NOUN":
        return []
    owners = _prep_objects(noun, frozenset({"by"}))
    if noun.lemma_.lower() in _ASKING_NOUNS:
        # ("an appeal from his hospital bed": where it was made from, no one)
        owners += [o for o in _prep_objects(noun, frozenset({"from"}))
                   if _actor_like(o) or o.pos_ == "PROPN"]
        # "spurned offers for peace talks by the Kabul government": the "by" may hang on
        # what was offered
        owners += [o for c in _prep_objects(noun, frozenset({"for", "of"}))
                   for o in _prep_objects(c, frozenset({"by"})) if _actor_like(o)]
    owners += [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    # "the appeal filed by X", "threats made by X" (not people: "hostages held by bandits"
    # are no one's)
    if noun.lemma_.lower() not in PEOPLE:
        owners += [o for acl in noun.children if acl.dep_ == "acl" and acl.tag_ == "VBN"
                   for agent in _children(acl, {"agent"}) for o in _children(agent, {"pobj"})]
    if noun.lemma_.lower() in _PUBLISHED_NOUNS:
        # "reports in the New York Times", "reports that appeared in CNN": who published them
        owners += [o for o in _prep_objects(noun, frozenset({"in"}))
                   if o.pos_ == "PROPN" or o.ent_type_ == "ORG"]
        owners += [o for rel in noun.children if rel.dep_ in ("relcl", "acl")
                   and rel.lemma_.lower() in ("appear", "publish", "run", "air", "print")
                   for o in _prep_objects(rel, frozenset({"in", "on", "by"}))
                   if o.pos_ == "PROPN" or o.ent_type_ == "ORG"]
    return owners


# Verbs of fighting, whose "with" may name an ally.
_FIGHTING_VERBS = {"fight", "battle", "combat"}
# What is published: whoever published it answers for it.
_PUBLISHED_NOUNS = {"report", "article", "story", "editorial", "column", "piece", "broadcast"}


def _objects(token: Token, preps: frozenset[str], *, direct: bool) -> list[Token]:
    """Candidate recipients, best first: direct objects, a raised subject ("urged X to"),
    listed prepositions' objects on the token and on its object ("signed a pact with X").
    A row listing "nodobj" moves its own object ("withdrew its troops from X")."""
    theme = "nodobj" in preps
    listed = preps
    preps = preps | _DEFAULT_PREPS
    out: list[Token] = []
    if direct:
        objects = _children(token, {"dobj", "dative"}) or (
            # "Biden hosts Japanese premier at White House": the object taken for an apposition
            _appositive_objects(token) if token.pos_ == "VERB" or _misparsed_verb(token) else [])
        if token.dep_ == "relcl":
            # "Tripoli, which Haftar's forces have besieged", "a journalist whom soldiers
            # arrested": the relative pronoun stands for the noun the clause describes
            objects = [_named_antecedent(token.head) if o.lower_ in _REL_PRONOUNS else o
                       for o in objects]

        # "rejected a proposal by the government", "accepted Russia's demands": whose
        # proposal or demand it was is the recipient, before the thing itself.
        # (an actor's possessor is part of its name: "Myanmar's junta" is one recipient)
        # ("conveyed Pakistan's support": who holds a stance expressed is who expresses it)
        expressed = token.lemma_.lower() in _EXPRESSIVE_VERBS | _PURPOSE_EXPRESSIONS
        objects = [o for obj in objects
                   for o in (*(w for w in _owners(obj) if not (
                       w.dep_ == "poss"
                       and (expressed or _actor_like(obj) and obj.pos_ == "NOUN"))), obj)]
        objects += [o for obj in objects for c in _conjuncts(obj)[1:] for o in _owners(c)
                    if not (expressed and o.dep_ == "poss")]
        if theme:
            # "donated the hospital 50 beds", "awarded the families of the victims $5
            # million": a noun dative, or the first of two objects, receives the goods
            receivers = [o for o in _children(token, {"dative"}) if o.pos_ in ("NOUN", "PROPN")]
            things = _children(token, {"dobj"})
            if (len(things) == 2 and things[0].right_edge.i + 1 == things[1].left_edge.i
                    and (_actor_like(things[0]) or things[0].lemma_.lower() in PEOPLE)):
                receivers.append(things[0])
            return (_prep_objects(token, preps) + receivers
                    + [o for obj in objects for o in _prep_objects(obj, preps)])
        out += objects
        for comp in _children(token, {"ccomp", "xcomp"}):
            if (any(c.dep_ == "mark" for c in comp.children) or comp.i < token.i) and not (
                    # "threatened that Assad would pay a big price": who is to pay is whom
                    # the threat is made to
                    comp.lemma_.lower() in _CONSEQUENCES and comp.i > token.i
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in comp.children)
                    and token.lemma_.lower() in ("threaten", "warn", "vow")
                    and any(_actor_like(t) or t.pos_ == "PROPN" for t in _children(comp, {"nsubj"}))):
                # "warned that Israel would ...": Israel is not the one warned; nor is Iran in
                # "Iran would retaliate, its minister warned" (what was said, said first)
                continue
            if (comp.dep_ == "ccomp" and comp.lemma_.lower() not in _CONSEQUENCES and (
                    # (not "allow UN workers expanded access": a noun taken for a verb)
                    comp.tag_ in ("VBZ", "VBP") or any(
                        c.dep_ == "aux" and c.lower_ in _HYPO_AUX | _FUTURE_AUX
                        for c in comp.children))):
                # "vowed the US and its allies will expel ...": who will act, not whom the
                # vow is made to ("demanded Israel stop", "warned Turkey would face" are)
                continue
            # ("denied he was one of the four": he is the one who denies)
            out += [s for s in _children(comp, {"nsubj"}) if s.lemma_.lower() not in _REL_PRONOUNS
                    and not (s.pos_ == "PRON" and s.lower_ in ("he", "she", "they", "we", "i"))]
        for comp in _children(token, {"advcl", "ccomp"}):
            # "gave approval for the UN to deliver aid", "called for the army to withdraw":
            # whom the clause of "for" is about
            if any(c.dep_ == "mark" and c.lower_ == "for" for c in comp.children):
                out += [s for s in _children(comp, {"nsubj"}) if s.pos_ != "PRON"]
        out += _prep_objects(token, preps)
        if token.lemma_.lower() in _OPENING_VERBS and (opened := [
                o for o in objects if o.lemma_.lower() in _OPENED]):
            # "agreed to open its borders for South Koreans": whom access is for
            # ("for Belarusian truck drivers": people of a nation; not "for trade")
            out += [o for h in (token, *opened) for o in _prep_objects(h, frozenset({"for"}))
                    if _actor_like(o)
                    or any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in o.children)]
        for obj in objects:
            # "welcomed Trump's remarks on Ukraine": what remarks are on is their topic
            # ("condemned the ban on refugees": whom a measure judged is on is not who is
            # judged)
            out += _prep_objects(obj, preps - {"on"} if obj.lemma_.lower() in _TOPIC_NOUNS
                                 or token.lemma_.lower() in _JUDGING_VERBS
                                 and obj.lemma_.lower() in _MEASURES else preps)
        if "at" not in listed and any(o.head.lower_ != "at" for o in out):
            # "hosted the premier at the White House", "filed a case against Israel at the
            # ICJ": beside a participant, "at" says where, not whom
            out = [o for o in out if o.head.lower_ != "at" or o.head.head.i != token.i]
        return out
    return _prep_objects(token, preps)


# Triggers whose place is their target when nothing else is: "imposed a curfew in X",
# "declared a ceasefire in X", "protested outside the embassy", "clashes in X".
_PLACE_TARGET_ROOTS = {"14", "15", "17", "18", "19", "20"}
_PLACE_TARGET_CODES = {"0871", "0872", "0873", "0874", "087"}
_TARGET_PLACE_PREPS = frozenset({"in", "at", "outside", "inside", "across", "near", "around",
                                 "along"})
_REQUEST_ROOTS = {"02", "10"}


# Sites force is used on, named by a common noun: "by shelling homes".
_STRUCK_SITES = {"home", "house", "position", "post", "base", "checkpoint", "school", "hospital",
                 "market", "building", "outpost"}


def _means_targets(token: Token, row: Trigger) -> list[Token]:
    """Whom force was used on by the means that carried it out: "violated the truce by
    shelling villages", "by firing small arms along the border in Poonch district"."""
    if row.cameo[:2] not in ("18", "19", "20"):
        return []
    means = [m for p in token.children if p.dep_ == "prep" and p.lower_ == "by"
             for c in _children(p, {"pcomp"}) if c.pos_ == "VERB" for m in _conjuncts(c)]
    found = [o for m in means for o in _children(m, {"dobj"})
             if _actor_like(o) or o.pos_ == "PROPN" or o.ent_type_ in _PLACE_LABELS
             or o.lemma_.lower() in _AREA_NOUNS | _STRUCK_SITES]
    return found or [t for m in means for t in _target_places(m, row)]


def _target_places(token: Token, row: Trigger) -> list[Token]:
    # Not for meetings: "debt talks in New York" are not with New York; but a summit
    # attended in a place is a visit to its host ("attended a summit in France").
    if (row.cameo[:2] not in _PLACE_TARGET_ROOTS and row.cameo not in _PLACE_TARGET_CODES
            and not (row.lemma == "attend" and row.cameo[:2] == "04")):
        return []
    # "violated the ceasefire in Karabakh": the place may hang on the verb's object, and
    # "a ceasefire effective from Sunday in Somalia" on the noun's modifier.
    holders = [token, *_children(token, {"dobj"})] if token.pos_ in ("VERB", "AUX") else [
        token, *_children(token, {"amod"})]
    if token.pos_ not in ("VERB", "AUX"):
        # "effective from Friday in Darfur": hung anywhere under the modifier
        holders += [t for h in holders[1:] for t in h.subtree if t.dep_ == "prep" and t.i != h.i]
    found = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lemma_.lower() not in _TARGET_PLACE_PREPS:
                continue
            # "in occupied Karabakh" parsed as a clause: its object is the place.
            objects = _children(prep, {"pobj"}) + [
                o for c in _children(prep, {"pcomp"}) for o in _children(c, {"dobj"})]
            found += [o for o in objects if o.ent_type_ not in NOT_PARTICIPANT_ENTS and (
                o.ent_type_ in _PLACE_LABELS or o.pos_ == "PROPN"
                # "in the worst-hit areas", "in the north region": an area, named or not
                or o.lemma_.lower() in _AREA_NOUNS)]
    return found


_ACTOR_PLACE_ROOTS = {"14"}
_ACTOR_PLACE_CODES = {"087", "0871"}


def _actors_place(agents: list[Token], row: Trigger) -> list[Token]:
    """Where the actors are, for protests and ceasefires with no other target: "protesters in
    the town of Gjilan burned the flag", "the coalition fighting rebels in Yemen declared a
    ceasefire"."""
    if row.cameo[:2] not in _ACTOR_PLACE_ROOTS and row.cameo not in _ACTOR_PLACE_CODES:
        return []
    return [o for a in agents for t in a.subtree
            if t.dep_ == "prep" and t.lower_ == "in"
            for o in _children(t, {"pobj"})
            if o.ent_type_ in _PLACE_LABELS or _named_area(o)][:1]


# Common nouns for parts of a country: "in Bosnian Serb territory", "in the north region".
_AREA_NOUNS = {"territory", "region", "area", "district", "province", "state", "city", "town",
               "village", "border", "capital", "countryside", "zone", "enclave", "camp",
               "county", "neighbourhood", "neighborhood", "suburb", "coast", "island", "part",
               "north", "south", "east", "west", "north-east", "northeast", "north-west",
               "northwest", "south-east", "southeast", "south-west", "southwest"}


# What a place cannot do to people: "the attack on Douma, which killed 75".
_HARM_VERBS = {"kill", "wound", "injure", "maim", "destroy", "damage"}


def _beyond_places(token: Token, harm: bool) -> Token:
    """The noun a place hangs from, through "in", "at" or "near" ("the attack in Damascus" ->
    attack), and when what the clause says is ``harm`` also "on" and "of" ("the attack on the
    town of Douma" -> attack), when the place is a name or an area; else the token."""
    preps = ("in", "at", "near", "on", "of") if harm else ("in", "at", "near")
    found = token
    while (found.dep_ == "pobj" and (found.ent_type_ in ("GPE", "LOC", "FAC")
                                     or found.lemma_.lower() in _AREA_NOUNS)
           and found.head.lower_ in preps and found.head.head.pos_ in ("NOUN", "PROPN")):
        found = found.head.head
    return found if found.pos_ == "NOUN" and found.lemma_.lower() not in _AREA_NOUNS else token


def _named_area(token: Token) -> bool:
    """An area of a named place: "Bosnian Serb territory", "the capital", "areas of Kabul"."""
    return token.lemma_.lower() in _AREA_NOUNS and (
        token.lemma_.lower() == "capital"
        or any(t.ent_type_ in ("GPE", "LOC", "NORP") for t in token.subtree))


def _addressees(token: Token, row: Trigger) -> list[Token]:
    """Whom a demand or an appeal addresses when no object says it: the subject of its "that"
    clause ("demanded that Russia withdraw"), or a target inside what it calls for ("called
    for sanctions against X", "urged talks with X")."""
    if row.cameo[:2] not in _REQUEST_ROOTS:
        return []
    # "demanded that Russia withdraw", "Trump's demand that Germany repatriate ..."
    clauses = _children(token, {"ccomp"}) + [
        a for a in _children(token, {"acl"})
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in a.children)]
    for comp in clauses:
        subjects = [s for s in _children(comp, {"nsubj", "nsubjpass"})
                    if s.lemma_.lower() not in _REL_PRONOUNS and s.pos_ != "PRON"]
        if subjects:
            return subjects
    for noun in _prep_objects(token, frozenset({"for"})) + _children(token, {"dobj"}):
        found = _prep_objects(noun, frozenset({"against", "on", "with", "to", "from"}))
        if found:
            return found
    return []


# Verbs of writing or sending words: a participle or purpose clause on them, or on the
# document they send, says what the words do ("wrote to X demanding ...", "sent a letter to
# X urging ...").
_WRITING_VERBS = {"write", "send", "address", "deliver", "submit", "pen", "hand"}


def _letter_addressees(verb: Token) -> list[Token]:
    """Whom a letter or message was sent to, when ``verb`` says what it does: "sent a letter
    to X threatening to ...", "wrote to X to demand ..." (the writer speaks to X)."""
    head = verb.head
    if head.i == verb.i or not (verb.tag_ == "VBG" or _infinitive(verb)):
        return []
    if _children(verb, {"ccomp"}):
        return []  # "wrote to the Guardian to warn that ...": a public warning about something
    if verb.dep_ == "acl" and head.lemma_.lower() in _DOCUMENTS:
        # "sent a letter to X urging ...", "a letter to X urging ..."
        senders = [head.head] if head.dep_ == "dobj" else []
        found = _prep_objects(head, frozenset({"to"})) + [
            o for v in senders if v.lemma_.lower() in _WRITING_VERBS
            for o in _prep_objects(v, frozenset({"to"}))]
    elif verb.dep_ in ("advcl", "xcomp") and head.lemma_.lower() in _WRITING_VERBS and (
            head.lemma_.lower() == "write"
            or any(o.lemma_.lower() in _DOCUMENTS for o in _children(head, {"dobj"}))):
        found = _prep_objects(head, frozenset({"to"}))  # not "sent troops to X to fight"
    else:
        return []
    return [o for o in found if o.pos_ == "PROPN" or _actor_like(o)]


# Verbs whose direct object is what is sent, never who receives it.
_SENDING_VERBS = {"send", "deploy", "dispatch", "provide", "supply", "deliver", "donate",
                  "contribute", "ship", "airlift", "transfer"}
# Verbs whose goods given are aid ("provided tents to X"); forces are deployed, not given.
_GIVING_VERBS = (_SENDING_VERBS - {"deploy"}) | {"give", "distribute", "hand", "award",
                                                 "grant", "allocate"}


def _complement_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Recipients inside a trigger's complement: "threatened to attack X", "pledged to
    cooperate with X", "warned that Israel would bomb X"."""
    purposes = [a for d in (token, *_children(token, {"dobj"}))
                for a in _children(d, {"acl", "advcl"}) if _infinitive(a)]
    for comp in _children(token, {"xcomp", "ccomp"}) + purposes:
        for verb in _conjuncts(comp):
            if comp in purposes and verb.lemma_.lower() not in ("meet", "address", "cover"):
                continue  # ("assistance to meet the needs of X" only)
            if verb.lemma_.lower() == "mediate":
                # "offered to mediate between Thailand and Cambodia": the sides
                sides = [t for o in _prep_objects(verb, frozenset({"between"}))
                         for t in _conjuncts(o)]
                if sides:
                    return sides
            needs = [o for d in _children(verb, {"dobj"}) if d.lemma_.lower() == "need"
                     and verb.lemma_.lower() in ("meet", "address", "cover", "serve")
                     for o in _prep_objects(d, frozenset({"of"}))]
            if needs:
                return needs  # "providing assistance to meet the needs of thousands of people"
            if comp in purposes:
                continue
            found = _objects(verb, preps, direct=True)
            if verb.lemma_.lower() in _CREATING_VERBS:
                # "agreed to set up a company with Liberia", "to form a venture in automation
                # with Matsushita", "a company in Berlin": what is made is no one yet; the
                # partners and places named in it are
                taken = {f.i for f in found}
                found = [t for o in found for t in (
                    [o] if o.dep_ != "dobj" else [
                        p for p in (*o.subtree, *_prep_objects(verb, frozenset({"in"})))
                        if p.dep_ == "pobj" and p.head.lower_ in ("with", "in")
                        and p.i not in taken and (_actor_like(p) or p.pos_ == "PROPN")])]
            objects = [o for o in found
                       if not any(o.i == s.i for s in _children(verb, {"nsubj"}))
                       # "offered to send troops": what is sent is no recipient
                       and not (o.dep_ == "dobj" and verb.lemma_.lower() in _SENDING_VERBS
                                # "threatened to impose duties on imports": what is imposed
                                | {"impose", "levy", "slap"}
                                # "provide Sri Lanka with technology" names the receiver
                                and not _prep_objects(verb, frozenset({"with"})))]
            if objects:
                return objects
    return []


# Verbs that make what they take: "agreed to form a joint company".
_CREATING_VERBS = {"form", "create", "establish", "found", "set", "build"}
# Where further participants are looked for: down objects, prepositions and complements.
_MORE_DEPS = {"dobj", "dative", "prep", "pobj", "xcomp", "acl", "attr", "oprd", "conj",
              "appos"}
def _party_of_goods(goods: Token, clause: Token, row: Trigger) -> list[Token]:
    """Who a relative clause on the goods of a transfer says is the other party: who got
    them ("supplied 94% of the military equipment Armenia has obtained"), or whom they were
    taken from, when they are given back ("returned the land it had captured from Egypt"; not
    beside a goal: "returned a painting stolen from a gallery to X")."""
    lemma = clause.lemma_.lower()
    if row.cameo[:2] in ("06", "07") and lemma in _GETTING_VERBS:
        parties = _children(clause, {"nsubj"})
    elif (row.lemma in _GIVING_BACK and lemma in _TAKING_VERBS
          and not any(t.dep_ == "prep" and t.lower_ == "to"
                      for t in (*goods.head.children, *clause.subtree))):
        parties = _prep_objects(clause, frozenset({"from"}))
    else:
        return []
    return [t for p in parties for t in _conjuncts(p)
            if _actor_like(t) or t.ent_type_ in ("GPE", "ORG", "NORP")]


# Verbs of giving back, and of the taking they undo: "returned the land it seized from X".
_GIVING_BACK = {"return", "restore", "hand", "give"}
_TAKING_VERBS = {"seize", "capture", "take", "confiscate", "occupy", "annex", "grab", "steal"}
# What those who get goods do: "the weapons Armenia has obtained".
_GETTING_VERBS = {"obtain", "receive", "buy", "import", "acquire", "get", "purchase"}
# Offers for a firm, and the verbs of buying one: "a takeover bid for X", "a deal to buy X".
_BIDS = {"bid", "takeover", "offer", "proposal", "tender"}
_ACQUIRING_VERBS = {"buy", "acquire", "purchase", "take", "merge"}
# Prepositions that lead on to participants: "sanctions, including bans, on X".
_THROUGH_PREPS = frozenset({"of", "including", "include", "alongside", "among",
                            "between", "as",
                            "out"})  # ("walked out of talks with X": "out of", two words)
# What an inquiry is into or of, and the prepositions of who did, spent or got what it looks
# into ("spent under X", "awarded to X", "received from X").
_INQUIRED_PREPS = {"into", "of", "over", "about"}
_INQUIRY_NOUNS = {"investigation", "inquiry", "probe", "audit", "review", "inquest"}
_DOER_PREPS = {"by", "to", "under", "from", "through"}
# Types whose "for" names what they serve: aid, and force made ready.
_PURPOSE_ROOTS = {"07", "15"}
# Types whose purpose clause names who they are for: "sent aid to help X", "offered to send
# troops to help X".
_BENEFICIARY_ROOTS = _PURPOSE_ROOTS | {"03"}
# Nouns of aid, whose "for" names who gets it: "aid donations for Sarajevo".
_AID_NOUNS = {"aid", "assistance", "donation", "funding", "fund", "loan", "grant", "relief",
              "support", "help", "money", "payment"}
# Sums that can be allocated or disbursed: aid, and money by its amount.
_FUNDS = _AID_NOUNS | {"million", "billion", "sum", "tranche", "budget"}
# Verbs by which the one attacked stops an attack: "repelled an attack by rebels".
_REPELLING_VERBS = {"repel", "repulse", "resist", "withstand", "survive"}
# Things said or held about a topic, whose "on" names the topic: "remarks on Ukraine".
_TOPIC_NOUNS = {"remark", "comment", "statement", "view", "position", "stance", "report",
                "speech", "opinion", "assessment", "testimony", "interview", "article",
                "decision", "policy", "proposal", "plan", "resolution", "debate", "vote",
                "rhetoric", "language", "approach", "strategy", "handling", "response"}
# People who take to the streets: "protesters clashed with police".
# Gatherings, and counts of people: "to disperse the crowd", "thousands of protesters".
_COUNTED = {"thousand", "hundred", "dozen", "scores"}
_CROWDS = {"crowd", "rally", "demonstration", "protest", "gathering", "mob", "march",
           "sit-in"} | _COUNTED
_CROWD_PEOPLE = {"protester", "protestor", "demonstrator", "opponent", "supporter", "student",
                 "youth", "rioter", "crowd", "worker", "farmer", "resident", "villager", "fan",
                 "activist", "mob", "people", "follower"} | _COUNTED
# Verbs of putting down a crowd, whose object force was used on: "to disperse protesters".
_REPRESSING_VERBS = {"disperse", "scatter", "repel", "quell", "crush", "suppress", "break",
                     "clear", "push"}
_DISPERSING_VERBS = {"disperse", "scatter"}
# Those sent to talk: "dispatched an envoy to Khartoum".
_SENT_TO_TALK = {"envoy", "delegation", "diplomat", "emissary", "negotiator", "adviser",
                 "advisor", "official", "representative", "minister", "secretary", "mediator"}
# What is cut off from a population to coerce it: "cut off electricity to Gaza".
# (not trade: "cut off gas supplies to Moldova" is a sanction)
_SUPPLIES_CUT = {"internet", "electricity", "water", "communications", "phone", "telephone",
                 "access", "food"}
# Ways through, named after a place: "opened the Rafah crossing" is not opened to Rafah.
_PASSAGES = {"crossing", "border", "corridor", "port", "airport", "airspace", "road", "route"}
# Verbs of opening or closing a way in, and what they open: "opened its borders for X".
_OPENING_VERBS = {"open", "reopen", "close", "shut"}
_OPENED = _PASSAGES | {"market", "door", "gate", "economy", "waters"}
# Access whose restriction is coercion: "cut internet access", "restricted humanitarian access".
_RESTRICTED_ACCESS = {"internet", "phone", "mobile", "telephone", "humanitarian", "aid", "media",
                      "press", "consular", "web", "online", "broadband"}
_HELPING_VERBS = {"help", "assist", "support", "aid", "protect", "defend", "train", "back",
                  "bolster", "strengthen", "relieve", "reinforce", "equip", "rebuild", "feed"}
# The prepositions whose objects are participants even when no table codes them: "returned
# the painting to its owner".
_GOAL_PREPS = frozenset({"to", "with", "against", "toward", "towards", "into", "from"})
_MORE_PREPS = frozenset({"with", "to", "against", "on", "toward", "towards", "into", "from",
                         "upon"})
# Mediation is between sides, however deep: "launched an effort to end the rift between X
# and Y".
_MEDIATION_CODES = {"045", "039", "038"}
# Types whose place is a participant: force, curfews and ceasefires, aid, easing restrictions.
_MORE_PLACE_ROOTS = {"07", "08", "14", "15", "16", "17", "18", "19", "20"}


def _opposed_by_support(token: Token, row: Trigger) -> bool:
    """Whether backing puts ``token`` on the other side: "backed action against Syria",
    "supported the rebels against Assad" (Syria and Assad are not backed)."""
    while token.dep_ == "conj":
        token = token.head
    return (row.cameo[:2] == "05" and token.dep_ == "pobj"
            and token.head.lower_ in ("against", "versus"))


def _more_participants(starts: list[Token], row: Trigger, skip: list[Token]
                       ) -> tuple[tuple[Phrase, ...], tuple[Phrase, ...]]:
    """Noun phrases governed by the trigger through objects, prepositions and complements,
    nearest first: the objects of participant prepositions ("to X", "on X", "against X"), and
    for force, restrictions, ceasefires and aid the places ("in X"); then those of them that
    are goals ("to X", "with X", "from X")."""
    skipped = {t.i for s in skip for t in s.subtree}
    places = row.cameo[:2] in _MORE_PLACE_ROOTS
    inquiry = row.cameo[:2] == "09"
    seen: set[int] = set()
    found: list[Token] = []
    doers: list[Token] = []  # (who did what an inquiry looks into: they go first)
    goals: set[int] = set()
    frontier = [(t, 0) for t in starts]
    while frontier:
        token, depth = frontier.pop(0)
        if token.i in seen or depth > 4:
            continue
        seen.add(token.i)
        for child in token.children:
            if inquiry and child.dep_ in ("pcomp", "ccomp", "acl") and child.i not in skipped:
                # "an investigation into whether X was spied on", "into claims that X abused":
                # who the inquiry is about is the subject of what it looks into.
                found.extend(t for subject in _children(child, {"nsubj", "nsubjpass"})
                             for t in _conjuncts(subject) if t.pos_ != "PRON")
            if (inquiry and child.i not in skipped and token.dep_ == "pobj"
                    and token.head.lower_ in _INQUIRED_PREPS
                    and token.lemma_.lower() not in _INQUIRY_NOUNS):
                # What an inquiry looks into was done, spent or got by someone, who is whom
                # it is about (whoever did it first): "an investigation into the $3.5 billion
                # spent under the Subsidy Fund of X", "into contracts awarded to X", "into
                # abuses by X", "into the killings of protesters by X"
                if child.dep_ == "acl" and child.tag_ == "VBN":
                    preps = [p for p in child.children if p.dep_ in ("agent", "dative")
                             or p.dep_ == "prep" and p.lower_ in _DOER_PREPS]
                else:
                    preps = [child] if child.dep_ == "prep" and child.lower_ == "by" else []
                for prep in preps:
                    objects = [o for o in _children(prep, {"pobj"})
                               if o.ent_type_ not in NOT_PARTICIPANT_ENTS]
                    (doers if prep.lower_ == "by" else found).extend(
                        t for o in objects for t in _conjuncts(o))
                    frontier.extend((o, depth + 1) for o in objects)
            if (child.dep_ == "ccomp" and row.cameo in _MEDIATION_CODES and depth > 0
                    and token.lemma_.lower() in _HELPING_VERBS):
                # "a mediation effort designed to help the government and the rebels reach
                # a settlement": the sides
                found.extend(t for s in _children(child, {"nsubj"}) for t in _conjuncts(s)
                             if _actor_like(t) or t.pos_ == "PROPN")
            if (child.dep_ == "ccomp" and token.dep_ in ("advcl", "xcomp") and depth > 0
                    and token.lemma_.lower() in _HELPING_VERBS
                    and (row.cameo[:2] in _BENEFICIARY_ROOTS or row.cameo[:2] == "15")):
                # "sent troops to help Mozambique fight the insurgency": whom it helps
                found.extend(t for s in _children(child, {"nsubj"}) for t in _conjuncts(s)
                             if _actor_like(t) or t.ent_type_ in ("GPE", "ORG", "NORP"))
            if token.pos_ == "NOUN" and token.lemma_.lower() in _PACT_NOUNS | _BIDS and (
                    child.dep_ == "acl" and child.lemma_.lower() in _ACQUIRING_VERBS
                    and _infinitive(child) or child.dep_ == "prep" and child.lower_ == "for"
                    and token.lemma_.lower() in _BIDS):
                # "signed an agreement to buy X", "withdrew its takeover proposal for X": the
                # firm to be bought is the other party
                found.extend(t for o in (_children(child, {"dobj"}) if child.dep_ == "acl"
                                         else _children(child, {"pobj"}))
                             for t in _conjuncts(o) if t.pos_ == "PROPN" or _actor_like(t))
            if token.pos_ == "NOUN" and child.dep_ == "relcl":
                found.extend(_party_of_goods(token, child, row))
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and token.pos_ in (
                    "VERB", "AUX"):
                continue  # "declared a curfew and sent in troops with orders": another act
            if child.i in skipped or child.i in seen or child.dep_ not in _MORE_DEPS and not (
                    # "gave $2m to fight the epidemic in West Africa": what aid is for
                    # ("provided 10 million euros to pay for ...": parsed as a relative)
                    (places or row.cameo[:2] in _BENEFICIARY_ROOTS)
                    and child.dep_ in ("advcl", "relcl") and _infinitive(child)) and not (
                    inquiry and child.dep_ in ("pcomp", "ccomp")):
                continue
            if (child.dep_ == "dobj" and token.dep_ in ("advcl", "xcomp") and depth > 0
                    and (token.lemma_.lower() in _HELPING_VERBS
                         and (row.cameo[:2] in _BENEFICIARY_ROOTS or row.cameo in _MEDIATION_CODES
                              # "will send troops to help Mozambique"
                              or row.cameo[:2] == "15")
                         or token.lemma_.lower() in _REPRESSING_VERBS
                         and row.cameo[:2] in ("17", "18", "19"))
                    and (_actor_like(child) or child.lemma_.lower() in _CROWDS)):
                # "donated ventilators to assist Ethiopia", "fired tear gas to disperse
                # protesters"
                found.extend(_conjuncts(child))
            if (child.dep_ == "prep" and depth == 0 and child.i < token.i
                    and any(s.i > child.i for s in _children(token, _SUBJ))
                    # (where force or a protest happens stays: "In Manchester, protesters")
                    and not (places and child.lemma_.lower() in _TARGET_PLACE_PREPS)):
                continue  # "On Twitter, Trump defended ...": an opening phrase says where
            if child.dep_ in ("prep", "agent") and child.lemma_.lower() != "by":
                preposition = child.lemma_.lower()
                if preposition in ("between", "among") and (
                        row.cameo in _MEDIATION_CODES
                        # "ended mediation efforts between X and Y": the parties
                        or any(t.lemma_.lower() in _TALKS for t in (
                            token, *_children(token, {"compound", "amod"})))
                        and token.dep_ == "dobj"
                        # "welcomed the ceasefire agreement between X and Y", "support for the
                        # negotiations among Sudanese stakeholders": the parties
                        or row.cameo[:2] in _STANCE_ROOTS and token.pos_ == "NOUN"
                        and all(token.i != t.i for t in starts)):
                    found.extend(t for o in _children(child, {"pobj"}) for t in _conjuncts(o))
                    continue
                if preposition == "against" and row.cameo[:2] == "05":
                    continue  # "backed action against Syria": whom the action is against
                aid_for = preposition == "for" and any(
                    t.lemma_.lower() in _AID_NOUNS
                    for t in (token, *_children(token, {"dobj"})))  # ("suspended aid for X")
                if preposition not in _MORE_PREPS | _THROUGH_PREPS and not (
                        # "mobilized troops for a war against X", "aid for refugees in X",
                        # "suspended aid donations for Sarajevo"
                        preposition == "for" and row.cameo[:2] in _PURPOSE_ROOTS
                        or aid_for) and not (
                        places and preposition in _TARGET_PLACE_PREPS):
                    continue  # "after a week of fighting with X": an adjunct, not the event's
                for obj in _children(child, {"pobj"}):
                    if obj.lemma_.lower() in _GROUNDS_NOUNS | _OCCASION_NOUNS or _instrument(obj):
                        continue  # "on the charge of rebellion", "with artillery": not whom
                    if obj.lemma_.lower() == "side" and preposition == "on":
                        continue  # "fighting on the side of the regime": a side joined
                    if preposition == "from" and token.lemma_.lower() in _PROTECTING_VERBS:
                        continue  # "support to protect them from annihilation": a harm kept off
                    if preposition in _MORE_PREPS or (inquiry and preposition == "of") or (
                            aid_for and (_actor_like(obj) or obj.ent_type_ in _PLACE_LABELS)) or (
                            # "provided €28m to pay for food for those affected in Yemen": the
                            # people aid is for, however deep
                            preposition == "for" and row.cameo[:2] == "07"
                            and _beneficiaries(obj)) or (
                            places and preposition in _TARGET_PLACE_PREPS
                            # a place, not a thing named after one ("in U.S. military aid")
                            and (obj.ent_type_ in _PLACE_LABELS or obj.pos_ == "PROPN"
                                 or _named_area(obj)
                                 # a named site: "at the Grasberg mine"
                                 or any(c.dep_ == "compound" and c.pos_ == "PROPN"
                                        for c in obj.children)
                                 # a site in a place: "inside a restaurant in Manbij"
                                 or any(o.ent_type_ in _PLACE_LABELS or _named_area(o)
                                        for q in _children(obj, {"prep"})
                                        if q.lower_ in _LOCATION_PREPS
                                        for o in _children(q, {"pobj"})))):
                        found.extend(_conjuncts(obj))
                        if preposition in _GOAL_PREPS:
                            goals.update(t.i for t in _conjuncts(obj))
            frontier.append((child, depth + 1))
    out: list[Phrase] = []
    goal_phrases: list[Phrase] = []
    for token in doers + found:
        if ((token.pos_ in ("NOUN", "PROPN") or _beneficiaries(token)) and token.i not in skipped
                and token.ent_type_ not in NOT_PARTICIPANT_ENTS):
            # ("those affected in Yemen": the pronoun is nothing without its clause)
            out.append(_phrase(list(token.subtree), token) if token.pos_ == "PRON"
                       else phrase_of(token))
            if token.i in goals:
                goal_phrases.append(out[-1])
    return tuple(out), tuple(goal_phrases)


# Verbs of charging someone with a crime, whose "with" or "of" names the crime.
_CHARGING_VERBS = {"charge", "accuse", "indict", "convict", "suspect", "acquit"}
# Verbs of coming into a country: "arrived in Italy seeking asylum".
_ASYLUM_JOURNEYS = _ARRIVING_VERBS | {"come", "flee", "cross", "enter", "reach"}


def _beneficiaries(token: Token) -> bool:
    """People something is for: "for refugees", "for flood victims", "for those affected"."""
    return (token.pos_ == "NOUN" and token.lemma_.lower() in PEOPLE
            or token.lower_ == "those" and any(c.dep_ in ("acl", "relcl", "amod")
                                               for c in token.children))


def _with_attached_place(phrase: Phrase, token: Token) -> Phrase:
    """Repair a prepositional attachment: "accuses [the authorities] [in Tripoli]" (a named
    person's place is where they are, not who they are: "met Haftar in Paris")."""
    if token.ent_type_ == "PERSON" or token.pos_ == "PROPN":
        return phrase
    head = token.head
    nxt = token.doc[token.right_edge.i + 1] if token.right_edge.i + 1 < len(token.doc) else None
    if nxt is None or nxt.dep_ != "prep" or nxt.head != head or nxt.lemma_.lower() not in ("in", "from"):
        return phrase
    objs = _children(nxt, {"pobj"})
    if not objs or not any(t.ent_type_ in ("GPE", "LOC") for t in objs[0].subtree):
        return phrase
    extra = phrase_of(objs[0])
    prep_word = Word(text=nxt.text, lemma=nxt.lemma_, pos=nxt.pos_, ent="", dep="prep", start=nxt.idx)
    return Phrase(words=phrase.words + (prep_word,) + extra.words, head=phrase.head)


# Event nouns that are events only with their complement: "opposition to X" (the
# opposition is also a party).
_COMPLEMENT_NOUNS = {"opposition": frozenset({"to"}),
                     # "her relief is palpable": a feeling, unless given to someone
                     "relief": frozenset({"to", "for"})}
# Phrases where an event noun means something else: "took charge of", "in charge".
_IDIOM_HEADS = {"charge": {"take", "assume", "in"}}


def _idiom(token: Token) -> bool:
    """Whether an event noun is used in a phrase that is no event."""
    lemma = token.lemma_.lower()
    needed = _COMPLEMENT_NOUNS.get(lemma)
    if needed is not None and not (_prep_objects(token, needed) or (
            token.dep_ == "dobj" and _prep_objects(token.head, needed))):
        return True
    if lemma in ("conference", "briefing", "release") and any(
            c.dep_ == "compound" and c.lemma_.lower() in ("press", "news", "video")
            for c in token.children) and not any(
            len(_conjuncts(s)) > 1 for s in _children(token.head, {"nsubj"})) and not any(
            c.lemma_.lower() == "joint" for c in token.children):
        # "held a press conference": a statement to the public, no meeting ("X and Y held a
        # joint press conference" met)
        return True
    if lemma == "crackdown" and (targets := _prep_objects(token, frozenset({"on", "against"}))) and all(
            t.lemma_.lower() in _PROBLEMS | {"debt", "evasion", "fraud", "smuggling", "crime",
                                             "piracy", "counterfeiting", "waste", "spending",
                                             "speeding", "gambling", "trafficking"}
            for t in targets):
        return True  # "its crackdown on bad debts", "a crackdown on corruption": no one repressed
    if lemma == "deal" and any(c.dep_ == "amod" and c.lemma_.lower() in ("big", "huge", "great")
                               for c in token.children) and not _prep_objects(
            token, frozenset({"with", "between"})):
        return True  # "making a big deal about it", "it is no big deal"
    return token.head.lemma_.lower() in _IDIOM_HEADS.get(lemma, ())


def _noun_key(token: Token) -> list[str]:
    """Lexicon keys for an event noun, compound first: "air strike", "cease fire", "strike"."""
    keys = []
    compounds = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
    for c in compounds:
        keys.append(f"{c.lemma_.lower()} {token.lemma_.lower()}")
    keys.append(token.lemma_.lower())
    if token.lemma_.lower() in _EFFORT_NOUNS:
        # "a mediation effort", "an aid package": the event is the modifier's.
        keys += [c.lemma_.lower() for c in compounds if c.dep_ == "compound"]
    return keys


# Meetings, whose "with" or "to" names the other side: "after talks with X".
_MEETING_NOUNS = {"talk", "meeting", "visit", "summit", "consultation", "negotiation", "call",
                  "trip", "audience", "conversation"}
# Nouns that only package an event named by their modifier.
_EFFORT_NOUNS = {"effort", "initiative", "mission", "package", "programme", "program",
                 "operation", "campaign", "process", "shipment", "convoy", "bid"}
# Pacts named by what they settle: "violated the ceasefire agreement" violates a ceasefire.
_PACT_NOUNS = {"agreement", "accord", "deal", "pact", "line", "arrangement"}
# Places named by what they are: "closed all crossing points" closes crossings.
_POINT_NOUNS = {"point", "post"}
# Goods named by what they are for: "provided shelter materials" provides shelter.
_GOODS_NOUNS = {"material", "supply", "kit", "item", "consignment"}


# Who announces an arrest made it: "police announced the arrest of X".
_ARREST_NOUNS = {"arrest", "detention", "capture", "seizure", "deportation", "expulsion"}
# Acts whose owner in a possessive suffers them: "Brunson's detention", "Khashoggi's murder".
_SUFFERED_NOUNS = {"arrest", "detention", "imprisonment", "jailing", "incarceration", "murder",
                   "killing", "assassination", "execution", "torture", "abduction",
                   "kidnapping", "deportation", "extradition", "expulsion", "beheading",
                   "disappearance", "internment", "prosecution", "conviction", "release",
                   "rescue"}


def _leaders(noun: Token) -> list[Token]:
    """"a Saudi-led strike", "US-backed forces": the name before "-led"."""
    return [n for c in noun.children if c.dep_ == "amod" and c.lower_ in ("led", "backed")
            for n in c.children if n.ent_type_ in ("NORP", "GPE", "ORG") and n.i < c.i]


_RESTRICTING_VERBS = {"declare", "announce", "extend", "proclaim", "introduce", "enforce",
                      "reimpose", "tighten"}
# Who announces a deployment makes it: "Nigeria announced the deployment of 230 troops".
_DEPLOY_NOUNS = {"deployment", "mobilization", "mobilisation", "dispatch"}


def _governing_verb(noun: Token, violent: bool, restriction: bool = False) -> Token | None:
    """The light verb whose object (or object's "of" complement) the event noun is;
    ``restriction`` for curfews, states of emergency and bans (CAMEO 172)."""
    token = noun
    for _ in range(3):
        if token.dep_ == "conj" and token.head.pos_ == "NOUN":
            token = token.head  # "expressed its rejection and condemnation of X"
            continue
        if token.dep_ in ("dobj", "attr", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
            verb = token.head
        elif (violent and token.dep_ == "nsubj" and token.head.dep_ in ("ccomp", "xcomp")
              and token.head.head.pos_ == "VERB"
              and _infinitive(token.head)):
            # "declared a state of siege to begin at midnight": the noun is the object of
            # the verb above, parsed as the subject of its infinitive.
            verb = token.head.head
        else:
            verb = None
        if verb is not None:
            lemma = verb.lemma_.lower()
            if violent:
                announced = lemma == "announce" and (
                    noun.lemma_.lower() in _ARREST_NOUNS or noun.lemma_.lower() in _DEPLOY_NOUNS)
                # Restrictions are declared, announced and extended by whoever imposes them:
                # "declared a state of emergency", "extended the curfew".
                announced = announced or (lemma in _RESTRICTING_VERBS and restriction)
                held = (lemma in _HOLDING_VERBS and noun.lemma_.lower() in _HELD_NOUNS
                        # "called the protests treasonous": named, not called
                        and not any(c.dep_ in ("oprd", "xcomp", "ccomp", "acomp")
                                    for c in (*verb.children, *noun.children)))
                light = lemma in _VIOLENT_LIGHT_VERBS or announced or held
                return verb if light and token is noun else None
            # Whoever does something with a meeting, an agreement or aid is its agent
            # ("attended a meeting", "led a visit"), unless the verb only reports or judges it.
            return None if lemma in _NOT_AGENT_VERBS else verb
        if (token is noun and token.dep_ == "pobj" and token.head.lower_ == "on"
                and noun.lemma_.lower() in _STRIKE_NOUNS | _JOURNEY_NOUNS
                and token.head.head.lemma_.lower() in _BEING_VERBS):
            # "teachers are on strike", "is on a two-day visit to Hungary"
            return token.head.head
        if (not violent and token is noun and token.dep_ == "pobj" and token.head.lower_ == "for"
                and token.head.head.lemma_.lower() in _ARRIVING_VERBS):
            # "arrived in Washington for talks with Biden": who came for them holds them
            return token.head.head
        if (not violent and token is noun and token.dep_ == "pobj"
                and (token.head.lower_ in ("after", "following", "during")
                     # "In a phone call with Erdogan, Merkel urged ...", "On a visit to
                     # Zimbabwe, Ramaphosa voiced ..."
                     or token.head.lower_ == "in" and noun.lemma_.lower() not in _JOURNEY_NOUNS
                     or token.head.lower_ == "on" and noun.lemma_.lower() in _JOURNEY_NOUNS)
                and noun.lemma_.lower() in _MEETING_NOUNS
                and token.head.head.pos_ in ("VERB", "AUX")
                and _prep_objects(noun, frozenset({"with", "to"}))):
            # "Following a meeting with Putin, Erdogan said ...": the one who speaks or acts
            # after talks with someone held them
            return token.head.head
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            prep = token.head
            owner = prep.head
            if owner.pos_ == "NOUN" and (owner.lemma_.lower() in _CONTAINER_NOUNS) and prep.lemma_.lower() == "of":
                token = owner
                continue
            if (not violent and owner.pos_ in ("NOUN", "NUM") and owner.dep_ == "dobj"
                    and prep.lemma_.lower() in ("in", "on")):
                # "provided $2 million in assistance", "led a delegation on a visit to X"
                token = owner
                continue
        return None
    return None


def _opponents(verb: Token) -> tuple[Phrase, ...]:
    """Whom a strike or protest called off was against: the other side of the agreement or
    talks that ended it ("after reaching agreement with the government"), or the subject of
    the clause that ended it ("after the government accepted their demands")."""
    for token in verb.subtree:
        if token.dep_ == "prep" and token.lower_ == "with" and token.head.lemma_.lower() in (
                "agreement", "deal", "talk", "negotiation", "accord", "settlement"):
            sides = [o for o in _children(token, {"pobj"}) if _actor_like(o)]
            if sides:
                return (phrase_of(sides[0]),)
    # The clause may hang lower: "called off a strike that had caused disruption after the
    # government accepted the deal".
    for clause in (t for t in verb.subtree if t.dep_ == "advcl"):
        if any(c.dep_ == "mark" and c.lower_ in ("after", "once", "when") for c in clause.children):
            sides = [s for s in _children(clause, {"nsubj"}) if _actor_like(s)]
            if sides:
                return (phrase_of(sides[0]),)
    return ()


# Verbs and nouns of pressing for something: "after X begged", "after protests by X".
_PRESSING_VERBS = {"beg", "ask", "urge", "demand", "call", "appeal", "plead", "press", "petition",
                   "protest", "lobby", "campaign", "threaten"}
_PRESSURE_NOUNS = _ASKING_NOUNS | {"protest", "pressure", "outcry", "campaign", "threat"}


def _pressers(verb: Token) -> tuple[Phrase, ...]:
    """Who pressed for a concession made after they did: the subject of an "after" clause of
    asking or protest ("after a refugee begged the minister"), or whose protests or demands
    it followed ("after protests by farmers", "following demands from the unions")."""
    for clause in _children(verb, {"advcl"}):
        if (clause.lemma_.lower() in _PRESSING_VERBS
                and any(c.dep_ == "mark" and c.lower_ in ("after", "following") for c in clause.children)):
            sides = [s for s in _children(clause, {"nsubj"}) if _actor_like(s) or s.pos_ == "PROPN"]
            if sides:
                return (phrase_of(sides[0]),)
    for prep in _children(verb, {"prep"}):
        if prep.lower_ in ("after", "following"):
            for noun in _children(prep, {"pobj"}):
                if noun.lemma_.lower() in _PRESSURE_NOUNS:
                    sides = [o for o in _owners(noun) + _prep_objects(noun, frozenset({"from"}))
                             if _actor_like(o) or o.pos_ == "PROPN"]
                    if sides:
                        return (phrase_of(sides[0]),)
    return ()


def _threat_condition(token: Token) -> tuple[Phrase, ...]:
    """Whom a threat is aimed at when it says what would make it happen: the party of an
    "if" or "unless" clause in what is threatened ("threats that he would open the borders
    unless the EU pays", "threatened sanctions if Iran enriches uranium")."""
    for clause in [token, *(c for c in token.children if c.dep_ in ("ccomp", "xcomp", "acl"))]:
        found = _condition_party(clause, ("if", "unless"), patients=False)
        if found:
            return found
    return ()


def _condition_party(verb: Token, marks: tuple[str, ...] = ("until", "unless", "before"),
                     *, patients: bool = True) -> tuple[Phrase, ...]:
    """Who must act before a refused act will happen: the subject (or passive agent) of its
    "until", "unless" or "before" clause, when it names an actor; with ``patients``, also
    whom a passive condition falls on ("until the management is sacked"), but not in a
    threat's condition ("threatened to use nuclear weapons if Russia is attacked")."""
    for clause in _children(verb, {"advcl"}):
        if not any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children):
            continue
        parties = []
        # "until he is satisfied Vietnam is doing all it can": the one who must act is in
        # the clause the condition is about
        nested = [c for x in (clause, *_children(clause, {"acomp"}))
                  for c in _children(x, {"ccomp"})
                  if all(s.pos_ == "PRON" for s in _children(clause, {"nsubj", "nsubjpass"}))]
        # "before a new pay system is reviewed and the management is sacked": each condition
        for part in [*_conjuncts(clause), *nested]:
            parties += _agents_of_passive(part)
            parties += _children(part, {"nsubj"})
            # "until the management is sacked": who the condition falls on
            parties += _children(part, {"nsubjpass"}) if patients else []
        parties = [t for t in parties if _actor_like(t) or t.pos_ == "PROPN"]
        if parties:
            return (phrase_of(parties[0]),)
    return ()


def _names_someone(phrase: Phrase) -> bool:
    """Whether a phrase names an actor, not a thing."""
    head = phrase.head_word
    return head.pos == "PROPN" or head.ent in _ACTOR_ENTS or actor_noun(head.lemma.lower())


def _finite_acl(verb: Token) -> bool:
    """A verb in the past tense parsed as a modifier of the noun before it, itself taken for
    an apposition of an opening phrase: the clause's own verb ("Speaking after talks with
    his counterpart, the Jordanian minister called for ..."); its noun is its subject."""
    return (verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.pos_ in ("NOUN", "PROPN")
            # (a noun that is an object is modified: "released a US pastor detained for ...")
            and verb.head.i == verb.i - 1 and verb.head.dep_ == "appos"
            and not _children(verb, _SUBJ | _PASS_SUBJ | {"agent", "auxpass"}))


# Verbs of asking, whose fronted participle says its subject was asked: "Asked about ...".
_ASKING_VERBS = {"ask", "question", "press", "quiz", "challenge"}


def _acronym(token: Token) -> bool:
    """A word in capitals tagged as a verb: a name the tagger misread ("ECOWAS")."""
    return (token.pos_ in ("VERB", "AUX") and len(token.text) >= 3 and token.text.isupper()
            and token.is_alpha and not shouting(token.sent.text))


def _name_phrase(token: Token) -> Phrase:
    """A one-word name, whatever the tagger made of it."""
    return Phrase(words=(Word(text=token.text, lemma=token.text, pos="PROPN", ent="ORG",
                              dep="head", start=token.idx),), head=0)


def shouting(text: str) -> bool:
    """Whether a sentence is written in capitals (at least 12 letters, 80% of them upper):
    a headline or table line, which the parser reads as nonsense."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _talks_partner(verb: Token) -> tuple[Phrase, ...]:
    """The other side of the talks in which something was agreed: "in a meeting with X",
    "after talks with X" on the verb."""
    for prep in _children(verb, {"prep"}):
        if prep.lower_ not in ("in", "at", "during", "after", "following"):
            continue
        for noun in _children(prep, {"pobj"}):
            if noun.lemma_.lower() in _MEETING_NOUNS - _JOURNEY_NOUNS:
                sides = [o for o in _prep_objects(noun, frozenset({"with"})) if _actor_like(o)]
                if sides:
                    return tuple(phrase_of(t) for t in _conjuncts(sides[0]))
    return ()


def _displaced_goal(verb: Token) -> Phrase | None:
    """The last "to X" after a verb of giving or returning, anywhere in its phrase, whose X
    names a place, a state or an organisation (the goal ends the clause: "returned skulls
    that date back to 640 AD to Peru"); None when there is none."""
    found = None
    for token in verb.subtree:
        if (token.i > verb.i and token.dep_ == "prep" and token.lower_ == "to"
                and token.head.i != verb.i):
            for obj in _children(token, {"pobj"}):
                if _actor_like(obj):
                    found = obj
    return phrase_of(found) if found is not None else None


# Decisions and orders whose subject is whom they concern.
_RULING_NOUNS = {"decision", "order", "ruling", "conviction", "sentence", "detention", "verdict",
                 "warrant", "ban"}


def _antecedent(pronoun: Token, agents: list[Token]) -> Token:
    """The person an object pronoun ("him", "her") stands for: the nearest person named or
    titled before it in the sentence who is not the one acting ("A court convicted X and
    sentenced him"); the pronoun itself when there is none."""
    acting = {t.i for a in agents for t in a.subtree}
    if not agents or any(a.pos_ == "PRON" for a in agents):
        # "Putin said he would meet him": "he" is Putin, so "him" is someone else.
        acting |= {t.i for v in pronoun.ancestors for s in _children(v, _SUBJ) for t in s.subtree}
    if pronoun.lower_ == "them":
        # "arrested two men and charged them": the nearest people named in the plural
        return next((t for t in reversed(list(pronoun.sent)[:pronoun.i - pronoun.sent.start])
                     if t.i not in acting and t.dep_ not in ("compound", "poss")
                     and t.tag_ in ("NNS", "NNPS") and (_actor_like(t) or t.lemma_.lower() in PEOPLE)),
                    pronoun)
    before = [t for t in reversed(list(pronoun.sent)[:pronoun.i - pronoun.sent.start])
              if t.i not in acting and t.dep_ not in ("compound", "poss")
              and t.tag_ not in ("NNS", "NNPS")]
    # a person named first ("Begum ... her then unborn child ... her citizenship"), else a
    # person described
    return next((t for t in before if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"), None) or next(
        (t for t in before if t.pos_ == "NOUN" and t.lemma_.lower() in PEOPLE), pronoun)


def _personal(token: Token) -> bool:
    """A person: named, or a title or a word for people ("the minister")."""
    return (token.ent_type_ == "PERSON" or token.lemma_.lower() in PEOPLE
            or token.lemma_.lower() in _CALLED_PEOPLE)


def _earlier_owner(noun: Token) -> Token | None:
    """Whose "the deal" is, when the sentence named its owner before: "said Trump's deal
    cements despair, calling out the deal" (Trump's)."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or any(
            c.dep_ == "poss" for c in noun.children):
        return None
    return next((c for t in noun.sent if t.i < noun.i and t.lemma_ == noun.lemma_
                 and t.pos_ == "NOUN" for c in t.children
                 if c.dep_ == "poss" and c.pos_ != "PRON"), None)


def _pronoun_owner(noun: Token, agents: list[Token]) -> Token | None:
    """Who "his" or "her" is in "praised his efforts", when it is not the one acting."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in ("his", "her")),
                 None)
    if owner is None or any(_personal(a) or a.pos_ == "PROPN" and a.ent_type_ != "GPE"
                            for a in agents):
        return None  # "Akar pressed his plan": his own
    found = _antecedent(owner, agents)
    return None if found is owner else found


# Kinds of support that are aid, with its code: "financial support" is economic aid (071).
_MATERIAL_SUPPORT = {"financial": "071", "economic": "071", "budgetary": "071", "budget": "071",
                     "military": "072", "logistical": "070", "logistic": "070",
                     "logistics": "070", "material": "070", "humanitarian": "073",
                     "medical": "073", "technical": "070", "air": "072"}


def _phone_call(noun: Token) -> bool:
    """A "call" that is a conversation: made to or held with someone, with no "for" and no
    "to" clause of what is called for ("a call to end the war", "calls for a ceasefire")."""
    if any(c.dep_ in ("acl", "xcomp", "relcl") and _infinitive(c) for c in noun.children):
        return False
    preps = {c.lower_: c for c in noun.children if c.dep_ == "prep"}
    if "for" in preps:
        return False
    parties = [o for p in ("to", "with") if p in preps for o in _children(preps[p], {"pobj"})]
    if not parties or not all(
            _actor_like(o) or o.pos_ == "PROPN" or o.lemma_.lower() in PEOPLE for o in parties):
        return False
    if "with" in preps:
        return True  # "in a call with Erdogan"
    verb = noun.head
    # "made a call to Putin" ("made a call to Iran to free the hostages" is an appeal)
    return (noun.dep_ == "dobj" and verb.lemma_.lower() in ("make", "hold", "have", "receive", "take")
            and not any(t.tag_ == "VB" and _infinitive(t) for t in verb.subtree if t.i > noun.i))


def _material_support(noun: Token) -> str | None:
    """The aid code of "support" named as material: "financial support" -> 071."""
    if noun.lemma_.lower() != "support":
        return None
    return next((_MATERIAL_SUPPORT[c.lemma_.lower()] for c in noun.children
                 if c.dep_ in ("amod", "compound", "conj") and c.i < noun.i
                 and c.lemma_.lower() in _MATERIAL_SUPPORT), None)


# Stances that are an act only when expressed: "expressed his respect for X", "conveyed
# the president's appreciation".
_EXPRESSED_ONLY = {"respect", "appreciation", "gratitude", "admiration"}
# Verbs that carry an expressed stance as a call's purpose: "to express his support".
_PURPOSE_EXPRESSIONS = {"offer", "give", "express", "voice", "deliver", "convey", "reiterate",
                        "reaffirm", "extend", "promise", "pledge", "renew", "affirm", "restate"}


def _purpose_of_contact(token: Token, matched: dict[int, Trigger]) -> bool:
    """A purpose of another kind than the call, meeting or visit it is made in: "called X to
    congratulate him" is a call and a congratulation ("met to discuss" is one meeting)."""
    if token.i not in matched or matched[token.i].cameo[:2] == "04":
        return False
    clause = token
    if (token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.i not in matched
            and token.head.lemma_.lower() in _PURPOSE_EXPRESSIONS):
        clause = token.head  # "called X to express his support": the noun's light verb
    head = clause.head
    return (clause.dep_ in ("advcl", "xcomp") and head.i in matched
            and matched[head.i].cameo[:2] == "04"
            and _infinitive(clause))


def _serves_purpose(token: Token, matched: dict[int, Trigger]) -> bool:
    """A call, meeting or visit made for a purpose coded on its own ("called X to
    congratulate him", "to express his support"): the means, the purpose the substance."""
    return any(_purpose_of_contact(t, matched)
               for c in token.children if c.dep_ in ("advcl", "xcomp")
               for t in (c, *_children(c, {"dobj"})))


def _purpose_of(verb: Token) -> list[Token]:
    """The actor-like direct objects of the verb a purpose clause ("to VERB") serves."""
    if not _infinitive(verb) or not (
            verb.dep_ == "advcl" or verb.dep_ == "xcomp" and _contact_purpose(verb)):
        return []
    return [o for o in _children(verb.head, {"dobj"}) or _callee(verb.head)
            if o.pos_ == "PROPN" or _actor_like(o)]


# Stances taken toward someone: support, criticism, rejection, demands.
_STANCE_ROOTS = {"05", "10", "11", "12"}
# What is said to someone: the stances, appeals and threats.
_SPOKEN_ROOTS = _STANCE_ROOTS | {"02", "13"}


def _clause_head(token: Token) -> Token:
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


# Bills and measures that would do something, and the verbs that put them forward.
_BILL_NOUNS = {"bill", "legislation", "measure", "resolution", "amendment", "law", "proposal"}
_PROPOSING_VERBS = {"introduce", "propose", "unveil", "table", "draft", "submit", "file",
                    "sponsor", "put", "bring"}


def _proposers(verb: Token) -> list[Token]:
    """Who put forward the bill whose relative clause or infinitive the verb is ("introduced
    a bill that would sanction X", "proposed legislation to sanction X"), or []."""
    bill = verb.head
    if (verb.dep_ not in ("relcl", "acl") or bill.lemma_.lower() not in _BILL_NOUNS
            or bill.dep_ != "dobj" or bill.head.lemma_.lower() not in _PROPOSING_VERBS):
        return []
    if not (_infinitive(verb) or any(c.lower_ in ("would", "will") for c in verb.children)):
        return []
    return subject_of(bill.head)[0]


def _no_longer(token: Token) -> bool:
    """Whether the verb is negated by "no longer" ("will no longer supply arms")."""
    return any(c.dep_ == "advmod" and c.lower_ == "longer" and any(d.lower_ == "no" for d in c.children)
               for c in token.children)


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if token.dep_ == "pcomp" and token.head.lower_ == "without":
        return True  # "without consulting its allies"
    if any(c.dep_ == "advmod" and c.lower_ in ("longer", "more")
           and any(d.lower_ == "no" for d in c.children) for c in token.children):
        return True  # "Russia no longer recognises the court"
    if any(c.dep_ == "cc" and c.lower_ == "nor" for c in token.children) or (
            token.dep_ == "conj" and any(c.dep_ == "preconj" and c.lower_ == "neither"
                                         for c in token.head.children)) or any(
            c.dep_ == "preconj" and c.lower_ == "neither" for c in token.children) or any(
            c.dep_ in ("nsubj", "nsubjpass") and any(
                d.dep_ in ("preconj", "det") and d.lower_ == "neither" for d in c.children)
            for c in token.children):
        return True  # "will neither confirm nor deny", "neither Tehran nor Baghdad has given"
    if any(c.dep_ == "prep" and c.lower_ == "in" and any(
            o.lower_ == "way" and any(d.lower_ == "no" for d in o.children)
            for o in c.children) for c in token.children):
        return True  # "France will in no way allow an escalation"
    return any(c.dep_ == "det" and c.lemma_.lower() == "no" for c in token.children)


def _modality(trigger: Token, verb: Token | None) -> tuple[bool, bool, bool]:
    """(negated, hypothetical, future) from the trigger's clause and its governors."""
    clause = verb or _clause_head(trigger)
    negated = (_negated(trigger) or _negated(clause) or _called_off(trigger)
               or _report_denied(clause))
    if negated and any(p.lower_ in ("until", "till", "before") and any(
            o.ent_type_ in ("DATE", "TIME") for o in p.children)
            for p in _children(clause, {"prep"})):
        negated = False  # "are not due to visit the site until Saturday": then, not never
    aux = {c.lemma_.lower() for c in clause.children if c.dep_ in ("aux", "auxpass")}
    aux |= {c.text.lower() for c in clause.children if c.dep_ in ("aux", "auxpass")}
    # "Hackers may have breached the ministry's servers", "the rebels must have fired the
    # shell": "may" or "must" over a perfect is a guess about what happened, a past event
    # reported with doubt, not an act that may come ("could", "would", "should" and mostly
    # "might have" say what did not happen: "might otherwise have agreed"); not when a
    # condition makes it counterfactual, nor when it is what someone fears ("fears that
    # the hostages may have been killed"); only the act guessed at, the verb or its object
    # ("a strike by dockers may have cost the port millions" guesses at the cost)
    epistemic = ((trigger.i == clause.i or trigger.head.i == clause.i and trigger.dep_ == "dobj")
                 and "have" in aux and clause.tag_ == "VBN" and aux & _HYPO_AUX <= _EPISTEMIC_AUX
                 and not any(m.lower_ in ("if", "unless") for c in clause.children
                             if c.dep_ == "advcl" for m in _children(c, {"mark"}))
                 and not any(c.dep_ == "advmod" and c.lower_ == "otherwise"
                             for c in clause.children)
                 and not (clause.dep_ in ("acl", "ccomp", "xcomp") and clause.head.lemma_.lower()
                          in _FRAMING_NOUNS | _FEARING_VERBS | {"concern", "worry", "afraid"}))
    hypothetical = bool(aux & _HYPO_AUX) and not epistemic or any(
        c.dep_ == "mark" and (c.lemma_.lower() in ("if", "unless", "whether")
                              # "will not end the strike until the authorities fulfill its
                              # demands": a condition still to be met ("until X withdrew" was)
                              or c.lemma_.lower() in ("until", "till") and clause.tag_ in ("VBP", "VBZ")
                              and clause.dep_ == "advcl")
        for c in clause.children
    )
    if clause.dep_ == "advcl" and (
            any(c.dep_ == "mark" and c.lower_ == "lest" for c in clause.children)
            # ("in case" before the clause: not "held them to use in case ...")
            or any(c.dep_ == "prep" and c.lower_ == "in" and any(
                o.lower_ == "case" and o.i == c.i + 1 < clause.i for o in _children(c, {"pobj"}))
                for c in clause.children)):
        hypothetical = True  # "hid their daughters in case Isis raided the house": a fear
    future = bool(aux & _FUTURE_AUX)
    if (clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX")
            and not _children(clause, _SUBJ | _PASS_SUBJ)):
        # "if Cuba does not release its prisoners and respect human rights": a verb that
        # shares its first conjunct's subject is under the same condition, and, with no
        # auxiliary of its own, the same negation and modals
        first = clause.head
        hypothetical = hypothetical or any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in first.children)
        if (clause.tag_ in ("VB", "VBN")
                # "may skip the vote and put its support behind X": a base form tagged past
                or clause.tag_ == "VBD" and clause.lower_ == clause.lemma_.lower()) and not any(
                c.dep_ in ("aux", "auxpass") for c in clause.children):
            shared = {c.lower_ for c in first.children if c.dep_ in ("aux", "auxpass")}
            negated = negated or _negated(first)
            hypothetical = hypothetical or bool(shared & _HYPO_AUX)
            future = future or bool(shared & _FUTURE_AUX)
    if hypothetical and "would" in aux and _dated_ahead(clause):
        # "The EU would hold talks with Abbas next month": a plan reported in the past
        # tense, not a hypothesis, unless a condition is stated.
        hypothetical = any(t.lower_ in ("if", "unless") for t in clause.sent)
        future = not hypothetical
    if (trigger.dep_ in ("nsubj", "csubj") and trigger.head.lemma_.lower() == "be"
            and _refusal(trigger.head, True)[1] == "act"):
        # "sending troops was not an option", "sanctions are (not) off the table": an act
        # ruled out, or still possible, is not done (the refusal is its own event)
        hypothetical = True
    if (trigger.dep_ in ("pcomp", "pobj") and trigger.head.lower_ in ("of", "about")
            and trigger.head.head.lemma_.lower() in _FRAMING_NOUNS):
        hypothetical = True  # "the rhetoric of destroying terrorists", "fears of an attack"
    if (trigger.dep_ == "dobj" and trigger.pos_ == "NOUN"
            and trigger.head.lemma_.lower() in _FEARING_VERBS | {"want", "desire", "need", "crave"}):
        hypothetical = True  # "the Kurds fear attack by Turkey", "wants Russia's backing"
    if _imagined(clause):
        hypothetical = True  # "I imagined jets bombing the camp": a picture in the mind
    if (clause.dep_ == "ccomp" and clause.head.lemma_.lower() in _FEARING_VERBS
            and _children(clause, {"nsubj", "nsubjpass"})):
        # "analysts predict Russia will attack Kharkiv", "expects Tillerson will have a
        # difficult conversation": a forecast, not an act or an announced intent
        hypothetical = True
    if (trigger.dep_ == "pobj" and trigger.head.lower_ == "as"
            and trigger.head.head.lemma_.lower() in _SEEING_AS_VERBS):
        hypothetical = True  # "what it sees as the Kurdish threat": a view, no threat made
    if (trigger.dep_ == "pobj" and trigger.head.lower_ == "from"
            and trigger.head.head.lemma_.lower() in _SHELTERED):
        hypothetical = True  # "the zone will be safe from air attack"
    if (clause.dep_ == "xcomp" and clause.head.pos_ == "ADJ"
            and clause.head.lemma_.lower() in _EASE_ADJECTIVES):
        hypothetical = True  # "they will be hard to oust", "easy to defeat"
    if (clause.dep_ in ("ccomp", "xcomp", "csubj", "advcl")
            and all(m.lower_ in ("that", "for") for m in _children(clause, {"mark"}))
            and (clause.dep_ != "advcl" or _children(clause, {"mark"}) or _infinitive(clause))
            and any(c.dep_ == "acomp" and c.lemma_.lower() in _EASE_ADJECTIVES
                    for c in clause.head.children)):
        hypothetical = True  # "it is possible for Turkey to renege", "it is unlikely that"
    if clause.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("once", "whenever") for c in clause.children) and any(
            c.dep_ == "aux" and c.lower_ in _HYPO_AUX | _FUTURE_AUX for c in clause.head.children):
        hypothetical = True  # "once a terrorist is captured, they must answer": whenever
    if clause.dep_ == "relcl" and clause.i == trigger.i and (
            clause.head.lemma_.lower() in _ANY_ONE or any(
            c.dep_ == "det" and c.lower_ == "any" for c in clause.head.children)):
        hypothetical = True  # "any fighters who are deported", "anyone who attacks": whoever
    if trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "any"
                                      for c in trigger.children):
        hypothetical = True  # "will listen to any US request", "any attack would be met"
    if (trigger.dep_ == "pcomp" and trigger.head.lower_ in ("about", "of")
            and trigger.head.head.lemma_.lower() in SPEECH_VERBS | _MUSING_VERBS):
        hypothetical = True  # "tweeted about firing missiles into Syria": a topic
    if (trigger.dep_ == "pcomp" and trigger.head.lower_ in ("in", "on", "to")
            and trigger.head.head.lemma_.lower() in _WANTING_ADJECTIVES):
        hypothetical = True  # "only interested in ousting Assad", "bent on destroying"
    if (trigger.tag_ == "VBG" and not _children(trigger, _SUBJ) and (
            trigger.dep_ == "csubj"
            or trigger.dep_ == "nsubj" and trigger.left_edge.i == trigger.sent.start)
            and any(c.dep_ == "aux" and c.lower_ in _HYPO_AUX | _FUTURE_AUX
                    for c in trigger.head.children)):
        hypothetical = True  # "toppling the regime would be much easier"
    if (clause.dep_ == "pcomp" and clause.head.lower_ in _GERUND_PREPS
            and clause.head.head.pos_ in ("VERB", "AUX")):
        # "may not want to alienate Putin by boycotting the talks": as its clause is
        outer = _modality(clause.head.head, clause.head.head)
        negated = negated or outer[0] and clause.head.lower_ != "without"
        hypothetical, future = hypothetical or outer[1], future or outer[2]
    elif (clause.dep_ == "pcomp" and clause.head.lower_ == "in"
          and clause.head.head.pos_ in ("VERB", "AUX")):
        # "wants to help in ousting the regime": as hypothetical or as future as the act it
        # is part of (a negation stays there)
        outer = _modality(clause.head.head, clause.head.head)
        hypothetical, future = hypothetical or outer[1], future or outer[2]
    elif (clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.head.pos_ in ("VERB", "AUX")
          and not _children(clause, _SUBJ | {"mark"}) and not _negated(clause.head)):
        # "the city will fall by October, allowing elections", "will strike, killing dozens":
        # the consequence of an act to come is to come ("said they would not attend, blaming
        # X" blames now)
        own = {c.lower_ for c in clause.head.children if c.dep_ in ("aux", "auxpass")}
        hypothetical = hypothetical or bool(own & {"may", "might", "could"})
        future = future or bool(own & _FUTURE_AUX)
    if clause.dep_ in ("acl", "ccomp") and clause.head.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ == "no" for c in clause.head.children):
        negated = True  # "there is no evidence that Iran supplied the missiles"
    if (clause.dep_ == "ccomp" and clause.tag_ in ("VB", "VBP")
            and clause.head.lemma_.lower() in _SUGGESTING
            and not _children(clause, {"aux", "auxpass"})):
        hypothetical = True  # "may recommend that the US retaliate": asked for, not done
    if (clause.dep_ == "ccomp" and clause.head.lemma_.lower() in _CONFIRMING_VERBS
            and _negated(clause.head)):
        hypothetical = True  # "has not yet confirmed that its delegation will attend"
    node = clause
    for _ in range(3):
        if (node.dep_ == "pcomp" and node.head.lower_ == "with"
                and node.head.head.lemma_.lower() in _TASKING_VERBS):
            hypothetical = True  # "Turkey was tasked with forcing the militants to withdraw"
            break
        if node.dep_ not in ("xcomp", "acl", "advcl", "ccomp") or node.head.i == node.i:
            break
        if node.dep_ == "advcl" and _infinitive(node) and any(
                o.lemma_.lower() in _HYPO_NOUNS and o.right_edge.i + 1 == node.left_edge.i
                for o in _children(node.head, {"dobj"})):
            hypothetical = True  # "foiled a plot to behead a soldier": the plot's, not done
            break
        if not _infinitive(node) and not (node.dep_ == "xcomp"
                                          and node.head.lemma_.lower() in _ASPECT_VERBS | _WEIGHING_VERBS):
            break
        governor = node.head
        lemma = governor.lemma_.lower()
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")
               for c in (*governor.children, *(governor.head.children if governor.dep_ in (
                   "acomp", "attr") else ()))):
            hypothetical = True  # "if Russia were to retaliate", "unless Turkey is willing to"
        if node.dep_ == "xcomp" or node.dep_ == "advcl" and lemma in ("go", "come"):
            # "Russia could decide to attack", "may begin withdrawing", "will start attacking",
            # "will go to fight": the modal of the verb in control is the act's
            governing = {c.lower_ for c in governor.children if c.dep_ in ("aux", "auxpass")}
            if (governor.dep_ == "conj" and not governing
                    and not _children(governor, _SUBJ | _PASS_SUBJ)):
                # "could wage a campaign ... and go on to fight Assad": the first verb's modal
                governing = {c.lower_ for c in governor.head.children
                             if c.dep_ in ("aux", "auxpass")}
            if governing & _HYPO_AUX and not ("would" in governing and _dated_ahead(governor)):
                hypothetical = True
            future = future or bool(governing & _FUTURE_AUX)
        if (lemma == "expect" and governor.tag_ != "VBN"
                and (_children(node, {"nsubj"}) or _children(governor, {"dobj"}))):
            hypothetical = True  # "we expect the ministry to give permission": a hope
        elif lemma in _FUTURE_GOVERNORS and (lemma != "go" or governor.lower_ == "going"):
            future = True
        elif lemma in _NEGATING_GOVERNORS:
            negated = True
        elif lemma in _FAILING_GOVERNORS or lemma == "have" and any(
                c.dep_ == "advmod" and c.lower_ == "yet" for c in governor.children):
            negated = True  # "failed to reach agreement", "has yet to sign": not happened
        elif ((lemma in _HYPO_GOVERNORS or lemma in _HYPO_NOUNS
               or lemma in _PROPOSAL_NOUNS and governor.pos_ == "NOUN")
              # ("any opportunity for the US to attack": a noun's clause parsed as adverbial)
              and (node.dep_ != "advcl" or governor.pos_ == "NOUN")
              and not _contact_purpose(node)):
            hypothetical = True  # "urged X to talk", not "called X to talk" (a purpose)
        if _negated(governor) or (governor.pos_ == "ADJ" and governor.dep_ == "acomp"
                                  and _negated(governor.head)):
            negated = True  # "is not willing to talk"
        node = governor
    return negated, hypothetical, future


_AHEAD = {"next", "tomorrow", "coming", "later", "upcoming"}
# What keeps an event from happening to someone: "safe from attack", "shielded from".
_SHELTERED = {"safe", "immune", "protect", "shield", "spare", "free", "secure", "insulate",
              # "insurance from Israeli attack", "protection from air strikes"
              "insurance", "protection", "immunity", "refuge", "shelter"}
# What is left that is no ground: "retreating from its role as global policeman".
_ROLES = {"role", "policy", "stance", "commitment", "pledge", "promise", "responsibility",
          "leadership", "ambition", "rhetoric", "demand", "plan", "idea"}
# What is hacked, not shot at: "targeted the email accounts of the party".
_CYBER_THINGS = {"account", "email", "server", "website", "database", "inbox", "computer"}
# Verbs of a poll figure moving: "support rose to 50 pct".
_POLL_MOVES = {"rise", "fall", "drop", "slip", "climb", "grow", "decline", "jump", "plunge",
               "slump", "dip", "stand", "edge", "surge", "increase", "decrease"}
# How a speaker declines to say more: "declined to be more specific".
_SAYING_MORE = {"specific", "precise", "explicit", "drawn"}
# Causes that need something, not parties that ask: "the problems call for a solution".
_NEEDING_THINGS = {"problem", "situation", "crisis", "circumstance", "condition", "difficulty",
                   "issue", "challenge", "case"}
# What is soured, not poisoned: "poisoned relations between the two countries".
_RELATIONS = {"relation", "relationship", "tie", "atmosphere", "climate", "mood", "debate",
              "discourse", "politics", "well", "process", "dialogue"}
# Verbs whose that-clause in the bare verb (a subjunctive) is only asked for: "recommend that
# the US retaliate", "insisted that he resign".
_SUGGESTING = {"recommend", "propose", "suggest", "urge", "demand", "insist", "ask", "request",
               "advise", "require", "order", "move"}
# Pronouns for whoever it may be: "anyone who attacks".
_ANY_ONE = {"anyone", "anybody", "whoever", "anything"}
# Adjectives that weigh an act rather than report it: "hard to oust", "easy to defeat".
_EASE_ADJECTIVES = {"hard", "difficult", "easy", "impossible", "tough", "possible", "simple",
                    "unlikely", "likely", "dangerous", "risky"}
# Verbs whose object event has not happened: "fear attack", "expect retaliation".
_FEARING_VERBS = {"fear", "expect", "anticipate", "predict", "dread", "await", "forecast",
                  "envisage", "foresee", "risk"}
# Verbs that stop an event before it happens: "the visit was postponed", "cancelled the summit",
# "police foiled a bomb attack".
_CALLING_OFF_VERBS = {"cancel", "postpone", "delay", "defer", "shelve", "scrap", "abort",
                      "scuttle", "foil", "thwart", "prevent", "avert", "forestall", "spare"}


# Verbs whose clause is pictured, not reported: "imagined jets bombing the camp".
_IMAGINING_VERBS = {"imagine", "dream", "fantasize", "fantasise", "envision", "daydream"}


def _imagined(clause: Token) -> bool:
    """Whether a clause is what someone imagines or dreams of, however deep in the picture
    ("imagined jets bombing it and killing me")."""
    while clause.dep_ in ("ccomp", "xcomp", "dobj", "conj", "pcomp", "pobj", "prep"):
        clause = clause.head
        if clause.lemma_.lower() in _IMAGINING_VERBS:
            return True
    return False


def _called_off(trigger: Token) -> bool:
    """An event noun that was cancelled, postponed or called off did not happen."""
    governor = trigger.head
    return (trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubjpass", "dobj")
            and governor.i != trigger.i
            and (governor.lemma_.lower() in _CALLING_OFF_VERBS
                 or governor.lemma_.lower() == "call"
                 and any(c.dep_ == "prt" and c.lower_ == "off" for c in governor.children)))


def _dated_ahead(clause: Token) -> bool:
    """Whether the clause is dated in the future: "next month", "tomorrow", "later this year"."""
    return any(t.ent_type_ in ("DATE", "TIME") and t.lower_ in _AHEAD
               for c in clause.children if c.dep_ in ("npadvmod", "prep", "advmod", "dobj")
               for t in c.subtree)


def _failed(token: Token) -> bool:
    """Whether the trigger is what its clause's subject failed to do."""
    node = _clause_head(token)
    for _ in range(3):
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in _FAILING_GOVERNORS:
            return True
    return False


def _colon_between(clause: Token, head: Token) -> bool:
    """Whether a colon ends the clause before its head: a statement, then what it says."""
    return any(t.text == ":" and t.head in (clause, head) for t in clause.doc[clause.i + 1:head.i])


def _content_of_trigger(token: Token, is_trigger) -> bool:
    """True when the token sits inside another trigger's complement."""
    node = token
    for _ in range(8):
        dep = node.dep_
        head = node.head
        if head.i == node.i:
            return False
        if dep == "ccomp" and node.i < head.i and _colon_between(node, head):
            return False  # "X issued an ultimatum to Y: if ..., sanctions will follow"
        if (dep == "advcl" and node.tag_ == "VBG"
                and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in node.children)):
            # "accused Moscow of shelling Odesa, killing four civilians": a participle shares
            # its clause's standing, here what is alleged (the parser may hang it on the
            # accusation itself)
            return _content_of_trigger(head, is_trigger) or (
                is_trigger(head) and head.lemma_.lower() in _ACCUSING_VERBS and any(
                    c.dep_ == "prep" and c.lower_ in ("of", "for") and _children(c, {"pcomp"})
                    for c in head.children))
        if (dep == "acl" and node.tag_ == "VBG" and head.dep_ == "dobj"
                and head.lemma_.lower() in _DOCUMENT_NOUNS
                and head.head.lemma_.lower() in _VETOING_VERBS and is_trigger(head.head)):
            return True  # "vetoed a resolution condemning X": what was not adopted
        if (dep == "advcl" and _infinitive(node) and node.i > head.i
                and any(o.lemma_.lower() in _MODAL_NOUNS and is_trigger(o) and o.i < node.i
                        for o in _children(head, {"dobj"}))):
            return True  # "repeated his call to Iran to release the hostages": what is called for
        if dep == "advcl" or dep == "acl":
            if not _infinitive(node) and not (
                    # "the demand that Germany repatriate X": what is demanded, not done
                    # ("the announcement that the US will withdraw" is an announcement)
                    dep == "acl" and head.lemma_.lower() in _MODAL_NOUNS
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children)):
                return False
        elif dep not in _CONTENT_DEPS and dep != "conj" or (
                # "After a visit to Beijing, Macron called for ...": a time, not the content
                dep == "prep" and (node.lower_ in _ADJUNCT_PREPS | {"following"}
                                   # "In talks with Iran, Russia agreed ...": an opening
                                   # phrase is never what the verb is about
                                   or node.i < head.i)):
            return False
        if dep in ("xcomp", "ccomp") and head.lemma_.lower() in _IMPLICATIVE_VERBS:
            return False  # "forced Hadi to resign": he resigned, an event of its own
        if dep != "conj" and is_trigger(head):
            return True
        node = head
    return False


# Verbs whose complement happened: "forced the president to resign".
_IMPLICATIVE_VERBS = {"force"}


_NESTED_CLAUSES = {"relcl", "ccomp", "advcl", "acl", "csubj", "parataxis", "conj"}
# Nouns whose "that" clause has not happened: "the demand that X withdraw".
_MODAL_NOUNS = {"demand", "request", "call", "appeal", "suggestion", "proposal", "plan", "idea",
                "threat", "hope", "fear", "concern", "possibility", "risk", "warning",
                "insistence", "condition", "ultimatum", "plea", "wish"}


def clause_ranges(head: Token) -> tuple[tuple[int, int], ...]:
    """Character ranges of the clause headed by ``head`` without its nested clauses."""
    inside: list[int] = []

    def walk(token: Token) -> None:
        inside.append(token.i)
        for child in token.children:
            if child.dep_ in _NESTED_CLAUSES and child.pos_ in ("VERB", "AUX"):
                continue
            walk(child)

    walk(head)
    inside.sort()
    doc = head.doc
    ranges: list[tuple[int, int]] = []
    for i in inside:
        start, end = doc[i].idx, doc[i].idx + len(doc[i].text)
        if ranges and i - 1 in inside and ranges[-1][1] <= start:
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
    return tuple(ranges)


def _places(token: Token) -> tuple[tuple[str, ...], bool]:
    here = any(c.lower_ == "here" for c in token.children)
    names: list[str] = []
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lemma_.lower() in _LOCATION_PREPS:
            for obj in _children(prep, {"pobj"}):
                ents = [t for t in obj.subtree if t.ent_type_ in _PLACE_LABELS]
                if ents:
                    names.append(" ".join(t.text for t in ents if t.ent_iob_ != "O"))
    return tuple(names), here


# What only words can attack: "an attack on the impeachment proceedings".
_ARGUED_THINGS = {"proceeding", "decision", "policy", "claim", "report", "law", "plan",
                  "proposal", "budget", "record", "remark", "comment", "statement", "reform",
                  "bill", "deal", "election", "result", "verdict", "ruling", "investigation",
                  "inquiry", "impeachment", "media", "press", "idea", "approach", "strategy",
                  "handling", "judiciary", "independence", "credibility", "integrity",
                  "legitimacy", "democracy", "freedom", "contribution"}
# What makes an attack one of words: "a scathing attack on the government".
_VERBAL_ATTACK = {"scathing", "stinging", "blistering", "withering", "verbal", "scornful",
                  "rhetorical", "personal", "furious", "bitter", "savage", "extraordinary",
                  "thinly-veiled", "veiled", "excoriating", "vitriolic", "vituperative"}
# What attacks do to their targets: "air strikes hit the enclave" ("saved" is not one).
_IMPACT_VERBS = {"hit", "strike", "target", "pound", "destroy", "damage", "kill", "wound",
                 "injure", "level", "flatten", "devastate", "rock", "pummel", "batter", "raze",
                 "shell", "bomb", "tear", "rip", "smash", "demolish", "leave"}
# Verbs whose subject undergoes the event noun: "faces criticism from X".
_RECEIVING_VERBS = {"face", "draw", "earn", "attract", "receive", "get", "win", "gain",
                    "garner", "suffer", "answer"}
# Weapons that stand for their attack: "missiles fired by X struck Y".
_WEAPONS = {"missile", "rocket", "bomb", "shell", "drone", "mortar", "grenade", "bullet",
            "artillery", "airstrike", "warplane", "jet", "aircraft", "tank", "gunfire"}
#: What explodes or is fired, standing for whoever used it: "bombs exploded, killing 15".
WEAPON_WORDS = frozenset(_WEAPONS | {"explosion", "blast", "explosive", "device", "ied",
                                     "landmine", "mine", "shelling", "missile"})
# Documents that say what their authors say: "a report accusing X", "a resolution criticizing X".
_DOCUMENTS = {"report", "resolution", "statement", "letter", "lawsuit", "suit", "complaint",
              "petition", "motion", "bill", "communique", "declaration", "decree", "ruling",
              "verdict", "editorial", "article", "post", "tweet", "video", "speech", "note",
              "message", "memo", "email", "e-mail", "cable", "order", "law", "legislation",
              "ordinance", "directive", "proclamation"}


def _author(verb: Token) -> list[Token] | None:
    """The author of a document whose content the verb is: "Amnesty put out a report
    accusing the army", "a resolution by parliament criticizing X"; None when the verb does
    not describe a document."""
    document = verb.head
    if not (verb.dep_ == "acl" and verb.tag_ == "VBG" and document.lemma_.lower() in _DOCUMENTS):
        return None
    owners = _owners(document)
    if owners:
        return owners
    if document.dep_ in ("dobj", "attr") and document.head.pos_ in ("VERB", "AUX"):
        agents, _ = subject_of(document.head)
        return agents or None
    return None


# Verbs of trade in goods, firms and money, whose agreement is commerce when firms make it.
_DEALING_VERBS = {"buy", "acquire", "purchase", "sell", "merge", "fund", "finance", "lend"}
# Nouns of an agreement or offer that a deal completes: "a letter of intent to acquire X".
_DEAL_DOCUMENTS = {"letter", "agreement", "accord", "deal", "offer", "contract", "pact"}

# Prices and securities offered: "offered 71 dlrs cash per share", "will offer bills".
_PRICE_WORDS = {"dlr", "dlrs", "dollar", "cash", "share", "stock", "bill", "bond", "note",
                "debenture", "security"}


def _deal(trigger: Token) -> bool:
    """Whether a trigger of agreeing, offering or signing is about a purchase, sale, merger or
    loan: "agreed to acquire X", "agreed to be acquired by X", "offering to buy X", "signed a
    letter of intent to acquire X", "an agreement to sell its unit", "offered 65 dlrs a
    share". Between firms that is commerce, no political event (the pipeline decides by the
    actors' codes)."""
    if trigger.lemma_.lower() not in ("agree", "offer", "sign", "reach", "agreement", "deal",
                                      "accord", "pledge", "promise"):
        return False
    holders = [trigger, *(o for o in _children(trigger, {"dobj"})
                          if o.lemma_.lower() in _DEAL_DOCUMENTS)]
    acts = [c for h in holders for c in h.children
            if c.dep_ in ("xcomp", "acl") and _infinitive(c)]
    acts += [c for a in acts for c in _conjuncts(a)]
    if trigger.lemma_.lower() == "offer" and any(
            t.ent_type_ == "MONEY" or t.lemma_.lower() in _PRICE_WORDS
            for o in _children(trigger, {"dobj"}) for t in o.subtree):
        return True  # "offered 71 dlrs cash per share", "will offer 2,000 billion lire of bills"
    return any(a.lemma_.lower() in _DEALING_VERBS for a in acts) or any(
        o.lemma_.lower() == "letter" and any(
            i.lemma_.lower() == "intent" for p in _children(o, {"prep"}) for i in p.children)
        for o in holders)


def _to_market(trigger: Token) -> bool:
    """Whether what a trigger gives goes to a market: "provided assistance to the money
    market", "provided assistance worth 60 mln stg to the market" (a central bank trading)."""
    heads = [trigger, *_children(trigger, {"dobj"})]
    return any(t.lemma_.lower() == "market" and t.dep_ == "pobj" and t.head.lower_ == "to"
               for h in heads for c in h.children if c.dep_ not in ("nsubj", "nsubjpass")
               for t in c.subtree)


# Acts of trade and payroll that a firm or a trading agency calls or orders.
_TRADE_MATTERS = {"tender", "redemption", "layoff"}


def _trade(trigger: Token) -> bool:
    """Whether what a verb calls for or orders is a trading or payroll act: "has called a
    buying tender for sugar", "called for redemption of its debentures", "ordered temporary
    layoffs of 5,000 workers". That is business, no request of anyone."""
    objects = [*_children(trigger, {"dobj"}),
               *(o for p in _children(trigger, {"prep"}) if p.lower_ == "for"
                 for o in _children(p, {"pobj"}))]
    return any(o.lemma_.lower() in _TRADE_MATTERS for o in objects)


def _headless(verb: Token) -> bool:
    """A sentence with no finite verb of its own, whose verb the parser hung on the first
    noun: "A U.S. report called for sanctions", "Imran Khan, called President Erdogan". The
    noun is the verb's subject (a reduced relative, "the elections called for by X", has its
    own agent or sits inside a clause)."""
    return (verb.dep_ == "acl" and (
                verb.head.dep_ == "ROOT"
                # "Imran Khan, called President Erdogan ..., his office said": the clause a
                # report was made of, hung on its subject after a comma
                or verb.head.dep_ == "nsubj" and verb.head.head.lemma_.lower() in SPEECH_VERBS
                and verb.i == verb.head.i + 2 and verb.doc[verb.i - 1].text == ","
                and verb.head.pos_ == "PROPN")
            and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ in ("VBD", "VBN")
            and not any(c.dep_ in ("agent", "aux", "auxpass", "nsubj", "nsubjpass")
                        for c in verb.children)
            and any(c.dep_ in ("dobj", "prep", "oprd", "ccomp", "xcomp") for c in verb.children))


def _headline_passive(verb: Token) -> bool:
    """A headline's passive without its auxiliary, hung on the noun it was done to, in a
    sentence with no finite verb: "Six indicted by grand jury", "Eight killed, 45 injured in
    blast" (not "a pastor detained for two years", a noun's modifier inside a clause)."""
    head = verb.head
    return (verb.dep_ == "acl" and verb.tag_ == "VBN" and head.pos_ in ("NOUN", "PROPN", "NUM")
            and (head.dep_ == "ROOT" or head.dep_ in ("appos", "conj")
                 and head.head.dep_ == "ROOT" and head.head.pos_ in ("NOUN", "PROPN", "NUM"))
            and not any(c.dep_ in ("aux", "auxpass", "dobj", "nsubj") for c in verb.children)
            and not any(t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in verb.sent))


class RuleCoder:
    """Finds event candidates in parsed sentences with the trigger lexicon."""

    def __init__(self, lexicon: Lexicon, ranker: ArgumentRanker | None = None) -> None:
        self.lexicon = lexicon
        self.ranker = ranker

    def _ranked(self, cand: Candidate, token: Token, sent: SpacySpan) -> Candidate:
        """The candidate with the ranker's best recipient (and that phrase's conjuncts)."""
        if self.ranker is None or not cand.actor or (len(cand.actor) > 1 and not cand.recipient):
            return cand  # "X and Y met": no recipient to find
        inside = [(p.start, p.end) for p in cand.actor]
        heads = [h for h in noun_heads(sent) if h.i != token.i
                 and not any(start <= h.idx < end for start, end in inside)
                 # "the defence secretary, Jim Mattis, quit": the actor's own apposition
                 and not (h.dep_ == "appos" and any(start <= h.head.idx < end
                                                    for start, end in inside))
                 # only the trigger's own clause or phrase: "Begum asked to come home" has
                 # nothing to do with "travelling to Syria" in another clause
                 and (any(start <= h.idx < end for start, end in cand.clause)
                      or token.left_edge.i <= h.i <= token.right_edge.i)]
        if not heads:
            return cand
        best, probability = self.ranker.rank(
            token, heads, cameo=cand.row.cameo, kind=cand.row.kind, chosen=cand.recipient,
            deeper=cand.more)[0]
        return replace(cand, ranked=tuple(phrase_of(t) for t in _conjuncts(best)),
                       ranked_p=round(probability, 4))

    def _match(self, token: Token) -> Trigger | None:
        if (token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass")
                and not _children(token, {"dobj", "nsubj"})
                and (row := self.lexicon.noun(token.lower_)) is not None):
            return row  # "Fighting between X and Y continued": the gerund is the event noun
        if (token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.tag_.startswith("VB"))
                or _misparsed_verb(token)):
            if token.dep_ == "agent":
                return None
            lemma = token.lemma_.lower()
            rows = self.lexicon.verbs.get(lemma, ())
            # Only a verb with rows that differ by particle needs what it governs.
            particles = _verb_particles(token) if any(r.particle for r in rows) else set()
            row = self.lexicon.verb(lemma, particles)
            if row is not None and (row := _verb_sense(token, row)) is None:
                return None  # a sense that is no political act ("exports rallied")
            if row is None and lemma in _GRANTING_VERBS and _asked_for(token):
                # "granted an injunction sought by the union": a concession to whoever asked
                row = Trigger(kind="V", lemma=lemma, particle=None, cameo="080",
                              preps=frozenset({"from"}))
            if row is None and lemma == "grant" and _granted_to_act(token):
                # "the EU granted Britain to delay Brexit": leave given to act
                row = Trigger(kind="V", lemma=lemma, particle=None, cameo="086",
                              preps=frozenset({"to", "for"}))
            if row is None and lemma in _ANNULLING_VERBS and _measure_against(token):
                # "revoked PSA against them": a measure against someone, annulled, is eased
                row = Trigger(kind="V", lemma=lemma, particle=None, cameo="081",
                              preps=frozenset({"against", "nodobj"}))
            if row is None and lemma in _GIVING_VERBS and (row := _gift(token)) is not None:
                row = _verb_sense(token, row)  # "provided tents to earthquake victims"
            if row is None and lemma in _NAMING_VERBS:
                row = _name_calling(token)
            if row is None and lemma in _PHONE_VERBS and _phoned(token):
                return _PHONE_ROW
            if row is None:
                row = _small_clause(token) or _troops_leaving(token) or _peacekeepers_present(token)
            if lemma in ("call", "lift", "suspend", "halt", "end", "abandon") and (
                    eased := _dissent_eased(token)):
                return eased  # before "lift" (085), "suspend" (160) or "call"'s other rows
            return row
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound":
            if _idiom(token) or (token.pos_ == "PROPN" and token.ent_type_ in _NAMED_BODY_ENTS
                                 and not token.text.isupper()):  # the tagger guesses on capitals
                return None  # "the Government of National Accord" is no accord
            if token.ent_type_ in ("DATE", "TIME"):
                return None  # "on March 27" is no march
            if token.lemma_.lower() == "demand" and token.tag_ == "NN" and _market_demand(token):
                return None  # "feed demand is light", "the demand for barges"
            if token.dep_ == "dobj" and _market_operation(token.head):
                return None  # "provided assistance to the money market"
            if token.lemma_.lower() in ("loan", "credit", "debt") and (any(
                    c.lower_ == "outstanding" for c in token.children) or token.dep_ == "dobj"
                    and token.head.lemma_.lower() == "have"):
                return None  # "banks have loans outstanding to Nigeria": exposure, no lending
            if token.lemma_.lower() == "support" and (
                    token.dep_ == "nsubj" and token.head.lemma_.lower() in _POLL_MOVES
                    or any(c.ent_type_ == "PERCENT" or c.lower_ in ("pct", "percent", "%")
                           for p in _prep_objects(token, frozenset({"of"})) for c in p.subtree)):
                return None  # "the party's support rose to 50 pct", "the support of 39 pct"
            # "a state of emergency", "the suspension of aid": the noun of its "of".
            particles = {f"n:{o.lemma_.lower()}" for o in _prep_objects(token, frozenset({"of"}))}
            for key in _noun_key(token):
                row = self.lexicon.noun(key, particles)
                if row is not None:
                    return row
            if "-" in token.text:
                return self.lexicon.noun(token.text.lower().replace("-", " "))
        return None

    def code_sentence(self, sent: SpacySpan, index: int) -> Iterator[Candidate]:
        """Candidates for one sentence, in token order."""
        matched = {t.i: row for t in sent if (row := self._match(t)) is not None}
        at = {t.idx: t for t in sent}  # a phrase's head word back to its token
        for i, row in list(matched.items()):
            token = sent.doc[i]
            if row.kind == "N" and token.lemma_.lower() == "release" and (
                    released := _prep_objects(token, frozenset({"of"}))) and all(
                    o.lemma_.lower() in _RELEASED_THINGS for o in released):
                del matched[i]  # "ordered the release of water", "the release of the report"
                continue
            if (row.kind == "N" and token.lower_ == "sanction" and not any(
                    c.dep_ == "det" for c in token.children) and (
                    _prep_objects(token, frozenset({"for"}))
                    or token.dep_ == "dobj" and token.head.lemma_.lower() in ("give", "grant"))):
                del matched[i]  # "did give sanction for strikes": approval, no penalty
                continue
            if (row.kind == "N" and token.lemma_.lower() in _EXPRESSED_ONLY
                    and not (token.dep_ == "dobj" and token.head.lemma_.lower()
                             in _EXPRESSIVE_VERBS | _PURPOSE_EXPRESSIONS | {"show"})):
                del matched[i]  # "respect for human rights" is no act; "expressed respect for" is
                continue
            if row.kind == "N" and row.cameo[:2] == "14" and _military_strike(token):
                matched[i] = replace(row, cameo="190", preps=row.preps | {"on", "against"})
            if (row.kind == "N" and token.lemma_.lower() == "boycott" and token.dep_ == "dobj"
                    and token.head.lemma_.lower() in ("impose", "enforce", "maintain")):
                # "imposed an economic and diplomatic boycott on Qatar": a sanction, no protest
                matched[i] = replace(row, cameo="163", preps=row.preps | {"on", "against"})
            if (row.kind == "N" and row.cameo == "020" and token.lemma_.lower() == "call"
                    and _phone_call(token)):
                # "made a call to Putin", "in a call with Erdogan": a conversation, no appeal
                matched[i] = replace(row, cameo="041", preps=frozenset({"to", "with"}))
            if (row.kind == "N" and row.cameo == "051" and token.lemma_.lower() == "support"
                    and (kind := _material_support(token))):
                # "financial support from the US", "military support for the Kurds": aid given
                # ("offered humanitarian support to X": aid promised, 033)
                promised = (token.dep_ == "dobj"
                            and token.head.lemma_.lower() in ("offer", "pledge", "promise", "vow"))
                matched[i] = replace(row, cameo="033" if promised else kind,
                                     preps=row.preps | {"for", "to"})
            if (row.kind == "V" and row.particle == "n:support" and row.cameo == "051"
                    and (kind := next(filter(None, map(_material_support, _children(
                        token, {"dobj"}))), None))):
                # "pledged financial support": aid promised (033); "lent military support": given
                matched[i] = replace(row, cameo="033" if token.lemma_.lower() in (
                    "pledge", "promise", "offer", "vow") else kind)
            if row.kind == "N" and row.cameo[:2] == "05" and any(
                    t.ent_type_ == "MONEY" for t in token.subtree if t.i < token.i):
                # "provides €45m support for X": money given is aid.
                matched[i] = replace(row, cameo="071", preps=row.preps | {"for", "to"})
            if row.kind == "N" and row.cameo[:2] == "15" and (any(
                    c.dep_ == "amod" and c.lemma_.lower() in ("joint", "combined", "bilateral")
                    for c in token.children) or _exercised_together(token)):
                # "joint military exercises", "held drills with Japan", "war games staged by
                # X and Y": cooperation, not a show of force (the PLOVER manual: joint
                # operations are COOPERATE, single-country exercises MOBILIZE).
                matched[i] = replace(row, cameo="062", preps=row.preps | {"with"})
            if row.kind == "N" and row.cameo[:2] in ("18", "19") and (any(
                    c.dep_ == "amod" and c.lemma_.lower() in _VERBAL_ATTACK for c in token.children)
                    or token.lemma_.lower() == "attack" and any(
                        o.lemma_.lower() in _ARGUED_THINGS
                        for p in _prep_objects(token, frozenset({"on", "against"}))
                        for o in _conjuncts(p))):
                # "launched a scathing attack on X", "led the attack on the impeachment
                # proceedings": words, not force.
                matched[i] = replace(row, cameo="111", preps=row.preps | {"on", "against"})
            if (row.kind == "N" and row.cameo[:2] in _REQUEST_ROOTS
                    and token.dep_ in ("dobj", "nsubjpass")
                    and token.head.lemma_.lower() in _ACCEDING_VERBS
                    # "met their demands", not "met peak demand" (a market's)
                    and not _mass_demand(token)
                    and (token.tag_ == "NNS" or _owners(token) or _prep_objects(
                        token, frozenset({"of", "from"})) or any(
                        c.dep_ == "poss" for c in token.children))):
                # "approved a request from X", "met their demands": a concession to whoever
                # asked, made by whoever grants it.
                matched[token.head.i] = Trigger(kind="V", lemma=token.head.lemma_.lower(),
                                                particle=None, cameo="080",
                                                preps=frozenset({"from"}))
                del matched[i]
                continue
            if row.kind == "V" and token.lemma_.lower() in _RECEIVING_VERBS and any(
                    o.i in matched and matched[o.i].kind == "N" for o in _children(token, {"dobj"})):
                # "received military aid from Poland": the aid is the event, from Poland.
                del matched[i]
                continue
            if row.kind == "V" and token.lemma_.lower() in _EXPRESSIVE_VERBS and any(
                    o.i in matched and matched[o.i].kind == "N"
                    and matched[o.i].cameo[:2] in _EXPRESSED_ROOTS
                    for o in _children(token, {"dobj"})):
                # "offered scathing criticism of X": the noun is the event, the verb light.
                del matched[i]

        def is_trigger(token: Token) -> bool:
            return token.i in matched

        coded: dict[int, Candidate] = {}  # the candidate of each trigger, for _ruled_out
        for i, row in matched.items():
            token = sent.doc[i]
            if _content_of_trigger(token, is_trigger) and not _purpose_of_contact(token, matched):
                continue
            if (row.kind == "N" and token.dep_ in ("nsubj", "nsubjpass")
                    and token.head.i in matched
                    and (matched[token.head.i].cameo[:2] == row.cameo[:2]
                         or ({matched[token.head.i].cameo[:2], row.cameo[:2]} <= _VIOLENT_ROOTS
                             # "an attack on a compound killed 20": two targets, two events
                             and not _prep_objects(token, row.preps)))):
                continue  # "a Russian missile struck X", "shelling destroyed X": the verb's
            if (row.kind == "N" and token.dep_ == "pobj" and token.head.lower_ == "for"
                    and token.head.head.lemma_.lower() == "want"):
                continue  # "wanted for arrest by the police": sought, not arrested
            if (row.kind == "N" and token.dep_ == "nsubjpass" and token.head.i in matched
                    and matched[token.head.i].particle == f"n:{token.lemma_.lower()}"):
                continue  # "the ceasefire was violated": the violation, no ceasefire made
            if (row.kind == "N" and row.cameo[:2] in ("16", "17") and token.dep_ in (
                    "nsubjpass", "dobj") and token.head.i in matched
                    and matched[token.head.i].cameo[:2] == "08"):
                continue  # "US sanctions were lifted": the easing, no sanctions imposed
            if any(c.dep_ == "xcomp" and c.lemma_.lower() in _NO_EVENT_CONTENT
                   # "refused to respond to a request from X" is a rejection of X ("declined
                   # to disclose details" is none; "refused to give the police any names"
                   # refuses the police, not "declined to give reporters details")
                   and not any(g.dep_ == "dobj" and g.lemma_.lower() not in _UNDISCLOSED
                               or (g.dep_ == "prep" and g.lower_ == "to")
                               or g.dep_ == "dative" and _actor_like(g)
                               and g.lemma_.lower() not in _PRESS
                               for g in c.children)
                   for c in token.children):
                continue  # "declined to comment" is no rejection of anyone
            if token.lemma_.lower() in ("refuse", "decline") and any(
                    c.dep_ == "xcomp" and (c.lemma_.lower() in _TELLING_VERBS or (
                        # "declined to discuss details" ("refused to discuss a truce", "these
                        # issues" is a rejection of them)
                        c.lemma_.lower() == "discuss" and (told := _children(c, {"dobj"}))
                        and all(o.lemma_.lower() in _TOLD_THINGS for o in told)))
                    and not any(g.dep_ == "prep" and g.lower_ in ("to", "with")
                                for g in c.children)
                    for c in token.children):
                continue  # "declined to name the buyers": told nothing, refused no buyer
            if token.lemma_.lower() in ("refuse", "decline") and any(
                    c.dep_ == "xcomp" and c.lemma_.lower() == "be" and any(
                        a.dep_ == "acomp" and a.lemma_.lower() in _SAYING_MORE for a in c.children)
                    for c in token.children):
                continue  # "declined to be more specific": said no more
            if token.lemma_.lower() in ("refuse", "decline") and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in ("comment", "interview")
                    for c in token.children):
                continue  # "refused comment", "declined specific comment"
            if (row.kind == "V" and token.lemma_.lower() == "order" and row.particle is None
                    and (ordered := _children(token, {"dobj"}) or [
                        # ("ordered 20 A350s": a count of goods, parsed as a modifier)
                        o for o in _children(token, {"npadvmod"}) if _children(o, {"nummod"})])
                    and not _children(token, {"xcomp", "ccomp"})
                    and not any(o.i in matched or _actor_like(o) or o.pos_ == "PROPN"
                                and not _children(o, {"nummod"})  # ("six MD-82s": goods)
                                or _owners(o) for o in ordered)):
                continue  # "ordered six MD-82s", "ordered the release of water": no demand
            verbal = row.kind == "V"
            if verbal:
                candidate = self._code_verb(token, row, index)
            else:
                candidate = self._code_noun(token, row, index)
            if (candidate is not None and verbal
                    and token.lemma_.lower() in _FIGHTING_VERBS | {"wage"} and candidate.actor
                    and all(p.head_word.lemma.lower() in _FIGHTS for p in candidate.actor)):
                continue  # "the Syrian war ... fought out along sectarian divides": no fighter
            if candidate is not None:
                content_token = _content_token(token, matched)
                content = matched[content_token.i] if content_token is not None else None
                if (content is not None and content.cameo[:2] in _PUNITIVE_ROOTS
                        and _demands_punishment(candidate, content_token)):
                    candidate = replace(candidate, row=replace(row, cameo="111"))
                    content = None
                if content is not None and token.lemma_.lower() in _ADOPTING_VERBS:
                    # "ordered the arrest of X", "authorised air strikes": an order given by
                    # those in power is the act it orders, toward whom that act is ("ordered
                    # missile strikes on the airbase": the airbase, not the strikes).
                    acts = {t.idx for t in _conjuncts(content_token)}
                    kept = tuple(p for p in candidate.recipient if p.head_word.start not in acts)
                    if len(kept) < len(candidate.recipient):
                        kept = kept or tuple(phrase_of(o) for t in _conjuncts(content_token)
                                             for o in _prep_objects(
                                                 t, content.preps | {"on", "against"})
                                             ) or candidate.recipient
                    candidate = replace(candidate, row=replace(row, cameo=content.cameo),
                                        recipient=kept)
                elif content is not None and token.lemma_.lower() == "offer" and content.cameo[:2] == "15":
                    # "offered to send troops to X": an offer of military help, no threat.
                    candidate = replace(candidate, content="074")
                elif content is not None:
                    candidate = replace(candidate, content=content.cameo)
                candidate = replace(candidate, failed=_failed(token),
                                    means=row.cameo[:2] == "04" and _serves_purpose(token, matched),
                                    deal=_deal(token),
                                    # (only for the codes the pipeline checks them for)
                                    market=row.cameo[:2] == "07" and _to_market(token),
                                    trade=row.cameo[:2] in ("02", "10") and _trade(token))
                if (row.kind == "N" and candidate.negated and row.cameo[:2] in ("16", "17")
                        and token.dep_ in ("dobj", "nsubjpass")
                        and token.head.lemma_.lower() in _RENEWING_VERBS):
                    # "failed to renew the arms embargo on Libya", "did not extend the
                    # sanctions": a measure let lapse is eased
                    candidate = replace(candidate, row=replace(
                        row, cameo=_LAPSED.get(row.cameo, "085" if row.cameo[:2] == "16"
                                               else "081")),
                        negated=False, failed=False)
                if (token.lemma_.lower() == "rule" and row.particle == "out" and candidate.negated
                        and (kept_open := _kept_open(token, matched))):
                    # "has not ruled out sanctions against Ankara", "did not rule out military
                    # action": force or punishment kept in view is a threat
                    threatened = {phrase_of(o) for o in _children(token, {"dobj"})}
                    candidate = replace(candidate, row=replace(row, cameo="130"),
                                        content=kept_open, negated=False, recipient=tuple(
                                            p for p in candidate.recipient
                                            if p not in threatened))
                if candidate.row.cameo[:2] == "12" and candidate.more and (proposals := [
                        o for o in _children(token, {"dobj", "nsubjpass"})
                        if o.lemma_.lower() in _PROPOSED]):
                    # "rejected a motion to impose sanctions on Russia": whom the proposal
                    # would act on is not who is refused ("a plan with Iran" is; a request
                    # is its maker's, who is refused: "a request to extradite him to X")
                    kept = {phrase_of(o) for p in proposals
                            for o in _prep_objects(p, frozenset({"with", "from", "by"}))}
                    candidate = replace(candidate, more=tuple(
                        p for p in candidate.more if p in kept))
                if candidate.row.cameo[:2] == "15" and candidate.more and (stationed := {
                        phrase_of(o) for f in _children(token, {"dobj"})
                        for o in _prep_objects(f, frozenset({"in", "at"}))} | ({
                        phrase_of(o) for o in _prep_objects(token, frozenset({"in", "at"}))}
                        if row.cameo == "152" else set())):
                    # "placed a brigade in Italy on alert to fly into Lebanon": where the
                    # force is stationed is not whom it is readied against
                    more = tuple(p for p in candidate.more if p not in stationed)
                    recipient = candidate.recipient
                    if more and recipient and all(p in stationed for p in recipient):
                        recipient = ()
                    candidate = replace(candidate, more=more, recipient=recipient)
                candidate = _participants_settled(
                    _announced_retreat(_reported(candidate, token), token), token, at)
                coded[token.i] = candidate
                for each in _reciprocal(candidate, token, at):
                    yield self._ranked(each, token, sent)
        for verb in sent:
            if verb.dep_ == "ccomp" and (candidate := _obligation(verb, index, matched)
                                         or _needed(verb, index, matched)
                                         or _blamed(verb, index) or _criticised(verb, index)
                                         or _ruled_out(verb, index, coded)):
                yield self._ranked(candidate, verb, sent)
            elif verb.dep_ == "xcomp" and (candidate := _willing(verb, index, matched)):
                yield self._ranked(candidate, verb, sent)
            elif verb.pos_ == "VERB" and verb.i not in matched and (
                    candidate := _joint_act(verb, index, matched)):
                yield self._ranked(candidate, verb, sent)
            elif verb.pos_ in ("ADJ", "VERB") and verb.i not in matched and (
                    candidate := _stance_adjective(verb, index)):
                yield self._ranked(candidate, verb, sent)

    def _code_verb(self, verb: Token, row: Trigger, index: int) -> Candidate | None:
        headless = _headless(verb)
        author = _author(verb)
        reduced = (not headless or verb.lemma_.lower() in _DONE_TO
                   ) and author is None and _headline_passive(verb)
        if (verb.dep_ == "acl" and not headless and not reduced and author is None
                and not _finite_acl(verb)
                and not any(c.dep_ == "aux" for c in verb.children)
                # "UNITED NATIONS: Russia vetoed ...": a clause with its own subject, hung on
                # a dateline, is no description ("the demand that X repatriate" is one)
                and not (verb.head.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in verb.children)
                         and not any(c.dep_ == "mark" for c in verb.children))
                and not _reported_content(verb)):
            # "elections called for by the people": a description of a thing, not an event.
            return None
        if author is not None:
            agents, patients = author, []
        elif reduced:
            agents, patients = _agents_of_passive(verb), [verb.head]
        else:
            agents, patients = ([verb.head], []) if headless else subject_of(verb)
        # "a car bombing by X killed ...", "missiles fired by X struck ...": the attack's
        # owner did it.
        agents = [o for a in agents for o in self._attack_agents(a)]
        if not agents and patients and row.cameo[:2] in ("18", "19", "20"):
            # "were killed in airstrikes and shelling by forces loyal to Assad": whose attack
            # it was in
            agents = ([o for o in _prep_objects(verb, frozenset({"by"})) if _actor_like(o)]
                      or [o for p in _children(verb, {"prep"}) if p.lower_ in ("in", "by")
                          for n in _children(p, {"pobj"}) for c in _conjuncts(n)
                          if c.lemma_.lower() in _ATTACKS | _WAR_WORDS | {"campaign", "operation"}
                          for o in _prep_objects(c, frozenset({"by"}))])[:1]
        if (patients and not agents and verb.lemma_.lower() in _SENDING_VERBS
                and any(p.lemma_.lower() in _FORCES | _SENT_PEOPLE for p in patients)):
            # "peacekeepers are being deployed to relieve X": forces sent, no sender named,
            # act as sent
            agents, patients = patients, []
        if (patients and (row.cameo[:2] == "08" and all(
                p.lemma_.lower() in _LIFTED_THINGS for p in patients) or row.cameo[:2] == "16"
                and all(p.lemma_.lower() in _AID_NOUNS for p in patients))):
            # "US sanctions on Turkish officials were lifted", "US aid to Israel was
            # suspended": whose measure or aid it is acted, toward whom it was aimed
            owners = [c for p in patients for c in p.children
                      if c.dep_ in ("poss", "compound", "amod")
                      and (c.ent_type_ in ("GPE", "ORG", "NORP") or c.pos_ == "PROPN")]
            aimed = [o for t in (verb, *patients)
                     for o in _prep_objects(t, frozenset({"on", "against", "to", "for"}))]
            agents = agents or owners
            if agents:
                patients = aimed or patients
        if patients and not agents and (row.cameo[:2] == "17"
                                        or row.cameo[:3] in ("084", "161", "166")):
            # "X was arrested in Rwanda", "X were released from captivity in Libya": the state
            # where it happened arrested or released X; "X was expelled from Iran": the state
            # that expelled X.
            places = [o for t in (verb, *_children(verb, {"npadvmod"}))
                      for o in _prep_objects(t, frozenset({"in"})) if o.ent_type_ == "GPE"]
            places += [o for t in _prep_objects(verb, frozenset({"from"}))
                       for o in _prep_objects(t, frozenset({"in"})) if o.ent_type_ == "GPE"]
            if row.cameo[:3] in ("161", "166"):
                places = [o for o in _prep_objects(verb, frozenset({"from"}))
                          if o.ent_type_ == "GPE"] + places
            agents = places[:1]
        if patients and not agents and verb.lemma_.lower() in _ILL_TREATMENT:
            # "was tortured and killed in a secret CIA prison", "was beaten in prison in
            # Tehran": whoever held them
            agents = _custodians([verb, *(c for c in _children(verb, {"conj"})
                                          if c.pos_ == "VERB" and not _children(c, _SUBJ))],
                                 patients)
        objects = patients or _objects(verb, row.preps, direct=True) or (
            _callee(verb) if row is _PHONE_ROW else []) or (
            _children(verb, {"oprd"}) if row.cameo in ("111", "051")
            and verb.lemma_.lower() in _NAMING_VERBS else [])
        if verb.lemma_.lower() in _FIGHTING_VERBS and (enemies := [
                o for p in verb.subtree if p.dep_ == "prep" and p.lower_ == "against"
                and p.head.lemma_.lower() in _FIGHTING_VERBS | {"fight", "war", "battle"}
                for o in _children(p, {"pobj"})]):
            # "fought with US forces in the fight against Isis", "alongside the Kurds
            # against Isis": whoever they fought beside is no enemy
            objects = [o for o in objects if not (
                o.head.dep_ == "prep" and o.head.lower_ in ("with", "alongside"))] or enemies
        if verb.lemma_.lower() in _FIGHTING_VERBS | {"wage"}:
            # "fought on the Ukrainian side", "on the side of the rebels": a side is joined;
            # "fought a decades-long insurgency against X": the fight is no one fought
            objects = [o for o in objects if not (
                o.lemma_.lower() == "side" and o.head.lower_ == "on"
                or o.dep_ == "dobj" and o.lemma_.lower() in _FIGHTS)]
            objects = objects or [o for p in _children(verb, {"dobj"})
                                  if p.lemma_.lower() in _FIGHTS
                                  for o in _prep_objects(p, frozenset({"against", "with"}))]
        if row.particle and row.particle.startswith("n:"):
            # "went on strike", "joined forces with": the noun that makes the trigger is not
            # its recipient, unless it is the only one ("expelled French diplomats").
            others = [o for o in objects if o.lemma_.lower() != row.particle[2:]
                      and not _measure_of(o, row.particle[2:]) and not _instrument(o)]
            if row.particle[2:] in _CROWDS and verb.lemma_.lower() in _DISPERSING_VERBS:
                # "dispersed a rally of opposition supporters": the people in it
                others = [p for o in objects if o.lemma_.lower() == row.particle[2:]
                          for p in _prep_objects(o, frozenset({"of"}))] or [
                    o for o in objects if o.lemma_.lower() == row.particle[2:]]
            if not others and row.cameo[:2] == "08" and row.particle[2:] in _ASKING_NOUNS:
                # "agreed to the rebels' demands", "to the demands of the rebels": who asked
                others = [w for o in objects if o.lemma_.lower() == row.particle[2:]
                          for w in _askers(o)]
            if (not others or row.cameo[:3] == "086") and row.particle[2:] not in _PASSAGES:
                # "gave the Pentagon permission": the receiver parsed as the noun's modifier
                # (before what the permission is for: "permission to inject funds into TAP")
                others = [c for o in objects if o.lemma_.lower() == row.particle[2:]
                          for c in o.children if c.dep_ in ("compound", "nmod") and c.i < o.i
                          and (c.ent_type_ in _ACTOR_ENTS or c.pos_ == "NOUN" and actor_noun(
                              c.lemma_.lower()))
                          and (any(d.dep_ == "det" for d in o.children)
                               # "granted Italy permission": a name is no kind of permission
                               or c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "ORG", "PERSON")
                               and o.dep_ == "dobj" and c.i == o.i - 1)] or others
            if not others and row.particle[2:] in _RULING_NOUNS:
                # "will not reverse its decision upholding the conviction of X": whom it is about
                others = [t for o in objects if o.lemma_.lower() == row.particle[2:]
                          for t in o.subtree if t.dep_ == "pobj" and t.head.lower_ in (
                              "of", "against", "on") and (_actor_like(t) or t.pos_ == "PROPN")][:1]
            if row.cameo[:2] == "02":
                # "sought Russian support against the Kurds": the nation whose help is asked
                others = [c for o in objects if o.lemma_.lower() == row.particle[2:]
                          for c in o.children if c.dep_ == "amod" and (
                              c.ent_type_ in ("NORP", "GPE") or c.is_title and c.i > o.sent.start)
                          ] or others
            # (a delegation sent or led makes a visit; it is not visited)
            keep = (row.particle[2:] in PEOPLE
                    and not any(o.dep_ == "pobj" and not _instrument(o) for o in objects)
                    and row.cameo[:2] != "04")
            objects = objects if keep and not others else others
        # "shelled the town with artillery": what it was done with is no one it was done to
        objects = [o for o in objects if not _instrument(o) and not _opposed_by_support(o, row)]
        objects = (objects or _addressees(verb, row) or _complement_objects(verb, row.preps)
                   or _means_targets(verb, row)
                   or _target_places(verb, row) or _actors_place(agents, row))
        if all(o.pos_ == "PRON" for o in objects) and (called := _purpose_of(verb)):
            # "called X to congratulate him", "visited X to apologise": the one called or
            # visited is who the purpose is for.
            objects = called
        if (row.cameo[:2] in _SPOKEN_ROOTS and not any(
                # ("to demand the release of the fishermen": they are not who is asked)
                _actor_like(o) and not (o.dep_ == "pobj" and o.head.lower_ == "of")
                for o in objects)
                and (addressed := _letter_addressees(verb))):
            # "sent a letter to the head of the WHO threatening to pull funding": the letter's
            # addressee is whom the threat is made to.
            objects = addressed
        if row.cameo[:2] == "15":
            # "placed troops on high alert", "sent forces into Syria": the forces moved are
            # the actor's own, not whom the show of force is aimed at
            objects = [o for o in objects if o.dep_ != "dobj" or not (
                o.lemma_.lower() in _FORCES | _SENT_PEOPLE | _MOVED_FORCES
                or o.lemma_.lower() in _PART_NOUNS | {"number"} and any(
                    p.lemma_.lower() in _FORCES for p in _prep_objects(o, frozenset({"of"}))))]
        if row.cameo[:2] == "07":
            # "supplied drones to Russia": the goods are given, not given to
            objects = [o for o in objects if o.lemma_.lower() not in _ARMS | _RELIEF_GOODS
                       or o.dep_ != "dobj"]
        # "fined Google 4 billion euros": the name the parser hung on the sum is the object
        objects = [next((c for c in o.children if c.dep_ in ("nmod", "compound") and c.i < o.i
                         and (_actor_like(c) or c.pos_ in ("PROPN", "NOUN") and c.tag_ != "CD")
                         and c.ent_type_ not in NOT_PARTICIPANT_ENTS
                         and any(n.like_num for n in o.subtree if n.i > c.i)), o)
                   if o.dep_ == "dobj" and o.lemma_.lower() in _CURRENCIES else o
                   for o in objects]
        if ((row.cameo[:2] in ("03", "06") or row.cameo in ("050", "057"))
                and len(_phrases(agents)) > 1):
            # "Japan and the Philippines agreed to hold joint drills", "Saudi Arabia and Iran
            # agreed to reopen their embassies": the sides agree with each other; what they
            # agree on, or their own, is no third party
            objects = [o for o in objects if _actor_like(o) and not any(
                c.dep_ == "poss" and c.lower_ in ("their", "its") for c in o.children)
                and o.lemma_.lower() not in _SEAT_NOUNS]
        if row.cameo[:2] == "08":
            # "gave in to demands made by Colombia", "bowed to pressure from the unions": the
            # concession is to whoever asked or pressed
            objects = [next(iter(_askers(o)), o)
                       if o.lemma_.lower() in _ASKING_NOUNS | {"pressure"} else o
                       for o in objects]
        # "convicted X and sentenced him", "Kiir pardoned him": who "him" is, in the sentence.
        objects = [_antecedent(o, agents) if o.lower_ in ("him", "her", "them") else o
                   for o in objects]
        if row.cameo[:2] in _STANCE_ROOTS:
            # "hosted the Libyan prime minister and praised his efforts": whose efforts
            owned = []
            for o in objects:
                owner = (_pronoun_owner(o, agents) or _earlier_owner(o)) if o.pos_ == "NOUN" else None
                owned += [owner, o] if owner is not None else [o]
            objects = owned
        recipient = tuple(_with_attached_place(phrase_of(t), t) if t.dep_ == "dobj"
                          else _modifier_receiver(t) if t.dep_ == "compound" else phrase_of(t)
                          for o in objects for t in _conjuncts(o) if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
                          # "sought Russian help": the nation named by its adjective
                          or t.dep_ == "amod" and t.head.dep_ == "dobj")
        places, here = _places(verb)
        negated, hypothetical, future = _modality(verb, verb)
        if (proposers := _proposers(verb)) and row.cameo[:2] in _PUNITIVE_ROOTS and not negated:
            # "senators introduced a bill that would sanction Turkish officials": coercion
            # put forward by those who propose it, a threat (as announced coercion is)
            agents, hypothetical, future = proposers, False, True
        if negated and row.cameo[:2] == "07" and _no_longer(verb):
            # "would no longer supply arms to the Kurds": aid stopped, a sanction (CAMEO 162)
            row = replace(row, cameo={"072": "1622", "071": "1621"}.get(row.cameo, "162"))
            negated = False
        if (culprit := _culprit(verb)) is not None:
            # "X was not guilty of violating ...", "X denied being guilty of ..."
            negated = negated or _negated(culprit) or _blame_denied(culprit)
        last = verb
        if row.particle:
            particle = next((c for c in verb.children if c.lemma_.lower() == row.particle), None)
            if particle is not None and particle.i == verb.i + 1:
                last = particle
        end = last.idx + len(last.text)
        # "took to the streets": the noun that makes the trigger is no deeper participant
        made = {t.idx for t in verb.subtree if row.particle and row.particle.startswith("n:")
                and t.lemma_.lower() == row.particle[2:] and t.dep_ == "pobj"}
        more, goals = _more_participants([verb], row, [*agents, *_children(verb, _SUBJ)])
        if made:
            more = tuple(p for p in more if p.head_word.start not in made)
            goals = tuple(p for p in goals if p.head_word.start not in made)
        if verb.lemma_.lower() in _CHARGING_VERBS:
            # "charged the broker with fraud", "accused of treason": the crime is no one
            crimes = {o.idx for p in _children(verb, {"prep"}) if p.lower_ in ("with", "of")
                      for o in _children(p, {"pobj"})}
            recipient = tuple(p for p in recipient if p.head_word.start not in crimes)
            more = tuple(p for p in more if p.head_word.start not in crimes)
            goals = tuple(p for p in goals if p.head_word.start not in crimes)
        if row.cameo == "082" and (opponents := _opponents(verb)):
            # "called off the strike after an agreement with the government": dissent eased
            # toward whoever it was against.
            more = (*opponents, *more)
        elif row.cameo[:2] == "08" and (pressers := _pressers(verb)):
            # "reversed the decision after a refugee begged the minister to reconsider": the
            # concession is to whoever pressed for it
            more = (*pressers, *more)
        if ((row.cameo[:2] == "13" or row.cameo[:2] in _THREAT_CODES)
                and (condition := _threat_condition(verb))):
            # "threatened that if Israel does not ..., X would ...", "said it would impose
            # sanctions if Turkey buys the missiles": coercion on a condition aims at its party
            more = (*condition, *more)
            named = any(_names_someone(c) for c in condition)
            direct = {phrase_of(o) for c in (verb, *_children(verb, {"xcomp"}))
                      for o in _children(c, {"dobj"})}
            if not any(_names_someone(p) and p.head_word.ent != "LOC"
                       and (not named or p.head_word.pos == "PROPN"
                            or p.head_word.ent in _ACTOR_ENTS or p in direct)
                       for p in recipient):
                # "threatened to send refugees to Europe unless the EU pays", "to open the
                # gates to refugees unless the EU provided more support": whoever must act
                # is whom the threat is aimed at, not where it would be carried out, nor
                # people it would be carried out on when no one is named
                recipient = condition
        if (row.cameo[:2] == "09" and verb.dep_ in ("advcl", "xcomp")
                and verb.head.lemma_.lower() in _SENDING_VERBS):
            # "sent experts to Saudi Arabia to investigate the attacks": an inquiry made there
            more = (*more, *(phrase_of(o) for o in _prep_objects(verb.head, frozenset({"to"}))))
        if negated and (condition := _condition_party(verb)):
            # "will not lift the embargo until Cuba reforms": the refusal is aimed at whoever
            # must act first ("until their members ratify it": named or not, when nothing
            # else receives the refusal).
            more = (*condition, *more)
            if not recipient:
                recipient = condition
        if (row.cameo[:2] == "03" and not any(_names_someone(p) for p in recipient)
                and (partner := _talks_partner(verb))):
            # "In talks with Iran, Russia agreed to supply fuel", "after a meeting with Putin,
            # agreed to buy the missiles": agreed with the other side of the talks
            recipient = partner
        if (not recipient and row.cameo[:2] == "02" and verb.lemma_.lower() == "seek"
                and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ == "VERB"
                and verb.head.lemma_.lower() in _ASYLUM_JOURNEYS):
            # "arrived in Italy seeking asylum": asked of the country they came to
            recipient = tuple(phrase_of(o) for o in _prep_objects(
                verb.head, frozenset({"in", "to", "into"})) if o.ent_type_ == "GPE")[:1]
        if (not recipient and "to" in row.preps and (goal := _displaced_goal(verb)) is not None
                and all(p.start != goal.start for p in more)):
            # "returned 12 skulls that date back to 640 AD to Peru": the parser hung the goal
            # inside a modifier of the thing returned.
            more, goals = (*more, goal), (*goals, goal)
        return Candidate(
            sentence_index=index,
            trigger=Span(text=verb.doc[verb.i:last.i + 1].text, start=verb.idx, end=end),
            row=row, verbal=True, actor=_phrases(agents), recipient=recipient,
            negated=negated, hypothetical=hypothetical, future=future, here=here, places=places,
            clause=clause_ranges(verb), more=more, goals=goals,
        )

    def _attack_agents(self, subject: Token) -> list[Token]:
        """The agents a verb's subject stands for. An attack or a weapon stands for whoever
        is behind it: its "by" agent or possessor ("a car bombing by IS killed ..."); a
        weapon or attack with a nationality names its actor itself ("Israeli jets",
        "Russian strikes"); an attack nobody is named behind is no actor ("the Manchester
        Arena attack killed 22")."""
        row = self._match(subject) if subject.pos_ == "NOUN" else None
        attack = row is not None and row.kind == "N" and row.cameo[:2] in _VIOLENT_ROOTS
        if not attack and subject.lemma_.lower() not in _WEAPONS:
            return [subject]
        owners = _owners(subject)
        if owners:
            return owners
        # "Russian strikes", "a Taliban-claimed car bomb"
        named = any(t.ent_type_ in ("NORP", "GPE", "ORG") for t in subject.subtree
                    if t.i < subject.i)
        if not named and attack and (forces := [
                c for c in subject.children if c.dep_ == "compound" and c.i < subject.i
                and c.pos_ == "NOUN" and c.lemma_.lower() in _FORCES | {"regime", "rebel",
                                                                       "militant", "coalition"}]):
            return forces  # "the army offensive killed dozens": the army
        return [subject] if named or not attack else []

    def _code_noun(self, noun: Token, row: Trigger, index: int) -> Candidate | None:
        first = noun
        while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
            first = first.head  # "it was an initiative and a Faustian pact"
        if (first.dep_ == "attr" and first.head.lemma_.lower() in ("be", "remain", "become", "stay")
                and (row.cameo[:2] == "13" or row.cameo[:2] not in _VIOLENT_ROOTS
                     and not _prep_objects(noun, row.preps | {"between", "with"}))):
            # "Isis remained a security threat", "it was a Faustian pact": what something
            # is, not an act made
            return None
        if noun.lemma_.lower() == "warning" and any(
                o.lemma_.lower() in _HARDSHIPS for o in _prep_objects(noun, frozenset({"of", "about"}))):
            return None  # "the envoy's warning of a humanitarian catastrophe": a forecast
        if (row.cameo[:2] in _VIOLENT_ROOTS and noun.dep_ == "pobj"
                and noun.head.lower_ in ("from", "against")
                and noun.head.head.lemma_.lower() in _PROTECTING_VERBS):
            return None  # "defend their homeland from Turkish attack": fended off, not told
        if (noun.lower_ == "threat" and _prep_objects(noun, frozenset({"from"}))
                and not _prep_objects(noun, frozenset({"by"}))
                and not any(c.dep_ in ("poss", "acl", "relcl") for c in noun.children)):
            return None  # "countering the threat from Islamic State": a danger, no threat made
        if (noun.dep_ == "appos" and noun.head.pos_ == "PROPN"
                and row.cameo[:2] in ("03", "04", "05", "06", "07", "08")):
            return None  # "Halcyon Investments, a New York investment partnership": what it is
        if (noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _AMOUNTING_VERBS
                and any(_quantity(t) for c in noun.head.children
                        if c.dep_ in ("attr", "dobj", "npadvmod", "prep")
                        for t in (c, *_children(c, {"pobj"})))):
            return None  # "its loans to Brazil were 504 mln dlrs": a balance, no act
        if row.cameo[:2] == "04" and any(
                c.lemma_.lower() in _CORPORATE_BODIES for c in noun.children
                if c.dep_ in ("compound", "amod", "poss")):
            return None  # "its annual shareholders meeting": a company's own business
        if row.lemma == "deal" and noun.head.lemma_.lower() in _DEAL_MAKERS:
            return None  # "Salomon Brothers co-managed the deal": a bank's work on a sale
        if row.lemma == "call" and row.cameo == "020" and not _prep_objects(
                noun, frozenset({"for", "on", "upon", "to"})) and not any(
                c.dep_ in ("acl", "relcl") for c in noun.children) and (
                _prep_objects(noun, frozenset({"between", "with"}))
                or noun.head.lemma_.lower() in ("hold", "have", "make", "take", "receive")):
            # "a call between the two leaders", "held a call": a conversation, no appeal
            row = replace(row, cameo="041", preps=frozenset({"with", "between"}))
        violent = row.cameo[:2] in _VIOLENT_ROOTS
        verb = _governing_verb(noun, violent, row.cameo[:3] == "172")
        agents: list[Token] = []
        # "Isis will use Trump's withdrawal": a named owner does the act, whoever speaks of it
        owners = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        # "Brunson's detention", "Khashoggi's murder": the owner is who it was done to
        suffered = owners if noun.lemma_.lower() in _SUFFERED_NOUNS and not _prep_objects(
            noun, frozenset({"of"})) or (
            # "the UK is coming to Baghdad's aid": whom the help goes to
            noun.dep_ == "pobj" and noun.head.lower_ == "to"
            and noun.head.head.lemma_.lower() in ("come", "rush", "go", "race", "leap", "spring")
        ) else []
        owners = [] if suffered else owners
        owned = bool(owners) and verb is not None and verb.lemma_.lower() not in _LIGHT_VERBS
        if owned:
            agents = owners
        elif (verb is not None and not _acronym(verb)  # (an acronym acts: below)
              # "overheard complaints", "watched the attack": whoever perceives it is no party
              and verb.lemma_.lower() not in _PERCEIVING_VERBS):
            agents, _ = subject_of(verb)
        culprit = _culprit(noun) if not agents else None
        if culprit is not None:
            # "X has been responsible for mass killings"
            agents, _ = subject_of(culprit)
        if not agents and noun.lemma_.lower() == "donor":
            # "Germany is a major donor to Yemen", "is one of the largest donors": who is one
            role = noun
            if (role.dep_ == "pobj" and role.head.lower_ == "of"
                    and role.head.head.lower_ in ("one", "among")):
                role = role.head.head
            if role.dep_ == "attr" and role.head.lemma_.lower() in ("be", "remain", "become"):
                agents, _ = subject_of(role.head)
        force = None
        if not agents:
            # "the attack by Houthi rebels", "Russia's offensive", "Russian strikes"
            agents = _prep_objects(noun, frozenset({"by"}))
        if not agents:
            modifiers = [
                c for c in noun.children if c.dep_ == "poss" and not suffered
                # "a Muslim ban", "the Cuba embargo": what is banned, not who bans
                or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")
                    and noun.lemma_.lower() not in ("ban", "embargo"))
            ]
            fallback = modifiers or _leaders(noun)
            if (violent or row.cameo[:2] == "17") and noun.lemma_.lower() not in _KINDS_OF_FORCE:
                # "a Syrian army offensive": the force named before the noun, with its
                # country (not when that leaves the country out: "a US-led coalition strike")
                force = _force_of(noun)
                if force is not None and fallback and not any(
                        w.ent in _NAME_ENTS or w.pos == "PROPN" for w in force.words):
                    force = None
            if force is None:
                agents = fallback
        died = _death_cause(noun) if row.cameo[:2] == "18" else None
        if died is not None:
            # "died in prison in Rangoon after torture", "died as a result of the torture to
            # which he was subjected in a detention centre in X": it was done to whoever
            # died, by whoever held them
            if not agents and force is None and noun.lemma_.lower() in _ILL_TREATMENT:
                agents = _custodians(
                    [died, *(c for c in noun.children if c.dep_ in ("relcl", "acl"))],
                    _children(died, _SUBJ))
            suffered = suffered or subject_of(died)[0]
        recipients = [o for o in _objects(noun, row.preps, direct=False)
                      if not _opposed_by_support(o, row)] or suffered
        if not recipients:
            # "its rejection and condemnation of X": the last conjunct's complement is both's.
            recipients = next((found for c in reversed(_conjuncts(noun)[1:])
                               if c.pos_ == "NOUN" and (found := _objects(c, row.preps, direct=False))),
                              [])
        if not recipients and row.cameo[:2] in _STANCE_ROOTS and (
                agents or any(c.dep_ == "poss" for c in noun.children)):
            # "his strong support of X", "Britain's recognition of X": with its agent said,
            # a noun's "of" names whom it is toward.
            recipients = [o for o in _prep_objects(noun, frozenset({"of"})) if _actor_like(o)]
        if (not recipients and verb is not None
                and verb.lemma_.lower() in _PURPOSE_EXPRESSIONS and _purpose_of(verb)):
            # "called Erdogan to express Pakistan's support": to whom the call was made
            recipients = _purpose_of(verb)
        if not recipients and verb is not None:
            recipients = _objects(verb, row.preps, direct=False) or [
                # "gave the rebels an ultimatum": to whom it was given
                d for d in _children(verb, {"dative"}) + [
                    o for o in _children(verb, {"dobj"}) if o.i < noun.i and noun.dep_ == "dobj"]
                if d.i != noun.i and (_actor_like(d) or d.pos_ == "PROPN")]
        if (not recipients and verb is not None and noun.lemma_.lower() in _JOURNEY_NOUNS
                and verb.lemma_.lower() in _ARRIVING_VERBS):
            # "arrived in Baghdad for a three-day visit": the place arrived in is visited
            recipients = [o for o in _prep_objects(verb, frozenset({"in"}))
                          if o.ent_type_ == "GPE"]
        if not recipients:
            recipients = [a for a in _addressees(noun, row) if a.dep_ in ("nsubj", "nsubjpass")]
        if (not recipients and violent and noun.dep_ == "dobj"
                and noun.head.lemma_.lower() in _REPELLING_VERBS):
            # "the army repelled an attack by rebels": the attack was on whoever repelled it
            recipients = _children(noun.head, {"nsubj"})
        if (not recipients and violent and noun.dep_ == "nsubj"
                and noun.head.lemma_.lower() in _IMPACT_VERBS):
            # "air strikes hit the enclave", "the shelling destroyed homes": what the attack
            # did it to.
            recipients = _children(noun.head, {"dobj"})
        if not recipients and violent:
            # "an attack in which gunmen stormed the mosque": what the clause says was struck
            recipients = [o for c in noun.children if c.dep_ == "relcl" and any(
                          p.dep_ == "prep" and any(w.lower_ == "which" for w in p.children)
                          for p in c.children)
                          for o in _children(c, {"dobj"}) if o.pos_ in ("NOUN", "PROPN")]
        if not recipients:
            recipients = _target_places(noun, row) or (
                _target_places(verb, row) if verb is not None else []) or _actors_place(agents, row)
        if verb is not None and verb.lemma_.lower() in _RECEIVING_VERBS and not violent:
            # "Iran faces criticism from the UN", "X drew condemnation from Y": the one who
            # faces it is the recipient, the one it comes from the actor.
            sources = _prep_objects(noun, frozenset({"from", "by"})) or _prep_objects(
                verb, frozenset({"from", "by"})) or [
                # "Egypt received American military support", "drew Chinese condemnation":
                # the country or body named before the noun is whom it comes from
                c for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "poss")
                and c.ent_type_ in ("NORP", "GPE", "ORG")]
            # Without a source, the subject is still only who it happened to.
            agents, recipients = sources, subject_of(verb)[0]
        # the event noun is never its own recipient ("are on strike")
        actor, recipient = _phrases(agents), _phrases([r for r in recipients if r.i != noun.i])
        if not actor and force is not None:
            actor = (force,)
        if not actor and verb is not None and _acronym(verb):
            # "ECOWAS imposed sanctions on Niger": an acronym the tagger took for the verb
            # ("imposed" then modifies "sanctions") is who acts
            actor = (_name_phrase(verb),)
        between = _prep_objects(noun, frozenset({"between"}))
        if not actor and between:
            # "the meeting between X and Y": the first is the actor, the others recipients.
            pair = _conjuncts(between[0])
            actor = (phrase_of(pair[0]),)
            recipient = tuple(phrase_of(t) for t in pair[1:])
        places, here = _places(verb if verb is not None else noun)
        negated, hypothetical, future = _modality(noun, verb or culprit)
        if verb is not None and verb.lemma_.lower() in _WEIGHING_VERBS:
            hypothetical = True  # "is considering sanctions on China": not yet imposed
        if (any(c.dep_ in ("amod", "compound") and c.lower_ in _UNREAL_ADJECTIVES
                for c in noun.children)
                and not (verb is not None and verb.lemma_.lower() in _CARRYING_OUT)):
            # "a planned offensive", "an impending assault", "the draft treaty": not yet (the
            # word as written: the tagger lemmatises "planned" to "plan"); "launched a planned
            # offensive", "signed the draft accord" carried it out
            hypothetical = True
        if owned:
            # what is said of the owner's act is not its modality ("will use Trump's withdrawal")
            negated, hypothetical, future = _negated(noun) or _called_off(noun), False, False
        negated = negated or (culprit is not None and _blame_denied(culprit))
        starts = [noun] if verb is None else [noun, verb]
        skip = [*agents, *(_children(verb, _SUBJ) if verb is not None else [])]
        more, goals = _more_participants(starts, row, skip)
        if row.cameo[:2] == "13" and (condition := _threat_condition(noun)):
            more = (*condition, *more)  # "threats that he would ... unless the EU pays"
        return Candidate(
            sentence_index=index,
            trigger=Span(text=noun.text, start=noun.idx, end=noun.idx + len(noun.text)),
            row=row, verbal=False, actor=actor, recipient=recipient,
            negated=negated, hypothetical=hypothetical, future=future, here=here, places=places,
            clause=clause_ranges(verb if verb is not None else _clause_head(noun)),
            more=more, goals=goals,
        )


# Where someone is held: "died in prison", "in police custody", "in captivity".
_CUSTODY_NOUNS = {"prison", "jail", "gaol", "custody", "captivity", "detention", "cell",
                  "dungeon"}
# Places of custody named with a custody noun: "a detention centre", "a prison camp".
_CUSTODY_HEADS = {"center", "centre", "facility", "camp", "site"}
# Ill-treatment of someone held, whose custodian does it: "tortured in prison", "died after
# beatings in custody" (not a stabbing or a killing there: inmates may do those).
_ILL_TREATMENT = {"torture", "beat", "beating", "abuse", "mistreat", "mistreatment",
                  "ill-treatment", "maltreatment", "flog", "flogging", "whip", "whipping"}
# People held by a state: "a political prisoner died in captivity in Iran".
_INMATES = {"prisoner", "detainee", "inmate", "convict"}
# Prepositions of the cause of a death: "died after torture", "died from beatings".
_CAUSE_PREPS = {"after", "from", "of", "following", "under"}


def _death_cause(noun: Token) -> Token | None:
    """The verb "die" whose cause the noun is: "died after torture", "died as a result of
    the torture", "died due to torture and poor treatment"."""
    token = noun
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ != "pobj":
        return None
    prep = token.head
    if (prep.lower_ == "of" and prep.head.lemma_.lower() in ("result", "consequence")
            and prep.head.dep_ == "pobj"):
        verb = prep.head.head.head  # "as a result of", "as a consequence of"
    elif prep.lower_ in ("to", "of") and prep.head.lower_ in ("due", "owing", "because"):
        verb = prep.head.head  # "due to", "owing to", "because of"
    elif prep.lower_ in ("due", "owing", "because"):
        verb = prep.head  # (the same, the noun hung on "due")
    elif prep.lower_ in _CAUSE_PREPS:
        verb = prep.head
    else:
        return None
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() == "die" else None


def _custody(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in _CUSTODY_NOUNS or lemma in _CUSTODY_HEADS and any(
        c.dep_ == "compound" and c.lemma_.lower() in _CUSTODY_NOUNS for c in token.children)


def _custodians(heads: list[Token], victims: list[Token]) -> list[Token]:
    """Who held the victims of ill-treatment, from where the words ``heads`` say it happened:
    the holder the custody names ("in Israeli custody", "in an Isis prison"), else the state
    of its place ("died in prison in Rangoon", "subjected to torture in a detention centre in
    X")."""
    for head in heads:
        for held in _prep_objects(head, frozenset({"in", "inside"})):
            if not _custody(held):
                continue
            owners = [c for c in held.children if c.dep_ == "poss" and c.pos_ != "PRON"
                      or c.dep_ in ("amod", "compound") and (
                          c.ent_type_ in ("NORP", "ORG", "GPE") or _actor_like(c))]
            if owners:
                return owners
            if held.lemma_.lower() == "captivity" and not any(
                    v.lemma_.lower() in _INMATES for v in victims):
                return []  # "a hostage died in captivity in Syria": held by captors, no state
            # the place of the custody, or of the death: "died in prison in Rangoon"
            # ("in Kırıkkale province": the province's name)
            places = [p for h in (held, head) for o in _prep_objects(h, frozenset({"in"}))
                      if o.i != held.i
                      for p in ([o] if o.ent_type_ in ("GPE", "LOC") else [
                          c for c in o.children if c.dep_ == "compound" and c.ent_type_ == "GPE"])]
            return places[:1]
    return []


# Verbs that keep a measure in force: "renewed the embargo".
_RENEWING_VERBS = {"renew", "extend", "prolong"}
# A measure let lapse -> its easing: a curfew (0813), a state of emergency (0814).
_LAPSED = {"1723": "0813", "1724": "0814"}


def _kept_open(verb: Token, matched: dict[int, Trigger]) -> str | None:
    """The CAMEO code of the punishment or force a "not ruled out" keeps open, if any."""
    for obj in _children(verb, {"dobj"}):
        if obj.i in matched and matched[obj.i].cameo[:2] in ("15", "16", "17", "18", "19", "20"):
            return matched[obj.i].cameo
        lemma = obj.lemma_.lower()
        if lemma in ("force", "strike", "invasion") or lemma in (
                "action", "option", "intervention") and any(
                c.lemma_.lower() in ("military", "armed") for c in obj.children):
            return "190"  # "military action", "the use of force"
    return None


# What is proposed, and can be turned down: "rejected a motion to impose sanctions".
_PROPOSED = {"motion", "bill", "plan", "proposal", "resolution", "amendment", "initiative",
             "draft", "measure"}


def _word_candidate(word: Token, row: Trigger, index: int, clause: Token,
                    actors: list[Token], recipients: list[Token], *,
                    modality: tuple[bool, bool, bool], content: str | None = None
                    ) -> Candidate:
    """A candidate whose trigger is one word found by a construction rather than the
    lexicon ("must", "responsible", "willing", an open clause's verb): the actors and the
    recipients (with their conjuncts) as phrases, places and dates from ``clause``."""
    negated, hypothetical, future = modality
    places, here = _places(clause)
    return Candidate(
        sentence_index=index,
        trigger=Span(text=word.text, start=word.idx, end=word.idx + len(word.text)),
        row=row, verbal=True, actor=_phrases(actors),
        recipient=tuple(phrase_of(t) for r in recipients for t in _conjuncts(r)),
        negated=negated, hypothetical=hypothetical, future=future, here=here, places=places,
        clause=clause_ranges(clause), content=content,
    )


def open_candidate(sent: SpacySpan, index: int) -> Candidate | None:
    """The main clause of a sentence that has no lexicon trigger, as a candidate with no code
    (``row.cameo == ""``): its verb, its subject and its object ("X lambasted Y"); a reporting
    verb hands over to what was reported. The event classifier types it, or nobody does."""
    verb = sent.root
    for _ in range(2):
        if verb.lemma_.lower() not in SPEECH_VERBS:
            break
        reported = _children(verb, {"ccomp"})
        if not reported:
            return None
        verb = reported[0]
    if (verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in ("be", "have")
            or verb.lemma_.lower() in _PERCEIVING_VERBS):
        return None  # ("residents witnessed the attack": no act between them and it)
    agents, patients = subject_of(verb)
    objects = patients or _objects(verb, _OPEN_PREPS, direct=True)
    agents = [t for t in agents if t.pos_ in ("NOUN", "PROPN")]
    # ("held a press conference": an idiom, no one's counterpart)
    objects = [t for t in objects if t.pos_ == "PROPN" or t.pos_ == "NOUN" and not _idiom(t)]
    if not agents or not objects:
        return None
    row = Trigger(kind="V", lemma=verb.lemma_.lower(), particle=None, cameo="",
                  preps=frozenset())
    return _word_candidate(verb, row, index, verb, agents, objects,
                           modality=_modality(verb, verb))


# Verbs that only deliver what their object says: "offered criticism", "gave praise".
_EXPRESSIVE_VERBS = {"offer", "give", "express", "voice", "lodge", "level", "deliver", "issue"}
_EXPRESSED_ROOTS = {"01", "05", "11", "12", "13"}
# What force does: "carried out strikes on X", "launched strikes against X".
_FORCE_VERBS = {"carry", "launch", "conduct", "order", "authorize", "authorise", "fire",
                "unleash", "mount", "step", "intensify", "resume", "escalate"}


def _military_strike(noun: Token) -> bool:
    """A "strike" that is force, not a walk-out: one carried out or launched, or one "on" a
    target ("strikes on rebel positions"); "went on strike", "a strike by nurses" stay."""
    if noun.lemma_.lower() != "strike" or any(
            c.lemma_.lower() in ("hunger", "general", "labor", "labour", "worker", "sit")
            for c in noun.children):
        return False
    if _prep_objects(noun, frozenset({"on"})):
        return True
    if any(c.dep_ == "compound" and c.lemma_.lower() in _ARMED_BODIES for c in noun.children):
        return True  # "a US-led coalition strike", "an army strike": armed bodies strike by force
    if any(c.ent_type_ in ("NORP", "GPE") and c.dep_ in ("amod", "compound", "poss", "nmod")
           for c in noun.children) and any(t.lemma_.lower() in _WAR_WORDS for t in noun.sent):
        # "said of the Israeli strike" beside an attack: a state's strike among war words
        return True
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in _FORCE_VERBS


# Bodies whose "strike" is military.
_ARMED_BODIES = {"coalition", "army", "military", "navy", "force", "militia", "nato",
                 "drone", "missile", "rocket", "artillery", "jet", "warplane", "aircraft"}
# Words of war, that make a state's "strike" military.
_WAR_WORDS = {"attack", "kill", "bomb", "bombing", "missile", "rocket", "raid", "shell",
              "shelling", "drone", "jet", "warplane", "military", "army", "troops", "target",
              "destroy", "wound", "casualty", "retaliation", "war", "airstrike", "air"}


# Prepositions of time and circumstance, whose object is never what a trigger is about.
_ADJUNCT_PREPS = {"after", "before", "since", "during", "despite", "while", "following",
                  "amid", "amidst", "until", "upon"}


def _content_token(token: Token, matched: dict[int, Trigger]) -> Token | None:
    """The trigger word heading the token's complement ("refused to MEET", "vowed to ATTACK",
    "accused X of ATTACKING", "called for a CEASEFIRE")."""
    for comp in token.children:
        heads: list[Token] = []
        if comp.dep_ in ("xcomp", "ccomp", "dobj"):
            heads = _conjuncts(comp)
            # "vowed to keep attacking ships": an aspect verb passes on to its complement
            heads += [x for h in heads if h.lemma_.lower() in _ASPECT_VERBS and h.i not in matched
                      for x in _children(h, {"xcomp", "dobj"})]  # ("continue attacks")
            # "pledged $50 million in humanitarian aid": the sum's "in" names what is given
            heads += [x for h in heads if h.i not in matched and (_money(h) or h.like_num)
                      for p in _children(h, {"prep"}) if p.lower_ in ("in", "of")
                      for x in _children(p, {"pobj"})]
        elif comp.dep_ == "prep" and comp.lower_ not in _ADJUNCT_PREPS and comp.i > token.i:
            # not "ordered a retrial after siding with prosecutors": a time, not the content;
            # nor an opening phrase ("In talks with Iran, Russia agreed ...")
            heads = [t for c in comp.children if c.dep_ in ("pcomp", "pobj") for t in _conjuncts(c)]
        for head in heads:
            if head.i in matched:
                return head
    return None


# Punishment called for against someone is an accusation of them: "called for sanctions
# against X", "demanded the prosecution of X" (the one to punish is the recipient, not the one
# asked to act).
_PUNITIVE_ROOTS = {"16", "17", "18", "19", "20"}


def _demands_punishment(cand: Candidate, content: Token) -> bool:
    if cand.row.cameo[:2] not in _REQUEST_ROOTS or not cand.recipient:
        return False
    if cand.row.lemma in _ADOPTING_VERBS:
        return False  # "ordered the arrest of X" is the arrest
    start = content.idx + len(content.text)
    end = content.right_edge.idx + len(content.right_edge.text)
    # someone to punish, not a thing to ban ("called for a ban on landmines" is a demand)
    someone = any(map(_names_someone, cand.recipient))
    return someone and all(start <= p.start and p.end <= end for p in cand.recipient)


def _speaker(token: Token) -> tuple[Token | None, Token | None]:
    """(speech verb, its subject) when the token's clause is reported speech."""
    clause = _clause_head(token)
    for _ in range(3):
        if clause.dep_ in ("ccomp", "parataxis") and clause.head.lemma_.lower() in SPEECH_VERBS:
            subjects = [c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            return clause.head, (subjects[0] if subjects else None)
        if clause.dep_ not in ("conj", "xcomp", "advcl") or clause.head.i == clause.i:
            break  # "said he would go to Moscow to meet X": the purpose is said too
        clause = clause.head
    return None, None


# What stands for the speaker in what they said: "he", "his country", "its government".
_OWN_SIDE = {"country", "nation", "government", "administration", "state"}


def _speaker_self(phrase: Phrase) -> bool:
    """A pronoun, or the speaker's own country or government named by a possessive pronoun."""
    head = phrase.head_word
    return head.pos == "PRON" or (head.lemma.lower() in _OWN_SIDE and any(
        w.dep == "poss" and w.pos == "PRON" for w in phrase.words))


def _reported(cand: Candidate, token: Token) -> Candidate:
    """Reported speech: a pronoun actor is the speaker ("A said it would ..."), and an
    announced future act of force is a threat."""
    speech, speaker = _speaker(token)
    if speech is None:
        return cand
    if speaker is not None:
        cand = replace(cand, speaker=phrase_of(speaker))
    if speaker is not None and cand.actor and all(map(_speaker_self, cand.actor)) and not (
            # '"They have requested ...," Campbell said': in a quote only "I" and "we" are
            # the speaker
            _quoted(token.sent, cand.actor[0].head_word.start)
            and not any(p.head_word.lemma.lower() in _FIRST_PERSON for p in cand.actor)):
        # "Britain and France said they would ...": a plural pronoun is all the speakers
        plural = any(p.head_word.text.lower() in ("they", "we") for p in cand.actor)
        speakers = (speaker, *speaker.conjuncts) if plural else (speaker,)
        cand = replace(cand, actor=tuple(phrase_of(t) for t in speakers))
    if cand.recipient and _deictic(cand.recipient[0]) and (about := _spoken_of(speech)):
        # '"We condemn this attack," the minister said of the Israeli strike': "this attack"
        # is what the speech is said of, and that is whose
        cand = replace(cand, recipient=tuple(phrase_of(t) for t in about))
    clause = _clause_head(token)
    # "said it would begin to withdraw": the verb in control may carry the "would"
    controls = [clause]
    while controls[-1].dep_ == "xcomp" and len(controls) < 4:
        controls.append(controls[-1].head)
    announced = any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll", "wo")
                    for v in controls for c in v.children)
    # "said that if they did not, the US would be forced to release them": only force is
    # announced on a condition (a threat); anything else stays a hypothesis
    conditional = any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                      for v in controls for a in _children(v, {"advcl"}) for m in a.children)
    threat = _THREAT_CODES.get(cand.row.cameo[:2])
    if speech.lemma_.lower() in _CONFIRMING_VERBS and _negated(speech):
        return cand  # "has not confirmed that its delegation will attend": nothing announced
    if announced and not cand.negated:
        if threat is not None:
            cand = replace(cand, row=replace(cand.row, cameo=threat), hypothetical=False, future=False)
        elif not conditional:
            cand = replace(cand, hypothetical=False, future=True)
    elif announced and threat is None and not conditional:
        # "A said it would not lift the ban": a refusal stated now, not a hypothesis.
        cand = replace(cand, hypothetical=False, future=True)
    return cand


# Withdrawals of forces (CAMEO 087x, PLOVER RETREAT), and what announces one still to come.
_WITHDRAWAL_CODES = {"087", "0872", "0874"}
_ANNOUNCING = {"announce", "declare", "decide", "decision", "order", "promise", "pledge",
               "vow", "confirm", "say", "state"}


def _announced_retreat(cand: Candidate, token: Token) -> Candidate:
    """PLOVER codes an announced future withdrawal as CONCEDE ("announced that it would
    withdraw its troops", "the decision to pull out of Syria", "a withdrawal promised by X"):
    the announcement is the concession, made now."""
    if cand.row.cameo not in _WITHDRAWAL_CODES or cand.negated or cand.hypothetical:
        return cand
    clause = _clause_head(token)
    announced = cand.future and (speech := _speaker(token)[0]) is not None and (
        speech.lemma_.lower() in _ANNOUNCING)
    if not announced and clause.dep_ in ("xcomp", "acl") and _infinitive(clause):
        # "decided to pull out", "Trump's decision to withdraw": decided, to be done
        announced = clause.head.lemma_.lower() in _ANNOUNCING and not _negated(clause.head)
    if not announced and token.pos_ == "NOUN":
        # "a troop withdrawal promised by Trump"
        announced = any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _ANNOUNCING
                        for c in token.children)
    if not announced:
        return cand
    return replace(cand, row=replace(cand.row, cameo="080"), future=False)


# Verbs whose coordinated subjects act on each other: "Armenian and Azerbaijani forces
# clashed", "the two sides accused each other".
_RECIPROCAL_VERBS = {"clash", "fight", "battle", "skirmish", "violate", "exchange"}
_EACH_OTHER = {"each other", "one another"}
_SITE_PREPS = _LOCATION_PREPS | {"on", "along", "across", "around"}


def _participants_settled(cand: Candidate, token: Token, at: dict[int, Token]) -> Candidate:
    """The last word on a verb or noun candidate's participants, from the whole sentence."""
    if cand.row.cameo[:2] in _STANCE_ROOTS and cand.more:
        # "condemned the proposed ban on refugees": whom a measure or remark is on is not whom
        # the stance is toward
        cand = replace(cand, more=tuple(
            p for p in cand.more
            if not ((t := at.get(p.head_word.start)) is not None
                    and t.dep_ == "pobj" and t.head.lower_ in ("on", "against")
                    and t.head.head.lemma_.lower() in _MEASURES | _TOPIC_NOUNS)))
    if (cand.row.cameo[:2] in ("15", "18", "19") and token.pos_ == "VERB"
            and not any(_names_someone(p) and p.head_word.ent not in ("GPE", "LOC", "FAC")
                        for p in cand.recipient)
            and (aimed := _purpose_targets(token))):
        # "fought alongside the SDF to oust Isis from its strongholds", "sent troops into Afrin
        # to fight Kurdish militias": whom the force is used against
        cand = replace(cand, recipient=tuple(phrase_of(t) for t in aimed))
    if cand.row.cameo[:2] in _VIOLENT_ROOTS:
        # "targeted areas under the control of Isis": the holder is the target
        cand = replace(cand, recipient=tuple(_controller(p, at) or p for p in cand.recipient))
    if set(cand.recipient) & set(cand.actor):
        # ("recruiting British nationals to fight for Isis": no one fights himself)
        cand = replace(cand, recipient=tuple(p for p in cand.recipient if p not in cand.actor))
    return cand


def _reciprocal(cand: Candidate, token: Token, at: dict[int, Token]) -> list[Candidate]:
    """One event per side when coordinated actors act on each other and name no one else:
    "Armenia and Azerbaijan violated the ceasefire", "the army and the rebels clashed near
    the border" (each side toward the other; where it happened is no party)."""
    if len(cand.actor) < 2 or cand.row.cameo[:2] not in ("19", "11", "12", "13", "17", "18"):
        return [cand]
    each_other = [p for p in cand.recipient if p.text.lower() in _EACH_OTHER]
    mutual = each_other or any(
        o.lower_ in ("other", "another") and o.left_edge.lower_ in ("each", "one")
        for o in _children(token, {"dobj", "pobj", "dative"}))
    if not mutual and (token.pos_ != "VERB" or token.lemma_.lower() not in _RECIPROCAL_VERBS
                           or token.lemma_.lower() in ("violate", "exchange")
                           and cand.row.cameo != "196" and not any(
                               o.lemma_.lower() == "fire" for o in _children(token, {"dobj"}))):
        return [cand]
    if any(c.lower_ in ("alongside", "beside", "together", "side") for c in token.children):
        return [cand]  # "fought alongside each other", "side by side": allies
    if not all((head := at.get(p.head_word.start)) is not None
               and (_actor_like(head) or head.pos_ == "PROPN") for p in cand.actor):
        return [cand]  # sides that are no parties ("the stronghold and scene of ...")
    for p in cand.recipient:
        if p in each_other:
            continue
        head = at.get(p.head_word.start)
        if head is None or not (head.dep_ == "pobj" and head.head.lower_ in _SITE_PREPS
                                or head.dep_ == "dobj" and not _actor_like(head)
                                and head.pos_ != "PROPN"):
            return [cand]  # "X and Y fought Isis": a third party
    return [replace(cand, actor=(side,), recipient=tuple(p for p in cand.actor if p is not side),
                    more=(), goals=())
            for side in cand.actor]


# Acts of force whose object a force is sent or used against: "to oust Isis", "to fight X".
_FORCE_PURPOSES = _OUSTING_VERBS | {"defeat", "fight", "attack", "expel", "crush", "destroy",
                                    "capture", "dislodge", "battle", "combat", "counter"}


def _purpose_targets(verb: Token) -> list[Token]:
    """The parties a purpose clause of force names: "to oust Isis", "to fight the militias"."""
    return [t for c in verb.children if c.dep_ in ("advcl", "xcomp") and _infinitive(c)
            and c.lemma_.lower() in _FORCE_PURPOSES
            for o in _children(c, {"dobj"}) for t in _conjuncts(o)
            if _actor_like(t) or t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "LOC", "FAC")]


def _controller(phrase: Phrase, at: dict[int, Token]) -> Phrase | None:
    """Who holds the ground a phrase names: "areas under the control of Islamic State",
    "territory controlled by the rebels" (the holder, as the target)."""
    head = at.get(phrase.head_word.start)
    if head is None or head.lemma_.lower() not in _TERRAIN | _AREA_NOUNS:
        return None
    after = head.right_edge.i + 1
    unders = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "under"] + (
        # ("targeted areas under the control of X": the parser may hang "under" on the verb)
        [head.doc[after]] if after < len(head.doc) and head.doc[after].lower_ == "under" else [])
    holders = [o for u in unders for p in _children(u, {"pobj"}) if p.lemma_.lower() == "control"
               for o in _prep_objects(p, frozenset({"of"}))]
    holders += [o for a in head.children if a.dep_ == "acl" and a.lemma_.lower() in (
                "control", "hold", "run") for o in _agents_of_passive(a)]
    holders = [o for o in holders if _actor_like(o) or o.pos_ == "PROPN"]
    return phrase_of(holders[0]) if holders else None


# Adjectives of wanting, whose gerund has not happened: "interested in ousting".
_WANTING_ADJECTIVES = {"interested", "keen", "intent", "bent", "committed", "determined",
                       "focused", "eager", "set"}
# Verbs of talking or thinking about something, whose "about" names a topic.
_MUSING_VERBS = {"tweet", "talk", "speak", "write", "think", "joke", "dream",
                 "fantasize", "fantasise", "muse", "worry", "speculate", "complain"}
_FIRST_PERSON = {"i", "we", "me", "us", "our", "my"}


def _quoted(sent: SpacySpan, offset: int) -> bool:
    """Whether the text at ``offset`` stands inside double quotation marks in its sentence
    (single ones double as apostrophes)."""
    before = [t.text for t in sent if t.idx < offset]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _deictic(phrase: Phrase) -> bool:
    """A phrase that only points at something said elsewhere: "this attack", "it"."""
    head = phrase.head_word
    return (head.pos == "PRON" and head.lemma.lower() in ("it", "this", "that")) or any(
        w.dep == "det" and w.lemma.lower() in ("this", "that", "these", "those")
        for w in phrase.words)


def _spoken_of(speech: Token) -> list[Token]:
    """Who a speech is said of ("said of the Israeli strike" -> Israeli): the object of its
    "of" or "about", or that object's owner or nationality when it is a thing."""
    for obj in _prep_objects(speech, frozenset({"of", "about"})):
        if _actor_like(obj) or obj.pos_ == "PROPN":
            return [obj]
        owners = _owners(obj) or [c for c in obj.children if c.dep_ in ("amod", "compound")
                                  and c.ent_type_ in ("NORP", "GPE")]
        if owners:
            return owners[:1]
    return []


# "X said Y must withdraw": X demands it of Y (CAMEO 100). "Should" is left alone: it
# mostly gives opinions ("Australia should be concerned"), not appeals.
_OBLIGATION_CODES = {"must": "100"}
# Verbs of being and knowing are no act one can demand: "Germany must be able to ...".
_STATIVE = {"be", "have", "know", "feel", "seem", "remain", "understand", "realise",
            "realize", "accept", "recognise", "recognize"}
# Common nouns that name actors, besides people: "the government must ...".
_ACTOR_NOUNS = PEOPLE | {"government", "authority", "administration", "army", "military",
                         "police", "force", "regime", "parliament", "court", "council",
                         "ministry", "country", "state", "nation", "union", "party",
                         "opposition", "rebel", "committee", "agency", "company", "bank",
                         "coalition", "alliance", "group", "organisation", "organization",
                         "cabinet", "congress", "senate", "leadership", "junta", "militia",
                         "ally", "partner", "neighbour", "neighbor", "counterpart",
                         "management", "employer", "firm"}


_ACTOR_ENTS = {"GPE", "ORG", "NORP", "PERSON"}


def actor_noun(lemma: str) -> bool:
    """Whether a common noun names an actor ("allies", "the government", "protesters")."""
    return lemma in _ACTOR_NOUNS


def institution_noun(lemma: str) -> bool:
    """Whether a common noun names a body rather than people ("the committee", "countries")."""
    return lemma in _ACTOR_NOUNS and lemma not in PEOPLE


def _actor_like(token: Token) -> bool:
    """A noun that can name an actor: a name, or a common noun for people or institutions."""
    return token.ent_type_ in _ACTOR_ENTS or (
        token.pos_ == "NOUN" and token.lemma_.lower() in _ACTOR_NOUNS)
_OBLIGATION_VERBS = SPEECH_VERBS | {"argue", "emphasize", "emphasise", "reiterate",
                                    "maintain", "believe", "think"}


def _obligation(verb: Token, index: int, matched: dict[int, Trigger]) -> Candidate | None:
    """A reported obligation: the speaker's demand of (or appeal to) the one who must act.
    Only a named or noun subject is an addressee ("we must" is no demand of anyone), and only
    one who acts ("sanctions must be lifted" has none)."""
    modal = next((c for c in verb.children
                  if c.dep_ == "aux" and c.lower_ in _OBLIGATION_CODES), None)
    if (modal is None or verb.head.lemma_.lower() not in _OBLIGATION_VERBS
            # "said the militants must have fired the shell": a guess about the past
            or verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have"
                                          for c in verb.children)
            or verb.lemma_.lower() in _STATIVE and not (
                # "the EU must be ready to mediate": a readiness asked for is an act asked for
                verb.lemma_.lower() == "be" and any(
                    c.dep_ == "acomp" and c.lemma_.lower() in ("ready", "prepared", "willing")
                    and _children(c, {"xcomp"}) for c in verb.children))):
        return None
    speakers = _children(verb.head, {"nsubj"})
    addressees = [s for s in _children(verb, {"nsubj"}) if _actor_like(s)]
    if not speakers or not addressees:
        return None
    content = matched.get(verb.i)
    row = Trigger(kind="V", lemma=modal.lower_, particle=None,
                  cameo=_OBLIGATION_CODES[modal.lower_], preps=frozenset())
    return _word_candidate(modal, row, index, verb.head, speakers, addressees,
                           modality=_modality(verb.head, verb.head),
                           content=content.cameo if content else None)


# What makes a thing said to be needed a demand: "said reform of the WHO was needed".
_NEEDED_WORDS = {"necessary", "needed", "essential", "vital", "required", "imperative",
                 "urgent", "indispensable"}
_NEEDED_ROW = Trigger(kind="V", lemma="needed", particle=None, cameo="020", preps=frozenset())


def _needed(verb: Token, index: int, matched: dict[int, Trigger]) -> Candidate | None:
    """A reported need: "Pompeo said a reform of the WHO was needed", "said talks with Iran
    were necessary" is an appeal for it, made to whom it concerns (the "of" or "with" of what
    is needed)."""
    if verb.head.lemma_.lower() not in _OBLIGATION_VERBS:
        return None
    if verb.lemma_.lower() in ("need", "require") and any(c.dep_ == "auxpass" for c in verb.children):
        word, needed = verb, _children(verb, {"nsubjpass"})
    elif verb.lemma_.lower() == "be":
        word = next((c for c in verb.children if c.dep_ == "acomp"
                     and c.lemma_.lower() in _NEEDED_WORDS), None)
        needed = _children(verb, {"nsubj"}) if word is not None else []
    else:
        return None
    speakers = _children(verb.head, {"nsubj"})
    if not needed or not speakers or needed[0].pos_ != "NOUN":
        return None
    concerned = [o for o in _prep_objects(needed[0], frozenset({"of", "with", "on", "for", "to"}))
                 if _actor_like(o) or o.pos_ == "PROPN" or o.text == "WHO"]
    content = matched.get(needed[0].i)
    if not concerned and content is None:
        return None  # "said patience was needed": nothing asked of anyone
    negated, hypothetical, future = _modality(verb.head, verb.head)
    return _word_candidate(word, _NEEDED_ROW, index, verb.head, speakers, concerned,
                           modality=(negated or _negated(verb), hypothetical, future),
                           content=content.cameo if content else None)


# "X said Y was responsible": X accuses Y (CAMEO 112).
_BLAME_WORDS = {"responsible", "guilty", "culpable", "blame"}
# Verbs whose "of"/"for" clause is what is alleged: "accused X of shelling Y".
_ACCUSING_VERBS = {"accuse", "blame", "charge", "condemn", "denounce", "criticise", "criticize",
                   "fault", "suspect"}
_BLAME_ROW = Trigger(kind="V", lemma="responsible", particle=None, cameo="112",
                     preps=frozenset())


def _blamed(verb: Token, index: int) -> Candidate | None:
    """A reported attribution of blame: "the government said the Taliban were responsible",
    "X says Y is to blame"."""
    if verb.head.lemma_.lower() not in _OBLIGATION_VERBS or verb.lemma_.lower() not in (
            "be", "bear"):  # (one "has responsibility for" a duty, not a blame)
        return None
    words = [c for c in verb.children if c.dep_ in ("acomp", "xcomp")
             and c.lemma_.lower() in _BLAME_WORDS] if verb.lemma_.lower() == "be" else [
        # "the ministry said Israel bore full responsibility for the attack"
        c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "responsibility"]
    speakers = _children(verb.head, {"nsubj"})
    blamed = [s for s in _children(verb, {"nsubj"}) if _actor_like(s)]
    if not words or not speakers or not blamed:
        return None
    negated, hypothetical, future = _modality(verb.head, verb.head)
    return _word_candidate(words[0], _BLAME_ROW, index, verb.head, speakers, blamed,
                           modality=(negated or _negated(verb), hypothetical, future))


# "X said Y would not be welcome": X rejects Y; "X said talks with Y were out of the
# question": X rejects the talks, and so Y (CAMEO 120).
_REJECT_ROW = Trigger(kind="V", lemma="unwelcome", particle=None, cameo="120", preps=frozenset())


def _refusal(verb: Token, negated: bool) -> tuple[Token | None, str, bool]:
    """The word of a copula that refuses its subject, what it refuses (a "person" not
    welcome, or an "act" out of the question), and whether the copula's negation is the
    event's own (not in "is not an option", where the negation is the refusal itself)."""
    def phrase_obj(prep: Token, *, word: str, nouns: set[str]) -> bool:
        return prep.lower_ == word and any(o.lemma_.lower() in nouns
                                           for o in _children(prep, {"pobj"}))

    for c in verb.children:
        lemma = c.lemma_.lower()
        if c.dep_ == "acomp" and (lemma == "unwelcome" or lemma == "welcome" and negated):
            return c, "person", lemma == "unwelcome" and negated
        if c.dep_ == "prep" and (
                phrase_obj(c, word="off", nouns={"table"})
                or c.lower_ == "out" and any(phrase_obj(p, word="of", nouns={"question"})
                                             for p in _children(c, {"prep"}))):
            return c, "act", negated
        if c.dep_ == "attr" and lemma == "option" and negated:
            return c, "act", False
    return None, "", negated


def _ruled_out(verb: Token, index: int, acts: dict[int, Candidate]) -> Candidate | None:
    """A reported refusal: a person or body the speaker says is not welcome ("the mayor
    said the minister would not be welcome in the city", "is unwelcome"), or an act the
    speaker says is out of the question, off the table or not an option ("the union said a
    pay freeze was out of the question", "said sending troops to Mali is not an option"):
    the act's own participants are whom it rejects. (Said of an act that happened,
    "unacceptable" is a condemnation, not a refusal, and is left out.)"""
    if verb.lemma_.lower() != "be" or verb.head.lemma_.lower() not in _OBLIGATION_VERBS:
        return None
    speakers = _children(verb.head, {"nsubj"})
    subjects = _children(verb, {"nsubj", "csubj"})
    if not speakers or not subjects:
        return None
    negated = _negated(verb)
    word, refused, own_negation = _refusal(verb, negated)
    if word is None:
        return None
    subject = subjects[0]
    negated_speech, hypothetical, future = _modality(verb.head, verb.head)
    modality = (negated_speech or own_negation, hypothetical, future)
    if refused == "person":
        if not (_actor_like(subject) or subject.pos_ == "PROPN"):
            return None  # "said the rain would not be welcome"
        return _word_candidate(word, _REJECT_ROW, index, verb.head, speakers, [subject],
                               modality=modality)
    act = acts.get(subject.i)
    if act is None:
        return None  # "said a deal was out of the question" names no act we know
    candidate = _word_candidate(word, _REJECT_ROW, index, verb.head, speakers, [],
                                modality=modality, content=act.row.cameo)
    return replace(candidate, recipient=act.recipient, more=act.more)


# "Critics say X has ...": what critics say of someone is criticism of them (CAMEO 111).
_CRITICS = {"critic", "opponent", "detractor", "skeptic", "sceptic"}
_CRITICS_ROW = Trigger(kind="V", lemma="critic", particle=None, cameo="111", preps=frozenset())


def _criticised(verb: Token, index: int) -> Candidate | None:
    """What critics say about an actor: "Kremlin critics say Putin has given him free rein",
    "his opponents argue he is ..." (the one the clause is about is criticised)."""
    if verb.head.lemma_.lower() not in _OBLIGATION_VERBS:
        return None
    speakers = [s for s in _children(verb.head, {"nsubj"}) if s.lemma_.lower() in _CRITICS]
    subjects = [s for s in _children(verb, {"nsubj", "nsubjpass"})
                if _actor_like(s) or (s.pos_ == "PRON" and s.lower_ in ("he", "she", "they"))]
    if not speakers or not subjects:
        return None
    # "Mr Erdogan's critics say he has ...": "he" is whose critics they are.
    owners = [o for s in speakers for o in s.children if o.dep_ == "poss"
              and o.pos_ == "PROPN" and o.ent_type_ not in ("GPE", "LOC", "NORP")]
    subjects = [owners[0] if owners and s.lower_ in ("he", "she") else s for s in subjects]
    return _word_candidate(verb.head, _CRITICS_ROW, index, verb.head, speakers, subjects,
                           modality=_modality(verb.head, verb.head))


# Adjectives of a stance toward someone, and the preposition that names them: "Germany has
# been critical of Turkey", "a report highly critical of the government", "supportive of".
_STANCE_ADJECTIVES = {"critical": ("111", "of"), "supportive": ("051", "of"),
                      "opposed": ("120", "to")}


def _stance_adjective(adjective: Token, index: int) -> Candidate | None:
    """A stance said with an adjective: its holder is the subject it is predicated of
    ("X remained opposed to Y") or the author of the document it describes ("a report
    critical of Y"); whom it is toward is the object of its preposition, or the owner of what
    that object is ("critical of Turkey's offensive")."""
    entry = _STANCE_ADJECTIVES.get(adjective.lemma_.lower())
    if entry is None or (adjective.pos_ == "VERB" and adjective.tag_ != "VBN"):
        return None
    cameo, prep = entry
    if adjective.i > 0 and adjective.doc[adjective.i - 1].lower_ == "as":
        return None  # "private investment as opposed to state spending": a contrast
    objects = _prep_objects(adjective, frozenset({prep, "toward", "towards"}))
    if not objects:
        return None
    if adjective.dep_ in ("acomp", "oprd", "advcl", "xcomp", "ROOT", "ccomp", "conj"):
        predicated = adjective.dep_ in ("acomp", "oprd", "advcl", "xcomp")
        clause = adjective.head if predicated else adjective
        agents, _ = subject_of(clause)
    elif adjective.dep_ in ("amod", "acl") and adjective.head.lemma_.lower() in _DOCUMENTS:
        document = adjective.head
        clause = document.head if document.head.pos_ in ("VERB", "AUX") else document
        agents = _owners(document) or (
            subject_of(document.head)[0] if document.dep_ == "dobj" else [])
    else:
        return None
    if not agents:
        return None
    recipients = [o if _actor_like(o) or o.pos_ == "PROPN" else (_owners(o) or [o])[0]
                  for o in objects]
    row = Trigger(kind="V", lemma=adjective.lemma_.lower(), particle=None, cameo=cameo,
                  preps=frozenset({prep}))
    return _word_candidate(adjective, row, index, clause, agents, recipients,
                           modality=_modality(clause, clause))


# "X is willing to send aid to Y": an intent to cooperate with Y (CAMEO 030).
_WILLING = {"willing", "ready", "prepared", "eager", "keen"}
_WILLING_PREPS = frozenset({"to", "with", "for"})
_WILLING_ROW = Trigger(kind="V", lemma="willing", particle=None, cameo="030",
                       preps=_WILLING_PREPS)


def _willing(verb: Token, index: int, matched: dict[int, Trigger]) -> Candidate | None:
    """Willingness to do something, with someone or for someone, that the lexicon has no
    trigger for ("ready to contribute to X", "willing to provide a loan to X"); an act the
    lexicon knows is its own event ("ready to launch an operation against X" is a threat)."""
    adjective = verb.head
    if (adjective.lemma_.lower() not in _WILLING or adjective.pos_ != "ADJ"
            or any(t.i in matched for t in verb.subtree)):
        return None
    agents, _ = subject_of(verb)
    objects = _children(verb, {"dobj"})
    recipients = [o for o in (*_prep_objects(verb, _WILLING_PREPS), *objects,
                              *(t for o in objects for t in _prep_objects(o, _WILLING_PREPS)))
                  if _actor_like(o)]
    if not agents or not recipients:
        return None
    negated, hypothetical, _ = _modality(verb, verb)
    negated = negated or _negated(adjective.head) or any(_negated(a) for a in agents)
    return _word_candidate(adjective, _WILLING_ROW, index, verb, agents, recipients[:1],
                           modality=(negated, hypothetical, False))



# Joint action: "Ghana and Nigeria will jointly build a railway" is cooperation (CAMEO 060).
_JOINTLY = {"jointly", "together"}
_JOINT_ROW = Trigger(kind="V", lemma="jointly", particle=None, cameo="060", preps=frozenset())


def _joint_act(verb: Token, index: int, matched: dict[int, Trigger]) -> Candidate | None:
    """An act two or more named parties do jointly that the lexicon has no trigger for
    ("Ghana and Nigeria will jointly build a railway line"): their cooperation, with each
    other (no recipient: all are actors)."""
    if not any(c.dep_ == "advmod" and c.lower_ in _JOINTLY for c in verb.children):
        return None
    if any(t.i in matched for t in verb.subtree) or verb.lemma_.lower() in ("work", "be"):
        return None  # a known act is its own event; "work together" is said by "agreed to"
    agents, _ = subject_of(verb)
    parties = [t for a in agents for t in _conjuncts(a)]
    if len(parties) < 2 or not all(_actor_like(p) or p.pos_ == "PROPN" for p in parties):
        return None
    negated, hypothetical, future = _modality(verb, verb)
    return _word_candidate(verb, _JOINT_ROW, index, verb, agents, [],
                           modality=(negated, hypothetical, future))


# Titles that make the name they describe a person's: "X, the UN envoy for Syria".
_PERSON_TITLE_NOUNS = {"envoy", "minister", "ambassador", "spokesman", "spokeswoman",
                       "spokesperson", "president", "secretary", "chief", "director",
                       "commander", "general", "chairman", "chairwoman", "governor", "mayor",
                       "senator", "lawmaker", "adviser", "advisor", "diplomat", "negotiator",
                       "rapporteur", "king", "queen", "prince", "emir", "premier", "chancellor",
                       "coordinator", "representative", "leader"}


def person_phrases(doc: Doc) -> Iterator[Phrase]:
    """Phrases headed by a person's name, with an apposition ("X, the prime minister"), for
    the story's register of people."""
    for ent in doc.ents:
        if ent.label_ != "PERSON" and not (
                # "Staffan de Mistura, the UN envoy for Syria": a name the recogniser took for
                # an organisation, whom a title describes
                ent.label_ in ("ORG", "NORP") and ent.root.pos_ == "PROPN" and len(ent) > 1
                and any(c.dep_ == "appos" and c.lemma_.lower() in _PERSON_TITLE_NOUNS
                        for c in ent.root.children)):
            continue
        phrase = phrase_of(ent.root)
        if ent.label_ != "PERSON":
            # the name's words, as a person's
            inside = {t.idx for t in ent}
            phrase = Phrase(words=tuple(replace(w, ent="PERSON") if w.start in inside else w
                                        for w in phrase.words), head=phrase.head)
        for appos in (c for c in ent.root.children if c.dep_ == "appos"
                      # a person is described by a title or a role ("the last opposition
                      # stronghold in Syria" hung on a name is the parser's slip)
                      and c.lemma_.lower() not in _TERRAIN
                      and c.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME")
                      # closed by punctuation: "X, a Turkish source told Reuters" makes the
                      # source the speaker, not X's description
                      and (c.right_edge.i + 1 >= len(doc) or doc[c.right_edge.i + 1].is_punct)):
            extra = phrase_of(appos)
            phrase = Phrase(words=phrase.words + extra.words, head=phrase.head)
        yield phrase
