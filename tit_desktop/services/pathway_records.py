"""What the percorsi, courses and tirocini hold about a person, for the access request, and
what the anonymisation clears (free text written about the person; the dates, destinations,
scores, hours and amounts stay for the statistics)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tit_desktop.models import Course, Organisation, StaffMember
from tit_desktop.models.pathways import (
    SCORE_COLUMNS,
    AutonomyAssessment,
    CourseAttendance,
    CourseEnrolment,
    CourseSession,
    Pathway,
    PlanAction,
    PlanGoal,
    PlanReview,
    Tirocinio,
    TirocinioMonth,
    TirocinioPayment,
)
from tit_desktop.services.gdpr import registry
from tit_desktop.services.permissions import Actor


def _staff_name(session: Session, staff_id: int | None) -> str:
    staff = session.get(StaffMember, staff_id) if staff_id else None
    return staff.display_name if staff else ""


def _pathways(session: Session, person_id: int) -> registry.Section:
    rows: list[dict[str, Any]] = []
    for p in session.scalars(
        select(Pathway).where(Pathway.person_id == person_id).order_by(Pathway.entry_date)
    ):
        rows.append(
            {
                "record": "percorso",
                "date": p.entry_date,
                "until": p.exit_date,
                "what": p.actions or "",
                "detail": (p.exit_destination.value if p.exit_destination else "")
                + (f" ({p.exit_reason})" if p.exit_reason else ""),
                "staff": _staff_name(session, p.reference_staff_id),
            }
        )
    for goal in session.scalars(
        select(PlanGoal).where(PlanGoal.person_id == person_id).order_by(PlanGoal.id)
    ):
        rows.append(
            {
                "record": f"obiettivo ({goal.domain.value})",
                "date": None,
                "until": None,
                "what": goal.description,
                "detail": "",
                "staff": "",
            }
        )
    for action in session.scalars(
        select(PlanAction).where(PlanAction.person_id == person_id).order_by(PlanAction.id)
    ):
        rows.append(
            {
                "record": "azione del piano",
                "date": None,
                "until": action.due_date,
                "what": action.description,
                "detail": f"{action.status.value}"
                + (f": {action.progress_notes}" if action.progress_notes else ""),
                "staff": _staff_name(session, action.responsible_staff_id),
            }
        )
    for review in session.scalars(
        select(PlanReview).where(PlanReview.person_id == person_id).order_by(PlanReview.held_on)
    ):
        rows.append(
            {
                "record": "verifica del piano",
                "date": review.held_on,
                "until": None,
                "what": review.minutes,
                "detail": "",
                "staff": "",
            }
        )
    for a in session.scalars(
        select(AutonomyAssessment)
        .where(AutonomyAssessment.person_id == person_id)
        .order_by(AutonomyAssessment.assessed_on)
    ):
        scores = ", ".join(
            f"{domain.value} {getattr(a, column)}" for domain, column in SCORE_COLUMNS.items()
        )
        rows.append(
            {
                "record": f"autonomia ({a.moment.value})",
                "date": a.assessed_on,
                "until": None,
                "what": scores,
                "detail": a.notes or "",
                "staff": "",
            }
        )
    return registry.Section(
        "Percorsi, piano individuale e autonomia",
        rows,
        (
            ("record", "Dato"),
            ("date", "Data"),
            ("until", "Fino al"),
            ("what", "Contenuto"),
            ("detail", "Dettagli"),
            ("staff", "Operatore"),
        ),
    )


def _scrub_pathways(session: Session, actor: Actor, person_id: int) -> None:
    for p in session.scalars(select(Pathway).where(Pathway.person_id == person_id)):
        p.actions = None
        p.exit_reason = None
    for goal in session.scalars(select(PlanGoal).where(PlanGoal.person_id == person_id)):
        goal.description = "***"
    for action in session.scalars(select(PlanAction).where(PlanAction.person_id == person_id)):
        action.description = "***"
        action.progress_notes = None
    for review in session.scalars(select(PlanReview).where(PlanReview.person_id == person_id)):
        review.minutes = "***"
    for a in session.scalars(
        select(AutonomyAssessment).where(AutonomyAssessment.person_id == person_id)
    ):
        a.notes = None
    session.flush()


def _courses(session: Session, person_id: int) -> registry.Section:
    rows: list[dict[str, Any]] = []
    query = (
        select(CourseEnrolment, Course)
        .join(Course, Course.id == CourseEnrolment.course_id)
        .where(CourseEnrolment.person_id == person_id)
        .order_by(Course.start_date)
    )
    for enrolment, course in session.execute(query).all():
        attended = session.execute(
            select(CourseSession.held_on, CourseAttendance.minutes)
            .join(CourseSession, CourseSession.id == CourseAttendance.session_id)
            .where(CourseAttendance.enrolment_id == enrolment.id)
            .order_by(CourseSession.held_on)
        ).all()
        provider = session.get(Organisation, course.provider_id) if course.provider_id else None
        rows.append(
            {
                "course": course.title,
                "provider": provider.name if provider else "",
                "enrolled_on": enrolment.enrolled_on,
                "attendance": "; ".join(
                    f"{day:%d/%m/%Y} {minutes // 60}h{minutes % 60:02d}"
                    for day, minutes in attended
                ),
            }
        )
    return registry.Section(
        "Corsi e presenze",
        rows,
        (
            ("course", "Corso"),
            ("provider", "Ente"),
            ("enrolled_on", "Iscrizione"),
            ("attendance", "Presenze"),
        ),
    )


def _tirocini(session: Session, person_id: int) -> registry.Section:
    rows: list[dict[str, Any]] = []
    for t in session.scalars(
        select(Tirocinio).where(Tirocinio.person_id == person_id).order_by(Tirocinio.start_date)
    ):
        host = session.get(Organisation, t.host_id)
        months = session.scalars(
            select(TirocinioMonth)
            .where(TirocinioMonth.tirocinio_id == t.id)
            .order_by(TirocinioMonth.month)
        ).all()
        payments = session.scalars(
            select(TirocinioPayment)
            .where(TirocinioPayment.tirocinio_id == t.id)
            .order_by(TirocinioPayment.month)
        ).all()
        rows.append(
            {
                "host": host.name if host else "",
                "tutor": t.tutor or "",
                "start_date": t.start_date,
                "end_date": t.end_date,
                "monthly_hours": t.monthly_hours,
                "attendance": "; ".join(f"{m.month:%m/%Y} {m.hours_attended}h" for m in months),
                "payments": "; ".join(
                    f"{p.month:%m/%Y} {p.amount} EUR ({p.paid_on:%d/%m/%Y})" for p in payments
                ),
            }
        )
    return registry.Section(
        "Tirocini di inclusione",
        rows,
        (
            ("host", "Ente ospitante"),
            ("tutor", "Tutor"),
            ("start_date", "Inizio"),
            ("end_date", "Fine"),
            ("monthly_hours", "Ore mensili"),
            ("attendance", "Presenze"),
            ("payments", "Pagamenti"),
        ),
    )


def _scrub_tirocini(session: Session, actor: Actor, person_id: int) -> None:
    for t in session.scalars(select(Tirocinio).where(Tirocinio.person_id == person_id)):
        t.objectives = None
    session.flush()


registry.register_section(
    "pathways",
    _pathways,
    anonymise=_scrub_pathways,
    entities=[
        registry.LinkedEntity("pathway", identifying=frozenset({"actions", "exit_reason"})),
        registry.LinkedEntity("plan_goal", identifying=frozenset({"description"})),
        registry.LinkedEntity(
            "plan_action", identifying=frozenset({"description", "progress_notes"})
        ),
        registry.LinkedEntity("plan_review", identifying=frozenset({"minutes"})),
        registry.LinkedEntity("autonomy_assessment", identifying=frozenset({"notes"})),
    ],
    order=40,
)
registry.register_section(
    "courses",
    _courses,
    entities=[
        registry.LinkedEntity("course_enrolment"),
        registry.LinkedEntity("course_attendance"),
    ],
    order=41,
)
registry.register_section(
    "tirocini",
    _tirocini,
    anonymise=_scrub_tirocini,
    entities=[
        registry.LinkedEntity("tirocinio", identifying=frozenset({"objectives"})),
        registry.LinkedEntity("tirocinio_month"),
        registry.LinkedEntity("tirocinio_payment"),
    ],
    order=42,
)
