"""PDF through Typst: the worksheet template compiled with the sheet as data.

export/print: worksheet -> pdf (this). The text of the articles reaches Typst
only as a JSON string in ``sys.inputs``, which the template places as content,
so no article can inject markup. Only Typst's bundled fonts are used and the
document date is fixed, so the same sheet gives the same bytes on any machine.
"""

from __future__ import annotations

import json
from pathlib import Path

TEMPLATE = Path(__file__).with_name("worksheet.typ")
# Typst's `sys.inputs` line, replaced in a standalone source by a data file.
_INPUT_LINE = "#let data = json(bytes(sys.inputs.data))"


def pdf(data: dict) -> bytes:
    """The PDF of the sheet ``data`` (from :meth:`Sheet.data`)."""
    import typst

    return typst.compile(
        str(TEMPLATE),
        sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
        ignore_system_fonts=True,
        timestamp=0,
    )


def typst_source(data_file: str) -> str:
    """The template as a standalone Typst file that reads its data from ``data_file`` (JSON)."""
    template = TEMPLATE.read_text(encoding="utf-8")
    return template.replace(_INPUT_LINE, f"#let data = json({json.dumps(data_file)})", 1)
