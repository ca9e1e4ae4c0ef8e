"""Application start: the login window first, then (behind it) open the database, check
the schema (backup + migrate when needed); first administrator or login, then the main
window. Logging out or changing database goes back to the login.

The login window must appear quickly, so this module and ``ui.login`` import only Qt and
light modules: SQLAlchemy's ORM, the models, the services, Alembic (only to migrate),
ReportLab and openpyxl are imported in the background or when first used
(tests/ui/test_startup.py holds this).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QLockFile, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tit_desktop import APP_NAME, APP_TITLE, __version__, paths
from tit_desktop.logging_setup import setup_logging
from tit_desktop.services.errors import ServiceError
from tit_desktop.settings import Settings, resolve_database_url
from tit_desktop.ui.background import run_in_background
from tit_desktop.ui.errors import handle_error, install_excepthook, service_error_text

if TYPE_CHECKING:
    from tit_desktop.services.database import Database
    from tit_desktop.services.permissions import Actor
    from tit_desktop.ui.context import AppContext
    from tit_desktop.ui.login import LoginDialog
    from tit_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

PREPARE_AT_THE_LATEST_MS = 1500


@dataclass(frozen=True)
class PreparedDatabase:
    db: Database
    first_start: bool
    lock: QLockFile | None = None


def lock_sqlite_file(path: Path) -> QLockFile | None:
    """One window per SQLite file: a second TIT Desktop opened on the same file is refused
    (it would upgrade or restore the file under the first one's feet). The lock file next
    to the database belongs to a running process; one left by a crash is taken over."""
    lock = QLockFile(str(path) + ".lock")
    lock.setStaleLockTime(0)  # stale only when its process is gone, however old
    if lock.tryLock(0):
        return lock
    if lock.error() is QLockFile.LockError.LockFailedError:
        raise ServiceError(
            f"Il database {path} è già aperto in un'altra finestra di TIT Desktop. Usate "
            "quella finestra (nessun dato è stato toccato). Se non ce n'è nessuna aperta, "
            f"su un altro computer che usa lo stesso file, chiudetela lì; il file {path}.lock "
            "indica chi lo tiene aperto."
        )
    return None  # no lock file possible (a read-only folder): opening the database says why


def prepare_database(url: str) -> PreparedDatabase:
    """Open the database, bring its schema to head (a quick check when it is there
    already) and tell whether it has users yet. Runs off the GUI thread."""
    from tit_desktop.services import schema, users
    from tit_desktop.services.database import Database

    db = Database(url)
    lock = None
    try:
        if db.sqlite_path is not None:
            lock = lock_sqlite_file(db.sqlite_path)
        schema.upgrade(db)
        with db.reading() as session:
            first_start = not users.users_exist(session)
    except BaseException as exc:
        db.dispose()
        if lock is not None:
            lock.unlock()
        refusal = db.open_error(exc)
        if refusal is not None:
            raise refusal from exc
        raise
    return PreparedDatabase(db, first_start, lock)


_translators: list[QTranslator] = []


def install_translations(app: QApplication, language: str = "it") -> None:
    """Qt's own strings (standard buttons) in the chosen language, plus our .qm when the
    language is not Italian (our source strings are Italian)."""
    QLocale.setDefault(
        QLocale(QLocale.Language.Italian, QLocale.Country.Italy)
        if language == "it"
        else QLocale(language)
    )
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
        _translators.append(qt_translator)
    if language == "it":
        _install_dialog_texts(app)
    if language != "it":
        own = QTranslator(app)
        if own.load(f"tit_desktop_{language}", str(paths.resource_path("i18n"))):
            app.installTranslator(own)
            _translators.append(own)


def _install_dialog_texts(app: QApplication) -> None:
    """The file dialog's texts that Qt's own Italian catalogue lacks."""
    from tit_desktop.ui.file_dialogs import install_italian_dialog_texts

    _translators.append(install_italian_dialog_texts(app))


class AppController:
    """Drives the start-up sequence with non-modal dialogs (so tests can drive it too)."""

    def __init__(self, explicit_url: str | None = None) -> None:
        self.explicit_url = explicit_url
        self.db: Database | None = None
        self._lock: QLockFile | None = None
        self.dialog: QWidget | None = None
        self.window: QWidget | None = None
        self.context: AppContext | None = None

    # --- database -------------------------------------------------------------------
    def start(self) -> None:
        """Show the login window at once and open the database behind it, once the window
        is drawn (loading the database code alongside would slow the window down)."""
        self._close_db()
        url = resolve_database_url(self.explicit_url)
        login = self.show_login()
        started = False

        def prepare() -> None:
            nonlocal started
            if started or self.dialog is not login:
                return
            started = True
            run_in_background(
                None,
                lambda _p: prepare_database(url),
                lambda prepared: self._database_ready(login, prepared),
                lambda exc: self._database_failed(login, exc),
            )

        login.painted.connect(prepare)
        # A window that is never drawn (minimised at start) still gets its database.
        QTimer.singleShot(PREPARE_AT_THE_LATEST_MS, prepare)

    def _database_ready(self, login: LoginDialog, prepared: PreparedDatabase) -> None:
        if self.dialog is not login:  # the user closed the window meanwhile
            prepared.db.dispose()
            if prepared.lock is not None:
                prepared.lock.unlock()
            return
        self.db = prepared.db
        self._lock = prepared.lock
        if prepared.first_start:
            self._replace_dialog(login)
            self._show_first_admin()
        else:
            login.set_database(self.db)

    def _database_failed(self, login: LoginDialog, exc: BaseException) -> None:
        if self.dialog is not login:
            return
        self._replace_dialog(login)
        self._upgrade_failed(exc)

    def _replace_dialog(self, dialog: QWidget) -> None:
        """Close ``dialog`` without its ``finished`` acting (the next one takes over)."""
        self.dialog = None
        dialog.close()
        dialog.deleteLater()

    def _close_db(self) -> None:
        if self.db is not None:
            self.db.dispose()
            self.db = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _upgrade_failed(self, exc: BaseException) -> None:
        refusal = self.db.open_error(exc) if self.db is not None else None
        if isinstance(exc, ServiceError):
            self._database_problem(exc)
        elif refusal is not None:
            self._database_problem(refusal)
        else:
            handle_error(None, exc)
            self._open_settings()

    def _database_problem(self, exc: ServiceError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, service_error_text(exc))
        box.setInformativeText("Potete scegliere un altro database nelle impostazioni.")
        settings = box.addButton("Impostazioni…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Esci", QMessageBox.ButtonRole.RejectRole)
        self.dialog = box
        box.finished.connect(
            lambda _r: self._open_settings() if box.clickedButton() is settings else self._quit()
        )
        box.open()

    def _after_upgrade(self) -> None:
        from tit_desktop.services import users

        assert self.db is not None
        with self.db.reading() as session:
            first_start = not users.users_exist(session)
        if first_start:
            self._show_first_admin()
        else:
            self.show_login()

    # --- dialogs --------------------------------------------------------------------
    def _show_first_admin(self) -> None:
        from tit_desktop.ui.login import FirstAdminDialog

        assert self.db is not None
        dialog = FirstAdminDialog(self.db)
        self.dialog = dialog

        def finished(result: int) -> None:
            if not result or dialog.actor is None:
                self._quit()
            elif dialog.wants_demo:
                self._load_demo(dialog.actor)
            else:
                self._open_main(dialog.actor)

        dialog.finished.connect(finished)
        dialog.open()

    def _load_demo(self, actor: Actor) -> None:
        from tit_desktop.services import demo

        db = self.db
        assert db is not None
        run_in_background(
            None,
            lambda progress: demo.fill_demo_data(db, actor, progress=progress.report),
            lambda _summary: self._open_main(actor),
            lambda exc: (handle_error(None, exc), self._open_main(actor)),
            progress="Caricamento dei dati dimostrativi…",
            cancellable=False,
        )

    def show_login(self) -> LoginDialog:
        """The login window; usable at once when the database is open, else it waits for
        ``set_database``."""
        from tit_desktop.ui.login import LoginDialog

        dialog = LoginDialog(self.db)
        self.dialog = dialog

        def finished(result: int) -> None:
            if self.dialog is not dialog:
                return
            if dialog.settings_requested:
                # Asked before the database was open: cancelling goes back to the login.
                self._open_settings(back_to_login=not dialog.ready)
            elif result and dialog.actor is not None:
                self._after_login(dialog.actor)
            else:
                self._quit()

        dialog.finished.connect(finished)
        dialog.open()
        log.info("Login window shown")
        return dialog

    def _after_login(self, actor: Actor) -> None:
        from tit_desktop.services import users
        from tit_desktop.ui.login import ChangePasswordDialog

        assert self.db is not None
        with self.db.reading() as session:
            forced = users.must_change_password(session, actor)
        if not forced:
            self._open_main(actor)
            return
        dialog = ChangePasswordDialog(self.db, actor, forced=True)
        self.dialog = dialog
        dialog.finished.connect(
            lambda result: self._open_main(actor) if result else self.show_login()
        )
        dialog.open()

    def _open_settings(self, back_to_login: bool = False) -> None:
        from tit_desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog()
        self.dialog = dialog

        def finished(result: int) -> None:
            if result:
                # The settings file now names the database; an explicit one no longer wins.
                self.explicit_url = None
                self.start()
            elif back_to_login:
                self.start()
            elif self.db is not None and self.window is None:
                self._after_upgrade_or_quit()
            elif self.window is None:
                self._quit()

        dialog.finished.connect(finished)
        dialog.open()

    def _after_upgrade_or_quit(self) -> None:
        from tit_desktop.services import schema

        try:
            assert self.db is not None
            if schema.status(self.db).state is schema.SchemaState.CURRENT:
                self._after_upgrade()
                return
        except Exception:  # the database may be the reason we are here
            log.info("Database still unusable after settings", exc_info=True)
        self._quit()

    # --- main window ----------------------------------------------------------------
    def _open_main(self, actor: Actor) -> None:
        from tit_desktop.ui.context import AppContext
        from tit_desktop.ui.main_window import MainWindow

        assert self.db is not None
        self.context = AppContext(self.db, actor)
        window = MainWindow(self.context)
        self.window = window
        self.dialog = None
        window.logout_requested.connect(self.logout)
        window.settings_requested.connect(self._settings_from_window)
        window.closed.connect(self._window_closed)
        self._watch_desk(window, self.context)
        window.show()

    def _watch_desk(self, window: MainWindow, context: AppContext) -> None:
        """The daily backup and its warnings; the lock after the idle minutes of the
        settings ("Cambia utente" there has already asked about unsaved edits)."""
        from tit_desktop.ui.backup_watch import BackupWatch
        from tit_desktop.ui.idle_lock import IdleLock

        window.backup_watch = BackupWatch(window, context)  # type: ignore[attr-defined]
        window.idle_lock = IdleLock(  # type: ignore[attr-defined]
            window,
            context,
            Settings.load().idle_lock_minutes,
            window.logout_requested.emit,
        )

    def _window_closed(self) -> None:
        """Closing the main window (not logging out) ends the application."""
        if self.window is not None:
            self.window = None
            self.context = None
            self._quit()

    def logout(self) -> None:
        from tit_desktop.models.audit import AuditAction
        from tit_desktop.services import audit

        if self.context is not None and self.db is not None:
            with self.db.transaction(self.context.actor) as session:
                audit.record(
                    session,
                    self.context.actor,
                    AuditAction.LOGOUT,
                    "app_user",
                    self.context.actor.user_id,
                )
        self._close_window()
        self.show_login()

    def _close_window(self) -> None:
        window, self.window = self.window, None
        self.context = None
        if window is not None:
            window.close()
            window.deleteLater()

    def _settings_from_window(self) -> None:
        from tit_desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.window)
        if dialog.exec():
            if not dialog.database_changed:
                return  # the idle minutes apply from the next login; no need to log out
            QMessageBox.information(
                self.window,
                APP_TITLE,
                "Impostazioni salvate. Accedete di nuovo per usare il database scelto.",
            )
            self._close_window()
            self.explicit_url = None
            self.start()

    def _quit(self) -> None:
        self._close_db()
        app = QApplication.instance()
        if app is not None:
            app.quit()


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv or sys.argv))
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Comune di Ancona")
    app.setQuitOnLastWindowClosed(False)
    icon = paths.resource_path("icons", "tit-desktop.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    install_translations(app, Settings.load().language)
    install_excepthook()
    return app


def main(database_url: str | None = None) -> int:
    setup_logging()
    log.info("Starting %s %s", APP_NAME, __version__)
    app = create_application()
    controller = AppController(database_url)
    controller.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
