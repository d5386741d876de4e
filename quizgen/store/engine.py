"""Where the store lives and how it is opened.

The default is an SQLite file in the user's data directory; ``--db URL`` or
``QUIZGEN_DB`` points elsewhere, such as a PostgreSQL server for a classroom.
URLs are shown with their password hidden, everywhere.

The errors of the database driver that a user can act on (a locked SQLite
file, a login without the privilege, a server out of reach) are turned into
:class:`~quizgen.errors.StoreError` subclasses here, on the engine, so no
caller outside the store sees a driver's exception or imports SQLAlchemy to
recognise one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url

from quizgen.errors import (
    DatabaseLocked,
    PermissionDenied,
    ServerUnreachable,
    StoreError,
    UsageError,
)

DB_ENV = "QUIZGEN_DB"
SQLITE_BUSY_TIMEOUT_MS = 5000
# PostgreSQL's SQLSTATE when the login lacks a privilege (a student's login
# on a classroom server may quiz but not change items).
PERMISSION_DENIED = "42501"
# SQLite's primary result codes for a lock another connection holds; the
# extended codes (SQLITE_BUSY_SNAPSHOT...) share them in their low byte.
SQLITE_BUSY, SQLITE_LOCKED = 5, 6
LOCKED = "the database is locked by another program writing to it; try again when it has finished"
NOT_PERMITTED = (
    "this database login may not do that; a student's login can quiz and see stats, "
    "adding, generating and changing items need the teacher's (see the README's classroom setup)"
)
# Execution option of the connections whose transactions write.
WRITES = "quizgen_writes"


def default_url() -> str:
    from platformdirs import user_data_path

    return f"sqlite:///{user_data_path('quizgen') / 'quizgen.db'}"


def resolve_url(url: str | None = None) -> URL:
    """The database URL to use: the argument, then ``QUIZGEN_DB``, then the default.

    A bare path is taken as an SQLite file.
    """
    raw = url or os.environ.get(DB_ENV) or default_url()
    if "://" not in raw:
        raw = f"sqlite:///{Path(raw).expanduser()}"
    try:
        parsed = make_url(raw)
    except sa.exc.ArgumentError:
        raise UsageError(
            f"database URL {redact(raw)!r} is not valid; use a path, sqlite:///FILE "
            "or postgresql+psycopg://USER@HOST/DB"
        ) from None
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise UsageError(f"database URL {display_url(parsed)!r} is not supported; use SQLite or PostgreSQL")
    return parsed


def display_url(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def redact(raw: str) -> str:
    """Hide the password in a URL that may not even parse."""
    try:
        return display_url(make_url(raw))
    except Exception:
        scheme, sep, rest = raw.partition("://")
        if sep and "@" in rest:
            return f"{scheme}://***@{rest.rsplit('@', 1)[1]}"
        return raw


def create_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url)
    else:
        try:
            engine = sa.create_engine(url, pool_pre_ping=True)
        except ModuleNotFoundError:
            raise StoreError("PostgreSQL support is not installed; run: pip install 'quizgen[postgres]'") from None

    @sa.event.listens_for(engine, "handle_error")
    def _translate(context: sa.engine.ExceptionContext) -> None:
        # A failed pre-ping is SQLAlchemy's cue to replace a dropped pooled
        # connection; raising would stop it from trying.
        if context.is_pre_ping:
            return
        connecting = context.connection is None and isinstance(context.sqlalchemy_exception, sa.exc.OperationalError)
        error = store_error(url, context.original_exception, connecting=connecting)
        if error is not None:
            raise error from context.original_exception

    return engine


def store_error(url: URL, error: BaseException | None, *, connecting: bool = False) -> StoreError | None:
    """What a driver's error means to the user of the database at ``url``, or
    None when it is not one they can do anything about (a bug, then).
    ``connecting``: the driver failed to open a connection (an OperationalError)."""
    if _sqlite_cannot_write(error):
        message = _sqlite_unwritable(url)
        return StoreError(message) if message else None
    if _sqlite_busy(error):
        # SQLite waited its busy timeout for another writer to finish.
        return DatabaseLocked(LOCKED)
    if getattr(error, "sqlstate", None) == PERMISSION_DENIED:
        # The server's reason names the table: "permission denied for table item".
        return PermissionDenied(f"{_first_line(error)}: {NOT_PERMITTED}")
    if connecting and _server_not_reached(url, error):
        return ServerUnreachable(f"cannot open the database {display_url(url)}: {_first_line(error)}")
    return None


def _sqlite_engine(url: URL) -> Engine:
    database = url.database
    if database and database != ":memory:" and not database.startswith("file:"):
        path = Path(database)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the database directory {path.parent}: {exc.strerror}; choose another place with --db"
            ) from None
    engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @sa.event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        # WAL lets a quiz read while an import writes; foreign keys are off in
        # SQLite unless asked for on every connection. The driver's own BEGIN
        # is turned off so that `_begin` decides how each transaction starts.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if database and database != ":memory:":
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(connection: sa.Connection) -> None:
        # A transaction that will write takes the write lock when it begins.
        # Begun as a reader, it could not become a writer once another
        # process had written since its first read: SQLite then fails at once
        # with "database is locked" instead of waiting its turn.
        immediate = connection.get_execution_options().get(WRITES, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def writer(engine: Engine) -> Engine:
    """The engine for transactions that write: on SQLite they wait for the
    write lock when they begin, so concurrent writers queue instead of failing."""
    return engine.execution_options(**{WRITES: True})


@contextmanager
def reporting_connection_errors(url: URL) -> Iterator[None]:
    """Turn a failure to reach the database into one line that names it (password hidden)."""
    try:
        yield
    except sa.exc.OperationalError as exc:
        message = _sqlite_unwritable(url) if _sqlite_cannot_write(exc.orig) else None
        raise StoreError(message or f"cannot open the database {display_url(url)}: {_first_line(exc.orig)}") from exc


def _first_line(error: BaseException | None) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]


def _sqlite_cannot_write(error: BaseException | None) -> bool:
    # SQLite opens a file it cannot write read-only and fails only at the
    # first write, with a message that names neither the file nor the cause.
    text = str(error)
    return type(error).__module__ == "sqlite3" and ("readonly database" in text or "unable to open" in text)


def _sqlite_busy(error: BaseException | None) -> bool:
    if type(error).__module__ != "sqlite3":
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        # Raised by the driver itself rather than by SQLite, so without a code.
        return "locked" in str(error)
    return code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)


def _server_not_reached(url: URL, error: BaseException | None) -> bool:
    """A PostgreSQL connection that failed before the server answered: refused,
    an unknown host, a timeout. libpq shows an answer of the server (a wrong
    password, no such database) as "FATAL:  reason"; those stay the plain
    :class:`StoreError` that :func:`reporting_connection_errors` makes."""
    return url.get_backend_name() == "postgresql" and "FATAL:" not in str(error)


def _sqlite_unwritable(url: URL) -> str | None:
    """The whole message when the file system keeps SQLite from writing the
    database of ``url``: a read-only file, or a read-only directory where
    SQLite must create the file or its -wal and -shm files beside it."""
    database = url.database
    if url.get_backend_name() != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database)
    shown = display_url(url)
    if not os.access(path.parent, os.W_OK):
        if not path.exists():
            return (
                f"cannot create the database {shown}: its directory {path.parent} is read-only; "
                "make it writable or choose another place with --db"
            )
        return (
            f"cannot open the database {shown}: its directory {path.parent} is read-only, and SQLite needs to "
            f"create {path.name}-wal and {path.name}-shm there; make it writable or choose another place with --db"
        )
    if path.exists() and not os.access(path, os.W_OK):
        return (
            f"cannot write to the database {shown}: the file is read-only; "
            "make it writable or choose another database with --db"
        )
    return None
