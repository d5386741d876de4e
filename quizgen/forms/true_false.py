"""True/false: a fact's simplified clause, as stated or with its answer swapped.

A false statement differs from the true one in exactly the answer's span,
which holds a distractor instead; the rest is the same simplified clause.
Within an article true and false alternate, so a deck is balanced.
"""

from __future__ import annotations

from dataclasses import replace

from quizgen.forms.chosen import Chosen, leading_article, rule
from quizgen.item import Item
from quizgen.normalize import words
from quizgen.quality import slip_in, vague_reference
from quizgen.questions.statement import Statement, falsified, opens_cleanly, statement
from quizgen.wording import POINTERS, leans_back

TRUE = "True"
FALSE = "False"


def true_false(chosen: Chosen) -> tuple[Item, Item] | None:
    """The true and the false statement of ``chosen``'s fact, or None when the
    fact has no clean statement or nothing to swap into it: only a fact that
    can be stated both ways is used, so whether a statement is true never
    depends on which facts could be falsified."""
    answer = chosen.span
    if answer is None or not chosen.distractors or answer.root.left_edge.i < answer.start:
        # Nothing to swap in, or words before the answer ("President", "the")
        # that belong to it and would not fit what is swapped in.
        return None
    stated = statement(answer)
    if (
        stated is None
        or set(words(stated.text)) & POINTERS
        or vague_reference(stated.text)
        or slip_in(stated.text)
        or leans_back(stated.text)
    ):
        return None
    swapped = stated
    article = leading_article(chosen.question.answer)
    if article:
        # "the White House" -> "the U.S. Senate": the article stays.
        swapped = Statement(stated.text, stated.answer_start + len(article) + 1, stated.answer_end)
    for wrong in chosen.distractors:
        false = falsified(swapped, wrong)
        # The first distractor that makes a statement: one that would open it
        # with a stray mark ("- Delrahim wrote") is passed over.
        if opens_cleanly(false.text):
            return _item(chosen, stated, TRUE, ()), _item(chosen, false, FALSE, (wrong,))
    return None


def _item(chosen: Chosen, shown: Statement, verdict: str, swapped_in: tuple[str, ...]) -> Item:
    return replace(
        chosen.item(),
        key=chosen.key("true_false"),
        kind="true_false",
        prompt=shown.text,
        answer=verdict,
        # answer_start and answer_end still give the fact's answer in the source sentence.
        accepted_answers=(),
        # The statement's own span: the answer when true, the swapped-in distractor when false.
        distractors=swapped_in,
        rule=rule(chosen.fact, "true_false"),
    )
