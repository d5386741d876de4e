"""A learner's progress as the store counts it: due cards, new items, reviews, mastery.

store (this) -> quiz: stats and results. These are the queries behind
``quizgen stats``, for one learner or the whole class, and behind ``quizgen
export results``; what a day is and which thresholds count live in
:mod:`quizgen.quiz.stats`, which passes them in as UTC moments and numbers.
Asking about a learner never creates one: an unknown name matches no review,
and every count is zero. The whole class's figures and answers are the
teacher's: a database login that may not change items is refused them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from quizgen.errors import PermissionDenied
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


@dataclass(frozen=True)
class ClassCounts:
    """One learner's study of one article's items, up to a moment. "Answered":
    reviews marked right or wrong; "in review" and "recalled" as in
    :class:`ReviewCounts`; "mastered": items, rejected ones left out, whose
    card stability reaches the bar asked for."""

    learner_id: int
    article_id: int
    reviews: int
    answered: int
    correct: int
    in_review: int
    recalled: int
    mastered: int
    last_active: datetime | None  # the last review; None with none, only a schedule


@dataclass(frozen=True)
class ArticleItems:
    """An article and how many of its items are not rejected."""

    article_id: int
    title: str
    items: int


@dataclass(frozen=True)
class LoggedAnswer:
    """One row of the review log, with who answered and what the item asks now."""

    learner_id: int
    learner: str
    item_id: int
    article_id: int
    question: str
    expected: str
    response: str | None
    correct: bool | None
    rating: int
    mode: str  # "review", "practice" or "test"
    reviewed_at: datetime
    duration_ms: int | None


TEACHER_NEEDED = (
    "the whole class's results need the teacher's database login; this one may not change items, "
    "so it can quiz and see one learner's stats (see the README's classroom setup)"
)


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

    @contextmanager
    def class_progress(self) -> Iterator[ClassProgress]:
        """Every learner's progress and answers, read in one transaction.

        On PostgreSQL, a login that may not change items is refused with
        :class:`~quizgen.errors.PermissionDenied`: on a classroom server the
        students share a login that can read the review log, and these
        figures would show each student everyone's answers. An SQLite file
        is one person's, and whoever opens it may see all of it.
        """
        with self.session() as session:
            if session.get_bind().dialect.name == "postgresql":
                may_change = select(func.has_table_privilege(ItemRecord.__tablename__, "UPDATE"))
                if not session.exec(may_change).one():
                    raise PermissionDenied(TEACHER_NEEDED)
            yield ClassProgress(session)


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


class ClassProgress:
    """Counts and answers of every learner, valid inside :meth:`Progress.class_progress`."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def learners(self) -> list[tuple[int, str]]:
        """Every learner's id and name, by id."""
        rows = self._session.exec(select_columns(Learner.id, Learner.name).order_by(col(Learner.id))).all()
        return [(learner_id, name) for learner_id, name in rows]

    def articles(self) -> list[ArticleItems]:
        """Every article, by id, with how many of its items are not rejected."""
        query = (
            select_columns(Article.id, Article.title, func.count(col(ItemRecord.id)))
            .outerjoin(
                ItemRecord,
                (col(ItemRecord.article_id) == Article.id) & (col(ItemRecord.status) != ItemStatus.rejected),
            )
            .group_by(col(Article.id), col(Article.title))
            .order_by(col(Article.id))
        )
        return [ArticleItems(article_id, title, int(items)) for article_id, title, items in self._session.exec(query)]

    def counts(self, mastered_stability: float, now: datetime) -> list[ClassCounts]:
        """What each learner did in each article up to ``now``: a row for every
        learner and article with a review or a mastered item, by learner and article."""
        in_review = ReviewLog.state == "review"
        reviewed = (
            select_columns(
                ReviewLog.learner_id,
                ItemRecord.article_id,
                func.count(),
                _count_where(col(ReviewLog.correct).is_not(None)),
                _count_where(col(ReviewLog.correct).is_(True)),
                _count_where(in_review),
                _count_where(in_review & (ReviewLog.rating >= 2)),
                func.max(ReviewLog.reviewed_at),
            )
            .join(ItemRecord, col(ItemRecord.id) == ReviewLog.item_id)
            .where(ReviewLog.reviewed_at <= now)
            .group_by(col(ReviewLog.learner_id), col(ItemRecord.article_id))
        )
        mastered = (
            select(ReviewState.learner_id, ItemRecord.article_id, func.count())
            .join(ItemRecord, col(ItemRecord.id) == ReviewState.item_id)
            .where(
                ReviewState.card["stability"].as_float() >= mastered_stability,
                ItemRecord.status != ItemStatus.rejected,
            )
            .group_by(col(ReviewState.learner_id), col(ItemRecord.article_id))
        )
        reviews = {
            (learner_id, article_id): (tuple(int(n) for n in figures), last)
            for learner_id, article_id, *figures, last in self._session.exec(reviewed)
        }
        mastered_items = {
            (learner_id, article_id): int(n) for learner_id, article_id, n in self._session.exec(mastered)
        }
        rows = []
        for learner_id, article_id in sorted(reviews.keys() | mastered_items.keys()):
            key = (learner_id, article_id)
            (total, answered, correct, in_review_, recalled), last = reviews.get(key, ((0,) * 5, None))
            mastered_here = mastered_items.get(key, 0)
            rows.append(
                ClassCounts(learner_id, article_id, total, answered, correct, in_review_, recalled, mastered_here, last)
            )
        return rows

    def answers(self) -> Iterator[LoggedAnswer]:
        """Every answer in the review log, each learner's in the order given,
        learners by id; read a page at a time."""
        query = (
            select_columns(
                ReviewLog.learner_id,
                Learner.name,
                ReviewLog.item_id,
                ItemRecord.article_id,
                ItemRecord.prompt,
                ItemRecord.answer,
                ReviewLog.response,
                ReviewLog.correct,
                ReviewLog.rating,
                ReviewLog.mode,
                ReviewLog.reviewed_at,
                ReviewLog.duration_ms,
            )
            .join(Learner, col(Learner.id) == ReviewLog.learner_id)
            .join(ItemRecord, col(ItemRecord.id) == ReviewLog.item_id)
            .order_by(col(ReviewLog.learner_id), col(ReviewLog.reviewed_at), col(ReviewLog.id))
            .execution_options(yield_per=1000)
        )
        return (LoggedAnswer(*row) for row in self._session.exec(query))


def _count_where(condition: Any) -> Any:
    return func.coalesce(func.sum(sa.case((condition, 1), else_=0)), 0)
