"""Properties of date distractors: other real dates near the answer, written exactly like it."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from quizgen.distractors.dates import date_distractors

FULL = "January February March April May June July August September October November December".split()
MONTH_STYLES = {
    "full": FULL,
    "ap": "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split(),
    "short": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "short with dots": "Jan. Feb. Mar. Apr. May Jun. Jul. Aug. Sep. Oct. Nov. Dec.".split(),
}
WEEKDAY_STYLES = {
    "full": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
    "short": "Mon Tue Wed Thu Fri Sat Sun".split(),
}
NEAR = timedelta(days=31)


@dataclass(frozen=True)
class DayFormat:
    """One way of writing a day: "Monday, Sept. 23", "23 September 2024", "September 23rd"."""

    months: str
    weekdays: str | None = None
    day_first: bool = False
    year: bool = False
    ordinal: bool = False

    def write(self, day: date) -> str:
        number = str(day.day)
        if self.ordinal:
            number += "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
        month = MONTH_STYLES[self.months][day.month - 1]
        text = f"{number} {month}" if self.day_first else f"{month} {number}"
        if self.year:
            text += f" {day.year}" if self.day_first else f", {day.year}"
        if self.weekdays:
            text = f"{WEEKDAY_STYLES[self.weekdays][day.weekday()]}, {text}"
        return text


day_formats = st.builds(
    DayFormat,
    months=st.sampled_from(sorted(MONTH_STYLES)),
    weekdays=st.sampled_from([None, "full", "short"]),
    day_first=st.booleans(),
    year=st.booleans(),
    ordinal=st.booleans(),
)


def days_written(answer: date, fmt: DayFormat) -> dict[str, date]:
    """Every day within a month of ``answer``, as ``fmt`` writes it. Without a
    year, any year in which the answer's day and month fall on its weekday will do."""
    if fmt.year:
        years = [answer.year]
    else:
        # Without a weekday, a leap year and a common one hold every neighbourhood.
        candidates = range(1990, 2031) if fmt.weekdays else (2023, 2024)
        years = [y for y in candidates if _same_weekday(y, answer, fmt.weekdays is not None)]
    found: dict[str, date] = {}
    for year in years:
        middle = answer.replace(year=year)
        for offset in range(-NEAR.days, NEAR.days + 1):
            day = middle + timedelta(days=offset)
            found.setdefault(fmt.write(day), day)
    return found


def _same_weekday(year: int, answer: date, weekday: bool) -> bool:
    try:
        moved = date(year, answer.month, answer.day)  # Feb. 29 is no date in a common year
    except ValueError:
        return False
    return not weekday or moved.weekday() == answer.weekday()


def formats_like(answer: date, fmt: DayFormat) -> list[DayFormat]:
    """The formats that write ``answer`` the same way: "Jan." could be AP style or not."""
    text = fmt.write(answer)
    return [
        other
        for months in MONTH_STYLES
        if (other := DayFormat(months, fmt.weekdays, fmt.day_first, fmt.year, fmt.ordinal)).write(answer) == text
    ]


@given(st.dates(date(1000, 1, 1), date(2099, 12, 31)), day_formats, st.integers(1, 4), st.integers(0, 2**32))
@example(date(2024, 9, 23), DayFormat("ap", "full"), 3, 0)
@example(date(2024, 2, 29), DayFormat("short with dots", "short"), 3, 0)
@example(date(2019, 12, 31), DayFormat("full", "full", year=True), 4, 0)
def test_day_distractors_are_real_nearby_days_written_alike(answer: date, fmt: DayFormat, count: int, seed: int):
    text = fmt.write(answer)
    found = date_distractors(text, count, random.Random(seed))
    assert len(found) == count, (text, found)
    assert len(set(found)) == len(found) and text not in found
    written: dict[str, date] = {}
    for like in formats_like(answer, fmt):
        written.update(days_written(answer, like))
    for distractor in found:
        # Found only if it is a real day, near the answer, in the answer's format,
        # with the weekday that day really has.
        assert distractor in written, (text, distractor)


@given(st.integers(1000, 2099), st.sampled_from(["", "mid-", "early ", "late "]), st.integers(0, 2**32))
def test_a_year_gets_other_years_within_a_few_decades(year: int, period: str, seed: int):
    found = date_distractors(f"{period}{year}", 3, random.Random(seed))
    assert len(set(found)) == len(found) == 3
    for distractor in found:
        assert re.fullmatch(rf"{period}[0-9]{{4}}", distractor), distractor
        other = int(distractor.removeprefix(period))
        assert other != year and abs(other - year) <= 30 and other <= 2100


@given(
    st.integers(0, 11),
    st.integers(1000, 2099) | st.none(),
    st.sampled_from(["", "mid-", "early ", "late "]),
    st.sampled_from(["full", "ap"]),
    st.integers(0, 2**32),
)
def test_a_month_gets_nearby_months(month: int, year: int | None, period: str, style: str, seed: int):
    names = MONTH_STYLES[style]
    answer = f"{period}{names[month]}" + (f" {year}" if year else "")
    found = date_distractors(answer, 3, random.Random(seed))
    assert len(set(found)) == len(found) == 3 and answer not in found
    # "March" is written alike in full and in AP style, and either may follow.
    alike = [table for table in MONTH_STYLES.values() if table[month] == names[month]]
    for distractor in found:
        match = re.fullmatch(rf"{period}(\S+)" + (r" ([0-9]{4})" if year else ""), distractor)
        assert match and any(match[1] in table for table in alike), distractor
        if year:
            index = next(table.index(match[1]) for table in alike if match[1] in table)
            months_apart = abs(int(match[2]) * 12 + index - year * 12 - month)
            assert 0 < months_apart <= 12, distractor
            assert 1000 <= int(match[2]) <= 2100


@given(st.integers(0, 6), st.sampled_from(sorted(WEEKDAY_STYLES)), st.integers(1, 6), st.integers(0, 2**32))
def test_a_weekday_gets_other_weekdays(weekday: int, style: str, count: int, seed: int):
    names = WEEKDAY_STYLES[style]
    found = date_distractors(names[weekday], count, random.Random(seed))
    assert len(set(found)) == len(found) == count
    assert all(d in names and d != names[weekday] for d in found)


@given(st.dates(date(1000, 1, 1), date(2099, 12, 31)), day_formats, st.integers(0, 2**32))
def test_the_same_seed_gives_the_same_distractors(answer: date, fmt: DayFormat, seed: int):
    text = fmt.write(answer)
    assert date_distractors(text, 3, random.Random(seed)) == date_distractors(text, 3, random.Random(seed))


@given(st.text(max_size=40) | st.text("0123456789 ,.-JanuarySeptMondaythſıİK", max_size=24))
def test_any_text_gives_distinct_distractors_or_none(text: str):
    found = date_distractors(text, 3, random.Random(0))
    assert len(found) <= 3 and len(set(found)) == len(found) and text.strip() not in found


def test_monday_sept_23_keeps_weekdays_true():
    found = date_distractors("Monday, Sept. 23", 3, random.Random(1))
    assert len(found) == 3
    for distractor in found:
        match = re.fullmatch(r"(\w+), (Aug\.|Sept\.|Oct\.) ([0-9]{1,2})", distractor)
        assert match, distractor
        # Sept. 23 was a Monday in 2024; every option must be right about its own weekday then.
        day = date(2024, MONTH_STYLES["ap"].index(match[2]) + 1, int(match[3]))
        assert WEEKDAY_STYLES["full"][day.weekday()] == match[1], distractor


def test_january_11():
    for distractor in date_distractors("January 11", 3, random.Random(1)):
        month, day = distractor.split()
        assert month in ("December", "January", "February") and distractor != "January 11"
        date(2024, FULL.index(month) + 1, int(day))


@pytest.mark.parametrize(
    "text", ["last week", "Sept. 31", "February 30, 2023", "the next day", "1346 and 1671", "24–10", "3 p.m.", ""]
)
def test_what_is_not_a_date_gets_none(text: str):
    assert date_distractors(text, 3, random.Random(0)) == []


def test_mid_october():
    found = date_distractors("mid-October", 3, random.Random(1))
    assert len(found) == 3
    assert all(d.startswith("mid-") and d[4:] in FULL and d != "mid-October" for d in found)
