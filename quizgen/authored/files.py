"""Files of a teacher's own items, read whole: file -> authored (files, this) -> items.

A file is read in one of three formats, told by its headers and its name
unless given: Anki's text export (its ``#`` headers), a table of questions,
answers and options (``.csv``, ``.tsv``), or Quizlet's export (anything
else). Every line is checked before anything is stored, and a file with a
line at fault gives nothing but the list of what to fix, line by line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from quizgen.authored.anki_text import is_anki_text, read_anki_text
from quizgen.authored.items import AuthoredItem, InvalidItem, Read
from quizgen.authored.quizlet import read_quizlet
from quizgen.authored.table import delimiter_of, read_table
from quizgen.errors import ArticleError, QuizgenError
from quizgen.ingest.article import DEFAULT_MAX_BYTES, format_size
from quizgen.ingest.decode import decode_text

FORMATS = ("auto", "quizlet", "anki", "csv")
_TABLES = {".csv": None, ".tsv": "\t", ".tab": "\t"}
# Lines at fault listed by ItemFileError.lines; the rest are counted.
MOST_SHOWN = 20


class ItemFileError(QuizgenError):
    """A file of items that cannot be imported, with each problem and its line (None: the whole file)."""

    def __init__(self, source: str, problems: list[tuple[int | None, str]]) -> None:
        self.source = source
        self.problems = problems
        lines = self.lines()
        super().__init__(lines[0] if len(lines) == 1 else f"{lines[0]} (and {len(problems) - 1} more)")

    def lines(self, most: int = MOST_SHOWN) -> list[str]:
        """One line per problem, the first ``most`` of them, then what to do."""
        shown = [
            f"{self.source}{'' if line is None else f', line {line}'}: {message}"
            for line, message in self.problems[:most]
        ]
        if len(self.problems) == 1:
            return [f"{shown[0]}; nothing was imported"]
        more = len(self.problems) - len(shown)
        return [
            *shown,
            f"{self.source}: {len(self.problems)} lines to fix{f' ({more} not shown)' if more else ''}; nothing was imported",
        ]


@dataclass(frozen=True)
class ItemFile:
    """A file's items, checked, in the order of their lines."""

    source: str
    format: str  # quizlet, anki or csv
    items: tuple[AuthoredItem, ...]
    duplicates: int  # lines that repeat an earlier line's item exactly, left out
    warnings: tuple[str, ...] = ()


def read_item_file(path: str | Path, fmt: str = "auto", *, max_bytes: int = DEFAULT_MAX_BYTES) -> ItemFile:
    """Read a file of items; raises :class:`ItemFileError` with every line at fault."""
    path = Path(path)
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ItemFileError(source, [(None, f"{format_size(size)}, over the {format_size(max_bytes)} limit")])
        data = path.read_bytes()
        text, warnings = decode_text(data, source)
    except FileNotFoundError:
        raise ItemFileError(source, [(None, "no such file or directory")]) from None
    except IsADirectoryError:
        raise ItemFileError(source, [(None, "is a directory; give a file")]) from None
    except PermissionError:
        raise ItemFileError(source, [(None, "permission denied; check the file's permissions")]) from None
    except ArticleError as exc:
        reason = exc.reason
        if reason.startswith("binary file"):
            reason = "binary file, not text; give a Quizlet or Anki text export or a CSV file"
        raise ItemFileError(source, [(None, reason)]) from None
    return parse_items(text, source, fmt, warnings=warnings)


def parse_items(text: str, source: str, fmt: str = "auto", *, warnings: Iterable[str] = ()) -> ItemFile:
    """The items of a file's text; ``source`` names it in errors, and by its suffix tells its format."""
    if fmt not in FORMATS:
        raise ItemFileError(source, [(None, f"unknown format {fmt!r}; use {', '.join(FORMATS)}")])
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fmt = detected(text, source) if fmt == "auto" else fmt
    items, duplicates = _checked(source, _rows(text, source, fmt))
    if not items:
        raise ItemFileError(source, [(None, "no questions in it")])
    return ItemFile(source, fmt, tuple(items), duplicates, tuple(warnings))


def detected(text: str, source: str) -> str:
    """The format of a file: Anki's by its headers, a table by its suffix, else Quizlet's."""
    if is_anki_text(text):
        return "anki"
    return "csv" if Path(source).suffix.lower() in _TABLES else "quizlet"


def _rows(text: str, source: str, fmt: str) -> Iterator[Read]:
    if fmt == "anki":
        return read_anki_text(text)
    if fmt == "csv":
        delimiter = _TABLES.get(Path(source).suffix.lower()) or delimiter_of(text)
        return read_table(text, delimiter)
    return read_quizlet(text)


def _checked(source: str, rows: Iterable[Read]) -> tuple[list[AuthoredItem], int]:
    """The items of the rows, each once; raises with every row at fault.

    A row that repeats an earlier one's item exactly is left out; one that
    asks an earlier one's question with another answer is at fault.
    """
    problems: list[tuple[int | None, str]] = []
    first: dict[str, tuple[int, AuthoredItem]] = {}
    duplicates = 0
    for number, made in rows:
        if isinstance(made, InvalidItem):
            problems.append((number, made.message))
            continue
        earlier = first.get(made.identity)
        if earlier is None:
            first[made.identity] = (number, made)
        elif earlier[1] == made:
            duplicates += 1
        else:
            problems.append((number, f"the same question as line {earlier[0]} with another answer; keep one of them"))
    if problems:
        raise ItemFileError(source, problems)
    return [made for _, made in first.values()], duplicates
