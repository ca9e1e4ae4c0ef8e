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

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow
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
    overdue: str | None


class BackupWatch(QObject):
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

    def _done(self, result: CheckResult) -> None:
        self._running = False
        if not isValid(self.label):
            return
        messages = []
        if result.written is not None and result.written.warning:
            messages.append(result.written.warning)
        if result.overdue:
            if self._ctx.actor.can(Permission.MANAGE_DATABASE):
                advice = self.tr("Eseguitene uno da Amministrazione > Database.")
            else:
                advice = self.tr("Avvisate l'amministratore.")
            messages.append(f"{result.overdue} {advice}")
        self._show(messages)
        self.checked.emit()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        log.warning("Automatic backup failed", exc_info=exc)
        if isValid(self.label):
            reason = service_error_text(exc) if isinstance(exc, ServiceError) else str(exc)
            self._show([self.tr("Backup automatico non riuscito: {0}").format(reason)])
            self.checked.emit()

    def _show(self, messages: list[str]) -> None:
        text = " ".join(messages)
        self.label.setText(text)
        self.label.setToolTip(text)
        self.label.setVisible(bool(text))
