"""``quizgen export print`` as a call: stored items to worksheet and key files.

store -> selection -> one form per fact, none giving another away ->
:mod:`worksheet` (the layout as data) -> PDF, Typst, Word or Markdown files,
written all or none.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from quizgen.errors import UsageError

if TYPE_CHECKING:
    from quizgen.export.print.worksheet import Source
    from quizgen.export.selection import Selection
    from quizgen.item import Item
    from quizgen.store import Article, ItemRecord, Store

# A worksheet is asked of stored items, and of generated ones in a library call.
Asked = TypeVar("Asked", "ItemRecord", "Item")

FORMATS = ("pdf", "typ", "docx", "md")


@dataclass(frozen=True)
class PrintedSheets:
    """What :func:`print_worksheets` wrote."""

    files: list[Path]
    questions: int  # on each version
    versions: int
    selection: Selection  # the items it chose from
    left_out: int = 0  # questions whose stem showed another's answer, or whose answer another's stem showed


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
    paper: str = "a4",
    with_text: bool = False,
    excerpt: int | None = None,
) -> PrintedSheets:
    """Write a worksheet and its answer key, in ``versions`` shuffled versions.

    Each fact is asked once, in a mix of question types, and no question's
    stem shows another's answer; the questions of each article stand under
    its title, in article order, and are shuffled within it per version from
    ``seed``, as are the options. With ``with_text`` each article's text comes
    before its questions; ``excerpt`` N prints only its first N paragraphs,
    and asks only what they say. The key goes next to ``out`` as
    ``FILE-key``; with ``separate``, each version gets files of its own
    (``FILE-A``, ``FILE-A-key``, ...). ``title`` defaults to the article's
    title when there is one article, else "Quiz"; ``points`` per question (a
    matching set's for each pair), 0 hides points. ``fmt`` is pdf, typ
    (Typst source and its JSON data), docx or md; ``paper`` a4 or letter.
    """
    from quizgen.export import ExportError
    from quizgen.export.output import write_files
    from quizgen.export.print.worksheet import DEFAULT_INSTRUCTIONS, READING_INSTRUCTIONS, sheet
    from quizgen.export.selection import select_items

    target = checked_target(out, fmt, paper)
    if excerpt is not None and excerpt < 1:
        raise UsageError(f"--excerpt {excerpt}: give a number of paragraphs, 1 or more")
    selection = select_items(store, article_ids)
    sources = {article_id: source(article, with_text, excerpt) for article_id, article in selection.articles.items()}
    offered = [item for item in selection.items if excerpt is None or told(item, sources[item.article_id])]
    if not offered:
        told_of = "paragraph" if excerpt == 1 else f"{excerpt} paragraphs"
        raise ExportError(f"no question is asked of the first {told_of}; print more with a larger --excerpt")
    items, left_out = asked_once(offered)
    if title is None:
        titles = [selection.articles[i].title for i in dict.fromkeys(item.article_id for item in items)]
        title = titles[0] if len(titles) == 1 else "Quiz"
    reading = with_text or excerpt is not None
    made = sheet(
        items,
        title=title,
        versions=versions,
        seed=seed,
        points=max(points, 1),
        show_points=points > 0,
        instructions=READING_INSTRUCTIONS if reading else DEFAULT_INSTRUCTIONS,
        sources=sources,
        paper=paper,
    )
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
        files=[path for path, _ in files],
        questions=len(items),
        versions=versions,
        selection=selection,
        left_out=left_out,
    )


def source(article: Article, with_text: bool, excerpt: int | None) -> Source:
    """How a worksheet names ``article``: its title, and, on a sheet for
    reading, its paragraphs (the first ``excerpt`` of them, where given)."""
    from quizgen.export.print.worksheet import Source

    if not with_text and excerpt is None:
        return Source(article.title)
    paragraphs = tuple(line.strip() for line in article.text.splitlines() if line.strip())
    return Source(article.title, paragraphs[:excerpt])


def told(item: ItemRecord, source: Source) -> bool:
    """Whether the paragraphs of ``source`` say what ``item`` asks: its
    sentence, or for a matching set, both sides of every pair."""
    from quizgen.normalize import contains

    text = "\n".join(source.paragraphs)
    if item.kind == "matching":
        return all(contains(text, left) and contains(text, right) for left, right in item.pairs)
    return " ".join(item.sentence.split()) in " ".join(text.split())


def asked_once(items: Sequence[Asked]) -> tuple[list[Asked], int]:
    """The items a worksheet asks, in order, and how many it leaves out for
    giving answers away. One form of each fact is asked, and no question's
    stem shows another's answer anywhere on the sheet: of two that give each
    other away, the better (higher score) stays."""
    from quizgen.forms.siblings import one_per_fact
    from quizgen.quality.giveaways import without_giveaways

    forms = one_per_fact(items)
    best_first = sorted(forms, key=lambda item: -item.score)
    kept = {id(item) for item in without_giveaways(best_first)}
    return [item for item in forms if id(item) in kept], len(forms) - len(kept)


def checked_target(out: str | Path, fmt: str, paper: str = "a4") -> Path:
    """The worksheet's path, once ``fmt`` and ``paper`` are known and ``out``
    is no directory: a command checks this before it opens the store."""
    from quizgen.export.output import refuse_directory
    from quizgen.export.print.worksheet import PAPERS

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use pdf, typ, docx or md")
    if paper not in PAPERS:
        raise UsageError(f"unknown paper {paper!r}; use {' or '.join(PAPERS)}")
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
