"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import strategies as st

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed_sentences() -> list[str]:
    sentences: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            sentences += [s.strip() + "." for s in line.split(". ") if s.strip()]
    return sentences


SEED_SENTENCES = _seed_sentences()

headlines = (
    st.text(
        st.characters(categories=("L", "N", "Zs", "P"), exclude_characters="\x85\u2028\u2029"),
        min_size=1,
        max_size=120,
    )
    .map(lambda s: unicodedata.normalize("NFC", " ".join(s.split())))
    .filter(bool)
)

paragraphs = st.lists(st.sampled_from(SEED_SENTENCES), min_size=1, max_size=4).map(" ".join)

article_bodies = st.lists(paragraphs, min_size=1, max_size=6).map("\n".join)


@st.composite
def article_files(draw) -> tuple[str, str, str]:
    """(headline, body, file text) for a plain-text article built from real sentences."""
    headline = draw(headlines)
    body = draw(article_bodies)
    separator = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n"]))
    return headline, body, headline + separator + body.replace("\n", separator)


def _news_sentences() -> list[str]:
    sentences: list[str] = []
    for path in sorted((Path(__file__).resolve().parent / "data" / "news").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines()[2:]:
            sentences += [s.strip() + "." for s in line.split(". ") if len(s.split()) > 3]
    return sentences


NEWS_SENTENCES = SEED_SENTENCES + _news_sentences()

# Articles mixing the seed's sentences with those of the VOA test articles:
# more names, numbers and dates for distractors to be drawn from.
news_bodies = st.lists(
    st.lists(st.sampled_from(NEWS_SENTENCES), min_size=1, max_size=4).map(" ".join), min_size=2, max_size=6
).map("\n".join)
