"""Is an article English? The generator's parser and rules are English-only for now.

ingest: read -> language (this) -> store. A cheap test, no model: English
running text is a third or more function words ("the", "of", "and", ...),
and written in the Latin script. Texts too short to tell are let through.
"""

from __future__ import annotations

import re
import unicodedata

FUNCTION_WORDS = frozenset(
    """the of and to a in is that for it on was with as by at from are be this have has
    he she they said will not or an which their his its were been but had who after also
    would more than we you i our new one about into over up out when there what all can""".split()
)
MIN_WORDS = 25
# English news is around 40% function words, a terse English sentence 8%;
# French or Spanish text, under 5%.
MIN_SHARE = 0.06
_WORD = re.compile(r"[^\W\d_]+")


def is_english(text: str) -> tuple[bool, str]:
    """Whether ``text`` reads as English, and if not, why (for the error message)."""
    words = _WORD.findall(text.casefold())
    if len(words) < MIN_WORDS:
        return True, ""
    letters = sum(map(len, words))
    latin = sum(len(word) if word.isascii() else _latin_letters(word) for word in words)
    if latin < 0.8 * letters:
        return False, "mostly not in the Latin alphabet"
    share = sum(1 for word in words if word in FUNCTION_WORDS) / len(words)
    if share < MIN_SHARE:
        return False, f"only {100 * share:.0f}% of its words are common English words"
    return True, ""


def _latin_letters(word: str) -> int:
    return sum(1 for ch in word if ch.isascii() or "LATIN" in unicodedata.name(ch, ""))
