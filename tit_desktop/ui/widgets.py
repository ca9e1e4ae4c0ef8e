"""Small shared widgets: a field-error label set, a form row with its error line.

Errors follow the input: once shown, a field's error is checked again whenever that field
(or a field it depends on) changes, and disappears or changes with it. Errors only the
database can find (a Codice already used) stay until their own field changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.services.errors import ValidationError

ERROR_STYLE = "color: #b00020;"
MIN_FIELD_WIDTH = 240


class FieldErrors:
    """Messages shown next to the fields of a form, from a ValidationError."""

    def __init__(self) -> None:
        self._labels: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self._check: Callable[[], dict[str, str]] | None = None
        self._depends: dict[str, frozenset[str]] = {}
        self._external: set[str] = set()

    def set_checker(
        self,
        check: Callable[[], dict[str, str]],
        depends: dict[str, Iterable[str]] | None = None,
    ) -> None:
        """``check`` returns the form's current problems (field -> message) without the
        database; ``depends`` names, for a field, the fields its check reads too."""
        self._check = check
        self._depends = {k: frozenset(v) for k, v in (depends or {}).items()}

    def _watch(self, field: str, widget: QWidget) -> None:
        inputs = [widget, *widget.findChildren(QWidget)]
        for item in inputs:
            if isinstance(item, QLineEdit):
                item.textChanged.connect(lambda _t, f=field: self.recheck(f))
            elif isinstance(item, QPlainTextEdit):
                item.textChanged.connect(lambda f=field: self.recheck(f))
            elif isinstance(item, QComboBox):
                item.currentIndexChanged.connect(lambda _i, f=field: self.recheck(f))
            elif isinstance(item, QAbstractSpinBox):
                item.editingFinished.connect(lambda f=field: self.recheck(f))
            elif isinstance(item, QAbstractButton) and item.isCheckable():
                item.toggled.connect(lambda _c, f=field: self.recheck(f))

    def visible_fields(self) -> list[str]:
        return [name for name, label in self._labels.items() if not label.isHidden()]

    def recheck(self, changed: str) -> None:
        """``changed`` was edited: each error shown is checked again."""
        shown = self.visible_fields()
        if not shown:
            return
        current = self._check() if self._check is not None else {}
        for name in shown:
            if name in current:
                self._labels[name].setText(current[name])
            elif (
                name not in self._external
                or name == changed
                or changed in self._depends.get(name, ())
            ):
                self._hide(name)

    def set_error(self, field: str, message: str | None) -> None:
        """Show (or, with None, hide) one field's error from a check made as it is typed."""
        label = self._labels[field]
        if message:
            label.setText(message)
            label.show()
            self._external.discard(field)
        else:
            self._hide(field)

    def _hide(self, field: str) -> None:
        label = self._labels[field]
        label.clear()
        label.hide()
        self._external.discard(field)

    def add_row(self, form: QFormLayout, label: str, field: str, widget: QWidget) -> QLabel:
        """Add ``label: widget`` with an (initially hidden) error line under the widget."""
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        if isinstance(widget, QLineEdit):
            # Room for the field and its message: an error must not squash the field.
            holder.setMinimumWidth(MIN_FIELD_WIDTH)
        error = QLabel()
        error.setObjectName(f"error_{field}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        error.hide()
        box.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(widget)
        form.addRow(caption, holder)
        self._labels[field] = error
        self._fields[field] = widget
        self._watch(field, widget)
        return error

    def add_error_line(self, field: str, widget: QWidget) -> QLabel:
        """An error line for ``field`` placed by the caller (for fields inside a composite
        row), focusing ``widget`` when it shows."""
        error = QLabel()
        error.setObjectName(f"error_{field}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self._labels[field] = error
        self._fields[field] = widget
        self._watch(field, widget)
        return error

    def clear(self) -> None:
        for field in self._labels:
            self._hide(field)

    def show(self, exc: ValidationError) -> dict[str, str]:
        """Show each message next to its field; return the ones that have no field here."""
        self.clear()
        unplaced: dict[str, str] = {}
        first: QWidget | None = None
        # What the form's own check does not find came from the database: it stays until
        # its field changes.
        checked = self._check() if self._check is not None else {}
        self._external = {f for f in exc.fields if f not in checked}
        for field, message in exc.fields.items():
            label = self._labels.get(field)
            if label is None:
                unplaced[field] = message
                continue
            label.setText(message)
            label.show()
            first = first or self._fields[field]
        self._external &= set(self.visible_fields())
        if first is not None:
            first.setFocus()
        return unplaced

    def text(self, field: str) -> str:
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""


def set_read_only(container: QWidget, read_only: bool = True) -> None:
    """Show a form for reading only (the lettura role, an anonymised record): text stays
    selectable and copyable but cannot be changed; choices, dates and ticks cannot be
    changed. Buttons are left to the caller, which hides those that cannot be used."""
    for widget in container.findChildren(QWidget):
        if isinstance(widget, QLineEdit | QPlainTextEdit | QAbstractSpinBox):
            widget.setReadOnly(read_only)
            # Greyed like the window, so that it does not look like a box to type in.
            palette = widget.palette()
            role = QPalette.ColorRole.Window if read_only else QPalette.ColorRole.Base
            palette.setColor(QPalette.ColorRole.Base, QApplication.palette().color(role))
            widget.setPalette(palette)
        elif isinstance(widget, QComboBox) or (
            isinstance(widget, QAbstractButton) and widget.isCheckable()
        ):
            widget.setEnabled(not read_only)
