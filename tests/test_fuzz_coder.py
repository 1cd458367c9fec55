"""Fuzzing the coder and the CLI batch loop: hostile text is coded and stored, or skipped.

Stories mix real news sentences with random Unicode (RTL, combining marks, emoji, NUL, odd
whitespace); every one must be coded without an error, give records that JSON and the store
accept, with offsets that point at their text. The CLI runs over a folder of hostile files
and reports each bad one on one line, never a traceback. The model is the session ``coder``.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder import cli
from eventcoder.store import Store
from eventcoder.types import Article
from tests.test_fuzz_ingest import CI, SPECIALS, unicode_text

NEWS = [
    "Emmanuel Macron met Khalifa Haftar in Paris on Wednesday.",
    "Police arrested 40 protesters in Caracas after clashes with troops.",
    "Russia accused Ukraine of shelling a border village, killing three civilians.",
    "The United Nations called for a ceasefire in Yemen.",
    "KABUL, Afghanistan (Reuters) - Taliban fighters attacked a checkpoint.",
    "Iran did not threaten to close the Strait of Hormuz, officials said.",
    "Around 500 people were displaced by the fighting near Tripoli.",
]
sentence = st.one_of(st.sampled_from(NEWS), unicode_text,
                     st.sampled_from(NEWS).map(lambda s: s.replace(" ", " \u200f")),
                     st.tuples(st.sampled_from(NEWS), st.sampled_from(SPECIALS)).map(
                         lambda pair: pair[1].join(pair[0].split(" "))))
story = st.lists(sentence, min_size=1, max_size=6).map(
    lambda parts: " ".join(parts)).filter(str.strip)
# The coder is slow: CI tries a third as many stories (a long profile keeps its own number).
FEW = settings(CI, max_examples=max(CI.max_examples // 3, 1))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    with Store.open(tmp_path_factory.mktemp("fuzz") / "events.duckdb") as opened:
        yield opened


def check_coded(coder, article: Article, store: Store) -> None:
    """The property: coded without error, records serialisable, offsets true, storable."""
    failures: list[Exception] = []
    coded = list(coder.code_articles([article], on_error=lambda _a, err: failures.append(err)))
    assert not failures, failures
    [(_article, events)] = coded
    document = article.document
    for event in events:
        json.dumps(event.to_dict(), allow_nan=False)
        trigger = event.trigger
        assert document[trigger.start:trigger.end] == trigger.text
        assert 0 <= event.sentence_index
    store.add_article(article, events)
    assert store.has_article(article.id)


@FEW
@given(text=story, title=st.none() | unicode_text.map(lambda t: " ".join(t.split()) or None))
def test_fuzz_coder_hostile_stories(coder, store: Store, text: str, title: str | None) -> None:
    # A lone surrogate cannot come out of the readers (they replace or refuse it).
    text = text.encode("utf-8", "replace").decode("utf-8")
    title = title.encode("utf-8", "replace").decode("utf-8") if title else None
    article = Article(id=f"f-{abs(hash((title, text)))}", text=text, title=title,
                      published=dt.date(2019, 5, 23))
    check_coded(coder, article, store)


@pytest.mark.parametrize(
    "text",
    [
        "x" * 50_000,  # one enormous "word"
        "War. " * 2000,  # many tiny sentences
        "\n" * 5000 + "Troops attacked the town.",
        "\u0627\u0644\u0633\u0644\u0627\u0645 " * 3000 + "Troops attacked the town.",
        "\x00 Police arrested 40 protesters. \x00",
        "Rebels attacked. " + "e\u0301" * 2000,
    ],
    ids=["long-word", "many-sentences", "newlines", "rtl", "nul", "combining"],
)
def test_fuzz_coder_extreme_stories(coder, store: Store, text: str) -> None:
    check_coded(coder, Article(id=f"x-{len(text)}-{text[:3]!r}", text=text), store)


def _hostile_folder(folder: Path) -> None:
    (folder / "good.txt").write_text(
        "Macron meets Haftar\n\nPARIS (Reuters) - Emmanuel Macron met Khalifa Haftar in "
        "Paris on Wednesday.\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "utf16.txt").write_bytes("Head\n\nBody".encode("utf-16"))
    (folder / "latin1.txt").write_bytes("Head\n\nCaf\xe9".encode("latin-1"))
    (folder / "lines.jsonl").write_bytes(
        b'{"text": \n[[[[[[' + b"[" * 5000 + b'\n{"text": "\\ud800 lone"}\n"just a string"\n')
    (folder / "huge.jsonl").write_bytes(b'{"text": "' + b"w " * 600_000 + b'"}\n')
    (folder / "laughs.xml").write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        b"<rss><channel><item><description>&b;</description></item></channel></rss>")
    (folder / "slow.html").write_bytes(b"<p>x</p>" + b"<a " * 2000)
    (folder / "broken.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\nContent-Length: 99")[:-5])


def test_fuzz_coder_cli_batch_survives_hostile_files(
    coder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `ingest` rather than `code`: the same batch loop, and the store writer behind it.
    folder = tmp_path / "in"
    folder.mkdir()
    _hostile_folder(folder)
    monkeypatch.setattr(cli, "_coder", lambda args: coder)
    out, err = io.StringIO(), io.StringIO()
    db = tmp_path / "s.duckdb"
    code = cli.main(["ingest", str(folder), "--date", "2019-05-23", "--db", str(db)],
                    out=out, err=err)
    lines = err.getvalue().splitlines()
    assert code == 0, err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert all(line.startswith("eventcoder: ") for line in lines)
    codes = sorted(line.split()[2].rstrip(":") for line in lines if " skipped: " in line)
    assert codes == ["E103", "E104", "E105", "E105", "E106", "E111", "E112", "E121", "E122"]
    with Store.open(db, read_only=True) as stored:
        assert stored.count_articles() == 3  # good.txt, slow.html and the lone surrogate
