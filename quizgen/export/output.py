"""Writing an export's file: export -> output (this) -> the user's disk.

A file is written whole or not at all (to a temporary name beside it, then
renamed), so Anki never meets half a deck and a failed export leaves the
previous one in place.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from quizgen.export import ExportError

STDOUT = "-"


def write_output(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path``, or to standard output when ``path`` is "-"."""
    if str(path) == STDOUT:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{path}: is a directory; give a file name, such as {Path(path) / 'quizgen.apkg'}")
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        reason = exc.strerror or str(exc)
        raise ExportError(f"{path}: cannot write it: {reason.lower()}") from exc
