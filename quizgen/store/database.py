"""The store: one object over one database, with a method per operation.

Commands call these methods and print what they return; nothing else in
quizgen writes to the database. Every write is its own transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import URL
from sqlmodel import Session, func, select

from quizgen.errors import NotFound
from quizgen.store import schema
from quizgen.store.engine import (
    create_engine,
    display_url,
    reporting_connection_errors,
    resolve_url,
)
from quizgen.store.models import Article, ItemRecord

if TYPE_CHECKING:
    from quizgen.ingest import ArticleText


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    source: str
    language: str
    added_at: datetime
    items: int


class Store:
    """A quizgen database. ``Store()`` opens the default SQLite file.

    ``url`` is an SQLAlchemy URL or a path; without one, ``QUIZGEN_DB`` and then
    the user data directory are used. A new database is created at the current
    schema; an older one is refused unless ``upgrade=True``.
    """

    def __init__(self, url: str | URL | None = None, *, upgrade: bool = False) -> None:
        self.url = url if isinstance(url, URL) else resolve_url(url)
        self.engine = create_engine(self.url)
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
    def session(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    # Articles

    def add_article(self, read: ArticleText) -> tuple[Article, bool]:
        """Store an article unless the same text is stored; returns it and whether it is new."""
        digest = read.content_hash
        existing = self._article_by_hash(digest)
        if existing is not None:
            return existing, False
        article = Article(
            title=read.title, source=read.source, text=read.text, content_hash=digest
        )
        try:
            with self.session() as session:
                session.add(article)
                session.commit()
        except sa.exc.IntegrityError:
            # Another process stored the same text between the look-up and the insert.
            existing = self._article_by_hash(digest)
            if existing is None:
                raise
            return existing, False
        return article, True

    def _article_by_hash(self, digest: str) -> Article | None:
        with self.session() as session:
            return session.exec(select(Article).where(Article.content_hash == digest)).first()

    def article(self, article_id: int) -> Article:
        with self.session() as session:
            article = session.get(Article, article_id)
        if article is None:
            raise NotFound(f"no article with id {article_id}; see: quizgen articles list")
        return article

    def articles(self) -> list[ArticleSummary]:
        items = (
            select(ItemRecord.article_id, func.count().label("n"))
            .group_by(ItemRecord.article_id)
            .subquery()
        )
        query = (
            select(
                Article.id,
                Article.title,
                Article.source,
                Article.language,
                Article.added_at,
                func.coalesce(items.c.n, 0),
            )
            .outerjoin(items, items.c.article_id == Article.id)
            .order_by(Article.id)
        )
        with self.session() as session:
            return [ArticleSummary(*row) for row in session.exec(query).all()]

    def count_items(self, article_id: int) -> int:
        with self.session() as session:
            return session.exec(
                select(func.count()).select_from(ItemRecord).where(ItemRecord.article_id == article_id)
            ).one()

    def remove_article(self, article_id: int) -> tuple[Article, int]:
        """Delete an article with its items and their review history."""
        with self.session() as session:
            article = session.get(Article, article_id)
            if article is None:
                raise NotFound(f"no article with id {article_id}; see: quizgen articles list")
            items = session.exec(
                select(func.count()).select_from(ItemRecord).where(ItemRecord.article_id == article_id)
            ).one()
            session.delete(article)
            session.commit()
        return article, items
