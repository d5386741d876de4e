"""The whole pipeline on any Unicode text: an article file is ingested, its items
generated and stored in an SQLite file, and exported as the command line exports
them, to an Anki deck, a printed worksheet (PDF and Word) and Moodle XML.

Articles are real news sentences with words and names spliced in from the
characters that mean something to one of the outputs (HTML and XML markup,
Anki's cloze braces, Typst and Markdown syntax, Moodle's embedded answers and
wildcards), control and invisible characters, emoji and combining marks, or
nothing but arbitrary text. Whatever the text, ingest stores it or refuses it
with a reason, generation does not crash, and every export is well formed and
shows the article's text as text.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import tempfile
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, Phase, event, example, given, settings
from hypothesis import strategies as st

from quizgen.export import ExportError
from quizgen.export.anki.fields import HINTS
from quizgen.export.lms.parts import answers, askable, choices, cloze_sides, form, one_line, pairs, short
from quizgen.export.print.files import asked_once
from quizgen.forms.options import shuffled_options
from quizgen.store import ItemRecord, Store
from quizgen.wording import BLANK, option_letter
from quizgen.workflows import add_articles
from tests.conftest import SEEDS
from tests.strategies import NEWS_SENTENCES
from tests.test_export_lms import moodle_questions, read_cloze, stored_literal, text_of

# Strings that are markup or syntax in at least one output, and characters
# that are easy to mishandle anywhere.
TOKENS = [
    "<script>alert(1)</script>",
    "<b>",
    "</p>",
    "<img src=x onerror=alert(1)>",
    "<!--",
    "-->",
    "&",
    "&amp;",
    "&#35;",
    "&lt;",
    '"',
    "'",
    "]]>",
    "<![CDATA[",
    "{{c1::x}}",
    "{{c2::",
    "}}",
    "::",
    "{",
    "}",
    "{1:SHORTANSWER:=x}",
    "%50%",
    "~",
    "=",
    "#",
    "->",
    "//",
    '#panic("x")',
    '#read("/etc/passwd")',
    "$x^2$",
    "*bold*",
    "_under_",
    "_____",
    "`code`",
    "\\",
    "\\n",
    "@label",
    "<label>",
    "[",
    "]",
    "[blank]",
    "[html]",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\x00",
    "\x07",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1f",
    "\x7f",
    "\x85",
    "\u00a0",
    "\u00ad",
    "\u200b",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u202e",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\ufffd",
    "\ufffe",
    "\uffff",
    "\U0001f469\u200d\U0001f680",
    "\U0001f1f2\U0001f1f1",
    "e\u0301",
    "\u0301",
    "ß",
    "İ",
    "ﬁ",
    "中国",
    "مالي",
    "\U0001d400",
    "Tarasenko",
    "Bamako",
    "Glavkosmos",
]
# The worst of them, drawn more often.
MARKUP = [
    "<script>alert(1)</script>",
    "<b>",
    "&amp;",
    "]]>",
    "{{c1::x}}",
    "}}",
    '#panic("x")',
    "*bold*",
    "{1:SHORTANSWER:=x}",
]
ANY = st.characters(exclude_categories=("Cs",))
fuzz = st.lists(st.one_of(st.sampled_from(MARKUP), st.sampled_from(TOKENS), ANY), min_size=1, max_size=5).map("".join)
# Characters only the spliced text brings: an item holding one asks about it.
HOSTILE = set("<>&{}#$*_`@[]~\\=\x07\x0b\x0c\x1c\x1f\x7f\x85\u200b\u202e\ufeff")

FORMATS = ("txt", "md", "html")


@st.composite
def spliced(draw) -> str:
    """A real sentence with fuzz put into a word, in place of it, or between two."""
    words = draw(st.sampled_from(NEWS_SENTENCES)).split(" ")
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(words) - 1))
        piece = draw(fuzz)
        how = draw(st.sampled_from(["inside", "instead", "before"]))
        word = words[at]
        if how == "inside":
            cut = draw(st.integers(0, len(word)))
            words[at] = word[:cut] + piece + word[cut:]
        elif how == "instead":
            words[at] = piece + word[len(word.rstrip(".,;:")) :]
        else:
            words.insert(at, piece)
    return " ".join(words)


@dataclass(frozen=True)
class ArticleFile:
    suffix: str
    data: bytes


@st.composite
def article_files(draw) -> ArticleFile:
    """An article file of any of the three formats, in UTF-8 or UTF-16."""
    title = draw(fuzz)
    if draw(st.integers(0, 4)) == 0:
        paragraphs = [draw(st.text(ANY, max_size=600))]
    else:
        paragraph = st.lists(spliced(), min_size=1, max_size=4).map(" ".join)
        paragraphs = draw(st.lists(paragraph, min_size=1, max_size=5))
    suffix = draw(st.sampled_from(FORMATS))
    if suffix == "html":
        # Escaped, the fuzz is the article's text; raw, it is markup to read.
        quote = html.escape if draw(st.booleans()) else str
        body = "".join(f"<p>{quote(p)}</p>\n" for p in paragraphs)
        text = f"<html><head><title>{quote(title)}</title></head><body><article>\n{body}</article></body></html>"
    elif suffix == "md":
        text = f"# {title}\n\n" + "\n\n".join(paragraphs)
    else:
        text = title + draw(st.sampled_from(["\n", "\n\n", "\r\n"])) + "\n\n".join(paragraphs)
    return ArticleFile(suffix, text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))))


# The pipeline, as `quizgen add`, `quizgen generate` and `quizgen export` run it.


@dataclass(frozen=True)
class Stored:
    url: str
    folder: Path
    title: str
    items: list[ItemRecord]


@contextmanager
def pipeline(article: ArticleFile) -> Iterator[Stored | None]:
    """Ingest and generate in a new SQLite store; None when ingest refuses the file."""
    from quizgen.analyze import analyze
    from quizgen.generation import items_from_doc

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, f"article.{article.suffix}")
        path.write_bytes(article.data)
        url = f"sqlite:///{Path(folder, 'quizgen.db')}"
        with Store(url) as store:
            (outcome,) = add_articles(store, [path])
            if outcome.status == "failed":
                # A refusal is one line naming why, and stores nothing.
                assert outcome.reason and "\n" not in outcome.reason and outcome.article_id is None
                assert store.fetch_articles() == []
                event(f"refused at ingest: {outcome.reason.split(';')[0].split(' (')[0]}")
                yield None
                return
            assert outcome.status == "added"
            (stored,) = store.fetch_articles()
            items = items_from_doc(next(analyze([stored.text])), threshold=0.0)
            store.save_items(stored.id, items)
            rows = store.items(stored.id)
        # The store gives back exactly the text it was given.
        assert sorted((r.key, r.kind, r.prompt, r.answer, r.sentence, tuple(r.distractors)) for r in rows) == sorted(
            (i.key, i.kind, i.prompt, i.answer, i.sentence, i.distractors) for i in items
        )
        event("no items" if not rows else "items")
        if any(HOSTILE & set(r.prompt + r.answer + r.sentence) for r in rows):
            event("an item holds spliced characters")
        yield Stored(url, Path(folder), stored.title, rows)


def export(stored: Stored, *args: str) -> bool:
    """Run ``quizgen export ARGS`` on the store; False when it refuses, as it
    must, because there are no items. Any other error is raised (``--debug``)."""
    from quizgen.cli import main

    try:
        main(["--db", stored.url, "--debug", "export", *args])
    except SystemExit as done:
        assert done.code == 0, args
    except ExportError:
        assert not stored.items, "an export refused items it had"
        return False
    assert stored.items, "an export wrote a file with no items"
    return True


def fuzz_settings(share: float) -> settings:
    """A share of the active profile's examples (HYPOTHESIS_PROFILE=deep runs many more)."""
    return settings(
        max_examples=max(5, round(settings.default.max_examples * share)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )


# Reading HTML fields back.


# Control characters that Anki leaves out of a field (and "\x1f" separates fields).
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What a deck name must not hold: Anki would show it on several lines, or not at all.
LINE_BREAKING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
NOTE_TYPES = {
    "wh": "quizgen Q&A v1",
    "matching": "quizgen Q&A v1",
    "cloze": "quizgen Cloze v1",
    "multiple_choice": "quizgen Multiple choice v1",
    "true_false": "quizgen True/False v1",
}
ALLOWED_MARKUP = {
    "b": set(),
    "br": set(),
    "ol": {"choices"},
    "li": {"correct"},
    "span": {"letter", "verdict-true", "verdict-false"},
    "table": {"pairs"},
    "tr": set(),
    "td": set(),
}


class FieldReader(HTMLParser):
    """The text a field shows, and the markup it holds."""

    def __init__(self, field: str) -> None:
        super().__init__(convert_charrefs=True)
        self.shown: list[str] = []
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.feed(field)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        if tag == "br":
            self.shown.append("\n")

    def handle_data(self, data):
        self.shown.append(data)

    def unknown_decl(self, data):
        raise AssertionError(f"markup declaration in a field: {data!r}")

    def handle_comment(self, data):
        raise AssertionError(f"comment in a field: {data!r}")

    def handle_decl(self, decl):
        raise AssertionError(f"declaration in a field: {decl!r}")

    def handle_pi(self, data):
        raise AssertionError(f"processing instruction in a field: {data!r}")


def shown(field: str) -> str:
    """What Anki shows of a field, after checking that its only markup is quizgen's own."""
    reader = FieldReader(field)
    for tag, attrs in reader.tags:
        assert tag in ALLOWED_MARKUP, (tag, field)
        for name, value in attrs:
            assert name == "class" and value in ALLOWED_MARKUP[tag], (tag, name, value, field)
    return "".join(reader.shown)


def as_field(text: str) -> str:
    """Plain text as a field shows it: no control characters, line breaks kept, tabs made spaces."""
    return CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")


def check_cloze(field: str, item: ItemRecord) -> None:
    # One cloze, and no brace of the article's left to start or end another.
    assert field.count("{{c1::") == 1 and field.count("{") == 2 and field.count("}") == 2, field
    start, end = field.index("{{c1::"), field.index("}}")
    assert start < end and field[start + 6 : end].count("::") <= 1, field
    if item.prompt.count(BLANK) == 1:
        before, after = item.prompt.split(BLANK)
        hint = f"::{HINTS[item.label]}" if item.label in HINTS else ""
        expected = as_field(before) + "{{c1::" + as_field(item.answer or "…") + hint + "}}" + as_field(after)
        assert shown(field) == expected
    else:
        shown(field)


def check_note(item: ItemRecord, title: str, model: dict, values: list[str]) -> None:
    """A note of the package against its item: the model's fields, each showing the item's text."""
    names = [f["name"] for f in model["flds"]]
    assert len(values) == len(names), (model["name"], values)
    field = dict(zip(names, values))
    assert shown(field.pop("Article")) == as_field(title)
    kind = item.kind
    assert model["name"] == NOTE_TYPES[kind] and model["type"] == (1 if kind == "cloze" else 0)
    if kind == "cloze":
        check_cloze(field.pop("Text"), item)
    elif kind == "matching":
        assert shown(field.pop("Question")).startswith(as_field(item.prompt))
        assert shown(field.pop("Answer")) == "".join(as_field(left + right) for left, right in item.pairs)
    elif kind == "multiple_choice":
        assert shown(field.pop("Question")) == as_field(item.prompt)
        options, correct = shuffled_options(item.key, item.answer, list(item.distractors))
        assert shown(field.pop("Options")) == "".join(
            f"{option_letter(n)} {as_field(o)}" for n, o in enumerate(options)
        )
        assert shown(field.pop("Answer")) == f"{option_letter(correct)}. {as_field(item.answer)}"
        assert shown(field.pop("Source")) == as_field(item.sentence)
    elif kind == "true_false":
        assert shown(field.pop("Statement")) == as_field(item.prompt)
        assert shown(field.pop("Answer")) == item.answer.strip().capitalize()
        assert shown(field.pop("Source")) == as_field(item.sentence)
    else:
        assert shown(field.pop("Question")) == as_field(item.prompt)
        assert shown(field.pop("Answer")) == as_field(item.answer)
        assert shown(field.pop("Source")) == as_field(item.sentence)
    for rest in field.values():
        shown(rest)


def package_fields(path: Path, items: list[ItemRecord], titles: dict[int, str]) -> dict[str, list[str]]:
    """Check an .apkg against its items; the fields of each note, by GUID."""
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == ["collection.anki2", "media"]
        assert json.loads(archive.read("media")) == {}
        data = archive.read("collection.anki2")
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(data)
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        models_json, decks_json = connection.execute("SELECT models, decks FROM col").fetchone()
        notes = connection.execute("SELECT id, guid, mid, flds, sfld FROM notes").fetchall()
        cards = connection.execute("SELECT nid, did, ord FROM cards").fetchall()
    finally:
        connection.close()
    models, decks = json.loads(models_json), json.loads(decks_json)
    by_key = {item.key: item for item in items}
    assert sorted(guid for _, guid, _, _, _ in notes) == sorted(by_key)
    cards_of = Counter(nid for nid, _, _ in cards)
    found = {}
    for note_id, guid, model_id, fields, sort_field in notes:
        model = models[str(model_id)]
        values = found[guid] = fields.split("\x1f")
        assert sort_field == values[0]
        item = by_key[guid]
        check_note(item, titles[item.article_id], model, values)
        assert cards_of[note_id] == (1 if model["type"] == 1 else len(model["tmpls"]))
    for _, deck, _ in cards:
        # A subdeck of "quizgen" per article: its title never nests a deck or breaks a line.
        parent, child = decks[str(deck)]["name"].split("::")
        assert parent == "quizgen" and child == child.strip() and not LINE_BREAKING.search(child), child
    assert {ord_ for _, _, ord_ in cards} <= {0}
    return found


# Reading printed text back.

# Control characters other than tab and line breaks, U+FFFE and U+FFFF: a
# printed sheet leaves them out.
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def squashed(text: str) -> str:
    return "".join(text.split())


def on_paper(text: str) -> str | None:
    """The text as pypdf reads it back from a sheet, whitespace aside; None when it
    has characters that the sheet's fonts may lack or pypdf may read otherwise."""
    kept = squashed(UNPRINTABLE.sub("", text))
    return kept if all(" " < ch <= "~" for ch in kept) else None


def pdf_text(path: Path) -> str:
    """A PDF's text without whitespace, and without the invisible characters and marks
    that a PDF can attach to the glyph before them (a soft hyphen, U+00AD, after a "0"
    makes every "0" of that font read back with a soft hyphen)."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    assert len(reader.pages) >= 1
    text = " ".join(page.extract_text() for page in reader.pages)
    return squashed("".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Mn", "Me")))


def check_worksheet(stored: Stored) -> None:
    questions, _ = asked_once(stored.items)
    worksheet, key = pdf_text(stored.folder / "sheet.pdf"), pdf_text(stored.folder / "sheet-key.pdf")
    total = sum(len(item.pairs) if item.kind == "matching" else 1 for item in questions)
    assert f"Total:{total}point{'s' if total != 1 else ''}" in worksheet
    if (title := on_paper(stored.title)) is not None:
        assert title in worksheet and title in key
    # Read back as they are, texts were not taken for markup (which would also have stopped Typst).
    for item in questions:
        kind = item.kind
        if (prompt := on_paper(item.prompt)) is not None:
            event("a printed question read back")
            assert prompt in worksheet, item.prompt
        for option in item.distractors if kind == "multiple_choice" else ():
            if (shown_option := on_paper(option)) is not None:
                assert shown_option in worksheet, option
        for pair in item.pairs:
            for side in map(on_paper, pair):
                assert side is None or side in worksheet, pair
        if kind != "matching" and (answer := on_paper(item.answer)) is not None:
            assert answer in key, item.answer
        if (sentence := on_paper(item.sentence)) is not None:
            assert sentence in key, item.sentence


def check_word(stored: Stored) -> None:
    import docx as python_docx

    def flat(text: str) -> str:
        return " ".join(UNPRINTABLE.sub("", text).split())

    questions, _ = asked_once(stored.items)
    for name, wanted in (
        ("sheet.docx", [i.prompt for i in questions]),
        ("sheet-key.docx", [i.sentence for i in questions]),
    ):
        document = python_docx.Document(stored.folder / name)
        text = flat(
            " ".join(
                [p.text for p in document.paragraphs]
                + [cell.text for table in document.tables for row in table.rows for cell in row.cells]
            )
        )
        for expected in wanted:
            assert flat(expected) in text, expected


def check_moodle(data: bytes, stored: Stored) -> None:
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    everything = moodle_questions(data)
    categories = [q for q in everything if q.get("type") == "category"]
    title = one_line(stored.title).replace("/", "//")
    assert [text_of(q, "category") for q in categories] == ["$course$/top/quizgen" + (f"/{title}" if title else "")]
    questions = [q for q in everything if q.get("type") != "category"]
    written = [item for item in stored.items if askable(item)]
    assert len(questions) == len(written)
    for question, item in zip(questions, written):
        kind = form(item)
        assert question.findtext("idnumber") == item.key
        assert text_of(question, "name") == short(item.prompt or item.sentence)
        if kind == "cloze":
            found, rest = read_cloze(text_of(question, "questiontext"))
            assert [stored_literal(a) for a in found] == answers(item)
            before, after = cloze_sides(item)
            assert html.unescape(rest) == before + "{#1}" + after
            continue
        for field, expected in (
            ("questiontext", item.prompt),
            ("generalfeedback", "" if kind == "matching" else item.sentence),
        ):
            assert "<" not in text_of(question, field)
            assert html.unescape(text_of(question, field)) == one_line(expected)
        given_answers = question.findall("answer")
        if kind == "multiple_choice":
            options, correct = choices(item)
            assert [(a.get("fraction"), html.unescape(text_of(a, "."))) for a in given_answers] == [
                ("100" if n == correct else "0", o) for n, o in enumerate(options)
            ]
        elif kind == "wh":
            assert [stored_literal(text_of(a, ".")) for a in given_answers] == answers(item)
        elif kind == "true_false":
            truth = one_line(item.answer).lower() == "true"
            assert [(text_of(a, "."), a.get("fraction")) for a in given_answers] == [
                ("true", "100" if truth else "0"),
                ("false", "0" if truth else "100"),
            ]
        elif kind == "matching":
            found = [(html.unescape(text_of(s, ".")), text_of(s, "answer")) for s in question.findall("subquestion")]
            assert found == pairs(item)


# The properties.


@fuzz_settings(0.2)
@given(article_files())
# "\x1f" in a sentence once ended up raw in a note, where it separates fields.
@example(
    ArticleFile(
        "txt",
        b"Title\n<b>\x1f23, a partnership was signed between Russia and the Alliance of Sahel States (AES), "
        b"a military cooperation including Mali, Niger, and Burkina Faso.",
    )
)
def test_a_fuzzed_article_gives_a_well_formed_anki_deck(article):
    with pipeline(article) as stored:
        if stored is not None and export(stored, "anki", "--out", str(stored.folder / "deck.apkg")):
            package_fields(stored.folder / "deck.apkg", stored.items, {stored.items[0].article_id: stored.title})


@fuzz_settings(0.15)
@given(article_files())
# U+FFFE once stopped the Word copy, and "\x1f" printed as an empty box.
@example(ArticleFile("txt", b"<script>alert(1)</script>\n\xef\xbf\xbeOn Monday, Sept."))
@example(
    ArticleFile(
        "txt",
        b"Title\n<b>\x1f23, a partnership was signed between Russia and the Alliance of Sahel States (AES), "
        b"a military cooperation including Mali, Niger, and Burkina Faso.",
    )
)
def test_a_fuzzed_article_prints_as_text_never_as_markup(article):
    with pipeline(article) as stored:
        if stored is not None and export(stored, "print", "--out", str(stored.folder / "sheet.pdf")):
            check_worksheet(stored)
            assert export(stored, "print", "--format", "docx", "--out", str(stored.folder / "sheet.docx"))
            check_word(stored)


@fuzz_settings(0.2)
@given(article_files())
def test_a_fuzzed_article_gives_moodle_xml_that_reads_back(article):
    with pipeline(article) as stored:
        if stored is not None and export(stored, "moodle", "--out", str(stored.folder / "quiz.xml")):
            check_moodle((stored.folder / "quiz.xml").read_bytes(), stored)


def test_most_fuzzed_articles_are_stored_and_many_give_items():
    """The strategy reaches the exporters: without items, the properties above check little."""
    seen: Counter[str] = Counter()

    @settings(max_examples=60, derandomize=True, database=None, phases=[Phase.generate], deadline=None)
    @given(article_files())
    def run(article):
        with pipeline(article) as stored:
            if stored is None:
                seen["refused"] += 1
            elif stored.items:
                seen["items"] += 1
                seen["hostile"] += any(HOSTILE & set(i.prompt + i.answer + i.sentence) for i in stored.items)
            else:
                seen["none"] += 1

    run()
    total = seen["refused"] + seen["items"] + seen["none"]
    assert total == 60
    # Fuzz garbles most sentences it touches, and generation refuses what reads garbled.
    assert seen["items"] >= total / 5, seen
    assert seen["hostile"] >= 3, seen


# The deck as Anki itself imports it: slow, so a few fixed articles.

FIXED = [
    ("Mali", "<script>alert(1)</script>"),
    ("Russia", "<img src=x onerror=alert(1)>"),
    ("deaths", '#panic("x") *bold* {{c2::boo}} }}'),
    ("Monday", "]]> \x07\u202e\U0001f469\u200d\U0001f680 & \\ {1:SHORTANSWER:=x}"),
]


def test_fixed_hostile_articles_import_into_anki_as_text(tmp_path):
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    from quizgen.analyze import analyze
    from quizgen.generation import items_from_doc

    title, body = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8").split("\n", 1)
    (tmp_path / "in").mkdir()
    for n, (name, hostile) in enumerate(FIXED):
        text = f"{title} {hostile}\n{body.replace(name, f'{name} {hostile}', 1)}"
        (tmp_path / "in" / f"{n}.txt").write_text(text, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'quizgen.db'}"
    with Store(url) as store:
        assert {o.status for o in add_articles(store, [tmp_path / "in"])} == {"added"}
        for article in store.fetch_articles():
            store.save_items(article.id, items_from_doc(next(analyze([article.text])), threshold=0.0))
        items = store.items()
        titles = {a.id: a.title for a in store.fetch_articles()}
    for _, hostile in FIXED:
        kept = hostile.replace("\x07", "").replace("\u202e", "")  # ingest removes stray control characters
        assert any(kept in i.prompt + i.answer + i.sentence for i in items), hostile
    stored = Stored(url, tmp_path, "", items)
    assert export(stored, "anki", "--out", str(tmp_path / "deck.apkg"))

    written = package_fields(tmp_path / "deck.apkg", items, titles)

    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        options = ImportAnkiPackageOptions(with_scheduling=False)
        log = col.import_anki_package(
            ImportAnkiPackageRequest(package_path=str(tmp_path / "deck.apkg"), options=options)
        ).log
        assert len(log.new) == len(items) and not log.conflicting
        assert col.note_count() == col.card_count() == len(items)
        by_key = {i.key: i for i in items}
        for note_id in col.find_notes(""):
            note = col.get_note(note_id)
            assert note.note_type()["name"] == NOTE_TYPES[by_key[note.guid].kind]
            assert note.fields == written[note.guid]
            for card in note.cards():
                for side in (card.question(), card.answer()):
                    lowered = side.lower()
                    assert "<script>alert" not in lowered and "<img src=x" not in lowered, side
    finally:
        col.close()
