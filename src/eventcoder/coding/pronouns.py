"""Whom a pronoun stands for, read from the sentence's own clauses (from ``eventcoder.actors.v15``:
the resolver's version covers it).

The story-level resolver (``actors.StoryActors``) takes a pronoun for the main subject of its
sentence or of the one before. Inside a sentence the parse says more: a pronoun in a clause
governed by another clause stands for that clause's subject, when the two agree in person,
number and gender:

- "Iran is reluctant to commit the numbers it deployed" -> it = Iran;
- "Putin, who has said he will convene a congress" -> he = Putin (the relative clause's
  "who" is the noun it modifies);
- "Germany pledged to put its fighters on trial" -> its = Germany.

A subject pronoun never stands for its own clause's subject (itself), and an object pronoun
never for its clause's subject ("Kiir pardoned him": not Kiir). A possessive may ("Germany
... its fighters"). When no governing clause has a subject that agrees, the pronoun is left to
the story-level resolver.

Some "it"s stand for no one (`nonreferential`): "it is likely that ...", "it emerged that ...",
"it was agreed that ...", the cleft "it is Israel that ...", "it is time for ...", "fight it
out". Those name no actor, whatever the sentences before say.

Agreement: "he"/"she" need a person (a name tagged as one, or a word for a person) whose
known gender, if any, matches; "it" a singular thing or body, never a person; "they" a
plural, a coordination or an organisation.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .rules import PEOPLE, actor_noun

_MALE = {"he", "him", "his"}
_FEMALE = {"she", "her", "hers"}
_NEUTER = {"it", "its"}
_PLURAL = {"they", "them", "their"}
_ALL = _MALE | _FEMALE | _NEUTER | _PLURAL
_SUBJECTS = {"nsubj", "nsubjpass"}
_ACTORS = {"GPE", "ORG", "NORP", "PERSON"}
_RELATIVES = {"who", "which", "that"}
# Words for a person of one gender: "the mother ... she".
_FEMALE_WORDS = {"woman", "girl", "mother", "daughter", "wife", "sister", "queen", "princess",
                 "businesswoman", "spokeswoman", "chairwoman", "congresswoman", "widow", "aunt",
                 "grandmother", "niece", "actress", "mrs", "ms", "miss", "lady", "madam"}
_MALE_WORDS = {"man", "boy", "father", "son", "husband", "brother", "king", "prince",
               "businessman", "spokesman", "chairman", "congressman", "widower", "uncle",
               "grandfather", "nephew", "actor", "mr", "sir", "lord"}


def clause_antecedents(sent: SpacySpan) -> dict[int, Token]:
    """For each third-person pronoun of ``sent`` whose antecedent a governing clause gives:
    the pronoun's character offset -> the antecedent's head token (never a pronoun: a pronoun
    found as the antecedent passes on what it stands for, or nothing)."""
    found: dict[int, Token] = {}
    for token in sent:
        if token.pos_ != "PRON" or token.lower_ not in _ALL:
            continue
        antecedent = _governing_subject(token)
        if antecedent is not None and antecedent.pos_ == "PRON":
            antecedent = found.get(antecedent.idx)
        if antecedent is not None:
            found[token.idx] = antecedent
    return found


# Verbs whose "it" subject announces a clause: "it seems that", "it emerged that".
_RAISING = {"seem", "appear", "emerge", "transpire", "happen"}
# Verbs whose "it" subject, with an adjective, announces a clause: "it is likely that", "it
# remains unclear whether", "it became clear that".
_COPULAS = {"be", "become", "remain", "seem", "appear", "look", "prove"}
_CLAUSES = {"ccomp", "xcomp", "csubj"}
# "it is time for China to act"
_EMPTY_ATTRS = {"time"}


# Adjectives whose "it ... to" is empty ("it is hard to say"), unlike "it is ready to".
_EVALUATIVE = {"hard", "easy", "difficult", "important", "necessary", "possible", "impossible",
               "preferable", "legal", "illegal", "legitimate", "vital", "essential", "crucial",
               "wrong", "right", "better", "best", "wise", "unwise", "dangerous", "safe",
               "unacceptable", "acceptable", "fair", "unfair", "reasonable", "natural", "common",
               "rare", "usual", "unusual", "tough", "urgent", "worth", "premature", "too"}


def _announces(verb: Token) -> bool:
    """Whether a copula with an adjective announces a clause: "it is likely that ...", "it
    was highly likely the regime was ...", "it is hard to say" (not "it is ready to
    deliver aid": an infinitive after an adjective of will or readiness is its subject's)."""
    adjectives = [c for c in verb.children if c.dep_ == "acomp"]
    if not adjectives:
        return False
    below = {g.dep_ for c in (verb, *adjectives) for g in c.children}
    return bool(below & {"ccomp", "csubj"}) or "xcomp" in below and any(
        a.lemma_.lower() in _EVALUATIVE for a in adjectives)


def nonreferential(sent: SpacySpan) -> set[int]:
    """The character offsets of the "it"s in ``sent`` that stand for no one: a subject that
    announces a clause ("it is likely that ...", "it emerged that ...", "it was agreed that
    ...", "it is Israel that ...", "it is time for ...") and the "it" of "fight it out"."""
    found = set()
    for token in sent:
        if token.lower_ != "it" or token.pos_ != "PRON":
            continue
        verb = token.head
        deps = {c.dep_ for c in verb.children}
        lemma = verb.lemma_.lower()
        if token.dep_ == "expl":
            found.add(token.idx)
        elif token.dep_ == "nsubj" and (
                lemma in _COPULAS and _announces(verb)
                # ("it emerged that ..." parses the clause as an adverbial one)
                or lemma in _RAISING and deps & (_CLAUSES | {"advcl"})
                or lemma == "be" and any(
                    c.dep_ == "attr" and (c.lower_ in _EMPTY_ATTRS or c.pos_ == "PROPN"
                                          and "ccomp" in deps) for c in verb.children)):
            found.add(token.idx)
        elif token.dep_ == "nsubjpass" and "ccomp" in deps:
            found.add(token.idx)
        elif token.dep_ == "dobj" and any(c.dep_ == "prt" and c.lower_ == "out"
                                          for c in verb.children):
            found.add(token.idx)
    return found


_OBJECTS = {"dobj", "dative", "pobj", "iobj"}


def bound_to_main_subject(sent: SpacySpan) -> set[int]:
    """The character offsets of the object pronouns of ``sent`` whose own clause's subject is
    the sentence's main subject, which they therefore cannot stand for: "Israel accused them
    of bias", "Kiir pardoned him", "Russia met Turkey and thanked it" (a verb conjoined with
    the main one shares its subject)."""
    main = [c for c in sent.root.children if c.dep_ in _SUBJECTS]
    if not main:
        return set()
    found = set()
    for token in sent:
        if token.pos_ != "PRON" or token.lower_ not in _ALL or token.dep_ not in _OBJECTS:
            continue
        clause = _clause_of(token)
        # up through conjoined and controlled verbs that have no subject of their own
        while (clause.i != sent.root.i and clause.dep_ in ("conj", "xcomp")
               and not any(c.dep_ in _SUBJECTS for c in clause.children)):
            clause = clause.head
        if clause.i == sent.root.i:
            found.add(token.idx)
    return found


def _governing_subject(pronoun: Token) -> Token | None:
    """The subject, before the pronoun, of the nearest clause above it that agrees with it."""
    inside = {t.i for t in pronoun.subtree}
    clause = pronoun.head
    # a possessive may stand for its own clause's subject; a subject or an object may not
    own = pronoun.dep_ == "poss"
    skip = None if own else _clause_of(pronoun)
    while True:
        if clause.pos_ in ("VERB", "AUX") or clause.dep_ == "ROOT":
            if skip is None or clause.i != skip.i:
                for subject in clause.children:
                    if (subject.dep_ in _SUBJECTS and subject.i < pronoun.i
                            and subject.i not in inside and pronoun.i not in
                            {t.i for t in subject.subtree}):
                        if subject.lower_ in _RELATIVES and clause.dep_ == "relcl":
                            subject = clause.head
                        if subject.pos_ == "PRON" and subject.lower_ not in _ALL:
                            return None  # "we", "I", "you": the speaker's own words
                        if subject.pos_ == "PRON" and subject.lower_ != pronoun.lower_ and not (
                                _group(subject.lower_) == _group(pronoun.lower_)):
                            continue
                        if subject.pos_ == "PRON" or agrees(subject, pronoun.lower_) and (
                                # one who can act: "its focus turned and it sought ..." is
                                # left to the story
                                subject.ent_type_ in _ACTORS or subject.pos_ == "NOUN"
                                and actor_noun(subject.lemma_.lower())):
                            return subject
        if clause.head.i == clause.i or clause.dep_ == "ROOT":
            return None
        clause = clause.head


def _clause_of(token: Token) -> Token:
    clause = token.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    return clause


def _group(pronoun: str) -> str:
    if pronoun in _MALE:
        return "male"
    if pronoun in _FEMALE:
        return "female"
    return "neuter" if pronoun in _NEUTER else "plural"


def _plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children)


def gender(token: Token) -> str | None:
    """"male", "female" or None: what the phrase headed by ``token`` says of its gender."""
    words = {t.lower_.rstrip(".") for t in token.subtree if t.i <= token.i} | {token.lemma_.lower()}
    if words & _FEMALE_WORDS:
        return "female"
    if words & _MALE_WORDS:
        return "male"
    return None


def person(token: Token) -> bool:
    """A person: a name tagged as one, or a singular word for a person."""
    return not _plural(token) and (
        token.ent_type_ == "PERSON" or token.pos_ == "NOUN" and token.lemma_.lower() in PEOPLE)


def agrees(token: Token, pronoun: str) -> bool:
    """Whether the noun ``token`` heads may be what ``pronoun`` stands for."""
    group = _group(pronoun)
    if group in ("male", "female"):
        known = gender(token)
        return person(token) and known in (None, group)
    if group == "neuter":
        return not _plural(token) and not person(token) and token.pos_ in ("NOUN", "PROPN")
    return _plural(token) or token.ent_type_ in ("ORG", "NORP") and token.pos_ == "PROPN"


__all__ = ["agrees", "bound_to_main_subject", "clause_antecedents", "gender", "nonreferential",
           "person"]
