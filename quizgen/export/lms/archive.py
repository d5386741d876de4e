"""Zip files that are the same bytes for the same contents: export/lms (archive, this) -> qti, kahoot.

A zip records each member's time and the system that made it; fixing both
(and the order and the compression) means exporting the same items twice
gives the same file, so a package can be committed, diffed and cached.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

# The earliest time a zip can hold.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    """A zip of ``files`` (name -> contents), members sorted by name, deflated, dated 1980-01-01."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, files[name], compresslevel=9)
    return buffer.getvalue()


def members(data: bytes) -> dict[str, bytes]:
    """The members of a zip, by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
