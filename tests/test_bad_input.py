"""Bad input, one case per row: each gives a clear one-line message and the right exit
code, and leaves what is stored as it was.

The rows: files that `quizgen add` cannot use, texts with no sentences, exports to
where they cannot be written, databases SQLite cannot write or a newer quizgen
wrote, and Ctrl-C during `quizgen generate`.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

import quizgen
from quizgen.ingest import read_article
from quizgen.store import Store
from tests.conftest import ROOT, SEEDS, TEST_DB, Result

NEWS = ROOT / "tests" / "data" / "news"
SQLITE_ONLY = pytest.mark.skipif(
    TEST_DB is not None, reason="a case of an SQLite file and its directory; a PostgreSQL server has neither"
)

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
    (
        "truncated UTF-8",
        "Headline\n\nThe café opened on Monday in Bamako.".encode() + b"\xc3",
        0,
        "ends in a cut-off UTF-8 character, which was dropped",
        True,
    ),
    (
        "Latin-1",
        "Headline\n\nThe café opened on Monday in Bamako.".encode("latin-1"),
        0,
        "not valid UTF-8, read as Windows-1252",
        True,
    ),
    ("non-English", FRENCH.encode(), 1, "quizgen reads English articles only for now", False),
    (
        "only numbers",
        b"12 34 56\n\n7.5 8.25 1,000 42%\n2024 1999\n",
        1,
        "no words, only numbers, symbols or emoji; give an article written in English",
        False,
    ),
    (
        "only punctuation and emoji",
        "!!! ... ???\n\n--- ;;; *** ,,, \U0001f600\U0001f389\n".encode(),
        1,
        "no words, only numbers, symbols or emoji; give an article written in English",
        False,
    ),
    ("missing", None, 1, "no such file or directory", False),
    (
        "NUL past the first 8 KB",
        b"Headline\n\n" + b"The ministry signed the agreement on Monday in Bamako. " * 200 + b"It\x00 ended.\n",
        0,
        "1 stray control character (such as NUL) removed",
        True,
    ),
    (
        "HTML with scripts and styles",
        b"<html><head><style>p{color:red}</style><script>alert('x')</script><title>Headline</title></head>"
        b"<body><p>The ministry signed the agreement on Monday in Bamako.</p></body></html>",
        0,
        "added",
        True,
    ),
]


def articles(cli) -> list[dict]:
    return json.loads(cli("articles", "list", "--json").out)


def dump(url: str) -> dict[str, list]:
    """Every row of every table, to compare what is stored before and after."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            tables = sorted(sa.inspect(conn).get_table_names())
            return {t: sorted(map(tuple, conn.execute(sa.text(f'SELECT * FROM "{t}"'))), key=repr) for t in tables}
    finally:
        engine.dispose()


def files_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def assert_one_error_line(result: Result, *says: str) -> None:
    assert result.code == 1, (result.code, result.err)
    assert result.err.startswith("quizgen: error: ") and result.err.count("\n") == 1, result.err
    assert "Traceback" not in result.err
    for part in says:
        assert part in result.err, result.err


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
    (tmp_path / "notes.key").write_bytes(b"%PDF")
    result = cli("add", str(tmp_path))
    assert result.code == 1 and "no .txt, .md, .html, .pdf or .docx articles in this directory" in result.err
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


def test_a_1_mb_single_line_is_stored_and_parsed_in_slices_at_sentence_ends(cli, tmp_path: Path):
    from quizgen.analyze.pipeline import SLICE, slices

    sentence = "The ministry signed the agreement with Mali on Monday in Bamako, officials said. "
    body = sentence * (1_050_000 // len(sentence) + 1)
    line = tmp_path / "line.txt"
    line.write_text("Headline\n" + body, encoding="utf-8")
    result = cli("add", str(line))
    assert result.code == 0 and "added" in result.out
    # Generation parses it whole, in slices that each end a sentence.
    pieces = slices(body)
    assert "".join(pieces) == body and len(pieces) > 1_000_000 // SLICE
    assert all(len(piece) <= SLICE and piece.endswith("said. ") for piece in pieces[:-1])
    assert slices("short text.") == ["short text."]
    paragraphs = "First paragraph here.\n" + "x" * 20 + "\n\nSecond one."
    assert slices(paragraphs, 40) == ["First paragraph here.\n", "x" * 20 + "\n\nSecond one."]
    assert slices(paragraphs, 50) == ["First paragraph here.\n" + "x" * 20 + "\n\n", "Second one."]
    assert slices("y" * 25, 10) == ["y" * 10, "y" * 10, "y" * 5]


@SQLITE_ONLY
def test_a_locked_database_is_a_clear_error_and_changes_nothing(tmp_path: Path):
    import sqlite3

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


# Texts with words but no sentences are stored like any article; `generate`
# says it found nothing to ask, exits 0 and stores no item for them. (Texts
# with no words at all are refused: see CASES.)
NO_SENTENCES = [
    pytest.param("Shopping\n\napples\nbananas\npears\nplums\n\nmilk\nbread\n", ".txt", id="a list of single words"),
    pytest.param(
        "Rainfall\n\nRegion\tQ1\tQ2\tQ3\nNorth\t1.2\t3.4\t5.6\nSouth\t7.8\t9.0\t1.1\nEast\t2.2\t3.3\t4.4\n",
        ".txt",
        id="a table of figures",
    ),
    pytest.param(
        "# Rainfall\n\n| region | mm |\n|---|---|\n| North | 120 |\n| South | 85 |\n| East | 97 |\n",
        ".md",
        id="a Markdown table",
    ),
]


@pytest.fixture(scope="module")
def seed_items() -> list:
    return quizgen.generate(read_article(next(SEEDS.glob("*.txt"))).text, threshold=0)


@pytest.fixture
def stocked(cli, db_url: str, seed_items: list) -> str:
    """The test database, holding the seed article and its items."""
    assert cli("add", SEEDS).code == 0
    with Store(db_url) as store:
        store.save_items(1, seed_items)
    return db_url


@pytest.mark.parametrize(("text", "suffix"), NO_SENTENCES)
def test_a_text_with_no_sentences_is_stored_and_gives_no_items(
    cli, stocked: str, tmp_path: Path, text: str, suffix: str
):
    before = dump(stocked)
    path = tmp_path / f"figures{suffix}"
    path.write_text(text, encoding="utf-8")
    added = cli("add", path)
    assert added.code == 0 and "1 added" in added.out, added.err
    article_id = articles(cli)[-1]["id"]
    made = cli("generate", article_id)
    assert made.code == 0 and made.err == "", made.err
    assert f"article {article_id}: no items - nothing in it that quizgen can ask about" in made.out, made.out
    after = dump(stocked)
    assert after["item"] == before["item"]
    assert len(after["article"]) == len(before["article"]) + 1


# Writing an export where it cannot go: one line naming the path and what to do,
# exit 1, no file (not even a temporary one) and nothing changed in the store.
EXPORTERS = ("anki", "csv", "quizlet", "print", "moodle", "gift", "qti", "kahoot", "results")
UNWRITABLE = ("its directory is a file", "it is a directory", "its directory is read-only")

PR_CAPBSET_DROP = 24
# CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER: root's powers over file permissions.
FILE_PERMISSION_CAPABILITIES = (1, 2, 3)


def _bound_by_file_permissions() -> None:
    """In a child of root, before exec: drop root's powers over file permissions.

    The child stays uid 0, so it still owns the test's files and can run an
    interpreter kept in a private home directory, but a directory without
    write permission is read-only to it as to any other user.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in FILE_PERMISSION_CAPABILITIES:
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run_bound(db_url: str, *args: object) -> Result:
    """Run quizgen in a child process that file permissions apply to, root or not."""
    env = {**os.environ, "QUIZGEN_DB": db_url}
    env.pop("QUIZGEN_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-m", "quizgen", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
        preexec_fn=_bound_by_file_permissions if os.geteuid() == 0 else None,
    )
    return Result(done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="module")
def bound(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Result]:
    """:func:`run_bound`, once a child is seen to be refused a read-only directory."""
    folder = tmp_path_factory.mktemp("read-only")
    folder.chmod(0o555)
    try:
        probe = subprocess.run(
            [sys.executable, "-c", "import sys; open(sys.argv[1], 'w')", str(folder / "probe")],
            capture_output=True,
            timeout=60,
            preexec_fn=_bound_by_file_permissions if os.geteuid() == 0 else None,
        )
    except subprocess.SubprocessError as exc:
        pytest.skip(f"cannot take root's powers over file permissions from a child process here: {exc}")
    finally:
        folder.chmod(0o755)
    if probe.returncode == 0:
        pytest.skip("a child process here writes to a read-only directory regardless")
    return run_bound


@contextmanager
def read_only(path: Path) -> Iterator[Path]:
    mode = path.stat().st_mode & 0o777
    path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield path
    finally:
        path.chmod(mode)


def test_every_export_command_is_in_the_matrix(cli):
    listed = cli("export", "--help").out.split("Commands:")[1]
    assert sorted(line.split()[0] for line in listed.splitlines() if line.strip()) == sorted(EXPORTERS)


@pytest.mark.parametrize("way", UNWRITABLE)
@pytest.mark.parametrize("exporter", EXPORTERS)
def test_an_unwritable_out_is_one_line_and_writes_nothing(
    cli, stocked: str, tmp_path: Path, request: pytest.FixtureRequest, exporter: str, way: str
):
    area = tmp_path / "exports"
    area.mkdir()
    (area / "notes").write_text("a file, not a directory\n", encoding="utf-8")
    (area / "decks").mkdir()
    (area / "locked").mkdir()
    out, says = {
        "its directory is a file": (
            area / "notes" / "deck.out",
            f"{area / 'notes'} is a file, not a directory; choose another --out",
        ),
        "it is a directory": (
            area / "decks",
            f"{area / 'decks'}: is a directory; give a file name, such as {area / 'decks'}/",
        ),
        "its directory is read-only": (
            area / "locked" / "deck.out",
            f"no permission to write in {area / 'locked'}; choose another --out or make the directory writable",
        ),
    }[way]
    before, listed = dump(stocked), files_in(area)
    if way == "its directory is read-only":
        run = request.getfixturevalue("bound")
        with read_only(area / "locked"):
            result = run(stocked, "export", exporter, "--out", out)
    else:
        result = cli("export", exporter, "--out", out)
    assert_one_error_line(result, says)
    assert files_in(area) == listed
    assert dump(stocked) == before


def test_a_worksheet_is_not_written_without_its_key(cli, stocked: str, tmp_path: Path):
    (tmp_path / "quiz.pdf").write_bytes(b"the previous worksheet")
    (tmp_path / "quiz-key.pdf").mkdir()
    listed = files_in(tmp_path)
    result = cli("export", "print", "--out", tmp_path / "quiz.pdf")
    assert_one_error_line(result, f"{tmp_path / 'quiz-key.pdf'}: is a directory; choose another --out")
    assert files_in(tmp_path) == listed
    assert (tmp_path / "quiz.pdf").read_bytes() == b"the previous worksheet"


# A database SQLite cannot write: a new one in a read-only directory, one whose
# directory became read-only (SQLite must create its -wal and -shm files there),
# and a read-only file, which can still be read.
NEW_IN_READ_ONLY = (
    "cannot create the database sqlite:///{db}: its directory {folder} is read-only; "
    "make it writable or choose another place with --db"
)
IN_READ_ONLY = (
    "cannot open the database sqlite:///{db}: its directory {folder} is read-only, and SQLite needs to create "
    "quizgen.db-wal and quizgen.db-shm there; make it writable or choose another place with --db"
)
READ_ONLY_FILE = (
    "cannot write to the database sqlite:///{db}: the file is read-only; make it writable or choose another database "
    "with --db"
)
READ_ONLY_DATABASES = [
    pytest.param("new", ("articles", "list"), 1, NEW_IN_READ_ONLY, id="new database, read-only directory: list"),
    pytest.param("new", ("add", SEEDS), 1, NEW_IN_READ_ONLY, id="new database, read-only directory: add"),
    pytest.param("directory", ("articles", "list"), 1, IN_READ_ONLY, id="directory made read-only: list"),
    pytest.param("directory", ("add", NEWS), 1, IN_READ_ONLY, id="directory made read-only: add"),
    pytest.param("directory", ("export", "csv", "--out", "-"), 1, IN_READ_ONLY, id="directory made read-only: export"),
    pytest.param("file", ("articles", "list"), 0, None, id="read-only file: list"),
    pytest.param("file", ("add", NEWS), 1, READ_ONLY_FILE, id="read-only file: add"),
    pytest.param("file", ("articles", "remove", "1", "--yes"), 1, READ_ONLY_FILE, id="read-only file: remove"),
]


@SQLITE_ONLY
@pytest.mark.parametrize(("place", "args", "code", "says"), READ_ONLY_DATABASES)
def test_a_database_sqlite_cannot_write_is_one_line_and_unchanged(
    cli, bound, tmp_path: Path, place: str, args: tuple, code: int, says: str | None
):
    folder = tmp_path / "store"
    folder.mkdir()
    db = folder / ("new.db" if place == "new" else "quizgen.db")
    url = f"sqlite:///{db}"
    if place != "new":
        assert cli("--db", url, "add", SEEDS).code == 0
    before = dump(url) if place != "new" else None
    listed = files_in(folder)
    with read_only(folder if place in ("new", "directory") else db):
        result = bound(url, *args)
        if place != "file":
            assert files_in(folder) == listed
    if code:
        assert_one_error_line(result, says.format(db=db, folder=folder))
    else:
        assert result.code == 0 and result.err == "" and "Burkina Faso" in result.out, result.err
    if place == "new":
        assert not db.exists()
    else:
        assert dump(url) == before


# A database written by a newer quizgen: every command refuses it, in one line
# that names it (never its password), and leaves it as it was.
NEWER_SCHEMA_COMMANDS = [
    ("add", NEWS),
    ("generate",),
    ("quiz",),
    ("stats",),
    ("articles", "list"),
    ("articles", "remove", "1", "--yes"),
    ("items", "list"),
    ("items", "approve", "1"),
    ("db", "upgrade"),
    *(("export", name) for name in EXPORTERS),
]


@pytest.mark.parametrize("args", NEWER_SCHEMA_COMMANDS, ids=lambda args: " ".join(map(str, args[:2])))
def test_a_database_from_a_newer_quizgen_is_refused_by_every_command(cli, stocked: str, tmp_path: Path, args: tuple):
    from quizgen.store import display_url, resolve_url

    engine = sa.create_engine(stocked)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    before = dump(stocked)
    out = ("--out", tmp_path / "export.out") if args[0] == "export" else ()
    result = cli(*args, *out)
    assert_one_error_line(
        result,
        f"{display_url(resolve_url(stocked))} was written by a newer quizgen (schema 9999); upgrade quizgen to use it",
    )
    password = sa.engine.make_url(stocked).password
    assert not password or password not in result.err
    assert dump(stocked) == before
    assert not (tmp_path / "export.out").exists()


# Ctrl-C during `generate`: exit 130 with one line, and each article has either
# all the items an uninterrupted run stores for it or none; the next run finishes.
COPIES = 12  # of each test article: enough that generate is still at work when it has stored some


def distinct_copies(folder: Path) -> None:
    for source in [*sorted(NEWS.glob("*.txt")), *sorted(SEEDS.glob("*.txt"))]:
        text = source.read_text(encoding="utf-8").rstrip()
        for copy in range(1, COPIES + 1):
            (folder / f"{copy:02d}-{source.name}").write_text(
                f"{text}\n\nThis is edition {copy} of the report.\n", encoding="utf-8"
            )


def items_by_article(url: str) -> dict[str, list]:
    """Each article's stored items, by the article's source, without ids or times."""
    columns = ", ".join(
        f"item.{column}"
        for column in (
            "key kind prompt answer accepted_answers distractors sentence sentence_start answer_start "
            "answer_end rule score reasons label pairs status"
        ).split()
    )
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            found: dict[str, list] = {source: [] for (source,) in conn.execute(sa.text("SELECT source FROM article"))}
            query = f"SELECT article.source, {columns} FROM item JOIN article ON article.id = item.article_id"
            for source, *row in conn.execute(sa.text(query)):
                found[source].append(tuple(row))
    finally:
        engine.dispose()
    return {source: sorted(rows, key=repr) for source, rows in found.items()}


def _interruptible() -> None:
    # A child of a non-interactive shell may inherit Ctrl-C ignored.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_generate(db_url: str) -> subprocess.Popen:
    env = {**os.environ, "QUIZGEN_DB": db_url}
    env.pop("QUIZGEN_DEBUG", None)
    return subprocess.Popen(
        # Every item kept, so that every article has items to be half-stored.
        [sys.executable, "-m", "quizgen", "generate", "--all"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
        preexec_fn=_interruptible,
    )


def test_ctrl_c_during_generate_keeps_whole_articles_and_the_next_run_finishes(
    cli, db_url: str, new_db_url: Callable[[], str], tmp_path: Path
):
    folder = tmp_path / "articles"
    folder.mkdir()
    distinct_copies(folder)
    reference = new_db_url()
    for url in (db_url, reference):
        assert cli("--db", url, "add", "--quiet", folder).code == 0
    uninterrupted = start_generate(reference)
    interrupted = start_generate(db_url)
    engine = sa.create_engine(db_url)
    try:
        deadline = time.monotonic() + 120
        while interrupted.poll() is None and time.monotonic() < deadline:
            with engine.connect() as conn:
                if conn.execute(sa.text("SELECT count(*) FROM item")).scalar():
                    break
            time.sleep(0.05)
    finally:
        engine.dispose()
    interrupted.send_signal(signal.SIGINT)
    _, err = interrupted.communicate(timeout=120)
    full_out, full_err = uninterrupted.communicate(timeout=300)
    assert uninterrupted.returncode == 0, full_err
    assert interrupted.returncode == 130, (interrupted.returncode, err)
    assert err.startswith("quizgen: error: ") and err.count("\n") == 1 and "interrupted" in err, err

    expected, stored = items_by_article(reference), items_by_article(db_url)
    assert stored.keys() == expected.keys() and all(expected.values())
    assert any(stored.values()) and not all(stored.values()), "generate was not interrupted midway"
    for source, items in stored.items():
        assert items in ([], expected[source]), f"{source}: some of its items stored, not all"

    again = cli("generate", "--quiet", "--all")
    assert again.code == 0 and again.err == "", again.err
    assert again.out.startswith(f"{len(expected)} articles: ")
    assert all(items_by_article(db_url).values())
