"""Small shared widgets: a field-error label set, a form row with its error line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from tit_desktop.services.errors import ValidationError

ERROR_STYLE = "color: #b00020;"


class FieldErrors:
    """Messages shown next to the fields of a form, from a ValidationError."""

    def __init__(self) -> None:
        self._labels: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}

    def add_row(self, form: QFormLayout, label: str, field: str, widget: QWidget) -> QLabel:
        """Add ``label: widget`` with an (initially hidden) error line under the widget."""
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
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
        return error

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear()
            label.hide()

    def show(self, exc: ValidationError) -> dict[str, str]:
        """Show each message next to its field; return the ones that have no field here."""
        self.clear()
        unplaced: dict[str, str] = {}
        first: QWidget | None = None
        for field, message in exc.fields.items():
            label = self._labels.get(field)
            if label is None:
                unplaced[field] = message
                continue
            label.setText(message)
            label.show()
            first = first or self._fields[field]
        if first is not None:
            first.setFocus()
        return unplaced

    def text(self, field: str) -> str:
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""
