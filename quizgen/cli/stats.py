"""``quizgen stats``: a learner's forecast, retention, streak, heatmap and mastery, or the class's figures."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from quizgen.cli.context import open_store
from quizgen.cli.render import local_time, out, print_json
from quizgen.errors import UsageError

if TYPE_CHECKING:
    from quizgen.quiz.stats import ClassStats, Retention, Standing, Stats

# One character per day, from no review to the busiest day's level; they read
# as intensity without colour, for NO_COLOR and pipes.
LEVELS = "·░▒▓█"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def stats(
    ctx: typer.Context,
    learner: Annotated[
        str | None,
        typer.Option(
            "--learner", "-l", metavar="NAME", help="Whose stats (default: $QUIZGEN_LEARNER, else your user name)."
        ),
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="Print JSON (dates as ISO strings).")] = False,
    whole_class: Annotated[
        bool, typer.Option("--class", help="Every learner, a row each (needs the teacher's database login).")
    ] = False,
    by_article: Annotated[
        bool, typer.Option("--by-article", help="With --class: a row per learner per article studied.")
    ] = False,
) -> None:
    """Show a learner's due items, true retention, streak, review heatmap and mastery per article.

    Days are local days. True retention is the share of reviews of cards
    already in review that were rated Hard or better. The streak counts days
    in a row with a review, up to today, or to yesterday until today's first
    review. Answers in every mode are reviews, and an item is studied once
    answered in any mode; it is mastered once its FSRS stability reaches 21 days.

    With --class: each learner's reviews, accuracy (the share of answers
    marked right), true retention, mastered items and last review; the JSON
    holds each learner's figures per article too.

    \b
    Example:
      quizgen stats --learner alice
      quizgen stats --class --by-article
    """
    from quizgen.quiz.learners import learner_name
    from quizgen.quiz.stats import class_stats
    from quizgen.quiz.stats import stats as learner_stats

    if whole_class:
        if learner is not None:
            raise UsageError("--class shows every learner; leave out --learner")
        with open_store(ctx) as store:
            found = class_stats(store)
        if json:
            print_json(found.to_dict())
        else:
            _class_table(found, by_article)
        return
    if by_article:
        raise UsageError("--by-article goes with --class; a learner's stats list their articles anyway")
    with open_store(ctx) as store:
        result = learner_stats(store, learner_name(learner))
    if json:
        print_json(result.to_dict())
        return
    out.print(f"[bold]{escape(result.learner)}[/] · {result.today:%A %d %B %Y}")
    out.print(
        f"due        {result.due_today} today · {result.due_tomorrow} tomorrow · "
        f"{result.due_week} within 7 days · {result.new} new"
    )
    if not result.reviews:
        out.print("reviews    no reviews yet")
    else:
        out.print(f"reviews    {result.reviews} in all · {result.reviews_today} today")
        out.print(f"retention  {_retention(result.retention_30d, result.retention)}")
        out.print(f"streak     {result.streak} day{'' if result.streak == 1 else 's'}")
        out.print()
        for line in heatmap_lines(result):
            out.print(line)
    out.print()
    if not result.mastery:
        out.print("No items yet. Make some with: quizgen generate")
        return
    table = Table(box=None, pad_edge=False)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("article", min_width=30)
    for name in ("items", "studied", "mastered"):
        table.add_column(name, justify="right", no_wrap=True)
    for m in result.mastery:
        table.add_row(str(m.article_id), escape(m.title), str(m.items), str(m.studied), str(m.mastered))
    out.print(table)


def _class_table(found: ClassStats, by_article: bool) -> None:
    """The class's figures as a table: a row per learner, or per learner and article studied."""
    if not found.learners:
        out.print("No learners yet. Students start with: quizgen quiz")
        return
    table = Table(box=None, pad_edge=False)
    table.add_column("learner")
    if by_article:
        table.add_column("id", justify="right", no_wrap=True)
        table.add_column("article", min_width=30)
    for name in ("reviews", "accuracy", "retention", "mastered"):
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column("last active", no_wrap=True)
    for learner in found.learners:
        if not by_article:
            table.add_row(escape(learner.learner), *_figures(learner.overall))
        for article in learner.articles if by_article else ():
            table.add_row(
                escape(learner.learner), str(article.article_id), escape(article.title), *_figures(article.standing)
            )
    learners = len(found.learners)
    out.print(f"{learners} learner{'' if learners == 1 else 's'} · {found.items} items · mastered: stability ≥ 21 days")
    out.print(table)


def _figures(standing: Standing) -> list[str]:
    """A row's reviews, accuracy, retention, mastered items (of all) and last review, as shown."""
    return [
        str(standing.reviews),
        _percent(standing.accuracy),
        _percent(standing.retention.rate),
        f"{standing.mastered}/{standing.items}",
        local_time(standing.last_active) if standing.last_active else "-",
    ]


def _percent(rate: float | None) -> str:
    return "-" if rate is None else f"{rate:.0%}"


def _retention(recent: Retention, overall: Retention) -> str:
    if overall.rate is None:
        return "none yet (it counts reviews of cards already learned)"
    last = f"{recent.rate:.0%} of {recent.reviews}" if recent.rate is not None else "none"
    return f"{last} in the last 30 days · {overall.rate:.0%} of {overall.reviews} in all"


def heatmap_lines(result: Stats) -> list[str]:
    """The heatmap as rich markup lines: a row per weekday, a column per week, months above."""
    first = min(result.heatmap)
    weeks = (result.today - first).days // 7 + 1
    busiest = max(result.heatmap.values())
    labels = []  # (week, month name) over the week each month begins in
    for week in range(weeks):
        monday = first + timedelta(weeks=week)
        starts = [day for day in (monday + timedelta(days=n) for n in range(7)) if day.day == 1]
        if starts:
            labels.append((week, f"{starts[0]:%b}"))
    if not labels or labels[0][0] >= 2:
        labels.insert(0, (0, f"{first:%b}"))  # the month already under way, where there is room
    months = [" "] * (2 * weeks)
    free = 0
    for week, name in labels:
        if 2 * week >= free:
            months[2 * week : 2 * week + len(name)] = name
            free = 2 * week + len(name) + 1
    lines = ["     " + "".join(months).rstrip()]
    for weekday, label in enumerate(WEEKDAYS):
        cells = []
        for week in range(weeks):
            day = first + timedelta(weeks=week, days=weekday)
            if day > result.today:
                break
            cells.append(_cell(result.heatmap[day], busiest))
        lines.append(f"{label}  " + " ".join(cells))
    legend = " ".join([LEVELS[0], *(f"[green]{level}[/]" for level in LEVELS[1:])])
    lines.append(f"     less {legend} more (busiest day: {busiest} review{'' if busiest == 1 else 's'})")
    return lines


def _cell(count: int, busiest: int) -> str:
    if count <= 0:
        return LEVELS[0]
    level = -(-4 * count // busiest)  # ceiling: any review shows at least the lightest level
    return f"[green]{LEVELS[level]}[/]"
