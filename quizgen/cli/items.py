"""``quizgen items``: list, show and curate stored items (approve, reject, edit, review)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.markup import escape
from rich.table import Table

from quizgen.cli.context import open_store
from quizgen.cli.render import out, print_json
from quizgen.errors import QuizgenError

if TYPE_CHECKING:
    from quizgen.authored import AuthoredItem

app = typer.Typer(help="List, show and curate generated items.", no_args_is_help=True)

Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
T = TypeVar("T")


@app.command("list")
def list_items(
    ctx: typer.Context,
    article: Annotated[int | None, typer.Option("--article", "-a", help="Only this article's items.")] = None,
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
        print_json([r.model_dump(warnings=False) for r in rows])
        return
    if not rows:
        out.print("No items yet. Make some with: quizgen generate")
        return
    table = Table(box=None, pad_edge=False)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("art.", justify="right", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("status", no_wrap=True)
    # The quality model's predicted chance that a teacher prints the item unchanged.
    table.add_column("good", justify="right", no_wrap=True)
    table.add_column("question", min_width=30)
    table.add_column("answer", min_width=12)
    for r in rows:
        table.add_row(
            str(r.id), str(r.article_id), r.kind, r.status, f"{r.score:.0%}", escape(r.prompt), escape(r.answer)
        )
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
        print_json(row.model_dump(warnings=False))
        return
    out.print(f"[bold]{escape(row.prompt)}[/]")
    if row.kind == "multiple_choice":
        from quizgen.forms.options import shuffled_options

        options, correct = shuffled_options(row.key, row.answer, row.distractors)
        for letter, option in zip("ABCDEFGHIJ", options):
            out.print(f"  {letter}. {escape(option)}{'   (correct)' if option == options[correct] else ''}")
    for left, right in row.pairs:
        out.print(f"  {escape(left)}  ->  {escape(right)}")
    if not row.pairs:
        out.print(f"answer:   {escape(row.answer)}")
    if row.distractors and row.kind in ("wh", "cloze"):
        out.print(f"wrong:    {escape(', '.join(row.distractors))}")
    if row.accepted_answers:
        out.print(f"also:     {escape(', '.join(row.accepted_answers))}")
    if row.sentence:
        out.print(f"source:   {escape(row.sentence)}")
    out.print(f"{article.kind}:{' ' * (9 - len(article.kind))}{article.id} - {escape(article.title)}")
    out.print(f"kind:     {row.kind} ({escape(row.rule)}), {row.status}, score {row.score:.2f}")
    out.print(f"reasons:  {escape('; '.join(row.reasons))}")
    out.print(f"key:      {row.key}")


ItemIds = Annotated[list[int], typer.Argument(metavar="ID...", help="Item ids, from: quizgen items list")]


@app.command("approve")
def approve(ctx: typer.Context, item_ids: ItemIds) -> None:
    """Approve items: exports then use approved (and edited) items only, and regenerating keeps them.

    \b
    Example:
      quizgen items approve 3 4 7
    """
    _set_status(ctx, item_ids, "approved")


@app.command("reject")
def reject(ctx: typer.Context, item_ids: ItemIds) -> None:
    """Reject items: they are never exported or quizzed, and regenerating does not bring them back.

    \b
    Example:
      quizgen items reject 5
    """
    _set_status(ctx, item_ids, "rejected")


def _set_status(ctx: typer.Context, item_ids: list[int], status: str) -> None:
    from quizgen.store import ItemStatus

    with open_store(ctx) as store:
        rows = store.set_status(item_ids, ItemStatus(status))
    out.print(f"{status}: " + ", ".join(f"{r.id} ({escape(r.prompt[:50])})" for r in rows), highlight=False)


@app.command("edit")
def edit(
    ctx: typer.Context,
    item_id: Annotated[int, typer.Argument(metavar="ID", help="Item id, from: quizgen items list")],
    prompt: Annotated[str | None, typer.Option("--question", "-q", help="New question text.")] = None,
    answer: Annotated[str | None, typer.Option("--answer", "-a", help="New answer.")] = None,
) -> None:
    """Change an item's question or answer (asked for when not given); it is then kept as edited.

    \b
    Example:
      quizgen items edit 3 --question "Which alliance does AES stand for?"
    """
    from quizgen.errors import UsageError

    with open_store(ctx) as store:
        row = store.item(item_id)
        if prompt is None and answer is None:
            if not sys.stdin.isatty():
                raise UsageError("give --question and/or --answer, or run in a terminal to be asked")
            prompt = typer.prompt("question", default=row.prompt)
            answer = typer.prompt("answer", default=row.answer)
        edited = store.edit_item(item_id, prompt=(prompt or row.prompt).strip(), answer=(answer or row.answer).strip())
    out.print(f"edited {edited.id}: {escape(edited.prompt)} -> {escape(edited.answer)}", highlight=False)


@app.command("add")
def add(
    ctx: typer.Context,
    deck: Annotated[
        str | None, typer.Option("--deck", "-d", help="The deck to add it to, by name; made if there is none.")
    ] = None,
    article: Annotated[
        int | None, typer.Option("--article", help="The article to add it to, instead of a deck.")
    ] = None,
    question: Annotated[
        str | None,
        typer.Option("--question", "-q", help="A question (with --answer; with --wrong, a multiple choice)."),
    ] = None,
    answer: Annotated[
        str | None, typer.Option("--answer", "-a", help="Its answer; for a --statement, true or false.")
    ] = None,
    wrong: Annotated[
        list[str] | None,
        typer.Option("--wrong", "-w", help="A wrong option of a multiple choice; give it again for more."),
    ] = None,
    statement: Annotated[
        str | None, typer.Option("--statement", "-s", help="A true/false statement (with --answer true or false).")
    ] = None,
    cloze: Annotated[
        str | None,
        typer.Option("--cloze", "-c", help='A cloze with its answer in {{ }}: "The capital of Mali is {{Bamako}}."'),
    ] = None,
) -> None:
    """Add an item of your own to a deck or an article: a question, a multiple
    choice, a true/false statement or a cloze.

    What is not given is asked for in a terminal. The item is approved: every
    export and the quiz take it, and regenerating never removes it. The same
    question added again to the same deck updates it.

    \b
    Example:
      quizgen items add --deck Geography --cloze "The capital of Mali is {{Bamako}}."
      quizgen items add --deck Geography -q "What is the capital of Niger?" -a Niamey -w Bamako -w Dakar
    """
    from quizgen.errors import UsageError
    from quizgen.workflows.authored import add_items, deck_name

    given = [
        name for name, value in (("--question", question), ("--statement", statement), ("--cloze", cloze)) if value
    ]
    if len(given) > 1:
        raise UsageError(f"give one of --question, --statement and --cloze, not {' and '.join(given)}")
    if cloze is not None and (answer is not None or wrong):
        raise UsageError("a --cloze takes no --answer or --wrong: its answer is the text in {{ }}")
    if statement is not None and wrong:
        raise UsageError("a true/false --statement takes no --wrong options")
    asking = sys.stdin.isatty()
    if deck is None and article is None:
        if not asking:
            raise UsageError("give --deck NAME or --article ID, or run in a terminal to be asked")
        deck = typer.prompt("deck", value_proc=_checked(deck_name))
    item = _authored(question, answer, wrong or [], statement, cloze, asking=asking)
    with open_store(ctx) as store:
        report = add_items(store, [item], deck=deck, article_id=article)
    verb = "added" if report.added else "updated" if report.updated else "kept" if report.kept else "exists"
    where = f"{report.kind} {report.article_id}: {escape(report.title)}{' (new)' if report.new_deck else ''}"
    out.print(
        f"{verb:<7} item {report.ids[0]} ({item.kind}) in {where} - {escape(item.prompt)} -> {escape(item.answer)}",
        highlight=False,
    )
    if report.kept:
        out.print(f"It was edited or rejected here, and is left so; change it with: quizgen items edit {report.ids[0]}")


def _authored(
    question: str | None,
    answer: str | None,
    wrong: list[str],
    statement: str | None,
    cloze: str | None,
    *,
    asking: bool,
) -> AuthoredItem:
    """The item the options give, asking in a terminal for what they leave out."""
    from quizgen import authored
    from quizgen.errors import UsageError

    if cloze is not None:
        return authored.cloze(cloze)
    kind = "true_false" if statement is not None else "question" if question is not None else None
    complete = kind is not None and answer is not None
    if not complete and not asking:
        raise UsageError(
            "give --question and --answer (and --wrong for a multiple choice), --statement and --answer "
            "true or false, or --cloze; or run in a terminal to be asked"
        )
    if kind is None:
        kind = typer.prompt("kind: q question, m multiple choice, t true/false, c cloze", default="q", value_proc=_kind)
    if kind == "cloze":
        return typer.prompt("text, its answer in {{ }}", value_proc=_checked(authored.cloze))
    if kind == "true_false":
        statement = statement or typer.prompt("statement", value_proc=_checked(authored.clean))
        given = answer if answer is not None else typer.prompt("true or false", value_proc=_checked(authored.truth))
        return authored.true_false(statement, given)
    question = question or typer.prompt("question", value_proc=_checked(authored.clean))
    answer = answer if answer is not None else typer.prompt("answer", value_proc=_checked(authored.clean))
    if kind == "multiple_choice" and not wrong:
        wrong = _wrong_options(question, answer)
    return authored.multiple_choice(question, answer, wrong) if wrong else authored.wh(question, answer)


def _wrong_options(question: str, answer: str) -> list[str]:
    """Wrong options asked for one by one, until an empty one after the first."""
    from quizgen import authored

    options: list[str] = []
    while True:
        if options:
            option = typer.prompt("wrong option (Enter to finish)", default="", show_default=False)
            if not authored.clean(option):
                return options
        else:
            option = typer.prompt("wrong option", value_proc=_checked(authored.clean))
        try:
            fresh = len(authored.multiple_choice(question, answer, [*options, option]).distractors) > len(options)
        except QuizgenError:
            fresh = False
        if not fresh:
            out.print("Error: that is the answer, or a wrong option given already; give another", highlight=False)
            continue
        options.append(option)


def _kind(value: str) -> str:
    """The kind a letter (or a word) typed at the kind prompt names."""
    kinds = {"q": "question", "m": "multiple_choice", "t": "true_false", "c": "cloze"}
    found = kinds.get(value.strip().lower()[:1])
    if found is None:
        raise typer.BadParameter("type q, m, t or c")
    return found


def _checked(build: Callable[[str], T]) -> Callable[[str], T]:
    """``build`` for a prompt's answer: what it refuses is said, and asked again."""

    def check(value: str) -> T:
        try:
            made = build(value)
        except QuizgenError as problem:
            raise typer.BadParameter(problem.message) from None
        if not made:
            raise typer.BadParameter("it is empty")
        return made

    return check


@app.command("review")
def review(
    ctx: typer.Context,
    article: Annotated[int | None, typer.Option("--article", "-a", help="Only this article's items.")] = None,
    everything: Annotated[bool, typer.Option("--all", help="Also items already approved, edited or rejected.")] = False,
) -> None:
    """Go through draft items one by one: keep (approve), reject, edit or skip each, with its source.

    Answer each item with k (keep), r (reject), e (edit), s (skip) or q (quit),
    then Enter. Each decision is saved at once.

    \b
    Example:
      quizgen items review --article 1
    """
    from quizgen.quiz.terminal import line_reader
    from quizgen.store import ItemStatus

    read = line_reader(out)
    with open_store(ctx) as store:
        rows = [r for r in store.items(article) if everything or r.status == "draft"]
        if not rows:
            out.print("Nothing to review: every item has been approved, edited or rejected.")
            return
        counts = {"kept": 0, "rejected": 0, "edited": 0, "skipped": 0}
        for number, row in enumerate(rows, 1):
            out.print()
            out.print(f"[bold]{number}/{len(rows)}[/] · item {row.id} · {row.kind} · {row.status}", highlight=False)
            out.print(f"[bold]{escape(row.prompt)}[/]", highlight=False)
            if row.pairs:
                for left, right in row.pairs:
                    out.print(f"  {escape(left)}  ->  {escape(right)}", highlight=False)
            else:
                out.print(f"answer:  {escape(row.answer)}", highlight=False)
            if row.distractors:
                out.print(f"wrong:   {escape(', '.join(row.distractors))}", highlight=False)
            out.print(f"[dim]source:  {escape(row.sentence)}[/]", highlight=False)
            choice = _ask(read, "k keep · r reject · e edit · s skip · q quit> ", "krseq")
            if choice is None or choice == "q":
                break
            if choice == "k":
                store.set_status([row.id], ItemStatus.approved)
                counts["kept"] += 1
            elif choice == "r":
                store.set_status([row.id], ItemStatus.rejected)
                counts["rejected"] += 1
            elif choice == "e":
                prompt = read(f"question [{row.prompt}]: ")
                answer = read(f"answer [{row.answer}]: ")
                store.edit_item(
                    row.id, prompt=(prompt or "").strip() or row.prompt, answer=(answer or "").strip() or row.answer
                )
                counts["edited"] += 1
            else:
                counts["skipped"] += 1
    out.print(", ".join(f"{n} {what}" for what, n in counts.items()))


def _ask(read, prompt: str, keys: str) -> str | None:
    while True:
        line = read(prompt)
        if line is None:
            return None
        choice = line.strip().lower()
        if len(choice) == 1 and choice in keys:
            return choice
        out.print(f"Type one of: {', '.join(keys)}.")
