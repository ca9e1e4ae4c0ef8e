"""The person service: validation in Italian per field, codice fiscale warnings, search,
permits, audit of every opening."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from tit_desktop.models import AuditEntry, Role
from tit_desktop.services import clock, persons
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ConflictError, NotFound, ValidationError
from tit_desktop.services.permissions import Actor

BASE = persons.PersonInput(
    code="TIU-1",
    last_name="Gündoğdu",
    first_name="Şükrü",
    sex="M",
    birth_date=dt.date(1990, 3, 12),
    birth_place_code="Z243",
    citizenship_code="Z243",
    fiscal_code="GNDSKR90C12Z243P",
    intake_date=dt.date(2024, 5, 2),
)


def _create(db: Database, actor: Actor, data: persons.PersonInput = BASE) -> persons.SaveResult:
    with db.transaction(actor) as session:
        return persons.create_person(session, actor, data)


def _errors(db: Database, actor: Actor, data: persons.PersonInput) -> dict[str, str]:
    with pytest.raises(ValidationError) as err, db.transaction(actor) as session:
        persons.create_person(session, actor, data)
    return err.value.fields


def test_a_valid_person_is_saved_cleaned_and_audited(db: Database, admin: Actor) -> None:
    result = _create(
        db,
        admin,
        replace(BASE, last_name="  Gündoğdu ", code=" TIU-1 ", fiscal_code="gndskr90c12z243p"),
    )
    assert result.warnings == ()
    with db.transaction(admin) as session:
        detail = persons.open_person(session, admin, result.id)
    assert detail.data.last_name == "Gündoğdu" and detail.data.code == "TIU-1"
    assert detail.data.fiscal_code == "GNDSKR90C12Z243P"
    assert detail.birth_place_label == "Turchia" and detail.citizenship_label == "Turchia"
    with db.reading() as session:
        actions = [
            (e.action, e.entity)
            for e in session.scalars(
                select(AuditEntry).where(AuditEntry.entity == "person").order_by(AuditEntry.id)
            )
        ]
    assert actions == [("insert", "person"), ("view", "person")]


def test_required_fields(db: Database, admin: Actor) -> None:
    fields = _errors(db, admin, persons.PersonInput())
    assert fields == {  # no "code": a new record without one takes the series' next number
        "last_name": "campo obbligatorio",
        "first_name": "campo obbligatorio",
        "intake_date": "data obbligatoria",
    }


def test_field_messages_are_the_reason_in_lower_case(db: Database, admin: Actor) -> None:
    """One rule for every field's message: the label is added where it is shown ("Codice:
    campo obbligatorio"), so the message itself starts in lower case and has no period."""
    wrong = replace(
        BASE,
        last_name="",
        first_name="",
        birth_date=dt.date(1800, 1, 1),
        intake_date=dt.date(2999, 1, 1),
        email="non-una-mail",
    )
    fields = _errors(db, admin, wrong)
    assert len(fields) >= 5
    for field, message in fields.items():
        assert not message[0].isupper() and not message.endswith("."), (field, message)


def test_impossible_dates_are_named(db: Database, admin: Actor) -> None:
    fields = _errors(
        db,
        admin,
        replace(
            BASE,
            birth_date=dt.date(2024, 6, 1),
            permit_issued_on=dt.date(2024, 3, 1),
            permit_expires_on=dt.date(2023, 3, 1),
            fiscal_code=None,
        ),
    )
    assert fields == {
        "birth_date": "la data di nascita (01/06/2024) è successiva alla presa in carico "
        "(02/05/2024)",
        "permit_expires_on": "la scadenza (01/03/2023) precede il rilascio (01/03/2024)",
    }
    future = clock.today() + dt.timedelta(days=1)
    assert _errors(db, admin, replace(BASE, intake_date=future)) == {
        "intake_date": "non può essere nel futuro"
    }


def test_unknown_places_and_overlong_text(db: Database, admin: Actor) -> None:
    fields = _errors(
        db,
        admin,
        replace(
            BASE,
            citizenship_code="H501",
            birth_place_code="Q999",
            fiscal_code=None,
            address="x" * 301,
        ),
    )
    assert fields == {
        "citizenship_code": "stato sconosciuto (codice H501)",
        "birth_place_code": "luogo sconosciuto (codice Q999)",
        "address": "troppo lungo: al massimo 300 caratteri (sono 301)",
    }


def test_wrong_check_letter_is_an_error_and_mismatch_a_warning(db: Database, admin: Actor) -> None:
    fields = _errors(db, admin, replace(BASE, fiscal_code="GNDSKR90C12Z243X"))
    assert fields == {"fiscal_code": "carattere di controllo errato: atteso «P», trovato «X»"}
    result = _create(db, admin, replace(BASE, birth_date=dt.date(1991, 3, 12)))
    assert len(result.warnings) == 1
    assert "data di nascita" in result.warnings[0]
    assert "GNDSKR91C12Z243" in result.warnings[0]


def test_provisional_code_is_accepted(db: Database, admin: Actor) -> None:
    assert _create(db, admin, replace(BASE, fiscal_code="12345678903")).warnings == ()


def test_unique_values_name_the_other_person(db: Database, admin: Actor) -> None:
    _create(db, admin, replace(BASE, cui="ABC12345"))
    fields = _errors(db, admin, replace(BASE, last_name="Altro", cui="abc 12345"))
    assert fields == {
        "code": "già usato da Gündoğdu Şükrü (codice TIU-1)",
        "fiscal_code": "già usato da Gündoğdu Şükrü (codice TIU-1)",
        "cui": "già usato da Gündoğdu Şükrü (codice TIU-1)",
    }


def test_declined_and_consents(db: Database, admin: Actor) -> None:
    fields = _errors(
        db,
        admin,
        replace(
            BASE,
            declined=frozenset({"employment", "religione"}),
            employment="occupato",
            consent_privacy=True,
            consent_photo_on=dt.date(2024, 5, 2),
        ),
    )
    assert fields == {
        "declined": "campi sconosciuti: religione",
        "employment": "indicato sia un valore sia «non ha risposto»",
        "consent_privacy_on": "indicare la data in cui è stata data la risposta",
        "consent_photo": "indicare la risposta (sì o no) per la data inserita",
    }
    saved = _create(db, admin, replace(BASE, declined=frozenset({"employment"})))
    with db.transaction(admin) as session:
        assert persons.open_person(session, admin, saved.id).data.declined == {"employment"}


def test_stale_update_is_a_conflict(db: Database, admin: Actor) -> None:
    saved = _create(db, admin)
    with db.transaction(admin) as session:
        persons.update_person(session, admin, saved.id, replace(BASE, phone="071 1"), saved.version)
    with pytest.raises(ConflictError), db.transaction(admin) as session:
        persons.update_person(session, admin, saved.id, replace(BASE, phone="071 2"), saved.version)


def test_open_unknown_person(db: Database, admin: Actor) -> None:
    with pytest.raises(NotFound), db.transaction(admin) as session:
        persons.open_person(session, admin, 999)


def test_search_folds_accents_scripts_and_matches_prefixes(db: Database, admin: Actor) -> None:
    _create(db, admin)
    _create(
        db,
        admin,
        replace(
            BASE,
            code="TIU-2",
            last_name="Коваленко",
            first_name="Ольга",
            sex="F",
            fiscal_code=None,
            birth_place_code="Z138",
            citizenship_code="Z138",
        ),
    )
    _create(
        db,
        admin,
        replace(
            BASE,
            code="TIU-3",
            last_name="El Amrani",
            first_name="Youssef",
            fiscal_code=None,
            birth_place_code="Z330",
        ),
    )

    def codes(text: str) -> list[str]:
        with db.reading() as session:
            ids = persons.search_ids(session, admin, persons.PersonFilter(text=text))
            rows = persons.rows_for(session, admin, ids)
        return [rows[i].code for i in ids]

    assert codes("gundogdu") == ["TIU-1"]
    assert codes("GÜND") == ["TIU-1"]
    assert codes("sukru gun") == ["TIU-1"]
    assert codes("kovalenko") == ["TIU-2"]
    assert codes("amrani") == ["TIU-3"]
    assert codes("elamr") == ["TIU-3"]
    assert codes("gndskr90") == ["TIU-1"]
    assert codes("tiu-") == ["TIU-3", "TIU-1", "TIU-2"]  # sorted by name
    assert codes("zzz") == []


def test_search_finds_a_code_by_its_number_alone(db: Database, admin: Actor) -> None:
    _create(db, admin, replace(BASE, code="TIU-00004"))
    _create(db, admin, replace(BASE, code="TIU-00123", fiscal_code=None, last_name="Rossi"))
    _create(db, admin, replace(BASE, code="TIU-01123", fiscal_code=None, last_name="Bianchi"))

    def codes(text: str) -> list[str]:
        with db.reading() as session:
            ids = persons.search_ids(session, admin, persons.PersonFilter(text=text))
            rows = persons.rows_for(session, admin, ids)
            assert persons.count(session, admin, persons.PersonFilter(text=text)) == len(ids)
        return sorted(rows[i].code for i in ids)

    assert codes("00004") == ["TIU-00004"]
    assert codes("0004") == ["TIU-00004"]
    assert codes("123") == ["TIU-00123", "TIU-01123"]
    assert codes("00123") == ["TIU-00123"]
    assert codes("00123 rossi") == ["TIU-00123"]
    assert codes("00123 bianchi") == []
    assert codes("tiu-00004") == ["TIU-00004"]
    assert codes("99999") == []


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=30))
def test_search_never_fails_on_any_text(db: Database, admin: Actor, text: str) -> None:
    with db.reading() as session:
        ids = persons.search_ids(session, admin, persons.PersonFilter(text=text))
    assert isinstance(ids, list)


def test_expiring_permits_soonest_first(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "today", lambda: dt.date(2026, 6, 1))
    for code, expiry in (
        ("P-1", dt.date(2026, 7, 31)),
        ("P-2", dt.date(2026, 5, 20)),
        ("P-3", dt.date(2026, 8, 1)),
        ("P-4", dt.date(2026, 6, 1)),
    ):
        _create(
            db,
            admin,
            replace(
                BASE,
                code=code,
                fiscal_code=None,
                permit_issued_on=dt.date(2025, 1, 1),
                permit_expires_on=expiry,
            ),
        )
    with db.reading() as session:
        permits = persons.expiring_permits(session, admin, 60)
    assert [(p.code, p.days_left) for p in permits] == [("P-2", -12), ("P-4", 0), ("P-1", 60)]


@pytest.mark.parametrize("role", [Role.READ_ONLY, Role.OPERATOR])
def test_roles_that_read_the_registry(db: Database, actors: dict[Role, Actor], role: Role) -> None:
    saved = _create(db, actors[Role.ADMIN])
    with db.transaction(actors[role]) as session:
        assert persons.open_person(session, actors[role], saved.id).data.code == "TIU-1"


def test_control_characters_are_refused_not_crashing(db: Database, admin: Actor) -> None:
    fields = _errors(db, admin, replace(BASE, last_name="Gün\x00doğdu", fiscal_code=None))
    assert fields == {
        "last_name": "contiene il carattere U+0000 (carattere di controllo), che non è ammesso: "
        "forse è stato incollato da un altro programma; cancellarlo e riscrivere il testo"
    }


def test_a_merged_code_leads_to_the_surviving_record(db: Database, admin: Actor) -> None:
    from tit_desktop.services import merge

    survivor = _create(db, admin)
    absorbed = _create(db, admin, replace(BASE, code="OLD-7", fiscal_code=None, first_name="Sukru"))
    with db.transaction(admin) as session:
        merge.merge_persons(session, admin, survivor.id, absorbed.id)
    with db.reading() as session:
        assert persons.find_id_by_code(session, "OLD-7") == survivor.id
        assert persons.find_id_by_code(session, "TIU-1") == survivor.id
        assert persons.find_id_by_code(session, "NESSUNO") is None


def test_search_words_match_how_tokens_are_stored() -> None:
    assert persons.search_words("B-000123") == ["b000123"]
    assert persons.search_words("  D'Amico  Ol'ga ") == ["damico", "olga"]
    assert persons.search_words("a") == []  # one letter narrows nothing; the list stays
    assert persons.search_words("Nguyễn Thị") == ["nguyen", "thi"]


def test_a_code_typed_as_printed_is_found(db: Database, admin: Actor) -> None:
    _create(db, admin, replace(BASE, code="B-000123", fiscal_code=None))
    with db.reading() as session:
        ids = persons.search_ids(session, admin, persons.PersonFilter(text="B-000123"))
        partial = persons.search_ids(session, admin, persons.PersonFilter(text="b-0001"))
    assert len(ids) == 1 and ids == partial


@pytest.mark.parametrize("day", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_dates_outside_a_plausible_range_are_refused(
    db: Database, admin: Actor, day: dt.date
) -> None:
    # 0001-01-01 and 9999-12-31 were accepted in permits (and would sort every list wrong)
    today = clock.today()
    last_permit = (
        today.replace(year=today.year + 30)
        if not (today.month == 2 and today.day == 29)
        else today.replace(year=today.year + 30, day=28)
    )
    data = replace(BASE, permit_issued_on=day, permit_expires_on=day, fiscal_code=None)
    fields = _errors(db, admin, data)
    if day.year == 1:
        assert fields == {
            "permit_issued_on": f"data non plausibile: deve essere fra il 01/01/1990 e il "
            f"{today:%d/%m/%Y}",
            "permit_expires_on": f"data non plausibile: deve essere fra il 01/01/1990 e il "
            f"{last_permit:%d/%m/%Y}",
        }
    else:
        assert fields == {
            "permit_issued_on": "il rilascio non può essere nel futuro",
            "permit_expires_on": f"data non plausibile: deve essere fra il 01/01/1990 e il "
            f"{last_permit:%d/%m/%Y}",
        }
    fields = _errors(db, admin, replace(BASE, birth_date=day, intake_date=day, fiscal_code=None))
    assert set(fields) == {"birth_date", "intake_date"}
    # The message names the field when shown as one line
    with pytest.raises(ValidationError) as err, db.transaction(admin) as session:
        persons.create_person(session, admin, replace(BASE, permit_expires_on=day))
    assert err.value.message.startswith("Scadenza")
