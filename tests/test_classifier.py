"""The event-type classifier: features from plain strings, the shipped artefact, predictions."""

from __future__ import annotations

import ast
import zlib
from pathlib import Path

import numpy as np
import pytest

from eventcoder.coding import classifier as clf
from eventcoder.coding.classifier import (
    EventClassifier, choose_type, features, hashed, stem, trigger_between,
)

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
ARTEFACT = Path(clf.__file__).resolve().parent / "data" / clf.ARTEFACT


@pytest.mark.parametrize(("word", "expected"), [
    ("accused", "accus"), ("accuses", "accus"), ("accusation", "accus"), ("accusing", "accus"),
    ("attacks", "attack"), ("Iran's", "iran"), ("talks", "talk"), ("protesters", "protest"),
    ("met", "met"), ("UN", "un"), ("rallied", "ralli"), ("rally", "ralli"),
])
def test_classifier_stem(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize(("sentence", "actor", "recipient", "present", "absent"), [
    ("France accused Russia of lying", "France", "Russia",
     {"o:_a__r_", "m:accus", "b:_a_|accus", "p:of", "t:accus", "ah:franc", "rh:russia"},
     {"u:franc", "u:russia"}),
    ("Russia was accused by France", "France", "Russia", {"o:_r__a_", "m:accus"}, set()),
    ("Talks were held in Paris", None, None, {"o:0", "u:talk"}, {"o:_a__r_"}),
    ("France met France", "France", "France", {"o:_a__r_", "m:met"}, set()),
])
def test_classifier_features(sentence, actor, recipient, present, absent):
    found = set(features(sentence, trigger="accused", actor=actor, recipient=recipient))
    assert present <= found and not absent & found


def test_classifier_hash_is_stable_across_runs():
    # crc32, not Python's salted hash(): the shipped weights depend on it.
    assert hashed(["u:attack", "u:attack"]).tolist() == [zlib.crc32(b"u:attack") % clf.N_BUCKETS]


def test_classifier_artefact_is_small():
    assert ARTEFACT.stat().st_size < 5_000_000


def test_classifier_runtime_imports_numpy_only():
    tree = ast.parse(Path(clf.__file__).read_text(encoding="utf-8"))
    imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import)
                for a in n.names}
    imported |= {(n.module or "").split(".")[0] for n in ast.walk(tree)
                 if isinstance(n, ast.ImportFrom) and not n.level}
    assert "sklearn" not in imported and "spacy" not in imported and "numpy" in imported


@pytest.mark.parametrize(("sentence", "trigger", "actor", "recipient", "expected"), [
    # PLV has 18 PROTEST rows: the short "Protesters rallied against the government" still
    # ranks ASSAULT and ACCUSE first.
    ("Thousands of protesters rallied against the government in the capital", "rallied",
     "Thousands of protesters", "the government", "PROTEST"),
    # PLOVER codes imposing sanctions as COERCE, and cutting aid as SANCTION.
    ("The United States imposed new sanctions on Iran", "imposed", "The United States", "Iran",
     "COERCE"),
    ("Washington suspended military aid to Egypt", "suspended", "Washington", "Egypt",
     "SANCTION"),
    ("Israeli jets bombed Hamas positions in Gaza", "bombed", "Israeli jets", "Hamas positions",
     "ASSAULT"),
    ("The Chinese foreign minister met his French counterpart in Paris", "met",
     "The Chinese foreign minister", "his French counterpart", "CONSULT"),
    ("Russia accused Ukraine of shelling the nuclear plant", "accused", "Russia", "Ukraine",
     "ACCUSE"),
    ("Iran rejected the proposal from the European Union", "rejected", "Iran",
     "the European Union", "REJECT"),
    ("North Korea threatened to strike the United States", "threatened", "North Korea",
     "the United States", "THREATEN"),
    ("Police arrested dozens of opposition activists", "arrested", "Police",
     "dozens of opposition activists", "COERCE"),
    ("The government released 200 political prisoners", "released", "The government",
     "200 political prisoners", "RETREAT"),
])
def test_classifier_predicts_made_up_sentences(sentence, trigger, actor, recipient, expected):
    ranked = EventClassifier.load().predict(sentence, trigger=trigger, actor=actor,
                                            recipient=recipient)
    assert expected in [label for label, _p in ranked[:2]]


def test_classifier_probabilities_cover_plover_types_best_first():
    ranked = EventClassifier.load().predict("Egypt hosted talks between the two sides",
                                            trigger="hosted", actor="Egypt", recipient=None)
    assert {label for label, _p in ranked} == PLOVER_TYPES
    probabilities = [p for _label, p in ranked]
    assert probabilities == sorted(probabilities, reverse=True)
    assert sum(probabilities) == pytest.approx(1.0, abs=1e-4)


def test_classifier_merged_keeps_yield():
    ranked = EventClassifier.load().predict_merged(
        "The army withdrew from the town", trigger="withdrew", actor="The army",
        recipient="the town")
    assert "YIELD" in dict(ranked) and "RETREAT" not in dict(ranked)


def test_classifier_is_deterministic_and_survives_save(tmp_path):
    model = EventClassifier.load()
    args = {"trigger": "imposed", "actor": "The EU", "recipient": "Iran"}
    first = model.predict("The EU imposed sanctions on Iran", **args)
    assert model.predict("The EU imposed sanctions on Iran", **args) == first
    model.save(tmp_path / "copy.npz")
    copy = EventClassifier.load(tmp_path / "copy.npz")
    assert copy.labels == model.labels and np.array_equal(copy.main.buckets, model.main.buckets)
    assert copy.predict("The EU imposed sanctions on Iran", **args) == first


@pytest.mark.parametrize(("sentence", "actor", "recipient", "expected"), [
    ("Russia accused Ukraine of shelling the plant.", "Russia", "Ukraine", "accused"),
    ("Ukraine was attacked by Russian troops.", "Russian troops", "Ukraine", "attacked"),
    ("The talks between Iran and the EU failed.", "Iran", "the EU", "talks"),
    ("The army launched a raid.", "The army", None, "launched"),
])
def test_classifier_trigger_between(coder, sentence, actor, recipient, expected):
    doc = coder.nlp.nlp(sentence)

    def span(part):
        return None if part is None else (sentence.index(part), sentence.index(part) + len(part))

    assert trigger_between(doc, span(actor), span(recipient)) == expected


@pytest.mark.parametrize(("rule_type", "ranked", "expected"), [
    ("ACCUSE", [("REJECT", 0.6), ("ACCUSE", 0.3), ("AID", 0.1)], "ACCUSE"),
    ("ACCUSE", [("REJECT", 0.96), ("AID", 0.03), ("ACCUSE", 0.01)], "REJECT"),
    ("CONCEDE", [("AID", 0.9), ("RETREAT", 0.06), ("CONCEDE", 0.04)], "CONCEDE"),
    ("RETREAT", [("AID", 0.97), ("RETREAT", 0.02), ("CONCEDE", 0.01)], "AID"),
    ("AGREE", [("CONCEDE", 0.99), ("AGREE", 0.01)], "CONCEDE"),
])
def test_classifier_choose_type(rule_type, ranked, expected):
    assert choose_type(rule_type, ranked) == expected
