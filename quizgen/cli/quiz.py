"""``quizgen quiz``: study stored items in the terminal, scheduled by FSRS."""

from __future__ import annotations

from typing import Annotated

import typer

from quizgen.cli.context import open_store
from quizgen.cli.render import out
from quizgen.errors import UsageError


def quiz(
    ctx: typer.Context,
    article: Annotated[
        list[int] | None, typer.Option("--article", "-a", help="Only this article's items (repeatable).")
    ] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option(
            "--tag",
            "-t",
            help="Only items of this kind (wh, cloze, multiple_choice, true_false, "
            "matching) or answer type (person, gpe, org, date, ...); repeatable.",
        ),
    ] = None,
    deck: Annotated[str | None, typer.Option("--deck", help="Only articles whose title contains this text.")] = None,
    mode: Annotated[
        str,
        typer.Option(
            "--mode", "-m", help="review: due items, rescheduled; practice: any items; test: a scored sample."
        ),
    ] = "review",
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help="At most this many questions, one per fact.")
    ] = None,
    new: Annotated[int, typer.Option("--new", min=0, help="New items per day, in review.")] = 20,
    learner: Annotated[
        str | None,
        typer.Option(
            "--learner",
            "-l",
            envvar="QUIZGEN_LEARNER",
            show_envvar=True,
            help="Who is studying (default: your user name).",
        ),
    ] = None,
    retention: Annotated[
        float, typer.Option("--retention", min=0.7, max=0.99, help="Desired retention for FSRS, in review.")
    ] = 0.9,
    time_limit: Annotated[
        float | None, typer.Option("--time-limit", min=1, metavar="MINUTES", help="Stop a test after this long.")
    ] = None,
    seed: Annotated[int | None, typer.Option("--seed", help="Order of practice and test items.")] = None,
) -> None:
    """Take a quiz in the terminal: answer, see what was right and where it came from.

    Type the answer (or a letter for multiple choice, t or f for true/false)
    and press Enter; a person's fuller name counts for a short one (Lionel
    Messi for Messi) where the article gives it. At the answer prompt: s
    skips, u undoes the last answer, e edits the item, b buries it until
    tomorrow, q quits. After an answer, keys act at once: Enter goes on, 1-4
    rate it (Again, Hard, Good, Easy) and go on, y says "I was right" after a
    wrong answer, and u, b, e, q as before. Every answer is saved as soon as
    it is given.

    \b
    Example:
      quizgen quiz --mode test --limit 10
    """
    from rich.console import Console

    from quizgen.quiz.learners import learner_name
    from quizgen.quiz.session import MODES, QuizSession, Settings
    from quizgen.quiz.terminal import Screen, key_reader, line_reader, run
    from quizgen.store import StudyFilter

    if mode not in MODES:
        raise UsageError(f"unknown mode {mode!r}; use review, practice or test")
    kinds = tuple(t.lower() for t in tag or () if t.lower() in KINDS)
    labels = tuple(t.upper() for t in tag or () if t.lower() not in KINDS)
    with open_store(ctx) as store:
        summaries = store.articles()
        titles = {a.id: a.title for a in summaries}
        article_ids = tuple(article or ())
        if deck:
            matched = tuple(a.id for a in summaries if deck.casefold() in a.title.casefold())
            if not matched:
                raise UsageError(f"no article title contains {deck!r}; see: quizgen articles list")
            article_ids = (*article_ids, *matched)
        session = QuizSession(
            store,
            store.learner(learner_name(learner)),
            StudyFilter(article_ids=article_ids, kinds=kinds, labels=labels),
            Settings(
                mode=mode,
                limit=limit,
                new_per_day=new,
                retention=retention,
                time_limit=time_limit * 60 if time_limit else None,
                seed=seed,
            ),
        )
        if not session.queue:
            out.print(_nothing_to_do(mode))
            return
        console = Console(highlight=False)
        try:
            run(session, Screen(console, line_reader(console), titles, key_reader(console)))
        except KeyboardInterrupt:
            right, total = session.score
            console.print(f"\nStopped. {total} answered, {right} right; every answer is saved.")
            raise typer.Exit(130) from None


KINDS = ("wh", "cloze", "multiple_choice", "true_false", "matching")


def _nothing_to_do(mode: str) -> str:
    if mode == "review":
        return "Nothing due now, and no new items left for today. Try: quizgen quiz --mode practice"
    return "No items to study. Make some with: quizgen generate"
