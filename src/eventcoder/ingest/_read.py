"""Reading stories from files, directories and stdin, one source at a time, streaming."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import itertools
import os
import stat
import sys
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from typing import BinaryIO, TextIO

from eventcoder.errors import InputError
from eventcoder.ingest._csv import CSV_SUFFIXES, csv_articles
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
ZIP_SUFFIXES = (".zip",)
# What a ZIP archive's members may be (no archives inside archives).
MEMBER_SUFFIXES = (".txt", *JSONL_SUFFIXES, *CSV_SUFFIXES, *HTML_SUFFIXES)
STORY_SUFFIXES = (".txt", *JSONL_SUFFIXES, *CSV_SUFFIXES, *HTML_SUFFIXES, *FEED_SUFFIXES,
                  *WARC_SUFFIXES, *ZIP_SUFFIXES)
DEFAULT_MAX_BYTES = 50_000_000
# spaCy refuses a text over 1,000,000 characters (its max_length) and a UTF-8 character takes
# at least one byte, so a story within this limit is never refused by the parser.
DEFAULT_MAX_STORY_BYTES = 1_000_000
MAX_STORY_ENV = "EVENTCODER_MAX_STORY_BYTES"
# How much of a source is looked at for NUL bytes before calling it binary.
SNIFF_BYTES = 8192
# Streams are read a line at a time, but in pieces of at most this many bytes: one endless
# line must not fill the memory before the limits can refuse it.
PIECE_BYTES = 65536


def read_articles(
    paths: Iterable[str],
    *,
    default_date: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_story_bytes: int | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Article | InputError]:
    """Articles from text files, JSONL files, directories (recursed) and "-" (stdin).

    A file or a JSON line that cannot be read is yielded as its InputError, not raised, so
    that a batch goes on; callers report it and skip it. ``default_date`` is the publication
    date of stories that give none; ``max_bytes`` caps each file (and a text story on stdin);
    ``max_story_bytes`` (default ``story_limit()``) caps each story, JSON line, page or feed
    item (E108 for a text file, else E111); ``stdin`` replaces ``sys.stdin`` (text or binary).
    Raises InputError E115 when $EVENTCODER_MAX_STORY_BYTES is not a positive number.
    """
    limit = story_limit(max_story_bytes)
    for path in paths:
        path = os.fspath(path)
        if path == STDIN:
            source = stdin if stdin is not None else getattr(sys.stdin, "buffer", sys.stdin)
            yield from _guarded(
                _read_stdin(source, default_date=default_date, max_bytes=max_bytes, limit=limit),
                path=STDIN_ORIGIN, limit=limit,
            )
            continue
        try:
            files = _story_files(path)
        except InputError as err:
            yield err
            continue
        for file in files:
            yield from _guarded(
                _read_file(file, default_date=default_date, max_bytes=max_bytes, limit=limit),
                path=file, limit=limit,
            )


def story_limit(value: int | None = None) -> int:
    """The most bytes one story may take: ``value``, else $EVENTCODER_MAX_STORY_BYTES, else
    DEFAULT_MAX_STORY_BYTES. Raises InputError E115 for a setting that is not a number > 0."""
    if value is not None:
        return value
    setting = os.environ.get(MAX_STORY_ENV, "").strip()
    if not setting:
        return DEFAULT_MAX_STORY_BYTES
    try:
        limit = int(setting)
    except ValueError:
        raise InputError("E115", value=setting) from None
    if limit < 1:
        raise InputError("E115", value=setting)
    return limit


def _guarded(
    items: Iterator[Article | InputError], *, path: str, limit: int
) -> Iterator[Article | InputError]:
    """``items``, with an article over ``limit`` bytes turned into E111, and a reader's
    unexpected failure into E119 (which ends that source, not the batch)."""
    try:
        for item in items:
            if isinstance(item, Article):
                size = len(item.document.encode("utf-8", "surrogatepass"))
                if size > limit:
                    item = InputError("E111", path=item.origin or path, size=size, limit=limit)
            yield item
    except Exception as err:  # a bug in one reader must not end a batch (STYLE.md 2)
        detail = " ".join(f"{type(err).__name__}: {err}".split())[:200]
        yield InputError("E119", path=path, detail=detail)


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
    path: str, *, default_date: dt.date | None, max_bytes: int, limit: int
) -> Iterator[Article | InputError]:
    suffix = path.lower()
    try:
        if suffix.endswith(WARC_SUFFIXES):
            # Archives are streamed record by record: max_bytes caps each record instead.
            with open_warc(path) as stream:
                yield from warc_articles(stream, path=path, default_date=default_date,
                                         max_bytes=max_bytes)
            return
        if suffix.endswith(ZIP_SUFFIXES):
            # Archives are read member by member: max_bytes caps each member instead.
            yield from _zip_articles(path, default_date=default_date, max_bytes=max_bytes,
                                     limit=limit)
            return
        size = os.stat(path).st_size
        if size > max_bytes:
            raise InputError("E108", path=path, size=size, limit=max_bytes)
        if suffix.endswith(CSV_SUFFIXES):
            with open(path, "rb") as stream:
                yield from csv_articles(stream.read(), path=path, default_date=default_date,
                                        limit=limit)
            return
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
            pieces = _sniffed(_pieces(stream), path=path)
            if path.lower().endswith(JSONL_SUFFIXES):
                yield from _jsonl_articles(
                    pieces, path=path, default_date=default_date, limit=limit
                )
            else:
                yield _text_article(
                    pieces, path=path, default_date=default_date, max_bytes=min(max_bytes, limit)
                )
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError("E109", path=path, detail=err.strerror or str(err))


def _zip_articles(
    path: str, *, default_date: dt.date | None, max_bytes: int, limit: int
) -> Iterator[Article | InputError]:
    """The stories of a ZIP archive's .txt, .jsonl, .csv, .tsv and .html members, in the
    archive's order ("PATH!MEMBER" names each). Hidden and __MACOSX members are skipped; a
    member that inflates past ``max_bytes`` is E108, whatever its header claims; E123 for an
    archive that cannot be read, E102 for one with no story member."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as err:
        raise InputError("E123", path=path, detail=str(err) or type(err).__name__) from None
    with archive:
        members = [info for info in archive.infolist()
                   if not info.is_dir() and info.filename.lower().endswith(MEMBER_SUFFIXES)
                   and not any(part.startswith(".") or part == "__MACOSX"
                               for part in info.filename.split("/"))]
        if not members:
            raise InputError("E102", path=path)
        for info in members:
            name = f"{path}!{info.filename}"
            if info.file_size > max_bytes:
                yield InputError("E108", path=name, size=info.file_size, limit=max_bytes)
                continue
            try:
                with archive.open(info) as stream:
                    data = stream.read(max_bytes + 1)
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError,
                    zlib.error, OSError) as err:
                # (RuntimeError: encrypted; NotImplementedError: an unknown compression)
                yield InputError("E123", path=name, detail=str(err) or type(err).__name__)
                continue
            if len(data) > max_bytes:
                yield InputError("E108", path=name, size=len(data), limit=max_bytes)
                continue
            yield from _member_articles(data, name=name, default_date=default_date,
                                        max_bytes=max_bytes, limit=limit)


def _member_articles(
    data: bytes, *, name: str, default_date: dt.date | None, max_bytes: int, limit: int
) -> Iterator[Article | InputError]:
    """The stories of one archive member's bytes, read as its name's suffix says."""
    suffix = name.lower()
    try:
        if suffix.endswith(CSV_SUFFIXES):
            yield from csv_articles(data, path=name, default_date=default_date, limit=limit)
        elif suffix.endswith(HTML_SUFFIXES):
            yield html_article(decode_html(data, path=name), origin=name,
                               default_date=default_date)
        else:
            pieces = _sniffed(_pieces(io.BytesIO(data)), path=name)
            if suffix.endswith(JSONL_SUFFIXES):
                yield from _jsonl_articles(pieces, path=name, default_date=default_date,
                                           limit=limit)
            else:
                yield _text_article(pieces, path=name, default_date=default_date,
                                    max_bytes=min(max_bytes, limit))
    except InputError as err:
        yield err


def _read_stdin(
    stream: TextIO | BinaryIO, *, default_date: dt.date | None, max_bytes: int, limit: int
) -> Iterator[Article | InputError]:
    """JSON lines when the first non-blank character is "{", else one text story."""
    try:
        lines = _sniffed(_pieces(stream), path=STDIN_ORIGIN)
        head: list[bytes] = []
        for line in lines:
            head.append(line)
            if line.removeprefix(codecs.BOM_UTF8).strip():
                break
        start = b"".join(head).removeprefix(codecs.BOM_UTF8).lstrip()
        rest = itertools.chain(head, lines)
        if start.startswith(b"{"):
            yield from _jsonl_articles(
                rest, path=STDIN_ORIGIN, default_date=default_date, limit=limit
            )
        else:
            yield _text_article(
                rest, path=STDIN_ORIGIN, default_date=default_date, max_bytes=min(max_bytes, limit)
            )
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError("E109", path=STDIN_ORIGIN, detail=err.strerror or str(err))


def _pieces(stream: TextIO | BinaryIO) -> Iterator[bytes]:
    """The stream's lines as bytes; a line over PIECE_BYTES comes in several pieces, of which
    only the last ends with a newline. Any iterable of lines will do as a stream."""
    for piece in _limited_lines(stream) if hasattr(stream, "readline") else stream:
        # A lone surrogate in a text stream becomes bytes that fail decoding (E104).
        yield piece.encode("utf-8", "surrogatepass") if isinstance(piece, str) else piece


def _limited_lines(stream: TextIO | BinaryIO) -> Iterator[str | bytes]:
    while piece := stream.readline(PIECE_BYTES):
        yield piece


def _sniffed(lines: Iterable[bytes], *, path: str) -> Iterator[bytes]:
    """``lines`` unchanged, once the first SNIFF_BYTES are known to be neither UTF-16/32
    (E112) nor binary (E103: a NUL byte)."""
    lines = iter(lines)
    head: list[bytes] = []
    size = 0
    for line in lines:
        head.append(line)
        size += len(line)
        if size >= SNIFF_BYTES:
            break
    start = b"".join(head)[:SNIFF_BYTES]
    if _wide_unicode(start):
        raise InputError("E112", path=path)
    if b"\0" in start:
        raise InputError("E103", path=path)
    yield from head
    yield from lines


def _wide_unicode(start: bytes) -> bool:
    """Whether bytes look like UTF-16 or UTF-32: a byte order mark, or (UTF-16 without one)
    a NUL in every other byte, as Latin script gives."""
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):
        return True
    half = len(start) // 2
    even, odd = start[0::2].count(0), start[1::2].count(0)
    return half >= 2 and min(even, odd) <= 0.05 * half and max(even, odd) >= 0.5 * half


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
    pieces: Iterable[bytes], *, path: str, default_date: dt.date | None, limit: int
) -> Iterator[Article | InputError]:
    """One Article or InputError per non-blank line (E111 for a line over ``limit`` bytes);
    E102 when there is none."""
    offset = 0
    any_line = False
    for number, (raw, size) in enumerate(_whole_lines(pieces, limit=limit), start=1):
        start, offset = offset, offset + size
        if raw is None:
            any_line = True
            yield InputError("E111", path=f"{path}:{number}", size=size, limit=limit)
            continue
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


def _whole_lines(pieces: Iterable[bytes], *, limit: int) -> Iterator[tuple[bytes | None, int]]:
    """(line, its size in bytes) for each line of ``pieces``; a line whose text (its newline
    not counted) is over ``limit`` bytes is (None, size), and is never held whole."""
    held: list[bytes] = []
    size = 0
    for piece in pieces:
        size += len(piece)
        if size <= limit + 2:  # room for "\r\n"
            held.append(piece)
        if piece.endswith(b"\n"):
            yield _whole_line(held, size, last=piece, limit=limit)
            held, size = [], 0
    if size:
        yield _whole_line(held, size, last=piece, limit=limit)


def _whole_line(
    held: list[bytes], size: int, *, last: bytes, limit: int
) -> tuple[bytes | None, int]:
    newline = 2 if last.endswith(b"\r\n") else 1 if last.endswith(b"\n") else 0
    return (None if size - newline > limit else b"".join(held)), size
