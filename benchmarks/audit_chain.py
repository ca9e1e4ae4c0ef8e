"""The cost of the audit log's hash chain: single-row transactions with and without the
seal at commit, and the verification of the whole log.

    python benchmarks/audit_chain.py [--transactions 1000] [--writers 2]
        [--database URL [--create-database]] [--keep]

Without ``--database`` a SQLite file in the temporary folder. Each round runs
``--transactions`` transactions, each recording ONE audit row (``audit.record``, as opening
a person's record does) and committing; "senza catena" detaches the seal listener (rows
left unsealed, as before revision 0005), "con catena" is the application as it is. With
``--writers`` > 1 (PostgreSQL) the same total runs from that many threads at once, sealed.
Then ``audit_chain.verify`` reads the whole log once.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dataset import create_postgres_database, drop_postgres_database, sqlite_url

from tit_desktop.models import Role
from tit_desktop.services import audit, audit_chain, schema, users
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import SYSTEM, Actor

PASSWORD = "Catena-di-prova-1"


def _round(db: Database, actor: Actor, count: int) -> float:
    start = time.perf_counter()
    for i in range(count):
        with db.transaction(actor) as session:
            audit.record(session, actor, "view", "person", i)
    return time.perf_counter() - start


def _parallel(db: Database, actor: Actor, count: int, writers: int) -> float:
    def work() -> None:
        _round(db, actor, count // writers)

    threads = [threading.Thread(target=work) for _ in range(writers)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--transactions", type=int, default=1000)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--database")
    parser.add_argument("--create-database", action="store_true")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    url = args.database or sqlite_url(Path(tempfile.mkdtemp()) / "catena.sqlite3")
    if args.create_database:
        create_postgres_database(url)
    db = Database(url)
    try:
        schema.upgrade(db, make_backup=False)
        with db.transaction(SYSTEM) as session:
            users.add_user(session, SYSTEM, "bench", Role.ADMIN, PASSWORD)
        actor = users.login(db, "bench", PASSWORD)
        n = args.transactions
        _round(db, actor, 50)  # warm up
        event.remove(Session, "before_commit", audit_chain._seal_before_commit)
        without = _round(db, actor, n)
        event.listen(Session, "before_commit", audit_chain._seal_before_commit)
        _round(db, actor, 1)  # seals the rows left unsealed
        with_chain = _round(db, actor, n)
        print(f"{db.describe()}: {n} transazioni di una riga")
        print(f"  senza catena: {without:7.2f} s  ({without / n * 1000:6.2f} ms l'una)")
        print(f"  con catena:   {with_chain:7.2f} s  ({with_chain / n * 1000:6.2f} ms l'una)")
        if not db.is_sqlite and args.writers > 1:
            both = _parallel(db, actor, n, args.writers)
            print(f"  con catena, {args.writers} scrittori insieme: {both:7.2f} s")
        start = time.perf_counter()
        with db.reading() as session:
            report = audit_chain.verify(session)
        elapsed = time.perf_counter() - start
        checked = report.rows_checked
        print(f"  verifica di {checked} righe: {elapsed:.2f} s, integro: {report.intact}")
    finally:
        db.dispose()
        if args.create_database and not args.keep:
            drop_postgres_database(url)


if __name__ == "__main__":
    main()
