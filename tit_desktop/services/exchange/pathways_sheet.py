"""The ``Percorsi`` sheet: one row per percorso, found by Codice + Data ingresso.

Import
    ``Codice`` names a person recorded in the database or created by the same file's
    Beneficiari sheet. A row whose person already has a percorso entering that day
    **updates** its exit (Data uscita, Destinazione); otherwise the row **creates** a
    percorso. Rules are the window's: the exit on or after the entry, the entry on or after
    the person's intake date, the destination one of DOMAIN.md 5 (required with an exit
    date, refused without one), one open percorso per person and no two of a person
    overlapping. Overlaps are checked on the percorsi as they will be once the file is
    written (the database's with the file's changes): two rows of the file are reported on
    the later row naming the earlier one; a row against a recorded percorso names it.

Export
    Every percorso of the persons of the list's filter (never anonymised or merged ones),
    sorted by Codice and Data ingresso.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from tit_desktop.models import Pathway, Person
from tit_desktop.models.destinations import ExitDestination
from tit_desktop.services import bulk, pathways, persons
from tit_desktop.services.exchange.cells import CellError, parse_date, parse_text
from tit_desktop.services.exchange.model import (
    AuditSummary,
    ImportContext,
    ParsedRow,
    SheetCounts,
)
from tit_desktop.services.exchange.sheets import Column, ExportOptions, SheetSpec, register
from tit_desktop.services.permissions import Actor, Permission, require

SHEET = "Percorsi"
BATCH = 500
_IN_CHUNK = 900
T = TypeVar("T")


def parse_destination(value: Any) -> ExitDestination:
    text = parse_text(value)
    try:
        destination = pathways.destination_of(text)
    except ValueError:
        raise CellError(pathways.UNKNOWN_DESTINATION) from None
    if destination is None:  # pragma: no cover - blank cells never reach the parser
        raise CellError("vuoto")
    return destination


COLUMNS = (
    Column("Codice", "code", parse_text, required=True),
    Column("Data ingresso", "entry_date", parse_date, required=True),
    Column("Data uscita", "exit_date", parse_date),
    Column("Destinazione", "destination", parse_destination),
)


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class _Plan:
    row: int
    code: str
    entry: dt.date
    exit_date: dt.date | None
    destination: ExitDestination | None
    existing: Pathway | None
    changed: bool


@dataclass(frozen=True)
class _Span:
    """A percorso as it will be: from a row of the file (``row``) or recorded (``id``)."""

    entry: dt.date
    exit_date: dt.date | None
    row: int | None = None
    pathway_id: int | None = None

    def overlaps(self, other: _Span) -> bool:
        far = pathways.FAR_FUTURE
        return self.entry <= (other.exit_date or far) and other.entry <= (self.exit_date or far)

    def text(self) -> str:
        return pathways.period_text(self.entry, self.exit_date)


class PathwaysHandler:
    def __init__(self) -> None:
        self.plans: list[_Plan] = []

    def check(self, ctx: ImportContext, rows: list[ParsedRow], present: frozenset[str]) -> None:
        session = ctx.session
        codes = sorted({c for c in (row.values.get("code") for row in rows) if c})
        recorded: dict[str, Person] = {}
        for chunk in _chunks(codes, _IN_CHUNK):
            for person in session.scalars(select(Person).where(Person.code.in_(chunk))):
                recorded[person.code] = person
        file_persons: dict[str, int] = ctx.shared.get("person_rows", {})
        file_intake: dict[str, dt.date] = ctx.shared.get("person_intake", {})
        existing: dict[int, list[Pathway]] = {}
        ids = [p.id for p in recorded.values()]
        for chunk in _chunks(ids, _IN_CHUNK):
            for pathway in session.scalars(select(Pathway).where(Pathway.person_id.in_(chunk))):
                existing.setdefault(pathway.person_id, []).append(pathway)
        for done, row in enumerate(rows, start=1):
            if done % BATCH == 0:
                ctx.cancel()
                ctx.progress(done, len(rows), f"Controllo dei percorsi: riga {done}")
            plan = self._plan(ctx, row, recorded, file_persons, file_intake, existing)
            if plan is not None:
                self.plans.append(plan)
        self._check_overlaps(ctx, recorded, existing)

    def _plan(
        self,
        ctx: ImportContext,
        row: ParsedRow,
        recorded: dict[str, Person],
        file_persons: dict[str, int],
        file_intake: dict[str, dt.date],
        existing: dict[int, list[Pathway]],
    ) -> _Plan | None:
        values = row.values
        code: str | None = values.get("code")
        entry: dt.date | None = values.get("entry_date")
        exit_date: dt.date | None = values.get("exit_date")
        destination: ExitDestination | None = values.get("destination")
        person = recorded.get(code) if code else None
        ok = row.ok
        if code and person is None and code not in file_persons:
            ctx.error(SHEET, row.number, "Codice", f"nessuna persona con codice «{code}»")
            ok = False
        if person is not None:
            if person.merged_into_id is not None or person.anonymised_at is not None:
                ctx.error(
                    SHEET,
                    row.number,
                    "Codice",
                    f"la scheda con il codice «{code}» è stata unita o anonimizzata",
                )
                ok = False
            ctx.revealed.add(person.id)
        if not ok or code is None or entry is None:
            return None
        data = pathways.PathwayInput(
            person_id=person.id if person else 0,
            entry_date=entry,
            exit_date=exit_date,
            exit_destination=destination.value if destination else None,
        )
        problems = pathways.form_problems(data, ctx.today)
        intake = person.intake_date if person is not None else file_intake.get(code)
        if intake is not None and entry < intake and "entry_date" not in problems:
            problems["entry_date"] = (
                f"l'ingresso ({pathways.fmt(entry)}) non può precedere la presa in carico "
                f"({pathways.fmt(intake)})"
            )
        column = {c.key: c.name for c in COLUMNS}
        column["exit_destination"] = "Destinazione"
        for field, message in problems.items():
            ctx.error(SHEET, row.number, column.get(field, field), message)
        if problems:
            return None
        same = None
        if person is not None:
            same = next((p for p in existing.get(person.id, []) if p.entry_date == entry), None)
        changed = same is None or (same.exit_date, same.exit_destination) != (
            exit_date,
            destination,
        )
        return _Plan(row.number, code, entry, exit_date, destination, same, changed)

    def _check_overlaps(
        self, ctx: ImportContext, recorded: dict[str, Person], existing: dict[int, list[Pathway]]
    ) -> None:
        by_code: dict[str, list[_Plan]] = {}
        for plan in self.plans:
            by_code.setdefault(plan.code, []).append(plan)
        refused: set[int] = set()
        for code, plans in by_code.items():
            person = recorded.get(code)
            updated = {p.existing.id: p for p in plans if p.existing is not None}
            spans: list[_Span] = []
            if person is not None:
                spans = [
                    _Span(p.entry_date, p.exit_date, pathway_id=p.id)
                    for p in existing.get(person.id, [])
                    if p.id not in updated
                ]
            for plan in sorted(plans, key=lambda p: p.row):
                mine = _Span(plan.entry, plan.exit_date, row=plan.row)
                clash = next((s for s in spans if s.overlaps(mine)), None)
                if clash is not None:
                    both_open = clash.exit_date is None and mine.exit_date is None
                    if clash.row is not None:
                        where = f"della riga {clash.row} ({clash.text()})"
                    else:
                        where = f"registrato ({clash.text()})"
                    message = (
                        "secondo percorso aperto per la stessa persona: c'è già il percorso "
                        + where
                        if both_open
                        else f"si sovrappone al percorso {where}"
                    )
                    ctx.error(SHEET, plan.row, "Data ingresso", message)
                    refused.add(plan.row)
                    continue
                spans.append(mine)
        self.plans = [p for p in self.plans if p.row not in refused]

    def counts(self) -> SheetCounts:
        created = sum(1 for p in self.plans if p.existing is None)
        updated = sum(1 for p in self.plans if p.existing is not None and p.changed)
        return SheetCounts(created, updated, len(self.plans) - created - updated)

    def write(self, ctx: ImportContext, summary: AuditSummary) -> None:
        session = ctx.session
        updates = [p for p in self.plans if p.existing is not None and p.changed]
        creates = [p for p in self.plans if p.existing is None]
        codes = sorted({p.code for p in creates})
        ids: dict[str, int] = {}
        for names in _chunks(codes, _IN_CHUNK):
            ids.update(
                session.execute(select(Person.code, Person.id).where(Person.code.in_(names))).all()
            )
        with bulk.writing(
            session,
            ctx.actor,
            Pathway,
            action=summary.action,
            detail=summary.detail,
            changes=summary.changes,
        ) as batch:
            # Exits first: a percorso closed by the file makes room for the file's new one.
            for plan in updates:
                assert plan.existing is not None
                plan.existing.exit_date = plan.exit_date
                plan.existing.exit_destination = plan.destination
            session.flush()
            for chunk in _chunks(creates, BATCH):
                ctx.cancel()
                batch.insert(
                    [
                        {
                            "person_id": ids[p.code],
                            "entry_date": p.entry,
                            "exit_date": p.exit_date,
                            "exit_destination": p.destination,
                            "actions": None,
                            "reference_staff_id": None,
                            "exit_reason": None,
                        }
                        for p in chunk
                    ]
                )


def export_rows(session: Session, actor: Actor, options: ExportOptions) -> list[list[Any]]:
    require(actor, Permission.READ_REGISTRY)
    flt = replace(options.person_filter or persons.PersonFilter(), include_anonymised=False)
    matching = persons.person_ids_matching(flt)
    query = (
        select(Person.code, Pathway.entry_date, Pathway.exit_date, Pathway.exit_destination)
        .join(Person, Person.id == Pathway.person_id)
        .where(Pathway.person_id.in_(matching))
    )
    rows = [
        [code, entry, exit_date, destination.value if destination else None]
        for code, entry, exit_date, destination in session.execute(query).all()
    ]
    rows.sort(key=lambda r: (r[0], r[1]))  # the same order on both engines
    return rows


register(
    SheetSpec(
        name=SHEET,
        columns=COLUMNS,
        handler=PathwaysHandler,
        exporter=export_rows,
        write_permission=Permission.WRITE_REGISTRY,
        read_permission=Permission.READ_REGISTRY,
        audit_entity="pathway",
    )
)
