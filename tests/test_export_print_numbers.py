"""Question numbers of any width keep their gap before the text: a worksheet of
1,001 questions, its answer key and its Word copy, read back as text."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace

import pytest
from pypdf import PdfReader

from quizgen.export.print.docx import docx
from quizgen.export.print.pdf import pdf
from quizgen.export.print.worksheet import Group, Version, sheet

COUNT = 1001
KINDS = ("wh", "multiple_choice", "true_false")


@dataclass(frozen=True)
class Short:
    """An item as the worksheet reads it, as short as a real one can be."""

    key: str
    kind: str
    prompt: str
    answer: str
    sentence: str
    distractors: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()


def short_items(count: int) -> list[Short]:
    items = []
    for n in range(count):
        kind = KINDS[n % len(KINDS)]
        if kind == "multiple_choice":
            items.append(
                Short(
                    f"k{n}",
                    kind,
                    "Who presented the show?",
                    "Huw Stephens",
                    "Huw Stephens did.",
                    ("Jo Whiley", "Zane Lowe", "Annie Mac"),
                )
            )
        elif kind == "true_false":
            items.append(Short(f"k{n}", kind, "Huw Stephens presented the show.", "True", "Huw Stephens did."))
        else:
            items.append(Short(f"k{n}", kind, "Huw Stephens presented which show?", "Radio 1", "He presented Radio 1."))
    return items


@pytest.fixture(scope="module")
def long_sheet():
    return sheet(short_items(COUNT), title="A long sheet", versions=1, seed=2)


def last_pages(document: bytes, count: int = 3) -> str:
    """The text of a PDF's last pages, where the widest numbers are."""
    reader = PdfReader(io.BytesIO(document))
    return "\n".join(page.extract_text() for page in reader.pages[-count:])


NUMBER = re.compile(r"(?m)^\s*(\d+)\.(\S?)")


def gaps(text: str) -> dict[int, str]:
    """Each question number that opens a line, and what follows its full stop ("" when a space does)."""
    return {int(number): after for number, after in NUMBER.findall(text)}


def test_a_four_digit_number_keeps_its_gap_on_the_worksheet(long_sheet):
    found = gaps(last_pages(pdf(long_sheet.data(keys=False))))
    assert {999, 1000, 1001} <= set(found), sorted(found)
    assert {n: after for n, after in found.items() if after} == {}


def test_a_four_digit_number_keeps_its_gap_in_the_key(long_sheet):
    found = gaps(last_pages(pdf(long_sheet.data(worksheets=False))))
    assert {999, 1000, 1001} <= set(found), sorted(found)
    assert {n: after for n, after in found.items() if after} == {}


def test_a_four_digit_number_keeps_its_gap_in_word(long_sheet):
    import docx as python_docx

    # The last questions of the long sheet, numbered as there: a Word copy of all 1,001 takes long to write.
    (version,) = long_sheet.versions
    last = Version("A", (Group("", version.questions[-30:], version.answers[-30:]),))
    document = python_docx.Document(io.BytesIO(docx(replace(long_sheet, versions=(last,)).data())))
    heads = [p.text for p in document.paragraphs if re.match(r"\d+\.", p.text)]
    assert len(heads) == 2 * 30 and "1001. " in " ".join(heads)
    assert all(re.match(r"\d+\. \S", head) for head in heads), [h for h in heads if not re.match(r"\d+\. \S", h)][:3]


def test_numbers_of_one_to_three_digits_keep_their_gap():
    items = short_items(120)
    text = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(pdf(sheet(items, title="Short").data()))).pages
    )
    found = gaps(text)
    assert set(range(1, 121)) <= set(found)
    assert {n: after for n, after in found.items() if after} == {}
