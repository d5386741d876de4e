"""Anki's "Notes in Plain Text" export as items: file -> authored (anki_text, this) -> items.

The file opens with Anki's ``#key:value`` headers (``#separator:tab``,
``#html:true``, ``#guid column:1``, ``#notetype column:2``, ``#deck
column:3``, ``#tags column:N``, ...), then a note a row, quoted the CSV way.
quizgen's own note types are read field by field, so that what ``quizgen
export csv`` writes reads back as the items it was made from; any other note
type is a cloze when its name says so, else its first two fields are a
question and its answer. The deck and tags columns are not read: the items go
where the import puts them.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import partial
from html.parser import HTMLParser

from quizgen.authored.items import (
    MARKED,
    AuthoredItem,
    InvalidItem,
    Read,
    blank_answer,
    cloze_of,
    inferred,
    matching,
    multiple_choice,
    read_line,
    true_false,
    wh,
)

# quizgen's own note types (quizgen.export.anki.models) by how their names
# start ("quizgen Q&A v1", "quizgen Q&A type-in v1"), each with the fields read
# from it, in order. Reading a file stands below the exports that write one,
# so the names are the format's here, and a test keeps the two in step.
QA = "quizgen Q&A"
CLOZE = "quizgen Cloze"
MULTIPLE_CHOICE = "quizgen Multiple choice"
TRUE_FALSE = "quizgen True/False"
READ_FIELDS = {
    QA: ("Question", "Answer"),
    CLOZE: ("Text",),
    MULTIPLE_CHOICE: ("Question", "Options"),
    TRUE_FALSE: ("Statement", "Answer"),
}
HEADER = re.compile(r"#([a-z ]+):(.*)", re.IGNORECASE)
_HEADER_KEYS = frozenset(
    {"separator", "html", "tags", "columns", "notetype", "deck", "if matches"}
    | {f"{name} column" for name in ("guid", "notetype", "deck", "tags")}
)
SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}
_SPECIAL_COLUMNS = ("guid", "notetype", "deck", "tags")
_OPTION = re.compile(r"<li([^>]*)>(.*?)</li>", re.DOTALL | re.IGNORECASE)
_LETTER = re.compile(r"<span class='letter'>.*?</span>", re.DOTALL)
_CORRECT = re.compile(r"\bcorrect\b")
_PAIR = re.compile(r"<tr><td>(.*?)</td><td>(.*?)</td></tr>", re.DOTALL)


def is_anki_text(text: str) -> bool:
    """Whether ``text`` opens with one of the headers of Anki's text files."""
    found = HEADER.fullmatch(text.split("\n", 1)[0].strip())
    return found is not None and found[1].strip().casefold() in _HEADER_KEYS


def read_anki_text(text: str) -> Iterator[Read]:
    """The item of each note, with the line its row starts on, or what is wrong with it."""
    lines = text.split("\n")
    headers: dict[str, tuple[int, str]] = {}
    top = 0
    while top < len(lines) and (found := HEADER.fullmatch(lines[top].strip())):
        top += 1
        headers[found[1].strip().casefold()] = (top, found[2].strip())
    try:
        separator = _separator(headers)
        columns = _columns(headers)
    except _BadHeader as bad:
        yield bad.line, InvalidItem(bad.message)
        return
    html = headers.get("html", (0, "false"))[1].casefold() == "true"
    note_type = headers.get("notetype", (0, ""))[1]
    rows = csv.reader(io.StringIO("\n".join(lines[top:])), delimiter=separator)
    end = 0
    try:
        for row in rows:
            number, end = top + end + 1, rows.line_num
            if not any(cell.strip() for cell in row):
                continue
            cell = partial(_cell, row)
            fields = [value for index, value in enumerate(row) if index not in columns.values()]
            yield read_line(
                number,
                partial(_note, cell(columns.get("notetype")) or note_type, fields, html, cell(columns.get("guid"))),
            )
    except csv.Error as exc:
        yield top + end + 1, InvalidItem(f"cannot be read as Anki's text: {exc}")


class _BadHeader(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _separator(headers: dict[str, tuple[int, str]]) -> str:
    line, value = headers.get("separator", (0, "tab"))
    found = SEPARATORS.get(value.casefold(), value if len(value) == 1 else None)
    if found is None or found in '"\n':
        raise _BadHeader(line, f"unknown separator {value!r}; use tab, comma, semicolon, space, pipe or colon")
    return found


def _columns(headers: dict[str, tuple[int, str]]) -> dict[str, int]:
    """Where the GUID, note type, deck and tags are: their 0-based columns."""
    found = {}
    for name in _SPECIAL_COLUMNS:
        line, value = headers.get(f"{name} column", (0, ""))
        if not value:
            continue
        if not value.isdigit() or int(value) < 1:
            raise _BadHeader(line, f"the {name} column must be a number from 1, not {value!r}")
        found[name] = int(value) - 1
    return found


def _cell(row: Sequence[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def _note(note_type: str, fields: Sequence[str], html: bool, guid: str) -> AuthoredItem:
    """The item of one note of ``note_type`` with these fields (HTML when ``html``)."""
    fields = [*fields, "", ""]
    text = html_text if html else str
    family = next((name for name in READ_FIELDS if note_type.startswith(f"{name} ")), note_type)
    if family == QA and html and "<table" in fields[0]:
        question, _, _ = fields[0].partition("<table")
        pairs = [(html_text(left), html_text(right)) for left, right in _PAIR.findall(fields[1])]
        made = matching(html_text(question), pairs)
    elif family == QA:
        made = wh(text(fields[0]), text(fields[1]))
    elif family == MULTIPLE_CHOICE:
        made = _multiple_choice(text(fields[0]), fields[1], html)
    elif family == TRUE_FALSE:
        made = true_false(text(fields[0]), text(fields[1]))
    elif family == CLOZE or "cloze" in note_type.casefold() or (not note_type and MARKED.search(fields[0])):
        made = _cloze(fields[0], html)
    else:
        made = inferred(text(fields[0]), text(fields[1]))
    return replace(made, guid=guid)


def _multiple_choice(question: str, options: str, html: bool) -> AuthoredItem:
    """quizgen's multiple-choice note: its options as a list, the right one marked."""
    found = [
        (bool(_CORRECT.search(attrs)), html_text(_LETTER.sub("", inner, count=1)))
        for attrs, inner in _OPTION.findall(options)
    ]
    right = [option for correct, option in found if correct]
    if not html or len(right) != 1:
        raise InvalidItem("a quizgen multiple-choice note needs its options as HTML; export it with HTML included")
    return multiple_choice(question, right[0], [option for correct, option in found if not correct])


def _cloze(field: str, html: bool) -> AuthoredItem:
    """A cloze note's text: its one blank is read in the field as written,
    so that braces written as character references stay text."""
    parts = MARKED.split(field)
    if len(parts) != 3:
        raise InvalidItem(f"a cloze needs exactly one blank; this note has {len(parts) // 2}")
    text = html_text if html else str
    return cloze_of(text(parts[0]), text(blank_answer(parts[1])), text(parts[2]))


def html_text(fragment: str) -> str:
    """The text an HTML field shows: tags gone (a break or a block is a space), references read."""
    reader = _Text()
    reader.feed(fragment)
    reader.close()
    return "".join(reader.parts)


class _Text(HTMLParser):
    _BREAKS = frozenset({"br", "div", "p", "li", "ol", "ul", "tr", "td", "th", "table", "hr", "h1", "h2", "h3"})
    _HIDDEN = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(self._hidden - 1, 0)
        elif tag in self._BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)
