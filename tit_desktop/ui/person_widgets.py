"""Input widgets of the person form: optional dates, ISTAT place pickers, choices that tell
"not asked" from "refused to answer"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from tit_desktop.services import places
from tit_desktop.ui.dates import DateField, InvalidInput, YearRule

__all__ = ["ChoiceField", "DateField", "InvalidInput", "PlaceField", "YearRule"]

NOT_ASKED = "— non rilevato —"
DECLINED = "non ha risposto"
_DECLINED_MARK = object()


class PlaceField(QLineEdit):
    """Type part of a name, pick from the ISTAT list (comuni and/or states)."""

    def __init__(self, kind: places.PlaceKind | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = kind
        self._code: str | None = None
        self._by_label: dict[str, str] = {}
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated.connect(self._picked)
        self.setCompleter(completer)
        self.textEdited.connect(self._suggest)
        self.setPlaceholderText(
            "scrivere per cercare uno stato"
            if kind == "stato"
            else "scrivere per cercare un comune o uno stato"
        )

    def _suggest(self, text: str) -> None:
        self._code = None
        found = places.search(text, kind=self._kind, limit=20) if text.strip() else []
        self._by_label = {places.label(p): p.code for p in found}
        self._model.setStringList(list(self._by_label))

    def _picked(self, label: str) -> None:
        self._code = self._by_label.get(label)

    def set_code(self, code: str | None, fallback_text: str | None = None) -> None:
        place = places.by_code(code) if code else None
        self._code = place.code if place else None
        self.setText(places.label(place) if place else (fallback_text or ""))

    def code(self) -> str | None:
        """The chosen place's code; a typed name that matches exactly one place counts too."""
        text = self.text().strip()
        if not text:
            return None
        if self._code is not None:
            return self._code
        found = places.search(text, kind=self._kind, limit=2)
        if found and places.fold(places.label(found[0])) == places.fold(text):
            return found[0].code
        if found and places.fold(found[0].name) == places.fold(text):
            return found[0].code
        return None


class ChoiceField(QComboBox):
    """A closed list plus "not asked" (None) and, optionally, "refused to answer"."""

    def __init__(
        self,
        choices: Sequence[tuple[Any, str]],
        declinable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.addItem(NOT_ASKED, None)
        for value, text in choices:
            self.addItem(text, value)
        if declinable:
            self.addItem(DECLINED, _DECLINED_MARK)

    def set_value(self, value: Any, declined: bool = False) -> None:
        if declined:
            index = self.findData(_DECLINED_MARK)
        else:
            index = self.findData(value) if value is not None else 0
        self.setCurrentIndex(max(index, 0))

    def value(self) -> Any:
        data = self.currentData()
        return None if data is _DECLINED_MARK else data

    def declined(self) -> bool:
        return self.currentData() is _DECLINED_MARK
