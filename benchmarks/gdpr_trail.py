"""A person's access request and anonymisation with a big audit log.

    python benchmarks/gdpr_trail.py build   --rows 5000000 [--database URL] [--create-database]
    python benchmarks/gdpr_trail.py measure --database URL [--targets N]
    python benchmarks/gdpr_trail.py drop    --database URL

``build`` makes a database with the application's migrations, a few target persons with a
real history written by the services (created, corrected, notes, a household link, a merge
undone), then fills the audit log with ``--rows`` rows about 100,000 other persons in ONE
SQL statement run by the server (a recursive CTE on SQLite, ``generate_series`` on
PostgreSQL): person updates, notes, household links and meals, with realistic JSON changes.
Without ``--database`` it makes a SQLite file in the temporary folder and prints its URL.

``measure`` times, per target person, ``gdpr.export_person_data`` (PDF and JSON to memory)
and ``gdpr.anonymise_person`` (in a transaction rolled back at the end, so the same database
can be measured again, e.g. with another version of the code: run the script with
``PYTHONPATH`` pointing at that checkout). The commit is not timed.

``drop`` drops a PostgreSQL database (or deletes a SQLite file).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import create_postgres_database, drop_postgres_database

from tit_desktop.models import AuditEntry, HouseholdRelation, Role
from tit_desktop.services import gdpr, household, merge, notes, persons, schema, users
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import SYSTEM, Actor

PASSWORD = "benchmark-password-1"
USER = "bench.coordinatore"
OTHER_PERSONS = 100_000
FIRST_OTHER_ID = 1_000_000  # the filler rows' persons: never a target's id

_SQLITE_FILL = """
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < :rows)
INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, person_id, changes)
SELECT
    strftime('%Y-%m-%d %H:%M:%f', '2023-01-01', '+' || (i / 20) || ' seconds'),
    :user_id, :username,
    CASE i % 4 WHEN 0 THEN 'update' ELSE 'insert' END,
    CASE i % 4 WHEN 0 THEN 'person' WHEN 1 THEN 'person_note'
               WHEN 2 THEN 'household_link' ELSE 'meal' END,
    CASE i % 4 WHEN 0 THEN CAST(:first + i % :persons AS TEXT)
               ELSE CAST(:first + i AS TEXT) END,
    :first + i % :persons,
    CASE i % 4
        WHEN 0 THEN json_object(
            'phone', json_array('+39 333 ' || i, '+39 320 ' || (i + 7)),
            'address', json_array('Via Roma ' || (i % 200), 'Via Marconi ' || (i % 90)))
        WHEN 1 THEN json_object(
            'id', :first + i, 'person_id', :first + i % :persons, 'level', 'normale',
            'text', 'Colloquio n. ' || i || ': cerca lavoro, segue il corso di italiano.')
        WHEN 2 THEN json_object(
            'id', :first + i, 'person_id', :first + i % :persons,
            'relative_id', :first + (i + 1) % :persons, 'relation', 'figlio/a')
        ELSE json_object(
            'id', :first + i, 'person_id', :first + i % :persons,
            'date', '2025-01-01', 'meal_type', 'pranzo')
    END
FROM s
"""

_POSTGRES_FILL = """
INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, person_id, changes)
SELECT
    timestamp '2023-01-01' + i * interval '50 milliseconds',
    :user_id, :username,
    CASE i % 4 WHEN 0 THEN 'update' ELSE 'insert' END,
    CASE i % 4 WHEN 0 THEN 'person' WHEN 1 THEN 'person_note'
               WHEN 2 THEN 'household_link' ELSE 'meal' END,
    CASE i % 4 WHEN 0 THEN (:first + i % :persons)::text ELSE (:first + i)::text END,
    :first + i % :persons,
    CASE i % 4
        WHEN 0 THEN jsonb_build_object(
            'phone', jsonb_build_array('+39 333 ' || i, '+39 320 ' || (i + 7)),
            'address', jsonb_build_array('Via Roma ' || (i % 200), 'Via Marconi ' || (i % 90)))
        WHEN 1 THEN jsonb_build_object(
            'id', :first + i, 'person_id', :first + i % :persons, 'level', 'normale',
            'text', 'Colloquio n. ' || i || ': cerca lavoro, segue il corso di italiano.')
        WHEN 2 THEN jsonb_build_object(
            'id', :first + i, 'person_id', :first + i % :persons,
            'relative_id', :first + (i + 1) % :persons, 'relation', 'figlio/a')
        ELSE jsonb_build_object(
            'id', :first + i, 'person_id', :first + i % :persons,
            'date', '2025-01-01', 'meal_type', 'pranzo')
    END
FROM generate_series(1, :rows) AS i
"""


def _actor(db: Database) -> Actor:
    return users.login(db, USER, PASSWORD)


def _targets(db: Database, actor: Actor, count: int) -> None:
    """Persons with a real history, written by the services."""
    ids = []
    for n in range(count):
        data = persons.PersonInput(
            code=f"T-{n:03d}",
            last_name=f"Gündoğdu{n}",
            first_name="Şükrü",
            sex="M",
            birth_date=dt.date(1990, 3, 12),
            fiscal_code=None,
            phone=f"+39 333 00{n:05d}",
            intake_date=dt.date(2024, 5, 2),
        )
        with db.transaction(actor) as session:
            pid = persons.create_person(session, actor, data).id
            twin = persons.create_person(
                session, actor, persons.PersonInput(**{**data.__dict__, "code": f"T-{n:03d}-B"})
            ).id
        with db.transaction(actor) as session:
            corrected = persons.PersonInput(**{**data.__dict__, "phone": f"+39 320 00{n:05d}"})
            persons.update_person(session, actor, pid, corrected, expected_version=1)
            notes.add_note(session, actor, pid, f"Primo colloquio con Gündoğdu{n}.")
            notes.add_note(session, actor, pid, "Cerca lavoro come magazziniere.")
            if ids:
                household.link_relative(
                    session, actor, pid, f"T-{n - 1:03d}", HouseholdRelation.OTHER_RELATIVE
                )
            merge.merge_persons(session, actor, pid, twin)
        with db.transaction(actor) as session:
            merge.undo_merge(session, actor, survivor_id=pid, absorbed_id=twin)
        with db.transaction(actor) as session:
            persons.open_person(session, actor, pid)
        ids.append(pid)


def build(url: str, rows: int, targets: int) -> None:
    db = Database(url)
    schema.upgrade(db, make_backup=False)
    with db.transaction(SYSTEM) as session:
        users.add_user(session, SYSTEM, "bench.admin", Role.ADMIN, PASSWORD)
        users.add_user(session, SYSTEM, USER, Role.COORDINATOR, PASSWORD, full_name="Bench")
    actor = _actor(db)
    _targets(db, actor, targets)
    started = time.perf_counter()
    fill = _POSTGRES_FILL if db.engine.dialect.name == "postgresql" else _SQLITE_FILL
    with db.engine.begin() as conn:
        conn.execute(
            text(fill),
            {
                "rows": rows,
                "user_id": actor.user_id,
                "username": actor.username,
                "first": FIRST_OTHER_ID,
                "persons": OTHER_PERSONS,
            },
        )
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE audit_log"))
    with db.reading() as session:
        total = session.scalar(select(func.count()).select_from(AuditEntry))
    print(f"audit_log: {total:,} rows ({rows:,} filled in {time.perf_counter() - started:.0f} s)")
    db.dispose()


class _Rollback(Exception):
    pass


def measure(url: str, limit: int) -> None:
    db = Database(url)
    actor = _actor(db)
    with db.reading() as session:
        total = session.scalar(select(func.count()).select_from(AuditEntry))
        targets = persons.find_id_by_code(session, "T-000")
        codes = [
            code
            for code in session.scalars(
                text(
                    "SELECT code FROM person "
                    "WHERE code LIKE 'T-%' AND code NOT LIKE '%-B' ORDER BY id"
                )
            )
        ]
    assert targets is not None
    print(f"{db.engine.dialect.name}: audit_log {total:,} rows, {len(codes)} target persons")
    export_times: list[float] = []
    erase_times: list[float] = []
    # Warm up (fonts, the modules a first export imports), untimed.
    try:
        with db.transaction(actor) as session:
            gdpr.export_person_data(session, actor, targets, io.BytesIO(), io.BytesIO())
            raise _Rollback
    except _Rollback:
        pass
    for code in codes[:limit]:
        with db.reading() as session:
            pid = persons.find_id_by_code(session, code)
        assert pid is not None
        try:
            with db.transaction(actor) as session:
                started = time.perf_counter()
                gdpr.export_person_data(session, actor, pid, io.BytesIO(), io.BytesIO())
                export_times.append(time.perf_counter() - started)
                raise _Rollback
        except _Rollback:
            pass
        try:
            with db.transaction(actor) as session:
                started = time.perf_counter()
                gdpr.anonymise_person(session, actor, pid, "Benchmark", code)
                erase_times.append(time.perf_counter() - started)
                raise _Rollback
        except _Rollback:
            pass
        print(
            f"  {code}: access request {export_times[-1]:.3f} s, "
            f"anonymisation {erase_times[-1]:.3f} s"
        )
    print(
        f"median per person: access request {statistics.median(export_times):.3f} s, "
        f"anonymisation {statistics.median(erase_times):.3f} s "
        f"(load average {os.getloadavg()[0]:.1f})"
    )
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("build", "measure", "drop"))
    parser.add_argument("--database", help="URL (default for build: a new SQLite file)")
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument(
        "--targets", type=int, default=3, help="persons built (build), measured (measure)"
    )
    parser.add_argument("--create-database", action="store_true")
    args = parser.parse_args()
    if args.command == "build":
        url = args.database
        if url is None:
            path = Path(tempfile.mkdtemp(prefix="tit-gdpr-")) / "bench.sqlite3"
            url = f"sqlite:///{path}"
        elif args.create_database:
            create_postgres_database(url)
        print(url)
        build(url, args.rows, args.targets)
    elif args.command == "measure":
        measure(args.database, args.targets)
    else:
        parsed = make_url(args.database)
        if parsed.get_backend_name() == "sqlite":
            Path(parsed.database or "").unlink(missing_ok=True)
        else:
            drop_postgres_database(args.database)


if __name__ == "__main__":
    main()
