"""Load test of `eventcoder serve` on loopback: throughput, latency and server errors.

    .venv/bin/python scripts/loadtest.py --events 20000 --requests 10000 --concurrency 16 \\
        --markdown BENCHMARKS.md

Builds a store of synthetic events (no model; reused when --db names an existing file),
starts `eventcoder serve` on 127.0.0.1 on a free port, and sends --requests requests from
--concurrency clients at once over a mix of read endpoints (health, event pages with filters
and formats, single events, aggregate, map, timeline, network, ontology). Prints requests/s,
p50 and p99 latency and the count of 5xx answers (which must be 0); --json writes the figures,
--markdown replaces the block between <!-- load:start --> and <!-- load:end --> in a file.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import datetime as dt
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import httpx

from eventcoder.store import Store
from eventcoder.types import Actor, Article, Event, Place, Span

START, END = "<!-- load:start -->", "<!-- load:end -->"
COUNTRIES = ("FRA", "LBY", "ITA", "USA", "RUS", "UKR", "SYR", "TUR", "IRN", "ISR", "EGY", "NGA",
             "VEN", "COL", "AFG", "PAK", "IND", "CHN", "JPN", "BRA")
SECTORS = ("GOV", "MIL", "REB", "OPP", "COP", "CVL", None)
TYPES = (("CONSULT", "043", "04", 2.8, 1), ("PROTEST", "141", "14", -6.5, 3),
         ("ASSAULT", "190", "19", -10.0, 4), ("AID", "070", "07", 7.0, 2),
         ("ACCUSE", "112", "11", -2.0, 3), ("AGREE", "057", "05", 8.0, 1),
         ("COERCE", "173", "17", -5.0, 4), ("COOPERATE", "061", "06", 6.4, 2))
PLACES = tuple(
    Place(name, country=country, lat=lat, lon=lon, geonameid=geonameid, precision="city")
    for name, country, lat, lon, geonameid in (
        ("Paris", "FRA", 48.86, 2.35, 2988507), ("Tripoli", "LBY", 32.89, 13.19, 2210247),
        ("Kyiv", "UKR", 50.45, 30.52, 703448), ("Caracas", "VEN", 10.49, -66.88, 3646738),
        ("Kabul", "AFG", 34.53, 69.17, 1138958), ("Lagos", "NGA", 6.45, 3.39, 2332459),
        ("Damascus", "SYR", 33.51, 36.29, 170654), ("Bogota", "COL", 4.61, -74.08, 3688689),
    )
) + (None,)
SENTENCE = "The government met the rebels in the capital."
# (percent, label, path from (rng, event ids))
REQUEST_MIX = (
    (5, "health", lambda rng, ids: "/api/health"),
    (20, "events by actor country",
     lambda rng, ids: f"/api/events?limit=50&actor_country={rng.choice(COUNTRIES)}"),
    (10, "events by type and date",
     lambda rng, ids: f"/api/events?limit=100&type={rng.choice(TYPES)[0]}&start=2019-06-01"),
    (5, "events by text as CSV", lambda rng, ids: "/api/events?limit=50&q=rebels&format=csv"),
    (5, "deduplicated events", lambda rng, ids: "/api/events?limit=50&dedup=exact-key.v1"),
    (15, "one event", lambda rng, ids: f"/api/events/{rng.choice(ids)}"),
    (10, "aggregate", lambda rng, ids: "/api/aggregate?by=dyad&period=month"),
    (10, "map", lambda rng, ids: f"/api/map?start=2019-0{rng.randint(1, 9)}-01"),
    (10, "timeline", lambda rng, ids: "/api/timeline?period=week"),
    (5, "network", lambda rng, ids: "/api/network?limit=30"),
    (5, "ontology", lambda rng, ids: "/api/ontology"),
)


def build_store(path: Path, *, events: int, per_article: int = 4, seed: int = 7) -> None:
    """Fill a new store at ``path`` with ``events`` synthetic events, ``per_article`` a story."""
    rng = random.Random(seed)
    with Store.open(path) as store:
        for index in range(-(-events // per_article)):
            published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(730))
            article = Article(id=f"load-{index:06d}", title=f"Report {index}", text=SENTENCE,
                              published=published, source_name=rng.choice(("AFP", "KUNA", "AP")))
            base = len(article.title) + 2
            count = min(per_article, events - index * per_article)
            store.add_article(article, [_event(article, n, base, rng) for n in range(count)])


def _event(article: Article, n: int, base: int, rng: random.Random) -> Event:
    event_type, cameo, root, goldstein, quad = rng.choice(TYPES)
    country, sector, other = rng.choice(COUNTRIES), rng.choice(SECTORS), rng.choice(COUNTRIES)
    actor = Actor("The government", country=country, sector=sector,
                  code=country + (sector or ""), start=base, end=base + 14)
    recipient = Actor("the rebels", country=other, sector="REB", code=other + "REB",
                      start=base + 19, end=base + 29)
    return Event(
        id=f"{article.id}-{n}", article_id=article.id, sentence_index=1, sentence=SENTENCE,
        trigger=Span("met", base + 15, base + 18), event_type=event_type, cameo=cameo,
        cameo_root=root, goldstein=goldstein, quad_class=quad, actor=(actor,),
        recipient=(recipient,), location=rng.choice(PLACES),
        date=(article.published - dt.timedelta(days=rng.randrange(3))).isoformat(),
        date_precision="day", source_name=article.source_name, confidence=0.8,
        versions={"coder": "load", "ontology": "plover-2.0", "model": "none"},
    )


@dataclass
class Result:
    """The figures of one run; latencies in milliseconds."""

    requests: int
    concurrency: int
    seconds: float
    per_second: float
    p50_ms: float
    p99_ms: float
    server_errors: int
    failed: int
    statuses: dict[str, int] = field(default_factory=dict)
    p50_ms_by_endpoint: dict[str, float] = field(default_factory=dict)


def run_load(base_url: str, *, requests: int, concurrency: int, event_ids: list[str],
             seed: int = 1) -> Result:
    """Send ``requests`` requests from ``concurrency`` clients at once; measure them."""
    rng = random.Random(seed)
    weights = [weight for weight, _label, _path in REQUEST_MIX]
    paths = [(label, path(rng, event_ids))
             for _weight, label, path in rng.choices(REQUEST_MIX, weights=weights, k=requests)]
    return asyncio.run(_fire(base_url, paths, concurrency))


async def _fire(base_url: str, paths: list[tuple[str, str]], concurrency: int) -> Result:
    latencies: list[float] = []
    by_endpoint: collections.defaultdict[str, list[float]] = collections.defaultdict(list)
    statuses: collections.Counter[str] = collections.Counter()
    queue = iter(paths)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=60) as client:

        async def worker() -> None:
            for label, path in queue:  # the workers share one iterator: each is sent once
                started = time.perf_counter()
                try:
                    response = await client.get(path)
                    statuses[str(response.status_code)] += 1
                except httpx.HTTPError as err:
                    statuses[type(err).__name__] += 1
                latencies.append((time.perf_counter() - started) * 1000)
                by_endpoint[label].append(latencies[-1])

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        seconds = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return Result(
        requests=len(paths), concurrency=concurrency, seconds=round(seconds, 2),
        per_second=round(len(paths) / seconds, 1), p50_ms=round(cuts[49], 1),
        p99_ms=round(cuts[98], 1),
        server_errors=sum(n for code, n in statuses.items() if code.startswith("5")),
        failed=sum(n for code, n in statuses.items() if not code.isdigit()),
        statuses=dict(sorted(statuses.items())),
        p50_ms_by_endpoint={label: round(statistics.median(values), 1)
                            for label, values in sorted(by_endpoint.items())},
    )


class Server:
    """`eventcoder serve` in a subprocess on a free loopback port; a context manager."""

    def __init__(self, db: Path, *, wait: float = 60.0) -> None:
        self.db = db
        self.wait = wait
        self.process: subprocess.Popen[bytes] | None = None
        self.url = ""

    def __enter__(self) -> Server:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        command = [sys.executable, "-c", "import sys; from eventcoder.cli import main; "
                   "sys.exit(main())", "serve", "--db", str(self.db), "--port", str(port)]
        # The access log would fill a pipe nobody reads.
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + self.wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"eventcoder serve exited with {self.process.returncode}")
            try:
                if httpx.get(self.url + "/api/health", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.__exit__(None, None, None)
        raise RuntimeError(f"eventcoder serve did not answer within {self.wait} s")

    def __exit__(self, *_exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def event_ids(db: Path, *, sample: int = 500, seed: int = 3) -> list[str]:
    """A sample of the store's event ids, for GET /api/events/{id}."""
    with Store.open(db, read_only=True) as store:
        ids = [event["id"] for event in store.iter_events()]
    return random.Random(seed).sample(ids, min(sample, len(ids)))


def markdown(result: Result, *, events: int, command: str) -> str:
    """The BENCHMARKS.md block for a run."""
    codes = ", ".join(f"{code}: {n}" for code, n in result.statuses.items())
    return "\n".join([
        START,
        "### HTTP API under load (loopback)",
        "",
        f"`{command}`",
        "",
        "| store events | requests | concurrent clients | requests/s | p50 ms | p99 ms | 5xx |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {events:,} | {result.requests:,} | {result.concurrency} | {result.per_second} | "
        f"{result.p50_ms} | {result.p99_ms} | {result.server_errors} |",
        "",
        f"Statuses: {codes}. One `eventcoder serve` process (uvicorn), the client in another "
        f"process on the same machine; {result.seconds} s in all. Mix: "
        + ", ".join(f"{weight}% {label}" for weight, label, _path in REQUEST_MIX) + ".",
        "",
        "p50 ms by endpoint: " + ", ".join(
            f"{label} {ms}" for label, ms in result.p50_ms_by_endpoint.items()) + ".",
        END,
    ])


def write_block(path: Path, block: str) -> None:
    """Put ``block`` between the load markers of ``path`` (created, or appended to, if need be)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="store to serve (built when absent)")
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--markdown", type=Path, help="update the load block of this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "load.duckdb"
        if not db.exists():
            started = time.perf_counter()
            build_store(db, events=args.events)
            print(f"built {db} with {args.events} events in {time.perf_counter() - started:.1f} s")
        with Store.open(db, read_only=True) as store:
            events = store.count_events()
        ids = event_ids(db)
        with Server(db) as server:
            result = run_load(server.url, requests=args.requests,
                              concurrency=args.concurrency, event_ids=ids)
    print(json.dumps(asdict(result)))
    print(f"{result.requests} requests, {result.concurrency} concurrent: "
          f"{result.per_second} requests/s, p50 {result.p50_ms} ms, p99 {result.p99_ms} ms, "
          f"{result.server_errors} server errors, {result.failed} failed")
    if args.json:
        args.json.write_text(json.dumps(asdict(result), indent=2) + "\n", encoding="utf-8")
    if args.markdown:
        command = ("python scripts/loadtest.py " + " ".join(
            a for a in (argv if argv is not None else sys.argv[1:])))
        write_block(args.markdown, markdown(result, events=events, command=command))
    return 1 if result.server_errors or result.failed else 0


if __name__ == "__main__":
    sys.exit(main())
