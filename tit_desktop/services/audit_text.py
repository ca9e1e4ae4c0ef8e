"""The activity log as office staff read it: each audit row as an Italian sentence
("Modificato Cittadinanza: Marocco → Tunisia"), the person it concerns by Codice and name,
and a field | prima | dopo table for the detail.

The text functions take plain data (an :class:`audit.AuditRow` and the :class:`References`
of its page) and return strings; only :func:`load_references`, :func:`load_page` and the
two lookups for the filters read the database. Internal columns (ids, timestamps of the
bookkeeping, authors) are never shown, and the text of a note never appears: the log says
that a note was added or changed, not what it says.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tit_desktop.models import (
    Base,
    HostFamily,
    Organisation,
    Person,
    PersonNote,
    StaffMember,
    StreetZone,
    User,
)
from tit_desktop.models.audit import AuditAction
from tit_desktop.models.columns import Money
from tit_desktop.models.registry import NoteLevel
from tit_desktop.models.user import Role
from tit_desktop.services import audit, persons, places
from tit_desktop.services.errors import label_for
from tit_desktop.services.money import format_amount
from tit_desktop.services.permissions import ROLE_LABELS, SYSTEM, Actor, Permission, require

EMPTY = "—"
ARROW = " → "
# How many changed fields a list row names before "e altri N campi".
SENTENCE_FIELDS = 3
# Longer values are cut in the list row (the detail shows them whole).
SENTENCE_VALUE_LENGTH = 60
# The detail of the daily automatic backup's row, before the file's name (services/backup).
DAILY_BACKUP_DETAIL = "backup automatico giornaliero: "

ACTION_LABELS: dict[str, str] = {
    AuditAction.INSERT: "Creazione",
    AuditAction.UPDATE: "Modifica",
    AuditAction.DELETE: "Eliminazione",
    AuditAction.VIEW: "Consultazione",
    AuditAction.LOGIN: "Accesso",
    AuditAction.LOGIN_FAILED: "Accesso non riuscito",
    AuditAction.LOGOUT: "Uscita",
    AuditAction.EXPORT: "Stampa o esportazione",
    AuditAction.BACKUP: "Backup",
    AuditAction.RESTORE: "Ripristino",
    AuditAction.IMPORT: "Importazione",
    AuditAction.MERGE: "Unione di schede",
    AuditAction.UNDO_MERGE: "Unione annullata",
    AuditAction.ANONYMISE: "Anonimizzazione",
    AuditAction.BULK: "Registrazione multipla",
    AuditAction.DENIED: "Operazione non consentita",
    AuditAction.LOCK: "Blocco per inattività",
    AuditAction.UNLOCK: "Sblocco",
}

ENTITY_LABELS: dict[str, str] = {
    "person": "Scheda persona",
    "person_note": "Nota",
    "household_link": "Familiare",
    "attachment": "Documento allegato",
    "not_same_person": "Persone diverse",
    "organisation": "Ente",
    "staff_member": "Operatore",
    "street_contact": "Contatto di strada",
    "street_contact_person": "Persona incontrata in strada",
    "street_contact_staff": "Operatore di un contatto di strada",
    "street_contact_service": "Prestazione in strada",
    "street_zone": "Zona dell'unità di strada",
    "app_user": "Utente",
    "database": "Database",
    "host_family": "Famiglia ospitante",
    "hosting_agreement": "Accoglienza in famiglia",
    "hosting_contribution": "Contributo alla famiglia",
    "hosting_default_amount": "Contributo mensile predefinito",
    "convention": "Convenzione",
    "convention_extension": "Proroga della convenzione",
    "convention_partner": "Partner della convenzione",
    "convention_document": "Documento della convenzione",
    "budget_line": "Voce di budget",
    "budget_variation": "Rimodulazione",
    "expenditure": "Spesa",
    "payment_request": "Domanda di rimborso",
    "deadline": "Scadenza",
    "staff_cost": "Costo del personale",
    "timesheet_entry": "Ore di lavoro",
    "timesheet_month": "Mese del timesheet chiuso",
    "housing_unit": "Alloggio",
    "bed": "Posto letto",
    "stay": "Soggiorno",
    "pathway": "Percorso",
    "plan_goal": "Obiettivo del piano",
    "plan_action": "Azione del piano",
    "plan_review": "Verifica del piano",
    "autonomy_assessment": "Valutazione dell'autonomia",
    "course": "Corso",
    "course_session": "Lezione del corso",
    "course_enrolment": "Iscrizione a un corso",
    "course_attendance": "Presenza a un corso",
    "tirocinio": "Tirocinio",
    "tirocinio_month": "Presenze mensili del tirocinio",
    "tirocinio_payment": "Pagamento dell'indennità di tirocinio",
    "meal": "Pasto",
    "canteen_card": "Tessera mensa",
    "canteen_meal_setting": "Orari e posti della mensa",
}

# Labels of the fields that are not the person's (those come from the field catalogue).
_OTHER_LABELS: dict[str, str] = {
    "declined_fields": "Non ha risposto",
    "level": "Tipo di nota",
    "text": "Testo",
    "relation": "Relazione",
    "relative_id": "Familiare",
    "file_name": "Nome del file",
    "description": "Descrizione",
    "size": "Dimensione",
    "is_partner": "Ente partner",
    "is_referrer": "Ente inviante",
    "is_internship_host": "Ospita tirocini",
    "is_volunteer": "Volontario",
    "organisation_id": "Ente",
    "user_id": "Utente collegato",
    "merged_into_id": "Unita alla scheda",
    "anonymised_at": "Anonimizzata il",
    "person_low_id": "Persona",
    "person_high_id": "Persona",
    "contact_person": "Referente",
    "members": "Componenti",
    "iban": "IBAN",
    "availability": "Disponibilità",
    "family_id": "Famiglia",
    "start_date": "Dal",
    "end_date": "Al",
    "time": "Tempo",
    "monthly_amount": "Contributo mensile",
    "month": "Mese",
    "amount_due": "Importo dovuto",
    "paid_on": "Data pagamento",
    "paid_amount": "Importo pagato",
    "occurred_on": "Data del contatto",
    "occurred_at": "Ora del contatto",
    "place": "Luogo",
    "zone_id": "Zona",
    "anonymous_f": "Anonimi F",
    "anonymous_m": "Anonimi M",
    "contact_id": "Contatto di strada",
    "staff_id": "Operatore",
    "service": "Prestazione",
    "short_name": "Convenzione",
    "title": "Titolo",
    "funder": "Ente finanziatore",
    "fund": "Fondo",
    "cup": "CUP",
    "signed_on": "Data firma",
    "starts_on": "Inizio",
    "ends_on": "Fine",
    "total": "Importo totale",
    "co_funding": "Cofinanziamento",
    "new_end": "Nuova fine",
    "reason": "Motivo",
    "granted_on": "Concessa il",
    "share": "Quota",
    "role": "Ruolo",
    "action": "Azione",
    "category": "Categoria",
    "planned": "Importo previsto",
    "varied_on": "Data rimodulazione",
    "amount_before": "Prima",
    "amount_after": "Dopo",
    "document_type": "Tipo documento",
    "number": "Numero",
    "document_date": "Data",
    "supplier_name": "Fornitore",
    "supplier_tax_code": "CF/P.IVA",
    "amount": "Importo",
    "vat": "IVA",
    "eligible": "Importo ammissibile",
    "budget_line_id": "Voce",
    "payment_method": "Modalità di pagamento",
    "cig": "CIG",
    "source": "Origine",
    "payment_request_id": "Domanda di rimborso",
    "period_from": "Dal",
    "period_to": "Al",
    "submitted_on": "Presentata il",
    "unlock_reason": "Motivo dello sblocco",
    "protocol": "Protocollo",
    "receipt_protocol": "Protocollo della ricevuta",
    "receipt_protocol_on": "Data del protocollo della ricevuta",
    "due_on": "Scadenza",
    "recurrence": "Ricorrenza",
    "remind_days": "Preavviso (giorni)",
    "done_on": "Fatta il",
    "done_document": "Documento prodotto",
    "year": "Anno",
    "annual_gross": "Costo lordo annuo",
    "annual_hours": "Ore annue",
    "work_date": "Giorno",
    "minutes": "Minuti",
    "unit_id": "Alloggio",
    "bed_id": "Posto letto",
    "label": "Posto",
    "kind": "Tipo di alloggio",
    "active_from": "In uso dal",
    "active_to": "In uso fino al",
    "dal": "Dal (prima notte)",
    "al": "Al (giorno di partenza)",
    "exit_destination": "Destinazione all'uscita",
    # percorsi, plan, autonomy, courses, tirocini
    "entry_date": "Data ingresso",
    "exit_date": "Data uscita",
    "exit_reason": "Motivo dell'uscita",
    "actions": "Azioni",
    "domain": "Ambito",
    "responsible_staff_id": "Responsabile",
    "due_date": "Scadenza",
    "status": "Stato",
    "progress_notes": "Note sull'andamento",
    "held_on": "Data",
    "assessed_on": "Data della valutazione",
    "moment": "Momento",
    "score_language": "Autonomia: lingua",
    "score_training": "Autonomia: formazione",
    "score_work": "Autonomia: lavoro",
    "score_housing": "Autonomia: casa",
    "score_health": "Autonomia: salute",
    "score_documents": "Autonomia: documenti",
    "provider_id": "Ente che tiene il corso",
    "planned_hours": "Ore previste",
    "certificate_threshold": "Soglia per l'attestato (%)",
    "topic": "Argomento",
    "enrolled_on": "Data di iscrizione",
    "host_id": "Ente ospitante",
    "tutor": "Tutor",
    "monthly_hours": "Ore mensili previste",
    "monthly_indemnity": "Indennità mensile",
    "minimum_attendance": "Frequenza minima (%)",
    "objectives": "Obiettivi",
    "hours_attended": "Ore svolte",
    "meal_date": "Data del pasto",
    "meal_type": "Pasto",
    "card_id": "Tessera",
    "backdated": "Registrato in ritardo",
    "valid_from": "Valida dal",
    "valid_to": "Valida fino al",
    "replaced_by_id": "Sostituita da",
    "end_reason": "Motivo",
    "ended_at": "Terminata il",
    "starts_at": "Inizio",
    "ends_at": "Fine",
    "seats": "Posti",
}

# Bookkeeping columns: who and when are the row's own columns, ids mean nothing to users.
_HIDDEN_FIELDS = frozenset(
    {
        "id",
        "version",
        "person_id",
        "written_at",
        "author_user_id",
        "created_at",
        "updated_at",
        "sort_key",
        "uploaded_at",
        "uploaded_by_user_id",
        "sha256",
        "media_type",
        "content",
        "decided_at",
        "decided_by_user_id",
        "last_login_at",
        "agreement_id",
        "pathway_id",
        "goal_id",
        "course_id",
        "session_id",
        "enrolment_id",
        "tirocinio_id",
        "recorded_at",
        "recorded_by_user_id",
        "issued_at",
        "issued_by_user_id",
    }
)
# Fields whose values are never shown, only that they changed.
_SECRET_FIELDS = frozenset({"password_hash", "password"})
_PLACE_FIELDS = frozenset({"birth_place_code", "citizenship_code"})
_PERSON_FIELDS = frozenset({"relative_id", "merged_into_id", "person_low_id", "person_high_id"})
_ORGANISATION_FIELDS = frozenset(
    {"referring_organisation_id", "organisation_id", "provider_id", "host_id"}
)
_STAFF_FIELDS = frozenset({"reference_staff_id", "staff_id", "responsible_staff_id"})
_ZONE_FIELDS = frozenset({"zone_id"})
# Long free text: named in the list row, shown only in the detail.
_LONG_TEXT_FIELDS = frozenset(
    {
        "notes",
        "members",
        "actions",
        "exit_reason",
        "progress_notes",
        "objectives",
        "description",
    }
)


def _money_columns() -> frozenset[str]:
    """The names of every money column of the models (the one money type says which)."""
    return frozenset(
        column.name
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, Money)
    )


# Amounts: formatted the Italian way, and masked for a reader without READ_MONEY together
# with the families' IBAN.
MONEY_FIELDS = _money_columns() | {"monthly_indemnity"}
_MONEY_SENSITIVE = MONEY_FIELDS | {"iban"}
MASKED = "riservato"

_SEX = {"F": "Femmina", "M": "Maschio"}
_DISABILITY = {"si": "Sì", "no": "No", "non dichiarato": "Non dichiarato"}
# Enum values stored without accents (ASCII-safe codes) and their written form.
_SPELLING = {"minore eta": "minore età"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")

# The person's fields in the order of the form; other fields follow by label.
_FIELD_ORDER = {name: i for i, name in enumerate((*persons.FIELD_LABELS, "declined_fields"))}


def field_label(name: str) -> str:
    """The one place labels come from (the person-field catalogue, when it arrives)."""
    return _OTHER_LABELS.get(name) or label_for(name)


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


def entity_label(entity: str) -> str:
    return ENTITY_LABELS.get(entity, audit.entity_label(entity).capitalize())


# --- references: what the ids of a page stand for ---------------------------------------


@dataclass(frozen=True)
class PersonRef:
    id: int
    code: str
    name: str  # "Cognome Nome"

    @property
    def text(self) -> str:
        return f"{self.code} {self.name}"


@dataclass(frozen=True)
class References:
    """Names for the ids a page of rows mentions, each kind read in one query, and what the
    reader may see."""

    persons: Mapping[int, PersonRef] = field(default_factory=dict)
    organisations: Mapping[int, str] = field(default_factory=dict)
    staff: Mapping[int, str] = field(default_factory=dict)
    usernames: Mapping[int, str] = field(default_factory=dict)
    note_levels: Mapping[int, str] = field(default_factory=dict)
    families: Mapping[int, str] = field(default_factory=dict)
    zones: Mapping[int, str] = field(default_factory=dict)
    # Whether the reader may see amounts and IBANs (READ_MONEY); without it they read
    # MASKED. The text of notes is never shown, to anyone.
    money: bool = True

    def person(self, person_id: Any) -> str:
        if not isinstance(person_id, int) or isinstance(person_id, bool):
            return EMPTY if person_id is None else str(person_id)
        ref = self.persons.get(person_id)
        return ref.text if ref is not None else "scheda non più presente"


NO_REFERENCES = References()


def _ints(value: Any) -> Iterable[int]:
    values = value if isinstance(value, list) else [value]
    return (v for v in values if isinstance(v, int) and not isinstance(v, bool))


def _entity_id(row: audit.AuditRow) -> int | None:
    if row.entity_id is None or not row.entity_id.isdigit():
        return None
    return int(row.entity_id)


def load_references(session: Session, actor: Actor, rows: Sequence[audit.AuditRow]) -> References:
    """The codes and names of every person, ente, operatore, user and note level the
    rows mention: one query per kind, for the whole page."""
    require(actor, Permission.VIEW_AUDIT)
    person_ids: set[int] = set()
    organisation_ids: set[int] = set()
    staff_ids: set[int] = set()
    user_ids: set[int] = set()
    note_ids: set[int] = set()
    family_ids: set[int] = set()
    zone_ids: set[int] = set()
    for row in rows:
        if row.person_id is not None:
            person_ids.add(row.person_id)
        changes = row.changes if isinstance(row.changes, dict) else {}
        if row.action in (AuditAction.MERGE, AuditAction.UNDO_MERGE):
            person_ids.update(_ints(changes.get("absorbed_id")))
            person_ids.update(_ints(changes.get("survivor_id")))
            changes = (changes.get("survivor") or {}).get("after") or {}
        for key, value in changes.items():
            if key in _PERSON_FIELDS or key == "person_id":
                person_ids.update(_ints(value))
            elif key in _ORGANISATION_FIELDS:
                organisation_ids.update(_ints(value))
            elif key in _STAFF_FIELDS:
                staff_ids.update(_ints(value))
            elif key == "family_id":
                family_ids.update(_ints(value))
            elif key in _ZONE_FIELDS:
                zone_ids.update(_ints(value))
        own_id = _entity_id(row)
        if own_id is not None:
            if row.entity == "organisation":
                organisation_ids.add(own_id)
            elif row.entity == "staff_member":
                staff_ids.add(own_id)
            elif row.entity == "app_user":
                user_ids.add(own_id)
            elif row.entity == "person_note":
                note_ids.add(own_id)
            elif row.entity == "host_family":
                family_ids.add(own_id)
    found: dict[int, PersonRef] = {}
    if person_ids:
        query = select(Person.id, Person.code, Person.last_name, Person.first_name).where(
            Person.id.in_(sorted(person_ids))
        )
        for pid, code, last, first in session.execute(query):
            found[pid] = PersonRef(pid, code, f"{last} {first}")
    organisations: dict[int, str] = {}
    if organisation_ids:
        query_o = select(Organisation.id, Organisation.name).where(
            Organisation.id.in_(sorted(organisation_ids))
        )
        organisations = {oid: name for oid, name in session.execute(query_o)}
    staff: dict[int, str] = {}
    if staff_ids:
        query_s = select(StaffMember.id, StaffMember.last_name, StaffMember.first_name).where(
            StaffMember.id.in_(sorted(staff_ids))
        )
        staff = {sid: f"{last} {first}" for sid, last, first in session.execute(query_s)}
    usernames: dict[int, str] = {}
    if user_ids:
        query_u = select(User.id, User.username).where(User.id.in_(sorted(user_ids)))
        usernames = {uid: name for uid, name in session.execute(query_u)}
    levels: dict[int, str] = {}
    if note_ids:
        query_n = select(PersonNote.id, PersonNote.level).where(PersonNote.id.in_(sorted(note_ids)))
        levels = {nid: NoteLevel(level).value for nid, level in session.execute(query_n)}
    families: dict[int, str] = {}
    if family_ids:
        query_f = select(HostFamily.id, HostFamily.name).where(
            HostFamily.id.in_(sorted(family_ids))
        )
        families = {fid: name for fid, name in session.execute(query_f)}
    zones: dict[int, str] = {}
    if zone_ids:
        query_z = select(StreetZone.id, StreetZone.name).where(StreetZone.id.in_(sorted(zone_ids)))
        zones = {zid: name for zid, name in session.execute(query_z)}
    return References(
        found,
        organisations,
        staff,
        usernames,
        levels,
        families=families,
        zones=zones,
        money=actor.can(Permission.READ_MONEY),
    )


# --- values -----------------------------------------------------------------------------


def _capitalised(text: str) -> str:
    text = _SPELLING.get(text, text)
    return text[:1].upper() + text[1:]


def _date_text(value: str) -> str:
    try:
        if _DATE.match(value):
            return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%d/%m/%Y %H:%M")


def value_text(name: str, value: Any, refs: References = NO_REFERENCES) -> str:
    """A stored value as users read it: names for codes and ids, Sì/No, dd/mm/yyyy."""
    if value is None or value == "":
        return EMPTY
    if not refs.money and name in _MONEY_SENSITIVE:
        return MASKED
    if name in _SECRET_FIELDS or value == audit.REDACTED:
        return "(non registrato)"
    if isinstance(value, bool):
        return "Sì" if value else "No"
    if isinstance(value, list):
        return ", ".join(value_text(name, v, refs) for v in value) or EMPTY
    if isinstance(value, dict):
        return EMPTY
    if name in _PLACE_FIELDS and isinstance(value, str):
        place = places.by_code(value)
        return places.label(place) if place is not None else value
    if name == "declined_fields" and isinstance(value, str):
        return ", ".join(field_label(n) for n in value.split(",") if n) or EMPTY
    if name == "education_isced" and isinstance(value, int):
        return persons.ISCED_LABELS.get(value, str(value))
    if name == "ethos_at_intake" and isinstance(value, int):
        return persons.ETHOS_LABELS.get(value, str(value))
    if name == "sex":
        return _SEX.get(str(value), str(value))
    if name == "disability":
        return _DISABILITY.get(str(value), str(value))
    if name == "role":
        try:
            return ROLE_LABELS[Role(value)]
        except ValueError:
            return str(value)
    if name in ("permit_reason", "employment", "relation", "level") and isinstance(value, str):
        return _capitalised(value)
    if name == "size" and isinstance(value, int):
        return f"{value / 1024:.0f} kB" if value >= 1024 else f"{value} byte"
    if name in _PERSON_FIELDS:
        return refs.person(value)
    if name in _ORGANISATION_FIELDS and isinstance(value, int):
        return refs.organisations.get(value, f"ente non più presente (n. {value})")
    if name in MONEY_FIELDS and isinstance(value, str | int):
        try:
            return format_amount(Decimal(value), "EUR")
        except (ArithmeticError, ValueError):
            return str(value)
    if name == "month" and isinstance(value, str) and _DATE.match(value):
        return f"{value[5:7]}/{value[:4]}"
    if name == "family_id" and isinstance(value, int):
        return _quoted(refs.families.get(value)) or f"famiglia non più presente (n. {value})"
    if name == "time" and isinstance(value, str):
        return f"tempo {value}"
    if name == "iban" and isinstance(value, str):
        return " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    if name in _STAFF_FIELDS and isinstance(value, int):
        return refs.staff.get(value, f"operatore non più presente (n. {value})")
    if name in _ZONE_FIELDS and isinstance(value, int):
        return refs.zones.get(value, f"zona non più presente (n. {value})")
    if isinstance(value, str) and (_DATE.match(value) or _DATETIME.match(value)):
        return _date_text(value)
    return str(value)


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= SENTENCE_VALUE_LENGTH:
        return text
    return text[: SENTENCE_VALUE_LENGTH - 1].rstrip() + "…"


def _visible(name: str) -> bool:
    return name not in _HIDDEN_FIELDS


def _ordered(names: Iterable[str]) -> list[str]:
    return sorted(names, key=lambda n: (_FIELD_ORDER.get(n, len(_FIELD_ORDER)), field_label(n)))


def _change_phrase(name: str, old: Any, new: Any, refs: References) -> str:
    label = field_label(name)
    if name in _SECRET_FIELDS:
        return f"{label} cambiata"
    if name in _LONG_TEXT_FIELDS:
        return f"{label} (testo cambiato)"
    before = _short(value_text(name, old, refs))
    return f"{label}: {before}{ARROW}{_short(value_text(name, new, refs))}"


def _update_phrase(changes: Mapping[str, Any], refs: References) -> str:
    names = [n for n in _ordered(changes) if _visible(n) and n != "text"]
    parts = []
    for name in names[:SENTENCE_FIELDS]:
        value = changes[name]
        old, new = value if isinstance(value, list) and len(value) == 2 else (None, value)
        parts.append(_change_phrase(name, old, new, refs))
    rest = len(names) - SENTENCE_FIELDS
    if rest == 1:
        parts.append("e un altro campo")
    elif rest > 1:
        parts.append(f"e altri {rest} campi")
    return "; ".join(parts)


# --- sentences ----------------------------------------------------------------------------


def _changes(row: audit.AuditRow) -> dict[str, Any]:
    return row.changes if isinstance(row.changes, dict) else {}


def _new(changes: Mapping[str, Any], name: str) -> Any:
    """A field's value after the change (the value itself for an insert or a delete)."""
    value = changes.get(name)
    return value[1] if isinstance(value, list) and len(value) == 2 else value


def _note_kind(row: audit.AuditRow, refs: References) -> str:
    changes = _changes(row)
    levels = changes.get("level")
    values = levels if isinstance(levels, list) else [levels]
    own_id = _entity_id(row)
    if own_id is not None and own_id in refs.note_levels:
        values = [*values, refs.note_levels[own_id]]
    if NoteLevel.CONFIDENTIAL.value in values:
        return "una nota riservata"
    return "una nota"


def _quoted(text: Any) -> str:
    return f"«{text}»" if text else ""


def _person_sentence(row: audit.AuditRow, refs: References) -> str:
    changes = _changes(row)
    action = row.action
    if action == AuditAction.INSERT:
        return "Creata la scheda"
    if action == AuditAction.DELETE:
        return "Eliminata la scheda"
    if action == AuditAction.VIEW:
        return "Consultata la scheda"
    if action == AuditAction.UPDATE:
        if _new(changes, "merged_into_id") is not None:
            return f"Unita alla scheda {refs.person(_new(changes, 'merged_into_id'))}"
        if _new(changes, "anonymised_at") is not None:
            return "Anonimizzati i dati della scheda"
        phrase = _update_phrase(changes, refs)
        visible = [n for n in changes if _visible(n) and n != "text"]
        return ("Modificati " if len(visible) > 1 else "Modificato ") + phrase
    if action == AuditAction.MERGE:
        absorbed = changes.get("absorbed_id")
        if absorbed is not None:
            return f"Unita a questa la scheda {refs.person(absorbed)}"
        return _capitalised(row.detail or "Unione di schede")
    if action == AuditAction.UNDO_MERGE:
        absorbed = changes.get("absorbed_id")
        if absorbed is not None:
            return f"Annullata l'unione con la scheda {refs.person(absorbed)}"
        return _capitalised(row.detail or "Annullata un'unione di schede")
    if action == AuditAction.ANONYMISE:
        return "Anonimizzata la scheda" + (f" ({row.detail})" if row.detail else "")
    if action == AuditAction.EXPORT:
        detail = row.detail or ""
        if not detail or detail.lower().startswith(("esportazione", "stampa")):
            return detail or "Esportazione"
        return f"Esportazione: {detail}"
    if action == AuditAction.IMPORT:
        return row.detail or "Importazione"
    return _generic_sentence(row)


def _generic_sentence(row: audit.AuditRow) -> str:
    text = f"{action_label(row.action)}: {entity_label(row.entity)}"
    return f"{text} ({row.detail})" if row.detail else text


def _named(
    row: audit.AuditRow, what: str, name: str, refs_name: str | None, refs: References
) -> str:
    """ "Creato l'ente «Caritas»", "Modificato l'ente «Caritas»: Telefono: — → 071 …"."""
    changes = _changes(row)
    shown = _new(changes, name) if row.action != AuditAction.UPDATE else None
    label = _quoted(shown or refs_name)
    subject = f"{what} {label}".rstrip()
    if row.action == AuditAction.INSERT:
        return f"Creato {subject}"
    if row.action == AuditAction.DELETE:
        return f"Eliminato {subject}"
    if row.action == AuditAction.UPDATE:
        return f"Modificato {subject}: {_update_phrase(changes, refs)}"
    return _generic_sentence(row)


# What each kind of row a person has is called when it moves to another record (a merge).
_CHILD_NAMES = {
    "person_note": "una nota",
    "attachment": "un documento allegato",
    "household_link": "un legame familiare",
    "stay": "un soggiorno",
}
_LOGIN_COUNTERS = frozenset({"failed_logins", "locked_until"})


def _moved_from(row: audit.AuditRow, refs: References) -> str:
    """ "Spostata una nota dalla scheda TIU-00011 ...": a child row that changed person."""
    changes = _changes(row)
    moved = changes.get("person_id")
    if row.action != AuditAction.UPDATE or not isinstance(moved, list) or len(moved) != 2:
        return ""
    what = _CHILD_NAMES.get(row.entity, entity_label(row.entity).lower())
    if row.entity == "person_note":
        what = _note_kind(row, refs)
    verb = "Spostata" if what.startswith("una ") else "Spostato"
    return f"{verb} {what} dalla scheda {refs.person(moved[0])}"


def _login_counters(changes: Mapping[str, Any], username: str | None) -> str:
    """The counter of wrong passwords, which the login updates by itself."""
    who = _quoted(username) or "dell'utente"
    failed = _new(changes, "failed_logins")
    locked = _new(changes, "locked_until")
    if locked:
        return f"Utente {who} bloccato fino a {value_text('locked_until', locked)}"
    if failed == 0 or failed is None:
        return f"Azzerati i tentativi errati dell'utente {who}"
    return f"Tentativi errati dell'utente {who}: {failed}"


def _stay_sentence(row: audit.AuditRow, changes: Mapping[str, Any], refs: References) -> str:
    """ "Assegnato un posto letto dal 01/02/2026", "Registrata l'uscita ...": a stay."""
    if row.action == AuditAction.INSERT:
        dal = value_text("dal", changes.get("dal"), refs)
        return f"Assegnato un posto letto (soggiorno dal {dal})"
    if row.action == AuditAction.DELETE:
        return "Eliminato un soggiorno"
    if row.action == AuditAction.UPDATE:
        departure = changes.get("al")
        if isinstance(departure, list) and len(departure) == 2:
            if departure[1] is None:
                return "Riaperto un soggiorno (la persona è ancora nell'alloggio)"
            if departure[0] is None and "exit_destination" in changes:
                return f"Registrata l'uscita da un soggiorno: {_update_phrase(changes, refs)}"
        return f"Modificato un soggiorno: {_update_phrase(changes, refs)}"
    return _generic_sentence(row)


def sentence(row: audit.AuditRow, refs: References = NO_REFERENCES) -> str:
    """The row as one Italian sentence for the list."""
    changes = _changes(row)
    action = row.action
    entity = row.entity
    own_id = _entity_id(row)
    if action == AuditAction.LOGIN:
        return "Accesso"
    if action == AuditAction.LOGOUT:
        return "Uscita"
    if action == AuditAction.LOGIN_FAILED:
        return "Accesso non riuscito" + (f" ({row.detail})" if row.detail else "")
    if action == AuditAction.LOCK:
        return "Finestra bloccata" + (f" ({row.detail})" if row.detail else "")
    if action == AuditAction.UNLOCK:
        return "Finestra sbloccata con la password"
    if action == AuditAction.BACKUP and (row.detail or "").startswith(DAILY_BACKUP_DETAIL):
        where = (row.detail or "")[len(DAILY_BACKUP_DETAIL) :]
        return f"Backup automatico giornaliero del database in {_quoted(where)}"
    if action == AuditAction.BACKUP:
        return "Backup del database" + (f" in {_quoted(row.detail)}" if row.detail else "")
    if action == AuditAction.RESTORE:
        return "Ripristino del database" + (f" da {_quoted(row.detail)}" if row.detail else "")
    if action == AuditAction.BULK:
        count = changes.get("count")
        what = entity_label(str(changes.get("table") or entity)).lower()
        return f"Registrazione multipla: {count} × {what}" if count else _generic_sentence(row)
    if entity == "person":
        return _person_sentence(row, refs)
    moved = _moved_from(row, refs)
    if moved:
        return moved
    if entity == "person_note":
        kind = _note_kind(row, refs)
        verbs = {
            AuditAction.INSERT: "Aggiunta",
            AuditAction.UPDATE: "Modificata",
            AuditAction.DELETE: "Eliminata",
        }
        return f"{verbs.get(action, action_label(action))} {kind}"
    if entity == "household_link":
        relative = refs.person(_new(changes, "relative_id")) if "relative_id" in changes else ""
        relation = changes.get("relation")
        if action == AuditAction.INSERT:
            text = f"Aggiunto il familiare {relative}"
            return text + (f" ({value_text('relation', relation).lower()})" if relation else "")
        if action == AuditAction.DELETE:
            return f"Tolto il familiare {relative}".rstrip()
        if action == AuditAction.UPDATE:
            return f"Modificato un legame familiare: {_update_phrase(changes, refs)}"
    if entity == "attachment":
        name = _quoted(_new(changes, "file_name"))
        if action == AuditAction.INSERT:
            return f"Allegato il documento {name}".rstrip()
        if action == AuditAction.DELETE:
            return f"Tolto il documento {name}".rstrip()
        if action == AuditAction.EXPORT:
            detail = row.detail or ""
            file_name = detail.split(":", 1)[1].strip() if ":" in detail else detail
            return f"Salvata una copia del documento {_quoted(file_name)}".rstrip()
        if action == AuditAction.UPDATE:
            return f"Modificato un documento allegato: {_update_phrase(changes, refs)}"
    if entity == "not_same_person":
        pair = f"{refs.person(changes.get('person_low_id'))} e "
        pair += refs.person(changes.get("person_high_id"))
        if action == AuditAction.INSERT:
            return f"Segnate come persone diverse: {pair}"
        if action == AuditAction.DELETE:
            return f"Tolta la decisione «persone diverse» tra {pair}"
    if entity == "housing_unit":
        return _named(row, "l'alloggio", "name", None, refs)
    if entity == "bed":
        return _named(row, "il posto letto", "label", None, refs)
    if entity == "stay":
        return _stay_sentence(row, changes, refs)
    if entity in _PATHWAY_ENTITIES:
        return _pathway_sentence(row, refs)
    if entity == "organisation":
        organisation = refs.organisations.get(own_id) if own_id is not None else None
        return _named(row, "l'ente", "name", organisation, refs)
    if entity == "staff_member":
        staff = refs.staff.get(own_id) if own_id is not None else None
        if row.action != AuditAction.UPDATE and "last_name" in changes:
            staff = f"{changes.get('last_name')} {changes.get('first_name') or ''}".strip()
        return _named(row, "l'operatore", "", staff, refs)
    if entity == "app_user":
        username = refs.usernames.get(own_id) if own_id is not None else None
        if action == AuditAction.UPDATE and changes and set(changes) <= _LOGIN_COUNTERS:
            return _login_counters(changes, username)
        if action == AuditAction.UPDATE and set(changes) <= _SECRET_FIELDS:
            return f"Cambiata la password dell'utente {_quoted(username)}".rstrip()
        text = _named(row, "l'utente", "username", username, refs)
        if action == AuditAction.INSERT and changes.get("role"):
            text += f" ({value_text('role', changes['role'])})"
        return text
    if entity in _HOSTING_SENTENCES:
        return _HOSTING_SENTENCES[entity](row, refs)
    if entity == "meal":
        return _meal_sentence(row)
    if entity == "canteen_card":
        return _card_sentence(row)
    if action == AuditAction.IMPORT:
        return row.detail or "Importazione"
    if action == AuditAction.EXPORT:
        return row.detail or "Esportazione"
    return _generic_sentence(row)


# --- accoglienza in famiglia ------------------------------------------------------------


def _family_sentence(row: audit.AuditRow, refs: References) -> str:
    own_id = _entity_id(row)
    name = _new(_changes(row), "name") if row.action != AuditAction.UPDATE else None
    label = _quoted(name or (refs.families.get(own_id) if own_id is not None else None))
    subject = f"la famiglia ospitante {label}".rstrip()
    if row.action == AuditAction.INSERT:
        return f"Registrata {subject}"
    if row.action == AuditAction.DELETE:
        return f"Eliminata {subject}"
    if row.action == AuditAction.UPDATE:
        return f"Modificata {subject}: {_update_phrase(_changes(row), refs)}"
    return _generic_sentence(row)


def _agreement_sentence(row: audit.AuditRow, refs: References) -> str:
    changes = _changes(row)
    if row.action in (AuditAction.INSERT, AuditAction.DELETE):
        family = value_text("family_id", changes.get("family_id"), refs)
        start = value_text("start_date", changes.get("start_date"), refs)
        end = changes.get("end_date")
        period = f"dal {start}" + (f" al {value_text('end_date', end, refs)}" if end else "")
        verb = "Registrata" if row.action == AuditAction.INSERT else "Eliminata"
        return f"{verb} un'accoglienza presso la famiglia {family} {period}"
    if row.action == AuditAction.UPDATE:
        return f"Modificata un'accoglienza in famiglia: {_update_phrase(changes, refs)}"
    return _generic_sentence(row)


def _contribution_sentence(row: audit.AuditRow, refs: References) -> str:
    changes = _changes(row)
    if (row.detail or "").startswith("Protocollo n. "):  # a receipt's protocol given/cancelled
        return row.detail or ""
    if row.action in (AuditAction.INSERT, AuditAction.DELETE):
        month = value_text("month", changes.get("month"), refs)
        due = value_text("amount_due", changes.get("amount_due"), refs)
        if row.action == AuditAction.INSERT:
            return f"Aggiunto al registro dei contributi il mese {month} ({due})"
        return f"Tolto dal registro dei contributi il mese {month}"
    if row.action == AuditAction.UPDATE:
        paid = changes.get("paid_on")
        if isinstance(paid, list) and len(paid) == 2 and paid[0] is None and paid[1]:
            amount = value_text("paid_amount", _new(changes, "paid_amount"), refs)
            day = value_text("paid_on", paid[1], refs)
            return f"Registrato il pagamento di un contributo: {amount} il {day}"
        if isinstance(paid, list) and len(paid) == 2 and paid[0] and paid[1] is None:
            return "Annullato il pagamento di un contributo"
        return f"Modificato un contributo: {_update_phrase(changes, refs)}"
    return _generic_sentence(row)


def _default_amount_sentence(row: audit.AuditRow, refs: References) -> str:
    time = f" (tempo {row.entity_id})" if row.entity_id else ""
    amount = value_text("monthly_amount", _new(_changes(row), "monthly_amount"), refs)
    return f"Contributo mensile predefinito{time}: {amount}"


_HOSTING_SENTENCES = {
    "host_family": _family_sentence,
    "hosting_agreement": _agreement_sentence,
    "hosting_contribution": _contribution_sentence,
    "hosting_default_amount": _default_amount_sentence,
}


# Percorsi, plan, courses, tirocini: (what the record is, feminine noun?, the field that
# names it in a creation or deletion).
_PATHWAY_ENTITIES: dict[str, tuple[str, bool, str]] = {
    "pathway": ("il percorso", False, "entry_date"),
    "plan_goal": ("l'obiettivo", False, "domain"),
    "plan_action": ("l'azione del piano", True, "description"),
    "plan_review": ("la verifica del piano", True, "held_on"),
    "autonomy_assessment": ("la valutazione dell'autonomia", True, "moment"),
    "course": ("il corso", False, "title"),
    "course_session": ("la lezione", True, "held_on"),
    "course_enrolment": ("l'iscrizione al corso", True, "enrolled_on"),
    "course_attendance": ("la presenza al corso", True, "minutes"),
    "tirocinio": ("il tirocinio", False, "start_date"),
    "tirocinio_month": ("le presenze mensili del tirocinio", True, "month"),
    "tirocinio_payment": ("il pagamento dell'indennità di tirocinio", False, "amount"),
}


def _pathway_sentence(row: audit.AuditRow, refs: References) -> str:
    """ "Creato il percorso (Data ingresso: 01/02/2025)", "Modificata l'azione del piano: …"."""
    what, feminine, key = _PATHWAY_ENTITIES[row.entity]
    changes = _changes(row)
    ending = "a" if feminine else "o"
    if row.entity == "tirocinio_month":
        ending = "e"
    if row.action == AuditAction.UPDATE:
        return f"Modificat{ending} {what}: {_update_phrase(changes, refs)}"
    verb = {AuditAction.INSERT: "Registrat", AuditAction.DELETE: "Eliminat"}.get(row.action)
    if verb is None:
        return _generic_sentence(row)
    shown = _new(changes, key)
    if row.entity == "course_attendance" and isinstance(shown, int):
        extra = f" ({shown // 60} h {shown % 60:02d} min)"
    elif shown not in (None, ""):
        extra = f" ({field_label(key)}: {_short(value_text(key, shown, refs))})"
    else:
        extra = ""
    return f"{verb}{ending} {what}{extra}"


def _meal_sentence(row: audit.AuditRow) -> str:
    """ "Registrato il pasto: pranzo del 28/11/2026 (inserito in ritardo)"."""
    changes = _changes(row)
    what = (
        f"{changes.get('meal_type') or ''} del {value_text('meal_date', changes.get('meal_date'))}"
    )
    late = " (inserito in ritardo)" if changes.get("backdated") is True else ""
    if row.action == AuditAction.INSERT:
        return f"Registrato il pasto: {what}{late}"
    if row.action == AuditAction.DELETE:
        return f"Annullato il pasto: {what}"
    return f"Modificato un pasto: {_update_phrase(changes, NO_REFERENCES)}"


def _card_sentence(row: audit.AuditRow) -> str:
    changes = _changes(row)
    if row.action == AuditAction.INSERT:
        number = changes.get("number")
        shown = f"n. {int(number):08d} " if isinstance(number, int) else ""
        until = value_text("valid_to", changes.get("valid_to"))
        return f"Rilasciata la tessera mensa {shown}(valida fino al {until})"
    status = changes.get("status")
    new_status = status[1] if isinstance(status, list) and len(status) == 2 else None
    if row.action == AuditAction.UPDATE and new_status == "revocata":
        return "Revocata una tessera mensa"
    if row.action == AuditAction.UPDATE and new_status == "sostituita":
        return "Sostituita una tessera mensa (smarrita o danneggiata)"
    if row.action == AuditAction.UPDATE:
        return f"Modificata una tessera mensa: {_update_phrase(changes, NO_REFERENCES)}"
    return _generic_sentence(row)


def person_text(row: audit.AuditRow, refs: References = NO_REFERENCES) -> str:
    """Codice and name of the person the row concerns, or nothing."""
    if row.person_id is None:
        return ""
    return refs.person(row.person_id)


# --- detail ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DetailRow:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class Detail:
    """What the detail window shows: facts (label, value), then the changed fields."""

    facts: tuple[tuple[str, str], ...]
    rows: tuple[DetailRow, ...]
    note: str = ""


def local_time(moment: dt.datetime, seconds: bool = True) -> str:
    return moment.astimezone().strftime("%d/%m/%Y %H:%M:%S" if seconds else "%d/%m/%Y %H:%M")


def _field_rows(changes: Mapping[str, Any], kind: str, refs: References) -> list[DetailRow]:
    rows = []
    for name in _ordered(changes):
        if not _visible(name) or name == "text":
            continue
        value = changes[name]
        if kind == AuditAction.UPDATE and isinstance(value, list) and len(value) == 2:
            old, new = value
        elif kind == AuditAction.DELETE:
            old, new = value, None
        else:
            old, new = None, value
        if kind == AuditAction.INSERT and (new in (None, "") or name in _SECRET_FIELDS):
            continue
        if name in _SECRET_FIELDS:
            rows.append(DetailRow(field_label(name), "", "cambiata"))
            continue
        before = value_text(name, old, refs) if kind != AuditAction.INSERT else ""
        after = value_text(name, new, refs) if kind != AuditAction.DELETE else ""
        rows.append(DetailRow(field_label(name), before, after))
    return rows


def _merge_rows(changes: Mapping[str, Any], refs: References) -> list[DetailRow]:
    survivor = changes.get("survivor") or {}
    before = survivor.get("before") or {}
    after = survivor.get("after") or {}
    return [
        DetailRow(field_label(n), value_text(n, before[n], refs), value_text(n, after.get(n), refs))
        for n in _ordered(before)
        if _visible(n)
    ]


_COUNTED = {
    "person_note": ("nota", "note"),
    "attachment": ("documento allegato", "documenti allegati"),
    "household_link": ("legame familiare", "legami familiari"),
    "stay": ("soggiorno", "soggiorni"),
    "not_same_person": ("decisione «persone diverse»", "decisioni «persone diverse»"),
}


def _moved_summary(changes: Mapping[str, Any]) -> str:
    """ "3 note, 1 documento allegato": what a merge moved onto the record."""
    counts: dict[str, int] = {}
    for entry in changes.get("moved") or []:
        if isinstance(entry, dict):
            table = str(entry.get("table"))
            counts[table] = counts.get(table, 0) + 1
    parts = []
    for table, n in sorted(counts.items()):
        one, many = _COUNTED.get(table, (entity_label(table).lower(),) * 2)
        parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts)


def detail(row: audit.AuditRow, refs: References = NO_REFERENCES) -> Detail:
    """The detail window's content: when, who, what, about whom, and field | prima | dopo."""
    facts: list[tuple[str, str]] = [
        ("Data e ora", local_time(row.at)),
        ("Utente", row.username),
        ("Azione", action_label(row.action)),
        ("Oggetto", entity_label(row.entity)),
    ]
    person = person_text(row, refs)
    if person:
        facts.append(("Persona", person))
    facts.append(("Attività", sentence(row, refs)))
    changes = _changes(row)
    note = ""
    rows: list[DetailRow] = []
    if row.action in (AuditAction.INSERT, AuditAction.UPDATE, AuditAction.DELETE):
        rows = _field_rows(changes, row.action, refs)
    elif row.action == AuditAction.MERGE:
        rows = _merge_rows(changes, refs)
        moved = _moved_summary(changes)
        if moved:
            facts.append(("Spostati su questa scheda", moved))
    elif row.detail and row.entity != "person_note":
        facts.append(("Dettagli", row.detail))
    if row.entity == "person_note":
        level = _note_kind(row, refs)
        facts.append(("Nota", "riservata" if "riservata" in level else "normale"))
        note = "Il testo delle note non è mostrato nel registro delle attività."
        rows = [r for r in rows if r.field != field_label("level")]
    return Detail(tuple(facts), tuple(rows), note)


# --- a page of the log ------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditLine:
    """One row of the list: the stored row, the person it concerns and its sentence."""

    row: audit.AuditRow
    person: str
    text: str

    @property
    def id(self) -> int:
        return self.row.id


@dataclass(frozen=True)
class AuditPage:
    lines: tuple[AuditLine, ...]
    total: int
    references: References


def load_page(
    session: Session, actor: Actor, flt: audit.AuditFilter, limit: int, offset: int = 0
) -> AuditPage:
    """A page of the log, newest first, with the total and the names it mentions. The
    total is counted up to ``audit.COUNT_CAP`` + 1 (an exact count over millions of rows
    would cost seconds): a larger one reads "più di 10.000"."""
    rows = audit.search(session, actor, flt, limit=limit, offset=offset)
    total = audit.count(session, actor, flt, cap=audit.COUNT_CAP)
    refs = load_references(session, actor, rows)
    lines = tuple(AuditLine(r, person_text(r, refs), sentence(r, refs)) for r in rows)
    return AuditPage(lines, total, refs)


def find_persons(session: Session, actor: Actor, text: str, limit: int = 20) -> list[PersonRef]:
    """Persons whose Codice or name match what was typed (anonymised ones included: their
    trail stays in the log), for the log's person filter."""
    require(actor, Permission.VIEW_AUDIT)
    if not persons.search_words(text):
        return []
    ids = persons.search_ids(
        session, actor, persons.PersonFilter(text=text, include_anonymised=True), limit=limit
    )
    if not ids:
        return []
    query = select(Person.id, Person.code, Person.last_name, Person.first_name).where(
        Person.id.in_(ids)
    )
    found = {
        pid: PersonRef(pid, code, f"{last} {first}")
        for pid, code, last, first in session.execute(query)
    }
    return [found[i] for i in ids if i in found]


def user_choices(session: Session, actor: Actor) -> list[tuple[str, str]]:
    """(username, what the filter shows) for every user, and the system itself."""
    require(actor, Permission.VIEW_AUDIT)
    query = select(User.username, User.full_name).order_by(User.username)
    choices = [(u, f"{full} ({u})" if full else u) for u, full in session.execute(query)]
    choices.append((SYSTEM.username, "Sistema (operazioni automatiche)"))
    return choices
