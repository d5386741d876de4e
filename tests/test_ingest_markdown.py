"""Markdown articles: the title and the prose a reader would see, without syntax."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.ingest.markdown import markdown_to_article

ARTICLE = """---
title: "Sahel states sign a satellite deal with Russia"
date: 2024-09-12
tags: [sahel, space]
---

# Sahel states sign a satellite deal with Russia

The military governments of **Mali**, *Burkina Faso* and __Niger__ signed a
deal with [Roscosmos](https://www.roscosmos.ru/ "Russian space agency") on
Tuesday.

![Ministers at the signing](https://example.com/signing.jpg)

## What the deal covers

- Telecommunications for _remote_ areas
- Monitoring of the `AES` territory
* Weather data, see [the annex][annex]

1. Signed in Bamako
2) Ratified within ~~a year~~ six months

> "This is a step towards sovereignty," a minister said.
> He did not give figures.

```python
# launch_schedule.py is not prose
print("zqxjcode")
```

    indented_code = "zqxjcode"

| Country | Population |
|---------|-----------:|
| Mali    | 22 million |
| Niger   | 26 million |

***

The file_name and 2*3 stay as written. <!-- editor: check figures -->
Read more at <https://example.com/sahel>.

[annex]: https://example.com/annex.pdf
"""


def test_news_article_gives_title_and_plain_paragraphs():
    title, body = markdown_to_article(ARTICLE)

    assert title == "Sahel states sign a satellite deal with Russia"
    assert body.split("\n") == [
        "The military governments of Mali, Burkina Faso and Niger signed a deal with Roscosmos on Tuesday.",
        "What the deal covers",
        "Telecommunications for remote areas",
        "Monitoring of the AES territory",
        "Weather data, see the annex",
        "Signed in Bamako",
        "Ratified within a year six months",
        '"This is a step towards sovereignty," a minister said. He did not give figures.',
        "Country; Population",
        "Mali; 22 million",
        "Niger; 26 million",
        "The file_name and 2*3 stay as written. Read more at .",
    ]


@pytest.mark.parametrize(
    "leftover",
    ["zqxjcode", "launch_schedule", "https://", "signing.jpg", "Ministers at", "editor",
     "date:", "---", "|", "#", "**", "`", "[", "]"],
)  # fmt: skip
def test_syntax_code_and_metadata_stay_out_of_the_body(leftover):
    _, body = markdown_to_article(ARTICLE)
    assert leftover not in body


class TestTitle:
    @pytest.mark.parametrize(
        "heading",
        ["# Niger closes border", "### Niger closes border ###", "###### Niger closes border"],
    )
    def test_atx_heading_of_any_level_is_the_title(self, heading):
        assert markdown_to_article(f"{heading}\n\nThe border closed.") == (
            "Niger closes border",
            "The border closed.",
        )

    @pytest.mark.parametrize("underline", ["====", "---", "=", "-------   "])
    def test_setext_heading_is_the_title(self, underline):
        source = f"Niger closes\nits border\n{underline}\nThe border closed."
        assert markdown_to_article(source) == ("Niger closes its border", "The border closed.")

    def test_first_heading_wins_whichever_its_style(self):
        assert markdown_to_article("Setext first\n---\n\n# ATX second\n\nText.") == (
            "Setext first",
            "ATX second\nText.",
        )

    def test_first_heading_is_the_title_even_after_text(self):
        assert markdown_to_article("Opening text.\n\n## Background\n\nMore.") == (
            "Background",
            "Opening text.\nMore.",
        )

    def test_no_heading_gives_none(self):
        assert markdown_to_article("Just a paragraph.\n\nAnd another.") == (
            None,
            "Just a paragraph.\nAnd another.",
        )

    def test_heading_text_loses_its_inline_syntax(self):
        assert markdown_to_article("# The *Sahel* and [Mali](https://x.org)\nText.") == (
            "The Sahel and Mali",
            "Text.",
        )

    def test_hash_without_a_space_is_not_a_heading(self):
        assert markdown_to_article("#hashtag and #5 seed\n\n####### seven") == (
            None,
            "#hashtag and #5 seed\n####### seven",
        )

    @pytest.mark.parametrize(
        ("line", "title"),
        [
            ("title: Plain title", "Plain title"),
            ('title: "Double \\"quoted\\""', 'Double "quoted"'),
            ("title: 'It''s single quoted'", "It's single quoted"),
            ("title:   Spaced   out   # a comment", "Spaced out"),
            ("title: >\n  Folded\n  title", "Folded title"),
        ],
    )
    def test_front_matter_title(self, line, title):
        source = f"---\nauthor: Someone\n{line}\nslug: x\n---\n## Section\n\nText."
        assert markdown_to_article(source) == (title, "Section\nText.")

    def test_heading_repeating_the_front_matter_title_is_dropped(self):
        source = "---\ntitle: 'Deal signed'\n---\n\n# Deal signed\n\nText."
        assert markdown_to_article(source) == ("Deal signed", "Text.")

    def test_front_matter_without_title_falls_back_to_the_heading(self):
        source = "---\nauthor: Someone\n---\n# Deal signed\nText."
        assert markdown_to_article(source) == ("Deal signed", "Text.")

    def test_rule_pair_that_is_not_yaml_is_not_front_matter(self):
        title, body = markdown_to_article("---\n\nJust prose here.\n\n---\n\nMore prose.")
        assert title is None
        assert body == "Just prose here.\nMore prose."


class TestBlocks:
    def test_lines_of_a_paragraph_are_joined_and_blank_lines_separate(self):
        assert markdown_to_article("one\ntwo  \nthree\\\nfour\n\n\n\nfive") == (
            None,
            "one two three four\nfive",
        )

    def test_list_and_quote_markers_are_removed(self):
        source = "- dash\n* star\n+ plus\n1. one\n12) twelve\n- [x] done task\n> quoted\n> > nested"
        assert markdown_to_article(source)[1].split("\n") == [
            "dash", "star", "plus", "one", "twelve", "done task", "quoted", "nested",
        ]  # fmt: skip

    def test_list_item_continuation_lines_join_the_item(self):
        source = "- first item\n  goes on\n- second\n\n    indented paragraph of the item"
        assert markdown_to_article(source) == (
            None,
            "first item goes on\nsecond\nindented paragraph of the item",
        )

    def test_number_inside_a_paragraph_does_not_start_a_list(self):
        assert markdown_to_article("It happened in\n1984. Then more.")[1] == ("It happened in 1984. Then more.")

    @pytest.mark.parametrize(
        "code",
        [
            "```\nsecret()\n```",
            "```python\n# comment\nsecret()\n```",
            "~~~~\nsecret()\n```\nstill code\n~~~~",
            "    secret()\n\tsecret()",
            "> ```\n> secret()\n> ```",
        ],
    )
    def test_code_blocks_are_dropped(self, code):
        assert markdown_to_article(f"Before.\n\n{code}\n\nAfter.") == (None, "Before.\nAfter.")

    def test_unclosed_fence_runs_to_the_end(self):
        assert markdown_to_article("Before.\n\n```\ncode\n# not a heading") == (None, "Before.")

    def test_indented_line_right_after_text_continues_it(self):
        assert markdown_to_article("Text\n    continued") == (None, "Text continued")

    @pytest.mark.parametrize("rule", ["---", "***", "___", "- - -", " * * * "])
    def test_horizontal_rules_are_dropped(self, rule):
        assert markdown_to_article(f"Above.\n\n{rule}\n\nBelow.") == (None, "Above.\nBelow.")

    def test_table_rows_become_cells_joined_by_semicolons(self):
        source = (
            "Populations:\n\n| Country | People | Note |\n|:--|--:|---|\n"
            "| Mali | 22 **million** | |\n| Niger \\| AES | 26 million | est. |\nAfter."
        )
        assert markdown_to_article(source)[1].split("\n") == [
            "Populations:",
            "Country; People; Note",
            "Mali; 22 million",
            "Niger | AES; 26 million; est.",
            "After.",
        ]

    def test_pipes_without_a_delimiter_row_are_text(self):
        assert markdown_to_article("a | b\nc | d") == (None, "a | b c | d")

    def test_html_comments_and_script_blocks_are_removed(self):
        source = (
            "Kept <!-- inline -->text.\n\n<!--\nmulti-line\n\ncomment\n-->\n\n"
            "<script>\nvar x = 'zqxj';\n</script>\nAfter."
        )
        assert markdown_to_article(source) == (None, "Kept text.\nAfter.")


class TestInline:
    @pytest.mark.parametrize(
        ("source", "expected"),
        [
            ("[text](https://x.org/a_(b)) and [ref text][r] and [r]", "text and ref text and r"),
            ("[outer [inner] text](u)", "outer [inner] text"),
            ("[not a link] and [^1] footnote", "[not a link] and footnote"),
            ("![alt text](img.png) ![alt][r] gone", "gone"),
            ("<https://example.com> and <user@example.com> gone", "and gone"),
            ("code `x = a_b*c` and ``a ` b``", "code x = a_b*c and a ` b"),
            (
                "*em* **strong** ***both*** _em_ __strong__ ~~struck~~",
                "em strong both em strong struck",
            ),
            ("**bold *nested* text**, (*aside*)", "bold nested text, (aside)"),
            (
                "snake_case_name, 2*3*4, a * b, under_score_",
                "snake_case_name, 2*3*4, a * b, under_score_",
            ),
            ("5 * 3 and **unclosed", "5 * 3 and **unclosed"),
            (
                "\\*literal\\* \\_also\\_ \\# \\[x\\](y) back\\slash",
                "*literal* _also_ # [x](y) back\\slash",
            ),
            ("<b>Ma</b>li <span class='x'>and</span> line<br>break", "Mali and line break"),
            (
                "Tom &amp; Jerry&rsquo;s &copy; &nope; AT&T",
                "Tom & Jerry\u2019s \u00a9 &nope; AT&T",
            ),
            ("a <b and c> d", "a d"),
            ("x < y > z", "x < y > z"),
        ],
    )
    def test_inline_syntax_leaves_the_visible_text(self, source, expected):
        assert markdown_to_article(source + "\n\n[r]: https://example.com/ref") == (None, expected)

    def test_reference_definitions_are_dropped(self):
        source = "Text.\n\n[a]: https://x.org\n[B c]: <https://y.org> 'Title'\n[^1]: The footnote."
        assert markdown_to_article(source) == (None, "Text.\nThe footnote.")


def _check_body(body: str) -> None:
    assert isinstance(body, str)
    assert "\n\n" not in body
    if body:
        for line in body.split("\n"):
            assert line
            assert line == line.strip()
        assert body.splitlines() == body.split("\n")


_MARKDOWN_PIECES = st.sampled_from(
    ["# ", "## ", "---", "===", "- ", "* ", "1. ", "> ", "```", "~~~", "    ", "\t", "|", "|---|",
     "[", "]", "(", ")", "![", "*", "**", "_", "~~", "`", "\\", "<", ">", "<!--", "-->", "<b>",
     "&amp;", "[^1]", "[x]: u", "title: t", "\n", "\n\n", " ", "word", "\xa0", "\u2028", "\r"]
)  # fmt: skip


@settings(deadline=None)
@given(st.text() | st.lists(_MARKDOWN_PIECES | st.text(max_size=3)).map("".join))
def test_any_text_gives_a_tidy_body_without_raising(source):
    title, body = markdown_to_article(source)
    _check_body(body)
    assert title is None or (title and title == " ".join(title.split()))
