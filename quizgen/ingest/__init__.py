"""Ingest: article files (text, Markdown, HTML) to titled plain text.

First stage of the pipeline: article -> analysis -> facts -> ... -> store.
Nothing here writes: :func:`quizgen.workflows.add.add_articles` stores what
this reads.
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
from quizgen.ingest.paths import discover, read_all

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ArticleText",
    "content_hash",
    "discover",
    "parse_article",
    "parse_size",
    "read_all",
    "read_article",
    "read_stream",
]
