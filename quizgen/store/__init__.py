"""The store: articles, items, learners and reviews in SQLite or PostgreSQL.

Last stage of generation and first of study: items -> store -> quiz and exports.
This package never imports spaCy.
"""

from quizgen.store.database import ArticleSummary, ArticleTitle, SaveReport, Store
from quizgen.store.engine import default_url, display_url, resolve_url
from quizgen.store.models import (
    Article,
    ItemKind,
    ItemRecord,
    ItemStatus,
    Learner,
    ReviewLog,
    ReviewState,
    stored_id,
)
from quizgen.store.reviews import Answered, Scheduled, StudyFilter

__all__ = [
    "Answered",
    "Article",
    "ArticleSummary",
    "ArticleTitle",
    "ItemRecord",
    "ItemKind",
    "ItemStatus",
    "Learner",
    "ReviewLog",
    "ReviewState",
    "SaveReport",
    "Scheduled",
    "StudyFilter",
    "Store",
    "default_url",
    "display_url",
    "resolve_url",
    "stored_id",
]
