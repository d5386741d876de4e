"""Review logs keep the card's state before the review (for true retention).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reviewlog") as batch:
        batch.add_column(sa.Column("state", sa.String(16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reviewlog") as batch:
        batch.drop_column("state")
