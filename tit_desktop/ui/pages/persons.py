"""Beneficiari: the registry list (search as you type, filters, sortable columns; only the
visible rows are fetched) and the person record."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.services import persons
from tit_desktop.services.permissions import Permission
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.lazy_table import KeyTableModel, LazyColumn
from tit_desktop.ui.signals import app_signals
from tit_desktop.ui.wording import plural

SEARCH_DELAY_MS = 150


def _date(value: object) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""  # type: ignore[attr-defined]


COLUMNS: list[LazyColumn[persons.PersonRow]] = [
    LazyColumn("Codice", lambda r: r.code, "code"),
    LazyColumn("Cognome e nome", lambda r: f"{r.last_name} {r.first_name}", "name"),
    LazyColumn("Sesso", lambda r: r.sex),
    LazyColumn("Nascita", lambda r: _date(r.birth_date), "birth_date"),
    LazyColumn("Cittadinanza", lambda r: r.citizenship),
    LazyColumn("Codice fiscale", lambda r: r.fiscal_code),
    LazyColumn("Presa in carico", lambda r: _date(r.intake_date), "intake_date"),
    LazyColumn("Scadenza permesso", lambda r: _date(r.permit_expires_on), "permit_expires_on"),
]


# The widest value a column usually shows (by column): sizes the columns without reading rows.
TYPICAL_VALUES = {
    0: "TIU-00000",
    2: "M",
    3: "00/00/0000",
    4: "Bosnia-Erzegovina",
    5: "GNDSKR90C12Z243P",
    6: "00/00/0000",
    7: "00/00/0000",
}


class PersonsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        title_row = QHBoxLayout()
        title_row.addWidget(QLabel(f"<h2>{self.tr('Beneficiari')}</h2>"))
        title_row.addStretch(1)
        self.new_button = QPushButton(self.tr("&Nuova persona"))
        self.new_button.setObjectName("new_person")
        self.open_button = QPushButton(self.tr("A&pri"))
        self.import_button = QPushButton(self.tr("&Importa…"))
        self.export_button = QPushButton(self.tr("&Esporta elenco…"))
        self.duplicates_button = QPushButton(self.tr("&Doppioni…"))
        self.duplicates_button.setToolTip(
            self.tr("Possibili doppioni nel registro: unire o separare le schede")
        )
        self.retention_button = QPushButton(self.tr("Conser&vazione…"))
        self.retention_button.setToolTip(
            self.tr("Anonimizzare chi non ha attività da più anni del periodo di conservazione")
        )
        self.retention_button.setVisible(ctx.actor.can(Permission.ANONYMISE))
        self.retention_button.clicked.connect(self._retention)
        for button in (
            self.new_button,
            self.open_button,
            self.import_button,
            self.export_button,
            self.duplicates_button,
            self.retention_button,
        ):
            title_row.addWidget(button)
        layout.addLayout(title_row)

        search_row = QHBoxLayout()
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Cerca per cognome, nome, codice o codice fiscale (Ctrl+F)")
        )
        search_row.addWidget(self.search, 1)
        self.citizenship = QComboBox()
        self.citizenship.setObjectName("filter_citizenship")
        self.ethos = QComboBox()
        self.ethos.setObjectName("filter_ethos")
        self.staff = QComboBox()
        self.staff.setObjectName("filter_staff")
        self.expiring = QCheckBox(self.tr("Permesso scaduto o in scadenza (60 gg)"))
        self.expiring.setObjectName("filter_expiring")
        search_row.addWidget(self.expiring)
        self.active = QCheckBox(self.tr("Con percorso in corso"))
        self.active.setObjectName("filter_active")
        self.active.setToolTip(self.tr("Solo le persone con un percorso in corso oggi"))
        search_row.addWidget(self.active)
        for combo in (self.citizenship, self.ethos, self.staff):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(18)
            filters.addWidget(combo, 1)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        self.summary = QLabel()
        self.summary.setObjectName("persons_summary")
        layout.addWidget(self.summary)

        self.model: KeyTableModel[persons.PersonRow] = KeyTableModel(
            COLUMNS, self._load_keys, self._fetch, default_sort="name", parent=self
        )
        self.view = QTableView()
        self.view.setObjectName("persons_table")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        layout.addWidget(self.view, 1)
        self._size_columns()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search_if_changed)
        self._shown: persons.PersonFilter | None = None
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.installEventFilter(self)
        for combo in (self.citizenship, self.ethos, self.staff):
            combo.currentIndexChanged.connect(self.refresh)
        self.expiring.toggled.connect(self.refresh)
        self.active.toggled.connect(self.refresh)
        self.view.activated.connect(self._open_index)
        self.new_button.clicked.connect(self.new_person)
        self.open_button.clicked.connect(self.open_selected)
        self.import_button.clicked.connect(self._import)
        self.export_button.clicked.connect(self._export)
        self.duplicates_button.clicked.connect(self._duplicates)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        # Reached with Ctrl+2, the page puts the cursor in the search box.
        self.setFocusProxy(self.search)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_person)
        can_write = ctx.actor.can(Permission.WRITE_REGISTRY)
        self.new_button.setEnabled(can_write)
        self.import_button.setEnabled(ctx.actor.can(Permission.IMPORT_DATA))
        self.export_button.setEnabled(ctx.actor.can(Permission.EXPORT_DATA))
        self.duplicates_button.setVisible(ctx.actor.can(Permission.ANONYMISE))
        app_signals().changed.connect(self._on_changed)
        self._fill_filters()
        self.refresh()

    def _size_columns(self) -> None:
        """Each column as wide as its header (sort arrow included) or a typical value,
        whichever is wider; the name takes the rest. Typical values rather than the rows:
        sizing to the contents would fetch every row of the lazy model."""
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.view.fontMetrics()
        padding = (
            2 * self.view.style().pixelMetric(self.view.style().PixelMetric.PM_FocusFrameHMargin)
            + 14
        )
        for column in range(self.model.columnCount()):
            sample = TYPICAL_VALUES.get(column, "")
            width = max(header.sectionSizeHint(column), metrics.horizontalAdvance(sample) + padding)
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """From the search box, Down goes to the list (on the first row when none is
        selected) and Enter opens the selected row, or the first one."""
        if watched is self.search and isinstance(event, QKeyEvent):
            key = event.key() if event.type() == QEvent.Type.KeyPress else None
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._search_if_changed()
                if self.model.rowCount() == 0:
                    return key == Qt.Key.Key_Down
                if self.selected_id() is None:
                    self.view.selectRow(0)
                if key == Qt.Key.Key_Down:
                    self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                else:
                    self.open_selected()
                return True
        return super().eventFilter(watched, event)

    # --- filters ---------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        with self.ctx.db.reading() as session:
            states = persons.citizenships_in_use(session, self.ctx.actor)
            staff = persons.staff_choices(session, self.ctx.actor)
        current = self.citizenship.currentData()
        self.citizenship.blockSignals(True)
        self.citizenship.clear()
        self.citizenship.addItem(self.tr("Tutte le cittadinanze"), None)
        for code, label in states:
            self.citizenship.addItem(label, code)
        self.citizenship.setCurrentIndex(max(self.citizenship.findData(current), 0))
        self.citizenship.blockSignals(False)
        if self.ethos.count() == 0:
            self.ethos.blockSignals(True)
            self.ethos.addItem(self.tr("Tutte le situazioni (ETHOS)"), None)
            for value, label in sorted(persons.ETHOS_LABELS.items()):
                self.ethos.addItem(label, value)
            self.ethos.blockSignals(False)
        current_staff = self.staff.currentData()
        self.staff.blockSignals(True)
        self.staff.clear()
        self.staff.addItem(self.tr("Tutti gli operatori"), None)
        for key, name in staff:
            self.staff.addItem(name, key)
        self.staff.setCurrentIndex(max(self.staff.findData(current_staff), 0))
        self.staff.blockSignals(False)

    def current_filter(self) -> persons.PersonFilter:
        return persons.PersonFilter(
            text=self.search.text(),
            citizenship_code=self.citizenship.currentData(),
            ethos=self.ethos.currentData(),
            permit_expiring_within_days=60 if self.expiring.isChecked() else None,
            reference_staff_id=self.staff.currentData(),
            in_pathway=self.active.isChecked(),
        )

    # --- data ------------------------------------------------------------------------------
    def _load_keys(self, sort: str, descending: bool) -> list[int]:
        with self.ctx.db.reading() as session:
            return persons.search_ids(
                session, self.ctx.actor, self.current_filter(), sort, descending
            )

    def _fetch(self, keys: Sequence[int]) -> dict[int, persons.PersonRow]:
        with self.ctx.db.reading() as session:
            return persons.rows_for(session, self.ctx.actor, keys)

    def _effective_filter(self) -> persons.PersonFilter:
        flt = self.current_filter()
        return replace(flt, text=" ".join(persons.search_words(flt.text)))

    def _search_if_changed(self) -> None:
        """Typing that does not change what is searched (a first letter, a trailing space)
        leaves the list as it is instead of asking the database again."""
        if self._effective_filter() != self._shown:
            self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        self._shown = self._effective_filter()
        self.model.reload()
        count = self.model.rowCount()
        self.summary.setText(plural(count, self.tr("{n} persona"), self.tr("{n} persone")))
        if count:
            self.view.selectRow(0)

    def _on_changed(self, entities: frozenset[str]) -> None:
        if entities & {"person", "pathway"}:
            self._fill_filters()
            selected = self.selected_id()
            self.refresh()
            if selected is not None:
                row = self.model.row_of_key(selected)
                if row is not None:
                    self.view.selectRow(row)

    # --- actions ---------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.key_at(rows[0].row()) if rows else None

    def _open_index(self, index: QModelIndex) -> None:
        self.open_person(self.model.key_at(index.row()))

    def open_selected(self) -> None:
        person_id = self.selected_id()
        if person_id is not None:
            self.open_person(person_id)

    def open_person(self, person_id: int) -> None:
        from tit_desktop.ui.person_dialog import PersonDialog

        dialog = PersonDialog(self.ctx, person_id, self)
        dialog.saved.connect(lambda saved_id: self._after_save(saved_id, dialog.saved_code))
        dialog.open()

    def new_person(self) -> None:
        from tit_desktop.ui.person_dialog import PersonDialog

        dialog = PersonDialog(self.ctx, None, self)
        dialog.saved.connect(lambda saved_id: self._after_save(saved_id, dialog.saved_code))
        dialog.open()

    def _after_save(self, person_id: int, code: str) -> None:
        """Say that the record was saved, and show it in the list even when the search or
        a filter would hide it (they are cleared, and the message says so)."""
        row = self.model.row_of_key(person_id)
        message = self.tr("Scheda {0} salvata.").format(code)
        if row is None:
            self._clear_filters()
            row = self.model.row_of_key(person_id)
            message += " " + self.tr("Ricerca e filtri tolti per mostrarla nell'elenco.")
        if row is not None:
            self.view.selectRow(row)
            self.view.scrollTo(
                self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter
            )
        self.status_message = message
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 8000)

    def _clear_filters(self) -> None:
        for combo in (self.citizenship, self.ethos, self.staff):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for box in (self.expiring, self.active):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.refresh()

    def _import(self) -> None:
        from tit_desktop.ui import import_export
        from tit_desktop.ui.file_dialogs import open_file

        path = open_file(
            self,
            self.tr("File da importare"),
            self.tr("Cartella di lavoro Excel (*.xlsx);;File CSV (*.csv)"),
        )
        if path is not None:
            import_export.ImportDialog(self.ctx, path, self).open()

    def _duplicates(self) -> None:
        from tit_desktop.ui.merge_dialog import MergeDialog

        MergeDialog(self.ctx, self).open()

    def _retention(self) -> None:
        from tit_desktop.ui.retention_dialog import RetentionDialog

        RetentionDialog(self.ctx, self).open()

    def _export(self) -> None:
        from tit_desktop.ui import import_export

        import_export.export_persons(self, self.ctx, self.current_filter())
