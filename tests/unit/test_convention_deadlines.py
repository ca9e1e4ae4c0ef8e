"""Deadlines: the quarterly monitoring recurs over the convention's period, reminders show
on Home N days ahead for the roles that read money, done with the document produced."""

from __future__ import annotations

import datetime as dt

import pytest

from tit_desktop.models import Role
from tit_desktop.services import reminders
from tit_desktop.services.convention import conventions, deadlines
from tit_desktop.services.database import Database
from tit_desktop.services.errors import PermissionDenied, ValidationError
from tit_desktop.services.permissions import Actor

from .convention_fixtures import make_convention


def test_quarterly_monitoring_covers_the_period_with_its_extension(
    db: Database, admin: Actor
) -> None:
    plan = make_convention(db, admin)  # 01/12/2020 - 30/06/2023
    with db.transaction(admin) as session:
        conventions.add_extension(
            session, admin, plan.convention_id, dt.date(2023, 12, 3), "proroga"
        )
        added = deadlines.add_quarterly_monitoring(session, admin, plan.convention_id)
        again = deadlines.add_quarterly_monitoring(session, admin, plan.convention_id)
    with db.reading() as session:
        rows = deadlines.deadlines(session, admin, plan.convention_id)
    # 2020-Q4 .. 2023-Q4: 13 quarters, each due 30 days after it ends; a second run adds none.
    assert (added, again) == (13, 0)
    assert rows[0].title == "Monitoraggio trimestrale 2020-Q4" and rows[0].due_on == dt.date(
        2021, 1, 30
    )
    assert rows[-1].title == "Monitoraggio trimestrale 2023-Q4" and rows[-1].due_on == dt.date(
        2024, 1, 30
    )


def test_reminders_ahead_overdue_and_done(db: Database, actors: dict[Role, Actor]) -> None:
    admin = actors[Role.ADMIN]
    plan = make_convention(db, admin)
    today = dt.date(2022, 5, 1)
    with db.transaction(admin) as session:
        deadlines.add_deadline(
            session, admin, plan.convention_id, "Relazione intermedia", dt.date(2022, 5, 10), 15
        )
        deadlines.add_deadline(
            session, admin, plan.convention_id, "Rendiconto", dt.date(2022, 6, 30), 15
        )
        late = deadlines.add_deadline(
            session, admin, plan.convention_id, "Scheda Q1", dt.date(2022, 4, 30), 10
        )
    with db.reading() as session:
        shown = [
            r.text for r in reminders.reminders_for(session, admin, today) if r.area == "convention"
        ]
        hidden = [
            r
            for r in reminders.reminders_for(session, actors[Role.OPERATOR], today)
            if r.area == "convention"
        ]
    assert shown == [
        "TIU: Scheda Q1 scaduta il 30/04/2022",
        "TIU: Relazione intermedia in scadenza il 10/05/2022",
    ]
    assert hidden == []
    with pytest.raises(ValidationError) as refused, db.transaction(admin) as session:
        deadlines.mark_done(session, admin, late, 1, today, " ")
    assert "obbligatorio" in refused.value.fields["done_document"]
    with db.transaction(admin) as session:
        deadlines.mark_done(session, admin, late, 1, today, "Scheda inviata con PEC n. 123")
    with db.reading() as session:
        shown = [
            r.text for r in reminders.reminders_for(session, admin, today) if r.area == "convention"
        ]
        rows = deadlines.deadlines(session, admin, plan.convention_id)
        done = next(r for r in rows if r.id == late)
    assert shown == ["TIU: Relazione intermedia in scadenza il 10/05/2022"]
    assert (
        done.state(today) == "fatta il 01/05/2022"
        and done.done_document == "Scheda inviata con PEC n. 123"
    )


def test_operators_cannot_add_deadlines(db: Database, actors: dict[Role, Actor]) -> None:
    plan = make_convention(db, actors[Role.ADMIN])
    with pytest.raises(PermissionDenied), db.transaction(actors[Role.OPERATOR]) as session:
        deadlines.add_deadline(
            session, actors[Role.OPERATOR], plan.convention_id, "x", dt.date(2022, 1, 1)
        )
