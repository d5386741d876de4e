"""A teacher's own items: written on the command line or read from a file.

A second way into the store besides generation: teacher -> authored -> items
-> store, beside article -> analysis -> ... -> forms -> items -> store.
:mod:`.items` checks and makes each kind of item; :mod:`.quizlet`,
:mod:`.anki_text` and :mod:`.table` read the formats teachers already have,
and :mod:`.files` reads a file whole, or reports every line at fault.
:func:`quizgen.workflows.authored.add_items` and ``import_items`` store them.
"""

from quizgen.authored.files import FORMATS, ItemFile, ItemFileError, parse_items, read_item_file
from quizgen.authored.items import (
    AuthoredItem,
    InvalidItem,
    clean,
    cloze,
    inferred,
    matching,
    multiple_choice,
    true_false,
    truth,
    wh,
)

__all__ = [
    "FORMATS",
    "AuthoredItem",
    "InvalidItem",
    "ItemFile",
    "ItemFileError",
    "clean",
    "cloze",
    "inferred",
    "matching",
    "multiple_choice",
    "parse_items",
    "read_item_file",
    "true_false",
    "truth",
    "wh",
]
