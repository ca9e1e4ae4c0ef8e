"""Percorsi di accompagnamento (DOMAIN.md 4): a person's enrolment in the programme, the
individual plan (goals, actions, review meetings), the autonomy self-assessment, courses with
their sessions and attendance, and tirocini di inclusione with monthly attendance and
payments.

Every table about one person carries ``person_id`` (set by the services from the record it
hangs off), so that its audit rows are filed under the person and the access request and the
anonymisation find it. Rules between rows live in the database: one open percorso per person
(a partial unique index) and no two percorsi of a person overlapping (a trigger, migration
0010, on both engines).
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from tit_desktop.models.base import Base, VersionedMixin
from tit_desktop.models.columns import Money, enum_column, non_negative
from tit_desktop.models.destinations import ExitDestination


class PlanDomain(enum.StrEnum):
    """The domains of the individual plan and of the autonomy assessment."""

    LANGUAGE = "lingua"
    TRAINING = "formazione"
    WORK = "lavoro"
    HOUSING = "casa"
    HEALTH = "salute"
    DOCUMENTS = "documenti"


class ActionStatus(enum.StrEnum):
    TODO = "da fare"
    IN_PROGRESS = "in corso"
    DONE = "completata"
    CANCELLED = "annullata"


class AssessmentMoment(enum.StrEnum):
    ENTRY = "ingresso"
    REVIEW = "verifica"
    EXIT = "uscita"


# The assessment's score column of each domain.
SCORE_COLUMNS: dict[PlanDomain, str] = {
    PlanDomain.LANGUAGE: "score_language",
    PlanDomain.TRAINING: "score_training",
    PlanDomain.WORK: "score_work",
    PlanDomain.HOUSING: "score_housing",
    PlanDomain.HEALTH: "score_health",
    PlanDomain.DOCUMENTS: "score_documents",
}

_PERSON_FK = "person.id"


class Pathway(VersionedMixin, Base):
    """A percorso: from the entry date (the first day) to the exit date (the last day)."""

    __tablename__ = "pathway"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey(_PERSON_FK, ondelete="CASCADE"), nullable=False
    )
    entry_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    actions: Mapped[str | None] = mapped_column(Text)
    reference_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id"))
    exit_date: Mapped[dt.date | None] = mapped_column(Date)
    exit_destination: Mapped[ExitDestination | None] = mapped_column(
        enum_column(ExitDestination, "exit_destination")
    )
    exit_reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        CheckConstraint("exit_date IS NULL OR exit_date >= entry_date", name="exit_after_entry"),
        CheckConstraint(
            "exit_destination IS NULL OR exit_date IS NOT NULL", name="destination_on_exit"
        ),
        Index("ix_pathway_person_id", "person_id", "entry_date"),
        # One open percorso per person, in the database (two PCs cannot both open one).
        Index(
            "ux_pathway_one_open",
            "person_id",
            unique=True,
            sqlite_where=text("exit_date IS NULL"),
            postgresql_where=text("exit_date IS NULL"),
        ),
        Index("ix_pathway_entry_date", "entry_date"),
        Index("ix_pathway_exit_date", "exit_date"),
        Index("ix_pathway_reference_staff_id", "reference_staff_id"),
    )


class PlanGoal(VersionedMixin, Base):
    """A goal of the individual plan, in one domain."""

    __tablename__ = "plan_goal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pathway_id: Mapped[int] = mapped_column(
        ForeignKey("pathway.id", ondelete="CASCADE"), nullable=False, index=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey(_PERSON_FK, ondelete="CASCADE"), nullable=False, index=True
    )
    domain: Mapped[PlanDomain] = mapped_column(
        enum_column(PlanDomain, "plan_domain"), nullable=False
    )
    description: Mapped[str] = mapped_column(Text, nullable=False)


class PlanAction(VersionedMixin, Base):
    """An action toward a goal: who is responsible, by when, how it is going."""

    __tablename__ = "plan_action"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("plan_goal.id", ondelete="CASCADE"), nullable=False, index=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey(_PERSON_FK, ondelete="CASCADE"), nullable=False, index=True
    )
    description: Mapped[str] = mapped_column(String(500), nullable=False)
    responsible_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id"))
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[ActionStatus] = mapped_column(
        enum_column(ActionStatus, "action_status"), nullable=False
    )
    progress_notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        # Home's overdue actions of an operator: by responsible, open ones, by due date.
        Index("ix_plan_action_responsible_due", "responsible_staff_id", "status", "due_date"),
    )


class PlanReview(VersionedMixin, Base):
    """A review meeting of the plan, with its minutes."""

    __tablename__ = "plan_review"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pathway_id: Mapped[int] = mapped_column(
        ForeignKey("pathway.id", ondelete="CASCADE"), nullable=False, index=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey(_PERSON_FK, ondelete="CASCADE"), nullable=False, index=True
    )
    held_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    minutes: Mapped[str] = mapped_column(Text, nullable=False)


class AutonomyAssessment(VersionedMixin, Base):
    """The person's autonomy, 1 (none) to 5 (full), in each domain, at entry, at a review
    or at exit (at most one entry and one exit assessment per percorso)."""

    __tablename__ = "autonomy_assessment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pathway_id: Mapped[int] = mapped_column(
        ForeignKey("pathway.id", ondelete="CASCADE"), nullable=False, index=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey(_PERSON_FK, ondelete="CASCADE"), nullable=False, index=True
    )
    assessed_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    moment: Mapped[AssessmentMoment] = mapped_column(
        enum_column(AssessmentMoment, "assessment_moment"), nullable=False
    )
    score_language: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    score_training: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    score_work: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    score_housing: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    score_health: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    score_documents: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        *(
            CheckConstraint(f"{column} BETWEEN 1 AND 5", name=f"{column}_range")
            for column in SCORE_COLUMNS.values()
        ),
        Index(
            "ux_autonomy_assessment_once",
            "pathway_id",
            "moment",
            unique=True,
            sqlite_where=text("moment <> 'verifica'"),
            postgresql_where=text("moment <> 'verifica'"),
        ),
    )


class Course(VersionedMixin, Base):
    """A course (Italian language, vocational training...) run by a provider."""

    __tablename__ = "course"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200), nullable=False, unique=True)
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    planned_hours: Mapped[int] = mapped_column(Integer, nullable=False)
    start_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    end_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    # The attestato di frequenza is printed from this share of the hours held.
    certificate_threshold: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="end_after_start"),
        CheckConstraint("planned_hours > 0", name="planned_hours_positive"),
        CheckConstraint(
            "certificate_threshold BETWEEN 1 AND 100", name="certificate_threshold_range"
        ),
    )


class CourseSession(VersionedMixin, Base):
    """One lesson of a course: its day and length (minutes)."""

    __tablename__ = "course_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    course_id: Mapped[int] = mapped_column(
        ForeignKey("course.id", ondelete="CASCADE"), nullable=False
    )
    held_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    topic: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (
        CheckConstraint("minutes > 0 AND minutes <= 1440", name="minutes_range"),
        Index("ix_course_session_course_id", "course_id", "held_on"),
    )


class CourseEnrolment(VersionedMixin, Base):
    __tablename__ = "course_enrolment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    course_id: Mapped[int] = mapped_column(
        ForeignKey("course.id", ondelete="CASCADE"), nullable=False
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey(_PERSON_FK, ondelete="CASCADE"), nullable=False, index=True
    )
    enrolled_on: Mapped[dt.date] = mapped_column(Date, nullable=False)

    __table_args__ = (UniqueConstraint("course_id", "person_id"),)


class CourseAttendance(VersionedMixin, Base):
    """The minutes a person attended of one session (0 = absent)."""

    __tablename__ = "course_attendance"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("course_enrolment.id", ondelete="CASCADE"), nullable=False
    )
    session_id: Mapped[int] = mapped_column(
        ForeignKey("course_session.id", ondelete="CASCADE"), nullable=False, index=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey(_PERSON_FK, ondelete="CASCADE"), nullable=False, index=True
    )
    minutes: Mapped[int] = mapped_column(Integer, nullable=False)

    __table_args__ = (
        UniqueConstraint("enrolment_id", "session_id"),
        CheckConstraint("minutes >= 0", name="minutes_non_negative"),
    )


class Tirocinio(VersionedMixin, Base):
    """A tirocinio di inclusione at a host organisation. The monthly indemnity is
    ``monthly_indemnity`` for the planned monthly hours, scaled by the hours attended
    (never above it), and nothing in a month below ``minimum_attendance`` per cent."""

    __tablename__ = "tirocinio"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey(_PERSON_FK, ondelete="CASCADE"), nullable=False, index=True
    )
    host_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), nullable=False)
    tutor: Mapped[str | None] = mapped_column(String(200))
    start_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    end_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    monthly_hours: Mapped[int] = mapped_column(Integer, nullable=False)
    # None until the coordinator sets it (money is theirs to write).
    monthly_indemnity: Mapped[Decimal | None] = mapped_column(Money)
    minimum_attendance: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    objectives: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="end_after_start"),
        CheckConstraint("monthly_hours > 0 AND monthly_hours <= 744", name="monthly_hours_range"),
        CheckConstraint("minimum_attendance BETWEEN 0 AND 100", name="minimum_attendance_range"),
        non_negative("monthly_indemnity"),
        Index("ix_tirocinio_host_id", "host_id"),
    )


class TirocinioMonth(VersionedMixin, Base):
    """The hours attended in one month (``month`` is its first day)."""

    __tablename__ = "tirocinio_month"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tirocinio_id: Mapped[int] = mapped_column(
        ForeignKey("tirocinio.id", ondelete="CASCADE"), nullable=False
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey(_PERSON_FK, ondelete="CASCADE"), nullable=False, index=True
    )
    month: Mapped[dt.date] = mapped_column(Date, nullable=False)
    hours_attended: Mapped[int] = mapped_column(Integer, nullable=False)

    __table_args__ = (
        UniqueConstraint("tirocinio_id", "month"),
        CheckConstraint("hours_attended >= 0 AND hours_attended <= 744", name="hours_range"),
    )


class TirocinioPayment(VersionedMixin, Base):
    """The indemnity paid for one month (it becomes an expenditure of the convention)."""

    __tablename__ = "tirocinio_payment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tirocinio_id: Mapped[int] = mapped_column(
        ForeignKey("tirocinio.id", ondelete="CASCADE"), nullable=False
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey(_PERSON_FK, ondelete="CASCADE"), nullable=False, index=True
    )
    month: Mapped[dt.date] = mapped_column(Date, nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money, nullable=False)
    paid_on: Mapped[dt.date] = mapped_column(Date, nullable=False)

    __table_args__ = (
        UniqueConstraint("tirocinio_id", "month"),
        non_negative("amount"),
        Index("ix_tirocinio_payment_paid_on", "paid_on"),
    )
