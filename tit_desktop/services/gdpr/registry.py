"""What the office holds about a person, table by table: the registry's own tables and the
sections other modules register.

Extension point: a module that keeps data about persons (stays, meals, percorsi...) registers
it here with :func:`register_section`: a function that lists the person's rows for the access
request, optionally one that scrubs free text at anonymisation, and the audit-log entities that
belong to a person. Every module of ``tit_desktop.services`` is imported before an export or an
anonymisation, so a registration cannot be missed because its module happened not to be loaded
yet. :func:`uncovered_person_tables` lists the tables that refer to a person and that neither
the registry nor a module covers: a test keeps it empty.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import MetaData, Table, select
from sqlalchemy.orm import Session

from tit_desktop.models import (
    Attachment,
    Base,
    HouseholdLink,
    NotSamePerson,
    Person,
    PersonNote,
    PersonSearchToken,
)
from tit_desktop.services.errors import NotFound
from tit_desktop.services.permissions import Actor

__all__ = [
    "CORE_TABLES",
    "CoreTable",
    "LinkedEntity",
    "PersonDataModule",
    "Section",
    "get_person",
    "linked_entities",
    "merged_into",
    "person_columns",
    "register_section",
    "registered_sections",
    "uncovered_person_tables",
    "unregister_section",
]


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
    """Audit-log rows that belong to a person: rows of ``entity`` (a table's audit name)
    filed under the person, or about a row of the table that refers to the person now.

    At anonymisation the values under ``identifying`` are replaced by ``***``; when the
    entity links two persons (``links_persons``: a household link), the anonymised
    person's id is replaced too, so that the other person's history no longer points to
    the anonymous record. ``person_keys`` are the columns naming the person."""

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
    tonight). Sections print in ``order``, then by key. A table of the module that refers
    to a person is covered when one of ``entities`` names it."""
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


# =========================================================================== the registry's own


@dataclass(frozen=True)
class CoreTable:
    """A registry table that refers to persons: the access request lists its rows in a
    section of its own, the anonymisation deletes them (``counted_as`` names them in the
    anonymisation's audit event) or, for derived rows, rebuilds them."""

    model: type[Any]
    entity: LinkedEntity | None
    counted_as: str | None
    derived: bool = False


CORE_TABLES: tuple[CoreTable, ...] = (
    CoreTable(PersonNote, LinkedEntity("person_note", identifying=frozenset({"text"})), "note"),
    CoreTable(
        Attachment,
        LinkedEntity("attachment", identifying=frozenset({"file_name", "description", "sha256"})),
        "allegati",
    ),
    CoreTable(
        HouseholdLink,
        LinkedEntity("household_link", ("person_id", "relative_id"), links_persons=True),
        "legami familiari",
    ),
    CoreTable(
        NotSamePerson,
        LinkedEntity("not_same_person", ("person_low_id", "person_high_id"), links_persons=True),
        "decisioni persone distinte",
    ),
    # Search words: derived from the record, rebuilt by the anonymisation, not exported.
    CoreTable(PersonSearchToken, None, None, derived=True),
)


def linked_entities() -> list[LinkedEntity]:
    result = [t.entity for t in CORE_TABLES if t.entity is not None]
    for module in registered_sections():
        result.extend(module.entities)
    return result


def person_columns(table: Table) -> tuple[str, ...]:
    """The columns of ``table`` that refer to ``person.id`` (the merge pointer excepted)."""
    return tuple(
        sorted(
            fk.parent.name
            for fk in table.foreign_keys
            if fk.column.table.name == "person"
            and fk.column.name == "id"
            and not (table.name == "person" and fk.parent.name == "merged_into_id")
        )
    )


def _audit_name(metadata: MetaData, table: Table) -> str:
    if metadata is Base.metadata:
        for mapper in Base.registry.mappers:
            if mapper.local_table is table:
                return str(getattr(mapper.class_, "__audit_name__", None) or table.name)
    return table.name


def uncovered_person_tables(metadata: MetaData | None = None) -> list[str]:
    """Tables referring to a person that neither the registry nor a registered module
    covers: their rows would be missing from the access request and survive the erasure."""
    metadata = metadata if metadata is not None else Base.metadata
    covered = {t.model.__tablename__ for t in CORE_TABLES}
    entities = {e.entity for e in linked_entities()}
    missing = []
    for table in metadata.sorted_tables:
        if table.name == "person" or not person_columns(table):
            continue
        if table.name in covered or _audit_name(metadata, table) in entities:
            continue
        missing.append(table.name)
    return missing


# =========================================================================== shared look-ups


def get_person(session: Session, person_id: int, *, for_update: bool = False) -> Person:
    person = session.get(Person, person_id, with_for_update=for_update)
    if person is None or person.merged_into_id is not None:
        raise NotFound(f"Persona {person_id} non trovata.")
    return person


def merged_into(session: Session, person_id: int) -> list[Person]:
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
