"""Date distractors: other dates, written the way the answer is written.

forms -> distractors (this: dates) -> multiple choice / true-false. "Monday,
Sept. 23" gets "Wednesday, Sept. 25" and "Friday, Sept. 20": real calendar
dates near the answer, the weekday moved along with the day, the month spelled
in the answer's style. A year gets nearby years, "mid-October" gets
"mid-September". Relative dates ("last week") and ranges have no sensible
neighbours and get no distractors.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta

from quizgen.distractors.numbers import FIRST_YEAR, LAST_YEAR, choose_around, folded, nearby_years
from quizgen.wording import AP_MONTHS, AP_WEEKDAYS, MONTHS, SHORT_MONTHS, SHORT_WEEKDAYS, WEEKDAYS, dotted

DAY_SHIFTS = range(1, 15)  # a distractor date is up to two weeks from the answer
MONTH_SHIFTS = range(1, 5)  # without a year, more than four months away could wrap around to the answer
MONTH_YEAR_SHIFTS = range(1, 7)
DECADE_SHIFTS = range(1, 4)
# A day and month with a weekday but no year are placed in the latest year
# before this in which they fall on that weekday. Twenty-eight years hold every
# combination of weekday and leap year, Feb. 29 included.
LATEST_YEAR = 2024
CALENDAR_CYCLE = 28
LEAP_YEAR = 2024  # for a day and month with neither year nor weekday, so that Feb. 29 is a date


@dataclass(frozen=True)
class Spelling:
    """How an answer spells a month or weekday: from which list of names, with
    or without an abbreviation's dot, in which case."""

    names: tuple[str, ...]
    full: tuple[str, ...]
    dot: bool
    case: str  # "title", "upper" or "lower"

    def write(self, index: int) -> str:
        name = dotted(self.names[index], self.full[index]) if self.dot else self.names[index]
        if self.case == "upper":
            return name.upper()
        return name.lower() if self.case == "lower" else name


# Full names, then the abbreviations AP style writes with a dot ("Sept.",
# "Tues."), then the three-letter ones usually written without.
Names = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
MONTH_NAMES: Names = (MONTHS, AP_MONTHS, SHORT_MONTHS)
WEEKDAY_NAMES: Names = (WEEKDAYS, AP_WEEKDAYS, SHORT_WEEKDAYS)


def _alternatives(names: Names) -> str:
    return "|".join(sorted({name for table in names for name in table}, key=len, reverse=True))


_MONTH = rf"(?P<month>(?:{_alternatives(MONTH_NAMES)})\.?)"
_WEEKDAY = rf"(?P<weekday>(?:{_alternatives(WEEKDAY_NAMES)})\.?)"
_DAY = r"(?P<day>[0-9]{1,2})(?P<ordinal>st|nd|rd|th)?"
_YEAR = r"(?P<year>[0-9]{4})"
_THEN = r"(?:,\s*|\s+)"
_PERIOD = r"(?:early|mid|late)(?:-|\s+)"

DAY_DATES = (
    re.compile(rf"(?:{_WEEKDAY}{_THEN})?{_MONTH}\s+{_DAY}(?:{_THEN}{_YEAR})?", re.I),  # Monday, Sept. 23, 2024
    re.compile(
        rf"(?:{_WEEKDAY}{_THEN})?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:{_THEN}{_YEAR})?", re.I
    ),  # 23 September
    re.compile(r"(?P<year>[0-9]{4})-(?P<numeric_month>[0-9]{2})-(?P<day>[0-9]{2})"),  # 2024-09-23
)
MONTH_DATE = re.compile(rf"(?:{_PERIOD})?{_MONTH}(?:{_THEN}{_YEAR})?", re.I)  # mid-October, September 2024
YEAR_DATE = re.compile(rf"(?:{_PERIOD})?{_YEAR}", re.I)  # 2018, mid-2019
DECADE_DATE = re.compile(r"(?:the\s+)?(?P<decade>[0-9]{3}0)'?s", re.I)  # the 1990s
WEEKDAY_DATE = re.compile(_WEEKDAY, re.I)  # Tuesday


def date_distractors(answer: str, count: int, rng: random.Random) -> list[str]:
    """Up to ``count`` other dates near ``answer``, written like it; [] when
    ``answer`` is not a date this module can move."""
    text = answer.strip()
    if count <= 0:
        return []
    for pattern in DAY_DATES:
        if match := pattern.fullmatch(text):
            return _day_dates(match, count, rng)
    if match := MONTH_DATE.fullmatch(text):
        return _month_dates(match, count, rng)
    if match := YEAR_DATE.fullmatch(text):
        year = int(match["year"])
        if not FIRST_YEAR <= year <= LAST_YEAR:
            return []
        return [_rewrite(match, year=str(y)) for y in nearby_years(year, count, rng)]
    if match := DECADE_DATE.fullmatch(text):
        return _decades(match, count, rng)
    if match := WEEKDAY_DATE.fullmatch(text):
        spelling, weekday = _spelling(match["weekday"], WEEKDAY_NAMES)
        others = [i for i in range(7) if i != weekday]
        return [_rewrite(match, weekday=spelling.write(i)) for i in rng.sample(others, min(count, len(others)))]
    return []


def _day_dates(match: re.Match[str], count: int, rng: random.Random) -> list[str]:
    groups = match.groupdict()
    if groups.get("numeric_month"):
        month_spelling = None
        month = int(groups["numeric_month"])
    else:
        month_spelling, month = _spelling(groups["month"], MONTH_NAMES)
        month += 1
    day = int(groups["day"])
    weekday = None
    weekday_spelling = None
    if groups.get("weekday"):
        weekday_spelling, weekday = _spelling(groups["weekday"], WEEKDAY_NAMES)
    if groups.get("year"):
        year = int(groups["year"])
        if not FIRST_YEAR <= year <= LAST_YEAR:
            return []
    else:
        found = _year_for(month, day, weekday)
        if found is None:
            return []
        year = found
    try:
        answer = date(year, month, day)
    except ValueError:
        return []  # "Sept. 31" is no date, and neither is anything near it

    def write(shift: int) -> str:
        moved = answer + timedelta(days=shift)
        padded = month_spelling is None or groups["day"].startswith("0")
        parts: dict[str, str] = {"day": f"{moved.day:02d}" if padded else str(moved.day)}
        if month_spelling is None:
            parts["numeric_month"] = f"{moved.month:02d}"
        else:
            parts["month"] = month_spelling.write(moved.month - 1)
        if groups.get("ordinal"):
            suffix = _ordinal(moved.day)
            parts["ordinal"] = suffix.upper() if groups["ordinal"].isupper() else suffix
        if groups.get("year"):
            parts["year"] = str(moved.year)
        if weekday_spelling is not None and weekday is not None:
            # Moved with the day, so that a weekday the answer got right stays right.
            parts["weekday"] = weekday_spelling.write((weekday + shift) % 7)
        return _rewrite(match, **parts)

    within = [s for s in (*DAY_SHIFTS, *(-s for s in DAY_SHIFTS)) if _year_of(answer, s) is not None]
    shifts = choose_around([s for s in within if s < 0], [s for s in within if s > 0], count, rng)
    return [write(shift) for shift in shifts]


def _year_of(day: date, shift: int) -> int | None:
    """The year ``shift`` days after ``day``, if it is one a distractor may name."""
    year = (day + timedelta(days=shift)).year
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


def _year_for(month: int, day: int, weekday: int | None) -> int | None:
    """A year in which ``month``/``day`` is a date falling on ``weekday`` (any weekday when None)."""
    if weekday is None:
        return LEAP_YEAR
    for year in range(LATEST_YEAR, LATEST_YEAR - CALENDAR_CYCLE, -1):
        try:
            if date(year, month, day).weekday() == weekday:
                return year
        except ValueError:
            continue
    return None


def _month_dates(match: re.Match[str], count: int, rng: random.Random) -> list[str]:
    spelling, month = _spelling(match["month"], MONTH_NAMES)
    if match["year"] is None:
        shifts = choose_around([-s for s in MONTH_SHIFTS], MONTH_SHIFTS, count, rng)
        return [_rewrite(match, month=spelling.write((month + s) % 12)) for s in shifts]
    start = int(match["year"]) * 12 + month
    if not FIRST_YEAR <= int(match["year"]) <= LAST_YEAR:
        return []
    below = [start - s for s in MONTH_YEAR_SHIFTS if (start - s) // 12 >= FIRST_YEAR]
    above = [start + s for s in MONTH_YEAR_SHIFTS if (start + s) // 12 <= LAST_YEAR]
    return [
        _rewrite(match, month=spelling.write(m % 12), year=str(m // 12))
        for m in choose_around(below, above, count, rng)
    ]


def _decades(match: re.Match[str], count: int, rng: random.Random) -> list[str]:
    decade = int(match["decade"])
    if not FIRST_YEAR <= decade <= LAST_YEAR:
        return []
    below = [decade - 10 * s for s in DECADE_SHIFTS if decade - 10 * s >= FIRST_YEAR]
    above = [decade + 10 * s for s in DECADE_SHIFTS if decade + 10 * s <= LAST_YEAR]
    return [_rewrite(match, decade=str(d)) for d in choose_around(below, above, count, rng)]


def _spelling(token: str, names: Names) -> tuple[Spelling, int]:
    """How ``token`` spells a month or weekday, and which one it is: "Sept." is
    the ninth month in AP style. An abbreviation both styles share is read as AP
    style when it has a dot ("Jan." -> "March") and as three letters when not
    ("Jan" -> "Mar")."""
    word = token.rstrip(".")
    dot = token.endswith(".")
    full, dotted, bare = names
    for table in (full, dotted, bare) if dot else (full, bare, dotted):
        lowered = [name.lower() for name in table]
        if folded(word) in lowered:
            case = "upper" if word.isupper() and len(word) > 1 else "lower" if word.islower() else "title"
            return Spelling(names=table, full=full, dot=dot, case=case), lowered.index(folded(word))
    raise ValueError(f"not a month or weekday name: {token!r}")  # the patterns match only names


def _ordinal(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _rewrite(match: re.Match[str], **parts: str) -> str:
    """The matched text with the named groups replaced, every other character kept."""
    text = match.string
    for name, value in sorted(parts.items(), key=lambda part: match.start(part[0]), reverse=True):
        start, end = match.span(name)
        if start >= 0:
            text = text[:start] + value + text[end:]
    return text
