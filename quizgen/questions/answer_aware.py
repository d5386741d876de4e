"""Answer-aware question generation: a passage and an answer span in, a question out.

The public entry points ``quizgen.question_for`` and ``quizgen.questions_for``.
They share the parse and the wh-transformation with ``quizgen.generate``; the
difference is only that the answer is given instead of chosen.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from quizgen.normalize import contains
from quizgen.questions.wh import in_place, predicate_question, render_question, wh_phrase, wh_question

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
    for make in (wh_question, predicate_question, _clause_fallback):
        question = make(sentence, span)
        if question is not None and not contains(question, answer) and not contains(question, span.text):
            return question
    return None


def _sentence_of(doc: Doc, span: Span) -> Span:
    first = doc[span.start].sent
    last = doc[span.end - 1].sent
    return doc[first.start : last.end]


# Branches a last-resort question can lose, longest first, to stay short.
_BRANCHES = frozenset(
    {"prep", "advcl", "relcl", "acl", "conj", "cc", "appos", "ccomp", "npadvmod", "advmod", "parataxis", "punct"}
)
IN_PLACE_WORDS = 12


def _clause_fallback(sentence: Span, answer: Span) -> str | None:
    """The answer's clause with the answer replaced by its wh-word: the last resort.

    Used where the clause has no subject to invert around (a heading, a
    fragment, a parse gone wrong); kept short, since the rest of the sentence
    is then more often noise than help.
    """
    phrase = wh_phrase(answer)
    inside = set(range(answer.start, answer.end)) | set(phrase.absorbed)
    root = answer.root
    while root.head.i != root.i and (root.i in inside or root.pos_ not in ("VERB", "AUX")):
        root = root.head
    kept = [t for t in root.subtree if sentence.start <= t.i < sentence.end]
    branches = sorted(
        (t for t in kept if t.dep_ in _BRANCHES and t.i not in inside and t.i != root.i),
        key=lambda t: -len(list(t.subtree)),
    )
    for branch in branches:
        if sum(1 for t in kept if not t.is_punct) <= IN_PLACE_WORDS:
            break
        ids = {t.i for t in branch.subtree}
        if ids & inside:
            continue
        kept = [t for t in kept if t.i not in ids]
    return render_question(in_place(kept, inside, phrase.words), answer)
