"""The HTML of a note's fields: store -> export/anki (fields, this) -> notes -> package.

Article text is untrusted, so every piece of it goes through :func:`text`
(``html.escape``) before it is put in a field; the only markup in a field is
the markup written here, whose attributes use single quotes so that a field
never holds a double quote or a tab (Anki's text import would read either as
the end of a field).
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from quizgen.forms.options import shuffled_options
from quizgen.wording import BLANK, option_letter

if TYPE_CHECKING:
    from quizgen.store import ItemRecord


# A cloze's hint: what kind of thing the answer is, from its entity label.
HINTS = {
    "PERSON": "person",
    "NORP": "group",
    "FAC": "place",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "PRODUCT": "thing",
    "EVENT": "event",
    "WORK_OF_ART": "title",
    "LAW": "law",
    "LANGUAGE": "language",
    "DATE": "date",
    "TIME": "time",
    "PERCENT": "percentage",
    "MONEY": "amount",
    "QUANTITY": "quantity",
    "ORDINAL": "ordinal",
    "CARDINAL": "number",
}


# Control characters other than tab and line breaks. Anki drops them from a
# field when it imports a note, and "\x1f" is the separator of a note's fields
# in the collection: one left in article text would shift every field after it.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text(value: str) -> str:
    """Plain text as HTML: escaped, without control characters, with line breaks kept and tabs made spaces."""
    escaped = html.escape(_CONTROL.sub("", value), quote=True)
    return escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>").replace("\t", " ")


def _cloze_safe(value: str) -> str:
    """Escaped text in which Anki's cloze parser finds no braces.

    Anki and genanki find clozes by ``{{cN::`` and ``}}`` in the raw field, so
    an article containing "{{c2::x}}" would make a second card, and an answer
    containing "}}" would end its cloze early (genanki 0.13 then writes no card
    at all). As character references the braces still show as braces.
    """
    return text(value).replace("{", "&#123;").replace("}", "&#125;")


def cloze(answer: str, hint: str = "") -> str:
    """``{{c1::answer::hint}}`` with the answer and hint unable to break out of it."""
    # "::" inside the answer would start the hint; an empty cloze makes no card.
    inner = _cloze_safe(answer).replace(":", "&#58;") or "&#8230;"
    if hint:
        inner += "::" + _cloze_safe(hint).replace(":", "&#58;")
    return "{{c1::" + inner + "}}"


def cloze_text(item: ItemRecord) -> str:
    """The Text field of a cloze note: the sentence with the answer as cloze 1.

    The prompt is the sentence with the answer's span blanked, so its two sides
    are the sentence around the answer, and they include an edit someone made;
    without exactly one blank the stored span in the sentence is used.
    """
    before, after = _around_answer(item)
    return _cloze_safe(before) + cloze(item.answer, HINTS.get(item.label, "")) + _cloze_safe(after)


def _around_answer(item: ItemRecord) -> tuple[str, str]:
    if item.prompt.count(BLANK) == 1:
        before, after = item.prompt.split(BLANK)
        return before, after
    span = answer_span(item)
    if span is not None:
        return item.sentence[: span[0]], item.sentence[span[1] :]
    found = item.sentence.find(item.answer) if item.answer else -1
    if found >= 0:
        return item.sentence[:found], item.sentence[found + len(item.answer) :]
    return (item.prompt or item.sentence).rstrip() + " ", ""


def answer_span(item: ItemRecord) -> tuple[int, int] | None:
    """The answer's stored span in the sentence, when it is a real one."""
    start, end = item.answer_start, item.answer_end
    if start is None or end is None or not 0 <= start < end <= len(item.sentence):
        return None
    return start, end


def source(item: ItemRecord) -> str:
    """The source sentence, with the fact the item asks about in bold."""
    span = answer_span(item)
    if span is None:
        return text(item.sentence)
    start, end = span
    s = item.sentence
    return f"{text(s[:start])}<b>{text(s[start:end])}</b>{text(s[end:])}"


def accepted(item: ItemRecord) -> str:
    """The Extra field of a typed answer: the other ways to write it that count as right."""
    if not item.accepted_answers:
        return ""
    return "Also accepted: " + text("; ".join(item.accepted_answers))


def options(item: ItemRecord) -> tuple[str, str]:
    """A multiple-choice item's options as a lettered list, and its Answer field.

    The order is :func:`~quizgen.forms.options.shuffled_options`' so that a deck
    shows the same order as the quiz and the printed sheets.
    """
    shown, correct = shuffled_options(item.key, item.answer, list(item.distractors))
    rows = []
    for index, option in enumerate(shown):
        marked = " class='correct'" if index == correct else ""
        rows.append(f"<li{marked}><span class='letter'>{option_letter(index)}</span> {text(option)}</li>")
    return "<ol class='choices'>" + "".join(rows) + "</ol>", f"{option_letter(correct)}. {text(item.answer)}"


def verdict(item: ItemRecord) -> str:
    """A true/false item's Answer field: "True" or "False", coloured."""
    truth = item.answer.strip().lower() == "true"
    return f"<span class='verdict-{'true' if truth else 'false'}'>{'True' if truth else 'False'}</span>"


def correction(item: ItemRecord) -> str:
    """What a false statement got wrong: the swapped-in value and the article's."""
    span = answer_span(item)
    if item.answer.strip().lower() == "true" or span is None or not item.distractors:
        return ""
    said = item.sentence[span[0] : span[1]]
    return f"Not “{text(item.distractors[0])}” but “{text(said)}”."


def matching_question(item: ItemRecord) -> str:
    """A matching item's front: the prompt, the left items numbered, the right ones lettered and shuffled."""
    lefts = [left for left, _ in item.pairs]
    rights = [right for _, right in item.pairs]
    if rights:
        rights, _ = shuffled_options(item.key, rights[0], rights[1:])
    rows = "".join(
        f"<tr><td>{n}. {text(left)}</td><td>{option_letter(n - 1)}. {text(right)}</td></tr>"
        for n, (left, right) in enumerate(zip(lefts, rights), start=1)
    )
    return f"{text(item.prompt)}<table class='pairs'>{rows}</table>"


def matching_answer(item: ItemRecord) -> str:
    """A matching item's back: each left item with the right one it belongs to."""
    rows = "".join(f"<tr><td>{text(left)}</td><td>{text(right)}</td></tr>" for left, right in item.pairs)
    return f"<table class='pairs'>{rows}</table>"
