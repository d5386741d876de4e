"""Writing an export's files: export -> output (this) -> the user's disk.

A file is written whole or not at all (to a temporary name beside it, then
renamed), so Anki never meets half a deck and a failed export leaves the
previous one in place. The files of one export, such as a worksheet and its
key, are all written or none is.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from quizgen.export import ExportError

STDOUT = "-"


def write_output(path: str | Path, data: bytes, *, default_name: str) -> None:
    """Write ``data`` to ``path``, or to standard output when ``path`` is "-".

    ``default_name`` is the file name suggested when ``path`` is a directory.
    """
    if str(path) == STDOUT:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    refuse_directory(Path(path), default_name)
    write_files([(Path(path), data)])


def refuse_directory(path: Path, default_name: str | None = None) -> None:
    """Refuse an output path that names a directory, suggesting a file in it."""
    if path.is_dir():
        advice = f"give a file name, such as {path / default_name}" if default_name else "choose another --out"
        raise ExportError(f"{path}: is a directory; {advice}")


def write_files(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write each ``(path, data)``: all of them, or none when one cannot be written."""
    for path, _ in files:
        refuse_directory(path)
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            partial = path.with_name(f".{path.name}.partial")
            staged.append((partial, path))
            partial.write_bytes(data)
        for partial, path in staged:
            os.replace(partial, path)
    except OSError as exc:
        for partial, _ in staged:
            try:
                partial.unlink()
            except OSError:
                pass  # never made, or already renamed
        raise ExportError(f"{path}: cannot write it: {_why(path, exc)}") from exc


def _why(path: Path, exc: OSError) -> str:
    """What stopped ``path`` being written, and what to do about it."""
    folder = path.parent
    where = "the current directory" if str(folder) == "." else str(folder)
    if exc.errno == errno.ENOTDIR:
        blocker = next((p for p in reversed(path.parents) if p.exists() and not p.is_dir()), folder)
        return f"{blocker} is a file, not a directory; choose another --out"
    if exc.errno == errno.ENOENT:
        return f"there is no directory {where}; create it or choose another --out"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"no permission to write in {where}; choose another --out or make the directory writable"
    if exc.errno == errno.EROFS:
        return f"{where} is on a read-only file system; choose another --out"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full; free some space or choose another --out"
    reason = (exc.strerror or str(exc)).lower()
    return f"{reason}; choose another --out"
