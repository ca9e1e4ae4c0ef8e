"""Login, first administrator and change-password dialogs."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.conftest import PASSWORD, make_user
from tit_desktop.models import Role
from tit_desktop.services import users
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui.login import ChangePasswordDialog, FirstAdminDialog, LoginDialog


def test_login_dialog_accepts_the_right_password(qtbot: QtBot, db: Database, admin: Actor) -> None:
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    assert db.describe() in dialog.database.text()
    with qtbot.waitExposed(dialog):
        dialog.show()
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.username == "admin"


def test_login_dialog_shows_the_refusal_and_clears_the_password(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("admin")
    dialog.password.setText("sbagliata-123")
    dialog.login_button.click()
    assert dialog.isVisible() and dialog.actor is None
    assert dialog.message.text() == "Nome utente o password non corretti."
    assert dialog.password.text() == ""
    assert dialog.username.text() == "admin"  # what the user typed is kept


def test_login_dialog_locks_after_five_failures(qtbot: QtBot, db: Database, admin: Actor) -> None:
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.username.setText("admin")
    for _ in range(5):
        dialog.password.setText("sbagliata-123")
        dialog.login_button.click()
    # The fifth wrong password reads like the others; the lock shows with the right one.
    assert dialog.message.text() == "Nome utente o password non corretti."
    dialog.password.setText(PASSWORD)
    dialog.login_button.click()
    assert dialog.actor is None and "bloccato fino alle" in dialog.message.text()


def test_first_admin_dialog_creates_and_logs_in(qtbot: QtBot, db: Database) -> None:
    dialog = FirstAdminDialog(db)
    qtbot.addWidget(dialog)
    dialog.username.setText("Anna.Rossi")
    dialog.full_name.setText("Anna Rossi")
    dialog.password.setText("Una-password-1")
    dialog.confirm.setText("Altra-password-1")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert dialog.errors.text("confirm") == "le due password non coincidono"
    dialog.confirm.setText("Una-password-1")
    dialog.password.setText("Una-password-1")
    dialog.username.setText("a")
    ok.click()
    assert dialog.errors.text("username").startswith("da 3 a 64 caratteri")
    assert dialog.actor is None
    dialog.username.setText("Anna.Rossi")
    dialog.demo.setChecked(True)
    with qtbot.waitSignal(dialog.accepted):
        ok.click()
    assert dialog.actor is not None and dialog.actor.username == "anna.rossi"
    assert dialog.wants_demo
    with db.reading() as session:
        assert [u.username for u in users.list_users(session, dialog.actor)] == ["anna.rossi"]


def test_change_password_dialog_names_the_field(qtbot: QtBot, db: Database, admin: Actor) -> None:
    dialog = ChangePasswordDialog(db, admin)
    qtbot.addWidget(dialog)
    dialog.old.setText(PASSWORD)
    dialog.new.setText("corta")
    dialog.confirm.setText("corta")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.errors.text("new_password") == "deve avere almeno 8 caratteri"
    dialog.new.setText("Nuova-lunga-22")
    dialog.confirm.setText("Nuova-lunga-22")
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert users.login(db, "admin", "Nuova-lunga-22").username == "admin"


def test_login_dialog_says_to_retry_when_the_database_is_busy(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    make_user(sqlite_db, "admin", Role.ADMIN)
    # Another PC holds the write lock longer than the (here shortened) busy timeout.
    busy_db = Database(sqlite_db.url, sqlite_busy_timeout_ms=200)
    holder = sqlite3.connect(str(sqlite_db.sqlite_path), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    dialog = LoginDialog(busy_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("admin")
    dialog.password.setText(PASSWORD)
    try:
        dialog.login_button.click()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert dialog.isVisible() and dialog.actor is None
    assert dialog.message.text().startswith(
        "Il database è occupato da un'altra postazione: riprovare tra qualche istante."
    )
    assert dialog.password.text() == PASSWORD  # nothing to type again: just retry
    dialog.grab().save("/tmp/login-busy.png")
    dialog.login_button.click()
    assert dialog.actor is not None
    busy_db.dispose()
