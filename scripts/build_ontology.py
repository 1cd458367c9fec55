"""Build the ontology package tables from our source tables.

Reads ``data/ontology-src/`` (written by hand: CAMEO codes, the CAMEO -> PLOVER mapping, the
PLOVER types and contexts), validates everything, and writes ``src/eventcoder/ontology/data/``.
Nothing is written unless every check passes; problems are listed all at once.

    python scripts/build_ontology.py                  # rebuild the package tables
    python scripts/build_ontology.py --out /tmp/x     # build elsewhere (tests compare the bytes)

The output is deterministic: rows sorted by code, fixed column order, "\\n" line endings.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SRC = REPO / "data" / "ontology-src"
DEFAULT_OUT = REPO / "src" / "eventcoder" / "ontology" / "data"

#: The 16 PLOVER 2.0 event types, fixed by the event record contract (ARCHITECTURE.md).
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

#: CAMEO root -> quad class. "standard": 1 verbal cooperation (01-05), 2 material cooperation
#: (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20). "neutral01" is the same
#: except that statements and appeals (01-02) form a neutral class 0.
QUAD_STANDARD = {f"{root:02d}": 1 + (root > 5) + (root > 8) + (root > 13) for root in range(1, 21)}
QUAD_NEUTRAL01 = {**QUAD_STANDARD, "01": 0, "02": 0}

SOURCE_COLUMNS = {
    "cameo_codes.tsv": ("code", "name", "goldstein", "goldstein_alt", "notes"),
    "cameo_to_plover.tsv": ("code", "event_type", "mode", "context", "notes"),
    "plover_types.tsv": ("type", "quad_class", "modes", "definition"),
    "plover_contexts.tsv": ("context", "definition"),
}

_CODE = re.compile(r"\d{2,4}")
_CONTEXT = re.compile(r"[a-z][a-z_]*")
_MODE = re.compile(r"[a-z][a-z-]*")


class SourceError(Exception):
    """The source tables are inconsistent; ``problems`` lists every finding."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the ontology source tables")


def read_source(src: Path, name: str, problems: list[str]) -> list[dict[str, str]]:
    """Read one tab-separated source table, checking its header and field counts."""
    columns = SOURCE_COLUMNS[name]
    path = src / name
    if not path.is_file():
        problems.append(f"{name}: file missing in {src}")
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != columns:
        problems.append(f"{name}: header must be {' TAB '.join(columns)}")
        return []
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != len(columns):
            problems.append(f"{name}:{number}: {len(fields)} fields, expected {len(columns)}")
            continue
        rows.append({col: value.strip() for col, value in zip(columns, fields)})
    return rows


def _goldstein(value: str, where: str, problems: list[str]) -> float | None:
    try:
        score = float(value)
    except ValueError:
        problems.append(f"{where}: Goldstein value {value!r} is not a number")
        return None
    if not -10.0 <= score <= 10.0:
        problems.append(f"{where}: Goldstein value {score} outside [-10, 10]")
        return None
    return score


def _check_cameo(rows: list[dict[str, str]], problems: list[str]) -> dict[str, dict[str, str]]:
    codes: dict[str, dict[str, str]] = {}
    for row in rows:
        code = row["code"]
        where = f"cameo_codes.tsv code {code!r}"
        if not _CODE.fullmatch(code):
            problems.append(f"{where}: a code is 2 to 4 digits with leading zeros")
            continue
        if code in codes:
            problems.append(f"{where}: listed twice")
            continue
        if code[:2] not in QUAD_STANDARD:
            problems.append(f"{where}: root {code[:2]} is not one of 01-20 (no quad class)")
            continue
        if not row["name"]:
            problems.append(f"{where}: no name")
        icews = _goldstein(row["goldstein"], where, problems)
        if row["goldstein_alt"]:
            alt = _goldstein(row["goldstein_alt"], where + " (alt)", problems)
            if alt is not None and alt == icews:
                problems.append(f"{where}: goldstein_alt repeats goldstein; leave it empty")
        codes[code] = row
    for code in codes:
        parent = code[:-1] if len(code) == 4 else code[:2]
        if len(code) > 2 and parent not in codes:
            problems.append(f"cameo_codes.tsv code {code!r}: parent code {parent!r} missing")
    return codes


def _check_plover(
    type_rows: list[dict[str, str]], context_rows: list[dict[str, str]], problems: list[str]
) -> tuple[dict[str, tuple[str, ...]], set[str]]:
    modes: dict[str, tuple[str, ...]] = {}
    for row in type_rows:
        name = row["type"]
        where = f"plover_types.tsv type {name!r}"
        if name not in PLOVER_TYPES:
            problems.append(f"{where}: not a PLOVER 2.0 event type")
        elif name in modes:
            problems.append(f"{where}: listed twice")
        if row["quad_class"] not in {"1", "2", "3", "4"}:
            problems.append(f"{where}: quad_class must be 1-4")
        if not row["definition"]:
            problems.append(f"{where}: no definition")
        type_modes = tuple(m for m in row["modes"].split(";") if m)
        for mode in type_modes:
            if not _MODE.fullmatch(mode):
                problems.append(f"{where}: bad mode name {mode!r}")
        if len(set(type_modes)) != len(type_modes):
            problems.append(f"{where}: a mode is listed twice")
        modes[name] = type_modes
    for name in PLOVER_TYPES:
        if name not in modes:
            problems.append(f"plover_types.tsv: type {name} missing")
    contexts: set[str] = set()
    for row in context_rows:
        name = row["context"]
        where = f"plover_contexts.tsv context {name!r}"
        if not _CONTEXT.fullmatch(name):
            problems.append(f"{where}: bad context name")
        if name in contexts:
            problems.append(f"{where}: listed twice")
        if not row["definition"]:
            problems.append(f"{where}: no definition")
        contexts.add(name)
    return modes, contexts


def _check_mapping(
    rows: list[dict[str, str]],
    codes: dict[str, dict[str, str]],
    modes: dict[str, tuple[str, ...]],
    contexts: set[str],
    problems: list[str],
) -> dict[str, dict[str, str]]:
    mapping: dict[str, dict[str, str]] = {}
    for row in rows:
        code, event_type, mode = row["code"], row["event_type"], row["mode"]
        where = f"cameo_to_plover.tsv code {code!r}"
        if code not in codes:
            problems.append(f"{where}: not a code in cameo_codes.tsv")
        if code in mapping:
            problems.append(f"{where}: listed twice")
        if event_type and event_type not in modes:
            problems.append(f"{where}: unknown PLOVER type {event_type!r}")
        if mode and not event_type:
            problems.append(f"{where}: mode {mode!r} without an event type")
        elif mode and mode not in modes.get(event_type, ()):
            problems.append(f"{where}: mode {mode!r} is not a mode of {event_type}")
        row_contexts = [c for c in row["context"].split(";") if c]
        if row_contexts and not event_type:
            problems.append(f"{where}: contexts without an event type")
        for context in row_contexts:
            if context not in contexts:
                problems.append(f"{where}: unknown PLOVER context {context!r}")
        if len(set(row_contexts)) != len(row_contexts):
            problems.append(f"{where}: a context is listed twice")
        mapping[code] = row
    for code in codes:
        if code not in mapping:
            problems.append(f"cameo_to_plover.tsv: code {code!r} has no PLOVER mapping row")
    return mapping


def _table(source: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    header = f"# Generated by scripts/build_ontology.py from data/ontology-src/{source}; do not edit\n"
    lines = ["\t".join(columns), *("\t".join(row) for row in rows)]
    return header + "\n".join(lines) + "\n"


def build(src: Path) -> dict[str, str]:
    """Validate the source tables in ``src``; return package file name -> file text."""
    problems: list[str] = []
    tables = {name: read_source(src, name, problems) for name in SOURCE_COLUMNS}
    codes = _check_cameo(tables["cameo_codes.tsv"], problems)
    modes, contexts = _check_plover(
        tables["plover_types.tsv"], tables["plover_contexts.tsv"], problems
    )
    mapping = _check_mapping(tables["cameo_to_plover.tsv"], codes, modes, contexts, problems)
    if problems:
        raise SourceError(problems)

    cameo_rows = []
    for code in sorted(codes):
        row = codes[code]
        icews = float(row["goldstein"])
        gdelt = float(row["goldstein_alt"]) if row["goldstein_alt"] else icews
        root = code[:2]
        cameo_rows.append((
            code, row["name"], root, str(QUAD_STANDARD[root]), str(QUAD_NEUTRAL01[root]),
            repr(icews), repr(gdelt),
        ))
    map_rows = [
        (code, mapping[code]["event_type"], mapping[code]["mode"],
         ";".join(c for c in mapping[code]["context"].split(";") if c))
        for code in sorted(mapping)
    ]
    type_rows = [
        (row["type"], row["quad_class"], ";".join(modes[row["type"]]), row["definition"])
        for row in sorted(tables["plover_types.tsv"], key=lambda r: PLOVER_TYPES.index(r["type"]))
    ]
    context_rows = [(row["context"], row["definition"]) for row in tables["plover_contexts.tsv"]]
    return {
        "cameo.tsv": _table(
            "cameo_codes.tsv",
            ("code", "name", "root", "quad_class", "quad_class_neutral01",
             "goldstein_icews", "goldstein_gdelt"),
            cameo_rows,
        ),
        "plover_map.tsv": _table(
            "cameo_to_plover.tsv", ("code", "event_type", "mode", "context"), map_rows
        ),
        "plover_types.tsv": _table(
            "plover_types.tsv", ("type", "quad_class", "modes", "definition"), type_rows
        ),
        "plover_contexts.tsv": _table(
            "plover_contexts.tsv", ("context", "definition"), context_rows
        ),
    }


def main(argv: list[str] | None = None) -> int:
    """Build the package tables; return 0, or 1 after listing the problems on stderr."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", type=Path, default=DEFAULT_SRC, help="source tables folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="package tables folder")
    args = parser.parse_args(argv)
    try:
        files = build(args.src)
    except SourceError as err:
        print(f"build_ontology: {err}:", file=sys.stderr)
        for problem in err.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (args.out / name).write_bytes(text.encode("utf-8"))
    print(f"build_ontology: wrote {len(files)} tables to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
