"""Printing: worksheets with answer keys, in shuffled versions, as PDF (Typst), Typst source, Word or Markdown.

store -> export/print (this). :func:`~quizgen.export.print.files.print_worksheets`
is the whole job as one call: :mod:`worksheet` lays the items out as data;
:mod:`pdf` hands that data to Typst's bundled compiler, and :mod:`docx` and
:mod:`markdown` write editable copies.
"""
