"""Time to print a 100-question worksheet with its answer key, against a one-page Typst document.

    python bench/printing.py        # prints a Markdown report

The items are made in memory: 100 questions of every kind. The baseline is
Typst compiling a one-line document in the same run, which is what any PDF
made with Typst costs at least.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

from pypdf import PdfReader
from run import timed

QUESTIONS = 100
KINDS = ("wh", "cloze", "multiple_choice", "true_false", "matching")


def items(count: int = QUESTIONS) -> list:
    made = []
    for n in range(count):
        kind = KINDS[n % len(KINDS)]
        made.append(
            SimpleNamespace(
                key=f"{n:032x}",
                kind=kind,
                article_id=1,
                sentence_start=n,
                answer_end=10,
                prompt=(
                    f"The ministry signed agreement number {n} on _____."
                    if kind == "cloze"
                    else "Flooding has led to over 1,000 deaths."
                    if kind == "true_false"
                    else f"Which agency signed agreement number {n} with the alliance of states?"
                ),
                answer="True" if kind == "true_false" else f"the national space agency {n}",
                distractors=("the health ministry", "the armed forces", "the central bank")
                if kind == "multiple_choice"
                else (),
                pairs=tuple((f"Role {i} of {n}", f"Person {i} of {n}") for i in range(5)) if kind == "matching" else (),
                sentence=f"The national space agency {n} signed agreement number {n} with the alliance on Monday.",
            )
        )
    return made


COMPILE = """
import json, sys, typst
from quizgen.export.print.pdf import pdf
data = json.load(open(sys.argv[1]))
sys.stdout.buffer.write(pdf(data) if data else typst.compile(sys.argv[2], ignore_system_fonts=True))
"""


def report(repeat: int = 5) -> list[str]:
    """Each compilation in a fresh process: Typst memoizes within one, which
    would make every run after the first look nearly free."""
    from quizgen.export.print.worksheet import sheet

    made = sheet(items(), title="Benchmark worksheet", versions=1)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "sheet.json"
        data.write_text(json.dumps(made.data()), encoding="utf-8")
        empty = Path(folder) / "empty.json"
        empty.write_text("{}", encoding="utf-8")
        tiny = Path(folder) / "tiny.typ"
        tiny.write_text("Hello.\n", encoding="utf-8")

        def compile_in_child(source: Path) -> bytes:
            done = subprocess.run(
                [sys.executable, "-c", COMPILE, str(source), str(tiny)], capture_output=True, check=True
            )
            return done.stdout

        pages = len(PdfReader(io.BytesIO(compile_in_child(data))).pages)
        baseline = timed(lambda: compile_in_child(empty), repeat)
        printed = timed(lambda: compile_in_child(data), repeat)
    return [
        "| measurement | median seconds | ratio to baseline |",
        "| --- | ---: | ---: |",
        f"| a fresh Python compiling a one-line Typst document (baseline) | {baseline:.4f} | 1.00 |",
        f"| a fresh Python compiling a {QUESTIONS}-question worksheet and its key ({pages} pages) | {printed:.4f} | {printed / baseline:.2f} |",
    ]


def main() -> None:
    print("\n".join(report()))


if __name__ == "__main__":
    sys.exit(main())
