"""The Convenzione area's small forms that replaced chains of input boxes: a staff member's
annual cost, a new deadline, a deadline done, an extension, a partner; each shows its
errors beside the field and writes nothing, then saves; extensions and partners are removed
from the convention's form after a question whose default is No."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.unit.convention_fixtures import D, make_convention
from tit_desktop.models import (
    ConventionExtension,
    ConventionPartner,
    Deadline,
    Organisation,
    Recurrence,
    Role,
    StaffCost,
    StaffMember,
)
from tit_desktop.services.convention import conventions, deadlines
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui import questions
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.convention_dialogs import (
    ConventionDialog,
    DeadlineDialog,
    DeadlineDoneDialog,
    ExtensionDialog,
    PartnerDialog,
    StaffCostDialog,
)
from tit_desktop.ui.pages.convention import ConventionPage
from tit_desktop.ui.signals import app_signals


@pytest.fixture
def make_page(qtbot: QtBot) -> Iterator[Callable[[AppContext], ConventionPage]]:
    """Pages built by the test, unhooked from the application-wide "changed" signal at its
    end: a page left alive would otherwise refresh against the next test's database."""
    made: list[ConventionPage] = []

    def make(ctx: AppContext) -> ConventionPage:
        page = ConventionPage(ctx)
        qtbot.addWidget(page)
        made.append(page)
        return page

    yield make
    for page in made:
        with contextlib.suppress(RuntimeError, TypeError):
            app_signals().changed.disconnect(page._changed)


def _count(db: Database, model: type) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _member(db: Database, admin: Actor) -> int:
    with db.transaction(admin) as session:
        member = StaffMember(last_name="Rossi", first_name="Giulia")
        session.add(member)
        session.flush()
        return member.id


def _organisations(db: Database, admin: Actor, *names: str) -> list[int]:
    with db.transaction(admin) as session:
        found = [Organisation(name=name) for name in names]
        session.add_all(found)
        session.flush()
        return [o.id for o in found]


def test_staff_cost_shows_the_hourly_cost_and_refuses_words(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    member = _member(db, admin)
    dialog = StaffCostDialog(AppContext(db, admin), member, "Rossi Giulia", 2021)
    qtbot.addWidget(dialog)
    assert dialog.year.value() == 2021 and dialog.hourly.text() == "—"
    dialog.annual_gross.setText("trentaduemila")
    assert not dialog.save()
    assert "non è un importo" in dialog.errors.text("annual_gross")
    assert _count(db, StaffCost) == 0
    dialog.annual_gross.setText("32.000,00")
    assert dialog.errors.text("annual_gross") == ""  # the error follows the input
    dialog.annual_hours.setValue(1548)
    assert dialog.hourly.text() == "20,67 EUR l'ora"
    dialog.annual_hours.setValue(1600)
    assert dialog.hourly.text() == "20,00 EUR l'ora"
    assert dialog.save()
    with db.reading() as session:
        cost = session.scalars(select(StaffCost)).one()
    assert (cost.year, cost.annual_gross, cost.annual_hours) == (2021, D("32000.00"), 1600)
    # Opened again for that year, it shows what is stored.
    again = StaffCostDialog(AppContext(db, admin), member, "Rossi Giulia", 2021)
    qtbot.addWidget(again)
    assert again.annual_gross.text() == "32.000,00" and again.annual_hours.value() == 1600
    assert not again.guard.is_dirty()


def test_a_new_deadline_with_its_recurrence(qtbot: QtBot, db: Database, admin: Actor) -> None:
    plan = make_convention(db, admin)  # ends 30/06/2023
    dialog = DeadlineDialog(AppContext(db, admin), plan.convention_id)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Relazione trimestrale")
    dialog.due_on.setText("31/02/2023")
    assert not dialog.save()
    assert "data inesistente" in dialog.errors.text("due_on")
    assert dialog.errors.text("title") == ""
    assert _count(db, Deadline) == 0
    dialog.due_on.setText("30/04/2023")
    dialog.recurrence.setCurrentIndex(dialog.recurrence.findData(Recurrence.QUARTERLY))
    dialog.remind_days.setValue(20)
    assert dialog.save()
    with db.reading() as session:
        rows = deadlines.deadlines(session, admin, plan.convention_id)
    # Every three months up to three months after the end (30/09/2023).
    assert [(r.due_on, r.remind_days, r.recurrence) for r in rows] == [
        (dt.date(2023, 4, 30), 20, Recurrence.QUARTERLY),
        (dt.date(2023, 7, 30), 20, Recurrence.QUARTERLY),
    ]


def test_a_deadline_done_needs_its_document(qtbot: QtBot, db: Database, admin: Actor) -> None:
    plan = make_convention(db, admin)
    with db.transaction(admin) as session:
        deadlines.add_deadline(
            session, admin, plan.convention_id, "Relazione intermedia", dt.date(2022, 1, 31)
        )
    with db.reading() as session:
        row = deadlines.deadlines(session, admin, plan.convention_id)[0]
    dialog = DeadlineDoneDialog(AppContext(db, admin), row)
    qtbot.addWidget(dialog)
    dialog.done_on.setText("28/01/2022")
    assert not dialog.save()
    assert dialog.errors.text("done_document") == "campo obbligatorio"
    dialog.done_on.setText("28/01/2099")
    assert not dialog.save()
    assert dialog.errors.text("done_on") == "la data non può essere futura"
    dialog.done_on.setText("28/01/2022")
    dialog.document.setText("Relazione inviata con PEC prot. 1234")
    assert dialog.save()
    with db.reading() as session:
        done = session.scalars(select(Deadline)).one()
    assert (done.done_on, done.done_document) == (
        dt.date(2022, 1, 28),
        "Relazione inviata con PEC prot. 1234",
    )


def test_an_extension_after_the_current_end(qtbot: QtBot, db: Database, admin: Actor) -> None:
    plan = make_convention(db, admin)  # ends 30/06/2023
    dialog = ExtensionDialog(AppContext(db, admin), plan.convention_id, dt.date(2023, 6, 30))
    qtbot.addWidget(dialog)
    dialog.new_end.setText("31/05/2023")
    assert not dialog.save()
    assert dialog.errors.text("new_end") == (
        "la nuova fine deve essere dopo la fine attuale (30/06/2023)"
    )
    assert dialog.errors.text("reason") == "campo obbligatorio"
    assert _count(db, ConventionExtension) == 0
    dialog.new_end.setText("31/12/2023")
    dialog.reason.setText("Proroga per completare i percorsi")
    dialog.granted_on.setText("22/05/2023")
    assert dialog.save()
    with db.reading() as session:
        extension = session.scalars(select(ConventionExtension)).one()
    assert (extension.new_end, extension.reason, extension.granted_on) == (
        dt.date(2023, 12, 31),
        "Proroga per completare i percorsi",
        dt.date(2023, 5, 22),
    )


def test_a_partner_and_its_share_of_the_total(qtbot: QtBot, db: Database, admin: Actor) -> None:
    plan = make_convention(db, admin)  # total 100.000,00 EUR
    caritas, ponte = _organisations(db, admin, "Caritas Ancona", "Cooperativa Il Ponte")
    with db.transaction(admin) as session:
        conventions.set_partner(session, admin, plan.convention_id, ponte, D("10000.00"))
    dialog = PartnerDialog(
        AppContext(db, admin), plan.convention_id, D("100000.00"), taken=frozenset({ponte})
    )
    qtbot.addWidget(dialog)
    # The organisation already a partner is changed from its own row, not offered here.
    offered = [dialog.organisation.itemData(i) for i in range(dialog.organisation.count())]
    assert offered == [None, caritas]
    dialog.share.setText("1,234.56")
    assert not dialog.save()
    assert dialog.errors.text("organisation") == "campo obbligatorio"
    assert "non è un importo" in dialog.errors.text("share")
    dialog.share.setText("120.000,00")
    assert "supera l'importo totale" in dialog.problems()["share"]
    dialog.share.setText("12.345,67")
    assert dialog.percent.text() == "12,35% dell'importo totale (100.000,00 EUR)"
    dialog.organisation.setCurrentIndex(1)
    dialog.role.setText("capofila")
    assert dialog.save()
    with db.reading() as session:
        partner = session.scalars(
            select(ConventionPartner).where(ConventionPartner.organisation_id == caritas)
        ).one()
    assert (partner.share, partner.role) == (D("12345.67"), "capofila")


def _convention_dialog(qtbot: QtBot, db: Database, admin: Actor) -> tuple[ConventionDialog, int]:
    plan = make_convention(db, admin)
    (ponte,) = _organisations(db, admin, "Cooperativa Il Ponte")
    with db.transaction(admin) as session:
        conventions.add_extension(
            session, admin, plan.convention_id, dt.date(2023, 12, 3), "Proroga ministeriale"
        )
        conventions.set_partner(session, admin, plan.convention_id, ponte, D("25000.00"))
    dialog = ConventionDialog(AppContext(db, admin), plan.convention_id)
    qtbot.addWidget(dialog)
    return dialog, plan.convention_id


def test_the_convention_lists_and_removes_extensions_and_partners(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog, _cid = _convention_dialog(qtbot, db, admin)
    assert dialog.extensions.item(0).text() == "al 03/12/2023 (Proroga ministeriale)"
    assert dialog.partners.item(0).text() == "Cooperativa Il Ponte: 25.000,00 EUR (25,00%)"
    assert not dialog.remove_extension_button.isEnabled()
    # GIVEN the question answered with its default (Enter): nothing is removed
    defaults: list[str] = []

    def press_enter(box: QMessageBox) -> int:
        defaults.append(box.defaultButton().text())
        box.defaultButton().click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press_enter)
    dialog.extensions.setCurrentRow(0)
    assert dialog.remove_extension_button.isEnabled()
    qtbot.mouseClick(dialog.remove_extension_button, Qt.MouseButton.LeftButton)
    dialog.partners.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_partner_button, Qt.MouseButton.LeftButton)
    assert defaults == ["No", "No"]
    assert _count(db, ConventionExtension) == 1 and _count(db, ConventionPartner) == 1
    # WHEN the risky button is clicked: removed, and the lists say so
    monkeypatch.setattr(questions, "confirm", lambda *_a, **_k: True)
    dialog.extensions.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_extension_button, Qt.MouseButton.LeftButton)
    dialog.partners.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_partner_button, Qt.MouseButton.LeftButton)
    assert _count(db, ConventionExtension) == 0 and _count(db, ConventionPartner) == 0
    assert dialog.extensions.item(0).text() == "nessuna"
    assert dialog.partners.item(0).text() == "nessuno"
    assert not dialog.guard.is_dirty()  # saved at once, not edits of the form


def test_the_convention_opens_the_extension_and_partner_forms(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog, _cid = _convention_dialog(qtbot, db, admin)
    opened: list[object] = []

    def fill_extension(form: ExtensionDialog) -> bool:
        opened.append(form)
        assert form.current_end == dt.date(2023, 12, 3)
        form.new_end.setText("31/03/2024")
        form.reason.setText("Seconda proroga")
        return form.save()

    def edit_partner(form: PartnerDialog) -> bool:
        opened.append(form)
        assert not form.organisation.isEnabled()
        assert form.share.text() == "25.000,00"
        form.share.setText("30.000,00")
        return form.save()

    monkeypatch.setattr(ExtensionDialog, "exec", fill_extension)
    monkeypatch.setattr(PartnerDialog, "exec", edit_partner)
    qtbot.mouseClick(dialog.extension_button, Qt.MouseButton.LeftButton)
    dialog.partners.setCurrentRow(0)
    qtbot.mouseClick(dialog.edit_partner_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 2
    assert dialog.extensions.count() == 2
    assert dialog.extensions.item(1).text().startswith("al 31/03/2024 (Seconda proroga")
    assert dialog.partners.item(0).text() == "Cooperativa Il Ponte: 30.000,00 EUR (30,00%)"


def test_the_deadlines_tab_opens_the_forms(
    qtbot: QtBot,
    make_page: Callable[[AppContext], ConventionPage],
    db: Database,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_convention(db, admin)
    page = make_page(AppContext(db, admin))
    tab = page.deadlines_tab

    def new(form: DeadlineDialog) -> bool:
        form.title_edit.setText("Rendiconto finale")
        form.due_on.setText("30/09/2023")
        return form.save()

    def done(form: DeadlineDoneDialog) -> bool:
        assert form.row.title == "Rendiconto finale"
        form.document.setText("Rendiconto prot. 99")
        return form.save()

    monkeypatch.setattr(DeadlineDialog, "exec", new)
    monkeypatch.setattr(DeadlineDoneDialog, "exec", done)
    tab.new_button.click()
    assert tab.model.rowCount() == 1
    tab.view.selectRow(0)
    tab.done_button.click()
    assert tab.model.row_at(0).done_document == "Rendiconto prot. 99"


def test_forms_read_only_for_the_reading_role(
    qtbot: QtBot, db: Database, actors: dict[Role, Actor]
) -> None:
    admin = actors[Role.ADMIN]
    reader = actors[Role.READ_ONLY]
    _dialog, cid = _convention_dialog(qtbot, db, admin)
    view = ConventionDialog(AppContext(db, reader), cid)
    qtbot.addWidget(view)
    for button in (
        view.extension_button,
        view.remove_extension_button,
        view.partner_button,
        view.remove_partner_button,
    ):
        assert button.isHidden()
    member = _member(db, admin)
    cost = StaffCostDialog(AppContext(db, reader), member, "Rossi Giulia", 2021)
    qtbot.addWidget(cost)
    assert cost.save_button.isHidden() and cost.annual_gross.isReadOnly()
