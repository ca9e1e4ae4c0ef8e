"""Amounts of money as users write and read them: one parser and one formatter, Italian forms.

Every amount the application reads (a form field, a spreadsheet cell, a CSV field) goes
through :func:`parse_amount`, and every amount it shows or prints through
:func:`format_amount`, so that "1.234,56" means the same thing everywhere. Amounts are
``Decimal`` to the cent (the :class:`~tit_desktop.models.columns.Money` column stores them
exactly); a float never survives past the parser.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, Literal

from tit_desktop.models.columns import CENT, MAX_AMOUNT

Unit = Literal["", "EUR", "€"]

EXAMPLE = "scrivere ad esempio 1.234,56 oppure 350,00"

# "1.234,56", "1.234.567", "350,5", "350": dots group thousands, the comma is the decimal point.
_ITALIAN = re.compile(r"^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$")
# "350.00", "350.5": a dot followed by one or two digits is a decimal point (never thousands).
_PLAIN = re.compile(r"^(\d+)\.(\d{1,2})$")
# A number cell may hold 0.30000000000000004 for 0.30: that much noise is still 30 cents.
_FLOAT_NOISE = Decimal("0.000001")


class AmountError(ValueError):
    """Text or a cell that is not an amount; ``message`` is for the user, in Italian."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _shown(value: Any) -> str:
    """How a refused value is quoted back to the user."""
    if isinstance(value, bool):
        return "VERO" if value else "FALSO"
    if isinstance(value, dt.datetime):
        return f"{value:%d/%m/%Y %H:%M}" if value.time() != dt.time() else f"{value:%d/%m/%Y}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_amount(value: Any, *, allow_negative: bool = False) -> Decimal:
    """A sum of money in euro, to the cent, from what a person typed or a spreadsheet holds.

    Text in Italian form ("1.234,56", "350,00", "1234,5", "350", "1.234" = 1234) or with a
    decimal point ("350.00", "350.5"). A dot followed by exactly three digits groups
    thousands, as Italians write it: amounts have at most two decimals, so it cannot be a
    decimal point. Hence "1,234.56" and "12,345" (English thousands) are refused rather than
    guessed. "€", "EUR" and spaces around the number are accepted; a leading minus sign only
    with ``allow_negative``. Number cells: ``int``, ``Decimal``, and ``float`` when it is a
    whole number of cents up to the float's own noise (0.1 + 0.2 is 0.30).

    Raises :class:`AmountError` with the reason in Italian.
    """
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise AmountError(f"«{_shown(value)}» non è un importo")
    if isinstance(value, str):
        amount, negative = _from_text(value)
    else:
        amount = _from_number(value)
        negative = amount < 0
        amount = abs(amount)
    if negative and amount != 0:
        if not allow_negative:
            raise AmountError(f"«{_shown(value)}»: l'importo non può essere negativo")
        amount = -amount
    return amount


def _from_number(value: int | float | Decimal) -> Decimal:
    shown = _shown(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise AmountError("importo non valido")
        # repr() is the shortest text that reads back as the same float: 350.1, not
        # 350.10000000000002273736754432320594787597656250 (what Decimal(350.1) gives).
        exact = Decimal(repr(value))
        _check_size(exact, shown)
        cents = exact.quantize(CENT, rounding=ROUND_HALF_EVEN)
        if abs(exact - cents) > _FLOAT_NOISE:
            raise AmountError(f"«{shown}»: un importo ha al massimo due decimali")
        return cents
    amount = Decimal(value)
    if not amount.is_finite():
        raise AmountError("importo non valido")
    return _to_cents(amount, shown)


def _from_text(value: str) -> tuple[Decimal, bool]:
    text = value.strip()
    body = text.replace("\u00a0", " ").replace("€", "").strip()
    if body.upper().endswith("EUR"):
        body = body[:-3].strip()
    elif body.upper().startswith("EUR"):
        body = body[3:].strip()
    negative = body.startswith("-")
    if negative:
        body = body[1:].strip()
    plain = _PLAIN.match(body)
    italian = _ITALIAN.match(body)
    if plain:
        amount = Decimal(body)
    elif italian:
        whole, decimals = italian.groups()
        amount = Decimal(whole.replace(".", "") + ("." + decimals if decimals else ""))
    else:
        raise AmountError(f"«{_shown(text)}» non è un importo: {EXAMPLE}")
    return _to_cents(amount, text), negative


def _check_size(amount: Decimal, shown: str) -> None:
    if abs(amount) > MAX_AMOUNT:
        raise AmountError(f"«{shown}»: importo troppo grande")


def _to_cents(amount: Decimal, shown: str) -> Decimal:
    _check_size(amount, shown)
    cents = amount.quantize(CENT)
    if cents != amount:
        raise AmountError(f"«{shown}»: un importo ha al massimo due decimali")
    return cents


def format_amount(amount: Decimal, unit: Unit = "") -> str:
    """``Decimal("1234.5")`` as "1.234,50" (or "1.234,50 EUR", "1.234,50 €" with ``unit``).

    Refuses a float (say what you mean: a Decimal) and more than two decimals (round first,
    with the rounding the rule asks for), so that what is shown is what is stored.
    """
    if isinstance(amount, bool) or not isinstance(amount, Decimal | int):
        raise TypeError(f"format_amount needs a Decimal, not {type(amount).__name__}")
    value = Decimal(amount)
    if not value.is_finite() or value.quantize(CENT) != value:
        raise ValueError(f"format_amount needs an amount to the cent, not {amount!r}")
    whole, _, cents = f"{abs(value):.2f}".partition(".")
    groups = f"{int(whole):,}".replace(",", ".")
    text = f"{'-' if value < 0 else ''}{groups},{cents}"
    return f"{text} {unit}" if unit else text
