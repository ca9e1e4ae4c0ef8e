"""The monthly timesheet as a grid in the window: days and actions, typing in the cells,
totals that follow, one save for the month (all or nothing), read-only when the month is
closed or for the lettura role, the unsaved hours asked about before they are lost, and
reopening a closed month."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.unit.convention_fixtures import D, Plan, make_convention
from tit_desktop.models import CostCategory, Expenditure, Role, StaffMember, TimesheetEntry
from tit_desktop.services.convention import budget, staff
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui import convention_dialogs, questions
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.form_guard import settle_open_forms
from tit_desktop.ui.pages import convention as convention_page
from tit_desktop.ui.pages.convention import ConventionPage, StaffTab
from tit_desktop.ui.signals import app_signals
from tit_desktop.ui.timesheet_grid import EDITED_COLOUR, ERROR_COLOUR, REST_DAY_COLOUR

MARCH = dt.date(2021, 3, 1)
APRIL = dt.date(2021, 4, 1)


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


def _plan(db: Database, admin: Actor) -> tuple[Plan, int]:
    plan = make_convention(db, admin)
    with db.transaction(admin) as session:
        for name, action in (
            ("Personale accoglienza", "Accoglienza"),
            ("Personale mensa", "Mensa"),
        ):
            budget.create_line(
                session,
                admin,
                plan.convention_id,
                budget.LineInput(name, CostCategory.STAFF, D("1000.00"), action),
            )
        member = StaffMember(last_name="Rossi", first_name="Giulia")
        session.add(member)
        session.flush()
        staff.set_staff_cost(session, admin, member.id, 2021, D("32000.00"), 1548)
    return plan, member.id


def _tab(
    make_page: Callable[[AppContext], ConventionPage],
    db: Database,
    actor: Actor,
    month: dt.date = MARCH,
) -> StaffTab:
    page = make_page(AppContext(db, actor))
    tab = page.staff_tab
    assert tab is not None
    page.tabs.setCurrentWidget(tab)
    page.show()
    assert tab.show_month(month)
    return tab


def _type(qtbot: QtBot, tab: StaffTab, day: int, action: str, text: str) -> None:
    """Type in a cell as a user does: the first key opens the editor, Enter commits."""
    view = tab.grid.view
    index = tab.grid_model.index_of(tab.grid_model.days[day - 1], action)
    view.setCurrentIndex(index)
    qtbot.keyClick(view, text[0])
    editor = view.indexWidget(index)
    assert isinstance(editor, QLineEdit) and view.state() == view.State.EditingState
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits and closes the editor through a queued call.
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)


def _entries(db: Database) -> dict[tuple[dt.date, str], int]:
    with db.reading() as session:
        rows = session.execute(
            select(TimesheetEntry.work_date, TimesheetEntry.action, TimesheetEntry.minutes)
        )
        return {(r.work_date, r.action): r.minutes for r in rows}


def test_one_row_per_day_one_column_per_action(
    qtbot: QtBot,
    make_page: Callable[[AppContext], ConventionPage],
    db: Database,
    admin: Actor,
    qtmodeltester: ModelTester,
) -> None:
    _plan(db, admin)
    tab = _tab(make_page, db, admin, APRIL)
    model = tab.grid_model
    qtmodeltester.check(model)
    assert model.rowCount() == 30 + 1 and model.columnCount() == 2 + 1
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert header == ["Accoglienza", "Mensa", "Totale giorno"]
    days = [model.headerData(r, Qt.Orientation.Vertical) for r in (0, 3, 4, 30)]
    assert days == ["gio 01", "dom 04", "lun 05", "Totale"]
    # Sunday 4 and Easter Monday 5 April are shaded; Tuesday 6 is not.
    background = Qt.ItemDataRole.BackgroundRole
    assert model.index(3, 0).data(background).color() == REST_DAY_COLOUR
    assert model.index(4, 0).data(background).color() == REST_DAY_COLOUR
    assert model.index(5, 0).data(background) is None
    assert "Lunedì dell'Angelo" in model.headerData(
        4, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole
    )
    assert "25/04/2021 — Festa della Liberazione" in model.headerData(
        24, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole
    )
    # The totals' row is the footer's only row; the days are the table's.
    assert tab.grid.view.isRowHidden(30) and not tab.grid.view.isRowHidden(29)
    assert not tab.grid.footer.isRowHidden(30) and tab.grid.footer.isRowHidden(0)


def test_typing_totals_and_one_save(
    qtbot: QtBot, make_page: Callable[[AppContext], ConventionPage], db: Database, admin: Actor
) -> None:
    _plan(db, admin)
    tab = _tab(make_page, db, admin)
    model = tab.grid_model
    assert not tab.save_button.isEnabled()
    _type(qtbot, tab, 1, "Accoglienza", "7,5")
    _type(qtbot, tab, 2, "Accoglienza", "7:30")
    _type(qtbot, tab, 2, "Mensa", "1")
    # Enter moved the cursor to the day below.
    assert tab.grid.view.currentIndex().row() == 2
    assert model.index(0, 0).data() == "7:30"
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color() == EDITED_COLOUR
    assert model.index(1, 2).data() == "8:30"  # the day's total
    assert model.index(31, 0).data() == "15:00"  # the action's total
    assert model.index(31, 2).data() == "16:00"
    assert "Totale 16:00 ore" in tab.summary.text()
    assert "costo del mese 330,72 EUR" in tab.summary.text()  # 16 h x 20,67
    assert "non ancora salvate" in tab.summary.text()
    assert tab.save_button.isEnabled() and tab.guard.is_dirty()
    assert _entries(db) == {}
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert _entries(db) == {
        (MARCH, "Accoglienza"): 450,
        (dt.date(2021, 3, 2), "Accoglienza"): 450,
        (dt.date(2021, 3, 2), "Mensa"): 60,
    }
    assert not tab.guard.is_dirty() and not tab.save_button.isEnabled()
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "non ancora salvate" not in tab.summary.text()
    # Canc empties a cell; saving removes the hours.
    tab.grid.view.setCurrentIndex(model.index(1, 1))
    qtbot.keyClick(tab.grid.view, Qt.Key.Key_Delete)
    assert model.index(1, 1).data() == ""
    assert tab.save()
    assert (dt.date(2021, 3, 2), "Mensa") not in _entries(db)


def test_a_bad_cell_saves_nothing_and_is_named(
    qtbot: QtBot,
    make_page: Callable[[AppContext], ConventionPage],
    db: Database,
    admin: Actor,
    message_boxes: list[tuple[str, str]],
) -> None:
    _plan(db, admin)
    tab = _tab(make_page, db, admin)
    model = tab.grid_model
    _type(qtbot, tab, 1, "Accoglienza", "7")
    _type(qtbot, tab, 3, "Mensa", "sette")
    assert model.index(2, 1).data() == "sette"
    assert model.index(2, 1).data(Qt.ItemDataRole.BackgroundRole).color() == ERROR_COLOUR
    assert "non è un numero di ore" in model.index(2, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(31, 1).data() == "0:00"  # a bad cell counts nothing
    # The reason is written out under the totals, not only in the red cell's tooltip.
    assert "Da correggere: 03/03, Mensa: «sette» non è un numero di ore" in tab.summary.text()
    assert not tab.save()
    assert _entries(db) == {}
    assert "03/03/2021 (mer), «Mensa»: «sette» non è un numero di ore" in message_boxes[-1][1]
    assert tab.grid.view.currentIndex() == model.index(2, 1)
    # Corrected, the whole month goes in.
    _type(qtbot, tab, 3, "Mensa", "2")
    assert "Da correggere" not in tab.summary.text()
    assert tab.save()
    assert _entries(db) == {(MARCH, "Accoglienza"): 420, (dt.date(2021, 3, 3), "Mensa"): 120}


def test_more_than_24_hours_in_a_day_is_refused(
    qtbot: QtBot,
    make_page: Callable[[AppContext], ConventionPage],
    db: Database,
    admin: Actor,
    message_boxes: list[tuple[str, str]],
) -> None:
    _plan(db, admin)
    tab = _tab(make_page, db, admin)
    model = tab.grid_model
    _type(qtbot, tab, 4, "Accoglienza", "20")
    _type(qtbot, tab, 4, "Mensa", "5")
    total = model.index(3, 2)
    assert total.data() == "25:00"
    assert total.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert total.data(Qt.ItemDataRole.ToolTipRole) == "più di 24 ore in un giorno"
    assert not tab.save()
    assert (
        "04/03/2021 (gio): 25:00 ore in tutto: più di 24 ore in un giorno" in (message_boxes[-1][1])
    )
    assert _entries(db) == {}
    _type(qtbot, tab, 4, "Mensa", "30")  # one cell alone above 24 hours
    assert "più di 24 ore" in model.index(3, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_a_closed_month_is_read_only_and_reopens(
    qtbot: QtBot,
    make_page: Callable[[AppContext], ConventionPage],
    db: Database,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan, member = _plan(db, admin)
    with db.transaction(admin) as session:
        staff.record_month(
            session, admin, member, plan.convention_id, MARCH, {(MARCH, "Accoglienza"): "6"}
        )
        staff.close_month(session, admin, member, plan.convention_id, MARCH)
    tab = _tab(make_page, db, admin)
    model = tab.grid_model
    assert model.read_only and not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, 0), "8")
    assert "Mese chiuso" in tab.notice.text() and "Riapri il mese" in tab.notice.text()
    assert not tab.close_button.isEnabled() and tab.reopen_button.isEnabled()

    # GIVEN the reopen question answered with a reason
    def answer(dialog: convention_dialogs.ReopenMonthDialog) -> bool:
        assert dialog.cancel_button.isDefault() and not dialog.reopen_button.isDefault()
        assert not dialog.reopen()  # no reason: refused beside the field
        assert dialog.errors.text("reopen_reason") == "campo obbligatorio"
        dialog.reason.setText("ore del 1 marzo sbagliate")
        return dialog.reopen()

    monkeypatch.setattr(convention_page.ReopenMonthDialog, "exec", answer)
    qtbot.mouseClick(tab.reopen_button, Qt.MouseButton.LeftButton)
    # THEN the month is open again, its cost gone
    assert not model.read_only and model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert tab.notice.isHidden() and tab.close_button.isEnabled()
    with db.reading() as session:
        assert session.scalars(select(Expenditure.id)).all() == []


def test_the_reading_role_sees_the_grid_read_only(
    qtbot: QtBot,
    make_page: Callable[[AppContext], ConventionPage],
    db: Database,
    actors: dict[Role, Actor],
) -> None:
    plan, member = _plan(db, actors[Role.ADMIN])
    with db.transaction(actors[Role.ADMIN]) as session:
        staff.record_month(
            session,
            actors[Role.ADMIN],
            member,
            plan.convention_id,
            MARCH,
            {(MARCH, "Mensa"): "3"},
        )
    tab = _tab(make_page, db, actors[Role.READ_ONLY])
    model = tab.grid_model
    assert model.index(0, 1).data() == "3:00"
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, 1), "4")
    for button in (tab.save_button, tab.cost_button, tab.close_button, tab.reopen_button):
        assert button.isHidden()
    assert tab.notice.text() == "Sola lettura: il ruolo non permette di modificare le ore."
    assert not tab.guard.is_dirty()


def test_unsaved_hours_are_asked_about_before_another_month(
    qtbot: QtBot,
    make_page: Callable[[AppContext], ConventionPage],
    db: Database,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _plan(db, admin)
    tab = _tab(make_page, db, admin)
    answers: list[questions.SaveChoice] = []
    asked: list[str] = []

    def ask(parent: object) -> questions.SaveChoice:
        asked.append("Salvare le modifiche?")
        return answers.pop(0)

    monkeypatch.setattr(questions, "ask_save_changes", ask)
    _type(qtbot, tab, 1, "Mensa", "2")
    # "Annulla": the month stays, with the hours typed.
    answers.append(questions.SaveChoice.CANCEL)
    qtbot.mouseClick(tab.next_month, Qt.MouseButton.LeftButton)
    assert asked and tab.month.currentData() == MARCH
    assert tab.grid_model.index(0, 1).data() == "2:00" and tab.guard.is_dirty()
    # "Salva": saved, then April.
    answers.append(questions.SaveChoice.SAVE)
    qtbot.mouseClick(tab.next_month, Qt.MouseButton.LeftButton)
    assert tab.month.currentData() == APRIL
    assert _entries(db) == {(MARCH, "Mensa"): 120}
    # "Non salvare": the hours typed in April are dropped, May is shown.
    _type(qtbot, tab, 1, "Mensa", "4")
    answers.append(questions.SaveChoice.DISCARD)
    tab.month.setCurrentIndex(tab.month.currentIndex() + 1)
    assert tab.month.currentData() == dt.date(2021, 5, 1)
    assert _entries(db) == {(MARCH, "Mensa"): 120}
    assert not tab.guard.is_dirty() and tab.guard.enabled
    # Nothing typed, nothing asked.
    count = len(asked)
    tab.previous_month.click()
    assert len(asked) == count and tab.month.currentData() == APRIL


def test_unsaved_hours_are_asked_about_before_another_person(
    qtbot: QtBot,
    make_page: Callable[[AppContext], ConventionPage],
    db: Database,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _plan(db, admin)
    with db.transaction(admin) as session:
        session.add(StaffMember(last_name="Bianchi", first_name="Luca"))
    tab = _tab(make_page, db, admin)
    assert tab.person.currentText() == "Bianchi Luca"
    _type(qtbot, tab, 1, "Mensa", "2")
    monkeypatch.setattr(questions, "ask_save_changes", lambda _p: questions.SaveChoice.CANCEL)
    tab.person.setCurrentIndex(1)
    assert tab.person.currentText() == "Bianchi Luca" and tab.guard.is_dirty()
    monkeypatch.setattr(questions, "ask_save_changes", lambda _p: questions.SaveChoice.SAVE)
    tab.person.setCurrentIndex(1)
    assert tab.person.currentText() == "Rossi Giulia"
    assert tab.grid_model.index(0, 1).data() == ""
    with db.reading() as session:
        saved = session.scalars(select(TimesheetEntry.staff_member_id)).all()
        luca = session.scalar(select(StaffMember.id).where(StaffMember.first_name == "Luca"))
    assert saved == [luca]


def test_closing_the_window_asks_about_unsaved_hours(
    qtbot: QtBot,
    make_page: Callable[[AppContext], ConventionPage],
    db: Database,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _plan(db, admin)
    page = make_page(AppContext(db, admin))
    tab = page.staff_tab
    assert tab is not None and tab.show_month(MARCH)
    page.tabs.setCurrentWidget(page.budget_tab)  # the hours are on another tab
    tab.grid_model.setData(tab.grid_model.index(0, 0), "5")
    monkeypatch.setattr(questions, "ask_save_changes", lambda _p: questions.SaveChoice.CANCEL)
    assert not settle_open_forms(page)
    assert page.tabs.currentWidget() is tab  # brought to the front to be asked about
    monkeypatch.setattr(questions, "ask_save_changes", lambda _p: questions.SaveChoice.SAVE)
    assert settle_open_forms(page)
    assert _entries(db) == {(MARCH, "Accoglienza"): 300}


def test_switching_convention_asks_too(
    qtbot: QtBot,
    make_page: Callable[[AppContext], ConventionPage],
    db: Database,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _plan(db, admin)
    make_convention(db, admin, name="FAMI")
    page = make_page(AppContext(db, admin))
    tab = page.staff_tab
    assert tab is not None
    shown = page.current_id()
    assert tab.show_month(MARCH) or tab.month.count()
    tab.grid_model.setData(tab.grid_model.index(0, 0), "5")
    monkeypatch.setattr(questions, "ask_save_changes", lambda _p: questions.SaveChoice.CANCEL)
    page.chooser.setCurrentIndex(1 - page.chooser.currentIndex())
    assert page.current_id() == shown and tab.guard.is_dirty()


def test_the_close_question_is_not_asked_with_unsaved_hours_cancelled(
    qtbot: QtBot,
    make_page: Callable[[AppContext], ConventionPage],
    db: Database,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Closing posts what is saved: unsaved hours are settled first; "Annulla" stops there.
    _plan(db, admin)
    tab = _tab(make_page, db, admin)
    tab.grid_model.setData(tab.grid_model.index(0, 0), "5")
    monkeypatch.setattr(questions, "ask_save_changes", lambda _p: questions.SaveChoice.CANCEL)
    monkeypatch.setattr(QMessageBox, "exec", lambda _self: pytest.fail("no close question"))
    tab.close_button.click()
    assert tab.guard.is_dirty()


def test_closing_the_main_window_from_another_area_shows_the_hours_first(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tit_desktop.ui.main_window import MainWindow

    _plan(db, admin)
    window = MainWindow(AppContext(db, admin))
    qtbot.addWidget(window)
    page = window.page("convention")
    assert isinstance(page, ConventionPage) and page.staff_tab is not None
    tab = page.staff_tab
    assert tab.show_month(MARCH)
    tab.grid_model.setData(tab.grid_model.index(0, 0), "5")
    window.show_area("home")
    seen: list[tuple[object, object]] = []

    def ask(_parent: object) -> questions.SaveChoice:
        seen.append((window.stack.currentWidget(), page.tabs.currentWidget()))
        return questions.SaveChoice.CANCEL

    monkeypatch.setattr(questions, "ask_save_changes", ask)
    assert not settle_open_forms(window)
    assert seen == [(page, tab)]
    assert window.sidebar.currentRow() == window.area_titles().index("Convenzione")
    app_signals().changed.disconnect(page._changed)
