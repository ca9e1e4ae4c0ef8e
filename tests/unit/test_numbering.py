"""The office's number series with several PCs issuing at once: canteen card numbers, each
convention's payment request numbers and the outgoing register (protocollo) of the quarterly
monitoring sheets. For each: distinct, consecutive numbers without a gap when PCs issue at
the same moment (own connections, on both engines), a rolled-back transaction gives its
number back, and a database numbered before the series goes on from where it was."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import TypeVar

import pytest
from sqlalchemy import delete, insert

from tit_desktop.models import CanteenCardCounter, NumberSeries
from tit_desktop.services import canteen, numbering, persons
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import SYSTEM, Actor

T = TypeVar("T")


class Boom(Exception):
    """Raised inside a transaction to roll it back."""


def at_once(db_url: str, jobs: list[Callable[[Database], T]]) -> list[T]:
    """Run each job on its own PC (its own Database, so its own connections), all starting
    at the same moment; the results in the jobs' order."""
    databases = [Database(db_url) for _ in jobs]
    barrier = threading.Barrier(len(jobs))
    results: list[T | None] = [None] * len(jobs)
    failures: list[BaseException] = []

    def pc(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = jobs[index](databases[index])
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=pc, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for db in databases:
        db.dispose()
    assert failures == []
    assert all(result is not None for result in results)
    return [result for result in results if result is not None]


def forget_series(db: Database) -> None:
    """The database as an earlier version left it: no number series yet."""
    with db.transaction(SYSTEM) as session:
        session.execute(delete(NumberSeries))


# --- canteen cards -------------------------------------------------------------------------


def _persons(db: Database, actor: Actor, count: int) -> list[int]:
    ids = []
    with db.transaction(actor) as session:
        for i in range(count):
            data = persons.PersonInput(
                last_name="Tessera", first_name=f"Persona{i}", intake_date=dt.date(2024, 1, 2)
            )
            ids.append(persons.create_person(session, actor, data).id)
    return ids


def _issue(db: Database, actor: Actor, person_id: int) -> int:
    with db.transaction(actor) as session:
        return canteen.issue_card(session, actor, person_id).number


def test_desks_issuing_cards_at_once_get_consecutive_numbers(
    db: Database, db_url: str, admin: Actor
) -> None:
    # GIVEN eight desks starting at the same moment, each issuing three cards
    people = _persons(db, admin, 24)

    def desk(mine: list[int]) -> Callable[[Database], list[int]]:
        return lambda pc: [_issue(pc, admin, person_id) for person_id in mine]

    numbers = at_once(db_url, [desk(people[i::8]) for i in range(8)])
    # THEN every card has its own number, 1..24 without a gap
    assert sorted(n for desk_numbers in numbers for n in desk_numbers) == list(range(1, 25))


def test_a_card_not_saved_gives_its_number_back(db: Database, admin: Actor) -> None:
    a, b = _persons(db, admin, 2)
    assert _issue(db, admin, a) == 1
    with pytest.raises(Boom), db.transaction(admin) as session:
        assert canteen.issue_card(session, admin, b).number == 2
        raise Boom
    assert _issue(db, admin, b) == 2


@pytest.mark.parametrize(
    ("old_counter", "expected"),
    [(None, 4), (2, 4), (10, 11)],
    ids=["no-counter", "counter-behind", "counter-ahead"],
)
def test_cards_numbered_before_the_series_go_on_without_reuse(
    db: Database, admin: Actor, old_counter: int | None, expected: int
) -> None:
    # GIVEN three cards numbered the old way: the old counter (which may be ahead of the
    # highest card, e.g. after a card was issued and removed) and no series row
    people = _persons(db, admin, 4)
    for person_id in people[:3]:
        _issue(db, admin, person_id)
    forget_series(db)
    with db.transaction(admin) as session:
        if old_counter is not None:
            session.execute(insert(CanteenCardCounter).values(id=1, last_number=old_counter))
    # THEN the next card follows the higher of the two, and the series goes on from it
    assert _issue(db, admin, people[3]) == expected
    with db.reading() as session:
        assert numbering.last_issued(session, canteen.CARD_SERIES) == expected
