"""Possible duplicates: candidates while a person is entered (transliterations, swapped names,
omocodia, CUI), namesakes kept below the threshold, remembered "not the same person"
decisions, and the scan of the whole registry."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from tit_desktop.models import AuditEntry, NotSamePerson, Person, Role
from tit_desktop.services import codice_fiscale, duplicates, persons
from tit_desktop.services.database import Database
from tit_desktop.services.duplicates import (
    EXACT,
    NONE,
    PARTIAL,
    SHOW_THRESHOLD,
    SIMILAR,
    VARIANT,
    Record,
    name_forms,
    part_level,
)
from tit_desktop.services.errors import NotFound, ValidationError
from tit_desktop.services.permissions import Actor

BIRTH = dt.date(1990, 5, 3)
MOROCCO = "Z330"


def _input(code: str, last: str, first: str, **values: Any) -> persons.PersonInput:
    data = persons.PersonInput(
        code=code,
        last_name=last,
        first_name=first,
        sex="M",
        birth_date=BIRTH,
        birth_place_code=MOROCCO,
        citizenship_code=MOROCCO,
        intake_date=dt.date(2024, 3, 1),
    )
    return replace(data, **values)


def _create(db: Database, actor: Actor, data: persons.PersonInput) -> int:
    with db.transaction(actor) as session:
        return persons.create_person(session, actor, data).id


def _found(
    db: Database, actor: Actor, data: persons.PersonInput, **kw: Any
) -> list[tuple[int, int, tuple[str, ...]]]:
    with db.reading() as session:
        return [
            (c.person_id, c.score, c.reasons)
            for c in duplicates.find_candidates(session, actor, data, **kw)
        ]


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        # Same spelling once accents, scripts, spaces, hyphens and apostrophes are folded.
        ("Nguyễn", "Nguyen", EXACT),
        ("Ol'ga", "Olga", EXACT),
        ("Ben-Ali", "Ben Ali", EXACT),
        ("Abd el Rahman", "Abdelrahman", EXACT),
        # Transliteration variants.
        ("Mohamed", "Mohammed", VARIANT),
        ("Mohamed", "Muhammad", VARIANT),
        ("Mohamed", "Mohammad", VARIANT),
        ("Abdelrahman", "Abderrahmane", VARIANT),
        ("Abdul Rahman", "Abd el Rahman", VARIANT),
        ("Ousmane", "Usman", VARIANT),
        ("Youssef", "Yusuf", VARIANT),
        ("Youssef", "Jussuf", VARIANT),
        ("Youcef", "Yusuf", VARIANT),
        ("Aleksandr", "Alexander", VARIANT),
        ("Oleksandr", "Aleksandr", VARIANT),
        ("Khaled", "Khalid", VARIANT),
        ("Hicham", "Hisham", VARIANT),
        ("Djamel", "Jamal", VARIANT),
        ("Mykola", "Mikola", VARIANT),
        ("El-Amrani", "Amrani", VARIANT),
        ("Ayesha", "Aisha", VARIANT),
        ("Fatimah", "Fatima", VARIANT),
        ("Souleymane", "Sulayman", VARIANT),
        # Alike, less sure.
        ("Fatima", "Fatma", SIMILAR),
        ("Elamrani", "Amrani", SIMILAR),
        ("Ibrahim", "Brahim", SIMILAR),
        ("Volodymyr", "Vladimir", SIMILAR),
        ("Garcia Lopez", "Garcia", PARTIAL),
        ("Mohamed", "Mahmoud", PARTIAL),
        # Different names whose keys collide, or nothing alike.
        ("Hassan", "Hussein", NONE),
        ("Rossi", "Russo", NONE),
        ("Ali", "Ola", NONE),
        ("Diop", "Ndiaye", NONE),
    ],
)
def test_name_parts(a: str, b: str, level: int) -> None:
    assert part_level(name_forms(a), name_forms(b)) == level
    assert part_level(name_forms(b), name_forms(a)) == level


_NAMES = st.sampled_from(
    ["Mohamed", "Mohammed", "Ali", "Aly", "Hassan", "Hussein", "Olga", "Ol'ga", "Diallo", "Ba"]
)
_RECORDS = st.builds(
    Record,
    id=st.integers(1, 9),
    code=st.just("X"),
    last_name=_NAMES,
    first_name=_NAMES,
    sex=st.sampled_from([None, "F", "M"]),
    birth_date=st.sampled_from([None, BIRTH, dt.date(1990, 3, 5), dt.date(1990, 7, 7)]),
    citizenship_code=st.sampled_from([None, MOROCCO, "Z336"]),
    fiscal_code=st.none(),
    cui=st.sampled_from([None, "CUI1", "CUI2"]),
)


@given(_RECORDS, _RECORDS)
def test_score_is_symmetric_and_bounded(a: Record, b: Record) -> None:
    value, reasons = duplicates.score(a, b)
    assert 0 <= value <= 100
    assert duplicates.score(b, a)[0] == value
    assert (value > 0) == bool(reasons)


@given(st.text(max_size=30), st.text(max_size=30))
def test_name_comparison_never_fails(a: str, b: str) -> None:
    assert part_level(name_forms(a), name_forms(a)) in (EXACT, NONE)  # NONE: nothing to read
    assert duplicates.compare_names(a, b, b, a).level in (EXACT, VARIANT, SIMILAR, PARTIAL, NONE)


@settings(max_examples=25, deadline=None)  # the first call loads the ISTAT tables
@given(
    st.sampled_from(["Rossi", "Ali", "Nguyễn", "Ol'ga"]),
    st.sampled_from(["Mario", "Mohamed", "Văn Đức"]),
    st.dates(dt.date(1920, 1, 1), dt.date(2020, 12, 31)),
    st.sampled_from(["H501", "Z330", "Z216"]),
)
def test_omocodia_variants_are_every_valid_spelling_of_one_code(
    last: str, first: str, born: dt.date, place: str
) -> None:
    code = codice_fiscale.compute(last, first, "M", born, place)
    variants = duplicates.omocodia_variants(code)
    assert variants[0] == code and len(set(variants)) == 128
    assert {duplicates.base_code(v) for v in variants} == {code[:15]}
    assert all(codice_fiscale.validate_format(v) is None for v in variants)


# --- candidates -------------------------------------------------------------------------------


def test_candidates_in_order_with_their_reasons(db: Database, admin: Actor) -> None:
    # GIVEN a registry with records that look like Ali Mohamed, born 03/05/1990 in Morocco
    query = _input(
        "NEW",
        "Ali",
        "Mohamed",
        fiscal_code=codice_fiscale.compute("Ali", "Mohamed", "M", BIRTH, MOROCCO),
    )
    same_cf = _create(
        db,
        admin,
        _input(
            "C1", "Aly", "Mohammed", birth_date=dt.date(1991, 2, 2), fiscal_code=query.fiscal_code
        ),
    )
    swapped = _create(db, admin, _input("C2", "Mohamed", "Ali"))
    variant = _create(db, admin, _input("C3", "Ali", "Muhammad"))
    day_month = _create(db, admin, _input("C4", "Ali", "Mohamed", birth_date=dt.date(1990, 3, 5)))
    partial = _create(db, admin, _input("C5", "Ali", "Mahmoud"))
    same_year = _create(db, admin, _input("C6", "Ali", "Mohamed", birth_date=dt.date(1990, 8, 20)))
    _create(db, admin, _input("C7", "Ali", "Mohamed", birth_date=dt.date(1975, 5, 3)))
    _create(db, admin, _input("C8", "Ali", "Hassan"))  # a twin brother
    _create(db, admin, _input("C9", "Ali", "Amina", sex="F"))  # a twin sister
    variant_elsewhere = _create(db, admin, _input("C10", "Aly", "Muhammad", citizenship_code=None))
    merged = _create(db, admin, _input("C11", "Ali", "Mohamed"))
    with db.transaction(admin) as session:
        person = session.get(Person, merged)
        assert person is not None
        person.merged_into_id = variant

    # WHEN candidates are asked for the record being entered
    found = _found(db, admin, query)

    # THEN the identifiers come first, then the same date with alike names, best first
    assert found == [
        (same_cf, 100, ("stesso codice fiscale",)),
        (
            swapped,
            90,
            (
                "stessa data di nascita e stesso nome",
                "cognome e nome invertiti",
                "stessa cittadinanza",
            ),
        ),
        (
            variant,
            85,
            ("stessa data di nascita e nome simile (Mohamed/Muhammad)", "stessa cittadinanza"),
        ),
        (
            variant_elsewhere,
            80,
            ("stessa data di nascita e nome simile (Ali/Aly, Mohamed/Muhammad)",),
        ),
        (
            day_month,
            65,
            (
                "data di nascita con giorno e mese invertiti (03/05/1990 e 05/03/1990)",
                "stesso nome",
                "stessa cittadinanza",
            ),
        ),
        (
            partial,
            55,
            (
                "stessa data di nascita, stessa cittadinanza e nome in parte simile "
                "(Mohamed/Mahmoud)",
            ),
        ),
    ]
    # Namesakes born the same year on another day are weak: only below the threshold.
    weak = _found(db, admin, query, min_score=0)
    assert weak[:-1] == found
    assert weak[-1] == (same_year, 40, ("stesso nome e stesso anno di nascita (1990)",))
    assert _found(db, admin, query, limit=2) == found[:2]


def test_namesakes_born_another_day_are_not_shown(db: Database, admin: Actor) -> None:
    for n, born in enumerate((dt.date(1985, 1, 1), dt.date(1990, 8, 20), dt.date(2001, 5, 3))):
        _create(db, admin, _input(f"N{n}", "Diallo", "Mamadou", birth_date=born))
    query = _input("NEW", "Diallo", "Mamadou", birth_date=dt.date(1990, 11, 30))
    assert _found(db, admin, query) == []
    assert max(score for _id, score, _r in _found(db, admin, query, min_score=0)) < SHOW_THRESHOLD


def test_twins_and_evidence_against(db: Database, admin: Actor) -> None:
    brother = _create(db, admin, _input("T1", "Rossi", "Mario", citizenship_code="Z100"))
    _create(db, admin, _input("T2", "Ivanova", "Olga", sex="F", cui="CUI00001"))
    sister = replace(_input("NEW", "Rossi", "Maria", sex="F", citizenship_code="Z100"))
    assert _found(db, admin, sister) == []
    assert _found(db, admin, sister, min_score=0) == [
        (
            brother,
            45,
            (
                "stessa data di nascita e nome simile (Maria/Mario)",
                "stessa cittadinanza",
                "ma sesso diverso",
            ),
        )
    ]
    other_cui = _input("NEW", "Ivanova", "Ol'ga", sex="F", cui="CUI00002")
    [(_id, value, reasons)] = _found(db, admin, other_cui, min_score=0)
    assert (value, reasons) == (
        65,
        ("stessa data di nascita e stesso nome", "stessa cittadinanza", "ma CUI diverso"),
    )


def test_omocodia_and_cui(db: Database, admin: Actor) -> None:
    code = codice_fiscale.compute("Bianchi", "Luca", "M", dt.date(1980, 1, 1), "H501")
    omocodic = duplicates.omocodia_variants(code)[1]  # a letter in the last digit position
    assert omocodic[:14] == code[:14] and omocodic[14] == "M" and omocodic != code
    assert codice_fiscale.validate_format(omocodic) is None
    registered = _create(
        db,
        admin,
        _input(
            "B1",
            "Bianchi",
            "Luca",
            birth_date=dt.date(1980, 1, 1),
            birth_place_code="H501",
            citizenship_code=None,
            fiscal_code=omocodic,
            cui="AB123456",
        ),
    )
    different_person = _input("NEW", "Verdi", "Paolo", citizenship_code=None)
    assert _found(db, admin, replace(different_person, fiscal_code=code)) == [
        (registered, 95, ("stesso codice fiscale a meno dell'omocodia",))
    ]
    assert _found(db, admin, replace(different_person, cui="ab 123456")) == [
        (registered, 100, ("stesso CUI",))
    ]


def test_the_record_being_edited_and_remembered_decisions_are_left_out(
    db: Database, admin: Actor
) -> None:
    first = _create(db, admin, _input("D1", "Diallo", "Youssef"))
    second = _create(db, admin, _input("D2", "Diallo", "Yusuf"))
    third = _create(db, admin, _input("D3", "Jalloh", "Youssef"))
    data = _input("D1", "Diallo", "Youssef")
    assert [c[0] for c in _found(db, admin, data, exclude_id=first)] == [second]

    with db.transaction(admin) as session:
        duplicates.mark_not_same(session, admin, second, first)
        duplicates.mark_not_same(session, admin, first, second)  # a repeat changes nothing
    with db.reading() as session:
        pairs = session.execute(
            select(NotSamePerson.person_low_id, NotSamePerson.person_high_id)
        ).all()
        assert pairs == [(first, second)]
        assert (
            session.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.entity == "not_same_person", AuditEntry.action == "insert")
            )
            == 1
        )
    assert _found(db, admin, data, exclude_id=first) == []
    # Entering a new record, nobody knows it is not the same: both are proposed.
    assert [c[0] for c in _found(db, admin, replace(data, code="NEW"))] == [first, second]
    assert third not in [c[0] for c in _found(db, admin, data, min_score=0)]

    with pytest.raises(ValidationError), db.transaction(admin) as session:
        duplicates.mark_not_same(session, admin, first, first)
    with pytest.raises(NotFound), db.transaction(admin) as session:
        duplicates.mark_not_same(session, admin, first, 9999)


def test_nothing_to_compare_gives_nothing(db: Database, admin: Actor) -> None:
    _create(db, admin, _input("E1", "Ali", "Mohamed"))
    assert _found(db, admin, persons.PersonInput()) == []


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(last=st.text(max_size=20), first=st.text(max_size=20), code=st.text(max_size=20))
def test_candidates_never_fail_on_any_text(
    db: Database, admin: Actor, last: str, first: str, code: str
) -> None:
    data = persons.PersonInput(last_name=last, first_name=first, fiscal_code=code, cui=code)
    with db.reading() as session:
        assert isinstance(duplicates.find_candidates(session, admin, data), list)


@pytest.mark.parametrize("role", list(Role))
def test_every_role_that_reads_the_registry_sees_candidates(
    db: Database, actors: dict[Role, Actor], role: Role
) -> None:
    registered = _create(db, actors[Role.ADMIN], _input("R1", "Ali", "Mohamed"))
    assert [c[0] for c in _found(db, actors[role], _input("NEW", "Ali", "Mohammed"))] == [
        registered
    ]


# --- the scan of the registry ---------------------------------------------------------------


def test_probable_duplicates_in_the_registry(db: Database, admin: Actor) -> None:
    # GIVEN pairs that are one person, pairs that are not, a merged and a remembered pair
    youssef = _create(db, admin, _input("P1", "Diallo", "Youssef"))
    yusuf = _create(db, admin, _input("P2", "Diallo", "Yusuf"))
    _create(db, admin, _input("P3", "Diallo", "Hassan"))  # the twin of neither
    code = codice_fiscale.compute("Bianchi", "Luca", "M", dt.date(1980, 1, 1), "H501")
    luca = _create(
        db,
        admin,
        _input(
            "P4",
            "Bianchi",
            "Luca",
            birth_date=dt.date(1980, 1, 1),
            birth_place_code="H501",
            citizenship_code=None,
            fiscal_code=code,
        ),
    )
    luca_typo = _create(
        db,
        admin,
        _input(
            "P5",
            "Bianchi",
            "Luca",
            birth_date=dt.date(1980, 1, 2),
            birth_place_code="H501",
            citizenship_code=None,
            fiscal_code=duplicates.omocodia_variants(code)[1],
        ),
    )
    olga = _create(db, admin, _input("P6", "Ivanova", "Olga", sex="F", citizenship_code="Z154"))
    olga_swapped = _create(
        db, admin, _input("P7", "Olga", "Ivanova", sex="F", citizenship_code="Z154")
    )
    kept_apart = _create(db, admin, _input("P8", "Traoré", "Moussa"))
    kept_apart_too = _create(db, admin, _input("P9", "Traore", "Mousa"))
    merged = _create(db, admin, _input("P10", "Diallo", "Youssef"))
    with db.transaction(admin) as session:
        duplicates.mark_not_same(session, admin, kept_apart, kept_apart_too)
        person = session.get(Person, merged)
        assert person is not None
        person.merged_into_id = youssef

    # WHEN the registry is scanned
    with db.reading() as session:
        pairs = duplicates.list_probable_duplicates(session, admin)
        limited = duplicates.list_probable_duplicates(session, admin, limit=1)

    # THEN each pair is listed once, lower id first, best first
    assert [(p.first.person_id, p.second.person_id, p.score, p.reasons) for p in pairs] == [
        (
            luca,
            luca_typo,
            95,
            (
                "stesso codice fiscale a meno dell'omocodia",
                "stesso nome e stesso anno di nascita (1980)",
            ),
        ),
        (
            olga,
            olga_swapped,
            90,
            (
                "stessa data di nascita e stesso nome",
                "cognome e nome invertiti",
                "stessa cittadinanza",
            ),
        ),
        (
            youssef,
            yusuf,
            85,
            ("stessa data di nascita e nome simile (Youssef/Yusuf)", "stessa cittadinanza"),
        ),
    ]
    assert pairs[0].first.name == "Bianchi Luca" and pairs[0].second.code == "P5"
    assert limited == pairs[:1]
