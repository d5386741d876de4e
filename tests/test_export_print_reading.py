"""Worksheets for reading: questions under their article's title, the article's
text (or its first paragraphs) before them, the same paper for the PDF and the
Word copy, matching sets worth a point a pair with hanging lines, and no
question giving another's answer away. Checked on real articles, by reading
the PDF (pypdf), the Word copy (python-docx) and the Typst data back."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, fields, replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

import quizgen
from quizgen.export.print.docx import docx
from quizgen.export.print.files import asked_once
from quizgen.export.print.pdf import pdf
from quizgen.export.print.worksheet import sheet
from quizgen.forms.siblings import fact_of, one_per_fact
from quizgen.ingest import read_article
from quizgen.item import Item
from quizgen.quality.giveaways import gives_away
from tests.conftest import ROOT, SEEDS
from tests.test_export_print import flat, pages

BENCH = ROOT / "bench" / "articles"
SEED_FILE = next(SEEDS.glob("*.txt"))
DNA = BENCH / "science-dna-double-helix.txt"
CHOLERA = BENCH / "health-john-snow-cholera.txt"
# Real articles for the giveaway rule: the seed, the encyclopedic features on
# science and health, and news reports of several kinds.
GIVEAWAY_ARTICLES = [
    SEED_FILE,
    *sorted(BENCH.glob("science-*.txt")),
    *sorted(BENCH.glob("health-*.txt")),
    BENCH / "news-business-1994-channel-tunnel-opens.txt",
    BENCH / "news-world-2015-nepal-earthquake.txt",
]
A4 = (595.28, 841.89)  # points
LETTER = (612.0, 792.0)


def stored(db_url: str) -> tuple[dict, list]:
    """The stored articles by id, and every stored item."""
    from quizgen.store import Store, stored_id

    with Store(db_url) as store:
        return {stored_id(a): a for a in store.fetch_articles()}, store.items()


def body(path: Path) -> list[str]:
    """The paragraphs of an article file, as the store keeps them."""
    return [flat(line) for line in read_article(path).text.splitlines() if line.strip()]


def documents(path: Path) -> list[dict]:
    """The documents of a worksheet or key written as Typst source, from its JSON data."""
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["documents"]


def questions(document: dict) -> list[dict]:
    return [q for group in document["groups"] for q in group["questions"]]


def lines_of(document: bytes) -> list[list[str]]:
    """Each page's lines of text, spaces evened out, without its header and footer lines."""
    return [
        [flat(line) for line in page.extract_text().splitlines()][1:-1]
        for page in PdfReader(io.BytesIO(document)).pages
    ]


def joined(laid: list[list[str]]) -> str:
    """The lines of every page as one text; a line that breaks at a hyphen joins the next without a space."""
    return " ".join(line for page in laid for line in page).replace("- ", "-")


def printed(cli, tmp_path: Path, name: str, *args: str) -> Path:
    """The worksheet ``quizgen export print`` writes as ``name``, in the format its suffix names."""
    path = tmp_path / name
    result = cli("export", "print", *args, "--format", path.suffix[1:], "--out", str(path))
    assert result.code == 0, result.err
    return path


# Grouping by article


def test_questions_stand_under_their_articles_in_article_order(cli, db_url, tmp_path):
    cli("add", SEED_FILE, DNA, CHOLERA)
    cli("generate", "--all")
    articles, items = stored(db_url)
    of_article = {(item.kind, item.prompt): item.article_id for item in items}
    args = ("3", "1", "--versions", "2", "--seed", "3")
    worksheet_a, worksheet_b = documents(printed(cli, tmp_path, "s.typ", *args))
    key_a, _ = documents(tmp_path / "s-key.typ")
    titles = [articles[3].title, articles[1].title]
    # Each group is one article's questions, in the order the articles were named; numbers run on.
    assert [g["heading"] for g in worksheet_a["groups"]] == titles
    for group, article_id in zip(worksheet_a["groups"], (3, 1), strict=True):
        assert group["questions"] and {of_article[q["kind"], q["prompt"]] for q in group["questions"]} == {article_id}
    assert [q["number"] for q in questions(worksheet_a)] == list(range(1, len(questions(worksheet_a)) + 1))
    # Version B shuffles within each article's group, never across.
    assert [g["heading"] for g in worksheet_b["groups"]] == titles
    for group_a, group_b in zip(worksheet_a["groups"], worksheet_b["groups"], strict=True):
        assert sorted(q["prompt"] for q in group_a["questions"]) == sorted(q["prompt"] for q in group_b["questions"])
    assert [q["prompt"] for q in questions(worksheet_a)] != [q["prompt"] for q in questions(worksheet_b)]
    # The key groups its answers the same way.
    assert [g["heading"] for g in key_a["groups"]] == titles
    for group, answers in zip(worksheet_a["groups"], key_a["groups"], strict=True):
        assert [q["number"] for q in group["questions"]] == [a["number"] for a in answers["answers"]]

    # The PDF shows each title over its own questions, in the worksheet and in the key.
    sheet_text = " ".join(pages(printed(cli, tmp_path, "s.pdf", *args).read_bytes()))
    key_text = " ".join(pages((tmp_path / "s-key.pdf").read_bytes()))
    first, second = (flat(title) for title in titles)
    assert sheet_text.index(first) < sheet_text.index(second)
    for group, (start, end) in zip(worksheet_a["groups"], ((first, second), (second, None)), strict=True):
        for q in group["questions"]:
            at = sheet_text.index(f"{q['number']}. {flat(q['prompt'])}")
            assert sheet_text.index(start) < at and (end is None or at < sheet_text.index(end)), q["number"]
    assert key_text.index(first) < key_text.index(f"{questions(worksheet_a)[0]['number']}. ") < key_text.index(second)

    # The Markdown and Word copies carry the same headings in the same order.
    for path in (printed(cli, tmp_path, "s.md", *args), tmp_path / "s-key.md"):
        headings = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("## ")]
        assert len(headings) == 2 * 2 and all(flat(titles[n % 2]) in h for n, h in enumerate(headings))
    document = __import__("docx").Document(printed(cli, tmp_path, "s.docx", *args))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 2"] == titles * 2


def test_one_article_gives_the_sheet_its_title(cli, db_url, tmp_path):
    cli("add", DNA)
    cli("generate", "--all")
    articles, _ = stored(db_url)
    title = flat(articles[1].title)
    first_page = pages(printed(cli, tmp_path, "one.pdf").read_bytes())[0]
    assert first_page.startswith(f"{title} Version A {title} Name:")
    assert "Quiz" not in first_page
    (worksheet,) = documents(printed(cli, tmp_path, "one.typ"))
    (key,) = documents(tmp_path / "one-key.typ")
    # The sheet's own title names the article, so no heading repeats it.
    assert [g["heading"] for g in worksheet["groups"] + key["groups"]] == ["", ""]


def test_a_sheet_of_its_own_title_names_its_article_over_the_questions(cli, db_url, tmp_path):
    cli("add", DNA)
    cli("generate", "--all")
    articles, _ = stored(db_url)
    text = " ".join(pages(printed(cli, tmp_path, "own.pdf", "--title", "Biology, week 3").read_bytes()))
    assert text.index("Biology, week 3 Name:") < text.index(flat(articles[1].title)) < text.index("1. ")


# The text before its questions


def test_with_text_the_article_comes_before_its_questions(cli, tmp_path):
    cli("add", DNA)
    cli("generate", "--all")
    paragraphs = body(DNA)
    laid = lines_of(printed(cli, tmp_path, "read.pdf", "--with-text").read_bytes())
    text = joined(laid)
    at = [text.index(paragraph) for paragraph in paragraphs]
    # The text, in order, then question 1.
    assert at == sorted(at) and text[at[-1] + len(paragraphs[-1]) :].startswith(" 1. ")
    # Each paragraph keeps its own first line.
    starts = {line for page in laid for line in page}
    assert all(any(line.startswith(" ".join(p.split()[:4])) for line in starts) for p in paragraphs)
    assert "Read each text, then answer the questions after it." in text

    document = __import__("docx").Document(printed(cli, tmp_path, "read.docx", "--with-text"))
    texts = [flat(p.text) for p in document.paragraphs]
    assert texts.index(paragraphs[0]) + len(paragraphs) == next(i for i, t in enumerate(texts) if t.startswith("1. "))
    assert texts[texts.index(paragraphs[0]) :][: len(paragraphs)] == paragraphs

    markdown = printed(cli, tmp_path, "read.md", "--with-text").read_text(encoding="utf-8")
    assert markdown.index("\n\nIn 1953 two researchers at the University of Cambridge") < markdown.index("\n1\\. ")


def test_a_long_text_keeps_its_paragraphs_and_never_splits_a_question(cli, tmp_path):
    # One long article of four: about four pages of text before its questions.
    parts = [BENCH / f"history-{name}.txt" for name in ("magna-carta", "panama-canal", "fall-of-berlin-wall")]
    paragraphs = [p for part in [DNA, *parts] for p in body(part)]
    long = tmp_path / "long.txt"
    long.write_text("A Long Reading\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    cli("add", long)
    cli("generate", "--all")
    (worksheet,) = documents(printed(cli, tmp_path, "long.typ", "--with-text"))
    assert worksheet["groups"][0]["paragraphs"] == paragraphs
    laid = lines_of(printed(cli, tmp_path, "long.pdf", "--with-text").read_bytes())
    assert len(laid) >= 4
    text = joined(laid)
    at = [text.index(paragraph) for paragraph in paragraphs]
    # The text, in order, then question 1.
    assert at == sorted(at) and text[at[-1] + len(paragraphs[-1]) :].startswith(" 1. ")
    for q in questions(worksheet):
        head = f"{q['number']}. {flat(q['prompt'])[:40]}"
        page = next(" ".join(p) for p in laid if head in " ".join(p))
        after = page[page.index(head) :]
        shown = q["options"] or ["True False"] * (q["kind"] == "true_false") or q["left"] + q["right"]
        assert all(flat(part) in after for part in shown), q["number"]


def test_an_excerpt_prints_its_first_paragraphs_and_asks_only_of_them(cli, tmp_path):
    cli("add", DNA)
    cli("generate", "--all")
    paragraphs = body(DNA)
    (worksheet,) = documents(printed(cli, tmp_path, "part.typ", "--excerpt", "2"))
    (key,) = documents(tmp_path / "part-key.typ")
    (group,) = worksheet["groups"]
    assert group["paragraphs"] == paragraphs[:2] and questions(worksheet)
    told = " ".join(paragraphs[:2])
    assert all(flat(entry["source"]) in told for entry in key["groups"][0]["answers"])
    text = " ".join(pages(printed(cli, tmp_path, "part.pdf", "--excerpt", "2").read_bytes()))
    assert paragraphs[1] in text and paragraphs[2][:60] not in text


def test_an_excerpt_that_no_question_asks_of_is_a_one_line_error(cli, tmp_path):
    opening = tmp_path / "opening.txt"
    opening.write_text("The Double Helix\n\nRead on.\n\n" + "\n\n".join(body(DNA)) + "\n", encoding="utf-8")
    cli("add", opening)
    cli("generate", "--all")
    result = cli("export", "print", "--excerpt", "1", "--out", str(tmp_path / "none.pdf"))
    assert result.code == 1 and result.err.count("\n") == 1
    assert "no question is asked of the first paragraph; print more with a larger --excerpt" in result.err
    assert not list(tmp_path.glob("none*"))


# Paper


@pytest.mark.parametrize(("options", "size"), [((), A4), (("--paper", "letter"), LETTER)])
def test_the_word_copy_is_on_the_pdfs_paper(cli, tmp_path, options, size):
    import docx as python_docx

    cli("add", SEEDS)
    cli("generate", "--all")
    made = printed(cli, tmp_path, "p.pdf", "--versions", "2", *options)
    for path in (made, tmp_path / "p-key.pdf"):
        for page in PdfReader(path).pages:
            assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(size, abs=0.5)
    printed(cli, tmp_path, "p.docx", "--versions", "2", *options)
    for path in (tmp_path / "p.docx", tmp_path / "p-key.docx"):
        sections = python_docx.Document(path).sections
        assert len(sections) == 2
        for section in sections:
            assert (section.page_width.pt, section.page_height.pt) == pytest.approx(size, abs=0.5)


def test_an_unknown_paper_is_a_one_line_error(cli, tmp_path):
    result = cli("export", "print", "--paper", "legal", "--out", str(tmp_path / "x.pdf"))
    assert result.code == 2 and result.err.count("\n") == 1 and "use a4 or letter" in result.err


# Matching sets


@pytest.fixture(scope="module")
def seed_items():
    return one_per_fact(quizgen.generate(read_article(SEED_FILE).text, threshold=0))


def test_a_matching_set_is_worth_a_point_a_pair(seed_items):
    matching = next(item for item in seed_items if item.kind == "matching")
    for points in (1, 2):
        made = sheet(seed_items, title="Points", points=points)
        (question,) = [q for q in made.versions[0].questions if q.kind == "matching"]
        assert question.points == points * len(matching.pairs) == points * 3
        assert made.versions[0].total == points * (len(seed_items) - 1 + len(matching.pairs))
    text = " ".join(pages(pdf(sheet(seed_items, title="Points").data(keys=False))))
    assert f"{flat(matching.prompt)} (3 points)" in text and f"Total: {len(seed_items) + 2} points" in text


@pytest.fixture(scope="module")
def long_matching(seed_items):
    """The seed's matching set with a first entry long enough to wrap."""
    matching = next(item for item in seed_items if item.kind == "matching")
    (left, right), *rest = matching.pairs
    longer = f"{left}, the alliance of the three military-led states of the Sahel that signed the satellite deal"
    return replace(matching, pairs=((longer, right), *rest))


def test_a_wrapped_matching_entry_hangs_under_its_own_text_in_the_pdf(long_matching):
    runs: list[tuple[float, float, str]] = []  # x, y, text

    def visit(text, cm, tm, font, size):
        if text.strip():
            runs.append((cm[4] + tm[4] * cm[0], round(cm[5] + tm[5] * cm[3], 1), text.strip()))

    document = pdf(sheet([long_matching], title="Matching").data(keys=False))
    (page,) = PdfReader(io.BytesIO(document)).pages
    page.extract_text(visitor_text=visit)
    middle = float(page.mediabox.width) / 2  # the right-hand column starts beyond it
    words = long_matching.pairs[0][0].split()
    # The entry's first line: its number, then its first words.
    first, top, _ = next(run for run in runs if " ".join(words[:2]) in run[2])
    number = min(x for x, y, text in runs if y == top and text.startswith("1."))
    # Its wrapped lines: below the first, on the left, each opening with a later word of the entry.
    wrapped = [x for x, y, text in runs if y < top and x < middle and text.split()[0] in words[3:]]
    assert wrapped, runs
    assert number < first and all(x == pytest.approx(first, abs=0.5) for x in wrapped), (number, first, wrapped)


def test_a_matching_entry_hangs_under_its_own_text_in_word(long_matching):
    import docx as python_docx

    document = python_docx.Document(io.BytesIO(docx(sheet([long_matching], title="Matching").data(keys=False))))
    (table,) = document.tables
    cells = [cell for row in table.rows for cell in row.cells if cell.text]
    assert len(cells) == 2 * len(long_matching.pairs)
    for cell in cells:
        (paragraph,) = cell.paragraphs
        label, text = paragraph.text.split("\t")
        assert label.endswith((".", ")")) and text in {x for pair in long_matching.pairs for x in pair}
        indent = paragraph.paragraph_format
        assert indent.left_indent > 0 and indent.first_line_indent == -indent.left_indent


# Giveaways


def test_no_printed_question_gives_another_away_on_real_articles(cli, db_url, tmp_path):
    cli("add", *GIVEAWAY_ARTICLES)
    cli("generate", "--all")
    _, items = stored(db_url)
    by_question = {(item.kind, item.prompt, item.sentence): item for item in items}
    result = cli("export", "print", "--versions", "2", "--format", "typ", "--out", str(tmp_path / "g.typ"))
    assert result.code == 0, result.err
    worksheets = documents(tmp_path / "g.typ")
    keys = documents(tmp_path / "g-key.typ")
    assert len(worksheets) == len(keys) == 2
    for worksheet, key in zip(worksheets, keys, strict=True):
        sources = {a["number"]: a["source"] for group in key["groups"] for a in group["answers"]}
        shown = [by_question[q["kind"], q["prompt"], sources[q["number"]]] for q in questions(worksheet)]
        assert len({item.article_id for item in shown}) == len(GIVEAWAY_ARTICLES)
        for i, item in enumerate(shown):
            for other in shown[i + 1 :]:
                assert not gives_away(item, other), (item.prompt, other.prompt)
    assert "left out as giveaways" in result.out


@dataclass(frozen=True)
class Stored(Item):
    """A generated item with the article it belongs to, as a stored one has."""

    article_id: int = 0


def _stored(article_id: int, item: Item) -> Stored:
    return Stored(**{f.name: getattr(item, f.name) for f in fields(Item)}, article_id=article_id)


REAL = [
    _stored(article_id, item)
    for article_id, path in enumerate((SEED_FILE, DNA, CHOLERA), 1)
    for item in quizgen.generate(read_article(path).text, threshold=0)
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(REAL), unique=True, max_size=40))
def test_a_sheet_asks_each_fact_once_and_never_gives_an_answer_away(drawn):
    kept, left_out = asked_once(drawn)
    forms = one_per_fact(drawn)
    assert [item for item in forms if item in kept] == kept
    assert len(kept) + left_out == len(forms)
    assert len({fact_of(item) for item in kept}) == len(kept)
    for i, item in enumerate(kept):
        assert not any(gives_away(item, other) for other in kept[i + 1 :]), item.prompt
    # Only a giveaway leaves a question out, and of the two the better stays.
    for item in forms:
        if item not in kept:
            assert any(gives_away(item, other) and other.score >= item.score for other in kept), item.prompt
    for version in sheet(kept, title="Property", versions=2, seed=len(drawn)).versions:
        assert sorted(q.prompt for q in version.questions) == sorted(item.prompt for item in kept)
