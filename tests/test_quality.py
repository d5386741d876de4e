"""Quality judgements that read a question's words: vague definites and the slips of a garbled transformation."""

from __future__ import annotations

import pytest

import quizgen
from quizgen.quality import slip_in, vague_reference
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


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("What did The U.S. House of Representatives condemn?", "a capitalized article inside the sentence"),
        ('What did the House condemn the "ethnic cleansing of " on Wednesday?', "a quotation cut open"),
        ("What 's a suspect talking to?", "a possessive split from its noun"),
        ("What did Coffman tell Coffman was certainly optimistic?", "a name twice"),
        ("Rosalind Franklin and Rosalind Franklin's student studied DNA fibres.", "a name twice"),
        ('Who did Trump blame for "foolishly" giving money?', None),
        ("The United States and the United Kingdom signed a pact.", None),
        ("Who is the Director General of Glavkosmos?", None),
    ],
)
def test_the_slips_of_a_garbled_transformation(text: str, slip: str | None):
    assert slip_in(text) == slip


def test_the_seed_article_asks_no_weekday_alone():
    text = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8").split("\n", 2)[2]
    items = quizgen.generate(text, threshold=0)
    assert len(items) >= 5
    for item in items:
        if item.kind in ("wh", "cloze"):
            assert item.answer.lower() not in ("monday", "tuesday", "wednesday", "thursday", "friday")
