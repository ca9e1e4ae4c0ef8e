"""The main window's daily backup (off the GUI thread) and its warnings in the status bar."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tit_desktop import paths
from tit_desktop.services.database import Database
from tit_desktop.settings import Settings
from tit_desktop.ui.backup_watch import BackupWatch
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.main_window import MainWindow


def _window(qtbot: QtBot, ctx: AppContext) -> tuple[MainWindow, BackupWatch]:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    watch = BackupWatch(window, ctx, first_check_ms=0)
    qtbot.waitSignal(watch.checked, timeout=15000).wait()
    return window, watch


def test_the_day_backup_is_made_and_an_unreachable_folder_is_said(
    qtbot: QtBot, ctx: AppContext, db: Database, tmp_path: Path
) -> None:
    share = tmp_path / "nas-spento" / "backup"
    settings = Settings.load()
    settings.backup_folder = str(share)
    settings.save()
    _win, watch = _window(qtbot, ctx)
    if db.is_sqlite:
        assert not watch.label.isHidden()
        assert watch.label.text() == "Backup salvato solo in locale: cartella non raggiungibile."
        warning = f"La cartella dei backup {share} non è raggiungibile (la cartella non esiste)"
        assert watch.label.toolTip().startswith(warning)
        # The administrator is told once, in a window that does not stop the work.
        assert watch.notice is not None and watch.notice.isVisible()
        assert not watch.notice.isModal() and watch.notice.text().startswith(warning)
        assert len(list(paths.backup_dir().glob("tit-*-giornaliero.sqlite3"))) == 1
        # Checked again: said in the status bar, not told again.
        watch.notice.close()
        watch.notice = None
        watch.check()
        qtbot.waitSignal(watch.checked, timeout=15000).wait()
        assert watch.notice is None
    else:
        # A server: no copy on the PC, and a warning that no backup was ever made.
        assert watch.label.text() == "Nessun backup eseguito."
        assert watch.label.toolTip() == (
            "Nessun backup del database è stato ancora eseguito. "
            "Eseguitene uno da Amministrazione > Database."
        )
        assert list(paths.backup_dir().glob("*.sqlite3")) == []


def test_a_recent_backup_leaves_the_status_bar_quiet(
    qtbot: QtBot, ctx: AppContext, db: Database, tmp_path: Path
) -> None:
    from tit_desktop.services import backup

    backup.backup(db, ctx.actor, tmp_path / "ieri.sqlite3")
    _win, watch = _window(qtbot, ctx)
    assert watch.label.text() == "" and watch.label.isHidden()
    assert watch.notice is None
