"""eventcoder.scale.code_in_processes: whole-pipeline worker processes, same events, in order."""

from __future__ import annotations

import itertools
import json

import pytest

from eventcoder.ingest import read_articles
from eventcoder.scale import code_in_processes
from eventcoder.scale._local import _chunks

REUTERS = "data/corpora/reuters21578.jsonl"


@pytest.fixture(scope="module")
def articles(shared, tmp_path_factory):
    """Twenty short Reuters stories."""
    with (shared / REUTERS).open(encoding="utf-8") as stream:
        lines = [line for line in itertools.islice(stream, 200)
                 if len(json.loads(line)["text"]) < 600][:20]
    path = tmp_path_factory.mktemp("local") / "stories.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return list(read_articles([str(path)]))


def test_scale_local_two_processes_give_the_single_process_events(articles, coder):
    single = [(a.id, [e.to_dict() for e in events]) for a, events in coder.code_articles(articles)]
    parallel = [(a.id, [e.to_dict() for e in events])
                for a, events in code_in_processes(articles, workers=2, chunk_size=3)]
    assert parallel == single
    assert sum(len(events) for _id, events in single) > 0


@pytest.mark.parametrize(("count", "size", "expected"), [
    (0, 3, []), (2, 3, [2]), (3, 3, [3]), (7, 3, [3, 3, 1]),
])
def test_scale_local_chunks(count, size, expected):
    assert [len(c) for c in _chunks(iter(range(count)), size)] == expected
