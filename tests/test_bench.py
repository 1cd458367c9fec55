"""eventcoder bench: the measurements' fields, the ratios, and the BENCHMARKS.md block."""

from __future__ import annotations

import argparse
import io
import json

import pytest

from eventcoder import bench, cli
from eventcoder.errors import UsageError

STORIES = [
    {"id": "b1", "title": "Protesters clash with police in Cairo", "date": "2019-05-03",
     "text": "CAIRO, May 3 (Reuters) - Hundreds of protesters clashed with police in Cairo."},
    {"id": "b2", "date": "2020-01-02",
     "text": "France urged Italy to stop the talks. Russia condemned the attack on Kyiv."},
    {"id": "b3", "date": "2021-02-03",
     "text": "The minister met the Chinese ambassador in Beijing on Monday."},
]


def _run(corpus: str, mode: str, workers: int, rate: float) -> bench.Run:
    return bench.Run(corpus=corpus, mode=mode, workers=workers, stories=10, sentences=20,
                     tokens=200, seconds=10 / rate, cpu_seconds=10 / rate, stories_per_s=rate,
                     sentences_per_s=2 * rate, tokens_per_s=20 * rate, peak_rss_mb=300.0,
                     events=None)


def test_bench_runs_tiny_stories_and_fills_the_block(tmp_path):
    corpus = tmp_path / "tiny.jsonl"
    corpus.write_text("".join(json.dumps(s) + "\n" for s in STORIES), encoding="utf-8")
    result_file, page = tmp_path / "bench.json", tmp_path / "BENCHMARKS.md"
    page.write_text("# Benchmarks\n\n<!-- bench:start -->\nold\n<!-- bench:end -->\n\n"
                    "<!-- other:start -->\nkept\n<!-- other:end -->\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    argv = ["bench", str(corpus), "--limit", "2", "--workers", "1", "--json", str(result_file),
            "--markdown", str(page)]
    assert cli.main(argv, out=out, err=err) == 0, err.getvalue()
    result = json.loads(result_file.read_text(encoding="utf-8"))
    assert result["command"].startswith(f"eventcoder bench {corpus} --limit 2 --workers 1")
    assert [(r["mode"], r["workers"], r["stories"]) for r in result["runs"]] == [
        ("bare", 1, 2), ("full", 1, 2)]
    for run in result["runs"]:
        assert run["seconds"] > 0 and run["cpu_seconds"] > 0
        assert run["tokens"] > 20 and run["sentences"] >= 3
        assert run["stories_per_s"] == pytest.approx(2 / run["seconds"], rel=0.01)
        assert 50 < run["peak_rss_mb"] < 1536
    assert result["runs"][1]["events"] >= 1 and result["runs"][0]["events"] is None
    (ratio,) = result["ratios"]
    assert ratio["full_vs_bare"] > 0 and ratio["bare_speedup"] == ratio["full_speedup"] == 1.0
    text = page.read_text(encoding="utf-8")
    assert "old" not in text and "kept" in text and text.startswith("# Benchmarks\n")
    block = text.split("<!-- bench:start -->\n", 1)[1].split("<!-- bench:end -->", 1)[0]
    assert block == out.getvalue()
    assert result["command"] in block and "| tiny.jsonl | 2 | 1 | full |" in block


@pytest.mark.parametrize(("before", "after"), [
    (None, "<!-- bench:start -->\nT\n<!-- bench:end -->\n"),
    ("# B\n", "# B\n\n<!-- bench:start -->\nT\n<!-- bench:end -->\n"),
    ("a\n<!-- bench:start -->\nold\nlines\n<!-- bench:end -->\nz\n",
     "a\n<!-- bench:start -->\nT\n<!-- bench:end -->\nz\n"),
    ("<!-- bench:end -->\n<!-- bench:start -->\n",
     "<!-- bench:end -->\n<!-- bench:start -->\n\n<!-- bench:start -->\nT\n<!-- bench:end -->\n"),
])
def test_bench_replace_block_keeps_the_rest(tmp_path, before, after):
    page = tmp_path / "BENCHMARKS.md"
    if before is not None:
        page.write_text(before, encoding="utf-8")
    bench.replace_block(page, "T\n")
    assert page.read_text(encoding="utf-8") == after


def test_bench_ratios_compare_modes_and_process_counts():
    runs = [_run("c", "bare", 1, 10.0), _run("c", "full", 1, 8.0),
            _run("c", "bare", 2, 19.0), _run("c", "full", 2, 14.0),
            _run("d", "bare", 2, 4.0), _run("d", "full", 2, 3.0)]
    assert bench.ratios(runs) == [
        {"corpus": "c", "workers": 1, "full_vs_bare": 0.8, "full_vs_bare_cpu": 0.8,
         "bare_speedup": 1.0, "full_speedup": 1.0},
        {"corpus": "c", "workers": 2, "full_vs_bare": 0.737, "full_vs_bare_cpu": 0.737,
         "bare_speedup": 1.9, "full_speedup": 1.75},
        {"corpus": "d", "workers": 2, "full_vs_bare": 0.75, "full_vs_bare_cpu": 0.75,
         "bare_speedup": None, "full_speedup": None},
    ]


@pytest.mark.parametrize(("value", "expected"), [
    ("1,2", [1, 2]), ("2", [2]), ("1, 2, 4", [1, 2, 4]),
    ("0", None), ("a", None), ("", None), ("1,-1", None),
])
def test_bench_workers_option(value, expected):
    if expected is None:
        with pytest.raises(UsageError):
            bench._workers(value)
    else:
        assert bench._workers(value) == expected


@pytest.mark.parametrize(("argv", "expected"), [
    (["a.jsonl"], "eventcoder bench a.jsonl --limit 200 --workers 1,2"),
    (["a b.jsonl", "--json", "r.json", "--markdown", "BENCHMARKS.md", "--limit", "5"],
     "eventcoder bench 'a b.jsonl' --limit 5 --workers 1,2 --json r.json "
     "--markdown BENCHMARKS.md"),
])
def test_bench_command_line_reproduces_the_arguments(argv, expected):
    parser = argparse.ArgumentParser()
    bench.add_commands(parser.add_subparsers())
    assert bench.command_line(parser.parse_args(["bench", *argv])) == expected


def test_bench_missing_corpus_is_an_input_error(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["bench", str(tmp_path / "none.jsonl")], out=out, err=err) == 1
    assert "E101" in err.getvalue()


def test_bench_interleaved_measures_both_pipelines_per_round(tmp_path):
    corpus = tmp_path / "tiny.jsonl"
    corpus.write_text("".join(json.dumps(s) + "\n" for s in STORIES), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    argv = ["bench", str(corpus), "--limit", "3", "--workers", "1", "--rounds", "2",
            "--json", str(tmp_path / "bench.json")]
    assert cli.main(argv, out=out, err=err) == 0, err.getvalue()
    result = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))
    assert result["command"].endswith("--workers 1 --rounds 2 --json " + str(tmp_path / "bench.json"))
    (item,) = result["interleaved"]
    assert (item["corpus"], item["stories"], item["rounds"]) == ("tiny.jsonl", 3, 2)
    assert item["bare_cpu_seconds"] > 0 and item["full_cpu_seconds"] > 0
    assert item["full_vs_bare_cost"] == pytest.approx(
        item["full_cpu_seconds"] / item["bare_cpu_seconds"], rel=0.01)
    assert len(item["per_round"]) == 2 and all(r > 0 for r in item["per_round"])
    assert "| tiny.jsonl | 3 | 2 |" in out.getvalue() and "interleaved" in err.getvalue()


def test_bench_rounds_zero_skips_the_interleaved_measurement_and_negative_is_refused(tmp_path):
    corpus = tmp_path / "tiny.jsonl"
    corpus.write_text(json.dumps(STORIES[1]) + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    argv = ["bench", str(corpus), "--limit", "1", "--workers", "1", "--rounds", "0",
            "--json", str(tmp_path / "bench.json")]
    assert cli.main(argv, out=out, err=err) == 0, err.getvalue()
    assert json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))["interleaved"] == []
    assert "Interleaved" not in out.getvalue()
    assert cli.main(["bench", str(corpus), "--rounds", "-1"], out=out, err=err) == 2
