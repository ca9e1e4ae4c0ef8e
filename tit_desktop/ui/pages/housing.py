"""Alloggi: the units (search, edit, deactivate), the occupancy board of a month (beds x
nights; a click on a free night assigns the bed, a click on a stay opens it; the occupancy
rate of each unit) and who sleeps where tonight, printable for the night shift."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.italian import MONTH_NAMES as MONTHS
from tit_desktop.services import clock, housing
from tit_desktop.services.errors import ServiceError
from tit_desktop.services.permissions import Permission
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.dates import DateField, InvalidInput, YearRule, parse_date
from tit_desktop.ui.errors import handle_error, show_service_error
from tit_desktop.ui.housing_dialogs import StayDialog, UnitDialog
from tit_desktop.ui.print_form import print_document
from tit_desktop.ui.signals import app_signals, notify_changed
from tit_desktop.ui.table_models import Column, ListTableModel

Index = QModelIndex | QPersistentModelIndex


OCCUPIED = QColor("#6baed6")
EXPECTED = QColor("#c6dbef")  # an open stay after tonight: the person is expected there
CLOSED = QColor("#d9d9d9")  # the unit or the bed is not in use that night
FREE = QColor("#ffffff")

_ENTITIES = frozenset({"housing_unit", "bed", "stay", "person"})


def _date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""


def _rate(unit: housing.BoardUnit) -> str:
    return "—" if unit.rate is None else f"{unit.rate * 100:.0f}%".replace(".", ",")


def _initials(name: str) -> str:
    return "".join(part[0] for part in name.split()[:2]).upper()


class BoardModel(QAbstractTableModel):
    """The board of a month: a row per bed (grouped by unit), a column per night."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.board: housing.Board | None = None
        self._rows: list[tuple[housing.BoardUnit, housing.BoardBed]] = []
        self._days: list[dt.date] = []

    def set_board(self, board: housing.Board) -> None:
        self.beginResetModel()
        self.board = board
        self._rows = [(unit, bed) for unit in board.units for bed in unit.beds]
        self._days = board.days
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._days)

    def cell(self, index: Index) -> tuple[housing.BoardUnit, housing.BoardBed, dt.date] | None:
        if not index.isValid() or not (
            0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self._days)
        ):
            return None
        unit, bed = self._rows[index.row()]
        return unit, bed, self._days[index.column()]

    def stay_at(self, index: Index) -> housing.StayInfo | None:
        cell = self.cell(index)
        if cell is None or self.board is None:
            return None
        return self.board.stay_at(cell[1].id, cell[2])

    def is_open(self, index: Index) -> bool:
        """A free night of a bed in use: it can be assigned."""
        cell = self.cell(index)
        if cell is None:
            return False
        unit, bed, day = cell
        return bed.active and unit.active_on(day) and self.stay_at(index) is None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell(index)
        if cell is None or self.board is None:
            return None
        unit, bed, day = cell
        stay = self.board.stay_at(bed.id, day)
        if role == Qt.ItemDataRole.DisplayRole:
            return _initials(stay.name) if stay is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            when = day.strftime("%d/%m/%Y")
            if stay is not None:
                return f"Notte del {when}: {stay.describe()}"
            if not (bed.active and unit.active_on(day)):
                return f"Notte del {when}: posto non in uso"
            return f"Notte del {when}: libero — clic per assegnare"
        if role == Qt.ItemDataRole.BackgroundRole:
            if stay is not None:
                expected = stay.al is None and day > self.board.today
                return QBrush(EXPECTED if expected else OCCUPIED)
            if not (bed.active and unit.active_on(day)):
                return QBrush(CLOSED)
            return QBrush(FREE)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return stay.id if stay is not None else 0
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._days):
                return None
            day = self._days[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return str(day.day)
            if role == Qt.ItemDataRole.ToolTipRole:
                return day.strftime("%d/%m/%Y")
            if role == Qt.ItemDataRole.FontRole and self.board and day == self.board.today:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if not 0 <= section < len(self._rows):
            return None
        unit, bed = self._rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{unit.name} · {bed.label}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{unit.name}, posto {bed.label}" + ("" if bed.active else " (non più in uso)")
        return None


UNIT_COLUMNS: list[Column[housing.UnitRow]] = [
    Column("Alloggio", lambda r: r.name),
    Column("Tipo", lambda r: r.kind_label),
    Column("Indirizzo", lambda r: r.address),
    Column("Posti", lambda r: r.beds, align_right=True),
    Column("Occupati stanotte", lambda r: r.occupied_tonight, align_right=True),
    Column("In uso dal", lambda r: _date(r.active_from)),
    Column("Fino al", lambda r: _date(r.active_to)),
]

RATE_COLUMNS: list[Column[housing.BoardUnit]] = [
    Column("Alloggio", lambda u: u.name),
    Column("Posti", lambda u: sum(1 for b in u.beds if b.active), align_right=True),
    Column("Notti occupate", lambda u: u.occupied_nights, align_right=True),
    Column("Notti disponibili", lambda u: u.available_nights, align_right=True),
    Column("Occupazione", _rate, align_right=True),
]

TONIGHT_COLUMNS: list[Column[housing.TonightRow]] = [
    Column("Alloggio", lambda r: r.unit_name),
    Column("Posto", lambda r: r.bed_label),
    Column("Codice", lambda r: r.code),
    Column("Cognome e nome", lambda r: r.name),
    Column("Dal", lambda r: _date(r.dal)),
    Column("Partenza prevista", lambda r: _date(r.al)),
]


def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    return view


class HousingPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.writable = ctx.actor.can(Permission.WRITE_REGISTRY)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.tr('Alloggi e posti letto')}</h2>"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("housing_tabs")
        layout.addWidget(self.tabs, 1)
        self._build_board_tab()
        self._build_units_tab()
        self._build_tonight_tab()
        app_signals().changed.connect(self._changed)
        self.refresh()

    # --- the board --------------------------------------------------------------------------
    def _build_board_tab(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        row = QHBoxLayout()
        today = clock.today()
        self.previous_month = QPushButton("◀")
        self.previous_month.setToolTip(self.tr("Mese precedente"))
        self.next_month = QPushButton("▶")
        self.next_month.setToolTip(self.tr("Mese successivo"))
        self.month = QComboBox()
        self.month.setObjectName("board_month")
        for number, name in enumerate(MONTHS, start=1):
            self.month.addItem(name, number)
        self.month.setCurrentIndex(today.month - 1)
        self.year = QSpinBox()
        self.year.setObjectName("board_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.register_button = QPushButton(self.tr("Stampa &registro presenze…"))
        self.register_button.setObjectName("print_register")
        # The register carries names: printing it is taking personal data out (EXPORT_DATA).
        self.register_button.setVisible(self.ctx.actor.can(Permission.EXPORT_DATA))
        self.register_button.setToolTip(
            self.tr("Registro delle presenze del mese per le firme, per l'alloggio selezionato")
        )
        for widget in (
            QLabel(self.tr("Mese:")),
            self.previous_month,
            self.month,
            self.year,
            self.next_month,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        legend = QLabel(
            self.tr(
                "<span style='background:#6baed6'>&nbsp;&nbsp;&nbsp;</span> occupato "
                "<span style='background:#c6dbef'>&nbsp;&nbsp;&nbsp;</span> previsto "
                "<span style='background:#d9d9d9'>&nbsp;&nbsp;&nbsp;</span> non in uso "
                "&nbsp;— clic su una notte libera per assegnare un posto, su un soggiorno per "
                "aprirlo"
            )
        )
        legend.setWordWrap(True)
        row.addWidget(self.register_button)
        box.addLayout(row)
        box.addWidget(legend)
        self.board_model = BoardModel(self)
        self.board_view = QTableView()
        self.board_view.setObjectName("board")
        self.board_view.setModel(self.board_model)
        self.board_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.board_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.board_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.board_view.horizontalHeader().setDefaultSectionSize(30)
        self.board_view.verticalHeader().setDefaultSectionSize(24)
        self.board_view.clicked.connect(self.open_cell)
        box.addWidget(self.board_view, 3)
        self.rates_title = QLabel()
        box.addWidget(self.rates_title)
        self.rates = ListTableModel(RATE_COLUMNS, self)
        self.rates_view = _table(self.rates)
        self.rates_view.setObjectName("rates")
        self.rates_view.setMaximumHeight(170)
        box.addWidget(self.rates_view, 1)
        self.previous_month.clicked.connect(lambda: self.shift_month(-1))
        self.next_month.clicked.connect(lambda: self.shift_month(1))
        self.month.currentIndexChanged.connect(lambda _i: self.refresh_board())
        self.year.valueChanged.connect(lambda _v: self.refresh_board())
        self.register_button.clicked.connect(self.print_register)
        self.tabs.addTab(page, self.tr("Tabellone"))

    def chosen_month(self) -> tuple[int, int]:
        return self.year.value(), int(self.month.currentData())

    def set_month(self, year: int, month: int) -> None:
        self.year.blockSignals(True)
        self.year.setValue(year)
        self.year.blockSignals(False)
        self.month.setCurrentIndex(month - 1)
        self.refresh_board()

    def shift_month(self, step: int) -> None:
        year, month = self.chosen_month()
        month += step
        if month == 0:
            year, month = year - 1, 12
        elif month == 13:
            year, month = year + 1, 1
        self.set_month(year, month)

    def refresh_board(self) -> None:
        year, month = self.chosen_month()
        try:
            with self.ctx.db.reading() as session:
                board = housing.month_board(session, self.ctx.actor, year, month)
        except ServiceError as exc:
            show_service_error(self, exc)
            return
        self.board_model.set_board(board)
        self.rates.set_rows(list(board.units))
        self.rates_view.resizeColumnsToContents()
        self.board_view.resizeRowsToContents()
        counted = "fino a stanotte" if board.first <= board.today < board.end else "del mese"
        self.rates_title.setText(
            self.tr("Occupazione di {0} {1} (notti {2}):").format(MONTHS[month - 1], year, counted)
        )

    def open_cell(self, index: QModelIndex) -> None:
        stay = self.board_model.stay_at(index)
        if stay is not None:
            dialog = StayDialog(self.ctx, stay.id, parent=self)
            dialog.open()
            return
        cell = self.board_model.cell(index)
        if cell is None or not self.writable or not self.board_model.is_open(index):
            return
        unit, bed, day = cell
        StayDialog(self.ctx, unit_id=unit.id, bed_id=bed.id, day=day, parent=self).open()

    def _selected_board_unit(self) -> housing.BoardUnit | None:
        rows = self.rates_view.selectionModel().selectedRows()
        if rows:
            return self.rates.row_at(rows[0].row())
        cell = self.board_model.cell(self.board_view.currentIndex())
        if cell is not None:
            return cell[0]
        return self.rates.row_at(0) if self.rates.rowCount() else None

    def print_register(self) -> None:
        unit = self._selected_board_unit()
        if unit is None:
            return
        year, month = self.chosen_month()
        print_document(
            self,
            self.ctx,
            "registro-presenze-alloggio",
            {"alloggio": unit.name, "month": f"{month:02d}/{year}"},
            f"registro-presenze-{unit.name}-{year}-{month:02d}.pdf".replace(" ", "-"),
        )

    # --- the units --------------------------------------------------------------------------
    def _build_units_tab(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("units_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Cerca per nome, indirizzo o tipo"))
        self.show_inactive = QCheckBox(self.tr("Anche gli alloggi non più in uso"))
        self.show_inactive.setChecked(True)
        self.new_unit = QPushButton(self.tr("&Nuovo alloggio"))
        self.new_unit.setObjectName("new_unit")
        self.edit_unit = QPushButton(self.tr("A&pri"))
        self.deactivate = QPushButton(self.tr("&Chiudi alloggio…"))
        self.deactivate.setToolTip(self.tr("L'alloggio non sarà più in uso dopo una data"))
        for widget in (self.search,):
            row.addWidget(widget, 1)
        for widget in (self.show_inactive, self.new_unit, self.edit_unit, self.deactivate):
            row.addWidget(widget)
        box.addLayout(row)
        self.units = ListTableModel(UNIT_COLUMNS, self)
        self.units_view = _table(self.units)
        self.units_view.setObjectName("units")
        self.units_view.doubleClicked.connect(lambda _i: self.open_unit())
        box.addWidget(self.units_view, 1)
        self.search.textChanged.connect(lambda _t: self.refresh_units())
        self.show_inactive.toggled.connect(lambda _c: self.refresh_units())
        self.new_unit.clicked.connect(self.create_unit)
        self.edit_unit.clicked.connect(self.open_unit)
        self.deactivate.clicked.connect(self.close_unit)
        self.new_unit.setVisible(self.writable)
        self.deactivate.setVisible(self.writable)
        self.tabs.addTab(page, self.tr("Alloggi"))

    def refresh_units(self) -> None:
        with self.ctx.db.reading() as session:
            rows = housing.list_units(
                session,
                self.ctx.actor,
                self.search.text(),
                include_inactive=self.show_inactive.isChecked(),
            )
        self.units.set_rows(rows)
        self.units_view.resizeColumnsToContents()

    def _selected_unit(self) -> housing.UnitRow | None:
        rows = self.units_view.selectionModel().selectedRows()
        return self.units.row_at(rows[0].row()) if rows else None

    def create_unit(self) -> None:
        UnitDialog(self.ctx, parent=self).open()

    def open_unit(self) -> None:
        unit = self._selected_unit()
        if unit is not None:
            UnitDialog(self.ctx, unit.id, parent=self).open()

    def close_unit(self) -> None:
        unit = self._selected_unit()
        if unit is None:
            return
        text, ok = QInputDialog.getText(
            self,
            self.tr("Chiudi alloggio"),
            self.tr("Ultima notte in uso di «{0}» (gg/mm/aaaa):").format(unit.name),
            text=_date(clock.today()),
        )
        if not ok:
            return
        try:
            last_night = parse_date(text, YearRule.AHEAD)
            if last_night is None:
                return
            with self.ctx.db.transaction(self.ctx.actor) as session:
                housing.deactivate_unit(session, self.ctx.actor, unit.id, last_night, unit.version)
        except InvalidInput as exc:
            show_service_error(self, ServiceError(str(exc)))
            return
        except Exception as exc:
            handle_error(self, exc)
            return
        notify_changed("housing_unit")

    # --- tonight ------------------------------------------------------------------------------
    def _build_tonight_tab(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        row = QHBoxLayout()
        self.night = DateField(YearRule.AHEAD)
        self.night.setObjectName("tonight_date")
        self.night.set_date(clock.today())
        self.night.returnPressed.connect(self.refresh_tonight)
        show = QPushButton(self.tr("&Mostra"))
        show.clicked.connect(self.refresh_tonight)
        self.print_tonight = QPushButton(self.tr("S&tampa elenco…"))
        self.print_tonight.setObjectName("print_tonight")
        self.print_tonight.clicked.connect(self.print_tonight_list)
        self.print_tonight.setVisible(self.ctx.actor.can(Permission.EXPORT_DATA))
        self.tonight_summary = QLabel()
        for widget in (QLabel(self.tr("Notte del:")), self.night, show, self.tonight_summary):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.print_tonight)
        box.addLayout(row)
        self.tonight = ListTableModel(TONIGHT_COLUMNS, self)
        self.tonight_view = _table(self.tonight)
        self.tonight_view.setObjectName("tonight")
        box.addWidget(self.tonight_view, 1)
        self.tabs.addTab(page, self.tr("Stanotte"))

    def _night(self) -> dt.date:
        try:
            return self.night.date() or clock.today()
        except InvalidInput:
            return clock.today()

    def refresh_tonight(self) -> None:
        with self.ctx.db.reading() as session:
            rows = housing.sleeping_on(session, self.ctx.actor, self._night())
        self.tonight.set_rows(rows)
        self.tonight_view.resizeColumnsToContents()
        self.tonight_summary.setText(
            self.tr("{0} persone nei posti letto").format(len(rows))
            if len(rows) != 1
            else self.tr("1 persona nei posti letto")
        )

    def print_tonight_list(self) -> None:
        night = self._night()
        print_document(
            self,
            self.ctx,
            "elenco-stanotte",
            {"date": _date(night)},
            f"elenco-stanotte-{night.isoformat()}.pdf",
        )

    # --- refresh ------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.refresh_board()
        self.refresh_units()
        self.refresh_tonight()

    def _changed(self, entities: frozenset[str]) -> None:
        if entities & _ENTITIES:
            self.refresh()
