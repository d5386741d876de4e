"""What every reader writes: an article's body as lines, one paragraph each.

The readers of each format (text, Markdown, HTML, PDF, Word) share these, so
that a table row or an invisible character comes out the same whichever file
it came from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# A table row is one line: its cells joined by this.
CELL_SEPARATOR = "; "
# Unicode's format characters (category Cf: the soft hyphen, zero-width spaces
# and joiners, direction marks, embeddings and overrides, the word joiner, the
# byte-order mark, tags and the rest) and the combining grapheme joiner. Nothing
# shows them, but inside a word one splits it in two for later stages, or stays
# in an answer that then never matches what a learner types; and an override
# reverses the rest of its line on a printed page or a card.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
ZERO_WIDTH_JOINER = "\u200d"
# What may stand between an emoji and the joiner after it: a skin tone, or
# the selector that asks for the emoji's colour form.
_EMOJI_MODIFIERS = frozenset("\ufe0f\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")


def visible(text: str) -> str:
    """``text`` without its :data:`INVISIBLE` characters, but for a zero-width
    joiner between two emoji, which makes them one ("👩‍🚀" is one astronaut)."""
    return INVISIBLE.sub(_removed, text)


def one_line(text: str) -> str:
    """``text`` on one line: invisible characters gone, whitespace runs made one space."""
    return " ".join(visible(text).split())


def table_row(cells: Iterable[str]) -> str:
    """A table row as one line: its cells that hold text, joined by :data:`CELL_SEPARATOR`."""
    return CELL_SEPARATOR.join(cell for cell in cells if cell)


def _removed(match: re.Match[str]) -> str:
    """What an invisible character is replaced by: nothing, unless it joins two emoji."""
    if match[0] != ZERO_WIDTH_JOINER:
        return ""
    text, start, end = match.string, match.start(), match.end()
    before = start - 1
    if before >= 0 and text[before] in _EMOJI_MODIFIERS:
        before -= 1
    if before >= 0 and end < len(text) and _is_emoji(text[before]) and _is_emoji(text[end]):
        return ZERO_WIDTH_JOINER
    return ""


def _is_emoji(char: str) -> bool:
    return unicodedata.category(char) == "So"
