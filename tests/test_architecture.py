"""The import rules of ARCHITECTURE.md, checked by walking every module's imports."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import eventcoder

SRC = Path(eventcoder.__file__).resolve().parent
BASE = {"types", "errors"}
DOMAIN = {"ontology", "ingest", "nlp", "coding", "actors", "dates", "geo", "counts"}
# layer -> eventcoder layers it may import (itself always allowed)
ALLOWED: dict[str, set[str]] = {
    "types": set(),
    "errors": set(),
    "ontology": BASE,
    "ingest": BASE,
    "nlp": BASE | {"ontology", "ingest", "coding"},
    "coding": BASE | {"ontology", "ingest", "nlp"},
    "actors": BASE | {"ontology"},
    "dates": BASE | {"ontology"},
    "geo": BASE | {"ontology"},
    "counts": BASE | {"ontology"},
    "pipeline": BASE | DOMAIN | {"__init__"},
    "store": BASE | {"ontology"},
    "export": BASE | {"ontology"},
    # The HTTP service reads the store; /api/code builds an Article (ingest) and gets its
    # Coder from the composition root through create_app's coder_factory.
    "serve": BASE | {"store", "export", "ontology", "ingest", "__init__"},
}
SPACY_OK = {"nlp", "coding"}


def _layer(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0].removesuffix(".py")


def _imports(path: Path) -> list[tuple[str, int]]:
    """(imported module as 'eventcoder.x...' or a third-party name, line)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ["eventcoder", *path.relative_to(SRC).parent.parts]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
                if not node.module:
                    found += [(f"{module}.{a.name}", node.lineno) for a in node.names]
                    continue
            else:
                module = node.module or ""
            found.append((module, node.lineno))
    return found


def _violations() -> list[str]:
    problems = []
    for path in sorted(SRC.rglob("*.py")):
        layer = _layer(path)
        if layer not in ALLOWED:
            continue
        for module, line in _imports(path):
            parts = module.split(".")
            if parts[0] == "spacy" and layer not in SPACY_OK:
                problems.append(f"{path.relative_to(SRC)}:{line} imports spacy")
            if parts[0] != "eventcoder" or len(parts) < 2:
                continue
            target = parts[1]
            if target == "__version__":
                target = "__init__"
            if target != layer and target not in ALLOWED[layer]:
                problems.append(f"{path.relative_to(SRC)}:{line} ({layer}) imports eventcoder.{target}")
    return problems


def test_architecture_import_rules_hold():
    assert _violations() == []


def test_architecture_walker_sees_a_violation(tmp_path, monkeypatch):
    bad = SRC / "store" / "_zz_bad_probe.py"
    bad.write_text("from ..coding import rules\nimport spacy\n", encoding="utf-8")
    try:
        problems = _violations()
    finally:
        bad.unlink()
    assert any("imports eventcoder.coding" in p for p in problems)
    assert any("imports spacy" in p for p in problems)


@pytest.mark.parametrize("module", ["eventcoder", "eventcoder.store", "eventcoder.types",
                                    "eventcoder.ingest", "eventcoder.ontology"])
def test_architecture_service_side_does_not_load_spacy(module):
    code = f"import sys, {module}; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_architecture_public_api_is_curated():
    assert sorted(eventcoder.__all__) == sorted(set(eventcoder.__all__))
    for name in eventcoder.__all__:
        assert getattr(eventcoder, name) is not None
