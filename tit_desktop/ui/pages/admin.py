"""Amministrazione: users, audit log viewer, database (backup and restore)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.models.user import Role
from tit_desktop.services import backup, schema, users
from tit_desktop.services.errors import NotFound, ServiceError, StaleRecord, ValidationError
from tit_desktop.services.permissions import ROLE_LABELS, Permission
from tit_desktop.settings import BACKUPS_KEPT_RANGE, Settings
from tit_desktop.ui import questions
from tit_desktop.ui.background import run_in_background
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.errors import handle_error, show_service_error
from tit_desktop.ui.file_dialogs import choose_folder, open_file, save_file
from tit_desktop.ui.form_guard import FormGuard, Settled
from tit_desktop.ui.pages.audit_log import AuditLogPage
from tit_desktop.ui.signals import app_signals, notify_changed
from tit_desktop.ui.stale_merge import merge_with_colleague
from tit_desktop.ui.table_models import Column, ListTableModel
from tit_desktop.ui.widgets import ERROR_STYLE, FieldErrors
from tit_desktop.ui.wording import plural


def _local(moment: dt.datetime | None) -> str:
    return "" if moment is None else moment.astimezone().strftime("%d/%m/%Y %H:%M:%S")


def _table() -> QTableView:
    view = QTableView()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view


class UserDialog(QDialog):
    """New user (username, name, role, temporary password) or edit (name, role, active)."""

    def __init__(
        self, ctx: AppContext, user: users.UserInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._user = user
        self.setWindowTitle(self.tr("Nuovo utente") if user is None else self.tr("Modifica utente"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.errors = FieldErrors()
        self.username = QLineEdit(user.username if user else "")
        self.username.setObjectName("username")
        self.username.setReadOnly(user is not None)
        self.full_name = QLineEdit(user.full_name if user else "")
        self.full_name.setObjectName("full_name")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in Role:
            self.role.addItem(f"{ROLE_LABELS[role]} ({role.value})", role)
        self.role.setCurrentIndex(list(Role).index(user.role if user else Role.OPERATOR))
        self.errors.add_row(form, self.tr("&Nome utente:"), "username", self.username)
        self.errors.add_row(form, self.tr("N&ome e cognome:"), "full_name", self.full_name)
        self.errors.add_row(form, self.tr("&Ruolo:"), "role", self.role)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.active = QCheckBox(self.tr("Utente attivo"))
        self.active.setObjectName("active")
        if user is None:
            self.errors.add_row(form, self.tr("Password &provvisoria:"), "password", self.password)
            hint = QLabel(self.tr("L'utente dovrà cambiarla al primo accesso."))
            hint.setStyleSheet("color: #555;")
            form.addRow("", hint)
        else:
            self.active.setChecked(user.active)
            self.errors.add_row(form, "", "active", self.active)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.guard = FormGuard(self, save=self._save)
        self.guard.mark_clean()

    def reject(self) -> None:
        if self.guard.settle() is Settled.CLOSE:
            super().reject()

    def _save(self) -> bool:
        role = self.role.currentData()
        try:
            with self._ctx.db.transaction(self._ctx.actor) as session:
                if self._user is None:
                    users.add_user(
                        session,
                        self._ctx.actor,
                        self.username.text(),
                        role,
                        self.password.text(),
                        self.full_name.text(),
                        must_change_password=True,
                    )
                else:
                    users.update_user(
                        session,
                        self._ctx.actor,
                        self._user.id,
                        expected_version=self._user.version,
                        full_name=self.full_name.text(),
                        role=role,
                        active=self.active.isChecked(),
                    )
        except ValidationError as exc:
            rest = self.errors.show(exc)
            if rest:
                show_service_error(self, ValidationError(rest))
            return False
        except StaleRecord:
            merge_with_colleague(self, self.reload_current, ("_user",))
            return False
        except ServiceError as exc:
            show_service_error(self, exc)
            return False
        notify_changed("app_user")
        self.accept()
        return True

    def reload_current(self) -> None:
        """The user as stored now (another admin saved it meanwhile), in the form."""
        assert self._user is not None
        user_id = self._user.id
        with self._ctx.db.reading() as session:
            found = [u for u in users.list_users(session, self._ctx.actor) if u.id == user_id]
        if not found:
            raise NotFound(self.tr("L'utente è stato eliminato."))
        user = self._user = found[0]
        self.full_name.setText(user.full_name)
        self.role.setCurrentIndex(self.role.findData(user.role))
        self.active.setChecked(user.active)


class UsersTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Nuovo utente…"))
        self.edit_button = QPushButton(self.tr("&Modifica…"))
        self.reset_button = QPushButton(self.tr("&Reimposta password…"))
        for button in (self.add_button, self.edit_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.model: ListTableModel[users.UserInfo] = ListTableModel(
            [
                Column(self.tr("Nome utente"), lambda u: u.username),
                Column(self.tr("Nome e cognome"), lambda u: u.full_name),
                Column(self.tr("Ruolo"), lambda u: ROLE_LABELS[u.role]),
                Column(self.tr("Stato"), self._state),
                Column(self.tr("Ultimo accesso"), lambda u: _local(u.last_login_at)),
            ],
            self,
        )
        self.view = _table()
        self.view.setObjectName("users_table")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(self._edit)
        layout.addWidget(self.view)
        self.add_button.clicked.connect(self._add)
        self.edit_button.clicked.connect(self._edit)
        self.reset_button.clicked.connect(self._reset)
        app_signals().changed.connect(self._on_changed)
        self.refresh()

    def _state(self, user: users.UserInfo) -> str:
        if not user.active:
            return self.tr("disattivato")
        if user.locked_until and user.locked_until > dt.datetime.now(dt.UTC):
            return self.tr("bloccato fino alle {0}").format(
                user.locked_until.astimezone().strftime("%H:%M")
            )
        if user.must_change_password:
            return self.tr("attivo (deve cambiare password)")
        return self.tr("attivo")

    def _on_changed(self, entities: frozenset[str]) -> None:
        if "app_user" in entities:
            self.refresh()

    def refresh(self) -> None:
        with self._ctx.db.reading() as session:
            self.model.set_rows(users.list_users(session, self._ctx.actor))

    def _selected(self) -> users.UserInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _add(self) -> None:
        UserDialog(self._ctx, parent=self).exec()

    def _edit(self) -> None:
        user = self._selected()
        if user is not None:
            UserDialog(self._ctx, user, parent=self).exec()

    def _reset(self) -> None:
        user = self._selected()
        if user is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Reimposta password di {0}").format(user.username))
        dialog.setMinimumWidth(440)
        layout = QVBoxLayout(dialog)
        form = QFormLayout()
        errors = FieldErrors()
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        errors.add_row(form, self.tr("Password provvisoria:"), "new_password", edit)
        layout.addLayout(form)
        note = QLabel(
            self.tr(
                "L'utente dovrà cambiarla al prossimo accesso; il blocco per "
                "tentativi errati viene tolto."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout.addWidget(box)

        def save() -> None:
            try:
                with self._ctx.db.transaction(self._ctx.actor) as session:
                    users.reset_password(session, self._ctx.actor, user.id, edit.text())
            except ValidationError as exc:
                errors.show(exc)
                return
            except ServiceError as exc:
                show_service_error(dialog, exc)
                return
            notify_changed("app_user")
            dialog.accept()

        box.accepted.connect(save)
        box.rejected.connect(dialog.reject)
        dialog.exec()


class DatabaseTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        layout = QVBoxLayout(self)
        self.info = QLabel()
        self.info.setObjectName("database_info")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.info)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Esegui &backup ora…"))
        self.restore_button = QPushButton(self.tr("&Ripristina da un backup…"))
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.last_backup = QLabel()
        self.last_backup.setObjectName("last_backup")
        layout.addWidget(self.last_backup)
        self.overdue = QLabel()
        self.overdue.setObjectName("backup_overdue")
        self.overdue.setWordWrap(True)
        self.overdue.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.overdue.hide()
        layout.addWidget(self.overdue)
        layout.addWidget(self._automatic_group())
        self.backups: ListTableModel[backup.BackupFile] = ListTableModel(
            [
                Column(self.tr("Data"), lambda b: _local(b.written_at)),
                Column(
                    self.tr("Dimensione"),
                    lambda b: QLocale().formattedDataSize(
                        b.size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
                    ),
                    align_right=True,
                ),
                Column(self.tr("File"), lambda b: b.path.name),
                Column(self.tr("Cartella"), lambda b: str(b.path.parent)),
            ],
            self,
        )
        self.backups_view = _table()
        self.backups_view.setObjectName("backups_table")
        self.backups_view.setModel(self.backups)
        self.backups_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.backups_view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.backups_view, 1)
        self.backup_button.clicked.connect(self._backup)
        self.restore_button.clicked.connect(self._restore)
        self.choose_folder.clicked.connect(self._choose_folder)
        self.save_automatic.clicked.connect(self._save_automatic)
        # Replacing every row, users and audit log included, is the administrator's alone.
        self.restore_button.setVisible(ctx.actor.can(Permission.RESTORE_DATABASE))
        self.refresh()

    def _automatic_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Backup automatici di questo PC"))
        column = QVBoxLayout(group)
        form = QFormLayout()
        column.addLayout(form)
        self.automatic_errors = FieldErrors()
        self.daily = QCheckBox(self.tr("Un backup automatico al &giorno"))
        self.daily.setObjectName("daily_backup")
        self.automatic_errors.add_row(form, "", "daily_backup", self.daily)
        if not self._ctx.db.is_sqlite:
            note = QLabel(
                self.tr(
                    "Il database è su un server: i PC non ne fanno una copia al giorno (ogni PC "
                    "avrebbe una copia di tutti i dati). Fatene il backup con «tit-desktop db "
                    "backup» pianificato su un solo computer, o con gli strumenti del server."
                )
            )
            note.setObjectName("server_backup_note")
            note.setWordWrap(True)
            note.setStyleSheet("color: #555;")
            column.addWidget(note)
        folder_row = QWidget()
        row = QHBoxLayout(folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.folder = QLineEdit()
        self.folder.setObjectName("backup_folder")
        self.folder.setPlaceholderText(str(backup.paths.backup_dir()))
        self.choose_folder = QPushButton(self.tr("Sfoglia…"))
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose_folder)
        self.automatic_errors.add_row(
            form, self.tr("&Cartella (anche di rete):"), "backup_folder", folder_row
        )
        self.kept = QSpinBox()
        self.kept.setObjectName("backups_kept")
        self.kept.setRange(*BACKUPS_KEPT_RANGE)
        self.kept.setMaximumWidth(90)
        self.automatic_errors.add_row(
            form, self.tr("Backup automatici co&nservati:"), "backups_kept", self.kept
        )
        self.save_automatic = QPushButton(self.tr("&Salva le impostazioni dei backup"))
        self.save_automatic.setObjectName("save_automatic")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_automatic)
        buttons.addStretch(1)
        form.addRow("", buttons)
        self._load_automatic()
        return group

    def _load_automatic(self) -> None:
        current = Settings.load()
        self.daily.setChecked(current.daily_backup)
        self.folder.setText(current.backup_folder)
        self.kept.setValue(current.backups_kept)

    def _choose_folder(self) -> None:
        chosen = choose_folder(self, self.tr("Cartella dei backup"))
        if chosen is not None:
            self.folder.setText(str(chosen))

    def _save_automatic(self) -> bool:
        try:
            backup.configure_backups(
                self._ctx.db,
                self._ctx.actor,
                self.folder.text(),
                self.kept.value(),
                self.daily.isChecked(),
            )
        except ValidationError as exc:
            rest = self.automatic_errors.show(exc)
            if rest:
                show_service_error(self, ValidationError(rest))
            return False
        except ServiceError as exc:
            show_service_error(self, exc)
            return False
        self._load_automatic()
        self.refresh()
        return True

    def refresh(self) -> None:
        self._refresh_backups()
        st = schema.status(self._ctx.db)
        place = backup.backup_place()
        self.info.setText(
            self.tr(
                "<b>Database:</b> {0}<br><b>Revisione dello schema:</b> {1} ({2})<br>"
                "<b>Cartella dei backup:</b> {3}"
            ).format(self._ctx.db.describe(), st.current, st.state.value, place.folder)
        )

    def _refresh_backups(self) -> None:
        files = backup.list_backups(self._ctx.actor)
        with self._ctx.db.reading() as session:
            last = backup.last_backup_at(session, self._ctx.actor)
            overdue = backup.backup_overdue(session)
        self.backups.set_rows(files)
        self.overdue.setText(overdue.text if overdue else "")
        self.overdue.setVisible(overdue is not None)
        if last is None:
            self.last_backup.setText(self.tr("<b>Ultimo backup:</b> nessun backup eseguito"))
        else:
            days = (dt.date.today() - last.astimezone().date()).days
            when = (
                self.tr("oggi")
                if days == 0
                else plural(days, self.tr("{n} giorno fa"), self.tr("{n} giorni fa"))
            )
            self.last_backup.setText(
                self.tr("<b>Ultimo backup:</b> {0} ({1})").format(_local(last), when)
            )

    def _backup(self) -> None:
        target, _ = save_file(
            self,
            self.tr("Salva il backup"),
            f"tit-{dt.date.today():%Y%m%d}.sqlite3",
            self.tr("Backup (*.sqlite3)"),
            folder=backup.backup_place().folder,
        )
        if target is None:
            return
        if target.exists():
            target.unlink()

        def done(result: Path) -> None:
            self._refresh_backups()
            QMessageBox.information(
                self, self.tr("Backup"), self.tr("Backup scritto in {0}").format(result)
            )

        run_in_background(
            self,
            lambda _p: backup.backup(self._ctx.db, self._ctx.actor, target),
            done,
            lambda exc: handle_error(self, exc),
            progress=self.tr("Backup in corso…"),
            cancellable=False,
        )

    def _restore(self) -> None:
        path = open_file(
            self,
            self.tr("Scegliete il backup da ripristinare"),
            self.tr("Backup (*.sqlite3)"),
            folder=backup.paths.backup_dir(),
        )
        if path is None:
            return
        if not questions.confirm(
            self,
            self.tr("Ripristino"),
            self.tr(
                "Tutti i dati attuali saranno sostituiti da quelli del backup.\n"
                "Prima viene salvata una copia dei dati attuali. Continuare?"
            ),
            self.tr("Ripristina"),
        ):
            return

        def done(_result: object) -> None:
            QMessageBox.information(
                self,
                self.tr("Ripristino"),
                self.tr("Ripristino completato. Verrete disconnessi: accedete di nuovo."),
            )
            window = self.window()
            if hasattr(window, "logout_requested"):
                window.logout_requested.emit()

        run_in_background(
            self,
            lambda _p: backup.restore(self._ctx.db, self._ctx.actor, path),
            done,
            lambda exc: handle_error(self, exc),
            progress=self.tr("Ripristino in corso…"),
            cancellable=False,
        )


class AdminPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.tr('Amministrazione')}</h2>"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("admin_tabs")
        actor = ctx.actor
        if actor.can(Permission.MANAGE_USERS):
            self.tabs.addTab(UsersTab(ctx), self.tr("Utenti"))
        if actor.can(Permission.VIEW_AUDIT):
            self.tabs.addTab(AuditLogPage(ctx), self.tr("Registro attività"))
        if actor.can(Permission.MANAGE_DATABASE):
            self.tabs.addTab(DatabaseTab(ctx), self.tr("Database"))
        if self.tabs.count() == 0:
            note = QLabel(self.tr("Questa sezione è riservata ad amministratori e coordinatori."))
            layout.addWidget(note)
            layout.addStretch(1)
        else:
            layout.addWidget(self.tabs)
