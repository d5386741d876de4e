"""`quizgen import`: a teacher's own items from Quizlet's export, Anki's text export
and a question/answer/options CSV, read whole or not at all, into a real store."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from quizgen.authored import ItemFileError, parse_items
from quizgen.ingest import ArticleText
from quizgen.store import ItemRecord, ItemStatus, Store
from tests.conftest import ROOT, SEEDS

ITEMS = ROOT / "tests" / "data" / "items"
QUIZLET = ITEMS / "quizlet-sahel.txt"
ANKI = ITEMS / "anki-sahel.txt"
CSV = ITEMS / "questions.csv"


def imported(cli, *args) -> dict:
    result = cli("import", *args, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def stored(store: Store, article_id: int) -> list[tuple]:
    """An article's or deck's items as (kind, prompt, answer, distractors, status), in id order."""
    rows = sorted(store.items(article_id), key=lambda row: row.id)
    return [(row.kind, row.prompt, row.answer, tuple(row.distractors), row.status) for row in rows]


def counts(db_url: str) -> dict[str, int]:
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            return {t: conn.execute(sa.text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in ("article", "item")}
    finally:
        engine.dispose()


def snapshot(db_url: str) -> dict[str, list]:
    """Every row of the store's article and item tables."""
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            return {
                t: sorted(map(tuple, conn.execute(sa.text(f"SELECT * FROM {t} ORDER BY id"))))
                for t in ("article", "item")
            }
    finally:
        engine.dispose()


def test_a_quizlet_export_becomes_a_deck_named_after_the_file(cli, store):
    done = imported(cli, QUIZLET)
    assert (done["format"], done["title"], done["kind"], done["new_deck"], done["added"]) == (
        "quizlet",
        "quizlet-sahel",
        "deck",
        True,
        8,
    )
    assert stored(store, done["article_id"]) == [
        ("wh", "Bamako", "The capital of Mali", (), "approved"),
        ("wh", "What is the capital of Niger?", "Niamey", (), "approved"),
        ("true_false", "Ouagadougou is the capital of Burkina Faso.", "True", (), "approved"),
        ("true_false", "Dakar is the capital of Mali.", "False", (), "approved"),
        ("cloze", "The Niger River flows through _____ countries.", "five", (), "approved"),
        ("wh", "AES", "Alliance of Sahel States", (), "approved"),
        ("wh", '"Sahel" means', '"shore" or "coast" in Arabic', (), "approved"),
        ("wh", "Lake Chad", "A lake shared by Chad, Cameroon, Niger & Nigeria", (), "approved"),
    ]
    listing = json.loads(cli("articles", "list", "--json").out)
    assert [(a["title"], a["kind"], a["items"]) for a in listing] == [("quizlet-sahel", "deck", 8)]
    assert "deck of your own items" in cli("articles", "list").out


def test_a_hand_written_anki_text_export_reads_each_note_type(cli, store):
    done = imported(cli, ANKI, "--deck", "Sahel")
    assert (done["format"], done["title"]) == ("anki", "Sahel")
    assert stored(store, done["article_id"]) == [
        ("wh", "What is the capital of Mali?", "Bamako", (), "approved"),
        ("wh", "Niamey", "The capital of Niger", (), "approved"),
        ("cloze", "The Niger River rises in _____.", "Guinea", (), "approved"),
        ("wh", "Which lake do Chad, Niger and Nigeria share?", "Lake Chad (a shrinking lake)", (), "approved"),
        ("true_false", "Timbuktu is in Mali.", "True", (), "approved"),
    ]
    cloze = next(row for row in store.items(done["article_id"]) if row.kind == "cloze")
    assert cloze.sentence[cloze.answer_start : cloze.answer_end] == "Guinea"


@pytest.mark.parametrize("with_html", [True, False])
def test_what_anki_itself_exports_as_notes_in_plain_text_imports(cli, store, anki, tmp_path, with_html):
    basic, cloze = anki.models.by_name("Basic"), anki.models.by_name("Cloze")
    deck = anki.decks.id("Sahel::Capitals")
    for front, back in (
        ("What is the capital of <b>Mali</b>?", "Bamako"),
        ('Which lake do "Chad" and Niger\tshare?', "Lake Chad<br>(shrinking)"),
        ("Dakar is in Mali.", "False"),
    ):
        note = anki.new_note(basic)
        note["Front"], note["Back"] = front, back
        note.tags = ["sahel"]
        anki.add_note(note, deck)
    note = anki.new_note(cloze)
    note["Text"] = "The Niger River rises in {{c1::Guinea::a country}}."
    anki.add_note(note, deck)
    exported = tmp_path / "notes.txt"
    options = dict(with_tags=True, with_deck=True, with_notetype=True, with_guid=True)
    assert anki.export_note_csv(out_path=str(exported), limit=None, with_html=with_html, **options) == 4

    done = imported(cli, exported, "--deck", "From Anki")
    assert done["format"] == "anki"
    assert sorted(stored(store, done["article_id"])) == sorted(
        [
            ("wh", "What is the capital of Mali?", "Bamako", (), "approved"),
            ("wh", 'Which lake do "Chad" and Niger share?', "Lake Chad (shrinking)", (), "approved"),
            ("true_false", "Dakar is in Mali.", "False", (), "approved"),
            ("cloze", "The Niger River rises in _____.", "Guinea", (), "approved"),
        ]
    )


def test_a_csv_of_questions_answers_and_options(cli, store):
    done = imported(cli, CSV, "--deck", "Sahel quiz")
    assert (done["format"], done["added"]) == ("csv", 9)
    assert stored(store, done["article_id"]) == [
        ("multiple_choice", "What is the capital of Mali?", "Bamako", ("Niamey", "Dakar", "Ouagadougou"), "approved"),
        ("cloze", "The capital of Niger is _____.", "Niamey", (), "approved"),
        ("true_false", "Bamako lies on the Niger River.", "True", (), "approved"),
        (
            "multiple_choice",
            "Who leads the Alliance of Sahel States' summit in 2024?",
            "Assimi Goïta",
            ("Abdourahamane Tiani", "Ibrahim Traoré"),
            "approved",
        ),
        (
            "multiple_choice",
            "Which of these countries is landlocked, Mali or Senegal?",
            "Mali",
            ("Senegal",),
            "approved",
        ),
        ("cloze", "The Sahara lies _____ of the Sahel.", "north", (), "approved"),
        ("wh", "Which river flows through Niamey?", "The Niger", (), "approved"),
        (
            "multiple_choice",
            'Timbuktu was a centre of learning in the "golden age" of which empire?',
            "The Mali Empire",
            ("The Songhai Empire", "The Ghana Empire"),
            "approved",
        ),
        ("true_false", "Lake Chad has grown since 1960.", "False", (), "approved"),
    ]


def test_a_table_without_a_header_in_semicolons_or_tabs(tmp_path):
    semicolons = parse_items("Capital of Mali?;Bamako;Dakar\nPick one;x;y;z\n", "sheet.csv")
    assert [(i.kind, i.prompt, i.answer, i.distractors) for i in semicolons.items] == [
        ("multiple_choice", "Capital of Mali?", "Bamako", ("Dakar",)),
        ("multiple_choice", "Pick one", "x", ("y", "z")),
    ]
    tabs = parse_items("question\tanswer\twrong\nCapital of Mali?\tBamako\t\n", "sheet.tsv")
    assert [(i.kind, i.answer) for i in tabs.items] == [("wh", "Bamako")]


def broken(tmp_path: Path, line: int, text: str) -> Path:
    """The CSV fixture with one line replaced."""
    lines = CSV.read_text(encoding="utf-8").splitlines()
    lines[line - 1] = text
    path = tmp_path / "broken.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text, message",
    [
        ("What is the capital of Niger?,Niamey,Niamey,niamey", "a multiple choice needs at least one wrong option"),
        ("The {{Sahara}} lies {{north}} of the Sahel.,,,,", "a cloze needs exactly one blank"),
        ("The Sahara lies north of the Sahel.,,,,", "the answer is empty"),
    ],
)
def test_a_broken_line_is_named_and_nothing_is_stored(cli, db_url, tmp_path, text, message):
    imported(cli, QUIZLET)
    path = broken(tmp_path, 7, text)
    before = snapshot(db_url)
    counted = counts(db_url)

    result = cli("import", path)

    assert result.code == 1
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith(f"quizgen: error: {path}, line 7: {message}")
    assert lines[0].endswith("; nothing was imported")
    assert result.out == ""
    assert counts(db_url) == counted == {"article": 1, "item": 8}
    assert snapshot(db_url) == before


def test_a_broken_line_leaves_a_deck_as_it_was(cli, db_url, tmp_path):
    good = tmp_path / "broken.csv"
    shutil.copy(CSV, good)
    imported(cli, good, "--deck", "Sahel")
    before = snapshot(db_url)
    path = broken(tmp_path, 7, "Which river flows through Niamey?,The Niger,the niger")
    result = cli("import", path, "--deck", "Sahel")
    assert result.code == 1
    assert result.err.splitlines() == [
        f"quizgen: error: {path}, line 7: a multiple choice needs at least one wrong option that differs "
        "from its answer; nothing was imported"
    ]
    assert snapshot(db_url) == before


def test_every_line_at_fault_is_listed(cli, db_url, tmp_path):
    path = tmp_path / "cards.txt"
    path.write_text("Bamako\tMali\nno tab here\nfine\tcard\nthree\tcolumns\there\nBamako\tNiger\n", encoding="utf-8")
    result = cli("import", path)
    assert result.code == 1
    assert result.err.splitlines() == [
        f"quizgen: error: {path}, line 2: no tab between a term and its definition; export it from Quizlet "
        "with Tab between term and definition and New line between cards",
        f"quizgen: error: {path}, line 4: 2 tabs; a card is a term, a tab and its definition",
        f"quizgen: error: {path}, line 5: the same question as line 1 with another answer; keep one of them",
        f"quizgen: error: {path}: 3 lines to fix; nothing was imported",
    ]
    assert counts(db_url) == {"article": 0, "item": 0}


def test_importing_again_updates_rather_than_duplicates(cli, store, tmp_path):
    path = tmp_path / "questions.csv"
    shutil.copy(CSV, path)
    first = imported(cli, path)
    again = imported(cli, path)
    assert (again["new_deck"], again["added"], again["updated"], again["unchanged"]) == (False, 0, 0, 9)
    assert again["ids"] == first["ids"]

    text = path.read_text(encoding="utf-8").replace(
        "Which river flows through Niamey?,The Niger", "which river flows through NIAMEY,Niger"
    )
    path.write_text(text + "Which river flows through Bamako?,The Niger\n", encoding="utf-8")
    changed = imported(cli, path)
    assert (changed["added"], changed["updated"], changed["unchanged"]) == (1, 1, 8)
    assert changed["ids"][:9] == first["ids"]
    row = store.item(first["ids"][6])
    assert (row.prompt, row.answer) == ("which river flows through NIAMEY", "Niger")
    assert len(store.items(first["article_id"])) == 10


def test_importing_again_keeps_what_was_edited_or_rejected_here(cli, store, tmp_path):
    first = imported(cli, CSV)
    edited, rejected = first["ids"][0], first["ids"][1]
    assert cli("items", "edit", edited, "--answer", "Bamako, on the Niger").code == 0
    assert cli("items", "reject", rejected).code == 0
    again = imported(cli, CSV)
    assert (again["kept"], again["unchanged"]) == (2, 7)
    assert store.item(edited).answer == "Bamako, on the Niger"
    assert store.item(rejected).status == ItemStatus.rejected


def test_repeated_lines_are_imported_once(cli, store, tmp_path):
    path = tmp_path / "cards.txt"
    path.write_text("Bamako\tMali\nNiamey\tNiger\nBamako\tMali\n", encoding="utf-8")
    result = cli("import", path)
    assert result.code == 0
    assert "2 items from" in result.out and "1 repeated line left out" in result.out
    assert len(store.items()) == 2


def test_file_errors_are_one_line(cli, db_url, tmp_path):
    (tmp_path / "empty.txt").write_text("\n \n", encoding="utf-8")
    (tmp_path / "binary.csv").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "sep.txt").write_text("#separator:Tilde\n#html:false\na~b\n", encoding="utf-8")
    cases = {
        tmp_path / "missing.csv": "no such file or directory; nothing was imported",
        tmp_path / "empty.txt": "no questions in it; nothing was imported",
        tmp_path
        / "binary.csv": "binary file, not text; give a Quizlet or Anki text export or a CSV file; nothing was imported",
        tmp_path: "is a directory; give a file; nothing was imported",
    }
    for path, message in cases.items():
        result = cli("import", path)
        assert (result.code, result.err) == (1, f"quizgen: error: {path}: {message}\n")
    header = cli("import", tmp_path / "sep.txt")
    assert header.err == (
        f"quizgen: error: {tmp_path / 'sep.txt'}, line 1: unknown separator 'Tilde'; use tab, comma, semicolon, "
        "space, pipe or colon; nothing was imported\n"
    )
    usage = cli("import", CSV, "--format", "xlsx")
    assert (usage.code, usage.err) == (2, "quizgen: error: unknown format 'xlsx'; use auto, quizlet, anki, csv\n")
    both = cli("import", CSV, "--deck", "x", "--article", "1")
    assert (both.code, both.err) == (
        2,
        "quizgen: error: give a deck (--deck NAME) or an article (--article ID), not both\n",
    )
    assert (
        cli("import", CSV, "--article", "9").err == "quizgen: error: no article with id 9; see: quizgen articles list\n"
    )
    assert counts(db_url) == {"article": 0, "item": 0}


def test_a_file_error_raises_with_every_line_for_python_callers():
    with pytest.raises(ItemFileError) as raised:
        parse_items("a\tb\nc\n", "cards.txt")
    assert raised.value.problems == [
        (2, "no tab between a term and its definition; export it from Quizlet with Tab between term and "
         "definition and New line between cards")
    ]  # fmt: skip
    assert str(raised.value).startswith("cards.txt, line 2: no tab")


# What quizgen itself writes reads back.


def hand_made(store: Store) -> int:
    """An article with items of every kind, hostile text in them; its id."""
    article, _ = store.save_article(
        ArticleText(title="Sahel", text="Body of the Sahel article.", source="t", format="text")
    )
    specs = [
        ("wh", "Who leads <b>AES</b> & why?", "Assimi Goïta", {}),
        ("cloze", "The {capital} of Mali is _____.", "Bamako}}", {"sentence": "The {capital} of Mali is Bamako}}."}),
        (
            "multiple_choice",
            'Which "city" is Mali\'s capital?',
            "Bamako",
            {"distractors": ["Niamey", "Da\tkar", "<i>Lomé</i>"]},
        ),
        ("true_false", "Niamey is the capital of Mali.", "False", {"distractors": ["Niamey"]}),
        (
            "matching",
            "Match each capital to its country.",
            "x",
            {"pairs": [["Bamako", "Mali"], ["Niamey", "Niger & co"], ["Dakar", "Senegal"]]},
        ),
    ]
    with store.session(write=True) as session:
        for n, (kind, prompt, answer, extra) in enumerate(specs):
            session.add(
                ItemRecord(
                    article_id=article.id, key=f"k{n}", kind=kind, prompt=prompt, answer=answer,
                    sentence=extra.pop("sentence", ""), sentence_start=n, rule="test", **extra,
                )
            )  # fmt: skip
        session.commit()
    return article.id


def test_quizgens_note_types_are_read_by_their_names_and_fields():
    from quizgen.authored.anki_text import READ_FIELDS
    from quizgen.export.anki.models import NOTE_TYPES

    for note_type in NOTE_TYPES:
        family = [name for name in READ_FIELDS if note_type.name.startswith(f"{name} ")]
        assert len(family) == 1, note_type.name
        read = READ_FIELDS[family[0]]
        assert note_type.fields[: len(read)] == read, note_type.name


def read_back(row: ItemRecord) -> tuple:
    return (row.kind, row.prompt, row.answer, sorted(row.distractors), row.pairs)


def test_quizgens_own_anki_text_export_reads_back_as_its_items(cli, store, tmp_path):
    hand_made(store)
    out = tmp_path / "quizgen.txt"
    assert cli("export", "csv", "--out", out).code == 0
    done = imported(cli, out, "--deck", "Again")
    assert sorted(read_back(row) for row in store.items(done["article_id"])) == sorted(
        [
            ("wh", "Who leads <b>AES</b> & why?", "Assimi Goïta", [], []),
            ("cloze", "The {capital} of Mali is _____.", "Bamako}}", [], []),
            ("multiple_choice", 'Which "city" is Mali\'s capital?', "Bamako", ["<i>Lomé</i>", "Da kar", "Niamey"], []),
            ("true_false", "Niamey is the capital of Mali.", "False", [], []),
            (
                "matching",
                "Match each capital to its country.",
                "Bamako - Mali; Niamey - Niger & co; Dakar - Senegal",
                [],
                [["Bamako", "Mali"], ["Niamey", "Niger & co"], ["Dakar", "Senegal"]],
            ),
        ]
    )

    # Its notes name the same items on a second import: nothing is added twice.
    again = imported(cli, out, "--deck", "Again")
    assert (again["added"], again["unchanged"]) == (0, 5)


def test_quizgens_own_quizlet_export_reads_back_as_its_cards(cli, store, tmp_path):
    hand_made(store)
    out = tmp_path / "quizlet.txt"
    assert cli("export", "quizlet", "--out", out).code == 0
    done = imported(cli, out, "--deck", "Again")
    assert [(kind, prompt, answer) for kind, prompt, answer, _, _ in stored(store, done["article_id"])] == [
        ("wh", "Who leads <b>AES</b> & why?", "Assimi Goïta"),
        ("cloze", "The {capital} of Mali is _____.", "Bamako}}"),
        ("wh", 'Which "city" is Mali\'s capital?', "Bamako"),
        ("true_false", "Niamey is the capital of Mali.", "False"),
        ("wh", "Bamako", "Mali"),
        ("wh", "Niamey", "Niger & co"),
        ("wh", "Dakar", "Senegal"),
    ]


# Generation leaves them alone.


def test_generate_keeps_them_and_never_reads_a_deck(cli, store):
    assert cli("add", SEEDS).code == 0
    deck = imported(cli, CSV, "--deck", "Sahel")
    own = cli(
        "items", "add", "--article", "1", "-q", "Who signed the satellite deal?", "-a", "Mali, Niger and Burkina Faso"
    )
    assert own.code == 0, own.err
    before = {row.id: (row.prompt, row.answer, row.status, row.updated_at) for row in store.items()}

    for _ in range(2):
        generated = cli("generate", "--all")
        assert generated.code == 0, generated.err
        assert f"article {deck['article_id']}" not in generated.out
        assert generated.out.splitlines()[-1].startswith("1 article: ")  # the deck is no article to count
    only_the_deck = cli("generate", deck["article_id"])
    assert only_the_deck.code == 0 and "decks of your own items" in only_the_deck.out
    after = {row.id: (row.prompt, row.answer, row.status, row.updated_at) for row in store.items()}
    assert {i: after[i] for i in before} == before
    assert len(after) > len(before)
    assert all(row.article_id == 1 for row in store.items() if row.id not in before)
    shown = cli("articles", "show", deck["article_id"])
    assert f"deck {deck['article_id']} · 9 items" in shown.out
