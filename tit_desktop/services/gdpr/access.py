"""The access request (art. 15 of Regulation (EU) 2016/679): everything the office holds about
one person, as a PDF for the person and a JSON copy for machines, audit trail included.

This module gathers the data (the record's fields from the field catalogue, consents,
household, notes, attachments, the modules' sections, the trail of :mod:`.trail`); the layout
of the PDF is :mod:`tit_desktop.reports.access_request`'s.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import hashlib
import io
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tit_desktop.models import (
    Attachment,
    AuditEntry,
    NotSamePerson,
    Organisation,
    Person,
    PersonNote,
    StaffMember,
    User,
)
from tit_desktop.models.audit import AuditAction
from tit_desktop.reports.access_request import (
    AccessRequestContent,
    AccessRequestData,
    ServiceTable,
    access_request_sections,
    format_date,
    format_value,
    render_access_request,
)
from tit_desktop.reports.pdf import Letterhead
from tit_desktop.services import audit, clock, household, person_fields, persons
from tit_desktop.services.errors import ConflictError, PermissionDenied
from tit_desktop.services.gdpr.registry import (
    LinkedEntity,
    get_person,
    merged_into,
    registered_sections,
)
from tit_desktop.services.gdpr.trail import MERGE_ACTIONS, find_trail, table_of
from tit_desktop.services.permissions import ROLE_LABELS, SYSTEM, Actor, Permission, require

FORMAT = "tit-desktop/accesso-dati-art15"
FORMAT_VERSION = 1
DECLINED = "non ha risposto"
REDACTED = audit.REDACTED

JsonTarget = str | os.PathLike[str] | IO[bytes]

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
# Labels of the keys an audit row's changes may hold: the person's fields (from the
# catalogue, as printed alone) and those of the rows that belong to a person.
_CHANGE_LABELS = {
    **{f.name: f.printed_label for f in person_fields.FIELDS},
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
}
# Staff members' user ids: shown only with include_staff_names.
_STAFF_KEYS = frozenset({"author_user_id", "uploaded_by_user_id", "decided_by_user_id"})
_HIDDEN_CHANGE_KEYS = frozenset({"content", "id", "version"})
_STAFF = "Personale dell'ufficio"


def json_value(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    return value


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


# --------------------------------------------------------------------------- the record


def _record_fields(person: Person) -> dict[str, dict[str, Any]]:
    declined = {x for x in person.declined_fields.split(",") if x}
    result: dict[str, dict[str, Any]] = {}
    for name in person_fields.record_fields():
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
            text = format_value(value)
        result[name] = {
            "label": person_fields.get(name).printed_label,
            "value": json_value(value),
            "text": text,
            "declined": is_declined,
        }
    return result


def _record_groups(
    person: Person, record: Mapping[str, Mapping[str, Any]]
) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """The record by the catalogue's printed sections; the birth place in one line."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for name in record:
        f = person_fields.get(name)
        assert f.section is not None
        rows = groups.setdefault(str(f.section), [])
        if f.bundle == "birth_place":
            if name == "birth_place_code":
                place = persons.place_label(person.birth_place_code, person.birth_place_text)
                rows.append(("Luogo di nascita", place))
            continue
        rows.append((record[name]["label"], record[name]["text"]))
    return tuple((title, tuple(rows)) for title, rows in groups.items())


def _person_meta(person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "code": person.code,
        "created_at": json_value(person.created_at),
        "updated_at": json_value(person.updated_at),
        "anonymised": person.anonymised_at is not None,
        "anonymised_at": json_value(person.anonymised_at),
    }


def _consents(person: Person) -> dict[str, dict[str, Any]]:
    return {
        kind: {
            "label": label,
            "given": getattr(person, f"consent_{kind}"),
            "date": json_value(getattr(person, f"consent_{kind}_on")),
        }
        for kind, label in _CONSENTS
    }


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
            "written_at": json_value(n.written_at),
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
            "uploaded_at": json_value(a.uploaded_at),
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


def _service_sections(
    session: Session, person_ids: Sequence[int]
) -> tuple[dict[str, Any], list[ServiceTable]]:
    """Each registered module's rows; a merged record's rows are the same person's too.
    A module that holds nothing about the person adds no section (the request lists what
    is held; with nothing at all it says "Nessun servizio registrato")."""
    result: dict[str, Any] = {}
    tables: list[ServiceTable] = []
    for module in registered_sections():
        sections = [module.collect(session, pid) for pid in person_ids]
        first = sections[0]
        rows = [dict(row) for section in sections for row in section.rows]
        if not rows:
            continue
        columns = list(first.columns) or [(k, k) for k in (rows[0] if rows else {})]
        result[module.key] = {
            "title": first.title,
            "columns": [{"key": k, "label": label} for k, label in columns],
            "rows": [{k: json_value(v) for k, v in row.items()} for row in rows],
        }
        tables.append(
            ServiceTable(
                first.title,
                tuple(label for _, label in columns),
                tuple(tuple(row.get(k) for k, _ in columns) for row in rows),
                first.empty_text,
            )
        )
    return result, tables


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
    return [{"decided_at": json_value(at)} for at in rows]


# --------------------------------------------------------------------------- the trail


def _mask_persons(value: Any, own: frozenset[int]) -> Any:
    if isinstance(value, list):
        return [_mask_persons(v, own) for v in value]
    if isinstance(value, int) and not isinstance(value, bool) and value not in own:
        return REDACTED
    return value


def _column_order(entity: str) -> dict[str, int]:
    table = table_of(entity)
    return {} if table is None else {c.name: i for i, c in enumerate(table.columns)}


def _trail_changes(
    changes: Any,
    entity: LinkedEntity | None,
    own: frozenset[int],
    staff: _Staff,
    order: Mapping[str, int],
) -> dict[str, Any] | None:
    if not isinstance(changes, dict):
        return None
    # In the table's column order: PostgreSQL's JSONB does not keep the keys' order.
    keys = sorted(changes, key=lambda k: order.get(k, len(order)))
    result: dict[str, Any] = {}
    for key in keys:
        value = changes[key]
        if key in _STAFF_KEYS and not staff.with_names:
            continue
        if entity is not None and entity.links_persons and key in entity.person_keys:
            value = _mask_persons(value, own)
        result[key] = value
    return result


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
    return format_value(value)


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
    found = find_trail(session, own)
    by_entity = {name: entity for name, (entity, _) in found.linked_rows.items()}
    entries = found.all_rows()
    staff.load(session, (e.user_id for e in entries))
    names = _reference_names(session, entries)
    orders: dict[str, dict[str, int]] = {}
    trail = []
    for e in entries:
        linked = by_entity.get(e.entity)
        if e.entity not in orders:
            orders[e.entity] = _column_order(e.entity)
        changes = _trail_changes(e.changes, linked, own, staff, orders[e.entity])
        if e.action in MERGE_ACTIONS:
            # Bookkeeping for undo, with snapshots of the other record too: the changes
            # each merge made are in the rows of the records themselves.
            changes = None
        trail.append(
            {
                "at": json_value(e.at),
                "action": e.action,
                "action_label": _ACTION_LABELS.get(e.action, e.action),
                "entity": e.entity,
                "entity_label": "scheda" if e.entity == "person" else audit.entity_label(e.entity),
                "entity_id": e.entity_id,
                "by": staff.who(e.user_id, e.username),
                "changes": changes,
                "detail": e.detail,
                "summary": _change_text(changes, linked, own, names),
            }
        )
    return trail


# --------------------------------------------------------------------------- the request


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
    person = get_person(session, person_id)
    staff = _Staff(with_names=include_staff_names)
    merged = merged_into(session, person_id)
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
    services, service_tables = _service_sections(session, all_ids)
    consents = _consents(person)
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
        "generated_at": json_value(clock.utcnow()),
        "document_date": today.isoformat(),
        "produced_by_role": ROLE_LABELS[actor.role],
        "person": _person_meta(person),
        "record": record,
        "consents": consents,
        "household": relatives,
        "notes": notes,
        "attachments": attachments,
        "distinct_person_decisions": distinct,
        "merged_records": merged_records,
        "services": services,
        "activity_log": [{k: v for k, v in t.items() if k != "summary"} for t in trail],
    }
    content = AccessRequestContent(
        record=_record_groups(person, record),
        created_at=person.created_at,
        updated_at=person.updated_at,
        anonymised_at=person.anonymised_at,
        consents=tuple(consents.values()),
        household=relatives,
        notes=notes,
        with_staff_names=include_staff_names,
        attachments=attachments,
        copies_delivered=copy_dir is not None,
        distinct_decisions=distinct,
        merged_records=tuple(
            (
                m["person"]["code"],
                tuple((f["label"], f["text"]) for f in m["record"].values()),
            )
            for m in merged_records
        ),
        services=service_tables,
        trail=trail,
    )
    notices: list[str] = []
    if person.anonymised_at is not None:
        notices.append(
            f"Questa scheda è stata anonimizzata il {format_date(person.anonymised_at)}: i "
            "dati che identificavano la persona sono stati cancellati; restano solo i dati "
            "usati per le statistiche del programma."
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
            sections=access_request_sections(content),
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
        for name, content_bytes in copies.items():
            (copy_dir / name).write_bytes(content_bytes)
