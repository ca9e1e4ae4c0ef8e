"""Text helpers shared by services: the characters a text may hold, folding for search and
duplicate detection."""

from __future__ import annotations

import re

from text_unidecode import unidecode

_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Characters refused in every name and text field (the person form and the import check
# them here, and nowhere else), with how the message describes them. Tab and line breaks
# are allowed (a note has several lines). The rest mean nothing in a name or a note and do
# harm: a NUL is refused by PostgreSQL, U+FFFE/U+FFFF and the other control characters make
# an .xlsx file unreadable, direction overrides (U+202E) show a name other than the one
# stored, and invisible characters make two equal-looking names differ.
_FORBIDDEN_CLASSES: tuple[tuple[str, str], ...] = (
    ("\x00-\x08\x0b\x0c\x0e-\x1f\x7f", "carattere di controllo"),
    ("\x80-\x9f", "carattere di controllo C1"),
    ("\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069", "controllo della direzione del testo"),
    ("\u180e\u200b-\u200d\u2060\ufeff", "carattere invisibile a larghezza zero"),
    ("\u2028\u2029", "separatore di riga o di paragrafo Unicode"),
    (
        # The other format characters of Unicode's category Cf (the test compares this
        # list with the unicodedata module's).
        "\u00ad\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u2061-\u2064\u206a-\u206f"
        "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
        "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f",
        "carattere di formattazione invisibile",
    ),
    ("\ud800-\udfff", "carattere con codifica non valida"),
    (
        "\ufdd0-\ufdef\ufffe\uffff"
        + "".join(
            f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}"
            for plane in range(1, 17)
        ),
        "non-carattere Unicode",
    ),
)
_FORBIDDEN = re.compile("[" + "".join(chars for chars, _ in _FORBIDDEN_CLASSES) + "]")
_DESCRIPTIONS = tuple((re.compile(f"[{chars}]"), what) for chars, what in _FORBIDDEN_CLASSES)
CONTROL_CHARACTERS_MESSAGE = "contiene caratteri di controllo non ammessi (incollati da un file?)"


def forbidden_character(text: str) -> str | None:
    """The first character of ``text`` that no name or text field may hold, or None."""
    found = _FORBIDDEN.search(text)
    return found.group() if found else None


def character_problem(text: str) -> str | None:
    """Why ``text`` cannot be stored, naming its first forbidden character as U+XXXX
    ("contiene il carattere U+202E (controllo della direzione del testo), non ammesso..."),
    or None when every character is allowed. The caller puts the field's name beside it."""
    char = forbidden_character(text)
    if char is None:
        return None
    what = next(what for pattern, what in _DESCRIPTIONS if pattern.match(char))
    return (
        f"contiene il carattere U+{ord(char):04X} ({what}), che non è ammesso: forse è stato "
        "incollato da un altro programma; cancellarlo e riscrivere il testo"
    )


def has_control_characters(text: str) -> bool:
    """``text`` holds a character no name or text field may hold (see
    :func:`character_problem`, which says which)."""
    return forbidden_character(text) is not None


def fold(text: str | None) -> str:
    """Lower-case ASCII with accents removed and other scripts transliterated, words kept
    apart by single spaces: "Şükrü  Gündoğdu" -> "sukru gundogdu", "Ольга" -> "ol ga"."""
    if not text:
        return ""
    return _NON_ALNUM.sub(" ", unidecode(text).lower()).strip()


def fold_key(text: str | None) -> str:
    """``fold`` without spaces or apostrophes: the search key ("D'Amico" -> "damico")."""
    return fold(text).replace(" ", "")


def clean(text: str | None) -> str | None:
    """Trim and collapse inner white space; empty becomes None."""
    if text is None:
        return None
    value = " ".join(text.split())
    return value or None
