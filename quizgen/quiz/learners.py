"""Who is studying: the learner name that quizzes and stats are kept under.

store -> quiz. Learners share one database and are told apart by name only, so
a student on their own laptop needs no option at all (the OS user), and a
classroom machine sets ``QUIZGEN_LEARNER`` or passes ``--learner``.
"""

from __future__ import annotations

import os

from quizgen.errors import UsageError

LEARNER_ENV = "QUIZGEN_LEARNER"


def learner_name(option: str | None = None) -> str:
    """The learner: ``option`` (``--learner``), else ``$QUIZGEN_LEARNER``, else the OS user."""
    for name in (option, os.environ.get(LEARNER_ENV)):
        if name is not None and name.strip():
            return name.strip()
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        # A container user without a passwd entry or login name.
        raise UsageError(f"cannot tell who is studying; pass --learner NAME or set {LEARNER_ENV}") from None
