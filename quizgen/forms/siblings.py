"""Siblings: the forms of one fact (its question, cloze, multiple choice and true/false).

forms -> quiz and print. A quiz session or a worksheet shows one form of each
fact: a multiple-choice item would give away the question asked just before
it. Works on stored and generated items alike, and imports nothing heavy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar


class Form(Protocol):
    """An item as this module reads it: a generated :class:`quizgen.Item` or a
    stored ``ItemRecord``. ``article_id``, which only a stored item has, is
    read where there is one."""

    @property
    def kind(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def answer(self) -> str: ...
    @property
    def pairs(self) -> Sequence[Sequence[str]]: ...
    @property
    def sentence_start(self) -> int: ...
    @property
    def answer_end(self) -> int | None: ...


T = TypeVar("T", bound=Form)


def fact_of(item: Form) -> tuple:
    """What an item asks about. A matching set recalls several facts, and stands for itself."""
    if item.kind == "matching":
        return (getattr(item, "article_id", None), "matching", item.key)
    return (getattr(item, "article_id", None), item.sentence_start, item.answer_end)


def one_per_fact(items: Iterable[T]) -> list[T]:
    """One form of each fact, in the order the facts first come, with matching
    sets last. Each fact takes the form used least so far, so that a quiz or a
    worksheet mixes questions, clozes, multiple choice and true/false. A fact
    whose answer a matching set of its article lists is asked by that set, not
    again on its own (its right-hand column would give the answer away)."""
    from quizgen.normalize import normalize

    items = list(items)
    listed = {
        (getattr(item, "article_id", None), normalize(right))
        for item in items
        if item.kind == "matching"
        for _, right in item.pairs
    }
    covered = {
        fact_of(item)
        for item in items
        if item.kind != "matching" and (getattr(item, "article_id", None), normalize(item.answer)) in listed
    }
    forms: dict[tuple, list[T]] = {}
    for item in items:
        if fact_of(item) not in covered:
            forms.setdefault(fact_of(item), []).append(item)
    # Each fact takes the form used least so far, for a mix of question types.
    used: dict[str, int] = {}
    kept = []
    for candidates in forms.values():
        chosen = min(candidates, key=lambda item: used.get(item.kind, 0))
        used[chosen.kind] = used.get(chosen.kind, 0) + 1
        kept.append(chosen)
    return sorted(kept, key=lambda item: item.kind == "matching")
