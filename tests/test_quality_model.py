"""The quality model: items scored by their predicted acceptability, and only the likely ones kept."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quizgen
from quizgen.analyze import analyze, pipeline
from quizgen.ingest import read_article
from quizgen.quality.features import features, parse_prompts
from quizgen.quality.giveaways import without_giveaways
from quizgen.quality.model import predict, shipped

ROOT = Path(__file__).resolve().parent.parent
SEED = read_article(next((ROOT / "seeds").glob("*.txt")))
NEWS = [read_article(path) for path in sorted((ROOT / "tests" / "data" / "news").glob("*.txt"))]


def test_the_shipped_model_has_a_threshold_between_nothing_and_everything():
    model = shipped()
    assert 0.0 < model.threshold < 1.0
    assert model.weights
    # Every weight is for a feature the features module can give: a renamed
    # feature would leave a weight that nothing reads.
    seen = set()
    for article in [SEED, *NEWS]:
        doc = next(analyze([article.text]))
        items = quizgen.generate(article.text, threshold=0)
        for item, parsed in zip(items, parse_prompts(items, pipeline())):
            seen |= set(features(item, doc, parsed))
    unknown = [
        name for name in model.weights if name not in seen and not name.startswith(("pattern=", "answer_label="))
    ]
    assert len(unknown) <= len(model.weights) // 4, unknown


def test_default_output_is_every_item_predicted_acceptable_best_first():
    for article in [SEED, *NEWS]:
        every = quizgen.generate(article.text, threshold=0)
        kept = quizgen.generate(article.text)
        assert kept == without_giveaways([item for item in every if item.score >= shipped().threshold])
        assert [i.score for i in every] == sorted((i.score for i in every), reverse=True)
        assert all(0.0 <= i.score <= 1.0 for i in every)
        assert all(any(r.startswith("predicted acceptable") for r in i.reasons) for i in every)
    assert sum(len(quizgen.generate(a.text)) for a in NEWS) < sum(
        len(quizgen.generate(a.text, threshold=0)) for a in NEWS
    )


def test_a_garbled_question_is_predicted_worse_than_the_same_question_clean():
    doc = next(analyze([SEED.text]))
    item = next(i for i in quizgen.generate(SEED.text, threshold=0) if i.kind == "wh")
    words = item.prompt.rstrip("?").split(" ")
    garbled = replace(item, prompt=" ".join([*words[:2], "The", *words[2:], words[-1]]) + "?")
    clean, worse = predict([item, garbled], doc, pipeline())
    assert worse < clean


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([s.strip() + "." for s in SEED.text.split(".") if s.strip()]), min_size=1, max_size=8))
def test_the_threshold_only_removes_items(sentences):
    text = " ".join(sentences)
    every = quizgen.generate(text, threshold=0)
    assert quizgen.generate(text, threshold=0) == every
    for cut in (0.2, shipped().threshold, 0.9):
        kept = quizgen.generate(text, threshold=cut)
        assert kept == without_giveaways([item for item in every if item.score >= cut])


def test_generate_keeps_the_likely_items_and_all_of_them_with_all(cli):
    assert (
        cli(
            "add", ROOT / "tests" / "data" / "news" / "voa-n149-pompeo-to-meet-with-top-n-korean-official-in-ny.txt"
        ).code
        == 0
    )
    default = cli("generate")
    assert default.code == 0
    assert "held back" in default.out
    kept = json.loads(cli("items", "list", "--json").out)
    assert cli("generate", "--all").code == 0
    stored = json.loads(cli("items", "list", "--json").out)
    assert len(stored) > len(kept) > 0
    assert {row["key"] for row in kept} < {row["key"] for row in stored}
    assert all(row["score"] >= shipped().threshold for row in kept)
    assert f"{stored[0]['score']:.0%}" in cli("items", "list").out
    none = cli("generate", "--threshold", "1")
    assert none.code == 0
    assert "quizgen generate 1 --all" in none.out
    assert json.loads(cli("items", "list", "--json").out) == []


def test_a_person_named_only_in_passing_is_predicted_unacceptable():
    text = (
        "Congress passed the farm bill on Thursday after months of talks. Farmers had waited two years "
        "for the bill, which sets crop subsidies. Pat Roberts led the talks for the Senate agriculture committee."
    )
    roberts = [i for i in quizgen.generate(text, threshold=0) if i.answer == "Pat Roberts"]
    assert roberts
    assert all(i.score == 0 for i in roberts)
    # A name the article comes back to is no side detail.
    again = text + " Roberts said the law would help rural workers."
    assert any(i.score > 0 for i in quizgen.generate(again, threshold=0) if i.answer == "Pat Roberts")
