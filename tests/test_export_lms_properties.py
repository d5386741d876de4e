"""Properties of the LMS exports: whatever an article says, each platform reads back
the question and the answers that the item has, and nothing else.

Text is drawn from the characters and strings that mean something to one of the
formats (GIFT's ~ = # { } : and backslash, Moodle's embedded answers and
wildcards, HTML, XML's ]]>, Canvas's [blank]) mixed with any other characters.
"""

from __future__ import annotations

import html
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.export.lms.gift import gift
from quizgen.export.lms.kahoot import kahoot_xlsx
from quizgen.export.lms.moodle import moodle_xml
from quizgen.export.lms.parts import answers, askable, choices, cloze_sides, form, one_line, pairs, short
from quizgen.export.lms.qti import qti_zip
from quizgen.item import Item
from tests.test_export_lms import (
    QTI,
    moodle_questions,
    qti_parts,
    read_cloze,
    read_gift,
    shown,
    stored_literal,
    text_of,
)

TOKENS = [
    "~",
    "=",
    "#",
    "{",
    "}",
    ":",
    "\\",
    "[",
    "]",
    "%",
    "<",
    ">",
    "&",
    '"',
    "'",
    "/",
    "*",
    "-",
    " ",
    "\n",
    "\t",
    "->",
    "::",
    "\\n",
    "[html]",
    "[plain]",
    "%50%",
    "_____",
    "{1:SHORTANSWER:=x}",
    "]]>",
    "<script>",
    "&amp;",
    "&#35;",
    "[blank]",
    "T",
    "$CATEGORY:",
    "//",
]
pieces = st.one_of(st.sampled_from(TOKENS), st.characters(exclude_categories=("Cs",)))
texts = st.lists(pieces, max_size=12).map("".join)
# Moodle's GIFT reader keeps escaped characters as "&&058;"-like placeholders
# and turns any such sequence back into the character, so a plain-text field
# (a short answer, a matching item's right side) cannot hold "&&" followed by
# one of them. HTML fields are safe: their "&" is written "&amp;".
plain = texts.filter(lambda s: "&&" not in s)
asked = texts.filter(lambda s: one_line(s) != "")
answered = plain.filter(lambda s: one_line(s) != "")
keys = st.text("0123456789abcdef", min_size=32, max_size=32)


def item(kind: str, key: str, prompt: str, answer: str, **fields) -> Item:
    fields.setdefault("sentence", f"{prompt} {answer}")
    fields.setdefault("answer_start", None)
    fields.setdefault("answer_end", None)
    return Item(
        key=key, kind=kind, prompt=prompt, answer=answer, sentence_start=0, rule="test", score=1.0, reasons=(), **fields
    )


@st.composite
def items(draw) -> Item:
    kind = draw(st.sampled_from(["wh", "multiple_choice", "true_false", "matching", "cloze"]))
    key = draw(keys)
    if kind == "wh":
        return item(
            kind, key, draw(asked), draw(answered), accepted_answers=tuple(draw(st.lists(answered, max_size=3)))
        )
    if kind == "multiple_choice":
        return item(
            kind, key, draw(asked), draw(asked), distractors=tuple(draw(st.lists(asked, min_size=1, max_size=4)))
        )
    if kind == "true_false":
        return item(kind, key, draw(asked), draw(st.sampled_from(["True", "False"])))
    if kind == "matching":
        found = draw(st.lists(st.tuples(asked, answered), min_size=2, max_size=5))
        return item(kind, key, draw(asked), "", pairs=tuple(found))
    before, answer, after = draw(texts), draw(answered), draw(texts)
    sentence = before + answer + after
    return item(
        kind,
        key,
        before + "_____" + after,
        answer,
        sentence=sentence,
        answer_start=len(before),
        answer_end=len(before) + len(answer),
        accepted_answers=tuple(draw(st.lists(answered, max_size=2))),
    )


def expected_cloze_text(it: Item, blank: str) -> str:
    before, after = cloze_sides(it)
    return before + blank + after


@settings(deadline=None)
@given(st.lists(items(), min_size=1, max_size=4))
def test_gift_reads_back_as_the_items_say(drawn):
    questions = [q for q in read_gift(gift(drawn)) if q["type"] != "category"]
    written = [it for it in drawn if askable(it)]
    assert len(questions) == len(written)
    for question, it in zip(questions, written):
        kind = form(it)
        assert question["name"] == short(it.prompt)
        text = shown(question["text"], question["format"])
        if kind == "multiple_choice":
            options, correct = choices(it)
            assert question["type"] == "multichoice" and text == one_line(it.prompt)
            assert [(w, shown(a, f)) for w, a, f in question["answers"]] == [
                (1.0 if n == correct else 0.0, o) for n, o in enumerate(options)
            ]
        elif kind == "true_false":
            assert (question["type"], text, question["truth"]) == (
                "truefalse",
                one_line(it.prompt),
                it.answer == "True",
            )
        elif kind == "matching":
            assert question["type"] == "match" and text == one_line(it.prompt)
            assert [(shown(left, f), right) for left, f, right in question["pairs"]] == pairs(it)
        else:
            assert question["type"] == "shortanswer"
            expected = answers(it)
            if "->" in expected[0]:
                expected = expected[:1]
            else:
                expected = [a for a in expected if "->" not in a]
            assert [stored_literal(a) for _, a, _ in question["answers"]] == expected
            assert all(weight == 1.0 for weight, _, _ in question["answers"])
            if kind == "wh":
                assert text == one_line(it.prompt)
            else:
                assert text == expected_cloze_text(it, "_____").strip()


@settings(deadline=None)
@given(st.lists(items(), min_size=1, max_size=4))
def test_moodle_xml_text_fields_read_back_as_the_items_say(drawn):
    data = moodle_xml(drawn)
    questions = moodle_questions(data)[1:]
    written = [it for it in drawn if askable(it)]
    assert len(questions) == len(written)
    for question, it in zip(questions, written):
        kind = form(it)
        assert question.findtext("idnumber") == it.key
        assert text_of(question, "name") == short(it.prompt)
        assert "<" not in text_of(question, "questiontext")
        text = html.unescape(text_of(question, "questiontext"))
        if kind == "cloze":
            found, rest = read_cloze(text_of(question, "questiontext"))
            assert [stored_literal(a) for a in found] == answers(it)
            assert html.unescape(rest) == expected_cloze_text(it, "{#1}")
            continue
        assert text == one_line(it.prompt)
        given_answers = question.findall("answer")
        if kind == "multiple_choice":
            options, correct = choices(it)
            assert [(a.get("fraction"), html.unescape(text_of(a, "."))) for a in given_answers] == [
                ("100" if n == correct else "0", o) for n, o in enumerate(options)
            ]
        elif kind == "wh":
            assert [stored_literal(text_of(a, ".")) for a in given_answers] == answers(it)
        elif kind == "matching":
            found = [(html.unescape(text_of(s, ".")), text_of(s, "answer")) for s in question.findall("subquestion")]
            assert found == pairs(it)


@settings(deadline=None)
@given(st.lists(items(), min_size=1, max_size=4), texts)
def test_qti_parses_and_keeps_the_text(drawn, title):
    _, _, assessment = qti_parts(qti_zip(drawn, title=title))
    elements = list(assessment.iter(f"{QTI}item"))
    written = [it for it in drawn if askable(it)]
    assert len(elements) == len(written)
    assert assessment.find(f"{QTI}assessment").get("title") == (one_line(title) or "quizgen")
    for element, it in zip(elements, written):
        kind = form(it)
        question = element.find(f"{QTI}presentation/{QTI}material/{QTI}mattext")
        assert question.get("texttype") == "text/html" and "<" not in question.text
        if kind == "cloze":
            assert question.text.count("[blank]") == 1
            assert html.unescape(question.text) == expected_cloze_text(it, "[blank]")
            labels = [m.text for m in element.iter(f"{QTI}mattext") if m.get("texttype") == "text/plain"][1:]
            assert labels == answers(it)
        else:
            assert html.unescape(question.text) == one_line(it.prompt)
        if kind == "wh":
            assert [v.text for v in element.iter(f"{QTI}varequal")] == answers(it)


@settings(deadline=None)
@given(st.lists(items(), min_size=1, max_size=4))
def test_kahoot_cells_are_the_items_text(drawn):
    from openpyxl import load_workbook

    data, skipped = kahoot_xlsx(drawn)
    left_out = [id(it) for it, _ in skipped]
    kept = [it for it in drawn if id(it) not in left_out]
    assert len(kept) + len(skipped) == len(drawn)
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(min_row=9, values_only=True))
    assert len(rows) == len(kept)
    for row, it in zip(rows, kept):
        assert row[1] == one_line(it.prompt) and len(row[1]) <= 120
        if form(it) == "true_false":
            assert row[2:4] == ("True", "False")
        else:
            options, correct = choices(it, most=4)
            assert [c for c in row[2:6] if c is not None] == options and row[7] == correct + 1


def test_the_gift_reader_catches_an_unescaped_export(monkeypatch):
    """The round trips above can fail: GIFT written without its escapes does not read back."""
    from quizgen.export.lms import gift as gift_module

    hostile = item("wh", "0" * 32, "a=b {c}", "x~y")
    (question,) = [q for q in read_gift(gift([hostile])) if q["type"] != "category"]
    assert (question["type"], shown(question["text"], question["format"])) == ("shortanswer", "a=b {c}")
    monkeypatch.setattr(gift_module, "escape", lambda text: text)
    (broken,) = [q for q in read_gift(gift([hostile])) if q["type"] != "category"]
    assert (broken["type"], shown(broken["text"], broken["format"])) != ("shortanswer", "a=b {c}")
