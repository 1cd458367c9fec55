"""`eventcoder bench`: throughput and memory of the bare spaCy pipeline and of the full coder.

    eventcoder bench [PATH...] [--limit N] [--workers 1,2] [--json FILE] [--markdown FILE]

For every corpus (default: the Guardian and Reuters samples in ../shared/data/corpora) and
every process count N, the first ``--limit`` stories are split into N interleaved shards and
each shard runs in its own fresh process, twice:

    bare  spacy.load(model) and ``nlp.pipe`` over the stories' documents (headline + body)
    full  ``Coder.code_articles`` (parse, code, actors, dates, places, counts)

both in batches of ``BATCH`` texts. Each worker loads its model and warms it up, then all
start together (a barrier); the time is from the first start to the last finish, so model
loads are not counted. CPU seconds (the workers' summed process time) compare the pipelines
even when other programs share the machine. Peak RSS is each worker's ``ru_maxrss`` (standard
library only). Sentences and tokens are counted by the bare parse and used for both rates.

Runs minutes apart on a shared machine differ by 20% or more in CPU seconds, more than coding
costs, so the cost of coding is also measured *interleaved*: one fresh process loads both
pipelines and, batch by batch, parses with the bare pipeline and codes with the full one (the
order alternating between batches), summing each one's CPU time; ``--rounds`` passes over the
stories. Both then see the same machine at the same moments, and ``full/bare`` is the cost of
coding against parsing alone. Rounds after the first find the coder's look-up caches (names,
places) warm, so they flatter it; the first round is the figure to quote.

The JSON result carries every figure; the Markdown table goes between ``<!-- bench:start -->``
and ``<!-- bench:end -->`` of the ``--markdown`` file, with the exact command.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import itertools
import json
import multiprocessing
import os
import platform
import resource
import shlex
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from .errors import InputError, UsageError
from .types import Article

DEFAULT_CORPORA = ("../shared/data/corpora/guardian_sdf_sample.csv.zip",
                   "../shared/data/corpora/reuters21578.jsonl")
DEFAULT_LIMIT = 200
DEFAULT_ROUNDS = 1
MODES = ("bare", "full")
START = "<!-- bench:start -->"
END = "<!-- bench:end -->"
# Both pipelines parse in batches of this many texts (the Coder's default): spaCy's own
# default for this model (256) measured no faster and took 3.5 GB on the Guardian stories.
BATCH = 16
# Seconds a worker may take to load its model before the run is abandoned.
LOAD_TIMEOUT = 600.0


@dataclass(frozen=True)
class Run:
    """One configuration's result: a corpus, ``mode`` ("bare" or "full"), ``workers``
    processes; rates per second of wall time; ``cpu_seconds`` the workers' CPU time summed
    (robust when other programs share the machine); ``peak_rss_mb`` the largest worker's."""

    corpus: str
    mode: str
    workers: int
    stories: int
    sentences: int
    tokens: int
    seconds: float
    cpu_seconds: float
    stories_per_s: float
    sentences_per_s: float
    tokens_per_s: float
    peak_rss_mb: float
    events: int | None


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add ``bench`` to the CLI's subcommands."""
    bench = commands.add_parser(
        "bench", help="measure throughput: the bare spaCy pipeline against the full coder",
        description="Code a corpus with the bare spaCy pipeline and with the full coder, with "
                    "1 and more processes, and report stories/s, sentences/s, tokens/s and "
                    "peak memory per worker.")
    bench.add_argument("paths", nargs="*", metavar="PATH",
                       help="corpora (JSONL or story files; default: the Guardian and Reuters "
                            "samples in ../shared/data/corpora)")
    bench.add_argument("--limit", type=int, default=DEFAULT_LIMIT, metavar="N",
                       help=f"the first N stories of each corpus (default {DEFAULT_LIMIT})")
    bench.add_argument("--workers", default="1,2", metavar="LIST",
                       help="process counts to measure, comma-separated (default 1,2)")
    bench.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS, metavar="N",
                       help="passes of the interleaved bare/full measurement per corpus; 0 skips "
                            f"it (default {DEFAULT_ROUNDS})")
    bench.add_argument("--model", help="spaCy pipeline package (default as for code)")
    bench.add_argument("--json", metavar="FILE", help="write the full result as JSON")
    bench.add_argument("--markdown", metavar="FILE",
                       help="write the table into FILE between the bench markers")
    bench.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """The ``bench`` command."""
    workers = _workers(args.workers)
    if args.limit < 1:
        raise UsageError("E004", option="--limit", value=args.limit)
    if args.rounds < 0:
        raise UsageError("E004", option="--rounds", value=args.rounds)
    paths = args.paths or list(DEFAULT_CORPORA)
    corpora = {path: _stories(path, args.limit, err) for path in paths}
    result = benchmark(corpora, workers=workers, model=args.model, rounds=args.rounds, err=err)
    result["command"] = command_line(args)
    table = markdown(result)
    out.write(table)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.markdown:
        replace_block(args.markdown, table)
    return 0


def benchmark(corpora: dict[str, list[Article]], *, workers: Sequence[int],
              model: str | None = None, rounds: int = DEFAULT_ROUNDS,
              err: TextIO | None = None) -> dict[str, Any]:
    """Measure every corpus x process count x mode, then each corpus interleaved (``rounds``
    passes; none when 0); the JSON-ready result."""
    from .nlp import model_name
    from .pipeline import CODER_VERSION

    runs: list[Run] = []
    for (path, articles), n in itertools.product(corpora.items(), workers):
        counts: tuple[int, int] | None = None
        for mode in MODES:
            measured = _measure(mode, articles, workers=n, model=model)
            counts = counts or (measured["sentences"], measured["tokens"])
            runs.append(_run(Path(path).name, mode, n, len(articles), counts, measured))
            if err is not None:
                print(f"bench: {runs[-1].corpus} {mode} x{n}: "
                      f"{runs[-1].stories_per_s:.2f} stories/s", file=err)
    interleaved = []
    for path, articles in corpora.items() if rounds else ():
        item = {"corpus": Path(path).name, "stories": len(articles), "rounds": rounds,
                **_interleaved(articles, model=model, rounds=rounds)}
        interleaved.append(item)
        if err is not None:
            print(f"bench: {item['corpus']} interleaved: full/bare {item['full_vs_bare_cost']:.2f} "
                  f"in CPU seconds", file=err)
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "model": model_name(model),
        "coder": CODER_VERSION,
        "runs": [dataclasses.asdict(r) for r in runs],
        "ratios": ratios(runs),
        "interleaved": interleaved,
    }


def ratios(runs: Sequence[Run]) -> list[dict[str, Any]]:
    """Per corpus and process count: full/bare throughput (by wall time, and by CPU time),
    and each mode's speed-up over one process (when one process was measured)."""
    by_key = {(r.corpus, r.mode, r.workers): r for r in runs}
    out = []
    for r in runs:
        if r.mode != "full" or (r.corpus, "bare", r.workers) not in by_key:
            continue
        bare = by_key[(r.corpus, "bare", r.workers)]
        item: dict[str, Any] = {"corpus": r.corpus, "workers": r.workers,
                                "full_vs_bare": round(r.stories_per_s / bare.stories_per_s, 3),
                                "full_vs_bare_cpu": round(bare.cpu_seconds / r.cpu_seconds, 3)}
        for mode, run_ in (("bare", bare), ("full", r)):
            one = by_key.get((r.corpus, mode, 1))
            item[f"{mode}_speedup"] = (round(run_.stories_per_s / one.stories_per_s, 3)
                                       if one else None)
        out.append(item)
    return out


def markdown(result: dict[str, Any]) -> str:
    """The result as a Markdown section: command, machine, and one row per run."""
    ratio = {(r["corpus"], r["workers"]): r for r in result["ratios"]}
    lines = [
        f"Measured {result['date']} on {result['machine']['cpus']} CPUs "
        f"(Python {result['machine']['python']}), model `{result['model']}`, {result['coder']}:",
        "",
        "```sh",
        result.get("command", "eventcoder bench"),
        "```",
        "",
        "| corpus | stories | processes | pipeline | stories/s | sentences/s | tokens/s "
        "| CPU s | peak RSS/worker (MB) | full/bare | speed-up vs 1 process |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in result["runs"]:
        pair = ratio.get((r["corpus"], r["workers"]), {})
        full_vs_bare = f"{pair['full_vs_bare']:.2f}" if r["mode"] == "full" and pair else ""
        speedup = pair.get(f"{r['mode']}_speedup")
        lines.append(
            f"| {r['corpus']} | {r['stories']} | {r['workers']} | {r['mode']} "
            f"| {r['stories_per_s']:.2f} | {r['sentences_per_s']:.1f} | {r['tokens_per_s']:.0f} "
            f"| {r['cpu_seconds']:.1f} | {r['peak_rss_mb']:.0f} | {full_vs_bare} "
            f"| {f'{speedup:.2f}' if speedup is not None and r['workers'] > 1 else ''} |")
    if result.get("interleaved"):
        lines += [
            "",
            "Interleaved in one process (bare parse and full coding of each batch of "
            f"{BATCH} stories in turn, order alternating; CPU seconds summed over the rounds):",
            "",
            "| corpus | stories | rounds | bare CPU s | full CPU s | full/bare cost "
            "| full/bare per round |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        for item in result["interleaved"]:
            per_round = ", ".join(f"{r:.2f}" for r in item["per_round"])
            lines.append(
                f"| {item['corpus']} | {item['stories']} | {item['rounds']} "
                f"| {item['bare_cpu_seconds']:.1f} | {item['full_cpu_seconds']:.1f} "
                f"| {item['full_vs_bare_cost']:.2f} | {per_round} |")
    return "\n".join(lines) + "\n"


def replace_block(path: str | os.PathLike[str], content: str) -> None:
    """Put ``content`` between the bench markers of ``path`` (appended, with the markers,
    when the file or the markers are missing); the rest of the file is kept as it is."""
    target = Path(path)
    text = target.read_text(encoding="utf-8") if target.exists() else ""
    block = f"{START}\n{content.rstrip()}\n{END}"
    if START in text and END in text.split(START, 1)[1]:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        text = before + block + after
    else:
        text = (text.rstrip("\n") + "\n\n" if text.strip() else "") + block + "\n"
    target.write_text(text, encoding="utf-8")


def command_line(args: argparse.Namespace) -> str:
    """The exact command that reproduces ``args``."""
    parts = ["eventcoder", "bench", *args.paths, "--limit", str(args.limit),
             "--workers", args.workers]
    if args.rounds != DEFAULT_ROUNDS:
        parts += ["--rounds", str(args.rounds)]
    for option in ("model", "json", "markdown"):
        if getattr(args, option):
            parts += [f"--{option}", getattr(args, option)]
    return shlex.join(parts)


def _workers(value: str) -> list[int]:
    try:
        counts = [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        raise UsageError("E004", option="--workers", value=value) from None
    if not counts or min(counts) < 1:
        raise UsageError("E004", option="--workers", value=value)
    return counts


def _stories(path: str, limit: int, err: TextIO) -> list[Article]:
    from .ingest import read_articles

    if not os.path.exists(path):
        raise InputError("E101", path=path)
    articles = []
    for item in read_articles([path]):
        if isinstance(item, Article):
            articles.append(item)
            if len(articles) >= limit:
                break
        else:
            print(f"eventcoder: skipped: {item}", file=err)
    if not articles:
        raise InputError("E102", path=path)
    return articles


def _run(corpus: str, mode: str, workers: int, stories: int, counts: tuple[int, int],
         measured: dict[str, Any]) -> Run:
    sentences, tokens = counts
    seconds = measured["seconds"]
    return Run(corpus=corpus, mode=mode, workers=workers, stories=stories, sentences=sentences,
               tokens=tokens, seconds=round(seconds, 6),
               cpu_seconds=round(measured["cpu_seconds"], 6),
               stories_per_s=round(stories / seconds, 3),
               sentences_per_s=round(sentences / seconds, 2),
               tokens_per_s=round(tokens / seconds, 1),
               peak_rss_mb=round(measured["peak_rss_mb"], 1), events=measured["events"])


def _measure(mode: str, articles: list[Article], *, workers: int,
             model: str | None) -> dict[str, Any]:
    """Run ``mode`` over ``articles`` in ``workers`` fresh processes (interleaved shards)."""
    context = multiprocessing.get_context("spawn")  # fresh processes: honest RSS per worker
    barrier = context.Barrier(workers)
    results = context.Queue()
    processes = [
        context.Process(target=_worker, args=(mode, articles[k::workers], model, barrier, results))
        for k in range(workers)
    ]
    for process in processes:
        process.start()
    try:
        reports = [results.get(timeout=LOAD_TIMEOUT + 3600) for _ in processes]
    finally:
        for process in processes:
            process.join(timeout=60)
    failed = [r["error"] for r in reports if "error" in r]
    if failed:
        raise RuntimeError(f"bench worker failed: {failed[0]}")
    return {
        "seconds": max(r["end"] for r in reports) - min(r["start"] for r in reports),
        "cpu_seconds": sum(r["cpu"] for r in reports),
        "sentences": sum(r["sentences"] for r in reports),
        "tokens": sum(r["tokens"] for r in reports),
        "events": sum(r["events"] for r in reports) if mode == "full" else None,
        "peak_rss_mb": max(r["peak_rss_mb"] for r in reports),
    }


def _interleaved(articles: list[Article], *, model: str | None, rounds: int) -> dict[str, Any]:
    """Bare and full CPU seconds over ``articles``, measured batch by batch in turn in one
    fresh process (``rounds`` passes)."""
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    process = context.Process(target=_interleaved_worker,
                              args=(articles, model, rounds, results))
    process.start()
    try:
        report = results.get(timeout=LOAD_TIMEOUT + 3600 * rounds)
    finally:
        process.join(timeout=60)
    if "error" in report:
        raise RuntimeError(f"bench worker failed: {report['error']}")
    bare, full = report["bare"], report["full"]
    return {
        "bare_cpu_seconds": round(sum(bare), 6),
        "full_cpu_seconds": round(sum(full), 6),
        "full_vs_bare_cost": round(sum(full) / sum(bare), 3),
        "per_round": [round(f / b, 3) for b, f in zip(bare, full)],
    }


def _interleaved_worker(articles: list[Article], model: str | None, rounds: int,
                        results) -> None:
    """Load both pipelines, warm them up, then time each batch with both, in turn."""
    try:
        shards = {"bare": _bare(model), "full": _full(model)}
        for run_shard in shards.values():
            run_shard(articles[:1])
        spent: dict[str, list[float]] = {"bare": [0.0] * rounds, "full": [0.0] * rounds}
        batches = [articles[k:k + BATCH] for k in range(0, len(articles), BATCH)]
        for round_ in range(rounds):
            for k, batch in enumerate(batches):
                order = MODES if (k + round_) % 2 == 0 else MODES[::-1]
                for mode in order:
                    cpu = time.process_time()
                    shards[mode](batch)
                    spent[mode][round_] += time.process_time() - cpu
    except Exception as error:  # reported to the parent, which raises it
        results.put({"error": f"{type(error).__name__}: {error}"})
        return
    results.put(spent)


def _worker(mode: str, articles: list[Article], model: str | None, barrier,
            results) -> None:
    """One benchmark process: load, warm up, wait for the others, then run the shard."""
    try:
        run_shard = _bare(model) if mode == "bare" else _full(model)
        run_shard(articles[:1])  # warm-up: first-call costs are not throughput
        barrier.wait(timeout=LOAD_TIMEOUT)
        start, cpu = time.time(), time.process_time()
        sentences, tokens, events = run_shard(articles)
        end, cpu = time.time(), time.process_time() - cpu
    except Exception as error:  # reported to the parent, which raises it
        results.put({"error": f"{type(error).__name__}: {error}"})
        barrier.abort()
        return
    results.put({"start": start, "end": end, "cpu": cpu, "sentences": sentences, "tokens": tokens,
                 "events": events, "peak_rss_mb": _peak_rss_mb()})


def _bare(model: str | None):
    import spacy

    from .nlp import model_name

    nlp = spacy.load(model_name(model))

    def run_shard(articles: list[Article]) -> tuple[int, int, int]:
        sentences = tokens = 0
        for doc in nlp.pipe((a.document for a in articles), batch_size=BATCH):
            tokens += len(doc)
            sentences += sum(1 for _ in doc.sents)
        return sentences, tokens, 0

    return run_shard


def _full(model: str | None):
    from .pipeline import Coder

    coder = Coder(model=model)

    def run_shard(articles: list[Article]) -> tuple[int, int, int]:
        events = sum(len(e) for _a, e in coder.code_articles(articles, batch_size=BATCH))
        return 0, 0, events

    return run_shard


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20
