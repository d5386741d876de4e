"""Printed worksheets and answer keys, checked by reading the PDF's text back (pypdf)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

import quizgen
from quizgen.export.print.markdown import markdown
from quizgen.export.print.pdf import pdf
from quizgen.export.print.worksheet import sheet
from quizgen.forms.siblings import one_per_fact
from quizgen.ingest import read_article
from quizgen.wording import LETTERS
from tests.conftest import SEEDS

SEED = read_article(next(SEEDS.glob("*.txt")))
HOSTILE = (
    'Officials said #read("/etc/passwd") was $5 * 3 _under_ <b>bold</b> ] \\ @mention in a statement. '
    "The ministry announced the plan on Monday, Sept. 23, in Bamako. "
    "Mali signed a satellite deal with Russia on Monday."
)


def flat(text: str) -> str:
    return " ".join(text.split())


def pages(document: bytes) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(io.BytesIO(document)).pages]


@pytest.fixture(scope="module")
def items():
    return one_per_fact(quizgen.generate(SEED.text, threshold=0))


@pytest.fixture(scope="module")
def two_versions(items):
    return sheet(items, title="Sahel States and Russia", versions=2, seed=4)


def test_the_student_copy_has_every_question_and_no_written_answer(items, two_versions):
    student = " ".join(pages(pdf(two_versions.data(keys=False, only="A"))))
    assert all(flat(item.prompt) in student for item in items)
    shown = " ".join(
        [
            *(flat(i.prompt) for i in items),
            *(o for i in items for o in i.distractors),
            *(r for i in items for _, r in i.pairs),
        ]
    )
    for item in items:
        if item.kind in ("wh", "cloze") and item.answer not in shown:
            assert item.answer not in student, item.answer
    assert "Name:" in student and "Class:" in student and "Date:" in student
    total = sum(len(item.pairs) if item.kind == "matching" else 1 for item in items)
    assert f"Total: {total} points" in student


def test_the_key_has_every_answer_with_its_source(items, two_versions):
    key = " ".join(pages(pdf(two_versions.data(worksheets=False, only="B"))))
    for item in items:
        if item.kind in ("wh", "cloze", "true_false", "multiple_choice"):
            assert flat(item.answer) in key, item.answer
        assert flat(item.sentence)[:60] in key


def test_each_key_matches_its_own_version(items, two_versions):
    for version in two_versions.versions:
        worksheet = " ".join(pages(pdf(two_versions.data(keys=False, only=version.letter))))
        key = " ".join(pages(pdf(two_versions.data(worksheets=False, only=version.letter))))
        for question in version.questions:
            if question.kind != "multiple_choice":
                continue
            # The key's letter for this question names, on this version's sheet, the right answer.
            letter = re.search(rf"\b{question.number}\. ([A-D])\) ", key).group(1)
            start = worksheet.index(f"{question.number}. {flat(question.prompt)}")
            block = worksheet[start : start + 600]
            chosen = re.search(rf"{letter}\) (.+?)(?: [A-D]\) | \d+\. |$)", block).group(1)
            item = next(i for i in items if flat(i.prompt) == flat(question.prompt) and i.kind == "multiple_choice")
            assert chosen.startswith(flat(item.answer)[:20]), (version.letter, question.number, chosen, item.answer)
    # The versions really are shuffled differently.
    first, second = two_versions.versions
    assert [q.prompt for q in first.questions] != [q.prompt for q in second.questions]


def test_a_question_is_never_split_across_pages(items):
    many = sheet(items * 5, title="Long sheet", versions=1, seed=1)
    laid = pages(pdf(many.data(keys=False)))
    assert len(laid) >= 3
    for question in many.versions[0].questions:
        if question.kind != "multiple_choice":
            continue
        head = f"{question.number}. {flat(question.prompt)}"
        page = next(p for p in laid if head in p)
        start = page.index(head)
        assert all(flat(option) in page[start:] for option in question.options), question.number
    # The version letter and the page number are on every page.
    assert all(re.search(rf"Version A · page {n}\b", page) for n, page in enumerate(laid, 1))


def test_article_text_is_data_never_markup():
    hostile = quizgen.generate(HOSTILE, threshold=0)
    assert hostile, "the hostile article gives no items to print"
    made = sheet(hostile, title='Title #read("/etc/passwd") $x$ ] \\ @a', versions=1)
    text = " ".join(pages(pdf(made.data())))
    assert '#read("/etc/passwd")' in text and "$x$" in text
    assert "root:" not in text
    assert "<b>bold</b>" in text or not any("bold" in i.prompt for i in hostile)
    md = markdown(made.data())
    assert "\\#read" in md and "&lt;b&gt;" in md or "<b>" not in md


def test_the_same_sheet_gives_the_same_bytes(items):
    made = sheet(items, title="Same", versions=2, seed=9)
    assert pdf(made.data()) == pdf(sheet(items, title="Same", versions=2, seed=9).data())
    assert len(LETTERS) >= 2


def test_markdown_copy_has_every_question_and_the_key(items, two_versions):
    md = markdown(two_versions.data(only="A"))
    assert md.count("answer key, version A") == 1
    for item in items:
        assert flat(item.prompt).split()[0] in md


def test_export_print_writes_a_worksheet_and_a_key_per_version(cli, tmp_path):
    cli("add", SEEDS)
    cli("generate", "--all")
    result = cli("export", "print", "--versions", "2", "--separate", "--seed", "5", "--out", str(tmp_path / "quiz.pdf"))
    assert result.code == 0, result.err
    names = sorted(p.name for p in tmp_path.glob("quiz*.pdf"))
    assert names == ["quiz-A-key.pdf", "quiz-A.pdf", "quiz-B-key.pdf", "quiz-B.pdf"]
    sheet_a = " ".join(pages((tmp_path / "quiz-A.pdf").read_bytes()))
    key_b = " ".join(pages((tmp_path / "quiz-B-key.pdf").read_bytes()))
    assert "Version A" in sheet_a and "answer key" not in sheet_a
    assert "answer key, version B" in key_b
    md = cli("export", "print", "--format", "md", "--out", str(tmp_path / "quiz.md"))
    assert md.code == 0 and (tmp_path / "quiz.md").read_text().startswith("# ")
    typ = cli("export", "print", "--format", "typ", "--out", str(tmp_path / "src.typ"))
    assert typ.code == 0 and '#let data = json("src.json")' in (tmp_path / "src.typ").read_text()


def test_an_unwritable_out_is_a_one_line_error(cli, tmp_path):
    cli("add", SEEDS)
    cli("generate", "--all")
    result = cli("export", "print", "--out", str(tmp_path / "missing" / "quiz.pdf"))
    assert result.code == 1
    assert result.err.count("\n") == 1 and "cannot write it" in result.err and "choose another --out" in result.err


def test_the_word_copy_has_the_same_questions_and_key(items, two_versions):
    import docx as python_docx

    from quizgen.export.print.docx import docx

    document = python_docx.Document(io.BytesIO(docx(two_versions.data(only="A"))))
    text = flat(" ".join(p.text for p in document.paragraphs))
    cells = flat(" ".join(c.text for t in document.tables for row in t.rows for c in row.cells))
    for question in two_versions.versions[0].questions:
        assert flat(question.prompt) in text
        assert all(flat(left) in cells for left in question.left)
    assert "answer key, version A" in text
    assert all(flat(entry.answer) in text for entry in two_versions.versions[0].answers if "-" not in entry.answer)
    # Each question's paragraphs stay together on a page.
    heads = [p for p in document.paragraphs if re.match(r"\d+\. ", p.text)]
    assert heads and all(p.paragraph_format.keep_together for p in heads)


def test_hostile_text_stays_text_in_word_and_markdown():
    import docx as python_docx

    from quizgen.export.print.docx import docx

    made = sheet(quizgen.generate(HOSTILE, threshold=0), title="<w:t>x</w:t> & #read", versions=1)
    document = python_docx.Document(io.BytesIO(docx(made.data())))
    assert document.paragraphs[0].text == "<w:t>x</w:t> & #read"


def test_a_one_point_sheet_says_point_in_every_format(items):
    from docx import Document

    from quizgen.export.print.docx import docx

    wh = next(item for item in items if item.kind == "wh")
    data = sheet([wh], title="One question").data(keys=False)
    word = "\n".join(p.text for p in Document(io.BytesIO(docx(data))).paragraphs)
    for text in (" ".join(pages(pdf(data))), markdown(data), word):
        assert "Total: 1 point" in text and "Total: 1 points" not in text
