"""Demo data of the Convenzione area: the real convention TIU (signed 01/12/2020, activities
ended 03/12/2023 after an extension), its budget plan, a variation, partners, about 150
expenditures with realistic suppliers, and the first payment request submitted."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from sqlalchemy.orm import Session

from tit_desktop.models import BudgetLine, CostCategory, Organisation
from tit_desktop.services import clock
from tit_desktop.services.convention import (
    budget,
    conventions,
    deadlines,
    expenditures,
    payment_requests,
)
from tit_desktop.services.permissions import Actor, Permission

TIU_CUP = "E37H20000620001"
D = Decimal


def vat_number(rng: random.Random) -> str:
    """A random partita IVA with its right check digit (province code of Ancona, 042)."""
    body = f"0{rng.randint(100000, 999999)}042"
    total = 0
    for index, char in enumerate(body):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value * 2 > 9 else value * 2
        total += value
    return body + str((10 - total % 10) % 10)


_LINES = (
    (
        "A1 Accoglienza in famiglia - personale",
        "Accoglienza in famiglia",
        CostCategory.STAFF,
        "60000.00",
    ),
    (
        "A1 Contributi alle famiglie ospitanti",
        "Accoglienza in famiglia",
        CostCategory.FAMILY_CONTRIBUTIONS,
        "180000.00",
    ),
    ("A2 Percorsi - personale", "Percorsi di accompagnamento", CostCategory.STAFF, "90000.00"),
    (
        "A2 Indennità di tirocinio",
        "Percorsi di accompagnamento",
        CostCategory.TRAINEESHIP_ALLOWANCES,
        "96000.00",
    ),
    (
        "A2 Corsi e formazione",
        "Percorsi di accompagnamento",
        CostCategory.GOODS_AND_SERVICES,
        "45000.00",
    ),
    ("A3 Bassa soglia - personale", "Servizi a bassa soglia", CostCategory.STAFF, "110000.00"),
    (
        "A3 Mensa, coperte e beni di prima necessità",
        "Servizi a bassa soglia",
        CostCategory.GOODS_AND_SERVICES,
        "70000.00",
    ),
    (
        "A4 Welfare di comunità - eventi e materiali",
        "Welfare di comunità",
        CostCategory.GOODS_AND_SERVICES,
        "25000.00",
    ),
    ("Spese generali", None, CostCategory.OVERHEADS, "30000.00"),
)

_SUPPLIERS = {
    CostCategory.GOODS_AND_SERVICES: (
        ("Ristorazione Collettiva Adriatica srl", "Fattura"),
        ("Forniture Sanitarie Marche spa", "Fattura"),
        ("Cartoleria del Passetto snc", "Fattura"),
        ("Ente di Formazione Conero", "Fattura"),
        ("Tipografia Dorica srl", "Fattura"),
    ),
    CostCategory.OVERHEADS: (
        ("Studio Commercialista Bianchi", "Fattura"),
        ("Energia Marche spa", "Bolletta"),
        ("Assicurazioni Riunite Ancona", "Polizza"),
    ),
}


def fill(
    session: Session, actor: Actor, rng: random.Random, orgs: list[Organisation]
) -> dict[str, int]:
    """The TIU convention with its paperwork; nothing when the actor may not write money."""
    if not actor.can(Permission.WRITE_MONEY):
        return {}
    convention_id = conventions.create_convention(
        session,
        actor,
        conventions.ConventionInput(
            short_name="TIU",
            title="Tessiture Integrate Urbane: dai luoghi comuni al senso dei luoghi",
            cup=TIU_CUP,
            funder="Ministero del Lavoro e delle Politiche Sociali - DG dell'Immigrazione e "
            "delle Politiche di integrazione",
            fund="Fondo Politiche Migratorie (avviso del 1 agosto 2019)",
            signed_on=dt.date(2020, 12, 1),
            starts_on=dt.date(2020, 12, 1),
            ends_on=dt.date(2023, 6, 30),
            total=D("706000.00"),
            co_funding=D("35300.00"),
        ),
    )
    conventions.add_extension(
        session,
        actor,
        convention_id,
        dt.date(2023, 12, 3),
        "Proroga concessa dal Ministero per completare i percorsi avviati",
        dt.date(2023, 5, 22),
    )
    partners = [o for o in orgs if o.is_partner]
    for org, share in zip(partners, ("180000.00", "140000.00", "40000.00"), strict=False):
        conventions.set_partner(
            session, actor, convention_id, org.id, D(share), "partner attuatore"
        )
    lines: dict[str, tuple[int, CostCategory]] = {}
    for name, action, category, planned in _LINES:
        line_id = budget.create_line(
            session, actor, convention_id, budget.LineInput(name, category, D(planned), action)
        )
        lines[name] = (line_id, category)
    # A rimodulazione: less on courses, more on the canteen (the lines still add up to the
    # total once the overheads give the difference back: the screen shows it meanwhile).
    courses = lines["A2 Corsi e formazione"][0]
    version = session.get_one(BudgetLine, courses).version
    budget.vary_line(
        session,
        actor,
        courses,
        version,
        dt.date(2022, 3, 15),
        D("38000.00"),
        "Corsi online nel 2021: meno costi di aula",
    )
    canteen = lines["A3 Mensa, coperte e beni di prima necessità"][0]
    version = session.get_one(BudgetLine, canteen).version
    budget.vary_line(
        session,
        actor,
        canteen,
        version,
        dt.date(2022, 3, 15),
        D("77000.00"),
        "Più pasti nell'inverno 2021-2022",
    )
    suppliers = {
        category: [(name, kind, vat_number(rng)) for name, kind in entries]
        for category, entries in _SUPPLIERS.items()
    }
    planned_of = {
        line_id: D(p) for (line_id, _c), (_n, _a, _k, p) in zip(lines.values(), _LINES, strict=True)
    }
    planned_of[courses] = D("38000.00")
    planned_of[canteen] = D("77000.00")
    count = 0
    month = dt.date(2020, 12, 1)
    numbers: dict[str, int] = {}
    while month <= dt.date(2023, 11, 1):
        for name, (line_id, category) in lines.items():
            if category in (CostCategory.FAMILY_CONTRIBUTIONS, CostCategory.TRAINEESHIP_ALLOWANCES):
                continue  # they come from the payments of those areas
            entries: list[tuple[str, str, str | None]]
            if category is CostCategory.STAFF:
                entries = [("Comune di Ancona - Ufficio personale", "Cedolino", None)]
                factor = rng.uniform(0.85, 1.0)
            else:
                if rng.random() < 0.45:
                    continue
                entries = [rng.choice(suppliers[category])]
                factor = rng.uniform(0.5, 1.1) / 0.55
            # About the line's monthly share of its plan over the 36 months.
            amount = D(int(planned_of[line_id] * 100 * D(factor) / 36)).scaleb(-2)
            supplier, kind, tax_code = entries[0]
            numbers[supplier] = numbers.get(supplier, 0) + 1
            day = month + dt.timedelta(days=rng.randint(0, 27))
            vat = (
                (amount * D("0.22") / D("1.22")).quantize(D("0.01")) if kind == "Fattura" else D(0)
            )
            expenditures.create_expenditure(
                session,
                actor,
                convention_id,
                expenditures.ExpenditureInput(
                    document_type=kind,
                    number=f"{numbers[supplier]}/{day.year}"
                    if kind != "Cedolino"
                    else f"{name[:2]}-{day:%m%Y}",
                    document_date=day,
                    supplier_name=supplier,
                    supplier_tax_code=tax_code,
                    amount=amount,
                    vat=vat,
                    eligible=amount,
                    budget_line_id=line_id,
                    paid_on=day + dt.timedelta(days=rng.randint(5, 40)),
                    payment_method="bonifico",
                    description=f"{name} - {day:%m/%Y}",
                ),
            )
            count += 1
        month = (month + dt.timedelta(days=32)).replace(day=1)
    # Two the register flags: an invoice entered twice, one dated before the start.
    goods = lines["A3 Mensa, coperte e beni di prima necessità"][0]
    supplier, kind, tax_code = suppliers[CostCategory.GOODS_AND_SERVICES][0]
    for day in (dt.date(2022, 2, 10), dt.date(2022, 2, 12)):
        expenditures.create_expenditure(
            session,
            actor,
            convention_id,
            expenditures.ExpenditureInput(
                document_type=kind,
                number="77/2022",
                document_date=day,
                supplier_name=supplier,
                supplier_tax_code=tax_code,
                amount=D("1830.00"),
                vat=D("330.00"),
                eligible=D("1830.00"),
                budget_line_id=goods,
                paid_on=day,
                payment_method="bonifico",
            ),
        )
    expenditures.create_expenditure(
        session,
        actor,
        convention_id,
        expenditures.ExpenditureInput(
            document_type="Fattura",
            number="3/2020",
            document_date=dt.date(2020, 11, 20),
            supplier_name="Tipografia Dorica srl",
            supplier_tax_code=vat_number(rng),
            amount=D("420.00"),
            vat=D("75.74"),
            eligible=D("420.00"),
            budget_line_id=lines["A4 Welfare di comunità - eventi e materiali"][0],
            payment_method="bonifico",
        ),
    )
    count += 3
    payment_requests.submit(
        session,
        actor,
        convention_id,
        dt.date(2020, 12, 1),
        dt.date(2021, 12, 31),
        dt.date(2022, 1, 28),
    )
    deadlines.add_quarterly_monitoring(session, actor, convention_id)
    for row in deadlines.deadlines(session, actor, convention_id):
        deadlines.mark_done(
            session,
            actor,
            row.id,
            row.version,
            row.due_on - dt.timedelta(days=rng.randint(1, 9)),
            f"Scheda di monitoraggio {row.title[-7:]} inviata via PEC",
        )
    deadlines.add_deadline(
        session,
        actor,
        convention_id,
        "Verifica amministrativo-contabile finale",
        clock.today() + dt.timedelta(days=12),
        remind_days=30,
    )
    return {"convenzioni": 1, "voci di budget": len(lines), "spese": count}
