"""Engine and short-lived sessions for the embedded SQLite file or a PostgreSQL server."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import NullPool

from tit_desktop.models.audit import AuditAction
from tit_desktop.services import audit, conflicts
from tit_desktop.services.errors import (
    DatabaseBusy,
    PermissionDenied,
    ServiceError,
    StaleRecord,
    ValidationError,
)
from tit_desktop.services.permissions import Actor, Permission, require

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 15_000

BUSY_MESSAGE = "Il database è occupato da un'altra postazione: riprovare tra qualche istante."

# Execution option of the connections that write: on SQLite their transaction begins
# IMMEDIATE (takes the write lock at once, waiting for another writer up to the busy
# timeout) instead of reading first and failing when it then tries to write.
WRITE_OPTION = "tit_desktop_writes"

# SQLite result codes (the low byte of the extended code): SQLITE_BUSY, SQLITE_LOCKED.
_SQLITE_BUSY_CODES = {5, 6}
# PostgreSQL SQLSTATEs that mean "another session is in the way, try again": serialization
# failure, deadlock detected, lock not available (lock_timeout).
_POSTGRES_BUSY_STATES = {"40001", "40P01", "55P03"}

STALE_MESSAGE = (
    "Il record è stato modificato da un altro utente dopo che lo avete aperto. "
    "Le vostre modifiche non sono state salvate: riaprite il record e ripetetele."
)


def parse_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ValidationError({"database_url": f"indirizzo non valido ({url})"}) from exc
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        if parsed.drivername != "postgresql+psycopg":
            parsed = parsed.set(drivername="postgresql+psycopg")
    elif backend != "sqlite":
        raise ValidationError(
            {"database_url": "sono supportati solo SQLite (sqlite:///...) e PostgreSQL"}
        )
    return parsed


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A deferred BEGIN takes the write lock only at the first write, and SQLite cannot
        # wait for it there (the transaction's snapshot may be stale): it fails at once with
        # "database is locked". A write transaction takes the lock up front, and waits.
        writes = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def _create_private_file(path: Path) -> None:
    """Create a new database file readable by its owner only (it holds personal data;
    SQLite would create it readable by everyone). Its -wal and -shm files, which SQLite
    creates later, take the same permissions."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:  # it exists, or the folder is read-only: opening it will say why
        return
    os.close(fd)


def create_db_engine(
    url: str | URL, *, sqlite_busy_timeout_ms: int | None = None, **kwargs: Any
) -> Engine:
    parsed = parse_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
                _create_private_file(Path(parsed.database))
            except OSError as exc:
                raise ServiceError(
                    f"Impossibile creare la cartella del database {folder}: "
                    f"{exc.strerror or exc}. Scegliete un'altra cartella nelle impostazioni."
                ) from exc
        engine = create_engine(parsed, poolclass=NullPool, **kwargs)
        timeout = (
            SQLITE_BUSY_TIMEOUT_MS if sqlite_busy_timeout_ms is None else sqlite_busy_timeout_ms
        )
        _configure_sqlite(engine, timeout)
    else:
        connect_args = {"connect_timeout": 10, "application_name": "tit-desktop"}
        engine = create_engine(
            parsed, pool_pre_ping=True, pool_size=5, connect_args=connect_args, **kwargs
        )
    conflicts.install(engine)
    return engine


def is_busy(exc: BaseException) -> bool:
    """Whether a database error means "another PC holds the lock: try again shortly"."""
    if not isinstance(exc, DBAPIError) or exc.orig is None:
        return False
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if code is not None:
        return (int(code) & 0xFF) in _SQLITE_BUSY_CODES
    if "database is locked" in str(exc.orig):
        return True
    return getattr(exc.orig, "sqlstate", None) in _POSTGRES_BUSY_STATES


def postgres_url(host: str, port: int, database: str, user: str, password: str) -> str:
    """The URL of a PostgreSQL server from the settings dialog's fields."""
    return URL.create(
        "postgresql+psycopg",
        username=user.strip() or None,
        password=password or None,
        host=host.strip() or None,
        port=port,
        database=database.strip() or None,
    ).render_as_string(hide_password=False)


def url_parts(url_text: str) -> dict[str, object]:
    """The fields of a URL for the settings dialog (backend, file or server details)."""
    url = parse_url(url_text)
    if url.get_backend_name() == "sqlite":
        return {"backend": "sqlite", "file": url.database or ""}
    return {
        "backend": "postgresql",
        "host": url.host or "",
        "port": url.port or 5432,
        "database": url.database or "",
        "user": url.username or "",
        "password": url.password or "",
    }


def describe_url(url: URL) -> str:
    """A user-facing description of where the data is, without any password."""
    if url.get_backend_name() == "sqlite":
        return f"SQLite: {url.database}"
    host = url.host or "localhost"
    port = f":{url.port}" if url.port else ""
    user = f"{url.username}@" if url.username else ""
    return f"PostgreSQL: {user}{host}{port}/{url.database or ''}"


class Database:
    """One database: its engine, and sessions that live for one operation."""

    def __init__(self, url: str | URL, *, sqlite_busy_timeout_ms: int | None = None) -> None:
        self.url = parse_url(url) if isinstance(url, str) else url
        self.engine = create_db_engine(self.url, sqlite_busy_timeout_ms=sqlite_busy_timeout_ms)
        # The same engine (pool, events) whose connections begin their transactions as
        # writers: IMMEDIATE on SQLite, plain on PostgreSQL.
        self.write_engine = self.engine.execution_options(**{WRITE_OPTION: True})
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self.write_engine, expire_on_commit=False)
        # How many of this database's sessions the current thread has open: a refusal is
        # recorded when the outermost one ends (an inner one may sit inside a write
        # transaction that holds SQLite's write lock).
        self._open = threading.local()

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        if self.is_sqlite and self.url.database and self.url.database != ":memory:":
            return Path(self.url.database)
        return None

    def describe(self) -> str:
        return describe_url(self.url)

    @contextmanager
    def transaction(self, actor: Actor) -> Iterator[Session]:
        """A session for one operation; commits at the end, rolls everything back on error.

        The acting user rides along in ``session.info`` so that the audit listener can sign
        every change flushed in this transaction. On SQLite the transaction begins
        IMMEDIATE: it holds the one write lock from its first read, so a check-then-insert
        cannot interleave with another PC's, and it waits (up to the busy timeout) for
        another writer instead of failing. Keep it short: other PCs' saves wait for it.

        Refusals: a record changed meanwhile, or a constraint the write breaks, become
        :class:`ConflictError` (naming the other record where a service taught
        :mod:`conflicts` how); a database still busy after the timeout, :class:`DatabaseBusy`.
        """
        session = self._write_sessions()
        audit.bind_actor(session, actor)
        self._enter()
        refused: PermissionDenied | None = None
        try:
            yield session
            session.commit()
        except PermissionDenied as exc:
            session.rollback()
            refused = exc
            raise
        except StaleDataError as exc:
            session.rollback()
            raise StaleRecord(STALE_MESSAGE) from exc
        except DBAPIError as exc:
            session.rollback()
            refusal = self.refusal(exc)
            if refusal is None:
                raise
            raise refusal from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
            self._leave()
            if refused is not None:
                self._record_refusal(refused, actor)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only: nothing it holds is ever committed (closing it rolls
        the database transaction back, and leaves loaded objects readable). On SQLite it
        begins deferred and never blocks a writer (WAL)."""
        session = self._read_sessions()
        self._enter()
        refused: PermissionDenied | None = None
        try:
            yield session
        except PermissionDenied as exc:
            refused = exc
            raise
        except DBAPIError as exc:
            if is_busy(exc):
                raise self._busy(exc) from exc
            raise
        finally:
            session.close()
            self._leave()
            if refused is not None:
                self._record_refusal(refused, None)

    # --- refusals in the activity log ----------------------------------------------------

    def require(self, actor: Actor, permission: Permission) -> None:
        """:func:`permissions.require` for a service that checks before it opens a session
        of this database (a backup, a restore): the refusal is recorded all the same."""
        try:
            require(actor, permission)
        except PermissionDenied as exc:
            self._record_refusal(exc, actor)
            raise

    def _enter(self) -> None:
        self._open.depth = getattr(self._open, "depth", 0) + 1

    def _leave(self) -> None:
        self._open.depth = max(getattr(self._open, "depth", 1) - 1, 0)

    def _record_refusal(self, exc: PermissionDenied, actor: Actor | None) -> None:
        """Every operation a service refused for the user's role has its row in the
        activity log (action ``denied``), written after the refused transaction rolled
        back, when the thread's outermost session of this database ends."""
        if exc.audited or getattr(self._open, "depth", 0) > 0:
            return
        who = exc.actor if isinstance(exc.actor, Actor) else actor
        if who is None or who.user_id is None:
            return
        exc.audited = True
        try:
            with self.transaction(who) as session:
                audit.record(
                    session,
                    who,
                    AuditAction.DENIED,
                    "permission",
                    exc.permission,
                    detail=exc.message,
                )
        except (ServiceError, DBAPIError) as failure:
            log.warning("Refusal not recorded in the audit log: %s", failure)

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """A Core connection in a write transaction (IMMEDIATE on SQLite), committed at the
        end: for the few writes that are not ORM work (the schema migration). Refusals as
        :meth:`transaction`'s."""
        try:
            with self.write_engine.begin() as connection:
                yield connection
        except DBAPIError as exc:
            refusal = self.refusal(exc)
            if refusal is None:
                raise
            raise refusal from exc

    def refusal(self, exc: DBAPIError) -> ServiceError | None:
        """The refusal a user reads for a database error of a write (already rolled
        back), or None for an error that is a fault, not a refusal."""
        if is_busy(exc):
            return self._busy(exc)
        if isinstance(exc, IntegrityError):
            return conflicts.conflict_for(exc, self.reading)
        return None

    def _busy(self, exc: DBAPIError) -> DatabaseBusy:
        log.warning("Database busy (%s): %s", self.describe(), str(exc.orig).strip())
        return DatabaseBusy(BUSY_MESSAGE)

    def open_error(self, exc: BaseException) -> ServiceError | None:
        """A readable refusal for a failure to reach or open the database, else None."""
        if isinstance(exc, DBAPIError) and is_busy(exc):
            return self._busy(exc)
        if not isinstance(exc, DBAPIError):
            return None
        first = str(exc.orig or exc).strip().splitlines()[0]
        path = self.sqlite_path
        if path is not None:
            reason = first.lower()
            if "file is not a database" in reason or "malformed" in reason:
                return ServiceError(
                    f"Il file {path} non è un database di TIT Desktop: non è un database "
                    "SQLite oppure è danneggiato. Il file non è stato modificato. Indicate "
                    "il file giusto nelle impostazioni o ripristinate l'ultimo backup."
                )
            if "locked" in reason or "busy" in reason:
                return ServiceError(
                    f"Il database {path} è occupato da un'altra finestra o da un altro "
                    "comando di TIT Desktop, che lo sta modificando. Nessun dato è stato "
                    "modificato: riprovate tra poco."
                )
            if "disk is full" in reason:
                return ServiceError(
                    f"Il disco del database {path} è pieno: l'operazione non è stata "
                    "eseguita e i dati già salvati non sono stati toccati. Liberate spazio "
                    "e riprovate."
                )
            if "readonly" in reason or "unable to open" in reason:
                folder = path.parent
                if not os.access(folder, os.W_OK) or (
                    path.exists() and not os.access(path, os.W_OK)
                ):
                    return ServiceError(
                        f"TIT Desktop non ha il permesso di scrivere nella cartella {folder} "
                        "(o nel file del database): il database non può essere aperto lì. "
                        "Chiedete il permesso di scrittura oppure scegliete un'altra "
                        "cartella nelle impostazioni. Nessun dato è stato modificato."
                    )
        if isinstance(exc, OperationalError):
            return ServiceError(f"Impossibile aprire il database ({self.describe()}): {first}")
        return None

    def check_connection(self) -> None:
        """Raise ValidationError with a readable reason when the server cannot be reached."""
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("SELECT 1")
        except OperationalError as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise ValidationError({"database_url": f"connessione non riuscita ({reason})"}) from exc

    def dispose(self) -> None:
        self.engine.dispose()
