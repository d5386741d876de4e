"""Anki's note types for quizgen's items: store -> export/anki (notes -> models) -> package.

Each note type has a fixed id and a versioned name. Anki matches a note type by
its id, so every export of every deck shares these, and their ``modified``
time is what Anki's "update note types if newer" compares: raise it whenever a
template or the stylesheet changes. A change of fields needs a new id and a new
``vN`` name instead, because notes already in a collection keep the old fields.

This module is plain data; :mod:`~quizgen.export.anki.package` turns it into
genanki's models when a package is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# 2026-11-25 00:00 UTC: when the v1 templates were last changed.
V1_MODIFIED = 1795564800
# 2026-12-02 00:00 UTC: when the v1 templates of the type-in note types were last changed.
TYPE_IN_V1_MODIFIED = 1796169600

# One stylesheet for every note type. Colours are variables so that night mode
# (".nightMode" on the desktop and AnkiMobile, ".night_mode" on AnkiDroid) only
# swaps values; sizes are relative so that phones keep the reader's font size.
CSS = """\
.card {
  --fg: #1f2328;
  --bg: #ffffff;
  --muted: #656d76;
  --line: #d0d7de;
  --accent: #0550ae;
  --right-fg: #116329;
  --right-bg: #dafbe1;
  --wrong-fg: #a40e26;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", Helvetica, Arial, sans-serif;
  font-size: 1.25em;
  line-height: 1.45;
  color: var(--fg);
  background-color: var(--bg);
  text-align: left;
  max-width: 38em;
  margin: 0 auto;
  padding: 0.5em 0.75em;
  overflow-wrap: break-word;
}
.card.nightMode, .card.night_mode, .nightMode .card, .night_mode .card {
  --fg: #e6edf3;
  --bg: #1c2128;
  --muted: #9198a1;
  --line: #3d444d;
  --accent: #79c0ff;
  --right-fg: #7ee787;
  --right-bg: #12361f;
  --wrong-fg: #ff7b72;
}
.article { font-size: 0.7em; color: var(--muted); margin-bottom: 0.75em; }
.question { font-weight: 600; }
.ask { color: var(--muted); margin-top: 0.5em; }
hr#answer { border: 0; border-top: 1px solid var(--line); margin: 1em 0; }
.answer { font-size: 1.1em; }
.cloze { font-weight: 700; color: var(--accent); }
.extra { color: var(--muted); font-size: 0.85em; margin-top: 0.75em; }
.source { font-size: 0.85em; margin-top: 0.75em; padding-left: 0.75em; border-left: 3px solid var(--line); }
.verdict-true { color: var(--right-fg); font-weight: 700; }
.verdict-false { color: var(--wrong-fg); font-weight: 700; }
ol.choices { list-style: none; padding: 0; margin: 0.75em 0 0; }
ol.choices li { padding: 0.4em 0.6em; margin: 0.3em 0; border: 1px solid var(--line); border-radius: 0.4em; }
.letter { display: inline-block; min-width: 1.5em; font-weight: 700; color: var(--muted); }
.revealed li.correct { background-color: var(--right-bg); border-color: var(--right-fg); color: var(--right-fg); font-weight: 600; }
.revealed li.correct .letter { color: var(--right-fg); }
table.pairs { border-collapse: collapse; margin-top: 0.75em; width: 100%; }
table.pairs td { border: 1px solid var(--line); padding: 0.35em 0.5em; vertical-align: top; }
"""

_ARTICLE = '<div class="article">{{Article}}</div>\n'
_EXTRAS = (
    '{{#Extra}}<div class="extra">{{Extra}}</div>{{/Extra}}\n{{#Source}}<div class="source">{{Source}}</div>{{/Source}}'
)


@dataclass(frozen=True)
class NoteType:
    """One Anki note type: its fixed id, name, fields and card templates (front, back)."""

    id: int
    name: str
    fields: tuple[str, ...]
    front: str = field(repr=False)
    back: str = field(repr=False)
    cloze: bool = False
    modified: int = V1_MODIFIED
    css: str = field(default=CSS, repr=False)


QA = NoteType(
    id=1931070134,
    name="quizgen Q&A v1",
    fields=("Question", "Answer", "Source", "Article", "Extra"),
    front=_ARTICLE + '<div class="question">{{Question}}</div>',
    back='{{FrontSide}}\n<hr id="answer">\n<div class="answer">{{Answer}}</div>\n' + _EXTRAS,
)

CLOZE = NoteType(
    id=1977864272,
    name="quizgen Cloze v1",
    fields=("Text", "Article", "Extra"),
    front=_ARTICLE + '<div class="question">{{cloze:Text}}</div>',
    back=_ARTICLE + '<div class="question">{{cloze:Text}}</div>\n'
    '{{#Extra}}<div class="extra">{{Extra}}</div>{{/Extra}}',
    cloze=True,
)

MULTIPLE_CHOICE = NoteType(
    id=1457944188,
    name="quizgen Multiple choice v1",
    fields=("Question", "Options", "Answer", "Source", "Article", "Extra"),
    front=_ARTICLE + '<div class="question">{{Question}}</div>\n<div class="choices">{{Options}}</div>',
    # The options are shown again rather than through {{FrontSide}}, inside
    # "revealed", the class under which the stylesheet marks the correct one.
    back=_ARTICLE + '<div class="question">{{Question}}</div>\n'
    '<div class="choices revealed">{{Options}}</div>\n<hr id="answer">\n'
    '<div class="answer">{{Answer}}</div>\n' + _EXTRAS,
)

TRUE_FALSE = NoteType(
    id=1607875873,
    name="quizgen True/False v1",
    fields=("Statement", "Answer", "Source", "Article", "Extra"),
    front=_ARTICLE + '<div class="question">{{Statement}}</div>\n<div class="ask">True or false?</div>',
    back='{{FrontSide}}\n<hr id="answer">\n<div class="answer">{{Answer}}</div>\n' + _EXTRAS,
)

# The type-in note types (``export anki --type-in``) ask for the answer to be
# typed, and Anki compares it with the field named in ``{{type:...}}``: the
# Answer, or the cloze's own text. They have ids of their own, so a deck of
# each kind can be imported into one collection, and they keep the fields of
# the types they stand for, so the same item fills them alike.
QA_TYPE_IN = NoteType(
    id=1955633503,
    name="quizgen Q&A type-in v1",
    fields=QA.fields,
    front=_ARTICLE + '<div class="question">{{Question}}</div>\n{{type:Answer}}',
    # The question again rather than {{FrontSide}}, whose typing box would
    # stand beside the comparison: as Anki's own "Basic (type in the answer)".
    back=_ARTICLE + '<div class="question">{{Question}}</div>\n<hr id="answer">\n{{type:Answer}}\n' + _EXTRAS,
    modified=TYPE_IN_V1_MODIFIED,
)

CLOZE_TYPE_IN = NoteType(
    id=1446621834,
    name="quizgen Cloze type-in v1",
    fields=CLOZE.fields,
    front=_ARTICLE + '<div class="question">{{cloze:Text}}</div>\n{{type:cloze:Text}}',
    back=_ARTICLE + '<div class="question">{{cloze:Text}}</div>\n{{type:cloze:Text}}\n'
    '{{#Extra}}<div class="extra">{{Extra}}</div>{{/Extra}}',
    cloze=True,
    modified=TYPE_IN_V1_MODIFIED,
)

NOTE_TYPES = (QA, CLOZE, MULTIPLE_CHOICE, TRUE_FALSE, QA_TYPE_IN, CLOZE_TYPE_IN)
