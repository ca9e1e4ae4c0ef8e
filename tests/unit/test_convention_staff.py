"""Staff costs and timesheets: hourly cost, monthly hours, the printable timesheet read back,
closing a month posts the cost as an expenditure and freezes the hours."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tit_desktop.models import Expenditure, StaffMember
from tit_desktop.services import forms
from tit_desktop.services.convention import staff
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ConflictError, NotFound, ValidationError
from tit_desktop.services.permissions import Actor

from .convention_fixtures import D, make_convention


def _staff(db: Database, actor: Actor) -> int:
    with db.transaction(actor) as session:
        member = StaffMember(last_name="Rossi", first_name="Giulia")
        session.add(member)
        session.flush()
        return member.id


def test_hourly_cost_and_cost_round_half_up() -> None:
    assert staff.hourly_cost(D("32000.00"), 1548) == D("20.67")
    assert staff.cost_of(90, D("20.67")) == D("31.01")  # 31.005 -> 31.01
    assert staff.cost_of(0, D("20.67")) == D("0.00")


def test_closing_a_month_posts_the_cost_and_freezes_the_hours(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    plan = make_convention(db, admin)
    member = _staff(db, admin)
    with db.transaction(admin) as session:
        staff.set_staff_cost(session, admin, member, 2021, D("32000.00"), 1548)
        staff.record_hours(
            session, admin, member, plan.convention_id, dt.date(2021, 3, 1), "Accoglienza", 450
        )
        staff.record_hours(
            session, admin, member, plan.convention_id, dt.date(2021, 3, 2), "Accoglienza", 480
        )
        staff.record_hours(
            session, admin, member, plan.convention_id, dt.date(2021, 3, 2), "Mensa", 90
        )
    out = tmp_path / "ts.pdf"
    with db.transaction(admin) as session:
        forms.print_document(
            session,
            admin,
            "timesheet",
            {"staff": "rossi giulia", "month": "03/2021", "convention": "TIU"},
            out,
        )
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Giulia Rossi" in text and "03/2021" in text
    assert "7:30" in text and "9:30" in text and "17:00" in text  # day 2 = 8:00 + 1:30; total
    with db.transaction(admin) as session:
        posted = staff.close_month(session, admin, member, plan.convention_id, dt.date(2021, 3, 15))
    with db.reading() as session:
        spent = session.scalars(select(Expenditure).where(Expenditure.id.in_(posted))).all()
    # 17 hours at 20,67 EUR = 351,39 EUR, dated the month's last day, on the staff line.
    assert [(e.amount, e.document_date, e.budget_line_id) for e in spent] == [
        (D("351.39"), dt.date(2021, 3, 31), plan.staff)
    ]
    with pytest.raises(ConflictError), db.transaction(admin) as session:
        staff.record_hours(
            session, admin, member, plan.convention_id, dt.date(2021, 3, 3), "Mensa", 60
        )
    with pytest.raises(ConflictError), db.transaction(admin) as session:
        staff.close_month(session, admin, member, plan.convention_id, dt.date(2021, 3, 1))


def test_refusals(db: Database, admin: Actor) -> None:
    plan = make_convention(db, admin)
    member = _staff(db, admin)
    with pytest.raises(ValidationError) as refused, db.transaction(admin) as session:
        staff.record_hours(
            session, admin, member, plan.convention_id, dt.date(2021, 3, 1), "A", 1500
        )
    assert "24 ore" in refused.value.fields["minutes"]
    with db.transaction(admin) as session:
        staff.record_hours(session, admin, member, plan.convention_id, dt.date(2021, 3, 1), "A", 60)
    with pytest.raises(ValidationError) as refused, db.transaction(admin) as session:
        staff.close_month(session, admin, member, plan.convention_id, dt.date(2021, 3, 1))
    assert "manca il costo annuo 2021" in refused.value.fields["annual_gross"]
    with pytest.raises(NotFound), db.reading() as session:
        staff.staff_by_name(session, "Nessuno Qui")
