"""True/false: a fact's simplified clause, as stated or with its answer swapped.

A false statement differs from the true one in exactly the answer's span,
which holds a distractor instead; the rest is the same simplified clause.
Within an article true and false alternate, so a deck is balanced.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from quizgen.items import Item, item_key
from quizgen.normalize import words
from quizgen.questions.statement import Statement, falsified, statement

TRUE = "True"
FALSE = "False"
# Words that leave a statement read on its own unclear.
POINTERS = frozenset(
    {"he", "she", "it", "they", "him", "her", "his", "its", "their", "them", "this", "these", "those",
     "i", "me", "my", "we", "us", "our", "you", "your"}
)


def true_false(item: Item, answer: Span, article_hash: str, truth: bool) -> Item | None:
    """A true/false item about ``item``'s fact, true or false as asked, or None
    when the fact has no clean statement (or, for a false one, no distractor)."""
    stated = statement(answer)
    if stated is None or set(words(stated.text)) & POINTERS:
        return None
    if truth:
        shown: Statement = stated
    else:
        if not item.distractors or answer.root.left_edge.i < answer.start:
            # Nothing to swap in, or words before the answer ("President", "the")
            # that belong to it and would not fit what is swapped in.
            return None
        article = item.answer.split(" ", 1)[0]
        if article.lower() in ("the", "a", "an") and " " in item.answer:
            # "the White House" -> "the U.S. Senate": the article stays.
            stated = Statement(stated.text, stated.answer_start + len(article) + 1, stated.answer_end)
        shown = falsified(stated, item.distractors[0])
    return replace(
        item,
        key=item_key(article_hash, "true_false", item.sentence, item.answer_start, item.answer),
        kind="true_false",
        prompt=shown.text,
        answer=TRUE if truth else FALSE,
        # answer_start and answer_end still give the fact's answer in the source sentence.
        accepted_answers=(),
        # The statement's own span: the answer when true, the swapped-in distractor when false.
        distractors=() if truth else (item.distractors[0],),
        rule=item.rule.split("/")[0] + "/true_false",
    )
