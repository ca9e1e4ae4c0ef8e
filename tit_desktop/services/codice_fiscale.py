"""Codice fiscale: format validation and comparison with a person's data.

Two kinds of code are accepted:

* the 16-character personal code (cognome, nome, data di nascita and sesso, luogo di nascita,
  carattere di controllo), including omocodia variants, where the Agenzia delle Entrate
  replaces digits with the letters L M N P Q R S T U V to tell apart people who would get the
  same code;
* the 11-digit numeric **codice provvisorio** given to people awaiting a definitive code. Its
  last digit is a check digit computed as for a partita IVA.

Name and date encoding and the check letter come from python-codicefiscale; this module adds the
precise Italian reasons, the codice provvisorio and the part-by-part comparison.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from typing import TypeGuard

from codicefiscale import encode_birthdate, encode_cin, encode_firstname, encode_lastname

from tit_desktop.italian import MONTH_NAMES as _MONTH_NAMES
from tit_desktop.services import places

__all__ = [
    "PARTS",
    "CheckResult",
    "Mismatch",
    "check",
    "compute",
    "normalise",
    "validate_format",
]

PARTS: tuple[str, ...] = ("cognome", "nome", "sesso", "data di nascita", "luogo di nascita")
"""The parts of a personal code, in the order they appear in it."""

_MONTH_LETTERS = "ABCDEHLMPRST"
_OMOCODIA_LETTERS = "LMNPQRSTUV"  # stand for 0 1 2 3 4 5 6 7 8 9
_OMOCODIA_TO_DIGITS = str.maketrans(_OMOCODIA_LETTERS, "0123456789")
# 0-based positions of the 16-character code that hold digits (or omocodia letters).
_DIGIT_POSITIONS: tuple[int, ...] = (6, 7, 9, 10, 12, 13, 14)
_PLACE_RE = re.compile(r"[A-Z][0-9]{3}")
_ALLOWED_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def normalise(code: str) -> str:
    """Upper case, without surrounding or inner white space."""
    return "".join(code.split()).upper()


# --- format -------------------------------------------------------------------------------------


def _provisional_check_digit(first_ten: str) -> str:
    """Check digit of an 11-digit numeric code (the partita IVA algorithm)."""
    total = 0
    for index, char in enumerate(first_ten):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return str((10 - total % 10) % 10)


def _validate_provisional(code: str) -> str | None:
    if not code.isdigit() or not code.isascii():
        return "il codice provvisorio di 11 caratteri deve contenere solo cifre"
    if set(code) == {"0"}:
        return "codice provvisorio non valido: tutte le cifre sono zero"
    expected = _provisional_check_digit(code[:10])
    if code[10] != expected:
        return f"cifra di controllo errata: attesa «{expected}», trovata «{code[10]}»"
    return None


def _digit_value(chars: str) -> int:
    return int(chars.translate(_OMOCODIA_TO_DIGITS))


def _base_code(code: str) -> str:
    """The code with omocodia letters turned back into digits (check letter left as it is)."""
    chars = list(code)
    for position in _DIGIT_POSITIONS:
        chars[position] = chars[position].translate(_OMOCODIA_TO_DIGITS)
    return "".join(chars)


def _is_place_code_known(place_code: str) -> bool:
    """A comune or state code known to ISTAT tables; unknown ``Z`` codes other than ``Z000``
    are accepted too, because the library's list of states lacks dependent territories
    (Macao Z217, Riunione Z324...)."""
    if place_code.startswith("Z"):
        return place_code != places.ITALY.code
    return places.by_code(place_code) is not None


def _validate_personal(code: str) -> str | None:
    for position, char in enumerate(code, start=1):
        if char not in _ALLOWED_CHARS:
            return f"carattere non valido «{char}» in posizione {position}"
    for position in (0, 1, 2, 3, 4, 5, 8, 11, 15):
        if not code[position].isalpha():
            what = {
                8: "mese",
                11: "luogo di nascita",
                15: "carattere di controllo",
            }.get(position, "cognome e nome")
            return (
                f"posizione {position + 1}: attesa una lettera ({what}), trovato «{code[position]}»"
            )
    for position in _DIGIT_POSITIONS:
        char = code[position]
        if not char.isdigit() and char not in _OMOCODIA_LETTERS:
            return (
                f"posizione {position + 1}: attesa una cifra o una lettera di omocodia "
                f"({_OMOCODIA_LETTERS}), trovato «{char}»"
            )
    month_letter = code[8]
    if month_letter not in _MONTH_LETTERS:
        return (
            f"lettera del mese «{month_letter}» impossibile (ammesse: {', '.join(_MONTH_LETTERS)})"
        )
    day = _digit_value(code[9:11])
    if not (1 <= day <= 31 or 41 <= day <= 71):
        return f"giorno di nascita impossibile: «{code[9:11]}» (ammessi 01-31, 41-71 per le donne)"
    month = _MONTH_LETTERS.index(month_letter) + 1
    year_in_century = _digit_value(code[6:8])
    # The century is not in the code: 29 February is possible when the two digits are those of
    # a leap year in some century (00 is: 2000).
    leap = year_in_century % 4 == 0
    days_in_month = calendar.monthrange(2000 if leap else 2001, month)[1]
    if day % 40 > days_in_month:
        return f"giorno di nascita impossibile: {day % 40} {_MONTH_NAMES[month - 1]}" + (
            f" nell'anno «{code[6:8]}»" if month == 2 else ""
        )
    place_code = _base_code(code)[11:15]
    if not _is_place_code_known(place_code):
        return f"codice del luogo di nascita «{place_code}» inesistente"
    expected_cin = encode_cin(code[:15])
    if code[15] != expected_cin:
        return f"carattere di controllo errato: atteso «{expected_cin}», trovato «{code[15]}»"
    return None


def validate_format(code: str) -> str | None:
    """``None`` when ``code`` is an acceptable codice fiscale, otherwise the reason, in Italian.

    The code is normalised first (see :func:`normalise`). Accepted: a 16-character personal
    code with the right check letter (omocodia variants included) and an 11-digit codice
    provvisorio with the right check digit. The birth place must be a known comune or a state
    code (``Z`` and three digits). Never raises.
    """
    normal = normalise(code)
    if not normal:
        return "codice fiscale vuoto"
    if len(normal) == 11:
        return _validate_provisional(normal)
    if len(normal) != 16:
        return (
            f"lunghezza errata: {len(normal)} caratteri "
            "(attesi 16, oppure 11 cifre per il codice provvisorio)"
        )
    return _validate_personal(normal)


# --- comparison ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mismatch:
    """A part of the code that does not agree with the person's data.

    ``part`` is one of :data:`PARTS`. ``expected`` is what the person's data gives and ``found``
    what the code says: the three code letters for cognome and nome ("GND"), "F"/"M" for sesso,
    dd/mm/yyyy for the date (the code's century is taken nearest to the data's) and the Belfiore
    code for the place ("Z243").
    """

    part: str
    expected: str
    found: str


@dataclass(frozen=True)
class CheckResult:
    """Outcome of :func:`check`.

    ``error`` is a format error (the code is unusable); ``mismatches`` are the parts that
    disagree with the person's data (a warning: the code may still be the person's real one);
    ``computed`` is the code computed from the data when all of it is given.
    """

    code: str
    is_provisional: bool
    error: str | None
    mismatches: tuple[Mismatch, ...]
    computed: str | None

    @property
    def warning_text(self) -> str:
        """Italian warning about the mismatches, empty when there are none."""
        if not self.mismatches:
            return ""
        text = "Il codice fiscale non corrisponde a: " + ", ".join(m.part for m in self.mismatches)
        if self.computed and self.computed != self.code:
            text += f". Codice calcolato dai dati: {self.computed}"
        return text


def _normalise_sex(sex: str | None) -> str | None:
    if sex is None or not sex.strip():
        return None
    value = sex.strip().upper()
    if value not in ("F", "M"):
        raise ValueError(f"sesso non valido: «{sex}» (ammessi F, M)")
    return value


def _given(text: str | None) -> TypeGuard[str]:
    """True for a non-blank text."""
    return text is not None and bool(text.strip())


def _format_date(value: datetime.date) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def _format_code_date(year_in_century: int, month: int, day: int, near: datetime.date) -> str:
    """The code's date with the century closest to ``near``."""
    base = near.year - near.year % 100
    years = sorted(
        (base + delta + year_in_century for delta in (-100, 0, 100)),
        key=lambda year: abs(year - near.year),
    )
    for year in years:
        try:
            return _format_date(datetime.date(year, month, day))
        except ValueError:
            continue
    return f"{day:02d}/{month:02d}/{year_in_century:02d}"


def _compare(
    code: str,
    last_name: str | None,
    first_name: str | None,
    sex: str | None,
    birth_date: datetime.date | None,
    birth_place_code: str | None,
) -> tuple[Mismatch, ...]:
    base = _base_code(code)
    mismatches: list[Mismatch] = []
    if _given(last_name):
        expected = encode_lastname(last_name)
        if expected != base[0:3]:
            mismatches.append(Mismatch("cognome", expected, base[0:3]))
    if _given(first_name):
        expected = encode_firstname(first_name)
        if expected != base[3:6]:
            mismatches.append(Mismatch("nome", expected, base[3:6]))
    code_day = int(base[9:11])
    code_sex = "F" if code_day > 40 else "M"
    if sex is not None and sex != code_sex:
        mismatches.append(Mismatch("sesso", sex, code_sex))
    if birth_date is not None:
        year_in_century = int(base[6:8])
        month = _MONTH_LETTERS.index(base[8]) + 1
        day = code_day % 40
        if (birth_date.year % 100, birth_date.month, birth_date.day) != (
            year_in_century,
            month,
            day,
        ):
            mismatches.append(
                Mismatch(
                    "data di nascita",
                    _format_date(birth_date),
                    _format_code_date(year_in_century, month, day, birth_date),
                )
            )
    if _given(birth_place_code):
        expected_place = birth_place_code.strip().upper()
        found_place = base[11:15]
        if expected_place == places.ITALY.code:
            # Born in Italy, comune unknown: only a foreign state in the code disagrees.
            differs = found_place.startswith("Z")
        else:
            differs = expected_place != found_place
        if differs:
            mismatches.append(Mismatch("luogo di nascita", expected_place, found_place))
    return tuple(mismatches)


def compute(
    last_name: str,
    first_name: str,
    sex: str,
    birth_date: datetime.date,
    birth_place_code: str,
) -> str:
    """The codice fiscale of a person (without omocodia), from the data.

    ``birth_place_code`` is the Belfiore code of the comune or of the state of birth.
    Raises ``ValueError`` (Italian message) when the data cannot give a code.
    """
    if not _given(last_name):
        raise ValueError("cognome mancante")
    if not _given(first_name):
        raise ValueError("nome mancante")
    sex_code = _normalise_sex(sex)
    if sex_code is None:
        raise ValueError("sesso mancante")
    place_code = birth_place_code.strip().upper()
    if place_code == places.ITALY.code:
        raise ValueError("per calcolare il codice fiscale serve il comune di nascita, non «Italia»")
    if not _PLACE_RE.fullmatch(place_code) or not _is_place_code_known(place_code):
        raise ValueError(f"codice del luogo di nascita «{birth_place_code}» inesistente")
    moment = datetime.datetime(birth_date.year, birth_date.month, birth_date.day)
    # The library's encode() also checks that the place existed on the birth date and fails for
    # some real codes (gaps in the historic tables): the parts are encoded one by one instead.
    partial = (
        encode_lastname(last_name)
        + encode_firstname(first_name)
        + encode_birthdate(moment, "F" if sex_code == "F" else "M")
        + place_code
    )
    return partial + encode_cin(partial)


def check(
    code: str,
    last_name: str | None = None,
    first_name: str | None = None,
    sex: str | None = None,
    birth_date: datetime.date | None = None,
    birth_place_code: str | None = None,
) -> CheckResult:
    """Validate ``code`` and compare it with the person's data.

    Only the parts for which data is given are compared, and only for a well-formed 16-character
    code; an omocodia variant is compared as its base code. A codice provvisorio (11 digits) is
    only validated. ``sex`` is "F" or "M" (``ValueError`` otherwise).
    """
    normal = normalise(code)
    sex_code = _normalise_sex(sex)
    error = validate_format(normal)
    is_provisional = len(normal) == 11 and normal.isdigit() and normal.isascii()
    computed: str | None = None
    if (
        last_name is not None
        and first_name is not None
        and sex_code is not None
        and birth_date is not None
        and birth_place_code is not None
    ):
        try:
            computed = compute(last_name, first_name, sex_code, birth_date, birth_place_code)
        except ValueError:
            computed = None
    mismatches: tuple[Mismatch, ...] = ()
    if error is None and len(normal) == 16:
        mismatches = _compare(normal, last_name, first_name, sex_code, birth_date, birth_place_code)
    return CheckResult(
        code=normal,
        is_provisional=is_provisional,
        error=error,
        mismatches=mismatches,
        computed=computed,
    )
