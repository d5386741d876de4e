"""An editable worksheet and key as a Word document (python-docx), for teachers who edit before printing.

export/print: worksheet -> docx (this). The same documents as the PDF, on
the same paper and margins: a header with the version, each article's title
and text before its questions, numbered questions kept whole on a page, boxes
for choices, ruled lines for written answers, two columns for matching (a
long entry wrapping under its own first word), page numbers in the footer.
Article text is set as plain runs, never as markup.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

from quizgen.wording import option_letter

BOX = "\u2610"
# Where a matching entry's text starts, after "____ 1." or "A)": its wrapped
# lines start there too.
MATCH_INDENT_MM = {"left": 14, "right": 7}
# Word has no "document date" of its own to reproduce; a fixed one keeps
# nothing about the machine or the moment in the file.
FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)


def docx(data: dict) -> bytes:
    """The documents of the sheet ``data`` (from :meth:`Sheet.data`) as one .docx file."""
    import docx as python_docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    document = python_docx.Document()
    document.core_properties.title = data["title"]
    document.core_properties.created = FIXED_DATE
    document.core_properties.modified = FIXED_DATE
    document.core_properties.last_modified_by = ""
    document.core_properties.author = ""
    style = document.styles["Normal"]
    style.font.size = Pt(11)

    for index, doc in enumerate(data["documents"]):
        section = document.sections[0] if index == 0 else document.add_section()
        _paper(section, data["paper"])
        section.header.is_linked_to_previous = False
        section.footer.is_linked_to_previous = False
        header = section.header.paragraphs[0]
        header.text = f"{data['title']} · version {doc['version']}" + (" · answer key" if doc["kind"] == "key" else "")
        _page_number(section.footer.paragraphs[0], doc["version"])
        if doc["kind"] == "worksheet":
            document.add_heading(data["title"], level=1)
            document.add_paragraph("Name: ______________________   Class: __________   Date: __________")
            instructions = document.add_paragraph()
            instructions.add_run(data["instructions"]).italic = True
            if data["show_points"]:
                document.add_paragraph(f"Total: {doc['total']} point{'s' if doc['total'] != 1 else ''}")
            for group in doc["groups"]:
                _group_heading(document, group)
                for paragraph in group["paragraphs"]:
                    document.add_paragraph(paragraph)
                for q in group["questions"]:
                    _question(document, q, data["show_points"])
        else:
            document.add_heading(f"{data['title']} — answer key, version {doc['version']}", level=1)
            for group in doc["groups"]:
                _group_heading(document, group)
                for entry in group["answers"]:
                    line = document.add_paragraph()
                    line.add_run(f"{entry['number']}. ").bold = True
                    line.add_run(entry["answer"]).bold = True
                    line.paragraph_format.keep_with_next = True
                    line.paragraph_format.keep_together = True
                    source = document.add_paragraph()
                    source.add_run(entry["source"]).italic = True
        if index + 1 < len(data["documents"]):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _paper(section, paper: dict) -> None:
    """Lay ``section`` out on the sheet's paper, with its margins, as the PDF is."""
    from docx.shared import Mm

    section.page_width = Mm(paper["width_mm"])
    section.page_height = Mm(paper["height_mm"])
    for side, size in paper["margins_mm"].items():
        setattr(section, f"{side}_margin", Mm(size))


def _group_heading(document, group: dict) -> None:
    """An article's title over its text and questions, where the sheet shows one."""
    if group["heading"]:
        document.add_heading(group["heading"], level=2)


def _question(document, q: dict, show_points: bool) -> None:
    """One question, its paragraphs kept together so that it never splits across pages."""
    paragraphs = []
    head = document.add_paragraph()
    head.add_run(f"{q['number']}. ").bold = True
    head.add_run(q["prompt"])
    if show_points:
        head.add_run(f"  ({q['points']} point{'s' if q['points'] != 1 else ''})").italic = True
    paragraphs.append(head)
    if q["kind"] == "multiple_choice":
        paragraphs += [
            document.add_paragraph(f"    {BOX} {option_letter(i)}) {option}") for i, option in enumerate(q["options"])
        ]
    elif q["kind"] == "true_false":
        paragraphs.append(document.add_paragraph(f"    {BOX} True        {BOX} False"))
    elif q["kind"] == "matching":
        table = document.add_table(rows=max(len(q["left"]), len(q["right"])), cols=2)
        for row, left in enumerate(q["left"]):
            _hanging(table.cell(row, 0), f"____ {row + 1}.", left, MATCH_INDENT_MM["left"])
        for row, right in enumerate(q["right"]):
            _hanging(table.cell(row, 1), f"{option_letter(row)})", right, MATCH_INDENT_MM["right"])
    else:
        paragraphs += [document.add_paragraph("_" * 60) for _ in range(q["lines"])]
    for paragraph in paragraphs[:-1]:
        paragraph.paragraph_format.keep_with_next = True
    for paragraph in paragraphs:
        paragraph.paragraph_format.keep_together = True


def _hanging(cell, label: str, text: str, indent_mm: int) -> None:
    """``label`` then ``text`` in a table cell, the text's lines all starting at ``indent_mm``."""
    from docx.shared import Mm

    paragraph = cell.paragraphs[0]
    paragraph.add_run(f"{label}\t")
    paragraph.add_run(text)
    paragraph.paragraph_format.left_indent = Mm(indent_mm)
    paragraph.paragraph_format.first_line_indent = -Mm(indent_mm)


def _page_number(paragraph, version: str) -> None:
    """ "Version A · page N" with N as Word's PAGE field, so it counts as the document flows."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.add_run(f"Version {version} · page ")
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
