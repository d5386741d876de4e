"""A web page's main text: the story without the page around it.

Pipeline: article file -> ingest (:mod:`quizgen.ingest.html`, which uses
this) -> analysis -> facts -> items.

trafilatura finds the story, favouring precision and leaving comments out.
Precision alone drops some of a story: the older entries of a live blog, the
paragraphs a paywall hides, a body given only in the page's JSON-LD. So a
second, plainer pass is read too, and its paragraphs of running prose that
the first pass left out are added in their place. :func:`is_clutter` tells
the lines that are page furniture whatever the extractor thought (bylines,
reading times, photo credits, share and newsletter boxes, "Also read"
links, timestamps); the HTML reader drops them from whatever it reads.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from quizgen.ingest.lines import table_row

if TYPE_CHECKING:
    from lxml.etree import _Element

__all__ = ["extract_paragraphs", "is_clutter"]

# A paragraph of running prose: this many words, ending as a sentence does.
_PROSE_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
# Lines short enough to be a page's furniture rather than a paragraph.
_SHORT = 20
_CLUTTER = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^advertisement\b",
        r"^(?:the )?(?:story|article) continues\b",
        r"^(?:also read|read also|read more|more from|more on this|see also|related(?: stories| articles)?|"
        r"recommended|most read|most popular|trending|top stories|you may also like|editor'?s picks)\b",
        r"^by [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?:,|$| and | for | in )",
        r"^\(?(?:reporting|writing|editing|additional reporting|compiled|edited) by\b",
        r"\b\d+\s*(?:min|mins|minutes?)\s+read\b",
        r"^(?:photo|photograph|image|picture|video)s?(?: credit)?\s*:",
        r"^\(?(?:reuters|ap|afp|epa|getty images|pa|ap photo|bloomberg)\s*/",
        r"/(?:reuters|afp|getty images|ap|epa)\)?$",
        r"^(?:share|share this(?: story| article| page)?|share on \w+|copy link|copy the link|tweet|email|print|"
        r"save|comments?|\d+ comments?|listen|listen to this article|follow us.*)$",
        r"\b(?:sign up|subscribe)\b.*\b(?:newsletter|inbox|briefing)\b",
        r"^subscribe\b|\balready a subscriber\b|\bto continue reading\b|\blog in to (?:read|continue)\b",
        r"\b(?:unlimited|full|digital) access\b|\bfree trial\b|\bcancel (?:at )?any ?time\b|\be-edition\b",
        r"\bcookies?\b.*\b(?:accept|consent|settings|policy)\b",
        r"^\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s+[A-Z]{2,4})?$",
        r"^(?:published|updated|last updated|first published)\b",
        r"^(?:refresh|load more|show more|see more|\d+ new (?:updates?|posts?))$",
        r"^(?:key events|live|breaking|live updates)$",
    )
]


# The extractor reports its fallbacks through logging; they are not the user's business.
for _name in ("trafilatura", "htmldate", "courlan", "readability", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False


def extract_paragraphs(markup: str) -> list[tuple[str, bool]] | None:
    """The page's main text as (paragraph, is a heading) in order, or None
    when trafilatura finds no main text in it (a fragment, a tiny page)."""
    precise = _extract(markup, favor_precision=True)
    plain = _extract(markup, favor_precision=False)
    if not precise and not plain:
        return None
    kept = {text for text, _ in precise}
    if not any(text not in kept and _prose(text) for text, _ in plain):
        return precise
    # The plain pass in its own order, with what precision kept and the prose it missed.
    merged = [(text, heading) for text, heading in plain if text in kept or _prose(text)]
    placed = {text for text, _ in merged}
    return merged + [(text, heading) for text, heading in precise if text not in placed]


def is_clutter(line: str) -> bool:
    """Whether ``line`` is page furniture: a byline, a reading time, a credit, a
    share or newsletter box, a link to other stories, a timestamp."""
    if len(line.split()) > _SHORT:
        return False
    return any(pattern.search(line) for pattern in _CLUTTER)


def _prose(text: str) -> bool:
    return len(text.split()) >= _PROSE_WORDS and bool(_SENTENCE_END.search(text))


def _extract(markup: str, *, favor_precision: bool) -> list[tuple[str, bool]]:
    import trafilatura
    from lxml import etree

    try:
        found = trafilatura.extract(
            markup,
            output_format="xml",
            favor_precision=favor_precision,
            include_comments=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
        )
    except Exception:  # noqa: BLE001 - an extractor failure leaves quizgen's own reading
        return []
    if not found:
        return []
    try:
        tree = etree.fromstring(found.encode("utf-8"), parser=etree.XMLParser(huge_tree=True, recover=True))
    except etree.XMLSyntaxError:
        return []
    main = tree.find("main") if tree is not None else None
    if main is None:
        return []
    out: list[tuple[str, bool]] = []
    for block in main:
        _blocks(block, out)
    return [(text, heading) for text, heading in out if text]


def _blocks(element: _Element, out: list[tuple[str, bool]]) -> None:
    """Append the paragraphs of one block of trafilatura's XML to ``out``."""
    tag = element.tag
    if tag == "head":
        out.append((_text(element), True))
    elif tag == "table":
        for row in element.iter("row"):
            cells = [_text(cell) for cell in row.iter("cell")]
            out.append((table_row(cells), False))
    elif tag in ("list", "quote", "div") and len(element):
        for child in element:
            _blocks(child, out)
        if tag == "quote" and element.text and element.text.strip():
            out.append((_text(element), False))
    elif tag in ("p", "item", "quote", "code"):
        out.extend((piece, False) for piece in _lines(element))


def _lines(element: _Element) -> list[str]:
    """A paragraph's text, split where it had line breaks (``<lb/>``)."""
    pieces: list[list[str]] = [[]]

    def walk(node: _Element) -> None:
        if node.text:
            pieces[-1].append(node.text)
        for child in node:
            if child.tag == "lb":
                pieces.append([])
            elif child.tag != "graphic":
                walk(child)
            if child.tail:
                pieces[-1].append(child.tail)

    walk(element)
    return [line for line in (" ".join("".join(piece).split()) for piece in pieces) if line]


def _text(element: _Element) -> str:
    return " ".join("".join(element.itertext()).split())
