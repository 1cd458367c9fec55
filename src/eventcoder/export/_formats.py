"""The export writers (see the package docstring for the formats and their departures)."""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import itertools
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

import duckdb
import pycountry

from eventcoder import ontology

Record = Mapping[str, Any]

ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
)


def _gdelt_actor(n: int) -> tuple[str, ...]:
    return tuple(f"Actor{n}{name}" for name in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code"))


def _gdelt_geo(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}Geo_{name}" for name in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"))


GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *_gdelt_actor(1), *_gdelt_actor(2),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *_gdelt_geo("Actor1"), *_gdelt_geo("Actor2"), *_gdelt_geo("Action"),
    "DATEADDED", "SOURCEURL",
)

# column -> DuckDB type; the CSV has the same columns as text.
_FLAT_TYPES: dict[str, str] = {
    "id": "VARCHAR", "article_id": "VARCHAR", "sentence_index": "INTEGER",
    "sentence": "VARCHAR", "trigger_text": "VARCHAR", "trigger_start": "INTEGER",
    "trigger_end": "INTEGER", "event_type": "VARCHAR", "mode": "VARCHAR", "context": "VARCHAR",
    "cameo": "VARCHAR", "cameo_root": "VARCHAR", "goldstein": "DOUBLE", "quad_class": "INTEGER",
    **{f"{side}_{part}": "VARCHAR" for side in ("actor", "recipient")
       for part in ("text", "name", "country", "sector", "code", "wikidata")},
    "date": "DATE", "date_precision": "VARCHAR", "date_source": "VARCHAR",
    "location_name": "VARCHAR", "location_country": "VARCHAR", "location_admin1": "VARCHAR",
    "location_lat": "DOUBLE", "location_lon": "DOUBLE", "location_geonameid": "BIGINT",
    "negated": "BOOLEAN", "hypothetical": "BOOLEAN", "future": "BOOLEAN",
    "fatalities": "INTEGER", "injured": "INTEGER", "arrested": "INTEGER", "displaced": "INTEGER",
    "source_name": "VARCHAR", "url": "VARCHAR", "confidence": "DOUBLE",
    "coder_version": "VARCHAR", "model_version": "VARCHAR", "ontology_version": "VARCHAR",
    "quad_version": "VARCHAR",
}
FLAT_COLUMNS: tuple[str, ...] = tuple(_FLAT_TYPES)
# Joins the values of a compound actor or of several contexts in one flat cell.
LIST_SEPARATOR = ";"

_SECTOR_NAMES = {
    "GOV": "Government", "MIL": "Military", "REB": "Rebels", "OPP": "Opposition",
    "COP": "Police", "JUD": "Judiciary", "LEG": "Legislative / Parliamentary",
    "PTY": "Political Parties", "CVL": "Civilian", "BUS": "Business", "MED": "Media",
    "EDU": "Education", "HLH": "Health", "LAB": "Labor", "REF": "Refugees",
    "ELI": "Elite", "SPY": "Intelligence", "CRM": "Criminal", "AGR": "Agriculture",
    "ENV": "Environment", "HRI": "Human Rights", "REL": "Religious", "INS": "Insurgents",
    "SEP": "Separatists", "UAF": "Unaligned Armed Forces",
}


def version_stamp(**extra: str) -> dict[str, str]:
    """The versions every export carries: ontology and quad mapping (and any ``extra``)."""
    return {"ontology_version": ontology.ONTOLOGY_VERSION,
            "quad_version": ontology.QUAD_VERSION, **extra}


def _comment(stream: TextIO, **extra: str) -> None:
    items = "; ".join(f"{k}={v}" for k, v in version_stamp(**extra).items())
    stream.write(f"# eventcoder export: {items}\n")


def plover_record(record: Record) -> dict[str, Any]:
    """One event record in PLOVER's JSON fields (the manual's names), plus CAMEO fields."""
    versions = record.get("versions") or {}
    location = record.get("location")
    return {
        "id": record["id"],
        "has_event": True,
        "date": record.get("date"),
        "actor": [_plover_entity(a) for a in record.get("actor") or []],
        "recipient": [_plover_entity(a) for a in record.get("recipient") or []],
        "event": [record["event_type"]] if record.get("event_type") else [],
        "event_loc": {
            "extracted_place": location.get("name"),
            "resolved_place": location.get("name"),
            "geonameid": location.get("geonameid"),
            "lat": location.get("lat"),
            "lon": location.get("lon"),
            "province": location.get("admin1"),
            "country": _country_name(location.get("country")),
            "country_code": location.get("country"),
        } if location else None,
        "event_text": [record["trigger"]["text"]] if record.get("trigger") else [],
        "quad_code": record.get("quad_class"),
        "mode": [record["mode"]] if record.get("mode") else [],
        "context": list(record.get("context") or []),
        "text": record.get("sentence"),
        "text_info": {"sequence": record.get("sentence_index")},
        "cite_info": {
            "citation": record.get("article_id"),
            "url": record.get("url"),
            "publication": record.get("source_name"),
            "coder": versions.get("coder"),
            "codebook": versions.get("ontology") or ontology.ONTOLOGY_VERSION,
        },
        "coder": versions.get("coder"),
        # Ours, beyond the manual's names (the manual invites extra fields).
        "cameo": record.get("cameo"),
        "cameo_root": record.get("cameo_root"),
        "goldstein": record.get("goldstein"),
        "size": {"dead": record.get("fatalities"), "injured": record.get("injured"),
                 "arrested": record.get("arrested"), "displaced": record.get("displaced")},
        "negated": record.get("negated"),
        "hypothetical": record.get("hypothetical"),
        "future": record.get("future"),
        "confidence": record.get("confidence"),
        **version_stamp(),
    }


def _plover_entity(actor: Record) -> dict[str, Any]:
    return {"code": actor.get("country"), "sector": actor.get("sector"),
            "entity_text": actor.get("text"), "identifier_id": actor.get("wikidata"),
            "identifier_text": actor.get("name")}


def write_plover(records: Iterable[Record], stream: TextIO) -> int:
    """PLOVER JSON lines, one per event record; returns the count."""
    count = 0
    for record in records:
        stream.write(json.dumps(plover_record(record), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_icews(records: Iterable[Record], stream: TextIO) -> int:
    """ICEWS-style TSV (a version comment line, the 20-column header, one mention a row)."""
    _comment(stream)
    writer = _tsv(stream)
    writer.writerow(ICEWS_COLUMNS)
    count = 0
    for record in records:
        actor, recipient = record.get("actor") or [], record.get("recipient") or []
        location = record.get("location") or {}
        writer.writerow([
            record["id"], record.get("date") or "",
            _names(actor), _sectors(actor), _countries(actor),
            _cameo_name(record["cameo"]), record["cameo"], record.get("goldstein"),
            _names(recipient), _sectors(recipient), _countries(recipient),
            record.get("article_id"), record.get("sentence_index"), record.get("source_name"),
            location.get("name") if location.get("precision") == "city" else None,
            None, location.get("admin1"), _country_name(location.get("country")),
            location.get("lat"), location.get("lon"),
        ])
        count += 1
    return count


def write_gdelt(events: Iterable[Record], stream: TextIO) -> int:
    """GDELT 2.0 Events-style TSV of deduplicated events (``Store.iter_deduplicated`` rows):
    a version comment line, the 61-column header, one event a row."""
    events = iter(events)
    first = next(events, None)
    # The policy is stamped too: it decides what NumMentions and NumSources count.
    _comment(stream, **({"dedup_policy": first["policy"]} if first else {}))
    writer = _tsv(stream)
    writer.writerow(GDELT_COLUMNS)
    count = 0
    for event in itertools.chain([first] if first else [], events):
        writer.writerow(_gdelt_row(event))
        count += 1
    return count


def _gdelt_row(event: Record) -> list[object]:
    record = event["record"]
    date = _as_date(event.get("date"))
    published = _as_date(event.get("first_seen"))
    cameo = record["cameo"]
    location = record.get("location")
    return [
        int(event["id"][:15], 16),
        date.strftime("%Y%m%d") if date else None,
        date.strftime("%Y%m") if date else None,
        date.year if date else None,
        f"{date.year + date.timetuple().tm_yday / 365:.4f}" if date else None,
        *_gdelt_actor_cells(record.get("actor") or []),
        *_gdelt_actor_cells(record.get("recipient") or []),
        1 if (event.get("first_sentence_index") or 0) <= 1 else 0,
        cameo, cameo[:3], record["cameo_root"], record["quad_class"], record["goldstein"],
        event["num_mentions"], event["num_sources"], event["num_articles"], None,
        *[None] * 16,  # actors are not geolocated
        *_gdelt_geo_cells(location),
        published.strftime("%Y%m%d000000") if published else None,
        record.get("url"),
    ]


def _gdelt_actor_cells(actors: list[Record]) -> list[object]:
    if not actors:
        return [None] * 10
    actor = actors[0]  # GDELT has one actor per side: the first of a compound one
    name = actor.get("name") or actor.get("text")
    return [actor.get("code"), name.upper() if name else None, actor.get("country"),
            None, None, None, None, actor.get("sector"), None, None]


def _gdelt_geo_cells(location: Record | None) -> list[object]:
    if not location:
        return [None] * 8
    in_usa = location.get("country") == "USA"
    geo_type = {"country": 1, "admin1": 2 if in_usa else 5,
                "city": 3 if in_usa else 4}.get(location.get("precision") or "", 4)
    full_name = ", ".join(part for part in (
        location.get("name"), location.get("admin1"),
        _country_name(location.get("country"))) if part)
    return [geo_type, full_name, location.get("country"), None, None,
            location.get("lat"), location.get("lon"), location.get("geonameid")]


def flat_row(record: Record) -> dict[str, Any]:
    """An event record as one flat row of ``FLAT_COLUMNS`` (lists joined by ";")."""
    trigger = record.get("trigger") or {}
    location = record.get("location") or {}
    versions = record.get("versions") or {}
    row: dict[str, Any] = {
        "id": record["id"], "article_id": record["article_id"],
        "sentence_index": record["sentence_index"], "sentence": record.get("sentence"),
        "trigger_text": trigger.get("text"), "trigger_start": trigger.get("start"),
        "trigger_end": trigger.get("end"), "event_type": record.get("event_type"),
        "mode": record.get("mode"),
        "context": LIST_SEPARATOR.join(record.get("context") or []) or None,
        "cameo": record["cameo"], "cameo_root": record["cameo_root"],
        "goldstein": record["goldstein"], "quad_class": record["quad_class"],
    }
    for side in ("actor", "recipient"):
        actors = record.get(side) or []
        for part in ("text", "name", "country", "sector", "code", "wikidata"):
            values = [str(a.get(part) or "") for a in actors]
            row[f"{side}_{part}"] = LIST_SEPARATOR.join(values) if any(values) else None
    row.update({
        "date": record.get("date"), "date_precision": record.get("date_precision"),
        "date_source": record.get("date_source"),
        **{f"location_{part}": location.get(part)
           for part in ("name", "country", "admin1", "lat", "lon", "geonameid")},
        **{name: record.get(name) for name in (
            "negated", "hypothetical", "future", "fatalities", "injured", "arrested",
            "displaced", "source_name", "url", "confidence")},
        "coder_version": versions.get("coder"), "model_version": versions.get("model"),
        "ontology_version": versions.get("ontology") or ontology.ONTOLOGY_VERSION,
        "quad_version": ontology.QUAD_VERSION,
    })
    return row


def write_csv(records: Iterable[Record], stream: TextIO) -> int:
    """CSV with a header of ``FLAT_COLUMNS``, one mention a row; returns the count."""
    writer = csv.DictWriter(stream, fieldnames=FLAT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(flat_row(record))
        count += 1
    return count


def write_parquet(records: Iterable[Record], path: str | os.PathLike[str]) -> int:
    """A Parquet file of ``FLAT_COLUMNS``, typed, with the versions as key-value metadata."""
    columns = ", ".join(f"'{name}': '{kind}'" for name, kind in _FLAT_TYPES.items())
    metadata = ", ".join(f"{key}: '{value}'" for key, value in version_stamp().items())
    with tempfile.TemporaryDirectory() as folder:
        staging = Path(folder) / "rows.jsonl"
        count = 0
        with staging.open("w", encoding="utf-8") as stream:
            for record in records:
                stream.write(json.dumps(flat_row(record), ensure_ascii=False) + "\n")
                count += 1
        with duckdb.connect() as conn:
            # Only our own constants are formatted in; the paths go in as parameters.
            select = (f"SELECT * FROM read_json($src, format='newline_delimited', "
                      f"columns={{{columns}}})")
            conn.execute(
                f"COPY ({select}) TO $dst (FORMAT parquet, KV_METADATA {{{metadata}}})",
                {"src": str(staging), "dst": os.fspath(path)},
            )
    return count


WRITERS: dict[str, Callable[[Iterable[Record], TextIO], int]] = {
    "plover": write_plover, "icews": write_icews, "gdelt": write_gdelt, "csv": write_csv,
}


def _tsv(stream: TextIO) -> Any:
    # Tabs or newlines inside a name would break the columns: csv quotes such cells.
    return csv.writer(stream, delimiter="\t", lineterminator="\n")


def _as_date(value: object) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value))


def _names(actors: list[Record]) -> str | None:
    return "; ".join(a.get("name") or a.get("text") or "" for a in actors) or None


def _sectors(actors: list[Record]) -> str | None:
    sectors = [a["sector"] for a in actors if a.get("sector")]
    return ",".join(_SECTOR_NAMES.get(s, s) for s in sectors) or None


def _countries(actors: list[Record]) -> str | None:
    names = [_country_name(a.get("country")) for a in actors if a.get("country")]
    return "; ".join(n for n in names if n) or None


@functools.cache
def _country_name(code: str | None) -> str | None:
    if not code:
        return None
    country = pycountry.countries.get(alpha_3=code)
    return country.name if country else code


@functools.cache
def _cameo_name(code: str) -> str:
    try:
        return ontology.cameo(code).name.capitalize()
    except KeyError:
        return code
