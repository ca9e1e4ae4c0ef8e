"""Housing: units (alloggi), beds (posti) and stays (soggiorni), night by night.

Nights (DOMAIN.md 4): a stay's nights are the dates d with dal <= d < al; an open stay
(``al`` empty) runs up to tonight. The two rules between stays (one person per bed per
night, one bed per person per night) are checked here first, to name the other stay in the
form, and hold in the database itself (models/housing.py): two PCs assigning the same bed at
the same moment cannot both win, and the loser reads the same message, worded by the
explainers registered below.

Reads need READ_REGISTRY, writes WRITE_REGISTRY (the operators assign beds); every write
goes through the ORM, whose listener audits it field by field.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Date,
    Integer,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from tit_desktop.models import Bed, HousingKind, HousingUnit, Person, Stay
from tit_desktop.models.destinations import ExitDestination, group_of
from tit_desktop.services import clock, conflicts, persons, timeline
from tit_desktop.services.errors import (
    ConflictError,
    NotFound,
    StaleRecord,
    ValidationError,
    register_labels,
)
from tit_desktop.services.gdpr.registry import LinkedEntity, Section, register_section
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.text import clean

FIELD_LABELS = {
    "unit": "Alloggio",
    "unit_id": "Alloggio",
    "kind": "Tipo",
    "active_from": "Attivo dal",
    "active_to": "Attivo fino al",
    "beds": "Posti",
    "bed": "Posto",
    "bed_id": "Posto",
    "label": "Posto",
    "person": "Persona",
    "dal": "Dal (prima notte)",
    "al": "Al (giorno di partenza)",
    "exit_destination": "Destinazione all'uscita",
    "notes": "Note",
    "day": "Giorno",
}
register_labels(FIELD_LABELS)

KIND_LABELS = {
    HousingKind.CO_HOUSING: "Co-housing",
    HousingKind.HOUSING_FIRST: "Housing first",
    HousingKind.NIGHT_SHELTER: "Accoglienza notturna",
}

STALE = (
    "Il record è stato modificato da un altro utente dopo che lo avete aperto. "
    "Le vostre modifiche non sono state salvate: riaprite il record e ripetetele."
)

MAX_NAME = 120
MAX_ADDRESS = 300
MAX_LABEL = 20
MAX_BEDS = 500


def fmt(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day is not None else ""


# =========================================================================== nights


def nights_between(
    dal: dt.date,
    al: dt.date | None,
    start: dt.date,
    end: dt.date,
    today: dt.date | None = None,
) -> int:
    """How many nights of the stay [dal, al) fall in the period [start, end) (``end`` is the
    first day after the period). An open stay runs up to tonight (``today`` included)."""
    last = al if al is not None else (today or clock.today()) + dt.timedelta(days=1)
    first = max(dal, start)
    stop = min(last, end)
    return max((stop - first).days, 0)


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first day of the month and the first day of the next."""
    first = dt.date(year, month, 1)
    return first, first + dt.timedelta(days=calendar.monthrange(year, month)[1])


def _days_between(session: Session, later: Any, earlier: Any) -> ColumnElement[int]:
    """later - earlier in days, in SQL, on either engine."""
    if session.get_bind().dialect.name == "sqlite":
        return cast(func.julianday(later) - func.julianday(earlier), Integer)
    return later - earlier


def nights_expression(
    session: Session, start: dt.date, end: dt.date, today: dt.date
) -> ColumnElement[int]:
    """The nights of each stay in [start, end), in SQL (0 for stays outside it)."""
    tomorrow = today + dt.timedelta(days=1)
    start_p = literal(start, Date)
    end_p = literal(end, Date)
    last = func.coalesce(Stay.al, literal(tomorrow, Date))
    first = case((Stay.dal > start_p, Stay.dal), else_=start_p)
    stop = case((last < end_p, last), else_=end_p)
    return case((stop > first, _days_between(session, stop, first)), else_=0)


def _overlapping(start: dt.date, end: dt.date, today: dt.date) -> ColumnElement[bool]:
    """Stays with at least one night in [start, end): an ended stay by its dates, an open
    one when it began by tonight and the period does not begin after tonight."""
    ended = and_(Stay.al.is_not(None), Stay.al > start)
    if start > today:
        return and_(Stay.dal < end, ended)
    return and_(Stay.dal < end, or_(ended, and_(Stay.al.is_(None), Stay.dal <= today)))


@dataclass(frozen=True)
class NightsSummary:
    bed_nights: int
    persons: int


def bed_nights(
    session: Session, actor: Actor, start: dt.date, end: dt.date, today: dt.date | None = None
) -> NightsSummary:
    """Bed-nights in [start, end) over all stays and the distinct persons with a night
    (DOMAIN.md 7 ``bed_nights``/``stay_persons``), computed in SQL."""
    require(actor, Permission.READ_REGISTRY)
    today = today or clock.today()
    nights = nights_expression(session, start, end, today)
    # A person counts only with a night in the period (an empty period has none).
    with_a_night = case((nights > 0, Stay.person_id))
    row = session.execute(
        select(func.coalesce(func.sum(nights), 0), func.count(func.distinct(with_a_night))).where(
            _overlapping(start, end, today)
        )
    ).one()
    return NightsSummary(int(row[0]), int(row[1]))


# =========================================================================== units and beds


@dataclass(frozen=True)
class UnitInput:
    name: str
    kind: HousingKind | str
    address: str | None = None
    active_from: dt.date | None = None
    active_to: dt.date | None = None
    notes: str | None = None
    # Bed labels in the order shown ("1", "2", "A"): new ones are added, missing ones set
    # inactive (their stays stay in the history).
    bed_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnitRow:
    id: int
    name: str
    address: str
    kind: HousingKind
    active_from: dt.date | None
    active_to: dt.date | None
    beds: int
    occupied_tonight: int
    version: int

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    def active_on(self, day: dt.date) -> bool:
        return (self.active_from is None or self.active_from <= day) and (
            self.active_to is None or day <= self.active_to
        )


@dataclass(frozen=True)
class UnitDetail:
    id: int
    version: int
    data: UnitInput


def label_key(label: object) -> str:
    """A bed label as stored: "1", 1 and 1.0 from a spreadsheet are the same bed."""
    if isinstance(label, float) and label.is_integer():
        label = int(label)
    return " ".join(str(label).split())


def parse_bed_labels(text: str) -> tuple[str, ...]:
    """ "1, 2, 3" or "1-4" or "A, B" as the labels of the beds."""
    labels: list[str] = []
    for chunk in text.replace(";", ",").split(","):
        part = chunk.strip()
        if not part:
            continue
        low, dash, high = part.partition("-")
        if dash and low.strip().isdigit() and high.strip().isdigit():
            a, b = int(low), int(high)
            if a <= b and b - a < MAX_BEDS:
                labels.extend(str(n) for n in range(a, b + 1))
                continue
        labels.append(label_key(part))
    return tuple(labels)


def _validate_unit(session: Session, data: UnitInput, unit_id: int | None) -> UnitInput:
    errors: dict[str, str] = {}
    name = clean(data.name) or ""
    address = clean(data.address)
    notes = (data.notes or "").strip() or None
    if not name:
        errors["name"] = "campo obbligatorio"
    elif len(name) > MAX_NAME:
        errors["name"] = f"al massimo {MAX_NAME} caratteri"
    elif session.scalar(
        select(HousingUnit.id).where(
            func.lower(HousingUnit.name) == name.lower(),
            HousingUnit.id != (unit_id or 0),
        )
    ):
        errors["name"] = f"esiste già un alloggio chiamato «{name}»"
    if address and len(address) > MAX_ADDRESS:
        errors["address"] = f"al massimo {MAX_ADDRESS} caratteri"
    try:
        kind = HousingKind(data.kind)
    except ValueError:
        errors["kind"] = "indicare co-housing, housing first o accoglienza notturna"
        kind = HousingKind.CO_HOUSING
    if data.active_from and data.active_to and data.active_to < data.active_from:
        errors["active_to"] = "non può precedere la data di inizio"
    labels = tuple(label_key(lbl) for lbl in data.bed_labels if label_key(lbl))
    seen: set[str] = set()
    for lbl in labels:
        if len(lbl) > MAX_LABEL:
            errors["beds"] = f"l'etichetta «{lbl[:30]}» supera {MAX_LABEL} caratteri"
        if lbl.casefold() in seen:
            errors["beds"] = f"il posto «{lbl}» è indicato due volte"
        seen.add(lbl.casefold())
    if len(labels) > MAX_BEDS:
        errors["beds"] = f"al massimo {MAX_BEDS} posti per alloggio"
    if errors:
        raise ValidationError(errors)
    return UnitInput(name, kind, address, data.active_from, data.active_to, notes, labels)


def _unit(session: Session, unit_id: int) -> HousingUnit:
    unit = session.get(HousingUnit, unit_id)
    if unit is None:
        raise NotFound("Alloggio non trovato (forse eliminato da un altro utente).")
    return unit


def _stays_outside(
    session: Session, unit_id: int, first: dt.date | None, last: dt.date | None
) -> Any:
    """The first stay of the unit with a night outside [first, last] (open stays: from dal
    on, without end), or None."""
    outside = []
    if first is not None:
        outside.append(Stay.dal < first)
    if last is not None:
        outside.append(or_(Stay.al.is_(None), Stay.al > last + dt.timedelta(days=1)))
    if not outside:
        return None
    return session.execute(
        _stay_query().where(Bed.unit_id == unit_id, or_(*outside)).order_by(Stay.dal).limit(1)
    ).first()


def _apply_unit(session: Session, unit: HousingUnit, data: UnitInput) -> None:
    if unit.id is not None:
        stay = _stays_outside(session, unit.id, data.active_from, data.active_to)
        if stay is not None:
            info = _stay_info(stay)
            field_name = "active_to" if data.active_to is not None else "active_from"
            if data.active_from is not None and info.dal < data.active_from:
                field_name = "active_from"
            raise ValidationError(
                {field_name: f"il periodo escluderebbe il soggiorno di {info.describe()}"}
            )
    unit.name = data.name
    unit.kind = HousingKind(data.kind)
    unit.address = data.address
    unit.active_from = data.active_from
    unit.active_to = data.active_to
    unit.notes = data.notes
    existing = {bed.label.casefold(): bed for bed in unit.beds}
    wanted = {lbl.casefold() for lbl in data.bed_labels}
    for lbl in data.bed_labels:
        bed = existing.get(lbl.casefold())
        if bed is None:
            unit.beds.append(Bed(label=lbl, active=True))
        elif not bed.active:
            bed.active = True
    for key, bed in existing.items():
        if key not in wanted and bed.active:
            if unit.id is not None:
                busy = session.execute(
                    _stay_query()
                    .where(Stay.bed_id == bed.id, or_(Stay.al.is_(None), Stay.al > clock.today()))
                    .limit(1)
                ).first()
                if busy is not None:
                    raise ValidationError(
                        {
                            "beds": f"il posto «{bed.label}» non può essere tolto: è assegnato "
                            f"({_stay_info(busy).describe()})"
                        }
                    )
            bed.active = False


def create_unit(session: Session, actor: Actor, data: UnitInput) -> UnitDetail:
    require(actor, Permission.WRITE_REGISTRY)
    data = _validate_unit(session, data, None)
    unit = HousingUnit()
    _apply_unit(session, unit, data)
    session.add(unit)
    session.flush()
    return _detail(unit)


def update_unit(
    session: Session, actor: Actor, unit_id: int, data: UnitInput, expected_version: int
) -> UnitDetail:
    require(actor, Permission.WRITE_REGISTRY)
    unit = _unit(session, unit_id)
    if unit.version != expected_version:
        raise StaleRecord(STALE)
    data = _validate_unit(session, data, unit_id)
    _apply_unit(session, unit, data)
    session.flush()
    return _detail(unit)


def deactivate_unit(
    session: Session, actor: Actor, unit_id: int, last_night: dt.date, expected_version: int
) -> UnitDetail:
    """The unit is in use up to ``last_night`` included; refused while a stay runs past it."""
    require(actor, Permission.WRITE_REGISTRY)
    unit = _unit(session, unit_id)
    if unit.version != expected_version:
        raise StaleRecord(STALE)
    current = open_unit_input(unit)
    if current.active_from is not None and last_night < current.active_from:
        raise ValidationError({"active_to": "non può precedere la data di inizio"})
    data = UnitInput(
        current.name,
        current.kind,
        current.address,
        current.active_from,
        last_night,
        current.notes,
        current.bed_labels,
    )
    _apply_unit(session, unit, data)
    session.flush()
    return _detail(unit)


def open_unit_input(unit: HousingUnit) -> UnitInput:
    return UnitInput(
        unit.name,
        unit.kind,
        unit.address,
        unit.active_from,
        unit.active_to,
        unit.notes,
        tuple(bed.label for bed in unit.beds if bed.active),
    )


def _detail(unit: HousingUnit) -> UnitDetail:
    return UnitDetail(unit.id, unit.version, open_unit_input(unit))


def open_unit(session: Session, actor: Actor, unit_id: int) -> UnitDetail:
    require(actor, Permission.READ_REGISTRY)
    return _detail(_unit(session, unit_id))


def list_units(
    session: Session,
    actor: Actor,
    text: str = "",
    include_inactive: bool = True,
    today: dt.date | None = None,
) -> list[UnitRow]:
    """The units by name, with their active beds and the beds taken tonight."""
    require(actor, Permission.READ_REGISTRY)
    today = today or clock.today()
    beds = (
        select(func.count(Bed.id))
        .where(Bed.unit_id == HousingUnit.id, Bed.active.is_(True))
        .scalar_subquery()
    )
    taken = (
        select(func.count(Stay.id))
        .join(Bed, Bed.id == Stay.bed_id)
        .where(
            Bed.unit_id == HousingUnit.id,
            Stay.dal <= today,
            or_(Stay.al.is_(None), Stay.al > today),
        )
        .scalar_subquery()
    )
    query = select(HousingUnit, beds, taken).order_by(func.lower(HousingUnit.name))
    for word in text.split():
        pattern = f"%{word.lower()}%"
        query = query.where(
            or_(
                func.lower(HousingUnit.name).like(pattern),
                func.lower(func.coalesce(HousingUnit.address, "")).like(pattern),
                func.lower(HousingUnit.kind).like(pattern),
            )
        )
    if not include_inactive:
        query = query.where(or_(HousingUnit.active_to.is_(None), HousingUnit.active_to >= today))
    return [
        UnitRow(
            unit.id,
            unit.name,
            unit.address or "",
            unit.kind,
            unit.active_from,
            unit.active_to,
            int(n_beds or 0),
            int(n_taken or 0),
            unit.version,
        )
        for unit, n_beds, n_taken in session.execute(query)
    ]


def unit_id_by_name(session: Session, name: str) -> int | None:
    key = (clean(name) or "").lower()
    found: int | None = session.scalar(
        select(HousingUnit.id).where(func.lower(HousingUnit.name) == key)
    )
    return found


@dataclass(frozen=True)
class BedRow:
    id: int
    unit_id: int
    label: str
    active: bool


def beds_of(session: Session, actor: Actor, unit_id: int) -> list[BedRow]:
    require(actor, Permission.READ_REGISTRY)
    rows = session.scalars(select(Bed).where(Bed.unit_id == unit_id).order_by(Bed.id))
    return [BedRow(b.id, b.unit_id, b.label, b.active) for b in rows]


# =========================================================================== stays


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ is slow for a big board
class StayInfo:
    id: int
    version: int
    person_id: int
    code: str
    name: str
    unit_id: int
    unit_name: str
    bed_id: int
    bed_label: str
    dal: dt.date
    al: dt.date | None
    exit_destination: ExitDestination | None
    notes: str | None

    @property
    def period(self) -> str:
        if self.al is None:
            return f"dal {fmt(self.dal)}, in corso"
        return f"dal {fmt(self.dal)} al {fmt(self.al)}"

    @property
    def place(self) -> str:
        return f"{self.unit_name}, posto {self.bed_label}"

    def describe(self) -> str:
        """ "Rossi Mario (TIU-00012), Casa Aurora, posto 2, dal 01/03/2026, in corso"."""
        return f"{self.name} ({self.code}), {self.place}, {self.period}"

    @property
    def destination_text(self) -> str:
        if self.exit_destination is None:
            return ""
        return f"{self.exit_destination.value} ({group_of(self.exit_destination).value})"


def _stay_query() -> Any:
    return (
        select(
            Stay.id,
            Stay.version,
            Stay.person_id,
            Person.code,
            Person.last_name,
            Person.first_name,
            HousingUnit.id.label("unit_id"),
            HousingUnit.name.label("unit_name"),
            Stay.bed_id,
            Bed.label,
            Stay.dal,
            Stay.al,
            Stay.exit_destination,
            Stay.notes,
        )
        .join(Person, Person.id == Stay.person_id)
        .join(Bed, Bed.id == Stay.bed_id)
        .join(HousingUnit, HousingUnit.id == Bed.unit_id)
    )


def _stay_info(row: Any) -> StayInfo:
    # Unpacked by position: a name lookup per column costs more than the query on a board
    # of thousands of stays.
    (
        stay_id,
        version,
        person_id,
        code,
        last_name,
        first_name,
        unit_id,
        unit_name,
        bed_id,
        label,
        dal,
        al,
        destination,
        notes,
    ) = row
    return StayInfo(
        stay_id,
        version,
        person_id,
        code,
        f"{last_name} {first_name}",
        unit_id,
        unit_name,
        bed_id,
        label,
        dal,
        al,
        destination,
        notes,
    )


def stay_infos(session: Session, *where: Any) -> list[StayInfo]:
    """The stays matching ``where`` (SQL conditions on Stay, Bed, HousingUnit, Person), as
    plain data, in one query. No permission check: for services that checked theirs."""
    rows = session.execute(_stay_query().where(*where).order_by(Stay.id))
    return [_stay_info(r) for r in rows]


def _nights_overlap(dal: dt.date, al: dt.date | None) -> ColumnElement[bool]:
    """Stays sharing a night with [dal, al) (NULL = without end)."""
    clauses = [or_(Stay.al.is_(None), Stay.al > dal)]
    if al is not None:
        clauses.append(Stay.dal < al)
    return and_(*clauses)


def overlapping_stay(
    session: Session,
    *,
    dal: dt.date,
    al: dt.date | None,
    bed_id: int | None = None,
    person_id: int | None = None,
    exclude: Iterable[int] = (),
) -> StayInfo | None:
    """The first stay in the bed (or of the person) sharing a night with [dal, al)."""
    query = select(Stay.id).where(_nights_overlap(dal, al))
    if bed_id is not None:
        query = query.where(Stay.bed_id == bed_id)
    if person_id is not None:
        query = query.where(Stay.person_id == person_id)
    excluded = [i for i in exclude if i is not None]
    if excluded:
        query = query.where(Stay.id.not_in(excluded))
    # The check itself reads only the stay table (through its index); the names and the
    # place are read when there is a stay to name.
    found = session.scalar(query.order_by(Stay.dal).limit(1))
    if found is None:
        return None
    row = session.execute(_stay_query().where(Stay.id == found)).first()
    return _stay_info(row) if row is not None else None


def bed_taken_message(other: StayInfo) -> str:
    return f"Il posto {other.place} è già occupato in quelle notti da {other.describe()}."


def person_placed_message(other: StayInfo) -> str:
    return f"{other.name} ({other.code}) ha già un posto in quelle notti: {other.describe()}."


_BED_LOCK = 7301  # advisory lock classes (PostgreSQL): one bed, one person's nights
_PERSON_LOCK = 7302


def _serialise(session: Session, bed_ids: Iterable[int], person_id: int) -> None:
    """Two PCs writing stays for the same bed or the same person take turns (PostgreSQL;
    SQLite's write transactions already do): the second one's check then sees the first
    one's stay and names it. Without this the exclusion constraints still refuse the
    second, but two concurrent inserts checking each other can end in a deadlock, which
    the user would read as "database busy". Beds first, then the person: no cycle."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for bed_id in sorted(set(bed_ids)):
        session.execute(select(func.pg_advisory_xact_lock(_BED_LOCK, bed_id)))
    session.execute(select(func.pg_advisory_xact_lock(_PERSON_LOCK, person_id)))


def _check_free(
    session: Session,
    person_id: int,
    bed_id: int,
    dal: dt.date,
    al: dt.date | None,
    exclude: Iterable[int] = (),
) -> None:
    exclude = tuple(exclude)
    other = overlapping_stay(session, dal=dal, al=al, bed_id=bed_id, exclude=exclude)
    if other is not None:
        raise ConflictError(bed_taken_message(other))
    other = overlapping_stay(session, dal=dal, al=al, person_id=person_id, exclude=exclude)
    if other is not None:
        raise ConflictError(person_placed_message(other))


def _check_period(
    person: Person,
    unit: HousingUnit,
    dal: dt.date,
    al: dt.date | None,
    today: dt.date,
) -> None:
    errors: dict[str, str] = {}
    if dal < person.intake_date:
        errors["dal"] = (
            f"la prima notte non può precedere la data di presa in carico "
            f"({fmt(person.intake_date)})"
        )
    if al is not None and al <= dal:
        errors["al"] = "il giorno di partenza deve seguire la prima notte"
    if unit.active_from is not None and dal < unit.active_from:
        errors["dal"] = f"l'alloggio «{unit.name}» è in uso dal {fmt(unit.active_from)}"
    if unit.active_to is not None:
        last_night = (al - dt.timedelta(days=1)) if al is not None else max(dal, today)
        if dal > unit.active_to:
            errors["dal"] = f"l'alloggio «{unit.name}» è in uso fino al {fmt(unit.active_to)}"
        elif last_night > unit.active_to:
            errors["al"] = (
                f"l'alloggio «{unit.name}» è in uso fino alla notte del {fmt(unit.active_to)}: "
                f"partenza al più tardi il {fmt(unit.active_to + dt.timedelta(days=1))}"
            )
    if errors:
        raise ValidationError(errors)


def _bed_in_unit(session: Session, unit_id: int, bed_id: int) -> tuple[HousingUnit, Bed]:
    unit = _unit(session, unit_id)
    bed = session.get(Bed, bed_id)
    if bed is None or bed.unit_id != unit.id:
        raise ValidationError({"bed": f"il posto indicato non esiste nell'alloggio «{unit.name}»"})
    if not bed.active:
        raise ValidationError({"bed": f"il posto «{bed.label}» di «{unit.name}» non è più in uso"})
    return unit, bed


def _get_stay(session: Session, stay_id: int, expected_version: int | None) -> Stay:
    stay = session.get(Stay, stay_id)
    if stay is None:
        raise NotFound("Soggiorno non trovato (forse eliminato da un altro utente).")
    if expected_version is not None and stay.version != expected_version:
        raise StaleRecord(STALE)
    return stay


def open_stay(session: Session, actor: Actor, stay_id: int) -> StayInfo:
    require(actor, Permission.READ_REGISTRY)
    row = session.execute(_stay_query().where(Stay.id == stay_id)).first()
    if row is None:
        raise NotFound("Soggiorno non trovato (forse eliminato da un altro utente).")
    return _stay_info(row)


def assign(
    session: Session,
    actor: Actor,
    person_id: int,
    unit_id: int,
    bed_id: int,
    dal: dt.date,
    al: dt.date | None = None,
    notes: str | None = None,
) -> StayInfo:
    """A new stay of the person in the unit's bed, first night ``dal`` (``al`` empty: the
    person is still there)."""
    require(actor, Permission.WRITE_REGISTRY)
    person = persons.editable_person(session, person_id)
    unit, bed = _bed_in_unit(session, unit_id, bed_id)
    _check_period(person, unit, dal, al, clock.today())
    _serialise(session, [bed.id], person.id)
    _check_free(session, person.id, bed.id, dal, al)
    stay = Stay(person_id=person.id, bed_id=bed.id, dal=dal, al=al, notes=clean_notes(notes))
    session.add(stay)
    session.flush()
    return _info_of(stay, person, unit, bed)


def _info_of(stay: Stay, person: Person, unit: HousingUnit, bed: Bed) -> StayInfo:
    """The stay as plain data from the rows already at hand (no query)."""
    return StayInfo(
        stay.id,
        stay.version,
        person.id,
        person.code,
        f"{person.last_name} {person.first_name}",
        unit.id,
        unit.name,
        bed.id,
        bed.label,
        stay.dal,
        stay.al,
        stay.exit_destination,
        stay.notes,
    )


def clean_notes(notes: str | None) -> str | None:
    return (notes or "").strip() or None


def move(
    session: Session,
    actor: Actor,
    stay_id: int,
    unit_id: int,
    bed_id: int,
    day: dt.date,
    expected_version: int,
) -> StayInfo:
    """The person changes bed on ``day``: the stay ends that morning and a new one begins
    that night in the other bed (until the old stay's departure, or open), in one
    transaction. Moving on the stay's first day changes its bed."""
    require(actor, Permission.WRITE_REGISTRY)
    stay = _get_stay(session, stay_id, expected_version)
    person = persons.editable_person(session, stay.person_id)
    unit, bed = _bed_in_unit(session, unit_id, bed_id)
    if bed.id == stay.bed_id:
        raise ValidationError({"bed": "è il posto in cui la persona si trova già"})
    if day < stay.dal or (stay.al is not None and day >= stay.al):
        raise ValidationError(
            {"day": f"il cambio di posto deve cadere nel soggiorno ({_period_text(stay)})"}
        )
    _check_period(person, unit, day, stay.al, clock.today())
    _serialise(session, [bed.id, stay.bed_id], person.id)
    _check_free(session, person.id, bed.id, day, stay.al, exclude=(stay.id,))
    if day == stay.dal:
        stay.bed_id = bed.id
        session.flush()
        return open_stay(session, actor, stay.id)
    departure = stay.al
    destination = stay.exit_destination
    stay.al = day
    stay.exit_destination = None
    session.flush()  # the old stay ends before the new one begins, for the night rules
    new = Stay(
        person_id=person.id,
        bed_id=bed.id,
        dal=day,
        al=departure,
        exit_destination=destination,
        notes=None,
    )
    session.add(new)
    session.flush()
    return open_stay(session, actor, new.id)


def _period_text(stay: Stay) -> str:
    if stay.al is None:
        return f"dal {fmt(stay.dal)}, in corso"
    return f"dal {fmt(stay.dal)} al {fmt(stay.al)}"


def end_stay(
    session: Session,
    actor: Actor,
    stay_id: int,
    al: dt.date,
    destination: ExitDestination | str,
    expected_version: int,
    notes: str | None = None,
) -> StayInfo:
    """The person leaves on ``al`` (the morning after the last night) for ``destination``."""
    require(actor, Permission.WRITE_REGISTRY)
    stay = _get_stay(session, stay_id, expected_version)
    persons.editable_person(session, stay.person_id)
    errors: dict[str, str] = {}
    if al <= stay.dal:
        errors["al"] = f"il giorno di partenza deve seguire la prima notte ({fmt(stay.dal)})"
    try:
        chosen = ExitDestination(destination)
    except ValueError:
        errors["exit_destination"] = "scegliere una destinazione dall'elenco"
    if errors:
        raise ValidationError(errors)
    unit = stay.bed.unit
    if unit.active_to is not None and al > unit.active_to + dt.timedelta(days=1):
        raise ValidationError(
            {"al": f"l'alloggio «{unit.name}» è in uso fino alla notte del {fmt(unit.active_to)}"}
        )
    _serialise(session, [stay.bed_id], stay.person_id)
    _check_free(session, stay.person_id, stay.bed_id, stay.dal, al, exclude=(stay.id,))
    stay.al = al
    stay.exit_destination = chosen
    if notes is not None:
        stay.notes = clean_notes(notes)
    session.flush()
    return open_stay(session, actor, stay.id)


def reopen_stay(session: Session, actor: Actor, stay_id: int, expected_version: int) -> StayInfo:
    """Undo an exit recorded by mistake: the stay is open again (the person is still there)."""
    require(actor, Permission.WRITE_REGISTRY)
    stay = _get_stay(session, stay_id, expected_version)
    person = persons.editable_person(session, stay.person_id)
    if stay.al is None:
        raise ValidationError({"al": "il soggiorno è già in corso"})
    _check_period(person, stay.bed.unit, stay.dal, None, clock.today())
    _serialise(session, [stay.bed_id], stay.person_id)
    _check_free(session, stay.person_id, stay.bed_id, stay.dal, None, exclude=(stay.id,))
    stay.al = None
    stay.exit_destination = None
    session.flush()
    return open_stay(session, actor, stay.id)


def update_notes(
    session: Session, actor: Actor, stay_id: int, notes: str | None, expected_version: int
) -> StayInfo:
    require(actor, Permission.WRITE_REGISTRY)
    stay = _get_stay(session, stay_id, expected_version)
    persons.editable_person(session, stay.person_id)
    stay.notes = clean_notes(notes)
    session.flush()
    return open_stay(session, actor, stay.id)


def delete_stay(session: Session, actor: Actor, stay_id: int, expected_version: int) -> None:
    """A stay recorded by mistake (the wrong person, the wrong bed) is removed; the audit
    log keeps what it held."""
    require(actor, Permission.WRITE_REGISTRY)
    stay = _get_stay(session, stay_id, expected_version)
    persons.editable_person(session, stay.person_id)
    session.delete(stay)
    session.flush()


def stays_of_person(session: Session, actor: Actor, person_id: int) -> list[StayInfo]:
    """The person's stays, newest first."""
    require(actor, Permission.READ_REGISTRY)
    rows = session.execute(
        _stay_query().where(Stay.person_id == person_id).order_by(Stay.dal.desc(), Stay.id.desc())
    )
    return [_stay_info(r) for r in rows]


# =========================================================================== the board


@dataclass(frozen=True)
class BoardBed:
    id: int
    label: str
    active: bool


@dataclass(frozen=True)
class BoardUnit:
    id: int
    name: str
    kind: HousingKind
    active_from: dt.date | None
    active_to: dt.date | None
    beds: tuple[BoardBed, ...]
    occupied_nights: int
    available_nights: int

    @property
    def rate(self) -> float | None:
        """Occupied / available bed-nights of the month (up to tonight), None when the
        unit had no bed available."""
        if self.available_nights <= 0:
            return None
        return self.occupied_nights / self.available_nights

    def active_on(self, day: dt.date) -> bool:
        return (self.active_from is None or self.active_from <= day) and (
            self.active_to is None or day <= self.active_to
        )


@dataclass(frozen=True)
class Board:
    """A month of the units: each bed's stays overlapping it; the rate of each unit."""

    year: int
    month: int
    first: dt.date
    end: dt.date  # first day of the next month
    today: dt.date
    units: tuple[BoardUnit, ...]
    stays: tuple[StayInfo, ...]
    stays_by_bed: dict[int, tuple[StayInfo, ...]] = field(default_factory=dict)

    @property
    def days(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=i) for i in range((self.end - self.first).days)]

    def stay_at(self, bed_id: int, day: dt.date) -> StayInfo | None:
        """The stay holding the bed the night of ``day`` (an open stay: from dal on)."""
        for stay in self.stays_by_bed.get(bed_id, ()):
            if stay.dal <= day and (stay.al is None or day < stay.al):
                return stay
        return None


def _counted_days(first: dt.date, end: dt.date, today: dt.date) -> tuple[dt.date, dt.date]:
    """The part of [first, end) whose nights count: up to tonight."""
    return first, min(end, today + dt.timedelta(days=1))


def month_board(
    session: Session,
    actor: Actor,
    year: int,
    month: int,
    unit_ids: Sequence[int] | None = None,
    today: dt.date | None = None,
) -> Board:
    """The occupancy board of a month: units in use that month, their beds, the stays with a
    night in it, and each unit's occupancy rate (nights up to tonight), in three queries."""
    require(actor, Permission.READ_REGISTRY)
    if not 1 <= month <= 12 or not 1900 <= year <= 9999:
        raise ValidationError({"month": "mese non valido"})
    today = today or clock.today()
    first, end = month_bounds(year, month)
    in_use = and_(
        or_(HousingUnit.active_from.is_(None), HousingUnit.active_from < end),
        or_(HousingUnit.active_to.is_(None), HousingUnit.active_to >= first),
    )
    if unit_ids is not None:
        in_use = and_(in_use, HousingUnit.id.in_(list(unit_ids)))
    # Plain rows, not ORM objects: a city has hundreds of beds and the board is redrawn often.
    units = session.execute(
        select(
            HousingUnit.id,
            HousingUnit.name,
            HousingUnit.kind,
            HousingUnit.active_from,
            HousingUnit.active_to,
        )
        .where(in_use)
        .order_by(func.lower(HousingUnit.name))
    ).all()
    shown = select(HousingUnit.id).where(in_use).scalar_subquery()
    # Every stay with a night in the month, open ones from dal on (the board shows them
    # running to the month's end: the person is expected to be there).
    stay_rows = (
        session.execute(
            _stay_query()
            .where(Bed.unit_id.in_(shown), Stay.dal < end, or_(Stay.al.is_(None), Stay.al > first))
            .order_by(Stay.bed_id, Stay.dal)
        ).all()
        if units
        else []
    )
    stays = tuple(_stay_info(r) for r in stay_rows)
    by_bed: dict[int, list[StayInfo]] = {}
    for stay in stays:
        by_bed.setdefault(stay.bed_id, []).append(stay)
    count_first, count_end = _counted_days(first, end, today)
    occupied: dict[int, int] = {}
    if units and count_end > count_first:
        nights = nights_expression(session, count_first, count_end, today)
        occupied = {
            int(unit_id): int(total or 0)
            for unit_id, total in session.execute(
                select(Bed.unit_id, func.sum(nights))
                .join(Bed, Bed.id == Stay.bed_id)
                .where(
                    Bed.unit_id.in_(shown),
                    Stay.dal < count_end,
                    or_(Stay.al.is_(None), Stay.al > count_first),
                )
                .group_by(Bed.unit_id)
            )
        }
    beds_by_unit: dict[int, list[BoardBed]] = {}
    if units:
        for bed_id, unit_id, label, active in session.execute(
            select(Bed.id, Bed.unit_id, Bed.label, Bed.active)
            .where(Bed.unit_id.in_(shown))
            .order_by(Bed.unit_id, Bed.id)
        ):
            if active or bed_id in by_bed:
                beds_by_unit.setdefault(unit_id, []).append(BoardBed(bed_id, label, active))
    board_units = []
    for unit in units:
        beds = beds_by_unit.get(unit.id, [])
        active_beds = sum(1 for b in beds if b.active)
        lo = max(count_first, unit.active_from or count_first)
        hi = min(
            count_end, (unit.active_to + dt.timedelta(days=1)) if unit.active_to else count_end
        )
        days = max((hi - lo).days, 0)
        board_units.append(
            BoardUnit(
                unit.id,
                unit.name,
                unit.kind,
                unit.active_from,
                unit.active_to,
                tuple(beds),
                occupied.get(unit.id, 0),
                active_beds * days,
            )
        )
    return Board(
        year,
        month,
        first,
        end,
        today,
        tuple(board_units),
        stays,
        {k: tuple(v) for k, v in by_bed.items()},
    )


@dataclass(frozen=True)
class TonightRow:
    unit_name: str
    bed_label: str
    code: str
    name: str
    dal: dt.date
    al: dt.date | None
    stay_id: int


def sleeping_on(session: Session, actor: Actor, day: dt.date | None = None) -> list[TonightRow]:
    """Who sleeps where the night of ``day`` (tonight by default), by unit and bed."""
    require(actor, Permission.READ_REGISTRY)
    day = day or clock.today()
    rows = session.execute(
        _stay_query()
        .where(Stay.dal <= day, or_(Stay.al.is_(None), Stay.al > day))
        .order_by(func.lower(HousingUnit.name), Bed.id)
    )
    return [
        TonightRow(r.unit_name, r.label, r.code, f"{r.last_name} {r.first_name}", r.dal, r.al, r.id)
        for r in rows
    ]


# =========================================================================== person search


@dataclass(frozen=True)
class PersonChoice:
    id: int
    code: str
    name: str
    intake_date: dt.date


def find_persons(session: Session, actor: Actor, text: str, limit: int = 20) -> list[PersonChoice]:
    """Search as you type for the assignment: the registry's own search (name parts, code,
    codice fiscale), active records only."""
    ids = persons.search_ids(session, actor, persons.PersonFilter(text=text), limit=limit)
    if not ids or not persons.search_words(text):
        return []
    rows = session.execute(
        select(Person.id, Person.code, Person.last_name, Person.first_name, Person.intake_date)
        .where(Person.id.in_(ids))
        .order_by(Person.sort_key, Person.id)
    )
    return [
        PersonChoice(r.id, r.code, f"{r.last_name} {r.first_name}", r.intake_date) for r in rows
    ]


# =========================================================================== the backstop


def _row_or_stored(session: Session, violation: conflicts.Violation) -> dict[str, Any] | None:
    """What the refused statement tried to write, completed from the stored stay for an
    UPDATE (whose parameters hold only the changed columns and the key)."""
    if not violation.rows:
        return None
    row = dict(violation.rows[0])
    stay_id = row.get("id") or row.get("stay_id") or row.get("id_1")
    if stay_id is not None:
        stored = session.get(Stay, stay_id)
        if stored is not None:
            for key in ("person_id", "bed_id", "dal", "al"):
                row.setdefault(key, getattr(stored, key))
        row["id"] = stay_id
    return row


@conflicts.explains("ex_stay_bed_nights", "ex_stay_person_nights")
def _night_taken(session: Session, violation: conflicts.Violation) -> str | None:
    row = _row_or_stored(session, violation)
    if row is None or row.get("dal") is None:
        return None
    on_bed = violation.constraint == "ex_stay_bed_nights"
    other = overlapping_stay(
        session,
        dal=row["dal"],
        al=row.get("al"),
        bed_id=row.get("bed_id") if on_bed else None,
        person_id=None if on_bed else row.get("person_id"),
        exclude=[int(row["id"])] if row.get("id") is not None else [],
    )
    if other is None:
        return None
    return bed_taken_message(other) if on_bed else person_placed_message(other)


@conflicts.explains("ck_stay_departure_after_arrival")
def _departure_order(session: Session, violation: conflicts.Violation) -> str | None:
    return "Il giorno di partenza (Al) deve seguire la prima notte (Dal)."


@conflicts.explains("uq_bed_unit_id_label")
def _bed_label_taken(session: Session, violation: conflicts.Violation) -> str | None:
    pairs = violation.pairs("unit_id", "label")
    if not pairs:
        return None
    unit = session.get(HousingUnit, pairs[0][0])
    return f"L'alloggio «{unit.name if unit else '?'}» ha già un posto «{pairs[0][1]}»."


@conflicts.explains("uq_housing_unit_name")
def _unit_name_taken(session: Session, violation: conflicts.Violation) -> str | None:
    names = violation.values("name")
    return f"Esiste già un alloggio chiamato «{names[0]}»." if names else None


# =========================================================================== timeline, GDPR


def _timeline_events(
    session: Session, actor: Actor, person_id: int
) -> list[timeline.TimelineEvent]:
    events = []
    for stay in stays_of_person(session, actor, person_id):
        detail = stay.period
        if stay.exit_destination is not None:
            detail += f"; uscita verso: {stay.destination_text}"
        events.append(
            timeline.TimelineEvent(
                day=stay.dal,
                kind="stay",
                title=f"Soggiorno: {stay.place}",
                detail=detail,
                until=stay.al,
                entity="stay",
                entity_id=stay.id,
            )
        )
    return events


timeline.register_provider("stay", "Soggiorni", _timeline_events)


def _gdpr_section(session: Session, person_id: int) -> Section:
    rows = session.execute(
        _stay_query().where(Stay.person_id == person_id).order_by(Stay.dal, Stay.id)
    )
    infos = [_stay_info(r) for r in rows]
    return Section(
        title="Soggiorni negli alloggi",
        rows=[
            {
                "alloggio": s.unit_name,
                "posto": s.bed_label,
                "dal": s.dal,
                "al": s.al,
                "destinazione": s.exit_destination.value if s.exit_destination else None,
                "note": s.notes,
            }
            for s in infos
        ],
        columns=[
            ("alloggio", "Alloggio"),
            ("posto", "Posto"),
            ("dal", "Dal"),
            ("al", "Al"),
            ("destinazione", "Destinazione"),
            ("note", "Note"),
        ],
        empty_text="Nessun soggiorno.",
    )


def _anonymise(session: Session, actor: Actor, person_id: int) -> None:
    """The stays stay (bed-nights are statistics); their free text goes."""
    for stay in session.scalars(select(Stay).where(Stay.person_id == person_id)):
        if stay.notes:
            stay.notes = None


register_section(
    "stays",
    _gdpr_section,
    anonymise=_anonymise,
    entities=[LinkedEntity("stay", identifying=frozenset({"notes"}))],
    order=10,
)
