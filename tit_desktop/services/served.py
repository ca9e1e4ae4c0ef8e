"""What each area counts as having served a person, in one place: the sources of the
"persons served" figure (quarterly sheet, year-end summary: DOMAIN.md 7) and the dated
activities the retention review looks at.

DOMAIN.md 7: a person is served in a period when any of these falls in or overlaps it: a
percorso, a meal, a night of a stay, a hosting period, a linked street contact, course
attendance, a tirocinio. Each source below is one ``SELECT person_id`` computed in SQL.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import and_, func, literal, or_, select

from tit_desktop.models import (
    CourseAttendance,
    CourseSession,
    HostingAgreement,
    Meal,
    Pathway,
    Stay,
    StreetContact,
    StreetContactPerson,
    Tirocinio,
)
from tit_desktop.services import clock, figures
from tit_desktop.services.gdpr import retention


def _stays(first: dt.date, last: dt.date) -> Any:
    """A night in [first, last]: nights are dal <= d < al, an open stay up to tonight."""
    tonight = clock.today()
    departure = func.coalesce(Stay.al, literal(tonight + dt.timedelta(days=1)))
    return select(Stay.person_id).where(Stay.dal <= last, departure > first, Stay.dal < departure)


def _hostings(first: dt.date, last: dt.date) -> Any:
    """A hosting period (both days included; open = still hosted) overlapping the period."""
    return select(HostingAgreement.person_id).where(
        HostingAgreement.start_date <= last,
        or_(HostingAgreement.end_date.is_(None), HostingAgreement.end_date >= first),
    )


def _pathways(first: dt.date, last: dt.date) -> Any:
    return select(Pathway.person_id).where(
        Pathway.entry_date <= last, or_(Pathway.exit_date.is_(None), Pathway.exit_date >= first)
    )


def _street(first: dt.date, last: dt.date) -> Any:
    return (
        select(StreetContactPerson.person_id)
        .join(StreetContact, StreetContact.id == StreetContactPerson.contact_id)
        .where(StreetContact.occurred_on.between(first, last))
    )


def _courses(first: dt.date, last: dt.date) -> Any:
    """Course attendance: present (some minutes) at a session held in the period."""
    return (
        select(CourseAttendance.person_id)
        .join(CourseSession, CourseSession.id == CourseAttendance.session_id)
        .where(CourseAttendance.minutes > 0, CourseSession.held_on.between(first, last))
    )


def _meals(first: dt.date, last: dt.date) -> Any:
    return select(Meal.person_id).where(Meal.meal_date.between(first, last))


def _tirocini(first: dt.date, last: dt.date) -> Any:
    return select(Tirocinio.person_id).where(
        and_(Tirocinio.start_date <= last, Tirocinio.end_date >= first)
    )


SOURCES = (  # keys as the monitoring sheet prints them
    ("pasti", _meals),
    ("soggiorni", _stays),
    ("accoglienze in famiglia", _hostings),
    ("percorsi", _pathways),
    ("contatti di strada", _street),
    ("corsi", _courses),
    ("tirocini", _tirocini),
)


# --- the latest activity of each person, for the retention review -------------------------


def _latest_stay(today: dt.date) -> Any:
    return select(
        Stay.person_id.label("person_id"), func.coalesce(Stay.al, literal(today)).label("day")
    )


def _latest_hosting(today: dt.date) -> Any:
    return select(
        HostingAgreement.person_id.label("person_id"),
        func.coalesce(HostingAgreement.end_date, literal(today)).label("day"),
    )


def _latest_pathway(today: dt.date) -> Any:
    return select(
        Pathway.person_id.label("person_id"),
        func.coalesce(Pathway.exit_date, literal(today)).label("day"),
    )


def _latest_contact(_today: dt.date) -> Any:
    return select(
        StreetContactPerson.person_id.label("person_id"), StreetContact.occurred_on.label("day")
    ).join(StreetContact, StreetContact.id == StreetContactPerson.contact_id)


def _latest_course(_today: dt.date) -> Any:
    return select(
        CourseAttendance.person_id.label("person_id"), CourseSession.held_on.label("day")
    ).join(CourseSession, CourseSession.id == CourseAttendance.session_id)


def _latest_meal(_today: dt.date) -> Any:
    return select(Meal.person_id.label("person_id"), Meal.meal_date.label("day"))


def _latest_tirocinio(_today: dt.date) -> Any:
    return select(Tirocinio.person_id.label("person_id"), Tirocinio.end_date.label("day"))


ACTIVITIES = (
    ("meal", "pasto", _latest_meal),
    ("stay", "soggiorno", _latest_stay),
    ("hosting", "accoglienza in famiglia", _latest_hosting),
    ("pathway", "percorso", _latest_pathway),
    ("street", "contatto di strada", _latest_contact),
    ("course", "corso", _latest_course),
    ("tirocinio", "tirocinio", _latest_tirocinio),
)


def register() -> None:
    """Put the sources and activities in their registries (again: a test may have swapped a
    registry for its own meanwhile). Called by the registries before each use."""
    for key, source in SOURCES:
        figures.register_served_source(key, source)
    for kind, label, query in ACTIVITIES:
        retention.register_activity(kind, label, query)
