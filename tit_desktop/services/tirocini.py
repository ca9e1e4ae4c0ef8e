"""Tirocini di inclusione: host organisation (from the organisations registry), tutor,
period, monthly hours, the monthly indemnity by rule, monthly attendance, payments (each one
becomes an expenditure of the convention through :mod:`expenditure_feed`) and the printed
agreement (``progetto-tirocinio``).

The indemnity rule (stated on screen and in the agreement, :func:`indemnity_due`): the
tirocinio's monthly indemnity is for its planned monthly hours; a month with fewer hours
gets the share hours attended / hours planned (never more than the full indemnity), rounded
to the cent; a month below the tirocinio's minimum attendance (a percentage, 0 = none) gets
nothing. Money is the coordinator's: amounts are read with READ_MONEY and written with
WRITE_MONEY; operators record the tirocinio and its attendance.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session

from tit_desktop.models import Organisation, Person, StaffMember
from tit_desktop.models.columns import CENT, check_amount
from tit_desktop.models.pathways import Pathway, Tirocinio, TirocinioMonth, TirocinioPayment
from tit_desktop.reports import pathway_forms
from tit_desktop.services import clock, conflicts, expenditure_feed, forms, timeline
from tit_desktop.services.database import STALE_MESSAGE
from tit_desktop.services.errors import (
    ConflictError,
    NotFound,
    StaleRecord,
    ValidationError,
    register_labels,
)
from tit_desktop.services.money import format_amount
from tit_desktop.services.pathways import fmt
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.text import character_problem, clean

register_labels(
    {
        "host_id": "Ente ospitante",
        "tutor": "Tutor",
        "monthly_hours": "Ore mensili",
        "monthly_indemnity": "Indennità mensile",
        "minimum_attendance": "Frequenza minima",
        "objectives": "Obiettivi",
        "month": "Mese",
        "hours_attended": "Ore svolte",
        "amount": "Importo",
        "paid_on": "Data di pagamento",
    }
)

MAX_MONTHLY_HOURS = 744


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def indemnity_due(
    monthly_indemnity: Decimal | None, monthly_hours: int, minimum: int, hours: int
) -> Decimal | None:
    """The month's indemnity by the rule (None while the indemnity is not set)."""
    if monthly_indemnity is None:
        return None
    if hours * 100 < minimum * monthly_hours or hours <= 0:
        return Decimal("0.00")
    share = Decimal(min(hours, monthly_hours)) / Decimal(monthly_hours)
    return (monthly_indemnity * share).quantize(CENT, rounding=ROUND_HALF_UP)


def rule_text(monthly_indemnity: Decimal | None, monthly_hours: int, minimum: int) -> str:
    if monthly_indemnity is None:
        return "Indennità mensile non ancora stabilita dal coordinatore."
    return pathway_forms.indemnity_rule_text(monthly_indemnity, monthly_hours, minimum)


@dataclass(frozen=True)
class TirocinioInput:
    person_id: int = 0
    host_id: int | None = None
    tutor: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    monthly_hours: int | None = None
    monthly_indemnity: Decimal | None = None
    minimum_attendance: int = 0
    objectives: str | None = None


def _check(
    session: Session, actor: Actor, data: TirocinioInput, tirocinio: Tirocinio | None
) -> TirocinioInput:
    errors: dict[str, str] = {}
    person = session.get(Person, data.person_id)
    if person is None or person.merged_into_id is not None:
        raise ValidationError({"person_id": "persona non trovata"})
    if person.anonymised_at is not None:
        raise ConflictError(
            "La scheda è stata anonimizzata: non si possono più aggiungere o cambiare dati."
        )
    if data.host_id is None:
        errors["host_id"] = "campo obbligatorio"
    elif session.get(Organisation, data.host_id) is None:
        errors["host_id"] = "ente non trovato"
    tutor = clean(data.tutor)
    if tutor and (problem := character_problem(tutor)):
        errors["tutor"] = problem
    for name in ("start_date", "end_date"):
        if getattr(data, name) is None:
            errors[name] = "campo obbligatorio"
    if data.start_date and data.end_date and data.end_date < data.start_date:
        errors["end_date"] = (
            f"la fine ({fmt(data.end_date)}) non può precedere l'inizio ({fmt(data.start_date)})"
        )
    if data.start_date and data.start_date < person.intake_date:
        errors["start_date"] = (
            f"l'inizio ({fmt(data.start_date)}) non può precedere la presa in carico "
            f"({fmt(person.intake_date)})"
        )
    if data.monthly_hours is None:
        errors["monthly_hours"] = "campo obbligatorio"
    elif not 0 < data.monthly_hours <= MAX_MONTHLY_HOURS:
        errors["monthly_hours"] = f"da 1 a {MAX_MONTHLY_HOURS} ore"
    if not 0 <= data.minimum_attendance <= 100:
        errors["minimum_attendance"] = "una percentuale da 0 a 100"
    indemnity = data.monthly_indemnity
    old_indemnity = tirocinio.monthly_indemnity if tirocinio is not None else None
    if indemnity != old_indemnity and not actor.can(Permission.WRITE_MONEY):
        if actor.can(Permission.READ_MONEY) or indemnity is not None:
            require(actor, Permission.WRITE_MONEY)
        indemnity = old_indemnity  # a role that cannot see it leaves it as it is
    if indemnity is not None:
        try:
            check_amount(indemnity)
            if indemnity < 0:
                errors["monthly_indemnity"] = "un importo non può essere negativo"
        except (TypeError, ValueError):
            errors["monthly_indemnity"] = "importo non valido"
    objectives = (data.objectives or "").strip() or None
    if objectives and (problem := character_problem(objectives)):
        errors["objectives"] = problem
    if tirocinio is not None and data.start_date and data.end_date and not errors:
        outside = session.scalar(
            select(TirocinioMonth.month)
            .where(
                TirocinioMonth.tirocinio_id == tirocinio.id,
                (TirocinioMonth.month < month_start(data.start_date))
                | (TirocinioMonth.month > data.end_date),
            )
            .limit(1)
        )
        if outside is not None:
            errors["end_date" if outside > data.end_date else "start_date"] = (
                f"le presenze di {outside:%m/%Y} resterebbero fuori dal periodo"
            )
    if errors:
        raise ValidationError(errors)
    return replace(data, tutor=tutor, objectives=objectives, monthly_indemnity=indemnity)


def create_tirocinio(session: Session, actor: Actor, data: TirocinioInput) -> int:
    require(actor, Permission.WRITE_REGISTRY)
    data = _check(session, actor, data, None)
    row = Tirocinio(**data.__dict__)
    session.add(row)
    session.flush()
    return row.id


def _tirocinio(session: Session, tirocinio_id: int, version: int | None = None) -> Tirocinio:
    row = session.get(Tirocinio, tirocinio_id)
    if row is None:
        raise NotFound("Tirocinio non trovato (forse eliminato da un altro utente).")
    if version is not None and row.version != version:
        raise StaleRecord(STALE_MESSAGE)
    return row


def update_tirocinio(
    session: Session, actor: Actor, tirocinio_id: int, version: int, data: TirocinioInput
) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    row = _tirocinio(session, tirocinio_id, version)
    data = _check(session, actor, replace(data, person_id=row.person_id), row)
    for key, value in data.__dict__.items():
        setattr(row, key, value)
    session.flush()


def delete_tirocinio(session: Session, actor: Actor, tirocinio_id: int, version: int) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    row = _tirocinio(session, tirocinio_id, version)
    paid = session.scalar(
        select(TirocinioPayment.id).where(TirocinioPayment.tirocinio_id == row.id).limit(1)
    )
    if paid is not None:
        raise ConflictError(
            "Il tirocinio ha pagamenti registrati: toglierli prima (sono spese della convenzione)."
        )
    session.delete(row)
    session.flush()


# --- monthly attendance ----------------------------------------------------------------------


def record_month(
    session: Session, actor: Actor, tirocinio_id: int, month: dt.date, hours: int | None
) -> None:
    """The hours attended in ``month`` (any day of it); None removes the month's record."""
    require(actor, Permission.WRITE_REGISTRY)
    row = _tirocinio(session, tirocinio_id)
    first = month_start(month)
    if first > row.end_date or month_end(first) < row.start_date:
        raise ValidationError(
            {
                "month": f"{first:%m/%Y} è fuori dal periodo del tirocinio "
                f"(dal {fmt(row.start_date)} al {fmt(row.end_date)})"
            }
        )
    existing = session.scalar(
        select(TirocinioMonth).where(
            TirocinioMonth.tirocinio_id == row.id, TirocinioMonth.month == first
        )
    )
    if hours is None:
        paid = session.scalar(
            select(TirocinioPayment.id).where(
                TirocinioPayment.tirocinio_id == row.id, TirocinioPayment.month == first
            )
        )
        if paid is not None:
            raise ConflictError(f"Il mese {first:%m/%Y} è già pagato: togliere prima il pagamento.")
        if existing is not None:
            session.delete(existing)
            session.flush()
        return
    if not 0 <= hours <= MAX_MONTHLY_HOURS:
        raise ValidationError({"hours_attended": f"da 0 a {MAX_MONTHLY_HOURS} ore nel mese"})
    if existing is None:
        session.add(
            TirocinioMonth(
                tirocinio_id=row.id, person_id=row.person_id, month=first, hours_attended=hours
            )
        )
    else:
        existing.hours_attended = hours
    session.flush()


@conflicts.explains("uq_tirocinio_month_tirocinio_id_month")
def _month_twice(session: Session, violation: conflicts.Violation) -> str | None:
    pairs = violation.pairs("tirocinio_id", "month")
    if not pairs:
        return None
    return f"Le presenze di {pairs[0][1]:%m/%Y} di questo tirocinio sono già registrate."


# --- payments --------------------------------------------------------------------------------


def _feed(session: Session, actor: Actor, payment: TirocinioPayment, row: Tirocinio) -> None:
    person = session.get(Person, row.person_id)
    host = session.get(Organisation, row.host_id)
    assert person is not None
    expenditure_feed.payment_recorded(
        session,
        actor,
        expenditure_feed.Payment(
            source=expenditure_feed.PaymentSource.TIROCINIO_PAYMENT,
            source_id=payment.id,
            paid_on=payment.paid_on,
            amount=payment.amount,
            payee=f"{person.last_name} {person.first_name} ({person.code})",
            description=f"Indennità di tirocinio {payment.month:%m/%Y}"
            + (f" presso {host.name}" if host else ""),
            tax_code=person.fiscal_code,
        ),
    )


def record_payment(
    session: Session,
    actor: Actor,
    tirocinio_id: int,
    month: dt.date,
    amount: Decimal | None,
    paid_on: dt.date | None,
) -> int:
    """Pay the month's indemnity (at most what the rule gives for the hours recorded)."""
    require(actor, Permission.WRITE_MONEY)
    row = _tirocinio(session, tirocinio_id)
    first = month_start(month)
    errors: dict[str, str] = {}
    attendance = session.scalar(
        select(TirocinioMonth).where(
            TirocinioMonth.tirocinio_id == row.id, TirocinioMonth.month == first
        )
    )
    if attendance is None:
        errors["month"] = f"registrare prima le ore svolte a {first:%m/%Y}"
    if paid_on is None:
        errors["paid_on"] = "campo obbligatorio"
    elif paid_on < first:
        errors["paid_on"] = f"il pagamento non può precedere il mese pagato ({first:%m/%Y})"
    elif paid_on > clock.today():
        errors["paid_on"] = "data futura: si registra un pagamento fatto"
    if amount is None:
        errors["amount"] = "campo obbligatorio"
    elif amount < 0:
        errors["amount"] = "un importo non può essere negativo"
    elif attendance is not None:
        due = indemnity_due(
            row.monthly_indemnity,
            row.monthly_hours,
            row.minimum_attendance,
            attendance.hours_attended,
        )
        if due is None:
            errors["amount"] = "l'indennità mensile del tirocinio non è ancora stabilita"
        elif amount > due:
            errors["amount"] = (
                f"più dell'indennità spettante per {attendance.hours_attended} ore "
                f"({format_amount(due, 'EUR')})"
            )
    existing = session.scalar(
        select(TirocinioPayment).where(
            TirocinioPayment.tirocinio_id == row.id, TirocinioPayment.month == first
        )
    )
    if existing is not None:
        errors["month"] = (
            f"{first:%m/%Y} è già pagato ({format_amount(existing.amount, 'EUR')} il "
            f"{fmt(existing.paid_on)})"
        )
    if errors:
        raise ValidationError(errors)
    payment = TirocinioPayment(
        tirocinio_id=row.id, person_id=row.person_id, month=first, amount=amount, paid_on=paid_on
    )
    session.add(payment)
    session.flush()
    _feed(session, actor, payment, row)
    return payment.id


def remove_payment(session: Session, actor: Actor, payment_id: int, version: int) -> None:
    require(actor, Permission.WRITE_MONEY)
    payment = session.get(TirocinioPayment, payment_id)
    if payment is None:
        raise NotFound("Pagamento non trovato (forse tolto da un altro utente).")
    if payment.version != version:
        raise StaleRecord(STALE_MESSAGE)
    expenditure_feed.payment_removed(
        session, actor, expenditure_feed.PaymentSource.TIROCINIO_PAYMENT, payment.id
    )
    session.delete(payment)
    session.flush()


@conflicts.explains("uq_tirocinio_payment_tirocinio_id_month")
def _paid_twice(session: Session, violation: conflicts.Violation) -> str | None:
    pairs = violation.pairs("tirocinio_id", "month")
    if not pairs:
        return None
    other = session.scalar(
        select(TirocinioPayment).where(
            TirocinioPayment.tirocinio_id == pairs[0][0], TirocinioPayment.month == pairs[0][1]
        )
    )
    if other is None:
        return None
    return (
        f"Il mese {other.month:%m/%Y} è già pagato ({format_amount(other.amount, 'EUR')} il "
        f"{fmt(other.paid_on)})."
    )


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TirocinioView:
    id: int
    version: int
    person_id: int
    person_code: str
    person_name: str
    host_id: int
    host: str
    tutor: str
    start_date: dt.date
    end_date: dt.date
    monthly_hours: int
    monthly_indemnity: Decimal | None  # None: not set, or not for this role to see
    minimum_attendance: int
    objectives: str
    money_visible: bool

    @property
    def rule(self) -> str:
        if not self.money_visible:
            return "L'indennità è visibile al coordinatore."
        return rule_text(self.monthly_indemnity, self.monthly_hours, self.minimum_attendance)


def _view(session: Session, actor: Actor, row: Tirocinio) -> TirocinioView:
    person = session.get(Person, row.person_id)
    host = session.get(Organisation, row.host_id)
    assert person is not None
    money = actor.can(Permission.READ_MONEY)
    return TirocinioView(
        row.id,
        row.version,
        person.id,
        person.code,
        person.display_name,
        row.host_id,
        host.name if host else "",
        row.tutor or "",
        row.start_date,
        row.end_date,
        row.monthly_hours,
        row.monthly_indemnity if money else None,
        row.minimum_attendance,
        row.objectives or "",
        money,
    )


def get_tirocinio(session: Session, actor: Actor, tirocinio_id: int) -> TirocinioView:
    require(actor, Permission.READ_REGISTRY)
    return _view(session, actor, _tirocinio(session, tirocinio_id))


def list_tirocini(
    session: Session, actor: Actor, person_id: int | None = None
) -> list[TirocinioView]:
    require(actor, Permission.READ_REGISTRY)
    query = select(Tirocinio).order_by(Tirocinio.start_date.desc(), Tirocinio.id.desc())
    if person_id is not None:
        query = query.where(Tirocinio.person_id == person_id)
    return [_view(session, actor, row) for row in session.scalars(query.limit(2000))]


@dataclass(frozen=True)
class MonthRow:
    month: dt.date
    hours_attended: int | None
    indemnity_due: Decimal | None
    payment_id: int | None
    payment_version: int | None
    amount_paid: Decimal | None
    paid_on: dt.date | None


def months_of(session: Session, actor: Actor, tirocinio_id: int) -> list[MonthRow]:
    """Every month of the tirocinio's period, with the hours recorded and (for the roles
    that read money) the indemnity due and paid."""
    require(actor, Permission.READ_REGISTRY)
    row = _tirocinio(session, tirocinio_id)
    money = actor.can(Permission.READ_MONEY)
    hours = dict(
        session.execute(
            select(TirocinioMonth.month, TirocinioMonth.hours_attended).where(
                TirocinioMonth.tirocinio_id == row.id
            )
        ).all()
    )
    paid = {
        p.month: p
        for p in session.scalars(
            select(TirocinioPayment).where(TirocinioPayment.tirocinio_id == row.id)
        )
    }
    result = []
    month = month_start(row.start_date)
    while month <= row.end_date:
        h = hours.get(month)
        payment = paid.get(month)
        result.append(
            MonthRow(
                month,
                h,
                indemnity_due(row.monthly_indemnity, row.monthly_hours, row.minimum_attendance, h)
                if money and h is not None
                else None,
                payment.id if money and payment else None,
                payment.version if money and payment else None,
                payment.amount if money and payment else None,
                payment.paid_on if money and payment else None,
            )
        )
        month = month_end(month) + dt.timedelta(days=1)
    return result


def host_choices(session: Session, actor: Actor) -> list[tuple[int, str]]:
    """Organisations marked as internship hosts first, then the others."""
    require(actor, Permission.READ_REGISTRY)
    rows = session.execute(
        select(Organisation.id, Organisation.name, Organisation.is_internship_host)
        .where(Organisation.active.is_(True))
        .order_by(Organisation.is_internship_host.desc(), Organisation.name)
    )
    return [(r.id, r.name) for r in rows]


# --- timeline --------------------------------------------------------------------------------


def _timeline(session: Session, actor: Actor, person_id: int) -> list[timeline.TimelineEvent]:
    events = []
    for view in list_tirocini(session, actor, person_id):
        detail = f"{view.monthly_hours} ore al mese"
        if view.tutor:
            detail += f"; tutor {view.tutor}"
        events.append(
            timeline.TimelineEvent(
                view.start_date,
                "tirocini",
                f"Tirocinio presso {view.host}",
                detail,
                view.end_date,
                "tirocinio",
                view.id,
            )
        )
    return events


timeline.register_provider("tirocini", "Tirocini", _timeline)


# --- the printed agreement -------------------------------------------------------------------


def _fill_agreement(
    session: Session,
    actor: Actor,
    selection: Mapping[str, str],
    lang: str,
    out: str | Path | IO[bytes],
) -> forms.Printed:
    require(actor, Permission.READ_MONEY)  # the agreement states the indemnity
    person_id = forms.person_id_for_code(session, selection["person"])
    row = session.scalars(
        select(Tirocinio)
        .where(Tirocinio.person_id == person_id)
        .order_by(Tirocinio.start_date.desc(), Tirocinio.id.desc())
        .limit(1)
    ).first()
    if row is None:
        raise ValidationError({"person": "la persona non ha tirocini registrati"})
    if row.monthly_indemnity is None:
        raise ValidationError(
            {"monthly_indemnity": "stabilire l'indennità mensile prima di stampare il progetto"}
        )
    person = session.get(Person, person_id)
    host = session.get(Organisation, row.host_id)
    assert person is not None and host is not None
    pathway_staff = session.scalar(
        select(Pathway.reference_staff_id)
        .where(Pathway.person_id == person_id)
        .order_by(Pathway.entry_date.desc())
        .limit(1)
    )
    staff_id = pathway_staff or person.reference_staff_id
    staff = session.get(StaffMember, staff_id) if staff_id else None
    pathway_forms.render_agreement(
        pathway_forms.AgreementDocument(
            person_code=person.code,
            person_name=f"{person.first_name} {person.last_name}",
            fiscal_code=person.fiscal_code or "",
            host=host.name,
            host_address=host.address or "",
            host_tax_code=host.fiscal_code or host.vat_number or "",
            tutor=row.tutor or "",
            operator=f"{staff.first_name} {staff.last_name}" if staff else "",
            start_date=row.start_date,
            end_date=row.end_date,
            monthly_hours=row.monthly_hours,
            monthly_indemnity=row.monthly_indemnity,
            minimum_attendance=row.minimum_attendance,
            objectives=row.objectives or "",
            document_date=clock.today(),
        ),
        out,
    )
    return forms.Printed("tirocinio", row.id, person_id)


forms.register_filler(pathway_forms.AGREEMENT_FORM, _fill_agreement)
