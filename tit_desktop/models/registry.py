"""Registries: persons (beneficiari) with their notes, household links and attachments,
organisations (enti) and staff members (operatori)."""

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
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from tit_desktop.models.base import Base, VersionedMixin
from tit_desktop.models.columns import UTCDateTime, enum_column, utc_now


class Sex(enum.StrEnum):
    F = "F"
    M = "M"


class PermitReason(enum.StrEnum):
    EMPLOYED_WORK = "lavoro subordinato"
    SELF_EMPLOYMENT = "lavoro autonomo"
    AWAITING_EMPLOYMENT = "attesa occupazione"
    FAMILY = "famiglia"
    STUDY = "studio"
    POLITICAL_ASYLUM = "asilo politico"
    SUBSIDIARY_PROTECTION = "protezione sussidiaria"
    SPECIAL_PROTECTION = "protezione speciale"
    SPECIAL_CASES = "casi speciali"
    MEDICAL_TREATMENT = "cure mediche"
    MINOR_AGE = "minore eta"
    ASYLUM_APPLICATION = "richiesta asilo"
    STATELESSNESS = "apolidia"
    EU_LONG_TERM_RESIDENT = "UE soggiornante di lungo periodo"
    OTHER = "altro"


class Employment(enum.StrEnum):
    EMPLOYED = "occupato"
    UNEMPLOYED = "disoccupato"
    LONG_TERM_UNEMPLOYED = "disoccupato di lunga durata"
    INACTIVE = "inattivo"
    STUDENT = "studente"


class Disability(enum.StrEnum):
    YES = "si"
    NO = "no"
    NOT_DECLARED = "non dichiarato"


class HouseholdRelation(enum.StrEnum):
    SPOUSE_OR_PARTNER = "coniuge o partner"
    CHILD = "figlio/a"
    PARENT = "genitore"
    SIBLING = "fratello/sorella"
    OTHER_RELATIVE = "altro familiare"


class NoteLevel(enum.StrEnum):
    NORMAL = "normale"
    CONFIDENTIAL = "riservata"


class Organisation(VersionedMixin, Base):
    """An ente: partner, referrer, internship host."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False, unique=True)
    fiscal_code: Mapped[str | None] = mapped_column(String(16))
    vat_number: Mapped[str | None] = mapped_column(String(11))
    is_partner: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    is_referrer: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    is_internship_host: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class StaffMember(VersionedMixin, Base):
    """An operatore: a staff member, who may or may not be a user of the application."""

    __tablename__ = "staff_member"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_name: Mapped[str] = mapped_column(String(100), nullable=False)
    first_name: Mapped[str] = mapped_column(String(100), nullable=False)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), unique=True)
    is_volunteer: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)

    @property
    def display_name(self) -> str:
        return f"{self.last_name} {self.first_name}"


class Person(VersionedMixin, Base):
    """A beneficiary. Every service (stays, meals, percorsi...) hangs off this row."""

    __tablename__ = "person"
    __audit_name__ = "person"
    # The audit listener files this row's changes under the person they concern.
    __audit_person__ = "id"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), nullable=False, unique=True)
    last_name: Mapped[str] = mapped_column(String(100), nullable=False)
    first_name: Mapped[str] = mapped_column(String(100), nullable=False)
    # "cognome nome" folded to lower-case ASCII: the list sorts on it through an index.
    sort_key: Mapped[str] = mapped_column(String(201), nullable=False)
    sex: Mapped[Sex | None] = mapped_column(enum_column(Sex, "sex"))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    # Belfiore code of the comune or foreign state (Z###); the free text keeps what was
    # written when the place is not in the ISTAT lists (a village abroad, say).
    birth_place_code: Mapped[str | None] = mapped_column(String(4))
    birth_place_text: Mapped[str | None] = mapped_column(String(120))
    citizenship_code: Mapped[str | None] = mapped_column(String(4))
    fiscal_code: Mapped[str | None] = mapped_column(String(16), unique=True)
    cui: Mapped[str | None] = mapped_column(String(20), unique=True)

    permit_type: Mapped[str | None] = mapped_column(String(80))
    permit_reason: Mapped[PermitReason | None] = mapped_column(
        enum_column(PermitReason, "permit_reason")
    )
    permit_number: Mapped[str | None] = mapped_column(String(40))
    permit_issuer: Mapped[str | None] = mapped_column(String(120))
    permit_issued_on: Mapped[dt.date | None] = mapped_column(Date)
    permit_expires_on: Mapped[dt.date | None] = mapped_column(Date)

    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    languages: Mapped[str | None] = mapped_column(String(300))

    education_isced: Mapped[int | None] = mapped_column(SmallInteger)
    employment: Mapped[Employment | None] = mapped_column(enum_column(Employment, "employment"))
    ethos_at_intake: Mapped[int | None] = mapped_column(SmallInteger)
    disability: Mapped[Disability | None] = mapped_column(enum_column(Disability, "disability"))
    # Names of optional fields the person chose not to answer: NULL value and the name
    # here = refused; NULL value and not here = not asked. Reports tell the two apart.
    declined_fields: Mapped[str] = mapped_column(String(300), nullable=False, default="")

    intake_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    referring_organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    reference_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id"))

    consent_privacy: Mapped[bool | None] = mapped_column(Boolean)
    consent_privacy_on: Mapped[dt.date | None] = mapped_column(Date)
    consent_photo: Mapped[bool | None] = mapped_column(Boolean)
    consent_photo_on: Mapped[dt.date | None] = mapped_column(Date)
    consent_sharing: Mapped[bool | None] = mapped_column(Boolean)
    consent_sharing_on: Mapped[dt.date | None] = mapped_column(Date)

    notes: Mapped[str | None] = mapped_column(Text)

    anonymised_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, nullable=False, default=utc_now, onupdate=utc_now
    )

    referring_organisation: Mapped[Organisation | None] = relationship()
    reference_staff: Mapped[StaffMember | None] = relationship()

    __audit_ignored__ = frozenset({"version", "updated_at", "sort_key"})

    __table_args__ = (
        CheckConstraint("education_isced BETWEEN 0 AND 8", name="education_isced_range"),
        CheckConstraint("ethos_at_intake BETWEEN 0 AND 13", name="ethos_range"),
        CheckConstraint(
            "birth_date IS NULL OR birth_date <= intake_date", name="birth_before_intake"
        ),
        CheckConstraint(
            "permit_issued_on IS NULL OR permit_expires_on IS NULL "
            "OR permit_issued_on <= permit_expires_on",
            name="permit_dates_order",
        ),
        Index("ix_person_sort_key", "sort_key", "id"),
        # The list shows active records only: a partial index serves it in order, without
        # sorting 100,000 rows (and SQLite, which keeps no statistics, does use it).
        Index(
            "ix_person_active_sort",
            "sort_key",
            "id",
            sqlite_where=text("merged_into_id IS NULL AND anonymised_at IS NULL"),
            postgresql_where=text("merged_into_id IS NULL AND anonymised_at IS NULL"),
        ),
        Index("ix_person_intake_date", "intake_date"),
        Index("ix_person_birth_date", "birth_date"),
        # Partial: only merged records are looked up this way; a full index would make
        # SQLite drive every list query through "merged_into_id IS NULL".
        Index(
            "ix_person_merged_into_id",
            "merged_into_id",
            sqlite_where=text("merged_into_id IS NOT NULL"),
            postgresql_where=text("merged_into_id IS NOT NULL"),
        ),
        Index("ix_person_permit_expires_on", "permit_expires_on"),
        Index("ix_person_citizenship_code", "citizenship_code"),
        Index("ix_person_reference_staff_id", "reference_staff_id"),
    )

    @property
    def display_name(self) -> str:
        return f"{self.last_name} {self.first_name}"


class PersonSearchToken(Base):
    """One searchable word of a person (folded name parts, code, codice fiscale, CUI).

    Search-as-you-type matches each typed word as a prefix of some token, through the
    primary-key index (token first), so it stays fast with 100,000 persons."""

    __tablename__ = "person_search_token"
    __audit_skip__ = True

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class PersonNote(VersionedMixin, Base):
    __tablename__ = "person_note"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True
    )
    written_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, default=utc_now)
    author_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    level: Mapped[NoteLevel] = mapped_column(enum_column(NoteLevel, "note_level"), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)


class HouseholdLink(Base):
    """Two persons of the same household; stored once, read from both sides."""

    __tablename__ = "household_link"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True
    )
    relative_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True
    )
    # What the relative is to the person ("figlio/a" = the relative is the person's child).
    relation: Mapped[HouseholdRelation] = mapped_column(
        enum_column(HouseholdRelation, "household_relation"), nullable=False
    )

    __table_args__ = (
        UniqueConstraint("person_id", "relative_id"),
        CheckConstraint("person_id <> relative_id", name="not_self"),
    )


class Attachment(Base):
    """A scanned document. Stored in the database so that every PC of a shared server sees
    it; the SHA-256 detects corruption and identical uploads."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True
    )
    file_name: Mapped[str] = mapped_column(String(255), nullable=False)
    media_type: Mapped[str] = mapped_column(String(100), nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    description: Mapped[str | None] = mapped_column(String(300))
    uploaded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, default=utc_now)
    uploaded_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))

    __table_args__ = (UniqueConstraint("person_id", "sha256"),)


class NotSamePerson(Base):
    """A user's decision that two records that look alike are different people."""

    __tablename__ = "not_same_person"
    # Filed in the audit log under the lower id; the access request and the anonymisation
    # find the pair from either side through the table itself.
    __audit_person__ = "person_low_id"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_low_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=False
    )
    person_high_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=False
    )
    decided_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, default=utc_now)
    decided_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    __table_args__ = (
        UniqueConstraint("person_low_id", "person_high_id"),
        CheckConstraint("person_low_id < person_high_id", name="ordered_pair"),
        Index("ix_not_same_person_person_high_id", "person_high_id"),
    )
