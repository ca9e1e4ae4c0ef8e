"""Every main screen renders at its default size with no button or label cut off.

With TIT_SCREENSHOT_DIR set, the screens are also saved as PNG files to look at.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tit_desktop.models import Role
from tit_desktop.services import demo
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.login import ChangePasswordDialog, FirstAdminDialog, LoginDialog
from tit_desktop.ui.main_window import MainWindow
from tit_desktop.ui.settings_dialog import SettingsDialog


def _save(widget: QWidget, name: str) -> None:
    folder = os.environ.get("TIT_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def _clipped(root: QWidget) -> list[str]:
    """Visible buttons and single-line labels narrower than their text needs."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            if widget.width() < widget.sizeHint().width():
                problems.append(
                    f"button {widget.text()!r}: {widget.width()} < {widget.sizeHint().width()}"
                )
        elif (
            isinstance(widget, QLabel)
            and widget.text()
            and not widget.wordWrap()
            and widget.width() < widget.minimumSizeHint().width()
        ):
            problems.append(
                f"label {widget.text()[:40]!r}: {widget.width()} < "
                f"{widget.minimumSizeHint().width()}"
            )
    return problems


def _show(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()


def test_dialogs_render_whole(qtbot: QtBot, db: Database, admin: Actor) -> None:
    for name, widget in (
        ("login", LoginDialog(db)),
        ("primo-avvio", FirstAdminDialog(db)),
        ("cambia-password", ChangePasswordDialog(db, admin)),
        ("impostazioni", SettingsDialog()),
    ):
        _show(qtbot, widget)
        assert _clipped(widget) == [], name
        _save(widget, f"{name}-{db.url.get_backend_name()}")


@pytest.mark.parametrize("role", [Role.ADMIN, Role.OPERATOR])
def test_main_window_areas_render_whole(
    qtbot: QtBot, db: Database, actors: dict[Role, Actor], role: Role
) -> None:
    if role is Role.ADMIN:
        demo.fill_demo_data(db, actors[role], people=60, seed=11)
    window = MainWindow(AppContext(db, actors[role]))
    _show(qtbot, window)
    for index, title in enumerate(window.area_titles()):
        window.show_area(index)
        qtbot.wait(10)
        assert _clipped(window) == [], title
        if db.is_sqlite:
            _save(window, f"finestra-{role.value}-{index:02d}")
    if role is Role.ADMIN:
        tabs = window.page("admin").tabs  # type: ignore[attr-defined]
        window.show_area("admin")
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            qtbot.wait(10)
            assert _clipped(window) == [], tabs.tabText(i)
            if db.is_sqlite:
                _save(window, f"amministrazione-{i}")
