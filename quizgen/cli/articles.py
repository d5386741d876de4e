"""``quizgen articles``: list, show and remove stored articles."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from quizgen.cli.context import open_store
from quizgen.cli.render import local_time, out, print_json

app = typer.Typer(help="List, show and remove stored articles.", no_args_is_help=True)

ArticleId = Annotated[int, typer.Argument(metavar="ID", help="Article id, from: quizgen articles list")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


# What a deck shows for its source: it holds no text, only a teacher's own items.
DECK = "deck of your own items"


@app.command("list")
def list_articles(ctx: typer.Context, json: Json = False) -> None:
    """List stored articles, and decks of your own items, with their number of items.

    \b
    Example:
      quizgen articles list --json
    """
    with open_store(ctx) as store:
        summaries = store.articles()
    if json:
        print_json(summaries)
        return
    if not summaries:
        out.print("No articles stored yet. Add some with: quizgen add PATH")
        return
    table = Table(box=None, pad_edge=False)
    table.add_column("id", justify="right", no_wrap=True, min_width=2)
    table.add_column("title", min_width=24)
    table.add_column("items", justify="right", no_wrap=True, min_width=5)
    table.add_column("added", no_wrap=True, min_width=16)
    table.add_column("source", overflow="fold", max_width=40)
    for s in summaries:
        source = DECK if s.kind == "deck" else escape(s.source)
        table.add_row(str(s.id), escape(s.title), str(s.items), local_time(s.added_at), source)
    out.print(table)


@app.command("show")
def show(ctx: typer.Context, article_id: ArticleId, json: Json = False) -> None:
    """Show one article: its details and full text.

    \b
    Example:
      quizgen articles show 1
    """
    with open_store(ctx) as store:
        article = store.article(article_id)
        items = store.count_items(article_id)
    details = {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "language": article.language,
        "added_at": article.added_at,
        "content_hash": article.content_hash,
        "words": len(article.text.split()),
        "items": items,
        "kind": article.kind,
    }
    if json:
        print_json({**details, "text": article.text})
        return
    out.print(f"[bold]{escape(article.title)}[/]")
    if article.kind == "deck":
        out.print(f"deck {article.id} · {items} items · added {local_time(article.added_at)} · {DECK}", style="dim")
        out.print(f"Add to it with: quizgen items add --deck {escape(_quoted(article.title))}, or: quizgen import FILE")
        return
    out.print(
        f"article {article.id} · {details['words']} words · {items} items · "
        f"added {local_time(article.added_at)} · {escape(article.source)}",
        style="dim",
    )
    out.print()
    sys.stdout.flush()
    out.print(escape(article.text))


@app.command("remove")
def remove(
    ctx: typer.Context,
    article_id: ArticleId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    json: Json = False,
) -> None:
    """Remove an article with its items and their review history.

    \b
    Example:
      quizgen articles remove 3 --yes
    """
    with open_store(ctx) as store:
        article = store.article(article_id)
        if not yes:
            items = store.count_items(article_id)
            typer.confirm(
                f"Remove article {article.id} ({article.title}) and its {items} items?",
                abort=True,
                err=True,
            )
        removed, items = store.remove_article(article_id)
    if json:
        print_json({"id": removed.id, "title": removed.title, "items": items})
        return
    out.print(f"removed article {removed.id}: {escape(removed.title)} ({items} items)")


def _quoted(name: str) -> str:
    """A deck's name as a shell word."""
    import shlex

    return shlex.quote(name)
