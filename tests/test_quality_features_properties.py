"""The quality model's features read an article's index exactly as a plain count would."""

from __future__ import annotations

from collections import Counter
from dataclasses import fields
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from quizgen.item import Item
from quizgen.normalize import words
from quizgen.quality.features import _Article, _sentences_with, _source
from quizgen.quality.rules import STOPWORDS

VOCABULARY = ("mali", "niger", "deal", "russia", "satellite", "signed", "three", "the", "of", "space", "agency")


def article_of(sentences: list[frozenset[str]]) -> _Article:
    """An article view holding only the sentences' words and their index, each
    sentence ten characters after the one before."""
    given_fields = {
        "sentences": tuple(SimpleNamespace(start_char=10 * n) for n in range(len(sentences))),
        "sentence_words": tuple(sentences),
        "sentences_with": _sentences_with(tuple(sentences)),
    }
    empty = {f.name: () for f in fields(_Article) if f.name not in given_fields}
    return _Article(**{**empty, **given_fields})  # type: ignore[arg-type]


def counted(item: Item, article: _Article) -> int | None:
    """The first sentence sharing most words with the item, by counting every sentence."""
    wanted = {w for w in words(f"{item.prompt} {item.answer}") if w not in STOPWORDS}
    shared = Counter({i: len(wanted & found) for i, found in enumerate(article.sentence_words)})
    best = max(shared.values(), default=0)
    return None if best == 0 else min(i for i, n in shared.items() if n == best)


@given(
    st.lists(st.frozensets(st.sampled_from(VOCABULARY), max_size=6), min_size=1, max_size=40),
    st.lists(st.sampled_from(VOCABULARY), max_size=6),
    st.lists(st.sampled_from(VOCABULARY), max_size=3),
    st.integers(min_value=0, max_value=400),
)
def test_the_source_sentence_is_the_first_that_shares_most_words(sentences, prompt, answer, start):
    # The item's sentence start may be any sentence's, or none.
    item = Item(
        key="k", kind="wh", prompt=" ".join(prompt), answer=" ".join(answer), sentence="", sentence_start=start,
        answer_start=None, answer_end=None, rule="test", score=1.0, reasons=(),
    )  # fmt: skip
    article = article_of(sentences)
    assert _source(item, article) == counted(item, article)
