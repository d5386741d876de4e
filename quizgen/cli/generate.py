"""``quizgen generate``: turn stored articles into stored items."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from quizgen.cli.context import open_store, options
from quizgen.cli.render import JsonSummary, error, out, progress, summary

if TYPE_CHECKING:
    from quizgen.workflows.generate import GenerateOutcome


def generate(
    ctx: typer.Context,
    article_ids: Annotated[
        list[int] | None,
        typer.Argument(metavar="[ARTICLE]...", help="Article ids (default: every stored article).", show_default=False),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-n", min=1, help="Items per article (default: one per 40 words, at least 3)."),
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes for the analysis.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, only the summary.")] = False,
    distractors: Annotated[
        int, typer.Option("--distractors", "-d", min=0, help="Wrong options per multiple-choice item (0: none).")
    ] = 3,
    seed: Annotated[int, typer.Option("--seed", help="Seed for the random choices (distractors, true or false).")] = 0,
    threshold: Annotated[
        float | None,
        typer.Option(
            "--threshold",
            min=0.0,
            max=1.0,
            help="Keep items whose predicted chance of being printed unchanged is at least this "
            "(default: the quality model's own threshold).",
            show_default=False,
        ),
    ] = None,
    keep_all: Annotated[
        bool, typer.Option("--all", help="Keep every item, ranked by predicted quality, for curation.")
    ] = False,
    json: JsonSummary = False,
) -> None:
    """Generate questions for stored articles and store them as draft items.

    Only items that a strict teacher is predicted to print unchanged are kept;
    each item's score is that prediction. --all keeps the rest too, ranked,
    to curate with `quizgen items`.

    Besides questions and clozes, each article gets multiple-choice items (for
    answers with a full set of distractors), true/false statements and a
    matching set. Regenerating keeps items you approved, edited or rejected,
    updates drafts in place (same key, same review history) and removes
    drafts no longer made; an article's items depend on its text and these
    options alone, so regenerating an unchanged store changes nothing. Items
    are stored every 16 articles: an interrupted run keeps what it stored, says
    how many articles that is, and running it again finishes the rest.

    \b
    Example:
      quizgen generate 1 --limit 10
    """
    from quizgen.facts import MAX_SENTENCE_WORDS
    from quizgen.store.models import ArticleKind
    from quizgen.workflows.generate import generate_items

    totals = dict.fromkeys(("added", "updated", "unchanged", "kept", "removed"), 0)
    long_sentences = 0
    articles: list[dict[str, Any]] = []
    ids: list[int] = []
    stored = 0  # articles whose items are stored
    try:
        with open_store(ctx) as store:
            ids = store.article_ids(article_ids or None, kind=ArticleKind.article)
            if not ids:
                summary(
                    {**totals, "long_sentences": 0, "articles": []},
                    "Nothing to generate from: these are decks of your own items, which have no text."
                    if article_ids
                    else "No articles stored yet. Add some with: quizgen add PATH",
                    json=json,
                )
                return
            outcomes = generate_items(
                store,
                ids,
                limit=limit,
                distractors=distractors,
                seed=seed,
                jobs=jobs,
                model=options(ctx).model,
                threshold=0.0 if keep_all else threshold,
            )
            with progress("generating", len(ids), unit="articles", enabled=not quiet) as advance:
                for outcome in outcomes:
                    advance(1)
                    report = asdict(outcome.report)
                    for name in totals:
                        totals[name] += report[name]
                    long_sentences += outcome.long_sentences
                    stored = outcome.stored
                    articles.append(_article_summary(outcome, report))
                    if not (quiet or json):
                        out.print(_article_line(outcome, report))
    except KeyboardInterrupt:
        error(
            f"interrupted: items of {stored} of {len(ids)} article{'s' if len(ids) != 1 else ''} kept; "
            "run generate again to finish the rest"
        )
        raise typer.Exit(130) from None
    skipped = (
        f"; {long_sentences} sentence{'s' if long_sentences != 1 else ''} of over {MAX_SENTENCE_WORDS} words skipped"
        if long_sentences
        else ""
    )
    summary(
        {**totals, "long_sentences": long_sentences, "articles": articles},
        f"{len(ids)} article{'s' if len(ids) != 1 else ''}: {_counts(totals)}{skipped}",
        json=json,
    )


def _article_summary(outcome: GenerateOutcome, report: dict[str, int]) -> dict[str, Any]:
    """What generating one article did, for --json."""
    return {
        "article_id": outcome.article_id,
        "title": outcome.title,
        "items": outcome.items,
        "held": outcome.held,
        **report,
        "long_sentences": outcome.long_sentences,
    }


def _article_line(outcome: GenerateOutcome, report: dict[str, int]) -> str:
    """What generating one article did, as a line for people (rich markup)."""
    if not outcome.items and outcome.held:
        return (
            f"article {outcome.article_id}: no items - none of its {outcome.held} is predicted "
            f"acceptable; see them ranked with: quizgen generate {outcome.article_id} --all "
            f"- {escape(outcome.title)}"
        )
    if not outcome.items:
        return (
            f"article {outcome.article_id}: no items - nothing in it that quizgen can ask about "
            f"(it needs full sentences with names, numbers, dates or facts) - {escape(outcome.title)}"
        )
    held = f", {outcome.held} held back" if outcome.held else ""
    return (
        f"article {outcome.article_id}: {outcome.items} item{'s' if outcome.items != 1 else ''} "
        f"({_counts(report)}{held}) - {escape(outcome.title)}"
    )


def _counts(counts: dict[str, int]) -> str:
    return (
        f"{counts['added']} new, {counts['updated']} updated, {counts['unchanged']} unchanged, "
        f"{counts['kept']} kept as curated, {counts['removed']} removed"
    )
