"""Shared fixtures: an isolated user folder per test and a fresh database per test, on
SQLite and, when TIT_TEST_POSTGRES_URL is set, on PostgreSQL too.

With TIT_REQUIRE_POSTGRES=1 (set by .ci/run) a PostgreSQL test that cannot run fails
instead of skipping.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

from tit_desktop.models import Base, Role
from tit_desktop.services import schema, users
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import SYSTEM, Actor

POSTGRES_URL = os.environ.get("TIT_TEST_POSTGRES_URL", "")
REQUIRE_POSTGRES = os.environ.get("TIT_REQUIRE_POSTGRES") == "1"
PASSWORD = "Password-di-prova-1"


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Still argon2id, with the smallest cost: the production cost (64 MiB, 3 passes) would
    spend most of the suite's time hashing the fixtures' passwords."""
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, logs and backups of each test live in its own folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("TIT_HOME", str(home))
    monkeypatch.delenv("TIT_DATABASE_URL", raising=False)
    monkeypatch.delenv("TIT_PASSWORD", raising=False)
    monkeypatch.delenv("TIT_USER", raising=False)
    return home


@pytest.fixture(autouse=True)
def no_system_keyring() -> Iterator[None]:
    """No test reads or writes the real keyring of the machine: by default there is none
    (server passwords go to the pgpass file of the test's own folder); tests of the keyring
    set a keyring of their own (tests/unit/test_credentials.py)."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


# --- SQLite ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated empty SQLite file, copied for each test (migrating per test is slow)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = Database("sqlite:///" + path.as_posix())
    schema.upgrade(db, make_backup=False)
    db.dispose()
    return path


# --- PostgreSQL ----------------------------------------------------------------------------


def _postgres_unavailable(reason: str) -> None:
    if REQUIRE_POSTGRES:
        pytest.fail(f"PostgreSQL richiesto ma non disponibile: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """A new database on the test server for this test run, dropped at the end."""
    if not POSTGRES_URL:
        _postgres_unavailable("TIT_TEST_POSTGRES_URL non impostato: test PostgreSQL saltati")
    base = make_url(POSTGRES_URL).set(drivername="postgresql+psycopg")
    name = f"tit_test_{uuid.uuid4().hex[:12]}"
    admin = Database(base)
    try:
        with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # server down, no rights...
        admin.dispose()
        _postgres_unavailable(f"server PostgreSQL non raggiungibile: {exc}")
    url = base.set(database=name).render_as_string(hide_password=False)
    db = Database(url)
    schema.upgrade(db, make_backup=False)
    db.dispose()
    yield url
    with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _restamp_head(conn: Connection) -> None:
    # A test may have restamped the shared database (a "newer" or a double revision).
    conn.execute(text("DELETE FROM alembic_version"))
    conn.execute(
        text("INSERT INTO alembic_version (version_num) VALUES (:head)"),
        {"head": schema.head_revision()},
    )


# One query that names the tables holding at least one row.
_NON_EMPTY_TABLES = " UNION ALL ".join(
    f"SELECT '{table.name}' WHERE EXISTS (SELECT 1 FROM {table.name})"
    for table in Base.metadata.sorted_tables
)
# The tables with triggers of their own (a locked expenditure refuses a DELETE).
_TABLES_WITH_TRIGGERS = (
    "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
    "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"
)
# The sequences used since they were last restarted (identity columns included).
_USED_SEQUENCES = (
    "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), start_value "
    "FROM pg_sequences "
    "WHERE schemaname = current_schema() AND last_value IS NOT NULL"
)


def _reset_postgres(db: Database) -> None:
    """Bring the session's PostgreSQL database back to just migrated: every table empty and
    stored from its first page again, every sequence at its start, the head revision stamped.

    Only the tables a test left rows in are emptied, with DELETE (children first) and then
    VACUUM, and only the sequences it used are restarted: a few milliseconds. A TRUNCATE
    of every table gives each one new files and cost 0.3-1 s per test, more than most tests
    themselves. The VACUUM frees the pages of the deleted rows, so new rows are stored in
    the order they are written, as after a TRUNCATE: without it, a table whose pages hold
    reusable space keeps rows in another order, and a query without ORDER BY (a bug, but
    one that TRUNCATE hid) would return them in another order depending on the tests run
    before. tests/integration/test_suite_guards.py checks that the reset is whole."""
    with db.engine.begin() as conn:
        # A connection a previous test left inside a transaction would block the DELETEs
        # for ever: fail with a clear error instead.
        conn.exec_driver_sql("SET LOCAL lock_timeout = '15s'")
        non_empty = set(conn.exec_driver_sql(_NON_EMPTY_TABLES).scalars())
        emptied = [t.name for t in reversed(Base.metadata.sorted_tables) if t.name in non_empty]
        # The rules the triggers keep are for the application, not for emptying the
        # database: off for the DELETE, on again before the commit.
        triggered = set(conn.exec_driver_sql(_TABLES_WITH_TRIGGERS).scalars())
        for name in emptied:
            if name in triggered:
                conn.exec_driver_sql(f"ALTER TABLE {name} DISABLE TRIGGER USER")
            conn.exec_driver_sql(f"DELETE FROM {name}")
            if name in triggered:
                conn.exec_driver_sql(f"ALTER TABLE {name} ENABLE TRIGGER USER")
        for sequence, start in conn.exec_driver_sql(_USED_SEQUENCES).all():
            conn.execute(
                text("SELECT setval(CAST(:sequence AS regclass), :start, false)"),
                {"sequence": sequence, "start": start},
            )
        _restamp_head(conn)
    if emptied:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f"VACUUM {', '.join(emptied)}")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    """The URL of a fresh, migrated, empty database for this test."""
    if request.param == "sqlite":
        path = tmp_path / "test.sqlite3"
        shutil.copyfile(sqlite_template, path)
        return "sqlite:///" + path.as_posix()
    url: str = request.getfixturevalue("postgres_server_url")
    db = Database(url)
    _reset_postgres(db)
    db.dispose()
    return url


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """For the few tests about SQLite itself (file copies, pragmas)."""
    path = tmp_path / "solo-sqlite.sqlite3"
    shutil.copyfile(sqlite_template, path)
    database = Database("sqlite:///" + path.as_posix())
    yield database
    database.dispose()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> object:
    """Under TIT_REQUIRE_POSTGRES=1 a PostgreSQL test that skips is a failure."""
    report = yield
    callspec = getattr(item, "callspec", None)
    on_postgres = callspec is not None and "postgresql" in callspec.id
    if REQUIRE_POSTGRES and on_postgres and report.skipped:
        report.outcome = "failed"
        report.longrepr = (
            f"test PostgreSQL saltato (vietato con TIT_REQUIRE_POSTGRES=1): {report.longrepr}"
        )
    return report


def make_user(db: Database, username: str, role: Role) -> Actor:
    with db.transaction(SYSTEM) as session:
        if not users.users_exist(session) and role is not Role.ADMIN:
            users.add_user(session, SYSTEM, "primo.admin", Role.ADMIN, PASSWORD)
        admin = SYSTEM
        users.add_user(session, admin, username, role, PASSWORD, full_name=username.title())
    return users.login(db, username, PASSWORD)


@pytest.fixture
def admin(db: Database) -> Actor:
    return make_user(db, "admin", Role.ADMIN)


@pytest.fixture
def actors(db: Database) -> dict[Role, Actor]:
    """One logged-in user per role."""
    result = {Role.ADMIN: make_user(db, "admin", Role.ADMIN)}
    for role in (Role.COORDINATOR, Role.OPERATOR, Role.READ_ONLY):
        result[role] = make_user(db, role.value, role)
    return result
