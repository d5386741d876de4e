"""A learner's study statistics: what is due, how well it is remembered, how steadily;
and the whole class's, a learner a row.

store -> quiz: stats. Everything is read from the review states and the review
log by :mod:`quizgen.store.progress`; this module decides what a day, a week
and a mastered item are. Asking about a learner never creates one, and one
with no reviews gets zeros.

Days are local days in the machine's time zone (``now.astimezone()``): "today"
runs from local midnight to local midnight, daylight saving included, so a
review at 23:30 counts for the day the student lived it, not for a UTC date.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from quizgen.clock import start_of, utc_now

if TYPE_CHECKING:
    from quizgen.store import Store
    from quizgen.store.progress import ArticleProgress, ClassCounts

# Anki calls a card whose interval reached 21 days "mature"; FSRS's stability is
# the interval at which recall falls to 90%, so the same bar means the same thing.
MASTERED_STABILITY = 21.0
FORECAST_DAYS = 7
RETENTION_DAYS = 30
HEATMAP_WEEKS = 12

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Retention:
    """True retention: of the reviews of cards that were in the review state (not
    new, learning or relearning), how many were recalled, i.e. rated Hard or better."""

    reviews: int
    recalled: int

    @property
    def rate(self) -> float | None:
        return self.recalled / self.reviews if self.reviews else None


@dataclass(frozen=True)
class Stats:
    """One learner's statistics as of one moment; ``today`` is that moment's local date."""

    learner: str
    today: date
    due_today: int  # overdue items included
    due_tomorrow: int  # due tomorrow only
    due_week: int  # due by the end of the 7th day, today's and tomorrow's included
    new: int  # items never studied, ready to be
    reviews: int
    reviews_today: int
    retention: Retention  # all reviews
    retention_30d: Retention  # reviews of the last 30 days, today included
    streak: int  # see study_days
    heatmap: dict[date, int]  # reviews per day, every day of the last 12 weeks (Monday first) to today
    mastery: tuple[ArticleProgress, ...]  # articles with items, by id

    def to_dict(self) -> dict[str, Any]:
        """The stats as JSON values: dates as ISO strings, each retention with its rate."""
        plain = dataclasses.asdict(self)
        plain["today"] = self.today.isoformat()
        plain["heatmap"] = {day.isoformat(): count for day, count in self.heatmap.items()}
        for name in ("retention", "retention_30d"):
            plain[name]["rate"] = getattr(self, name).rate
        plain["mastery"] = list(plain["mastery"])
        return plain


@dataclass(frozen=True)
class Standing:
    """A learner's figures over a set of items: all of them, or one article's.

    Accuracy is the share of answers, in any mode, marked right; retention is
    true retention, as in :class:`Stats`; an item is mastered once its card's
    stability reaches :data:`MASTERED_STABILITY` days.
    """

    reviews: int
    answered: int  # reviews marked right or wrong
    correct: int
    retention: Retention
    items: int  # items not rejected
    mastered: int
    last_active: datetime | None  # the last review, UTC; None before the first

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answered if self.answered else None

    def to_dict(self) -> dict[str, Any]:
        """The figures as JSON values, with the accuracy and the retention's rate."""
        return {
            "reviews": self.reviews,
            "answered": self.answered,
            "correct": self.correct,
            "accuracy": self.accuracy,
            "retention": {**dataclasses.asdict(self.retention), "rate": self.retention.rate},
            "items": self.items,
            "mastered": self.mastered,
            "last_active": None if self.last_active is None else self.last_active.isoformat(),
        }


@dataclass(frozen=True)
class ArticleStanding:
    """A learner's figures on the items of one article."""

    article_id: int
    title: str
    standing: Standing


@dataclass(frozen=True)
class LearnerStanding:
    """A learner's figures over every item, and per article studied (by id)."""

    learner: str
    overall: Standing
    articles: tuple[ArticleStanding, ...]

    def to_dict(self) -> dict[str, Any]:
        """The learner's overall figures, with a list of their articles' figures under ``articles``."""
        return {
            "learner": self.learner,
            **self.overall.to_dict(),
            "articles": [{"article_id": a.article_id, "title": a.title, **a.standing.to_dict()} for a in self.articles],
        }


@dataclass(frozen=True)
class ClassStats:
    """Every learner's figures as of one moment, learners by name."""

    now: datetime
    items: int
    learners: tuple[LearnerStanding, ...]

    def to_dict(self) -> dict[str, Any]:
        """The figures as JSON values: times as ISO strings, each learner's articles in a list."""
        return {
            "now": self.now.isoformat(),
            "items": self.items,
            "learners": [learner.to_dict() for learner in self.learners],
        }


def class_stats(store: Store, now: datetime | None = None) -> ClassStats:
    """Every learner's reviews, accuracy, true retention, mastered items and
    last review at ``now`` (timezone-aware; default: now), overall and per
    article. Raises :class:`~quizgen.errors.PermissionDenied` for a database
    login that may not change items: a classroom's students see no
    classmate's answers this way."""
    now = _aware(now)
    with store.class_progress() as progress:
        # Counted first: a learner or article that the counts name was stored
        # before them, so it is in the lists read after them.
        counts = progress.counts(MASTERED_STABILITY, now)
        learners = progress.learners()
        articles = progress.articles()
    titles = {a.article_id: a.title for a in articles}
    items = {a.article_id: a.items for a in articles}
    by_learner: dict[int, list[ClassCounts]] = {learner_id: [] for learner_id, _ in learners}
    for row in counts:
        if row.article_id in titles:  # else removed, with its answers, meanwhile
            by_learner[row.learner_id].append(row)
    standings = (
        LearnerStanding(
            name,
            _standing(by_learner[learner_id], sum(items.values())),
            tuple(
                ArticleStanding(row.article_id, titles[row.article_id], _standing([row], items[row.article_id]))
                for row in by_learner[learner_id]
            ),
        )
        for learner_id, name in learners
    )
    ordered = sorted(standings, key=lambda standing: (standing.learner.casefold(), standing.learner))
    return ClassStats(now, sum(items.values()), tuple(ordered))


def _standing(rows: list[ClassCounts], items: int) -> Standing:
    """The figures of ``rows`` of one learner added up, over ``items`` items."""
    times = [row.last_active for row in rows if row.last_active is not None]
    return Standing(
        reviews=sum(row.reviews for row in rows),
        answered=sum(row.answered for row in rows),
        correct=sum(row.correct for row in rows),
        retention=Retention(sum(row.in_review for row in rows), sum(row.recalled for row in rows)),
        items=items,
        mastered=sum(row.mastered for row in rows),
        last_active=max(times, default=None),
    )


def _aware(now: datetime | None) -> datetime:
    """``now``, or the present moment; a naive time is refused."""
    now = utc_now() if now is None else now
    if now.tzinfo is None:
        raise ValueError("naive datetime given to stats; use an aware datetime")
    return now


def stats(store: Store, learner: str, now: datetime | None = None) -> Stats:
    """The statistics of the learner called ``learner`` at ``now`` (timezone-aware; default: now)."""
    now = _aware(now)
    today = now.astimezone().date()
    heatmap_start = today - timedelta(days=today.weekday(), weeks=HEATMAP_WEEKS - 1)
    with store.progress(learner) as progress:
        due_today, due_tomorrow, due_week = progress.due(
            tomorrow=start_of(today + ONE_DAY),
            day_after=start_of(today + 2 * ONE_DAY),
            horizon=start_of(today + FORECAST_DAYS * ONE_DAY),
        )
        new = progress.new_items()
        counts = progress.reviews(now, today=start_of(today), recent=start_of(today - (RETENTION_DAYS - 1) * ONE_DAY))
        heatmap, streak = study_days(progress.review_times(now), today, heatmap_start)
        mastery = tuple(progress.articles(MASTERED_STABILITY, now))
    return Stats(
        learner=learner,
        today=today,
        due_today=due_today,
        due_tomorrow=due_tomorrow,
        due_week=due_week,
        new=new,
        reviews=counts.total,
        reviews_today=counts.today,
        retention=Retention(counts.in_review, counts.recalled),
        retention_30d=Retention(counts.recent_in_review, counts.recent_recalled),
        streak=streak,
        heatmap=heatmap,
        mastery=mastery,
    )


def study_days(latest_first: Iterable[datetime], today: date, first: date) -> tuple[dict[date, int], int]:
    """Reviews per local day from ``first`` to ``today``, and the streak, from
    review times newest first.

    The streak is the number of consecutive days with a review, ending today;
    until the learner has reviewed today it ends yesterday, so it is not shown
    as broken in the morning of a day that can still keep it. (Anki counts
    today only once it has a review, and shows 0 until then.)
    """
    counts: Counter[date] = Counter()
    streak, needed, counting = 0, today, True
    for reviewed_at in latest_first:
        day = reviewed_at.astimezone().date()
        if day >= first:
            counts[day] += 1
        if counting:
            if streak == 0 and day == today - ONE_DAY:
                needed = day
            if day == needed:
                streak += 1
                needed -= ONE_DAY
            elif day < needed:
                counting = False
        if not counting and day < first:
            break  # the rest is older than the heatmap and cannot extend the streak
    span = (today - first).days + 1
    days = (first + timedelta(days=n) for n in range(span))
    return {day: counts[day] for day in days}, streak
