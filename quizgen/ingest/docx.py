"""Word (.docx) article to its title and plain body text.

Pipeline: article file -> ingest (this) -> analysis -> facts -> items.

The body is the document's paragraphs in order, one per line, with each table
row as one line of its cells' text joined by "; ". Empty paragraphs, page
headers and footers, text boxes and deleted revisions are left out; text
inside content controls and inserted revisions is kept.

The title is the document's Title property when set, else the first paragraph
styled "Title" or "Heading 1"; that paragraph is not repeated in the body.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

from quizgen.errors import ArticleError
from quizgen.ingest.lines import one_line, table_row

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement

__all__ = ["docx_to_article"]

_UNREADABLE = "not a readable Word .docx file; open it in Word (or LibreOffice) and save it again as .docx"
_TOO_BIG = "a .docx file that unpacks to more than 200 MB; save the article on its own as .docx or text"
# All the parts of a .docx together, unpacked: far above any article, well
# below what would exhaust memory.
_MAX_UNPACKED_BYTES = 200 * 1000 * 1000
_TITLE_STYLES = frozenset(("title", "heading 1"))
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Wrappers whose children are the document's own paragraphs and tables.
_WRAPPERS = frozenset((f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins", f"{_W}moveTo"))
_CELLS = "w:tc | w:sdt/w:sdtContent/w:tc | w:customXml/w:tc"
# Runs of a paragraph as it reads now: not in a text box (drawn apart from the
# text), not deleted or moved away by a tracked change.
_RUNS = ".//w:r[not(ancestor::w:txbxContent) and not(ancestor::w:del) and not(ancestor::w:moveFrom)]"


def docx_to_article(data: bytes, source: str) -> tuple[str | None, str]:
    """Return the title and the body text of the Word document ``data``.

    The body is one paragraph or table row per line. The title is the
    document's Title property or its first Title or Heading 1 paragraph, or
    None. Raises :class:`ArticleError` for a file that is not a .docx.
    """
    document = _open(data, source)
    try:
        title = _core_title(document)
        styles = {style.style_id: (style.name or "").casefold() for style in document.styles}
        blocks = list(_blocks(document.element.body, styles))
    except Exception:
        raise ArticleError(source, _UNREADABLE) from None
    return _split_title(title, blocks)


def _open(data: bytes, source: str) -> Document:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except Exception:
        raise ArticleError(source, _UNREADABLE) from None
    if unpacked > _MAX_UNPACKED_BYTES:
        raise ArticleError(source, _TOO_BIG)
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception:
        raise ArticleError(source, _UNREADABLE) from None


def _core_title(document: Document) -> str | None:
    """The Title property; a package without core properties has none (python-docx would make one up)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.parts.coreprops import CorePropertiesPart

    try:
        part = document.part.package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES)
    except KeyError:
        return None
    if not isinstance(part, CorePropertiesPart):
        return None
    return one_line(part.core_properties.title or "") or None


def _blocks(container: BaseOxmlElement, styles: dict[str, str]) -> Iterator[tuple[str, bool]]:
    """Each non-empty paragraph or table row as a line, and whether it may be the title."""
    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            text = _paragraph_text(child)
            if text:
                yield text, _style_name(child, styles) in _TITLE_STYLES
        elif child.tag == f"{_W}tbl":
            yield from ((row, False) for row in _table_rows(child, styles))
        elif child.tag in _WRAPPERS:
            yield from _blocks(child, styles)


def _paragraph_text(paragraph: BaseOxmlElement) -> str:
    return one_line("".join(run.text for run in paragraph.xpath(_RUNS)))


def _style_name(paragraph: BaseOxmlElement, styles: dict[str, str]) -> str:
    style = paragraph.xpath("string(w:pPr/w:pStyle/@w:val)")
    return styles.get(style, "") if style else ""


def _table_rows(table: BaseOxmlElement, styles: dict[str, str]) -> Iterator[str]:
    for row in table.xpath("w:tr | w:sdt/w:sdtContent/w:tr"):
        cells = (" ".join(text for text, _ in _blocks(cell, styles)) for cell in row.xpath(_CELLS))
        line = table_row(cells)
        if line:
            yield line


def _split_title(title: str | None, blocks: list[tuple[str, bool]]) -> tuple[str | None, str]:
    headline = next((index for index, (_, titled) in enumerate(blocks) if titled), None)
    lines = [text for text, _ in blocks]
    if headline is not None and (title is None or _key(lines[headline]) == _key(title)):
        title = title or lines[headline]
        del lines[headline]
    return title, "\n".join(lines)


def _key(text: str) -> str:
    return " ".join(text.casefold().split())
