"""Coding archives with Ray Data: the same pipeline, one Coder per worker, Parquet out.

    JSONL / Parquet stories --ray.data.read_text / read_parquet--> {"line", "origin"} rows
      --map_batches(an actor pool: each actor builds one Coder and keeps it)-->
      one row per story: the article, its events (``Event.to_dict()`` records as JSON),
      ``status`` ("coded", "stored": already in the store, "failed") and ``error``
      --> DIR/events/    Parquet: the columns of ``eventcoder export --format parquet``
                         (``export.FLAT_COLUMNS``, same types and metadata) plus ``record``,
                         the full JSON record, so nothing is lost on the way to the store
          DIR/articles/  Parquet: the stories coded (what the store's ``articles`` holds)
      --> ``load_store``: into the DuckDB store, one transaction per story (idempotent)

Each line is read with the same parser as ``eventcoder ingest``, so the events are the same
as the single-process path's; Article.origin is the file's path (Ray does not give line
numbers). Output keeps the input order (``preserve_order``).

Ray is an optional extra (``pip install eventcoder[ray]``) and is imported only in this
package, inside functions: without it, ``--ray`` fails with E501. On a cluster
(``--ray-address``) every node needs eventcoder and the spaCy model installed, and ``--out``
must name storage every node can write (e.g. ``s3://bucket/run``).

Without Ray, ``code_in_processes`` runs the same one-Coder-per-process scheme on local
processes (what ``eventcoder bench`` measures for N processes).
"""

from eventcoder.scale._load import LoadResult, article_from_row, event_from_record, load_store
from eventcoder.scale._local import code_in_processes
from eventcoder.scale._ray import (
    RunSummary,
    code_stories,
    read_stories,
    session,
    write_parquet,
)

__all__ = [
    "LoadResult",
    "RunSummary",
    "article_from_row",
    "code_in_processes",
    "code_stories",
    "event_from_record",
    "load_store",
    "read_stories",
    "session",
    "write_parquet",
]
