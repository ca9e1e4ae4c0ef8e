"""The canteen (servizio mensa): cards, the check-in desk, rosters and registers.

A check-in is one small transaction: the card (or the person's Codice) is looked up, the
rules are checked (card valid on the day, person not anonymised, day on/after the intake,
this meal not yet taken that day) and one meal row is written; the ORM's audit listener
records it in the same transaction. Two desks scanning the same card at the same moment
both pass the check on PostgreSQL: the unique constraint on (person, day, meal) records one
meal and the other desk gets a :class:`ConflictError` worded by the explainer below.

Every refusal of the desk is a :class:`CheckInRefused` with a ``reason`` (a stable key for
the command line's JSON) and an Italian message the desk shows in red.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Date, and_, cast, func, select
from sqlalchemy.orm import Session

from tit_desktop.models import (
    Attachment,
    CanteenCard,
    CanteenCardCounter,
    CanteenMealSetting,
    CardStatus,
    Meal,
    MealType,
    Person,
)
from tit_desktop.models.audit import AuditAction
from tit_desktop.models.canteen import CARD_CODE_DIGITS, card_code
from tit_desktop.reports import canteen as canteen_reports
from tit_desktop.services import audit, clock, conflicts, forms, numbering, persons
from tit_desktop.services.database import STALE_MESSAGE
from tit_desktop.services.errors import (
    ConflictError,
    NotFound,
    ServiceError,
    StaleRecord,
    ValidationError,
    register_labels,
)
from tit_desktop.services.exchange.cells import csv_protected
from tit_desktop.services.gdpr.registry import LinkedEntity, Section, register_section
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.timeline import TimelineEvent, register_provider

MEAL_UNIQUE = "uq_meal_person_id_meal_date_meal_type"
ONE_ACTIVE_CARD = "ix_canteen_card_one_active"

MEAL_ORDER = (MealType.BREAKFAST, MealType.LUNCH, MealType.DINNER)
MEAL_LABELS = {MealType.BREAKFAST: "Colazione", MealType.LUNCH: "Pranzo", MealType.DINNER: "Cena"}
STATUS_LABELS = {
    CardStatus.ACTIVE: "attiva",
    CardStatus.REVOKED: "revocata",
    CardStatus.REPLACED: "sostituita",
}

DEFAULT_HOURS: dict[MealType, tuple[dt.time, dt.time]] = {
    MealType.BREAKFAST: (dt.time(7, 0), dt.time(10, 0)),
    MealType.LUNCH: (dt.time(11, 30), dt.time(15, 0)),
    MealType.DINNER: (dt.time(18, 30), dt.time(21, 30)),
}
NEAR_CAPACITY = 0.9  # the desk warns when this share of the seats is taken
CARD_VALIDITY_DAYS = 365

register_labels(
    {
        "card": "Tessera o Codice",
        "meal": "Pasto",
        "date": "Data",
        "meal_date": "Data del pasto",
        "meal_type": "Pasto",
        "valid_from": "Valida dal",
        "valid_to": "Valida fino al",
        "seats": "Posti",
        "starts_at": "Inizio",
        "ends_at": "Fine",
        "number": "Numero tessera",
    }
)


def _day(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


def _local_time(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


def meal_label(meal: MealType) -> str:
    return MEAL_LABELS[meal]


def parse_meal(text: str) -> MealType:
    """``pranzo`` (any case, spaces around) as a meal type; ValidationError otherwise."""
    key = text.strip().casefold()
    for meal in MealType:
        if meal.value == key:
            return meal
    raise ValidationError(
        {"meal": f"pasto «{text.strip()}» sconosciuto: indicare colazione, pranzo o cena"}
    )


def parse_day(text: str, field_name: str = "date") -> dt.date:
    """``dd/mm/yyyy`` as a date; ValidationError naming the field otherwise."""
    try:
        return dt.datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        raise ValidationError(
            {field_name: f"data «{text.strip()}» non valida: scrivere gg/mm/aaaa"}
        ) from None


# =========================================================================== refusals


class RefusalReason(enum.StrEnum):
    ALREADY_TAKEN = "already_taken"
    CARD_EXPIRED = "card_expired"
    CARD_NOT_YET_VALID = "card_not_yet_valid"
    CARD_REVOKED = "card_revoked"
    CARD_REPLACED = "card_replaced"
    UNKNOWN_CARD = "unknown_card"
    ANONYMISED = "anonymised"
    BEFORE_INTAKE = "before_intake"


class CheckInRefused(ServiceError):
    """The desk refuses the check-in; ``reason`` says why (stable key), the message in
    Italian names the person when known."""

    def __init__(self, reason: RefusalReason, message: str, person_name: str = "") -> None:
        super().__init__(message)
        self.reason = reason
        self.person_name = person_name

    def to_json(self) -> dict[str, object]:
        data = super().to_json()
        data["reason"] = self.reason.value
        if self.person_name:
            data["person"] = self.person_name
        return data


class AlreadyTaken(CheckInRefused, ConflictError):
    """This meal was already recorded for the person that day."""


def refusal_reason(error: ServiceError) -> str | None:
    """The reason key of a refused check-in, whether the desk's own check found it or the
    database's constraint did (another desk, the same instant)."""
    if isinstance(error, CheckInRefused):
        return error.reason.value
    violation = getattr(error, "violation", None)
    if isinstance(violation, conflicts.Violation) and violation.constraint == MEAL_UNIQUE:
        return RefusalReason.ALREADY_TAKEN.value
    return None


def recorded_word(meal: MealType) -> str:
    """ "registrato" / "registrata": pranzo is masculine, colazione and cena feminine."""
    return "registrato" if meal is MealType.LUNCH else "registrata"


def _already_taken_text(name: str, meal: MealType, day: dt.date, at: dt.datetime) -> str:
    return (
        f"{MEAL_LABELS[meal]} già {recorded_word(meal)} per {name} il {_day(day)} "
        f"alle {_local_time(at)}."
    )


@conflicts.explains(MEAL_UNIQUE)
def _meal_taken(session: Session, violation: conflicts.Violation) -> str | None:
    for person_id, day, meal in violation.pairs("person_id", "meal_date", "meal_type"):
        meal_type = MealType(meal)
        row = session.execute(
            select(Meal.recorded_at, Person.last_name, Person.first_name)
            .join(Person, Person.id == Meal.person_id)
            .where(Meal.person_id == person_id, Meal.meal_date == day, Meal.meal_type == meal_type)
        ).first()
        if row is not None:
            return _already_taken_text(f"{row[1]} {row[2]}", meal_type, day, row[0])
    return None


@conflicts.explains(ONE_ACTIVE_CARD)
def _card_active(session: Session, violation: conflicts.Violation) -> str | None:
    for (person_id,) in violation.pairs("person_id"):
        number = session.scalar(
            select(CanteenCard.number).where(
                CanteenCard.person_id == person_id, CanteenCard.status == CardStatus.ACTIVE
            )
        )
        if number is not None:
            return f"La persona ha già la tessera mensa attiva n. {card_code(number)}."
    return None


# =========================================================================== settings


@dataclass(frozen=True)
class MealSetting:
    meal: MealType
    starts_at: dt.time
    ends_at: dt.time
    seats: int | None
    version: int | None = None  # None: never saved (the defaults)


def meal_settings(session: Session) -> dict[MealType, MealSetting]:
    """Each meal's hours and seats (the defaults for a meal never configured)."""
    stored = {s.meal_type: s for s in session.scalars(select(CanteenMealSetting))}
    result = {}
    for meal in MEAL_ORDER:
        row = stored.get(meal)
        if row is None:
            start, end = DEFAULT_HOURS[meal]
            result[meal] = MealSetting(meal, start, end, None)
        else:
            result[meal] = MealSetting(meal, row.starts_at, row.ends_at, row.seats, row.version)
    return result


def meal_at(settings: Mapping[MealType, MealSetting], moment: dt.time) -> MealType:
    """The meal of the moment: the one being served, else the next one of the day, else
    dinner (late in the evening the desk still records the last meal)."""
    for meal in MEAL_ORDER:
        if moment < settings[meal].ends_at:
            return meal
    return MealType.DINNER


def meal_of_the_moment(session: Session, now: dt.datetime | None = None) -> MealType:
    local = (now or clock.utcnow()).astimezone()
    return meal_at(meal_settings(session), local.time())


def save_meal_setting(
    session: Session,
    actor: Actor,
    meal: MealType,
    starts_at: dt.time,
    ends_at: dt.time,
    seats: int | None,
    seen: MealSetting | None = None,
) -> MealSetting:
    """Save a meal's hours and seats. ``seen``: the setting as the caller read it; when
    another PC saved it since, StaleRecord (the settings are shared by every desk)."""
    require(actor, Permission.WRITE_REGISTRY)
    errors = {}
    if starts_at >= ends_at:
        errors["ends_at"] = "l'orario di fine deve seguire quello di inizio"
    if seats is not None and seats <= 0:
        errors["seats"] = "i posti devono essere almeno 1 (vuoto: senza limite)"
    others = [s for m, s in meal_settings(session).items() if m is not meal]
    for other in others:
        if starts_at < other.ends_at and other.starts_at < ends_at:
            errors["starts_at"] = f"l'orario si sovrappone a quello della {other.meal.value}"
    if errors:
        raise ValidationError(errors)
    row = session.get(CanteenMealSetting, meal)
    if seen is not None and (row.version if row is not None else None) != seen.version:
        raise StaleRecord(STALE_MESSAGE)
    if row is None:
        row = CanteenMealSetting(meal_type=meal)
        session.add(row)
    row.starts_at, row.ends_at, row.seats = starts_at, ends_at, seats
    session.flush()
    return MealSetting(meal, starts_at, ends_at, seats, row.version)


@dataclass(frozen=True)
class Seats:
    taken: int
    seats: int | None

    @property
    def near_capacity(self) -> bool:
        return self.seats is not None and self.taken >= self.seats * NEAR_CAPACITY

    @property
    def full(self) -> bool:
        return self.seats is not None and self.taken >= self.seats

    def text(self) -> str:
        if self.seats is None:
            return f"{self.taken} {'pasto' if self.taken == 1 else 'pasti'}"
        return f"{self.taken} / {self.seats} posti"


def seats(session: Session, actor: Actor, day: dt.date, meal: MealType) -> Seats:
    require(actor, Permission.READ_REGISTRY)
    taken = session.scalar(
        select(func.count()).where(Meal.meal_date == day, Meal.meal_type == meal)
    )
    return Seats(int(taken or 0), meal_settings(session)[meal].seats)


# =========================================================================== cards


@dataclass(frozen=True)
class CardInfo:
    id: int
    number: int
    person_id: int
    valid_from: dt.date
    valid_to: dt.date
    status: CardStatus
    replaced_by_number: int | None = None
    end_reason: str | None = None

    @property
    def code(self) -> str:
        return card_code(self.number)

    def valid_on(self, day: dt.date) -> bool:
        return self.status is CardStatus.ACTIVE and self.valid_from <= day <= self.valid_to


def _card_info(session: Session, card: CanteenCard) -> CardInfo:
    replaced = (
        session.scalar(select(CanteenCard.number).where(CanteenCard.id == card.replaced_by_id))
        if card.replaced_by_id is not None
        else None
    )
    return CardInfo(
        card.id,
        card.number,
        card.person_id,
        card.valid_from,
        card.valid_to,
        card.status,
        replaced,
        card.end_reason,
    )


CARD_SERIES = "canteen_card"


def _numbered_before(session: Session) -> int:
    """Where card numbering stood before the shared series: the old counter's last number
    or the highest card number, whichever is higher (a database of an earlier version goes
    on from there, without a gap and without reusing a number)."""
    counter = session.scalar(
        select(CanteenCardCounter.last_number).where(CanteenCardCounter.id == 1)
    )
    highest = session.scalar(select(func.max(CanteenCard.number)))
    return max(counter or 0, highest or 0)


def _next_number(session: Session) -> int:
    """The next card number, taken inside the issuing transaction from the office's series
    (services.numbering): two desks issuing at once get different numbers, and a card that
    is not saved gives its number back."""
    return numbering.issue(session, CARD_SERIES, start_after=lambda: _numbered_before(session))


def _living_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.merged_into_id is not None:
        raise NotFound("Persona non trovata.")
    if person.anonymised_at is not None:
        raise ValidationError({"person": "la persona è stata anonimizzata"})
    return person


def _validity(valid_from: dt.date | None, valid_to: dt.date | None) -> tuple[dt.date, dt.date]:
    start = valid_from or clock.today()
    end = valid_to or start + dt.timedelta(days=CARD_VALIDITY_DAYS - 1)
    if end < start:
        raise ValidationError({"valid_to": "la scadenza precede l'inizio della validità"})
    return start, end


def active_card(session: Session, person_id: int) -> CanteenCard | None:
    return session.scalar(
        select(CanteenCard).where(
            CanteenCard.person_id == person_id, CanteenCard.status == CardStatus.ACTIVE
        )
    )


def issue_card(
    session: Session,
    actor: Actor,
    person_id: int,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
) -> CardInfo:
    """A new card with the next number; refused if the person already has an active one."""
    require(actor, Permission.WRITE_REGISTRY)
    _living_person(session, person_id)
    start, end = _validity(valid_from, valid_to)
    current = active_card(session, person_id)
    if current is not None:
        raise ConflictError(
            f"La persona ha già la tessera mensa attiva n. {current.code}: rinnovarla o "
            "sostituirla."
        )
    card = CanteenCard(
        number=_next_number(session),
        person_id=person_id,
        valid_from=start,
        valid_to=end,
        status=CardStatus.ACTIVE,
        issued_by_user_id=actor.user_id,
    )
    session.add(card)
    session.flush()
    return _card_info(session, card)


def _card(session: Session, card_id: int) -> CanteenCard:
    card = session.get(CanteenCard, card_id, with_for_update=True)
    if card is None:
        raise NotFound("Tessera mensa non trovata.")
    return card


def _must_be_active(card: CanteenCard) -> None:
    if card.status is not CardStatus.ACTIVE:
        raise ConflictError(
            f"La tessera n. {card.code} è {STATUS_LABELS[card.status]}: non si può modificare."
        )


def renew_card(session: Session, actor: Actor, card_id: int, valid_to: dt.date) -> CardInfo:
    """The same number, valid until ``valid_to``."""
    require(actor, Permission.WRITE_REGISTRY)
    card = _card(session, card_id)
    _must_be_active(card)
    _living_person(session, card.person_id)
    if valid_to < card.valid_from:
        raise ValidationError({"valid_to": "la scadenza precede l'inizio della validità"})
    card.valid_to = valid_to
    session.flush()
    return _card_info(session, card)


def revoke_card(session: Session, actor: Actor, card_id: int, reason: str = "") -> CardInfo:
    """The card stops working at once (its meals stay)."""
    require(actor, Permission.WRITE_REGISTRY)
    card = _card(session, card_id)
    _must_be_active(card)
    card.status = CardStatus.REVOKED
    card.ended_at = clock.utcnow()
    card.end_reason = reason.strip()[:200] or None
    session.flush()
    return _card_info(session, card)


def replace_card(
    session: Session, actor: Actor, card_id: int, reason: str = "tessera smarrita"
) -> CardInfo:
    """A new number for a lost or damaged card, valid until the old one's end: the old
    number stops working at once and names its replacement."""
    require(actor, Permission.WRITE_REGISTRY)
    old = _card(session, card_id)
    _must_be_active(old)
    _living_person(session, old.person_id)
    old.status = CardStatus.REPLACED
    old.ended_at = clock.utcnow()
    old.end_reason = reason.strip()[:200] or None
    session.flush()
    today = clock.today()
    new = CanteenCard(
        number=_next_number(session),
        person_id=old.person_id,
        valid_from=today,
        valid_to=max(old.valid_to, today),
        status=CardStatus.ACTIVE,
        issued_by_user_id=actor.user_id,
    )
    session.add(new)
    session.flush()
    old.replaced_by_id = new.id
    session.flush()
    return _card_info(session, new)


def cards_of(session: Session, actor: Actor, person_id: int) -> list[CardInfo]:
    require(actor, Permission.READ_REGISTRY)
    cards = session.scalars(
        select(CanteenCard)
        .where(CanteenCard.person_id == person_id)
        .order_by(CanteenCard.number.desc())
    )
    return [_card_info(session, c) for c in cards]


# =========================================================================== check-in


@dataclass(frozen=True)
class CheckInResult:
    meal_id: int
    person_id: int
    person_code: str
    name: str
    meal: MealType
    day: dt.date
    card_number: int | None
    has_card: bool  # an active card valid on the day (a first access: offer one)
    has_photo: bool
    backdated: bool
    recorded_at: dt.datetime
    seats: Seats = field(default_factory=lambda: Seats(0, None))

    @property
    def message(self) -> str:
        when = f" del {_day(self.day)}" if self.backdated else ""
        return f"{MEAL_LABELS[self.meal]}{when} {recorded_word(self.meal)}: {self.name}"

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": True,
            "meal_id": self.meal_id,
            "person": self.name,
            "code": self.person_code,
            "meal": self.meal.value,
            "date": _day(self.day),
            "card": card_code(self.card_number) if self.card_number is not None else None,
            "has_card": self.has_card,
            "has_photo": self.has_photo,
            "backdated": self.backdated,
            "seats_taken": self.seats.taken,
            "seats": self.seats.seats,
            "near_capacity": self.seats.near_capacity,
            "message": self.message,
        }


def _photo_query(person_id: int) -> Any:
    return select(Attachment.id).where(
        Attachment.person_id == person_id, Attachment.media_type.in_(PHOTO_TYPES)
    )


PHOTO_TYPES = ("image/jpeg", "image/png")


def photo_of(session: Session, actor: Actor, person_id: int) -> bytes | None:
    """The person's photo: their latest JPEG/PNG attachment, when they consented to photos."""
    require(actor, Permission.READ_REGISTRY)
    consent = session.scalar(select(Person.consent_photo).where(Person.id == person_id))
    if not consent:
        return None
    attachment_id = session.scalar(_photo_query(person_id).order_by(Attachment.id.desc()))
    if attachment_id is None:
        return None
    attachment = session.get(Attachment, attachment_id)
    return attachment.content if attachment is not None else None


def _resolve(session: Session, text: str) -> tuple[int, CanteenCard | None]:
    """The person (and the card, when a card number was given) that ``text`` names."""
    typed = text.strip()
    if not typed:
        raise ValidationError({"card": "campo obbligatorio"})
    if typed.isascii() and typed.isdigit() and len(typed) <= CARD_CODE_DIGITS:
        card = session.scalar(select(CanteenCard).where(CanteenCard.number == int(typed)))
        if card is not None:
            return card.person_id, card
    person_id = persons.find_id_by_code(session, typed)
    if person_id is None:
        raise CheckInRefused(
            RefusalReason.UNKNOWN_CARD,
            f"Tessera o Codice «{typed[:40]}» sconosciuto: cercare la persona per nome.",
        )
    return person_id, None


def _check_card(card: CanteenCard, day: dt.date, name: str, session: Session) -> None:
    if card.status is CardStatus.REVOKED:
        when = f" il {_day(card.ended_at.astimezone().date())}" if card.ended_at else ""
        raise CheckInRefused(
            RefusalReason.CARD_REVOKED, f"Tessera n. {card.code} revocata{when} ({name}).", name
        )
    if card.status is CardStatus.REPLACED:
        other = session.scalar(
            select(CanteenCard.number).where(CanteenCard.id == card.replaced_by_id)
        )
        by = f" dalla n. {card_code(other)}" if other is not None else ""
        raise CheckInRefused(
            RefusalReason.CARD_REPLACED,
            f"Tessera n. {card.code} sostituita{by}: usare la tessera nuova ({name}).",
            name,
        )
    if day > card.valid_to:
        raise CheckInRefused(
            RefusalReason.CARD_EXPIRED,
            f"Tessera n. {card.code} scaduta il {_day(card.valid_to)} ({name}).",
            name,
        )
    if day < card.valid_from:
        raise CheckInRefused(
            RefusalReason.CARD_NOT_YET_VALID,
            f"Tessera n. {card.code} valida dal {_day(card.valid_from)} ({name}).",
            name,
        )


def check_in(
    session: Session,
    actor: Actor,
    card_or_code: str,
    day: dt.date | None = None,
    meal: MealType | None = None,
) -> CheckInResult:
    """Record the meal of the person whose card number or Codice was typed (or scanned)."""
    require(actor, Permission.WRITE_REGISTRY)
    person_id, card = _resolve(session, card_or_code)
    return _record(session, actor, person_id, card, day, meal)


def check_in_person(
    session: Session,
    actor: Actor,
    person_id: int,
    day: dt.date | None = None,
    meal: MealType | None = None,
) -> CheckInResult:
    """Record the meal of a person found by name (no card shown: a first access)."""
    require(actor, Permission.WRITE_REGISTRY)
    return _record(session, actor, person_id, None, day, meal)


def _record(
    session: Session,
    actor: Actor,
    person_id: int,
    card: CanteenCard | None,
    day: dt.date | None,
    meal: MealType | None,
) -> CheckInResult:
    today = clock.today()
    day = day or today
    if day > today:
        raise ValidationError({"date": f"il {_day(day)} è nel futuro: non si registra un pasto"})
    meal = meal or meal_of_the_moment(session)
    row = session.execute(
        select(
            Person.code,
            Person.last_name,
            Person.first_name,
            Person.intake_date,
            Person.anonymised_at,
            Person.merged_into_id,
            Person.consent_photo,
        ).where(Person.id == person_id)
    ).first()
    if row is None or row.merged_into_id is not None:
        raise NotFound("Persona non trovata.")
    name = f"{row.last_name} {row.first_name}"
    if row.anonymised_at is not None:
        raise CheckInRefused(
            RefusalReason.ANONYMISED,
            f"La persona {row.code} è stata anonimizzata: non si registrano pasti.",
        )
    if card is not None:
        _check_card(card, day, name, session)
    if day < row.intake_date:
        raise CheckInRefused(
            RefusalReason.BEFORE_INTAKE,
            f"Il {_day(day)} precede la presa in carico di {name} "
            f"({_day(row.intake_date)}): il pasto non si registra.",
            name,
        )
    taken_at = session.scalar(
        select(Meal.recorded_at).where(
            Meal.person_id == person_id, Meal.meal_date == day, Meal.meal_type == meal
        )
    )
    if taken_at is not None:
        raise AlreadyTaken(
            RefusalReason.ALREADY_TAKEN, _already_taken_text(name, meal, day, taken_at), name
        )
    valid_card = card
    if valid_card is None:
        current = active_card(session, person_id)
        valid_card = current if current is not None and current.valid_to >= day else None
    record = Meal(
        person_id=person_id,
        meal_date=day,
        meal_type=meal,
        card_id=card.id if card is not None else None,
        recorded_at=clock.utcnow(),
        recorded_by_user_id=actor.user_id,
        backdated=day < today,
    )
    session.add(record)
    session.flush()
    # A photo is shown only with the consent to photos (one more read only then).
    has_photo = bool(row.consent_photo) and (
        session.scalar(_photo_query(person_id).limit(1)) is not None
    )
    return CheckInResult(
        meal_id=record.id,
        person_id=person_id,
        person_code=row.code,
        name=name,
        meal=meal,
        day=day,
        card_number=card.number if card is not None else None,
        has_card=valid_card is not None,
        has_photo=has_photo,
        backdated=record.backdated,
        recorded_at=record.recorded_at,
        seats=seats(session, actor, day, meal),
    )


def undo_check_in(session: Session, actor: Actor, meal_id: int) -> None:
    """Take back a check-in made by mistake (the deletion is audited)."""
    require(actor, Permission.WRITE_REGISTRY)
    meal = session.get(Meal, meal_id)
    if meal is None:
        raise NotFound("Il pasto non c'è più: forse è già stato annullato.")
    session.delete(meal)
    session.flush()


# =========================================================================== search


@dataclass(frozen=True)
class PersonChoice:
    person_id: int
    code: str
    name: str
    card_code: str  # the active card, or ""


def find_people(session: Session, actor: Actor, text: str, limit: int = 20) -> list[PersonChoice]:
    """Persons whose name or Codice starts with the typed words (for people without a
    card), with their active card if any."""
    require(actor, Permission.READ_REGISTRY)
    if not text.strip():
        return []
    ids = persons.search_ids(session, actor, persons.PersonFilter(text=text), limit=limit)
    if not ids:
        return []
    rows = session.execute(
        select(Person.id, Person.code, Person.last_name, Person.first_name, CanteenCard.number)
        .outerjoin(
            CanteenCard,
            and_(CanteenCard.person_id == Person.id, CanteenCard.status == CardStatus.ACTIVE),
        )
        .where(Person.id.in_(ids), Person.anonymised_at.is_(None))
    ).all()
    by_id = {r[0]: r for r in rows}
    return [
        PersonChoice(r[0], r[1], f"{r[2]} {r[3]}", card_code(r[4]) if r[4] is not None else "")
        for r in (by_id[i] for i in ids if i in by_id)
    ]


# =========================================================================== rosters


@dataclass(frozen=True)
class RosterRow:
    meal_id: int
    recorded_at: dt.datetime
    code: str
    name: str
    card: str  # the card shown, "" without
    backdated: bool


def roster(session: Session, actor: Actor, day: dt.date, meal: MealType) -> list[RosterRow]:
    """Who took this meal this day, in the order they came."""
    require(actor, Permission.READ_REGISTRY)
    rows = session.execute(
        select(
            Meal.id,
            Meal.recorded_at,
            Person.code,
            Person.last_name,
            Person.first_name,
            CanteenCard.number,
            Meal.backdated,
        )
        .join(Person, Person.id == Meal.person_id)
        .outerjoin(CanteenCard, CanteenCard.id == Meal.card_id)
        .where(Meal.meal_date == day, Meal.meal_type == meal)
        .order_by(Meal.recorded_at, Meal.id)
    ).all()
    return [
        RosterRow(r[0], r[1], r[2], f"{r[3]} {r[4]}", card_code(r[5]) if r[5] else "", r[6])
        for r in rows
    ]


@dataclass(frozen=True)
class RegisterRow:
    """One person's meals in a month: how many of each type, on how many days."""

    code: str
    name: str
    totals: dict[MealType, int]
    days: int


MEAL_LETTERS = {MealType.BREAKFAST: "C", MealType.LUNCH: "P", MealType.DINNER: "S"}


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return first, following


def parse_month(text: str) -> tuple[int, int]:
    try:
        moment = dt.datetime.strptime(text.strip(), "%m/%Y")
    except ValueError:
        raise ValidationError(
            {"month": f"mese «{text.strip()}» non valido: scrivere mm/aaaa"}
        ) from None
    return moment.year, moment.month


def monthly_register(session: Session, actor: Actor, year: int, month: int) -> list[RegisterRow]:
    """Every person who ate in the month, by name: meals of each type and days, counted
    in SQL (a city's month is some 30,000 meals)."""
    require(actor, Permission.READ_REGISTRY)
    first, following = month_bounds(year, month)
    per_person = (
        select(
            Meal.person_id,
            *(func.count().filter(Meal.meal_type == meal).label(meal.name) for meal in MEAL_ORDER),
            func.count(func.distinct(Meal.meal_date)).label("days"),
        )
        .where(Meal.meal_date >= first, Meal.meal_date < following)
        .group_by(Meal.person_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Person.code,
            Person.last_name,
            Person.first_name,
            *(per_person.c[meal.name] for meal in MEAL_ORDER),
            per_person.c.days,
        )
        .join(per_person, per_person.c.person_id == Person.id)
        .order_by(Person.sort_key, Person.id)
    ).all()
    return [
        RegisterRow(
            r[0],
            f"{r[1]} {r[2]}",
            {meal: int(r[3 + i]) for i, meal in enumerate(MEAL_ORDER)},
            int(r[6]),
        )
        for r in rows
    ]


@dataclass(frozen=True)
class DayCount:
    day: dt.date
    counts: dict[MealType, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def counts_by_day(session: Session, actor: Actor, first: dt.date, last: dt.date) -> list[DayCount]:
    """Meals per day and type between two days (both included), counted in SQL."""
    require(actor, Permission.READ_REGISTRY)
    rows = session.execute(
        select(Meal.meal_date, Meal.meal_type, func.count())
        .where(Meal.meal_date >= first, Meal.meal_date <= last)
        .group_by(Meal.meal_date, Meal.meal_type)
        .order_by(Meal.meal_date)
    ).all()
    days: dict[dt.date, DayCount] = {}
    for day, meal, count in rows:
        entry = days.setdefault(day, DayCount(day, dict.fromkeys(MEAL_ORDER, 0)))
        entry.counts[meal] = int(count)
    return list(days.values())


def counts_by_month(
    session: Session, actor: Actor, first: dt.date, last: dt.date
) -> list[tuple[str, dict[MealType, int]]]:
    """Meals per month ("mm/yyyy") and type, from the days counted in SQL."""
    months: dict[str, dict[MealType, int]] = {}
    for entry in counts_by_day(session, actor, first, last):
        key = entry.day.strftime("%m/%Y")
        bucket = months.setdefault(key, dict.fromkeys(MEAL_ORDER, 0))
        for meal, count in entry.counts.items():
            bucket[meal] += count
    return list(months.items())


def _month_key(session: Session, column: Any) -> Any:
    if session.get_bind().dialect.name == "sqlite":
        return func.strftime("%Y-%m", column)
    return func.to_char(cast(column, Date), "YYYY-MM")


def meals_by_month_of_person(session: Session, person_id: int) -> list[tuple[str, int]]:
    """ "2026-03", count: one person's meals per month, counted in SQL."""
    key = _month_key(session, Meal.meal_date)
    rows = session.execute(
        select(key, func.count()).where(Meal.person_id == person_id).group_by(key).order_by(key)
    ).all()
    return [(str(k), int(c)) for k, c in rows]


def meals_of_person(
    session: Session, actor: Actor, person_id: int
) -> Sequence[tuple[dt.date, MealType, str]]:
    require(actor, Permission.READ_REGISTRY)
    rows = session.execute(
        select(Meal.meal_date, Meal.meal_type, CanteenCard.number)
        .outerjoin(CanteenCard, CanteenCard.id == Meal.card_id)
        .where(Meal.person_id == person_id)
        .order_by(Meal.meal_date, Meal.meal_type)
    ).all()
    return [(r[0], r[1], card_code(r[2]) if r[2] else "") for r in rows]


def export_roster(
    session: Session, actor: Actor, day: dt.date, meal: MealType, target: Path
) -> int:
    """The day's list of a meal as a CSV file (semicolons, UTF-8 with BOM: Excel in Italian
    opens it as it is; no cell a spreadsheet would run as a formula). Audited."""
    require(actor, Permission.EXPORT_DATA)
    rows = roster(session, actor, day, meal)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Ora", "Codice", "Persona", "Tessera", "Inserito dopo"])
    for r in rows:
        writer.writerow(
            [
                _local_time(r.recorded_at),
                csv_protected(r.code),
                csv_protected(r.name),
                r.card,
                "sì" if r.backdated else "",
            ]
        )
    target.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
    audit.record(
        session,
        actor,
        AuditAction.EXPORT,
        "meal",
        detail=f"Esportazione: elenco {meal.value} del {_day(day)} ({len(rows)} righe)",
    )
    return len(rows)


# =========================================================================== printed forms


def _card_data(session: Session, actor: Actor, card: CanteenCard) -> canteen_reports.CardData:
    person = session.get(Person, card.person_id)
    assert person is not None
    return canteen_reports.CardData(
        code=card.code,
        name=f"{person.last_name} {person.first_name}",
        person_code=person.code,
        valid_from=card.valid_from,
        valid_to=card.valid_to,
        photo=photo_of(session, actor, person.id),
    )


def _fill_card(
    session: Session, actor: Actor, selection: Mapping[str, str], _lang: str, out: Any
) -> forms.Printed:
    person_id = forms.person_id_for_code(session, selection["person"])
    card = active_card(session, person_id)
    if card is None:
        raise ValidationError({"person": "la persona non ha una tessera mensa attiva"})
    canteen_reports.render_card(_card_data(session, actor, card), out)
    return forms.Printed("canteen_card", card.id, person_id)


def _fill_card_sheet(
    session: Session, actor: Actor, selection: Mapping[str, str], _lang: str, out: Any
) -> forms.Printed:
    query = select(CanteenCard).where(CanteenCard.status == CardStatus.ACTIVE)
    if "date" in selection:
        day = parse_day(selection["date"])
        start = dt.datetime.combine(day, dt.time()).astimezone()
        query = query.where(
            CanteenCard.issued_at >= start, CanteenCard.issued_at < start + dt.timedelta(days=1)
        )
    cards = session.scalars(query.order_by(CanteenCard.number)).all()
    if not cards:
        raise ValidationError({"date": "nessuna tessera attiva da stampare"})
    canteen_reports.render_card_sheet([_card_data(session, actor, c) for c in cards], out)
    return forms.Printed("canteen_card", None, subjects=tuple(c.person_id for c in cards))


def _fill_sign_sheet(
    session: Session, actor: Actor, selection: Mapping[str, str], _lang: str, out: Any
) -> forms.Printed:
    day = parse_day(selection["date"])
    meal = parse_meal(selection["meal"])
    rows = roster(session, actor, day, meal)
    canteen_reports.render_sign_sheet(
        MEAL_LABELS[meal],
        day,
        [canteen_reports.SignSheetRow(_local_time(r.recorded_at), r.code, r.name) for r in rows],
        seats(session, actor, day, meal).text(),
        out,
    )
    return forms.Printed("meal", None)


def _fill_register(
    session: Session, actor: Actor, selection: Mapping[str, str], _lang: str, out: Any
) -> forms.Printed:
    year, month = parse_month(selection["month"])
    first, following = month_bounds(year, month)
    people = monthly_register(session, actor, year, month)
    days = counts_by_day(session, actor, first, following - dt.timedelta(days=1))
    canteen_reports.render_register(
        f"{month:02d}/{year}",
        [
            canteen_reports.RegisterLine(
                p.code,
                p.name,
                p.totals[MealType.BREAKFAST],
                p.totals[MealType.LUNCH],
                p.totals[MealType.DINNER],
                p.days,
            )
            for p in people
        ],
        [
            canteen_reports.DayLine(
                d.day,
                d.counts[MealType.BREAKFAST],
                d.counts[MealType.LUNCH],
                d.counts[MealType.DINNER],
            )
            for d in days
        ],
        out,
    )
    return forms.Printed("meal", None)


forms.register_filler(canteen_reports.CARD_FORM, _fill_card)
forms.register_filler(canteen_reports.CARD_SHEET_FORM, _fill_card_sheet)
forms.register_filler(canteen_reports.SIGN_SHEET_FORM, _fill_sign_sheet)
forms.register_filler(canteen_reports.REGISTER_FORM, _fill_register)


# =========================================================================== person's data


def _person_section(session: Session, person_id: int) -> Section:
    cards = session.scalars(
        select(CanteenCard).where(CanteenCard.person_id == person_id).order_by(CanteenCard.number)
    ).all()
    meals = session.execute(
        select(Meal.meal_date, Meal.meal_type, Meal.backdated)
        .where(Meal.person_id == person_id)
        .order_by(Meal.meal_date, Meal.meal_type)
    ).all()
    rows: list[dict[str, Any]] = [
        {
            "what": f"Tessera n. {c.code}",
            "date": c.valid_from,
            "detail": f"valida fino al {_day(c.valid_to)}, {STATUS_LABELS[c.status]}",
        }
        for c in cards
    ]
    rows += [
        {
            "what": MEAL_LABELS[m[1]],
            "date": m[0],
            "detail": "registrato in ritardo" if m[2] else "",
        }
        for m in meals
    ]
    return Section(
        "Mensa: tessere e pasti",
        rows,
        (("what", "Voce"), ("date", "Data"), ("detail", "Dettagli")),
    )


def _scrub(session: Session, actor: Actor, person_id: int) -> None:
    """Anonymisation: the meals stay (the counts need them); the free text of the cards
    (the reason a card ended) goes, and an active card stops working."""
    for card in session.scalars(select(CanteenCard).where(CanteenCard.person_id == person_id)):
        card.end_reason = None
        if card.status is CardStatus.ACTIVE:
            card.status = CardStatus.REVOKED
            card.ended_at = clock.utcnow()


def _register_person_data() -> None:
    register_section(
        "canteen",
        _person_section,
        anonymise=_scrub,
        entities=[
            LinkedEntity("meal"),
            LinkedEntity("canteen_card", identifying=frozenset({"end_reason"})),
        ],
        order=30,
    )


_register_person_data()


# =========================================================================== timeline


def _timeline(session: Session, actor: Actor, person_id: int) -> list[TimelineEvent]:
    if not actor.can(Permission.READ_REGISTRY):
        return []
    events = []
    for key, count in meals_by_month_of_person(session, person_id):
        year, month = int(key[:4]), int(key[5:7])
        first, following = month_bounds(year, month)
        events.append(
            TimelineEvent(
                day=first,
                kind="meal",
                title=f"Mensa: {count} {'pasto' if count == 1 else 'pasti'}",
                detail=f"{month:02d}/{year}",
                until=following - dt.timedelta(days=1),
                entity="meal",
            )
        )
    return events


def _register_timeline() -> None:
    register_provider("meal", "Pasti", _timeline)


_register_timeline()
