"""Bytes to text: the first step of ingest, before any structure is read.

Articles arrive from anywhere, so the bytes are untrusted: binary files are
refused and UTF-8 is expected. A byte-order mark, or for a web page the
charset its ``<meta>`` declares, is taken at its word. UTF-8 with a few bytes
that are not (a Windows-1252 quote mark pasted in) is read as UTF-8, those
bytes as Windows-1252. Anything else is a guess (UTF-16 by its zero bytes,
then charset-normalizer, then Windows-1252), and a guess is never silent: the
warning names the encoding used, or how many bytes were not UTF-8.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from quizgen.errors import ArticleError

_SNIFF = 8192
# A few stray control characters happen in real text; more than this share means
# the file is not prose.
_MAX_CONTROL_SHARE = 0.01
# Control characters (Unicode's category Cc) but tab, line breaks, form feed and vertical tab.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# The few control characters that pass are removed: a NUL cannot be stored in
# PostgreSQL's text, and none of them means anything in an article. (Invisible
# format characters, such as the bidirectional overrides, go with the others
# of their kind: see quizgen.ingest.lines.)
_STRAY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def decode_text(data: bytes, source: str, *, html: bool = False) -> tuple[str, list[str]]:
    """Decode ``data`` and return the text with ``\\n`` line ends, plus warnings.

    ``html`` says that ``data`` is a web page, whose ``<meta charset>`` is
    honoured. Raises :class:`ArticleError` for binary or undecodable data.
    """
    warnings: list[str] = []
    marked = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    utf16 = None if marked else _utf16_without_mark(data)
    if marked or utf16:
        try:
            text = data.decode(utf16 or "utf-16")
        except UnicodeDecodeError:
            raise ArticleError(source, "broken UTF-16 text; save it as UTF-8") from None
        if utf16:
            warnings.append(f"{source}: no byte-order mark, read as {utf16.upper()} by its zero bytes")
    else:
        if b"\x00" in data[:_SNIFF]:
            raise ArticleError(source, "binary file, not text; give a .txt, .md, .html, .pdf or .docx article")
        declared = _declared_charset(data) if html else None
        read = _decode_declared(data, declared) if declared else None
        text = read if read is not None else _decode_8bit(data, source, warnings)
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
    mixed = _utf8_but_for(data)
    if mixed is not None:
        text, bad = mixed
        were = "1 byte that is not UTF-8 was" if bad == 1 else f"{bad:,} bytes that are not UTF-8 were"
        warnings.append(f"{source}: {were} read as Windows-1252, the rest as UTF-8")
        return text
    guessed = _guess(data)
    if guessed is not None:
        encoding, text = guessed
        warnings.append(f"{source}: not valid UTF-8, read as {encoding} (a guess; convert it to UTF-8 to be sure)")
        return text
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ArticleError(
            source,
            "not UTF-8 or Windows-1252 text; convert it to UTF-8 (for example: iconv -f ENCODING -t UTF-8)",
        ) from None
    warnings.append(f"{source}: not valid UTF-8, read as Windows-1252 (Latin-1)")
    return text


# A byte that is not UTF-8 stands for itself, in the surrogate of that number.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
# One with ASCII (or nothing) on either side.
_LONE_BYTE = re.compile("(?<![^\x00-\x7f])[\udc80-\udcff](?![^\x00-\x7f])")
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")


def _utf8_but_for(data: bytes) -> tuple[str, int] | None:
    """``data`` read as UTF-8 but for the bytes that are not, each read as its
    Windows-1252 character (U+FFFD for the five that have none), and how many
    bytes that was; or None if ``data`` does not read as UTF-8 with a few
    Windows-1252 bytes pasted in (a quote mark, a paragraph).

    It does if it holds UTF-8 characters beyond ASCII, and either they are at
    least as many as the bytes that are not UTF-8, or those bytes mostly stand
    alone, as a quote mark does ("It’s" with its 0x92). In text in an 8-bit
    code page, UTF-8 characters happen only by chance (a capital with an
    accent before a quote mark, "É”"); in Chinese, Japanese or Korean in a
    code page of their own, they do happen, but fewer than the other bytes,
    which come in runs."""
    escaped = data.decode("utf-8", "surrogateescape")
    utf8 = len(_NON_ASCII.findall(escaped))
    bad = len(_ESCAPED_BYTE.findall(escaped))
    if not utf8 or (utf8 < bad and 2 * len(_LONE_BYTE.findall(escaped)) <= bad):
        return None
    return _ESCAPED_BYTE.sub(_windows_1252, escaped), bad


def _windows_1252(match: re.Match[str]) -> str:
    return bytes([ord(match[0]) - 0xDC00]).decode("cp1252", "replace")


# The single-byte code pages of Latin script that charset-normalizer may tell
# apart by a few letters of a short text. An English article in one of them
# is most likely in Windows-1252, which is read as such.
_LATIN_PAGES = frozenset(
    "cp1250 cp1252 cp1254 cp1257 latin_1 iso8859_2 iso8859_9 iso8859_15 cp437 cp850 cp852 mac_roman mac_latin2".split()
)
# charset-normalizer reads at most this much of a file to guess its encoding.
_GUESS_SAMPLE = 1_000_000
# Below this share of bytes outside ASCII, a text is English (or another
# language of Latin script) with a few accented letters or typographic marks,
# and its few bytes tell charset-normalizer too little: Windows-1252 is likeliest.
_FEW_HIGH_BYTES = 0.03
_HIGH_BYTES = bytes(range(128, 256))


def _guess(data: bytes) -> tuple[str, str] | None:
    """The encoding charset-normalizer finds for ``data`` and the text in it, or
    None for Windows-1252: where it reads the text and the text is mostly
    ASCII, or charset-normalizer finds a Latin code page."""
    sample = data[:_GUESS_SAMPLE]
    try:
        data.decode("cp1252")
        windows = True
    except UnicodeDecodeError:
        windows = False
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    if windows and high < _FEW_HIGH_BYTES * len(sample):
        return None
    best = from_bytes(sample).best()
    if best is None or best.encoding in ("ascii", "utf_8") or (windows and best.encoding in _LATIN_PAGES):
        return None
    try:
        return _encoding_name(best.encoding), data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _encoding_name(codec: str) -> str:
    """A Python codec's name as people know it: "cp1251" is Windows-1251."""
    match = re.fullmatch(r"cp(125\d)", codec)
    return f"Windows-{match.group(1)}" if match else codec.replace("_", "-").upper()


_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)


def _declared_charset(data: bytes) -> str | None:
    """The charset a web page's ``<meta>`` declares in its first bytes, if Python knows it."""
    match = _META_CHARSET.search(data[:_SNIFF])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_declared(data: bytes, charset: str) -> str | None:
    """``data`` read in the charset it declares, or None if it is not in it.

    As in a browser, a page declared Latin-1 or ASCII is read as
    Windows-1252, its superset; one declared UTF-16 was already found by its
    zero bytes, so the declaration is wrong and ignored."""
    if charset in ("latin-1", "iso8859-1", "ascii"):
        charset = "cp1252"
    if charset.startswith("utf-16") or charset.startswith("utf-32"):
        return None
    try:
        return data.removeprefix(codecs.BOM_UTF8).decode(charset)
    except UnicodeDecodeError:
        return None


def _utf16_without_mark(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for text in UTF-16 without a byte-order mark,
    told by its zero bytes: in mostly Latin text every other byte is zero."""
    sample = data[: _SNIFF - _SNIFF % 2]
    if len(sample) < 8 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.9 and zeros_even < 0.1:
        return "utf-16-le"
    if zeros_even > 0.9 and zeros_odd < 0.1:
        return "utf-16-be"
    return None


def _refuse_control_characters(text: str, source: str) -> None:
    sample = text[:_SNIFF]
    controls = len(_CONTROLS.findall(sample))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise ArticleError(source, "binary file, not text; give a .txt, .md, .html, .pdf or .docx article")
