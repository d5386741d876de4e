"""Properties of generation: for any text, items are well formed and tied to their source."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quizgen
from quizgen.normalize import contains
from quizgen.quality import slip_in, vague_reference
from quizgen.wording import BLANK, WEEKDAYS
from tests.strategies import article_bodies

WEEKDAYS = {day.lower() for day in WEEKDAYS}
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60)


def one_line(text: str) -> str:
    return " ".join(text.split())


def check(text: str) -> list:
    items = quizgen.generate(text, threshold=0)
    for item in items:
        assert text[item.sentence_start : item.sentence_start + len(item.sentence)] == item.sentence
        if item.kind in ("wh", "cloze", "multiple_choice"):
            assert item.sentence[item.answer_start : item.answer_end] == item.answer
        if item.kind == "cloze":
            # The sentence itself with a gap, on one line even where the text wraps it.
            assert item.prompt.count(BLANK) == 1
            assert item.prompt.replace(BLANK, item.answer) == one_line(item.sentence)
        elif item.kind == "multiple_choice" and BLANK in item.prompt:
            # A stem that is the sentence itself, with a gap for the answer.
            assert item.prompt.count(BLANK) == 1
            assert item.prompt.replace(BLANK, item.answer) == one_line(item.sentence)
            assert not contains(item.prompt.replace(BLANK, " "), item.answer), item
        elif item.kind in ("wh", "multiple_choice"):
            assert item.prompt[0].isupper() and item.prompt.endswith("?"), item.prompt
            assert not contains(item.prompt, item.answer), item
        elif item.kind == "true_false":
            assert item.answer in ("True", "False") and item.prompt.endswith("."), item
        else:
            assert item.kind == "matching" and 3 <= len(item.pairs) <= 6, item
    asked = [item for item in items if item.kind in ("wh", "cloze")]
    for item in asked:
        # A weekday alone is trivia, not a date worth asking.
        assert item.answer.strip().lower() not in WEEKDAYS, item
        if item.kind == "wh":
            assert vague_reference(item.prompt) is None, item
            assert slip_in(item.prompt) is None, item
    return items


@SETTINGS
@given(st.text(max_size=400))
def test_any_text(text: str):
    items = check(text)
    assert [(i.key, i.prompt) for i in quizgen.generate(text, threshold=0)] == [(i.key, i.prompt) for i in items]


@SETTINGS
@given(article_bodies)
def test_article_shaped_text(text: str):
    items = check(text)
    assert len({i.key for i in items}) == len(items)
    assert [(i.key, i.prompt) for i in quizgen.generate(text, threshold=0)] == [(i.key, i.prompt) for i in items]
