"""Percorsi di accompagnamento: a person's enrolment in the programme (entry, actions,
reference operator, exit with destination and reason), the list of percorsi, and the
"active" filter of the Beneficiari list.

Rules (DOMAIN.md 4): the entry is on or after the person's intake date; the exit on or after
the entry; one open percorso per person, and no two percorsi of a person overlapping. The
last two are also database rules (a partial unique index and a trigger, migration 0010): a
write that passes the check here while another PC writes the same person's percorso is
refused by the database, and :mod:`conflicts` names the other percorso either way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from tit_desktop.models import Person, StaffMember
from tit_desktop.models.destinations import DESTINATION_GROUPS, ExitDestination
from tit_desktop.models.pathways import Pathway
from tit_desktop.services import clock, conflicts, persons, timeline
from tit_desktop.services.database import STALE_MESSAGE
from tit_desktop.services.errors import (
    ConflictError,
    NotFound,
    StaleRecord,
    ValidationError,
    register_labels,
)
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.text import character_problem, clean

register_labels(
    {
        "entry_date": "Data ingresso",
        "exit_date": "Data uscita",
        "exit_destination": "Destinazione",
        "exit_reason": "Motivo dell'uscita",
        "actions": "Azioni",
        "reference_staff_id": "Operatore di riferimento",
        "person_id": "Persona",
    }
)

MAX_TEXT = 4000
# The exit is at most this far ahead (a planned last day); the entry no later than that.
DAYS_AHEAD = 366
FAR_FUTURE = dt.date(9999, 12, 31)


def fmt(day: dt.date | None) -> str:
    return "" if day is None else f"{day:%d/%m/%Y}"


def period_text(entry: dt.date, exit_date: dt.date | None) -> str:
    """ "dal 01/02/2026 al 30/06/2026", "dal 01/02/2026 (aperto)"."""
    if exit_date is None:
        return f"dal {fmt(entry)} (aperto)"
    return f"dal {fmt(entry)} al {fmt(exit_date)}"


def destination_of(text: str | None) -> ExitDestination | None:
    """The destination written as DOMAIN.md 5 names it (case and spaces ignored); None for
    an empty text; ValueError for an unknown one."""
    value = clean(text)
    if value is None:
        return None
    key = value.casefold()
    for destination in ExitDestination:
        if destination.value.casefold() == key:
            return destination
    raise ValueError(value)


UNKNOWN_DESTINATION = "destinazione sconosciuta: scegliere una di " + ", ".join(
    f"«{d.value}»" for d in ExitDestination
)


# --- input and checks ----------------------------------------------------------------------


@dataclass(frozen=True)
class PathwayInput:
    """What the percorso form edits (strings as typed; the service cleans them)."""

    person_id: int
    entry_date: dt.date | None = None
    actions: str | None = None
    reference_staff_id: int | None = None
    exit_date: dt.date | None = None
    exit_destination: str | None = None
    exit_reason: str | None = None


def _text_problem(value: str | None) -> str | None:
    if value is None:
        return None
    if len(value) > MAX_TEXT:
        return f"al massimo {MAX_TEXT} caratteri"
    return character_problem(value)


def form_problems(data: PathwayInput, today: dt.date | None = None) -> dict[str, str]:
    """What is wrong with the form alone (no database): the screen shows it as typed."""
    today = today or clock.today()
    errors: dict[str, str] = {}
    latest = today + dt.timedelta(days=DAYS_AHEAD)
    if data.entry_date is None:
        errors["entry_date"] = "campo obbligatorio"
    elif not persons.EARLIEST_RECORD_DATE <= data.entry_date <= latest:
        errors["entry_date"] = (
            f"data non plausibile: deve essere fra il {fmt(persons.EARLIEST_RECORD_DATE)} "
            f"e il {fmt(latest)}"
        )
    if data.exit_date is not None:
        if data.entry_date is not None and data.exit_date < data.entry_date:
            errors["exit_date"] = (
                f"l'uscita ({fmt(data.exit_date)}) non può precedere l'ingresso "
                f"({fmt(data.entry_date)})"
            )
        elif data.exit_date > latest:
            errors["exit_date"] = f"data non plausibile: al più tardi il {fmt(latest)}"
    try:
        destination = destination_of(data.exit_destination)
    except ValueError:
        errors["exit_destination"] = UNKNOWN_DESTINATION
        destination = None
    if data.exit_date is not None and destination is None and "exit_destination" not in errors:
        errors["exit_destination"] = "indicare la destinazione all'uscita"
    if destination is not None and data.exit_date is None:
        errors["exit_date"] = "la destinazione si indica con la data di uscita"
    if data.exit_reason and data.exit_date is None and "exit_date" not in errors:
        errors["exit_date"] = "il motivo dell'uscita si indica con la data di uscita"
    for field in ("actions", "exit_reason"):
        problem = _text_problem(getattr(data, field))
        if problem:
            errors[field] = problem
    return errors


def normalise(data: PathwayInput) -> PathwayInput:
    return replace(
        data,
        actions=(data.actions or "").strip() or None,
        exit_reason=(data.exit_reason or "").strip() or None,
        exit_destination=clean(data.exit_destination),
    )


def overlapping(
    session: Session,
    person_id: int,
    entry: dt.date,
    exit_date: dt.date | None,
    exclude_id: int | None = None,
) -> Pathway | None:
    """The person's percorso that shares a day with entry..exit (open = to the end), if any."""
    query = select(Pathway).where(
        Pathway.person_id == person_id,
        Pathway.entry_date <= (exit_date or FAR_FUTURE),
        or_(Pathway.exit_date.is_(None), Pathway.exit_date >= entry),
    )
    if exclude_id is not None:
        query = query.where(Pathway.id != exclude_id)
    return session.scalars(query.order_by(Pathway.entry_date).limit(1)).first()


def describe(pathway: Pathway) -> str:
    return f"il percorso {period_text(pathway.entry_date, pathway.exit_date)}"


def validate(
    session: Session,
    data: PathwayInput,
    pathway_id: int | None = None,
    today: dt.date | None = None,
) -> Person:
    """Every rule, the database's included; ValidationError naming the fields (a conflict
    with another percorso is named on the date that causes it)."""
    errors = form_problems(data, today)
    person = session.get(Person, data.person_id)
    if person is None or person.merged_into_id is not None:
        raise NotFound("Persona non trovata.")
    if person.anonymised_at is not None:
        raise ConflictError(
            "La scheda è stata anonimizzata: non si possono più aggiungere o cambiare dati."
        )
    entry = data.entry_date
    if entry is not None and "entry_date" not in errors and entry < person.intake_date:
        errors["entry_date"] = (
            f"l'ingresso ({fmt(entry)}) non può precedere la presa in carico "
            f"({fmt(person.intake_date)})"
        )
    if data.reference_staff_id is not None and (
        session.get(StaffMember, data.reference_staff_id) is None
    ):
        errors["reference_staff_id"] = "operatore non trovato"
    if data.entry_date is not None and not errors:
        other = overlapping(session, person.id, data.entry_date, data.exit_date, pathway_id)
        if other is not None:
            field = "exit_date" if other.entry_date > data.entry_date else "entry_date"
            if other.exit_date is None and data.exit_date is None:
                errors["entry_date"] = (
                    f"la persona ha già un percorso aperto ({describe(other)}): chiuderlo "
                    "prima di aprirne un altro"
                )
            else:
                errors[field] = f"si sovrappone a {describe(other)}"
    if errors:
        raise ValidationError(errors)
    return person


def person_id_for(session: Session, actor: Actor, code: str) -> int:
    """The person a Codice names (the percorso form's person), or ValidationError."""
    require(actor, Permission.READ_REGISTRY)
    if not code.strip():
        raise ValidationError({"person_id": "campo obbligatorio: scegliere la persona"})
    person_id = persons.find_id_by_code(session, code)
    if person_id is None:
        raise ValidationError({"person_id": f"nessuna persona con codice «{code.strip()}»"})
    return person_id


def _apply(pathway: Pathway, data: PathwayInput) -> None:
    pathway.entry_date = data.entry_date  # type: ignore[assignment]
    pathway.actions = data.actions
    pathway.reference_staff_id = data.reference_staff_id
    pathway.exit_date = data.exit_date
    pathway.exit_destination = destination_of(data.exit_destination)
    pathway.exit_reason = data.exit_reason


def create_pathway(session: Session, actor: Actor, data: PathwayInput) -> int:
    require(actor, Permission.WRITE_REGISTRY)
    data = normalise(data)
    validate(session, data)
    pathway = Pathway(person_id=data.person_id)
    _apply(pathway, data)
    session.add(pathway)
    session.flush()
    return pathway.id


def editable_pathway(session: Session, pathway_id: int, expected_version: int | None) -> Pathway:
    pathway = session.get(Pathway, pathway_id)
    if pathway is None:
        raise NotFound("Percorso non trovato (forse eliminato da un altro utente).")
    if expected_version is not None and pathway.version != expected_version:
        raise StaleRecord(STALE_MESSAGE)
    return pathway


def update_pathway(
    session: Session, actor: Actor, pathway_id: int, data: PathwayInput, expected_version: int
) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    pathway = editable_pathway(session, pathway_id, expected_version)
    data = normalise(replace(data, person_id=pathway.person_id))
    validate(session, data, pathway_id)
    _apply(pathway, data)
    session.flush()


def close_pathway(
    session: Session,
    actor: Actor,
    pathway_id: int,
    expected_version: int,
    exit_date: dt.date | None,
    destination: str | None,
    reason: str | None = None,
) -> None:
    """The exit: its date (the last day), the destination (DOMAIN.md 5) and the reason."""
    require(actor, Permission.WRITE_REGISTRY)
    pathway = editable_pathway(session, pathway_id, expected_version)
    data = input_of(pathway)
    errors: dict[str, str] = {}
    if exit_date is None:
        errors["exit_date"] = "campo obbligatorio"
    if clean(destination) is None:
        errors["exit_destination"] = "campo obbligatorio"
    if errors:
        raise ValidationError(errors)
    update_pathway(
        session,
        actor,
        pathway_id,
        replace(data, exit_date=exit_date, exit_destination=destination, exit_reason=reason),
        expected_version,
    )


def delete_pathway(session: Session, actor: Actor, pathway_id: int, expected_version: int) -> None:
    """Remove a percorso entered by mistake (its plan, assessments go with it)."""
    require(actor, Permission.WRITE_REGISTRY)
    pathway = editable_pathway(session, pathway_id, expected_version)
    session.delete(pathway)
    session.flush()


def input_of(pathway: Pathway) -> PathwayInput:
    return PathwayInput(
        person_id=pathway.person_id,
        entry_date=pathway.entry_date,
        actions=pathway.actions,
        reference_staff_id=pathway.reference_staff_id,
        exit_date=pathway.exit_date,
        exit_destination=pathway.exit_destination.value if pathway.exit_destination else None,
        exit_reason=pathway.exit_reason,
    )


@conflicts.explains("ux_pathway_one_open", "ck_pathway_no_overlap")
def _other_pathway(session: Session, violation: conflicts.Violation) -> str | None:
    rows = violation.rows
    if not rows:
        return None
    row = rows[0]
    person_id = row.get("person_id")
    entry = row.get("entry_date")
    own_id = row.get("id") or row.get("id_1")
    if person_id is None:
        # an UPDATE: the row's key is in the WHERE parameters
        own_id = row.get("pathway_id") or own_id
        found = session.get(Pathway, own_id) if own_id else None
        if found is None:
            return None
        person_id = found.person_id
        entry = entry or found.entry_date
    exit_date = row.get("exit_date")
    other = (
        overlapping(session, int(person_id), entry, exit_date, own_id)
        if isinstance(entry, dt.date)
        else None
    )
    if other is None:
        other = session.scalars(
            select(Pathway).where(Pathway.person_id == person_id, Pathway.exit_date.is_(None))
        ).first()
    if other is None:
        return None
    person = session.get(Person, person_id)
    who = f" di {person.last_name} {person.first_name} ({person.code})" if person else ""
    if other.exit_date is None and violation.constraint == "ux_pathway_one_open":
        return f"C'è già un percorso aperto{who}: {describe(other)}."
    return f"Il percorso si sovrappone a un altro percorso{who}: {describe(other)}."


# --- reading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PathwayView:
    id: int
    version: int
    person_id: int
    person_code: str
    person_name: str
    intake_date: dt.date
    entry_date: dt.date
    actions: str
    reference_staff_id: int | None
    reference_staff: str
    exit_date: dt.date | None
    exit_destination: str | None
    destination_group: str | None
    exit_reason: str

    @property
    def is_open(self) -> bool:
        return self.exit_date is None


def get_pathway(session: Session, actor: Actor, pathway_id: int) -> PathwayView:
    require(actor, Permission.READ_REGISTRY)
    pathway = session.get(Pathway, pathway_id)
    if pathway is None:
        raise NotFound("Percorso non trovato (forse eliminato da un altro utente).")
    return _view(session, pathway)


def _view(session: Session, pathway: Pathway) -> PathwayView:
    person = session.get(Person, pathway.person_id)
    assert person is not None
    staff = (
        session.get(StaffMember, pathway.reference_staff_id) if pathway.reference_staff_id else None
    )
    destination = pathway.exit_destination
    return PathwayView(
        id=pathway.id,
        version=pathway.version,
        person_id=person.id,
        person_code=person.code,
        person_name=person.display_name,
        intake_date=person.intake_date,
        entry_date=pathway.entry_date,
        actions=pathway.actions or "",
        reference_staff_id=pathway.reference_staff_id,
        reference_staff=staff.display_name if staff else "",
        exit_date=pathway.exit_date,
        exit_destination=destination.value if destination else None,
        destination_group=DESTINATION_GROUPS[destination].value if destination else None,
        exit_reason=pathway.exit_reason or "",
    )


def pathways_of_person(session: Session, actor: Actor, person_id: int) -> list[PathwayView]:
    """The person's percorsi, the latest first."""
    require(actor, Permission.READ_REGISTRY)
    rows = session.scalars(
        select(Pathway)
        .where(Pathway.person_id == person_id)
        .order_by(Pathway.entry_date.desc(), Pathway.id.desc())
    )
    return [_view(session, p) for p in rows]


def open_pathway_id(session: Session, person_id: int) -> int | None:
    return session.scalar(
        select(Pathway.id).where(Pathway.person_id == person_id, Pathway.exit_date.is_(None))
    )


@dataclass(frozen=True)
class PathwayFilter:
    """``state``: "open", "closed" or None (all); ``staff_id``: the reference operator;
    ``period_from``/``period_to``: percorsi sharing at least a day with the period."""

    text: str = ""
    state: str | None = None
    staff_id: int | None = None
    period_from: dt.date | None = None
    period_to: dt.date | None = None


SORTABLE: dict[str, Any] = {
    "entry_date": Pathway.entry_date,
    "exit_date": Pathway.exit_date,
    "name": Person.sort_key,
    "code": Person.code,
}


def _filtered(query: Any, flt: PathwayFilter) -> Any:
    query = query.where(Person.merged_into_id.is_(None))
    if flt.state == "open":
        query = query.where(Pathway.exit_date.is_(None))
    elif flt.state == "closed":
        query = query.where(Pathway.exit_date.is_not(None))
    if flt.staff_id is not None:
        query = query.where(Pathway.reference_staff_id == flt.staff_id)
    if flt.period_to is not None:
        query = query.where(Pathway.entry_date <= flt.period_to)
    if flt.period_from is not None:
        query = query.where(or_(Pathway.exit_date.is_(None), Pathway.exit_date >= flt.period_from))
    if persons.search_words(flt.text):
        matching = persons.person_ids_matching(persons.PersonFilter(text=flt.text))
        query = query.where(Pathway.person_id.in_(matching))
    return query


def search_ids(
    session: Session,
    actor: Actor,
    flt: PathwayFilter,
    sort: str = "entry_date",
    descending: bool = True,
) -> list[int]:
    require(actor, Permission.READ_REGISTRY)
    column = SORTABLE[sort]
    direction = column.desc() if descending else column.asc()
    if sort == "exit_date":
        direction = direction.nulls_first() if descending else direction.nulls_last()
    query = _filtered(select(Pathway.id).join(Person, Person.id == Pathway.person_id), flt)
    return list(session.scalars(query.order_by(direction, Person.sort_key, Pathway.id)))


@dataclass(frozen=True)
class PathwayRow:
    id: int
    code: str
    name: str
    entry_date: dt.date
    exit_date: dt.date | None
    staff: str
    destination: str


def rows_for(session: Session, actor: Actor, ids: Sequence[int]) -> dict[int, PathwayRow]:
    require(actor, Permission.READ_REGISTRY)
    if not ids:
        return {}
    query = (
        select(
            Pathway.id,
            Person.code,
            Person.last_name,
            Person.first_name,
            Pathway.entry_date,
            Pathway.exit_date,
            StaffMember.last_name.label("staff_last"),
            StaffMember.first_name.label("staff_first"),
            Pathway.exit_destination,
        )
        .join(Person, Person.id == Pathway.person_id)
        .outerjoin(StaffMember, StaffMember.id == Pathway.reference_staff_id)
        .where(Pathway.id.in_(list(ids)))
    )
    return {
        r.id: PathwayRow(
            r.id,
            r.code,
            f"{r.last_name} {r.first_name}",
            r.entry_date,
            r.exit_date,
            f"{r.staff_last} {r.staff_first}" if r.staff_last else "",
            r.exit_destination.value if r.exit_destination else "",
        )
        for r in session.execute(query)
    }


def count_open(session: Session, actor: Actor) -> int:
    require(actor, Permission.READ_REGISTRY)
    return int(
        session.scalar(select(func.count()).select_from(Pathway).where(Pathway.exit_date.is_(None)))
        or 0
    )


def in_pathway_condition(on: dt.date) -> Any:
    """The persons with a percorso running on ``on`` (for the Beneficiari list's filter)."""
    return select(Pathway.person_id).where(
        and_(
            Pathway.entry_date <= on,
            or_(Pathway.exit_date.is_(None), Pathway.exit_date >= on),
        )
    )


# --- the person's timeline ----------------------------------------------------------------


def _timeline(session: Session, actor: Actor, person_id: int) -> list[timeline.TimelineEvent]:
    require(actor, Permission.READ_REGISTRY)
    events = []
    for view in pathways_of_person(session, actor, person_id):
        detail = []
        if view.reference_staff:
            detail.append(f"operatore di riferimento {view.reference_staff}")
        if view.actions:
            detail.append(view.actions)
        events.append(
            timeline.TimelineEvent(
                view.entry_date,
                "pathways",
                "Ingresso nel percorso",
                "; ".join(detail),
                view.exit_date,
                "pathway",
                view.id,
            )
        )
        if view.exit_date is not None:
            reason = f" ({view.exit_reason})" if view.exit_reason else ""
            events.append(
                timeline.TimelineEvent(
                    view.exit_date,
                    "pathways",
                    "Uscita dal percorso",
                    f"destinazione: {view.exit_destination or '—'}{reason}",
                    None,
                    "pathway",
                    view.id,
                )
            )
    return events


timeline.register_provider("pathways", "Percorsi", _timeline)
