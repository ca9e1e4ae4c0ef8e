"""the audit log as a hash chain: each row's place and link, computed for the rows there

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 21:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chain_seq", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("chain_hash", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_audit_log_chain_seq", ["chain_seq"], unique=True)
    # The rows already there join the chain in id order (the order they were written in).
    from tit_desktop.services import audit_chain

    audit_chain.seal(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_chain_seq")
        batch_op.drop_column("chain_hash")
        batch_op.drop_column("chain_seq")
