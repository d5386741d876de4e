"""Ingest: article files (text, Markdown, HTML) to titled plain text, then to the store.

First stage of the pipeline: article -> analysis -> facts -> items -> store.
"""

from quizgen.ingest.article import (
    DEFAULT_MAX_BYTES,
    ArticleText,
    content_hash,
    parse_article,
    parse_size,
    read_article,
    read_stream,
)
from quizgen.ingest.batch import IngestOutcome, add_articles, discover, read_all

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ArticleText",
    "IngestOutcome",
    "add_articles",
    "content_hash",
    "discover",
    "parse_article",
    "parse_size",
    "read_all",
    "read_article",
    "read_stream",
]
