"""Text helpers shared by services: folding for search and duplicate detection."""

from __future__ import annotations

import re

from text_unidecode import unidecode

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_CHARACTERS_MESSAGE = "contiene caratteri di controllo non ammessi (incollati da un file?)"


def has_control_characters(text: str) -> bool:
    """A NUL or another control character (tab and line breaks excepted): PostgreSQL
    refuses NUL outright, and none of them means anything in a name or a code."""
    return _CONTROL.search(text) is not None


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
