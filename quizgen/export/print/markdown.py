"""An editable worksheet and key in Markdown, for teachers who change things before printing.

export/print: worksheet -> markdown (this). The structure of the PDF: each
article's title as a heading over its text and its questions, in the
worksheet and in the key. Article text is escaped so that no character of it
is read as Markdown or HTML.
"""

from __future__ import annotations

import html
import re

from quizgen.wording import option_letter

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


def escape(text: str) -> str:
    """``text`` shown as written in any Markdown renderer."""
    return _SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def markdown(data: dict) -> str:
    """The documents of the sheet ``data`` (from :meth:`Sheet.data`) as one Markdown file."""
    out: list[str] = []
    for doc in data["documents"]:
        if out:
            out.append("\n---\n")
        if doc["kind"] == "worksheet":
            out += [
                f"# {escape(data['title'])} — version {doc['version']}",
                "",
                "Name: ____________________  Class: __________  Date: __________",
                "",
                f"*{escape(data['instructions'])}*",
                "",
            ]
            if data["show_points"]:
                out += [f"Total: {doc['total']} point{'s' if doc['total'] != 1 else ''}", ""]
            for group in doc["groups"]:
                out += _heading(group)
                for paragraph in group["paragraphs"]:
                    out += [escape(paragraph), ""]
                for q in group["questions"]:
                    out += _question(q, data["show_points"])
        else:
            out += [f"# {escape(data['title'])} — answer key, version {doc['version']}", ""]
            for group in doc["groups"]:
                out += _heading(group)
                for entry in group["answers"]:
                    out += [
                        f"{entry['number']}\\. **{escape(entry['answer'])}**  ",
                        f"   *{escape(entry['source'])}*",
                        "",
                    ]
    return "\n".join(out).rstrip() + "\n"


def _heading(group: dict) -> list[str]:
    """The lines of an article's title over its part of a document, where the sheet shows one."""
    return [f"## {escape(group['heading'])}", ""] if group["heading"] else []


def _question(q: dict, show_points: bool) -> list[str]:
    """The lines of one question: its number and stem, then its boxes, pairs or ruled lines."""
    points = f" ({q['points']} point{'s' if q['points'] != 1 else ''})" if show_points else ""
    out = [f"{q['number']}\\. {escape(q['prompt'])}{points}", ""]
    if q["kind"] == "multiple_choice":
        out += [f"- [ ] {option_letter(i)}) {escape(o)}" for i, o in enumerate(q["options"])]
    elif q["kind"] == "true_false":
        out += ["- [ ] True", "- [ ] False"]
    elif q["kind"] == "matching":
        # Two lists (their markers differ, so they stay two), each entry
        # wrapping under its own text.
        out += [f"* ____ {i}\\. {escape(left)}" for i, left in enumerate(q["left"], 1)]
        out.append("")
        out += [f"- {option_letter(i)}) {escape(right)}" for i, right in enumerate(q["right"])]
    else:
        out += ["_" * 40] * q["lines"]
    return [*out, ""]
