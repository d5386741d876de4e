"""How the item forms come out over a corpus: counts per kind, full distractor
sets, the correct option's position and length, true/false balance.

    python bench/forms.py            # prints a Markdown report

The corpus is the seed article, the VOA test articles and, when the shared
data is there, the paragraphs of the SQuAD development file A.
"""

from __future__ import annotations

import gzip
import json
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQUAD = ROOT.parent / "shared" / "data" / "qg-squad-dev-A.jsonl.gz"
NEWS = [ROOT / "seeds", ROOT / "tests" / "data" / "news", ROOT.parent / "shared" / "data" / "news"]


def corpus() -> dict[str, list[str]]:
    from quizgen.ingest import read_all

    news = {a.text for a in read_all([p for p in NEWS if p.exists()]) if not isinstance(a, Exception)}
    texts = {"news": sorted(news)}
    if SQUAD.exists():
        with gzip.open(SQUAD, "rt", encoding="utf-8") as handle:
            texts["SQuAD paragraphs"] = list(dict.fromkeys(json.loads(line)["context"] for line in handle))
    return texts


def chi_square_p(statistic: float, df: int) -> float:
    """Upper tail of the chi-square distribution, for df = 1 or 3 (closed forms)."""
    if df == 1:
        return math.erfc(math.sqrt(statistic / 2))
    if df == 3:
        return math.erfc(math.sqrt(statistic / 2)) + math.sqrt(2 * statistic / math.pi) * math.exp(-statistic / 2)
    raise ValueError(df)


def report(texts: list[str], count: int = 3) -> dict[str, object]:
    from quizgen.analyze import analyze
    from quizgen.forms.options import shuffled_options
    from quizgen.generation import items_from_doc

    kinds: Counter[str] = Counter()
    full = {"wh": [0, 0], "cloze": [0, 0]}
    positions: Counter[int] = Counter()
    longest = shortest = total_mc = 0
    truth: Counter[str] = Counter()
    pairs = []
    for doc in analyze(texts, batch_size=32):
        for item in items_from_doc(doc, distractors=count):
            kinds[item.kind] += 1
            if item.kind in full:
                full[item.kind][0] += len(item.distractors) >= count
                full[item.kind][1] += 1
            elif item.kind == "multiple_choice":
                options, correct = shuffled_options(item.key, item.answer, item.distractors)
                positions[correct] += 1
                total_mc += 1
                sizes = [len(o) for o in options]
                longest += sizes[correct] == max(sizes) and sizes.count(max(sizes)) == 1
                shortest += sizes[correct] == min(sizes) and sizes.count(min(sizes)) == 1
            elif item.kind == "true_false":
                truth[item.answer] += 1
            elif item.kind == "matching":
                pairs.append(len(item.pairs))
    options = count + 1
    expected = total_mc / options if total_mc else 0
    chi = sum((positions[p] - expected) ** 2 / expected for p in range(options)) if expected else 0.0
    tf_total = sum(truth.values())
    return {
        "articles": len(texts),
        "kinds": dict(kinds),
        "full sets": {k: (v[0] / v[1] if v[1] else 0.0) for k, v in full.items()},
        "positions": [positions[p] for p in range(options)],
        "chi-square": chi,
        "p": chi_square_p(chi, options - 1) if options - 1 in (1, 3) and expected else float("nan"),
        "longest": longest / total_mc if total_mc else 0.0,
        "shortest": shortest / total_mc if total_mc else 0.0,
        "chance": 1 / options,
        "true share": truth["True"] / tf_total if tf_total else 0.0,
        "true/false": tf_total,
        "matching sets": len(pairs),
        "pairs per set": sum(pairs) / len(pairs) if pairs else 0.0,
    }


def markdown(results: dict[str, dict[str, object]]) -> list[str]:
    names = list(results)
    row = lambda label, fn: f"| {label} | " + " | ".join(fn(results[n]) for n in names) + " |"  # noqa: E731
    kinds = ("wh", "cloze", "multiple_choice", "true_false", "matching")
    return [
        "| figure | " + " | ".join(names) + " |",
        "| --- | " + " | ".join("---:" for _ in names) + " |",
        row("articles", lambda r: str(r["articles"])),
        *(row(f"{k} items", lambda r, k=k: str(r["kinds"].get(k, 0))) for k in kinds),
        row("wh-questions with a full set of 3 distractors", lambda r: f"{100 * r['full sets']['wh']:.1f}%"),
        row("clozes with a full set of 3 distractors", lambda r: f"{100 * r['full sets']['cloze']:.1f}%"),
        row("correct option at A / B / C / D", lambda r: " / ".join(map(str, r["positions"]))),
        row("uniformity: chi-square (3 df), p", lambda r: f"{r['chi-square']:.2f}, p = {r['p']:.2f}"),
        row("correct option is the longest (chance 25%)", lambda r: f"{100 * r['longest']:.1f}%"),
        row("correct option is the shortest (chance 25%)", lambda r: f"{100 * r['shortest']:.1f}%"),
        row("true/false items, share true", lambda r: f"{r['true/false']}, {100 * r['true share']:.1f}%"),
        row("matching sets, pairs per set", lambda r: f"{r['matching sets']}, {r['pairs per set']:.1f}"),
    ]


def main() -> None:
    results = {name: report(texts) for name, texts in corpus().items()}
    print("\n".join(markdown(results)))


if __name__ == "__main__":
    sys.exit(main())
