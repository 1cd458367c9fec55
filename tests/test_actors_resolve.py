"""Actor resolution on plain-value phrases (no model): descriptions and in-story context."""

from __future__ import annotations

import pytest

from eventcoder.actors import StoryActors, describe
from eventcoder.types import Phrase, Word


def phrase(spec: str, head: int | None = None) -> Phrase:
    """Words as "text/POS/ENT" separated by spaces; the head defaults to the last word."""
    words = []
    at = 0
    for item in spec.split():
        text, pos, ent = (item.split("/") + ["", ""])[:3]
        text = text.replace("_", " ")
        words.append(Word(text=text, lemma=text.lower(), pos=pos or "NOUN", ent=ent, dep="", start=at))
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
    import datetime as dt

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
