"""Finding and reading article files: the paths of ``quizgen add`` to article texts.

article (this) -> analysis. Each file is read on its own, so a bad file costs
only itself: its error is yielded in its place and the rest go on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from quizgen.errors import ArticleError
from quizgen.ingest.article import DEFAULT_MAX_BYTES, FORMATS, ArticleText, read_article, read_stream
from quizgen.ingest.fetch import fetch_articles, is_url

# Files that sit beside articles in a folder but are not articles.
_NOT_ARTICLES = ("readme", "license", "licence", "changelog", "contributing", "notice")


def discover(paths: Iterable[str | Path | ArticleError]) -> Iterator[Path | str | ArticleError]:
    """Expand the arguments of ``quizgen add`` into article files.

    Yields a :class:`Path` per file, ``"-"`` for standard input, and an
    :class:`ArticleError` for an argument that gives no article. Directories are
    walked recursively in name order; only article types are taken from them,
    and hidden files and READMEs are left out. What it yields can be given
    to it again and comes back the same.
    """
    for raw in paths:
        if isinstance(raw, ArticleError):
            yield raw
            continue
        if str(raw) == "-" or is_url(str(raw)):
            yield str(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(_articles_under(path))
            if not found:
                yield ArticleError(str(path), "no .txt, .md, .html, .pdf or .docx articles in this directory")
            yield from found
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield ArticleError(str(path), "no such file or directory")


def _articles_under(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = Path(root, name)
            suffix = path.suffix.lower()
            if not name.startswith(".") and suffix in FORMATS and suffix and path.stem.lower() not in _NOT_ARTICLES:
                yield path


def read_all(
    paths: Iterable[str | Path | ArticleError], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ArticleText | ArticleError]:
    """Read every article named by ``paths``; failures are yielded, not raised."""
    for found in discover(paths):
        if isinstance(found, ArticleError):
            yield found
            continue
        try:
            if found == "-":
                yield read_stream(max_bytes=max_bytes)
            elif isinstance(found, str):
                yield from fetch_articles(found, max_bytes=max_bytes)
            else:
                yield read_article(found, max_bytes=max_bytes)
        except ArticleError as exc:
            yield exc
