"""Matching: four to six pairs from one article, to be matched across two columns.

Left: a role, an acronym or a short question; right: the person, the
expansion or the answer. No right-hand entry may fit two left-hand ones, so
the answers of a set never overlap.
"""

from __future__ import annotations

from quizgen.items import Item, item_key
from quizgen.normalize import overlaps

MIN_PAIRS = 4
MAX_PAIRS = 6
MAX_LEFT_WORDS = 14
PROMPT = "Match each item on the left with the one on the right that it belongs to."


def matching(items: list[Item], details: dict[str, str], article_hash: str) -> Item | None:
    """One matching item from an article's wh-items (best first), or None
    when fewer than four clean pairs can be made. ``details`` maps an item's
    key to what its fact knows: the role of an appositive, the acronym of an
    expansion."""
    pairs: list[tuple[str, str]] = []
    used: list[Item] = []
    for item in items:
        if item.kind != "wh":
            continue
        left = _left(item, details.get(item.key, ""))
        if left is None:
            continue
        right = item.answer
        if any(overlaps(right, r) or overlaps(left, l) or overlaps(right, l) for l, r in pairs):
            continue
        pairs.append((left, right))
        used.append(item)
        if len(pairs) == MAX_PAIRS:
            break
    if len(pairs) < MIN_PAIRS:
        return None
    first = used[0]
    return Item(
        key=item_key(article_hash, "matching", "", 0, ""),
        kind="matching",
        prompt=PROMPT,
        answer="; ".join(f"{l} - {r}" for l, r in pairs),
        sentence=first.sentence,
        sentence_start=first.sentence_start,
        answer_start=None,
        answer_end=None,
        rule="matching/matching",
        score=round(sum(i.score for i in used) / len(used), 6),
        reasons=(f"{len(pairs)} pairs",),
        pairs=tuple(pairs),
    )


def _left(item: Item, detail: str) -> str | None:
    pattern = item.rule.split("/")[0]
    if pattern == "appositive" and detail:
        return detail[0].upper() + detail[1:]
    if pattern == "acronym" and detail:
        return detail
    if len(item.prompt.split()) <= MAX_LEFT_WORDS:
        return item.prompt
    return None
