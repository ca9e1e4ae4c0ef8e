"""The convention's paperwork at city scale (5,000 expenditures): the real services against
raw SQL.

    python benchmarks/convention.py [--database URL] [--repeat N]

Without ``--database`` a temporary SQLite file gets the schema and the ``expenditures``
kind of benchmarks/dataset.py (the persons do not change these figures); with a URL of a
database already built by dataset.py (city scale), that one is used. Times, as the window
does them (a short session per call, then the service):

* the register: the keys of the whole list sorted by date, then the first screenful of rows
  with their flags;
* the totals per budget line (one GROUP BY);
* a payment request over the whole period (totals per line and the annex);

against the same work written as SQL on one DBAPI connection, and checks the issue's rule:
p95 at most 2x the raw SQL's p95 + 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dataset import SCALES, _expenditures, sqlite_url
from sqlalchemy import text

from tit_desktop.models.user import Role
from tit_desktop.services import audit, schema
from tit_desktop.services.convention import budget, expenditures, payment_requests
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor

ACTOR = Actor(user_id=None, username="benchmark", role=Role.COORDINATOR)
SCREEN = 120


def _times(work: Callable[[], Any], repeat: int) -> list[float]:
    work()  # warm caches as a user's first click would
    out = []
    for _ in range(repeat):
        mark = time.perf_counter()
        work()
        out.append((time.perf_counter() - mark) * 1000)
    return out


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    url = args.database
    if url is None:
        path = Path(tempfile.mkdtemp(prefix="tit-bench-conv-")) / "city.sqlite3"
        url = sqlite_url(path)
    db = Database(url)
    schema.upgrade(db, make_backup=False)
    with db.engine.begin() as connection:
        exists = connection.exec_driver_sql("SELECT COUNT(*) FROM expenditure").scalar()
        if not exists:
            connection.execution_options(**audit.audited_elsewhere("dataset di prova"))
            count = _expenditures(
                connection, SCALES["city"], random.Random("bench"), dt.date.today(), []
            )
            print(f"built {count:,} expenditures in {url}")
    with db.reading() as session:
        convention_id = session.execute(
            text("SELECT id FROM convention ORDER BY id LIMIT 1")
        ).scalar_one()
        first = session.execute(
            text(
                "SELECT MIN(document_date), MAX(document_date) FROM expenditure "
                "WHERE convention_id = :c"
            ),
            {"c": convention_id},
        ).one()
    start, end = first
    if isinstance(start, str):
        start, end = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    raw = db.engine.raw_connection()
    mark = "?" if db.is_sqlite else "%s"

    def fetch(sql: str, params: tuple[Any, ...]) -> list[Any]:
        cursor = raw.cursor()
        cursor.execute(sql.replace("?", mark), params)
        rows = cursor.fetchall()
        cursor.close()
        if not db.is_sqlite:
            raw.rollback()
        return rows

    day = (lambda d: d.isoformat()) if db.is_sqlite else (lambda d: d)
    flt = expenditures.ExpenditureFilter(convention_id)

    def register() -> None:
        with db.reading() as session:
            keys = expenditures.keys(session, ACTOR, flt)
        with db.reading() as session:
            expenditures.rows(session, ACTOR, keys[:SCREEN])

    def register_raw() -> None:
        ids = [
            r[0]
            for r in fetch(
                "SELECT e.id FROM expenditure e JOIN budget_line b ON b.id = e.budget_line_id "
                "WHERE e.convention_id = ? ORDER BY e.document_date, e.id",
                (convention_id,),
            )
        ]
        chosen = ids[:SCREEN]
        fetch(
            "SELECT e.*, b.name FROM expenditure e JOIN budget_line b ON b.id = e.budget_line_id "
            f"WHERE e.id IN ({', '.join('?' for _ in chosen)})",
            tuple(chosen),
        )

    def totals() -> None:
        with db.reading() as session:
            budget.line_totals(session, convention_id)

    def totals_raw() -> None:
        fetch(
            "SELECT b.id, b.name, b.planned, COALESCE(SUM(e.amount), 0), "
            "COALESCE(SUM(e.eligible), 0), COUNT(e.id) FROM budget_line b "
            "LEFT JOIN expenditure e ON e.budget_line_id = b.id WHERE b.convention_id = ? "
            "GROUP BY b.id, b.name, b.planned ORDER BY b.name",
            (convention_id,),
        )

    def request() -> None:
        with db.reading() as session:
            payment_requests.preview(session, ACTOR, convention_id, start, end)

    def request_raw() -> None:
        fetch(
            "SELECT b.id, b.name, b.planned, "
            "COALESCE(SUM(CASE WHEN e.payment_request_id IS NOT NULL THEN e.eligible END), 0), "
            "COALESCE(SUM(CASE WHEN e.document_date BETWEEN ? AND ? "
            "AND e.payment_request_id IS NULL THEN e.eligible END), 0) "
            "FROM budget_line b LEFT JOIN expenditure e ON e.budget_line_id = b.id "
            "WHERE b.convention_id = ? GROUP BY b.id, b.name, b.planned ORDER BY b.name",
            (day(start), day(end), convention_id),
        )
        fetch(
            "SELECT e.*, b.name FROM expenditure e JOIN budget_line b ON b.id = e.budget_line_id "
            "WHERE e.convention_id = ? AND e.document_date BETWEEN ? AND ? "
            "AND e.payment_request_id IS NULL ORDER BY e.document_date, e.id",
            (convention_id, day(start), day(end)),
        )

    print(f"{db.describe()}: p50 / p95 in ms, {args.repeat} runs each")
    failed = False
    for name, real, floor in (
        ("register (keys + first screen)", register, register_raw),
        ("totals per line", totals, totals_raw),
        ("payment request (whole period)", request, request_raw),
    ):
        mine = _times(real, args.repeat)
        base = _times(floor, args.repeat)
        limit = 2 * _p95(base) + 50
        ok = _p95(mine) <= limit
        failed |= not ok
        print(
            f"  {name:34} service {statistics.median(mine):7.1f} / {_p95(mine):7.1f}   "
            f"raw {statistics.median(base):7.1f} / {_p95(base):7.1f}   "
            f"ratio {_p95(mine) / max(_p95(base), 0.001):5.1f}x   "
            f"limit {limit:6.1f}  {'ok' if ok else 'MISSED'}"
        )
    raw.close()
    db.dispose()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
