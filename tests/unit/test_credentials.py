"""A server's password is never in the settings file: it goes to the system keyring, or to
a private pgpass file that psycopg reads when the PC has no keyring; an old settings file
holding one is rewritten without it."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from sqlalchemy import text

from tests.conftest import POSTGRES_URL
from tit_desktop import credentials
from tit_desktop.services.database import Database
from tit_desktop.settings import Settings, resolve_database_url

PASSWORD = "p@ss:w/ord\\%è"
SERVER = "postgresql+psycopg://tit_ufficio@db.comune.local:5433/tit"


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in memory (the test's own, never the machine's)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend


def _with_password(url: str, password: str) -> str:
    from urllib.parse import quote

    user, rest = url.split("://", 1)[1].split("@", 1)
    return f"{url.split('://')[0]}://{user}:{quote(password, safe='')}@{rest}"


def _file_text() -> str:
    return Settings.file().read_text(encoding="utf-8")


def test_with_a_keyring_the_password_goes_there(memory_keyring: MemoryKeyring) -> None:
    settings = Settings(database_url=_with_password(SERVER, PASSWORD))
    settings.save()
    assert json.loads(_file_text())["database_url"] == SERVER
    assert "ord" not in _file_text()
    assert memory_keyring.items == {
        ("tit-desktop", "tit_ufficio@db.comune.local:5433/tit"): PASSWORD
    }
    assert not credentials.pgpass_file().exists()
    assert resolve_database_url() == _with_password(SERVER, PASSWORD)
    from sqlalchemy.engine import make_url

    assert make_url(resolve_database_url()).password == PASSWORD


def test_without_a_keyring_a_private_pgpass_file_is_used() -> None:
    assert not credentials.keyring_available()  # the fail backend of the conftest
    Settings(database_url=_with_password(SERVER, PASSWORD)).save()
    assert json.loads(_file_text())["database_url"] == SERVER
    pgpass = credentials.pgpass_file()
    assert stat.S_IMODE(os.stat(pgpass).st_mode) == 0o600
    # PostgreSQL's own format, ':' and '\\' escaped.
    assert pgpass.read_text(encoding="utf-8") == (
        "db.comune.local:5433:tit:tit_ufficio:p@ss\\:w/ord\\\\%è\n"
    )
    assert credentials.stored_password(SERVER) == PASSWORD
    resolved = resolve_database_url()
    assert resolved.startswith(SERVER + "?passfile=")
    assert PASSWORD not in resolved
    # Saving another password replaces the line; forgetting removes the file.
    credentials.store_password(SERVER, "altra")
    assert pgpass.read_text(encoding="utf-8").count("\n") == 1
    assert credentials.stored_password(SERVER) == "altra"
    credentials.forget_password(SERVER)
    assert not pgpass.exists()
    assert resolve_database_url() == SERVER


@pytest.mark.parametrize("with_keyring", [True, False], ids=["keyring", "pgpass"])
def test_an_old_settings_file_with_a_password_is_rewritten_on_load(
    with_keyring: bool, request: pytest.FixtureRequest
) -> None:
    if with_keyring:
        request.getfixturevalue("memory_keyring")
    old = {"database_url": _with_password(SERVER, PASSWORD), "language": "it"}
    Settings.file().write_text(json.dumps(old), encoding="utf-8")
    loaded = Settings.load()
    assert loaded.database_url == SERVER
    on_disk = json.loads(_file_text())
    assert on_disk["database_url"] == SERVER and on_disk["language"] == "it"
    assert "%" not in _file_text() and "ord" not in _file_text()
    assert credentials.stored_password(SERVER) == PASSWORD
    assert credentials.pgpass_file().exists() is not with_keyring


def test_a_broken_keyring_falls_back_to_pgpass(memory_keyring: MemoryKeyring) -> None:
    def refuse(*_args: object) -> None:
        raise keyring.errors.PasswordSetError("locked")

    memory_keyring.set_password = refuse  # type: ignore[method-assign]
    assert credentials.store_password(SERVER, PASSWORD) is credentials.Store.PGPASS
    assert credentials.stored_password(SERVER) == PASSWORD


def test_sqlite_urls_are_left_alone() -> None:
    url = "sqlite:///C:/dati/tit.sqlite3"
    assert credentials.split_password(url) == (url, None)
    assert credentials.connection_url(url) == url


@pytest.mark.skipif(not POSTGRES_URL, reason="TIT_TEST_POSTGRES_URL non impostato")
def test_psycopg_is_given_the_pgpass_file() -> None:
    """The URL resolved without a keyring connects, psycopg being told the pgpass file."""
    from sqlalchemy.engine import make_url

    server = make_url(POSTGRES_URL).set(drivername="postgresql+psycopg", password=None)
    bare = server.render_as_string(hide_password=False)
    Settings(database_url=_with_password(bare, "segreta")).save()
    db = Database(resolve_database_url())
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT 1")).scalar() == 1
            info = {o.keyword: o.val for o in conn.connection.dbapi_connection.pgconn.info}  # type: ignore[union-attr]
        assert info[b"passfile"] == str(credentials.pgpass_file()).encode()
    finally:
        db.dispose()
