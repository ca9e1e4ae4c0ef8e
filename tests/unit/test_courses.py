"""Courses: sessions within the course's dates, attendance never above the session, hours
attended, the attestato above the course's threshold (PDF read back), the timeline."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy import select

from tests.unit.pathway_helpers import make_org, make_person, pdf_text
from tit_desktop.models import AuditEntry
from tit_desktop.models.pathways import CourseAttendance
from tit_desktop.services import clock, courses, forms, timeline
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ConflictError, ValidationError
from tit_desktop.services.permissions import Actor

D = dt.date


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: D(2025, 7, 1))


def _course(db: Database, admin: Actor, threshold: int = 70) -> int:
    provider = make_org(db, admin, "CPIA Ancona")
    with db.transaction(admin) as session:
        return courses.create_course(
            session,
            admin,
            courses.CourseInput(
                "Italiano A2", provider, 40, D(2025, 3, 1), D(2025, 5, 31), threshold
            ),
        )


def test_durations_are_read_as_typed() -> None:
    assert courses.parse_duration("2") == 120
    assert courses.parse_duration("2,5") == 150
    assert courses.parse_duration("1:45") == 105
    for bad in ("", "abc", "1:75", "-1"):
        with pytest.raises(ValueError):
            courses.parse_duration(bad)


def test_course_rules_are_named(db: Database, admin: Actor) -> None:
    course_id = _course(db, admin)
    with pytest.raises(ValidationError) as err, db.transaction(admin) as session:
        courses.create_course(
            session,
            admin,
            courses.CourseInput("italiano a2", None, 0, D(2025, 5, 1), D(2025, 4, 1)),
        )
    assert "esiste già un corso" in err.value.fields["title"]
    assert "non può precedere l'inizio" in err.value.fields["end_date"]
    assert "planned_hours" in err.value.fields
    with pytest.raises(ValidationError) as err, db.transaction(admin) as session:
        courses.add_session(session, admin, course_id, D(2025, 6, 2), 120)
    assert (
        "fuori dalle date del corso (dal 01/03/2025 al 31/05/2025)" in err.value.fields["held_on"]
    )


def test_attendance_hours_and_the_certificate(db: Database, admin: Actor) -> None:
    course_id = _course(db, admin)
    good = make_person(db, admin, "TIU-00001")
    poor = make_person(db, admin, "TIU-00002")
    with db.transaction(admin) as session:
        lessons = [
            courses.add_session(session, admin, course_id, D(2025, 3, day), 120, "Lezione")
            for day in (3, 10, 17, 24)
        ]
        e_good = courses.enrol(session, admin, course_id, "TIU-00001", D(2025, 3, 1))
        e_poor = courses.enrol(session, admin, course_id, "TIU-00002", D(2025, 3, 1))
    with pytest.raises(ConflictError) as conflict, db.transaction(admin) as session:
        courses.enrol(session, admin, course_id, "TIU-00001", D(2025, 3, 2))
    assert "già iscritta/o al corso «Italiano A2» dal 01/03/2025" in conflict.value.message
    # over the session's length: refused for the whole list, naming the person
    with pytest.raises(ValidationError) as err, db.transaction(admin) as session:
        courses.record_attendance(session, admin, lessons[0], {e_good: 120, e_poor: 150})
    assert (
        "2 h 30 min sono più della durata della lezione (2 h)"
        in err.value.fields[f"attendance_{e_poor}"]
    )
    with db.reading() as session:
        assert session.scalars(select(CourseAttendance)).all() == []
    with db.transaction(admin) as session:
        for lesson in lessons:
            courses.record_attendance(session, admin, lesson, {e_good: 120, e_poor: 60})
        courses.record_attendance(session, admin, lessons[3], {e_good: 90, e_poor: 0})
    with db.reading() as session:
        rows = {r.code: r for r in courses.enrolments_of(session, admin, course_id)}
        audited = set(
            session.scalars(
                select(AuditEntry.person_id).where(AuditEntry.entity == "course_attendance")
            )
        )
    assert rows["TIU-00001"].attended_minutes == 450 and rows["TIU-00001"].share == 93
    assert rows["TIU-00002"].attended_minutes == 180 and not rows["TIU-00002"].certificate_due
    assert audited == {good, poor}
    out = io.BytesIO()
    with db.transaction(admin) as session:
        forms.print_document(
            session,
            admin,
            "attestato-frequenza",
            {"person": "TIU-00001", "course": "Italiano A2"},
            out,
        )
    text = pdf_text(out.getvalue())
    assert "Attestato di frequenza" in text and "Awa Diallo" in text
    assert "ha frequentato il corso «Italiano A2» tenuto da CPIA Ancona" in text
    assert "7 ore e 30 minuti sulle 8 ore di lezione svolte (94% della frequenza" in text
    with pytest.raises(ValidationError) as err, db.transaction(admin) as session:
        forms.print_document(
            session,
            admin,
            "attestato-frequenza",
            {"person": "TIU-00002", "course": "Italiano A2"},
            io.BytesIO(),
        )
    assert "frequenza del 37%" in err.value.fields["course"]
    assert "sotto la soglia del 70%" in err.value.fields["course"]
    with db.reading() as session:
        events = timeline.events_for(session, admin, good, only=["courses"])
    assert [(e.day, e.title, e.until) for e in events] == [
        (D(2025, 3, 1), "Corso «Italiano A2»", D(2025, 5, 31))
    ]
    assert events[0].detail == "frequentate 7 h 30 min su 8 h (93%)"


def test_a_session_shorter_than_recorded_attendance_is_refused(db: Database, admin: Actor) -> None:
    course_id = _course(db, admin)
    make_person(db, admin, "TIU-00001")
    with db.transaction(admin) as session:
        lesson = courses.add_session(session, admin, course_id, D(2025, 3, 3), 120)
        enrolment = courses.enrol(session, admin, course_id, "TIU-00001", D(2025, 3, 1))
        courses.record_attendance(session, admin, lesson, {enrolment: 120})
    with pytest.raises(ValidationError) as err, db.transaction(admin) as session:
        version = courses.sessions_of(session, admin, course_id)[0].version
        courses.update_session(session, admin, lesson, version, D(2025, 3, 3), 60)
    assert "più della durata" in err.value.fields["minutes"]
