"""The quality model: how likely a strict teacher is to print an item unchanged.

A logistic regression over :mod:`quizgen.quality.features`, trained on items
rated blind by teachers' rubric (``bench/train_quality.py``) and shipped as
its coefficients in ``model.json``, with the threshold above which an item is
predicted acceptable. Reading it needs nothing but the standard library.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen.quality.features import features, in_passing, parse_prompts

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from quizgen.item import Item

MODEL_FILE = Path(__file__).with_name("model.json")


@dataclass(frozen=True)
class QualityModel:
    weights: Mapping[str, float]
    intercept: float
    threshold: float  # predicted acceptable at or above this

    def probability(self, found: Mapping[str, float]) -> float:
        """The predicted chance that an item with the features ``found`` is acceptable."""
        z = self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in found.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


@cache
def shipped() -> QualityModel:
    """The model that ships with quizgen."""
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return QualityModel(weights=data["weights"], intercept=data["intercept"], threshold=data["threshold"])


def cut(threshold: float | None = None) -> float:
    """The score an item needs to be kept: ``threshold``, or by default the shipped model's own."""
    return shipped().threshold if threshold is None else threshold


def predict(items: Sequence[Item], doc: Doc, nlp: Language, model: QualityModel | None = None) -> list[float]:
    """The predicted chance that each of ``items``, the items of the article
    ``doc``, is acceptable; ``nlp`` parses their questions on their own. A
    person named only in passing is a side detail (:func:`in_passing`): 0."""
    model = model or shipped()
    parsed = parse_prompts(items, nlp)
    return [
        0.0 if in_passing(item, doc) else round(model.probability(features(item, doc, p)), 4)
        for item, p in zip(items, parsed)
    ]
