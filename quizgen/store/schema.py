"""Schema versions of the store, kept by Alembic migrations.

A new, empty database is created at the latest version. An existing database
at an older version is only upgraded when asked (``quizgen db upgrade``); any
other mismatch is refused before anything is read or written.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from quizgen.errors import SchemaOutOfDate, SchemaTooNew, StoreError

MIGRATIONS = Path(__file__).with_name("migrations")


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


def status(engine: Engine) -> SchemaStatus:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        tables = set(sa.inspect(connection).get_table_names()) - {"alembic_version"}
    return SchemaStatus(
        current=current, head=head_revision(), known=_known(current), empty=not tables
    )


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
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_config(connection), revision)


def ensure_current(engine: Engine, where: str, *, allow_upgrade: bool = False) -> None:
    """Create an empty database, accept a current one, refuse anything else.

    An older quizgen database is upgraded only with ``allow_upgrade``. ``where``
    names the database in messages, with any password hidden.
    """
    state = status(engine)
    if state.up_to_date:
        return
    if (state.current is None and state.empty) or (allow_upgrade and state.known and state.current):
        upgrade(engine)
        return
    if state.current is None:
        raise StoreError(
            f"{where} has tables but no quizgen schema version; it is not a quizgen "
            "database, so choose another with --db"
        )
    if not state.known:
        raise SchemaTooNew(
            f"{where} was written by a newer quizgen (schema {state.current}); "
            "upgrade quizgen to use it"
        )
    raise SchemaOutOfDate(
        f"{where} is at schema {state.current}, this quizgen needs {state.head}; "
        "run: quizgen db upgrade"
    )
