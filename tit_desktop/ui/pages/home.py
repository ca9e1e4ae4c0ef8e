"""Home: greeting and the figures that need attention today."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tit_desktop.services import dashboard
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.signals import app_signals


def _greeting(now: dt.datetime) -> str:
    if now.hour < 13:
        return "Buongiorno"
    if now.hour < 18:
        return "Buon pomeriggio"
    return "Buonasera"


class HomePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        layout = QVBoxLayout(self)
        name = ctx.actor.full_name or ctx.actor.username
        self.title = QLabel(f"<h2>{self.tr(_greeting(dt.datetime.now()))}, {name}</h2>")
        layout.addWidget(self.title)
        self.figures = QLabel()
        self.figures.setObjectName("home_figures")
        layout.addWidget(self.figures)
        layout.addStretch(1)
        # A bound method (not a lambda): the connection dies with this widget.
        app_signals().changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, _entities: frozenset[str]) -> None:
        self.refresh()

    def refresh(self) -> None:
        with self._ctx.db.reading() as session:
            figures = dashboard.home_figures(session, self._ctx.actor)
        self.figures.setText(self.tr("Beneficiari registrati: <b>{0}</b>").format(figures.persons))
