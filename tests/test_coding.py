"""Coding rules on small parses built by hand (no model needed)."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from eventcoder.coding.lexicon import default_lexicon, parse_lexicon
from eventcoder.coding.rules import RuleCoder, phrase_of

VOCAB = English().vocab  # lexical attributes ("lower_") as in a real pipeline


def parse(rows: str) -> Doc:
    """Build a Doc from lines "word lemma POS dep head [ENT]" (head: 0-based index)."""
    words, lemmas, pos, deps, heads, ents = [], [], [], [], [], []
    for line in rows.strip().splitlines():
        cells = line.split()
        words.append(cells[0])
        lemmas.append(cells[1])
        pos.append(cells[2])
        deps.append(cells[3])
        heads.append(int(cells[4]))
        ents.append(f"B-{cells[5]}" if len(cells) > 5 else "O")
    tags = ["VBD" if p == "VERB" else "" for p in pos]
    doc = Doc(VOCAB, words=words, lemmas=lemmas, pos=pos, deps=deps, heads=heads, ents=ents,
              tags=tags, sent_starts=[True] + [False] * (len(words) - 1))
    return doc


def code(doc: Doc):
    return list(RuleCoder(default_lexicon()).code_sentence(doc[:], 0))


def texts(phrases) -> list[str]:
    return [p.text for p in phrases]


MET = """
Macron Macron PROPN nsubj 1 PERSON
met meet VERB ROOT 1
with with ADP prep 1
Haftar Haftar PROPN pobj 2 PERSON
"""

PASSIVE = """
Protesters protester NOUN nsubjpass 2
were be AUX auxpass 2
arrested arrest VERB ROOT 2
by by ADP agent 2
police police NOUN pobj 3
"""

RELATIVE = """
Sarraj Sarraj PROPN ROOT 0 PERSON
who who PRON nsubj 2
accused accuse VERB relcl 0
France France PROPN dobj 2 GPE
of of ADP prep 2
supporting support VERB pcomp 4
Haftar Haftar PROPN dobj 5 PERSON
"""

URGED = """
Macron Macron PROPN nsubj 1 PERSON
urged urge VERB ROOT 1
Haftar Haftar PROPN dobj 1 PERSON
to to PART aux 4
ensure ensure VERB xcomp 1
a a DET det 6
ceasefire ceasefire NOUN dobj 4
"""

LIGHT = """
forces force NOUN nsubj 1
laid lay VERB ROOT 1
siege siege NOUN dobj 1
to to ADP prep 1
Tripoli Tripoli PROPN pobj 3 GPE
"""

SUPPORT_NOUN = """
Macron Macron PROPN nsubj 1 PERSON
issued issue VERB ROOT 1
a a DET det 3
message message NOUN dobj 1
of of ADP prep 3
support support NOUN pobj 4
for for ADP prep 5
Tripoli Tripoli PROPN pobj 6 GPE
"""

CALL_ON = """
Macron Macron PROPN nsubj 1 PERSON
called call VERB ROOT 1
on on ADP prep 1
the the DET det 4
commander commander NOUN pobj 2
"""

NEGATED = """
Russia Russia PROPN nsubj 3 GPE
did do AUX aux 3
not not PART neg 3
attack attack VERB ROOT 3
Ukraine Ukraine PROPN dobj 3 GPE
"""

MODAL = """
Russia Russia PROPN nsubj 2 GPE
could could AUX aux 2
attack attack VERB ROOT 2
Ukraine Ukraine PROPN dobj 2 GPE
"""

FUTURE = """
Biden Biden PROPN nsubj 2 PERSON
will will AUX aux 2
visit visit VERB ROOT 2
Kyiv Kyiv PROPN dobj 2 GPE
"""

COMPOUND = """
Macron Macron PROPN nsubj 1 PERSON
urged urge VERB ROOT 1
Haftar Haftar PROPN dobj 1 PERSON
and and CCONJ cc 2
Sarraj Sarraj PROPN conj 2 PERSON
"""


@pytest.mark.parametrize(
    ("rows", "cameo", "actor", "recipient"),
    [
        (MET, "040", ["Macron"], ["Haftar"]),
        (PASSIVE, "173", ["police"], ["Protesters"]),
        (RELATIVE, "112", ["Sarraj"], ["France"]),
        (URGED, "020", ["Macron"], ["Haftar"]),
        (LIGHT, "191", ["forces"], ["Tripoli"]),
        (SUPPORT_NOUN, "051", ["Macron"], ["Tripoli"]),
        (CALL_ON, "020", ["Macron"], ["the commander"]),
        (COMPOUND, "020", ["Macron"], ["Haftar", "Sarraj"]),
    ],
)
def test_coding_finds_actor_and_recipient(rows, cameo, actor, recipient):
    candidates = code(parse(rows))
    assert len(candidates) == 1, candidates
    (cand,) = candidates
    assert cand.row.cameo == cameo
    assert texts(cand.actor) == actor
    assert texts(cand.recipient) == recipient


@pytest.mark.parametrize(("rows", "expected"), [
    (RELATIVE, {"accuse"}),       # "supporting" is what France is accused of
    (URGED, {"urge"}),            # the ceasefire is what Haftar is urged to ensure
])
def test_coding_content_of_another_trigger_is_not_an_event(rows, expected):
    assert {c.row.lemma for c in code(parse(rows))} == expected


@pytest.mark.parametrize(("rows", "flags"), [
    (NEGATED, (True, False, False)),
    (MODAL, (False, True, False)),
    (FUTURE, (False, False, True)),
    (MET, (False, False, False)),
])
def test_coding_modality(rows, flags):
    (cand,) = code(parse(rows))
    assert (cand.negated, cand.hypothetical, cand.future) == flags


def test_coding_trigger_offsets_point_into_the_text():
    doc = parse(CALL_ON)
    (cand,) = code(doc)
    assert doc.text[cand.trigger.start:cand.trigger.end] == cand.trigger.text == "called on"


def test_coding_phrase_keeps_modifiers_not_clauses():
    doc = parse(RELATIVE)
    assert phrase_of(doc[0]).text == "Sarraj"
    assert phrase_of(doc[0]).head_word.text == "Sarraj"


def test_coding_every_plover_type_has_triggers():
    from eventcoder import ontology

    lexicon = default_lexicon()
    rows = lexicon.rows()
    types = {ontology.to_plover(r.cameo).event_type for r in rows}
    expected = {t.name for t in ontology.plover_types()}
    assert expected <= types


def test_coding_lexicon_rejects_a_bad_line():
    with pytest.raises(ValueError, match="line 1"):
        parse_lexicon("V\tmeet\t040\n")


def test_coding_lexicon_codes_exist_in_the_ontology():
    from eventcoder import ontology

    lexicon = default_lexicon()
    for row in lexicon.rows():
        assert ontology.cameo(row.cameo).code == row.cameo


@pytest.mark.parametrize(("cameo", "sentence", "future", "expected"), [
    ("190", "A drone strike hit the convoy.", False, "195"),
    ("190", "Gunmen opened fire on worshippers.", False, "193"),
    ("190", "Heavy shelling continued overnight.", False, "194"),
    ("180", "A car bomb killed five people.", False, "183"),
    ("190", "Troops attacked the village.", False, "190"),
    ("040", "The two leaders spoke by phone on Monday.", False, "041"),
    ("040", "The ministers will meet in Geneva.", True, "036"),
    ("070", "Japan will send aid to Nepal.", True, "033"),
    # Force announced is a threat (refine.v3), as cooperation announced is an intent.
    ("190", "Rebels will attack the town.", True, "138"),
    ("172", "The army will impose a curfew.", True, "130"),
    # Chemical weapons are not tear gas (refine.v4).
    ("190", "Syrian forces attacked the town with sarin gas.", False, "2041"),
    ("175", "Police used tear gas against the protesters.", False, "175"),
])
def test_coding_refine_codes_means_and_intent(cameo, sentence, future, expected):
    from eventcoder.coding.refine import refine

    assert refine(cameo, sentence, future=future) == expected


PHONED = """
On on ADP prep 3
Monday Monday PROPN pobj 0 DATE
Tillerson Tillerson PROPN nsubj 3 PERSON
called call VERB ROOT 3
Lavrov Lavrov PROPN dobj 3 PERSON
"""

CALLED_NAMES = """
Trump Trump PROPN nsubj 1 PERSON
called call VERB ROOT 1
Biden Biden PROPN dobj 1 PERSON
a a DET det 4
liar liar NOUN oprd 1
"""

PUNISH = """
Norway Norway PROPN nsubj 1 GPE
called call VERB ROOT 1
for for ADP prep 1
sanctions sanction NOUN pobj 2
against against ADP prep 3
Myanmar Myanmar PROPN pobj 4 GPE
"""

STRIKES_ON = """
Jets jet NOUN nsubj 1
carried carry VERB ROOT 1
out out ADP prt 1
strikes strike NOUN dobj 1
on on ADP prep 3
rebels rebel NOUN pobj 4
"""

WALKOUT = """
Nurses nurse NOUN nsubj 1
went go VERB ROOT 1
on on ADP prep 1
strike strike NOUN pobj 2
"""

OFFERED_CRITICISM = """
Delegates delegate NOUN nsubj 1
offered offer VERB ROOT 1
criticism criticism NOUN dobj 1
of of ADP prep 2
Malta Malta PROPN pobj 3 GPE
"""

ARRESTED_IN = """
Ingabire Ingabire PROPN nsubjpass 2 PERSON
was be AUX auxpass 2
arrested arrest VERB ROOT 2
in in ADP prep 2
Rwanda Rwanda PROPN pobj 3 GPE
"""

NEGOTIATORS = """
UK UK PROPN nmod 3 GPE
and and CCONJ cc 0
EU EU PROPN compound 3 ORG
negotiators negotiator NOUN nsubj 4
agreed agree VERB ROOT 4
"""

AID_DEEP = """
Germany Germany PROPN nsubj 1 GPE
sent send VERB ROOT 1
aid aid NOUN dobj 1
including include VERB prep 2
tents tent NOUN pobj 3
to to ADP prep 4
refugees refugee NOUN pobj 5
"""


@pytest.mark.parametrize(("rows", "cameo", "actor", "recipient"), [
    (PHONED, "041", ["Tillerson"], ["Lavrov"]),            # no "call on" from "On Monday"
    (PUNISH, "111", ["Norway"], ["Myanmar"]),              # punishment called for: accusation
    (STRIKES_ON, "190", ["Jets"], ["rebels"]),             # a strike on someone is force
    (WALKOUT, "143", ["Nurses"], []),                      # a strike one goes on is a protest
    (OFFERED_CRITICISM, "111", ["Delegates"], ["Malta"]),  # the noun is the event, not "offer"
    (ARRESTED_IN, "173", ["Rwanda"], ["Ingabire"]),        # the state where one is arrested
])
def test_coding_v3_triggers_and_participants(rows, cameo, actor, recipient):
    candidates = code(parse(rows))
    assert [c.row.cameo for c in candidates] == [cameo]
    assert texts(candidates[0].actor) == actor
    assert texts(candidates[0].recipient) == recipient


def test_coding_calling_someone_names_is_criticism_not_a_phone_call():
    (cand,) = code(parse(CALLED_NAMES))
    assert cand.row.cameo == "111"
    assert texts(cand.actor) == ["Trump"]
    assert texts(cand.recipient) == ["Biden"]


def test_coding_coordinated_names_before_a_head_are_two_actors():
    (cand,) = code(parse(NEGOTIATORS))
    assert texts(cand.actor) == ["UK negotiators", "EU negotiators"]


def test_coding_deeper_participants_are_offered_when_no_object_is_one():
    """"sent aid including tents to refugees": the aid is the trigger's own noun, so the
    goal deeper in the phrase is offered to the pipeline."""
    (cand,) = code(parse(AID_DEEP))
    assert cand.row.cameo == "070"
    assert texts(cand.recipient) == []
    assert texts(cand.more) == ["refugees"]
    assert texts(cand.goals) == ["refugees"]


def test_coding_lexicon_noun_rows_pick_their_of_complement():
    lexicon = parse_lexicon("N\tstate\tn:emergency\t1724\tin\nN\tsuspension\t-\t160\twith\n"
                            "N\tsuspension\tn:aid\t162\tto\n")
    assert lexicon.noun("state", {"n:emergency"}).cameo == "1724"
    assert lexicon.noun("state", {"n:affairs"}) is None  # "the state of affairs"
    assert lexicon.noun("suspension", {"n:aid"}).cameo == "162"
    assert lexicon.noun("suspension").cameo == "160"
    assert len(lexicon.rows()) == 3


def test_coding_lexicon_rejects_a_noun_with_a_preposition_particle():
    with pytest.raises(ValueError, match="line 1"):
        parse_lexicon("N\tcall\ton\t040\t-\n")


OBLIGATION = """
Pompeo Pompeo PROPN nsubj 1 ORG
said say VERB ROOT 1
Russia Russia PROPN nsubj 4 GPE
must must AUX aux 4
withdraw withdraw VERB ccomp 1
its its PRON poss 6
troops troop NOUN dobj 4
"""

BLAME = """
The the DET det 1
government government NOUN nsubj 2
said say VERB ROOT 2
the the DET det 4
rebels rebel NOUN nsubj 5
were be AUX ccomp 2
responsible responsible ADJ acomp 5
"""

UNWILLING = """
Japan Japan PROPN nsubj 1 GPE
is be AUX ROOT 1
not not PART neg 1
willing willing ADJ acomp 1
to to PART aux 5
work work VERB xcomp 3
with with ADP prep 5
China China PROPN pobj 6 GPE
"""

CONDITION = """
Obama Obama PROPN nsubj 1 PERSON
said say VERB ROOT 1
he he PRON nsubj 5
will will AUX aux 5
not not PART neg 5
lift lift VERB ccomp 1
the the DET det 7
embargo embargo NOUN dobj 5
until until SCONJ mark 10
Cuba Cuba PROPN nsubj 10 GPE
changes change VERB advcl 5
"""

OWNED_ATTACK = """
A a DET det 1
bombing bombing NOUN nsubj 4
by by ADP prep 1
Hamas Hamas PROPN pobj 2 ORG
killed kill VERB ROOT 4
ten ten NUM nummod 6 CARDINAL
people people NOUN dobj 4
"""

INQUIRY = """
Police police NOUN nsubj 1
opened open VERB ROOT 1
an an DET det 3
investigation investigation NOUN dobj 1
into into ADP prep 3
whether whether SCONJ mark 7
Smith Smith PROPN nsubj 7 PERSON
took take VERB pcomp 4
bribes bribe NOUN dobj 7
"""

CALLEE = """
Macron Macron PROPN nsubj 1 PERSON
called call VERB ROOT 1
Merkel Merkel PROPN oprd 1 PERSON
on on ADP prep 1
Monday Monday PROPN pobj 3 DATE
"""


def test_coding_a_reported_must_is_a_demand_of_whoever_must_act():
    cands = code(parse(OBLIGATION))
    demand = next(c for c in cands if c.row.cameo[:2] == "10")
    assert demand.trigger.text == "must"
    assert texts(demand.actor) == ["Pompeo"]
    assert texts(demand.recipient) == ["Russia"]
    assert demand.content == "0874"  # what Russia must do: withdraw


def test_coding_reported_responsibility_is_an_accusation():
    (cand,) = code(parse(BLAME))
    assert cand.row.cameo == "112"
    assert texts(cand.actor) == ["The government"]
    assert texts(cand.recipient) == ["the rebels"]


def test_coding_unwillingness_to_work_with_someone_is_negated_intent():
    (cand,) = code(parse(UNWILLING))
    assert cand.trigger.text == "willing"
    assert cand.row.cameo == "030"
    assert cand.negated
    assert texts(cand.recipient) == ["China"]


def test_coding_a_conditional_refusal_is_aimed_at_who_must_act_first():
    (cand,) = code(parse(CONDITION))
    assert cand.negated and cand.future
    assert texts(cand.actor) == ["Obama"]  # "he", in what Obama said
    assert texts(cand.recipient) == ["the embargo"]
    assert texts(cand.more)[0] == "Cuba"


def test_coding_an_attack_stands_for_whoever_carried_it_out():
    cands = code(parse(OWNED_ATTACK))
    assert [c.trigger.text for c in cands] == ["killed"]  # one event, the verb's
    assert texts(cands[0].actor) == ["Hamas"]
    assert texts(cands[0].recipient) == ["ten people"]


def test_coding_an_inquiry_is_about_the_subject_of_what_it_looks_into():
    (cand,) = code(parse(INQUIRY))
    assert cand.row.cameo == "090"
    assert texts(cand.more) == ["Smith"]


def test_coding_a_lone_name_taken_for_an_object_predicate_is_who_was_called():
    (cand,) = code(parse(CALLEE))
    assert cand.row.cameo == "041"
    assert texts(cand.recipient) == ["Merkel"]


HEADLINE_EXPELS = """
Pakistan Pakistan ADJ amod 1 GPE
expels expel NOUN ROOT 1
Afghan afghan ADJ amod 3 NORP
diplomats diplomat NOUN dobj 1
"""

HEADLINE_HOSTS = """
Biden Biden PROPN nsubj 1 PERSON
hosts host NOUN ROOT 1
Japanese japanese ADJ amod 3 NORP
premier premier NOUN appos 1
at at ADP prep 1
White White PROPN compound 6 ORG
House House PROPN pobj 4 ORG
"""


@pytest.mark.parametrize(("fixture", "cameo", "actor", "recipient"), [
    (HEADLINE_EXPELS, "161", "Pakistan", "Afghan diplomats"),
    # the object taken for an apposition; where the visit was hosted is not whom
    (HEADLINE_HOSTS, "043", "Biden", "Japanese premier"),
])
def test_coding_a_headline_verb_taken_for_a_noun_keeps_its_subject_and_object(
        fixture, cameo, actor, recipient):
    (cand,) = code(parse(fixture))
    assert (cand.row.cameo, texts(cand.actor), texts(cand.recipient)) == (
        cameo, [actor], [recipient])


CONDITIONAL_THREAT = """
Putin Putin PROPN nsubj 1 PERSON
threatened threaten VERB ROOT 1
to to PART aux 3
use use VERB xcomp 1
weapons weapon NOUN dobj 3
if if SCONJ mark 8
Russia Russia PROPN nsubjpass 8 GPE
is be AUX auxpass 8
attacked attack VERB advcl 3
"""

CONDITIONAL_SANCTIONS = """
The the DET det 1
US US PROPN nsubj 2 GPE
said say VERB ROOT 2
it it PRON nsubj 5
would would AUX aux 5
impose impose VERB ccomp 2
sanctions sanction NOUN dobj 5
if if SCONJ mark 9
Turkey Turkey PROPN nsubj 9 GPE
buys buy VERB advcl 5
missiles missile NOUN dobj 9
"""


def test_coding_a_threat_is_aimed_at_whoever_its_condition_asks_to_act():
    threat = next(c for c in code(parse(CONDITIONAL_THREAT)) if c.row.cameo[:2] == "13")
    # whom the condition befalls ("if Russia is attacked") is not the one threatened
    assert "Russia" not in texts(threat.recipient) + texts(threat.more)
    sanction = next(c for c in code(parse(CONDITIONAL_SANCTIONS)) if c.trigger.text == "impose")
    assert sanction.row.cameo == "131"
    assert "Turkey" in texts(sanction.more)


ALERTED_FORCES = """
Israel Israel PROPN nsubj 1 GPE
put put VERB ROOT 1
its its PRON poss 3
army army NOUN dobj 1
on on ADP prep 1
high high ADJ amod 6
alert alert NOUN pobj 4
"""


def test_coding_forces_put_on_alert_are_not_whom_a_show_of_force_is_aimed_at():
    (cand,) = code(parse(ALERTED_FORCES))
    assert cand.row.cameo == "152"
    assert texts(cand.recipient) == []


def test_coding_lexicon_lists_each_trigger_once():
    lexicon = default_lexicon()
    for table in (lexicon.verbs, lexicon.nouns):
        for lemma, rows in table.items():
            particles = [row.particle for row in rows]
            assert len(particles) == len(set(particles)), (lemma, particles)


PERMISSION_AFTER_COMMA = """
The the DET det 1
court court NOUN nsubj 2
granted grant VERB ROOT 2
the the DET det 4
police police NOUN dative 2
, , PUNCT punct 2
permission permission NOUN conj 2
to to PART aux 8
hold hold VERB acl 6
him he PRON dobj 8
"""


def test_coding_a_thing_granted_after_a_comma_is_still_granted():
    # "granted the police, permission to ...": the parser took the permission for the verb's
    # conjunct; it is still what is granted, and the police whom it is granted to
    cand = next(c for c in code(parse(PERMISSION_AFTER_COMMA)) if c.trigger.text == "granted")
    assert cand.row.cameo == "086"
    assert texts(cand.recipient) == ["the police"]
