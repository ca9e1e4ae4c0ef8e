"""Percorsi at city or metropolis scale: the real services against raw SQL.

    python benchmarks/pathways.py [--scale city|metropolis] [--database URL] [--repeat N]

Builds the dataset (benchmarks/dataset.py, with its ``pathways`` kind: a percorso for 60 %
of the persons) in a temporary SQLite file unless ``--database`` names one, then times, on
the same data, each operation as the window does it (a short session, then the service) and
the same work as hand-written SQL on one open DBAPI connection, and prints p50/p95 of both
and their ratio:

* the Percorsi list, open percorsi, newest first (keys) and its first screen of rows;
* the Beneficiari list with the "con percorso in corso" filter (keys);
* a person's timeline (every provider);
* opening a percorso on a person without one (the check, the insert, its audit row), then
  removing it again (not timed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dataset import BENCH_PASSWORD, BENCH_USER, DEFAULT_SEED, build, sqlite_url
from sqlalchemy import select

from tit_desktop.models import Pathway, Person
from tit_desktop.models.user import Role
from tit_desktop.services import pathways, persons, timeline, users
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import SYSTEM

VISIBLE_ROWS = 60


def timed(function: Callable[[], Any], repeat: int) -> tuple[float, float]:
    function()  # warm up
    samples = []
    for _ in range(repeat):
        mark = time.perf_counter()
        function()
        samples.append((time.perf_counter() - mark) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", default="city", choices=("city", "metropolis"))
    parser.add_argument("--database", help="an existing database built by dataset.py")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    url = args.database
    if url is None:
        folder = Path(tempfile.mkdtemp(prefix="tit-bench-pathways-"))
        url = sqlite_url(folder / "bench.sqlite3")
        print(f"building {args.scale} in {folder} …")
        build(url, args.scale, DEFAULT_SEED)
    db = Database(url)
    with db.transaction(SYSTEM) as session:
        if (
            not users.users_exist(session)
            or session.scalar(select(users.User.id).where(users.User.username == BENCH_USER))
            is None
        ):
            users.add_user(session, SYSTEM, BENCH_USER, Role.ADMIN, BENCH_PASSWORD)
    actor = users.login(db, BENCH_USER, BENCH_PASSWORD)
    raw = db.engine.raw_connection()
    sqlite = db.is_sqlite
    mark = "?" if sqlite else "%s"

    def raw_fetch(sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        cursor = raw.cursor()
        cursor.execute(sql.replace("?", mark), params)
        rows = cursor.fetchall()
        cursor.close()
        if not sqlite:
            raw.rollback()
        return rows

    with db.reading() as session:
        total = session.scalar(select(pathways.func.count()).select_from(Pathway))
        person_id = session.scalar(
            select(Pathway.person_id).where(Pathway.exit_date.is_(None)).limit(1)
        )
        free = session.scalar(
            select(Person.id).where(~Person.id.in_(select(Pathway.person_id))).limit(1)
        )
    today = dt.date.today()
    print(f"{total:,} percorsi; timing {args.repeat} runs each on {db.url.get_backend_name()}")

    def list_keys() -> list[int]:
        with db.reading() as session:
            return pathways.search_ids(session, actor, pathways.PathwayFilter(state="open"))

    def list_first_screen() -> None:
        with db.reading() as session:
            ids = pathways.search_ids(session, actor, pathways.PathwayFilter(state="open"))
            pathways.rows_for(session, actor, ids[:VISIBLE_ROWS])

    def raw_list_first_screen() -> None:
        ids = [
            r[0]
            for r in raw_fetch(
                "SELECT pathway.id FROM pathway JOIN person ON person.id = pathway.person_id "
                "WHERE person.merged_into_id IS NULL AND pathway.exit_date IS NULL "
                "ORDER BY pathway.entry_date DESC, person.sort_key, pathway.id"
            )
        ]
        first = ids[:VISIBLE_ROWS]
        raw_fetch(
            "SELECT pathway.id, person.code, person.last_name, person.first_name, "
            "pathway.entry_date, pathway.exit_date, staff_member.last_name, "
            "staff_member.first_name, pathway.exit_destination FROM pathway "
            "JOIN person ON person.id = pathway.person_id LEFT JOIN staff_member ON "
            "staff_member.id = pathway.reference_staff_id WHERE pathway.id IN ("
            + ", ".join([mark] * len(first))
            + ")",
            tuple(first),
        )

    def active_persons() -> None:
        with db.reading() as session:
            persons.search_ids(session, actor, persons.PersonFilter(in_pathway=True))

    def raw_active_persons() -> None:
        day = today.isoformat() if sqlite else today
        raw_fetch(
            "SELECT id FROM person WHERE merged_into_id IS NULL AND anonymised_at IS NULL AND "
            "id IN (SELECT person_id FROM pathway WHERE entry_date <= ? AND "
            "(exit_date IS NULL OR exit_date >= ?)) ORDER BY sort_key, id",
            (day, day),
        )

    def person_timeline() -> None:
        with db.reading() as session:
            timeline.events_for(session, actor, person_id)

    def raw_timeline() -> None:
        raw_fetch("SELECT intake_date FROM person WHERE id = ?", (person_id,))
        raw_fetch("SELECT * FROM pathway WHERE person_id = ?", (person_id,))
        raw_fetch("SELECT * FROM plan_review WHERE person_id = ?", (person_id,))
        raw_fetch("SELECT * FROM plan_action WHERE person_id = ?", (person_id,))
        raw_fetch("SELECT * FROM autonomy_assessment WHERE person_id = ?", (person_id,))
        raw_fetch("SELECT * FROM course_enrolment WHERE person_id = ?", (person_id,))
        raw_fetch("SELECT * FROM tirocinio WHERE person_id = ?", (person_id,))
        raw_fetch(
            "SELECT at, detail FROM audit_log WHERE person_id = ? AND action = 'export'",
            (person_id,),
        )

    created: list[int] = []

    def open_pathway() -> None:
        with db.transaction(actor) as session:
            created.append(
                pathways.create_pathway(
                    session, actor, pathways.PathwayInput(free, today - dt.timedelta(days=1))
                )
            )
        with db.transaction(actor) as session:  # undo, so the next run can open it again
            pathway_id = created.pop()
            pathways.delete_pathway(
                session, actor, pathway_id, pathways.get_pathway(session, actor, pathway_id).version
            )

    rows = [
        ("Percorsi list, open (keys)", list_keys, None),
        ("Percorsi list, first screen", list_first_screen, raw_list_first_screen),
        ("Beneficiari 'con percorso in corso'", active_persons, raw_active_persons),
        ("person's timeline", person_timeline, raw_timeline),
        ("open + remove a percorso", open_pathway, None),
    ]
    print(f"{'operation':<40} {'p50 ms':>8} {'p95 ms':>8} {'raw p95':>8} {'ratio':>6}")
    for name, real, floor in rows:
        p50, p95 = timed(real, args.repeat)
        if floor is not None:
            _r50, r95 = timed(floor, args.repeat)
            print(f"{name:<40} {p50:8.1f} {p95:8.1f} {r95:8.1f} {p95 / max(r95, 0.01):6.1f}")
        else:
            print(f"{name:<40} {p50:8.1f} {p95:8.1f} {'—':>8} {'—':>6}")
    raw.close()
    db.dispose()
    random.seed(0)


if __name__ == "__main__":
    main()
