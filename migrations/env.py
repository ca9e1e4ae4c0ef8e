"""Alembic environment. The application passes an open connection in
``config.attributes["connection"]``; the ``alembic`` command line works too, with the URL
from ``-x url=...`` or the usual resolution (TIT_DATABASE_URL, settings, default file)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from tit_desktop.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    # A migration's data fixes change no user's record: the audit guard lets them through.
    from tit_desktop.services import audit

    connection.execution_options(**audit.audited_elsewhere("migrazione dello schema"))
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables
        compare_type=True,
        transaction_per_migration=False,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from tit_desktop.services.database import create_db_engine
    from tit_desktop.settings import resolve_database_url

    url = context.get_x_argument(as_dictionary=True).get("url")
    engine = create_db_engine(resolve_database_url(url))
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline migrations are not supported")
run_migrations_online()
