"""The expenditure register: every spesa of a convention, its checks and flags, the
register's lists and totals (in SQL), and the expenditures derived from payments made by
other areas (host-family contributions, tirocinio indemnities).

Refused (nothing written): a required field missing, an amount that is not one or is
negative, the eligible amount above the amount, a budget line of another convention, a
codice fiscale or partita IVA with a wrong check character, a derived expenditure edited
here (it follows its payment), a locked one (included in a submitted payment request).

Flagged (saved, shown): dated outside the convention's eligibility period (extensions
included), on a line whose eligible total is over its planned amount, the same supplier
and number twice in the convention.

Derived expenditures: a payment becomes an expenditure on the line of its category
(``contributi a famiglie`` / ``indennita tirocini``) of the convention in force on the paid
date. When no convention is in force that day, or the one in force has no line of that
category, the payment is simply not an expenditure of any convention: the office also pays
families from its own funds, and refusing the payment would stop the families' ledger for
a budget matter. A derived expenditure already there for the payment is then removed.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from tit_desktop.models import (
    BudgetLine,
    Convention,
    ConventionExtension,
    Expenditure,
    PaymentRequest,
    PaymentSource,
)
from tit_desktop.models.audit import AuditAction
from tit_desktop.models.columns import money_total
from tit_desktop.services import audit, conflicts, expenditure_feed
from tit_desktop.services.convention.checks import (
    REQUIRED,
    cig_problem,
    normalise_code,
    tax_code_problem,
    text_problem,
)
from tit_desktop.services.convention.conventions import get_convention, in_force_on
from tit_desktop.services.errors import (
    ConflictError,
    NotFound,
    StaleRecord,
    ValidationError,
    register_labels,
)
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.text import clean, fold

register_labels(
    {
        "document_type": "Tipo documento",
        "number": "Numero",
        "document_date": "Data",
        "supplier_name": "Fornitore",
        "supplier_tax_code": "CF/P.IVA",
        "amount": "Importo",
        "vat": "IVA",
        "eligible": "Importo ammissibile",
        "budget_line": "Voce",
        "paid_on": "Data pagamento",
        "payment_method": "Modalità di pagamento",
        "cig": "CIG",
        "description": "Descrizione",
    }
)

SOURCE_LABELS: dict[PaymentSource, str] = {
    PaymentSource.HOSTING_CONTRIBUTION: "Contributo famiglia",
    PaymentSource.TIROCINIO_PAYMENT: "Indennità tirocinio",
}
SOURCE_PREFIX: dict[PaymentSource, str] = {
    PaymentSource.HOSTING_CONTRIBUTION: "CF",
    PaymentSource.TIROCINIO_PAYMENT: "IT",
}


class Flag(enum.StrEnum):
    OUTSIDE_PERIOD = "fuori periodo"
    OVER_BUDGET = "voce oltre il budget"
    DUPLICATE = "doppia"


FLAG_HINTS: dict[Flag, str] = {
    Flag.OUTSIDE_PERIOD: "data fuori dal periodo di ammissibilità della convenzione",
    Flag.OVER_BUDGET: "la voce ha superato l'importo previsto",
    Flag.DUPLICATE: "stesso fornitore e stesso numero di un'altra spesa",
}


@dataclass(frozen=True)
class ExpenditureInput:
    document_type: str
    number: str
    document_date: dt.date | None
    supplier_name: str
    amount: Decimal | None
    eligible: Decimal | None
    budget_line_id: int | None
    supplier_tax_code: str | None = None
    vat: Decimal = Decimal(0)
    paid_on: dt.date | None = None
    payment_method: str | None = None
    cig: str | None = None
    description: str | None = None
    document_id: int | None = None


@dataclass(frozen=True)
class ExpenditureRow:
    id: int
    version: int
    convention_id: int
    document_type: str
    number: str
    document_date: dt.date
    supplier_name: str
    supplier_tax_code: str | None
    amount: Decimal
    vat: Decimal
    eligible: Decimal
    budget_line_id: int
    line_name: str
    paid_on: dt.date | None
    payment_method: str | None
    cig: str | None
    description: str | None
    document_id: int | None
    source: PaymentSource | None
    source_id: int | None
    payment_request_id: int | None
    flags: tuple[Flag, ...] = ()

    @property
    def derived(self) -> bool:
        return self.source is not None

    @property
    def locked(self) -> bool:
        return self.payment_request_id is not None

    @property
    def flags_text(self) -> str:
        return ", ".join(f.value for f in self.flags)


@dataclass(frozen=True)
class ExpenditureFilter:
    convention_id: int
    line_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""  # supplier name, number or CF/P.IVA, as a prefix of words
    flagged_only: bool = False
    derived: bool | None = None  # None = all, True = derived only, False = entered only
    locked: bool | None = None


@dataclass(frozen=True)
class SaveResult:
    id: int
    flags: tuple[Flag, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class RegisterTotals:
    count: int
    amount: Decimal
    eligible: Decimal
    by_line: list[tuple[str, int, Decimal, Decimal]]  # name, count, amount, eligible


# --- checks --------------------------------------------------------------------------------


def normalise(data: ExpenditureInput) -> ExpenditureInput:
    return ExpenditureInput(
        document_type=" ".join(data.document_type.split()),
        number=" ".join(data.number.split()),
        document_date=data.document_date,
        supplier_name=" ".join(data.supplier_name.split()),
        amount=data.amount,
        eligible=data.eligible,
        budget_line_id=data.budget_line_id,
        supplier_tax_code=normalise_code(data.supplier_tax_code),
        vat=data.vat,
        paid_on=data.paid_on,
        payment_method=clean(data.payment_method),
        cig=normalise_code(data.cig),
        description=clean(data.description),
        document_id=data.document_id,
    )


def problems(data: ExpenditureInput) -> dict[str, str]:
    """The problems of the fields themselves (no database): the form and the import."""
    errors: dict[str, str] = {}
    for name, value, limit, required in (
        ("document_type", data.document_type, 60, True),
        ("number", data.number, 60, True),
        ("supplier_name", data.supplier_name, 200, True),
        ("payment_method", data.payment_method, 60, False),
        ("description", data.description, 300, False),
    ):
        problem = text_problem(value, limit, required=required)
        if problem:
            errors[name] = problem
    if data.document_date is None:
        errors["document_date"] = REQUIRED
    problem = tax_code_problem(data.supplier_tax_code)
    if problem:
        errors["supplier_tax_code"] = problem
    problem = cig_problem(data.cig)
    if problem:
        errors["cig"] = problem
    for name, amount in (("amount", data.amount), ("eligible", data.eligible), ("vat", data.vat)):
        if amount is None:
            errors[name] = REQUIRED
        elif amount < 0:
            errors[name] = "l'importo non può essere negativo"
    if (
        "amount" not in errors
        and "eligible" not in errors
        and data.amount is not None
        and data.eligible is not None
        and data.eligible > data.amount
    ):
        errors["eligible"] = "l'importo ammissibile non può superare l'importo della spesa"
    if data.vat is not None and data.amount is not None and data.vat > data.amount:
        errors["vat"] = "l'IVA non può superare l'importo della spesa"
    if data.budget_line_id is None:
        errors["budget_line"] = REQUIRED
    if (
        data.paid_on is not None
        and data.document_date is not None
        and data.paid_on < data.document_date - dt.timedelta(days=366)
    ):
        errors["paid_on"] = "il pagamento precede di oltre un anno la data della spesa"
    return errors


def _check_line(session: Session, convention_id: int, line_id: int) -> None:
    owner = session.scalar(select(BudgetLine.convention_id).where(BudgetLine.id == line_id))
    if owner != convention_id:
        raise ValidationError({"budget_line": "la voce non esiste in questa convenzione"})


@conflicts.explains("fk_expenditure_budget_line_same_convention")
def _line_elsewhere(session: Session, violation: conflicts.Violation) -> str | None:
    return "La voce di budget indicata non appartiene alla convenzione della spesa."


@conflicts.explains("ck_expenditure_eligible_within_amount")
def _eligible_over(session: Session, violation: conflicts.Violation) -> str | None:
    return "L'importo ammissibile non può superare l'importo della spesa."


@conflicts.explains("uq_expenditure_source_source_id")
def _payment_twice(session: Session, violation: conflicts.Violation) -> str | None:
    return (
        "Questo pagamento è già registrato come spesa (da un altro utente, nello stesso momento)."
    )


def lock_message(session: Session, request_id: int) -> str:
    request = session.get(PaymentRequest, request_id)
    if request is None:
        return "La spesa è bloccata da una domanda di rimborso presentata."
    return (
        f"La spesa è inclusa nella domanda di rimborso n. {request.number} presentata il "
        f"{request.submitted_on:%d/%m/%Y}: non si può modificare né eliminare (solo "
        "l'amministratore può sbloccare la domanda)."
    )


def _apply(expenditure: Expenditure, data: ExpenditureInput) -> None:
    assert data.document_date is not None and data.amount is not None
    assert data.eligible is not None and data.budget_line_id is not None
    expenditure.document_type = data.document_type
    expenditure.number = data.number
    expenditure.document_date = data.document_date
    expenditure.supplier_name = data.supplier_name
    expenditure.supplier_tax_code = data.supplier_tax_code
    expenditure.amount = data.amount
    expenditure.vat = data.vat
    expenditure.eligible = data.eligible
    expenditure.budget_line_id = data.budget_line_id
    expenditure.paid_on = data.paid_on
    expenditure.payment_method = data.payment_method
    expenditure.cig = data.cig
    expenditure.description = data.description
    expenditure.document_id = data.document_id


def _checked(session: Session, convention_id: int, data: ExpenditureInput) -> ExpenditureInput:
    data = normalise(data)
    errors = problems(data)
    if errors:
        raise ValidationError(errors)
    assert data.budget_line_id is not None
    _check_line(session, convention_id, data.budget_line_id)
    return data


def create_expenditure(
    session: Session, actor: Actor, convention_id: int, data: ExpenditureInput
) -> SaveResult:
    require(actor, Permission.WRITE_MONEY)
    get_convention(session, convention_id)
    data = _checked(session, convention_id, data)
    expenditure = Expenditure(convention_id=convention_id)
    _apply(expenditure, data)
    session.add(expenditure)
    session.flush()
    return SaveResult(expenditure.id, flags_of(session, expenditure.id))


def _editable(session: Session, expenditure_id: int, version: int | None) -> Expenditure:
    expenditure = session.get(Expenditure, expenditure_id)
    if expenditure is None:
        raise NotFound("Spesa non trovata (forse eliminata da un altro utente).")
    if expenditure.payment_request_id is not None:
        raise ConflictError(lock_message(session, expenditure.payment_request_id))
    if expenditure.source is not None:
        raise ConflictError(
            f"Questa spesa viene da un pagamento ({SOURCE_LABELS[expenditure.source].lower()}): "
            "si modifica solo dal pagamento, che la aggiorna da sé."
        )
    if version is not None and expenditure.version != version:
        raise StaleRecord("La spesa è stata modificata da un altro utente: riaprirla.")
    return expenditure


def update_expenditure(
    session: Session, actor: Actor, expenditure_id: int, version: int, data: ExpenditureInput
) -> SaveResult:
    require(actor, Permission.WRITE_MONEY)
    expenditure = _editable(session, expenditure_id, version)
    data = _checked(session, expenditure.convention_id, data)
    _apply(expenditure, data)
    session.flush()
    return SaveResult(expenditure.id, flags_of(session, expenditure.id))


def delete_expenditure(session: Session, actor: Actor, expenditure_id: int, version: int) -> None:
    require(actor, Permission.WRITE_MONEY)
    expenditure = _editable(session, expenditure_id, version)
    session.delete(expenditure)
    session.flush()


def input_of(row: ExpenditureRow) -> ExpenditureInput:
    return ExpenditureInput(
        document_type=row.document_type,
        number=row.number,
        document_date=row.document_date,
        supplier_name=row.supplier_name,
        amount=row.amount,
        eligible=row.eligible,
        budget_line_id=row.budget_line_id,
        supplier_tax_code=row.supplier_tax_code,
        vat=row.vat,
        paid_on=row.paid_on,
        payment_method=row.payment_method,
        cig=row.cig,
        description=row.description,
        document_id=row.document_id,
    )


# --- the register: flags, lists, totals ----------------------------------------------------


def _supplier_key() -> Any:
    return func.coalesce(Expenditure.supplier_tax_code, func.lower(Expenditure.supplier_name))


def _flag_columns(
    convention_id: int | None, ids: Sequence[int] | None = None
) -> tuple[list[Any], list[Any]]:
    """The three flags as SQL booleans (as 0/1 integers), and the joins they need. With
    ``ids`` (a screenful of rows), the grouped subqueries only look at those rows' lines
    and numbers."""
    mine = Expenditure.__table__.alias("mine")
    latest = (
        select(
            ConventionExtension.convention_id.label("cid"),
            func.max(ConventionExtension.new_end).label("end"),
        )
        .group_by(ConventionExtension.convention_id)
        .subquery("latest_end")
    )
    over = (
        select(BudgetLine.id.label("line_id"))
        .join(Expenditure, Expenditure.budget_line_id == BudgetLine.id)
        .where(*([BudgetLine.convention_id == convention_id] if convention_id else []))
        .where(
            *(
                [BudgetLine.id.in_(select(mine.c.budget_line_id).where(mine.c.id.in_(ids)))]
                if ids is not None
                else []
            )
        )
        .group_by(BudgetLine.id, BudgetLine.planned)
        .having(money_total(Expenditure.eligible.expression) > BudgetLine.planned)
        .subquery("over_lines")
    )
    twin = Expenditure.__table__.alias("twin")
    twins = (
        select(
            twin.c.convention_id.label("cid"),
            func.coalesce(twin.c.supplier_tax_code, func.lower(twin.c.supplier_name)).label("skey"),
            twin.c.number.label("number"),
        )
        .where(*([twin.c.convention_id == convention_id] if convention_id else []))
        .where(
            *(
                [twin.c.number.in_(select(mine.c.number).where(mine.c.id.in_(ids)))]
                if ids is not None
                else []
            )
        )
        .group_by(
            twin.c.convention_id,
            func.coalesce(twin.c.supplier_tax_code, func.lower(twin.c.supplier_name)),
            twin.c.number,
        )
        .having(func.count() > 1)
        .subquery("twins")
    )
    end = case(
        (and_(latest.c.end.is_not(None), latest.c.end > Convention.ends_on), latest.c.end),
        else_=Convention.ends_on,
    )
    outside = case(
        (or_(Expenditure.document_date < Convention.starts_on, Expenditure.document_date > end), 1),
        else_=0,
    )
    over_flag = case((over.c.line_id.is_not(None), 1), else_=0)
    twin_flag = case((twins.c.number.is_not(None), 1), else_=0)
    joins = [
        (Convention, Convention.id == Expenditure.convention_id),
        (latest, latest.c.cid == Expenditure.convention_id),
        (over, over.c.line_id == Expenditure.budget_line_id),
        (
            twins,
            and_(
                twins.c.cid == Expenditure.convention_id,
                twins.c.skey == _supplier_key(),
                twins.c.number == Expenditure.number,
            ),
        ),
    ]
    return [outside.label("f_outside"), over_flag.label("f_over"), twin_flag.label("f_twin")], joins


def _with_flags(
    query: Any, convention_id: int | None, ids: Sequence[int] | None = None
) -> tuple[Any, list[Any]]:
    flags, joins = _flag_columns(convention_id, ids)
    query = query.add_columns(*flags)
    for target, on in joins:
        inner = target is Convention
        query = query.join(target, on) if inner else query.outerjoin(target, on)
    return query, flags


def _flags(row: Any) -> tuple[Flag, ...]:
    found = []
    if row.f_outside:
        found.append(Flag.OUTSIDE_PERIOD)
    if row.f_over:
        found.append(Flag.OVER_BUDGET)
    if row.f_twin:
        found.append(Flag.DUPLICATE)
    return tuple(found)


def flags_of(session: Session, expenditure_id: int) -> tuple[Flag, ...]:
    convention_id = session.scalar(
        select(Expenditure.convention_id).where(Expenditure.id == expenditure_id)
    )
    query, _ = _with_flags(
        select(Expenditure.id).where(Expenditure.id == expenditure_id),
        convention_id,
        [expenditure_id],
    )
    row = session.execute(query).one_or_none()
    return _flags(row) if row is not None else ()


_SORTS = {
    "date": (Expenditure.document_date,),
    "number": (Expenditure.number,),
    "supplier": (func.lower(Expenditure.supplier_name),),
    "amount": (Expenditure.amount,),
    "eligible": (Expenditure.eligible,),
    "line": (BudgetLine.name,),
    "paid_on": (Expenditure.paid_on,),
}


def _filtered(query: Any, flt: ExpenditureFilter) -> Any:
    query = query.where(Expenditure.convention_id == flt.convention_id)
    if flt.line_id is not None:
        query = query.where(Expenditure.budget_line_id == flt.line_id)
    if flt.date_from is not None:
        query = query.where(Expenditure.document_date >= flt.date_from)
    if flt.date_to is not None:
        query = query.where(Expenditure.document_date <= flt.date_to)
    if flt.derived is True:
        query = query.where(Expenditure.source.is_not(None))
    elif flt.derived is False:
        query = query.where(Expenditure.source.is_(None))
    if flt.locked is True:
        query = query.where(Expenditure.payment_request_id.is_not(None))
    elif flt.locked is False:
        query = query.where(Expenditure.payment_request_id.is_(None))
    for word in fold(flt.text).split():
        pattern = f"%{word}%"
        query = query.where(
            or_(
                func.lower(Expenditure.supplier_name).like(pattern),
                func.lower(Expenditure.number).like(pattern),
                func.lower(func.coalesce(Expenditure.supplier_tax_code, "")).like(pattern),
            )
        )
    return query


def keys(
    session: Session,
    actor: Actor,
    flt: ExpenditureFilter,
    sort: str = "date",
    descending: bool = False,
) -> list[int]:
    """The ids of the register's rows the filter selects, in display order."""
    require(actor, Permission.READ_MONEY)
    query = select(Expenditure.id).join(BudgetLine, BudgetLine.id == Expenditure.budget_line_id)
    query = _filtered(query, flt)
    if flt.flagged_only:
        query, flags = _with_flags(query, flt.convention_id)
        query = query.where(or_(*(f == 1 for f in flags)))
    order = []
    for column in _SORTS.get(sort, _SORTS["date"]):
        order.append(column.desc() if descending else column.asc())
    order.append(Expenditure.id.desc() if descending else Expenditure.id.asc())
    return list(session.connection().scalars(query.order_by(*order)))


def rows(session: Session, actor: Actor, ids: Sequence[int]) -> dict[int, ExpenditureRow]:
    """The rows with these ids (those still there), flags included."""
    require(actor, Permission.READ_MONEY)
    if not ids:
        return {}
    query: Any = select(Expenditure, BudgetLine.name).join(
        BudgetLine, BudgetLine.id == Expenditure.budget_line_id
    )
    query, _ = _with_flags(query.where(Expenditure.id.in_(list(ids))), None, list(ids))
    found: dict[int, ExpenditureRow] = {}
    for row in session.execute(query):
        e: Expenditure = row[0]
        found[e.id] = ExpenditureRow(
            id=e.id,
            version=e.version,
            convention_id=e.convention_id,
            document_type=e.document_type,
            number=e.number,
            document_date=e.document_date,
            supplier_name=e.supplier_name,
            supplier_tax_code=e.supplier_tax_code,
            amount=e.amount,
            vat=e.vat,
            eligible=e.eligible,
            budget_line_id=e.budget_line_id,
            line_name=row[1],
            paid_on=e.paid_on,
            payment_method=e.payment_method,
            cig=e.cig,
            description=e.description,
            document_id=e.document_id,
            source=e.source,
            source_id=e.source_id,
            payment_request_id=e.payment_request_id,
            flags=_flags(row),
        )
    return found


def get_row(session: Session, actor: Actor, expenditure_id: int) -> ExpenditureRow:
    found = rows(session, actor, [expenditure_id]).get(expenditure_id)
    if found is None:
        raise NotFound("Spesa non trovata (forse eliminata da un altro utente).")
    return found


def totals(session: Session, actor: Actor, flt: ExpenditureFilter) -> RegisterTotals:
    """The filtered register's totals, per line and overall, in one GROUP BY."""
    require(actor, Permission.READ_MONEY)
    query: Any = select(
        BudgetLine.name,
        func.count(Expenditure.id).label("n"),
        money_total(Expenditure.amount.expression).label("amount"),
        money_total(Expenditure.eligible.expression).label("eligible"),
    ).join(BudgetLine, BudgetLine.id == Expenditure.budget_line_id)
    query = _filtered(query, flt)
    if flt.flagged_only:
        flagged, flags = _with_flags(
            select(Expenditure.id).where(Expenditure.convention_id == flt.convention_id),
            flt.convention_id,
        )
        flagged = flagged.where(or_(*(f == 1 for f in flags)))
        query = query.where(Expenditure.id.in_(flagged.with_only_columns(Expenditure.id)))
    query = query.group_by(BudgetLine.name).order_by(BudgetLine.name)
    by_line = [(r.name, r.n, r.amount, r.eligible) for r in session.execute(query)]
    return RegisterTotals(
        count=sum(n for _, n, _, _ in by_line),
        amount=sum((a for _, _, a, _ in by_line), Decimal("0.00")),
        eligible=sum((e for _, _, _, e in by_line), Decimal("0.00")),
        by_line=by_line,
    )


# --- expenditures derived from payments ------------------------------------------------------


def _line_for(session: Session, payment: expenditure_feed.Payment) -> tuple[int, int] | None:
    """(convention id, line id) the payment goes to, or None (see the module's text)."""
    category = expenditure_feed.SOURCE_CATEGORY[payment.source]
    for convention_id in in_force_on(session, payment.paid_on):
        line_id = session.scalar(
            select(BudgetLine.id)
            .where(BudgetLine.convention_id == convention_id, BudgetLine.category == category)
            .order_by(BudgetLine.id)
            .limit(1)
        )
        if line_id is not None:
            return convention_id, line_id
    return None


def _derived(session: Session, source: PaymentSource, source_id: int) -> Expenditure | None:
    return session.scalar(
        select(Expenditure).where(Expenditure.source == source, Expenditure.source_id == source_id)
    )


class DerivedExpenditures:
    """The expenditure_feed listener. The paying area has checked its own permission (an
    operatore records contributions): the register follows the payment whoever records it,
    and the audit log names them. A locked expenditure refuses, which rolls the payment
    back too."""

    def recorded(self, session: Session, actor: Actor, payment: expenditure_feed.Payment) -> None:
        existing = _derived(session, payment.source, payment.source_id)
        target = _line_for(session, payment)
        if existing is not None and existing.payment_request_id is not None:
            unchanged = (
                target == (existing.convention_id, existing.budget_line_id)
                and existing.amount == payment.amount
                and existing.document_date == payment.paid_on
            )
            if unchanged:
                return
            raise ConflictError(lock_message(session, existing.payment_request_id))
        if target is None:
            if existing is not None:
                session.delete(existing)
                session.flush()
            return
        convention_id, line_id = target
        tax_code = normalise_code(payment.tax_code)
        if tax_code_problem(tax_code):
            tax_code = None
        if existing is None:
            existing = Expenditure(source=payment.source, source_id=payment.source_id)
            session.add(existing)
        existing.convention_id = convention_id
        existing.budget_line_id = line_id
        existing.document_type = SOURCE_LABELS[payment.source]
        existing.number = f"{SOURCE_PREFIX[payment.source]}-{payment.source_id}"
        existing.document_date = payment.paid_on
        existing.supplier_name = (" ".join(payment.payee.split()) or "—")[:200]
        existing.supplier_tax_code = tax_code
        existing.description = (" ".join(payment.description.split()) or None) and (
            " ".join(payment.description.split())[:300]
        )
        existing.amount = payment.amount
        existing.vat = Decimal(0)
        existing.eligible = payment.amount
        existing.paid_on = payment.paid_on
        existing.payment_method = "bonifico"
        session.flush()

    def removed(
        self, session: Session, actor: Actor, source: PaymentSource, source_id: int
    ) -> None:
        existing = _derived(session, source, source_id)
        if existing is None:
            return
        if existing.payment_request_id is not None:
            raise ConflictError(lock_message(session, existing.payment_request_id))
        session.delete(existing)
        session.flush()


LISTENER = DerivedExpenditures()
expenditure_feed.register_listener(LISTENER)


def export_register(session: Session, actor: Actor, flt: ExpenditureFilter, out: Path) -> int:
    """Write the filtered register (and its totals per line) to a workbook; audited.
    Returns the number of expenditures written. Suppliers include persons (trainees, host
    families' referents), so the file needs EXPORT_DATA besides reading the money."""
    from tit_desktop.reports import expenditure_register

    require(actor, Permission.READ_MONEY)
    require(actor, Permission.EXPORT_DATA)
    convention = get_convention(session, flt.convention_id)
    ids = keys(session, actor, flt)
    found: dict[int, ExpenditureRow] = {}
    for start in range(0, len(ids), 900):
        found.update(rows(session, actor, ids[start : start + 900]))
    request_numbers = dict(
        session.execute(
            select(PaymentRequest.id, PaymentRequest.number).where(
                PaymentRequest.convention_id == flt.convention_id
            )
        ).all()
    )
    table = [
        (
            r.document_date,
            r.document_type,
            r.number,
            r.supplier_name,
            r.supplier_tax_code or "",
            r.line_name,
            r.amount,
            r.vat,
            r.eligible,
            r.paid_on,
            r.payment_method or "",
            r.cig or "",
            SOURCE_LABELS[r.source] if r.source else "",
            request_numbers.get(r.payment_request_id) if r.payment_request_id else None,
            r.flags_text,
        )
        for r in (found[i] for i in ids if i in found)
    ]
    summary = totals(session, actor, flt)
    expenditure_register.write_xlsx(
        f"Convenzione {convention.short_name} - CUP {convention.cup}", table, summary.by_line, out
    )
    audit.record(
        session,
        actor,
        AuditAction.EXPORT,
        "expenditure",
        None,
        detail=f"Registro delle spese {convention.short_name}: {len(table)} spese in {out.name}",
    )
    return len(table)
