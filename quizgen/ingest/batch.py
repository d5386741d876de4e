"""Many paths to stored articles: the ingest step of ``quizgen add``.

Each article is read on its own, so a bad file costs only itself: it is
reported and the rest go on. The good ones are stored in batches, a
transaction each, as they are read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from quizgen.errors import ArticleError
from quizgen.ingest.article import (
    DEFAULT_MAX_BYTES,
    FORMATS,
    ArticleText,
    read_article,
    read_stream,
)

from quizgen.ingest.language import is_english

if TYPE_CHECKING:
    from quizgen.store import Store

# A batch of ``add_articles`` is stored when it holds this many articles or
# this much text, whichever comes first.
ARTICLES_PER_COMMIT = 100
CHARACTERS_PER_COMMIT = 4_000_000

# Files that sit beside articles in a folder but are not articles.
_NOT_ARTICLES = ("readme", "license", "licence", "changelog", "contributing", "notice")


@dataclass(frozen=True)
class IngestOutcome:
    """What happened to one input: added, already stored, or failed."""

    source: str
    status: Literal["added", "exists", "failed"]
    article_id: int | None = None
    title: str | None = None
    words: int = 0
    reason: str | None = None
    warnings: tuple[str, ...] = ()


def discover(paths: Iterable[str | Path | ArticleError]) -> Iterator[Path | str | ArticleError]:
    """Expand the arguments of ``quizgen add`` into article files.

    Yields a :class:`Path` per file, ``"-"`` for standard input, and an
    :class:`ArticleError` for an argument that gives no article. Directories are
    walked recursively in name order; only article types are taken from them,
    and hidden files and READMEs are left out. What it yields can be given
    to it again and comes back the same.
    """
    for raw in paths:
        if isinstance(raw, ArticleError):
            yield raw
            continue
        if str(raw) == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(_articles_under(path))
            if not found:
                yield ArticleError(
                    str(path), "no .txt, .md or .html articles in this directory"
                )
            yield from found
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield ArticleError(str(path), "no such file or directory")


def _articles_under(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = Path(root, name)
            suffix = path.suffix.lower()
            if (
                not name.startswith(".")
                and suffix in FORMATS
                and suffix
                and path.stem.lower() not in _NOT_ARTICLES
            ):
                yield path


def read_all(
    paths: Iterable[str | Path | ArticleError], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ArticleText | ArticleError]:
    """Read every article named by ``paths``; failures are yielded, not raised."""
    for found in discover(paths):
        if isinstance(found, ArticleError):
            yield found
            continue
        try:
            if found == "-":
                yield read_stream(max_bytes=max_bytes)
            else:
                yield read_article(found, max_bytes=max_bytes)
        except ArticleError as exc:
            yield exc


def add_articles(
    store: Store,
    paths: Iterable[str | Path | ArticleError],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch: int = ARTICLES_PER_COMMIT,
) -> Iterator[IngestOutcome]:
    """Read and store the articles named by ``paths``, one outcome per input, in order.

    Articles are stored a batch at a time, each batch one transaction of at
    most ``batch`` articles or a few megabytes of text, so a large folder goes
    through in bounded memory and an interrupted run keeps every finished batch.
    """
    pending: list[IngestOutcome | ArticleText] = []
    size = 0
    for read in read_all(paths, max_bytes=max_bytes):
        if isinstance(read, ArticleError):
            pending.append(IngestOutcome(source=read.source, status="failed", reason=read.reason))
        else:
            english, why = is_english(read.text)
            if english:
                pending.append(read)
                size += len(read.text)
            else:
                reason = f"not English ({why}); quizgen reads English articles only for now"
                pending.append(IngestOutcome(source=read.source, status="failed", reason=reason))
        if len(pending) >= batch or size >= CHARACTERS_PER_COMMIT:
            yield from _store(store, pending)
            pending, size = [], 0
    yield from _store(store, pending)


def _store(store: Store, pending: list[IngestOutcome | ArticleText]) -> Iterator[IngestOutcome]:
    reads = [p for p in pending if not isinstance(p, IngestOutcome)]
    stored = iter(store.add_articles(reads))
    for entry in pending:
        if isinstance(entry, IngestOutcome):
            yield entry
            continue
        article, created = next(stored)
        yield IngestOutcome(
            source=entry.source,
            status="added" if created else "exists",
            article_id=article.id,
            title=article.title,
            words=entry.words,
            warnings=entry.warnings,
        )
