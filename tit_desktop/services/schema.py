"""Schema migrations with Alembic: where the database stands, and bringing it to head.

Before changing a SQLite file's schema the file is backed up; a migration runs inside one
transaction (PostgreSQL and SQLite both have transactional DDL) and, on SQLite, the
backup is put back if anything still went wrong, so a failed upgrade leaves the database
as it was. A database stamped with a revision this version does not know was written by
a newer version of the application and is refused.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from tit_desktop import paths
from tit_desktop.services import backup
from tit_desktop.services.database import Database
from tit_desktop.services.errors import DatabaseBusy, DatabaseVersionError, ServiceError

log = logging.getLogger(__name__)


class SchemaState(enum.Enum):
    EMPTY = "vuoto"
    OLD = "da aggiornare"
    CURRENT = "aggiornato"
    NEWER = "più recente dell'applicazione"
    FOREIGN = "non è un database di TIT Desktop"


@dataclass(frozen=True)
class SchemaStatus:
    current: str | None
    head: str
    state: SchemaState


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup_path: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def alembic_config(script_location: Path | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location or paths.migrations_path()))
    return config


def head_revision(script_location: Path | None = None) -> str:
    script = ScriptDirectory.from_config(alembic_config(script_location))
    head = script.get_current_head()
    assert head is not None, "no migrations found"
    return head


def knows_revision(revision: str, script_location: Path | None = None) -> bool:
    """Whether this version of the application has the migration ``revision`` (a database
    or backup stamped with an unknown one was written by a newer version)."""
    script = ScriptDirectory.from_config(alembic_config(script_location))
    try:
        script.get_revision(revision)
    except Exception:  # alembic raises several kinds for an unknown revision
        return False
    return True


def status(db: Database, script_location: Path | None = None) -> SchemaStatus:
    script = ScriptDirectory.from_config(alembic_config(script_location))
    head = script.get_current_head()
    assert head is not None
    with db.engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        tables = set(inspect(connection).get_table_names())
    if current is None:
        state = SchemaState.EMPTY if not tables else SchemaState.FOREIGN
    elif current == head:
        state = SchemaState.CURRENT
    else:
        known = knows_revision(current, script_location)
        state = SchemaState.OLD if known else SchemaState.NEWER
    return SchemaStatus(current=current, head=head, state=state)


def upgrade(
    db: Database, script_location: Path | None = None, make_backup: bool = True
) -> UpgradeResult:
    """Bring the database to head. Backs a SQLite file up first unless it is new."""
    before = status(db, script_location)
    if before.state is SchemaState.NEWER:
        raise DatabaseVersionError(
            "Questo database è stato aggiornato da una versione più recente di TIT Desktop "
            f"(revisione {before.current}). Installate l'ultima versione dell'applicazione "
            "prima di aprirlo; il database non è stato modificato."
        )
    if before.state is SchemaState.FOREIGN:
        raise DatabaseVersionError(
            "Il database indicato contiene già delle tabelle ma non è un database di "
            "TIT Desktop: non è stato modificato. Indicate un database vuoto o di TIT Desktop."
        )
    if before.state is SchemaState.CURRENT:
        return UpgradeResult(before.current, before.head, None)

    backup_path = None
    if make_backup and db.is_sqlite and before.state is SchemaState.OLD:
        backup_path = backup.automatic_backup(db, reason=f"prima-aggiornamento-{before.current}")

    config = alembic_config(script_location)
    try:
        # A write transaction (IMMEDIATE on SQLite): two PCs starting the new version at the
        # same moment migrate one after the other, and the second finds nothing left to do.
        with db.write_connection() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except DatabaseBusy:
        raise  # nothing was written: the lock was never ours
    except Exception as exc:
        log.exception("Migration from %s failed", before.current)
        if backup_path is not None:
            backup.restore_sqlite_file(db, backup_path)
        raise ServiceError(
            "Aggiornamento del database non riuscito; il database è rimasto com'era. "
            f"Dettaglio tecnico: {exc}"
        ) from exc
    log.info("Database upgraded from %s to %s", before.current, before.head)
    return UpgradeResult(before.current, before.head, backup_path)
