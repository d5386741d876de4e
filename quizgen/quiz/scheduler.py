"""Scheduling: FSRS (the ``fsrs`` package) on quizgen's stored cards.

quiz: check -> scheduler (this) -> store. The card is kept as FSRS's own
dictionary, so the state is small, explicit and readable by any FSRS tool.
Fuzzing of intervals is off: the same answers give the same schedule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from fsrs.card import CardDict

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATING_NAMES = {AGAIN: "Again", HARD: "Hard", GOOD: "Good", EASY: "Easy"}
DEFAULT_RETENTION = 0.9
STATES = {1: "learning", 2: "review", 3: "relearning"}
# Answers slower than this are rated Hard even when right.
SLOW_SECONDS = 25.0


@dataclass(frozen=True)
class Next:
    """An item's scheduling after one answer."""

    card: dict[str, Any]
    due: datetime
    state_before: str  # "new", "learning", "review" or "relearning"


def schedule(card: dict[str, Any] | None, rating: int, now: datetime, retention: float = DEFAULT_RETENTION) -> Next:
    """The next state of ``card`` (None for an item never studied) after an answer rated ``rating`` at ``now``."""
    from fsrs import Card, Rating, Scheduler

    current = Card.from_dict(_fsrs(card)) if card else Card(due=now)
    before = "new" if current.last_review is None else STATES.get(int(current.state), "learning")
    scheduler = Scheduler(desired_retention=retention, enable_fuzzing=False)
    updated, _ = scheduler.review_card(current, Rating(rating), now)
    return Next(card=_stored(updated.to_dict()), due=updated.due, state_before=before)


def new_card(due: datetime) -> dict[str, Any]:
    """The card of an item not studied yet, due at ``due`` (a buried new item)."""
    from fsrs import Card

    return _stored(Card(due=due).to_dict())


# A card is stored as the JSON object fsrs makes of it: a dict[str, Any] to the
# store, a CardDict to fsrs.
def _fsrs(card: dict[str, Any]) -> CardDict:
    return cast("CardDict", card)


def _stored(card: CardDict) -> dict[str, Any]:
    return cast(dict[str, Any], card)


def rating_for(correct: bool, forgiven: bool, seconds: float, quick: float) -> int:
    """The rating an answer earns when the student gives none: wrong is Again;
    a forgiven typo or a slow answer is Hard; an answer within ``quick``
    seconds is Easy; otherwise Good."""
    if not correct:
        return AGAIN
    if forgiven or seconds > SLOW_SECONDS:
        return HARD
    if seconds <= quick:
        return EASY
    return GOOD


def quick_seconds(kind: str, answer: str) -> float:
    """How fast an answer has to come to count as easy: a key press for a
    choice, longer for a typed answer the longer it is."""
    if kind in ("multiple_choice", "true_false"):
        return 2.5
    return 3.0 + 0.1 * len(answer)
