"""Actor resolution on plain-value phrases (no model): descriptions and in-story context."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.actors import StoryActors, describe
from eventcoder.types import Phrase, Word


def phrase(spec: str, head: int | None = None, *, start: int = 0) -> Phrase:
    """Words as "text/POS/ENT/DEP" separated by spaces (ENT and DEP optional), the first at
    offset ``start``; the head defaults to the last word."""
    words = []
    at = start
    for item in spec.split():
        text, pos, ent, dep = (item.split("/") + ["", "", ""])[:4]
        text = text.replace("_", " ")
        words.append(Word(text=text, lemma=text.lower(), pos=pos or "NOUN", ent=ent, dep=dep, start=at))
        at += len(text) + 1
    return Phrase(words=tuple(words), head=len(words) - 1 if head is None else head)


@pytest.mark.parametrize(("spec", "country", "sector", "name"), [
    ("French/ADJ/NORP President/PROPN Emmanuel/PROPN/PERSON Macron/PROPN/PERSON", "FRA", "GOV", "Emmanuel Macron"),
    ("Libyan/ADJ/NORP Field/PROPN Marshal/PROPN Khalifa/PROPN/PERSON Haftar/PROPN/PERSON", "LBY", "MIL", "Khalifa Haftar"),
    ("the/DET United/PROPN/ORG Nations/PROPN/ORG", "UNO", "IGO", None),
    ("the/DET Tripoli/PROPN/GPE government/NOUN", "LBY", "GOV", None),
    ("Kenyan/ADJ/NORP police/NOUN", "KEN", "COP", None),
    ("protesters/NOUN", None, "CVL", None),
    ("France/PROPN/GPE", "FRA", None, None),
    # a word of a person's name ("Fatah") names no party
    ("Egypt's/PROPN/GPE president/NOUN Abdel/PROPN/PERSON Fatah/PROPN/PERSON al-Sisi/PROPN/PERSON",
     "EGY", "GOV", None),
    ("Fatah/PROPN/ORG officials/NOUN", "PSE", "PTY", None),
])
def test_actors_describe(spec, country, sector, name):
    desc = describe(phrase(spec))
    assert (desc.country, desc.sector) == (country, sector)
    if name:
        assert desc.name == name


def _story() -> StoryActors:
    story = StoryActors()
    story.add_person(phrase("French/ADJ/NORP President/PROPN Emmanuel/PROPN/PERSON Macron/PROPN/PERSON"))
    story.add_person(phrase("Libyan/ADJ/NORP Prime/PROPN Minister/PROPN Fayez/PROPN/PERSON "
                            "Al-Sarraj/PROPN/PERSON"))
    story.add_person(phrase("Khalifa/PROPN/PERSON Haftar/PROPN/PERSON"))
    story.add_person(phrase("Libyan/ADJ/NORP commander/NOUN Khalifa/PROPN/PERSON Haftar/PROPN/PERSON"))
    return story


@pytest.mark.parametrize(("spec", "head", "code", "name"), [
    ("Macron/PROPN/PERSON", None, "FRAGOV", "Emmanuel Macron"),
    ("Sarraj/PROPN/PERSON", None, "LBYGOV", "Fayez al-Sarraj"),   # canonical name from the people table
    ("Haftar/PROPN/PERSON", None, "LBYMIL", "Khalifa Haftar"),     # the more informative mention wins
    ("The/DET President/PROPN", None, "FRAGOV", "Emmanuel Macron"),  # role reference
    ("The/DET Prime/PROPN Minister/PROPN", None, "LBYGOV", "Fayez al-Sarraj"),
    ("forces/NOUN loyal/ADJ to/ADP Haftar/PROPN/PERSON", 0, "LBYMIL", None),  # anchored, not Haftar
    ("Someone/NOUN", None, None, None),                            # not a name: no actor
])
def test_actors_story_resolution(spec, head, code, name):
    actor = _story().resolve(phrase(spec, head))
    if code is None:
        assert actor is None
    else:
        assert actor is not None and (actor.code, actor.name) == (code, name)


def test_actors_pronoun_takes_the_previous_subject():
    story = _story()
    assert story.resolve(phrase("He/PRON")) is None
    story.note_subject(story.resolve(phrase("Macron/PROPN/PERSON")))
    actor = story.resolve(phrase("He/PRON"))
    assert actor is not None and actor.code == "FRAGOV" and actor.text == "He"


def test_actors_unknown_person_keeps_text_without_a_code():
    actor = _story().resolve(phrase("Jane/PROPN/PERSON Doe/PROPN/PERSON"))
    assert actor is not None
    assert (actor.name, actor.country, actor.sector, actor.code) == ("Jane Doe", None, None, None)


@pytest.mark.parametrize(("spec", "head", "country"), [
    ("its/PRON efforts/NOUN in/ADP Libya/PROPN/GPE", 1, None),       # a country in a PP is no actor
    ("the/DET capital/NOUN of/ADP Libya/PROPN/GPE", 1, "LBY"),       # unless the head is a place
    ("the/DET authorities/NOUN in/ADP Tripoli/PROPN/GPE", 1, "LBY"),  # or a role
    ("Mali/PROPN/PERSON", 0, "MLI"),                                 # a country mistaken for a person
])
def test_actors_country_from_the_right_words(spec, head, country):
    words = phrase(spec, head).words
    deps = {"of": "prep", "in": "prep", "Libya": "pobj", "Tripoli": "pobj"}
    fixed = Phrase(words=tuple(Word(text=w.text, lemma=w.lemma, pos=w.pos, ent=w.ent,
                                    dep=deps.get(w.text, ""), start=w.start) for w in words),
                   head=head)
    assert describe(fixed).country == country


def test_actors_people_table_and_user_dictionary(tmp_path):
    from eventcoder.actors.user import UserDictionary

    putin = phrase("Vladimir/PROPN/PERSON Putin/PROPN/PERSON")
    actor = StoryActors(on=dt.date(2021, 9, 30)).resolve(putin)
    assert actor is not None and (actor.code, actor.wikidata) == ("RUSGOV", "Q7747")
    path = tmp_path / "mine.csv"
    path.write_text("name,country,sector,code,wikidata,start,end\n"
                    "Vladimir Putin,RUS,MIL,RUSMIL,,2000-01-01,\n", encoding="utf-8")
    mine = StoryActors(on=dt.date(2021, 9, 30), user=UserDictionary.load([path]))
    assert mine.resolve(putin).code == "RUSMIL"   # the user's entry wins


def test_actors_user_agent_words_set_the_sector(tmp_path):
    from eventcoder.actors.user import UserDictionary

    agents = tmp_path / "mine.agents.txt"
    agents.write_text("VILLAGE_GUARD [~MIL]\nTRIBAL_ELDER [~REL]\n", encoding="utf-8")
    story = StoryActors(user=UserDictionary.load([agents]))
    actor = story.resolve(phrase("Afghan/ADJ/NORP tribal/ADJ elders/NOUN"))
    assert actor is not None and (actor.country, actor.sector) == ("AFG", "REL")
    assert describe(phrase("Afghan/ADJ/NORP tribal/ADJ elders/NOUN")).sector != "REL"


@pytest.mark.parametrize(("spec", "name"), [
    ("the/DET Libyan/ADJ/NORP commander/NOUN", "Khalifa Haftar"),   # the one Libyan MIL person
    ("the/DET Libyan/ADJ/NORP government/NOUN", None),              # an institution, not a person
    ("the/DET former/ADJ president/NOUN", None),                    # not the one in office
])
def test_actors_role_reference_names_only_a_person(spec, name):
    actor = _story().resolve(phrase(spec))
    assert actor is not None and actor.name == name


# One sentence, "<subject> said <owned phrase> ...": the owned phrase starts after the subject.
_PUTIN = "Prime/PROPN Minister/PROPN Vladimir/PROPN/PERSON Putin/PROPN/PERSON"
_SYRIAN = "The/DET Syrian/ADJ/NORP president/NOUN"
_IRAN = "Iran/PROPN/GPE"


@pytest.mark.parametrize(("subject", "spec", "code"), [
    (_PUTIN, "his/PRON//poss country/NOUN", "RUS"),
    (_SYRIAN, "his/PRON//poss government/NOUN", "SYRGOV"),
    (_IRAN, "its/PRON//poss forces/NOUN", "IRNMIL"),
    (_IRAN, "its/PRON//poss nation/NOUN", "IRN"),
    (_IRAN, "their/PRON//poss homeland/NOUN", "IRN"),
    (_IRAN, "its/PRON//poss territory/NOUN", "IRN"),
    (_IRAN, "their/PRON//poss troops/NOUN", "IRNMIL"),
    (_IRAN, "its/PRON//poss army/NOUN", "IRNMIL"),
    (_IRAN, "her/PRON//poss ministry/NOUN", "IRNGOV"),
    (_IRAN, "its/PRON//poss foreign/ADJ ministry/NOUN", "IRNGOV"),
    ("Emmanuel/PROPN/PERSON Macron/PROPN/PERSON", "its/PRON//poss army/NOUN", "FRAMIL"),  # a person's "its"
])
def test_actors_possessive_pronoun_takes_the_sentence_subjects_country(subject, spec, code):
    story = StoryActors(on=dt.date(2010, 6, 1))
    story.add_person(phrase(subject))
    story.note_sentence_subject(story.resolve(phrase(subject)))
    actor = story.resolve(phrase(spec, start=100))
    assert actor is not None and actor.code == code
    assert (actor.text, actor.start) == (phrase(spec, start=100).text, 100)


@pytest.mark.parametrize(("spec", "head", "code"), [
    ("Iran/PROPN/GPE/poss 's/PART/case forces/NOUN", 2, "IRNMIL"),        # a named owner wins
    ("Haftar/PROPN/PERSON/poss 's/PART/case forces/NOUN", 2, "LBYMIL"),   # a named person too
    ("the/DET/ country/NOUN", None, None),                                # no pronoun, no owner
    ("forces/NOUN", None, "MIL"),
    ("his/PRON//poss efforts/NOUN", None, None),                         # not a country or role
    ("their/PRON//poss military/ADJ advisers/NOUN", None, "MIL"),        # the role is no head
])
def test_actors_possessive_pronoun_changes_only_pronoun_owned_phrases(spec, head, code):
    story = _story()
    story.note_sentence_subject(story.resolve(phrase("Macron/PROPN/PERSON")))
    actor = story.resolve(phrase(spec, head, start=100))
    assert (actor.code if actor is not None else None) == code


@pytest.mark.parametrize("subject", [None, "Jane/PROPN/PERSON Doe/PROPN/PERSON", "protesters/NOUN"])
def test_actors_possessive_pronoun_invents_nothing_without_an_antecedent_country(subject):
    story = _story()
    if subject is not None:
        story.note_sentence_subject(story.resolve(phrase(subject)))
    assert story.resolve(phrase("his/PRON//poss country/NOUN", start=100)) is None
    actor = story.resolve(phrase("his/PRON//poss government/NOUN", start=100))
    assert actor is not None and (actor.country, actor.code) == (None, "GOV")


def test_actors_pronouns_prefer_the_sentence_subject_to_the_previous_one():
    story = _story()
    story.note_subject(story.resolve(phrase("Macron/PROPN/PERSON")))            # sentence 1
    story.note_sentence_subject(story.resolve(phrase(_IRAN)))                  # sentence 2
    assert story.resolve(phrase("it/PRON", start=100)).code == "IRN"
    assert story.resolve(phrase("its/PRON//poss forces/NOUN", start=100)).code == "IRNMIL"
    story.note_subject(story.resolve(phrase(_IRAN)))                           # end of sentence 2
    story.note_sentence_subject(None)                                          # sentence 3: no subject
    assert story.resolve(phrase("its/PRON//poss forces/NOUN", start=100)).code == "IRNMIL"
    story.note_subject(None)
    story.note_sentence_subject(story.resolve(phrase("Haftar/PROPN/PERSON")))  # sentence 4
    assert story.resolve(phrase("his/PRON//poss troops/NOUN", start=100)).code == "LBYMIL"
    story.note_subject(None)                   # the sentence's subject ends with the sentence
    assert story.resolve(phrase("his/PRON//poss troops/NOUN", start=100)).code == "IRNMIL"


@pytest.mark.parametrize("spec", ["He/PRON", "His/PRON//poss country/NOUN"])
def test_actors_pronoun_subject_does_not_refer_to_itself(spec):
    story = StoryActors(on=dt.date(2010, 6, 1))
    story.note_subject(story.resolve(phrase(_PUTIN)))        # "Putin spoke." then "He/His country ..."
    subject = story.resolve(phrase(spec, start=50))
    assert subject is not None and subject.country == "RUS"
    story.note_sentence_subject(subject)
    again = story.resolve(phrase(spec, start=50))             # resolving the subject once more
    assert again == subject
    story.note_sentence_subject(None)                         # even noted, then cleared
    assert story.resolve(phrase(spec, start=50)) == subject


def test_actors_a_known_persons_country_is_the_tables_not_a_stray_mentions():
    # a misparsed mention, "Bashar al-Assad support Turkey's plan", names Turkey in its words
    story = StoryActors(on=dt.date(2018, 1, 20))
    story.add_person(phrase("Bashar/PROPN/PERSON al-Assad/PROPN/PERSON support/VERB "
                            "Turkey's/PROPN/GPE plan/NOUN", head=1))
    actor = story.resolve(phrase("Bashar/PROPN/PERSON al-Assad/PROPN/PERSON"))
    assert actor is not None and actor.code == "SYRGOV"


def test_actors_an_igo_sector_comes_first_in_a_code():
    story = StoryActors(dt.date(2016, 5, 1))
    envoy = story.resolve(phrase("Staffan/PROPN/PERSON de/PROPN/PERSON Mistura/PROPN/PERSON"))
    assert envoy is not None and envoy.code == "IGOUNO"


def test_actors_a_family_is_civilian_whoever_it_belongs_to():
    desc = describe(phrase("the/DET wives/NOUN//nsubj of/ADP//prep Syrian/ADJ/NORP/amod "
                           "soldiers/NOUN//pobj", head=1))
    assert (desc.country, desc.sector) == ("SYR", "CVL")


def test_actors_it_and_they_skip_a_person_for_the_subject_before():
    story = _story()
    story.note_subject(story.resolve(phrase(_IRAN)))                           # sentence 1
    story.note_sentence_subject(story.resolve(phrase("Macron/PROPN/PERSON")))  # sentence 2
    assert story.resolve(phrase("it/PRON", start=100)).code == "IRN"
    assert story.resolve(phrase("they/PRON", start=100)).code == "IRN"
    assert story.resolve(phrase("he/PRON", start=100)).name == "Emmanuel Macron"
    story.note_subject(story.resolve(phrase("Macron/PROPN/PERSON")))
    story.note_sentence_subject(None)                                          # sentence 3
    assert story.resolve(phrase("it/PRON", start=100)) is None


def test_actors_what_the_clauses_say_wins_until_the_sentence_ends():
    story = _story()
    story.note_sentence_subject(story.resolve(phrase("Macron/PROPN/PERSON")))
    haftar = story.resolve(phrase("Haftar/PROPN/PERSON"))
    story.note_clause_antecedents({100: haftar, 200: None})
    assert story.resolve(phrase("he/PRON", start=100)).name == "Khalifa Haftar"
    assert story.resolve(phrase("he/PRON", start=200)) is None   # a clause named no one we code
    assert story.resolve(phrase("he/PRON", start=300)).name == "Emmanuel Macron"
    story.note_subject(None)                                       # the next sentence
    story.note_sentence_subject(story.resolve(phrase("Macron/PROPN/PERSON")))
    assert story.resolve(phrase("he/PRON", start=100)).name == "Emmanuel Macron"


def _glued(*texts: str, spaced_after: int) -> Phrase:
    """Words with no space between them except after word number ``spaced_after``."""
    words, at = [], 0
    for k, text in enumerate(texts):
        words.append(Word(text=text, lemma=text.lower(), pos="NOUN" if k == len(texts) - 1 else "ADJ",
                          ent="", dep="", start=at))
        at += len(text) + (1 if k in (spaced_after, len(texts) - 2) else 0)
    return Phrase(words=tuple(words), head=len(words) - 1)


def test_actors_whom_an_anti_compound_opposes_names_no_one_of_them():
    coalition = describe(_glued("the", "anti", "-", "Isis", "coalition", spaced_after=0))
    assert (coalition.code, coalition.name) == (None, None)
    rebels = describe(_glued("anti", "-", "Assad", "rebels", spaced_after=-1))
    assert (rebels.person, rebels.country, rebels.sector) == (None, None, "REB")
    named = describe(_glued("the", "Isis", "fighters", spaced_after=0))
    assert named.code == "IMGREB"   # named without "anti-", the group is theirs


def test_actors_he_and_she_skip_a_person_of_the_other_gender():
    from eventcoder.actors.resolve import given_name_gender

    assert (given_name_gender("Angela"), given_name_gender("Vladimir"),
            given_name_gender("Zorblax")) == ("f", "m", None)
    story = StoryActors()
    mrs = phrase("Mrs/PROPN Jo/PROPN/PERSON Kettle/PROPN/PERSON", start=0)
    putin = phrase("Vladimir/PROPN/PERSON Putin/PROPN/PERSON", start=40)
    for mention in (mrs, putin):
        story.add_person(mention)
        story.resolve(mention)
    story.note_sentence_subject(story.resolve(putin))
    assert story.resolve(phrase("she/PRON", start=100)).name == "Jo Kettle"
    assert story.resolve(phrase("he/PRON", start=100)).name == "Vladimir Putin"
    story.note_subject(None)
    story.note_sentence_subject(story.resolve(mrs))
    assert story.resolve(phrase("he/PRON", start=100)).name == "Vladimir Putin"


def test_actors_it_after_a_subject_we_do_not_code_is_no_one():
    story = _story()
    story.note_subject(story.resolve(phrase(_IRAN)))                     # "Iran shelled ..."
    story.note_subject(None, named=True)                                 # "The battle was ..."
    assert story.resolve(phrase("It/PRON", start=100)) is None
    # a possessive still has its owner: "its forces" are a country's, not the battle's
    assert story.resolve(phrase("its/PRON//poss forces/NOUN", start=100)).code == "IRNMIL"
    story.note_subject(None)                                             # no subject at all
    assert story.resolve(phrase("It/PRON", start=100)) is None           # (still the battle)
    story.note_subject(story.resolve(phrase(_IRAN)))
    assert story.resolve(phrase("It/PRON", start=100)).code == "IRN"


def test_actors_they_stands_for_a_compound_and_an_object_never_for_its_own_subject():
    story = _story()
    iran = story.resolve(phrase(_IRAN))
    story.note_compound(iran, [story.resolve(phrase("Syria/PROPN/GPE")), None])
    story.note_subject(iran)                                             # "Iran and Syria ..."
    assert [a.code for a in story.members(phrase("They/PRON", start=100))] == ["IRN", "SYR"]
    assert story.members(phrase("It/PRON", start=100)) == ()             # not "it"
    story.note_sentence_subject(story.resolve(phrase("Israel/PROPN/GPE")))
    story.note_clause_antecedents({}, bound={100})                       # "Israel accused them"
    assert [a.code for a in story.members(phrase("them/PRON", start=100))] == ["IRN", "SYR"]
    story.note_clause_antecedents({})                                    # unbound: the subject
    assert story.members(phrase("them/PRON", start=100)) == ()
    assert story.resolve(phrase("them/PRON", start=100)).code == "ISR"
