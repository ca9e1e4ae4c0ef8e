"""the convention's paperwork: conventions, budget lines and variations, expenditures,
payment requests, deadlines, staff costs and timesheets

Revision ID: 0011
Revises: 0009
Create Date: 2026-11-28 22:45:43.819637
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import tit_desktop.models.columns

revision: str = "0011"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "convention",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("short_name", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("funder", sa.String(length=200), nullable=True),
        sa.Column("fund", sa.String(length=200), nullable=True),
        sa.Column("cup", sa.String(length=15), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("total", tit_desktop.models.columns.Money(precision=14, scale=2), nullable=False),
        sa.Column(
            "co_funding", tit_desktop.models.columns.Money(precision=14, scale=2), nullable=False
        ),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("co_funding >= 0", name=op.f("ck_convention_co_funding_non_negative")),
        sa.CheckConstraint("length(cup) = 15", name=op.f("ck_convention_cup_length")),
        sa.CheckConstraint("starts_on <= ends_on", name=op.f("ck_convention_period_order")),
        sa.CheckConstraint("total >= 0", name=op.f("ck_convention_total_non_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_convention")),
        sa.UniqueConstraint("short_name", name=op.f("uq_convention_short_name")),
    )
    op.create_table(
        "budget_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("convention_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("action", sa.String(length=120), nullable=True),
        sa.Column(
            "category",
            sa.Enum(
                "personale",
                "beni e servizi",
                "contributi a famiglie",
                "indennita tirocini",
                "spese generali",
                name="cost_category",
                native_enum=False,
                create_constraint=True,
                length=29,
            ),
            nullable=False,
        ),
        sa.Column(
            "planned", tit_desktop.models.columns.Money(precision=14, scale=2), nullable=False
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("planned >= 0", name=op.f("ck_budget_line_planned_non_negative")),
        sa.ForeignKeyConstraint(
            ["convention_id"],
            ["convention.id"],
            name=op.f("fk_budget_line_convention_id_convention"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_line")),
        sa.UniqueConstraint(
            "convention_id", "name", name=op.f("uq_budget_line_convention_id_name")
        ),
        sa.UniqueConstraint("id", "convention_id", name="uq_budget_line_id_convention_id"),
    )
    op.create_table(
        "convention_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("convention_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=True),
        sa.Column("uploaded_at", tit_desktop.models.columns.UTCDateTime(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["convention_id"],
            ["convention.id"],
            name=op.f("fk_convention_document_convention_id_convention"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_convention_document")),
        sa.UniqueConstraint(
            "convention_id", "sha256", name=op.f("uq_convention_document_convention_id_sha256")
        ),
    )
    with op.batch_alter_table("convention_document", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_convention_document_convention_id"), ["convention_id"], unique=False
        )

    op.create_table(
        "convention_extension",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("convention_id", sa.Integer(), nullable=False),
        sa.Column("new_end", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("granted_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["convention_id"],
            ["convention.id"],
            name=op.f("fk_convention_extension_convention_id_convention"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_convention_extension")),
        sa.UniqueConstraint(
            "convention_id", "new_end", name=op.f("uq_convention_extension_convention_id_new_end")
        ),
    )
    with op.batch_alter_table("convention_extension", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_convention_extension_convention_id"), ["convention_id"], unique=False
        )

    op.create_table(
        "convention_partner",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("convention_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("share", tit_desktop.models.columns.Money(precision=14, scale=2), nullable=False),
        sa.Column("role", sa.String(length=120), nullable=True),
        sa.CheckConstraint("share >= 0", name=op.f("ck_convention_partner_share_non_negative")),
        sa.ForeignKeyConstraint(
            ["convention_id"],
            ["convention.id"],
            name=op.f("fk_convention_partner_convention_id_convention"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_convention_partner_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_convention_partner")),
        sa.UniqueConstraint(
            "convention_id",
            "organisation_id",
            name=op.f("uq_convention_partner_convention_id_organisation_id"),
        ),
    )
    with op.batch_alter_table("convention_partner", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_convention_partner_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "deadline",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("convention_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column(
            "recurrence",
            sa.Enum(
                "nessuna",
                "trimestrale",
                name="recurrence",
                native_enum=False,
                create_constraint=True,
                length=19,
            ),
            nullable=False,
        ),
        sa.Column("remind_days", sa.SmallInteger(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("done_document", sa.String(length=300), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "done_on IS NULL OR done_document IS NOT NULL",
            name=op.f("ck_deadline_done_with_document"),
        ),
        sa.CheckConstraint(
            "remind_days BETWEEN 0 AND 365", name=op.f("ck_deadline_remind_days_range")
        ),
        sa.ForeignKeyConstraint(
            ["convention_id"],
            ["convention.id"],
            name=op.f("fk_deadline_convention_id_convention"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deadline")),
        sa.UniqueConstraint(
            "convention_id", "title", "due_on", name=op.f("uq_deadline_convention_id_title_due_on")
        ),
    )
    with op.batch_alter_table("deadline", schema=None) as batch_op:
        batch_op.create_index("ix_deadline_due_on", ["due_on"], unique=False)

    op.create_table(
        "payment_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("convention_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=False),
        sa.Column("total", tit_desktop.models.columns.Money(precision=14, scale=2), nullable=False),
        sa.Column("unlocked_at", tit_desktop.models.columns.UTCDateTime(), nullable=True),
        sa.Column("unlock_reason", sa.String(length=300), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "period_from <= period_to", name=op.f("ck_payment_request_period_order")
        ),
        sa.CheckConstraint("total >= 0", name=op.f("ck_payment_request_total_non_negative")),
        sa.ForeignKeyConstraint(
            ["convention_id"],
            ["convention.id"],
            name=op.f("fk_payment_request_convention_id_convention"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_request")),
        sa.UniqueConstraint(
            "convention_id", "number", name=op.f("uq_payment_request_convention_id_number")
        ),
    )
    op.create_table(
        "budget_variation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("budget_line_id", sa.Integer(), nullable=False),
        sa.Column("varied_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column(
            "amount_before", tit_desktop.models.columns.Money(precision=14, scale=2), nullable=False
        ),
        sa.Column(
            "amount_after", tit_desktop.models.columns.Money(precision=14, scale=2), nullable=False
        ),
        sa.Column("recorded_at", tit_desktop.models.columns.UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "amount_after >= 0", name=op.f("ck_budget_variation_amount_after_non_negative")
        ),
        sa.CheckConstraint(
            "amount_before >= 0", name=op.f("ck_budget_variation_amount_before_non_negative")
        ),
        sa.ForeignKeyConstraint(
            ["budget_line_id"],
            ["budget_line.id"],
            name=op.f("fk_budget_variation_budget_line_id_budget_line"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_variation")),
    )
    with op.batch_alter_table("budget_variation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_budget_variation_budget_line_id"), ["budget_line_id"], unique=False
        )

    op.create_table(
        "expenditure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("convention_id", sa.Integer(), nullable=False),
        sa.Column("document_type", sa.String(length=60), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("document_date", sa.Date(), nullable=False),
        sa.Column("supplier_name", sa.String(length=200), nullable=False),
        sa.Column("supplier_tax_code", sa.String(length=16), nullable=True),
        sa.Column("description", sa.String(length=300), nullable=True),
        sa.Column(
            "amount", tit_desktop.models.columns.Money(precision=14, scale=2), nullable=False
        ),
        sa.Column("vat", tit_desktop.models.columns.Money(precision=14, scale=2), nullable=False),
        sa.Column(
            "eligible", tit_desktop.models.columns.Money(precision=14, scale=2), nullable=False
        ),
        sa.Column("budget_line_id", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("payment_method", sa.String(length=60), nullable=True),
        sa.Column("cig", sa.String(length=10), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column(
            "source",
            sa.Enum(
                "hosting_contribution",
                "tirocinio_payment",
                name="payment_source",
                native_enum=False,
                create_constraint=True,
                length=28,
            ),
            nullable=True,
        ),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("payment_request_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(source IS NULL AND source_id IS NULL) "
            "OR (source IS NOT NULL AND source_id IS NOT NULL)",
            name=op.f("ck_expenditure_source_pair"),
        ),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_expenditure_amount_non_negative")),
        sa.CheckConstraint(
            "eligible <= amount", name=op.f("ck_expenditure_eligible_within_amount")
        ),
        sa.CheckConstraint("eligible >= 0", name=op.f("ck_expenditure_eligible_non_negative")),
        sa.CheckConstraint("vat >= 0", name=op.f("ck_expenditure_vat_non_negative")),
        sa.ForeignKeyConstraint(
            ["budget_line_id", "convention_id"],
            ["budget_line.id", "budget_line.convention_id"],
            name="fk_expenditure_budget_line_same_convention",
        ),
        sa.ForeignKeyConstraint(
            ["convention_id"],
            ["convention.id"],
            name=op.f("fk_expenditure_convention_id_convention"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["convention_document.id"],
            name=op.f("fk_expenditure_document_id_convention_document"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["payment_request_id"],
            ["payment_request.id"],
            name=op.f("fk_expenditure_payment_request_id_payment_request"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expenditure")),
        sa.UniqueConstraint("source", "source_id", name=op.f("uq_expenditure_source_source_id")),
    )
    with op.batch_alter_table("expenditure", schema=None) as batch_op:
        batch_op.create_index(
            "ix_expenditure_budget_line", ["budget_line_id", "document_date"], unique=False
        )
        batch_op.create_index(
            "ix_expenditure_convention_date", ["convention_id", "document_date", "id"], unique=False
        )
        batch_op.create_index(
            "ix_expenditure_payment_request_id", ["payment_request_id"], unique=False
        )
        batch_op.create_index(
            "ix_expenditure_supplier_number", ["convention_id", "number"], unique=False
        )

    op.create_table(
        "staff_cost",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_member_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.SmallInteger(), nullable=False),
        sa.Column(
            "annual_gross", tit_desktop.models.columns.Money(precision=14, scale=2), nullable=False
        ),
        sa.Column("annual_hours", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "annual_gross >= 0", name=op.f("ck_staff_cost_annual_gross_non_negative")
        ),
        sa.CheckConstraint("annual_hours > 0", name=op.f("ck_staff_cost_annual_hours_positive")),
        sa.ForeignKeyConstraint(
            ["staff_member_id"],
            ["staff_member.id"],
            name=op.f("fk_staff_cost_staff_member_id_staff_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_cost")),
        sa.UniqueConstraint(
            "staff_member_id", "year", name=op.f("uq_staff_cost_staff_member_id_year")
        ),
    )
    op.create_table(
        "timesheet_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_member_id", sa.Integer(), nullable=False),
        sa.Column("convention_id", sa.Integer(), nullable=False),
        sa.Column("work_date", sa.Date(), nullable=False),
        sa.Column("action", sa.String(length=120), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "minutes BETWEEN 1 AND 1440", name=op.f("ck_timesheet_entry_minutes_range")
        ),
        sa.ForeignKeyConstraint(
            ["convention_id"],
            ["convention.id"],
            name=op.f("fk_timesheet_entry_convention_id_convention"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_member_id"],
            ["staff_member.id"],
            name=op.f("fk_timesheet_entry_staff_member_id_staff_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timesheet_entry")),
        sa.UniqueConstraint(
            "staff_member_id",
            "convention_id",
            "work_date",
            "action",
            name=op.f("uq_timesheet_entry_staff_member_id_convention_id_work_date_action"),
        ),
    )
    with op.batch_alter_table("timesheet_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_timesheet_entry_convention_id"), ["convention_id"], unique=False
        )

    op.create_table(
        "timesheet_month",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_member_id", sa.Integer(), nullable=False),
        sa.Column("convention_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("expenditure_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", tit_desktop.models.columns.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["convention_id"],
            ["convention.id"],
            name=op.f("fk_timesheet_month_convention_id_convention"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["expenditure_id"],
            ["expenditure.id"],
            name=op.f("fk_timesheet_month_expenditure_id_expenditure"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["staff_member_id"],
            ["staff_member.id"],
            name=op.f("fk_timesheet_month_staff_member_id_staff_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timesheet_month")),
        sa.UniqueConstraint(
            "staff_member_id",
            "convention_id",
            "month",
            name=op.f("uq_timesheet_month_staff_member_id_convention_id_month"),
        ),
    )
    with op.batch_alter_table("timesheet_month", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_timesheet_month_convention_id"), ["convention_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("timesheet_month", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_timesheet_month_convention_id"))

    op.drop_table("timesheet_month")
    with op.batch_alter_table("timesheet_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_timesheet_entry_convention_id"))

    op.drop_table("timesheet_entry")
    op.drop_table("staff_cost")
    with op.batch_alter_table("expenditure", schema=None) as batch_op:
        batch_op.drop_index("ix_expenditure_supplier_number")
        batch_op.drop_index("ix_expenditure_payment_request_id")
        batch_op.drop_index("ix_expenditure_convention_date")
        batch_op.drop_index("ix_expenditure_budget_line")

    op.drop_table("expenditure")
    with op.batch_alter_table("budget_variation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_budget_variation_budget_line_id"))

    op.drop_table("budget_variation")
    op.drop_table("payment_request")
    with op.batch_alter_table("deadline", schema=None) as batch_op:
        batch_op.drop_index("ix_deadline_due_on")

    op.drop_table("deadline")
    with op.batch_alter_table("convention_partner", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_convention_partner_organisation_id"))

    op.drop_table("convention_partner")
    with op.batch_alter_table("convention_extension", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_convention_extension_convention_id"))

    op.drop_table("convention_extension")
    with op.batch_alter_table("convention_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_convention_document_convention_id"))

    op.drop_table("convention_document")
    op.drop_table("budget_line")
    op.drop_table("convention")
