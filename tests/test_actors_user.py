"""Users' dictionaries: CSV, YAML and PETRARCH/Phoenix files, their errors, their precedence."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from eventcoder.actors.people import lookup_person
from eventcoder.actors.user import UserDictionary, split_code
from eventcoder.errors import InputError

PHOENIX_ACTORS = """\
# A small Phoenix-style actor dictionary written for the tests.
KHALIFA_HAFTAR_ [LBYREB]        # the user codes the LNA as rebels
+HAFTAR
+KHALIFA_HIFTER
FAYEZ_AL-SARRAJ
+SARRAJ
    [LBYGOV 151217-210315]
    [LBYELI >210316]
ABU_ZAID_AL_KHALIFA [LBYMIL <190101]
JANE_ROE_ [IGOUNO 20190101-20201231]
<!-- an XML comment line -->
"""

PHOENIX_AGENTS = """\
POLICE_OFFICER [~COP]
MAN {MEN} [~CVL]
TRIBAL_ELDER [~CVL]   # tribes
"""


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _code(person) -> str | None:
    """The code of a person in office on the date asked about, else None."""
    return person.code if person and person.in_office else None


@pytest.fixture
def phoenix(tmp_path) -> UserDictionary:
    actors = tmp_path / "Phoenix.actors.txt"
    actors.write_text(PHOENIX_ACTORS, encoding="utf-8")
    agents = tmp_path / "Phoenix.agents.txt"
    agents.write_text(PHOENIX_AGENTS, encoding="utf-8")
    return UserDictionary.load([actors, agents])


@pytest.mark.parametrize(
    ("name", "on", "code"),
    [
        ("Khalifa Haftar", "2019-05-23", "LBYREB"),
        ("Haftar", None, "LBYREB"),
        ("Khalifa Hifter", None, "LBYREB"),
        ("Fayez al-Sarraj", "2019-05-23", "LBYGOV"),
        ("Sarraj", "2019-05-23", "LBYGOV"),
        ("Fayez al-Sarraj", "2022-01-01", "LBYELI"),
        ("Abu Zaid al-Khalifa", "2018-12-31", "LBYMIL"),
        ("Abu Zaid al-Khalifa", "2019-01-01", None),  # "<190101": before that day only
        ("Jane Roe", "2020-06-01", "IGOUNO"),
        ("Emmanuel Macron", "2019-05-23", None),  # not in the user's file
    ],
)
def test_actors_user_phoenix_actor_codes_by_date(phoenix, name, on, code):
    person = phoenix.lookup(name, on=_day(on))
    assert _code(person) == code
    assert phoenix.problems == ()


def test_actors_user_phoenix_file_changes_resolution(phoenix):
    """Built in, Haftar is LBY MIL; the user's dictionary, consulted first, makes him LBY REB."""
    on = dt.date(2019, 5, 23)

    def resolve(name: str):
        return phoenix.lookup(name, on=on) or lookup_person(name, on=on)

    assert lookup_person("Khalifa Haftar", on=on).code == "LBYMIL"
    assert resolve("Khalifa Haftar").code == "LBYREB"
    assert (resolve("Haftar").country, resolve("Haftar").sector) == ("LBY", "REB")
    assert resolve("Emmanuel Macron").code == "FRAGOV"  # falls through to the built-in table


@pytest.mark.parametrize(
    ("word", "sector"),
    [
        ("police officer", "COP"),
        ("police officers", "COP"),
        ("Police_Officer", "COP"),
        ("man", "CVL"),
        ("men", "CVL"),
        ("tribal elders", "CVL"),
        ("dog", None),
        ("officer", None),
    ],
)
def test_actors_user_phoenix_agents(phoenix, word, sector):
    assert phoenix.agent(word) == sector


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("LBYMIL", ("LBY", "MIL")),
        ("IGOUNO", ("UNO", "IGO")),
        ("IGOUNOWHO", ("UNO", "IGO")),
        ("IMGREB", (None, "REB")),
        ("FRA", ("FRA", None)),
        ("USAGOVLEG", ("USA", "GOV")),
    ],
)
def test_actors_user_split_code(code, expected):
    assert split_code(code) == expected


CSV = """\
name,country,sector,code,wikidata,start,end,role
Khalifa Haftar|Haftar,LBY,REB,,,2014,,rebel commander
Jane Roe|Roe,,,NGAMIL,,2019-01-01,2020-12-31,
Jane Roe,,,NGAGOV,,2021-01-01,,
Amina Ali,KEN,LEG,,Q42,,,
"""


@pytest.mark.parametrize(
    ("name", "on", "expected"),
    [
        ("Khalifa Haftar", "2019-05-23", ("LBY", "REB", "LBYREB", "rebel commander")),
        ("Haftar", "2019-05-23", ("LBY", "REB", "LBYREB", "rebel commander")),
        ("Jane Roe", "2020-01-01", ("NGA", "MIL", "NGAMIL", None)),
        ("Roe", "2022-01-01", ("NGA", "GOV", "NGAGOV", None)),
        ("amina ali", None, ("KEN", "LEG", "KENLEG", None)),
    ],
)
def test_actors_user_csv(tmp_path, name, on, expected):
    path = tmp_path / "mine.csv"
    path.write_text(CSV, encoding="utf-8")
    person = UserDictionary.load([path]).lookup(name, on=_day(on))
    assert (person.country, person.sector, person.code, person.role) == expected


def test_actors_user_later_file_wins(tmp_path):
    first = tmp_path / "a.csv"
    first.write_text("name,code\nKhalifa Haftar|Haftar,LBYREB\n", encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text("HAFTAR [LBYGOV]\n", encoding="utf-8")
    assert UserDictionary.load([first, second]).lookup("Haftar").code == "LBYGOV"
    assert UserDictionary.load([second, first]).lookup("Haftar").code == "LBYREB"


YAML = """\
- name: Khalifa Haftar
  aliases: [Haftar, Hifter]
  code: LBYREB
  start: 2014-05-16
- name: Jane Roe|Roe
  country: NGA
  sector: MIL
  start: 2019
"""


@pytest.mark.parametrize(
    ("name", "code"),
    [("Hifter", "LBYREB"), ("Haftar", "LBYREB"), ("Roe", "NGAMIL"), ("Macron", None)],
)
def test_actors_user_yaml(tmp_path, name, code):
    pytest.importorskip("yaml")
    path = tmp_path / "mine.yaml"
    path.write_text(YAML, encoding="utf-8")
    user = UserDictionary.load([path])
    assert _code(user.lookup(name, on=dt.date(2020, 1, 1))) == code
    assert user.problems == ()


def test_actors_user_yaml_without_pyyaml_is_a_clear_error(tmp_path, monkeypatch):
    path = tmp_path / "mine.yml"
    path.write_text(YAML, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "yaml", None)  # import yaml now raises ImportError
    with pytest.raises(InputError) as caught:
        UserDictionary.load([path])
    assert caught.value.code == "E402"
    assert "pip install pyyaml" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "text", "lines"),
    [
        (
            "bad.txt",
            "+ORPHAN\nGOOD_ONE [FRAGOV]\nNO_CODE\nBAD_CODE [lbygov]\nDATED [LBYGOV 1512-2103]\n"
            "BACKWARDS [LBYGOV 210101-150101]\n[FRAMIL]\n+\nODD [~]\n",
            [1, 3, 4, 5, 6, 8, 9],
        ),
        (
            "bad.csv",
            "name,country,sector,code,wikidata,start,end\nGood One,FRA,GOV,,,,\n,FRA,GOV,,,,\n"
            "No Code,,,,,,\nBad Date,FRA,GOV,,,2019-13-01,\nBad Qid,FRA,GOV,,Z1,,\n"
            "Backwards,FRA,GOV,,,2020,2019\nBad Country,France,GOV,,,,\n",
            [3, 4, 5, 6, 7, 8],
        ),
        ("bad.yaml", "- name: Good One\n  code: FRAGOV\n- just a string\n- name: X\n  code: ???\n", [3, 4]),
        ("broken.yaml", "- name: [unclosed\n", [2]),
        ("header.csv", "who,code\nGood One,FRAGOV\n", [1]),
    ],
)
def test_actors_user_bad_lines_are_reported_and_skipped(tmp_path, name, text, lines):
    if name.endswith(".yaml"):
        pytest.importorskip("yaml")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    user = UserDictionary.load([path])
    assert [p.values["line"] for p in user.problems] == lines
    assert all(p.code == "E401" and str(path) in str(p) for p in user.problems)
    if name != "header.csv" and name != "broken.yaml":
        assert user.lookup("Good One").code == "FRAGOV"  # the good lines still load


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("missing.csv", None, "E101"),
        ("dictionary.json", b"{}", "E403"),
        ("latin1.txt", "JOSÉ_MARTÍ [CUBGOV]\n".encode("latin-1"), "E104"),
    ],
)
def test_actors_user_file_errors(tmp_path, name, content, code):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        UserDictionary.load([path])
    assert caught.value.code == code


def test_actors_user_empty_load_knows_nobody():
    user = UserDictionary.load([])
    assert user.lookup("Khalifa Haftar") is None
    assert user.agent("police officer") is None
