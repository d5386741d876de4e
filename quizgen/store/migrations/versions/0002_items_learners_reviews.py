"""Items, learners and their reviews.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

import quizgen.store.models

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

UTC = quizgen.store.models.UTCDateTime


def _fk(name: str, target: str) -> sa.Column:
    return sa.Column(name, sa.Integer(), sa.ForeignKey(target, ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "item",
        sa.Column("id", sa.Integer(), nullable=False),
        _fk("article_id", "article.id"),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("answer", sa.String(), nullable=False),
        sa.Column("accepted_answers", sa.JSON(), nullable=False),
        sa.Column("distractors", sa.JSON(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("answer_start", sa.Integer(), nullable=True),
        sa.Column("answer_end", sa.Integer(), nullable=True),
        sa.Column("rule", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="draft", nullable=False),
        sa.Column("created_at", UTC(), nullable=False),
        sa.Column("updated_at", UTC(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_index("ix_item_article_id", "item", ["article_id"])
    op.create_index("ix_item_status", "item", ["status"])

    op.create_table(
        "learner",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", UTC(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )

    op.create_table(
        "reviewstate",
        sa.Column("id", sa.Integer(), nullable=False),
        _fk("learner_id", "learner.id"),
        _fk("item_id", "item.id"),
        sa.Column("due", UTC(), nullable=False),
        sa.Column("card", sa.JSON(), nullable=False),
        sa.Column("updated_at", UTC(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("learner_id", "item_id"),
    )
    op.create_index("ix_reviewstate_learner_id", "reviewstate", ["learner_id"])
    op.create_index("ix_reviewstate_item_id", "reviewstate", ["item_id"])
    op.create_index("ix_reviewstate_learner_due", "reviewstate", ["learner_id", "due"])

    op.create_table(
        "reviewlog",
        sa.Column("id", sa.Integer(), nullable=False),
        _fk("learner_id", "learner.id"),
        _fk("item_id", "item.id"),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", UTC(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("response", sa.String(), nullable=True),
        sa.Column("correct", sa.Boolean(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_reviewlog_learner_id", "reviewlog", ["learner_id"])
    op.create_index("ix_reviewlog_item_id", "reviewlog", ["item_id"])
    op.create_index("ix_reviewlog_learner_reviewed", "reviewlog", ["learner_id", "reviewed_at"])


def downgrade() -> None:
    op.drop_table("reviewlog")
    op.drop_table("reviewstate")
    op.drop_table("learner")
    op.drop_table("item")
