"""canteen cards, meals and the desk's settings

Revision ID: 0008
Revises: 0010
Create Date: 2026-11-28 22:46:04.526706
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import tit_desktop.models.columns

revision: str = "0008"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "canteen_card_counter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "last_number >= 0", name=op.f("ck_canteen_card_counter_last_number_non_negative")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_canteen_card_counter")),
    )
    op.create_table(
        "canteen_meal_setting",
        sa.Column(
            "meal_type",
            sa.Enum(
                "colazione",
                "pranzo",
                "cena",
                name="meal_type",
                native_enum=False,
                create_constraint=True,
                length=17,
            ),
            nullable=False,
        ),
        sa.Column("starts_at", sa.Time(), nullable=False),
        sa.Column("ends_at", sa.Time(), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "seats IS NULL OR seats > 0", name=op.f("ck_canteen_meal_setting_seats_positive")
        ),
        sa.CheckConstraint("starts_at < ends_at", name=op.f("ck_canteen_meal_setting_hours_order")),
        sa.PrimaryKeyConstraint("meal_type", name=op.f("pk_canteen_meal_setting")),
    )
    op.create_table(
        "canteen_card",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "attiva",
                "revocata",
                "sostituita",
                name="card_status",
                native_enum=False,
                create_constraint=True,
                length=18,
            ),
            nullable=False,
        ),
        sa.Column("replaced_by_id", sa.Integer(), nullable=True),
        sa.Column("issued_at", tit_desktop.models.columns.UTCDateTime(), nullable=False),
        sa.Column("issued_by_user_id", sa.Integer(), nullable=True),
        sa.Column("ended_at", tit_desktop.models.columns.UTCDateTime(), nullable=True),
        sa.Column("end_reason", sa.String(length=200), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "replaced_by_id IS NULL OR status = 'sostituita'",
            name=op.f("ck_canteen_card_replacement_of_replaced"),
        ),
        sa.CheckConstraint("number > 0", name=op.f("ck_canteen_card_number_positive")),
        sa.CheckConstraint("valid_from <= valid_to", name=op.f("ck_canteen_card_validity_order")),
        sa.ForeignKeyConstraint(
            ["issued_by_user_id"],
            ["app_user.id"],
            name=op.f("fk_canteen_card_issued_by_user_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_canteen_card_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["replaced_by_id"],
            ["canteen_card.id"],
            name=op.f("fk_canteen_card_replaced_by_id_canteen_card"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_canteen_card")),
        sa.UniqueConstraint("number", name=op.f("uq_canteen_card_number")),
    )
    with op.batch_alter_table("canteen_card", schema=None) as batch_op:
        batch_op.create_index(
            "ix_canteen_card_one_active",
            ["person_id"],
            unique=True,
            sqlite_where=sa.text("status = 'attiva'"),
            postgresql_where=sa.text("status = 'attiva'"),
        )
        batch_op.create_index(batch_op.f("ix_canteen_card_person_id"), ["person_id"], unique=False)

    op.create_table(
        "meal",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("meal_date", sa.Date(), nullable=False),
        sa.Column(
            "meal_type",
            sa.Enum(
                "colazione",
                "pranzo",
                "cena",
                name="meal_type",
                native_enum=False,
                create_constraint=True,
                length=17,
            ),
            nullable=False,
        ),
        sa.Column("card_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", tit_desktop.models.columns.UTCDateTime(), nullable=False),
        sa.Column("recorded_by_user_id", sa.Integer(), nullable=True),
        sa.Column("backdated", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["card_id"], ["canteen_card.id"], name=op.f("fk_meal_card_id_canteen_card")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_meal_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_user_id"],
            ["app_user.id"],
            name=op.f("fk_meal_recorded_by_user_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meal")),
        sa.UniqueConstraint(
            "person_id",
            "meal_date",
            "meal_type",
            name=op.f("uq_meal_person_id_meal_date_meal_type"),
        ),
    )
    with op.batch_alter_table("meal", schema=None) as batch_op:
        batch_op.create_index("ix_meal_card_id", ["card_id"], unique=False)
        batch_op.create_index("ix_meal_date_type", ["meal_date", "meal_type"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("meal", schema=None) as batch_op:
        batch_op.drop_index("ix_meal_date_type")
        batch_op.drop_index("ix_meal_card_id")

    op.drop_table("meal")
    with op.batch_alter_table("canteen_card", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_canteen_card_person_id"))
        batch_op.drop_index(
            "ix_canteen_card_one_active",
            sqlite_where=sa.text("status = 'attiva'"),
            postgresql_where=sa.text("status = 'attiva'"),
        )

    op.drop_table("canteen_card")
    op.drop_table("canteen_meal_setting")
    op.drop_table("canteen_card_counter")
