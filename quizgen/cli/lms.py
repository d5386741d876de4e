"""``quizgen export moodle|gift|qti|kahoot``: question sets for learning platforms."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

import typer

from quizgen.cli.context import open_store
from quizgen.cli.export import export_summary
from quizgen.cli.render import JsonSummary, refuse_json_to_stdout, summary

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


def _written(selection, path: str, *, json: bool, text: str = "", **details: Any) -> None:
    """Report the file written: ``text`` follows the line for people, ``details`` go into the JSON."""
    line = f"{selection.describe()} -> {path}{text}"
    summary(export_summary(selection, [path], **details), line, json=json, stderr=path == "-")


def moodle(
    ctx: typer.Context,
    article_ids: ArticleIds = None,
    out_path: Annotated[str, _out(MOODLE_OUT)] = MOODLE_OUT,
    category: Category = "quizgen",
    seed: Seed = 0,
    json: JsonSummary = False,
) -> None:
    """Write Moodle XML: multiple choice, true/false, short answer (with accepted answers), matching and cloze.

    Import it in Moodle's question bank (Import, format "Moodle XML").

    \b
    Example:
      quizgen export moodle 1 --out week1.xml --category "News/Week 1"
    """
    from quizgen.export.lms.moodle import moodle_xml
    from quizgen.export.output import write_output

    refuse_json_to_stdout(json, out_path)
    selection, titles = _items(ctx, article_ids)
    write_output(
        out_path,
        moodle_xml(selection.items, category=category, titles=titles, seed=seed),
        default_name=MOODLE_OUT,
    )
    _written(selection, out_path, json=json)


def gift(
    ctx: typer.Context,
    article_ids: ArticleIds = None,
    out_path: Annotated[str, _out(GIFT_OUT)] = GIFT_OUT,
    category: Category = "quizgen",
    seed: Seed = 0,
    json: JsonSummary = False,
) -> None:
    """Write GIFT text (Moodle), with ~ = # { } : and backslashes in article text escaped.

    \b
    Example:
      quizgen export gift --out questions.txt
    """
    from quizgen.export.lms.gift import gift as gift_text
    from quizgen.export.output import write_output

    refuse_json_to_stdout(json, out_path)
    selection, titles = _items(ctx, article_ids)
    write_output(
        out_path,
        gift_text(selection.items, category=category, titles=titles, seed=seed).encode("utf-8"),
        default_name=GIFT_OUT,
    )
    _written(selection, out_path, json=json)


def qti(
    ctx: typer.Context,
    article_ids: ArticleIds = None,
    out_path: Annotated[str, _out(QTI_OUT)] = QTI_OUT,
    title: Annotated[str, typer.Option("--title", help="The quiz's title in the platform.")] = "quizgen",
    seed: Seed = 0,
    json: JsonSummary = False,
) -> None:
    """Write a QTI 1.2 package (.zip) as Canvas imports it (Settings, Import course content, QTI .zip).

    \b
    Example:
      quizgen export qti --title "World news" --out news-qti.zip
    """
    from quizgen.export.lms.qti import qti_zip
    from quizgen.export.output import write_output

    refuse_json_to_stdout(json, out_path)
    selection, _ = _items(ctx, article_ids)
    write_output(out_path, qti_zip(selection.items, title=title, seed=seed), default_name=QTI_OUT)
    _written(selection, out_path, json=json)


def kahoot(
    ctx: typer.Context,
    article_ids: ArticleIds = None,
    out_path: Annotated[str, _out(KAHOOT_OUT)] = KAHOOT_OUT,
    time_limit: Annotated[
        int, typer.Option("--time-limit", help="Seconds per question (5, 10, 20, 30, 60, 90, 120 or 240).")
    ] = 20,
    seed: Seed = 0,
    json: JsonSummary = False,
) -> None:
    """Write Kahoot's quiz spreadsheet (.xlsx): multiple-choice and true/false items within its
    120-character question and 75-character answer limits; every other item is listed as skipped, with
    the reason, and counted by reason.

    \b
    Example:
      quizgen export kahoot --out kahoot.xlsx
    """
    from quizgen.export.lms.kahoot import kahoot_xlsx
    from quizgen.export.output import write_output

    refuse_json_to_stdout(json, out_path)
    selection, _ = _items(ctx, article_ids)
    data, skipped = kahoot_xlsx(selection.items, time_limit=time_limit, seed=seed)
    kept = len(selection.items) - len(skipped)
    if not kept:
        from quizgen.export import ExportError

        raise ExportError("no item fits Kahoot (multiple choice or true/false within its limits); nothing written")
    write_output(out_path, data, default_name=KAHOOT_OUT)
    _written(
        selection,
        out_path,
        json=json,
        text=f" ({kept} in the sheet, {len(skipped)} skipped)" + _skipped_lines(skipped),
        in_sheet=kept,
        skipped=[{"id": item.id, "key": item.key, "kind": item.kind, "reason": reason} for item, reason in skipped],
    )


def _skipped_lines(skipped: list[tuple[Any, str]]) -> str:
    """A line for each item left out, with its reason, then how many each reason left out."""
    if not skipped:
        return ""
    lines = [f"  skipped item {item.id}: {reason}" for item, reason in skipped]
    counts = Counter(reason for _, reason in skipped).most_common()
    lines.append("skipped: " + ", ".join(f"{reason} ({count})" for reason, count in counts))
    return "\n" + "\n".join(lines)
