"""Shared fixtures: the project paths, the shared development data, one loaded Coder."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "macron-haftar.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared, or a skip when this checkout has no shared development data."""
    if not (SHARED / "examples").is_dir():
        pytest.skip("../shared (development data) is not present next to this checkout")
    return SHARED


@pytest.fixture(scope="session")
def coder():
    """One Coder with the real spaCy model, shared by every test that needs the model."""
    from eventcoder.pipeline import Coder

    return Coder()


@pytest.fixture(scope="session")
def example_events(coder):
    """The canonical example story, coded once (published 2019-05-23)."""
    from eventcoder.ingest import read_articles

    (article,) = list(read_articles([str(EXAMPLE)], default_date=dt.date(2019, 5, 23)))
    ((_, events),) = list(coder.code_articles([article]))
    return article, events


def script_module(name: str):
    """Import scripts/NAME.py as a module; yields it, then forgets it (a fixture body)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


@pytest.fixture(scope="module")
def builder():
    """scripts/build_actor_tables.py, imported as a module (for the regeneration tests)."""
    yield from script_module("build_actor_tables")
