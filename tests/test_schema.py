"""Schema versions: created when new, upgraded only on request, refused otherwise."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from quizgen.errors import SchemaOutOfDate, SchemaTooNew, StoreError
from quizgen.store import Store, schema
from quizgen.store.engine import create_engine, resolve_url
from quizgen.store.models import SQLModel


@pytest.fixture
def engine(db_url: str):
    engine = create_engine(resolve_url(db_url))
    yield engine
    engine.dispose()


def old_database_with_an_article(engine, revision: str = "0001") -> None:
    schema.upgrade(engine, revision)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO article (title, source, text, content_hash, language, added_at) "
                "VALUES ('Old', 'old.txt', 'Old text.', 'abc', 'en', '2024-09-23 12:00:00')"
            )
        )


def dump(engine) -> dict[str, list]:
    with engine.connect() as conn:
        tables = sa.inspect(conn).get_table_names()
        return {t: sorted(map(tuple, conn.execute(sa.text(f"SELECT * FROM {t}")))) for t in tables}


def test_a_new_database_is_created_at_the_latest_schema(db_url: str, engine):
    Store(db_url).close()
    state = schema.status(engine)
    assert state.current == schema.head_revision()
    assert {"article", "item", "learner", "reviewstate", "reviewlog"} <= set(sa.inspect(engine).get_table_names())


def test_migrations_build_exactly_the_models(db_url: str, engine):
    schema.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata)
    assert diff == []


def test_an_old_database_is_refused_until_upgraded(db_url: str, engine, cli):
    old_database_with_an_article(engine)
    before = dump(engine)
    with pytest.raises(SchemaOutOfDate, match="run: quizgen db upgrade"):
        Store(db_url)
    listing = cli("articles", "list")
    assert listing.code == 1
    assert listing.err.strip().endswith(
        f"is at schema 0001, this quizgen needs {schema.head_revision()}; run: quizgen db upgrade"
    )
    assert len(listing.err.strip().splitlines()) == 1
    status = cli("db", "status", "--json")
    assert status.code == 1
    assert json.loads(status.out)["status"] == "needs: quizgen db upgrade"
    assert dump(engine) == before

    upgraded = cli("db", "upgrade")
    assert upgraded.code == 0, upgraded.err
    assert "up to date" in upgraded.out
    titles = [a["title"] for a in json.loads(cli("articles", "list", "--json").out)]
    assert titles == ["Old"]


def test_a_newer_database_is_refused_and_left_alone(db_url: str, engine, cli):
    schema.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    before = dump(engine)
    with pytest.raises(SchemaTooNew, match="newer quizgen"):
        Store(db_url)
    for args in (("articles", "list"), ("db", "upgrade")):
        result = cli(*args)
        assert result.code == 1
        assert "was written by a newer quizgen (schema 9999); upgrade quizgen to use it" in result.err
    assert dump(engine) == before


def test_a_database_of_something_else_is_refused(db_url: str, engine):
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    with pytest.raises(StoreError, match="not a quizgen database"):
        Store(db_url)
    assert sa.inspect(engine).get_table_names() == ["invoices"]


def test_upgrading_moves_the_mode_of_practice_and_test_answers_out_of_the_state(engine):
    old_database_with_an_article(engine, "0005")
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO item (id, article_id, key, kind, prompt, answer, sentence, sentence_start, rule, "
                "score, reasons, accepted_answers, distractors, status, label, pairs, created_at, updated_at) "
                "VALUES (1, 1, 'k', 'wh', 'Who?', 'Mali', 'Mali did.', 0, 'svo/wh', 1.0, '[]', '[]', '[]', "
                "'draft', '', '[]', '2024-09-23 12:00:00', '2024-09-23 12:00:00')"
            )
        )
        conn.execute(sa.text("INSERT INTO learner (id, name, created_at) VALUES (1, 'ada', '2024-09-23 12:00:00')"))
        for log_id, state in enumerate(("new", "review", "practice", "test"), 1):
            conn.execute(
                sa.text(
                    "INSERT INTO reviewlog (id, learner_id, item_id, rating, reviewed_at, state) "
                    f"VALUES ({log_id}, 1, 1, 3, '2024-09-24 12:00:00', '{state}')"
                )
            )
    schema.upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT mode, state FROM reviewlog ORDER BY id")).all()
    assert [tuple(row) for row in rows] == [("review", "new"), ("review", "review"), ("practice", None), ("test", None)]
