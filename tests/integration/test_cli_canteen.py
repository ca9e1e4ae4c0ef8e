"""`tit-desktop canteen checkin` (the first one in a subprocess, the others in the test's
process): exit 0 done, 1 refused with the reason, 2 wrong usage; the same service and
messages as the desk."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select

from tests.conftest import PASSWORD, make_user
from tests.integration.test_cli import Runner, run, run_here
from tit_desktop.models import AuditEntry, Meal, MealType, Role
from tit_desktop.services import canteen, persons
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor

ENV = {"TIT_PASSWORD": PASSWORD}


def _setup(db_url: str) -> tuple[Database, Actor, str]:
    db = Database(db_url)
    operator = make_user(db, "mensa", Role.OPERATOR)
    data = persons.PersonInput(
        code="TIU-00007",
        last_name="Diallo",
        first_name="Awa",
        sex="F",
        intake_date=dt.date.today() - dt.timedelta(days=30),
    )
    with db.transaction(operator) as session:
        person_id = persons.create_person(session, operator, data).id
        card = canteen.issue_card(
            session, operator, person_id, valid_from=dt.date.today() - dt.timedelta(days=30)
        )
    return db, operator, card.code


def checkin(db_url: str, *args: str, runner: Runner = run_here) -> tuple[int, str, str]:
    result = runner("--user", "mensa", "canteen", "checkin", *args, db_url=db_url, env=ENV)
    return result.returncode, result.stdout, result.stderr


def test_checkin_then_the_same_meal_again_is_refused(db_url: str) -> None:
    db, _, code = _setup(db_url)
    try:
        status, out, err = checkin(db_url, code, "--meal", "pranzo", "--json", runner=run)
        assert status == 0, err
        done = json.loads(out)
        assert done["ok"] is True and done["person"] == "Diallo Awa"
        assert done["meal"] == "pranzo" and done["card"] == code and done["backdated"] is False
        status, out, err = checkin(db_url, "TIU-00007", "--meal", "Pranzo", "--json")
        assert status == 1
        refusal = json.loads(out)
        assert refusal["ok"] is False and refusal["reason"] == "already_taken"
        assert refusal["message"].startswith("Pranzo già registrato per Diallo Awa il ")
        # Without --json the reason goes to standard error, in Italian.
        status, out, err = checkin(db_url, code, "--meal", "pranzo")
        assert status == 1 and "Rifiutato: Pranzo già registrato" in err
        status, out, err = checkin(db_url, "00009999", "--meal", "cena", "--json")
        assert status == 1 and json.loads(out)["reason"] == "unknown_card"
        with db.reading() as session:
            assert len(session.scalars(select(Meal)).all()) == 1
    finally:
        db.dispose()


def test_backdated_checkin_is_audited_as_such(db_url: str) -> None:
    db, _, code = _setup(db_url)
    day = dt.date.today() - dt.timedelta(days=3)
    try:
        status, out, err = checkin(
            db_url, code, "--date", day.strftime("%d/%m/%Y"), "--meal", "cena"
        )
        assert status == 0, err
        assert out.startswith(f"Cena del {day:%d/%m/%Y} registrata: Diallo Awa")
        with db.reading() as session:
            meal = session.scalars(select(Meal)).one()
            assert (meal.meal_date, meal.meal_type, meal.backdated) == (day, MealType.DINNER, True)
            entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "meal")).one()
            assert entry.username == "mensa" and entry.changes is not None
            assert entry.changes["backdated"] is True
    finally:
        db.dispose()


def test_wrong_usage_exits_2(db_url: str) -> None:
    db, _, code = _setup(db_url)
    db.dispose()
    status, _, err = checkin(db_url, code, "--meal", "merenda")
    assert status == 2 and "pasto «merenda» sconosciuto" in err
    status, _, err = checkin(db_url, code, "--date", "2026-11-01")
    assert status == 2 and "gg/mm/aaaa" in err
    status, _, err = checkin(db_url)
    assert status == 2
