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


TABLE = ('\ufeff"",id,title,date,text,source\n'
         '0,s1,Talks in Nairobi,2021-03-04,"Kenya met Ethiopia.\nThey agreed to talk again.",Daily\n'
         '1,,,,"Uganda expelled two diplomats.",\n')


def test_ingest_formats_csv_rows(tmp_path):
    path = tmp_path / "stories.csv"
    path.write_text(TABLE, encoding="utf-8")
    first, second = read(path, default_date=dt.date(2020, 1, 1))
    assert (first.id, first.title, first.published, first.source_name) == (
        "s1", "Talks in Nairobi", dt.date(2021, 3, 4), "Daily")
    assert first.text == "Kenya met Ethiopia.\nThey agreed to talk again."  # a quoted newline
    assert first.origin == f"{path}:3"  # the line the row ends on
    # no id column value: the table's unnamed index column is not used over "id" ...
    assert second.id != "s1" and second.published == dt.date(2020, 1, 1) and not second.title


def test_ingest_formats_tsv_and_index_column_as_id(tmp_path):
    path = tmp_path / "stories.tsv"
    path.write_text("\tcontent\n7\tChad closed its border.\n", encoding="utf-8")
    (article,) = read(path)
    assert (article.id, article.text) == ("7", "Chad closed its border.")


@pytest.mark.parametrize("data,code", [
    (b"id,title\n1,Hello\n", "E124"),                   # no text column
    (b"id,text\n1,\n2,Mali\n", "E106"),                 # a blank text: that row only
    (b"text,date\nMali,yesterday\n", "E106"),           # a bad date
    (b"text\n", "E102"),                                # no row
    (b"", "E102"),                                      # nothing at all
    (b"text\n\xff\xfe bad\n", "E104"),                  # not UTF-8
    (b"text\nMa\x00li\n", "E103"),                      # binary
])
def test_ingest_formats_csv_errors(tmp_path, data, code):
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    items = read(path)
    assert code in [i.code for i in items if isinstance(i, InputError)]
    if code == "E106" and b"Mali" in data and b"yesterday" not in data:
        assert [a.text for a in items if not isinstance(a, InputError)] == ["Mali"]


def test_ingest_formats_csv_row_over_the_story_limit(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("text\n" + "word " * 100 + "\nshort story\n", encoding="utf-8")
    items = read(path, max_story_bytes=200)
    assert [getattr(i, "code", None) for i in items] == ["E111", None]


def test_ingest_formats_zip_members(tmp_path):
    import zipfile

    path = tmp_path / "corpus.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("tables/stories.csv", TABLE)
        archive.writestr("lines.jsonl", '{"text": "Peru recalled its envoy."}\n')
        archive.writestr("one.txt", "Headline\nChile praised Peru.\n")
        archive.writestr("page.html", PAGE)
        archive.writestr("__MACOSX/._one.txt", "resource fork")
        archive.writestr(".hidden.txt", "Headline\nNot read.\n")
        archive.writestr("notes.md", "not a story")
    items = read(path)
    assert not [i for i in items if isinstance(i, InputError)]
    assert len(items) == 5
    assert items[0].origin == f"{path}!tables/stories.csv:3"
    assert {i.origin.split("!")[1].split(":")[0] for i in items} == {
        "tables/stories.csv", "lines.jsonl", "one.txt", "page.html"}


def test_ingest_formats_zip_errors(tmp_path):
    import zipfile

    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 this is no archive")
    assert [i.code for i in read(bad)] == ["E123"]
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("notes.md", "no story here")
    assert [i.code for i in read(empty)] == ["E102"]
    big = tmp_path / "big.zip"
    with zipfile.ZipFile(big, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", "Headline\n" + "x" * 5000)  # inflates past the limit
        archive.writestr("b.txt", "Headline\nSmall.\n")
    items = read(big, max_bytes=1000)
    assert [getattr(i, "code", None) for i in items] == ["E108", None]


def test_ingest_formats_directory_picks_up_tables_and_archives(tmp_path):
    import zipfile

    (tmp_path / "a.csv").write_text(TABLE, encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "b.zip", "w") as archive:
        archive.writestr("c.txt", "Headline\nChile praised Peru.\n")
    assert len([a for a in read(tmp_path) if not isinstance(a, InputError)]) == 3
