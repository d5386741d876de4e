"""`quizgen export anki`: the .apkg as Anki itself imports it, re-imports and updates it,
and the same bytes for the same items."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.ingest import ArticleText
from quizgen.store import ItemRecord, ItemStatus, Store
from tests.conftest import ROOT, SEEDS

MADE = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
XSS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


# Stores of hand-made items: no spaCy, so these tests are fast.


def item(prompt: str, answer: str, *, kind: str = "wh", sentence: str | None = None, **fields) -> dict:
    sentence = sentence if sentence is not None else f"{prompt} {answer}."
    start = sentence.find(answer) if answer else -1
    return {
        "kind": kind,
        "prompt": prompt,
        "answer": answer,
        "sentence": sentence,
        "sentence_start": 0,
        "answer_start": start if start >= 0 else None,
        "answer_end": start + len(answer) if start >= 0 else None,
        "rule": "test",
        **fields,
    }


def cloze(sentence: str, answer: str, **fields) -> dict:
    start = sentence.find(answer)
    prompt = sentence[:start] + "_____" + sentence[start + len(answer) :] if answer and start >= 0 else sentence
    return item(prompt, answer, kind="cloze", sentence=sentence, **fields)


def add_items(store: Store, title: str, specs: list[dict], text: str = "Body.") -> list[ItemRecord]:
    """Store an article and its items; items are made a second apart, in order."""
    article, _ = store.save_article(ArticleText(title=title, text=f"{text} {title}", source="test", format="text"))
    rows = []
    for n, spec in enumerate(specs):
        key = hashlib.sha256(f"{article.id}:{n}:{spec['prompt']}".encode()).hexdigest()[:32]
        when = MADE + timedelta(seconds=n)
        rows.append(ItemRecord(article_id=article.id, key=key, created_at=when, updated_at=when, **spec))
    with store.session() as session:
        session.add_all(rows)
        session.commit()
    return store.items(article.id)


def package_rows(path: Path, query: str) -> list[tuple]:
    """Rows of the collection inside an .apkg, read without Anki."""
    with zipfile.ZipFile(path) as archive:
        data = archive.read("collection.anki2")
    connection = sqlite3.connect(":memory:")
    connection.deserialize(data)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


# Anki itself, from the `anki` package of the test extra.


@pytest.fixture
def collection(tmp_path: Path) -> Iterator:
    anki_collection = pytest.importorskip("anki.collection")
    folder = tmp_path / "anki"
    folder.mkdir()
    col = anki_collection.Collection(str(folder / "collection.anki2"))
    yield col
    col.close()


def import_apkg(col, path: Path):
    """Import as Anki's dialog does by default: update notes and note types if newer."""
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
    from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition

    if_newer = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER
    options = ImportAnkiPackageOptions(update_notes=if_newer, update_notetypes=if_newer, with_scheduling=False)
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=options)).log


def note_by_guid(col, guid: str):
    return col.get_note(col.db.scalar("SELECT id FROM notes WHERE guid = ?", guid))


# The seed corpus, generated once for the module.


def run(*args: str) -> None:
    from quizgen.cli import main

    try:
        main([str(a) for a in args])
    except SystemExit as exc:
        assert exc.code in (0, None), args


def seeds_generated(directory: Path, *options: str) -> str:
    url = f"sqlite:///{directory / 'seeds.db'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("QUIZGEN_MODEL", raising=False)
        run("--db", url, "add", SEEDS)
        run("--db", url, "generate", *options)
    return url


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seed corpus's items as `make demo` stores them: those predicted likely enough."""
    return seeds_generated(tmp_path_factory.mktemp("demo"), "--threshold", makefile_value("DEMO_THRESHOLD"))


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Every item of the seed corpus, of every kind, for the deck's note types."""
    return seeds_generated(tmp_path_factory.mktemp("seeds"), "--all")


def makefile_value(name: str) -> str:
    found = re.search(rf"^{name} := (.+)$", (ROOT / "Makefile").read_text(), re.MULTILINE)
    assert found, f"{name} is not set in the Makefile"
    return found.group(1).strip()


def test_the_committed_seed_deck_is_a_fresh_rebuild(demo_db, tmp_path, monkeypatch):
    committed = ROOT / makefile_value("SEED_DECK")
    rebuilt = tmp_path / "rebuilt.apkg"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", makefile_value("SEED_DECK_DATE"))
    run("--db", demo_db, "export", "anki", "--out", rebuilt, "--deck", makefile_value("SEED_DECK_NAME"))
    assert committed.exists(), f"{committed} is missing; build it with: make demo"
    assert rebuilt.read_bytes() == committed.read_bytes(), f"{committed} is out of date; rebuild it with: make demo"


def test_the_same_items_give_the_same_bytes(seed_db, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = tmp_path / "first.apkg", tmp_path / "second.apkg"
    run("--db", seed_db, "export", "anki", "--out", first)
    run("--db", seed_db, "export", "anki", "--out", second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        entries = archive.infolist()
    assert [e.filename for e in entries] == ["collection.anki2", "media"]
    assert {e.date_time for e in entries} == {(1980, 1, 1, 0, 0, 0)}
    assert {e.compress_type for e in entries} == {zipfile.ZIP_DEFLATED}


def test_the_seed_deck_in_anki(seed_db, collection, tmp_path, capsys):
    with Store(seed_db) as store:
        items = store.items()
        title = store.article(1).title
    deck = tmp_path / "seeds.apkg"
    capsys.readouterr()
    run("--db", seed_db, "export", "anki", "--out", deck, "--deck", "quizgen seeds")
    assert capsys.readouterr().out == f"{len(items)} items (all but rejected) from 1 article -> {deck}\n"

    log = import_apkg(collection, deck)
    assert len(log.new) == len(items) and not log.updated and not log.conflicting
    assert collection.note_count() == collection.card_count() == len(items)
    assert {d.name for d in collection.decks.all_names_and_ids()} == {
        "Default",
        "quizgen seeds",
        f"quizgen seeds::{title}",
    }
    subdeck = collection.decks.id_for_name(f"quizgen seeds::{title}")
    assert set(collection.db.list("SELECT DISTINCT did FROM cards")) == {subdeck}
    used = {collection.models.get(mid)["name"] for mid in collection.db.list("SELECT DISTINCT mid FROM notes")}
    note_type = {
        "wh": "quizgen Q&A v1",
        "matching": "quizgen Q&A v1",
        "cloze": "quizgen Cloze v1",
        "multiple_choice": "quizgen Multiple choice v1",
        "true_false": "quizgen True/False v1",
    }
    assert used == {note_type[item.kind] for item in items}
    assert {"quizgen Q&A v1", "quizgen Multiple choice v1", "quizgen True/False v1"} <= used

    aes = next(i for i in items if i.kind == "wh" and i.answer == "Alliance of Sahel States")
    note = note_by_guid(collection, aes.key)
    assert note.note_type()["name"] == "quizgen Q&A v1"
    assert (note["Question"], note["Answer"], note["Article"]) == (
        "What does AES stand for?",
        "Alliance of Sahel States",
        title,
    )
    assert "<b>Alliance of Sahel States</b>" in note["Source"]
    assert sorted(note.tags) == sorted(
        ["quizgen", "wh", "org", "burkina-faso-mali-and-niger-strengthen-russian-relations-in-a-new-satellite-deal"]
    )
    assert note.mod == int(aes.updated_at.timestamp())

    again = import_apkg(collection, deck)
    assert not again.new and not again.updated and len(again.duplicate) == len(items)
    assert collection.note_count() == len(items)


def test_an_edited_item_updates_its_note_and_keeps_its_reviews(store, cli, collection, tmp_path):
    wh, _ = add_items(
        store, "Satellites", [item("Who leads Glavkosmos?", "Ilya Tarasenko"), cloze("Mali signed in 2024.", "2024")]
    )
    deck = tmp_path / "deck.apkg"
    assert cli("export", "anki", "--out", deck).code == 0
    import_apkg(collection, deck)
    note = note_by_guid(collection, wh.key)
    card = note.cards()[0]
    card.start_timer()
    collection.sched.answerCard(card, 3)
    card.load()
    reviewed = (card.type, card.queue, card.ivl, card.due, card.reps)
    assert card.reps == 1

    with store.session() as session:
        row = session.get(ItemRecord, wh.id)
        row.prompt, row.answer = "Who is the Director General of Glavkosmos?", "Tarasenko"
        row.status = ItemStatus.edited
        row.updated_at = wh.updated_at + timedelta(minutes=5)
        session.add(row)
        session.commit()
    assert cli("export", "anki", "--out", deck).code == 0
    log = import_apkg(collection, deck)

    assert len(log.updated) == 1 and not log.new and len(log.duplicate) == 1
    updated = collection.get_note(note.id)
    assert (updated["Question"], updated["Answer"]) == ("Who is the Director General of Glavkosmos?", "Tarasenko")
    assert updated.mod == int((wh.updated_at + timedelta(minutes=5)).timestamp())
    card.load()
    assert (card.type, card.queue, card.ivl, card.due, card.reps) == reviewed
    assert collection.card_count() == 2


def test_article_html_shows_as_text_in_anki(store, cli, collection, tmp_path):
    script, img = XSS
    sentence = f"The page ran {script} and showed {img} to readers."
    add_items(
        store,
        f"{script} News",
        [
            item(f"What did the page run before {img}?", script, sentence=sentence, accepted_answers=[img]),
            cloze(sentence, img),
            item(
                "What did the page run?",
                script,
                kind="multiple_choice",
                sentence=sentence,
                distractors=[img, "a <b>", "c"],
            ),
            item(f"The page ran {img}.", "False", kind="true_false", sentence=sentence, distractors=[img]),
            item("Match them.", "", kind="matching", sentence="", pairs=[[script, img], ["a", "b"]]),
        ],
    )
    deck = tmp_path / "xss.apkg"
    assert cli("export", "anki", "--out", deck).code == 0
    import_apkg(collection, deck)
    assert collection.note_count() == collection.card_count() == 5
    escaped = {"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;"}
    for note_id in collection.find_notes(""):
        note = collection.get_note(note_id)
        content = "\n".join(note.fields)
        assert "<script" not in content.lower() and "<img" not in content.lower(), note.fields
        assert any(e in content for e in escaped), note.fields
        assert note["Article"] == "&lt;script&gt;alert(1)&lt;/script&gt; News"
        card = note.cards()[0]
        for side in (card.question(), card.answer()):
            assert "<script>alert" not in side and "<img src=x" not in side


@pytest.mark.parametrize(
    "sentence, answer",
    [
        ("It was written as x}}y by the editor.", "x}}y"),
        ("The code a::b was sent.", "a::b"),
        ("The template {{c2::boo}} was left in.", "{{c2::boo}}"),
        ("It ended with }}", "}}"),
        ("A {{c1:: opener and :: marks.", "{{c1::"),
        ("A sentence with {{c3::another}} cloze in it.", "sentence"),
        ("An answer with no place in its sentence.", "missing"),
        ("An edited answer that is now empty.", ""),
    ],
)
def test_every_cloze_note_makes_one_card(store, cli, collection, tmp_path, sentence, answer):
    add_items(store, "Clozes", [cloze(sentence, answer)])
    deck = tmp_path / "cloze.apkg"
    assert cli("export", "anki", "--out", deck).code == 0
    assert package_rows(deck, "SELECT count(*) FROM cards") == [(1,)]
    import_apkg(collection, deck)
    assert collection.note_count() == collection.card_count() == 1
    card = collection.get_card(collection.find_cards("")[0])
    assert card.ord == 0
    assert '<span class="cloze"' in card.question()


@given(st.text(max_size=30), st.text(max_size=30), st.text(max_size=30), st.sampled_from(["", "PERSON", "DATE"]))
def test_genanki_makes_a_card_of_every_cloze(before, answer, after, label):
    import genanki

    from quizgen.export.anki import CLOZE
    from quizgen.export.anki.fields import cloze_text
    from quizgen.export.anki.package import genanki_model

    sentence = before + answer + after
    row = ItemRecord(
        article_id=1,
        key="k",
        kind="cloze",
        prompt=before + "_____" + after,
        answer=answer,
        sentence=sentence,
        sentence_start=0,
        answer_start=len(before),
        answer_end=len(before) + len(answer),
        rule="test",
        label=label,
    )
    note = genanki.Note(model=genanki_model(CLOZE), fields=[cloze_text(row), "", ""])
    assert [card.ord for card in note.cards] == [0]


def test_multiple_choice_options_follow_the_shared_shuffle(store, cli, tmp_path):
    from quizgen.forms.options import shuffled_options

    (mc,) = add_items(
        store,
        "Options",
        [item("Which city?", "Bamako", kind="multiple_choice", distractors=["Niamey", "Dakar", "Accra"])],
    )
    deck = tmp_path / "mc.apkg"
    assert cli("export", "anki", "--out", deck).code == 0
    ((fields,),) = package_rows(deck, "SELECT flds FROM notes")
    options, correct = shuffled_options(mc.key, mc.answer, mc.distractors)
    shown = re.findall(r"<li(?: class='correct')?><span class='letter'>[A-D]</span> ([^<]+)</li>", fields)
    assert shown == options
    assert f"<li class='correct'><span class='letter'>{'ABCD'[correct]}</span> Bamako</li>" in fields
    assert fields.split("\x1f")[2] == f"{'ABCD'[correct]}. Bamako"


def test_reviewed_items_are_exported_once_there_are_any(store, cli, tmp_path):
    rows = add_items(store, "Review", [item(f"Question {n}?", f"answer {n}") for n in range(4)])
    deck = tmp_path / "deck.apkg"
    first = cli("export", "anki", "--out", deck)
    assert first.out == f"4 items (all but rejected) from 1 article -> {deck}\n"

    with store.session() as session:
        for row, status in zip(rows, ["approved", "edited", "rejected", "draft"]):
            stored = session.get(ItemRecord, row.id)
            stored.status = ItemStatus(status)
            session.add(stored)
        session.commit()
    second = cli("export", "anki", "--out", deck)
    assert second.out == f"2 approved items from 1 article -> {deck}\n"
    assert sorted(package_rows(deck, "SELECT guid FROM notes")) == sorted((r.key,) for r in rows[:2])


def test_decks_are_named_per_article_and_chosen_by_id(store, cli, tmp_path):
    add_items(store, "First :: part\x07 one\n", [item("One?", "one")])
    add_items(store, "Second", [item("Two?", "two")])
    deck = tmp_path / "deck.apkg"
    assert cli("export", "anki", "2", "--out", deck, "--deck", " Top :: News ").code == 0
    ((decks,),) = package_rows(deck, "SELECT decks FROM col")
    assert "Top::News::Second" in decks and "First" not in decks
    assert cli("export", "anki", "1", "--out", deck).code == 0
    ((decks,),) = package_rows(deck, "SELECT decks FROM col")
    assert '"quizgen::First : part one"' in decks
    tags = package_rows(deck, "SELECT tags FROM notes")
    assert tags == [(" quizgen wh first-part-one ",)]


def test_deck_ids_come_from_deck_names():
    from quizgen.export.anki.decks import deck_id

    assert deck_id("quizgen::News") == deck_id("quizgen::News")
    assert deck_id("quizgen::News") != deck_id("quizgen::Sport")
    assert 1 << 30 <= deck_id("quizgen") < 1 << 31


# Type-in cards: Anki's reviewers turn "[[type:FIELD]]" in a card's question
# into a box to type in, and compare what is typed with the field (for a
# cloze, with the card's own cloze of it) by Collection.compare_answer.

TYPED_KINDS = [
    item("Who leads Glavkosmos?", "Ilya Tarasenko", accepted_answers=["Tarasenko"], label="PERSON"),
    item("Which firm was it?", "AT&T <Labs>"),
    cloze("Mali signed with Ilya Tarasenko in 2024.", "Ilya Tarasenko", label="PERSON"),
    cloze("The code a::b x}}y was sent.", "a::b x}}y"),
    item("Which city?", "Bamako", kind="multiple_choice", distractors=["Niamey", "Dakar", "Accra"]),
    item("Mali signed in 2023.", "False", kind="true_false", sentence="Mali signed in 2024.", distractors=["2023"]),
    item("Match them.", "", kind="matching", sentence="", pairs=[["AES", "Alliance of Sahel States"], ["a", "b"]]),
]


def type_in_box(col, card) -> tuple[str, str]:
    """The field that a card's typing box names, and the text Anki compares a typed answer with."""
    found = re.search(r"\[\[type:(cloze:)?([^\]]+)\]\]", card.question())
    assert found, card.question()
    note = card.note()
    expected = note[found[2]]
    if found[1]:
        expected = col.extract_cloze_for_typing(expected, card.ord + 1)
    return found[2], expected


def marked_right(col, expected: str, typed: str) -> bool:
    """Whether Anki's comparison of ``typed`` with ``expected`` shows no wrong or missing letter."""
    shown = col.compare_answer(expected, typed)
    return "typeGood" in shown and "typeBad" not in shown and "typeMissed" not in shown


def test_type_in_cards_ask_for_the_answer_and_anki_compares_it(store, cli, collection, tmp_path):
    items = add_items(store, "Satellites", TYPED_KINDS)
    deck = tmp_path / "typed.apkg"
    assert cli("export", "anki", "--type-in", "--out", deck).code == 0
    log = import_apkg(collection, deck)
    assert len(log.new) == collection.card_count() == len(items)
    note_types = {
        "wh": "quizgen Q&A type-in v1",
        "cloze": "quizgen Cloze type-in v1",
        "multiple_choice": "quizgen Multiple choice v1",
        "true_false": "quizgen True/False v1",
        "matching": "quizgen Q&A v1",
    }
    for each in items:
        card = note_by_guid(collection, each.key).cards()[0]
        assert card.note_type()["name"] == note_types[each.kind]
        if each.kind not in ("wh", "cloze"):
            assert "[[type:" not in card.question() + card.answer()
            continue
        field, expected = type_in_box(collection, card)
        assert field == ("Answer" if each.kind == "wh" else "Text")
        assert marked_right(collection, expected, each.answer), (expected, each.answer)
        assert not marked_right(collection, expected, "Vladimir Putin")
        # The back shows the comparison where the box was, and no box of its own.
        assert card.answer().count("[[type:") == 1
    first = note_by_guid(collection, items[0].key).cards()[0]
    assert "Also accepted: Tarasenko" in first.answer()


def test_a_type_in_deck_rebuilt_re_imports_without_duplicates(store, cli, collection, tmp_path):
    from quizgen.export.anki import CLOZE_TYPE_IN, MULTIPLE_CHOICE, QA, QA_TYPE_IN, TRUE_FALSE

    items = add_items(store, "Satellites", TYPED_KINDS)
    first, second, plain = tmp_path / "first.apkg", tmp_path / "second.apkg", tmp_path / "plain.apkg"
    for deck in (first, second):
        assert cli("export", "anki", "--type-in", "--out", deck).code == 0
    assert first.read_bytes() == second.read_bytes()
    assert len(import_apkg(collection, first).new) == len(items)
    again = import_apkg(collection, second)
    assert not again.new and not again.updated and len(again.duplicate) == len(items)
    assert collection.note_count() == len(items)
    # The note types' ids are fixed, whatever the items: a matching set keeps the Q&A type.
    used = set(collection.db.list("SELECT DISTINCT mid FROM notes"))
    assert used == {QA_TYPE_IN.id, CLOZE_TYPE_IN.id, MULTIPLE_CHOICE.id, TRUE_FALSE.id, QA.id}
    # A note is its item's, whichever deck brought it: the other kind of deck adds nothing.
    assert cli("export", "anki", "--out", plain).code == 0
    ((models,),) = package_rows(plain, "SELECT models FROM col")
    assert str(QA_TYPE_IN.id) not in models and str(CLOZE_TYPE_IN.id) not in models
    mixed = import_apkg(collection, plain)
    assert not mixed.new and collection.note_count() == len(items)


def test_export_errors(cli, monkeypatch, tmp_path):
    assert cli("export", "anki", "3").err == "quizgen: error: no article with id 3; see: quizgen articles list\n"
    empty = cli("export", "anki", "--out", tmp_path / "x.apkg")
    assert (empty.code, empty.err) == (
        1,
        "quizgen: error: no items to export in the store; make some with: quizgen generate\n",
    )
    assert not (tmp_path / "x.apkg").exists()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert cli("export", "anki").code == 2
