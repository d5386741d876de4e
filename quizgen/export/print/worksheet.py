"""Worksheets: the selected items laid out as numbered questions, in shuffled versions, with answer keys.

store -> export/print: worksheet (this) -> typst / markdown. The questions of
each article stand together under its title, after its text when the sheet is
for reading, in the order of the articles; numbers run through the whole
sheet. Each version has its own order of questions within each article and of
options, drawn from the seed and the version letter alone, so a version can
be printed again identically, and its answer key always matches it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field

from quizgen.forms.options import shuffled_options
from quizgen.wording import LETTERS, option_letter

DEFAULT_INSTRUCTIONS = (
    "Answer every question. For multiple choice and true/false, tick one box; "
    "for matching, write the letter of the right-hand item on the line."
)
READING_INSTRUCTIONS = "Read each text, then answer the questions after it. " + DEFAULT_INSTRUCTIONS.removeprefix(
    "Answer every question. "
)
# Paper sizes in millimetres (width, height), by the names --paper takes; the
# PDF and the Word copy are both laid out on the one chosen, with these margins.
PAPERS = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
MARGINS_MM = {"left": 20, "right": 20, "top": 24, "bottom": 22}
# Characters of answer per ruled line on an A4 worksheet.
CHARACTERS_PER_LINE = 45
# Control characters other than tab and line breaks, and U+FFFE and U+FFFF:
# Typst prints each as an empty box, and a .docx, being XML, cannot hold them.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


@dataclass(frozen=True)
class Question:
    number: int
    kind: str
    prompt: str
    points: int
    options: tuple[str, ...] = ()  # multiple choice, in this version's order
    left: tuple[str, ...] = ()  # matching
    right: tuple[str, ...] = ()  # matching, in this version's order
    lines: int = 1  # ruled lines for a written answer


@dataclass(frozen=True)
class KeyEntry:
    number: int
    answer: str
    source: str


@dataclass(frozen=True)
class Source:
    """An article as a worksheet names it: its title, and the paragraphs to
    read before its questions (none on a sheet that is not for reading)."""

    title: str
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    """One article's part of a version: its text, its questions and their answers."""

    title: str
    questions: tuple[Question, ...]
    answers: tuple[KeyEntry, ...]
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Version:
    letter: str
    groups: tuple[Group, ...]

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for group in self.groups for q in group.questions)

    @property
    def answers(self) -> tuple[KeyEntry, ...]:
        return tuple(a for group in self.groups for a in group.answers)

    @property
    def total(self) -> int:
        return sum(q.points for q in self.questions)


@dataclass(frozen=True)
class Sheet:
    """Everything a worksheet and its key show, ready to hand to a renderer as data."""

    title: str
    instructions: str
    show_points: bool
    versions: tuple[Version, ...]
    paper: str = "a4"
    documents: list[dict] = field(default_factory=list, compare=False)

    def data(self, *, worksheets: bool = True, keys: bool = True, only: str | None = None) -> dict:
        """The JSON-ready data of the documents asked for: worksheets, keys, or
        both, for every version or ``only`` one. Each document's groups carry
        the heading to print over them: the article's title, or "" where the
        sheet's own title already names its one article."""
        documents = []
        for version in self.versions:
            if only is not None and version.letter != only:
                continue
            if worksheets:
                documents.append(
                    {
                        "kind": "worksheet",
                        "version": version.letter,
                        "total": version.total,
                        "groups": [
                            {
                                "heading": self.heading(group),
                                "paragraphs": list(group.paragraphs),
                                "questions": [asdict(q) for q in group.questions],
                            }
                            for group in version.groups
                        ],
                    }
                )
            if keys:
                documents.append(
                    {
                        "kind": "key",
                        "version": version.letter,
                        "groups": [
                            {"heading": self.heading(group), "answers": [asdict(a) for a in group.answers]}
                            for group in version.groups
                        ],
                    }
                )
        width, height = PAPERS[self.paper]
        return _printable(
            {
                "title": self.title,
                "instructions": self.instructions,
                "show_points": self.show_points,
                "paper": {"name": self.paper, "width_mm": width, "height_mm": height, "margins_mm": MARGINS_MM},
                "documents": documents,
            }
        )

    def heading(self, group: Group) -> str:
        """The title over ``group``: none where it is the sheet's one article and the sheet bears its title."""
        sole = all(len(version.groups) == 1 for version in self.versions)
        return "" if sole and group.title == self.title else group.title


def _printable(value):
    """The data with every string cleared of characters that cannot be printed."""
    if isinstance(value, str):
        return _UNPRINTABLE.sub("", value)
    if isinstance(value, dict):
        return {key: _printable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_printable(item) for item in value]
    return value


def sheet(
    items: Sequence,
    *,
    title: str,
    versions: int = 1,
    seed: int = 0,
    points: int = 1,
    instructions: str = DEFAULT_INSTRUCTIONS,
    show_points: bool = True,
    sources: Mapping[int, Source] | None = None,
    paper: str = "a4",
) -> Sheet:
    """A worksheet of ``items`` in ``versions`` shuffled versions (A, B, ...).

    The items of each article (their ``article_id``, where they have one) form
    a group, titled and preceded by the article's text as ``sources`` give
    them; groups follow the order of ``sources``, then the order the items
    first name their articles. ``points`` is a question's worth; a matching
    set is worth that for each of its pairs.
    """
    if not 1 <= versions <= len(LETTERS):
        raise ValueError(f"versions must be between 1 and {len(LETTERS)}")
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}")
    grouped = _by_article(items, sources or {})
    made = []
    for letter in LETTERS[:versions]:
        rng = random.Random(f"worksheet:{seed}:{letter}")
        groups: list[Group] = []
        for source, members in grouped:
            first = 1 + sum(len(group.questions) for group in groups)
            order = list(members)
            rng.shuffle(order)
            questions, answers = [], []
            for number, item in enumerate(order, first):
                question, answer = _laid_out(item, number, points, f"{seed}:{letter}")
                questions.append(question)
                answers.append(KeyEntry(number, answer, item.sentence))
            groups.append(Group(source.title, tuple(questions), tuple(answers), source.paragraphs))
        made.append(Version(letter, tuple(groups)))
    return Sheet(title=title, instructions=instructions, show_points=show_points, versions=tuple(made), paper=paper)


def _by_article(items: Sequence, sources: Mapping[int, Source]) -> list[tuple[Source, list]]:
    """``items`` by their article, with its source (untitled where there is
    none), in the order of ``sources`` and then of the items."""
    grouped: dict[object, tuple[Source, list]] = {article_id: (source, []) for article_id, source in sources.items()}
    for item in items:
        grouped.setdefault(getattr(item, "article_id", None), (Source(""), []))[1].append(item)
    return [(source, members) for source, members in grouped.values() if members]


def _laid_out(item, number: int, points: int, seed: str) -> tuple[Question, str]:
    """One item as a numbered question of a version, and its answer for the key."""
    kind = item.kind
    if kind == "multiple_choice":
        options, correct = shuffled_options(item.key, item.answer, tuple(item.distractors), seed)
        return (
            Question(number, kind, item.prompt, points, options=tuple(options)),
            f"{option_letter(correct)}) {item.answer}",
        )
    if kind == "true_false":
        return Question(number, kind, item.prompt, points), item.answer
    if kind == "matching":
        lefts = [left for left, _ in item.pairs]
        rights = [right for _, right in item.pairs]
        order, _ = shuffled_options(item.key, rights[0], tuple(rights[1:]), seed)
        key = ", ".join(f"{i}-{option_letter(order.index(right))}" for i, right in enumerate(rights, 1))
        worth = points * len(item.pairs)
        return Question(number, kind, item.prompt, worth, left=tuple(lefts), right=tuple(order)), key
    lines = 1 + len(item.answer) // CHARACTERS_PER_LINE
    return Question(number, kind, item.prompt, points, lines=lines), item.answer
