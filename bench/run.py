"""Benchmarks of quizgen, each a ratio to a baseline timed in the same run.

    python bench/run.py            # writes bench/RESULTS.md
    QUIZGEN_BENCH_PG=postgresql://USER:PASSWORD@HOST/DB python bench/run.py
                                   # the PostgreSQL figures on that server, not a throwaway cluster

Absolute times on a shared machine are noise; a ratio to a baseline measured
next to it, on the same inputs, is what can be compared from run to run.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
ARTICLES = [ROOT / "seeds", ROOT / "tests" / "data" / "news"]


def timed(fn, repeat: int) -> float:
    """Median wall time of ``fn()`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def python(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True)


def bench_import(repeat: int = 15) -> dict[str, float]:
    baseline = timed(lambda: python("pass"), repeat)
    package = timed(lambda: python("import quizgen"), repeat)
    cli = timed(lambda: python("import quizgen.cli"), repeat)
    return {"python -c pass": baseline, "import quizgen": package, "import quizgen.cli": cli}


def corpus(copies: int) -> list[Path]:
    """``copies`` distinct article files made from the real ones, in a temp folder."""
    from quizgen.ingest import read_all

    originals = [a for a in read_all(ARTICLES) if not isinstance(a, Exception)]
    folder = Path(tempfile.mkdtemp(prefix="quizgen-bench-"))
    paths = []
    for n in range(copies):
        article = originals[n % len(originals)]
        path = folder / f"{n:05d}.txt"
        path.write_text(f"{article.title} ({n})\n{article.text}\nEdition {n}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"
    )


def table(rows: dict[str, float], baseline: str) -> list[str]:
    lines = ["| measurement | median seconds | ratio to baseline |", "| --- | ---: | ---: |"]
    for name, seconds in rows.items():
        ratio = seconds / rows[baseline]
        lines.append(f"| {name}{' (baseline)' if name == baseline else ''} | {seconds:.4f} | {ratio:.2f} |")
    return lines


def main() -> None:
    imports = bench_import()
    sys.path.insert(0, str(ROOT / "bench"))
    import scale

    ingest = scale.ingest_report()
    generation = scale.generation_report()
    memory = scale.memory_report()
    import forms

    item_forms = {name: forms.report(texts) for name, texts in forms.corpus().items()}
    import quiz

    first_question = quiz.report()
    import due

    due_queries = due.report()
    import anki
    import printing

    anki_export = anki.report()
    worksheet = printing.report()
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`python bench/run.py`) on {datetime.now(UTC):%Y-%m-%d}, "
        f"{machine()}. Each figure is the median of several runs; read the ratios, not the seconds.",
        "",
        "## Import time",
        "",
        "A fresh interpreter that imports quizgen, against one that imports nothing.",
        "",
        *table(imports, "python -c pass"),
        "",
        "## Ingest",
        "",
        "`quizgen.add_articles` of 2,000 files into a new SQLite store (decoding, the language",
        "check, and an insert that does nothing on a stored content hash, 100 files per",
        "transaction), against plain `sqlite3` inserting the same files with the same commits, and",
        "in one transaction (`python bench/scale.py`).",
        "",
        *ingest,
        "",
        "## Generation",
        "",
        "Analysis (spaCy with quizgen's entity ruler and fixes) plus facts, questions, quality and",
        "ranking of 200 articles, against spaCy's own `nlp.pipe` of the same model on the same",
        "article texts with as many processes: one, then two (`analyze(..., n_process=2)`, what",
        "`quizgen generate --jobs 2` runs; the items are still made in the main process). The last",
        "column is each one's speedup from the second process (`python bench/scale.py`).",
        "",
        *generation,
        "",
        "## Peak memory",
        "",
        "`quizgen add DIR` and then `quizgen generate --quiet`, each a fresh process, on 200 and on",
        "2,000 distinct articles in a new SQLite file; the peak resident set of each child (from",
        "`os.wait4`) against the same command on 200 articles, the median of three runs at 200 and",
        "one run at 2,000 (about three minutes of generation). spaCy's own `nlp.pipe` over the same",
        "texts, read as they are parsed, shows what the parser alone grows by; a fresh interpreter",
        "loading the model is for reference (`python bench/scale.py`).",
        "",
        *memory,
        "",
        "## Item forms",
        "",
        "What `quizgen.generate` makes of a corpus (`python bench/forms.py`): items per kind, the",
        "share of questions with a full set of distractors, where the correct option lands after",
        "shuffling (with a chi-square test against the uniform), how often it is the longest or the",
        "shortest option, and the balance of true/false items.",
        "",
        *forms.markdown(item_forms),
        "",
        "## Time to the first quiz question",
        "",
        "`quizgen quiz` started in a pseudo-terminal on a store of 10,000 items and 100,000 review",
        "logs for one learner, timed until its first answer prompt, against a fresh interpreter",
        "importing `quizgen.cli` (`python bench/quiz.py`). The quiz path never imports spaCy.",
        "",
        *first_question,
        "## Due and stats queries at 100,000 review logs",
        "",
        "The quiz's queries and `quizgen stats`, called through quizgen's store on 10,000 items and",
        "100,000 review logs, for one learner who has studied every item, and for a class of 30",
        "learners who each have (300,000 scheduling states) and share the logs; against a",
        "primary-key lookup of one review log through the same store in the same run. The plans are",
        "those of the statements quizgen sent, for the class (`python bench/due.py`). PostgreSQL is",
        "the server at `QUIZGEN_BENCH_PG` or `QUIZGEN_TEST_DB` if set, else a throwaway cluster",
        "started by `.ci/postgres.sh`; its stores are `ANALYZE`d after loading.",
        "",
        *due_queries,
        "## Anki export",
        "",
        "`quizgen export anki` of 10,000 items against raw genanki writing the same notes (same",
        "fields, one note type, one deck) in the same run (`python bench/anki.py`).",
        "",
        *anki_export,
        "",
        "## Printing",
        "",
        "A 100-question worksheet of every kind with its answer key, compiled to PDF by Typst in a",
        "fresh process, against a fresh process compiling a one-line Typst document",
        "(`python bench/printing.py`).",
        "",
        *worksheet,
        "",
    ]
    import judge
    import train_quality

    # The blind ratings and the quality model's figures are not made by this
    # run: their sections stay.
    text = "\n".join(lines)
    before = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    for heading in (judge.SECTION, train_quality.SECTION):
        kept = judge.section_of(before, heading)
        if kept:
            text = judge.replace_section(text, kept, heading)
    RESULTS.write_text(text, encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
