"""Multiple choice: a wh-question with its answer among distractors.

Only a question whose answer has a full set of distractors becomes multiple
choice; a weak set of options is worse than none.
"""

from __future__ import annotations

from dataclasses import replace

from quizgen.forms.chosen import Chosen, leading_article, rule
from quizgen.item import Item


def multiple_choice(chosen: Chosen, count: int) -> Item | None:
    """The multiple-choice form of a wh-question whose distractors are complete, else None."""
    if chosen.kind != "wh" or len(chosen.distractors) < count or count < 1:
        return None
    question = chosen.question
    answer, start = question.answer, question.answer_start
    article = leading_article(answer)
    if article:
        # Options read alike: "White House" among "U.S. Senate" and "Congress".
        answer, start = answer[len(article) + 1 :], start + len(article) + 1
    return replace(
        chosen.item(),
        answer=answer,
        answer_start=start,
        key=chosen.key("multiple_choice"),
        kind="multiple_choice",
        rule=rule(chosen.fact, "multiple_choice"),
        distractors=chosen.distractors[:count],
    )
