"""Ingest: stories in, Article records out (standard library only).

Inputs: text files (headline line, body paragraphs, optional dateline and closing
"Source: NAME" line), JSON lines (.jsonl / .ndjson: ``text`` plus optional ``id``, ``title``,
``date``, ``source``, ``url``, ``dateline``), directories of those (recursed, sorted, hidden
files skipped), and "-" for stdin (JSON lines when it starts with "{", else one text story).

Bad files and bad JSON lines are yielded as InputError (E1xx) by ``read_articles``, never
raised, so a batch goes on. Hostile input is bounded: a story (text file, JSON line, page,
feed item) over $EVENTCODER_MAX_STORY_BYTES (default 1,000,000 bytes) is refused (E108/E111),
streams are read in bounded pieces, feeds with a DTD are refused, and a reader's unexpected
failure is reported as E119 for its source only (see SECURITY.md). Ids are given by the input or are a content hash of headline and
body ("a-" + 16 hex digits), the same wherever a story is read from.
"""

from eventcoder.ingest._dateline import dateline_span
from eventcoder.ingest._parse import parse_date, parse_jsonl_line, parse_text_story
from eventcoder.ingest._read import read_articles

__all__ = [
    "dateline_span",
    "parse_date",
    "parse_jsonl_line",
    "parse_text_story",
    "read_articles",
]
