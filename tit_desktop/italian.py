"""Italian words that screens, printed forms and checks share (no Qt, no database): one list
of the months instead of a copy in every area."""

from __future__ import annotations

import datetime as dt
from typing import Final

MONTH_NAMES: Final = (
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
)


def month_and_year(month: dt.date) -> str:
    """ "marzo 2021": the month of ``month`` (any day of it) and its year."""
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"
