"""PDF article to its title and plain body text.

Pipeline: article file -> ingest (this) -> analysis -> facts -> items.

A PDF holds positioned lines of text, not paragraphs. Each page's lines are
read in the order the page draws them (pypdf's plain extraction keeps columns
apart; its layout mode would set them side by side), with where each line
starts and its font size. Running headers, footers and page numbers are left
out, and the lines are joined into paragraphs, one per line, mending words
hyphenated across lines. A PDF with no text layer is refused: only OCR can
read a scan.
"""

from __future__ import annotations

import io
import logging
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from quizgen.errors import ArticleError
from quizgen.ingest.html import is_headline_plus_site
from quizgen.ingest.lines import one_line, visible

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader

__all__ = ["pdf_to_article"]

_SCANNED = (
    "a scanned PDF with no text layer; quizgen cannot read images of text"
    " — run OCR on it first (for example ocrmypdf) and add the result"
)
_NOT_PDF = "not a PDF file; save the article as PDF (or as text) and add that"
_DAMAGED = "a damaged PDF that cannot be read; open it in a PDF viewer and save or print it again as PDF"
_LOCKED = "a password-protected PDF; save a copy without the password (for example print it to PDF) and add that"
_AES = (
    "an AES-encrypted PDF, which needs the Python package cryptography to read;"
    " install it, or save an unencrypted copy and add that"
)
_NO_PAGES = "a PDF with no pages; save the article as PDF again and add that"

# Fewer characters of text than this per page, on average, is no text layer.
_MIN_CHARS_PER_PAGE = 20
_MAX_HEADLINE_CHARS = 200
# How many paragraphs from the top a headline repeating the title may be.
_TITLE_SEARCH = 3
# How many lines at the top and at the bottom of a page may be furniture.
_EDGE_LINES = 3
# A line is "full" within this share of the page's long lines; the last line
# of a paragraph is shorter than that.
_FULL_LINE_SHARE = 0.8
_HEADING_LINE_SHARE = 0.6
# Space above a line beyond this multiple of the usual line spacing starts a paragraph.
_GAP_FACTOR = 1.3
# Font sizes that differ by more than this share are different kinds of text.
_SIZE_TOLERANCE = 0.1
# A first-line indent, in ems; a larger step right is another column.
_INDENT_EMS = (0.5, 4.0)
_SENTENCE_END = re.compile(r"[.!?:…][\"'”’»)\]]*$")
_OPEN_END = re.compile(r"[,;(\[\-\u2010–—]$")
_LIST_MARKER = re.compile(r"(?:[•▪◦‣●■*–-]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s")
_PAGE_NUMBER = re.compile(r"[\W_]*(?:(?:page|pg\.?|p\.)\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?[\W_]*", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"\w+(?:[-\u2010]\w+)*")
# Enough of a line's end to hold the word broken there.
_LONGEST_WORD = 64
_HYPHEN = re.compile(r"[-\u2010]")
# A word broken at the end of a line. PDF writers give the hyphen as a hyphen
# or as a soft hyphen, whether the typesetter put it there or the word has it.
_LINE_END_HYPHEN = re.compile(r"(\w*[^\W\d_])[-\u2010\u00ad]$")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
# Characters that only hint at line breaking. A soft hyphen is drawn only
# where a line breaks, so one drawn inside a line is an ordinary hyphen (some
# PDF writers give all hyphens the code of the first one they drew).
_SOFT_HYPHEN_INSIDE = re.compile("\u00ad(?=.)")
# Titles that PDF writers fill in for a document nobody named.
_PLACEHOLDER_TITLE = re.compile(
    r"""
    (?:untitled|document|new\ document|no\ title|title|presentation|slide|page|print)[\s_-]*\d*
    | microsoft\ \w+(?:\ \w+)?\s+-\s.*
    | .*\.(?:pdf|docx?|dotx?|odt|rtf|txt|pptx?|xlsx?|html?|md|tex|dvi|e?ps|indd|pages|wpd|pub|jpe?g|png|tiff?)
    | [\W\d_]*
    """,
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    x: float
    y: float
    size: float
    page: int


@dataclass(frozen=True, slots=True)
class _Layout:
    """What a normal line of this document looks like."""

    body_size: float
    # Baseline-to-baseline distance between lines of one paragraph, in ems.
    spacing: float | None
    # Characters in a full line, per page.
    full: dict[int, float]


def pdf_to_article(data: bytes, source: str) -> tuple[str | None, str]:
    """Return the title and the body text of the PDF ``data``.

    The body is one paragraph per line, without running headers, footers or
    page numbers. The title is the document's title or its headline, or None.
    Raises :class:`ArticleError` for a PDF that is not a PDF, is damaged,
    locked with a password, or has no text layer.
    """
    with _quiet_pypdf():
        metadata_title, pages = _read(data, source)
    lines = _drop_furniture(pages)
    if sum(len("".join(line.text.split())) for line in lines) < _MIN_CHARS_PER_PAGE * len(pages):
        raise ArticleError(source, _SCANNED)
    layout = _layout(lines)
    return _split_title(metadata_title, _paragraphs(lines, layout), layout)


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs what it repairs in a damaged file; none of it is the user's business."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _read(data: bytes, source: str) -> tuple[str | None, list[list[_Line]]]:
    if b"%PDF-" not in data[:1024]:
        raise ArticleError(source, _NOT_PDF)
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(data))
        _unlock(reader, source)
        pages = [_page_lines(page, number) for number, page in enumerate(reader.pages)]
        title = _metadata_title(reader)
    except ArticleError:
        raise
    except DependencyError:
        raise ArticleError(source, _AES) from None
    except Exception:
        raise ArticleError(source, _DAMAGED) from None
    if not pages:
        raise ArticleError(source, _NO_PAGES)
    return title, pages


def _unlock(reader: PdfReader, source: str) -> None:
    from pypdf import PasswordType

    if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise ArticleError(source, _LOCKED)


def _metadata_title(reader: PdfReader) -> str | None:
    try:
        metadata = reader.metadata
        title = metadata.title if metadata is not None else None
    except Exception:
        return None
    if not isinstance(title, str):
        return None
    title = one_line(title)
    if len(title) > _MAX_HEADLINE_CHARS or _PLACEHOLDER_TITLE.fullmatch(title):
        return None
    return title


def _page_lines(page: PageObject, number: int) -> list[_Line]:
    collector = _LineCollector(number)
    page.extract_text(orientations=(0,), visitor_text=collector.visit)
    return collector.finish()


class _LineCollector:
    """Gathers the text pypdf finds on a page into lines with their position and font size."""

    def __init__(self, page: int) -> None:
        self._page = page
        self._lines: list[_Line] = []
        self._pieces: list[tuple[str, float, float, float]] = []

    def visit(self, text: str, cm: Sequence[float], tm: Sequence[float], font: Any, font_size: float) -> None:
        if not text:
            return
        a, b, c, d, x, y = _multiply(tm, cm)
        size = abs(font_size) * math.sqrt(abs(a * d - b * c)) or 1.0
        for index, part in enumerate(text.split("\n")):
            if index:
                self._end_line()
            if part:
                self._add(part, x, y, size)

    def finish(self) -> list[_Line]:
        self._end_line()
        return self._lines

    def _add(self, text: str, x: float, y: float, size: float) -> None:
        if self._pieces and abs(self._pieces[0][2] - y) > 0.5 * max(size, self._pieces[0][3]):
            self._end_line()
        self._pieces.append((text, x, y, size))

    def _end_line(self) -> None:
        pieces, self._pieces = self._pieces, []
        text = " ".join("".join(piece[0] for piece in pieces).translate(_LIGATURES).split())
        text = _SOFT_HYPHEN_INSIDE.sub("-", text)
        if not visible(text).strip():
            return
        weight: Counter[float] = Counter()
        for piece_text, _, _, size in pieces:
            weight[round(size, 1)] += len(piece_text.strip())
        _, x, y, _ = pieces[0]
        self._lines.append(_Line(text, x, y, weight.most_common(1)[0][0], self._page))


def _multiply(m: Sequence[float], n: Sequence[float]) -> tuple[float, float, float, float, float, float]:
    return (
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    )


def _drop_furniture(pages: list[list[_Line]]) -> list[_Line]:
    """All lines of all pages but running headers, footers and page numbers.

    Furniture is among the three topmost or three bottommost lines of a page:
    a line whose text, numbers aside, is there on at least half the pages (and
    two or more), or a bare page number ("3", "- 3 -", "Page 3 of 7").
    """
    edges = [_edge_lines(lines) for lines in pages]
    seen = Counter(key for edge in edges for key in {_furniture_key(line.text) for line in edge})
    running = {key for key, count in seen.items() if count >= max(2, (len(pages) + 1) // 2)}
    kept = []
    for lines, edge in zip(pages, edges):
        for line in lines:
            if line in edge and (_furniture_key(line.text) in running or _PAGE_NUMBER.fullmatch(line.text)):
                continue
            kept.append(line)
    return kept


def _edge_lines(lines: list[_Line]) -> set[_Line]:
    by_height = sorted(lines, key=lambda line: line.y)
    return set(by_height[:_EDGE_LINES] + by_height[-_EDGE_LINES:])


def _furniture_key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.casefold().split()))


def _paragraphs(lines: list[_Line], layout: _Layout) -> list[tuple[str, _Line]]:
    """Each paragraph's text, with its first line."""
    words = _words(lines)
    paragraphs: list[tuple[str, _Line]] = []
    pieces, first = [lines[0].text], lines[0]
    for prev, line in zip(lines, lines[1:]):
        if _starts_paragraph(prev, line, layout):
            paragraphs.append((one_line("".join(pieces)), first))
            pieces, first = [line.text], line
        else:
            pieces[-1], glue = _mend(pieces[-1], line.text, words)
            pieces += [glue, line.text]
    paragraphs.append((one_line("".join(pieces)), first))
    return paragraphs


def _layout(lines: list[_Line]) -> _Layout:
    chars: Counter[float] = Counter()
    for line in lines:
        chars[line.size] += len(line.text)
    body_size = chars.most_common(1)[0][0]
    body = [line for line in lines if _same_size(line.size, body_size)]
    steps = [
        (prev.y - line.y) / line.size
        for prev, line in zip(body, body[1:])
        if prev.page == line.page and _same_size(prev.size, line.size) and 0 < prev.y - line.y < 3 * line.size
    ]
    spacing = statistics.median(steps) if steps else None
    return _Layout(body_size, spacing, _full_lengths(body))


def _full_lengths(body: list[_Line]) -> dict[int, float]:
    """The length of a full line on each page: most lines of a paragraph are about that long."""
    by_page: dict[int, list[int]] = {}
    for line in body:
        by_page.setdefault(line.page, []).append(len(line.text))
    everywhere = _long_line([n for lengths in by_page.values() for n in lengths]) if by_page else 0.0
    return {page: _long_line(lengths) if len(lengths) >= 8 else everywhere for page, lengths in by_page.items()}


def _long_line(lengths: list[int]) -> float:
    ordered = sorted(lengths)
    return float(ordered[int(0.9 * (len(ordered) - 1))])


def _same_size(a: float, b: float) -> bool:
    return abs(a - b) <= _SIZE_TOLERANCE * max(a, b)


def _starts_paragraph(prev: _Line, line: _Line, layout: _Layout) -> bool:
    """Whether ``line`` begins a paragraph rather than going on with ``prev``.

    It does when its font size differs; when the space above it is clearly
    more than the line spacing; when it starts a first-line indent (half an em
    to four ems) right of the line above; when the line above ends a sentence
    and is clearly shorter than a full line; or when the line above is very
    short, ends without punctuation, and this one starts with a capital (a
    heading or byline). Page breaks join lines like any other, so a paragraph
    that ends with a full line at the foot of a page, where only space marks
    paragraphs, runs on into the next: nothing in the PDF says it ended.
    """
    return (
        not _same_size(prev.size, line.size)
        or _gap_above(prev, line, layout)
        or _indented(prev, line, layout)
        or _ends_paragraph(prev, line, layout)
    )


def _gap_above(prev: _Line, line: _Line, layout: _Layout) -> bool:
    if layout.spacing is None or prev.page != line.page:
        return False
    return prev.y - line.y > _GAP_FACTOR * layout.spacing * max(prev.size, line.size)


def _indented(prev: _Line, line: _Line, layout: _Layout) -> bool:
    if not (_same_size(line.size, layout.body_size) and _same_size(prev.size, layout.body_size)):
        return False
    low, high = _INDENT_EMS
    step = (line.x - prev.x) / line.size
    return low < step < high and not _LIST_MARKER.match(prev.text)


def _ends_paragraph(prev: _Line, line: _Line, layout: _Layout) -> bool:
    full = layout.full.get(prev.page, 0.0)
    if not full or prev.size > layout.body_size * (1 + _SIZE_TOLERANCE):
        return False
    length = len(prev.text) * prev.size / layout.body_size
    if length < _FULL_LINE_SHARE * full and _SENTENCE_END.search(prev.text):
        return True
    return length < _HEADING_LINE_SHARE * full and not _OPEN_END.search(prev.text) and line.text[:1].isupper()


@dataclass(frozen=True, slots=True)
class _Words:
    """The hyphenated pairs ("long-term") and the plain words a document uses."""

    compounds: set[str]
    words: set[str]


def _words(lines: list[_Line]) -> _Words:
    compounds: set[str] = set()
    words: set[str] = set()
    for line in lines:
        for token in _WORD.findall(line.text.casefold()):
            parts = _HYPHEN.split(token)
            words.update(parts)
            compounds.update(f"{a}-{b}" for a, b in zip(parts, parts[1:]))
    return _Words(compounds, words)


def _mend(end: str, start: str, words: _Words) -> tuple[str, str]:
    """The line ``end`` and what goes between it and the next line, ``start``.

    A word broken by a hyphen (or soft hyphen) before a lowercase letter is
    made whole ("inter-" "national"), unless the document writes that compound
    with a hyphen elsewhere and never closed up ("long-" "term"). Before a
    capital or a digit the hyphen stays ("anti-" "American").
    """
    broken = _LINE_END_HYPHEN.search(end, max(0, len(end) - _LONGEST_WORD))
    if broken:
        if not start[:1].islower():
            return end[:-1] + "-", ""
        head = broken.group(1)
        tail = re.match(r"\w*", start)
        whole = head + (tail.group() if tail else "")
        if f"{head}-{whole[len(head) :]}".casefold() in words.compounds and whole.casefold() not in words.words:
            return end[:-1] + "-", ""
        return end[:-1], ""
    if end.endswith(("—", "–")) and not end[-2:-1].isspace():
        return end, ""
    return end, " "


def _split_title(
    metadata_title: str | None, paragraphs: list[tuple[str, _Line]], layout: _Layout
) -> tuple[str | None, str]:
    """The title, and the body without the headline.

    The title is the document's own when it is a real one (not "Untitled" or a
    file name like "Microsoft Word - notes.doc"), unless it is the headline
    with a site's name; else the first paragraph when it reads like a headline.
    """
    texts = [text for text, _ in paragraphs]
    first_text, first_line = paragraphs[0]
    headline = first_text if len(texts) > 1 and _is_headline(first_text, first_line, layout) else None
    if metadata_title is not None and not (headline and _names_headline(metadata_title, headline)):
        return metadata_title, "\n".join(_without(texts, metadata_title))
    if headline is not None:
        return headline, "\n".join(texts[1:])
    return None, "\n".join(texts)


def _without(texts: list[str], title: str) -> list[str]:
    """The paragraphs without the first one that is ``title``, if it is near the top."""
    key = _key(title)
    for index, text in enumerate(texts[:_TITLE_SEARCH]):
        if _key(text) == key:
            return texts[:index] + texts[index + 1 :]
    return texts


def _names_headline(title: str, headline: str) -> bool:
    """Whether ``title`` is ``headline``, alone or with a site's name before or after it."""
    if _key(title) == _key(headline):
        return True
    return is_headline_plus_site(title, headline)


def _is_headline(text: str, line: _Line, layout: _Layout) -> bool:
    return (
        len(text) <= _MAX_HEADLINE_CHARS
        and any(char.isalpha() for char in text)
        and not re.search(r"[.,;:]$", text)
        and line.size >= layout.body_size * (1 - _SIZE_TOLERANCE)
    )


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))
