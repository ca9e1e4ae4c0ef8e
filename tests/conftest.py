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
from sqlalchemy import text
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


def _truncate_all(db: Database) -> None:
    names = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with db.engine.begin() as conn:
        # A connection a previous test left inside a transaction would block TRUNCATE for
        # ever: fail with a clear error instead.
        conn.exec_driver_sql("SET LOCAL lock_timeout = '15s'")
        conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
        # A test may have restamped the shared database (a "newer" or a double revision).
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(
            text("INSERT INTO alembic_version (version_num) VALUES (:head)"),
            {"head": schema.head_revision()},
        )


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    """The URL of a fresh, migrated, empty database for this test."""
    if request.param == "sqlite":
        path = tmp_path / "test.sqlite3"
        shutil.copyfile(sqlite_template, path)
        return "sqlite:///" + path.as_posix()
    url: str = request.getfixturevalue("postgres_server_url")
    db = Database(url)
    _truncate_all(db)
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
