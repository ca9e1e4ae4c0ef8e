"""Keyboard use: every Alt+letter does one thing in its window, the search box leads to the
list."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.demo_cache import fill_demo
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.main_window import MainWindow
from tit_desktop.ui.pages.persons import PersonsPage

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonic_of(text: str) -> str | None:
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def mnemonic_clashes(window: QWidget) -> dict[str, list[str]]:
    """The Alt+letter keys that more than one visible control of the window answers to:
    buttons, labels with a buddy, group boxes, tabs and the menu bar's titles; and, for
    each menu, the letters used twice inside it."""
    owners: dict[str, list[str]] = defaultdict(list)
    menus: list[QMenu] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if widget is not window and not widget.isVisibleTo(window):
            continue
        texts: list[str] = []
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                texts.append(action.text())
                if action.menu() is not None:
                    menus.append(action.menu())  # type: ignore[arg-type]
        for text in texts:
            key = mnemonic_of(text)
            if key:
                owners[key].append(text)
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    for menu in menus:
        inside: dict[str, list[str]] = defaultdict(list)
        for action in menu.actions():
            key = mnemonic_of(action.text())
            if key:
                inside[key].append(action.text())
        clashes.update({f"{menu.title()}:{k}": v for k, v in inside.items() if len(v) > 1})
    return clashes


def test_mnemonic_finder_finds_a_clash() -> None:
    assert mnemonic_of("&Apri") == "a"
    assert mnemonic_of("Salva && chiudi") is None
    assert mnemonic_of("Cambia &password…") == "p"


def test_each_alt_letter_is_unique_in_every_area_of_the_main_window(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    fill_demo(db, admin, people=5, seed=3)
    window = MainWindow(AppContext(db, admin))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    problems = {}
    for index, title in enumerate(window.area_titles()):
        window.show_area(index)
        page = window.stack.currentWidget()
        tabs = page.findChildren(QTabWidget)
        for tab_index in range(tabs[0].count() if tabs else 1):
            if tabs:
                tabs[0].setCurrentIndex(tab_index)
            clashes = mnemonic_clashes(window)
            if clashes:
                problems[f"{title}/{tab_index}"] = clashes
    assert problems == {}


def test_each_alt_letter_is_unique_in_the_person_record(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    from tit_desktop.ui.person_dialog import PersonDialog

    fill_demo(db, admin, people=3, seed=3)
    page = PersonsPage(AppContext(db, admin))
    qtbot.addWidget(page)
    dialog = PersonDialog(page.ctx, page.model.key_at(0), page)
    dialog.show()
    problems = {}
    for tabs in dialog.findChildren(QTabWidget):
        for tab_index in range(tabs.count()):
            tabs.setCurrentIndex(tab_index)
            clashes = mnemonic_clashes(dialog)
            if clashes:
                problems[tabs.tabText(tab_index)] = clashes
    assert problems == {}


def test_down_in_the_search_box_selects_the_first_row_of_the_list(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    fill_demo(db, admin, people=5, seed=3)
    page = PersonsPage(AppContext(db, admin))
    qtbot.addWidget(page)
    page.show()
    page.view.clearSelection()
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.focusWidget() is page.view
    assert page.selected_id() == page.model.key_at(0)


def test_enter_in_the_search_box_opens_the_selected_row(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    fill_demo(db, admin, people=5, seed=3)
    page = PersonsPage(AppContext(db, admin))
    qtbot.addWidget(page)
    page.show()
    opened: list[int] = []
    monkeypatch.setattr(page, "open_person", opened.append)
    page.view.selectRow(2)
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert opened == [page.model.key_at(2)]
    page.view.clearSelection()
    qtbot.keyClick(page.search, Qt.Key.Key_Enter)
    assert opened[-1] == page.model.key_at(0)


def test_each_alt_letter_is_unique_in_the_other_dialogs(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    from tit_desktop.ui.login import ChangePasswordDialog, FirstAdminDialog, LoginDialog
    from tit_desktop.ui.merge_dialog import MergeDialog
    from tit_desktop.ui.pages.admin import UserDialog
    from tit_desktop.ui.settings_dialog import SettingsDialog

    fill_demo(db, admin, people=5, seed=3)
    ctx = AppContext(db, admin)
    dialogs: list[QWidget] = [
        LoginDialog(db),
        FirstAdminDialog(db),
        ChangePasswordDialog(db, admin),
        SettingsDialog(),
        MergeDialog(ctx),
        UserDialog(ctx),
    ]
    problems = {}
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        clashes = mnemonic_clashes(dialog)
        if clashes:
            problems[type(dialog).__name__] = clashes
    assert problems == {}
