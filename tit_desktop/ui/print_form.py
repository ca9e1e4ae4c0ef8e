"""Printing a person's form: choose the language and the file, write the PDF off the GUI
thread, then open it with the system's PDF viewer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from tit_desktop import paths
from tit_desktop.services import forms
from tit_desktop.ui.background import run_in_background
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.errors import handle_error

LANGUAGES = {"Solo italiano": "it", "Italiano e inglese": "en", "Italiano e francese": "fr"}


def print_registration_form(parent: QWidget, ctx: AppContext, person_id: int) -> None:
    choice, ok = QInputDialog.getItem(
        parent, "Stampa scheda di iscrizione", "Lingua del modulo:", list(LANGUAGES), 0, False
    )
    if not ok:
        return
    default = paths.data_dir() / f"scheda-{person_id}-{dt.date.today():%Y%m%d}.pdf"
    target, _ = QFileDialog.getSaveFileName(parent, "Salva la scheda", str(default), "PDF (*.pdf)")
    if not target:
        return
    lang = LANGUAGES[choice]

    def work(_progress: object) -> Path:
        with ctx.db.transaction(ctx.actor) as session:
            forms.print_form(
                session, ctx.actor, "scheda-iscrizione", person_id, Path(target), lang=lang
            )
        return Path(target)

    run_in_background(
        parent,
        work,
        lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
        lambda exc: handle_error(parent, exc),
        progress="Preparazione del PDF…",
        cancellable=False,
    )
