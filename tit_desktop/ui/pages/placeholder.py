"""An area whose screens are not built yet: says what it will hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{title}</h2>")
        layout.addWidget(heading)
        body = QLabel(description)
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(body)
        note = QLabel(self.tr("Questa sezione sarà disponibile in un prossimo aggiornamento."))
        note.setStyleSheet("color: #666; font-style: italic;")
        layout.addWidget(note)
        layout.addStretch(1)
