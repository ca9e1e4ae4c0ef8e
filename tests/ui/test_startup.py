"""The login window comes first: showing it loads neither the database code nor Alembic,
ReportLab or openpyxl, and opening a database that is up to date does not load Alembic."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from pytestqt.qtbot import QtBot

from tests.conftest import PASSWORD, make_user
from tit_desktop.models import Role
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
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
