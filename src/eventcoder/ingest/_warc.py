"""WARC archives (.warc, .warc.gz; WARC/1.0 and 1.1): the HTML pages they hold, as Articles.

Records are read one at a time (archives are big): the "WARC/1.x" line, headers up to a
blank line, a block of Content-Length bytes, two CRLFs. "response" records carrying an HTTP
response with a text/html body (chunked and gzip transfer handled) and "resource" records of
type text/html become Articles (url from WARC-Target-URI); other records are passed over.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from eventcoder.errors import InputError
from eventcoder.ingest._html import decode_html, html_article
from eventcoder.types import Article

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.IGNORECASE)
# The longest version or header line read: a file without newlines must not be read whole.
_MAX_LINE = 65536


def open_warc(path: str) -> BinaryIO:
    """The archive's byte stream, gunzipped when it is gzip'd (by its magic bytes)."""
    stream = open(path, "rb")
    if stream.read(2) == b"\x1f\x8b":
        stream.close()
        return gzip.open(path, "rb")
    stream.seek(0)
    return stream


def warc_articles(
    stream: BinaryIO, *, path: str, default_date: dt.date | None = None, max_bytes: int
) -> Iterator[Article | InputError]:
    """One Article per HTML page in the archive; a page that cannot be read is yielded as its
    InputError. A broken record structure ends the archive with InputError E122; a record
    or a decompressed page over ``max_bytes`` is E108 / E114."""
    offset = 0
    while True:
        try:
            record = _next_record(stream, offset=offset, path=path, max_bytes=max_bytes)
        except (OSError, EOFError, zlib.error) as err:
            # A truncated or corrupt gzip member.
            yield InputError("E122", path=path, offset=offset, detail=str(err) or "truncated")
            return
        except InputError as err:
            yield err
            return
        if record is None:
            return
        headers, block, size = record
        origin = f"{path}@{offset}"
        offset += size
        try:
            page = _html_of(headers, block, origin=origin, max_bytes=max_bytes)
            if page is None:
                continue
            markup, charset = page
            yield html_article(decode_html(markup, path=origin, charset=charset),
                               origin=origin, default_date=default_date,
                               url=headers.get("warc-target-uri"))
        except InputError as err:
            yield err


def _next_record(
    stream: BinaryIO, *, offset: int, path: str, max_bytes: int
) -> tuple[dict[str, str], bytes, int] | None:
    size = 0
    line = stream.readline(_MAX_LINE)
    while line in (b"\r\n", b"\n"):  # tolerate extra blank lines between records
        size += len(line)
        line = stream.readline(_MAX_LINE)
    if not line:
        return None
    size += len(line)
    if not line.startswith(b"WARC/"):
        raise InputError("E122", path=path, offset=offset, detail="expected a WARC/1.x line")
    headers: dict[str, str] = {}
    while True:
        line = stream.readline(_MAX_LINE)
        size += len(line)
        if not line:
            raise InputError("E122", path=path, offset=offset, detail="headers end early")
        if line in (b"\r\n", b"\n"):
            break
        if len(line) == _MAX_LINE and not line.endswith(b"\n"):
            raise InputError("E122", path=path, offset=offset,
                             detail=f"a header line is over {_MAX_LINE} bytes")
        name, sep, value = line.decode("utf-8", "replace").partition(":")
        if not sep:
            raise InputError("E122", path=path, offset=offset,
                             detail=f"bad header {name[:40]!r}")
        headers[name.strip().lower()] = value.strip()
    try:
        length = int(headers["content-length"])
        if length < 0:
            raise ValueError(length)  # read(-1) would read the rest of the archive
    except (KeyError, ValueError):
        raise InputError("E122", path=path, offset=offset,
                         detail="missing or bad Content-Length") from None
    if length > max_bytes:
        raise InputError("E108", path=f"{path}@{offset}", size=length, limit=max_bytes)
    block = stream.read(length)
    if len(block) != length:
        raise InputError("E122", path=path, offset=offset, detail="the last record is cut short")
    size += length + len(stream.read(4))  # the CRLF CRLF that closes a record
    return headers, block, size


def _html_of(
    headers: dict[str, str], block: bytes, *, origin: str, max_bytes: int
) -> tuple[bytes, str | None] | None:
    """The HTML bytes and declared charset of a record, or None when it holds no HTML page.
    Raises InputError E114 when the page decompresses to more than ``max_bytes``."""
    kind = headers.get("warc-type", "")
    content_type = headers.get("content-type", "")
    if kind == "resource":
        return (block, _charset(content_type)) if "text/html" in content_type else None
    if kind != "response" or "application/http" not in content_type:
        return None
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    lines = head.decode("iso-8859-1").splitlines()
    if not lines or not lines[0].startswith("HTTP/"):
        return None
    status = lines[0].split()
    if len(status) < 2 or not status[1].startswith("2"):
        return None
    http = {}
    for line in lines[1:]:
        name, _sep, value = line.partition(":")
        http[name.strip().lower()] = value.strip()
    if "text/html" not in http.get("content-type", ""):
        return None
    if "chunked" in http.get("transfer-encoding", "").lower():
        body = _unchunked(body)
    if http.get("content-encoding", "").lower() in ("gzip", "deflate"):
        try:
            # 47: gzip or zlib header, detected. Bounded: a few KB can inflate to gigabytes.
            body = zlib.decompressobj(47).decompress(body, max_bytes + 1)
        except zlib.error:
            return None
        if len(body) > max_bytes:
            raise InputError("E114", path=origin, limit=max_bytes)
    return body, _charset(http.get("content-type", ""))


def _unchunked(body: bytes) -> bytes:
    parts: list[bytes] = []
    position = 0
    while True:
        end = body.find(b"\r\n", position)
        if end < 0:
            break
        try:
            size = int(body[position:end].split(b";")[0], 16)
        except ValueError:
            break
        if size == 0:
            break
        parts.append(body[end + 2 : end + 2 + size])
        position = end + 2 + size + 2
    return b"".join(parts)


def _charset(content_type: str) -> str | None:
    found = _CHARSET.search(content_type)
    return found.group(1) if found else None
