"""Headlines in title case are parsed in plain case (``eventcoder.nlp.casing``)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.coding.lexicon import default_lexicon
from eventcoder.nlp import casing
from eventcoder.types import Article

VERBS = {"lift", "release", "detain", "warn", "agree", "stop"}
NOUNS = {"travel", "ban", "tourist", "truce", "gaza", "rebel"}


def _names(known):
    return lambda words: {i: kind for i, w in enumerate(words) for name, kind in known.items()
                          if w == name}


@pytest.mark.parametrize(("text", "expected"), [
    ("U.S. Lifts Travel Ban to Lebanon", True),
    ("Iran Releases Detained French Tourist", True),
    ("Iran releases detained French tourist", False),       # sentence case
    ("US Vice President Mike Pence meets Iceland's President", False),  # a verb in lower case
    ("IRAN RELEASES DETAINED FRENCH TOURIST", False),        # capitals: shouting
    ("Iran Warns", False),                                   # too short to tell
    ("Title Case\n\nBut Two Paragraphs Here", False),
])
def test_casing_recognises_a_title_cased_headline(text, expected):
    assert casing.title_cased(text) is expected


def test_casing_lowers_ordinary_words_and_keeps_names_and_places():
    names = _names({"Lebanon": casing.NAME, "Gaza": casing.PLACE, "Rebels": casing.PLACE})
    plain = casing.plain_case("U.S. Lifts Travel Ban to Lebanon and Gaza, Rebels Stopped",
                              names=names, verbs=VERBS, nouns=NOUNS)
    # "Rebels" is a known place but also a noun: a place wins over a noun; "Stopped" is a
    # verb form ("stop" doubled) and is lowered whatever the caller says
    assert plain == "U.S. lifts travel ban to Lebanon and Gaza, Rebels stopped"


def test_casing_keeps_unknown_words_first_words_and_mixed_case():
    plain = casing.plain_case("Zelenskiy Warns McDonald's Over NATO Truce", names=_names({}),
                              verbs=VERBS, nouns=NOUNS)
    assert plain == "Zelenskiy warns McDonald's over NATO truce"
    assert casing.plain_case("Zelenskiy Meets Kuleba Today", names=_names({}), verbs=VERBS,
                             nouns=NOUNS) is None  # nothing ordinary: no change, no re-parse


def test_casing_a_title_cased_headline_is_coded_on_its_own_words(coder):
    article = Article(id="title", title="Japan Accuses India of Trade Violations, Vows WTO Case",
                      text="The complaint was filed on Tuesday.", published=dt.date(2020, 1, 1))
    ((_, events),) = list(coder.code_articles([article]))
    (event,) = [e for e in events if e.sentence_index == 0 and e.event_type == "ACCUSE"]
    assert event.trigger.text == "Accuses"  # the original words, at their offsets
    assert article.document[event.trigger.start:event.trigger.end] == "Accuses"
    assert ([a.country for a in event.actor], [r.country for r in event.recipient]) == (
        ["JPN"], ["IND"])


def test_casing_headlines_in_sentence_case_parse_as_before(coder):
    doc, _ = next(coder.nlp.parse([(("Iran releases French tourist",), None)],
                                  names=coder._headline_names, verbs=default_lexicon().verbs))
    plain, _ = next(coder.nlp.parse([(("Iran releases French tourist",), None)]))
    assert [(t.text, t.tag_, t.dep_) for t in doc] == [(t.text, t.tag_, t.dep_) for t in plain]


@pytest.mark.parametrize(("headline", "event_type", "trigger"), [
    ("Iran air force bombs training camp, no survivors", "ASSAULT", "bombs"),
    ("U.S. Lifts Travel Ban to Lebanon", "CONCEDE", "Lifts"),
    ("Iran releases detained French tourist", "RETREAT", "releases"),
])
def test_casing_a_verb_read_as_a_plural_noun_is_read_again(coder, headline, event_type,
                                                          trigger):
    # the parser takes "bombs", "lifts", "releases" for nouns ("Iran air force bombs" as a
    # compound; "releases detained" with the participle as the verb)
    plain, _ = next(coder.nlp.parse([((headline,), None)]))
    assert not any(t.text == trigger and t.pos_ == "VERB" for t in plain)
    doc, _ = next(coder.nlp.parse([((headline,), None)], names=coder._headline_names,
                                  verbs=default_lexicon().verbs))
    assert doc.text == headline
    verb = next(t for t in doc if t.text == trigger)
    assert (verb.pos_, verb.tag_, verb.dep_) == ("VERB", "VBZ", "ROOT")
    article = Article(id="h", text=headline, published=dt.date(2020, 1, 1))
    ((_, events),) = list(coder.code_articles([article]))
    assert [(e.event_type, e.trigger.text) for e in events] == [(event_type, trigger)]


def test_casing_a_plural_noun_that_is_no_event_verb_is_left_alone(coder):
    # "troop" is an English verb, but no event verb: "US troops in Syria" stays a noun phrase
    plain, _ = next(coder.nlp.parse([(("US troops in Syria",), None)]))
    doc, _ = next(coder.nlp.parse([(("US troops in Syria",), None)], verbs=default_lexicon().verbs))
    assert [(t.pos_, t.dep_) for t in doc] == [(t.pos_, t.dep_) for t in plain]
