"""What every reader writes: an article's body as lines, one paragraph each.

The readers of each format (text, Markdown, HTML, PDF, Word) share these, so
that a table row or an invisible character comes out the same whichever file
it came from.
"""

from __future__ import annotations

from collections.abc import Iterable

# A table row is one line: its cells joined by this.
CELL_SEPARATOR = "; "
# Characters that only hint at line breaking or hyphenation; inside a word
# they would split it in two for later stages.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))


def one_line(text: str) -> str:
    """``text`` on one line: invisible characters gone, whitespace runs made one space."""
    return " ".join(text.translate(INVISIBLE).split())


def table_row(cells: Iterable[str]) -> str:
    """A table row as one line: its cells that hold text, joined by :data:`CELL_SEPARATOR`."""
    return CELL_SEPARATOR.join(cell for cell in cells if cell)
