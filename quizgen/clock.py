"""Time in quizgen: always timezone-aware UTC, with days as the learner's local days.

A leaf, like py-fsrs's convention: the store writes these times, the
scheduler reads them, and the quiz and stats count days with them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time


def utc_now() -> datetime:
    """Now, timezone-aware, in UTC."""
    return datetime.now(UTC)


def start_of(day: date) -> datetime:
    """The UTC moment local ``day`` begins."""
    return datetime.combine(day, time()).astimezone(UTC)


def start_of_day(now: datetime) -> datetime:
    """The start of ``now``'s day in the machine's local time, in UTC: days
    are the learner's days, not Greenwich's."""
    return start_of(now.astimezone().date())
