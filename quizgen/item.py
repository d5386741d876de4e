"""The item: what generation hands to the store, and the keys that identify it.

A leaf of the pipeline (article -> analysis -> facts -> questions -> quality ->
generation -> forms -> **items** -> store): it imports no stage, so every
stage, the store and the exports can share it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from quizgen.normalize import words
from quizgen.wording import ARTICLES

# The rule of an item a teacher wrote, before its kind: "authored/cloze".
AUTHORED = "authored/"


@dataclass(frozen=True)
class Item:
    """A question-answer item drawn from one sentence of an article.

    ``key`` names what the item asks about (the article, the kind, the sentence
    and the answer), not its wording, so it stays the same when the generator
    rewords a question and review history can follow it.
    """

    key: str
    kind: str
    prompt: str
    answer: str
    sentence: str
    sentence_start: int
    answer_start: int | None  # in the sentence; None where the answer is no span of it
    answer_end: int | None
    rule: str  # "pattern/kind": the fact pattern that found it and the form it takes
    score: float
    reasons: tuple[str, ...]
    accepted_answers: tuple[str, ...] = ()
    distractors: tuple[str, ...] = ()
    label: str = ""  # the answer's entity label, "" when it is no name
    # Matching items only: (left, right) in their correct order.
    pairs: tuple[tuple[str, str], ...] = ()


def is_authored(rule: str) -> bool:
    """Whether an item's ``rule`` says a teacher wrote it (``authored/<kind>``) rather than quizgen."""
    return rule.startswith(AUTHORED)


def content_hash(text: str) -> str:
    """The identity of an article's body: equal for the same text however it is spaced."""
    canonical = " ".join(text.split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def item_key(article_hash: str, kind: str, sentence: str, answer_start: int, answer: str) -> str:
    """The stable key of an item; ``article_hash`` is the article's :func:`content_hash`."""
    # Keys are built from the plain words, not from ``normalize``, so that what
    # the normalizer learns to treat as equal never changes a stored key.
    identity = "\x1f".join((article_hash, kind, _plain(sentence), str(answer_start), _plain(answer)))
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32]


def _plain(text: str) -> str:
    found = words(text)
    while found and found[0] in ARTICLES:
        found = found[1:]
    return " ".join(found)
