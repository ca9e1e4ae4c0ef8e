"""number series: gapless numbers per series and year, issued by several PCs at once

Revision ID: 0012
Revises: 0005
Create Date: 2026-11-28 23:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "number_series",
        sa.Column("series", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "last_number >= 0", name=op.f("ck_number_series_last_number_not_negative")
        ),
        sa.PrimaryKeyConstraint("series", "year", name=op.f("pk_number_series")),
    )


def downgrade() -> None:
    op.drop_table("number_series")
