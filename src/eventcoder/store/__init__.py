"""The event store: coded events kept in a DuckDB file (no server).

Tables: ``articles`` (one row per story, with the sha256 of its document text),
``mentions`` (one row per coded event: the full record as JSON plus columns to filter on) and
``schema_migrations`` (which schema steps the file has had). Ingest is idempotent: the same
story twice adds nothing; a corrected story replaces its earlier version.

Imports the standard library, duckdb, and eventcoder's types/errors/ontology only: the service
installs without spaCy or a model.
"""

from eventcoder.store._migrations import SCHEMA_VERSION
from eventcoder.store._store import Store

__all__ = ["SCHEMA_VERSION", "Store"]
