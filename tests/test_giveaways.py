"""No item of an article's default output shows another's answer in its stem."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

import quizgen
from quizgen.ingest import read_all
from quizgen.normalize import contains
from quizgen.quality.giveaways import asked, gives_away, shown, without_giveaways
from tests.conftest import ROOT, SEEDS

NEWS = [a for a in read_all([SEEDS, ROOT / "tests" / "data" / "news"]) if not isinstance(a, Exception)]


def test_no_kept_item_shows_another_kept_items_answer():
    every_pair = 0
    for article in NEWS:
        kept = quizgen.generate(article.text, threshold=0.05)
        for i, item in enumerate(kept):
            for other in kept[i + 1 :]:
                every_pair += 1
                for answer in asked(item):
                    assert not contains(shown(other), answer), (item.prompt, other.prompt)
                for answer in asked(other):
                    assert not contains(shown(item), answer), (item.prompt, other.prompt)
    assert every_pair > 50


def test_with_all_every_item_stays_for_curation():
    article = NEWS[0]
    every = quizgen.generate(article.text, threshold=0)
    assert any(gives_away(a, b) for i, a in enumerate(every) for b in every[i + 1 :])


@settings(max_examples=50, deadline=None)
@given(st.data())
def test_leaving_out_giveaways_keeps_the_best_and_only_removes(data):
    every = quizgen.generate(NEWS[0].text, threshold=0)
    picked = data.draw(st.lists(st.sampled_from(every), unique_by=lambda i: (i.key, i.kind), max_size=12))
    kept = without_giveaways(picked)
    assert kept[:1] == picked[:1]
    assert all(item in picked for item in kept)
    assert [picked.index(item) for item in kept] == sorted(picked.index(item) for item in kept)
    for item in picked:
        if item not in kept:
            assert any(gives_away(item, other) for other in kept[: kept.index(item) if item in kept else None])


def test_a_true_statement_gives_away_the_question_on_its_fact():
    every = quizgen.generate(NEWS[0].text, threshold=0)
    statement = next(i for i in every if i.kind == "true_false")
    fact = statement.sentence[statement.answer_start : statement.answer_end]
    question = replace(statement, kind="wh", prompt="Who or what is it?", answer=fact, distractors=())
    assert gives_away(question, replace(statement, answer="True", prompt=statement.sentence))
