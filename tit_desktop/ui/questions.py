"""Questions to the user with the safe answer as the default.

Every destructive or irreversible question (delete, restore, merge, leave unsaved edits) is
built here, so that Enter and Esc always mean "do nothing": the risky button must be clicked.
Tests answer these by monkeypatching the module-level functions (``confirm``,
``ask_save_changes``) or by patching ``QMessageBox.exec`` and reading ``defaultButton()``.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("questions", text)


def build_confirmation(
    parent: QWidget | None, title: str, text: str, action: str, safe: str = ""
) -> tuple[QMessageBox, QPushButton, QPushButton]:
    """A question whose default (Enter) and escape (Esc) button is the safe one.
    Returns the box, the button that does ``action`` and the safe one."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    do_it = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(safe or _tr("Annulla"), QMessageBox.ButtonRole.RejectRole)
    do_it.setAutoDefault(False)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    return box, do_it, keep


def confirm(parent: QWidget | None, title: str, text: str, action: str, safe: str = "") -> bool:
    """Ask before a destructive or irreversible action; True only if ``action`` was clicked."""
    box, do_it, _keep = build_confirmation(parent, title, text, action, safe)
    box.exec()
    return box.clickedButton() is do_it


class SaveChoice(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def build_save_question(
    parent: QWidget | None,
) -> tuple[QMessageBox, dict[SaveChoice, QPushButton]]:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Modifiche non salvate"))
    box.setText(_tr("Salvare le modifiche?"))
    box.setInformativeText(_tr("Se non le salvate, le modifiche fatte andranno perse."))
    buttons = {
        SaveChoice.SAVE: box.addButton(_tr("Salva"), QMessageBox.ButtonRole.AcceptRole),
        SaveChoice.DISCARD: box.addButton(
            _tr("Non salvare"), QMessageBox.ButtonRole.DestructiveRole
        ),
        SaveChoice.CANCEL: box.addButton(_tr("Annulla"), QMessageBox.ButtonRole.RejectRole),
    }
    for button in buttons.values():
        button.setAutoDefault(False)
    box.setDefaultButton(buttons[SaveChoice.CANCEL])
    box.setEscapeButton(buttons[SaveChoice.CANCEL])
    return box, buttons


def ask_save_changes(parent: QWidget | None) -> SaveChoice:
    """ "Salvare le modifiche?" with Salva / Non salvare / Annulla; Annulla is the default."""
    box, buttons = build_save_question(parent)
    box.exec()
    clicked = box.clickedButton()
    for choice, button in buttons.items():
        if clicked is button:
            return choice
    return SaveChoice.CANCEL
