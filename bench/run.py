"""Benchmarks of quizgen, each a ratio to a baseline timed in the same run.

    python bench/run.py            # writes bench/RESULTS.md

Absolute times on a shared machine are noise; a ratio to a baseline measured
next to it, on the same inputs, is what can be compared from run to run.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
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


def bench_ingest(copies: int = 500, repeat: int = 3) -> dict[str, float]:
    from quizgen.ingest import add_articles
    from quizgen.store import Store

    paths = corpus(copies)

    def raw_sqlite() -> None:
        # The least any ingest can do: read each file and insert it in its own transaction.
        with tempfile.TemporaryDirectory() as tmp:
            db = sqlite3.connect(Path(tmp) / "raw.db", isolation_level=None)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("CREATE TABLE article (id INTEGER PRIMARY KEY, title TEXT, text TEXT)")
            for path in paths:
                title, _, text = path.read_text(encoding="utf-8").partition("\n")
                db.execute("BEGIN")
                db.execute("INSERT INTO article (title, text) VALUES (?, ?)", (title, text))
                db.execute("COMMIT")
            db.close()

    def quizgen_add() -> None:
        with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "q.db")) as store:
            outcomes = list(add_articles(store, paths))
            assert sum(o.status == "added" for o in outcomes) == copies

    return {
        f"raw sqlite3 insert of {copies} files": timed(raw_sqlite, repeat),
        f"quizgen add of {copies} files": timed(quizgen_add, repeat),
    }


def bench_generation(copies: int = 60, repeat: int = 3) -> dict[str, float]:
    """``quizgen.generate``'s whole chain against spaCy's own ``nlp.pipe`` on the same texts."""
    import spacy

    from quizgen.analyze import analyze, find_model
    from quizgen.ingest import read_all
    from quizgen.items import items_from_doc

    texts = [a.text for a in read_all(ARTICLES) if not isinstance(a, Exception)]
    texts = [texts[n % len(texts)] + f" Edition {n}." for n in range(copies)]
    raw = spacy.load(find_model().load_name)
    list(analyze(texts[:2]))  # load quizgen's pipeline outside the timing

    def spacy_pipe() -> None:
        for _ in raw.pipe(texts, batch_size=32):
            pass

    def quizgen_generate() -> None:
        for doc in analyze(texts, batch_size=32):
            items_from_doc(doc)

    return {
        f"spaCy nlp.pipe of {copies} articles": timed(spacy_pipe, repeat),
        f"quizgen analysis + generation of {copies} articles": timed(quizgen_generate, repeat),
    }


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"


def table(rows: dict[str, float], baseline: str) -> list[str]:
    lines = ["| measurement | median seconds | ratio to baseline |", "| --- | ---: | ---: |"]
    for name, seconds in rows.items():
        ratio = seconds / rows[baseline]
        lines.append(f"| {name}{' (baseline)' if name == baseline else ''} | {seconds:.4f} | {ratio:.2f} |")
    return lines


def main() -> None:
    imports = bench_import()
    ingest = bench_ingest()
    generation = bench_generation()
    sys.path.insert(0, str(ROOT / "bench"))
    import forms

    item_forms = {name: forms.report(texts) for name, texts in forms.corpus().items()}
    import quiz

    first_question = quiz.report()
    import anki
    import printing

    anki_export = anki.report()
    worksheet = printing.report()
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`python bench/run.py`) on {datetime.now(timezone.utc):%Y-%m-%d}, "
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
        "`quizgen.add_articles` into a new SQLite store (one transaction per article, duplicate",
        "check by content hash), against plain `sqlite3` inserting the same files the same way.",
        "",
        *table(ingest, next(iter(ingest))),
        "",
        "## Generation",
        "",
        "Analysis (spaCy with quizgen's entity ruler and fixes) plus facts, questions, quality and",
        "ranking, against spaCy's own `nlp.pipe` of the same model on the same article texts.",
        "",
        *table(generation, next(iter(generation))),
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
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
