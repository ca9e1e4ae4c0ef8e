"""The window locks after N minutes without keyboard or mouse (Impostazioni, default 10).

An application-wide event filter restarts the countdown at every key, click, wheel or
mouse move in any window of the application. When it runs out, a lock screen covers the
main window and every other window of the application, asking the same user's password.
Nothing underneath is closed: an open record with unsaved edits, a dialog half filled in,
stay as they are (a dialog waiting in ``exec()`` keeps waiting) and come back on unlock.
"Cambia utente" logs out, after the usual question for each form holding edits (Annulla
there locks again). Locking and unlocking are in the activity log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from tit_desktop import APP_TITLE
from tit_desktop.services import session_lock
from tit_desktop.services.errors import ServiceError
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.form_guard import settle_open_forms
from tit_desktop.ui.widgets import ERROR_STYLE

log = logging.getLogger(__name__)

# What counts as the user being there.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)

# Platforms without window opacity (they warn when asked): the lock screen still covers.
_NO_OPACITY = ("offscreen", "minimal")


class LockScreen(QDialog):
    """Full-window cover asking the locked user's password. Esc and the window's X do
    nothing: only the password or "Cambia utente" leave it."""

    unlocked = Signal()
    switch_user = Signal()

    def __init__(self, ctx: AppContext, idle_minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._may_close = False
        self.setObjectName("lock_screen")
        self.setWindowTitle(self.tr("{0} - bloccato").format(APP_TITLE))
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setStyleSheet("QDialog#lock_screen { background: #24415e; }")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        box = QFrame()
        box.setObjectName("lock_box")
        box.setStyleSheet(
            "QFrame#lock_box { background: white; border-radius: 6px; }"
            "QFrame#lock_box QLabel { color: #222; }"
        )
        box.setMinimumWidth(440)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(28, 24, 28, 24)
        actor = ctx.actor
        who = actor.full_name or actor.username
        title = QLabel(self.tr("<h2>{0} è bloccato</h2>").format(APP_TITLE))
        inner.addWidget(title)
        self.explanation = QLabel(
            self.tr(
                "Nessuna attività da {0} minuti: la sessione di <b>{1}</b> ({2}) è stata "
                "bloccata. Le schede aperte e le modifiche non salvate sono rimaste come "
                "erano e ricompaiono dopo lo sblocco."
            ).format(idle_minutes, who, actor.username)
        )
        self.explanation.setWordWrap(True)
        inner.addWidget(self.explanation)
        caption = QLabel(self.tr("&Password di {0}:").format(actor.username))
        self.password = QLineEdit()
        self.password.setObjectName("lock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        caption.setBuddy(self.password)
        inner.addWidget(caption)
        inner.addWidget(self.password)
        self.message = QLabel()
        self.message.setObjectName("lock_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        inner.addWidget(self.message)
        buttons = QHBoxLayout()
        self.switch_button = QPushButton(self.tr("Cambia &utente"))
        self.switch_button.setObjectName("switch_user")
        self.switch_button.setAutoDefault(False)
        self.unlock_button = QPushButton(self.tr("&Sblocca"))
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setDefault(True)
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner.addLayout(buttons)
        row.addWidget(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.password.returnPressed.connect(self.try_unlock)
        self.switch_button.clicked.connect(self.switch_user.emit)

    def try_unlock(self) -> None:
        try:
            session_lock.unlock(self._ctx.db, self._ctx.actor, self.password.text())
        except ServiceError as exc:
            self._refused(exc.message)
            return
        except Exception:  # the database not answering: still locked, and said so
            log.warning("Could not check the password to unlock", exc_info=True)
            self._refused(
                self.tr("Il database non risponde: riprovate tra poco, o usate «Cambia utente».")
            )
            return
        self.unlocked.emit()

    def _refused(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.password.clear()
        self.password.setFocus()

    def reset(self) -> None:
        self.password.clear()
        self.message.hide()
        self.password.setFocus()

    def dismiss(self) -> None:
        self._may_close = True
        self.hide()
        self.deleteLater()

    # Esc, Alt+F4 and the like do not open the window.
    def reject(self) -> None:
        if self._may_close:
            super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            super().closeEvent(event)
        else:
            event.ignore()


class IdleLock(QObject):
    """Counts the idle time of the whole application and locks ``window``."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        window: QWidget,
        ctx: AppContext,
        idle_minutes: int,
        switch_user: Callable[[], None],
        *,
        timeout_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self._minutes = idle_minutes
        self._switch_user = switch_user
        self.screen: LockScreen | None = None
        self._hidden: list[tuple[QWidget, float]] = []
        self._timer = QTimer(self)
        self._timer.setObjectName("idle_timer")
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms if timeout_ms is not None else idle_minutes * 60_000)
        self._timer.timeout.connect(self.lock)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        window.destroyed.connect(lambda: app.removeEventFilter(self))
        window.destroyed.connect(self._window_gone)
        self._timer.start()

    def _window_gone(self) -> None:
        screen, self.screen = self.screen, None
        if screen is not None and isValid(screen):
            screen.dismiss()

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.screen is None and event.type() in INPUT_EVENTS:
            self._timer.start()  # restarts the countdown
        return False

    # --- locking ----------------------------------------------------------------------
    def lock(self) -> None:
        if self.screen is not None:
            return
        self._timer.stop()
        try:
            session_lock.record_lock(self._ctx.db, self._ctx.actor, self._minutes)
        except Exception:  # the database unreachable (any error): lock all the same
            log.warning("Could not record the lock", exc_info=True)
        screen = LockScreen(self._ctx, self._minutes)
        screen.unlocked.connect(self._unlock)
        screen.switch_user.connect(self._change_user)
        self.screen = screen
        self._cover(screen)
        log.info("Window locked after %s idle minutes", self._minutes)
        self.locked.emit()

    def _cover(self, screen: LockScreen) -> None:
        """Show the lock over everything; the other windows (dialogs that may stand
        beside the main window) are made transparent, not closed nor hidden (hiding a
        dialog would end its ``exec()`` and lose what it holds)."""
        if QGuiApplication.platformName() not in _NO_OPACITY:
            for widget in QApplication.topLevelWidgets():
                if widget is not screen and widget.isVisible():
                    self._hidden.append((widget, widget.windowOpacity()))
                    widget.setWindowOpacity(0.0)
        where = self._window.screen()
        if where is not None:
            screen.setGeometry(where.geometry())
        screen.showFullScreen()
        if QGuiApplication.platformName() not in _NO_OPACITY:  # they warn about raise()
            screen.raise_()
            screen.activateWindow()
        screen.reset()

    def _uncover(self) -> None:
        for widget, opacity in self._hidden:
            try:
                widget.setWindowOpacity(opacity)
            except RuntimeError:  # closed meanwhile
                continue
        self._hidden.clear()

    def _unlock(self) -> None:
        screen, self.screen = self.screen, None
        self._uncover()
        if screen is not None:
            screen.dismiss()
        self._timer.start()
        log.info("Window unlocked")
        self.unlocked.emit()

    def _change_user(self) -> None:
        """Log out after the usual questions about unsaved edits; "Annulla" locks again
        (no one has given the password)."""
        screen = self.screen
        if screen is None:
            return
        screen.hide()
        self._uncover()
        if not settle_open_forms(self._window):
            self._cover(screen)
            return
        self.screen = None
        screen.dismiss()
        self._switch_user()
