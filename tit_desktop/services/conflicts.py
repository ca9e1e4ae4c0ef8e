"""Constraint violations as the user reads them: "Codice TIU-00012 già usato da Rossi Mario".

The rules between rows that matter (unique codes, one bed per night, one meal per type per
day) live in the database as constraints. A service checks them first to give a friendly
message in the form, but two PCs can pass the check at the same moment: the constraint is
the backstop, and its violation reaches :meth:`Database.transaction` as an IntegrityError.
There it becomes a :class:`ConflictError`, worded by the explainer registered for the
constraint's name (the service that knows the rule registers one, next to its check), which
looks up the other record in a fresh read; any other violation gets a generic message.

    @conflicts.explains("uq_bed_night_bed_id_night")
    def _bed_taken(session: Session, violation: conflicts.Violation) -> str | None:
        ...
        return f"Il letto {bed} è già assegnato a {who} per la notte del {night}."

SQLite names only CHECK constraints in its messages ("UNIQUE constraint failed: person.code"
names the columns): the constraint is found from the table's metadata, so that explainers
are registered by name on both engines.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import (
    Engine,
    PrimaryKeyConstraint,
    Table,
    UniqueConstraint,
    event,
)
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tit_desktop.models import Base
from tit_desktop.services.errors import ConflictError, label_for

log = logging.getLogger(__name__)

Kind = Literal["unique", "check", "foreign_key", "not_null", "exclusion", "other"]

NOTHING_SAVED = "Nessuna modifica è stata salvata."

_STATEMENT = "_tit_desktop_statement"

_POSTGRES_KINDS: dict[str, Kind] = {
    "23505": "unique",
    "23514": "check",
    "23503": "foreign_key",
    "23502": "not_null",
    "23P01": "exclusion",
}


@dataclass(frozen=True)
class Violation:
    """What broke: the kind of rule, its name when known, and what the failed statement
    tried to write (one mapping of column key -> value per row; an executemany has many)."""

    kind: Kind
    constraint: str | None
    table: str | None
    columns: tuple[str, ...] = ()
    rows: tuple[Mapping[str, Any], ...] = ()

    def values(self, column: str) -> list[Any]:
        """The distinct values the statement tried to write in ``column``, in order."""
        seen: list[Any] = []
        for row in self.rows:
            value = row.get(column)
            if value is not None and value not in seen:
                seen.append(value)
        return seen

    def pairs(self, *columns: str) -> list[tuple[Any, ...]]:
        """The distinct combinations of ``columns`` the statement tried to write."""
        seen: list[tuple[Any, ...]] = []
        for row in self.rows:
            combination = tuple(row.get(c) for c in columns)
            if None not in combination and combination not in seen:
                seen.append(combination)
        return seen


Explainer = Callable[[Session, Violation], str | None]
"""Finds the other record (``session`` is a fresh read, after the rollback) and words the
refusal in Italian, naming it; None when it cannot tell (the generic message is used)."""

_EXPLAINERS: dict[str, Explainer] = {}

# The service modules that register explainers, imported before the first explanation (a
# violation can come from code that never imported the module knowing the rule). A new
# area adds its module here.
EXPLAINER_MODULES = (
    "tit_desktop.services.persons",
    "tit_desktop.services.users",
    "tit_desktop.services.household",
    "tit_desktop.services.hosting",
    "tit_desktop.services.street",
    "tit_desktop.services.convention.conventions",
    "tit_desktop.services.convention.budget",
    "tit_desktop.services.convention.expenditures",
    "tit_desktop.services.convention.locks",
    "tit_desktop.services.convention.deadlines",
    "tit_desktop.services.housing",
    "tit_desktop.services.pathways",
    "tit_desktop.services.plans",
    "tit_desktop.services.courses",
    "tit_desktop.services.tirocini",
    "tit_desktop.services.canteen",
)


def explains(*constraint_names: str) -> Callable[[Explainer], Explainer]:
    """Register the decorated function as the explainer of these constraints."""

    def register(explainer: Explainer) -> Explainer:
        for name in constraint_names:
            if name in _EXPLAINERS and _EXPLAINERS[name] is not explainer:
                raise ValueError(f"constraint {name} already has an explainer")
            _EXPLAINERS[name] = explainer
        return explainer

    return register


_TRIGGER_RULES: set[str] = set()


def trigger_rules(*names: str) -> None:
    """Declare rules held by triggers rather than by a constraint of the metadata: the
    trigger refuses the write as a CHECK violation named ``name`` (on SQLite with the
    message "CHECK constraint failed: name", on PostgreSQL with SQLSTATE 23514 and the
    constraint's name), so that its explainer is found like a constraint's."""
    _TRIGGER_RULES.update(names)


def trigger_rule_names() -> frozenset[str]:
    """Every rule declared by :func:`trigger_rules` (after importing the modules)."""
    registered()
    return frozenset(_TRIGGER_RULES)


def registered() -> dict[str, Explainer]:
    """Every explainer, by constraint name (after importing the modules that register)."""
    for module in EXPLAINER_MODULES:
        importlib.import_module(module)
    return dict(_EXPLAINERS)


# --- what the failed statement was writing ------------------------------------------------


@dataclass(frozen=True)
class _Statement:
    table: Table | None
    rows: tuple[Mapping[str, Any], ...]


def install(engine: Engine) -> None:
    """Remember, on each IntegrityError the engine raises, the table and the values of the
    statement that failed (the error itself carries them only as driver parameters)."""
    event.listen(engine, "handle_error", _remember_statement)


def _remember_statement(context: ExceptionContext) -> None:
    error = context.sqlalchemy_exception
    if not isinstance(error, IntegrityError) or context.execution_context is None:
        return
    execution = context.execution_context
    compiled = getattr(execution, "compiled", None)
    table = getattr(getattr(compiled, "statement", None), "table", None)
    parameters = getattr(execution, "compiled_parameters", None) or []
    rows = tuple(dict(p) for p in parameters if isinstance(p, Mapping))
    setattr(error, _STATEMENT, _Statement(table if isinstance(table, Table) else None, rows))


# --- which rule broke ---------------------------------------------------------------------

_SQLITE_UNIQUE = re.compile(r"^UNIQUE constraint failed: (.+)$")
_SQLITE_UNIQUE_INDEX = re.compile(r"^UNIQUE constraint failed: index '(.+)'$")
_SQLITE_CHECK = re.compile(r"^CHECK constraint failed: (.+)$")
_SQLITE_NOT_NULL = re.compile(r"^NOT NULL constraint failed: (\w+)\.(\w+)$")
# SQLite has no exclusion constraints: a trigger standing for one (the same rule as the
# PostgreSQL constraint of that name) raises this message, e.g. models/housing.py's.
_SQLITE_EXCLUSION = re.compile(r"^EXCLUSION constraint failed: (\w+)$")


def violation_of(error: IntegrityError) -> Violation:
    statement: _Statement = getattr(error, _STATEMENT, None) or _Statement(None, ())
    orig = error.orig
    diag = getattr(orig, "diag", None)
    if diag is not None:  # psycopg: PostgreSQL names the constraint
        kind = _POSTGRES_KINDS.get(getattr(orig, "sqlstate", "") or "", "other")
        table_name = diag.table_name or (statement.table.name if statement.table else None)
        name = diag.constraint_name
        columns = _columns_of(_table(table_name, statement), name)
        if not columns and diag.column_name:
            columns = (diag.column_name,)
        return Violation(kind, name, table_name, columns, statement.rows)
    return _sqlite_violation(str(orig).strip(), statement)


def _sqlite_violation(message: str, statement: _Statement) -> Violation:
    rows = statement.rows
    default_table = statement.table.name if statement.table is not None else None
    if match := _SQLITE_UNIQUE_INDEX.match(message):
        name = match.group(1)
        return Violation("unique", name, default_table, _columns_of(statement.table, name), rows)
    if match := _SQLITE_UNIQUE.match(message):
        qualified = [part.strip().split(".", 1) for part in match.group(1).split(",")]
        table_name = qualified[0][0] if len(qualified[0]) == 2 else default_table
        columns = tuple(part[-1] for part in qualified)
        name = _unique_name(_table(table_name, statement), columns)
        return Violation("unique", name, table_name, columns, rows)
    if match := _SQLITE_CHECK.match(message):
        name = match.group(1)
        return Violation("check", name, default_table, _columns_of(statement.table, name), rows)
    if match := _SQLITE_NOT_NULL.match(message):
        return Violation("not_null", None, match.group(1), (match.group(2),), rows)
    if match := _SQLITE_EXCLUSION.match(message):
        return Violation("exclusion", match.group(1), default_table, (), rows)
    if message.startswith("FOREIGN KEY constraint failed"):
        return Violation("foreign_key", None, default_table, (), rows)
    return Violation("other", None, default_table, (), rows)


def _table(name: str | None, statement: _Statement) -> Table | None:
    if statement.table is not None and (name is None or statement.table.name == name):
        return statement.table
    return Base.metadata.tables.get(name) if name else None


def _unique_name(table: Table | None, columns: tuple[str, ...]) -> str | None:
    """The name of the unique constraint (or unique index, or primary key) of ``table``
    on exactly ``columns``."""
    if table is None:
        return None
    wanted = set(columns)
    unique: list[Any] = [
        *(c for c in table.constraints if isinstance(c, UniqueConstraint | PrimaryKeyConstraint)),
        *(i for i in table.indexes if i.unique),
    ]
    for item in unique:
        if {c.name for c in item.columns} == wanted and item.name:
            return str(item.name)
    return None


def _columns_of(table: Table | None, name: str | None) -> tuple[str, ...]:
    if table is None or not name:
        return ()
    candidates: list[Any] = [*table.constraints, *table.indexes]
    for item in candidates:
        if str(item.name) == name:
            return tuple(c.name for c in item.columns)
    return ()


# --- the refusal --------------------------------------------------------------------------


class ConstraintConflict(ConflictError):
    """A write refused by a database constraint; ``violation`` says which."""

    def __init__(self, message: str, violation: Violation) -> None:
        super().__init__(message)
        self.violation = violation


def conflict_for(
    error: IntegrityError, reading: Callable[[], AbstractContextManager[Session]]
) -> ConstraintConflict:
    """The ConflictError for a violation (the transaction already rolled back); ``reading``
    opens a fresh read session for the explainer to find the other record."""
    violation = violation_of(error)
    log.info(
        "Constraint violation (%s %s on %s): %s",
        violation.kind,
        violation.constraint,
        violation.table,
        str(error.orig).strip().splitlines()[0] if error.orig else error,
    )
    message = None
    explainer = registered().get(violation.constraint or "")
    if explainer is not None:
        try:
            with reading() as session:
                message = explainer(session, violation)
        except Exception:  # the refusal must not turn into a crash: fall back to the generic
            log.exception("The explainer of %s failed", violation.constraint)
    return ConstraintConflict(f"{message or generic_message(violation)} {NOTHING_SAVED}", violation)


def generic_message(violation: Violation) -> str:
    labels = [label_for(c) for c in violation.columns]
    # Only names a user knows: "Codice fiscale", never "person_id".
    fields = (
        ", ".join(labels) if labels and all(label_for(c) != c for c in violation.columns) else ""
    )
    if violation.kind == "unique":
        if fields:
            return f"Esiste già un altro record con lo stesso valore di: {fields}."
        return "Esiste già un altro record con gli stessi dati."
    if violation.kind == "not_null":
        return f"Manca un dato obbligatorio ({fields or 'campo non indicato'})."
    if violation.kind == "foreign_key":
        return (
            "Un dato collegato non esiste più, o è ancora collegato ad altri dati: forse è "
            "appena stato modificato da un'altra postazione."
        )
    if violation.kind == "exclusion":
        return "I dati si sovrappongono a quelli di un altro record."
    rule = f" (regola «{violation.constraint}»)" if violation.constraint else ""
    return f"I dati non rispettano una regola dell'archivio{rule}."
