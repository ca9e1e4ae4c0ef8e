"""Settings: which database to use (this PC's file, or a shared PostgreSQL server).

A server is saved only after a successful test of exactly the values being saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tit_desktop import credentials
from tit_desktop.services import schema
from tit_desktop.services.database import Database, postgres_url, url_parts
from tit_desktop.services.errors import ServiceError
from tit_desktop.settings import IDLE_LOCK_MINUTES_RANGE, Settings, default_database_url
from tit_desktop.ui.background import run_in_background
from tit_desktop.ui.file_dialogs import save_file
from tit_desktop.ui.form_guard import FormGuard, Settled
from tit_desktop.ui.widgets import ERROR_STYLE


class Ui_SettingsDialog:
    def setup_ui(self, dialog: QDialog) -> None:
        dialog.setWindowTitle(dialog.tr("Impostazioni"))
        dialog.setMinimumWidth(560)
        layout = QVBoxLayout(dialog)
        group = QGroupBox(dialog.tr("Database"))
        box = QVBoxLayout(group)
        self.local = QRadioButton(dialog.tr("Su &questo PC (un solo posto di lavoro)"))
        self.local.setObjectName("local")
        box.addWidget(self.local)
        file_row = QHBoxLayout()
        self.file = QLineEdit()
        self.file.setObjectName("file")
        self.browse = QPushButton(dialog.tr("Sfoglia…"))
        file_row.addWidget(self.file)
        file_row.addWidget(self.browse)
        box.addLayout(file_row)
        self.server = QRadioButton(dialog.tr("Su un &server PostgreSQL condiviso (più PC)"))
        self.server.setObjectName("server")
        box.addWidget(self.server)
        self.server_form = QWidget()
        form = QFormLayout(self.server_form)
        self.host = QLineEdit()
        self.host.setObjectName("host")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.dbname = QLineEdit()
        self.dbname.setObjectName("dbname")
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(dialog.tr("Server (&host):"), self.host)
        form.addRow(dialog.tr("Porta:"), self.port)
        form.addRow(dialog.tr("Nome del &database:"), self.dbname)
        form.addRow(dialog.tr("&Utente:"), self.user)
        form.addRow(dialog.tr("Pass&word:"), self.password)
        self.password_store = QLabel()
        self.password_store.setObjectName("password_store")
        self.password_store.setWordWrap(True)
        self.password_store.setStyleSheet("color: #555;")
        box.addWidget(self.server_form)
        box.addWidget(self.password_store)
        test_row = QHBoxLayout()
        self.test = QPushButton(dialog.tr("&Prova connessione"))
        self.test.setObjectName("test")
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        test_row.addWidget(self.test)
        test_row.addWidget(self.result, 1)
        box.addLayout(test_row)
        layout.addWidget(group)
        security = QGroupBox(dialog.tr("Sicurezza"))
        security_form = QFormLayout(security)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idle_minutes")
        self.idle_minutes.setRange(*IDLE_LOCK_MINUTES_RANGE)
        self.idle_minutes.setSuffix(dialog.tr(" minuti"))
        self.idle_minutes.setMaximumWidth(130)
        security_form.addRow(dialog.tr("&Blocca la finestra dopo:"), self.idle_minutes)
        idle_note = QLabel(
            dialog.tr(
                "senza uso di tastiera o mouse; per sbloccarla serve la password. Ha effetto "
                "dal prossimo accesso."
            )
        )
        idle_note.setWordWrap(True)
        idle_note.setStyleSheet("color: #555;")
        security_form.addRow("", idle_note)
        layout.addWidget(security)
        note = QLabel(
            dialog.tr(
                "Il cambio di database ha effetto al prossimo accesso. Un database nuovo viene "
                "preparato automaticamente; uno esistente viene aggiornato dopo un backup."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout.addWidget(self.buttons)


class SettingsDialog(QDialog, Ui_SettingsDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setup_ui(self)
        self._settings = Settings.load()
        self._tested_url: str | None = None
        self._loaded_url = self._settings.database_url or default_database_url()
        self.database_changed = False
        self._load(self._loaded_url)
        self.idle_minutes.setValue(self._settings.idle_lock_minutes)
        if credentials.keyring_available():
            self.password_store.setText(
                self.tr(
                    "La password è conservata nel portachiavi di sistema, non nel file delle "
                    "impostazioni."
                )
            )
        else:
            self.password_store.setText(
                self.tr(
                    "Su questo PC non c'è un portachiavi di sistema: la password è conservata "
                    "nel file {0}, leggibile solo dal vostro utente (mai nel file delle "
                    "impostazioni)."
                ).format(credentials.pgpass_file())
            )
        self.local.toggled.connect(self._sync_enabled)
        self.browse.clicked.connect(self._browse)
        self.test.clicked.connect(self._test)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.host, self.dbname, self.user, self.password, self.file):
            edit.textChanged.connect(self._forget_test)
        self.port.valueChanged.connect(self._forget_test)
        self.idle_minutes.valueChanged.connect(lambda _v: self.result.clear())
        self._sync_enabled()
        self.guard = FormGuard(self, save=self._save)
        self.guard.mark_clean()

    def reject(self) -> None:
        if self.guard.settle() is Settled.CLOSE:
            super().reject()

    def _load(self, url_text: str) -> None:
        parts = url_parts(url_text)
        if parts["backend"] == "sqlite":
            self.local.setChecked(True)
            self.file.setText(str(parts["file"]))
        else:
            self.server.setChecked(True)
            self.host.setText(str(parts["host"]))
            self.port.setValue(int(str(parts["port"])))
            self.dbname.setText(str(parts["database"]))
            self.user.setText(str(parts["user"]))
            self.password.setText(
                str(parts["password"]) or credentials.stored_password(url_text) or ""
            )
            self.file.setText(str(url_parts(default_database_url())["file"]))

    def _sync_enabled(self) -> None:
        local = self.local.isChecked()
        self.file.setEnabled(local)
        self.browse.setEnabled(local)
        self.server_form.setEnabled(not local)
        self._forget_test()

    def _forget_test(self) -> None:
        self._tested_url = None
        self.result.clear()

    def _browse(self) -> None:
        current = Path(self.file.text())
        path, _ = save_file(
            self,
            self.tr("File del database"),
            current.name,
            self.tr("Database SQLite (*.sqlite3 *.db)"),
            folder=current.parent if current.parent.is_dir() else None,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path is not None:
            self.file.setText(str(path))

    def url(self) -> str:
        if self.local.isChecked():
            return "sqlite:///" + self.file.text().strip().replace("\\", "/")
        return postgres_url(
            self.host.text(),
            self.port.value(),
            self.dbname.text(),
            self.user.text(),
            self.password.text(),
        )

    def _test(self) -> None:
        url = self.url()
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Connessione in corso…"))
        self.test.setEnabled(False)

        def work(_progress: object) -> str:
            db = Database(url)
            try:
                db.check_connection()
                st = schema.status(db)
            finally:
                db.dispose()
            return st.state.value

        def ok(state: str) -> None:
            self.test.setEnabled(True)
            self._tested_url = url
            self.result.setStyleSheet("color: #1b5e20;")
            self.result.setText(
                self.tr("Connessione riuscita. Stato del database: {0}.").format(state)
            )

        def fail(exc: BaseException) -> None:
            self.test.setEnabled(True)
            self._tested_url = None
            self.result.setStyleSheet(ERROR_STYLE)
            text = exc.message if isinstance(exc, ServiceError) else str(exc)
            self.result.setText(text)

        run_in_background(self, work, ok, fail)

    def _save(self) -> bool:
        url = self.url()
        if self.local.isChecked() and not self.file.text().strip():
            self.result.setStyleSheet(ERROR_STYLE)
            self.result.setText(self.tr("Indicare il file del database."))
            return False
        if self.server.isChecked() and self._tested_url != url:
            self.result.setStyleSheet(ERROR_STYLE)
            self.result.setText(self.tr("Provate la connessione prima di salvare: deve riuscire."))
            return False
        # Read again: the file dialog may have remembered a folder meanwhile.
        self._settings = Settings.load()
        bare, password = credentials.split_password(url)
        try:
            if self.server.isChecked():
                # The password goes to the keyring (or the pgpass file), never to the file.
                if password:
                    credentials.store_password(bare, password)
                else:
                    credentials.forget_password(bare)
            self._settings.database_url = "" if bare == default_database_url() else bare
            self._settings.idle_lock_minutes = self.idle_minutes.value()
            self._settings.save()
        except OSError as exc:
            self.result.setStyleSheet(ERROR_STYLE)
            self.result.setText(
                self.tr("Impostazioni non salvate: {0} ({1}).").format(
                    exc.filename or credentials.pgpass_file(), exc.strerror or exc
                )
            )
            return False
        self.database_changed = (self._settings.database_url or default_database_url()) != (
            credentials.split_password(self._loaded_url)[0]
        )
        self.accept()
        return True
