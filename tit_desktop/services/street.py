"""The street unit (unità di strada): night contacts, their list, the monthly summary and
the person's contacts.

When
    A contact has the office's calendar day (``occurred_on``) and, when the time is known,
    the moment (``occurred_at``, stored in UTC, shown in the PC's local time, which for the
    office is Italian time). The day is the local day of the moment: periods, the monthly
    summary and the intake-date rule read the day, never a UTC date.

Zone
    A short list kept by the office (:class:`StreetZone`, extended from the window), not
    free text: the monthly summary groups by zone, and free text would split "Stazione",
    "stazione centrale" and "Staz. Centrale" into three zones. The place, instead, is free
    text (a street corner, a bench), completed from the places already written.

Who was met
    Linked persons (by the registry) and/or anonymous counts by sex. A contact with neither
    is refused. Persons reached (DOMAIN.md 7, ``street_persons_contacted``) = linked persons
    + anonymous counts, summed over contacts (not distinct).

Each linked person's contact day is on or after their intake date (DOMAIN.md 4): checked
here with a message naming the person, and held by database triggers (migration 0009) as
a CHECK named ``street_contact_after_intake``; an intake date moved after a contact is
refused by the same rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import and_, distinct, func, select
from sqlalchemy.orm import Session

from tit_desktop.models import (
    Person,
    StaffMember,
    StreetContact,
    StreetContactPerson,
    StreetContactService,
    StreetContactStaff,
    StreetService,
    StreetZone,
)
from tit_desktop.reports import street_summary
from tit_desktop.services import clock, conflicts, forms, persons, timeline
from tit_desktop.services.database import STALE_MESSAGE
from tit_desktop.services.errors import (
    NotFound,
    StaleRecord,
    ValidationError,
    register_labels,
)
from tit_desktop.services.gdpr import registry as gdpr_registry
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.text import character_problem, clean, fold

AFTER_INTAKE = "street_contact_after_intake"
SOMEONE_MET = "street_contact_someone_met"

conflicts.trigger_rules(AFTER_INTAKE, SOMEONE_MET)

MAX_PLACE = 120
MAX_ZONE = 80
MAX_NOTES = 4000
MAX_COUNT = 999  # anonymous persons at one contact: far above any real group
EARLIEST_DAY = dt.date(1990, 1, 1)

SERVICES: tuple[StreetService, ...] = tuple(StreetService)
"""The goods and services, in display order: the form's check boxes, the summary's rows."""

SERVICE_LABELS: dict[StreetService, str] = {
    StreetService.BLANKETS: "Coperte",
    StreetService.MEAL: "Pasto",
    StreetService.HOT_DRINK: "Bevanda calda",
    StreetService.INFORMATION: "Informazioni",
    StreetService.REFERRAL: "Invio a servizio",
}

NO_ZONE = "Senza zona"

FIELD_LABELS = {
    "occurred_on": "Data",
    "occurred_at": "Ora",
    "time": "Ora",
    "place": "Luogo",
    "zone_id": "Zona",
    "zone": "Zona",
    "staff": "Operatori",
    "persons": "Persone incontrate",
    "anonymous_f": "Anonimi F",
    "anonymous_m": "Anonimi M",
    "services": "Prestazioni",
    "notes": "Note",
    "month": "Mese",
}
register_labels(FIELD_LABELS)


def local_moment(day: dt.date, time: dt.time) -> dt.datetime:
    """The moment of ``day`` at ``time`` on the office's clock (the PC's local time)."""
    return dt.datetime.combine(day, time.replace(second=0, microsecond=0)).astimezone()


def local_time(moment: dt.datetime | None) -> dt.time | None:
    if moment is None:
        return None
    return moment.astimezone().time().replace(second=0, microsecond=0, tzinfo=None)


def _day(value: dt.date) -> str:
    return f"{value:%d/%m/%Y}"


# =========================================================================== input


@dataclass(frozen=True)
class ContactInput:
    """A contact as the form (or a sheet row) gives it. ``time`` is local time."""

    occurred_on: dt.date | None = None
    time: dt.time | None = None
    place: str | None = None
    zone_id: int | None = None
    staff_ids: tuple[int, ...] = ()
    person_ids: tuple[int, ...] = ()
    anonymous_f: int = 0
    anonymous_m: int = 0
    services: frozenset[StreetService] = frozenset()
    notes: str | None = None


def normalise(data: ContactInput) -> ContactInput:
    return ContactInput(
        occurred_on=data.occurred_on,
        time=data.time.replace(second=0, microsecond=0) if data.time is not None else None,
        place=clean(data.place),
        zone_id=data.zone_id,
        staff_ids=tuple(dict.fromkeys(data.staff_ids)),
        person_ids=tuple(dict.fromkeys(data.person_ids)),
        anonymous_f=data.anonymous_f,
        anonymous_m=data.anonymous_m,
        services=frozenset(data.services),
        notes=(data.notes or "").strip() or None,
    )


def input_problems(data: ContactInput, today: dt.date) -> dict[str, str]:
    """The problems of the contact's own fields (no database): field -> Italian reason."""
    errors: dict[str, str] = {}
    if data.occurred_on is None:
        errors["occurred_on"] = "campo obbligatorio"
    elif data.occurred_on > today:
        errors["occurred_on"] = f"il {_day(data.occurred_on)} è nel futuro"
    elif data.occurred_on < EARLIEST_DAY:
        errors["occurred_on"] = f"data non plausibile (prima del {_day(EARLIEST_DAY)})"
    if not data.place:
        errors["place"] = "campo obbligatorio"
    elif len(data.place) > MAX_PLACE:
        errors["place"] = f"troppo lungo: al massimo {MAX_PLACE} caratteri"
    elif problem := character_problem(data.place):
        errors["place"] = problem
    for name in ("anonymous_f", "anonymous_m"):
        value = getattr(data, name)
        if value < 0:
            errors[name] = "non può essere negativo"
        elif value > MAX_COUNT:
            errors[name] = f"al massimo {MAX_COUNT}"
    if not data.person_ids and data.anonymous_f <= 0 and data.anonymous_m <= 0:
        errors["persons"] = (
            "indicare almeno una persona incontrata oppure il numero di anonimi (F o M)"
        )
    if data.notes is not None:
        if len(data.notes) > MAX_NOTES:
            errors["notes"] = f"troppo lungo: al massimo {MAX_NOTES} caratteri"
        elif problem := character_problem(data.notes.replace("\n", " ").replace("\t", " ")):
            errors["notes"] = problem
    return errors


def _check_references(
    session: Session, data: ContactInput, errors: dict[str, str], kept: frozenset[int]
) -> None:
    """Zone, operators and persons exist; each person may be linked on the contact's day.
    ``kept``: persons already linked to the contact being edited (an anonymised one may
    stay linked, none may be added)."""
    if data.zone_id is not None:
        zone = session.get(StreetZone, data.zone_id)
        if zone is None:
            errors["zone_id"] = "zona non trovata (forse appena tolta da un altro utente)"
    if data.staff_ids:
        found = set(
            session.scalars(select(StaffMember.id).where(StaffMember.id.in_(data.staff_ids)))
        )
        if set(data.staff_ids) - found:
            errors["staff"] = "operatore non trovato (forse appena tolto da un altro utente)"
    if not data.person_ids:
        return
    rows = {
        row.id: row
        for row in session.execute(
            select(
                Person.id,
                Person.code,
                Person.last_name,
                Person.first_name,
                Person.intake_date,
                Person.merged_into_id,
                Person.anonymised_at,
            ).where(Person.id.in_(data.person_ids))
        )
    }
    problems = []
    for person_id in data.person_ids:
        row = rows.get(person_id)
        if row is None or row.merged_into_id is not None:
            problems.append("una persona indicata non è più nel registro (unita o tolta)")
            continue
        who = f"{row.last_name} {row.first_name} ({row.code})"
        if row.anonymised_at is not None and person_id not in kept:
            problems.append(f"la scheda {row.code} è anonimizzata: non si può collegare")
        elif data.occurred_on is not None and row.intake_date > data.occurred_on:
            problems.append(
                f"{who} è in carico dal {_day(row.intake_date)}: un contatto del "
                f"{_day(data.occurred_on)} è precedente alla presa in carico (anticipare la "
                "data di presa in carico o correggere la data del contatto)"
            )
    if problems:
        errors["persons"] = "; ".join(problems)


def validate(
    session: Session, data: ContactInput, kept: frozenset[int] = frozenset()
) -> ContactInput:
    data = normalise(data)
    errors = input_problems(data, clock.today())
    _check_references(session, data, errors, kept)
    if errors:
        raise ValidationError(errors)
    return data


# =========================================================================== writes


@dataclass(frozen=True)
class SaveResult:
    id: int
    version: int


def _apply(session: Session, contact: StreetContact, data: ContactInput) -> None:
    """Write the input onto the contact. Links are changed by difference (a link kept is
    not deleted and inserted again), and persons are linked before the counts change, so
    that the database's someone-met rule sees the contact as it will be."""
    assert data.occurred_on is not None and data.place is not None
    contact.occurred_on = data.occurred_on
    contact.occurred_at = (
        local_moment(data.occurred_on, data.time) if data.time is not None else None
    )
    contact.place = data.place
    contact.zone_id = data.zone_id
    contact.notes = data.notes

    wanted_persons = set(data.person_ids)
    for link in list(contact.persons):
        if link.person_id not in wanted_persons:
            contact.persons.remove(link)
    have = {link.person_id for link in contact.persons}
    for person_id in data.person_ids:
        if person_id not in have:
            contact.persons.append(StreetContactPerson(person_id=person_id))

    wanted_staff = set(data.staff_ids)
    for staff_link in list(contact.staff):
        if staff_link.staff_id not in wanted_staff:
            contact.staff.remove(staff_link)
    have = {s.staff_id for s in contact.staff}
    for staff_id in data.staff_ids:
        if staff_id not in have:
            contact.staff.append(StreetContactStaff(staff_id=staff_id))

    for given in list(contact.services):
        if given.service not in data.services:
            contact.services.remove(given)
    have_services = {s.service for s in contact.services}
    for service in SERVICES:
        if service in data.services and service not in have_services:
            contact.services.append(StreetContactService(service=service))
    if contact.id is not None:
        session.flush()  # persons first: the counts may drop to zero only with someone linked
    contact.anonymous_f = data.anonymous_f
    contact.anonymous_m = data.anonymous_m
    session.flush()


def create_contact(session: Session, actor: Actor, data: ContactInput) -> SaveResult:
    require(actor, Permission.WRITE_REGISTRY)
    data = validate(session, data)
    contact = StreetContact(anonymous_f=0, anonymous_m=0)
    session.add(contact)
    _apply(session, contact, data)
    return SaveResult(contact.id, contact.version)


def _get(session: Session, contact_id: int) -> StreetContact:
    contact = session.get(StreetContact, contact_id)
    if contact is None:
        raise NotFound("Contatto non trovato (forse eliminato da un altro utente).")
    return contact


def update_contact(
    session: Session, actor: Actor, contact_id: int, data: ContactInput, expected_version: int
) -> SaveResult:
    require(actor, Permission.WRITE_REGISTRY)
    contact = _get(session, contact_id)
    if contact.version != expected_version:
        raise StaleRecord(STALE_MESSAGE)
    kept = frozenset(link.person_id for link in contact.persons)
    data = validate(session, data, kept)
    _apply(session, contact, data)
    # A change of the links only leaves the contact's row as it was: its version still
    # moves on, so that another PC's edit of the same contact is refused.
    if contact.version == expected_version:
        contact.version = expected_version + 1
        session.flush()
    return SaveResult(contact.id, contact.version)


def delete_contact(session: Session, actor: Actor, contact_id: int, expected_version: int) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    contact = _get(session, contact_id)
    if contact.version != expected_version:
        raise StaleRecord(STALE_MESSAGE)
    session.delete(contact)
    session.flush()


# =========================================================================== zones


@dataclass(frozen=True)
class Zone:
    id: int
    name: str
    active: bool


def zones(session: Session, actor: Actor, *, include_inactive: bool = False) -> list[Zone]:
    require(actor, Permission.READ_REGISTRY)
    query = select(StreetZone)
    if not include_inactive:
        query = query.where(StreetZone.active.is_(True))
    found = [Zone(z.id, z.name, z.active) for z in session.scalars(query)]
    return sorted(found, key=lambda z: fold(z.name))


def add_zone(session: Session, actor: Actor, name: str) -> Zone:
    """A new zone (or the one with this name, made active again)."""
    require(actor, Permission.WRITE_REGISTRY)
    text = clean(name)
    if not text:
        raise ValidationError({"zone": "campo obbligatorio"})
    if len(text) > MAX_ZONE:
        raise ValidationError({"zone": f"troppo lungo: al massimo {MAX_ZONE} caratteri"})
    if problem := character_problem(text):
        raise ValidationError({"zone": problem})
    for zone in session.scalars(select(StreetZone)):
        if fold(zone.name) == fold(text):
            if not zone.active:
                zone.active = True
                session.flush()
            return Zone(zone.id, zone.name, zone.active)
    zone = StreetZone(name=text, active=True)
    session.add(zone)
    session.flush()
    return Zone(zone.id, zone.name, zone.active)


def set_zone_active(session: Session, actor: Actor, zone_id: int, active: bool) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    zone = session.get(StreetZone, zone_id)
    if zone is None:
        raise NotFound("Zona non trovata.")
    zone.active = active
    session.flush()


@conflicts.explains("uq_street_zone_name")
def _zone_taken(session: Session, violation: conflicts.Violation) -> str | None:
    names = violation.values("name")
    return f"La zona «{names[0]}» esiste già." if names else None


# =========================================================================== reading


@dataclass(frozen=True)
class LinkedPerson:
    id: int
    code: str
    name: str
    anonymised: bool = False

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})"


@dataclass(frozen=True)
class ContactDetail:
    id: int
    version: int
    data: ContactInput
    persons: tuple[LinkedPerson, ...]
    zone_name: str | None


def open_contact(session: Session, actor: Actor, contact_id: int) -> ContactDetail:
    require(actor, Permission.READ_REGISTRY)
    contact = _get(session, contact_id)
    linked = _linked_persons(session, [contact.id]).get(contact.id, [])
    data = ContactInput(
        occurred_on=contact.occurred_on,
        time=local_time(contact.occurred_at),
        place=contact.place,
        zone_id=contact.zone_id,
        staff_ids=tuple(s.staff_id for s in contact.staff),
        person_ids=tuple(p.id for p in linked),
        anonymous_f=contact.anonymous_f,
        anonymous_m=contact.anonymous_m,
        services=frozenset(s.service for s in contact.services),
        notes=contact.notes,
    )
    return ContactDetail(
        contact.id,
        contact.version,
        data,
        tuple(linked),
        contact.zone.name if contact.zone is not None else None,
    )


def _linked_persons(session: Session, ids: Sequence[int]) -> dict[int, list[LinkedPerson]]:
    result: dict[int, list[LinkedPerson]] = {}
    if not ids:
        return result
    query = (
        select(
            StreetContactPerson.contact_id,
            Person.id,
            Person.code,
            Person.last_name,
            Person.first_name,
            Person.anonymised_at,
        )
        .join(Person, Person.id == StreetContactPerson.person_id)
        .where(StreetContactPerson.contact_id.in_(list(ids)))
        .order_by(StreetContactPerson.contact_id, StreetContactPerson.id)
    )
    for row in session.execute(query):
        result.setdefault(row.contact_id, []).append(
            LinkedPerson(
                row.id,
                row.code,
                f"{row.last_name} {row.first_name}",
                row.anonymised_at is not None,
            )
        )
    return result


def find_persons(session: Session, actor: Actor, text: str, limit: int = 12) -> list[LinkedPerson]:
    """Search-as-you-type for the quick entry: persons by name, Codice or codice fiscale."""
    if not persons.search_words(text):
        return []
    ids = persons.search_ids(session, actor, persons.PersonFilter(text=text), limit=limit)
    rows = persons.rows_for(session, actor, ids)
    return [
        LinkedPerson(rows[i].id, rows[i].code, f"{rows[i].last_name} {rows[i].first_name}")
        for i in ids
        if i in rows
    ]


def person_labels(session: Session, actor: Actor, ids: Sequence[int]) -> list[LinkedPerson]:
    require(actor, Permission.READ_REGISTRY)
    if not ids:
        return []
    found = {
        row.id: LinkedPerson(
            row.id, row.code, f"{row.last_name} {row.first_name}", row.anonymised_at is not None
        )
        for row in session.execute(
            select(
                Person.id, Person.code, Person.last_name, Person.first_name, Person.anonymised_at
            ).where(Person.id.in_(list(ids)))
        )
    }
    return [found[i] for i in ids if i in found]


def place_suggestions(session: Session, actor: Actor, limit: int = 300) -> list[str]:
    """The places already written, the most used first (the place field's completion)."""
    require(actor, Permission.READ_REGISTRY)
    uses = func.count(StreetContact.id)
    query = (
        select(StreetContact.place)
        .group_by(StreetContact.place)
        .order_by(uses.desc(), StreetContact.place)
        .limit(limit)
    )
    return list(session.scalars(query))


def zone_of_place(session: Session, actor: Actor, place: str) -> int | None:
    """The zone of the latest contact at this place (the quick entry proposes it)."""
    require(actor, Permission.READ_REGISTRY)
    text = clean(place)
    if not text:
        return None
    return session.scalar(
        select(StreetContact.zone_id)
        .where(StreetContact.place == text, StreetContact.zone_id.is_not(None))
        .order_by(StreetContact.occurred_on.desc(), StreetContact.id.desc())
        .limit(1)
    )


def last_staff_ids(session: Session, actor: Actor) -> list[int]:
    """The operators of the contact recorded last: the night's team, preselected."""
    require(actor, Permission.READ_REGISTRY)
    last = session.scalar(select(func.max(StreetContact.id)))
    if last is None:
        return []
    return list(
        session.scalars(
            select(StreetContactStaff.staff_id)
            .where(StreetContactStaff.contact_id == last)
            .order_by(StreetContactStaff.id)
        )
    )


def staff_choices(session: Session, actor: Actor) -> list[tuple[int, str]]:
    return persons.staff_choices(session, actor)


# =========================================================================== the list


@dataclass(frozen=True)
class ContactFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    zone_id: int | None = None  # 0: contacts without a zone
    staff_id: int | None = None
    service: StreetService | None = None
    person_id: int | None = None
    place: str = ""


SORTS = ("when", "place", "zone")


def _filtered(query: Any, flt: ContactFilter) -> Any:
    if flt.date_from is not None:
        query = query.where(StreetContact.occurred_on >= flt.date_from)
    if flt.date_to is not None:
        query = query.where(StreetContact.occurred_on <= flt.date_to)
    if flt.zone_id == 0:
        query = query.where(StreetContact.zone_id.is_(None))
    elif flt.zone_id is not None:
        query = query.where(StreetContact.zone_id == flt.zone_id)
    if flt.staff_id is not None:
        query = query.where(
            StreetContact.id.in_(
                select(StreetContactStaff.contact_id).where(
                    StreetContactStaff.staff_id == flt.staff_id
                )
            )
        )
    if flt.service is not None:
        query = query.where(
            StreetContact.id.in_(
                select(StreetContactService.contact_id).where(
                    StreetContactService.service == flt.service
                )
            )
        )
    if flt.person_id is not None:
        query = query.where(
            StreetContact.id.in_(
                select(StreetContactPerson.contact_id).where(
                    StreetContactPerson.person_id == flt.person_id
                )
            )
        )
    place = clean(flt.place)
    if place:
        query = query.where(func.lower(StreetContact.place).contains(place.lower()))
    return query


def search_ids(
    session: Session,
    actor: Actor,
    flt: ContactFilter,
    sort: str = "when",
    descending: bool = True,
    limit: int | None = None,
    offset: int = 0,
) -> list[int]:
    """The ids of the matching contacts in display order (newest first by default)."""
    require(actor, Permission.READ_REGISTRY)
    query = _filtered(select(StreetContact.id), flt)
    if sort == "place":
        keys: list[Any] = [StreetContact.place, StreetContact.occurred_on]
    elif sort == "zone":
        query = query.outerjoin(StreetZone, StreetZone.id == StreetContact.zone_id)
        keys = [StreetZone.name, StreetContact.occurred_on]
    else:
        keys = [StreetContact.occurred_on]
    keys.append(StreetContact.id)
    order = [k.desc() if descending else k.asc() for k in keys]
    query = query.order_by(*order).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def count(session: Session, actor: Actor, flt: ContactFilter) -> int:
    require(actor, Permission.READ_REGISTRY)
    return int(session.scalar(_filtered(select(func.count(StreetContact.id)), flt)) or 0)


@dataclass(frozen=True)
class ContactRow:
    id: int
    occurred_on: dt.date
    time: dt.time | None
    place: str
    zone: str
    staff: str
    persons: str
    anonymous_f: int
    anonymous_m: int
    services: str
    linked: int

    @property
    def when(self) -> str:
        text = _day(self.occurred_on)
        return f"{text} {self.time:%H:%M}" if self.time is not None else text

    @property
    def reached(self) -> int:
        return self.linked + self.anonymous_f + self.anonymous_m


def rows_for(session: Session, actor: Actor, ids: Sequence[int]) -> dict[int, ContactRow]:
    """The list's visible rows, by key: one query for the contacts, one per kind of link."""
    require(actor, Permission.READ_REGISTRY)
    if not ids:
        return {}
    wanted = list(ids)
    staff: dict[int, list[str]] = {}
    for row in session.execute(
        select(StreetContactStaff.contact_id, StaffMember.last_name, StaffMember.first_name)
        .join(StaffMember, StaffMember.id == StreetContactStaff.staff_id)
        .where(StreetContactStaff.contact_id.in_(wanted))
        .order_by(StreetContactStaff.contact_id, StreetContactStaff.id)
    ):
        staff.setdefault(row.contact_id, []).append(f"{row.last_name} {row.first_name}")
    services: dict[int, set[StreetService]] = {}
    for contact_id, service in session.execute(
        select(StreetContactService.contact_id, StreetContactService.service).where(
            StreetContactService.contact_id.in_(wanted)
        )
    ):
        services.setdefault(contact_id, set()).add(service)
    linked = _linked_persons(session, wanted)
    result: dict[int, ContactRow] = {}
    query = (
        select(
            StreetContact.id,
            StreetContact.occurred_on,
            StreetContact.occurred_at,
            StreetContact.place,
            StreetZone.name,
            StreetContact.anonymous_f,
            StreetContact.anonymous_m,
        )
        .outerjoin(StreetZone, StreetZone.id == StreetContact.zone_id)
        .where(StreetContact.id.in_(wanted))
    )
    for c in session.execute(query):
        people = linked.get(c.id, [])
        given = services.get(c.id, set())
        result[c.id] = ContactRow(
            id=c.id,
            occurred_on=c.occurred_on,
            time=local_time(c.occurred_at),
            place=c.place,
            zone=c.name or "",
            staff=", ".join(staff.get(c.id, [])),
            persons=", ".join(p.label for p in people),
            anonymous_f=c.anonymous_f,
            anonymous_m=c.anonymous_m,
            services=", ".join(s.value for s in SERVICES if s in given),
            linked=len(people),
        )
    return result


def contacts_of_person(session: Session, actor: Actor, person_id: int) -> list[ContactRow]:
    """The person's contacts, newest first."""
    ids = search_ids(session, actor, ContactFilter(person_id=person_id))
    rows = rows_for(session, actor, ids)
    return [rows[i] for i in ids if i in rows]


# =========================================================================== summaries


@dataclass(frozen=True)
class ZoneSummary:
    zone: str
    contacts: int
    linked: int
    anonymous_f: int
    anonymous_m: int

    @property
    def reached(self) -> int:
        return self.linked + self.anonymous_f + self.anonymous_m


@dataclass(frozen=True)
class PeriodSummary:
    """Contacts of a period (days ``first``..``last``, both included). ``reached`` is
    DOMAIN.md 7's ``street_persons_contacted``: linked persons plus anonymous counts,
    summed over the contacts (not distinct); ``distinct_persons`` counts the linked persons
    once each."""

    first: dt.date
    last: dt.date
    contacts: int
    linked: int
    anonymous_f: int
    anonymous_m: int
    distinct_persons: int
    nights: int
    services: dict[StreetService, int] = field(default_factory=dict)
    by_zone: tuple[ZoneSummary, ...] = ()

    @property
    def reached(self) -> int:
        return self.linked + self.anonymous_f + self.anonymous_m


def _links_per_contact(first: dt.date, last: dt.date) -> Any:
    """Linked persons per contact of the period (only those links are counted)."""
    return (
        select(
            StreetContactPerson.contact_id.label("contact_id"),
            func.count().label("linked"),
        )
        .join(StreetContact, StreetContact.id == StreetContactPerson.contact_id)
        .where(StreetContact.occurred_on >= first, StreetContact.occurred_on <= last)
        .group_by(StreetContactPerson.contact_id)
        .subquery()
    )


def summary(session: Session, actor: Actor, first: dt.date, last: dt.date) -> PeriodSummary:
    """The period's figures, each computed by the database (GROUP BY)."""
    require(actor, Permission.READ_REGISTRY)
    in_period = and_(StreetContact.occurred_on >= first, StreetContact.occurred_on <= last)
    links = _links_per_contact(first, last)
    linked = func.coalesce(links.c.linked, 0)
    zone_rows = session.execute(
        select(
            StreetZone.name,
            func.count(StreetContact.id),
            func.coalesce(func.sum(linked), 0),
            func.coalesce(func.sum(StreetContact.anonymous_f), 0),
            func.coalesce(func.sum(StreetContact.anonymous_m), 0),
        )
        .select_from(StreetContact)
        .outerjoin(links, links.c.contact_id == StreetContact.id)
        .outerjoin(StreetZone, StreetZone.id == StreetContact.zone_id)
        .where(in_period)
        .group_by(StreetZone.name)
    ).all()
    by_zone = sorted(
        (
            ZoneSummary(name or NO_ZONE, int(n), int(lk), int(f), int(m))
            for name, n, lk, f, m in zone_rows
        ),
        key=lambda z: (z.zone == NO_ZONE, -z.contacts, fold(z.zone)),
    )
    given = {
        service: int(n)
        for service, n in session.execute(
            select(StreetContactService.service, func.count())
            .join(StreetContact, StreetContact.id == StreetContactService.contact_id)
            .where(in_period)
            .group_by(StreetContactService.service)
        )
    }
    distinct_persons, nights = session.execute(
        select(
            select(func.count(distinct(StreetContactPerson.person_id)))
            .join(StreetContact, StreetContact.id == StreetContactPerson.contact_id)
            .where(in_period)
            .scalar_subquery(),
            select(func.count(distinct(StreetContact.occurred_on)))
            .where(in_period)
            .scalar_subquery(),
        )
    ).one()
    return PeriodSummary(
        first=first,
        last=last,
        contacts=sum(z.contacts for z in by_zone),
        linked=sum(z.linked for z in by_zone),
        anonymous_f=sum(z.anonymous_f for z in by_zone),
        anonymous_m=sum(z.anonymous_m for z in by_zone),
        distinct_persons=int(distinct_persons or 0),
        nights=int(nights or 0),
        services={s: given.get(s, 0) for s in SERVICES},
        by_zone=tuple(by_zone),
    )


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def parse_month(text: str) -> tuple[int, int]:
    """``mm/yyyy`` as typed on the command line or in the window."""
    parts = (text or "").strip().split("/")
    if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit() and len(parts[1]) == 4:
        month, year = int(parts[0]), int(parts[1])
        if 1 <= month <= 12 and 1990 <= year <= 2200:
            return year, month
    raise ValidationError({"month": f"«{text}» non è un mese nel formato mm/aaaa (es. 03/2026)"})


def month_summary(session: Session, actor: Actor, year: int, month: int) -> PeriodSummary:
    first, last = month_bounds(year, month)
    return summary(session, actor, first, last)


def year_figures(session: Session, first: dt.date, last: dt.date) -> tuple[int, int]:
    """DOMAIN.md 7: ``street_contacts`` and ``street_persons_contacted`` in the period (for
    the year-end report, whose service checks the permission)."""
    in_period = and_(StreetContact.occurred_on >= first, StreetContact.occurred_on <= last)
    links = _links_per_contact(first, last)
    contacts, reached = session.execute(
        select(
            func.count(StreetContact.id),
            func.coalesce(
                func.sum(
                    func.coalesce(links.c.linked, 0)
                    + StreetContact.anonymous_f
                    + StreetContact.anonymous_m
                ),
                0,
            ),
        )
        .select_from(StreetContact)
        .outerjoin(links, links.c.contact_id == StreetContact.id)
        .where(in_period)
    ).one()
    return int(contacts), int(reached)


# =========================================================================== conflicts


@conflicts.explains(AFTER_INTAKE)
def _before_intake(session: Session, violation: conflicts.Violation) -> str | None:
    """A link, a contact's day or a person's intake date that would put a contact before
    the person's intake date: name the person and the dates."""
    query = (
        select(
            Person.code,
            Person.last_name,
            Person.first_name,
            Person.intake_date,
            StreetContact.occurred_on,
        )
        .join(StreetContactPerson, StreetContactPerson.person_id == Person.id)
        .join(StreetContact, StreetContact.id == StreetContactPerson.contact_id)
    )
    if violation.table == "person":
        intake = next(iter(violation.values("intake_date")), None)
        ids = violation.values("id") or violation.values("person_id")
        if intake is None or not ids:
            return None
        row = session.execute(
            query.where(Person.id == ids[0], StreetContact.occurred_on < intake)
            .order_by(StreetContact.occurred_on)
            .limit(1)
        ).first()
        if row is None:
            return None
        return (
            f"La presa in carico di {row.last_name} {row.first_name} ({row.code}) non può "
            f"essere spostata al {_day(intake)}: c'è un contatto di strada del "
            f"{_day(row.occurred_on)}, precedente."
        )
    if violation.table == "street_contact_person":
        pairs = violation.pairs("contact_id", "person_id")
        for contact_id, person_id in pairs:
            person = session.get(Person, person_id)
            contact = session.get(StreetContact, contact_id)
            if (
                person is not None
                and contact is not None
                and person.intake_date > contact.occurred_on
            ):
                return (
                    f"{person.last_name} {person.first_name} ({person.code}) è in carico dal "
                    f"{_day(person.intake_date)}: non può essere collegato a un contatto di "
                    f"strada del {_day(contact.occurred_on)}."
                )
        return None
    days = violation.values("occurred_on")
    if days:
        return (
            f"Il contatto non può essere spostato al {_day(days[0])}: una persona collegata "
            "è stata presa in carico dopo quella data."
        )
    return None


@conflicts.explains(SOMEONE_MET)
def _nobody_met(_session: Session, _violation: conflicts.Violation) -> str | None:
    return (
        "Un contatto di strada deve avere almeno una persona collegata o un numero di anonimi "
        "(forse un altro utente ha appena tolto le persone collegate)."
    )


@conflicts.explains("uq_street_contact_person_contact_id_person_id")
def _linked_twice(session: Session, violation: conflicts.Violation) -> str | None:
    for _contact_id, person_id in violation.pairs("contact_id", "person_id"):
        person = session.get(Person, person_id)
        if person is not None:
            return (
                f"{person.last_name} {person.first_name} ({person.code}) è già collegato a "
                "questo contatto."
            )
    return None


# =========================================================================== the person's record


def _timeline(session: Session, actor: Actor, person_id: int) -> list[timeline.TimelineEvent]:
    events = []
    for row in contacts_of_person(session, actor, person_id):
        detail = [f"Luogo: {row.place}"]
        if row.zone:
            detail.append(f"zona {row.zone}")
        if row.services:
            detail.append(f"prestazioni: {row.services}")
        if row.staff:
            detail.append(f"operatori: {row.staff}")
        title = "Contatto dell'unità di strada"
        if row.time is not None:
            title += f" alle {row.time:%H:%M}"
        events.append(
            timeline.TimelineEvent(
                day=row.occurred_on,
                kind="street",
                title=title,
                detail="; ".join(detail),
                entity="street_contact",
                entity_id=row.id,
            )
        )
    return events


timeline.register_provider("street", "Contatti di strada", _timeline)


# =========================================================================== selection helpers


def services_text(services: Iterable[StreetService]) -> str:
    chosen = set(services)
    return ", ".join(s.value for s in SERVICES if s in chosen)


def service_counts_text(counts: Mapping[StreetService, int]) -> str:
    return ", ".join(f"{SERVICE_LABELS[s]} {counts.get(s, 0)}" for s in SERVICES)


# =========================================================================== GDPR


def _person_section(session: Session, person_id: int) -> gdpr_registry.Section:
    ids = list(
        session.scalars(
            select(StreetContactPerson.contact_id)
            .join(StreetContact, StreetContact.id == StreetContactPerson.contact_id)
            .where(StreetContactPerson.person_id == person_id)
            .order_by(StreetContact.occurred_on, StreetContact.id)
        )
    )
    rows = rows_for(session, gdpr_registry_actor(), ids)
    return gdpr_registry.Section(
        title="Contatti dell'unità di strada",
        rows=[
            {
                "day": rows[i].occurred_on,
                "time": f"{rows[i].time:%H:%M}" if rows[i].time is not None else None,
                "place": rows[i].place,
                "zone": rows[i].zone or None,
                "services": rows[i].services or None,
                "staff": rows[i].staff or None,
            }
            for i in ids
            if i in rows
        ],
        columns=(
            ("day", "Data"),
            ("time", "Ora"),
            ("place", "Luogo"),
            ("zone", "Zona"),
            ("services", "Prestazioni"),
            ("staff", "Operatori"),
        ),
    )


def gdpr_registry_actor() -> Actor:
    """The access request and the anonymisation check their own permissions; the section
    reads with the system's."""
    from tit_desktop.services.permissions import SYSTEM

    return SYSTEM


def _anonymise(session: Session, actor: Actor, person_id: int) -> None:
    """The links stay (the statistics count the contacts; they now point to the anonymous
    record, which names nobody); the person's names and codes are taken out of the notes
    of their contacts, which the ORM audits like any edit."""
    from tit_desktop.services.gdpr import audit_scrub

    person = session.get(Person, person_id)
    if person is None:
        return
    scrub = audit_scrub.TextScrubber(audit_scrub.identifying_words([person]))
    contacts = session.scalars(
        select(StreetContact).where(
            StreetContact.notes.is_not(None),
            StreetContact.id.in_(
                select(StreetContactPerson.contact_id).where(
                    StreetContactPerson.person_id == person_id
                )
            ),
        )
    )
    for contact in contacts:
        scrubbed = scrub(contact.notes or "")
        if scrubbed != contact.notes:
            contact.notes = scrubbed
    session.flush()


gdpr_registry.register_section(
    "street_contacts",
    _person_section,
    anonymise=_anonymise,
    entities=[gdpr_registry.LinkedEntity("street_contact_person")],
    order=40,
)


# =========================================================================== printable summary


def month_report_data(
    session: Session, actor: Actor, year: int, month: int
) -> street_summary.StreetMonthData:
    figures = month_summary(session, actor, year, month)
    return street_summary.StreetMonthData(
        year=year,
        month=month,
        contacts=figures.contacts,
        nights=figures.nights,
        linked=figures.linked,
        distinct_persons=figures.distinct_persons,
        anonymous_f=figures.anonymous_f,
        anonymous_m=figures.anonymous_m,
        reached=figures.reached,
        services=[(SERVICE_LABELS[s], figures.services.get(s, 0)) for s in SERVICES],
        zones=[
            street_summary.ZoneLine(
                z.zone, z.contacts, z.linked, z.anonymous_f, z.anonymous_m, z.reached
            )
            for z in figures.by_zone
        ],
        document_date=clock.today(),
    )


def _fill_month_summary(
    session: Session,
    actor: Actor,
    selection: Mapping[str, str],
    lang: str,
    out: str | Path | IO[bytes],
) -> forms.Printed:
    year, month = parse_month(selection["month"])
    street_summary.render(month_report_data(session, actor, year, month), out)
    # Counts only: the summary names no person.
    return forms.Printed("street_contact", None)


forms.register_filler(street_summary.FORM_NAME, _fill_month_summary)


def summary_lines(figures: PeriodSummary) -> list[tuple[str, int | str]]:
    """The summary as the screen and the exported sheet show it: (what, value) lines; a
    heading has the empty text as value."""
    lines: list[tuple[str, int | str]] = [
        ("Totali", ""),
        ("Contatti", figures.contacts),
        ("Notti con almeno un contatto", figures.nights),
        ("Persone raggiunte (collegate + anonimi)", figures.reached),
        ("Persone collegate (per contatto)", figures.linked),
        ("Persone collegate distinte", figures.distinct_persons),
        ("Anonimi F", figures.anonymous_f),
        ("Anonimi M", figures.anonymous_m),
        ("Prestazioni (contatti in cui sono state date)", ""),
    ]
    lines.extend((SERVICE_LABELS[s], figures.services.get(s, 0)) for s in SERVICES)
    lines.append(("Contatti per zona (persone raggiunte)", ""))
    lines.extend((z.zone, f"{z.contacts} contatti, {z.reached} persone") for z in figures.by_zone)
    return lines


def export_month_summary(
    session: Session, actor: Actor, year: int, month: int, target: Path
) -> Path:
    """The month's summary as a small .xlsx (the figures, the services, the zones)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from tit_desktop.models.audit import AuditAction
    from tit_desktop.services import audit

    require(actor, Permission.EXPORT_DATA)
    figures = month_summary(session, actor, year, month)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Riepilogo"
    sheet.append([f"Unità di strada: riepilogo di {month:02d}/{year}"])
    sheet["A1"].font = Font(bold=True)
    sheet.append([])
    for what, value in summary_lines(figures)[: -1 - len(figures.by_zone)]:
        sheet.append([what, value if value != "" else None])
    sheet.append([])
    sheet.append(["Zona", "Contatti", "Persone collegate", "Anonimi F", "Anonimi M", "Raggiunte"])
    for z in figures.by_zone:
        sheet.append([z.zone, z.contacts, z.linked, z.anonymous_f, z.anonymous_m, z.reached])
    sheet.column_dimensions["A"].width = 48
    book.save(target)
    audit.record(
        session,
        actor,
        AuditAction.EXPORT,
        "street_contact",
        detail=f"Riepilogo dell'unità di strada di {month:02d}/{year} in «{target.name}»",
    )
    return target
