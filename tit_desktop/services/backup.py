"""Backups are always a single SQLite file, whatever the database.

A SQLite database is copied with SQLite's online backup API (consistent while others
write); a PostgreSQL database is copied row by row into a new SQLite file with the same
schema. A backup can be restored into either kind of database, so a backup also moves an
office from one PC to a shared server and back.
"""

from __future__ import annotations

import datetime as dt
import errno
import itertools
import logging
import os
import re
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Engine,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    TypeDecorator,
    func,
    inspect,
    literal,
    select,
    text,
)
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.orm import Session

from tit_desktop import paths
from tit_desktop.models import AuditEntry, Base, User
from tit_desktop.models.audit import AuditAction
from tit_desktop.services import audit, clock
from tit_desktop.services.audit_text import DAILY_BACKUP_DETAIL
from tit_desktop.services.database import Database, is_busy
from tit_desktop.services.errors import (
    DatabaseVersionError,
    ServiceError,
    ValidationError,
)
from tit_desktop.services.permissions import Actor, Permission, require

log = logging.getLogger(__name__)

AUTOMATIC_BACKUPS_KEPT = 10
SQLITE_HEADER = b"SQLite format 3\x00"
_BATCH = 2_000


def _stamp() -> str:
    return clock.utcnow().astimezone().strftime("%Y%m%d-%H%M%S")


# Our files hold personal data: readable by their owner only (POSIX; Windows keeps the
# user folder's own permissions).
_PRIVATE = 0o600
# A file being written: never listed, counted or restored; renamed when complete.
_PART = ".part"


def _create_private(path: Path) -> None:
    """Create ``path`` empty, readable by its owner only; FileExistsError if it exists
    (an exclusive creation: two writers never pick the same name)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _PRIVATE)
    os.close(fd)


def _private_temp(folder: Path, name: str) -> Path:
    """A new empty private file ``folder/name-<n>.part`` (a name no one else holds)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in itertools.count(1):
        candidate = folder / f"{name}-{n}{_PART}"
        try:
            _create_private(candidate)
        except FileExistsError:
            continue
        return candidate
    raise AssertionError("unreachable")


def _remove_sqlite_file(path: Path) -> None:
    for extra in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + extra).unlink(missing_ok=True)


def _publish(part: Path, target: Path, *, numbered: bool) -> Path:
    """Give a complete file its final name. ``numbered``: when the name is taken (two
    backups in the same second), ``name-2.sqlite3``, ``name-3.sqlite3``...; otherwise a
    taken name is refused. Never replaces an existing file."""
    for n in itertools.count(1):
        final = target if n == 1 else target.with_name(f"{target.stem}-{n}{target.suffix}")
        try:
            os.link(part, final)  # atomic, and fails when ``final`` exists
        except FileExistsError:
            if not numbered:
                raise ValidationError({"out": f"il file {target} esiste già"}) from None
            continue
        except OSError:  # a file system without hard links (some network shares)
            if final.exists():
                if not numbered:
                    raise ValidationError({"out": f"il file {target} esiste già"}) from None
                continue
            os.replace(part, final)
            return final
        part.unlink()
        return final
    raise AssertionError("unreachable")


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


def _write_backup(db: Database, target: Path, *, numbered: bool = False) -> Path:
    """Write the backup under a temporary name next to ``target`` and give it its name
    only once complete: a backup interrupted (a crash, a full disk) leaves no file that
    looks like a backup. Returns the name given (see :func:`_publish`)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() and not numbered:
        raise ValidationError({"out": f"il file {target} esiste già"})
    part = _private_temp(target.parent, "." + target.name)
    try:
        if db.sqlite_path is not None:
            _sqlite_copy(db.sqlite_path, part)
        else:
            _write_postgres_backup(db, part)
        return _publish(part, target, numbered=numbered)
    except BaseException as exc:
        _remove_sqlite_file(part)  # never leave half a backup behind
        if _disk_full(exc) or isinstance(exc, sqlite3.Error | OSError):
            raise _write_failed(target, exc) from exc
        raise


def _write_postgres_backup(db: Database, part: Path) -> None:
    from tit_desktop.services import schema

    current = schema.status(db)
    if current.state is not schema.SchemaState.CURRENT:
        raise DatabaseVersionError(
            "Il database va aggiornato prima del backup (tit-desktop db upgrade)."
        )
    file_db = Database("sqlite:///" + part.as_posix())
    try:
        schema.upgrade(file_db, make_backup=False)
        with file_db.engine.begin() as conn:
            _copy_rows(db.engine, conn)
    finally:
        file_db.dispose()


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


def _is_backup_file(path: Path) -> bool:
    """Whether ``path`` is a complete SQLite file (an empty file, or one cut short before
    its header, is not a backup)."""
    try:
        with path.open("rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


# A temporary file (a backup being written, a restore's staged copy) older than this was
# left by a process that was killed: no one is still writing it.
_STALE_PART = dt.timedelta(hours=1)


def _remove_stale_parts(folder: Path) -> None:
    """Delete the temporary files that killed processes left (they hold personal data)."""
    limit = (clock.utcnow() - _STALE_PART).timestamp()
    for file in folder.glob(f".*{_PART}*"):
        try:
            if file.stat().st_mtime < limit:
                file.unlink()
        except OSError:  # removed meanwhile, or not ours to remove
            continue


# Automatic backups: before a migration or a restore ("tit-<stamp>-prima-...") and once a
# day ("tit-<stamp>-giornaliero"). The newest ``backups_kept`` of them are kept.
DAILY = "giornaliero"
_AUTOMATIC_PATTERNS = ("tit-*-prima-*.sqlite3", f"tit-*-{DAILY}*.sqlite3")
_DAILY_NAME = re.compile(rf"^tit-(\d{{8}})-(\d{{6}})-{DAILY}(?:-\d+)?\.sqlite3$")


@dataclass(frozen=True)
class BackupPlace:
    """Where automatic backups go and how many are kept (the settings file's values)."""

    folder: Path  # the configured folder, or the local one
    kept: int = AUTOMATIC_BACKUPS_KEPT
    daily: bool = True
    configured: bool = False  # a folder chosen in the settings (it may be a network share)


def backup_place() -> BackupPlace:
    from tit_desktop.settings import Settings

    current = Settings.load()
    chosen = current.backup_folder.strip()
    return BackupPlace(
        folder=Path(chosen) if chosen else paths.backup_dir(),
        kept=current.backups_kept,
        daily=current.daily_backup,
        configured=bool(chosen),
    )


def backup_folders(place: BackupPlace | None = None) -> list[Path]:
    """The folders that hold backups: the configured one and the local one (where
    backups go when the configured one cannot be reached)."""
    place = place or backup_place()
    local = paths.backup_dir()
    return [place.folder, local] if place.folder != local else [local]


def _files(folder: Path, pattern: str) -> list[Path]:
    """The files of ``folder`` matching ``pattern``; none when the folder cannot be read
    (a network share not reachable now)."""
    try:
        return list(folder.glob(pattern))
    except OSError:
        return []


@dataclass(frozen=True)
class AutomaticBackup:
    path: Path
    # Set when the configured folder could not be used and the backup went to the local
    # folder instead: what to tell the user (Italian).
    warning: str | None = None


def _usable_folder(folder: Path) -> None:
    """Raise OSError unless a backup can be written in ``folder``. The folder itself may be
    created, not its parents: a network share that is not there (not mounted, server off)
    is never created as a local folder."""
    folder.mkdir(exist_ok=True)
    probe = _private_temp(folder, ".prova-scrittura")
    probe.unlink()


def unreachable_warning(folder: Path, reason: str, local: Path) -> str:
    return (
        f"La cartella dei backup {folder} non è raggiungibile ({reason}): il backup è stato "
        f"salvato nella cartella locale {local}. Controllate la rete o la cartella scelta "
        "in Amministrazione > Database."
    )


# What an OSError means, in the words of the office (the system's own may be English).
_OS_REASONS = {
    errno.ENOENT: "la cartella non esiste",
    errno.ENOTDIR: "non è una cartella",
    errno.EACCES: "accesso negato",
    errno.EPERM: "accesso negato",
    errno.EROFS: "la cartella è in sola lettura",
    errno.ENOSPC: "il disco è pieno",
    errno.ETIMEDOUT: "la rete non risponde",
    errno.EHOSTUNREACH: "il server non è raggiungibile",
    errno.ENETUNREACH: "la rete non è raggiungibile",
    errno.EHOSTDOWN: "il server è spento o non raggiungibile",
}


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ServiceError):
        return exc.message
    if isinstance(exc, OSError):
        return _OS_REASONS.get(exc.errno or 0) or exc.strerror or str(exc)
    return str(exc)


def _write_in_place(db: Database, name: str, place: BackupPlace) -> AutomaticBackup:
    """Write ``name`` in the configured folder, or in the local one when that fails
    (saying so); keep the newest ``place.kept`` automatic backups of the folder used."""
    local = paths.backup_dir()
    warning = None
    if place.folder != local:
        try:
            _usable_folder(place.folder)
            target = _write_backup(db, place.folder / name, numbered=True)
        except (OSError, ServiceError) as exc:
            # Whatever failed there (the share, its disk, its permissions) is tried again in
            # the local folder; a failure of the database itself fails there too, and says so.
            warning = unreachable_warning(place.folder, _reason(exc), local)
            log.warning("Backup folder %s unusable (%s); writing locally", place.folder, exc)
        else:
            _prune_automatic(place.folder, place.kept)
            return AutomaticBackup(target)
    target = _write_backup(db, local / name, numbered=True)
    _prune_automatic(local, place.kept)
    return AutomaticBackup(target, warning)


def _prune_automatic(folder: Path, kept: int = AUTOMATIC_BACKUPS_KEPT) -> None:
    """Keep the newest ``kept`` automatic backups; files that are not a backup (empty, cut
    short: left by an older version interrupted) are deleted and do not count among them."""
    complete = []
    for pattern in _AUTOMATIC_PATTERNS:
        for file in _files(folder, pattern):
            if _is_backup_file(file):
                complete.append(file)
            else:
                log.warning("Deleting %s: not a complete backup", file)
                file.unlink(missing_ok=True)
    complete.sort(key=lambda f: f.name)  # the names begin with their moment
    for old in complete[: max(len(complete) - kept, 0)]:
        old.unlink(missing_ok=True)
    _remove_stale_parts(folder)


def automatic_backup(db: Database, reason: str) -> Path:
    """A backup taken by the application itself (before a migration or a restore), in the
    configured backup folder (the local one when it cannot be reached); keeps the newest
    N. Two in the same second get different names."""
    written = _write_in_place(db, f"tit-{_stamp()}-{reason}.sqlite3", backup_place())
    log.info("Automatic backup written to %s", written.path)
    return written.path


def last_daily_backup_day(place: BackupPlace | None = None) -> dt.date | None:
    """The day (local) of the newest complete daily backup, read from the names (written
    from the application's clock), in the configured and the local folder."""
    days = []
    for folder in backup_folders(place):
        for file in _files(folder, f"tit-*-{DAILY}*.sqlite3"):
            found = _DAILY_NAME.match(file.name)
            if found and _is_backup_file(file):
                days.append(dt.datetime.strptime(found.group(1), "%Y%m%d").date())
    return max(days) if days else None


def _local_today() -> dt.date:
    return clock.utcnow().astimezone().date()


def daily_backup_due(db: Database, place: BackupPlace | None = None) -> bool:
    """Whether the daily backup is to be taken now: enabled, a SQLite database (a shared
    server is backed up on the server, see :func:`daily_backup`), and none taken today."""
    place = place or backup_place()
    if not place.daily or db.sqlite_path is None:
        return False
    last = last_daily_backup_day(place)
    return last is None or last < _local_today()


def daily_backup(db: Database, actor: Actor) -> AutomaticBackup | None:
    """The automatic backup of the day, when due (None otherwise); recorded in the
    activity log. The application's own action: no permission is asked of the user who
    happens to be logged in.

    Only for a SQLite database. A shared PostgreSQL server holds every office's data:
    each PC copying all of it every day would spread the most sensitive data over every
    desk and load the server at every morning's start. Its backups are ``tit-desktop db
    backup`` (scheduled on one machine) or the server's own; the warning after a week
    without a backup applies to it too (backups are read from the shared activity log).
    """
    place = backup_place()
    if not daily_backup_due(db, place):
        return None
    written = _write_in_place(db, f"tit-{_stamp()}-{DAILY}.sqlite3", place)
    detail = f"{DAILY_BACKUP_DETAIL}{written.path}"
    with db.transaction(actor) as session:
        audit.record(session, actor, AuditAction.BACKUP, "database", detail=detail)
    log.info("Daily backup written to %s", written.path)
    return written


def configure_backups(db: Database, actor: Actor, folder: str, kept: int, daily: bool) -> None:
    """Save this PC's backup settings (the folder, empty for the local one; how many
    automatic backups are kept; the daily backup on or off). Checked first, audited: a
    folder changed to a USB stick or someone's share is on record."""
    from tit_desktop.settings import BACKUPS_KEPT_RANGE, Settings

    db.require(actor, Permission.MANAGE_DATABASE)
    errors: dict[str, str] = {}
    chosen = folder.strip()
    if chosen:
        place = Path(chosen)
        if not place.is_absolute():
            errors["backup_folder"] = "indicare il percorso completo della cartella"
        elif not place.is_dir():
            errors["backup_folder"] = f"la cartella {chosen} non esiste o non è raggiungibile"
        else:
            try:
                _usable_folder(place)
            except OSError as exc:
                errors["backup_folder"] = (
                    f"nella cartella {chosen} non si può scrivere ({_reason(exc)})"
                )
    low, high = BACKUPS_KEPT_RANGE
    if not low <= kept <= high:
        errors["backups_kept"] = f"indicare un numero da {low} a {high}"
    if errors:
        raise ValidationError(errors)
    current = Settings.load()
    before = {
        "cartella": current.backup_folder,
        "conservati": current.backups_kept,
        "giornaliero": current.daily_backup,
    }
    after = {"cartella": chosen, "conservati": kept, "giornaliero": daily}
    changes = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
    if not changes:
        return
    current.backup_folder, current.backups_kept, current.daily_backup = chosen, kept, daily
    current.save()
    with db.transaction(actor) as session:
        audit.record(
            session,
            actor,
            AuditAction.UPDATE,
            "database",
            detail="impostazioni dei backup automatici di questo PC",
            changes=changes,
        )


STALE_BACKUP_DAYS = 7


@dataclass(frozen=True)
class OverdueBackup:
    days: int | None  # since the last backup; None: there has never been one
    text: str  # the warning, in Italian


def backup_overdue(session: Session, today: dt.date | None = None) -> OverdueBackup | None:
    """The warning to show when the last backup recorded in the activity log (made by
    anyone, from any PC: daily, from the window or ``db backup``) is older than a week,
    or there is none; None when a recent one exists. Reads only the database (a network
    folder that does not answer never delays it)."""
    today = today or _local_today()
    last = session.scalar(
        select(func.max(AuditEntry.at)).where(AuditEntry.action == AuditAction.BACKUP)
    )
    if last is None:
        return OverdueBackup(None, "Nessun backup del database è stato ancora eseguito.")
    day = last.astimezone().date()
    days = (today - day).days
    if days <= STALE_BACKUP_DAYS:
        return None
    return OverdueBackup(
        days, f"L'ultimo backup del database risale a {days} giorni fa ({day:%d/%m/%Y})."
    )


def backup_to_folder(db: Database, actor: Actor, out: Path | None = None) -> AutomaticBackup:
    """A backup asked for by a user: to ``out``, or without it in the backup folder (the
    local one when the configured one cannot be reached: the result's warning says so)."""
    db.require(actor, Permission.MANAGE_DATABASE)
    if out is None:
        written = _write_in_place(db, f"tit-{_stamp()}.sqlite3", backup_place())
    else:
        written = AutomaticBackup(_write_backup(db, Path(out)))
    with db.transaction(actor) as session:
        audit.record(session, actor, AuditAction.BACKUP, "database", detail=str(written.path))
    return written


def backup(db: Database, actor: Actor, out: Path | None = None) -> Path:
    return backup_to_folder(db, actor, out).path


@dataclass(frozen=True)
class BackupFile:
    path: Path
    size: int  # bytes
    written_at: dt.datetime  # aware, UTC


def list_backups(actor: Actor, folder: Path | None = None) -> list[BackupFile]:
    """The backup files in the backup folder (automatic ones and those saved there) and in
    the local one (where they go when that cannot be reached), the newest first."""
    require(actor, Permission.MANAGE_DATABASE)
    found = []
    folders = [folder] if folder is not None else backup_folders()
    for file in (f for place in folders for f in _files(place, "*.sqlite3")):
        if not _is_backup_file(file):
            continue
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


# --- restore ------------------------------------------------------------------------------
#
# A backup file is whatever the person holding it made of it: it may have been edited with
# any SQLite tool. So it is never put in place as it is. A private copy of it is checked
# (integrity, schema, types, foreign keys, audit log), brought to the current schema, and
# only then are its rows copied into the database's own tables (created by our migrations,
# with our constraints) in ONE transaction that also records the restore: until that
# transaction commits, nothing of the database has changed, and anything failing before
# (a check, a row that breaks a constraint, a crash, a full disk) rolls it all back.

NOT_A_BACKUP = "non è un file di backup di TIT Desktop"
# Clocks of the office's PCs may disagree by this much without it meaning anything: an
# audit row may be dated this far after the restore's moment, or before an earlier row.
AUDIT_CLOCK_TOLERANCE = dt.timedelta(minutes=10)


def _refused(reason: str) -> ValidationError:
    return ValidationError({"file": f"{reason}. Il database non è stato modificato."})


def _check_backup_file(file: Path) -> None:
    if not file.is_file():
        raise ValidationError({"file": f"il file {file} non esiste"})
    if not _is_backup_file(file):
        raise ValidationError({"file": NOT_A_BACKUP})


def _stage(file: Path) -> Path:
    """A private copy of the backup file to check and migrate (the user's file is never
    changed). SQLite's backup API copies any page size."""
    staging = _private_temp(paths.backup_dir(), ".ripristino")
    try:
        _sqlite_copy(file, staging)
    except sqlite3.DatabaseError as exc:
        _remove_sqlite_file(staging)
        raise _refused(f"{NOT_A_BACKUP}: il file è danneggiato ({exc})") from exc
    except BaseException:
        _remove_sqlite_file(staging)
        raise
    return staging


def _integrity_errors(conn: Connection) -> list[str]:
    rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check(5)")]
    return [] if rows == ["ok"] else rows


def _check_revision(staged: Database) -> str:
    from tit_desktop.services import schema

    try:
        found = schema.status(staged)
    except DatabaseVersionError as exc:
        raise _refused(f"{NOT_A_BACKUP}: indica più versioni dello schema insieme") from exc
    if found.state in (schema.SchemaState.EMPTY, schema.SchemaState.FOREIGN):
        raise _refused(NOT_A_BACKUP)
    if found.state is schema.SchemaState.NEWER:
        raise DatabaseVersionError(
            "Il backup è stato scritto da una versione più recente di TIT Desktop: "
            "aggiornate l'applicazione prima di ripristinarlo."
        )
    assert found.current is not None
    return found.current


def _check_tables(conn: Connection) -> None:
    """The file holds exactly the application's tables, each with exactly its columns."""
    inspector = inspect(conn)
    present = set(inspector.get_table_names())
    expected = {t.name for t in Base.metadata.sorted_tables}
    missing = sorted(expected - present)
    if missing:
        raise _refused(f"{NOT_A_BACKUP}: mancano le tabelle {', '.join(missing)}")
    foreign = sorted(present - expected - {"alembic_version"})
    if foreign:
        raise _refused(f"{NOT_A_BACKUP}: contiene tabelle estranee ({', '.join(foreign)})")
    for table in Base.metadata.sorted_tables:
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        wanted = set(table.columns.keys())
        if columns != wanted:
            diff = sorted(columns ^ wanted)
            raise _refused(
                f"{NOT_A_BACKUP}: le colonne della tabella {table.name} non sono quelle "
                f"attese ({', '.join(diff)})"
            )


_SQLITE = sqlite_dialect()


def _storage_classes(column: Column[Any]) -> tuple[str, ...] | None:
    """What SQLite may hold in the column (it accepts any value in any column unless
    told otherwise): the storage classes our types write, or None for no check."""
    kind = column.type.dialect_impl(_SQLITE)
    if isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    if isinstance(kind, Integer | Boolean):
        return ("integer",)
    if isinstance(kind, Numeric):
        return ("integer", "real", "text")
    if isinstance(kind, String | DateTime | Date | JSON):
        return ("text",)
    if isinstance(kind, LargeBinary):
        return ("blob",)
    return None


def _check_values(conn: Connection) -> None:
    """Every value is of its column's kind, and every date reads as a date."""
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            classes = _storage_classes(column)
            if classes is None:
                continue
            kind = column.type.dialect_impl(_SQLITE)
            is_moment = isinstance(kind, DateTime | Date) or (
                isinstance(kind, TypeDecorator) and isinstance(kind.impl_instance, DateTime)
            )
            name = f'"{column.name}"'
            wrong = f"typeof({name}) NOT IN ({', '.join(repr(c) for c in classes)})"
            if is_moment:
                wrong += f" OR julianday({name}) IS NULL"
            row = conn.exec_driver_sql(
                f'SELECT rowid FROM "{table.name}" WHERE {name} IS NOT NULL AND ({wrong}) LIMIT 1'
            ).first()
            if row is not None:
                raise _refused(
                    f"{NOT_A_BACKUP}: la tabella {table.name} contiene un valore non valido "
                    f"nella colonna {column.name} (riga {row[0]})"
                )


def _check_foreign_keys(conn: Connection) -> None:
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
    if broken is not None:
        raise _refused(
            f"{NOT_A_BACKUP}: la tabella {broken[0]} (riga {broken[1]}) rimanda a un record "
            f"inesistente della tabella {broken[2]}"
        )


def _check_audit_log(conn: Connection) -> None:
    """What the audit log itself can show today: rows in the order they were written (an id
    never dated well before an earlier id) and none dated in the future. Its columns were
    checked with the other tables'; then the audit chain (services.audit_chain) on the same
    staged copy, migrated to the current schema."""
    tolerance_days = AUDIT_CLOCK_TOLERANCE / dt.timedelta(days=1)
    limit = (clock.utcnow() + AUDIT_CLOCK_TOLERANCE).astimezone(dt.UTC).replace(tzinfo=None)
    future = conn.exec_driver_sql(
        "SELECT id, at FROM audit_log WHERE julianday(at) > julianday(?) ORDER BY id LIMIT 1",
        (limit.isoformat(sep=" "),),
    ).first()
    if future is not None:
        raise _refused(
            f"il registro delle attività del backup non è attendibile: la riga {future[0]} "
            f"è datata {str(future[1])[:19]} UTC, nel futuro"
        )
    backdated = conn.exec_driver_sql(
        "SELECT id, at, datetime(before) FROM ("
        " SELECT id, at, MAX(julianday(at)) OVER ("
        "  ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before"
        " FROM audit_log) WHERE julianday(at) < before - ? ORDER BY id LIMIT 1",
        (tolerance_days,),
    ).first()
    if backdated is not None:
        raise _refused(
            f"il registro delle attività del backup non è attendibile: la riga "
            f"{backdated[0]} è datata {str(backdated[1])[:19]} UTC, prima di una riga "
            f"scritta in precedenza ({backdated[2]} UTC)"
        )
    # Each row holds the hash of the previous one: a row rewritten, deleted or back-dated
    # in the file is found here, before the file replaces anything.
    from tit_desktop.services import audit_chain

    chain = audit_chain.verify(conn)
    if not chain.intact:
        raise _refused(
            "il registro delle attività del backup non è attendibile: " + chain.describe()
        )


def _validate(staged: Database) -> dict[str, int]:
    """Check the staged copy and bring it to the current schema; raises ValidationError
    (or DatabaseVersionError) naming the first problem. Returns its row counts."""
    from tit_desktop.services import schema

    with staged.engine.connect() as conn:
        damage = _integrity_errors(conn)
    if damage:
        raise _refused(f"{NOT_A_BACKUP}: il file è danneggiato ({'; '.join(damage)})")
    revision = _check_revision(staged)
    try:
        schema.upgrade(staged, make_backup=False)
    except ServiceError as exc:
        raise _refused(
            f"{NOT_A_BACKUP}: le sue tabelle non sono quelle della versione {revision}"
        ) from exc
    with staged.engine.connect() as conn:
        _check_tables(conn)
        _check_values(conn)
        _check_foreign_keys(conn)
        _check_audit_log(conn)
    return row_counts(staged)


def _has_rows(db: Database) -> bool:
    with db.engine.connect() as conn:
        return any(
            conn.execute(select(literal(1)).select_from(t).limit(1)).first() is not None
            for t in Base.metadata.sorted_tables
        )


def _signer(conn: Connection, actor: Actor) -> Actor:
    """Who signs the restore's audit row in the restored data: the same user when the
    backup holds them under the same id, else the name alone (no foreign key to a user
    the restored data does not have, or has under that id as someone else)."""
    if actor.user_id is None:
        return actor
    name = conn.execute(select(User.username).where(User.id == actor.user_id)).scalar()
    return actor if name == actor.username else replace(actor, user_id=None)


def _copy_attached(conn: Connection) -> dict[str, int]:
    """SQLite onto SQLite: the staged file is attached, and each table is copied by one
    INSERT ... SELECT inside SQLite (its values were checked on the staged copy; our
    tables' constraints check them again as they are inserted)."""
    counts: dict[str, int] = {}
    tables: list[Table] = [*Base.metadata.sorted_tables]
    for table in tables:
        columns = ", ".join(f'"{c.name}"' for c in table.columns)
        result = conn.exec_driver_sql(
            f'INSERT INTO main."{table.name}" ({columns}) '
            f'SELECT {columns} FROM staged."{table.name}"'
        )
        counts[table.name] = result.rowcount
    conn.exec_driver_sql("DELETE FROM main.alembic_version")
    conn.exec_driver_sql(
        "INSERT INTO main.alembic_version (version_num) "
        "SELECT version_num FROM staged.alembic_version"
    )
    return counts


def _replace_rows(
    db: Database, staged: Database, staging: Path, actor: Actor, file: Path
) -> dict[str, int]:
    """In one write transaction: empty every table, copy the staged rows, record the
    restore. Nothing is committed unless all of it succeeded."""
    with db.write_engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:  # ATTACH is refused inside a transaction: before it begins
            conn.connection.dbapi_connection.execute(  # type: ignore[union-attr]
                "ATTACH DATABASE ? AS staged", (str(staging),)
            )
        try:
            with conn.begin():
                conn.execution_options(**audit.audited_elsewhere("ripristino di un backup"))
                if sqlite:
                    conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
                    # A locked expenditure refuses a DELETE (migration 0013's trigger):
                    # every row goes, so the locks are lifted first, in this transaction.
                    conn.exec_driver_sql(
                        "UPDATE expenditure SET payment_request_id = NULL "
                        "WHERE payment_request_id IS NOT NULL"
                    )
                    for table in reversed(Base.metadata.sorted_tables):
                        conn.execute(table.delete())
                else:
                    names = ", ".join(t.name for t in Base.metadata.sorted_tables)
                    conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
                try:
                    counts = _copy_attached(conn) if sqlite else _copy_rows(staged.engine, conn)
                except (StatementError, ValueError, LookupError) as exc:
                    # A value our tables refuse (a constraint) or our types cannot read.
                    if isinstance(exc, DBAPIError) and is_busy(exc):
                        raise
                    detail = str(exc.orig if isinstance(exc, DBAPIError) else exc)
                    raise _refused(
                        f"{NOT_A_BACKUP}: contiene dati non validi ({detail.splitlines()[0]})"
                    ) from exc
                signer = _signer(conn, actor)
                session = Session(bind=conn)
                try:
                    audit.bind_actor(session, signer)
                    audit.record(session, signer, AuditAction.RESTORE, "database", detail=str(file))
                    session.flush()
                finally:
                    session.close()
        except DBAPIError as exc:
            refusal = db.refusal(exc)
            if refusal is None:
                raise
            raise refusal from exc
        finally:
            if sqlite:
                conn.connection.dbapi_connection.execute(  # type: ignore[union-attr]
                    "DETACH DATABASE staged"
                )
    return counts


def restore(db: Database, actor: Actor, file: Path) -> Path | None:
    """Replace all the data with a backup's (an administrator's action). The file is
    checked before anything is touched; the current data is saved first (the returned
    safety copy, None when the database was empty); the replacement is one transaction.
    Works onto a database with no tables yet (a new server) and between back ends."""
    db.require(actor, Permission.RESTORE_DATABASE)
    from tit_desktop.services import schema

    file = Path(file)
    _check_backup_file(file)
    _remove_stale_parts(paths.backup_dir())
    staging = _stage(file)
    staged = Database("sqlite:///" + staging.as_posix())
    try:
        try:
            _validate(staged)
        except DBAPIError as exc:  # the staged copy is ours alone: not busy, damaged
            reason = str(exc.orig or exc).splitlines()[0]
            raise _refused(f"{NOT_A_BACKUP}: il file è danneggiato ({reason})") from exc
        # The database itself: created on a new one, brought to the current schema on an
        # old one (backed up first), refused when newer or not ours.
        schema.upgrade(db)
        safety = automatic_backup(db, reason="prima-ripristino") if _has_rows(db) else None
        counts = _replace_rows(db, staged, staging, actor, file)
    finally:
        staged.dispose()
        _remove_sqlite_file(staging)
    log.info("Restored %s (%s rows)", file, sum(counts.values()))
    return safety


def row_counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar() or 0)
            for t in Base.metadata.sorted_tables
        }
