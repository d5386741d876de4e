"""Items as GIFT: store -> selection -> export/lms (gift, this) -> ``.txt`` for Moodle's GIFT import.

GIFT is plain text that a teacher can read and edit: ``::name::question
{answers}``, one question a line here, a blank line between questions. A
wh-question is a short answer ``{=answer =other}``, a multiple choice
``{=right ~wrong}``, a true/false ``{T}`` or ``{F}``, a matching item
``{=left -> right}``, and a cloze GIFT's missing-word form, the answers
standing where the blank is.

Article text is untrusted, and every one of ``~ = # { } :`` and the
backslash would change the question's meaning, so each is escaped with a
backslash. The rest follows what Moodle's GIFT reader does with a field,
so that what it stores is what the item says, and keeps to what the other
readers teachers use (gift-pegjs, pygiftparser) read the same way:

- Question text and options are written as HTML (``[html]``) and
  HTML-escaped, so markup in an article shows as text. This also keeps
  ``->`` out of the left side of a matching pair, where Moodle would split.
  A backslash in HTML is the character reference ``&#92;`` rather than
  GIFT's ``\\``, which not every reader undoes, and so is a ``}`` in an
  option, which a reader that ends the answers at the first ``}`` would cut.
- An option whose first character would be read as a format name (``[``)
  or a weight (``%``) starts with that character's reference instead.
- Short answers are plain text compared with what a student types, so they
  are not HTML-escaped; their ``*`` is escaped as Moodle reads it as a
  wildcard. One that starts with a format name gets ``[plain]`` before it,
  and one that starts with ``%`` an explicit weight. An answer with ``->``
  in it would make Moodle read the question as a matching one, and GIFT has
  no escape for it: the question then keeps its main answer only, written
  as ``{[plain]...}``, without the ``=`` that would make it one.
- A cloze is GIFT's missing-word form, the answers standing where the blank
  is, when there is text on both sides of it. A blank that opens or ends the
  sentence is written out (``_____``), the answers after the sentence:
  Moodle makes no blank of answers at the end, and gift-pegjs refuses a
  format name followed at once by the answers (``[html]{=...}``). So is a
  blank whose following text gift-pegjs would take for a comment (``//``)
  or a format name (``[``). Moodle imports either form as the same question.
- A name that ends in ``:`` gets a space before the closing ``::`` (Moodle
  trims it), for the readers that end a name at the first ``::``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

from quizgen.export.lms.parts import (
    ItemLike,
    answers,
    article_title,
    askable,
    category_path,
    choices,
    cloze_sides,
    form,
    is_true,
    one_line,
    pairs,
    short,
    shortanswer_literal,
)
from quizgen.wording import BLANK

SPECIAL = "\\~=#{}:"
# A field that starts with one of these is read as being in that format.
_FORMAT_NAME = re.compile(r"\[(html|plain|moodle|markdown)\]")


def gift(
    items: Iterable[ItemLike],
    *,
    category: str = "quizgen",
    titles: Mapping[int, str] | None = None,
    seed: int | str = 0,
) -> str:
    """The items as GIFT text, after a ``$CATEGORY:`` line.

    ``category`` is the question-bank category (a path: "news/week 1"
    nests); with ``titles`` (article id -> title) each article's questions
    go to a subcategory named after it. ``seed`` orders the options as
    :func:`~quizgen.forms.options.shuffled_options` does. Items with nothing
    to ask (an empty prompt or answer) are left out.
    """
    blocks: list[str] = []
    current = None
    for item in items:
        if not askable(item):
            continue
        line = _category_line(category, article_title(item, titles))
        if line != current:
            blocks.append(line)
            current = line
        blocks.append(question(item, seed))
    if current is None:
        blocks.append(_category_line(category))
    return "\n\n".join(blocks) + "\n"


def _category_line(category: str, title: str | None = None) -> str:
    """The ``$CATEGORY:`` line. Moodle reads it without undoing GIFT's escapes,
    so no backslash can be written in it: each becomes a space."""
    title = title.replace("\\", " ") if title else None
    return "$CATEGORY: " + category_path(category.replace("\\", " "), title)


def question(item: ItemLike, seed: int | str = 0) -> str:
    """One item as a GIFT question: a comment naming its key, then the question on one line."""
    kind = form(item)
    name = escape(short(item.prompt or item.sentence))
    if name.endswith(":"):
        name += " "
    comment = f"// quizgen {kind} {one_line(item.key)}"
    if kind == "cloze":
        body = _cloze(item)
    else:
        body = "[html]" + _html_text(one_line(item.prompt)) + " " + _ANSWERS[kind](item, seed)
    return f"{comment}\n::{name}::{body}"


def escape(text: str) -> str:
    """Text with GIFT's special characters backslash-escaped."""
    for char in SPECIAL:
        text = text.replace(char, "\\" + char)
    return text


def _html_text(text: str) -> str:
    """Text as GIFT's HTML: HTML-escaped, a backslash as its character reference, then escaped."""
    return escape(html.escape(text, quote=False).replace("\\", "&#92;"))


def _html_field(text: str) -> str:
    """An option or a matching pair's left side: :func:`_html_text`, with its "}" and a first
    character that would be read as a format or a weight written as character references."""
    field = html.escape(text, quote=False).replace("\\", "&#92;").replace("}", "&#125;")
    if field.startswith(("[", "%")):
        field = f"&#{ord(field[0])};{field[1:]}"
    return escape(field)


def _answer_field(text: str) -> str:
    """A short answer: plain text, escaped, with a format or weight written where its first
    characters would be read as one."""
    field = escape(shortanswer_literal(text))
    if _FORMAT_NAME.match(field):
        field = "[plain]" + field
    if field.startswith("%"):
        field = "%100%" + field
    return field


def _short_answers(item: ItemLike, seed: int | str = 0) -> str:
    written = answers(item)
    if "->" in written[0]:
        # "=" and "->" together would make Moodle read a matching question. The
        # format keeps the answer's start from being read as a weight, or as
        # the T or F of a true/false question by gift-pegjs.
        return "{[plain]" + escape(shortanswer_literal(written[0])) + "}"
    kept = [written[0], *(a for a in written[1:] if "->" not in a)]
    return "{" + " ".join("=" + _answer_field(a) for a in kept) + "}"


def _multiple_choice(item: ItemLike, seed: int | str = 0) -> str:
    options, correct = choices(item, seed)
    return "{" + " ".join(("=" if n == correct else "~") + _html_field(o) for n, o in enumerate(options)) + "}"


def _true_false(item: ItemLike, seed: int | str = 0) -> str:
    return "{T}" if is_true(item) else "{F}"


def _matching(item: ItemLike, seed: int | str = 0) -> str:
    return "{" + " ".join(f"={_html_field(left)} -> {escape(right)}" for left, right in pairs(item)) + "}"


def _cloze(item: ItemLike) -> str:
    before, after = cloze_sides(item)
    block = _short_answers(item)
    before_html, after_html = _html_text(before), _html_text(after)
    # The missing-word form only where every reader finds the same blank (see above).
    if before_html and after_html and not after_html.lstrip().startswith(("//", "[")):
        return "[html]" + before_html + block + after_html
    return "[html]" + before_html + BLANK + after_html + " " + block


_ANSWERS = {
    "wh": _short_answers,
    "multiple_choice": _multiple_choice,
    "true_false": _true_false,
    "matching": _matching,
}
