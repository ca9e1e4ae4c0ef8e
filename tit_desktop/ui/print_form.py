"""Printing a person's form: choose the language and the file, write the PDF off the GUI
thread, then open it with the system's PDF viewer."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QInputDialog, QWidget

from tit_desktop.reports import forms as form_registry
from tit_desktop.services import clock, forms, persons
from tit_desktop.ui.background import Progress, run_in_background
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.errors import handle_error
from tit_desktop.ui.file_dialogs import save_file

REGISTRATION_FORM = "scheda-iscrizione"


def language_label(lang: str) -> str:
    labels = {
        "it": QCoreApplication.translate("print_form", "Solo italiano"),
        "en": QCoreApplication.translate("print_form", "Italiano e inglese"),
        "fr": QCoreApplication.translate("print_form", "Italiano e francese"),
    }
    return labels.get(lang, lang)


def pdf_file_name(form_name: str, code: str, day: dt.date) -> str:
    """ "scheda-TIU-00004-20261128.pdf": the form, the person's Codice, the day."""
    prefix = "scheda" if form_name == REGISTRATION_FORM else form_name
    safe_code = re.sub(r"[^\w.-]+", "-", code).strip("-") or "persona"
    return f"{prefix}-{safe_code}-{day:%Y%m%d}.pdf"


def print_registration_form(parent: QWidget, ctx: AppContext, person_id: int) -> None:
    """From the person's record: ask the language, then the file."""
    spec = form_registry.get_form(REGISTRATION_FORM)
    choices = [language_label(lang) for lang in spec.languages]
    choice, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("print_form", "Stampa scheda di iscrizione"),
        QCoreApplication.translate("print_form", "Lingua del modulo:"),
        choices,
        0,
        False,
    )
    if ok:
        print_person_form(parent, ctx, spec.name, person_id, spec.languages[choices.index(choice)])


def print_person_form(
    parent: QWidget, ctx: AppContext, form_name: str, person_id: int, lang: str
) -> Progress | None:
    """Ask where to save the PDF (named with the person's Codice), write it in the
    background and open it. None when the user gave up."""
    with ctx.db.reading() as session:
        code = persons.code_of(session, ctx.actor, person_id)
    file_name = pdf_file_name(form_name, code, clock.today())
    return print_document(parent, ctx, form_name, {"person": code}, file_name, lang)


def print_document(
    parent: QWidget,
    ctx: AppContext,
    form_name: str,
    selection: Mapping[str, str],
    suggested_name: str,
    lang: str = "it",
) -> Progress | None:
    """Any form of :mod:`tit_desktop.reports.forms`, about what ``selection`` names (the same
    values the command line takes, e.g. ``{"alloggio": "Casa Aurora", "month": "03/2026"}``):
    ask where to save it, write it in the background, open it. None when the user gave up."""
    target, _ = save_file(
        parent,
        QCoreApplication.translate("print_form", "Salva il documento"),
        suggested_name,
        QCoreApplication.translate("print_form", "Documento PDF (*.pdf)"),
    )
    if target is None:
        return None
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    chosen = dict(selection)

    def work(_progress: object) -> Path:
        with ctx.db.transaction(ctx.actor) as session:
            forms.print_document(session, ctx.actor, form_name, chosen, target, lang=lang)
        return target

    return run_in_background(
        parent,
        work,
        lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
        lambda exc: handle_error(parent, exc),
        progress=QCoreApplication.translate("print_form", "Preparazione del PDF…"),
        cancellable=False,
    )
