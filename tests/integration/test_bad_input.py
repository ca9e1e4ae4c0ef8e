"""Bad input at start: a file that is not a database, a folder without write permission, a
full disk during a backup, another program holding the database. Each gives a clear Italian
refusal, writes nothing and changes nothing (command line and services)."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PASSWORD
from tit_desktop import cli, paths
from tit_desktop.services import backup, database, schema
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ServiceError
from tit_desktop.services.permissions import Actor

OLD_DATABASE = Path(__file__).parent.parent / "data" / "tit-rev0001.sqlite3"


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tit_desktop", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
        check=False,
    )


# --- a file that is not a database ------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"Nome;Cognome\nMario;Rossi\n",
        b"SQLite format 3\x00" + b"\xff" * 4000,  # a damaged header
    ],
    ids=["text", "damaged"],
)
def test_a_file_that_is_not_a_database_is_refused_and_left_alone(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "dati.sqlite3"
    path.write_bytes(content)
    result = run_cli("--database", "sqlite:///" + path.as_posix(), "db", "upgrade")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"Il file {path} non è un database di TIT Desktop" in result.stderr
    assert "Il file non è stato modificato" in result.stderr
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dati.sqlite3", "home"]


def test_the_window_is_told_the_file_is_not_a_database(tmp_path: Path) -> None:
    from tit_desktop.ui.app import prepare_database

    path = tmp_path / "foglio.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook either")
    with pytest.raises(ServiceError) as err:
        prepare_database("sqlite:///" + path.as_posix())
    assert "non è un database di TIT Desktop" in err.value.message
    assert path.read_bytes() == b"PK\x03\x04 not really a workbook either"


# --- a folder without write permission ---------------------------------------------------


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write in: mode 555, or (as root, who ignores modes) immutable."""
    folder = tmp_path / "sola-lettura"
    folder.mkdir()
    shutil.copyfile(OLD_DATABASE, folder / "esistente.sqlite3")
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"cannot make a read-only folder as root here: {made.stderr!r}")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_new_database_in_a_read_only_folder_is_refused(read_only_folder: Path) -> None:
    url = "sqlite:///" + (read_only_folder / "nuovo.sqlite3").as_posix()
    result = run_cli("--database", url, "user", "add", "anna", "--role", "admin", stdin=PASSWORD)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"non ha il permesso di scrivere nella cartella {read_only_folder}" in result.stderr
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["esistente.sqlite3"]


def test_an_old_database_in_a_read_only_folder_is_refused_untouched(
    read_only_folder: Path,
) -> None:
    path = read_only_folder / "esistente.sqlite3"
    before = path.read_bytes()
    result = run_cli("--database", "sqlite:///" + path.as_posix(), "db", "upgrade")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "non ha il permesso di scrivere" in result.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["esistente.sqlite3"]


def test_a_database_folder_that_cannot_be_created_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "un-file"
    blocker.write_text("non una cartella")
    with pytest.raises(ServiceError) as err:
        Database("sqlite:///" + (blocker / "tit.sqlite3").as_posix())
    assert f"Impossibile creare la cartella del database {blocker}" in err.value.message


# --- a full disk during a backup -----------------------------------------------------------


def _dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def _disk_full(kind: str):  # type: ignore[no-untyped-def]
    def copy(source: Path, target: Path) -> None:
        target.write_bytes(b"SQLite format 3\x00 met\xc3\xa0")  # half a backup
        if kind == "oserror":
            raise OSError(errno.ENOSPC, "No space left on device")
        raise sqlite3.OperationalError("database or disk is full")

    return copy


@pytest.mark.parametrize("kind", ["oserror", "sqlite"])
def test_a_full_disk_stops_the_upgrade_before_it_changes_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    # GIVEN a database written by an older version (the upgrade backs it up first)
    path = tmp_path / "vecchio.sqlite3"
    shutil.copyfile(OLD_DATABASE, path)
    before = _dump(path)
    db = Database("sqlite:///" + path.as_posix())
    # WHEN the disk fills up while the backup is written
    monkeypatch.setattr(backup, "_sqlite_copy", _disk_full(kind))
    with pytest.raises(ServiceError) as err:
        schema.upgrade(db)
    db.dispose()
    # THEN the user is told, the database is not migrated, no half backup is left
    assert "Backup non riuscito (il disco è pieno)" in err.value.message
    assert "il database non è stato modificato" in err.value.message
    assert _dump(path) == before
    assert "INSERT INTO \"alembic_version\" VALUES('0001');" in before
    assert list(paths.backup_dir().iterdir()) == []


def test_a_full_disk_during_a_backup_from_the_command_line(
    sqlite_db: Database,
    admin_on_sqlite: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(backup, "_sqlite_copy", _disk_full("oserror"))
    monkeypatch.setenv("TIT_PASSWORD", PASSWORD)
    out = tmp_path / "backup.sqlite3"
    url = sqlite_db.url.render_as_string(hide_password=False)
    code = cli.run(["--database", url, "--user", "admin", "db", "backup", "--out", str(out)])
    assert code == cli.EXIT_REFUSED
    assert "Backup non riuscito (il disco è pieno)" in capsys.readouterr().err
    assert not out.exists()


@pytest.fixture
def admin_on_sqlite(sqlite_db: Database) -> Actor:
    from tests.conftest import make_user
    from tit_desktop.models import Role

    return make_user(sqlite_db, "admin", Role.ADMIN)


# --- another program holding the database ------------------------------------------------


@pytest.fixture
def held_database(sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The test's SQLite file with a write transaction held open by another connection
    (as another TIT Desktop writing), and a short busy timeout."""
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 200)
    path = sqlite_db.sqlite_path
    assert path is not None
    sqlite_db.dispose()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield path
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_database_held_by_another_instance_is_refused_by_the_command_line(
    held_database: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_read_new_password", lambda: PASSWORD)
    url = "sqlite:///" + held_database.as_posix()
    code = cli.run(["--database", url, "user", "add", "anna", "--role", "admin"])
    assert code == cli.EXIT_REFUSED
    err = capsys.readouterr().err
    # The write transaction waits for the other writer, then refuses with the one message
    # every busy database gives (services.database.BUSY_MESSAGE).
    assert "Il database è occupato da un'altra postazione: riprovare" in err
    connection = sqlite3.connect(held_database)
    assert connection.execute("SELECT count(*) FROM app_user").fetchone() == (0,)
    connection.close()
