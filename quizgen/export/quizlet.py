"""Items as Quizlet's import text: store -> selection -> quizlet (this) -> ``.txt``.

Quizlet imports one card a line, the term and its definition separated by a
tab, and knows no HTML, so each side is plain text on one line. A question
becomes its answer's term; a matching item gives a card per pair; the same
card twice (a question and its multiple-choice form) is written once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizgen.export.selection import Selection
    from quizgen.store import ItemRecord


def quizlet_text(selection: Selection) -> str:
    """Term<TAB>definition lines of the selected items."""
    cards = dict.fromkeys(
        (_plain(term), _plain(definition)) for item in selection.items for term, definition in _cards(item)
    )
    return "".join(f"{term}\t{definition}\n" for term, definition in cards if term and definition)


def _cards(item: ItemRecord) -> Iterator[Sequence[str]]:
    if item.kind == "matching":
        yield from item.pairs
    else:
        yield item.prompt, item.answer


def _plain(value: str) -> str:
    """One line of text: tabs, line breaks and runs of spaces become one space."""
    return " ".join(value.split())
