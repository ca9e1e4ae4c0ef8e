"""Start-up: migrate, first administrator, main window, logout, login; settings; errors."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import PASSWORD
from tit_desktop.logging_setup import log_file, setup_logging
from tit_desktop.services import schema
from tit_desktop.services.database import Database
from tit_desktop.settings import Settings
from tit_desktop.ui import errors
from tit_desktop.ui.app import AppController
from tit_desktop.ui.login import FirstAdminDialog, LoginDialog
from tit_desktop.ui.main_window import MainWindow
from tit_desktop.ui.settings_dialog import SettingsDialog


@pytest.fixture
def no_quit(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    quits: list[bool] = []
    monkeypatch.setattr(AppController, "_quit", lambda self: quits.append(True))
    return quits


def test_first_start_creates_admin_and_opens_the_window_then_logout_and_login(
    qtbot: QtBot, tmp_path: Path, no_quit: list[bool]
) -> None:
    url = "sqlite:///" + (tmp_path / "primo-avvio.sqlite3").as_posix()
    controller = AppController(url)
    controller.start()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, FirstAdminDialog), timeout=10000)
    dialog = controller.dialog
    assert isinstance(dialog, FirstAdminDialog)
    assert controller.db is not None
    assert schema.status(controller.db).state is schema.SchemaState.CURRENT
    dialog.username.setText("anna")
    dialog.full_name.setText("Anna Bianchi")
    dialog.password.setText(PASSWORD)
    dialog.confirm.setText(PASSWORD)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: isinstance(controller.window, MainWindow))
    window = controller.window
    assert isinstance(window, MainWindow)
    assert window.user_label.text() == "Utente: Anna Bianchi (Amministratore)"
    controller.logout()
    assert controller.window is None
    assert isinstance(controller.dialog, LoginDialog)
    login = controller.dialog
    login.username.setText("anna")
    login.password.setText(PASSWORD)
    login.login_button.click()
    qtbot.waitUntil(lambda: isinstance(controller.window, MainWindow))
    assert no_quit == []
    # Closing the main window ends the application.
    controller.window.close()
    assert no_quit == [True]
    controller._close_db()


def test_first_start_with_demo_data(qtbot: QtBot, tmp_path: Path, no_quit: list[bool]) -> None:
    controller = AppController("sqlite:///" + (tmp_path / "demo.sqlite3").as_posix())
    controller.start()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, FirstAdminDialog), timeout=10000)
    dialog = controller.dialog
    assert isinstance(dialog, FirstAdminDialog)
    dialog.username.setText("anna")
    dialog.password.setText(PASSWORD)
    dialog.confirm.setText(PASSWORD)
    dialog.demo.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: isinstance(controller.window, MainWindow), timeout=20000)
    home = controller.window.page("home")
    assert "Beneficiari registrati: <b>120</b>" in home.figures.text()
    controller.window.close()
    controller._close_db()


def test_a_newer_database_is_refused_with_a_message(
    qtbot: QtBot, tmp_path: Path, no_quit: list[bool]
) -> None:
    path = tmp_path / "futuro.sqlite3"
    db = Database("sqlite:///" + path.as_posix())
    schema.upgrade(db)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '99999999zzzz'")
    db.dispose()
    controller = AppController("sqlite:///" + path.as_posix())
    controller.start()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, QMessageBox), timeout=10000)
    box = controller.dialog
    assert isinstance(box, QMessageBox)
    assert "versione più recente di TIT Desktop" in box.text()
    box.close()
    controller._close_db()


def test_settings_save_a_server_only_after_a_successful_test(
    qtbot: QtBot, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.local.isChecked()
    dialog.server.setChecked(True)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)  # nothing listens there
    dialog.dbname.setText("tit")
    dialog.user.setText("postgres")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result.text() == "Provate la connessione prima di salvare: deve riuscire."
    dialog.test.click()
    qtbot.waitUntil(
        lambda: dialog.test.isEnabled() and "Connessione in corso" not in dialog.result.text(),
        timeout=20000,
    )
    assert "connessione non riuscita" in dialog.result.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert Settings.load().database_url == ""
    if db_url.startswith("postgresql"):
        from sqlalchemy.engine import make_url

        url = make_url(db_url)
        dialog.host.setText(url.host or "")
        dialog.port.setValue(url.port or 5432)
        dialog.dbname.setText(url.database or "")
        dialog.test.click()
        qtbot.waitUntil(lambda: "Connessione riuscita" in dialog.result.text(), timeout=20000)
        with qtbot.waitSignal(dialog.accepted):
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        saved = make_url(Settings.load().database_url)
        assert (saved.host, saved.database) == (url.host, url.database)
    else:
        dialog.local.setChecked(True)
        dialog.file.setText(db_url.removeprefix("sqlite:///"))
        with qtbot.waitSignal(dialog.accepted):
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert Settings.load().database_url == db_url


def test_unexpected_errors_are_logged_with_traceback_and_shown(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup_logging()
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    errors.install_excepthook()
    try:
        raise ZeroDivisionError("divisione per zero nel calcolo")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file().read_text(encoding="utf-8")
    assert "Unexpected error" in text and "ZeroDivisionError: divisione per zero" in text
    assert "Traceback (most recent call last)" in text
    assert len(shown) == 1
    assert "I dati già salvati non sono stati toccati" in shown[0].text()
    assert str(log_file()) in shown[0].informativeText()
    sys.excepthook = sys.__excepthook__
    QApplication.processEvents()
