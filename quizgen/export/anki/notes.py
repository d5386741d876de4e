"""Items as Anki notes: store -> selection -> export/anki (notes, this) -> package or text.

A note's GUID is its item's key, which stays the same when the item is
regenerated or edited, so re-importing an export updates the note Anki already
has (keeping its cards' scheduling) instead of adding a second one. A note's
modification time is its item's ``updated_at``, which is what Anki's "update
if newer" compares.

With ``type_in``, questions and clozes are notes of the type-in note types,
whose cards ask for the answer to be typed; multiple-choice and true/false
items are answered by a key, and a matching set by a table, so they stay as
they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from quizgen.export.anki import fields as f
from quizgen.export.anki.decks import article_decks, parent_deck, slug, tags
from quizgen.export.anki.models import CLOZE, CLOZE_TYPE_IN, MULTIPLE_CHOICE, QA, QA_TYPE_IN, TRUE_FALSE, NoteType

if TYPE_CHECKING:
    from quizgen.export.selection import Selection
    from quizgen.store import Article, ItemRecord


@dataclass(frozen=True)
class AnkiNote:
    """One note, ready to write: fields are HTML, times are Unix time."""

    guid: str
    note_type: NoteType
    deck: str
    tags: tuple[str, ...]
    fields: tuple[str, ...]
    created_ms: int  # when the item was made: the note's id, Anki's "Added" date
    modified: int  # seconds: when the item last changed


@dataclass(frozen=True)
class _ArticleContext:
    deck: str
    slug: str
    title: str


def anki_notes(
    selection: Selection, deck: str = "quizgen", not_after: datetime | None = None, *, type_in: bool = False
) -> list[AnkiNote]:
    """The notes of the selected items, in the selection's order, one per item.

    ``deck`` is the parent deck; each article gets a subdeck in it, told
    apart from those of every stored article of the same title, exported or
    not. Times later
    than ``not_after`` are taken as ``not_after``, so that an export made from
    a fresh store can be the same, byte for byte, as an earlier one
    (``SOURCE_DATE_EPOCH`` on the command line). With ``type_in``, a
    question's or a cloze's card asks for its answer to be typed.
    """
    decks = article_decks(parent_deck(deck), {**selection.titles, **selection.articles})
    contexts: dict[int, _ArticleContext] = {}
    notes = []
    for item in selection.items:
        context = contexts.get(item.article_id)
        if context is None:
            article = selection.articles[item.article_id]
            context = contexts[item.article_id] = _context(decks[item.article_id], item.article_id, article)
        kind = item.kind
        note_type, values = _fields(kind, item, context.title)
        if type_in:
            note_type = _TYPE_IN.get(kind, note_type)
        notes.append(
            AnkiNote(
                guid=item.key,
                note_type=note_type,
                deck=context.deck,
                tags=tuple(tags(kind, context.slug, item.label)),
                fields=values,
                created_ms=int(_clamped(item.created_at, not_after).timestamp() * 1000),
                modified=int(_clamped(item.updated_at, not_after).timestamp()),
            )
        )
    return notes


def _context(deck: str, article_id: int, article: Article) -> _ArticleContext:
    return _ArticleContext(
        deck=deck,
        slug=slug(article.title, article_id),
        title=f.text(article.title),
    )


def _clamped(moment: datetime, not_after: datetime | None) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return min(moment, not_after) if not_after is not None else moment


# The kinds whose answer is typed, and their note types for it: each has the
# fields of the kind's own note type.
_TYPE_IN = {"wh": QA_TYPE_IN, "cloze": CLOZE_TYPE_IN}


def _fields(kind: str, item: ItemRecord, title: str) -> tuple[NoteType, tuple[str, ...]]:
    """The note type of an item's kind, and the note's fields in that type's order."""
    if kind == "wh":
        return QA, (f.text(item.prompt), f.text(item.answer), f.source(item), title, f.accepted(item))
    if kind == "matching":
        return QA, (f.matching_question(item), f.matching_answer(item), "", title, "")
    if kind == "cloze":
        return CLOZE, (f.cloze_text(item), title, f.accepted(item))
    if kind == "multiple_choice":
        options, answer = f.options(item)
        return MULTIPLE_CHOICE, (f.text(item.prompt), options, answer, f.source(item), title, "")
    if kind == "true_false":
        return TRUE_FALSE, (f.text(item.prompt), f.verdict(item), f.source(item), title, f.correction(item))
    raise ValueError(f"item {item.id} has an unknown kind {kind!r}")
