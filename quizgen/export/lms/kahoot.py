"""Items as Kahoot's quiz spreadsheet: store -> selection -> export/lms (kahoot, this) -> ``.xlsx``.

Kahoot imports a quiz from its own template: instructions above, a header
row at row 8, then one question a row from row 9, with the question in
column B, up to four answers in C to F, the time limit in G and the number
of the correct answer in H. Only multiple-choice and true/false items fit
(a true/false as the two answers True and False), and only within Kahoot's
limits of 120 characters a question and 75 an answer; the rest are
returned with the reason, for the command to report.

Cells are plain text: a value that starts with "=" is written as a string,
not as a formula. openpyxl, imported only here and only when a sheet is
made, stamps the time into the file; the times are fixed and the zip is
written again with fixed dates, so the same items give the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from datetime import datetime
from typing import Any, TypeVar

from quizgen.export import ExportError
from quizgen.export.lms.archive import members, zip_bytes
from quizgen.export.lms.parts import ItemLike, askable, choices, form, is_true, one_line

# The skipped items go back as the caller's own: stored rows, with their ids.
T = TypeVar("T", bound=ItemLike)

QUESTION_LIMIT = 120
ANSWER_LIMIT = 75
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
HEADER_ROW = 8
HEADERS = (
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
INSTRUCTIONS = (
    "Quiz template",
    "Add questions, at least two answer alternatives, time limit and choose correct answers (at least one).",
    "Questions have a limit of 120 characters and answers can have 75 characters max.",
)
FIXED_TIME = datetime(2000, 1, 1)
_NO_KAHOOT_FORM = {
    "wh": "short-answer questions have no Kahoot form",
    "cloze": "cloze items have no Kahoot form",
    "matching": "matching items have no Kahoot form",
}


def kahoot_xlsx(items: Iterable[T], *, time_limit: int = 20, seed: int | str = 0) -> tuple[bytes, list[tuple[T, str]]]:
    """The multiple-choice and true/false items as Kahoot's spreadsheet, and
    every other item with the reason it was left out.

    ``time_limit`` is each question's time in seconds, one of Kahoot's
    :data:`TIME_LIMITS`. ``seed`` orders the options as
    :func:`~quizgen.forms.options.shuffled_options` does.
    """
    if time_limit not in TIME_LIMITS:
        allowed = ", ".join(map(str, TIME_LIMITS))
        raise ExportError(f"Kahoot's time limit must be one of {allowed} seconds, not {time_limit}")
    rows: list[tuple[str, list[str], int]] = []
    skipped: list[tuple[T, str]] = []
    for item in items:
        row, reason = kahoot_row(item, seed)
        if row is None:
            skipped.append((item, reason))
        else:
            rows.append(row)
    return _workbook(rows, time_limit), skipped


def kahoot_row(item: ItemLike, seed: int | str = 0) -> tuple[tuple[str, list[str], int] | None, str]:
    """(question, answers, number of the correct answer) of an item, or None and why it does not fit."""
    kind = form(item)
    if kind != item.kind:
        return None, "a multiple choice without distractors"
    if kind in _NO_KAHOOT_FORM:
        return None, _NO_KAHOOT_FORM[kind]
    if not askable(item):
        return None, "nothing to ask: its prompt or answer is empty"
    if kind == "true_false":
        options, correct = ["True", "False"], 0 if is_true(item) else 1
    else:
        options, correct = choices(item, seed, most=4)
    question = one_line(item.prompt)
    if width(question) > QUESTION_LIMIT:
        return None, f"question over Kahoot's {QUESTION_LIMIT}-character limit"
    if any(width(option) > ANSWER_LIMIT for option in options):
        return None, f"an answer over Kahoot's {ANSWER_LIMIT}-character limit"
    return (question, options, correct + 1), ""


def width(text: str) -> int:
    """Length as Kahoot's web editor counts it: in UTF-16 units, so an emoji counts two."""
    return len(text.encode("utf-16-le")) // 2


def _workbook(rows: list[tuple[str, list[str], int]], time_limit: int) -> bytes:
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Kahoot quiz"
    for offset, line in enumerate(INSTRUCTIONS):
        _text(sheet.cell(row=2 + offset, column=2), line)
    for column, header in enumerate(HEADERS, start=2):
        _text(sheet.cell(row=HEADER_ROW, column=column), header)
    for number, (question, options, correct) in enumerate(rows, start=1):
        row = HEADER_ROW + number
        sheet.cell(row=row, column=1, value=number)
        _text(sheet.cell(row=row, column=2), question)
        for column, option in enumerate(options, start=3):
            _text(sheet.cell(row=row, column=column), option)
        sheet.cell(row=row, column=7, value=time_limit)
        sheet.cell(row=row, column=8, value=correct)
    sheet.column_dimensions["B"].width = 60
    for letter in "CDEF":
        sheet.column_dimensions[letter].width = 30

    workbook.properties.creator = "quizgen"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    # openpyxl's own save() stamps the current time into the properties;
    # its writer, given the archive, keeps the fixed ones.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return zip_bytes(members(buffer.getvalue()))


def _text(cell: Any, value: str) -> None:
    """A string cell, even when the text starts with "=" and openpyxl would make it a formula."""
    cell.value = value
    cell.data_type = "s"
