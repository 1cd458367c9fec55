"""Casualty figures from a sentence: dead, injured, arrested, displaced, missing (stdlib only).

    >>> counts = extract_counts("Two soldiers died and 12 were wounded.")
    >>> counts.fatalities, counts.injured, counts.arrested
    (2, 12, None)
"""

from ._extract import COUNT_FIELDS, Counts, extract_counts

__all__ = ["COUNT_FIELDS", "Counts", "extract_counts"]
