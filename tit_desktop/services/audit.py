"""Audit log: every change flushed by a service is written, in the same transaction,
with who, when (UTC), which record and each field's old and new value.

The listener works on the ORM flush, so no service can forget to audit; a flush with
changes and no acting user is a programming error and fails. Reads of a person's
record, logins and exports are recorded explicitly with :func:`record`.

Writes of many rows at once go through :mod:`tit_desktop.services.bulk`, which writes one
summary row naming the records (and their persons, in ``audit_subject``). Any other Core
or ORM-bulk INSERT/UPDATE/DELETE on an audited table (a model without ``__audit_skip__``)
is refused by a guard on every engine (:class:`UnauditedWrite`), unless the statement or
its connection carries :func:`audited_elsewhere` with the reason (a migration, a backup
being restored, the merge's own audit row).
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Table,
    and_,
    event,
    func,
    insert,
    inspect,
    or_,
    select,
    union,
)
from sqlalchemy.orm import Session, SessionTransaction
from sqlalchemy.orm.base import NO_VALUE
from sqlalchemy.sql.dml import UpdateBase

from tit_desktop.models import Base
from tit_desktop.models.audit import AuditEntry, AuditSubject
from tit_desktop.services import clock
from tit_desktop.services.permissions import Actor, Permission, require

ACTOR_KEY = "tit_actor"
REDACTED = "***"


def bind_actor(session: Session, actor: Actor) -> None:
    session.info[ACTOR_KEY] = actor


def actor_of(session: Session) -> Actor | None:
    return session.info.get(ACTOR_KEY)


def _plain(value: Any) -> Any:
    """A JSON-safe rendering of a column value."""
    if isinstance(value, enum.Enum):
        return value.value
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return f"<{len(value)} byte>"
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


# What users read in the activity log for each kind of record.
ENTITY_LABELS: dict[str, str] = {
    "app_user": "utente",
    "person": "persona",
    "person_note": "nota",
    "household_link": "legame familiare",
    "attachment": "allegato",
    "not_same_person": "persone distinte",
    "organisation": "ente",
    "staff_member": "operatore",
    "street_contact": "contatto di strada",
    "street_contact_person": "persona di un contatto di strada",
    "street_contact_staff": "operatore di un contatto di strada",
    "street_contact_service": "prestazione di un contatto di strada",
    "street_zone": "zona dell'unità di strada",
    "database": "database",
    "host_family": "famiglia ospitante",
    "hosting_agreement": "accoglienza in famiglia",
    "hosting_contribution": "contributo alla famiglia",
    "hosting_default_amount": "contributo mensile predefinito",
    "convention": "convenzione",
    "budget_line": "voce di budget",
    "budget_variation": "rimodulazione",
    "expenditure": "spesa",
    "payment_request": "domanda di rimborso",
    "deadline": "scadenza",
    "pathway": "percorso",
    "plan_goal": "obiettivo del piano",
    "plan_action": "azione del piano",
    "plan_review": "verifica del piano",
    "autonomy_assessment": "valutazione dell'autonomia",
    "course": "corso",
    "course_session": "lezione del corso",
    "course_enrolment": "iscrizione a un corso",
    "course_attendance": "presenza a un corso",
    "tirocinio": "tirocinio",
    "tirocinio_month": "presenze mensili del tirocinio",
    "tirocinio_payment": "pagamento dell'indennità di tirocinio",
    "meal": "pasto",
    "canteen_card": "tessera mensa",
    "canteen_meal_setting": "orari e posti della mensa",
}


def entity_label(entity: str) -> str:
    return ENTITY_LABELS.get(entity, entity)


def entity_name(obj: Any) -> str:
    return getattr(obj, "__audit_name__", None) or obj.__class__.__tablename__


def _primary_key(obj: Any) -> str | None:
    state = inspect(obj)
    key = state.mapper.primary_key_from_instance(obj)
    if all(part is None for part in key):
        return None
    return "/".join(str(part) for part in key)


def _column_changes(obj: Any, kind: str) -> dict[str, Any]:
    state = inspect(obj)
    redacted: frozenset[str] = getattr(obj, "__audit_redacted__", frozenset())
    ignored: frozenset[str] = getattr(obj, "__audit_ignored__", frozenset())
    changes: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in ignored:
            continue
        history = state.attrs[key].history
        if kind == "update":
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old == new:
                continue
            if key in redacted:
                changes[key] = [REDACTED, REDACTED]
            else:
                changes[key] = [_plain(old), _plain(new)]
        else:
            value = state.attrs[key].loaded_value if kind == "delete" else state.attrs[key].value
            if value is None or value is NO_VALUE:
                continue
            changes[key] = REDACTED if key in redacted else _plain(value)
    return changes


def person_of(obj: Any) -> int | None:
    """The person a changed row concerns: the attribute named by ``__audit_person__``
    (``id`` for the person itself), else the row's ``person_id`` when it has one."""
    attribute = getattr(obj, "__audit_person__", None)
    if attribute is None:
        if "person_id" not in inspect(obj).mapper.column_attrs:
            return None
        attribute = "person_id"
    value = getattr(obj, attribute, None)
    return value if isinstance(value, int) else None


def concerning(person_ids: Iterable[int], *, bulk: bool = True) -> ColumnElement[bool]:
    """The condition selecting every audit row about these persons, through indexes only:
    the rows filed under one of them (``audit_log.person_id``) and, with ``bulk``, the
    summaries of bulk writes that name one of them (``audit_subject``). The access request
    and the anonymisation read a trail with it.

    A bulk summary holds counts and record ids, never a person's data: code that scrubs a
    trail's personal data can pass ``bulk=False`` and leave the summaries of many persons
    alone."""
    ids = sorted(set(person_ids))
    own = AuditEntry.person_id.in_(ids)
    if not bulk:
        return own
    # One IN over a UNION of two index lookups: an OR of the two conditions would make
    # PostgreSQL read the whole log.
    named = union(
        select(AuditEntry.id).where(own),
        select(AuditSubject.audit_id).where(AuditSubject.person_id.in_(ids)),
    )
    return AuditEntry.id.in_(named.scalar_subquery())


def _audited(obj: Any) -> bool:
    return not getattr(obj, "__audit_skip__", False)


# --- the guard against unaudited writes ---------------------------------------------------

AUDITED_BY = "tit_audited_by"


class UnauditedWrite(RuntimeError):
    """A Core or ORM-bulk write on an audited table outside the ORM flush and the bulk
    helper: a programming error, like a flush without an acting user."""


def audited_elsewhere(reason: str) -> dict[str, str]:
    """Execution options that let a Core write on an audited table through the guard, for
    a write that is audited another way or is not a user's change. ``reason`` says which,
    for the reader of the code and the error message: ``conn.execution_options(
    **audit.audited_elsewhere("migrazione dello schema"))``."""
    if not reason.strip():
        raise ValueError("audited_elsewhere needs a reason")
    return {AUDITED_BY: reason}


_audited_cache: tuple[int, frozenset[str]] = (-1, frozenset())


def audited_tables() -> frozenset[str]:
    """Names of the tables whose rows the listener audits (mapped, no ``__audit_skip__``)."""
    global _audited_cache
    mappers = Base.registry.mappers
    if _audited_cache[0] != len(mappers):
        names = frozenset(
            table.name
            for mapper in mappers
            if not getattr(mapper.class_, "__audit_skip__", False)
            for table in mapper.tables
        )
        _audited_cache = (len(mappers), names)
    return _audited_cache[1]


# Which session a connection belongs to: its writes are the listener's while it flushes.
_owners: weakref.WeakKeyDictionary[Connection, weakref.ref[Session]] = weakref.WeakKeyDictionary()


@event.listens_for(Session, "after_begin")
def _remember_owner(session: Session, _transaction: SessionTransaction, conn: Connection) -> None:
    _owners[conn] = weakref.ref(session)


def _flushing(conn: Connection) -> bool:
    """Whether the connection's session is inside a flush (its unit of work: the listener
    audits it). ``Session._flushing`` has no public twin; a test covers it."""
    owner = _owners.get(conn)
    session = owner() if owner is not None else None
    return bool(session is not None and session._flushing)


@event.listens_for(Engine, "before_execute")
def _refuse_unaudited_writes(
    conn: Connection,
    statement: Any,
    _multiparams: Any,
    _params: Any,
    execution_options: Any,
) -> None:
    if not isinstance(statement, UpdateBase):
        return
    table = getattr(statement, "table", None)
    name = getattr(table, "name", None)
    if not isinstance(table, Table) or name not in audited_tables():
        return
    for options in (
        execution_options or {},
        statement.get_execution_options(),
        conn.get_execution_options(),
    ):
        if options.get(AUDITED_BY):
            return
    if _flushing(conn):
        return
    kind = type(statement).__name__.upper()
    raise UnauditedWrite(
        f"{kind} sulla tabella {name} fuori dal registro delle attività: scrivere con "
        "l'ORM o con tit_desktop.services.bulk, oppure indicare il motivo con "
        "audit.audited_elsewhere(...)"
    )


@event.listens_for(Session, "after_flush")
def _write_audit_rows(session: Session, _flush_context: Any) -> None:
    rows: list[dict[str, Any]] = []
    for kind, objects in (
        ("insert", session.new),
        ("update", session.dirty),
        ("delete", session.deleted),
    ):
        for obj in objects:
            if not _audited(obj):
                continue
            if kind == "update" and not session.is_modified(obj, include_collections=False):
                continue
            changes = _column_changes(obj, kind)
            if kind == "update" and not changes:
                continue
            rows.append(
                {
                    "action": kind,
                    "entity": entity_name(obj),
                    "entity_id": _primary_key(obj),
                    "person_id": person_of(obj),
                    "changes": changes,
                }
            )
    if not rows:
        return
    actor = actor_of(session)
    if actor is None:
        raise RuntimeError("Modifica senza utente: usare Database.transaction(actor)")
    now = clock.utcnow()
    for row in rows:
        row.update(at=now, user_id=actor.user_id, username=actor.username, detail=None)
    # Straight to the connection: the ORM is mid-flush and must not see new objects now.
    session.connection().execute(insert(AuditEntry), rows)


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: str | int | None = None,
    detail: str | None = None,
    changes: dict[str, Any] | None = None,
    person_id: int | None = None,
    subjects: Iterable[int] = (),
) -> None:
    """Record an event that is not a change of a row: opening a record, a login, an export.
    ``person_id`` files it under the person it concerns (opening their record, printing
    their form); an event about a ``person`` row is filed under that person by itself.
    ``subjects`` names more persons the event concerns (both records of a merge): their
    trails find it through ``audit_subject``."""
    if person_id is None and entity == "person" and entity_id is not None:
        person_id = int(entity_id)
    entry = AuditEntry(
        at=clock.utcnow(),
        user_id=actor.user_id,
        username=actor.username,
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        detail=detail,
        changes=changes,
        person_id=person_id,
    )
    session.add(entry)
    others = sorted(set(subjects) - {person_id})
    if others:
        session.flush()
        session.add_all(AuditSubject(person_id=p, audit_id=entry.id) for p in others)


@dataclass(frozen=True)
class AuditFilter:
    username: str | None = None
    entity: str | None = None
    entity_id: str | None = None
    person_id: int | None = None
    action: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None  # inclusive


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    username: str
    action: str
    entity: str
    entity_id: str | None
    changes: dict[str, Any] | None
    detail: str | None
    person_id: int | None = None


def _day_start_utc(day: dt.date) -> dt.datetime:
    local_midnight = dt.datetime.combine(day, dt.time()).astimezone()
    return local_midnight.astimezone(dt.UTC)


def _filtered(query: Any, flt: AuditFilter) -> Any:
    if flt.username:
        query = query.where(AuditEntry.username == flt.username.strip().lower())
    if flt.entity:
        query = query.where(AuditEntry.entity == flt.entity)
    if flt.entity_id:
        query = query.where(AuditEntry.entity_id == flt.entity_id)
    if flt.person_id is not None:
        query = query.where(concerning([flt.person_id]))
    if flt.action:
        query = query.where(AuditEntry.action == flt.action)
    if flt.date_from:
        query = query.where(AuditEntry.at >= _day_start_utc(flt.date_from))
    if flt.date_to:
        query = query.where(AuditEntry.at < _day_start_utc(flt.date_to + dt.timedelta(days=1)))
    return query


def search(
    session: Session,
    actor: Actor,
    flt: AuditFilter,
    limit: int = 500,
    offset: int = 0,
    before_id: int | None = None,
) -> list[AuditRow]:
    """Newest first (by moment, then id). Only admin and coordinatore may read the log.

    For the next page pass ``before_id``, the id of the last row shown (keyset paging: any
    page is read through the index, where ``offset`` reads and skips every row before it).

    The order follows the ``at`` indexes (alone, after the user's name), so that a filter
    by user, by dates or both reads just the page, not every matching row to sort them."""
    require(actor, Permission.VIEW_AUDIT)
    columns = (
        AuditEntry.id,
        AuditEntry.at,
        AuditEntry.username,
        AuditEntry.action,
        AuditEntry.entity,
        AuditEntry.entity_id,
        AuditEntry.changes,
        AuditEntry.detail,
        AuditEntry.person_id,
    )
    # Plain rows, not ORM objects: a page of 500 costs a fraction of the identity map's.
    query = _filtered(select(*columns), flt).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if before_id is not None:
        last_at = select(AuditEntry.at).where(AuditEntry.id == before_id).scalar_subquery()
        query = query.where(
            or_(
                AuditEntry.at < last_at,
                and_(AuditEntry.at == last_at, AuditEntry.id < before_id),
            )
        )
    return [AuditRow(*row) for row in session.execute(query.limit(limit).offset(offset))]


# The activity log shows "più di 10.000" rather than counting millions of rows.
COUNT_CAP = 10_000


def count(session: Session, actor: Actor, flt: AuditFilter, cap: int | None = None) -> int:
    """The rows matching the filter. With ``cap`` at most ``cap + 1`` rows are counted: a
    result above ``cap`` means "more than ``cap``" (an exact count of a log of millions
    of rows reads all of them)."""
    require(actor, Permission.VIEW_AUDIT)
    if cap is None:
        query = _filtered(select(func.count()).select_from(AuditEntry), flt)
    else:
        matching = _filtered(select(AuditEntry.id), flt).limit(cap + 1).subquery()
        query = select(func.count()).select_from(matching)
    return int(session.scalar(query) or 0)


def known_entities(session: Session, actor: Actor) -> list[str]:
    """The kinds of record the log can name: the audited tables and the other entities
    the services record (known in advance, not read from the log: a DISTINCT over millions
    of rows reads all of them)."""
    require(actor, Permission.VIEW_AUDIT)
    return sorted(audited_tables() | ENTITY_LABELS.keys())


# The chain's listeners (sealing rows at commit) go wherever the audit listener goes.
from tit_desktop.services import audit_chain  # noqa: E402, F401
