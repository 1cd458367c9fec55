"""The event store: coded events kept in a DuckDB file (no server).

Tables: ``articles`` (one row per story, with the sha256 of its document text),
``mentions`` (one row per coded sentence-event: the full record as JSON plus columns to filter
on, the deduplication keys and the place), ``api_keys`` (the sha256 of each key of the HTTP
API, see ``_keys``) and ``schema_migrations`` (which schema steps the file has had).
Ingest is idempotent: the same story twice adds nothing; a corrected story replaces its earlier
version. Each story is written in one transaction, so a killed ingest leaves whole stories only,
and a rerun (which skips the stories already stored) ends with the same store.

Deduplication. Every machine-coded dataset counts *reports*; an event reported by five
sentences in three stories is one event. ``events`` is a view: one row per event under the
default policy, with ``mention_ids``, ``num_mentions``, ``num_sources`` (distinct publishers),
``num_articles``, ``first_seen``/``last_seen`` (publication dates) and the codes of the first
mention (earliest published, then article id, sentence, mention id). A view cannot go stale.
Policies are named and versioned (a changed rule is a new name); choose one with
``Store.iter_deduplicated(policy=...)`` or ``Store.aggregate(policy=...)``:

    exact-key.v1   (default) key: event date, actor key, PLOVER type, recipient key, place key
    one-a-day.v1   key: event date, actor key, CAMEO code, recipient key (place ignored)
    off            every mention is its own event

An actor key is the sorted distinct CAMEO actor codes of the actor list joined by "+"
("FRAGOV+ITA"; an actor without a code counts as its country, else "-"); a place key is
"geonames:ID", else "COUNTRY/name". Undated mentions share the date NULL.

Concurrency (DuckDB 2.0.1, checked by tests/test_store_concurrency.py). Within one process,
any number of cursors read while the connection writes. Across processes a file is locked:
either one read-write process, or any number of read-only ones, never both. So a reader in
another process cannot open the store while ``eventcoder ingest`` holds it; the ingest
therefore opens the store only to write a batch of coded stories and closes it in between, and
readers pass ``wait=`` to ``Store.open`` to retry while a batch is written (E307 when the wait
runs out). A reader that keeps the store open blocks the next write the same way.

Imports the standard library, duckdb, and eventcoder's types/errors/ontology only: the service
installs without spaCy or a model.
"""

from eventcoder.store._dedup import DEFAULT_POLICY, POLICIES, DedupPolicy
from eventcoder.store._keys import ApiKey
from eventcoder.store._migrations import SCHEMA_VERSION
from eventcoder.store._query import PERIODS, AggregateRow, EventFilter
from eventcoder.store._read import TIMELINE_PERIODS, EventPage
from eventcoder.store._store import Store, content_hash

__all__ = [
    "DEFAULT_POLICY",
    "PERIODS",
    "POLICIES",
    "SCHEMA_VERSION",
    "TIMELINE_PERIODS",
    "AggregateRow",
    "ApiKey",
    "DedupPolicy",
    "EventFilter",
    "EventPage",
    "Store",
    "content_hash",
]
