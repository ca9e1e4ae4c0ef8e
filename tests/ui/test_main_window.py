"""The main window: areas, keyboard navigation, status bar, admin screens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from tit_desktop.models import Role
from tit_desktop.services import users
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.main_window import MainWindow
from tit_desktop.ui.pages.admin import AdminPage, UserDialog, UsersTab

AREAS = [
    "Home",
    "Beneficiari",
    "Famiglie",
    "Alloggi",
    "Mensa",
    "Unità di strada",
    "Percorsi",
    "Convenzione",
    "Report",
    "Amministrazione",
]


def test_sidebar_lists_the_areas_and_keyboard_switches_them(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    assert window.area_titles() == AREAS
    assert window.stack.currentWidget() is window.page("home")
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.page("admin")
    qtbot.keyClick(window.sidebar, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    persons = window.page("persons")
    assert window.stack.currentWidget() is persons
    # The cursor waits in the search box: what is typed next is a search, not a jump of
    # the sidebar to the area whose name starts with that letter.
    assert persons.search.hasFocus()
    qtbot.keyClicks(persons.search, "Rossi")
    assert persons.search.text() == "Rossi"
    assert window.stack.currentWidget() is persons
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
    assert window.stack.currentWidget() is window.page("families")


def test_status_bar_names_user_and_database(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.user_label.text() == "Utente: Admin (Amministratore)"
    assert window.db_label.text() == f"Database: {ctx.db.describe()}"
    if ctx.db.is_sqlite:
        assert window.db_label.text().startswith("Database: SQLite: ")
    else:
        assert "PostgreSQL: " in window.db_label.text() and "@" in window.db_label.text()


@pytest.mark.parametrize(
    ("role", "tabs"),
    [
        (Role.ADMIN, ["Utenti", "Registro attività", "Database"]),
        (Role.COORDINATOR, ["Registro attività", "Database"]),
        (Role.OPERATOR, []),
        (Role.READ_ONLY, []),
    ],
)
def test_admin_area_shows_what_the_role_may_use(
    qtbot: QtBot, db: Database, actors: dict[Role, Actor], role: Role, tabs: list[str]
) -> None:
    page = AdminPage(AppContext(db, actors[role]))
    qtbot.addWidget(page)
    tab_widget: QTabWidget = page.tabs
    assert [tab_widget.tabText(i) for i in range(tab_widget.count())] == tabs


def test_users_tab_adds_a_user_who_must_change_password(qtbot: QtBot, ctx: AppContext) -> None:
    tab = UsersTab(ctx)
    qtbot.addWidget(tab)
    assert tab.model.rowCount() == 1
    dialog = UserDialog(ctx, parent=tab)
    dialog.username.setText("nuovo.operatore")
    dialog.full_name.setText("Nuovo Operatore")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.OPERATOR))
    dialog.password.setText("corta")
    dialog._save()
    assert dialog.errors.text("password") == "deve avere almeno 8 caratteri"
    dialog.password.setText("Provvisoria-123")
    dialog._save()
    assert dialog.result() == dialog.DialogCode.Accepted
    # The application-wide "changed" signal refreshed the list.
    assert [tab.model.row_at(r).username for r in range(tab.model.rowCount())] == [
        "admin",
        "nuovo.operatore",
    ]
    assert tab.model.index(1, 3).data() == "attivo (deve cambiare password)"
    actor = users.login(ctx.db, "nuovo.operatore", "Provvisoria-123")
    assert actor.role is Role.OPERATOR
