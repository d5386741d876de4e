"""Exports: stored items leave quizgen as files for other tools.

store -> export: :mod:`~quizgen.export.selection` picks the items, then
:mod:`~quizgen.export.anki` turns them into Anki notes, written as an ``.apkg``
package or as rows of Anki's text import (:mod:`~quizgen.export.text`), and
:mod:`~quizgen.export.quizlet` writes them as Quizlet's term and definition
lines. Only the ``.apkg`` writer imports genanki, and only when it runs.
"""

from __future__ import annotations

from quizgen.errors import QuizgenError


class ExportError(QuizgenError):
    """An export that cannot be made: nothing to export, or a file that cannot be written."""
