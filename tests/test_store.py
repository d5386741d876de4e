"""The store on a real database: tables, constraints, SQLite settings, concurrency."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from quizgen.errors import DatabaseLocked, NotFound, PermissionDenied, ServerUnreachable, StoreError
from quizgen.ingest import ArticleText, read_article
from quizgen.store import Article, ItemKind, ItemRecord, ItemStatus, Learner, ReviewLog, ReviewState, Store
from tests.conftest import SEEDS

SEED = next(SEEDS.glob("*.txt"))


def article_text(n: int) -> ArticleText:
    return ArticleText(
        title=f"Headline {n}", text=f"Body number {n} of a test article.", source=f"{n}.txt", format="txt"
    )


def make_item(article_id: int, key: str, **fields) -> ItemRecord:
    return ItemRecord(
        article_id=article_id,
        key=key,
        kind=ItemKind.wh,
        prompt="Who signed the partnership?",
        answer="Russia",
        accepted_answers=["the Russian Federation"],
        distractors=["Mali", "Niger", "Chad"],
        sentence="Russia signed the partnership.",
        sentence_start=0,
        answer_start=0,
        answer_end=6,
        rule="svo-subject",
        score=0.8,
        **fields,
    )


def test_article_round_trip(store: Store):
    read = read_article(SEED)
    article, created = store.save_article(read)
    assert created
    again = store.article(article.id)
    assert (again.title, again.text, again.source) == (read.title, read.text, str(SEED))
    assert again.content_hash == read.content_hash
    assert again.language == "en"
    assert again.added_at.tzinfo is not None
    assert abs(again.added_at - datetime.now(UTC)) < timedelta(minutes=5)


def test_content_hash_is_unique_in_the_database(store: Store):
    article, _ = store.save_article(article_text(1))
    with pytest.raises(sa.exc.IntegrityError), Session(store.engine) as session:
        session.add(Article(title="other", source="x", text="y", content_hash=article.content_hash))
        session.commit()


def test_item_fields_round_trip_and_key_is_unique(store: Store):
    article, _ = store.save_article(article_text(1))
    with Session(store.engine) as session:
        session.add(make_item(article.id, "k1"))
        session.commit()
        item = session.exec(select(ItemRecord)).one()
        assert item.kind == ItemKind.wh
        assert item.status == ItemStatus.draft
        assert item.accepted_answers == ["the Russian Federation"]
        assert item.distractors == ["Mali", "Niger", "Chad"]
        assert item.sentence[item.answer_start : item.answer_end] == item.answer
        assert item.updated_at.tzinfo is UTC
    with pytest.raises(sa.exc.IntegrityError), Session(store.engine) as session:
        session.add(make_item(article.id, "k1"))
        session.commit()


def test_removing_an_article_removes_its_items_and_reviews(store: Store):
    kept, _ = store.save_article(article_text(1))
    gone, _ = store.save_article(article_text(2))
    now = datetime.now(UTC)
    with Session(store.engine) as session:
        learner = Learner(name="ada")
        session.add(learner)
        session.add_all([make_item(kept.id, "keep"), make_item(gone.id, "gone")])
        session.commit()
        for item in session.exec(select(ItemRecord)).all():
            session.add(ReviewState(learner_id=learner.id, item_id=item.id, due=now, card={"state": 1}))
            session.add(ReviewLog(learner_id=learner.id, item_id=item.id, rating=3, reviewed_at=now))
        session.commit()
    removed, items = store.remove_article(gone.id)
    assert (removed.id, items) == (gone.id, 1)
    with Session(store.engine) as session:
        assert [i.key for i in session.exec(select(ItemRecord)).all()] == ["keep"]
        assert len(session.exec(select(ReviewState)).all()) == 1
        assert len(session.exec(select(ReviewLog)).all()) == 1
    with pytest.raises(NotFound, match="no article with id"):
        store.remove_article(gone.id)


def test_review_state_is_one_per_learner_and_item(store: Store):
    article, _ = store.save_article(article_text(1))
    now = datetime.now(UTC)
    with Session(store.engine) as session:
        session.add_all([Learner(name="ada"), make_item(article.id, "k")])
        session.commit()
        state = dict(learner_id=1, item_id=1, due=now, card={})
        session.add(ReviewState(**state))
        session.commit()
    with pytest.raises(sa.exc.IntegrityError), Session(store.engine) as session:
        session.add(ReviewState(**state))
        session.commit()


def test_naive_datetimes_are_refused(store: Store):
    with pytest.raises(sa.exc.StatementError, match="naive datetime"), Session(store.engine) as session:
        session.add(Learner(name="bob", created_at=datetime.now()))
        session.commit()


def test_foreign_keys_are_enforced(store: Store):
    with pytest.raises(sa.exc.IntegrityError), Session(store.engine) as session:
        session.add(make_item(article_id=999, key="orphan"))
        session.commit()


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path):
    # SQLite whatever QUIZGEN_TEST_DB says: these are settings of the embedded store.
    path = tmp_path / "nested" / "dir" / "q.db"
    with Store(str(path)) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    assert path.exists()


def test_the_default_database_is_in_the_user_data_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.delenv("QUIZGEN_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with Store() as store:
        assert store.url.database == str(tmp_path / "data" / "quizgen" / "quizgen.db")
    assert (tmp_path / "data" / "quizgen" / "quizgen.db").exists()


ADD_IN_CHILD = """
import sys
from quizgen.ingest import ArticleText
from quizgen.store import Store
store = Store(sys.argv[1])
for n in range(40):
    store.save_article(ArticleText(title=f"t{n}", text=f"Shared body {n}.", source="x", format="txt"))
"""


def test_two_processes_adding_the_same_articles_store_each_once(store: Store, db_url: str):
    children = [
        subprocess.Popen([sys.executable, "-c", ADD_IN_CHILD, db_url], stderr=subprocess.PIPE) for _ in range(2)
    ]
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err.decode()
    assert len(store.articles()) == 40


SENTENCE = "Russia signed the partnership with Mali."


def multiple_choice_item():
    from quizgen.item import Item

    return Item(
        key="mc",
        kind="multiple_choice",
        prompt="Who signed the partnership with Mali?",
        answer="Russia",
        sentence=SENTENCE,
        sentence_start=0,
        answer_start=0,
        answer_end=6,
        rule="svo/multiple_choice",
        score=0.5,
        reasons=("r",),
        distractors=("Chad", "Niger", "Ghana"),
        label="GPE",
    )


def test_saved_items_keep_their_forms(store: Store):
    from quizgen.item import Item

    article, _ = store.save_article(article_text(1))
    common = dict(sentence=SENTENCE, sentence_start=0, score=0.5, reasons=("r",))
    items = [
        multiple_choice_item(),
        Item(
            key="tf",
            kind="true_false",
            prompt="Chad signed the partnership with Mali.",
            answer="False",
            answer_start=0,
            answer_end=6,
            rule="svo/true_false",
            distractors=("Chad",),
            label="GPE",
            **common,
        ),
        Item(
            key="match",
            kind="matching",
            prompt="Match them.",
            answer="a - b; c - d",
            answer_start=None,
            answer_end=None,
            rule="matching/matching",
            pairs=(("a", "b"), ("c", "d"), ("e", "f"), ("g", "h")),
            **common,
        ),
    ]
    report = store.save_items(article.id, items)
    assert report.added == 3
    stored = {row.key: row for row in store.items(article.id)}
    assert stored["mc"].distractors == ["Chad", "Niger", "Ghana"] and stored["mc"].label == "GPE"
    assert stored["tf"].kind == ItemKind.true_false and stored["tf"].answer == "False"
    assert stored["match"].pairs == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]]
    assert stored["match"].answer_start is None
    assert store.save_items(article.id, items).unchanged == 3


def test_kind_and_status_come_back_from_the_store_as_enums(store: Store):
    article, _ = store.save_article(article_text(1))
    store.save_items(article.id, [multiple_choice_item()])
    (saved,) = store.items(article.id)
    store.set_status([saved.id], ItemStatus.approved)
    for row in (*store.items(article.id), store.item(saved.id), *store.study_items()):
        assert isinstance(row.kind, ItemKind) and row.kind is ItemKind.multiple_choice
        assert isinstance(row.status, ItemStatus) and row.status is ItemStatus.approved
        # A StrEnum is still its string, so plain strings keep comparing and printing as before.
        assert row.kind == "multiple_choice" and f"{row.kind}/{row.status}" == "multiple_choice/approved"
    # Stored as the plain values, as the migrations' VARCHAR columns always held them.
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT kind, status FROM item")).one() == ("multiple_choice", "approved")


# The driver's errors a user can act on leave the store as StoreErrors, with
# the line the command prints and never a password.


def test_a_locked_sqlite_database_is_a_database_locked_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import sqlite3

    monkeypatch.setattr("quizgen.store.engine.SQLITE_BUSY_TIMEOUT_MS", 100)
    path = tmp_path / "locked.db"
    with Store(str(path)) as store:
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(DatabaseLocked) as raised:
                store.save_article(article_text(1))
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert str(raised.value) == (
            "the database is locked by another program writing to it; try again when it has finished"
        )
        assert store.articles() == []


def test_an_unreachable_server_is_a_server_unreachable_error():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Bound, then closed: nothing listens there, so the connection is refused.
    with pytest.raises(ServerUnreachable) as raised:
        Store(f"postgresql://teacher:s3cret-pw@127.0.0.1:{port}/classroom")
    message = str(raised.value)
    assert message.startswith(f"cannot open the database postgresql+psycopg://teacher:***@127.0.0.1:{port}/classroom: ")
    assert "s3cret-pw" not in message and "\n" not in message


def test_a_missing_privilege_is_a_permission_denied_error():
    from quizgen.store.engine import resolve_url, store_error

    class InsufficientPrivilege(Exception):
        sqlstate = "42501"

    error = store_error(
        resolve_url("postgresql://class:pw@db/quizgen"), InsufficientPrivilege("permission denied for table item\n")
    )
    assert isinstance(error, PermissionDenied) and isinstance(error, StoreError)
    assert str(error) == (
        "permission denied for table item: this database login may not do that; a student's login can quiz and "
        "see stats, adding, generating and changing items need the teacher's (see the README's classroom setup)"
    )
    assert store_error(resolve_url("sqlite:///x.db"), ValueError("a bug")) is None
