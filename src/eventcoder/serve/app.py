"""The ASGI app: the read endpoints over a store, POST /api/code, and the dashboard files.

The store is read-only for requests and held only while they run (plus a short linger,
see _pool), so an ``eventcoder ingest`` in another process can write between them (DuckDB
locks a file per process). Endpoints are plain functions, which FastAPI runs in worker
threads; a timer interrupts a query that runs longer than ``query_timeout`` (503, E530).
Within the process a readers-writer lock keeps POST /api/code with ``store: true`` (the only
write) apart from the readers, since DuckDB refuses a read-write connection next to read-only
ones in one process.

Status codes: 401 for a missing or unknown API key, 403 for a revoked one; 404 for an unknown
route or event; 405, 413 (body over 1 MB), 414 (query string over 4 KB), 422 for any bad
parameter or body; 503 when the store is busy or missing or a query ran too long; 500 for a
bug, logged with its traceback, never sent."""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import duckdb
from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventcoder import __version__, ontology
from eventcoder.errors import InputError, StoreError
from eventcoder.ingest import parse_jsonl_line
from eventcoder.serve import _params, _records
from eventcoder.serve._errors import ApiError, envelope
from eventcoder.serve._guard import Guard
from eventcoder.serve._pool import ReaderPool
from eventcoder.store import DEFAULT_POLICY, EventFilter, Store

LOG = logging.getLogger("eventcoder.serve")
STATIC_DIR = Path(__file__).resolve().parent / "static"
#: Bounds of a request (bytes), of a page (events) and of a query (seconds).
MAX_BODY = 1_000_000
MAX_QUERY_STRING = 4096
MAX_PAGE = 1000
QUERY_TIMEOUT = 10.0
# How long a request waits while an ingest in another process holds the store.
LOCK_WAIT = 5.0
# How the requests share the open store (seconds; see _pool): kept open this long after the
# last request, at most this long while in use, then closed for this long for an ingest.
READER_LINGER = 0.5
READER_MAX_HOLD = 2.0
READER_GAP = 0.15
MAX_MAP_POINTS = 5000
MAX_NETWORK_NODES = 500

Filters = Annotated[EventFilter, Depends(_params.event_filter)]
Dedup = Annotated[str, Query(description="deduplication policy, or off for mentions")]
CoderFactory = Callable[[], Any]


class CodeRequest(BaseModel):
    """A story to code: ``text`` (required), ``title``, ``date`` (YYYY-MM-DD, the
    publication date), ``url``, ``source_name``, and ``store`` (also add it to the store)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_BODY)
    title: str | None = Field(default=None, max_length=1000)
    date: str | None = Field(default=None, pattern=_params.DATE_PATTERN)
    url: str | None = Field(default=None, max_length=2000)
    source_name: str | None = Field(default=None, max_length=200)
    store: bool = False


class _ReadWriteLock:
    """Many readers or one writer (threads of this process)."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._condition:
            self._condition.wait_for(lambda: not self._writing)
            self._readers += 1
        try:
            yield
        finally:
            with self._condition:
                self._readers -= 1
                self._condition.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._condition:
            self._condition.wait_for(lambda: not self._writing and not self._readers)
            self._writing = True
        try:
            yield
        finally:
            with self._condition:
                self._writing = False
                self._condition.notify_all()


@dataclass
class _Service:
    """What the endpoints share: the settings, the store lock and the coder, built once."""

    db_path: Path
    readers: ReaderPool
    coder_factory: CoderFactory | None
    query_timeout: float
    lock: _ReadWriteLock = field(default_factory=_ReadWriteLock)
    coder_lock: threading.Lock = field(default_factory=threading.Lock)
    coder: Any = None

    @contextmanager
    def store(self, *, write: bool = False) -> Iterator[Store]:
        """The store for this request; query errors become API errors. Readers share one
        open store (see _pool); a writer waits for them and has the file to itself."""
        with self.lock.writing() if write else self.lock.reading():
            try:
                if write:
                    self.readers.close()
                    opened = contextlib.closing(
                        Store.open(self.db_path, wait=self.readers.wait))
                else:
                    opened = self.readers.borrow()
                with opened as store:
                    timer = threading.Timer(self.query_timeout, store.interrupt)
                    timer.start()
                    try:
                        yield store
                    except duckdb.InterruptException as err:
                        raise ApiError(503, "E530", seconds=self.query_timeout) from err
                    finally:
                        timer.cancel()
            except StoreError as err:
                LOG.warning("store not available: %s", err)
                raise ApiError(503, "E531", detail=_store_problem(err)) from err

    def code(self, article: Any) -> list[Any]:
        """The events of ``article``, coded by the one coder (built on first use)."""
        # spaCy pipelines are not made for concurrent calls: one story at a time.
        with self.coder_lock:
            if self.coder is None:
                if self.coder_factory is None:
                    raise ApiError(503, "E532")
                self.coder = self.coder_factory()
            return [e for _a, events in self.coder.code_articles([article], on_error=_raise)
                    for e in events]


def create_app(
    db_path: str | Path,
    *,
    coder_factory: CoderFactory | None = None,
    cors_origins: tuple[str, ...] = (),
    static_dir: Path | None = STATIC_DIR,
    query_timeout: float = QUERY_TIMEOUT,
    lock_wait: float = LOCK_WAIT,
    reader_linger: float = READER_LINGER,
    max_body: int = MAX_BODY,
    max_query_string: int = MAX_QUERY_STRING,
) -> FastAPI:
    """The API over the store at ``db_path`` (read per request; see the module docstring).

    ``coder_factory`` builds the coder for POST /api/code on first use (None: the endpoint
    answers 503); ``cors_origins`` are the origins allowed to call from a browser (none by
    default); ``static_dir`` holds the dashboard served at / (skipped when absent);
    ``reader_linger`` is how long the store stays open after the last request (0: closed at
    once, so that this process can open it for writing right after).
    """
    app = FastAPI(title="eventcoder", version=__version__, docs_url=None, redoc_url=None,
                  description="Political event data (CAMEO and PLOVER 2.0) from an "
                              "eventcoder store. Every error is {\"error\": {status, code, "
                              "message}}.")
    readers = ReaderPool(Path(db_path), wait=lock_wait, linger=reader_linger,
                         max_hold=READER_MAX_HOLD, gap=READER_GAP)
    app.state.service = _Service(Path(db_path), readers, coder_factory, query_timeout)
    _add_routes(app)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    if static_dir is not None and static_dir.is_dir():
        app.mount("/", StaticFiles(directory=static_dir, html=True), name="dashboard")
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins),
                           allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type", "X-API-Key"],
                           expose_headers=["X-Next-Cursor"])
    app.add_middleware(Guard, max_body=max_body, max_query=max_query_string)
    return app


def _add_routes(app: FastAPI) -> None:
    app.get("/api/health")(health)
    app.get("/api/events", response_model=None)(events)
    app.get("/api/events/{event_id}")(event)
    app.get("/api/aggregate")(aggregate)
    app.get("/api/map")(map_points)
    app.get("/api/timeline")(timeline)
    app.get("/api/network")(network)
    app.get("/api/ontology")(ontology_tables)
    app.post("/api/code")(code)


def _service(request: Request) -> _Service:
    return request.app.state.service


Service = Annotated[_Service, Depends(_service)]


def health(service: Service) -> dict[str, Any]:
    """Whether the store can be read, and how many articles and events (mentions) it holds."""
    with service.store() as store:
        return {"status": "ok", "version": __version__, "articles": store.count_articles(),
                "events": store.count_events()}


def events(
    service: Service,
    where: Filters,
    dedup: Dedup = "off",
    fields: Annotated[str | None, Query(max_length=1000,
                                        description="record fields, comma-separated")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    cursor: Annotated[str | None, Query(max_length=1000,
                                        description="next_cursor of the previous page")] = None,
    format: Literal["json", "jsonl", "csv", "geojson"] = "json",
) -> Any:
    """Events newest first (undated last), a page at a time: follow ``next_cursor``.

    ``dedup`` off (default) lists mentions; a policy lists deduplicated events, each its first
    mention's record plus ``dedup`` (id, counts, mention ids). ``jsonl`` and ``csv`` give the
    next cursor in the X-Next-Cursor header; ``csv`` always has every column.
    """
    policy = _params.policy("dedup", dedup)
    shown = _params.fields(fields)
    after = _params.decode_cursor(cursor, policy) if cursor else None
    with service.store() as store:
        page = store.event_page(policy=policy, where=where, limit=limit, after=after)
    next_cursor = _params.encode_cursor(policy, page.next_key) if page.next_key else None
    records = [{**item["record"], "dedup": item["dedup"]} if item["dedup"] else item["record"]
               for item in page.items]
    headers = {"X-Next-Cursor": next_cursor} if next_cursor else {}
    if format == "jsonl":
        body = _records.jsonl(_records.project(r, shown) for r in records)
        return Response(body, media_type="application/x-ndjson", headers=headers)
    if format == "csv":
        return Response(_records.csv_text(records), media_type="text/csv; charset=utf-8",
                        headers=headers)
    if format == "geojson":
        collection = _records.geojson(((r, _records.project(r, shown)) for r in records),
                                      next_cursor=next_cursor)
        return JSONResponse(collection, media_type="application/geo+json")
    # A JSONResponse directly: FastAPI's encoder walks every value again, 3x slower here.
    return JSONResponse({"events": [_records.project(r, shown) for r in records],
                         "next_cursor": next_cursor, "count": len(records)})


def event(
    service: Service,
    event_id: Annotated[str, PathParam(max_length=200)],
    dedup: Dedup = DEFAULT_POLICY,
) -> dict[str, Any]:
    """One event (mention) with its article, the highlights of its sentence, and every
    mention that reports the same event under ``dedup`` (off: itself only)."""
    policy = _params.policy("dedup", dedup)
    with service.store() as store:
        found = store.event_detail(event_id, policy=policy)
    if found is None:
        raise ApiError(404, "E522", event_id=event_id)
    this = found["mention"]
    record = this["record"]
    return {
        **record,
        "highlights": _records.highlights(record, this["document"]),
        "article": {"id": record["article_id"], "title": this["title"], "url": this["url"],
                    "published": this["published"]},
        "mentions": [_mention(m) for m in found["mentions"]],
    }


def _mention(mention: dict[str, Any]) -> dict[str, Any]:
    record = mention["record"]
    return {
        **{name: record[name] for name in _records.MENTION_FIELDS},
        "title": mention["title"], "url": mention["url"],
        "source_name": mention["source_name"] or record.get("source_name"),
        "published": mention["published"],
        "highlights": _records.highlights(record, mention["document"]),
    }


def aggregate(
    service: Service,
    where: Filters,
    by: Literal["dyad", "country"] = "dyad",
    period: Literal["day", "week", "month", "year"] = "month",
    split: Literal["quad", "type"] | None = None,
    normalise: bool = False,
    dedup: Dedup = DEFAULT_POLICY,
) -> dict[str, Any]:
    """Counts and mean Goldstein of deduplicated events by dyad or country and period
    (``eventcoder aggregate``); ``normalise`` adds stories published and events per story."""
    policy = _params.policy("dedup", dedup)
    with service.store() as store:
        rows = store.aggregate(by=by, period=period, split=split, normalise=normalise,
                               policy=policy, where=where)
    return {"rows": [{**asdict(row), "period": row.period.isoformat()} for row in rows]}


def map_points(
    service: Service,
    where: Filters,
    dedup: Dedup = "off",
    limit: Annotated[int, Query(ge=1, le=MAX_MAP_POINTS)] = MAX_MAP_POINTS,
) -> dict[str, Any]:
    """Events counted by place, with counts by quad class (places with most events first)."""
    policy = _params.policy("dedup", dedup)
    with service.store() as store:
        return {"points": store.map_points(policy=policy, where=where, limit=limit)}


def timeline(
    service: Service,
    where: Filters,
    period: Literal["day", "week", "month", "year"] = "month",
    dedup: Dedup = "off",
) -> dict[str, Any]:
    """Dated events counted by period (its first day) and quad class."""
    policy = _params.policy("dedup", dedup)
    with service.store() as store:
        return {"rows": store.timeline(policy=policy, where=where, period=period)}


def network(
    service: Service,
    where: Filters,
    min_weight: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    limit: Annotated[int, Query(ge=1, le=MAX_NETWORK_NODES)] = 50,
    dedup: Dedup = "off",
) -> dict[str, Any]:
    """The directed actor network: the ``limit`` actor codes in most events and the edges
    between them with at least ``min_weight`` events."""
    policy = _params.policy("dedup", dedup)
    with service.store() as store:
        return store.network(policy=policy, where=where, max_nodes=limit, min_weight=min_weight)


def ontology_tables() -> dict[str, Any]:
    """The PLOVER types (modes, the contexts their CAMEO codes carry), the contexts, and
    every CAMEO code with its Goldstein score, quad class and PLOVER type."""
    return _ontology()


@functools.cache
def _ontology() -> dict[str, Any]:
    codes = ontology.cameo_codes()
    plover = {c.code: ontology.to_plover(c.code) for c in codes}
    contexts: dict[str, set[str]] = {}
    for mapping in plover.values():
        if mapping.event_type:
            contexts.setdefault(mapping.event_type, set()).update(mapping.context)
    return {
        "version": ontology.ONTOLOGY_VERSION,
        "quad_version": ontology.QUAD_VERSION,
        "types": [{"name": t.name, "quad_class": t.quad_class, "definition": t.definition,
                   "modes": list(t.modes), "contexts": sorted(contexts.get(t.name, ()))}
                  for t in ontology.plover_types()],
        "contexts": [{"name": c.name, "definition": c.definition}
                     for c in ontology.plover_contexts()],
        "cameo": [{"code": c.code, "name": c.name, "goldstein": c.goldstein,
                   "quad_class": c.quad_class, "plover_type": plover[c.code].event_type}
                  for c in codes],
    }


def _require_key(
    service: Service, x_api_key: Annotated[str | None, Header(max_length=200)] = None
) -> None:
    """A dependency, so the key is checked before the body is even validated."""
    if not x_api_key:
        raise ApiError(401, "E527")
    with service.store() as store:
        key = store.find_api_key(x_api_key)
    if key is None:
        raise ApiError(401, "E528")
    if key.revoked_at is not None:
        raise ApiError(403, "E529", key_id=key.id)


def code(
    service: Service,
    _key: Annotated[None, Depends(_require_key)],
    story: CodeRequest,
) -> dict[str, Any]:
    """Code a posted story and return its events; ``store: true`` also adds the story and
    its events to the store. Needs an API key (header X-API-Key): 401 without a valid one,
    403 when it was revoked."""
    record = {"text": story.text, "title": story.title, "date": story.date, "url": story.url,
              "source": story.source_name}
    try:
        article = parse_jsonl_line(json.dumps(record), origin="POST /api/code:1")
    except InputError as err:
        raise ApiError(422, "E521", param="body", detail=err.what) from err
    events = service.code(article)
    if story.store:
        with service.store(write=True) as store:
            store.add_article(article, events)
    return {"events": [e.to_dict() for e in events], "stored": story.store,
            "article_id": article.id}


def _raise(article: Any, error: Exception) -> None:
    raise error


def _store_problem(err: StoreError) -> str:
    # The client learns what is wrong, not where the store lives on this machine.
    return {"E307": "an ingest is writing to it", "E302": "no store file",
            "E304": "its schema needs an upgrade"}.get(err.code, f"error {err.code}")


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    headers = {"Retry-After": "5"} if exc.status == 503 else None
    return JSONResponse(envelope(exc), status_code=exc.status, headers=headers)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 404:
        error = ApiError(404, "E523", path=request.url.path)
    elif exc.status_code == 405:
        error = ApiError(405, "E524", method=request.method, path=request.url.path)
    else:
        error = ApiError(exc.status_code, "E521", param="request", detail=str(exc.detail))
    return JSONResponse(envelope(error), status_code=error.status, headers=exc.headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problem = exc.errors()[0] if exc.errors() else {"loc": ("request",), "msg": "invalid"}
    where = [str(part) for part in problem.get("loc", ())]
    param = (f"{where[0]} parameter {where[-1]!r}" if where and where[0] in
             ("query", "path", "header") else ".".join(where) or "request")
    error = ApiError(422, "E521", param=param, detail=problem.get("msg", "invalid"))
    return JSONResponse(envelope(error), status_code=422)

