"""The fact, and the pattern that finds it.

A :class:`Pattern` is data: its name, its priority, the function that finds
its answers in a sentence, and how the later stages ask about what it found.
The table of patterns is :data:`quizgen.facts.patterns.PATTERNS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

# A pattern's look at one sentence: each answer span it finds, with its detail.
Finder = Callable[["Span"], Iterator[tuple["Span", str]]]


@dataclass(frozen=True)
class Pattern:
    """One kind of fact: where it is found and how it is asked."""

    name: str
    # Where two patterns find the same answer, the lower priority wins; it
    # also weighs in the fact's salience.
    priority: int
    find: Finder
    # A question of the pattern's own over the fact's detail ("Who is {detail}?");
    # without one, the question is transformed from the sentence.
    question: str = ""
    # Another answer to that question, over the answer ("the {answer}").
    also_accepted: str = ""
    # Whether a question is transformed from the sentence at all: a list is
    # asked for member by member, never whole.
    transformed: bool = True
    # The words a transformed question must open with ("when" for a date).
    openings: tuple[str, ...] = ()
    # The detail is another name for the answer (an acronym and its
    # expansion): not an alias a student may give instead of it.
    detail_names_answer: bool = False
    # A matching pair shows the detail (a role, an acronym) opposite the answer.
    detail_pairs: bool = False
    # The answer is a list whose members are told apart.
    lists: bool = False

    def __repr__(self) -> str:
        return f"Pattern({self.name!r})"


@dataclass(frozen=True)
class Fact:
    """An answer span in a sentence of an article. Offsets are into the article's text."""

    pattern: Pattern
    sentence_index: int
    sentence_start: int
    sentence_end: int
    answer_start: int
    answer_end: int
    label: str
    salience: float
    # What the pattern knows that the sentence does not say outright, such as
    # the role in an appositive or the expansion of an acronym.
    detail: str = ""
