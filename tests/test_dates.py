"""eventcoder.dates: resolving date expressions against the publication date, finding them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from eventcoder.dates import (
    KINDS,
    DateResolution,
    find_date_expressions,
    offset_relation,
    resolve_date,
)

THURSDAY = date(2019, 5, 23)  # the canonical story's publication date
SUNDAY = date(2023, 10, 8)
MONDAY = date(2021, 3, 1)
NEW_YEAR = date(2020, 1, 2)  # a Thursday
D = date

# (expression, publication date, anchor, expected date, precision): our own table.
TABLE = [
    # weekdays: the most recent on or before publication, the day itself included
    ("on Wednesday", THURSDAY, None, D(2019, 5, 22), "day"),
    ("Wednesday", THURSDAY, None, D(2019, 5, 22), "day"),
    ("this Wednesday", THURSDAY, None, D(2019, 5, 22), "day"),
    ("on Thursday", THURSDAY, None, D(2019, 5, 23), "day"),
    ("on Friday", THURSDAY, None, D(2019, 5, 17), "day"),
    ("on Monday", THURSDAY, None, D(2019, 5, 20), "day"),
    ("Tuesday", THURSDAY, None, D(2019, 5, 21), "day"),
    ("on Sunday", THURSDAY, None, D(2019, 5, 19), "day"),
    ("on Saturday", THURSDAY, None, D(2019, 5, 18), "day"),
    ("last Thursday", THURSDAY, None, D(2019, 5, 16), "day"),
    ("last Wednesday", THURSDAY, None, D(2019, 5, 22), "day"),
    ("last Friday", THURSDAY, None, D(2019, 5, 17), "day"),
    ("this past Thursday", THURSDAY, None, D(2019, 5, 16), "day"),
    ("next Monday", THURSDAY, None, D(2019, 5, 27), "day"),
    ("next Friday", THURSDAY, None, D(2019, 5, 24), "day"),
    ("next Thursday", THURSDAY, None, D(2019, 5, 30), "day"),
    ("late Monday night", THURSDAY, None, D(2019, 5, 20), "day"),
    ("late on Wednesday", THURSDAY, None, D(2019, 5, 22), "day"),
    ("early Sunday", THURSDAY, None, D(2019, 5, 19), "day"),
    ("on Friday night", THURSDAY, None, D(2019, 5, 17), "day"),
    ("Saturday morning", THURSDAY, None, D(2019, 5, 18), "day"),
    ("Tuesday evening", THURSDAY, None, D(2019, 5, 21), "day"),
    ("ON WEDNESDAY", THURSDAY, None, D(2019, 5, 22), "day"),
    ("on Saturday", SUNDAY, None, D(2023, 10, 7), "day"),
    ("on Sunday", SUNDAY, None, D(2023, 10, 8), "day"),
    ("on Monday", SUNDAY, None, D(2023, 10, 2), "day"),
    ("last Sunday", SUNDAY, None, D(2023, 10, 1), "day"),
    ("this past Saturday", SUNDAY, None, D(2023, 10, 7), "day"),
    ("next Monday", SUNDAY, None, D(2023, 10, 9), "day"),
    ("on Friday", MONDAY, None, D(2021, 2, 26), "day"),
    ("on Sunday", MONDAY, None, D(2021, 2, 28), "day"),
    ("Monday", MONDAY, None, D(2021, 3, 1), "day"),
    ("last Monday", MONDAY, None, D(2021, 2, 22), "day"),
    ("on Tuesday", NEW_YEAR, None, D(2019, 12, 31), "day"),
    ("on Sunday", D(2019, 1, 2), None, D(2018, 12, 30), "day"),
    ("on Wednesday", D(2019, 5, 22), None, D(2019, 5, 22), "day"),
    # today, yesterday, last night
    ("today", THURSDAY, None, D(2019, 5, 23), "day"),
    ("earlier today", THURSDAY, None, D(2019, 5, 23), "day"),
    ("tonight", THURSDAY, None, D(2019, 5, 23), "day"),
    ("this morning", THURSDAY, None, D(2019, 5, 23), "day"),
    ("this afternoon", THURSDAY, None, D(2019, 5, 23), "day"),
    ("yesterday", THURSDAY, None, D(2019, 5, 22), "day"),
    ("late yesterday", THURSDAY, None, D(2019, 5, 22), "day"),
    ("yesterday afternoon", THURSDAY, None, D(2019, 5, 22), "day"),
    ("yesterday morning", THURSDAY, None, D(2019, 5, 22), "day"),
    ("last night", THURSDAY, None, D(2019, 5, 22), "day"),
    ("late last night", THURSDAY, None, D(2019, 5, 22), "day"),
    ("the day before yesterday", THURSDAY, None, D(2019, 5, 21), "day"),
    ("tomorrow", THURSDAY, None, D(2019, 5, 24), "day"),
    ("the day after tomorrow", THURSDAY, None, D(2019, 5, 25), "day"),
    ("yesterday", SUNDAY, None, D(2023, 10, 7), "day"),
    ("yesterday", MONDAY, None, D(2021, 2, 28), "day"),
    ("yesterday", D(2016, 3, 1), None, D(2016, 2, 29), "day"),
    ("the day before yesterday", NEW_YEAR, None, D(2019, 12, 31), "day"),
    ("yesterday", THURSDAY, D(2019, 1, 1), D(2019, 5, 22), "day"),  # an anchor changes nothing
    # last / this / next week, month, year; earlier this ...
    ("last week", THURSDAY, None, D(2019, 5, 16), "week"),
    ("this week", THURSDAY, None, D(2019, 5, 23), "week"),
    ("earlier this week", THURSDAY, None, D(2019, 5, 23), "week"),
    ("next week", THURSDAY, None, D(2019, 5, 30), "week"),
    ("the past week", THURSDAY, None, D(2019, 5, 16), "week"),
    ("last week", SUNDAY, None, D(2023, 10, 1), "week"),
    ("last week", MONDAY, None, D(2021, 2, 22), "week"),
    ("last month", THURSDAY, None, D(2019, 4, 1), "month"),
    ("this month", THURSDAY, None, D(2019, 5, 1), "month"),
    ("earlier this month", THURSDAY, None, D(2019, 5, 1), "month"),
    ("later this month", THURSDAY, None, D(2019, 5, 1), "month"),
    ("next month", THURSDAY, None, D(2019, 6, 1), "month"),
    ("early last month", THURSDAY, None, D(2019, 4, 1), "month"),
    ("the end of last month", THURSDAY, None, D(2019, 4, 1), "month"),
    ("last month", MONDAY, None, D(2021, 2, 1), "month"),
    ("last month", NEW_YEAR, None, D(2019, 12, 1), "month"),
    ("next month", NEW_YEAR, None, D(2020, 2, 1), "month"),
    ("last year", THURSDAY, None, D(2018, 1, 1), "year"),
    ("earlier this year", THURSDAY, None, D(2019, 1, 1), "year"),
    ("late last year", THURSDAY, None, D(2018, 1, 1), "year"),
    ("the end of last year", THURSDAY, None, D(2018, 1, 1), "year"),
    ("next year", THURSDAY, None, D(2020, 1, 1), "year"),
    ("last year", NEW_YEAR, None, D(2019, 1, 1), "year"),
    ("this year", NEW_YEAR, None, D(2020, 1, 1), "year"),
    ("over the weekend", THURSDAY, None, D(2019, 5, 18), "week"),
    ("last weekend", THURSDAY, None, D(2019, 5, 18), "week"),
    ("this weekend", THURSDAY, None, D(2019, 5, 25), "week"),
    ("over the weekend", SUNDAY, None, D(2023, 10, 7), "week"),
    ("last weekend", SUNDAY, None, D(2023, 9, 30), "week"),
    ("this weekend", SUNDAY, None, D(2023, 10, 7), "week"),
    # explicit dates, with and without a year
    ("May 8", THURSDAY, None, D(2019, 5, 8), "day"),
    ("on May 8", THURSDAY, None, D(2019, 5, 8), "day"),
    ("May 8th", THURSDAY, None, D(2019, 5, 8), "day"),
    ("8 May", THURSDAY, None, D(2019, 5, 8), "day"),
    ("on 8th of May", THURSDAY, None, D(2019, 5, 8), "day"),
    ("on the 8th of May", THURSDAY, None, D(2019, 5, 8), "day"),
    ("on May 1st", THURSDAY, None, D(2019, 5, 1), "day"),
    ("21st May", THURSDAY, None, D(2019, 5, 21), "day"),
    ("April 30", THURSDAY, None, D(2019, 4, 30), "day"),
    ("Aug. 8", THURSDAY, None, D(2019, 8, 8), "day"),
    ("May 8, 2019", THURSDAY, None, D(2019, 5, 8), "day"),
    ("on 8 May 2017", THURSDAY, None, D(2017, 5, 8), "day"),
    ("Jan. 15, 2018", THURSDAY, None, D(2018, 1, 15), "day"),
    ("Sept. 11, 2001", THURSDAY, None, D(2001, 9, 11), "day"),
    ("on the 3rd of June 2020", THURSDAY, None, D(2020, 6, 3), "day"),
    ("10 March 2022", THURSDAY, None, D(2022, 3, 10), "day"),
    ("on 29 February 2016", THURSDAY, None, D(2016, 2, 29), "day"),
    ("on 2019-05-08", THURSDAY, None, D(2019, 5, 8), "day"),
    ("December 30", NEW_YEAR, None, D(2019, 12, 30), "day"),
    ("Dec 31", NEW_YEAR, None, D(2019, 12, 31), "day"),
    ("Dec 30", D(2019, 1, 3), None, D(2018, 12, 30), "day"),
    ("Jan 2", D(2018, 12, 30), None, D(2019, 1, 2), "day"),
    ("Feb 29", D(2020, 3, 10), None, D(2020, 2, 29), "day"),
    # months and years
    ("in March 2019", THURSDAY, None, D(2019, 3, 1), "month"),
    ("March 2018", THURSDAY, None, D(2018, 3, 1), "month"),
    ("in September 2018", THURSDAY, None, D(2018, 9, 1), "month"),
    ("in Sept. 2018", THURSDAY, None, D(2018, 9, 1), "month"),
    ("Sept 2018", THURSDAY, None, D(2018, 9, 1), "month"),
    ("in March", THURSDAY, None, D(2019, 3, 1), "month"),
    ("in mid-March", THURSDAY, None, D(2019, 3, 1), "month"),
    ("in early April", THURSDAY, None, D(2019, 4, 1), "month"),
    ("late April", THURSDAY, None, D(2019, 4, 1), "month"),
    ("in May", THURSDAY, None, D(2019, 5, 1), "month"),
    ("in June", THURSDAY, None, D(2018, 6, 1), "month"),
    ("last March", THURSDAY, None, D(2019, 3, 1), "month"),
    ("this March", THURSDAY, None, D(2019, 3, 1), "month"),
    ("last May", THURSDAY, None, D(2018, 5, 1), "month"),
    ("next January", THURSDAY, None, D(2020, 1, 1), "month"),
    ("in December", NEW_YEAR, None, D(2019, 12, 1), "month"),
    ("in January", NEW_YEAR, None, D(2020, 1, 1), "month"),
    ("last December", NEW_YEAR, None, D(2019, 12, 1), "month"),
    ("March", D(2019, 1, 15), None, D(2018, 3, 1), "month"),
    ("in 2018", THURSDAY, None, D(2018, 1, 1), "year"),
    ("since 2011", THURSDAY, None, D(2011, 1, 1), "year"),
    ("in late 2018", THURSDAY, None, D(2018, 1, 1), "year"),
    ("during 2017", THURSDAY, None, D(2017, 1, 1), "year"),
    # durations and offsets from publication
    ("two weeks ago", THURSDAY, None, D(2019, 5, 9), "week"),
    ("exactly two weeks ago", THURSDAY, None, D(2019, 5, 9), "day"),
    ("three days ago", THURSDAY, None, D(2019, 5, 20), "day"),
    ("five days ago", THURSDAY, None, D(2019, 5, 18), "day"),
    ("10 days ago", THURSDAY, None, D(2019, 5, 13), "day"),
    ("twelve days ago", THURSDAY, None, D(2019, 5, 11), "day"),
    ("30 days ago", THURSDAY, None, D(2019, 4, 23), "day"),
    ("several weeks ago", THURSDAY, None, D(2019, 5, 2), "week"),
    ("a few days ago", THURSDAY, None, D(2019, 5, 20), "day"),
    ("a couple of days ago", THURSDAY, None, D(2019, 5, 21), "day"),
    ("a week ago", THURSDAY, None, D(2019, 5, 16), "week"),
    ("about a week ago", THURSDAY, None, D(2019, 5, 16), "week"),
    ("a fortnight ago", THURSDAY, None, D(2019, 5, 9), "week"),
    ("a month ago", THURSDAY, None, D(2019, 4, 1), "month"),
    ("a month ago", D(2019, 3, 31), None, D(2019, 2, 1), "month"),
    ("six months ago", THURSDAY, None, D(2018, 11, 1), "month"),
    ("eight months ago", THURSDAY, None, D(2018, 9, 1), "month"),
    ("a year ago", THURSDAY, None, D(2018, 1, 1), "year"),
    ("two years ago", THURSDAY, None, D(2017, 1, 1), "year"),
    ("nearly three years ago", THURSDAY, None, D(2016, 1, 1), "year"),
    # offsets anchored on another event of the story
    ("exactly two weeks after", THURSDAY, D(2019, 5, 8), D(2019, 5, 22), "day"),
    ("two weeks before", THURSDAY, D(2019, 5, 22), D(2019, 5, 8), "week"),
    ("two weeks after", THURSDAY, D(2019, 5, 8), D(2019, 5, 22), "week"),
    ("three days earlier", THURSDAY, D(2019, 5, 22), D(2019, 5, 19), "day"),
    ("a day later", THURSDAY, D(2019, 5, 22), D(2019, 5, 23), "day"),
    ("two days later", THURSDAY, D(2019, 12, 31), D(2020, 1, 2), "day"),
    ("ten days after", THURSDAY, D(2019, 4, 4), D(2019, 4, 14), "day"),
    ("just three days after", THURSDAY, D(2019, 2, 26), D(2019, 3, 1), "day"),
    ("three days before", THURSDAY, D(2020, 3, 1), D(2020, 2, 27), "day"),
    ("the next day", THURSDAY, D(2019, 5, 22), D(2019, 5, 23), "day"),
    ("the following day", THURSDAY, D(2019, 5, 22), D(2019, 5, 23), "day"),
    ("the next morning", THURSDAY, D(2019, 5, 22), D(2019, 5, 23), "day"),
    ("the previous day", THURSDAY, D(2019, 5, 22), D(2019, 5, 21), "day"),
    ("the day before", THURSDAY, D(2019, 5, 22), D(2019, 5, 21), "day"),
    ("the day after", THURSDAY, D(2019, 5, 22), D(2019, 5, 23), "day"),
    ("later that day", THURSDAY, D(2019, 5, 22), D(2019, 5, 22), "day"),
    ("the same day", THURSDAY, D(2019, 5, 22), D(2019, 5, 22), "day"),
    ("a week later", THURSDAY, D(2019, 5, 22), D(2019, 5, 29), "week"),
    ("the following week", THURSDAY, D(2019, 5, 22), D(2019, 5, 29), "week"),
    ("a fortnight later", THURSDAY, D(2019, 5, 8), D(2019, 5, 22), "week"),
    ("a month later", THURSDAY, D(2019, 5, 22), D(2019, 6, 1), "month"),
    ("three months earlier", THURSDAY, D(2019, 2, 15), D(2018, 11, 1), "month"),
    ("a year later", THURSDAY, D(2018, 7, 4), D(2019, 1, 1), "year"),
]


def test_dates_table_is_big_enough():
    assert len(TABLE) >= 120


def test_dates_table_rate():
    misses = []
    for expression, published, anchor, expected, precision in TABLE:
        got = resolve_date(expression, published, anchor=anchor)
        if got != DateResolution(expected, precision):
            misses.append(f"{expression!r} published {published}: got {got}, "
                          f"want {expected} {precision}")
    print("\n".join(misses))
    assert 1 - len(misses) / len(TABLE) >= 0.95, misses


@pytest.mark.parametrize(
    "expression",
    [
        "", "garbage", "2019-02-30", "February 30, 2019", "the meeting", "five", "two weeks",
        "for three days", "after two weeks",
        "two weeks after", "a day later",  # anchored, and no anchor given
    ],
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
            ["exactly two weeks after", "several weeks ago"],
        ),
        (
            "He was freed three days later, and the next day police arrested 30 activists.",
            ["three days later", "the next day"],
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
        ("After two weeks of talks, the army withdrew within three days.", []),
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


CANONICAL = (
    "The meeting comes exactly two weeks after Macron received Al-Sarraj who accused France "
    "several weeks ago of supporting Haftar."
)


@pytest.mark.parametrize(
    ("sentence", "kinds", "deltas"),
    [
        (CANONICAL, ["offset_from_anchor", "relative_to_publication"], [14, None]),
        (
            "On May 8, 2019 and in March, troops left; on Wednesday they returned.",
            ["absolute", "absolute", "relative_to_publication"],
            [None, None, None],
        ),
        (
            "Three days before the vote, a day later, the previous day, later that day.",
            ["offset_from_anchor"] * 4,
            [-3, 1, -1, 0],
        ),
        ("Talks resumed a fortnight after the truce, two months later.", ["offset_from_anchor"] * 2,
         [14, 60]),
    ],
)
def test_dates_find_gives_kind_and_delta(sentence, kinds, deltas):
    found = find_date_expressions(sentence)
    assert [e.kind for e in found] == kinds
    assert [e.delta for e in found] == deltas
    assert set(kinds) <= set(KINDS)


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        (CANONICAL, "received", -14),  # the Sarraj visit: two weeks before the meeting
        (CANONICAL, "comes", None),  # the anchored event itself
        (CANONICAL, "accused", None),  # a relative clause of its own
        ("Two days before the vote, police arrested 30 activists.", "vote", 2),
        ("Two days before the vote, police arrested 30 activists.", "arrested", None),
        ("He was freed three days after his arrest in Cairo.", "arrest", -3),
        ("He was freed three days after his arrest in Cairo.", "freed", None),
        ("The strike came a week after the army shelled Aleppo, killing 12.", "shelled", -7),
        ("The strike came a week after the army shelled Aleppo, killing 12.", "killing", None),
        ("The talks resumed the day after they collapsed in Geneva.", "collapsed", -1),
        ("Clashes broke out a day later.", "broke", None),  # no clause: anchored on the story
        ("Police arrested him on Monday.", "arrested", None),
    ],
)
def test_dates_offset_relation_inside_an_after_clause(sentence, trigger, expected):
    assert offset_relation(sentence, sentence.index(trigger)) == expected


def test_dates_canonical_story_dates():
    published = date(2019, 5, 23)
    meeting = resolve_date("on Wednesday", published)
    assert meeting == DateResolution(date(2019, 5, 22), "day")
    offset = offset_relation(CANONICAL, CANONICAL.index("received"))
    assert offset is not None
    assert meeting.date + timedelta(days=offset) == date(2019, 5, 8)
    # the other way round: the meeting from the visit
    assert resolve_date("exactly two weeks after", published, anchor=date(2019, 5, 8)) == (
        DateResolution(date(2019, 5, 22), "day"))
