"""The office's numbering (the next free Codice), the form's own checks and the permit
warning: service functions the person record uses."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from tit_desktop.services import persons
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ValidationError
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
    # A new record may leave the Codice empty (the series gives it); an existing one may not.
    assert persons.input_problems(data) == {
        "first_name": "campo obbligatorio",
        "intake_date": "data obbligatoria",
    }
    assert persons.input_problems(data, person_id=1) == {
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


def _create(db: Database, actor: Actor, last_name: str = "Rossi") -> str:
    data = persons.PersonInput(
        last_name=last_name, first_name="Ada", intake_date=dt.date(2024, 1, 2)
    )
    with db.transaction(actor) as session:
        return persons.create_person(session, actor, data).code


def test_an_empty_code_takes_the_next_number_and_a_failed_save_gives_it_back(
    db: Database, admin: Actor
) -> None:
    _add(db, admin, "TIU-00007")  # the office's past numbering goes on from here
    assert _create(db, admin) == "TIU-00008"
    with pytest.raises(ValidationError), db.transaction(admin) as session:
        persons.create_person(
            session, admin, persons.PersonInput(last_name="", first_name="X", intake_date=None)
        )
    _add(db, admin, "TIU-00009")  # typed by hand: the series skips it
    assert _create(db, admin) == "TIU-00010"
    with db.reading() as session:
        assert persons.next_code(session, admin) == "TIU-00011"


def test_several_pcs_saving_at_once_get_distinct_gapless_codes(db_url: str, admin: Actor) -> None:
    # GIVEN eight PCs (own connections) each saving new records at the same moment
    rounds, pcs = 3, 8
    databases = [Database(db_url) for _ in range(pcs)]
    barrier = threading.Barrier(pcs)
    codes: list[str] = []
    failures: list[BaseException] = []

    def pc(db: Database) -> None:
        try:
            for _ in range(rounds):
                barrier.wait(timeout=30)
                codes.append(_create(db, admin))
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=pc, args=(db,)) for db in databases]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for db in databases:
        db.dispose()
    # THEN every save got its own number, 1..24 without a gap
    assert failures == []
    assert sorted(codes) == [f"TIU-{n:05d}" for n in range(1, rounds * pcs + 1)]
