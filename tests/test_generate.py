"""Generation on the seed article, and `quizgen generate` with the store."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pexpect
from sqlmodel import Session

import quizgen
from quizgen.generation import default_limit
from quizgen.ingest import read_article
from quizgen.store import ItemRecord, ItemStatus, Store
from tests.conftest import ROOT, SEEDS

SEED_FILE = next(SEEDS.glob("*.txt"))
SEED = read_article(SEED_FILE)
NEWS = ROOT / "tests" / "data" / "news"


def questions(items) -> list:
    return [i for i in items if i.kind in ("wh", "cloze")]


def test_the_seed_article_gets_the_questions_a_teacher_expects():
    items = quizgen.generate(SEED.text, SEED.title, threshold=0)
    asked = {(i.prompt, i.answer) for i in questions(items)}
    assert ("What does AES stand for?", "Alliance of Sahel States") in asked
    assert ("Who is the Director General of Glavkosmos?", "Ilya Tarasenko") in asked
    assert ("Who is Niger’s communications minister?", "Sidi Mohamed Raliou") in asked
    # The day of the signing has no year: trivia once the report is old.
    assert not any(i.answer == "Monday, Sept. 23" for i in items)
    assert 8 <= len(questions(items)) <= default_limit(SEED.text)
    assert all(SEED.title not in i.sentence for i in items)
    # Its blanks would be phrases or places, which a cloze does not ask for.
    assert {i.kind for i in items} == {"wh", "multiple_choice", "true_false", "matching"}


def test_limit_counts_questions_and_clozes():
    items = quizgen.generate(SEED.text, limit=4, threshold=0)
    assert len(questions(items)) == 4
    # The other forms are made from those four, and from nothing else.
    facts = {(i.sentence_start, i.answer_end) for i in questions(items)}
    assert all((i.sentence_start, i.answer_end) in facts for i in items if i.kind in ("multiple_choice", "true_false"))


def stored_items(cli) -> list[dict]:
    return json.loads(cli("items", "list", "--json").out)


def test_regeneration_keeps_keys_and_curated_items(cli, db_url: str):
    cli("add", SEEDS)
    first = cli("generate", "--all")
    assert first.code == 0, first.err
    before = stored_items(cli)
    assert before and all(i["status"] == "draft" for i in before)

    with Store(db_url) as store, Session(store.engine) as session:
        approved = session.get(ItemRecord, before[0]["id"])
        approved.status = ItemStatus.approved
        approved.prompt = "Which alliance does AES stand for?"
        session.add(approved)
        session.commit()

    again = cli("generate", "--all", "1", "--limit", "5")
    assert again.code == 0, again.err
    assert "1 kept as curated" in again.out
    after = stored_items(cli)
    assert {i["key"] for i in after} <= {i["key"] for i in before}
    assert len([i for i in after if i["kind"] in ("wh", "cloze")]) == 5
    kept = next(i for i in after if i["id"] == before[0]["id"])
    assert (kept["status"], kept["prompt"]) == ("approved", "Which alliance does AES stand for?")
    same_key = {i["key"]: i["id"] for i in before}
    assert all(same_key[i["key"]] == i["id"] for i in after)


def test_items_show(cli):
    cli("add", SEEDS)
    cli("generate", "--all", "--limit", "3")
    first = stored_items(cli)[0]
    shown = cli("items", "show", str(first["id"]))
    assert shown.code == 0
    assert first["prompt"] in shown.out and first["sentence"] in shown.out
    assert "reasons:" in shown.out
    assert json.loads(cli("items", "show", str(first["id"]), "--json").out)["key"] == first["key"]
    missing = cli("items", "show", "999")
    assert missing.code == 1 and missing.err == "quizgen: error: no item with id 999; see: quizgen items list\n"


def test_generate_an_unknown_article(cli):
    result = cli("generate", "--all", "7")
    assert result.code == 1
    assert result.err == "quizgen: error: no article with id 7; see: quizgen articles list\n"


GENERATE_IN_CHILD = """
import json, sys, quizgen
from quizgen.ingest import read_article
article = read_article(sys.argv[1])
items = quizgen.generate(article.text, threshold=0)
print(json.dumps([[i.key, i.prompt, i.answer] for i in items]))
"""


def test_generation_is_the_same_in_every_process():
    import os
    import subprocess
    import sys

    seed = next(SEEDS.glob("*.txt"))
    runs = [
        subprocess.run(
            [sys.executable, "-c", GENERATE_IN_CHILD, str(seed)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(n)},
        ).stdout
        for n in (1, 2)
    ]
    assert json.loads(runs[0]) and runs[0] == runs[1]


def test_generate_stores_every_form_and_shows_the_options(cli):
    cli("add", SEEDS)
    assert cli("generate", "--all").code == 0
    items = stored_items(cli)
    by_kind = {kind: [i for i in items if i["kind"] == kind] for kind in {i["kind"] for i in items}}
    assert set(by_kind) == {"wh", "multiple_choice", "true_false", "matching"}
    choice = by_kind["multiple_choice"][0]
    assert len(choice["distractors"]) == 3
    shown = cli("items", "show", str(choice["id"])).out
    options = [
        line.strip()[3:].removesuffix("   (correct)") for line in shown.splitlines() if re.match(r"\s+[A-D]\. ", line)
    ]
    assert sorted(options) == sorted([choice["answer"], *choice["distractors"]])
    assert f"{choice['answer']}   (correct)" in shown
    (matching,) = by_kind["matching"]
    assert 3 <= len(matching["pairs"]) <= 6
    assert all(
        f"{left}  ->  {right}" in cli("items", "show", str(matching["id"])).out for left, right in matching["pairs"]
    )
    assert {i["answer"] for i in by_kind["true_false"]} == {"True", "False"}
    # Answers are kept with their entity label, which the quiz's --tag and Anki's hints read.
    assert any(i["label"] == "PERSON" for i in items)


def test_generate_without_distractors_makes_no_multiple_choice(cli):
    cli("add", SEEDS)
    assert cli("generate", "--all", "--distractors", "0").code == 0
    items = stored_items(cli)
    assert items and not any(
        i["kind"] == "multiple_choice" or i["distractors"] for i in items if i["kind"] != "true_false"
    )


def stored_contents(store: Store, article_id: int | None = None) -> list[dict]:
    """What the store holds of the items (of one article), without the ids and
    times that differ from store to store."""
    rows = store.items(article_id)
    return sorted(
        (row.model_dump(exclude={"id", "article_id", "created_at", "updated_at"}) for row in rows),
        key=lambda item: item["key"],
    )


def added(store: Store, paths: list[Path]) -> list[int]:
    ids = [outcome.article_id for outcome in quizgen.add_articles(store, paths)]
    assert None not in ids
    return ids


def test_generating_again_changes_nothing(store: Store):
    # Several articles, so that each has others' names in the store to borrow, which it must not.
    added(store, [SEED_FILE, *sorted(NEWS.glob("*.txt"))])
    first = list(quizgen.generate_items(store))
    assert sum(outcome.items for outcome in first) > 0
    before = [row.model_dump() for row in store.items()]
    again = list(quizgen.generate_items(store))
    reports = [outcome.report for outcome in again]
    assert [(r.added, r.updated, r.kept, r.removed) for r in reports] == [(0, 0, 0, 0)] * len(first)
    assert sum(r.unchanged for r in reports) == len(before)
    assert [row.model_dump() for row in store.items()] == before


def test_an_articles_items_do_not_depend_on_the_other_articles(new_db_url):
    with Store(new_db_url()) as alone:
        (seed,) = added(alone, [SEED_FILE])
        list(quizgen.generate_items(alone, threshold=0))
        by_itself = stored_contents(alone, seed)
    with Store(new_db_url()) as shared:
        # Other articles' items are stored before the seed's are made.
        added(shared, sorted(NEWS.glob("*.txt")))
        list(quizgen.generate_items(shared, threshold=0))
        (seed,) = added(shared, [SEED_FILE])
        list(quizgen.generate_items(shared, [seed], threshold=0))
        among_others = stored_contents(shared, seed)
    assert by_itself and among_others == by_itself


def test_distractors_come_from_the_article_not_from_names_it_lacks():
    # Two people and no third to offer: their questions keep the one other
    # name the article has, and have no multiple-choice form.
    text = (
        "Maria Lopez, the mayor of Springfield, opened the new library on Monday. "
        "She was joined by John Smith, the city's chief librarian."
    )
    items = quizgen.generate(text, threshold=0)
    people = [i for i in items if i.kind == "wh" and i.label == "PERSON"]
    assert people and all(set(i.distractors) <= {"Maria Lopez", "John Smith"} for i in people)
    assert not any(i.kind == "multiple_choice" and i.label == "PERSON" for i in items)


def short_articles(folder: Path, count: int) -> Path:
    """``count`` short articles that each give items: the seed's first paragraph and a line of their own."""
    first_paragraph = SEED.text.split("\n")[0]
    folder.mkdir()
    for n in range(count):
        (folder / f"report-{n:02d}.txt").write_text(
            f"Sahel report {n}\n{first_paragraph}\nThe report number {n} was filed in {1950 + n} by the agency.\n"
        )
    return folder


def test_outcomes_count_the_articles_stored_so_far(store: Store, tmp_path: Path):
    added(store, sorted(short_articles(tmp_path / "articles", 3).glob("*.txt")))
    outcomes = list(quizgen.generate_items(store, batch=2, threshold=0))
    assert [outcome.stored for outcome in outcomes] == [2, 2, 3]


def test_an_interrupted_generate_says_how_many_articles_it_kept(cli, db_url: str, tmp_path: Path):
    total = 36
    cli("add", short_articles(tmp_path / "articles", total))
    child = pexpect.spawn(
        sys.executable,
        ["-m", "quizgen", "--db", db_url, "generate", "--all"],
        env={**os.environ, "COLUMNS": "200"},
        encoding="utf-8",
        timeout=300,
        cwd=str(ROOT),
        dimensions=(50, 200),
    )
    # The first batch of 16 is stored; Ctrl-C comes while a later one is made.
    child.expect("article 16: ")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    said = re.search(
        r"quizgen: error: interrupted: items of (\d+) of (\d+) articles kept; run generate again", child.before
    )
    assert said, child.before
    kept, of = map(int, said.groups())
    assert of == total and 16 <= kept < total
    with Store(db_url) as store:
        stored = store.items()
    assert len({row.article_id for row in stored}) == kept
    # Running it again finishes the rest and leaves what was kept as it was.
    finished = cli("generate", "--all")
    assert finished.code == 0
    assert f"{total} articles: " in finished.out and f" 0 updated, {len(stored)} unchanged" in finished.out
