"""``quizgen generate``: turn stored articles into stored items."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from contextlib import closing
from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.markup import escape

from quizgen.cli.context import open_store, options
from quizgen.cli.render import out, progress, warn

if TYPE_CHECKING:
    from quizgen.store.models import Article

# Articles whose items are stored in one transaction: an interrupted run keeps
# every batch it finished and nothing of the one it was in.
ARTICLES_PER_COMMIT = 16


def generate(
    ctx: typer.Context,
    article_ids: Annotated[
        Optional[list[int]],
        typer.Argument(metavar="[ARTICLE]...", help="Article ids (default: every stored article).", show_default=False),
    ] = None,
    limit: Annotated[
        Optional[int],
        typer.Option("--limit", "-n", min=1, help="Items per article (default: one per 40 words, at least 3)."),
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes for the analysis.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, only the summary.")] = False,
    distractors: Annotated[
        int, typer.Option("--distractors", "-d", min=0, help="Wrong options per multiple-choice item (0: none).")
    ] = 3,
    seed: Annotated[int, typer.Option("--seed", help="Seed for the random choices (distractors, true or false).")] = 0,
) -> None:
    """Generate questions for stored articles and store them as draft items.

    Besides questions and clozes, each article gets multiple-choice items (for
    answers with a full set of distractors), true/false statements and a
    matching set. Regenerating keeps items you approved, edited or rejected,
    updates drafts in place (same key, same review history) and removes
    drafts no longer made. Items are stored every 16 articles: an interrupted
    run keeps what it stored, and running it again finishes the rest.

    \b
    Example:
      quizgen generate 1 --limit 10
    """
    from quizgen.analyze import analyze
    from quizgen.generation import items_from_doc

    with open_store(ctx) as store:
        ids = store.article_ids(article_ids or None)
        if not ids:
            out.print("No articles stored yet. Add some with: quizgen add PATH")
            return
        corpus = store.names()
        # Articles are read a page at a time and parsed as they come; the
        # parser reads ahead, and this queue keeps each one for its document.
        waiting: deque[Article] = deque()

        def texts() -> Iterator[str]:
            for article in store.stream_articles(ids):
                waiting.append(article)
                yield article.text

        totals = dict.fromkeys(("added", "updated", "unchanged", "kept", "removed"), 0)
        batch: list[tuple[Article, list]] = []

        def save() -> None:
            reports = store.save_batch([(article.id, items) for article, items in batch])
            for (article, items), report in zip(batch, reports):
                for name in totals:
                    totals[name] += getattr(report, name)
                if quiet:
                    continue
                if not items:
                    out.print(
                        f"article {article.id}: no items - nothing in it that quizgen can ask about "
                        f"(it needs full sentences with names, numbers, dates or facts) - {escape(article.title)}"
                    )
                else:
                    out.print(
                        f"article {article.id}: {len(items)} items ({_counts(asdict(report))}) - {escape(article.title)}"
                    )
            batch.clear()

        with (
            progress("generating", len(ids), unit="articles", enabled=not quiet) as advance,
            closing(analyze(texts(), model=options(ctx).model, n_process=jobs)) as docs,
        ):
            for doc in docs:
                article = waiting.popleft()
                items = items_from_doc(doc, limit=limit, distractors=distractors, corpus=corpus, seed=seed)
                if len(doc.text) < len(article.text):
                    warn(
                        f"article {article.id}: only its first {len(doc.text):,} of {len(article.text):,} characters "
                        "were analysed; split it into several articles to use it all"
                    )
                batch.append((article, items))
                if len(batch) >= ARTICLES_PER_COMMIT:
                    save()
                advance(1)
            save()
    out.print(f"{len(ids)} article{'s' if len(ids) != 1 else ''}: {_counts(totals)}")


def _counts(counts: dict[str, int]) -> str:
    return (
        f"{counts['added']} new, {counts['updated']} updated, {counts['unchanged']} unchanged, "
        f"{counts['kept']} kept as curated, {counts['removed']} removed"
    )
