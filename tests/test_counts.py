"""eventcoder.counts: casualty figures attached to casualty words in a sentence."""

from __future__ import annotations

import pytest

from eventcoder.counts import COUNT_FIELDS, Counts, extract_counts


def _counts(approximate: tuple[str, ...] = (), **figures: int) -> Counts:
    return Counts(**figures, approximate=frozenset(approximate))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Around 500 people are reported to have been killed in less than two months of "
            "fighting, with many more wounded and thousands displaced.",
            _counts(("fatalities", "displaced"), fatalities=500, displaced=2000),
        ),
        ("Two soldiers died and 12 were wounded.", _counts(fatalities=2, injured=12)),
        ("A journalist was arrested in Cairo on May 8.", _counts(arrested=1)),
        ("An Israeli soldier lost his life.", _counts(fatalities=1)),
        ("A 12-year-old boy was shot dead.", _counts(fatalities=1)),
        ("Bomb kills 12 in Kabul", _counts(fatalities=12)),
        ("Gunmen killed a policeman.", _counts(fatalities=1)),
        (
            "The blast killed at least 30 people, wounding more than 100.",
            _counts(("injured",), fatalities=30, injured=100),
        ),
        (
            "At least 30 people were killed and dozens injured when a car bomb exploded.",
            _counts(("injured",), fatalities=30, injured=24),
        ),
        ("The death toll rose to 45 on Wednesday.", _counts(fatalities=45)),
        ("The toll: 50 dead.", _counts(fatalities=50)),
        ("The deaths of 3 soldiers were confirmed.", _counts(fatalities=3)),
        (
            "The army said it killed 15 militants and arrested 20.",
            _counts(fatalities=15, arrested=20),
        ),
        ("12 killed and 30 wounded in Aleppo", _counts(fatalities=12, injured=30)),
        ("Police arrested 1,200 protesters in 2019.", _counts(arrested=1200)),
        ("the arrest of 3 activists", _counts(arrested=3)),
        ("A hundred people were rounded up.", _counts(arrested=100)),
        ("Nine were taken into custody.", _counts(arrested=9)),
        (
            "Twenty-five people were detained and three thousand displaced.",
            _counts(arrested=25, displaced=3000),
        ),
        ("one hundred and twenty people were killed", _counts(fatalities=120)),
        ("1.5 million people have fled their homes.", _counts(displaced=1_500_000)),
        ("Twelve refugees were arrested at the border.", _counts(arrested=12)),
        ("Thousands of refugees crossed the border.", _counts(("displaced",), displaced=2000)),
        ("About 300 people are missing.", _counts(("missing",), missing=300)),
        ("No one was killed in the attack.", _counts(fatalities=0)),
        ("There were no injuries.", _counts(injured=0)),
    ],
)
def test_counts_extract_figures(sentence, expected):
    assert extract_counts(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "field", "value", "approximate"),
    [
        ("A dozen people were killed.", "fatalities", 12, True),
        ("Dozens were wounded.", "injured", 24, True),
        ("dozens more were wounded", "injured", 24, True),
        ("Scores of people died.", "fatalities", 40, True),
        ("Hundreds were arrested.", "arrested", 200, True),
        ("Tens of thousands of people have been displaced.", "displaced", 20_000, True),
        ("Hundreds of thousands have fled the fighting since 2011.", "displaced", 200_000, True),
        ("Several people were hurt.", "injured", 3, True),
        ("Several hundred people fled.", "displaced", 300, True),
        ("A few thousand were displaced.", "displaced", 3000, True),
        ("Two dozen protesters were detained.", "arrested", 24, False),
        ("Some 2000 people were killed.", "fatalities", 2000, True),
        ("Nearly 40 people died.", "fatalities", 40, True),
        ("More than 60 people were injured.", "injured", 60, True),
        ("Up to 50 people may have died.", "fatalities", 50, True),
        ("An estimated 700 people were displaced.", "displaced", 700, True),
        ("At least 7 people were killed.", "fatalities", 7, False),
        ("Between 5 and 10 people were killed.", "fatalities", 5, True),
        ("Two or three people were injured.", "injured", 2, True),
        ("Forty or so people were detained.", "arrested", 40, True),
    ],
)
def test_counts_vague_and_qualified_figures(sentence, field, value, approximate):
    counts = extract_counts(sentence)
    assert getattr(counts, field) == value
    assert (field in counts.approximate) is approximate


@pytest.mark.parametrize(
    ("sentence", "field", "value"),
    [
        # "and" adds up; an aside between commas is skipped
        ("Two soldiers and a civilian were killed.", "fatalities", 3),
        ("A man and a woman died.", "fatalities", 2),
        ("killing two soldiers and a civilian", "fatalities", 3),
        ("Five people, including two children, were killed.", "fatalities", 5),
        # a number stays in its clause
        ("Three people were arrested after two police officers were injured.", "arrested", 3),
        ("Three people were arrested after two police officers were injured.", "injured", 2),
        # the largest figure of a field wins
        ("Police said 5 were killed on Monday; the death toll later rose to 9.", "fatalities", 9),
    ],
)
def test_counts_attach_in_the_clause(sentence, field, value):
    assert getattr(extract_counts(sentence), field) == value


@pytest.mark.parametrize(
    "sentence",
    [
        "Macron met Haftar two weeks after receiving Sarraj.",
        "Fighting over two months has killed 2 percent of the population.",
        "The 25-year-old man, aged 25, was arrested after the $5 million heist.",
        "He was arrested 3 times in 2 years.",
        "In 2018, talks were held; on May 8 the ceasefire collapsed.",
        "The protest drew 5,000 people.",
        "Many were killed and more were wounded.",
        "The meeting lasted three hours and ended at 10:30.",
        "Troops were killed 12 km from the border.",
        "Officials said some were killed, at least",  # a qualifier with no number after it
    ],
)
def test_counts_ignore_numbers_that_are_not_casualties(sentence):
    counts = extract_counts(sentence)
    assert [getattr(counts, field) for field in COUNT_FIELDS] == [None] * 5


def test_counts_fields_match_the_event_record():
    from eventcoder.types import EVENT_FIELDS

    assert set(COUNT_FIELDS) - {"missing"} <= set(EVENT_FIELDS)
