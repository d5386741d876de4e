"""Hostile input read right: UTF-8 with a stray Windows-1252 byte, texts with no
words, invisible characters inside words, and articles in another language,
which are never stored and so never given items.

Every case is a real file in a temporary folder (or a page from a web server
the test starts itself) read by the real readers or the real command line.
"""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from quizgen.ingest import read_article
from tests.conftest import SEEDS, Result

SEED = next(SEEDS.glob("*.txt"))


def stored(cli) -> list[dict]:
    listed = cli("articles", "list", "--json")
    assert listed.code == 0, listed.err
    return json.loads(listed.out)


def assert_one_error_line(result: Result, expected: str) -> None:
    assert result.code == 1, (result.code, result.out, result.err)
    assert result.err == f"quizgen: error: {expected}\n"


def invisible(text: str) -> list[str]:
    """The format characters (Unicode's category Cf) in ``text``."""
    return [f"U+{ord(ch):04X}" for ch in text if unicodedata.category(ch) == "Cf"]


# A web server for the test's own pages: path -> (body, content type).
PAGES: dict[str, tuple[bytes, str]] = {}


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        page = PAGES.get(self.path)
        if page is None:
            self.send_error(404, "Not Found")
            return
        body, content_type = page
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    PAGES.clear()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


# UTF-8 with one Windows-1252 byte: the apostrophe of "It's" (0x92).

HEADLINE = "Café owners see prices rise"
PROSE = "The café on the corner raised its prices on Monday, its owner said. It’s the third rise this year."
MIXED_FILES = {
    "txt": f"{HEADLINE}\n\n{PROSE}\n",
    "md": f"# {HEADLINE}\n\n{PROSE}\n",
    "html": f"<html><head><title>{HEADLINE}</title></head><body><p>{PROSE}</p></body></html>",
    "declared.html": f'<meta charset="utf-8"><title>{HEADLINE}</title><p>{PROSE}</p>',
}


def mixed(text: str) -> bytes:
    """``text`` in UTF-8 but for its right single quote marks, in Windows-1252."""
    return text.encode("utf-8").replace("’".encode(), "’".encode("cp1252"))


@pytest.mark.parametrize("name", MIXED_FILES)
def test_utf8_with_one_windows_1252_byte_is_read_as_utf8(tmp_path: Path, name: str):
    path = tmp_path / f"prices.{name}"
    path.write_bytes(mixed(MIXED_FILES[name]))
    article = read_article(path)
    assert article.title == HEADLINE
    assert article.text == PROSE
    assert article.warnings == (f"{path}: 1 byte that is not UTF-8 was read as Windows-1252, the rest as UTF-8",)


def test_the_warning_counts_the_bytes_and_add_stores_the_text_right(cli, tmp_path: Path):
    path = tmp_path / "prices.txt"
    path.write_bytes(
        mixed(f"{HEADLINE}\n\n{PROSE} The owner’s son said: “It’s fair.”\n").replace(b"\xe2\x80\x9c", b"\x93")
    )
    added = cli("add", path)
    assert added.code == 0, added.err
    assert (
        added.err
        == f"quizgen: warning: {path}: 4 bytes that are not UTF-8 were read as Windows-1252, the rest as UTF-8\n"
    )
    [article] = stored(cli)
    assert article["title"] == HEADLINE
    shown = cli("articles", "show", str(article["id"])).out
    assert "The café on the corner" in shown and "The owner’s son said: “It’s fair.”" in shown


def test_a_fetched_page_in_mixed_encodings_is_read_as_utf8(cli, server: str):
    PAGES["/prices.html"] = (mixed(MIXED_FILES["html"]), "text/html")
    url = f"{server}/prices.html"
    added = cli("add", url)
    assert added.code == 0, added.err
    assert (
        added.err == f"quizgen: warning: {url}: 1 byte that is not UTF-8 was read as Windows-1252, the rest as UTF-8\n"
    )
    assert [article["title"] for article in stored(cli)] == [HEADLINE]


# Texts with no words: refused as such, nothing stored.

NO_WORDS = {
    "emoji.txt": "😀🎉👍\n\n🚀🚀🚀 ❤️‍🔥 👩‍🚀\n",
    "numbers.txt": "12 34 56\n\n7.5 8.25 1,000 42%\n2024 1999\n",
    "punctuation.txt": "!!! ... ???\n\n--- ;;; *** ,,,\n... !!! ???\n",
    "sums.md": "# 2024\n\n3 x 4 = 12\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "emoji.html": "<html><head><title>🎉🎉</title></head><body><p>😀 😀 😀</p><p>👍 100%</p></body></html>",
}


@pytest.mark.parametrize("name", NO_WORDS)
def test_a_text_with_no_words_is_refused_and_not_stored(cli, tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_text(NO_WORDS[name], encoding="utf-8")
    result = cli("add", path)
    assert_one_error_line(
        result, f"{path}: no words, only numbers, symbols or emoji; give an article written in English"
    )
    assert stored(cli) == []


ENGLISH = {
    "short.txt": "Markets closed higher.\n",
    "list.txt": "Key points\n\nTalks resume on Monday\nPrices rose 4%\nThe vote is set for June\n",
    "table.md": "# Rainfall\n\n| region | mm |\n|---|---|\n| North | 120 |\n| South | 85 |\n",
    "results.txt": "Results: Kipchoge (KEN) 2:01:09, Bekele (ETH) 2:01:41, Kiplagat (KEN) 2:02:57.\n",
}


@pytest.mark.parametrize("name", ENGLISH)
def test_english_tables_lists_and_short_texts_are_stored(cli, tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_text(ENGLISH[name], encoding="utf-8")
    result = cli("add", path)
    assert result.code == 0 and result.err == "", result.err
    assert len(stored(cli)) == 1


# Invisible characters: gone from the title and the text, whatever the format.

POISONED_TITLE = "Ber\ufefflin be\u00adcomes the cap\u200bital again"
POISONED = (
    "The Ger\u00admans voted in 1991 to move from Bo\u2066nn\u2069 to Ber\u200blin, and the "
    "Bun\u2060des\u200ctag met in the \u202eReich\u202cstag in 1999, said Hel\u200dmut \u200eKohl\u200f."
)
CLEAN_TITLE = "Berlin becomes the capital again"
CLEAN = "The Germans voted in 1991 to move from Bonn to Berlin, and the Bundestag met in the Reichstag in 1999, said Helmut Kohl."


def _write(path: Path, title: str, body: str) -> None:
    if path.suffix == ".docx":
        document = docx.Document()
        document.add_heading(title, level=1)
        document.add_paragraph(body)
        document.save(str(path))
    elif path.suffix == ".md":
        path.write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
    elif path.suffix == ".html":
        path.write_text(f"<title>{title}</title><p>{body}</p>", encoding="utf-8")
    else:
        path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx"])
def test_invisible_characters_are_removed_by_every_reader(tmp_path: Path, suffix: str):
    path = tmp_path / f"berlin{suffix}"
    _write(path, POISONED_TITLE, POISONED)
    article = read_article(path)
    assert (article.title, article.text) == (CLEAN_TITLE, CLEAN)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("entities.html", "<title>Ber&#8203;lin</title><p>The Ger&shy;mans moved to Ber&#x2060;lin.</p>"),
        ("entities.md", "# Ber&#8203;lin\n\nThe Ger&shy;mans moved to Ber&#x2060;lin.\n"),
        ("lines.txt", "\ufeff\u200b\nBer\u200blin\n\u200b\nThe Ger\u00admans moved to Ber\u2060lin.\n"),
    ],
)
def test_invisible_characters_written_as_entities_or_alone_on_a_line_are_removed(
    tmp_path: Path, name: str, content: str
):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    article = read_article(path)
    assert (article.title, article.text) == ("Berlin", "The Germans moved to Berlin.")


def test_a_joiner_stays_only_between_two_emoji(tmp_path: Path):
    astronaut, dark_astronaut = "\U0001f469\u200d\U0001f680", "\U0001f469\U0001f3fd\u200d\U0001f680"
    path = tmp_path / "crew.txt"
    path.write_text(
        f"Crew\n\nThe crew {astronaut} and {dark_astronaut} landed; Ber\u200dlin, 1\u200d2 and a\u200d\U0001f44d "
        "were not joined.\n",
        encoding="utf-8",
    )
    assert read_article(path).text == (
        f"The crew {astronaut} and {dark_astronaut} landed; Berlin, 12 and a\U0001f44d were not joined."
    )


def test_every_format_character_is_removed(tmp_path: Path):
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Cf")
    path = tmp_path / "capital.txt"
    path.write_text(f"Capital\n\nThe capital is Ber{every}lin.\n", encoding="utf-8")
    assert read_article(path).text == "The capital is Berlin."


# The seed article with invisible characters inside its names, through `add`
# and `generate`: no item holds one, and the names are asked for whole.
SEED_POISON = {
    "Mali": "Ma\u200bli",
    "Niger": "Nig\ufeffer",
    "Burkina Faso": "Bur\u00adkina Fa\u2060so",
    "Russia": "Rus\u200dsia",
    "Kremlin": "\u200eKrem\u200clin",
    "Ilya Tarasenko": "Ilya Tara\u00adsenko",
    "Glavkosmos": "Glav\u202ekos\u202cmos",
    "Monday": "Mon\u2063day",
}


ASTRONAUT = "\U0001f469\u200d\U0001f680"


def test_items_of_an_article_with_invisible_characters_hold_none(cli, tmp_path: Path):
    # Emoji sequences, whose joiners stay, after names that are asked for.
    text = SEED.read_text(encoding="utf-8").replace("Kremlin to", f"Kremlin{ASTRONAUT} to")
    text = text.replace("Raliou,", f"Raliou {ASTRONAUT},")
    for name, poisoned in SEED_POISON.items():
        text = text.replace(name, poisoned)
    path = tmp_path / "sahel.txt"
    path.write_text(text, encoding="utf-8")
    assert cli("add", path).code == 0
    made = cli("generate", "--all", "--quiet")
    assert made.code == 0, made.err
    items = json.loads(cli("items", "list", "--json").out)
    assert items
    for item in items:
        answers = [item["answer"], *item["accepted_answers"], *item["distractors"]]
        answers += [side for pair in item["pairs"] or [] for side in pair]
        assert not any(invisible(answer) for answer in answers), item
        assert not invisible(item["prompt"].replace(ASTRONAUT, "")), item
    answers = {item["answer"] for item in items}
    assert answers & set(SEED_POISON), answers


# Another language: refused by `add` in every way it can arrive, so never stored
# and never given items.

FRENCH = (
    "Le Mali signe un accord avec la Russie\n\n"
    "Le gouvernement malien a signé lundi un accord avec l'agence spatiale russe pour déployer des satellites "
    "de télécommunication. Selon le ministre, ces satellites permettront de surveiller les frontières du pays, "
    "où des groupes armés attaquent régulièrement les soldats et les civils. L'accord prévoit aussi la "
    "formation d'ingénieurs maliens en Russie au cours des trois prochaines années.\n"
)
# The same, with a zero-width non-joiner between every two letters: the
# detector reads letters one by one unless the reader takes them out.
FRENCH_ZERO_WIDTH = "\u200c".join(FRENCH)
FRENCH_REFUSED = "not English (reads as French); quizgen reads English articles only for now"


def quizgen(db_url: str, *args: str | Path, input: bytes | None = None) -> Result:
    """``quizgen --db URL ARGS`` in a child process, as a user runs it."""
    env = {key: value for key, value in os.environ.items() if key not in ("QUIZGEN_DB", "QUIZGEN_DEBUG")}
    done = subprocess.run(
        [sys.executable, "-m", "quizgen", "--db", db_url, *map(str, args)],
        input=input,
        capture_output=True,
        env=env,
        timeout=300,
    )
    return Result(done.returncode, done.stdout.decode(), done.stderr.decode())


def assert_nothing_stored(db_url: str) -> None:
    made = quizgen(db_url, "generate", "--all")
    assert made.code == 0, made.err
    assert made.out.startswith("No articles stored yet"), made.out
    assert json.loads(quizgen(db_url, "articles", "list", "--json").out) == []
    assert json.loads(quizgen(db_url, "items", "list", "--json").out) == []


@pytest.mark.parametrize("text", [FRENCH, FRENCH_ZERO_WIDTH], ids=["plain", "zero-width non-joiners"])
def test_a_french_article_is_refused_twice_and_never_generated(db_url: str, tmp_path: Path, text: str):
    path = tmp_path / "mali.txt"
    path.write_text(text, encoding="utf-8")
    for _ in range(2):
        assert_one_error_line(quizgen(db_url, "add", path), f"{path}: {FRENCH_REFUSED}")
    assert_nothing_stored(db_url)


def test_a_french_article_on_standard_input_is_refused(db_url: str):
    assert_one_error_line(quizgen(db_url, "add", "-", input=FRENCH.encode()), f"<stdin>: {FRENCH_REFUSED}")
    assert_nothing_stored(db_url)


def test_beside_an_english_article_only_the_english_one_is_stored(cli, tmp_path: Path):
    (tmp_path / "mali.md").write_text(FRENCH_ZERO_WIDTH.replace("Le Mali", "# Le Mali", 1), encoding="utf-8")
    (tmp_path / "sahel.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("add", tmp_path)
    assert_one_error_line(result, f"{tmp_path / 'mali.md'}: {FRENCH_REFUSED}")
    assert [article["source"] for article in stored(cli)] == [str(tmp_path / "sahel.txt")]


def test_a_french_page_or_feed_entry_is_refused_and_refetching_keeps_it_out(cli, server: str):
    english = SEED.read_text(encoding="utf-8").split("\n", 1)
    PAGES["/sahel.html"] = (f"<title>{english[0]}</title><p>{english[1]}</p>".encode(), "text/html; charset=utf-8")
    PAGES["/mali.html"] = (f"<p>{FRENCH_ZERO_WIDTH}</p>".encode(), "text/html; charset=utf-8")
    items = "".join(f"<item><link>{server}/{name}.html</link></item>" for name in ("mali", "sahel"))
    PAGES["/feed.xml"] = (f'<rss version="2.0"><channel>{items}</channel></rss>'.encode(), "application/rss+xml")

    page = cli("add", f"{server}/mali.html")
    assert_one_error_line(page, f"{server}/mali.html: {FRENCH_REFUSED}")
    assert stored(cli) == []
    feed = cli("add", f"{server}/feed.xml")
    assert feed.code == 1 and "1 added, 0 already stored, 1 failed" in feed.out
    assert feed.err == f"quizgen: error: {server}/mali.html: {FRENCH_REFUSED}\n"
    # The English page turns French: fetched again, it is refused, and only
    # the English article stays.
    PAGES["/sahel.html"] = PAGES["/mali.html"]
    refetched = cli("add", "--refetch", f"{server}/sahel.html")
    assert_one_error_line(refetched, f"{server}/sahel.html: {FRENCH_REFUSED}")
    assert [(article["source"], article["title"]) for article in stored(cli)] == [(f"{server}/sahel.html", english[0])]
