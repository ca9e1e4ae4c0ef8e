"""The quarterly monitoring sheet and the shared person figures (services.figures)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tit_desktop.models import Person
from tit_desktop.services import figures, persons
from tit_desktop.services.convention import expenditures, quarterly
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ValidationError
from tit_desktop.services.permissions import Actor

from .convention_fixtures import D, make_convention, spend


@pytest.fixture
def intake_as_service(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A stand-in area: the persons whose intake falls in the period are 'served'."""
    monkeypatch.setattr(figures, "_SOURCES", {})

    def served(first: dt.date, last: dt.date):  # type: ignore[no-untyped-def]
        return select(Person.id).where(Person.intake_date >= first, Person.intake_date <= last)

    figures.register_served_source("test_intake", served)
    yield


def _person(
    db: Database, actor: Actor, code: str, sex: str, birth: dt.date | None, intake: dt.date
) -> None:
    with db.transaction(actor) as session:
        persons.create_person(
            session,
            actor,
            persons.PersonInput(
                code=code,
                last_name="Prova",
                first_name=code,
                sex=sex,
                birth_date=birth,
                intake_date=intake,
            ),
        )


def test_person_figures_by_gender_and_age_band(
    db: Database, admin: Actor, intake_as_service: None
) -> None:
    _person(db, admin, "A", "F", dt.date(2005, 3, 1), dt.date(2022, 2, 1))  # 16 -> <18
    _person(db, admin, "B", "M", dt.date(1990, 1, 1), dt.date(2022, 1, 15))  # 32
    _person(db, admin, "C", "M", None, dt.date(2022, 3, 31))  # ND
    _person(db, admin, "D", "F", dt.date(1960, 1, 1), dt.date(2022, 4, 1))  # next quarter
    with db.reading() as session:
        found = figures.person_figures(session, dt.date(2022, 1, 1), dt.date(2022, 3, 31))
    assert found.persons_served == 3 and found.new_entries == 3
    assert found.persons_by_gender == {"F": 1, "M": 2}
    assert found.persons_by_age_band == {"<18": 1, "18-24": 0, "25-54": 1, "55+": 0, "ND": 1}


def test_quarterly_sheet_sections_and_pdf(db: Database, admin: Actor, tmp_path: Path) -> None:
    plan = make_convention(db, admin)
    with db.transaction(admin) as session:
        expenditures.create_expenditure(
            session,
            admin,
            plan.convention_id,
            spend(plan.goods, "100.00", day=dt.date(2021, 12, 30)),
        )
        expenditures.create_expenditure(
            session,
            admin,
            plan.convention_id,
            spend(plan.goods, "250.50", number="F-2", day=dt.date(2022, 2, 1)),
        )
    with db.transaction(admin) as session:
        sheet = quarterly.quarterly_sheet(session, admin, plan.convention_id, 2022, 1)
        out = tmp_path / "q.pdf"
        quarterly.write_pdf(session, admin, sheet, out)
    assert (sheet.quarter_total, sheet.cumulative_total) == (D("250.50"), D("350.50"))
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    for heading in ("1. Anagrafica", "2. Procedurale", "3. Fisica", "4. Finanziaria"):
        assert heading in text
    assert "D31H20000120001" in text and "250,50 €" in text and "350,50 €" in text
    with pytest.raises(ValidationError), db.reading() as session:
        quarterly.quarterly_sheet(session, admin, plan.convention_id, 2019, 1)
    with pytest.raises(ValidationError):
        quarterly.parse_quarter("2022-5")
