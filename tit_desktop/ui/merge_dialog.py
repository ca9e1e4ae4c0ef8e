"""Possible duplicates already in the registry: merge a pair (choosing which record
survives), tell the application they are different people, or undo the last merge."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.services import duplicates, merge
from tit_desktop.services.errors import ServiceError
from tit_desktop.ui import questions
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.errors import handle_error, show_service_error
from tit_desktop.ui.signals import notify_changed
from tit_desktop.ui.wording import plural


def _describe(brief: duplicates.PersonBrief) -> str:
    born = brief.birth_date.strftime("%d/%m/%Y") if brief.birth_date else "—"
    return f"{brief.code} - {brief.name} ({born})"


class MergeDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pairs: list[duplicates.DuplicatePair] = []
        self.last_merge: merge.MergeResult | None = None
        self.setWindowTitle(self.tr("Possibili doppioni nel registro"))
        self.resize(980, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Coppie di schede che probabilmente riguardano la stessa persona. Unendole, tutti "
                "i servizi passano alla scheda che resta; l'unione si può annullare."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("pairs")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Somiglianza"),
                self.tr("Prima scheda"),
                self.tr("Seconda scheda"),
                self.tr("Motivi"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        self.keep_first = QPushButton(self.tr("Unisci, tiene la &prima"))
        self.keep_second = QPushButton(self.tr("Unisci, tiene la &seconda"))
        self.different = QPushButton(self.tr("Sono persone &diverse"))
        self.undo = QPushButton(self.tr("&Annulla l'ultima unione"))
        self.undo.setEnabled(False)
        close = QPushButton(self.tr("Chiudi"))
        for button in (self.keep_first, self.keep_second, self.different, self.undo):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.keep_first.clicked.connect(lambda: self._merge(keep_first=True))
        self.keep_second.clicked.connect(lambda: self._merge(keep_first=False))
        self.different.clicked.connect(self._different)
        self.undo.clicked.connect(self._undo)
        close.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    def _update_buttons(self) -> None:
        """The pair's buttons only when a pair is selected: with none, they would do nothing."""
        chosen = self.selected() is not None
        for button in (self.keep_first, self.keep_second, self.different):
            button.setEnabled(chosen)

    def refresh(self) -> None:
        with self.ctx.db.reading() as session:
            self.pairs = duplicates.list_probable_duplicates(session, self.ctx.actor)
        self.table.setRowCount(len(self.pairs))
        for row, pair in enumerate(self.pairs):
            for column, text in enumerate(
                (
                    f"{pair.score}%",
                    _describe(pair.first),
                    _describe(pair.second),
                    "; ".join(pair.reasons),
                )
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self.summary.setText(
            plural(
                len(self.pairs),
                self.tr("{n} coppia da controllare"),
                self.tr("{n} coppie da controllare"),
            )
        )
        if self.pairs:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> duplicates.DuplicatePair | None:
        rows = self.table.selectionModel().selectedRows()
        return self.pairs[rows[0].row()] if rows else None

    def _merge(self, keep_first: bool) -> None:
        pair = self.selected()
        if pair is None:
            return
        survivor, absorbed = (pair.first, pair.second) if keep_first else (pair.second, pair.first)
        if not questions.confirm(
            self,
            self.tr("Unisci schede"),
            self.tr(
                "Resta la scheda {0}.\nLa scheda {1} viene unita a questa: servizi, note "
                "e allegati passano alla scheda che resta. Continuare?"
            ).format(_describe(survivor), _describe(absorbed)),
            self.tr("Unisci le schede"),
        ):
            return
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                result = merge.merge_persons(
                    session, self.ctx.actor, survivor.person_id, absorbed.person_id
                )
        except ServiceError as exc:
            show_service_error(self, exc)
            return
        except Exception as exc:
            handle_error(self, exc)
            return
        self.last_merge = result
        self.undo.setEnabled(True)
        notify_changed("person")
        if result.warnings:
            QMessageBox.information(
                self, self.tr("Unione eseguita, con avvisi"), "\n".join(result.warnings)
            )
        self.refresh()

    def _different(self) -> None:
        pair = self.selected()
        if pair is None:
            return
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                duplicates.mark_not_same(
                    session, self.ctx.actor, pair.first.person_id, pair.second.person_id
                )
        except ServiceError as exc:
            show_service_error(self, exc)
            return
        self.refresh()

    def _undo(self) -> None:
        if self.last_merge is None:
            return
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                merge.undo_merge(session, self.ctx.actor, self.last_merge.audit_id)
        except ServiceError as exc:
            show_service_error(self, exc)
            return
        self.last_merge = None
        self.undo.setEnabled(False)
        notify_changed("person")
        self.refresh()
