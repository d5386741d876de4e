"""An editable worksheet and key in Markdown, for teachers who change things before printing.

export/print: worksheet -> markdown (this). Article text is escaped so that
no character of it is read as Markdown or HTML.
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
                out += [f"Total: {doc['total']} points", ""]
            for q in doc["questions"]:
                points = f" ({q['points']} point{'s' if q['points'] != 1 else ''})" if data["show_points"] else ""
                out.append(f"{q['number']}\\. {escape(q['prompt'])}{points}")
                out.append("")
                if q["kind"] == "multiple_choice":
                    out += [f"- [ ] {option_letter(i)}) {escape(o)}" for i, o in enumerate(q["options"])]
                elif q["kind"] == "true_false":
                    out += ["- [ ] True", "- [ ] False"]
                elif q["kind"] == "matching":
                    out += [f"{i}\\. ____ {escape(left)}" for i, left in enumerate(q["left"], 1)]
                    out.append("")
                    out += [f"- {option_letter(i)}) {escape(right)}" for i, right in enumerate(q["right"])]
                else:
                    out += ["_" * 40] * q["lines"]
                out.append("")
        else:
            out += [f"# {escape(data['title'])} — answer key, version {doc['version']}", ""]
            for entry in doc["answers"]:
                out += [f"{entry['number']}\\. **{escape(entry['answer'])}**  ", f"   *{escape(entry['source'])}*", ""]
    return "\n".join(out).rstrip() + "\n"
