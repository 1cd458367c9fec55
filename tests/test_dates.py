"""eventcoder.dates: resolving date expressions against the publication date, finding them."""

from __future__ import annotations

from datetime import date

import pytest

from eventcoder.dates import DateResolution, find_date_expressions, resolve_date

THURSDAY = date(2019, 5, 23)


@pytest.mark.parametrize(
    ("expression", "expected", "precision"),
    [
        # weekdays: the most recent on or before publication, the day itself included
        ("on Wednesday", date(2019, 5, 22), "day"),
        ("Wednesday", date(2019, 5, 22), "day"),
        ("this Wednesday", date(2019, 5, 22), "day"),
        ("on Thursday", date(2019, 5, 23), "day"),
        ("on Friday", date(2019, 5, 17), "day"),
        ("last Thursday", date(2019, 5, 16), "day"),
        ("last Wednesday", date(2019, 5, 22), "day"),
        ("this past Thursday", date(2019, 5, 16), "day"),
        ("next Monday", date(2019, 5, 27), "day"),
        ("late Monday night", date(2019, 5, 20), "day"),
        ("ON WEDNESDAY", date(2019, 5, 22), "day"),
        # day words
        ("today", date(2019, 5, 23), "day"),
        ("tonight", date(2019, 5, 23), "day"),
        ("earlier today", date(2019, 5, 23), "day"),
        ("this morning", date(2019, 5, 23), "day"),
        ("yesterday", date(2019, 5, 22), "day"),
        ("yesterday afternoon", date(2019, 5, 22), "day"),
        ("last night", date(2019, 5, 22), "day"),
        ("the day before yesterday", date(2019, 5, 21), "day"),
        ("tomorrow", date(2019, 5, 24), "day"),
        # periods
        ("last week", date(2019, 5, 16), "week"),
        ("earlier this week", date(2019, 5, 23), "week"),
        ("next week", date(2019, 5, 30), "week"),
        ("last month", date(2019, 4, 1), "month"),
        ("this month", date(2019, 5, 1), "month"),
        ("the end of last month", date(2019, 4, 1), "month"),
        ("last year", date(2018, 1, 1), "year"),
        ("over the weekend", date(2019, 5, 18), "week"),
        ("last weekend", date(2019, 5, 18), "week"),
        # explicit dates
        ("May 8", date(2019, 5, 8), "day"),
        ("8 May", date(2019, 5, 8), "day"),
        ("on 8th of May", date(2019, 5, 8), "day"),
        ("May 8, 2019", date(2019, 5, 8), "day"),
        ("8 May 2017", date(2017, 5, 8), "day"),
        ("Aug. 8", date(2019, 8, 8), "day"),
        ("on 2019-05-08", date(2019, 5, 8), "day"),
        ("in March 2019", date(2019, 3, 1), "month"),
        ("Sept 2018", date(2018, 9, 1), "month"),
        ("in 2018", date(2018, 1, 1), "year"),
        ("March", date(2019, 3, 1), "month"),
        ("in mid-March", date(2019, 3, 1), "month"),
        ("in May", date(2019, 5, 1), "month"),
        ("June", date(2018, 6, 1), "month"),
        ("last March", date(2019, 3, 1), "month"),
        ("last May", date(2018, 5, 1), "month"),
        ("next January", date(2020, 1, 1), "month"),
        # offsets
        ("two weeks ago", date(2019, 5, 9), "week"),
        ("three days ago", date(2019, 5, 20), "day"),
        ("10 days ago", date(2019, 5, 13), "day"),
        ("several weeks ago", date(2019, 5, 2), "week"),
        ("a few days ago", date(2019, 5, 20), "day"),
        ("a couple of days ago", date(2019, 5, 21), "day"),
        ("a month ago", date(2019, 4, 1), "month"),
        ("six months ago", date(2018, 11, 1), "month"),
        ("two years ago", date(2017, 1, 1), "year"),
    ],
)
def test_dates_resolve_against_publication(expression, expected, precision):
    assert resolve_date(expression, THURSDAY) == DateResolution(expected, precision)


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("on Wednesday", date(2019, 5, 22), date(2019, 5, 22)),  # published on a Wednesday
        ("on Sunday", date(2019, 1, 2), date(2018, 12, 30)),  # across the new year
        ("Dec 30", date(2019, 1, 3), date(2018, 12, 30)),  # nearest year is the last one
        ("Jan 2", date(2018, 12, 30), date(2019, 1, 2)),
        ("March", date(2019, 1, 15), date(2018, 3, 1)),
        ("last month", date(2019, 1, 15), date(2018, 12, 1)),
        ("a month ago", date(2019, 3, 31), date(2019, 2, 1)),
        ("last weekend", date(2019, 5, 26), date(2019, 5, 18)),  # on a Sunday: the one before
        ("over the weekend", date(2019, 5, 26), date(2019, 5, 25)),
        ("Feb 29", date(2020, 3, 10), date(2020, 2, 29)),
    ],
)
def test_dates_resolve_edges_of_weeks_and_years(expression, published, expected):
    result = resolve_date(expression, published)
    assert result is not None and result.date == expected


@pytest.mark.parametrize(
    "expression",
    ["", "garbage", "2019-02-30", "February 30, 2019", "the meeting", "two weeks after", "five"],
)
def test_dates_resolve_returns_none_for_non_dates(expression):
    assert resolve_date(expression, THURSDAY) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "PARIS, French President Emmanuel Macron on Wednesday met here with Haftar.",
            ["on Wednesday"],
        ),
        (
            "The meeting comes exactly two weeks after Macron received Al-Sarraj who accused "
            "France several weeks ago of supporting Haftar.",
            ["several weeks ago"],
        ),
        (
            "Clashes erupted late Monday night and again over the weekend, in mid-March and on "
            "8th of May.",
            ["late Monday night", "over the weekend", "in mid-March", "on 8th of May"],
        ),
        (
            "Talks held on May 8, 2019 failed; new ones start next week.",
            ["on May 8, 2019", "next week"],
        ),
        ("In 2018, police arrested 2018 people.", ["In 2018"]),
        ("Yesterday, on 2019-05-08, troops moved in.", ["Yesterday", "on 2019-05-08"]),
        # a name or a verb is not a month; a bare number is not a year
        ("Theresa May said troops may march into the town.", []),
        ("About 2000 people marched in Cairo.", []),
        ("Fighting has gone on for two months.", []),
    ],
)
def test_dates_find_expressions_in_a_sentence(sentence, expected):
    found = find_date_expressions(sentence)
    assert [text for _, _, text in found] == expected
    assert all(sentence[start:end] == text for start, end, text in found)


def test_dates_find_then_resolve_round_trip():
    sentence = "Macron on Wednesday recalled the talks of May 8 and the attack three days ago."
    resolved = [resolve_date(text, THURSDAY) for _, _, text in find_date_expressions(sentence)]
    assert resolved == [
        DateResolution(date(2019, 5, 22), "day"),
        DateResolution(date(2019, 5, 8), "day"),
        DateResolution(date(2019, 5, 20), "day"),
    ]
