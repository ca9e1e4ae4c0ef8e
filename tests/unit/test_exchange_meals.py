"""The Pasti sheet: import (the whole file checked first, a repeated meal reported on the
later row naming the earlier, bulk write with one audit row), export, round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from tests.unit.test_exchange_roundtrip import _wipe
from tests.unit.test_exchange_support import import_file, person_row, table, write_xlsx
from tit_desktop.models import AuditEntry, Meal, MealType
from tit_desktop.services import clock, exchange, persons
from tit_desktop.services.database import Database
from tit_desktop.services.exchange.reader import DEFAULT_LIMITS
from tit_desktop.services.permissions import Actor

TODAY = dt.date(2026, 11, 28)
MEALS_HEADER = ["Codice", "Data", "Pasto"]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _meals(db: Database) -> list[tuple[str, dt.date, MealType, bool]]:
    with db.reading() as session:
        rows = session.execute(
            select(persons.Person.code, Meal.meal_date, Meal.meal_type, Meal.backdated)
            .join(persons.Person, persons.Person.id == Meal.person_id)
            .order_by(persons.Person.code, Meal.meal_date, Meal.meal_type)
        ).all()
    order = {MealType.BREAKFAST: 0, MealType.LUNCH: 1, MealType.DINNER: 2}
    return sorted((tuple(r) for r in rows), key=lambda r: (r[0], r[1], order[r[2]]))  # type: ignore[misc]


def _workbook(path: Path, meals: list[list[object]], people: bool = True) -> Path:
    sheets: dict[str, list[list[object]]] = {}
    if people:
        sheets["Beneficiari"] = table(
            [
                person_row(),
                person_row(
                    Codice="TIU-2",
                    Cognome="Diallo",
                    Nome="Awa",
                    Sesso="F",
                    Codice_fiscale=None,
                    Data_di_nascita=None,
                    Data_presa_in_carico="01/11/2026",
                ),
            ]
        )
    sheets["Pasti"] = [MEALS_HEADER, *meals]
    return write_xlsx(path, sheets)


def test_meals_of_persons_created_by_the_same_file(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    path = _workbook(
        tmp_path / "pasti.xlsx",
        [
            ["TIU-1", "03/11/2026", "pranzo"],
            ["TIU-1", dt.datetime(2026, 11, 3), "Cena"],
            ["TIU-2", "28/11/2026", " colazione "],
        ],
    )
    report = import_file(db, admin, path)
    assert report.ok, report.errors
    assert report.imported == {"Beneficiari": 2, "Pasti": 3}
    assert _meals(db) == [
        ("TIU-1", dt.date(2026, 11, 3), MealType.LUNCH, True),
        ("TIU-1", dt.date(2026, 11, 3), MealType.DINNER, True),
        ("TIU-2", dt.date(2026, 11, 28), MealType.BREAKFAST, False),
    ]
    with db.reading() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "meal", AuditEntry.action == "import")
        ).one()
        assert entry.changes is not None and entry.changes["inserted"]["count"] == 3
    # The same file again: nothing new, every meal unchanged.
    again = import_file(db, admin, path)
    assert again.ok and again.counts["Pasti"].unchanged == 3 and again.counts["Pasti"].created == 0
    assert len(_meals(db)) == 3


def test_every_bad_row_is_named_and_nothing_is_written(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    path = _workbook(
        tmp_path / "pasti.xlsx",
        [
            ["TIU-1", "03/11/2026", "pranzo"],
            ["TIU-9", "03/11/2026", "pranzo"],
            ["TIU-1", "2026-11-03", "pranzo"],
            ["TIU-1", "04/11/2026", "merenda"],
            ["TIU-2", "31/10/2026", "cena"],
            ["TIU-1", "03/11/2026", "Pranzo"],
            ["TIU-1", "29/11/2026", "cena"],
        ],
    )
    report = import_file(db, admin, path)
    assert not report.ok
    assert [(e.row, e.column, e.message) for e in report.errors if e.sheet == "Pasti"] == [
        (3, "Codice", "nessuna persona con codice «TIU-9»"),
        (4, "Data", "«2026-11-03» non è una data nel formato gg/mm/aaaa"),
        (5, "Pasto", "«merenda» non è un pasto: indicare colazione, pranzo o cena"),
        (6, "Data", "il 31/10/2026 precede la presa in carico di «TIU-2» (01/11/2026)"),
        (7, "Pasto", "pranzo del 03/11/2026 per «TIU-1» già indicato alla riga 2"),
        (8, "Data", "il 29/11/2026 è nel futuro"),
    ]
    assert report.imported == {"Beneficiari": 0, "Pasti": 0}
    assert _meals(db) == []
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(persons.Person)) == 0


def test_export_then_import_into_an_empty_database_gives_the_same_meals(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    path = _workbook(
        tmp_path / "pasti.xlsx",
        [["TIU-1", f"{d:02d}/11/2026", m] for d in range(1, 28) for m in ("pranzo", "cena")]
        + [["TIU-2", "02/11/2026", "colazione"]],
    )
    assert import_file(db, admin, path).ok
    before = _meals(db)
    out = tmp_path / "export.xlsx"
    with db.reading() as session:
        exchange.export_workbook(session, admin, out)
    book = load_workbook(out, read_only=True)
    rows = list(book["Pasti"].iter_rows(values_only=True))
    assert rows[0] == ("Codice", "Data", "Pasto")
    assert rows[1][0] == "TIU-1" and rows[1][2] == "pranzo" and len(rows) == 56
    admin2 = _wipe(db)
    report = import_file(db, admin2, out)
    assert report.ok, report.errors
    assert report.imported["Pasti"] == 55
    assert _meals(db) == before


def test_the_meals_sheet_may_hold_the_meals_of_a_city() -> None:
    assert DEFAULT_LIMITS.rows_for("pasti") >= 1_000_001
    assert DEFAULT_LIMITS.rows_for("Beneficiari") == DEFAULT_LIMITS.rows
    assert DEFAULT_LIMITS.cells >= 3 * 1_000_000 + 18 * 20_000
