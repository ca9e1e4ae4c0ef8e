"""The street unit (unità di strada): night outreach contacts.

A contact is one event: when (the office's calendar day, and the moment when the time is
known), where (free-text place, zone from the office's own list), who went (operators), who
was met (linked persons and/or anonymous counts by sex) and what was given.

Rules held by the database besides the columns' own checks (triggers of migration 0009, on
both engines; see :mod:`tit_desktop.services.street` for the Italian messages):

* ``street_contact_after_intake``: a linked person's contact is on or after their intake
  date (a link added, a contact moved to an earlier day, an intake date moved later);
* ``street_contact_someone_met``: a contact keeps someone met, a linked person or an
  anonymous count (the counts set to zero, or the last person unlinked, is refused). A new
  contact's links are written after it, so that one is checked by the service only.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tit_desktop.models.base import Base, VersionedMixin
from tit_desktop.models.columns import UTCDateTime, enum_column


class StreetService(enum.StrEnum):
    """Goods and services the unit gives (DOMAIN.md 4): the one list, in display order."""

    BLANKETS = "coperte"
    MEAL = "pasto"
    HOT_DRINK = "bevanda calda"
    INFORMATION = "informazioni"
    REFERRAL = "invio a servizio"


class StreetZone(VersionedMixin, Base):
    """A zone of the city the unit covers; the office extends the list (a zone no longer
    covered is deactivated, never deleted while contacts refer to it)."""

    __tablename__ = "street_zone"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False, unique=True)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class StreetContact(VersionedMixin, Base):
    __tablename__ = "street_contact"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The office's calendar day of the contact (local time): periods, the monthly summary
    # and the intake-date rule read it. ``occurred_at`` is the moment, in UTC, when the time
    # is known (a contact imported without Ora has none).
    occurred_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    occurred_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    place: Mapped[str] = mapped_column(String(120), nullable=False)
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("street_zone.id"))
    anonymous_f: Mapped[int] = mapped_column(SmallInteger, nullable=False, default=0)
    anonymous_m: Mapped[int] = mapped_column(SmallInteger, nullable=False, default=0)
    notes: Mapped[str | None] = mapped_column(Text)

    zone: Mapped[StreetZone | None] = relationship()
    persons: Mapped[list[StreetContactPerson]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="StreetContactPerson.id"
    )
    staff: Mapped[list[StreetContactStaff]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="StreetContactStaff.id"
    )
    services: Mapped[list[StreetContactService]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="StreetContactService.id"
    )

    __table_args__ = (
        CheckConstraint("anonymous_f >= 0", name="anonymous_f_non_negative"),
        CheckConstraint("anonymous_m >= 0", name="anonymous_m_non_negative"),
        Index("ix_street_contact_occurred_on", "occurred_on", "id"),
        Index("ix_street_contact_zone_id", "zone_id", "occurred_on"),
    )


class StreetContactPerson(Base):
    """A person met at a contact (by the office's Codice)."""

    __tablename__ = "street_contact_person"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("street_contact.id", ondelete="CASCADE"), nullable=False
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), nullable=False)

    contact: Mapped[StreetContact] = relationship(back_populates="persons")

    __table_args__ = (
        UniqueConstraint("contact_id", "person_id"),
        Index("ix_street_contact_person_person_id", "person_id", "contact_id"),
    )


class StreetContactStaff(Base):
    """An operator who was at a contact."""

    __tablename__ = "street_contact_staff"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("street_contact.id", ondelete="CASCADE"), nullable=False
    )
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_member.id"), nullable=False)

    contact: Mapped[StreetContact] = relationship(back_populates="staff")

    __table_args__ = (
        UniqueConstraint("contact_id", "staff_id"),
        Index("ix_street_contact_staff_staff_id", "staff_id", "contact_id"),
    )


class StreetContactService(Base):
    """One kind of good or service given at a contact."""

    __tablename__ = "street_contact_service"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("street_contact.id", ondelete="CASCADE"), nullable=False
    )
    service: Mapped[StreetService] = mapped_column(
        enum_column(StreetService, "street_service"), nullable=False
    )

    contact: Mapped[StreetContact] = relationship(back_populates="services")

    __table_args__ = (
        UniqueConstraint("contact_id", "service"),
        Index("ix_street_contact_service_service", "service", "contact_id"),
    )
