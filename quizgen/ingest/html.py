"""HTML article to its title and plain body text.

Pipeline: article file -> ingest (this) -> analysis -> facts -> items.

A saved web page holds much more than the story: navigation, scripts, adverts,
share buttons, footers. Analysis needs only the prose, one paragraph per line,
so everything else is left out here and never reaches the sentence splitter.
The story is found by :mod:`quizgen.ingest.main_text`; the page is also read
here into a forgiving tree of its own, which gives the title (the ``<title>``
or the headline) and, for a fragment or a page too small for the extractor,
the text.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser

from quizgen.ingest.lines import CELL_SEPARATOR, one_line
from quizgen.ingest.main_text import extract_paragraphs, is_clutter

__all__ = ["html_to_article"]

# Elements dropped with everything inside them: page furniture, code, forms,
# embedded media. Their text is never part of the article's prose.
_DROPPED = frozenset(
    """
    script style noscript template svg canvas iframe object embed head title
    nav header footer aside form button select textarea dialog figcaption
    audio video
    """.split()
)
# Elements that end the paragraph before them and start a new one.
_BLOCKS = frozenset(
    """
    address article aside blockquote body caption center dd details dialog dir
    div dl dt fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6
    header hgroup hr html legend li main menu nav ol p pre section summary
    table tbody tfoot thead tr ul
    """.split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_CELLS = frozenset(("td", "th"))
_VOID = frozenset(
    "area base basefont bgsound br col embed hr img input keygen link meta param source track wbr".split()
)
# What may stay inside <head> without implying that the body has begun.
_HEAD_CONTENT = frozenset("base basefont bgsound link meta noscript script style template title".split())
# Text never counted as an element's own text, even when gathering a title.
_NOT_TEXT = frozenset(("script", "style", "template", "noscript"))
# An h1 is looked for outside these before settling for one in a site header:
# a page banner often puts the site's name in an h1.
_FURNITURE = frozenset(("header", "nav", "aside", "footer", "form", "dialog"))
# What sits between a headline and the site's name in a <title>.
_TITLE_SEPARATORS = "|-\u2013\u2014:\u00b7\u2022\u00bb\u00ab/\\~"
# A page with fewer words than this is read whole, by quizgen's own reader:
# there is too little text for the extractor to tell a story from its page.
EXTRACT_FROM_WORDS = 100
# html.parser asserts on marked sections it does not know ("<![foo["); a
# browser reads any "<![" as a bogus comment, which "<!_[" also is.
_MARKED_SECTION = re.compile(r"<!\[")
_TAG_OPEN = re.compile(r"<[A-Za-z]")


class _Element:
    __slots__ = ("tag", "hidden", "children")

    def __init__(self, tag: str, hidden: bool = False) -> None:
        self.tag = tag
        self.hidden = hidden
        self.children: list[_Element | str | None] = []


# A line break (<br>, <hr>, a stray </p>) in an element's children.
_BREAK = None


class _TreeBuilder(HTMLParser):
    """Builds a forgiving element tree: any string gives some tree, never an error."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("#document")
        self._stack = [self.root]
        self._open: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            return
        if tag == "body":
            self._close("head")
            return
        if self._stack[-1].tag == "head" and tag not in _HEAD_CONTENT:
            # Like a browser: the first element that cannot be in <head> starts
            # the body, so a missing </head> does not swallow the article.
            self._close("head")
        if tag in _VOID:
            if tag in ("br", "hr"):
                self._stack[-1].children.append(_BREAK)
            return
        element = _Element(tag, hidden=any(name == "hidden" for name, _ in attrs))
        self._stack[-1].children.append(element)
        self._stack.append(element)
        self._open[tag] = self._open.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in self.CDATA_CONTENT_ELEMENTS:
            # Browsers ignore the slash of <script/>: what follows is still
            # script up to </script>, and must not be read as prose.
            self.set_cdata_mode(tag)
        elif tag not in _VOID and tag not in ("html", "body"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("html", "body"):
            return
        if self._open.get(tag):
            self._close(tag)
        elif tag in ("p", "br"):
            # A browser turns a stray </p> into an empty paragraph and </br>
            # into <br>: both separate the text around them.
            self._stack[-1].children.append(_BREAK)

    def handle_data(self, data: str) -> None:
        if self._stack[-1].tag == "head" and data.strip():
            self._close("head")
        self._stack[-1].children.append(data)

    def finish(self) -> None:
        # Unterminated comments, declarations and tags run to the end of the
        # document, as in a browser; html.parser would emit them as text (and,
        # for a long tail of "<a<a<a", take quadratic time doing so).
        tail = self.rawdata
        if tail.startswith(("<!", "<?", "</")) or (_TAG_OPEN.match(tail) and ">" not in tail):
            self.rawdata = ""
        self.close()

    def _close(self, tag: str) -> None:
        if not self._open.get(tag):
            return
        while len(self._stack) > 1:
            element = self._stack.pop()
            self._open[element.tag] -= 1
            if element.tag == tag:
                return


def html_to_article(markup: str) -> tuple[str | None, str]:
    """Return the title and the body text of the HTML page ``markup``.

    The body is the main text only, one paragraph per line, with no markup,
    scripts or page furniture. The title is the page's ``<title>`` or its
    first ``<h1>``, or None; the headline is not repeated in the body.
    """
    builder = _TreeBuilder()
    try:
        builder.feed(_MARKED_SECTION.sub("<!_[", markup))
        builder.finish()
    except Exception:  # noqa: BLE001 - html.parser asserts on some malformed input
        return None, _strip_tags(markup)
    root = builder.root

    content, own = _main_content(root)
    page_title = _first_text(root, "title", skip=frozenset(("svg", "math")))
    title = _choose_title(page_title, _headline(root, content) or _structured_headline(markup))
    # A fragment or a tiny page has nothing to separate: it is read whole.
    words = sum(len(text.split()) for text, _ in (own if content is root else _paragraphs(root)))
    # A page may give its story only in its structured data (JSON-LD), for scripts to show.
    extracted = extract_paragraphs(markup) if words >= EXTRACT_FROM_WORDS or '"articleBody"' in markup else None
    paragraphs = [(text, heading) for text, heading in extracted or own if not is_clutter(text)]
    if title:
        paragraphs = _without_title(paragraphs, title)
    return title, "\n".join(text for text, _ in paragraphs)


def _main_content(root: _Element) -> tuple[_Element, list[tuple[str, bool]]]:
    """The element that holds the article, and its paragraphs.

    The first <article> with any text wins, then the first <main>, then the
    whole document: a page can start with an empty or placeholder <article>.
    """
    with_text = _holding_text(root)
    for tag in ("article", "main"):
        for element in _elements(root, skip=_DROPPED):
            if element.tag == tag and id(element) in with_text:
                return element, _paragraphs(element)
    return root, _paragraphs(root)


def _holding_text(root: _Element) -> set[int]:
    """The ids of the elements under ``root`` that hold text a reader would see."""
    found: set[int] = set()
    # Children are judged before their parent, in one pass: testing each
    # candidate on its own would be quadratic for nested empty elements.
    stack: list[tuple[_Element, bool]] = [(root, False)]
    while stack:
        element, children_done = stack.pop()
        if children_done:
            if any(
                id(child) in found if isinstance(child, _Element) else child and one_line(child)
                for child in element.children
            ):
                found.add(id(element))
        elif element is root or not (element.tag in _DROPPED or element.hidden):
            stack.append((element, True))
            stack.extend((child, False) for child in element.children if isinstance(child, _Element))
    return found


def _headline(root: _Element, content: _Element) -> str | None:
    if content is not root:
        found = _first_text(content, "h1", skip=_NOT_TEXT | {"svg", "math"})
        if found:
            return found
    return _first_text(root, "h1", skip=_DROPPED - {"header"} | _FURNITURE) or _first_text(
        root, "h1", skip=_DROPPED - {"header"}
    )


_STRUCTURED_DATA = re.compile(
    r"<script[^>]+type\s*=\s*[\"']?application/ld\+json[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL
)


def _structured_headline(markup: str) -> str | None:
    """The headline a page gives in its JSON-LD, for a page that shows none."""
    for match in _STRUCTURED_DATA.finditer(markup):
        try:
            data = json.loads(match.group(1))
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(reversed(node))
            elif isinstance(node, dict):
                headline = node.get("headline")
                if isinstance(headline, str) and one_line(html.unescape(headline)):
                    return one_line(html.unescape(headline))
                stack.extend(reversed([value for value in node.values() if isinstance(value, (dict, list))]))
    return None


def _choose_title(title: str | None, headline: str | None) -> str | None:
    if not title:
        return headline
    if headline and is_headline_plus_site(title, headline):
        return headline
    return title


def is_headline_plus_site(title: str, headline: str) -> bool:
    """Whether ``title`` is ``headline`` with a site name before or after it."""
    match = re.search(re.escape(headline), title, re.IGNORECASE)
    if not match:
        return False
    before = title[: match.start()].rstrip()
    after = title[match.end() :].lstrip()
    return (not before or before[-1] in _TITLE_SEPARATORS) and (not after or after[0] in _TITLE_SEPARATORS)


def _without_title(paragraphs: list[tuple[str, bool]], title: str) -> list[tuple[str, bool]]:
    """Drop the headline from the body: it is the title, not the first paragraph."""
    key = title.casefold()
    for index, (text, is_heading) in enumerate(paragraphs):
        if text.casefold() == key and (is_heading or index == 0):
            return paragraphs[:index] + paragraphs[index + 1 :]
    return paragraphs


def _elements(root: _Element, skip: frozenset[str]) -> Iterator[_Element]:
    """Elements under ``root`` in document order, not entering ``skip`` or hidden ones."""
    # Iterative: a page of thousands of unclosed tags is as deep as it is long.
    stack: list[_Element] = [root]
    while stack:
        element = stack.pop()
        if element is not root and (element.tag in skip or element.hidden):
            continue
        yield element
        stack.extend(child for child in reversed(element.children) if isinstance(child, _Element))


def _first_text(root: _Element, tag: str, skip: frozenset[str]) -> str | None:
    for element in _elements(root, skip):
        if element.tag == tag and element is not root:
            text = _text(element)
            if text:
                return text
    return None


def _text(element: _Element) -> str:
    """All the text inside ``element`` as one line."""
    pieces: list[str] = []
    stack: list[_Element | str | None] = [element]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            pieces.append(node)
        elif node is _BREAK:
            pieces.append(" ")
        elif node.tag not in _NOT_TEXT:
            stack.extend(reversed(node.children))
    return one_line("".join(pieces))


class _Paragraphs:
    """Collects text into paragraphs as the tree is walked."""

    def __init__(self) -> None:
        self.done: list[tuple[str, bool]] = []
        self._pieces: list[str] = []
        self._has_text = False
        self._new_cell = False
        self._heading_depth = 0

    def text(self, data: str) -> None:
        if self._new_cell and self._has_text and not data.isspace():
            while self._pieces and self._pieces[-1].isspace():
                self._pieces.pop()
            if self._pieces:
                self._pieces[-1] = self._pieces[-1].rstrip()
            self._pieces.append(CELL_SEPARATOR)
            data = data.lstrip()
        if data and not data.isspace():
            self._has_text = True
            self._new_cell = False
        self._pieces.append(data)

    def line_break(self) -> None:
        if self._heading_depth:
            self._pieces.append(" ")
        else:
            self.end_paragraph()

    def enter(self, tag: str) -> None:
        if tag in _HEADINGS:
            if not self._heading_depth:
                self.end_paragraph()
            self._heading_depth += 1
        elif tag in _BLOCKS:
            self.line_break()
        elif tag in _CELLS:
            self._new_cell = True

    def leave(self, tag: str) -> None:
        if tag in _HEADINGS:
            self._heading_depth -= 1
            if not self._heading_depth:
                self.end_paragraph(heading=True)
        elif tag in _BLOCKS:
            self.line_break()

    def end_paragraph(self, heading: bool = False) -> None:
        text = one_line("".join(self._pieces))
        if text:
            self.done.append((text, heading))
        self._pieces = []
        self._has_text = False
        self._new_cell = False


def _paragraphs(root: _Element) -> list[tuple[str, bool]]:
    """The text under ``root``: (paragraph, came from a heading) in order."""
    out = _Paragraphs()
    # Entries are nodes to visit, or a tag string wrapped in a tuple that marks
    # leaving that element.
    stack: list[_Element | str | None | tuple[str]] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            out.text(node)
        elif node is _BREAK:
            out.line_break()
        elif isinstance(node, tuple):
            out.leave(node[0])
        elif node is root or not (node.tag in _DROPPED or node.hidden):
            out.enter(node.tag)
            stack.append((node.tag,))
            stack.extend(reversed(node.children))
    out.end_paragraph()
    return out.done


_FALLBACK_DROPPED = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_FALLBACK_TAG = re.compile(r"<[^>]*>")


def _strip_tags(markup: str) -> str:
    """A rough reading for markup the parser gave up on."""
    text = html.unescape(_FALLBACK_TAG.sub(" ", _FALLBACK_DROPPED.sub(" ", markup)))
    lines = (one_line(line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
