"""The one JSON error envelope of the API: ``{"error": {"status", "code", "message"}}``."""

from __future__ import annotations

import json
from typing import Any

from eventcoder.errors import EventcoderError


class ApiError(EventcoderError):
    """An error answered to an HTTP client: a catalogue code (E5xx) and an HTTP ``status``."""

    def __init__(self, status: int, code: str, **values: object) -> None:
        self.status = status
        super().__init__(code, **values)


def envelope(error: ApiError) -> dict[str, Any]:
    """The JSON body of an error response."""
    return {"error": {"status": error.status, "code": error.code,
                      "message": f"{error.what}. {error.todo}"}}


def envelope_bytes(error: ApiError) -> bytes:
    """``envelope`` as UTF-8 JSON, for the parts of the app that answer below FastAPI."""
    return json.dumps(envelope(error), ensure_ascii=False).encode("utf-8")
