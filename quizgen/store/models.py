"""Tables of the store: articles, their items, learners and their reviews.

The generator produces plain dataclasses; this module is where they become rows.
Times are stored as UTC and always come back timezone-aware, whatever the
database does with time zones.
"""

from __future__ import annotations

import enum
import hashlib
from datetime import UTC, datetime
from typing import Any, Protocol

import sqlalchemy as sa
from sqlmodel import Column, Field, SQLModel
from sqlmodel.sql.expression import Select

from quizgen.clock import utc_now


class UTCDateTime(sa.types.TypeDecorator):
    """A timestamp stored as naive UTC and read back as aware UTC.

    SQLite has no time zone type, and PostgreSQL's converts to the session's
    zone; storing naive UTC behaves the same on both.
    """

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class StoredEnum(sa.types.TypeDecorator):
    """A string enum stored as its value in a plain VARCHAR and read back as the enum.

    The column stays the VARCHAR the migrations made (no database enum type
    to alter when a kind is added), and a row never hands out a bare string
    where the model promises the enum. Values to compare with may be the enum
    or its string, as in ``ItemRecord.kind.in_(["wh", "cloze"])``.
    """

    impl = sa.String
    cache_ok = True

    def __init__(self, enum_type: type[enum.StrEnum], length: int) -> None:
        super().__init__(length)
        self.enum_type = enum_type

    def process_bind_param(self, value: str | None, dialect: Any) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: str | None, dialect: Any) -> enum.StrEnum | None:
        return None if value is None else self.enum_type(value)


class ArticleKind(enum.StrEnum):
    """What an article row holds: a text to generate items from, or a deck of
    a teacher's own items, named by its title, with no text at all."""

    article = "article"
    deck = "deck"


class ItemKind(enum.StrEnum):
    wh = "wh"
    cloze = "cloze"
    multiple_choice = "multiple_choice"
    true_false = "true_false"
    matching = "matching"


class ItemStatus(enum.StrEnum):
    draft = "draft"
    approved = "approved"
    rejected = "rejected"
    edited = "edited"


class _Row(Protocol):
    @property
    def id(self) -> int | None: ...


def stored_id(row: _Row) -> int:
    """The primary key of a row read from the store or flushed to it.

    The models declare ``id: int | None`` because a row has no id until it
    is inserted; a row that came from the database always has one.
    """
    assert row.id is not None, f"{type(row).__name__} has no id: it was never stored"
    return row.id


def select_columns(*columns: Any) -> Select[*tuple[Any, ...]]:
    """``sqlmodel.select`` of more columns than its overloads are typed for
    (four; fastapi/sqlmodel#271): the same statement, its rows untyped."""
    return Select(*columns)


def _timestamp(**kwargs: Any) -> Any:
    return Field(default_factory=utc_now, sa_column=Column(UTCDateTime(), nullable=False, **kwargs))


def _json_list() -> Any:
    return Field(default_factory=list, sa_column=Column(sa.JSON(), nullable=False))


def _fk(target: str) -> Any:
    return Field(sa_column=Column(sa.Integer, sa.ForeignKey(target, ondelete="CASCADE"), nullable=False, index=True))


class Article(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    title: str
    source: str
    text: str = Field(sa_column=Column(sa.Text(), nullable=False))
    content_hash: str = Field(max_length=64, unique=True)
    language: str = Field(default="en", max_length=16)
    added_at: datetime = _timestamp()
    kind: ArticleKind = Field(
        default=ArticleKind.article,
        sa_column=Column(StoredEnum(ArticleKind, 16), nullable=False, server_default="article"),
    )


def deck_hash(name: str) -> str:
    """The content hash of the deck called ``name``: the same for the same name
    in any case or spacing, as Anki reads deck names, and never an article's,
    whose text holds no NUL."""
    canonical = " ".join(name.casefold().split())
    return hashlib.sha256(f"deck\x00{canonical}".encode()).hexdigest()


class ItemRecord(SQLModel, table=True):
    """A stored question-answer item (a :class:`quizgen.Item`) of one article.

    ``key`` is derived from what the item asks about, not from its wording, so
    regenerating an article finds the same keys and review history and Anki
    notes stay attached.
    """

    __tablename__ = "item"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = _fk("article.id")
    key: str = Field(max_length=64, unique=True)
    kind: ItemKind = Field(sa_column=Column(StoredEnum(ItemKind, 32), nullable=False))
    prompt: str = Field(sa_column=Column(sa.Text(), nullable=False))
    answer: str
    accepted_answers: list[str] = _json_list()
    distractors: list[str] = _json_list()
    sentence: str = Field(sa_column=Column(sa.Text(), nullable=False))
    sentence_start: int = Field(description="offset of the sentence in the article text")
    answer_start: int | None = Field(default=None, description="offset of the answer in the sentence")
    answer_end: int | None = None
    rule: str = Field(max_length=64)
    score: float = 0.0
    reasons: list[str] = Field(default_factory=list, sa_column=Column(sa.JSON(), nullable=False, server_default="[]"))
    # The answer's entity label ("PERSON", "GPE", ...), "" when it is no name.
    label: str = Field(default="", sa_column=Column(sa.String(32), nullable=False, server_default=""))
    # A matching item's pairs, [left, right] each, in their correct order.
    pairs: list[list[str]] = Field(
        default_factory=list, sa_column=Column(sa.JSON(), nullable=False, server_default="[]")
    )
    status: ItemStatus = Field(
        default=ItemStatus.draft,
        sa_column=Column(StoredEnum(ItemStatus, 16), nullable=False, index=True, server_default="draft"),
    )
    created_at: datetime = _timestamp()
    updated_at: datetime = _timestamp()


class Learner(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)
    created_at: datetime = _timestamp()


class ReviewState(SQLModel, table=True):
    """The FSRS card of one learner for one item.

    ``card`` is the scheduler's own serialization; ``due`` is copied out of it
    so that the due-item query can use an index.
    """

    __table_args__ = (
        sa.UniqueConstraint("learner_id", "item_id"),
        sa.Index("ix_reviewstate_learner_due", "learner_id", "due"),
    )

    id: int | None = Field(default=None, primary_key=True)
    learner_id: int = _fk("learner.id")
    item_id: int = _fk("item.id")
    due: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    card: dict[str, Any] = Field(default_factory=dict, sa_column=Column(sa.JSON(), nullable=False))
    updated_at: datetime = _timestamp()


class ReviewLog(SQLModel, table=True):
    __table_args__ = (sa.Index("ix_reviewlog_learner_reviewed", "learner_id", "reviewed_at"),)

    id: int | None = Field(default=None, primary_key=True)
    learner_id: int = _fk("learner.id")
    item_id: int = _fk("item.id")
    rating: int = Field(description="FSRS rating: 1 Again, 2 Hard, 3 Good, 4 Easy")
    reviewed_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    duration_ms: int | None = None
    response: str | None = None
    correct: bool | None = None
    # The mode the answer was given in: "review" (scheduled), "practice" or "test".
    mode: str = Field(default="review", sa_column=Column(sa.String(16), nullable=False, server_default="review"))
    # The card's state before a review: "new", "learning", "review" or
    # "relearning"; true retention counts the reviews of cards in "review".
    # None for practice and test answers, which schedule nothing.
    state: str | None = Field(default=None, sa_column=Column(sa.String(16), nullable=True))
