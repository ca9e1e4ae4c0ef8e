"""The user's settings file (JSON in the config folder) and the database URL to use.

The database URL is chosen, first match wins: the ``--database`` option, the
``TIT_DATABASE_URL`` environment variable, the settings file, the embedded SQLite file
in the user's data folder.

A server's password is never in the settings file: it lives in the system keyring, or in
a pgpass file when the PC has no keyring (``tit_desktop.credentials``), and is joined to
the URL only when the URL is used. A settings file written by an older version with the
password in the URL is rewritten without it the first time it is read.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from tit_desktop import credentials, paths

log = logging.getLogger(__name__)

SETTINGS_FILE_NAME = "settings.json"

BACKUPS_KEPT_DEFAULT = 10
BACKUPS_KEPT_RANGE = (1, 365)
IDLE_LOCK_MINUTES_DEFAULT = 10
IDLE_LOCK_MINUTES_RANGE = (1, 240)


@dataclass
class Settings:
    database_url: str = ""
    language: str = "it"
    last_folder: str = ""  # where the file dialogs open (ui/file_dialogs.py)
    # Automatic backups (services/backup.py): the folder (empty: the local backup folder;
    # it may be a network share), how many automatic backups are kept, whether the daily
    # one is taken.
    backup_folder: str = ""
    backups_kept: int = BACKUPS_KEPT_DEFAULT
    daily_backup: bool = True
    # The window locks after this many minutes without keyboard or mouse (ui/idle_lock.py).
    idle_lock_minutes: int = IDLE_LOCK_MINUTES_DEFAULT

    @classmethod
    def file(cls) -> Path:
        return paths.config_dir() / SETTINGS_FILE_NAME

    @classmethod
    def load(cls) -> Settings:
        target = cls.file()
        if not target.exists():
            return cls()
        try:
            raw = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            log.exception("Settings file %s unreadable; using defaults", target)
            return cls()
        if not isinstance(raw, dict):
            log.warning("Settings file %s is not an object; using defaults", target)
            return cls()
        settings = cls()
        for field in fields(cls):
            value = raw.get(field.name)
            wanted = type(getattr(settings, field.name))
            # bool is an int to isinstance: a value must be of exactly the default's type.
            if value is not None and type(value) is wanted:
                setattr(settings, field.name, value)
        settings._clamp()
        if settings._move_password_out():
            settings.save()
        return settings

    def _clamp(self) -> None:
        low, high = BACKUPS_KEPT_RANGE
        self.backups_kept = min(max(self.backups_kept, low), high)
        low, high = IDLE_LOCK_MINUTES_RANGE
        self.idle_lock_minutes = min(max(self.idle_lock_minutes, low), high)

    def _move_password_out(self) -> bool:
        """An older settings file may hold the server's password in the URL: store it in
        the keyring (or pgpass) and drop it from the URL. True when the file must be
        rewritten."""
        bare, password = credentials.split_password(self.database_url)
        if password is None:
            return False
        try:
            where = credentials.store_password(bare, password)
        except OSError:
            log.exception("Could not move the server password out of the settings file")
            return False
        log.info("Server password moved from the settings file to the %s", where.value)
        self.database_url = bare
        return True

    def save(self) -> None:
        # Never a password in the file, whoever set the URL.
        bare, password = credentials.split_password(self.database_url)
        if password is not None:
            credentials.store_password(bare, password)
            self.database_url = bare
        target = self.file()
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        os.replace(tmp, target)


def default_database_url() -> str:
    return "sqlite:///" + paths.default_database_path().as_posix()


def resolve_database_url(explicit: str | None = None) -> str:
    if explicit:
        return explicit
    env = os.environ.get("TIT_DATABASE_URL")
    if env:
        return env
    stored = Settings.load().database_url
    if stored:
        return credentials.connection_url(stored)
    return default_database_url()
