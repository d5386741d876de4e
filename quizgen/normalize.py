"""The one text normalizer: how quizgen decides that two strings say the same thing.

Used wherever strings are compared rather than shown: a question must not
contain its answer, duplicates are found, typed answers are checked, and
distractors are kept apart from correct answers. Case, accents, punctuation,
spacing, a possessive 's, leading articles and the way a number is written
do not count: "1,000", "1000" and "one thousand" are the same answer, and so
are "20%" and "twenty percent". Where one string must not be, or hold,
another (a distractor and an answer), the spaces between words do not count
either: "TimeWarner" is "Time Warner", and "US" is "U.S.".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from fractions import Fraction
from functools import lru_cache

from quizgen.wording import ARTICLES, ONES, SCALES, TENS

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
# A number is read before punctuation goes, or "1,000" would become "1 000"
# and "2.5" the same as "2 5". Thousands groups must have three digits, so a
# list such as "1,2,3" stays three numbers.
_TOKEN = re.compile(r"(?<![^\W_])((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![^\W_])|[^\W_]+")
_POSSESSIVE = re.compile(r"'s\b")
_NUMERAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")
# Numerals longer than this are codes or noise, not amounts: they are taken as
# they stand and never multiplied, which also keeps the arithmetic small.
_LONGEST_AMOUNT = 30

_UNITS = {word: n for n, word in enumerate(ONES[:10])}
_TEENS = {word: n for n, word in enumerate(ONES[10:], 10)}
_TENS = {word: n * 10 for n, word in enumerate(TENS, 2)}
# Words a number can start with; "a" as in "a million".
_STARTS = frozenset({*_UNITS, *_TEENS, *_TENS, "a"})


def words(text: str) -> list[str]:
    """The words of ``text``, casefolded, without accents or punctuation."""
    return list(_words(text))


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"'s\b", "", plain)
    return tuple(re.findall(r"[^\W_]+", plain))


@lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """``text`` reduced for comparison: ``"The U.S.-led Alliance!"`` -> ``"u s led alliance"``,
    ``"over 1,000"`` and ``"over one thousand"`` -> ``"over 1000"``."""
    found = _canonical(text)
    start = 0
    while start < len(found) and found[start] in ARTICLES:
        start += 1
    return " ".join(found[start:])


def contains(text: str, part: str) -> bool:
    """Whether ``part`` occurs in ``text`` as whole words, after normalizing both."""
    needle = normalize(part)
    if not needle:
        return False
    return f" {needle} " in _spaced(text)


def same(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are equal after normalizing both. Strings that
    normalize to nothing say nothing, so they are never the same as anything."""
    found = normalize(a)
    return bool(found) and found == normalize(b)


def overlaps(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are the same, or one holds the other as whole
    words, after normalizing both: "Niger" overlaps "the Niger River", so
    the one cannot be a wrong option where the other is right. The spaces
    between words do not count either: "TimeWarner" overlaps "Time Warner",
    and "U.S." overlaps "US" and "the US Senate" (a space between two
    numbers does: "2 5" is not "25")."""
    first, second = normalize(a), normalize(b)
    if not first or not second:
        return False
    if f" {first} " in f" {second} " or f" {second} " in f" {first} ":
        return True
    return _holds_closed_up(first, second) or _holds_closed_up(second, first)


@lru_cache(maxsize=16384)
def _holds_closed_up(outer: str, inner: str) -> bool:
    """Whether a run of whole words of ``outer`` (normalized) reads as all of
    ``inner`` once the spaces between words are closed up."""
    target = _closed_up(inner.split())
    if target.replace(" ", "") not in outer.replace(" ", ""):
        return False
    parts = outer.split()
    for start in range(len(parts)):
        run: list[str] = []
        for part in parts[start:]:
            run.append(part)
            joined = _closed_up(run)
            if len(joined) >= len(target):
                if joined == target:
                    return True
                break
    return False


def _closed_up(parts: list[str]) -> str:
    """Words joined without spaces, but for a space kept between two numbers."""
    joined = parts[0] if parts else ""
    for part in parts[1:]:
        joined += (" " if joined[-1].isdigit() and part[:1].isdigit() else "") + part
    return joined


def word_runs(words: Sequence[str], *, proper: bool = False) -> Iterator[str]:
    """Every run of consecutive ``words``, joined by single spaces; with
    ``proper``, none that is all of them."""
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            if not (proper and end - start == len(words)):
                yield " ".join(words[start:end])


def canonical_words(text: str) -> tuple[str, ...]:
    """The words :func:`contains` compares: those of :func:`normalize`, articles kept."""
    return _canonical(text)


@lru_cache(maxsize=8192)
def _spaced(text: str) -> str:
    return f" {' '.join(_canonical(text))} "


@lru_cache(maxsize=16384)
def _canonical(text: str) -> tuple[str, ...]:
    """The words of ``text`` with every number as plain digits; articles kept."""
    # Casefolding and decomposing can themselves produce accents ("İ" -> "i̇")
    # and apostrophes ("ŉ" -> "ʼn"), so those go last, which keeps the result
    # the same under a second pass.
    if text.isascii():
        plain = text.lower()
    else:
        folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
        plain = "".join(ch for ch in folded if not unicodedata.combining(ch)).translate(_APOSTROPHES)
    plain = _POSSESSIVE.sub("", plain).replace("%", " percent ")
    tokens = [_digits(m[1]) if m[1] else m[0] for m in _TOKEN.finditer(plain)]
    return tuple(_read_numbers(tokens))


def _digits(numeral: str) -> str:
    """``"1,000"`` -> ``"1000"``, ``"2.50"`` -> ``"2.5"``, in ASCII digits."""
    numeral = numeral.replace(",", "")
    if not numeral.isascii():
        numeral = "".join(ch if ch == "." else str(unicodedata.decimal(ch)) for ch in numeral)
    whole, _, fraction = numeral.partition(".")
    whole = whole.lstrip("0") or "0"
    fraction = fraction.rstrip("0")
    return f"{whole}.{fraction}" if fraction else whole


def _read_numbers(tokens: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        found = _number_at(tokens, i) if token in _STARTS or "0" <= token[0] <= "9" else None
        if found is not None:
            value, i = found
            out.append(value)
        elif token == "per" and tokens[i + 1 : i + 2] == ["cent"]:
            out.append("percent")
            i += 2
        else:
            out.append(token)
            i += 1
    return out


def _number_at(tokens: list[str], i: int) -> tuple[str, int] | None:
    """The number written from ``tokens[i]`` on, as digits, and where it ends.

    "four million", "4 million", "a hundred and five" and "twenty-one" are
    read; each further part must be a smaller one ("one million two hundred
    thousand"), so "one million two million" stays two numbers.
    """
    token = tokens[i]
    if _NUMERAL.fullmatch(token) and (len(token) > _LONGEST_AMOUNT or _scale(tokens, i + 1)[0] == 1):
        return token, i + 1
    group = _group(tokens, i, first=True)
    if group is None:
        return None
    total = Fraction(0)
    last: int | None = None
    while True:
        value, end = group
        scale, after = _scale(tokens, end)
        if scale == 1:
            total += value
            i = end
            break
        if last is not None and scale >= last:
            break
        total += value * scale
        last, i = scale, after
        if tokens[i : i + 1] == ["and"]:
            group = _group(tokens, i + 1, first=False)
            # "two thousand and three thousand" are two numbers.
            if group is None or _scale(tokens, group[1])[0] != 1:
                break
        else:
            group = _group(tokens, i, first=False)
            if group is None:
                break
    return _decimal(total), i


def _group(tokens: list[str], i: int, *, first: bool) -> tuple[Fraction, int] | None:
    """A number below ten thousand in words ("twelve hundred", "three hundred
    and five"), or, leading a number, a numeral or the "a" of "a million"."""
    if i >= len(tokens):
        return None
    token = tokens[i]
    if first and _NUMERAL.fullmatch(token):
        return Fraction(token), i + 1
    if first and token == "a" and tokens[i + 1 : i + 2] and tokens[i + 1] in SCALES:
        small: tuple[int, int] | None = (1, i + 1)
    else:
        small = _small(tokens, i)
    if small is None:
        return None
    value, i = small
    if tokens[i : i + 1] == ["hundred"]:
        value, i = value * 100, i + 1
        rest = _small(tokens, i)
        if rest is None and tokens[i : i + 1] == ["and"]:
            rest = _small(tokens, i + 1)
            # "between one hundred and five hundred" names two numbers.
            if rest is not None and tokens[rest[1] : rest[1] + 1] == ["hundred"]:
                rest = None
        if rest is not None:
            value += rest[0]
            i = rest[1]
    return Fraction(value), i


def _small(tokens: list[str], i: int) -> tuple[int, int] | None:
    """A number below a hundred in words: "seven", "fifteen", "twenty one"."""
    if i >= len(tokens):
        return None
    token = tokens[i]
    if token in _UNITS:
        return _UNITS[token], i + 1
    if token in _TEENS:
        return _TEENS[token], i + 1
    if token in _TENS:
        unit = _UNITS.get(tokens[i + 1]) if i + 1 < len(tokens) else None
        if unit:
            return _TENS[token] + unit, i + 2
        return _TENS[token], i + 1
    return None


def _scale(tokens: list[str], i: int) -> tuple[int, int]:
    """The product of the multipliers from ``tokens[i]`` on ("hundred thousand"), and where they end."""
    scale = 1
    while i < len(tokens) and tokens[i] in SCALES:
        scale *= SCALES[tokens[i]]
        i += 1
    return scale, i


def _decimal(value: Fraction) -> str:
    whole, rest = divmod(value.numerator, value.denominator)
    digits = []
    # Values come from decimal numerals times powers of ten, so this ends.
    while rest:
        digit, rest = divmod(rest * 10, value.denominator)
        digits.append(str(digit))
    return f"{whole}.{''.join(digits)}" if digits else str(whole)
