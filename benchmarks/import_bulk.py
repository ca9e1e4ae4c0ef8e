"""The exchange import of 10,000 persons against its floor, side by side in one run.

    python benchmarks/import_bulk.py [--rows N] [--database URL] [--repeat N] [--seed N]

Writes a Beneficiari workbook of ``--rows`` persons (cells as the exchange module's own
export writes them), then, each time on a new empty database of the same back end (a
temporary SQLite file, or the PostgreSQL database named by ``--database``, created and
dropped by the script; it must not exist):

* the REAL import: ``import_workbook`` in ``Database.transaction`` (read, check, write the
  persons, their search tokens and the summary audit row, commit);
* the FLOOR: openpyxl's read-only parse of the same file (every cell's value) plus a raw
  DBAPI ``executemany`` INSERT of the same persons and search tokens, one transaction.

Prints the best of ``--repeat`` runs of each, their ratio and the target (at most 3x).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dataset import (
    BENCH_PASSWORD,
    BENCH_USER,
    DEFAULT_SEED,
    apply_input,
    create_postgres_database,
    drop_postgres_database,
    person_inputs,
    sqlite_url,
)
from sqlalchemy.engine import make_url

from tit_desktop.models import Disability, Employment, PermitReason, Person, Role, Sex
from tit_desktop.services import persons, schema, users
from tit_desktop.services.database import Database
from tit_desktop.services.exchange import import_workbook, persons_sheet
from tit_desktop.services.permissions import SYSTEM

TARGET_RATIO = 3.0


def write_workbook(path: Path, rows: int, seed: int) -> None:
    from openpyxl import Workbook

    enums: dict[str, Any] = {
        "sex": Sex,
        "permit_reason": PermitReason,
        "employment": Employment,
        "disability": Disability,
    }
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(persons_sheet.SHEET)
    sheet.append([column.name for column in persons_sheet.COLUMNS])
    for data in person_inputs(rows, seed):
        person = Person()
        apply_input(person, data)
        for name, kind in enums.items():
            value = getattr(person, name)
            if value is not None:
                setattr(person, name, kind(value))
        sheet.append(persons_sheet.export_row(person))
    workbook.save(path)


def parse_only(path: Path) -> int:
    """openpyxl's read-only parse: every cell's value, nothing else."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells += len(row)
    workbook.close()
    return cells


def raw_rows(
    rows: int, seed: int
) -> tuple[list[str], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The persons (ids 1..n) and search tokens the import stores, as DBAPI tuples."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    columns: list[str] | None = None
    people: list[tuple[Any, ...]] = []
    tokens: list[tuple[Any, ...]] = []
    for person_id, data in enumerate(person_inputs(rows, seed), start=1):
        row = persons.new_person_row(data)
        row.update(id=person_id, version=1, created_at=now, updated_at=now)
        if columns is None:
            columns = list(row)
        people.append(tuple(row[c] for c in columns))
        tokens.extend((token, person_id) for token in sorted(persons.search_tokens(data)))
    assert columns is not None
    return columns, people, tokens


def raw_insert(db: Database, columns: list[str], people: list[Any], tokens: list[Any]) -> None:
    mark = "?" if db.is_sqlite else "%s"
    person_sql = (
        f"INSERT INTO person ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
    )
    token_sql = f"INSERT INTO person_search_token (token, person_id) VALUES ({mark}, {mark})"
    connection = db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        if db.is_sqlite:
            cursor.execute("BEGIN")
        cursor.executemany(person_sql, people)
        cursor.executemany(token_sql, tokens)
        connection.commit()
    finally:
        connection.close()


def fresh_database(
    backend: str | None, folder: Path, name: str
) -> tuple[Database, Callable[[], None]]:
    if backend is None:
        db = Database(sqlite_url(folder / f"{name}.sqlite3"))

        def drop() -> None:
            db.dispose()
    else:
        url = make_url(backend).set(database=f"{make_url(backend).database}_{name}")
        text = url.render_as_string(hide_password=False)
        create_postgres_database(text)
        db = Database(text)

        def drop() -> None:
            db.dispose()
            drop_postgres_database(text)

    schema.upgrade(db, make_backup=False)
    with db.transaction(SYSTEM) as session:
        users.add_user(session, SYSTEM, BENCH_USER, Role.ADMIN, BENCH_PASSWORD)
    return db, drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--database", help="a PostgreSQL URL (the database must not exist)")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    backend = "PostgreSQL" if args.database else "SQLite"
    with tempfile.TemporaryDirectory(prefix="tit-import-bulk-") as tmp:
        folder = Path(tmp)
        path = folder / "beneficiari.xlsx"
        start = time.perf_counter()
        write_workbook(path, args.rows, args.seed)
        print(f"workbook of {args.rows:,} rows written in {time.perf_counter() - start:.1f} s")
        columns, people, tokens = raw_rows(args.rows, args.seed)
        parse_s, insert_s, real_s = [], [], []
        for attempt in range(args.repeat):
            db, drop = fresh_database(args.database, folder, f"raw{attempt}")
            try:
                start = time.perf_counter()
                parse_only(path)
                parse_s.append(time.perf_counter() - start)
                start = time.perf_counter()
                raw_insert(db, columns, people, tokens)
                insert_s.append(time.perf_counter() - start)
            finally:
                drop()
            db, drop = fresh_database(args.database, folder, f"real{attempt}")
            try:
                actor = users.login(db, BENCH_USER, BENCH_PASSWORD)
                start = time.perf_counter()
                with db.transaction(actor) as session:
                    report = import_workbook(session, actor, path)
                real_s.append(time.perf_counter() - start)
                if not report.ok:
                    sys.exit(f"the import failed: {report.errors[:3]}")
                with db.engine.connect() as connection:
                    stored = connection.exec_driver_sql("SELECT COUNT(*) FROM person").scalar()
                    audit_rows = connection.exec_driver_sql(
                        "SELECT COUNT(*) FROM audit_log WHERE action = 'import'"
                    ).scalar()
                assert stored == args.rows, stored
            finally:
                drop()
    floor = min(parse_s) + min(insert_s)
    real = min(real_s)
    ratio = real / floor
    print(f"\n{backend}, {args.rows:,} persons (best of {args.repeat})")
    print(f"  floor: parse {min(parse_s):.2f} s + raw insert {min(insert_s):.2f} s = {floor:.2f} s")
    print(f"  import_workbook: {real:.2f} s ({stored:,} persons, {audit_rows} summary audit row)")
    verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
    print(f"  ratio {ratio:.2f}x (target at most {TARGET_RATIO:.0f}x): {verdict}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
