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
    from quizgen.export import ExportError
    from quizgen.export.print.worksheet import sheet
    from quizgen.export.selection import select_items
    from quizgen.forms.siblings import one_per_fact

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use pdf, typ, docx or md")
    with open_store(ctx) as store:
        selection = select_items(store, article_ids)
    items = one_per_fact(selection.items)
    if title is None:
        titles = [selection.articles[i].title for i in dict.fromkeys(item.article_id for item in items)]
        title = titles[0] if len(titles) == 1 else "Quiz"
    made = sheet(items, title=title, versions=versions, seed=seed, points=max(points, 1), show_points=points > 0)
    target = Path(out_path)
    written: list[Path] = []
    letters = [v.letter for v in made.versions] if separate else [None]
    for letter in letters:
        stem = target.with_suffix("").name + (f"-{letter}" if letter else "")
        for part, data in (("", made.data(keys=False, only=letter)), ("-key", made.data(worksheets=False, only=letter))):
            path = target.with_name(f"{stem}{part}.{fmt}")
            try:
                _write(path, fmt, data)
            except OSError as exc:
                raise ExportError(f"{path}: cannot write it ({exc.strerror or exc}); choose another --out") from exc
            written.extend([path.with_suffix(".json"), path] if fmt == "typ" else [path])
    out.print(
        f"{len(items)} questions ({selection.describe()}), {versions} version{'s' if versions != 1 else ''}: "
        + ", ".join(str(p) for p in written)
    )


def _write(path: Path, fmt: str, data: dict) -> None:
    from quizgen.export.print.markdown import markdown
    from quizgen.export.print.pdf import pdf, typst_source

    if fmt == "pdf":
        path.write_bytes(pdf(data))
    elif fmt == "docx":
        from quizgen.export.print.docx import docx

        path.write_bytes(docx(data))
    elif fmt == "md":
        path.write_text(markdown(data), encoding="utf-8")
    else:
        import json

        data_path = path.with_suffix(".json")
        data_path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        path.write_text(typst_source(data_path.name), encoding="utf-8")
