"""Staff costs and monthly timesheets (DOMAIN.md 6): staff cost = hours on the monthly
timesheet x hourly cost, the hourly cost being the year's gross cost / its hours.

Hours are kept as minutes (whole numbers, exact on both engines). Closing a month posts its
cost as expenditures of the convention, one per budget line of category ``personale`` (the
line whose action is the hours' action, else the convention's first staff line), and then
the month's hours can no longer change, until it is reopened (:func:`reopen_month`, with a
reason: the posted cost is removed, unless a submitted payment request already includes it).
The printable timesheet is the form ``timesheet``
(``form timesheet --staff "Cognome Nome" --month mm/yyyy --convention C``).

The window's grid writes a whole month at once (:func:`record_month`): one row per day, one
column per action of the convention (the actions of its budget lines), all or nothing. Hours
are typed "7:30", "7,5" or "7" (:func:`parse_hours`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import IO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tit_desktop.models import (
    BudgetLine,
    CostCategory,
    Expenditure,
    Organisation,
    PaymentRequest,
    StaffCost,
    StaffMember,
    TimesheetEntry,
    TimesheetMonth,
)
from tit_desktop.models.audit import AuditAction
from tit_desktop.reports import timesheet as timesheet_report
from tit_desktop.services import audit, forms
from tit_desktop.services.convention import expenditures
from tit_desktop.services.convention.checks import REQUIRED, text_problem
from tit_desktop.services.convention.conventions import end_of, find_by_name, get_convention
from tit_desktop.services.errors import ConflictError, NotFound, ValidationError, register_labels
from tit_desktop.services.holidays import weekday_abbreviation
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.text import fold

register_labels(
    {
        "annual_gross": "Costo lordo annuo",
        "annual_hours": "Ore annue",
        "minutes": "Ore",
        "work_date": "Giorno",
        "staff": "Operatore",
        "month": "Mese",
        "year": "Anno",
        "reopen_reason": "Motivo della riapertura",
    }
)
CENT = Decimal("0.01")
DAY_MINUTES = 24 * 60
GENERAL_ACTION = "Attività generale"
"""The one column of the grid when the convention's budget lines name no action."""
TIMESHEET_DOCUMENT = "Timesheet"


def hourly_cost(annual_gross: Decimal, annual_hours: int) -> Decimal:
    """Annual gross cost / annual hours, to the cent (half up)."""
    return (annual_gross / annual_hours).quantize(CENT, rounding=ROUND_HALF_UP)


def cost_of(minutes: int, hourly: Decimal) -> Decimal:
    """The cost of ``minutes`` of work at ``hourly`` euro an hour, to the cent (half up)."""
    return (hourly * minutes / 60).quantize(CENT, rounding=ROUND_HALF_UP)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def next_month(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def format_minutes(minutes: int) -> str:
    """450 -> "7:30"."""
    return f"{minutes // 60}:{minutes % 60:02d}"


class HoursError(ValueError):
    """A cell's text is not a number of hours; the message says why, in Italian."""


def parse_hours(text: str) -> int:
    """Hours as typed in a timesheet cell -> minutes: "7:30", "7,5" (or "7.5"), "7";
    empty = 0. A fraction is rounded to the minute. :class:`HoursError` otherwise."""
    value = text.strip().replace(".", ",")
    if not value:
        return 0
    if ":" in value:
        hours, _, minutes = value.partition(":")
        if hours.isdigit() and minutes.isdigit() and len(minutes) <= 2 and int(minutes) < 60:
            return int(hours) * 60 + int(minutes)
    else:
        whole, _, fraction = value.partition(",")
        if whole.isdigit() and (not fraction or fraction.isdigit()):
            try:
                exact = Decimal(f"{whole}.{fraction or 0}") * 60
            except InvalidOperation:  # pragma: no cover - digits only reach here
                pass
            else:
                return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    raise HoursError(
        f"«{text.strip()}» non è un numero di ore: scrivere ad esempio 7:30 oppure 7,5"
    )


def cell_name(day: dt.date, action: str | None) -> str:
    """How an error names a cell of the grid: "02/03/2021 (mar), «Accoglienza»"."""
    name = f"{day:%d/%m/%Y} ({weekday_abbreviation(day)})"
    return f"{name}, «{action}»" if action else name


class TimesheetCellsError(ValidationError):
    """Hours refused, cell by cell: ``cells`` maps (day, action) to the reason; the action
    is None when the reason is the day's total. Nothing was written."""

    def __init__(self, cells: Mapping[tuple[dt.date, str | None], str]) -> None:
        self.cells = dict(sorted(cells.items(), key=lambda item: (item[0][0], item[0][1] or "")))
        reasons = [f"{cell_name(day, action)}: {why}" for (day, action), why in self.cells.items()]
        shown = reasons[:6]
        if len(reasons) > len(shown):
            shown.append(f"e altre {len(reasons) - len(shown)} celle")
        super().__init__({"minutes": "; ".join(shown)})


@dataclass(frozen=True)
class Timesheet:
    staff_member_id: int
    staff_name: str
    convention_id: int
    month: dt.date
    minutes: dict[tuple[dt.date, str], int]
    closed: bool
    hourly: Decimal | None
    plan_actions: tuple[str, ...] = ()
    """The actions of the convention's budget lines, in the plan's order."""
    period: tuple[dt.date, dt.date] | None = None
    """The convention's period (extensions included): days outside it take no hours."""

    @property
    def actions(self) -> list[str]:
        return sorted({action for _day, action in self.minutes})

    @property
    def columns(self) -> list[str]:
        """The grid's columns: the plan's actions (the general column when the plan names
        none), then any other action that has hours this month."""
        base = list(self.plan_actions) or [GENERAL_ACTION]
        extra = sorted({a for _d, a in self.minutes} - set(base))
        return [*base, *extra]

    @property
    def days(self) -> list[dt.date]:
        last = next_month(self.month) - dt.timedelta(days=1)
        return [self.month + dt.timedelta(days=n) for n in range(last.day)]

    def in_period(self, day: dt.date) -> bool:
        return self.period is None or self.period[0] <= day <= self.period[1]

    @property
    def total_minutes(self) -> int:
        return sum(self.minutes.values())

    @property
    def cost(self) -> Decimal | None:
        return None if self.hourly is None else cost_of(self.total_minutes, self.hourly)


def set_staff_cost(
    session: Session,
    actor: Actor,
    staff_member_id: int,
    year: int,
    annual_gross: Decimal | None,
    annual_hours: int | None,
) -> int:
    require(actor, Permission.WRITE_MONEY)
    if session.get(StaffMember, staff_member_id) is None:
        raise NotFound("Operatore non trovato.")
    errors: dict[str, str] = {}
    if annual_gross is None:
        errors["annual_gross"] = REQUIRED
    elif annual_gross < 0:
        errors["annual_gross"] = "l'importo non può essere negativo"
    if annual_hours is None:
        errors["annual_hours"] = REQUIRED
    elif not 1 <= annual_hours <= 3000:
        errors["annual_hours"] = "tra 1 e 3000 ore"
    if errors:
        raise ValidationError(errors)
    assert annual_gross is not None and annual_hours is not None
    cost = session.scalar(
        select(StaffCost).where(
            StaffCost.staff_member_id == staff_member_id, StaffCost.year == year
        )
    )
    if cost is None:
        cost = StaffCost(staff_member_id=staff_member_id, year=year)
        session.add(cost)
    cost.annual_gross = annual_gross
    cost.annual_hours = annual_hours
    session.flush()
    return cost.id


@dataclass(frozen=True)
class StaffCostRow:
    year: int
    annual_gross: Decimal
    annual_hours: int

    @property
    def hourly(self) -> Decimal:
        return hourly_cost(self.annual_gross, self.annual_hours)


def staff_cost(
    session: Session, actor: Actor, staff_member_id: int, year: int
) -> StaffCostRow | None:
    """The staff member's cost data for ``year`` (None when not entered)."""
    require(actor, Permission.READ_MONEY)
    cost = session.scalar(
        select(StaffCost).where(
            StaffCost.staff_member_id == staff_member_id, StaffCost.year == year
        )
    )
    return None if cost is None else StaffCostRow(year, cost.annual_gross, cost.annual_hours)


def _hourly(session: Session, staff_member_id: int, year: int) -> Decimal | None:
    cost = session.scalar(
        select(StaffCost).where(
            StaffCost.staff_member_id == staff_member_id, StaffCost.year == year
        )
    )
    return None if cost is None else hourly_cost(cost.annual_gross, cost.annual_hours)


def _closed(session: Session, staff_member_id: int, convention_id: int, month: dt.date) -> bool:
    return (
        session.scalar(
            select(TimesheetMonth.id).where(
                TimesheetMonth.staff_member_id == staff_member_id,
                TimesheetMonth.convention_id == convention_id,
                TimesheetMonth.month == month,
            )
        )
        is not None
    )


def record_hours(
    session: Session,
    actor: Actor,
    staff_member_id: int,
    convention_id: int,
    work_date: dt.date,
    action: str,
    minutes: int,
) -> None:
    """Set the minutes worked that day on that action (0 removes them)."""
    require(actor, Permission.WRITE_MONEY)
    get_convention(session, convention_id)
    if session.get(StaffMember, staff_member_id) is None:
        raise NotFound("Operatore non trovato.")
    text = " ".join(action.split())
    errors: dict[str, str] = {}
    problem = text_problem(text, 120, required=True)
    if problem:
        errors["action"] = problem
    if not 0 <= minutes <= 24 * 60:
        errors["minutes"] = "tra 0 e 24 ore al giorno"
    if errors:
        raise ValidationError(errors)
    if _closed(session, staff_member_id, convention_id, month_start(work_date)):
        raise ConflictError(
            f"Il timesheet di {work_date:%m/%Y} è chiuso: le ore non si possono più cambiare."
        )
    entry = session.scalar(
        select(TimesheetEntry).where(
            TimesheetEntry.staff_member_id == staff_member_id,
            TimesheetEntry.convention_id == convention_id,
            TimesheetEntry.work_date == work_date,
            TimesheetEntry.action == text,
        )
    )
    if minutes == 0:
        if entry is not None:
            session.delete(entry)
    elif entry is None:
        session.add(
            TimesheetEntry(
                staff_member_id=staff_member_id,
                convention_id=convention_id,
                work_date=work_date,
                action=text,
                minutes=minutes,
            )
        )
    else:
        entry.minutes = minutes
    day_total = session.scalar(
        select(func.coalesce(func.sum(TimesheetEntry.minutes), 0)).where(
            TimesheetEntry.staff_member_id == staff_member_id,
            TimesheetEntry.work_date == work_date,
        )
    )
    session.flush()
    if int(day_total or 0) > 24 * 60:
        raise ValidationError({"minutes": f"più di 24 ore registrate il {work_date:%d/%m/%Y}"})


def timesheet(
    session: Session, actor: Actor, staff_member_id: int, convention_id: int, month: dt.date
) -> Timesheet:
    require(actor, Permission.READ_MONEY)
    staff = session.get(StaffMember, staff_member_id)
    if staff is None:
        raise NotFound("Operatore non trovato.")
    month = month_start(month)
    entries = session.execute(
        select(TimesheetEntry.work_date, TimesheetEntry.action, TimesheetEntry.minutes).where(
            TimesheetEntry.staff_member_id == staff_member_id,
            TimesheetEntry.convention_id == convention_id,
            TimesheetEntry.work_date >= month,
            TimesheetEntry.work_date < next_month(month),
        )
    )
    convention = get_convention(session, convention_id)
    return Timesheet(
        staff_member_id,
        staff.display_name,
        convention_id,
        month,
        {(r.work_date, r.action): r.minutes for r in entries},
        _closed(session, staff_member_id, convention_id, month),
        _hourly(session, staff_member_id, month.year),
        tuple(convention_actions(session, convention_id)),
        (convention.starts_on, end_of(session, convention_id)),
    )


def convention_actions(session: Session, convention_id: int) -> list[str]:
    """The distinct actions of the convention's budget lines, in the plan's order (the
    order of each action's first line)."""
    first = func.min(BudgetLine.id)
    return list(
        session.scalars(
            select(BudgetLine.action)
            .where(BudgetLine.convention_id == convention_id, BudgetLine.action.is_not(None))
            .group_by(BudgetLine.action)
            .order_by(first)
        )
    )


def convention_months(session: Session, actor: Actor, convention_id: int) -> list[dt.date]:
    """The first days of the months of the convention's period (extensions included)."""
    require(actor, Permission.READ_MONEY)
    convention = get_convention(session, convention_id)
    last = month_start(end_of(session, convention_id))
    months = [month_start(convention.starts_on)]
    while months[-1] < last:
        months.append(next_month(months[-1]))
    return months


def record_month(
    session: Session,
    actor: Actor,
    staff_member_id: int,
    convention_id: int,
    month: dt.date,
    cells: Mapping[tuple[dt.date, str], int | str],
) -> int:
    """Write the month's changed cells in one go: (day, action) -> minutes, or the text
    typed in the grid ("7:30", "7,5", "7"; empty or 0 removes the hours). All or nothing:
    any cell refused (not hours, outside the month or the convention's period, an action
    the convention does not have, a day above 24 hours with the other conventions' hours)
    raises :class:`TimesheetCellsError` naming each cell, and nothing is written. Each
    entry written is audited. Returns how many cells changed."""
    require(actor, Permission.WRITE_MONEY)
    sheet = timesheet(session, actor, staff_member_id, convention_id, month)
    if sheet.closed:
        raise ConflictError(
            f"Il timesheet di {sheet.month:%m/%Y} è chiuso: le ore non si possono più cambiare "
            "(per correggerle riaprire il mese)."
        )
    allowed = set(sheet.columns)
    problems: dict[tuple[dt.date, str | None], str] = {}
    wanted: dict[tuple[dt.date, str], int] = {}
    for (day, action), value in cells.items():
        try:
            minutes = parse_hours(value) if isinstance(value, str) else int(value)
        except HoursError as exc:
            problems[(day, action)] = str(exc)
            continue
        if month_start(day) != sheet.month:
            problems[(day, action)] = f"il giorno non è nel mese {sheet.month:%m/%Y}"
        elif action not in allowed:
            problems[(day, action)] = "azione non prevista dalle voci della convenzione"
        elif minutes and not sheet.in_period(day):
            problems[(day, action)] = "il giorno è fuori dal periodo della convenzione"
        elif minutes < 0:
            problems[(day, action)] = "le ore non possono essere negative"
        elif minutes > DAY_MINUTES:
            problems[(day, action)] = "più di 24 ore in un giorno"
        else:
            wanted[(day, action)] = minutes
    changed = {
        key: minutes for key, minutes in wanted.items() if sheet.minutes.get(key, 0) != minutes
    }
    if not problems:
        # The day's total counts the hours on the other conventions too.
        others = session.execute(
            select(TimesheetEntry.work_date, func.sum(TimesheetEntry.minutes))
            .where(
                TimesheetEntry.staff_member_id == staff_member_id,
                TimesheetEntry.convention_id != convention_id,
                TimesheetEntry.work_date >= sheet.month,
                TimesheetEntry.work_date < next_month(sheet.month),
            )
            .group_by(TimesheetEntry.work_date)
        )
        totals: dict[dt.date, int] = {day: int(total or 0) for day, total in others}
        elsewhere = dict(totals)
        for (day, _action), minutes in {**sheet.minutes, **changed}.items():
            totals[day] = totals.get(day, 0) + minutes
        for day in sorted({day for day, _action in changed}):
            if totals.get(day, 0) > DAY_MINUTES:
                also = (
                    f", di cui {format_minutes(elsewhere[day])} su altre convenzioni"
                    if elsewhere.get(day)
                    else ""
                )
                problems[(day, None)] = (
                    f"{format_minutes(totals[day])} ore in tutto{also}: più di 24 ore in un giorno"
                )
    if problems:
        raise TimesheetCellsError(problems)
    if not changed:
        return 0
    existing = {
        (entry.work_date, entry.action): entry
        for entry in session.scalars(
            select(TimesheetEntry).where(
                TimesheetEntry.staff_member_id == staff_member_id,
                TimesheetEntry.convention_id == convention_id,
                TimesheetEntry.work_date >= sheet.month,
                TimesheetEntry.work_date < next_month(sheet.month),
            )
        )
    }
    for (day, action), minutes in sorted(changed.items()):
        entry = existing.get((day, action))
        if minutes == 0:
            if entry is not None:
                session.delete(entry)
        elif entry is None:
            session.add(
                TimesheetEntry(
                    staff_member_id=staff_member_id,
                    convention_id=convention_id,
                    work_date=day,
                    action=action,
                    minutes=minutes,
                )
            )
        else:
            entry.minutes = minutes
    session.flush()
    return len(changed)


def _staff_lines(session: Session, convention_id: int) -> list[BudgetLine]:
    return list(
        session.scalars(
            select(BudgetLine)
            .where(
                BudgetLine.convention_id == convention_id, BudgetLine.category == CostCategory.STAFF
            )
            .order_by(BudgetLine.id)
        )
    )


def close_month(
    session: Session, actor: Actor, staff_member_id: int, convention_id: int, month: dt.date
) -> list[int]:
    """Post the month's staff cost as expenditures (one per staff line) and close it.
    Returns the expenditures' ids."""
    require(actor, Permission.WRITE_MONEY)
    sheet = timesheet(session, actor, staff_member_id, convention_id, month)
    if sheet.closed:
        raise ConflictError(f"Il timesheet di {sheet.month:%m/%Y} è già chiuso.")
    if not sheet.minutes:
        raise ValidationError({"month": f"nessuna ora registrata in {sheet.month:%m/%Y}"})
    if sheet.hourly is None:
        raise ValidationError(
            {"annual_gross": f"manca il costo annuo {sheet.month.year} di {sheet.staff_name}"}
        )
    lines = _staff_lines(session, convention_id)
    if not lines:
        raise ValidationError(
            {"month": "la convenzione non ha una voce di budget di categoria «personale»"}
        )
    by_action = {line.action: line for line in reversed(lines) if line.action}
    minutes_by_line: dict[int, int] = {}
    for (_day, action), minutes in sheet.minutes.items():
        line = by_action.get(action, lines[0])
        minutes_by_line[line.id] = minutes_by_line.get(line.id, 0) + minutes
    last_day = next_month(sheet.month) - dt.timedelta(days=1)
    posted = []
    for index, (line_id, minutes) in enumerate(sorted(minutes_by_line.items()), start=1):
        amount = cost_of(minutes, sheet.hourly)
        result = expenditures.create_expenditure(
            session,
            actor,
            convention_id,
            expenditures.ExpenditureInput(
                document_type=TIMESHEET_DOCUMENT,
                number=f"TS-{staff_member_id}-{sheet.month:%Y%m}-{index}",
                document_date=last_day,
                supplier_name=sheet.staff_name,
                amount=amount,
                eligible=amount,
                budget_line_id=line_id,
                description=(
                    f"{minutes // 60}:{minutes % 60:02d} ore x "
                    f"{sheet.hourly} EUR/ora, {sheet.month:%m/%Y}"
                ),
            ),
        )
        posted.append(result.id)
    session.add(
        TimesheetMonth(
            staff_member_id=staff_member_id,
            convention_id=convention_id,
            month=sheet.month,
            minutes=sheet.total_minutes,
            expenditure_id=posted[0],
        )
    )
    session.flush()
    return posted


def _posted_by_close(
    session: Session, staff_member_id: int, convention_id: int, closed: TimesheetMonth
) -> list[Expenditure]:
    """The expenditures the month's close posted: the one the month names and the other
    lines' (numbered TS-<staff>-<yyyymm>-<n> by :func:`close_month`)."""
    prefix = f"TS-{staff_member_id}-{closed.month:%Y%m}-"
    found = session.scalars(
        select(Expenditure)
        .where(
            Expenditure.convention_id == convention_id,
            Expenditure.source.is_(None),
            (Expenditure.id == closed.expenditure_id)
            | (
                (Expenditure.document_type == TIMESHEET_DOCUMENT)
                & Expenditure.number.startswith(prefix, autoescape=True)
            ),
        )
        .order_by(Expenditure.id)
    )
    return list(found)


def reopen_month(
    session: Session,
    actor: Actor,
    staff_member_id: int,
    convention_id: int,
    month: dt.date,
    reason: str,
) -> list[int]:
    """Reopen a closed month: the staff cost its close posted is removed from the
    expenditures and the hours can be changed again; audited with the reason. Refused when
    a submitted payment request includes that cost (the administrator must unlock the
    request first). Returns the ids of the expenditures removed."""
    require(actor, Permission.WRITE_MONEY)
    get_convention(session, convention_id)
    staff = session.get(StaffMember, staff_member_id)
    if staff is None:
        raise NotFound("Operatore non trovato.")
    month = month_start(month)
    text = " ".join(reason.split())
    problem = text_problem(text, 300, required=True)
    if problem:
        raise ValidationError({"reopen_reason": problem})
    closed = session.scalar(
        select(TimesheetMonth)
        .where(
            TimesheetMonth.staff_member_id == staff_member_id,
            TimesheetMonth.convention_id == convention_id,
            TimesheetMonth.month == month,
        )
        .with_for_update()
    )
    if closed is None:
        raise ConflictError(
            f"Il timesheet di {month:%m/%Y} non è chiuso: non c'è nulla da riaprire."
        )
    posted = _posted_by_close(session, staff_member_id, convention_id, closed)
    locked = [e for e in posted if e.payment_request_id is not None]
    if locked:
        request = session.get(PaymentRequest, locked[0].payment_request_id)
        which = (
            f"nella domanda di rimborso n. {request.number} presentata il "
            f"{request.submitted_on:%d/%m/%Y}"
            if request is not None
            else "in una domanda di rimborso presentata"
        )
        raise ConflictError(
            f"Il timesheet di {month:%m/%Y} non si può riaprire: il suo costo (spesa "
            f"{locked[0].number}) è incluso {which}. Solo l'amministratore può sbloccare la "
            "domanda; dopo, il mese si potrà riaprire."
        )
    removed = [e.id for e in posted]
    closed_id, closed_minutes = closed.id, closed.minutes
    session.delete(closed)
    session.flush()
    for expenditure in posted:
        session.delete(expenditure)
    session.flush()
    audit.record(
        session,
        actor,
        AuditAction.UPDATE,
        "timesheet_month",
        closed_id,
        detail=f"timesheet di {staff.display_name}, {month:%m/%Y}, riaperto: {text}",
        changes={
            "reopen_reason": text,
            "minutes": closed_minutes,
            "removed_expenditures": removed,
        },
    )
    session.flush()
    return removed


def staff_by_name(session: Session, name: str) -> int:
    """The staff member named "Cognome Nome" (or "Nome Cognome"), accents and case aside."""
    wanted = fold(name)
    found = [
        s.id
        for s in session.scalars(select(StaffMember))
        if wanted in (fold(f"{s.last_name} {s.first_name}"), fold(f"{s.first_name} {s.last_name}"))
    ]
    if not found:
        raise NotFound(f"Nessun operatore chiamato «{name}».")
    if len(found) > 1:
        raise ValidationError({"staff": f"più operatori si chiamano «{name}»"})
    return found[0]


def staff_members(session: Session, actor: Actor) -> list[tuple[int, str]]:
    require(actor, Permission.READ_MONEY)
    return [
        (s.id, s.display_name)
        for s in session.scalars(
            select(StaffMember).order_by(StaffMember.last_name, StaffMember.first_name)
        )
    ]


_MONTH = re.compile(r"^(\d{1,2})/(\d{4})$")


def parse_month(text: str) -> dt.date:
    match = _MONTH.match(text.strip())
    if match is None or not 1 <= int(match.group(1)) <= 12:
        raise ValidationError({"month": f"«{text}» non è un mese mm/aaaa"})
    return dt.date(int(match.group(2)), int(match.group(1)), 1)


def _fill_timesheet(
    session: Session,
    actor: Actor,
    selection: Mapping[str, str],
    lang: str,
    out: str | Path | IO[bytes],
) -> forms.Printed:
    require(actor, Permission.READ_MONEY)
    staff_id = staff_by_name(session, selection["staff"])
    convention_id = find_by_name(session, selection["convention"])
    if convention_id is None:
        raise NotFound(f"Nessuna convenzione chiamata «{selection['convention']}».")
    sheet = timesheet(session, actor, staff_id, convention_id, parse_month(selection["month"]))
    convention = get_convention(session, convention_id)
    staff = session.get_one(StaffMember, staff_id)
    organisation = (
        session.get(Organisation, staff.organisation_id) if staff.organisation_id else None
    )
    timesheet_report.write_pdf(
        timesheet_report.TimesheetDocument(
            staff_name=f"{staff.first_name} {staff.last_name}",
            organisation=organisation.name if organisation else "Comune di Ancona",
            convention=convention.short_name,
            cup=convention.cup,
            month=sheet.month,
            actions=sheet.actions,
            minutes=sheet.minutes,
            closed=sheet.closed,
        ),
        out,
    )
    return forms.Printed("staff_member", staff_id)


forms.register_filler(timesheet_report.FORM_NAME, _fill_timesheet)
