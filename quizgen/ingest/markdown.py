"""Markdown article to its title and plain body text.

Pipeline: article file -> ingest (this) -> analysis -> facts -> items.

Analysis reads prose, so the Markdown syntax goes: markers, link targets,
images and code are removed and what a reader would see stays, one paragraph
per output line. markdown-it reads the document as CommonMark does, with
tables and strikethrough. Front matter and footnotes are taken care of before
it, and a few things are read otherwise: autolinks are dropped with their
text, a ``*`` inside a word is text as a ``_`` is, and raw HTML blocks are
read as paragraphs of text, without their tags, comments and scripts.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline, emphasis
from markdown_it.token import Token

from quizgen.ingest.lines import table_row

__all__ = ["markdown_to_article"]

_FRONT_MATTER_KEY = re.compile(r"[A-Za-z0-9_][\w .-]*:(?:\s|$)")
_FRONT_MATTER_TITLE = re.compile(r"title\s*:[ \t]*(.*)$", re.IGNORECASE)
# A footnote: "[^1]: text", perhaps in a blockquote or a list item.
_FOOTNOTE = re.compile(r"^((?: {0,3}> ?)*)([ \t]*)\[\^[^\]\s]+\]:[ \t]*(.*)$", re.MULTILINE)
# A footnote holding only a link target, as a link reference definition does.
_LINK_TARGET = re.compile(r"(?:<[^<>\n]*>|\S+)(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t]*")
# A footnote mark: a number for the reader, noise for analysis.
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]+\]")
_TASK_BOX = re.compile(r"\[[ xX]\][ \t]+")
# Comments and script or style elements are removed with what they hold.
_HIDDEN = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
# Raw HTML tags that separate the words on either side of them.
_SPACING_TAGS = frozenset(
    "br p div li ul ol dl dt dd tr td th table h1 h2 h3 h4 h5 h6 hr blockquote "
    "section article header footer figure figcaption pre".split()
)


def _emphasis(state: StateInline, silent: bool) -> bool:
    """markdown-it's emphasis, except that a ``*`` inside a word (2*3*4) is
    text, as a ``_`` inside one (snake_case) already is."""
    start, first = state.pos, len(state.delimiters)
    if not emphasis.tokenize(state, silent):
        return False
    if state.src[start] == "*":
        scanned = state.scanDelims(start, False)
        for delimiter in state.delimiters[first:]:
            delimiter.open, delimiter.close = scanned.can_open, scanned.can_close
    return True


# Escaped characters and entities are kept apart from the text around them
# (no "text_join"), so that only unescaped "[^1]" is read as a footnote mark.
# Blocks nested deeper than markdown-it's limit (about eight lists or twenty
# blockquotes) are left out, so hostile input cannot exhaust the stack.
_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")
_MARKDOWN.inline.ruler.at("emphasis", _emphasis)


def markdown_to_article(source: str) -> tuple[str | None, str]:
    """Return the title and the plain body text of the Markdown ``source``.

    The title is the front matter's ``title``, else the first heading, or
    None. The body is the text a reader would see, one paragraph per line.
    """
    lines = source.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title, lines = _front_matter(lines)
    blocks = _blocks(_FOOTNOTE.sub(_footnote, "\n".join(lines)))

    headings = [index for index, (kind, _) in enumerate(blocks) if kind == "heading"]
    if title is None:
        first = next((index for index in headings if blocks[index][1]), None)
        if first is not None:
            title = blocks.pop(first)[1]
    elif headings and blocks[headings[0]][1].casefold() == title.casefold():
        # The first heading repeats the front matter's title.
        del blocks[headings[0]]
    return title, "\n".join(text for _, text in blocks if text)


def _front_matter(lines: list[str]) -> tuple[str | None, list[str]]:
    """The front matter's title and the lines after the front matter."""
    if not lines or lines[0].rstrip() != "---":
        return None, lines
    for end in range(1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            break
    else:
        return None, lines
    inner = lines[1:end]
    first = next((line for line in inner if line.strip() and not line.startswith("#")), None)
    if first is not None and not _FRONT_MATTER_KEY.match(first):
        # Text between two rules, not YAML: the document merely opens with a rule.
        return None, lines
    return _yaml_title(inner), lines[end + 1 :]


def _yaml_title(lines: list[str]) -> str | None:
    """The ``title`` in the front matter's ``lines``: plain, quoted or folded."""
    for index, line in enumerate(lines):
        match = _FRONT_MATTER_TITLE.match(line)
        if not match:
            continue
        value = match.group(1).strip()
        if value[:1] in ("|", ">"):
            block = []
            for following in lines[index + 1 :]:
                if following.strip() and not following[:1].isspace():
                    break
                block.append(following.strip())
            value = " ".join(block)
        elif value[:1] == '"':
            end = re.match(r'"((?:[^"\\]|\\.)*)"', value)
            value = end.group(1) if end else value[1:]
            value = re.sub(r"\\(.)", r"\1", value)
        elif value[:1] == "'":
            end = re.match(r"'((?:[^']|'')*)'", value)
            value = (end.group(1) if end else value[1:]).replace("''", "'")
        else:
            value = re.split(r"\s#", value, maxsplit=1)[0]
        value = " ".join(value.split())
        return value or None
    return None


def _footnote(match: re.Match[str]) -> str:
    """A footnote, written as a list item so that its text and the lines
    indented under it read as paragraphs of their own. One holding only a
    link target goes, as a link reference definition would."""
    quotes, indent, text = match.groups()
    if _LINK_TARGET.fullmatch(text):
        return quotes
    return f"{quotes}\n{quotes}{indent}- {text}"


def _blocks(text: str) -> list[tuple[str, str]]:
    """The document's headings, paragraphs and table rows, as (kind, plain text)
    pairs, kind being "heading", "text" or "row". Code blocks and rules give
    none."""
    env: dict[str, Any] = {}
    tokens = _MARKDOWN.parse(text, env)
    blocks: list[tuple[str, str]] = []
    row: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "inline":
            children = token.children or []
            opener = tokens[index - 1].type
            if opener == "paragraph_open" and index > 1 and tokens[index - 2].type == "list_item_open":
                _drop_task_box(children)
            if opener in ("th_open", "td_open"):
                row.append(_plain(children))
            else:
                blocks.append(("heading" if opener == "heading_open" else "text", _plain(children)))
        elif token.type == "tr_close":
            blocks.append(("row", table_row(row)))
            row = []
        elif token.type == "html_block":
            # Read as paragraphs of text, without tags, comments and scripts.
            for paragraph in _BLANK_LINE.split(_HIDDEN.sub(" ", token.content)):
                inline = _MARKDOWN.parseInline(paragraph, env)
                blocks.append(("text", _plain(inline[0].children or [])))
    return blocks


def _drop_task_box(children: list[Token]) -> None:
    """Remove the "[x] " opening a task list item."""
    if children and children[0].type == "text":
        box = _TASK_BOX.match(children[0].content)
        if box:
            children[0].content = children[0].content[box.end() :]


def _plain(children: list[Token]) -> str:
    """The text a reader sees in one inline run of Markdown, on one line."""
    parts: list[str] = []
    # While an autolink or a script or style element is left out: the token
    # type ("link_close") or the closing tag ("</script") that ends it.
    skip_to: str | None = None
    for token in children:
        kind = token.type
        if skip_to is not None:
            if kind == skip_to or (kind == "html_inline" and token.content.lower().startswith(skip_to)):
                skip_to = None
        elif kind == "text":
            parts.append(_FOOTNOTE_MARK.sub("", token.content))
        elif kind in ("text_special", "code_inline"):
            parts.append(token.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "link_open" and token.markup == "autolink":
            skip_to = "link_close"
        elif kind == "html_inline":
            tag = _HTML_TAG.match(token.content)
            if tag is None:  # A comment, or some other markup that shows nothing.
                continue
            name = tag[2].lower()
            if not tag[1] and name in ("script", "style"):
                skip_to = f"</{name}"
            elif name in _SPACING_TAGS:
                parts.append(" ")
        # Images, emphasis and link markers give no text.
    return " ".join("".join(parts).split())
