"""Amministrazione > Database: this PC's automatic backup settings."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.settings import Settings
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.pages.admin import DatabaseTab


def test_the_folder_is_checked_then_saved_and_listed(
    qtbot: QtBot, db: Database, admin: Actor, tmp_path: Path
) -> None:
    tab = DatabaseTab(AppContext(db, admin))
    qtbot.addWidget(tab)
    tab.show()
    assert tab.daily.isChecked() and tab.kept.value() == 10 and tab.folder.text() == ""
    # The overdue warning: no backup yet.
    assert tab.overdue.text() == "Nessun backup del database è stato ancora eseguito."
    assert (tab.findChild(type(tab.info), "server_backup_note") is None) is db.is_sqlite
    missing = tmp_path / "non-montata"
    tab.folder.setText(str(missing))
    assert not tab._save_automatic()
    error = tab.findChild(type(tab.info), "error_backup_folder")
    assert error is not None and error.isVisible()
    assert error.text() == f"la cartella {missing} non esiste o non è raggiungibile"
    assert Settings.load().backup_folder == ""
    folder = tmp_path / "nas"
    folder.mkdir()
    tab.folder.setText(str(folder))
    tab.kept.setValue(4)
    tab.save_automatic.click()
    saved = Settings.load()
    assert (saved.backup_folder, saved.backups_kept) == (str(folder), 4)
    assert f"<b>Cartella dei backup:</b> {folder}" in tab.info.text()
    # A backup made now goes there and is listed with its folder; the warning goes away.
    from tit_desktop.services import backup

    written = backup.backup(db, admin)
    tab.refresh()
    assert written.parent == folder
    assert tab.backups.index(0, 2).data() == written.name
    assert tab.backups.index(0, 3).data() == str(folder)
    assert tab.overdue.isHidden()
