"""``quizgen export moodle|gift|qti|kahoot``: question sets for learning platforms."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from quizgen.cli.context import open_store
from quizgen.cli.render import out

ArticleIds = Annotated[
    list[int] | None,
    typer.Argument(metavar="[ARTICLE]...", help="Article ids (default: every stored article).", show_default=False),
]
Seed = Annotated[int, typer.Option("--seed", help="Order of multiple-choice options.")]
Category = Annotated[str, typer.Option("--category", help="Question-bank category; each article is a subcategory.")]

# Each command's file when --out is not given.
MOODLE_OUT = "quizgen-moodle.xml"
GIFT_OUT = "quizgen-gift.txt"
QTI_OUT = "quizgen-qti.zip"
KAHOOT_OUT = "quizgen-kahoot.xlsx"


def _out(default: str) -> object:
    return typer.Option(
        "--out", "-o", metavar="FILE", help=f"File to write (default: {default}; - for standard output)."
    )


def _items(ctx: typer.Context, article_ids):
    from quizgen.export.selection import select_items

    with open_store(ctx) as store:
        selection = select_items(store, article_ids)
    return selection, {a_id: a.title for a_id, a in selection.articles.items()}


def _written(selection, path: str, extra: str = "") -> None:
    if path != "-":
        out.print(f"{selection.describe()} -> {escape(path)}{extra}", highlight=False)


def moodle(
    ctx: typer.Context,
    article_ids: ArticleIds = None,
    out_path: Annotated[str, _out(MOODLE_OUT)] = MOODLE_OUT,
    category: Category = "quizgen",
    seed: Seed = 0,
) -> None:
    """Write Moodle XML: multiple choice, true/false, short answer (with accepted answers), matching and cloze.

    Import it in Moodle's question bank (Import, format "Moodle XML").

    \b
    Example:
      quizgen export moodle 1 --out week1.xml --category "News/Week 1"
    """
    from quizgen.export.lms.moodle import moodle_xml
    from quizgen.export.output import write_output

    selection, titles = _items(ctx, article_ids)
    write_output(
        out_path,
        moodle_xml(selection.items, category=category, titles=titles, seed=seed),
        default_name=MOODLE_OUT,
    )
    _written(selection, out_path)


def gift(
    ctx: typer.Context,
    article_ids: ArticleIds = None,
    out_path: Annotated[str, _out(GIFT_OUT)] = GIFT_OUT,
    category: Category = "quizgen",
    seed: Seed = 0,
) -> None:
    """Write GIFT text (Moodle), with ~ = # { } : and backslashes in article text escaped.

    \b
    Example:
      quizgen export gift --out questions.txt
    """
    from quizgen.export.lms.gift import gift as gift_text
    from quizgen.export.output import write_output

    selection, titles = _items(ctx, article_ids)
    write_output(
        out_path,
        gift_text(selection.items, category=category, titles=titles, seed=seed).encode("utf-8"),
        default_name=GIFT_OUT,
    )
    _written(selection, out_path)


def qti(
    ctx: typer.Context,
    article_ids: ArticleIds = None,
    out_path: Annotated[str, _out(QTI_OUT)] = QTI_OUT,
    title: Annotated[str, typer.Option("--title", help="The quiz's title in the platform.")] = "quizgen",
    seed: Seed = 0,
) -> None:
    """Write a QTI 1.2 package (.zip) as Canvas imports it (Settings, Import course content, QTI .zip).

    \b
    Example:
      quizgen export qti --title "World news" --out news-qti.zip
    """
    from quizgen.export.lms.qti import qti_zip
    from quizgen.export.output import write_output

    selection, _ = _items(ctx, article_ids)
    write_output(out_path, qti_zip(selection.items, title=title, seed=seed), default_name=QTI_OUT)
    _written(selection, out_path)


def kahoot(
    ctx: typer.Context,
    article_ids: ArticleIds = None,
    out_path: Annotated[str, _out(KAHOOT_OUT)] = KAHOOT_OUT,
    time_limit: Annotated[
        int, typer.Option("--time-limit", help="Seconds per question (5, 10, 20, 30, 60, 90, 120 or 240).")
    ] = 20,
    seed: Seed = 0,
) -> None:
    """Write Kahoot's quiz spreadsheet (.xlsx): multiple-choice and true/false items within its
    120-character question and 75-character answer limits; the rest are listed as skipped.

    \b
    Example:
      quizgen export kahoot --out kahoot.xlsx
    """
    from quizgen.export.lms.kahoot import kahoot_xlsx
    from quizgen.export.output import write_output

    selection, _ = _items(ctx, article_ids)
    data, skipped = kahoot_xlsx(selection.items, time_limit=time_limit, seed=seed)
    kept = len(selection.items) - len(skipped)
    if not kept:
        from quizgen.export import ExportError

        raise ExportError("no item fits Kahoot (multiple choice or true/false within its limits); nothing written")
    write_output(out_path, data, default_name=KAHOOT_OUT)
    _written(selection, out_path, f" ({kept} in the sheet, {len(skipped)} skipped)")
    for item, reason in skipped:
        if item.kind in ("multiple_choice", "true_false"):
            out.print(f"  skipped item {item.id}: {escape(reason)}", highlight=False)
