"""Properties of answer-aware question generation, for any text and any answer."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import quizgen
from quizgen.normalize import contains
from tests.strategies import article_bodies

SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def text_and_answer(draw, texts=st.text(min_size=1, max_size=300)):
    text = draw(texts)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, min(len(text), start + 40)))
    return text, text[start:end], start


def well_formed(question: str | None, answer: str) -> None:
    if question is None:
        return
    assert question[0].isupper(), question
    assert question.endswith("?"), question
    assert not contains(question, answer), (question, answer)


@SETTINGS
@given(text_and_answer())
@example(("000000000:Y:00000000000:Y0", ":Y", 23))
def test_any_text_and_span_gives_a_well_formed_question_or_none(case):
    text, answer, start = case
    question = quizgen.question_for(text, answer, start)
    well_formed(question, answer)
    assert quizgen.question_for(text, answer, start) == question


@st.composite
def article_answers(draw):
    """A text made of real article sentences, with an entity or a run of words as answer."""
    text = draw(article_bodies)
    spans = [
        (m.start(), m.end()) for m in __import__("re").finditer(r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*|\d[\d,.]*", text)
    ]
    start, end = draw(st.sampled_from(spans)) if spans else (0, len(text.split()[0]))
    return text, text[start:end], start


@SETTINGS
@given(article_answers())
def test_article_answers_give_well_formed_questions(case):
    text, answer, start = case
    question = quizgen.question_for(text, answer, start)
    well_formed(question, answer)


def test_batched_and_single_calls_agree():
    context = (
        "On Monday, Sept. 23, a partnership was signed between Russia and the Alliance of Sahel "
        "States (AES). Ilya Tarasenko, the Director General of Glavkosmos, called it crucially important."
    )
    rows = [(context, "Monday, Sept. 23", None), (context, "Glavkosmos", None), (context, "absent", None)]
    assert quizgen.questions_for(rows) == [quizgen.question_for(*row) for row in rows]
    assert quizgen.questions_for(rows)[0] == (
        "When was a partnership signed between Russia and the Alliance of Sahel States?"
    )
    assert quizgen.questions_for(rows)[2] is None
