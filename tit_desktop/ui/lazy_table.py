"""A table model for big registries: it holds only the row keys, in display order, and
fetches the rows that are on screen, a block at a time (Anki's browser model does the
same). Filtering and sorting are done by the service in SQL, which returns the keys."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class LazyColumn(Generic[R]):
    title: str
    value: Callable[[R], Any]
    sort_key: str | None = None  # the service's sort name; None = not sortable
    align_right: bool = False


class KeyTableModel(QAbstractTableModel, Generic[R]):
    """``load_keys(sort_key, descending)`` returns the ordered keys; ``fetch(keys)`` returns
    {key: row} for the keys asked (missing keys = rows deleted meanwhile)."""

    BLOCK = 120
    CACHE_LIMIT = 3_000

    def __init__(
        self,
        columns: Sequence[LazyColumn[R]],
        load_keys: Callable[[str, bool], list[int]],
        fetch: Callable[[Sequence[int]], dict[int, R]],
        default_sort: str,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._load_keys = load_keys
        self._fetch = fetch
        self._keys: list[int] = []
        self._cache: OrderedDict[int, R | None] = OrderedDict()
        self.sort_key = default_sort
        self.descending = False
        self._loaded = False

    # --- loading ----------------------------------------------------------------------
    def reload(self) -> None:
        """Ask the service for the keys again (after a filter or data change)."""
        self.beginResetModel()
        self._loaded = True
        self._keys = self._load_keys(self.sort_key, self.descending)
        self._cache.clear()
        self.endResetModel()

    def key_at(self, row: int) -> int:
        return self._keys[row]

    def row_of_key(self, key: int) -> int | None:
        try:
            return self._keys.index(key)
        except ValueError:
            return None

    def cached_rows(self) -> int:
        return len(self._cache)

    def _row(self, row: int) -> R | None:
        key = self._keys[row]
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        start = max(0, row - self.BLOCK // 4)
        wanted = [k for k in self._keys[start : start + self.BLOCK] if k not in self._cache]
        fetched = self._fetch(wanted)
        for k in wanted:
            self._cache[k] = fetched.get(k)
        while len(self._cache) > self.CACHE_LIMIT:
            self._cache.popitem(last=False)
        return self._cache.get(key)

    # --- Qt model -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._keys):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            row = self._row(index.row())
            if row is None:
                return "—"
            value = column.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self._keys[index.row()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].title
            if role == Qt.ItemDataRole.InitialSortOrderRole:
                # First click on a column: A to Z, the earliest date (the soonest expiry) first.
                return Qt.SortOrder.AscendingOrder
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column].sort_key
        descending = order == Qt.SortOrder.DescendingOrder
        if key is None or (key == self.sort_key and descending == self.descending):
            return  # views call sort() when set up: no reload for the same order
        self.sort_key = key
        self.descending = descending
        if self._loaded:  # before the first reload the view is only being set up
            self.reload()

    def sort_column(self) -> int:
        for i, column in enumerate(self._columns):
            if column.sort_key == self.sort_key:
                return i
        return -1
