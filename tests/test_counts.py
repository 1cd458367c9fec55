"""eventcoder.counts: casualty figures attached to casualty words in a sentence."""

from __future__ import annotations

import pytest

from eventcoder.counts import COUNT_FIELDS, Counts, extract_counts


def _counts(approximate: tuple[str, ...] = (), **figures: int) -> Counts:
    return Counts(**figures, approximate=frozenset(approximate))


# (sentence, expected Counts): our own table. The first rows are the rules of the module
# docstring; the rest are phrasings met in wire stories.
TABLE = [
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
    ("The blast killed at least 30 people, wounding more than 100.",
     _counts(("injured",), fatalities=30, injured=100)),
    ("At least 30 people were killed and dozens injured when a car bomb exploded.",
     _counts(("injured",), fatalities=30, injured=24)),
    ("The death toll rose to 45 on Wednesday.", _counts(fatalities=45)),
    ("The toll: 50 dead.", _counts(fatalities=50)),
    ("The deaths of 3 soldiers were confirmed.", _counts(fatalities=3)),
    ("The army said it killed 15 militants and arrested 20.", _counts(fatalities=15, arrested=20)),
    ("12 killed and 30 wounded in Aleppo", _counts(fatalities=12, injured=30)),
    ("Police arrested 1,200 protesters in 2019.", _counts(arrested=1200)),
    ("the arrest of 3 activists", _counts(arrested=3)),
    ("A hundred people were rounded up.", _counts(arrested=100)),
    ("Nine were taken into custody.", _counts(arrested=9)),
    ("Twenty-five people were detained and three thousand displaced.",
     _counts(arrested=25, displaced=3000)),
    ("one hundred and twenty people were killed", _counts(fatalities=120)),
    ("1.5 million people have fled their homes.", _counts(displaced=1_500_000)),
    ("Twelve refugees were arrested at the border.", _counts(arrested=12)),
    ("Thousands of refugees crossed the border.", _counts(("displaced",), displaced=2000)),
    ("About 300 people are missing.", _counts(("missing",), missing=300)),
    ("No one was killed in the attack.", _counts(fatalities=0)),
    ("There were no injuries.", _counts(injured=0)),
    # vague and qualified figures
    ("A dozen people were killed.", _counts(("fatalities",), fatalities=12)),
    ("Dozens were wounded.", _counts(("injured",), injured=24)),
    ("dozens more were wounded", _counts(("injured",), injured=24)),
    ("Scores of people died.", _counts(("fatalities",), fatalities=40)),
    ("Hundreds were arrested.", _counts(("arrested",), arrested=200)),
    ("Tens of thousands of people have been displaced.", _counts(("displaced",), displaced=20_000)),
    ("Hundreds of thousands have fled the fighting since 2011.",
     _counts(("displaced",), displaced=200_000)),
    ("Several people were hurt.", _counts(("injured",), injured=3)),
    ("Several hundred people fled.", _counts(("displaced",), displaced=300)),
    ("A few thousand were displaced.", _counts(("displaced",), displaced=3000)),
    ("Two dozen protesters were detained.", _counts(arrested=24)),
    ("Some 2000 people were killed.", _counts(("fatalities",), fatalities=2000)),
    ("Nearly 40 people died.", _counts(("fatalities",), fatalities=40)),
    ("More than 60 people were injured.", _counts(("injured",), injured=60)),
    ("Up to 50 people may have died.", _counts(("fatalities",), fatalities=50)),
    ("An estimated 700 people were displaced.", _counts(("displaced",), displaced=700)),
    ("At least 7 people were killed.", _counts(fatalities=7)),
    ("Between 5 and 10 people were killed.", _counts(("fatalities",), fatalities=5)),
    ("Two or three people were injured.", _counts(("injured",), injured=2)),
    ("Forty or so people were detained.", _counts(("arrested",), arrested=40)),
    ("Police detained dozens of protesters.", _counts(("arrested",), arrested=24)),
    ("Security forces arrested hundreds of opposition supporters.",
     _counts(("arrested",), arrested=200)),
    ("Thousands were forced to flee.", _counts(("displaced",), displaced=2000)),
    ("The fighting has displaced more than 10,000 people.",
     _counts(("displaced",), displaced=10_000)),
    ("Some 1,500 families were displaced.", _counts(("displaced",), displaced=1500)),
    ("An estimated 250,000 people have fled to neighbouring Chad.",
     _counts(("displaced",), displaced=250_000)),
    ("Floods have left hundreds homeless.", _counts(("displaced",), displaced=200)),
    ("The clashes killed scores and injured hundreds.",
     _counts(("fatalities", "injured"), fatalities=40, injured=200)),
    ("At least two people were killed and several others were injured.",
     _counts(("injured",), fatalities=2, injured=3)),
    ("Nearly 400 people have been arrested since the protests began.",
     _counts(("arrested",), arrested=400)),
    ("Up to 1 million people may be displaced.", _counts(("displaced",), displaced=1_000_000)),
    ("More than 100 people were reported missing.", _counts(("missing",), missing=100)),
    ("Thousands of residents fled the fighting in Idlib.", _counts(("displaced",), displaced=2000)),
    ("Hundreds of thousands of Rohingya fled to Bangladesh.",
     _counts(("displaced",), displaced=200_000)),
    ("The death toll climbed to at least 300.", _counts(fatalities=300)),
    # persons counted by "a"/"an" and number words
    ("Two soldiers were killed.", _counts(fatalities=2)),
    ("A journalist was killed in Mogadishu.", _counts(fatalities=1)),
    ("A policeman was wounded.", _counts(injured=1)),
    ("Police arrested a suspect.", _counts(arrested=1)),
    ("Troops arrested an alleged militant.", _counts(arrested=1)),
    ("Sixty-three people died.", _counts(fatalities=63)),
    ("Four policemen lost their lives.", _counts(fatalities=4)),
    ("Eleven miners are missing after the collapse.", _counts(missing=11)),
    ("Five fishermen remain unaccounted for.", _counts(missing=5)),
    ("Three suspects were arrested on Tuesday.", _counts(arrested=3)),
    ("Israeli strikes killed 15 Palestinians.", _counts(fatalities=15)),
    ("The army said 45 militants were killed in the operation.", _counts(fatalities=45)),
    ("Twenty people have been detained in connection with the attack.", _counts(arrested=20)),
    ("Police made 40 arrests.", _counts(arrested=40)),
    ("the arrests of 14 opposition members", _counts(arrested=14)),
    ("There were 12 deaths and 40 injuries.", _counts(fatalities=12, injured=40)),
    ("The death toll from the cyclone stood at 84.", _counts(fatalities=84)),
    ("The quake left 2,000 people homeless.", _counts(displaced=2000)),
    ("A 30-minute gunfight left four dead.", _counts(fatalities=4)),
    ("The blast left 7 people dead and 19 wounded.", _counts(fatalities=7, injured=19)),
    ("Three protesters were shot dead and 40 injured by police.",
     _counts(fatalities=3, injured=40)),
    ("The bombing killed 23 people and injured 47 others.", _counts(fatalities=23, injured=47)),
    ("Officials said 3 people were killed and 10 injured in the blast on May 8.",
     _counts(fatalities=3, injured=10)),
    ("Police said 5,000 people took part and 20 were arrested.", _counts(arrested=20)),
    ("Rebels killed a soldier and wounded two others.", _counts(fatalities=1, injured=2)),
    ("Police arrested a journalist and two activists.", _counts(arrested=3)),
    # "and" adds up; an aside between commas is skipped; a number stays in its clause
    ("Two soldiers and a civilian were killed.", _counts(fatalities=3)),
    ("A man and a woman died.", _counts(fatalities=2)),
    ("killing two soldiers and a civilian", _counts(fatalities=3)),
    ("A woman and her two children were killed.", _counts(fatalities=3)),
    ("Five people, including two children, were killed.", _counts(fatalities=5)),
    ("Three people were arrested after two police officers were injured.",
     _counts(arrested=3, injured=2)),
    ("Attackers fled after killing five villagers.", _counts(fatalities=5)),
    # no double counting: a part, a repeated toll, a running total
    ("Fifteen people were killed, among them four children.", _counts(fatalities=15)),
    ("Authorities detained 14 people, including two journalists.", _counts(arrested=14)),
    ("Police said 5 were killed on Monday; the death toll later rose to 9.", _counts(fatalities=9)),
    ("The attack killed 20 people, bringing the death toll to 45.", _counts(fatalities=20)),
    ("The new strikes raised the death toll to 112.", _counts(fatalities=112)),
    # zero, and fleeing that is no displacement
    ("None of the 30 passengers were hurt.", _counts(injured=0)),
    ("None of the 200 people on board were injured.", _counts(injured=0)),
    ("Nobody was hurt.", _counts(injured=0)),
    ("Two men fled the scene.", _counts()),
    ("Two men fled the scene on a motorbike.", _counts()),
    ("The gunmen fled the scene after killing three guards.", _counts(fatalities=3)),
    ("Three suspects fled.", _counts()),
    # numbers that are not casualties
    ("Macron met Haftar two weeks after receiving Sarraj.", _counts()),
    ("Fighting over two months has killed 2 percent of the population.", _counts()),
    ("The 25-year-old man, aged 25, was arrested after the $5 million heist.", _counts()),
    ("He was arrested 3 times in 2 years.", _counts()),
    ("In 2018, talks were held; on May 8 the ceasefire collapsed.", _counts()),
    ("The protest drew 5,000 people.", _counts()),
    ("Many were killed and more were wounded.", _counts()),
    ("The meeting lasted three hours and ended at 10:30.", _counts()),
    ("Troops were killed 12 km from the border.", _counts()),
    ("Officials said some were killed, at least", _counts()),  # a qualifier, no number after
    ("Gunmen kidnapped 20 students.", _counts()),
    ("Residents fled as 3 shells hit the town.", _counts()),
]


def test_counts_table_is_big_enough():
    assert len(TABLE) >= 80


def test_counts_table_rate():
    misses = [f"{sentence!r}: got {got}, want {want}" for sentence, want in TABLE
              if (got := extract_counts(sentence)) != want]
    print("\n".join(misses))
    assert 1 - len(misses) / len(TABLE) >= 0.95, misses


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the canonical story's toll
        (TABLE[0][0], _counts(("fatalities", "displaced"), fatalities=500, displaced=2000)),
        ("None of the 30 passengers were hurt.", _counts(injured=0)),
        ("Two men fled the scene.", _counts()),
        ("The attack killed 20 people, bringing the death toll to 45.", _counts(fatalities=20)),
    ],
)
def test_counts_known_cases_stay_right(sentence, expected):
    assert extract_counts(sentence) == expected


def test_counts_fields_match_the_event_record():
    from eventcoder.types import EVENT_FIELDS

    assert set(COUNT_FIELDS) - {"missing"} <= set(EVENT_FIELDS)
