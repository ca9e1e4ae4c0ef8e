"""A deadline added with the quarterly recurrence repeats every three months up to three
months after the convention's end; a single one is just that."""

from __future__ import annotations

import datetime as dt

import pytest

from tit_desktop.models import Recurrence
from tit_desktop.services.convention import deadlines
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ValidationError
from tit_desktop.services.permissions import Actor

from .convention_fixtures import make_convention


def test_add_months_keeps_the_day_or_takes_the_last() -> None:
    assert deadlines.add_months(dt.date(2021, 1, 31), 1) == dt.date(2021, 2, 28)
    assert deadlines.add_months(dt.date(2021, 11, 30), 3) == dt.date(2022, 2, 28)
    assert deadlines.add_months(dt.date(2020, 11, 30), 3) == dt.date(2021, 2, 28)
    assert deadlines.add_months(dt.date(2021, 10, 15), 3) == dt.date(2022, 1, 15)


def test_a_quarterly_deadline_repeats_to_the_end(db: Database, admin: Actor) -> None:
    plan = make_convention(db, admin)  # ends 30/06/2023
    with db.transaction(admin) as session:
        single = deadlines.add_deadlines(
            session, admin, plan.convention_id, "Relazione finale", dt.date(2023, 9, 30), 30
        )
        series = deadlines.add_deadlines(
            session,
            admin,
            plan.convention_id,
            "Relazione trimestrale",
            dt.date(2021, 1, 31),
            10,
            Recurrence.QUARTERLY,
        )
    with db.reading() as session:
        rows = {r.id: r for r in deadlines.deadlines(session, admin, plan.convention_id)}
    assert len(single) == 1 and rows[single[0]].remind_days == 30
    dues = [rows[i].due_on for i in series]
    # Every three months from 31/01/2021 (the month's last day when shorter) until three
    # months after the end (30/09/2023).
    assert dues[:3] == [dt.date(2021, 1, 31), dt.date(2021, 4, 30), dt.date(2021, 7, 31)]
    assert dues[-1] == dt.date(2023, 7, 31) and len(dues) == 11
    assert {rows[i].recurrence for i in series} == {Recurrence.QUARTERLY}
    assert {rows[i].remind_days for i in series} == {10}


def test_a_series_is_all_or_nothing(db: Database, admin: Actor) -> None:
    plan = make_convention(db, admin)
    with db.transaction(admin) as session:
        deadlines.add_deadline(session, admin, plan.convention_id, "Scheda", dt.date(2022, 4, 30))
    with pytest.raises(ValidationError) as refused, db.transaction(admin) as session:
        deadlines.add_deadlines(
            session,
            admin,
            plan.convention_id,
            "Scheda",
            dt.date(2022, 1, 30),
            recurrence=Recurrence.QUARTERLY,
        )
    assert "con scadenza 30/04/2022 esiste già" in refused.value.fields["title"]
    with db.reading() as session:
        assert len(deadlines.deadlines(session, admin, plan.convention_id)) == 1
