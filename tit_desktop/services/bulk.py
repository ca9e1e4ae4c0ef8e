"""Writing many rows of one table at once, audited by one summary row.

The ORM writes one audit row per changed object, which is right for a record edited in a
form and too slow for an import of 10,000 persons, a day's roster or a night of bed
assignments. Such work writes with Core through :func:`writing`, in the caller's session
and transaction, and the helper records ONE audit row naming the records::

    with bulk.writing(session, actor, Person, action=AuditAction.IMPORT,
                      detail="Importazione da «x.xlsx»: 10.000 nuove") as batch:
        ids = batch.insert(rows)

The summary row (``action``, ``entity`` = the table, ``changes`` =
``{"table": ..., "inserted": {"count": n, "ids": [...]}, "updated": ..., "deleted": ...}``
plus the caller's own keys) is written when the block ends without an error, in the same
transaction: both are committed or rolled back together. Every person the rows concern is
named in ``audit_subject``, so :func:`audit.concerning` finds the row through an index.
The summary holds ids and counts, never a person's data.

What an inserted row holds is the row itself; updates and deletes keep no old values here
(use the ORM when a field's history matters). Objects of the table already loaded in the
session are expired (updated) or expunged (deleted), so they do not show stale values.

Any other Core write on an audited table is refused by the guard in :mod:`.audit`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Column, Table, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Mapper, Session, class_mapper
from sqlalchemy.orm.util import identity_key

from tit_desktop.models.audit import AuditAction, AuditEntry, AuditSubject
from tit_desktop.services import audit, clock
from tit_desktop.services.permissions import Actor

# What the guard reads on the helper's own statements.
_MARK = audit.audited_elsewhere("tit_desktop.services.bulk: riga di riepilogo")
_CHUNK = 900  # keys per IN (...): well below both back ends' parameter limits


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class BulkWrite:
    """Inserts, updates and deletes of one table's rows, summarised on :meth:`finish`."""

    def __init__(
        self,
        session: Session,
        actor: Actor,
        model: type[Any],
        *,
        action: str = AuditAction.BULK,
        detail: str,
        changes: Mapping[str, Any] | None = None,
    ) -> None:
        mapper: Mapper[Any] = class_mapper(model)
        table = mapper.local_table
        if not isinstance(table, Table):
            raise TypeError(f"{model.__name__}: a model mapped to one table")
        pk = list(table.primary_key.columns)
        if len(pk) != 1:
            raise TypeError(f"{table.name}: the bulk helper needs a one-column primary key")
        self.session = session
        self.actor = actor
        self.model = model
        self.mapper = mapper
        self.table = table
        self.key: Column[Any] = pk[0]
        self.action = action
        self.detail = detail
        self.extra = dict(changes or {})
        self.entity = getattr(model, "__audit_name__", None) or table.name
        self._version = mapper.version_id_col
        self._version_key = str(self._version.key) if self._version is not None else ""
        self._person = self._person_column(model, table)
        self.inserted: list[Any] = []
        self.updated: list[Any] = []
        self.deleted: list[Any] = []
        self.persons: set[int] = set()
        self.audit_id: int | None = None

    @staticmethod
    def _person_column(model: type[Any], table: Table) -> Column[Any] | None:
        name = getattr(model, "__audit_person__", None) or "person_id"
        return table.c.get(name)

    def _execute(self, statement: Any, rows: Any = None) -> Any:
        connection = self.session.connection()
        if rows is None:
            return connection.execute(statement, execution_options=_MARK)
        return connection.execute(statement, rows, execution_options=_MARK)

    def _note_persons(self, values: Iterable[Any]) -> None:
        self.persons.update(v for v in values if isinstance(v, int))

    def _persons_of(self, keys: Sequence[Any]) -> None:
        """The persons of rows already in the table (before they change or go)."""
        if self._person is None:
            return
        if self._person is self.key:
            self._note_persons(keys)
            return
        for chunk in _chunks(keys, _CHUNK):
            self._note_persons(
                self._execute(select(self._person).where(self.key.in_(chunk))).scalars()
            )

    def insert(self, rows: Sequence[Mapping[str, Any]]) -> list[Any]:
        """Insert the rows (dicts of column values, the same keys in each); returns their
        primary keys in the rows' order. A versioned table's rows start at version 1."""
        if not rows:
            return []
        self.session.flush()
        prepared = [dict(row) for row in rows]
        if self._version is not None:
            for row in prepared:
                row.setdefault(self._version_key, 1)
        name = str(self.key.key)
        if self.session.connection().dialect.name == "sqlite" and name not in prepared[0]:
            # SQLite cannot tell which RETURNING row belongs to which VALUES row, so
            # SQLAlchemy would send the rows one INSERT at a time. The keys SQLite would
            # choose (the largest plus one) are given instead: the MAX read and the INSERT
            # are one transaction, and another PC's write in between makes this INSERT
            # fail (a busy snapshot or a duplicate key), never overwrite.
            top = self._execute(select(func.max(self.key))).scalar() or 0
            for offset, row in enumerate(prepared, start=1):
                row[name] = top + offset
            self._execute(insert(self.table), prepared)
            keys = [row[name] for row in prepared]
        else:
            statement = insert(self.table).returning(self.key, sort_by_parameter_order=True)
            keys = list(self._execute(statement, prepared).scalars())
        self.inserted.extend(keys)
        if self._person is self.key:
            self._note_persons(keys)
        elif self._person is not None:
            self._note_persons(row.get(self._person.key) for row in prepared)
        return keys

    def update(self, rows: Sequence[Mapping[str, Any]]) -> int:
        """Update rows by primary key: each dict holds the key and the columns to set
        (rows with the same columns are sent together). A versioned row's version goes up,
        so another PC's stale edit of it fails."""
        if not rows:
            return 0
        self.session.flush()
        keys = [row[self.key.key] for row in rows]
        self._persons_of(keys)
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in rows:
            names = tuple(sorted(k for k in row if k != self.key.key))
            params = {f"new_{k}": row[k] for k in names}
            params["row_key"] = row[self.key.key]
            groups.setdefault(names, []).append(params)
        for names, params_list in groups.items():
            values: dict[str, Any] = {k: bindparam(f"new_{k}") for k in names}
            if self._version is not None and self._version_key not in values:
                values[self._version_key] = self._version + 1
            statement = update(self.table).where(self.key == bindparam("row_key")).values(values)
            for chunk in _chunks(params_list, 1000):
                self._execute(statement, list(chunk))
        if self._person is not None and self._person is not self.key:
            self._note_persons(row.get(self._person.key) for row in rows)
        self.updated.extend(keys)
        self._forget(keys, expunge=False)
        return len(keys)

    def delete(self, keys: Sequence[Any]) -> int:
        """Delete the rows with these primary keys; returns how many were deleted."""
        if not keys:
            return 0
        self.session.flush()
        self._persons_of(keys)
        deleted = 0
        for chunk in _chunks(keys, _CHUNK):
            result = self._execute(delete(self.table).where(self.key.in_(chunk)))
            deleted += result.rowcount
        self.deleted.extend(keys)
        self._forget(keys, expunge=True)
        return deleted

    def _forget(self, keys: Sequence[Any], *, expunge: bool) -> None:
        for key in keys:
            obj = self.session.identity_map.get(identity_key(self.model, key))
            if obj is None:
                continue
            if expunge:
                self.session.expunge(obj)
            else:
                self.session.expire(obj)

    def summary(self) -> dict[str, Any]:
        changes: dict[str, Any] = {**self.extra, "table": self.table.name}
        for name, keys in (
            ("inserted", self.inserted),
            ("updated", self.updated),
            ("deleted", self.deleted),
        ):
            if keys:
                changes[name] = {"count": len(keys), "ids": [audit._plain(k) for k in keys]}
        return changes

    def finish(self) -> int:
        """Write the summary audit row and its persons; returns the row's id."""
        if self.audit_id is not None:
            raise RuntimeError("bulk write already summarised")
        persons = sorted(self.persons)
        row = {
            "at": clock.utcnow(),
            "user_id": self.actor.user_id,
            "username": self.actor.username,
            "action": self.action,
            "entity": self.entity,
            "entity_id": None,
            "person_id": persons[0] if len(persons) == 1 else None,
            "changes": self.summary(),
            "detail": self.detail,
        }
        audit_id = (
            self.session.connection()
            .execute(insert(AuditEntry).returning(AuditEntry.id), [row])
            .scalar_one()
        )
        for chunk in _chunks(persons, 5000):
            self.session.connection().execute(
                insert(AuditSubject), [{"person_id": p, "audit_id": audit_id} for p in chunk]
            )
        self.audit_id = int(audit_id)
        return self.audit_id


@contextmanager
def writing(
    session: Session,
    actor: Actor,
    model: type[Any],
    *,
    action: str = AuditAction.BULK,
    detail: str,
    changes: Mapping[str, Any] | None = None,
) -> Iterator[BulkWrite]:
    """A bulk write of ``model``'s table in the session's transaction; its summary audit
    row is written when the block ends without an error. ``detail`` (Italian) is what the
    activity log shows; ``changes`` adds keys to the summary (the file imported, say)."""
    batch = BulkWrite(session, actor, model, action=action, detail=detail, changes=changes)
    yield batch
    batch.finish()


def insert_rows(
    session: Session,
    actor: Actor,
    model: type[Any],
    rows: Sequence[Mapping[str, Any]],
    *,
    action: str = AuditAction.BULK,
    detail: str,
    changes: Mapping[str, Any] | None = None,
) -> list[Any]:
    """Insert the rows with one summary audit row; returns their primary keys."""
    with writing(session, actor, model, action=action, detail=detail, changes=changes) as b:
        return b.insert(rows)


def update_rows(
    session: Session,
    actor: Actor,
    model: type[Any],
    rows: Sequence[Mapping[str, Any]],
    *,
    action: str = AuditAction.BULK,
    detail: str,
    changes: Mapping[str, Any] | None = None,
) -> int:
    """Update rows by primary key with one summary audit row; returns how many."""
    with writing(session, actor, model, action=action, detail=detail, changes=changes) as b:
        return b.update(rows)


def delete_rows(
    session: Session,
    actor: Actor,
    model: type[Any],
    keys: Sequence[Any],
    *,
    action: str = AuditAction.BULK,
    detail: str,
    changes: Mapping[str, Any] | None = None,
) -> int:
    """Delete rows by primary key with one summary audit row; returns how many."""
    with writing(session, actor, model, action=action, detail=detail, changes=changes) as b:
        return b.delete(keys)
