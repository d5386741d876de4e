"""A question/answer/options table as items: file -> authored (table, this) -> items.

The simplest file a teacher writes in a spreadsheet: a row per item, the
question, its answer, then any wrong options, saved as CSV (commas or
semicolons) or tab-separated text. A first row that names the columns
(``question``, ``answer`` and ``option`` or ``wrong``, numbered or not) may put
them in any order. The kind of each item is told by what its row holds
(:func:`~quizgen.authored.items.inferred`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from quizgen.authored.items import AuthoredItem, InvalidItem, Read, inferred, read_line

DELIMITERS = ",;\t"
_OPTION_COLUMN = re.compile(r"(options?|wrong( options?| answers?)?|distractors?|choices?) ?\d*")
_COLUMNS_HELP = "the columns are question, answer and wrong options (option 1, option 2, ...)"


@dataclass(frozen=True)
class _Columns:
    question: int
    answer: int | None
    options: tuple[int, ...] | None  # None: every column after the answer


POSITIONAL = _Columns(question=0, answer=1, options=None)


def delimiter_of(text: str) -> str:
    """The delimiter of a table: a comma where its first line has one outside
    quotes, else a semicolon (as Excel writes CSV where the comma is the
    decimal mark), else a tab; a comma when it has none of them."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    outside = "".join(part for n, part in enumerate(first.split('"')) if n % 2 == 0)
    return next((mark for mark in DELIMITERS if mark in outside), ",")


def read_table(text: str, delimiter: str = ",") -> Iterator[Read]:
    """The item of each row, with the line it starts on, or what is wrong with it."""
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    columns: _Columns | None = None
    end = 0
    try:
        for row in rows:
            number, end = end + 1, rows.line_num
            if not any(cell.strip() for cell in row):
                continue
            if columns is None:
                try:
                    columns = _header(row)
                except InvalidItem as problem:
                    yield number, problem
                    return
                if columns is not None:
                    continue
                columns = POSITIONAL
            yield read_line(number, partial(_row, columns, row))
    except csv.Error as exc:
        yield end + 1, InvalidItem(f"cannot be read as CSV: {exc}")


def _header(row: Sequence[str]) -> _Columns | None:
    """The columns a first row names, or None when it is no header but an item."""
    names = [cell.strip().casefold() for cell in row]
    if "question" not in names:
        return None
    unknown = [
        name for name in names if name and name not in ("question", "answer") and not _OPTION_COLUMN.fullmatch(name)
    ]
    if unknown:
        raise InvalidItem(f"unknown column {unknown[0]!r}; {_COLUMNS_HELP}")
    return _Columns(
        question=names.index("question"),
        answer=names.index("answer") if "answer" in names else None,
        options=tuple(i for i, name in enumerate(names) if _OPTION_COLUMN.fullmatch(name)),
    )


def _row(columns: _Columns, row: Sequence[str]) -> AuthoredItem:
    def cell(index: int | None) -> str:
        return row[index] if index is not None and index < len(row) else ""

    if columns.options is None:
        options = list(row[2:])
    else:
        options = [cell(i) for i in columns.options]
    return inferred(cell(columns.question), cell(columns.answer), options)
