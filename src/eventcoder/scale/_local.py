"""Coding in several local processes, each running the whole pipeline (no Ray needed).

spaCy's ``n_process`` parses in child processes but sends every Doc back to the parent, which
then deserialises and codes them all alone: on 2 CPUs the parent becomes the bottleneck. Here
each process has its own Coder and only articles and events cross process boundaries, as with
the Ray actors.
"""

from __future__ import annotations

import functools
import itertools
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from ..types import Article, Event

#: Articles sent to a process at a time (the Coder's batch size).
CHUNK = 16


def code_in_processes(
    articles: Iterable[Article],
    *,
    workers: int,
    coder_options: Mapping[str, Any] | None = None,
    chunk_size: int = CHUNK,
    on_error: Callable[[Article, Exception], None] | None = None,
) -> Iterator[tuple[Article, list[Event]]]:
    """Yield (article, its events) in input order, coded by ``workers`` fresh processes, each
    with one Coder built from ``coder_options``; a story that fails goes to ``on_error``
    (default: skipped silently) and is not yielded. Processes are spawned: a script that
    calls this needs the ``if __name__ == "__main__":`` guard."""
    options = tuple(sorted(dict(coder_options or {}).items()))
    context = multiprocessing.get_context("spawn")  # no copy of the parent's threads or locks
    with context.Pool(workers) as pool:
        chunks = _chunks(articles, chunk_size)
        for results in pool.imap(functools.partial(_code_chunk, options), chunks):
            for article, events, error in results:
                if error is not None:
                    if on_error is not None:
                        on_error(article, error)
                    continue
                yield article, events


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


@functools.cache
def _coder(options: tuple[tuple[str, Any], ...]):
    """The process's Coder, built on first use and kept (one per options)."""
    from ..pipeline import Coder

    return Coder(**dict(options))


def _code_chunk(options: tuple[tuple[str, Any], ...], chunk: list[Article]
                ) -> list[tuple[Article, list[Event], Exception | None]]:
    failed: dict[int, Exception] = {}

    def collect(article: Article, error: Exception) -> None:
        # Not every exception survives pickling (ours rebuild from a catalogue code): the
        # parent gets the message.
        failed[id(article)] = RuntimeError(f"{type(error).__name__}: {error}")

    coded = {id(a): events for a, events in _coder(options).code_articles(chunk, on_error=collect)}
    return [(a, coded.get(id(a), []), failed.get(id(a))) for a in chunk]
