"""Deadlines of a convention (quarterly monitoring, intermediate and final reports, payment
requests): listed, shown on the Home screen ``remind_days`` ahead, marked done with the
document produced. The quarterly monitoring recurs: one deadline per quarter of the
convention's period (extensions included), due 30 days after the quarter ends. Marking one
done means its sheet was sent: it takes a number of the office's outgoing register."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tit_desktop.models import Convention, Deadline, Recurrence
from tit_desktop.models.audit import AuditAction
from tit_desktop.services import audit, conflicts, numbering, reminders
from tit_desktop.services.convention.checks import REQUIRED, text_problem
from tit_desktop.services.convention.conventions import end_of, get_convention
from tit_desktop.services.errors import (
    NotFound,
    StaleRecord,
    ValidationError,
    register_labels,
)
from tit_desktop.services.permissions import Actor, Permission, require

register_labels(
    {
        "due_on": "Scadenza",
        "remind_days": "Preavviso (giorni)",
        "done_on": "Fatta il",
        "done_document": "Documento prodotto",
    }
)

QUARTERLY_TITLE = "Monitoraggio trimestrale"
DAYS_AFTER_QUARTER = 30
_QUARTERLY = re.compile(rf"^{QUARTERLY_TITLE} \d{{4}}-Q[1-4]$")
RECURRENCE_LABELS: dict[Recurrence, str] = {
    Recurrence.NONE: "nessuna",
    Recurrence.QUARTERLY: "trimestrale",
}
# A recurring deadline repeats until this many months after the convention's end (the
# last period's report falls after it).
MONTHS_AFTER_END = 3


@dataclass(frozen=True)
class DeadlineRow:
    id: int
    version: int
    convention_id: int
    convention: str
    title: str
    due_on: dt.date
    recurrence: Recurrence
    remind_days: int
    done_on: dt.date | None
    done_document: str | None

    def state(self, today: dt.date) -> str:
        if self.done_on is not None:
            return f"fatta il {self.done_on:%d/%m/%Y}"
        if self.due_on < today:
            return "scaduta"
        if (self.due_on - today).days <= self.remind_days:
            return "in scadenza"
        return "da fare"


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, 3 * (quarter - 1) + 1, 1)
    following = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return start, following - dt.timedelta(days=1)


def add_deadline(
    session: Session,
    actor: Actor,
    convention_id: int,
    title: str,
    due_on: dt.date | None,
    remind_days: int = 15,
    recurrence: Recurrence = Recurrence.NONE,
) -> int:
    require(actor, Permission.WRITE_MONEY)
    get_convention(session, convention_id)
    text = " ".join(title.split())
    errors: dict[str, str] = {}
    problem = text_problem(text, 200, required=True)
    if problem:
        errors["title"] = problem
    if due_on is None:
        errors["due_on"] = REQUIRED
    if not 0 <= remind_days <= 365:
        errors["remind_days"] = "tra 0 e 365 giorni"
    if errors:
        raise ValidationError(errors)
    assert due_on is not None
    existing = session.scalar(
        select(Deadline.id).where(
            Deadline.convention_id == convention_id,
            Deadline.title == text,
            Deadline.due_on == due_on,
        )
    )
    if existing is not None:
        raise ValidationError({"title": f"«{text}» con scadenza {due_on:%d/%m/%Y} esiste già"})
    deadline = Deadline(
        convention_id=convention_id,
        title=text,
        due_on=due_on,
        remind_days=remind_days,
        recurrence=recurrence,
    )
    session.add(deadline)
    session.flush()
    return deadline.id


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, on the month's last day when it has no such day."""
    year, month_index = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = calendar.monthrange(year, month_index + 1)[1]
    return dt.date(year, month_index + 1, min(day.day, last))


def add_deadlines(
    session: Session,
    actor: Actor,
    convention_id: int,
    title: str,
    due_on: dt.date | None,
    remind_days: int = 15,
    recurrence: Recurrence = Recurrence.NONE,
) -> list[int]:
    """A new deadline; a quarterly one is added every three months from ``due_on`` while
    the date is at most three months after the convention's end (extensions included), as
    the quarterly monitoring is. Returns the ids, in date order."""
    require(actor, Permission.WRITE_MONEY)
    recurrence = Recurrence(recurrence)
    first = add_deadline(session, actor, convention_id, title, due_on, remind_days, recurrence)
    if recurrence is not Recurrence.QUARTERLY:
        return [first]
    assert due_on is not None
    limit = add_months(end_of(session, convention_id), MONTHS_AFTER_END)
    added = [first]
    step = 1
    while (due := add_months(due_on, 3 * step)) <= limit:
        added.append(
            add_deadline(session, actor, convention_id, title, due, remind_days, recurrence)
        )
        step += 1
    return added


@conflicts.explains("uq_deadline_convention_id_title_due_on")
def _twice(session: Session, violation: conflicts.Violation) -> str | None:
    return "Questa scadenza esiste già (stesso titolo e stessa data)."


def add_quarterly_monitoring(
    session: Session, actor: Actor, convention_id: int, remind_days: int = 15
) -> int:
    """One monitoring deadline per quarter of the convention (those missing); returns how
    many were added."""
    require(actor, Permission.WRITE_MONEY)
    convention = get_convention(session, convention_id)
    last = end_of(session, convention_id)
    have = set(
        session.scalars(
            select(Deadline.title).where(
                Deadline.convention_id == convention_id,
                Deadline.recurrence == Recurrence.QUARTERLY,
            )
        )
    )
    added = 0
    year, quarter = quarter_of(convention.starts_on)
    while quarter_bounds(year, quarter)[0] <= last:
        title = f"{QUARTERLY_TITLE} {year}-Q{quarter}"
        if title not in have:
            due = quarter_bounds(year, quarter)[1] + dt.timedelta(days=DAYS_AFTER_QUARTER)
            add_deadline(
                session, actor, convention_id, title, due, remind_days, Recurrence.QUARTERLY
            )
            added += 1
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return added


def is_quarterly_monitoring(title: str) -> bool:
    """A quarterly monitoring sheet's deadline ("Monitoraggio trimestrale 2022-Q1"): marking
    it done means the sheet was sent, which the office's register numbers."""
    return _QUARTERLY.match(title) is not None


# Room kept in ``done_document`` (300) for the register's stamp after the user's text.
PROTOCOL_ROOM = 40


def mark_done(
    session: Session,
    actor: Actor,
    deadline_id: int,
    version: int,
    done_on: dt.date | None,
    document: str,
) -> None:
    """Done, naming the document produced (the PDF sent, a protocol number).

    A quarterly monitoring sheet marked done was sent: it gets the next number of the
    office's outgoing register for the year of ``done_on`` (services.numbering), stamped
    after the text ("...; prot. n. 12/2022 del 28/01/2022") and recorded in the activity
    log. Marking it again (to correct the text) keeps its number."""
    require(actor, Permission.WRITE_MONEY)
    deadline = session.get(Deadline, deadline_id)
    if deadline is None:
        raise NotFound("Scadenza non trovata.")
    if deadline.version != version:
        raise StaleRecord("La scadenza è stata modificata da un altro utente: riaprirla.")
    sent = is_quarterly_monitoring(deadline.title)
    text = " ".join(document.split())
    if sent:
        # A stamp typed (or copied) by hand is not a number the register gave: left out.
        text = numbering.unstamped(text)
    errors: dict[str, str] = {}
    problem = text_problem(text, 300 - PROTOCOL_ROOM if sent else 300, required=True)
    if problem:
        errors["done_document"] = problem
    if done_on is None:
        errors["done_on"] = REQUIRED
    if errors:
        raise ValidationError(errors)
    assert done_on is not None
    if sent:
        protocol = numbering.protocol_in(deadline.done_document)
        if protocol is None:
            protocol = numbering.issue_protocol(session, done_on)
            convention = get_convention(session, deadline.convention_id)
            audit.record(
                session,
                actor,
                AuditAction.EXPORT,
                "deadline",
                deadline.id,
                detail=(
                    f"Protocollo n. {protocol.text} del {protocol.day:%d/%m/%Y}: "
                    f"{deadline.title} della convenzione {convention.short_name} inviato"
                ),
                changes={"protocol": protocol.text},
            )
        text = numbering.stamped(text, protocol)
    deadline.done_on = done_on
    deadline.done_document = text
    session.flush()


def reopen(session: Session, actor: Actor, deadline_id: int, version: int) -> None:
    """Not done after all. A protocol number the deadline carried is not given again (the
    register never reuses a number): the activity log records it as cancelled."""
    require(actor, Permission.WRITE_MONEY)
    deadline = session.get(Deadline, deadline_id)
    if deadline is None:
        raise NotFound("Scadenza non trovata.")
    if deadline.version != version:
        raise StaleRecord("La scadenza è stata modificata da un altro utente: riaprirla.")
    protocol = numbering.protocol_in(deadline.done_document)
    if protocol is not None and is_quarterly_monitoring(deadline.title):
        audit.record(
            session,
            actor,
            AuditAction.UPDATE,
            "deadline",
            deadline.id,
            detail=f"Protocollo n. {protocol.text} annullato: {deadline.title} riaperta",
            changes={"protocol": [protocol.text, None]},
        )
    deadline.done_on = None
    deadline.done_document = None
    session.flush()


def deadlines(
    session: Session, actor: Actor, convention_id: int | None = None, *, open_only: bool = False
) -> list[DeadlineRow]:
    require(actor, Permission.READ_MONEY)
    query = select(Deadline, Convention.short_name).join(
        Convention, Convention.id == Deadline.convention_id
    )
    if convention_id is not None:
        query = query.where(Deadline.convention_id == convention_id)
    if open_only:
        query = query.where(Deadline.done_on.is_(None))
    return [
        DeadlineRow(
            d.id,
            d.version,
            d.convention_id,
            name,
            d.title,
            d.due_on,
            d.recurrence,
            d.remind_days,
            d.done_on,
            d.done_document,
        )
        for d, name in session.execute(query.order_by(Deadline.due_on, Deadline.id))
    ]


def _reminders(session: Session, actor: Actor, today: dt.date) -> Iterable[reminders.Reminder]:
    """Open deadlines within their notice (or overdue), for the roles that read money."""
    if not actor.can(Permission.READ_MONEY):
        return []
    rows = session.execute(
        select(Deadline, Convention.short_name)
        .join(Convention, Convention.id == Deadline.convention_id)
        .where(Deadline.done_on.is_(None), Deadline.due_on <= today + dt.timedelta(days=365))
        .order_by(Deadline.due_on)
    )
    found = []
    for deadline, name in rows:
        if (deadline.due_on - today).days > deadline.remind_days:
            continue
        overdue = deadline.due_on < today
        found.append(
            reminders.Reminder(
                due=deadline.due_on,
                area="convention",
                text=f"{name}: {deadline.title} "
                + ("scaduta" if overdue else "in scadenza")
                + f" il {deadline.due_on:%d/%m/%Y}",
                overdue=overdue,
                entity="deadline",
                entity_id=deadline.id,
            )
        )
    return found


reminders.register_provider("convention_deadlines", _reminders)
