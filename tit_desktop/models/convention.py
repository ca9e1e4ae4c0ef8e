"""The convention's paperwork (DOMAIN.md 6): conventions with their extensions, partners and
documents; the budget plan (lines and their variations); the expenditure register; payment
requests that lock what they include; deadlines; staff costs and monthly timesheets.

Money is :class:`~tit_desktop.models.columns.Money` everywhere. The rules between rows that
matter live here as constraints, on both engines:

- a budget line's name is unique within its convention;
- an expenditure's budget line belongs to the expenditure's own convention (a composite
  foreign key onto ``budget_line (id, convention_id)``);
- the eligible amount is at most the amount, and no amount is negative;
- a payment (host-family contribution, tirocinio indemnity) becomes at most one expenditure
  (``source`` + ``source_id`` unique).
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column

from tit_desktop.models.base import Base, VersionedMixin
from tit_desktop.models.columns import Money, UTCDateTime, enum_column, non_negative, utc_now


class PaymentSource(enum.StrEnum):
    """The table a derived expenditure comes from (stored on the expenditure)."""

    HOSTING_CONTRIBUTION = "hosting_contribution"
    TIROCINIO_PAYMENT = "tirocinio_payment"


class CostCategory(enum.StrEnum):
    """DOMAIN.md 6's cost categories (budget lines are action x category)."""

    STAFF = "personale"
    GOODS_AND_SERVICES = "beni e servizi"
    FAMILY_CONTRIBUTIONS = "contributi a famiglie"
    TRAINEESHIP_ALLOWANCES = "indennita tirocini"
    OVERHEADS = "spese generali"


class Recurrence(enum.StrEnum):
    NONE = "nessuna"
    QUARTERLY = "trimestrale"


class Convention(VersionedMixin, Base):
    """A convenzione: the agreement with a funder that pays for (part of) the programme."""

    __tablename__ = "convention"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    short_name: Mapped[str] = mapped_column(String(40), nullable=False, unique=True)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    funder: Mapped[str | None] = mapped_column(String(200))
    fund: Mapped[str | None] = mapped_column(String(200))
    cup: Mapped[str] = mapped_column(String(15), nullable=False)
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    starts_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    ends_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    total: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    co_funding: Mapped[Decimal] = mapped_column(Money(), nullable=False, default=Decimal(0))
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        non_negative("total"),
        non_negative("co_funding"),
        CheckConstraint("starts_on <= ends_on", name="period_order"),
        CheckConstraint("length(cup) = 15", name="cup_length"),
    )


class ConventionExtension(Base):
    """A proroga: the convention's end moved to ``new_end`` (the latest one counts)."""

    __tablename__ = "convention_extension"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    convention_id: Mapped[int] = mapped_column(
        ForeignKey("convention.id", ondelete="CASCADE"), nullable=False, index=True
    )
    new_end: Mapped[dt.date] = mapped_column(Date, nullable=False)
    reason: Mapped[str] = mapped_column(String(300), nullable=False)
    granted_on: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (UniqueConstraint("convention_id", "new_end"),)


class ConventionPartner(Base):
    """A partner organisation and its share of the convention's amount."""

    __tablename__ = "convention_partner"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    convention_id: Mapped[int] = mapped_column(
        ForeignKey("convention.id", ondelete="CASCADE"), nullable=False
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id"), nullable=False, index=True
    )
    share: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    role: Mapped[str | None] = mapped_column(String(120))

    __table_args__ = (
        UniqueConstraint("convention_id", "organisation_id"),
        non_negative("share"),
    )


class ConventionDocument(Base):
    """A document of a convention (the signed agreement, an invoice's scan...), kept in the
    database so that every PC of a shared server sees it."""

    __tablename__ = "convention_document"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    convention_id: Mapped[int] = mapped_column(
        ForeignKey("convention.id", ondelete="CASCADE"), nullable=False, index=True
    )
    file_name: Mapped[str] = mapped_column(String(255), nullable=False)
    media_type: Mapped[str] = mapped_column(String(100), nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    description: Mapped[str | None] = mapped_column(String(300))
    uploaded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, default=utc_now)
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))

    __table_args__ = (UniqueConstraint("convention_id", "sha256"),)


class BudgetLine(VersionedMixin, Base):
    """A voce of the budget plan: action x cost category, with its planned amount."""

    __tablename__ = "budget_line"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    convention_id: Mapped[int] = mapped_column(
        ForeignKey("convention.id", ondelete="CASCADE"), nullable=False
    )
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    action: Mapped[str | None] = mapped_column(String(120))
    category: Mapped[CostCategory] = mapped_column(
        enum_column(CostCategory, "cost_category"), nullable=False
    )
    planned: Mapped[Decimal] = mapped_column(Money(), nullable=False)

    __table_args__ = (
        UniqueConstraint("convention_id", "name"),
        # The target of the expenditure's composite key (same convention, enforced).
        UniqueConstraint("id", "convention_id", name="uq_budget_line_id_convention_id"),
        non_negative("planned"),
    )


class BudgetVariation(Base):
    """A rimodulazione: a line's planned amount changed on a date, for a reason. Rows are
    only added: the history of the plan."""

    __tablename__ = "budget_variation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    budget_line_id: Mapped[int] = mapped_column(
        ForeignKey("budget_line.id", ondelete="CASCADE"), nullable=False, index=True
    )
    varied_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    reason: Mapped[str] = mapped_column(String(300), nullable=False)
    amount_before: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    amount_after: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, default=utc_now)

    __table_args__ = (non_negative("amount_before"), non_negative("amount_after"))


class PaymentRequest(VersionedMixin, Base):
    """A domanda di rimborso, submitted: the expenditures it includes are locked by it.
    ``unlocked_at`` set = an administrator reopened it (its expenditures are free again)."""

    __tablename__ = "payment_request"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    convention_id: Mapped[int] = mapped_column(
        ForeignKey("convention.id", ondelete="CASCADE"), nullable=False
    )
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    period_from: Mapped[dt.date] = mapped_column(Date, nullable=False)
    period_to: Mapped[dt.date] = mapped_column(Date, nullable=False)
    submitted_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    total: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    unlocked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    unlock_reason: Mapped[str | None] = mapped_column(String(300))
    # The outgoing register's number ("12/2021"), taken on submission and dated
    # ``submitted_on``; kept when the request is unlocked (services.numbering).
    protocol: Mapped[str | None] = mapped_column(String(12))

    __table_args__ = (
        UniqueConstraint("convention_id", "number"),
        Index("ix_payment_request_protocol", "protocol", unique=True),
        CheckConstraint("period_from <= period_to", name="period_order"),
        non_negative("total"),
    )


class Expenditure(VersionedMixin, Base):
    """A spesa of the register. ``source``/``source_id`` set: derived from a payment made by
    another area, changed only through it. ``payment_request_id`` set: locked by that
    submitted payment request."""

    __tablename__ = "expenditure"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    convention_id: Mapped[int] = mapped_column(
        ForeignKey("convention.id", ondelete="CASCADE"), nullable=False
    )
    document_type: Mapped[str] = mapped_column(String(60), nullable=False)
    number: Mapped[str] = mapped_column(String(60), nullable=False)
    document_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    supplier_name: Mapped[str] = mapped_column(String(200), nullable=False)
    supplier_tax_code: Mapped[str | None] = mapped_column(String(16))
    description: Mapped[str | None] = mapped_column(String(300))
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    vat: Mapped[Decimal] = mapped_column(Money(), nullable=False, default=Decimal(0))
    eligible: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    budget_line_id: Mapped[int] = mapped_column(Integer, nullable=False)
    paid_on: Mapped[dt.date | None] = mapped_column(Date)
    payment_method: Mapped[str | None] = mapped_column(String(60))
    cig: Mapped[str | None] = mapped_column(String(10))
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("convention_document.id", ondelete="SET NULL")
    )
    source: Mapped[PaymentSource | None] = mapped_column(
        enum_column(PaymentSource, "payment_source")
    )
    source_id: Mapped[int | None] = mapped_column(Integer)
    payment_request_id: Mapped[int | None] = mapped_column(ForeignKey("payment_request.id"))

    __table_args__ = (
        ForeignKeyConstraint(
            ["budget_line_id", "convention_id"],
            ["budget_line.id", "budget_line.convention_id"],
            name="fk_expenditure_budget_line_same_convention",
        ),
        UniqueConstraint("source", "source_id"),
        non_negative("amount"),
        non_negative("vat"),
        non_negative("eligible"),
        CheckConstraint("eligible <= amount", name="eligible_within_amount"),
        CheckConstraint(
            "(source IS NULL AND source_id IS NULL) "
            "OR (source IS NOT NULL AND source_id IS NOT NULL)",
            name="source_pair",
        ),
        Index("ix_expenditure_convention_date", "convention_id", "document_date", "id"),
        Index("ix_expenditure_budget_line", "budget_line_id", "document_date"),
        Index("ix_expenditure_payment_request_id", "payment_request_id"),
        Index("ix_expenditure_supplier_number", "convention_id", "number"),
    )


class Deadline(VersionedMixin, Base):
    """A scadenza: a report or a sheet due on a date. Done = ``done_on`` set, with the
    document produced named in ``done_document``."""

    __tablename__ = "deadline"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    convention_id: Mapped[int] = mapped_column(
        ForeignKey("convention.id", ondelete="CASCADE"), nullable=False
    )
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    due_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    recurrence: Mapped[Recurrence] = mapped_column(
        enum_column(Recurrence, "recurrence"), nullable=False, default=Recurrence.NONE
    )
    remind_days: Mapped[int] = mapped_column(SmallInteger, nullable=False, default=15)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    done_document: Mapped[str | None] = mapped_column(String(300))

    __table_args__ = (
        UniqueConstraint("convention_id", "title", "due_on"),
        CheckConstraint("remind_days BETWEEN 0 AND 365", name="remind_days_range"),
        CheckConstraint("done_on IS NULL OR done_document IS NOT NULL", name="done_with_document"),
        Index("ix_deadline_due_on", "due_on"),
    )


class StaffCost(VersionedMixin, Base):
    """A staff member's cost for a year: annual gross cost / annual hours = hourly cost."""

    __tablename__ = "staff_cost"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_member_id: Mapped[int] = mapped_column(
        ForeignKey("staff_member.id", ondelete="CASCADE"), nullable=False
    )
    year: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    annual_gross: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    annual_hours: Mapped[int] = mapped_column(Integer, nullable=False)

    __table_args__ = (
        UniqueConstraint("staff_member_id", "year"),
        non_negative("annual_gross"),
        CheckConstraint("annual_hours > 0", name="annual_hours_positive"),
    )


class TimesheetEntry(Base):
    """Minutes a staff member worked on a day for an action of a convention."""

    __tablename__ = "timesheet_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_member_id: Mapped[int] = mapped_column(
        ForeignKey("staff_member.id", ondelete="CASCADE"), nullable=False
    )
    convention_id: Mapped[int] = mapped_column(
        ForeignKey("convention.id", ondelete="CASCADE"), nullable=False, index=True
    )
    work_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    action: Mapped[str] = mapped_column(String(120), nullable=False)
    minutes: Mapped[int] = mapped_column(Integer, nullable=False)

    __table_args__ = (
        UniqueConstraint("staff_member_id", "convention_id", "work_date", "action"),
        CheckConstraint("minutes BETWEEN 1 AND 1440", name="minutes_range"),
    )


class TimesheetMonth(Base):
    """A month of a staff member's timesheet closed: its cost posted as an expenditure."""

    __tablename__ = "timesheet_month"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_member_id: Mapped[int] = mapped_column(
        ForeignKey("staff_member.id", ondelete="CASCADE"), nullable=False
    )
    convention_id: Mapped[int] = mapped_column(
        ForeignKey("convention.id", ondelete="CASCADE"), nullable=False, index=True
    )
    month: Mapped[dt.date] = mapped_column(Date, nullable=False)
    minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    expenditure_id: Mapped[int | None] = mapped_column(
        ForeignKey("expenditure.id", ondelete="SET NULL")
    )
    closed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, default=utc_now)

    __table_args__ = (UniqueConstraint("staff_member_id", "convention_id", "month"),)
