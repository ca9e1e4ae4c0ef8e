"""The monthly timesheet as a grid: one row per day of the month (number and weekday,
Saturdays, Sundays and national holidays shaded), one column per action of the convention, a
total per day and a total per action (a footer row that stays in view while the days
scroll).

Cells take what the office types: "7:30", "7,5", "7"; empty = no hours. A cell that is not
hours stays as typed, in red with the reason; an edited cell is yellow until saved. The
grid only holds the edits: :meth:`TimesheetGridModel.changes` gives them to the service,
which writes them all or none.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.services import holidays
from tit_desktop.services.convention import staff

Index = QModelIndex | QPersistentModelIndex
Cell = tuple[dt.date, str]

ERROR_COLOUR = QColor("#f6c6cb")
EDITED_COLOUR = QColor("#fff2b8")
REST_DAY_COLOUR = QColor("#e9e9ec")
OUTSIDE_COLOUR = QColor("#d4d4d8")
TOTAL_COLOUR = QColor("#e3eaf3")
REST_DAY_TEXT = QColor("#9b1c1c")
OVER_DAY_TEXT = QColor("#b00020")
HEADER_WRAP = 16  # characters per line of an action's column title


class TimesheetGridModel(QAbstractTableModel):
    """Rows: the days, then the totals per action. Columns: the actions, then the total
    per day."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: list[dt.date] = []
        self._actions: list[str] = []
        self._saved: dict[Cell, int] = {}
        self._typed: dict[Cell, str] = {}
        self._refused: dict[tuple[dt.date, str | None], str] = {}
        self._period: tuple[dt.date, dt.date] | None = None
        self.read_only = True

    # --- loading and reading back -------------------------------------------------------

    def load(self, sheet: staff.Timesheet | None, read_only: bool) -> None:
        self.beginResetModel()
        self._days = sheet.days if sheet is not None else []
        self._actions = sheet.columns if sheet is not None else []
        self._saved = dict(sheet.minutes) if sheet is not None else {}
        self._period = sheet.period if sheet is not None else None
        self._typed = {}
        self._refused = {}
        self.read_only = read_only
        self.endResetModel()

    @property
    def days(self) -> list[dt.date]:
        return list(self._days)

    @property
    def actions(self) -> list[str]:
        return list(self._actions)

    def is_dirty(self) -> bool:
        return bool(self.changes())

    def changes(self) -> dict[Cell, str]:
        """The cells whose text differs from what is saved: (day, action) -> text."""
        found: dict[Cell, str] = {}
        for cell, text in self._typed.items():
            minutes, error = self._read(cell)
            if error is not None or minutes != self._saved.get(cell, 0):
                found[cell] = text
        return found

    def invalid_cells(self) -> dict[Cell, str]:
        found: dict[Cell, str] = {}
        for cell in self._typed:
            _minutes, error = self._read(cell)
            if error is not None:
                found[cell] = error
        return found

    def show_refusal(self, cells: dict[tuple[dt.date, str | None], str]) -> None:
        """Mark the cells (or whole days, action None) a save refused, until edited."""
        self._refused = dict(cells)
        self._all_changed()

    def first_refused(self) -> QModelIndex:
        for day, action in sorted(self._refused, key=lambda c: (c[0], c[1] or "")):
            if day in self._days:
                column = (
                    self._actions.index(action) if action in self._actions else len(self._actions)
                )
                return self.index(self._days.index(day), column)
        return QModelIndex()

    def cell_at(self, index: Index) -> Cell | None:
        if not index.isValid() or index.row() >= len(self._days):
            return None
        if index.column() >= len(self._actions):
            return None
        return self._days[index.row()], self._actions[index.column()]

    def index_of(self, day: dt.date, action: str) -> QModelIndex:
        return self.index(self._days.index(day), self._actions.index(action))

    def minutes(self, cell: Cell) -> int:
        """What the cell holds now (0 when empty or not hours)."""
        minutes, _error = self._read(cell)
        return minutes or 0

    def day_total(self, day: dt.date) -> int:
        return sum(self.minutes((day, action)) for action in self._actions)

    def action_total(self, action: str) -> int:
        return sum(self.minutes((day, action)) for day in self._days)

    def total(self) -> int:
        return sum(self.action_total(action) for action in self._actions)

    def _read(self, cell: Cell) -> tuple[int | None, str | None]:
        if cell not in self._typed:
            return self._saved.get(cell, 0), None
        try:
            minutes = staff.parse_hours(self._typed[cell])
        except staff.HoursError as exc:
            return None, str(exc)
        if minutes > staff.DAY_MINUTES:
            return None, self.tr("più di 24 ore in un giorno")
        return minutes, None

    def in_period(self, day: dt.date) -> bool:
        return self._period is None or self._period[0] <= day <= self._period[1]

    # --- Qt -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._days else len(self._days) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._actions else len(self._actions) + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        cell = self.cell_at(index)
        if cell is not None and not self.read_only and self.in_period(cell[0]):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < self.rowCount() and 0 <= column < self.columnCount()):
            return None
        total_row = row == len(self._days)
        total_column = column == len(self._actions)
        if total_row or total_column:
            return self._total_data(row, column, role)
        day, action = self._days[row], self._actions[column]
        cell = (day, action)
        minutes, error = self._read(cell)
        refused = self._refused.get(cell) or None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if error is not None:
                return self._typed[cell]
            return staff.format_minutes(minutes) if minutes else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if error is not None or refused is not None:
                return QBrush(ERROR_COLOUR)
            if cell in self._typed and minutes != self._saved.get(cell, 0):
                return QBrush(EDITED_COLOUR)
            return self._day_brush(day)
        if role == Qt.ItemDataRole.ToolTipRole:
            reasons = [r for r in (error, refused) if r]
            if reasons:
                return "; ".join(reasons)
            return self._day_note(day)
        return None

    def _total_data(self, row: int, column: int, role: int) -> Any:
        total_row = row == len(self._days)
        total_column = column == len(self._actions)
        if total_row and total_column:
            minutes = self.total()
        elif total_row:
            minutes = self.action_total(self._actions[column])
        else:
            minutes = self.day_total(self._days[row])
        over = not total_row and minutes > staff.DAY_MINUTES
        refused_day = None if total_row else self._refused.get((self._days[row], None))
        if role == Qt.ItemDataRole.DisplayRole:
            return staff.format_minutes(minutes) if minutes or total_row else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ERROR_COLOUR if over or refused_day else TOTAL_COLOUR)
        if role == Qt.ItemDataRole.ForegroundRole and over:
            return QBrush(OVER_DAY_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole:
            if refused_day:
                return refused_day
            if over:
                return self.tr("più di 24 ore in un giorno")
        return None

    def _day_brush(self, day: dt.date) -> QBrush | None:
        if not self.in_period(day):
            return QBrush(OUTSIDE_COLOUR)
        if not holidays.is_working_day(day):
            return QBrush(REST_DAY_COLOUR)
        return None

    def _day_note(self, day: dt.date) -> str | None:
        notes = []
        name = holidays.holiday_name(day)
        if name:
            notes.append(name)
        elif day.weekday() >= 5:
            notes.append(self.tr("sabato") if day.weekday() == 5 else self.tr("domenica"))
        if not self.in_period(day):
            notes.append(self.tr("fuori dal periodo della convenzione"))
        return ", ".join(notes) or None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < self.columnCount():
                return None
            name = (
                self._actions[section] if section < len(self._actions) else self.tr("Totale giorno")
            )
            if role == Qt.ItemDataRole.DisplayRole:
                return "\n".join(textwrap.wrap(name, HEADER_WRAP)) or name
            if role == Qt.ItemDataRole.ToolTipRole:
                return name
            return None
        if not 0 <= section < self.rowCount():
            return None
        if section == len(self._days):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("Totale")
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        day = self._days[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{holidays.weekday_abbreviation(day)} {day.day:02d}"
        if role == Qt.ItemDataRole.ToolTipRole:
            note = self._day_note(day)
            return f"{day:%d/%m/%Y}" + (f" — {note}" if note else "")
        if role == Qt.ItemDataRole.ForegroundRole and not holidays.is_working_day(day):
            return QBrush(REST_DAY_TEXT)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        cell = self.cell_at(index)
        if role != Qt.ItemDataRole.EditRole or cell is None:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        text = "" if value is None else str(value).strip()
        self._refused.pop(cell, None)
        self._refused.pop((cell[0], None), None)
        try:
            same = staff.parse_hours(text) == self._saved.get(cell, 0)
        except staff.HoursError:
            same = False
        if same:
            self._typed.pop(cell, None)
        else:
            self._typed[cell] = text
        row = index.row()
        last_row, last_column = len(self._days), len(self._actions)
        self.dataChanged.emit(index, index)
        self.dataChanged.emit(self.index(row, last_column), self.index(row, last_column))
        self.dataChanged.emit(self.index(last_row, 0), self.index(last_row, last_column))
        self.edited.emit()
        return True

    def _all_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )
        self.edited.emit()


class _DaysView(QTableView):
    """The days: typing in a cell starts editing it, Enter goes to the day below, Canc
    (Delete) and Backspace empty the selected cells."""

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            current = self.currentIndex()
            below = current.sibling(current.row() + 1, current.column())
            model = self.model()
            if below.isValid() and below.row() < model.rowCount() - 1:
                self.setCurrentIndex(below)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            model = self.model()
            for index in self.selectionModel().selectedIndexes():
                if model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                    model.setData(index, "", Qt.ItemDataRole.EditRole)
            return
        super().keyPressEvent(event)


class TimesheetGrid(QWidget):
    """The days' table and, under it, the totals' row that stays in view."""

    ROW_HEIGHT = 24
    DAY_HEADER_WIDTH = 64
    TOTAL_WIDTH = 110

    def __init__(self, model: TimesheetGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.view = _DaysView()
        self.view.setObjectName("timesheet_grid")
        self.footer = QTableView()
        self.footer.setObjectName("timesheet_totals")
        for view in (self.view, self.footer):
            view.setModel(model)
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            view.verticalHeader().setDefaultSectionSize(self.ROW_HEIGHT)
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            view.verticalHeader().setFixedWidth(self.DAY_HEADER_WIDTH)
            view.verticalHeader().setDefaultAlignment(
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            )
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.footer.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.footer.horizontalHeader().hide()
        self.footer.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.footer.setFrameShape(QFrame.Shape.NoFrame)
        self.footer.setFixedHeight(self.ROW_HEIGHT + 2)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(90)
        header.sectionResized.connect(lambda i, _old, new: self.footer.setColumnWidth(i, new))
        self.view.horizontalScrollBar().valueChanged.connect(
            self.footer.horizontalScrollBar().setValue
        )
        layout.addWidget(self.view, 1)
        layout.addWidget(self.footer)
        model.modelReset.connect(self._split_rows)
        self._split_rows()

    def _split_rows(self) -> None:
        columns = self.model.columnCount()
        if columns:
            # The day's total: as wide as its title; the actions share the rest.
            header = self.view.horizontalHeader()
            header.setSectionResizeMode(columns - 1, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(columns - 1, self.TOTAL_WIDTH)
        last = self.model.rowCount() - 1
        for row in range(self.model.rowCount()):
            self.view.setRowHidden(row, row == last)
            self.footer.setRowHidden(row, row != last)
        for column in range(self.model.columnCount()):
            self.footer.setColumnWidth(column, self.view.columnWidth(column))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        for column in range(self.model.columnCount()):
            self.footer.setColumnWidth(column, self.view.columnWidth(column))
