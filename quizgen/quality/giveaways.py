"""Items that give each other away: one item's stem shows another's answer.

quality -> (this) -> generation. Up to three questions come from one
sentence, and each may show the others' answers: a cloze of "the stadium
holds _____ people" beside "Which stadium holds 88,966 people?" answers
both. Walking the items best first, an item is left out when its answer
shows in the stem of one already kept, or a kept item's answer in its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from quizgen.normalize import contains
from quizgen.wording import BLANK


class Asking(Protocol):
    """What the rule reads of an item: a generated :class:`~quizgen.item.Item` or a stored one."""

    @property
    def kind(self) -> str: ...
    @property
    def prompt(self) -> str: ...
    @property
    def answer(self) -> str: ...
    @property
    def sentence(self) -> str: ...
    @property
    def answer_start(self) -> int | None: ...
    @property
    def answer_end(self) -> int | None: ...
    @property
    def pairs(self) -> Sequence[Sequence[str]]: ...


AnyItem = TypeVar("AnyItem", bound=Asking)


def asked(item: Asking) -> tuple[str, ...]:
    """What ``item`` asks a student to know: its answer (for true/false, the
    fact's answer in its sentence; for matching, each right-hand side)."""
    if item.kind == "matching":
        return tuple(right for _, right in item.pairs)
    if item.kind == "true_false":
        if item.answer_start is None or item.answer_end is None:
            return ()
        return (item.sentence[item.answer_start : item.answer_end],)
    return (item.answer,)


def shown(item: Asking) -> str:
    """The words of ``item`` a student reads before answering, options aside."""
    if item.kind == "matching":
        return " ".join(left for left, _ in item.pairs)
    return item.prompt.replace(BLANK, " ")


def gives_away(item: Asking, other: Asking) -> bool:
    """Whether either item's stem shows what the other asks."""
    if item.kind == "matching" or other.kind == "matching":
        return False  # a matching set repeats facts by design; it is never shown beside its own questions
    return any(contains(shown(other), a) for a in asked(item)) or any(contains(shown(item), a) for a in asked(other))


def without_giveaways(items: Iterable[AnyItem]) -> list[AnyItem]:
    """``items`` (best first) without those that give away, or are given away
    by, an item kept before them."""
    kept: list[AnyItem] = []
    for item in items:
        if not any(gives_away(item, other) for other in kept):
            kept.append(item)
    return kept
