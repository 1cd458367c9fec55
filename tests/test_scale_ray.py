"""eventcoder.scale: the Ray Data path gives exactly the single-process path's events.

One session-scoped local Ray (2 CPUs) serves the whole module; the 200-story sample is the
first short stories of the Reuters corpus in ../shared (skipped when it is absent).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from eventcoder import cli, export
from eventcoder.errors import InputError, UsageError
from eventcoder.ingest import parse_jsonl_line, read_articles
from eventcoder.scale import article_from_row, event_from_record, load_store
from eventcoder.scale._load import article_row
from eventcoder.scale._ray import _parquet_lines, story_files
from eventcoder.store import Store

REUTERS = "data/corpora/reuters21578.jsonl"
SAMPLE_SIZE = 200
SHORT = 600  # characters: short stories keep the module fast


@pytest.fixture(scope="session")
def ray_session():
    """The one local Ray of the test suite: 2 CPUs, no dashboard; shut down at the end."""
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             configure_logging=False)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def sample(shared, tmp_path_factory) -> Path:
    """The first SAMPLE_SIZE short Reuters stories as JSONL."""
    lines = []
    with (shared / REUTERS).open(encoding="utf-8") as stream:
        for line in stream:
            if len(json.loads(line)["text"]) < SHORT:
                lines.append(line)
                if len(lines) == SAMPLE_SIZE:
                    break
    path = tmp_path_factory.mktemp("scale") / "reuters.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def single(sample, coder) -> list[dict]:
    """The single-process path's events for the sample, in order."""
    articles = [a for a in read_articles([str(sample)]) if not isinstance(a, InputError)]
    return [e.to_dict() for _a, events in coder.code_articles(articles) for e in events]


def _main(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_scale_ray_code_gives_the_single_process_events(ray_session, sample, single):
    code, out, err = _main(["code", "--ray", str(sample)])
    assert code == 0, err
    scaled = [json.loads(line) for line in out.splitlines()]
    assert len(single) > 20
    assert sorted(e["id"] for e in scaled) == sorted(e["id"] for e in single)
    assert scaled == single  # full records, and the input order kept


def test_scale_ray_ingest_writes_parquet_and_fills_the_store(ray_session, sample, single,
                                                             tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    stories = sample.read_text(encoding="utf-8").splitlines(keepends=True)[:30]
    small = tmp_path / "small.jsonl"
    small.write_text("".join(stories) + "{not json\n", encoding="utf-8")
    ids = {json.loads(line)["id"] for line in stories}
    expected = sorted((e for e in single if e["article_id"] in ids), key=lambda e: e["id"])
    db, folder = str(tmp_path / "ray.duckdb"), tmp_path / "run"
    code, out, err = _main(["ingest", "--ray", str(small), "--db", db, "--out", str(folder)])
    assert code == 0, err
    assert f"ingested 30 new stories (0 already stored), {len(expected)} new events" in out
    assert "skipped 1 stories" in out and "E105" in err
    with Store.open(db, read_only=True) as store:
        assert sorted(store.iter_events(), key=lambda e: e["id"]) == expected
        assert store.count_articles() == 30
    # The Parquet events: the export's columns and types, plus the full record.
    table = pq.read_table(folder / "events")
    reference = tmp_path / "export.parquet"
    export.write_parquet([], reference)
    assert table.column_names == [*export.FLAT_COLUMNS, "record"]
    assert all(table.schema.field(f.name).type == f.type for f in pq.read_schema(reference))
    records = [json.loads(r) for r in table.column("record").to_pylist()]
    assert sorted(records, key=lambda e: e["id"]) == expected
    assert [export.flat_row(r)["actor_code"] for r in records] == table.column(
        "actor_code").to_pylist()
    articles = pq.read_table(folder / "articles").to_pylist()
    assert sorted(a["article_id"] for a in articles) == sorted(ids)
    loaded = load_store(str(folder), str(tmp_path / "loaded.duckdb"))
    assert (loaded.added, loaded.unchanged, loaded.events) == (30, 0, len(expected))
    code, out, err = _main(["ingest", "--ray", str(small), "--db", db])
    assert code == 0, err
    assert "ingested 0 new stories (30 already stored), 0 new events" in out


def test_scale_event_from_record_inverts_to_dict(example_events):
    _article, events = example_events
    assert events
    for event in events:
        assert event_from_record(json.loads(json.dumps(event.to_dict()))) == event


def test_scale_article_row_round_trip(example_events):
    article, _events = example_events
    assert article_from_row(article_row(article)) == article
    as_text = {**article_row(article), "published": article.published.isoformat()}
    assert article_from_row(as_text) == article


@pytest.mark.parametrize(("names", "expected"), [
    (["a.jsonl"], (["a.jsonl"], [])),
    (["a.jsonl", "b.parquet", "c.ndjson"], (["a.jsonl", "c.ndjson"], ["b.parquet"])),
    (["dir"], (["dir/a.jsonl", "dir/sub/d.jsonl"], ["dir/b.parquet"])),
    (["s3://bucket/x.parquet"], ([], ["s3://bucket/x.parquet"])),
])
def test_scale_story_files_sorts_jsonl_and_parquet(tmp_path, monkeypatch, names, expected):
    for name in ("a.jsonl", "b.parquet", "c.ndjson", "dir/a.jsonl", "dir/b.parquet",
                 "dir/notes.txt", "dir/.hidden.jsonl", "dir/sub/d.jsonl"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert story_files(names) == expected


@pytest.mark.parametrize(("name", "error", "code"), [
    ("missing.jsonl", InputError, "E101"),
    ("story.txt", UsageError, "E503"),
    ("empty", InputError, "E107"),
])
def test_scale_story_files_refuses(tmp_path, monkeypatch, name, error, code):
    (tmp_path / "story.txt").write_text("Headline\n\nText.\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(error) as caught:
        story_files([name])
    assert caught.value.code == code


@pytest.mark.parametrize(("argv", "message"), [
    (["code", "x.jsonl", "--out", "d"], "E505: --out needs --ray"),
    (["code", "x.jsonl", "--ray-address", "ray://h:10001"], "E505: --ray-address needs --ray"),
    (["ingest", "x.jsonl", "--db", "x.duckdb", "--out", "d"], "E505: --out needs --ray"),
    (["code", "x.jsonl", "--ray", "--format", "table"], "E504"),
])
def test_scale_cli_usage_errors(argv, message):
    code, _out, err = _main(argv)
    assert code == 2
    assert message in err


def test_scale_without_ray_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    code, _out, err = _main(["code", "--ray", str(tmp_path / "x.jsonl")])
    assert code == 2
    assert "E501" in err and "pip install eventcoder[ray]" in err


def test_scale_parquet_stories_read_like_json_lines():
    pa = pytest.importorskip("pyarrow")

    rows = [{"id": "p1", "title": "Talks", "text": "PARIS, (AFP) - France met Italy.",
             "date": dt.date(2019, 5, 23), "source": None, "url": "https://x.org/a"},
            {"id": "p2", "title": None, "text": "Russia condemned the attack.",
             "date": None, "source": "Tass", "url": None}]
    table = pa.Table.from_pylist([{**row, "path": "s.parquet"} for row in rows])
    lines = _parquet_lines(table).to_pylist()
    assert [line["origin"] for line in lines] == ["s.parquet", "s.parquet"]
    as_jsonl = [json.dumps({**row, "date": row["date"] and row["date"].isoformat()})
                for row in rows]
    assert [parse_jsonl_line(line["line"], origin="o") for line in lines] == [
        parse_jsonl_line(line, origin="o") for line in as_jsonl]
