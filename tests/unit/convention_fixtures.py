"""A small convention for the convention's tests: TIU-like, three lines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from tit_desktop.models import CostCategory
from tit_desktop.services.convention import budget, conventions, expenditures
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor

D = Decimal


@dataclass(frozen=True)
class Plan:
    convention_id: int
    staff: int
    goods: int
    families: int


def make_convention(db: Database, actor: Actor, name: str = "TIU") -> Plan:
    with db.transaction(actor) as session:
        cid = conventions.create_convention(
            session,
            actor,
            conventions.ConventionInput(
                short_name=name,
                title="Tessiture Integrate Urbane",
                cup="D31H20000120001",
                starts_on=dt.date(2020, 12, 1),
                ends_on=dt.date(2023, 6, 30),
                total=D("100000.00"),
                funder="Ministero del Lavoro e delle Politiche Sociali",
                fund="Fondo Politiche Migratorie",
                signed_on=dt.date(2020, 12, 1),
            ),
        )
        staff = budget.create_line(
            session, actor, cid, budget.LineInput("Personale", CostCategory.STAFF, D("50000.00"))
        )
        goods = budget.create_line(
            session,
            actor,
            cid,
            budget.LineInput("Beni e servizi", CostCategory.GOODS_AND_SERVICES, D("30000.00")),
        )
        families = budget.create_line(
            session,
            actor,
            cid,
            budget.LineInput(
                "Contributi famiglie", CostCategory.FAMILY_CONTRIBUTIONS, D("20000.00")
            ),
        )
    return Plan(cid, staff, goods, families)


def spend(
    line_id: int,
    amount: str,
    *,
    number: str = "F-1",
    day: dt.date = dt.date(2021, 3, 15),
    eligible: str | None = None,
    supplier: str = "Cartoleria Adriatica srl",
    tax_code: str | None = "02345670422",
) -> expenditures.ExpenditureInput:
    return expenditures.ExpenditureInput(
        document_type="Fattura",
        number=number,
        document_date=day,
        supplier_name=supplier,
        amount=D(amount),
        eligible=D(eligible if eligible is not None else amount),
        budget_line_id=line_id,
        supplier_tax_code=tax_code,
        paid_on=day,
        payment_method="bonifico",
    )
