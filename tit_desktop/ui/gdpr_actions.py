"""Data-protection actions on a person: the access-request export (PDF + JSON + copies of
the attachments) and the irreversible anonymisation, which asks for the person's code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.services import gdpr
from tit_desktop.services.errors import ServiceError, ValidationError
from tit_desktop.ui.background import run_in_background
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.errors import handle_error, show_service_error
from tit_desktop.ui.file_dialogs import choose_folder
from tit_desktop.ui.signals import notify_changed
from tit_desktop.ui.widgets import FieldErrors


def export_access_request(parent: QWidget, ctx: AppContext, person_id: int, code: str) -> None:
    folder = choose_folder(parent, "Cartella in cui salvare i dati della persona")
    if folder is None:
        return
    target = folder / f"accesso-dati-{code}-{dt.date.today():%Y%m%d}"

    def work(_progress: object) -> Path:
        target.mkdir(parents=True, exist_ok=False)
        with ctx.db.transaction(ctx.actor) as session:
            gdpr.export_person_data(
                session,
                ctx.actor,
                person_id,
                target / "dati-personali.pdf",
                target / "dati-personali.json",
                attachments_dir=target / "allegati",
            )
        return target

    def done(path: Path) -> None:
        QMessageBox.information(
            parent,
            "Richiesta di accesso",
            f"Dati salvati nella cartella:\n{path}\n\n(PDF da consegnare, JSON leggibile da "
            "altri programmi, copia degli allegati)",
        )
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def failed(exc: BaseException) -> None:
        if isinstance(exc, FileExistsError):
            show_service_error(
                parent, ServiceError(f"La cartella {target} esiste già: sceglietene un'altra.")
            )
        else:
            handle_error(parent, exc)

    run_in_background(
        parent, work, done, failed, progress="Raccolta dei dati della persona…", cancellable=False
    )


class AnonymiseDialog(QDialog):
    """Irreversible: the user types the person's code and the reason."""

    def __init__(
        self, ctx: AppContext, person_id: int, code: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.setWindowTitle(self.tr("Anonimizza la persona"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        warning = QLabel(
            self.tr(
                "<b>Operazione irreversibile.</b> Nome, cognome, codici, recapiti, note, allegati "
                "e legami familiari saranno cancellati, anche dal registro attività. Restano solo "
                "i dati anonimi che servono alle statistiche (sesso, cittadinanza, anno di "
                "nascita, situazione abitativa, data di presa in carico) e i servizi ricevuti."
                "<br><br>Per confermare scrivete il codice della persona: <b>{0}</b>"
            ).format(code)
        )
        warning.setWordWrap(True)
        layout.addWidget(warning)
        form = QFormLayout()
        self.errors = FieldErrors()
        self.code = QLineEdit()
        self.code.setObjectName("confirm_code")
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("es. richiesta dell'interessato del gg/mm/aaaa"))
        self.reason.setMaximumHeight(80)
        self.errors.add_row(form, self.tr("&Codice:"), "confirm_code", self.code)
        self.errors.add_row(form, self.tr("&Motivo:"), "reason", self.reason)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        confirm = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        confirm.setText(self.tr("Anonimizza"))
        # Irreversible: Enter in the fields does not press it; it must be clicked.
        confirm.setAutoDefault(False)
        confirm.setDefault(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.buttons.accepted.connect(self._anonymise)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _anonymise(self) -> None:
        self.errors.clear()
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                gdpr.anonymise_person(
                    session,
                    self.ctx.actor,
                    self.person_id,
                    self.reason.toPlainText(),
                    self.code.text(),
                )
        except ValidationError as exc:
            rest = self.errors.show(exc)
            if rest:
                show_service_error(self, ValidationError(rest))
            return
        except ServiceError as exc:
            show_service_error(self, exc)
            return
        notify_changed("person")
        self.accept()
