"""Anki decks of stored items: store -> selection -> export/anki -> ``.apkg``.

:mod:`.fields` writes each field's HTML, :mod:`.decks` names decks and tags,
:mod:`.models` holds the note types, :mod:`.notes` makes a note of each
item, and :mod:`.package` writes them as a package, the same bytes for the
same items. genanki is imported only when a package is written.

    >>> from quizgen.export.anki import anki_notes, write_apkg
    >>> from quizgen.export.selection import select_items
    >>> write_apkg(anki_notes(select_items(store), deck="News"), "news.apkg")
"""

from __future__ import annotations

from quizgen.export.anki.models import (
    CLOZE,
    CLOZE_TYPE_IN,
    MULTIPLE_CHOICE,
    NOTE_TYPES,
    QA,
    QA_TYPE_IN,
    TRUE_FALSE,
    NoteType,
)
from quizgen.export.anki.notes import AnkiNote, anki_notes
from quizgen.export.anki.package import apkg_bytes, write_apkg

__all__ = [
    "AnkiNote",
    "CLOZE",
    "CLOZE_TYPE_IN",
    "MULTIPLE_CHOICE",
    "NOTE_TYPES",
    "NoteType",
    "QA",
    "QA_TYPE_IN",
    "TRUE_FALSE",
    "anki_notes",
    "apkg_bytes",
    "write_apkg",
]
