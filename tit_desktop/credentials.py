"""Where a database server's password is kept: never in the settings file.

First choice, the system keyring (Windows Credential Manager, macOS Keychain, the Secret
Service on Linux) through the ``keyring`` package. A PC without a usable keyring (a Linux
machine without a desktop session, for one) keeps it in a pgpass file, PostgreSQL's own
format, in the user's config folder, readable by its owner only; psycopg is then told where
it is (the ``passfile`` connection parameter) and reads the password itself.

This module is at the bottom of the layers (like ``settings``): no database, no Qt. URLs
are read with ``urllib`` (SQLAlchemy's own URL is percent-encoded the same way).
"""

from __future__ import annotations

import contextlib
import enum
import logging
import os
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from tit_desktop import paths

log = logging.getLogger(__name__)

KEYRING_SERVICE = "tit-desktop"
PGPASS_FILE_NAME = "pgpass.conf"
DEFAULT_PORT = 5432


class Store(enum.Enum):
    KEYRING = "portachiavi di sistema"
    PGPASS = "file pgpass"


def _is_server(url: str) -> bool:
    return url.startswith(("postgresql:", "postgresql+", "postgres:"))


def split_password(url: str) -> tuple[str, str | None]:
    """(the URL without its password, the password or None when it has none)."""
    if not _is_server(url):
        return url, None
    parts = urlsplit(url)
    userinfo, at, hostinfo = parts.netloc.rpartition("@")
    if not at or ":" not in userinfo:
        return url, None
    user, _, password = userinfo.partition(":")
    bare = urlunsplit(parts._replace(netloc=f"{user}@{hostinfo}"))
    return bare, unquote(password)


def _fields(url: str) -> tuple[str, str, str, str]:
    """(host, port, database, user) of a server URL, as a pgpass line names them."""
    parts = urlsplit(url)
    return (
        parts.hostname or "localhost",
        str(parts.port or DEFAULT_PORT),
        unquote(parts.path.lstrip("/")),
        unquote(parts.username or ""),
    )


def _keyring_key(url: str) -> str:
    host, port, database, user = _fields(url)
    return f"{user}@{host}:{port}/{database}"


# --- the keyring ----------------------------------------------------------------------------


def keyring_available() -> bool:
    """Whether a real keyring backend is there (``keyring``'s fail backend has priority 0
    and refuses every call; the null backend forgets everything)."""
    try:
        import keyring
        from keyring.backends import fail, null
    except ImportError:
        return False
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring | null.Keyring)


def _keyring_get(key: str) -> str | None:
    if not keyring_available():
        return None
    import keyring

    try:
        return keyring.get_password(KEYRING_SERVICE, key)
    except Exception:  # a locked or broken keyring: as if the password were not there
        log.warning("Keyring unreadable", exc_info=True)
        return None


def _keyring_set(key: str, password: str) -> bool:
    if not keyring_available():
        return False
    import keyring

    try:
        keyring.set_password(KEYRING_SERVICE, key, password)
    except Exception:
        log.warning("Keyring refused the password; using the pgpass file", exc_info=True)
        return False
    return True


def _keyring_delete(key: str) -> None:
    if not keyring_available():
        return
    import keyring

    with contextlib.suppress(Exception):  # not there: nothing to delete
        keyring.delete_password(KEYRING_SERVICE, key)


# --- the pgpass file ------------------------------------------------------------------------


def pgpass_file() -> Path:
    return paths.config_dir() / PGPASS_FILE_NAME


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _split_line(line: str) -> list[str]:
    fields: list[str] = []
    current: list[str] = []
    escaped = False
    for char in line:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ":" and len(fields) < 4:
            fields.append("".join(current))
            current = []
        else:
            current.append(char)
    fields.append("".join(current))
    return fields


def _pgpass_lines() -> list[str]:
    try:
        return pgpass_file().read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []


def _pgpass_get(url: str) -> str | None:
    wanted = list(_fields(url))
    for line in _pgpass_lines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        entry = _split_line(line)
        if len(entry) == 5 and all(e in ("*", w) for e, w in zip(entry[:4], wanted, strict=True)):
            return entry[4]
    return None


def _pgpass_write(url: str, password: str | None) -> None:
    """Set (or with None remove) the line of ``url``'s server, database and user. The file
    is rewritten whole under another name, then renamed: never half written, and private
    from its first byte."""
    wanted = list(_fields(url))
    kept = [line for line in _pgpass_lines() if _split_line(line)[:4] != wanted]
    if password is not None:
        kept.append(":".join(_escape(v) for v in (*wanted, password)))
    target = pgpass_file()
    if not kept:
        target.unlink(missing_ok=True)
        return
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("\n".join(kept) + "\n")
    os.replace(tmp, target)
    os.chmod(target, 0o600)  # libpq ignores a pgpass file others can read


# --- what the rest of the application calls ---------------------------------------------


def store_password(url: str, password: str) -> Store:
    """Keep ``password`` for the server, database and user of ``url`` (which holds no
    password): in the keyring when there is one, else in the pgpass file. Raises OSError
    when the pgpass file cannot be written."""
    key = _keyring_key(url)
    if _keyring_set(key, password):
        if _pgpass_get(url) is not None:
            _pgpass_write(url, None)  # no second copy left behind
        return Store.KEYRING
    _pgpass_write(url, password)
    return Store.PGPASS


def forget_password(url: str) -> None:
    _keyring_delete(_keyring_key(url))
    if _pgpass_get(url) is not None:
        _pgpass_write(url, None)


def stored_password(url: str) -> str | None:
    """The password kept for ``url``'s server (keyring first, then the pgpass file)."""
    if not _is_server(url):
        return None
    found = _keyring_get(_keyring_key(url))
    return found if found is not None else _pgpass_get(url)


def connection_url(url: str) -> str:
    """The URL to connect with: the keyring's password joined to it, or the pgpass file
    named for psycopg to read (the password then never passes through our code). A URL
    that holds a password, or a SQLite one, is returned as it is."""
    _bare, password = split_password(url)
    if password is not None or not _is_server(url):
        return url
    parts = urlsplit(url)
    from_keyring = _keyring_get(_keyring_key(url))
    if from_keyring is not None:
        userinfo, _, hostinfo = parts.netloc.rpartition("@")
        netloc = f"{userinfo}:{quote(from_keyring, safe='')}@{hostinfo}"
        return urlunsplit(parts._replace(netloc=netloc))
    if _pgpass_get(url) is not None:
        query = [(k, v) for k, v in parse_qsl(parts.query) if k != "passfile"]
        query.append(("passfile", str(pgpass_file())))
        return urlunsplit(parts._replace(query=urlencode(query)))
    return url
