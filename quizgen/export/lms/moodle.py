"""Items as Moodle XML: store -> selection -> export/lms (moodle, this) -> ``.xml`` for Moodle's question bank.

Moodle XML is the one import format that carries every quizgen form:
multichoice, truefalse, shortanswer, matching, and the cloze as Moodle's own
embedded-answers ("cloze") question. A category question comes first, so an
import lands in a category of its own (one per article when ``titles`` are
given), and each question's ``idnumber`` is its item key, so a later import
of the same items is recognised.

Article text is untrusted. The XML is built with ElementTree, never by
joining strings. Question text, options and feedback are written as HTML
(``format="html"``) and HTML-escaped, so ``<script>`` in an article is shown
as text. Short answers and the right-hand side of matching pairs are plain
text in Moodle (they are compared with what a student types, or listed in a
menu), so they are written as they are and left to the XML escaping; their
``*`` is escaped because Moodle reads it as a wildcard. In a cloze, the
characters that would end or split the embedded answer are written as
Moodle's own reader takes them back (see :func:`cloze_answer`), and the
braces of the surrounding text as character references, so that article
text cannot open a second blank.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
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

# Moodle's default penalty for a wrong try in adaptive mode; a true/false
# question has only one wrong answer, so a wrong try costs it everything.
PENALTY = "0.3333333"
# How Moodle reads an embedded answer {1:SHORTANSWER:=...}, in
# qtype_multianswer_extract_question (question/type/multianswer/questiontype.php):
# ANSWER_ALTERNATIVE_ANSWER_REGEX ends the answer at the first "~", "#" or "}"
# that follows neither a backslash, nor "&", nor "&amp;"; html_entity_decode()
# then decodes it, and only after that is the backslash of "\}" and "\#"
# dropped, of nothing else. So "}" and "#" take that backslash, which survives
# a teacher's later edit in Moodle's HTML editor (the editor writes a character
# reference back as the bare character, which would end the answer), and "&" is
# "&amp;", as the editor writes it. What has no such form is a character
# reference: "~" (a backslash before it would stay in the stored answer), and
# an "&" or a backslash that ends the answer, since either would keep the "}"
# or "~" after it from ending it.
_CLOZE_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "}": "\\}", "#": "\\#", "~": "&#126;"}
_CLOZE_LAST = {**_CLOZE_ESCAPES, "&": "&#38;", "\\": "&#92;"}


def moodle_xml(
    items: Iterable[ItemLike],
    *,
    category: str = "quizgen",
    titles: Mapping[int, str] | None = None,
    seed: int | str = 0,
) -> bytes:
    """The items as a Moodle XML quiz file (UTF-8 bytes).

    ``category`` is the question-bank category the questions go to (a path:
    "news/week 1" nests); with ``titles`` (article id -> title) each
    article's questions go to a subcategory named after it. ``seed`` orders
    the options as :func:`~quizgen.forms.options.shuffled_options` does.
    Items with nothing to ask (an empty prompt or answer) are left out.
    """
    quiz = ET.Element("quiz")
    current = None
    for item in items:
        if not askable(item):
            continue
        path = category_path(category, article_title(item, titles))
        if path != current:
            quiz.append(_category(path))
            current = path
        quiz.append(question(item, seed))
    if current is None:
        quiz.append(_category(category_path(category)))
    ET.indent(quiz)
    return ET.tostring(quiz, encoding="utf-8", xml_declaration=True) + b"\n"


def question(item: ItemLike, seed: int | str = 0) -> ET.Element:
    """One item's ``<question>`` element."""
    kind = form(item)
    writer = _WRITERS[kind]
    element = ET.Element("question", type=_TYPES[kind])
    _text(element, "name", short(item.prompt or item.sentence))
    writer(element, item, seed)
    return element


def _category(path: str) -> ET.Element:
    element = ET.Element("question", type="category")
    _text(element, "category", path)
    _text(element, "info", "", format="html")
    return element


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    """``<tag attributes><text>text</text></tag>`` under ``parent``."""
    element = ET.SubElement(parent, tag, attributes)
    ET.SubElement(element, "text").text = text
    return element


def as_html(text: str) -> str:
    """Untrusted text as the HTML of a ``format="html"`` field."""
    return html.escape(one_line(text), quote=False)


def _header(element: ET.Element, item: ItemLike, text_html: str, *, penalty: str = PENALTY) -> None:
    _text(element, "questiontext", text_html, format="html")
    # The source sentence, shown after an attempt: where the answer came from,
    # and for a false statement what the article really says. A matching
    # item's pairs come from several sentences, so it has none.
    source = "" if form(item) == "matching" else as_html(item.sentence)
    _text(element, "generalfeedback", source, format="html")
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = penalty
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = one_line(item.key)


def _combined_feedback(element: ET.Element) -> None:
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(element, tag, "", format="html")


def _answer(element: ET.Element, fraction: int, text: str, fmt: str) -> None:
    answer = _text(element, "answer", text, fraction=str(fraction), format=fmt)
    _text(answer, "feedback", "", format="html")


def _multichoice(element: ET.Element, item: ItemLike, seed: int | str) -> None:
    _header(element, item, as_html(item.prompt))
    ET.SubElement(element, "single").text = "true"
    ET.SubElement(element, "shuffleanswers").text = "true"
    ET.SubElement(element, "answernumbering").text = "abc"
    _combined_feedback(element)
    options, correct = choices(item, seed)
    for index, option in enumerate(options):
        _answer(element, 100 if index == correct else 0, html.escape(option, quote=False), "html")


def _truefalse(element: ET.Element, item: ItemLike, seed: int | str) -> None:
    _header(element, item, as_html(item.prompt), penalty="1")
    truth = is_true(item)
    # Moodle's importer finds the answers by these two words.
    _answer(element, 100 if truth else 0, "true", "moodle_auto_format")
    _answer(element, 0 if truth else 100, "false", "moodle_auto_format")


def _shortanswer(element: ET.Element, item: ItemLike, seed: int | str) -> None:
    _header(element, item, as_html(item.prompt))
    ET.SubElement(element, "usecase").text = "0"
    for answer in answers(item):
        _answer(element, 100, shortanswer_literal(answer), "moodle_auto_format")


def _matching(element: ET.Element, item: ItemLike, seed: int | str) -> None:
    _header(element, item, as_html(item.prompt))
    ET.SubElement(element, "shuffleanswers").text = "true"
    _combined_feedback(element)
    for left, right in pairs(item):
        subquestion = _text(element, "subquestion", html.escape(left, quote=False), format="html")
        _text(subquestion, "answer", right)


def _cloze(element: ET.Element, item: ItemLike, seed: int | str) -> None:
    before, after = cloze_sides(item)
    blank = "{1:SHORTANSWER:" + "~".join("=" + cloze_answer(a) for a in answers(item)) + "}"
    text = _cloze_text(before) + blank + _cloze_text(after)
    _text(element, "questiontext", text, format="html")
    _text(element, "generalfeedback", "", format="html")
    ET.SubElement(element, "penalty").text = PENALTY
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = one_line(item.key)


def cloze_answer(answer: str) -> str:
    """An answer as written inside ``{1:SHORTANSWER:=...}``, for Moodle to store as
    :func:`~quizgen.export.lms.parts.shortanswer_literal` of it.

    A backslash in the answer stays as it is, even before an escaped "}" or "#":
    Moodle drops only the backslash next to the brace or hash ("\\\\}" is stored
    as "\\}").
    """
    stored = shortanswer_literal(answer)
    written = [_CLOZE_ESCAPES.get(char, char) for char in stored[:-1]]
    return "".join(written) + _CLOZE_LAST.get(stored[-1:], stored[-1:])


def _cloze_text(text: str) -> str:
    """Text around the blank: HTML-escaped, with braces that cannot start an embedded answer."""
    return html.escape(text, quote=False).replace("{", "&#123;").replace("}", "&#125;")


_TYPES = {
    "multiple_choice": "multichoice",
    "true_false": "truefalse",
    "wh": "shortanswer",
    "matching": "matching",
    "cloze": "cloze",
}
_WRITERS = {
    "multiple_choice": _multichoice,
    "true_false": _truefalse,
    "wh": _shortanswer,
    "matching": _matching,
    "cloze": _cloze,
}
