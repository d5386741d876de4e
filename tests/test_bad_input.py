"""Bad input, one case per row: each gives a clear one-line message and the right exit
code, and leaves what is stored as it was."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS

FRENCH = (
    "Titre\n\nLe gouvernement a annoncé lundi une nouvelle loi sur le climat. Les députés voteront "
    "la semaine prochaine. Cette loi vise à réduire les émissions de gaz à effet de serre dans tous "
    "les secteurs de l'économie du pays.\n"
)

# name, file contents (None: no file), exit code, what the one line must say, whether an article is added
CASES = [
    ("empty", b"", 1, "empty file; an article needs some text", False),
    ("whitespace only", b"  \n\n \t \n", 1, "empty file; an article needs some text", False),
    ("binary", bytes(range(256)) * 8, 1, "binary file, not text", False),
    ("truncated UTF-8", "Headline\n\nThe café opened on Monday in Bamako.".encode() + b"\xc3", 0,
     "ends in a cut-off UTF-8 character, which was dropped", True),
    ("Latin-1", "Headline\n\nThe café opened on Monday in Bamako.".encode("latin-1"), 0,
     "not valid UTF-8, read as Windows-1252", True),
    ("non-English", FRENCH.encode(), 1, "quizgen reads English articles only for now", False),
    ("missing", None, 1, "no such file or directory", False),
    ("HTML with scripts and styles",
     b"<html><head><style>p{color:red}</style><script>alert('x')</script><title>Headline</title></head>"
     b"<body><p>The ministry signed the agreement on Monday in Bamako.</p></body></html>", 0, "added", True),
]


def articles(cli) -> list[dict]:
    return json.loads(cli("articles", "list", "--json").out)


@pytest.mark.parametrize(("name", "content", "code", "message", "added"), CASES, ids=[c[0] for c in CASES])
def test_add(cli, tmp_path: Path, name: str, content: bytes | None, code: int, message: str, added: bool):
    cli("add", SEEDS)
    before = articles(cli)
    suffix = ".html" if name.startswith("HTML") else ".txt"
    path = tmp_path / f"article{suffix}"
    if content is not None:
        path.write_bytes(content)
    result = cli("add", str(path))
    assert result.code == code, result.err
    said = result.err if code else result.err + result.out
    assert message in said, said
    if code:
        assert result.err.startswith("quizgen: error: ") and result.err.count("\n") == 1
    after = articles(cli)
    assert after[: len(before)] == before
    assert len(after) == len(before) + (1 if added else 0)
    if name.startswith("HTML"):
        shown = cli("articles", "show", str(after[-1]["id"])).out
        assert "alert" not in shown and "color:red" not in shown and "signed the agreement" in shown


def test_a_directory_with_no_articles(cli, tmp_path: Path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    result = cli("add", str(tmp_path))
    assert result.code == 1 and "no .txt, .md or .html articles in this directory" in result.err
    assert articles(cli) == []


def test_an_article_with_no_items_says_so_and_exits_zero(cli, tmp_path: Path):
    path = tmp_path / "short.txt"
    path.write_text("Headline\n\nhello there\n", encoding="utf-8")
    cli("add", str(path))
    result = cli("generate")
    assert result.code == 0
    assert "no items - nothing in it that quizgen can ask about" in result.out


def test_a_50_mb_file_is_over_the_limit(cli, tmp_path: Path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = cli("add", str(big))
    assert result.code == 1 and "over the 5 MB limit; raise it with --max-size" in result.err
    assert articles(cli) == []


def test_a_1_mb_single_line_is_stored_and_parsed_up_to_the_parser_limit(cli, tmp_path: Path):
    from quizgen.analyze.pipeline import within

    sentence = "The ministry signed the agreement with Mali on Monday in Bamako, officials said. "
    body = sentence * (1_050_000 // len(sentence) + 1)
    line = tmp_path / "line.txt"
    line.write_text("Headline\n" + body, encoding="utf-8")
    result = cli("add", str(line))
    assert result.code == 0 and "added" in result.out
    # Generation parses the longest start that ends a sentence within spaCy's limit.
    cut = within(body, 1_000_000)
    assert len(cut) <= 1_000_000 and cut.endswith("said.") and body.startswith(cut)
    assert within("short text.", 1_000_000) == "short text."
    paragraphs = "First paragraph here.\n" + "x" * 20 + "\nSecond one."
    assert within(paragraphs, 50) == "First paragraph here.\n" + "x" * 20


def test_a_locked_database_is_a_clear_error_and_changes_nothing(tmp_path: Path):
    import sqlite3

    from tests.conftest import ROOT

    db = tmp_path / "locked.db"
    url = f"sqlite:///{db}"
    run = lambda *args: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "quizgen", "--db", url, *args], capture_output=True, text=True, timeout=60, cwd=str(ROOT)
    )
    assert run("add", str(SEEDS)).returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        article = tmp_path / "more.txt"
        article.write_text("Headline\n\nThe ministry signed the agreement on Monday in Bamako.\n", encoding="utf-8")
        result = run("add", str(article))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 1
    assert result.stderr == (
        "quizgen: error: the database is locked by another program writing to it; try again when it has finished\n"
    )
    listed = run("articles", "list", "--json")
    assert len(json.loads(listed.stdout)) == 1
