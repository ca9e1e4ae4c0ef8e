"""Logging to a rotating file in the user's log folder."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from tit_desktop import paths

LOG_FILE_NAME = "tit-desktop.log"
_configured = False


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the application's log to a rotating file (1 MB x 5). Idempotent."""
    global _configured
    target = log_file()
    if _configured:
        return target
    handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = True
    return target
