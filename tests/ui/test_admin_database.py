"""Amministrazione > Database: the backups in the backup folder and the date of the last."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.test_screens import _save
from tit_desktop import paths
from tit_desktop.models import Role
from tit_desktop.services import backup
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.main_window import MainWindow
from tit_desktop.ui.pages.admin import DatabaseTab


def test_the_database_tab_lists_the_backups_and_the_last_one(
    qtbot: QtBot, db: Database, admin: Actor, tmp_path: Path
) -> None:
    tab = DatabaseTab(AppContext(db, admin))
    qtbot.addWidget(tab)
    assert tab.backups.rowCount() == 0
    assert tab.last_backup.text() == "<b>Ultimo backup:</b> nessun backup eseguito"
    older = backup.backup(db, admin, paths.backup_dir() / "tit-vecchio.sqlite3")
    os.utime(older, (1_700_000_000, 1_700_000_000))  # 14/11/2023
    newer = backup.backup(db, admin)
    tab.refresh()
    files = [tab.backups.index(r, 2).data() for r in range(tab.backups.rowCount())]
    assert files == [newer.name, older.name]  # newest first
    assert tab.backups.index(1, 0).data().startswith("14/11/2023")
    size = tab.backups.index(0, 1).data()
    assert size.endswith((" kB", " MB")) and "," in size, size  # "180,0 kB"
    assert tab.last_backup.text().startswith("<b>Ultimo backup:</b> ")
    assert tab.last_backup.text().endswith("(oggi)")


def test_a_backup_saved_elsewhere_counts_as_the_last(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    target = backup.backup(db, admin, tmp_path / "altrove.sqlite3")
    assert backup.list_backups(admin) == []
    with db.reading() as session:
        last = backup.last_backup_at(session, admin)
    assert last is not None and last.tzinfo is not None
    assert abs(last.timestamp() - target.stat().st_mtime) < 120


def test_database_tab_renders_whole(qtbot: QtBot, db: Database, admin: Actor) -> None:
    backup.backup(db, admin)
    window = MainWindow(AppContext(db, admin))
    qtbot.addWidget(window)
    window.show_area("admin")
    page = window.page("admin")
    tabs = page.tabs  # type: ignore[attr-defined]
    tabs.setCurrentIndex(tabs.count() - 1)
    for size in ((1366, 768), (1920, 1080)):
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        if db.is_sqlite:
            _save(window, f"amministrazione-database-{size[0]}")


def test_only_an_administrator_sees_the_restore_button(
    qtbot: QtBot, db: Database, actors: dict[Role, Actor]
) -> None:
    for role, visible in ((Role.ADMIN, True), (Role.COORDINATOR, False)):
        tab = DatabaseTab(AppContext(db, actors[role]))
        qtbot.addWidget(tab)
        assert tab.restore_button.isVisibleTo(tab) is visible
        assert tab.backup_button.isVisibleTo(tab)
