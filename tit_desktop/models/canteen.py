"""The canteen (servizio mensa): cards (tessere mensa), meals, and the desk's settings.

A meal is at most one of a type per person per day: a unique constraint, so that two
desks scanning the same card at the same moment record one meal. Card numbers come from the
office's number series (``canteen_card`` in ``number_series``), which only goes up, so a
number is never given twice, even after the card that had it was replaced or its person
anonymised.
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
    String,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from tit_desktop.models.base import Base, VersionedMixin
from tit_desktop.models.columns import BigIntKey, UTCDateTime, enum_column, utc_now


class MealType(enum.StrEnum):
    BREAKFAST = "colazione"
    LUNCH = "pranzo"
    DINNER = "cena"


class CardStatus(enum.StrEnum):
    ACTIVE = "attiva"
    REVOKED = "revocata"
    REPLACED = "sostituita"


class CanteenCardCounter(Base):
    """The last card number given by versions before the shared number series. Only read
    now, to seed the series where an older database left off; a later migration can drop
    it."""

    __tablename__ = "canteen_card_counter"
    __audit_skip__ = True

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, nullable=False)

    __table_args__ = (CheckConstraint("last_number >= 0", name="last_number_non_negative"),)


class CanteenCard(VersionedMixin, Base):
    """A tessera mensa: a number, a validity period, a status. A replaced card names the
    card that took its place; a person has at most one active card (partial unique index)."""

    __tablename__ = "canteen_card"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, nullable=False, unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), nullable=False, index=True)
    valid_from: Mapped[dt.date] = mapped_column(Date, nullable=False)
    valid_to: Mapped[dt.date] = mapped_column(Date, nullable=False)
    status: Mapped[CardStatus] = mapped_column(
        enum_column(CardStatus, "card_status"), nullable=False, default=CardStatus.ACTIVE
    )
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("canteen_card.id"))
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, default=utc_now)
    issued_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL")
    )
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    end_reason: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (
        CheckConstraint("number > 0", name="number_positive"),
        CheckConstraint("valid_from <= valid_to", name="validity_order"),
        CheckConstraint(
            "replaced_by_id IS NULL OR status = 'sostituita'", name="replacement_of_replaced"
        ),
        # One active card per person: a second desk issuing at the same moment is refused.
        Index(
            "ix_canteen_card_one_active",
            "person_id",
            unique=True,
            sqlite_where=text("status = 'attiva'"),
            postgresql_where=text("status = 'attiva'"),
        ),
    )

    @property
    def code(self) -> str:
        return card_code(self.number)


CARD_CODE_DIGITS = 8


def card_code(number: int) -> str:
    """What the card's QR code holds and a reader types: digits only, so that a reader set
    to any keyboard layout types it right ("00000042")."""
    return f"{number:0{CARD_CODE_DIGITS}d}"


class Meal(Base):
    """One meal taken: person, day, type; the card shown (NULL: a first access without a
    card, or found by name), when and by whom it was recorded, and whether it was entered
    for an earlier day (back-dated)."""

    __tablename__ = "meal"

    id: Mapped[int] = mapped_column(BigIntKey, primary_key=True, autoincrement=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), nullable=False)
    meal_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    meal_type: Mapped[MealType] = mapped_column(enum_column(MealType, "meal_type"), nullable=False)
    card_id: Mapped[int | None] = mapped_column(ForeignKey("canteen_card.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, default=utc_now)
    recorded_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL")
    )
    backdated: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)

    __table_args__ = (
        UniqueConstraint("person_id", "meal_date", "meal_type"),
        # Rosters and registers read a day (and a type) at a time.
        Index("ix_meal_date_type", "meal_date", "meal_type"),
        Index("ix_meal_card_id", "card_id"),
    )


class CanteenMealSetting(VersionedMixin, Base):
    """A meal's hours (the desk preselects the meal of the moment) and seats (the desk
    warns near capacity); shared by every desk of the database. A meal without a row uses
    the defaults of :mod:`tit_desktop.services.canteen`."""

    __tablename__ = "canteen_meal_setting"

    meal_type: Mapped[MealType] = mapped_column(
        enum_column(MealType, "meal_type"), primary_key=True
    )
    starts_at: Mapped[dt.time] = mapped_column(Time, nullable=False)
    ends_at: Mapped[dt.time] = mapped_column(Time, nullable=False)
    seats: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        CheckConstraint("starts_at < ends_at", name="hours_order"),
        CheckConstraint("seats IS NULL OR seats > 0", name="seats_positive"),
    )
