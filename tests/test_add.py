"""`quizgen add`: articles in, one per text, bad files skipped with a reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SEEDS

SEED = next(SEEDS.glob("*.txt"))


def stored(cli) -> list[dict]:
    result = cli("articles", "list", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("quizgen: error:")]
    assert len(lines) == 1, err
    return lines[0]


def test_seeds_twice_store_one_article(cli):
    first = cli("add", SEEDS)
    assert first.code == 0, first.err
    assert "1 added, 0 already stored, 0 failed" in first.out
    second = cli("add", SEEDS)
    assert second.code == 0
    assert "0 added, 1 already stored, 0 failed" in second.out
    articles = stored(cli)
    assert len(articles) == 1
    assert articles[0]["title"] == SEED.read_text().splitlines()[0]


def test_headline_is_the_title_not_the_text(cli):
    cli("add", SEED)
    shown = json.loads(cli("articles", "show", "1", "--json").out)
    headline, body = SEED.read_text().split("\n", 1)
    assert shown["title"] == headline
    assert shown["text"] == body.strip()
    assert headline not in shown["text"]


def test_same_text_spaced_differently_is_the_same_article(cli, tmp_path: Path):
    original = SEED.read_text()
    respaced = tmp_path / "copy.txt"
    respaced.write_text(original.replace("\n", "\r\n") + "\n\n   \n")
    cli("add", SEED)
    result = cli("add", respaced)
    assert "0 added, 1 already stored" in result.out
    assert len(stored(cli)) == 1


def test_directories_are_searched_recursively_for_articles_only(cli, tmp_path: Path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("First headline\nThe first body sentence is here.\n")
    (tmp_path / "a" / "b" / "two.md").write_text("# Second headline\n\nA second body.\n")
    (tmp_path / "a" / "b" / "three.html").write_text(
        "<html><head><title>Third headline</title><script>var x = 1;</script></head>"
        "<body><p>The third body.</p></body></html>"
    )
    (tmp_path / "a" / "README.md").write_text("# About these files\n\nNot an article.\n")
    (tmp_path / "a" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "a" / ".hidden.txt").write_text("Hidden\nNot to be read.\n")
    result = cli("add", tmp_path / "a")
    assert result.code == 0, result.err
    titles = sorted(a["title"] for a in stored(cli))
    assert titles == ["First headline", "Second headline", "Third headline"]


def test_html_keeps_the_text_and_drops_markup_and_scripts(cli, tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><html><head><title>Page title</title>"
        "<style>p { color: red }</style></head><body><nav>Home | News</nav>"
        "<p>Mali &amp; Niger signed a deal.</p><script>alert('x')</script></body></html>"
    )
    assert cli("add", page).code == 0
    shown = json.loads(cli("articles", "show", "1", "--json").out)
    assert shown["title"] == "Page title"
    assert shown["text"] == "Mali & Niger signed a deal."


def test_stdin(quizgen_process):
    result = quizgen_process("add", "-", input=b"A headline from a pipe\nThe body arrives on standard input.\n")
    assert result.code == 0, result.err
    assert "added   <stdin> -> article 1: A headline from a pipe (6 words)" in result.out


def test_a_bad_file_is_skipped_and_the_rest_are_stored(cli, tmp_path: Path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary\x00")
    result = cli("add", bad, SEED)
    assert result.code == 1
    assert one_error_line(result.err) == (
        f"quizgen: error: {bad}: binary file, not text; give a .txt, .md, .html, .pdf or .docx article"
    )
    assert "1 added, 0 already stored, 1 failed" in result.out
    assert [a["title"] for a in stored(cli)] == [SEED.read_text().splitlines()[0]]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file; an article needs some text"),
        ("blank.txt", b" \n\t\n  ", "empty file; an article needs some text"),
        ("binary.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary file, not text"),
        ("controls.txt", bytes(range(1, 9)) * 40, "binary file, not text"),
        ("slides.key", b"%PDF-1.7\n", "unsupported file type '.key'"),
        ("broken.pdf", b"%PDF-1.7\n", "a damaged PDF that cannot be read"),
        ("markup-only.html", b"<html><script>x()</script></html>", "has no article text"),
    ],
)
def test_bad_files(cli, tmp_path: Path, name: str, content: bytes, reason: str):
    cli("add", SEED)
    before = stored(cli)
    path = tmp_path / name
    path.write_bytes(content)
    result = cli("add", path)
    assert result.code == 1
    line = one_error_line(result.err)
    assert line.startswith(f"quizgen: error: {path}: {reason}")
    assert "Traceback" not in result.err
    assert stored(cli) == before


def test_missing_path_and_empty_directory(cli, tmp_path: Path):
    missing = tmp_path / "nowhere.txt"
    empty = tmp_path / "empty-dir"
    empty.mkdir()
    result = cli("add", missing, empty)
    assert result.code == 1
    assert f"quizgen: error: {missing}: no such file or directory" in result.err
    assert f"quizgen: error: {empty}: no .txt, .md, .html, .pdf or .docx articles in this directory" in result.err
    assert stored(cli) == []


def test_size_limit(cli, tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_text("Headline\n" + "the word " * 170_000)
    over = cli("add", "--max-size", "1MB", big)
    assert over.code == 1
    assert one_error_line(over.err) == (f"quizgen: error: {big}: 1.5 MB, over the 1 MB limit; raise it with --max-size")
    assert stored(cli) == []
    under_default = cli("add", big)
    assert under_default.code == 0, under_default.err
    assert len(stored(cli)) == 1


def test_latin1_is_read_with_a_warning(cli, tmp_path: Path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Café news\nThe café in Bamako opened.\n".encode("latin-1"))
    result = cli("add", latin)
    assert result.code == 0
    assert f"quizgen: warning: {latin}: not valid UTF-8, read as Windows-1252 (Latin-1)" in result.err
    assert stored(cli)[0]["title"] == "Café news"


def test_usage_errors_exit_2(cli):
    no_paths = cli("add")
    assert no_paths.code == 2
    assert one_error_line(no_paths.err).startswith("quizgen: error: Missing argument")
    bad_size = cli("add", "--max-size", "lots", str(SEED))
    assert bad_size.code == 2
    assert one_error_line(bad_size.err) == (
        "quizgen: error: size 'lots' is not valid; write it like 5MB, 500kB or 1000000"
    )
    assert stored(cli) == []
