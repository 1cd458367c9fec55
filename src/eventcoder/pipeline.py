"""Compose the layers: Iterable[Article] -> coded events, one article at a time.

    ingest -> nlp (spaCy, streamed) -> coding (candidates) -> actors, dates, geo, counts -> Event

The headline and the body are parsed apart and joined into one Doc, and the dateline ("PARIS, ")
is blanked out (same length), so offsets stay true: a dateline is a place, not a participant,
and neither it nor the headline may run into the first sentence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from . import __version__, ontology
from .actors import PACT_WORDS, RESOLVER_VERSION, StoryActors, names_only_a_place
from .actors.people import lookup_person
from .actors.tables import lookup_country, lookup_organization, lookup_sector
from .actors.user import UserDictionary
from .coding.lexicon import LEXICON_VERSION, Lexicon, default_lexicon
from .coding.pronouns import bound_to_main_subject, clause_antecedents, nonreferential
from .coding.refine import REFINE_VERSION, assault_mode, coerce_mode, refine
from .coding.classifier import EventClassifier
from .coding.arguments import NOT_PARTICIPANT_ENTS, ArgumentRanker
from .coding.rules import (PEOPLE, RULES_VERSION, SPEECH_VERBS, WEAPON_WORDS, Candidate,
                           RuleCoder, actor_noun, institution_noun, open_candidate,
                           person_phrases, phrase_of, shouting)
from .counts import extract_counts
from .dates import find_date_expressions, offset_relation, resolve_date
from .errors import InputError
from .geo import ALIASES, Gazetteer
from .ingest import dateline_span
from .nlp import Pipeline, casing, initial_names
from .types import HEADLINE_SEPARATOR, Actor, Article, Event, Phrase, Place, join_words

CODER_VERSION = (f"eventcoder-{__version__} ({RULES_VERSION}, {LEXICON_VERSION}, {REFINE_VERSION}, "
                 f"{RESOLVER_VERSION})")
_VIOLENT_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"}
# Pronouns for people: a recipient no one can resolve, but someone ("she was killed in
# Baghuz" was done to her, not to Baghuz).
_PERSONAL_PRONOUNS = {"him", "her", "he", "she", "they", "them", "we", "us", "i", "me", "you"}
_COUNT_TYPES = {"ASSAULT", "COERCE"}
_COOPERATIVE_ROOTS = {"03", "04", "05", "06", "07", "08"}
# The CAMEO code of a PLOVER type the classifier chose: the type's general code.
_TYPE_CAMEO = {"AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "COOPERATE": "060",
               "AID": "070", "CONCEDE": "080", "RETREAT": "084", "REQUEST": "020",
               "ACCUSE": "110", "REJECT": "120", "THREATEN": "130", "PROTEST": "140",
               "MOBILIZE": "150", "SANCTION": "160", "COERCE": "170", "ASSAULT": "190"}
#: An untriggered main clause between two coded actors is an event when the classifier gives
#: its best type at least this probability (PLV_train, held out: see scripts/train_classifier.py).
OPEN_MIN_PROBABILITY = 0.5
#: The argument ranker's recipient replaces the grammar's when it has at least this
#: probability (PLV_train, held out: see scripts/train_arguments.py).
ARGUMENT_MIN_PROBABILITY = 0.5
#: "known": the ranker replaces a recipient no table codes, with someone coded or named;
#: "uncoded": also with a thing; "always": any recipient (measured worse on PLV).
ARGUMENT_POLICY = "known"

ErrorHandler = Callable[[Article, Exception], None]


def _report_to_stderr(article: Article, error: Exception) -> None:
    print(f"eventcoder: skipped {article.origin or article.id}: {error}", file=sys.stderr)


@dataclass
class _StoryContext:
    """What every event of one story shares; ``anchor`` is the first day-precise event date
    found, from which "two weeks after ..." counts; ``counted`` the sentences whose tolls are
    already attached to an event (no double counting)."""

    article: Article
    dateline: Place | None
    countries: tuple[str, ...]
    main_place: Place | None
    counted: set[int] = field(default_factory=set)
    anchor: dt.date | None = None


@dataclass(frozen=True)
class _Resolved:
    candidate: Candidate
    actor: tuple[Actor, ...]
    recipient: tuple[Actor, ...]
    sentence: str
    sentence_start: int
    speaker: Actor | None = None


class Coder:
    """Codes articles into events. Nothing is loaded until the first article is coded.

    ``include_modal`` keeps negated and hypothetical events (flagged); by default only
    events reported as having happened (or as planned: ``future``) are returned.
    ``use_arguments`` (off by default) lets the trained argument ranker give a recipient where
    the grammar found no actor: it raises PLV accuracy (held out) but on news its recipients
    were right about half the time (see scripts/train_arguments.py and docs/architecture.md).
    ``expand_dyads`` splits compound actors into one event per actor-recipient pair (each with
    its own id); by default compound actors stay lists. ``actor_dictionaries`` are CSV, YAML or
    PETRARCH/Phoenix files whose actors win over the built-in ones.
    """

    def __init__(
        self,
        *,
        model: str | None = None,
        gazetteer: Gazetteer | None = None,
        lexicon: Lexicon | None = None,
        include_modal: bool = False,
        expand_dyads: bool = False,
        actor_dictionaries: Sequence[str] = (),
        classifier: EventClassifier | None = None,
        use_classifier: bool = True,
        argument_ranker: ArgumentRanker | None = None,
        use_arguments: bool = False,
    ) -> None:
        self.nlp = Pipeline(model)
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer()
        self._lexicon = lexicon
        self.include_modal = include_modal
        self.expand_dyads = expand_dyads
        self._dictionary_paths = tuple(actor_dictionaries)
        self._dictionary: UserDictionary | None = None
        self._classifier = classifier
        self.use_classifier = use_classifier
        self._ranker = argument_ranker
        self.use_arguments = use_arguments

    @property
    def classifier(self) -> EventClassifier | None:
        """The event-type classifier (the shipped one unless given), None when switched off."""
        if not self.use_classifier:
            return None
        if self._classifier is None:
            self._classifier = EventClassifier.load()
        return self._classifier

    @property
    def dictionary(self) -> UserDictionary | None:
        """The users' actor dictionaries, read on first use (bad lines in ``.problems``)."""
        if self._dictionary is None and self._dictionary_paths:
            self._dictionary = UserDictionary.load(self._dictionary_paths)
        return self._dictionary

    @property
    def argument_ranker(self) -> ArgumentRanker | None:
        """The recipient ranker (the shipped one unless given), None when switched off (the
        default unless a ranker is given)."""
        if not self.use_arguments and self._ranker is None:
            return None
        if self._ranker is None:
            self._ranker = ArgumentRanker.load()
        return self._ranker

    @property
    def versions(self) -> dict[str, str]:
        versions = {"coder": CODER_VERSION, "ontology": ontology.ONTOLOGY_VERSION,
                    "model": self.nlp.version}
        if self.classifier is not None:
            versions["classifier"] = self.classifier.version
        if self.argument_ranker is not None:
            versions["arguments"] = self.argument_ranker.version
        return versions

    def code_articles(
        self,
        articles: Iterable[Article],
        *,
        batch_size: int = 16,
        n_process: int = 1,
        on_error: ErrorHandler = _report_to_stderr,
    ) -> Iterator[tuple[Article, list[Event]]]:
        """Yield (article, its events) for each article; a story that fails is reported
        through ``on_error`` and skipped, never ending the batch."""
        lexicon = self._lexicon or default_lexicon()
        rules = RuleCoder(lexicon, ranker=self.argument_ranker)
        versions = self.versions
        limit = self.nlp.nlp.max_length

        def parseable() -> Iterator[Article]:
            # A text over spaCy's limit would end the whole batch inside the parser.
            for article in articles:
                size = max(len(part) for part in _parts(article))
                if size > limit:
                    on_error(article, InputError("E111", path=article.origin or article.id,
                                                 size=size, limit=limit))
                    continue
                yield article

        stream = ((_parts(a), a) for a in parseable())
        for doc, article in self.nlp.parse(stream, batch_size=batch_size, n_process=n_process,
                                           names=self._headline_names, verbs=lexicon.verbs):
            try:
                events = list(self._code_doc(doc, article, rules, versions))
            except Exception as error:  # one bad story must not end a batch
                on_error(article, error)
                continue
            yield article, events

    def _headline_names(self, words: list[str]) -> dict[int, str]:
        """Which words of a title-cased headline are part of a name the actor tables (or the
        user's dictionaries) know, longest first, and which are notable places (a role word
        such as "Police" is neither): see ``nlp.casing``."""
        known: dict[int, str] = {}
        user = self.dictionary
        for size in range(min(5, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                span = range(start, start + size)
                if any(j in known or not words[j][0].isupper() for j in span):
                    continue
                phrase = " ".join(words[start:start + size])
                if size == 1 and lookup_sector(phrase):
                    continue
                if (lookup_country(phrase) or lookup_organization(phrase)
                        or lookup_person(phrase) or user is not None and user.lookup(phrase)):
                    known.update(dict.fromkeys(span, casing.NAME))
        for j, word in enumerate(words):
            if j not in known and word[0].isupper() and not lookup_sector(word) and (
                    self.gazetteer.notable(word)):
                known[j] = casing.PLACE
        return known

    def _code_doc(self, doc, article: Article, rules: RuleCoder, versions) -> Iterator[Event]:
        story = StoryActors(on=article.published, user=self.dictionary)
        sentences = list(doc.sents)
        # "Trump said ...": a surname opening a sentence, tagged as a common noun
        initial_names(doc, sentences, known=lambda word: lookup_person(word) is not None)
        for phrase in person_phrases(doc):
            story.add_person(phrase)
        document = article.document
        resolved: list[_Resolved] = []
        # A headline or table line in capitals parses as nonsense ("SHULTZ LIKELY TO VISIT
        # MOSCOW": "LIKELY" visits); the story's other sentences say the same in plain case.
        capitals = {i for i, sent in enumerate(sentences) if shouting(sent.text)}
        if len(capitals) == len(sentences):
            capitals = set()  # a story all in capitals is all there is
        for index, sent in enumerate(sentences):
            if index in capitals:
                continue
            start, end = sent.start_char, sent.end_char
            text = document[start:end].strip()
            offset = start + (len(document[start:end]) - len(document[start:end].lstrip()))
            # The speaker is what the pronouns of what they said stand for ("Putin said his
            # country ..."); elsewhere an object pronoun may stand for the main subject.
            # ("X denied ... and said its forces ...": a conjoined verb of speech too)
            speaking = any(v.lemma_.lower() in SPEECH_VERBS for v in (
                sent.root, *(c for c in sent.root.children if c.dep_ == "conj")))
            # the bodies it names, for "the group", "the militants" after them
            story.note_names((phrase_of(t), t.dep_ in ("nsubj", "nsubjpass")) for t in sent
                             if t.pos_ == "PROPN" and t.dep_ not in ("compound", "flat")
                             or t.pos_ == "NOUN" and any(c.dep_ == "compound" and c.pos_ == "PROPN"
                                                         for c in t.children))
            subjects = [t for t in sent.root.children if t.dep_ == "nsubj"] or (
                [] if speaking else [t for t in sent.root.children if t.dep_ == "nsubjpass"])
            empty = nonreferential(sent)  # "it is likely that ...": no one
            subjects = [t for t in subjects if t.idx not in empty]
            subject = None
            if subjects:
                # "Britain and France condemned ...", "Both countries ...", "They ...": all
                # of them are what a "they" after it stands for
                head = phrase_of(subjects[0])
                sides = story.pair(head, index) or story.members(head)
                subject = sides[0] if sides else story.resolve(head)
                story.note_compound(subject, [*sides[1:], *(story.resolve(phrase_of(c))
                                                            for c in subjects[0].conjuncts)])
            story.note_sentence_subject(subject, reported=speaking)
            # "Iran is reluctant to commit the numbers it deployed": what the clauses say
            antecedents = {}
            for start, antecedent in clause_antecedents(sent).items():
                antecedents[start] = story.resolve(phrase_of(antecedent))
                story.note_compound(antecedents[start], [story.resolve(phrase_of(c))
                                                         for c in antecedent.conjuncts])
            story.note_clause_antecedents({**antecedents, **dict.fromkeys(empty)},
                                          bound=bound_to_main_subject(sent))
            tokens = {t.idx: t for t in sent}
            candidates = [_without_pact_places(c, tokens)
                          for c in rules.code_sentence(sent, index)]
            found = []
            for cand in candidates:
                r = self._resolved(story, cand, text, offset, document)
                found.append(r)
                if cand.row.cameo[:2] in _PAIRING_ROOTS:
                    # "Ruto met Abiy ... The two leaders also discussed ...": who "the two"
                    # are, after a meeting, a deal or a fight between two countries
                    story.note_pair(r.actor if len(r.actor) == 2 and not r.recipient
                                    else (*r.actor, *r.recipient), index)
            if self.classifier is not None and not any(r.actor for r in found):
                # No trigger, or none with an actor: the main clause, for the classifier.
                cand = open_candidate(sent, index)
                if cand is not None and any(
                        row.particle is None for row in rules.lexicon.verbs.get(cand.row.lemma, ())):
                    cand = None  # a trigger verb in a sense the rules found no act in
                if cand is not None and not any(
                        p.start <= c.trigger.start < p.end and c.negated
                        for c in candidates for p in cand.recipient):
                    # (not when its object is an event that did not happen: "police foiled a
                    # bomb attack" is no attack by the police)
                    found.append(self._resolved(story, cand, text, offset, document))
            resolved.extend(found)
            # (a subject that names no one we code makes "it" in the next sentence no one we
            # code; an empty "it" names nothing new)
            story.note_subject(subject, named=bool(subjects))
        countries = tuple(dict.fromkeys(
            a.country for r in resolved for a in (*r.actor, *r.recipient)
            if a.country and len(a.country) == 3 and a.country.isalpha()
        ))
        dateline = (self.gazetteer.place_from_dateline(article.dateline, prefer_countries=countries)
                    if article.dateline else None)
        places = _story_places(doc, resolved, document)
        main_place = self.gazetteer.main_place(places, prefer_countries=countries) if places else None
        if main_place is None and dateline is not None:
            # Nowhere else named: where the story was filed, no more precisely than its region
            main_place = dataclasses.replace(
                dateline, precision="admin1" if dateline.precision == "city" else "country")
        ctx = _StoryContext(article=article, dateline=dateline, countries=countries,
                            main_place=main_place)
        kept: list[Event] = []
        for r in resolved:
            event = self._event(r, ctx, versions)
            if event is None:
                continue
            if not event.actor and any(
                e.sentence_index == event.sentence_index and e.event_type == event.event_type
                # ("a Briton who went to fight Isis has been killed": the fighter, killed, is
                # no one's target in the other event)
                and not {(a.start, a.end) for a in event.recipient} & {
                    (a.start, a.end) for a in e.actor}
                for e in kept
            ):
                continue
            kept.append(event)
        if self.expand_dyads:
            kept = [d for e in kept for d in _dyads(e)]
        yield from kept

    def _resolved(self, story: StoryActors, cand: Candidate, text: str, offset: int,
                  document: str) -> _Resolved:
        """A candidate with its participants resolved to actors."""
        if (not cand.verbal and cand.row.cameo[:2] in ("18", "19", "20") and len(cand.actor) == 1
                and (p := cand.actor[0]).head_word.pos == "PROPN"
                # right before the noun, or before the nouns that name the place attacked
                # ("the Berlin Christmas market attack")
                and 0 <= cand.trigger.start - p.end
                and _named_site(document[p.end:cand.trigger.start])
                and self._town(story, p, [w for w in p.words if w.pos == "PROPN"])):
            # "the Afrin offensive", "the Mosul campaign": a town named before an attack is
            # where it is aimed, not who attacks
            cand = dataclasses.replace(cand, actor=(), recipient=cand.recipient or (p,))
        if (cand.verbal and cand.row.cameo[:2] in ("18", "19", "20") and len(cand.actor) == 1
                and (p := cand.actor[0]).head_word.pos == "NOUN"
                and any(r.cameo[:2] in ("18", "19", "20") for r in
                        (self._lexicon or default_lexicon()).nouns.get(p.head_word.lemma.lower(), ()))
                and (names := [w for w in p.words if w.pos == "PROPN" and w.dep == "compound"])
                and len(names) == sum(w.pos == "PROPN" for w in p.words)
                and self._town(story, p, names)):
            # "the Moscow attack killed 140": the town named before an attack is where it
            # happened, not who attacked
            cand = dataclasses.replace(cand, actor=())
        if any(w.text == "-" for p in (*cand.actor, *cand.recipient) for w in p.words):
            # "the India-Pakistan ceasefire", "US-China talks": both countries
            cand = dataclasses.replace(cand, actor=_country_pairs(cand.actor),
                                       recipient=_country_pairs(cand.recipient))
        # "the two leaders": both sides of the last event between two countries
        found = [[*story.pair(p, cand.sentence_index)] or [*story.members(p)]
                 or [self._resolve(story, p)] for p in cand.actor]
        if any(a for each in found for a in each):
            # "Kuwait and its allies agreed": a partner no table codes is still one of the
            # actors, kept uncoded beside the coded ones.
            for k, (each, p) in enumerate(zip(found, cand.actor)):
                head = p.head_word
                if each == [None] and (head.pos == "NOUN" and actor_noun(head.lemma.lower())
                                       # "The EU and Mercosur concluded ...": a name too
                                       or head.ent in ("ORG", "PERSON", "GPE")
                                       and _named(p, own=True)):
                    found[k] = [(_uncoded([p], document) or (None,))[0]]
        actor = tuple(a for each in found for a in each if a is not None)
        # A thing in a place stands for the place's country ("struck a power plant in Odesa"),
        # but not what is signed or discussed there ("signed a peace accord in Havana").
        placed = cand.row.cameo[:2] != "04" and cand.row.cameo != "057"
        recipient = tuple(a for p in cand.recipient
                          for a in (story.members(p)
                                    or (self._resolve(story, p, target=True, placed=placed),))
                          if a is not None
                          # "held captive by them": a pronoun for the actor is not its target
                          and not (p.head_word.pos == "PRON" and any(
                              a.code and a.code == b.code for b in actor)))
        if (cand.ranked and cand.ranked_p >= ARGUMENT_MIN_PROBABILITY
                and (ARGUMENT_POLICY == "always" or not _coded(recipient))):
            # The grammar found no actor to receive the event (or the ranker always wins):
            # the ranker's recipient, when it is sure enough and names someone.
            ranked = tuple(a for p in cand.ranked
                           if (a := self._resolve(story, p, target=True, placed=placed))
                           is not None)
            if ARGUMENT_POLICY != "known" or _coded(ranked) or any(map(_named, cand.ranked)):
                cand = dataclasses.replace(cand, recipient=cand.ranked, more=(), goals=())
                recipient = ranked
        if (not _coded(recipient) and not any(_named(p, own=True) for p in cand.recipient)
                and not any(p.head_word.lemma.lower() in PEOPLE
                            # "arrested him at the airport": a person, not a thing
                            or p.head_word.text.lower() in _PERSONAL_PRONOUNS
                            for p in cand.recipient)):
            # Only things among the direct participants: the nearest actor deeper in the
            # phrase ("imposed sanctions, including bans, on X", "returned a painting to the
            # museum"), coded first, else named.
            deeper = next((a for p in cand.more
                           if (a := self._resolve(story, p, target=True, placed=placed)) is not None
                           and (a.code or a.country)), None)
            if deeper is not None:
                recipient = (deeper,)
            else:
                recipient = (_uncoded([p for p in cand.more if _named(p)], document)
                             or _uncoded(cand.goals, document))
        recipient = _distinct(recipient) or _uncoded(cand.recipient, document)
        if cand.row.cameo[:2] in _FORCE_ROOTS:
            # "jets struck Damascus", "fired missiles at Kyiv": a capital struck is a place, its
            # country, not the government it speaks for in "Damascus said"
            phrases = {(p.start, p.end): p for p in (*cand.recipient, *cand.more, *cand.ranked)}
            recipient = tuple(_as_place(a, phrases[a.start, a.end])
                              if (a.start, a.end) in phrases else a for a in recipient)
        if len(recipient) > 1:
            # "rejected Kyiv's accusations": Kyiv, once, not also the accusations it made (the
            # whole phrase when only it has a country: "the ruling party's headquarters in
            # Kinshasa")
            words = {(p.start, p.end): {w.start for w in p.words}
                     for p in (*cand.recipient, *cand.more, *cand.ranked)}

            def inside(b: Actor, a: Actor) -> bool:
                # every word of b's phrase is a word of a's, and b opens a, as an owner does
                # ("Kyiv's" in "Kyiv's accusations"); a span is not enough ("X and Y in Z"
                # holds Y between its words)
                outer, inner = words.get((a.start, a.end)), words.get((b.start, b.end))
                return (b is not a and outer is not None and inner is not None
                        and inner < outer and min(inner) == min(outer))

            dropped: set[int] = set()
            for k, a in enumerate(recipient):
                inner = [j for j, b in enumerate(recipient) if inside(b, a)]
                if not inner:
                    continue
                if any(recipient[j].country for j in inner) or not a.country:
                    dropped.add(k)
                else:
                    dropped.update(inner)
            recipient = tuple(a for k, a in enumerate(recipient) if k not in dropped) or recipient
        if (cand.row.lemma == "attend" and recipient and actor
                and all(p.head_word.ent in ("GPE", "LOC") for p in cand.recipient)
                and {a.country for a in recipient} <= {a.country for a in actor}):
            # "The Kenyan president attended a conference in Nairobi": at home, no visit
            recipient = ()
        if not actor and any(_named(p, own=True) for p in cand.actor):
            # "A Kansas woman started a hunger strike": a named actor the tables do not know
            # stays, uncoded (a typhoon or a blast, unnamed, does not).
            actor = _uncoded(cand.actor, document)
        elif not actor and _coded(recipient) and any(map(_institution, cand.actor)):
            # "The committee will not end the strike until the authorities ...": a body the
            # tables do not know acts toward someone they do.
            actor = _uncoded([p for p in cand.actor if _institution(p)], document)
        speaker = self._resolve(story, cand.speaker) if cand.speaker else None
        if speaker is not None and speaker.sector == "GOV" and speaker.country:
            # "Kenya's president said the government would lift the curfew": a head of
            # government's "the government" is their own
            actor = tuple(_of_country(a, speaker.country) for a in actor)
        return _Resolved(cand, actor, recipient, text, offset, speaker)

    def _town(self, story: StoryActors, phrase: Phrase, names: list) -> bool:
        """Whether ``names`` (proper nouns of ``phrase``) name a town, not a country or a
        party the tables know: a capital counts as the town ("the Paris attacks"), unless
        it owns the act ("Moscow's offensive" is the government's)."""
        known = story.resolve(phrase)
        if known is not None and known.sector and not (
                known.sector == "GOV" and not any(w.text in ("'s", "’s", "'") for w in phrase.words)):
            return False
        place = self.gazetteer.lookup(join_words(names) if names else phrase.text)
        if place is None and len(names) > 1:
            # "the Berlin Christmas market attack": the town among the names
            place = self.gazetteer.lookup(names[0].text)
        return place is not None and place.precision != "country"

    def _resolve(self, story: StoryActors, phrase: Phrase, *, target: bool = False,
                 placed: bool = True) -> Actor | None:
        """The phrase's actor; a place named in it gives the country the tables did not
        ("Kharkiv" -> UKR, "villagers in Borno state" -> NGA CVL). A target that is a thing
        in a place is that place's country ("struck a power plant in Odesa" -> UKR), unless
        not ``placed`` (what is signed or discussed there: "a peace accord in Havana")."""
        if phrase.head_word.text == "REUTER":
            return None  # a wire's sign-off parsed into the last sentence
        actor = story.resolve(phrase)
        if actor is not None and actor.country:
            return actor
        run = [w for w in phrase.words if w.ent == "GPE"]
        if not run and phrase.head_word.pos == "NOUN" and actor_noun(phrase.head_word.lemma.lower()):
            # "activists in Aleppo": a place the recogniser left unnamed, after "in"
            inside = [k for k, w in enumerate(phrase.words)
                      if w.dep == "prep" and w.lemma.lower() == "in" and k > phrase.head]
            after = phrase.words[inside[0] + 1:] if inside else ()
            names = [w for w in after if w.pos == "PROPN" and w.ent in ("", "NORP", "LOC", "ORG")]
            if names and self.gazetteer.notable(join_words(names)):
                run = names
        if target and placed and phrase.head_word.ent != "GPE":
            place = self._place_in(phrase)
            if place is not None:
                if actor is None:
                    return Actor(text=phrase.text, name=place.name, country=place.country,
                                 code=place.country, start=phrase.start, end=phrase.end)
                return dataclasses.replace(actor, country=place.country,
                                           code=f"{place.country}{actor.sector or ''}")
            if actor is None:
                return None
        if not run or (actor is None and phrase.head_word.ent != "GPE"
                       # "truck drivers in Brazil": people no table types still have a country
                       and not (phrase.head_word.pos == "NOUN"
                                and actor_noun(phrase.head_word.lemma.lower()))):
            return actor
        place = self.gazetteer.lookup(join_words(run))
        if place is None or not place.country:
            return actor
        if actor is None:
            return Actor(text=phrase.text, name=place.name, country=place.country,
                         code=place.country, start=phrase.start, end=phrase.end)
        return dataclasses.replace(actor, country=place.country,
                                   code=f"{place.country}{actor.sector or ''}")

    def _place_in(self, phrase: Phrase):
        """The place a target phrase is in: the first place name after its "in" or "of" ("a
        school in Kharkiv"), or the phrase itself when it is one proper noun the parser did not
        name ("Kharkiv"); None when no gazetteer place with a country fits."""
        inside = [k for k, w in enumerate(phrase.words)
                  if w.dep == "prep" and w.lemma.lower() in ("in", "of") and k > phrase.head]
        words = phrase.words[inside[0] + 1:] if inside else ()
        names = ("GPE",) if any(w.ent == "GPE" for w in words) else ("GPE", "", "LOC", "FAC")
        first = next((k for k, w in enumerate(words)
                      if w.ent in names and (w.ent == "GPE" or w.pos == "PROPN")), None)
        run = []
        if first is not None:
            # The first place name: "in Odesa", "in New York".
            for w in words[first:]:
                if not (w.ent in names and (w.ent == "GPE" or w.pos == "PROPN")):
                    break
                run.append(w)
        elif (len(phrase.words) == 1 and phrase.head_word.pos == "PROPN"
              and (phrase.head_word.ent in ("", "LOC", "FAC")
                   # "an offensive on Idlib", "shelled Aleppo": a notable place the model took
                   # for a body, a people, even a language (not a person's name: "Charlotte")
                   or phrase.head_word.ent != "PERSON"
                   and self.gazetteer.notable(phrase.head_word.text)
                   # "bombed Douma": a town our table knows by its news spelling, taken for a
                   # person
                   or phrase.head_word.ent == "PERSON"
                   and phrase.head_word.text.lower() in ALIASES)):
            run = [phrase.head_word]
        elif phrase.head_word.lemma.lower() in _REGION_HEADS:
            # "the Kherson region", "Borno state": the name before the kind of place
            run = [w for w in phrase.words[:phrase.head]
                   if w.pos == "PROPN" and w.dep == "compound"]
        if not run:
            return None
        place = self.gazetteer.lookup(join_words(run))
        return place if place is not None and place.country else None

    def _event(self, r: _Resolved, ctx: _StoryContext, versions) -> Event | None:
        cand = r.candidate
        article = ctx.article
        negated, future = cand.negated, cand.future
        base = cand.row.cameo
        ranked = None
        if not base and self.classifier is not None:
            ranked = self.classifier.predict(
                r.sentence, trigger=cand.trigger.text,
                actor=r.actor[0].text if r.actor else None,
                recipient=r.recipient[0].text if r.recipient else None)
        if not base:
            # An untriggered clause: an event only between coded actors, typed with confidence.
            if (ranked is None or not _coded(r.actor) or not _coded(r.recipient)
                    or ranked[0][1] < OPEN_MIN_PROBABILITY
                    # ("Reuters quoted Peskov": a news outlet at work)
                    or any(a.sector == "MED" for a in (*r.actor, *r.recipient))
                    # ("will hold its shareholders meeting": an event held is no party, unless
                    # it is somewhere: "approved troop deployments in Libya")
                    or all(a.country is None for a in r.recipient) and any(
                        p.head_word.lemma.lower() in (self._lexicon or default_lexicon()).nouns
                        for p in cand.recipient)):
                return None
            base = _TYPE_CAMEO[ranked[0][0]]
        if negated and (cand.future or cand.failed) and base[:2] in _COOPERATIVE_ROOTS:
            # "will not accept", "won't meet", "failed to reach agreement": a refusal made
            # now, which PLOVER codes REJECT.
            cameo = refine("120", r.sentence, future=False, content=base)
            negated = future = False
        elif negated and base[:3] == "086":
            # "did not give permission for the rally", "did not allow X in": permission
            # withheld is a refusal whenever it is told.
            cameo = "1245"
            negated = future = False
        else:
            cameo = refine(base, r.sentence, future=cand.future, content=cand.content)
        if cameo == "144" and cand.row.lemma in _BLOCKING_VERBS and r.actor and all(
                a.sector in _FORCE_SECTORS or a.sector is None and a.code == a.country
                # (a country by its name, not "Colombian truckers")
                and a.text.split()[-1][:1].isupper() for a in r.actor):
            # "Israeli troops blocked the road", "Israel blocked the crossing": movement
            # restricted by a state or its forces, no protest (CAMEO 191)
            cameo = "191"
        mapping = ontology.to_plover(cameo)
        if mapping.event_type is None:
            return None
        if (negated or cand.hypothetical) and not self.include_modal:
            return None
        counts = extract_counts(r.sentence) if mapping.event_type in _VIOLENT_TYPES else None
        has_count = counts is not None and any(
            v is not None for v in (counts.fatalities, counts.injured, counts.arrested, counts.displaced))
        if not r.actor:
            if mapping.event_type not in _VIOLENT_TYPES or not (cand.verbal or has_count):
                return None
            if cand.actor and not all(p.head_word.lemma.lower() in WEAPON_WORDS
                                      for p in cand.actor):
                # An agent we cannot code (a typhoon, an accident) is no political actor
                # (a weapon is someone's: "bombs exploded in two markets, killing 15").
                return None
            if not _coded(r.recipient) and not has_count:
                return None
        if (cameo == "042" and cand.row.lemma in _TRAVEL_VERBS
                and not any(a.sector in _OFFICIAL_SECTORS for a in r.actor)):
            # "Begum travelled to Syria": a journey, not a visit, unless someone with a role
            # travels ("the Kenyan president travelled to Uganda")
            return None
        if cameo == "042" and r.actor and all(a.sector == "MED" for a in r.actor):
            return None  # "the journalist visited South Sudan to report": reporting, no visit
        if (mapping.event_type == "CONSULT" and r.recipient
                and all(a.sector == "MED" for a in r.recipient)):
            return None  # "speaking to the BBC", "told Reuters": an interview, no consultation
        if cand.deal and r.actor and all(a.sector == "BUS" or not _coded([a]) for a in r.actor):
            # "ConAgra agreed to acquire Monfort", "the bank agreed to fund the loan": firms
            # trading (a government's purchase stays: "Cairo agreed to purchase wheat")
            return None
        if cameo[:3] in _MONEY_AID and (
                cand.market or any(p.head_word.lemma.lower() == "market" for p in cand.recipient)):
            return None  # "provided assistance to the money market": a central bank trading
        if ((cameo[:3] in _MONEY_AID or cand.row.lemma == "offer" and cameo[:3] == "030")
                and any(a.sector == "BUS" for a in (*r.actor, *r.recipient))
                and all(a.sector == "BUS" or not _coded([a]) for a in (*r.actor, *r.recipient))):
            # "the banks provided credit lines to Heck's", "to help GM finance the buyback",
            # "GM plans to offer airbags as standard equipment": firms lending to firms and
            # selling, commerce (a bank's loan to a government stays aid)
            return None
        if cand.trade and cameo[:2] in ("02", "10"):
            return None  # "India called a buying tender", "GM ordered layoffs": business
        if (cand.row.lemma == "ask" and r.actor and all(a.sector == "MED" for a in r.actor)):
            return None  # "asked by Reuters about the plan": a journalist's question
        if (mapping.event_type == "CONSULT" and not _coded(r.recipient) and cameo[:3] != "045"
                and sum(bool(a.code or a.country or a.name) for a in r.actor) < 2
                and not any(map(_institution, cand.recipient))):
            # A meeting with no one coded, unless between named co-actors or with a body
            # ("held talks with East Asian countries"); a mediation is one on its own.
            return None
        code = ontology.cameo(cameo)
        date, precision, source = self._date(r, ctx)
        fatalities = injured = arrested = displaced = None
        approximate: tuple[str, ...] = ()
        if mapping.event_type in _COUNT_TYPES and has_count and cand.sentence_index not in ctx.counted:
            ctx.counted.add(cand.sentence_index)
            fatalities, injured = counts.fatalities, counts.injured
            arrested, displaced = counts.arrested, counts.displaced
            approximate = tuple(sorted(f for f in counts.approximate
                                       if f in ("fatalities", "injured", "arrested", "displaced")))
        location = self._place(cand, r, ctx)
        mode = mapping.mode
        if (mapping.event_type == "CONSULT" and mode is None and location is not None
                and location is not ctx.main_place and location.country):
            # Meeting in one side's country: a visit; elsewhere: a third-party location.
            sides = {a.country for a in (*r.actor, *r.recipient)}
            mode = "visit" if location.country in sides else "third-party"
        if mapping.event_type == "ASSAULT" and mode is None:
            mode = assault_mode(r.sentence)  # "fired tear gas at the protesters"
        context = mapping.context
        if mapping.event_type == "COERCE" and mode is None and coerce_mode(r.sentence):
            # "hacked the party's email accounts": the mode, and its context with it
            mode = "cyber"
            context = tuple(dict.fromkeys((*context, "cyber")))
        key = "|".join([
            article.id, str(cand.sentence_index), str(cand.trigger.start), mapping.event_type,
            ",".join(a.code or "" for a in r.actor), ",".join(a.code or "" for a in r.recipient),
            CODER_VERSION,
        ])
        confidence = 0.4 + 0.2 * bool(r.actor) + 0.2 * _coded(r.recipient) + 0.1 * cand.verbal
        if cand.means:
            confidence -= 0.05  # "called X to congratulate him": the call is the lesser part
        return Event(
            id=hashlib.sha256(key.encode("utf-8")).hexdigest()[:20],
            article_id=article.id,
            sentence_index=cand.sentence_index,
            sentence=r.sentence,
            trigger=cand.trigger,
            event_type=mapping.event_type,
            mode=mode,
            context=context,
            cameo=code.code,
            cameo_root=code.root,
            goldstein=code.goldstein,
            quad_class=code.quad_class,
            actor=r.actor,
            recipient=r.recipient,
            date=date,
            date_precision=precision,
            date_source=source,
            location=location,
            negated=negated,
            hypothetical=cand.hypothetical,
            future=future,
            fatalities=fatalities,
            injured=injured,
            arrested=arrested,
            displaced=displaced,
            approximate=approximate,
            source_name=article.source_name,
            reported_by=r.speaker,
            url=article.url,
            confidence=round(confidence, 2),
            versions=versions,
        )

    @staticmethod
    def _date(r: _Resolved, ctx: _StoryContext) -> tuple[str | None, str | None, str | None]:
        """The event date: "N weeks after <the main event>" counts from the story's first
        dated event (source "anchor"); else the date words of the trigger's own clause
        (source "sentence"); else the publication date (source "publication")."""
        published = ctx.article.published
        if published is None:
            return None, None, None
        cand = r.candidate
        trigger_at = cand.trigger.start - r.sentence_start
        if ctx.anchor is not None:
            offset = offset_relation(r.sentence, trigger_at)
            if offset is not None:
                return (ctx.anchor + dt.timedelta(days=offset)).isoformat(), "day", "anchor"
        clause = [(a - r.sentence_start, b - r.sentence_start) for a, b in cand.clause]
        found = [e for e in find_date_expressions(r.sentence)
                 if not clause or any(a <= e.start < b for a, b in clause)]
        found.sort(key=lambda e: abs(e.start - trigger_at))
        for expression in found:
            resolution = resolve_date(expression.text, published, anchor=ctx.anchor)
            if resolution is not None:
                if ctx.anchor is None and resolution.precision == "day":
                    ctx.anchor = resolution.date
                return resolution.date.isoformat(), resolution.precision, "sentence"
        return published.isoformat(), "day", "publication"

    def _place(self, cand: Candidate, r: _Resolved, ctx: _StoryContext) -> Place | None:
        """"here" -> the dateline; a place attached to the trigger; the place attacked; else
        the story's main place, at a coarser precision."""
        if cand.here and ctx.dateline is not None:
            return ctx.dateline
        names = list(cand.places)
        if not names and cand.row.cameo[:2] in ("17", "18", "19", "20"):
            # The place attacked or besieged is where the event happens.
            names = [w.text for p in cand.recipient for w in p.words if w.ent == "GPE"]
        for name in names:
            place = self.gazetteer.lookup(name, prefer_countries=ctx.countries)
            if place is not None:
                return place
        return ctx.main_place


# Events whose two sides a later "the two leaders" or "both sides" names: meetings, calls,
# agreements, deals, cooperation, fighting.
_PAIRING_ROOTS = {"03", "04", "05", "06", "19"}
# Phrases that name a time, an amount or nobody are no participants, coded or not.
# Numbers too, unless they count someone (``_of_someone``).
_NOT_PARTICIPANT_ENTS = NOT_PARTICIPANT_ENTS | {"CARDINAL"}
_NOT_PARTICIPANT_WORDS = {"it", "they", "them", "he", "she", "him", "her", "we", "us", "you",
                          "i", "me", "this", "that", "these", "those", "one", "itself",
                          "themselves", "himself", "herself", "which", "who", "what",
                          "reuter", "reuters"}  # (a wire's sign-off parsed into a sentence)


def _distinct(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """Without an actor that repeats a shorter one inside it ("Greece" and "Greece's
    proposal" both coded GRC)."""
    def repeats(i: int, j: int) -> bool:
        a, b = actors[i], actors[j]
        if i == j or a.code != b.code or None in (a.start, a.end, b.start, b.end):
            return False
        if (a.start, a.end) == (b.start, b.end):
            return j < i
        return a.start <= b.start and b.end <= a.end
    return tuple(a for i, a in enumerate(actors)
                 if not any(repeats(i, j) for j in range(len(actors))))


def _coded(actors: Sequence[Actor]) -> bool:
    return any(a.code or a.country for a in actors)


# Aid in money and goods (CAMEO 070, 071), which firms also lend and supply to each other.
_MONEY_AID = {"070", "071"}
_TRAVEL_VERBS = {"travel", "fly", "go", "head", "journey"}
# Sectors whose members travel on someone's behalf.
# Kinds of place named after their name: "the Kherson region", "Idlib province".
_REGION_HEADS = {"region", "province", "state", "district", "oblast", "governorate", "county",
                 "city", "town", "village", "prefecture", "area"}
# Verbs by which protesters obstruct, and states restrict movement: "blocked the road".
_BLOCKING_VERBS = {"block", "barricade", "close", "seal"}
# The state and its forces.
_FORCE_SECTORS = {"GOV", "MIL", "COP", "SPY"}
_OFFICIAL_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP", "PTY", "REB", "IGO",
                     "NGO", "UAF", "DIP", "ELI"}


def _institution(phrase: Phrase) -> bool:
    """"the committee", "East Asian countries": a body no table codes."""
    return phrase.head_word.pos == "NOUN" and institution_noun(phrase.head_word.lemma.lower())


def _story_places(doc, resolved: Sequence[_Resolved], document: str) -> list[str]:
    """The place names that say where the story happens: not those that stand for a
    government ("Warsaw would not lift the blockade", "accused Moscow": a subject or object
    acts, whatever the event) or own an actor ("Germany's chancellor")."""
    acting = [(a.start, a.end) for r in resolved for a in (*r.actor, *r.recipient)
              if a.start is not None and a.end is not None]

    def acts(ent) -> bool:
        if ent.root.dep_ in ("nsubj", "nsubjpass", "dobj", "poss"):
            return True
        owner = document[ent.end_char:ent.end_char + 2] in ("'s", "’s")
        return any(start <= ent.start_char and ent.end_char <= end
                   and ((end - start) - len(ent.text) <= 4 or owner)
                   for start, end in acting)

    return [e.text for e in doc.ents if e.label_ in ("GPE", "LOC") and not acts(e)]


def _without_pact_places(cand: Candidate, tokens: dict) -> Candidate:
    """The candidate without the places that only name a pact ("the Sochi agreement between
    Turkey and Russia", "violated the Minsk ceasefire"): a city named in a pact's name is no
    party to it ("the Iran deal" still has Iran as one). ``tokens``: the sentence's tokens by
    character offset."""

    def keep(phrase: Phrase) -> bool:
        token = tokens.get(phrase.head_word.start)
        return not (token is not None and token.dep_ == "compound"
                    and token.head.lemma_.lower() in PACT_WORDS
                    and all(w.pos == "PROPN" for w in phrase.words)
                    and names_only_a_place(phrase.text))

    fields = {name: tuple(filter(keep, getattr(cand, name)))
              for name in ("actor", "recipient", "more", "goals")}
    if all(len(fields[name]) == len(getattr(cand, name)) for name in fields):
        return cand
    if cand.actor and not fields["actor"] and len(fields["recipient"]) > 1:
        # "the Sochi agreement between Turkey and Russia": its sides made it
        fields["actor"], fields["recipient"] = fields["recipient"], ()
    return dataclasses.replace(cand, **fields)


def _named(phrase: Phrase, *, own: bool = False) -> bool:
    """Whether the phrase names someone: a proper noun, a named entity or an acronym ("ICE");
    a disease is no one ("to assist Ethiopia with its response to COVID-19"). With ``own``,
    the phrase of a common noun for no one counts only a name before its first preposition
    ("involvement in Syria" names no one; "the Kansas woman" does)."""
    words = phrase.words
    if (own and phrase.head_word.text[:1].islower()
            and not actor_noun(phrase.head_word.lemma.lower())):
        # (a capitalised head may open a name with a preposition, "Action Against Hunger";
        # people may be named by where they are, "mine owners in Malaysia")
        cut = next((k for k, w in enumerate(words) if w.dep == "prep" and k > phrase.head), None)
        words = words[:cut] if cut is not None else words
    return any((w.pos == "PROPN" or w.ent in ("PERSON", "ORG", "NORP", "GPE")
                or (len(w.text) > 1 and w.text.isupper() and w.text.isalpha()))
               and w.text.lower() not in _DISEASES for w in words)


_DISEASES = {"covid-19", "covid", "covid19", "coronavirus", "sars", "sars-cov-2", "mers",
             "ebola", "hiv", "aids", "zika", "cholera", "malaria", "polio", "measles",
             "h1n1", "mpox", "monkeypox", "tuberculosis", "dengue"}


def _of_someone(phrase: Phrase) -> bool:
    """"hundreds of banks", "dozens of protesters": a number of someone is a participant."""
    return (phrase.head_word.ent == "CARDINAL" or phrase.head_word.text.lower() == "one") and any(
        w.dep == "prep" and w.lemma.lower() == "of" for w in phrase.words[phrase.head + 1:])


def _uncoded(phrases: Sequence[Phrase], document: str) -> tuple[Actor, ...]:
    """The first phrase no table codes, kept as an uncoded participant (PLOVER codes events
    on any target: "condemned the election results"); times, amounts and pronouns are not."""
    kept = [p for p in phrases if _of_someone(p) or (
        p.head_word.ent not in _NOT_PARTICIPANT_ENTS
        and p.head_word.text.lower() not in _NOT_PARTICIPANT_WORDS)]
    # A named participant before a thing: "returned a painting to the Louvre".
    kept.sort(key=lambda p: not _named(p))
    if not kept:
        return ()
    phrase = kept[0]
    return (Actor(text=document[phrase.start:phrase.end], start=phrase.start, end=phrase.end),)


def _country_pairs(phrases: Sequence[Phrase]) -> tuple[Phrase, ...]:
    """Each phrase, with a pair of countries joined by a hyphen ("India-Pakistan",
    "U.S.-Japan") split into its two names."""
    out: list[Phrase] = []
    for phrase in phrases:
        words = [w for w in phrase.words if w.pos != "DET"]
        dash = next((k for k, w in enumerate(words) if w.text == "-"), None)
        if dash is not None and 0 < dash < len(words) - 1:
            left, right = words[:dash], words[dash + 1:]
            if len(right) > 1 and right[-1].lemma.lower() in PACT_WORDS | {"relation", "war"}:
                # "welcomed the Russia-Ukraine agreement": the pact of both (but not "the
                # Syria-Iraq border", a place between them)
                right = right[:-1]
            if (left[-1].end == words[dash].start and words[dash].end == right[0].start
                    # ("Washington - US President Donald Trump": a dateline's dash)
                    and all(w.pos == "PROPN" for w in left + right)
                    and lookup_country(join_words(left)) and lookup_country(join_words(right))):
                out += [Phrase(words=tuple(left), head=len(left) - 1),
                        Phrase(words=tuple(right), head=len(right) - 1)]
                continue
        out.append(phrase)
    return tuple(out)


def _dyads(event: Event) -> list[Event]:
    """One event per (actor, recipient) pair of a compound event."""
    if len(event.actor) <= 1 and len(event.recipient) <= 1:
        return [event]
    pairs = [((a,), (r,)) for a in event.actor or (None,) for r in event.recipient or (None,)]
    out = []
    for actor, recipient in pairs:
        actor = tuple(x for x in actor if x is not None)
        recipient = tuple(x for x in recipient if x is not None)
        key = "|".join([event.id, *(a.code or a.text for a in actor), "->",
                        *(r.code or r.text for r in recipient)])
        out.append(dataclasses.replace(
            event, actor=actor, recipient=recipient,
            id=hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]))
    return out


# Phrases for a government with no country of their own.
_OWN_GOVERNMENT = {"the government", "government", "the administration", "the cabinet",
                   "the authorities", "authorities"}


#: Places attacked, named between a town and the attack ("the Berlin Christmas market attack").
_ATTACKED_SITES = {"market", "hall", "concert", "arena", "airport", "church", "mosque", "school",
                   "hotel", "embassy", "train", "metro", "subway", "bridge", "stadium", "club",
                   "nightclub", "cafe", "restaurant", "office", "station", "synagogue", "temple",
                   "museum", "theatre", "theater", "port", "hospital", "parade", "marathon", "bus",
                   "festival", "promenade", "mall", "square", "university", "shrine", "truck",
                   "underground", "tube"}


#: ... and how it was attacked ("the Salisbury nerve agent attack", "the Paris terror attacks").
_MEANS_WORDS = {"terror", "terrorist", "nerve", "gas", "agent", "chemical", "bomb", "suicide",
                "car", "knife", "gun", "sarin", "poison", "mortar", "rocket", "missile", "drone",
                "truck", "lorry", "van", "shooting", "arson", "acid"}


def _named_site(between: str) -> bool:
    """Whether the words between a town and an attack noun (none, or at most three names and
    sites: "Christmas market", "concert hall") name the place attacked."""
    words = between.split()
    return len(words) <= 3 and all(w[:1].isupper() or w.lower() in _ATTACKED_SITES | _MEANS_WORDS
                                   for w in words)
#: Acts of force (CAMEO 18-20) done to a place.
_FORCE_ROOTS = {"18", "19", "20"}


def _as_place(actor: Actor, phrase: Phrase) -> Actor:
    """A capital named alone as the country it is in ("Damascus" -> SYR, not SYRGOV)."""
    names = [w for w in phrase.words if w.pos != "DET"]
    match = lookup_country(join_words(names)) if names and actor.sector == "GOV" else None
    if match is None or match.kind != "capital" or actor.name:
        return actor
    return dataclasses.replace(actor, sector=None, code=match.iso3)


def _of_country(actor: Actor, country: str) -> Actor:
    """A bare "the government" (no country, no name) as that country's government."""
    if (actor.country or actor.name or actor.sector != "GOV"
            or actor.text.lower() not in _OWN_GOVERNMENT):
        return actor
    return dataclasses.replace(actor, country=country, code=country + "GOV")


def _parts(article: Article) -> tuple[str, ...]:
    """What the parser sees: the headline (with its separator) and the body parsed apart, the
    dateline and photo captions' positions (", left,") blanked out; joined, they have the
    document's length, so offsets never move."""
    body = article.text
    span = dateline_span(body)
    if span is not None:
        body = body[:span[0]] + " " * (span[1] - span[0]) + body[span[1]:]
    body = _CAPTION_POSITION.sub(_blank, body)
    if article.title:
        return (article.title + HEADLINE_SEPARATOR, body)
    return (body,)


# A person's place in a photo, between commas: "Putin, second left, and Medvedev, left,
# attend ..." (the parser takes "left" for a verb and loses the coordination).
_CAPTION_POSITION = re.compile(
    r",\s*(?:(?:second|third|fourth|far|centre|center|front|back|top|bottom)[ -])?"
    r"(?:left|right|centre|center|rear)\s*,(?=\s)")


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def code_articles(articles: Iterable[Article], **options) -> Iterator[tuple[Article, list[Event]]]:
    """Code articles with a new Coder (see ``Coder`` for the options)."""
    coder_options = {k: options.pop(k) for k in ("model", "gazetteer", "lexicon", "include_modal",
                                                  "expand_dyads", "actor_dictionaries")
                     if k in options}
    yield from Coder(**coder_options).code_articles(articles, **options)


def code_text(text: str, *, title: str | None = None, published=None, article_id: str = "text",
              **options) -> list[Event]:
    """Code one story given as a string; returns its events."""
    article = Article(id=article_id, text=text, title=title, published=published)
    return [e for _a, events in code_articles([article], **options) for e in events]


__all__ = ["CODER_VERSION", "Coder", "code_articles", "code_text"]
