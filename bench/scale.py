"""How quizgen scales with the corpus: peak memory, ingest and generation throughput.

    python bench/scale.py            # prints a Markdown report

Peak memory: ``quizgen add DIR`` and ``quizgen generate --quiet`` are run as
subprocesses on 200 and on 2,000 distinct articles (made from the real ones,
like ``run.corpus``), each into a new SQLite file, and the peak resident set
of each child is read from ``os.wait4``. The 200-article run of each command
is its baseline: a ratio near 1 means memory does not grow with the corpus.
spaCy's own ``nlp.pipe`` over the same texts, at both sizes, shows what the
parser alone grows by; a fresh interpreter loading the model is a reference.

Ingest: ``quizgen.add_articles`` of 2,000 files against plain ``sqlite3``
inserting the same files. Generation: analysis and generation of 200
articles with one and with two processes, each against spaCy's ``nlp.pipe``
with as many processes on the same texts.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from run import ARTICLES, corpus, table, timed

SMALL, LARGE = 200, 2_000
# One 2,000-article generate takes about three minutes on two cores.
MEMORY_REPEATS = {SMALL: 3, LARGE: 1}
INGEST_FILES = 2_000
GENERATION_ARTICLES = 200


def quizgen_command() -> list[str]:
    """The installed ``quizgen`` script beside this interpreter, else ``python -m quizgen``."""
    script = Path(sys.executable).with_name("quizgen")
    return [str(script)] if script.exists() else [sys.executable, "-m", "quizgen"]


# Runs its arguments as one child and prints the child's exit code, wall seconds
# and peak resident set as reported by wait4. It is a small interpreter of its
# own because Linux carries the peak of the image that exec replaces into the
# program it starts: a direct child of this (large) process would report at
# least this process's size.
MEASURE = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(os.waitstatus_to_exitcode(status), time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def peak(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident set (MiB) of ``command`` run as one fresh process."""
    seconds, _, mib = usage(command)
    return seconds, mib


def usage(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user and system) and peak resident set (MiB)
    of ``command`` run as one fresh process."""
    with tempfile.TemporaryFile() as errors:
        done = subprocess.run(
            [sys.executable, "-c", MEASURE, *command], stdout=subprocess.PIPE, stderr=errors, text=True, check=True
        )
        code, seconds, cpu, maxrss = done.stdout.split()
        if int(code) != 0:
            errors.seek(0)
            raise RuntimeError(f"{' '.join(command)} exited {code}: {errors.read().decode()[-2000:]}")
    # Linux reports kilobytes, macOS bytes.
    kib = int(maxrss) / 1024 if sys.platform == "darwin" else int(maxrss)
    return float(seconds), float(cpu), kib / 1024


def median_run(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """The median of the seconds and, separately, of the peaks."""
    seconds = sorted(s for s, _ in runs)
    peaks = sorted(p for _, p in runs)
    middle = len(runs) // 2
    return seconds[middle], peaks[middle]


# spaCy alone, with nothing of quizgen: the article texts of a folder, read as
# they are parsed, through the model's own ``nlp.pipe``.
PIPE_TEXTS = """
import sys
from pathlib import Path
import spacy
nlp = spacy.load(sys.argv[1])
texts = (p.read_text(encoding="utf-8").partition("\\n")[2] for p in sorted(Path(sys.argv[2]).iterdir()))
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""
COMMANDS = {
    "pipe": "fresh Python running spaCy's own `nlp.pipe` over the article texts",
    "add": "`quizgen add DIR`",
    "generate": "`quizgen generate --quiet`",
}


def bench_memory(model: str) -> dict[str, dict[int, tuple[float, float]]]:
    """Seconds and peak MiB of each command at each corpus size, and of loading the model."""
    quizgen = quizgen_command()
    found: dict[str, dict[int, tuple[float, float]]] = {name: {} for name in ("load", *COMMANDS)}
    found["load"][0] = median_run(
        [peak([sys.executable, "-c", f"import spacy; spacy.load({model!r})"]) for _ in range(3)]
    )
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as tmp:
        for size in (SMALL, LARGE):
            folder = corpus(size)[0].parent
            runs: dict[str, list[tuple[float, float]]] = {name: [] for name in COMMANDS}
            for repeat in range(MEMORY_REPEATS[size]):
                url = f"sqlite:///{Path(tmp) / f'{size}-{repeat}.db'}"
                runs["pipe"].append(peak([sys.executable, "-c", PIPE_TEXTS, model, str(folder)]))
                runs["add"].append(peak([*quizgen, "--db", url, "add", "--quiet", str(folder)]))
                runs["generate"].append(peak([*quizgen, "--db", url, "generate", "--quiet"]))
            for name, measured in runs.items():
                found[name][size] = median_run(measured)
            shutil.rmtree(folder)
    return found


def memory_table(found: dict[str, dict[int, tuple[float, float]]], model: str) -> list[str]:
    seconds, mib = found["load"][0]
    lines = [
        f"| measurement | peak RSS, MiB | ratio to {SMALL} articles | median seconds | time ratio to {SMALL} articles |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| fresh `python -c \"import spacy; spacy.load('{model}')\"` (reference) | {mib:.0f} | | {seconds:.2f} | |",
    ]
    for command, label in COMMANDS.items():
        base_seconds, base_mib = found[command][SMALL]
        for size in (SMALL, LARGE):
            seconds, mib = found[command][size]
            baseline = " (baseline)" if size == SMALL else ""
            lines.append(
                f"| {label}, {size:,} articles{baseline} | {mib:.0f} | {mib / base_mib:.2f} | "
                f"{seconds:.2f} | {seconds / base_seconds:.2f} |"
            )
    grown = {command: found[command][LARGE][1] - found[command][SMALL][1] for command in COMMANDS}
    lines += [
        "",
        f"From {SMALL:,} to {LARGE:,} articles the peak grows by {grown['add']:+.0f} MiB for `quizgen add`, "
        f"{grown['generate']:+.0f} MiB for `quizgen generate` and {grown['pipe']:+.0f} MiB for spaCy's `nlp.pipe` alone.",
    ]
    return lines


def bench_ingest(copies: int = INGEST_FILES, repeat: int = 3) -> dict[str, float]:
    from quizgen.store import Store
    from quizgen.workflows import add_articles
    from quizgen.workflows.add import ARTICLES_PER_COMMIT as batch

    paths = corpus(copies)

    def raw_sqlite(per_transaction: int = 1) -> None:
        # The least any ingest can do: read each file and insert it, committing
        # every ``per_transaction`` files.
        with tempfile.TemporaryDirectory() as tmp:
            db = sqlite3.connect(Path(tmp) / "raw.db", isolation_level=None)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("CREATE TABLE article (id INTEGER PRIMARY KEY, title TEXT, text TEXT)")
            for start in range(0, len(paths), per_transaction):
                db.execute("BEGIN")
                for path in paths[start : start + per_transaction]:
                    title, _, text = path.read_text(encoding="utf-8").partition("\n")
                    db.execute("INSERT INTO article (title, text) VALUES (?, ?)", (title, text))
                db.execute("COMMIT")
            db.close()

    def quizgen_add() -> None:
        with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "q.db")) as store:
            outcomes = list(add_articles(store, paths))
            assert sum(o.status == "added" for o in outcomes) == copies

    try:
        return {
            f"raw sqlite3 insert of {copies:,} files, a transaction per {batch}, as quizgen commits": timed(
                lambda: raw_sqlite(per_transaction=batch), repeat
            ),
            f"raw sqlite3 insert of {copies:,} files, all in one transaction": timed(
                lambda: raw_sqlite(per_transaction=copies), repeat
            ),
            f"quizgen add of {copies:,} files": timed(quizgen_add, repeat),
        }
    finally:
        shutil.rmtree(paths[0].parent)


def bench_generation(copies: int = GENERATION_ARTICLES, repeat: int = 3) -> dict[int, dict[str, float]]:
    """``quizgen.generate``'s whole chain against spaCy's own ``nlp.pipe``, with 1 and 2 processes."""
    import spacy

    from quizgen.analyze import analyze, find_model
    from quizgen.generation import items_from_doc
    from quizgen.ingest import read_all

    texts = [a.text for a in read_all(ARTICLES) if not isinstance(a, Exception)]
    texts = [texts[n % len(texts)] + f" Edition {n}." for n in range(copies)]
    raw = spacy.load(find_model().load_name)
    list(analyze(texts[:2]))  # load quizgen's pipeline outside the timing

    def spacy_pipe(processes: int) -> None:
        for _ in raw.pipe(texts, batch_size=32, n_process=processes):
            pass

    def quizgen_generate(processes: int) -> None:
        for doc in analyze(texts, batch_size=32, n_process=processes):
            items_from_doc(doc)

    return {
        processes: {
            f"spaCy nlp.pipe of {copies} articles, {processes} process{'es' if processes > 1 else ''}": timed(
                lambda processes=processes: spacy_pipe(processes), repeat
            ),
            f"quizgen analysis + generation of {copies} articles, {processes} process{'es' if processes > 1 else ''}": timed(
                lambda processes=processes: quizgen_generate(processes), repeat
            ),
        }
        for processes in (1, 2)
    }


def generation_table(rows: dict[int, dict[str, float]]) -> list[str]:
    lines = [
        "| measurement | median seconds | ratio to `nlp.pipe` with as many processes | speedup of 2 processes over 1 |",
        "| --- | ---: | ---: | ---: |",
    ]
    single = list(rows[1].values())
    for processes, measured in rows.items():
        baseline = next(iter(measured.values()))
        for position, (name, seconds) in enumerate(measured.items()):
            speedup = f"{single[position] / seconds:.2f}" if processes > 1 else ""
            label = f"{name} (baseline)" if position == 0 else name
            lines.append(f"| {label} | {seconds:.4f} | {seconds / baseline:.2f} | {speedup} |")
    return lines


def ingest_report() -> list[str]:
    rows = bench_ingest()
    return table(rows, next(iter(rows)))


def generation_report() -> list[str]:
    return generation_table(bench_generation())


def memory_report() -> list[str]:
    from quizgen.analyze import find_model

    model = find_model().load_name
    return memory_table(bench_memory(model), model)


def main() -> None:
    for title, lines in (
        ("Ingest", ingest_report()),
        ("Generation", generation_report()),
        ("Peak memory", memory_report()),
    ):
        print(f"## {title}\n")
        print("\n".join(lines))
        print()


if __name__ == "__main__":
    sys.exit(main())
