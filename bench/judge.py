"""Acceptability: would a strict teacher print quizgen's items unchanged?

    python bench/judge.py sample --round r1            # the rating packet of a round
    python bench/judge.py sample --round r5 --like r4  # the same articles as round r4
    python bench/judge.py sample --round r9 --only 'own/news-*'  # only some articles (repeatable)
    python bench/judge.py collect --round r1 A.jsonl B.jsonl   # two raters' ratings
    python bench/judge.py report                       # the figures of every round

``sample`` runs ``quizgen add`` and ``quizgen generate`` with their defaults on
the development corpus (the VOA news of the shared data, SQuAD file A's
paragraphs joined into article-sized texts, and the project's own articles in
``bench/articles``), then draws a fixed, seeded sample of items, a third from
each part. It writes ``build/judge/ROUND/packet.json`` for the raters (the
articles' texts and each item as a rater sees it: no rule, score or key) and
``build/judge/ROUND/items.jsonl`` with what the raters do not see.

Two raters, each briefed with nothing but ``../shared/JUDGE.md`` and the
packet, answer one JSON object per item. ``collect`` joins their ratings to
the items, the stricter rating standing, appends them to the labelled set
``bench/judged/ROUND.jsonl``, and writes the figures of every round into the
"Acceptability" section of ``bench/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import fnmatch
import gzip
import json
import random
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
NEWS = SHARED / "data" / "news"
SQUAD = SHARED / "data" / "qg-squad-dev-A.jsonl.gz"
OWN = ROOT / "bench" / "articles"
WORK = ROOT / "build" / "judge"
JUDGED = ROOT / "bench" / "judged"
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Acceptability"
CRITERIA = ("fluent", "clear", "answerable", "correct", "worth_asking")
KINDS = ("wh", "cloze", "multiple_choice", "true_false", "matching")
# SQuAD paragraphs are joined, in order, until a text has this many words.
ARTICLE_WORDS = 350


def corpus() -> dict[str, list[tuple[str, str, str]]]:
    """The development corpus by part: (name, title, body) of each article."""
    from quizgen.ingest import read_article

    parts: dict[str, list[tuple[str, str, str]]] = {}
    parts["news"] = [
        (f"news/{path.name}", read.title, read.text)
        for path in sorted(NEWS.glob("*.txt"))
        for read in [read_article(path)]
    ]
    parts["squad"] = squad_articles()
    parts["own"] = [
        (f"own/{path.name}", read.title, read.text)
        for path in sorted(OWN.glob("*.txt"))
        for read in [read_article(path)]
    ]
    return parts


def squad_articles() -> list[tuple[str, str, str]]:
    """SQuAD file A's paragraphs, joined in order within each Wikipedia article
    into texts of about ``ARTICLE_WORDS`` words."""
    paragraphs: dict[str, list[str]] = defaultdict(list)
    with gzip.open(SQUAD, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["context"] not in paragraphs[row["title"]]:
                paragraphs[row["title"]].append(row["context"])
    articles = []
    for title, texts in paragraphs.items():
        chunk: list[str] = []
        for text in texts:
            chunk.append(text)
            if sum(len(p.split()) for p in chunk) >= ARTICLE_WORDS:
                articles.append(_squad_article(title, len(articles), chunk))
                chunk = []
        if chunk:
            articles.append(_squad_article(title, len(articles), chunk))
    return articles


def _squad_article(title: str, number: int, paragraphs: list[str]) -> tuple[str, str, str]:
    name = title.replace("_", " ")
    return f"squad/{title}-{number}", name, "\n\n".join(paragraphs)


def generated(
    workdir: Path, parts: dict[str, list[tuple[str, str, str]]], threshold: float | None = None
) -> list[dict]:
    """Every item ``quizgen generate`` stores with its defaults (or with
    ``threshold``: 0 for all), for each article of ``parts`` added to a new
    store as ``quizgen add`` would."""
    import quizgen

    files = workdir / "articles"
    names: dict[str, str] = {}
    for part in parts.values():
        for name, title, body in part:
            path = files / f"{name}.txt" if not name.endswith(".txt") else files / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
            names[str(path)] = name
    store_path = workdir / "store.db"
    store_path.unlink(missing_ok=True)
    items = []
    with quizgen.Store(f"sqlite:///{store_path}") as store:
        by_id: dict[int, str] = {}
        for outcome in quizgen.add_articles(store, sorted(names)):
            if outcome.article_id is None:
                raise SystemExit(f"{outcome.source}: {outcome.reason}")
            by_id[outcome.article_id] = names[outcome.source]
        list(quizgen.generate_items(store, threshold=threshold))
        for row in store.items():
            items.append(
                {
                    "article": by_id[row.article_id],
                    "kind": str(row.kind),
                    "question": row.prompt,
                    "answer": row.answer,
                    "wrong_options": list(row.distractors) if row.kind == "multiple_choice" else [],
                    "pairs": [list(pair) for pair in row.pairs],
                    "key": row.key,
                    "rule": row.rule,
                    "score": row.score,
                    # The rules' own score, a feature of the quality model.
                    "rule_score": _rule_score(row.reasons),
                }
            )
    return items


def _rule_score(reasons: list[str]) -> float | None:
    for reason in reasons:
        if reason.startswith("rule score "):
            return float(reason.removeprefix("rule score "))
    return None


def sample(args: argparse.Namespace) -> None:
    parts = corpus()
    workdir = WORK / args.round
    workdir.mkdir(parents=True, exist_ok=True)
    items = generated(workdir, parts, threshold=0.0 if args.all else None)
    rng = random.Random(f"judge:{args.seed}")
    part_of = {name: part for part, articles in parts.items() for name, _, _ in articles}
    if args.like:
        # A paired round: the articles of an earlier round, so that a change is
        # measured against its own baseline rather than against another sample.
        earlier = JUDGED / f"{args.like}.jsonl"
        wanted = {json.loads(line)["article"] for line in earlier.read_text(encoding="utf-8").splitlines() if line}
        items = [item for item in items if item["article"] in wanted]
    if args.only:
        # Articles named by a pattern: a round on articles no earlier round drew from.
        items = [item for item in items if any(fnmatch.fnmatch(item["article"], only) for only in args.only)]
    if args.fresh:
        # Only items no earlier round rated, so that a measurement is not made
        # on the labels the quality model learned from.
        seen = {(r["question"], r["answer"]) for rated in rounds().values() for r in rated}
        for pending in WORK.glob("*/items.jsonl"):
            if pending.parent.name != args.round:
                seen |= {(r["question"], r["answer"]) for r in map(json.loads, pending.read_text().splitlines())}
        items = [item for item in items if (item["question"], item["answer"]) not in seen]
    chosen = []
    pools = {part: [item for item in items if part_of[item["article"]] == part] for part in parts}
    for pool in pools.values():
        chosen += rng.sample(pool, min(len(pool), args.items // len(parts)))
    # A part with too few items leaves its share to the others, split evenly.
    taken = {id(item) for item in chosen}
    rest = {part: [item for item in pool if id(item) not in taken] for part, pool in pools.items()}
    while len(chosen) < args.items and any(rest.values()):
        for part in parts:
            if rest[part] and len(chosen) < args.items:
                chosen.append(rest[part].pop(rng.randrange(len(rest[part]))))
    # Grouped by article, so that a rater reads each article once.
    chosen.sort(key=lambda item: (item["article"], rng.random()))
    texts = {name: (title, body) for articles in parts.values() for name, title, body in articles}
    shown_articles = {}
    rows = []
    for n, item in enumerate(chosen, 1):
        title, body = texts[item["article"]]
        shown_articles[item["article"]] = f"{title}\n\n{body}"
        shown = {"n": n, "article": item["article"], "kind": item["kind"], "question": item["question"]}
        shown["answer"] = item["answer"]
        if item["kind"] == "cloze":
            shown["note"] = "cloze: the blank _____ is filled by the answer"
        if item["wrong_options"]:
            shown["wrong_options"] = item["wrong_options"]
        if item["pairs"]:
            shown["pairs"] = item["pairs"]
        rows.append(shown)
        item.update(n=n, round=args.round, seed=args.seed, commit=commit(), part=part_of[item["article"]])
    packet = {"articles": shown_articles, "items": rows}
    (workdir / "packet.json").write_text(json.dumps(packet, ensure_ascii=False, indent=1), encoding="utf-8")
    with (workdir / "items.jsonl").open("w", encoding="utf-8") as out:
        for item in chosen:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    counts = Counter(part_of[item["article"]] for item in chosen)
    print(
        f"{len(chosen)} items ({', '.join(f'{part} {count}' for part, count in counts.items())}) "
        f"of {len(items)} from {len(shown_articles)} articles -> {workdir / 'packet.json'}"
    )


def read_ratings(path: Path, count: int) -> dict[int, dict]:
    """A rater's answers by item number, checked: every item once, every criterion 0 or 1."""
    ratings: dict[int, dict] = {}
    text = path.read_text(encoding="utf-8").strip()
    rows = json.loads(text) if text.startswith("[") else [json.loads(line) for line in text.splitlines() if line]
    for row in rows:
        if any(row.get(criterion) not in (0, 1) for criterion in CRITERIA):
            raise SystemExit(f"{path}: item {row.get('n')} lacks a 0 or 1 for every criterion")
        ratings[int(row["n"])] = {criterion: row[criterion] for criterion in CRITERIA} | {"why": row.get("why", "")}
    missing = sorted(set(range(1, count + 1)) - set(ratings))
    if missing:
        raise SystemExit(f"{path}: no rating for items {missing[:10]}")
    return ratings


def collect(args: argparse.Namespace) -> None:
    workdir = WORK / args.round
    items = [json.loads(line) for line in (workdir / "items.jsonl").read_text(encoding="utf-8").splitlines()]
    raters = [read_ratings(Path(path), len(items)) for path in args.ratings]
    JUDGED.mkdir(parents=True, exist_ok=True)
    with (JUDGED / f"{args.round}.jsonl").open("w", encoding="utf-8") as out:
        for item in items:
            ratings = {f"rater_{i}": rater[item["n"]] for i, rater in enumerate(raters, 1)}
            acceptable = all(r[c] for r in ratings.values() for c in CRITERIA)
            out.write(json.dumps(item | ratings | {"acceptable": acceptable}) + "\n")
    write_report()


def rounds() -> dict[str, list[dict]]:
    found = {}
    for path in sorted(JUDGED.glob("*.jsonl")):
        found[path.stem] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return found


def figures(rated: list[dict]) -> list[str]:
    """The report of one round, as Markdown lines."""
    strict = [{c: min(r["rater_1"][c], r["rater_2"][c]) for c in CRITERIA} for r in rated]
    accepted = sum(r["acceptable"] for r in rated)
    agree = sum(all(r["rater_1"][c] for c in CRITERIA) == all(r["rater_2"][c] for c in CRITERIA) for r in rated)
    lines = [
        f"{accepted} of {len(rated)} acceptable (**{accepted / len(rated):.0%}**); the raters agreed on "
        f"acceptable or not for {agree / len(rated):.0%} of the items.",
        "",
        "| kind | items | acceptable |",
        "| --- | ---: | ---: |",
    ]
    for kind in KINDS:
        of_kind = [r for r in rated if r["kind"] == kind]
        if of_kind:
            ok = sum(r["acceptable"] for r in of_kind)
            lines.append(f"| {kind} | {len(of_kind)} | {ok} ({ok / len(of_kind):.0%}) |")
    lines += ["", "| criterion | share met |", "| --- | ---: |"]
    for criterion in CRITERIA:
        lines.append(f"| {criterion} | {sum(s[criterion] for s in strict) / len(rated):.0%} |")
    lines += ["", "| part of the corpus | items | acceptable |", "| --- | ---: | ---: |"]
    for part in dict.fromkeys(r["part"] for r in rated):
        of_part = [r for r in rated if r["part"] == part]
        ok = sum(r["acceptable"] for r in of_part)
        lines.append(f"| {part} | {len(of_part)} | {ok} ({ok / len(of_part):.0%}) |")
    worst = sorted(zip(rated, strict), key=lambda pair: (sum(pair[1].values()), pair[0]["n"]))[:5]
    lines += ["", "The worst five:", ""]
    for item, scores in worst:
        reasons = "; ".join(dict.fromkeys(why for why in (item["rater_1"]["why"], item["rater_2"]["why"]) if why))
        failed = ", ".join(c for c in CRITERIA if not scores[c])
        question = item["question"].replace("|", "\\|")
        lines.append(f'- {item["kind"]}: "{question}" -> "{item["answer"]}" ({failed}: {reasons})')
    return lines


def write_report() -> None:
    found = rounds()
    lines = [
        SECTION,
        "",
        "Blind rating with `../shared/JUDGE.md` (`python bench/judge.py`): a seeded sample of the",
        "default output of `quizgen generate` over the development corpus (VOA news, SQuAD file A's",
        "paragraphs joined into article-sized texts, and `bench/articles`), a third from each part,",
        "rated by two independent raters; the stricter rating stands. Every rated item is kept in",
        f"`bench/judged/` ({sum(len(r) for r in found.values())} so far).",
    ]
    training = {name: rated for name, rated in found.items() if "rater_2" not in rated[0]}
    if training:
        lines += [
            "",
            f"{', '.join(training)} ({sum(len(r) for r in training.values())} items): one rater each,",
            "labels for the quality model, not measurements.",
        ]
    for name, rated in found.items():
        if name in training:
            continue
        first = rated[0]
        articles = len({r["article"] for r in rated})
        lines += ["", f"### Round {name}", ""]
        lines += [
            f"Commit {first.get('commit', '?')}, seed {first['seed']}: {len(rated)} items from {articles} articles.",
            "",
        ]
        lines += figures(rated)
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    RESULTS.write_text(replace_section(text, "\n".join(lines) + "\n"), encoding="utf-8")
    print("\n".join(lines))


def section_of(text: str, heading: str = SECTION) -> str:
    """The section ``heading`` of ``text``, or "" (``make bench`` keeps it when it rewrites the file)."""
    start = text.find(f"\n{heading}")
    if start < 0:
        return ""
    end = text.find("\n## ", start + 1)
    return text[start + 1 : end + 1 if end >= 0 else len(text)]


def replace_section(text: str, section: str, heading: str = SECTION) -> str:
    """``text`` with its section ``heading`` (to the next "## ") replaced by ``section``, or added."""
    start = text.find(f"\n{heading}")
    if start < 0:
        return text.rstrip("\n") + "\n\n" + section
    end = text.find("\n## ", start + 1)
    return text[: start + 1] + section + (text[end:] if end >= 0 else "")


def commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip() or "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("sample", help="generate and write the rating packet of a round")
    made.add_argument("--round", required=True)
    made.add_argument("--items", type=int, default=165)
    made.add_argument("--seed", type=int, default=1)
    made.add_argument("--like", metavar="ROUND", help="sample from the articles of an earlier round only")
    made.add_argument(
        "--only",
        metavar="PATTERN",
        action="append",
        help="sample from the articles whose name matches, e.g. 'own/news-*' (repeat for several)",
    )
    made.add_argument("--fresh", action="store_true", help="sample only items no earlier round rated")
    made.add_argument("--all", action="store_true", help="sample every item made, not only those kept (training)")
    rated = commands.add_parser("collect", help="join two raters' ratings to a round's items")
    rated.add_argument("--round", required=True)
    # Two raters for a measurement; one is enough for a training label.
    rated.add_argument("ratings", nargs="+", metavar="RATINGS.jsonl")
    commands.add_parser("report", help="write the figures of every round into bench/RESULTS.md")
    args = parser.parse_args()
    if args.command == "sample":
        sample(args)
    elif args.command == "collect":
        collect(args)
    else:
        write_report()


if __name__ == "__main__":
    sys.exit(main())
