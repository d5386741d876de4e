"""Shared fixtures: a real database per test (SQLite file, or PostgreSQL when
QUIZGEN_TEST_DB names a server) and ways to run the real command line."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import settings
from sqlalchemy.engine import make_url

# `HYPOTHESIS_PROFILE=deep make test` searches much harder than the everyday run.
settings.register_profile("deep", max_examples=3000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TEST_DB = os.environ.get("QUIZGEN_TEST_DB")


def pytest_report_header(config: pytest.Config) -> str:
    if TEST_DB:
        return f"quizgen store: PostgreSQL at {make_url(TEST_DB).render_as_string(hide_password=True)}"
    return "quizgen store: SQLite files (set QUIZGEN_TEST_DB for PostgreSQL)"


@pytest.fixture(scope="session")
def _server() -> Iterator[sa.Engine | None]:
    if not TEST_DB:
        yield None
        return
    engine = sa.create_engine(TEST_DB, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


@pytest.fixture
def new_db_url(tmp_path: Path, _server: sa.Engine | None) -> Iterator[Callable[[], str]]:
    """Make URLs of new, empty databases that exist for this test only."""
    made: list[str] = []

    def make() -> str:
        if _server is None:
            path = tmp_path / (f"quizgen-{len(made)}.db" if made else "quizgen.db")
            made.append(str(path))
            return f"sqlite:///{path}"
        name = f"quizgen_test_{uuid.uuid4().hex[:12]}"
        with _server.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        made.append(name)
        return make_url(TEST_DB).set(database=name).render_as_string(hide_password=False)

    yield make
    if _server is not None:
        with _server.connect() as conn:
            for name in made:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def db_url(new_db_url: Callable[[], str]) -> str:
    """A URL of a new, empty database that exists for this test only."""
    return new_db_url()


@pytest.fixture
def store(db_url: str):
    from quizgen.store import Store

    with Store(db_url) as opened:
        yield opened


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run ``quizgen ARGS`` in this process against the test database."""
    from quizgen.cli import main

    monkeypatch.setenv("QUIZGEN_DB", db_url)
    monkeypatch.delenv("QUIZGEN_MODEL", raising=False)

    def run(*args: str) -> Result:
        capsys.readouterr()
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def quizgen_process(db_url: str):
    """Run the installed ``quizgen`` in a child process, as a user would."""

    def run(*args: str, input: bytes | None = None, env: dict[str, str] | None = None) -> Result:
        full_env = {**os.environ, "QUIZGEN_DB": db_url, **(env or {})}
        full_env.pop("QUIZGEN_DEBUG", None)
        done = subprocess.run(
            [sys.executable, "-m", "quizgen", *map(str, args)],
            input=input,
            capture_output=True,
            env=full_env,
            timeout=120,
        )
        return Result(done.returncode, done.stdout.decode(), done.stderr.decode())

    return run


@pytest.fixture
def anki(tmp_path: Path):
    """An empty collection of Anki's own backend."""
    from anki.collection import Collection

    folder = tmp_path / "anki"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    yield col
    col.close()
