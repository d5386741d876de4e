"""Time to the first question of a quiz, on a large store, and the plans of its queries.

    python bench/quiz.py            # prints a Markdown report

A store with 10,000 items and 100,000 review logs for one learner is built in
a temporary SQLite file; the quiz is started in a pseudo-terminal and timed
until its first answer prompt, against ``python -c "import quizgen.cli"`` in
the same run. The query plans of the due-item and new-today queries show that
both are index searches, so they stay flat as the logs grow.
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ITEMS = 10_000
LOGS = 100_000
LEARNER = "bench"


def build(path: Path) -> str:
    """A store of ITEMS items, every one studied, with LOGS review logs; returns its URL."""
    url = f"sqlite:///{path}"
    fill(url)
    return url


def learner_names(learners: int) -> list[str]:
    return [LEARNER, *(f"{LEARNER}-{n}" for n in range(1, learners))]


def fill(url: str, learners: int = 1) -> None:
    """Fill the empty store at ``url`` with ITEMS items, every one studied by each of
    ``learners`` learners (named by :func:`learner_names`), and LOGS review logs shared
    evenly among them. The learners' states are interleaved, as a class studying
    side by side writes them."""
    import sqlalchemy as sa

    from quizgen.ingest import ArticleText
    from quizgen.store import ItemRecord, ReviewLog, ReviewState, Store

    rng = random.Random(7)
    now = datetime.now(UTC)
    with Store(url) as store:
        article, _ = store.save_article(ArticleText(title="Bench", text="A body. " * 50, source="bench", format="text"))
        learner_ids = [store.learner(name).id for name in learner_names(learners)]
        with store.engine.begin() as connection:
            connection.execute(
                sa.insert(ItemRecord.__table__),
                [
                    {
                        "article_id": article.id,
                        "key": f"k{n}",
                        "kind": "wh",
                        "prompt": f"What is item {n}?",
                        "answer": f"answer {n}",
                        "accepted_answers": [],
                        "distractors": [],
                        "sentence": f"Item {n} is answer {n}.",
                        "sentence_start": n,
                        "answer_start": 8,
                        "answer_end": 16,
                        "rule": "svo/wh",
                        "score": rng.random(),
                        "reasons": [],
                        "pairs": [],
                        "label": "",
                        "status": "draft",
                        "created_at": now,
                        "updated_at": now,
                    }
                    for n in range(ITEMS)
                ],
            )
            ids = [row[0] for row in connection.execute(sa.select(ItemRecord.__table__.c.id))]
            connection.execute(
                sa.insert(ReviewState.__table__),
                [
                    {
                        "learner_id": learner_id,
                        "item_id": item_id,
                        "due": now + timedelta(days=rng.uniform(-2, 60)),
                        "card": {"state": 2, "stability": rng.uniform(1, 60)},
                        "updated_at": now,
                    }
                    for item_id in ids
                    for learner_id in learner_ids
                ],
            )
            connection.execute(
                sa.insert(ReviewLog.__table__),
                [
                    {
                        "learner_id": learner_ids[n % learners],
                        "item_id": rng.choice(ids),
                        "rating": rng.randint(1, 4),
                        "reviewed_at": now - timedelta(minutes=rng.uniform(0, 60 * 24 * 365)),
                        "duration_ms": 4000,
                        "response": "x",
                        "correct": True,
                        "state": "review",
                    }
                    for n in range(LOGS)
                ],
            )


def first_question(url: str) -> float:
    import pexpect

    env = {**os.environ, "NO_COLOR": "1", "QUIZGEN_LEARNER": LEARNER}
    start = time.perf_counter()
    child = pexpect.spawn(
        sys.executable, ["-m", "quizgen", "--db", url, "quiz"], env=env, encoding="utf-8", timeout=120
    )
    child.expect("answer> ")
    elapsed = time.perf_counter() - start
    child.sendline("q")
    child.expect(pexpect.EOF)
    return elapsed


def import_cli() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import quizgen.cli"], check=True)
    return time.perf_counter() - start


def plans(path: Path) -> dict[str, list[str]]:
    """SQLite's query plans of the quiz's two queries over the logs and states."""
    from sqlalchemy.dialects import sqlite

    from quizgen.store import ReviewLog, Store, StudyFilter

    url = f"sqlite:///{path}"
    now = datetime.now(UTC)
    with Store(url) as store:
        learner = store.learner(LEARNER)
    from sqlmodel import func, select

    from quizgen.store import ItemRecord, ReviewState

    due = StudyFilter().apply(
        select(ItemRecord)
        .join(ReviewState, (ReviewState.item_id == ItemRecord.id) & (ReviewState.learner_id == learner.id))
        .where(ReviewState.due <= now)
        .order_by(ReviewState.due, ItemRecord.id)
    )
    new_today = (
        select(func.count())
        .select_from(ReviewLog)
        .where(
            ReviewLog.learner_id == learner.id,
            ReviewLog.reviewed_at >= now - timedelta(days=1),
            ReviewLog.state == "new",
        )
    )
    found = {}
    connection = sqlite3.connect(path)
    for name, query in (("due items", due), ("new items studied today", new_today)):
        sql = str(query.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
        found[name] = [row[3] for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}")]
    connection.close()
    return found


def report(repeat: int = 5) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        url = build(path)
        first_question(url)  # warm the file cache
        quiz = statistics.median(first_question(url) for _ in range(repeat))
        baseline = statistics.median(import_cli() for _ in range(repeat))
        found = plans(path)
    lines = [
        "| measurement | median seconds | ratio to baseline |",
        "| --- | ---: | ---: |",
        f'| python -c "import quizgen.cli" (baseline) | {baseline:.4f} | 1.00 |',
        f"| `quizgen quiz` to its first question, {ITEMS:,} items and {LOGS:,} review logs | {quiz:.4f} | {quiz / baseline:.2f} |",
        "",
    ]
    for name, steps in found.items():
        lines += [f"Query plan of the {name} query (SQLite `EXPLAIN QUERY PLAN`):", "", "```", *steps, "```", ""]
    return lines


def main() -> None:
    print("\n".join(report()))


if __name__ == "__main__":
    sys.exit(main())
