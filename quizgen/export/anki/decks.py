"""Deck names, deck ids and tags of notes: store -> export/anki (decks, this) -> notes.

Each article gets a subdeck, ``Parent::Title``. Anki splits deck names on
"::" and matches decks by name, so names are cleaned of "::" and control
characters, and a deck's id is a hash of its name: the same deck has the same
id in every export, and no export creates a second copy of a deck.

Anki takes two names that differ only in case for one deck, so articles whose
titles read alike would share one. The first of them (by id) keeps its title,
and each later one adds a short id drawn from its own text: "Weather
(3f2a9c)". A name so given never changes when articles are added, and an
article whose title no other has keeps the plain title it always had.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from typing import Protocol

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


class Titled(Protocol):
    """An article as this module reads it: a stored ``Article``."""

    @property
    def title(self) -> str: ...
    @property
    def content_hash(self) -> str: ...


# Hex digits of an article's content hash that tell apart articles of one title.
SHORT_ID = 6


def article_decks(parent: str, articles: Mapping[int, Titled]) -> dict[int, str]:
    """The subdeck of each of ``articles`` (by id) in ``parent``: its title,
    with a short id after it for each article but the first whose title Anki
    would read as an earlier one's."""
    names: dict[int, str] = {}
    taken: dict[str, list[str]] = {}  # by Anki's reading of a name: the hashes of its articles so far
    for article_id in sorted(articles):
        article = articles[article_id]
        title = _title_part(article.title, article_id)
        earlier = taken.setdefault(_as_anki_reads(title), [])
        if earlier:
            title = f"{title} ({_short_id(article.content_hash, earlier)})"
        earlier.append(article.content_hash)
        names[article_id] = f"{parent}::{title}"
    return names


def _title_part(title: str, article_id: int) -> str:
    return deck_part(title) or f"Article {article_id}"


def _as_anki_reads(name: str) -> str:
    """A deck name as Anki compares it: composed Unicode, case left out."""
    return unicodedata.normalize("NFC", name).casefold()


def _short_id(content_hash: str, others: list[str]) -> str:
    """The first ``SHORT_ID`` digits of ``content_hash``, more only where an
    article of the same title starts alike."""
    size = SHORT_ID
    while size < len(content_hash) and any(other[:size] == content_hash[:size] for other in others):
        size += 1
    return content_hash[:size]


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
