"""``quizgen generate`` as a call: stored articles to stored items.

store -> analysis -> generation -> store. Article ids are read first, then the
articles a page at a time; they are parsed as they come (in several processes
with ``jobs``) and their items stored a batch of articles at a time, one
transaction each. An interrupted run (Ctrl-C) keeps every batch it finished
and nothing of the one it was in; running it again finishes the rest.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizgen.item import Item
    from quizgen.store import Store
    from quizgen.store.database import SaveReport
    from quizgen.store.models import Article

# Articles whose items are stored in one transaction.
ARTICLES_PER_COMMIT = 16


@dataclass(frozen=True)
class GenerateOutcome:
    """What generating one article's items did."""

    article_id: int
    title: str
    items: int  # generated and kept
    held: int  # generated but predicted unacceptable, so not stored
    report: SaveReport  # what storing them did: added, updated, unchanged, kept, removed
    long_sentences: int  # sentences too long to ask about, skipped
    stored: int  # articles whose items this run has stored so far, this one's batch included


def generate_items(
    store: Store,
    article_ids: Sequence[int] | None = None,
    *,
    limit: int | None = None,
    distractors: int = 3,
    seed: int = 0,
    jobs: int = 1,
    model: str | None = None,
    batch: int = ARTICLES_PER_COMMIT,
    threshold: float | None = None,
) -> Iterator[GenerateOutcome]:
    """Generate and store the items of the articles named (default: every
    stored article), yielding an outcome per article, in order, once its
    batch is stored.

    Decks, which hold a teacher's own items and no text, are passed over.
    Regenerating keeps items that were approved, edited or rejected, updates
    drafts in place (same key, same review history) and removes drafts no
    longer made. An article's items depend on its text, ``seed`` and the
    options alone, never on the other articles or items in the store, so
    running this again on an unchanged store changes nothing. Only items the
    quality model predicts acceptable are stored, unless ``threshold`` says
    otherwise (0: every item).
    Raises :class:`~quizgen.errors.NotFound` for an unknown article id.
    """
    from quizgen.analyze import analyze
    from quizgen.facts import long_sentences
    from quizgen.generation import items_from_doc, kept
    from quizgen.store.models import ArticleKind

    ids = store.article_ids(list(article_ids) if article_ids else None, kind=ArticleKind.article)
    if not ids:
        return
    # The parser reads ahead; this queue keeps each article for its document.
    waiting: deque[Article] = deque()

    def texts() -> Iterator[str]:
        for article in store.stream_articles(ids):
            waiting.append(article)
            yield article.text

    pending: list[tuple[Article, list[Item], int, int]] = []
    stored = 0
    with closing(analyze(texts(), model=model, n_process=jobs)) as docs:
        for doc in docs:
            article = waiting.popleft()
            made = items_from_doc(
                doc, limit=limit, distractors=distractors, seed=seed, threshold=0.0, model=model, title=article.title
            )
            items = kept(made, threshold)
            pending.append((article, items, len(made) - len(items), long_sentences(doc)))
            if len(pending) >= batch:
                yield from _save(store, pending, stored)
                stored += len(pending)
                pending = []
        yield from _save(store, pending, stored)


def _save(store: Store, pending: list[tuple[Article, list[Item], int, int]], stored: int) -> Iterator[GenerateOutcome]:
    """Store a batch of articles' items in one transaction, then yield their outcomes;
    ``stored`` articles of the run were stored before it."""
    from quizgen.store import stored_id

    if not pending:
        return
    reports = store.save_batch([(stored_id(article), items) for article, items, _, _ in pending])
    for (article, items, held, long), report in zip(pending, reports):
        yield GenerateOutcome(
            article_id=stored_id(article),
            title=article.title,
            items=len(items),
            held=held,
            report=report,
            long_sentences=long,
            stored=stored + len(pending),
        )
