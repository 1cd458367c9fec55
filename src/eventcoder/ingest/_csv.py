"""Stories in a CSV (or tab-separated) table: one story per row, columns named in a header."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator

from eventcoder.errors import InputError
from eventcoder.ingest._parse import BadField, article_from_record
from eventcoder.types import Article

CSV_SUFFIXES = (".csv", ".tsv")
# Header names (lower case) that give each field; the first one present is used. An unnamed
# first column (a table index written by pandas) is the id when there is no id column.
COLUMNS = {
    "text": ("text", "body", "content", "article", "story"),
    "title": ("title", "headline"),
    "date": ("date", "published", "publish_date", "pub_date", "publication_date"),
    "id": ("id", "story_id", "doc_id", "article_id", ""),
    "source": ("source", "publisher", "outlet"),
    "url": ("url", "link"),
    "dateline": ("dateline",),
}


def csv_articles(
    data: bytes, *, path: str, default_date: dt.date | None, limit: int
) -> Iterator[Article | InputError]:
    """One Article or InputError per data row of a CSV table (tab-separated when ``path``
    ends in .tsv). The header must name a text column (E124 otherwise); a row whose text is
    blank or whose date is bad is E106, a row over ``limit`` bytes E111. E104 for bytes that
    are not UTF-8, E102 for a table with no row."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError("E104", path=path, offset=err.start) from None
    if "\0" in text[:8192]:
        raise InputError("E103", path=path)
    # A story may be long: allow a field as big as one story may be (the module's limit is
    # process-wide, and only ever raised here).
    csv.field_size_limit(max(csv.field_size_limit(), limit + 1))
    delimiter = "\t" if path.lower().endswith(".tsv") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError("E102", path=path)
        names = [name.strip().lower() for name in header]
        where = {field: next((names.index(n) for n in options if n in names), None)
                 for field, options in COLUMNS.items()}
        if where["text"] is None:
            shown = ", ".join(repr(n) for n in names[:8]) or "none"
            raise InputError("E124", path=path, line=1,
                             detail=f"no text column (the header has {shown})")
        rows = 0
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            rows += 1
            number = reader.line_num
            size = sum(len(cell.encode("utf-8", "surrogatepass")) for cell in row)
            if size > limit:
                yield InputError("E111", path=f"{path}:{number}", size=size, limit=limit)
                continue
            record = {field: row[k] if k < len(row) else None
                      for field, k in where.items() if k is not None}
            try:
                yield article_from_record(record, origin=f"{path}:{number}",
                                          default_date=default_date)
            except BadField as err:
                yield InputError("E106", path=path, line=number, detail=str(err))
        if not rows:
            raise InputError("E102", path=path)
    except csv.Error as err:
        raise InputError("E124", path=path, line=reader.line_num, detail=str(err)) from None
