"""The office's numbering (the next free Codice), the form's own checks and the permit
warning: service functions the person record uses."""

from __future__ import annotations

import datetime as dt

import pytest

from tit_desktop.services import persons
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor


def _add(db: Database, actor: Actor, code: str) -> None:
    data = persons.PersonInput(
        code=code, last_name="Rossi", first_name=code, intake_date=dt.date(2024, 1, 2)
    )
    with db.transaction(actor) as session:
        persons.create_person(session, actor, data)


def test_the_next_code_follows_the_highest_number(db: Database, admin: Actor) -> None:
    with db.reading() as session:
        assert persons.next_code(session, admin) == "TIU-00001"
    for code in ("TIU-00002", "TIU-00010", "TIU-0009", "TIU-0001A", "TIU_99999", "XTIU-77777"):
        _add(db, admin, code)
    with db.reading() as session:
        assert persons.next_code(session, admin) == "TIU-00011"


def test_a_longer_number_is_higher(db: Database, admin: Actor) -> None:
    _add(db, admin, "TIU-99999")
    _add(db, admin, "TIU-100000")
    with db.reading() as session:
        assert persons.next_code(session, admin) == "TIU-100001"


def test_input_problems_without_the_database() -> None:
    data = persons.PersonInput(code="", last_name="Bah", first_name="", intake_date=None)
    assert persons.input_problems(data) == {
        "code": "campo obbligatorio",
        "first_name": "campo obbligatorio",
        "intake_date": "data obbligatoria",
    }
    fine = persons.PersonInput(
        code="A-1", last_name="Bah", first_name="Awa", intake_date=dt.date(2024, 1, 2)
    )
    assert persons.input_problems(fine) == {}


@pytest.mark.parametrize(
    ("expires", "text"),
    [
        (None, ""),
        (dt.date(2026, 11, 25), "Permesso scaduto il 25/11/2026 (da 3 gg)"),
        (dt.date(2026, 11, 28), "Permesso in scadenza oggi"),
        (dt.date(2027, 1, 27), "Permesso in scadenza il 27/01/2027 (tra 60 gg)"),
        (dt.date(2027, 1, 28), ""),
    ],
)
def test_permit_warning(expires: dt.date | None, text: str) -> None:
    assert persons.permit_warning(expires, today=dt.date(2026, 11, 28)) == text
