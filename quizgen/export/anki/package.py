"""Anki's ``.apkg`` package, written the same for the same notes: notes -> package (this) -> file.

genanki's ``Package.write_to_file`` stamps notes, cards and note types with
the current time, numbers notes and cards from it, and zips a temporary file
with its modification date, so two exports of the same items differ. Here the
collection is built with genanki's schema, note types and card rules, but
every time comes from the items (a note's id from when its item was made, its
``mod`` from when it last changed), a note type's ``mod`` from its version,
and the zip entries have a fixed date, order, mode and compression. The same
items give the same bytes, so a deck kept in a repository only changes when
its items do.
"""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen.export.anki.decks import deck_id
from quizgen.export.anki.models import NoteType
from quizgen.export.output import write_output

if TYPE_CHECKING:
    from quizgen.export.anki.notes import AnkiNote

# The earliest date a zip entry can carry: no date is better than the build's.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def write_apkg(notes: Sequence[AnkiNote], path: str | Path) -> None:
    """Write the notes to an ``.apkg`` file that Anki and AnkiDroid import."""
    write_output(path, apkg_bytes(notes), default_name="quizgen.apkg")


def apkg_bytes(notes: Sequence[AnkiNote]) -> bytes:
    return _zip([("collection.anki2", collection_bytes(notes)), ("media", b"{}")])


def collection_bytes(notes: Sequence[AnkiNote]) -> bytes:
    """The SQLite file of an Anki collection (schema 11) holding the notes."""
    import genanki
    from genanki.apkg_col import APKG_COL
    from genanki.apkg_schema import APKG_SCHEMA

    note_types: dict[int, tuple[NoteType, genanki.Model]] = {}
    decks = {name: deck_id(name) for name in _with_parents(note.deck for note in notes)}
    note_rows = []
    card_rows = []
    next_note_id = _IdClock()
    next_card_id = _IdClock()
    # Ids in order of creation, so that Anki's "Added" order is the items'.
    by_creation = sorted(range(len(notes)), key=lambda n: (notes[n].created_ms, notes[n].guid))
    for position in by_creation:
        note = notes[position]
        if note.note_type.id not in note_types:
            note_types[note.note_type.id] = (note.note_type, genanki_model(note.note_type))
        model = note_types[note.note_type.id][1]
        # genanki.Note checks the tags and works out which cards the note makes.
        genanki_note = genanki.Note(model=model, fields=list(note.fields), tags=note.tags, guid=note.guid)
        note_id = next_note_id(note.created_ms)
        note_rows.append(
            (
                note_id,
                note.guid,
                model.model_id,
                note.modified,
                -1,
                " " + " ".join(genanki_note.tags) + " ",
                "\x1f".join(note.fields),
                note.fields[0],
                0,
                0,
                "",
            )
        )
        for card in genanki_note.cards:
            # New cards come up in due order: the selection's, best item first.
            card_rows.append(
                (
                    next_card_id(note.created_ms),
                    note_id,
                    decks[note.deck],
                    card.ord,
                    note.modified,
                    -1,
                    0,
                    0,
                    position,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    "",
                )
            )

    first_deck = next(iter(decks.values()), 1)
    models_json = {
        str(note_type.id): model.to_json(note_type.modified, first_deck)
        for note_type, model in sorted(note_types.values(), key=lambda pair: pair[0].id)
    }
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(APKG_SCHEMA)
        connection.executescript(APKG_COL)
        (decks_json,) = connection.execute("SELECT decks FROM col").fetchone()
        deck_table = json.loads(decks_json)
        for name, number in decks.items():
            deck_table[str(number)] = genanki.Deck(number, name).to_json()
        connection.execute("UPDATE col SET decks = ?, models = ?", (json.dumps(deck_table), json.dumps(models_json)))
        connection.executemany("INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)", note_rows)
        connection.executemany("INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", card_rows)
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


def genanki_model(note_type: NoteType):  # -> genanki.Model
    """The note type as genanki's model, which knows which cards a note makes."""
    import genanki

    return genanki.Model(
        note_type.id,
        note_type.name,
        fields=[{"name": name} for name in note_type.fields],
        templates=[{"name": "Cloze" if note_type.cloze else "Card 1", "qfmt": note_type.front, "afmt": note_type.back}],
        css=note_type.css,
        model_type=genanki.Model.CLOZE if note_type.cloze else genanki.Model.FRONT_BACK,
    )


def _with_parents(names: Iterable[str]) -> list[str]:
    """Deck names with every parent deck before its children, each once, in first-seen order."""
    found: dict[str, None] = {}
    for name in names:
        parts = name.split("::")
        for depth in range(1, len(parts) + 1):
            found.setdefault("::".join(parts[:depth]))
    return list(found)


class _IdClock:
    """Ids that are millisecond times, as Anki's are, made unique by counting on
    from the last one when two items were made in the same millisecond."""

    def __init__(self) -> None:
        self.last = 0

    def __call__(self, wanted_ms: int) -> int:
        self.last = max(wanted_ms, self.last + 1)
        return self.last


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the machine, for the mode below
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()
