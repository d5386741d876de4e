"""A classroom on one database: processes that generate at the same time, learners
who quiz at the same time, and the query plans at 100,000 review logs.

Each test runs against the database the suite was given: SQLite files, or the
PostgreSQL server named by QUIZGEN_TEST_DB.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pexpect
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlmodel import Session, select

from quizgen.ingest import read_all
from quizgen.store import Article, ItemRecord, Learner, ReviewLog, ReviewState, Store
from quizgen.store.reviews import StudyFilter
from tests.conftest import ROOT, SEEDS, TEST_DB
from tests.test_quiz import items, on_screen, right_answer, seeded, spawn  # noqa: F401 (fixture)

NEWS = ROOT / "tests" / "data" / "news"


def copies(folder: Path, numbers: range) -> Path:
    """Distinct articles made from the real ones, numbered as given (the same
    number makes the same text, so two folders can overlap)."""
    originals = [a for a in read_all([SEEDS, NEWS]) if not isinstance(a, Exception)]
    folder.mkdir()
    for n in numbers:
        article = originals[n % len(originals)]
        (folder / f"{n:03d}.txt").write_text(
            f"{article.title} ({n})\n\n{article.text}\n\nEdition {n}.\n", encoding="utf-8"
        )
    return folder


def together(db_url: str, *commands: list[str]) -> list[subprocess.CompletedProcess]:
    """Run several quizgen commands at the same moment; wait for all of them."""
    env = {**os.environ, "QUIZGEN_DB": db_url}
    env.pop("QUIZGEN_DEBUG", None)
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "quizgen", *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=str(ROOT),
        )
        for command in commands
    ]
    done = []
    for process in started:
        out, err = process.communicate(timeout=300)
        done.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return done


def contents(db_url: str) -> dict[str, list[tuple[str, str, str, str]]]:
    """Each stored article's questions and clozes, by content hash."""
    with Store(db_url) as store, Session(store.engine) as session:
        hashes = dict(session.exec(select(Article.id, Article.content_hash)).all())
        rows = session.exec(select(ItemRecord)).all()
    found: dict[str, list] = {digest: [] for digest in hashes.values()}
    for row in rows:
        if row.kind in ("wh", "cloze"):
            found[hashes[row.article_id]].append((row.key, row.kind, row.prompt, row.answer))
    return {digest: sorted(rows) for digest, rows in found.items()}


def test_two_processes_adding_and_generating_overlapping_articles_store_each_once(db_url: str, tmp_path: Path):
    first = copies(tmp_path / "first", range(0, 24))
    second = copies(tmp_path / "second", range(12, 36))
    added = together(db_url, ["add", "--quiet", str(first)], ["add", "--quiet", str(second)])
    assert [r.returncode for r in added] == [0, 0], [r.stderr for r in added]
    with Store(db_url) as store:
        stored = store.articles()
    assert len(stored) == 36
    assert Counter(a.title for a in stored).most_common(1)[0][1] == 1
    # Both say what they did: together, every article is new exactly once.
    new = [int(r.stdout.split(" added")[0].split()[-1]) for r in added]
    assert sum(new) == 36, [r.stdout for r in added]

    ids = [str(a.id) for a in stored]
    generated = together(
        db_url,
        # Started together on the same first articles, they save the same batches at about the same moment.
        ["generate", "--quiet", "--all"],
        ["generate", "--quiet", "--all", *ids[:30]],
    )
    assert [r.returncode for r in generated] == [0, 0], [r.stderr for r in generated]
    assert all(r.stderr == "" for r in generated)

    with Store(db_url) as store, Session(store.engine) as session:
        rows = session.exec(select(ItemRecord.article_id, ItemRecord.kind, ItemRecord.prompt, ItemRecord.answer)).all()
    assert len(rows) == len(set(rows)), "an item is stored twice"
    assert {article_id for article_id, *_ in rows} == {a.id for a in stored}

    # One process doing the same work alone stores the same questions.
    alone = f"sqlite:///{tmp_path / 'alone.db'}"
    for command in (["add", "--quiet", str(first), str(second)], ["generate", "--quiet", "--all"]):
        (result,) = together(alone, command)
        assert result.returncode == 0, result.stderr
    assert contents(db_url) == contents(alone)


def _save_when_all_are_ready(url: str, article_id: int, items: list, barrier, reports) -> None:
    with Store(url) as store:
        barrier.wait(timeout=60)
        report = store.save_batch([(article_id, items)])[0]
    reports.put((report.added, report.updated + report.unchanged))


def test_processes_saving_the_same_article_at_the_same_moment_take_turns(store: Store, db_url: str):
    import multiprocessing

    import quizgen
    from quizgen.ingest import read_article

    article, _ = store.save_article(read_article(next(SEEDS.glob("*.txt"))))
    items = quizgen.generate(article.text, threshold=0)
    context = multiprocessing.get_context("fork")
    savers, rounds = 3, 3
    for attempt in range(rounds):
        barrier, reports = context.Barrier(savers), context.Queue()
        processes = [
            context.Process(target=_save_when_all_are_ready, args=(db_url, article.id, items, barrier, reports))
            for _ in range(savers)
        ]
        for process in processes:
            process.start()
        for process in processes:
            process.join(timeout=120)
        assert [p.exitcode for p in processes] == [0] * savers
        done = [reports.get(timeout=5) for _ in range(savers)]
        # Each item is stored once, by whichever process came first; the others found it.
        assert sum(added for added, _ in done) == (len(items) if attempt == 0 else 0)
        assert all(added + found == len(items) for added, found in done)
    assert len(store.items(article.id)) == len(items)


def answer_one(child: pexpect.spawn, stored: list[ItemRecord]) -> ItemRecord | None:
    """Answer the question on screen rightly; None when the session has ended."""
    if child.expect(["answer> ", r"\d+ answered, \d+ right"]) == 1:
        child.expect(pexpect.EOF)
        child.close()
        return None
    item = on_screen(child.before, stored)
    child.sendline(right_answer(item))
    child.expect("Right")
    child.expect("> ")
    child.sendline("")
    return item


def learner_logs(db_url: str, name: str) -> list[ReviewLog]:
    with Store(db_url) as store, Session(store.engine) as session:
        who = session.exec(select(Learner).where(Learner.name == name)).one()
        return list(session.exec(select(ReviewLog).where(ReviewLog.learner_id == who.id).order_by(ReviewLog.id)))


def test_two_learners_quizzing_at_the_same_time_keep_every_answer(seeded: str):  # noqa: F811
    stored = items(seeded)
    children = {name: spawn(seeded, learner=name) for name in ("ada", "bob")}
    answered: dict[str, list[int]] = {name: [] for name in children}
    while children:
        # Turn by turn, so that each answer is written while the other learner's session is open.
        for name, child in list(children.items()):
            item = answer_one(child, stored)
            if item is None:
                assert child.exitstatus == 0
                del children[name]
            else:
                answered[name].append(item.id)
    assert answered["ada"] and sorted(answered["ada"]) == sorted(answered["bob"])
    for name, ids in answered.items():
        assert [log.item_id for log in learner_logs(seeded, name)] == ids
    with Store(seeded) as store, Session(store.engine) as session:
        states = session.exec(select(ReviewState.learner_id, ReviewState.item_id)).all()
    assert len(states) == len(answered["ada"]) + len(answered["bob"])


# Writes answers as fast as it can: a learner's whole session squeezed into a loop.
HAMMER = """
import sys
from datetime import datetime, timedelta, timezone
from quizgen.store import ReviewLog, Store

url, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
with Store(url) as store:
    learner = store.learner(name)
    ids = [item.id for item in store.items()]
    for n in range(count):
        now = datetime.now(timezone.utc)
        item_id = ids[n % len(ids)]
        log = ReviewLog(learner_id=learner.id, item_id=item_id, rating=3, reviewed_at=now, state="new", correct=True)
        store.record_review(learner.id, item_id, card={"n": n}, due=now + timedelta(days=1), log=log)
print(count)
"""


def test_answers_written_at_the_same_moment_by_many_learners_are_all_kept(seeded: str):  # noqa: F811
    learners, count = 4, 150
    env = {**os.environ}
    started = [
        subprocess.Popen(
            [sys.executable, "-c", HAMMER, seeded, f"learner{n}", str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=str(ROOT),
        )
        for n in range(learners)
    ]
    results = [process.communicate(timeout=300) for process in started]
    assert [process.returncode for process in started] == [0] * learners, [err for _, err in results]
    for n in range(learners):
        logs = learner_logs(seeded, f"learner{n}")
        assert len(logs) == count
    with Store(seeded) as store, Session(store.engine) as session:
        states = session.exec(select(ReviewState)).all()
        stored_items = len(store.items())
    assert len(states) == learners * min(count, stored_items)


# The queries a quiz and `quizgen stats` run, at a classroom's scale.
LEARNERS, ITEMS, LOGS = 30, 2_000, 100_000


def classroom(store: Store) -> None:
    """30 learners, 2,000 items, 30,000 scheduling states and 100,000 review logs."""
    rng = random.Random(7)
    now = datetime.now(UTC)
    with store.engine.begin() as connection:
        article_id = connection.execute(
            sa.insert(Article.__table__)
            .values(title="Classroom", source="bench", text="x", content_hash="c" * 64, language="en", added_at=now)
            .returning(Article.__table__.c.id)
        ).scalar_one()
        connection.execute(
            sa.insert(ItemRecord.__table__),
            [
                dict(
                    article_id=article_id,
                    key=f"k{n}",
                    kind="wh",
                    prompt=f"Question {n}?",
                    answer=f"answer {n}",
                    accepted_answers=[],
                    distractors=[],
                    sentence="s",
                    sentence_start=0,
                    rule="svo/wh",
                    score=0.5,
                    reasons=[],
                    label="",
                    pairs=[],
                    status="draft",
                    created_at=now,
                    updated_at=now,
                )
                for n in range(ITEMS)
            ],
        )
        item_ids = (
            connection.execute(sa.select(ItemRecord.__table__.c.id).order_by(ItemRecord.__table__.c.id)).scalars().all()
        )
        connection.execute(
            sa.insert(Learner.__table__), [dict(name=f"student{n:02d}", created_at=now) for n in range(LEARNERS)]
        )
        learner_ids = (
            connection.execute(sa.select(Learner.__table__.c.id).order_by(Learner.__table__.c.id)).scalars().all()
        )
        studied = {learner: rng.sample(item_ids, ITEMS // 2) for learner in learner_ids}
        connection.execute(
            sa.insert(ReviewState.__table__),
            [
                dict(
                    learner_id=learner,
                    item_id=item,
                    due=now + timedelta(hours=rng.randint(-500, 2000)),
                    card={"stability": rng.random() * 40},
                    updated_at=now,
                )
                for learner, chosen in studied.items()
                for item in chosen
            ],
        )
        connection.execute(
            sa.insert(ReviewLog.__table__),
            [
                dict(
                    learner_id=(learner := learner_ids[n % LEARNERS]),
                    item_id=rng.choice(studied[learner]),
                    rating=rng.randint(1, 4),
                    reviewed_at=now - timedelta(minutes=rng.randint(0, 200_000)),
                    duration_ms=5000,
                    response="r",
                    correct=True,
                    state=rng.choice(["new", "review", "learning"]),
                )
                for n in range(LOGS)
            ],
        )
    if store.engine.dialect.name == "postgresql":
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("ANALYZE")
    else:
        with store.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")


def statements(store: Store, run) -> list[tuple[str, object]]:
    """The SQL statements ``run()`` sends to the database, with their parameters."""
    seen = []

    def record(_conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    sa.event.listen(store.engine, "before_cursor_execute", record)
    try:
        run()
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", record)
    return seen


def plan(store: Store, statement: str, parameters: object) -> list[str]:
    sqlite = store.engine.dialect.name == "sqlite"
    with store.engine.connect() as connection:
        cursor = connection.connection.cursor()
        cursor.execute(("EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN ") + statement, parameters)
        rows = cursor.fetchall()
    return [row[-1] for row in rows]


def test_the_due_and_stats_queries_use_indexes_at_100000_review_logs(store: Store):
    from quizgen.quiz.stats import stats

    classroom(store)
    with Session(store.engine) as session:
        assert session.exec(select(sa.func.count()).select_from(ReviewLog)).one() == LOGS
    learner = store.learner("student07")
    now = datetime.now(UTC)
    with Session(store.engine) as session:
        logged = session.exec(select(sa.func.count()).where(ReviewLog.learner_id == learner.id)).one()
    assert LOGS // LEARNERS <= logged <= LOGS // LEARNERS + 1

    def quiz_and_stats() -> None:
        assert store.due_items(learner.id, now, StudyFilter(), limit=50)
        store.new_items(learner.id, StudyFilter(), limit=20)
        store.new_studied_since(learner.id, now - timedelta(days=1))
        store.review_logs(learner.id, since=now - timedelta(days=7))
        assert stats(store, "student07", now).reviews == logged

    sent = statements(store, quiz_and_stats)
    touching = [(s, p) for s, p in sent if "reviewlog" in s or "reviewstate" in s]
    assert len(touching) >= 9, [s for s, _ in sent]
    for statement, parameters in touching:
        lines = plan(store, statement, parameters)
        shown = "\n".join(lines)
        if store.engine.dialect.name == "sqlite":
            # Every access to the review tables is a search by an index, never a scan.
            reads = [line for line in lines if "reviewlog" in line or "reviewstate" in line]
            assert reads and all(line.startswith("SEARCH") for line in reads), f"{statement}\n{shown}"
        else:
            assert "Seq Scan on reviewlog" not in shown and "Seq Scan on reviewstate" not in shown, (
                f"{statement}\n{shown}"
            )
            assert "Index" in shown, f"{statement}\n{shown}"


def readme_grants() -> str:
    """The SQL of the README's classroom setup that lets the students' login in."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## A classroom on PostgreSQL") :]
    block = section[section.index("```sql") + len("```sql") : section.index("```", section.index("```sql") + 6)]
    return " ".join(block.split())


needs_server = pytest.mark.skipif(not TEST_DB, reason="the classroom setup is for PostgreSQL; set QUIZGEN_TEST_DB")


@pytest.fixture
def logins() -> Iterator[tuple[str, str]]:
    """The README's classroom on the PostgreSQL server: the teacher's login owns a
    database of the seed articles and their items, and the students' login has
    the README's grants. Yields the URLs of the teacher's and the students' login."""
    server = sa.create_engine(TEST_DB, isolation_level="AUTOCOMMIT")
    suffix = uuid.uuid4().hex[:8]
    teacher, students, database = f"teacher_{suffix}", f"class_{suffix}", f"quizgen_class_{suffix}"
    url = make_url(TEST_DB)
    teacher_url = url.set(username=teacher, password="teacher-pw", database=database).render_as_string(
        hide_password=False
    )
    student_url = url.set(username=students, password="class-pw", database=database).render_as_string(
        hide_password=False
    )
    with server.connect() as connection:
        connection.exec_driver_sql(f"CREATE ROLE {teacher} LOGIN PASSWORD 'teacher-pw'")
        connection.exec_driver_sql(f"CREATE ROLE {students} LOGIN PASSWORD 'class-pw'")
        connection.exec_driver_sql(f'CREATE DATABASE "{database}" OWNER {teacher}')
    try:
        for command in (["add", "--quiet", str(SEEDS)], ["generate", "--quiet", "--all"]):
            (result,) = together(teacher_url, command)
            assert result.returncode == 0, result.stderr
        grants = sa.create_engine(teacher_url)
        with grants.begin() as connection:
            connection.exec_driver_sql(readme_grants().replace(" TO class;", f" TO {students};"))
        grants.dispose()
        yield teacher_url, student_url
    finally:
        with server.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            connection.exec_driver_sql(f"DROP ROLE IF EXISTS {teacher}")
            connection.exec_driver_sql(f"DROP ROLE IF EXISTS {students}")
        server.dispose()


@needs_server
def test_the_readme_classroom_setup_lets_students_quiz_but_not_change_items(logins: tuple[str, str]):
    teacher_url, student_url = logins
    stored = items(teacher_url)
    child = spawn(student_url, learner="ada")
    first = answer_one(child, stored)
    second = answer_one(child, stored)
    child.expect("answer> ")
    child.sendline("e")
    child.expect("question ")
    child.sendline("A question the student would rather answer?")
    child.expect("answer ")
    child.sendline("")
    child.expect("Not saved: this database login may not change items")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert [log.item_id for log in learner_logs(teacher_url, "ada")] == [first.id, second.id]
    assert items(teacher_url) == stored

    (shown,) = together(student_url, ["stats", "--learner", "ada", "--json"])
    assert shown.returncode == 0 and '"reviews": 2' in shown.stdout
    for command in (["items", "approve", str(first.id)], ["add", str(NEWS)], ["generate", "--quiet"]):
        (refused,) = together(student_url, command)
        assert refused.returncode == 1, command
        assert refused.stderr.startswith("quizgen: error: permission denied for table ")
        assert "this database login may not do that" in refused.stderr and refused.stderr.count("\n") == 1
        assert "class-pw" not in refused.stderr
    assert items(teacher_url) == stored


@needs_server
def test_only_the_teachers_login_sees_the_class_results(logins: tuple[str, str], tmp_path: Path):
    from quizgen.store.progress import TEACHER_NEEDED
    from tests.test_class_results import read_csv

    teacher_url, student_url = logins
    stored = items(teacher_url)
    child = spawn(student_url, learner="ada")
    asked = [answer_one(child, stored), answer_one(child, stored)]
    child.expect("answer> ")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    # Bob takes a test of three questions on the same login, and gets none right.
    test = subprocess.run(
        [sys.executable, "-m", "quizgen", "quiz", "--mode", "test", "--limit", "3", "--seed", "2", "--tag", "wh"],
        input="zzz\n\n" * 3,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=str(ROOT),
        env={**os.environ, "QUIZGEN_DB": student_url, "QUIZGEN_LEARNER": "bob", "NO_COLOR": "1"},
    )
    assert test.returncode == 0 and "Score: 0/3" in test.stdout, test.stderr

    out = tmp_path / "results.csv"
    for command in (["stats", "--class"], ["stats", "--class", "--json"], ["export", "results", "--out", str(out)]):
        (refused,) = together(student_url, command)
        assert refused.returncode == 1, command
        assert refused.stderr == f"quizgen: error: {TEACHER_NEEDED}\n"
        assert refused.stdout == ""
    assert list(tmp_path.iterdir()) == []
    (own,) = together(student_url, ["stats", "--learner", "ada", "--json"])
    assert own.returncode == 0 and '"reviews": 2' in own.stdout

    (shown,) = together(teacher_url, ["stats", "--class", "--json"])
    assert shown.returncode == 0, shown.stderr
    figures = {row["learner"]: row for row in json.loads(shown.stdout)["learners"]}
    assert [(figures[name]["reviews"], figures[name]["accuracy"]) for name in ("ada", "bob")] == [(2, 1.0), (3, 0.0)]
    (exported,) = together(teacher_url, ["export", "results", "--out", str(out)])
    assert exported.returncode == 0, exported.stderr
    rows = read_csv(out)
    log = [(name, entry) for name in ("ada", "bob") for entry in learner_logs(teacher_url, name)]
    assert [(row["learner"], row["item"], row["answer"], row["correct"], row["mode"], row["test"]) for row in rows] == [
        (name, str(entry.item_id), entry.response, str(int(entry.correct)), entry.mode, "1" if name == "bob" else "")
        for name, entry in log
    ]
    assert [row["item"] for row in rows[:2]] == [str(item.id) for item in asked]
    (scores,) = read_csv(tmp_path / "results-tests.csv")
    assert (scores["learner"], scores["test"], scores["questions"], scores["correct"]) == ("bob", "1", "3", "0")
