"""Event dates from the publication date and the date words of a sentence (standard library only).

    >>> resolve_date("on Wednesday", date(2019, 5, 23))      # a Thursday
    DateResolution(date=datetime.date(2019, 5, 22), precision='day')
    >>> resolve_date("exactly two weeks after", date(2019, 5, 23), anchor=date(2019, 5, 8))
    DateResolution(date=datetime.date(2019, 5, 22), precision='day')

``find_date_expressions`` finds the candidates in a sentence, each with its ``kind``; the coder
picks the one nearest its trigger and resolves it with ``resolve_date`` (anchored offsets need the
date of the event they count from). ``offset_relation`` dates the event inside an
"N weeks after <clause>" from the event outside it.
"""

from ._rules import (
    KINDS,
    DateExpression,
    DateResolution,
    find_date_expressions,
    offset_relation,
    resolve_date,
)

__all__ = [
    "KINDS", "DateExpression", "DateResolution", "find_date_expressions", "offset_relation",
    "resolve_date",
]
