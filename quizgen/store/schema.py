"""Schema versions of the store, kept by Alembic migrations.

A new, empty database is created at the latest version. An existing database
at an older version is only upgraded when asked (``quizgen db upgrade``); any
other mismatch is refused before anything is read or written.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from quizgen.errors import SchemaOutOfDate, SchemaTooNew, StoreError
from quizgen.store.engine import writer

MIGRATIONS = Path(__file__).with_name("migrations")
# The key of the PostgreSQL advisory lock held while the schema is checked or changed.
SCHEMA_LOCK = 7_233_517_101


@dataclass(frozen=True)
class SchemaStatus:
    current: str | None
    head: str
    known: bool
    empty: bool

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def _config(connection: Connection | None = None):  # -> alembic.config.Config
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@cache
def _script():  # -> alembic.script.ScriptDirectory
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    head = _script().get_current_head()
    assert head is not None
    return head


def status(bind: Engine | Connection) -> SchemaStatus:
    """The schema version of the database, and whether it is empty."""
    if isinstance(bind, Engine):
        with bind.connect() as connection:
            return status(connection)
    from alembic.runtime.migration import MigrationContext

    current = MigrationContext.configure(bind).get_current_revision()
    tables = set(sa.inspect(bind).get_table_names()) - {"alembic_version"}
    return SchemaStatus(current=current, head=head_revision(), known=_known(current), empty=not tables)


def _known(revision: str | None) -> bool:
    if revision is None:
        return True
    from alembic.util.exc import CommandError

    try:
        return _script().get_revision(revision) is not None
    except CommandError:
        return False


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (the latest by default)."""
    with _locked(engine) as connection:
        _upgrade(connection, revision)


def _upgrade(connection: Connection, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(_config(connection), revision)


@contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    """A transaction that no other quizgen process changing the schema runs
    beside: a transaction-scoped advisory lock on PostgreSQL, the write lock
    taken at BEGIN on SQLite."""
    with writer(engine).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
        yield connection


def ensure_current(engine: Engine, where: str, *, allow_upgrade: bool = False) -> None:
    """Create an empty database, accept a current one, refuse anything else.

    An older quizgen database is upgraded only with ``allow_upgrade``. ``where``
    names the database in messages, with any password hidden. Processes that
    open a new database at the same moment take turns: one creates it, the
    others find it made.
    """
    if status(engine).up_to_date:
        return
    with _locked(engine) as connection:
        state = status(connection)
        if state.up_to_date:
            return
        if (state.current is None and state.empty) or (allow_upgrade and state.known and state.current):
            _upgrade(connection)
            return
    if state.current is None:
        raise StoreError(
            f"{where} has tables but no quizgen schema version; it is not a quizgen "
            "database, so choose another with --db"
        )
    if not state.known:
        raise SchemaTooNew(
            f"{where} was written by a newer quizgen (schema {state.current}); upgrade quizgen to use it"
        )
    raise SchemaOutOfDate(
        f"{where} is at schema {state.current}, this quizgen needs {state.head}; run: quizgen db upgrade"
    )
