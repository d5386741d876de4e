"""The quiz's and the stats' queries at 100,000 review logs, on SQLite and PostgreSQL.

    python bench/due.py            # prints a Markdown report

Each store holds 10,000 items and 100,000 review logs (``quiz.fill``), for one
learner who has studied every item, and for a classroom of 30 learners who
have each studied every item (300,000 scheduling states) and share the logs.
Every query is timed through quizgen's store, as the quiz and ``quizgen
stats`` run it, against a primary-key lookup of one review log through the
same store in the same run: the cost of any query at all. A count of the
whole review log is timed as well, for what reading every log costs. The
plans are the databases' own (SQLite ``EXPLAIN QUERY PLAN``, PostgreSQL
``EXPLAIN``) of the statements quizgen sent.

PostgreSQL is the server at ``QUIZGEN_BENCH_PG`` or ``QUIZGEN_TEST_DB`` when
one is set, whose user may create databases (a throwaway one is made in it
and dropped afterwards), else
a throwaway cluster started by ``.ci/postgres.sh`` and deleted afterwards.
The PostgreSQL stores are ``ANALYZE``d after loading, as autovacuum would do
soon after a bulk load; SQLite's are used as quizgen leaves them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz import ITEMS, LOGS, fill, learner_names
from run import timed

ROOT = Path(__file__).resolve().parent.parent
CLASSROOM = 30
POPULATIONS = (1, CLASSROOM)
REPEAT = 30
# Sources .ci/postgres.sh, prints the URL of the cluster it started, and
# deletes the cluster once its standard input closes.
CLUSTER = 'source .ci/postgres.sh >&2 || exit 1; trap postgres_stop EXIT; printf "%s\\n" "$QUIZGEN_TEST_DB"; read -r _'
BASELINE = "primary-key lookup of one review log"


@contextmanager
def postgres_server() -> Iterator[tuple[str | None, str]]:
    """A PostgreSQL server URL (None if there is none) and where it comes from."""
    for name in ("QUIZGEN_BENCH_PG", "QUIZGEN_TEST_DB"):
        if os.environ.get(name):
            yield os.environ[name], f"the server at `{name}`"
            return
    try:
        cluster = subprocess.Popen(
            ["bash", "-c", CLUSTER], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
    except OSError as exc:
        yield None, f"bash could not start .ci/postgres.sh: {exc}"
        return
    try:
        url = cluster.stdout.readline().strip()
        yield (
            (url or None),
            ("a throwaway cluster from `.ci/postgres.sh`" if url else ".ci/postgres.sh could not start a cluster"),
        )
    finally:
        cluster.stdin.close()
        cluster.wait(timeout=120)


@contextmanager
def throwaway_database(server: str) -> Iterator[str]:
    """The URL of a new database on ``server``, dropped afterwards."""
    import sqlalchemy as sa

    from quizgen.store import resolve_url

    url = resolve_url(server)
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"quizgen_bench_{uuid.uuid4().hex[:12]}"
    try:
        with engine.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def queries(store, learner: str) -> dict[str, Callable[[], object]]:
    """What is timed, by name, the baseline first."""
    from sqlmodel import func, select

    from quizgen.quiz.stats import stats
    from quizgen.store import ReviewLog

    learner_id = store.learner(learner).id
    now = datetime.now(UTC)
    with store.session() as session:
        middle = session.exec(select(func.min(ReviewLog.id) + LOGS // 2)).one()

    def lookup() -> object:
        with store.session() as session:
            return session.get(ReviewLog, middle)

    def count_logs() -> object:
        with store.session() as session:
            return session.exec(select(func.count()).select_from(ReviewLog)).one()

    return {
        BASELINE: lookup,
        "count of the whole review log (`SELECT count(*)`)": count_logs,
        "due items (`Store.due_items`, all of them)": lambda: store.due_items(learner_id, now),
        "new items studied today (`Store.new_studied_since`)": lambda: store.new_studied_since(
            learner_id, now - timedelta(days=1)
        ),
        "20 new items (`Store.new_items`)": lambda: store.new_items(learner_id, limit=20),
        "the learner's stats (`quizgen.quiz.stats.stats`, six queries)": lambda: stats(store, learner, now),
    }


def statements(store, call: Callable[[], object]) -> list[tuple[str, object]]:
    """The SELECT statements, with their parameters, that ``call`` sends to the database."""
    import sqlalchemy as sa

    sent: list[tuple[str, object]] = []

    def record(connection, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    sa.event.listen(store.engine, "before_cursor_execute", record)
    try:
        call()
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", record)
    return sent


def plan(store, statement: str, parameters: object) -> list[str]:
    """The database's plan of one statement, a line per step."""
    with store.engine.connect() as connection:
        if store.engine.dialect.name == "sqlite":
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
            depth: dict[int, int] = {0: -1}
            lines = []
            for step, parent, _, detail in rows:
                depth[step] = depth.get(parent, -1) + 1
                lines.append("  " * depth[step] + detail)
            return lines
        return [row[0] for row in connection.exec_driver_sql(f"EXPLAIN {statement}", parameters).all()]


def measure(url: str, learners: int, with_plans: bool) -> tuple[dict[str, float], dict[str, list[list[str]]]]:
    """Median seconds of each query on a store of ``learners`` learners at ``url``, and their plans."""
    import sqlalchemy as sa

    from quizgen.store import Store

    fill(url, learners)
    found: dict[str, list[list[str]]] = {}
    with Store(url) as store:
        if store.engine.dialect.name == "postgresql":
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.execute(sa.text("ANALYZE"))
        timings = queries(store, learner_names(learners)[0])
        for call in timings.values():
            call()  # warm the caches and compile the statements outside the timing
        seconds = {name: timed(call, REPEAT) for name, call in timings.items()}
        if with_plans:
            for name, call in list(timings.items())[2:]:
                found[name] = [plan(store, *sent) for sent in statements(store, call)]
    return seconds, found


def server_version(url: str) -> str:
    import sqlalchemy as sa

    from quizgen.store import resolve_url

    engine = sa.create_engine(resolve_url(url))
    try:
        with engine.connect() as connection:
            return connection.execute(sa.text("SHOW server_version")).scalar_one().split()[0]
    finally:
        engine.dispose()


def table(results: dict[int, dict[str, float]]) -> list[str]:
    header = "| measurement |"
    rule = "| --- |"
    for learners in POPULATIONS:
        who = "1 learner" if learners == 1 else f"{learners} learners"
        header += f" {who}: median seconds | ratio to baseline |"
        rule += " ---: | ---: |"
    lines = [header, rule]
    for name in results[POPULATIONS[0]]:
        cells = []
        for learners in POPULATIONS:
            seconds = results[learners][name]
            cells.append(f" {seconds:.5f} | {seconds / results[learners][BASELINE]:.2f} |")
        label = f"{name} (baseline)" if name == BASELINE else name
        lines.append(f"| {label} |{''.join(cells)}")
    return lines


def plan_blocks(found: dict[str, list[list[str]]], database: str, command: str) -> list[str]:
    lines = []
    for name, plans in found.items():
        lines += [f"{database} `{command}` of {name}, {CLASSROOM} learners:", "", "```"]
        for number, steps in enumerate(plans):
            if number:
                lines.append("--")
            lines += steps
        lines += ["```", ""]
    return lines


def sqlite_report() -> list[str]:
    import sqlite3

    results, found = {}, {}
    with tempfile.TemporaryDirectory() as folder:
        for learners in POPULATIONS:
            url = f"sqlite:///{Path(folder) / f'due-{learners}.db'}"
            results[learners], plans = measure(url, learners, with_plans=learners == CLASSROOM)
            found.update(plans)
    return [
        f"SQLite {sqlite3.sqlite_version}, {ITEMS:,} items, {LOGS:,} review logs:",
        "",
        *table(results),
        "",
        *plan_blocks(found, "SQLite", "EXPLAIN QUERY PLAN"),
    ]


def postgres_report() -> list[str]:
    from quizgen.store import resolve_url

    with postgres_server() as (server, origin):
        if server is None:
            return [f"PostgreSQL was not measured: {origin}.", ""]
        version = server_version(server)
        local = resolve_url(server).host in (None, "", "localhost", "127.0.0.1", "::1")
        where = "on this machine" if local else "over the network"
        results, found = {}, {}
        for learners in POPULATIONS:
            with throwaway_database(server) as url:
                results[learners], plans = measure(url, learners, with_plans=learners == CLASSROOM)
            found.update(plans)
    return [
        f"PostgreSQL {version} ({origin}, {where}), {ITEMS:,} items, {LOGS:,} review logs:",
        "",
        *table(results),
        "",
        *plan_blocks(found, "PostgreSQL", "EXPLAIN"),
    ]


def report() -> list[str]:
    return [*sqlite_report(), *postgres_report()]


def main() -> None:
    print("\n".join(report()))


if __name__ == "__main__":
    sys.exit(main())
