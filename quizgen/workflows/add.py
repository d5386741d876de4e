"""``quizgen add`` as a call: article files read, checked and stored.

ingest -> store, in batches: the articles are stored a batch at a time, a
transaction each, as they are read. An article that cannot be read or is not
in English is reported in its place and the rest go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from quizgen.errors import ArticleError
from quizgen.ingest import DEFAULT_MAX_BYTES, ArticleText, discover, read_all
from quizgen.ingest.fetch import is_url
from quizgen.ingest.language import refusal

if TYPE_CHECKING:
    from quizgen.store import Store

# A batch of ``add_articles`` is stored when it holds this many articles or
# this much text, whichever comes first.
ARTICLES_PER_COMMIT = 100
CHARACTERS_PER_COMMIT = 4_000_000


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


def add_articles(
    store: Store,
    paths: Iterable[str | Path | ArticleError],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch: int = ARTICLES_PER_COMMIT,
    refetch: bool = False,
) -> Iterator[IngestOutcome]:
    """Read and store the articles named by ``paths``, one outcome per input, in order.

    Articles are stored a batch at a time, each batch one transaction of at
    most ``batch`` articles or a few megabytes of text, so a large folder goes
    through in bounded memory and an interrupted run keeps every finished batch.
    """
    pending: list[IngestOutcome | ArticleText] = []
    size = 0
    for read in _read_new(store, paths, max_bytes=max_bytes, refetch=refetch):
        if isinstance(read, IngestOutcome):
            pending.append(read)
        elif isinstance(read, ArticleError):
            pending.append(IngestOutcome(source=read.source, status="failed", reason=read.reason))
        else:
            reason = refusal(read.text)
            if reason is None:
                pending.append(read)
                size += len(read.text)
            else:
                pending.append(IngestOutcome(source=read.source, status="failed", reason=reason))
        if len(pending) >= batch or size >= CHARACTERS_PER_COMMIT:
            yield from _store(store, pending)
            pending, size = [], 0
    yield from _store(store, pending)


def _read_new(
    store: Store, paths: Iterable[str | Path | ArticleError], *, max_bytes: int, refetch: bool
) -> Iterator[ArticleText | ArticleError | IngestOutcome]:
    """What ``read_all`` reads, but a web address already stored is not fetched
    again (unless ``refetch``): its stored article is reported instead."""
    for found in discover(paths):
        if isinstance(found, str) and is_url(found) and not refetch:
            article = store.article_from(found)
            if article is not None:
                yield IngestOutcome(
                    source=found,
                    status="exists",
                    article_id=article.id,
                    title=article.title,
                    words=len(article.text.split()),
                )
                continue
        yield from read_all([found], max_bytes=max_bytes)


def _store(store: Store, pending: list[IngestOutcome | ArticleText]) -> Iterator[IngestOutcome]:
    reads = [p for p in pending if not isinstance(p, IngestOutcome)]
    stored = iter(store.save_articles(reads))
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
