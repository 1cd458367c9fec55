"""`eventcoder code --ray` and `eventcoder ingest --ray`: the commands' Ray branches."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from typing import Any, TextIO

from ..errors import UsageError
from ._load import load_store
from ._ray import code_stories, read_stories, session, staging_folder, write_parquet


def coder_options(args: argparse.Namespace) -> dict[str, Any]:
    """The Coder keywords of the shared input options (as ``eventcoder code`` uses them)."""
    return {"model": args.model, "include_modal": args.include_modal,
            "expand_dyads": args.dyads, "actor_dictionaries": tuple(args.actors),
            "use_arguments": args.ranker}


def run_code(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Code on Ray: JSON lines to ``out``, or Parquet into ``args.out``."""
    if args.format != "jsonl":
        raise UsageError("E504", value=args.format)
    with session(args.ray_address, progress=err.isatty()) as cpus:
        coded = code_stories(read_stories(args.paths), workers=cpus,
                             coder_options=coder_options(args), default_date=_default_date(args))
        if args.out:
            summary = write_parquet(coded, args.out)
            for error in summary.errors:
                print(f"eventcoder: {error}", file=err)
            print(f"wrote {summary.events} events of {summary.stories['coded']} stories to "
                  f"{args.out}/events and {args.out}/articles", file=err)
            done, failed = summary.stories["coded"], summary.stories["failed"]
        else:
            done = failed = 0
            for batch in coded.iter_batches(batch_format="pyarrow"):
                for row in batch.select(["events", "status", "error"]).to_pylist():
                    if row["error"]:
                        failed += 1
                        print(f"eventcoder: {row['error']}", file=err)
                        continue
                    done += 1
                    for record in json.loads(row["events"]):
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if failed and done:
        print(f"eventcoder: coded {done} stories, skipped {failed}", file=err)
    return 0 if done else 1


def run_ingest(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Code on Ray into Parquet (``args.out``, else a temporary folder beside the store),
    then load the Parquet into the store; stories already stored are not coded again."""
    from ..store import Store

    if args.workers < 1:
        raise UsageError("E004", option="--workers", value=args.workers)
    started = time.monotonic()
    with Store.open(args.db, wait=30.0) as store:
        stored = store.stored_hashes()
    with session(args.ray_address, progress=err.isatty()) as cpus:
        coded = code_stories(read_stories(args.paths), workers=cpus,
                             coder_options=coder_options(args),
                             default_date=_default_date(args), stored=stored)
        if args.out:
            summary = write_parquet(coded, args.out)
            loaded = load_store(args.out, args.db)
        else:
            with staging_folder(args.db) as folder:
                summary = write_parquet(coded, folder)
                loaded = load_store(folder, args.db)
    for error in summary.errors:
        print(f"eventcoder: {error}", file=err)
    with Store.open(args.db, read_only=True, wait=30.0) as store:
        total = store.count_events()
    elapsed = time.monotonic() - started
    already = summary.stories["stored"] + loaded.unchanged
    print(f"ingested {loaded.added} new stories ({already} already stored), "
          f"{loaded.events} new events; {total} events in {args.db}; {elapsed:.1f} s, "
          f"{(loaded.added + already) / max(elapsed, 1e-9):.1f} stories/s (Ray, {cpus} CPUs)",
          file=out)
    if summary.stories["failed"]:
        print(f"skipped {summary.stories['failed']} stories", file=out)
    return 0 if loaded.added + already else 1


def _default_date(args: argparse.Namespace) -> dt.date | None:
    if not args.date:
        return None
    try:
        return dt.date.fromisoformat(args.date)
    except ValueError:
        raise UsageError("E001", value=args.date) from None
