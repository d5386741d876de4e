"""Bytes to text: the first step of ingest, before any structure is read.

Articles arrive from anywhere, so the bytes are untrusted: binary files are
refused, UTF-8 is expected, and the common legacy encoding is accepted with a
warning rather than guessed at silently.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from quizgen.errors import ArticleError

_SNIFF = 8192
# A few stray control characters happen in real text; more than this share means
# the file is not prose.
_MAX_CONTROL_SHARE = 0.01
# Control characters (Unicode's category Cc) but tab, line breaks, form feed and vertical tab.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# The few control characters that pass are removed: a NUL cannot be stored in
# PostgreSQL's text, and none of them means anything in an article. So are the
# bidirectional embeddings and overrides (U+202A to U+202E): one reverses the
# rest of its paragraph on a printed page or a card, and right-to-left words
# are shown the right way without them.
_STRAY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f\u202a-\u202e]")


def decode_text(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode ``data`` and return the text with ``\\n`` line ends, plus warnings.

    Raises :class:`ArticleError` for binary or undecodable data.
    """
    warnings: list[str] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ArticleError(source, "broken UTF-16 text; save it as UTF-8") from None
    else:
        if b"\x00" in data[:_SNIFF]:
            raise ArticleError(source, "binary file, not text; give a .txt, .md or .html article")
        text = _decode_8bit(data, source, warnings)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _refuse_control_characters(text, source)
    text, removed = _STRAY_CONTROLS.subn("", text)
    if removed:
        warnings.append(
            f"{source}: {removed} stray control character{'s' if removed != 1 else ''} (such as NUL) removed"
        )
    return unicodedata.normalize("NFC", text), warnings


def _decode_8bit(data: bytes, source: str, warnings: list[str]) -> str:
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            warnings.append(f"{source}: ends in a cut-off UTF-8 character, which was dropped")
            return data[: exc.start].decode("utf-8")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ArticleError(
            source,
            "not UTF-8 or Windows-1252 text; convert it to UTF-8 (for example: iconv -f ENCODING -t UTF-8)",
        ) from None
    warnings.append(f"{source}: not valid UTF-8, read as Windows-1252 (Latin-1)")
    return text


def _refuse_control_characters(text: str, source: str) -> None:
    sample = text[:_SNIFF]
    controls = len(_CONTROLS.findall(sample))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise ArticleError(source, "binary file, not text; give a .txt, .md or .html article")
