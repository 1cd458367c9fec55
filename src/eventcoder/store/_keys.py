"""API keys: random tokens of which the store keeps only the sha256.

A key reads ``eck_<id>_<secret>``: ``id`` (8 hex digits) names the key in lists and
revocations, ``secret`` is 32 random bytes, URL-safe base64. The store keeps the id, a name,
the sha256 of the whole key and the creation and revocation times; the key itself is shown
once, when it is created.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

import duckdb

from eventcoder.store._migrations import utcnow

KEY_PREFIX = "eck_"
_SECRET_BYTES = 32
# Compared against when the id is unknown, so that answering takes as long either way.
_NO_DIGEST = "0" * 64


@dataclass(frozen=True)
class ApiKey:
    """A stored API key (never the key itself): ``id``, ``name``, ``created_at`` and
    ``revoked_at`` (None while it is valid), both naive UTC."""

    id: str
    name: str | None
    created_at: _dt.datetime
    revoked_at: _dt.datetime | None = None


def create_key(conn: duckdb.DuckDBPyConnection, *, name: str | None) -> tuple[ApiKey, str]:
    """Store a new key; returns its record and the key, which only its holder keeps."""
    key_id = secrets.token_hex(4)
    token = f"{KEY_PREFIX}{key_id}_{secrets.token_urlsafe(_SECRET_BYTES)}"
    record = ApiKey(key_id, name, utcnow())
    conn.execute(
        "INSERT INTO api_keys (id, name, key_sha256, created_at) VALUES (?, ?, ?, ?)",
        [record.id, record.name, _digest(token), record.created_at],
    )
    return record, token


def list_keys(conn: duckdb.DuckDBPyConnection) -> list[ApiKey]:
    """Every key, valid or revoked, oldest first."""
    rows = conn.execute(
        "SELECT id, name, created_at, revoked_at FROM api_keys ORDER BY created_at, id"
    ).fetchall()
    return [ApiKey(*row) for row in rows]


def revoke_key(conn: duckdb.DuckDBPyConnection, key_id: str) -> ApiKey | None:
    """Revoke the key ``key_id`` (revoking twice keeps the first time); None when unknown."""
    conn.execute(
        "UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?", [utcnow(), key_id]
    )
    row = conn.execute(
        "SELECT id, name, created_at, revoked_at FROM api_keys WHERE id = ?", [key_id]
    ).fetchone()
    return ApiKey(*row) if row else None


def find_key(conn: duckdb.DuckDBPyConnection, token: str) -> ApiKey | None:
    """The stored key that ``token`` is (revoked or not), or None when it is no key of ours."""
    key_id = _key_id(token)
    row = None
    if key_id is not None:
        row = conn.execute(
            "SELECT id, name, created_at, revoked_at, key_sha256 FROM api_keys WHERE id = ?",
            [key_id],
        ).fetchone()
    stored = row[4] if row else _NO_DIGEST
    if not hmac.compare_digest(stored, _digest(token)) or row is None:
        return None
    return ApiKey(*row[:4])


def _key_id(token: str) -> str | None:
    if not token.startswith(KEY_PREFIX):
        return None
    key_id, _, secret = token.removeprefix(KEY_PREFIX).partition("_")
    return key_id if key_id and secret else None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
