"""Backups are SQLite files; restore works into SQLite and PostgreSQL alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import make_user
from tit_desktop.models import AuditEntry, Organisation, Role
from tit_desktop.services import backup, schema, users
from tit_desktop.services.database import Database
from tit_desktop.services.errors import DatabaseVersionError, PermissionDenied, ValidationError
from tit_desktop.services.permissions import Actor


def _add_org(db: Database, actor: Actor, name: str) -> None:
    with db.transaction(actor) as session:
        session.add(Organisation(name=name))


def _org_names(db: Database) -> list[str]:
    with db.reading() as session:
        return list(session.scalars(select(Organisation.name).order_by(Organisation.name)))


def test_backup_then_restore_brings_the_data_back(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    _add_org(db, admin, "Caritas")
    target = backup.backup(db, admin, tmp_path / "copia.sqlite3")
    assert target.read_bytes()[:16] == b"SQLite format 3\x00"
    _add_org(db, admin, "Aggiunto dopo il backup")
    assert _org_names(db) == ["Aggiunto dopo il backup", "Caritas"]
    backup.restore(db, admin, target)
    assert _org_names(db) == ["Caritas"]
    assert users.login(db, "admin", "Password-di-prova-1").username == "admin"
    # New rows after a restore get fresh ids (sequences were reset on PostgreSQL).
    _add_org(db, admin, "Dopo il ripristino")
    assert _org_names(db) == ["Caritas", "Dopo il ripristino"]
    with db.reading() as session:
        actions = list(session.scalars(select(AuditEntry.action)))
    assert "restore" in actions


def test_a_backup_moves_data_between_back_ends(db: Database, admin: Actor, tmp_path: Path) -> None:
    """Backup from the fixture's back end, restore into a new SQLite file."""
    _add_org(db, admin, "Cooperativa Il Ponte")
    target = backup.backup(db, admin, tmp_path / "sposta.sqlite3")
    other = Database("sqlite:///" + (tmp_path / "altro-pc.sqlite3").as_posix())
    schema.upgrade(other)
    backup.restore(other, admin, target)
    assert _org_names(other) == ["Cooperativa Il Ponte"]
    other.dispose()


def test_restore_on_sqlite_keeps_a_copy_of_the_replaced_data(
    tmp_path: Path, sqlite_db: Database
) -> None:
    """PostgreSQL replaces the rows in one transaction; SQLite swaps files, so it keeps a copy."""
    db = sqlite_db
    admin = make_user(db, "admin", Role.ADMIN)
    _add_org(db, admin, "Prima")
    first = backup.backup(db, admin, tmp_path / "prima.sqlite3")
    _add_org(db, admin, "Seconda")
    safety = backup.restore(db, admin, first)
    assert safety is not None and safety.exists()
    saved = Database("sqlite:///" + safety.as_posix())
    assert _org_names(saved) == ["Prima", "Seconda"]
    saved.dispose()


def test_restore_refuses_what_is_not_a_backup(db: Database, admin: Actor, tmp_path: Path) -> None:
    junk = tmp_path / "foglio.xlsx"
    junk.write_bytes(b"PK\x03\x04 not a database")
    with pytest.raises(ValidationError) as err:
        backup.restore(db, admin, junk)
    assert err.value.fields == {"file": "non è un file di backup di TIT Desktop"}
    with pytest.raises(ValidationError) as missing:
        backup.restore(db, admin, tmp_path / "non-esiste.sqlite3")
    assert "non esiste" in missing.value.fields["file"]


def test_restore_refuses_a_backup_from_a_newer_version(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    target = backup.backup(db, admin, tmp_path / "futuro.sqlite3")
    future = Database("sqlite:///" + target.as_posix())
    with future.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'abcdef999999'")
    future.dispose()
    with pytest.raises(DatabaseVersionError):
        backup.restore(db, admin, target)


def test_backup_refuses_to_overwrite(db: Database, admin: Actor, tmp_path: Path) -> None:
    target = tmp_path / "esiste.sqlite3"
    target.write_text("x")
    with pytest.raises(ValidationError) as err:
        backup.backup(db, admin, target)
    assert "esiste già" in err.value.fields["out"]


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.READ_ONLY])
def test_only_admin_and_coordinator_back_up(
    db: Database, actors: dict[Role, Actor], role: Role, tmp_path: Path
) -> None:
    with pytest.raises(PermissionDenied):
        backup.backup(db, actors[role], tmp_path / "x.sqlite3")
    with pytest.raises(PermissionDenied):
        backup.restore(db, actors[role], tmp_path / "x.sqlite3")
