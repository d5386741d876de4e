"""Train the quality model on the labelled set, and report its cross-validated precision.

    python bench/train_quality.py            # train, report, write quizgen/quality/model.json
    python bench/train_quality.py --dry-run  # report only

The labelled set is every rated item in ``bench/judged/`` and the shared
``judged-news-dev.jsonl``: an item is labelled acceptable when every rater
found it so. Each item is described by :func:`quizgen.quality.features.features`
against its article (the development corpus of ``bench/judge.py``), and an
L2-regularized logistic regression (scikit-learn, a training-time tool) learns
how likely a strict teacher is to print it. Folds are grouped by article, so
that no article's items are both learned from and predicted.

The threshold shipped is the lowest at which 70% of the kept items are acceptable in
cross-validation; the figures go to the "Quality model"
section of ``bench/RESULTS.md``. The model ships as coefficients over the raw
features (the scaling folded in), with no runtime dependency.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import judge  # noqa: E402

ROOT = judge.ROOT
SHARED_LABELS = judge.SHARED / "data" / "judged-news-dev.jsonl"
MODEL = ROOT / "quizgen" / "quality" / "model.json"
SECTION = "## Quality model"
FOLDS = 5
C = 0.1
# The cross-validated precision the shipped threshold must reach.
PRECISION = 0.70
# Items a feature must be seen on to be learned.
MIN_SUPPORT = 15


def labelled() -> list[dict]:
    rows = []
    for rated in judge.rounds().values():
        rows += rated
    for line in SHARED_LABELS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        row["article"] = f"news/{row['article']}"
        rows.append(row)
    return rows


def described(rows: list[dict]) -> tuple[list[dict[str, float]], list[int], list[str], list[dict]]:
    """The features, labels and article of each labelled item whose article is in the corpus."""
    from quizgen.analyze import analyze, pipeline
    from quizgen.item import Item
    from quizgen.quality.features import features, parse_prompts, set_title

    texts = {name: body for part in judge.corpus().values() for name, _, body in part}
    titles = {name: title for part in judge.corpus().values() for name, title, _ in part}
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if row["article"] in texts:
            by_article[row["article"]].append(row)
    names = sorted(by_article)
    nlp = pipeline()
    xs, ys, groups, kept = [], [], [], []
    for name, doc in zip(names, analyze(texts[name] for name in names)):
        set_title(doc, titles[name])
        items = [
            Item(
                key=row["key"],
                kind=row["kind"],
                prompt=row["question"],
                answer=row["answer"],
                sentence="",
                sentence_start=0,
                answer_start=None,
                answer_end=None,
                rule=row["rule"],
                # Rounds before the quality model stored the rules' score as the score.
                score=float(row.get("rule_score") or row.get("score") or 0.0),
                reasons=(),
                distractors=tuple(row.get("wrong_options") or ()),
                pairs=tuple(tuple(pair) for pair in row.get("pairs") or ()),
            )
            for row in by_article[name]
        ]
        for row, item, parsed in zip(by_article[name], items, parse_prompts(items, nlp)):
            xs.append(features(item, doc, parsed))
            ys.append(int(bool(row["acceptable"])))
            groups.append(name)
            kept.append(row)
    return xs, ys, groups, kept


def matrix(xs: list[dict[str, float]], names: list[str]) -> np.ndarray:
    index = {name: i for i, name in enumerate(names)}
    out = np.zeros((len(xs), len(names)))
    for row, x in enumerate(xs):
        for name, value in x.items():
            if name in index:
                out[row, index[name]] = value
    return out


def fit(x: np.ndarray, y: np.ndarray):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    model = make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=5000))
    model.fit(x, y)
    return model


def cross_validated(x: np.ndarray, y: np.ndarray, groups: list[str]) -> np.ndarray:
    from sklearn.model_selection import GroupKFold

    predicted = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        predicted[test] = fit(x[train], y[train]).predict_proba(x[test])[:, 1]
    return predicted


def threshold_for(predicted: np.ndarray, y: np.ndarray) -> float:
    """The lowest threshold whose kept items are at least :data:`PRECISION` acceptable
    (cross-validated): fewer good items beat more bad ones. Where none is, the one that
    weighs precision twice as much as recall (the best F0.5)."""
    for t in sorted(set(np.round(predicted, 3))):
        kept = predicted >= t
        if kept.sum() < 10:
            break
        if y[kept].mean() >= PRECISION:
            return float(t)
    best, best_f = 1.0, -1.0
    for t in sorted(set(np.round(predicted, 3))):
        kept = predicted >= t
        if kept.sum() < 10:
            break
        precision, recall = y[kept].mean(), y[kept].sum() / max(y.sum(), 1)
        f = 1.25 * precision * recall / (0.25 * precision + recall) if precision + recall else 0.0
        if f > best_f:
            best, best_f = float(t), f
    return best


def report(predicted: np.ndarray, y: np.ndarray, kinds: list[str], threshold: float) -> list[str]:
    from sklearn.metrics import roc_auc_score

    lines = [
        SECTION,
        "",
        "`python bench/train_quality.py`: L2 logistic regression over the features of",
        "`quizgen/quality/features.py`, trained on every rated item (`bench/judged/` and the shared",
        f"labelled set), {len(y)} items of which {int(y.sum())} acceptable ({y.mean():.0%}).",
        f"{FOLDS}-fold cross-validation grouped by article: ROC AUC {roc_auc_score(y, predicted):.3f}.",
        "",
        "| threshold | items kept | precision of the kept |",
        "| ---: | ---: | ---: |",
    ]
    for t in sorted({0.0, 0.3, 0.4, 0.5, 0.6, 0.7, round(threshold, 3)}):
        kept = predicted >= t
        if kept.sum():
            mark = " (shipped)" if abs(t - threshold) < 1e-9 else ""
            lines.append(f"| {t:.3f}{mark} | {kept.mean():.0%} | {y[kept].mean():.0%} |")
    lines += ["", "At the shipped threshold, per kind (cross-validated):", "", "| kind | kept | precision |"]
    lines += ["| --- | ---: | ---: |"]
    for kind in judge.KINDS:
        mask = np.array([k == kind for k in kinds])
        kept = mask & (predicted >= threshold)
        if mask.sum():
            precision = f"{y[kept].mean():.0%}" if kept.sum() else "-"
            lines.append(f"| {kind} | {kept.sum()} of {mask.sum()} | {precision} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="report without writing the model")
    args = parser.parse_args()
    xs, ys, groups, rows = described(labelled())
    # A feature seen on a handful of items would get a weight from their few labels alone.
    support = Counter(name for x in xs for name, value in x.items() if value)
    names = sorted(name for name, count in support.items() if count >= MIN_SUPPORT)
    x, y = matrix(xs, names), np.array(ys)
    predicted = cross_validated(x, y, groups)
    threshold = threshold_for(predicted, y)
    lines = report(predicted, y, [r["kind"] for r in rows], threshold)
    print("\n".join(lines))
    if args.dry_run:
        return
    model = fit(x, y)
    scaler, regression = model.steps[0][1], model.steps[1][1]
    weights = regression.coef_[0] / scaler.scale_
    intercept = float(regression.intercept_[0] - np.sum(regression.coef_[0] * scaler.mean_ / scaler.scale_))
    shipped = {
        "threshold": round(threshold, 4),
        "intercept": round(intercept, 6),
        "weights": {name: round(float(w), 6) for name, w in zip(names, weights) if abs(w) > 1e-9},
        "trained_on": len(y),
    }
    MODEL.write_text(json.dumps(shipped, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    text = judge.RESULTS.read_text(encoding="utf-8")
    judge.RESULTS.write_text(judge.replace_section(text, "\n".join(lines) + "\n", SECTION), encoding="utf-8")


if __name__ == "__main__":
    main()
