"""The budget plan: lines (action x cost category) with their planned amounts, variations
(rimodulazioni) kept as history, and the totals per line, computed in SQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tit_desktop.models import BudgetLine, BudgetVariation, Convention, CostCategory, Expenditure
from tit_desktop.models.columns import money_total
from tit_desktop.services import conflicts
from tit_desktop.services.convention.checks import REQUIRED, text_problem
from tit_desktop.services.convention.conventions import get_convention
from tit_desktop.services.errors import (
    ConflictError,
    NotFound,
    StaleRecord,
    ValidationError,
    register_labels,
)
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.text import clean

register_labels(
    {
        "line_name": "Voce",
        "action": "Azione",
        "category": "Categoria",
        "planned": "Importo previsto",
        "varied_on": "Data",
        "amount_after": "Nuovo importo",
    }
)

CATEGORY_LABELS: dict[CostCategory, str] = {
    CostCategory.STAFF: "personale",
    CostCategory.GOODS_AND_SERVICES: "beni e servizi",
    CostCategory.FAMILY_CONTRIBUTIONS: "contributi a famiglie",
    CostCategory.TRAINEESHIP_ALLOWANCES: "indennità tirocini",
    CostCategory.OVERHEADS: "spese generali",
}


@dataclass(frozen=True)
class LineInput:
    name: str
    category: CostCategory | None
    planned: Decimal | None
    action: str | None = None


@dataclass(frozen=True)
class LineTotal:
    """A line's figures: ``spent`` is the eligible amount of its expenditures (in the
    period asked, when one is), ``remaining`` = planned - spent, ``percent`` of planned."""

    id: int
    version: int
    name: str
    action: str | None
    category: CostCategory
    planned: Decimal
    amount: Decimal
    spent: Decimal
    count: int

    @property
    def remaining(self) -> Decimal:
        return self.planned - self.spent

    @property
    def percent(self) -> Decimal | None:
        return percent_of(self.spent, self.planned)

    @property
    def over_budget(self) -> bool:
        return self.spent > self.planned


@dataclass(frozen=True)
class BudgetSummary:
    total: Decimal  # the convention's total
    planned: Decimal  # the sum of the lines
    lines: list[LineTotal]

    @property
    def difference(self) -> Decimal:
        """Convention total minus the lines' sum: not zero = the plan does not add up."""
        return self.total - self.planned

    @property
    def balanced(self) -> bool:
        return self.difference == 0

    @property
    def spent(self) -> Decimal:
        return sum((line.spent for line in self.lines), Decimal("0.00"))


@dataclass(frozen=True)
class VariationRow:
    id: int
    line_id: int
    line_name: str
    varied_on: dt.date
    reason: str
    amount_before: Decimal
    amount_after: Decimal


def percent_of(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part`` as a percentage of ``whole`` with one decimal (None when whole is 0)."""
    if whole == 0:
        return None
    return (part * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _line_problems(data: LineInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    problem = text_problem(data.name, 120, required=True)
    if problem:
        errors["line_name"] = problem
    problem = text_problem(data.action, 120)
    if problem:
        errors["action"] = problem
    if data.category is None:
        errors["category"] = REQUIRED
    if data.planned is None:
        errors["planned"] = REQUIRED
    elif data.planned < 0:
        errors["planned"] = "l'importo non può essere negativo"
    return errors


def _normalise(data: LineInput) -> LineInput:
    return LineInput(" ".join(data.name.split()), data.category, data.planned, clean(data.action))


def _check_name(session: Session, convention_id: int, name: str, own_id: int | None) -> None:
    other = session.scalar(
        select(BudgetLine.id).where(
            BudgetLine.convention_id == convention_id,
            func.lower(BudgetLine.name) == name.lower(),
            BudgetLine.id != (own_id or 0),
        )
    )
    if other is not None:
        raise ValidationError({"line_name": f"la voce «{name}» esiste già in questa convenzione"})


@conflicts.explains("uq_budget_line_convention_id_name")
def _line_taken(session: Session, violation: conflicts.Violation) -> str | None:
    names = violation.values("name")
    return f"La voce «{names[0]}» esiste già in questa convenzione." if names else None


def create_line(session: Session, actor: Actor, convention_id: int, data: LineInput) -> int:
    require(actor, Permission.WRITE_MONEY)
    get_convention(session, convention_id)
    data = _normalise(data)
    errors = _line_problems(data)
    if errors:
        raise ValidationError(errors)
    _check_name(session, convention_id, data.name, None)
    assert data.category is not None and data.planned is not None
    line = BudgetLine(
        convention_id=convention_id,
        name=data.name,
        action=data.action,
        category=data.category,
        planned=data.planned,
    )
    session.add(line)
    session.flush()
    return line.id


def get_line(session: Session, line_id: int) -> BudgetLine:
    line = session.get(BudgetLine, line_id)
    if line is None:
        raise NotFound("Voce di budget non trovata (forse eliminata da un altro utente).")
    return line


def update_line(
    session: Session, actor: Actor, line_id: int, version: int, data: LineInput
) -> None:
    """Rename a line, change its action or category. The planned amount changes only by a
    variation (:func:`vary_line`), which keeps the history."""
    require(actor, Permission.WRITE_MONEY)
    line = get_line(session, line_id)
    if line.version != version:
        raise StaleRecord("La voce è stata modificata da un altro utente: riaprirla.")
    data = _normalise(data)
    errors = _line_problems(data)
    if errors:
        raise ValidationError(errors)
    if data.planned != line.planned:
        raise ValidationError(
            {"planned": "l'importo previsto si cambia con una rimodulazione (data e motivo)"}
        )
    _check_name(session, line.convention_id, data.name, line.id)
    assert data.category is not None
    line.name = data.name
    line.action = data.action
    line.category = data.category
    session.flush()


def delete_line(session: Session, actor: Actor, line_id: int) -> None:
    require(actor, Permission.WRITE_MONEY)
    line = get_line(session, line_id)
    used = session.scalar(
        select(func.count()).select_from(Expenditure).where(Expenditure.budget_line_id == line_id)
    )
    if used:
        raise ConflictError(
            f"La voce «{line.name}» ha {used} spese registrate: spostarle su un'altra voce "
            "prima di eliminarla."
        )
    session.delete(line)
    session.flush()


def vary_line(
    session: Session,
    actor: Actor,
    line_id: int,
    version: int,
    varied_on: dt.date | None,
    amount_after: Decimal | None,
    reason: str,
) -> int:
    """A rimodulazione: the line's planned amount becomes ``amount_after``; the variation
    (date, reason, before, after) is kept."""
    require(actor, Permission.WRITE_MONEY)
    line = get_line(session, line_id)
    if line.version != version:
        raise StaleRecord("La voce è stata modificata da un altro utente: riaprirla.")
    errors: dict[str, str] = {}
    if varied_on is None:
        errors["varied_on"] = REQUIRED
    if amount_after is None:
        errors["amount_after"] = REQUIRED
    elif amount_after < 0:
        errors["amount_after"] = "l'importo non può essere negativo"
    elif amount_after == line.planned:
        errors["amount_after"] = "è uguale all'importo previsto attuale"
    text = " ".join(reason.split())
    problem = text_problem(text, 300, required=True)
    if problem:
        errors["reason"] = problem
    if errors:
        raise ValidationError(errors)
    assert varied_on is not None and amount_after is not None
    variation = BudgetVariation(
        budget_line_id=line.id,
        varied_on=varied_on,
        reason=text,
        amount_before=line.planned,
        amount_after=amount_after,
    )
    line.planned = amount_after
    session.add(variation)
    session.flush()
    return variation.id


def variations(session: Session, actor: Actor, convention_id: int) -> list[VariationRow]:
    require(actor, Permission.READ_MONEY)
    rows = session.execute(
        select(BudgetVariation, BudgetLine.name)
        .join(BudgetLine, BudgetLine.id == BudgetVariation.budget_line_id)
        .where(BudgetLine.convention_id == convention_id)
        .order_by(BudgetVariation.varied_on, BudgetVariation.id)
    )
    return [
        VariationRow(
            v.id, v.budget_line_id, name, v.varied_on, v.reason, v.amount_before, v.amount_after
        )
        for v, name in rows
    ]


def line_totals(
    session: Session,
    convention_id: int,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[LineTotal]:
    """Each line with the sums of its expenditures (dated in the period, when given), by
    one GROUP BY. No permission check: for services that have checked theirs."""
    on = Expenditure.budget_line_id == BudgetLine.id
    if date_from is not None:
        on = on & (Expenditure.document_date >= date_from)
    if date_to is not None:
        on = on & (Expenditure.document_date <= date_to)
    rows = session.execute(
        select(
            BudgetLine.id,
            BudgetLine.version,
            BudgetLine.name,
            BudgetLine.action,
            BudgetLine.category,
            BudgetLine.planned,
            money_total(Expenditure.amount.expression).label("amount"),
            money_total(Expenditure.eligible.expression).label("spent"),
            func.count(Expenditure.id).label("n"),
        )
        .outerjoin(Expenditure, on)
        .where(BudgetLine.convention_id == convention_id)
        .group_by(
            BudgetLine.id,
            BudgetLine.version,
            BudgetLine.name,
            BudgetLine.action,
            BudgetLine.category,
            BudgetLine.planned,
        )
        .order_by(BudgetLine.name)
    )
    return [
        LineTotal(r.id, r.version, r.name, r.action, r.category, r.planned, r.amount, r.spent, r.n)
        for r in rows
    ]


def budget(session: Session, actor: Actor, convention_id: int) -> BudgetSummary:
    """The plan with its totals, and whether the lines add up to the convention's total."""
    require(actor, Permission.READ_MONEY)
    total = session.scalar(select(Convention.total).where(Convention.id == convention_id))
    if total is None:
        raise NotFound("Convenzione non trovata.")
    lines = line_totals(session, convention_id)
    planned = sum((line.planned for line in lines), Decimal("0.00"))
    return BudgetSummary(total, planned, lines)


def lines_of(session: Session, actor: Actor, convention_id: int) -> list[tuple[int, str]]:
    """(id, name) of the convention's lines, by name (for choosers)."""
    require(actor, Permission.READ_MONEY)
    return [
        (r.id, r.name)
        for r in session.execute(
            select(BudgetLine.id, BudgetLine.name)
            .where(BudgetLine.convention_id == convention_id)
            .order_by(BudgetLine.name)
        )
    ]
