"""The Percorsi sheet (DOMAIN.md 8): every problem named by sheet, row, column and reason
with nothing written; two rows of one person overlapping reported on the later row naming
the earlier; export, and export -> import into an empty database giving the same percorsi
back, on both engines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.unit.pathway_helpers import make_person
from tests.unit.test_exchange_roundtrip import _wipe
from tests.unit.test_exchange_support import (
    BASE_ROW,
    import_file,
    issues,
    person_row,
    read_back,
    table,
    write_xlsx,
)
from tit_desktop.models import AuditEntry, Pathway, Person
from tit_desktop.services import clock, exchange, pathways
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor

D = dt.date
HEADER = ["Codice", "Data ingresso", "Data uscita", "Destinazione"]
PERSONS = list(BASE_ROW)


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: D(2025, 12, 1))


def _rows(*rows: tuple[object, ...]) -> list[list[object]]:
    return [HEADER, *[list(r) for r in rows]]


def _pathway_rows(db: Database) -> list[tuple[int, dt.date, dt.date | None, str | None]]:
    with db.reading() as session:
        return [
            (
                p.person_id,
                p.entry_date,
                p.exit_date,
                p.exit_destination.value if p.exit_destination else None,
            )
            for p in session.scalars(
                select(Pathway).order_by(Pathway.person_id, Pathway.entry_date)
            )
        ]


def test_every_problem_is_named_and_nothing_is_written(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    make_person(db, admin, "TIU-00001")  # intake 10/01/2025
    make_person(db, admin, "TIU-00002")
    path = write_xlsx(
        tmp_path / "p.xlsx",
        {
            "Percorsi": _rows(
                ("TIU-00001", "01/02/2025", "30/06/2025", "affitto autonomo"),  # 2 fine
                ("TIU-00001", "01/06/2025", "31/07/2025", "decesso"),  # 3 overlaps row 2
                ("TIU-00002", "01/02/2025", None, None),  # 4 open
                ("TIU-00002", "01/09/2025", None, None),  # 5 second open
                ("TIU-00009", "01/02/2025", None, None),  # 6 unknown person
                ("TIU-00001", "05/01/2025", "06/01/2025", "decesso"),  # 7 before intake
                ("TIU-00002", "01/03/2024", "28/02/2024", "decesso"),  # 8 exit before entry
                ("TIU-00001", "01/09/2025", "30/09/2025", "in vacanza"),  # 9 destination
                ("TIU-00001", "01/10/2025", "31/10/2025", None),  # 10 no destination
                ("TIU-00001", "31/02/2025", None, None),  # 11 no such day
            )
        },
    )
    report = import_file(db, admin, path)
    assert not report.ok and report.imported == {"Percorsi": 0}
    found = issues(report)
    assert (
        "Percorsi",
        3,
        "Data ingresso",
        "si sovrappone al percorso della riga 2 (dal 01/02/2025 al 30/06/2025)",
    ) in found
    assert (
        "Percorsi",
        5,
        "Data ingresso",
        "secondo percorso aperto per la stessa persona: c'è già il percorso della riga 4 "
        "(dal 01/02/2025 (aperto))",
    ) in found
    assert ("Percorsi", 6, "Codice", "nessuna persona con codice «TIU-00009»") in found
    assert (
        "Percorsi",
        7,
        "Data ingresso",
        "l'ingresso (05/01/2025) non può precedere la presa in carico (10/01/2025)",
    ) in found
    assert (
        "Percorsi",
        8,
        "Data uscita",
        "l'uscita (28/02/2024) non può precedere l'ingresso (01/03/2024)",
    ) in found
    assert [i[:3] for i in found if i[1] == 9] == [("Percorsi", 9, "Destinazione")]
    assert "destinazione sconosciuta" in next(i[3] for i in found if i[1] == 9)
    assert ("Percorsi", 10, "Destinazione", "indicare la destinazione all'uscita") in found
    assert ("Percorsi", 11, "Data ingresso", "la data «31/02/2025» non esiste") in found
    assert _pathway_rows(db) == []


def test_a_row_against_a_recorded_pathway_names_it(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    person_id = make_person(db, admin, "TIU-00001")
    with db.transaction(admin) as session:
        pathways.create_pathway(session, admin, pathways.PathwayInput(person_id, D(2025, 2, 1)))
    path = write_xlsx(
        tmp_path / "p.xlsx", {"Percorsi": _rows(("TIU-00001", "01/05/2025", None, None))}
    )
    report = import_file(db, admin, path)
    assert issues(report) == [
        (
            "Percorsi",
            2,
            "Data ingresso",
            "secondo percorso aperto per la stessa persona: c'è già il percorso registrato "
            "(dal 01/02/2025 (aperto))",
        )
    ]
    # closing the recorded one in the same file makes room for the new one
    path = write_xlsx(
        tmp_path / "q.xlsx",
        {
            "Percorsi": _rows(
                ("TIU-00001", "01/05/2025", None, None),
                ("TIU-00001", "01/02/2025", "30/04/2025", "co-housing"),
            )
        },
    )
    report = import_file(db, admin, path)
    assert report.ok, issues(report)
    assert report.counts["Percorsi"] == exchange.SheetCounts(1, 1, 0)
    assert _pathway_rows(db) == [
        (person_id, D(2025, 2, 1), D(2025, 4, 30), "co-housing"),
        (person_id, D(2025, 5, 1), None, None),
    ]
    with db.reading() as session:
        audited = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "pathway").order_by(AuditEntry.id)
        ).all()
    assert audited == ["insert", "update", "import"]


def test_persons_and_pathways_from_one_file(db: Database, admin: Actor, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "p.xlsx",
        {
            "Percorsi": _rows(("TIU-1", "01/06/2024", None, None)),
            "Beneficiari": table([person_row()], PERSONS),
        },
    )
    report = import_file(db, admin, path)
    assert report.ok, issues(report)
    assert report.imported == {"Beneficiari": 1, "Percorsi": 1}
    # the person's intake (02/05/2024) is checked even for a person of the same file
    path = write_xlsx(
        tmp_path / "q.xlsx",
        {
            "Beneficiari": table([person_row(Codice="TIU-2", Codice_fiscale=None)], PERSONS),
            "Percorsi": _rows(("TIU-2", "01/04/2024", None, None)),
        },
    )
    report = import_file(db, admin, path)
    assert (
        "Percorsi",
        2,
        "Data ingresso",
        "l'ingresso (01/04/2024) non può precedere la presa in carico (02/05/2024)",
    ) in issues(report)


def test_export_and_round_trip(db: Database, admin: Actor, tmp_path: Path) -> None:
    first = make_person(db, admin, "TIU-00002")
    second = make_person(db, admin, "TIU-00001")
    with db.transaction(admin) as session:
        for person_id, entry, exit_date, destination in (
            (first, D(2025, 2, 1), D(2025, 5, 31), "housing first permanente"),
            (first, D(2025, 7, 1), None, None),
            (second, D(2025, 3, 15), D(2025, 3, 15), "strada / luogo non adatto"),
        ):
            pathways.create_pathway(
                session,
                admin,
                pathways.PathwayInput(
                    person_id, entry, exit_date=exit_date, exit_destination=destination
                ),
            )
    target = tmp_path / "out.xlsx"
    with db.transaction(admin) as session:
        result = exchange.export_workbook(session, admin, target)
    assert result.exported["Percorsi"] == 3
    rows = read_back(target, "Percorsi")
    assert rows == [
        HEADER,
        ["TIU-00001", D(2025, 3, 15), D(2025, 3, 15), "strada / luogo non adatto"],
        ["TIU-00002", D(2025, 2, 1), D(2025, 5, 31), "housing first permanente"],
        ["TIU-00002", D(2025, 7, 1), None, None],
    ]
    # WHEN the whole export goes into an empty database (Beneficiari then Percorsi)
    with db.reading() as session:
        codes = dict(session.execute(select(Person.id, Person.code)).all())
    before = sorted((codes[p], e, x, d) for p, e, x, d in _pathway_rows(db))
    actor = _wipe(db)
    report = import_file(db, actor, target)
    # THEN the same percorsi come back, and exporting again gives the same cells
    assert report.ok, issues(report)
    assert report.counts["Percorsi"] == exchange.SheetCounts(created=3)
    with db.reading() as session:
        codes = dict(session.execute(select(Person.id, Person.code)).all())
    assert sorted((codes[p], e, x, d) for p, e, x, d in _pathway_rows(db)) == before
    with db.transaction(actor) as session:
        exchange.export_workbook(session, actor, tmp_path / "again.xlsx")
    assert read_back(tmp_path / "again.xlsx", "Percorsi") == rows
