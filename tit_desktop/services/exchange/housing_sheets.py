"""The ``Alloggi`` and ``Soggiorni`` sheets (DOMAIN.md section 8).

Alloggi (Alloggio*, Indirizzo, Tipo*, Posti*)
    ``Alloggio`` is the unit's name (the key, case ignored). A new name creates the unit
    with beds labelled 1..Posti; a known one gets the address and kind of the row and the
    beds 1..Posti it lacks (beds are never removed by an import). Two rows naming the same
    unit: the later is an error naming the earlier.

Soggiorni (Codice*, Alloggio*, Posto*, Dal*, Al)
    One stay: the person (by Codice, in the database or the file's Beneficiari sheet), the
    unit (in the database or the Alloggi sheet), the bed's label (``1`` and ``"1"`` are the
    same bed; the bed must exist or be created by the Alloggi sheet's Posti), the first night
    and the departure day (empty: still there). The night rules are checked over the whole
    file first: two rows holding the same bed, or the same person, the same night are an
    error on the later row naming the earlier; a row overlapping a recorded stay is an error
    naming that stay. A row equal to a recorded stay (same person, bed and first night) is
    unchanged, or updates its departure day. Every stay starts on or after the person's intake
    date and inside the unit's period in use.

Export writes every unit and every stay (of the persons of the list's filter, when one is
given) in the same format, so that export -> import into an empty database gives them back.
The exit destination is not a column of the sheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from tit_desktop.models import Bed, HousingKind, HousingUnit, Person, Stay
from tit_desktop.services import bulk, housing, persons
from tit_desktop.services.errors import ConflictError
from tit_desktop.services.exchange.cells import (
    CellError,
    int_in_range,
    parse_date,
    parse_text,
)
from tit_desktop.services.exchange.model import (
    AuditSummary,
    ImportContext,
    ParsedRow,
    SheetCounts,
)
from tit_desktop.services.exchange.sheets import Column, ExportOptions, SheetSpec, register
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.text import clean

UNITS_SHEET = "Alloggi"
STAYS_SHEET = "Soggiorni"
BATCH = 500
_IN_CHUNK = 900
FAR = dt.date(9999, 12, 31)

T = TypeVar("T")


def _chunks(items: Sequence[T], size: int = _IN_CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def parse_kind(value: Any) -> HousingKind:
    text = " ".join(parse_text(value).split()).casefold()
    for kind in HousingKind:
        if kind.value == text:
            return kind
    raise CellError(
        f"«{parse_text(value)}» non è un tipo di alloggio: indicare co-housing, housing first "
        "o accoglienza notturna"
    )


def parse_label(value: Any) -> str:
    label = housing.label_key(parse_text(value))
    if not label:
        raise CellError("indicare il posto letto")
    if len(label) > housing.MAX_LABEL:
        raise CellError(f"al massimo {housing.MAX_LABEL} caratteri")
    return label


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


# =========================================================================== Alloggi

UNIT_COLUMNS = (
    Column("Alloggio", "name", parse_text, required=True),
    Column("Indirizzo", "address", parse_text),
    Column("Tipo", "kind", parse_kind, required=True),
    Column("Posti", "beds", int_in_range(0, housing.MAX_BEDS, "il numero di posti"), True),
)


@dataclass
class _UnitPlan:
    row: int
    name: str
    address: str | None
    kind: HousingKind
    beds: int
    unit: HousingUnit | None
    missing_labels: list[str]
    changed: bool


class UnitsHandler:
    def __init__(self) -> None:
        self.plans: list[_UnitPlan] = []

    def check(self, ctx: ImportContext, rows: list[ParsedRow], present: frozenset[str]) -> None:
        session = ctx.session
        existing = {_name_key(u.name): u for u in session.scalars(select(HousingUnit))}
        unit_rows: dict[str, tuple[int, int]] = ctx.shared.setdefault("unit_rows", {})
        for row in rows:
            name = clean(row.values.get("name"))
            if name is None:
                continue
            key = _name_key(name)
            if len(name) > housing.MAX_NAME:
                ctx.error(
                    UNITS_SHEET, row.number, "Alloggio", f"al massimo {housing.MAX_NAME} caratteri"
                )
                continue
            earlier = unit_rows.get(key)
            if earlier is not None:
                ctx.error(
                    UNITS_SHEET,
                    row.number,
                    "Alloggio",
                    f"l'alloggio «{name}» è già alla riga {earlier[0]}",
                )
                continue
            if not row.ok:
                continue
            beds = int(row.values["beds"])
            unit_rows[key] = (row.number, beds)
            address = clean(row.values.get("address")) if "address" in present else None
            if address is not None and len(address) > housing.MAX_ADDRESS:
                ctx.error(
                    UNITS_SHEET,
                    row.number,
                    "Indirizzo",
                    f"al massimo {housing.MAX_ADDRESS} caratteri",
                )
                continue
            unit = existing.get(key)
            labels = [str(n) for n in range(1, beds + 1)]
            if unit is None:
                self.plans.append(
                    _UnitPlan(
                        row.number, name, address, row.values["kind"], beds, None, labels, True
                    )
                )
                continue
            have = {b.label.casefold() for b in unit.beds}
            missing = [lbl for lbl in labels if lbl.casefold() not in have]
            changed = (
                bool(missing)
                or unit.kind != row.values["kind"]
                or ("address" in present and (unit.address or None) != address)
            )
            if "address" not in present:
                address = unit.address
            self.plans.append(
                _UnitPlan(
                    row.number, unit.name, address, row.values["kind"], beds, unit, missing, changed
                )
            )

    def counts(self) -> SheetCounts:
        created = sum(1 for p in self.plans if p.unit is None)
        updated = sum(1 for p in self.plans if p.unit is not None and p.changed)
        return SheetCounts(created, updated, len(self.plans) - created - updated)

    def write(self, ctx: ImportContext, summary: AuditSummary) -> None:
        session = ctx.session
        for plan in self.plans:  # a known unit: through the ORM, each field's change audited
            if plan.unit is not None and plan.changed:
                plan.unit.kind = plan.kind
                plan.unit.address = plan.address
        session.flush()
        new = [p for p in self.plans if p.unit is None]
        with bulk.writing(
            session,
            ctx.actor,
            HousingUnit,
            action=summary.action,
            detail=summary.detail,
            changes=summary.changes,
        ) as batch:
            ids = batch.insert(
                [{"name": p.name, "address": p.address, "kind": p.kind, "notes": None} for p in new]
            )
        bed_rows: list[dict[str, Any]] = []
        for plan, unit_id in zip(new, ids, strict=True):
            bed_rows.extend(
                {"unit_id": unit_id, "label": lbl, "active": True} for lbl in plan.missing_labels
            )
        for plan in self.plans:
            if plan.unit is not None:
                bed_rows.extend(
                    {"unit_id": plan.unit.id, "label": lbl, "active": True}
                    for lbl in plan.missing_labels
                )
        if bed_rows:
            with bulk.writing(
                session,
                ctx.actor,
                Bed,
                action=summary.action,
                detail=f"{summary.detail}: {len(bed_rows)} posti letto",
                changes={**summary.changes, "beds": len(bed_rows)},
            ) as beds:
                for chunk in _chunks(bed_rows, BATCH):
                    beds.insert(list(chunk))


def export_units(session: Session, actor: Actor, options: ExportOptions) -> list[list[Any]]:
    require(actor, Permission.READ_REGISTRY)
    rows = []
    units = session.scalars(select(HousingUnit).order_by(HousingUnit.id)).all()
    for unit in sorted(units, key=lambda u: u.name.casefold()):
        labels = [b.label for b in unit.beds]
        numeric = [int(lbl) for lbl in labels if lbl.isdecimal()]
        posti = max([sum(1 for b in unit.beds if b.active), *numeric], default=0)
        rows.append([unit.name, unit.address, unit.kind.value, posti])
    return rows


# =========================================================================== Soggiorni

STAY_COLUMNS = (
    Column("Codice", "code", parse_text, required=True),
    Column("Alloggio", "unit", parse_text, required=True),
    Column("Posto", "bed", parse_label, required=True),
    Column("Dal", "dal", parse_date, required=True),
    Column("Al", "al", parse_date),
)


@dataclass
class _StayPlan:
    row: int
    code: str
    unit_key: str
    label: str
    dal: dt.date
    al: dt.date | None
    stay: housing.StayInfo | None  # the recorded stay this row is (person, bed, first night)


@dataclass(frozen=True)
class _Held:
    """Nights a row or a recorded stay holds."""

    dal: dt.date
    al: dt.date | None
    row: int | None  # the file's row, or None for a recorded stay
    text: str  # how a message names it
    stay_id: int | None = None  # the recorded stay

    def overlaps(self, dal: dt.date, al: dt.date | None) -> bool:
        return self.dal < (al or FAR) and dal < (self.al or FAR)


def _period(dal: dt.date, al: dt.date | None) -> str:
    return f"dal {housing.fmt(dal)}" + (f" al {housing.fmt(al)}" if al else ", in corso")


class StaysHandler:
    def __init__(self) -> None:
        self.plans: list[_StayPlan] = []

    def check(self, ctx: ImportContext, rows: list[ParsedRow], present: frozenset[str]) -> None:
        session = ctx.session
        codes = sorted({c for r in rows if (c := clean(r.values.get("code")))})
        people: dict[str, Person] = {}
        for chunk in _chunks(codes):
            for person in session.scalars(select(Person).where(Person.code.in_(chunk))):
                people[person.code] = person
        file_people: dict[str, int] = ctx.shared.get("person_rows", {})
        file_intakes: dict[str, dt.date] = ctx.shared.get("person_intakes", {})
        units = {_name_key(u.name): u for u in session.scalars(select(HousingUnit))}
        file_units: dict[str, tuple[int, int]] = ctx.shared.get("unit_rows", {})
        beds: dict[tuple[str, str], Bed] = {
            (_name_key(u.name), b.label.casefold()): b for u in units.values() for b in u.beds
        }
        # What the database already holds, for the persons and beds the file names.
        by_bed: dict[tuple[str, str], list[_Held]] = {}
        by_person: dict[str, list[_Held]] = {}
        recorded: dict[tuple[str, int, dt.date], housing.StayInfo] = {}
        stays: dict[int, housing.StayInfo] = {}
        for ids in _chunks([p.id for p in people.values()]):
            stays.update((s.id, s) for s in housing.stay_infos(session, Stay.person_id.in_(ids)))
        named_units = {_name_key(clean(r.values.get("unit")) or "") for r in rows}
        for ids in _chunks([u.id for k, u in units.items() if k in named_units]):
            stays.update((s.id, s) for s in housing.stay_infos(session, Bed.unit_id.in_(ids)))
        for info in stays.values():
            held = _Held(
                info.dal, info.al, None, f"il soggiorno registrato di {info.describe()}", info.id
            )
            by_bed.setdefault((_name_key(info.unit_name), info.bed_label.casefold()), []).append(
                held
            )
            if info.code in people:
                by_person.setdefault(info.code, []).append(held)
                recorded[(info.code, info.bed_id, info.dal)] = info
                ctx.revealed.add(info.person_id)
        for done, row in enumerate(rows, start=1):
            if done % BATCH == 0:
                ctx.cancel()
                ctx.progress(
                    done, len(rows), f"Controllo dei soggiorni: riga {done} di {len(rows)}"
                )
            self._check_row(
                ctx,
                row,
                people,
                file_people,
                file_intakes,
                units,
                file_units,
                beds,
                by_bed,
                by_person,
                recorded,
            )

    def _check_row(
        self,
        ctx: ImportContext,
        row: ParsedRow,
        people: dict[str, Person],
        file_people: dict[str, int],
        file_intakes: dict[str, dt.date],
        units: dict[str, HousingUnit],
        file_units: dict[str, tuple[int, int]],
        beds: dict[tuple[str, str], Bed],
        by_bed: dict[tuple[str, str], list[_Held]],
        by_person: dict[str, list[_Held]],
        recorded: dict[tuple[str, int, dt.date], housing.StayInfo],
    ) -> None:
        n = row.number
        code = clean(row.values.get("code"))
        unit_name = clean(row.values.get("unit"))
        person = people.get(code) if code else None
        bad = False
        if code is not None and person is None and code not in file_people:
            ctx.error(STAYS_SHEET, n, "Codice", f"nessun beneficiario con codice «{code}»")
            bad = True
        if person is not None and (person.merged_into_id is not None or person.anonymised_at):
            ctx.error(
                STAYS_SHEET, n, "Codice", f"la scheda «{code}» è unita a un'altra o anonimizzata"
            )
            bad = True
        unit_key = _name_key(unit_name) if unit_name else ""
        unit = units.get(unit_key)
        if unit_name is not None and unit is None and unit_key not in file_units:
            ctx.error(STAYS_SHEET, n, "Alloggio", f"nessun alloggio chiamato «{unit_name}»")
            bad = True
        label = row.values.get("bed")
        if label is not None and unit_name is not None and (unit or unit_key in file_units):
            from_sheet = file_units.get(unit_key)
            created = (
                from_sheet is not None and label.isdecimal() and 1 <= int(label) <= from_sheet[1]
            )
            if (unit_key, label.casefold()) not in beds and not created:
                ctx.error(
                    STAYS_SHEET,
                    n,
                    "Posto",
                    f"il posto «{label}» non esiste nell'alloggio «{unit_name}»",
                )
                bad = True
        dal: dt.date | None = row.values.get("dal")
        al: dt.date | None = row.values.get("al")
        if dal is not None and al is not None and al <= dal:
            ctx.error(
                STAYS_SHEET, n, "Al", "il giorno di partenza deve seguire la prima notte (Dal)"
            )
            bad = True
        intake = person.intake_date if person is not None else file_intakes.get(code or "")
        if dal is not None and intake is not None and dal < intake:
            ctx.error(
                STAYS_SHEET,
                n,
                "Dal",
                f"la prima notte precede la presa in carico ({housing.fmt(intake)})",
            )
            bad = True
        if dal is not None and unit is not None:
            if unit.active_from is not None and dal < unit.active_from:
                ctx.error(
                    STAYS_SHEET,
                    n,
                    "Dal",
                    f"l'alloggio è in uso dal {housing.fmt(unit.active_from)}",
                )
                bad = True
            last = (al - dt.timedelta(days=1)) if al is not None else max(dal, ctx.today)
            if unit.active_to is not None and last > unit.active_to:
                ctx.error(
                    STAYS_SHEET,
                    n,
                    "Al",
                    f"l'alloggio è in uso fino al {housing.fmt(unit.active_to)}",
                )
                bad = True
        if bad or not row.ok or code is None or dal is None or label is None:
            return
        bed = beds.get((unit_key, label.casefold()))
        same = recorded.get((code, bed.id, dal)) if bed is not None else None
        own = f"la riga {n} ({code}, {unit_name} posto {label}, {_period(dal, al)})"
        for column, held_list, what in (
            ("Posto", by_bed.setdefault((unit_key, label.casefold()), []), "il posto"),
            ("Codice", by_person.setdefault(code, []), "la persona"),
        ):
            for held in held_list:
                if same is not None and held.stay_id == same.id:
                    continue  # the recorded stay this row updates
                if held.overlaps(dal, al):
                    ctx.error(
                        STAYS_SHEET,
                        n,
                        column,
                        f"{what} ha già quelle notti: {held.text}",
                    )
                    return
        for key_list in (by_bed[(unit_key, label.casefold())], by_person[code]):
            if same is not None:  # the row's dates replace the recorded ones
                key_list[:] = [h for h in key_list if h.stay_id != same.id]
            key_list.append(_Held(dal, al, n, own, same.id if same is not None else None))
        self.plans.append(_StayPlan(n, code, unit_key, label, dal, al, same))

    def counts(self) -> SheetCounts:
        created = sum(1 for p in self.plans if p.stay is None)
        updated = sum(1 for p in self.plans if p.stay is not None and p.stay.al != p.al)
        return SheetCounts(created, updated, len(self.plans) - created - updated)

    def write(self, ctx: ImportContext, summary: AuditSummary) -> None:
        session = ctx.session
        codes = sorted({p.code for p in self.plans})
        person_ids: dict[str, int] = {}
        for code_chunk in _chunks(codes):
            for code, person_id in session.execute(
                select(Person.code, Person.id).where(Person.code.in_(code_chunk))
            ):
                person_ids[code] = person_id
        bed_ids: dict[tuple[str, str], int] = {}
        for name, label, bed_id in session.execute(
            select(HousingUnit.name, Bed.label, Bed.id).join(Bed, Bed.unit_id == HousingUnit.id)
        ):
            bed_ids[(_name_key(name), label.casefold())] = bed_id
        # Departures first (a stay ended earlier may free the nights a new row takes).
        for plan in self.plans:
            if plan.stay is not None and plan.stay.al != plan.al:
                stay = session.get(Stay, plan.stay.id)
                if stay is None or stay.version != plan.stay.version:
                    raise ConflictError(
                        f"Soggiorni, riga {plan.row}: il soggiorno è stato modificato da un altro "
                        "utente dopo il controllo; non è stato importato nulla. Ripetere "
                        "l'importazione."
                    )
                stay.al = plan.al
                if plan.al is None:
                    stay.exit_destination = None
        session.flush()
        new = [p for p in self.plans if p.stay is None]
        with bulk.writing(
            session,
            ctx.actor,
            Stay,
            action=summary.action,
            detail=summary.detail,
            changes=summary.changes,
        ) as batch:
            for done, chunk in enumerate(_chunks(new, BATCH), start=1):
                ctx.cancel()
                batch.insert(
                    [
                        {
                            "person_id": person_ids[p.code],
                            "bed_id": bed_ids[(p.unit_key, p.label.casefold())],
                            "dal": p.dal,
                            "al": p.al,
                            "exit_destination": None,
                            "notes": None,
                        }
                        for p in chunk
                    ]
                )
                ctx.progress(min(done * BATCH, len(new)), len(new), "Scrittura dei soggiorni")


def _label_cell(label: str) -> str | int:
    return int(label) if label.isdecimal() and not label.startswith("0") else label


def export_stays(session: Session, actor: Actor, options: ExportOptions) -> list[list[Any]]:
    require(actor, Permission.READ_REGISTRY)
    query = (
        select(Person.id, Person.code, HousingUnit.name, Bed.label, Stay.dal, Stay.al)
        .join(Person, Person.id == Stay.person_id)
        .join(Bed, Bed.id == Stay.bed_id)
        .join(HousingUnit, HousingUnit.id == Bed.unit_id)
        .where(Person.merged_into_id.is_(None))
    )
    wanted: set[int] | None = None
    if options.person_filter is not None:
        wanted = set(persons.search_ids(session, actor, options.person_filter))
    rows: list[list[Any]] = []
    for person_id, code, unit, label, dal, al in session.execute(query):
        if wanted is not None and person_id not in wanted:
            continue
        rows.append([code, unit, _label_cell(label), dal, al])
    rows.sort(key=lambda r: (str(r[0]), r[3], str(r[1]).casefold(), str(r[2])))
    return rows


register(
    SheetSpec(
        name=UNITS_SHEET,
        columns=UNIT_COLUMNS,
        handler=UnitsHandler,
        exporter=export_units,
        write_permission=Permission.WRITE_REGISTRY,
        read_permission=Permission.READ_REGISTRY,
        audit_entity="housing_unit",
        export_when_empty=False,
    )
)
register(
    SheetSpec(
        name=STAYS_SHEET,
        columns=STAY_COLUMNS,
        handler=StaysHandler,
        exporter=export_stays,
        write_permission=Permission.WRITE_REGISTRY,
        read_permission=Permission.READ_REGISTRY,
        audit_entity="stay",
        export_when_empty=False,
    )
)
