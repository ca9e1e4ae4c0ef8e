"""Before a new person is saved: the records it may duplicate, with a score and the
reasons, so the operator can open the existing record instead, or confirm that they are
different people (a decision that is remembered)."""

from __future__ import annotations

import enum

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.services import duplicates


class Choice(enum.Enum):
    CANCEL = "cancel"
    OPEN_EXISTING = "open"
    DIFFERENT_PEOPLE = "different"


class DuplicatesDialog(QDialog):
    def __init__(
        self, candidates: list[duplicates.Candidate], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.candidates = candidates
        self.choice = Choice.CANCEL
        self.setWindowTitle(self.tr("Possibile persona già registrata"))
        self.setMinimumWidth(760)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Questa persona potrebbe essere già nel registro. Controllate prima di salvare: "
                "un doppione divide i servizi di una persona su due schede."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(candidates), 5)
        self.table.setObjectName("candidates")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Somiglianza"),
                self.tr("Codice"),
                self.tr("Persona"),
                self.tr("Nascita"),
                self.tr("Motivi"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        for row, c in enumerate(candidates):
            values = (
                f"{c.score}%",
                c.code,
                c.name,
                c.birth_date.strftime("%d/%m/%Y") if c.birth_date else "",
                "; ".join(c.reasons),
            )
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.resizeRowsToContents()
        self.table.selectRow(0)
        layout.addWidget(self.table)
        self.buttons = QDialogButtonBox()
        self.open_button = self.buttons.addButton(
            self.tr("Apri la scheda selezionata"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.different_button = self.buttons.addButton(
            self.tr("Sono persone diverse: salva"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.back_button = self.buttons.addButton(
            self.tr("Torna alla scheda"), QDialogButtonBox.ButtonRole.RejectRole
        )
        # Enter must never create the duplicate: the safe choice is the default.
        for button in (self.open_button, self.different_button):
            button.setAutoDefault(False)
        self.back_button.setDefault(True)
        self.open_button.clicked.connect(self._open_existing)
        self.buttons.accepted.connect(self._different)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def selected(self) -> duplicates.Candidate | None:
        rows = self.table.selectionModel().selectedRows()
        return self.candidates[rows[0].row()] if rows else None

    def _open_existing(self) -> None:
        if self.selected() is not None:
            self.choice = Choice.OPEN_EXISTING
            self.accept()

    def _different(self) -> None:
        self.choice = Choice.DIFFERENT_PEOPLE
        self.accept()
