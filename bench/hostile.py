"""Time and memory on hostile input, as ratios to spaCy's own parse of the same text.

    python bench/hostile.py          # prints a Markdown report

Each input is made from the project's own articles (``bench/articles``):

- one sentence of 27,000 words (the full stops made commas);
- 50,000 paragraphs of a few words each;
- 2 MB of sentences on one line;
- a page whose story sits inside 5,000 nested ``<div>``s;
- 5 MB of ordinary paragraphs, the largest article ``quizgen add`` takes.

``quizgen add`` and ``quizgen generate --quiet`` run as fresh processes on
each, into a new SQLite file, and their wall and CPU time and peak resident set are
read from ``os.wait4``. The baseline is a fresh Python that loads the same
spaCy model, with nothing of quizgen, and parses the article's stored text.
spaCy takes at most a million characters in one piece, and its parser needs
about 3 KB for each character it reads at once, so the baseline parses the
text in the pieces quizgen cuts it into (``quizgen.analyze.pipeline.slices``,
20,000 characters at most): the time is the same as in one piece, the
memory is not. The bounds: ``generate`` within 3 times the baseline's CPU
time, and under 1,536 MiB at its peak. Times are CPU seconds (user and
system, from ``os.wait4``): on a shared machine the wall time also measures
whatever else runs, and differently for each of the two commands; the wall
ratio is shown beside it.
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from run import ROOT, machine
from scale import quizgen_command, usage

ARTICLES = ROOT / "bench" / "articles"
TIME_BOUND = 3.0
MEMORY_BOUND_MIB = 1536

# spaCy alone: the model loaded, the text of a file parsed in quizgen's pieces.
SPACY_PARSE = """
import sys
from pathlib import Path
import spacy
from quizgen.analyze.pipeline import slices
nlp = spacy.load(sys.argv[1])
for _ in nlp.pipe(slices(Path(sys.argv[2]).read_text(encoding="utf-8")), batch_size=1):
    pass
"""


def sentences() -> list[str]:
    """The sentences of the project's own articles, in order."""
    text = " ".join(path.read_text(encoding="utf-8").partition("\n")[2] for path in sorted(ARTICLES.glob("*.txt")))
    return [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s]


def giant_sentence(folder: Path) -> Path:
    words = " ".join(sentences()).split()
    words = [w.rstrip(".!?") + ("," if w[-1:] in ".!?" else "") for w in (words * 30)[:27_000]]
    path = folder / "giant-sentence.txt"
    path.write_text("One sentence of 27,000 words\n\n" + " ".join(words) + ".\n", encoding="utf-8")
    return path


def tiny_paragraphs(folder: Path) -> Path:
    found = sentences()
    paragraphs = [" ".join(found[i % len(found)].split()[:6]).rstrip(".,;:") + "." for i in range(50_000)]
    path = folder / "tiny-paragraphs.txt"
    path.write_text("Fifty thousand paragraphs\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def _repeated(size: int, separator: str) -> str:
    found = sentences()
    parts: list[str] = []
    length = 0
    while length < size:
        sentence = found[len(parts) % len(found)]
        parts.append(sentence)
        length += len(sentence) + len(separator)
    return separator.join(parts)


def one_line(folder: Path) -> Path:
    path = folder / "one-line.txt"
    path.write_text("Two megabytes on one line\n\n" + _repeated(2_000_000, " ") + "\n", encoding="utf-8")
    return path


def nested_html(folder: Path) -> Path:
    depth = 5_000
    story = "".join(f"<p>{s}</p>" for s in sentences()[:60])
    path = folder / "nested.html"
    path.write_text(
        f"<html><head><title>A story in 5,000 divs</title></head><body>{'<div>' * depth}"
        f"<article><h1>A story in 5,000 divs</h1>{story}</article>{'</div>' * depth}</body></html>",
        encoding="utf-8",
    )
    return path


def largest_article(folder: Path) -> Path:
    found = sentences()
    paragraphs, length, i = [], 0, 0
    while length < 4_990_000:
        paragraph = " ".join(found[i : i + 4])
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
        i = (i + 4) % len(found)
    path = folder / "five-megabytes.txt"
    path.write_text("Five megabytes of paragraphs\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


INPUTS: dict[str, Callable[[Path], Path]] = {
    "one sentence of 27,000 words": giant_sentence,
    "50,000 paragraphs of a few words": tiny_paragraphs,
    "2 MB on one line": one_line,
    "a story inside 5,000 nested divs": nested_html,
    "5 MB of paragraphs, the largest article `add` takes": largest_article,
}


def measure(name: str, make: Callable[[Path], Path], model: str, folder: Path) -> dict[str, float]:
    from quizgen.ingest import read_article

    path = make(folder)
    text = folder / f"{path.stem}.body"
    text.write_text(read_article(path).text, encoding="utf-8")
    quizgen = quizgen_command()
    url = f"sqlite:///{folder / f'{path.stem}.db'}"
    found: dict[str, float] = {"size": path.stat().st_size, "characters": len(text.read_text(encoding="utf-8"))}
    for name, command in (
        ("spacy", [sys.executable, "-c", SPACY_PARSE, model, str(text)]),
        ("add", [*quizgen, "--db", url, "add", "--quiet", str(path)]),
        ("generate", [*quizgen, "--db", url, "generate", "--quiet"]),
    ):
        found[f"{name}_seconds"], found[f"{name}_cpu"], found[f"{name}_mib"] = usage(command)
    print(f"{name}: {found}", file=sys.stderr)
    return found


def report(rows: dict[str, dict[str, float]], model: str) -> list[str]:
    lines = [
        f"{machine()}; model `{model}`. Bounds: `generate` within {TIME_BOUND:g}x spaCy's parse, "
        f"under {MEMORY_BOUND_MIB:,} MiB.",
        "",
        "| input | file size | spaCy parse, CPU s (baseline) | `add`, CPU s | `generate`, CPU s | generate / spaCy | "
        "generate / spaCy, wall | spaCy peak, MiB | `add` peak, MiB | `generate` peak, MiB | within bounds |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, row in rows.items():
        ratio = row["generate_cpu"] / row["spacy_cpu"]
        within = ratio <= TIME_BOUND and row["generate_mib"] < MEMORY_BOUND_MIB
        lines.append(
            f"| {name} | {row['size'] / 1e6:.2f} MB | {row['spacy_cpu']:.1f} | {row['add_cpu']:.1f} | "
            f"{row['generate_cpu']:.1f} | {ratio:.2f} | {row['generate_seconds'] / row['spacy_seconds']:.2f} | "
            f"{row['spacy_mib']:.0f} | {row['add_mib']:.0f} | {row['generate_mib']:.0f} | {'yes' if within else 'NO'} |"
        )
    return lines


def main() -> None:
    from quizgen.analyze import find_model

    model = find_model().load_name
    # Arguments choose inputs by a word of their names: "sentence", "paragraphs".
    chosen = [name for name in INPUTS if not sys.argv[1:] or any(word in name for word in sys.argv[1:])]
    with tempfile.TemporaryDirectory(prefix="quizgen-hostile-") as tmp:
        rows = {name: measure(name, INPUTS[name], model, Path(tmp)) for name in chosen}
    print("## Hostile input\n")
    print("\n".join(report(rows, model)))


if __name__ == "__main__":
    sys.exit(main())
