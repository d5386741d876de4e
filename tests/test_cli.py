"""The command line as a whole: help, version, JSON, one-line errors, --debug."""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import typer

from quizgen.cli import app
from tests.conftest import SEEDS


def all_commands():
    """Every (path, command) of the CLI, groups included."""
    root = typer.main.get_command(app)

    def walk(command, path):
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, f"{path} {name}")

    return list(walk(root, "quizgen"))


def test_help_shows_the_command_groups(cli):
    result = cli("--help")
    assert result.code == 0
    for group in ("add", "articles", "db", "info"):
        assert f"\n  {group} " in result.out


def test_export_help_names_every_format(cli):
    export = dict(all_commands())["quizgen export"]
    assert len(export.commands) == 9
    result = cli("export", "--help")
    for name in export.commands:
        assert f"({name})" in " ".join(result.out.split()), name


def test_version(cli):
    result = cli("--version")
    assert result.code == 0
    assert result.out.strip() == f"quizgen {importlib.metadata.version('quizgen')}"


def test_every_command_has_an_example(cli):
    for path, command in all_commands():
        if getattr(command, "commands", None) and path != "quizgen":
            continue
        result = cli(*path.split()[1:], "--help")
        assert result.code == 0, path
        assert re.search("Examples?:", result.out), f"{path} --help has no example"
        example = re.split("Examples?:", result.out, maxsplit=1)[1].strip().splitlines()[0]
        assert example.startswith("quizgen "), path


def test_articles_list_show_remove(cli):
    assert cli("articles", "list", "--json").out.strip() == "[]"
    assert "No articles stored yet" in cli("articles", "list").out
    cli("add", SEEDS)
    listing = json.loads(cli("articles", "list", "--json").out)
    assert [a["id"] for a in listing] == [1]
    table = cli("articles", "list").out
    assert "Burkina Faso, Mali" in table
    shown = cli("articles", "show", "1")
    assert shown.out.startswith(listing[0]["title"])
    assert "Ilya Tarasenko, the Director General of Glavkosmos" in shown.out
    cli("add", SEEDS / "README.md")
    removed = cli("articles", "remove", "1", "--yes")
    assert removed.code == 0
    assert removed.out.startswith("removed article 1: ")
    assert json.loads(cli("articles", "remove", "2", "--yes", "--json").out) == {
        "id": 2,
        "title": "Seed articles",
        "items": 0,
    }
    assert json.loads(cli("articles", "list", "--json").out) == []


def test_remove_asks_first(quizgen_process, cli):
    cli("add", SEEDS)
    declined = quizgen_process("articles", "remove", "1", input=b"n\n")
    assert declined.code != 0
    assert len(json.loads(cli("articles", "list", "--json").out)) == 1
    accepted = quizgen_process("articles", "remove", "1", input=b"y\n")
    assert accepted.code == 0, accepted.err
    assert json.loads(cli("articles", "list", "--json").out) == []


def test_errors_are_one_line_and_debug_shows_the_traceback(quizgen_process):
    plain = quizgen_process("articles", "show", "42")
    assert plain.code == 1
    assert plain.err == "quizgen: error: no article with id 42; see: quizgen articles list\n"
    debug = quizgen_process("--debug", "articles", "show", "42")
    assert debug.code == 1
    assert "Traceback (most recent call last)" in debug.err
    assert "quizgen.errors.NotFound: no article with id 42" in debug.err


def test_a_bad_database_url_is_a_usage_error(cli):
    result = cli("--db", "mysql://u@h/x", "articles", "list")
    assert result.code == 2
    assert result.err == ("quizgen: error: database URL 'mysql://u@h/x' is not supported; use SQLite or PostgreSQL\n")


def test_database_passwords_are_never_shown(cli):
    url = "postgresql://teacher:s3cret-pw@127.0.0.1:9/classroom"
    for args in (("articles", "list"), ("db", "status"), ("info", "--json"), ("add", str(SEEDS))):
        result = cli("--db", url, *args)
        assert "s3cret-pw" not in result.out + result.err, args
        assert "teacher:***@127.0.0.1:9/classroom" in result.out + result.err, args


def test_a_format_named_as_a_command_suggests_the_export_that_writes_it(cli):
    for args, meant in (
        (("export", "pdf"), "quizgen export print --format pdf"),
        (("export", "docx"), "quizgen export print --format docx"),
        (("export", "worksheet"), "quizgen export print"),
        (("export", "xml"), "quizgen export moodle"),
        (("pdf",), "quizgen export print --format pdf"),
        (("kahoot",), "quizgen export kahoot"),
    ):
        result = cli(*args, "--out", "x")
        assert result.code == 2, args
        assert result.out == ""
        assert result.err == f"quizgen: error: No such command {args[-1]!r}. Did you mean {meant!r}?\n"
    # Other unknown names keep the usual error, with typer's guess at a typo.
    assert cli("exprt").err == "quizgen: error: No such command 'exprt'. Did you mean 'export'? (see: quizgen --help)\n"
    assert cli("export", "nope").err == "quizgen: error: No such command 'nope'. (see: quizgen export --help)\n"


def completions(quizgen_process, *words: str) -> list[str]:
    """What the shell is offered for the last of ``words``, asked as bash asks."""
    result = quizgen_process(
        env={"_QUIZGEN_COMPLETE": "complete_bash", "COMP_WORDS": " ".join(words), "COMP_CWORD": str(len(words) - 1)}
    )
    assert result.code == 0, result.err
    return result.out.split()


def test_the_shell_completes_commands_and_options(quizgen_process):
    assert completions(quizgen_process, "quizgen", "ex") == ["export"]
    assert completions(quizgen_process, "quizgen", "export", "k") == ["kahoot"]
    assert "--format" in completions(quizgen_process, "quizgen", "export", "print", "--f")


def test_install_completion_sets_up_bash(quizgen_process, tmp_path):
    shown = quizgen_process("--show-completion", "bash")
    assert shown.code == 0
    assert "_QUIZGEN_COMPLETE=complete_bash" in shown.out
    installed = quizgen_process("--install-completion", "bash", env={"HOME": str(tmp_path)})
    assert installed.code == 0, installed.err
    script = tmp_path / ".bash_completions" / "quizgen.sh"
    assert script.read_text().strip() == shown.out.strip()
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text()
    # The installed script, run by bash itself, completes a command name.
    bin_dir = Path(sys.executable).parent
    completed = subprocess.run(
        [
            "bash",
            "-c",
            f"source '{script}'; COMP_WORDS=(quizgen ex); COMP_CWORD=1; "
            '_quizgen_completion quizgen ex quizgen; echo "${COMPREPLY[@]}"',
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"},
        timeout=120,
    )
    assert completed.stdout.strip() == "export", completed.stderr
