"""A corpus rather than an article: add and generate in committed batches, with a
progress bar, and the analysis spread over processes with --jobs."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pexpect
from sqlmodel import Session, select

from quizgen.ingest import read_all
from quizgen.store import Article, ItemRecord, Store
from quizgen.workflows.add import ARTICLES_PER_COMMIT
from tests.conftest import ROOT, SEEDS
from tests.test_classroom import NEWS, copies, together


def run_in_terminal(db_url: str, *args: str, timeout: int = 180) -> pexpect.spawn:
    env = {**os.environ, "QUIZGEN_DB": db_url, "TERM": "xterm", "COLUMNS": "160"}
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "quizgen", *args],
        env=env,
        encoding="utf-8",
        timeout=timeout,
        cwd=str(ROOT),
        dimensions=(40, 160),
    )


ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def screen(child: pexpect.spawn) -> str:
    """Everything the command wrote to its terminal, without colours and cursor moves."""
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return ESCAPES.sub("", child.before)


def test_add_and_generate_show_a_progress_bar_with_the_rate_and_time_left(db_url: str, tmp_path: Path):
    folder = copies(tmp_path / "corpus", range(24))
    shown = screen(run_in_terminal(db_url, "add", str(folder)))
    assert re.search(r"adding .* 24/24 +[\d,.]+ files/s +[\d:]+ elapsed, [\d:-]+ left", shown), shown
    assert "24 added, 0 already stored, 0 failed" in shown
    shown = screen(run_in_terminal(db_url, "generate", "--limit", "3"))
    assert re.search(r"generating .* 24/24 +[\d,.]+ articles/s +[\d:]+ elapsed, [\d:-]+ left", shown), shown
    assert "24 articles: " in shown


def test_quiet_turns_the_progress_bar_off(db_url: str, tmp_path: Path):
    folder = copies(tmp_path / "corpus", range(12))
    shown = screen(run_in_terminal(db_url, "add", "--quiet", str(folder)))
    assert shown.strip() == "12 added, 0 already stored, 0 failed"
    shown = screen(run_in_terminal(db_url, "generate", "--quiet", "--limit", "3"))
    assert re.fullmatch(r"12 articles: \d+ new, 0 updated, 0 unchanged, 0 kept as curated, 0 removed", shown.strip()), (
        shown
    )


def test_an_interrupted_add_keeps_whole_batches_and_the_next_run_finishes(db_url: str, tmp_path: Path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(3000):
        (folder / f"{n:04d}.txt").write_text(
            f"Note {n}\n\nThe council met on day {n} and approved the plan for the town.\n", encoding="utf-8"
        )
    adding = run_in_terminal(db_url, "add", str(folder))
    adding.expect(r"added +\S+0000\.txt")
    adding.sendintr()
    adding.expect("quizgen: error: interrupted")
    adding.expect(pexpect.EOF)
    adding.close()
    assert adding.exitstatus == 130
    with Store(db_url) as store:
        kept = len(store.articles())
    assert 0 < kept < 3000, "the interrupt came too late to test anything"
    assert kept % ARTICLES_PER_COMMIT == 0
    (again,) = together(db_url, ["add", "--quiet", str(folder)])
    assert again.returncode == 0
    assert again.stdout.strip() == f"{3000 - kept} added, {kept} already stored, 0 failed"


def test_generate_with_two_processes_stores_what_one_process_stores(db_url: str, tmp_path: Path):
    alone = f"sqlite:///{tmp_path / 'alone.db'}"
    for url, jobs in ((db_url, "2"), (alone, "1")):
        for command in (["add", "--quiet", str(SEEDS), str(NEWS)], ["generate", "--quiet", "--all", "--jobs", jobs]):
            (result,) = together(url, command)
            assert result.returncode == 0 and result.stderr == "", result.stderr

    def stored(url: str) -> list[tuple]:
        with Store(url) as store, Session(store.engine) as session:
            hashes = dict(session.exec(select(Article.id, Article.content_hash)).all())
            rows = session.exec(select(ItemRecord).order_by(ItemRecord.id)).all()
            return [(hashes[r.article_id], r.key, r.kind, r.prompt, r.answer, r.distractors, r.pairs) for r in rows]

    made = stored(db_url)
    articles = [a for a in read_all([SEEDS, NEWS]) if not isinstance(a, Exception)]
    assert len({row[0] for row in made}) == len(articles)
    assert made == stored(alone)


def test_ctrl_c_stops_generate_with_two_processes_at_once_keeping_whole_batches(db_url: str, tmp_path: Path):
    import time

    from quizgen.workflows.generate import ARTICLES_PER_COMMIT

    (added,) = together(db_url, ["add", "--quiet", str(copies(tmp_path / "corpus", range(160)))])
    assert added.returncode == 0

    def articles_with_items() -> int:
        with Store(db_url) as store, Session(store.engine) as session:
            return len(set(session.exec(select(ItemRecord.article_id)).all()))

    child = run_in_terminal(db_url, "generate", "--all", "--jobs", "2", "--quiet", timeout=60)
    deadline = time.monotonic() + 120
    while articles_with_items() == 0 and time.monotonic() < deadline:
        time.sleep(0.2)
    child.sendintr()
    # The workers finish the few articles they were sent, and every process ends.
    child.expect(pexpect.EOF, timeout=30)
    child.close()
    assert child.exitstatus == 130
    said = ESCAPES.sub("", child.before).replace("^C", "").strip()
    kept = articles_with_items()
    assert 0 < kept < 160, "the interrupt came too late to test anything"
    assert kept % ARTICLES_PER_COMMIT == 0
    assert said == (
        f"quizgen: error: interrupted: items of {kept} of 160 articles kept; run generate again to finish the rest"
    )
