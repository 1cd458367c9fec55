"""Fuzzing the readers: whatever the bytes, each story is read or refused with a catalogue error.

Every reader (text, JSON lines, stdin, HTML, RSS/Atom, WARC) gets random bytes, random Unicode
(RTL, combining marks, emoji, NUL, lone surrogates), wrong encodings (Latin-1, UTF-16 with and
without a byte order mark, mixed), deep nesting and truncated documents. Nothing may escape
``read_articles``; an article must be within the story limit and encodable as UTF-8; an error
must be a catalogue entry on one line, and never E119 (the safety net that marks a reader bug).

CI runs the "ci" profile (a few dozen examples per test); ``scripts/fuzz.py`` runs the same
checks with many more examples.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import time
import tracemalloc
import zlib
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventcoder.errors import CATALOGUE, InputError
from eventcoder.ingest import read_articles
from eventcoder.ingest._html import extract_page
from eventcoder.types import Article

settings.register_profile(
    "ci", max_examples=30, deadline=None, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# scripts/fuzz.py registers a long profile and names it here before importing this module.
CI = settings.get_profile(os.environ.get("EVENTCODER_FUZZ_PROFILE", "ci"))
# A small limit, so that "too big" is reached often without big examples.
LIMIT = 3000

# Characters that break naive code: RTL marks and script, combining marks, emoji (and a ZWJ
# sequence), NUL and other controls, BOM, line and paragraph separators, a lone surrogate.
SPECIALS = ["\u202e", "\u200f", "\u0627\u0644\u0633\u0644\u0627\u0645", "\u05e9\u05dc\u05d5\u05dd",
            "e\u0301\u0302\u0303", "\U0001f600", "\U0001f468\u200d\U0001f469\u200d\U0001f467",
            "\x00", "\x1b", "\ufeff", "\u2028", "\u2029", "\r", "\r\n", "\n\n", "\ud800",
            "\udfff", "\ufffd", "PARIS, ", "Source: AFP", "\u00e9", "<", "&amp;", '"', "\\"]
unicode_text = st.lists(
    st.one_of(st.characters(), st.sampled_from(SPECIALS)), max_size=80
).map("".join)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1",
             "cp1252"]


@st.composite
def encoded(draw: st.DrawFn, text: st.SearchStrategy[str] = unicode_text) -> bytes:
    """Text in one encoding, or pieces in several (a "mixed" file)."""
    pieces = draw(st.lists(st.tuples(text, st.sampled_from(ENCODINGS)), min_size=1, max_size=3))
    return b"".join(_encode(part, name) for part, name in pieces)


def _encode(text: str, name: str) -> bytes:
    # surrogatepass writes lone surrogates as the invalid UTF-8 a broken encoder would.
    return text.encode(name, "surrogatepass" if name.startswith("utf") else "replace")


raw_bytes = st.binary(max_size=2000)
any_bytes = st.one_of(raw_bytes, encoded())


@st.composite
def text_story(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(unicode_text, max_size=6))
    text = draw(st.sampled_from(["\n", "\r\n", "\n\n"])).join(lines)
    return _encode(text, draw(st.sampled_from(ENCODINGS)))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | unicode_text,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["text", "title", "id", "date", "source", "url",
                                       "dateline", "x"]) | unicode_text, children, max_size=5),
    max_leaves=12,
)


@st.composite
def jsonl(draw: st.DrawFn) -> bytes:
    lines = []
    for value in draw(st.lists(json_values, max_size=5)):
        line = json.dumps(value, ensure_ascii=draw(st.booleans()))
        cut = draw(st.integers(0, len(line)))
        lines.append(line[:cut] if draw(st.booleans()) else line)
    if draw(st.booleans()):
        depth = draw(st.integers(1, 100_000))
        lines.append("[" * depth + "]" * draw(st.integers(0, depth)))
    return "\n".join(lines).encode("utf-8", "surrogatepass")


HTML_TOKENS = ["<p>", "</p>", "<div>", "</div>", "<article>", "</article>", "<main>", "<h1>",
               "</h1>", "<title>", "</title>", "<script>", "</script>", "<style>", "<nav>",
               "<br>", "<a href='x'>", "</a>", "<!--", "-->", "<![CDATA[", "]]>", "<![if x]>",
               "<![endif]>", "<![", "<?php ", "?>", "<!DOCTYPE html>", "&amp;", "&#x1F600;",
               "&#99999999;", "&bogus;", "<meta charset='utf-16'>", "<meta charset='rot13'>",
               '<meta property="article:published_time" content="2019-02-30">', "<a ", "<b c='",
               ">", "<", "</", "'", '"', " "]


@st.composite
def html_page(draw: st.DrawFn) -> bytes:
    parts = draw(st.lists(st.sampled_from(HTML_TOKENS) | unicode_text, max_size=40))
    if draw(st.booleans()):
        depth = draw(st.integers(1, 20_000))
        parts += ["<div>" * depth, "deep text"]
    markup = "".join(parts)
    return _encode(markup, draw(st.sampled_from(ENCODINGS)))


ITEM = ("<item><title>{title}</title><link>https://x.example/{n}</link>"
        "<pubDate>{date}</pubDate><description>{body}</description></item>")
ENTRY = ('<entry><title>{title}</title><link href="https://x.example/{n}"/>'
         '<updated>{date}</updated><content type="html">{body}</content></entry>')
DOCTYPES = ["", '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]>',
            '<!DOCTYPE rss SYSTEM "http://x.example/evil.dtd">',
            '<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>']


def _xml_text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def feed(draw: st.DrawFn) -> bytes:
    atom = draw(st.booleans())
    items = "".join(
        (ENTRY if atom else ITEM).format(
            n=n, title=_xml_text(draw(unicode_text)),
            date=draw(st.sampled_from(["Wed, 22 May 2019 10:00:00 GMT", "2019-05-22",
                                       "yesterday", "", "Wed, 99 May 2019"])),
            body=draw(st.sampled_from(["", "<![CDATA[<p>Troops withdrew.</p>]]>"]))
            + _xml_text(draw(unicode_text)) + draw(st.sampled_from(["", "&b;", "&e;"])),
        )
        for n in range(draw(st.integers(0, 3)))
    )
    if draw(st.booleans()):
        depth = draw(st.integers(1, 5000))
        items += (ENTRY if atom else ITEM).format(
            n=9, title="deep", date="", body="<x>" * depth + "text" + "</x>" * depth)
    root = ('<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>{}</feed>' if atom
            else "<rss><channel><title>T</title>{}</channel></rss>").format(items)
    document = draw(st.sampled_from(DOCTYPES)) + root
    name = draw(st.sampled_from(["utf-8", "utf-16", "utf-16-le", "latin-1"]))
    data = (f'<?xml version="1.0" encoding="{name}"?>' + document).encode(name, "replace")
    return data[: draw(st.integers(0, len(data)))] if draw(st.booleans()) else data


def _http(body: bytes, headers: list[str]) -> bytes:
    return ("HTTP/1.1 200 OK\r\n" + "".join(f"{h}\r\n" for h in headers) + "\r\n").encode() + body


@st.composite
def warc(draw: st.DrawFn) -> bytes:
    records = []
    for _ in range(draw(st.integers(0, 3))):
        body = draw(html_page() | raw_bytes)
        headers = ["Content-Type: text/html; charset=" + draw(st.sampled_from(
            ["utf-8", "latin-1", "utf-16", "bogus", "zlib"]))]
        coding = draw(st.sampled_from(["", "gzip", "deflate", "chunked", "broken-gzip"]))
        if coding == "gzip":
            body, headers = gzip.compress(body), [*headers, "Content-Encoding: gzip"]
        elif coding == "deflate":
            body, headers = zlib.compress(body), [*headers, "Content-Encoding: deflate"]
        elif coding == "broken-gzip":
            body, headers = body + b"\x1f\x8b", [*headers, "Content-Encoding: gzip"]
        elif coding == "chunked":
            body = b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n"
            headers = [*headers, "Transfer-Encoding: chunked"]
        kind = draw(st.sampled_from(["response", "resource", "request", "warcinfo"]))
        block = _http(body, headers) if kind == "response" else body
        length = draw(st.sampled_from([len(block), len(block) + 7, len(block) - 1, -5, "x"]))
        content_type = "text/html" if kind == "resource" else "application/http"
        records.append(f"WARC/1.0\r\nWARC-Type: {kind}\r\nContent-Type: {content_type}\r\n"
                       f"WARC-Target-URI: https://x.example/\r\nContent-Length: {length}\r\n"
                       "\r\n".encode() + block + b"\r\n\r\n")
    data = b"".join(records)
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return gzip.compress(data) if draw(st.booleans()) else data


@st.composite
def csv_table(draw) -> bytes:
    """A CSV table: a header (with or without a text column), rows of random cells, quoted
    or not, with commas, quotes and newlines inside."""
    header = draw(st.sampled_from([b"text", b"id,text", b",title,date,text", b"title", b"",
                                   b'"te\nxt",id']))
    cell = st.one_of(st.binary(max_size=30), st.text(max_size=30).map(
        lambda t: t.encode("utf-8", "surrogatepass")))
    rows = draw(st.lists(st.lists(cell, max_size=4), max_size=5))
    quote = draw(st.booleans())
    lines = [b",".join(b'"' + c.replace(b'"', b'""') + b'"' if quote else c for c in row)
             for row in rows]
    return b"\n".join([header, *lines])


@st.composite
def zip_archive(draw) -> bytes:
    """A ZIP archive of story members (of any bytes or tables), sometimes cut short."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=draw(st.sampled_from(
            [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))) as archive:
        for k in range(draw(st.integers(0, 3))):
            name = draw(st.sampled_from(["a.csv", "b.jsonl", "c.txt", "d.html", "e.tsv",
                                         "__MACOSX/x.txt", "notes.md", "dir/"]))
            archive.writestr(f"{k}{name}", draw(st.one_of(any_bytes, csv_table())))
    data = buffer.getvalue()
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


def check(items: Iterable[Article | InputError], *, limit: int = LIMIT) -> list[str]:
    """The property every reader keeps; returns the codes seen ("article" for an article)."""
    codes = []
    for item in items:
        if isinstance(item, InputError):
            assert item.code in CATALOGUE and item.code != "E119", str(item)
            assert "\n" not in str(item) and "\r" not in str(item)
            codes.append(item.code)
        else:
            assert isinstance(item, Article)
            assert item.text.strip() and item.id
            # Raises for a lone surrogate: the store and every writer need valid UTF-8.
            assert len(item.document.encode("utf-8")) <= limit
            codes.append("article")
    return codes


def read_file(folder: Path, suffix: str, data: bytes, *, limit: int = LIMIT) -> list[str]:
    path = folder / f"story{suffix}"
    path.write_bytes(data)
    return check(read_articles([str(path)], max_story_bytes=limit), limit=limit)


def read_stdin(data: bytes | str, *, limit: int = LIMIT) -> list[str]:
    stream = io.StringIO(data) if isinstance(data, str) else io.BytesIO(data)
    return check(read_articles(["-"], stdin=stream, max_story_bytes=limit), limit=limit)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@CI
@given(suffix=st.sampled_from([".txt", ".jsonl", ".html", ".xml", ".atom", ".warc", ".warc.gz",
                               ".csv", ".tsv", ".zip"]),
       data=any_bytes)
def test_fuzz_ingest_random_bytes_any_reader(folder: Path, suffix: str, data: bytes) -> None:
    read_file(folder, suffix, data)


@CI
@given(data=text_story())
def test_fuzz_ingest_text_stories(folder: Path, data: bytes) -> None:
    read_file(folder, ".txt", data)


@CI
@given(data=jsonl())
def test_fuzz_ingest_jsonl(folder: Path, data: bytes) -> None:
    codes = read_file(folder, ".jsonl", data)
    assert len(codes) <= max(1, data.count(b"\n") + 1)


@CI
@given(data=st.one_of(any_bytes, jsonl(), text_story()) | unicode_text)
def test_fuzz_ingest_stdin(data: bytes | str) -> None:
    read_stdin(data)


@CI
@given(data=html_page())
def test_fuzz_ingest_html(folder: Path, data: bytes) -> None:
    read_file(folder, ".html", data)


@CI
@given(data=feed())
def test_fuzz_ingest_feeds(folder: Path, data: bytes) -> None:
    codes = read_file(folder, ".rss", data)
    if b"<!DOCTYPE" in data.replace(b"\0", b""):
        assert codes == ["E121"]


@CI
@given(data=warc())
def test_fuzz_ingest_warc(folder: Path, data: bytes) -> None:
    read_file(folder, ".warc", data)


@CI
@given(data=csv_table(), suffix=st.sampled_from([".csv", ".tsv"]))
def test_fuzz_ingest_csv(folder: Path, data: bytes, suffix: str) -> None:
    read_file(folder, suffix, data)


@CI
@given(data=zip_archive())
def test_fuzz_ingest_zip(folder: Path, data: bytes) -> None:
    read_file(folder, ".zip", data)


@pytest.mark.parametrize(
    ("name", "data", "codes"),
    [
        ("a.txt", "Head\n\nBody".encode("utf-16"), ["E112"]),
        ("a.txt", "Head\n\nBody".encode("utf-16-le"), ["E112"]),
        ("a.jsonl", '{"text": "x"}\n'.encode("utf-16-be"), ["E112"]),
        ("a.txt", "Head\n\nCaf\xe9 cr\xe8me".encode("latin-1"), ["E104"]),
        ("a.html", "<h1>T</h1><p>Caf\xe9 talks</p>".encode("utf-16"), ["article"]),
        ("a.html", b"<meta charset='utf-16'><p>Plain text</p>", ["article"]),
        ("a.html", b"<meta charset='zlib'><p>Plain text</p>", ["article"]),
        ("a.html", b"<p>x</p><![bogus[ y", ["article"]),
        ("a.jsonl", b'{"text": "emoji cut \\ud83d in two", "id": "\\udc00"}', ["article"]),
        ("a.jsonl", b"[" * 2_000, ["E105"]),
        ("a.jsonl", b'{"text": "' + b"x" * 5000 + b'"}\n{"text": "ok"}', ["E111", "article"]),
        ("a.txt", b"Head\n\n" + b"y" * 5000, ["E108"]),
        ("a.html", b"<p>" + b"z " * 3000 + b"</p>", ["E111"]),
    ],
)
def test_fuzz_ingest_known_cases(tmp_path: Path, name: str, data: bytes, codes: list[str]) -> None:
    assert read_file(tmp_path, Path(name).suffix, data) == codes


def test_fuzz_ingest_deep_feed_item_is_refused_alone(tmp_path: Path) -> None:
    deep = "<x>" * 100_000 + "text" + "</x>" * 100_000
    items = ITEM.format(n=1, title="Deep", date="", body=deep) + ITEM.format(
        n=2, title="Fine", date="", body="Troops withdrew from the town.")
    data = f"<rss><channel><title>T</title>{items}</channel></rss>".encode()
    assert read_file(tmp_path, ".rss", data) == ["E121", "article"]


@pytest.mark.parametrize("name", ["utf-8", "utf-16", "utf-16-be"])
def test_fuzz_ingest_feed_dtd_is_refused_in_any_encoding(tmp_path: Path, name: str) -> None:
    laughs = ('<?xml version="1.0" encoding="{}"?>' + DOCTYPES[1]
              + "<rss><channel><item><description>&b;</description></item></channel></rss>")
    assert read_file(tmp_path, ".xml", laughs.format(name).encode(name)) == ["E121"]


def test_fuzz_ingest_warc_decompression_bomb_is_bounded(tmp_path: Path) -> None:
    bomb = zlib.compress(b"<p>" + b"A" * 60_000_000 + b"</p>", 9)  # 60 MB from about 60 KB
    block = _http(bomb, ["Content-Type: text/html", "Content-Encoding: deflate"])
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\n"
              b"Content-Length: %d\r\n\r\n" % len(block) + block + b"\r\n\r\n")
    tracemalloc.start()
    try:
        codes = read_file(tmp_path, ".warc", record)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert codes == ["E114"] and peak < 120_000_000


@pytest.mark.parametrize(("suffix", "line"), [(".jsonl", b'{"text": "'), (".txt", b"Head\n\n")])
def test_fuzz_ingest_enormous_line_memory_is_bounded(
    tmp_path: Path, suffix: str, line: bytes
) -> None:
    path = tmp_path / f"huge{suffix}"
    with path.open("wb") as stream:
        stream.write(line)
        for _ in range(40):
            stream.write(b"word " * 100_000)  # 20 MB on one line
    tracemalloc.start()
    try:
        items = list(read_articles([str(path)]))  # the default limits
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [item.code for item in items] == ["E111" if suffix == ".jsonl" else "E108"]
    assert peak < 5_000_000


@pytest.mark.parametrize(
    "pattern", ["<a ", "<a b='", "<!--", "<![CDATA[", "<?", "</a ", "<![if x", "<!-- >", "<a\n"]
)
def test_fuzz_ingest_unclosed_markup_is_linear(pattern: str) -> None:
    # html.parser alone takes minutes on these (it rescans to the end for each opener).
    started = time.perf_counter()
    extract_page("<p>Talks began.</p>" + pattern * 40_000)
    assert time.perf_counter() - started < 3


@pytest.mark.parametrize(("setting", "limit"), [("", 1_000_000), ("2000", 2000), (" 77 ", 77)])
def test_fuzz_ingest_story_limit_setting(
    monkeypatch: pytest.MonkeyPatch, setting: str, limit: int
) -> None:
    from eventcoder.ingest._read import story_limit

    monkeypatch.setenv("EVENTCODER_MAX_STORY_BYTES", setting)
    assert story_limit() == limit and story_limit(5) == 5


@pytest.mark.parametrize("setting", ["lots", "0", "-1", "1e6"])
def test_fuzz_ingest_story_limit_bad_setting_is_e115(
    monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    monkeypatch.setenv("EVENTCODER_MAX_STORY_BYTES", setting)
    with pytest.raises(InputError) as caught:
        list(read_articles(["-"], stdin=io.StringIO("Head\n\nBody")))
    assert caught.value.code == "E115" and repr(setting) in str(caught.value)


@pytest.mark.parametrize("name", ["utf-32", "utf-16", "utf-16-be"])
def test_fuzz_ingest_wide_unicode_on_stdin_is_e112(name: str) -> None:
    assert read_stdin("Head\n\nBody".encode(name)) == ["E112"]


def test_fuzz_ingest_html_utf32_mark_wins_over_utf16(tmp_path: Path) -> None:
    # UTF-32 LE's mark starts with UTF-16 LE's two bytes.
    data = "<h1>T</h1><p>Talks</p>".encode("utf-32")
    assert data.startswith(codecs.BOM_UTF32_LE)
    assert read_file(tmp_path, ".html", data) == ["article"]


def test_fuzz_ingest_reader_bug_is_e119_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventcoder.ingest import _read

    def broken(data: bytes, **options: object):
        raise KeyError("a bug")

    monkeypatch.setattr(_read, "feed_articles", broken)
    (tmp_path / "a.rss").write_text("<rss/>", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Head\n\nTroops withdrew.", encoding="utf-8")
    items = list(read_articles([str(tmp_path)]))
    assert isinstance(items[0], InputError) and items[0].code == "E119"
    assert "KeyError" in str(items[0]) and str(tmp_path / "a.rss") in str(items[0])
    assert isinstance(items[1], Article)
