"""The daily automatic backup while the window is open, and the warnings about backups in
the main window's status bar.

A check runs a few seconds after the window opens (the first start of the day makes the
day's backup) and every half hour after (a window left open past midnight makes the next
day's). The backup is written in the thread pool, never on the GUI thread, with no
progress dialog: the desk is never held up. What it has to say (the network folder not
reachable, the backup failed, no backup for more than a week) stays in the status bar.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox
from shiboken6 import isValid

from tit_desktop.services import backup
from tit_desktop.services.errors import ServiceError
from tit_desktop.services.permissions import Permission
from tit_desktop.ui.background import run_in_background
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.errors import service_error_text
from tit_desktop.ui.widgets import ERROR_STYLE

log = logging.getLogger(__name__)

FIRST_CHECK_MS = 5_000
CHECK_EVERY_MS = 30 * 60_000


@dataclass(frozen=True)
class CheckResult:
    written: backup.AutomaticBackup | None
    overdue: backup.OverdueBackup | None


class BackupWatch(QObject):
    """``label``: a short warning in the status bar, the whole text in its tooltip. Someone
    who can act on it (backups are theirs: administrators, coordinators) is also told once
    per session in a window that does not stop the work."""

    checked = Signal()  # a check ended (its outcome is in the label)

    def __init__(
        self,
        window: QMainWindow,
        ctx: AppContext,
        *,
        first_check_ms: int = FIRST_CHECK_MS,
        every_ms: int = CHECK_EVERY_MS,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self._running = False
        self._told: set[str] = set()
        self.notice: QMessageBox | None = None
        self.label = QLabel()
        self.label.setObjectName("status_backup")
        self.label.setStyleSheet(ERROR_STYLE)
        self.label.hide()
        window.statusBar().addWidget(self.label, 1)
        self._timer = QTimer(self)
        self._timer.setInterval(every_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        QTimer.singleShot(first_check_ms, self, self.check)

    def check(self) -> None:
        if self._running:
            return
        self._running = True
        db, actor = self._ctx.db, self._ctx.actor

        def work(_progress: object) -> CheckResult:
            written = backup.daily_backup(db, actor)
            with db.reading() as session:
                overdue = backup.backup_overdue(session)
            return CheckResult(written, overdue)

        run_in_background(None, work, self._done, self._failed)

    @property
    def _manager(self) -> bool:
        return self._ctx.actor.can(Permission.MANAGE_DATABASE)

    def _done(self, result: CheckResult) -> None:
        self._running = False
        if not isValid(self.label):
            return
        short: list[str] = []
        full: list[str] = []
        if result.written is not None and result.written.warning:
            short.append(self.tr("Backup salvato solo in locale: cartella non raggiungibile."))
            full.append(result.written.warning)
        if result.overdue is not None:
            if result.overdue.days is None:
                short.append(self.tr("Nessun backup eseguito."))
            else:
                short.append(self.tr("Ultimo backup {0} giorni fa.").format(result.overdue.days))
            if self._manager:
                advice = self.tr("Eseguitene uno da Amministrazione > Database.")
            else:
                advice = self.tr("Avvisate l'amministratore.")
            full.append(f"{result.overdue.text} {advice}")
        self._show(short, full)
        self.checked.emit()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        log.warning("Automatic backup failed", exc_info=exc)
        if isValid(self.label):
            reason = service_error_text(exc) if isinstance(exc, ServiceError) else str(exc)
            self._show(
                [self.tr("Backup automatico non riuscito.")],
                [self.tr("Backup automatico non riuscito: {0}").format(reason)],
            )
            self.checked.emit()

    def _show(self, short: list[str], full: list[str]) -> None:
        self.label.setText(" ".join(short))
        self.label.setToolTip("\n".join(full))
        self.label.setVisible(bool(short))
        news = [text for text in full if text not in self._told]
        if news and self._manager:
            self._told.update(news)
            box = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("Backup"), "\n\n".join(news), parent=self._window
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.setWindowModality(Qt.WindowModality.NonModal)
            self.notice = box
            box.show()
