"""The LMS exports read by parsers that are not quizgen's own.

GIFT is read by gift-pegjs (the npm package behind the GIFT tools teachers
write with, run by node from tests/js), by pygiftparser (PyPI) and by the port
of Moodle's GIFT reader in tests/test_export_lms.py. Moodle's embedded answers
(the cloze of Moodle XML) are read by Moodle's own grammar, written out below
from its source. Each reads a corpus of items that hold in their answers,
prompts, options, pairs and names the characters these formats give a meaning
to, and every question must read back as the item says.
"""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import subprocess
import warnings
import xml.etree.ElementTree as ET
from html.entities import name2codepoint
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from quizgen.export.lms.gift import gift
from quizgen.export.lms.moodle import moodle_xml
from quizgen.export.lms.parts import answers, askable, choices, cloze_sides, form, is_true, one_line, pairs, short
from quizgen.item import Item
from quizgen.wording import BLANK
from tests.test_export_lms import cloze_item, make, read_gift, shown, stored_literal
from tests.test_export_lms_properties import items as hostile_items

JS = Path(__file__).resolve().parent / "js"

# Every character GIFT or Moodle's embedded answers give a meaning to, in each
# field: an answer, a prompt (and so the question's name), an option, a pair.
CORPUS = [
    make(
        "wh",
        "Which firm, AT&T or {Verizon}, is #1 = ~best~ in a: b \\ c?",
        "AT&T",
        accepted_answers=(
            "Food & Agriculture Organisation",
            "C#",
            "a{b}c",
            "x~y",
            "=z",
            "k:v",
            "back\\slash",
            "50*",
            "%50% off",
            "T",
            "[html]x",
        ),
    ),
    make("wh", "Who runs AT&T {lab} #1 = ~x~ now, she said:", "Ann & Bo", accepted_answers=("C#", "x~y", "=z", "k:v")),
    make("wh", "Which way?", "T -> F", accepted_answers=("left",)),
    make(
        "multiple_choice",
        "Which one of {#1} ~ = : & is it?",
        "AT&T",
        distractors=("C#", "{x}", "~y", "=z", "a:b", "B&Q", "%50% more", "[html]e"),
    ),
    make("multiple_choice", "Which rate?", "%20%", distractors=("10%", "[x] y", "c\\d", "a}b")),
    make("true_false", "AT&T's {lab} #1 = ~best~: a b.", "True"),
    make("true_false", "C# & F# {are} ~ = : \\ languages.", "False"),
    make(
        "matching",
        "Match {each} & every # ~ = : one",
        "",
        pairs=(
            ("AT&T", "American Telephone & Telegraph"),
            ("C#", "a sharp # ~ = : language {"),
            ("x}y \\ z", "T"),
            ("[html]", "%50%"),
        ),
    ),
    make("matching", "Match these", "", pairs=(("a", "back\\slash}"), ("b", "x -> y"), ("c", "[html]{x}"))),
    make("matching", "Match\ufeff these\ufeff", "", pairs=(("a\ufeff", "\ufeffb"), ("c", "d"))),
    cloze_item("", "Some 200", " new jobs came to AT&T {#1} ~ = : last year."),
    cloze_item("", "AT&T", " and C# are # ~ = : names."),
    cloze_item("The deal went to ", "AT&T", " last year."),
    cloze_item("It is the ", "Food & Agriculture Organisation", " {FAO}.", accepted_answers=("FAO",)),
    cloze_item("Written in ", "C#", " & {x} ~ = : y.", accepted_answers=("k:v", "=eq", "50*", "%5%")),
    cloze_item("The set \\ ", "{a}", " and x}y", accepted_answers=("x}y", "a~b", "back\\", "R&", "&#38;", "\\}")),
    cloze_item("Its code is ", "C#", ""),
    cloze_item("See ", "the site", " // not a comment."),
    cloze_item("Format ", "x", " [html]after."),
]


# gift-pegjs


# gift-pegjs reads an escaped character as a placeholder and turns it back in every
# field but a matching pair's right side (its PlainText rule), where it is left.
_PEGJS_PLACEHOLDERS = {
    "&&092;": "\\",
    "&&058;": ":",
    "&&035;": "#",
    "&&061;": "=",
    "&&123;": "{",
    "&&125;": "}",
    "&&126;": "~",
}


def pegjs_plain(text: str) -> str:
    for placeholder, char in _PEGJS_PLACEHOLDERS.items():
        text = text.replace(placeholder, char)
    return text


def gift_pegjs(text: str) -> list[dict]:
    """The questions gift-pegjs reads in GIFT text; a syntax error fails the test with its message."""
    node = shutil.which("node")
    if node is None or not (JS / "node_modules" / "gift-pegjs").is_dir():
        pytest.fail("gift-pegjs is not installed: `make test` installs it, or `npm ci --prefix tests/js`")
    run = subprocess.run(
        [node, str(JS / "parse_gift.mjs")], input=text, capture_output=True, text=True, encoding="utf-8", timeout=120
    )
    if run.returncode != 0:
        pytest.fail(f"gift-pegjs cannot read the export: {run.stderr.strip()}\n{text}")
    return [question for question in json.loads(run.stdout) if question["type"] != "Category"]


# pygiftparser


def pygiftparser() -> SimpleNamespace:
    """pygiftparser's modules. It asks locale.getdefaultlocale(), deprecated since Python
    3.11, when it is imported, and its regular expressions hold invalid escapes."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", SyntaxWarning)
        from pygiftparser import answer, parser, utils
    return SimpleNamespace(answer=answer, parser=parser, utils=utils)


def pygiftparser_reads(item: Item) -> bool:
    """Whether an item stays within what pygiftparser reads of GIFT. It leaves the
    escapes of a plain-text field (a name, a short answer, a matching pair's right
    side) to its own rendering, which knows no escaped backslash (and a short
    answer's "*" is Moodle's "\\*"); it ends the answers at the first "}", escaped
    or not; it splits a pair at its last "->", not its first; and it keeps a short
    answer's format."""
    plain = []
    if form(item) in ("wh", "cloze"):
        plain += [a.replace("*", "\\*") for a in answers(item)]
    if form(item) == "matching":
        plain += [right for _, right in pairs(item)]
    return "\\" not in short(item.prompt or item.sentence) and not any(
        "\\" in text or "}" in text or "->" in text or re.match(r"\[(html|plain|moodle|markdown)\]", text)
        for text in plain
    )


# Moodle's embedded answers, as qtype_multianswer_extract_question reads them
# (question/type/multianswer/questiontype.php; the syntax is in the Moodle docs'
# "Embedded Answers (Cloze) question type"). Its constants, with PHP's one
# lookbehind (?<!\\|&|&amp;) written as three, since each of Python's has one width:
# an answer ends at the first "~", "#" or "}" after neither a backslash, "&" nor
# "&amp;", and a "#" after it starts the answer's feedback.
_FRACTION = r"=|%(-?[0-9]+(?:[.,][0-9]*)?)%"
_ANSWER = r".+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$)"
_FEEDBACK = r".*?(?<!\\)(?=[~}]|$)"
_ALTERNATIVE = f"({_FRACTION})?({_ANSWER})(#({_FEEDBACK}))?"
_TYPES = (
    "NUMERICAL|NM|MULTICHOICE|MC|MULTICHOICE_V|MCV|MULTICHOICE_H|MCH|SHORTANSWER|SA|MW|SHORTANSWER_C|SAC|MWC|"
    "MULTICHOICE_S|MCS|MULTICHOICE_VS|MCVS|MULTICHOICE_HS|MCHS|"
    "MULTIRESPONSE|MR|MULTIRESPONSE_H|MRH|MULTIRESPONSE_S|MRS|MULTIRESPONSE_HS|MRHS"
)
_ANSWER_REGEX = re.compile(r"\{([0-9]*):(?:" + _TYPES + r"):(" + _ALTERNATIVE + "(~" + _ALTERNATIVE + r")*)\}", re.S)
_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def html_entity_decode(text: str) -> str:
    """PHP's html_entity_decode($text, ENT_QUOTES, 'UTF-8'): HTML 4.01's named
    entities and numeric references, each ended by ";"."""

    def decode(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("#"):
            point = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
            valid = 0 < point <= 0x10FFFF and not 0xD800 <= point <= 0xDFFF
            return chr(point) if valid else match.group(0)
        return chr(name2codepoint[name]) if name in name2codepoint else match.group(0)

    return _ENTITY.sub(decode, text)


def moodle_cloze(text: str) -> tuple[list[list[str]], str]:
    """The answers Moodle stores for each embedded answer of a question text, and the
    text left with ``{#1}``, ``{#2}``... in their places."""
    blanks = []
    while match := _ANSWER_REGEX.search(text):
        found = []
        remaining = match.group(2)
        while alternative := re.search("~?" + _ALTERNATIVE, remaining, re.S):
            # "Undo quoting done by the HTML editor", then the two escapes.
            answer = html_entity_decode(alternative.group(3)).replace("\\}", "}").replace("\\#", "#")
            found.append(answer.strip(" \t\n\r\0\x0b"))  # as the short-answer type saves it
            remaining = remaining.split(alternative.group(0), 1)[1]
        blanks.append(found)
        text = text.replace(match.group(0), f"{{#{len(blanks)}}}", 1)
    return blanks, text


def saved_by_an_html_editor(text: str) -> str:
    """Question text (HTML without markup) as a teacher's later edit in Moodle's HTML
    editor saves it back: parsed, then serialized as a browser writes a text node,
    with only "&", no-break space, "<" and ">" as references."""
    decoded = html.unescape(text)
    return decoded.replace("&", "&amp;").replace("\xa0", "&nbsp;").replace("<", "&lt;").replace(">", "&gt;")


def moodle_cloze_texts(items: list[Item]) -> list[tuple[Item, str]]:
    questions = ET.fromstring(moodle_xml(items)).findall("question")[1:]
    written = [it for it in items if askable(it)]
    assert len(questions) == len(written)
    return [(it, q.findtext("questiontext/text") or "") for it, q in zip(written, questions) if form(it) == "cloze"]


# What every reader must find


def spaced_blank(text: str) -> str:
    """Text with one space either side of the blank: a missing-word question is read
    by gift-pegjs as its two sides trimmed and joined around the blank."""
    return re.sub(r"\s*" + BLANK + r"\s*", f" {BLANK} ", text).strip()


def short_answers(item: Item) -> list[str]:
    """The answers a GIFT short answer keeps: none with "->" unless it is the main one, then only it."""
    written = answers(item)
    return written[:1] if "->" in written[0] else [a for a in written if "->" not in a]


def expected(item: Item) -> tuple:
    kind = form(item)
    name = short(item.prompt or item.sentence)
    if kind == "cloze":
        before, after = cloze_sides(item)
        return ("short", name, spaced_blank(before + BLANK + after), short_answers(item))
    text = spaced_blank(one_line(item.prompt))
    if kind == "wh":
        return ("short", name, text, short_answers(item))
    if kind == "multiple_choice":
        options, correct = choices(item)
        return ("choice", name, text, [(n == correct, option) for n, option in enumerate(options)])
    if kind == "true_false":
        return ("truefalse", name, text, is_true(item))
    return ("matching", name, text, pairs(item))


def read_by_gift_pegjs(text: str) -> list[tuple]:
    read = []
    for question in gift_pegjs(text):
        name = question["title"].strip()  # Moodle trims a name
        assert question["stem"]["format"] == "html", question
        shown_text = spaced_blank(html.unescape(question["stem"]["text"]))
        kind = question["type"]
        if kind == "Short":
            assert all(c["isCorrect"] and c["weight"] in (None, 100) for c in question["choices"])
            read.append(("short", name, shown_text, [stored_literal(c["text"]["text"]) for c in question["choices"]]))
        elif kind == "MC":
            assert all(c["weight"] is None for c in question["choices"])
            options = [(c["isCorrect"], html.unescape(c["text"]["text"])) for c in question["choices"]]
            read.append(("choice", name, shown_text, options))
        elif kind == "TF":
            read.append(("truefalse", name, shown_text, question["isTrue"]))
        elif kind == "Matching":
            found = [
                (html.unescape(p["subquestion"]["text"]), pegjs_plain(p["subanswer"])) for p in question["matchPairs"]
            ]
            read.append(("matching", name, shown_text, found))
        else:
            read.append((kind, name, shown_text, None))
    return read


def read_by_pygiftparser(text: str) -> list[tuple]:
    """Each question as pygiftparser reads it, its fields rendered by its own functions."""
    modules = pygiftparser()
    render, unescape, sets = modules.utils.markupRendering, modules.utils.transformSpecials, modules.answer
    read = []
    for question in modules.parser.parseFile(io.StringIO(text)):
        assert question.valid and question.markup == "html", question.full
        shown_text = html.unescape(render(question.text, question.markup))
        if question.tail:
            shown_text += f" {BLANK} " + html.unescape(render(question.tail, question.markup))
        name = unescape(question.title).strip()
        shown_text = spaced_blank(shown_text)
        found = question.answers
        if isinstance(found, sets.ShortSet):
            read.append(("short", name, shown_text, [stored_literal(unescape(a.answer)) for a in found.answers]))
        elif isinstance(found, sets.SelectSet):
            options = [(a.fraction == 100, html.unescape(unescape(a.answer))) for a in found.answers]
            read.append(("choice", name, shown_text, options))
        elif isinstance(found, sets.TrueFalseSet):
            read.append(("truefalse", name, shown_text, found.answer))
        elif isinstance(found, sets.MatchingSet):
            sides = [(html.unescape(unescape(a.question)).strip(), unescape(a.answer).strip()) for a in found.answers]
            read.append(("matching", name, shown_text, sides))
        else:
            read.append((type(found).__name__, name, shown_text, None))
    return read


def read_by_moodle(text: str) -> list[tuple]:
    kinds = {"shortanswer": "short", "multichoice": "choice", "truefalse": "truefalse", "match": "matching"}
    read = []
    for question in read_gift(text):
        if question["type"] == "category":
            continue
        shown_text = spaced_blank(shown(question["text"], question["format"]))
        kind = kinds.get(question["type"], question["type"])
        if kind == "short":
            assert all(weight == 1.0 for weight, _, _ in question["answers"])
            found: object = [stored_literal(a) for _, a, _ in question["answers"]]
        elif kind == "choice":
            found = [(w == 1.0, shown(a, f)) for w, a, f in question["answers"]]
        elif kind == "truefalse":
            found = question["truth"]
        else:
            found = [(shown(left, f), right) for left, f, right in question["pairs"]]
        read.append((kind, question["name"], shown_text, found))
    return read


# GIFT


def test_the_corpus_holds_every_special_character_in_every_field():
    fields = {
        "answers": [a for it in CORPUS if form(it) in ("wh", "cloze") for a in answers(it)],
        "prompts": [it.prompt for it in CORPUS],
        "options": [d for it in CORPUS for d in it.distractors],
        "pairs": [side for it in CORPUS for pair in pairs(it) for side in pair],
    }
    for char in "&#{}~=:\\":
        for field, texts in fields.items():
            assert any(char in text for text in texts), (char, field)
    assert any(cloze_sides(it)[0] == "" for it in CORPUS)


def test_a_gift_cloze_that_opens_with_its_blank_parses_with_gift_pegjs():
    item = cloze_item("", "Some 200", " new jobs were created in the region.")
    (question,) = gift_pegjs(gift([item]))
    assert question["type"] == "Short" and question["stem"]["format"] == "html"
    assert question["stem"]["text"] == "_____ new jobs were created in the region."
    assert [c["text"]["text"] for c in question["choices"]] == ["Some 200"]
    (moodle,) = read_gift(gift([item]))[1:]
    assert (moodle["type"], moodle["text"]) == ("shortanswer", "_____ new jobs were created in the region.")


def test_gift_pegjs_reads_every_question_as_the_items_say():
    assert read_by_gift_pegjs(gift(CORPUS)) == [expected(it) for it in CORPUS if askable(it)]


def test_moodles_gift_reader_reads_every_question_as_the_items_say():
    assert read_by_moodle(gift(CORPUS)) == [expected(it) for it in CORPUS if askable(it)]


def test_pygiftparser_reads_every_question_as_the_items_say():
    readable = [it for it in CORPUS if pygiftparser_reads(it)]
    assert len(readable) >= 10 and all(c in gift(readable) for c in ("\\{", "\\}", "\\~", "\\=", "\\#", "\\:", "&amp;"))
    assert read_by_pygiftparser(gift(readable)) == [expected(it) for it in readable]


# Each example runs node, so the failing one is reported as found, not shrunk.
@settings(deadline=None, max_examples=25, phases=(Phase.explicit, Phase.reuse, Phase.generate))
@given(st.lists(hostile_items(), min_size=1, max_size=6))
def test_gift_pegjs_reads_any_text_as_the_items_say(drawn):
    assert read_by_gift_pegjs(gift(drawn)) == [expected(it) for it in drawn if askable(it)]


# Moodle XML's cloze


def test_moodle_reads_each_cloze_answer_as_the_item_says():
    texts = moodle_cloze_texts(CORPUS)
    assert len(texts) == 9
    for item, text in texts:
        blanks, rest = moodle_cloze(text)
        assert [[stored_literal(a) for a in found] for found in blanks] == [answers(item)]
        before, after = cloze_sides(item)
        assert html_entity_decode(rest) == before + "{#1}" + after


@settings(deadline=None)
@given(st.lists(hostile_items(), min_size=1, max_size=6))
def test_moodle_reads_any_cloze_answer_as_the_item_says(drawn):
    for item, text in moodle_cloze_texts(drawn):
        blanks, rest = moodle_cloze(text)
        assert [[stored_literal(a) for a in found] for found in blanks] == [answers(item)]
        before, after = cloze_sides(item)
        assert html_entity_decode(rest) == before + "{#1}" + after


def test_moodle_cloze_answers_keep_their_characters_through_an_edit_in_moodles_editor():
    """The editor writes "&#35;" or "&#125;" back as "#" or "}", which would end the
    answer, so those two are written with the backslash Moodle's reader drops. (A "~"
    has no form that survives an edit: a backslash before it would stay in the answer,
    so it is "&#126;"; nor has an "&" or a backslash that ends an answer.)"""
    edited = [
        cloze_item("The deal went to ", "AT&T", " last year."),
        cloze_item("It is the ", "Food & Agriculture Organisation", " (FAO) {now}.", accepted_answers=("FAO",)),
        cloze_item(
            "Written in ", "C#", " & C.", accepted_answers=("x}y", "\\}", "C\\#", "=eq", "k:v", "50*", "<b>", "&#38;")
        ),
    ]
    for item, text in moodle_cloze_texts(edited):
        blanks, _ = moodle_cloze(saved_by_an_html_editor(text))
        assert [[stored_literal(a) for a in found] for found in blanks] == [answers(item)]


def editable(item: Item) -> bool:
    """A cloze whose answers an edit in Moodle's editor can keep, in text whose braces
    the edit cannot turn into a second blank."""
    return "{" not in (item.prompt + item.sentence) and not any(
        "~" in a or a.endswith(("&", "\\")) for a in answers(item)
    )


@settings(deadline=None)
@given(st.lists(hostile_items().filter(editable), min_size=1, max_size=6))
def test_any_moodle_cloze_answer_keeps_its_characters_through_an_edit(drawn):
    for item, text in moodle_cloze_texts(drawn):
        blanks, _ = moodle_cloze(saved_by_an_html_editor(text))
        assert [[stored_literal(a) for a in found] for found in blanks] == [answers(item)]


def test_the_moodle_cloze_reader_is_moodles():
    """Embedded answers as Moodle reads them: a "#" starts an answer's feedback, and a
    backslash, "&" or "&amp;" before it keeps it in the answer; "\\~" keeps its backslash."""
    blanks, rest = moodle_cloze("a {1:SHORTANSWER:=AT&T#right~%50%AT&#38;T~C\\#~D#no} b {2:SA:x\\}y}")
    assert blanks == [["AT&T", "AT&T", "C#", "D"], ["x}y"]] and rest == "a {#1} b {#2}"
    assert moodle_cloze("{1:SHORTANSWER:=AT&amp;#38;T}")[0] == [["AT&#38;T"]]
    assert moodle_cloze("{1:SHORTANSWER:=q\\~r}")[0] == [["q\\~r"]]
