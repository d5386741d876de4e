"""Items for learning platforms: store -> selection -> export/lms (this) -> a file to import.

Each format is a module of its own, with one function that takes a list of
items (stored :class:`~quizgen.store.ItemRecord` rows or the generator's
:class:`~quizgen.item.Item`) and returns the file's contents:

- :func:`quizgen.export.lms.moodle.moodle_xml`: Moodle XML (``.xml``) bytes;
- :func:`quizgen.export.lms.gift.gift`: Moodle's GIFT text (``.txt``);
- :func:`quizgen.export.lms.qti.qti_zip`: a QTI 1.2 package as Canvas imports it (``.zip``);
- :func:`quizgen.export.lms.kahoot.kahoot_xlsx`: Kahoot's quiz spreadsheet (``.xlsx``),
  with the items that do not fit one.

:mod:`~quizgen.export.lms.parts` holds what they share: the text of an item
made safe to write, the order of its options and the two sides of a cloze's
blank. The same items and seed always give the same bytes. Only the Kahoot
writer needs a package beyond the standard library (openpyxl), imported when
it runs.
"""
