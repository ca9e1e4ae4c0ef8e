"""The Famiglie, Accoglienze and Contributi sheets: the whole file checked first, errors
with sheet, row, column and reason, conflicts on the later row naming the earlier; export
-> import into an empty database gives the same rows back, on both engines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.conftest import make_user
from tests.unit.test_exchange_support import import_file, read_back, write_xlsx
from tit_desktop.models import (
    AuditEntry,
    Base,
    HostFamily,
    HostingAgreement,
    HostingContribution,
    Role,
)
from tit_desktop.services import audit, clock, exchange, expenditure_feed, hosting, persons
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor

IBAN = "IT60X0542811101000000123456"
TODAY = dt.date(2026, 11, 28)
PERSONS_HEADER = ["Codice", "Cognome", "Nome", "Sesso", "Data presa in carico"]
FAMILIES = ["Famiglia", "Referente", "Indirizzo", "IBAN"]
AGREEMENTS = ["Famiglia", "Codice", "Dal", "Al", "Tempo", "Contributo mensile"]
CONTRIBUTIONS = ["Famiglia", "Codice", "Mese", "Importo", "Data pagamento"]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _issues(report: exchange.ImportReport) -> list[tuple[str | None, int | None, str | None, str]]:
    return [(i.sheet, i.row, i.column, i.message) for i in report.errors]


def _counts(db: Database) -> tuple[int, int, int]:
    with db.reading() as session:
        return tuple(  # type: ignore[return-value]
            int(session.scalar(select(func.count()).select_from(m)) or 0)
            for m in (HostFamily, HostingAgreement, HostingContribution)
        )


def _workbook(path: Path, **sheets: list[list[Any]]) -> Path:
    return write_xlsx(path, {name.replace("_", " "): rows for name, rows in sheets.items()})


def _good_sheets() -> dict[str, list[list[Any]]]:
    return {
        "Beneficiari": [
            PERSONS_HEADER,
            ["TIU-1", "Diallo", "Awa", "F", "02/01/2025"],
            ["TIU-2", "Okafor", "Chidi", "M", "10/02/2026"],
        ],
        "Famiglie": [
            FAMILIES,
            [
                "Famiglia Brunori",
                "Lucia Brunori",
                "Via Veneto 14, Ancona",
                "IT60 X054 2811 1010 0000 0123 456",
            ],
            ["Famiglia Neri", None, None, None],
        ],
        "Accoglienze": [
            AGREEMENTS,
            ["Famiglia Brunori", "TIU-1", "16/03/2026", "15/07/2026", "pieno", "550,00"],
            ["famiglia neri", "TIU-2", dt.date(2026, 3, 1), None, "Parziale", 350],
            ["Famiglia Neri", "TIU-1", "16/07/2026", "31/12/2026", "parziale", "1.234,56"],
        ],
        "Contributi": [
            CONTRIBUTIONS,
            ["Famiglia Brunori", "TIU-1", "03/2026", "283,87", "10/04/2026"],
            ["Famiglia Brunori", "TIU-1", "04/2026", "550.00", dt.date(2026, 5, 11)],
            ["Famiglia Neri", "TIU-2", "3/2026", 350, "05/04/2026"],
        ],
    }


def test_a_good_workbook_creates_families_agreements_and_payments(
    db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorded: list[tuple[int, Decimal]] = []

    class Register:
        def recorded(self, _s: object, _a: Actor, payment: expenditure_feed.Payment) -> None:
            recorded.append((payment.source_id, payment.amount))

        def removed(self, *_args: object) -> None:
            raise AssertionError("nothing removed")

    monkeypatch.setattr(expenditure_feed, "_listeners", [Register()])
    report = import_file(db, admin, _workbook(tmp_path / "f.xlsx", **_good_sheets()))
    assert report.ok, report.errors
    assert report.imported == {"Beneficiari": 2, "Famiglie": 2, "Accoglienze": 3, "Contributi": 3}
    with db.reading() as session:
        family_id = hosting.family_id_by_name(session, "Famiglia Brunori")
        assert family_id is not None
        first = hosting.agreements(session, admin, family_id=family_id)[0]
        ledger = hosting.ledger(session, admin, first.id)
        neri = hosting.agreements(
            session, admin, family_id=hosting.family_id_by_name(session, "Famiglia Neri")
        )
    assert first.monthly_amount == Decimal("550.00") and first.time == "pieno"
    assert [(r.month.month, r.paid_on) for r in ledger][:3] == [
        (3, dt.date(2026, 4, 10)),
        (4, dt.date(2026, 5, 11)),
        (5, None),
    ]
    assert {a.monthly_amount for a in neri} == {Decimal("350.00"), Decimal("1234.56")}
    assert sorted(amount for _id, amount in recorded) == [
        Decimal("283.87"),
        Decimal("350.00"),
        Decimal("550.00"),
    ]


def test_every_problem_is_named_and_nothing_is_written(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    sheets = _good_sheets()
    sheets["Famiglie"] += [
        ["Famiglia Verdi", None, None, "IT61 X054 2811 1010 0000 0123 456"],
        ["famiglia brunori", None, None, None],
    ]
    sheets["Accoglienze"] += [
        ["Famiglia Bianchi", "TIU-1", "01/01/2027", None, "pieno", "550"],
        ["Famiglia Brunori", "TIU-9", "01/01/2026", None, "pieno", "550"],
        ["Famiglia Brunori", "TIU-1", "01/07/2026", "10/07/2026", "pieno", "550"],
        ["Famiglia Brunori", "TIU-2", "01/03/2025", None, "pieno", "550"],
        ["Famiglia Brunori", "TIU-2", "01/03/2026", "01/02/2026", "pieno", "550"],
        ["Famiglia Brunori", "TIU-2", "01/03/2026", None, "mezzo", "550"],
        ["Famiglia Brunori", "TIU-2", "01/03/2026", None, "pieno", "-5"],
        ["Famiglia Brunori", "TIU-2", "01/03/2026", None, "pieno", "cinquecento"],
    ]
    sheets["Contributi"] += [
        ["Famiglia Brunori", "TIU-1", "04/2026", "550,00", "12/05/2026"],
        ["Famiglia Brunori", "TIU-1", "09/2026", "550,00", "12/10/2026"],
        ["Famiglia Brunori", "TIU-1", "13/2026", "550,00", "12/10/2026"],
        ["Famiglia Brunori", "TIU-1", "05/2026", "550,00", "12/12/2026"],
    ]
    before = _counts(db)
    report = import_file(db, admin, _workbook(tmp_path / "f.xlsx", **sheets))
    assert not report.ok
    issues = _issues(report)
    expected = [
        (
            "Famiglie",
            4,
            "IBAN",
            "le cifre di controllo non corrispondono: controllare di averlo copiato bene",
        ),
        ("Famiglie", 5, "Famiglia", "la famiglia «famiglia brunori» è già alla riga 2"),
        (
            "Accoglienze",
            5,
            "Famiglia",
            "nessuna famiglia «Famiglia Bianchi» (né registrata né nel foglio Famiglie)",
        ),
        (
            "Accoglienze",
            6,
            "Codice",
            "nessuna persona con codice «TIU-9» (né registrata né nel foglio Beneficiari)",
        ),
        (
            "Accoglienze",
            7,
            "Dal",
            "si sovrappone all'accoglienza della riga 2 (dal 16/03/2026 al 15/07/2026)",
        ),
        ("Accoglienze", 8, "Dal", "precede la presa in carico della persona (10/02/2026)"),
        ("Accoglienze", 9, "Al", "precede Dal (01/03/2026)"),
        ("Accoglienze", 10, "Tempo", "«mezzo» non previsto: indicare pieno o parziale"),
        ("Accoglienze", 11, "Contributo mensile", "l'importo non può essere negativo"),
    ]
    for issue in expected:
        assert issue in issues, issue
    words = [i for i in issues if i[1] == 12]
    assert words and words[0][2] == "Contributo mensile" and "non è un importo" in words[0][3]
    assert ("Contributi", 5, "Mese", "il mese 04/2026 di questa accoglienza è già alla riga 3") in (
        issues
    )
    assert (
        "Contributi",
        6,
        "Mese",
        "il mese 09/2026 è fuori dal periodo dell'accoglienza (dal 16/03/2026 al 15/07/2026)",
    ) in issues
    assert ("Contributi", 7, "Mese", "«13/2026» non è un mese nel formato mm/aaaa") in issues
    assert ("Contributi", 8, "Data pagamento", "non può essere nel futuro") in issues
    assert _counts(db) == before == (0, 0, 0)


def test_overlap_with_a_recorded_agreement_and_money_permissions(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    coordinator = actors[Role.COORDINATOR]
    assert import_file(db, coordinator, _workbook(tmp_path / "a.xlsx", **_good_sheets())).ok
    later = _workbook(
        tmp_path / "b.xlsx",
        Accoglienze=[AGREEMENTS, ["Famiglia Neri", "TIU-1", "01/07/2026", None, "pieno", "550"]],
    )
    report = import_file(db, coordinator, later)
    assert _issues(report) == [
        (
            "Accoglienze",
            2,
            "Dal",
            "si sovrappone all'accoglienza registrata presso «Famiglia Brunori» dal 16/03/2026 "
            "al 15/07/2026",
        )
    ]
    operator = actors[Role.OPERATOR]
    refused = import_file(db, operator, _workbook(tmp_path / "c.xlsx", **_good_sheets()))
    assert not refused.ok
    assert {i.sheet for i in refused.errors} == {"Accoglienze", "Contributi"}


def _wipe(db: Database) -> Actor:
    with db.engine.begin() as connection:
        connection.execution_options(**audit.audited_elsewhere("test: database svuotato"))
        # A locked expenditure refuses a DELETE (migration 0013): lift the locks first.
        connection.exec_driver_sql("UPDATE expenditure SET payment_request_id = NULL")
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
    return make_user(db, "admin2", Role.ADMIN)


def test_export_then_import_into_an_empty_database_gives_the_same_rows(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    assert import_file(db, admin, _workbook(tmp_path / "a.xlsx", **_good_sheets())).ok
    with db.transaction(admin) as session:
        persons.create_person(
            session,
            admin,
            persons.PersonInput(
                code="TIU-3",
                last_name="Sy",
                first_name="Fatou",
                sex="F",
                intake_date=dt.date(2024, 1, 1),
            ),
        )
        family_id = hosting.create_family(
            session, admin, hosting.FamilyInput(name="Famiglia Ünal", contact_person="Ayşe Ünal")
        )
        agreement_id = hosting.create_agreement(
            session,
            admin,
            hosting.AgreementInput(
                family_id=family_id,
                person_code="TIU-3",
                start_date=dt.date(2025, 10, 10),
                end_date=dt.date(2026, 1, 9),
                monthly_amount=Decimal("0.01"),
            ),
        )
        for row in hosting.ledger(session, admin, agreement_id):
            hosting.mark_paid(session, admin, row.id, dt.date(2026, 2, 1))
    first = tmp_path / "primo.xlsx"
    with db.transaction(admin) as session:
        result = exchange.export_workbook(session, admin, first)
    assert result.exported == {
        "Beneficiari": 3,
        "Famiglie": 3,
        "Accoglienze": 4,
        "Contributi": 7,
    }
    sheets = ("Beneficiari", "Famiglie", "Accoglienze", "Contributi")
    cells = {name: read_back(first, name) for name in sheets}
    assert cells["Contributi"][1] == [
        "Famiglia Brunori",
        "TIU-1",
        "03/2026",
        283.87,
        dt.date(2026, 4, 10),
    ]
    with db.reading() as session:
        ledgers_before = sorted(
            (c.month, c.amount_due, c.paid_on, c.paid_amount)
            for c in session.scalars(select(HostingContribution))
        )
    fresh = _wipe(db)
    report = import_file(db, fresh, first)
    assert report.ok, report.errors
    second = tmp_path / "secondo.xlsx"
    with db.transaction(fresh) as session:
        exchange.export_workbook(session, fresh, second)
    assert {name: read_back(second, name) for name in sheets} == cells
    with db.reading() as session:
        ledgers_after = sorted(
            (c.month, c.amount_due, c.paid_on, c.paid_amount)
            for c in session.scalars(select(HostingContribution))
        )
        imports = session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "import")
        ).all()
    assert ledgers_after == ledgers_before
    assert any("foglio Contributi" in (d or "") for d in imports)


def test_without_money_the_export_has_no_amounts_or_iban(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    assert import_file(db, actors[Role.ADMIN], _workbook(tmp_path / "a.xlsx", **_good_sheets())).ok
    operator = actors[Role.OPERATOR]
    target = tmp_path / "op.xlsx"
    with db.transaction(operator) as session:
        result = exchange.export_workbook(session, operator, target)
    assert set(result.exported) == {"Beneficiari", "Famiglie"}
    # The IBAN column is left out, not left blank: a blank cell would clear the IBAN of
    # whoever imports the file with the money permission.
    assert read_back(target, "Famiglie")[0] == ["Famiglia", "Referente", "Indirizzo"]
    assert result.withheld == (
        "Accoglienze",
        "Contributi",
        "Convenzioni",
        "Voci",
        "Spese",
        "Famiglie: IBAN",
    )
    assert result.note == (
        "Non esportati, perché il ruolo «Operatore» non permette di leggere i dati economici "
        "della convenzione: i fogli Accoglienze, Contributi, Convenzioni, Voci, Spese; la "
        "colonna IBAN del foglio Famiglie."
    )


def test_an_operator_export_imported_by_the_coordinator_keeps_the_iban(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    # GIVEN families with an IBAN
    admin = actors[Role.ADMIN]
    assert import_file(db, admin, _workbook(tmp_path / "a.xlsx", **_good_sheets())).ok
    # WHEN an operatore exports and a coordinatore imports that file back (a round trip)
    operator, coordinator = actors[Role.OPERATOR], actors[Role.COORDINATOR]
    target = tmp_path / "op.xlsx"
    with db.transaction(operator) as session:
        exchange.export_workbook(session, operator, target)
    assert import_file(db, coordinator, target).ok
    # THEN the IBAN the operatore could not see is still there
    with db.reading() as session:
        ibans = dict(session.execute(select(HostFamily.name, HostFamily.iban)).all())
    assert ibans == {"Famiglia Brunori": IBAN, "Famiglia Neri": None}
