"""``quizgen export print``: worksheets and answer keys to print."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from quizgen.cli.context import open_store
from quizgen.cli.render import out
from quizgen.errors import UsageError

FORMATS = ("pdf", "typ", "docx", "md")


def print_sheet(
    ctx: typer.Context,
    article_ids: Annotated[
        Optional[list[int]],
        typer.Argument(metavar="[ARTICLE]...", help="Article ids (default: every stored article).", show_default=False),
    ] = None,
    versions: Annotated[int, typer.Option("--versions", "-v", min=1, max=26, help="Shuffled versions: A, B, ...")] = 1,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the shuffles; the same seed prints the same versions.")] = 0,
    title: Annotated[Optional[str], typer.Option("--title", help="Title on every page (default: the article's).")] = None,
    points: Annotated[int, typer.Option("--points", min=0, help="Points per question (0: no points shown).")] = 1,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="pdf, typ (Typst source and its data), docx or md.")
    ] = "pdf",
    out_path: Annotated[
        str, typer.Option("--out", "-o", metavar="FILE", help="Worksheet file; the key goes next to it as FILE-key.")
    ] = "worksheet.pdf",
    separate: Annotated[bool, typer.Option("--separate", help="One worksheet and one key file per version.")] = False,
) -> None:
    """Write a worksheet and a separate answer key, in shuffled versions.

    Each fact is asked once, in a mix of question types. Questions and options
    are shuffled per version from the seed, and each version's key gives its
    answers with their source sentences. Items are chosen as for:
    quizgen export anki.

    \b
    Example:
      quizgen export print 1 --versions 2 --seed 7 --title "World news quiz"
    """
    from quizgen.export.output import refuse_directory, write_files
    from quizgen.export.print.worksheet import sheet
    from quizgen.export.selection import select_items
    from quizgen.forms.siblings import one_per_fact

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use pdf, typ, docx or md")
    target = Path(out_path)
    refuse_directory(target, f"worksheet.{fmt}")
    with open_store(ctx) as store:
        selection = select_items(store, article_ids)
    items = one_per_fact(selection.items)
    if title is None:
        titles = [selection.articles[i].title for i in dict.fromkeys(item.article_id for item in items)]
        title = titles[0] if len(titles) == 1 else "Quiz"
    made = sheet(items, title=title, versions=versions, seed=seed, points=max(points, 1), show_points=points > 0)
    files: list[tuple[Path, bytes]] = []
    letters = [v.letter for v in made.versions] if separate else [None]
    for letter in letters:
        stem = target.with_suffix("").name + (f"-{letter}" if letter else "")
        for part, data in (("", made.data(keys=False, only=letter)), ("-key", made.data(worksheets=False, only=letter))):
            files.extend(_rendered(target.with_name(f"{stem}{part}.{fmt}"), fmt, data))
    write_files(files)
    out.print(
        f"{len(items)} questions ({selection.describe()}), {versions} version{'s' if versions != 1 else ''}: "
        + ", ".join(str(path) for path, _ in files)
    )


def _rendered(path: Path, fmt: str, data: dict) -> list[tuple[Path, bytes]]:
    """The files of one worksheet or key: the document, or Typst source with its data."""
    from quizgen.export.print.markdown import markdown
    from quizgen.export.print.pdf import pdf, typst_source

    if fmt == "pdf":
        return [(path, pdf(data))]
    if fmt == "docx":
        from quizgen.export.print.docx import docx

        return [(path, docx(data))]
    if fmt == "md":
        return [(path, markdown(data).encode("utf-8"))]
    import json

    data_path = path.with_suffix(".json")
    return [
        (data_path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")),
        (path, typst_source(data_path.name).encode("utf-8")),
    ]
