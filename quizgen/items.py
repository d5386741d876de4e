"""Items: the questions of an article, ranked and ready to store.

analysis -> facts -> questions -> quality -> items (this) -> store. ``generate``
runs the whole chain on one text and touches no database.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quizgen.normalize import words

WORDS_PER_ITEM = 40
MIN_ITEMS = 3
MAX_PER_SENTENCE = 3


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
    rule: str
    score: float
    reasons: tuple[str, ...]
    accepted_answers: tuple[str, ...] = ()
    distractors: tuple[str, ...] = ()
    label: str = ""  # the answer's entity label, "" when it is no name
    # Matching items only: (left, right) in their correct order.
    pairs: tuple[tuple[str, str], ...] = ()


def item_key(article_hash: str, kind: str, sentence: str, answer_start: int, answer: str) -> str:
    """The stable key of an item; ``article_hash`` is the article's content hash."""
    # Keys are built from the plain words, not from ``normalize``, so that what
    # the normalizer learns to treat as equal never changes a stored key.
    identity = "\x1f".join((article_hash, kind, _plain(sentence), str(answer_start), _plain(answer)))
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32]


def _plain(text: str) -> str:
    found = words(text)
    while found and found[0] in ("a", "an", "the"):
        found = found[1:]
    return " ".join(found)


def default_limit(text: str) -> int:
    """How many items an article deserves: one per 40 words, at least three."""
    return max(MIN_ITEMS, round(len(text.split()) / WORDS_PER_ITEM))


def generate(
    text: str,
    title: str | None = None,
    seed: int = 0,
    *,
    limit: int | None = None,
    model: str | None = None,
    distractors: int = 3,
    corpus: Mapping[str, Sequence[str]] | None = None,
) -> list[Item]:
    """The items for an article's body ``text``: its best questions and clozes
    (``limit``, by default :func:`default_limit`), then their multiple-choice,
    true/false and matching forms.

    ``title`` is the headline, kept out of the analysed text. ``seed`` drives
    every random choice (distractors, true or false), so the same text and
    seed give the same items. ``distractors`` is the number of wrong options
    a multiple-choice item needs; ``corpus`` maps an entity label to names
    from other articles, for when the article has too few of its own.
    """
    from quizgen.analyze import analyze

    doc = next(analyze([text], model=model))
    return items_from_doc(doc, limit=limit, distractors=distractors, corpus=corpus, seed=seed)


def _spread(ranked: list, limit: int) -> list:
    """The best ``limit`` candidates, with at most three items and one cloze per sentence,
    so that a quiz covers the article rather than its first paragraph."""
    chosen = []
    per_sentence: dict[int, list[str]] = {}
    for candidate, judgement in ranked:
        kinds = per_sentence.setdefault(candidate.fact.sentence_start, [])
        if len(kinds) >= MAX_PER_SENTENCE or (candidate.kind == "cloze" and "cloze" in kinds):
            continue
        kinds.append(candidate.kind)
        chosen.append((candidate, judgement))
        if len(chosen) == limit:
            break
    return chosen


def items_from_doc(
    doc,  # spacy.tokens.Doc
    *,
    limit: int | None = None,
    distractors: int = 3,
    corpus: Mapping[str, Sequence[str]] | None = None,
    seed: int | str = 0,
) -> list[Item]:
    from quizgen.facts import extract_facts
    from quizgen.forms.compose import compose
    from quizgen.ingest import content_hash
    from quizgen.quality import judge, thin_duplicates
    from quizgen.questions.realize import candidates

    text = doc.text
    article_hash = content_hash(text)
    judged = []
    for fact in extract_facts(doc):
        for candidate in candidates(fact, doc, text):
            judgement = judge(candidate)
            if judgement.keep:
                judged.append((candidate, judgement))
    judged.sort(key=lambda pair: (-pair[1].score, pair[0].fact.answer_start, pair[0].kind))
    chosen = _spread(thin_duplicates(judged), limit if limit is not None else default_limit(text))
    questions = [
        (
            Item(
                key=item_key(article_hash, c.kind, c.sentence, c.answer_start, c.answer),
                kind=c.kind,
                prompt=c.prompt,
                answer=c.answer,
                sentence=c.sentence,
                sentence_start=c.fact.sentence_start,
                answer_start=c.answer_start,
                answer_end=c.answer_end,
                rule=f"{c.fact.pattern}/{c.kind}",
                score=j.score,
                reasons=j.reasons,
                accepted_answers=c.accepted,
                label=c.fact.label,
            ),
            doc.char_span(c.fact.answer_start, c.fact.answer_end, alignment_mode="expand"),
            c.fact.label,
            c.fact.detail,
        )
        for c, j in chosen
    ]
    return compose(questions, doc, article_hash, count=distractors, corpus=corpus, seed=seed)
