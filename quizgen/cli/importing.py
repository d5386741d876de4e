"""``quizgen import``: a teacher's own items from a Quizlet export, an Anki text export or a CSV file."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from quizgen.cli.context import open_store, options
from quizgen.cli.render import error, out, print_json, warn


def import_file(
    ctx: typer.Context,
    path: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="A Quizlet export, an Anki text export (Notes in Plain Text) or a question/answer/options CSV file.",
            show_default=False,
        ),
    ],
    deck: Annotated[
        str | None,
        typer.Option(
            "--deck", "-d", help="The deck to import into, by name; made if there is none (default: the file's name)."
        ),
    ] = None,
    article: Annotated[
        int | None, typer.Option("--article", help="The article to import into, instead of a deck.")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="auto (by the file's headers and name), quizlet, anki or csv.")
    ] = "auto",
    json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a line.")] = False,
) -> None:
    """Import your own questions from the files you already have: Quizlet's
    export (term, tab, definition), Anki's Notes in Plain Text export, or a
    CSV of question, answer and wrong options.

    Each line's kind is told by what it holds: wrong options make a multiple
    choice; a blank ({{Bamako}}, or ___ with an answer) a cloze; the answer
    true or false a true/false statement. Every line is checked first: a file
    with a line at fault says which, and nothing of it is stored. The items
    are approved, so every export and the quiz take them and regenerating
    never removes them; importing the file again updates them.

    \\b
    Example:
      quizgen import geography.csv --deck Geography
      quizgen import quizlet-set.txt
    """
    from quizgen.authored import FORMATS, ItemFileError
    from quizgen.errors import UsageError
    from quizgen.workflows.authored import import_items

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use {', '.join(FORMATS)}")
    try:
        with open_store(ctx) as store:
            done = import_items(store, path, deck=deck, article_id=article, fmt=fmt)
    except ItemFileError as problems:
        if options(ctx).debug:
            raise
        for line in problems.lines():
            error(line)
        raise typer.Exit(1) from None
    for warning in done.read.warnings:
        warn(warning)
    report = done.report
    if json:
        print_json(
            {
                "source": done.read.source,
                "format": done.read.format,
                "duplicates": done.read.duplicates,
                **{name: value for name, value in vars(report).items()},
            }
        )
        return
    items = len(done.read.items)
    duplicates = done.read.duplicates
    out.print(
        f"{items} item{'s' if items != 1 else ''} from {escape(done.read.source)} -> {report.kind} "
        f"{report.article_id}: {escape(report.title)}{' (new)' if report.new_deck else ''}: "
        f"{report.added} new, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.kept} kept as edited or rejected"
        + (f"; {duplicates} repeated line{'s' if duplicates != 1 else ''} left out" if duplicates else ""),
        highlight=False,
    )
