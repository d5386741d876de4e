"""The store: one object over one database, with a method per operation.

Commands call these methods and print what they return; nothing else in
quizgen writes to the database. Every write is its own transaction.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

import sqlalchemy as sa
from sqlalchemy.engine import URL
from sqlmodel import Session, SQLModel, col, func, select

from quizgen.clock import utc_now
from quizgen.errors import NotFound
from quizgen.store import schema
from quizgen.store.engine import (
    create_engine,
    display_url,
    reporting_connection_errors,
    resolve_url,
    writer,
)
from quizgen.store.models import (
    Article,
    ArticleKind,
    ItemKind,
    ItemRecord,
    ItemStatus,
    deck_hash,
    select_columns,
    stored_id,
)
from quizgen.store.progress import Progress
from quizgen.store.reviews import Reviews

if TYPE_CHECKING:
    from quizgen.ingest import ArticleText
    from quizgen.item import Item

# Rows per multi-row INSERT: within SQLite's limit of bound values per statement.
_ROWS_PER_INSERT = 500

# Statuses a person gave an item: regeneration leaves those items alone.
CURATED = (ItemStatus.approved, ItemStatus.edited, ItemStatus.rejected)
# What a teacher did to one of their own items in quizgen: importing it again leaves it so.
CHANGED_HERE = (ItemStatus.edited, ItemStatus.rejected)


@dataclass(frozen=True)
class SaveReport:
    """What storing an article's newly generated items did."""

    added: int
    updated: int
    unchanged: int
    kept: int  # approved, edited or rejected: left as the user made them
    removed: int


@dataclass(frozen=True)
class ArticleTitle:
    """What names an article's deck in an Anki export: its title, told apart
    from another article's of the same title by its content hash."""

    title: str
    content_hash: str


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    source: str
    language: str
    added_at: datetime
    items: int
    kind: ArticleKind = ArticleKind.article


@dataclass(frozen=True)
class AuthoredReport:
    """What storing a teacher's own items in an article or a deck did."""

    article_id: int
    title: str
    kind: ArticleKind  # of the article or deck the items went to
    new_deck: bool  # the deck was made for these items
    added: int
    updated: int
    unchanged: int
    kept: int  # edited or rejected in quizgen since: left as the teacher made them
    ids: tuple[int, ...]  # the stored item of each item given, in order


class Store(Reviews, Progress):
    """A quizgen database. ``Store()`` opens the default SQLite file.

    ``url`` is an SQLAlchemy URL or a path; without one, ``QUIZGEN_DB`` and then
    the user data directory are used. A new database is created at the current
    schema; an older one is refused unless ``upgrade=True``.
    """

    def __init__(self, url: str | URL | None = None, *, upgrade: bool = False) -> None:
        self.url = url if isinstance(url, URL) else resolve_url(url)
        self.engine = create_engine(self.url)
        self._writer = writer(self.engine)
        try:
            with reporting_connection_errors(self.url):
                schema.ensure_current(self.engine, self.display_url, allow_upgrade=upgrade)
        except BaseException:
            self.engine.dispose()
            raise

    @property
    def display_url(self) -> str:
        """The URL with any password hidden: the only form that may be shown or logged."""
        return display_url(self.url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.display_url!r})"

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A session for one transaction; ``write=True`` for one that writes,
        so that concurrent writers queue for the lock rather than fail."""
        with Session(self._writer if write else self.engine, expire_on_commit=False) as session:
            yield session

    # Articles

    def save_article(self, read: ArticleText) -> tuple[Article, bool]:
        """Store an article unless the same text is stored; returns it and whether it is new."""
        return self.save_articles([read])[0]

    def save_articles(self, reads: Sequence[ArticleText]) -> list[tuple[Article, bool]]:
        """Store articles in one transaction, each unless the same text is
        stored already, by this or another process at the same moment: an
        insert that meets the content hash does nothing. Returns each article
        and whether it is new, in order."""
        if not reads:
            return []
        now = utc_now()
        created = []
        with self.session(write=True) as session:
            for read in reads:
                insert = (
                    self._insert(Article)
                    .values(
                        title=read.title,
                        source=read.source,
                        text=read.text,
                        content_hash=read.content_hash,
                        added_at=now,
                    )
                    .on_conflict_do_nothing(index_elements=["content_hash"])
                    .returning(_table(Article).c.id)
                )
                created.append(session.execute(insert).first() is not None)
            hashes = {read.content_hash for read in reads}
            stored = {
                article.content_hash: article
                for article in session.exec(select(Article).where(col(Article.content_hash).in_(hashes)))
            }
            session.commit()
        return [(stored[read.content_hash], new) for read, new in zip(reads, created)]

    def _insert(self, model: type[SQLModel]) -> Any:
        """An INSERT of the database's own dialect, which knows ON CONFLICT."""
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as postgresql_insert

            return postgresql_insert(_table(model))
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(_table(model))

    def article(self, article_id: int) -> Article:
        with self.session() as session:
            article = session.get(Article, article_id)
        if article is None:
            raise _no_article(article_id)
        return article

    def fetch_articles(self, article_ids: Sequence[int] | None = None) -> list[Article]:
        """Whole articles, text included: those named, in that order, or all."""
        return list(self.stream_articles(self.article_ids(article_ids)))

    def article_ids(self, article_ids: Sequence[int] | None = None, *, kind: ArticleKind | None = None) -> list[int]:
        """The ids of the articles named, in that order, or of all, in id
        order, only those of ``kind`` if it is given (``ArticleKind.article``:
        no decks); an id that is not stored is an error."""
        query = select(Article.id, Article.kind).order_by(col(Article.id))
        if article_ids is not None:
            query = query.where(col(Article.id).in_(list(article_ids)))
        with self.session() as session:
            # Read from the primary key column, so never None.
            kinds = cast(dict[int, ArticleKind], dict(session.exec(query).all()))
        if article_ids is None:
            found = list(kinds)
        else:
            missing = next((i for i in article_ids if i not in kinds), None)
            if missing is not None:
                raise _no_article(missing)
            found = list(dict.fromkeys(article_ids))
        return found if kind is None else [i for i in found if kinds[i] == kind]

    def stream_articles(self, article_ids: Sequence[int], *, page: int = 64) -> Iterator[Article]:
        """The articles with these ids, in this order, read a page at a time so
        that a whole corpus never sits in memory at once. An article removed
        meanwhile is passed over."""
        for start in range(0, len(article_ids), page):
            wanted = article_ids[start : start + page]
            with self.session() as session:
                found = {a.id: a for a in session.exec(select(Article).where(col(Article.id).in_(wanted)))}
            yield from (found[i] for i in wanted if i in found)

    def titles(self) -> dict[int, ArticleTitle]:
        """Every article's title and content hash, by id, without its text."""
        query = select_columns(Article.id, Article.title, Article.content_hash).order_by(col(Article.id))
        with self.session() as session:
            return {row[0]: ArticleTitle(row[1], row[2]) for row in session.exec(query).all()}

    def articles(self) -> list[ArticleSummary]:
        items = select(ItemRecord.article_id, func.count().label("n")).group_by(col(ItemRecord.article_id)).subquery()
        query = (
            select_columns(
                Article.id,
                Article.title,
                Article.source,
                Article.language,
                Article.added_at,
                func.coalesce(items.c.n, 0),
                Article.kind,
            )
            .outerjoin(items, items.c.article_id == Article.id)
            .order_by(col(Article.id))
        )
        with self.session(write=True) as session:
            return [ArticleSummary(*row) for row in session.exec(query).all()]

    def article_from(self, source: str) -> Article | None:
        """The article stored first from ``source`` (a path or a web address), if any."""
        with self.session() as session:
            return session.exec(select(Article).where(Article.source == source).order_by(col(Article.id))).first()

    def count_items(self, article_id: int) -> int:
        with self.session() as session:
            return _count_items(session, article_id)

    def remove_article(self, article_id: int) -> tuple[Article, int]:
        """Delete an article with its items and their review history."""
        with self.session() as session:
            article = session.get(Article, article_id)
            if article is None:
                raise _no_article(article_id)
            items = _count_items(session, article_id)
            session.delete(article)
            session.commit()
        return article, items

    # Items

    def save_items(self, article_id: int, items: list[Item]) -> SaveReport:
        """Store an article's generated items in one transaction (see :meth:`save_batch`)."""
        return self.save_batch([(article_id, items)])[0]

    def save_batch(self, generated: Sequence[tuple[int, list[Item]]]) -> list[SaveReport]:
        """Store the generated items of several articles in one transaction.

        An item whose key is already stored updates that row if it is still a
        draft, so its review history stays attached; approved, edited and
        rejected items are left as they are. Drafts that were not generated
        again are removed. Two processes saving the same article at once take
        turns (its row is locked), and a key stored by another process in the
        meantime is left to that process, so nothing is stored twice.
        """
        with self.session(write=True) as session:
            ids = sorted({article_id for article_id, _ in generated})
            found = set(
                session.exec(
                    select(Article.id).where(col(Article.id).in_(ids)).order_by(col(Article.id)).with_for_update()
                )
            )
            missing = next((i for i in ids if i not in found), None)
            if missing is not None:
                raise _no_article(missing)
            reports = [self._save_items(session, article_id, items) for article_id, items in generated]
            session.commit()
        return reports

    def _save_items(self, session: Session, article_id: int, items: list[Item]) -> SaveReport:
        updated = unchanged = kept = 0
        stored = {row.key: row for row in session.exec(select(ItemRecord).where(ItemRecord.article_id == article_id))}
        others = set(
            session.exec(
                select(ItemRecord.key).where(
                    col(ItemRecord.key).in_([i.key for i in items]), ItemRecord.article_id != article_id
                )
            )
        )
        fresh = set()
        new_rows = []
        now = utc_now()
        for item in items:
            if item.key in others or item.key in fresh:
                continue
            fresh.add(item.key)
            fields = _record_fields(item)
            row = stored.get(item.key)
            if row is None:
                new_rows.append(
                    {
                        **fields,
                        "article_id": article_id,
                        "status": ItemStatus.draft,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
            elif row.status in CURATED:
                kept += 1
            else:
                changed = any(getattr(row, name) != value for name, value in fields.items())
                for name, value in fields.items():
                    setattr(row, name, value)
                if changed:
                    row.updated_at = now
                    updated += 1
                else:
                    unchanged += 1
        removed = 0
        for key, row in stored.items():
            if key not in fresh and row.status == ItemStatus.draft:
                session.delete(row)
                removed += 1
        session.flush()
        added = 0
        for start in range(0, len(new_rows), _ROWS_PER_INSERT):
            insert = (
                self._insert(ItemRecord)
                .values(new_rows[start : start + _ROWS_PER_INSERT])
                .on_conflict_do_nothing(index_elements=["key"])
                .returning(_table(ItemRecord).c.key)
            )
            added += len(session.execute(insert).all())
        return SaveReport(added=added, updated=updated, unchanged=unchanged, kept=kept, removed=removed)

    def save_authored(
        self, items: Sequence[Item], *, article_id: int | None = None, deck: str | None = None
    ) -> AuthoredReport:
        """Store a teacher's own items in one transaction: in the article
        ``article_id``, or in the deck called ``deck``, which is made if no
        deck of that name (in any case) is stored.

        The items are approved, so every export and the quiz take them and
        regenerating never removes them. An item whose key is stored already
        is updated in place (same id, same review history), unless it was
        edited or rejected in quizgen since: that one is kept as it is. A new
        item's ``sentence_start`` counts down from -1, below every other of
        its article: it has no sentence in the article, and so each such item
        is a fact of its own (:func:`quizgen.forms.siblings.fact_of`).
        """
        if (article_id is None) == (deck is None):
            raise ValueError("give either article_id or deck")
        with self.session(write=True) as session:
            article, new_deck = self._authored_target(session, article_id, deck)
            target = stored_id(article)
            stored = {row.key: row for row in session.exec(select(ItemRecord).where(ItemRecord.article_id == target))}
            start = min(min((row.sentence_start for row in stored.values()), default=0), 0)
            new_rows: list[dict] = []
            seen: set[str] = set()
            updated = unchanged = kept = 0
            now = utc_now()
            for item in items:
                if item.key in seen:
                    continue
                seen.add(item.key)
                fields = {**_record_fields(item), "status": ItemStatus.approved}
                del fields["sentence_start"]
                row = stored.get(item.key)
                if row is None:
                    start -= 1
                    new_rows.append(
                        {
                            **fields,
                            "article_id": target,
                            "sentence_start": start,
                            "created_at": now,
                            "updated_at": now,
                        }
                    )
                elif row.status in CHANGED_HERE:
                    kept += 1
                elif any(getattr(row, name) != value for name, value in fields.items()):
                    for name, value in fields.items():
                        setattr(row, name, value)
                    row.updated_at = now
                    updated += 1
                else:
                    unchanged += 1
            session.flush()
            for first in range(0, len(new_rows), _ROWS_PER_INSERT):
                session.execute(self._insert(ItemRecord).values(new_rows[first : first + _ROWS_PER_INSERT]))
            ids = dict(session.exec(select(ItemRecord.key, ItemRecord.id).where(ItemRecord.article_id == target)).all())
            session.commit()
        return AuthoredReport(
            article_id=target,
            title=article.title,
            kind=article.kind,
            new_deck=new_deck,
            added=len(new_rows),
            updated=updated,
            unchanged=unchanged,
            kept=kept,
            ids=tuple(cast(int, ids[item.key]) for item in items),
        )

    def _authored_target(self, session: Session, article_id: int | None, deck: str | None) -> tuple[Article, bool]:
        """The article or deck that authored items go to, locked for this
        transaction, and whether it is a deck made just now."""
        made = False
        if deck is not None:
            insert = (
                self._insert(Article)
                .values(
                    title=deck,
                    source="",
                    text="",
                    content_hash=deck_hash(deck),
                    kind=ArticleKind.deck,
                    added_at=utc_now(),
                )
                .on_conflict_do_nothing(index_elements=["content_hash"])
                .returning(_table(Article).c.id)
            )
            made = session.execute(insert).first() is not None
            query = select(Article).where(Article.content_hash == deck_hash(deck))
        else:
            query = select(Article).where(Article.id == article_id)
        article = session.exec(query.with_for_update()).first()
        if article is None:
            raise _no_article(cast(int, article_id))
        return article, made

    def items(self, article_id: int | None = None) -> list[ItemRecord]:
        query = select(ItemRecord).order_by(
            col(ItemRecord.article_id), col(ItemRecord.score).desc(), col(ItemRecord.id)
        )
        if article_id is not None:
            query = query.where(ItemRecord.article_id == article_id)
        with self.session() as session:
            return list(session.exec(query).all())

    def item(self, item_id: int) -> ItemRecord:
        with self.session() as session:
            row = session.get(ItemRecord, item_id)
        if row is None:
            raise NotFound(f"no item with id {item_id}; see: quizgen items list")
        return row


def _table(model: type[SQLModel]) -> sa.Table:
    # SQLModel gives every table model its Table as __table__ but does not declare it.
    return model.__table__  # type: ignore[attr-defined]


def _no_article(article_id: int) -> NotFound:
    return NotFound(f"no article with id {article_id}; see: quizgen articles list")


def _count_items(session: Session, article_id: int) -> int:
    return session.exec(select(func.count()).select_from(ItemRecord).where(ItemRecord.article_id == article_id)).one()


def _record_fields(item: Item) -> dict:
    return {
        "key": item.key,
        "kind": ItemKind(item.kind),
        "prompt": item.prompt,
        "answer": item.answer,
        "accepted_answers": list(item.accepted_answers),
        "distractors": list(item.distractors),
        "pairs": [list(pair) for pair in item.pairs],
        "label": item.label,
        "sentence": item.sentence,
        "sentence_start": item.sentence_start,
        "answer_start": item.answer_start,
        "answer_end": item.answer_end,
        "rule": item.rule,
        "score": item.score,
        "reasons": list(item.reasons),
    }
