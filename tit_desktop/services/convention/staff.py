"""Staff costs and monthly timesheets (DOMAIN.md 6): staff cost = hours on the monthly
timesheet x hourly cost, the hourly cost being the year's gross cost / its hours.

Hours are kept as minutes (whole numbers, exact on both engines). Closing a month posts its
cost as expenditures of the convention, one per budget line of category ``personale`` (the
line whose action is the hours' action, else the convention's first staff line), and then
the month's hours can no longer change. The printable timesheet is the form ``timesheet``
(``form timesheet --staff "Cognome Nome" --month mm/yyyy --convention C``)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import IO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tit_desktop.models import (
    BudgetLine,
    CostCategory,
    Organisation,
    StaffCost,
    StaffMember,
    TimesheetEntry,
    TimesheetMonth,
)
from tit_desktop.reports import timesheet as timesheet_report
from tit_desktop.services import forms
from tit_desktop.services.convention import expenditures
from tit_desktop.services.convention.checks import REQUIRED, text_problem
from tit_desktop.services.convention.conventions import find_by_name, get_convention
from tit_desktop.services.errors import ConflictError, NotFound, ValidationError, register_labels
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
    }
)
CENT = Decimal("0.01")


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


@dataclass(frozen=True)
class Timesheet:
    staff_member_id: int
    staff_name: str
    convention_id: int
    month: dt.date
    minutes: dict[tuple[dt.date, str], int]
    closed: bool
    hourly: Decimal | None

    @property
    def actions(self) -> list[str]:
        return sorted({action for _day, action in self.minutes})

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
    return Timesheet(
        staff_member_id,
        staff.display_name,
        convention_id,
        month,
        {(r.work_date, r.action): r.minutes for r in entries},
        _closed(session, staff_member_id, convention_id, month),
        _hourly(session, staff_member_id, month.year),
    )


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
                document_type="Timesheet",
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
