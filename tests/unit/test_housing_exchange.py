"""The Alloggi and Soggiorni sheets: import (the whole file checked first; errors with sheet,
row, column and reason; conflicts between rows on the later row naming the earlier), export,
and export -> import into an empty database on both engines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.conftest import make_user
from tests.unit.test_exchange_support import import_file, read_back
from tit_desktop.models import AuditEntry, Base, Bed, HousingUnit, Person, Role, Stay
from tit_desktop.services import audit, clock, demo, exchange, housing
from tit_desktop.services.database import Database
from tit_desktop.services.exchange.reader import RawSheet, RawWorkbook
from tit_desktop.services.permissions import Actor

TODAY = dt.date(2026, 3, 15)
PEOPLE_HEADER = ["Codice", "Cognome", "Nome", "Sesso", "Data presa in carico"]
UNITS_HEADER = ["Alloggio", "Indirizzo", "Tipo", "Posti"]
STAYS_HEADER = ["Codice", "Alloggio", "Posto", "Dal", "Al"]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _book(
    units: list[list[Any]], stays: list[list[Any]], people: list[list[Any]] | None = None
) -> RawWorkbook:
    people = people or [
        ["TIU-1", "Diallo", "Amina", "F", "05/01/2026"],
        ["TIU-2", "Okafor", "John", "M", "05/01/2026"],
        ["TIU-3", "Haddad", "Sami", "M", "01/03/2026"],
    ]
    sheets = [
        RawSheet("Beneficiari", "t.xlsx", PEOPLE_HEADER, list(enumerate(people, start=2))),
        RawSheet("Alloggi", "t.xlsx", UNITS_HEADER, list(enumerate(units, start=2))),
        RawSheet("Soggiorni", "t.xlsx", STAYS_HEADER, list(enumerate(stays, start=2))),
    ]
    return RawWorkbook("t.xlsx", sheets)


def _import(
    db: Database, actor: Actor, raw: RawWorkbook, dry_run: bool = False
) -> exchange.ImportReport:
    with db.transaction(actor) as session:
        return exchange.import_raw(session, actor, raw, dry_run=dry_run)


def _stays(db: Database) -> list[tuple[str, str, str, dt.date, dt.date | None]]:
    with db.reading() as session:
        rows = session.execute(
            select(Person.code, HousingUnit.name, Bed.label, Stay.dal, Stay.al)
            .join(Person, Person.id == Stay.person_id)
            .join(Bed, Bed.id == Stay.bed_id)
            .join(HousingUnit, HousingUnit.id == Bed.unit_id)
        ).all()
    return sorted(tuple(r) for r in rows)  # type: ignore[misc]


def _units(db: Database) -> list[tuple[str, str | None, str, list[str]]]:
    with db.reading() as session:
        return sorted(
            (u.name, u.address, u.kind.value, sorted(b.label for b in u.beds))
            for u in session.scalars(select(HousingUnit))
        )


UNITS = [
    ["Casa Aurora", "Via Marconi 14", "co-housing", 3],
    ["Dormitorio", None, "Accoglienza notturna", "2"],
]


def test_a_workbook_creates_units_beds_and_stays(db: Database, admin: Actor) -> None:
    report = _import(
        db,
        admin,
        _book(
            UNITS,
            [
                ["TIU-1", "casa aurora", 1, "01/02/2026", "01/03/2026"],
                ["TIU-2", "Casa Aurora", "1", "01/03/2026", None],  # 1 and "1": the same bed
                ["TIU-1", "Dormitorio", 2.0, dt.date(2026, 3, 1), None],
            ],
        ),
    )
    assert report.ok, report.errors
    assert report.imported == {"Beneficiari": 3, "Alloggi": 2, "Soggiorni": 3}
    assert _units(db) == [
        ("Casa Aurora", "Via Marconi 14", "co-housing", ["1", "2", "3"]),
        ("Dormitorio", None, "accoglienza notturna", ["1", "2"]),
    ]
    assert _stays(db) == [
        ("TIU-1", "Casa Aurora", "1", dt.date(2026, 2, 1), dt.date(2026, 3, 1)),
        ("TIU-1", "Dormitorio", "2", dt.date(2026, 3, 1), None),
        ("TIU-2", "Casa Aurora", "1", dt.date(2026, 3, 1), None),
    ]
    # One summary row per sheet (and the beds'), naming the persons of the stays.
    with db.reading() as session:
        entities = session.scalars(
            select(AuditEntry.entity).where(AuditEntry.action == "import").order_by(AuditEntry.id)
        ).all()
    assert entities == ["person", "housing_unit", "bed", "stay"]
    # The same file again changes nothing.
    again = _import(db, admin, _book(UNITS, [["TIU-2", "Casa Aurora", "1", "01/03/2026", None]]))
    assert again.ok and again.counts["Soggiorni"] == exchange.SheetCounts(0, 0, 1)
    assert again.counts["Alloggi"] == exchange.SheetCounts(0, 0, 2)


def test_every_error_names_sheet_row_column_and_nothing_is_written(
    db: Database, admin: Actor
) -> None:
    report = _import(
        db,
        admin,
        _book(
            [*UNITS, ["casa aurora", None, "co-housing", 1], ["Villa", None, "albergo", 2]],
            [
                ["TIU-1", "Casa Aurora", 1, "01/02/2026", "01/03/2026"],  # row 2
                ["TIU-2", "Casa Aurora", "1", "15/02/2026", "20/02/2026"],  # 3: bed of row 2
                ["TIU-1", "Dormitorio", 1, "20/02/2026", None],  # 4: person of row 2
                ["TIU-3", "Casa Aurora", 4, "05/03/2026", None],  # 5: no bed 4
                ["TIU-3", "Casa Aurora", 2, "02/02/2026", None],  # 6: before intake
                ["TIU-9", "Casa Aurora", 3, "05/03/2026", None],  # 7: unknown person
                ["TIU-3", "Casa Nessuna", 1, "05/03/2026", None],  # 8: unknown unit
                ["TIU-3", "Casa Aurora", 3, "05/03/2026", "05/03/2026"],  # 9: al = dal
            ],
        ),
    )
    assert not report.ok
    found = {(e.sheet, e.row, e.column): e.message for e in report.errors}
    assert found[("Alloggi", 4, "Alloggio")] == "l'alloggio «casa aurora» è già alla riga 2"
    assert "non è un tipo di alloggio" in found[("Alloggi", 5, "Tipo")]
    assert found[("Soggiorni", 3, "Posto")] == (
        "il posto ha già quelle notti: la riga 2 (TIU-1, Casa Aurora posto 1, "
        "dal 01/02/2026 al 01/03/2026)"
    )
    assert "la persona ha già quelle notti: la riga 2" in found[("Soggiorni", 4, "Codice")]
    assert found[("Soggiorni", 5, "Posto")] == "il posto «4» non esiste nell'alloggio «Casa Aurora»"
    assert "precede la presa in carico (01/03/2026)" in found[("Soggiorni", 6, "Dal")]
    assert found[("Soggiorni", 7, "Codice")] == "nessun beneficiario con codice «TIU-9»"
    assert found[("Soggiorni", 8, "Alloggio")] == "nessun alloggio chiamato «Casa Nessuna»"
    assert "deve seguire la prima notte" in found[("Soggiorni", 9, "Al")]
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 0
        assert session.scalar(select(func.count()).select_from(HousingUnit)) == 0


def test_a_row_overlapping_a_recorded_stay_names_it(db: Database, admin: Actor) -> None:
    assert _import(db, admin, _book(UNITS, [["TIU-1", "Casa Aurora", 1, "01/02/2026", None]])).ok
    report = _import(
        db, admin, _book(UNITS, [["TIU-2", "Casa Aurora", 1, "10/03/2026", None]]), dry_run=True
    )
    assert [(e.row, e.column, e.message) for e in report.errors] == [
        (
            2,
            "Posto",
            "il posto ha già quelle notti: il soggiorno registrato di Diallo Amina (TIU-1), "
            "Casa Aurora, posto 1, dal 01/02/2026, in corso",
        )
    ]
    # Recording the departure of the recorded stay is an update, and frees the bed.
    report = _import(
        db,
        admin,
        _book(
            UNITS,
            [
                ["TIU-1", "Casa Aurora", 1, "01/02/2026", "10/03/2026"],
                ["TIU-2", "Casa Aurora", 1, "10/03/2026", None],
            ],
        ),
    )
    assert report.ok, report.errors
    assert report.counts["Soggiorni"] == exchange.SheetCounts(1, 1, 0)


def _wipe(db: Database) -> Actor:
    with db.engine.begin() as connection:
        connection.execution_options(**audit.audited_elsewhere("test: database svuotato"))
        # A locked expenditure refuses a DELETE (migration 0013): lift the locks first.
        connection.exec_driver_sql("UPDATE expenditure SET payment_request_id = NULL")
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
    return make_user(db, "admin2", Role.ADMIN)


def test_export_then_import_into_an_empty_database_gives_the_same_rows(
    db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "today", dt.date.today)  # the demo's own dates
    demo.fill_demo_data(db, admin, people=40, seed=3)
    units, stays = _units(db), _stays(db)
    assert len(stays) > 50
    target = tmp_path / "scambio.xlsx"
    with db.reading() as session:
        result = exchange.export_workbook(session, admin, target)
    assert result.exported["Alloggi"] == len(units)
    assert result.exported["Soggiorni"] == len(stays)
    sheet = read_back(target, "Soggiorni")
    assert sheet[0] == STAYS_HEADER
    assert all(isinstance(row[2], int) for row in sheet[1:])  # numeric labels as numbers
    admin2 = _wipe(db)
    report = import_file(db, admin2, target)
    assert report.ok, report.errors[:3]
    assert _units(db) == [(n, a, k, beds) for n, a, k, beds in units]
    assert _stays(db) == stays
    with db.reading() as session:
        assert (
            housing.bed_nights(
                session, admin2, dt.date.today() - dt.timedelta(days=365), dt.date.today()
            ).bed_nights
            > 0
        )
