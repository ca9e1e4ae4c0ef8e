"""Italian national public holidays (the days a timesheet shows as not working days, like
Saturdays and Sundays).

A fixed list of the national holidays plus Easter Sunday and Easter Monday (Lunedì
dell'Angelo), computed with the Gregorian computus. San Francesco (4 October) is a national
holiday again from 2026. A city's patron saint (Ancona: San Ciriaco, 4 May) is a local
holiday and is not in the list.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

WEEKDAYS = ("lun", "mar", "mer", "gio", "ven", "sab", "dom")
"""Italian abbreviations of the weekdays, Monday first (``date.weekday()`` order)."""

_FIXED: tuple[tuple[int, int, str], ...] = (
    (1, 1, "Capodanno"),
    (1, 6, "Epifania"),
    (4, 25, "Festa della Liberazione"),
    (5, 1, "Festa del Lavoro"),
    (6, 2, "Festa della Repubblica"),
    (8, 15, "Ferragosto"),
    (11, 1, "Ognissanti"),
    (12, 8, "Immacolata Concezione"),
    (12, 25, "Natale"),
    (12, 26, "Santo Stefano"),
)
SAN_FRANCESCO_FROM = 2026


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of ``year`` in the Gregorian calendar (the anonymous computus)."""
    golden = year % 19
    century, year_of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    correction = (century + 8) // 25
    moon = (century - correction + 1) // 3
    epact = (19 * golden + century - leap_centuries - moon + 15) % 30
    quarters, quarter_rest = divmod(year_of_century, 4)
    weekday = (32 + 2 * century_rest + 2 * quarters - epact - quarter_rest) % 7
    shift = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * shift + 114, 31)
    return dt.date(year, month, day + 1)


@cache
def holidays(year: int) -> dict[dt.date, str]:
    """The national holidays of ``year``: date -> name."""
    found = {dt.date(year, month, day): name for month, day, name in _FIXED}
    easter = easter_sunday(year)
    found[easter] = "Pasqua"
    found[easter + dt.timedelta(days=1)] = "Lunedì dell'Angelo"
    if year >= SAN_FRANCESCO_FROM:
        found[dt.date(year, 10, 4)] = "San Francesco d'Assisi"
    return found


def holiday_name(day: dt.date) -> str | None:
    return holidays(day.year).get(day)


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not a national holiday."""
    return day.weekday() < 5 and holiday_name(day) is None


def weekday_abbreviation(day: dt.date) -> str:
    return WEEKDAYS[day.weekday()]
