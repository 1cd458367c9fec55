"""Tests of eventcoder.actors.tables and of the generator that builds its data."""

from __future__ import annotations

import csv
import shutil
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from eventcoder.actors.tables import (
    CountryMatch,
    country_name,
    longest_sector_in,
    lookup_country,
    lookup_organization,
    lookup_sector,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PACKAGE_TABLES = ("countries.tsv", "country_keys.tsv", "sectors.tsv", "organizations.tsv")



def _package_rows(name: str) -> list[list[str]]:
    text = resources.files("eventcoder.actors").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if not line.startswith("#")]


@pytest.mark.parametrize(
    ("phrase", "iso3"),
    [
        ("Libya", "LBY"),
        ("Libya's", "LBY"),
        ("France\u2019s", "FRA"),
        ("Philippines'", "PHL"),
        ("LIBYA", "LBY"),
        ("the United States", "USA"),
        ("United States of America", "USA"),
        ("America", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("the U.S.'s", "USA"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("U.K.", "GBR"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("North Korea", "PRK"),
        ("South Korea", "KOR"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d\u2019Ivoire", "CIV"),
        ("Burma", "MMR"),
        ("Czech Republic", "CZE"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("TURKEY", "TUR"),
        ("Vatican", "VAT"),
        ("Holy See", "VAT"),
        ("Palestinian territories", "PSE"),
        ("Gaza", "PSE"),
        ("West Bank", "PSE"),
        ("Taiwan", "TWN"),
        ("Kosovo", "XKX"),
        ("Democratic Republic of Congo", "COD"),
        ("DR Congo", "COD"),
        ("Congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("Guinea-Bissau", "GNB"),
        ("Guinea Bissau", "GNB"),
        ("The Gambia", "GMB"),
        ("St. Lucia", "LCA"),
        ("Saint Kitts & Nevis", "KNA"),
        ("United Arab Emirates", "ARE"),
        ("UAE", "ARE"),
    ],
)
def test_actors_tables_country_names(phrase, iso3):
    assert lookup_country(phrase) == CountryMatch(iso3, "name")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Libyan", CountryMatch("LBY", "adjective")),
        ("Libyans", CountryMatch("LBY", "demonym")),
        ("LIBYAN", CountryMatch("LBY", "adjective")),
        ("Emirati", CountryMatch("ARE", "adjective")),
        ("Emiratis", CountryMatch("ARE", "demonym")),
        ("Congolese", CountryMatch("COD", "adjective")),
        ("Ivorian", CountryMatch("CIV", "adjective")),
        ("Ivorians'", CountryMatch("CIV", "demonym")),
        ("French", CountryMatch("FRA", "adjective")),
        ("Frenchmen", CountryMatch("FRA", "demonym")),
        ("American", CountryMatch("USA", "adjective")),
        ("Americans", CountryMatch("USA", "demonym")),
        ("Korean", CountryMatch("KOR", "adjective")),
        ("North Korean", CountryMatch("PRK", "adjective")),
        ("Dominican", CountryMatch("DOM", "adjective")),
        ("Saudi", CountryMatch("SAU", "adjective")),
        ("Filipinos", CountryMatch("PHL", "demonym")),
        ("Kosovar", CountryMatch("XKX", "adjective")),
        ("Palestinians", CountryMatch("PSE", "demonym")),
        ("Polish", CountryMatch("POL", "adjective")),
        ("Soviet", CountryMatch("RUS", "adjective")),
        ("Bissau-Guinean", CountryMatch("GNB", "adjective")),
        ("Burkinabè", CountryMatch("BFA", "adjective")),
    ],
)
def test_actors_tables_country_adjectives_and_demonyms(phrase, expected):
    assert lookup_country(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "iso3"),
    [
        ("Tripoli", "LBY"),
        ("Washington", "USA"),
        ("Moscow", "RUS"),
        ("Beijing", "CHN"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Tehran", "IRN"),
        ("Damascus", "SYR"),
        ("Ankara", "TUR"),
        ("Paris", "FRA"),
        ("London", "GBR"),
        ("Brussels", "BEL"),
        ("Bogotá", "COL"),
        ("Bogota", "COL"),
        ("N'Djamena", "TCD"),
        ("Ndjamena", "TCD"),
        ("The Hague", "NLD"),
        ("Kinshasa", "COD"),
        ("Brazzaville", "COG"),
        ("Pristina", "XKX"),
    ],
)
def test_actors_tables_capitals(phrase, iso3):
    assert lookup_country(phrase) == CountryMatch(iso3, "capital")


@pytest.mark.parametrize(
    "phrase",
    ["us", "Us", "un", "is", "turkey", "china", "polish", "poles", "male", "Malé", "", "the",
     "Libyaa", "Europe", "President"],
)
def test_actors_tables_country_rejects_ordinary_words(phrase):
    assert lookup_country(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("president", "GOV"),
        ("Presidents", "GOV"),
        ("prime minister", "GOV"),
        ("Prime Minister's", "GOV"),
        ("vice-president", "GOV"),
        ("the authorities", "GOV"),
        ("foreign ministers", "GOV"),
        ("Interior Ministry", "GOV"),
        ("state department", "GOV"),
        ("field marshal", "MIL"),
        ("Field Marshall", "MIL"),
        ("soldiers", "MIL"),
        ("troops", "MIL"),
        ("government forces", "MIL"),
        ("security forces", "COP"),
        ("policemen", "COP"),
        ("police spokesman", "COP"),
        ("rebels", "REB"),
        ("rebel leader", "REB"),
        ("rebel commanders", "REB"),
        ("opposition leader", "OPP"),
        ("gunmen", "UAF"),
        ("protesters", "CVL"),
        ("people", "CVL"),
        ("students", "EDU"),
        ("court", "JUD"),
        ("special counsels", "JUD"),
        ("lawmakers", "LEG"),
        ("MPs", "LEG"),
        ("political party", "PTY"),
        ("journalists", "MED"),
        ("doctors", "HLH"),
        ("trade union", "LAB"),
        ("refugees", "REF"),
        ("cleric", "REL"),
        ("aid workers", "NGO"),
        ("intelligence agency", "SPY"),
        ("smugglers", "CRM"),
        ("drug cartel", "CRM"),
    ],
)
def test_actors_tables_sector_lookup(phrase, sector):
    assert lookup_sector(phrase) == sector


@pytest.mark.parametrize("phrase", ["spokesman", "general election", "weather", "", "religious"])
def test_actors_tables_sector_lookup_rejects_non_roles(phrase):
    assert lookup_sector(phrase) is None


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["French", "President", "Emmanuel", "Macron"], (1, 2, "GOV")),
        (["Libyan", "\u201c", "Field", "Marshall", "\u201d", "Khalifa", "Haftar"], (2, 4, "MIL")),
        (["Libya", "'s", "Interior", "Ministry"], (2, 4, "GOV")),
        (["Interior", "Ministry", "spokesman"], (1, 3, "GOV")),
        (["Kremlin", "spokesman", "Dmitry", "Peskov"], None),
        (["Libyan", "police", "officers"], (1, 3, "COP")),
        (["the", "rebel", "commander", "'s", "men"], (1, 3, "REB")),
        (["Prime", "Minister", "Fayez", "Al-Sarraj"], (0, 2, "GOV")),
        (["vice", "-", "president"], (0, 3, "GOV")),
        (["rebel", "leader"], (0, 2, "REB")),
        (["opposition", "fighters"], (1, 2, "REB")),
        (["Army", "General", "Khalifa"], (1, 2, "MIL")),
        (["European", "Union", "officials"], (2, 3, "GOV")),
        (["the", "general", "election"], None),
        (["Emmanuel", "Macron"], None),
        ([], None),
    ],
)
def test_actors_tables_longest_sector_in(words, expected):
    assert longest_sector_in(words) == expected


@pytest.mark.parametrize(
    ("phrase", "name", "country", "sector", "code"),
    [
        ("United Nations", "United Nations", "UNO", "IGO", "IGOUNO"),
        ("UN", "United Nations", "UNO", "IGO", "IGOUNO"),
        ("U.N.", "United Nations", "UNO", "IGO", "IGOUNO"),
        ("the UN's", "United Nations", "UNO", "IGO", "IGOUNO"),
        ("Security Council", "UN Security Council", "UNO", "IGO", "IGOUNOSEC"),
        ("U.N. Security Council", "UN Security Council", "UNO", "IGO", "IGOUNOSEC"),
        ("Taliban", "Taliban", "AFG", "REB", "AFGREB"),
        ("the Taliban", "Taliban", "AFG", "REB", "AFGREB"),
        ("NATO", "NATO", "WST", "IGO", "IGOWSTNAT"),
        ("Nato", "NATO", "WST", "IGO", "IGOWSTNAT"),
        ("EU", "European Union", "EUR", "IGO", "IGOEUREEC"),
        ("African Union", "African Union", "AFR", "IGO", "IGOAFRAFU"),
        ("Hamas", "Hamas", "PSE", "REB", "PSEREB"),
        ("Hezbollah", "Hezbollah", "LBN", "REB", "LBNREB"),
        ("ISIS", "Islamic State", None, "REB", "IMGREB"),
        ("IS", "Islamic State", None, "REB", "IMGREB"),
        ("Daesh", "Islamic State", None, "REB", "IMGREB"),
        ("al-Qaeda", "Al-Qaeda", None, "REB", "IMGREB"),
        ("Al Qaeda", "Al-Qaeda", None, "REB", "IMGREB"),
        ("LNA", "Libyan National Army", "LBY", "MIL", "LBYMIL"),
        ("Libyan National Army", "Libyan National Army", "LBY", "MIL", "LBYMIL"),
        ("Government of National Accord", "Government of National Accord", "LBY", "GOV", "LBYGOV"),
        ("Houthis", "Houthis", "YEM", "REB", "YEMREB"),
        ("Red Cross", "International Committee of the Red Cross", None, "NGO", "NGOHLHIRC"),
        ("Doctors Without Borders", "Doctors Without Borders", None, "NGO", "NGOHLHMSF"),
        ("Élysée Palace", "Elysee", "FRA", "GOV", "FRAGOV"),
        ("RSF", "Rapid Support Forces", "SDN", "REB", "SDNREB"),
        ("M23", "M23", "COD", "REB", "CODREB"),
        ("WHO", "World Health Organization", "UNO", "IGO", "IGOUNOWHO"),
    ],
)
def test_actors_tables_organizations(phrase, name, country, sector, code):
    org = lookup_organization(phrase)
    assert (org.name, org.country, org.sector, org.code) == (name, country, sector, code)


@pytest.mark.parametrize("phrase", ["un", "is", "who", "Who", "amnesty", "red cross", "security council", "Libya"])
def test_actors_tables_organizations_reject_ordinary_words(phrase):
    assert lookup_organization(phrase) is None


@pytest.mark.parametrize(
    ("code", "name"),
    [("LBY", "Libya"), ("USA", "United States"), ("CIV", "Côte d'Ivoire"), ("RUS", "Russia"),
     ("COD", "Democratic Republic of the Congo"), ("XKX", "Kosovo"), ("UNO", "United Nations")],
)
def test_actors_tables_country_name(code, name):
    assert country_name(code) == name


def test_actors_tables_country_name_unknown_code():
    with pytest.raises(KeyError):
        country_name("ZZZ")


def test_actors_tables_every_country_has_adjective():
    adjectives = {row[0]: row[2] for row in _package_rows("countries.tsv") if row[3] == "country"}
    missing = [c.alpha_3 for c in pycountry.countries if not adjectives.get(c.alpha_3)]
    assert len(list(pycountry.countries)) == 249
    assert missing == []


def test_actors_tables_every_adjective_resolves_to_its_country():
    for code, _name, adjective, kind in _package_rows("countries.tsv"):
        if kind == "country" and code not in {"COG", "DMA"}:  # their adjectives yield to COD, DOM
            assert lookup_country(adjective).iso3 == code, adjective


def test_actors_tables_regeneration_is_byte_identical(builder, tmp_path):
    builder.build(out=tmp_path)
    package = resources.files("eventcoder.actors").joinpath("data")
    for name in PACKAGE_TABLES:
        assert (tmp_path / name).read_bytes() == package.joinpath(name).read_bytes(), name
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(PACKAGE_TABLES)


@pytest.mark.parametrize(
    ("table", "line", "problem"),
    [
        ("capitals.tsv", "FRA\tTripoli", "ambiguous 'tripoli'"),
        ("capitals.tsv", "ZZZ\tNowhere", "unknown country code 'ZZZ'"),
        ("sectors.tsv", "warden|wardens\tPRISON", "unknown sector 'PRISON'"),
        ("sectors.tsv", "soldier\tCVL", "'soldier' is both"),
        ("country_names.tsv", "FRA\t\tMay", "would match the word 'may'"),
        ("organizations.tsv", "Taliban Movement|Taliban\tAFG\tREB\tAFGREB", "ambiguous 'taliban'"),
    ],
)
def test_actors_tables_build_rejects_bad_sources(builder, tmp_path, table, line, problem):
    src = tmp_path / "src"
    shutil.copytree(ROOT / "data" / "actors-src", src)
    with (src / table).open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    with pytest.raises(builder.BuildError, match=problem):
        builder.build(src=src, out=tmp_path / "out")


def test_actors_tables_agree_with_shared_nationalities():
    """Adjectives/demonyms in the shared reference that our tables give to another country.

    The reference lists sovereign states only and folds dependent territories into them
    ("Greenlandic" -> DNK); we code territories by their own ISO code, so a term we give to a
    country the reference does not list is a territory, reported but not a disagreement.
    """
    reference = SHARED / "data" / "reference" / "countries.csv"
    if not reference.exists():
        pytest.skip(f"{reference} is absent (no shared/ beside the project)")
    with reference.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    states = {row["CCA3"] for row in rows}
    disagreements, territories = [], []
    for row in rows:
        for term in (t.strip() for t in row["Nationality"].split(",")):
            match = lookup_country(term) if term else None
            if match is not None and match.iso3 != row["CCA3"]:
                found = f"{term!r}: reference {row['CCA3']}, ours {match.iso3}"
                (disagreements if match.iso3 in states else territories).append(found)
    print(f"{len(territories)} territory terms coded apart; disagreements:")
    print("\n".join(disagreements))
    assert len(territories) < 120
    assert len(disagreements) <= 3, disagreements
