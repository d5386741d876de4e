"""``quizgen export print``: worksheets and answer keys to print."""

from __future__ import annotations

from typing import Annotated

import typer

from quizgen.cli.context import open_store
from quizgen.cli.render import JsonSummary, summary


def print_sheet(
    ctx: typer.Context,
    article_ids: Annotated[
        list[int] | None,
        typer.Argument(metavar="[ARTICLE]...", help="Article ids (default: every stored article).", show_default=False),
    ] = None,
    versions: Annotated[int, typer.Option("--versions", "-v", min=1, max=26, help="Shuffled versions: A, B, ...")] = 1,
    seed: Annotated[
        int, typer.Option("--seed", help="Seed of the shuffles; the same seed prints the same versions.")
    ] = 0,
    title: Annotated[str | None, typer.Option("--title", help="Title on every page (default: the article's).")] = None,
    points: Annotated[int, typer.Option("--points", min=0, help="Points per question (0: no points shown).")] = 1,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="pdf, typ (Typst source and its data), docx or md.")
    ] = "pdf",
    out_path: Annotated[
        str, typer.Option("--out", "-o", metavar="FILE", help="Worksheet file; the key goes next to it as FILE-key.")
    ] = "worksheet.pdf",
    separate: Annotated[bool, typer.Option("--separate", help="One worksheet and one key file per version.")] = False,
    json: JsonSummary = False,
    paper: Annotated[str, typer.Option("--paper", help="a4 or letter, for the PDF and the Word copy alike.")] = "a4",
    with_text: Annotated[
        bool, typer.Option("--with-text", help="Print each article's text before its questions, to read first.")
    ] = False,
    excerpt: Annotated[
        int | None,
        typer.Option(
            "--excerpt",
            metavar="N",
            min=1,
            help="Print only the first N paragraphs of each article (implies --with-text) and ask only what they say.",
        ),
    ] = None,
) -> None:
    """Write a worksheet and a separate answer key, in shuffled versions.

    Each fact is asked once, in a mix of question types, and no question's
    stem gives away another's answer. Questions stand under their article's
    title, in article order, and are shuffled within it per version from the
    seed, as are the options; numbers run through the sheet. Each version's
    key gives its answers, by article, with their source sentences. A
    matching set is worth --points for each pair. Items are chosen as for:
    quizgen export anki.

    \b
    Examples:
      quizgen export print 1 --versions 2 --seed 7 --title "World news quiz"
      quizgen export print 3 --with-text --excerpt 4 --paper letter
    """
    from quizgen.cli.export import export_summary
    from quizgen.export.print.files import checked_target, print_worksheets

    # A usage error leaves the database alone, not even created.
    checked_target(out_path, fmt, paper)
    with open_store(ctx) as store:
        printed = print_worksheets(
            store,
            article_ids,
            out=out_path,
            fmt=fmt,
            versions=versions,
            seed=seed,
            title=title,
            points=points,
            separate=separate,
            paper=paper,
            with_text=with_text,
            excerpt=excerpt,
        )
    left_out = f"; {printed.left_out} left out as giveaways" if printed.left_out else ""
    summary(
        export_summary(
            printed.selection,
            printed.files,
            questions=printed.questions,
            versions=versions,
            giveaways_left_out=printed.left_out,
        ),
        f"{printed.questions} questions ({printed.selection.describe()}{left_out}), "
        f"{versions} version{'s' if versions != 1 else ''}: " + ", ".join(str(path) for path in printed.files),
        json=json,
    )
