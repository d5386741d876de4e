"""Generation: one article's text in, its items out, with no database involved.

article -> analysis -> facts -> questions -> quality -> generation (this) ->
forms -> items. The facts are found, each asked as a question and a cloze,
the questions judged, the best spread over the article, their forms composed,
and every item scored by the quality model, which keeps those a teacher is
likely to print. :mod:`quizgen.workflows.generate` runs this over stored articles.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from quizgen.item import Item

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from quizgen.quality import Judgement
    from quizgen.questions.realize import Question

WORDS_PER_ITEM = 40
MIN_ITEMS = 3
MAX_PER_SENTENCE = 3


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
    threshold: float | None = None,
) -> list[Item]:
    """The items for an article's body ``text`` that a teacher is predicted to
    print unchanged, best first: its best questions and clozes (``limit``, by
    default :func:`default_limit`) and their multiple-choice, true/false and
    matching forms, each scored by the quality model.

    An item's ``score`` is the model's predicted chance that it is acceptable;
    only items at or above ``threshold`` (by default the model's own) are
    kept, and ``threshold=0`` keeps them all, ranked, for curation.

    ``title`` is the headline, kept out of the analysed text. ``seed`` drives
    every random choice (distractors, true or false), so the same text and
    seed give the same items. ``distractors`` is the number of wrong options
    a multiple-choice item needs; they come from the article and from fixed
    sources (the gazetteer, numbers, dates), never from other articles, so an
    article's items are the same whatever else is stored beside them.
    """
    from quizgen.analyze import analyze

    doc = next(analyze([text], model=model))
    return items_from_doc(
        doc, limit=limit, distractors=distractors, seed=seed, threshold=threshold, model=model, title=title or ""
    )


def items_from_doc(
    doc: Doc,
    *,
    limit: int | None = None,
    distractors: int = 3,
    seed: int | str = 0,
    threshold: float | None = None,
    model: str | None = None,
    title: str = "",
) -> list[Item]:
    """:func:`generate` on an article already parsed by :func:`quizgen.analyze.analyze`
    (with the pipeline ``model``, which also parses the questions for the quality model).
    ``title``, the headline, tells the quality model what the article is about."""
    from quizgen.facts import extract_facts
    from quizgen.forms.compose import compose
    from quizgen.item import content_hash
    from quizgen.quality import judge, thin_duplicates
    from quizgen.quality.features import set_title
    from quizgen.questions.realize import questions

    set_title(doc, title)
    text = doc.text
    judged = []
    for fact in extract_facts(doc):
        for question in questions(fact, doc, text):
            judgement = judge(question)
            if judgement.keep:
                judged.append((question, judgement))
    judged.sort(key=lambda pair: (-pair[1].score, pair[0].fact.answer_start, pair[0].kind))
    chosen = _spread(thin_duplicates(judged), limit if limit is not None else default_limit(text))
    items = compose(chosen, doc, content_hash(text), count=distractors, seed=seed)
    return ranked(items, doc, threshold=threshold, model=model)


def ranked(items: list[Item], doc: Doc, *, threshold: float | None = None, model: str | None = None) -> list[Item]:
    """``items`` scored by the quality model, best first, and :func:`kept` at
    ``threshold``; ``threshold=0`` keeps every item, for curation. The rules'
    score stays in the reasons, with the prediction."""
    from quizgen.analyze import pipeline
    from quizgen.quality.model import predict

    scored = [
        replace(item, score=p, reasons=(f"rule score {item.score:g}", f"predicted acceptable {p:.0%}", *item.reasons))
        for item, p in zip(items, predict(items, doc, pipeline(model)))
    ]
    return kept(sorted(scored, key=lambda item: -item.score), threshold)


def kept(items: list[Item], threshold: float | None = None) -> list[Item]:
    """Of ``items``, scored and best first (as ``threshold=0`` gives them), those
    at or above ``threshold`` (by default the model's own), without those whose
    answer a better item's stem shows, or whose stem shows a better item's
    answer; ``threshold=0`` keeps them all."""
    from quizgen.quality.giveaways import without_giveaways
    from quizgen.quality.model import cut

    least = cut(threshold)
    above = [item for item in items if item.score >= least]
    return without_giveaways(above) if least > 0 else above


def _spread(ranked: list[tuple[Question, Judgement]], limit: int) -> list[tuple[Question, Judgement]]:
    """The best ``limit`` questions, with at most three items and one cloze per sentence,
    so that a quiz covers the article rather than its first paragraph."""
    chosen: list[tuple[Question, Judgement]] = []
    per_sentence: dict[int, list[str]] = {}
    for question, judgement in ranked:
        kinds = per_sentence.setdefault(question.fact.sentence_start, [])
        if len(kinds) >= MAX_PER_SENTENCE or (question.kind == "cloze" and "cloze" in kinds):
            continue
        kinds.append(question.kind)
        chosen.append((question, judgement))
        if len(chosen) == limit:
            break
    return chosen
