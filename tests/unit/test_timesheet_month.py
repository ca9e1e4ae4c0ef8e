"""The monthly timesheet written as a grid (record_month: all or nothing, cells named in the
errors), the hours' parser, the calendar the grid marks, and reopening a closed month."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tit_desktop.models import (
    AuditEntry,
    CostCategory,
    Expenditure,
    Role,
    StaffMember,
    TimesheetEntry,
    TimesheetMonth,
)
from tit_desktop.services import holidays
from tit_desktop.services.convention import budget, payment_requests, staff
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ConflictError, PermissionDenied, ValidationError
from tit_desktop.services.permissions import Actor

from .convention_fixtures import D, Plan, make_convention

MARCH = dt.date(2021, 3, 1)


def _staff(db: Database, actor: Actor, last: str = "Rossi", first: str = "Giulia") -> int:
    with db.transaction(actor) as session:
        member = StaffMember(last_name=last, first_name=first)
        session.add(member)
        session.flush()
        return member.id


def _with_actions(db: Database, actor: Actor) -> Plan:
    """The fixture's plan, its staff line on the action "Accoglienza" and a second staff
    line on "Mensa"."""
    plan = make_convention(db, actor)
    with db.transaction(actor) as session:
        budget.create_line(
            session,
            actor,
            plan.convention_id,
            budget.LineInput(
                "Personale accoglienza", CostCategory.STAFF, D("1000.00"), "Accoglienza"
            ),
        )
        budget.create_line(
            session,
            actor,
            plan.convention_id,
            budget.LineInput("Personale mensa", CostCategory.STAFF, D("1000.00"), "Mensa"),
        )
    return plan


def _entries(db: Database, member: int) -> dict[tuple[dt.date, str], int]:
    with db.reading() as session:
        rows = session.execute(
            select(TimesheetEntry.work_date, TimesheetEntry.action, TimesheetEntry.minutes).where(
                TimesheetEntry.staff_member_id == member
            )
        )
        return {(r.work_date, r.action): r.minutes for r in rows}


# --- the parser and the calendar -----------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [
        ("7:30", 450),
        ("7,5", 450),
        ("7.5", 450),
        ("7", 420),
        (" 8 ", 480),
        ("0", 0),
        ("", 0),
        ("0:45", 45),
        ("7,25", 435),
        ("7,333", 440),
        ("24", 1440),
    ],
)
def test_hours_as_typed(typed: str, minutes: int) -> None:
    assert staff.parse_hours(typed) == minutes


@pytest.mark.parametrize(
    "typed", ["7:60", "7:", ":30", "abc", "-2", "7,5,1", "7 ore", "1e3", "7:300"]
)
def test_what_is_not_hours_is_refused_in_italian(typed: str) -> None:
    with pytest.raises(staff.HoursError) as refused:
        staff.parse_hours(typed)
    assert "non è un numero di ore" in str(refused.value)
    assert "7:30 oppure 7,5" in str(refused.value)


def test_easter_and_the_national_holidays() -> None:
    assert [holidays.easter_sunday(y) for y in (2021, 2023, 2024, 2025)] == [
        dt.date(2021, 4, 4),
        dt.date(2023, 4, 9),
        dt.date(2024, 3, 31),
        dt.date(2025, 4, 20),
    ]
    assert holidays.holiday_name(dt.date(2021, 4, 5)) == "Lunedì dell'Angelo"
    assert holidays.holiday_name(dt.date(2024, 4, 1)) == "Lunedì dell'Angelo"
    assert holidays.holiday_name(dt.date(2021, 6, 2)) == "Festa della Repubblica"
    assert holidays.holiday_name(dt.date(2021, 10, 4)) is None
    assert holidays.holiday_name(dt.date(2026, 10, 4)) == "San Francesco d'Assisi"
    assert len(holidays.holidays(2021)) == 12
    assert not holidays.is_working_day(dt.date(2021, 3, 6))  # Saturday
    assert holidays.is_working_day(dt.date(2021, 3, 8))
    assert holidays.weekday_abbreviation(dt.date(2021, 3, 1)) == "lun"


# --- record_month --------------------------------------------------------------------------


def test_a_month_is_written_in_one_go(db: Database, admin: Actor) -> None:
    plan = _with_actions(db, admin)
    member = _staff(db, admin)
    with db.transaction(admin) as session:
        written = staff.record_month(
            session,
            admin,
            member,
            plan.convention_id,
            MARCH,
            {
                (dt.date(2021, 3, 1), "Accoglienza"): "7:30",
                (dt.date(2021, 3, 2), "Accoglienza"): "7,5",
                (dt.date(2021, 3, 2), "Mensa"): 90,
                (dt.date(2021, 3, 3), "Mensa"): "",
            },
        )
    assert written == 3
    assert _entries(db, member) == {
        (dt.date(2021, 3, 1), "Accoglienza"): 450,
        (dt.date(2021, 3, 2), "Accoglienza"): 450,
        (dt.date(2021, 3, 2), "Mensa"): 90,
    }
    # Changed, emptied and unchanged cells: only the first two are written.
    with db.transaction(admin) as session:
        written = staff.record_month(
            session,
            admin,
            member,
            plan.convention_id,
            MARCH,
            {
                (dt.date(2021, 3, 1), "Accoglienza"): "8",
                (dt.date(2021, 3, 2), "Mensa"): "0",
                (dt.date(2021, 3, 2), "Accoglienza"): "7:30",
            },
        )
    assert written == 2
    assert _entries(db, member) == {
        (dt.date(2021, 3, 1), "Accoglienza"): 480,
        (dt.date(2021, 3, 2), "Accoglienza"): 450,
    }
    with db.reading() as session:
        sheet = staff.timesheet(session, admin, member, plan.convention_id, MARCH)
        audited = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "timesheet_entry")
        ).all()
    assert sheet.columns == ["Accoglienza", "Mensa"]
    assert len(sheet.days) == 31 and sheet.total_minutes == 930
    assert sorted(audited) == ["delete", "insert", "insert", "insert", "update"]


def test_one_bad_cell_writes_nothing_and_is_named(db: Database, admin: Actor) -> None:
    plan = _with_actions(db, admin)
    member = _staff(db, admin)
    with pytest.raises(staff.TimesheetCellsError) as refused, db.transaction(admin) as session:
        staff.record_month(
            session,
            admin,
            member,
            plan.convention_id,
            MARCH,
            {
                (dt.date(2021, 3, 1), "Accoglienza"): "7:30",
                (dt.date(2021, 3, 2), "Mensa"): "sette",
                (dt.date(2021, 3, 3), "Mensa"): "7:75",
            },
        )
    assert _entries(db, member) == {}
    assert set(refused.value.cells) == {
        (dt.date(2021, 3, 2), "Mensa"),
        (dt.date(2021, 3, 3), "Mensa"),
    }
    message = refused.value.fields["minutes"]
    assert "02/03/2021 (mar), «Mensa»: «sette» non è un numero di ore" in message
    assert "03/03/2021 (mer), «Mensa»: «7:75»" in message
    assert isinstance(refused.value, ValidationError)


def test_more_than_24_hours_a_day_is_refused(db: Database, admin: Actor) -> None:
    plan = _with_actions(db, admin)
    other = make_convention(db, admin, name="FAMI")
    member = _staff(db, admin)
    with pytest.raises(staff.TimesheetCellsError) as refused, db.transaction(admin) as session:
        staff.record_month(
            session, admin, member, plan.convention_id, MARCH, {(MARCH, "Accoglienza"): "25"}
        )
    assert refused.value.cells == {(MARCH, "Accoglienza"): "più di 24 ore in un giorno"}
    with pytest.raises(staff.TimesheetCellsError) as refused, db.transaction(admin) as session:
        staff.record_month(
            session,
            admin,
            member,
            plan.convention_id,
            MARCH,
            {(MARCH, "Accoglienza"): "14", (MARCH, "Mensa"): "10:30"},
        )
    assert refused.value.cells == {(MARCH, None): "24:30 ore in tutto: più di 24 ore in un giorno"}
    assert "01/03/2021 (lun): 24:30 ore in tutto" in refused.value.message
    # The hours of the day on another convention count too.
    with db.transaction(admin) as session:
        staff.record_month(
            session, admin, member, other.convention_id, MARCH, {(MARCH, "Attività generale"): "20"}
        )
    with pytest.raises(staff.TimesheetCellsError) as refused, db.transaction(admin) as session:
        staff.record_month(
            session, admin, member, plan.convention_id, MARCH, {(MARCH, "Mensa"): "5"}
        )
    assert refused.value.cells == {
        (MARCH, None): "25:00 ore in tutto, di cui 20:00 su altre convenzioni: "
        "più di 24 ore in un giorno"
    }
    assert _entries(db, member) == {(MARCH, "Attività generale"): 1200}


def test_cells_outside_the_month_the_plan_or_the_period(db: Database, admin: Actor) -> None:
    plan = _with_actions(db, admin)  # 01/12/2020 - 30/06/2023
    member = _staff(db, admin)
    with pytest.raises(staff.TimesheetCellsError) as refused, db.transaction(admin) as session:
        staff.record_month(
            session,
            admin,
            member,
            plan.convention_id,
            MARCH,
            {
                (dt.date(2021, 4, 1), "Mensa"): "1",
                (dt.date(2021, 3, 4), "Pulizie"): "1",
            },
        )
    assert refused.value.cells == {
        (dt.date(2021, 3, 4), "Pulizie"): "azione non prevista dalle voci della convenzione",
        (dt.date(2021, 4, 1), "Mensa"): "il giorno non è nel mese 03/2021",
    }
    november = dt.date(2020, 11, 1)
    with pytest.raises(staff.TimesheetCellsError) as refused, db.transaction(admin) as session:
        staff.record_month(
            session, admin, member, plan.convention_id, november, {(november, "Mensa"): "2"}
        )
    assert refused.value.cells == {
        (november, "Mensa"): "il giorno è fuori dal periodo della convenzione"
    }


def test_a_plan_without_actions_has_one_general_column(db: Database, admin: Actor) -> None:
    plan = make_convention(db, admin)
    member = _staff(db, admin)
    with db.transaction(admin) as session:
        staff.record_month(
            session, admin, member, plan.convention_id, MARCH, {(MARCH, "Attività generale"): "6"}
        )
        staff.record_hours(
            session, admin, member, plan.convention_id, dt.date(2021, 3, 2), "Mensa", 60
        )
    with db.reading() as session:
        sheet = staff.timesheet(session, admin, member, plan.convention_id, MARCH)
    # Hours typed earlier on an action of their own keep their column.
    assert sheet.columns == ["Attività generale", "Mensa"]


def test_a_closed_month_refuses_the_grid(db: Database, admin: Actor) -> None:
    plan = _with_actions(db, admin)
    member = _staff(db, admin)
    with db.transaction(admin) as session:
        staff.set_staff_cost(session, admin, member, 2021, D("32000.00"), 1548)
        staff.record_month(
            session, admin, member, plan.convention_id, MARCH, {(MARCH, "Accoglienza"): "7"}
        )
        staff.close_month(session, admin, member, plan.convention_id, MARCH)
    with pytest.raises(ConflictError) as refused, db.transaction(admin) as session:
        staff.record_month(
            session, admin, member, plan.convention_id, MARCH, {(MARCH, "Accoglienza"): "8"}
        )
    assert "03/2021 è chiuso" in refused.value.message
    assert "riaprire il mese" in refused.value.message
    assert _entries(db, member) == {(MARCH, "Accoglienza"): 420}


def test_only_the_money_roles_write_the_grid(db: Database, actors: dict[Role, Actor]) -> None:
    admin = actors[Role.ADMIN]
    plan = _with_actions(db, admin)
    member = _staff(db, admin)
    for role in (Role.OPERATOR, Role.READ_ONLY):
        with pytest.raises(PermissionDenied), db.transaction(actors[role]) as session:
            staff.record_month(
                session,
                actors[role],
                member,
                plan.convention_id,
                MARCH,
                {(MARCH, "Mensa"): "1"},
            )
    with db.transaction(actors[Role.COORDINATOR]) as session:
        staff.record_month(
            session,
            actors[Role.COORDINATOR],
            member,
            plan.convention_id,
            MARCH,
            {(MARCH, "Mensa"): "1"},
        )
    assert _entries(db, member) == {(MARCH, "Mensa"): 60}


# --- reopening a closed month --------------------------------------------------------------


def _closed_march(db: Database, admin: Actor) -> tuple[Plan, int, list[int]]:
    plan = _with_actions(db, admin)
    member = _staff(db, admin)
    with db.transaction(admin) as session:
        staff.set_staff_cost(session, admin, member, 2021, D("32000.00"), 1548)
        staff.record_month(
            session,
            admin,
            member,
            plan.convention_id,
            MARCH,
            {(MARCH, "Accoglienza"): "7:30", (dt.date(2021, 3, 2), "Mensa"): "2"},
        )
        posted = staff.close_month(session, admin, member, plan.convention_id, MARCH)
    return plan, member, posted


def test_reopening_removes_the_cost_and_frees_the_hours(db: Database, admin: Actor) -> None:
    plan, member, posted = _closed_march(db, admin)
    assert len(posted) == 2  # one expenditure per staff line
    with db.transaction(admin) as session:
        removed = staff.reopen_month(
            session, admin, member, plan.convention_id, dt.date(2021, 3, 20), "ore del 2 errate"
        )
    assert sorted(removed) == sorted(posted)
    with db.reading() as session:
        assert session.scalars(select(Expenditure.id)).all() == []
        assert session.scalars(select(TimesheetMonth.id)).all() == []
        sheet = staff.timesheet(session, admin, member, plan.convention_id, MARCH)
        reason = session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "timesheet_month", AuditEntry.detail.is_not(None)
            )
        ).one()
        deleted = session.scalars(
            select(AuditEntry.entity_id).where(
                AuditEntry.entity == "expenditure", AuditEntry.action == "delete"
            )
        ).all()
    assert not sheet.closed and sheet.total_minutes == 570
    assert reason.detail == "timesheet di Rossi Giulia, 03/2021, riaperto: ore del 2 errate"
    assert reason.changes is not None and reason.changes["reopen_reason"] == "ore del 2 errate"
    assert sorted(int(i) for i in deleted if i is not None) == sorted(posted)
    # The hours change again, and closing again posts the new cost.
    with db.transaction(admin) as session:
        staff.record_month(
            session, admin, member, plan.convention_id, MARCH, {(dt.date(2021, 3, 2), "Mensa"): ""}
        )
        again = staff.close_month(session, admin, member, plan.convention_id, MARCH)
    with db.reading() as session:
        amounts = session.scalars(select(Expenditure.amount).where(Expenditure.id.in_(again)))
        assert list(amounts) == [staff.cost_of(450, D("20.67"))]


def test_reopening_needs_a_reason_and_a_closed_month(db: Database, admin: Actor) -> None:
    plan, member, _posted = _closed_march(db, admin)
    with pytest.raises(ValidationError) as refused, db.transaction(admin) as session:
        staff.reopen_month(session, admin, member, plan.convention_id, MARCH, "  ")
    assert "reopen_reason" in refused.value.fields
    with pytest.raises(ConflictError) as conflict, db.transaction(admin) as session:
        staff.reopen_month(
            session, admin, member, plan.convention_id, dt.date(2021, 4, 1), "per prova"
        )
    assert "04/2021 non è chiuso" in conflict.value.message


def test_reopening_is_refused_when_a_request_includes_the_cost(
    db: Database, actors: dict[Role, Actor]
) -> None:
    admin = actors[Role.ADMIN]
    plan, member, posted = _closed_march(db, admin)
    with db.transaction(admin) as session:
        request = payment_requests.submit(
            session,
            admin,
            plan.convention_id,
            dt.date(2021, 3, 1),
            dt.date(2021, 3, 31),
            dt.date(2021, 4, 12),
        )
    with pytest.raises(ConflictError) as refused, db.transaction(admin) as session:
        staff.reopen_month(session, admin, member, plan.convention_id, MARCH, "ore errate")
    assert refused.value.message.startswith(
        f"Il timesheet di 03/2021 non si può riaprire: il suo costo (spesa TS-{member}-202103-1)"
        " è incluso nella domanda di rimborso n. 1 presentata il 12/04/2021."
    )
    with db.reading() as session:
        assert len(session.scalars(select(Expenditure.id)).all()) == len(posted)
        assert session.scalars(select(TimesheetMonth.id)).all() != []
    # Unlocked by the administrator: the month reopens.
    with db.transaction(admin) as session:
        payment_requests.unlock(session, admin, request, "correzione ore")
        staff.reopen_month(session, admin, member, plan.convention_id, MARCH, "ore errate")
    with db.reading() as session:
        assert session.scalars(select(Expenditure.id)).all() == []


def test_who_may_reopen(db: Database, actors: dict[Role, Actor]) -> None:
    admin = actors[Role.ADMIN]
    plan, member, _posted = _closed_march(db, admin)
    for role in (Role.OPERATOR, Role.READ_ONLY):
        with pytest.raises(PermissionDenied), db.transaction(actors[role]) as session:
            staff.reopen_month(session, actors[role], member, plan.convention_id, MARCH, "x")
    coordinator = actors[Role.COORDINATOR]
    with db.transaction(coordinator) as session:
        staff.reopen_month(session, coordinator, member, plan.convention_id, MARCH, "errore")
    with db.reading() as session:
        assert session.scalars(select(TimesheetMonth.id)).all() == []


def test_staff_cost_read_back_and_months_of_the_period(db: Database, admin: Actor) -> None:
    plan = make_convention(db, admin)  # 01/12/2020 - 30/06/2023
    member = _staff(db, admin)
    with db.transaction(admin) as session:
        staff.set_staff_cost(session, admin, member, 2021, D("32000.00"), 1548)
    with db.reading() as session:
        cost = staff.staff_cost(session, admin, member, 2021)
        assert staff.staff_cost(session, admin, member, 2022) is None
        months = staff.convention_months(session, admin, plan.convention_id)
    assert cost is not None and cost.hourly == D("20.67")
    assert months[0] == dt.date(2020, 12, 1) and months[-1] == dt.date(2023, 6, 1)
    assert len(months) == 31
