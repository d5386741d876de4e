"""Properties of ingest that hold for any input, not just the examples."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from quizgen.errors import ArticleError, UsageError
from quizgen.ingest import ArticleText, content_hash, parse_article, parse_size
from quizgen.ingest.article import format_size
from quizgen.ingest.decode import decode_text
from tests.strategies import article_files

FORMATS = st.sampled_from(["txt", "md", "html"])


@given(data=st.binary(max_size=2000), fmt=FORMATS)
def test_any_bytes_give_an_article_or_an_article_error(data: bytes, fmt: str):
    try:
        article = parse_article(data, source="x", format=fmt)
    except ArticleError as exc:
        assert exc.source == "x" and exc.reason
        return
    assert isinstance(article, ArticleText)
    assert article.text and article.text == article.text.strip()
    assert "\r" not in article.text and "\n\n\n" not in article.text
    assert article.title and "\n" not in article.title


@given(text=st.text(max_size=2000), fmt=FORMATS)
def test_any_text_gives_an_article_or_an_article_error(text: str, fmt: str):
    try:
        article = parse_article(text.encode("utf-8"), source="x", format=fmt)
    except ArticleError:
        return
    assert article.text == article.text.strip()
    assert article == parse_article(text.encode("utf-8"), source="x", format=fmt)


@given(article_files())
def test_a_headline_and_body_split_exactly(case: tuple[str, str, str]):
    headline, body, file_text = case
    article = parse_article(file_text.encode("utf-8"), source="a.txt", format="txt")
    assert article.title == headline
    assert article.text == body


@given(article_files(), st.sampled_from(["\n", "\r\n"]), st.sampled_from(["", "\n", "  \n\n"]))
def test_the_same_text_has_the_same_hash_however_it_is_spaced(case, line_end, trailer):
    _, _, file_text = case
    once = parse_article(file_text.encode(), source="a", format="txt")
    again = parse_article((file_text.replace("\n", line_end) + trailer).encode(), source="b", format="txt")
    assert once.content_hash == again.content_hash


@given(st.text(min_size=1, max_size=500))
def test_content_hash_separates_different_words(text: str):
    assert content_hash(text) != content_hash(text + " extra")


@given(st.text(max_size=1000))
def test_utf8_text_decodes_to_itself(text: str):
    try:
        decoded, warnings = decode_text(text.encode("utf-8"), "x")
    except ArticleError as exc:
        assert "binary" in exc.reason
        return
    import unicodedata

    expected = unicodedata.normalize("NFC", text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    assert decoded == expected
    assert warnings == []


@given(st.text(max_size=300))
@example("\ufeff")
def test_a_cut_off_last_character_is_dropped_with_a_warning(text: str):
    data = (text + "é").encode("utf-8")[:-1]
    try:
        decoded, warnings = decode_text(data, "x")
    except ArticleError:
        return
    assert any("cut-off UTF-8 character" in w for w in warnings)


@given(st.integers(min_value=1, max_value=10**12))
@settings(max_examples=200)
def test_sizes_parse_back(size: int):
    assert parse_size(str(size)) == size
    shown = format_size(size).replace(" ", "")
    assert abs(parse_size(shown) - size) <= size * 0.05


@given(st.text(max_size=20))
def test_a_size_is_parsed_or_refused_as_a_usage_error(value: str):
    try:
        assert parse_size(value) > 0
    except UsageError as exc:
        assert repr(value) in str(exc)
