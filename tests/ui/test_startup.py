"""The login window comes first: showing it loads neither the database code nor Alembic,
ReportLab or openpyxl, and opening a database that is up to date does not load Alembic."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import PASSWORD, make_user
from tit_desktop.models import Role
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui.app import AppController, lock_sqlite_file
from tit_desktop.ui.login import LoginDialog

PROBE = r"""
import json, sys
from PySide6.QtCore import QTimer
from tit_desktop.ui.app import AppController, create_application
from tit_desktop.ui.login import LoginDialog

HEAVY = ("alembic", "reportlab", "openpyxl", "sqlalchemy", "argon2", "tit_desktop.models")

def loaded():
    return sorted({name for name in sys.modules for heavy in HEAVY
                   if name == heavy or name.startswith(heavy + ".")})

app = create_application([])
controller = AppController(sys.argv[1])
controller.start()
login = controller.dialog
assert isinstance(login, LoginDialog)
result = {}

def painted():
    result["shown"] = loaded()
    result["ready_when_shown"] = login.ready

def poll():
    if login.ready:
        result["ready"] = loaded()
        print(json.dumps(result), flush=True)
        app.exit(0)
    else:
        QTimer.singleShot(5, poll)

login.painted.connect(painted)
poll()
QTimer.singleShot(60000, lambda: app.exit(3))
sys.exit(app.exec())
"""


def _top_level(names: list[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


def test_the_login_window_shows_before_the_database_code_loads(sqlite_db: Database) -> None:
    # GIVEN a database at head with one user
    make_user(sqlite_db, "admin", Role.ADMIN)
    url = sqlite_db.url.render_as_string(hide_password=False)
    sqlite_db.dispose()
    # WHEN the application starts on it, in a new Python process
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, url],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    # THEN the window was drawn with none of the heavy modules loaded
    assert result["shown"] == []
    assert result["ready_when_shown"] is False
    # AND once the login can be used (database open, schema checked, users known), the
    # database code is there but Alembic, ReportLab and openpyxl are still not loaded
    assert {"sqlalchemy", "argon2", "tit_desktop"} <= _top_level(result["ready"])
    assert not {"alembic", "reportlab", "openpyxl"} & _top_level(result["ready"])


def test_the_login_waits_for_the_database_then_logs_in(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    dialog = LoginDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("admin")
    dialog.password.setText(PASSWORD)
    assert not dialog.ready and not dialog.login_button.isEnabled()
    assert dialog.database.text() == "Apertura del database in corso…"
    dialog.set_database(db)
    assert dialog.login_button.isEnabled()
    assert dialog.database.text() == f"Database: {db.describe()}"
    with qtbot.waitSignal(dialog.accepted):
        dialog.login_button.click()
    assert dialog.actor is not None and dialog.actor.username == "admin"


@pytest.fixture
def no_quit(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    quits: list[bool] = []
    monkeypatch.setattr(AppController, "_quit", lambda self: quits.append(True))
    return quits


def _problem_box(qtbot: QtBot, controller: AppController) -> QMessageBox:
    qtbot.waitUntil(lambda: isinstance(controller.dialog, QMessageBox), timeout=20000)
    box = controller.dialog
    assert isinstance(box, QMessageBox)
    return box


def test_a_second_window_on_the_same_file_is_refused_until_the_first_closes(
    qtbot: QtBot, sqlite_db: Database, no_quit: list[bool]
) -> None:
    make_user(sqlite_db, "admin", Role.ADMIN)
    url = sqlite_db.url.render_as_string(hide_password=False)
    first = AppController(url)
    first.start()
    qtbot.waitUntil(lambda: isinstance(first.dialog, LoginDialog) and first.dialog.ready)
    second = AppController(url)
    second.start()
    box = _problem_box(qtbot, second)
    assert "è già aperto in un'altra finestra di TIT Desktop" in box.text()
    assert second.db is None
    box.close()
    # the first window goes on working; once it is closed, the file can be opened again
    assert isinstance(first.dialog, LoginDialog) and first.dialog.ready
    first._close_db()
    third = AppController(url)
    third.start()
    qtbot.waitUntil(lambda: isinstance(third.dialog, LoginDialog) and third.dialog.ready)
    third._close_db()
    assert no_quit == [True]  # the message box's Esci (closed = rejected)


def test_a_lock_left_by_a_crashed_instance_is_taken_over(qtbot: QtBot, sqlite_db: Database) -> None:
    path = sqlite_db.sqlite_path
    assert path is not None
    # GIVEN the lock file of a process that no longer runs, on this computer
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    Path(str(path) + ".lock").write_text(
        f"{dead.stdout.strip()}\ntit-desktop\n{socket.gethostname()}\n", encoding="utf-8"
    )
    lock = lock_sqlite_file(path)
    assert lock is not None and lock.isLocked()
    lock.unlock()


def test_the_window_explains_a_file_that_is_not_a_database(
    qtbot: QtBot, tmp_path: Path, no_quit: list[bool]
) -> None:
    path = tmp_path / "appunti.sqlite3"
    path.write_text("appunti della riunione", encoding="utf-8")
    controller = AppController("sqlite:///" + path.as_posix())
    controller.start()
    box = _problem_box(qtbot, controller)
    assert f"Il file {path} non è un database di TIT Desktop" in box.text()
    assert box.informativeText() == "Potete scegliere un altro database nelle impostazioni."
    assert path.read_text(encoding="utf-8") == "appunti della riunione"
    box.close()


def test_settings_asked_before_the_database_is_open_go_back_to_the_login(
    qtbot: QtBot, sqlite_db: Database, no_quit: list[bool]
) -> None:
    from tit_desktop.ui.settings_dialog import SettingsDialog

    make_user(sqlite_db, "admin", Role.ADMIN)
    controller = AppController(sqlite_db.url.render_as_string(hide_password=False))
    controller.start()
    login = controller.dialog
    assert isinstance(login, LoginDialog) and not login.ready
    login.settings_button.click()
    assert isinstance(controller.dialog, SettingsDialog)
    controller.dialog.reject()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, LoginDialog) and controller.dialog.ready)
    assert no_quit == []
    controller._close_db()
