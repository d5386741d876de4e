"""What every LMS format takes from an item: store -> export/lms (parts, this) -> moodle, gift, qti, kahoot.

Items arrive as stored rows or as the generator's dataclasses; both have the
same field names, so only attributes are read, and ``kind`` may be the enum
or its string. Article text is untrusted: everything a format writes goes
through :func:`one_line` first, which drops the characters XML 1.0 cannot
hold (a NUL would make the whole file unreadable) and makes every run of
whitespace one space, since a line break means something in GIFT and
nothing in a question.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from quizgen.forms.options import shuffled_options
from quizgen.wording import BLANK

# The blank that quizgen.questions.realize puts in a cloze prompt for its answer.
# Where a Moodle import files questions: the course's own question bank.
MOODLE_TOP = "$course$/top"

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# A byte-order mark counts as space: JavaScript's trim() removes it from either end,
# so the GIFT tools built on gift-pegjs would read a field without it.
_SPACES = re.compile("[\\s\ufeff]+")


class ItemLike(Protocol):
    """The fields of an item that the LMS formats read."""

    key: str
    kind: Any
    prompt: str
    answer: str
    accepted_answers: Sequence[str]
    distractors: Sequence[str]
    sentence: str
    answer_start: int | None
    answer_end: int | None
    pairs: Sequence[Sequence[str]]


def squeeze(text: str | None) -> str:
    """Text without the characters XML cannot hold, each run of whitespace made one space."""
    return _SPACES.sub(" ", _NOT_XML.sub("", text or ""))


def one_line(text: str | None) -> str:
    """Text as one trimmed line: :func:`squeeze`, without space at either end."""
    return squeeze(text).strip()


def short(text: str, limit: int = 80) -> str:
    """A name for the question bank: the text, cut at a word before ``limit`` characters."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"


def form(item: ItemLike) -> str:
    """The question type an item is written as: its kind, except that a
    multiple-choice item left without distractors is asked as a short answer
    (every platform refuses a multiple choice with one option)."""
    kind = item.kind
    if kind == "multiple_choice" and not distractors(item):
        return "wh"
    return kind


def answers(item: ItemLike) -> list[str]:
    """The answer, then every other accepted way to write it: one line each, none twice, none empty."""
    written = [one_line(a) for a in [item.answer, *(item.accepted_answers or ())]]
    return list(dict.fromkeys(a for a in written if a))


def distractors(item: ItemLike) -> list[str]:
    """The wrong options: one line each, none twice, none empty and none equal to the answer."""
    answer = one_line(item.answer)
    written = [one_line(d) for d in item.distractors or ()]
    return list(dict.fromkeys(d for d in written if d and d != answer))


def choices(item: ItemLike, seed: int | str = 0, most: int | None = None) -> tuple[list[str], int]:
    """A multiple-choice item's options in display order, and the index of the correct one.

    The order is :func:`~quizgen.forms.options.shuffled_options`' for the
    stored options, so an LMS shows the order of the quiz, the deck and the
    printed sheets. ``most`` keeps the answer and the first ``most - 1``
    distractors, for a platform with room for only so many.
    """
    wrong = list(item.distractors or ())
    if most is not None:
        wrong = wrong[: max(most - 1, 0)]
    shown, correct = shuffled_options(item.key, item.answer, wrong, seed)
    answer = one_line(item.answer)
    options: list[str] = []
    index = 0
    for position, option in enumerate(shown):
        text = one_line(option)
        if position == correct:
            index = len(options)
            text = answer
        elif not text or text == answer or text in options:
            continue
        options.append(text)
    return options, index


def is_true(item: ItemLike) -> bool:
    """Whether a true/false item's statement is true."""
    return one_line(item.answer).lower() == "true"


def pairs(item: ItemLike) -> list[tuple[str, str]]:
    """A matching item's pairs, one line each side, without a pair missing a side."""
    found = [(one_line(left), one_line(right)) for left, right in item.pairs or ()]
    return [(left, right) for left, right in found if left and right]


def cloze_sides(item: ItemLike) -> tuple[str, str]:
    """The text before and after a cloze's blank.

    The prompt is the sentence with the answer's span blanked, so its two
    sides include an edit someone made; without exactly one blank the stored
    span in the sentence is used, then the answer found in the sentence, and
    as a last resort the blank goes after the prompt.
    """
    prompt = item.prompt or ""
    sentence = item.sentence or ""
    if prompt.count(BLANK) == 1:
        before, after = prompt.split(BLANK)
    elif (
        item.answer_start is not None
        and item.answer_end is not None
        and 0 <= item.answer_start < item.answer_end <= len(sentence)
    ):
        before, after = sentence[: item.answer_start], sentence[item.answer_end :]
    elif item.answer and item.answer in sentence:
        before, _, after = sentence.partition(item.answer)
    else:
        before, after = (prompt or sentence).rstrip() + " ", ""
    return squeeze(before).lstrip(), squeeze(after).rstrip()


def askable(item: ItemLike) -> bool:
    """Whether an item has what its form needs to be written at all.

    An item edited down to an empty prompt, answer or set of pairs is left
    out of every format rather than written as a question no one can answer.
    """
    kind = form(item)
    if kind == "matching":
        return bool(pairs(item))
    if kind == "cloze":
        return bool(answers(item)) and any(cloze_sides(item))
    if kind == "true_false":
        return bool(one_line(item.prompt))
    return bool(one_line(item.prompt)) and bool(answers(item))


def article_title(item: ItemLike, titles: Mapping[int, str] | None) -> str | None:
    """The title of the item's article, when ``titles`` has it (generated items have no article)."""
    article_id = getattr(item, "article_id", None)
    if not titles or article_id is None:
        return None
    return titles.get(article_id)


def category_path(category: str, title: str | None = None) -> str:
    """Where Moodle files the questions: ``$course$/top/category[/title]``.

    ``category`` is a path ("news/week 1" nests); a "/" in ``title`` is
    doubled, as Moodle escapes it in category names.
    """
    segments = [part for part in (one_line(p) for p in category.split("/")) if part] or ["quizgen"]
    if title and one_line(title):
        segments.append(one_line(title).replace("/", "//"))
    return "/".join([MOODLE_TOP, *segments])


def shortanswer_literal(answer: str) -> str:
    """An answer as Moodle's short-answer grading reads it: ``*`` is a
    wildcard there, and ``\\*`` a literal star."""
    return answer.replace("*", "\\*")
