"""Possible duplicates in the person registry.

Many beneficiaries are registered more than once: a name transliterated differently on two
documents (Mohamed / Mohammed / Muhammad), cognome and nome swapped, a codice fiscale with
omocodia letters, a record made by another PC before the first one was found. This module

* proposes **candidates** while a person is being entered or edited, before saving
  (:func:`find_candidates`);
* scans the whole registry for **probable duplicates** (:func:`list_probable_duplicates`);
* remembers the decision "these two records are different people" (:func:`mark_not_same`) so that
  the pair is never proposed again.

Scoring (0-100). The strongest signal gives the score:

=====================================================================  =====
stesso codice fiscale / stesso CUI                                      100
stesso codice fiscale a meno dell'omocodia                               95
stessa data di nascita e stesso nome                                     90
stessa data di nascita e nome simile (trascrizione diversa)              80
stessa data di nascita e nome abbastanza simile                          65
  ... with cognome and nome swapped                                       -5
  ... and the same cittadinanza                                           +5
stessa data di nascita, stessa cittadinanza, nome in parte simile       55 (50 swapped)
giorno e mese di nascita invertiti, nome uguale o simile                 60 (+5 cittadinanza)
stesso nome e stesso anno di nascita (date diverse)                      40
stesso nome, data di nascita non indicata                                35
=====================================================================  =====

Evidence against lowers a score that does not rest on an identifier: sesso diverso -40,
codici fiscali diversi (16 characters, different even without omocodia) -30, CUI diversi -30.
An identifier match together with a name-and-date match scores 100.

:data:`SHOW_THRESHOLD` (50) is the line between "probably the same person, ask the user" and
"a namesake": :func:`find_candidates` and :func:`list_probable_duplicates` return nothing below
it unless asked (``min_score``). So two unrelated "Mohamed Ali" born in different years are not
flagged, nor are two born in the same year on different days (40).

Names are compared part by part (cognome with cognome, nome with nome, then crosswise) on three
forms: the folded spelling (accents and scripts removed, no spaces or hyphens: ``Nguyễn`` =
``Nguyen``, ``Ben-Ali`` = ``Ben Ali``), a *light* form that evens out transliteration habits
(``ph``->``f``, ``kh``->``h``, ``dj``/``j``->``y``, ``ou``->``u``, ``x``->``ks``, double letters,
the ``el-``/``al-`` article, ``Abd el``/``Abdul``/``Abder``), and a *key* where every vowel run
becomes ``a`` and a final vowel falls (``Mohamed``, ``Muhammad`` -> ``mahamad``; ``Ousmane``,
``Usman`` -> ``asman``). Equal keys with light forms at least 70% alike (difflib) make a
*variant*; keys at least 80% alike and light forms 75% alike a *similar* name. The light-form
guard keeps apart names whose keys collide: ``Hassan``/``Hussein``, ``Rossi``/``Russo``.

Finding candidates reads only the rows that share a value with the record being entered (codice
fiscale and its omocodia variants, CUI, birth date or the day/month-swapped date, the folded
"cognome nome" either way round), each through an index, never the whole registry. (The birth
date needs ``ix_person_birth_date``: without it every search reads the whole person table.)
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from codicefiscale import encode_cin
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from tit_desktop.models import NotSamePerson, Person
from tit_desktop.services import persons
from tit_desktop.services.errors import NotFound, ValidationError
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.persons import PersonInput, normalise
from tit_desktop.services.text import fold

SHOW_THRESHOLD = 50
"""Candidates scoring at least this are shown to the user as "forse è la stessa persona"."""

# Levels of likeness of two names (or two name parts).
EXACT, VARIANT, SIMILAR, PARTIAL, NONE = 4, 3, 2, 1, 0

SCORE_CF = 100
SCORE_CUI = 100
SCORE_CF_OMOCODIA = 95
SCORE_NAME = {EXACT: 90, VARIANT: 80, SIMILAR: 65}  # with the same birth date
SCORE_PARTIAL_SAME_CITIZENSHIP = 55
SCORE_DAY_MONTH_SWAPPED = 60
SCORE_SAME_NAME_SAME_YEAR = 40
SCORE_SAME_NAME_NO_DATE = 35
BONUS_CITIZENSHIP = 5
MALUS_SWAPPED = 5
MALUS_SEX = 40
MALUS_CF = 30
MALUS_CUI = 30

VARIANT_LIGHT_RATIO = 0.70
SIMILAR_KEY_RATIO = 0.80
SIMILAR_LIGHT_RATIO = 0.75
WEAK_LIGHT_RATIO = 0.60


# --- results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A registered person who may be the one being entered."""

    person_id: int
    code: str
    name: str
    birth_date: dt.date | None
    fiscal_code: str | None
    score: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class PersonBrief:
    person_id: int
    code: str
    name: str
    birth_date: dt.date | None
    fiscal_code: str | None


@dataclass(frozen=True)
class DuplicatePair:
    """Two registered persons who are probably one. ``first`` has the lower id."""

    first: PersonBrief
    second: PersonBrief
    score: int
    reasons: tuple[str, ...]


# --- name comparison ------------------------------------------------------------------------

_ARTICLES = frozenset({"al", "el", "ul", "il"})
_CONSONANT = "bcdfghjklmnpqrstvwxz"
# Ordered rewrite rules from spelling to the light form (on folded text, spaces removed).
_LIGHT_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        # Abd el / Abdul / Abdoul / Abdal + name, and the assimilated article: Abderrahmane.
        (rf"abd(?:[aeiou]{{1,2}}l|[aeiou](?=([{_CONSONANT}])\1))", "abd"),
        (r"(?<=[aeiou])h+$", ""),  # Abdallah / Abdalla, Fatimah / Fatima, Sanneh / Sanne
        (r"tsch|tch", "c"),
        (r"sch|sh|ch", "s"),
        (r"dzh|dj|zh", "j"),
        (r"ph", "f"),
        (r"th", "t"),
        (r"dh", "d"),
        (r"kh", "h"),
        (r"gh", "g"),
        (r"ck|q", "k"),
        (r"x", "ks"),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),
        (r"ou(?=[aeiy])", "v"),  # French spelling of w: Oualid, Ouafa
        (r"ou", "u"),
        (r"w", "v"),
        (r"(?<=[aeiou])y(?=[aeiou])", "i"),  # Ayesha / Aisha
        (r"(?<![aeiou])y(?![aeiou])", "i"),  # Mykola / Mikola
        (r"^i(?=[aeou])", "y"),  # Iusuf / Yusuf
        (r"j", "y"),  # Jussuf / Youssef, Djamel / Jamal
        (r"(.)\1+", r"\1"),  # double letters
    )
)
_VOWEL_RUNS = re.compile(r"[aeiou]+")
_FINAL_VOWEL_R = re.compile(r"(?<=[^a])ar$")  # Aleksandr / Alexander, Petr / Peter


def _ratio_at_least(a: str, b: str, threshold: float) -> bool:
    """difflib's ratio >= threshold, with its cheap upper bounds tried first."""
    if a == b:
        return True
    if not a or not b:
        return False
    if 2.0 * min(len(a), len(b)) / (len(a) + len(b)) < threshold:
        return False
    a, b = sorted((a, b))  # difflib's ratio may depend on the order: make it symmetric
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold


def _light_word(word: str) -> str:
    for pattern, replacement in _LIGHT_RULES:
        word = pattern.sub(replacement, word)
    return word


def _key_of_light(light: str) -> str:
    key = _VOWEL_RUNS.sub("a", light)
    key = _FINAL_VOWEL_R.sub("r", key)
    if len(key) > 3 and key.endswith("a"):
        key = key[:-1]
    return key


@dataclass(frozen=True, slots=True)
class NameForms:
    """The forms a name part is compared on (see the module's documentation)."""

    written: str
    words: tuple[str, ...]
    folded: str
    light: str
    key: str
    word_keys: frozenset[str]


@functools.lru_cache(maxsize=200_000)
def name_forms(text: str) -> NameForms:
    words = fold(text).split()
    meaningful = [w for w in words if w not in _ARTICLES] or words
    light = _light_word("".join(meaningful))
    word_keys = frozenset(_key_of_light(_light_word(w)) for w in meaningful)
    return NameForms(
        written=" ".join(text.split()),
        words=tuple(words),
        folded="".join(words),
        light=light,
        key=_key_of_light(light),
        word_keys=frozenset(k for k in word_keys if k),
    )


def part_level(a: NameForms, b: NameForms) -> int:
    """EXACT, VARIANT, SIMILAR, PARTIAL (weakly alike) or NONE for two name parts."""
    if not a.folded or not b.folded:
        return NONE
    if a.folded == b.folded:
        return EXACT
    if a.key == b.key and _ratio_at_least(a.light, b.light, VARIANT_LIGHT_RATIO):
        return VARIANT
    if _ratio_at_least(a.key, b.key, SIMILAR_KEY_RATIO):
        if _ratio_at_least(a.light, b.light, SIMILAR_LIGHT_RATIO):
            return SIMILAR
        if _ratio_at_least(a.light, b.light, WEAK_LIGHT_RATIO):
            return PARTIAL
    small, large = sorted((a.word_keys, b.word_keys), key=len)
    if small and len(small) < len(large) and small <= large:
        return PARTIAL  # a compound name and one of its parts: Garcia Lopez / Garcia
    return NONE


def _combine(last: int, first: int) -> int:
    low, high = sorted((last, first))
    if low >= SIMILAR:
        return low
    if high >= VARIANT and low >= PARTIAL:
        return PARTIAL
    return NONE


class NameMatch(NamedTuple):
    level: int
    swapped: bool
    # Written forms of the parts that differ, "Mohamed/Mohammed", for the reasons.
    differences: tuple[str, ...]


_NO_MATCH = NameMatch(NONE, False, ())


def compare_names(last_a: str, first_a: str, last_b: str, first_b: str) -> NameMatch:
    """How alike two persons' names are, straight or with cognome and nome swapped."""
    la, fa, lb, fb = (name_forms(x) for x in (last_a, first_a, last_b, first_b))
    best = _NO_MATCH
    for swapped, (x1, y1), (x2, y2) in (
        (False, (la, lb), (fa, fb)),
        (True, (la, fb), (fa, lb)),
    ):
        one = part_level(x1, y1)
        if one == NONE:
            continue
        level = _combine(one, part_level(x2, y2))
        if level > best.level:
            differences = tuple(
                f"{x.written}/{y.written}" for x, y in ((x1, y1), (x2, y2)) if x.folded != y.folded
            )
            best = NameMatch(level, swapped, differences)
    if best.level < EXACT:
        # The same words in another order: "Mohamed Ali" + "Hassan" / "Ali Hassan" + "Mohamed".
        words_a = sorted(la.words + fa.words)
        if words_a and words_a == sorted(lb.words + fb.words):
            return NameMatch(EXACT, True, ())
    return best


# --- codice fiscale -------------------------------------------------------------------------

_OMOCODIA_LETTERS = "LMNPQRSTUV"
_DIGITS_OF_LETTERS = str.maketrans(_OMOCODIA_LETTERS, "0123456789")
_DIGIT_POSITIONS = (6, 7, 9, 10, 12, 13, 14)


def is_personal_code(code: str | None) -> bool:
    """A 16-character codice fiscale (not the 11-digit provisional one), roughly well formed."""
    return (
        code is not None
        and len(code) == 16
        and code.isascii()
        and code.isalnum()
        and code.isupper()
        and code[:6].isalpha()
    )


def base_code(code: str) -> str:
    """A 16-character codice fiscale without omocodia: the first 15 characters with the
    omocodia letters turned back into digits (the check letter is left out: it changes)."""
    chars = list(code[:15])
    for position in _DIGIT_POSITIONS:
        chars[position] = chars[position].translate(_DIGITS_OF_LETTERS)
    return "".join(chars)


def omocodia_variants(code: str) -> list[str]:
    """Every code that differs from ``code`` only by omocodia (each digit position as digit
    or letter, 128 combinations), each with its own check letter, ``code`` included."""
    if not is_personal_code(code):
        return [code]
    base = base_code(code)
    if not all(base[p].isdigit() for p in _DIGIT_POSITIONS):
        return [code]
    variants = []
    for mask in range(1 << len(_DIGIT_POSITIONS)):
        chars = list(base)
        # Bit 0 is the last digit: the first variants are the official ones (the Agenzia
        # replaces digits from the right).
        for bit, position in enumerate(reversed(_DIGIT_POSITIONS)):
            if mask >> bit & 1:
                chars[position] = _OMOCODIA_LETTERS[int(chars[position])]
        partial = "".join(chars)
        variants.append(partial + encode_cin(partial))
    return variants


# --- scoring --------------------------------------------------------------------------------


class Record(NamedTuple):
    """What scoring reads of a person (registered, or being entered: id None)."""

    id: int | None
    code: str
    last_name: str
    first_name: str
    sex: str | None
    birth_date: dt.date | None
    citizenship_code: str | None
    fiscal_code: str | None
    cui: str | None


def _record_of_input(data: PersonInput, person_id: int | None) -> Record:
    return Record(
        person_id,
        data.code,
        data.last_name,
        data.first_name,
        data.sex,
        data.birth_date,
        data.citizenship_code,
        data.fiscal_code,
        data.cui,
    )


_COLUMNS = (
    Person.id,
    Person.code,
    Person.last_name,
    Person.first_name,
    Person.sex,
    Person.birth_date,
    Person.citizenship_code,
    Person.fiscal_code,
    Person.cui,
)


def _record_of_row(row: Any) -> Record:
    person_id, code, last_name, first_name, sex, birth_date, citizenship, fiscal, cui = row
    return Record(
        person_id,
        code,
        last_name,
        first_name,
        None if sex is None else sex.value,
        birth_date,
        citizenship,
        fiscal,
        cui,
    )


def _day_month_swapped(day: dt.date) -> dt.date | None:
    if day.day > 12 or day.day == day.month:
        return None
    return dt.date(day.year, day.day, day.month)


def _name_reason(match: NameMatch, prefix: str) -> str:
    if match.level == EXACT:
        return f"{prefix} e stesso nome"
    if match.level == PARTIAL:
        return (
            f"{prefix}, stessa cittadinanza e nome in parte simile ({', '.join(match.differences)})"
        )
    return f"{prefix} e nome simile ({', '.join(match.differences)})"


def score(a: Record, b: Record) -> tuple[int, tuple[str, ...]]:
    """How likely ``a`` and ``b`` are the same person (0-100) and why, in Italian."""
    identifier = 0
    reasons: list[str] = []
    if a.fiscal_code and b.fiscal_code:
        if a.fiscal_code == b.fiscal_code:
            identifier = SCORE_CF
            reasons.append("stesso codice fiscale")
        elif (
            is_personal_code(a.fiscal_code)
            and is_personal_code(b.fiscal_code)
            and base_code(a.fiscal_code) == base_code(b.fiscal_code)
        ):
            identifier = SCORE_CF_OMOCODIA
            reasons.append("stesso codice fiscale a meno dell'omocodia")
    if a.cui and b.cui and a.cui == b.cui:
        identifier = max(identifier, SCORE_CUI)
        reasons.append("stesso CUI")

    same_citizenship = bool(a.citizenship_code) and a.citizenship_code == b.citizenship_code
    name_score = 0
    name_reasons: list[str] = []
    match = compare_names(a.last_name, a.first_name, b.last_name, b.first_name)
    swapped_note = ["cognome e nome invertiti"] if match.swapped else []
    if a.birth_date is not None and b.birth_date is not None and a.birth_date == b.birth_date:
        if match.level >= SIMILAR:
            name_score = SCORE_NAME[match.level] - (MALUS_SWAPPED if match.swapped else 0)
            name_reasons = [_name_reason(match, "stessa data di nascita"), *swapped_note]
            if same_citizenship:
                name_score += BONUS_CITIZENSHIP
                name_reasons.append("stessa cittadinanza")
        elif match.level == PARTIAL and same_citizenship:
            name_score = SCORE_PARTIAL_SAME_CITIZENSHIP - (MALUS_SWAPPED if match.swapped else 0)
            name_reasons = [_name_reason(match, "stessa data di nascita"), *swapped_note]
    elif (
        a.birth_date is not None
        and b.birth_date is not None
        and _day_month_swapped(a.birth_date) == b.birth_date
        and match.level >= VARIANT
    ):
        name_score = SCORE_DAY_MONTH_SWAPPED
        name_reasons = [
            f"data di nascita con giorno e mese invertiti ({a.birth_date:%d/%m/%Y} e "
            f"{b.birth_date:%d/%m/%Y})",
            "stesso nome"
            if match.level == EXACT
            else f"nome simile ({', '.join(match.differences)})",
            *swapped_note,
        ]
        if same_citizenship:
            name_score += BONUS_CITIZENSHIP
            name_reasons.append("stessa cittadinanza")
    elif match.level == EXACT and not match.differences:
        if a.birth_date is None or b.birth_date is None:
            name_score = SCORE_SAME_NAME_NO_DATE
            name_reasons = ["stesso nome, data di nascita non indicata", *swapped_note]
        elif a.birth_date.year == b.birth_date.year:
            name_score = SCORE_SAME_NAME_SAME_YEAR
            name_reasons = [
                f"stesso nome e stesso anno di nascita ({a.birth_date.year})",
                *swapped_note,
            ]

    if identifier:
        total = min(100, identifier + (5 if name_score >= SHOW_THRESHOLD else 0))
        return total, (*reasons, *name_reasons)
    if not name_score:
        return 0, ()
    against: list[str] = []
    if a.sex and b.sex and a.sex != b.sex:
        name_score -= MALUS_SEX
        against.append("ma sesso diverso")
    if (
        is_personal_code(a.fiscal_code)
        and is_personal_code(b.fiscal_code)
        and base_code(a.fiscal_code or "") != base_code(b.fiscal_code or "")
    ):
        name_score -= MALUS_CF
        against.append("ma codice fiscale diverso")
    if a.cui and b.cui and a.cui != b.cui:
        name_score -= MALUS_CUI
        against.append("ma CUI diverso")
    if name_score <= 0:
        return 0, ()
    return min(100, name_score), (*name_reasons, *against)


# --- candidates for a record being entered ------------------------------------------------


def _active() -> Any:
    return and_(Person.merged_into_id.is_(None), Person.anonymised_at.is_(None))


def _not_same_ids(session: Session, person_id: int) -> set[int]:
    rows = session.execute(
        select(NotSamePerson.person_low_id, NotSamePerson.person_high_id).where(
            or_(
                NotSamePerson.person_low_id == person_id,
                NotSamePerson.person_high_id == person_id,
            )
        )
    )
    return {high if low == person_id else low for low, high in rows}


def _plausible_code(code: str | None) -> bool:
    return code is not None and code.isascii() and code.isalnum()


def find_candidates(
    session: Session,
    actor: Actor,
    data: PersonInput,
    exclude_id: int | None = None,
    limit: int = 10,
    min_score: int = SHOW_THRESHOLD,
) -> list[Candidate]:
    """Registered persons who may be the one in ``data`` (being entered, or edited when
    ``exclude_id`` is its id), best first. Persons merged into others, anonymised persons and
    pairs marked as different people are left out."""
    require(actor, Permission.READ_REGISTRY)
    data = normalise(data)
    conditions: list[Any] = []
    # Codes are letters and digits: anything else (a NUL typed or pasted, which PostgreSQL
    # refuses in text) cannot match and is not looked up.
    if _plausible_code(data.fiscal_code):
        conditions.append(Person.fiscal_code.in_(omocodia_variants(data.fiscal_code or "")))
    if _plausible_code(data.cui):
        conditions.append(Person.cui == data.cui)
    named = bool(data.last_name or data.first_name)
    if data.birth_date is not None and named:
        dates = [data.birth_date]
        swapped = _day_month_swapped(data.birth_date)
        if swapped is not None:
            dates.append(swapped)
        conditions.append(Person.birth_date.in_(dates))
    if data.last_name and data.first_name:
        keys = {
            persons.sort_key_for(data.last_name, data.first_name),
            persons.sort_key_for(data.first_name, data.last_name),
        }
        conditions.append(Person.sort_key.in_(sorted(keys)))
    if not conditions:
        return []
    query = select(*_COLUMNS).where(or_(*conditions), _active())
    excluded: set[int] = set()
    if exclude_id is not None:
        query = query.where(Person.id != exclude_id)
        excluded = _not_same_ids(session, exclude_id)
    target = _record_of_input(data, exclude_id)
    found: list[Candidate] = []
    for row in session.execute(query):
        if row.id in excluded:
            continue
        value, reasons = score(target, _record_of_row(row))
        if value and value >= min_score:
            found.append(
                Candidate(
                    row.id,
                    row.code,
                    f"{row.last_name} {row.first_name}",
                    row.birth_date,
                    row.fiscal_code,
                    value,
                    reasons,
                )
            )
    found.sort(key=lambda c: (-c.score, fold(c.name), c.person_id))
    return found[:limit]


# --- remembered decisions -------------------------------------------------------------------


def _active_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.merged_into_id is not None:
        raise NotFound(f"Persona {person_id} non trovata.")
    return person


def mark_not_same(session: Session, actor: Actor, person_a: int, person_b: int) -> None:
    """Remember that two records that look alike are different people (idempotent)."""
    require(actor, Permission.WRITE_REGISTRY)
    if person_a == person_b:
        raise ValidationError({"person": "indicare due persone diverse"})
    _active_person(session, person_a)
    _active_person(session, person_b)
    low, high = sorted((person_a, person_b))
    existing = session.scalar(
        select(NotSamePerson.id).where(
            NotSamePerson.person_low_id == low, NotSamePerson.person_high_id == high
        )
    )
    if existing is None:
        session.add(
            NotSamePerson(person_low_id=low, person_high_id=high, decided_by_user_id=actor.user_id)
        )
        session.flush()


# --- scan of the registry -------------------------------------------------------------------

_SCAN_BATCH = 2_000
_IN_CHUNK = 500


def _chunks(values: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _omocodia_pairs(session: Session) -> Iterator[tuple[Record, Record]]:
    """Pairs whose codes differ only by omocodia: at least one of the two has a letter where
    the base code has a digit, and few codes do, so they are found first and then looked up
    (with every variant) through the unique index."""
    code = Person.fiscal_code
    has_letter = or_(
        *(func.substr(code, p + 1, 1).not_in(list("0123456789")) for p in _DIGIT_POSITIONS)
    )
    query = select(*_COLUMNS).where(func.length(code) == 16, has_letter, _active())
    omocodic = [_record_of_row(r) for r in session.execute(query)]
    if not omocodic:
        return
    variants: dict[str, list[Record]] = defaultdict(list)
    for record in omocodic:
        for variant in omocodia_variants(record.fiscal_code or ""):
            if variant != record.fiscal_code:
                variants[variant].append(record)
    for chunk in _chunks(sorted(variants), _IN_CHUNK):
        for row in session.execute(select(*_COLUMNS).where(code.in_(chunk), _active())):
            other = _record_of_row(row)
            for record in variants[row.fiscal_code]:
                yield record, other


def _blocks(record: Record) -> set[tuple[str, ...]]:
    """Blocking tokens: two persons born the same day are compared only when they share one
    (a name part's key, or the initials of the keys of both parts, in either order)."""
    last, first = name_forms(record.last_name), name_forms(record.first_name)
    tokens: set[tuple[str, ...]] = {("k", last.key), ("k", first.key)}
    tokens.update(("k", k) for k in last.word_keys | first.word_keys)
    initials = sorted((last.key[:1], first.key[:1]))
    tokens.add(("i", *initials))
    return tokens


def _same_birth_date_pairs(session: Session) -> Iterator[tuple[Record, Record]]:
    """Pairs born on the same day, streamed one birth date at a time in date order."""
    shared_dates = (
        select(Person.birth_date)
        .where(Person.birth_date.is_not(None), _active())
        .group_by(Person.birth_date)
        .having(func.count() > 1)
    )
    query = (
        select(*_COLUMNS)
        .where(Person.birth_date.in_(shared_dates), _active())
        .order_by(Person.birth_date, Person.id)
        .execution_options(yield_per=_SCAN_BATCH)
    )
    rows = (_record_of_row(r) for r in session.execute(query))
    for _date, group_rows in itertools.groupby(rows, key=lambda r: r.birth_date):
        group = list(group_rows)
        by_token: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for index, record in enumerate(group):
            for token in _blocks(record):
                by_token[token].append(index)
        seen: set[tuple[int, int]] = set()
        for members in by_token.values():
            for i, j in itertools.combinations(members, 2):
                if (i, j) not in seen:
                    seen.add((i, j))
                    yield group[i], group[j]


def _not_same_pairs(session: Session) -> set[tuple[int, int]]:
    rows = session.execute(select(NotSamePerson.person_low_id, NotSamePerson.person_high_id))
    return {(low, high) for low, high in rows}


def _brief(record: Record) -> PersonBrief:
    assert record.id is not None
    return PersonBrief(
        record.id,
        record.code,
        f"{record.last_name} {record.first_name}",
        record.birth_date,
        record.fiscal_code,
    )


def list_probable_duplicates(
    session: Session, actor: Actor, limit: int = 200, min_score: int = SHOW_THRESHOLD
) -> list[DuplicatePair]:
    """Pairs of registered persons who are probably the same person, best first, for the
    "possibili doppioni" screen. Pairs marked as different people are left out.

    The codice fiscale and the CUI are unique in the registry, so exact repeats cannot exist:
    the scan looks for codes equal but for omocodia, and for persons born on the same day
    with alike names (read one birth date at a time, compared within blocks of persons who
    share a name key or the initials of both name parts)."""
    require(actor, Permission.READ_REGISTRY)
    decided = _not_same_pairs(session)
    best: dict[tuple[int, int], DuplicatePair] = {}

    def consider(pairs: Iterable[tuple[Record, Record]]) -> None:
        for one, other in pairs:
            if one.id is None or other.id is None or one.id == other.id:
                continue
            key = (min(one.id, other.id), max(one.id, other.id))
            a, b = (one, other) if one.id < other.id else (other, one)
            if key in decided or key in best:
                continue
            value, reasons = score(a, b)
            if value and value >= min_score:
                best[key] = DuplicatePair(_brief(a), _brief(b), value, reasons)

    consider(_omocodia_pairs(session))
    consider(_same_birth_date_pairs(session))
    ordered = sorted(
        best.values(),
        key=lambda p: (-p.score, fold(p.first.name), p.first.person_id, p.second.person_id),
    )
    return ordered[:limit]
