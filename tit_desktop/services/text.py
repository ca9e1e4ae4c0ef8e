"""Text helpers shared by services: folding for search and duplicate detection."""

from __future__ import annotations

import re

from text_unidecode import unidecode

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


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
