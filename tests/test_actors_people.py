"""The built-in people table: date-bounded roles, aliases, accent-insensitive matching."""

from __future__ import annotations

import datetime as dt
import shutil
from importlib import resources
from pathlib import Path

import pytest

from eventcoder.actors.people import PeopleIndex, PersonRole, lookup_person, name_key, parse_bound

ROOT = Path(__file__).resolve().parents[1]


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None



@pytest.mark.parametrize(
    ("name", "on", "expected"),
    [
        # (name as written, date, (canonical name, country, sector, code))
        ("Donald Trump", "2018-06-12", ("Donald Trump", "USA", "GOV", "USAGOV")),
        ("Donald Trump", "2026-01-05", ("Donald Trump", "USA", "GOV", "USAGOV")),
        ("Emmanuel Macron", "2019-05-23", ("Emmanuel Macron", "FRA", "GOV", "FRAGOV")),
        ("Emmanuel Macron", "2015-03-01", ("Emmanuel Macron", "FRA", "GOV", "FRAGOV")),
        ("Fayez al-Sarraj", "2019-05-23", ("Fayez al-Sarraj", "LBY", "GOV", "LBYGOV")),
        ("Khalifa Haftar", "2019-05-23", ("Khalifa Haftar", "LBY", "MIL", "LBYMIL")),
        ("Antonio Guterres", "2019-05-23", ("António Guterres", "UNO", "IGO", "IGOUNO")),
        ("António Guterres", "2010-06-01", ("António Guterres", "UNO", "IGO", "IGOUNOREF")),
        ("Antonio Guterres", "2000-06-01", ("António Guterres", "PRT", "GOV", "PRTGOV")),
        ("Ban Ki-moon", "2010-01-01", ("Ban Ki-moon", "UNO", "IGO", "IGOUNO")),
        ("Jens Stoltenberg", "2020-01-01", ("Jens Stoltenberg", "WST", "IGO", "IGOWSTNAT")),
        ("Ursula von der Leyen", "2016-01-01", ("Ursula von der Leyen", "DEU", "GOV", "DEUGOV")),
        ("Ursula von der Leyen", "2023-01-01", ("Ursula von der Leyen", "EUR", "IGO", "IGOEUREEC")),
        ("Vladimir Putin", "2010-01-01", ("Vladimir Putin", "RUS", "GOV", "RUSGOV")),
        ("Mike Pompeo", "2017-06-01", ("Mike Pompeo", "USA", "SPY", "USASPY")),
        ("Mohamed Hamdan Dagalo", "2020-01-01", ("Mohamed Hamdan Dagalo", "SDN", "MIL", "SDNMIL")),
        ("Hemedti", "2024-01-01", ("Mohamed Hamdan Dagalo", "SDN", "REB", "SDNREB")),
        ("Hibatullah Akhundzada", "2019-01-01", ("Hibatullah Akhundzada", "AFG", "REB", "AFGREB")),
        ("Hibatullah Akhundzada", "2023-01-01", ("Hibatullah Akhundzada", "AFG", "GOV", "AFGGOV")),
        ("Abu Mohammad al-Jolani", "2020-01-01", ("Ahmed al-Sharaa", "SYR", "REB", "SYRREB")),
        ("Ahmed al-Sharaa", "2025-03-01", ("Ahmed al-Sharaa", "SYR", "GOV", "SYRGOV")),
        ("Abu Bakr al-Baghdadi", "2015-01-01", ("Abu Bakr al-Baghdadi", None, "REB", "IMGREB")),
        ("Hassan Nasrallah", "2006-07-20", ("Hassan Nasrallah", "LBN", "REB", "LBNREB")),
        ("Ismail Haniyeh", "2006-06-01", ("Ismail Haniyeh", "PSE", "GOV", "PSEGOV")),
        ("Ismail Haniyeh", "2020-06-01", ("Ismail Haniyeh", "PSE", "REB", "PSEREB")),
        ("Riek Machar", "2015-01-01", ("Riek Machar", "SSD", "REB", "SSDREB")),
        ("Abdul-Malik al-Houthi", "2020-01-01", ("Abdul-Malik al-Houthi", "YEM", "REB", "YEMREB")),
        ("Ahmed Diriye", "2020-01-01", ("Ahmed Diriye", "SOM", "REB", "SOMREB")),
        ("Min Aung Hlaing", "2022-01-01", ("Min Aung Hlaing", "MMR", "GOV", "MMRGOV")),
        ("Min Aung Hlaing", "2018-01-01", ("Min Aung Hlaing", "MMR", "MIL", "MMRMIL")),
        ("Juan Guaidó", "2019-03-01", ("Juan Guaidó", "VEN", "OPP", "VENOPP")),
        ("Timochenko", "2014-01-01", ("Rodrigo Londoño", "COL", "REB", "COLREB")),
        ("Timochenko", "2019-01-01", ("Rodrigo Londoño", "COL", "PTY", "COLPTY")),
    ],
)
def test_actors_people_role_by_date(name, on, expected):
    person = lookup_person(name, on=_day(on))
    assert (person.name, person.country, person.sector, person.code) == expected
    assert person.in_office


@pytest.mark.parametrize(
    ("name", "on", "expected"),
    [
        # Between the two terms: still the American, but in no office.
        ("Donald Trump", "2022-03-01", ("USA", None, "USA")),
        # Before taking office: the country of the nearest spell.
        ("Emmanuel Macron", "2010-01-01", ("FRA", None, "FRA")),
        # After an IGO post: no country at all (the post was not a state's).
        ("Kofi Annan", "2015-01-01", (None, None, None)),
        ("Hassan Nasrallah", "2025-01-01", ("LBN", None, "LBN")),
    ],
)
def test_actors_people_out_of_office_keeps_the_person_without_a_sector(name, on, expected):
    person = lookup_person(name, on=_day(on))
    assert (person.country, person.sector, person.code) == expected
    assert not person.in_office


@pytest.mark.parametrize(
    ("name", "role", "start"),
    [
        ("Donald Trump", "President of the United States", "2025-01-20"),
        ("Ursula von der Leyen", "President of the European Commission", "2019-12-01"),
        ("Hibatullah Akhundzada", "Supreme Leader of Afghanistan", "2021-08-15"),
        ("Joe Biden", "President of the United States", "2021-01-20"),
        ("Kofi Annan", "UN-Arab League Special Envoy for Syria", "2012-02-23"),
    ],
)
def test_actors_people_without_a_date_takes_the_latest_spell(name, role, start):
    person = lookup_person(name)
    assert (person.role, person.start) == (role, _day(start))


def test_actors_people_a_shared_name_is_resolved_by_the_date():
    def spell(name: str, country: str, start: str, end: str) -> PersonRole:
        return PersonRole(name=name, country=country, sector="GOV", role=None, wikidata=None,
                          start=_day(start), end=_day(end))

    index = PeopleIndex.build([
        (["Ali Hassan", "Hassan"], [spell("Ali Hassan", "IRQ", "2001-01-01", "2005-12-31")]),
        (["Omar Hassan", "Hassan"], [spell("Omar Hassan", "SDN", "2010-01-01", "2015-12-31")]),
    ])
    assert index.lookup("Hassan", on=dt.date(2003, 1, 1)).name == "Ali Hassan"
    assert index.lookup("Hassan", on=dt.date(2012, 1, 1)).name == "Omar Hassan"
    assert index.lookup("Hassan", on=dt.date(2008, 1, 1)) is None  # neither in office
    assert index.lookup("Hassan") is None  # no date: ambiguous
    assert index.lookup("Omar Hassan").country == "SDN"


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Al-Sarraj", "Fayez al-Sarraj"),
        ("al-Sarraj", "Fayez al-Sarraj"),
        ("Sarraj", "Fayez al-Sarraj"),
        ("Serraj", "Fayez al-Sarraj"),
        ("Fayez al Sarraj", "Fayez al-Sarraj"),
        ("Fayez Sarraj", "Fayez al-Sarraj"),
        ("FAYEZ AL-SARRAJ", "Fayez al-Sarraj"),
        ("Hifter", "Khalifa Haftar"),
        ("Field Marshal Khalifa Haftar", "Khalifa Haftar"),
        ("Haftar's", "Khalifa Haftar"),
        ("Abdel Fattah al-Sisi", "Abdel Fattah el-Sisi"),
        ("Abdel Fattah Sisi", "Abdel Fattah el-Sisi"),
        ("Erdogan", "Recep Tayyip Erdoğan"),
        ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
        ("Francois Hollande", "François Hollande"),
        ("Luiz Inacio Lula da Silva", "Luiz Inácio Lula da Silva"),
        ("Lula", "Luiz Inácio Lula da Silva"),
        ("Zelensky", "Volodymyr Zelenskyy"),
        ("Vladimir Zelensky", "Volodymyr Zelenskyy"),
        ("MBS", "Mohammed bin Salman"),
        ("Abu Mazen", "Mahmoud Abbas"),
        ("Hemedti", "Mohamed Hamdan Dagalo"),
        ("Gaddafi", "Muammar Gaddafi"),
        ("Moammar Gadhafi", "Muammar Gaddafi"),
        ("Joseph R. Biden", "Joe Biden"),
        ("J.D. Vance", "JD Vance"),
        ("Yar'Adua", "Umaru Musa Yar'Adua"),
        ("Yar’Adua", "Umaru Musa Yar'Adua"),
    ],
)
def test_actors_people_aliases_and_spellings(written, canonical):
    assert lookup_person(written).name == canonical


@pytest.mark.parametrize(
    "name",
    [
        "John Smith",  # unknown
        "Fayez",  # a first name alone is not listed
        "Assimi",  # idem
        "haftar",  # a lower-case single word is a word, not a surname
        "trump",
        "Trump Tower",
        "May",  # Theresa May's surname is an English word: not an alias
        "Johnson",  # too common a surname to be listed
        "",
    ],
)
def test_actors_people_unknown_names_match_nobody(name):
    assert lookup_person(name) is None


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("2019", False, dt.date(2019, 1, 1)),
        ("2019", True, dt.date(2019, 12, 31)),
        ("2024-02", True, dt.date(2024, 2, 29)),
        ("2024-02", False, dt.date(2024, 2, 1)),
        ("2019-05-23", True, dt.date(2019, 5, 23)),
        ("", True, None),
    ],
)
def test_actors_people_parse_bound(text, end, expected):
    assert parse_bound(text, end=end) == expected


@pytest.mark.parametrize("text", ["19", "2019/05/23", "2019-13", "2019-02-30", "May 2019"])
def test_actors_people_parse_bound_rejects_bad_dates(text):
    with pytest.raises(ValueError):
        parse_bound(text, end=False)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Al-Sarraj", "al sarraj"),
        ("Recep Tayyip Erdoğan’s", "recep tayyip erdogan"),
        ("J.D. Vance", "j d vance"),
        ("the  Haftar", "haftar"),
    ],
)
def test_actors_people_name_key(text, key):
    assert name_key(text) == key


def _table_rows() -> list[list[str]]:
    text = resources.files("eventcoder.actors").joinpath("data", "people.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if not line.startswith("#")]


def test_actors_people_table_covers_the_brief():
    rows = _table_rows()
    assert len(rows) >= 400
    assert all(len(row) == 9 for row in rows)
    countries = {row[3] for row in rows}
    g20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR",
           "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA", "EUR", "AFR"}
    conflict = {"LBY", "SYR", "YEM", "SDN", "SSD", "SOM", "AFG", "IRQ", "UKR", "ISR", "PSE", "LBN",
                "IRN", "ETH", "COD", "MLI", "BFA", "NER", "NGA", "MMR", "VEN", "COL"}
    assert g20 | conflict <= countries
    assert {row[4] for row in rows} >= {"GOV", "MIL", "REB", "IGO", "OPP", "SPY", "LEG"}


def test_actors_people_regeneration_is_byte_identical(builder, tmp_path):
    path = builder.build_people(out=tmp_path)
    package = resources.files("eventcoder.actors").joinpath("data", "people.tsv")
    assert path.read_bytes() == package.read_bytes()


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Jane Roe\t\t\tZZZ\tGOV\tPresident\t2001\t", "unknown country or region 'ZZZ'"),
        ("Jane Roe\t\t\tFRA\tBOSS\tPresident\t2001\t", "unknown sector 'BOSS'"),
        ("Jane Roe\t\tX12\tFRA\tGOV\tPresident\t2001\t", "bad Wikidata id 'X12'"),
        ("Jane Roe\t\t\tFRA\tGOV\tPresident\t2001-13-01\t", "bad date"),
        ("Jane Roe\t\t\tFRA\tGOV\tPresident\t2005\t2001", "the spell needs a start, before its end"),
        ("Jane Roe\tHaftar\t\tFRA\tGOV\tPresident\t2001\t", "'haftar' names both"),
        ("Emmanuel Macron\t\t\tFRA\tGOV\tPrime Minister\t2018\t2019", "overlaps the spell"),
        ("Jane Roe\t\t\tFRA\tGOV", "5 columns"),
    ],
)
def test_actors_people_build_rejects_bad_rows(builder, tmp_path, line, problem):
    src = tmp_path / "src"
    shutil.copytree(ROOT / "data" / "actors-src", src)
    with (src / "people.tsv").open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    with pytest.raises(builder.BuildError, match=problem):
        builder.build_people(src=src, out=tmp_path / "out")
