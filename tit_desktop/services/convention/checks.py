"""Field checks shared by the convention's services and its exchange sheets: CUP, CIG,
codice fiscale or partita IVA, amounts and names. Each returns the Italian reason, or None."""

from __future__ import annotations

import re
from decimal import Decimal

from tit_desktop.services import codice_fiscale, money
from tit_desktop.services.text import character_problem

REQUIRED = "campo obbligatorio"

_CUP = re.compile(r"^[A-Z0-9]{15}$")
_CIG = re.compile(r"^[A-Z0-9]{10}$")


def normalise_code(value: str | None) -> str | None:
    """Upper case without spaces; empty becomes None."""
    if value is None:
        return None
    text = "".join(value.split()).upper()
    return text or None


def cup_problem(cup: str | None) -> str | None:
    """A CUP (Codice Unico di Progetto) is 15 letters and digits."""
    if not cup:
        return REQUIRED
    if len(cup) != 15:
        return f"il CUP ha 15 caratteri, «{cup}» ne ha {len(cup)}"
    if not _CUP.match(cup):
        return f"il CUP contiene solo lettere e cifre, non «{cup}»"
    return None


def cig_problem(cig: str | None) -> str | None:
    """A CIG (Codice Identificativo Gara) is 10 letters and digits; optional."""
    if cig is None:
        return None
    if not _CIG.match(cig):
        return f"il CIG ha 10 lettere o cifre, non «{cig}»"
    return None


def vat_number_problem(code: str) -> str | None:
    """A partita IVA: 11 digits, the last one the check digit (Luhn's variant)."""
    if len(code) != 11 or not code.isdigit() or not code.isascii():
        return "la partita IVA ha 11 cifre"
    if set(code) == {"0"}:
        return "partita IVA non valida: tutte le cifre sono zero"
    total = 0
    for index, char in enumerate(code[:10]):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    expected = str((10 - total % 10) % 10)
    if code[10] != expected:
        return (
            f"cifra di controllo della partita IVA errata: attesa «{expected}», "
            f"trovata «{code[10]}»"
        )
    return None


def tax_code_problem(code: str | None) -> str | None:
    """A supplier's codice fiscale (16 characters) or partita IVA (11 digits), check
    character verified; optional."""
    if code is None:
        return None
    if len(code) == 11:
        return vat_number_problem(code)
    if len(code) == 16:
        reason = codice_fiscale.validate_format(code)
        return f"codice fiscale non valido: {reason}" if reason else None
    return f"«{code}» non è un codice fiscale (16 caratteri) né una partita IVA (11 cifre)"


def text_problem(value: str | None, limit: int, *, required: bool = False) -> str | None:
    if value is None or not value.strip():
        return REQUIRED if required else None
    if len(value) > limit:
        return f"al massimo {limit} caratteri (sono {len(value)})"
    return character_problem(value)


def amount_from_text(
    text: str, errors: dict[str, str], field: str, *, required: bool = True
) -> Decimal | None:
    """An amount typed by a person ("1.234,56"), or None with the reason in ``errors``."""
    if not text.strip():
        if required:
            errors[field] = REQUIRED
        return None
    try:
        return money.parse_amount(text)
    except money.AmountError as exc:
        errors[field] = exc.message
        return None
