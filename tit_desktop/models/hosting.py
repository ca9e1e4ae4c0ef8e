"""Accoglienza in famiglia: host families, their hosting agreements and the contributions
ledger (DOMAIN.md 3 and 4).

Rules between rows that live in the database itself (migration 0007):

* two agreements of the same person never overlap (``dal``/``al`` both included, an open
  ``al`` runs for ever): on PostgreSQL the exclusion constraint
  ``ex_hosting_agreement_person_period`` (btree_gist, ``daterange(dal, al, '[]')``), on
  SQLite two triggers that raise the same name as a CHECK failure, so that
  :mod:`tit_desktop.services.conflicts` finds its explainer on both engines;
* one contribution per agreement and month (a unique constraint);
* amounts never negative, ``al`` never before ``dal``, a payment has both its date and
  its amount (CHECK constraints).
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    literal_column,
)
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tit_desktop.models.base import Base, VersionedMixin
from tit_desktop.models.columns import Money, enum_column, non_negative

# The name both engines give to a refused overlap (an exclusion constraint on PostgreSQL,
# the triggers' RAISE on SQLite).
AGREEMENT_OVERLAP = "ex_hosting_agreement_person_period"


class HostingTime(enum.StrEnum):
    """Tempo pieno / parziale (the sheets' ``Tempo`` column)."""

    FULL = "pieno"
    PART = "parziale"


class HostFamily(VersionedMixin, Base):
    """A famiglia ospitante. ``name`` is the ``Famiglia`` key of the exchange sheets."""

    __tablename__ = "host_family"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False, unique=True)
    contact_person: Mapped[str | None] = mapped_column(String(200))  # referente
    members: Mapped[str | None] = mapped_column(Text)  # one member a line
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(40))
    iban: Mapped[str | None] = mapped_column(String(34))  # electronic form, no spaces
    availability: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class HostingAgreement(VersionedMixin, Base):
    """A patto di accoglienza: the family hosts the person from ``start_date`` to
    ``end_date``, both days included (as the signed agreement reads); no ``end_date`` =
    still hosted."""

    __tablename__ = "hosting_agreement"
    __audit_person__ = "person_id"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("host_family.id"), nullable=False)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), nullable=False)
    start_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    time: Mapped[HostingTime] = mapped_column(
        enum_column(HostingTime, "hosting_time"), nullable=False
    )
    monthly_amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    notes: Mapped[str | None] = mapped_column(Text)

    family: Mapped[HostFamily] = relationship()

    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_order"),
        non_negative("monthly_amount"),
        # PostgreSQL only (SQLite has the triggers of migration 0007 under the same name).
        ExcludeConstraint(
            ("person_id", "="),
            (
                func.daterange(
                    literal_column("start_date"),
                    literal_column("end_date"),
                    literal_column("'[]'"),
                ),
                "&&",
            ),
            name=AGREEMENT_OVERLAP,
            using="gist",
        ).ddl_if(dialect="postgresql"),
        Index("ix_hosting_agreement_person_id", "person_id", "start_date"),
        Index("ix_hosting_agreement_family_id", "family_id", "start_date"),
    )


class HostingContribution(VersionedMixin, Base):
    """One month due to the family for an agreement: ``month`` is the first day of the
    month; ``amount_due`` the monthly amount, pro rata for a partial month; ``paid_on``
    and ``paid_amount`` are set together when the payment is made."""

    __tablename__ = "hosting_contribution"
    # Filed in the activity log under the hosted person (read from the agreement, when the
    # service has it loaded, as it always has when it writes a contribution).
    __audit_person__ = "audit_person_id"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("hosting_agreement.id"), nullable=False)
    month: Mapped[dt.date] = mapped_column(Date, nullable=False)
    amount_due: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    paid_on: Mapped[dt.date | None] = mapped_column(Date)
    paid_amount: Mapped[Decimal | None] = mapped_column(Money())
    # The outgoing register's number of the month's receipt ("12/2024") and its day, taken
    # when the receipt is first printed; a reprint shows the same, an undone or changed
    # payment cancels it (services.hosting_documents).
    receipt_protocol: Mapped[str | None] = mapped_column(String(12))
    receipt_protocol_on: Mapped[dt.date | None] = mapped_column(Date)

    agreement: Mapped[HostingAgreement] = relationship()

    @property
    def audit_person_id(self) -> int | None:
        agreement = self.__dict__.get("agreement")
        return agreement.person_id if agreement is not None else None

    __table_args__ = (
        UniqueConstraint("agreement_id", "month"),
        non_negative("amount_due"),
        non_negative("paid_amount"),
        CheckConstraint(
            "(paid_on IS NULL AND paid_amount IS NULL) "
            "OR (paid_on IS NOT NULL AND paid_amount IS NOT NULL)",
            name="payment_complete",
        ),
        Index("ix_hosting_contribution_month", "month"),
        Index("ix_hosting_contribution_paid_on", "paid_on"),
        Index("ix_hosting_contribution_receipt_protocol", "receipt_protocol", unique=True),
    )


class HostingDefaultAmount(VersionedMixin, Base):
    """The monthly amount a new agreement gets for its ``time`` (the office may change it;
    with no row, 350 EUR part-time and 550 EUR full-time, as in TIU)."""

    __tablename__ = "hosting_default_amount"

    time: Mapped[HostingTime] = mapped_column(
        enum_column(HostingTime, "hosting_time"), primary_key=True
    )
    monthly_amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)

    __table_args__ = (non_negative("monthly_amount"),)
