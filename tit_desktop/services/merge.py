"""Merging two records of the same person, and undoing a merge.

:func:`merge_persons` keeps one record (the *survivor*) and hides the other (the *absorbed*
record): every row that points to the absorbed person moves to the survivor, the fields the user
chose are copied from the absorbed record, and the absorbed record is kept with
``merged_into_id`` set, out of every list and search, so that the merge can be undone.

Which rows move is not listed here: every foreign key that references ``person.id`` in
``Base.metadata`` is followed, so a service table added later (stays, meals, percorsi...) moves
with no change to this module. A row that would break a unique rule once moved (the same meal
of the same day on both records, say) stops the merge with a :class:`ConflictError` naming the
table and the values, unless the table has a declared policy in :data:`DUPLICATE_POLICY`:

* ``household_link``: a link between the two records, or one that repeats a link the survivor
  already has (in either direction), is deleted (and put back by undo);
* ``not_same_person``: likewise (a decision about the pair itself, or one already recorded);
* ``attachment``: a document identical (same SHA-256) to one of the survivor's stays with the
  absorbed record, where undo finds it; nothing is deleted.

Unique values: the absorbed record gives up its codice fiscale and CUI (so that the survivor, or
later someone else, may hold them) and keeps its Codice, so that a Codice written on old paper
or in an old spreadsheet still leads to the survivor through ``merged_into_id``. When the user
chooses the absorbed Codice, the two records swap Codici.

Everything happens in one transaction (inside a savepoint, so that a refusal leaves the caller's
session as it was), under the ORM so that the audit listener records each row change, plus one
``merge`` entry whose ``changes`` hold what undo needs: the survivor's overwritten values, the
absorbed record's released values, and for every moved row its key, its previous values and its
full state after the move. :func:`undo_merge` refuses, changing nothing, when anything it would
put back has changed since (the survivor edited, a moved row edited or deleted, a released code
taken by someone else). "Changed" compares content, not version counters: merging B into A, C
into A... and undoing them newest first works, although each undo moves the counters on.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Enum,
    Index,
    LargeBinary,
    Numeric,
    Table,
    Time,
    TypeDecorator,
    UniqueConstraint,
    and_,
    delete,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tit_desktop.models import AuditEntry, Base, Person
from tit_desktop.models.audit import AuditAction
from tit_desktop.services import audit, conflicts, person_fields, persons
from tit_desktop.services.errors import ConflictError, NotFound, ValidationError
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.persons import DECLINABLE, PersonInput, validate

MERGE_ACTION = AuditAction.MERGE
UNDO_ACTION = AuditAction.UNDO_MERGE
UNDO_FORMAT = 1

Side = Literal["survivor", "absorbed"]
SIDES: tuple[Side, ...] = ("survivor", "absorbed")

# Fields of the person form, each copied from one record or the other (the catalogue's).
MERGEABLE_FIELDS: tuple[str, ...] = person_fields.form_fields()

# Fields that belong together: choosing one of them chooses the whole group.
FIELD_GROUPS: tuple[tuple[str, ...], ...] = person_fields.bundles()

# What happens to a row that, once moved, would repeat one the survivor has, or link the
# survivor to itself. Tables not listed refuse the merge.
DUPLICATE_POLICY: dict[str, Literal["delete", "keep"]] = {
    "household_link": "delete",
    "not_same_person": "delete",
    "attachment": "keep",
    # The same contact on both records: one person met once, the absorbed link goes.
    "street_contact_person": "delete",
}
# Tables holding a pair of persons: unordered (a link read from both sides) or ordered
# (the lower id first, as a CHECK constraint requires).
UNORDERED_PAIRS: dict[str, tuple[str, str]] = {"household_link": ("person_id", "relative_id")}
ORDERED_PAIRS: dict[str, tuple[str, str]] = {"not_same_person": ("person_low_id", "person_high_id")}
# Rows derived from the person's data, rebuilt rather than moved.
DERIVED_TABLES = frozenset({"person_search_token"})

# Columns that only record that a row was written; compared by nothing here.
BOOKKEEPING = frozenset({"version", "updated_at"})

_PLACEHOLDER_PREFIX = "~unione~"  # never a valid Codice (the form allows no "~")


@dataclass(frozen=True)
class MergeResult:
    survivor_id: int
    absorbed_id: int
    audit_id: int
    moved: dict[str, int]  # table -> rows moved to the survivor
    removed: dict[str, int]  # table -> repeated rows deleted (restored by undo)
    left_with_absorbed: dict[str, int]  # table -> identical rows left on the hidden record
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class UndoResult:
    survivor_id: int
    absorbed_id: int
    merge_audit_id: int
    moved_back: int
    restored: int


# --- values to and from JSON ------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def _from_plain(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    if isinstance(kind, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return dt.date.fromisoformat(value)
    if isinstance(kind, Time):
        return dt.time.fromisoformat(value)
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return kind.enum_class(value)
    if isinstance(kind, Numeric) and kind.asdecimal:
        return decimal.Decimal(value)
    return value


def _plain_columns(table: Table) -> list[Column[Any]]:
    return [c for c in table.columns if not isinstance(c.type, LargeBinary)]


# --- discovering what points to a person ----------------------------------------------------


@dataclass(frozen=True)
class PersonReference:
    """A table with columns referencing ``person.id``."""

    table: Table
    columns: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.table.name


def person_references() -> list[PersonReference]:
    """Every table pointing to persons (except the derived search tokens and the merge
    pointer itself), in dependency order."""
    target = Person.__table__.c.id
    found = []
    for table in Base.metadata.sorted_tables:
        if table.name in DERIVED_TABLES:
            continue
        columns = tuple(
            sorted(
                fk.parent.name
                for fk in table.foreign_keys
                if fk.column is target
                and not (table is Person.__table__ and fk.parent.name == "merged_into_id")
            )
        )
        if columns:
            found.append(PersonReference(table, columns))
    return found


def _table(name: str) -> Table | None:
    for ref in person_references():
        if ref.name == name:
            return ref.table
    return None


def _known_table(name: str) -> Table:
    table = _table(name)
    if table is None:
        raise ConflictError(
            f"La tabella «{name}» dell'unione non esiste più: l'unione non si può annullare."
        )
    return table


# Rows of a table without a model are moved with Core: the merge's own audit row lists
# every row moved, deleted or kept (and its undo, every row put back).
_AUDITED_BY_MERGE = audit.audited_elsewhere("unione di schede: la riga MERGE elenca le righe")


def _mapped_class(table: Table) -> type[Any] | None:
    for mapper in Base.registry.mappers:
        if mapper.local_table is table:
            return mapper.class_
    return None


def _unique_keys(table: Table) -> list[tuple[str, ...]]:
    keys = [tuple(c.name for c in table.primary_key.columns)]
    keys += [
        tuple(c.name for c in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    ]
    # A partial unique index (one ACTIVE canteen card per person) holds only for the rows
    # its WHERE picks: the database checks it when the rows move, and its explainer names
    # the other record; comparing every row here would refuse merges it allows.
    keys += [
        tuple(c.name for c in index.columns)
        for index in table.indexes
        if index.unique and not _partial(index)
    ]
    return keys


def _partial(index: Index) -> bool:
    return any(
        index.dialect_options[dialect].get("where") is not None
        for dialect in ("sqlite", "postgresql")
    )


def _key_filter(table: Table, key: Mapping[str, Any]) -> Any:
    return and_(*(table.c[name] == _from_plain(table.c[name], v) for name, v in key.items()))


def _pk_of(table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    return {c.name: _plain(row[c.name]) for c in table.primary_key.columns}


def _fingerprint(session: Session, table: Table, key: Mapping[str, Any]) -> dict[str, Any] | None:
    """A row's content (without binary and bookkeeping columns), to tell if it changed."""
    columns = [c for c in _plain_columns(table) if c.name not in BOOKKEEPING]
    row = session.execute(select(*columns).where(_key_filter(table, key))).mappings().first()
    if row is None:
        return None
    return {name: _plain(value) for name, value in row.items()}


# --- the person record ------------------------------------------------------------------------

_PERSON_COLUMNS = tuple(c.name for c in Person.__table__.columns if c.name not in BOOKKEEPING)


def _snapshot(person: Person) -> dict[str, Any]:
    return {name: _plain(getattr(person, name)) for name in _PERSON_COLUMNS}


def _changed(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    return {name: before[name] for name in before if before[name] != after[name]}


def _set_plain(person: Person, values: Mapping[str, Any]) -> None:
    table: Table = Person.__table__  # type: ignore[assignment]
    for name, value in values.items():
        setattr(person, name, _from_plain(table.c[name], value))


def _input_from(values: Mapping[str, Any], declined: set[str]) -> PersonInput:
    """The person form's data from plain (JSON) column values."""
    table: Table = Person.__table__  # type: ignore[assignment]
    data: dict[str, Any] = {}
    for name in MERGEABLE_FIELDS:
        value = _from_plain(table.c[name], values[name])
        data[name] = value.value if isinstance(value, enum.Enum) else value
    return PersonInput(**data, declined=frozenset(declined))


def _declined(person: Person) -> set[str]:
    return {x for x in person.declined_fields.split(",") if x}


def _placeholder(person_id: int) -> str:
    return f"{_PLACEHOLDER_PREFIX}{person_id}"


def _name(person: Person) -> str:
    return f"{person.last_name} {person.first_name} (codice {person.code})"


def _lock_pair(session: Session, survivor_id: int, absorbed_id: int) -> tuple[Person, Person]:
    rows = session.scalars(
        select(Person)
        .where(Person.id.in_([survivor_id, absorbed_id]))
        .order_by(Person.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    by_id = {p.id: p for p in rows}
    for person_id in (survivor_id, absorbed_id):
        if person_id not in by_id:
            raise NotFound(f"Persona {person_id} non trovata.")
    return by_id[survivor_id], by_id[absorbed_id]


# --- choosing the fields ----------------------------------------------------------------------


def _group_of(name: str) -> tuple[str, ...]:
    for group in FIELD_GROUPS:
        if name in group:
            return group
    return (name,)


def _is_empty(person: Person, group: tuple[str, ...]) -> bool:
    return all(getattr(person, name) in (None, "") for name in group)


def resolve_choices(
    survivor: Person, absorbed: Person, field_choices: Mapping[str, str] | None
) -> dict[str, Side]:
    """The side each field is taken from. Unchosen fields keep the survivor's value, except
    that the survivor's empty fields are filled from the absorbed record and the date of
    presa in carico is the earlier of the two (the first contact with the office)."""
    given = dict(field_choices or {})
    errors: dict[str, str] = {}
    for name, side in given.items():
        if name not in MERGEABLE_FIELDS:
            errors[name] = "campo sconosciuto: non si può scegliere"
        elif side not in SIDES:
            errors[name] = f"scelta non valida «{side}» (ammesse: survivor, absorbed)"
    if errors:
        raise ValidationError(errors)
    result: dict[str, Side] = {}
    for name in MERGEABLE_FIELDS:
        if name in result:
            continue
        group = _group_of(name)
        chosen = {given[n] for n in group if n in given}
        if len(chosen) > 1:
            raise ValidationError(
                {name: "i campi " + ", ".join(group) + " vanno presi tutti dalla stessa scheda"}
            )
        taken_from: Side
        if chosen:
            taken_from = "absorbed" if chosen.pop() == "absorbed" else "survivor"
        elif name == "intake_date":
            taken_from = "absorbed" if absorbed.intake_date < survivor.intake_date else "survivor"
        elif _is_empty(survivor, group) and not _is_empty(absorbed, group):
            taken_from = "absorbed"
        else:
            taken_from = "survivor"
        for member in group:
            result[member] = taken_from
    return result


# --- moving the rows --------------------------------------------------------------------------


@dataclass
class _Moves:
    moved: list[dict[str, Any]]
    deleted: list[dict[str, Any]]
    kept: list[dict[str, Any]]


def _format_value(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def _conflict(ref: PersonReference, key: tuple[str, ...], row: Mapping[str, Any]) -> str:
    shown = [_format_value(row[name]) for name in key if name not in ref.columns]
    what = f" per {', '.join(shown)}" if shown else ""
    return (
        f"Impossibile unire le due schede: nella tabella «{audit.entity_label(ref.name)}» "
        f"entrambe le persone hanno già un record{what}. Correggere o togliere uno dei due "
        "record, poi ripetere l'unione."
    )


class _Seen:
    """The values a table's unique rules have among the survivor's rows (rows move in)."""

    def __init__(self, ref: PersonReference) -> None:
        self.keys = [k for k in _unique_keys(ref.table) if set(k) & set(ref.columns)]
        self.pair = UNORDERED_PAIRS.get(ref.name)
        self.taken: set[tuple[Any, ...]] = set()
        self.pairs: set[frozenset[Any]] = set()

    def add(self, row: Mapping[str, Any]) -> None:
        for key in self.keys:
            self.taken.add((key, *(row[c] for c in key)))
        if self.pair is not None:
            self.pairs.add(frozenset((row[self.pair[0]], row[self.pair[1]])))

    def repeated(self, row: Mapping[str, Any]) -> tuple[str, ...] | None:
        for key in self.keys:
            values = tuple(row[c] for c in key)
            # NULLs never repeat each other in a unique rule.
            if None not in values and (key, *values) in self.taken:
                return key
        if (
            self.pair is not None
            and frozenset((row[self.pair[0]], row[self.pair[1]])) in self.pairs
        ):
            return self.pair
        return None


def _rows(session: Session, ref: PersonReference, person_id: int) -> list[dict[str, Any]]:
    table = ref.table
    query = (
        select(*_plain_columns(table))
        .where(or_(*(table.c[c] == person_id for c in ref.columns)))
        .order_by(*table.primary_key.columns)
    )
    return [dict(row) for row in session.execute(query).mappings()]


def _moved_values(
    ref: PersonReference, row: Mapping[str, Any], survivor_id: int, absorbed_id: int
) -> dict[str, Any]:
    new = dict(row)
    for column in ref.columns:
        if new[column] == absorbed_id:
            new[column] = survivor_id
    ordered = ORDERED_PAIRS.get(ref.name)
    if ordered is not None and new[ordered[0]] > new[ordered[1]]:
        new[ordered[0]], new[ordered[1]] = new[ordered[1]], new[ordered[0]]
    return new


def _move_rows(session: Session, survivor_id: int, absorbed_id: int) -> _Moves:
    moves = _Moves([], [], [])
    for ref in person_references():
        rows = _rows(session, ref, absorbed_id)
        if not rows:
            continue
        table, name, mapped = ref.table, ref.name, _mapped_class(ref.table)
        seen = _Seen(ref)
        for row in _rows(session, ref, survivor_id):
            seen.add(row)
        for row in rows:
            new = _moved_values(ref, row, survivor_id, absorbed_id)
            self_link = [new[c] for c in ref.columns].count(survivor_id) > 1
            repeated = seen.repeated(new)
            pk = tuple(row[c.name] for c in table.primary_key.columns)
            if self_link or repeated is not None:
                policy = DUPLICATE_POLICY.get(name)
                if policy is None:
                    raise ConflictError(_conflict(ref, repeated or ref.columns, row))
                if policy == "keep":
                    moves.kept.append({"table": name, "key": _pk_of(table, row)})
                    continue
                moves.deleted.append({"table": name, "row": {k: _plain(v) for k, v in row.items()}})
                if mapped is not None:
                    session.delete(session.get(mapped, pk))
                else:
                    session.execute(
                        delete(table).where(_key_filter(table, _pk_of(table, row))),
                        execution_options=_AUDITED_BY_MERGE,
                    )
                continue
            changes = {c: row[c] for c in row if new[c] != row[c]}
            if mapped is not None:
                obj = session.get(mapped, pk)
                for column_name in changes:
                    setattr(obj, column_name, new[column_name])
            else:
                session.execute(
                    update(table)
                    .where(_key_filter(table, _pk_of(table, row)))
                    .values({c: new[c] for c in changes}),
                    execution_options=_AUDITED_BY_MERGE,
                )
            # The key after the move (a person column may be part of the primary key).
            moves.moved.append(
                {
                    "table": name,
                    "key": _pk_of(table, new),
                    "before": {k: _plain(v) for k, v in changes.items()},
                }
            )
            seen.add(new)
        session.flush()
    for entry in moves.moved:
        entry["after"] = _fingerprint(session, _known_table(entry["table"]), entry["key"])
    return moves


def _count(entries: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for entry in entries:
        counts[entry["table"]] += 1
    return dict(counts)


# --- merge ------------------------------------------------------------------------------------


def merge_persons(
    session: Session,
    actor: Actor,
    survivor_id: int,
    absorbed_id: int,
    field_choices: Mapping[str, Side] | None = None,
) -> MergeResult:
    """Merge ``absorbed_id`` into ``survivor_id`` (see the module's documentation)."""
    require(actor, Permission.ANONYMISE)
    if survivor_id == absorbed_id:
        raise ValidationError({"absorbed_id": "indicare due schede diverse"})
    survivor, absorbed = _lock_pair(session, survivor_id, absorbed_id)
    for person in (survivor, absorbed):
        if person.merged_into_id is not None:
            raise ConflictError(
                f"La scheda di {_name(person)} è già stata unita a un'altra: non si può unire."
            )
        if person.anonymised_at is not None:
            raise ConflictError(f"La scheda {person.id} è anonimizzata: non si può unire.")
    choices = resolve_choices(survivor, absorbed, field_choices)
    try:
        with session.begin_nested():
            return _merge(session, actor, survivor, absorbed, choices)
    except IntegrityError as exc:
        explained = _explained(session, exc)
        raise ConflictError(
            f"Unione non riuscita: {explained} Nulla è stato modificato."
            if explained
            else "Unione non riuscita: i dati sono cambiati nel frattempo o violano una regola "
            f"del database ({exc.orig}). Nulla è stato modificato."
        ) from exc


def _explained(session: Session, exc: IntegrityError) -> str | None:
    """The Italian words of the rule the move broke, from the explainer its service
    registered (the one active canteen card per person, say); None when there is none."""
    violation = conflicts.violation_of(exc)
    explainer = conflicts.registered().get(violation.constraint or "")
    if explainer is None:
        return None
    try:
        return explainer(session, violation)
    except Exception:  # the refusal must not become a crash: the generic words then
        return None


def _merge(
    session: Session, actor: Actor, survivor: Person, absorbed: Person, choices: dict[str, Side]
) -> MergeResult:
    survivor_before = _snapshot(survivor)
    absorbed_before = _snapshot(absorbed)
    swap_codes = choices["code"] == "absorbed"
    warnings: list[str] = []

    # 1. The absorbed record releases its unique values.
    absorbed.fiscal_code = None
    absorbed.cui = None
    if swap_codes:
        absorbed.code = _placeholder(absorbed.id)
    session.flush()

    # 2. The survivor takes the chosen values, checked first as the person form checks them.
    values = {
        name: (absorbed_before if side == "absorbed" else survivor_before)[name]
        for name, side in choices.items()
    }
    declined = _declined(survivor)
    absorbed_declined = set(absorbed_before["declined_fields"].split(","))
    for name in DECLINABLE:
        if choices[name] == "absorbed":
            declined.discard(name)
            if name in absorbed_declined:
                declined.add(name)
    warnings += validate(session, _input_from(values, declined), person_id=survivor.id)
    _set_plain(survivor, values)
    survivor.declined_fields = ",".join(sorted(declined))
    survivor.sort_key = persons.sort_key_for(survivor.last_name, survivor.first_name)
    session.flush()

    # 3. The absorbed record is hidden (and takes the survivor's old Codice on a swap).
    if swap_codes:
        absorbed.code = survivor_before["code"]
    absorbed.merged_into_id = survivor.id
    session.flush()

    # 4. Rows move; 5. search tokens are rebuilt.
    moves = _move_rows(session, survivor.id, absorbed.id)
    persons.write_search_tokens(session, [survivor, absorbed])
    pair = sorted((survivor.id, absorbed.id))
    if any(
        entry["table"] == "not_same_person"
        and [entry["row"]["person_low_id"], entry["row"]["person_high_id"]] == pair
        for entry in moves.deleted
    ):
        warnings.append(
            "Le due schede erano state segnate come persone diverse: la decisione è stata tolta "
            "(l'annullamento dell'unione la ripristina)."
        )
    undo = {
        "format": UNDO_FORMAT,
        "survivor_id": survivor.id,
        "absorbed_id": absorbed.id,
        "survivor": {
            "before": _changed(survivor_before, _snapshot(survivor)),
            "after": _snapshot(survivor),
            "version": survivor.version,
        },
        "absorbed": {
            "before": _changed(absorbed_before, _snapshot(absorbed)),
            "after": _snapshot(absorbed),
            "version": absorbed.version,
        },
        "moved": moves.moved,
        "deleted": moves.deleted,
        "left_with_absorbed": moves.kept,
    }
    audit.record(
        session,
        actor,
        MERGE_ACTION,
        "person",
        survivor.id,
        detail=f"unita la scheda {absorbed.id} ({absorbed.last_name} {absorbed.first_name})",
        changes=undo,
        subjects=(absorbed.id,),
    )
    session.flush()
    audit_id = session.scalar(
        select(AuditEntry.id)
        .where(
            AuditEntry.action == MERGE_ACTION,
            AuditEntry.entity == "person",
            AuditEntry.entity_id == str(survivor.id),
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    assert audit_id is not None
    return MergeResult(
        survivor_id=survivor.id,
        absorbed_id=absorbed.id,
        audit_id=int(audit_id),
        moved=_count(moves.moved),
        removed=_count(moves.deleted),
        left_with_absorbed=_count(moves.kept),
        warnings=tuple(warnings),
    )


# --- undo -------------------------------------------------------------------------------------


def _merge_entry(
    session: Session,
    merge_audit_id: int | None,
    survivor_id: int | None,
    absorbed_id: int | None,
) -> AuditEntry:
    if merge_audit_id is not None:
        entry = session.get(AuditEntry, merge_audit_id)
        if entry is None or entry.action != MERGE_ACTION or not entry.changes:
            raise NotFound(f"Unione {merge_audit_id} non trovata nel registro delle attività.")
        return entry
    if survivor_id is None or absorbed_id is None:
        raise ValidationError(
            {"merge": "indicare l'unione da annullare, o le due schede che sono state unite"}
        )
    entries = session.scalars(
        select(AuditEntry)
        .where(
            AuditEntry.action == MERGE_ACTION,
            AuditEntry.entity == "person",
            AuditEntry.entity_id == str(survivor_id),
        )
        .order_by(AuditEntry.id.desc())
    )
    for entry in entries:
        if entry.changes and entry.changes.get("absorbed_id") == absorbed_id:
            return entry
    raise NotFound(
        f"Nessuna unione della scheda {absorbed_id} nella scheda {survivor_id} nel registro."
    )


def _already_undone(session: Session, entry: AuditEntry) -> bool:
    undos = session.scalars(
        select(AuditEntry.changes).where(
            AuditEntry.action == UNDO_ACTION,
            AuditEntry.entity == "person",
            AuditEntry.entity_id == entry.entity_id,
        )
    )
    return any(changes and changes.get("merge_audit_id") == entry.id for changes in undos)


def _row_label(table: str, key: Mapping[str, Any]) -> str:
    return f"il record {'/'.join(str(v) for v in key.values())} di «{audit.entity_label(table)}»"


def _unique_holders(
    session: Session, values: Mapping[str, Any], exclude: tuple[int, int]
) -> list[str]:
    problems = []
    labels = {"code": "il Codice", "fiscal_code": "il codice fiscale", "cui": "il CUI"}
    for name, label in labels.items():
        value = values.get(name)
        if not value:
            continue
        other = session.scalars(
            select(Person).where(getattr(Person, name) == value, Person.id.not_in(exclude))
        ).first()
        if other is not None:
            problems.append(f"{label} {value} è ora usato da {_name(other)}")
    return problems


_UNDO_DATA_GONE = (
    "I dati per annullare questa unione non sono più nel registro delle attività: l'unione "
    "non si può annullare."
)


def _undo_data_complete(data: Mapping[str, Any]) -> bool:
    """The undo data as the merge wrote it (an anonymisation blanks most of it out)."""
    return (
        all(
            isinstance(data.get(side), dict)
            and isinstance(data[side].get("before"), dict)
            and isinstance(data[side].get("after"), dict)
            for side in ("survivor", "absorbed")
        )
        and all(isinstance(data.get(name), list) for name in ("moved", "deleted"))
        and all(
            isinstance(entry, dict) and {"table", "key", "before", "after"} <= entry.keys()
            for entry in data["moved"]
        )
        and all(isinstance(entry, dict) and "row" in entry for entry in data["deleted"])
    )


def _check_undo(
    session: Session, data: Mapping[str, Any], survivor: Person, absorbed: Person
) -> None:
    problems: list[str] = []
    if survivor.merged_into_id is not None:
        raise ConflictError(
            f"La scheda di {_name(survivor)} è stata a sua volta unita a un'altra: annullare "
            "prima quell'unione."
        )
    if absorbed.merged_into_id is None:
        raise ConflictError("Questa unione è già stata annullata.")
    if absorbed.merged_into_id != survivor.id or _snapshot(absorbed) != data["absorbed"]["after"]:
        raise ConflictError(
            "La scheda unita è cambiata dopo l'unione (forse unita di nuovo): questa unione non "
            "si può più annullare."
        )
    if _snapshot(survivor) != data["survivor"]["after"]:
        problems.append(f"la scheda di {_name(survivor)} è stata modificata dopo l'unione")
    for entry in data["moved"]:
        table = _known_table(entry["table"])
        what = _row_label(entry["table"], entry["key"])
        current = _fingerprint(session, table, entry["key"])
        if current is None:
            problems.append(f"{what} è stato eliminato dopo l'unione")
        elif current != entry["after"]:
            problems.append(f"{what} è stato modificato dopo l'unione")
    for entry in data["deleted"]:
        table = _known_table(entry["table"])
        pk = {c.name: entry["row"][c.name] for c in table.primary_key.columns}
        if _fingerprint(session, table, pk) is not None:
            problems.append(f"{_row_label(entry['table'], pk)} esiste di nuovo")
    survivor_values = data["survivor"]["before"]
    absorbed_values = data["absorbed"]["before"]
    problems += _unique_holders(session, survivor_values, (survivor.id, absorbed.id))
    problems += _unique_holders(session, absorbed_values, (survivor.id, absorbed.id))
    if problems:
        shown = "; ".join(problems[:5]) + ("; ..." if len(problems) > 5 else "")
        raise ConflictError(
            f"Non è possibile annullare l'unione in modo sicuro: {shown}. Nulla è stato "
            "modificato: correggere le schede a mano."
        )


def undo_merge(
    session: Session,
    actor: Actor,
    merge_audit_id: int | None = None,
    *,
    survivor_id: int | None = None,
    absorbed_id: int | None = None,
) -> UndoResult:
    """Undo a merge, given its entry in the audit log or the two records' ids (the latest
    merge of that pair). All or nothing: refused with the reasons when unsafe."""
    require(actor, Permission.ANONYMISE)
    entry = _merge_entry(session, merge_audit_id, survivor_id, absorbed_id)
    data: dict[str, Any] = entry.changes or {}
    if data.get("format") != UNDO_FORMAT:
        raise ConflictError("Questa unione è stata registrata in un formato non annullabile.")
    if _already_undone(session, entry):
        raise ConflictError("Questa unione è già stata annullata.")
    survivor_id, absorbed_id = data.get("survivor_id"), data.get("absorbed_id")
    if not isinstance(survivor_id, int) or not isinstance(absorbed_id, int):
        raise ConflictError(_UNDO_DATA_GONE)
    survivor, absorbed = _lock_pair(session, survivor_id, absorbed_id)
    if survivor.anonymised_at is not None or absorbed.anonymised_at is not None:
        raise ConflictError(
            "Una delle due schede è stata anonimizzata: l'unione non si può più annullare."
        )
    if not _undo_data_complete(data):
        raise ConflictError(_UNDO_DATA_GONE)
    _check_undo(session, data, survivor, absorbed)
    try:
        with session.begin_nested():
            return _undo(session, actor, entry, data, survivor, absorbed)
    except IntegrityError as exc:
        raise ConflictError(
            "Annullamento non riuscito: i dati sono cambiati nel frattempo "
            f"({exc.orig}). Nulla è stato modificato."
        ) from exc


def _undo(
    session: Session,
    actor: Actor,
    entry: AuditEntry,
    data: Mapping[str, Any],
    survivor: Person,
    absorbed: Person,
) -> UndoResult:
    # 1. Rows go back to the absorbed record, deleted rows come back.
    for moved in data["moved"]:
        table = _known_table(moved["table"])
        mapped = _mapped_class(table)
        values = {name: _from_plain(table.c[name], v) for name, v in moved["before"].items()}
        if mapped is not None:
            pk = tuple(_from_plain(c, moved["key"][c.name]) for c in table.primary_key.columns)
            obj = session.get(mapped, pk)
            for name, value in values.items():
                setattr(obj, name, value)
        else:
            session.execute(
                update(table).where(_key_filter(table, moved["key"])).values(values),
                execution_options=_AUDITED_BY_MERGE,
            )
    session.flush()
    for deleted in data["deleted"]:
        table = _known_table(deleted["table"])
        mapped = _mapped_class(table)
        values = {name: _from_plain(table.c[name], v) for name, v in deleted["row"].items()}
        if mapped is not None:
            session.add(mapped(**values))
        else:
            session.execute(insert(table).values(values), execution_options=_AUDITED_BY_MERGE)
    session.flush()

    # 2. Unique values: the absorbed record steps aside, the survivor gets its values back,
    # then the absorbed record gets its own.
    absorbed_values = data["absorbed"]["before"]
    if "code" in absorbed_values:
        absorbed.code = _placeholder(absorbed.id)
        session.flush()
    _set_plain(survivor, data["survivor"]["before"])
    session.flush()
    _set_plain(absorbed, absorbed_values)
    session.flush()
    persons.write_search_tokens(session, [survivor, absorbed])
    audit.record(
        session,
        actor,
        UNDO_ACTION,
        "person",
        survivor.id,
        detail=f"annullata l'unione della scheda {absorbed.id}",
        changes={"merge_audit_id": entry.id, "absorbed_id": absorbed.id},
        subjects=(absorbed.id,),
    )
    session.flush()
    return UndoResult(
        survivor_id=survivor.id,
        absorbed_id=absorbed.id,
        merge_audit_id=entry.id,
        moved_back=len(data["moved"]),
        restored=len(data["deleted"]),
    )
