"""Many PCs writing one SQLite file at the same moment: every command finishes.

A deferred transaction that reads (the login finds the user) and then writes (the login's
audit row) cannot wait for another writer: SQLite refuses the upgrade at once with
"database is locked", before the busy timeout can help. Write transactions begin IMMEDIATE,
so they queue up instead.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import shutil
import sqlite3
import sys
import time
import traceback
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tit_desktop import cli
from tit_desktop.models import AuditEntry, Role
from tit_desktop.services import database, exchange, users
from tit_desktop.services.database import Database
from tit_desktop.services.errors import DatabaseBusy
from tit_desktop.services.permissions import SYSTEM

PASSWORD = "Password-della-prova-1"
WORKERS = 10


def _command(kind: str, index: int, folder: Path) -> list[str]:
    if kind == "export":
        return ["--user", "anna", "export", str(folder / f"export-{index}.xlsx")]
    return ["--user", "anna", "user", "add", f"collega{index}", "--role", "operatore"]


def _worker(url: str, home: str, kind: str, index: int, start: Barrier, queue: Any) -> None:
    """One PC: logs in as anna and writes, started together with the others."""
    os.environ["TIT_HOME"] = home
    os.environ["TIT_PASSWORD"] = PASSWORD
    from argon2 import PasswordHasher

    from tit_desktop.services import users as worker_users

    # The suite's cheap argon2 cost (the password's cost is not what is tested here).
    worker_users._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    sys.stdin = io.StringIO(f"Segreto-del-collega-{index}\n")
    err = io.StringIO()
    sys.stderr = err
    start.wait(timeout=120)
    started = time.perf_counter()
    try:
        code = cli.run(["--database", url, *_command(kind, index, Path(home))])
    except BaseException:
        code = -1
        err.write(traceback.format_exc())
    queue.put((kind, index, code, time.perf_counter() - started, err.getvalue()))


@pytest.fixture
def shared_file(tmp_path: Path, sqlite_template: Path) -> str:
    path = tmp_path / "condiviso.sqlite3"
    shutil.copyfile(sqlite_template, path)
    url = "sqlite:///" + path.as_posix()
    db = Database(url)
    with db.transaction(SYSTEM) as session:
        users.add_user(session, SYSTEM, "anna", Role.ADMIN, PASSWORD, full_name="Anna Neri")
    db.dispose()
    return url


def test_many_commands_at_the_same_moment_all_finish(shared_file: str, tmp_path: Path) -> None:
    # GIVEN ten PCs, half exporting and half adding a user, each logging in first
    # fork: the workers start in milliseconds, with this process's modules already loaded.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    start = context.Barrier(WORKERS + 1)
    queue = context.Queue()
    workers = [
        context.Process(
            target=_worker,
            args=(shared_file, str(tmp_path), kind, i, start, queue),
        )
        for i in range(WORKERS)
        for kind in ["export" if i % 2 else "user-add"]
    ]
    for worker in workers:
        worker.start()
    # WHEN they all start at the same moment (each waits at the barrier after its imports)
    start.wait(timeout=120)
    results = [queue.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
    # THEN every one of them finished, none with "database is locked"
    failures = [r for r in results if r[2] != 0]
    assert not failures, "\n\n".join(f"{k} {i}: exit {c}\n{e}" for k, i, c, _t, e in failures)
    db = Database(shared_file)
    with db.reading() as session:
        names = {u.username for u in users.list_users(session, users.login(db, "anna", PASSWORD))}
    db.dispose()
    assert names == {"anna"} | {f"collega{i}" for i in range(0, WORKERS, 2)}


def test_a_database_still_busy_is_a_clear_refusal_not_a_traceback(
    shared_file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    # GIVEN another PC holding the write lock longer than the busy timeout (0.3 s here)
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 300)
    monkeypatch.setenv("TIT_PASSWORD", PASSWORD)
    holder = sqlite3.connect(shared_file.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        # WHEN an export starts (its login has to write)
        code = cli.run(
            ["--database", shared_file, "--user", "anna", "export", str(tmp_path / "e.xlsx")]
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # THEN it is refused with the reason, and can simply be run again
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.strip() == (
        "Rifiutato: Il database è occupato da un'altra postazione: riprovare tra qualche istante."
    )
    assert (
        cli.run(["--database", shared_file, "--user", "anna", "export", str(tmp_path / "e.xlsx")])
        == 0
    )


def test_a_long_export_does_not_stop_the_other_pcs_saving(shared_file: str, tmp_path: Path) -> None:
    # GIVEN an export that has read the rows and is writing its file
    db = Database(shared_file)
    other_pc = Database(shared_file, sqlite_busy_timeout_ms=300)
    anna = users.login(db, "anna", PASSWORD)
    saved_meanwhile: list[str] = []

    def progress(_done: int, _total: int, text: str) -> None:
        if text.startswith("Scrittura") and not saved_meanwhile:
            # WHEN another PC saves at that moment
            with other_pc.transaction(anna) as session:
                users.add_user(session, anna, "durante", Role.OPERATOR, "Segreto-nel-frattempo-1")
            saved_meanwhile.append("durante")

    result = exchange.export_database(db, anna, tmp_path / "e.xlsx", progress=progress)
    # THEN the save went through (the export holds no write lock) and the export finished
    assert saved_meanwhile == ["durante"]
    assert result.files == [tmp_path / "e.xlsx"] and result.files[0].exists()
    with db.reading() as session:
        exports = session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all()
    assert [e.username for e in exports] == ["anna"]
    db.dispose()
    other_pc.dispose()


def test_an_export_that_cannot_be_recorded_leaves_no_file(shared_file: str, tmp_path: Path) -> None:
    db = Database(shared_file, sqlite_busy_timeout_ms=300)
    anna = users.login(db, "anna", PASSWORD)
    target = tmp_path / "e.xlsx"
    holder = sqlite3.connect(shared_file.removeprefix("sqlite:///"), isolation_level=None)

    def progress(_done: int, _total: int, text: str) -> None:
        if text.startswith("Scrittura"):
            holder.execute("BEGIN IMMEDIATE")  # another PC takes the lock for a long while

    try:
        with pytest.raises(DatabaseBusy):
            exchange.export_database(db, anna, target, progress=progress)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        db.dispose()
    assert not target.exists()
