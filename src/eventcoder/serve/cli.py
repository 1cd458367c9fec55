"""The ``serve`` and ``keys`` commands.

    eventcoder serve --db FILE [--host 127.0.0.1] [--port 8000] [--cors-origin URL]
    eventcoder keys create --db FILE [--name NAME]
    eventcoder keys list --db FILE
    eventcoder keys revoke ID --db FILE
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from eventcoder.errors import StoreError, UsageError

# How long a command waits for a store that an ingest holds (as the other store commands).
LOCK_WAIT_SECONDS = 30.0


def add_commands(commands: Any) -> None:
    """Add ``serve`` and ``keys`` to the CLI's subparsers."""
    serve = commands.add_parser(
        "serve", help="serve the HTTP API and dashboard over an event store",
        description="Serve the HTTP API (/api/..., schema at /openapi.json) and the dashboard "
                    "(/) over an existing event store. The store is only read, except by "
                    "POST /api/code with store=true, which needs an API key (eventcoder keys).")
    serve.add_argument("--db", required=True, metavar="FILE", help="the event store file")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--cors-origin", action="append", default=[], metavar="URL",
                       help="let web pages from this origin call the API (off by default); "
                            "repeatable")
    serve.set_defaults(run=run_serve)

    keys = commands.add_parser(
        "keys", help="create, list or revoke the API keys of a store",
        description="Manage the API keys that POST /api/code needs. A key is shown once, "
                    "when created; the store keeps only its sha256.")
    actions = keys.add_subparsers(dest="keys_action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="create a key and print it (once)",
                                description="Create an API key and print it; it is not "
                                            "shown again.")
    create.add_argument("--db", required=True, metavar="FILE", help="the event store file")
    create.add_argument("--name", help="who or what the key is for")
    create.set_defaults(run=run_keys_create)
    listing = actions.add_parser("list", help="list the keys (never the keys themselves)",
                                 description="List the API keys: id, name, created, revoked.")
    listing.add_argument("--db", required=True, metavar="FILE", help="the event store file")
    listing.set_defaults(run=run_keys_list)
    revoke = actions.add_parser("revoke", help="revoke a key by its id",
                                description="Revoke an API key: requests with it are refused "
                                            "(403) from then on.")
    revoke.add_argument("key_id", metavar="ID", help="the key's id, as keys list shows it")
    revoke.add_argument("--db", required=True, metavar="FILE", help="the event store file")
    revoke.set_defaults(run=run_keys_revoke)


def run_serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Upgrade the store's schema if needed, then serve it until interrupted."""
    import uvicorn

    from eventcoder.serve.app import create_app
    from eventcoder.store import Store

    if not 0 < args.port < 65536:
        raise UsageError("E004", option="--port", value=args.port)
    # Readers cannot migrate, so a store written by an older eventcoder is upgraded first.
    if not _current(args.db):
        Store.open(args.db, wait=LOCK_WAIT_SECONDS).close()
    app = create_app(args.db, coder_factory=_coder, cors_origins=tuple(args.cors_origin))
    print(f"eventcoder: serving {args.db} on http://{args.host}:{args.port}/", file=err)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def run_keys_create(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from eventcoder.store import Store

    _require_store(args.db)
    with Store.open(args.db, wait=LOCK_WAIT_SECONDS) as store:
        key, token = store.create_api_key(name=args.name)
    print(token, file=out)
    print(f"eventcoder: created key {key.id}" + (f" ({key.name})" if key.name else "")
          + "; it is shown only this once", file=err)
    return 0


def run_keys_list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from eventcoder.store import Store

    _require_store(args.db)
    with Store.open(args.db, wait=LOCK_WAIT_SECONDS) as store:
        keys = store.api_keys()
    out.write("id\tname\tcreated\trevoked\n")
    for key in keys:
        revoked = key.revoked_at.isoformat(timespec="seconds") if key.revoked_at else ""
        out.write(f"{key.id}\t{key.name or ''}\t"
                  f"{key.created_at.isoformat(timespec='seconds')}\t{revoked}\n")
    return 0


def run_keys_revoke(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from eventcoder.store import Store

    _require_store(args.db)
    with Store.open(args.db, wait=LOCK_WAIT_SECONDS) as store:
        key = store.revoke_api_key(args.key_id)
    if key is None:
        raise UsageError("E533", key_id=args.key_id)
    print(f"revoked key {key.id}", file=out)
    return 0


def _require_store(db: str) -> None:
    # Store.open would create a new, empty store: a typo must not make one.
    if not Path(db).is_file():
        raise StoreError("E302", path=db)


def _current(db: str) -> bool:
    """Whether the store exists and has this eventcoder's schema (readable as it is)."""
    from eventcoder.store import Store

    _require_store(db)
    try:
        Store.open(db, read_only=True, wait=LOCK_WAIT_SECONDS).close()
    except StoreError as error:
        if error.code == "E304":
            return False
        raise
    return True


def _coder() -> Any:
    # The command hands the app its coder, through the package's public (lazy) Coder: the
    # API modules never import the NLP layers, and a server that never codes never loads them.
    import eventcoder

    return eventcoder.Coder()
