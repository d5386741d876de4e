"""The one text normalizer: how quizgen decides that two strings say the same thing.

Used wherever strings are compared rather than shown: a question must not
contain its answer, duplicates are found, typed answers are checked, and
distractors are kept apart from correct answers. Case, accents, punctuation,
spacing and leading articles do not count.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARTICLES = frozenset({"a", "an", "the"})
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def words(text: str) -> list[str]:
    """The words of ``text``, casefolded, without accents or punctuation."""
    return list(_words(text))


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"'s\b", "", plain)
    return tuple(re.findall(r"[^\W_]+", plain))


def normalize(text: str) -> str:
    """``text`` reduced for comparison: ``"The U.S.-led Alliance!"`` -> ``"u s led alliance"``."""
    found = words(text)
    while found and found[0] in _ARTICLES:
        found = found[1:]
    return " ".join(found)


def contains(text: str, part: str) -> bool:
    """Whether ``part`` occurs in ``text`` as whole words, after normalizing both."""
    needle = normalize(part)
    if not needle:
        return False
    return f" {needle} " in f" {' '.join(words(text))} "
