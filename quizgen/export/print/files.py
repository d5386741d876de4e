"""``quizgen export print`` as a call: stored items to worksheet and key files.

store -> selection -> one form per fact -> :mod:`worksheet` (the layout as
data) -> PDF, Typst, Word or Markdown files, written all or none.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen.errors import UsageError

if TYPE_CHECKING:
    from quizgen.export.selection import Selection
    from quizgen.store import Store

FORMATS = ("pdf", "typ", "docx", "md")


@dataclass(frozen=True)
class PrintedSheets:
    """What :func:`print_worksheets` wrote."""

    files: list[Path]
    questions: int  # on each version
    versions: int
    selection: Selection  # the items it chose from


def print_worksheets(
    store: Store,
    article_ids: Sequence[int] | None = None,
    *,
    out: str | Path = "worksheet.pdf",
    fmt: str = "pdf",
    versions: int = 1,
    seed: int = 0,
    title: str | None = None,
    points: int = 1,
    separate: bool = False,
) -> PrintedSheets:
    """Write a worksheet and its answer key, in ``versions`` shuffled versions.

    Each fact is asked once, in a mix of question types; questions and options
    are shuffled per version from ``seed``. The key goes next to ``out`` as
    ``FILE-key``; with ``separate``, each version gets files of its own
    (``FILE-A``, ``FILE-A-key``, ...). ``title`` defaults to the article's
    title when there is one article, else "Quiz"; ``points`` 0 hides points.
    ``fmt`` is pdf, typ (Typst source and its JSON data), docx or md.
    """
    from quizgen.export.output import write_files
    from quizgen.export.print.worksheet import sheet
    from quizgen.export.selection import select_items
    from quizgen.forms.siblings import one_per_fact

    target = checked_target(out, fmt)
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
        for part, data in (
            ("", made.data(keys=False, only=letter)),
            ("-key", made.data(worksheets=False, only=letter)),
        ):
            files.extend(render(target.with_name(f"{stem}{part}.{fmt}"), fmt, data))
    write_files(files)
    return PrintedSheets(
        files=[path for path, _ in files], questions=len(items), versions=versions, selection=selection
    )


def checked_target(out: str | Path, fmt: str) -> Path:
    """The worksheet's path, once ``fmt`` is known and ``out`` is no directory:
    a command checks this before it opens the store."""
    from quizgen.export.output import refuse_directory

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use pdf, typ, docx or md")
    target = Path(out)
    refuse_directory(target, f"worksheet.{fmt}")
    return target


def render(path: Path, fmt: str, data: dict) -> list[tuple[Path, bytes]]:
    """The files of one worksheet or key: the document, or Typst source with its data."""
    if fmt == "pdf":
        from quizgen.export.print.pdf import pdf

        return [(path, pdf(data))]
    if fmt == "docx":
        from quizgen.export.print.docx import docx

        return [(path, docx(data))]
    if fmt == "md":
        from quizgen.export.print.markdown import markdown

        return [(path, markdown(data).encode("utf-8"))]
    from quizgen.export.print.pdf import typst_source

    data_path = path.with_suffix(".json")
    return [
        (data_path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")),
        (path, typst_source(data_path.name).encode("utf-8")),
    ]
