"""Schema migrations with Alembic: where the database stands, and bringing it to head.

Before changing a SQLite file's schema the file is backed up; a migration runs inside one
transaction (PostgreSQL and SQLite both have transactional DDL) and, on SQLite, the
backup is put back if anything still went wrong, so a failed upgrade leaves the database
as it was. A database stamped with a revision this version does not know was written by
a newer version of the application and is refused.

Alembic is imported only to migrate. Every start checks the schema, and on the usual path
(the database is at head) that check is one plain query of ``alembic_version`` compared with
the head revision read from the migration files' ``revision``/``down_revision`` lines, so
the window does not wait for Alembic to load.
"""

from __future__ import annotations

import enum
import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from tit_desktop import paths
from tit_desktop.services.database import Database
from tit_desktop.services.errors import DatabaseBusy, DatabaseVersionError, ServiceError
from tit_desktop.services.permissions import Actor

if TYPE_CHECKING:
    from alembic.config import Config

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
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location or paths.migrations_path()))
    return config


_REVISION_LINE = re.compile(
    r"""^(?P<key>revision|down_revision)\s*(?::[^=]*)?=\s*(?:["'](?P<id>[^"']+)["']|None)\s*$""",
    re.MULTILINE,
)


@dataclass(frozen=True)
class RevisionGraph:
    """The migrations as written in ``versions/``: each revision and the one it follows."""

    parents: dict[str, str | None]

    @property
    def head(self) -> str:
        followed = set(self.parents.values())
        heads = [revision for revision in self.parents if revision not in followed]
        if len(heads) != 1:
            raise RuntimeError(f"the migrations must have exactly one head, not {heads}")
        return heads[0]


@functools.lru_cache(maxsize=8)
def _revision_graph(versions: Path) -> RevisionGraph:
    parents: dict[str, str | None] = {}
    for file in sorted(versions.glob("*.py")):
        found = {m["key"]: m["id"] for m in _REVISION_LINE.finditer(file.read_text("utf-8"))}
        if "revision" not in found or "down_revision" not in found:
            raise RuntimeError(f"{file.name}: revision or down_revision not found")
        revision = found["revision"]
        assert revision is not None
        parents[revision] = found["down_revision"]
    if not parents:
        raise RuntimeError(f"no migrations found in {versions}")
    return RevisionGraph(parents)


def revision_graph(script_location: Path | None = None) -> RevisionGraph:
    return _revision_graph((script_location or paths.migrations_path()) / "versions")


def head_revision(script_location: Path | None = None) -> str:
    return revision_graph(script_location).head


def knows_revision(revision: str, script_location: Path | None = None) -> bool:
    """Whether this version of the application has the migration ``revision`` (a database
    or backup stamped with an unknown one was written by a newer version)."""
    return revision in revision_graph(script_location).parents


def status(db: Database, script_location: Path | None = None) -> SchemaStatus:
    head = head_revision(script_location)
    with db.engine.connect() as connection:
        inspector = inspect(connection)
        current: str | None = None
        if inspector.has_table("alembic_version"):
            stamped = connection.execute(text("SELECT version_num FROM alembic_version")).all()
            if len(stamped) > 1:
                raise DatabaseVersionError(
                    "Il database indica più versioni dello schema insieme: non è stato "
                    "modificato. Rivolgetevi all'assistenza."
                )
            current = stamped[0][0] if stamped else None
        tables = set(inspector.get_table_names()) if current is None else set()
    if current is None:
        state = SchemaState.EMPTY if not tables else SchemaState.FOREIGN
    elif current == head:
        state = SchemaState.CURRENT
    else:
        known = knows_revision(current, script_location)
        state = SchemaState.OLD if known else SchemaState.NEWER
    return SchemaStatus(current=current, head=head, state=state)


def refuse_unusable(found: SchemaStatus) -> None:
    """Refuse a database this version cannot use: written by a newer version, or not
    ours (tables without our stamp)."""
    if found.state is SchemaState.NEWER:
        raise DatabaseVersionError(
            "Questo database è stato aggiornato da una versione più recente di TIT Desktop "
            f"(revisione {found.current}). Installate l'ultima versione dell'applicazione "
            "prima di aprirlo; il database non è stato modificato."
        )
    if found.state is SchemaState.FOREIGN:
        raise DatabaseVersionError(
            "Il database indicato contiene già delle tabelle ma non è un database di "
            "TIT Desktop: non è stato modificato. Indicate un database vuoto o di TIT Desktop."
        )


def record_upgrade(db: Database, actor: Actor, result: UpgradeResult) -> None:
    """Write who brought the schema from one revision to the other in the audit log."""
    from tit_desktop.models.audit import AuditAction
    from tit_desktop.services import audit

    with db.transaction(actor) as session:
        audit.record(
            session,
            actor,
            AuditAction.UPDATE,
            "database",
            detail="aggiornamento dello schema",
            changes={"revisione": [result.from_revision, result.to_revision]},
        )


def upgrade(
    db: Database, script_location: Path | None = None, make_backup: bool = True
) -> UpgradeResult:
    """Bring the database to head. Backs a SQLite file up first unless it is new."""
    before = status(db, script_location)
    refuse_unusable(before)
    if before.state is SchemaState.CURRENT:
        return UpgradeResult(before.current, before.head, None)

    from alembic import command

    from tit_desktop.services import backup

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
