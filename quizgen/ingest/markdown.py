"""Markdown article to its title and plain body text.

Pipeline: article file -> ingest (this) -> analysis -> facts -> items.

Analysis reads prose, so the Markdown syntax goes: markers, link targets,
images and code are removed and what a reader would see stays. Blocks are
read first, line by line, then each paragraph's inline syntax; one paragraph
per output line.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["markdown_to_article"]

_FRONT_MATTER_KEY = re.compile(r"[A-Za-z0-9_][\w .-]*:(?:\s|$)")
_FRONT_MATTER_TITLE = re.compile(r"title\s*:[ \t]*(.*)$", re.IGNORECASE)
_QUOTE_MARKER = re.compile(r" {0,3}> ?")
_FENCE = re.compile(r"(`{3,}|~{3,})(.*)$")
_ATX = re.compile(r"(#{1,6})(?:[ \t]+(.*))?$")
_ATX_CLOSING = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BULLET = re.compile(r"([-*+])(?:([ \t]+)(.*))?$")
_ORDERED = re.compile(r"(\d{1,9})[.)](?:([ \t]+)(.*))?$")
_TASK_BOX = re.compile(r"\[[ xX]\][ \t]+")
_TABLE_DELIMITER = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_CELL_BORDER = re.compile(r"(?<!\\)\|")
_CELL_SEPARATOR = "; "
_REFERENCE = re.compile(
    r"\[((?:[^\[\]\\]|\\.)+)\]:[ \t]*(?:<[^<>\n]*>|\S+)"
    r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t]*$"
)
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]:[ \t]*(.*)$")
# Comments and script or style elements are removed with what they hold; an
# opening without its close on the same line runs on to later lines.
_HIDDEN_OPEN = re.compile(r"<!--|<(script|style)\b", re.IGNORECASE)
_HIDDEN_CLOSE = {
    "comment": re.compile(r"-->"),
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
}
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_HTML_TAG = re.compile(
    r"</?([A-Za-z][A-Za-z0-9-]*)"
    r"(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>"
)
# Raw HTML tags that separate the words on either side of them.
_SPACING_TAGS = frozenset(
    "br p div li ul ol dl dt dd tr td th table h1 h2 h3 h4 h5 h6 hr blockquote "
    "section article header footer figure figcaption pre".split()
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_EMPHASIS = frozenset("*_~")
# Links nested in link texts deeper than this are read as plain text, so
# hostile input cannot exhaust the stack.
_MAX_LINK_DEPTH = 8
# CommonMark's longest link label; a longer bracket is never a reference.
_MAX_LABEL = 1000


def markdown_to_article(source: str) -> tuple[str | None, str]:
    """Return the title and the plain body text of the Markdown ``source``.

    The title is the front matter's ``title``, else the first heading, or
    None. The body is the text a reader would see, one paragraph per line.
    """
    lines = source.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title, lines = _front_matter(lines)
    reader = _BlockReader()
    for line in lines:
        reader.feed(line)
    reader.finish()
    refs = reader.references

    blocks: list[tuple[str, str]] = []
    for kind, raw in reader.blocks:
        if kind == "row":
            cells = (_inline(cell, refs) for cell in _cells(raw))
            blocks.append((kind, _CELL_SEPARATOR.join(cell for cell in cells if cell)))
        else:
            blocks.append((kind, _inline(raw, refs)))

    blocks = _take_title_heading(blocks, title)
    if title is None:
        title, blocks = _first_heading(blocks)
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


def _take_title_heading(blocks: list[tuple[str, str]], title: str | None) -> list[tuple[str, str]]:
    """Drop a first heading that repeats the front matter's title."""
    if title is None:
        return blocks
    for index, (kind, text) in enumerate(blocks):
        if kind == "heading":
            if text.casefold() == title.casefold():
                return blocks[:index] + blocks[index + 1 :]
            break
    return blocks


def _first_heading(blocks: list[tuple[str, str]]) -> tuple[str | None, list[tuple[str, str]]]:
    for index, (kind, text) in enumerate(blocks):
        if kind == "heading" and text:
            return text, blocks[:index] + blocks[index + 1 :]
    return None, blocks


class _BlockReader:
    """Splits Markdown lines into headings, paragraphs and table rows.

    ``blocks`` holds (kind, raw text) pairs, kind being "heading", "text" or
    "row"; inline syntax is left for later, when every link reference of the
    document is known.
    """

    def __init__(self) -> None:
        self.blocks: list[tuple[str, str]] = []
        self.references: set[str] = set()
        self._paragraph: list[str] | None = None
        # "text", "item" (a list item) or "header" (one line that may head a table).
        self._paragraph_kind = "text"
        self._paragraph_quote = 0
        self._fence: str | None = None
        self._fence_quote = 0
        self._hidden: str | None = None
        self._in_list = False
        self._list_indent = 0
        self._in_table = False
        self._after_blank = True

    def feed(self, line: str) -> None:
        if self._fence is not None:
            depth, rest = _strip_quotes(line, limit=self._fence_quote)
            if depth >= self._fence_quote:
                if _is_fence_close(rest, self._fence):
                    self._fence = None
                return
            # The blockquote holding the code block has ended, and the code with it.
            self._fence = None
        if self._hidden is not None:
            close = _HIDDEN_CLOSE[self._hidden].search(line)
            if close is None:
                return
            self._hidden = None
            line = line[close.end() :]
            if not line.strip():
                return

        depth, rest = _strip_quotes(line)
        indent = _indent(rest)
        if self._in_list and self._after_blank and rest.strip() and indent < self._list_indent:
            if not (_BULLET.match(rest.strip()) or _ORDERED.match(rest.strip())):
                self._in_list = False
        if indent >= 4 and rest.strip() and not self._in_list and self._paragraph is None and not self._in_table:
            # Indented code. Right after a line of text, an indented line only
            # continues that paragraph.
            self._after_blank = False
            return

        rest = self._unhide(rest)
        if not rest.strip():
            self._end_paragraph()
            self._in_table = False
            self._after_blank = True
            return
        if depth and self._paragraph is not None and depth != self._paragraph_quote:
            self._end_paragraph()
        self._after_blank = False
        self._block_line(rest.strip(), depth, indent)

    def finish(self) -> None:
        self._end_paragraph()

    def _unhide(self, line: str) -> str:
        """The line without comments and script or style elements."""
        kept = []
        position = 0
        while True:
            opening = _HIDDEN_OPEN.search(line, position)
            if opening is None:
                kept.append(line[position:])
                break
            kept.append(line[position : opening.start()])
            kind = (opening.group(1) or "comment").lower()
            close = _HIDDEN_CLOSE[kind].search(line, opening.end())
            if close is None:
                self._hidden = kind
                break
            position = close.end()
        return "".join(kept)

    def _block_line(self, text: str, depth: int, indent: int) -> None:
        if self._in_table:
            if _CELL_BORDER.search(text):
                self.blocks.append(("row", text))
                return
            self._in_table = False

        fence = _FENCE.match(text)
        if fence and not (fence.group(1)[0] == "`" and "`" in fence.group(2)):
            self._end_paragraph()
            self._fence = fence.group(1)
            self._fence_quote = depth
            return

        heading = _ATX.match(text)
        if heading:
            self._end_paragraph()
            self._in_list = False
            self.blocks.append(("heading", _ATX_CLOSING.sub("", heading.group(2) or "")))
            return

        if (
            self._paragraph is not None
            and self._paragraph_kind != "item"
            and self._paragraph_quote == depth
            and indent < 4
            and _SETEXT.match(text)
        ):
            self.blocks.append(("heading", " ".join(self._paragraph)))
            self._paragraph = None
            return

        if _RULE.match(text):
            self._end_paragraph()
            self._in_list = False
            return

        if self._paragraph is not None and self._paragraph_kind == "header" and _TABLE_DELIMITER.match(text):
            self.blocks.append(("row", self._paragraph[0]))
            self._paragraph = None
            self._in_table = True
            return

        item = self._list_item(text, indent)
        if item is not None:
            self._end_paragraph()
            self._start_paragraph(item, "item", depth)
            return

        reference = _REFERENCE.match(text)
        if reference:
            self._end_paragraph()
            self.references.add(_label(reference.group(1)))
            return

        footnote = _FOOTNOTE.match(text)
        if footnote:
            self._end_paragraph()
            self._start_paragraph(footnote.group(1), "text", depth)
            return

        if self._paragraph is not None:
            self._paragraph[-1] = _without_hard_break(self._paragraph[-1])
            self._paragraph.append(text)
            if self._paragraph_kind == "header":
                self._paragraph_kind = "text"
        else:
            kind = "header" if _CELL_BORDER.search(text) else "text"
            self._start_paragraph(text, kind, depth)

    def _list_item(self, text: str, indent: int) -> str | None:
        """The text of a list item opening with this line, or None if it opens none."""
        bullet = _BULLET.match(text)
        ordered = None if bullet else _ORDERED.match(text)
        match = bullet or ordered
        if match is None:
            return None
        content = match.group(3) or ""
        if self._paragraph is not None and self._paragraph_kind != "item":
            # As in CommonMark, inside a paragraph "2019. It was..." and a
            # lone "-" go on with the text rather than start a list.
            if not content or (ordered and ordered.group(1) != "1"):
                return None
        self._in_list = True
        self._list_indent = indent + (match.start(3) if match.group(3) is not None else len(text))
        while not _RULE.match(content):
            nested = _BULLET.match(content) or _ORDERED.match(content)
            if not nested or not nested.group(3):
                break
            content = nested.group(3)
        box = _TASK_BOX.match(content)
        return content[box.end() :] if box else content

    def _start_paragraph(self, text: str, kind: str, depth: int) -> None:
        self._paragraph = [text]
        self._paragraph_kind = kind
        self._paragraph_quote = depth

    def _end_paragraph(self) -> None:
        if self._paragraph is not None:
            self.blocks.append(("text", " ".join(self._paragraph)))
        self._paragraph = None


def _strip_quotes(line: str, limit: int | None = None) -> tuple[int, str]:
    """The number of blockquote markers opening ``line`` and the rest of it."""
    depth = 0
    while limit is None or depth < limit:
        match = _QUOTE_MARKER.match(line)
        if not match:
            break
        depth += 1
        line = line[match.end() :]
    return depth, line


def _is_fence_close(line: str, fence: str) -> bool:
    text = line.strip()
    run = len(text) - len(text.lstrip(fence[0]))
    return _indent(line) < 4 and run >= len(fence) and not text[run:].strip()


def _indent(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _without_hard_break(text: str) -> str:
    # A backslash ending a line that text follows is a hard line break, not a
    # character.
    if text.endswith("\\") and (len(text) - len(text.rstrip("\\"))) % 2:
        return text[:-1]
    return text


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _cells(row: str) -> list[str]:
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [cell.replace("\\|", "|") for cell in _CELL_BORDER.split(row)]


def _inline(text: str, refs: set[str]) -> str:
    """The text a reader sees in one paragraph of Markdown."""
    return " ".join(_emphasis_removed(_Inline(text, refs).segments()).split())


class _Inline:
    """Splits a paragraph into segments: (text, literal).

    Literal segments (code, escaped characters, entities) are shown as they
    are; the others may still hold emphasis markers.
    """

    def __init__(self, text: str, refs: set[str], depth: int = 0) -> None:
        self.text = text
        self.refs = refs
        self.depth = depth
        self.out: list[tuple[str, bool]] = []
        self._brackets = _matching(text, "[", "]")
        self._parens = _matching(text, "(", ")")
        self._ticks = _backtick_runs(text)

    def segments(self) -> list[tuple[str, bool]]:
        text = self.text
        i = 0
        plain_start = 0
        n = len(text)
        while i < n:
            char = text[i]
            handled: int | None = None
            if char == "\\" and i + 1 < n and text[i + 1] in _ESCAPABLE:
                self._plain(plain_start, i)
                self.out.append((text[i + 1], True))
                handled = i + 2
            elif char == "`":
                handled = self._code(i, plain_start)
            elif char == "!" and text.startswith("![", i):
                end = self._link_end(i + 1)
                if end is not None:
                    self._plain(plain_start, i)
                    handled = end
            elif char == "[":
                handled = self._link(i, plain_start)
            elif char == "<":
                match = _AUTOLINK.match(text, i) or _HTML_TAG.match(text, i)
                if match:
                    self._plain(plain_start, i)
                    if match.re is _HTML_TAG and match.group(1).lower() in _SPACING_TAGS:
                        self.out.append((" ", True))
                    handled = match.end()
            elif char == "&":
                match = _ENTITY.match(text, i)
                if match:
                    self._plain(plain_start, i)
                    self.out.append((html.unescape(match.group()), True))
                    handled = match.end()
            if handled is None:
                i += 1
            else:
                i = plain_start = handled
        self._plain(plain_start, n)
        return self.out

    def _plain(self, start: int, end: int) -> None:
        if start < end:
            self.out.append((self.text[start:end], False))

    def _code(self, i: int, plain_start: int) -> int:
        text = self.text
        run = _run_length(text, i, "`")
        self._plain(plain_start, i)
        closing = self._ticks.get(run, [])
        at = bisect.bisect_right(closing, i)
        if at >= len(closing):
            # No closing run of the same length: the backticks are plain text.
            self.out.append(("`" * run, True))
            return i + run
        end = closing[at]
        code = text[i + run : end]
        if len(code) > 2 and code[0] == code[-1] == " " and code.strip():
            code = code[1:-1]
        self.out.append((code, True))
        return end + run

    def _link_end(self, open_bracket: int) -> int | None:
        """Where the link whose text opens at ``open_bracket`` ends, if it is one."""
        close = self._brackets.get(open_bracket)
        if close is None:
            return None
        after = close + 1
        if after < len(self.text) and self.text[after] == "(":
            end = self._parens.get(after)
            return None if end is None else end + 1
        if after < len(self.text) and self.text[after] == "[":
            end = self._brackets.get(after)
            return None if end is None else end + 1
        if (
            self.refs
            and close - open_bracket <= _MAX_LABEL
            and (_label(self.text[open_bracket + 1 : close]) in self.refs)
        ):
            return after
        return None

    def _link(self, i: int, plain_start: int) -> int | None:
        text = self.text
        close = self._brackets.get(i)
        if close is None:
            return None
        if text.startswith("[^", i) and close - i <= _MAX_LABEL and not any(c.isspace() for c in text[i:close]):
            # A footnote mark: a number for the reader, noise for analysis.
            self._plain(plain_start, i)
            return close + 1
        end = self._link_end(i)
        if end is None:
            return None
        self._plain(plain_start, i)
        inner = text[i + 1 : close]
        if self.depth >= _MAX_LINK_DEPTH:
            self.out.append((inner, True))
        else:
            self.out.extend(_Inline(inner, self.refs, self.depth + 1).segments())
        return end


def _run_length(text: str, start: int, char: str) -> int:
    end = start
    while end < len(text) and text[end] == char:
        end += 1
    return end - start


def _backtick_runs(text: str) -> dict[int, list[int]]:
    """Start of every run of backticks, by the run's length."""
    runs: dict[int, list[int]] = {}
    for match in re.finditer(r"`+", text):
        runs.setdefault(len(match.group()), []).append(match.start())
    return runs


def _matching(text: str, opening: str, closing: str) -> dict[int, int]:
    """Each balanced ``opening`` bracket's position mapped to its ``closing`` one."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == opening:
            stack.append(i)
        elif char == closing and stack:
            pairs[stack.pop()] = i
        i += 1
    return pairs


@dataclass
class _Run:
    char: str
    length: int
    can_open: bool
    can_close: bool
    removed: int = 0


def _emphasis_removed(segments: list[tuple[str, bool]]) -> str:
    """Join the segments, leaving out the emphasis markers that pair up.

    A marker run opens emphasis at the start of a word and closes it at the
    end of one; runs inside a word (snake_case, 2*3) or between spaces are
    text, as are runs that find no partner.
    """
    items: list[str | _Run] = []
    for text, literal in segments:
        if literal:
            items.append(text)
            continue
        for piece in re.split(r"(\*+|_+|~+)", text):
            if piece and piece[0] in _EMPHASIS:
                items.append(_Run(piece[0], len(piece), False, False))
            elif piece:
                items.append(piece)

    for index, item in enumerate(items):
        if isinstance(item, _Run):
            before = _neighbour(items, index, -1)
            after = _neighbour(items, index, 1)
            item.can_open = (
                after is not None
                and not after.isspace()
                and (before is None or before.isspace() or _is_punctuation(before))
            )
            item.can_close = (
                before is not None
                and not before.isspace()
                and (after is None or after.isspace() or _is_punctuation(after))
            )

    openers: list[_Run] = []
    for item in items:
        if not isinstance(item, _Run):
            continue
        if item.can_close:
            left = item.length
            while left and openers:
                match = next((o for o in reversed(openers) if o.char == item.char), None)
                if match is None:
                    break
                while openers[-1] is not match:
                    openers.pop()
                taken = min(left, match.length - match.removed)
                match.removed += taken
                left -= taken
                if match.removed == match.length:
                    openers.pop()
            item.removed = item.length - left
            if item.removed:
                continue
        if item.can_open:
            openers.append(item)

    return "".join(item if isinstance(item, str) else item.char * (item.length - item.removed) for item in items)


def _neighbour(items: list[str | _Run], index: int, step: int) -> str | None:
    """The character next to ``items[index]`` on one side, or None at an edge."""
    neighbour_index = index + step
    if 0 <= neighbour_index < len(items):
        item = items[neighbour_index]
        if isinstance(item, _Run):
            return item.char
        if item:
            return item[-1] if step < 0 else item[0]
    return None


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"
