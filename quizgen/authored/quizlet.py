"""Quizlet's export as items: file -> authored (quizlet, this) -> items.

Quizlet exports a set as a term and its definition a line, with a tab between
them (its default), and quotes nothing; ``quizgen export quizlet`` writes the
same. A term is the question and its definition the answer, and the kind of
each item is told by what they hold (:func:`~quizgen.authored.items.inferred`):
a statement answered "True" is a true/false item, a term with a blank a cloze.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from quizgen.authored.items import InvalidItem, Read, inferred, read_line

_HOW = "export it from Quizlet with Tab between term and definition and New line between cards"


def read_quizlet(text: str) -> Iterator[Read]:
    """The item of each line that holds a card, with its line number, or what is wrong with it."""
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) == 1:
            yield number, InvalidItem(f"no tab between a term and its definition; {_HOW}")
        elif len(parts) > 2:
            yield number, InvalidItem(f"{len(parts) - 1} tabs; a card is a term, a tab and its definition")
        else:
            yield read_line(number, partial(inferred, parts[0], parts[1]))
