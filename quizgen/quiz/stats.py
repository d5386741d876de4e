"""A learner's study statistics: what is due, how well it is remembered, how steadily.

store -> quiz: stats. Everything is read from the review states and the review
log; asking about a learner never creates one, and one with no reviews gets
zeros.

Days are local days in the machine's time zone (``now.astimezone()``): "today"
runs from local midnight to local midnight, daylight saving included, so a
review at 23:30 counts for the day the student lived it, not for a UTC date.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import Session, func, select

from quizgen.store.models import Article, ItemRecord, ItemStatus, Learner, ReviewLog, ReviewState

if TYPE_CHECKING:
    from quizgen.store import Store

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
class ArticleMastery:
    """How far a learner has got with one article's items (rejected items left out)."""

    article_id: int
    title: str
    items: int
    studied: int  # items the learner has answered in any mode, or has a scheduling state for
    mastered: int  # items whose card stability is at least MASTERED_STABILITY days


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
    mastery: tuple[ArticleMastery, ...]  # articles with items, by id

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
    now = datetime.now(timezone.utc) if now is None else now
    if now.tzinfo is None:
        raise ValueError("naive datetime given to stats; use an aware datetime")
    today = now.astimezone().date()
    heatmap_start = today - timedelta(days=today.weekday(), weeks=HEATMAP_WEEKS - 1)
    with store.session() as session:
        # An unknown learner has id None: every query below then matches no
        # review, which gives zeros without a separate path to keep in step.
        learner_id = session.exec(select(Learner.id).where(Learner.name == learner)).first()
        due_today, due_tomorrow, due_week = _forecast(session, learner_id, today)
        new = _new_items(session, learner_id)
        reviews, reviews_today, retention, retention_30d = _reviews(session, learner_id, today, now)
        timestamps = session.exec(
            select(ReviewLog.reviewed_at)
            .where(ReviewLog.learner_id == learner_id, ReviewLog.reviewed_at <= now)
            .order_by(ReviewLog.reviewed_at.desc())
            .execution_options(yield_per=1000)
        )
        heatmap, streak = study_days(timestamps, today, heatmap_start)
        mastery = _mastery(session, learner_id, now)
    return Stats(
        learner=learner,
        today=today,
        due_today=due_today,
        due_tomorrow=due_tomorrow,
        due_week=due_week,
        new=new,
        reviews=reviews,
        reviews_today=reviews_today,
        retention=retention,
        retention_30d=retention_30d,
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


def start_of(day: date) -> datetime:
    """The UTC moment local ``day`` begins."""
    return datetime.combine(day, time()).astimezone(timezone.utc)


def _count_where(condition) -> Any:
    return func.coalesce(func.sum(sa.case((condition, 1), else_=0)), 0)


def _forecast(session: Session, learner_id: int | None, today: date) -> tuple[int, int, int]:
    due = ReviewState.due
    # Filtering by learner and a due range lets the (learner_id, due) index do the work.
    query = (
        select(
            _count_where(due < start_of(today + ONE_DAY)),
            _count_where((due >= start_of(today + ONE_DAY)) & (due < start_of(today + 2 * ONE_DAY))),
            func.count(),
        )
        .select_from(ReviewState)
        .join(ItemRecord, ItemRecord.id == ReviewState.item_id)
        .where(
            ReviewState.learner_id == learner_id,
            due < start_of(today + FORECAST_DAYS * ONE_DAY),
            ItemRecord.status != ItemStatus.rejected,
        )
    )
    due_today, due_tomorrow, due_week = session.exec(query).one()
    return int(due_today), int(due_tomorrow), int(due_week)


def _new_items(session: Session, learner_id: int | None) -> int:
    studied = select(ReviewState.id).where(
        ReviewState.item_id == ItemRecord.id, ReviewState.learner_id == learner_id
    )
    query = (
        select(func.count())
        .select_from(ItemRecord)
        .where(ItemRecord.status != ItemStatus.rejected, ~studied.exists())
    )
    return int(session.exec(query).one())


def _reviews(
    session: Session, learner_id: int | None, today: date, now: datetime
) -> tuple[int, int, Retention, Retention]:
    in_review = ReviewLog.state == "review"
    recalled = in_review & (ReviewLog.rating >= 2)
    recent = ReviewLog.reviewed_at >= start_of(today - (RETENTION_DAYS - 1) * ONE_DAY)
    query = select(
        func.count(),
        _count_where(ReviewLog.reviewed_at >= start_of(today)),
        _count_where(in_review),
        _count_where(recalled),
        _count_where(in_review & recent),
        _count_where(recalled & recent),
    ).where(ReviewLog.learner_id == learner_id, ReviewLog.reviewed_at <= now)
    total, today_, reviewed, remembered, reviewed_30d, remembered_30d = map(int, session.exec(query).one())
    return total, today_, Retention(reviewed, remembered), Retention(reviewed_30d, remembered_30d)


def _mastery(session: Session, learner_id: int | None, now: datetime) -> tuple[ArticleMastery, ...]:
    stability = ReviewState.card["stability"].as_float()
    # Practice and test answers schedule nothing, yet they count in "reviews":
    # an item answered in any mode has been studied.
    answered = (
        select(ReviewLog.id)
        .where(ReviewLog.item_id == ItemRecord.id, ReviewLog.learner_id == learner_id, ReviewLog.reviewed_at <= now)
        .exists()
    )
    query = (
        select(
            Article.id,
            Article.title,
            func.count(ItemRecord.id),
            _count_where(ReviewState.id.is_not(None) | answered),
            _count_where(stability >= MASTERED_STABILITY),
        )
        .join(ItemRecord, ItemRecord.article_id == Article.id)
        .outerjoin(
            ReviewState,
            (ReviewState.item_id == ItemRecord.id) & (ReviewState.learner_id == learner_id),
        )
        .where(ItemRecord.status != ItemStatus.rejected)
        .group_by(Article.id, Article.title)
        .order_by(Article.id)
    )
    return tuple(
        ArticleMastery(article_id, title, int(items), int(studied), int(mastered))
        for article_id, title, items, studied, mastered in session.exec(query).all()
    )
