"""Exports for learning platforms (Moodle XML, GIFT, QTI for Canvas, Kahoot), read back
the way each platform reads them.

GIFT files and Moodle's cloze answers are read by ports of Moodle's own parsers
(question/format/gift/format.php, qtype_multianswer_extract_question), so a test
fails when an article's text would change a question once Moodle imports it.
"""

from __future__ import annotations

import hashlib
import html
import io
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter

import pytest

import quizgen
from quizgen.export import ExportError
from quizgen.export.lms.gift import gift
from quizgen.export.lms.kahoot import HEADER_ROW, HEADERS, kahoot_xlsx
from quizgen.export.lms.moodle import moodle_xml
from quizgen.export.lms.parts import choices, one_line
from quizgen.export.lms.qti import qti_zip
from quizgen.ingest import read_article
from quizgen.item import Item
from quizgen.store import Store
from tests.conftest import SEEDS

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
MANIFEST = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
HOSTILE = ("<script>alert(1)</script>", "{=~#:}\\", "]]>")
MOODLE_TYPES = {
    "wh": "shortanswer",
    "cloze": "cloze",
    "multiple_choice": "multichoice",
    "true_false": "truefalse",
    "matching": "matching",
}


@pytest.fixture(scope="module")
def seed_items() -> list[Item]:
    article = read_article(next(SEEDS.glob("*.txt")))
    return quizgen.generate(article.text, threshold=0)


def make(kind: str, prompt: str, answer: str, **fields) -> Item:
    """A hand-made item, as the generator makes them; the key is fixed by the prompt."""
    sentence = fields.pop("sentence", f"{prompt} {answer}.")
    start = sentence.find(answer) if answer else -1
    return Item(
        key=hashlib.sha256(f"{kind}\x1f{prompt}\x1f{answer}".encode()).hexdigest()[:32],
        kind=kind,
        prompt=prompt,
        answer=answer,
        sentence=sentence,
        sentence_start=0,
        answer_start=start if start >= 0 else None,
        answer_end=start + len(answer) if start >= 0 else None,
        rule="test",
        score=1.0,
        reasons=(),
        **fields,
    )


def cloze_item(before: str, answer: str, after: str, **fields) -> Item:
    return make("cloze", before + "_____" + after, answer, sentence=before + answer + after, **fields)


def hostile_items() -> list[Item]:
    script, braces, cdata = HOSTILE
    return [
        make("wh", f"Who wrote {script}?", braces, accepted_answers=(cdata, "a*b", "%50% off", "[plain]x")),
        make("multiple_choice", f"Which {braces}?", script, distractors=(cdata, braces + "x", "[html]<b>")),
        make("true_false", f"{script} is {cdata}.", "False", distractors=(braces,)),
        make("matching", f"Match {script}", "", pairs=((script, braces), (f"a -> {cdata}", "=b->c"), ("[x]", "%50%y"))),
        cloze_item(
            f"Before {script} {{1:SHORTANSWER:=x}} ", braces + "&", f" after {cdata}", accepted_answers=("x\\}y\\#",)
        ),
    ]


# Readers: what each platform makes of the files.


def moodle_questions(data: bytes) -> list[ET.Element]:
    return ET.fromstring(data).findall("question")


def text_of(element: ET.Element, path: str) -> str:
    return element.findtext(f"{path}/text") or ""


# Moodle's embedded answer, from question/type/multianswer/questiontype.php.
_ALT = r"(=|%(-?[0-9]+)%)?(.+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$))(#(.*?(?<!\\)(?=[~}]|$)))?"
_EMBEDDED = re.compile(r"\{([0-9]*):(SHORTANSWER|SA|MW):(" + _ALT + r"(~" + _ALT + r")*)\}", re.S)


def read_cloze(text: str) -> tuple[list[str], str]:
    """The answers Moodle stores for each embedded answer, and the text left around them."""
    found = []
    while match := _EMBEDDED.search(text):
        remaining = match.group(3)
        while alternative := re.match("~?" + _ALT, remaining, re.S):
            answer = html.unescape(alternative.group(3)).replace("\\}", "}").replace("\\#", "#")
            found.append(answer)
            remaining = remaining[len(alternative.group(0)) :]
        text = text[: match.start()] + "{#1}" + text[match.end() :]
    return found, text


def stored_literal(answer: str) -> str:
    """What a student types to match a stored short answer: ``\\*`` is a literal star."""
    return answer.replace("\\*", "*")


# GIFT, from question/format/gift/format.php (readquestion and its helpers).
_GIFT_ESCAPES = [
    ("\\:", "&&058;"),
    ("\\#", "&&035;"),
    ("\\=", "&&061;"),
    ("\\{", "&&123;"),
    ("\\}", "&&125;"),
    ("\\~", "&&126;"),
    ("\\n", "&&010"),
]
_GIFT_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
_FORMATS = ("moodle", "html", "plain", "markdown")


def _pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in _GIFT_ESCAPES:
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def _post(text: str) -> str:
    for escaped, placeholder in _GIFT_ESCAPES:
        text = text.replace(placeholder, "\n" if escaped == "\\n" else escaped[1])
    return text


def _with_format(text: str, default: str = "moodle") -> tuple[str, str]:
    fmt = default
    if text.startswith("[") and "]" in text:
        name = text[1 : text.index("]")]
        if name in _FORMATS:
            fmt, text = name, text[text.index("]") + 1 :]
    return _post(text).strip(), fmt


def _weight(answer: str) -> tuple[float, str]:
    answer = answer[1:]
    end = answer.index("%")
    return float(answer[:end]) / 100, answer[end + 1 :]


def read_gift(text: str) -> list[dict]:
    """Each question of a GIFT file as Moodle's importer reads it."""
    questions = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [" " if line.strip().startswith("//") else line for line in block.split("\n")]
        body = "\n".join(lines).strip()
        if not body:
            continue
        body = _pre(body)
        if body.startswith("$CATEGORY:"):
            questions.append({"type": "category", "category": body[10:].strip()})
            continue
        name = None
        if body.startswith("::"):
            body = body[2:]
            end = body.find("::")
            name, body = _post(body[:end]).strip(), body[end + 2 :].strip()
        start, finish = body.find("{"), body.find("}")
        assert start >= 0 and finish > start, f"no answers in {body!r}"
        answer_text = body[start + 1 : finish].strip()
        if body.endswith("}"):
            question_text = body[:start] + body[finish + 1 :]
        else:
            question_text = body[:start] + "_____" + body[finish + 1 :]
        qtext, qformat = _with_format(question_text)
        question = {"name": name, "text": qtext, "format": qformat, "answers": [], "pairs": []}
        if answer_text.startswith("#"):
            question["type"] = "numerical"
        elif "~" in answer_text:
            question["type"] = "multichoice"
            parts = answer_text.replace("=", "~=").split("~")
            parts = [p for n, p in enumerate(parts) if n or p.strip()]
            for part in parts:
                part = part.strip()
                if part.startswith("="):
                    weight, part = 1.0, part[1:]
                elif _GIFT_WEIGHT.match(part):
                    weight, part = _weight(part)
                else:
                    weight = 0.0
                answer, fmt = _with_format(part.split("#", 1)[0].strip(), qformat)
                question["answers"].append((weight, answer, fmt))
        elif "=" in answer_text and "->" in answer_text:
            question["type"] = "match"
            for part in [p for n, p in enumerate(answer_text.split("=")) if n or p.strip()]:
                part = part.strip()
                marker = part.index("->")
                left, fmt = _with_format(part[:marker], qformat)
                question["pairs"].append((left, fmt, _post(part[marker + 2 :]).strip()))
        elif answer_text.split("#", 1)[0].strip() in ("T", "TRUE", "F", "FALSE"):
            question["type"] = "truefalse"
            question["truth"] = answer_text.split("#", 1)[0].strip() in ("T", "TRUE")
        else:
            question["type"] = "shortanswer"
            for part in [p for n, p in enumerate(answer_text.split("=")) if n or p.strip()]:
                part = part.strip()
                weight = 1.0
                if _GIFT_WEIGHT.match(part):
                    weight, part = _weight(part)
                answer, _ = _with_format(part.split("#", 1)[0].strip(), qformat)
                question["answers"].append((weight, answer, "plain"))
        questions.append(question)
    return questions


def shown(text: str, fmt: str) -> str:
    """What a student sees of a field: HTML decoded, other formats as they are."""
    return html.unescape(text) if fmt == "html" else text


# Moodle XML


def test_moodle_xml_has_a_question_of_the_right_type_for_every_item(seed_items):
    data = moodle_xml(seed_items)
    questions = moodle_questions(data)
    assert questions[0].get("type") == "category"
    assert text_of(questions[0], "category") == "$course$/top/quizgen"
    asked = questions[1:]
    assert Counter(q.get("type") for q in asked) == Counter(MOODLE_TYPES[i.kind] for i in seed_items)
    assert [q.findtext("idnumber") for q in asked] == [i.key for i in seed_items]
    assert all(0 < len(text_of(q, "name")) <= 80 for q in asked)
    choice = next(q for q in asked if q.get("type") == "multichoice")
    item = next(i for i in seed_items if i.key == choice.findtext("idnumber"))
    options = [(a.get("fraction"), text_of(a, ".")) for a in choice.findall("answer")]
    assert options == [("100" if o == item.answer else "0", o) for o in choices(item)[0]]
    (matching,) = [q for q in asked if q.get("type") == "matching"]
    pairs = [(text_of(s, "."), text_of(s, "answer")) for s in matching.findall("subquestion")]
    assert pairs == [tuple(p) for p in next(i for i in seed_items if i.kind == "matching").pairs]


def test_moodle_cloze_is_an_embedded_answer_where_the_blank_was():
    text = (
        "Senegal's President Abdou Diouf conceded defeat on Monday to longtime opposition leader Abdoulaye Wade, "
        "ending four decades of Socialist Party rule. Wade won 58 percent of the vote."
    )
    item = next(i for i in quizgen.generate(text, threshold=0) if i.kind == "cloze")
    (question,) = [q for q in moodle_questions(moodle_xml([item])) if q.get("type") == "cloze"]
    found, rest = read_cloze(text_of(question, "questiontext"))
    assert found == [item.answer, *item.accepted_answers]
    assert html.unescape(rest) == item.prompt.replace("_____", "{#1}")


def test_moodle_xml_keeps_hostile_text_as_text():
    items = hostile_items()
    data = moodle_xml(items)
    assert b"<script" not in data and b"]]>" not in data
    questions = moodle_questions(data)[1:]
    # An HTML field holds no markup of the article's: it shows as text.
    html_fields = [
        t.text or "" for q in questions for f in q.iter() if f.get("format") == "html" for t in f.findall("text")
    ]
    assert any("&lt;script&gt;" in field for field in html_fields)
    assert not any("<" in field for field in html_fields)
    wh, choice, statement, matching, cloze = questions
    script, braces, cdata = HOSTILE
    assert html.unescape(text_of(wh, "questiontext")) == f"Who wrote {script}?"
    assert [stored_literal(text_of(a, ".")) for a in wh.findall("answer")] == [
        braces,
        cdata,
        "a*b",
        "%50% off",
        "[plain]x",
    ]
    assert text_of(wh.findall("answer")[2], ".") == "a\\*b"  # a Moodle wildcard, escaped
    options = {html.unescape(text_of(a, ".")): a.get("fraction") for a in choice.findall("answer")}
    assert options == {script: "100", cdata: "0", braces + "x": "0", "[html]<b>": "0"}
    assert html.unescape(text_of(statement, "questiontext")) == f"{script} is {cdata}."
    assert [(a.get("fraction"), text_of(a, ".")) for a in statement.findall("answer")] == [
        ("0", "true"),
        ("100", "false"),
    ]
    subquestions = [(html.unescape(text_of(s, ".")), text_of(s, "answer")) for s in matching.findall("subquestion")]
    assert subquestions == [(script, braces), (f"a -> {cdata}", "=b->c"), ("[x]", "%50%y")]
    found, rest = read_cloze(text_of(cloze, "questiontext"))
    assert found == [braces + "&", "x\\}y\\#"]
    # The article's own "{1:SHORTANSWER:=x}" is text, not a second blank.
    assert html.unescape(rest) == f"Before {script} {{1:SHORTANSWER:=x}} {{#1}} after {cdata}"


def test_moodle_xml_puts_each_article_in_its_own_category(db_url):
    with Store(db_url) as store:
        article, _ = store.save_article(read_article(next(SEEDS.glob("*.txt"))))
        store.save_items(article.id, quizgen.generate(article.text, limit=3, threshold=0))
        rows = store.items(article.id)
    titles = {article.id: "Sahel / Russia <deal> \\o/"}
    questions = moodle_questions(moodle_xml(rows, category="news", titles=titles))
    categories = [text_of(q, "category") for q in questions if q.get("type") == "category"]
    assert categories == ["$course$/top/news/Sahel // Russia <deal> \\o//"]
    assert {q.findtext("idnumber") for q in questions[1:]} == {r.key for r in rows}
    read = read_gift(gift(rows, category="news/week 1", titles=titles))
    assert [q["category"] for q in read if q["type"] == "category"] == [
        "$course$/top/news/week 1/Sahel // Russia <deal> o//"
    ]
    assert len(read) == len(rows) + 1


def test_moodle_xml_is_the_same_bytes_every_time(seed_items):
    assert moodle_xml(seed_items) == moodle_xml(list(seed_items))
    assert moodle_xml(seed_items, seed=1) != moodle_xml(seed_items)


def test_items_with_nothing_to_ask_are_left_out():
    empty = [make("wh", "", "x"), make("wh", "Why?", " "), make("matching", "Match", "", pairs=(("", "x"),))]
    assert moodle_questions(moodle_xml(empty))[1:] == []
    assert [q["type"] for q in read_gift(gift(empty))] == ["category"]
    # A multiple choice that lost its distractors is asked as a short answer.
    (question,) = moodle_questions(moodle_xml([make("multiple_choice", "Who?", "Ann")]))[1:]
    assert question.get("type") == "shortanswer"


# GIFT


def test_gift_reads_back_as_the_questions_of_the_seed_article(seed_items):
    text = gift(seed_items)
    questions = read_gift(text)
    assert questions[0] == {"type": "category", "category": "$course$/top/quizgen"}
    gift_types = {
        "wh": "shortanswer",
        "cloze": "shortanswer",
        "multiple_choice": "multichoice",
        "true_false": "truefalse",
        "matching": "match",
    }
    assert [q["type"] for q in questions[1:]] == [gift_types[i.kind] for i in seed_items]
    for question, item in zip(questions[1:], seed_items):
        # A cloze's prompt has "_____" where GIFT's missing word was.
        assert shown(question["text"], question["format"]) == item.prompt
        if item.kind in ("wh", "cloze"):
            assert [a for _, a, _ in question["answers"]] == [item.answer, *item.accepted_answers]
        if item.kind == "multiple_choice":
            assert [(w, a) for w, a, _ in question["answers"]] == [
                (1.0 if o == item.answer else 0.0, o) for o in choices(item)[0]
            ]
        if item.kind == "true_false":
            assert question["truth"] == (item.answer == "True")
    assert "\n\n// quizgen matching " in text


def test_gift_escapes_hostile_text():
    items = hostile_items()
    questions = read_gift(gift(items))
    wh, choice, statement, matching, cloze = questions[1:]
    script, braces, cdata = HOSTILE
    assert (wh["type"], shown(wh["text"], wh["format"])) == ("shortanswer", f"Who wrote {script}?")
    assert [(w, stored_literal(a)) for w, a, _ in wh["answers"]] == [
        (1.0, a) for a in (braces, cdata, "a*b", "%50% off", "[plain]x")
    ]
    assert choice["type"] == "multichoice"
    assert {shown(a, f): w for w, a, f in choice["answers"]} == {
        script: 1.0,
        cdata: 0.0,
        braces + "x": 0.0,
        "[html]<b>": 0.0,
    }
    assert (statement["type"], statement["truth"]) == ("truefalse", False)
    assert matching["type"] == "match"
    assert [(shown(left, f), right) for left, f, right in matching["pairs"]] == [
        (script, braces),
        (f"a -> {cdata}", "=b->c"),
        ("[x]", "%50%y"),
    ]
    assert cloze["type"] == "shortanswer"
    assert shown(cloze["text"], cloze["format"]) == f"Before {script} {{1:SHORTANSWER:=x}} _____ after {cdata}"
    assert [a for _, a, _ in cloze["answers"]] == [braces + "&", "x\\}y\\#"]
    # Markup reaches Moodle only in plain-text fields: names (Moodle strips
    # their tags) and short answers (compared with what a student types).
    html_fields = [q["text"] for q in questions[1:]] + [a for _, a, f in choice["answers"] if f == "html"]
    assert html_fields and not any("<" in field for field in html_fields)


def test_gift_answers_with_an_arrow_stay_short_answers():
    item = make("wh", "Which way?", "left -> right", accepted_answers=("leftwards",))
    (question,) = read_gift(gift([item]))[1:]
    assert question["type"] == "shortanswer"
    assert [(w, a) for w, a, _ in question["answers"]] == [(1.0, "left -> right")]
    other = make("wh", "Which way?", "left", accepted_answers=("a -> b", "port"))
    (question,) = read_gift(gift([other]))[1:]
    assert [a for _, a, _ in question["answers"]] == ["left", "port"]


def test_gift_cloze_at_the_end_of_a_sentence_still_has_its_blank():
    item = cloze_item("The capital of France is ", "Paris", "")
    (question,) = read_gift(gift([item]))[1:]
    assert (question["type"], question["text"]) == ("shortanswer", "The capital of France is _____")


def test_gift_is_the_same_text_every_time(seed_items):
    assert gift(seed_items) == gift(list(seed_items))


# QTI for Canvas


def qti_parts(data: bytes) -> tuple[zipfile.ZipFile, ET.Element, ET.Element]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    (href,) = [f.get("href") for f in manifest.iter(f"{MANIFEST}file")]
    return archive, manifest, ET.fromstring(archive.read(href))


def question_type(item: ET.Element) -> str:
    for field in item.iter(f"{QTI}qtimetadatafield"):
        if field.findtext(f"{QTI}fieldlabel") == "question_type":
            return field.findtext(f"{QTI}fieldentry")
    raise AssertionError("no question_type")


def test_qti_package_is_a_canvas_quiz_of_every_item(seed_items):
    data = qti_zip(seed_items, title="Sahel & Russia")
    archive, manifest, assessment = qti_parts(data)
    assert archive.namelist() == sorted(archive.namelist()) and len(archive.namelist()) == 2
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    (resource,) = manifest.iter(f"{MANIFEST}resource")
    assert resource.get("type") == "imsqti_xmlv1p2"
    quiz = assessment.find(f"{QTI}assessment")
    assert (quiz.get("ident"), quiz.get("title")) == (resource.get("identifier"), "Sahel & Russia")
    items = list(assessment.iter(f"{QTI}item"))
    canvas = {
        "wh": "short_answer_question",
        "cloze": "fill_in_multiple_blanks_question",
        "multiple_choice": "multiple_choice_question",
        "true_false": "true_false_question",
        "matching": "matching_question",
    }
    assert [question_type(i) for i in items] == [canvas[i.kind] for i in seed_items]
    assert [i.get("ident") for i in items] == ["q" + i.key for i in seed_items]
    # The correct option is the one the scoring names.
    element, item = next((e, i) for e, i in zip(items, seed_items) if i.kind == "multiple_choice")
    labels = {label.get("ident"): label.findtext(f".//{QTI}mattext") for label in element.iter(f"{QTI}response_label")}
    (correct,) = [v.text for v in element.iter(f"{QTI}varequal")]
    assert labels[correct] == item.answer
    assert list(labels.values()) == choices(item)[0]


def test_qti_escapes_hostile_text():
    data = qti_zip(hostile_items(), title="<script>alert(1)</script>")
    archive, _, assessment = qti_parts(data)
    assert all(b"<script" not in archive.read(name) for name in archive.namelist())
    wh, choice, statement, matching, cloze = assessment.iter(f"{QTI}item")
    script, braces, cdata = HOSTILE
    question = wh.find(f"{QTI}presentation/{QTI}material/{QTI}mattext")
    assert (question.get("texttype"), html.unescape(question.text)) == ("text/html", f"Who wrote {script}?")
    html_texts = [m.text for m in assessment.iter(f"{QTI}mattext") if m.get("texttype") == "text/html"]
    assert len(html_texts) == 5 and not any("<" in text for text in html_texts)
    assert [v.text for v in wh.iter(f"{QTI}varequal")] == [braces, cdata, "a*b", "%50% off", "[plain]x"]
    options = [m.text for m in choice.iter(f"{QTI}mattext") if m.get("texttype") == "text/plain"]
    assert sorted(options) == sorted([script, cdata, braces + "x", "[html]<b>"])
    lefts = [m.findtext(f"{QTI}material/{QTI}mattext") for m in matching.iter(f"{QTI}response_lid")]
    assert lefts == [script, f"a -> {cdata}", "[x]"]
    text = cloze.find(f"{QTI}presentation/{QTI}material/{QTI}mattext").text
    assert text.count("[blank]") == 1
    assert html.unescape(text) == f"Before {script} {{1:SHORTANSWER:=x}} [blank] after {cdata}"


def test_qti_cloze_text_cannot_name_a_second_blank():
    item = cloze_item("Fill [blank] and ", "this", " [blank].")
    _, _, assessment = qti_parts(qti_zip([item]))
    text = assessment.find(f".//{QTI}presentation/{QTI}material/{QTI}mattext").text
    assert text.count("[blank]") == 1 and html.unescape(text) == "Fill [blank] and [blank] [blank]."


def test_qti_package_is_the_same_bytes_every_time(seed_items):
    assert qti_zip(seed_items) == qti_zip(list(seed_items))
    assert qti_zip(seed_items, title="other") != qti_zip(seed_items)


# Kahoot


def kahoot_rows(data: bytes) -> list[tuple]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[HEADER_ROW]][1:8] == list(HEADERS)
    rows = list(sheet.iter_rows(min_row=HEADER_ROW + 1))
    # Question and answers are text cells, never formulas.
    assert all(c.data_type == "s" for row in rows for c in row[1:6] if c.value is not None)
    return [tuple(c.value for c in row[:8]) for row in rows]


def test_kahoot_sheet_has_the_choice_and_true_false_items(seed_items):
    data, skipped = kahoot_xlsx(seed_items)
    rows = kahoot_rows(data)
    left_out = {item.key for item, _ in skipped}
    kept = [i for i in seed_items if i.key not in left_out]
    assert [r[1] for r in rows] == [i.prompt for i in kept]
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    for row, item in zip(rows, kept):
        number, question, *answers, time_limit, correct = row
        assert time_limit == 20 and 1 <= correct <= 4
        if item.kind == "true_false":
            assert answers[:2] == ["True", "False"] and answers[correct - 1] == item.answer
        else:
            assert item.kind == "multiple_choice"
            assert answers[correct - 1] == item.answer
            assert answers == choices(item)[0]
    reasons = Counter(reason for _, reason in skipped)
    assert reasons["short-answer questions have no Kahoot form"] == sum(i.kind == "wh" for i in seed_items)
    assert reasons["matching items have no Kahoot form"] == 1
    assert all(len(i.prompt) > 120 for i, r in skipped if r == "question over Kahoot's 120-character limit")


def test_kahoot_limits_and_plain_text():
    at_limit = make("multiple_choice", "Q" * 119 + "?", "a" * 75, distractors=("=1+1", "<script>", "x", "y"))
    long_question = make("true_false", "S" * 121, "True")
    long_answer = make("multiple_choice", "Which?", "b" * 76, distractors=("c",))
    data, skipped = kahoot_xlsx([at_limit, long_question, long_answer], time_limit=30)
    assert skipped == [
        (long_question, "question over Kahoot's 120-character limit"),
        (long_answer, "an answer over Kahoot's 75-character limit"),
    ]
    (row,) = kahoot_rows(data)
    assert row[1] == at_limit.prompt and row[6] == 30
    # At most four answers, and a formula-looking answer stays text.
    assert sorted(row[2:6]) == sorted(["a" * 75, "=1+1", "<script>", "x"])
    assert row[2:6][row[7] - 1] == "a" * 75
    bare = make("multiple_choice", "Who?", "Ann")
    assert kahoot_xlsx([bare])[1] == [(bare, "a multiple choice without distractors")]
    with pytest.raises(ExportError, match="time limit"):
        kahoot_xlsx([at_limit], time_limit=15)


def test_kahoot_sheet_is_the_same_bytes_every_time(seed_items):
    first, _ = kahoot_xlsx(seed_items)
    second, _ = kahoot_xlsx(list(seed_items))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"2000-01-01T00:00:00Z" in archive.read("docProps/core.xml")


def test_stored_items_export_like_generated_ones(db_url, seed_items):
    with Store(db_url) as store:
        article, _ = store.save_article(read_article(next(SEEDS.glob("*.txt"))))
        store.save_items(article.id, seed_items)
        rows = store.items(article.id)
    by_key = {i.key: i for i in seed_items}
    ordered = [by_key[r.key] for r in rows]
    assert moodle_xml(rows) == moodle_xml(ordered)
    assert gift(rows) == gift(ordered)
    assert qti_zip(rows) == qti_zip(ordered)
    assert kahoot_xlsx(rows)[0] == kahoot_xlsx(ordered)[0]


def test_one_line_drops_what_xml_cannot_hold():
    assert one_line(" a\x00b\n\tc\x0b \ud800") == "ab c"
    item = make("wh", "Why\x01 not?", "be\x1bcause")
    (question,) = moodle_questions(moodle_xml([item]))[1:]
    assert text_of(question, "questiontext") == "Why not?" and text_of(question, "answer") == "because"


def test_the_export_commands_write_each_format(cli, tmp_path):
    import io
    import xml.etree.ElementTree as ET
    import zipfile

    from openpyxl import load_workbook

    from tests.conftest import SEEDS

    cli("add", SEEDS)
    cli("generate", "--all")
    for name, file in (("moodle", "q.xml"), ("gift", "q.txt"), ("qti", "q.zip"), ("kahoot", "q.xlsx")):
        result = cli("export", name, "--out", str(tmp_path / file))
        assert result.code == 0, (name, result.err)
        assert "items (all but rejected)" in result.out
    assert ET.parse(tmp_path / "q.xml").getroot().tag == "quiz"
    assert "$CATEGORY:" in (tmp_path / "q.txt").read_text()
    assert "imsmanifest.xml" in zipfile.ZipFile(tmp_path / "q.zip").namelist()
    assert load_workbook(io.BytesIO((tmp_path / "q.xlsx").read_bytes())).active.max_row > 8
    bad = cli("export", "kahoot", "--time-limit", "7", "--out", str(tmp_path / "k.xlsx"))
    assert bad.code == 1 and bad.err.count("\n") == 1 and "time limit" in bad.err


def test_the_kahoot_command_lists_every_item_it_leaves_out(cli, db_url, tmp_path):
    cli("add", SEEDS)
    cli("generate", "--all")
    with Store(db_url) as store:
        rows = store.items()
    _, skipped = kahoot_xlsx(rows)
    assert {item.kind for item, _ in skipped} >= {"wh", "matching", "true_false"}
    result = cli("export", "kahoot", "--out", str(tmp_path / "k.xlsx"))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].endswith(f"({len(rows) - len(skipped)} in the sheet, {len(skipped)} skipped)")
    assert lines[1:-1] == [f"  skipped item {item.id}: {reason}" for item, reason in skipped]
    counts = Counter(reason for _, reason in skipped)
    assert lines[-1] == "skipped: " + ", ".join(f"{reason} ({n})" for reason, n in counts.most_common())
    # With the sheet on standard output, the same report goes to standard error.
    piped = subprocess.run(
        [sys.executable, "-m", "quizgen", "export", "kahoot", "--out", "-"],
        capture_output=True,
        env={**os.environ, "QUIZGEN_DB": db_url},
        timeout=120,
    )
    assert piped.returncode == 0 and piped.stdout.startswith(b"PK")
    assert piped.stderr.decode().splitlines()[1:] == lines[1:]
