"""Evaluation harness for answer-aware question generation (SQuAD, Du et al. 2017 split).

    python bench/eval_qg.py [--data FILE] [--limit N] [--out bench/eval_qg.json]

The recipe is the published one: predictions are lowercased and PTB-tokenized
(Stanford's PTBTokenizer, as the references were), grouped by source sentence;
all gold questions of a sentence are its references and the first prediction
per sentence is scored with coco-caption's corpus BLEU, METEOR 1.5 and ROUGE-L
(``pycocoevalcap``, the ``eval`` extra). METEOR and the Stanford tokenizer need
Java; without it METEOR is reported as unavailable and a regex PTB tokenizer is
used.

Also reported: the share of rows for which ``question_for`` gives no question;
key-fact recall, the share of gold answers that some item of
``quizgen.generate(context)`` matches at token F1 >= 0.5, with the items per
100 words; and the figures of the baseline that replaces the answer in its own
sentence with "what", computed in the same run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "qg-squad-dev-A.jsonl.gz"


def load(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def first_per_sentence(rows: list[dict]) -> list[dict]:
    seen: dict[str, dict] = {}
    for row in rows:
        seen.setdefault(row["sentence_tok"], row)
    return list(seen.values())


def references(rows: list[dict]) -> dict[str, list[str]]:
    refs: dict[str, list[str]] = {}
    for row in rows:
        refs.setdefault(row["sentence_tok"], []).append(row["question_tok"])
    return refs


# --- tokenization -----------------------------------------------------------


def _stanford_jar() -> Path | None:
    if not shutil.which("java"):
        return None
    import importlib.util

    spec = importlib.util.find_spec("pycocoevalcap")
    if spec is None or not spec.submodule_search_locations:
        return None
    jar = Path(list(spec.submodule_search_locations)[0]) / "tokenizer" / "stanford-corenlp-3.4.1.jar"
    return jar if jar.exists() else None


def ptb_tokenize(texts: list[str]) -> tuple[list[str], str]:
    """Lowercased PTB tokens, one string per text, and the tokenizer's name."""
    jar = _stanford_jar()
    cleaned = [" ".join(t.split()) if t else "" for t in texts]
    if jar is not None:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
            f.write("\n".join(c or "." for c in cleaned) + "\n")
            name = f.name
        try:
            done = subprocess.run(
                [
                    "java",
                    "-cp",
                    str(jar),
                    "edu.stanford.nlp.process.PTBTokenizer",
                    "-preserveLines",
                    "-lowerCase",
                    name,
                ],
                capture_output=True,
                text=True,
                check=True,
            )
        finally:
            os.unlink(name)
        lines = done.stdout.split("\n")[: len(cleaned)]
        return [line.strip() if c else "" for line, c in zip(lines, cleaned)], "Stanford PTBTokenizer 3.4.1"
    return [_regex_ptb(c).lower() for c in cleaned], "regex PTB tokenizer (no Java)"


def _regex_ptb(text: str) -> str:
    text = re.sub(r'^"', "``", text)
    text = re.sub(r'([ (\[{<])"', r"\1 `` ", text)
    text = re.sub(r"([:,])([^\d])", r" \1 \2", text)
    text = re.sub(r"\.\.\.", " ... ", text)
    text = re.sub(r"[;@#$%&?!]", r" \g<0> ", text)
    text = re.sub(r'([^\.])(\.)([\]\)}>"\']*)\s*$', r"\1 \2\3 ", text)
    text = re.sub(
        r"[\]\[\(\)\{\}<>]",
        lambda m: {"(": "-LRB-", ")": "-RRB-", "[": "-LSB-", "]": "-RSB-", "{": "-LCB-", "}": "-RCB-"}.get(
            m.group(0), m.group(0)
        ),
        text,
    )
    text = re.sub(r'"', " '' ", text)
    text = re.sub(r"([^' ])('[sS]|'[mM]|'[dD]|') ", r"\1 \2 ", text)
    text = re.sub(r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", r"\1 \2 ", text)
    return " ".join(text.split())


# --- scoring ----------------------------------------------------------------


def score(predictions: dict[str, str], refs: dict[str, list[str]]) -> dict[str, float | None]:
    from pycocoevalcap.bleu.bleu import Bleu
    from pycocoevalcap.rouge.rouge import Rouge

    gts = {k: refs[k] for k in predictions}
    res = {k: [predictions[k]] for k in predictions}
    bleu, _ = Bleu(4).compute_score(gts, res, verbose=0)
    rouge, _ = Rouge().compute_score(gts, res)
    figures: dict[str, float | None] = {f"BLEU-{n + 1}": 100 * b for n, b in enumerate(bleu)}
    figures["METEOR"] = None
    if shutil.which("java"):
        from pycocoevalcap.meteor.meteor import Meteor

        meteor = Meteor()
        value, _ = meteor.compute_score(gts, res)
        figures["METEOR"] = 100 * value
        del meteor
    figures["ROUGE-L"] = 100 * rouge
    return figures


def what_baseline(sentence_tok: str, answer_tok: str) -> str:
    """The answer in its own (tokenized) sentence replaced by "what", ending in "?"."""
    sentence = f" {sentence_tok} "
    answer = f" {answer_tok} "
    replaced = sentence.replace(answer, " what ", 1) if answer.strip() and answer in sentence else sentence
    words = replaced.split()
    if words and words[-1] in (".", "!", "?"):
        words = words[:-1]
    return " ".join([*words, "?"])


def token_f1(a: str, b: str) -> float:
    from collections import Counter

    from quizgen.normalize import normalize

    first, second = normalize(a).split(), normalize(b).split()
    common = sum((Counter(first) & Counter(second)).values())
    if not common:
        return 0.0
    precision, recall = common / len(first), common / len(second)
    return 2 * precision * recall / (precision + recall)


def key_fact_recall(rows: list[dict]) -> dict[str, float]:
    """Share of gold answers matched (token F1 >= 0.5) by an item of ``generate(context)``."""
    from quizgen.analyze import analyze
    from quizgen.generation import items_from_doc

    contexts = list(dict.fromkeys(r["context"] for r in rows))
    # The questions and clozes; the other forms are made from them and add no answers.
    answers = {
        c: [i.answer for i in items_from_doc(d, distractors=0) if i.kind in ("wh", "cloze")]
        for c, d in zip(contexts, analyze(contexts))
    }
    matched = sum(any(token_f1(a, r["answer"]) >= 0.5 for a in answers[r["context"]]) for r in rows)
    words = sum(len(c.split()) for c in contexts)
    return {
        "key-fact recall (token F1 >= 0.5)": matched / len(rows),
        "items per 100 words": 100 * sum(len(a) for a in answers.values()) / words,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N sentences")
    parser.add_argument("--out", type=Path, default=None, help="write figures and predictions as JSON")
    args = parser.parse_args()

    import quizgen

    rows = load(args.data)
    firsts = first_per_sentence(rows)
    if args.limit:
        firsts = firsts[: args.limit]
        keep = {r["sentence_tok"] for r in firsts}
        rows = [r for r in rows if r["sentence_tok"] in keep]
    refs = references(rows)

    start = time.perf_counter()
    all_questions = quizgen.questions_for([(r["context"], r["answer"], r["answer_start"]) for r in rows])
    elapsed = time.perf_counter() - start
    by_id = {r["id"]: q for r, q in zip(rows, all_questions)}
    none_share = sum(q is None for q in all_questions) / len(rows)

    ours_raw = [by_id[r["id"]] or "" for r in firsts]
    tokens, tokenizer = ptb_tokenize(ours_raw + [r["answer"] for r in firsts])
    keys = [r["sentence_tok"] for r in firsts]
    ours = dict(zip(keys, tokens[: len(firsts)]))
    base = {k: what_baseline(k, a) for k, a in zip(keys, tokens[len(firsts) :])}

    result = {
        "data": args.data.name,
        "rows": len(rows),
        "sentences": len(firsts),
        "tokenizer": tokenizer,
        "quizgen": score(ours, refs),
        "baseline (answer -> what)": score(base, refs),
        "no question (share of rows)": none_share,
        **key_fact_recall(rows),
        "seconds for question_for on all rows": elapsed,
    }
    print(json.dumps(result, indent=2))
    if args.out:
        samples = [{"answer": r["answer"], "prediction": by_id[r["id"]], "gold": r["question"]} for r in firsts]
        args.out.write_text(json.dumps({**result, "predictions": samples}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
