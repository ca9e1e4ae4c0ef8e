"""Accoglienza in famiglia: host families, hosting agreements and the contributions ledger.

Who may do what (DOMAIN.md 2: "operatore: no money"):

* families and agreements are registry work: ``operatore`` and up create and edit them
  (WRITE_REGISTRY), ``lettura`` reads them;
* money is READ_MONEY / WRITE_MONEY (coordinatore, admin; lettura reads it): the amounts of
  an agreement and of its contributions, the ledger, payments, the payment list, the
  default amounts, and a family's IBAN (it exists only to pay the family). An operatore
  who registers an agreement gets the default amount for its tempo (pieno/parziale) and
  never sees it; setting another amount is the coordinatore's. Changing the tempo of an
  agreement moves its amount to the new default (for anyone who did not set one).

The ledger holds one row per month of an agreement, from the month of ``dal`` to the month
of ``al`` (an open agreement: to the current month). A partial month is paid pro rata by
days: amount x days hosted in the month / days in the month, rounded to the cent, half up
(:data:`PRO_RATA_RULE`, written on the screen). The rows follow the agreement: changing its
dates or amount updates the unpaid months; a change that would drop a paid month is refused.

Every payment recorded, changed or cleared is passed to :mod:`.expenditure_feed` in the
same transaction (the convention area turns it into an expenditure).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from tit_desktop.models import (
    HostFamily,
    HostingAgreement,
    HostingContribution,
    HostingDefaultAmount,
    HostingTime,
    Person,
)
from tit_desktop.models.audit import AuditAction
from tit_desktop.models.columns import CENT
from tit_desktop.models.hosting import AGREEMENT_OVERLAP
from tit_desktop.services import (
    audit,
    clock,
    conflicts,
    expenditure_feed,
    persons,
    reminders,
    timeline,
)
from tit_desktop.services.database import STALE_MESSAGE
from tit_desktop.services.errors import (
    ConflictError,
    NotFound,
    StaleRecord,
    ValidationError,
    register_labels,
)
from tit_desktop.services.gdpr.registry import LinkedEntity, Section, register_section
from tit_desktop.services.money import format_amount
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.text import character_problem, clean, fold

AREA = "families"

DEFAULT_AMOUNTS: dict[HostingTime, Decimal] = {
    HostingTime.PART: Decimal("350.00"),
    HostingTime.FULL: Decimal("550.00"),
}
"""TIU's amounts, used while the office has not set its own (``hosting_default_amount``)."""

PRO_RATA_RULE = (
    "Mese non intero: contributo mensile × giorni di accoglienza nel mese ÷ giorni del mese, "
    "arrotondato al centesimo (da 0,5 centesimi per eccesso)."
)
OVERDUE_DAYS = 30
"""An unpaid month is overdue this many days after its last day (a Home reminder)."""

FIELD_LABELS = {
    "name": "Famiglia",
    "contact_person": "Referente",
    "members": "Componenti",
    "iban": "IBAN",
    "availability": "Disponibilità",
    "family_id": "Famiglia",
    "person": "Persona",
    "start_date": "Dal",
    "end_date": "Al",
    "time": "Tempo",
    "monthly_amount": "Contributo mensile",
    "month": "Mese",
    "amount_due": "Importo dovuto",
    "paid_on": "Data pagamento",
    "paid_amount": "Importo pagato",
}
register_labels({k: v for k, v in FIELD_LABELS.items() if k != "name"})

MAX_LENGTHS = {
    "name": 200,
    "contact_person": 200,
    "members": 2000,
    "address": 300,
    "phone": 40,
    "availability": 300,
    "notes": 5000,
}
_PHONE = re.compile(r"^[+0-9 ()./-]{5,40}$")
EARLIEST_DATE = dt.date(1990, 1, 1)


def _d(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day is not None else ""


def month_text(month: dt.date) -> str:
    return f"{month:%m/%Y}"


def period_text(start: dt.date, end: dt.date | None) -> str:
    return f"dal {_d(start)} al {_d(end)}" if end is not None else f"dal {_d(start)} (in corso)"


def euro(amount: Decimal) -> str:
    return format_amount(amount, "EUR")


# =========================================================================== IBAN

# ISO 13616 lengths of the countries an Italian office meets most; others: 15 to 34.
IBAN_LENGTHS = {
    "IT": 27, "SM": 27, "VA": 22, "DE": 22, "FR": 27, "ES": 24, "AT": 20, "BE": 16,
    "CH": 21, "GB": 22, "IE": 22, "NL": 18, "PT": 25, "LU": 20, "MT": 31, "SI": 19,
    "HR": 21, "GR": 27, "PL": 28, "RO": 24, "AL": 28, "TN": 24, "MA": 28,
}  # fmt: skip
_IBAN_SHAPE = re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")


def normalise_iban(text: str | None) -> str | None:
    """The electronic form: no spaces, upper case; None when empty."""
    if text is None:
        return None
    value = "".join(text.split()).upper()
    return value or None


def iban_problem(value: str) -> str | None:
    """Why ``value`` (normalised) is not an IBAN, in Italian, or None (ISO 13616: the
    country's length, then mod 97 of the rearranged number equals 1)."""
    if not value.isascii() or not value.isalnum():
        return "solo lettere e cifre (gli spazi sono ammessi)"
    country = value[:2]
    expected = IBAN_LENGTHS.get(country)
    if expected is not None and len(value) != expected:
        where = "italiano" if country == "IT" else f"del paese {country}"
        return f"un IBAN {where} ha {expected} caratteri (qui sono {len(value)})"
    if not _IBAN_SHAPE.match(value):
        return (
            "non ha la forma di un IBAN (due lettere del paese, due cifre di controllo, il conto)"
        )
    rearranged = value[4:] + value[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    if int(number) % 97 != 1:
        return "le cifre di controllo non corrispondono: controllare di averlo copiato bene"
    return None


def iban_grouped(value: str | None) -> str:
    """ "IT60 X054 2811 1010 0000 0123 456": the printed form."""
    if not value:
        return ""
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


# =========================================================================== months and money


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def last_of_month(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def next_month(month: dt.date) -> dt.date:
    return (last_of_month(month) + dt.timedelta(days=1)).replace(day=1)


def parse_month(text: str, field: str = "month") -> dt.date:
    """``mm/yyyy`` (also ``m/yyyy``) as the first day of that month."""
    match = re.fullmatch(r"\s*(\d{1,2})/(\d{4})\s*", text or "")
    if match is None or not 1 <= int(match.group(1)) <= 12:
        raise ValidationError({field: f"«{text}» non è un mese nel formato mm/aaaa"})
    return dt.date(int(match.group(2)), int(match.group(1)), 1)


def days_hosted(start: dt.date, end: dt.date | None, month: dt.date) -> int:
    """Days of ``month`` inside the agreement (both ends included)."""
    first = max(start, first_of_month(month))
    last = min(end, last_of_month(month)) if end is not None else last_of_month(month)
    return max(0, (last - first).days + 1)


def amount_for_month(
    monthly: Decimal, start: dt.date, end: dt.date | None, month: dt.date
) -> tuple[int, Decimal]:
    """(days hosted, amount due) of ``month``: the whole amount for a whole month, else
    :data:`PRO_RATA_RULE`."""
    days = days_hosted(start, end, month)
    in_month = calendar.monthrange(month.year, month.month)[1]
    if days >= in_month:
        return days, monthly
    amount = (monthly * days / in_month).quantize(CENT, rounding=ROUND_HALF_UP)
    return days, amount


def months_of(start: dt.date, end: dt.date | None, today: dt.date) -> list[dt.date]:
    """The months due of an agreement: from dal's month to al's (open: to this month)."""
    last = (
        first_of_month(end)
        if end is not None
        else max(first_of_month(today), first_of_month(start))
    )
    months = []
    month = first_of_month(start)
    while month <= last:
        months.append(month)
        month = next_month(month)
    return months


def default_amounts(session: Session) -> dict[HostingTime, Decimal]:
    """The monthly amount a new agreement gets, by tempo (no permission: an operatore's
    new agreement gets it without seeing it)."""
    amounts = dict(DEFAULT_AMOUNTS)
    for row in session.scalars(select(HostingDefaultAmount)):
        amounts[row.time] = row.monthly_amount
    return amounts


def read_default_amounts(session: Session, actor: Actor) -> dict[HostingTime, Decimal]:
    require(actor, Permission.READ_MONEY)
    return default_amounts(session)


@dataclass(frozen=True)
class DefaultAmount:
    time: HostingTime
    amount: Decimal
    version: int | None = None  # None: never saved (the programme's default)


def read_default_amount_rows(session: Session, actor: Actor) -> dict[HostingTime, DefaultAmount]:
    """The defaults with their versions, for a form that saves them back."""
    require(actor, Permission.READ_MONEY)
    rows = {r.time: r for r in session.scalars(select(HostingDefaultAmount))}
    return {
        time: DefaultAmount(time, rows[time].monthly_amount, rows[time].version)
        if time in rows
        else DefaultAmount(time, amount)
        for time, amount in DEFAULT_AMOUNTS.items()
    }


def set_default_amount(
    session: Session,
    actor: Actor,
    time: HostingTime,
    amount: Decimal,
    seen: DefaultAmount | None = None,
) -> DefaultAmount:
    """The office's own default for ``time`` (agreements already made keep theirs).
    ``seen``: the default as the caller read it; when another PC saved it since,
    StaleRecord."""
    require(actor, Permission.WRITE_MONEY)
    if amount < 0:
        raise ValidationError({"monthly_amount": "l'importo non può essere negativo"})
    row = session.get(HostingDefaultAmount, time)
    if seen is not None and (row.version if row is not None else None) != seen.version:
        raise StaleRecord(STALE_MESSAGE)
    if row is None:
        row = HostingDefaultAmount(time=time, monthly_amount=amount)
        session.add(row)
    else:
        row.monthly_amount = amount
    session.flush()
    return DefaultAmount(time, amount, row.version)


# =========================================================================== families


@dataclass
class FamilyInput:
    name: str = ""
    contact_person: str | None = None
    members: str | None = None
    address: str | None = None
    phone: str | None = None
    iban: str | None = None
    availability: str | None = None
    notes: str | None = None
    active: bool = True


@dataclass(frozen=True)
class FamilyDetail:
    id: int
    version: int
    data: FamilyInput
    iban_visible: bool  # False: the actor may not see money, ``data.iban`` is None


@dataclass(frozen=True)
class FamilyRow:
    id: int
    name: str
    contact_person: str
    phone: str
    address: str
    availability: str
    active: bool
    hosting_now: int  # agreements running today


def normalise_family(data: FamilyInput) -> FamilyInput:
    def text(value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip()
        return value or None

    return FamilyInput(
        name=clean(data.name) or "",
        contact_person=clean(data.contact_person),
        members=text(data.members),
        address=clean(data.address),
        phone=clean(data.phone),
        iban=normalise_iban(data.iban),
        availability=clean(data.availability),
        notes=text(data.notes),
        active=bool(data.active),
    )


def family_problems(data: FamilyInput) -> dict[str, str]:
    """Every problem of the family's fields, without the database (the form re-checks it
    as it is typed)."""
    data = normalise_family(data)
    errors: dict[str, str] = {}
    for name, limit in MAX_LENGTHS.items():
        value = getattr(data, name)
        if value is None:
            continue
        problem = character_problem(value)
        if problem is not None:
            errors[name] = problem
        elif len(value) > limit:
            errors[name] = f"troppo lungo: al massimo {limit} caratteri (sono {len(value)})"
    if not data.name and "name" not in errors:
        errors["name"] = "campo obbligatorio"
    if data.phone and "phone" not in errors and not _PHONE.match(data.phone):
        errors["phone"] = "solo cifre, spazi e i segni + ( ) . / -"
    if data.iban:
        problem = iban_problem(data.iban)
        if problem:
            errors["iban"] = problem
    return errors


def _check_family(session: Session, data: FamilyInput, family_id: int | None) -> None:
    errors = family_problems(data)
    if data.name and "name" not in errors:
        query = select(HostFamily.id).where(func.lower(HostFamily.name) == data.name.lower())
        if family_id is not None:
            query = query.where(HostFamily.id != family_id)
        if session.scalar(query) is not None:
            errors["name"] = f"esiste già una famiglia «{data.name}»: usare un nome diverso"
    if errors:
        raise ValidationError(errors)


def _apply_family(family: HostFamily, data: FamilyInput, with_iban: bool) -> None:
    for name in ("name", "contact_person", "members", "address", "phone", "availability"):
        setattr(family, name, getattr(data, name))
    family.notes = data.notes
    family.active = data.active
    if with_iban:
        family.iban = data.iban


def create_family(session: Session, actor: Actor, data: FamilyInput) -> int:
    require(actor, Permission.WRITE_REGISTRY)
    data = normalise_family(data)
    if data.iban is not None:
        require(actor, Permission.WRITE_MONEY)
    _check_family(session, data, None)
    family = HostFamily()
    _apply_family(family, data, with_iban=True)
    session.add(family)
    session.flush()
    return family.id


def _family(session: Session, family_id: int) -> HostFamily:
    family = session.get(HostFamily, family_id)
    if family is None:
        raise NotFound("Famiglia non trovata (forse eliminata da un altro utente).")
    return family


def update_family(
    session: Session, actor: Actor, family_id: int, data: FamilyInput, expected_version: int
) -> int:
    """Save the family; returns its new version. The IBAN is changed only by a role with
    money (for the others it is kept as recorded, and ``data.iban`` must be None)."""
    require(actor, Permission.WRITE_REGISTRY)
    family = _family(session, family_id)
    if family.version != expected_version:
        raise StaleRecord(STALE_MESSAGE)
    data = normalise_family(data)
    with_iban = actor.can(Permission.WRITE_MONEY)
    if not with_iban and data.iban is not None and data.iban != family.iban:
        require(actor, Permission.WRITE_MONEY)
    _check_family(session, data, family_id)
    _apply_family(family, data, with_iban)
    session.flush()
    return family.version


def open_family(session: Session, actor: Actor, family_id: int) -> FamilyDetail:
    require(actor, Permission.READ_REGISTRY)
    family = _family(session, family_id)
    visible = actor.can(Permission.READ_MONEY)
    return FamilyDetail(
        family.id,
        family.version,
        FamilyInput(
            name=family.name,
            contact_person=family.contact_person,
            members=family.members,
            address=family.address,
            phone=family.phone,
            iban=family.iban if visible else None,
            availability=family.availability,
            notes=family.notes,
            active=family.active,
        ),
        visible,
    )


def delete_family(session: Session, actor: Actor, family_id: int) -> None:
    """Only a family with no agreement (one registered by mistake); others are made
    inactive instead."""
    require(actor, Permission.WRITE_REGISTRY)
    family = _family(session, family_id)
    used = session.scalar(
        select(func.count())
        .select_from(HostingAgreement)
        .where(HostingAgreement.family_id == family_id)
    )
    if used:
        raise ConflictError(
            f"La famiglia «{family.name}» ha {used} accoglienze registrate: non si può "
            "eliminare. Toglierle prima, oppure segnare la famiglia come non attiva."
        )
    session.delete(family)
    session.flush()


def list_families(
    session: Session, actor: Actor, text: str = "", include_inactive: bool = True
) -> list[FamilyRow]:
    """Families whose name, referente, address or members contain every typed word, by
    name. (The office has tens of families: one query, no paging.)"""
    require(actor, Permission.READ_REGISTRY)
    today = clock.today()
    hosting = (
        select(func.count())
        .where(
            HostingAgreement.family_id == HostFamily.id,
            HostingAgreement.start_date <= today,
            or_(HostingAgreement.end_date.is_(None), HostingAgreement.end_date >= today),
        )
        .scalar_subquery()
    )
    query = select(
        HostFamily.id,
        HostFamily.name,
        HostFamily.contact_person,
        HostFamily.phone,
        HostFamily.address,
        HostFamily.availability,
        HostFamily.active,
        HostFamily.members,
        hosting,
    )
    if not include_inactive:
        query = query.where(HostFamily.active.is_(True))
    words = fold(text).split()
    rows = []
    keys: dict[int, str] = {}
    for r in session.execute(query):
        if words:
            haystack = fold(" ".join(x or "" for x in (r[1], r[2], r[4], r[7], r[5])))
            if not all(w in haystack for w in words):
                continue
        keys[r[0]] = _sort_key(r[1])
        rows.append(
            FamilyRow(r[0], r[1], r[2] or "", r[3] or "", r[4] or "", r[5] or "", r[6], r[8])
        )
    rows.sort(key=lambda row: (keys[row.id], row.id))
    return rows


def _sort_key(name: str) -> str:
    """A name as it sorts for people (accents ignored); the transliteration only for the
    names that need it (it costs ten times a plain lower-casing)."""
    return name.lower() if name.isascii() else fold(name)


def family_choices(session: Session, actor: Actor) -> list[tuple[int, str]]:
    require(actor, Permission.READ_REGISTRY)
    rows = session.execute(
        select(HostFamily.id, HostFamily.name).where(HostFamily.active.is_(True))
    )
    return sorted(((i, n) for i, n in rows), key=lambda p: fold(p[1]))


def family_id_by_name(session: Session, name: str) -> int | None:
    return session.scalar(
        select(HostFamily.id).where(func.lower(HostFamily.name) == name.strip().lower())
    )


@conflicts.explains("uq_host_family_name")
def _name_taken(session: Session, violation: conflicts.Violation) -> str | None:
    names = violation.values("name")
    if not names:
        return None
    return f"Esiste già una famiglia «{names[0]}» (registrata da un altro utente)."


# =========================================================================== agreements


@dataclass
class AgreementInput:
    """``monthly_amount`` None: the default for ``time`` (on a change: kept, unless the
    tempo changes, then the new tempo's default)."""

    family_id: int | None = None
    person_code: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    time: str = HostingTime.PART.value
    monthly_amount: Decimal | None = None
    notes: str | None = None


@dataclass(frozen=True)
class AgreementRow:
    id: int
    version: int
    family_id: int
    family: str
    person_id: int
    person_code: str
    person_name: str
    start_date: dt.date
    end_date: dt.date | None
    time: str
    monthly_amount: Decimal | None  # None: the actor may not see money
    notes: str

    @property
    def period(self) -> str:
        return period_text(self.start_date, self.end_date)


def _overlap_text(session: Session, other: HostingAgreement) -> str:
    person = session.get(Person, other.person_id)
    who = f"{person.last_name} {person.first_name} ({person.code})" if person else "la persona"
    family = session.get(HostFamily, other.family_id)
    where = f"la famiglia «{family.name}»" if family else "un'altra famiglia"
    return (
        f"{who} è già accolto/a presso {where} {period_text(other.start_date, other.end_date)}: "
        "due accoglienze della stessa persona non possono sovrapporsi."
    )


def _overlapping(
    session: Session,
    person_id: int,
    start: dt.date,
    end: dt.date | None,
    agreement_id: int | None,
) -> HostingAgreement | None:
    far = dt.date(9999, 12, 31)
    query = select(HostingAgreement).where(
        HostingAgreement.person_id == person_id,
        HostingAgreement.start_date <= (end or far),
        or_(HostingAgreement.end_date.is_(None), HostingAgreement.end_date >= start),
    )
    if agreement_id is not None:
        query = query.where(HostingAgreement.id != agreement_id)
    return session.scalars(query.order_by(HostingAgreement.start_date).limit(1)).first()


@conflicts.explains(AGREEMENT_OVERLAP)
def _agreements_overlap(session: Session, violation: conflicts.Violation) -> str | None:
    rows = [r for r in violation.rows if r.get("person_id") is not None and r.get("start_date")]
    if not rows:
        return None
    row = rows[0]
    other = _overlapping(
        session, int(row["person_id"]), row["start_date"], row.get("end_date"), row.get("id")
    )
    return _overlap_text(session, other) if other is not None else None


def _validate_agreement(
    session: Session, actor: Actor, data: AgreementInput, agreement_id: int | None
) -> tuple[HostFamily, Person, HostingTime]:
    errors: dict[str, str] = {}
    family = session.get(HostFamily, data.family_id) if data.family_id is not None else None
    if data.family_id is None:
        errors["family_id"] = "scegliere la famiglia"
    elif family is None:
        errors["family_id"] = "famiglia non trovata"
    person: Person | None = None
    code = (data.person_code or "").strip()
    if not code:
        errors["person"] = "indicare il codice della persona"
    else:
        person_id = persons.find_id_by_code(session, code)
        person = session.get(Person, person_id) if person_id is not None else None
        if person is None:
            errors["person"] = f"nessuna persona con codice «{code}»"
        elif person.anonymised_at is not None:
            errors["person"] = "la scheda della persona è stata anonimizzata"
    try:
        time = HostingTime(data.time)
    except ValueError:
        errors["time"] = "indicare pieno o parziale"
        time = HostingTime.PART
    today = clock.today()
    if data.start_date is None:
        errors["start_date"] = "data obbligatoria"
    elif data.start_date < EARLIEST_DATE or data.start_date > today.replace(year=today.year + 2):
        errors["start_date"] = "data non plausibile"
    elif person is not None and data.start_date < person.intake_date:
        errors["start_date"] = (
            f"l'accoglienza non può iniziare prima della presa in carico della persona "
            f"({_d(person.intake_date)})"
        )
    if data.end_date is not None and data.start_date is not None:
        if data.end_date < data.start_date:
            errors["end_date"] = f"precede l'inizio dell'accoglienza ({_d(data.start_date)})"
        elif data.end_date > data.start_date.replace(year=data.start_date.year + 10):
            errors["end_date"] = "data non plausibile (oltre dieci anni dall'inizio)"
    if data.monthly_amount is not None and data.monthly_amount < 0:
        errors["monthly_amount"] = "l'importo non può essere negativo"
    if data.notes and character_problem(data.notes):
        errors["notes"] = str(character_problem(data.notes))
    if errors:
        raise ValidationError(errors)
    assert family is not None and person is not None and data.start_date is not None
    other = _overlapping(session, person.id, data.start_date, data.end_date, agreement_id)
    if other is not None:
        raise ConflictError(_overlap_text(session, other))
    return family, person, time


def create_agreement(session: Session, actor: Actor, data: AgreementInput) -> int:
    require(actor, Permission.WRITE_REGISTRY)
    if data.monthly_amount is not None:
        require(actor, Permission.WRITE_MONEY)
    family, person, time = _validate_agreement(session, actor, data, None)
    amount = data.monthly_amount
    if amount is None:
        amount = default_amounts(session)[time]
    agreement = HostingAgreement(
        family_id=family.id,
        person_id=person.id,
        start_date=data.start_date,
        end_date=data.end_date,
        time=time,
        monthly_amount=amount,
        notes=(data.notes or "").strip() or None,
    )
    session.add(agreement)
    session.flush()
    sync_ledger(session, actor, agreement)
    return agreement.id


def _agreement(session: Session, agreement_id: int) -> HostingAgreement:
    agreement = session.get(HostingAgreement, agreement_id)
    if agreement is None:
        raise NotFound("Accoglienza non trovata (forse eliminata da un altro utente).")
    return agreement


def update_agreement(
    session: Session,
    actor: Actor,
    agreement_id: int,
    data: AgreementInput,
    expected_version: int,
) -> int:
    require(actor, Permission.WRITE_REGISTRY)
    agreement = _agreement(session, agreement_id)
    if agreement.version != expected_version:
        raise StaleRecord(STALE_MESSAGE)
    if data.monthly_amount is not None and data.monthly_amount != agreement.monthly_amount:
        require(actor, Permission.WRITE_MONEY)
    family, person, time = _validate_agreement(session, actor, data, agreement_id)
    amount = data.monthly_amount
    if amount is None:
        amount = (
            agreement.monthly_amount if time == agreement.time else default_amounts(session)[time]
        )
    agreement.family_id = family.id
    agreement.person_id = person.id
    agreement.start_date = data.start_date  # type: ignore[assignment]
    agreement.end_date = data.end_date
    agreement.time = time
    agreement.monthly_amount = amount
    agreement.notes = (data.notes or "").strip() or None
    session.flush()
    sync_ledger(session, actor, agreement)
    return agreement.version


def delete_agreement(session: Session, actor: Actor, agreement_id: int) -> None:
    """An agreement registered by mistake, with no payment; its unpaid months go too."""
    require(actor, Permission.WRITE_REGISTRY)
    agreement = _agreement(session, agreement_id)
    rows = session.scalars(
        select(HostingContribution).where(HostingContribution.agreement_id == agreement_id)
    ).all()
    paid = [r for r in rows if r.paid_on is not None]
    if paid:
        months = ", ".join(month_text(r.month) for r in paid[:6])
        raise ConflictError(
            f"L'accoglienza ha contributi già pagati ({months}): non si può eliminare."
        )
    for row in rows:
        row.agreement = agreement
        session.delete(row)
    session.flush()
    session.delete(agreement)
    session.flush()


def _row_of(
    agreement: HostingAgreement, person: Person, family: HostFamily, money: bool
) -> AgreementRow:
    return AgreementRow(
        agreement.id,
        agreement.version,
        family.id,
        family.name,
        person.id,
        person.code,
        f"{person.last_name} {person.first_name}",
        agreement.start_date,
        agreement.end_date,
        agreement.time.value,
        agreement.monthly_amount if money else None,
        agreement.notes or "",
    )


def agreements(
    session: Session,
    actor: Actor,
    *,
    family_id: int | None = None,
    person_id: int | None = None,
) -> list[AgreementRow]:
    """A family's or a person's agreements, newest first."""
    require(actor, Permission.READ_REGISTRY)
    query = (
        select(HostingAgreement, Person, HostFamily)
        .join(Person, Person.id == HostingAgreement.person_id)
        .join(HostFamily, HostFamily.id == HostingAgreement.family_id)
    )
    if family_id is not None:
        query = query.where(HostingAgreement.family_id == family_id)
    if person_id is not None:
        query = query.where(HostingAgreement.person_id == person_id)
    query = query.order_by(HostingAgreement.start_date.desc(), HostingAgreement.id.desc())
    money = actor.can(Permission.READ_MONEY)
    return [_row_of(a, p, f, money) for a, p, f in session.execute(query)]


def open_agreement(session: Session, actor: Actor, agreement_id: int) -> AgreementRow:
    require(actor, Permission.READ_REGISTRY)
    agreement = _agreement(session, agreement_id)
    person = session.get(Person, agreement.person_id)
    family = session.get(HostFamily, agreement.family_id)
    assert person is not None and family is not None
    return _row_of(agreement, person, family, actor.can(Permission.READ_MONEY))


def person_label(session: Session, actor: Actor, code: str) -> str | None:
    """ "Diallo Awa (presa in carico il 02/01/2025)" for the Codice typed in the agreement's
    form, or None when no person has it."""
    require(actor, Permission.READ_REGISTRY)
    person_id = persons.find_id_by_code(session, code) if code.strip() else None
    person = session.get(Person, person_id) if person_id is not None else None
    if person is None:
        return None
    return f"{person.last_name} {person.first_name} (presa in carico il {_d(person.intake_date)})"


# =========================================================================== the ledger


@dataclass(frozen=True)
class ContributionRow:
    id: int
    version: int
    agreement_id: int
    month: dt.date
    days: int
    amount_due: Decimal
    paid_on: dt.date | None
    paid_amount: Decimal | None

    @property
    def paid(self) -> bool:
        return self.paid_on is not None


def sync_ledger(
    session: Session, actor: Actor, agreement: HostingAgreement, today: dt.date | None = None
) -> None:
    """Make the agreement's ledger one row per month due, with the amounts of its current
    dates and monthly amount. Unpaid months outside the period go; a paid month outside it
    refuses the change (naming the month and the field to correct)."""
    require(actor, Permission.WRITE_REGISTRY)
    today = today or clock.today()
    wanted = months_of(agreement.start_date, agreement.end_date, today)
    existing = {
        row.month: row
        for row in session.scalars(
            select(HostingContribution).where(HostingContribution.agreement_id == agreement.id)
        )
    }
    for month, row in existing.items():
        row.agreement = agreement
        if month in wanted:
            continue
        if row.paid_on is not None:
            field = "start_date" if month < first_of_month(agreement.start_date) else "end_date"
            raise ValidationError(
                {
                    field: f"il contributo di {month_text(month)} è già stato pagato il "
                    f"{_d(row.paid_on)}: il periodo deve comprendere quel mese"
                }
            )
        session.delete(row)
    for month in wanted:
        _days, amount = amount_for_month(
            agreement.monthly_amount, agreement.start_date, agreement.end_date, month
        )
        found = existing.get(month)
        if found is None:
            session.add(HostingContribution(agreement=agreement, month=month, amount_due=amount))
        elif found.amount_due != amount:
            found.amount_due = amount
    session.flush()


def _behind(today: dt.date) -> Any:
    """The agreements still running with no ``al`` whose ledger lacks this month."""
    latest = (
        select(func.max(HostingContribution.month))
        .where(HostingContribution.agreement_id == HostingAgreement.id)
        .scalar_subquery()
    )
    return select(HostingAgreement).where(
        HostingAgreement.end_date.is_(None),
        HostingAgreement.start_date <= today,
        or_(latest.is_(None), latest < first_of_month(today)),
    )


def open_agreements_behind(session: Session, actor: Actor, today: dt.date | None = None) -> int:
    """How many open agreements lack this month's row (a read: the window asks before it
    opens a write transaction for :func:`sync_open_agreements`)."""
    require(actor, Permission.READ_REGISTRY)
    query = _behind(today or clock.today()).subquery()
    return int(session.scalar(select(func.count()).select_from(query)) or 0)


def sync_open_agreements(session: Session, actor: Actor, today: dt.date | None = None) -> int:
    """Add this month's row to the agreements still running with no ``al`` (the months of
    an open agreement are added as they come). Returns how many agreements changed."""
    require(actor, Permission.WRITE_REGISTRY)
    today = today or clock.today()
    stale = session.scalars(_behind(today)).all()
    for agreement in stale:
        sync_ledger(session, actor, agreement, today)
    return len(stale)


def ledger(session: Session, actor: Actor, agreement_id: int) -> list[ContributionRow]:
    """The agreement's months, oldest first."""
    require(actor, Permission.READ_MONEY)
    agreement = _agreement(session, agreement_id)
    rows = session.scalars(
        select(HostingContribution)
        .where(HostingContribution.agreement_id == agreement_id)
        .order_by(HostingContribution.month)
    )
    return [_contribution_row(agreement, row) for row in rows]


def _contribution_row(agreement: HostingAgreement, row: HostingContribution) -> ContributionRow:
    return ContributionRow(
        row.id,
        row.version,
        row.agreement_id,
        row.month,
        days_hosted(agreement.start_date, agreement.end_date, row.month),
        row.amount_due,
        row.paid_on,
        row.paid_amount,
    )


def payment_of(
    session: Session, row: HostingContribution, agreement: HostingAgreement
) -> expenditure_feed.Payment:
    person = session.get(Person, agreement.person_id)
    family = session.get(HostFamily, agreement.family_id)
    assert person is not None and family is not None
    assert row.paid_on is not None and row.paid_amount is not None
    return expenditure_feed.Payment(
        source=expenditure_feed.PaymentSource.HOSTING_CONTRIBUTION,
        source_id=row.id,
        paid_on=row.paid_on,
        amount=row.paid_amount,
        payee=family.contact_person or family.name,
        description=(
            f"Contributo accoglienza in famiglia {month_text(row.month)}: famiglia "
            f"«{family.name}», ospite {person.code}"
        ),
    )


def _contribution(
    session: Session, contribution_id: int, expected_version: int | None
) -> HostingContribution:
    row = session.get(HostingContribution, contribution_id)
    if row is None:
        raise NotFound("Contributo non trovato (forse tolto da un altro utente).")
    if expected_version is not None and row.version != expected_version:
        raise StaleRecord(STALE_MESSAGE)
    row.agreement = _agreement(session, row.agreement_id)
    return row


def _check_payment(
    row: HostingContribution, paid_on: dt.date | None, amount: Decimal | None
) -> None:
    errors = {}
    if paid_on is None:
        errors["paid_on"] = "data obbligatoria"
    elif paid_on > clock.today():
        errors["paid_on"] = "non può essere nel futuro"
    elif paid_on < row.agreement.start_date:
        errors["paid_on"] = f"precede l'inizio dell'accoglienza ({_d(row.agreement.start_date)})"
    if amount is None:
        errors["paid_amount"] = "importo obbligatorio"
    elif amount < 0:
        errors["paid_amount"] = "l'importo non può essere negativo"
    if errors:
        raise ValidationError(errors)


def cancel_receipt_protocol(
    session: Session, actor: Actor, row: HostingContribution, reason: str
) -> None:
    """The month's printed receipt no longer states its payment (undone or changed): its
    number of the outgoing register is cancelled, as the activity log records, and never
    given again; the next receipt of the month takes a new one. Nothing when no receipt
    was printed."""
    protocol = row.receipt_protocol
    if protocol is None:
        return
    audit.record(
        session,
        actor,
        AuditAction.UPDATE,
        "hosting_contribution",
        row.id,
        detail=(
            f"Protocollo n. {protocol} annullato: ricevuta del contributo di "
            f"{month_text(row.month)}, {reason}"
        ),
        changes={"receipt_protocol": [protocol, None]},
        person_id=row.agreement.person_id,
    )
    row.receipt_protocol = None
    row.receipt_protocol_on = None


def mark_paid(
    session: Session,
    actor: Actor,
    contribution_id: int,
    paid_on: dt.date | None,
    amount: Decimal | None = None,
    expected_version: int | None = None,
) -> ContributionRow:
    """Record the month's payment (``amount`` None: the amount due). A month already paid
    is refused, naming the payment: change it with :func:`change_payment`."""
    require(actor, Permission.WRITE_MONEY)
    row = _contribution(session, contribution_id, expected_version)
    if row.paid_on is not None:
        raise ConflictError(
            f"Il contributo di {month_text(row.month)} è già stato pagato il {_d(row.paid_on)} "
            f"({euro(row.paid_amount or Decimal(0))}): non si registra due volte."
        )
    amount = row.amount_due if amount is None else amount
    _check_payment(row, paid_on, amount)
    row.paid_on = paid_on
    row.paid_amount = amount
    session.flush()
    expenditure_feed.payment_recorded(session, actor, payment_of(session, row, row.agreement))
    return _contribution_row(row.agreement, row)


def change_payment(
    session: Session,
    actor: Actor,
    contribution_id: int,
    paid_on: dt.date | None,
    amount: Decimal | None,
    expected_version: int,
) -> ContributionRow:
    require(actor, Permission.WRITE_MONEY)
    row = _contribution(session, contribution_id, expected_version)
    if row.paid_on is None:
        raise ConflictError(f"Il contributo di {month_text(row.month)} non risulta pagato.")
    _check_payment(row, paid_on, amount)
    if (paid_on, amount) != (row.paid_on, row.paid_amount):
        cancel_receipt_protocol(session, actor, row, "pagamento modificato")
    row.paid_on = paid_on
    row.paid_amount = amount
    session.flush()
    expenditure_feed.payment_recorded(session, actor, payment_of(session, row, row.agreement))
    return _contribution_row(row.agreement, row)


def clear_payment(
    session: Session, actor: Actor, contribution_id: int, expected_version: int
) -> ContributionRow:
    """A payment recorded by mistake: the month is unpaid again (and its receipt's
    protocol, if one was printed, cancelled)."""
    require(actor, Permission.WRITE_MONEY)
    row = _contribution(session, contribution_id, expected_version)
    if row.paid_on is None:
        raise ConflictError(f"Il contributo di {month_text(row.month)} non risulta pagato.")
    cancel_receipt_protocol(session, actor, row, "pagamento annullato")
    row.paid_on = None
    row.paid_amount = None
    session.flush()
    expenditure_feed.payment_removed(
        session, actor, expenditure_feed.PaymentSource.HOSTING_CONTRIBUTION, row.id
    )
    return _contribution_row(row.agreement, row)


@conflicts.explains("uq_hosting_contribution_agreement_id_month")
def _month_twice(session: Session, violation: conflicts.Violation) -> str | None:
    pairs = violation.pairs("agreement_id", "month")
    if not pairs:
        return None
    month = month_text(pairs[0][1])
    return f"Il mese {month} è già nel registro dei contributi di questa accoglienza."


# =========================================================================== payment list


@dataclass(frozen=True)
class PaymentLine:
    contribution_id: int
    family: str
    contact_person: str
    iban: str
    person_code: str
    person_name: str
    time: str
    days: int
    amount_due: Decimal
    paid_on: dt.date | None
    paid_amount: Decimal | None


@dataclass(frozen=True)
class PaymentList:
    month: dt.date
    lines: tuple[PaymentLine, ...]
    total_due: Decimal
    total_paid: Decimal

    @property
    def unpaid(self) -> int:
        return sum(1 for line in self.lines if line.paid_on is None)


def payment_list(session: Session, actor: Actor, month: dt.date) -> PaymentList:
    """The contributions due for ``month`` (every family, every agreement), by family and
    person, with the totals: what the accounts office pays, and what is already paid."""
    require(actor, Permission.READ_MONEY)
    month = first_of_month(month)
    query = (
        select(
            HostingContribution.id,
            HostFamily.name,
            HostFamily.contact_person,
            HostFamily.iban,
            Person.code,
            Person.last_name,
            Person.first_name,
            HostingAgreement.time,
            HostingAgreement.start_date,
            HostingAgreement.end_date,
            HostingContribution.amount_due,
            HostingContribution.paid_on,
            HostingContribution.paid_amount,
        )
        .join(HostingAgreement, HostingAgreement.id == HostingContribution.agreement_id)
        .join(HostFamily, HostFamily.id == HostingAgreement.family_id)
        .join(Person, Person.id == HostingAgreement.person_id)
        .where(HostingContribution.month == month)
    )
    lines = [
        PaymentLine(
            r.id,
            r.name,
            r.contact_person or "",
            r.iban or "",
            r.code,
            f"{r.last_name} {r.first_name}",
            r.time.value,
            days_hosted(r.start_date, r.end_date, month),
            r.amount_due,
            r.paid_on,
            r.paid_amount,
        )
        for r in session.execute(query)
    ]
    keys = {line.family: _sort_key(line.family) for line in lines}
    lines.sort(key=lambda line: (keys[line.family], line.person_code))
    total_due = sum((line.amount_due for line in lines), Decimal("0.00"))
    total_paid = sum((line.paid_amount or Decimal(0) for line in lines), Decimal("0.00"))
    return PaymentList(month, tuple(lines), total_due, total_paid)


# =========================================================================== look-ups by name


def agreement_for(
    session: Session, person_code: str, family_name: str | None = None, month: dt.date | None = None
) -> HostingAgreement:
    """The agreement a form or a sheet names: the person's (and the family's, when given;
    the one covering ``month`` when given). Refusals name the selector."""
    person_id = persons.find_id_by_code(session, person_code)
    if person_id is None:
        raise NotFound(f"Nessuna persona con codice «{person_code}».")
    query = select(HostingAgreement).where(HostingAgreement.person_id == person_id)
    if family_name:
        family_id = family_id_by_name(session, family_name)
        if family_id is None:
            raise NotFound(f"Nessuna famiglia «{family_name}».")
        query = query.where(HostingAgreement.family_id == family_id)
    if month is not None:
        query = query.where(
            HostingAgreement.start_date <= last_of_month(month),
            or_(HostingAgreement.end_date.is_(None), HostingAgreement.end_date >= month),
        )
    found = session.scalars(query.order_by(HostingAgreement.start_date.desc())).all()
    if not found:
        raise NotFound(
            f"Nessuna accoglienza in famiglia per la persona «{person_code}»"
            + (f" presso «{family_name}»" if family_name else "")
            + (f" nel mese {month_text(month)}" if month else "")
            + "."
        )
    if len(found) > 1 and not family_name:
        names = sorted({session.get(HostFamily, a.family_id).name for a in found})  # type: ignore[union-attr]
        raise ValidationError(
            {
                "family": "la persona ha avuto più accoglienze: indicare la famiglia "
                f"(--family), una tra: {', '.join(names)}"
            }
        )
    return found[0]


# =========================================================================== plug-ins


def _reminders(session: Session, actor: Actor, today: dt.date) -> Iterable[reminders.Reminder]:
    """Months unpaid more than OVERDUE_DAYS days after their end (only for roles that
    handle money)."""
    if not actor.can(Permission.READ_MONEY):
        return []
    cutoff = first_of_month(today - dt.timedelta(days=OVERDUE_DAYS))
    query = (
        select(
            HostingContribution.id,
            HostingContribution.month,
            HostingContribution.amount_due,
            HostFamily.name,
            Person.id,
            Person.code,
        )
        .join(HostingAgreement, HostingAgreement.id == HostingContribution.agreement_id)
        .join(HostFamily, HostFamily.id == HostingAgreement.family_id)
        .join(Person, Person.id == HostingAgreement.person_id)
        .where(HostingContribution.paid_on.is_(None), HostingContribution.month < cutoff)
        .order_by(HostingContribution.month, HostFamily.name)
        .limit(200)
    )
    return [
        reminders.Reminder(
            due=last_of_month(r.month),
            area=AREA,
            text=(
                f"Contributo di {month_text(r.month)} alla famiglia «{r.name}» "
                f"(ospite {r.code}) non pagato: {euro(r.amount_due)}"
            ),
            overdue=True,
            entity="hosting_contribution",
            entity_id=r.id,
            person_id=r[4],
        )
        for r in session.execute(query)
    ]


def _timeline(session: Session, actor: Actor, person_id: int) -> Iterable[timeline.TimelineEvent]:
    events = []
    for row in agreements(session, actor, person_id=person_id):
        detail = f"Tempo {row.time}"
        if row.monthly_amount is not None:
            detail += f", contributo mensile {euro(row.monthly_amount)}"
        events.append(
            timeline.TimelineEvent(
                day=row.start_date,
                kind="hosting",
                title=f"Accoglienza presso la famiglia «{row.family}»",
                detail=detail,
                until=row.end_date,
                entity="hosting_agreement",
                entity_id=row.id,
            )
        )
    return events


def _gdpr_section(session: Session, person_id: int) -> Section:
    query = (
        select(HostingAgreement, HostFamily.name)
        .join(HostFamily, HostFamily.id == HostingAgreement.family_id)
        .where(HostingAgreement.person_id == person_id)
        .order_by(HostingAgreement.start_date)
    )
    rows: list[Mapping[str, object]] = []
    for agreement, family in session.execute(query):
        paid = session.scalar(
            select(func.count()).where(
                HostingContribution.agreement_id == agreement.id,
                HostingContribution.paid_on.is_not(None),
            )
        )
        rows.append(
            {
                "famiglia": family,
                "dal": agreement.start_date,
                "al": agreement.end_date,
                "tempo": agreement.time.value,
                "contributo_mensile": agreement.monthly_amount,
                "mesi_pagati": int(paid or 0),
                "note": agreement.notes or "",
            }
        )
    return Section(
        "Accoglienza in famiglia",
        rows,
        (
            ("famiglia", "Famiglia"),
            ("dal", "Dal"),
            ("al", "Al"),
            ("tempo", "Tempo"),
            ("contributo_mensile", "Contributo mensile"),
            ("mesi_pagati", "Mesi pagati"),
        ),
    )


def _gdpr_anonymise(session: Session, actor: Actor, person_id: int) -> None:
    """The agreements stay (the year-end figures and the expenditures need them); their
    free-text notes go."""
    for agreement in session.scalars(
        select(HostingAgreement).where(
            HostingAgreement.person_id == person_id, HostingAgreement.notes.is_not(None)
        )
    ):
        agreement.notes = None
    session.flush()


def hosted_between(
    session: Session, actor: Actor, first: dt.date, last: dt.date
) -> Sequence[tuple[int, int]]:
    """(family id, person id) of the agreements overlapping ``first``..``last``."""
    require(actor, Permission.READ_REGISTRY)
    query = select(HostingAgreement.family_id, HostingAgreement.person_id).where(
        and_(
            HostingAgreement.start_date <= last,
            or_(HostingAgreement.end_date.is_(None), HostingAgreement.end_date >= first),
        )
    )
    return [(f, p) for f, p in session.execute(query)]


reminders.register_provider(AREA, _reminders)
timeline.register_provider("hosting", "Accoglienze in famiglia", _timeline)
register_section(
    "hosting",
    _gdpr_section,
    anonymise=_gdpr_anonymise,
    entities=[
        LinkedEntity("hosting_agreement", identifying=frozenset({"notes"})),
    ],
    order=40,
)
