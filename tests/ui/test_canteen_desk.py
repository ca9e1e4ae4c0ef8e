"""The canteen desk driven by the keyboard, as a USB reader types a card's code + Enter."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tit_desktop.models import Meal, MealType
from tit_desktop.services import canteen, persons
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.pages.canteen import GREEN, RED, CanteenPage


def _person(ctx: AppContext, code: str, last: str, first: str) -> int:
    data = persons.PersonInput(
        code=code, last_name=last, first_name=first, intake_date=dt.date(2024, 1, 1)
    )
    with ctx.db.transaction(ctx.actor) as session:
        return persons.create_person(session, ctx.actor, data).id


def _meals(ctx: AppContext) -> int:
    with ctx.db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Meal)) or 0)


def _page(qtbot: QtBot, ctx: AppContext) -> CanteenPage:
    page = CanteenPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 720)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitActive(page):
        page.activateWindow()
    assert page.desk is not None
    page.desk.set_meal(MealType.LUNCH)
    return page


def test_a_reader_typing_a_card_gets_a_green_confirmation(qtbot: QtBot, ctx: AppContext) -> None:
    person = _person(ctx, "TIU-00001", "Rossi", "Mario")
    with ctx.db.transaction(ctx.actor) as session:
        card = canteen.issue_card(session, ctx.actor, person)
    page = _page(qtbot, ctx)
    desk = page.desk
    assert desk is not None
    # GIVEN the cursor waiting in the scan field
    assert QApplication.focusWidget() is desk.scan
    # WHEN the reader types the code and Enter, key by key
    qtbot.keyClicks(QApplication.focusWidget(), card.code)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    # THEN a green panel names the person, the field is empty and has the cursor again
    assert "Rossi Mario" in desk.result.text() and GREEN in desk.result.styleSheet()
    assert desk.scan.text() == "" and QApplication.focusWidget() is desk.scan
    assert "1 pasto" in desk.seats_label.text()
    assert _meals(ctx) == 1
    page.desk.grab().save("/tmp/canteen-desk-green.png")
    # A second scan of the same card: red, with the time of the first
    qtbot.keyClicks(QApplication.focusWidget(), card.code)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert "Pranzo già registrato per Rossi Mario" in desk.result.text()
    assert RED in desk.result.styleSheet()
    assert _meals(ctx) == 1
    page.desk.grab().save("/tmp/canteen-desk-red.png")
    # An unknown card: red, nothing written
    qtbot.keyClicks(QApplication.focusWidget(), "00000777")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert "sconosciuto" in desk.result.text() and RED in desk.result.styleSheet()


def test_undo_and_the_meal_keys(qtbot: QtBot, ctx: AppContext) -> None:
    _person(ctx, "TIU-00001", "Rossi", "Mario")
    page = _page(qtbot, ctx)
    desk = page.desk
    assert desk is not None
    qtbot.keyClick(desk.scan, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert desk.current_meal is MealType.DINNER
    qtbot.keyClicks(QApplication.focusWidget(), "TIU-00001")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert "Cena" in desk.result.text() and _meals(ctx) == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _meals(ctx) == 0 and "annullato" in desk.result.text()
    assert QApplication.focusWidget() is desk.scan


def test_search_by_name_records_and_offers_a_card(qtbot: QtBot, ctx: AppContext) -> None:
    person = _person(ctx, "TIU-00002", "Bianchi", "Anna")
    page = _page(qtbot, ctx)
    desk = page.desk
    assert desk is not None
    qtbot.keyClick(desk.scan, Qt.Key.Key_F3)
    assert QApplication.focusWidget() is desk.search
    qtbot.keyClicks(desk.search, "bian")
    qtbot.waitUntil(lambda: desk.found.count() == 1)
    assert "senza tessera" in desk.found.item(0).text()
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    assert "Bianchi Anna" in desk.result.text() and "F4" in desk.result.text()
    assert desk.issue.isVisible() and _meals(ctx) == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F4)
    assert "Tessera rilasciata: n. 00000001" in desk.result.text()
    with ctx.db.reading() as session:
        assert [c.number for c in canteen.cards_of(session, ctx.actor, person)] == [1]


def test_the_rosters_show_the_day_and_the_month(
    qtbot: QtBot, ctx: AppContext, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    _person(ctx, "TIU-00001", "Rossi", "Mario")
    page = _page(qtbot, ctx)
    desk = page.desk
    assert desk is not None
    qtbot.keyClicks(desk.scan, "TIU-00001")
    qtbot.keyClick(desk.scan, Qt.Key.Key_Return)
    page.tabs.setCurrentWidget(page.rosters)
    page.rosters.meal.setCurrentIndex(1)
    assert page.rosters.model.rowCount() == 1
    assert page.rosters.model.index(0, 2).data() == "Rossi Mario"
    assert "1 pasto (" in page.rosters.month_title.text()
    qtmodeltester.check(page.rosters.model)
    page.grab().save("/tmp/canteen-rosters.png")


def test_the_cards_tab_issues_replaces_and_revokes(
    qtbot: QtBot, ctx: AppContext, monkeypatch, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    from tit_desktop.ui import questions

    monkeypatch.setattr(questions, "confirm", lambda *args, **kwargs: True)
    _person(ctx, "TIU-00001", "Rossi", "Mario")
    page = _page(qtbot, ctx)
    cards = page.cards
    page.tabs.setCurrentWidget(cards)
    qtbot.keyClicks(cards.search, "rossi")
    qtbot.waitUntil(lambda: cards.found.count() == 1)
    cards.found.setCurrentRow(0)
    assert cards.issue_button.isEnabled() and not cards.revoke_button.isEnabled()
    cards.issue_button.click()
    assert [c.code for c in cards.model._rows] == ["00000001"]
    assert not cards.issue_button.isEnabled() and cards.replace_button.isEnabled()
    cards.replace_button.click()
    assert [(c.code, c.status.value) for c in cards.model._rows] == [
        ("00000002", "attiva"),
        ("00000001", "sostituita"),
    ]
    assert cards.model.index(1, 4).data() == "00000002"
    page.grab().save("/tmp/canteen-cards.png")
    cards.revoke_button.click()
    assert [c.status.value for c in cards.model._rows] == ["revocata", "sostituita"]
    assert cards.issue_button.isEnabled()
    qtmodeltester.check(cards.model)


def test_hours_and_seats_are_saved_for_every_desk(qtbot: QtBot, ctx: AppContext) -> None:
    from PySide6.QtCore import QTime

    from tit_desktop.ui.pages.canteen import MealSettingsDialog

    dialog = MealSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    start, end, seats = dialog.rows[MealType.LUNCH]
    seats.setValue(40)
    end.setTime(QTime(16, 0))
    assert dialog._save()
    with ctx.db.reading() as session:
        lunch = canteen.meal_settings(session)[MealType.LUNCH]
    assert (lunch.ends_at, lunch.seats) == (dt.time(16, 0), 40)
    # Overlapping hours are refused, naming the meal, and nothing is saved.
    start.setTime(QTime(9, 0))
    assert not dialog._save()
    assert "Pranzo: " in dialog.errors.text() and "colazione" in dialog.errors.text()
    with ctx.db.reading() as session:
        assert canteen.meal_settings(session)[MealType.LUNCH].starts_at == dt.time(11, 30)
    dialog.guard.enabled = False
