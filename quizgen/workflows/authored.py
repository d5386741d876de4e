"""``quizgen items add`` and ``quizgen import`` as calls: a teacher's own items stored.

teacher -> authored -> store. The items go to a stored article or to a deck,
an article row that holds no text, only such items, made on first use. They
are approved: every export and the quiz take them, and ``generate`` never
removes them or reads a deck. A file is checked whole before anything is
stored, and its items are stored in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen.authored import AuthoredItem, ItemFile, clean, read_item_file
from quizgen.errors import UsageError

if TYPE_CHECKING:
    from quizgen.store import Store
    from quizgen.store.database import AuthoredReport

ADDED_BY_HAND = "your own item, added with quizgen items add"


@dataclass(frozen=True)
class ImportOutcome:
    """What importing a file did: the file as read, and what storing its items did."""

    read: ItemFile
    report: AuthoredReport


def add_items(
    store: Store,
    items: Sequence[AuthoredItem],
    *,
    deck: str | None = None,
    article_id: int | None = None,
    origin: str = ADDED_BY_HAND,
) -> AuthoredReport:
    """Store ``items`` in the deck called ``deck`` (made if new) or in the
    article ``article_id``, in one transaction (``quizgen items add``).

    An item whose question is stored there already (in any case or
    punctuation) is updated rather than added again.
    Raises :class:`~quizgen.errors.NotFound` for an unknown article and
    :class:`~quizgen.errors.UsageError` for a deck without a name.
    """
    from quizgen.store.models import deck_hash

    if deck is not None and article_id is not None:
        raise UsageError("give a deck (--deck NAME) or an article (--article ID), not both")
    name = None
    if deck is not None:
        name = deck_name(deck)
        target = deck_hash(name)
    elif article_id is not None:
        target = store.article(article_id).content_hash
    else:
        raise UsageError("give a deck (--deck NAME) or an article (--article ID) for the items")
    return store.save_authored([each.item(target, origin) for each in items], article_id=article_id, deck=name)


def import_items(
    store: Store,
    path: str | Path,
    *,
    deck: str | None = None,
    article_id: int | None = None,
    fmt: str = "auto",
) -> ImportOutcome:
    """Read a file of items (Quizlet's export, Anki's text export or a
    question/answer/options table) and store them all, or none if any line
    is at fault (``quizgen import``). Without ``deck`` or ``article_id``
    they go to a deck named after the file.

    Importing the same file again updates its items rather than adding them
    twice. Raises :class:`~quizgen.authored.ItemFileError` with every line at fault.
    """
    read = read_item_file(path, fmt)
    if deck is None and article_id is None:
        deck = Path(path).stem
    report = add_items(
        store, read.items, deck=deck, article_id=article_id, origin=f"your own item, imported from {Path(path).name}"
    )
    return ImportOutcome(read=read, report=report)


def deck_name(name: str) -> str:
    """A deck's name as stored: one line; an empty one is refused."""
    found = clean(name)
    if not found:
        raise UsageError("a deck needs a name; give one with --deck NAME")
    return found
