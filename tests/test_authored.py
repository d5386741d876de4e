"""A teacher's own items: `quizgen items add` on the command line and in a terminal,
decks, and such items in every export and in the quiz, against a real store."""

from __future__ import annotations

import io
import json
import os
import sys
import xml.etree.ElementTree as ET

import pexpect
import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from quizgen.ingest import ArticleText
from quizgen.store import ItemRecord, Store, schema
from quizgen.store.engine import create_engine, resolve_url
from tests.conftest import ROOT
from tests.test_export_anki import import_apkg, note_by_guid
from tests.test_export_lms import read_gift
from tests.test_import import counts, snapshot
from tests.test_quiz import answer_all, logs, spawn

TIMEOUT = 60
OWN = (
    "question,answer,option 1,option 2\n"
    "What is the capital of Mali?,Bamako,Niamey,Dakar\n"
    "The longest river in Africa is the {{Nile}}.,,,\n"
    "Water boils at 100 degrees Celsius at sea level.,true,,\n"
    "Who wrote Things Fall Apart?,Chinua Achebe,,\n"
)


def added(cli, *args: str) -> str:
    result = cli("items", "add", *args)
    assert result.code == 0, result.err
    return result.out


def test_items_add_makes_each_kind_in_a_deck_made_on_first_use(cli, store):
    assert added(cli, "--deck", "Geography", "-q", "What is the capital of Niger?", "-a", "Niamey") == (
        "added   item 1 (wh) in deck 1: Geography (new) - What is the capital of Niger? -> Niamey\n"
    )
    added(
        cli, "--deck", "geography ", "-q", "What is the capital of Mali?", "-a", "Bamako", "-w", "Niamey", "-w", "Dakar"
    )
    added(cli, "--deck", "Geography", "--statement", "Dakar is in Senegal.", "--answer", "TRUE")
    out = added(cli, "--deck", "Geography", "--cloze", "The capital of Chad is {{c1::N'Djamena::a city}}.")
    assert out == "added   item 4 (cloze) in deck 1: Geography - The capital of Chad is _____. -> N'Djamena\n"

    rows = sorted(store.items(1), key=lambda row: row.id)
    assert [(r.kind, r.prompt, r.answer, r.distractors, r.status, r.score) for r in rows] == [
        ("wh", "What is the capital of Niger?", "Niamey", [], "approved", 1.0),
        ("multiple_choice", "What is the capital of Mali?", "Bamako", ["Niamey", "Dakar"], "approved", 1.0),
        ("true_false", "Dakar is in Senegal.", "True", [], "approved", 1.0),
        ("cloze", "The capital of Chad is _____.", "N'Djamena", [], "approved", 1.0),
    ]
    cloze = rows[3]
    assert cloze.sentence == "The capital of Chad is N'Djamena."
    assert cloze.sentence[cloze.answer_start : cloze.answer_end] == "N'Djamena"
    # Each is a fact of its own, none of them a sentence of the deck.
    assert sorted(r.sentence_start for r in rows) == [-4, -3, -2, -1]
    assert [(a["title"], a["kind"], a["items"]) for a in json.loads(cli("articles", "list", "--json").out)] == [
        ("Geography", "deck", 4)
    ]
    shown = cli("articles", "show", "1")
    assert shown.out.splitlines()[:2] == ["Geography", shown.out.splitlines()[1]]
    assert "deck 1 · 4 items" in shown.out and "deck of your own items" in shown.out
    assert json.loads(cli("articles", "show", "1", "--json").out)["kind"] == "deck"


def test_the_same_question_again_updates_its_item(cli, store):
    added(cli, "--deck", "Geography", "-q", "What is the capital of Niger?", "-a", "Niamey")
    again = added(cli, "--deck", "Geography", "-q", "what is the capital of niger", "-a", "Niamey, on the Niger")
    assert again.startswith("updated item 1 (wh) in deck 1: Geography")
    same = added(cli, "--deck", "Geography", "-q", "what is the capital of niger", "-a", "Niamey, on the Niger")
    assert same.startswith("exists  item 1")
    assert [(r.prompt, r.answer) for r in store.items()] == [("what is the capital of niger", "Niamey, on the Niger")]


def test_items_add_to_an_article(cli, store):
    article, _ = store.save_article(
        ArticleText(title="Sahel", text="Mali signed a deal.", source="s.txt", format="text")
    )
    out = added(cli, "--article", str(article.id), "-q", "Who signed a deal?", "-a", "Mali")
    assert out == "added   item 1 (wh) in article 1: Sahel - Who signed a deal? -> Mali\n"
    assert store.items(article.id)[0].rule == "authored/wh"


@pytest.mark.parametrize(
    "args, message",
    [
        (("-q", "Capital of Mali?", "-a", "Bamako", "-w", "bamako", "-w", " "),
         "a multiple choice needs at least one wrong option that differs from its answer"),
        (("--cloze", "The capital of Mali is Bamako."),
         'a cloze needs exactly one blank marked with {{ }}, as in "The capital of Mali is {{Bamako}}."; this has 0'),
        (("--cloze", "{{Bamako}} is the capital of {{Mali}}."),
         'a cloze needs exactly one blank marked with {{ }}, as in "The capital of Mali is {{Bamako}}."; this has 2'),
        (("--cloze", "The capital of Mali is {{ }}."), "the blank {{ }} is empty; write the answer inside it"),
        (("--statement", "Bamako is in Mali.", "-a", "yes"), "a true/false answer is true or false, not 'yes'"),
        (("--statement", "Bamako is in Mali.", "--cloze", "{{a}} b"),
         "give one of --question, --statement and --cloze, not --statement and --cloze"),
        (("--cloze", "The capital of Mali is {{Bamako}}.", "-a", "Bamako"),
         "a --cloze takes no --answer or --wrong: its answer is the text in {{ }}"),
        (("-q", "Capital of Mali?"), "give --question and --answer (and --wrong for a multiple choice), --statement "
         "and --answer true or false, or --cloze; or run in a terminal to be asked"),
    ],
)  # fmt: skip
def test_items_add_refuses_what_its_kind_cannot_be(cli, db_url, args, message):
    added(cli, "--deck", "Geography", "-q", "What is the capital of Niger?", "-a", "Niamey")
    before = snapshot(db_url)
    result = cli("items", "add", "--deck", "Geography", *args)
    assert (result.code, result.err) == (2, f"quizgen: error: {message}\n")
    assert snapshot(db_url) == before


def test_items_add_needs_a_deck_or_an_article_out_of_a_terminal(cli, db_url):
    result = cli("items", "add", "-q", "Capital of Mali?", "-a", "Bamako")
    assert (result.code, result.err) == (
        2,
        "quizgen: error: give --deck NAME or --article ID, or run in a terminal to be asked\n",
    )
    empty = cli("items", "add", "--deck", " \t", "-q", "Capital of Mali?", "-a", "Bamako")
    assert (empty.code, empty.err) == (2, "quizgen: error: a deck needs a name; give one with --deck NAME\n")
    assert counts(db_url) == {"article": 0, "item": 0}


# In a terminal, what is not given is asked for.


def terminal(db_url: str, *args: str) -> pexpect.spawn:
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "200"}
    env.pop("QUIZGEN_DB", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "quizgen", "--db", db_url, "items", "add", *args],
        env=env,
        encoding="utf-8",
        timeout=TIMEOUT,
        cwd=str(ROOT),
        dimensions=(50, 200),
    )


def finished(child: pexpect.spawn) -> str:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return child.before


def test_items_add_asks_for_a_cloze_in_a_terminal_until_it_has_one_blank(db_url):
    child = terminal(db_url)
    child.expect("deck: ")
    child.sendline("Geography")
    child.expect(r"kind: q question, m multiple choice, t true/false, c cloze \[q\]: ")
    child.sendline("c")
    child.expect(r"text, its answer in \{\{ \}\}: ")
    child.sendline("The capital of Mali is Bamako.")
    child.expect("Error: a cloze needs exactly one blank marked with")
    child.expect(r"text, its answer in \{\{ \}\}: ")
    child.sendline("The capital of Mali is {{Bamako}}.")
    assert "added   item 1 (cloze) in deck 1: Geography (new) - The capital of Mali is _____. -> Bamako" in finished(
        child
    )
    with Store(db_url) as store:
        assert [(r.kind, r.prompt, r.answer) for r in store.items()] == [
            ("cloze", "The capital of Mali is _____.", "Bamako")
        ]


def test_items_add_asks_for_a_multiple_choice_and_its_wrong_options(db_url):
    child = terminal(db_url, "--deck", "Geography")
    child.expect(r"\[q\]: ")
    child.sendline("m")
    child.expect("question: ")
    child.sendline("What is the capital of Niger?")
    child.expect("answer: ")
    child.sendline("Niamey")
    child.expect("wrong option: ")
    child.sendline("niamey")
    child.expect("Error: that is the answer, or a wrong option given already; give another")
    child.expect("wrong option: ")
    child.sendline("Bamako")
    child.expect(r"wrong option \(Enter to finish\): ")
    child.sendline("bamako")
    child.expect("Error: that is the answer, or a wrong option given already; give another")
    child.expect(r"wrong option \(Enter to finish\): ")
    child.sendline("Dakar")
    child.expect(r"wrong option \(Enter to finish\): ")
    child.sendline("")
    assert "added   item 1 (multiple_choice)" in finished(child)
    with Store(db_url) as store:
        assert [(r.prompt, r.answer, r.distractors) for r in store.items()] == [
            ("What is the capital of Niger?", "Niamey", ["Bamako", "Dakar"])
        ]


def test_items_add_asks_only_for_what_is_missing(db_url):
    child = terminal(db_url, "--deck", "Geography", "--statement", "Dakar is in Mali.")
    child.expect("true or false: ")
    child.sendline("maybe")
    child.expect("Error: a true/false answer is true or false, not 'maybe'")
    child.expect("true or false: ")
    child.sendline("False")
    assert "added   item 1 (true_false)" in finished(child)


# Everywhere items go.


@pytest.fixture
def own_deck(cli, store, tmp_path) -> tuple[int, list[ItemRecord]]:
    """A store with a draft item of an article and a deck of four items of one's own."""
    article, _ = store.save_article(
        ArticleText(title="Sahel", text="Mali signed a deal.", source="s.txt", format="text")
    )
    with store.session(write=True) as session:
        session.add(
            ItemRecord(
                article_id=article.id, key="draft", kind="wh", prompt="Who signed a deal?", answer="Mali",
                sentence="Mali signed a deal.", sentence_start=0, answer_start=0, answer_end=4, rule="test",
            )
        )  # fmt: skip
        session.commit()
    path = tmp_path / "own.csv"
    path.write_text(OWN, encoding="utf-8")
    result = cli("import", path, "--deck", "Geography", "--json")
    assert result.code == 0, result.err
    deck = json.loads(result.out)["article_id"]
    return deck, sorted(store.items(deck), key=lambda row: row.id)


def test_own_items_are_notes_in_anki_and_import_again_without_duplicates(cli, own_deck, anki, tmp_path):
    deck, items = own_deck
    apkg = tmp_path / "own.apkg"
    assert cli("export", "anki", "--out", apkg).code == 0
    log = import_apkg(anki, apkg)
    assert len(log.new) == 5 and not log.updated  # the article's draft goes too
    by_kind = {item.kind: note_by_guid(anki, item.key) for item in items}
    assert by_kind["wh"]["Question"] == "Who wrote Things Fall Apart?" and by_kind["wh"]["Answer"] == "Chinua Achebe"
    assert by_kind["cloze"]["Text"] == "The longest river in Africa is the {{c1::Nile}}."
    assert by_kind["true_false"]["Statement"] == "Water boils at 100 degrees Celsius at sea level."
    assert "Niamey" in by_kind["multiple_choice"]["Options"]
    assert {anki.decks.name(card.did) for note in by_kind.values() for card in note.cards()} == {"quizgen::Geography"}

    (tmp_path / "own.csv").write_text(OWN, encoding="utf-8")
    assert cli("import", tmp_path / "own.csv", "--deck", "Geography").code == 0
    assert cli("export", "anki", "--out", apkg).code == 0
    again = import_apkg(anki, apkg)
    assert not again.new and not again.updated
    assert anki.note_count() == 5


def test_own_items_go_to_moodle_and_gift(cli, own_deck, tmp_path):
    _, items = own_deck
    gift = tmp_path / "own.gift"
    assert cli("export", "gift", "--out", gift).code == 0
    questions = [q for q in read_gift(gift.read_text(encoding="utf-8")) if q["type"] != "category"]
    assert sorted((q["type"], q["name"]) for q in questions) == [
        ("multichoice", "What is the capital of Mali?"),
        ("shortanswer", "The longest river in Africa is the _____."),
        ("shortanswer", "Who signed a deal?"),
        ("shortanswer", "Who wrote Things Fall Apart?"),
        ("truefalse", "Water boils at 100 degrees Celsius at sea level."),
    ]
    moodle = tmp_path / "own.xml"
    assert cli("export", "moodle", "--out", moodle).code == 0
    found = {
        (q.get("type"), q.findtext("name/text")) for q in ET.parse(moodle).getroot() if q.get("type") != "category"
    }
    assert found == {
        ("multichoice", "What is the capital of Mali?"),
        ("cloze", "The longest river in Africa is the _____."),
        ("shortanswer", "Who signed a deal?"),
        ("shortanswer", "Who wrote Things Fall Apart?"),
        ("truefalse", "Water boils at 100 degrees Celsius at sea level."),
    }


def test_own_items_leave_the_drafts_in_every_export_until_one_is_approved(cli, own_deck, store):
    from quizgen.export.selection import select_items

    chosen = select_items(store)
    assert not chosen.approved_only
    assert len(chosen.items) == 5 and "Who signed a deal?" in {row.prompt for row in chosen.items}
    other = next(row for row in store.items() if row.key == "draft")
    with store.session(write=True) as session:
        session.add(
            ItemRecord(
                article_id=other.article_id, key="second", kind="wh", prompt="What did Mali sign?", answer="a deal",
                sentence="Mali signed a deal.", sentence_start=0, answer_start=12, answer_end=18, rule="test",
            )
        )  # fmt: skip
        session.commit()
    assert cli("items", "approve", str(other.id)).code == 0
    reviewed = select_items(store)
    assert reviewed.approved_only
    assert {row.prompt for row in reviewed.items} == {"Who signed a deal?", *(row.prompt for row in own_deck[1])}


def test_own_items_each_go_on_the_worksheet(cli, own_deck, tmp_path):
    deck, _ = own_deck
    sheet = tmp_path / "sheet.pdf"
    assert cli("export", "print", str(deck), "--out", sheet).code == 0
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(sheet.read_bytes())).pages).split())
    for question in (
        "What is the capital of Mali?",
        "The longest river in Africa is the",
        "Water boils at 100 degrees Celsius at sea level.",
        "Who wrote Things Fall Apart?",
    ):
        assert question in text
    key = " ".join(
        " ".join(
            page.extract_text() for page in PdfReader(io.BytesIO((tmp_path / "sheet-key.pdf").read_bytes())).pages
        ).split()
    )
    for answer in ("Bamako", "Nile", "True", "Chinua Achebe"):
        assert answer in key


def test_own_items_are_asked_in_the_quiz(cli, own_deck, db_url):
    deck, items = own_deck
    child = spawn(db_url, "--article", str(deck))
    child.logfile_read = shown = io.StringIO()
    asked = answer_all(child, items)
    assert sorted(item.id for item in asked) == [item.id for item in items]
    # Only the cloze has a source sentence to show; no other item shows an empty one.
    assert shown.getvalue().count("Source:") == 1
    assert sorted(log.item_id for log in logs(db_url)) == [item.id for item in items]
    assert all(log.correct for log in logs(db_url))


# The schema.


def test_upgrading_marks_every_stored_row_an_article(db_url):
    engine = create_engine(resolve_url(db_url))
    try:
        schema.upgrade(engine, "0006")
        with engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO article (title, source, text, content_hash, language, added_at) "
                    "VALUES ('Old', 'old.txt', 'Old text.', 'abc', 'en', '2024-09-23 12:00:00')"
                )
            )
        schema.upgrade(engine)
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT title, kind FROM article")).all() == [("Old", "article")]
    finally:
        engine.dispose()
    with Store(db_url) as store:
        assert [(a.title, a.kind) for a in store.articles()] == [("Old", "article")]
