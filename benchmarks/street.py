"""The street unit at city scale (50,000 contacts): the real services against raw SQL.

    python benchmarks/street.py [--database URL] [--create-database] [--repeat N] [--keep]

Builds the city dataset (benchmarks/dataset.py; a temporary SQLite file unless
``--database`` names a database, which is built when it holds no contacts and reused when
it does), then times in the same run, on the same data:

* the REAL operation as the window does it: a short session per call, then the service
  (``street.search_ids`` + ``street.rows_for`` for a list page, ``street.month_summary``);
* the same result by hand-written SQL on one DBAPI connection held open for the whole run.

and prints p50/p95 of both, their ratio and the rule "at most 2x raw SQL + 50 ms" (p95).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dataset import (
    BENCH_PASSWORD,
    BENCH_USER,
    build,
    create_postgres_database,
    describe,
    drop_postgres_database,
    sqlite_url,
)
from sqlalchemy import func, select

from tit_desktop.models import StreetContactPerson
from tit_desktop.services import street, users
from tit_desktop.services.database import Database

PAGE = 60


def _timed(work: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    result = work()  # warm-up (and the value compared with the raw query's)
    times = []
    for _ in range(repeat):
        mark = time.perf_counter()
        work()
        times.append((time.perf_counter() - mark) * 1000)
    return times, result


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database")
    parser.add_argument("--create-database", action="store_true")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    url = args.database or sqlite_url(Path(tempfile.mkdtemp()) / "street-city.sqlite3")
    if args.create_database:
        create_postgres_database(url)
    try:
        db = Database(url)
        with db.engine.connect() as connection:
            try:
                have = connection.exec_driver_sql("SELECT COUNT(*) FROM street_contact").scalar()
            except Exception:
                have = 0
        db.dispose()
        if not have:
            print(describe(build(url, "city")))
        run(url, args.repeat)
    finally:
        if args.create_database and not args.keep:
            drop_postgres_database(url)


def run(url: str, repeat: int) -> None:
    db = Database(url)
    actor = users.login(db, BENCH_USER, BENCH_PASSWORD)
    raw = db.engine.raw_connection()
    cursor = raw.cursor()
    postgres = db.url.get_backend_name() == "postgresql"
    mark = "%s" if postgres else "?"
    today = dt.date.today()
    last_month = today.replace(day=1) - dt.timedelta(days=1)
    first, last = street.month_bounds(last_month.year, last_month.month)
    with db.reading() as session:
        zone_id = street.zones(session, actor)[0].id
        person_id = session.execute(
            select(StreetContactPerson.person_id)
            .group_by(StreetContactPerson.person_id)
            .order_by(func.count().desc())
            .limit(1)
        ).scalar_one()

    def raw_rows(ids: list[int]) -> int:
        marks = ",".join([mark] * len(ids))
        cursor.execute(
            "SELECT c.id, c.occurred_on, c.occurred_at, c.place, z.name, c.anonymous_f, "
            f"c.anonymous_m FROM street_contact c LEFT JOIN street_zone z ON z.id = c.zone_id "
            f"WHERE c.id IN ({marks})",
            ids,
        )
        found = len(cursor.fetchall())
        cursor.execute(
            "SELECT l.contact_id, s.last_name, s.first_name FROM street_contact_staff l "
            f"JOIN staff_member s ON s.id = l.staff_id WHERE l.contact_id IN ({marks})",
            ids,
        )
        cursor.fetchall()
        cursor.execute(
            f"SELECT contact_id, service FROM street_contact_service WHERE contact_id IN ({marks})",
            ids,
        )
        cursor.fetchall()
        cursor.execute(
            "SELECT l.contact_id, p.id, p.code, p.last_name, p.first_name FROM "
            "street_contact_person l JOIN person p ON p.id = l.person_id "
            f"WHERE l.contact_id IN ({marks})",
            ids,
        )
        cursor.fetchall()
        return found

    def service_page(flt: street.ContactFilter) -> Callable[[], tuple[int, int]]:
        def work() -> tuple[int, int]:
            with db.reading() as session:
                ids = street.search_ids(session, actor, flt)
            with db.reading() as session:
                rows = street.rows_for(session, actor, ids[:PAGE])
            return len(ids), len(rows)

        return work

    def raw_page(where: str, params: list[Any]) -> Callable[[], tuple[int, int]]:
        def work() -> tuple[int, int]:
            cursor.execute(
                f"SELECT id FROM street_contact {where} ORDER BY occurred_on DESC, id DESC",
                params,
            )
            ids = [row[0] for row in cursor.fetchall()]
            return len(ids), raw_rows(ids[:PAGE])

        return work

    def service_summary() -> tuple[int, int]:
        with db.reading() as session:
            figures = street.month_summary(session, actor, first.year, first.month)
        return figures.contacts, figures.reached

    def raw_summary() -> tuple[int, int]:
        cursor.execute(
            "SELECT z.name, COUNT(c.id), COALESCE(SUM(COALESCE(l.n, 0) + c.anonymous_f + "
            "c.anonymous_m), 0) FROM street_contact c LEFT JOIN (SELECT p.contact_id, COUNT(*) n "
            "FROM street_contact_person p JOIN street_contact pc ON pc.id = p.contact_id "
            f"WHERE pc.occurred_on BETWEEN {mark} AND {mark} GROUP BY p.contact_id) l "
            "ON l.contact_id = c.id LEFT JOIN street_zone z ON z.id = c.zone_id "
            f"WHERE c.occurred_on BETWEEN {mark} AND {mark} GROUP BY z.name",
            [first, last, first, last],
        )
        zones = cursor.fetchall()
        cursor.execute(
            "SELECT s.service, COUNT(*) FROM street_contact_service s JOIN street_contact c "
            f"ON c.id = s.contact_id WHERE c.occurred_on BETWEEN {mark} AND {mark} "
            "GROUP BY s.service",
            [first, last],
        )
        cursor.fetchall()
        cursor.execute(
            "SELECT COUNT(DISTINCT l.person_id) FROM street_contact_person l JOIN street_contact "
            f"c ON c.id = l.contact_id WHERE c.occurred_on BETWEEN {mark} AND {mark}",
            [first, last],
        )
        cursor.fetchall()
        return sum(int(z[1]) for z in zones), sum(int(z[2]) for z in zones)

    def service_person() -> int:
        with db.reading() as session:
            return len(street.contacts_of_person(session, actor, person_id))

    def raw_person() -> int:
        cursor.execute(
            "SELECT c.id FROM street_contact c WHERE c.id IN (SELECT contact_id FROM "
            f"street_contact_person WHERE person_id = {mark}) "
            "ORDER BY c.occurred_on DESC, c.id DESC",
            [person_id],
        )
        ids = [row[0] for row in cursor.fetchall()]
        raw_rows(ids)
        return len(ids)

    cases = [
        (
            "list: all contacts, first page",
            service_page(street.ContactFilter()),
            raw_page("", []),
        ),
        (
            "list: one month and zone, first page",
            service_page(street.ContactFilter(date_from=first, date_to=last, zone_id=zone_id)),
            raw_page(
                f"WHERE occurred_on BETWEEN {mark} AND {mark} AND zone_id = {mark}",
                [first, last, zone_id],
            ),
        ),
        ("monthly summary", service_summary, raw_summary),
        ("a person's contacts", service_person, raw_person),
    ]
    print(f"\nstreet unit on {db.url.get_backend_name()}, {repeat} runs each (ms)")
    print(f"{'operation':<40}{'p50':>8}{'p95':>8}{'raw p50':>9}{'raw p95':>9}{'ratio':>7}  rule")
    for name, real, floor in cases:
        real_times, real_value = _timed(real, repeat)
        raw_times, raw_value = _timed(floor, repeat)
        if real_value != raw_value:
            raise SystemExit(f"{name}: the service gives {real_value}, raw SQL {raw_value}")
        p95, raw95 = _p95(real_times), _p95(raw_times)
        ok = p95 <= 2 * raw95 + 50
        print(
            f"{name:<40}{statistics.median(real_times):8.1f}{p95:8.1f}"
            f"{statistics.median(raw_times):9.1f}{raw95:9.1f}{p95 / max(raw95, 0.01):7.2f}  "
            f"{'ok' if ok else 'MISSED'} (<= 2x raw + 50 ms)"
        )
    raw.close()
    db.dispose()


if __name__ == "__main__":
    main()
