"""Reading stories from files, directories and stdin, one source at a time, streaming."""

from __future__ import annotations

import codecs
import datetime as dt
import itertools
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO, TextIO

from eventcoder.errors import InputError
from eventcoder.ingest._feeds import feed_articles
from eventcoder.ingest._html import decode_html, html_article
from eventcoder.ingest._parse import parse_jsonl_line, parse_text_story
from eventcoder.ingest._warc import open_warc, warc_articles
from eventcoder.types import Article

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
WARC_SUFFIXES = (".warc", ".warc.gz")
STORY_SUFFIXES = (".txt", *JSONL_SUFFIXES, *HTML_SUFFIXES, *FEED_SUFFIXES, *WARC_SUFFIXES)
DEFAULT_MAX_BYTES = 50_000_000
# How much of a source is looked at for NUL bytes before calling it binary.
SNIFF_BYTES = 8192


def read_articles(
    paths: Iterable[str],
    *,
    default_date: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Article | InputError]:
    """Articles from text files, JSONL files, directories (recursed) and "-" (stdin).

    A file or a JSON line that cannot be read is yielded as its InputError, not raised, so
    that a batch goes on; callers report it and skip it. ``default_date`` is the publication
    date of stories that give none; ``max_bytes`` caps each file (and a text story on stdin);
    ``stdin`` replaces ``sys.stdin`` (text or binary).
    """
    for path in paths:
        path = os.fspath(path)
        if path == STDIN:
            source = stdin if stdin is not None else getattr(sys.stdin, "buffer", sys.stdin)
            yield from _read_stdin(source, default_date=default_date, max_bytes=max_bytes)
            continue
        try:
            files = _story_files(path)
        except InputError as err:
            yield err
            continue
        for file in files:
            yield from _read_file(file, default_date=default_date, max_bytes=max_bytes)


def _story_files(path: str) -> list[str]:
    """``path`` itself, or the story files under a directory, sorted, hidden ones skipped."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise InputError("E101", path=path) from None
    except OSError as err:
        raise InputError("E109", path=path, detail=err.strerror or str(err)) from None
    if not stat.S_ISDIR(info.st_mode):
        return [path]
    found: list[str] = []
    for folder, subfolders, names in os.walk(path):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        found += [
            os.path.join(folder, name)
            for name in sorted(names)
            if not name.startswith(".") and name.lower().endswith(STORY_SUFFIXES)
        ]
    if not found:
        raise InputError("E107", path=path)
    return found


def _read_file(
    path: str, *, default_date: dt.date | None, max_bytes: int
) -> Iterator[Article | InputError]:
    suffix = path.lower()
    try:
        if suffix.endswith(WARC_SUFFIXES):
            # Archives are streamed record by record: max_bytes caps each record instead.
            with open_warc(path) as stream:
                yield from warc_articles(stream, path=path, default_date=default_date,
                                         max_bytes=max_bytes)
            return
        size = os.stat(path).st_size
        if size > max_bytes:
            raise InputError("E108", path=path, size=size, limit=max_bytes)
        if suffix.endswith(HTML_SUFFIXES + FEED_SUFFIXES):
            with open(path, "rb") as stream:
                data = stream.read()
            if suffix.endswith(FEED_SUFFIXES):
                yield from feed_articles(data, path=path, default_date=default_date)
            else:
                yield html_article(decode_html(data, path=path), origin=path,
                                   default_date=default_date)
            return
        with open(path, "rb") as stream:
            lines = _sniffed(stream, path=path)
            if path.lower().endswith(JSONL_SUFFIXES):
                yield from _jsonl_articles(lines, path=path, default_date=default_date)
            else:
                yield _text_article(
                    lines, path=path, default_date=default_date, max_bytes=max_bytes
                )
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError("E109", path=path, detail=err.strerror or str(err))


def _read_stdin(
    stream: TextIO | BinaryIO, *, default_date: dt.date | None, max_bytes: int
) -> Iterator[Article | InputError]:
    """JSON lines when the first non-blank character is "{", else one text story."""
    try:
        lines = _sniffed(_byte_lines(stream), path=STDIN_ORIGIN)
        head: list[bytes] = []
        for line in lines:
            head.append(line)
            if line.removeprefix(codecs.BOM_UTF8).strip():
                break
        start = b"".join(head).removeprefix(codecs.BOM_UTF8).lstrip()
        rest = itertools.chain(head, lines)
        if start.startswith(b"{"):
            yield from _jsonl_articles(rest, path=STDIN_ORIGIN, default_date=default_date)
        else:
            yield _text_article(
                rest, path=STDIN_ORIGIN, default_date=default_date, max_bytes=max_bytes
            )
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError("E109", path=STDIN_ORIGIN, detail=err.strerror or str(err))


def _byte_lines(stream: TextIO | BinaryIO) -> Iterator[bytes]:
    for line in stream:
        # A lone surrogate in a text stream becomes bytes that fail decoding (E104).
        yield line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line


def _sniffed(lines: Iterable[bytes], *, path: str) -> Iterator[bytes]:
    """``lines`` unchanged, once the first SNIFF_BYTES are known to hold no NUL byte."""
    lines = iter(lines)
    head: list[bytes] = []
    size = 0
    for line in lines:
        head.append(line)
        size += len(line)
        if size >= SNIFF_BYTES:
            break
    if b"\0" in b"".join(head)[:SNIFF_BYTES]:
        raise InputError("E103", path=path)
    yield from head
    yield from lines


def _text_article(
    lines: Iterable[bytes], *, path: str, default_date: dt.date | None, max_bytes: int
) -> Article:
    chunks: list[bytes] = []
    size = 0
    for line in lines:
        size += len(line)
        # Past the limit, count on without keeping: the message gives the true size.
        if size <= max_bytes:
            chunks.append(line)
    if size > max_bytes:
        raise InputError("E108", path=path, size=size, limit=max_bytes)
    data = b"".join(chunks)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError("E104", path=path, offset=err.start) from None
    return parse_text_story(text, origin=path, default_date=default_date)


def _jsonl_articles(
    lines: Iterable[bytes], *, path: str, default_date: dt.date | None
) -> Iterator[Article | InputError]:
    """One Article or InputError per non-blank line; E102 when there is none."""
    offset = 0
    any_line = False
    for number, raw in enumerate(lines, start=1):
        start, offset = offset, offset + len(raw)
        try:
            # "\n" never occurs inside a multi-byte UTF-8 sequence, so lines decode alone.
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            any_line = True
            yield InputError("E104", path=path, offset=start + err.start)
            continue
        if not line.removeprefix("\ufeff").strip():
            continue
        any_line = True
        try:
            yield parse_jsonl_line(line, origin=f"{path}:{number}", default_date=default_date)
        except InputError as err:
            yield err
    if not any_line:
        raise InputError("E102", path=path)
