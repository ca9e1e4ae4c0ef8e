"""The data subject's rights over the registry: access (art. 15 of Regulation (EU) 2016/679)
and erasure by anonymisation (art. 17), which keeps the programme's statistics right.

Access: :func:`export_person_data` writes a PDF for the person and a JSON copy for machines
with everything the office holds about them, audit trail included.

Erasure: :func:`anonymise_person` removes the person's identity from the registry and from
the audit log, keeps the few values the year-end figures need, and keeps every service row
(stays, meals, percorsi...) pointing at the now anonymous record, so counts stay right.

Extension point: a module that keeps data about persons (stays, meals, percorsi...)
registers it here with :func:`register_section`: a function that lists the person's rows
for the access request, optionally one that scrubs free text at anonymisation, and the
audit-log entities that belong to a person. Every module of ``tit_desktop.services`` is
imported before an export or an anonymisation, so a registration cannot be missed because
its module happened not to be loaded yet.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import hashlib
import importlib
import io
import json
import logging
import os
import pkgutil
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from copy import deepcopy
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Text, cast, or_, select, update
from sqlalchemy.orm import Session

from tit_desktop.models import (
    Attachment,
    AuditEntry,
    HouseholdLink,
    NotSamePerson,
    Organisation,
    Person,
    PersonNote,
    Sex,
    StaffMember,
    User,
)
from tit_desktop.models.audit import AuditAction
from tit_desktop.reports.access_request import (
    AccessRequestData,
    Block,
    FieldBlock,
    ReportSection,
    TableBlock,
    render_access_request,
)
from tit_desktop.reports.pdf import Letterhead
from tit_desktop.services import audit, clock, household, persons
from tit_desktop.services.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from tit_desktop.services.permissions import ROLE_LABELS, SYSTEM, Actor, Permission, require
from tit_desktop.services.text import fold

__all__ = [
    "ANONYMOUS_CODE_PREFIX",
    "FORMAT",
    "FORMAT_VERSION",
    "LinkedEntity",
    "PersonDataModule",
    "Section",
    "anonymise_person",
    "anonymised_birth_date",
    "export_person_data",
    "register_section",
    "registered_sections",
    "unregister_section",
]

log = logging.getLogger(__name__)

FORMAT = "tit-desktop/accesso-dati-art15"
FORMAT_VERSION = 1
ANONYMOUS_CODE_PREFIX = "ANON-"
DECLINED = "non ha risposto"
MAX_REASON_LENGTH = 500
REDACTED = audit.REDACTED

JsonTarget = str | os.PathLike[str] | IO[bytes]


# =========================================================================== extension point


@dataclass(frozen=True)
class Section:
    """What a module holds about one person, for the access request.

    ``rows`` are mappings of plain values (str, int, Decimal, bool, dates, enums, None);
    ``columns`` are ``(key, label)`` pairs in print order (default: the first row's keys,
    as labels). The JSON copy gets every key of every row; the PDF prints the columns."""

    title: str
    rows: Sequence[Mapping[str, Any]] = ()
    columns: Sequence[tuple[str, str]] = ()
    empty_text: str = "Nessun dato registrato."


@dataclass(frozen=True)
class LinkedEntity:
    """Audit-log rows that belong to a person: rows of ``entity`` whose stored changes hold
    the person's id under one of ``person_keys``.

    At anonymisation the values under ``identifying`` are replaced by ``***``; when the
    entity links two persons (``links_persons``: a household link), the anonymised
    person's id is replaced too, so that the other person's history no longer points to
    the anonymous record."""

    entity: str
    person_keys: tuple[str, ...] = ("person_id",)
    identifying: frozenset[str] = frozenset()
    links_persons: bool = False


SectionProvider = Callable[[Session, int], Section]
Anonymiser = Callable[[Session, Actor, int], None]


@dataclass(frozen=True)
class PersonDataModule:
    """One registered module: ``key`` names its part of the JSON (under ``"services"``)."""

    key: str
    collect: SectionProvider
    anonymise: Anonymiser | None = None
    entities: tuple[LinkedEntity, ...] = ()
    order: int = 100


_MODULES: dict[str, PersonDataModule] = {}
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


def register_section(
    key: str,
    collect: SectionProvider,
    *,
    anonymise: Anonymiser | None = None,
    entities: Iterable[LinkedEntity] = (),
    order: int = 100,
) -> None:
    """Register what a module holds about persons. Call it at import time of the module:

    >>> register_section(
    ...     "stays", stays_of_person,
    ...     anonymise=scrub_stay_notes,   # (session, actor, person_id): free text only
    ...     entities=[LinkedEntity("stay", identifying=frozenset({"note"}))],
    ...     order=10,
    ... )

    ``collect(session, person_id)`` returns a :class:`Section`. ``anonymise`` runs inside
    the anonymisation's transaction before anything else is erased; it must keep the
    module's rows (the statistics need them) and only clear what identifies the person; it
    may raise a ServiceError to refuse the anonymisation (e.g. the person is in a bed
    tonight). Sections print in ``order``, then by key."""
    if not _KEY.match(key):
        raise ValueError(f"chiave di sezione non valida: {key!r}")
    if key in _MODULES:
        raise ValueError(f"sezione già registrata: {key!r}")
    _MODULES[key] = PersonDataModule(key, collect, anonymise, tuple(entities), order)


def unregister_section(key: str) -> None:
    _MODULES.pop(key, None)


@cache
def _import_service_modules() -> None:
    package = importlib.import_module("tit_desktop.services")
    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{info.name}")


def registered_sections() -> list[PersonDataModule]:
    _import_service_modules()
    return sorted(_MODULES.values(), key=lambda m: (m.order, m.key))


# What belongs to a person in the registry itself.
_CORE_ENTITIES = (
    LinkedEntity("person_note", identifying=frozenset({"text"})),
    LinkedEntity("attachment", identifying=frozenset({"file_name", "description", "sha256"})),
    LinkedEntity("household_link", ("person_id", "relative_id"), links_persons=True),
    LinkedEntity("not_same_person", ("person_low_id", "person_high_id"), links_persons=True),
)


def _linked_entities() -> list[LinkedEntity]:
    result = list(_CORE_ENTITIES)
    for module in registered_sections():
        result.extend(module.entities)
    return result


# =========================================================================== shared helpers


def _get_person(session: Session, person_id: int, *, for_update: bool = False) -> Person:
    person = session.get(Person, person_id, with_for_update=for_update)
    if person is None or person.merged_into_id is not None:
        raise NotFound(f"Persona {person_id} non trovata.")
    return person


def _merged_into(session: Session, person_id: int) -> list[Person]:
    """Records merged (directly or through others) into the person: the same human."""
    found: list[Person] = []
    frontier = [person_id]
    seen = {person_id}
    while frontier:
        rows = session.scalars(
            select(Person).where(Person.merged_into_id.in_(frontier)).order_by(Person.id)
        ).all()
        frontier = [p.id for p in rows if p.id not in seen]
        seen.update(frontier)
        found.extend(p for p in rows if p.id in frontier)
    return found


def _merge_involving(person_ids: Iterable[int]) -> Any:
    """Merge and undo-merge events (on the surviving record) that involve the persons."""
    wanted = [str(i) for i in person_ids]
    return AuditEntry.action.in_((AuditAction.MERGE, AuditAction.UNDO_MERGE)) & or_(
        AuditEntry.changes["absorbed_id"].as_string().in_(wanted),
        AuditEntry.changes["survivor_id"].as_string().in_(wanted),
    )


def _linked_entity_ids(
    session: Session, entity: LinkedEntity, person_ids: Iterable[int]
) -> set[str]:
    """Ids of ``entity`` rows that ever belonged to the persons, found in the audit log
    (so deleted rows count too): the person key as inserted or deleted, or either side of
    an update that moved the row between persons."""
    wanted = [str(i) for i in person_ids]
    conditions = []
    for key in entity.person_keys:
        for path in (key, (key, 0), (key, 1)):
            conditions.append(AuditEntry.changes[path].as_string().in_(wanted))
    query = select(AuditEntry.entity_id).where(
        AuditEntry.entity == entity.entity,
        AuditEntry.entity_id.is_not(None),
        or_(*conditions),
    )
    return {str(value) for value in session.scalars(query.distinct())}


def _json_value(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    return value


def _it_date(value: dt.date | None) -> str:
    if value is None:
        return ""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def _it_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone()
    return f"{_it_date(local)} {local.hour:02d}:{local.minute:02d}"


_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _text(value: Any) -> str:
    """A value as the PDF prints it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "sì" if value else "no"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.datetime):
        return _it_datetime(value)
    if isinstance(value, dt.date):
        return _it_date(value)
    if isinstance(value, decimal.Decimal):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, str):
        if _ISO_DATETIME.match(value):
            try:
                return _it_datetime(dt.datetime.fromisoformat(value))
            except ValueError:
                return value
        if _ISO_DATE.match(value):
            try:
                return _it_date(dt.date.fromisoformat(value))
            except ValueError:
                return value
        return value
    if isinstance(value, list):
        return " → ".join(_text(v) or "—" for v in value)
    return str(value)


def _size(size: int) -> str:
    return f"{size:,} byte".replace(",", ".")


# =========================================================================== access (art. 15)

_RECORD_FIELDS = (
    "code",
    "last_name",
    "first_name",
    "sex",
    "birth_date",
    "birth_place_code",
    "birth_place_text",
    "citizenship_code",
    "fiscal_code",
    "cui",
    "permit_type",
    "permit_reason",
    "permit_number",
    "permit_issuer",
    "permit_issued_on",
    "permit_expires_on",
    "phone",
    "email",
    "address",
    "languages",
    "education_isced",
    "employment",
    "ethos_at_intake",
    "disability",
    "intake_date",
    "referring_organisation_id",
    "reference_staff_id",
    "notes",
)
_LABELS = {
    **persons.FIELD_LABELS,
    "birth_place_code": "Luogo di nascita (codice)",
    "birth_place_text": "Luogo di nascita (come scritto)",
    "ethos_at_intake": "Situazione abitativa (ETHOS)",
    "notes": "Annotazioni sulla scheda",
}
_PDF_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Dati anagrafici",
        (
            "code",
            "last_name",
            "first_name",
            "sex",
            "birth_date",
            "birth_place",
            "citizenship_code",
            "fiscal_code",
            "cui",
        ),
    ),
    (
        "Documento di soggiorno",
        (
            "permit_type",
            "permit_reason",
            "permit_number",
            "permit_issuer",
            "permit_issued_on",
            "permit_expires_on",
        ),
    ),
    ("Recapiti e lingue", ("phone", "email", "address", "languages")),
    (
        "Presa in carico",
        (
            "intake_date",
            "referring_organisation_id",
            "reference_staff_id",
            "education_isced",
            "employment",
            "ethos_at_intake",
            "disability",
            "notes",
        ),
    ),
)
_CONSENTS = (
    ("privacy", "Trattamento dei dati personali come descritto nell'informativa"),
    ("photo", "Fotografie e riprese per documentare le attività del programma"),
    ("sharing", "Comunicazione dei dati agli enti partner e ai servizi coinvolti nel percorso"),
)
_ACTION_LABELS = {
    AuditAction.INSERT: "inserimento",
    AuditAction.UPDATE: "modifica",
    AuditAction.DELETE: "eliminazione",
    AuditAction.VIEW: "consultazione",
    AuditAction.EXPORT: "stampa o esportazione",
    AuditAction.IMPORT: "importazione",
    AuditAction.MERGE: "unione di schede",
    AuditAction.UNDO_MERGE: "unione annullata",
    AuditAction.ANONYMISE: "anonimizzazione",
}
_CHANGE_LABELS = {
    **_LABELS,
    "text": "Testo",
    "level": "Livello",
    "written_at": "Scritta il",
    "file_name": "Nome del file",
    "media_type": "Tipo",
    "size": "Dimensione (byte)",
    "sha256": "Impronta SHA-256",
    "description": "Descrizione",
    "uploaded_at": "Caricato il",
    "relation": "Relazione",
    "relative_id": "Familiare",
    "person_id": "Persona",
    "person_low_id": "Persona",
    "person_high_id": "Persona",
    "decided_at": "Deciso il",
    "declined_fields": "Domande senza risposta",
    "anonymised_at": "Anonimizzata il",
    "merged_into_id": "Unita alla scheda",
    "created_at": "Creata il",
}
# Staff members' user ids: shown only with include_staff_names.
_STAFF_KEYS = frozenset({"author_user_id", "uploaded_by_user_id", "decided_by_user_id"})
_HIDDEN_CHANGE_KEYS = frozenset({"content", "id", "version"})
_STAFF = "Personale dell'ufficio"


@dataclass
class _Staff:
    """How staff members appear: by name only when the producer asks for it."""

    with_names: bool
    names: dict[int, str] = field(default_factory=dict)

    def load(self, session: Session, user_ids: Iterable[int | None]) -> None:
        wanted = {u for u in user_ids if u is not None} - set(self.names)
        if wanted:
            for user in session.scalars(select(User).where(User.id.in_(wanted))):
                self.names[user.id] = user.full_name or user.username

    def who(self, user_id: int | None, username: str | None = None) -> str:
        if user_id is None and username == SYSTEM.username:  # first start, demo data
            return "Sistema"
        if not self.with_names:
            return _STAFF
        if user_id is not None and user_id in self.names:
            return self.names[user_id]
        return username or _STAFF


def _record_fields(person: Person) -> dict[str, dict[str, Any]]:
    declined = {x for x in person.declined_fields.split(",") if x}
    result: dict[str, dict[str, Any]] = {}
    for name in _RECORD_FIELDS:
        value = getattr(person, name)
        is_declined = value is None and name in declined
        if is_declined:
            text = DECLINED
        elif name == "birth_date" and value is not None and person.anonymised_at is not None:
            text = f"{value.year} (solo l'anno)"
        elif name == "citizenship_code" or name == "birth_place_code":
            text = persons.place_label(value)
        elif name == "education_isced" and value is not None:
            text = persons.ISCED_LABELS.get(value, str(value))
        elif name == "ethos_at_intake" and value is not None:
            text = persons.ETHOS_LABELS.get(value, str(value))
        elif name == "referring_organisation_id":
            org = person.referring_organisation
            text = org.name if org else ""
        elif name == "reference_staff_id":
            staff = person.reference_staff
            text = staff.display_name if staff else ""
        else:
            text = _text(value)
        result[name] = {
            "label": _LABELS[name],
            "value": _json_value(value),
            "text": text,
            "declined": is_declined,
        }
    return result


def _record_blocks(person: Person, record: Mapping[str, Mapping[str, Any]]) -> list[Block]:
    blocks: list[Block] = []
    for title, names in _PDF_GROUPS:
        rows: list[tuple[str, str]] = []
        for name in names:
            if name == "birth_place":
                place = persons.place_label(person.birth_place_code, person.birth_place_text)
                rows.append(("Luogo di nascita", place))
            else:
                rows.append((record[name]["label"], record[name]["text"]))
        blocks.append(FieldBlock(title, tuple(rows)))
    status = [
        ("Scheda creata il", _it_datetime(person.created_at)),
        ("Ultima modifica", _it_datetime(person.updated_at)),
    ]
    if person.anonymised_at is not None:
        status.append(("Anonimizzata il", _it_datetime(person.anonymised_at)))
    blocks.append(FieldBlock("Stato della scheda", tuple(status)))
    return blocks


def _person_meta(person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "code": person.code,
        "created_at": _json_value(person.created_at),
        "updated_at": _json_value(person.updated_at),
        "anonymised": person.anonymised_at is not None,
        "anonymised_at": _json_value(person.anonymised_at),
    }


def _consents(person: Person) -> dict[str, dict[str, Any]]:
    return {
        kind: {
            "label": label,
            "given": getattr(person, f"consent_{kind}"),
            "date": _json_value(getattr(person, f"consent_{kind}_on")),
        }
        for kind, label in _CONSENTS
    }


def _consent_block(person: Person) -> TableBlock:
    rows = []
    for kind, label in _CONSENTS:
        given = getattr(person, f"consent_{kind}")
        answer = "non richiesto" if given is None else ("sì" if given else "no")
        rows.append((label, answer, _it_date(getattr(person, f"consent_{kind}_on"))))
    return TableBlock("", ("Consenso", "Risposta", "Data"), tuple(rows), (6, 1.6, 1.6))


def _household(session: Session, person_id: int) -> list[dict[str, Any]]:
    return [
        {"code": r.code, "name": r.name, "relation": r.relation.value}
        for r in household.relatives_of(session, person_id)
    ]


def _notes(session: Session, person_id: int, staff: _Staff) -> list[dict[str, Any]]:
    notes = session.scalars(
        select(PersonNote)
        .where(PersonNote.person_id == person_id)
        .order_by(PersonNote.written_at, PersonNote.id)
    ).all()
    staff.load(session, (n.author_user_id for n in notes))
    return [
        {
            "id": n.id,
            "written_at": _json_value(n.written_at),
            "level": n.level.value,
            "text": n.text,
            "author": staff.who(n.author_user_id),
        }
        for n in notes
    ]


def _safe_file_name(attachment_id: int, name: str) -> str:
    stem = re.sub(r"[^\w.\- ]+", "_", name).strip(" .") or "documento"
    return f"{attachment_id}-{stem}"[:120]


def _attachments(
    session: Session, person_id: int, staff: _Staff, copies: dict[str, bytes] | None
) -> list[dict[str, Any]]:
    """The attachments as listed; with ``copies``, each one's checked content is added to
    it under the name of its copy (written only once everything else has succeeded)."""
    rows = session.scalars(
        select(Attachment)
        .where(Attachment.person_id == person_id)
        .order_by(Attachment.uploaded_at, Attachment.id)
    ).all()
    staff.load(session, (a.uploaded_by_user_id for a in rows))
    result = []
    for a in rows:
        item: dict[str, Any] = {
            "id": a.id,
            "file_name": a.file_name,
            "media_type": a.media_type,
            "size": a.size,
            "sha256": a.sha256,
            "description": a.description,
            "uploaded_at": _json_value(a.uploaded_at),
            "uploaded_by": staff.who(a.uploaded_by_user_id),
            "copy": None,
        }
        if copies is not None:
            content = a.content
            if hashlib.sha256(content).hexdigest() != a.sha256:
                raise ConflictError(
                    f"L'allegato «{a.file_name}» risulta danneggiato (l'impronta SHA-256 non "
                    "corrisponde): ricaricatelo dall'originale prima di rispondere alla "
                    "richiesta di accesso."
                )
            item["copy"] = _safe_file_name(a.id, a.file_name)
            copies[item["copy"]] = content
        result.append(item)
    return result


def _attachment_block(items: Sequence[Mapping[str, Any]]) -> TableBlock:
    rows = []
    for a in items:
        document = a["file_name"]
        if a["description"]:
            document += f"\n{a['description']}"
        document += f"\n{a['media_type']}"
        if a["copy"]:
            document += f"\ncopia: {a['copy']}"
        digest = a["sha256"]
        rows.append(
            (
                document,
                _size(a["size"]),
                _text(a["uploaded_at"]),
                f"{digest[:32]}\n{digest[32:]}",
            )
        )
    return TableBlock(
        "",
        ("Documento", "Dimensione", "Caricato il", "Impronta SHA-256"),
        tuple(rows),
        (3.2, 1.3, 1.6, 3.4),
        "Nessun documento allegato.",
    )


def _service_sections(session: Session, person_ids: Sequence[int]) -> dict[str, Any]:
    """Each registered module's rows; a merged record's rows are the same person's too."""
    result: dict[str, Any] = {}
    for module in registered_sections():
        sections = [module.collect(session, pid) for pid in person_ids]
        first = sections[0]
        rows = [dict(row) for section in sections for row in section.rows]
        columns = list(first.columns) or [(k, k) for k in (rows[0] if rows else {})]
        result[module.key] = {
            "title": first.title,
            "columns": [{"key": k, "label": label} for k, label in columns],
            "rows": [{k: _json_value(v) for k, v in row.items()} for row in rows],
            "_pdf": TableBlock(
                first.title,
                tuple(label for _, label in columns) or ("Dati",),
                tuple(tuple(_text(row.get(k)) for k, _ in columns) for row in rows),
                empty_text=first.empty_text,
            ),
        }
    return result


@dataclass(frozen=True)
class _TrailContext:
    person_ids: frozenset[int]
    staff: _Staff


def _mask_persons(value: Any, own: frozenset[int]) -> Any:
    if isinstance(value, list):
        return [_mask_persons(v, own) for v in value]
    if isinstance(value, int) and not isinstance(value, bool) and value not in own:
        return REDACTED
    return value


def _trail_changes(
    changes: Any, entity: LinkedEntity | None, ctx: _TrailContext
) -> dict[str, Any] | None:
    if not isinstance(changes, dict):
        return None
    result: dict[str, Any] = {}
    for key, value in changes.items():
        if key in _STAFF_KEYS and not ctx.staff.with_names:
            continue
        if entity is not None and entity.links_persons and key in entity.person_keys:
            value = _mask_persons(value, ctx.person_ids)
        result[key] = value
    return result


def _change_text(
    changes: Mapping[str, Any] | None,
    entity: LinkedEntity | None,
    own: frozenset[int],
    names: Mapping[str, Mapping[int, str]],
) -> str:
    if not changes:
        return ""
    parts = []
    for key, value in changes.items():
        if key in _HIDDEN_CHANGE_KEYS or key in _STAFF_KEYS:
            continue  # who acted is in its own column
        if entity is not None and key in entity.person_keys:
            values = value if isinstance(value, list) else [value]
            if all(v in own for v in values):
                continue  # "this person": nothing to say
            value = ["altra persona" if v == REDACTED else "questa persona" for v in values]
            value = value if len(value) > 1 else value[0]
        label = _CHANGE_LABELS.get(key, key)
        parts.append(f"{label}: {_change_value(key, value, names) or '—'}")
    return "; ".join(parts)


def _change_value(key: str, value: Any, names: Mapping[str, Mapping[int, str]]) -> str:
    """A stored value as people read it: place names for codes, the names of the
    referring body and reference operator for their ids, labels for codes and fields."""
    if isinstance(value, list):
        return " → ".join(_change_value(key, v, names) or "—" for v in value)
    if key in ("birth_place_code", "citizenship_code") and isinstance(value, str):
        return persons.place_label(value) or value
    if isinstance(value, int) and not isinstance(value, bool):
        if key in names:
            return names[key].get(value, str(value))
        if key == "education_isced":
            return persons.ISCED_LABELS.get(value, str(value))
        if key == "ethos_at_intake":
            return persons.ETHOS_LABELS.get(value, str(value))
    if key == "declined_fields" and isinstance(value, str):
        return ", ".join(persons.labels(x for x in value.split(",") if x))
    return _text(value)


def _reference_names(session: Session, entries: Sequence[AuditEntry]) -> dict[str, dict[int, str]]:
    """Names of the referring bodies and reference operators the person's rows mention."""
    wanted: dict[str, set[int]] = {"referring_organisation_id": set(), "reference_staff_id": set()}
    for e in entries:
        if e.entity != "person" or not isinstance(e.changes, dict):
            continue
        for key, ids in wanted.items():
            value = e.changes.get(key)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, int) and not isinstance(item, bool):
                    ids.add(item)
    organisations = wanted["referring_organisation_id"]
    staff_ids = wanted["reference_staff_id"]
    return {
        "referring_organisation_id": {
            o.id: o.name
            for o in session.scalars(select(Organisation).where(Organisation.id.in_(organisations)))
        }
        if organisations
        else {},
        "reference_staff_id": {
            m.id: m.display_name
            for m in session.scalars(select(StaffMember).where(StaffMember.id.in_(staff_ids)))
        }
        if staff_ids
        else {},
    }


def _audit_trail(
    session: Session, person_ids: Sequence[int], staff: _Staff
) -> list[dict[str, Any]]:
    own = frozenset(person_ids)
    ctx = _TrailContext(own, staff)
    wanted: list[Any] = [
        (AuditEntry.entity == "person")
        & or_(AuditEntry.entity_id.in_([str(i) for i in person_ids]), _merge_involving(person_ids))
    ]
    by_entity: dict[str, LinkedEntity] = {}
    for entity in _linked_entities():
        ids = _linked_entity_ids(session, entity, person_ids)
        if ids:
            by_entity[entity.entity] = entity
            wanted.append((AuditEntry.entity == entity.entity) & AuditEntry.entity_id.in_(ids))
    entries = session.scalars(
        select(AuditEntry).where(or_(*wanted)).order_by(AuditEntry.at, AuditEntry.id)
    ).all()
    staff.load(session, (e.user_id for e in entries))
    names = _reference_names(session, entries)
    trail = []
    for e in entries:
        linked = by_entity.get(e.entity)
        changes = _trail_changes(e.changes, linked, ctx)
        if e.action in (AuditAction.MERGE, AuditAction.UNDO_MERGE):
            # Bookkeeping for undo, with snapshots of the other record too: the changes
            # each merge made are in the rows of the records themselves.
            changes = None
        trail.append(
            {
                "at": _json_value(e.at),
                "action": e.action,
                "action_label": _ACTION_LABELS.get(e.action, e.action),
                "entity": e.entity,
                "entity_label": "scheda" if e.entity == "person" else audit.entity_label(e.entity),
                "entity_id": e.entity_id,
                "by": staff.who(e.user_id, e.username),
                "changes": changes,
                "detail": e.detail,
                "_text": _change_text(changes, linked, own, names),
            }
        )
    return trail


def _trail_block(trail: Sequence[Mapping[str, Any]]) -> TableBlock:
    rows = []
    for t in trail:
        details = t["_text"]
        if t["detail"]:
            details = f"{t['detail']}\n{details}" if details else t["detail"]
        subject = t["entity_label"]
        if t["entity"] != "person" and t["entity_id"]:
            subject = f"{subject} n. {t['entity_id']}"
        rows.append((_text(t["at"]), t["action_label"], subject, t["by"] or "", details))
    return TableBlock(
        "",
        ("Data e ora", "Operazione", "Oggetto", "Eseguita da", "Dettagli"),
        tuple(rows),
        (1.8, 1.45, 1.3, 1.45, 4.0),
        "Nessuna operazione registrata.",
    )


def _distinct_decisions(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(NotSamePerson.decided_at)
        .where(
            or_(
                NotSamePerson.person_low_id == person_id,
                NotSamePerson.person_high_id == person_id,
            )
        )
        .order_by(NotSamePerson.decided_at)
    )
    return [{"decided_at": _json_value(at)} for at in rows]


def _source(person: Person) -> str:
    text = "I dati sono stati raccolti presso la persona interessata"
    if person.referring_organisation is not None:
        text += (
            f" e presso l'ente che l'ha inviata all'ufficio ({person.referring_organisation.name})"
        )
    return text + "; il registro delle operazioni è prodotto dal sistema informativo dell'ufficio."


def _write(target: JsonTarget, data: bytes) -> None:
    if isinstance(target, str | os.PathLike):
        Path(target).write_bytes(data)
    else:
        target.write(data)


def export_person_data(
    session: Session,
    actor: Actor,
    person_id: int,
    pdf_out: JsonTarget,
    json_out: JsonTarget,
    *,
    attachments_dir: str | os.PathLike[str] | None = None,
    include_staff_names: bool = False,
    letterhead: Letterhead | None = None,
) -> None:
    """Answer a data subject's access request (art. 15 GDPR): write a PDF for the person
    and the same data as JSON (UTF-8, ISO dates, stable keys; ``FORMAT``/``FORMAT_VERSION``
    say which layout) to ``pdf_out`` and ``json_out`` (paths or binary streams).

    Contents: every field of the record with Italian labels ("non ha risposto" for a
    question the person declined, empty for one never asked), consents with dates, the
    household, every note, the attachments (name, type, size, date, SHA-256), "persone
    distinte" decisions, records merged into this one, each registered module's section
    (stays, meals, percorsi...), the audit trail of the record and of everything that
    belongs to it (with the old and new values the log keeps), and the information on the
    processing that art. 15(1) requires.

    Decisions:

    * Who may produce it: roles with READ_REGISTRY, EXPORT_DATA and READ_CONFIDENTIAL
      (coordinatore, admin). The person is entitled to all their data, confidential notes
      included, and the answer must be complete; whoever produces it must be entitled to
      see all of it and to judge whether art. 15(4) (rights of others, e.g. a note reporting
      what a relative said) or art. 2-undecies of the Codice privacy calls for redacting
      something before it is handed over. An operatore would produce an incomplete answer
      and, by stating that confidential notes exist, disclose what a coordinator might
      decide to restrict; the operatore registers the request and a coordinator answers.
      Lettura (auditors) does not answer data subjects.
    * Staff identities: the audit trail says when and how the data were consulted or
      changed and whether by the office's staff or by the system, not which employee did it
      (CJEU C-579/21, Pankki S: employees acting under the controller's authority are not
      recipients; their identity is owed only when essential to the person's rights). With
      ``include_staff_names=True`` (needs VIEW_AUDIT) names are printed, for the cases the
      data protection officer decides so. Note authors and uploaders follow the same rule;
      the reference operator is a field of the record and always printed.
    * Attachments: listed, not embedded in the JSON (base64 scans would make it huge and
      unreadable and add nothing a copy of the file does not give). The copy art. 15(3)
      requires is written to ``attachments_dir`` when given (files named ``<id>-<name>``,
      each checked against its SHA-256 first); the JSON names each copy under ``"copy"``.
    * Third parties: relatives are listed (the household is part of the person's record);
      for "persone distinte" decisions only the date is given, never the other person, and
      other persons' ids in the audit trail are replaced by ``***``.

    The export is recorded in the audit log as an "export" of the person, with no personal
    data in its detail, after a "view" (the record is read in full to produce it)."""
    require(actor, Permission.READ_REGISTRY)
    if not actor.can(Permission.READ_CONFIDENTIAL):
        raise PermissionDenied(
            f"Operazione non consentita: il ruolo «{actor.role_label}» non può rispondere a "
            "una richiesta di accesso ai dati (art. 15), che comprende le note riservate: "
            "può produrla un coordinatore o un amministratore."
        )
    require(actor, Permission.EXPORT_DATA)
    if include_staff_names:
        require(actor, Permission.VIEW_AUDIT)
    person = _get_person(session, person_id)
    staff = _Staff(with_names=include_staff_names)
    merged = _merged_into(session, person_id)
    all_ids = [person_id, *(m.id for m in merged)]
    # The trail first: it must not list the view and export of this very request.
    trail = _audit_trail(session, all_ids, staff)
    persons.open_person(session, actor, person_id)  # audited "view"
    copy_dir = Path(attachments_dir) if attachments_dir is not None else None
    copies: dict[str, bytes] | None = {} if copy_dir is not None else None

    record = _record_fields(person)
    relatives = _household(session, person_id)
    notes = _notes(session, person_id, staff)
    attachments = _attachments(session, person_id, staff, copies)
    distinct = _distinct_decisions(session, person_id)
    merged_records = [{"person": _person_meta(m), "record": _record_fields(m)} for m in merged]
    services = _service_sections(session, all_ids)
    today = clock.today()
    letterhead = letterhead or Letterhead()

    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "legal_basis": "art. 15 Regolamento (UE) 2016/679",
        "controller": {
            "name": letterhead.municipality,
            "department": letterhead.department,
            "programme": letterhead.programme,
        },
        "generated_at": _json_value(clock.utcnow()),
        "document_date": today.isoformat(),
        "produced_by_role": ROLE_LABELS[actor.role],
        "person": _person_meta(person),
        "record": record,
        "consents": _consents(person),
        "household": relatives,
        "notes": notes,
        "attachments": attachments,
        "distinct_person_decisions": distinct,
        "merged_records": merged_records,
        "services": {
            key: {k: v for k, v in section.items() if not k.startswith("_")}
            for key, section in services.items()
        },
        "activity_log": [{k: v for k, v in t.items() if not k.startswith("_")} for t in trail],
    }

    sections = [
        ReportSection("Dati della scheda", tuple(_record_blocks(person, record))),
        ReportSection("Consensi", (_consent_block(person),)),
        ReportSection(
            "Nucleo familiare",
            (
                TableBlock(
                    "",
                    ("Nome e cognome", "Codice", "Relazione"),
                    tuple((r["name"], r["code"], r["relation"]) for r in relatives),
                    (4, 2, 3),
                    "Nessun familiare registrato.",
                ),
            ),
            "Relazione: che cosa il familiare è per la persona interessata.",
        ),
        ReportSection("Note", (_note_block(notes, include_staff_names),)),
        ReportSection(
            "Documenti allegati",
            (_attachment_block(attachments),),
            "L'impronta SHA-256 identifica il contenuto esatto di ciascun documento."
            + (
                " Una copia di ciascun documento è consegnata insieme a questo."
                if copy_dir is not None
                else " Una copia dei documenti può essere consegnata su richiesta."
            ),
        ),
    ]
    if distinct:
        sections.append(
            ReportSection(
                "Verifiche di omonimia",
                (
                    TableBlock(
                        "",
                        ("Data della verifica",),
                        tuple((_text(d["decided_at"]),) for d in distinct),
                    ),
                ),
                "L'ufficio ha verificato che una scheda simile a questa appartiene a "
                "un'altra persona (i dati dell'altra persona non sono riportati).",
            )
        )
    if merged:
        sections.append(
            ReportSection(
                "Schede unite a questa",
                tuple(
                    FieldBlock(
                        f"Scheda {m['person']['code']}",
                        tuple((f["label"], f["text"]) for f in m["record"].values()),
                    )
                    for m in merged_records
                ),
                "Schede registrate due volte per la stessa persona e poi unite a questa.",
            )
        )
    sections.append(
        ReportSection(
            "Servizi ricevuti",
            tuple(s["_pdf"] for s in services.values()),
            "" if services else "Nessun servizio registrato.",
        )
    )
    sections.append(
        ReportSection(
            "Registro delle operazioni sulla scheda",
            (_trail_block(trail),),
            "Ogni consultazione, stampa e modifica della scheda e dei dati collegati, con i "
            "valori precedenti e successivi che il registro conserva. Orari nell'ora locale.",
        )
    )
    notices: list[str] = []
    if person.anonymised_at is not None:
        notices.append(
            f"Questa scheda è stata anonimizzata il {_it_date(person.anonymised_at)}: i dati "
            "che identificavano la persona sono stati cancellati; restano solo i dati usati "
            "per le statistiche del programma."
        )
    pdf = io.BytesIO()
    render_access_request(
        AccessRequestData(
            code=person.code,
            full_name=(
                f"{person.last_name} {person.first_name}"  # "Anonimo #42"
                if person.anonymised_at is not None
                else f"{person.first_name} {person.last_name}".strip()
            ),
            document_date=today,
            sections=tuple(sections),
            notices=tuple(notices),
            office=f"{letterhead.municipality} - {letterhead.department}",
            source=_source(person),
        ),
        pdf,
        letterhead=letterhead,
    )
    detail = "accesso ai dati personali (art. 15): PDF e JSON"
    if copy_dir is not None:
        detail += f"; allegati copiati: {len(attachments)}"
    if include_staff_names:
        detail += "; con i nomi del personale"
    audit.record(session, actor, AuditAction.EXPORT, "person", person_id, detail=detail)
    session.flush()  # a database refusal surfaces before any file is written
    payload = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    _write(json_out, payload.encode("utf-8"))
    _write(pdf_out, pdf.getvalue())
    if copy_dir is not None and copies is not None:
        copy_dir.mkdir(parents=True, exist_ok=True)
        for name, content in copies.items():
            (copy_dir / name).write_bytes(content)


def _note_block(notes: Sequence[Mapping[str, Any]], with_authors: bool) -> TableBlock:
    if with_authors:
        return TableBlock(
            "",
            ("Data", "Livello", "Autore", "Testo"),
            tuple(
                (_text(n["written_at"]), n["level"], n["author"] or "", n["text"]) for n in notes
            ),
            (1.8, 1.3, 1.7, 5.2),
            "Nessuna nota.",
        )
    return TableBlock(
        "",
        ("Data", "Livello", "Testo"),
        tuple((_text(n["written_at"]), n["level"], n["text"]) for n in notes),
        (1.8, 1.3, 6.9),
        "Nessuna nota.",
    )


# =========================================================================== erasure (art. 17)

# Person columns the year-end figures (DOMAIN.md section 7) need: kept as they are.
KEPT_FIELDS = frozenset({"sex", "citizenship_code", "ethos_at_intake", "intake_date"})
# In the audit log, values of these person columns are kept; every other one becomes ***.
_AUDIT_KEPT = KEPT_FIELDS | {"id", "anonymised_at", "created_at", "merged_into_id"}
# Keys of merge and undo-merge events that are only ids and bookkeeping: kept, so that the
# merge module can still tell that a merge was undone.
_MERGE_KEPT = frozenset({"format", "survivor_id", "absorbed_id", "merge_audit_id"})
# Values searched for (as whole words) in the free-text "detail" of audit rows and in the
# reason given for the anonymisation.
_IDENTIFYING_TEXT = (
    "code",
    "last_name",
    "first_name",
    "fiscal_code",
    "cui",
    "permit_number",
    "phone",
    "email",
    "address",
    "birth_place_text",
)
# Identifying values a merge may have copied to the other record.
_MERGE_COPIED = (
    "code",
    "last_name",
    "first_name",
    "birth_date",
    "birth_place_code",
    "birth_place_text",
    "fiscal_code",
    "cui",
    "permit_number",
    "phone",
    "email",
    "address",
    "languages",
    "notes",
)
# Unique in the whole database: replaced wherever they appear in the audit log.
_UNIQUE_VALUES = ("fiscal_code", "cui")


def anonymised_birth_date(birth_date: dt.date | None, intake_date: dt.date) -> dt.date | None:
    """The birth date kept after anonymisation: the year, on a day that keeps every
    year-end age band exact.

    The bands use the age on the later of 1 January Y and the intake date. 1 January stays
    1 January (documents of people whose birth day is unknown often say 1 January). Any
    other day becomes 2 January when it falls on or before the intake day of the calendar
    year, 31 December when after: the age on every 1 January and on the intake date is then
    the same as with the real date. What is kept beyond the year is one bit (birthday
    before or after the intake day), not the day."""
    if birth_date is None:
        return None
    if (birth_date.month, birth_date.day) == (1, 1):
        return birth_date
    if (birth_date.month, birth_date.day) <= (intake_date.month, intake_date.day):
        return dt.date(birth_date.year, 1, 2)
    return dt.date(birth_date.year, 12, 31)


def _anonymous_names(person: Person) -> tuple[str, str]:
    last = "Anonima" if person.sex is Sex.F else "Anonimo"
    return last, f"#{person.id}"


def _erase_identity(person: Person, now: dt.datetime) -> None:
    last, first = _anonymous_names(person)
    person.code = f"{ANONYMOUS_CODE_PREFIX}{person.id}"
    person.last_name = last
    person.first_name = first
    person.sort_key = persons.sort_key_for(last, first)
    person.birth_date = anonymised_birth_date(person.birth_date, person.intake_date)
    for name in (
        "birth_place_code",
        "birth_place_text",
        "fiscal_code",
        "cui",
        "permit_type",
        "permit_reason",
        "permit_number",
        "permit_issuer",
        "permit_issued_on",
        "permit_expires_on",
        "phone",
        "email",
        "address",
        "languages",
        "education_isced",
        "employment",
        "disability",
        "referring_organisation_id",
        "reference_staff_id",
        "consent_privacy",
        "consent_privacy_on",
        "consent_photo",
        "consent_photo_on",
        "consent_sharing",
        "consent_sharing_on",
        "notes",
    ):
        setattr(person, name, None)
    declined = {x for x in person.declined_fields.split(",") if x}
    person.declined_fields = ",".join(sorted(declined & KEPT_FIELDS))
    person.anonymised_at = now


def _identifying_words(group: Sequence[Person]) -> list[str]:
    """What to look for in free text: each identifying value as written, the names also
    word by word and without accents ("Gündoğdu", "Gundogdu")."""
    values: list[str] = []
    for p in group:
        values.extend(v for name in _IDENTIFYING_TEXT if (v := getattr(p, name)))
        for name in (p.last_name, p.first_name):
            for variant in (name, fold(name)):
                values.append(variant)
                values.extend(w for w in variant.split() if len(w) >= 3)
    return values


def _redacted(value: Any, action: str) -> Any:
    if action == AuditAction.UPDATE and isinstance(value, list) and len(value) == 2:
        return [REDACTED, REDACTED]
    return REDACTED


def _replace_ids(value: Any, ids: frozenset[int]) -> Any:
    if isinstance(value, list):
        return [_replace_ids(v, ids) for v in value]
    if isinstance(value, int) and not isinstance(value, bool) and value in ids:
        return REDACTED
    return value


class _TextScrubber:
    """Replaces identifying values inside free text, as whole words, ignoring case."""

    def __init__(self, values: Iterable[str | None]) -> None:
        self._values = {v.strip() for v in values if v and v.strip()}
        words = sorted(self._values, key=len, reverse=True)
        self._pattern = (
            re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE
            )
            if words
            else None
        )

    def __call__(self, text: str | None) -> str | None:
        if text is None or self._pattern is None:
            return text
        return self._pattern.sub(REDACTED, text)

    def extended(self, values: Iterable[str]) -> _TextScrubber:
        return _TextScrubber([*self._values, *values])

    def deep(self, value: Any) -> Any:
        if isinstance(value, str):
            return self(value)
        if isinstance(value, list):
            return [self.deep(v) for v in value]
        if isinstance(value, dict):
            return {k: self.deep(v) for k, v in value.items()}
        return value


def _rewrite(
    session: Session, entry_id: int, old: tuple[Any, str | None], new: tuple[Any, str | None]
) -> bool:
    values: dict[str, Any] = {}
    if new[0] != old[0]:
        values["changes"] = new[0]
    if new[1] != old[1]:
        values["detail"] = new[1]
    if values:
        session.execute(
            update(AuditEntry)
            .where(AuditEntry.id == entry_id)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
    return bool(values)


def _merge_partner_values(
    session: Session, person_ids: frozenset[int], group_values: Mapping[str, set[Any]]
) -> dict[int, dict[str, set[Any]]]:
    """For each record once merged with the persons (and since separated), the persons'
    values (as the audit log stores them) that it does not hold itself now."""
    partners: set[int] = set()
    for changes in session.scalars(
        select(AuditEntry.changes).where(
            AuditEntry.entity == "person", _merge_involving(person_ids)
        )
    ):
        if isinstance(changes, dict):
            for key in ("survivor_id", "absorbed_id"):
                value = changes.get(key)
                if isinstance(value, int) and value not in person_ids:
                    partners.add(value)
    result: dict[int, dict[str, set[Any]]] = {}
    for partner in session.scalars(select(Person).where(Person.id.in_(partners))):
        values = {
            name: ours - {_json_value(getattr(partner, name))}
            for name, ours in group_values.items()
        }
        result[partner.id] = {name: v for name, v in values.items() if v}
    return result


def _replace_values(value: Any, doomed: set[Any]) -> Any:
    if isinstance(value, list):
        return [_replace_values(v, doomed) for v in value]
    return REDACTED if value is not None and value in doomed else value


def _scrub_audit(
    session: Session,
    person_ids: frozenset[int],
    scrubber: _TextScrubber,
    unique_values: Sequence[str],
    group_values: Mapping[str, set[Any]],
) -> int:
    """Take the erased identity out of the audit log; the rows themselves (who did what,
    when) stay. Returns how many rows were rewritten."""
    rewritten = 0
    # 1. The person's own rows, and merges that involved the person (a merge event holds
    #    snapshots of both records): every value but the statistical ones and the ids.
    rows = session.execute(
        select(AuditEntry.id, AuditEntry.action, AuditEntry.changes, AuditEntry.detail).where(
            AuditEntry.entity == "person",
            or_(
                AuditEntry.entity_id.in_([str(i) for i in person_ids]),
                _merge_involving(person_ids),
            ),
        )
    ).all()
    kept = _AUDIT_KEPT | _MERGE_KEPT
    # the values the persons held at any time, for step 1b
    held = {name: set(values) for name, values in group_values.items()}
    for entry_id, action, changes, detail in rows:
        new_changes = changes
        if isinstance(changes, dict):
            for name in held.keys() & changes.keys():
                value = changes[name]
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, str | int) and item != REDACTED:
                        held[name].add(item)
            new_changes = {k: v if k in kept else _redacted(v, action) for k, v in changes.items()}
        rewritten += _rewrite(session, entry_id, (changes, detail), (new_changes, scrubber(detail)))
    # 1b. A merge copies chosen values from one record to the other; when the merge was
    #     undone, the other record's history still holds them. Those values go, unless
    #     the other person holds the same value now (then it is theirs too).
    for partner_id, values in _merge_partner_values(session, person_ids, held).items():
        rows = session.execute(
            select(AuditEntry.id, AuditEntry.changes, AuditEntry.detail).where(
                AuditEntry.entity == "person", AuditEntry.entity_id == str(partner_id)
            )
        ).all()
        for entry_id, changes, detail in rows:
            if not isinstance(changes, dict):
                continue
            new_changes = {
                k: _replace_values(v, values[k]) if k in values else v for k, v in changes.items()
            }
            rewritten += _rewrite(session, entry_id, (changes, detail), (new_changes, detail))
    # 2. Rows of what belonged to the person (notes, attachments, links, modules' rows).
    for entity in _linked_entities():
        ids = _linked_entity_ids(session, entity, person_ids)
        if not ids:
            continue
        rows = session.execute(
            select(AuditEntry.id, AuditEntry.action, AuditEntry.changes, AuditEntry.detail).where(
                AuditEntry.entity == entity.entity, AuditEntry.entity_id.in_(ids)
            )
        ).all()
        # An event's free text may repeat an identifying value of the row (a file name).
        found = [
            v
            for _, _, changes, _ in rows
            if isinstance(changes, dict)
            for k, value in changes.items()
            if k in entity.identifying
            for v in (value if isinstance(value, list) else [value])
            if isinstance(v, str) and v != REDACTED
        ]
        entity_scrubber = scrubber.extended(found)
        for entry_id, action, changes, detail in rows:
            new_changes = changes
            if isinstance(changes, dict):
                new_changes = {}
                for key, value in changes.items():
                    if key in entity.identifying:
                        value = _redacted(value, action)
                    elif entity.links_persons and key in entity.person_keys:
                        value = _replace_ids(value, person_ids)
                    new_changes[key] = scrubber.deep(value)
            rewritten += _rewrite(
                session, entry_id, (changes, detail), (new_changes, entity_scrubber(detail))
            )
    # 3. Values unique to the person, wherever they were copied (an import, a merge...).
    if unique_values:
        unique = _TextScrubber(unique_values)
        matches = [cast(AuditEntry.changes, Text).contains(v) for v in unique_values]
        matches += [AuditEntry.detail.contains(v) for v in unique_values]
        rows = session.execute(
            select(AuditEntry.id, AuditEntry.changes, AuditEntry.detail).where(or_(*matches))
        ).all()
        for entry_id, changes, detail in rows:
            rewritten += _rewrite(
                session,
                entry_id,
                (changes, detail),
                (unique.deep(deepcopy(changes)), unique(detail)),
            )
    return rewritten


def anonymise_person(
    session: Session, actor: Actor, person_id: int, reason: str, confirm_code: str
) -> None:
    """Erase a person's identity for good (art. 17 GDPR), keeping the statistics right.

    Only coordinatore and admin (Permission.ANONYMISE). Irreversible: ``confirm_code`` must
    be the person's current code, typed by the user. A person already anonymised is
    refused. ``reason`` (why: a request of the person, end of the retention period...) is
    recorded in the audit log; identifying values typed in it are replaced by ``***``.

    What happens, all or nothing (a savepoint inside the caller's transaction):

    * kept, because the year-end figures (DOMAIN.md section 7) need them: sex, citizenship,
      ETHOS category at intake (and "non ha risposto" for those two questions), intake
      date, and the birth YEAR on a day chosen by :func:`anonymised_birth_date` so that the
      age bands stay exact; every service row (stays, meals, percorsi...) keeps pointing at
      the record, so served persons and counts do not change;
    * replaced: the code becomes ``ANON-<id>``, the names "Anonimo"/"Anonima" (by the sex
      that is kept anyway) and ``#<id>``;
    * emptied: birth place, codice fiscale, CUI, the residence permit, phone, e-mail,
      address, languages, education, employment, disability (health data), referring body,
      reference operator, consents (nothing is processed on their basis any more) and the
      record's free-text notes;
    * deleted (each deletion audited): notes, attachments, household links, "persone
      distinte" decisions, search words (the old name, code and codice fiscale no longer
      find the record; the new code and name do, in lists that include anonymised ones);
    * records merged into this one are the same person: they are anonymised too;
    * registered modules scrub their own free text first (their ``anonymise`` hook);
    * the audit log: rows stay (who did what, when) but the stored values of every erased
      field, of notes' text, of attachments' names and digests and the person's id in
      other persons' household links become ``***``, and the names, codes and numbers are
      taken out of the rows' free text; the codice fiscale and CUI are searched in the
      whole log. Otherwise the log would keep the identity the erasure removes;
    * one "anonymise" event records who, when and why, with no personal data.
    """
    require(actor, Permission.ANONYMISE)
    why = " ".join((reason or "").split())
    if not why:
        raise ValidationError({"reason": "indicare il motivo dell'anonimizzazione"})
    if len(why) > MAX_REASON_LENGTH:
        raise ValidationError({"reason": f"troppo lungo: al massimo {MAX_REASON_LENGTH} caratteri"})
    person = _get_person(session, person_id, for_update=True)
    if person.anonymised_at is not None:
        raise ConflictError(
            f"La persona è già stata anonimizzata il {_it_date(person.anonymised_at.astimezone())}."
        )
    if (confirm_code or "").strip() != person.code:
        raise ValidationError(
            {
                "confirm_code": (
                    f"il codice digitato non corrisponde a quello della persona ({person.code}): "
                    "l'anonimizzazione non è stata eseguita"
                )
            },
            message=(
                "Il codice digitato non corrisponde a quello della persona "
                f"({person.code}): l'anonimizzazione non è stata eseguita."
            ),
        )
    group = [person, *_merged_into(session, person_id)]
    ids = frozenset(p.id for p in group)
    for p in group:
        code = f"{ANONYMOUS_CODE_PREFIX}{p.id}"
        holder = session.scalar(select(Person.id).where(Person.code == code, Person.id != p.id))
        if holder is not None:
            raise ConflictError(
                f"Il codice {code}, riservato alle schede anonimizzate, è già usato da "
                "un'altra persona: cambiatele codice e riprovate."
            )
    scrubber = _TextScrubber(_identifying_words(group))
    unique_values = [getattr(p, n) for p in group for n in _UNIQUE_VALUES if getattr(p, n)]
    group_values = {
        name: {v for p in group if (v := _json_value(getattr(p, name))) is not None}
        for name in _MERGE_COPIED
    }
    counts = {"note": 0, "allegati": 0, "legami familiari": 0, "decisioni persone distinte": 0}
    with session.begin_nested():
        for module in registered_sections():
            if module.anonymise is not None:
                for pid in sorted(ids):
                    module.anonymise(session, actor, pid)
        for model, key, column_sets in (
            (PersonNote, "note", (PersonNote.person_id,)),
            (Attachment, "allegati", (Attachment.person_id,)),
            (
                HouseholdLink,
                "legami familiari",
                (HouseholdLink.person_id, HouseholdLink.relative_id),
            ),
            (
                NotSamePerson,
                "decisioni persone distinte",
                (NotSamePerson.person_low_id, NotSamePerson.person_high_id),
            ),
        ):
            doomed = session.scalars(
                select(model).where(or_(*(column.in_(ids) for column in column_sets)))
            ).all()
            for row in doomed:
                session.delete(row)
            counts[key] += len(doomed)
        session.flush()
        now = clock.utcnow()
        for p in group:
            _erase_identity(p, now)
        session.flush()
        # The anonymous record stays findable by its new code (in lists that show them);
        # the records merged into it keep no tokens.
        persons.write_search_tokens(session, group)
        _scrub_audit(session, ids, scrubber, unique_values, group_values)
        deleted = ", ".join(f"{what} {n}" for what, n in counts.items() if n)
        detail = f"motivo: {scrubber(why)}"
        if len(group) > 1:
            detail += f"; con {len(group) - 1} schede unite"
        if deleted:
            detail += f"; eliminati: {deleted}"
        audit.record(session, actor, AuditAction.ANONYMISE, "person", person_id, detail=detail)
        session.flush()
    log.info("Persona %s anonimizzata da %s", person_id, actor.username)
