"""protocol numbers of the outgoing register on payment requests and contribution receipts

Revision ID: 0014
Revises: 0008
Create Date: 2026-11-29 03:00:00

Plain ``ADD COLUMN`` and a unique index, so SQLite needs no copy of either table (a copy of
``payment_request`` would drop the table that submitted expenditures point to).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("payment_request", schema=None) as batch_op:
        batch_op.add_column(sa.Column("protocol", sa.String(length=12), nullable=True))
        batch_op.create_index("ix_payment_request_protocol", ["protocol"], unique=True)
    with op.batch_alter_table("hosting_contribution", schema=None) as batch_op:
        batch_op.add_column(sa.Column("receipt_protocol", sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column("receipt_protocol_on", sa.Date(), nullable=True))
        batch_op.create_index(
            "ix_hosting_contribution_receipt_protocol", ["receipt_protocol"], unique=True
        )


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+) rather than a copy of the tables, as above.
    with op.batch_alter_table("hosting_contribution", schema=None, recreate="never") as batch_op:
        batch_op.drop_index("ix_hosting_contribution_receipt_protocol")
        batch_op.drop_column("receipt_protocol_on")
        batch_op.drop_column("receipt_protocol")
    with op.batch_alter_table("payment_request", schema=None, recreate="never") as batch_op:
        batch_op.drop_index("ix_payment_request_protocol")
        batch_op.drop_column("protocol")
