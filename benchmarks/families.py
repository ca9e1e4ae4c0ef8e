"""Accoglienza in famiglia at city or metropolis scale: the real services against raw SQL.

    python benchmarks/families.py [--scale city|metropolis] [--database URL] [--repeat N]

Builds the dataset (benchmarks/dataset.py, with its ``hosting_agreements`` kind: families,
agreements and every month of their ledgers) in a temporary SQLite file unless
``--database`` names one (built when it holds no persons, reused when it does). Then times,
in the same run and on the same data, each operation as the window does it (a short
session per call, then the service) and the same work as one hand-written SQL query on a
DBAPI connection held open: the month's payment list, an agreement's ledger, the families
list, a family's agreements, the Home reminders of unpaid months. Prints p50/p95 of both,
their ratio and the rule "p95 at most 2x raw SQL + 50 ms".
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dataset import BENCH_PASSWORD, BENCH_USER, DEFAULT_SEED, build, sqlite_url
from sqlalchemy import text

from tit_desktop.services import hosting, users
from tit_desktop.services.database import Database

RULE_FACTOR = 2.0
RULE_SLACK_MS = 50.0


def _times(work: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    result = work()  # warm-up (and the value compared with the raw query's)
    samples = []
    for _ in range(repeat):
        mark = time.perf_counter()
        work()
        samples.append((time.perf_counter() - mark) * 1000)
    return samples, result


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="city", choices=("city", "metropolis"))
    parser.add_argument("--database")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    url = args.database or sqlite_url(Path(tempfile.mkdtemp()) / f"{args.scale}.sqlite3")
    db = Database(url)
    with db.engine.connect() as connection:
        try:
            present = connection.exec_driver_sql("SELECT COUNT(*) FROM person").scalar()
        except Exception:
            present = 0
    if not present:
        db.dispose()
        print(f"building {args.scale} into {url}")
        build(url, args.scale, DEFAULT_SEED, report=lambda line: None)
        db = Database(url)
    actor = users.login(db, BENCH_USER, BENCH_PASSWORD)
    is_sqlite = db.is_sqlite
    raw = db.engine.raw_connection()
    cursor = raw.cursor()

    def sql(query: str, params: tuple[Any, ...] = ()) -> list[Any]:
        if not is_sqlite:
            query = query.replace("?", "%s")
        cursor.execute(query, params)
        return list(cursor.fetchall())

    with db.engine.connect() as connection:
        month = connection.execute(
            text(
                "SELECT month FROM hosting_contribution GROUP BY month "
                "ORDER BY COUNT(*) DESC LIMIT 1"
            )
        ).scalar_one()
        if isinstance(month, str):
            month = dt.date.fromisoformat(month)
        agreement_id = connection.execute(
            text(
                "SELECT agreement_id FROM hosting_contribution GROUP BY agreement_id "
                "ORDER BY COUNT(*) DESC LIMIT 1"
            )
        ).scalar_one()
        family_id = connection.execute(
            text(
                "SELECT family_id FROM hosting_agreement GROUP BY family_id "
                "ORDER BY COUNT(*) DESC LIMIT 1"
            )
        ).scalar_one()
        counts = {
            table: connection.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()
            for table in ("host_family", "hosting_agreement", "hosting_contribution")
        }
    today = dt.date.today()
    cutoff = hosting.first_of_month(today - dt.timedelta(days=hosting.OVERDUE_DAYS))
    month_param = month.isoformat() if is_sqlite else month
    cutoff_param = cutoff.isoformat() if is_sqlite else cutoff

    def reading(fn: Callable[[Any], Any]) -> Callable[[], Any]:
        def run() -> Any:
            with db.reading() as session:
                return fn(session)

        return run

    operations: list[tuple[str, Callable[[], Any], Callable[[], Any], Callable[[Any], int]]] = [
        (
            f"payment list {month:%m/%Y}",
            reading(lambda s: hosting.payment_list(s, actor, month).lines),
            lambda: sql(
                "SELECT c.id, f.name, f.contact_person, f.iban, p.code, p.last_name, "
                "p.first_name, a.time, a.start_date, a.end_date, c.amount_due, c.paid_on, "
                "c.paid_amount FROM hosting_contribution c "
                "JOIN hosting_agreement a ON a.id = c.agreement_id "
                "JOIN host_family f ON f.id = a.family_id "
                "JOIN person p ON p.id = a.person_id WHERE c.month = ?",
                (month_param,),
            ),
            len,
        ),
        (
            "ledger of an agreement",
            reading(lambda s: hosting.ledger(s, actor, agreement_id)),
            lambda: sql(
                "SELECT id, month, amount_due, paid_on, paid_amount FROM hosting_contribution "
                "WHERE agreement_id = ? ORDER BY month",
                (agreement_id,),
            ),
            len,
        ),
        (
            "families list",
            reading(lambda s: hosting.list_families(s, actor)),
            lambda: sql(
                "SELECT f.id, f.name, f.contact_person, f.phone, f.address, f.availability, "
                "f.active, (SELECT COUNT(*) FROM hosting_agreement a WHERE a.family_id = f.id "
                "AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)) "
                "FROM host_family f ORDER BY f.name",
                (
                    today.isoformat() if is_sqlite else today,
                    today.isoformat() if is_sqlite else today,
                ),
            ),
            len,
        ),
        (
            "agreements of a family",
            reading(lambda s: hosting.agreements(s, actor, family_id=family_id)),
            lambda: sql(
                "SELECT a.*, p.code, p.last_name, p.first_name, f.name FROM hosting_agreement a "
                "JOIN person p ON p.id = a.person_id JOIN host_family f ON f.id = a.family_id "
                "WHERE a.family_id = ? ORDER BY a.start_date DESC, a.id DESC",
                (family_id,),
            ),
            len,
        ),
        (
            "Home: unpaid months",
            reading(lambda s: list(hosting._reminders(s, actor, today))),
            lambda: sql(
                "SELECT c.id, c.month, c.amount_due, f.name, p.id, p.code "
                "FROM hosting_contribution c JOIN hosting_agreement a ON a.id = c.agreement_id "
                "JOIN host_family f ON f.id = a.family_id JOIN person p ON p.id = a.person_id "
                "WHERE c.paid_on IS NULL AND c.month < ? ORDER BY c.month, f.name LIMIT 200",
                (cutoff_param,),
            ),
            len,
        ),
    ]
    print(
        f"{args.scale} on {db.describe()}: {counts['host_family']:,} families, "
        f"{counts['hosting_agreement']:,} agreements, {counts['hosting_contribution']:,} months"
    )
    print(
        f"{'operation':32} {'rows':>6} {'p50':>8} {'p95':>8} {'raw p50':>8} {'raw p95':>8} "
        f"{'ratio':>6}  rule"
    )
    failed = False
    for name, real, floor, size in operations:
        real_samples, real_result = _times(real, args.repeat)
        raw_samples, raw_result = _times(floor, args.repeat)
        if size(real_result) != size(raw_result):
            print(f"{name}: the service gave {size(real_result)} rows, raw SQL {size(raw_result)}")
            failed = True
        p95, raw95 = _p95(real_samples), _p95(raw_samples)
        ok = p95 <= RULE_FACTOR * raw95 + RULE_SLACK_MS
        failed |= not ok
        print(
            f"{name:32} {size(real_result):>6} {statistics.median(real_samples):>7.1f}ms "
            f"{p95:>7.1f}ms {statistics.median(raw_samples):>7.1f}ms {raw95:>7.1f}ms "
            f"{p95 / raw95 if raw95 else 0:>6.1f}  {'ok' if ok else 'MISSED'}"
        )
    raw.close()
    db.dispose()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
