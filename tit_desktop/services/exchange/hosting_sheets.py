"""The ``Famiglie``, ``Accoglienze`` and ``Contributi`` sheets (DOMAIN.md 8).

``Famiglie`` (Famiglia*, Referente, Indirizzo, IBAN)
    One row per host family; ``Famiglia`` is the key (case ignored). A new name creates the
    family, a recorded one is updated with the columns the sheet has (a blank cell clears).
    The IBAN is checked (ISO 13616); it is money data: a role without money neither sees it
    in an export (the column is left out, so that the file imported back by a coordinatore
    keeps the IBANs) nor changes it by an import (the column is ignored, with a warning).

``Accoglienze`` (Famiglia*, Codice*, Dal*, Al, Tempo*, Contributo mensile*)
    One row per agreement: the family (recorded, or in the file's Famiglie sheet), the
    person (recorded, or in the file's Beneficiari sheet), ``Dal``/``Al`` both included,
    ``Tempo`` pieno or parziale, the monthly amount. A row whose family, person and ``Dal``
    match a recorded agreement updates it. Two agreements of a person that overlap are an
    error (on the later row, naming the earlier row or the recorded agreement), and so is
    a start before the person's intake. Each new agreement gets its contributions ledger.

``Contributi`` (Famiglia*, Codice*, Mese*, Importo*, Data pagamento*)
    One row per month paid: ``Mese`` (mm/yyyy) inside the period of the agreement found by
    Famiglia + Codice (recorded or in the file's Accoglienze sheet), at most one row per
    agreement and month. The month of the ledger is marked paid on ``Data pagamento`` with
    ``Importo``; each payment goes to :mod:`tit_desktop.services.expenditure_feed`.

Accoglienze and Contributi carry money: importing them needs WRITE_MONEY, exporting them
READ_MONEY. Export writes families by name, agreements by family, Codice and start, paid
months by family, Codice and month; persons merged or anonymised are left out, as in
Beneficiari.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tit_desktop.models import (
    HostFamily,
    HostingAgreement,
    HostingContribution,
    HostingTime,
    Person,
)
from tit_desktop.services import audit, bulk, expenditure_feed, hosting, persons
from tit_desktop.services.errors import ValidationError
from tit_desktop.services.exchange.cells import CellError, parse_amount, parse_date, parse_text
from tit_desktop.services.exchange.model import AuditSummary, ImportContext, ParsedRow, SheetCounts
from tit_desktop.services.exchange.sheets import Column, ExportOptions, SheetSpec, register
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.text import clean, fold

FAMILIES = "Famiglie"
AGREEMENTS = "Accoglienze"
CONTRIBUTIONS = "Contributi"
FAR = dt.date(9999, 12, 31)


# --- cells -----------------------------------------------------------------------------


def parse_non_negative_amount(value: Any) -> Decimal:
    amount = parse_amount(value)
    if amount < 0:
        raise CellError("l'importo non può essere negativo")
    return amount


def parse_time(value: Any) -> HostingTime:
    text = parse_text(value).casefold()
    for time in HostingTime:
        if text in (time.value, f"tempo {time.value}"):
            return time
    raise CellError(f"«{parse_text(value)}» non previsto: indicare pieno o parziale")


def parse_month_cell(value: Any) -> dt.date:
    """``mm/yyyy`` text, or a real date (its month)."""
    if isinstance(value, dt.datetime):
        return value.date().replace(day=1)
    if isinstance(value, dt.date):
        return value.replace(day=1)
    text = parse_text(value)
    try:
        return hosting.parse_month(text)
    except ValidationError:
        raise CellError(f"«{text}» non è un mese nel formato mm/aaaa") from None


def _key(name: str) -> str:
    return name.strip().casefold()


def _d(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _overlap(
    a_start: dt.date, a_end: dt.date | None, b_start: dt.date, b_end: dt.date | None
) -> bool:
    return a_start <= (b_end or FAR) and b_start <= (a_end or FAR)


# --- Famiglie ----------------------------------------------------------------------------


FAMILY_COLUMNS = (
    Column("Famiglia", "name", parse_text, required=True),
    Column("Referente", "contact_person", parse_text),
    Column("Indirizzo", "address", parse_text),
    Column("IBAN", "iban", parse_text, read_permission=Permission.READ_MONEY),
)
_FAMILY_FIELD_COLUMN = {"name": "Famiglia", "contact_person": "Referente", "address": "Indirizzo"}


@dataclass
class _FamilyPlan:
    row: int
    data: hosting.FamilyInput
    family: HostFamily | None
    changed: bool


class FamiliesHandler:
    def __init__(self) -> None:
        self.plans: list[_FamilyPlan] = []

    def check(self, ctx: ImportContext, rows: list[ParsedRow], present: frozenset[str]) -> None:
        session = ctx.session
        existing = {_key(f.name): f for f in session.scalars(select(HostFamily))}
        money = ctx.actor.can(Permission.WRITE_MONEY)
        if "iban" in present and not money and rows:
            ctx.warning(
                FAMILIES,
                None,
                "IBAN",
                f"il ruolo «{ctx.actor.role_label}» non gestisce i dati economici: la colonna "
                "IBAN è ignorata e gli IBAN registrati restano come sono",
            )
        seen: dict[str, int] = ctx.shared.setdefault("family_rows", {})
        for row in rows:
            name = clean(row.values.get("name"))
            if not name:
                continue
            earlier = seen.get(_key(name))
            if earlier is not None:
                ctx.error(
                    FAMILIES,
                    row.number,
                    "Famiglia",
                    f"la famiglia «{name}» è già alla riga {earlier}",
                )
                continue
            seen[_key(name)] = row.number
            if not row.ok:
                continue
            family = existing.get(_key(name))
            base = (
                hosting.FamilyInput(
                    name=family.name,
                    contact_person=family.contact_person,
                    members=family.members,
                    address=family.address,
                    phone=family.phone,
                    iban=family.iban,
                    availability=family.availability,
                    notes=family.notes,
                    active=family.active,
                )
                if family is not None
                else hosting.FamilyInput(name=name)
            )
            data = hosting.FamilyInput(**vars(base))
            data.name = family.name if family is not None else name
            for key in ("contact_person", "address"):
                if key in present:
                    setattr(data, key, row.values.get(key))
            if "iban" in present and money:
                data.iban = row.values.get("iban")
            problems = hosting.family_problems(data)
            for field, message in problems.items():
                column = _FAMILY_FIELD_COLUMN.get(field, "IBAN" if field == "iban" else field)
                ctx.error(FAMILIES, row.number, column, message)
            if problems:
                continue
            normal = hosting.normalise_family(data)
            changed = family is None or any(
                getattr(normal, k) != getattr(family, k)
                for k in ("contact_person", "address", "iban")
            )
            self.plans.append(_FamilyPlan(row.number, normal, family, changed))

    def counts(self) -> SheetCounts:
        created = sum(1 for p in self.plans if p.family is None)
        updated = sum(1 for p in self.plans if p.family is not None and p.changed)
        return SheetCounts(created, updated, len(self.plans) - created - updated)

    def write(self, ctx: ImportContext, summary: AuditSummary) -> None:
        session = ctx.session
        with bulk.writing(
            session,
            ctx.actor,
            HostFamily,
            action=summary.action,
            detail=summary.detail,
            changes=summary.changes,
        ) as batch:
            for plan in self.plans:
                if plan.family is not None and plan.changed:
                    plan.family.contact_person = plan.data.contact_person
                    plan.family.address = plan.data.address
                    plan.family.iban = plan.data.iban
            session.flush()
            new = [
                {
                    "name": p.data.name,
                    "contact_person": p.data.contact_person,
                    "address": p.data.address,
                    "iban": p.data.iban,
                    "active": True,
                }
                for p in self.plans
                if p.family is None
            ]
            if new:
                batch.insert(new)


def export_families(session: Session, actor: Actor, options: ExportOptions) -> list[list[Any]]:
    require(actor, Permission.READ_REGISTRY)
    money = actor.can(Permission.READ_MONEY)
    rows = [
        [f.name, f.contact_person, f.address, f.iban if money else None]
        for f in session.scalars(select(HostFamily))
    ]
    rows.sort(key=lambda r: (fold(r[0]), r[0]))
    return rows


# --- Accoglienze ---------------------------------------------------------------------------


AGREEMENT_COLUMNS = (
    Column("Famiglia", "family", parse_text, required=True),
    Column("Codice", "code", parse_text, required=True),
    Column("Dal", "start_date", parse_date, required=True),
    Column("Al", "end_date", parse_date),
    Column("Tempo", "time", parse_time, required=True),
    Column("Contributo mensile", "monthly_amount", parse_non_negative_amount, required=True),
)


@dataclass
class _AgreementPlan:
    row: int
    family: str  # as recorded or as in the file
    code: str
    start: dt.date
    end: dt.date | None
    time: HostingTime
    amount: Decimal
    agreement: HostingAgreement | None
    changed: bool


@dataclass(frozen=True)
class FileAgreement:
    """An agreement as the file's Accoglienze sheet has it (for the Contributi sheet)."""

    row: int
    family_key: str
    code: str
    start: dt.date
    end: dt.date | None
    time: HostingTime
    amount: Decimal


def _person_facts(session: Session, codes: Sequence[str]) -> dict[str, Person]:
    found: dict[str, Person] = {}
    for offset in range(0, len(codes), 900):
        chunk = list(codes[offset : offset + 900])
        for person in session.scalars(select(Person).where(Person.code.in_(chunk))):
            found[person.code] = person
    return found


class AgreementsHandler:
    def __init__(self) -> None:
        self.plans: list[_AgreementPlan] = []

    def check(self, ctx: ImportContext, rows: list[ParsedRow], present: frozenset[str]) -> None:
        session = ctx.session
        families = {_key(f.name): f for f in session.scalars(select(HostFamily))}
        file_families: dict[str, int] = ctx.shared.get("family_rows", {})
        file_persons: dict[str, int] = ctx.shared.get("person_rows", {})
        file_intake: dict[str, dt.date] = ctx.shared.get("person_intake", {})
        codes = sorted({clean(r.values.get("code")) or "" for r in rows} - {""})
        people = _person_facts(session, codes)
        recorded: dict[int, list[HostingAgreement]] = {}
        ids = [p.id for p in people.values()]
        for offset in range(0, len(ids), 900):
            query = select(HostingAgreement).where(
                HostingAgreement.person_id.in_(ids[offset : offset + 900])
            )
            for agreement in session.scalars(query):
                recorded.setdefault(agreement.person_id, []).append(agreement)
        names = {f.id: f.name for f in families.values()}
        in_file: dict[str, list[FileAgreement]] = {}
        shared: list[FileAgreement] = ctx.shared.setdefault("agreement_rows", [])
        for row in rows:
            if not row.ok:
                continue
            family_name = clean(row.values.get("family")) or ""
            code = clean(row.values.get("code")) or ""
            start: dt.date = row.values["start_date"]
            end: dt.date | None = row.values.get("end_date")
            time: HostingTime = row.values["time"]
            amount: Decimal = row.values["monthly_amount"]
            family = families.get(_key(family_name))
            if family is None and _key(family_name) not in file_families:
                ctx.error(
                    AGREEMENTS,
                    row.number,
                    "Famiglia",
                    f"nessuna famiglia «{family_name}» (né registrata né nel foglio Famiglie)",
                )
                continue
            person = people.get(code)
            if person is None and code not in file_persons:
                ctx.error(
                    AGREEMENTS,
                    row.number,
                    "Codice",
                    f"nessuna persona con codice «{code}» (né registrata né nel foglio "
                    "Beneficiari)",
                )
                continue
            if person is not None and (person.merged_into_id or person.anonymised_at):
                ctx.error(
                    AGREEMENTS,
                    row.number,
                    "Codice",
                    f"la scheda con il codice «{code}» è stata unita a un'altra o anonimizzata",
                )
                continue
            if end is not None and end < start:
                ctx.error(AGREEMENTS, row.number, "Al", f"precede Dal ({_d(start)})")
                continue
            intake = file_intake.get(code) or (person.intake_date if person else None)
            if intake is not None and start < intake:
                ctx.error(
                    AGREEMENTS,
                    row.number,
                    "Dal",
                    f"precede la presa in carico della persona ({_d(intake)})",
                )
                continue
            conflict = False
            for other in in_file.get(code, []):
                if _overlap(start, end, other.start, other.end):
                    ctx.error(
                        AGREEMENTS,
                        row.number,
                        "Dal",
                        f"si sovrappone all'accoglienza della riga {other.row} "
                        f"(dal {_d(other.start)}"
                        + (f" al {_d(other.end)}" if other.end else "")
                        + ")",
                    )
                    conflict = True
                    break
            if conflict:
                continue
            same: HostingAgreement | None = None
            if person is not None and family is not None:
                for agreement in recorded.get(person.id, []):
                    if agreement.family_id == family.id and agreement.start_date == start:
                        same = agreement
            if person is not None:
                for agreement in recorded.get(person.id, []):
                    if agreement is same:
                        continue
                    if _overlap(start, end, agreement.start_date, agreement.end_date):
                        ctx.error(
                            AGREEMENTS,
                            row.number,
                            "Dal",
                            f"si sovrappone all'accoglienza registrata presso "
                            f"«{names.get(agreement.family_id, '?')}» "
                            + hosting.period_text(agreement.start_date, agreement.end_date),
                        )
                        conflict = True
                        break
            if conflict:
                continue
            entry = FileAgreement(row.number, _key(family_name), code, start, end, time, amount)
            in_file.setdefault(code, []).append(entry)
            shared.append(entry)
            changed = same is None or (same.end_date, same.time, same.monthly_amount) != (
                end,
                time,
                amount,
            )
            shown = family.name if family is not None else family_name
            self.plans.append(
                _AgreementPlan(row.number, shown, code, start, end, time, amount, same, changed)
            )

    def counts(self) -> SheetCounts:
        created = sum(1 for p in self.plans if p.agreement is None)
        updated = sum(1 for p in self.plans if p.agreement is not None and p.changed)
        return SheetCounts(created, updated, len(self.plans) - created - updated)

    def write(self, ctx: ImportContext, summary: AuditSummary) -> None:
        session = ctx.session
        family_ids = {
            _key(name): fid for fid, name in session.execute(select(HostFamily.id, HostFamily.name))
        }
        people = _person_facts(session, sorted({p.code for p in self.plans}))
        created: list[tuple[int, _AgreementPlan]] = []
        with bulk.writing(
            session,
            ctx.actor,
            HostingAgreement,
            action=summary.action,
            detail=summary.detail,
            changes=summary.changes,
        ) as batch:
            for plan in self.plans:
                if plan.agreement is not None and plan.changed:
                    plan.agreement.end_date = plan.end
                    plan.agreement.time = plan.time
                    plan.agreement.monthly_amount = plan.amount
                    session.flush()
                    hosting.sync_ledger(session, ctx.actor, plan.agreement, ctx.today)
            new = [p for p in self.plans if p.agreement is None]
            if new:
                ids = batch.insert(
                    [
                        {
                            "family_id": family_ids[_key(p.family)],
                            "person_id": people[p.code].id,
                            "start_date": p.start,
                            "end_date": p.end,
                            "time": p.time,
                            "monthly_amount": p.amount,
                        }
                        for p in new
                    ]
                )
                created = list(zip(ids, new, strict=True))
        if created:
            with bulk.writing(
                session,
                ctx.actor,
                HostingContribution,
                action=summary.action,
                detail=f"Registro dei contributi delle accoglienze importate ({summary.detail})",
            ) as ledger:
                rows = []
                for agreement_id, plan in created:
                    for month in hosting.months_of(plan.start, plan.end, ctx.today):
                        _days, due = hosting.amount_for_month(
                            plan.amount, plan.start, plan.end, month
                        )
                        rows.append(
                            {"agreement_id": agreement_id, "month": month, "amount_due": due}
                        )
                for offset in range(0, len(rows), 2000):
                    ledger.insert(rows[offset : offset + 2000])


def _exported_people(session: Session, actor: Actor, options: ExportOptions) -> set[int] | None:
    """The persons the export covers (None: every person neither merged nor anonymised)."""
    if options.person_filter is None:
        return None
    return set(persons.search_ids(session, actor, options.person_filter))


def export_agreements(session: Session, actor: Actor, options: ExportOptions) -> list[list[Any]]:
    require(actor, Permission.READ_MONEY)
    wanted = _exported_people(session, actor, options)
    query = (
        select(HostFamily.name, Person.id, Person.code, HostingAgreement)
        .join(HostFamily, HostFamily.id == HostingAgreement.family_id)
        .join(Person, Person.id == HostingAgreement.person_id)
        .where(Person.merged_into_id.is_(None), Person.anonymised_at.is_(None))
    )
    rows = []
    for family, person_id, code, agreement in session.execute(query):
        if wanted is not None and person_id not in wanted:
            continue
        rows.append(
            [
                family,
                code,
                agreement.start_date,
                agreement.end_date,
                agreement.time.value,
                agreement.monthly_amount,
            ]
        )
    rows.sort(key=lambda r: (fold(str(r[0])), str(r[0]), str(r[1]), r[2]))
    return rows


# --- Contributi --------------------------------------------------------------------------------


CONTRIBUTION_COLUMNS = (
    Column("Famiglia", "family", parse_text, required=True),
    Column("Codice", "code", parse_text, required=True),
    Column("Mese", "month", parse_month_cell, required=True),
    Column("Importo", "amount", parse_non_negative_amount, required=True),
    Column("Data pagamento", "paid_on", parse_date, required=True),
)


@dataclass
class _PaymentPlan:
    row: int
    family_key: str
    code: str
    start: dt.date  # the agreement's, which identifies it with family and person
    month: dt.date
    amount: Decimal
    paid_on: dt.date
    changed: bool


class ContributionsHandler:
    def __init__(self) -> None:
        self.plans: list[_PaymentPlan] = []

    def check(self, ctx: ImportContext, rows: list[ParsedRow], present: frozenset[str]) -> None:
        session = ctx.session
        file_agreements: list[FileAgreement] = ctx.shared.get("agreement_rows", [])
        codes = sorted({clean(r.values.get("code")) or "" for r in rows} - {""})
        people = _person_facts(session, codes)
        recorded: dict[tuple[str, str], list[tuple[dt.date, dt.date | None, int]]] = {}
        ids = {p.id: p.code for p in people.values()}
        keys = list(ids)
        for offset in range(0, len(keys), 900):
            query = (
                select(HostFamily.name, HostingAgreement)
                .join(HostFamily, HostFamily.id == HostingAgreement.family_id)
                .where(HostingAgreement.person_id.in_(keys[offset : offset + 900]))
            )
            for name, agreement in session.execute(query):
                recorded.setdefault((_key(name), ids[agreement.person_id]), []).append(
                    (agreement.start_date, agreement.end_date, agreement.id)
                )
        paid: dict[tuple[int, dt.date], tuple[dt.date | None, Decimal | None]] = {}
        agreement_ids = [a[2] for items in recorded.values() for a in items]
        for offset in range(0, len(agreement_ids), 900):
            months = select(HostingContribution).where(
                HostingContribution.agreement_id.in_(agreement_ids[offset : offset + 900])
            )
            for c in session.scalars(months):
                paid[(c.agreement_id, c.month)] = (c.paid_on, c.paid_amount)
        periods: dict[tuple[str, str], list[tuple[dt.date, dt.date | None, int | None]]] = {}
        for key, items in recorded.items():
            periods[key] = list(items)
        for entry in file_agreements:
            key = (entry.family_key, entry.code)
            kept = [p for p in periods.get(key, []) if p[0] != entry.start]
            periods[key] = [*kept, (entry.start, entry.end, None)]
        first_row: dict[tuple[str, str, dt.date, dt.date], int] = {}
        for row in rows:
            if not row.ok:
                continue
            family_name = clean(row.values.get("family")) or ""
            code = clean(row.values.get("code")) or ""
            month: dt.date = row.values["month"]
            amount: Decimal = row.values["amount"]
            paid_on: dt.date = row.values["paid_on"]
            key = (_key(family_name), code)
            candidates = periods.get(key, [])
            if not candidates:
                ctx.error(
                    CONTRIBUTIONS,
                    row.number,
                    "Codice",
                    f"nessuna accoglienza della persona «{code}» presso «{family_name}» "
                    "(né registrata né nel foglio Accoglienze)",
                )
                continue
            covering = [
                p
                for p in candidates
                if p[0] <= hosting.last_of_month(month) and (p[1] is None or p[1] >= month)
            ]
            if not covering:
                spans = "; ".join(
                    hosting.period_text(p[0], p[1]) for p in sorted(candidates, key=lambda p: p[0])
                )
                ctx.error(
                    CONTRIBUTIONS,
                    row.number,
                    "Mese",
                    f"il mese {hosting.month_text(month)} è fuori dal periodo dell'accoglienza "
                    f"({spans})",
                )
                continue
            start, _end, agreement_id = covering[0]
            earlier = first_row.get((key[0], code, start, month))
            if earlier is not None:
                ctx.error(
                    CONTRIBUTIONS,
                    row.number,
                    "Mese",
                    f"il mese {hosting.month_text(month)} di questa accoglienza è già alla "
                    f"riga {earlier}",
                )
                continue
            first_row[(key[0], code, start, month)] = row.number
            if paid_on > ctx.today:
                ctx.error(CONTRIBUTIONS, row.number, "Data pagamento", "non può essere nel futuro")
                continue
            if paid_on < start:
                ctx.error(
                    CONTRIBUTIONS,
                    row.number,
                    "Data pagamento",
                    f"precede l'inizio dell'accoglienza ({_d(start)})",
                )
                continue
            before = paid.get((agreement_id, month)) if agreement_id is not None else None
            changed = before is None or before != (paid_on, amount)
            if before is not None and before[0] is not None and changed:
                ctx.warning(
                    CONTRIBUTIONS,
                    row.number,
                    "Importo",
                    f"il contributo di {hosting.month_text(month)} risultava pagato il "
                    f"{_d(before[0])} ({hosting.euro(before[1] or Decimal(0))}): sarà corretto",
                )
            self.plans.append(
                _PaymentPlan(row.number, key[0], code, start, month, amount, paid_on, changed)
            )

    def counts(self) -> SheetCounts:
        changed = [p for p in self.plans if p.changed]
        return SheetCounts(0, len(changed), len(self.plans) - len(changed))

    def write(self, ctx: ImportContext, summary: AuditSummary) -> None:
        """Each month through the ORM (its audit row keeps the old values), and the payment
        passed to the expenditure register."""
        session = ctx.session
        changed = [p for p in self.plans if p.changed]
        people = _person_facts(session, sorted({p.code for p in self.plans}))
        audit.record(
            session,
            ctx.actor,
            summary.action,
            "hosting_contribution",
            None,
            detail=summary.detail,
            changes=summary.changes,
            subjects=sorted({person.id for person in people.values()}),
        )
        if not changed:
            return
        family_ids = {
            _key(n): i for i, n in session.execute(select(HostFamily.id, HostFamily.name))
        }
        people = _person_facts(session, sorted({p.code for p in changed}))
        for done, plan in enumerate(changed, start=1):
            agreement = session.scalars(
                select(HostingAgreement).where(
                    HostingAgreement.family_id == family_ids[plan.family_key],
                    HostingAgreement.person_id == people[plan.code].id,
                    HostingAgreement.start_date == plan.start,
                )
            ).one()
            row = session.scalars(
                select(HostingContribution).where(
                    HostingContribution.agreement_id == agreement.id,
                    HostingContribution.month == plan.month,
                )
            ).first()
            if row is None:  # a month of an open agreement not yet in its ledger
                _days, due = hosting.amount_for_month(
                    agreement.monthly_amount, agreement.start_date, agreement.end_date, plan.month
                )
                row = HostingContribution(agreement=agreement, month=plan.month, amount_due=due)
                session.add(row)
            row.agreement = agreement
            if (plan.paid_on, plan.amount) != (row.paid_on, row.paid_amount):
                hosting.cancel_receipt_protocol(
                    session, ctx.actor, row, "pagamento modificato dall'importazione"
                )
            row.paid_on = plan.paid_on
            row.paid_amount = plan.amount
            session.flush()
            expenditure_feed.payment_recorded(
                session, ctx.actor, hosting.payment_of(session, row, agreement)
            )
            if done % 200 == 0:
                ctx.cancel()
                ctx.progress(
                    done, len(changed), f"Scrittura dei contributi: {done} di {len(changed)}"
                )


def export_contributions(session: Session, actor: Actor, options: ExportOptions) -> list[list[Any]]:
    require(actor, Permission.READ_MONEY)
    wanted = _exported_people(session, actor, options)
    query = (
        select(HostFamily.name, Person.id, Person.code, HostingContribution)
        .join(HostingAgreement, HostingAgreement.id == HostingContribution.agreement_id)
        .join(HostFamily, HostFamily.id == HostingAgreement.family_id)
        .join(Person, Person.id == HostingAgreement.person_id)
        .where(
            HostingContribution.paid_on.is_not(None),
            Person.merged_into_id.is_(None),
            Person.anonymised_at.is_(None),
        )
    )
    rows: list[tuple[str, str, dt.date, Decimal | None, dt.date | None]] = []
    for family, person_id, code, row in session.execute(query):
        if wanted is not None and person_id not in wanted:
            continue
        rows.append((family, code, row.month, row.paid_amount, row.paid_on))
    rows.sort(key=lambda r: (fold(r[0]), r[0], r[1], r[2]))
    return [[f, c, hosting.month_text(m), amount, paid] for f, c, m, amount, paid in rows]


register(
    SheetSpec(
        name=FAMILIES,
        columns=FAMILY_COLUMNS,
        handler=FamiliesHandler,
        exporter=export_families,
        write_permission=Permission.WRITE_REGISTRY,
        read_permission=Permission.READ_REGISTRY,
        audit_entity="host_family",
    )
)
register(
    SheetSpec(
        name=AGREEMENTS,
        columns=AGREEMENT_COLUMNS,
        handler=AgreementsHandler,
        exporter=export_agreements,
        write_permission=Permission.WRITE_MONEY,
        read_permission=Permission.READ_MONEY,
        audit_entity="hosting_agreement",
    )
)
register(
    SheetSpec(
        name=CONTRIBUTIONS,
        columns=CONTRIBUTION_COLUMNS,
        handler=ContributionsHandler,
        exporter=export_contributions,
        write_permission=Permission.WRITE_MONEY,
        read_permission=Permission.READ_MONEY,
        audit_entity="hosting_contribution",
    )
)
