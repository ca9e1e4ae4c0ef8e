"""The ``Contatti strada`` sheet: import checks the whole file first, errors name sheet,
row and column; export -> import -> export is identical on both engines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from tests.conftest import make_user
from tests.unit.test_exchange_roundtrip import _wipe
from tests.unit.test_exchange_support import (
    BASE_ROW,
    HEADER,
    import_file,
    issues,
    read_back,
    table,
    write_xlsx,
)
from tests.unit.test_street import contact, create, make_person, make_staff
from tit_desktop.models import AuditEntry, AuditSubject, Role, StreetContact, StreetService
from tit_desktop.services import exchange, street
from tit_desktop.services.database import Database
from tit_desktop.services.exchange import street_sheet
from tit_desktop.services.permissions import Actor

SHEET = "Contatti strada"
STREET_HEADER = [c.name for c in street_sheet.COLUMNS]


def workbook(
    path: Path, rows: list[dict[str, Any]], persons: list[dict[str, Any]] | None = None
) -> Path:
    sheets: dict[str, Any] = {}
    if persons is not None:
        sheets["Beneficiari"] = table(persons, HEADER)
    sheets[SHEET] = table(rows, STREET_HEADER)
    return write_xlsx(path, sheets)


def _contacts(db: Database) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(StreetContact)) or 0)


def test_the_sheet_has_domain_columns() -> None:
    assert STREET_HEADER == [
        "Data",
        "Ora",
        "Luogo",
        "Codice",
        "Anonimi F",
        "Anonimi M",
        "Prestazioni",
    ]
    assert exchange.SHEETS[SHEET].importable


def test_rows_are_imported_with_persons_of_the_file_and_of_the_database(
    db: Database, tmp_path: Path
) -> None:
    admin = make_user(db, "admin", Role.ADMIN)
    make_person(db, admin, "TIU-00001", "Rossi", "Mario")
    path = workbook(
        tmp_path / "c.xlsx",
        [
            {
                "Data": "10/03/2026",
                "Ora": "22:40",
                "Luogo": "Stazione centrale",
                "Codice": "TIU-00001",
                "Prestazioni": "Coperte; bevanda calda",
            },
            {
                "Data": dt.date(2026, 3, 10),
                "Ora": dt.time(23, 5),
                "Luogo": "Piazza Cavour",
                "Anonimi F": 2,
                "Anonimi M": "1",
            },
            {
                "Data": "11/03/2026",
                "Ora": "0.30",
                "Luogo": "Porto",
                "Codice": "TIU-1",
                "Prestazioni": "pasto, informazioni,",
            },
        ],
        persons=[dict(BASE_ROW)],
    )
    report = import_file(db, admin, path)
    assert report.ok, report.errors
    assert report.imported == {"Beneficiari": 1, SHEET: 3}
    with db.reading() as session:
        ids = street.search_ids(session, admin, street.ContactFilter(), descending=False)
        rows = street.rows_for(session, admin, ids)
        summary = street.month_summary(session, admin, 2026, 3)
        # the links' bulk row names the persons: their trails find the import
        named = set(session.scalars(select(AuditSubject.person_id)))
        details = list(
            session.scalars(
                select(AuditEntry.detail).where(AuditEntry.entity == "street_contact_person")
            )
        )
    assert [rows[i].when for i in ids] == [
        "10/03/2026 22:40",
        "10/03/2026 23:05",
        "11/03/2026 00:30",
    ]
    assert rows[ids[0]].services == "coperte, bevanda calda"
    assert rows[ids[2]].persons.endswith("(TIU-1)")
    assert summary.reached == 5
    assert len(named) == 2 and details and "Contatti strada" in details[0]


def test_bad_rows_are_all_reported_and_nothing_is_written(db: Database, tmp_path: Path) -> None:
    admin = make_user(db, "admin", Role.ADMIN)
    make_person(db, admin, "TIU-00002", "Diallo", "Awa", intake_date=dt.date(2026, 3, 1))
    future = (dt.date.today() + dt.timedelta(days=3)).strftime("%d/%m/%Y")
    path = workbook(
        tmp_path / "bad.xlsx",
        [
            {"Data": "10/03/2026", "Luogo": "Porto", "Anonimi M": 1},  # fine
            {
                "Data": "10/03/2026",
                "Luogo": "Porto",
                "Prestazioni": "coperte, sigarette",
                "Anonimi F": 1,
            },
            {"Data": "10/03/2026", "Luogo": "Porto", "Anonimi F": -2},
            {"Data": "10/03/2026", "Luogo": "Porto", "Prestazioni": "pasto"},
            {"Data": "20/02/2026", "Luogo": "Porto", "Codice": "TIU-00002"},
            {"Data": "10/03/2026", "Luogo": "Porto", "Codice": "TIU-99999"},
            {"Data": "31/02/2026", "Ora": "25:00", "Luogo": "", "Anonimi M": 1},
            {"Data": future, "Luogo": "Porto", "Anonimi M": 1},
        ],
    )
    report = import_file(db, admin, path)
    assert not report.ok
    assert issues(report) == [
        (
            SHEET,
            3,
            "Prestazioni",
            "prestazione «sigarette» sconosciuta: ammesse coperte, pasto, bevanda calda, "
            "informazioni, invio a servizio",
        ),
        (SHEET, 4, "Anonimi F", "-2 è negativo: il numero di anonimi non può essere negativo"),
        (
            SHEET,
            5,
            "Codice",
            "indicare il Codice di una persona oppure il numero di anonimi (Anonimi F, "
            "Anonimi M): un contatto senza nessuno non si registra",
        ),
        (
            SHEET,
            6,
            "Codice",
            "la persona con codice «TIU-00002» è in carico dal 01/03/2026: un contatto del "
            "20/02/2026 è precedente alla presa in carico",
        ),
        (
            SHEET,
            7,
            "Codice",
            "nessuna persona con codice «TIU-99999» (né nel database né nel foglio "
            "Beneficiari del file)",
        ),
        (SHEET, 8, "Data", "la data «31/02/2026» non esiste"),
        (SHEET, 8, "Ora", "l'ora «25:00» non esiste"),
        (SHEET, 8, "Luogo", "valore obbligatorio mancante"),
        (SHEET, 9, "Data", f"il {future} è nel futuro"),
    ]
    assert report.imported == {SHEET: 0}
    assert _contacts(db) == 0


def test_the_same_file_twice_does_not_double_the_contacts(db: Database, tmp_path: Path) -> None:
    admin = make_user(db, "admin", Role.ADMIN)
    rows = [
        {"Data": "10/03/2026", "Ora": "22:40", "Luogo": "Porto", "Anonimi M": 1},
        {"Data": "10/03/2026", "Ora": "22:40", "Luogo": "Porto", "Anonimi M": 1},
    ]
    path = workbook(tmp_path / "twice.xlsx", rows)
    assert import_file(db, admin, path).counts[SHEET].created == 2
    again = import_file(db, admin, path)
    assert (again.counts[SHEET].created, again.counts[SHEET].unchanged) == (0, 2)
    assert _contacts(db) == 2


def _scenario(db: Database, actor: Actor) -> None:
    rossi = make_person(db, actor, "TIU-00001", "Rossi", "Mario")
    diallo = make_person(db, actor, "TIU-00002", "Diallo", "Awa", sex="F")
    staff = make_staff(db, "Bianchi", "Luca")
    create(
        db,
        actor,
        contact(occurred_on=dt.date(2026, 3, 2), time=None, place="Piazza Cavour", anonymous_f=1),
    )
    create(
        db,
        actor,
        contact(
            person_ids=(rossi,),
            staff_ids=(staff,),
            services=frozenset({StreetService.MEAL, StreetService.REFERRAL}),
        ),
    )
    create(
        db,
        actor,
        contact(
            occurred_on=dt.date(2026, 3, 12),
            time=dt.time(0, 15),
            place="Piano San Lazzaro",
            person_ids=(diallo,),
            anonymous_m=2,
        ),
    )


def _export(db: Database, actor: Actor, path: Path) -> list[list[Any]]:
    with db.transaction(actor) as session:
        exchange.export_workbook(session, actor, path)
    return read_back(path, SHEET)


def test_round_trip_is_identical(db: Database, tmp_path: Path) -> None:
    admin = make_user(db, "admin", Role.ADMIN)
    _scenario(db, admin)
    first = _export(db, admin, tmp_path / "a.xlsx")
    assert first == [
        STREET_HEADER,
        [dt.date(2026, 3, 2), None, "Piazza Cavour", None, 1, None, None],
        [
            dt.date(2026, 3, 10),
            "22:40",
            "Stazione centrale, lato binario 1",
            "TIU-00001",
            None,
            None,
            "pasto, invio a servizio",
        ],
        [dt.date(2026, 3, 12), "00:15", "Piano San Lazzaro", "TIU-00002", None, 2, None],
    ]
    with db.reading() as session:
        before = street.month_summary(session, admin, 2026, 3)
    fresh = _wipe(db)
    report = import_file(db, fresh, tmp_path / "a.xlsx")
    assert report.ok, report.errors
    assert _export(db, fresh, tmp_path / "b.xlsx") == first
    with db.reading() as session:
        after = street.month_summary(session, fresh, 2026, 3)
    # zones and operators are not columns of the sheet: the rest is the same
    assert (after.contacts, after.reached, after.services, after.distinct_persons) == (
        before.contacts,
        before.reached,
        before.services,
        before.distinct_persons,
    )


def test_a_contact_with_two_persons_is_one_row_each(db: Database, tmp_path: Path) -> None:
    admin = make_user(db, "admin", Role.ADMIN)
    rossi = make_person(db, admin, "TIU-00001", "Rossi", "Mario")
    diallo = make_person(db, admin, "TIU-00002", "Diallo", "Awa", sex="F")
    create(
        db,
        admin,
        contact(
            person_ids=(rossi, diallo), anonymous_f=1, services=frozenset({StreetService.BLANKETS})
        ),
    )
    first = _export(db, admin, tmp_path / "a.xlsx")
    assert first[1:] == [
        [
            dt.date(2026, 3, 10),
            "22:40",
            "Stazione centrale, lato binario 1",
            "TIU-00001",
            1,
            None,
            "coperte",
        ],
        [
            dt.date(2026, 3, 10),
            "22:40",
            "Stazione centrale, lato binario 1",
            "TIU-00002",
            None,
            None,
            "coperte",
        ],
    ]
    fresh = _wipe(db)
    assert import_file(db, fresh, tmp_path / "a.xlsx").ok
    assert _export(db, fresh, tmp_path / "b.xlsx") == first
    with db.reading() as session:
        assert street.month_summary(session, fresh, 2026, 3).reached == 3
