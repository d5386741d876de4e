"""``quizgen generate``: turn stored articles into stored items."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Annotated, Optional

import typer
from rich.markup import escape

from quizgen.cli.context import open_store, options
from quizgen.cli.render import out, warn


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
    drafts no longer made.

    \b
    Example:
      quizgen generate 1 --limit 10
    """
    from quizgen.analyze import analyze
    from quizgen.items import items_from_doc

    with open_store(ctx) as store:
        articles = store.fetch_articles(article_ids or None)
        if not articles:
            out.print("No articles stored yet. Add some with: quizgen add PATH")
            return
        corpus = store.names()
        docs = analyze((a.text for a in articles), model=options(ctx).model, n_process=jobs)
        show_progress = not quiet and len(articles) > 1 and sys.stderr.isatty()
        totals = {"added": 0, "updated": 0, "unchanged": 0, "kept": 0, "removed": 0}
        with _progress(show_progress, len(articles)) as advance:
            for article, doc in zip(articles, docs):
                items = items_from_doc(doc, limit=limit, distractors=distractors, corpus=corpus, seed=seed)
                if len(doc.text) < len(article.text):
                    warn(
                        f"article {article.id}: only its first {len(doc.text):,} of {len(article.text):,} characters "
                        "were analysed; split it into several articles to use it all"
                    )
                report = store.save_items(article.id, items)
                for name in totals:
                    totals[name] += getattr(report, name)
                if not quiet and not items:
                    out.print(
                        f"article {article.id}: no items - nothing in it that quizgen can ask about "
                        f"(it needs full sentences with names, numbers, dates or facts) - {escape(article.title)}"
                    )
                elif not quiet:
                    out.print(
                        f"article {article.id}: {len(items)} items ({_counts(asdict(report))}) - {escape(article.title)}"
                    )
                advance()
    out.print(f"{len(articles)} article{'s' if len(articles) != 1 else ''}: {_counts(totals)}")


def _counts(counts: dict[str, int]) -> str:
    return (
        f"{counts['added']} new, {counts['updated']} updated, {counts['unchanged']} unchanged, "
        f"{counts['kept']} kept as curated, {counts['removed']} removed"
    )


@contextmanager
def _progress(enabled: bool, total: int) -> Iterator[Callable[[], None]]:
    """A rich progress bar on stderr, or nothing; yields the function that advances it."""
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "generating", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=Console(stderr=True)
    ) as bar:
        task = bar.add_task("generate", total=total)
        yield lambda: bar.advance(task)
