"""The ``Pasti`` sheet (DOMAIN.md section 8): ``Codice*, Data*, Pasto*``, one meal a row.

A row names a person by Codice: recorded, or created by the Beneficiari sheet of the same
file. The meal must be on or after the person's intake date, not in the future, for a
person who is not anonymised. A second row for the same person, day and meal is an error
on the later row naming the earlier; a meal already recorded is left as it is (counted
unchanged), so that importing an export into the same database changes nothing.

Built for a city's three years of meals (1,000,000 rows): the check holds one small tuple
per row and reads the recorded meals of the file's days in one query per chunk of persons;
the write goes through :mod:`tit_desktop.services.bulk` in chunks, with one audit row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tit_desktop.models import Meal, MealType, Person
from tit_desktop.services import bulk, clock, persons
from tit_desktop.services.errors import ConflictError
from tit_desktop.services.exchange.cells import CellError, parse_date, parse_text
from tit_desktop.services.exchange.model import (
    AuditSummary,
    ImportContext,
    ParsedRow,
    SheetCounts,
)
from tit_desktop.services.exchange.sheets import Column, ExportOptions, SheetSpec, register
from tit_desktop.services.permissions import Actor, Permission, require

SHEET = "Pasti"
BATCH = 5000
_IN_CHUNK = 900


def parse_meal(value: Any) -> MealType:
    text = parse_text(value).strip().casefold()
    for meal in MealType:
        if meal.value == text:
            return meal
    raise CellError(
        f"«{parse_text(value).strip()[:40]}» non è un pasto: indicare colazione, pranzo o cena"
    )


def _parse_code(value: Any) -> str:
    text = parse_text(value).strip()
    if not text:
        raise CellError("campo obbligatorio")
    return text


COLUMNS = (
    Column("Codice", "code", _parse_code, required=True),
    Column("Data", "date", parse_date, required=True),
    Column("Pasto", "meal", parse_meal, required=True),
)


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass(frozen=True)
class _Person:
    id: int | None  # None: created by this file's Beneficiari sheet
    intake: dt.date | None
    anonymised: bool


def _day(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


class MealsHandler:
    def __init__(self) -> None:
        # (Codice, day, meal) of the rows to write, in the file's order.
        self.new: list[tuple[str, dt.date, MealType]] = []
        self.unchanged = 0

    def check(self, ctx: ImportContext, rows: list[ParsedRow], present: frozenset[str]) -> None:
        session = ctx.session
        file_people: dict[str, int] = ctx.shared.get("person_rows", {})
        file_intake: dict[str, dt.date] = ctx.shared.get("person_intake", {})
        codes = sorted({str(r.values["code"]) for r in rows if r.values.get("code")})
        known: dict[str, _Person] = {}
        for chunk in _chunks(codes, _IN_CHUNK):
            for pid, code, intake, anonymised, merged in session.execute(
                select(
                    Person.id,
                    Person.code,
                    Person.intake_date,
                    Person.anonymised_at,
                    Person.merged_into_id,
                ).where(Person.code.in_(chunk))
            ):
                if merged is not None:
                    target = persons.find_id_by_code(session, code)
                    absorber = session.get(Person, target) if target is not None else None
                    if absorber is None:
                        continue
                    pid = absorber.id
                    intake, anonymised = absorber.intake_date, absorber.anonymised_at
                known[code] = _Person(pid, intake, anonymised is not None)
        for code in codes:
            if code in file_intake:  # the file sets (or changes) the intake date
                previous = known.get(code)
                known[code] = _Person(
                    previous.id if previous else None,
                    file_intake[code],
                    previous.anonymised if previous else False,
                )
            elif code not in known and code in file_people:
                known[code] = _Person(None, None, False)
        first_row: dict[tuple[str, dt.date, MealType], int] = {}
        wanted: list[tuple[int, str, dt.date, MealType]] = []
        for done, row in enumerate(rows, start=1):
            if done % BATCH == 0:
                ctx.cancel()
                ctx.progress(done, len(rows), f"Controllo dei pasti: riga {done} di {len(rows)}")
            if not row.ok:
                continue
            code, day, meal = row.values["code"], row.values["date"], row.values["meal"]
            person = known.get(code)
            if person is None:
                ctx.error(SHEET, row.number, "Codice", f"nessuna persona con codice «{code}»")
                continue
            if person.anonymised:
                ctx.error(
                    SHEET,
                    row.number,
                    "Codice",
                    f"la persona «{code}» è stata anonimizzata: non si registrano pasti",
                )
                continue
            if person.id is not None:
                ctx.revealed.add(person.id)
            if day > ctx.today:
                ctx.error(SHEET, row.number, "Data", f"il {_day(day)} è nel futuro")
                continue
            if person.intake is not None and day < person.intake:
                ctx.error(
                    SHEET,
                    row.number,
                    "Data",
                    f"il {_day(day)} precede la presa in carico di «{code}» "
                    f"({_day(person.intake)})",
                )
                continue
            key = (code, day, meal)
            earlier = first_row.get(key)
            if earlier is not None:
                ctx.error(
                    SHEET,
                    row.number,
                    "Pasto",
                    f"{meal.value} del {_day(day)} per «{code}» già indicato alla riga {earlier}",
                )
                continue
            first_row[key] = row.number
            wanted.append((row.number, code, day, meal))
        if ctx.errors:
            return
        recorded = self._recorded(ctx, known, wanted)
        for _number, code, day, meal in wanted:
            if (code, day, meal) in recorded:
                self.unchanged += 1
            else:
                self.new.append((code, day, meal))

    @staticmethod
    def _recorded(
        ctx: ImportContext,
        known: dict[str, _Person],
        wanted: list[tuple[int, str, dt.date, MealType]],
    ) -> set[tuple[str, dt.date, MealType]]:
        """The rows' meals already in the database (the file's days, its persons)."""
        if not wanted:
            return set()
        first = min(w[2] for w in wanted)
        last = max(w[2] for w in wanted)
        code_of = {p.id: code for code, p in known.items() if p.id is not None}
        found: set[tuple[str, dt.date, MealType]] = set()
        for chunk in _chunks(sorted(code_of), _IN_CHUNK):
            ctx.cancel()
            for pid, day, meal in ctx.session.execute(
                select(Meal.person_id, Meal.meal_date, Meal.meal_type).where(
                    Meal.person_id.in_(chunk), Meal.meal_date >= first, Meal.meal_date <= last
                )
            ):
                found.add((code_of[pid], day, meal))
        return found

    def counts(self) -> SheetCounts:
        return SheetCounts(created=len(self.new), unchanged=self.unchanged)

    def write(self, ctx: ImportContext, summary: AuditSummary) -> None:
        """The new meals in bulk (persons of the Beneficiari sheet are already written, in
        the same transaction); one audit row names them."""
        session = ctx.session
        codes = sorted({code for code, _d, _m in self.new})
        ids: dict[str, int] = {}
        for chunk in _chunks(codes, _IN_CHUNK):
            for code, pid, merged in session.execute(
                select(Person.code, Person.id, Person.merged_into_id).where(Person.code.in_(chunk))
            ):
                # A Codice of a merged record leads to the record it joined.
                target = persons.find_id_by_code(session, code) if merged is not None else pid
                ids[code] = int(target if target is not None else pid)
        now = clock.utcnow()
        total = len(self.new)
        try:
            with bulk.writing(
                session,
                ctx.actor,
                Meal,
                action=summary.action,
                detail=summary.detail,
                changes=summary.changes,
            ) as batch:
                for done, chunk in enumerate(_chunks(self.new, BATCH), start=1):
                    ctx.cancel()
                    batch.insert(
                        [
                            {
                                "person_id": ids[code],
                                "meal_date": day,
                                "meal_type": meal,
                                "card_id": None,
                                "recorded_at": now,
                                "recorded_by_user_id": ctx.actor.user_id,
                                "backdated": day < ctx.today,
                            }
                            for code, day, meal in chunk
                        ]
                    )
                    written = min(done * BATCH, total)
                    ctx.progress(written, total, f"Scrittura dei pasti: {written} di {total}")
        except IntegrityError as exc:
            raise ConflictError(
                "Nel frattempo un'altra postazione ha registrato uno dei pasti del file: non è "
                "stato importato nulla. Ripetere l'importazione."
            ) from exc


def export_rows(session: Session, actor: Actor, options: ExportOptions) -> list[list[Any]]:
    """Every meal of the exported persons (never anonymised or merged ones), by Codice,
    day and meal."""
    require(actor, Permission.READ_REGISTRY)
    order = {
        meal: i for i, meal in enumerate((MealType.BREAKFAST, MealType.LUNCH, MealType.DINNER))
    }
    query = (
        select(Person.code, Meal.meal_date, Meal.meal_type)
        .join(Person, Person.id == Meal.person_id)
        .where(Person.anonymised_at.is_(None), Person.merged_into_id.is_(None))
    )
    if options.person_filter is None:
        rows = list(session.execute(query))
    else:
        ids = persons.search_ids(session, actor, options.person_filter)
        rows = []
        for chunk in _chunks(ids, _IN_CHUNK):
            rows.extend(session.execute(query.where(Meal.person_id.in_(chunk))))
    rows.sort(key=lambda r: (r[0], r[1], order[r[2]]))
    return [[code, day, meal.value] for code, day, meal in rows]


register(
    SheetSpec(
        name=SHEET,
        columns=COLUMNS,
        handler=MealsHandler,
        exporter=export_rows,
        write_permission=Permission.WRITE_REGISTRY,
        read_permission=Permission.READ_REGISTRY,
        audit_entity="meal",
    )
)
