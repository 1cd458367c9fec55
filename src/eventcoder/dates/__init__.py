"""Event dates from the publication date and the date words of a sentence (standard library only).

    >>> resolve_date("on Wednesday", date(2019, 5, 23))      # a Thursday
    DateResolution(date=datetime.date(2019, 5, 22), precision='day')

``find_date_expressions`` finds the candidates in a sentence; the coder picks the one nearest
its trigger and resolves it with ``resolve_date``.
"""

from ._rules import DateResolution, find_date_expressions, resolve_date

__all__ = ["DateResolution", "find_date_expressions", "resolve_date"]
