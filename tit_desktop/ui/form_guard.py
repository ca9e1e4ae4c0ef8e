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
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol, cast

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from tit_desktop.ui import questions

_IGNORE = "formGuardIgnore"


class Settled(enum.Enum):
    CLOSE = "close"  # nothing to keep, or the user chose "Non salvare": close now
    SAVED = "saved"  # saved; the save itself closed the form
    STAY = "stay"  # "Annulla", or the save failed: the form stays open as it is


class FormValue(Protocol):
    """An input the guard cannot read by its type (a list of linked persons, a list of
    ticks): it gives its value (compared with ``==``), takes one back, and says it in
    words. Its own child widgets are then part of its value, not inputs of their own."""

    def form_value(self) -> object: ...

    def set_form_value(self, value: object) -> None: ...

    def form_text(self, value: object) -> str: ...


def _has_form_value(widget: QWidget) -> bool:
    return callable(getattr(widget, "form_value", None))


def read_value(widget: QWidget) -> object:
    """What an input holds, in a form that compares with ``==`` and that
    :func:`write_value` puts back."""
    if _has_form_value(widget):
        return cast(FormValue, widget).form_value()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        # By the item's data as well as its text: a list filled again (another PC added a
        # choice) keeps its meaning where an index would not.
        return (widget.currentData(), widget.currentText())
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    return None


def write_value(widget: QWidget, value: object) -> None:
    """Put back a value read by :func:`read_value` (nothing happens when it is there)."""
    if read_value(widget) == value:
        return
    if _has_form_value(widget):
        cast(FormValue, widget).set_form_value(value)
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value))
        widget.setCursorPosition(0)
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.setPlainText(str(value))
    elif isinstance(widget, QComboBox):
        data, text = cast(tuple[object, str], value)
        widget.setCurrentIndex(_combo_index(widget, data, text))
        if widget.isEditable() and widget.currentText() != text:
            widget.setEditText(text)
    elif isinstance(widget, QSpinBox):
        widget.setValue(cast(int, value))
    elif isinstance(widget, QDoubleSpinBox):
        widget.setValue(cast(float, value))
    elif isinstance(widget, QDateTimeEdit):
        widget.setDateTime(cast(QDateTime, value))
    elif isinstance(widget, QAbstractSpinBox):
        line = widget.lineEdit()
        if line is not None:
            line.setText(str(value))
        widget.interpretText()
    elif isinstance(widget, QAbstractButton) and widget.isCheckable():
        widget.setChecked(bool(value))


def _combo_index(combo: QComboBox, data: object, text: str) -> int:
    """The item holding ``data`` (and ``text``, when several hold the same data); a choice
    the list no longer offers is added back, as the forms do for a record that uses it."""
    same_data = [i for i in range(combo.count()) if combo.itemData(i) == data]
    for index in same_data:
        if combo.itemText(index) == text:
            return index
    if same_data and data is not None:
        return same_data[0]
    by_text = combo.findText(text)
    if by_text >= 0:
        return by_text
    if combo.isEditable():
        return combo.currentIndex()
    combo.addItem(text, data)
    return combo.count() - 1


def shown_text(widget: QWidget) -> str:
    """The input's value as the form shows it, for a person to read."""
    if _has_form_value(widget):
        field = cast(FormValue, widget)
        return field.form_text(field.form_value())
    if isinstance(widget, QLineEdit):
        if widget.echoMode() is not QLineEdit.EchoMode.Normal:
            return "••••••" if widget.text() else ""
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        if widget.isChecked():
            return QCoreApplication.translate("form_guard", "sì")
        return QCoreApplication.translate("form_guard", "no")
    return ""


def _is_input(widget: QWidget) -> bool:
    if _has_form_value(widget):
        return True
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QComboBox | QAbstractSpinBox):
        return True
    return isinstance(widget, QAbstractButton) and widget.isCheckable()


def _inputs(form: QWidget) -> list[QWidget]:
    return [w for w in form.findChildren(QWidget) if _is_input(w) and not _ignored(w, form)]


def _ignored(widget: QWidget, form: QWidget) -> bool:
    """Set aside by :meth:`FormGuard.ignore`, or a part of an input with its own value (the
    line edit inside a spin box or an editable list, the lists of a person picker)."""
    current: QWidget | None = widget
    while current is not None and current is not form:
        if current.property(_IGNORE):
            return True
        current = current.parentWidget()
        if current is not None and current is not form and _is_compound(current):
            return True
    return False


def _is_compound(widget: QWidget) -> bool:
    return _has_form_value(widget) or isinstance(widget, QComboBox | QAbstractSpinBox)


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

    def inputs(self) -> list[QWidget]:
        """The form's inputs (those set aside with :meth:`ignore` left out), in the order
        they were made."""
        return _inputs(self._form)

    def mark_clean(self) -> None:
        """What the form shows now is what is saved."""
        self._baseline = {w: read_value(w) for w in self.inputs()}

    @property
    def baseline(self) -> dict[QWidget, object]:
        """Each input's value when the form was loaded or last saved."""
        return dict(self._baseline)

    def set_baseline(self, values: Mapping[QWidget, object]) -> None:
        """Take ``values`` as what is saved (the form as it was before a step given up)."""
        self._baseline = dict(values)

    def is_dirty(self) -> bool:
        if not self.enabled:
            return False
        return any(read_value(w) != value for w, value in self._baseline.items())

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
