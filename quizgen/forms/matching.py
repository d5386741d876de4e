"""Matching: three to six pairs of short terms from one article, to be matched across two columns.

Left: a role or an acronym; right: the person or the expansion. A whole
question is never a side: it reads as a question set, not a matching one. No
right-hand entry may fit two left-hand ones, so the answers of a set never
overlap.
"""

from __future__ import annotations

from quizgen.forms.chosen import Chosen, one_line
from quizgen.item import Item, item_key
from quizgen.normalize import overlaps

MIN_PAIRS = 3
MAX_PAIRS = 6
MAX_LEFT_WORDS = 14
PROMPT = "Match each role or abbreviation on the left with the person or full name on the right."


def matching(questions: list[Chosen], article_hash: str) -> Item | None:
    """One matching item from an article's wh-questions (best first), or None
    when fewer than three clean pairs can be made."""
    pairs: list[tuple[str, str]] = []
    used: list[Chosen] = []
    for chosen in questions:
        if chosen.kind != "wh":
            continue
        left = _left(chosen)
        if left is None:
            continue
        right = one_line(chosen.question.answer)
        if any(
            overlaps(right, taken_right) or overlaps(left, taken_left) or overlaps(right, taken_left)
            for taken_left, taken_right in pairs
        ):
            continue
        pairs.append((left, right))
        used.append(chosen)
        if len(pairs) == MAX_PAIRS:
            break
    if len(pairs) < MIN_PAIRS:
        return None
    first = used[0]
    return Item(
        key=item_key(article_hash, "matching", "", 0, ""),
        kind="matching",
        prompt=PROMPT,
        answer="; ".join(f"{left} - {right}" for left, right in pairs),
        sentence=first.question.sentence,
        sentence_start=first.fact.sentence_start,
        answer_start=None,
        answer_end=None,
        rule="matching/matching",
        score=round(sum(c.score for c in used) / len(used), 6),
        reasons=(f"{len(pairs)} pairs",),
        pairs=tuple(pairs),
    )


def _left(chosen: Chosen) -> str | None:
    """What the answer is matched to: the fact's role or acronym, or None."""
    detail = one_line(chosen.fact.detail)
    if chosen.fact.pattern.detail_pairs and detail and len(detail.split()) <= MAX_LEFT_WORDS:
        return detail[0].upper() + detail[1:]
    return None
