"""Backups are always a single SQLite file, whatever the database.

A SQLite database is copied with SQLite's online backup API (consistent while others
write); a PostgreSQL database is copied row by row into a new SQLite file with the same
schema. A backup can be restored into either kind of database, so a backup also moves an
office from one PC to a shared server and back.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Engine, MetaData, Table, func, inspect, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from tit_desktop import paths
from tit_desktop.models import AuditEntry, Base
from tit_desktop.models.audit import AuditAction
from tit_desktop.services import audit, clock
from tit_desktop.services.database import Database, create_db_engine
from tit_desktop.services.errors import DatabaseVersionError, ServiceError, ValidationError
from tit_desktop.services.permissions import Actor, Permission, require

log = logging.getLogger(__name__)

AUTOMATIC_BACKUPS_KEPT = 10
_BATCH = 2_000


def _stamp() -> str:
    return clock.utcnow().astimezone().strftime("%Y%m%d-%H%M%S")


def _sqlite_copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _copy_rows(source: Engine, dst: Connection) -> dict[str, int]:
    """Copy every table of the application (and alembic_version) from source into the
    target connection's open transaction. The target has the same schema and no rows."""
    counts: dict[str, int] = {}
    meta = MetaData()
    meta.reflect(bind=source, only=["alembic_version"])
    tables: list[Table] = [*Base.metadata.sorted_tables, meta.tables["alembic_version"]]
    # A copy of every row is the backup itself, recorded by its own BACKUP/RESTORE row.
    dst.execution_options(**audit.audited_elsewhere("copia del database (backup o ripristino)"))
    with source.connect() as src:
        if dst.dialect.name == "sqlite":
            dst.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        for table in tables:
            if table.name == "alembic_version":
                dst.execute(table.delete())
            result = src.execution_options(yield_per=_BATCH).execute(select(table))
            copied = 0
            for chunk in result.partitions(_BATCH):
                dst.execute(table.insert(), [dict(row._mapping) for row in chunk])
                copied += len(chunk)
            counts[table.name] = copied
        if dst.dialect.name == "postgresql":
            _reset_sequences(dst)
    return counts


def _reset_sequences(conn: Connection) -> None:
    for table in Base.metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not pk[0].autoincrement:
            continue
        column = pk[0].name
        seq = conn.execute(
            text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column}
        ).scalar()
        if seq:
            conn.execute(
                text(
                    f"SELECT setval(:s, COALESCE((SELECT MAX({column}) FROM {table.name}), 0) + 1,"
                    " false)"
                ),
                {"s": seq},
            )


def _write_backup(db: Database, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        raise ValidationError({"out": f"il file {target} esiste già"})
    if db.sqlite_path is not None:
        try:
            _sqlite_copy(db.sqlite_path, target)
        except (OSError, sqlite3.Error) as exc:
            target.unlink(missing_ok=True)  # never leave half a backup behind
            raise _write_failed(target, exc) from exc
        return target
    from tit_desktop.services import schema

    current = schema.status(db)
    if current.state is not schema.SchemaState.CURRENT:
        raise DatabaseVersionError(
            "Il database va aggiornato prima del backup (tit-desktop db upgrade)."
        )
    file_db = Database("sqlite:///" + target.as_posix())
    try:
        schema.upgrade(file_db, make_backup=False)
        with file_db.engine.begin() as conn:
            _copy_rows(db.engine, conn)
    except BaseException as exc:
        file_db.dispose()
        target.unlink(missing_ok=True)
        if _disk_full(exc):
            raise _write_failed(target, exc) from exc
        raise
    file_db.dispose()
    return target


def _disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno == errno.ENOSPC
    if isinstance(exc, DBAPIError):
        exc = exc.orig  # type: ignore[assignment]
    return isinstance(exc, sqlite3.Error) and "disk is full" in str(exc).lower()


def _write_failed(target: Path, exc: BaseException) -> ServiceError:
    if _disk_full(exc):
        reason = "il disco è pieno"
    elif isinstance(exc, OSError) and exc.strerror:
        reason = exc.strerror
    else:
        reason = str(exc)
    return ServiceError(
        f"Backup non riuscito ({reason}): il file {target} non è stato scritto e il database "
        "non è stato modificato. Liberate spazio o scegliete un'altra cartella, poi riprovate."
    )


def automatic_backup(db: Database, reason: str) -> Path:
    """A backup taken by the application itself (before a migration); keeps the newest 10."""
    target = paths.backup_dir() / f"tit-{_stamp()}-{reason}.sqlite3"
    _write_backup(db, target)
    automatic = sorted(paths.backup_dir().glob("tit-*-prima-*.sqlite3"))
    for old in automatic[:-AUTOMATIC_BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    log.info("Automatic backup written to %s", target)
    return target


def backup(db: Database, actor: Actor, out: Path | None = None) -> Path:
    db.require(actor, Permission.MANAGE_DATABASE)
    target = out or paths.backup_dir() / f"tit-{_stamp()}.sqlite3"
    _write_backup(db, Path(target))
    with db.transaction(actor) as session:
        audit.record(session, actor, AuditAction.BACKUP, "database", detail=str(target))
    return Path(target)


@dataclass(frozen=True)
class BackupFile:
    path: Path
    size: int  # bytes
    written_at: dt.datetime  # aware, UTC


def list_backups(actor: Actor, folder: Path | None = None) -> list[BackupFile]:
    """The backup files in the backup folder (automatic ones and those saved there), the
    newest first."""
    require(actor, Permission.MANAGE_DATABASE)
    found = []
    for file in (folder or paths.backup_dir()).glob("*.sqlite3"):
        try:
            info = file.stat()
        except OSError:  # deleted meanwhile
            continue
        written = dt.datetime.fromtimestamp(info.st_mtime, dt.UTC)
        found.append(BackupFile(file, info.st_size, written))
    return sorted(found, key=lambda b: (b.written_at, b.path.name), reverse=True)


def last_backup_at(
    session: Session, actor: Actor, folder: Path | None = None
) -> dt.datetime | None:
    """When the last backup was taken: the newest file of the backup folder or the last
    backup recorded in the audit log (a backup saved in another folder), whichever is later."""
    require(actor, Permission.MANAGE_DATABASE)
    recorded = session.scalar(
        select(func.max(AuditEntry.at)).where(AuditEntry.action == AuditAction.BACKUP)
    )
    files = list_backups(actor, folder)
    moments = [m for m in (recorded, files[0].written_at if files else None) if m is not None]
    return max(moments) if moments else None


def restore_sqlite_file(db: Database, source: Path) -> None:
    """Put a backup file back over the database's SQLite file (whole-file copy)."""
    assert db.sqlite_path is not None
    db.dispose()
    _sqlite_copy(source, db.sqlite_path)


def _backup_revision(file: Path) -> str | None:
    engine = create_db_engine("sqlite:///" + file.as_posix())
    try:
        with engine.connect() as conn:
            if "alembic_version" not in inspect(conn).get_table_names():
                return None
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def _check_backup_file(file: Path) -> str:
    if not file.is_file():
        raise ValidationError({"file": f"il file {file} non esiste"})
    with file.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise ValidationError({"file": "non è un file di backup di TIT Desktop"})
    revision = _backup_revision(file)
    if revision is None:
        raise ValidationError({"file": "non è un file di backup di TIT Desktop"})
    from tit_desktop.services import schema

    if not schema.knows_revision(revision):
        raise DatabaseVersionError(
            "Il backup è stato scritto da una versione più recente di TIT Desktop: "
            "aggiornate l'applicazione prima di ripristinarlo."
        )
    return revision


def restore(db: Database, actor: Actor, file: Path) -> Path | None:
    """Replace all the data with a backup's. The current data is backed up first (SQLite)
    or the whole replacement runs in one transaction (PostgreSQL). Returns the safety copy."""
    db.require(actor, Permission.MANAGE_DATABASE)
    file = Path(file)
    _check_backup_file(file)
    from tit_desktop.services import schema

    safety: Path | None = None
    if db.sqlite_path is not None:
        if db.sqlite_path.exists() and db.sqlite_path.stat().st_size > 0:
            safety = automatic_backup(db, reason="prima-ripristino")
        restore_sqlite_file(db, file)
        schema.upgrade(db)
    else:
        schema.upgrade(db, make_backup=False)
        # Bring a copy of the backup to the same schema, then replace the rows in one go.
        staging = paths.backup_dir() / f"ripristino-{_stamp()}.sqlite3"
        _sqlite_copy(file, staging)
        staging_db = Database("sqlite:///" + staging.as_posix())
        try:
            schema.upgrade(staging_db, make_backup=False)
            names = ", ".join(t.name for t in Base.metadata.sorted_tables)
            with db.engine.begin() as conn:
                conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
                _copy_rows(staging_db.engine, conn)
        finally:
            staging_db.dispose()
            staging.unlink(missing_ok=True)
    with db.transaction(actor) as session:
        audit.record(session, actor, AuditAction.RESTORE, "database", detail=str(file))
    return safety


def row_counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar() or 0)
            for t in Base.metadata.sorted_tables
        }
