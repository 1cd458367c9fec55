"""The error catalogue: every user-facing error has a code, says what happened and what to do.

Exception tree (shallow on purpose)::

    EventcoderError            exit code 1 unless stated
    ├── UsageError             exit code 2: bad arguments or options (e.g. a bad --date)
    ├── InputError             one story or file cannot be read; a batch reports it and goes on
    ├── ModelError             the spaCy pipeline is missing or broken
    └── StoreError             the event store cannot be opened or written

Raise with a catalogue code and the values its message needs::

    raise InputError("E102", path="stories/a.txt")

``str(err)`` is a single line: "E102: <what happened>. <what to do>".
"""

from __future__ import annotations

#: code -> (what happened, what to do). Placeholders are filled from the raise's keywords.
CATALOGUE: dict[str, tuple[str, str]] = {
    # usage (exit code 2)
    "E001": ("Bad date {value!r}", "Give the date as YYYY-MM-DD, e.g. --date 2019-05-23"),
    "E002": ("Unknown output format {value!r}", "Choose one of: {choices}"),
    "E003": ("No input given", "Name one or more files or directories, or '-' for stdin"),
    "E004": ("{option} must be at least 1, not {value}", "Give a positive number, e.g. {option} 2"),
    "E005": ("The {format} format needs an output file", "Name it with --out FILE"),
    # input (exit code 1; a batch skips the story and goes on)
    "E101": ("No such file or directory: {path}", "Check the path and try again"),
    "E102": ("{path} is empty", "Give a story with a headline line and some text"),
    "E103": (
        "{path} looks like a binary file, not text",
        "Give a UTF-8 text file (.txt), JSON lines (.jsonl) or a CSV table (.csv)",
    ),
    "E104": (
        "{path} is not valid UTF-8 (bad byte at offset {offset})",
        "Re-save the file as UTF-8, e.g. iconv -f latin1 -t utf-8",
    ),
    "E105": (
        "{path} line {line}: malformed JSON ({detail})",
        "Each line must be one JSON object with at least 'text'",
    ),
    "E106": (
        "{path} line {line}: {detail}",
        "Each line needs a non-empty string 'text'; 'id', 'title', 'date', 'source', 'url' "
        "are optional strings",
    ),
    "E107": (
        "No stories found in directory {path}",
        "Put .txt, .jsonl, .csv or .zip files in it, or name the files directly",
    ),
    "E108": (
        "{path} is {size} bytes, over the {limit}-byte limit",
        "Split it into smaller files",
    ),
    "E109": ("{path}: cannot read ({detail})", "Check the file's permissions"),
    "E111": (
        "{path}: the story is {size} bytes, over the {limit}-byte limit for one story",
        "Shorten it, or raise the limit with the environment variable "
        "EVENTCODER_MAX_STORY_BYTES",
    ),
    "E112": (
        "{path} is UTF-16 or UTF-32 text, not UTF-8",
        "Re-save it as UTF-8, e.g. iconv -f UTF-16 -t UTF-8",
    ),
    "E113": (
        "{path}: the markup cannot be parsed ({detail})",
        "Check that it is an HTML page",
    ),
    "E114": (
        "{path}: the page decompresses to more than {limit} bytes",
        "A page this big is most likely a decompression bomb; check where the archive "
        "comes from",
    ),
    "E115": (
        "EVENTCODER_MAX_STORY_BYTES must be a whole number of bytes above 0, not {value!r}",
        "Unset it, or give a number such as 1000000",
    ),
    "E119": (
        "{path}: cannot be read (unexpected {detail})",
        "This is a bug in eventcoder: please report it with the file that caused it",
    ),
    "E120": (
        "{path}: the page has no main text",
        "Check that it is an article page, not an index or a script-built page",
    ),
    "E121": (
        "{path}: not a usable RSS or Atom feed ({detail})",
        "Give an RSS 2.0, RSS 1.0 or Atom file; feeds with a DTD or entities are refused "
        "for safety",
    ),
    "E122": (
        "{path}: malformed WARC archive at byte {offset} ({detail})",
        "Check that the file is a complete WARC/1.0 or 1.1 archive (.warc or .warc.gz)",
    ),
    "E123": (
        "{path}: not a readable ZIP archive ({detail})",
        "Check that the file is a complete, unencrypted .zip of .txt, .jsonl, .csv or .html "
        "stories",
    ),
    "E124": (
        "{path} line {line}: malformed CSV ({detail})",
        "Give a comma-separated table (tab-separated for .tsv) whose header names a 'text' "
        "column; 'id', 'title', 'date', 'source', 'url' are optional",
    ),
    "E110": (
        "{path} is not a PLV file: no column {columns}",
        "Give a tab-separated file with marked_sentence, gold_root and gold_penta columns",
    ),
    # model
    "E201": (
        "The spaCy pipeline {model!r} is not installed",
        "Install it with: pip install {package}  (models are never downloaded at run time)",
    ),
    "E202": ("The spaCy pipeline {model!r} failed to load ({detail})", "Reinstall it: pip install --force-reinstall {package}"),
    # store
    "E301": ("Cannot open the event store {path} ({detail})", "Check the path, and that no other program holds it for writing"),
    "E302": ("No event store at {path}", "Create one with: eventcoder ingest FILES --db {path}"),
    "E303": (
        "Cannot write to the event store {path} ({detail})",
        "Check the disk space, and that the store was not opened read-only",
    ),
    "E304": (
        "The event store {path} is at schema version {found}; this eventcoder needs {expected}",
        "Open it once for writing (e.g. eventcoder ingest FILES --db {path}) to upgrade it",
    ),
    "E305": (
        "The event store {path} has schema version {found}, newer than this eventcoder "
        "knows ({expected})",
        "Upgrade eventcoder: pip install -U eventcoder",
    ),
    "E306": ("The event store {path} is closed", "Use it inside: with Store.open(path) as store"),
    "E307": (
        "The event store {path} is in use by another program (still locked after {wait} s)",
        "DuckDB lets one process write or many read, not both: wait for the ingest to "
        "finish or pass a longer wait",
    ),
    "E308": (
        "Cannot create the event store {path} ({detail})",
        "Check the disk space, and that the folder is writable; nothing was left behind, so "
        "run the command again once that is fixed",
    ),
    "E309": (
        "The event store {path} cannot be written by this user ({detail})",
        "Give write permission on the store file and its folder (DuckDB writes a .wal file "
        "next to it), or copy the store to a writable place",
    ),
    # actor dictionaries (users' own files; a bad line is reported and skipped)
    "E401": (
        "{path} line {line}: {detail}",
        "Fix or delete the line; the formats are described in eventcoder.actors.user",
    ),
    "E402": (
        "{path}: reading a YAML dictionary needs PyYAML, which is not installed",
        "Install it with: pip install pyyaml, or give the dictionary as CSV",
    ),
    "E403": (
        "{path}: unknown actor dictionary format",
        "Name it .csv, .yaml or .yml, or give a PETRARCH/Phoenix dictionary as .txt, "
        ".actors or .agents",
    ),
    # scale (Ray)
    "E501": (
        "{option} needs Ray, which is not installed",
        "Install it with: pip install eventcoder[ray]",
    ),
    "E502": (
        "Cannot connect to the Ray cluster at {address} ({detail})",
        "Check the address (e.g. ray://HEAD:10001) and that the cluster runs the same Ray "
        "and eventcoder versions",
    ),
    "E503": (
        "--ray reads JSON lines (.jsonl, .ndjson) and Parquet files, not {path}",
        "Convert the stories to JSON lines, or code them without --ray",
    ),
    "E504": (
        "--ray writes JSON lines or Parquet, not the {value} format",
        "Drop --format, or code without --ray",
    ),
    "E505": (
        "{option} needs --ray",
        "Add --ray (pip install eventcoder[ray]), or leave {option} out",
    ),
    # HTTP API (eventcoder serve); the HTTP status is chosen by eventcoder.serve
    "E520": (
        "Internal server error",
        "The server logged the cause; report it with the time of the request",
    ),
    "E521": ("Bad value for {param}: {detail}", "See /openapi.json for the parameters"),
    "E522": ("No event with id {event_id!r}", "Take ids from /api/events"),
    "E523": ("No such page: {path}", "The API lives under /api/; see /openapi.json"),
    "E524": ("Method {method} is not allowed on {path}", "See /openapi.json for the methods"),
    "E525": ("The request body is over {limit} bytes", "Send a shorter story"),
    "E526": ("The query string is over {limit} bytes", "Use fewer or shorter parameters"),
    "E527": (
        "This request needs an API key",
        "Send it in the X-API-Key header; create one with: eventcoder keys create --db FILE",
    ),
    "E528": (
        "The API key is not valid",
        "Check it, or create a new one with: eventcoder keys create --db FILE",
    ),
    "E529": ("The API key {key_id} was revoked", "Ask for a new key"),
    "E530": (
        "The query took longer than {seconds} s and was stopped",
        "Narrow the filters (dates, countries) or ask for fewer rows",
    ),
    "E531": ("The event store is not available ({detail})", "Try again in a moment"),
    "E532": (
        "This server does not code stories",
        "Start it with eventcoder serve, which loads the coder on first use",
    ),
    "E533": ("No API key with id {key_id!r}", "List the keys with: eventcoder keys list --db FILE"),
}


class EventcoderError(Exception):
    """Base of every error eventcoder reports to a user."""

    exit_code = 1

    def __init__(self, code: str, **values: object) -> None:
        what, todo = CATALOGUE[code]
        self.code = code
        self.values = values
        self.what = what.format(**values)
        self.todo = todo.format(**values)
        super().__init__(f"{code}: {self.what}. {self.todo}")


class UsageError(EventcoderError):
    """Bad command-line arguments or options."""

    exit_code = 2


class InputError(EventcoderError):
    """A file or a story cannot be read; in a batch it is reported and skipped."""


class ModelError(EventcoderError):
    """The spaCy pipeline is missing or cannot be loaded."""


class StoreError(EventcoderError):
    """The event store cannot be opened, read or written."""
