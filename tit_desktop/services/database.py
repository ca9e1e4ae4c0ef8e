"""Engine and short-lived sessions for the embedded SQLite file or a PostgreSQL server."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import NullPool

from tit_desktop.services import audit
from tit_desktop.services.errors import ConflictError, ServiceError, ValidationError
from tit_desktop.services.permissions import Actor

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 15_000

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


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")


def create_db_engine(url: str | URL, **kwargs: Any) -> Engine:
    parsed = parse_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ServiceError(
                    f"Impossibile creare la cartella del database {folder}: "
                    f"{exc.strerror or exc}. Scegliete un'altra cartella nelle impostazioni."
                ) from exc
        engine = create_engine(parsed, poolclass=NullPool, **kwargs)
        _configure_sqlite(engine)
    else:
        connect_args = {"connect_timeout": 10, "application_name": "tit-desktop"}
        engine = create_engine(
            parsed, pool_pre_ping=True, pool_size=5, connect_args=connect_args, **kwargs
        )
    return engine


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

    def __init__(self, url: str | URL) -> None:
        self.url = parse_url(url) if isinstance(url, str) else url
        self.engine = create_db_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

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
        every change flushed in this transaction.
        """
        session = self._sessions()
        audit.bind_actor(session, actor)
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            session.rollback()
            raise ConflictError(STALE_MESSAGE) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only: nothing it holds is ever committed (closing it rolls
        the database transaction back, and leaves loaded objects readable)."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.close()

    def open_error(self, exc: BaseException) -> ServiceError | None:
        """A readable refusal for a failure to reach or open the database, else None."""
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
