"""Main-text extraction on realistic news pages, each annotated with its
article paragraphs and its clutter (tests/data/pages/README.md)."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

import quizgen
from quizgen.ingest import read_article

PAGES = sorted((Path(__file__).parent / "data" / "pages").glob("*.html"))


def _flat(text: str) -> str:
    return " ".join(html.unescape(text).replace("\xa0", " ").split())


def _read(page: Path) -> tuple[dict, quizgen.ingest.ArticleText]:
    annotation = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    return annotation, read_article(page)


@pytest.fixture(scope="module")
def read() -> dict[str, tuple[dict, quizgen.ingest.ArticleText]]:
    return {page.stem: _read(page) for page in PAGES}


def test_the_set_has_the_shapes_that_matter():
    names = {page.stem for page in PAGES}
    assert len(names) >= 8
    assert {"article-with-ads", "div-cms", "main-related-comments", "teasers-first", "live-blog", "amp-page",
            "jsonld-only", "paywalled"} <= names  # fmt: skip


def test_nearly_every_article_paragraph_is_kept_and_nearly_no_clutter(read):
    paragraphs = kept = clutter = leaked = 0
    for annotation, article in read.values():
        body = _flat(article.text).casefold()
        paragraphs += len(annotation["paragraphs"])
        kept += sum(_flat(p).casefold() in body for p in annotation["paragraphs"])
        clutter += len(annotation["clutter"])
        leaked += sum(_flat(c).casefold() in body for c in annotation["clutter"])
    assert paragraphs >= 80 and clutter >= 100
    assert kept >= 0.95 * paragraphs, (kept, paragraphs)
    assert leaked <= 0.05 * clutter, (leaked, clutter)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_each_page_keeps_its_story_and_title(read, page: Path):
    annotation, article = read[page.stem]
    body = _flat(article.text).casefold()
    kept = sum(_flat(p).casefold() in body for p in annotation["paragraphs"])
    assert kept >= 0.9 * len(annotation["paragraphs"])
    assert article.title == _flat(annotation["title"])
    # The headline is the title, not the body's first line.
    assert article.text.split("\n")[0] != article.title


def test_a_paragraph_stays_one_line_and_the_teasers_before_the_story_stay_out(read):
    annotation, article = read["teasers-first"]
    lines = set(article.text.split("\n"))
    assert all(_flat(p) in lines for p in annotation["paragraphs"])


def test_no_item_comes_from_outside_the_article(read):
    for name, (annotation, article) in read.items():
        story = [_flat(p) for p in annotation["paragraphs"]] + [_flat(annotation["title"])]
        for item in quizgen.generate(article.text, title=article.title, threshold=0):
            sentence = _flat(item.sentence)
            assert any(sentence in paragraph for paragraph in story), (name, sentence)
