"""``quizgen items``: list and show stored items."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.table import Table

from quizgen.cli.context import open_store
from quizgen.cli.render import out, print_json

app = typer.Typer(help="List and show generated items.", no_args_is_help=True)

Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _value(field: object) -> str:
    """An enum column's value: the stored string, whether or not it came back as the enum."""
    return str(getattr(field, "value", field))


def _plain(row) -> dict:
    return {**row.model_dump(warnings=False), "kind": _value(row.kind), "status": _value(row.status)}


@app.command("list")
def list_items(
    ctx: typer.Context,
    article: Annotated[Optional[int], typer.Option("--article", "-a", help="Only this article's items.")] = None,
    json: Json = False,
) -> None:
    """List items, best first within each article.

    \b
    Example:
      quizgen items list --article 1
    """
    with open_store(ctx) as store:
        rows = store.items(article)
    if json:
        print_json([_plain(r) for r in rows])
        return
    if not rows:
        out.print("No items yet. Make some with: quizgen generate")
        return
    table = Table(box=None, pad_edge=False)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("art.", justify="right", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("question", min_width=30)
    table.add_column("answer", min_width=12)
    for r in rows:
        table.add_row(str(r.id), str(r.article_id), _value(r.kind), _value(r.status), escape(r.prompt), escape(r.answer))
    out.print(table)


@app.command("show")
def show(
    ctx: typer.Context,
    item_id: Annotated[int, typer.Argument(metavar="ID", help="Item id, from: quizgen items list")],
    json: Json = False,
) -> None:
    """Show one item with its source sentence and the reasons for its score.

    \b
    Example:
      quizgen items show 3 --json
    """
    with open_store(ctx) as store:
        row = store.item(item_id)
        article = store.article(row.article_id)
    if json:
        print_json(_plain(row))
        return
    out.print(f"[bold]{escape(row.prompt)}[/]")
    if _value(row.kind) == "multiple_choice":
        from quizgen.forms.options import shuffled_options

        options, correct = shuffled_options(row.key, row.answer, row.distractors)
        for letter, option in zip("ABCDEFGHIJ", options):
            out.print(f"  {letter}. {escape(option)}{'   (correct)' if option == options[correct] else ''}")
    for left, right in row.pairs:
        out.print(f"  {escape(left)}  ->  {escape(right)}")
    if not row.pairs:
        out.print(f"answer:   {escape(row.answer)}")
    if row.distractors and _value(row.kind) in ("wh", "cloze"):
        out.print(f"wrong:    {escape(', '.join(row.distractors))}")
    if row.accepted_answers:
        out.print(f"also:     {escape(', '.join(row.accepted_answers))}")
    out.print(f"source:   {escape(row.sentence)}")
    out.print(f"article:  {article.id} - {escape(article.title)}")
    out.print(f"kind:     {_value(row.kind)} ({escape(row.rule)}), {_value(row.status)}, score {row.score:.2f}")
    out.print(f"reasons:  {escape('; '.join(row.reasons))}")
    out.print(f"key:      {row.key}")
