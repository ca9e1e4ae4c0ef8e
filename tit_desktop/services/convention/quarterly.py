"""The quarterly monitoring sheet of a convention: anagrafica (the convention), procedurale
(what happened in the quarter: variations, payment requests, deadlines met, expenditures
registered), fisica (persons and services, from services.figures: the same queries as the
year-end figures) and finanziaria (per line: planned, in the quarter, cumulative).

Once the sheet was sent (its deadline marked done, services.convention.deadlines), it
prints the number the office's outgoing register gave it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tit_desktop.models import (
    BudgetLine,
    BudgetVariation,
    Deadline,
    Expenditure,
    PaymentRequest,
)
from tit_desktop.models.audit import AuditAction
from tit_desktop.reports import quarterly as report
from tit_desktop.services import audit, figures, numbering
from tit_desktop.services.convention import budget, conventions
from tit_desktop.services.convention.deadlines import QUARTERLY_TITLE, quarter_bounds
from tit_desktop.services.errors import ValidationError
from tit_desktop.services.money import format_amount
from tit_desktop.services.permissions import Actor, Permission, require

_QUARTER = re.compile(r"^(\d{4})-[QT]([1-4])$", re.IGNORECASE)  # Q (quarter) or T (trimestre)


def parse_quarter(text: str) -> tuple[int, int]:
    match = _QUARTER.match(text.strip())
    if match is None:
        raise ValidationError({"quarter": f"«{text}» non è un trimestre AAAA-Qn (es. 2022-Q1)"})
    return int(match.group(1)), int(match.group(2))


@dataclass(frozen=True)
class QuarterlySheet:
    convention: str
    cup: str
    label: str
    first: dt.date
    last: dt.date
    document: report.QuarterlyDocument
    persons: figures.PersonFigures
    quarter_total: Decimal
    cumulative_total: Decimal
    protocol: numbering.Protocol | None = None  # None: not sent yet

    def to_json(self) -> dict[str, object]:
        return {
            "convention": self.convention,
            "cup": self.cup,
            "quarter": self.label,
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "protocol": self.protocol.text if self.protocol else None,
            "activities": [{"date": d, "activity": a} for d, a in self.document.activities],
            "physical": self.persons.to_json(),
            "financial": {
                "quarter_eur": f"{self.quarter_total:.2f}",
                "cumulative_eur": f"{self.cumulative_total:.2f}",
                "lines": [
                    {
                        "line": line.name,
                        "planned_eur": f"{line.planned:.2f}",
                        "quarter_eur": f"{line.quarter:.2f}",
                        "cumulative_eur": f"{line.cumulative:.2f}",
                        "remaining_eur": f"{line.remaining:.2f}",
                    }
                    for line in self.document.lines
                ],
            },
        }


def quarterly_sheet(
    session: Session, actor: Actor, convention_id: int, year: int, quarter: int
) -> QuarterlySheet:
    require(actor, Permission.READ_MONEY)
    detail = conventions.convention_detail(session, actor, convention_id)
    data = detail.data
    first, last = quarter_bounds(year, quarter)
    assert data.starts_on is not None
    if last < data.starts_on or first > detail.end:
        raise ValidationError(
            {"quarter": f"il trimestre {year}-Q{quarter} è fuori dalla durata della convenzione"}
        )
    label = f"{year}-Q{quarter}"
    registry = [
        ("Convenzione", f"{data.short_name} - {data.title}"),
        ("CUP", data.cup),
        ("Ente finanziatore", data.funder or ""),
        ("Fondo", data.fund or ""),
        ("Data firma", f"{data.signed_on:%d/%m/%Y}" if data.signed_on else ""),
        ("Durata", f"dal {data.starts_on:%d/%m/%Y} al {detail.end:%d/%m/%Y}"),
        ("Importo", format_amount(data.total or Decimal(0), "€")),
        (
            "Partner",
            "; ".join(f"{p.organisation} ({format_amount(p.share, '€')})" for p in detail.partners)
            or "nessuno",
        ),
        ("Trimestre", f"{label}: dal {first:%d/%m/%Y} al {last:%d/%m/%Y}"),
    ]
    activities: list[tuple[dt.date, str]] = []
    for e in detail.extensions:
        if e.granted_on and first <= e.granted_on <= last:
            activities.append((e.granted_on, f"Proroga al {e.new_end:%d/%m/%Y}: {e.reason}"))
    for variation, name in session.execute(
        select(BudgetVariation, BudgetLine.name)
        .join(BudgetLine, BudgetLine.id == BudgetVariation.budget_line_id)
        .where(
            BudgetLine.convention_id == convention_id,
            BudgetVariation.varied_on >= first,
            BudgetVariation.varied_on <= last,
        )
    ):
        activities.append(
            (
                variation.varied_on,
                f"Rimodulazione della voce «{name}»: da "
                f"{format_amount(variation.amount_before, '€')} a "
                f"{format_amount(variation.amount_after, '€')} ({variation.reason})",
            )
        )
    for request in session.scalars(
        select(PaymentRequest).where(
            PaymentRequest.convention_id == convention_id,
            PaymentRequest.submitted_on >= first,
            PaymentRequest.submitted_on <= last,
        )
    ):
        activities.append(
            (
                request.submitted_on,
                f"Domanda di rimborso n. {request.number} presentata: "
                f"{format_amount(request.total, '€')}",
            )
        )
    for deadline in session.scalars(
        select(Deadline).where(
            Deadline.convention_id == convention_id,
            Deadline.done_on >= first,
            Deadline.done_on <= last,
        )
    ):
        assert deadline.done_on is not None
        activities.append((deadline.done_on, f"{deadline.title}: fatto ({deadline.done_document})"))
    count = session.scalar(
        select(func.count()).where(
            Expenditure.convention_id == convention_id,
            Expenditure.document_date >= first,
            Expenditure.document_date <= last,
        )
    )
    if count:
        activities.append((last, f"Spese registrate nel trimestre: {count}"))
    activities.sort(key=lambda item: item[0])
    persons = figures.person_figures(session, max(first, data.starts_on), min(last, detail.end))
    physical = [
        ("Persone servite nel trimestre", str(persons.persons_served)),
        (
            "di cui donne / uomini",
            f"{persons.persons_by_gender['F']} / {persons.persons_by_gender['M']}",
        ),
        (
            "Per fascia d'età (<18, 18-24, 25-54, 55+, ND)",
            ", ".join(str(persons.persons_by_age_band[b]) for b in figures.AGE_BANDS),
        ),
        ("Nuovi ingressi (presa in carico nel trimestre)", str(persons.new_entries)),
        *((label, str(value)) for label, value in persons.indicators.items()),
        (
            "Servizi conteggiati",
            ", ".join(persons.sources)
            or "nessuno: le aree dei servizi non registrano ancora le loro presenze",
        ),
    ]
    quarter_lines = {
        line.id: line for line in budget.line_totals(session, convention_id, first, last)
    }
    cumulative = budget.line_totals(session, convention_id, None, last)
    lines = [
        report.FinancialLine(
            line.name,
            line.planned,
            quarter_lines[line.id].spent,
            line.spent,
            line.remaining,
            line.percent,
        )
        for line in cumulative
    ]
    protocol = sent_protocol(session, convention_id, label)
    document = report.QuarterlyDocument(
        quarter_label=label,
        first=first,
        last=last,
        registry=registry,
        activities=[(f"{d:%d/%m/%Y}", text) for d, text in activities],
        physical=physical,
        lines=lines,
        cup=data.cup,
        protocol=f"{protocol.text} del {protocol.day:%d/%m/%Y}" if protocol else None,
    )
    return QuarterlySheet(
        data.short_name,
        data.cup,
        label,
        first,
        last,
        document,
        persons,
        sum((line.quarter for line in lines), Decimal("0.00")),
        sum((line.cumulative for line in lines), Decimal("0.00")),
        protocol,
    )


def sent_protocol(session: Session, convention_id: int, label: str) -> numbering.Protocol | None:
    """The register's number of the quarter's sheet, from its monitoring deadline marked
    done (None: not sent yet)."""
    for document in session.scalars(
        select(Deadline.done_document)
        .where(
            Deadline.convention_id == convention_id,
            Deadline.title == f"{QUARTERLY_TITLE} {label}",
            Deadline.done_on.is_not(None),
        )
        .order_by(Deadline.done_on.desc(), Deadline.id.desc())
    ):
        protocol = numbering.protocol_in(document)
        if protocol is not None:
            return protocol
    return None


def write_pdf(session: Session, actor: Actor, sheet: QuarterlySheet, out: Path) -> None:
    report.write_pdf(sheet.document, out)
    audit.record(
        session,
        actor,
        AuditAction.EXPORT,
        "convention",
        None,
        detail=(
            f"Scheda di monitoraggio {sheet.convention} {sheet.label}"
            + (f" (prot. n. {sheet.protocol.text})" if sheet.protocol else "")
            + f": {out.name}"
        ),
    )
