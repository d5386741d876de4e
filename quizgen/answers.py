"""Accepted answers: the other ways a student may rightly write an item's answer.

forms -> answers (this) -> store, quiz and exports. A typed answer is checked
with :func:`is_accepted` before any fuzzy matching. The list also holds
spellings that the normalizer already treats as equal ("1000" for "1,000"),
because exports to other systems compare text more literally than quizgen does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from quizgen.normalize import normalize, same, words
from quizgen.wording import (
    AP_MONTHS,
    AP_WEEKDAYS,
    ARTICLES,
    MONTHS,
    QUALIFIERS,
    SCALES,
    SHORT_MONTHS,
    SHORT_WEEKDAYS,
    WEEKDAYS,
    dotted,
    in_words,
)

_AMOUNT = re.compile(r"([0-9]+)(?:\.([0-9]+))?( percent)?")
_YEAR = re.compile(r"(?:1[6-9]|20)[0-9]{2}")
# Written forms longer than this are not what anyone types.
_MOST_SPOKEN_WORDS = 3
_LARGEST_SPOKEN = 10**15
# Digits take a scale word from a million up: "4 million", but "4,000", not "4 thousand".
_DIGIT_SCALES = tuple((name, scale) for name, scale in reversed(SCALES.items()) if scale >= 10**6)

_MONTH_NAMES = {
    name.casefold(): month for table in (MONTHS, AP_MONTHS, SHORT_MONTHS) for month, name in enumerate(table)
}
_WEEKDAY_NAMES = {
    **{
        name.casefold(): WEEKDAYS[day]
        for table in (WEEKDAYS, AP_WEEKDAYS, SHORT_WEEKDAYS)
        for day, name in enumerate(table)
    },
    # Shortenings people type although no style guide writes them.
    "wednes": "Wednesday",
    "thur": "Thursday",
}
_DATE = re.compile(
    r"""(?:(?P<weekday>[^\W\d_]+)\.?,?\s+)?
    (?:(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?
      |(?:the\s+)?(?P<day_first>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month_after>[^\W\d_]+)\.?)
    (?:,?\s+(?P<year>\d{4}))?""",
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True)
class _Date:
    weekday: str | None
    month: int
    day: int
    year: str | None


def accepted_answers(answer: str, *, acronym: str | None = None, expansion: str | None = None) -> tuple[str, ...]:
    """Other ways to write ``answer`` that count as correct, ``answer`` itself left out.

    ``acronym`` is the short form when ``answer`` is the long one, and
    ``expansion`` the long form when ``answer`` is an acronym. Country names
    get their other names, numbers and dates their other common spellings,
    and a leading qualifier ("over 1,000") becomes optional.
    """
    answer = " ".join(answer.split())
    found: dict[str, str] = {_spelling(answer): answer}
    for other in (acronym, expansion):
        if other:
            found.setdefault(_spelling(other), " ".join(other.split()))
    date = _date(answer)
    spelled = _date_spellings(date) if date else _number_spellings(answer)
    if not date and not spelled and _looks_like_name(answer):
        from quizgen.analyze.gazetteer import aliases

        spelled = list(aliases(answer))
    for each in spelled:
        found.setdefault(_spelling(each), each)
    # Spellings that write nothing ("—") would be accepted for any blank response.
    return tuple(each for each in list(found.values())[1:] if normalize(each))


def is_accepted(response: str, answer: str, accepted: tuple[str, ...] = ()) -> bool:
    """Whether a typed ``response`` is ``answer`` or one of the ``accepted``
    answers, after normalizing: case, accents, punctuation, articles and the
    way a number is written do not count."""
    return any(same(response, each) for each in (answer, *accepted))


def _spelling(text: str) -> str:
    """``text`` as it is spelled, for telling apart the entries of one list:
    case, punctuation and a leading article aside, but "1,000" and "1000" apart."""
    found = words(text)
    while found and found[0] in ARTICLES:
        found = found[1:]
    return " ".join(found)


def _looks_like_name(answer: str) -> bool:
    bare = answer[4:] if answer[:4].casefold() == "the " else answer
    return bare[:1].isupper()


def _number_spellings(answer: str) -> list[str]:
    """ "over 1,000" -> "over 1000", "over one thousand", "1,000", "1000", "one thousand"."""
    qualifier, rest = _split_qualifier(answer)
    parts = rest.split()
    for end in range(len(parts), 0, -1):
        amount = _AMOUNT.fullmatch(normalize(" ".join(parts[:end])))
        if amount:
            break
    else:
        return []
    written, tail = " ".join(parts[:end]), " ".join(parts[end:])
    if tail and not tail[0].islower():
        return []
    whole, fraction, percent = amount[1], amount[2] or "", bool(amount[3])
    if not (qualifier or tail or percent or fraction) and _YEAR.fullmatch(written):
        return []
    symbol = written[: len(written) - len(written.lstrip("$€£¥"))]
    numerals = [symbol + form for form in _numerals(whole, fraction)]
    spoken = _spoken(int(whole)) if not fraction and not symbol and len(whole) < 16 else None
    if percent:
        forms = [f"{n}{suffix}" for n in numerals for suffix in ("%", " percent")]
        forms += [f"{spoken} percent"] if spoken else []
    else:
        forms = numerals + ([spoken] if spoken else [])
    forms = [f"{form} {tail}" if tail else form for form in forms]
    if qualifier:
        return [f"{qualifier} {form}" for form in forms] + forms
    return forms


def _split_qualifier(answer: str) -> tuple[str, str]:
    lowered = answer.casefold()
    for qualifier in QUALIFIERS:
        if lowered.startswith(qualifier + " "):
            return answer[: len(qualifier)], answer[len(qualifier) + 1 :]
    return "", answer


def _numerals(whole: str, fraction: str) -> Iterator[str]:
    """ "4000000" -> "4000000", "4,000,000", "4 million"."""
    point = f".{fraction}" if fraction else ""
    yield whole + point
    if len(whole) > 3:
        yield f"{int(whole):,}" + point if len(whole) < 4000 else whole + point
    if fraction or len(whole) > 15:
        return
    value = int(whole)
    for name, scale in _DIGIT_SCALES:
        if value >= scale and value % (scale // 100) == 0:
            units, hundredths = divmod(value // (scale // 100), 100)
            shown = f"{units}.{hundredths:02d}".rstrip("0").rstrip(".")
            yield f"{shown} {name}"
            return


def _spoken(value: int) -> str | None:
    """``value`` in words when that is short enough to type: 1000 -> "one thousand"."""
    if value >= _LARGEST_SPOKEN:
        return None
    spoken = in_words(value)
    return spoken if len(spoken.split()) <= _MOST_SPOKEN_WORDS else None


def _date(answer: str) -> _Date | None:
    found = _DATE.fullmatch(answer)
    if found is None:
        return None
    month = _MONTH_NAMES.get((found["month"] or found["month_after"]).casefold())
    day = int(found["day"] or found["day_first"])
    weekday = _WEEKDAY_NAMES.get(found["weekday"].casefold()) if found["weekday"] else None
    if month is None or not 1 <= day <= 31 or (found["weekday"] and weekday is None):
        return None
    return _Date(weekday, month, day, found["year"])


def _date_spellings(date: _Date) -> list[str]:
    """ "Monday, Sept. 23" -> "Monday, September 23", ..., "September 23", "23 September", ..."""
    month = date.month
    names = list(dict.fromkeys((MONTHS[month], dotted(AP_MONTHS[month], MONTHS[month]), SHORT_MONTHS[month])))
    month_first = [f"{name} {date.day}" + (f", {date.year}" if date.year else "") for name in names]
    day_first = [f"{date.day} {name}" + (f" {date.year}" if date.year else "") for name in names]
    with_weekday = [f"{date.weekday}, {form}" for form in month_first] if date.weekday else []
    return with_weekday + month_first + day_first
