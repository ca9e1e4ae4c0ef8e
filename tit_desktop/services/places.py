"""ISTAT places for the "luogo di nascita" and "cittadinanza" pickers.

The tables come from python-codicefiscale, which ships the ISTAT lists of Italian comuni (with
their whole history since 1861) and of foreign states, each with its Belfiore code (the code
used in positions 12-15 of the codice fiscale).

Notes on the library data, and what this module does about it:

* Italy is not in the foreign-state list (it has no Belfiore code of its own): :data:`ITALY` is a
  pseudo state with the made-up code ``Z000``, used for Italian citizenship.
* A comune appears once per period of validity (changes of province or name). For each code
  this module keeps the active record, or the most recent one when the comune has ceased; the
  other names the code had are kept as search aliases (e.g. "Abano" finds "Abano Terme").
* The library's names are title-cased ("Stati Uniti D'America", "Castel Di Sangro") and
  a few state names spell accents with an apostrophe ("Peru'"). Names are shown here with
  lower-case prepositions ("Stati Uniti d'America", "Castel di Sangro") and real accents
  ("Perù").
* Ceased states (Jugoslavia, URSS...) come from a separate list in the library. Two states can
  share a name (Georgia Z136, ceased, and Georgia Z254): lookups by name prefer the active one.
* Dependent territories (Macao, Riunione, Guadalupa...) are not in the library's list.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from codicefiscale.data import get_countries_data, get_municipalities_data

from tit_desktop.services.text import fold as text_fold

PlaceKind = Literal["comune", "stato"]

__all__ = [
    "ITALY",
    "Place",
    "PlaceKind",
    "by_code",
    "comuni",
    "label",
    "search",
    "state_by_name",
    "states",
]


@dataclass(frozen=True)
class Place:
    """A comune or a state.

    ``code`` is the Belfiore code ("H501" for Roma, "Z330" for Marocco); ``province`` is the
    sigla of a comune's province and ``None`` for a state.
    """

    code: str
    name: str
    province: str | None
    kind: PlaceKind
    active: bool


ITALY = Place(code="Z000", name="Italia", province=None, kind="stato", active=True)
"""Pseudo state for Italian citizenship.

Italy is not in the ISTAT list of foreign states and has no Belfiore code: ``Z000`` is a code
made up by this application. It never appears in a codice fiscale (a person born in Italy has the
code of the comune there).
"""

_ITALY_ALIASES: tuple[str, ...] = ("Italy", "Repubblica Italiana")

# Everyday Italian names missing from the library's alternatives (old spreadsheets use them).
_EXTRA_STATE_ALIASES: dict[str, tuple[str, ...]] = {
    "Z106": ("Vaticano", "Città del Vaticano", "Santa Sede"),
    "Z114": ("Gran Bretagna", "Inghilterra"),
    "Z126": ("Olanda",),
    "Z140": ("Moldavia",),
    "Z148": ("Macedonia",),
    "Z153": ("Bosnia", "Bosnia ed Erzegovina"),
    "Z154": ("Russia",),
    "Z156": ("Cechia",),
    "Z161": ("Palestina",),
    "Z206": ("Birmania",),
    "Z210": ("Cina",),
    "Z213": ("Corea del Sud",),
    "Z214": ("Corea del Nord",),
    "Z242": ("Timor Est",),
    "Z404": ("Stati Uniti", "USA"),
}

_BELFIORE_RE = re.compile(r"^[A-Z][0-9]{3}$")

# Prepositions and conjunctions written in lower case inside Italian place names.
_PARTICLES: frozenset[str] = frozenset(
    {
        "e",
        "ed",
        "di",
        "d",
        "de",
        "del",
        "dello",
        "della",
        "dell",
        "dei",
        "degli",
        "delle",
        "da",
        "dal",
        "dalla",
        "in",
        "ne",
        "nel",
        "nella",
        "nell",
        "sul",
        "sulla",
        "sull",
        "al",
        "alla",
        "all",
        "a",
        "con",
    }
)
_ACCENTED: dict[str, str] = {"a": "à", "e": "é", "i": "ì", "o": "ò", "u": "ù"}
_ROMAN_RE = re.compile(r"^[IVXLC]+$", re.IGNORECASE)


def fold(text: str) -> str:
    """Search key: the registry's folding (``services.text.fold``), so a place is matched
    the way names are: ``fold("Costa d'Avorio") == "costa d avorio"``,
    ``fold("Perù") == fold("Peru'") == "peru"``."""
    return text_fold(text)


def _pretty_word(word: str, first: bool, fix_accents: bool) -> str:
    head, apostrophe, tail = word.partition("'")
    if apostrophe and head.lower() in _PARTICLES:
        # "D'Isernia", "Dell'Emilia", "De' Tirreni": an elided preposition.
        return word if first else f"{head.lower()}'{tail}"
    if fix_accents and len(word) > 2 and word.endswith("'") and word[-2].lower() in _ACCENTED:
        # "Peru'", "Citta'": the library spells a final accent with an apostrophe.
        return word[:-2] + _ACCENTED[word[-2].lower()]
    if not first and word.lower() in _PARTICLES:
        return word.lower()
    if len(word) > 1 and _ROMAN_RE.match(word) and word.lower() not in {"di", "il", "vi", "li"}:
        # "Sotto Il Monte Giovanni Xxiii": the library title-cased a Roman numeral.
        return word.upper()
    return word


def _pretty_name(name: str, fix_accents: bool) -> str:
    words = name.split()
    return " ".join(_pretty_word(word, index == 0, fix_accents) for index, word in enumerate(words))


class _Index:
    """All places, loaded once, with their search keys. The ~8,000 comuni take most of the
    loading time (about 0.8 s) and most screens need only the states, so they are loaded
    the first time something asks for a comune."""

    def __init__(self) -> None:
        self.states: list[Place] = []
        self.comuni: list[Place] = []
        self.by_code: dict[str, Place] = {}
        self.keys: dict[Place, str] = {}
        self.label_keys: dict[Place, str] = {}
        self.aliases: dict[Place, tuple[str, ...]] = {}
        self._comuni_loaded = False
        self._lock = threading.Lock()
        self._load_states(get_countries_data())
        self.states.sort(key=self._sort_key)

    def ensure_comuni(self) -> None:
        if self._comuni_loaded:
            return
        with self._lock:  # the window may look places up from a worker thread too
            if not self._comuni_loaded:
                self._load_comuni(get_municipalities_data())
                self.comuni.sort(key=self._sort_key)
                self._comuni_loaded = True

    def _sort_key(self, place: Place) -> tuple[str, str, str]:
        return (self.keys[place], place.province or "", place.code)

    def _add(self, place: Place, aliases: Iterable[str]) -> None:
        self.by_code[place.code] = place
        key = fold(place.name)
        self.keys[place] = key
        self.label_keys[place] = fold(label(place))
        alias_keys = {fold(alias) for alias in aliases} - {key, ""}
        self.aliases[place] = tuple(sorted(alias_keys))

    def _load_states(self, records: Iterable[Mapping[str, Any]]) -> None:
        self._add(ITALY, _ITALY_ALIASES)
        self.states.append(ITALY)
        for record in records:
            code = str(record["code"]).upper()
            if not _BELFIORE_RE.match(code) or code in self.by_code:
                continue
            place = Place(
                code=code,
                name=_pretty_name(str(record["name"]), fix_accents=True),
                province=None,
                kind="stato",
                active=bool(record["active"]) and not record.get("date_deleted"),
            )
            aliases = [
                str(record.get("name", "")),
                str(record.get("name_alt", "")),
                str(record.get("name_alt_en", "")),
                *(str(slug) for slug in record.get("name_slugs", [])),
                *_EXTRA_STATE_ALIASES.get(code, ()),
            ]
            self._add(place, aliases)
            self.states.append(place)

    def _load_comuni(self, records: Iterable[Mapping[str, Any]]) -> None:
        grouped: dict[str, list[Mapping[str, Any]]] = {}
        for record in records:
            code = str(record["code"]).upper()
            if _BELFIORE_RE.match(code) and not code.startswith("Z"):
                grouped.setdefault(code, []).append(record)
        for code, group in grouped.items():
            chosen = max(
                group,
                key=lambda rec: (bool(rec["active"]), str(rec["date_created"])[:10]),
            )
            place = Place(
                code=code,
                name=_pretty_name(str(chosen["name"]), fix_accents=False),
                province=str(chosen["province"]).upper() or None,
                kind="comune",
                active=bool(chosen["active"]),
            )
            aliases: list[str] = []
            for record in group:
                aliases.extend(
                    str(record.get(field, "")) for field in ("name", "name_alt", "name_trans")
                )
            self._add(place, aliases)
            self.comuni.append(place)


@cache
def _index() -> _Index:
    return _Index()


def states(include_ceased: bool = False) -> list[Place]:
    """Foreign states plus :data:`ITALY`, sorted by name.

    Ceased states (Jugoslavia, URSS, Cecoslovacchia...) are included only on request: they are
    still needed as birth places of older people.
    """
    return [place for place in _index().states if include_ceased or place.active]


def comuni(include_ceased: bool = False) -> list[Place]:
    """Italian comuni, sorted by name then province; ceased ones only on request."""
    index = _index()
    index.ensure_comuni()
    return [place for place in index.comuni if include_ceased or place.active]


def by_code(code: str) -> Place | None:
    """The state or comune with this Belfiore code (case-insensitive), ceased ones included."""
    key = code.strip().upper()
    index = _index()
    if not key.startswith("Z"):
        index.ensure_comuni()
    return index.by_code.get(key)


def label(place: Place) -> str:
    """Text shown to the user: "Ancona (AN)" for a comune, "Marocco" for a state."""
    if place.kind == "comune" and place.province:
        return f"{place.name} ({place.province})"
    return place.name


def search(
    text: str,
    kind: PlaceKind | None = None,
    limit: int = 20,
    include_ceased: bool = False,
) -> list[Place]:
    """Places whose name matches ``text``, ignoring case, accents and punctuation.

    Order: exact name, then names (or labels, "Castro (LE)") starting with the text, then names
    with a word starting with it, then names containing it, then matches on other names
    (former names, German names in Alto Adige, English state names). Within a group active
    places come first, states before comuni, then by name. A blank text gives no results.
    """
    query = fold(text)
    if not query or limit <= 0:
        return []
    index = _index()
    pools: list[list[Place]] = []
    if kind in (None, "stato"):
        pools.append(index.states)
    if kind in (None, "comune"):
        index.ensure_comuni()
        pools.append(index.comuni)
    word_prefix = " " + query
    ranked: list[tuple[int, bool, int, str, str, Place]] = []
    for pool in pools:
        for place in pool:
            if not (include_ceased or place.active):
                continue
            key = index.keys[place]
            if key == query:
                tier = 0
            elif key.startswith(query) or index.label_keys[place].startswith(query):
                tier = 1
            elif word_prefix in " " + key:
                tier = 2
            elif query in key:
                tier = 3
            elif any(query in alias for alias in index.aliases[place]):
                tier = 4
            else:
                continue
            kind_rank = 0 if place.kind == "stato" else 1
            ranked.append((tier, not place.active, kind_rank, key, place.province or "", place))
    ranked.sort(key=lambda item: item[:5])
    return [item[5] for item in ranked[:limit]]


def state_by_name(name: str) -> Place | None:
    """The state with exactly this name, ignoring case, accents and punctuation.

    Alternative names in the library data are accepted too ("Morocco", "URSS", "Côte d'Ivoire",
    "Corea, Repubblica (Corea del Sud)"), plus a few everyday names it lacks ("Cina", "Russia",
    "Corea del Sud", "Stati Uniti"...) and "Italy" and "Repubblica Italiana" for :data:`ITALY`.
    An active state is preferred to a ceased one with the same name (Georgia).
    """
    query = fold(name)
    if not query:
        return None
    index = _index()
    found = [place for place in index.states if index.keys[place] == query]
    if not found:
        found = [place for place in index.states if query in index.aliases[place]]
    if not found:
        return None
    return min(found, key=lambda place: (not place.active, place.code))
