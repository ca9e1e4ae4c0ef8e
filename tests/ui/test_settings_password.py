"""The settings dialog keeps a server's password out of the settings file."""

from __future__ import annotations

import json

import keyring
import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from tests.conftest import POSTGRES_URL
from tests.unit.test_credentials import MemoryKeyring
from tit_desktop import credentials
from tit_desktop.settings import Settings
from tit_desktop.ui.settings_dialog import SettingsDialog


@pytest.mark.skipif(not POSTGRES_URL, reason="TIT_TEST_POSTGRES_URL non impostato")
@pytest.mark.parametrize("with_keyring", [True, False], ids=["keyring", "pgpass"])
def test_the_password_typed_is_stored_outside_the_settings_file(
    qtbot: QtBot, with_keyring: bool
) -> None:
    if with_keyring:
        keyring.set_keyring(MemoryKeyring())
    url = make_url(POSTGRES_URL)
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    where = "portachiavi di sistema" if with_keyring else str(credentials.pgpass_file())
    assert where in dialog.password_store.text()
    dialog.server.setChecked(True)
    dialog.host.setText(url.host or "")
    dialog.port.setValue(url.port or 5432)
    dialog.dbname.setText(url.database or "")
    dialog.user.setText(url.username or "")
    dialog.password.setText("Segreta:123")
    dialog.idle_minutes.setValue(3)
    dialog.test.click()
    qtbot.waitUntil(lambda: "Connessione riuscita" in dialog.result.text(), timeout=20000)
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.database_changed
    raw = Settings.file().read_text(encoding="utf-8")
    assert "Segreta" not in raw
    saved = json.loads(raw)
    assert make_url(saved["database_url"]).password is None
    assert saved["idle_lock_minutes"] == 3
    assert credentials.stored_password(saved["database_url"]) == "Segreta:123"
    assert credentials.pgpass_file().exists() is not with_keyring
    # Opened again, the dialog shows the stored password (masked) for the next test.
    again = SettingsDialog()
    qtbot.addWidget(again)
    assert again.server.isChecked() and again.password.text() == "Segreta:123"
    assert again.idle_minutes.value() == 3


def test_changing_only_the_idle_minutes_is_no_change_of_database(qtbot: QtBot) -> None:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.idle_minutes.setValue(25)
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.database_changed
    assert Settings.load().idle_lock_minutes == 25
