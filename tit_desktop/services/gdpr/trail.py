"""A person's rows in the audit log, found through indexes: the access request prints them,
the anonymisation scrubs them.

Every query goes through :func:`audit.concerning` (the rows filed under the persons, by the
indexed ``person_id``) or through the ``(entity, entity_id)`` index; nothing reads JSON over
the whole log. Three steps:

1. the rows filed under the persons: their records' changes, views and prints, the rows of
   their notes, attachments and household links, the modules' rows, bulk summaries...;
2. merges: a merge or undo-merge row is filed under the survivor. The absorbed record's own
   rows hold ``merged_into_id`` (set at the merge, cleared by an undo), which names the
   survivor; the survivor's merge rows (found by its id) that name one of the persons belong
   to the trail too. So a merge once undone is found from both sides without a second copy
   of the row;
3. what belonged to the persons: for each linked entity (notes, attachments, links, the
   modules' rows), the ids of its rows found in step 1 or referring to the persons now (a
   household link entered from the relative's side is filed under the relative), then every
   row of those records (their history before a merge moved them, say).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Table, or_, select
from sqlalchemy.orm import Session

from tit_desktop.models import AuditEntry, Base
from tit_desktop.models.audit import AuditAction
from tit_desktop.services import audit
from tit_desktop.services.gdpr.registry import LinkedEntity, linked_entities, person_columns

MERGE_ACTIONS = (AuditAction.MERGE, AuditAction.UNDO_MERGE)
_CHUNK = 900  # values per IN (...): well below both back ends' parameter limits


@dataclass
class PersonTrail:
    person_ids: frozenset[int]
    # Rows of the records themselves (entity "person"), merges involving them included.
    record_rows: list[AuditEntry] = field(default_factory=list)
    # Rows of what belonged to them, by linked entity.
    linked_rows: dict[str, tuple[LinkedEntity, list[AuditEntry]]] = field(default_factory=dict)
    # Anything else filed under them (prints of other entities, bulk summaries...).
    other_rows: list[AuditEntry] = field(default_factory=list)
    # Records once merged with them and since separated (or still holding them).
    partners: frozenset[int] = frozenset()

    def all_rows(self) -> list[AuditEntry]:
        rows = list(self.record_rows) + list(self.other_rows)
        for _, linked in self.linked_rows.values():
            rows.extend(linked)
        return sorted(rows, key=lambda e: (e.at, e.id))


def _chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _ints(value: object) -> Iterator[int]:
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, int) and not isinstance(item, bool):
            yield item


def involves(entry: AuditEntry, person_ids: frozenset[int]) -> bool:
    """A merge or undo-merge row naming one of the persons."""
    changes = entry.changes
    if not isinstance(changes, dict):
        return False
    return any(
        changes.get(key) in person_ids for key in ("survivor_id", "absorbed_id")
    ) or entry.entity_id in {str(i) for i in person_ids}


def _merge_partners(rows: Iterable[AuditEntry], person_ids: frozenset[int]) -> set[int]:
    partners: set[int] = set()
    for e in rows:
        if e.entity != "person" or not isinstance(e.changes, dict):
            continue
        if e.action in MERGE_ACTIONS:
            for key in ("survivor_id", "absorbed_id"):
                partners.update(_ints(e.changes.get(key)))
        else:
            partners.update(_ints(e.changes.get("merged_into_id")))
    return partners - person_ids


def table_of(entity: str) -> Table | None:
    for mapper in Base.registry.mappers:
        table = mapper.local_table
        if not isinstance(table, Table):
            continue
        if (getattr(mapper.class_, "__audit_name__", None) or table.name) == entity:
            return table
    return Base.metadata.tables.get(entity)


def _current_ids(session: Session, entity: str, person_ids: frozenset[int]) -> set[str]:
    """Ids (as the audit log writes them) of the entity's rows that refer to the persons now."""
    table = table_of(entity)
    if table is None:
        return set()
    columns = person_columns(table)
    if not columns:
        return set()
    key = list(table.primary_key.columns)
    query = select(*key).where(or_(*(table.c[c].in_(sorted(person_ids)) for c in columns)))
    return {"/".join(str(part) for part in row) for row in session.execute(query)}


def current_entity_ids(session: Session, person_ids: Iterable[int]) -> dict[str, set[str]]:
    """For each linked entity, the ids of its rows that refer to the persons now. The
    anonymisation takes them before it deletes the rows, for :func:`find_trail` after."""
    ids = frozenset(person_ids)
    return {e.entity: _current_ids(session, e.entity, ids) for e in linked_entities()}


def find_trail(
    session: Session, person_ids: Iterable[int], known: Mapping[str, set[str]] | None = None
) -> PersonTrail:
    """The persons' rows. ``known``: ids of linked entities' rows that belonged to them
    (see :func:`current_entity_ids`), besides those found now."""
    ids = frozenset(person_ids)
    trail = PersonTrail(ids)
    own = session.scalars(
        select(AuditEntry).where(audit.concerning(ids)).order_by(AuditEntry.id)
    ).all()
    seen: set[int] = set()

    # 2. merges filed under the other record
    partners = _merge_partners(own, ids)
    partner_rows: list[AuditEntry] = []
    if partners:
        partner_rows = [
            e
            for e in session.scalars(
                select(AuditEntry)
                .where(
                    audit.concerning(partners),
                    AuditEntry.entity == "person",
                    AuditEntry.action.in_(MERGE_ACTIONS),
                )
                .order_by(AuditEntry.id)
            )
            if involves(e, ids)
        ]
        # a merge standing on the survivor's side names further partners
        partners |= _merge_partners(partner_rows, ids)
    trail.partners = frozenset(partners)

    # 3. what belonged to the persons
    entities = {e.entity: e for e in linked_entities()}
    wanted: dict[str, set[str]] = {name: set() for name in entities}
    for e in own:
        if e.entity in entities and e.entity_id is not None:
            wanted[e.entity].add(e.entity_id)
    for name in entities:
        wanted[name] |= _current_ids(session, name, ids)
        wanted[name] |= set((known or {}).get(name, ()))
    by_id = {e.id: e for e in own}
    for name, entity_ids in wanted.items():
        rows: dict[int, AuditEntry] = {e.id: e for e in own if e.entity == name}
        for chunk in _chunks(sorted(entity_ids)):
            for e in session.scalars(
                select(AuditEntry).where(AuditEntry.entity == name, AuditEntry.entity_id.in_(chunk))
            ):
                rows.setdefault(e.id, by_id.get(e.id, e))
        if rows:
            trail.linked_rows[name] = (
                entities[name],
                sorted(rows.values(), key=lambda e: e.id),
            )
            seen.update(rows)

    for e in [*own, *partner_rows]:
        if e.id in seen:
            continue
        seen.add(e.id)
        if e.entity == "person":
            trail.record_rows.append(e)
        else:
            trail.other_rows.append(e)
    return trail
