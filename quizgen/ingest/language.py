"""Is an article English? The generator's parser and rules are English-only for now.

ingest: read -> language (this) -> store. Text mostly outside the Latin
alphabet is not English. Text in it is given to lingua's detector, restricted
to English and the commonest languages written in Latin script, in its low
accuracy mode (letter trigrams only), which keeps it to a fraction of a second
and a few tens of megabytes. A few samples across the text are read, so a
long article costs no more than a short one. Texts too short to tell are let
through if they hold a word in the Latin alphabet, and so are English tables
and lists: they are not refused unless a sample reads as another language
with confidence. A text without such a word (numbers, symbols, emoji) is no
English at all, however long.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

MIN_WORDS = 25
# Or this many letters, for scripts written without spaces (Japanese, Chinese).
MIN_LETTERS = 120
# Languages of Latin script that the detector tells English from. Others
# (Cyrillic, Greek, Arabic, CJK and more) are told by their script.
LATIN_LANGUAGES = (
    "ENGLISH FRENCH GERMAN SPANISH PORTUGUESE ITALIAN DUTCH POLISH DANISH SWEDISH BOKMAL NYNORSK FINNISH "
    "ROMANIAN CZECH SLOVAK HUNGARIAN TURKISH INDONESIAN MALAY CATALAN CROATIAN SLOVENE BOSNIAN ESTONIAN LATVIAN "
    "LITHUANIAN ALBANIAN TAGALOG SWAHILI VIETNAMESE AFRIKAANS WELSH IRISH BASQUE ICELANDIC LATIN"
).split()
SAMPLES = 3
SAMPLE_CHARS = 1500
# How sure the detector must be that a sample is not English to refuse it.
MIN_CONFIDENCE = 0.5
_WORD = re.compile(r"[^\W\d_]+")
# Why a text with no word at all is refused: a word is two letters or more,
# so the "x" of "3 x 4" or the "A" of "Table A" makes none.
NO_WORDS = "no words, only numbers, symbols or emoji"
_NOT_LATIN = "mostly not in the Latin alphabet"


def is_english(text: str) -> tuple[bool, str]:
    """Whether ``text`` reads as English, and if not, why (for the error message)."""
    words = _WORD.findall(text.casefold())
    if not any(len(word) > 1 for word in words):
        return False, NO_WORDS
    letters = sum(map(len, words))
    if len(words) < MIN_WORDS and letters < MIN_LETTERS:
        if any(len(word) > 1 and _latin_letters(word) == len(word) for word in words):
            return True, ""
        return False, _NOT_LATIN
    latin = sum(len(word) if word.isascii() else _latin_letters(word) for word in words)
    if latin < 0.8 * letters:
        return False, _NOT_LATIN
    votes: dict[str, int] = {}
    for sample in _samples(text):
        language = _foreign_language(sample)
        if language is not None:
            votes[language] = votes.get(language, 0) + 1
    if votes and sum(votes.values()) * 2 > len(_samples(text)):
        return False, f"reads as {max(votes, key=lambda name: votes[name])}"
    return True, ""


def refusal(text: str) -> str | None:
    """Why ``quizgen add`` refuses ``text``, for its one-line error, or None if it reads as English."""
    english, why = is_english(text)
    if english:
        return None
    if why == NO_WORDS:
        return f"{why}; give an article written in English"
    return f"not English ({why}); quizgen reads English articles only for now"


def _samples(text: str) -> list[str]:
    """Up to :data:`SAMPLES` stretches of the text: its start, middle and end."""
    if len(text) <= SAMPLE_CHARS * SAMPLES:
        return [text]
    starts = [0, (len(text) - SAMPLE_CHARS) // 2, len(text) - SAMPLE_CHARS]
    return [text[start : start + SAMPLE_CHARS] for start in starts]


def _foreign_language(sample: str) -> str | None:
    """The language ``sample`` reads as with confidence, if it is not English."""
    from lingua import Language

    if len(_WORD.findall(sample)) < MIN_WORDS:
        return None
    detector = _detector()
    best = detector.compute_language_confidence_values(sample)[0]
    if best.language == Language.ENGLISH or best.value < MIN_CONFIDENCE:
        return None
    return best.language.name.capitalize().replace("Bokmal", "Norwegian").replace("Nynorsk", "Norwegian")


@cache
def _detector() -> LanguageDetector:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in LATIN_LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def _latin_letters(word: str) -> int:
    return sum(1 for ch in word if ch.isascii() or "LATIN" in unicodedata.name(ch, ""))
