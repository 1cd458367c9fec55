"""The long fuzz run: the checks of tests/test_fuzz_ingest.py (and, with --coder, of
tests/test_fuzz_coder.py) with hypothesis and many more examples than CI runs.

    .venv/bin/python scripts/fuzz.py --minutes 10            # the readers
    .venv/bin/python scripts/fuzz.py --minutes 10 --coder    # and the coder (loads the model)

Targets take turns, ``--examples`` examples at a time, until the time is up; each turn draws
fresh random inputs (no example database). Prints how many inputs each target tried and the
total; exit code 1 with hypothesis's reproduction on the first failure.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
READERS = ("random_bytes_any_reader", "text_stories", "jsonl", "stdin", "html", "feeds", "warc")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--examples", type=int, default=300, help="examples per turn")
    parser.add_argument("--coder", action="store_true", help="also fuzz the coder (slow)")
    args = parser.parse_args(argv)
    # The tests read the profile's name when imported (see tests/test_fuzz_ingest.py).
    settings.register_profile(
        "long", max_examples=args.examples, deadline=None, database=None, print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    os.environ["EVENTCODER_FUZZ_PROFILE"] = "long"
    sys.path.insert(0, str(ROOT))
    from tests import test_fuzz_ingest as ingest

    tried: Counter[str] = Counter()
    counted = _counting(ingest.check, tried)
    ingest.check = counted  # the tests look `check` up at call time
    with tempfile.TemporaryDirectory() as folder:
        tests = [getattr(ingest, f"test_fuzz_ingest_{name}") for name in READERS]
        targets = [(test, {"folder": Path(folder)} if "folder" in _params(test) else {})
                   for test in tests]
        targets += _coder_targets(Path(folder), tried) if args.coder else []
        deadline = time.monotonic() + args.minutes * 60
        rounds = 0
        try:
            while time.monotonic() < deadline:
                for test, kwargs in targets:
                    test(**kwargs)
                rounds += 1
        except Exception as err:  # hypothesis has printed the falsifying example
            _report(tried, rounds)
            print(f"FAILED: {type(err).__name__}: {err}", file=sys.stderr)
            return 1
    _report(tried, rounds)
    return 0


def _params(test: Callable) -> tuple[str, ...]:
    inner = test.hypothesis.inner_test
    return inner.__code__.co_varnames[: inner.__code__.co_argcount]


def _counting(check: Callable, tried: Counter[str]) -> Callable:
    def counted(items, **options):
        codes = check(items, **options)
        tried["inputs"] += 1
        tried.update(codes)
        return codes

    return counted


def _coder_targets(folder: Path, tried: Counter[str]) -> list[tuple[Callable, dict]]:
    from eventcoder.pipeline import Coder
    from eventcoder.store import Store
    from tests import test_fuzz_coder as coding

    check = coding.check_coded

    def counted(coder, article, store):
        check(coder, article, store)
        tried["stories coded"] += 1

    coding.check_coded = counted
    store = Store.open(folder / "fuzz.duckdb")
    return [(coding.test_fuzz_coder_hostile_stories, {"coder": Coder(), "store": store})]


def _report(tried: Counter[str], rounds: int) -> None:
    print(f"fuzz: {rounds} full rounds; {tried['inputs']} reader inputs tried"
          + (f", {tried['stories coded']} stories coded" if tried["stories coded"] else ""))
    outcomes = ", ".join(f"{code} {n}" for code, n in sorted(tried.items())
                         if code not in ("inputs", "stories coded"))
    print(f"fuzz: outcomes: {outcomes}")


if __name__ == "__main__":
    sys.exit(main())
