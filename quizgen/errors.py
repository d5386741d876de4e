"""Errors a user can act on.

Every stage raises a subclass of :class:`QuizgenError` with a short message that
names the file or value at fault and says what to do. The command line prints
that message as one line on stderr and exits with :attr:`exit_code`; only
``--debug`` shows the traceback.
"""

from __future__ import annotations


class QuizgenError(Exception):
    """Base class of every error quizgen reports to its user."""

    exit_code: int = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(QuizgenError):
    """A command-line value that cannot be used as given."""

    exit_code = 2


class ArticleError(QuizgenError):
    """An input file that cannot be read as an article (binary, empty, too big...)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelNotFound(QuizgenError):
    """No spaCy English pipeline is installed under the names quizgen tries."""


class StoreError(QuizgenError):
    """The database cannot be opened or used."""


class DatabaseLocked(StoreError):
    """Another program held SQLite's write lock for longer than the store waits for it."""


class PermissionDenied(StoreError):
    """The database login lacks a privilege the operation needs, such as a
    student's login on a classroom server asked to change items."""


class ServerUnreachable(StoreError):
    """The database server could not be reached: refused, unknown host, timed out."""


class SchemaOutOfDate(StoreError):
    """The database schema is older than this version of quizgen expects."""


class SchemaTooNew(StoreError):
    """The database was written by a newer version of quizgen."""


class NotFound(QuizgenError):
    """A stored record named by the user does not exist."""
