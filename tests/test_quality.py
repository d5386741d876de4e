"""Quality judgements that read a question's words: vague definites, and questions that give each other away."""

from __future__ import annotations

import pytest

import quizgen
from quizgen.quality import vague_reference
from tests.conftest import SEEDS


@pytest.mark.parametrize(
    ("question", "vague"),
    [
        ("What does the move benefit?", "the move"),
        ("What could the first step include?", "the first step"),
        ("When does the program phase out?", "the program"),
        ("What is the deal with Russia worth?", None),
        ("Who opposed the plan to build a wall?", None),
        ("Who is the Director General of Glavkosmos?", None),
    ],
)
def test_a_definite_that_does_not_say_which_is_vague(question: str, vague: str | None):
    assert vague_reference(question) == vague


def test_the_seed_article_asks_no_weekday_and_gives_nothing_away():
    text = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8").split("\n", 2)[2]
    items = quizgen.generate(text)
    asked = [item for item in items if item.kind in ("wh", "cloze")]
    assert len(items) >= 5
    for item in asked:
        assert item.answer.lower() not in ("monday", "tuesday", "wednesday", "thursday", "friday")
        shown = item.prompt.replace("_____", " ")
        assert not [other.answer for other in asked if other is not item and other.answer in shown]
