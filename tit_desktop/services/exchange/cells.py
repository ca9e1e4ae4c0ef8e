"""Cell parsers: one value of a spreadsheet (or a CSV field, always text) to what the
database holds, or a :class:`CellError` with the reason in Italian.

A cell arrives as openpyxl gives it with ``data_only=True`` (``str``, ``int``, ``float``,
``datetime``, ``bool``...) or as CSV text. Blank cells (``None`` or white space) never reach a
parser: the importer turns them into ``None`` and checks required columns itself. The messages
do not name the column: the report puts it beside them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any, TypeVar

from tit_desktop.models import Employment, PermitReason
from tit_desktop.services import money, places
from tit_desktop.services.text import character_problem

T = TypeVar("T")

CellParser = Callable[[Any], Any]


class CellError(ValueError):
    """A cell that cannot be read; ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class BadCell:
    """A cell the reader could not give a value for (a formula without a computed value, an
    Excel error such as #DIV/0!): any parser refuses it with ``message``."""

    message: str


class _Declined:
    """The value of a declinable cell that reads «non ha risposto»."""

    def __repr__(self) -> str:
        return "DECLINED"


DECLINED = _Declined()
DECLINED_TEXT = "non ha risposto"
"""What a cell holds when the person chose not to answer (the person form's check box)."""


def fold(text: str) -> str:
    """Comparison key: case, accents and punctuation ignored ("Minore età" = "minore eta")."""
    return places.fold(text)


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(value: Any) -> str:
    """How a refused value is quoted back to the user."""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return f"{value:%d/%m/%Y}"
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, bool):
        return "VERO" if value else "FALSO"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text if len(text) <= 60 else text[:57] + "..."


def _finite(value: float | Decimal) -> bool:
    return value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)


def _check_usable(value: Any) -> None:
    if isinstance(value, BadCell):
        raise CellError(value.message)


# --- text -----------------------------------------------------------------------------

# What makes a spreadsheet program run a CSV cell as a formula when it opens the file.
FORMULA_STARTS = frozenset("=+-@\t\r")


def csv_protected(text: str) -> str:
    """A text as the CSV export writes it: with one apostrophe in front when a spreadsheet
    program would run it as a formula (it begins with = + - @, a tab or a carriage return),
    and when it begins with an apostrophe followed by one of those or by a second apostrophe
    (so that the import can tell the two apart). Every other text is written as it is.

    :func:`csv_unprotected` is its exact inverse: the CSV reader applies it to every field,
    and only the CSV reader (an .xlsx export writes such texts as text cells, with nothing
    added, and an .xlsx cell is read as it is)."""
    if text[:1] in FORMULA_STARTS or (text[:1] == "'" and text[1:2] in FORMULA_STARTS | {"'"}):
        return "'" + text
    return text


def csv_unprotected(text: str) -> str:
    """The field of a CSV file as the text it stands for: the apostrophe
    :func:`csv_protected` adds is removed, and nothing else."""
    if text[:1] == "'" and text[1:2] and text[1:2] in FORMULA_STARTS | {"'"}:
        return text[1:]
    return text


def parse_text(value: Any) -> str:
    """Any cell as text, trimmed. Numbers lose a ``.0`` (a Codice typed as 12 is "12"),
    dates become dd/mm/yyyy. The apostrophe the CSV export puts before a text that a
    spreadsheet program would run as a formula is removed by the CSV reader, not here: an
    .xlsx cell is taken as it is."""
    _check_usable(value)
    if isinstance(value, bool):
        raise CellError(f"atteso un testo, trovato il valore logico {_shown(value)}")
    if isinstance(value, int | float | Decimal | dt.date | dt.time):
        if isinstance(value, float | Decimal) and not _finite(value):
            raise CellError("valore numerico non valido")
        return _shown(value)
    if isinstance(value, dt.timedelta):
        raise CellError("atteso un testo, trovata una durata")
    text = str(value).strip()
    problem = character_problem(text)
    if problem is not None:
        # Checked before any lookup by this text: PostgreSQL fails on a NUL in a query.
        raise CellError(problem)
    return text


# --- dates ----------------------------------------------------------------------------

_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_date(value: Any) -> dt.date:
    """A real spreadsheet date, or text ``dd/mm/yyyy`` (also ``d/m/yyyy``)."""
    _check_usable(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool) or not isinstance(value, str):
        raise CellError(
            f"«{_shown(value)}» non è una data: scrivere la data come gg/mm/aaaa "
            "(o formattare la cella come data)"
        )
    text = value.strip()
    match = _DATE.match(text)
    if match is None:
        raise CellError(f"«{_shown(text)}» non è una data nel formato gg/mm/aaaa")
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellError(f"la data «{text}» non esiste") from None


# --- amounts --------------------------------------------------------------------------


def parse_amount(value: Any) -> Decimal:
    """A sum of money in euro, to the cent, read by the application's one amount parser
    (:func:`tit_desktop.services.money.parse_amount`: Italian forms, number cells). A leading
    minus sign is accepted here: which sign is allowed is the column's business."""
    _check_usable(value)
    try:
        return money.parse_amount(value, allow_negative=True)
    except money.AmountError as exc:
        raise CellError(exc.message) from None


# --- whole numbers and closed lists ---------------------------------------------------


def parse_int(value: Any) -> int:
    """A whole number: a number cell (3 or 3.0) or digits as text ("3")."""
    _check_usable(value)
    if isinstance(value, bool):
        raise CellError(f"«{_shown(value)}» non è un numero intero")
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal):
        if _finite(value) and value == int(value):
            return int(value)
        raise CellError(f"«{_shown(value)}» non è un numero intero")
    if isinstance(value, str) and value.strip().isdecimal() and value.strip().isascii():
        return int(value.strip())
    raise CellError(f"«{_shown(value)}» non è un numero intero")


def int_in_range(low: int, high: int, what: str) -> Callable[[Any], int]:
    """A parser for a whole number from ``low`` to ``high`` ("livello ISCED da 0 a 8")."""

    def parse(value: Any) -> int:
        _check_usable(value)
        try:
            number = parse_int(value)
        except CellError as exc:
            raise CellError(f"{exc.message}: indicare {what} da {low} a {high}") from None
        if not low <= number <= high:
            raise CellError(f"{number} non previsto: indicare {what} da {low} a {high}")
        return number

    return parse


def parse_isced(value: Any) -> int:
    """Titolo di studio: the ISCED level 0-8."""
    return int_in_range(0, 8, "il livello ISCED")(value)


def parse_ethos(value: Any) -> int:
    """ETHOS: the category number 0-13 (0 = adequate housing)."""
    return int_in_range(0, 13, "la categoria ETHOS")(value)


def parse_sex(value: Any) -> str:
    """Sesso: F or M (either case)."""
    text = parse_text(value).upper()
    if text not in ("F", "M"):
        raise CellError(f"«{_shown(text)}» non previsto: indicare F o M")
    return text


_EMPLOYMENT = {fold(item.value): item.value for item in Employment}


def parse_employment(value: Any) -> str:
    """Condizione occupazionale: one of the values of DOMAIN.md section 3, case and accents
    ignored."""
    text = parse_text(value)
    found = _EMPLOYMENT.get(fold(text))
    if found is None:
        allowed = ", ".join(item.value for item in Employment)
        raise CellError(f"«{_shown(text)}» non previsto: indicare uno tra {allowed}")
    return found


def declinable(parser: Callable[[Any], T]) -> Callable[[Any], T | _Declined]:
    """``parser``, plus the text «non ha risposto» (case and accents ignored), which gives
    :data:`DECLINED`: the person refused to answer, which reports tell from "not asked"."""

    def parse(value: Any) -> T | _Declined:
        if isinstance(value, str) and fold(value) == fold(DECLINED_TEXT):
            return DECLINED
        return parser(value)

    parse.__doc__ = parser.__doc__
    return parse


# --- places ---------------------------------------------------------------------------


def parse_state(value: Any) -> str:
    """Cittadinanza: an ISTAT state name (Italian, or an alternative name the ISTAT data
    knows: "Morocco", "Russia", "Stati Uniti"...), stored as its Belfiore code."""
    text = parse_text(value)
    state = _state(fold(text))
    if state is None:
        raise CellError(
            f"stato «{_shown(text)}» sconosciuto: indicare il nome italiano dello stato "
            "(ad esempio Marocco, Nigeria, Italia)"
        )
    return state.code


@lru_cache(maxsize=4096)
def _state(key: str) -> places.Place | None:
    return places.state_by_name(key)


@dataclass(frozen=True)
class BirthPlace:
    """Luogo di nascita as read: the Belfiore code when the place was recognised, otherwise
    the text as written and a warning saying why it will be kept as text
    (``warning_once_written`` says it after the import: a check, or a file refused for its
    errors, has written nothing)."""

    code: str | None
    text: str | None
    warning: str | None = None

    @property
    def warning_once_written(self) -> str | None:
        if self.warning is None:
            return None
        return self.warning.removesuffix(KEPT_AS_TEXT) + KEPT_AS_TEXT_WRITTEN


KEPT_AS_TEXT = "il luogo sarà registrato come testo"
KEPT_AS_TEXT_WRITTEN = "il luogo è stato registrato come testo"


_WITH_PROVINCE = re.compile(r"^(.*\S)\s*\(\s*([A-Za-z]{2})\s*\)$")
_BELFIORE = re.compile(r"^[A-Za-z][0-9]{3}$")


@cache
def _comuni_by_name() -> dict[str, tuple[places.Place, ...]]:
    index: dict[str, list[places.Place]] = {}
    for place in places.comuni(include_ceased=True):
        index.setdefault(fold(place.name), []).append(place)
    return {key: tuple(found) for key, found in index.items()}


def parse_birth_place(value: Any) -> BirthPlace:
    """Luogo di nascita: an Italian comune ("Ancona", or "Ancona (AN)" when the name is
    shared by comuni of different provinces) or a foreign state ("Marocco"); a Belfiore code
    ("A271", "Z330") is accepted too. A place that is not recognised, or a comune name shared
    by several provinces, is kept as text with a warning: it is not an error, because a
    village abroad is a legitimate birth place."""
    text = parse_text(value)
    found, reason = _birth_place(text)
    if found is not None:
        return BirthPlace(found.code, None)
    return BirthPlace(None, text, reason)


@lru_cache(maxsize=20000)
def _birth_place(text: str) -> tuple[places.Place | None, str]:
    if _BELFIORE.match(text):
        coded = places.by_code(text)
        if coded is not None:
            return coded, ""
    with_province = _WITH_PROVINCE.match(text)
    if with_province:
        name, province = with_province.group(1), with_province.group(2).upper()
        candidates = [p for p in _comuni_by_name().get(fold(name), ()) if p.province == province]
        chosen = _prefer_active(candidates)
        if chosen is not None:
            return chosen, ""
    state = _state(fold(text))
    if state is not None:
        return state, ""
    comuni = _comuni_by_name().get(fold(text), ())
    chosen = _prefer_active(list(comuni))
    if chosen is not None:
        return chosen, ""
    active = [p for p in comuni if p.active] or list(comuni)
    if len(active) > 1:
        labels = ", ".join(places.label(p) for p in active[:6])
        return None, (
            f"più comuni si chiamano «{text}» ({labels}): indicare la provincia, ad esempio "
            f"«{places.label(active[0])}»; {KEPT_AS_TEXT}"
        )
    return None, f"«{text}» non è tra i comuni italiani né tra gli stati esteri: {KEPT_AS_TEXT}"


def _prefer_active(candidates: list[places.Place]) -> places.Place | None:
    """The only candidate, or the only active one among several; None when ambiguous."""
    if len(candidates) == 1:
        return candidates[0]
    active = [p for p in candidates if p.active]
    return active[0] if len(active) == 1 else None


# --- permits --------------------------------------------------------------------------

# Other ways the office's old sheets write a motive (DOMAIN.md section 3), folded.
_PERMIT_ALIASES: dict[str, PermitReason] = {
    "motivi familiari": PermitReason.FAMILY,
    "familiari": PermitReason.FAMILY,
    "motivi di famiglia": PermitReason.FAMILY,
    "lavoro dipendente": PermitReason.EMPLOYED_WORK,
    "attesa di occupazione": PermitReason.AWAITING_EMPLOYMENT,
    "richiedente asilo": PermitReason.ASYLUM_APPLICATION,
    "richiesta di asilo": PermitReason.ASYLUM_APPLICATION,
    "richiesta protezione internazionale": PermitReason.ASYLUM_APPLICATION,
    "asilo": PermitReason.POLITICAL_ASYLUM,
    "rifugiato": PermitReason.POLITICAL_ASYLUM,
    "status di rifugiato": PermitReason.POLITICAL_ASYLUM,
    "apolide": PermitReason.STATELESSNESS,
    "ue lungo periodo": PermitReason.EU_LONG_TERM_RESIDENT,
    "soggiornante di lungo periodo": PermitReason.EU_LONG_TERM_RESIDENT,
    "soggiornanti di lungo periodo": PermitReason.EU_LONG_TERM_RESIDENT,
    "ue soggiornanti di lungo periodo": PermitReason.EU_LONG_TERM_RESIDENT,
    "lungo periodo": PermitReason.EU_LONG_TERM_RESIDENT,
}
_PERMIT_REASONS: dict[str, PermitReason] = {
    **_PERMIT_ALIASES,
    **{fold(reason.value): reason for reason in PermitReason},
}
# "Permesso di soggiorno per motivi di studio" names the motive after a generic prefix.
_PERMIT_PREFIX = re.compile(
    r"^(?:permesso(?: di soggiorno)?|pds|ps)(?: elettronico)?(?: per)?(?: motivi di| motivi)?\s+"
)
_TYPE_AND_REASON = re.compile(r"^(.*\S)\s*\(([^()]+)\)$")


def _reason(text: str) -> PermitReason | None:
    key = fold(text)
    found = _PERMIT_REASONS.get(key)
    if found is None:
        stripped = _PERMIT_PREFIX.sub("", key, count=1)
        if stripped != key:
            found = _PERMIT_REASONS.get(stripped)
    return found


def parse_permit(value: Any) -> tuple[str | None, str | None]:
    """Tipo permesso -> ``(permit_type, permit_reason)``.

    The office's old sheets hold in this one column sometimes the motive of the permit
    ("Richiesta asilo", "Protezione sussidiaria", "motivi familiari", "Permesso di soggiorno
    per studio") and sometimes the kind of document ("Carta di soggiorno", "Ricevuta di
    richiesta"). The motive is what the office's lists and the ministry's reports use, so:

    * a text that names one of the motives of DOMAIN.md section 3 (case, accents and
      punctuation ignored, a generic "permesso di soggiorno per ..." prefix and a few
      everyday synonyms such as "motivi familiari" or "richiedente asilo" accepted) sets the
      motive, and no kind of document;
    * "Kind (motive)", as the export writes a person who has both, sets both;
    * any other text is kept as it is as the kind of document, with no motive: nothing is
      guessed (an old "motivi umanitari" permit, say, is not silently turned into one of
      today's motives), and the motive can be set later on the person's record.
    """
    text = parse_text(value)
    both = _TYPE_AND_REASON.match(text)
    if both:
        reason = _reason(both.group(2))
        if reason is not None:
            return both.group(1), reason.value
    reason = _reason(text)
    if reason is not None:
        return None, reason.value
    return text, None


def permit_text(permit_type: str | None, permit_reason: str | None) -> str | None:
    """The Tipo permesso cell for a person: the inverse of :func:`parse_permit`."""
    if permit_type and permit_reason:
        return f"{permit_type} ({permit_reason})"
    return permit_reason or permit_type or None
