"""Learners and their reviews: what is due, and each answer written the moment it is given.

store -> quiz. Every method is one transaction, so an answer is either
stored with its new scheduling state or not at all, whatever happens to the
process afterwards; an undo puts back exactly the state the answer replaced.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from quizgen.clock import utc_now
from quizgen.store.models import ItemRecord, ItemStatus, Learner, ReviewLog, ReviewState, stored_id


@dataclass(frozen=True)
class Scheduled:
    """A learner's scheduling state of one item as it was: what an undo restores."""

    item_id: int
    card: dict[str, Any] | None  # None: the item had not been studied
    due: datetime | None


@dataclass(frozen=True)
class Answered:
    """One stored answer: its log row and the state it replaced."""

    log_id: int
    before: Scheduled


@dataclass(frozen=True)
class StudyFilter:
    """Which items to study: all of them by default."""

    article_ids: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()

    def apply(self, query):
        if self.article_ids:
            query = query.where(ItemRecord.article_id.in_(self.article_ids))
        if self.kinds:
            query = query.where(ItemRecord.kind.in_(self.kinds))
        if self.labels:
            query = query.where(ItemRecord.label.in_(self.labels))
        return query.where(ItemRecord.status != ItemStatus.rejected)


class Reviews:
    """The learner and review operations of :class:`~quizgen.store.Store`."""

    if TYPE_CHECKING:
        # Store provides it.
        def session(self, *, write: bool = False) -> AbstractContextManager[Session]: ...

    def learner(self, name: str) -> Learner:
        """The learner called ``name``, created on first use (by several processes at once, too)."""
        with self.session(write=True) as session:
            found = session.exec(select(Learner).where(Learner.name == name)).first()
            if found is not None:
                return found
            session.add(Learner(name=name))
            try:
                session.commit()
            except sa.exc.IntegrityError:
                session.rollback()
            return session.exec(select(Learner).where(Learner.name == name)).one()

    def due_items(
        self,
        learner_id: int,
        now: datetime,
        selection: StudyFilter = StudyFilter(),
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ItemRecord]:
        """Items whose review is due for the learner, the most overdue first."""
        query = (
            select(ItemRecord)
            .join(
                ReviewState, (col(ReviewState.item_id) == ItemRecord.id) & (col(ReviewState.learner_id) == learner_id)
            )
            .where(ReviewState.due <= now)
            .order_by(col(ReviewState.due), col(ItemRecord.id))
        )
        with self.session() as session:
            return list(session.exec(selection.apply(query).limit(limit).offset(offset)).all())

    def new_items(
        self, learner_id: int, selection: StudyFilter = StudyFilter(), limit: int | None = None, offset: int = 0
    ) -> list[ItemRecord]:
        """Items the learner has never studied, best first within each article."""
        studied = select(ReviewState.item_id).where(ReviewState.learner_id == learner_id)
        query = (
            select(ItemRecord)
            .where(col(ItemRecord.id).not_in(studied))
            .order_by(col(ItemRecord.article_id), col(ItemRecord.score).desc(), col(ItemRecord.id))
        )
        with self.session() as session:
            return list(session.exec(selection.apply(query).limit(limit).offset(offset)).all())

    def study_items(self, selection: StudyFilter = StudyFilter()) -> list[ItemRecord]:
        """Every item of the selection, for practice and tests."""
        query = select(ItemRecord).order_by(
            col(ItemRecord.article_id), col(ItemRecord.score).desc(), col(ItemRecord.id)
        )
        with self.session() as session:
            return list(session.exec(selection.apply(query)).all())

    def new_studied_since(self, learner_id: int, since: datetime) -> int:
        """How many items the learner studied for the first time since ``since``."""
        query = (
            select(func.count())
            .select_from(ReviewLog)
            .where(ReviewLog.learner_id == learner_id, ReviewLog.reviewed_at >= since, ReviewLog.state == "new")
        )
        with self.session() as session:
            return session.exec(query).one()

    def scheduled(self, learner_id: int, item_id: int) -> Scheduled:
        with self.session() as session:
            row = _state(session, learner_id, item_id)
            return Scheduled(item_id, dict(row.card) if row else None, row.due if row else None)

    def record_review(
        self,
        learner_id: int,
        item_id: int,
        *,
        card: dict[str, Any] | None,
        due: datetime | None,
        log: ReviewLog | None,
        replacing: Answered | None = None,
    ) -> Answered:
        """Store a new scheduling state for an item, and its log row, in one
        transaction. ``card`` None leaves the state as it is (practice and
        tests log answers without scheduling); ``log`` None writes no log (a
        bury). ``replacing`` is an earlier answer to the same item that this
        one corrects (a new rating, "I was right"): its log row goes in the
        same transaction, and the state it replaced stays the one to undo to."""
        with self.session(write=True) as session:
            row = _state(session, learner_id, item_id)
            before = Scheduled(item_id, dict(row.card) if row else None, row.due if row else None)
            if replacing is not None:
                before = replacing.before
                old = session.get(ReviewLog, replacing.log_id) if replacing.log_id else None
                if old is not None:
                    session.delete(old)
            if card is not None and due is not None:
                if row is None:
                    row = ReviewState(learner_id=learner_id, item_id=item_id, due=due, card=card)
                else:
                    row.card, row.due, row.updated_at = card, due, log.reviewed_at if log else due
                session.add(row)
            log_id = 0
            if log is not None:
                session.add(log)
                session.flush()
                log_id = stored_id(log)
            session.commit()
        return Answered(log_id, before)

    def undo_review(self, learner_id: int, answered: Answered) -> None:
        """Remove an answer's log row and put its item's scheduling state back, in one transaction."""
        with self.session(write=True) as session:
            if answered.log_id:
                log = session.get(ReviewLog, answered.log_id)
                if log is not None:
                    session.delete(log)
            row = _state(session, learner_id, answered.before.item_id)
            if answered.before.card is None:
                if row is not None:
                    session.delete(row)
            else:
                # Scheduled takes its card and due from the same row: with a card, there is a due.
                assert answered.before.due is not None
                if row is None:
                    row = ReviewState(
                        learner_id=learner_id, item_id=answered.before.item_id, due=answered.before.due, card={}
                    )
                row.card, row.due = answered.before.card, answered.before.due
                session.add(row)
            session.commit()

    def edit_item(self, item_id: int, *, prompt: str, answer: str) -> ItemRecord:
        """A learner's or teacher's correction of an item; regeneration keeps it,
        and its new change time lets an exported Anki note update."""
        from quizgen.errors import NotFound

        with self.session(write=True) as session:
            row = session.get(ItemRecord, item_id)
            if row is None:
                raise NotFound(f"no item with id {item_id}; see: quizgen items list")
            if (row.prompt, row.answer) != (prompt, answer):
                row.updated_at = utc_now()
            row.prompt, row.answer, row.status = prompt, answer, ItemStatus.edited
            session.add(row)
            session.commit()
            return row

    def set_status(self, item_ids: Sequence[int], status: ItemStatus) -> list[ItemRecord]:
        """Approve or reject items (or put them back to draft), all in one transaction."""
        from quizgen.errors import NotFound

        with self.session(write=True) as session:
            rows = []
            for item_id in item_ids:
                row = session.get(ItemRecord, item_id)
                if row is None:
                    raise NotFound(f"no item with id {item_id}; see: quizgen items list")
                row.status = status
                session.add(row)
                rows.append(row)
            session.commit()
            return rows

    def review_logs(self, learner_id: int, since: datetime | None = None) -> Sequence[ReviewLog]:
        query = (
            select(ReviewLog)
            .where(ReviewLog.learner_id == learner_id)
            .order_by(col(ReviewLog.reviewed_at), col(ReviewLog.id))
        )
        if since is not None:
            query = query.where(ReviewLog.reviewed_at >= since)
        with self.session() as session:
            return list(session.exec(query).all())


def _state(session, learner_id: int, item_id: int) -> ReviewState | None:
    return session.exec(
        select(ReviewState).where(ReviewState.learner_id == learner_id, ReviewState.item_id == item_id)
    ).first()
