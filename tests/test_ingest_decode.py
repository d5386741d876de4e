"""Bytes to text: declared charsets are honoured, and every guess is named in a warning."""

from __future__ import annotations

import pytest

from quizgen.ingest import parse_article
from quizgen.ingest.decode import decode_text

BODY = "The café in Zürich raised its prices to 4 € on Monday, the owner said."


def test_a_page_is_read_in_the_charset_its_meta_declares():
    page = f'<html><head><meta charset="windows-1252"><title>Prices</title></head><body><p>{BODY}</p></body></html>'
    article = parse_article(page.encode("cp1252"), source="p.html", format="html")
    assert article.text == BODY
    assert article.warnings == ()


def test_an_http_equiv_charset_is_honoured_and_latin_1_read_as_windows_1252():
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        f"<title>Prices</title></head><body><p>{BODY.replace('€', 'euros')} “Quoted.”</p></body></html>"
    )
    data = page.replace("“", "\x93").replace("”", "\x94").encode("latin-1")
    article = parse_article(data, source="p.html", format="html")
    assert article.text == BODY.replace("€", "euros") + " “Quoted.”"
    assert article.warnings == ()


def test_a_declaration_the_bytes_break_is_not_trusted():
    page = f'<meta charset="utf-8"><title>Prices</title><p>{BODY}</p>'
    article = parse_article(page.encode("cp1252"), source="p.html", format="html")
    assert article.text == BODY
    assert article.warnings == ("p.html: not valid UTF-8, read as Windows-1252 (Latin-1)",)


def test_a_meta_charset_in_a_text_file_is_just_text():
    text = f'Prices\n<meta charset="koi8-r"> {BODY}'
    decoded, warnings = decode_text(text.encode("cp1252"), "a.txt")
    assert decoded == text
    assert warnings == ["a.txt: not valid UTF-8, read as Windows-1252 (Latin-1)"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_and_said(codec: str):
    decoded, warnings = decode_text(f"Prices\n{BODY}".encode(codec), "a.txt")
    assert decoded == f"Prices\n{BODY}"
    assert warnings == [f"a.txt: no byte-order mark, read as {codec.upper()} by its zero bytes"]


def test_another_script_is_guessed_and_the_guess_is_named():
    russian = "Москва объявила о новых мерах поддержки экономики и промышленности в понедельник."
    decoded, warnings = decode_text(russian.encode("cp1251"), "r.txt")
    assert decoded == russian
    assert warnings == ["r.txt: not valid UTF-8, read as Windows-1251 (a guess; convert it to UTF-8 to be sure)"]


def test_utf8_needs_no_warning_and_a_bom_is_no_guess():
    assert decode_text(BODY.encode(), "a.txt") == (BODY, [])
    assert decode_text(BODY.encode("utf-16"), "a.txt") == (BODY, [])
