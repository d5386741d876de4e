"""Notes as Anki's text import: store -> export/anki (notes) -> text (this) -> ``.txt``.

The same notes as the ``.apkg``, one row each, laid out as Anki's own "Notes in
Plain Text" export lays them out: file headers that name the separator and the
GUID, note type, deck and tags columns, then the fields, padded so that the
tags are always in the same column. Rows carry the same GUIDs as the package,
so importing either one updates what the other added. The note types must
already be in the collection: importing any quizgen ``.apkg`` once adds them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizgen.export.anki import AnkiNote


def anki_text(notes: Sequence[AnkiNote]) -> str:
    """The notes as a tab-separated text file with Anki's import headers."""
    width = max((len(note.fields) for note in notes), default=0)
    headers = [
        "#separator:tab",
        "#html:true",
        "#guid column:1",
        "#notetype column:2",
        "#deck column:3",
        f"#tags column:{4 + width}",
    ]
    buffer = io.StringIO()
    buffer.write("\n".join(headers) + "\n")
    # Fields hold no tab or line break (quizgen.export.anki.fields sees to it);
    # a quote in a deck name is quoted the CSV way, which Anki reads back.
    writer = csv.writer(buffer, delimiter="\t", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    for note in notes:
        padded = [*note.fields, *[""] * (width - len(note.fields))]
        writer.writerow([note.guid, note.note_type.name, note.deck, *map(_cell, padded), " ".join(note.tags)])
    return buffer.getvalue()


def _cell(value: str) -> str:
    return value.replace("\t", " ").replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>")
