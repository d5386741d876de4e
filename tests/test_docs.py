"""The README keeps up with the code: commands, public names, dependencies."""

from __future__ import annotations

import re
import tomllib

import quizgen
from tests.conftest import ROOT
from tests.test_cli import all_commands

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_two_commands_come_first():
    first_block = README.split("```", 2)[1]
    assert [line.split()[1] for line in first_block.strip().splitlines()[1:]] == ["demo", "test"]


def test_every_command_is_in_the_readme():
    leaves = [path for path, command in all_commands() if not getattr(command, "commands", None)]
    assert leaves
    for path in leaves:
        assert f"`{path}" in README, f"{path} is not documented in README.md"


def test_every_public_name_is_in_the_readme():
    for name in quizgen.__all__:
        if name != "__version__":
            assert re.search(rf"`{name}[`(]", README) or f"`{name}`" in README, name


def test_every_dependency_has_a_reason_in_the_readme():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]
    table = README.split("## Dependencies", 1)[1].split("\n## ", 1)[0]
    for requirement in requirements:
        name = re.match(r"[A-Za-z0-9_.-]+", requirement).group(0)
        assert re.search(rf"^\| [^|]*\b{re.escape(name)}\b", table, re.MULTILINE), name
