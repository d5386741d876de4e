"""Deck names, deck ids and tags of notes: store -> export/anki (decks, this) -> notes.

Each article gets a subdeck, ``Parent::Title``. Anki splits deck names on
"::" and matches decks by name, so names are cleaned of "::" and control
characters, and a deck's id is a hash of its name: the same deck has the same
id in every export, and no export creates a second copy of a deck.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")
_COLONS = re.compile(r":{2,}")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def deck_part(name: str) -> str:
    """One level of a deck name: one line, no "::" inside, trimmed."""
    cleaned = _SPACES.sub(" ", _CONTROL.sub(" ", name))
    return _COLONS.sub(":", cleaned).strip(" :")


def parent_deck(name: str) -> str:
    """The ``--deck`` name, whose own "::" levels are kept; "quizgen" when nothing is left."""
    parts = [deck_part(part) for part in name.split("::")]
    return "::".join(part for part in parts if part) or "quizgen"


def article_deck(parent: str, title: str, article_id: int) -> str:
    return f"{parent}::{deck_part(title) or f'Article {article_id}'}"


def deck_id(name: str) -> int:
    """A stable id for a deck name, in the range genanki recommends for ids."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def slug(title: str, article_id: int) -> str:
    """An article's tag: its title in lowercase ASCII words joined by hyphens."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = _NOT_SLUG.sub("-", ascii_title.lower()).strip("-")
    return words[:80].rstrip("-") or f"article-{article_id}"


def tags(kind: str, article_slug: str, label: str) -> list[str]:
    """A note's tags: quizgen, the item's kind, its article, its answer's entity type."""
    found = ["quizgen", kind, article_slug]
    entity = _SPACES.sub("-", label.strip().lower())
    if entity and entity not in found:
        found.append(entity)
    return found
