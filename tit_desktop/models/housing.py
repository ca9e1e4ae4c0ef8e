"""Housing: units (alloggi), their beds (posti) and the stays (soggiorni) in them.

Night semantics (DOMAIN.md 4): a stay's first night is ``dal``; ``al`` is the departure
date, not a night; the nights are the dates d with dal <= d < al, and an open stay (``al``
NULL) runs up to tonight. Two rules between rows hold in the database on both engines:

* one person per bed per night (``ex_stay_bed_nights``),
* one bed per person per night (``ex_stay_person_nights``).

PostgreSQL enforces them with exclusion constraints over ``daterange(dal, al, '[)')`` (a
NULL upper bound is unbounded: an open stay holds every night from ``dal`` on), declared
here; SQLite has no exclusion constraints, so migration 0006 adds BEFORE INSERT/UPDATE
triggers raising ``EXCLUSION constraint failed: <name>`` with the same names. A later
migration that rebuilds the ``stay`` table on SQLite (batch mode) must create them again
(:data:`SQLITE_TRIGGERS`).
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
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tit_desktop.models.base import Base, VersionedMixin
from tit_desktop.models.columns import enum_column
from tit_desktop.models.destinations import ExitDestination


class HousingKind(enum.StrEnum):
    CO_HOUSING = "co-housing"
    HOUSING_FIRST = "housing first"
    NIGHT_SHELTER = "accoglienza notturna"


class HousingUnit(VersionedMixin, Base):
    """An alloggio: a co-housing flat, a housing-first flat or a dormitory.

    ``active_from`` is its first night in use, ``active_to`` its last (both included; NULL
    = no limit): every night of every stay falls inside."""

    __tablename__ = "housing_unit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False, unique=True)
    address: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[HousingKind] = mapped_column(
        enum_column(HousingKind, "housing_kind"), nullable=False
    )
    active_from: Mapped[dt.date | None] = mapped_column(Date)
    active_to: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    beds: Mapped[list[Bed]] = relationship(
        back_populates="unit", order_by="Bed.id", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint(
            "active_from IS NULL OR active_to IS NULL OR active_from <= active_to",
            name="active_period_order",
        ),
    )


class Bed(VersionedMixin, Base):
    """A posto letto of a unit; ``label`` ("1", "2", "A") is unique within the unit."""

    __tablename__ = "bed"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("housing_unit.id"), nullable=False)
    label: Mapped[str] = mapped_column(String(20), nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)

    unit: Mapped[HousingUnit] = relationship(back_populates="beds")

    __table_args__ = (UniqueConstraint("unit_id", "label"),)


class Stay(VersionedMixin, Base):
    """A soggiorno: a person in a bed from the night of ``dal`` to the morning of ``al``."""

    __tablename__ = "stay"
    __audit_person__ = "person_id"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), nullable=False)
    bed_id: Mapped[int] = mapped_column(ForeignKey("bed.id"), nullable=False)
    dal: Mapped[dt.date] = mapped_column(Date, nullable=False)
    al: Mapped[dt.date | None] = mapped_column(Date)
    exit_destination: Mapped[ExitDestination | None] = mapped_column(
        enum_column(ExitDestination, "exit_destination")
    )
    notes: Mapped[str | None] = mapped_column(Text)

    bed: Mapped[Bed] = relationship()

    __table_args__ = (
        CheckConstraint("al IS NULL OR al > dal", name="departure_after_arrival"),
        CheckConstraint(
            "exit_destination IS NULL OR al IS NOT NULL", name="destination_when_ended"
        ),
        Index("ix_stay_person_id_dal", "person_id", "dal"),
        Index("ix_stay_bed_id_dal", "bed_id", "dal"),
        Index("ix_stay_dal", "dal"),
        # An open stay is tonight's: the night shift's list and the board read them often.
        Index(
            "ix_stay_open",
            "bed_id",
            sqlite_where=text("al IS NULL"),
            postgresql_where=text("al IS NULL"),
        ),
        ExcludeConstraint(
            ("bed_id", "="),
            (text("daterange(dal, al, '[)')"), "&&"),
            name="ex_stay_bed_nights",
            using="gist",
        ).ddl_if(dialect="postgresql"),
        ExcludeConstraint(
            ("person_id", "="),
            (text("daterange(dal, al, '[)')"), "&&"),
            name="ex_stay_person_nights",
            using="gist",
        ).ddl_if(dialect="postgresql"),
    )


def _trigger(name: str, column: str, event: str) -> str:
    """A SQLite trigger refusing a stay whose nights overlap another's in ``column``."""
    other_row = "AND o.id <> NEW.id " if event.startswith("UPDATE") else ""
    return (
        f"CREATE TRIGGER trg_{name}_{event.split()[0].lower()} BEFORE {event} ON stay "
        f"FOR EACH ROW WHEN EXISTS (SELECT 1 FROM stay AS o WHERE o.{column} = NEW.{column} "
        f"{other_row}AND o.dal < COALESCE(NEW.al, '9999-12-31') "
        f"AND NEW.dal < COALESCE(o.al, '9999-12-31')) "
        f"BEGIN SELECT RAISE(ABORT, 'EXCLUSION constraint failed: {name}'); END"
    )


SQLITE_TRIGGERS: tuple[tuple[str, str], ...] = tuple(
    (f"trg_{name}_{event.split()[0].lower()}", _trigger(name, column, event))
    for name, column in (("ex_stay_bed_nights", "bed_id"), ("ex_stay_person_nights", "person_id"))
    for event in ("INSERT", "UPDATE OF bed_id, person_id, dal, al")
)
"""(trigger name, CREATE TRIGGER statement) of the two night rules on SQLite."""
