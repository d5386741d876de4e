"""The class's results for a gradebook: every answer, and a score per test.

store -> quiz: results (this) -> CSV files (``quizgen export results``). The
review log holds every answer with its mode; a test is not stored as such, so
one is read back from it as a learner's run of test answers (see
:func:`number_tests`). The CSV is what spreadsheets and gradebook imports read:
a header row, one record per line, fields quoted where they must be, times in
ISO 8601 UTC, and text that a spreadsheet would run as a formula made inert.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizgen.store import Store
    from quizgen.store.progress import LoggedAnswer

# A learner's test answers further apart than this belong to two tests: a
# test is one sitting, and a sitting with a half-hour pause is two.
TEST_GAP = timedelta(minutes=30)

# What a spreadsheet takes for the start of a formula (OWASP's list): such a
# cell gets a leading apostrophe, which spreadsheets read as "this is text".
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

ANSWER_COLUMNS = (
    "learner",
    "item",
    "article",
    "question",
    "answer",
    "expected",
    "correct",
    "time",
    "seconds",
    "mode",
    "test",
    "rating",
)
TEST_COLUMNS = ("learner", "test", "started", "finished", "questions", "correct", "percent", "articles")


@dataclass(frozen=True)
class Answer:
    """One answer of the review log; ``test`` numbers the learner's tests from 1, None outside a test."""

    logged: LoggedAnswer
    test: int | None


@dataclass(frozen=True)
class ScoredTest:
    """One learner's score in one test: right answers of those given."""

    learner: str
    test: int
    started: datetime  # when the first question was shown
    finished: datetime  # when the last answer was given
    questions: int
    correct: int
    article_ids: tuple[int, ...]

    @property
    def percent(self) -> float:
        return round(100 * self.correct / self.questions, 1)


@dataclass(frozen=True)
class ClassResults:
    """Every answer, each learner's in the order given, and every test's score."""

    answers: tuple[Answer, ...]
    tests: tuple[ScoredTest, ...]

    @property
    def learners(self) -> int:
        return len({answer.logged.learner_id for answer in self.answers})

    def answers_csv(self) -> str:
        """A row per answer: who, which item, what was asked, answered and
        expected, whether it was right (1 or 0), when (UTC), how long, in
        which mode and test, and the FSRS rating."""
        return _csv(ANSWER_COLUMNS, (_answer_row(answer) for answer in self.answers))

    def tests_csv(self) -> str:
        """A row per learner per test: its start and end (UTC), questions, right answers, percent and articles."""
        return _csv(TEST_COLUMNS, (_test_row(score) for score in self.tests))


def class_results(store: Store) -> ClassResults:
    """Every learner's answers and test scores. Raises
    :class:`~quizgen.errors.PermissionDenied` for a database login that may
    not change items: a classroom's students see no classmate's answers this way."""
    with store.class_progress() as progress:
        answers = number_tests(progress.answers())
    return ClassResults(tuple(answers), tuple(scored_tests(answers)))


def number_tests(logged: Iterable[LoggedAnswer]) -> list[Answer]:
    """The answers, each learner's in the order given, with their tests numbered.

    A learner's test answers make one test while they follow each other with
    no other answer of theirs between, no item twice (a test asks each item
    once) and no gap of more than :data:`TEST_GAP`; the next begins a new one.
    """
    answers: list[Answer] = []
    tests: dict[int, int] = {}  # learner id -> tests so far
    previous: LoggedAnswer | None = None
    asked: set[int] = set()  # the items of the current test
    for answer in logged:
        learner = answer.learner_id
        test = None
        if answer.mode == "test":
            continuing = (
                previous is not None
                and previous.learner_id == learner
                and previous.mode == "test"
                and answer.item_id not in asked
                and answer.reviewed_at - previous.reviewed_at <= TEST_GAP
            )
            if not continuing:
                tests[learner] = tests.get(learner, 0) + 1
                asked = set()
            asked.add(answer.item_id)
            test = tests[learner]
        answers.append(Answer(answer, test))
        previous = answer
    return answers


def scored_tests(answers: Sequence[Answer]) -> list[ScoredTest]:
    """The score of each test numbered in ``answers``, in their order."""
    runs: dict[tuple[int, int], list[LoggedAnswer]] = {}
    for answer in answers:
        if answer.test is not None:
            runs.setdefault((answer.logged.learner_id, answer.test), []).append(answer.logged)
    return [
        ScoredTest(
            learner=run[0].learner,
            test=test,
            started=run[0].reviewed_at - timedelta(milliseconds=run[0].duration_ms or 0),
            finished=run[-1].reviewed_at,
            questions=len(run),
            correct=sum(1 for logged in run if logged.correct),
            article_ids=tuple(sorted({logged.article_id for logged in run})),
        )
        for (_, test), run in runs.items()
    ]


def spreadsheet_text(value: str) -> str:
    """``value`` as a CSV cell no spreadsheet runs as a formula."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def utc_iso(moment: datetime) -> str:
    """A moment as ISO 8601 in UTC to the second: ``2026-03-18T09:05:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _answer_row(answer: Answer) -> list[object]:
    logged = answer.logged
    return [
        spreadsheet_text(logged.learner),
        logged.item_id,
        logged.article_id,
        spreadsheet_text(logged.question),
        spreadsheet_text(logged.response or ""),
        spreadsheet_text(logged.expected),
        "" if logged.correct is None else int(logged.correct),
        utc_iso(logged.reviewed_at),
        "" if logged.duration_ms is None else f"{logged.duration_ms / 1000:.1f}",
        logged.mode,
        "" if answer.test is None else answer.test,
        logged.rating,
    ]


def _test_row(score: ScoredTest) -> list[object]:
    return [
        spreadsheet_text(score.learner),
        score.test,
        utc_iso(score.started),
        utc_iso(score.finished),
        score.questions,
        score.correct,
        score.percent,
        " ".join(map(str, score.article_ids)),
    ]


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """RFC 4180 CSV: commas, CRLF line ends, fields quoted where they hold a comma, quote or line break."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()
