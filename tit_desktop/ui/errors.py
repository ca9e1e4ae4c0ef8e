"""Showing errors: refusals from services, and unexpected exceptions (logged with traceback)."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tit_desktop.logging_setup import log_file
from tit_desktop.services.errors import ServiceError, ValidationError, label_for

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def service_error_text(exc: ServiceError) -> str:
    if isinstance(exc, ValidationError) and len(exc.fields) > 1:
        lines = [f"• {label_for(k)}: {v}" for k, v in exc.fields.items()]
        return _tr("Controllare questi campi:") + "\n" + "\n".join(lines)
    return exc.message


def show_service_error(parent: QWidget | None, exc: ServiceError, title: str = "") -> None:
    QMessageBox.warning(parent, title or _tr("Operazione non eseguita"), service_error_text(exc))


def show_unexpected_error(parent: QWidget | None, exc: BaseException) -> None:
    """Log the traceback and tell the user, without closing the application."""
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("Unexpected error:\n%s", details)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_tr("Errore imprevisto"))
    box.setText(
        _tr(
            "Si è verificato un errore imprevisto e l'ultima operazione non è stata completata."
            "\nI dati già salvati non sono stati toccati: potete continuare a lavorare."
        )
    )
    box.setInformativeText(
        _tr("I dettagli sono stati scritti nel file di log:") + f"\n{log_file()}"
    )
    box.setDetailedText(details)
    box.exec()


def handle_error(parent: QWidget | None, exc: BaseException) -> None:
    """The on_error of every background task and every button: refusals are explained,
    anything else is an unexpected error."""
    if isinstance(exc, ServiceError):
        show_service_error(parent, exc)
    else:
        show_unexpected_error(parent, exc)


def install_excepthook() -> None:
    """Unhandled exceptions in slots become an error dialog instead of a silent crash."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        exc.__traceback__ = tb
        parent = QApplication.activeWindow()
        if isinstance(exc, ServiceError):
            show_service_error(parent, exc)
        else:
            show_unexpected_error(parent, exc)

    sys.excepthook = hook
