"""Docs that tests keep honest: every CLI command documented, README commands real."""

from __future__ import annotations

import re

from eventcoder import cli

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _subcommands() -> set[str]:
    parser = cli._parser()
    actions = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    return set(actions[0].choices)


def test_docs_every_command_is_in_the_readme():
    for command in _subcommands():
        assert f"eventcoder {command}" in README, f"`eventcoder {command}` is not documented"


def test_docs_readme_commands_exist():
    mentioned = set(re.findall(r"^eventcoder (\w+)", README, flags=re.MULTILINE))
    assert mentioned and mentioned <= _subcommands()


def test_docs_quick_start_has_exactly_two_commands():
    quick = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line for line in quick.splitlines() if line.strip()]
    assert [c.split("#")[0].split() for c in commands] == [
        ["python3", "scripts/dev.py", "run"], ["python3", "scripts/dev.py", "test"]]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 scripts/dev.py test" in ci
