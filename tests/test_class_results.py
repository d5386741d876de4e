"""The class's results on a real database: every learner's figures (``quizgen stats
--class``) and their answers and test scores as CSV (``quizgen export results``).

The answers are given through the quiz session, in review, test and practice
mode, as the terminal gives them; the students' login refused on PostgreSQL is
tested with the README's classroom roles in tests/test_classroom.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import col, select

from quizgen.cli.render import local_time
from quizgen.quiz.results import FORMULA_STARTS, Answer, ClassResults, number_tests
from quizgen.quiz.scheduler import AGAIN, EASY
from quizgen.quiz.session import QuizSession, Settings
from quizgen.quiz.stats import Retention, class_stats
from quizgen.store import Learner, ReviewLog, Store
from quizgen.store.progress import LoggedAnswer
from tests.test_stats import add_article, reject

DAY0 = datetime(2020, 5, 4, 9, tzinfo=UTC)
DAY = timedelta(days=1)
MINUTE = timedelta(minutes=1)
# Typed by a student, and read by a spreadsheet as a formula unless made inert.
FORMULA = '=HYPERLINK("http://example.com/x","click"), then +1'


def answer(store: Store, learner: str, mode: str, at: datetime, *given: tuple[int, bool, int | None]) -> None:
    """``learner`` answers items in one sitting of ``mode``, a minute apart from
    ``at``: each (item id, right or not, rating or None for the session's own)."""
    moment = [at]
    session = QuizSession(store, store.learner(learner), settings=Settings(mode=mode), clock=lambda: moment[0])
    items = {item.id: item for item in store.items()}
    for n, (item_id, right, rating) in enumerate(given):
        item = items[item_id]
        moment[0] = at + n * MINUTE
        response = item.answer if right else (FORMULA if mode == "test" else "no idea")
        session.submit(item, correct=right, response=response, seconds=4.3, rating=rating)


@pytest.fixture
def classroom(store: Store) -> dict[str, int]:
    """Ada studies two articles in every mode, Bob takes two tests, Cy has not begun."""
    ids = add_article(store, "Sahel", ["a1", "a2", "a3", "a4"]) | add_article(store, "Space", ["b1", "b2"])
    reject(store, ids["a4"])
    a1, a2, a3, b1, b2 = (ids[key] for key in ("a1", "a2", "a3", "b1", "b2"))
    # Easy on a new card makes it a review card: its next answer counts for retention.
    answer(store, "ada", "review", DAY0, (a1, True, EASY), (a2, True, EASY), (a3, False, AGAIN), (b1, True, EASY))
    answer(store, "ada", "review", DAY0 + 30 * DAY, (a1, True, EASY), (a2, False, AGAIN))  # a1 is mastered
    answer(store, "ada", "test", DAY0 + 31 * DAY, (a3, True, None), (b1, False, None), (a1, True, None))
    answer(store, "ada", "practice", DAY0 + 32 * DAY, (a2, True, None))
    answer(store, "bob", "test", DAY0 + 31 * DAY, (b1, True, None), (b2, False, None))
    answer(store, "bob", "test", DAY0 + 40 * DAY, (b1, True, None), (b2, True, None))
    store.learner("cy")
    return ids


def test_each_learner_gets_a_row_overall_and_per_article(store: Store, classroom: dict[str, int]):
    found = class_stats(store, DAY0 + 50 * DAY)
    assert [learner.learner for learner in found.learners] == ["ada", "bob", "cy"]
    assert found.items == 5  # rejected a4 left out
    ada, bob, cy = found.learners
    assert (ada.overall.reviews, ada.overall.answered, ada.overall.correct) == (10, 10, 7)
    assert ada.overall.accuracy == 0.7
    assert ada.overall.retention == Retention(reviews=2, recalled=1)
    assert (ada.overall.mastered, ada.overall.items) == (1, 5)
    assert ada.overall.last_active == DAY0 + 32 * DAY
    sahel, space = ada.articles
    assert (sahel.title, sahel.standing.reviews, sahel.standing.correct, sahel.standing.items) == ("Sahel", 8, 6, 3)
    assert (sahel.standing.retention, sahel.standing.mastered) == (Retention(2, 1), 1)
    assert (space.title, space.standing.reviews, space.standing.correct, space.standing.mastered) == ("Space", 2, 1, 0)
    assert space.standing.retention.rate is None
    assert space.standing.last_active == DAY0 + 31 * DAY + MINUTE
    assert (bob.overall.reviews, bob.overall.correct, bob.overall.accuracy) == (4, 3, 0.75)
    assert bob.overall.retention.rate is None and bob.overall.mastered == 0
    assert [a.title for a in bob.articles] == ["Space"]
    assert (cy.overall.reviews, cy.overall.accuracy, cy.overall.last_active, cy.articles) == (0, None, None, ())


def test_a_moment_leaves_out_later_answers(store: Store, classroom: dict[str, int]):
    before_tests = class_stats(store, DAY0 + 31 * DAY - MINUTE)
    ada, bob, _ = before_tests.learners
    assert (ada.overall.reviews, ada.overall.correct, bob.overall.reviews) == (6, 4, 0)


def test_the_command_prints_the_figures_as_json(cli, classroom: dict[str, int]):
    result = cli("stats", "--class", "--json")
    assert result.code == 0, result.err
    shown = json.loads(result.out)
    assert shown["items"] == 5
    ada = shown["learners"][0]
    assert {key: ada[key] for key in ("learner", "reviews", "answered", "correct", "accuracy", "mastered")} == {
        "learner": "ada",
        "reviews": 10,
        "answered": 10,
        "correct": 7,
        "accuracy": 0.7,
        "mastered": 1,
    }
    assert ada["retention"] == {"reviews": 2, "recalled": 1, "rate": 0.5}
    assert datetime.fromisoformat(ada["last_active"]) == DAY0 + 32 * DAY
    assert [(a["title"], a["reviews"], a["correct"], a["items"]) for a in ada["articles"]] == [
        ("Sahel", 8, 6, 3),
        ("Space", 2, 1, 2),
    ]
    # The per-article figures add up to the learner's.
    for learner in shown["learners"]:
        for key in ("reviews", "answered", "correct", "mastered"):
            assert sum(a[key] for a in learner["articles"]) == learner[key]
    assert shown["learners"][2] == {
        "learner": "cy",
        "reviews": 0,
        "answered": 0,
        "correct": 0,
        "accuracy": None,
        "retention": {"reviews": 0, "recalled": 0, "rate": None},
        "items": 5,
        "mastered": 0,
        "last_active": None,
        "articles": [],
    }


def test_the_command_prints_a_row_per_learner_or_per_learner_and_article(cli, classroom: dict[str, int]):
    result = cli("stats", "--class")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "3 learners · 5 items · mastered: stability ≥ 21 days"
    assert lines[1].split() == ["learner", "reviews", "accuracy", "retention", "mastered", "last", "active"]
    assert lines[2].split() == ["ada", "10", "70%", "50%", "1/5", *local_time(DAY0 + 32 * DAY).split()]
    assert lines[3].split() == ["bob", "4", "75%", "-", "0/5", *local_time(DAY0 + 40 * DAY + MINUTE).split()]
    assert lines[4].split() == ["cy", "0", "-", "-", "0/5", "-"]
    by_article = cli("stats", "--class", "--by-article")
    assert by_article.code == 0, by_article.err
    rows = [line.split() for line in by_article.out.splitlines()[2:]]
    assert [row[:6] for row in rows] == [
        ["ada", "1", "Sahel", "8", "75%", "50%"],
        ["ada", "2", "Space", "2", "50%", "-"],
        ["bob", "2", "Space", "4", "75%", "-"],
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--class", "--learner", "ada"), "--class shows every learner; leave out --learner"),
        (("--by-article",), "--by-article goes with --class"),
    ],
)
def test_options_that_do_not_go_together_are_a_usage_error(cli, store: Store, args: tuple[str, ...], message: str):
    result = cli("stats", *args)
    assert result.code == 2
    assert result.err.startswith(f"quizgen: error: {message}") and result.err.count("\n") == 1


def read_csv(path: Path) -> list[dict[str, str]]:
    """A CSV file as a spreadsheet reads it: UTF-8 after its byte-order mark, a dict per row."""
    data = path.read_bytes()
    assert data.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def logged(store: Store) -> list[tuple[ReviewLog, str]]:
    """The review log with each answer's learner, learners by id, each one's answers in order."""
    with store.session() as session:
        rows = session.exec(
            select(ReviewLog, Learner.name)
            .join(Learner, col(Learner.id) == ReviewLog.learner_id)
            .order_by(col(ReviewLog.learner_id), col(ReviewLog.reviewed_at), col(ReviewLog.id))
        ).all()
    return [(log, name) for log, name in rows]


def test_the_export_has_a_row_per_answer_of_the_review_log(
    cli, store: Store, classroom: dict[str, int], tmp_path: Path
):
    answer(store, FORMULA, "practice", DAY0 + 45 * DAY, (classroom["a1"], False, None))
    result = cli("export", "results", "--out", tmp_path / "week.csv")
    assert result.code == 0, result.err
    assert (
        result.out.strip()
        == f"15 answers of 3 learners -> {tmp_path / 'week.csv'}; 3 tests -> {tmp_path / 'week-tests.csv'}"
    )
    rows = read_csv(tmp_path / "week.csv")
    items = {item.id: item for item in store.items()}
    log = logged(store)
    assert len(rows) == len(log) == 15
    for row, (entry, name) in zip(rows, log):
        item = items[entry.item_id]
        assert row["learner"] == ("'" + name if name == FORMULA else name)
        assert (row["item"], row["article"]) == (str(entry.item_id), str(item.article_id))
        assert (row["question"], row["expected"]) == (item.prompt, item.answer)
        assert row["answer"] == ("'" + entry.response if entry.response == FORMULA else entry.response)
        assert row["correct"] == ("1" if entry.correct else "0")
        assert row["time"] == entry.reviewed_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        assert (row["seconds"], row["mode"], row["rating"]) == ("4.3", entry.mode, str(entry.rating))
    assert [(row["learner"], row["mode"], row["test"]) for row in rows if row["mode"] == "test"] == [
        ("ada", "test", "1"),
        ("ada", "test", "1"),
        ("ada", "test", "1"),
        ("bob", "test", "1"),
        ("bob", "test", "1"),
        ("bob", "test", "2"),
        ("bob", "test", "2"),
    ]
    assert {row["test"] for row in rows if row["mode"] != "test"} == {""}
    assert read_csv(tmp_path / "week-tests.csv") == [
        {
            "learner": "ada",
            "test": "1",
            "started": "2020-06-04T08:59:55Z",  # the first question, shown 4.3 seconds before its answer
            "finished": "2020-06-04T09:02:00Z",
            "questions": "3",
            "correct": "2",
            "percent": "66.7",
            "articles": "1 2",
        },
        {
            "learner": "bob",
            "test": "1",
            "started": "2020-06-04T08:59:55Z",
            "finished": "2020-06-04T09:01:00Z",
            "questions": "2",
            "correct": "1",
            "percent": "50.0",
            "articles": "2",
        },
        {
            "learner": "bob",
            "test": "2",
            "started": "2020-06-13T08:59:55Z",
            "finished": "2020-06-13T09:01:00Z",
            "questions": "2",
            "correct": "2",
            "percent": "100.0",
            "articles": "2",
        },
    ]


def test_the_export_prints_its_summary_as_json(cli, classroom: dict[str, int], tmp_path: Path):
    result = cli("export", "results", "--out", tmp_path / "week.csv", "--json")
    assert result.code == 0, result.err
    rows = read_csv(tmp_path / "week.csv")
    assert json.loads(result.out) == {
        "answers": len(rows),
        "learners": len({row["learner"] for row in rows}),
        "tests": len(read_csv(tmp_path / "week-tests.csv")),
        "files": [str(tmp_path / "week.csv"), str(tmp_path / "week-tests.csv")],
    }


def test_an_export_to_a_directory_is_refused_and_nothing_is_written(cli, classroom: dict[str, int], tmp_path: Path):
    folder = tmp_path / "grades"
    folder.mkdir()
    result = cli("export", "results", "--out", folder)
    assert result.code == 1
    assert (
        result.err == f"quizgen: error: {folder}: is a directory; give a file name, such as {folder / 'results.csv'}\n"
    )
    assert list(folder.iterdir()) == []


def logged_answer(learner_id: int, item_id: int, mode: str, at: datetime) -> LoggedAnswer:
    return LoggedAnswer(learner_id, f"learner{learner_id}", item_id, 1, "Q?", "A", "A", True, 3, mode, at, 1000)


@pytest.mark.parametrize(
    ("answers", "tests"),
    [
        # One sitting: answers a minute apart.
        ([(1, 1, "test", 0), (1, 2, "test", 1), (1, 3, "test", 2)], [1, 1, 1]),
        # Over half an hour between two answers: two sittings.
        ([(1, 1, "test", 0), (1, 2, "test", 31)], [1, 2]),
        # A test asks an item once: the same item again begins the next test.
        ([(1, 1, "test", 0), (1, 2, "test", 1), (1, 1, "test", 2), (1, 2, "test", 3)], [1, 1, 2, 2]),
        # An answer in another mode ends the test.
        ([(1, 1, "test", 0), (1, 2, "practice", 1), (1, 3, "test", 2)], [1, None, 2]),
        # Each learner's tests are their own.
        ([(1, 1, "test", 0), (2, 1, "test", 0), (2, 2, "test", 1)], [1, 1, 1]),
    ],
)
def test_tests_are_told_apart_by_sitting(answers: list[tuple[int, int, str, int]], tests: list[int | None]):
    given = [logged_answer(learner, item, mode, DAY0 + minutes * MINUTE) for learner, item, mode, minutes in answers]
    assert [numbered.test for numbered in number_tests(given)] == tests


cells = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)


@given(learner=cells, question=cells, response=cells, expected=cells)
def test_every_text_is_read_back_whole_and_never_as_a_formula(learner, question, response, expected):
    entry = LoggedAnswer(1, learner, 2, 3, question, expected, response, False, 1, "test", DAY0, 2500)
    text = ClassResults((Answer(entry, 1),), ()).answers_csv()
    header, row = list(csv.reader(io.StringIO(text, newline="")))
    cells = dict(zip(header, row))
    for name, value in (("learner", learner), ("question", question), ("answer", response), ("expected", expected)):
        assert not cells[name].startswith(FORMULA_STARTS)
        assert cells[name] == ("'" + value if value.startswith(FORMULA_STARTS) else value)
    assert (cells["item"], cells["correct"], cells["time"], cells["seconds"]) == (
        "2",
        "0",
        "2020-05-04T09:00:00Z",
        "2.5",
    )
    assert text.endswith("\r\n") and re.fullmatch(r"learner,item,[a-z,]+\r\n", text.split("\r\n", 1)[0] + "\r\n")
