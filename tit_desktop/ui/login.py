"""Login, first administrator, and change-password dialogs.

The login window is the first thing on screen: this module imports only Qt and light
modules at the top; the services (SQLAlchemy, the models, argon2) when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tit_desktop import APP_TITLE, __version__
from tit_desktop.services.errors import AuthenticationError, ServiceError, ValidationError
from tit_desktop.ui.errors import show_service_error
from tit_desktop.ui.form_guard import FormGuard, Settled
from tit_desktop.ui.widgets import ERROR_STYLE, FieldErrors

if TYPE_CHECKING:
    from tit_desktop.services.database import Database
    from tit_desktop.services.permissions import Actor


def _password_problems(username: str, password: str, confirm: str, field: str) -> dict[str, str]:
    """The password rules checked as typed, so that an error shown goes once fixed."""
    from tit_desktop.services import users

    found: dict[str, str] = {}
    try:
        users.check_password_policy(password, username, field)
    except ValidationError as exc:
        found.update(exc.fields)
    if confirm != password:
        found["confirm"] = QCoreApplication.translate("login", "le due password non coincidono")
    return found


def _normalised_username(text: str) -> str:
    from tit_desktop.services import users

    return users.normalise_username(text)


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class Ui_LoginDialog:
    def setup_ui(self, dialog: QDialog) -> None:
        dialog.setWindowTitle(dialog.tr("Accesso - {0}").format(APP_TITLE))
        dialog.setMinimumWidth(420)
        layout = QVBoxLayout(dialog)
        title = QLabel(f"<h2>{APP_TITLE}</h2>")
        subtitle = QLabel(dialog.tr("Programma TIU - Comune di Ancona"))
        layout.addWidget(title)
        layout.addWidget(subtitle)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = _password_edit()
        self.password.setObjectName("password")
        form.addRow(dialog.tr("&Nome utente:"), self.username)
        form.addRow(dialog.tr("&Password:"), self.password)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.database = QLabel()
        self.database.setObjectName("database")
        self.database.setStyleSheet("color: #555;")
        self.database.setWordWrap(True)
        layout.addWidget(self.database)
        self.buttons = QDialogButtonBox()
        self.login_button = self.buttons.addButton(
            dialog.tr("Accedi"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.login_button.setDefault(True)
        self.settings_button = QPushButton(dialog.tr("Impostazioni database…"))
        self.settings_button.setAutoDefault(False)
        self.buttons.addButton(self.settings_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(self.buttons)
        version = QLabel(dialog.tr("Versione {0}").format(__version__))
        version.setAlignment(Qt.AlignmentFlag.AlignRight)
        version.setStyleSheet("color: #777; font-size: 9pt;")
        layout.addWidget(version)


class LoginDialog(QDialog, Ui_LoginDialog):
    """Asks for username and password; ``actor`` is set when accepted.
    ``settings_requested`` is set when the user wants to change the database.

    Without a database it shows at once and waits (the user may already type) until the
    application has opened the database and calls ``set_database``. ``painted`` is emitted
    once, when the window is first drawn on screen."""

    painted = Signal()

    def __init__(self, db: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setup_ui(self)
        self._db: Database | None = None
        self.actor: Actor | None = None
        self.settings_requested = False
        self._painted = False
        if db is None:
            self.database.setText(self.tr("Apertura del database in corso…"))
            self.login_button.setEnabled(False)
        else:
            self.set_database(db)
        self.buttons.accepted.connect(self._try_login)
        self.buttons.rejected.connect(self.reject)
        self.settings_button.clicked.connect(self._open_settings)
        self.username.setFocus()

    def set_database(self, db: Database) -> None:
        self._db = db
        self.database.setText(self.tr("Database: {0}").format(db.describe()))
        self.login_button.setEnabled(True)

    @property
    def ready(self) -> bool:
        return self._db is not None

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.painted.emit()

    def _open_settings(self) -> None:
        self.settings_requested = True
        self.reject()

    def _try_login(self) -> None:
        from tit_desktop.services import users

        if self._db is None:
            return
        name = self.username.text().strip()
        if not name:
            self._show(self.tr("Inserire il nome utente."))
            self.username.setFocus()
            return
        try:
            self.actor = users.login(self._db, name, self.password.text())
        except AuthenticationError as exc:
            self._show(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        except ServiceError as exc:  # e.g. the database busy on another PC: try again
            self._show(exc.message)
            return
        self.accept()

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


class Ui_FirstAdminDialog:
    def setup_ui(self, dialog: QDialog) -> None:
        dialog.setWindowTitle(dialog.tr("Primo avvio - {0}").format(APP_TITLE))
        dialog.setMinimumWidth(480)
        layout = QVBoxLayout(dialog)
        intro = QLabel(
            dialog.tr(
                "<h3>Benvenuti in TIT Desktop</h3>"
                "<p>Il database è nuovo. Create l'utente <b>amministratore</b>: "
                "potrà aggiungere gli altri utenti dalla sezione Amministrazione.</p>"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.errors = FieldErrors()
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("full_name")
        self.password = _password_edit()
        self.password.setObjectName("password")
        self.confirm = _password_edit()
        self.confirm.setObjectName("confirm")
        self.errors.add_row(form, dialog.tr("&Nome utente:"), "username", self.username)
        self.errors.add_row(form, dialog.tr("N&ome e cognome:"), "full_name", self.full_name)
        self.errors.add_row(form, dialog.tr("&Password:"), "password", self.password)
        self.errors.add_row(form, dialog.tr("&Ripetere la password:"), "confirm", self.confirm)
        layout.addLayout(form)
        self.demo = QCheckBox(
            dialog.tr("Carica dati dimostrativi (persone e servizi inventati, per provare)")
        )
        self.demo.setObjectName("demo")
        layout.addWidget(self.demo)
        self.database = QLabel()
        self.database.setStyleSheet("color: #555;")
        self.database.setWordWrap(True)
        layout.addWidget(self.database)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            dialog.tr("Crea amministratore")
        )
        layout.addWidget(self.buttons)


class FirstAdminDialog(QDialog, Ui_FirstAdminDialog):
    """Creates the first administrator on an empty database and logs in as them."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setup_ui(self)
        self._db = db
        self.actor: Actor | None = None
        self.database.setText(self.tr("Database: {0}").format(db.describe()))
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)
        self.errors.set_checker(
            lambda: _password_problems(
                _normalised_username(self.username.text()),
                self.password.text(),
                self.confirm.text(),
                "password",
            ),
            depends={"password": ("username",)},
        )
        self.guard = FormGuard(self, save=self._create)
        self.guard.ignore((self.demo,))
        self.guard.mark_clean()

    def reject(self) -> None:
        if self.guard.settle() is Settled.CLOSE:
            super().reject()

    @property
    def wants_demo(self) -> bool:
        return self.demo.isChecked()

    def _create(self) -> bool:
        from tit_desktop.models.user import Role
        from tit_desktop.services import users
        from tit_desktop.services.permissions import SYSTEM

        self.errors.clear()
        if self.password.text() != self.confirm.text():
            self.errors.show(
                ValidationError({"confirm": self.tr("le due password non coincidono")})
            )
            return False
        try:
            with self._db.transaction(SYSTEM) as session:
                users.add_user(
                    session,
                    SYSTEM,
                    self.username.text(),
                    Role.ADMIN,
                    self.password.text(),
                    self.full_name.text(),
                )
            self.actor = users.login(self._db, self.username.text(), self.password.text())
        except ValidationError as exc:
            rest = self.errors.show(exc)
            if rest:
                show_service_error(self, ValidationError(rest))
            return False
        except ServiceError as exc:
            show_service_error(self, exc)
            return False
        self.accept()
        return True


class Ui_ChangePasswordDialog:
    def setup_ui(self, dialog: QDialog) -> None:
        dialog.setWindowTitle(dialog.tr("Cambia password"))
        dialog.setMinimumWidth(440)
        layout = QVBoxLayout(dialog)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.errors = FieldErrors()
        self.old = _password_edit()
        self.old.setObjectName("old")
        self.new = _password_edit()
        self.new.setObjectName("new")
        self.confirm = _password_edit()
        self.confirm.setObjectName("confirm")
        self.errors.add_row(form, dialog.tr("Password &attuale:"), "password", self.old)
        self.errors.add_row(form, dialog.tr("&Nuova password:"), "new_password", self.new)
        self.errors.add_row(form, dialog.tr("&Ripetere la nuova:"), "confirm", self.confirm)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout.addWidget(self.buttons)


class ChangePasswordDialog(QDialog, Ui_ChangePasswordDialog):
    def __init__(
        self, db: Database, actor: Actor, forced: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from tit_desktop.services import users

        self.setup_ui(self)
        self._db = db
        self._actor = actor
        if forced:
            self.intro.setText(
                self.tr(
                    "La password è stata reimpostata dall'amministratore: sceglietene una "
                    "nuova per continuare."
                )
            )
        else:
            self.intro.setText(
                self.tr("Almeno {0} caratteri, senza il nome utente.").format(
                    users.MIN_PASSWORD_LENGTH
                )
            )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.errors.set_checker(
            lambda: _password_problems(
                actor.username, self.new.text(), self.confirm.text(), "new_password"
            )
        )
        self.guard = FormGuard(self, save=self._save)
        self.guard.mark_clean()

    def reject(self) -> None:
        if self.guard.settle() is Settled.CLOSE:
            super().reject()

    def _save(self) -> bool:
        from tit_desktop.services import users

        self.errors.clear()
        if self.new.text() != self.confirm.text():
            self.errors.show(
                ValidationError({"confirm": self.tr("le due password non coincidono")})
            )
            return False
        try:
            with self._db.transaction(self._actor) as session:
                users.change_password(session, self._actor, self.old.text(), self.new.text())
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        except ServiceError as exc:
            show_service_error(self, exc)
            return False
        self.accept()
        return True
