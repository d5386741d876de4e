"""Articles say what they are: an article's text, or a deck of a teacher's own items.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("article") as batch:
        batch.add_column(sa.Column("kind", sa.String(16), nullable=False, server_default="article"))


def downgrade() -> None:
    with op.batch_alter_table("article") as batch:
        batch.drop_column("kind")
