"""The beneficiary registry: validation, create, update, read (audited), search.

Validation collects every problem of a record at once, each under its field name, in
Italian; a codice fiscale that does not match the person's data is a warning, not an
error (the office may hold a code with an old transcription of the name), and the
warning names the differing parts and proposes the computed code.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

from sqlalchemy import and_, delete, func, insert, or_, select
from sqlalchemy.orm import Session

from tit_desktop.models import (
    Disability,
    Employment,
    Organisation,
    Pathway,
    PermitReason,
    Person,
    PersonSearchToken,
    Sex,
    StaffMember,
)
from tit_desktop.models.audit import AuditAction
from tit_desktop.services import (
    audit,
    clock,
    codice_fiscale,
    conflicts,
    numbering,
    person_fields,
    places,
)
from tit_desktop.services.database import STALE_MESSAGE
from tit_desktop.services.errors import (
    ConflictError,
    NotFound,
    StaleRecord,
    ValidationError,
    label_for,
    register_labels,
)
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.text import (
    character_problem,
    clean,
    fold,
    fold_key,
)

# Optional fields for which "refused to answer" differs from "not asked".
DECLINABLE = person_fields.declinable()

ISCED_LABELS = {
    0: "ISCED 0 - Nessun titolo / educazione prescolare",
    1: "ISCED 1 - Istruzione primaria",
    2: "ISCED 2 - Secondaria inferiore",
    3: "ISCED 3 - Secondaria superiore",
    4: "ISCED 4 - Post-secondaria non terziaria",
    5: "ISCED 5 - Terziaria a ciclo breve",
    6: "ISCED 6 - Laurea o equivalente",
    7: "ISCED 7 - Laurea magistrale o equivalente",
    8: "ISCED 8 - Dottorato",
}

ETHOS_LABELS = {
    0: "0 - Abitazione adeguata",
    1: "1 - Persone che vivono in strada",
    2: "2 - Persone in sistemazioni di emergenza",
    3: "3 - Persone in strutture per senza dimora",
    4: "4 - Persone in strutture per donne",
    5: "5 - Persone in strutture per immigrati",
    6: "6 - Persone in uscita da istituzioni",
    7: "7 - Persone in sostegno a lungo termine (senza dimora)",
    8: "8 - Sistemazione insicura",
    9: "9 - Sotto minaccia di sfratto",
    10: "10 - Sotto minaccia di violenza",
    11: "11 - Strutture temporanee o non convenzionali",
    12: "12 - Alloggio inadeguato",
    13: "13 - Sovraffollamento grave",
}

# Stored values that users read written otherwise (accents the stored ASCII value lacks).
# The stored values stay as they are: the exchange sheet and existing databases use them.
_VALUE_LABELS: dict[str, str] = {
    PermitReason.MINOR_AGE.value: "minore età",
    Disability.YES.value: "sì",
}


def value_label(value: str | None) -> str:
    """What users read for a stored choice (permit reason, employment, disability...)."""
    if value is None:
        return ""
    return _VALUE_LABELS.get(value, value)


MAX_LENGTHS = {
    "code": 32,
    "last_name": 100,
    "first_name": 100,
    "birth_place_text": 120,
    "fiscal_code": 16,
    "cui": 20,
    "permit_type": 80,
    "permit_number": 40,
    "permit_issuer": 120,
    "phone": 40,
    "email": 200,
    "address": 300,
    "languages": 300,
    "notes": 5000,
}

# Labels of the form's fields, from the catalogue (error messages name fields by them).
FIELD_LABELS = person_fields.labels()

register_labels(FIELD_LABELS)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[+0-9 ()./-]{5,40}$")
_CODE = re.compile(r"^[A-Za-z0-9._/-]+$")
_CUI = re.compile(r"^[A-Za-z0-9]{5,20}$")
EARLIEST_DATE = dt.date(1900, 1, 1)
# Intake and permits: nothing the office records is older; a permit runs at most this long.
EARLIEST_RECORD_DATE = dt.date(1990, 1, 1)
PERMIT_YEARS_AHEAD = 30


def _years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _outside(value: dt.date, first: dt.date, last: dt.date) -> str | None:
    """The message for a date outside a plausible range (0001-01-01, 9999-12-31...)."""
    if first <= value <= last:
        return None
    return f"data non plausibile: deve essere fra il {first:%d/%m/%Y} e il {last:%d/%m/%Y}"


@dataclass
class PersonInput:
    """Everything the person form edits. Strings are as typed; the service cleans them."""

    code: str = ""
    last_name: str = ""
    first_name: str = ""
    sex: str | None = None
    birth_date: dt.date | None = None
    birth_place_code: str | None = None
    birth_place_text: str | None = None
    citizenship_code: str | None = None
    fiscal_code: str | None = None
    cui: str | None = None
    permit_type: str | None = None
    permit_reason: str | None = None
    permit_number: str | None = None
    permit_issuer: str | None = None
    permit_issued_on: dt.date | None = None
    permit_expires_on: dt.date | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    languages: str | None = None
    education_isced: int | None = None
    employment: str | None = None
    ethos_at_intake: int | None = None
    disability: str | None = None
    declined: frozenset[str] = field(default_factory=frozenset)
    intake_date: dt.date | None = None
    referring_organisation_id: int | None = None
    reference_staff_id: int | None = None
    consent_privacy: bool | None = None
    consent_privacy_on: dt.date | None = None
    consent_photo: bool | None = None
    consent_photo_on: dt.date | None = None
    consent_sharing: bool | None = None
    consent_sharing_on: dt.date | None = None
    notes: str | None = None


_STRING_FIELDS = tuple(MAX_LENGTHS)
_COLUMN_FIELDS = tuple(f.name for f in fields(PersonInput) if f.name != "declined")


@dataclass(frozen=True)
class PersonDetail:
    id: int
    version: int
    data: PersonInput
    birth_place_label: str
    citizenship_label: str
    referring_organisation: str
    reference_staff: str
    anonymised: bool
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def display_name(self) -> str:
        return f"{self.data.last_name} {self.data.first_name}"


@dataclass(frozen=True)
class SaveResult:
    id: int
    version: int
    warnings: tuple[str, ...]
    code: str = ""  # as saved (a new record's may have been given by the series)


def _too_long(errors: dict[str, str], data: PersonInput) -> None:
    for name, limit in MAX_LENGTHS.items():
        value = getattr(data, name)
        if value is None:
            continue
        problem = character_problem(value)
        if problem is not None:
            errors[name] = problem
        elif len(value) > limit:
            errors[name] = f"troppo lungo: al massimo {limit} caratteri (sono {len(value)})"


def normalise(data: PersonInput) -> PersonInput:
    """Trimmed strings, upper-case codes, empty strings as None."""
    values: dict[str, Any] = {}
    for name in _STRING_FIELDS:
        raw = getattr(data, name)
        if name == "notes":
            values[name] = raw.strip() or None if raw else None
        else:
            values[name] = clean(raw)
    if values["fiscal_code"]:
        values["fiscal_code"] = codice_fiscale.normalise(values["fiscal_code"])
    if values["cui"]:
        values["cui"] = values["cui"].replace(" ", "").upper()
    for name in ("birth_place_code", "citizenship_code"):
        raw = getattr(data, name)
        values[name] = raw.strip().upper() if raw and raw.strip() else None
    values["sex"] = data.sex.strip().upper() if data.sex and data.sex.strip() else None
    values["code"] = values["code"] or ""
    values["last_name"] = values["last_name"] or ""
    values["first_name"] = values["first_name"] or ""
    return replace(data, **values)


def validate(
    session: Session | None,
    data: PersonInput,
    person_id: int | None = None,
    today: dt.date | None = None,
    check_database: bool = True,
) -> list[str]:
    """Raise ValidationError with every problem; return the warnings (codice fiscale).

    ``check_database=False`` skips the checks that query the database (Codice, codice
    fiscale and CUI used by another person; ente and operatore exist): for callers that
    have already made them in bulk, as the import of a whole workbook does.
    """
    today = today or clock.today()
    errors: dict[str, str] = {}
    _too_long(errors, data)
    # A field's message is the reason in lower case: it is shown as "Codice: campo
    # obbligatorio" in a list and under the field itself.
    # A new record without a Codice gets the next number of the office's series when saved.
    required = (
        ("code", "last_name", "first_name")
        if person_id is not None
        else ("last_name", "first_name")
    )
    for name in required:
        if not getattr(data, name) and name not in errors:
            errors[name] = "campo obbligatorio"
    if data.code and "code" not in errors and not _CODE.match(data.code):
        errors["code"] = "solo lettere, cifre e i segni . _ / -"
    if data.sex is not None and data.sex not in {s.value for s in Sex}:
        errors["sex"] = "indicare F o M"
    if data.intake_date is None:
        errors["intake_date"] = "data obbligatoria"
    elif data.intake_date > today:
        errors["intake_date"] = "non può essere nel futuro"
    elif data.intake_date < EARLIEST_RECORD_DATE:
        errors["intake_date"] = str(_outside(data.intake_date, EARLIEST_RECORD_DATE, today))
    if data.birth_date is not None:
        if data.birth_date > today:
            errors["birth_date"] = "non può essere nel futuro"
        elif data.birth_date < EARLIEST_DATE:
            errors["birth_date"] = "data non plausibile (prima del 1900)"
        elif data.intake_date is not None and data.birth_date > data.intake_date:
            errors["birth_date"] = (
                f"la data di nascita ({data.birth_date:%d/%m/%Y}) è successiva alla presa in "
                f"carico ({data.intake_date:%d/%m/%Y})"
            )
    if data.birth_place_code and places.by_code(data.birth_place_code) is None:
        errors["birth_place_code"] = f"luogo sconosciuto (codice {data.birth_place_code})"
    if data.citizenship_code:
        state = places.by_code(data.citizenship_code)
        if state is None or state.kind != "stato":
            errors["citizenship_code"] = f"stato sconosciuto (codice {data.citizenship_code})"
    if data.permit_reason is not None and data.permit_reason not in {r.value for r in PermitReason}:
        errors["permit_reason"] = f"motivo «{data.permit_reason}» non previsto"
    if (
        data.permit_issued_on is not None
        and data.permit_expires_on is not None
        and data.permit_issued_on > data.permit_expires_on
    ):
        errors["permit_expires_on"] = (
            f"la scadenza ({data.permit_expires_on:%d/%m/%Y}) precede il rilascio "
            f"({data.permit_issued_on:%d/%m/%Y})"
        )
    if data.permit_issued_on is not None and data.permit_issued_on > today:
        errors["permit_issued_on"] = "il rilascio non può essere nel futuro"
    elif data.permit_issued_on is not None:
        problem = _outside(data.permit_issued_on, EARLIEST_RECORD_DATE, today)
        if problem:
            errors["permit_issued_on"] = problem
    if data.permit_expires_on is not None and "permit_expires_on" not in errors:
        last = _years_after(today, PERMIT_YEARS_AHEAD)
        problem = _outside(data.permit_expires_on, EARLIEST_RECORD_DATE, last)
        if problem:
            errors["permit_expires_on"] = problem
    if data.email and "email" not in errors and not _EMAIL.match(data.email):
        errors["email"] = "indirizzo e-mail non valido"
    if data.phone and "phone" not in errors and not _PHONE.match(data.phone):
        errors["phone"] = "solo cifre, spazi e i segni + ( ) . / -"
    if data.education_isced is not None and not 0 <= data.education_isced <= 8:
        errors["education_isced"] = "livello ISCED da 0 a 8"
    if data.ethos_at_intake is not None and not 0 <= data.ethos_at_intake <= 13:
        errors["ethos_at_intake"] = "categoria ETHOS da 0 a 13"
    if data.employment is not None and data.employment not in {e.value for e in Employment}:
        errors["employment"] = f"condizione «{data.employment}» non prevista"
    if data.disability is not None and data.disability not in {d.value for d in Disability}:
        errors["disability"] = "indicare si, no o non dichiarato"
    unknown = set(data.declined) - set(DECLINABLE)
    if unknown:
        errors["declined"] = "campi sconosciuti: " + ", ".join(sorted(unknown))
    for name in data.declined & set(DECLINABLE):
        if getattr(data, name) is not None:
            errors[name] = "indicato sia un valore sia «non ha risposto»"
    for kind in ("privacy", "photo", "sharing"):
        given = getattr(data, f"consent_{kind}")
        on = getattr(data, f"consent_{kind}_on")
        if given is not None and on is None:
            errors[f"consent_{kind}_on"] = "indicare la data in cui è stata data la risposta"
        if on is not None and on > today:
            errors[f"consent_{kind}_on"] = "non può essere nel futuro"
        if on is not None and given is None:
            errors[f"consent_{kind}"] = "indicare la risposta (sì o no) per la data inserita"
    if data.cui and "cui" not in errors and not _CUI.match(data.cui):
        errors["cui"] = "da 5 a 20 lettere o cifre"
    warnings: list[str] = []
    if data.fiscal_code and "fiscal_code" not in errors:
        result = codice_fiscale.check(
            data.fiscal_code,
            data.last_name or None,
            data.first_name or None,
            data.sex,
            data.birth_date,
            data.birth_place_code,
        )
        if result.error:
            errors["fiscal_code"] = result.error
        elif result.mismatches:
            warnings.append(result.warning_text)
    if check_database:
        assert session is not None, "the database checks need a session"
        _check_unique(session, data, person_id, errors)
        _check_references(session, data, errors)
    if errors:
        raise ValidationError({k: v for k, v in errors.items()})
    return warnings


def input_problems(data: PersonInput, person_id: int | None = None) -> dict[str, str]:
    """The problems of a form as typed, without asking the database (unique codes and
    references are checked when saving): what a form re-checks as the user corrects it."""
    try:
        validate(None, normalise(data), person_id, check_database=False)
    except ValidationError as exc:
        return dict(exc.fields)
    return {}


def _check_unique(
    session: Session, data: PersonInput, person_id: int | None, errors: dict[str, str]
) -> None:
    for name, column in (
        ("code", Person.code),
        ("fiscal_code", Person.fiscal_code),
        ("cui", Person.cui),
    ):
        value = getattr(data, name)
        if not value or name in errors:
            continue
        query = select(Person.id, Person.last_name, Person.first_name, Person.code).where(
            column == value
        )
        if person_id is not None:
            query = query.where(Person.id != person_id)
        other = session.execute(query).first()
        if other is not None:
            errors[name] = (
                f"già usato da {other.last_name} {other.first_name} (codice {other.code})"
            )


# The same rules as the database's constraints, for two PCs that pass the check above at the
# same moment: the second one's save is refused naming the record the first one saved.
@conflicts.explains("uq_person_code", "uq_person_fiscal_code", "uq_person_cui")
def _value_taken(session: Session, violation: conflicts.Violation) -> str | None:
    name = violation.columns[0] if violation.columns else ""
    column = {"code": Person.code, "fiscal_code": Person.fiscal_code, "cui": Person.cui}.get(name)
    values = violation.values(name)
    if column is None or not values:
        return None
    query = select(Person.last_name, Person.first_name, Person.code, column).where(
        column.in_(values[:500])
    )
    other = session.execute(query.limit(1)).first()
    if other is None:
        return None
    who = f"{other.last_name} {other.first_name}"
    if name == "code":
        return f"Codice {other.code} già usato da {who}."
    return f"{label_for(name)} {other[3]} già usato da {who} (codice {other.code})."


def _check_references(session: Session, data: PersonInput, errors: dict[str, str]) -> None:
    if (
        data.referring_organisation_id is not None
        and session.get(Organisation, data.referring_organisation_id) is None
    ):
        errors["referring_organisation_id"] = "ente non trovato"
    if (
        data.reference_staff_id is not None
        and session.get(StaffMember, data.reference_staff_id) is None
    ):
        errors["reference_staff_id"] = "operatore non trovato"


def search_tokens(person: Person | PersonInput) -> set[str]:
    tokens: set[str] = set()
    for text in (person.last_name, person.first_name):
        words = fold(text).split()
        tokens.update(words)
        if len(words) > 1:
            tokens.add("".join(words))
    for value in (person.code, person.fiscal_code, person.cui):
        if value:
            tokens.add(fold_key(value))
    return {t[:64] for t in tokens if t}


def sort_key_for(last_name: str, first_name: str) -> str:
    """The list's sort key: "cognome nome" folded, as stored in ``person.sort_key``."""
    return f"{fold(last_name)} {fold(first_name)}"[:201]


def apply_input(person: Person, data: PersonInput) -> None:
    """Copy validated, normalised input onto the row (and its sort key). No checks here."""
    for name in _COLUMN_FIELDS:
        setattr(person, name, getattr(data, name))
    person.declined_fields = ",".join(sorted(data.declined))
    person.sort_key = sort_key_for(data.last_name, data.first_name)


def new_person_row(data: PersonInput) -> dict[str, Any]:
    """The columns :func:`create_person` stores for validated, normalised input, as a row
    for a bulk insert (the timestamps come from the columns' defaults, the version from
    :mod:`.bulk`)."""
    row: dict[str, Any] = {name: getattr(data, name) for name in _COLUMN_FIELDS}
    row["declined_fields"] = ",".join(sorted(data.declined))
    row["sort_key"] = sort_key_for(data.last_name, data.first_name)
    return row


def insert_search_tokens(session: Session, created: Sequence[tuple[int, PersonInput]]) -> None:
    """The search tokens of persons just inserted in bulk, from their (id, input)."""
    rows = [
        {"token": token, "person_id": person_id}
        for person_id, data in created
        for token in sorted(search_tokens(data))
    ]
    for start in range(0, len(rows), 5000):  # Core: the ORM's bulk path costs twice as much
        session.connection().execute(insert(PersonSearchToken), rows[start : start + 5000])


def write_search_tokens(session: Session, people: Sequence[Person]) -> None:
    """Replace the search tokens of these persons (flushed rows). A record merged into
    another keeps none: it must not turn up in searches."""
    ids = [p.id for p in people]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        session.execute(delete(PersonSearchToken).where(PersonSearchToken.person_id.in_(chunk)))
    rows = [
        {"token": token, "person_id": p.id}
        for p in people
        if p.merged_into_id is None
        for token in sorted(search_tokens(p))
    ]
    for start in range(0, len(rows), 5000):
        session.execute(insert(PersonSearchToken), rows[start : start + 5000])


def create_person(session: Session, actor: Actor, data: PersonInput) -> SaveResult:
    require(actor, Permission.WRITE_REGISTRY)
    data = normalise(data)
    if not data.code:
        data = replace(data, code=_issue_code(session))
    warnings = validate(session, data)
    person = Person()
    apply_input(person, data)
    session.add(person)
    session.flush()
    write_search_tokens(session, [person])
    return SaveResult(person.id, person.version, tuple(warnings), person.code)


def update_person(
    session: Session, actor: Actor, person_id: int, data: PersonInput, expected_version: int
) -> SaveResult:
    require(actor, Permission.WRITE_REGISTRY)
    person = editable_person(session, person_id)
    if person.version != expected_version:
        raise StaleRecord(STALE_MESSAGE)
    data = normalise(data)
    warnings = validate(session, data, person_id=person_id)
    apply_input(person, data)
    session.flush()
    write_search_tokens(session, [person])
    return SaveResult(person.id, person.version, tuple(warnings))


def _get(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.merged_into_id is not None:
        raise NotFound(f"Persona {person_id} non trovata.")
    return person


def editable_person(session: Session, person_id: int) -> Person:
    """The person, when their record may still change: not merged away, not anonymised."""
    person = _get(session, person_id)
    if person.anonymised_at is not None:
        raise ConflictError(
            "La scheda è stata anonimizzata: non si possono più aggiungere o cambiare dati."
        )
    return person


def input_of(person: Person) -> PersonInput:
    """The row as form input (enums as their values), for editing and exchange."""
    values = {name: getattr(person, name) for name in _COLUMN_FIELDS}
    for name in ("sex", "permit_reason", "employment", "disability"):
        if values[name] is not None:
            values[name] = str(values[name].value)
    declined = frozenset(x for x in person.declined_fields.split(",") if x)
    return PersonInput(**values, declined=declined)


def place_label(code: str | None, text: str | None = None) -> str:
    if code:
        place = places.by_code(code)
        if place is not None:
            return places.label(place)
    return text or ""


def open_person(session: Session, actor: Actor, person_id: int) -> PersonDetail:
    """Read a whole record. Every opening is recorded in the audit log."""
    require(actor, Permission.READ_REGISTRY)
    person = _get(session, person_id)
    audit.record(session, actor, AuditAction.VIEW, "person", person.id)
    data = input_of(person)
    return PersonDetail(
        id=person.id,
        version=person.version,
        data=data,
        birth_place_label=place_label(person.birth_place_code, person.birth_place_text),
        citizenship_label=place_label(person.citizenship_code),
        referring_organisation=person.referring_organisation.name
        if person.referring_organisation
        else "",
        reference_staff=person.reference_staff.display_name if person.reference_staff else "",
        anonymised=person.anonymised_at is not None,
        created_at=person.created_at,
        updated_at=person.updated_at,
    )


def find_id_by_code(session: Session, code: str) -> int | None:
    """The person with this Codice; a Codice of a record merged into another leads to the
    record that absorbed it (following a chain of merges)."""
    row = session.execute(
        select(Person.id, Person.merged_into_id).where(Person.code == code.strip())
    ).first()
    if row is None:
        return None
    person_id, merged_into = row
    seen = {person_id}
    while merged_into is not None and merged_into not in seen:
        seen.add(merged_into)
        person_id = merged_into
        merged_into = session.scalar(select(Person.merged_into_id).where(Person.id == person_id))
    return int(person_id)


# The office's own numbering: TIU-00001, TIU-00002, ...
CODE_PREFIX = "TIU-"
CODE_DIGITS = 5


CODE_SERIES = "person_code"


def _highest_number(session: Session, prefix: str) -> int:
    """The highest number used after ``prefix`` in the registry (0 if none)."""
    width = func.length(Person.code)
    # Zero-padded numbers sort as text within the same length: the longest codes, highest
    # first, and the first whose tail is all digits is the highest number.
    query = (
        select(Person.code)
        .where(Person.code.startswith(prefix, autoescape=True))
        .order_by(width.desc(), Person.code.desc())
    )
    for (code,) in session.execute(query.execution_options(yield_per=50)):
        tail = code[len(prefix) :]
        if tail.isdigit() and tail.isascii():
            return int(tail)
    return 0


def next_code(session: Session, actor: Actor, prefix: str = CODE_PREFIX) -> str:
    """The Codice a new record saved now would most likely get: one more than the highest
    number used or issued after ``prefix`` (records merged or anonymised keep theirs, so it
    is never reused); codes of another shape are ignored. Only a proposal: the number is
    taken when the record is saved (:func:`_issue_code`), as another PC may save first."""
    require(actor, Permission.READ_REGISTRY)
    issued = numbering.last_issued(session, CODE_SERIES) if prefix == CODE_PREFIX else None
    highest = max(_highest_number(session, prefix), issued or 0)
    return f"{prefix}{highest + 1:0{CODE_DIGITS}d}"


def _issue_code(session: Session) -> str:
    """The next Codice of the office's series, taken inside the saving transaction: unique
    and gapless with several PCs saving at once (a save that fails gives it back). A code
    typed by hand that is already the next one is skipped."""
    while True:
        number = numbering.issue(
            session, CODE_SERIES, start_after=lambda: _highest_number(session, CODE_PREFIX)
        )
        code = f"{CODE_PREFIX}{number:0{CODE_DIGITS}d}"
        if session.scalar(select(Person.id).where(Person.code == code)) is None:
            return code


PERMIT_WARNING_DAYS = 60


def permit_warning(expires_on: dt.date | None, today: dt.date | None = None) -> str:
    """What the record says about a permit's expiry, as Home does: expired, expiring
    within PERMIT_WARNING_DAYS days, or nothing."""
    if expires_on is None:
        return ""
    days = (expires_on - (today or clock.today())).days
    if days < 0:
        return f"Permesso scaduto il {expires_on:%d/%m/%Y} (da {-days} gg)"
    if days == 0:
        return "Permesso in scadenza oggi"
    if days <= PERMIT_WARNING_DAYS:
        return f"Permesso in scadenza il {expires_on:%d/%m/%Y} (tra {days} gg)"
    return ""


def code_of(session: Session, actor: Actor, person_id: int) -> str:
    """The person's Codice (for naming a file), without opening (and auditing) the record."""
    require(actor, Permission.READ_REGISTRY)
    code = session.scalar(select(Person.code).where(Person.id == person_id))
    if code is None:
        raise NotFound("Persona non trovata.")
    return str(code)


# --- list and search -------------------------------------------------------------------


@dataclass(frozen=True)
class PersonFilter:
    text: str = ""
    citizenship_code: str | None = None
    ethos: int | None = None
    permit_expiring_within_days: int | None = None  # includes expired permits
    reference_staff_id: int | None = None
    include_anonymised: bool = False
    # Only the persons with a percorso running today (the programme's active persons).
    in_pathway: bool = False


SORTABLE = {
    "name": Person.sort_key,
    "code": Person.code,
    "birth_date": Person.birth_date,
    "intake_date": Person.intake_date,
    "permit_expires_on": Person.permit_expires_on,
}


def _prefix_range(word: str) -> Any:
    # token >= word AND token < word-with-last-char-bumped: an index range on both engines.
    upper = word[:-1] + chr(ord(word[-1]) + 1)
    return and_(PersonSearchToken.token >= word, PersonSearchToken.token < upper)


def search_words(text: str) -> list[str]:
    """What the search matches: each typed chunk folded the way tokens are stored
    ("B-000123" -> "b000123", "D'Amico" -> "damico"); one-character chunks are left out,
    since a single letter matches a large part of any registry and narrows nothing."""
    keys = (fold_key(chunk)[:64] for chunk in text.split())
    return [k for k in keys if len(k) >= 2][:6]


def _filtered(query: Any, flt: PersonFilter, today: dt.date) -> Any:
    query = query.where(Person.merged_into_id.is_(None))
    if not flt.include_anonymised:
        query = query.where(Person.anonymised_at.is_(None))
    for word in search_words(flt.text):
        matches: Any = select(PersonSearchToken.person_id).where(_prefix_range(word))
        if word.isdigit():
            # The number of a code typed without its letters ("00004", "123" for TIU-00123):
            # codes ending with it. A scan of the narrow unique index on the code, not of
            # the rows, and no new tokens to write for the persons already registered.
            matches = matches.union(select(Person.id).where(Person.code.like(f"%{word}")))
        query = query.where(Person.id.in_(matches))
    if flt.citizenship_code:
        query = query.where(Person.citizenship_code == flt.citizenship_code)
    if flt.ethos is not None:
        query = query.where(Person.ethos_at_intake == flt.ethos)
    if flt.permit_expiring_within_days is not None:
        limit = today + dt.timedelta(days=flt.permit_expiring_within_days)
        # As a subquery on the expiry index: SQLite would otherwise scan in list order.
        expiring = select(Person.id).where(Person.permit_expires_on <= limit)
        query = query.where(Person.id.in_(expiring))
    if flt.reference_staff_id is not None:
        query = query.where(Person.reference_staff_id == flt.reference_staff_id)
    if flt.in_pathway:
        running = select(Pathway.person_id).where(
            Pathway.entry_date <= today,
            or_(Pathway.exit_date.is_(None), Pathway.exit_date >= today),
        )
        query = query.where(Person.id.in_(running))
    return query


def person_ids_matching(flt: PersonFilter) -> Any:
    """The ids of the persons the filter matches, as a subquery (other lists search
    persons the way the Beneficiari list does)."""
    return _filtered(select(Person.id), flt, clock.today())


def search_ids(
    session: Session,
    actor: Actor,
    flt: PersonFilter,
    sort: str = "name",
    descending: bool = False,
    limit: int | None = None,
) -> list[int]:
    """The ids of matching persons in display order: the list holds only these keys."""
    require(actor, Permission.READ_REGISTRY)
    column = SORTABLE[sort]
    direction = column.desc() if descending else column.asc()
    if column.nullable:
        # Persons without the date (no permit: Italians, EU citizens) go after the dated
        # ones both ways; otherwise the first rows of a sort by expiry would be blank.
        direction = direction.nulls_last()
    order = [direction, Person.id]
    if sort != "name":
        order.insert(1, Person.sort_key)
    query = _filtered(select(Person.id), flt, clock.today()).order_by(*order)
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def count(session: Session, actor: Actor, flt: PersonFilter) -> int:
    require(actor, Permission.READ_REGISTRY)
    query = _filtered(select(func.count()).select_from(Person), flt, clock.today())
    return int(session.scalar(query) or 0)


@dataclass(frozen=True)
class PersonRow:
    id: int
    code: str
    last_name: str
    first_name: str
    sex: str | None
    birth_date: dt.date | None
    citizenship: str
    fiscal_code: str | None
    intake_date: dt.date
    permit_expires_on: dt.date | None
    ethos: int | None


def rows_for(session: Session, actor: Actor, ids: Sequence[int]) -> dict[int, PersonRow]:
    """The list's visible rows, fetched by key (only what is on screen)."""
    require(actor, Permission.READ_REGISTRY)
    if not ids:
        return {}
    query = select(
        Person.id,
        Person.code,
        Person.last_name,
        Person.first_name,
        Person.sex,
        Person.birth_date,
        Person.citizenship_code,
        Person.fiscal_code,
        Person.intake_date,
        Person.permit_expires_on,
        Person.ethos_at_intake,
    ).where(Person.id.in_(list(ids)))
    result: dict[int, PersonRow] = {}
    for row in session.execute(query):
        result[row.id] = PersonRow(
            row.id,
            row.code,
            row.last_name,
            row.first_name,
            row.sex.value if row.sex else None,
            row.birth_date,
            place_label(row.citizenship_code),
            row.fiscal_code,
            row.intake_date,
            row.permit_expires_on,
            row.ethos_at_intake,
        )
    return result


@dataclass(frozen=True)
class ExpiringPermit:
    person_id: int
    code: str
    name: str
    permit_reason: str | None
    expires_on: dt.date
    days_left: int


def expiring_permits(
    session: Session, actor: Actor, within_days: int = 60, limit: int = 200
) -> list[ExpiringPermit]:
    """Permits already expired or expiring within ``within_days``, soonest first."""
    require(actor, Permission.READ_REGISTRY)
    today = clock.today()
    query = (
        select(
            Person.id,
            Person.code,
            Person.last_name,
            Person.first_name,
            Person.permit_reason,
            Person.permit_expires_on,
        )
        .where(
            Person.permit_expires_on.is_not(None),
            Person.permit_expires_on <= today + dt.timedelta(days=within_days),
            Person.anonymised_at.is_(None),
            Person.merged_into_id.is_(None),
        )
        .order_by(Person.permit_expires_on, Person.sort_key)
        .limit(limit)
    )
    return [
        ExpiringPermit(
            r.id,
            r.code,
            f"{r.last_name} {r.first_name}",
            r.permit_reason.value if r.permit_reason else None,
            r.permit_expires_on,
            (r.permit_expires_on - today).days,
        )
        for r in session.execute(query)
    ]


def citizenships_in_use(session: Session, actor: Actor) -> list[tuple[str, str]]:
    """(code, label) of the states that appear in the registry, for the list filter."""
    require(actor, Permission.READ_REGISTRY)
    codes = session.scalars(
        select(Person.citizenship_code).where(Person.citizenship_code.is_not(None)).distinct()
    )
    pairs = [(c, place_label(c)) for c in codes if c]
    return sorted(pairs, key=lambda p: fold(p[1]))


def staff_choices(session: Session, actor: Actor) -> list[tuple[int, str]]:
    require(actor, Permission.READ_REGISTRY)
    rows = session.scalars(
        select(StaffMember)
        .where(StaffMember.active.is_(True))
        .order_by(StaffMember.last_name, StaffMember.first_name)
    )
    return [(s.id, s.display_name) for s in rows]


def organisation_choices(session: Session, actor: Actor) -> list[tuple[int, str]]:
    require(actor, Permission.READ_REGISTRY)
    rows = session.scalars(
        select(Organisation).where(Organisation.active.is_(True)).order_by(Organisation.name)
    )
    return [(o.id, o.name) for o in rows]


def labels(names: Iterable[str]) -> list[str]:
    return [FIELD_LABELS.get(n, n) for n in names]
