"""The README's tour works as written on a fresh clone: each of its commands runs
in a new directory with the project's seeds, the tour's own database and
``quizgen`` on the PATH, and prints what the README shows, times and dates aside."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

README = ROOT / "README.md"
# Commands the tour shows but that this test cannot run as written: the quiz is
# interactive (tests/test_quiz.py drives it in a terminal) and stats depends on it.
INTERACTIVE = ("quizgen quiz", "quizgen stats")
# What differs from run to run: a date and time, a weekday and date.
_WHEN = re.compile(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?|\w+day \d{2} \w+ \d{4}")


def tour() -> list[tuple[str, list[str]]]:
    """The tour's commands, each with the lines the README shows it print."""
    section = README.read_text(encoding="utf-8").split("## A 60-second tour", 1)[1]
    block = section.split("```console\n", 1)[1].split("\n```", 1)[0]
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:].split("  #", 1)[0].strip(), []))
        elif steps and line.strip():
            steps[-1][1].append(line)
    return steps


def test_the_tour_sets_up_the_path_and_its_database_first():
    first = [command for command, _ in tour()[:2]]
    assert first == [". .venv/bin/activate", "export QUIZGEN_DB=build/tour.db"]


def test_every_command_of_the_tour_prints_what_the_readme_shows(tmp_path: Path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "build").mkdir()
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "COLUMNS": "80"}
    for name in ("QUIZGEN_DB", "QUIZGEN_DEBUG", "QUIZGEN_MODEL"):
        env.pop(name, None)
    ran = 0
    for command, shown in tour():
        if command.startswith(". ") or command.startswith(INTERACTIVE):
            continue
        if command.startswith("export "):
            name, value = command.removeprefix("export ").split("=", 1)
            env[name] = value
            continue
        if "| jq" in command and shutil.which("jq") is None:
            # jq reads the JSON for display only: Python's json reads it here.
            command = command.split("| jq", 1)[0] + "| " + f"{sys.executable} -c {_JQ_LIKE!r}" + " | head -3"
        done = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True,
            timeout=600,
        )  # fmt: skip
        printed = (done.stdout + done.stderr).splitlines()
        expected_failure = any(line.startswith("quizgen: error:") for line in shown)
        assert (done.returncode != 0) == expected_failure or "| head" in command, (command, done.stderr)
        for line in shown:
            if line.strip() == "...":
                continue
            assert _WHEN.sub("WHEN", line).rstrip() in {_WHEN.sub("WHEN", p).rstrip() for p in printed}, (
                command,
                line,
                printed,
            )
        ran += 1
    assert ran >= 8


# The README's jq filter, '.[] | "\(.score)  \(.kind)  \(.prompt)  ->  \(.answer)"', in Python.
_JQ_LIKE = (
    "import json, sys\n"
    "for r in json.load(sys.stdin): print(f\"{r['score']}  {r['kind']}  {r['prompt']}  ->  {r['answer']}\")"
)
