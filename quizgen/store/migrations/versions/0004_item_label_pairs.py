"""Items keep their answer's entity label, and matching items their pairs.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("item") as batch:
        batch.add_column(sa.Column("label", sa.String(32), nullable=False, server_default=""))
        batch.add_column(sa.Column("pairs", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("item") as batch:
        batch.drop_column("pairs")
        batch.drop_column("label")
