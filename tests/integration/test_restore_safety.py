"""Restore as an attacker and a crashing PC would try it: an administrator's action, a file
checked before it replaces anything, onto a new database too, all or nothing."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from tests.conftest import PASSWORD, make_user
from tit_desktop import paths
from tit_desktop.models import AuditEntry, Organisation, Role
from tit_desktop.services import audit, backup, schema, users
from tit_desktop.services.database import Database
from tit_desktop.services.errors import PermissionDenied, ValidationError
from tit_desktop.services.permissions import Actor


def _add_org(db: Database, actor: Actor, name: str) -> None:
    with db.transaction(actor) as session:
        session.add(Organisation(name=name))


def _org_names(db: Database) -> list[str]:
    with db.reading() as session:
        return list(session.scalars(select(Organisation.name).order_by(Organisation.name)))


def _usernames(db: Database) -> list[str]:
    with db.reading() as session:
        return sorted(u.username for u in users.list_users(session, _any_admin(db)))


def _any_admin(db: Database) -> Actor:
    return users.login(db, "admin", PASSWORD)


def _edit(file: Path, *statements: str) -> None:
    """What anyone can do to a backup with a SQLite tool."""
    conn = sqlite3.connect(file)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def _automatic_files() -> list[Path]:
    return sorted(paths.backup_dir().glob("*.sqlite3"))


# --- who may restore ------------------------------------------------------------------------


def test_a_coordinator_cannot_restore(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    coordinator = actors[Role.COORDINATOR]
    # GIVEN a backup a coordinator took and edited to make themselves admin
    file = backup.backup(db, coordinator, tmp_path / "b.sqlite3")
    _edit(file, "UPDATE app_user SET role='admin'", "DELETE FROM audit_log")
    # WHEN they restore it THEN they are refused and nothing changed
    with pytest.raises(PermissionDenied) as err:
        backup.restore(db, coordinator, file)
    assert "ripristinare il database" in err.value.message
    with db.reading() as session:
        assert users.users_exist(session)
        roles = {u.username: u.role for u in users.list_users(session, actors[Role.ADMIN])}
    assert roles["coordinatore"] is Role.COORDINATOR
    # An administrator may.
    assert backup.restore(db, actors[Role.ADMIN], file) is not None or not db.is_sqlite


# --- what is checked before anything is replaced -----------------------------------------------

_FUTURE = (
    "UPDATE audit_log SET at='2999-01-01 00:00:00.000000' WHERE id=(SELECT MAX(id) FROM audit_log)"
)
_BACKDATED = (
    "UPDATE audit_log SET at='2001-01-01 00:00:00.000000' WHERE id=(SELECT MAX(id) FROM audit_log)"
)

TAMPERING: dict[str, tuple[list[str], str]] = {
    "row dated in the future": ([_FUTURE], "nel futuro"),
    "row back-dated": ([_BACKDATED], "prima di una riga scritta in precedenza"),
    "audit log without a column": (
        [
            "CREATE TABLE x AS SELECT id, at, user_id, username, action, entity, entity_id,"
            " changes, detail FROM audit_log",
            "DROP TABLE audit_subject",
            "DROP TABLE audit_log",
            "ALTER TABLE x RENAME TO audit_log",
        ],
        "mancano le tabelle audit_subject",
    ),
    "audit log missing": (
        ["DROP TABLE audit_subject", "DROP TABLE audit_log"],
        "mancano le tabelle audit_log, audit_subject",
    ),
    "a foreign table": (["CREATE TABLE spia (x TEXT)"], "tabelle estranee (spia)"),
    # The audit chain: dates kept plausible, content changed or rows gone.
    "an audit row rewritten": (
        ["UPDATE audit_log SET username='nessuno' WHERE id=(SELECT MIN(id) FROM audit_log)"],
        "Registro delle attività ALTERATO",
    ),
    "audit rows deleted": (
        [
            "DELETE FROM audit_subject",
            "DELETE FROM audit_log WHERE id=(SELECT MIN(id) FROM audit_log)",
        ],
        "Registro delle attività ALTERATO",
    ),
    "text in a number column": (
        ["UPDATE app_user SET failed_logins='molti'"],
        "colonna failed_logins",
    ),
    "a date that is not a date": (
        ["UPDATE app_user SET created_at='ieri'"],
        "colonna created_at",
    ),
    "a role that does not exist": (
        ["PRAGMA ignore_check_constraints=ON", "UPDATE app_user SET role='superadmin'"],
        "CHECK constraint failed in app_user",
    ),
    "a link to no one": (
        ["PRAGMA foreign_keys=OFF", "UPDATE audit_log SET user_id=999 WHERE user_id IS NOT NULL"],
        "rimanda a un record inesistente della tabella app_user",
    ),
}


@pytest.mark.parametrize("case", list(TAMPERING))
def test_a_tampered_backup_is_refused_and_nothing_changes(
    db: Database, admin: Actor, tmp_path: Path, case: str
) -> None:
    # GIVEN a backup edited with a SQLite tool, and data added after it
    _add_org(db, admin, "Caritas")
    file = backup.backup(db, admin, tmp_path / "b.sqlite3")
    statements, reason = TAMPERING[case]
    _edit(file, *statements)
    _add_org(db, admin, "Dopo il backup")
    before = backup.row_counts(db)
    # WHEN it is restored THEN it is refused, naming why, before anything is touched
    with pytest.raises(ValidationError) as err:
        backup.restore(db, admin, file)
    assert reason in err.value.fields["file"], err.value.fields
    assert "non è stato modificato" in err.value.fields["file"]
    assert backup.row_counts(db) == before
    assert _org_names(db) == ["Caritas", "Dopo il backup"]
    assert _automatic_files() == []  # no safety copy: nothing was going to be replaced
    assert [p.name for p in paths.backup_dir().iterdir()] == []  # no staging left


def test_a_damaged_file_is_refused(db: Database, admin: Actor, tmp_path: Path) -> None:
    file = backup.backup(db, admin, tmp_path / "b.sqlite3")
    data = bytearray(file.read_bytes())
    page = 4096
    data[3 * page : 5 * page] = b"\x07" * (2 * page)  # two pages of b-tree overwritten
    file.write_bytes(bytes(data))
    before = backup.row_counts(db)
    with pytest.raises(ValidationError) as err:
        backup.restore(db, admin, file)
    assert "danneggiato" in err.value.fields["file"]
    assert backup.row_counts(db) == before


@pytest.mark.parametrize("revision", ["head", "0001"])
def test_a_file_with_only_the_schema_stamp_is_refused(
    db: Database, admin: Actor, tmp_path: Path, revision: str
) -> None:
    stamp = schema.head_revision() if revision == "head" else revision
    file = tmp_path / "solo-versione.sqlite3"
    _edit(
        file,
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
        f"INSERT INTO alembic_version VALUES ('{stamp}')",
    )
    with pytest.raises(ValidationError) as err:
        backup.restore(db, admin, file)
    assert backup.NOT_A_BACKUP in err.value.fields["file"]
    assert users.login(db, "admin", PASSWORD).username == "admin"  # still usable


def test_a_backup_with_64_kib_pages_is_restored(sqlite_db: Database, tmp_path: Path) -> None:
    db = sqlite_db
    admin = make_user(db, "admin", Role.ADMIN)
    _add_org(db, admin, "Pagine grandi")
    file = backup.backup(db, admin, tmp_path / "b.sqlite3")
    _edit(file, "PRAGMA journal_mode=DELETE")
    _edit(file, "PRAGMA page_size=65536", "VACUUM")
    conn = sqlite3.connect(file)
    assert conn.execute("PRAGMA page_size").fetchone() == (65536,)
    conn.close()
    _add_org(db, admin, "Dopo")
    backup.restore(db, admin, file)
    assert _org_names(db) == ["Pagine grandi"]


# --- onto a new database -------------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A database with no tables at all: a new file, a new database on the server."""
    if request.param == "sqlite":
        database = Database("sqlite:///" + (tmp_path / "nuovo" / "tit.sqlite3").as_posix())
        yield database
        database.dispose()
        return
    server_url: str = request.getfixturevalue("postgres_server_url")
    name = f"tit_empty_{uuid.uuid4().hex[:10]}"
    admin_db = Database(make_url(server_url).set(database="postgres"))
    with admin_db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    database = Database(make_url(server_url).set(database=name))
    yield database
    database.dispose()
    with admin_db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin_db.dispose()


def test_restore_onto_a_database_with_no_tables(
    db: Database, admin: Actor, empty_db: Database, tmp_path: Path
) -> None:
    """The README's way to move an office: a backup from either back end, restored onto a
    new file or a new server database, from the command line as IT would run it."""
    from tests.integration.test_cli import run

    _add_org(db, admin, "Ufficio che trasloca")
    file = backup.backup(db, admin, tmp_path / "trasloco.sqlite3")
    url = empty_db.url.render_as_string(hide_password=False)
    result = run("db", "restore", str(file), "--json", db_url=url)
    assert result.returncode == 0, result.stderr
    assert _org_names(empty_db) == ["Ufficio che trasloca"]
    with empty_db.reading() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last is not None and last.action == "restore" and last.username == "sistema"
    assert users.login(empty_db, "admin", PASSWORD).username == "admin"


# --- all or nothing ------------------------------------------------------------------------


def test_a_failure_while_replacing_leaves_the_data_as_it_was(
    db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_org(db, admin, "Nel backup")
    file = backup.backup(db, admin, tmp_path / "b.sqlite3")
    _add_org(db, admin, "Soltanto ora")
    before = backup.row_counts(db)
    real_record: Callable[..., None] = audit.record

    def failing(session: object, actor: Actor, action: str, *args: object, **kw: object) -> None:
        if action == "restore":
            raise OSError(28, "No space left on device")
        real_record(session, actor, action, *args, **kw)

    # WHEN the very last step of the restore fails (the rows are already copied)
    monkeypatch.setattr(audit, "record", failing)
    with pytest.raises(OSError):
        backup.restore(db, admin, file)
    monkeypatch.undo()
    # THEN the database is exactly as it was
    assert backup.row_counts(db) == before
    assert _org_names(db) == ["Nel backup", "Soltanto ora"]


def test_the_restoring_admin_need_not_exist_in_the_backup(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    file = backup.backup(db, admin, tmp_path / "b.sqlite3")
    other = make_user(db, "seconda.admin", Role.ADMIN)  # not in the backup
    backup.restore(db, other, file)
    with db.reading() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last is not None and last.action == "restore"
    assert (last.username, last.user_id) == ("seconda.admin", None)
    assert _usernames(db) == ["admin"]


def test_two_restores_in_the_same_second_keep_two_safety_copies(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = sqlite_db
    admin = make_user(db, "admin", Role.ADMIN)
    file = backup.backup(db, admin, tmp_path / "b.sqlite3")
    monkeypatch.setattr(backup, "_stamp", lambda: "20261128-120000")
    first = backup.restore(db, admin, file)
    second = backup.restore(db, admin, file)
    assert first is not None and second is not None and first != second
    assert first.name == "tit-20261128-120000-prima-ripristino.sqlite3"
    assert second.name == "tit-20261128-120000-prima-ripristino-2.sqlite3"


# --- files: private, never empty -------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_database_and_backup_files_are_private(tmp_path: Path) -> None:
    db = Database("sqlite:///" + (tmp_path / "nuovo.sqlite3").as_posix())
    schema.upgrade(db)
    admin = make_user(db, "admin", Role.ADMIN)
    chosen = backup.backup(db, admin, tmp_path / "scelto.sqlite3")
    automatic = backup.backup(db, admin)
    safety = backup.restore(db, admin, chosen)
    db.dispose()
    assert safety is not None
    for file in (tmp_path / "nuovo.sqlite3", chosen, automatic, safety):
        mode = stat.S_IMODE(file.stat().st_mode)
        assert mode == 0o600, f"{file.name}: {oct(mode)}"


def test_empty_automatic_backups_are_neither_kept_nor_counted(
    sqlite_db: Database,
) -> None:
    db = sqlite_db
    folder = paths.backup_dir()
    # GIVEN three good automatic backups and twelve empty ones an interrupted upgrade left
    good = []
    for day in (1, 2, 3):
        target = folder / f"tit-2026010{day}-090000-prima-aggiornamento-0003.sqlite3"
        shutil.copyfile(db.sqlite_path, target)  # type: ignore[arg-type]
        good.append(target)
    for n in range(12):
        (folder / f"tit-202602{n + 10:02d}-090000-prima-aggiornamento-0004.sqlite3").touch()
    # WHEN the application takes a new one
    new = backup.automatic_backup(db, reason="prima-ripristino")
    # THEN the empty files are gone and did not push the good ones out
    assert _automatic_files() == sorted([*good, new])
    admin = make_user(db, "admin", Role.ADMIN)
    (folder / "tit-20260301-090000.sqlite3").touch()  # an empty one saved by hand
    assert sorted(b.path for b in backup.list_backups(admin)) == sorted([*good, new])


def test_temporary_files_left_by_a_killed_process_are_removed(
    sqlite_db: Database, tmp_path: Path
) -> None:
    import os

    folder = paths.backup_dir()
    stale = [folder / ".ripristino-1.part", folder / ".ripristino-1.part-wal"]
    for file in stale:
        file.write_bytes(b"SQLite format 3\x00 dati personali")
        os.utime(file, (1_700_000_000, 1_700_000_000))
    fresh = folder / ".tit-x.sqlite3-1.part"  # another process writing it now
    fresh.write_bytes(b"")
    backup.automatic_backup(sqlite_db, reason="prima-ripristino")
    assert not any(f.exists() for f in stale)
    assert fresh.exists()
