"""``quizgen export results``: the class's answers and test scores as CSV for a gradebook."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quizgen.cli.context import open_store
from quizgen.cli.render import JsonSummary, summary

# Spreadsheets (Excel above all) read a CSV file as UTF-8 only when it starts with this mark.
BYTE_ORDER_MARK = "\ufeff"


def results(
    ctx: typer.Context,
    out_path: Annotated[
        str,
        typer.Option(
            "--out", "-o", metavar="FILE", help="File of every answer; the test scores go next to it as FILE-tests."
        ),
    ] = "results.csv",
    json: JsonSummary = False,
) -> None:
    """Write every learner's answers and test scores as CSV files for a gradebook.

    FILE has a row per answer, in every mode: learner, item, article,
    question, answer, expected answer, correct (1 or 0), time (ISO 8601, UTC),
    seconds, mode, test number and rating. FILE-tests has a row per learner
    per test: its start and end, questions, right answers, percent and
    articles. A test is a learner's run of test answers with none of another
    mode between, no item twice and no pause of over 30 minutes. Text that
    starts like a spreadsheet formula gets a leading apostrophe. On a
    classroom server this needs the teacher's database login.

    \b
    Example:
      quizgen export results --out grades/week-12.csv
    """
    from quizgen.export.output import refuse_directory, write_files
    from quizgen.quiz.results import class_results

    answers_file = Path(out_path)
    tests_file = answers_file.with_name(f"{answers_file.stem}-tests{answers_file.suffix}")
    refuse_directory(answers_file, "results.csv")
    with open_store(ctx) as store:
        found = class_results(store)
    write_files(
        [
            (answers_file, (BYTE_ORDER_MARK + found.answers_csv()).encode("utf-8")),
            (tests_file, (BYTE_ORDER_MARK + found.tests_csv()).encode("utf-8")),
        ]
    )
    answers, tests, learners = len(found.answers), len(found.tests), found.learners
    summary(
        {"answers": answers, "learners": learners, "tests": tests, "files": [str(answers_file), str(tests_file)]},
        f"{answers} answer{'' if answers == 1 else 's'} of {learners} learner{'' if learners == 1 else 's'} "
        f"-> {answers_file}; {tests} test{'' if tests == 1 else 's'} -> {tests_file}",
        json=json,
    )
