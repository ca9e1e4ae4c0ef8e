"""Housing at city or metropolis scale: the real services against raw SQL, in the same run.

    python benchmarks/housing.py [--scale city|metropolis] [--database URL]
                                 [--create-database] [--keep] [--repeat N] [--assignments N]

Builds the dataset (benchmarks/dataset.py, with its 300,000 / 1,500,000 bed-nights; a
temporary SQLite file unless ``--database`` names a database, reused when it holds persons)
and times:

* the occupancy board of a month (``housing.month_board``: units, stays, rate per unit)
  against the same three queries written by hand;
* the bed-nights and distinct persons of a year (``housing.bed_nights``) against one
  hand-written aggregate;
* assigning a bed (``housing.assign`` in its own write transaction: permission, checks of
  the person, the unit's period, both night rules, insert, audit row) against a raw
  transaction doing the two overlap checks and the insert.

The real operations use a short session per call, as the window does; the raw SQL runs on
one DBAPI connection held for the whole run. Printed per operation: p50/p95 of both, the
ratio, and the rule "p95 at most 2x raw + 50 ms" (and, for the assignment, the target p95
<= 50 ms).
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

from dataset import (
    BENCH_PASSWORD,
    BENCH_USER,
    build,
    create_postgres_database,
    drop_postgres_database,
    sqlite_url,
)
from sqlalchemy import text

from tit_desktop.services import housing, users
from tit_desktop.services.database import Database

ASSIGN_TARGET_MS = 50.0


def percentile(values: list[float], pct: int) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    return (time.perf_counter() - start) * 1000, result


class Raw:
    """One DBAPI connection for the whole run (SQLite with the application's PRAGMAs)."""

    def __init__(self, db: Database) -> None:
        self.sqlite = db.is_sqlite
        self.connection = db.engine.raw_connection()

    def sql(self, statement: str) -> str:
        return statement if self.sqlite else statement.replace("?", "%s")

    def fetch(self, statement: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        cursor = self.connection.cursor()
        cursor.execute(self.sql(statement), params)
        rows = list(cursor.fetchall())
        cursor.close()
        self.connection.commit()
        return rows

    def days(self, later: str, earlier: str) -> str:
        if self.sqlite:
            return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"
        return f"({later} - {earlier})"

    def date(self, value: dt.date) -> Any:
        return value.isoformat() if self.sqlite else value

    def board(self, first: dt.date, end: dt.date, today: dt.date) -> tuple[int, int, int]:
        d = self.date
        units = self.fetch(
            "SELECT id FROM housing_unit WHERE (active_from IS NULL OR active_from < ?) "
            "AND (active_to IS NULL OR active_to >= ?) ORDER BY lower(name)",
            (d(end), d(first)),
        )
        stays = self.fetch(
            "SELECT s.id, s.version, s.person_id, p.code, p.last_name, p.first_name, u.id, "
            "u.name, s.bed_id, b.label, s.dal, s.al, s.exit_destination, s.notes "
            "FROM stay s JOIN person p ON p.id = s.person_id JOIN bed b ON b.id = s.bed_id "
            "JOIN housing_unit u ON u.id = b.unit_id "
            "WHERE s.dal < ? AND (s.al IS NULL OR s.al > ?) ORDER BY s.bed_id, s.dal",
            (d(end), d(first)),
        )
        stop = min(end, today + dt.timedelta(days=1))
        last = "COALESCE(s.al, ?)"
        lo = "CASE WHEN s.dal > ? THEN s.dal ELSE ? END"
        hi = f"CASE WHEN {last} < ? THEN {last} ELSE ? END"
        nights = self.fetch(
            f"SELECT b.unit_id, SUM({self.days(hi, lo)}) FROM stay s "
            "JOIN bed b ON b.id = s.bed_id WHERE s.dal < ? AND (s.al IS NULL OR s.al > ?) "
            "GROUP BY b.unit_id",
            (
                d(today + dt.timedelta(days=1)),
                d(stop),
                d(today + dt.timedelta(days=1)),
                d(stop),
                d(first),
                d(first),
                d(stop),
                d(first),
            ),
        )
        beds = self.fetch("SELECT id, unit_id, label, active FROM bed ORDER BY unit_id, id")
        return len(units), len(stays), sum(int(n or 0) for _u, n in nights) + 0 * len(beds)

    def year(self, start: dt.date, end: dt.date, today: dt.date) -> tuple[int, int]:
        d = self.date
        tomorrow = today + dt.timedelta(days=1)
        last = "COALESCE(al, ?)"
        lo = "CASE WHEN dal > ? THEN dal ELSE ? END"
        hi = f"CASE WHEN {last} < ? THEN {last} ELSE ? END"
        open_clause = "(al IS NULL AND dal <= ?)" if start <= today else "1 = 0"
        params: list[Any] = [d(tomorrow), d(end), d(tomorrow), d(end), d(start), d(start)]
        where_params: list[Any] = [d(end), d(start)]
        if start <= today:
            where_params.append(d(today))
        rows = self.fetch(
            f"SELECT COALESCE(SUM({self.days(hi, lo)}), 0), COUNT(DISTINCT person_id) FROM stay "
            f"WHERE dal < ? AND ((al IS NOT NULL AND al > ?) OR {open_clause})",
            tuple(params + where_params),
        )
        return int(rows[0][0]), int(rows[0][1])

    def assign(self, person_id: int, bed_id: int, dal: dt.date, al: dt.date) -> int:
        d = self.date
        cursor = self.connection.cursor()
        if self.sqlite:
            cursor.execute("BEGIN IMMEDIATE")
        overlap = "dal < ? AND (al IS NULL OR al > ?)"
        cursor.execute(
            self.sql(f"SELECT id FROM stay WHERE bed_id = ? AND {overlap} LIMIT 1"),
            (bed_id, d(al), d(dal)),
        )
        assert cursor.fetchone() is None
        cursor.execute(
            self.sql(f"SELECT id FROM stay WHERE person_id = ? AND {overlap} LIMIT 1"),
            (person_id, d(al), d(dal)),
        )
        assert cursor.fetchone() is None
        cursor.execute(
            self.sql(
                "INSERT INTO stay (person_id, bed_id, dal, al, version) VALUES (?, ?, ?, ?, 1)"
            ),
            (person_id, bed_id, d(dal), d(al)),
        )
        self.connection.commit()
        cursor.close()
        return 1

    def close(self) -> None:
        self.connection.close()


def report(name: str, real: list[float], raw: list[float], target: float | None = None) -> bool:
    real95, raw95 = percentile(real, 95), percentile(raw, 95)
    floor_ok = real95 <= 2 * raw95 + 50
    target_ok = target is None or real95 <= target
    print(
        f"{name:38} real p50 {statistics.median(real):8.1f} ms p95 {real95:8.1f} ms | "
        f"raw p50 {statistics.median(raw):8.1f} ms p95 {raw95:8.1f} ms | "
        f"ratio {real95 / raw95 if raw95 else float('inf'):5.2f} | "
        f"{'ok' if floor_ok else 'OVER 2x+50ms'}"
        + ("" if target is None else f" | target {target:.0f} ms {'ok' if target_ok else 'MISSED'}")
    )
    return floor_ok and target_ok


def run(url: str, repeat: int, assignments: int, seed: int) -> bool:
    db = Database(url)
    actor = users.login(db, BENCH_USER, BENCH_PASSWORD)
    raw = Raw(db)
    today = dt.date.today()
    rng = random.Random(seed)
    ok = True
    try:
        with db.reading() as session:
            stays = session.execute(text("SELECT COUNT(*) FROM stay")).scalar()
            whole = housing.bed_nights(session, actor, dt.date(1900, 1, 1), dt.date(9999, 1, 1))
        print(f"{db.describe()}: {stays:,} stays, {whole.bed_nights:,} bed-nights\n")

        # --- the board of a month -----------------------------------------------------------
        months = []
        day = today.replace(day=1)
        for _ in range(6):
            months.append((day.year, day.month))
            day = (day - dt.timedelta(days=1)).replace(day=1)
        real_t: list[float] = []
        raw_t: list[float] = []
        for _ in range(repeat):
            for year, month in months:

                def board_real(year: int = year, month: int = month) -> housing.Board:
                    with db.reading() as session:
                        return housing.month_board(session, actor, year, month)

                ms, board = timed(board_real)
                real_t.append(ms)
                first, end = housing.month_bounds(year, month)
                ms, (units, n_stays, nights) = timed(lambda f=first, e=end: raw.board(f, e, today))
                raw_t.append(ms)
                assert (len(board.units), len(board.stays)) == (units, n_stays), (
                    board.units,
                    units,
                )
                assert sum(u.occupied_nights for u in board.units) == nights
        ok &= report("board of a month (units x nights)", real_t, raw_t)

        # --- a year's bed-nights and persons ------------------------------------------------
        real_t, raw_t = [], []
        for _ in range(repeat):
            for year in (today.year - 2, today.year - 1, today.year):
                start, end = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)

                def year_real(start: dt.date = start, end: dt.date = end) -> Any:
                    with db.reading() as session:
                        return housing.bed_nights(session, actor, start, end)

                ms, summary = timed(year_real)
                real_t.append(ms)
                ms, figures = timed(lambda s=start, e=end: raw.year(s, e, today))
                raw_t.append(ms)
                assert (summary.bed_nights, summary.persons) == figures, (summary, figures)
        ok &= report("year: bed-nights + distinct persons", real_t, raw_t)

        # --- assigning a bed ------------------------------------------------------------------
        with db.transaction(actor) as session:
            labels = tuple(str(n) for n in range(1, assignments + 1))
            bench = housing.create_unit(
                session,
                actor,
                housing.UnitInput(f"Benchmark {time.time_ns()}", "co-housing", bed_labels=labels),
            )
            beds = [b.id for b in housing.beds_of(session, actor, bench.id)]
            person_ids = list(
                session.execute(
                    text(
                        "SELECT id FROM person WHERE intake_date <= :d AND id NOT IN "
                        "(SELECT person_id FROM stay WHERE al IS NULL OR al > :d)"
                    ),
                    {"d": today},
                ).scalars()
            )
        rng.shuffle(person_ids)
        real_t, raw_t = [], []
        far = today + dt.timedelta(days=3000 + rng.randint(0, 3000))
        for i in range(assignments):
            dal = far + dt.timedelta(days=4 * i)

            def assign_real(i: int = i, dal: dt.date = dal) -> Any:
                with db.transaction(actor) as session:
                    return housing.assign(
                        session,
                        actor,
                        person_ids[i],
                        bench.id,
                        beds[i],
                        dal,
                        dal + dt.timedelta(days=2),
                    )

            ms, _info = timed(assign_real)
            real_t.append(ms)
            other = dal + dt.timedelta(days=2)
            ms, _n = timed(
                lambda i=i, o=other: raw.assign(
                    person_ids[assignments + i], beds[i], o, o + dt.timedelta(days=2)
                )
            )
            raw_t.append(ms)
        ok &= report("assign a bed (write transaction)", real_t, raw_t, ASSIGN_TARGET_MS)
    finally:
        raw.close()
        db.dispose()
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=("city", "metropolis"), default="city")
    parser.add_argument("--database")
    parser.add_argument("--create-database", action="store_true")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--assignments", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    folder: Path | None = None
    if args.database:
        url = args.database
        if args.create_database:
            create_postgres_database(url)
    else:
        folder = Path(tempfile.mkdtemp(prefix="tit-housing-bench-"))
        url = sqlite_url(folder / f"{args.scale}.sqlite3")
    try:
        probe = Database(url)
        with probe.engine.connect() as connection:
            try:
                has_people = connection.execute(text("SELECT COUNT(*) FROM person")).scalar()
            except Exception:
                has_people = 0
        probe.dispose()
        if not has_people:
            result = build(url, args.scale, args.seed)
            print(f"dataset built in {result.seconds:.1f} s")
        ok = run(url, args.repeat, args.assignments, args.seed)
    finally:
        if args.create_database and not args.keep:
            drop_postgres_database(url)
        if folder is not None and not args.keep:
            for path in folder.iterdir():
                path.unlink()
            folder.rmdir()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
