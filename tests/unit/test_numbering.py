"""The office's number series with several PCs issuing at once: canteen card numbers, each
convention's payment request numbers and the outgoing register (protocollo) of the quarterly
monitoring sheets. For each: distinct, consecutive numbers without a gap when PCs issue at
the same moment (own connections, on both engines), a rolled-back transaction gives its
number back, and a database numbered before the series goes on from where it was."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from pypdf import PdfReader
from sqlalchemy import delete, insert, select

from tit_desktop.models import AuditEntry, CanteenCardCounter, NumberSeries
from tit_desktop.services import canteen, numbering, persons
from tit_desktop.services.convention import deadlines, expenditures, payment_requests, quarterly
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import SYSTEM, Actor

from .convention_fixtures import D, make_convention, spend

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
    """The database as an earlier version left it: no series for the numbers given before
    the series existed (the outgoing register came with the series: it stays)."""
    with db.transaction(SYSTEM) as session:
        session.execute(
            delete(NumberSeries).where(NumberSeries.series != numbering.PROTOCOL_SERIES)
        )


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


# --- payment requests ----------------------------------------------------------------------

MONTHS = 4


def _convention_with_monthly_spending(db: Database, actor: Actor, name: str) -> int:
    plan = make_convention(db, actor, name=name)
    with db.transaction(actor) as session:
        for month in range(1, MONTHS + 1):
            expenditures.create_expenditure(
                session,
                actor,
                plan.convention_id,
                spend(plan.goods, "100.00", number=f"{name}-{month}", day=dt.date(2021, month, 5)),
            )
    return plan.convention_id


def _month(month: int) -> tuple[dt.date, dt.date]:
    following = dt.date(2021, month + 1, 1)
    return dt.date(2021, month, 1), following - dt.timedelta(days=1)


def _submit(db: Database, actor: Actor, convention_id: int, month: int) -> int:
    with db.transaction(actor) as session:
        request_id = payment_requests.submit(session, actor, convention_id, *_month(month))
    with db.reading() as session:
        return payment_requests.request_figures(session, actor, request_id).number or 0


def _numbers(db: Database, actor: Actor, convention_id: int) -> list[tuple[int, bool]]:
    with db.reading() as session:
        return [
            (r.number, r.unlocked)
            for r in payment_requests.requests_of(session, actor, convention_id)
        ]


def test_pcs_submitting_at_once_number_each_convention_from_one(
    db: Database, db_url: str, admin: Actor
) -> None:
    # GIVEN two conventions, and one PC per convention and month submitting that month's
    # request at the same moment (before the series two of them took the same number and
    # one failed on the unique constraint)
    conventions = [_convention_with_monthly_spending(db, admin, n) for n in ("TIU", "FAMI")]
    jobs = [
        (lambda pc, c=c, m=m: (c, _submit(pc, admin, c, m)))
        for c in conventions
        for m in range(1, MONTHS + 1)
    ]
    results = at_once(db_url, jobs)
    # THEN each convention's requests are 1..4, whichever PC got there first
    for convention_id in conventions:
        assert sorted(n for c, n in results if c == convention_id) == list(range(1, MONTHS + 1))
        assert _numbers(db, admin, convention_id) == [(n, False) for n in range(1, MONTHS + 1)]


def test_a_failed_submission_gives_its_number_back(db: Database, admin: Actor) -> None:
    convention_id = _convention_with_monthly_spending(db, admin, "TIU")
    assert _submit(db, admin, convention_id, 1) == 1
    with pytest.raises(Boom), db.transaction(admin) as session:
        payment_requests.submit(session, admin, convention_id, *_month(2))
        raise Boom
    assert _submit(db, admin, convention_id, 2) == 2
    assert _numbers(db, admin, convention_id) == [(1, False), (2, False)]


def test_requests_numbered_before_the_series_go_on(db: Database, admin: Actor) -> None:
    convention_id = _convention_with_monthly_spending(db, admin, "TIU")
    other = _convention_with_monthly_spending(db, admin, "FAMI")
    assert [_submit(db, admin, convention_id, m) for m in (1, 2)] == [1, 2]
    forget_series(db)  # as numbered by max(number) + 1
    assert _submit(db, admin, convention_id, 3) == 3
    assert _submit(db, admin, other, 1) == 1  # another convention counts its own


def test_an_unlocked_request_keeps_its_number_and_the_resubmission_takes_the_next(
    db: Database, admin: Actor
) -> None:
    # GIVEN requests 1 and 2; request 1 unlocked by the administrator
    convention_id = _convention_with_monthly_spending(db, admin, "TIU")
    assert [_submit(db, admin, convention_id, m) for m in (1, 2)] == [1, 2]
    with db.reading() as session:
        first = payment_requests.requests_of(session, admin, convention_id)[0]
    with db.transaction(admin) as session:
        payment_requests.unlock(session, admin, first.id, "fattura imputata alla voce errata")
    # WHEN its month is submitted again
    assert _submit(db, admin, convention_id, 1) == 3
    # THEN number 1 stays on record, unlocked, and is never given to other contents
    assert _numbers(db, admin, convention_id) == [(1, True), (2, False), (3, False)]
    with db.reading() as session:
        third = payment_requests.requests_of(session, admin, convention_id)[2]
        figures = payment_requests.request_figures(session, admin, third.id)
    # ... and counts request 2 as previous, not the unlocked one (its spending moved to 3)
    assert (len(figures.annex), figures.total, figures.previous) == (1, D("100.00"), D("100.00"))


# --- the outgoing register (protocollo) ----------------------------------------------------


def _quarterly_deadlines(db: Database, actor: Actor) -> tuple[int, list[deadlines.DeadlineRow]]:
    plan = make_convention(db, actor)  # 01/12/2020 - 30/06/2023: 11 quarters
    with db.transaction(actor) as session:
        deadlines.add_quarterly_monitoring(session, actor, plan.convention_id)
    with db.reading() as session:
        return plan.convention_id, deadlines.deadlines(session, actor, plan.convention_id)


def _mark_sent(db: Database, actor: Actor, row: deadlines.DeadlineRow, text: str = "PEC") -> str:
    with db.transaction(actor) as session:
        deadlines.mark_done(session, actor, row.id, row.version, row.due_on, text)
    return _document(db, actor, row.id)


def _document(db: Database, actor: Actor, deadline_id: int) -> str:
    with db.reading() as session:
        rows = deadlines.deadlines(session, actor)
    return next(r.done_document or "" for r in rows if r.id == deadline_id)


def test_sheets_sent_at_once_get_consecutive_protocols_per_year(
    db: Database, db_url: str, admin: Actor
) -> None:
    # GIVEN the 11 quarterly sheets of a convention, each marked sent (on its due date)
    # by its own PC at the same moment
    _, rows = _quarterly_deadlines(db, admin)
    assert len(rows) == 11
    results = at_once(
        db_url, [(lambda pc, row=row: (row, _mark_sent(pc, admin, row))) for row in rows]
    )
    # THEN each year's register runs 1..n without a gap, and each sheet names its own
    by_year: dict[int, list[int]] = {}
    for row, document in results:
        protocol = numbering.protocol_in(document)
        assert protocol is not None and protocol.day == row.due_on
        assert document.startswith("PEC; prot. n. ")
        by_year.setdefault(protocol.year, []).append(protocol.number)
    assert {year: sorted(n) for year, n in by_year.items()} == {
        2021: [1, 2, 3, 4],
        2022: [1, 2, 3, 4],
        2023: [1, 2, 3],
    }


def test_a_sheet_not_marked_sent_gives_its_protocol_back(db: Database, admin: Actor) -> None:
    _, rows = _quarterly_deadlines(db, admin)
    with pytest.raises(Boom), db.transaction(admin) as session:
        deadlines.mark_done(session, admin, rows[0].id, rows[0].version, rows[0].due_on, "PEC")
        raise Boom
    assert _mark_sent(db, admin, rows[1]).endswith("prot. n. 1/2021 del 30/04/2021")
    assert _mark_sent(db, admin, rows[0]).endswith("prot. n. 2/2021 del 30/01/2021")


def test_the_protocol_is_kept_on_a_correction_and_cancelled_on_reopening(
    db: Database, admin: Actor
) -> None:
    _, rows = _quarterly_deadlines(db, admin)
    first = rows[0]
    assert _mark_sent(db, admin, first) == "PEC; prot. n. 1/2021 del 30/01/2021"
    # A correction of the text (even one copying a stamp by hand) keeps the number.
    with db.transaction(admin) as session:
        deadlines.mark_done(
            session, admin, first.id, first.version + 1, first.due_on,
            "PEC n. 44; prot. n. 99/2021 del 01/01/2021",
        )  # fmt: skip
    assert _document(db, admin, first.id) == "PEC n. 44; prot. n. 1/2021 del 30/01/2021"
    # Reopened: the number is not reused; the activity log records it given and cancelled.
    with db.transaction(admin) as session:
        deadlines.reopen(session, admin, first.id, first.version + 2)
    assert _mark_sent(db, admin, rows[1]).endswith("prot. n. 2/2021 del 30/04/2021")
    with db.reading() as session:
        details = session.scalars(
            select(AuditEntry.detail)
            .where(AuditEntry.entity == "deadline", AuditEntry.detail.is_not(None))
            .order_by(AuditEntry.id)
        ).all()
    assert details == [
        "Protocollo n. 1/2021 del 30/01/2021: Monitoraggio trimestrale 2020-Q4 della "
        "convenzione TIU inviato",
        "Protocollo n. 1/2021 annullato: Monitoraggio trimestrale 2020-Q4 riaperta",
        "Protocollo n. 2/2021 del 30/04/2021: Monitoraggio trimestrale 2021-Q1 della "
        "convenzione TIU inviato",
    ]


def test_other_deadlines_take_no_protocol(db: Database, admin: Actor) -> None:
    convention_id, _ = _quarterly_deadlines(db, admin)
    with db.transaction(admin) as session:
        other = deadlines.add_deadline(
            session, admin, convention_id, "Relazione intermedia", dt.date(2022, 6, 30)
        )
        deadlines.mark_done(
            session, admin, other, 1, dt.date(2022, 6, 1), "Inviata; prot. n. 7/2022 del 01/06/2022"
        )
    # The text typed is the Comune's own protocol: kept as typed, no number issued.
    assert _document(db, admin, other) == "Inviata; prot. n. 7/2022 del 01/06/2022"
    with db.reading() as session:
        assert numbering.last_issued(session, numbering.PROTOCOL_SERIES, 2022) is None


def test_the_sheet_prints_its_protocol_once_sent(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    convention_id, rows = _quarterly_deadlines(db, admin)
    q1 = next(r for r in rows if r.title.endswith("2021-Q1"))

    def printed() -> tuple[str, object]:
        out = tmp_path / "scheda.pdf"
        with db.transaction(admin) as session:
            sheet = quarterly.quarterly_sheet(session, admin, convention_id, 2021, 1)
            quarterly.write_pdf(session, admin, sheet, out)
        return PdfReader(out).pages[0].extract_text(), sheet.to_json()["protocol"]

    text, protocol = printed()
    assert "Protocollo" not in text and protocol is None  # a draft: not sent yet
    _mark_sent(db, admin, next(r for r in rows if r.title.endswith("2020-Q4")))
    _mark_sent(db, admin, q1, "Scheda inviata via PEC")
    text, protocol = printed()
    assert "Protocollo n. 2/2021 del 30/04/2021" in text and protocol == "2/2021"
