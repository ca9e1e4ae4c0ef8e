"""The demo data for the tests that need a filled database, filled once per test process.

``demo.fill_demo_data`` takes seconds (every area's records, each through its service with
its audit row); many tests fill the same people with the same seed as the same user.
``fill_demo`` fills for real the first time a database in a given state asks for a given
(people, seed), keeps a copy of the result, and gives the next test that asks the same from
the same state that copy: the same rows, ids, audit chain and sequences, in milliseconds.

"The same state" is checked, not assumed: the same back end, day, acting user, the same
users (made by tests.conftest.make_user, whose password they all have) and nothing else
but their audit rows. In any other state the demo is filled for real. The tests of the
demo itself (tests/unit/test_demo.py) call ``demo.fill_demo_data``, never this.
"""

from __future__ import annotations

import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Table, bindparam, func, select, text, update

from tests.conftest import PASSWORD, _reset_postgres
from tit_desktop.models import Base
from tit_desktop.services import audit, clock, demo
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor

# What make_user writes besides the user: the audit rows of the creation and the login.
_USER_TABLES = {"app_user", "audit_log"}
_COPY_REASON = "test: copia dei dati dimostrativi già generati (tests/demo_cache.py)"


@dataclass
class _Snapshot:
    summary: dict[str, int]
    sqlite_file: Path | None = None
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    sequences: dict[str, tuple[int, bool]] = field(default_factory=dict)


_snapshots: dict[tuple[object, ...], _Snapshot] = {}
_folder: Path | None = None


def fill_demo(db: Database, actor: Actor, *, people: int, seed: int) -> dict[str, int]:
    """What ``demo.fill_demo_data(db, actor, people=people, seed=seed)`` does."""
    key = _state(db, actor, people, seed)
    if key is None:
        return demo.fill_demo_data(db, actor, people=people, seed=seed)
    snapshot = _snapshots.get(key)
    if snapshot is None:
        summary = demo.fill_demo_data(db, actor, people=people, seed=seed)
        _snapshots[key] = _take(db, summary)
        return summary
    _restore(db, snapshot)
    return dict(snapshot.summary)


def _state(db: Database, actor: Actor, people: int, seed: int) -> tuple[object, ...] | None:
    """The key of the database's state, or None when it holds more than users."""
    user_table = Base.metadata.tables["app_user"]
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name not in _USER_TABLES and _has_rows(conn, table):
                return None
        users = conn.execute(select(user_table).order_by(user_table.c.id)).mappings().all()
        audit_rows = conn.execute(
            select(func.count()).select_from(Base.metadata.tables["audit_log"])
        ).scalar_one()
    checker = PasswordHasher()
    for user in users:
        try:
            checker.verify(user["password_hash"], PASSWORD)
        except (VerificationError, InvalidHashError):
            return None  # a user with a password of the test's own: not make_user's
    described = tuple(
        tuple((name, value) for name, value in user.items() if _describes_user(name))
        for user in users
    )
    return (
        db.url.get_backend_name(),
        clock.today(),
        people,
        seed,
        (actor.user_id, actor.username, actor.role),
        described,
        audit_rows,
    )


def _describes_user(column: str) -> bool:
    """The columns that say who a user is (not when they logged in, nor the salted hash)."""
    return column not in {"password_hash"} and not column.endswith("_at")


def _has_rows(conn: Connection, table: Table) -> bool:
    return conn.execute(select(select(table).exists())).scalar_one()


def _take(db: Database, summary: dict[str, int]) -> _Snapshot:
    snapshot = _Snapshot(summary=dict(summary))
    if db.is_sqlite:
        global _folder
        if _folder is None:
            _folder = Path(tempfile.mkdtemp(prefix="tit-demo-"))
        snapshot.sqlite_file = _folder / f"demo-{len(_snapshots)}.sqlite3"
        _sqlite_copy(Path(str(db.url.database)), snapshot.sqlite_file)
        return snapshot
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            # in the order stored, so that the copy is stored in the same order
            rows = conn.execute(select(table)).mappings().all()
            snapshot.rows[table.name] = [dict(row) for row in rows]
        for name in conn.execute(
            text("SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()")
        ).scalars():
            last, called = conn.execute(text(f'SELECT last_value, is_called FROM "{name}"')).one()
            snapshot.sequences[name] = (int(last), bool(called))
    return snapshot


def _restore(db: Database, snapshot: _Snapshot) -> None:
    if snapshot.sqlite_file is not None:
        _sqlite_copy(snapshot.sqlite_file, Path(str(db.url.database)))
        return
    _reset_postgres(db)
    with db.engine.begin() as conn:
        conn = conn.execution_options(**audit.audited_elsewhere(_COPY_REASON))
        for table in Base.metadata.sorted_tables:
            rows = snapshot.rows[table.name]
            if not rows:
                continue
            # The rows as they were, so the triggers that check new rows stay off; and the
            # references of a table to itself are set once all its rows are there.
            conn.exec_driver_sql(f"ALTER TABLE {table.name} DISABLE TRIGGER USER")
            own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
            conn.execute(table.insert(), [{**row, **dict.fromkeys(own)} for row in rows])
            key = table.primary_key.columns.values()[0]
            for column in own:
                later = [
                    {"row_key": row[key.name], "value": row[column]}
                    for row in rows
                    if row[column] is not None
                ]
                if later:
                    conn.execute(
                        update(table)
                        .where(key == bindparam("row_key"))
                        .values({column: bindparam("value")}),
                        later,
                    )
            conn.exec_driver_sql(f"ALTER TABLE {table.name} ENABLE TRIGGER USER")
        for name, (last, called) in snapshot.sequences.items():
            conn.execute(
                text("SELECT setval(CAST(:name AS regclass), :last, :called)"),
                {"name": name, "last": last, "called": called},
            )


def _sqlite_copy(source: Path, target: Path) -> None:
    """The whole database, page by page, through SQLite's backup (safe with WAL files)."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
