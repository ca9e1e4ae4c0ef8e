"""The sheets `Convenzioni`, `Voci` and `Spese` of the exchange workbook (DOMAIN.md 8).

`Convenzione` is the convention's short name and links the three; `Voce` is a budget line's
name, unique within its convention, and must exist in the database or in the same workbook.
Rows are matched to records already there: a convention by name, a line by convention and
name, an expenditure by convention, Fornitore, Numero and Data; a match is updated (a line's
planned amount through a variation, so the plan's history keeps it), otherwise a record is
created. Expenditures derived from payments are not in `Spese` (DOMAIN.md 6): export leaves
them out and a row matching one is refused, and so is a row that would change an
expenditure locked by a submitted payment request. Everything is checked before anything is
written; money sheets need the role that writes (and, to export, reads) the convention's money.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from tit_desktop.models import (
    BudgetLine,
    BudgetVariation,
    Convention,
    CostCategory,
    Expenditure,
    PaymentRequest,
)
from tit_desktop.services import bulk
from tit_desktop.services.convention import conventions, expenditures
from tit_desktop.services.convention.checks import (
    normalise_code,
    text_problem,
)
from tit_desktop.services.exchange.cells import CellError, parse_amount, parse_date, parse_text
from tit_desktop.services.exchange.model import (
    AuditSummary,
    ImportContext,
    ParsedRow,
    SheetCounts,
)
from tit_desktop.services.exchange.sheets import Column, ExportOptions, SheetSpec, register
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.text import fold

CONVENTIONS = "Convenzioni"
LINES = "Voci"
EXPENDITURES = "Spese"
IMPORTED_DOCUMENT_TYPE = "Documento di spesa"


def _category(value: Any) -> CostCategory:
    text = fold(parse_text(value))
    for category in CostCategory:
        if fold(category.value) == text:
            return category
    choices = ", ".join(c.value for c in CostCategory)
    raise CellError(f"«{parse_text(value)}» non è una categoria di costo ({choices})")


def _non_negative(value: Any) -> Decimal:
    amount = parse_amount(value)
    if amount < 0:
        raise CellError("l'importo non può essere negativo")
    return amount


def _code(value: Any) -> str:
    return normalise_code(parse_text(value)) or ""


CONVENTION_COLUMNS = (
    Column("Convenzione", "short_name", parse_text, True),
    Column("CUP", "cup", _code, True),
    Column("Ente finanziatore", "funder", parse_text),
    Column("Fondo", "fund", parse_text),
    Column("Data firma", "signed_on", parse_date),
    Column("Inizio", "starts_on", parse_date, True),
    Column("Fine", "ends_on", parse_date, True),
    Column("Importo totale", "total", _non_negative, True),
)
LINE_COLUMNS = (
    Column("Convenzione", "convention", parse_text, True),
    Column("Voce", "name", parse_text, True),
    Column("Azione", "action", parse_text),
    Column("Categoria", "category", _category, True),
    Column("Importo previsto", "planned", _non_negative, True),
)
EXPENDITURE_COLUMNS = (
    Column("Convenzione", "convention", parse_text, True),
    Column("Data", "document_date", parse_date, True),
    Column("Numero", "number", parse_text, True),
    Column("Fornitore", "supplier_name", parse_text, True),
    Column("CF/P.IVA", "tax_code", _code),
    Column("Voce", "line", parse_text, True),
    Column("Importo", "amount", _non_negative, True),
    Column("Importo ammissibile", "eligible", _non_negative, True),
    Column("Data pagamento", "paid_on", parse_date),
)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _known_conventions(ctx: ImportContext) -> dict[str, int | None]:
    """Convention name key -> id (None: coming from this workbook's Convenzioni)."""
    known: dict[str, int | None] = ctx.shared.setdefault("conventions", {})
    if "_loaded" not in ctx.shared:
        for cid, name in ctx.session.execute(select(Convention.id, Convention.short_name)):
            known.setdefault(_key(name), cid)
        ctx.shared["_loaded"] = True
    return known


# --- Convenzioni ----------------------------------------------------------------------------


@dataclass
class _ConventionPlan:
    row: int
    data: conventions.ConventionInput
    existing: Convention | None
    changed: bool


class ConventionsHandler:
    def __init__(self) -> None:
        self.plans: list[_ConventionPlan] = []

    def check(self, ctx: ImportContext, rows: list[ParsedRow], present: frozenset[str]) -> None:
        known = _known_conventions(ctx)
        first: dict[str, int] = {}
        for row in rows:
            name = " ".join(str(row.values.get("short_name") or "").split())
            if not name:
                continue
            key = _key(name)
            if key in first:
                ctx.error(
                    CONVENTIONS,
                    row.number,
                    "Convenzione",
                    f"la convenzione «{name}» è già alla riga {first[key]}",
                )
                continue
            first[key] = row.number
            existing_id = known.get(key)
            existing = ctx.session.get(Convention, existing_id) if existing_id else None
            known.setdefault(key, None)
            if not row.ok:
                continue
            data = conventions.normalise(
                conventions.ConventionInput(
                    short_name=name,
                    title=existing.title if existing else name,
                    cup=row.values["cup"],
                    starts_on=row.values["starts_on"],
                    ends_on=row.values["ends_on"],
                    total=row.values["total"],
                    funder=row.values.get("funder"),
                    fund=row.values.get("fund"),
                    signed_on=row.values.get("signed_on"),
                    co_funding=existing.co_funding if existing else Decimal(0),
                    notes=existing.notes if existing else None,
                )
            )
            problems = conventions.problems(data)
            labels = {c.key: c.name for c in CONVENTION_COLUMNS}
            for key_, message in problems.items():
                ctx.error(CONVENTIONS, row.number, labels.get(key_, key_), message)
            if problems:
                continue
            changed = existing is None or conventions.input_of(existing) != data
            self.plans.append(_ConventionPlan(row.number, data, existing, changed))

    def counts(self) -> SheetCounts:
        created = sum(1 for p in self.plans if p.existing is None)
        updated = sum(1 for p in self.plans if p.existing is not None and p.changed)
        return SheetCounts(created, updated, len(self.plans) - created - updated)

    def write(self, ctx: ImportContext, summary: AuditSummary) -> None:
        known = _known_conventions(ctx)
        with bulk.writing(
            ctx.session,
            ctx.actor,
            Convention,
            action=summary.action,
            detail=summary.detail,
            changes=summary.changes,
        ) as batch:
            for plan in self.plans:
                if plan.existing is not None:
                    if plan.changed:
                        conventions.update_convention(
                            ctx.session,
                            ctx.actor,
                            plan.existing.id,
                            plan.existing.version,
                            plan.data,
                        )
                    continue
                d = plan.data
                [new_id] = batch.insert(
                    [
                        {
                            "short_name": d.short_name,
                            "title": d.title,
                            "cup": d.cup,
                            "funder": d.funder,
                            "fund": d.fund,
                            "signed_on": d.signed_on,
                            "starts_on": d.starts_on,
                            "ends_on": d.ends_on,
                            "total": d.total,
                            "co_funding": d.co_funding,
                            "notes": d.notes,
                        }
                    ]
                )
                known[_key(d.short_name)] = new_id


def export_conventions(session: Any, actor: Actor, options: ExportOptions) -> list[list[Any]]:
    require(actor, Permission.READ_MONEY)
    rows = [
        [c.short_name, c.cup, c.funder, c.fund, c.signed_on, c.starts_on, c.ends_on, c.total]
        for c in session.scalars(select(Convention))
    ]
    return sorted(rows, key=lambda r: r[0].casefold())


# --- Voci -----------------------------------------------------------------------------------


@dataclass
class _LinePlan:
    row: int
    convention: str
    name: str
    action: str | None
    category: CostCategory
    planned: Decimal
    existing: BudgetLine | None
    changed: bool


class LinesHandler:
    def __init__(self) -> None:
        self.plans: list[_LinePlan] = []

    def check(self, ctx: ImportContext, rows: list[ParsedRow], present: frozenset[str]) -> None:
        known = _known_conventions(ctx)
        lines: dict[tuple[str, str], int | None] = ctx.shared.setdefault("lines", {})
        existing_lines = {
            (_key(cname), _key(line.name)): line
            for line, cname in ctx.session.execute(
                select(BudgetLine, Convention.short_name).join(
                    Convention, Convention.id == BudgetLine.convention_id
                )
            )
        }
        for key_pair, line in existing_lines.items():
            lines.setdefault(key_pair, line.id)
        first: dict[tuple[str, str], int] = {}
        for row in rows:
            convention = " ".join(str(row.values.get("convention") or "").split())
            name = " ".join(str(row.values.get("name") or "").split())
            if not convention or not name:
                continue
            if _key(convention) not in known:
                ctx.error(
                    LINES, row.number, "Convenzione", f"la convenzione «{convention}» non esiste"
                )
                continue
            pair = (_key(convention), _key(name))
            if pair in first:
                ctx.error(
                    LINES, row.number, "Voce", f"la voce «{name}» è già alla riga {first[pair]}"
                )
                continue
            first[pair] = row.number
            problem = text_problem(name, 120, required=True)
            action = row.values.get("action") or None
            if problem:
                ctx.error(LINES, row.number, "Voce", problem)
            problem_action = text_problem(action, 120)
            if problem_action:
                ctx.error(LINES, row.number, "Azione", problem_action)
            if problem or problem_action or not row.ok:
                continue
            existing = existing_lines.get(pair)
            lines.setdefault(pair, None)
            category, planned = row.values["category"], row.values["planned"]
            changed = existing is None or (
                existing.name,
                existing.action,
                existing.category,
                existing.planned,
            ) != (
                name,
                action,
                category,
                planned,
            )
            self.plans.append(
                _LinePlan(
                    row.number, convention, name, action, category, planned, existing, changed
                )
            )

    def counts(self) -> SheetCounts:
        created = sum(1 for p in self.plans if p.existing is None)
        updated = sum(1 for p in self.plans if p.existing is not None and p.changed)
        return SheetCounts(created, updated, len(self.plans) - created - updated)

    def write(self, ctx: ImportContext, summary: AuditSummary) -> None:
        known = _known_conventions(ctx)
        lines: dict[tuple[str, str], int | None] = ctx.shared["lines"]
        with bulk.writing(
            ctx.session,
            ctx.actor,
            BudgetLine,
            action=summary.action,
            detail=summary.detail,
            changes=summary.changes,
        ) as batch:
            for plan in self.plans:
                line = plan.existing
                if line is not None:
                    if not plan.changed:
                        continue
                    if line.planned != plan.planned:
                        ctx.session.add(
                            BudgetVariation(
                                budget_line_id=line.id,
                                varied_on=ctx.today,
                                reason=f"Importazione da «{ctx.source}»"[:300],
                                amount_before=line.planned,
                                amount_after=plan.planned,
                            )
                        )
                    line.name, line.action = plan.name, plan.action
                    line.category, line.planned = plan.category, plan.planned
                    ctx.session.flush()
                    continue
                convention_id = known[_key(plan.convention)]
                [new_id] = batch.insert(
                    [
                        {
                            "convention_id": convention_id,
                            "name": plan.name,
                            "action": plan.action,
                            "category": plan.category,
                            "planned": plan.planned,
                        }
                    ]
                )
                lines[(_key(plan.convention), _key(plan.name))] = new_id


def export_lines(session: Any, actor: Actor, options: ExportOptions) -> list[list[Any]]:
    require(actor, Permission.READ_MONEY)
    rows = [
        [cname, line.name, line.action, line.category.value, line.planned]
        for line, cname in session.execute(
            select(BudgetLine, Convention.short_name).join(
                Convention, Convention.id == BudgetLine.convention_id
            )
        )
    ]
    return sorted(rows, key=lambda r: (r[0].casefold(), r[1].casefold()))


# --- Spese ----------------------------------------------------------------------------------


@dataclass
class _ExpenditurePlan:
    row: int
    convention: str
    line: str
    values: dict[str, Any]
    existing: Expenditure | None
    changed: bool
    fields: dict[str, Any] = field(default_factory=dict)


def _identity(
    convention: str, supplier: str, number: str, day: dt.date
) -> tuple[str, str, str, dt.date]:
    return (_key(convention), _key(supplier), _key(number), day)


class ExpendituresHandler:
    def __init__(self) -> None:
        self.plans: list[_ExpenditurePlan] = []

    def check(self, ctx: ImportContext, rows: list[ParsedRow], present: frozenset[str]) -> None:
        known = _known_conventions(ctx)
        lines: dict[tuple[str, str], int | None] = ctx.shared.setdefault("lines", {})
        if "_lines_loaded" not in ctx.shared:
            for line_id, lname, cname in ctx.session.execute(
                select(BudgetLine.id, BudgetLine.name, Convention.short_name).join(
                    Convention, Convention.id == BudgetLine.convention_id
                )
            ):
                lines.setdefault((_key(cname), _key(lname)), line_id)
            ctx.shared["_lines_loaded"] = True
        numbers = {
            pair: number
            for pair, number in ctx.session.execute(
                select(PaymentRequest.id, PaymentRequest.number)
            )
        }
        first: dict[tuple[str, str, str, dt.date], int] = {}
        for row in rows:
            v = row.values
            convention = " ".join(str(v.get("convention") or "").split())
            line = " ".join(str(v.get("line") or "").split())
            if convention and _key(convention) not in known:
                ctx.error(
                    EXPENDITURES,
                    row.number,
                    "Convenzione",
                    f"la convenzione «{convention}» non esiste",
                )
                continue
            if convention and line and (_key(convention), _key(line)) not in lines:
                ctx.error(
                    EXPENDITURES,
                    row.number,
                    "Voce",
                    f"la voce «{line}» non esiste nella convenzione «{convention}»",
                )
                continue
            if not row.ok:
                continue
            identity = _identity(convention, v["supplier_name"], v["number"], v["document_date"])
            if identity in first:
                ctx.error(
                    EXPENDITURES,
                    row.number,
                    "Numero",
                    f"la spesa n. {v['number']} di {v['supplier_name']} del "
                    f"{v['document_date']:%d/%m/%Y} è già alla riga {first[identity]}",
                )
                continue
            first[identity] = row.number
            data = expenditures.normalise(
                expenditures.ExpenditureInput(
                    document_type=IMPORTED_DOCUMENT_TYPE,
                    number=v["number"],
                    document_date=v["document_date"],
                    supplier_name=v["supplier_name"],
                    amount=v["amount"],
                    eligible=v["eligible"],
                    budget_line_id=0,
                    supplier_tax_code=v.get("tax_code") or None,
                    paid_on=v.get("paid_on"),
                )
            )
            problems = expenditures.problems(data)
            labels = {
                "number": "Numero",
                "supplier_name": "Fornitore",
                "supplier_tax_code": "CF/P.IVA",
                "amount": "Importo",
                "eligible": "Importo ammissibile",
                "paid_on": "Data pagamento",
                "document_date": "Data",
            }
            problems.pop("document_type", None)
            for key_, message in problems.items():
                ctx.error(EXPENDITURES, row.number, labels.get(key_, key_), message)
            if problems:
                continue
            existing = self._existing(ctx, known.get(_key(convention)), data)
            if existing is not None and existing.source is not None:
                ctx.error(
                    EXPENDITURES,
                    row.number,
                    "Numero",
                    "questa spesa deriva da un pagamento (contributo o indennità): si modifica "
                    "solo dal pagamento, non dal foglio Spese",
                )
                continue
            line_pair = (_key(convention), _key(line))
            fields = {
                "supplier_tax_code": data.supplier_tax_code,
                "amount": data.amount,
                "eligible": data.eligible,
                "paid_on": data.paid_on,
                "line": line_pair,
            }
            changed = existing is None or (
                existing.supplier_tax_code,
                existing.amount,
                existing.eligible,
                existing.paid_on,
                existing.budget_line_id,
            ) != (
                data.supplier_tax_code,
                data.amount,
                data.eligible,
                data.paid_on,
                lines.get(line_pair),
            )
            if existing is not None and changed and existing.payment_request_id is not None:
                ctx.error(
                    EXPENDITURES,
                    row.number,
                    "Numero",
                    f"la spesa è inclusa nella domanda di rimborso n. "
                    f"{numbers.get(existing.payment_request_id, '?')}: non si può modificare "
                    "(solo l'amministratore può sbloccare la domanda)",
                )
                continue
            self.plans.append(
                _ExpenditurePlan(
                    row.number, convention, line, {"data": data}, existing, changed, fields
                )
            )

    @staticmethod
    def _existing(
        ctx: ImportContext, convention_id: int | None, data: expenditures.ExpenditureInput
    ) -> Expenditure | None:
        if convention_id is None:
            return None
        return ctx.session.scalars(
            select(Expenditure)
            .where(
                Expenditure.convention_id == convention_id,
                func.lower(Expenditure.supplier_name) == data.supplier_name.lower(),
                func.lower(Expenditure.number) == data.number.lower(),
                Expenditure.document_date == data.document_date,
            )
            .order_by(Expenditure.id)
            .limit(1)
        ).first()

    def counts(self) -> SheetCounts:
        created = sum(1 for p in self.plans if p.existing is None)
        updated = sum(1 for p in self.plans if p.existing is not None and p.changed)
        return SheetCounts(created, updated, len(self.plans) - created - updated)

    def write(self, ctx: ImportContext, summary: AuditSummary) -> None:
        known = _known_conventions(ctx)
        lines: dict[tuple[str, str], int | None] = ctx.shared["lines"]
        new_rows = []
        for plan in self.plans:
            line_id = lines[plan.fields["line"]]
            data: expenditures.ExpenditureInput = plan.values["data"]
            if plan.existing is not None:
                if not plan.changed:
                    continue
                # Locked between the check and now? The service refuses, naming the request.
                existing = plan.existing
                expenditures.update_expenditure(
                    ctx.session,
                    ctx.actor,
                    existing.id,
                    existing.version,
                    expenditures.ExpenditureInput(
                        **{
                            **expenditures.input_of(
                                expenditures.get_row(ctx.session, ctx.actor, existing.id)
                            ).__dict__,
                            "supplier_tax_code": data.supplier_tax_code,
                            "amount": data.amount,
                            "eligible": data.eligible,
                            "paid_on": data.paid_on,
                            "budget_line_id": line_id,
                        }
                    ),
                )
                continue
            new_rows.append(
                {
                    "convention_id": known[_key(plan.convention)],
                    "document_type": IMPORTED_DOCUMENT_TYPE,
                    "number": data.number,
                    "document_date": data.document_date,
                    "supplier_name": data.supplier_name,
                    "supplier_tax_code": data.supplier_tax_code,
                    "amount": data.amount,
                    "vat": Decimal(0),
                    "eligible": data.eligible,
                    "budget_line_id": line_id,
                    "paid_on": data.paid_on,
                }
            )
        with bulk.writing(
            ctx.session,
            ctx.actor,
            Expenditure,
            action=summary.action,
            detail=summary.detail,
            changes=summary.changes,
        ) as batch:
            for start in range(0, len(new_rows), 500):
                ctx.cancel()
                batch.insert(new_rows[start : start + 500])


def export_expenditures(session: Any, actor: Actor, options: ExportOptions) -> list[list[Any]]:
    """Every expenditure entered (not those derived from payments), by convention and date."""
    require(actor, Permission.READ_MONEY)
    rows = [
        [
            cname,
            e.document_date,
            e.number,
            e.supplier_name,
            e.supplier_tax_code,
            lname,
            e.amount,
            e.eligible,
            e.paid_on,
        ]
        for e, cname, lname in session.execute(
            select(Expenditure, Convention.short_name, BudgetLine.name)
            .join(Convention, Convention.id == Expenditure.convention_id)
            .join(BudgetLine, BudgetLine.id == Expenditure.budget_line_id)
            .where(Expenditure.source.is_(None))
        )
    ]
    return sorted(rows, key=lambda r: (r[0].casefold(), r[1], r[2].casefold(), r[3].casefold()))


for _spec in (
    SheetSpec(
        CONVENTIONS,
        CONVENTION_COLUMNS,
        ConventionsHandler,
        export_conventions,
        Permission.WRITE_MONEY,
        Permission.READ_MONEY,
        "convention",
    ),
    SheetSpec(
        LINES,
        LINE_COLUMNS,
        LinesHandler,
        export_lines,
        Permission.WRITE_MONEY,
        Permission.READ_MONEY,
        "budget_line",
    ),
    SheetSpec(
        EXPENDITURES,
        EXPENDITURE_COLUMNS,
        ExpendituresHandler,
        export_expenditures,
        Permission.WRITE_MONEY,
        Permission.READ_MONEY,
        "expenditure",
    ),
):
    register(_spec)
