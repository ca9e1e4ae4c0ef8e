"""Demo data: realistic, valid, audited, only into an empty database."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tit_desktop.models import AuditEntry, HouseholdLink, Person, Role
from tit_desktop.services import codice_fiscale, demo, persons, places
from tit_desktop.services.database import Database
from tit_desktop.services.errors import PermissionDenied, ValidationError
from tit_desktop.services.permissions import SYSTEM, Actor


def test_demo_fills_realistic_valid_people(db: Database, admin: Actor) -> None:
    summary = demo.fill_demo_data(db, admin, people=60, seed=7)
    assert summary["persone"] == 60
    with db.reading() as session:
        people = list(session.scalars(select(Person)))
        links = session.scalar(select(func.count()).select_from(HouseholdLink))
        audited = session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.entity == "person", AuditEntry.action == "insert")
        )
    assert len(people) == 60 and audited == 60
    assert summary["legami familiari"] == links
    codes_with_cf = 0
    for person in people:
        assert person.intake_date is not None and person.birth_date is not None
        assert person.birth_date < person.intake_date
        state = places.by_code(person.citizenship_code or "")
        assert state is not None and state.kind == "stato" and state.code.startswith("Z")
        if person.fiscal_code:
            codes_with_cf += 1
            result = codice_fiscale.check(
                person.fiscal_code,
                person.last_name,
                person.first_name,
                person.sex.value if person.sex else None,
                person.birth_date,
                person.birth_place_code,
            )
            assert result.error is None and result.mismatches == (), person.fiscal_code
            assert person.fiscal_code[11:15] == person.birth_place_code
    assert codes_with_cf >= 40
    # Names keep their accents and scripts: not everything is plain ASCII.
    assert any(not (p.last_name + p.first_name).isascii() for p in people)


def test_demo_is_deterministic_for_a_seed(db: Database, tmp_path: object) -> None:
    demo.fill_demo_data(db, SYSTEM, people=15, seed=99)
    with db.reading() as session:
        first = [
            (p.last_name, p.first_name, p.fiscal_code)
            for p in session.scalars(select(Person).order_by(Person.code))
        ]
    other = Database("sqlite:///" + str(tmp_path) + "/seme.sqlite3")
    from tit_desktop.services import schema

    schema.upgrade(other)
    demo.fill_demo_data(other, SYSTEM, people=15, seed=99)
    with other.reading() as session:
        second = [
            (p.last_name, p.first_name, p.fiscal_code)
            for p in session.scalars(select(Person).order_by(Person.code))
        ]
    other.dispose()
    assert first == second


def test_demo_refuses_a_database_with_people(db: Database, admin: Actor) -> None:
    demo.fill_demo_data(db, admin, people=3)
    with pytest.raises(ValidationError) as err:
        demo.fill_demo_data(db, admin, people=3)
    assert "solo in un database vuoto" in err.value.message
    with db.reading() as session:
        assert persons.count(session, admin, persons.PersonFilter()) == 3


def test_read_only_users_cannot_load_demo(db: Database, actors: dict[Role, Actor]) -> None:
    with pytest.raises(PermissionDenied):
        demo.fill_demo_data(db, actors[Role.READ_ONLY], people=3)
