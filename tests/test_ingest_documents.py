"""PDF and Word articles: the story's title and paragraphs, without page furniture.

Every document is made by the test: PDFs with Typst (the article reaches it as
JSON data, never as markup) or pypdf, Word files with python-docx.
"""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pypdf
import pytest
import typst

from quizgen.errors import ArticleError
from quizgen.ingest.docx import docx_to_article
from quizgen.ingest.pdf import pdf_to_article

HEADLINE = "Volunteers count the otters returning to the River Wend"
PARAGRAPHS = [
    "Otters have returned to every stretch of the River Wend for the first time in more than forty years, "
    "according to a survey published on Tuesday by the Wend Valley Wildlife Trust and the University of Harford.",
    "The survey was carried out last winter by 212 volunteers, who walked the banks of the river and its "
    "tributaries looking for footprints, droppings and the flattened slides where the animals slip into the "
    "water. They recorded signs of otters at 87 of the 94 sites they visited, compared with just 11 sites when "
    "the same count was first made in 1981.",
    "\u201cWhen I started this work, finding a single print was a cause for celebration,\u201d said Dr Miriam "
    "Achebe, the ecologist who led the survey. \u201cNow we find them under bridges in the middle of town. The "
    "recovery has been faster than anyone predicted.\u201d",
    "The researchers attribute the comeback to three changes. Pesticides that built up in fish and poisoned the "
    "animals that ate them were banned in the late 1970s. Sewage treatment along the river was upgraded in the "
    "1990s, which brought back the fish. And landowners have since planted willow and alder along about sixty "
    "kilometres of bank, giving otters cover to build their dens, which are known as holts.",
    "Not every site is thriving. The survey found no signs of otters along a four-kilometre section downstream "
    "of the Calder industrial estate, where a chemical spill in 2019 killed thousands of fish. Water samples "
    "taken there last autumn still showed unusually high levels of ammonia, and the trust has asked the "
    "environment agency to investigate whether the pollution is continuing.",
    "The survey also raised questions about how many otters the river can support. Each adult needs a territory "
    "of up to twenty kilometres of waterway, and young otters that cannot find a territory of their own are "
    "pushed onto roads, where they are often hit by cars. Volunteers found fourteen dead otters on roads near "
    "the river during the three months of the count.",
    "Counting otters directly is almost impossible, because they are shy, mostly active at night and spread "
    "over long distances. Surveys therefore rely on indirect signs, and the volunteers were trained to tell "
    "otter prints, which show five toes and a broad pad, from those of mink and dogs. Every find was "
    "photographed and checked by a second person, and samples of droppings were sent for genetic testing to "
    "estimate how many individual animals live along the river.",
    "To reduce those deaths, the county council has agreed to fit ledges under six road bridges, so that otters "
    "can pass beneath the road instead of climbing over it. The first ledge, under the bridge at Millford, was "
    "installed in March and cost about \u00a34,000. Cameras mounted beside it have already filmed otters using "
    "it on eleven nights.",
    "Dr Achebe said the long-term goal was to link the Wend with neighbouring rivers, so that otters from "
    "different valleys can mix and breed. Isolated groups of animals tend to become inbred, which makes them "
    "more vulnerable to disease. The trust plans to repeat the survey every five years and is looking for more "
    "volunteers, especially in the upper valley, where access to the river is difficult.",
    "\u201cThe otter is a good test of a river\u2019s health,\u201d she said. \u201cIt sits at the top of the "
    "food chain, so if the otters are doing well, the fish, the insects and the plants are usually doing well "
    "too. Forty years ago this river was failing that test. Today it passes, but only just, and only in most "
    "places.\u201d",
]
RUNNING_HEADER = "Daily Courier \u2014 Science"

# Everything that varies, the article above all, is read from article.json.
# On these pages no paragraph of the article ends with a full line at the foot
# of a page: whether such a line ends its paragraph is not in the PDF, and the
# reader takes it to go on (see quizgen.ingest.pdf).
ARTICLE_TYP = """\
#let data = json("article.json")
#set document(title: data.document_title)
#set page(
  paper: "a6",
  margin: (x: 1.3cm, y: 1.2cm),
  header: align(right, text(size: 8pt)[Daily Courier — Science]),
  footer: context {
    let number = str(counter(page).get().first())
    let total = str(counter(page).final().first())
    align(center, text(size: 8pt, data.footer.replace("{n}", number).replace("{total}", total)))
  },
)
#set text(font: "Libertinus Serif", size: 10pt, lang: "en")
#set par(justify: data.justify, first-line-indent: data.indent * 1em, spacing: data.spacing * 1em)
#block(below: 1.4em, text(size: 15pt, weight: "bold", data.headline))
#for paragraph in data.paragraphs {
  par(paragraph)
}
"""

PLAIN_TYP = """\
#let data = json("plain.json")
#set text(font: "Libertinus Serif", size: 11pt, lang: "en", hyphenate: false)
#for paragraph in data.paragraphs {
  par(paragraph)
}
"""

SCAN_TYP = """\
#let data = json("scan.json")
#set page(paper: "a6", footer: align(center, text(size: 7pt, data.footer)))
#for page in range(data.pages) {
  if page > 0 { pagebreak() }
  image("scan.png", width: 100%)
}
"""

# Justified with space between paragraphs; justified with first-line indents
# and no space; ragged right with space.
LAYOUTS = {
    "spaced": {"justify": True, "indent": 0, "spacing": 1.2},
    "indented": {"justify": True, "indent": 1.5, "spacing": 0.65},
    "ragged": {"justify": False, "indent": 0, "spacing": 1.2},
}


def typst_pdf(tmp_path: Path, source: str, name: str, data: dict) -> bytes:
    (tmp_path / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    typ = tmp_path / f"{name}.typ"
    typ.write_text(source, encoding="utf-8")
    return typst.compile(str(typ), ignore_system_fonts=True, timestamp=0)


def article_pdf(
    tmp_path: Path,
    *,
    layout: str = "spaced",
    document_title: str | None = HEADLINE,
    footer: str = "Page {n} of {total}",
) -> bytes:
    data = {
        "headline": HEADLINE,
        "paragraphs": PARAGRAPHS,
        "document_title": document_title,
        "footer": footer,
        **LAYOUTS[layout],
    }
    return typst_pdf(tmp_path, ARTICLE_TYP, "article", data)


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def broken_words(texts: list[str]) -> list[tuple[str, str]]:
    """Words the PDF breaks across lines with a hyphen: ("inter", "national")."""
    return [pair for text in texts for pair in re.findall(r"(\w+)[-\u00ad] *\n([a-z]+)", text)]


def png(width: int, height: int) -> bytes:
    """A grey-scale PNG of stripes, like a scanned page of print."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(
        b"\x00" + bytes(0 if (y // 6) % 3 == 0 and x % 9 else 255 for x in range(width)) for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def assert_one_line_error(error: pytest.ExceptionInfo[ArticleError], source: str) -> str:
    message = str(error.value)
    assert message.startswith(f"{source}: ")
    assert "\n" not in message
    assert error.value.__cause__ is None
    assert error.value.__context__ is None or error.value.__suppress_context__
    return error.value.reason


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_text_pdf_gives_every_paragraph_whole_without_page_furniture(tmp_path, layout):
    pdf = article_pdf(tmp_path, layout=layout)
    texts = page_texts(pdf)
    assert len(texts) == 3
    assert all(RUNNING_HEADER in text and f"Page {n} of 3" in text for n, text in enumerate(texts, 1))

    title, body = pdf_to_article(pdf, "otters.pdf")

    assert title == HEADLINE
    assert body.split("\n") == PARAGRAPHS
    assert "Courier" not in body and not re.search(r"Page \d", body)


def test_words_hyphenated_at_line_ends_are_made_whole(tmp_path):
    pdf = article_pdf(tmp_path)
    broken = broken_words(page_texts(pdf))
    hyphenated = [(head, tail) for head, tail in broken if head + tail in " ".join(PARAGRAPHS)]
    assert hyphenated, "the fixture should hyphenate some words at line ends"

    _, body = pdf_to_article(pdf, "otters.pdf")

    for head, tail in hyphenated:
        assert head + tail in body
        assert f"{head}-{tail}" not in body and f"{head}\u00ad{tail}" not in body
    assert "four-kilometre" in body and "long-term" in body
    assert "\u00ad" not in body


def test_hard_hyphens_at_line_ends_join_words_but_keep_compounds(tmp_path):
    # Line breaks in the data stand in for a PDF writer that hyphenates with
    # ordinary hyphens.
    paragraphs = [
        "The inter-\nnational team agreed a long-\nterm plan for the river.",
        "Every long-term plan needs money, said the anti-\nAmerican speaker at the COVID-\n19 briefing.",
    ]
    pdf = typst_pdf(tmp_path, PLAIN_TYP, "plain", {"paragraphs": paragraphs})
    assert len(broken_words(page_texts(pdf))) == 2

    title, body = pdf_to_article(pdf, "plan.pdf")

    assert title is None
    assert body.split("\n") == [
        "The international team agreed a long-term plan for the river.",
        "Every long-term plan needs money, said the anti-American speaker at the COVID-19 briefing.",
    ]


@pytest.mark.parametrize("footer", ["{n}", "- {n} -", "{n} / {total}", "Daily Courier, 12 May 2025, page {n}"])
def test_running_footers_and_page_numbers_are_dropped(tmp_path, footer):
    pdf = article_pdf(tmp_path, footer=footer)

    _, body = pdf_to_article(pdf, "otters.pdf")

    assert body.split("\n") == PARAGRAPHS


def test_headline_is_the_title_when_the_pdf_has_none(tmp_path):
    pdf = article_pdf(tmp_path, document_title=None)
    assert "/Title" not in (pypdf.PdfReader(io.BytesIO(pdf)).metadata or {})

    title, body = pdf_to_article(pdf, "otters.pdf")

    assert title == HEADLINE
    assert body.split("\n") == PARAGRAPHS


@pytest.mark.parametrize("junk", ["Untitled", "Microsoft Word - otters.docx", "doc1.docx", "Document1"])
def test_a_placeholder_document_title_gives_way_to_the_headline(tmp_path, junk):
    pdf = article_pdf(tmp_path, document_title=junk)

    title, body = pdf_to_article(pdf, "otters.pdf")

    assert title == HEADLINE
    assert body.split("\n") == PARAGRAPHS


def test_a_document_title_with_the_site_name_gives_the_headline(tmp_path):
    pdf = article_pdf(tmp_path, document_title=f"{HEADLINE} | Daily Courier")

    title, body = pdf_to_article(pdf, "otters.pdf")

    assert title == HEADLINE
    assert body.split("\n") == PARAGRAPHS


def test_a_different_document_title_is_the_title_and_the_headline_stays(tmp_path):
    pdf = article_pdf(tmp_path, document_title="Wend otter survey 2025")

    title, body = pdf_to_article(pdf, "otters.pdf")

    assert title == "Wend otter survey 2025"
    assert body.split("\n") == [HEADLINE, *PARAGRAPHS]


@pytest.mark.parametrize("footer", ["", "Scanned with PocketScan"])
def test_a_scanned_pdf_asks_for_ocr(tmp_path, footer):
    (tmp_path / "scan.png").write_bytes(png(240, 320))
    pdf = typst_pdf(tmp_path, SCAN_TYP, "scan", {"pages": 3, "footer": footer})
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 3

    with pytest.raises(ArticleError) as error:
        pdf_to_article(pdf, "scan.pdf")

    reason = assert_one_line_error(error, "scan.pdf")
    assert "scanned" in reason and "OCR" in reason and "ocrmypdf" in reason


def test_a_pdf_of_blank_pages_asks_for_ocr():
    writer = pypdf.PdfWriter()
    for _ in range(2):
        writer.add_blank_page(width=420, height=595)
    stream = io.BytesIO()
    writer.write(stream)

    with pytest.raises(ArticleError) as error:
        pdf_to_article(stream.getvalue(), "blank.pdf")

    assert "scanned" in assert_one_line_error(error, "blank.pdf")


def test_a_pdf_locked_with_a_password_is_refused(tmp_path):
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(article_pdf(tmp_path)))
    writer.encrypt("secret")
    stream = io.BytesIO()
    writer.write(stream)

    with pytest.raises(ArticleError) as error:
        pdf_to_article(stream.getvalue(), "locked.pdf")

    assert "password" in assert_one_line_error(error, "locked.pdf")


def test_a_pdf_encrypted_without_a_user_password_is_read(tmp_path):
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(article_pdf(tmp_path)))
    writer.encrypt("", owner_password="owner")
    stream = io.BytesIO()
    writer.write(stream)

    title, body = pdf_to_article(stream.getvalue(), "protected.pdf")

    assert title == HEADLINE
    assert body.split("\n") == PARAGRAPHS


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda pdf: b"\x00\x01 not a pdf at all " * 50, "not a PDF"),
        (lambda pdf: b"%PDF-1.7\n" + b"garbage " * 200, "damaged"),
        (lambda pdf: pdf[: len(pdf) // 2], "damaged"),
        (lambda pdf: pdf.replace(b"xref", b"xxxx").replace(b"/Root", b"/Rxxx"), "damaged"),
    ],
    ids=["garbage", "header-only", "truncated", "no-catalogue"],
)
def test_a_broken_pdf_is_a_one_line_error(tmp_path, caplog, make, expected):
    data = make(article_pdf(tmp_path))

    with pytest.raises(ArticleError) as error:
        pdf_to_article(data, "broken.pdf")

    assert expected in assert_one_line_error(error, "broken.pdf")
    assert not [record for record in caplog.records if record.name.startswith("pypdf")]


def word_document(*, core_title: str = "") -> bytes:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEADER
    section.footer.paragraphs[0].text = "Page 1"
    document.core_properties.title = core_title
    document.add_paragraph(HEADLINE, style="Title")
    document.add_paragraph("")
    document.add_paragraph(PARAGRAPHS[0])
    lead = document.add_paragraph("The survey was carried out ")
    lead.add_run("last winter").bold = True
    lead.add_run(" by 212\tvolunteers.")
    document.add_heading("What the volunteers found", level=1)
    document.add_paragraph("   ")
    table = document.add_table(rows=4, cols=3)
    for cells, values in zip(
        (row.cells for row in table.rows),
        [("Site", "Signs", "Visits"), ("Millford", "yes", "12"), ("Calder", "", "9"), ("", "", "")],
    ):
        for cell, value in zip(cells, values):
            cell.text = value
    document.add_paragraph(PARAGRAPHS[-1])
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


WORD_BODY = [
    PARAGRAPHS[0],
    "The survey was carried out last winter by 212 volunteers.",
    "What the volunteers found",
    "Site; Signs; Visits",
    "Millford; yes; 12",
    "Calder; 9",
    PARAGRAPHS[-1],
]


def test_word_document_gives_paragraphs_and_table_rows_in_order():
    title, body = docx_to_article(word_document(), "otters.docx")

    assert title == HEADLINE
    assert body.split("\n") == WORD_BODY
    assert "Courier" not in body and "Page 1" not in body


def test_word_title_property_is_the_title_and_the_title_paragraph_is_not_repeated():
    title, body = docx_to_article(word_document(core_title=HEADLINE), "otters.docx")

    assert title == HEADLINE
    assert body.split("\n") == WORD_BODY


def test_word_title_property_that_differs_leaves_the_title_paragraph_in_the_body():
    title, body = docx_to_article(word_document(core_title="Otter survey"), "otters.docx")

    assert title == "Otter survey"
    assert body.split("\n") == [HEADLINE, *WORD_BODY]


def test_word_first_heading_is_the_title_without_a_title_style():
    document = docx.Document()
    document.add_heading("Otters are back", level=1)
    document.add_paragraph(PARAGRAPHS[0])
    document.add_heading("Methods", level=1)
    document.add_paragraph(PARAGRAPHS[6])
    stream = io.BytesIO()
    document.save(stream)

    title, body = docx_to_article(stream.getvalue(), "otters.docx")

    assert title == "Otters are back"
    assert body.split("\n") == [PARAGRAPHS[0], "Methods", PARAGRAPHS[6]]


def test_word_document_without_headings_has_no_title():
    document = docx.Document()
    document.add_paragraph(PARAGRAPHS[0])
    stream = io.BytesIO()
    document.save(stream)

    assert docx_to_article(stream.getvalue(), "notes.docx") == (None, PARAGRAPHS[0])


def zip_of(files: dict[str, str]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return stream.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01 not a zip " * 20,
        zip_of({"notes.txt": "hello"}),
        zip_of({"[Content_Types].xml": "<Types", "word/document.xml": "<w:document"}),
        word_document()[:2000],
    ],
    ids=["garbage", "zip-of-text", "broken-xml", "truncated"],
)
def test_a_broken_word_file_is_a_one_line_error(data):
    with pytest.raises(ArticleError) as error:
        docx_to_article(data, "broken.docx")

    assert "not a readable Word .docx file" in assert_one_line_error(error, "broken.docx")
