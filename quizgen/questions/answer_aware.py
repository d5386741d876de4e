"""Answer-aware question generation: a passage and an answer span in, a question out.

The public entry points ``quizgen.question_for`` and ``quizgen.questions_for``.
They share the parse and the wh-transformation with ``quizgen.generate``; the
difference is only that the answer is given instead of chosen.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from quizgen.normalize import contains
from quizgen.questions.wh import render_question, wh_phrase, wh_question

Row = tuple[str, str, "int | None"]


def question_for(context: str, answer: str, answer_start: int | None = None) -> str | None:
    """A question about ``context`` whose answer is ``answer`` (at ``answer_start``, if given)."""
    return questions_for([(context, answer, answer_start)])[0]


def questions_for(rows: Sequence[Row], *, model: str | None = None, batch_size: int = 64) -> list[str | None]:
    """:func:`question_for` for many ``(context, answer, answer_start)`` rows, parsing each context once."""
    from quizgen.analyze import analyze

    contexts = list(dict.fromkeys(row[0] for row in rows))
    docs = dict(zip(contexts, analyze(contexts, model=model, batch_size=batch_size)))
    return [_question(docs[context], answer, start) for context, answer, start in rows]


def _question(doc: Doc, answer: str, start: int | None) -> str | None:
    answer = answer.strip()
    if not answer:
        return None
    if start is None or doc.text[start : start + len(answer)] != answer:
        found = doc.text.find(answer)
        if found < 0:
            return None
        start = found
    span = doc.char_span(start, start + len(answer), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    sentence = _sentence_of(doc, span)
    for make in (wh_question, _in_place):
        question = make(sentence, span)
        if question is not None and not contains(question, answer) and not contains(question, span.text):
            return question
    return None


def _sentence_of(doc: Doc, span: Span) -> Span:
    first = doc[span.start].sent
    last = doc[span.end - 1].sent
    return doc[first.start : last.end]


def _in_place(sentence: Span, answer: Span) -> str | None:
    """The sentence with the answer replaced by its wh-word: the last resort."""
    phrase = wh_phrase(answer)
    words: list = []
    for token in sentence:
        if answer.start <= token.i < answer.end:
            if token.i == answer.start:
                words.append(phrase.words)
            continue
        words.append(token)
    return render_question(words, answer)
