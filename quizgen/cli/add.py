"""``quizgen add``: store articles from files, directories or standard input."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from quizgen.cli.context import open_store
from quizgen.cli.render import JsonSummary, error, out, progress, summary, warn
from quizgen.ingest import DEFAULT_MAX_BYTES, discover, parse_size
from quizgen.ingest.article import format_size
from quizgen.workflows.add import add_articles


def add(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="Article files (.txt, .md, .html, .pdf, .docx), directories (searched recursively), web pages or "
            "RSS/Atom feeds (http:// or https://), or - for standard input.",
            show_default=False,
        ),
    ],
    max_size: Annotated[
        str,
        typer.Option(
            "--max-size",
            metavar="SIZE",
            envvar="QUIZGEN_MAX_SIZE",
            help="Skip files larger than this, e.g. 5MB or 500kB.",
        ),
    ] = format_size(DEFAULT_MAX_BYTES).replace(" ", ""),
    refetch: Annotated[
        bool, typer.Option("--refetch", help="Fetch web pages again even when their address is already stored.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar; print only failures and the summary.")
    ] = False,
    json: JsonSummary = False,
) -> int:
    """Store articles. Identical text is stored once; bad files are skipped and reported.

    The title is the first line of a text file, the first heading of a Markdown
    file or the <title> of an HTML page. Articles are stored 100 at a time, so
    an interrupted run keeps what it stored. Exits 1 if any file failed.

    \b
    A web page is fetched (20 s time limit) and stored with its address as
    its source; an address already stored is not fetched again unless
    --refetch is given. A feed adds the article of each of its entries.

    \b
    Example:
      quizgen add seeds/ notes/budget.md
      quizgen add https://example.org/news/story.html
    """
    limit = parse_size(max_size)
    counts = {"added": 0, "exists": 0, "failed": 0}
    outcomes = []
    found = list(discover(paths))
    with (
        open_store(ctx) as store,
        progress("adding", len(found), unit="files", enabled=not quiet) as advance,
    ):
        for outcome in add_articles(store, found, max_bytes=limit, refetch=refetch):
            advance(1)
            counts[outcome.status] += 1
            outcomes.append(outcome)
            for warning in outcome.warnings:
                warn(warning)
            if outcome.status == "failed":
                error(f"{outcome.source}: {outcome.reason}")
            elif not (quiet or json):
                verb = "added" if outcome.status == "added" else "exists"
                out.print(
                    f"{verb:<7} {escape(outcome.source)} -> article {outcome.article_id}: "
                    f"{escape(outcome.title or '')} ({outcome.words} word{'' if outcome.words == 1 else 's'})"
                )
    summary(
        {**counts, "inputs": outcomes},
        f"{counts['added']} added, {counts['exists']} already stored, {counts['failed']} failed",
        json=json,
    )
    return 1 if counts["failed"] else 0
