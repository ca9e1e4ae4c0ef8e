"""Beneficiari: the registry list and the person record."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from tit_desktop.ui.context import AppContext
from tit_desktop.ui.pages.placeholder import PlaceholderPage


class PersonsPage(PlaceholderPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            "Beneficiari",
            "Registro delle persone: anagrafica, documento di soggiorno, situazione, consensi, "
            "nucleo familiare, note e allegati.",
            parent,
        )
        self._ctx = ctx
