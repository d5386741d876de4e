"""Printing: worksheets with answer keys, in shuffled versions, as PDF (Typst), Typst source or Markdown.

store -> export/print (this). :mod:`worksheet` lays the items out as data;
:mod:`pdf` hands that data to Typst's bundled compiler, and :mod:`markdown`
writes an editable copy.
"""
