"""Where things live: user folders (data, backups, logs, settings) and shipped resources.

The user folders come from platformdirs, so they follow each platform's rules
(Windows: %LOCALAPPDATA%\\tit-desktop\\...). ``TIT_HOME`` moves all of them under one
folder: tests use it, and so can an office that keeps data on another drive.
Resources and migrations are found by one resolver (``shipped_dir``) in a source checkout,
an installed wheel and a PyInstaller bundle.
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


# Shipped data: ``migrations/`` and ``resources/`` stay at the top of the repository. The
# wheel (see setup.py) and the PyInstaller bundle (packaging/tit-desktop.spec) put them inside
# the package as ``tit_desktop/_migrations`` and ``tit_desktop/_resources``.
_SHIPPED = {"migrations": "_migrations", "resources": "_resources"}


def _package_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        return Path(frozen_root) / "tit_desktop"
    return Path(__file__).resolve().parent


def shipped_dir(name: str) -> Path:
    """The folder ``migrations`` or ``resources``: inside the installed package (wheel or
    frozen bundle) when it is there, else at the top of the source checkout."""
    installed = _package_dir() / _SHIPPED[name]
    if installed.is_dir():
        return installed
    return _package_dir().parent / name


def resource_path(*parts: str) -> Path:
    """A file or folder under ``resources/``."""
    return shipped_dir("resources").joinpath(*parts)


def migrations_path() -> Path:
    return shipped_dir("migrations")
