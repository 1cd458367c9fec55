"""ingest: text files, JSON lines, directories and stdin in; Articles or InputErrors out."""

from __future__ import annotations

import builtins
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from eventcoder.errors import InputError
from eventcoder.ingest import (
    dateline_span,
    parse_date,
    parse_jsonl_line,
    parse_text_story,
    read_articles,
)
from eventcoder.types import Article

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "macron-haftar.txt"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DAY = dt.date(2019, 5, 23)


def _read(*paths: object, **options: object) -> list[Article | InputError]:
    return list(read_articles([str(p) for p in paths], **options))


def _codes(results: list[Article | InputError]) -> list[str]:
    return [r.code if isinstance(r, InputError) else "article" for r in results]


def _body_offset(article: Article) -> int:
    return len(article.document) - len(article.text)


# --- text stories -------------------------------------------------------------------------


def test_ingest_canonical_example() -> None:
    [article] = _read(EXAMPLE, default_date=DAY)
    assert isinstance(article, Article)
    assert article.title == "Macron holds talks with Libya’s strongman Haftar"
    assert article.dateline == "Paris"
    assert article.source_name == "Kuwait News Agency"
    assert article.published == DAY
    assert article.origin == str(EXAMPLE)
    assert article.text.startswith("PARIS, French President Emmanuel Macron on Wednesday")
    assert article.text.endswith("partners on the Libyan crisis.")
    assert "Source:" not in article.text
    assert "\n\nThe meeting comes exactly two weeks" in article.text
    start, end = dateline_span(article.text)
    offset = _body_offset(article)
    assert article.document[offset + start : offset + end] == "PARIS, "
    assert article.id.startswith("a-") and len(article.id) == 18


@pytest.mark.parametrize(
    ("body", "place", "prefix", "source_name"),
    [
        ("PARIS, French President Emmanuel Macron met Haftar.", "Paris", "PARIS, ", None),
        ("TRIPOLI, Libya (Reuters) - Fighting resumed.", "Tripoli", "TRIPOLI, Libya (Reuters) - ", "Reuters"),
        ("WASHINGTON (AP) — The Senate voted.", "Washington", "WASHINGTON (AP) — ", "AP"),
        ("KABUL, Afghanistan, May 3 (Reuters) - A bomb exploded.", "Kabul", "KABUL, Afghanistan, May 3 (Reuters) - ", "Reuters"),
        ("BEIRUT (AFP) - Protesters gathered.", "Beirut", "BEIRUT (AFP) - ", "AFP"),
        ("NEW YORK, Oct. 19 - Stocks fell.", "New York", "NEW YORK, Oct. 19 - ", None),
        ("BATON ROUGE, La., Oct 19 - A plant closed.", "Baton Rouge", "BATON ROUGE, La., Oct 19 - ", None),
        ("ST. LOUIS -- Workers struck.", "St. Louis", "ST. LOUIS -- ", None),
        ("SÃO PAULO (AFP) - Police fired.", "São Paulo", "SÃO PAULO (AFP) - ", "AFP"),
        ("WASHINGTON—The Fed cut rates.", "Washington", "WASHINGTON—", None),
        ("BAGHDAD (Reuters), Iraq said.", "Baghdad", "BAGHDAD (Reuters), ", "Reuters"),
        # A bare comma after a region would swallow the appositive: only the place is taken.
        ("PARIS, Emmanuel Macron, the French president, said.", "Paris", "PARIS, ", None),
        ("Paris, France - Talks began.", None, None, None),
        ("US, EU agree on tariffs.", None, None, None),
        ("U.S. M-1 money supply rose.", None, None, None),
        ("ADVO-System said it would.", None, None, None),
        ("PARIS,", None, None, None),
        ("UNITED NATIONS: Russia vetoed it.", "United Nations", "UNITED NATIONS: ", None),
        ("ISLAMABAD: The cabinet met.", "Islamabad", "ISLAMABAD: ", None),
        ("BREAKING: The cabinet met.", None, None, None),
        ("Tehran, March 15, IRNA - The minister spoke.", "Tehran", "Tehran, March 15, IRNA - ", "IRNA"),
        ("Washington, May 3 (Reuters) - The Senate voted.", "Washington",
         "Washington, May 3 (Reuters) - ", "Reuters"),
        ("Hamas - the group that rules Gaza - said.", None, None, None),
    ],
)
def test_ingest_dateline_variants(
    body: str, place: str | None, prefix: str | None, source_name: str | None
) -> None:
    article = parse_text_story(f"Headline\n\n{body}", origin="t.txt")
    assert article.dateline == place
    assert article.source_name == source_name
    span = dateline_span(article.text)
    assert (article.text[span[0] : span[1]] if span else None) == prefix
    if span:
        offset = _body_offset(article)
        assert article.document[offset + span[0] : offset + span[1]] == prefix


@pytest.mark.parametrize(
    ("raw", "title", "text", "source_name"),
    [
        ("Head\n\nPara one.\n\nPara two.\n", "Head", "Para one.\n\nPara two.", None),
        ("Head\r\n\r\nPara one.\r\n\r\nPara two.\r\n", "Head", "Para one.\n\nPara two.", None),
        ("Head\r\rPara one.\r\rPara two.", "Head", "Para one.\n\nPara two.", None),
        ("\ufeffHead\n\nBody.", "Head", "Body.", None),
        ("\n\n  Head  \n\n\n\nBody.\n\n\n", "Head", "Body.", None),
        ("Head\nLine one\nline two.", "Head", "Line one\nline two.", None),
        ("Head\n\nBody.\n\nSource: Kuwait News Agency\n", "Head", "Body.", "Kuwait News Agency"),
        ("Head\n\nBody.\n\nSOURCE:  AFP  \n\n", "Head", "Body.", "AFP"),
        ("Head\n\nBAGHDAD (Reuters) - Body.\n\nSource: KUNA", "Head", "BAGHDAD (Reuters) - Body.", "KUNA"),
        ("Head\n\nSource: the ministry said that " + "talks " * 20 + "would go on.", "Head",
         "Source: the ministry said that " + "talks " * 20 + "would go on.", None),
        ("France and Germany signed a deal.\n", None, "France and Germany signed a deal.", None),
        ("One-line story.\n\nSource: KUNA\n", None, "One-line story.", "KUNA"),
        ("Source: KUNA", None, "Source: KUNA", None),
    ],
)
def test_ingest_text_story_layout(
    raw: str, title: str | None, text: str, source_name: str | None
) -> None:
    article = parse_text_story(raw, origin="t.txt", default_date=DAY)
    assert (article.title, article.text, article.source_name) == (title, text, source_name)
    assert article.published == DAY


@pytest.mark.parametrize("raw", ["", "\n\n", "  \r\n\t\n", "\ufeff\n"])
def test_ingest_text_story_empty_is_e102(raw: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_text_story(raw, origin="t.txt")
    assert caught.value.code == "E102"


# --- JSON lines ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"id": "g-3", "text": "Talks began.", "date": "2019-04-10", "source": "Guardian"},
         {"id": "g-3", "published": dt.date(2019, 4, 10), "source_name": "Guardian"}),
        ({"id": 17, "text": "Talks began."}, {"id": "17", "published": DAY}),
        ({"id": "x", "text": "A.", "date": "2019-05-23T10:00:00Z"}, {"published": DAY}),
        ({"id": "x", "text": "A.", "date": "2019-05-22T23:30:00-05:00"},
         {"published": dt.date(2019, 5, 22)}),
        ({"id": "x", "text": "A.", "title": "  Two\n lines  ", "url": "https://e.org/a"},
         {"title": "Two lines", "url": "https://e.org/a"}),
        ({"id": "x", "text": "  Para one.\r\n\r\nPara two.  "}, {"text": "Para one.\n\nPara two."}),
        ({"id": "x", "text": "A.", "dateline": "WASHINGTON, April 9 -"}, {"dateline": "Washington"}),
        ({"id": "x", "text": "A.", "dateline": "Chicago, Oct 19 -"}, {"dateline": "Chicago"}),
        ({"id": "x", "text": "A.", "dateline": "Paris"}, {"dateline": "Paris"}),
        ({"id": "x", "text": "TRIPOLI, Libya (Reuters) - Clashes."},
         {"dateline": "Tripoli", "source_name": "Reuters"}),
        ({"id": "x", "text": "TRIPOLI (Reuters) - Clashes.", "source": "KUNA"},
         {"dateline": "Tripoli", "source_name": "KUNA"}),
        ({"id": "x", "text": "A.", "title": "", "source": " ", "url": None, "lang": "en"},
         {"title": None, "source_name": None, "url": None}),
        ({"text": "Talks began.", "title": "Head"}, {"id": parse_text_story("Head\n\nTalks began.", origin="t").id}),
        ({"id": "", "text": "Talks began."}, {"id": parse_text_story("Talks began.", origin="t").id}),
    ],
)
def test_ingest_jsonl_line_fields(record: dict[str, object], expected: dict[str, object]) -> None:
    article = parse_jsonl_line(json.dumps(record), origin="s.jsonl:4", default_date=DAY)
    assert article.origin == "s.jsonl:4"
    assert {key: getattr(article, key) for key in expected} == expected


@pytest.mark.parametrize(
    ("line", "code", "detail"),
    [
        ('{"id": "x", "text": "A."', "E105", "Expecting"),
        ("not json", "E105", "Expecting value"),
        ('["A."]', "E106", "expected a JSON object, got an array"),
        ('{"id": "x"}', "E106", "'text' is missing"),
        ('{"text": null}', "E106", "'text' is missing"),
        ('{"text": "  "}', "E106", "'text' is empty"),
        ('{"text": 5}', "E106", "'text' must be a string, not a number"),
        ('{"text": "A.", "title": 5}', "E106", "'title' must be a string"),
        ('{"text": "A.", "url": ["u"]}', "E106", "'url' must be a string, not an array"),
        ('{"text": "A.", "date": "23/05/2019"}', "E106", "bad 'date' '23/05/2019'"),
        ('{"text": "A.", "date": "2019-02-30"}', "E106", "bad 'date'"),
        ('{"text": "A.", "date": 20190523}', "E106", "'date' must be a string"),
        ('{"text": "A.", "id": true}', "E106", "'id' must be a string or an integer, not a boolean"),
        ('{"text": "A.", "id": {"a": 1}}', "E106", "'id' must be a string or an integer"),
    ],
)
def test_ingest_jsonl_line_errors(line: str, code: str, detail: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_jsonl_line(line, origin="s.jsonl:7")
    assert caught.value.code == code
    assert detail in str(caught.value)
    assert "s.jsonl line 7:" in str(caught.value)


def test_ingest_jsonl_bad_line_among_good(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(
        '{"id": "a", "text": "One."}\n\n{"id": "b", "text": "Two."}\n'
        '{"id": "c", "text": \n  \n{"id": "d", "text": "Four.", "date": "2019-01-02"}\n',
        encoding="utf-8",
    )
    results = _read(path, default_date=DAY)
    assert _codes(results) == ["article", "article", "E105", "article"]
    assert [r.origin for r in results if isinstance(r, Article)] == [
        f"{path}:1", f"{path}:3", f"{path}:6",
    ]
    assert f"{path} line 4:" in str(results[2])
    assert [r.published for r in results if isinstance(r, Article)] == [DAY, DAY, dt.date(2019, 1, 2)]


def test_ingest_jsonl_bad_utf8_line_skipped(tmp_path: Path) -> None:
    path = tmp_path / "s.ndjson"
    good = b'{"text": "One."}\n'
    path.write_bytes(good + b'{"text": "Tw\xff."}\n' + good)
    results = _read(path)
    assert _codes(results) == ["article", "E104", "article"]
    assert results[1].values["offset"] == len(good) + 12


def test_ingest_jsonl_reads_lazily() -> None:
    def endless():
        while True:
            yield b'{"text": "Talks began."}\n'

    first = next(read_articles(["-"], stdin=endless()))
    assert isinstance(first, Article) and first.origin == "<stdin>:1"


# --- files, errors, directories -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "code", "values"),
    [
        ("a.txt", b"", "E102", {}),
        ("a.txt", b" \n\r\n\t", "E102", {}),
        ("a.jsonl", b"\n\n", "E102", {}),
        ("a.txt", b"Head\n\nBody\x00\x01", "E103", {}),
        ("a.jsonl", b'{"text": "x"}\n\x00', "E103", {}),
        ("a.txt", b"Head\n\nabc\xff", "E104", {"offset": 9}),
        ("a.txt", b"\xef\xbb\xbfHead\n\nabc\xe9t\xe9", "E104", {"offset": 12}),
        ("a.txt", b"Head\n\n" + b"x" * 100, "E108", {"size": 106, "limit": 50}),
        ("a.jsonl", b'{"text": "' + b"x" * 100 + b'"}', "E108", {"size": 112, "limit": 50}),
    ],
)
def test_ingest_file_errors(
    tmp_path: Path, name: str, content: bytes, code: str, values: dict[str, int]
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    [error] = _read(path, max_bytes=50)
    assert isinstance(error, InputError) and error.code == code
    assert error.values["path"] == str(path)
    assert values.items() <= error.values.items()


def test_ingest_missing_path_is_e101_and_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Head\n\nBody.", encoding="utf-8")
    missing = tmp_path / "nope.txt"
    results = _read(missing, good, good / "inside.txt")
    assert _codes(results) == ["E101", "article", "E101"]
    assert str(missing) in str(results[0])


def test_ingest_unreadable_file_is_e109(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Head\n\nBody.", encoding="utf-8")

    def refuse(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr("eventcoder.ingest._read.open", refuse, raising=False)
    [error] = _read(path)
    assert error.code == "E109"
    assert "Permission denied" in str(error)


def test_ingest_crlf_and_bom_files(tmp_path: Path) -> None:
    story = tmp_path / "a.txt"
    story.write_bytes(b"\xef\xbb\xbfHead\r\n\r\nPARIS, Body one.\r\n\r\nBody two.\r\nSource: KUNA\r\n")
    lines = tmp_path / "b.jsonl"
    lines.write_bytes(b'\xef\xbb\xbf{"id": "b", "text": "One."}\r\n{"id": "c", "text": "Two."}\r\n')
    first, second, third = _read(story, lines)
    assert (first.title, first.text, first.dateline, first.source_name) == (
        "Head", "PARIS, Body one.\n\nBody two.", "Paris", "KUNA",
    )
    assert [second.id, third.id] == ["b", "c"]


def test_ingest_directory_recursion(tmp_path: Path) -> None:
    # Several folders and files, so that directory order would show if sorting were lost.
    for folder in ("zz", "m5", "m2", "m9", "m1"):
        (tmp_path / folder).mkdir()
        for name in ("y.txt", "c.txt", "q.txt"):
            (tmp_path / folder / name).write_text(f"{folder}\n\n{name}", encoding="utf-8")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "b.txt").write_text("B head\n\nB body.", encoding="utf-8")
    (tmp_path / "A.TXT").write_text("A head\n\nA body.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Not a story.", encoding="utf-8")
    (tmp_path / ".draft.txt").write_text("Hidden\n\nSkipped.", encoding="utf-8")
    (tmp_path / ".git" / "c.txt").write_text("Hidden\n\nSkipped.", encoding="utf-8")
    (tmp_path / "sub" / "s.jsonl").write_text('{"text": "S1."}\n{"text": "S2."}\n', encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "d.ndjson").write_text('{"text": "D1."}\n', encoding="utf-8")
    origins = [r.origin for r in _read(tmp_path)]
    sub = tmp_path / "sub"
    numbered = [str(tmp_path / folder / name) for folder in ("m1", "m2", "m5", "m9")
                for name in ("c.txt", "q.txt", "y.txt")]
    assert origins == [
        str(tmp_path / "A.TXT"), str(tmp_path / "b.txt"), *numbered,
        f"{sub / 's.jsonl'}:1", f"{sub / 's.jsonl'}:2", f"{sub / 'deeper' / 'd.ndjson'}:1",
        *[str(tmp_path / "zz" / name) for name in ("c.txt", "q.txt", "y.txt")],
    ]


@pytest.mark.parametrize("files", [[], ["notes.md"], [".hidden.txt"]])
def test_ingest_directory_without_stories_is_e107(tmp_path: Path, files: list[str]) -> None:
    for name in files:
        (tmp_path / name).write_text("Head\n\nBody.", encoding="utf-8")
    [error] = _read(tmp_path)
    assert error.code == "E107" and error.values["path"] == str(tmp_path)


# --- stdin and ids ------------------------------------------------------------------------

STORY = "Macron meets Haftar\n\nPARIS (AFP) - Macron met Haftar.\n"


def _stream(content: str | bytes) -> io.StringIO | io.BytesIO:
    return io.StringIO(content) if isinstance(content, str) else io.BytesIO(content)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (STORY, [("<stdin>", "Macron meets Haftar", "AFP")]),
        (b"\xef\xbb\xbf" + STORY.encode(), [("<stdin>", "Macron meets Haftar", "AFP")]),
        ('\n  {"text": "One.", "title": "T"}\n{"text": "Two."}\n',
         [("<stdin>:2", "T", None), ("<stdin>:3", None, None)]),
        (b'\xef\xbb\xbf{"text": "One.", "source": "S"}\n', [("<stdin>:1", None, "S")]),
    ],
)
def test_ingest_stdin_text_or_jsonl(content: str | bytes, expected: list[tuple]) -> None:
    results = _read("-", stdin=_stream(content))
    assert [(r.origin, r.title, r.source_name) for r in results] == expected


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("", "E102"),
        (b"\n \n", "E102"),
        (b"Head\n\x00\x00", "E103"),
        (b"Head\n\nbad \xc3(", "E104"),
        ("Head\n\nlone \ud800 surrogate", "E104"),
        ("Head\n\n" + "x" * 60, "E108"),
    ],
)
def test_ingest_stdin_errors(content: str | bytes, code: str) -> None:
    [error] = _read("-", stdin=_stream(content), max_bytes=50)
    assert error.code == code and error.values["path"] == "<stdin>"


def test_ingest_id_is_the_same_wherever_the_story_is_read(tmp_path: Path) -> None:
    plain = tmp_path / "a.txt"
    plain.write_text(STORY, encoding="utf-8")
    crlf = tmp_path / "b.story"
    crlf.write_bytes(b"\xef\xbb\xbf" + STORY.replace("\n", "\r\n").encode() + b"Source: AFP\r\n")
    lines = tmp_path / "c.jsonl"
    lines.write_text(
        json.dumps({"title": "Macron meets Haftar", "text": "PARIS (AFP) - Macron met Haftar."}) + "\n",
        encoding="utf-8",
    )
    results = _read(plain, crlf, lines, "-", stdin=io.StringIO(STORY))
    assert len({r.id for r in results}) == 1
    assert len(results) == 4
    other = parse_text_story("Macron meets Haftar\n\nPARIS (AFP) - Macron met Sarraj.", origin="x")
    assert other.id != results[0].id


# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-05-23", DAY),
        (" 2019-05-23 ", DAY),
        ("2019-05-23T10:00:00Z", DAY),
        ("2019-05-23T10:00:00+02:00", DAY),
        ("2019-05-23 10:00", DAY),
        ("2019-05-23T10:00:00.123456", DAY),
    ],
)
def test_ingest_parse_date(value: str, expected: dt.date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value", ["", "23/05/2019", "20190523", "2019-5-23", "2019-02-30", "2019-05-23T25:00", "2019-05-23x"]
)
def test_ingest_parse_date_rejects(value: str) -> None:
    with pytest.raises(ValueError):
        parse_date(value)


def test_ingest_reads_shared_guardian_sample() -> None:
    corpus = SHARED / "data" / "corpora" / "guardian_sdf_sample.jsonl"
    if not corpus.exists():
        pytest.skip(f"{corpus} is absent")
    results = _read(corpus, max_bytes=10**9)
    assert results and all(isinstance(r, Article) for r in results)
    assert all(r.id.startswith("guardian-") and r.published and r.text for r in results)


def test_ingest_reads_shared_guardian_sample_as_shipped() -> None:
    corpus = SHARED / "data" / "corpora" / "guardian_sdf_sample.csv.zip"
    lines = SHARED / "data" / "corpora" / "guardian_sdf_sample.jsonl"
    if not corpus.exists() or not lines.exists():
        pytest.skip(f"{corpus} or {lines} is absent")
    rows, stories = _read(corpus), _read(lines, max_bytes=10**9)
    assert rows and all(isinstance(r, Article) and r.published for r in rows)
    assert [r.text for r in rows] == [s.text for s in stories]  # the same stories, zipped CSV
