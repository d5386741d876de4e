"""Review logs say in which mode an answer was given; state holds only the card's state.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reviewlog") as batch:
        batch.add_column(sa.Column("mode", sa.String(16), nullable=False, server_default="review"))
    # Practice and test answers kept their mode in the state column; they schedule nothing.
    op.execute("UPDATE reviewlog SET mode = state, state = NULL WHERE state IN ('practice', 'test')")


def downgrade() -> None:
    op.execute("UPDATE reviewlog SET state = mode WHERE mode IN ('practice', 'test')")
    with op.batch_alter_table("reviewlog") as batch:
        batch.drop_column("mode")
