"""True/false: a fact's simplified clause, as stated or with its answer swapped.

A false statement differs from the true one in exactly the answer's span,
which holds a distractor instead; the rest is the same simplified clause.
Within an article true and false alternate, so a deck is balanced.
"""

from __future__ import annotations

from dataclasses import replace

from quizgen.forms.chosen import Chosen, rule
from quizgen.item import Item
from quizgen.normalize import words
from quizgen.quality import slip_in, vague_reference
from quizgen.questions.statement import Statement, falsified, statement
from quizgen.wording import ARTICLES, POINTERS

TRUE = "True"
FALSE = "False"


def true_false(chosen: Chosen, truth: bool) -> Item | None:
    """A true/false item about ``chosen``'s fact, true or false as asked, or None
    when the fact has no clean statement (or, for a false one, no distractor)."""
    answer = chosen.span
    if answer is None:
        return None
    stated = statement(answer)
    if stated is None or set(words(stated.text)) & POINTERS or vague_reference(stated.text) or slip_in(stated.text):
        return None
    question = chosen.question
    if truth:
        shown: Statement = stated
    else:
        if not chosen.distractors or answer.root.left_edge.i < answer.start:
            # Nothing to swap in, or words before the answer ("President", "the")
            # that belong to it and would not fit what is swapped in.
            return None
        article = question.answer.split(" ", 1)[0]
        if article.lower() in ARTICLES and " " in question.answer:
            # "the White House" -> "the U.S. Senate": the article stays.
            stated = Statement(stated.text, stated.answer_start + len(article) + 1, stated.answer_end)
        shown = falsified(stated, chosen.distractors[0])
    return replace(
        chosen.item(),
        key=chosen.key("true_false"),
        kind="true_false",
        prompt=shown.text,
        answer=TRUE if truth else FALSE,
        # answer_start and answer_end still give the fact's answer in the source sentence.
        accepted_answers=(),
        # The statement's own span: the answer when true, the swapped-in distractor when false.
        distractors=() if truth else (chosen.distractors[0],),
        rule=rule(chosen.fact, "true_false"),
    )
