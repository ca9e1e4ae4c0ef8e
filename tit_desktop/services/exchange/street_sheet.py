"""The ``Contatti strada`` sheet: one row per contact of the street unit (DOMAIN.md 8).

Columns: Data*, Ora, Luogo*, Codice, Anonimi F, Anonimi M, Prestazioni. Each row is one
contact event with at most one linked person (``Codice``, a person of the database or of
the file's own ``Beneficiari`` sheet).

Import
    Every row **creates** a contact, except a row equal to a contact already recorded (same
    day, time, place, person, counts and services), which is counted as unchanged and not
    written again: importing the same file twice does not double the contacts. ``Ora`` is
    ``hh:mm`` (also ``hh.mm``) or a time cell; ``Anonimi F``/``Anonimi M`` whole numbers from 0
    (blank = 0); ``Prestazioni`` values of the list (coperte, pasto, bevanda calda,
    informazioni, invio a servizio) separated by commas or semicolons, case and accents
    ignored. Refused, naming the row and the column: a date in the future or not a date, an
    unknown service, a negative count, a row with neither Codice nor anonymous count, an
    unknown, merged-away or anonymised Codice, a contact before the person's intake date.
    Zone, operators and notes are not columns of the sheet: imported contacts have none.

Export
    Every contact, oldest first (day, time, then the order they were recorded in). The
    sheet carries one person per row, so **a contact with several linked persons is written
    as one row per person**: the first row carries the anonymous counts, every row the
    services (each person received them). Importing that file gives one contact per row;
    its export is the same sheet again (export -> import -> export is identical), and the
    persons reached (DOMAIN.md 7) are the same; the number of contacts grows by one for each
    person beyond the first. A person whose record was anonymised is written as an anonymous
    count by their sex (the sheet never names an anonymised record; unknown sex: left out).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tit_desktop.models import (
    Person,
    Sex,
    StreetContact,
    StreetContactPerson,
    StreetContactService,
    StreetService,
)
from tit_desktop.services import bulk, persons, street
from tit_desktop.services.errors import ConflictError
from tit_desktop.services.exchange.cells import (
    CellError,
    fold,
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

SHEET = "Contatti strada"
BATCH = 500
_IN_CHUNK = 900

T = TypeVar("T")

_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_SERVICES = {fold(s.value): s for s in street.SERVICES}


def parse_time(value: Any) -> dt.time:
    """``hh:mm`` or ``hh.mm`` text, or a time cell (seconds are dropped)."""
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    if isinstance(value, float) and 0 <= value < 1:  # a time typed in a CSV as a fraction
        minutes = round(value * 24 * 60)
        return dt.time(minutes // 60 % 24, minutes % 60)
    text = parse_text(value)
    match = _TIME.match(text)
    if match is None:
        raise CellError(f"«{text}» non è un'ora nel formato hh:mm (es. 22:40)")
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise CellError(f"l'ora «{text}» non esiste")
    return dt.time(hour, minute)


def parse_services(value: Any) -> frozenset[StreetService]:
    """Values of the list separated by commas or semicolons."""
    text = parse_text(value)
    found: set[StreetService] = set()
    for part in re.split(r"[;,]", text):
        key = fold(part)
        if not key:
            continue
        service = _SERVICES.get(key)
        if service is None:
            allowed = ", ".join(s.value for s in street.SERVICES)
            raise CellError(f"prestazione «{part.strip()}» sconosciuta: ammesse {allowed}")
        found.add(service)
    return frozenset(found)


_whole = int_in_range(0, street.MAX_COUNT, "un numero di persone")


def parse_count(value: Any) -> int:
    """A number of anonymous persons: a whole number from 0 (a negative one is named so)."""
    if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
        raise CellError(f"{value:g} è negativo: il numero di anonimi non può essere negativo")
    if isinstance(value, str) and re.fullmatch(r"\s*-\s*\d+\s*", value):
        raise CellError(f"{value.strip()} è negativo: il numero di anonimi non può essere negativo")
    return _whole(value)


COLUMNS = (
    Column("Data", "occurred_on", parse_date, required=True),
    Column("Ora", "time", parse_time),
    Column("Luogo", "place", parse_text, required=True),
    Column("Codice", "code", parse_text),
    Column("Anonimi F", "anonymous_f", parse_count),
    Column("Anonimi M", "anonymous_m", parse_count),
    Column("Prestazioni", "services", parse_services),
)
_COLUMN_OF = {c.key: c.name for c in COLUMNS}
_COLUMN_OF.update({"persons": "Codice", "zone_id": "Luogo"})


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


Key = tuple[dt.date, dt.time | None, str, int | None, int, int, frozenset[StreetService]]


@dataclass
class _Plan:
    row: int
    data: street.ContactInput
    code: str | None  # a person of the file's Beneficiari sheet, not yet in the database
    new: bool = True


class StreetContactsHandler:
    def __init__(self) -> None:
        self.plans: list[_Plan] = []

    # --- check --------------------------------------------------------------------------

    def check(self, ctx: ImportContext, rows: list[ParsedRow], present: frozenset[str]) -> None:
        session = ctx.session
        codes = sorted({c for row in rows if (c := row.values.get("code"))})
        recorded = self._persons(session, codes)
        from_file: dict[str, int] = ctx.shared.get("person_rows", {})
        intake_in_file: dict[str, dt.date] = ctx.shared.get("person_intake", {})
        for done, row in enumerate(rows, start=1):
            if done % BATCH == 0:
                ctx.cancel()
                ctx.progress(done, len(rows), f"Controllo dei contatti: riga {done} di {len(rows)}")
            if not row.ok:
                continue
            values = row.values
            code = values.get("code") or None
            person_id: int | None = None
            pending_code: str | None = None
            intake: dt.date | None = None
            if code is not None:
                person = recorded.get(code)
                if person is not None:
                    if person.anonymised_at is not None:
                        ctx.error(
                            SHEET,
                            row.number,
                            "Codice",
                            f"la scheda con il codice «{code}» è anonimizzata: non si può "
                            "collegare a un contatto",
                        )
                        continue
                    person_id, intake = person.id, person.intake_date
                    ctx.revealed.add(person.id)
                    if person.code != code:
                        ctx.warning(
                            SHEET,
                            row.number,
                            "Codice",
                            f"la scheda «{code}» è stata unita a quella con il codice "
                            f"«{person.code}»: il contatto sarà collegato a quella",
                            once_written=f"la scheda «{code}» è stata unita a quella con il "
                            f"codice «{person.code}»: il contatto è stato collegato a quella",
                        )
                elif code in from_file:
                    pending_code = code
                    intake = intake_in_file.get(code)
                else:
                    ctx.error(
                        SHEET,
                        row.number,
                        "Codice",
                        f"nessuna persona con codice «{code}» (né nel database né nel foglio "
                        "Beneficiari del file)",
                    )
                    continue
            data = street.normalise(
                street.ContactInput(
                    occurred_on=values.get("occurred_on"),
                    time=values.get("time"),
                    place=values.get("place"),
                    person_ids=(person_id,) if person_id is not None else (),
                    anonymous_f=values.get("anonymous_f") or 0,
                    anonymous_m=values.get("anonymous_m") or 0,
                    services=values.get("services") or frozenset(),
                )
            )
            problems = street.input_problems(data, ctx.today)
            if pending_code is not None:
                problems.pop("persons", None)  # linked to a person the file creates
            if "persons" in problems:
                problems["persons"] = (
                    "indicare il Codice di una persona oppure il numero di anonimi "
                    "(Anonimi F, Anonimi M): un contatto senza nessuno non si registra"
                )
            if (
                not problems
                and intake is not None
                and data.occurred_on is not None
                and intake > data.occurred_on
            ):
                problems["persons"] = (
                    f"la persona con codice «{code}» è in carico dal {intake:%d/%m/%Y}: un "
                    f"contatto del {data.occurred_on:%d/%m/%Y} è precedente alla presa in carico"
                )
            if problems:
                for name, message in problems.items():
                    ctx.error(SHEET, row.number, _COLUMN_OF.get(name, name), message)
                continue
            self.plans.append(_Plan(row.number, data, pending_code))
        self._match_recorded(session)

    @staticmethod
    def _persons(session: Session, codes: list[str]) -> dict[str, Person]:
        """The person of each Codice; a Codice of a merged record leads to the survivor."""
        found: dict[str, Person] = {}
        merged: dict[str, int] = {}
        for chunk in _chunks(codes, _IN_CHUNK):
            for person in session.scalars(select(Person).where(Person.code.in_(chunk))):
                if person.merged_into_id is None:
                    found[person.code] = person
                else:
                    merged[person.code] = person.id
        for code in merged:
            survivor_id = persons.find_id_by_code(session, code)
            survivor = session.get(Person, survivor_id) if survivor_id is not None else None
            if survivor is not None:
                found[code] = survivor
        return found

    def _match_recorded(self, session: Session) -> None:
        """Rows equal to a contact already recorded are left alone (each recorded contact
        answers for one row)."""
        days = [p.data.occurred_on for p in self.plans if p.data.occurred_on is not None]
        if not days:
            return
        existing = Counter(_recorded_keys(session, min(days), max(days)))
        for plan in self.plans:
            if plan.code is not None:
                continue
            key = _key(plan.data)
            if existing[key] > 0:
                existing[key] -= 1
                plan.new = False

    def counts(self) -> SheetCounts:
        created = sum(1 for p in self.plans if p.new)
        return SheetCounts(created, 0, len(self.plans) - created)

    # --- write --------------------------------------------------------------------------

    def write(self, ctx: ImportContext, summary: AuditSummary) -> None:
        session = ctx.session
        if not self.plans:
            return  # an empty sheet: nothing to write, nothing to record
        plans = [p for p in self.plans if p.new]
        pending = sorted({p.code for p in plans if p.code is not None})
        ids_by_code = self._persons(session, pending)
        try:
            with bulk.writing(
                session,
                ctx.actor,
                StreetContact,
                action=summary.action,
                detail=summary.detail,
                changes=summary.changes,
            ) as batch:
                contact_ids: list[int] = []
                done = 0
                for chunk in _chunks(plans, BATCH):
                    ctx.cancel()
                    contact_ids.extend(batch.insert([_contact_row(p.data) for p in chunk]))
                    done += len(chunk)
                    ctx.progress(
                        done, len(plans), f"Scrittura dei contatti: {done} di {len(plans)}"
                    )
            links: list[dict[str, Any]] = []
            given: list[dict[str, Any]] = []
            for plan, contact_id in zip(plans, contact_ids, strict=True):
                person_ids = list(plan.data.person_ids)
                if plan.code is not None:
                    person_ids.append(ids_by_code[plan.code].id)
                links.extend({"contact_id": contact_id, "person_id": p} for p in person_ids)
                given.extend(
                    {"contact_id": contact_id, "service": s}
                    for s in street.SERVICES
                    if s in plan.data.services
                )
            # The links' own summaries name the persons (their trails find the import).
            for model, rows, what in (
                (StreetContactPerson, links, "persone collegate"),
                (StreetContactService, given, "prestazioni"),
            ):
                if not rows:
                    continue
                detail = f"{summary.detail} ({what})"
                with bulk.writing(
                    session, ctx.actor, model, action=summary.action, detail=detail
                ) as batch:
                    for rows_chunk in _chunks(rows, BATCH):
                        batch.insert(rows_chunk)
        except IntegrityError as exc:
            raise ConflictError(
                "Nel frattempo un altro utente ha cambiato la data di presa in carico di una "
                "persona del file o le sue schede: non è stato importato nulla. Ripetere "
                "l'importazione."
            ) from exc


def _contact_row(data: street.ContactInput) -> dict[str, Any]:
    assert data.occurred_on is not None
    return {
        "occurred_on": data.occurred_on,
        "occurred_at": street.local_moment(data.occurred_on, data.time)
        if data.time is not None
        else None,
        "place": data.place,
        "zone_id": None,
        "anonymous_f": data.anonymous_f,
        "anonymous_m": data.anonymous_m,
        "notes": None,
    }


def _key(data: street.ContactInput) -> Key:
    assert data.occurred_on is not None and data.place is not None
    return (
        data.occurred_on,
        data.time,
        data.place,
        data.person_ids[0] if data.person_ids else None,
        data.anonymous_f,
        data.anonymous_m,
        frozenset(data.services),
    )


def _recorded_keys(session: Session, first: dt.date, last: dt.date) -> list[Key]:
    contacts = _contacts(session, first, last)
    keys = []
    for c in contacts:
        if len(c.persons) > 1:
            continue  # a row carries one person: it never equals such a contact
        keys.append(
            (
                c.occurred_on,
                c.time,
                c.place,
                c.persons[0][0] if c.persons else None,
                c.anonymous_f,
                c.anonymous_m,
                c.services,
            )
        )
    return keys


@dataclass(frozen=True)
class _Contact:
    id: int
    occurred_on: dt.date
    time: dt.time | None
    place: str
    anonymous_f: int
    anonymous_m: int
    persons: list[tuple[int, str, Sex | None, bool]]  # id, code, sex, anonymised
    services: frozenset[StreetService]


def _contacts(session: Session, first: dt.date | None, last: dt.date | None) -> list[_Contact]:
    query = select(
        StreetContact.id,
        StreetContact.occurred_on,
        StreetContact.occurred_at,
        StreetContact.place,
        StreetContact.anonymous_f,
        StreetContact.anonymous_m,
    )
    links = select(
        StreetContactPerson.contact_id,
        Person.id,
        Person.code,
        Person.sex,
        Person.anonymised_at,
    ).join(Person, Person.id == StreetContactPerson.person_id)
    given = select(StreetContactService.contact_id, StreetContactService.service).join(
        StreetContact, StreetContact.id == StreetContactService.contact_id
    )
    if first is not None and last is not None:
        query = query.where(StreetContact.occurred_on.between(first, last))
        links = links.join(StreetContact, StreetContact.id == StreetContactPerson.contact_id).where(
            StreetContact.occurred_on.between(first, last)
        )
        given = given.where(StreetContact.occurred_on.between(first, last))
    people: dict[int, list[tuple[int, str, Sex | None, bool]]] = {}
    for contact_id, pid, code, sex, anonymised in session.execute(
        links.order_by(StreetContactPerson.contact_id, StreetContactPerson.id)
    ):
        people.setdefault(contact_id, []).append((pid, code, sex, anonymised is not None))
    services: dict[int, set[StreetService]] = {}
    for contact_id, service in session.execute(given):
        services.setdefault(contact_id, set()).add(service)
    return [
        _Contact(
            row.id,
            row.occurred_on,
            street.local_time(row.occurred_at),
            row.place,
            row.anonymous_f,
            row.anonymous_m,
            people.get(row.id, []),
            frozenset(services.get(row.id, set())),
        )
        for row in session.execute(query)
    ]


# --- export -----------------------------------------------------------------------------


def export_rows(session: Session, actor: Actor, options: ExportOptions) -> list[list[Any]]:
    """Every contact, oldest first; one row per linked person (see the module's doc)."""
    require(actor, Permission.READ_REGISTRY)
    flt = options.person_filter
    chosen: set[int] | None = None
    if flt is not None and flt != persons.PersonFilter():
        # The export of a filtered list: the contacts of those persons only (another
        # person's Codice would name someone the workbook's Beneficiari sheet lacks).
        chosen = set(persons.search_ids(session, actor, flt))
    contacts = _contacts(session, None, None)
    contacts.sort(key=lambda c: (c.occurred_on, c.time or dt.time.min, c.id))
    rows: list[list[Any]] = []
    for c in contacts:
        services = street.services_text(c.services) or None
        anonymous = {"F": c.anonymous_f, "M": c.anonymous_m}
        named: list[str] = []
        for pid, code, sex, anonymised in c.persons:
            if not anonymised:
                if chosen is None or pid in chosen:
                    named.append(code)
            elif sex is not None:
                anonymous[Sex(sex).value] += 1
        if chosen is not None and not named:
            continue
        if not named:
            if anonymous["F"] or anonymous["M"]:
                rows.append(_row(c, None, anonymous["F"], anonymous["M"], services))
            continue
        for index, code in enumerate(named):
            f, m = (anonymous["F"], anonymous["M"]) if index == 0 else (0, 0)
            rows.append(_row(c, code, f, m, services))
    return rows


def _row(
    c: _Contact, code: str | None, anonymous_f: int, anonymous_m: int, services: str | None
) -> list[Any]:
    return [
        c.occurred_on,
        f"{c.time:%H:%M}" if c.time is not None else None,
        c.place,
        code,
        anonymous_f or None,
        anonymous_m or None,
        services,
    ]


register(
    SheetSpec(
        name=SHEET,
        columns=COLUMNS,
        handler=StreetContactsHandler,
        exporter=export_rows,
        write_permission=Permission.WRITE_REGISTRY,
        read_permission=Permission.READ_REGISTRY,
        audit_entity="street_contact",
    )
)
