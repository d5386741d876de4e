"""Worksheets: the selected items laid out as numbered questions, in shuffled versions, with answer keys.

store -> export/print: worksheet (this) -> typst / markdown. Each version has
its own order of questions and of options, drawn from the seed and the
version letter alone, so a version can be printed again identically, and its
answer key always matches it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from quizgen.forms.options import shuffled_options
from quizgen.wording import LETTERS, option_letter

DEFAULT_INSTRUCTIONS = (
    "Answer every question. For multiple choice and true/false, tick one box; "
    "for matching, write the letter of the right-hand item on the line."
)
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
class Version:
    letter: str
    questions: tuple[Question, ...]
    answers: tuple[KeyEntry, ...]

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
        both, for every version or ``only`` one."""
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
                        "questions": [asdict(q) for q in version.questions],
                    }
                )
            if keys:
                documents.append(
                    {
                        "kind": "key",
                        "version": version.letter,
                        "answers": [asdict(a) for a in version.answers],
                    }
                )
        return _printable(
            {
                "title": self.title,
                "instructions": self.instructions,
                "show_points": self.show_points,
                "paper": self.paper,
                "documents": documents,
            }
        )


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
) -> Sheet:
    """A worksheet of ``items`` in ``versions`` shuffled versions (A, B, ...)."""
    if not 1 <= versions <= len(LETTERS):
        raise ValueError(f"versions must be between 1 and {len(LETTERS)}")
    made = []
    for letter in LETTERS[:versions]:
        rng = random.Random(f"worksheet:{seed}:{letter}")
        order = list(items)
        rng.shuffle(order)
        questions, answers = [], []
        for number, item in enumerate(order, 1):
            question, answer = _laid_out(item, number, points, f"{seed}:{letter}")
            questions.append(question)
            answers.append(KeyEntry(number, answer, item.sentence))
        made.append(Version(letter, tuple(questions), tuple(answers)))
    return Sheet(title=title, instructions=instructions, show_points=show_points, versions=tuple(made))


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
        return Question(number, kind, item.prompt, points, left=tuple(lefts), right=tuple(order)), key
    lines = 1 + len(item.answer) // CHARACTERS_PER_LINE
    return Question(number, kind, item.prompt, points, lines=lines), item.answer
