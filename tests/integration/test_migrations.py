"""Migrations: linear history, from empty and from an old file, no drift, failures roll
back, newer databases refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from tit_desktop import paths
from tit_desktop.models import Base
from tit_desktop.services import schema, users
from tit_desktop.services.database import Database
from tit_desktop.services.errors import DatabaseVersionError, ServiceError

OLD_DATABASE = Path(__file__).parent.parent / "data" / "tit-rev0001.sqlite3"


def test_history_is_linear_with_one_head() -> None:
    script = ScriptDirectory.from_config(schema.alembic_config())
    assert len(script.get_heads()) == 1
    for revision in script.walk_revisions():
        assert not revision.is_merge_point
        assert not revision.is_branch_point


def test_models_and_migrations_do_not_drift(db: Database) -> None:
    """The equivalent of `alembic check` on each back end."""
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_upgrade_from_empty_creates_every_table(db_url: str) -> None:
    # The fixture's database is migrated already; a brand new SQLite file too:
    db = Database(db_url)
    with db.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    db.dispose()
    assert {t.name for t in Base.metadata.sorted_tables} <= tables


def test_upgrade_of_a_new_sqlite_file(tmp_path: Path) -> None:
    db = Database("sqlite:///" + (tmp_path / "nuovo.sqlite3").as_posix())
    result = schema.upgrade(db)
    assert result.from_revision is None
    assert result.to_revision == schema.head_revision()
    assert result.backup_path is None  # nothing to back up in a new file
    assert schema.status(db).state is schema.SchemaState.CURRENT
    db.dispose()


def test_upgrade_from_a_committed_old_database_keeps_data_and_backs_up(tmp_path: Path) -> None:
    path = tmp_path / "vecchio.sqlite3"
    shutil.copyfile(OLD_DATABASE, path)
    db = Database("sqlite:///" + path.as_posix())
    assert schema.status(db).state is schema.SchemaState.OLD
    result = schema.upgrade(db)
    assert result.from_revision == "0001"
    assert result.to_revision == schema.head_revision()
    assert result.backup_path is not None and result.backup_path.parent == paths.backup_dir()
    assert users.login(db, "vecchio.admin", "Vecchia-password-1").role.value == "admin"
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    db.dispose()
    backup_db = Database("sqlite:///" + result.backup_path.as_posix())
    assert schema.status(backup_db).current == "0001"
    backup_db.dispose()


def _failing_scripts(tmp_path: Path) -> Path:
    """The real migrations plus one that creates a table and then fails."""
    target = tmp_path / "migrations"
    shutil.copytree(paths.migrations_path(), target, ignore=shutil.ignore_patterns("__pycache__"))
    head = schema.head_revision()
    (target / "versions" / "9999_broken.py").write_text(
        f'''"""broken"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("INSERT INTO half_done (id) VALUES (1)")
    raise RuntimeError("migrazione interrotta")


def downgrade() -> None:
    pass
''',
        encoding="utf-8",
    )
    return target


def test_a_failed_migration_leaves_the_database_as_it_was(
    db: Database, admin: object, tmp_path: Path
) -> None:
    scripts = _failing_scripts(tmp_path)
    head = schema.head_revision()
    with pytest.raises(ServiceError) as err:
        schema.upgrade(db, script_location=scripts)
    assert "il database è rimasto com'era" in err.value.message
    db2 = Database(db.url)
    with db2.engine.connect() as conn:
        assert "half_done" not in inspect(conn).get_table_names()
        assert MigrationContext.configure(conn).get_current_revision() == head
        assert conn.execute(text("SELECT username FROM app_user")).scalars().all() == ["admin"]
    db2.dispose()


def test_a_database_from_a_newer_version_is_refused_untouched(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00dcafe9999'"))
    try:
        with pytest.raises(DatabaseVersionError) as err:
            schema.upgrade(db)
        assert "versione più recente di TIT Desktop" in err.value.message
        assert "f00dcafe9999" in err.value.message
        assert schema.status(db).state is schema.SchemaState.NEWER
        with db.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == "f00dcafe9999"
    finally:
        # The PostgreSQL database is shared by the session's tests (emptied, not
        # re-created): later tests that check the schema (a backup) need it current.
        with db.engine.begin() as conn:
            conn.execute(
                text("UPDATE alembic_version SET version_num = :head"),
                {"head": schema.head_revision()},
            )


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    db = Database("sqlite:///" + (tmp_path / "altro.sqlite3").as_posix())
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE clienti (id INTEGER PRIMARY KEY)"))
    with pytest.raises(DatabaseVersionError) as err:
        schema.upgrade(db)
    assert "non è un database di TIT Desktop" in err.value.message
    db.dispose()


def test_sqlite_pragmas_are_set(tmp_path: Path) -> None:
    db = Database("sqlite:///" + (tmp_path / "p.sqlite3").as_posix())
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 15000
    db.dispose()
