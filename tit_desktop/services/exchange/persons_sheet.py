"""The ``Beneficiari`` sheet: one row per person, ``Codice`` is the key.

Import
    A row whose Codice is not in the database **creates** a person. A row whose Codice
    belongs to a person already recorded **updates** that person (the office re-imports a
    corrected sheet): for each column the sheet has, the cell's value replaces the recorded
    one, and a blank cell clears it (a warning lists each value that is cleared); fields the
    sheet has no column for (e-mail, address, consents, ente inviante...) and columns absent
    from the file are left as they are. A row equal to the record is counted as unchanged and
    not written. A Codice of a record merged into another, or of an anonymised record, is an
    error: the row would revive data the office removed on purpose.

    Field rules are :func:`persons.validate`'s, with its messages, under the sheet's column
    names. Uniqueness (Codice, codice fiscale, CUI) is checked against the other rows of the
    file (reported on the later row, naming the earlier one) and against the database in a
    few bulk queries, instead of :func:`persons.validate`'s per-row queries. A value held
    by a recorded person is reported with that person's Codice only, never the name: the
    check answers for thousands of rows at once and is not the place to learn who holds a
    codice fiscale; the Codice leads to the record, whose opening is itself recorded. The
    persons a check compared or named are recorded on its audit row (see
    :mod:`.importer`).

    Each recorded person the check compared with a row is remembered with its version
    (``report.checked``); the write compares again under a row lock and refuses, naming the
    row and the person, when another user changed, created or re-coded the record since.

    «non ha risposto» in Cittadinanza, Titolo di studio, Condizione occupazionale or ETHOS
    records that the person refused to answer (the person form's check box).

Export
    The persons of the list's filter, neither anonymised nor merged, sorted by Codice, in the
    same format: Luogo di nascita as "Comune (PR)" or the state's name (the free text when
    the place is not in the ISTAT lists), Cittadinanza as the state's name, Tipo permesso as
    described in :func:`cells.parse_permit`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tit_desktop.models import Person
from tit_desktop.services import bulk, person_fields, persons, places
from tit_desktop.services.errors import ConflictError, ValidationError
from tit_desktop.services.exchange.cells import (
    DECLINED,
    DECLINED_TEXT,
    BirthPlace,
    declinable,
    parse_birth_place,
    parse_date,
    parse_employment,
    parse_ethos,
    parse_isced,
    parse_permit,
    parse_sex,
    parse_state,
    parse_text,
    permit_text,
)
from tit_desktop.services.exchange.model import (
    AuditSummary,
    ImportContext,
    ParsedRow,
    RecordSeen,
    SheetCounts,
)
from tit_desktop.services.exchange.sheets import Column, ExportOptions, SheetSpec, register
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.text import clean

SHEET = "Beneficiari"
BATCH = 500

_IN_CHUNK = 900  # values per IN (...) query: well below both back ends' parameter limits
_MOVED_SHOWN = 10  # rows a conflict's message names; "e altre N righe" for the rest

T = TypeVar("T")

# How each column's cells are read, by the column's key (a field, or a bundle of fields the
# cell fills as a whole). Headers, order and required columns come from the field catalogue.
_PARSERS: dict[str, Any] = {
    "code": parse_text,
    "last_name": parse_text,
    "first_name": parse_text,
    "sex": parse_sex,
    "birth_date": parse_date,
    "birth_place": parse_birth_place,
    "citizenship_code": declinable(parse_state),
    "fiscal_code": parse_text,
    "cui": parse_text,
    "permit": parse_permit,
    "permit_number": parse_text,
    "permit_expires_on": parse_date,
    "phone": parse_text,
    "education_isced": declinable(parse_isced),
    "employment": declinable(parse_employment),
    "ethos_at_intake": declinable(parse_ethos),
    "intake_date": parse_date,
    "notes": parse_text,
}

COLUMNS = tuple(
    Column(c.name, c.key, _PARSERS[c.key], required=c.required)
    for c in person_fields.exchange_columns()
)

# The person fields each column sets.
_FIELDS_OF: dict[str, tuple[str, ...]] = {
    c.key: c.fields for c in person_fields.exchange_columns() if c.fields != (c.key,)
}
_COLUMN_OF: dict[str, str] = {
    field: c.name for c in person_fields.exchange_columns() for field in c.fields
}


def column_of(field: str) -> str:
    """The sheet column of a person field, or the field's label on the person form for the
    fields the sheet does not have (their value is the one already recorded)."""
    return _COLUMN_OF.get(field) or persons.FIELD_LABELS.get(field, field)


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _shown(value: Any) -> str:
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    return str(value)


@dataclass
class _Plan:
    row: int
    data: persons.PersonInput
    person: Person | None  # the recorded person this row updates
    changed: bool


@dataclass(frozen=True)
class _Owner:
    id: int
    code: str


class PersonsHandler:
    def __init__(self) -> None:
        self.plans: list[_Plan] = []

    # --- check --------------------------------------------------------------------------

    def check(self, ctx: ImportContext, rows: list[ParsedRow], present: frozenset[str]) -> None:
        session = ctx.session
        codes = [clean(row.values.get("code")) for row in rows]
        existing = self._existing(session, [c for c in codes if c])
        first_row: dict[str, dict[str, tuple[int, str]]] = {
            "code": {},
            "fiscal_code": {},
            "cui": {},
        }
        person_rows: dict[str, int] = ctx.shared.setdefault("person_rows", {})
        for done, (row, code) in enumerate(zip(rows, codes, strict=True), start=1):
            if done % BATCH == 0:
                ctx.cancel()
                ctx.progress(
                    done, len(rows), f"Controllo dei beneficiari: riga {done} di {len(rows)}"
                )
            if code is None:
                continue
            earlier = first_row["code"].get(code)
            if earlier is not None:
                ctx.error(
                    SHEET,
                    row.number,
                    "Codice",
                    f"il codice «{code}» è già usato alla riga {earlier[0]} ({earlier[1]})",
                )
            else:
                first_row["code"][code] = (row.number, self._name(row))
                person_rows[code] = row.number
            place = row.values.get("birth_place")
            if isinstance(place, BirthPlace) and place.warning:
                ctx.warning(
                    SHEET,
                    row.number,
                    "Luogo di nascita",
                    place.warning,
                    once_written=place.warning_once_written,
                )
            person = existing.get(code)
            seen = ctx.seen.setdefault(SHEET, {})
            if person is None:
                seen.setdefault(code, RecordSeen(None, None))
            else:
                seen.setdefault(code, RecordSeen(person.id, person.version))
                ctx.revealed.add(person.id)
            if person is not None and not self._updatable(ctx, session, row, person):
                continue
            if not row.ok:
                continue
            plan = self._plan(ctx, row, person, present)
            if plan is None:
                continue
            conflict = earlier is not None
            for field, label in (("fiscal_code", "codice fiscale"), ("cui", "CUI")):
                value = getattr(plan.data, field)
                if not value:
                    continue
                prior = first_row[field].get(value)
                if prior is not None:
                    ctx.error(
                        SHEET,
                        row.number,
                        column_of(field),
                        f"{label} «{value}» già indicato alla riga {prior[0]} ({prior[1]})",
                    )
                    conflict = True
                else:
                    first_row[field][value] = (row.number, self._name(row))
            if not conflict:
                self.plans.append(plan)
                # Sheets about services check their dates against the intake the file sets.
                ctx.shared.setdefault("person_intake", {})[code] = plan.data.intake_date
        self._check_database_uniqueness(ctx)

    @staticmethod
    def _name(row: ParsedRow) -> str:
        return (
            " ".join(
                clean(row.values.get(key)) or "" for key in ("last_name", "first_name")
            ).strip()
            or "senza nome"
        )

    @staticmethod
    def _existing(session: Session, codes: list[str]) -> dict[str, Person]:
        found: dict[str, Person] = {}
        for chunk in _chunks(sorted(set(codes)), _IN_CHUNK):
            for person in session.scalars(select(Person).where(Person.code.in_(chunk))):
                found[person.code] = person
        return found

    @staticmethod
    def _updatable(ctx: ImportContext, session: Session, row: ParsedRow, person: Person) -> bool:
        if person.merged_into_id is not None:
            survivor = session.get(Person, person.merged_into_id)
            other = (
                f"alla scheda con il codice «{survivor.code}»: usare quel codice"
                if survivor is not None
                else "a quella di un'altra persona"
            )
            if survivor is not None:
                ctx.revealed.add(survivor.id)
            ctx.error(
                SHEET,
                row.number,
                "Codice",
                f"la scheda con il codice «{person.code}» è stata unita {other}",
            )
            return False
        if person.anonymised_at is not None:
            ctx.error(
                SHEET,
                row.number,
                "Codice",
                f"la scheda con il codice «{person.code}» è stata anonimizzata: non si può "
                "aggiornare con un'importazione",
            )
            return False
        return True

    def _plan(
        self,
        ctx: ImportContext,
        row: ParsedRow,
        person: Person | None,
        present: frozenset[str],
    ) -> _Plan | None:
        base = persons.normalise(persons.input_of(person)) if person else persons.PersonInput()
        values: dict[str, Any] = {}
        declined = set(base.declined)
        for key, value in row.values.items():
            if key == "birth_place":
                place: BirthPlace | None = value
                values["birth_place_code"] = place.code if place else None
                values["birth_place_text"] = place.text if place else None
            elif key == "permit":
                values["permit_type"], values["permit_reason"] = value or (None, None)
            elif key in persons.DECLINABLE:
                if value is DECLINED:
                    values[key] = None
                    declined.add(key)
                else:
                    values[key] = value
                    declined.discard(key)
            else:
                values[key] = value
        data = persons.normalise(replace(base, **values, declined=frozenset(declined)))
        try:
            cf_warnings = persons.validate(
                ctx.session,
                data,
                person_id=person.id if person else None,
                today=ctx.today,
                check_database=False,
            )
        except ValidationError as exc:
            for field, message in exc.fields.items():
                ctx.error(SHEET, row.number, column_of(field), message)
            return None
        for warning in cf_warnings:
            ctx.warning(SHEET, row.number, "Codice fiscale", warning)
        if person is not None:
            self._warn_cleared(ctx, row.number, base, data, present)
        return _Plan(row.number, data, person, person is None or data != base)

    @staticmethod
    def _warn_cleared(
        ctx: ImportContext,
        number: int,
        base: persons.PersonInput,
        data: persons.PersonInput,
        present: frozenset[str],
    ) -> None:
        for column in COLUMNS:
            if column.key not in present:
                continue
            fields = _FIELDS_OF.get(column.key, (column.key,))
            old = [getattr(base, f) for f in fields if getattr(base, f) is not None]
            new = [getattr(data, f) for f in fields if getattr(data, f) is not None]
            if old and not new and not (set(fields) & data.declined):
                ctx.warning(
                    SHEET,
                    number,
                    column.name,
                    f"la cella è vuota: il valore registrato «{_shown(old[0])}» sarà cancellato",
                )

    def _check_database_uniqueness(self, ctx: ImportContext) -> None:
        """Codice fiscale and CUI held by a recorded person other than the row's.

        A value is free when its holder is updated by this file to another value, but only
        for a new person: updates are written before inserts, so the holder lets it go first;
        two recorded persons exchanging values would break the unique rule midway."""
        final: dict[str, dict[int, str | None]] = {"fiscal_code": {}, "cui": {}}
        row_of: dict[int, int] = {}
        for plan in self.plans:
            if plan.person is not None:
                row_of[plan.person.id] = plan.row
                for field in final:
                    final[field][plan.person.id] = getattr(plan.data, field)
        refused: set[int] = set()
        for field, column, label in (
            ("fiscal_code", Person.fiscal_code, "codice fiscale"),
            ("cui", Person.cui, "CUI"),
        ):
            wanted = {getattr(p.data, field): p for p in self.plans if getattr(p.data, field)}
            holders = self._holders(ctx.session, column, list(wanted))
            for plan in self.plans:
                value = getattr(plan.data, field)
                holder = holders.get(value) if value else None
                own_id = plan.person.id if plan.person else None
                if holder is None or holder.id == own_id:
                    continue
                released = holder.id in final[field] and final[field][holder.id] != value
                if released and plan.person is None:
                    continue
                ctx.revealed.add(holder.id)
                if released:
                    message = (
                        f"{label} «{value}» registrato per la persona con codice {holder.code}, "
                        f"che questo file (riga {row_of[holder.id]}) cambia: uno scambio di "
                        "codici fra persone già registrate non si può fare con una sola "
                        "importazione; importare prima la correzione dell'una, poi dell'altra"
                    )
                else:
                    message = f"già usato dalla persona con codice {holder.code}"
                ctx.error(SHEET, plan.row, column_of(field), message)
                refused.add(plan.row)
        self.plans = [p for p in self.plans if p.row not in refused]

    @staticmethod
    def _holders(session: Session, column: Any, values: list[str]) -> dict[str, _Owner]:
        found: dict[str, _Owner] = {}
        for chunk in _chunks(sorted(values), _IN_CHUNK):
            query = select(column, Person.id, Person.code).where(column.in_(chunk))
            for value, person_id, code in session.execute(query):
                found[value] = _Owner(person_id, code)
        return found

    def counts(self) -> SheetCounts:
        created = sum(1 for p in self.plans if p.person is None)
        updated = sum(1 for p in self.plans if p.person is not None and p.changed)
        return SheetCounts(created, updated, len(self.plans) - created - updated)

    # --- write --------------------------------------------------------------------------

    def write(self, ctx: ImportContext, summary: AuditSummary) -> None:
        """Changed persons through the ORM (the listener keeps each field's old value), new
        persons and their search tokens in bulk; ``summary`` is the sheet's audit row, which
        names the new records (their values are the rows themselves)."""
        session = ctx.session
        self._refuse_moved_records(ctx)
        updates = [p for p in self.plans if p.person is not None and p.changed]
        creates = [p for p in self.plans if p.person is None]
        total = len(updates) + len(creates)
        done = 0
        try:
            with bulk.writing(
                session,
                ctx.actor,
                Person,
                action=summary.action,
                detail=summary.detail,
                changes=summary.changes,
            ) as batch:
                # Updates first: a value one of them lets go may be taken by a new person.
                changed: list[Person] = []
                for chunk in _chunks(updates, BATCH):
                    ctx.cancel()
                    for plan in chunk:
                        assert plan.person is not None
                        persons.apply_input(plan.person, plan.data)
                        changed.append(plan.person)
                    session.flush()
                    done += len(chunk)
                    ctx.progress(done, total, f"Scrittura dei beneficiari: {done} di {total}")
                created: list[tuple[int, persons.PersonInput]] = []
                for chunk in _chunks(creates, BATCH):
                    ctx.cancel()
                    ids = batch.insert([persons.new_person_row(plan.data) for plan in chunk])
                    created.extend(zip(ids, (plan.data for plan in chunk), strict=True))
                    done += len(chunk)
                    ctx.progress(done, total, f"Scrittura dei beneficiari: {done} di {total}")
                ctx.cancel()
                persons.write_search_tokens(session, changed)
                persons.insert_search_tokens(session, created)
        except IntegrityError as exc:
            raise ConflictError(
                "Nel frattempo un altro utente ha registrato un codice, un codice fiscale o un "
                "CUI presente nel file: non è stato importato nulla. Ripetere l'importazione."
            ) from exc

    def _refuse_moved_records(self, ctx: ImportContext) -> None:
        """Refuse the write when a record is not as the check found it: the file's values
        would overwrite a colleague's later edit (or update a person the check showed as
        new). The rows to update are locked first (FOR UPDATE on PostgreSQL; SQLite's write
        transaction holds the whole database), so none can change until the commit."""
        checked = (ctx.checked if ctx.checked is not None else ctx.seen).get(SHEET, {})
        ids = sorted(p.person.id for p in self.plans if p.person is not None)
        now: dict[int, int] = {}
        for chunk in _chunks(ids, _IN_CHUNK):
            query = select(Person.id, Person.version).where(Person.id.in_(chunk))
            now.update(
                (pid, version)
                for pid, version in ctx.session.execute(query.order_by(Person.id).with_for_update())
            )
        moved: list[str] = []
        for plan in self.plans:
            code = plan.data.code
            who = f"riga {plan.row}, codice «{code}» ({plan.data.last_name} {plan.data.first_name})"
            seen = checked.get(code)
            person = plan.person
            if seen is None:
                moved.append(f"{who}: la riga non c'era quando il file è stato controllato")
            elif person is None and seen.id is not None:
                moved.append(f"{who}: la scheda non ha più questo codice")
            elif person is not None and seen.id is None:
                moved.append(f"{who}: la scheda è stata creata da un altro utente")
            elif person is not None and (
                person.id != seen.id or now.get(person.id) != seen.version
            ):
                moved.append(f"{who}: la scheda è stata modificata da un altro utente")
        if moved:
            shown = moved[:_MOVED_SHOWN]
            more = len(moved) - len(shown)
            raise ConflictError(
                f"Il file non è stato importato: dopo il controllo del file altri utenti hanno "
                f"cambiato schede che il file aggiorna (foglio {SHEET}). "
                + "; ".join(shown)
                + (f"; e altre {more} righe" if more else "")
                + ". Le loro modifiche sono state mantenute: controllare di nuovo il file, "
                "correggerlo se serve e ripetere l'importazione."
            )


# --- export -----------------------------------------------------------------------------


def _birth_place_cell(person: Person) -> str | None:
    if person.birth_place_code:
        place = places.by_code(person.birth_place_code)
        if place is not None:
            return places.label(place) if place.kind == "comune" else place.name
        return person.birth_place_text or person.birth_place_code
    return person.birth_place_text


def _state_name(code: str | None) -> str | None:
    if not code:
        return None
    place = places.by_code(code)
    return place.name if place is not None else code


def _enum_value(value: Any) -> str | None:
    return None if value is None else str(value.value)


def export_row(person: Person) -> list[Any]:
    declined = set(person.declined_fields.split(","))

    def answer(field: str, value: Any) -> Any:
        if value is None and field in declined:
            return DECLINED_TEXT
        return value

    return [
        person.code,
        person.last_name,
        person.first_name,
        _enum_value(person.sex),
        person.birth_date,
        _birth_place_cell(person),
        answer("citizenship_code", _state_name(person.citizenship_code)),
        person.fiscal_code,
        person.cui,
        permit_text(person.permit_type, _enum_value(person.permit_reason)),
        person.permit_number,
        person.permit_expires_on,
        person.phone,
        answer("education_isced", person.education_isced),
        answer("employment", _enum_value(person.employment)),
        answer("ethos_at_intake", person.ethos_at_intake),
        person.intake_date,
        person.notes,
    ]


def export_rows(session: Session, actor: Actor, options: ExportOptions) -> list[list[Any]]:
    """The persons of the filter (never anonymised or merged ones), sorted by Codice."""
    require(actor, Permission.READ_REGISTRY)
    flt = replace(options.person_filter or persons.PersonFilter(), include_anonymised=False)
    ids = persons.search_ids(session, actor, flt, sort="code")
    people: list[Person] = []
    for chunk in _chunks(ids, _IN_CHUNK):
        people.extend(session.scalars(select(Person).where(Person.id.in_(chunk))))
    people.sort(key=lambda p: p.code)  # the same order on both back ends (collations differ)
    return [export_row(person) for person in people]


register(
    SheetSpec(
        name=SHEET,
        columns=COLUMNS,
        handler=PersonsHandler,
        exporter=export_rows,
        write_permission=Permission.WRITE_REGISTRY,
        read_permission=Permission.READ_REGISTRY,
        audit_entity="person",
    )
)
