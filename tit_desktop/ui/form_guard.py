"""Nothing typed is lost without asking: a form remembers what it showed when loaded (or
last saved), and closing it with edits asks "Salvare le modifiche?" (Salva / Non salvare /
Annulla, Annulla the default).

Use in a dialog::

    self.guard = FormGuard(self, save=self.save)     # save() closes the dialog when it works
    ...load the record...
    self.guard.mark_clean()

    def reject(self) -> None:                        # Chiudi, Esc and the window's X
        if self.guard.settle() is Settled.CLOSE:
            super().reject()

The main window calls ``settle_open_forms`` before closing or logging out.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from tit_desktop.ui import questions

_IGNORE = "formGuardIgnore"


class Settled(enum.Enum):
    CLOSE = "close"  # nothing to keep, or the user chose "Non salvare": close now
    SAVED = "saved"  # saved; the save itself closed the form
    STAY = "stay"  # "Annulla", or the save failed: the form stays open as it is


def _value(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    return None


def _is_input(widget: QWidget) -> bool:
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QComboBox | QAbstractSpinBox):
        return True
    return isinstance(widget, QAbstractButton) and widget.isCheckable()


def _inputs(form: QWidget) -> list[QWidget]:
    return [w for w in form.findChildren(QWidget) if _is_input(w) and not _ignored(w, form)]


def _ignored(widget: QWidget, form: QWidget) -> bool:
    current: QWidget | None = widget
    while current is not None and current is not form:
        if current.property(_IGNORE):
            return True
        current = current.parentWidget()
    return False


class FormGuard:
    """Knows whether a form holds edits, and asks before they are thrown away."""

    def __init__(self, form: QWidget, save: Callable[[], bool]) -> None:
        self._form = form
        self._save = save
        self._baseline: dict[QWidget, object] = {}
        self.enabled = True
        form.setProperty("formGuard", True)
        setattr(form, "form_guard", self)  # noqa: B010 - found by settle_open_forms

    def ignore(self, widgets: Iterable[QWidget]) -> None:
        """Inputs that are not part of the record (a search box, a note written and added
        at once): typing in them is not an edit of the form."""
        for widget in widgets:
            widget.setProperty(_IGNORE, True)

    def mark_clean(self) -> None:
        """What the form shows now is what is saved."""
        self._baseline = {w: _value(w) for w in _inputs(self._form)}

    def is_dirty(self) -> bool:
        if not self.enabled:
            return False
        return any(_value(w) != value for w, value in self._baseline.items())

    def settle(self) -> Settled:
        """Before closing: CLOSE when there is nothing to keep or the user discards it,
        SAVED when saved (the save closed the form), STAY otherwise."""
        if not self.is_dirty():
            return Settled.CLOSE
        choice = questions.ask_save_changes(self._form)
        if choice is questions.SaveChoice.DISCARD:
            self.enabled = False  # the form may now close without asking again
            return Settled.CLOSE
        if choice is questions.SaveChoice.SAVE and self._save():
            return Settled.SAVED
        return Settled.STAY


def open_forms(window: QWidget) -> list[QDialog]:
    """The guarded dialogs open under ``window``."""
    return [
        d
        for d in window.findChildren(QDialog)
        if isinstance(getattr(d, "form_guard", None), FormGuard) and d.isVisible()
    ]


def embedded_forms(window: QWidget) -> list[QWidget]:
    """Guarded forms that live inside a page rather than in a dialog (the timesheet's grid
    of hours): they hold edits whether their page is shown or not."""
    return [
        w
        for w in window.findChildren(QWidget)
        if not isinstance(w, QDialog) and isinstance(getattr(w, "form_guard", None), FormGuard)
    ]


def settle_open_forms(window: QWidget) -> bool:
    """Before the main window closes or the user logs out: each open form with edits asks
    in turn (brought to the front), then each page's form with edits. False when the user
    chose to stay."""
    for dialog in open_forms(window):
        guard: FormGuard = dialog.form_guard  # type: ignore[attr-defined]
        if not guard.is_dirty():
            continue
        dialog.raise_()
        dialog.activateWindow()
        outcome = guard.settle()
        if outcome is Settled.STAY:
            return False
        if outcome is Settled.CLOSE:
            dialog.reject()
    for form in embedded_forms(window):
        page_guard: FormGuard = form.form_guard  # type: ignore[attr-defined]
        if page_guard.is_dirty() and page_guard.settle() is Settled.STAY:
            return False
    return True
