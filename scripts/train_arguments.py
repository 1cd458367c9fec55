"""Train the argument ranker (which noun phrase is an event's recipient) and report its 5-fold
cross-validated figures.

    pip install -e '.[train]'          # scikit-learn, needed here only
    python scripts/train_arguments.py ../shared/data/train/PLV_train.tsv \\
        --headlines ../shared/data/train/synthetic_headlines.csv
                                        # cross-validate, then write the package artefact
    python scripts/train_arguments.py PLV_train.tsv --headlines ... --cv-only --end-to-end
                                        # also code PLV end to end, every row by a pipeline
                                        # whose ranker and classifier did not see it

Training examples: each PLV sentence is parsed and coded by the rules (no ranker); the first
candidate whose actor overlaps the marked source gives one example per noun phrase of the
sentence (``coding.arguments.noun_heads``, the actor's and the trigger's own words left out),
labelled by whether the phrase overlaps the marked target. Sentences whose target no phrase
overlaps teach nothing and are left out. The model is a binary logistic regression over the
hashed features of ``coding.arguments.features``.

Cross-validation uses the event classifier's folds (stratified by type, ``--seed``), so that
``--end-to-end`` can code each fold with a ranker and a classifier (``train_classifier.py``)
both trained on the other folds. Only the weights are written, to
``src/eventcoder/coding/data/arguments.npz`` (``--out`` elsewhere, ``--cv-only`` not at all);
the data is read where it lies and never copied into the repository.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "src" / "eventcoder" / "coding" / "data" / "arguments.npz"


def _classifier_script():
    spec = importlib.util.spec_from_file_location("train_classifier",
                                                  REPO / "scripts" / "train_classifier.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def examples(rows, docs) -> list[list[tuple[np.ndarray, bool]]]:
    """Per PLV row, its (hashed features, is the target) pairs; [] when the row teaches
    nothing."""
    from eventcoder.coding.arguments import features, noun_heads
    from eventcoder.coding.classifier import hashed
    from eventcoder.coding.lexicon import default_lexicon
    from eventcoder.coding.rules import RuleCoder, phrase_of

    def overlaps(start: int, end: int, span) -> bool:
        return span is not None and start < span[1] and span[0] < end

    rules = RuleCoder(default_lexicon())
    out: list[list[tuple[np.ndarray, bool]]] = []
    for row, doc in zip(rows, docs):
        items: list[tuple[np.ndarray, bool]] = []
        for index, sent in enumerate(doc.sents):
            cand = next((c for c in rules.code_sentence(sent, index)
                         if any(overlaps(p.start, p.end, row.source) for p in c.actor)), None)
            if cand is None:
                continue
            trigger = next(t for t in sent if t.idx == cand.trigger.start)
            for head in noun_heads(sent):
                if head.i == trigger.i or any(p.start <= head.idx < p.end for p in cand.actor):
                    continue
                phrase = phrase_of(head)
                items.append((hashed(features(trigger, head, cameo=cand.row.cameo,
                                              kind=cand.row.kind, chosen=cand.recipient,
                                              deeper=cand.more)),
                              overlaps(phrase.start, phrase.end, row.target)))
            break
        out.append(items if any(label for _, label in items) else [])
    return out


def build(per_row: list[list[tuple[np.ndarray, bool]]], *, c: float, seed: int):
    from eventcoder.coding.arguments import ARGUMENTS_VERSION, ArgumentRanker
    from eventcoder.coding.classifier import _Linear

    fit = _classifier_script().fit
    bucket_rows = [b for items in per_row for b, _ in items]
    labels = ["yes" if label else "no" for items in per_row for _, label in items]
    classes, columns, weights, bias = fit(bucket_rows, labels, c=c, seed=seed)
    assert classes == ["no", "yes"], classes
    return ArgumentRanker(
        model=_Linear(columns, weights.astype(np.float16).astype(np.float32), bias),
        version=ARGUMENTS_VERSION)


def top1(model, items) -> bool:
    """Whether the model's best phrase of one row is the target."""
    from eventcoder.coding.arguments import ArgumentRanker

    assert isinstance(model, ArgumentRanker)
    scores = [float(model.model.probabilities(b)[1]) for b, _ in items]
    return bool(items[int(np.argmax(scores))][1])


def end_to_end(plv: Path, headlines: Path, rows, splits, per_row, *, c: float, seed: int,
               thresholds=(0.3, 0.5, 0.7)) -> dict:
    """Code every PLV row with a pipeline whose ranker and classifier were trained on the other
    folds; score it against the same pipeline without the ranker, at several thresholds."""
    from eventcoder import pipeline
    from eventcoder.evaluate import code_plv, merged, scores
    from eventcoder.nlp import Pipeline

    classifier_script = _classifier_script()
    nlp = Pipeline().nlp
    plv_ex, gold, quads = classifier_script.plv_examples(plv, nlp)
    from eventcoder.coding.classifier import YIELD_TYPES, features, hashed

    extra, extra_labels = classifier_script.headline_examples(headlines, nlp)
    plv_rows = [hashed(features(**e)) for e in plv_ex]
    extra_rows = [hashed(features(**e)) for e in extra]
    extra_merged = [merged(label) for label in extra_labels]
    split_rows = [r for r, label in zip(extra_rows, extra_labels) if label in YIELD_TYPES]
    split_labels = [label for label in extra_labels if label in YIELD_TYPES]
    settings = {"no ranker": None,
                **{f"uncoded, p>={t}": ("uncoded", t) for t in thresholds},
                **{f"known, p>={t}": ("known", t) for t in thresholds},
                **{f"always, p>={t}": ("always", t) for t in thresholds}}
    predicted: dict[str, list] = {name: [None] * len(rows) for name in settings}
    saved = pipeline.ARGUMENT_MIN_PROBABILITY, pipeline.ARGUMENT_POLICY
    try:
        for train, test in splits:
            classifier = classifier_script.build(
                [plv_rows[i] for i in train] + extra_rows, [gold[i] for i in train] + extra_merged,
                split_rows, split_labels, c=50.0, seed=seed)
            ranker = build([per_row[i] for i in train], c=c, seed=seed)
            fold = [rows[i] for i in test]
            for name, setting in settings.items():
                if setting is None:
                    coder = pipeline.Coder(classifier=classifier, use_arguments=False)
                else:
                    pipeline.ARGUMENT_POLICY, pipeline.ARGUMENT_MIN_PROBABILITY = setting
                    coder = pipeline.Coder(classifier=classifier, argument_ranker=ranker)
                for i, (event, _why) in zip(test, code_plv(fold, coder)):
                    predicted[name][i] = merged(event.event_type) if event else None
    finally:
        pipeline.ARGUMENT_MIN_PROBABILITY, pipeline.ARGUMENT_POLICY = saved
    figures = {}
    print("end to end (PLV coded by the pipeline; ranker and classifier held out):")
    for name, labels in predicted.items():
        figures[name] = scores(gold, labels, quads)
        coverage = sum(p is not None for p in labels) / len(labels)
        figures[name]["coverage"] = round(coverage, 4)
        print(f"  {name:18} type accuracy {figures[name]['type_accuracy']:.3f}  quad accuracy "
              f"{figures[name]['quad_accuracy']:.3f}  coverage {coverage:.3f}")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("plv", type=Path, help="PLV_train.tsv")
    parser.add_argument("--headlines", type=Path, required=True,
                        help="synthetic_headlines.csv (for the classifier of --end-to-end)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--c", type=float, default=50.0, help="inverse regularisation strength")
    parser.add_argument("--json", type=Path, help="write the cross-validated figures here")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--cv-only", action="store_true", help="do not write the artefact")
    parser.add_argument("--end-to-end", action="store_true",
                        help="also code PLV with the pipeline, each fold by models that did "
                             "not see it")
    args = parser.parse_args(argv)

    from sklearn.model_selection import StratifiedKFold

    from eventcoder.evaluate import read_plv
    from eventcoder.nlp import Pipeline

    started = time.monotonic()
    rows = read_plv(args.plv)
    nlp = Pipeline().nlp
    docs = list(nlp.pipe([r.sentence for r in rows], batch_size=64))
    per_row = examples(rows, docs)
    gold = [r.gold for r in rows]
    folds = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=args.seed)
    splits = list(folds.split(np.zeros(len(gold)), gold))
    right = total = grammar = 0
    for train, test in splits:
        model = build([per_row[i] for i in train], c=args.c, seed=args.seed)
        for i in test:
            if per_row[i]:
                total += 1
                right += top1(model, per_row[i])
    for items in per_row:
        if items:
            # The grammar's choice: the first phrase it chose as recipient.
            chosen = [label for buckets, label in items
                      if _has(buckets, "chosen:True")]
            grammar += bool(chosen and chosen[0])
    result = {"folds": args.folds, "seed": args.seed, "c": args.c, "rows": len(rows),
              "rows_with_examples": total,
              "top1_recipient_accuracy": round(right / total, 4) if total else 0.0,
              "grammar_recipient_accuracy": round(grammar / total, 4) if total else 0.0}
    print(f"{args.folds}-fold cross-validation on {total} of {len(rows)} PLV rows (a rule "
          f"candidate with the marked source as actor, the marked target among the phrases)")
    print(f"recipient top-1 accuracy: ranker {result['top1_recipient_accuracy']:.3f}, the "
          f"grammar's first choice {result['grammar_recipient_accuracy']:.3f}")
    if args.end_to_end:
        result["end_to_end"] = end_to_end(args.plv, args.headlines, rows, splits, per_row,
                                          c=args.c, seed=args.seed)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if not args.cv_only:
        model = build(per_row, c=args.c, seed=args.seed)
        model.save(args.out)
        print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB; "
              f"{len(model.model.buckets)} features)")
    print(f"{time.monotonic() - started:.1f} s", file=sys.stderr)
    return 0


def _has(buckets: np.ndarray, feature: str) -> bool:
    from eventcoder.coding.classifier import hashed

    return bool(np.isin(hashed([feature]), buckets).all())


if __name__ == "__main__":
    sys.exit(main())
