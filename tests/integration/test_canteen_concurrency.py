"""Two desks on the same database scan the same card at the same moment: one meal is
recorded, the other desk is told why (the database's unique constraint, worded by the
canteen's explainer, when both passed the service's own check)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.conftest import make_user
from tit_desktop.models import Meal, MealType, Role
from tit_desktop.services import canteen, persons
from tit_desktop.services.canteen import CheckInResult
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ConflictError, ServiceError

ROUNDS = 24


def test_two_desks_same_card_same_moment_one_meal(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup = Database(db_url)
    operator = make_user(setup, "mensa", Role.OPERATOR)
    codes: list[tuple[str, str]] = []
    with setup.transaction(operator) as session:
        for i in range(ROUNDS):
            data = persons.PersonInput(
                code=f"TIU-{i:05d}",
                last_name="Desk",
                first_name=f"Persona{i}",
                intake_date=dt.date(2020, 1, 1),
            )
            person_id = persons.create_person(session, operator, data).id
            card = canteen.issue_card(session, operator, person_id)
            codes.append((card.code, data.code))
    setup.dispose()

    # Half the rounds go by Codice, where the service looks up the person's card between
    # its check and its insert: a pause there makes both desks pass the check first.
    real_active_card = canteen.active_card

    def slow_active_card(session: Any, person_id: int) -> Any:
        time.sleep(0.05)
        return real_active_card(session, person_id)

    monkeypatch.setattr(canteen, "active_card", slow_active_card)

    desks = [Database(db_url), Database(db_url)]
    outcomes: list[list[object]] = [[None, None] for _ in range(ROUNDS)]
    barrier = threading.Barrier(2, timeout=60)

    def desk(index: int) -> None:
        db = desks[index]
        for round_ in range(ROUNDS):
            card_code, person_code = codes[round_]
            typed = card_code if round_ % 2 == 0 else person_code
            barrier.wait()
            try:
                with db.transaction(operator) as session:
                    outcomes[round_][index] = canteen.check_in(
                        session, operator, typed, meal=MealType.LUNCH
                    )
            except ServiceError as exc:
                outcomes[round_][index] = exc

    threads = [threading.Thread(target=desk, args=(i,)) for i in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    try:
        by_constraint = 0
        for round_, pair in enumerate(outcomes):
            done = [o for o in pair if isinstance(o, CheckInResult)]
            refused = [o for o in pair if isinstance(o, ServiceError)]
            assert len(done) == 1 and len(refused) == 1, (round_, pair)
            error = refused[0]
            assert isinstance(error, ConflictError), error
            assert canteen.refusal_reason(error) == "already_taken"
            assert f"Pranzo già registrato per Desk Persona{round_} il " in error.message
            by_constraint += not isinstance(error, canteen.AlreadyTaken)
        with desks[0].reading() as session:
            count = session.scalar(select(func.count()).select_from(Meal))
        assert count == ROUNDS
        if desks[0].is_sqlite:
            # IMMEDIATE transactions: the second desk waits, then its check sees the meal.
            assert by_constraint == 0
        else:
            # The rounds with the pause all reached the constraint on PostgreSQL.
            assert by_constraint >= ROUNDS // 2
    finally:
        for db in desks:
            db.dispose()
