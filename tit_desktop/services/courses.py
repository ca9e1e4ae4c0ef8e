"""Courses: the registry (title, provider, planned hours, dates, sessions), enrolments,
attendance per session and the attestato di frequenza.

Attendance is recorded per session in minutes (0 = absent), never more than the session
lasts, and only for sessions within the course's dates (sessions are refused outside them).
The attestato prints when the hours attended reach the course's threshold (a share of the
hours of the sessions held, set per course, 70% unless changed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tit_desktop.models import Organisation, Person
from tit_desktop.models.pathways import Course, CourseAttendance, CourseEnrolment, CourseSession
from tit_desktop.reports import pathway_forms
from tit_desktop.services import clock, conflicts, forms, persons, timeline
from tit_desktop.services.database import STALE_MESSAGE
from tit_desktop.services.errors import (
    ConflictError,
    NotFound,
    StaleRecord,
    ValidationError,
    register_labels,
)
from tit_desktop.services.pathways import fmt
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.text import character_problem, clean

register_labels(
    {
        "title": "Titolo",
        "provider_id": "Ente",
        "planned_hours": "Ore previste",
        "start_date": "Inizio",
        "end_date": "Fine",
        "certificate_threshold": "Soglia per l'attestato",
        "minutes": "Durata",
        "topic": "Argomento",
        "enrolled_on": "Data di iscrizione",
        "course": "Corso",
    }
)

DEFAULT_THRESHOLD = 70
MAX_TITLE = 200


def minutes_text(minutes: int) -> str:
    """ "2 h 30 min", "3 h"."""
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"


def parse_duration(text: str) -> int:
    """Minutes from "2", "2,5", "2.5", "2:30" (hours); ValueError when it cannot be read."""
    value = text.strip().replace(" ", "")
    if not value:
        raise ValueError("vuoto")
    if ":" in value:
        hours, _, minutes = value.partition(":")
        if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
            raise ValueError(text)
        if int(minutes) >= 60:
            raise ValueError(text)
        return int(hours) * 60 + int(minutes)
    number = float(value.replace(",", "."))
    if number < 0 or number != number:
        raise ValueError(text)
    return round(number * 60)


@dataclass(frozen=True)
class CourseInput:
    title: str = ""
    provider_id: int | None = None
    planned_hours: int | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    certificate_threshold: int = DEFAULT_THRESHOLD
    notes: str | None = None


def _check_course(session: Session, data: CourseInput, course_id: int | None) -> CourseInput:
    errors: dict[str, str] = {}
    title = clean(data.title) or ""
    if not title:
        errors["title"] = "campo obbligatorio"
    elif len(title) > MAX_TITLE:
        errors["title"] = f"al massimo {MAX_TITLE} caratteri"
    elif problem := character_problem(title):
        errors["title"] = problem
    else:
        other = session.scalar(
            select(Course).where(
                func.lower(Course.title) == title.lower(), Course.id != (course_id or 0)
            )
        )
        if other is not None:
            errors["title"] = f"esiste già un corso con questo titolo (dal {fmt(other.start_date)})"
    if data.planned_hours is None:
        errors["planned_hours"] = "campo obbligatorio"
    elif not 0 < data.planned_hours <= 5000:
        errors["planned_hours"] = "da 1 a 5000 ore"
    for name in ("start_date", "end_date"):
        if getattr(data, name) is None:
            errors[name] = "campo obbligatorio"
    if data.start_date and data.end_date and data.end_date < data.start_date:
        errors["end_date"] = (
            f"la fine ({fmt(data.end_date)}) non può precedere l'inizio ({fmt(data.start_date)})"
        )
    if data.start_date and data.start_date < persons.EARLIEST_RECORD_DATE:
        errors["start_date"] = f"data non plausibile: dal {fmt(persons.EARLIEST_RECORD_DATE)}"
    if not 1 <= data.certificate_threshold <= 100:
        errors["certificate_threshold"] = "una percentuale da 1 a 100"
    if data.provider_id is not None and session.get(Organisation, data.provider_id) is None:
        errors["provider_id"] = "ente non trovato"
    notes = (data.notes or "").strip() or None
    if notes and (problem := character_problem(notes)):
        errors["notes"] = problem
    if course_id is not None and data.start_date and data.end_date and not errors:
        outside = session.scalar(
            select(CourseSession.held_on)
            .where(
                CourseSession.course_id == course_id,
                (CourseSession.held_on < data.start_date) | (CourseSession.held_on > data.end_date),
            )
            .limit(1)
        )
        if outside is not None:
            errors["start_date" if outside < data.start_date else "end_date"] = (
                f"la lezione del {fmt(outside)} resterebbe fuori dalle date del corso"
            )
    if errors:
        raise ValidationError(errors)
    return replace(data, title=title, notes=notes)


def create_course(session: Session, actor: Actor, data: CourseInput) -> int:
    require(actor, Permission.WRITE_REGISTRY)
    data = _check_course(session, data, None)
    course = Course(**data.__dict__)
    session.add(course)
    session.flush()
    return course.id


def _course(session: Session, course_id: int, version: int | None = None) -> Course:
    course = session.get(Course, course_id)
    if course is None:
        raise NotFound("Corso non trovato (forse eliminato da un altro utente).")
    if version is not None and course.version != version:
        raise StaleRecord(STALE_MESSAGE)
    return course


def update_course(
    session: Session, actor: Actor, course_id: int, version: int, data: CourseInput
) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    course = _course(session, course_id, version)
    data = _check_course(session, data, course_id)
    for key, value in data.__dict__.items():
        setattr(course, key, value)
    session.flush()


def delete_course(session: Session, actor: Actor, course_id: int, version: int) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    course = _course(session, course_id, version)
    enrolled = session.scalar(
        select(func.count())
        .select_from(CourseEnrolment)
        .where(CourseEnrolment.course_id == course_id)
    )
    if enrolled:
        raise ConflictError(
            f"Il corso «{course.title}» ha {enrolled} iscritti: togliere prima le iscrizioni."
        )
    session.delete(course)
    session.flush()


@conflicts.explains("uq_course_title")
def _title_taken(session: Session, violation: conflicts.Violation) -> str | None:
    titles = violation.values("title")
    if not titles:
        return None
    other = session.scalar(select(Course).where(Course.title == titles[0]))
    return f"Esiste già il corso «{other.title}»." if other else None


# --- sessions --------------------------------------------------------------------------------


def _check_session(
    course: Course, held_on: dt.date | None, minutes: int | None, topic: str | None
) -> str | None:
    errors: dict[str, str] = {}
    if held_on is None:
        errors["held_on"] = "campo obbligatorio"
    elif not course.start_date <= held_on <= course.end_date:
        errors["held_on"] = (
            f"fuori dalle date del corso (dal {fmt(course.start_date)} al {fmt(course.end_date)})"
        )
    if minutes is None:
        errors["minutes"] = "campo obbligatorio"
    elif not 0 < minutes <= 24 * 60:
        errors["minutes"] = "da pochi minuti a 24 ore"
    text = clean(topic)
    if text and (problem := character_problem(text)):
        errors["topic"] = problem
    if errors:
        raise ValidationError(errors)
    return text


def add_session(
    session: Session,
    actor: Actor,
    course_id: int,
    held_on: dt.date | None,
    minutes: int | None,
    topic: str | None = None,
) -> int:
    require(actor, Permission.WRITE_REGISTRY)
    course = _course(session, course_id)
    text = _check_session(course, held_on, minutes, topic)
    row = CourseSession(course_id=course.id, held_on=held_on, minutes=minutes, topic=text)
    session.add(row)
    session.flush()
    return row.id


def update_session(
    session: Session,
    actor: Actor,
    session_id: int,
    version: int,
    held_on: dt.date | None,
    minutes: int | None,
    topic: str | None = None,
) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    row = session.get(CourseSession, session_id)
    if row is None:
        raise NotFound("Lezione non trovata (forse eliminata da un altro utente).")
    if row.version != version:
        raise StaleRecord(STALE_MESSAGE)
    text = _check_session(_course(session, row.course_id), held_on, minutes, topic)
    longest = session.scalar(
        select(func.max(CourseAttendance.minutes)).where(CourseAttendance.session_id == row.id)
    )
    if minutes is not None and longest is not None and longest > minutes:
        raise ValidationError(
            {"minutes": f"una presenza registrata è di {minutes_text(longest)}: più della durata"}
        )
    row.held_on = held_on  # type: ignore[assignment]
    row.minutes = minutes  # type: ignore[assignment]
    row.topic = text
    session.flush()


def delete_session(session: Session, actor: Actor, session_id: int, version: int) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    row = session.get(CourseSession, session_id)
    if row is None:
        raise NotFound("Lezione non trovata (forse eliminata da un altro utente).")
    if row.version != version:
        raise StaleRecord(STALE_MESSAGE)
    session.delete(row)
    session.flush()


# --- enrolments and attendance ---------------------------------------------------------------


def enrol(
    session: Session, actor: Actor, course_id: int, person_code: str, enrolled_on: dt.date | None
) -> int:
    require(actor, Permission.WRITE_REGISTRY)
    course = _course(session, course_id)
    person_id = persons.find_id_by_code(session, person_code) if person_code.strip() else None
    errors: dict[str, str] = {}
    if person_id is None:
        errors["person"] = (
            f"nessuna persona con codice «{person_code.strip()}»"
            if person_code.strip()
            else "campo obbligatorio"
        )
    if enrolled_on is None:
        errors["enrolled_on"] = "campo obbligatorio"
    if errors:
        raise ValidationError(errors)
    assert person_id is not None and enrolled_on is not None
    person = persons.editable_person(session, person_id)
    if enrolled_on < person.intake_date:
        raise ValidationError(
            {
                "enrolled_on": f"l'iscrizione ({fmt(enrolled_on)}) non può precedere la presa in "
                f"carico ({fmt(person.intake_date)})"
            }
        )
    if enrolled_on > course.end_date:
        raise ValidationError({"enrolled_on": f"il corso è finito il {fmt(course.end_date)}"})
    existing = session.scalar(
        select(CourseEnrolment).where(
            CourseEnrolment.course_id == course.id, CourseEnrolment.person_id == person.id
        )
    )
    if existing is not None:
        raise ConflictError(
            f"{person.display_name} ({person.code}) è già iscritta/o al corso «{course.title}» "
            f"dal {fmt(existing.enrolled_on)}."
        )
    row = CourseEnrolment(course_id=course.id, person_id=person.id, enrolled_on=enrolled_on)
    session.add(row)
    session.flush()
    return row.id


@conflicts.explains("uq_course_enrolment_course_id_person_id")
def _enrolled_twice(session: Session, violation: conflicts.Violation) -> str | None:
    pairs = violation.pairs("course_id", "person_id")
    if not pairs:
        return None
    course = session.get(Course, pairs[0][0])
    person = session.get(Person, pairs[0][1])
    if course is None or person is None:
        return None
    return f"{person.display_name} ({person.code}) è già iscritta/o al corso «{course.title}»."


def unenrol(session: Session, actor: Actor, enrolment_id: int, version: int) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    row = session.get(CourseEnrolment, enrolment_id)
    if row is None:
        raise NotFound("Iscrizione non trovata (forse tolta da un altro utente).")
    if row.version != version:
        raise StaleRecord(STALE_MESSAGE)
    session.delete(row)
    session.flush()


def record_attendance(
    session: Session, actor: Actor, session_id: int, minutes: Mapping[int, int | None]
) -> int:
    """The minutes each enrolled person attended of the session (by enrolment id; None
    clears the record). All or nothing: one wrong value refuses the whole list, naming the
    person. Returns the number of records written."""
    require(actor, Permission.WRITE_REGISTRY)
    lesson = session.get(CourseSession, session_id)
    if lesson is None:
        raise NotFound("Lezione non trovata (forse eliminata da un altro utente).")
    course = _course(session, lesson.course_id)
    enrolments = {
        e.id: e
        for e in session.scalars(
            select(CourseEnrolment).where(CourseEnrolment.id.in_(list(minutes)))
        )
    }
    people = {
        p.id: p
        for p in session.scalars(
            select(Person).where(Person.id.in_([e.person_id for e in enrolments.values()]))
        )
    }
    errors: dict[str, str] = {}
    for enrolment_id, value in minutes.items():
        enrolment = enrolments.get(enrolment_id)
        if enrolment is None or enrolment.course_id != course.id:
            errors[f"attendance_{enrolment_id}"] = "iscrizione non trovata in questo corso"
            continue
        person = people[enrolment.person_id]
        who = f"{person.display_name} ({person.code})"
        if value is None:
            continue
        if value < 0:
            errors[f"attendance_{enrolment_id}"] = f"{who}: durata negativa"
        elif value > lesson.minutes:
            errors[f"attendance_{enrolment_id}"] = (
                f"{who}: {minutes_text(value)} sono più della durata della lezione "
                f"({minutes_text(lesson.minutes)})"
            )
        elif value > 0 and lesson.held_on < person.intake_date:
            errors[f"attendance_{enrolment_id}"] = (
                f"{who}: la lezione del {fmt(lesson.held_on)} precede la presa in carico "
                f"({fmt(person.intake_date)})"
            )
        elif person.anonymised_at is not None:
            errors[f"attendance_{enrolment_id}"] = f"{who}: scheda anonimizzata"
    if errors:
        raise ValidationError(errors)
    existing = {
        a.enrolment_id: a
        for a in session.scalars(
            select(CourseAttendance).where(CourseAttendance.session_id == lesson.id)
        )
    }
    written = 0
    for enrolment_id, value in minutes.items():
        row = existing.get(enrolment_id)
        if value is None:
            if row is not None:
                session.delete(row)
                written += 1
            continue
        if row is None:
            session.add(
                CourseAttendance(
                    enrolment_id=enrolment_id,
                    session_id=lesson.id,
                    person_id=enrolments[enrolment_id].person_id,
                    minutes=value,
                )
            )
            written += 1
        elif row.minutes != value:
            row.minutes = value
            written += 1
    session.flush()
    return written


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CourseRow:
    id: int
    version: int
    title: str
    provider_id: int | None
    provider: str
    planned_hours: int
    start_date: dt.date
    end_date: dt.date
    certificate_threshold: int
    notes: str
    sessions: int
    enrolled: int
    held_minutes: int


def list_courses(session: Session, actor: Actor) -> list[CourseRow]:
    require(actor, Permission.READ_REGISTRY)
    sessions = (
        select(
            CourseSession.course_id,
            func.count().label("n"),
            func.coalesce(func.sum(CourseSession.minutes), 0).label("minutes"),
        )
        .group_by(CourseSession.course_id)
        .subquery()
    )
    enrolled = (
        select(CourseEnrolment.course_id, func.count().label("n"))
        .group_by(CourseEnrolment.course_id)
        .subquery()
    )
    query = (
        select(
            Course,
            Organisation.name,
            func.coalesce(sessions.c.n, 0),
            func.coalesce(sessions.c.minutes, 0),
            func.coalesce(enrolled.c.n, 0),
        )
        .outerjoin(Organisation, Organisation.id == Course.provider_id)
        .outerjoin(sessions, sessions.c.course_id == Course.id)
        .outerjoin(enrolled, enrolled.c.course_id == Course.id)
        .order_by(Course.start_date.desc(), Course.title)
    )
    return [
        CourseRow(
            c.id,
            c.version,
            c.title,
            c.provider_id,
            provider or "",
            c.planned_hours,
            c.start_date,
            c.end_date,
            c.certificate_threshold,
            c.notes or "",
            int(n_sessions),
            int(n_enrolled),
            int(held),
        )
        for c, provider, n_sessions, held, n_enrolled in session.execute(query).all()
    ]


def get_course(session: Session, actor: Actor, course_id: int) -> CourseRow:
    for row in list_courses(session, actor):
        if row.id == course_id:
            return row
    raise NotFound("Corso non trovato (forse eliminato da un altro utente).")


@dataclass(frozen=True)
class SessionRow:
    id: int
    version: int
    held_on: dt.date
    minutes: int
    topic: str
    present: int


def sessions_of(session: Session, actor: Actor, course_id: int) -> list[SessionRow]:
    require(actor, Permission.READ_REGISTRY)
    present = (
        select(CourseAttendance.session_id, func.count().label("n"))
        .where(CourseAttendance.minutes > 0)
        .group_by(CourseAttendance.session_id)
        .subquery()
    )
    query = (
        select(CourseSession, func.coalesce(present.c.n, 0))
        .outerjoin(present, present.c.session_id == CourseSession.id)
        .where(CourseSession.course_id == course_id)
        .order_by(CourseSession.held_on, CourseSession.id)
    )
    return [
        SessionRow(s.id, s.version, s.held_on, s.minutes, s.topic or "", int(n))
        for s, n in session.execute(query).all()
    ]


@dataclass(frozen=True)
class EnrolmentRow:
    id: int
    version: int
    course_id: int
    person_id: int
    code: str
    name: str
    enrolled_on: dt.date
    attended_minutes: int
    held_minutes: int
    threshold: int

    @property
    def share(self) -> int:
        """Per cent of the hours held that the person attended (rounded down)."""
        return self.attended_minutes * 100 // self.held_minutes if self.held_minutes else 0

    @property
    def certificate_due(self) -> bool:
        return self.held_minutes > 0 and self.attended_minutes * 100 >= (
            self.threshold * self.held_minutes
        )


def enrolments_of(
    session: Session, actor: Actor, course_id: int | None = None, person_id: int | None = None
) -> list[EnrolmentRow]:
    require(actor, Permission.READ_REGISTRY)
    held = (
        select(CourseSession.course_id, func.sum(CourseSession.minutes).label("minutes"))
        .group_by(CourseSession.course_id)
        .subquery()
    )
    attended = (
        select(CourseAttendance.enrolment_id, func.sum(CourseAttendance.minutes).label("minutes"))
        .group_by(CourseAttendance.enrolment_id)
        .subquery()
    )
    query = (
        select(
            CourseEnrolment,
            Person.code,
            Person.last_name,
            Person.first_name,
            func.coalesce(attended.c.minutes, 0),
            func.coalesce(held.c.minutes, 0),
            Course.certificate_threshold,
        )
        .join(Person, Person.id == CourseEnrolment.person_id)
        .join(Course, Course.id == CourseEnrolment.course_id)
        .outerjoin(attended, attended.c.enrolment_id == CourseEnrolment.id)
        .outerjoin(held, held.c.course_id == CourseEnrolment.course_id)
        .order_by(Person.sort_key, CourseEnrolment.id)
    )
    if course_id is not None:
        query = query.where(CourseEnrolment.course_id == course_id)
    if person_id is not None:
        query = query.where(CourseEnrolment.person_id == person_id)
    return [
        EnrolmentRow(
            e.id,
            e.version,
            e.course_id,
            e.person_id,
            code,
            f"{last} {first}",
            e.enrolled_on,
            int(att),
            int(hld),
            int(threshold),
        )
        for e, code, last, first, att, hld, threshold in session.execute(query).all()
    ]


def attendance_of_session(session: Session, actor: Actor, session_id: int) -> dict[int, int]:
    """Minutes recorded for the session, by enrolment id."""
    require(actor, Permission.READ_REGISTRY)
    return dict(
        session.execute(
            select(CourseAttendance.enrolment_id, CourseAttendance.minutes).where(
                CourseAttendance.session_id == session_id
            )
        ).all()
    )


def provider_choices(session: Session, actor: Actor) -> list[tuple[int, str]]:
    return persons.organisation_choices(session, actor)


# --- timeline --------------------------------------------------------------------------------


def _timeline(session: Session, actor: Actor, person_id: int) -> list[timeline.TimelineEvent]:
    events = []
    titles = dict(session.execute(select(Course.id, Course.title)).all())
    ends = dict(session.execute(select(Course.id, Course.end_date)).all())
    for row in enrolments_of(session, actor, person_id=person_id):
        course_id = row.course_id
        detail = f"frequentate {minutes_text(row.attended_minutes)}"
        if row.held_minutes:
            detail += f" su {minutes_text(row.held_minutes)} ({row.share}%)"
        events.append(
            timeline.TimelineEvent(
                row.enrolled_on,
                "courses",
                f"Corso «{titles.get(course_id, '')}»",
                detail,
                ends.get(course_id),
                "course_enrolment",
                row.id,
            )
        )
    return events


timeline.register_provider("courses", "Corsi", _timeline)


# --- the attestato di frequenza --------------------------------------------------------------


def _fill_certificate(
    session: Session,
    actor: Actor,
    selection: Mapping[str, str],
    lang: str,
    out: str | Path | IO[bytes],
) -> forms.Printed:
    person_id = forms.person_id_for_code(session, selection["person"])
    title = selection["course"]
    course = session.scalar(select(Course).where(func.lower(Course.title) == title.strip().lower()))
    if course is None:
        raise NotFound(f"Nessun corso con titolo «{title}».")
    rows = enrolments_of(session, actor, course_id=course.id, person_id=person_id)
    if not rows:
        raise ValidationError({"course": f"la persona non è iscritta al corso «{course.title}»"})
    row = rows[0]
    if not row.certificate_due:
        raise ValidationError(
            {
                "course": f"frequenza del {row.share}% ({minutes_text(row.attended_minutes)} su "
                f"{minutes_text(row.held_minutes)}): sotto la soglia del "
                f"{course.certificate_threshold}% per l'attestato"
            }
        )
    person = session.get(Person, person_id)
    assert person is not None
    provider = session.get(Organisation, course.provider_id) if course.provider_id else None
    pathway_forms.render_certificate(
        pathway_forms.CertificateDocument(
            person_code=person.code,
            person_name=f"{person.first_name} {person.last_name}",
            birth_date=person.birth_date,
            birth_place=persons.place_label(person.birth_place_code, person.birth_place_text),
            course_title=course.title,
            provider=provider.name if provider else "",
            start_date=course.start_date,
            end_date=course.end_date,
            planned_hours=course.planned_hours,
            held_minutes=row.held_minutes,
            attended_minutes=row.attended_minutes,
            threshold=course.certificate_threshold,
            document_date=clock.today(),
        ),
        out,
    )
    return forms.Printed("course_enrolment", row.id, person_id)


forms.register_filler(pathway_forms.CERTIFICATE_FORM, _fill_certificate)
