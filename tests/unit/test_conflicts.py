"""Constraint violations become ConflictError in Italian, naming the other record; on SQLite
a check-then-insert cannot interleave with another PC's at all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import replace

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tit_desktop.models import (
    Base,
    HouseholdLink,
    HouseholdRelation,
    Person,
    Role,
)
from tit_desktop.services import conflicts, persons, users
from tit_desktop.services.database import BUSY_MESSAGE, Database
from tit_desktop.services.errors import ConflictError, DatabaseBusy
from tit_desktop.services.permissions import Actor

MARIO = persons.PersonInput(
    code="TIU-00012",
    last_name="Rossi",
    first_name="Mario",
    sex="M",
    birth_date=dt.date(1980, 1, 1),
    fiscal_code="RSSMRA80A01H501U",
    cui="CUI0000012",
    intake_date=dt.date(2024, 5, 2),
)
ANNA = persons.PersonInput(
    code="TIU-00013",
    last_name="Bianchi",
    first_name="Anna",
    sex="F",
    birth_date=dt.date(1985, 6, 15),
    intake_date=dt.date(2024, 5, 3),
)


def _save_checked_earlier(session: Session, data: persons.PersonInput) -> None:
    """What create_person does after its uniqueness check passed: write the record."""
    person = Person()
    persons.apply_input(person, persons.normalise(data))
    session.add(person)
    session.flush()


@pytest.fixture
def other_pc(db_url: str) -> Iterator[Database]:
    """Another PC on the same database; it gives up on a busy SQLite file after 0.3 s."""
    database = Database(db_url, sqlite_busy_timeout_ms=300)
    yield database
    database.dispose()


def test_two_pcs_saving_the_same_code_at_the_same_moment(
    db: Database, other_pc: Database, admin: Actor
) -> None:
    # GIVEN this PC has checked that TIU-00012 is free, inside its write transaction
    anna = replace(ANNA, code=MARIO.code)
    other_pc_blocked = False
    expected = nullcontext() if db.is_sqlite else pytest.raises(ConflictError)
    with expected as refused, db.transaction(admin) as session:
        assert persons.validate(session, persons.normalise(anna)) == []
        # WHEN another PC saves Mario with the same code meanwhile
        try:
            with other_pc.transaction(admin) as other:
                persons.create_person(other, admin, MARIO)
        except DatabaseBusy as exc:
            other_pc_blocked = True
            assert exc.message == BUSY_MESSAGE
        # ... and this PC then writes Anna
        _save_checked_earlier(session, anna)
    if db.is_sqlite:
        # THEN on SQLite the other PC could not even begin: the check and the write of this
        # PC are one IMMEDIATE transaction, so Anna got the code and Mario was told to retry.
        assert other_pc_blocked
        with db.reading() as session:
            owner = session.scalar(select(Person.last_name).where(Person.code == MARIO.code))
        assert owner == "Bianchi"
    else:
        # THEN on PostgreSQL the constraint refuses Anna, naming Mario
        assert not other_pc_blocked
        assert refused.value.message == (
            "Codice TIU-00012 già usato da Rossi Mario. Nessuna modifica è stata salvata."
        )


@pytest.mark.parametrize(
    ("second", "message"),
    [
        (
            replace(ANNA, code=MARIO.code),
            "Codice TIU-00012 già usato da Rossi Mario.",
        ),
        (
            replace(ANNA, fiscal_code=MARIO.fiscal_code),
            "Codice fiscale RSSMRA80A01H501U già usato da Rossi Mario (codice TIU-00012).",
        ),
        (
            replace(ANNA, cui=MARIO.cui),
            "CUI CUI0000012 già usato da Rossi Mario (codice TIU-00012).",
        ),
    ],
    ids=["code", "fiscal_code", "cui"],
)
def test_the_constraint_backstop_names_the_person_who_has_the_value(
    db: Database, admin: Actor, second: persons.PersonInput, message: str
) -> None:
    # GIVEN Mario saved; WHEN a save whose check passed before Mario's arrived reaches the
    # database (the loser of a race on PostgreSQL)
    with db.transaction(admin) as session:
        persons.create_person(session, admin, MARIO)
    with pytest.raises(ConflictError) as refused, db.transaction(admin) as session:
        _save_checked_earlier(session, second)
    # THEN it is refused naming Mario, and nothing of it was written
    assert refused.value.message == f"{message} Nessuna modifica è stata salvata."
    with db.reading() as session:
        assert session.scalar(select(Person.id).where(Person.last_name == "Bianchi")) is None


def test_a_refused_batch_names_the_record_among_many(db: Database, admin: Actor) -> None:
    with db.transaction(admin) as session:
        persons.create_person(session, admin, MARIO)
    batch = [replace(ANNA, code=f"TIU-1{i:04}", fiscal_code=None) for i in range(30)]
    batch[17] = replace(batch[17], code=MARIO.code)
    with pytest.raises(ConflictError) as refused, db.transaction(admin) as session:
        people = []
        for data in batch:
            person = Person()
            persons.apply_input(person, persons.normalise(data))
            people.append(person)
        session.add_all(people)
        session.flush()
    assert refused.value.message.startswith("Codice TIU-00012 già usato da Rossi Mario.")


def test_a_user_name_taken_meanwhile_names_the_user(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.transaction(admin) as session:
        users.add_user(session, admin, "mario", Role.OPERATOR, "Segreto-lungo-1", "Mario Rossi")
    # The check of add_user passed before mario arrived:
    monkeypatch.setattr(users, "_user_by_name", lambda _session, _name: None)
    with pytest.raises(ConflictError) as refused, db.transaction(admin) as session:
        users.add_user(session, admin, "Mario", Role.READ_ONLY, "Altro-segreto-1")
    assert refused.value.message == (
        "Esiste già un utente «mario» (Mario Rossi). Nessuna modifica è stata salvata."
    )


def test_a_household_link_made_twice_names_both_people(db: Database, admin: Actor) -> None:
    with db.transaction(admin) as session:
        mario = persons.create_person(session, admin, MARIO).id
        anna = persons.create_person(session, admin, ANNA).id
        link = {
            "person_id": mario,
            "relative_id": anna,
            "relation": HouseholdRelation.SPOUSE_OR_PARTNER,
        }
        session.add(HouseholdLink(**link))
    with pytest.raises(ConflictError) as refused, db.transaction(admin) as session:
        session.add(HouseholdLink(**link))
    assert refused.value.message == (
        "Bianchi Anna è già nel nucleo familiare di Rossi Mario. Nessuna modifica è stata salvata."
    )


def test_a_rule_no_service_explains_gets_a_generic_message(db: Database, admin: Actor) -> None:
    with pytest.raises(conflicts.ConstraintConflict) as refused, db.transaction(admin) as session:
        _save_checked_earlier(session, replace(ANNA, ethos_at_intake=99))
    assert refused.value.violation.kind == "check"
    assert refused.value.violation.constraint == "ck_person_ethos_range"
    assert refused.value.message == (
        "I dati non rispettano una regola dell'archivio (regola «ck_person_ethos_range»). "
        "Nessuna modifica è stata salvata."
    )


def test_a_missing_link_is_a_conflict_too(db: Database, admin: Actor) -> None:
    with pytest.raises(conflicts.ConstraintConflict) as refused, db.transaction(admin) as session:
        _save_checked_earlier(session, replace(ANNA, reference_staff_id=4242))
    assert refused.value.violation.kind == "foreign_key"
    assert "Un dato collegato non esiste più" in refused.value.message


def test_an_explainer_that_fails_falls_back_to_the_generic_message(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_session: Session, _violation: conflicts.Violation) -> str:
        raise RuntimeError("bug in an explainer")

    monkeypatch.setitem(conflicts._EXPLAINERS, "uq_person_code", broken)
    with db.transaction(admin) as session:
        persons.create_person(session, admin, MARIO)
    with pytest.raises(ConflictError) as refused, db.transaction(admin) as session:
        _save_checked_earlier(session, replace(ANNA, code=MARIO.code))
    assert refused.value.message == (
        "Esiste già un altro record con lo stesso valore di: Codice. "
        "Nessuna modifica è stata salvata."
    )


TRIGGER_RULES = {"ck_pathway_no_overlap"}


def test_every_explained_constraint_exists() -> None:
    # A renamed constraint would silently lose its message.
    names = {
        str(item.name)
        for table in Base.metadata.tables.values()
        for item in [*table.constraints, *table.indexes]
    }
    # Rules kept by a trigger (migration 0010: no two percorsi of a person overlap) raise
    # under a constraint name of their own, which no table declares.
    names |= TRIGGER_RULES
    explained = set(conflicts.registered())
    assert {"uq_person_code", "uq_app_user_username"} <= explained
    assert explained <= names | conflicts.trigger_rule_names()
