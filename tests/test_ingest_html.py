"""HTML articles: the story's title and prose, without markup or page furniture."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.ingest.html import html_to_article

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Sahel states sign satellite deal with Russia | Daily Courier</title>
  <link rel="stylesheet" href="/site.css">
  <script>var x = 'Mali'; window.dataLayer = [];</script>
  <style>p { color: #333 } .ad::after { content: "Advertisement" }</style>
</head>
<body>
  <header class="masthead"><a href="/">Daily Courier</a></header>
  <nav><ul><li><a href="/world">World</a></li><li><a href="/africa">Africa</a></li></ul></nav>
  <article>
    <header>
      <h1>Sahel states sign satellite deal with Russia</h1>
      <p class="byline">By A. Reporter, 12 September 2024</p>
    </header>
    <p>The military governments of <b>Ma</b>li, Burkina Faso and Niger signed
       a deal with Russia&#8217;s state space agency on&nbsp;Tuesday.</p>
    <figure>
      <img src="/signing.jpg" alt="The signing ceremony"/>
      <figcaption>Ministers at the signing ceremony in Bamako.</figcaption>
    </figure>
    <p>The agreement covers <a href="/telecoms">telecommunications</a> &amp; the
       <em>monitoring</em> of <abbr title="Alliance of Sahel States">AES</abbr> territory.<br>
       It was announced in Bamako.</p>
    <aside class="related"><h2>Related</h2><p>Junta extends transition</p></aside>
    <script>trackArticle('zqxjscript');</script>
    <blockquote>
      <p>&ldquo;This is a step towards sovereignty,&rdquo; a minister said.</p>
    </blockquote>
    <footer><p>Filed under: Sahel</p></footer>
  </article>
  <aside><p>Most read</p></aside>
  <footer><p>&copy; 2024 Daily Courier. All rights reserved.</p></footer>
  <noscript><p>Please enable JavaScript.</p></noscript>
</body>
</html>
"""


def test_news_page_gives_headline_and_article_prose_only():
    title, body = html_to_article(NEWS_PAGE)

    assert title == "Sahel states sign satellite deal with Russia"
    assert body.split("\n") == [
        "The military governments of Mali, Burkina Faso and Niger signed a deal with "
        "Russia\u2019s state space agency on Tuesday.",
        "The agreement covers telecommunications & the monitoring of AES territory.",
        "It was announced in Bamako.",
        "\u201cThis is a step towards sovereignty,\u201d a minister said.",
    ]


@pytest.mark.parametrize(
    "leftover",
    [
        "var x",
        "dataLayer",
        "color: #333",
        "Advertisement",
        "zqxjscript",
        "World",
        "Daily Courier",
        "By A. Reporter",
        "Ministers at the signing",
        "Related",
        "Most read",
        "All rights reserved",
        "Filed under",
        "enable JavaScript",
        "<",
        "&",
    ],
)
def test_scripts_styles_and_page_furniture_stay_out_of_the_body(leftover):
    _, body = html_to_article(NEWS_PAGE.replace("&amp;", "and"))
    assert leftover not in body


def test_inline_tags_do_not_split_words_and_whitespace_collapses():
    _, body = html_to_article(
        "<p><b>Ma</b>li and <a href='#'>Bur</a>kina   <span>Faso</span>\n\t signed<sup>1</sup> <i>it</i>.</p>"
    )
    assert body == "Mali and Burkina Faso signed1 it."


def test_entities_become_characters_and_no_break_spaces_become_spaces():
    _, body = html_to_article("<p>Tom &amp; Jerry&#8217;s caf&eacute;&nbsp;&nbsp;opens &lt;today&gt;</p>")
    assert body == "Tom & Jerry\u2019s caf\u00e9 opens <today>"


def test_block_elements_end_paragraphs():
    markup = (
        "<div>One</div><p>Two</p><h2>Three</h2><ul><li>Four</li><li>Five</li></ul>"
        "<blockquote>Six</blockquote>Seven<br>Eight<hr>Nine<dl><dt>Ten</dt><dd>Eleven</dd></dl>"
        "<pre>Twelve\n   spaced</pre><section>Thirteen</section>"
    )
    _, body = html_to_article(markup)
    assert body.split("\n") == [
        "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine",
        "Ten", "Eleven", "Twelve spaced", "Thirteen",
    ]  # fmt: skip


def test_table_rows_are_paragraphs_of_cells():
    markup = (
        "<table><thead><tr><th>Country</th><th>Population</th></tr></thead>"
        "<tbody><tr><td>Mali</td><td> 22 million </td></tr>"
        "<tr><td>Niger</td><td></td><td>26 million</td></tr></tbody></table>"
    )
    assert html_to_article(markup) == (
        None,
        "Country; Population\nMali; 22 million\nNiger; 26 million",
    )


def test_fragment_text_outside_tags_is_body():
    assert html_to_article("Plain opening <p>A paragraph.</p> closing words") == (
        None,
        "Plain opening\nA paragraph.\nclosing words",
    )
    assert html_to_article("just text, no markup at all") == (None, "just text, no markup at all")


def test_empty_and_markup_only_input_give_an_empty_body():
    assert html_to_article("") == (None, "")
    assert html_to_article("<html><head><script>x()</script></head><body> </body></html>") == (
        None,
        "",
    )


class TestTitle:
    def test_title_element_is_the_title_with_whitespace_collapsed(self):
        title, body = html_to_article("<title>\n  Niger   closes its\tborder </title><p>The border closed.</p>")
        assert title == "Niger closes its border"
        assert body == "The border closed."

    def test_first_h1_when_there_is_no_title_element(self):
        title, body = html_to_article("<body><h1>Junta <em>signs</em> deal</h1><p>Text.</p><h1>Second</h1></body>")
        assert title == "Junta signs deal"
        assert body == "Text.\nSecond"

    def test_first_h1_when_the_title_element_is_empty(self):
        assert html_to_article("<title> </title><h1>Headline</h1><p>Text.</p>") == (
            "Headline",
            "Text.",
        )

    def test_no_title_and_no_h1_gives_none(self):
        assert html_to_article("<h2>Section</h2><p>Text.</p>") == (None, "Section\nText.")

    @pytest.mark.parametrize(
        "page_title",
        [
            "Sahel states sign deal | Daily Courier",
            "Sahel states sign deal - Daily Courier",
            "Sahel states sign deal \u2014 Daily Courier",
            "Daily Courier: Sahel states sign deal",
            "World news | Sahel states sign deal | Daily Courier",
        ],
    )
    def test_site_name_around_the_h1_gives_the_h1(self, page_title):
        title, body = html_to_article(
            f"<title>{page_title}</title><article><h1>Sahel states sign deal</h1><p>Text.</p></article>"
        )
        assert title == "Sahel states sign deal"
        assert body == "Text."

    def test_title_is_kept_when_the_h1_is_only_part_of_a_word_run(self):
        title, body = html_to_article(
            "<title>Sahel states sign satellite deal</title><h1>Sahel states</h1><p>Text.</p>"
        )
        assert title == "Sahel states sign satellite deal"
        assert body == "Sahel states\nText."

    def test_title_is_kept_when_the_h1_differs(self):
        title, body = html_to_article("<title>Deal signed | Courier</title><h1>Breaking news</h1><p>Text.</p>")
        assert title == "Deal signed | Courier"
        assert body == "Breaking news\nText."

    def test_heading_equal_to_the_title_is_not_repeated_in_the_body(self):
        title, body = html_to_article(
            "<html><head><title>Niger closes border</title></head><body>"
            "<p class='kicker'>Africa</p><h1>Niger  closes border</h1><p>Text.</p></body></html>"
        )
        assert title == "Niger closes border"
        assert body == "Africa\nText."

    def test_h1_in_the_article_header_is_the_title_though_the_header_is_dropped(self):
        title, body = html_to_article(
            "<header><h1>Daily Courier</h1></header><article><header><h1>Deal signed</h1>"
            "<p>By a reporter</p></header><p>Text.</p></article>"
        )
        assert title == "Deal signed"
        assert body == "Text."

    def test_site_name_in_a_page_banner_h1_is_not_the_headline(self):
        title, body = html_to_article(
            "<body><header><h1>Daily Courier</h1></header>"
            "<div class='story'><h1>Deal signed</h1><p>Text.</p></div></body>"
        )
        assert title == "Deal signed"
        assert body == "Text."

    def test_svg_title_is_not_the_page_title(self):
        title, _ = html_to_article("<svg><title>Logo</title></svg><h1>Real headline</h1><p>Text.</p>")
        assert title == "Real headline"


class TestMainContent:
    def test_only_the_first_article_is_read(self):
        _, body = html_to_article(
            "<p>Outside.</p><article><p>First story.</p></article><article><p>Teaser of another story.</p></article>"
        )
        assert body == "First story."

    def test_main_is_read_when_there_is_no_article(self):
        _, body = html_to_article("<div class='promo'>Subscribe now</div><main><p>The story.</p></main><div>More</div>")
        assert body == "The story."

    def test_empty_article_is_passed_over(self):
        _, body = html_to_article("<article></article><main><p>The story.</p></main>")
        assert body == "The story."

    def test_hidden_elements_are_not_read(self):
        assert html_to_article("<p hidden>Cookie notice</p><p>Story.</p>") == (None, "Story.")


class TestMalformedMarkup:
    @pytest.mark.parametrize(
        ("markup", "expected"),
        [
            ("<p>One<p>Two<div>Three", "One\nTwo\nThree"),
            ("Text</p>more</div></span>", "Text\nmore"),
            ("<b>bold <i>both</b> italic?</i> plain", "bold both italic? plain"),
            ("a<br/>b<br>c</br>d", "a\nb\nc\nd"),
            ("<img src='x.jpg' alt='Alt text'/>Caption<wbr>less", "Captionless"),
            ("<div/>after self-closed div", "after self-closed div"),
            ("<![if !IE]>shown<![endif]> too", "shown too"),
            ("<![CDATA[hidden]]>visible", "visible"),
            ("Before<!-- never closed <p>hidden", "Before"),
            ("Before<script>zqxjscript never closed", "Before"),
            ("<script/>zqxjscript</script>After", "After"),
            ("Before</", "Before"),
            ("x < y && y > z", "x < y && y > z"),
            ("<p>Tag cut off at the end <a href='x'", "Tag cut off at the end"),
            ("<html><head><title>T</title><p>Body without </head>", "Body without"),
            ("<p>Tom &amp Jerry &unknown; &#xZZ;</p>", "Tom & Jerry &unknown; &#xZZ;"),
        ],
    )
    def test_malformed_markup_is_read_like_a_browser_would(self, markup, expected):
        _, body = html_to_article(markup)
        assert body == expected

    def test_deeply_nested_unclosed_tags_do_not_exhaust_the_stack(self):
        title, body = html_to_article("<div><span>" * 20_000 + "deep text")
        assert (title, body) == (None, "deep text")


def _check_body(body: str) -> None:
    assert isinstance(body, str)
    assert "\n\n" not in body
    if body:
        for line in body.split("\n"):
            assert line
            assert line == line.strip()
        assert body.splitlines() == body.split("\n")


@settings(deadline=None)
@given(st.text() | st.text(alphabet="<>/!?-[]&#;='\" \nabdhilpstx"))
def test_any_text_gives_a_tidy_body_without_raising(markup):
    title, body = html_to_article(markup)
    _check_body(body)
    assert title is None or (title and title == " ".join(title.split()))


_PROSE = st.text(alphabet="abcdefghijklmnoprstuvwy .,", max_size=30)
_WRAPPERS = st.sampled_from(
    ["{}", "<p>{}</p>", "<div>{}", "<li>{}</li>", "<b>{}</b>", "<h1>{}</h1>", "<span>{}",
     "<article>{}</article>", "<td>{}", "</p>{}", "<br>{}", "<title>{}</title>"]
)  # fmt: skip


@st.composite
def _pages_with_a_script(draw):
    script = "zqxjscript" + draw(st.text(alphabet=string.ascii_letters, max_size=20))
    pieces = [draw(_WRAPPERS).format(text) for text in draw(st.lists(_PROSE, max_size=8))]
    opening = draw(st.sampled_from(["<script>", "<SCRIPT type='text/javascript'>", "<script/>"]))
    closing = draw(st.sampled_from(["</script>", "</SCRIPT >", ""]))
    position = draw(st.integers(0, len(pieces)))
    if closing:
        pieces.insert(position, opening + script + closing)
    else:
        pieces.append(opening + script)
    if draw(st.booleans()):
        pieces = ["<html><head>", *pieces[:1], "</head><body>", *pieces[1:], "</body></html>"]
    return "".join(pieces)


@settings(deadline=None)
@given(_pages_with_a_script())
def test_script_text_never_reaches_the_body_or_title(markup):
    title, body = html_to_article(markup)
    _check_body(body)
    assert "zqxj" not in body
    assert title is None or "zqxj" not in title
