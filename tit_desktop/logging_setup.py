"""Logging to a rotating file in the user's log folder."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from tit_desktop import paths

LOG_FILE_NAME = "tit-desktop.log"
_handler: logging.handlers.RotatingFileHandler | None = None


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the application's log to a rotating file (1 MB x 5). Calling it again with the
    same log folder does nothing; with another folder, it moves the log there."""
    global _handler
    target = log_file()
    root = logging.getLogger()
    if _handler is not None:
        if Path(_handler.baseFilename) == target.resolve():
            return target
        root.removeHandler(_handler)
        _handler.close()
    _handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    _handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root.addHandler(_handler)
    root.setLevel(level)
    return target
