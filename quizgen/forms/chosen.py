"""A chosen question with what each of its forms needs.

generation -> forms (this) -> items. The wh-questions and clozes that
generation chose carry their fact, their score, every accepted answer and
their distractors; the question's own item and its multiple-choice,
true/false and matching forms are all built from this.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from quizgen.item import Item, item_key
from quizgen.wording import ARTICLES

if TYPE_CHECKING:
    from spacy.tokens import Span

    from quizgen.facts import Fact
    from quizgen.questions.realize import Question


@dataclass(frozen=True)
class Chosen:
    question: Question
    article_hash: str
    score: float
    reasons: tuple[str, ...]
    accepted: tuple[str, ...]
    distractors: tuple[str, ...]
    span: Span | None  # the answer in the parsed article

    @property
    def fact(self) -> Fact:
        return self.question.fact

    @property
    def kind(self) -> str:
        return self.question.kind

    def key(self, kind: str) -> str:
        """The key of this fact's item of ``kind``: its forms share the fact, not the key."""
        question = self.question
        return item_key(self.article_hash, kind, question.sentence, question.answer_start, question.answer)

    def item(self) -> Item:
        """The question's own item: a wh-question or a cloze."""
        question = self.question
        return Item(
            key=self.key(question.kind),
            kind=question.kind,
            prompt=question.prompt,
            answer=question.answer,
            sentence=question.sentence,
            sentence_start=self.fact.sentence_start,
            answer_start=question.answer_start,
            answer_end=question.answer_end,
            rule=rule(self.fact, question.kind),
            score=self.score,
            reasons=self.reasons,
            accepted_answers=self.accepted,
            distractors=self.distractors,
            label=self.fact.label,
        )


def leading_article(answer: str) -> str:
    """The article an answer of several words opens with ("the" of "the White
    House"), which a form keeps out of the part it swaps or offers; else ""."""
    first = answer.split(" ", 1)[0]
    return first if first.lower() in ARTICLES and " " in answer else ""


def one_line(text: str) -> str:
    """``text`` with the line breaks of the article's layout (a role or an
    expansion wrapped across two lines) read as the spaces they stand for."""
    return " ".join(text.split())


def rule(fact: Fact, kind: str) -> str:
    """What made an item, as stored: "appositive/multiple_choice"."""
    return f"{fact.pattern.name}/{kind}"
