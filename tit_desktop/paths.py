"""Where things live: user folders (data, backups, logs, settings) and shipped resources.

The user folders come from platformdirs, so they follow each platform's rules
(Windows: %LOCALAPPDATA%\\tit-desktop\\...). ``TIT_HOME`` moves all of them under one
folder: tests use it, and so can an office that keeps data on another drive.
Resources and migrations are found next to the package in a source checkout and
inside the bundle when frozen by PyInstaller.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from tit_desktop import APP_NAME


def _home_override() -> Path | None:
    value = os.environ.get("TIT_HOME")
    return Path(value) if value else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    home = _home_override()
    if home is not None:
        return _ensure(home / "data")
    return _ensure(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def config_dir() -> Path:
    home = _home_override()
    if home is not None:
        return _ensure(home / "config")
    return _ensure(Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)))


def log_dir() -> Path:
    home = _home_override()
    if home is not None:
        return _ensure(home / "logs")
    return _ensure(Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))


def backup_dir() -> Path:
    return _ensure(data_dir() / "backups")


def default_database_path() -> Path:
    return data_dir() / "tit.sqlite3"


def _bundle_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file or folder under ``resources/``, in a checkout or a frozen bundle."""
    return _bundle_root().joinpath("resources", *parts)


def migrations_path() -> Path:
    return _bundle_root() / "migrations"
