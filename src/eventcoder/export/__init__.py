"""Exports: stored events in the formats analysts load (standard library, pycountry, duckdb).

Every writer takes records and a text stream and returns how many rows it wrote:

    plover   PLOVER JSON lines, one mention per line, with the PLOVER manual's field names
             (id, date, actor, recipient, event, event_loc, event_text, quad_code, mode,
             context, text, text_info, cite_info, coder) plus ours (cameo, goldstein, size...)
    icews    ICEWS-style TSV: exactly the 20 columns of the ICEWS event files, one mention a row
    gdelt    GDELT 2.0 Events-style TSV: the 61 columns, one *deduplicated* event a row
    csv      one mention a row, every contract field flattened (``FLAT_COLUMNS``)
    parquet  the CSV's columns, typed, written by DuckDB (``write_parquet``; no pyarrow)

Input records: ``Event.to_dict()`` records (``Store.iter_events``) for all but gdelt, which
takes the rows of ``Store.iter_deduplicated``. CAMEO codes stay strings ("043"). The ontology
and quad-mapping versions are stamped in every export: a leading "# ..." comment line in the
TSVs (read them with e.g. pandas ``comment="#"``), fields in PLOVER records, columns in the CSV,
and key-value metadata in Parquet files.

Known departures from the originals: ids are our content hashes (GDELT's integer id is the
first 60 bits of ours); countries are ISO 3166-1 alpha-3 codes where GDELT uses FIPS and
ICEWS names (we write names in ICEWS columns when pycountry knows the code); we compute no
tone (AvgTone is empty) and do not geolocate actors (Actor1Geo_*/Actor2Geo_* are empty).
"""

from eventcoder.export._formats import (
    FLAT_COLUMNS,
    GDELT_COLUMNS,
    ICEWS_COLUMNS,
    WRITERS,
    flat_row,
    plover_record,
    version_stamp,
    write_csv,
    write_gdelt,
    write_icews,
    write_parquet,
    write_plover,
)

__all__ = [
    "FLAT_COLUMNS",
    "GDELT_COLUMNS",
    "ICEWS_COLUMNS",
    "WRITERS",
    "flat_row",
    "plover_record",
    "version_stamp",
    "write_csv",
    "write_gdelt",
    "write_icews",
    "write_parquet",
    "write_plover",
]
