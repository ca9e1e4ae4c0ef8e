"""The printed documents of accoglienza in famiglia, filled from the database:

* ``accordo-famiglia --person CODICE [--family F]``: the hosting agreement (the person's
  latest, or the one with family F when the person had several);
* ``ricevuta-contributo --family F --person CODICE --month mm/yyyy``: the receipt of a paid
  month (money: coordinatore, admin), numbered in the office's outgoing register when first
  printed (:func:`receipt_protocol`);
* ``pagamenti-famiglie --month mm/yyyy``: the month's payment list for the accounts office
  (money), also as XLSX with :func:`write_payment_list_xlsx`.

:func:`tit_desktop.services.forms.print_document` checks the selectors, reading and
exporting, and records the printing; the fillers check what else their data needs.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from pathlib import Path
from typing import IO

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from tit_desktop.models import HostFamily, HostingContribution, Person
from tit_desktop.models.audit import AuditAction
from tit_desktop.reports import hosting_forms
from tit_desktop.services import audit, clock, forms, hosting, numbering, persons
from tit_desktop.services.errors import NotFound, ValidationError
from tit_desktop.services.permissions import Actor, Permission, require


def _birth(person: Person) -> str:
    parts = []
    if person.birth_date is not None:
        parts.append(f"{person.birth_date:%d/%m/%Y}")
    place = persons.place_label(person.birth_place_code, person.birth_place_text)
    if place:
        parts.append(place)
    return ", ".join(parts)


def _fill_agreement(
    session: Session,
    actor: Actor,
    selection: Mapping[str, str],
    lang: str,
    out: str | Path | IO[bytes],
) -> forms.Printed:
    agreement = hosting.agreement_for(session, selection["person"], selection.get("family"))
    person = session.get(Person, agreement.person_id)
    family = session.get(HostFamily, agreement.family_id)
    assert person is not None and family is not None
    money = actor.can(Permission.READ_MONEY)
    hosting_forms.render_agreement(
        hosting_forms.AgreementData(
            family=family.name,
            contact_person=family.contact_person or "",
            members=family.members or "",
            address=family.address or "",
            phone=family.phone or "",
            iban=hosting.iban_grouped(family.iban) if money else "",
            person_code=person.code,
            person_name=f"{person.last_name} {person.first_name}",
            person_birth=_birth(person),
            start_date=agreement.start_date,
            end_date=agreement.end_date,
            time=agreement.time.value,
            monthly_amount=agreement.monthly_amount if money else None,
            pro_rata_rule=hosting.PRO_RATA_RULE,
            document_date=clock.today(),
        ),
        out,
    )
    return forms.Printed("hosting_agreement", agreement.id, person.id)


def receipt_protocol(
    session: Session,
    actor: Actor,
    row: HostingContribution,
    family: HostFamily,
    person: Person,
) -> numbering.Protocol:
    """The receipt's number of the outgoing register: the one it was given when first
    printed, or the next for today, taken in the printing transaction (a print that fails
    gives it back) and recorded in the activity log. ``row`` must have been read with a
    row lock, so two PCs printing the month's first receipt at once share one number.

    The number is written without touching the row's version: it is no field anyone
    edits, and printing must not make a colleague's open ledger stale."""
    kept = numbering.stored_protocol(row.receipt_protocol, row.receipt_protocol_on)
    if kept is not None:
        return kept
    protocol = numbering.issue_protocol(session, clock.today())
    session.execute(
        update(HostingContribution)
        .where(HostingContribution.id == row.id)
        .values(receipt_protocol=protocol.text, receipt_protocol_on=protocol.day)
        .execution_options(
            **audit.audited_elsewhere("protocollo della ricevuta, registrato con audit.record")
        )
    )
    audit.record(
        session,
        actor,
        AuditAction.EXPORT,
        "hosting_contribution",
        row.id,
        detail=(
            f"Protocollo n. {protocol.cited}: ricevuta del contributo di "
            f"{hosting.month_text(row.month)} alla famiglia «{family.name}» per {person.code}"
        ),
        changes={"receipt_protocol": protocol.text},
        person_id=person.id,
    )
    return protocol


def _fill_receipt(
    session: Session,
    actor: Actor,
    selection: Mapping[str, str],
    lang: str,
    out: str | Path | IO[bytes],
) -> forms.Printed:
    require(actor, Permission.READ_MONEY)
    month = hosting.parse_month(selection["month"])
    agreement = hosting.agreement_for(session, selection["person"], selection["family"], month)
    # Locked until the print commits (PostgreSQL; SQLite has one writer): a colleague's
    # first print of the same receipt waits, then reads the number this one gives.
    row = session.scalar(
        select(HostingContribution)
        .where(HostingContribution.agreement_id == agreement.id, HostingContribution.month == month)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if row is None:
        raise NotFound(f"Nessun contributo registrato per il mese {hosting.month_text(month)}.")
    if row.paid_on is None or row.paid_amount is None:
        raise ValidationError(
            {
                "month": f"il contributo di {hosting.month_text(month)} non risulta pagato: "
                "la ricevuta si stampa dopo il pagamento"
            }
        )
    person = session.get(Person, agreement.person_id)
    family = session.get(HostFamily, agreement.family_id)
    assert person is not None and family is not None
    protocol = receipt_protocol(session, actor, row, family, person)
    hosting_forms.render_receipt(
        hosting_forms.ReceiptData(
            family=family.name,
            contact_person=family.contact_person or "",
            iban=hosting.iban_grouped(family.iban),
            person_code=person.code,
            person_name=f"{person.last_name} {person.first_name}",
            month=month,
            days=hosting.days_hosted(agreement.start_date, agreement.end_date, month),
            days_in_month=calendar.monthrange(month.year, month.month)[1],
            time=agreement.time.value,
            monthly_amount=agreement.monthly_amount,
            amount_due=row.amount_due,
            paid_on=row.paid_on,
            paid_amount=row.paid_amount,
            document_date=clock.today(),
            protocol=protocol.cited,
        ),
        out,
    )
    return forms.Printed("hosting_contribution", row.id, person.id)


def payment_list_data(
    session: Session, actor: Actor, month_text: str
) -> tuple[hosting_forms.PaymentListData, tuple[int, ...]]:
    """The month's list as the documents print it, and the persons it names."""
    month = hosting.parse_month(month_text)
    found = hosting.payment_list(session, actor, month)
    codes = {line.person_code for line in found.lines}
    ids = tuple(
        sorted(session.scalars(select(Person.id).where(Person.code.in_(sorted(codes)))))
        if codes
        else ()
    )
    data = hosting_forms.PaymentListData(
        month=month,
        lines=[
            hosting_forms.PaymentListLine(
                family=line.family,
                contact_person=line.contact_person,
                iban=hosting.iban_grouped(line.iban),
                person=f"{line.person_code} {line.person_name}",
                time=line.time,
                days=line.days,
                amount_due=line.amount_due,
                paid_on=line.paid_on,
                paid_amount=line.paid_amount,
            )
            for line in found.lines
        ],
        total_due=found.total_due,
        total_paid=found.total_paid,
        pro_rata_rule=hosting.PRO_RATA_RULE,
        document_date=clock.today(),
    )
    return data, ids


def _fill_payment_list(
    session: Session,
    actor: Actor,
    selection: Mapping[str, str],
    lang: str,
    out: str | Path | IO[bytes],
) -> forms.Printed:
    require(actor, Permission.READ_MONEY)
    data, ids = payment_list_data(session, actor, selection["month"])
    hosting_forms.render_payment_list(data, out)
    return forms.Printed("hosting_contribution", None, subjects=ids)


def write_payment_list_xlsx(
    session: Session, actor: Actor, month_text: str, out: str | Path | IO[bytes]
) -> int:
    """The month's payment list as a spreadsheet (for the accounts office); audited like a
    printed form. Returns the number of lines."""
    require(actor, Permission.READ_MONEY)
    require(actor, Permission.EXPORT_DATA)
    data, ids = payment_list_data(session, actor, month_text)
    hosting_forms.write_payment_list_xlsx(data, out)
    audit.record(
        session,
        actor,
        AuditAction.EXPORT,
        "hosting_contribution",
        None,
        detail=f"elenco pagamenti famiglie {hosting.month_text(data.month)} (xlsx)",
        subjects=ids,
    )
    return len(data.lines)


forms.register_filler(hosting_forms.AGREEMENT_FORM, _fill_agreement)
forms.register_filler(hosting_forms.RECEIPT_FORM, _fill_receipt)
forms.register_filler(hosting_forms.PAYMENT_LIST_FORM, _fill_payment_list)
