"""A learner's progress as the store counts it: due cards, new items, reviews, mastery.

store (this) -> quiz: stats. These are the queries behind ``quizgen stats``;
what a day is and which thresholds count live in :mod:`quizgen.quiz.stats`,
which passes them in as UTC moments and numbers. Asking about a learner never
creates one: an unknown name matches no review, and every count is zero.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from quizgen.store.models import (
    Article,
    ItemRecord,
    ItemStatus,
    Learner,
    ReviewLog,
    ReviewState,
    select_columns,
)


@dataclass(frozen=True)
class ReviewCounts:
    """A learner's reviews up to a moment. "In review": of a card that was in
    FSRS's review state (not new, learning or relearning); "recalled": of those,
    rated Hard or better; "recent": since the start of the recent period."""

    total: int
    today: int
    in_review: int
    recalled: int
    recent_in_review: int
    recent_recalled: int


@dataclass(frozen=True)
class ArticleProgress:
    """One article's items that were not rejected, and how many of them the learner has."""

    article_id: int
    title: str
    items: int
    studied: int  # items the learner has a scheduling state for or an answer to
    mastered: int  # items whose card stability reaches the bar asked for


class Progress:
    """The progress queries of :class:`~quizgen.store.Store`."""

    if TYPE_CHECKING:
        # Store provides it.
        def session(self, *, write: bool = False) -> AbstractContextManager[Session]: ...

    @contextmanager
    def progress(self, learner: str) -> Iterator[LearnerProgress]:
        """The learner called ``learner``'s progress, read in one transaction
        so that every count describes the same moment."""
        with self.session() as session:
            learner_id = session.exec(select(Learner.id).where(Learner.name == learner)).first()
            yield LearnerProgress(session, learner_id)


class LearnerProgress:
    """Counts of one learner's study, valid inside :meth:`Progress.progress`.

    An unknown learner has id None: every query then matches no review, which
    gives zeros without a separate path to keep in step.
    """

    def __init__(self, session: Session, learner_id: int | None) -> None:
        self._session = session
        self._learner_id = learner_id

    def due(self, *, tomorrow: datetime, day_after: datetime, horizon: datetime) -> tuple[int, int, int]:
        """How many items (rejected ones left out) are due before ``tomorrow``
        (overdue ones included), from ``tomorrow`` to ``day_after``, and before
        ``horizon``: the moments those days begin."""
        due = ReviewState.due
        # Filtering by learner and a due range lets the (learner_id, due) index do the work.
        query = (
            select(
                _count_where(due < tomorrow),
                _count_where((due >= tomorrow) & (due < day_after)),
                func.count(),
            )
            .select_from(ReviewState)
            .join(ItemRecord, col(ItemRecord.id) == ReviewState.item_id)
            .where(
                ReviewState.learner_id == self._learner_id,
                due < horizon,
                ItemRecord.status != ItemStatus.rejected,
            )
        )
        today, next_day, by_horizon = self._session.exec(query).one()
        return int(today), int(next_day), int(by_horizon)

    def new_items(self) -> int:
        """Items never studied by the learner, rejected ones left out."""
        studied = select(ReviewState.id).where(
            ReviewState.item_id == ItemRecord.id, ReviewState.learner_id == self._learner_id
        )
        query = (
            select(func.count())
            .select_from(ItemRecord)
            .where(ItemRecord.status != ItemStatus.rejected, ~studied.exists())
        )
        return int(self._session.exec(query).one())

    def reviews(self, until: datetime, *, today: datetime, recent: datetime) -> ReviewCounts:
        """The learner's reviews up to ``until``; ``today`` and ``recent`` are
        the moments today and the recent period began."""
        in_review = ReviewLog.state == "review"
        recalled = in_review & (ReviewLog.rating >= 2)
        since_recent = ReviewLog.reviewed_at >= recent
        query = select_columns(
            func.count(),
            _count_where(ReviewLog.reviewed_at >= today),
            _count_where(in_review),
            _count_where(recalled),
            _count_where(in_review & since_recent),
            _count_where(recalled & since_recent),
        ).where(ReviewLog.learner_id == self._learner_id, ReviewLog.reviewed_at <= until)
        return ReviewCounts(*map(int, self._session.exec(query).one()))

    def review_times(self, until: datetime) -> Iterator[datetime]:
        """When the learner reviewed, up to ``until``, newest first, read a page
        at a time: a caller that has seen enough stops early."""
        return iter(
            self._session.exec(
                select(ReviewLog.reviewed_at)
                .where(ReviewLog.learner_id == self._learner_id, ReviewLog.reviewed_at <= until)
                .order_by(col(ReviewLog.reviewed_at).desc())
                .execution_options(yield_per=1000)
            )
        )

    def articles(self, mastered_stability: float, now: datetime) -> list[ArticleProgress]:
        """Each article with items, by id: its items, how many the learner has
        studied (scheduled, or answered in any mode by ``now``), and how many
        have a card stability of ``mastered_stability`` days or more."""
        stability = ReviewState.card["stability"].as_float()
        # Practice and test answers schedule nothing, yet they count in "reviews":
        # an item answered in any mode has been studied.
        answered = (
            select(ReviewLog.id)
            .where(
                ReviewLog.item_id == ItemRecord.id,
                ReviewLog.learner_id == self._learner_id,
                ReviewLog.reviewed_at <= now,
            )
            .exists()
        )
        query = (
            select_columns(
                Article.id,
                Article.title,
                func.count(col(ItemRecord.id)),
                _count_where(col(ReviewState.id).is_not(None) | answered),
                _count_where(stability >= mastered_stability),
            )
            .join(ItemRecord, col(ItemRecord.article_id) == Article.id)
            .outerjoin(
                ReviewState,
                (col(ReviewState.item_id) == ItemRecord.id) & (col(ReviewState.learner_id) == self._learner_id),
            )
            .where(ItemRecord.status != ItemStatus.rejected)
            .group_by(col(Article.id), col(Article.title))
            .order_by(col(Article.id))
        )
        return [
            ArticleProgress(article_id, title, int(items), int(studied), int(mastered))
            for article_id, title, items, studied, mastered in self._session.exec(query).all()
        ]


def _count_where(condition: Any) -> Any:
    return func.coalesce(func.sum(sa.case((condition, 1), else_=0)), 0)
