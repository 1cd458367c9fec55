"""``eventcoder evaluate``: measure the coder against annotated material.

Two formats:

* PLV (tab-separated; ``marked_sentence`` marks the source ``<s>...</s>`` and the target
  ``<t>...</t>``; ``gold_root`` is the PLOVER type, YIELD standing for CONCEDE + RETREAT;
  ``gold_penta`` the quad class). Each sentence is coded end to end; the event whose actor
  overlaps the source and whose recipient overlaps the target (character offsets) is compared
  with the gold type; no such event is a miss. A participant also matches a marked span when
  it is a pronoun resolved to a name inside it, or the same name at another mention ("donor
  to <t>Sudan</t>, providing $5bn to Sudan"); co-actors match a source and target that are
  both among them. The classifier is also scored with the spans
  given (its trigger is the word governing both spans in the parse).
* Expected events (JSON lines, as in ``../shared/examples/``): a predicted event is correct
  when it matches a gold event (the evidence is in its sentence, its type is allowed, its
  actors and recipients fit, either way round when symmetric); recall counts the required
  gold events matched.

Quad classes for PLV follow PLV's convention: YIELD (CONCEDE, RETREAT) is material
cooperation (2); every other type takes its quad class from the ontology.

A composition root: it may import the pipeline. The command line calls ``add_arguments`` and
``run``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from . import ontology
from .coding.classifier import YIELD, YIELD_TYPES, EventClassifier, trigger_between
from .errors import InputError, UsageError
from .types import Article, Event

PLV_DATE = dt.date(2020, 1, 1)
_MARK = re.compile(r"</?[st]>")


@dataclass(frozen=True)
class PlvRow:
    """One PLV sentence: the source and target as character spans of ``sentence`` (None when
    unmarked), the gold type (``YIELD`` for CONCEDE and RETREAT) and the gold quad class."""

    sentence: str
    source: tuple[int, int] | None
    target: tuple[int, int] | None
    gold: str
    quad: int

    def text(self, span: tuple[int, int] | None) -> str | None:
        return self.sentence[span[0]:span[1]] if span else None


def merged(event_type: str) -> str:
    """The PLV label of a PLOVER type: CONCEDE and RETREAT count as YIELD."""
    return YIELD if event_type in YIELD_TYPES else event_type


def quad_of(event_type: str) -> int:
    """The quad class of a type, PLV's way (YIELD is material cooperation)."""
    if merged(event_type) == YIELD:
        return 2
    return {t.name: t.quad_class for t in ontology.plover_types()}[event_type]


def _marked(marked: str) -> tuple[str, tuple[int, int] | None, tuple[int, int] | None]:
    """The clean sentence and the first <s> and <t> spans of a marked sentence."""
    spans: dict[str, tuple[int, int]] = {}
    opened: dict[str, int] = {}
    clean: list[str] = []
    length = cursor = 0
    for match in _MARK.finditer(marked):
        clean.append(marked[cursor:match.start()])
        length += match.start() - cursor
        cursor = match.end()
        tag = match.group()
        if tag.startswith("</"):
            start = opened.pop(tag[2], None)
            if start is not None and tag[2] not in spans:
                spans[tag[2]] = (start, length)
        else:
            opened[tag[1]] = length
    clean.append(marked[cursor:])
    return "".join(clean), _trimmed(spans.get("s"), clean), _trimmed(spans.get("t"), clean)


def _trimmed(span: tuple[int, int] | None, parts: list[str]) -> tuple[int, int] | None:
    if span is None:
        return None
    text = "".join(parts)
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def read_plv(path: str | Path) -> list[PlvRow]:
    """The rows of a PLV file."""
    path = Path(path)
    if not path.is_file():
        raise InputError("E101", path=str(path))
    rows: list[PlvRow] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        missing = {"marked_sentence", "gold_root", "gold_penta"} - set(reader.fieldnames or ())
        if missing:
            raise InputError("E110", path=str(path), columns=", ".join(sorted(missing)))
        for record in reader:
            sentence, source, target = _marked(record["marked_sentence"])
            rows.append(PlvRow(sentence, source, target, record["gold_root"].strip(),
                               int(record["gold_penta"])))
    return rows


def scores(gold: Sequence[str], predicted: Sequence[str | None], quads: Sequence[int]
           ) -> dict[str, Any]:
    """Type accuracy, quad accuracy, macro-F1 over the gold types, and a per-type table.
    ``predicted`` holds PLV labels, None for a miss (wrong on every count)."""
    n = len(gold)
    right = sum(g == p for g, p in zip(gold, predicted))
    quad_right = sum(p is not None and quad_of(p) == q for p, q in zip(predicted, quads))
    per_type: dict[str, dict[str, float]] = {}
    for label in sorted(set(gold)):
        tp = sum(g == label and p == label for g, p in zip(gold, predicted))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_type[label] = {"support": tp + fn, "precision": round(precision, 3),
                           "recall": round(recall, 3), "f1": round(f1, 3)}
    macro = sum(v["f1"] for v in per_type.values()) / len(per_type) if per_type else 0.0
    return {
        "n": n,
        "type_accuracy": round(right / n, 4) if n else 0.0,
        "quad_accuracy": round(quad_right / n, 4) if n else 0.0,
        "macro_f1": round(macro, 4),
        "per_type": per_type,
    }


def _overlaps(actors: Iterable, span: tuple[int, int] | None, sentence: str) -> bool:
    """Whether one of the coded actors overlaps ``span`` (True when nothing is marked)."""
    if span is None:
        return True
    for actor in actors:
        start, end = actor.start, actor.end
        if start is None or end is None:
            found = sentence.find(actor.text)
            if found < 0:
                continue
            start, end = found, found + len(actor.text)
        if start < span[1] and span[0] < end:
            return True
        if _same_name(actor.text, sentence[span[0]:span[1]]):
            return True  # "donor to Sudan, providing $5bn to Sudan": one Sudan, named twice
        if (actor.text.lower() in _PRONOUNS and actor.name
                and actor.name.lower() in sentence[span[0]:span[1]].lower()):
            return True  # "... Obama, where he had lunch with Macron": "he", resolved to him
    return False


_PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "his", "its", "their"}


def _same_name(text: str, marked: str) -> bool:
    """The same name, written out in full both times (not a pronoun or a common noun): a
    coded participant at another mention of the marked one is the marked one."""
    def key(phrase: str) -> str:
        return " ".join(re.sub(r"^(the|a|an)\s+", "", phrase.strip(), flags=re.I).split()).casefold()

    return (key(text) == key(marked) and key(text) not in _PRONOUNS
            and any(c.isupper() for c in text))


def _co_actors(actors: Sequence, row: PlvRow) -> bool:
    """Whether the source and the target are two different members of a compound actor:
    "Japan and Australia agreed ..." codes the agreement of each with the other."""
    if row.source is None or row.target is None or len(actors) < 2:
        return False
    return any(_overlaps([a], row.source, row.sentence)
               and any(b is not a and _overlaps([b], row.target, row.sentence) for b in actors)
               for a in actors)


def _match(row: PlvRow, events: Sequence[Event]) -> Event | None:
    """The coded event for the row's source and target; the most confident when several."""
    found = [e for e in events
             if (_overlaps(e.actor, row.source, row.sentence)
                 and _overlaps(e.recipient, row.target, row.sentence)
                 or _co_actors(e.actor, row))
             and (e.actor or e.recipient)]
    return max(found, key=lambda e: (e.confidence, -e.trigger.start), default=None)


def _why_missed(row: PlvRow, events: Sequence[Event]) -> str:
    """Why no event matched: none coded, or which side did not overlap."""
    if not events:
        return "no event"
    if any(_overlaps(e.actor, row.source, row.sentence) for e in events if e.actor):
        return "recipient differs"
    if any(_overlaps(e.recipient, row.target, row.sentence) for e in events if e.recipient):
        return "actor differs"
    return "actor and recipient differ"


def code_plv(rows: Sequence[PlvRow], coder) -> list[tuple[Event | None, str]]:
    """Code each row's sentence end to end: its matched event, or None and why it was missed
    ("no event", "actor differs", "recipient differs", "actor and recipient differ",
    "failed")."""
    articles = [Article(id=f"plv-{i}", text=r.sentence, published=PLV_DATE)
                for i, r in enumerate(rows)]
    coded: dict[str, list[Event]] = {}
    failed: set[str] = set()
    for article, events in coder.code_articles(
        articles, on_error=lambda article, error: failed.add(article.id)
    ):
        coded[article.id] = events
    results: list[tuple[Event | None, str]] = []
    for article, row in zip(articles, rows):
        events = coded.get(article.id, [])
        event = _match(row, events)
        if event is not None:
            results.append((event, ""))
        else:
            results.append((None, "failed" if article.id in failed else _why_missed(row, events)))
    return results


def evaluate_plv(path: str | Path, coder, *, limit: int | None = None, every: int = 1
                 ) -> dict[str, Any]:
    """Code each PLV sentence end to end and score the matched events; also score the
    classifier with the spans given. ``coder`` is a ``pipeline.Coder``; ``every`` keeps every
    n-th row (PLV files are sorted by type), ``limit`` the first rows kept."""
    started = time.monotonic()
    rows = read_plv(path)[::every][:limit]
    results = code_plv(rows, coder)
    predicted = [merged(event.event_type) if event else None for event, _why in results]
    misses = Counter(why for event, why in results if event is None)
    gold = [r.gold for r in rows]
    quads = [r.quad for r in rows]
    end_to_end = scores(gold, predicted, quads)
    covered = sum(p is not None for p in predicted)
    end_to_end["coverage"] = round(covered / len(rows), 4) if rows else 0.0
    end_to_end["accuracy_when_found"] = (
        round(sum(g == p for g, p in zip(gold, predicted)) / covered, 4) if covered else 0.0)
    end_to_end["misses"] = dict(misses.most_common())
    coding_seconds = time.monotonic() - started
    classifier = EventClassifier.load()
    given: list[str | None] = []
    for row, doc in zip(rows, coder.nlp.nlp.pipe([r.sentence for r in rows], batch_size=64)):
        ranked = classifier.predict_merged(
            row.sentence, trigger=trigger_between(doc, row.source, row.target),
            actor=row.text(row.source), recipient=row.text(row.target))
        given.append(ranked[0][0])
    return {
        "format": "plv",
        "path": str(path),
        "rows": len(rows),
        "end_to_end": end_to_end,
        "spans_given": scores(gold, given, quads),
        "confusions": [
            {"gold": g, "predicted": p, "count": n}
            for (g, p), n in Counter(
                (g, p or "-") for g, p in zip(gold, predicted) if g != p).most_common(10)
        ],
        "seconds": round(coding_seconds, 1),
    }


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _norm(text: Any) -> str:
    text = str(text).replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.lower().split())


def _actor_fits(spec: dict, actors: list[dict]) -> bool:
    """One gold participant (countries and sectors, null = any) against the coded ones."""
    countries = _as_list(spec.get("country"))
    sectors = spec.get("sector")
    for actor in actors:
        country, code = actor.get("country") or "", actor.get("code") or ""
        if countries and not any(country == c or code.startswith(c) for c in countries):
            continue
        if sectors is None:
            return True
        got = [s for s in _as_list(actor.get("sector")) if s]
        if (not got and None in sectors) or any(s in sectors for s in got):
            return True
    return False


def _side_fits(gold_side: Any, coded: Any) -> bool:
    return all(_actor_fits(spec, _as_list(coded)) for spec in _as_list(gold_side))


def _fits(gold: dict, event: dict) -> bool:
    if _norm(gold["evidence"]) not in _norm(event.get("sentence", "")):
        return False
    if event.get("event_type") not in gold["types"]:
        return False
    actor, recipient = event.get("actor"), event.get("recipient")
    if _side_fits(gold.get("actor"), actor) and _side_fits(gold.get("recipient"), recipient):
        return True
    return bool(gold.get("symmetric")) and _side_fits(gold.get("actor"), recipient) \
        and _side_fits(gold.get("recipient"), actor)


def _read_jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        raise InputError("E101", path=str(path))
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise InputError("E105", path=str(path), line=number, detail=error.msg) from None
    return records


def score_expected(gold: Sequence[dict], predicted: Sequence[dict]) -> dict[str, Any]:
    """Precision over the predicted events, recall over the required gold events, and the
    accuracy of date, location and fatalities on the matched required events."""
    first_match: dict[str, dict] = {}
    wrong: list[dict] = []
    for event in predicted:
        hits = [g for g in gold if _fits(g, event)]
        for g in hits:
            first_match.setdefault(g["id"], event)
        if not hits:
            wrong.append({"sentence_index": event.get("sentence_index"),
                          "event_type": event.get("event_type"),
                          "trigger": (event.get("trigger") or {}).get("text")})
    required = [g for g in gold if g.get("required")]
    found = [g for g in required if g["id"] in first_match]
    attributes = {"date": [0, 0], "location": [0, 0], "fatalities": [0, 0]}
    for g in found:
        event = first_match[g["id"]]
        if g.get("date"):
            attributes["date"][1] += 1
            attributes["date"][0] += event.get("date") == g["date"]
        if g.get("location"):
            attributes["location"][1] += 1
            place = event.get("location") or {}
            ok = place.get("country") == g["location"].get("country")
            if g["location"].get("name"):
                ok = ok and _norm(g["location"]["name"]) in _norm(place.get("name") or "")
            attributes["location"][0] += ok
        if g.get("fatalities") is not None:
            attributes["fatalities"][1] += 1
            attributes["fatalities"][0] += event.get("fatalities") == g["fatalities"]
    correct = len(predicted) - len(wrong)
    return {
        "predicted": len(predicted),
        "correct": correct,
        "precision": round(correct / len(predicted), 3) if predicted else 0.0,
        "recall": round(len(found) / len(required), 3) if required else 1.0,
        "missed": [g["id"] for g in required if g["id"] not in first_match],
        "unmatched": wrong,
        "attributes": {k: f"{v[0]}/{v[1]}" for k, v in attributes.items()},
    }


def evaluate_expected(story_path: str | Path, expected_path: str | Path, coder, *,
                      date: dt.date | None) -> dict[str, Any]:
    """Code one story file and score its events against an expected-events JSONL file."""
    from .ingest import read_articles

    gold = _read_jsonl(Path(expected_path))
    articles = []
    for item in read_articles([str(story_path)], default_date=date):
        if isinstance(item, InputError):
            raise item
        articles.append(item)
    predicted = [e.to_dict() for _a, events in coder.code_articles(articles) for e in events]
    result = score_expected(gold, predicted)
    result.update(format="expected", story=str(story_path), expected=str(expected_path))
    return result


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return int(value)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``eventcoder evaluate``."""
    parser.add_argument("path", metavar="PATH",
                        help="a PLV file (.tsv), or a story file when --expected is given")
    parser.add_argument("--expected", metavar="FILE",
                        help="expected events (JSON lines) for the story at PATH")
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="publication date of the story (with --expected)")
    parser.add_argument("--limit", type=_positive, metavar="N", help="only the first N PLV rows")
    parser.add_argument("--every", type=_positive, default=1, metavar="N",
                        help="only every N-th PLV row (the rows are sorted by type)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--model", help="spaCy pipeline package (default: as for code)")
    parser.add_argument("--ranker", action="store_true",
                        help="code with the argument ranker (as code --ranker)")


def _print_table(title: str, result: dict[str, Any], out: TextIO) -> None:
    line = (f"{title}: type accuracy {result['type_accuracy']:.3f}, quad accuracy "
            f"{result['quad_accuracy']:.3f}, macro-F1 {result['macro_f1']:.3f}")
    if "coverage" in result:
        line += f", coverage {result['coverage']:.3f}"
    out.write(line + "\n")
    out.write(f"  {'type':10} {'n':>4} {'P':>6} {'R':>6} {'F1':>6}\n")
    for label, row in result["per_type"].items():
        out.write(f"  {label:10} {row['support']:>4} {row['precision']:>6.3f} "
                  f"{row['recall']:>6.3f} {row['f1']:>6.3f}\n")


def _summary(result: dict[str, Any], out: TextIO) -> None:
    if result["format"] == "plv":
        out.write(f"{result['rows']} PLV rows, coded in {result['seconds']} s "
                  "(CONCEDE and RETREAT count as YIELD)\n")
        _print_table("end to end", result["end_to_end"], out)
        misses = result["end_to_end"]["misses"]
        out.write("misses: " + (", ".join(f"{k} {v}" for k, v in misses.items()) or "-") + "\n")
        _print_table("classifier, spans given", result["spans_given"], out)
        out.write("(the shipped classifier was trained on PLV_train: on that file the figure "
                  "above is not held out; scripts/train_classifier.py gives the cross-validated "
                  "one)\n")
        return
    out.write(f"{result['predicted']} events predicted, {result['correct']} correct: "
              f"precision {result['precision']:.3f}, recall {result['recall']:.3f}\n")
    out.write(f"missed: {', '.join(result['missed']) or '-'}\n")
    out.write("attributes: " + ", ".join(f"{k} {v}" for k, v in result["attributes"].items())
              + "\n")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``eventcoder evaluate``: print a summary, write JSON when asked; exit code 0."""
    from .pipeline import Coder

    date = None
    if args.date:
        try:
            date = dt.date.fromisoformat(args.date)
        except ValueError:
            raise UsageError("E001", value=args.date) from None
    coder = Coder(model=args.model, use_arguments=args.ranker)
    if args.expected:
        result = evaluate_expected(args.path, args.expected, coder, date=date)
    else:
        result = evaluate_plv(args.path, coder, limit=args.limit, every=args.every)
    _summary(result, out)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        err.write(f"eventcoder: wrote {args.json}\n")
    return 0


__all__ = ["PlvRow", "add_arguments", "code_plv", "evaluate_expected", "evaluate_plv", "merged",
           "quad_of", "read_plv", "run", "score_expected", "scores"]
