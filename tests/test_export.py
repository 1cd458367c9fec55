"""Exports loaded back: column lists against the shared ICEWS/GDELT references, Parquet types."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import duckdb
import pytest

from eventcoder import ontology
from eventcoder.export import (
    FLAT_COLUMNS,
    GDELT_COLUMNS,
    ICEWS_COLUMNS,
    write_csv,
    write_gdelt,
    write_icews,
    write_parquet,
    write_plover,
)
from eventcoder.store import Store

from .test_store import make_article, three_events

STAMP = ontology.ONTOLOGY_VERSION


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("export") / "events.duckdb"
    with Store.open(db) as store:
        store.add_article(make_article("a1"), three_events("a1"))
        store.add_article(make_article("a2", source_name="AFP"), three_events("a2"))
    with Store.open(db, read_only=True) as store:
        yield store


def _tsv(text: str) -> tuple[str, list[list[str]]]:
    comment, *lines = text.splitlines()
    return comment, list(csv.reader(lines, delimiter="\t"))


def test_export_icews_header_matches_the_reference(shared, store):
    with (shared / "data/formats/icews_events.2018.sample.tab").open(encoding="utf-8") as f:
        reference = f.readline().rstrip("\n").split("\t")
    out = io.StringIO()
    assert write_icews(store.iter_events(), out) == 6
    comment, rows = _tsv(out.getvalue())
    assert list(ICEWS_COLUMNS) == reference == rows[0]
    assert comment.startswith("# eventcoder export:") and STAMP in comment
    assert all(len(row) == 20 for row in rows)
    by_id = {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}
    assert by_id["a1-a"]["CAMEO Code"] == "043" and by_id["a1-a"]["Target Country"] == "Libya"
    assert by_id["a1-a"]["Event Date"] == "2019-05-22" and by_id["a1-a"]["City"] == "Paris"


def test_export_gdelt_header_matches_the_reference(shared, store):
    with (shared / "data/formats/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv").open(
            encoding="utf-8") as f:
        reference = [row["tableId"] for row in csv.DictReader(f)]
    out = io.StringIO()
    assert write_gdelt(store.iter_deduplicated(), out) == 3
    comment, rows = _tsv(out.getvalue())
    assert list(GDELT_COLUMNS) == reference == rows[0] and len(reference) == 61
    assert STAMP in comment and "dedup_policy=exact-key.v1" in comment
    assert all(len(row) == 61 for row in rows)
    event = [dict(zip(rows[0], r)) for r in rows[1:] if r[rows[0].index("EventCode")] == "043"
             and r[rows[0].index("Actor1Code")] == "FRAGOV"][0]
    assert (event["SQLDATE"], event["MonthYear"], event["NumMentions"], event["NumSources"],
            event["EventRootCode"], event["ActionGeo_FeatureID"]) == (
        "20190522", "201905", "2", "2", "04", "2988507")
    assert event["GLOBALEVENTID"].isdigit() and event["DATEADDED"] == "20190523000000"


def _plover_fields(manual: Path, caption: str) -> list[str]:
    text = manual.read_text(encoding="utf-8")
    table = text[text.index(caption):]
    table = table[table.index("\\hline", table.index("Name &")) : table.index("\\end{tabular}")]
    return [re.sub(r"\\_", "_", line.split("&")[0].strip())
            for line in table.splitlines() if "&" in line]


def test_export_plover_uses_the_manuals_field_names(shared, store):
    manual = shared / "data/ontology/PLOVER_MANUAL.tex"
    top = _plover_fields(manual, "\\caption{PLOVER JSON")
    entity = _plover_fields(manual, "\\caption{Information object for entities")
    out = io.StringIO()
    assert write_plover(store.iter_events(), out) == 6
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    required = {"id", "date", "actor", "event"}
    for record in records:
        assert required <= set(record)
        manual_fields = [k for k in record if k in top]
        assert len(manual_fields) >= 15
        assert set(record["actor"][0]) <= set(entity)
        assert record["ontology_version"] == STAMP
        assert record["cite_info"]["codebook"]
    assert {r["cameo"] for r in records} == {"043", "141"}


def test_export_csv_round_trips_the_flat_columns(store):
    out = io.StringIO()
    assert write_csv(store.iter_events(), out) == 6
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == FLAT_COLUMNS
    row = next(r for r in rows if r["id"] == "a1-z")
    assert (row["cameo"], row["actor_code"], row["context"], row["fatalities"]) == (
        "043", "FRAGOV;ITA", "military;diplomatic", "12")
    assert row["quad_version"] == ontology.QUAD_VERSION and row["ontology_version"]


def test_export_parquet_round_trips_types(store, tmp_path):
    path = tmp_path / "events.parquet"
    assert write_parquet(store.iter_events(), path) == 6
    with duckdb.connect() as conn:
        described = conn.execute("DESCRIBE SELECT * FROM read_parquet(?)", [str(path)]).fetchall()
        row = conn.execute("SELECT cameo, sentence_index, goldstein, date, negated, "
                           "location_geonameid FROM read_parquet(?) WHERE id = 'a1-z'",
                           [str(path)]).fetchone()
        metadata = dict(conn.execute("SELECT decode(key), decode(value) FROM "
                                     "parquet_kv_metadata(?)", [str(path)]).fetchall())
    assert [name for name, *_ in described] == list(FLAT_COLUMNS)
    assert row == ("043", 2, 2.8, dt.date(2019, 5, 22), False, 2988507)
    assert metadata == {"ontology_version": STAMP, "quad_version": ontology.QUAD_VERSION}


def test_export_empty_store_writes_headers_only(tmp_path):
    with Store.open(tmp_path / "e.duckdb") as store:
        for writer, lines in ((write_icews, 2), (write_gdelt, 2), (write_csv, 1),
                              (write_plover, 0)):
            out = io.StringIO()
            rows = store.iter_deduplicated() if writer is write_gdelt else store.iter_events()
            assert writer(rows, out) == 0
            assert len(out.getvalue().splitlines()) == lines
        assert write_parquet(store.iter_events(), tmp_path / "e.parquet") == 0
