"""Accepted answers: the other ways a student may rightly write an item's answer.

forms -> answers (this) -> store, quiz and exports. A typed answer is checked
with :func:`is_accepted` before any fuzzy matching. The list also holds
spellings that the normalizer already treats as equal ("1000" for "1,000"),
because exports to other systems compare text more literally than quizgen does.

The quiz also takes a person's fuller name for a short one ("Lionel Messi"
for "Messi"), as :func:`fuller_names` finds them in the item's article at
the time of asking: they are not stored, so items made before count them too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from quizgen.normalize import canonical_words, normalize, same, words
from quizgen.wording import (
    AP_MONTHS,
    AP_WEEKDAYS,
    ARTICLES,
    CONNECTIVES,
    MONTHS,
    POINTERS,
    POINTING_OPENINGS,
    QUALIFIERS,
    RELATIVE_DAYS,
    RELATIVE_MARKERS,
    SCALES,
    SHORT_MONTHS,
    SHORT_WEEKDAYS,
    TITLES,
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


# Small words inside a name: "Charles de Gaulle", "Bashar al-Assad".
_PARTICLES = frozenset("al bin ibn da de del della der di dos du la le van von".split())
# Words that take a capital only for opening a sentence: "But Messi scored",
# "Later Messi left". An article that writes a word in lower case too shows
# that it is one of them, but a short article may not.
_OPENERS = (
    ARTICLES
    | POINTERS
    | RELATIVE_DAYS
    | RELATIVE_MARKERS
    | frozenset(c for c in (*CONNECTIVES, *POINTING_OPENINGS) if " " not in c)
    | frozenset(
        "after although as at before because by despite during for from here if in now on since there though "
        "under until when whether while with without".split()
    )
)
# Of the words next to a short name, those that can make it fuller: three
# before "Wade" in "Senegalese President Abdoulaye Wade".
_MOST_EXTRA_WORDS = 3
_OPENING_MARKS = "\"'“‘([{"
_CLOSING_MARKS = ",;:.!?\"'”’)]}"
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_LETTERS = re.compile(r"[^\W\d_]+")


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


def fuller_names(answer: str, text: str) -> tuple[str, ...]:
    """The fuller names, normalized, that the article ``text`` gives the
    person ``answer`` names: "lionel messi" and "lionel andres messi" for
    "Messi" where it writes "Lionel Andrés Messi".

    A fuller name is the answer with some of the capitalized words that the
    article writes next to it, in their order: given names and titles before
    it, or the rest of a name written family name first after it ("Kim Jong
    Un" for "Kim"). None when the article gives the name to two people ("Kim
    Jong Un" and "Kim Yo Jong"), where the short name leaves open which one
    is meant; a title tells no one apart, so "President Wade" and "Abdoulaye
    Wade" are one person.
    """
    short = tuple(normalize(answer).split())
    if not short:
        return ()
    mentions: dict[tuple[tuple[_NameWord, ...], tuple[_NameWord, ...]], None] = {}
    for run in _name_runs(text):
        found = tuple(each.word for each in run)
        for start in range(len(run) - len(short) + 1):
            end = start + len(short)
            if found[start:end] == short:
                mentions[run[max(0, start - _MOST_EXTRA_WORDS) : start], run[end : end + _MOST_EXTRA_WORDS]] = None
    if any(not _one_person(first, second) for first, second in combinations(mentions, 2)):
        return ()
    names = (
        " ".join((*(each.word for each in before), *short, *(each.word for each in after)))
        for left, right in mentions
        for before in _some_of(left)
        for after in _some_of(right)
        if before or after
    )
    return tuple(dict.fromkeys(names))


@dataclass(frozen=True)
class _NameWord:
    word: str  # normalized
    title: bool


def _one_person(first: tuple[Sequence[_NameWord], ...], second: tuple[Sequence[_NameWord], ...]) -> bool:
    """Whether two mentions of a short name, as the words before it and after
    it, can be of one person: on each side, the words that are no titles of
    one are those of the other or some of them, in order."""
    for one, other in zip(first, second):
        ours = [each.word for each in one if not each.title]
        theirs = [each.word for each in other if not each.title]
        if not (_in_order(ours, theirs) or _in_order(theirs, ours)):
            return False
    return True


def _in_order(part: Sequence[str], whole: Sequence[str]) -> bool:
    """Whether ``whole`` holds the words of ``part`` in their order, others between them or not."""
    rest = iter(whole)
    return all(word in rest for word in part)


def _some_of(side: Sequence[_NameWord]) -> Iterator[tuple[_NameWord, ...]]:
    """Every choice of the words of ``side``, none and all included, in their order."""
    for size in range(len(side) + 1):
        yield from combinations(side, size)


@lru_cache(maxsize=16)
def _name_runs(text: str) -> tuple[tuple[_NameWord, ...], ...]:
    """The runs of capitalized words in the sentences of ``text``: its names,
    with any capitalized words written next to them ("Senegalese President
    Abdoulaye Wade"). Lines that end in no full stop, such as a headline or
    a dateline, capitalize words that are no names, and are passed over."""
    lower = frozenset(word for word in _LETTERS.findall(text) if word.islower())
    runs: list[tuple[_NameWord, ...]] = []
    for line in text.splitlines():
        if _SENTENCE_END.search(line.rstrip()):
            runs += _line_runs(line.split(), lower)
    return tuple(runs)


def _line_runs(tokens: list[str], lower: frozenset[str]) -> list[tuple[_NameWord, ...]]:
    """The runs of name words among the space-separated ``tokens`` of one line.
    A run ends at a word that is none, and at punctuation or a possessive."""
    runs: list[tuple[_NameWord, ...]] = []
    run: list[_NameWord] = []

    def close() -> None:
        if run:
            runs.append(tuple(run))
            run.clear()

    opens_sentence = True
    for at, token in enumerate(tokens):
        core = token.lstrip(_OPENING_MARKS)
        bare = core.rstrip(_CLOSING_MARKS)
        # "Mr." and the "J." of "Donald J. Trump" end neither a name nor a sentence.
        abbreviated = core == bare + "." and (len(bare) == 1 or core.casefold() in TITLES)
        if core != token:
            close()
        following = tokens[at + 1].lstrip(_OPENING_MARKS) if at + 1 < len(tokens) else ""
        if _name_word(bare, following, opens_sentence=opens_sentence, lower=lower):
            title = bare.casefold() in TITLES
            run.extend(_NameWord(word, title) for word in canonical_words(bare))
        else:
            close()
        if (bare != core and not abbreviated) or bare.endswith(("'s", "\u2019s")):
            close()
        opens_sentence = bool(_SENTENCE_END.search(token)) and not abbreviated
    close()
    return runs


def _name_word(bare: str, following: str, *, opens_sentence: bool, lower: frozenset[str]) -> bool:
    """Whether ``bare``, a word without its punctuation, can be part of a
    name: it has a capital, and does not have it only for opening a sentence
    (as a word the article also writes in lower case has), or it is a small
    word inside a name ("de", "al-")."""
    if bare[:1].isupper():
        plain = bare.casefold()
        return not (opens_sentence and (plain in _OPENERS or plain in lower))
    head, _, rest = bare.partition("-")
    return head in _PARTICLES and (rest[:1].isupper() or (not rest and following[:1].isupper()))


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
