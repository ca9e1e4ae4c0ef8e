"""Dates as typed at the desk, read one way in every date field.

Accepted: ``gg/mm/aaaa`` (also with - or . between the parts), ``g/m/aa``, ``ggmmaaaa``
and ``ggmmaa`` (digits only). The field shows the date back as gg/mm/aaaa when left.

Two-digit years (the rule, chosen once for the whole program):
- a date that cannot be in the future (birth, presa in carico, rilascio, consent) takes
  the latest year not after the current one: in 2026, "30" is 1930 and "26" is 2026;
- a date that is usually ahead (a permit's expiry) takes the year in the window from
  20 years back to 79 years ahead: in 2026, "30" is 2030 and "24" (expired) is 2024.
"""

from __future__ import annotations

import datetime as dt
import enum
import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from tit_desktop.services import clock


class InvalidInput(ValueError):
    """A widget's text cannot be read; the message names the reason in Italian."""


class YearRule(enum.Enum):
    PAST = "past"  # births, intake, issue dates
    AHEAD = "ahead"  # expiries


AHEAD_BACK_YEARS = 20

_SEPARATED = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{2}|\d{4})$")


def _tr(text: str) -> str:
    return QCoreApplication.translate("dates", text)


def full_year(two_digits: int, rule: YearRule, today: dt.date) -> int:
    century = today.year - today.year % 100
    if rule is YearRule.PAST:
        year = century + two_digits
        return year - 100 if year > today.year else year
    year = century + two_digits
    if year < today.year - AHEAD_BACK_YEARS:
        year += 100
    elif year > today.year + 99 - AHEAD_BACK_YEARS:
        year -= 100
    return year


def parse_date(
    text: str, rule: YearRule = YearRule.PAST, today: dt.date | None = None
) -> dt.date | None:
    """The date typed, None when empty; InvalidInput (in Italian) when it cannot be read."""
    text = text.strip()
    if not text:
        return None
    match = _SEPARATED.match(text) or _DIGITS.match(text)
    if match is None:
        raise InvalidInput(_tr("data non valida: scrivere gg/mm/aaaa"))
    day, month, year = (int(part) for part in match.groups())
    if len(match.group(3)) == 2:
        year = full_year(year, rule, today or clock.today())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise InvalidInput(_tr("data inesistente ({0})").format(text)) from exc


class DateField(QLineEdit):
    """A date typed as gg/mm/aaaa (or the short forms above); empty means "not known"."""

    def __init__(self, rule: YearRule = YearRule.PAST, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rule = rule
        self.setPlaceholderText("gg/mm/aaaa")
        self.setMaximumWidth(130)
        self.editingFinished.connect(self._tidy)

    def set_date(self, value: dt.date | None) -> None:
        self.setText("" if value is None else value.strftime("%d/%m/%Y"))

    def date(self) -> dt.date | None:
        return parse_date(self.text(), self.rule)

    def _tidy(self) -> None:
        """Show a short form the way it was read: 010130 -> 01/01/1930."""
        try:
            value = self.date()
        except InvalidInput:
            return
        if value is not None and self.text() != value.strftime("%d/%m/%Y"):
            self.set_date(value)
