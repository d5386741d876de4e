"""A learner's study statistics: what is due, how well it is remembered, how steadily.

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
    from quizgen.store.progress import ArticleProgress

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


def stats(store: Store, learner: str, now: datetime | None = None) -> Stats:
    """The statistics of the learner called ``learner`` at ``now`` (timezone-aware; default: now)."""
    now = utc_now() if now is None else now
    if now.tzinfo is None:
        raise ValueError("naive datetime given to stats; use an aware datetime")
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
