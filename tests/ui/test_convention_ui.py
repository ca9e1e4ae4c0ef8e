"""The Convenzione area in the window: roles, the expenditure form's errors beside their
fields, the lock refused in the window, the budget warning, the register's totals."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.unit.convention_fixtures import D, make_convention, spend
from tit_desktop.models import BudgetLine, Expenditure, Role
from tit_desktop.services.convention import budget, expenditures, payment_requests
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.convention_dialogs import ExpenditureDialog
from tit_desktop.ui.pages.convention import ConventionPage


def _count(db: Database) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Expenditure)) or 0)


def test_an_operator_is_told_the_area_is_closed(
    qtbot: QtBot, db: Database, actors: dict[Role, Actor]
) -> None:
    make_convention(db, actors[Role.ADMIN])
    page = ConventionPage(AppContext(db, actors[Role.OPERATOR]))
    qtbot.addWidget(page)
    assert "non permette di leggere i dati economici" in page.denied.text()
    assert page.chooser.isHidden() and page.tabs.isHidden()


def test_the_expenditure_form_shows_errors_beside_fields_and_writes_nothing(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    plan = make_convention(db, admin)
    dialog = ExpenditureDialog(AppContext(db, admin), plan.convention_id)
    qtbot.addWidget(dialog)
    dialog.number.setText("12/2021")
    dialog.document_date.setText("15/03/2021")
    dialog.supplier_name.setText("Cartoleria del Passetto snc")
    dialog.supplier_tax_code.setText("02345670421")  # wrong check digit
    dialog.amount.setText("1,234.56")  # English form: refused
    dialog.line.setCurrentIndex(dialog.line.findData(plan.goods))
    assert not dialog.save()
    assert "non è un importo" in dialog.errors.text("amount")
    assert "cifra di controllo" in dialog.errors.text("supplier_tax_code")
    dialog.amount.setText("1.234,56")
    dialog.eligible.setText("1.300,00")
    dialog.supplier_tax_code.setText("02345670422")
    assert not dialog.save()
    assert "non può superare" in dialog.errors.text("eligible")
    assert _count(db) == 0
    dialog.eligible.setText("1.000,00")
    assert dialog.save()
    with db.reading() as session:
        saved = session.scalars(select(Expenditure)).one()
    assert (saved.amount, saved.eligible) == (D("1234.56"), D("1000.00"))


def test_a_locked_expenditure_opens_read_only_in_the_window(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    plan = make_convention(db, admin)
    with db.transaction(admin) as session:
        own = expenditures.create_expenditure(
            session, admin, plan.convention_id, spend(plan.goods, "10")
        ).id
        payment_requests.submit(
            session, admin, plan.convention_id, dt.date(2021, 1, 1), dt.date(2021, 12, 31)
        )
    dialog = ExpenditureDialog(AppContext(db, admin), plan.convention_id, own)
    qtbot.addWidget(dialog)
    assert dialog.save_button.isHidden()
    assert dialog.amount.isReadOnly()
    assert "domanda di rimborso n. 1" in dialog.notice.text()


def test_read_only_role_reads_without_editing(
    qtbot: QtBot, db: Database, actors: dict[Role, Actor]
) -> None:
    plan = make_convention(db, actors[Role.ADMIN])
    with db.transaction(actors[Role.ADMIN]) as session:
        own = expenditures.create_expenditure(
            session, actors[Role.ADMIN], plan.convention_id, spend(plan.goods, "10")
        ).id
    ctx = AppContext(db, actors[Role.READ_ONLY])
    page = ConventionPage(ctx)
    qtbot.addWidget(page)
    assert page.new_button.isHidden() and page.expenditures_tab.new_button.isHidden()
    assert page.expenditures_tab.model.rowCount() == 1
    dialog = ExpenditureDialog(ctx, plan.convention_id, own)
    qtbot.addWidget(dialog)
    assert dialog.save_button.isHidden() and dialog.supplier_name.isReadOnly()


def test_budget_warning_and_register_totals(qtbot: QtBot, db: Database, admin: Actor) -> None:
    plan = make_convention(db, admin)
    with db.transaction(admin) as session:
        expenditures.create_expenditure(
            session, admin, plan.convention_id, spend(plan.goods, "1234.56")
        )
        version = session.get_one(BudgetLine, plan.staff).version
        budget.vary_line(
            session, admin, plan.staff, version, dt.date(2022, 1, 1), D("49000.00"), "meno ore"
        )
    page = ConventionPage(AppContext(db, admin))
    qtbot.addWidget(page)
    text = page.budget_tab.balance.text()
    assert "non corrispondono al totale" in text and "1.000,00" in text
    assert page.budget_tab.variations.rowCount() == 1
    assert "1 spese, importo 1.234,56 EUR" in page.expenditures_tab.totals.text()
    page.expenditures_tab.search.setText("nessuno così")
    assert page.expenditures_tab.model.rowCount() == 0


def test_staff_tab_shows_the_month_and_its_cost(qtbot: QtBot, db: Database, admin: Actor) -> None:
    from tit_desktop.models import StaffMember
    from tit_desktop.services.convention import staff

    plan = make_convention(db, admin)
    with db.transaction(admin) as session:
        member = StaffMember(last_name="Rossi", first_name="Giulia")
        session.add(member)
        session.flush()
        staff.set_staff_cost(session, admin, member.id, 2021, D("32000.00"), 1548)
        staff.record_hours(
            session, admin, member.id, plan.convention_id, dt.date(2021, 3, 1), "Mensa", 450
        )
    page = ConventionPage(AppContext(db, admin))
    qtbot.addWidget(page)
    assert page.staff_tab is not None
    assert page.staff_tab.show_month(dt.date(2021, 3, 1))
    # March as a grid: 31 days and the totals; the hours typed earlier on their action.
    grid = page.staff_tab.grid_model
    assert grid.rowCount() == 32 and grid.actions == ["Attività generale", "Mensa"]
    assert grid.index(0, 1).data() == "7:30"
    assert "Totale 7:30 ore" in page.staff_tab.summary.text()
    assert "costo del mese 155,03 EUR" in page.staff_tab.summary.text()
    assert (staff.parse_hours("7:30"), staff.parse_hours("7,5"), staff.parse_hours("8")) == (
        450,
        450,
        480,
    )


def test_an_expenditure_keeps_its_scan(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    tmp_path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    import tit_desktop.ui.convention_dialogs as dialogs
    from tit_desktop.models import ConventionDocument

    plan = make_convention(db, admin)
    scan = tmp_path / "fattura-12.pdf"
    scan.write_bytes(b"%PDF-1.4 fattura 12/2021")
    # The file dialog itself answers (not the helper around it), so the helper's real
    # return shape is what the form receives.
    monkeypatch.setattr(
        dialogs.open_file.__globals__["QFileDialog"],
        "getOpenFileName",
        staticmethod(lambda *a, **k: (str(scan), "")),
    )
    dialog = ExpenditureDialog(AppContext(db, admin), plan.convention_id)
    qtbot.addWidget(dialog)
    assert not dialog.guard.is_dirty() and not dialog.copy_button.isEnabled()
    dialog.number.setText("12/2021")
    dialog.document_date.setText("15/03/2021")
    dialog.supplier_name.setText("Cartoleria del Passetto snc")
    dialog.amount.setText("100,00")
    dialog.line.setCurrentIndex(dialog.line.findData(plan.goods))
    dialog.attach_button.click()
    assert dialog.document_name.text() == "fattura-12.pdf" and dialog.guard.is_dirty()
    assert dialog.save()
    with db.reading() as session:
        saved = session.scalars(select(Expenditure)).one()
        document = session.get(ConventionDocument, saved.document_id)
        assert document is not None and document.content == scan.read_bytes()
        assert document.media_type == "application/pdf"
    # Reopened and changed elsewhere: the scan stays, and a copy can be saved.
    again = ExpenditureDialog(AppContext(db, admin), plan.convention_id, saved.id)
    qtbot.addWidget(again)
    assert again.document_name.text() == "fattura-12.pdf" and again.copy_button.isEnabled()
    again.description.setText("Cancelleria")
    assert again.save()
    with db.reading() as session:
        assert session.get(Expenditure, saved.id).document_id == saved.document_id  # type: ignore[union-attr]
    copy = tmp_path / "copia.pdf"
    third = ExpenditureDialog(AppContext(db, admin), plan.convention_id, saved.id)
    qtbot.addWidget(third)
    monkeypatch.setattr(
        dialogs.save_file.__globals__["QFileDialog"],
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(copy), "")),
    )
    third.copy_button.click()
    assert copy.read_bytes() == scan.read_bytes()
