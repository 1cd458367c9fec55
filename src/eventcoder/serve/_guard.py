"""An ASGI middleware that bounds requests and never lets a stack trace reach a client.

It answers 414 for a query string over ``max_query`` bytes and 413 for a body over
``max_body`` bytes (by its Content-Length, or by reading a chunked body up to the limit), and
turns any exception that escapes the app into a 500 envelope, logging the traceback
server-side.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from eventcoder.serve._errors import ApiError, envelope_bytes

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOG = logging.getLogger("eventcoder.serve")


class Guard:
    """Wraps an ASGI app with the request bounds and the last-resort error envelope."""

    def __init__(self, app: ASGIApp, *, max_body: int, max_query: int) -> None:
        self.app = app
        self.max_body = max_body
        self.max_query = max_query

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > self.max_query:
            await _answer(send, ApiError(414, "E526", limit=self.max_query))
            return
        length = dict(scope.get("headers") or []).get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.max_body:
            await _answer(send, ApiError(413, "E525", limit=self.max_body))
            return
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            # Read the whole (bounded) body here: a chunked body has no Content-Length.
            body = await _read_body(receive, self.max_body)
            if body is None:
                await _answer(send, ApiError(413, "E525", limit=self.max_body))
                return
            receive = _replay(body, receive)
        started = False

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []),
                                      (b"x-content-type-options", b"nosniff")]
            await send(message)

        try:
            await self.app(scope, receive, tracked_send)
        except Exception:
            LOG.exception("unexpected error on %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await _answer(send, ApiError(500, "E520"))


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The request body, or None as soon as it passes ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the read body once, then waits on the client as before."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed


async def _answer(send: Send, error: ApiError) -> None:
    body = envelope_bytes(error)
    await send({"type": "http.response.start", "status": error.status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"x-content-type-options", b"nosniff")]})
    await send({"type": "http.response.body", "body": body})
