"""The current time, in one place, so that tests can move it."""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def today() -> dt.date:
    """The office's calendar day (local time of the PC)."""
    return dt.date.today()
