"""The HTTP API and dashboard: ``eventcoder serve --db FILE``.

``create_app(db_path, ...)`` builds the ASGI app (FastAPI); see ``eventcoder.serve.app`` for
the endpoints and ``eventcoder.serve.cli`` for the ``serve`` and ``keys`` commands. The app
reads the store only, except POST /api/code with ``store: true``, which needs an API key.
FastAPI is imported lazily, so the command line starts without it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from eventcoder.serve.app import create_app

        return create_app
    raise AttributeError(f"module 'eventcoder.serve' has no attribute {name!r}")
