"""Multiple choice: a wh-question with its answer among distractors.

Only a question whose answer has a full set of distractors becomes multiple
choice; a weak set of options is worse than none.
"""

from __future__ import annotations

from dataclasses import replace

from quizgen.items import Item, item_key


def multiple_choice(item: Item, article_hash: str, count: int) -> Item | None:
    """The multiple-choice form of a wh ``item`` whose distractors are complete, else None."""
    if item.kind != "wh" or len(item.distractors) < count or count < 1:
        return None
    answer, start = item.answer, item.answer_start
    article = answer.split(" ", 1)[0]
    if article.lower() in ("the", "a", "an") and " " in answer and start is not None:
        # Options read alike: "White House" among "U.S. Senate" and "Congress".
        answer, start = answer[len(article) + 1 :], start + len(article) + 1
    return replace(
        item,
        answer=answer,
        answer_start=start,
        key=item_key(article_hash, "multiple_choice", item.sentence, item.answer_start, item.answer),
        kind="multiple_choice",
        rule=item.rule.replace("/wh", "/multiple_choice"),
        distractors=item.distractors[:count],
    )
