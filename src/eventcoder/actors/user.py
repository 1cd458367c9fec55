"""Users' own actor dictionaries; their entries win over the built-in tables.

Formats, chosen by the file name:

``.csv``  a header ``name,country,sector,code,wikidata,start,end`` (``role`` optional); one row
    per role spell; ``name`` holds the spellings separated by ``|``, the first being canonical;
    rows with the same canonical name are spells of one person. Give ``code`` ("LBYMIL"), or
    ``country`` and ``sector``, or both. Dates: YYYY, YYYY-MM or YYYY-MM-DD; empty = open.
``.yaml`` / ``.yml``  (needs PyYAML) a list of mappings with the CSV's keys; ``aliases`` may be
    a list.
``.txt``, ``.actors``, ``.agents`` or no suffix  PETRARCH/Phoenix dictionaries::

    # comment (also after an entry); lines starting with "<" are XML comments
    KHALIFA_HAFTAR_ [LBYMIL]        an actor and its CAMEO code
    +HAFTAR                         another spelling of the actor above
    +KHALIFA_HIFTER
    FAYEZ_AL-SARRAJ
        [LBYGOV 151217-210315]      a code for a period (YYMMDD or YYYYMMDD; 00-30 = 20YY)
        [LBYELI >210316]            from that date on ("<" = before that date)
    POLICE_OFFICER [~COP]           an agent: a role word and its sector ("~")
    MAN {MEN} [~CVL]                an agent with its irregular plural

A bad line is reported (``problems``: InputError E401 with the file and line) and skipped; it
never stops the load. A file that is missing (E101), unreadable (E109) or not UTF-8 (E104), a
YAML file without PyYAML (E402) or an unknown format (E403) raise.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .people import PeopleIndex, PersonRole, actor_code, name_key, parse_bound

_PHOENIX_SUFFIXES = {".txt", ".actors", ".agents", ""}
_CODE = re.compile(r"[A-Z0-9]{3,15}")
_ISO = re.compile(r"[A-Z]{3}")
_BRACKET = re.compile(r"\[([^\]]*)\]")
_BRACES = re.compile(r"\{([^}]*)\}")
_PHOENIX_DATE = re.compile(r"\d{6}|\d{8}")
#: First parts of CAMEO codes that are not a country: the sector comes first.
_NON_STATE = {"IGO", "NGO", "IMG", "MNC", "UAF"}


@dataclass(frozen=True)
class _Entry:
    """One person or organisation read from a file: its spellings and its role spells."""

    names: tuple[str, ...]
    spells: tuple[PersonRole, ...]


@dataclass(frozen=True)
class UserDictionary:
    """Actors and agents loaded from users' files: ``people`` (an index like the built-in
    one), ``agents`` (role word key -> sector) and ``problems`` (the lines that were skipped)."""

    people: PeopleIndex
    agents: dict[str, str]
    problems: tuple[InputError, ...] = ()

    @classmethod
    def load(cls, paths: Iterable[str | Path]) -> UserDictionary:
        """Read dictionaries in order; a later file's entry wins over an earlier one's."""
        entries: list[_Entry] = []
        agents: dict[str, str] = {}
        problems: list[InputError] = []
        for raw in paths:
            path = Path(raw)
            if not path.is_file():
                raise InputError("E101", path=path)
            suffix = path.suffix.lower()
            if suffix not in (".csv", ".yaml", ".yml", *_PHOENIX_SUFFIXES):
                raise InputError("E403", path=path)
            try:
                text = path.read_text(encoding="utf-8-sig")
            except UnicodeDecodeError as err:
                raise InputError("E104", path=path, offset=err.start) from None
            except OSError as err:
                raise InputError("E109", path=path, detail=err.strerror or err) from None
            if suffix == ".csv":
                entries += _read_csv(text, path=path, problems=problems)
            elif suffix in (".yaml", ".yml"):
                entries += _read_yaml(text, path=path, problems=problems)
            else:
                found, found_agents = _read_phoenix(text, path=path, problems=problems)
                entries += found
                agents.update(found_agents)
        index = PeopleIndex.build(((e.names, e.spells) for e in entries), later_wins=True)
        return cls(people=index, agents=agents, problems=tuple(problems))

    def lookup(self, name: str, *, on: dt.date | None = None) -> PersonRole | None:
        """The user's entry for a name on a date (same rules as ``lookup_person``), or None."""
        return self.people.lookup(name, on=on)

    def agent(self, word: str) -> str | None:
        """The sector of an agent word or phrase ("police officers" -> "COP"), or None."""
        key = name_key(word)
        for candidate in (key, *_singulars(key)):
            if candidate in self.agents:
                return self.agents[candidate]
        return None


def split_code(code: str) -> tuple[str | None, str | None]:
    """Country and sector of a CAMEO actor code: "LBYMIL" -> ("LBY", "MIL"), "IGOUNO" ->
    ("UNO", "IGO"), "IMGREB" -> (None, "REB"), "FRA" -> ("FRA", None)."""
    first, second = code[:3], code[3:6] or None
    if first == "IMG":
        return None, second
    if first in _NON_STATE:
        return second, first
    return first, second


def _singulars(key: str) -> list[str]:
    *head, last = key.split(" ")
    forms = []
    if last.endswith("men"):
        forms.append(last[:-3] + "man")
    if last.endswith("ies"):
        forms.append(last[:-3] + "y")
    if last.endswith("es"):
        forms.append(last[:-2])
    if last.endswith("s") and not last.endswith("ss"):
        forms.append(last[:-1])
    return [" ".join([*head, form]) for form in forms]


def _spell(fields: dict[str, Any], *, name: str) -> PersonRole:
    """A role spell from a CSV row or YAML mapping; ValueError says what is wrong."""
    def text(key: str) -> str:
        value = fields.get(key)
        return "" if value is None else str(value).strip()

    code, country, sector = text("code").upper(), text("country").upper(), text("sector").upper()
    if code and not _CODE.fullmatch(code):
        raise ValueError(f"bad code {code!r}")
    from_code = split_code(code) if code else (None, None)
    country, sector = country or from_code[0] or "", sector or from_code[1] or ""
    if not (country or sector):
        raise ValueError("give a code, or a country and a sector")
    for label, value in (("country", country), ("sector", sector)):
        if value and not _ISO.fullmatch(value):
            raise ValueError(f"bad {label} {value!r} (three capital letters)")
    wikidata = text("wikidata")
    if wikidata and not re.fullmatch(r"Q[1-9]\d*", wikidata):
        raise ValueError(f"bad Wikidata id {wikidata!r}")
    start = parse_bound(_iso(fields.get("start")), end=False)
    end = parse_bound(_iso(fields.get("end")), end=True)
    if start and end and end < start:
        raise ValueError("the end is before the start")
    return PersonRole(
        name=name, country=country or None, sector=sector or None, role=text("role") or None,
        wikidata=wikidata or None, start=start, end=end,
        code=code or actor_code(country or None, sector or None),
    )


def _iso(value: object) -> str:
    """A date field as text: YAML reads 2019-05-23 as a date and 2019 as an int."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def _grouped(rows: list[tuple[list[str], PersonRole]]) -> list[_Entry]:
    """Entries from (spellings, spell) rows: rows sharing a canonical name are one person."""
    names: dict[str, list[str]] = {}
    spells: dict[str, list[PersonRole]] = {}
    for spellings, spell in rows:
        names.setdefault(spell.name, []).extend(spellings)
        spells.setdefault(spell.name, []).append(spell)
    return [_Entry(tuple(dict.fromkeys(names[n])), tuple(spells[n])) for n in names]


def _read_csv(text: str, *, path: Path, problems: list[InputError]) -> list[_Entry]:
    reader = csv.DictReader(io.StringIO(text))
    missing = {"name"} - set(reader.fieldnames or ())
    if missing:
        problems.append(InputError("E401", path=path, line=1, detail="the header needs a 'name' column"))
        return []
    rows = []
    for fields in reader:
        spellings = [s.strip() for s in (fields.get("name") or "").split("|") if s.strip()]
        try:
            if not spellings:
                raise ValueError("no name")
            rows.append((spellings, _spell(fields, name=spellings[0])))
        except ValueError as err:
            problems.append(InputError("E401", path=path, line=reader.line_num, detail=str(err)))
    return _grouped(rows)


def _read_yaml(text: str, *, path: Path, problems: list[InputError]) -> list[_Entry]:
    try:
        import yaml
    except ImportError:
        raise InputError("E402", path=path) from None
    try:
        document = yaml.compose(text, Loader=yaml.SafeLoader)
        items = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problems.append(InputError("E401", path=path, line=line, detail=f"not YAML ({err.__class__.__name__})"))
        return []
    if items is None:
        return []
    if not isinstance(items, list):
        problems.append(InputError("E401", path=path, line=1, detail="expected a list of entries"))
        return []
    rows = []
    for node, item in zip(document.value, items, strict=True):
        line = node.start_mark.line + 1
        try:
            if not isinstance(item, dict):
                raise ValueError("an entry must be a mapping with a 'name'")
            aliases = item.get("aliases") or []
            if isinstance(aliases, str):
                aliases = aliases.split("|")
            spellings = [str(s).strip() for s in [*str(item.get("name") or "").split("|"), *aliases]]
            spellings = [s for s in spellings if s]
            if not spellings:
                raise ValueError("no name")
            rows.append((spellings, _spell(item, name=spellings[0])))
        except ValueError as err:
            problems.append(InputError("E401", path=path, line=line, detail=str(err)))
    return _grouped(rows)


def _phoenix_name(text: str) -> str:
    """"KHALIFA_HAFTAR_" -> "Khalifa Haftar"."""
    return " ".join(text.replace("_", " ").split()).title()


def _phoenix_date(text: str) -> dt.date:
    if not _PHOENIX_DATE.fullmatch(text):
        raise ValueError(f"bad date {text!r} (YYMMDD or YYYYMMDD)")
    if len(text) == 6:
        # KEDS/TABARI/PETRARCH convention: 00-30 is 20YY, the rest 19YY.
        text = ("20" if int(text[:2]) <= 30 else "19") + text
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))


def _phoenix_codes(line: str, *, name: str) -> list[PersonRole]:
    """The spells of "[LBYGOV 151217-210315] [LBYELI >210316]"; ValueError if malformed."""
    spells = []
    for inside in _BRACKET.findall(line):
        parts = inside.split()
        if not parts or not _CODE.fullmatch(parts[0]):
            raise ValueError(f"bad code [{inside}]")
        start = end = None
        if len(parts) == 2:
            limit = parts[1]
            if limit.startswith(">"):
                start = _phoenix_date(limit[1:])
            elif limit.startswith("<"):
                end = _phoenix_date(limit[1:]) - dt.timedelta(days=1)
            elif "-" in limit:
                first, _, last = limit.partition("-")
                start, end = _phoenix_date(first), _phoenix_date(last)
                if end < start:
                    raise ValueError(f"the period in [{inside}] ends before it starts")
            else:
                raise ValueError(f"bad date restriction {limit!r} (>YYMMDD, <YYMMDD or YYMMDD-YYMMDD)")
        elif len(parts) > 2:
            raise ValueError(f"too many parts in [{inside}]")
        country, sector = split_code(parts[0])
        spells.append(PersonRole(name=name, country=country, sector=sector, role=None,
                                 wikidata=None, start=start, end=end, code=parts[0]))
    return spells


def _read_phoenix(
    text: str, *, path: Path, problems: list[InputError]
) -> tuple[list[_Entry], dict[str, str]]:
    entries: list[_Entry] = []
    agents: dict[str, str] = {}
    current: tuple[list[str], list[PersonRole], int] | None = None
    reported: set[int] = set()  # lines already reported, so a broken entry is reported once

    def close() -> None:
        if current is None:
            return
        names, spells, line = current
        if spells:
            entries.append(_Entry(tuple(names), tuple(spells)))
        elif line not in reported:
            problems.append(InputError("E401", path=path, line=line, detail=f"{names[0]!r} has no [CODE]"))

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<"):
            continue
        try:
            if "[~" in line:
                words, _, rest = line.partition("[~")
                sector = rest.split("]", 1)[0].strip()
                if not _CODE.fullmatch(sector):
                    raise ValueError(f"bad agent code [~{sector}]")
                plurals = [form for group in _BRACES.findall(words) for form in group.split()]
                for form in [_BRACES.sub("", words), *plurals]:
                    if name_key(form):
                        agents[name_key(form)] = sector
                continue
            if line.startswith("+"):
                if current is None:
                    raise ValueError("a '+' synonym before any actor")
                synonym = _phoenix_name(line[1:].split("[", 1)[0])
                if not synonym:
                    raise ValueError("an empty '+' synonym")
                current[0].append(synonym)
                current[1].extend(_phoenix_codes(line, name=current[0][0]))
                continue
            if line.startswith("["):
                if current is None:
                    raise ValueError("a [CODE] line before any actor")
                current[1].extend(_phoenix_codes(line, name=current[0][0]))
                continue
            close()
            current = None
            name = _phoenix_name(line.split("[", 1)[0])
            if not name:
                raise ValueError("no actor name")
            current = ([name], [], number)
            current[1].extend(_phoenix_codes(line, name=name))
        except ValueError as err:
            reported.add(number)
            problems.append(InputError("E401", path=path, line=number, detail=str(err)))
    close()
    return entries, agents
