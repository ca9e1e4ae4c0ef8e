"""The user's settings file (JSON in the config folder) and the database URL to use.

The database URL is chosen, first match wins: the ``--database`` option, the
``TIT_DATABASE_URL`` environment variable, the settings file, the embedded SQLite file
in the user's data folder.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from tit_desktop import paths

log = logging.getLogger(__name__)

SETTINGS_FILE_NAME = "settings.json"


@dataclass
class Settings:
    database_url: str = ""
    language: str = "it"
    last_folder: str = ""  # where the file dialogs open (ui/file_dialogs.py)

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
        known = {k: v for k, v in raw.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def save(self) -> None:
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
        return stored
    return default_database_url()
