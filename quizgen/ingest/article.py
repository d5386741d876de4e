"""One article file to its title and body text, ready for analysis.

The headline is kept apart from the body: it is the article's title, not the
first sentence of its text. The body is stored exactly as returned here, so
every character offset computed later refers to this text.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from quizgen.errors import ArticleError, UsageError
from quizgen.ingest.decode import decode_text
from quizgen.ingest.lines import one_line, visible
from quizgen.item import content_hash

DEFAULT_MAX_BYTES = 5 * 1000 * 1000
FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    "": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
# Formats read from their bytes by a document library, not decoded as text first.
DOCUMENTS = frozenset(("pdf", "docx"))
STDIN = "<stdin>"
# A first line longer than this is a paragraph, not a headline.
_MAX_HEADLINE_CHARS = 200


@dataclass(frozen=True)
class ArticleText:
    """An article as read from its file: nothing analysed yet."""

    title: str
    text: str
    source: str
    format: str
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @property
    def words(self) -> int:
        return len(self.text.split())


def parse_size(value: str) -> int:
    """``"5MB"``, ``"500k"``, ``"1.5 MiB"`` or a plain number of bytes."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)(i?)(?:b|bytes?)?\s*", value, re.IGNORECASE)
    if not match:
        raise UsageError(f"size {value!r} is not valid; write it like 5MB, 500kB or 1000000")
    number, prefix, binary = match.groups()
    base = 1024 if binary else 1000
    exponent = " kmg".index(prefix.lower() or " ")
    size = int(float(number) * base**exponent)
    if size <= 0:
        raise UsageError(f"size {value!r} must be above zero")
    return size


def format_size(size: int) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ArticleError(
            str(path), f"unsupported file type {suffix!r}; quizgen reads .txt, .md, .html, .pdf and .docx"
        )
    return FORMATS[suffix]


def read_article(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ArticleText:
    """Read one article file. Raises :class:`ArticleError` if it cannot be used."""
    path = Path(path)
    source = str(path)
    fmt = format_of(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleError(
                source,
                f"{format_size(size)}, over the {format_size(max_bytes)} limit; raise it with --max-size",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(source, "no such file or directory") from None
    except IsADirectoryError:
        raise ArticleError(source, "is a directory") from None
    except PermissionError:
        raise ArticleError(source, "permission denied; check the file's permissions") from None
    except OSError as exc:
        raise ArticleError(source, f"cannot be read: {exc.strerror or exc}") from None
    return parse_article(data, source=source, format=fmt, fallback_title=_title_from_name(path))


def read_stream(stream: BinaryIO | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ArticleText:
    """Read one article from a byte stream, standard input by default."""
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ArticleError(STDIN, f"over the {format_size(max_bytes)} limit; raise it with --max-size")
    return parse_article(data, source=STDIN, format=_sniff_format(data))


def parse_article(data: bytes, *, source: str, format: str, fallback_title: str | None = None) -> ArticleText:
    """Turn the bytes of an article in ``format`` (txt, md, html, pdf, docx) into an :class:`ArticleText`."""
    if not data.strip():
        raise ArticleError(source, "empty file; an article needs some text")
    warnings: list[str] = []
    if format in DOCUMENTS:
        title, body = _document_to_article(data, source, format)
    else:
        text, warnings = decode_text(data, source, html=format == "html")
        # Invisible characters go before the structure is read, so that one
        # cannot make a headline or a Markdown mark, and again below, for those
        # an entity spells (&shy;, &#8203;) or a PDF or Word file holds.
        title, body = _text_to_article(visible(text), format)
    body = _tidy(visible(body))
    if not body:
        raise ArticleError(source, "has no article text (only a title or markup)")
    title = one_line(title or "") or one_line(fallback_title or "") or _title_from_text(body)
    return ArticleText(title=title, text=body, source=source, format=format, warnings=tuple(warnings))


def _document_to_article(data: bytes, source: str, format: str) -> tuple[str | None, str]:
    if format == "pdf":
        from quizgen.ingest.pdf import pdf_to_article

        return pdf_to_article(data, source)
    from quizgen.ingest.docx import docx_to_article

    return docx_to_article(data, source)


def _text_to_article(text: str, format: str) -> tuple[str | None, str]:
    if format == "html":
        from quizgen.ingest.html import html_to_article

        return html_to_article(text)
    if format == "md":
        from quizgen.ingest.markdown import markdown_to_article

        return markdown_to_article(text)
    return _plain_to_article(text)


def _plain_to_article(text: str) -> tuple[str | None, str]:
    first, _, rest = text.strip().partition("\n")
    if rest.strip() and len(first.strip()) <= _MAX_HEADLINE_CHARS:
        return first, _unwrap(rest)
    return None, _unwrap(text)


def _unwrap(text: str) -> str:
    """One paragraph per line: where blank lines mark paragraphs, the lines
    between them are one hard-wrapped paragraph."""
    text = text.strip()
    if not re.search(r"\n[^\S\n]*\n", text):
        return text
    paragraphs = re.split(r"\n(?:[^\S\n]*\n)+", text)
    return "\n".join(" ".join(p.split()) for p in paragraphs)


def _tidy(body: str) -> str:
    """Every line stripped, blank lines dropped: paragraphs are lines."""
    return "\n".join(line.strip() for line in body.split("\n") if line.strip())


def _title_from_name(path: Path) -> str:
    return re.sub(r"[-_]+", " ", path.stem).strip() or path.name


def _title_from_text(body: str, words: int = 8) -> str:
    head = body.split()
    return " ".join(head[:words]) + (" …" if len(head) > words else "")


def _sniff_format(data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        return "pdf"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<p>" in head:
        return "html"
    if head.startswith((b"---\n", b"# ")):
        return "md"
    return "txt"
