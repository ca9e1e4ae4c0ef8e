"""The Convenzioni, Voci and Spese sheets: import checks the whole file, export leaves out
the expenditures derived from payments, a locked expenditure is refused, and export ->
import into an empty database gives the same sheets back, on both engines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import func, select

from tests.conftest import make_user
from tests.unit.test_exchange_support import import_file, write_xlsx
from tit_desktop.models import AuditEntry, Base, Expenditure, Role
from tit_desktop.services import audit, exchange, expenditure_feed
from tit_desktop.services.convention import expenditures, payment_requests
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor

from .convention_fixtures import D, make_convention, spend

CONVENTIONS = [
    [
        "Convenzione",
        "CUP",
        "Ente finanziatore",
        "Fondo",
        "Data firma",
        "Inizio",
        "Fine",
        "Importo totale",
    ],
    [
        "TIU",
        "E37H20000620001",
        "Ministero",
        "FPM",
        "01/12/2020",
        "01/12/2020",
        "03/12/2023",
        "706.000,00",
    ],
]
LINES = [
    ["Convenzione", "Voce", "Azione", "Categoria", "Importo previsto"],
    ["TIU", "Personale", "Accoglienza", "personale", "50.000,00"],
    ["TIU", "Beni", None, "beni e servizi", 30000],
]
HEADER = [
    "Convenzione",
    "Data",
    "Numero",
    "Fornitore",
    "CF/P.IVA",
    "Voce",
    "Importo",
    "Importo ammissibile",
    "Data pagamento",
]


def _expenditure_sheet(*rows: list[object]) -> list[list[object]]:
    return [HEADER, *[list(r) for r in rows]]


def _issues(report: exchange.ImportReport) -> list[tuple[str | None, int | None, str | None, str]]:
    return [(i.sheet, i.row, i.column, i.message) for i in report.errors]


def _count(db: Database) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Expenditure)) or 0)


def test_import_then_export_gives_the_same_sheets(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "in.xlsx",
        {
            "Convenzioni": CONVENTIONS,
            "Voci": LINES,
            "Spese": _expenditure_sheet(
                [
                    "TIU",
                    "15/03/2021",
                    "12/2021",
                    "Cartoleria srl",
                    "02345670422",
                    "Beni",
                    "1.234,56",
                    "1.000,00",
                    "20/03/2021",
                ],
                [
                    "TIU",
                    dt.datetime(2021, 4, 1),
                    "C-7",
                    "Mario Rossi",
                    None,
                    "Personale",
                    "350.00",
                    350,
                    None,
                ],
            ),
        },
    )
    report = import_file(db, admin, path)
    assert report.ok, report.errors
    assert report.imported == {"Convenzioni": 1, "Voci": 2, "Spese": 2}
    first = tmp_path / "out1.xlsx"
    with db.transaction(admin) as session:
        exchange.export_workbook(session, admin, first)
    book = load_workbook(first)
    assert [row for row in book["Spese"].iter_rows(values_only=True)][1][:4] == (
        "TIU",
        dt.datetime(2021, 3, 15),
        "12/2021",
        "Cartoleria srl",
    )
    # Into an empty database, and out again: the same cells.
    with db.engine.begin() as connection:
        connection.execution_options(**audit.audited_elsewhere("test: database svuotato"))
        # A locked expenditure refuses a DELETE (migration 0013): lift the locks first.
        connection.exec_driver_sql("UPDATE expenditure SET payment_request_id = NULL")
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
    other = make_user(db, "admin2", Role.ADMIN)
    assert import_file(db, other, first).ok
    second = tmp_path / "out2.xlsx"
    with db.transaction(other) as session:
        exchange.export_workbook(session, other, second)
    again = load_workbook(second)
    for name in ("Convenzioni", "Voci", "Spese"):
        assert list(book[name].iter_rows(values_only=True)) == list(
            again[name].iter_rows(values_only=True)
        )


def test_the_whole_file_is_checked_and_nothing_written(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    bad_cup = [
        CONVENTIONS[0],
        ["TIU", "E37H2000", None, None, None, "01/12/2020", "03/12/2023", "10,00"],
    ]
    path = write_xlsx(
        tmp_path / "bad.xlsx",
        {
            "Convenzioni": bad_cup,
            "Voci": LINES,
            "Spese": _expenditure_sheet(
                ["TIU", "15/03/2021", "1", "A srl", "02345670421", "Beni", "10,00", "10,00", None],
                ["TIU", "15/03/2021", "2", "A srl", None, "Nessuna", "10,00", "10,00", None],
                ["TIU", "15/03/2021", "3", "A srl", None, "Beni", "1,234.56", "1,00", None],
                ["TIU", "15/03/2021", "4", "A srl", None, "Beni", "10,00", "11,00", None],
                ["TIU", "15/03/2021", "5", "A srl", None, "Beni", "-5", "0", None],
                ["ALTRA", "15/03/2021", "6", "A srl", None, "Beni", "1", "1", None],
                ["TIU", "15/03/2021", "4", "A srl", None, "Beni", "10,00", "10,00", None],
            ),
        },
    )
    report = import_file(db, admin, path)
    found = _issues(report)
    assert not report.ok
    assert ("Convenzioni", 2, "CUP", "il CUP ha 15 caratteri, «E37H2000» ne ha 8") in found
    messages = {(sheet, row, column): message for sheet, row, column, message in found}
    assert "cifra di controllo" in messages[("Spese", 2, "CF/P.IVA")]
    assert messages[("Spese", 3, "Voce")] == "la voce «Nessuna» non esiste nella convenzione «TIU»"
    assert "non è un importo" in messages[("Spese", 4, "Importo")]
    assert "non può superare" in messages[("Spese", 5, "Importo ammissibile")]
    assert "negativo" in messages[("Spese", 6, "Importo")]
    assert messages[("Spese", 7, "Convenzione")] == "la convenzione «ALTRA» non esiste"
    assert "è già alla riga 5" in messages[("Spese", 8, "Numero")]
    assert _count(db) == 0


def test_locked_and_derived_expenditures(db: Database, admin: Actor, tmp_path: Path) -> None:
    plan = make_convention(db, admin)
    with db.transaction(admin) as session:
        expenditures.create_expenditure(
            session,
            admin,
            plan.convention_id,
            spend(plan.goods, "10.00", number="L-1", supplier="Locked srl", tax_code=None),
        )
        payment_requests.submit(
            session, admin, plan.convention_id, dt.date(2021, 1, 1), dt.date(2021, 12, 31)
        )
        expenditure_feed.payment_recorded(
            session,
            admin,
            expenditure_feed.Payment(
                expenditure_feed.PaymentSource.HOSTING_CONTRIBUTION,
                5,
                dt.date(2022, 2, 1),
                D("350.00"),
                "Famiglia Bianchi",
                "Contributo di gennaio",
            ),
        )
    out = tmp_path / "out.xlsx"
    with db.transaction(admin) as session:
        exchange.export_workbook(session, admin, out)
    rows = list(load_workbook(out)["Spese"].iter_rows(values_only=True))
    assert [r[2] for r in rows[1:]] == ["L-1"]  # the derived one (CF-5) is left out
    changed = write_xlsx(
        tmp_path / "change.xlsx",
        {
            "Spese": _expenditure_sheet(
                [
                    "TIU",
                    "15/03/2021",
                    "L-1",
                    "Locked srl",
                    None,
                    "Beni e servizi",
                    "10,00",
                    "9,00",
                    "15/03/2021",
                ],
                [
                    "TIU",
                    "01/02/2022",
                    "CF-5",
                    "Famiglia Bianchi",
                    None,
                    "Contributi famiglie",
                    "1,00",
                    "1,00",
                    None,
                ],
            )
        },
    )
    before = _audit_count(db)
    report = import_file(db, admin, changed)
    messages = {(i.row, i.column): i.message for i in report.errors}
    assert "domanda di rimborso n. 1" in messages[(2, "Numero")]
    assert "deriva da un pagamento" in messages[(3, "Numero")]
    with db.reading() as session:
        locked = session.scalars(select(Expenditure).where(Expenditure.number == "L-1")).one()
    assert locked.eligible == D("10.00")
    assert _audit_count(db) - before <= 1  # at most the refused check's own record
    # The same values as stored: unchanged, accepted.
    same = write_xlsx(
        tmp_path / "same.xlsx",
        {
            "Spese": _expenditure_sheet(
                [
                    "TIU",
                    "15/03/2021",
                    "L-1",
                    "Locked srl",
                    None,
                    "Beni e servizi",
                    "10,00",
                    "10,00",
                    "15/03/2021",
                ]
            )
        },
    )
    assert import_file(db, admin, same).ok


def _audit_count(db: Database) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def test_operators_cannot_import_money_sheets(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "c.xlsx", {"Convenzioni": CONVENTIONS})
    report = import_file(db, actors[Role.OPERATOR], path)
    assert not report.ok
