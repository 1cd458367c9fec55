"""The Ray Data pipeline: read stories, code them on an actor pool, write Parquet."""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import functools
import json
import os
import tempfile
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import EventcoderError, InputError, UsageError
from ..ingest import parse_jsonl_line
from ..ingest._read import JSONL_SUFFIXES
from ..types import Article
from ._load import ARTICLE_COLUMNS, article_row

if TYPE_CHECKING:
    import pyarrow as pa
    from ray.data import Dataset

PARQUET_SUFFIXES = (".parquet",)
#: Stories per batch handed to one actor (the Coder's own batch size).
STORY_BATCH = 16
STATUSES = ("coded", "stored", "failed")
# Reading, reshaping and writing rows cost little next to coding: they take no CPU from
# Ray's budget, else the actors (one CPU each, as many as there are CPUs) leave the reads
# none and the run never starts.
LIGHT = {"num_cpus": 0}


@dataclass(frozen=True)
class RunSummary:
    """What a run did: stories per status, events written, and the error lines to report."""

    stories: dict[str, int]
    events: int
    errors: tuple[str, ...] = field(default=())


def ray_module():
    """``ray``, or UsageError E501 when the extra is not installed."""
    try:
        import ray
        import ray.data  # noqa: F401  (the [data] extra: pyarrow, pandas)
    except ImportError:
        raise UsageError("E501", option="--ray") from None
    return ray


@contextlib.contextmanager
def session(address: str | None = None, *, num_cpus: int | None = None,
            progress: bool = False) -> Iterator[int]:
    """Use the Ray already initialised in this process, else connect to the cluster at
    ``address``, else start a local Ray with ``num_cpus`` (default: every CPU); yield the
    cluster's CPU count. A Ray started here is shut down on exit."""
    ray = ray_module()
    started = not ray.is_initialized()
    if started:
        try:
            if address:
                ray.init(address=address, log_to_driver=False)
            else:
                ray.init(num_cpus=num_cpus or os.cpu_count(), include_dashboard=False,
                         log_to_driver=False)
        except (ConnectionError, RuntimeError, ValueError, TimeoutError) as err:
            raise EventcoderError("E502", address=address or "local",
                                  detail=" ".join(str(err).split())[:200]) from None
    with warnings.catch_warnings():
        # Ray 2.60 builds its default context with a setting it calls deprecated itself.
        warnings.simplefilter("ignore", DeprecationWarning)
        context = ray.data.DataContext.get_current()
    # The same order as the single-process path: output follows input.
    context.execution_options.preserve_order = True
    context.enable_progress_bars = progress
    try:
        yield max(1, int(ray.cluster_resources().get("CPU", 1)))
    finally:
        if started:
            ray.shutdown()


def story_files(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """The JSONL files and the Parquet files named by ``paths`` (directories are walked,
    sorted, hidden files skipped); URIs (``s3://...``) are taken by their suffix."""
    jsonl: list[str] = []
    parquet: list[str] = []
    for path in map(os.fspath, paths):
        if "://" not in path and os.path.isdir(path):
            found = []
            for folder, subfolders, files in os.walk(path):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                found += [os.path.join(folder, name) for name in sorted(files)
                          if not name.startswith(".")
                          and name.lower().endswith(JSONL_SUFFIXES + PARQUET_SUFFIXES)]
            if not found:
                raise InputError("E107", path=path)
        elif "://" not in path and not os.path.exists(path):
            raise InputError("E101", path=path)
        elif path.lower().endswith(JSONL_SUFFIXES + PARQUET_SUFFIXES):
            found = [path]
        else:
            raise UsageError("E503", path=path)
        for name in found:
            (parquet if name.lower().endswith(PARQUET_SUFFIXES) else jsonl).append(name)
    return jsonl, parquet


def read_stories(paths: Sequence[str]) -> Dataset:
    """A dataset of ``{"line": one JSON story, "origin": its file}`` rows from JSONL and
    Parquet files (Parquet columns are those of a JSONL story: id, text, title, date, ...)."""
    ray = ray_module()
    jsonl, parquet = story_files(paths)
    parts = []
    if jsonl:
        lines = _count_lines(jsonl)
        # Blocks of about one batch let every actor take work, even from a single file.
        blocks = -(-lines // STORY_BATCH) if lines else None
        lines_read = ray.data.read_text(jsonl, include_paths=True, override_num_blocks=blocks,
                                        **LIGHT)
        parts.append(lines_read.map_batches(_text_lines, batch_format="pyarrow", **LIGHT))
    if parquet:
        parts.append(ray.data.read_parquet(parquet, include_paths=True, **LIGHT).map_batches(
            _parquet_lines, batch_format="pyarrow", **LIGHT))
    return parts[0] if len(parts) == 1 else parts[0].union(*parts[1:])


def code_stories(
    stories: Dataset,
    *,
    workers: int,
    coder_options: Mapping[str, Any] | None = None,
    default_date: dt.date | None = None,
    stored: Mapping[str, str] | None = None,
    batch_size: int = STORY_BATCH,
) -> Dataset:
    """One row per story (``story_schema()``): each of ``workers`` actors builds one Coder
    (``coder_options`` are its keywords) and codes batches of ``batch_size`` stories.
    ``stored`` (article id -> content hash) names stories already stored: not coded again."""
    ray = ray_module()
    return stories.map_batches(
        _CodeStories,
        batch_size=batch_size,
        batch_format="pyarrow",
        # At least one actor: fewer input blocks than actors is no reason to warn.
        compute=ray.data.ActorPoolStrategy(min_size=1, max_size=workers, initial_size=workers),
        num_cpus=1,
        fn_constructor_kwargs={"coder_options": dict(coder_options or {}),
                               "default_date": default_date, "stored": dict(stored or {})},
    )


def events_of(coded: Dataset) -> Dataset:
    """The event rows of coded stories: ``event_schema()`` (the Parquet export's columns
    plus ``record``)."""
    return coded.map_batches(_event_rows, batch_format="pyarrow", **LIGHT)


def articles_of(coded: Dataset) -> Dataset:
    """The stories coded, as rows of ``ARTICLE_COLUMNS``."""
    return coded.map_batches(_article_rows, batch_format="pyarrow", **LIGHT)


def write_parquet(coded: Dataset, folder: str) -> RunSummary:
    """Write ``folder``/events and ``folder``/articles (replacing earlier output) and
    return the summary. Codes once: the coded stories are materialised (Ray spills them to
    disk when they do not fit in memory)."""
    ray = ray_module()
    coded = coded.materialize()
    summary = summarise(coded)
    overwrite = ray.data.SaveMode.OVERWRITE
    events_of(coded).write_parquet(f"{folder}/events", mode=overwrite, ray_remote_args=LIGHT)
    articles_of(coded).write_parquet(f"{folder}/articles", mode=overwrite,
                                     ray_remote_args=LIGHT)
    return summary


def summarise(coded: Dataset) -> RunSummary:
    """Count the stories per status and the events of coded stories."""
    stories = collections.Counter({status: 0 for status in STATUSES})
    events = 0
    errors: list[str] = []
    for batch in coded.select_columns(["status", "error", "events"]).iter_batches(
            batch_format="pyarrow"):
        for row in batch.to_pylist():
            stories[row["status"]] += 1
            if row["error"]:
                errors.append(row["error"])
            if row["events"]:
                events += len(json.loads(row["events"]))
    return RunSummary(stories=dict(stories), events=events, errors=tuple(errors))


def staging_folder(db: str) -> tempfile.TemporaryDirectory:
    """A temporary folder beside the store file, for a local run's Parquet output."""
    return tempfile.TemporaryDirectory(prefix=".eventcoder-ray-",
                                       dir=os.path.dirname(os.path.abspath(db)))


@functools.cache
def story_schema() -> pa.Schema:
    """The columns of a coded story row."""
    import pyarrow as pa

    return pa.schema([
        *((name, pa.date32() if name == "published" else pa.string())
          for name in ARTICLE_COLUMNS),
        ("events", pa.string()), ("status", pa.string()), ("error", pa.string()),
    ])


@functools.cache
def event_schema() -> pa.Schema:
    """The Parquet export's schema (read back from an empty export, so the two cannot
    drift apart) plus the ``record`` column."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..export import write_parquet as export_parquet

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "empty.parquet")
        export_parquet([], path)
        schema = pq.read_schema(path)
    return schema.append(pa.field("record", pa.string()))


class _CodeStories:
    """An actor of the pool: builds its Coder once, then codes batches of story lines."""

    def __init__(self, *, coder_options: Mapping[str, Any], default_date: dt.date | None,
                 stored: Mapping[str, str]) -> None:
        from ..pipeline import Coder

        self.coder = Coder(**coder_options)
        self.default_date = default_date
        self.stored = stored

    def __call__(self, batch: pa.Table) -> pa.Table:
        import pyarrow as pa

        from ..store import content_hash

        rows: list[dict[str, Any]] = []
        todo: dict[int, Article] = {}  # row index -> the article to code there
        for item in batch.to_pylist():
            line = item["line"]
            if not line.removeprefix("\ufeff").strip():
                continue
            try:
                article = parse_jsonl_line(line, origin=item["origin"],
                                           default_date=self.default_date)
            except InputError as err:
                rows.append(_story_row(None, status="failed", error=f"skipped: {err}"))
                continue
            if self.stored.get(article.id) == content_hash(article):
                rows.append(_story_row(article, status="stored"))
                continue
            todo[len(rows)] = article
            rows.append(_story_row(article, status="failed"))
        failures: dict[int, str] = {}

        def on_error(article: Article, error: Exception) -> None:
            failures[id(article)] = f"skipped {article.origin or article.id}: {error}"

        coded = {id(article): events for article, events in self.coder.code_articles(
            todo.values(), on_error=on_error)}
        for index, article in todo.items():
            if id(article) in coded:
                rows[index]["status"] = "coded"
                rows[index]["events"] = json.dumps(
                    [e.to_dict() for e in coded[id(article)]], ensure_ascii=False)
            else:
                rows[index]["error"] = failures[id(article)]
        return pa.Table.from_pylist(rows, schema=story_schema())


def _story_row(article: Article | None, *, status: str, error: str | None = None
               ) -> dict[str, Any]:
    row = article_row(article) if article else dict.fromkeys(ARTICLE_COLUMNS)
    return {**row, "events": None, "status": status, "error": error}


def _count_lines(files: Sequence[str]) -> int | None:
    """The non-blank lines of local files; None when one is remote (not worth reading)."""
    total = 0
    for name in files:
        if "://" in name:
            return None
        with open(name, "rb") as stream:
            total += sum(1 for line in stream if line.strip())
    return total


def _text_lines(batch: pa.Table) -> pa.Table:
    return batch.rename_columns({"text": "line", "path": "origin"}).select(["line", "origin"])


def _parquet_lines(batch: pa.Table) -> pa.Table:
    import pyarrow as pa

    rows = batch.to_pylist()
    # Dates and timestamps become ISO strings, as in a JSON line.
    lines = [json.dumps({k: v for k, v in row.items() if k != "path"}, default=str,
                        ensure_ascii=False) for row in rows]
    return pa.table({"line": lines, "origin": [row["path"] for row in rows]},
                    schema=pa.schema([("line", pa.string()), ("origin", pa.string())]))


def _event_rows(batch: pa.Table) -> pa.Table:
    import pyarrow as pa

    from ..export import flat_row

    rows = []
    for events in batch.column("events").to_pylist():
        for record in json.loads(events) if events else ():
            row = flat_row(record)
            if row["date"]:
                row["date"] = dt.date.fromisoformat(row["date"])
            row["record"] = json.dumps(record, ensure_ascii=False)
            rows.append(row)
    return pa.Table.from_pylist(rows, schema=event_schema())


def _article_rows(batch: pa.Table) -> pa.Table:
    import pyarrow.compute as pc

    return batch.filter(pc.equal(batch.column("status"), "coded")).select(list(ARTICLE_COLUMNS))
