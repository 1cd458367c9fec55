"""The argument ranker: its artefact, how the pipeline uses it, and that its training script
reproduces the shipped weights (with ../shared and scikit-learn)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventcoder.coding.arguments import ARGUMENTS_VERSION, ArgumentRanker
from eventcoder.types import Article

ARTEFACT = Path(__file__).resolve().parents[1] / "src" / "eventcoder" / "coding" / "data" / "arguments.npz"


class StubRanker:
    """Ranks the phrase headed by ``word`` first with probability ``p``."""

    version = "stub"

    def __init__(self, word: str, p: float) -> None:
        self.word, self.p = word, p

    def rank(self, trigger, heads, **_context):
        return sorted(((h, self.p if h.text == self.word else 0.0) for h in heads),
                      key=lambda item: -item[1])


def _coded(coder_model, ranker, text: str):
    from eventcoder.pipeline import Coder

    coder = Coder(argument_ranker=ranker, use_classifier=False)
    coder.nlp = coder_model.nlp
    ((_, events),) = list(coder.code_articles(
        [Article(id="t", text=text, published=dt.date(2024, 3, 1))]))
    return [(e.event_type, [a.text for a in e.actor], [a.text for a in e.recipient])
            for e in events]


def assert_same_weights(trained: Path, shipped: Path) -> None:
    """The retrained artefact holds the shipped one's arrays: names, shapes, versions, labels
    and hash buckets exactly; weights to rounding. A new numpy or scipy release moves the
    solver's last digits (a float16 weight then flips by one step), not the model."""
    import numpy as np

    with np.load(trained, allow_pickle=False) as new, np.load(shipped, allow_pickle=False) as old:
        assert sorted(new.files) == sorted(old.files)
        for name in old.files:
            a, b = new[name], old[name]
            assert (a.dtype, a.shape) == (b.dtype, b.shape), name
            if a.dtype.kind != "f":
                assert (a == b).all(), name
                continue
            a64, b64 = a.astype(np.float64), b.astype(np.float64)
            if a.dtype == np.float64:
                assert np.allclose(a64, b64, rtol=1e-6, atol=1e-9), name
            else:  # half precision: a few weights one step apart
                assert np.allclose(a64, b64, rtol=1e-3, atol=1e-3), name
                assert np.count_nonzero(a64 != b64) <= max(3, a.size // 1000), name


def test_arguments_weights_compare_to_rounding_but_not_beyond(tmp_path):
    import numpy as np

    with np.load(ARTEFACT, allow_pickle=False) as shipped:
        arrays = {name: shipped[name] for name in shipped.files}
    np.savez(tmp_path / "same.npz", **arrays)
    assert_same_weights(tmp_path / "same.npz", ARTEFACT)
    weights = arrays["weights"].copy()
    weights[0, 0] += np.float16(0.5)  # a real change to one weight
    np.savez(tmp_path / "moved.npz", **{**arrays, "weights": weights})
    with pytest.raises(AssertionError):
        assert_same_weights(tmp_path / "moved.npz", ARTEFACT)


def test_arguments_artefact_is_small_and_versioned():
    ranker = ArgumentRanker.load()
    assert ranker.version == ARGUMENTS_VERSION
    assert ARTEFACT.stat().st_size < 1_000_000
    assert 0.0 <= ranker.probability(["dep:pobj", "prep:against"]) <= 1.0


def test_arguments_save_writes_the_same_bytes(tmp_path):
    ArgumentRanker.load().save(tmp_path / "again.npz")
    assert (tmp_path / "again.npz").read_bytes() == ARTEFACT.read_bytes()


def test_arguments_replace_a_thing_with_a_named_recipient(coder):
    text = "Germany condemned the decision, citing Lagos."
    assert _coded(coder, StubRanker("Lagos", 0.9), text) == [
        ("ACCUSE", ["Germany"], ["Lagos"])]
    # Not sure enough: the grammar's recipient stays.
    assert _coded(coder, StubRanker("Lagos", 0.2), text) == [
        ("ACCUSE", ["Germany"], ["the decision"])]


def test_arguments_only_offer_phrases_of_the_trigger_clause(coder):
    """"its envoy in Lagos said": Lagos belongs to another clause than "condemned"."""
    assert _coded(coder, StubRanker("Lagos", 0.9),
                  "Germany condemned the decision, its envoy in Lagos said.") == [
        ("ACCUSE", ["Germany"], ["the decision"])]


def test_arguments_never_replace_a_coded_recipient_or_offer_a_thing(coder):
    assert _coded(coder, StubRanker("Lagos", 0.99),
                  "Germany condemned Russia on Monday in Lagos.") == [
        ("ACCUSE", ["Germany"], ["Russia"])]
    assert _coded(coder, StubRanker("budget", 0.99),
                  "Germany condemned the decision over the budget.") == [
        ("ACCUSE", ["Germany"], ["the decision"])]


def test_arguments_off_by_default_and_versioned_when_on(coder):
    from eventcoder.pipeline import Coder

    assert "arguments" not in coder.versions
    assert Coder(use_arguments=True).versions["arguments"] == ARGUMENTS_VERSION


def test_arguments_training_reproduces_the_artefact(shared, tmp_path):
    pytest.importorskip("sklearn", reason="scikit-learn (the train extra) is not installed")
    from .conftest import script_module

    for module in script_module("train_arguments"):
        out = tmp_path / "arguments.npz"
        module.main([str(shared / "data" / "train" / "PLV_train.tsv"), "--headlines",
                     str(shared / "data" / "train" / "synthetic_headlines.csv"),
                     "--out", str(out)])
        assert_same_weights(out, ARTEFACT)  # else retrain: python scripts/train_arguments.py
        # ../shared/data/train/PLV_train.tsv --headlines ../shared/data/train/synthetic_headlines.csv


def test_classifier_training_reproduces_the_artefact(shared, tmp_path):
    pytest.importorskip("sklearn", reason="scikit-learn (the train extra) is not installed")
    from .conftest import script_module

    shipped = ARTEFACT.with_name("classifier.npz")
    for module in script_module("train_classifier"):
        out = tmp_path / "classifier.npz"
        module.main([str(shared / "data" / "train" / "PLV_train.tsv"), "--headlines",
                     str(shared / "data" / "train" / "synthetic_headlines.csv"),
                     "--out", str(out)])
        assert_same_weights(out, shipped)
