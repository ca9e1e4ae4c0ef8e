"""Payment requests (domande di rimborso): the eligible expenditures of a period, totals per
budget line against the budget, and the submission that locks what the request includes.

A request includes the convention's expenditures dated in the period and not already in
another submitted request. Per line: ``previous`` = eligible amount of the line's
expenditures in earlier requests still standing, ``this`` = this request's, ``spent`` =
both, ``remaining`` = planned - spent. The request's total is the sum of the lines' ``this``
(each line summed in SQL), and the annex lists the same expenditures: the two reconcile to
the cent, which the tests check for any set of expenditures.

Submitting also registers the request in the office's outgoing register (protocollo,
services.numbering): "Protocollo n. 5/2021 del 15/04/2021", printed under the heading.

Unlocking is the administrator's alone, with a reason, recorded in the activity log: the
request stays on record (marked unlocked, with its number and protocol) and its
expenditures can be changed again; submitting them again makes a new request with the next
number and a new protocol.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from tit_desktop.models import (
    BudgetLine,
    Convention,
    CostCategory,
    Expenditure,
    PaymentRequest,
)
from tit_desktop.models.audit import AuditAction
from tit_desktop.models.columns import money_total
from tit_desktop.reports import payment_request as report
from tit_desktop.services import audit, bulk, clock, numbering
from tit_desktop.services.convention.budget import CATEGORY_LABELS, percent_of
from tit_desktop.services.convention.checks import REQUIRED, text_problem
from tit_desktop.services.convention.conventions import end_of, get_convention
from tit_desktop.services.errors import ConflictError, NotFound, ValidationError, register_labels
from tit_desktop.services.money import format_amount
from tit_desktop.services.permissions import Actor, Permission, require

register_labels({"period_from": "Dal", "period_to": "Al", "unlock_reason": "Motivo"})


@dataclass(frozen=True)
class RequestLine:
    line_id: int
    name: str
    action: str | None
    category: CostCategory
    planned: Decimal
    previous: Decimal
    this: Decimal

    @property
    def spent(self) -> Decimal:
        return self.previous + self.this

    @property
    def remaining(self) -> Decimal:
        return self.planned - self.spent

    @property
    def percent(self) -> Decimal | None:
        return percent_of(self.spent, self.planned)


class AnnexRow(NamedTuple):
    """One expenditure of the annex (a tuple: a long period's annex is thousands of rows)."""

    id: int
    document_date: dt.date
    document_type: str
    number: str
    supplier_name: str
    supplier_tax_code: str | None
    line_name: str
    amount: Decimal
    eligible: Decimal
    paid_on: dt.date | None
    payment_method: str | None
    cig: str | None


@dataclass(frozen=True)
class RequestFigures:
    convention_id: int
    short_name: str
    title: str
    cup: str
    funder: str | None
    fund: str | None
    convention_total: Decimal
    period_from: dt.date
    period_to: dt.date
    lines: list[RequestLine]
    annex: list[AnnexRow]
    number: int | None = None  # None: not submitted (a preview)
    submitted_on: dt.date | None = None
    unlocked: bool = False
    protocol: numbering.Protocol | None = None  # None: not submitted (a preview)
    request_id: int | None = None  # None: not submitted (a preview)

    @property
    def total(self) -> Decimal:
        return sum((line.this for line in self.lines), Decimal("0.00"))

    @property
    def planned(self) -> Decimal:
        return sum((line.planned for line in self.lines), Decimal("0.00"))

    @property
    def spent(self) -> Decimal:
        return sum((line.spent for line in self.lines), Decimal("0.00"))

    @property
    def remaining(self) -> Decimal:
        return self.planned - self.spent

    @property
    def previous(self) -> Decimal:
        return sum((line.previous for line in self.lines), Decimal("0.00"))

    def to_json(self) -> dict[str, object]:
        def eur(value: Decimal) -> str:
            return f"{value:.2f}"

        return {
            "convention": self.short_name,
            "cup": self.cup,
            "from": self.period_from.isoformat(),
            "to": self.period_to.isoformat(),
            "number": self.number,
            "submitted_on": self.submitted_on.isoformat() if self.submitted_on else None,
            "protocol": self.protocol.text if self.protocol else None,
            "total_eur": eur(self.total),
            "expenditures": len(self.annex),
            "lines": [
                {
                    "line": line.name,
                    "category": line.category.value,
                    "planned_eur": eur(line.planned),
                    "previous_eur": eur(line.previous),
                    "this_request_eur": eur(line.this),
                    "spent_eur": eur(line.spent),
                    "remaining_eur": eur(line.remaining),
                    "percent": None if line.percent is None else str(line.percent),
                }
                for line in self.lines
            ],
        }


@dataclass(frozen=True)
class RequestSummary:
    id: int
    number: int
    period_from: dt.date
    period_to: dt.date
    submitted_on: dt.date
    total: Decimal
    count: int
    unlocked: bool
    protocol: str | None = None  # "5/2021" (None: submitted before the register)


def _check_period(date_from: dt.date | None, date_to: dt.date | None) -> tuple[dt.date, dt.date]:
    errors: dict[str, str] = {}
    if date_from is None:
        errors["period_from"] = REQUIRED
    if date_to is None:
        errors["period_to"] = REQUIRED
    if date_from and date_to and date_to < date_from:
        errors["period_to"] = "la fine del periodo precede l'inizio"
    if errors:
        raise ValidationError(errors)
    assert date_from is not None and date_to is not None
    return date_from, date_to


def _figures(
    session: Session,
    convention: Convention,
    date_from: dt.date,
    date_to: dt.date,
    request: PaymentRequest | None,
) -> RequestFigures:
    included: ColumnElement[bool]
    previous: ColumnElement[bool]
    if request is None:
        # A preview: what is in the period and not already in a request.
        included = and_(
            Expenditure.document_date >= date_from,
            Expenditure.document_date <= date_to,
            Expenditure.payment_request_id.is_(None),
        )
        previous = Expenditure.payment_request_id.is_not(None)
    else:
        included = Expenditure.payment_request_id == request.id
        previous = and_(
            Expenditure.payment_request_id.is_not(None),
            Expenditure.payment_request_id != request.id,
            Expenditure.payment_request_id.in_(
                select(PaymentRequest.id).where(
                    PaymentRequest.convention_id == convention.id,
                    PaymentRequest.number < request.number,
                )
            ),
        )
    eligible = Expenditure.eligible.expression
    rows = session.execute(
        select(
            BudgetLine.id,
            BudgetLine.name,
            BudgetLine.action,
            BudgetLine.category,
            BudgetLine.planned,
            money_total(eligible, previous).label("previous"),
            money_total(eligible, included).label("this"),
        )
        .outerjoin(Expenditure, Expenditure.budget_line_id == BudgetLine.id)
        .where(BudgetLine.convention_id == convention.id)
        .group_by(
            BudgetLine.id,
            BudgetLine.name,
            BudgetLine.action,
            BudgetLine.category,
            BudgetLine.planned,
        )
        .order_by(BudgetLine.name)
    )
    lines = [
        RequestLine(r.id, r.name, r.action, r.category, r.planned, r.previous, r.this) for r in rows
    ]
    # Plain columns through Core, not the ORM's row loading: the annex of a long period is
    # thousands of rows (5,000 rows: 25 ms instead of 110 ms on SQLite).
    annex = [
        AnnexRow._make(row)
        for row in session.connection().execute(
            select(
                Expenditure.id,
                Expenditure.document_date,
                Expenditure.document_type,
                Expenditure.number,
                Expenditure.supplier_name,
                Expenditure.supplier_tax_code,
                BudgetLine.name,
                Expenditure.amount,
                Expenditure.eligible,
                Expenditure.paid_on,
                Expenditure.payment_method,
                Expenditure.cig,
            )
            .join(BudgetLine, BudgetLine.id == Expenditure.budget_line_id)
            .where(Expenditure.convention_id == convention.id, included)
            .order_by(Expenditure.document_date, Expenditure.id)
        )
    ]
    return RequestFigures(
        convention_id=convention.id,
        short_name=convention.short_name,
        title=convention.title,
        cup=convention.cup,
        funder=convention.funder,
        fund=convention.fund,
        convention_total=convention.total,
        period_from=date_from,
        period_to=date_to,
        lines=lines,
        annex=annex,
        number=request.number if request else None,
        request_id=request.id if request else None,
        submitted_on=request.submitted_on if request else None,
        unlocked=bool(request and request.unlocked_at is not None),
        protocol=numbering.stored_protocol(request.protocol, request.submitted_on)
        if request
        else None,
    )


def preview(
    session: Session,
    actor: Actor,
    convention_id: int,
    date_from: dt.date | None,
    date_to: dt.date | None,
) -> RequestFigures:
    """The request as it would be submitted now, for the period."""
    require(actor, Permission.READ_MONEY)
    start, end = _check_period(date_from, date_to)
    return _figures(session, get_convention(session, convention_id), start, end, None)


def for_period(
    session: Session,
    actor: Actor,
    convention_id: int,
    date_from: dt.date | None,
    date_to: dt.date | None,
) -> RequestFigures:
    """What the command line prints for a period: the preview of a request for it; when
    nothing is left to include and a standing (not unlocked) request covers exactly that
    period, that request as submitted, with its number and protocol (a reprint)."""
    figures = preview(session, actor, convention_id, date_from, date_to)
    if figures.annex:
        return figures
    submitted = session.scalar(
        select(PaymentRequest.id)
        .where(
            PaymentRequest.convention_id == convention_id,
            PaymentRequest.period_from == figures.period_from,
            PaymentRequest.period_to == figures.period_to,
            PaymentRequest.unlocked_at.is_(None),
        )
        .order_by(PaymentRequest.number.desc())
        .limit(1)
    )
    return figures if submitted is None else request_figures(session, actor, submitted)


def request_figures(session: Session, actor: Actor, request_id: int) -> RequestFigures:
    """A submitted request as it was submitted (its own expenditures)."""
    require(actor, Permission.READ_MONEY)
    request = session.get(PaymentRequest, request_id)
    if request is None:
        raise NotFound("Domanda di rimborso non trovata.")
    convention = get_convention(session, request.convention_id)
    return _figures(session, convention, request.period_from, request.period_to, request)


def number_series(convention_id: int) -> str:
    """Each convention numbers its requests 1, 2, 3... for as long as it runs (a request
    is cited with its convention: "domanda n. 3 della convenzione TIU")."""
    return f"payment_request:{convention_id}"


def _numbered_before(session: Session, convention_id: int) -> int:
    """The highest number the convention's requests took before the series (0: none)."""
    return int(
        session.scalar(
            select(func.coalesce(func.max(PaymentRequest.number), 0)).where(
                PaymentRequest.convention_id == convention_id
            )
        )
        or 0
    )


def submit(
    session: Session,
    actor: Actor,
    convention_id: int,
    date_from: dt.date | None,
    date_to: dt.date | None,
    submitted_on: dt.date | None = None,
) -> int:
    """Record the request as submitted: its expenditures are locked by it. Its number is
    the next of the convention's series, and its protocol the next of the outgoing
    register for the year of ``submitted_on``, both taken in this transaction: two PCs
    submitting at once get different numbers, and a submission that fails gives them back."""
    require(actor, Permission.WRITE_MONEY)
    start, end = _check_period(date_from, date_to)
    convention = get_convention(session, convention_id)
    if start > end_of(session, convention_id) or end < convention.starts_on:
        raise ValidationError({"period_from": "il periodo è fuori dalla durata della convenzione"})
    # Rows are read under a lock on PostgreSQL (SQLite's transaction already holds the one
    # write lock): two PCs submitting at once cannot both claim the same expenditure.
    ids = list(
        session.scalars(
            select(Expenditure.id)
            .where(
                Expenditure.convention_id == convention_id,
                Expenditure.document_date >= start,
                Expenditure.document_date <= end,
                Expenditure.payment_request_id.is_(None),
            )
            .order_by(Expenditure.id)
            .with_for_update()
        )
    )
    if not ids:
        raise ValidationError(
            {
                "period_from": "nel periodo non ci sono spese da includere "
                "(o sono già in altre domande)"
            }
        )
    figures = _figures(session, convention, start, end, None)
    number = numbering.issue(
        session,
        number_series(convention_id),
        start_after=lambda: _numbered_before(session, convention_id),
    )
    day = submitted_on or clock.today()
    protocol = numbering.issue_protocol(session, day)
    request = PaymentRequest(
        convention_id=convention_id,
        number=number,
        period_from=start,
        period_to=end,
        submitted_on=day,
        total=figures.total,
        protocol=protocol.text,
    )
    session.add(request)
    session.flush()
    bulk.update_rows(
        session,
        actor,
        Expenditure,
        [{"id": i, "payment_request_id": request.id} for i in ids],
        detail=(
            f"Domanda di rimborso n. {number} della convenzione {convention.short_name}, "
            f"protocollo n. {protocol.cited}: {len(ids)} spese incluse e bloccate"
        ),
        changes={"payment_request": request.id, "protocol": protocol.text},
    )
    return request.id


def unlock(session: Session, actor: Actor, request_id: int, reason: str) -> int:
    """The administrator reopens a submitted request: its expenditures can be changed
    again. Returns how many were unlocked.

    The request keeps its number and stays listed (marked unlocked): the number may already
    be cited by the funder, so it never names other contents. Submitting the period again
    is a new request with the convention's next number; numbers stay gapless, as every
    number issued is a request on record."""
    require(actor, Permission.UNLOCK_PAYMENT_REQUEST)
    request = session.get(PaymentRequest, request_id)
    if request is None:
        raise NotFound("Domanda di rimborso non trovata.")
    if request.unlocked_at is not None:
        raise ConflictError(f"La domanda n. {request.number} è già stata sbloccata.")
    text = " ".join(reason.split())
    problem = text_problem(text, 300, required=True)
    if problem:
        raise ValidationError({"unlock_reason": problem})
    ids = list(
        session.scalars(select(Expenditure.id).where(Expenditure.payment_request_id == request_id))
    )
    request.unlocked_at = clock.utcnow()
    request.unlock_reason = text
    session.flush()
    bulk.update_rows(
        session,
        actor,
        Expenditure,
        [{"id": i, "payment_request_id": None} for i in ids],
        detail=f"Domanda di rimborso n. {request.number} sbloccata: {text}",
        changes={"payment_request": request.id, "unlock_reason": text},
    )
    return len(ids)


def requests_of(session: Session, actor: Actor, convention_id: int) -> list[RequestSummary]:
    require(actor, Permission.READ_MONEY)
    counts = (
        select(Expenditure.payment_request_id.label("rid"), func.count().label("n"))
        .where(Expenditure.payment_request_id.is_not(None))
        .group_by(Expenditure.payment_request_id)
        .subquery()
    )
    rows = session.execute(
        select(PaymentRequest, counts.c.n)
        .outerjoin(counts, counts.c.rid == PaymentRequest.id)
        .where(PaymentRequest.convention_id == convention_id)
        .order_by(PaymentRequest.number)
    )
    return [
        RequestSummary(
            r.id,
            r.number,
            r.period_from,
            r.period_to,
            r.submitted_on,
            r.total,
            n or 0,
            r.unlocked_at is not None,
            r.protocol,
        )
        for r, n in rows
    ]


# --- the documents ---------------------------------------------------------------------------


def document_of(figures: RequestFigures) -> report.RequestDocument:
    """The figures as the PDF and the workbook print them."""
    return report.RequestDocument(
        short_name=figures.short_name,
        title=figures.title,
        cup=figures.cup,
        funder=figures.funder or "",
        fund=figures.fund or "",
        convention_total=figures.convention_total,
        period_from=figures.period_from,
        period_to=figures.period_to,
        number=figures.number,
        submitted_on=figures.submitted_on,
        protocol=figures.protocol.cited if figures.protocol else None,
        lines=[
            report.LineFigures(
                line.name,
                CATEGORY_LABELS[line.category],
                line.planned,
                line.previous,
                line.this,
                line.spent,
                line.remaining,
                line.percent,
            )
            for line in figures.lines
        ],
        annex=[
            report.AnnexLine(
                row.document_date,
                f"{row.document_type} {row.number}",
                row.supplier_name,
                row.supplier_tax_code or "",
                row.line_name,
                row.amount,
                row.eligible,
                row.paid_on,
                row.payment_method or "",
            )
            for row in figures.annex
        ],
        total=figures.total,
        planned=figures.planned,
        previous=figures.previous,
        spent=figures.spent,
        remaining=figures.remaining,
        percent=percent_of(figures.spent, figures.planned),
    )


def write_documents(
    figures: RequestFigures, pdf_out: Path | None = None, xlsx_out: Path | None = None
) -> None:
    """Write the request's PDF and/or workbook (no database: the figures are read)."""
    document = document_of(figures)
    if pdf_out is not None:
        report.write_pdf(document, pdf_out)
    if xlsx_out is not None:
        report.write_xlsx(document, xlsx_out)


def eur(amount: Decimal) -> str:
    """ "1.234,56 EUR": the Italian way, as the command line prints it."""
    return format_amount(amount, "EUR")


def export_documents(
    session: Session,
    actor: Actor,
    figures: RequestFigures,
    pdf_out: Path | None = None,
    xlsx_out: Path | None = None,
) -> list[Path]:
    """Write the request's PDF and/or workbook and record the export in the activity log.
    The annex names payees (trainees, host families' referents), so taking it out of the
    application needs EXPORT_DATA besides reading the money: the auditors' read-only role
    sees the figures on screen and prints nothing. Returns the files written."""
    require(actor, Permission.READ_MONEY)
    require(actor, Permission.EXPORT_DATA)
    paths = [p for p in (pdf_out, xlsx_out) if p is not None]
    if not paths:
        return []
    write_documents(figures, pdf_out, xlsx_out)
    which = f"n. {figures.number}" if figures.number is not None else "(bozza)"
    if figures.protocol:
        which += f", protocollo n. {figures.protocol.cited}"
    audit.record(
        session,
        actor,
        AuditAction.EXPORT,
        "payment_request",
        figures.request_id,
        detail=(
            f"Domanda di rimborso {which} {figures.short_name} dal "
            f"{figures.period_from:%d/%m/%Y} al {figures.period_to:%d/%m/%Y}: "
            + ", ".join(p.name for p in paths)
        ),
    )
    return paths
