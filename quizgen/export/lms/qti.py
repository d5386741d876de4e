"""Items as a QTI 1.2 package: store -> selection -> export/lms (qti, this) -> ``.zip`` for Canvas.

Canvas imports QTI 1.2 zips ("QTI .zip file" in a course's content import):
an ``imsmanifest.xml`` naming one assessment file, which holds the quiz's
items with Canvas's ``question_type`` in their metadata. quizgen's forms
map onto Canvas's types: multiple_choice_question, true_false_question,
short_answer_question ("fill in the blank"), matching_question, and
fill_in_multiple_blanks_question for a cloze, whose blank is ``[blank]``.

Article text is untrusted. The XML is built with ElementTree, never by
joining strings. Question text is HTML (``texttype="text/html"``) and is
HTML-escaped; options, answers and pairs are plain text
(``texttype="text/plain"``), which Canvas escapes when it shows them. The
square brackets of a cloze's text become character references, so that
article text cannot name a second blank. Identifiers come from item keys and
the package's members are written with fixed dates, so the same items give
the same bytes.
"""

from __future__ import annotations

import hashlib
import html
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from quizgen.export.lms.archive import zip_bytes
from quizgen.export.lms.parts import (
    ItemLike,
    answers,
    askable,
    choices,
    cloze_sides,
    form,
    is_true,
    one_line,
    pairs,
    short,
)
from quizgen.forms.options import shuffled_options

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
MANIFEST_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
IMSMD_NS = "http://www.imsglobal.org/xsd/imsmd_v1p2"
BLANK_ID = "blank"

QUESTION_TYPES = {
    "multiple_choice": "multiple_choice_question",
    "true_false": "true_false_question",
    "wh": "short_answer_question",
    "matching": "matching_question",
    "cloze": "fill_in_multiple_blanks_question",
}


def qti_zip(items: Iterable[ItemLike], *, title: str = "quizgen", seed: int | str = 0) -> bytes:
    """The items as a QTI 1.2 zip that Canvas imports as one quiz named ``title``.

    ``seed`` orders multiple-choice options as
    :func:`~quizgen.forms.options.shuffled_options` does. Items with nothing
    to ask (an empty prompt or answer) are left out.
    """
    chosen = [item for item in items if askable(item)]
    title = one_line(title) or "quizgen"
    ident = assessment_ident(title, chosen)
    path = f"{ident}/{ident}.xml"
    return zip_bytes(
        {
            "imsmanifest.xml": _xml(manifest(ident, path, title)),
            path: _xml(assessment(chosen, ident, title, seed)),
        }
    )


def assessment_ident(title: str, items: list[ItemLike]) -> str:
    """An identifier that depends only on the quiz's title and its items' keys."""
    digest = hashlib.sha256("\x1f".join([title, *(one_line(i.key) for i in items)]).encode("utf-8"))
    return "quizgen_" + digest.hexdigest()[:32]


def manifest(ident: str, path: str, title: str) -> ET.Element:
    """The package's ``imsmanifest.xml``: one resource, the assessment file."""
    root = ET.Element(
        "manifest",
        {"identifier": f"{ident}_manifest", "xmlns": MANIFEST_NS, "xmlns:imsmd": IMSMD_NS},
    )
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    lom = ET.SubElement(metadata, "imsmd:lom")
    general = ET.SubElement(lom, "imsmd:general")
    ET.SubElement(ET.SubElement(general, "imsmd:title"), "imsmd:string").text = title
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    resource = ET.SubElement(resources, "resource", identifier=ident, type="imsqti_xmlv1p2")
    ET.SubElement(resource, "file", href=path)
    return root


def assessment(items: list[ItemLike], ident: str, title: str, seed: int | str = 0) -> ET.Element:
    """The ``<questestinterop>`` document of the quiz."""
    root = ET.Element("questestinterop", {"xmlns": QTI_NS})
    quiz = ET.SubElement(root, "assessment", ident=ident, title=title)
    _metadata(quiz, [("cc_maxattempts", "1")])
    section = ET.SubElement(quiz, "section", ident="root_section")
    for item in items:
        section.append(item_element(item, seed))
    return root


def item_element(item: ItemLike, seed: int | str = 0) -> ET.Element:
    """One item's ``<item>``: metadata, presentation and the scoring of its answers."""
    kind = form(item)
    ident = "q" + one_line(item.key)
    element = ET.Element("item", ident=ident, title=short(item.prompt or item.sentence))
    labels = _WRITERS[kind](element, item, ident, seed)
    fields = [("question_type", QUESTION_TYPES[kind]), ("points_possible", "1.0")]
    if kind in ("multiple_choice", "true_false"):
        fields.append(("original_answer_ids", ",".join(labels)))
    metadata = ET.Element("itemmetadata")
    _metadata(metadata, fields)
    element.insert(0, metadata)
    return element


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _metadata(parent: ET.Element, fields: list[tuple[str, str]]) -> None:
    metadata = ET.SubElement(parent, "qtimetadata")
    for label, entry in fields:
        field = ET.SubElement(metadata, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry


def _material(parent: ET.Element, text: str, texttype: str = "text/plain") -> None:
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", texttype=texttype).text = text


def _question_text(parent: ET.Element, text: str) -> None:
    _material(parent, html.escape(one_line(text), quote=False), "text/html")


def _label(parent: ET.Element, ident: str, text: str) -> None:
    label = ET.SubElement(parent, "response_label", ident=ident)
    _material(label, text)


def _resprocessing(element: ET.Element) -> ET.Element:
    processing = ET.SubElement(element, "resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    return processing


def _condition(processing: ET.Element, respident: str, values: list[str], action: str, score: str) -> None:
    condition = ET.SubElement(processing, "respcondition", {"continue": "No"} if action == "Set" else {})
    variables = ET.SubElement(condition, "conditionvar")
    for value in values:
        ET.SubElement(variables, "varequal", respident=respident).text = value
    ET.SubElement(condition, "setvar", action=action, varname="SCORE").text = score


def _choice(element: ET.Element, item: ItemLike, options: list[str], correct: int, idents: list[str]) -> list[str]:
    presentation = ET.SubElement(element, "presentation")
    _question_text(presentation, item.prompt)
    response = ET.SubElement(presentation, "response_lid", ident="response1", rcardinality="Single")
    render = ET.SubElement(response, "render_choice")
    for ident, option in zip(idents, options):
        _label(render, ident, option)
    _condition(_resprocessing(element), "response1", [idents[correct]], "Set", "100")
    return idents


def _multiple_choice(element: ET.Element, item: ItemLike, ident: str, seed: int | str) -> list[str]:
    options, correct = choices(item, seed)
    return _choice(element, item, options, correct, [f"{ident}_{n}" for n in range(len(options))])


def _true_false(element: ET.Element, item: ItemLike, ident: str, seed: int | str) -> list[str]:
    idents = [f"{ident}_true", f"{ident}_false"]
    return _choice(element, item, ["True", "False"], 0 if is_true(item) else 1, idents)


def _short_answer(element: ET.Element, item: ItemLike, ident: str, seed: int | str) -> list[str]:
    presentation = ET.SubElement(element, "presentation")
    _question_text(presentation, item.prompt)
    response = ET.SubElement(presentation, "response_str", ident="response1", rcardinality="Single")
    render = ET.SubElement(response, "render_fib")
    ET.SubElement(render, "response_label", ident="answer1", rshuffle="No")
    # Canvas takes every varequal of the condition as one accepted answer.
    _condition(_resprocessing(element), "response1", answers(item), "Set", "100")
    return []


def _matching(element: ET.Element, item: ItemLike, ident: str, seed: int | str) -> list[str]:
    found = pairs(item)
    rights = list(dict.fromkeys(right for _, right in found))
    # The menu's order, shuffled as the deck and the printed sheets shuffle it.
    shown, _ = shuffled_options(item.key, rights[0], rights[1:], seed)
    right_ident = {right: f"{ident}_r{n}" for n, right in enumerate(shown)}
    presentation = ET.SubElement(element, "presentation")
    _question_text(presentation, item.prompt)
    for n, (left, _) in enumerate(found):
        response = ET.SubElement(presentation, "response_lid", ident=f"response_{n}")
        _material(response, left)
        render = ET.SubElement(response, "render_choice")
        for right in shown:
            _label(render, right_ident[right], right)
    processing = _resprocessing(element)
    share = f"{100 / len(found):.2f}"
    for n, (_, right) in enumerate(found):
        _condition(processing, f"response_{n}", [right_ident[right]], "Add", share)
    return []


def _fill_in_blank(element: ET.Element, item: ItemLike, ident: str, seed: int | str) -> list[str]:
    before, after = cloze_sides(item)
    presentation = ET.SubElement(element, "presentation")
    text = _blank_text(before) + f"[{BLANK_ID}]" + _blank_text(after)
    _material(presentation, text, "text/html")
    response = ET.SubElement(presentation, "response_lid", ident=f"response_{BLANK_ID}")
    _material(response, BLANK_ID)
    render = ET.SubElement(response, "render_choice")
    accepted = answers(item)
    idents = [f"{ident}_{n}" for n in range(len(accepted))]
    for label, answer in zip(idents, accepted):
        _label(render, label, answer)
    processing = _resprocessing(element)
    for label in idents:
        _condition(processing, f"response_{BLANK_ID}", [label], "Add", "100.00")
    return []


def _blank_text(text: str) -> str:
    """Text around the blank: HTML-escaped, with brackets that cannot name a blank."""
    return html.escape(text, quote=False).replace("[", "&#91;").replace("]", "&#93;")


_WRITERS = {
    "multiple_choice": _multiple_choice,
    "true_false": _true_false,
    "wh": _short_answer,
    "matching": _matching,
    "cloze": _fill_in_blank,
}
