"""HTML pages, RSS/Atom feeds and WARC archives read into Articles, and their errors."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest

from eventcoder.errors import InputError
from eventcoder.ingest import read_articles
from eventcoder.ingest._html import extract_page

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Clashes in Cairo - The Daily</title>
<meta property="og:site_name" content="The Daily">
<meta property="article:published_time" content="2020-03-02T08:00:00Z">
<link rel="canonical" href="https://daily.example/cairo">
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body><header><p>Subscribe now</p></header><nav><a href="/">Home</a></nav>
<h1>Police arrest protesters in Cairo</h1>
<article><p>CAIRO, March 2 (Reuters) - Police arrested 40 protesters in
  <b>Cairo</b> on Monday.</p><aside><p>Related: other news</p></aside>
<p>Witnesses said&nbsp;the crowd dispersed &amp; went home.</p></article>
<footer>&copy; The Daily</footer></body></html>
"""


def read(path: Path, **options) -> list:
    return list(read_articles([str(path)], **options))


def test_ingest_formats_html_main_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = read(path)
    assert article.title == "Police arrest protesters in Cairo"
    assert article.text == ("CAIRO, March 2 (Reuters) - Police arrested 40 protesters in Cairo "
                            "on Monday.\nWitnesses said the crowd dispersed & went home.")
    assert (article.published, article.source_name, article.url, article.dateline) == (
        dt.date(2020, 3, 2), "The Daily", "https://daily.example/cairo", "Cairo")


@pytest.mark.parametrize(("markup", "title", "paragraphs"), [
    ("<title>Only a title</title><p>Body one.</p><p>Body two.</p>", "Only a title",
     ("Body one.", "Body two.")),
    ("<div>Before<main><p>Inside</p></main>After</div>", None, ("Inside",)),
    ("<p>a<br>b</p><ul><li>c</li><li>d</li></ul>", None, ("a", "b", "c", "d")),
    ("<p>kept</p><nav><nav>x</nav>still nav</nav><p>kept too</p>", None, ("kept", "kept too")),
    ("<h1>First</h1><h1>Second</h1><p>x</p>", "First", ("Second", "x")),
])
def test_ingest_formats_html_extraction(markup, title, paragraphs):
    page = extract_page(markup)
    assert (page.title, page.paragraphs) == (title, paragraphs)


@pytest.mark.parametrize(("data", "code"), [
    (b"<html><script>only()</script><nav>menu</nav></html>", "E120"),
    ("<p>caf\u00e9</p>".encode("latin-1"), "E104"),
])
def test_ingest_formats_html_errors(tmp_path, data, code):
    path = tmp_path / "bad.htm"
    path.write_bytes(data)
    (error,) = read(path)
    assert isinstance(error, InputError) and error.code == code


def test_ingest_formats_html_declared_charset(tmp_path):
    path = tmp_path / "latin.html"
    path.write_bytes('<meta charset="iso-8859-1"><p>Caf\u00e9 talks.</p>'.encode("latin-1"))
    assert read(path)[0].text == "Caf\u00e9 talks."


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>World Wire</title>
<item><title>Troops attack rebels</title><link>https://w.example/1</link>
<pubDate>Tue, 03 Mar 2020 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Troops attacked rebels near Goma.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://w.example/2</link></item>
<item><title>Talks</title><content:encoded><![CDATA[<p>Ministers met in Lima.</p>]]></content:encoded>
</item></channel></rss>
"""
ATOM = """<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title type="html">Strike &lt;b&gt;ends&lt;/b&gt;</title>
<link rel="alternate" href="https://a.example/s"/><published>2021-07-01T12:00:00+02:00</published>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Workers ended the strike.</p></div></content>
</entry></feed>
"""


def test_ingest_formats_rss_items(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    first, empty, third = read(path, default_date=dt.date(2020, 1, 1))
    assert (first.title, first.text, first.url, first.published, first.source_name) == (
        "Troops attack rebels", "Troops attacked rebels near Goma.", "https://w.example/1",
        dt.date(2020, 3, 3), "World Wire")
    assert isinstance(empty, InputError) and empty.code == "E120" and "#item2" in str(empty)
    assert (third.text, third.published) == ("Ministers met in Lima.", dt.date(2020, 1, 1))


def test_ingest_formats_atom_entries(tmp_path):
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    (entry,) = read(path)
    assert (entry.title, entry.text, entry.url, entry.published, entry.source_name) == (
        "Strike ends", "Workers ended the strike.", "https://a.example/s",
        dt.date(2021, 7, 1), "Atom News")


@pytest.mark.parametrize(("data", "detail"), [
    ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel><item>'
     "<description>&a;</description></item></channel></rss>", "DTD"),
    ("<rss><channel><item>", "well-formed"),
    ("<html><p>x</p></html>", "root element"),
    ("<rss><channel><title>t</title></channel></rss>", "no items"),
])
def test_ingest_formats_feed_errors(tmp_path, data, detail):
    path = tmp_path / "feed.xml"
    path.write_text(data, encoding="utf-8")
    (error,) = read(path)
    assert isinstance(error, InputError) and error.code == "E121" and detail in str(error)


def warc_record(kind: str, content_type: str, block: bytes, uri: str = "https://x.example/") -> bytes:
    headers = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
               f"WARC-Date: 2020-03-04T00:00:00Z\r\nContent-Type: {content_type}\r\n"
               f"Content-Length: {len(block)}\r\n\r\n")
    return headers.encode() + block + b"\r\n\r\n"


def http(body: bytes, *headers: str, status: str = "200 OK") -> bytes:
    head = "\r\n".join((f"HTTP/1.1 {status}", *headers))
    return head.encode() + b"\r\n\r\n" + body


def archive() -> bytes:
    page = b"<title>Vote</title><p>Voters went to the polls in Accra.</p>"
    chunked = gzip.compress(b"<p>Chunk</p>")  # gzip'd, then sent in chunks
    return b"".join([
        warc_record("warcinfo", "application/warc-fields", b"software: test\r\n"),
        warc_record("request", "application/http; msgtype=request", b"GET / HTTP/1.1\r\n\r\n"),
        warc_record("response", "application/http; msgtype=response",
                    http(page, "Content-Type: text/html; charset=utf-8"), "https://x.example/a"),
        warc_record("response", "application/http; msgtype=response",
                    http(b"{}", "Content-Type: application/json")),
        warc_record("response", "application/http; msgtype=response",
                    http(b"gone", "Content-Type: text/html", status="404 Not Found")),
        warc_record("response", "application/http; msgtype=response",
                    http(b"%x\r\n" % len(chunked) + chunked + b"\r\n0\r\n\r\n",
                         "Content-Type: text/html", "Transfer-Encoding: chunked",
                         "Content-Encoding: gzip"), "https://x.example/c"),
        warc_record("resource", "text/html", b"<h1>Resource</h1><p>Stored page.</p>",
                    "https://x.example/r"),
    ])


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_ingest_formats_warc_pages(tmp_path, name):
    path = tmp_path / name
    data = archive()
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    articles = read(path, default_date=dt.date(2020, 3, 4))
    assert [(a.url, a.title, a.text) for a in articles] == [
        ("https://x.example/a", "Vote", "Voters went to the polls in Accra."),
        ("https://x.example/c", None, "Chunk"),
        ("https://x.example/r", "Resource", "Stored page."),
    ]
    assert all(a.published == dt.date(2020, 3, 4) for a in articles)


@pytest.mark.parametrize(("cut", "detail"), [
    (lambda data: b"HTTP/1.1 200 OK\r\n" + data, "expected a WARC/1.x line"),
    (lambda data: data[:-40], "cut short"),
    (lambda data: data.replace(b"Content-Length", b"Content-Lenght", 1), "Content-Length"),
])
def test_ingest_formats_warc_errors(tmp_path, cut, detail):
    path = tmp_path / "bad.warc"
    path.write_bytes(cut(archive()))
    items = read(path)
    assert isinstance(items[-1], InputError) and items[-1].code == "E122"
    assert detail in str(items[-1])


def test_ingest_formats_truncated_gzip_is_e112(tmp_path):
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(gzip.compress(archive())[:-30])
    items = read(path)
    assert isinstance(items[-1], InputError) and items[-1].code == "E122"


def test_ingest_formats_directory_picks_up_new_suffixes(tmp_path):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.atom").write_text(ATOM, encoding="utf-8")
    (tmp_path / "c.warc").write_bytes(archive())
    (tmp_path / "notes.md").write_text("not a story", encoding="utf-8")
    assert len([a for a in read(tmp_path) if not isinstance(a, InputError)]) == 5
