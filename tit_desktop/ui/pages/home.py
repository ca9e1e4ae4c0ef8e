"""Home: greeting, the registry's size, and the permits that need attention (expired or
expiring within 60 days), each opening the person's record."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.services import clock, dashboard, persons, reminders
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.signals import app_signals
from tit_desktop.ui.table_models import Column, ListTableModel
from tit_desktop.ui.wording import number, plural

PERMIT_WINDOW_DAYS = 60


def _greeting(now: dt.datetime) -> str:
    if now.hour < 13:
        return "Buongiorno"
    if now.hour < 18:
        return "Buon pomeriggio"
    return "Buonasera"


def _days(permit: persons.ExpiringPermit) -> str:
    if permit.days_left < 0:
        return f"scaduto da {-permit.days_left} gg"
    if permit.days_left == 0:
        return "scade oggi"
    return f"tra {permit.days_left} gg"


class PermitModel(ListTableModel[persons.ExpiringPermit]):
    def data(self, index, role=0):  # type: ignore[no-untyped-def]
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            permit = self.row_at(index.row())
            if permit.days_left < 0:
                return QBrush(QColor("#b00020"))
        return super().data(index, role)


class ReminderModel(ListTableModel[reminders.Reminder]):
    def data(self, index, role=0):  # type: ignore[no-untyped-def]
        overdue = index.isValid() and self.row_at(index.row()).overdue
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return QBrush(QColor("#b00020"))
        return super().data(index, role)


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
        self.permits_title = QLabel()
        self.permits_title.setObjectName("permits_title")
        layout.addWidget(self.permits_title)
        self.permits: PermitModel = PermitModel(
            [
                Column(self.tr("Scadenza"), lambda p: p.expires_on.strftime("%d/%m/%Y")),
                Column(self.tr("Quando"), _days),
                Column(self.tr("Codice"), lambda p: p.code),
                Column(self.tr("Persona"), lambda p: p.name),
                Column(
                    self.tr("Motivo del permesso"), lambda p: persons.value_label(p.permit_reason)
                ),
            ],
            self,
        )
        self.permit_view = QTableView()
        self.permit_view.setObjectName("permits_table")
        self.permit_view.setModel(self.permits)
        self.permit_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.permit_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.permit_view.verticalHeader().hide()
        self.permit_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.permit_view.horizontalHeader().setStretchLastSection(True)
        self.permit_view.activated.connect(self._open)
        layout.addWidget(self.permit_view, 1)
        self.reminders_title = QLabel()
        self.reminders_title.setObjectName("reminders_title")
        layout.addWidget(self.reminders_title)
        self.reminders: ReminderModel = ReminderModel(
            [
                Column(self.tr("Data"), lambda r: r.due.strftime("%d/%m/%Y")),
                Column(self.tr("Promemoria"), lambda r: r.text),
            ],
            self,
        )
        self.reminder_view = QTableView()
        self.reminder_view.setObjectName("reminders_table")
        self.reminder_view.setModel(self.reminders)
        self.reminder_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reminder_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reminder_view.verticalHeader().hide()
        self.reminder_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.reminder_view.horizontalHeader().setStretchLastSection(True)
        self.reminder_view.activated.connect(self._open_reminder)
        layout.addWidget(self.reminder_view, 1)
        # A bound method (not a lambda): the connection dies with this widget.
        app_signals().changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, _entities: frozenset[str]) -> None:
        self.refresh()

    def refresh(self) -> None:
        with self._ctx.db.reading() as session:
            figures = dashboard.home_figures(session, self._ctx.actor)
            permits = persons.expiring_permits(session, self._ctx.actor, PERMIT_WINDOW_DAYS)
            due = reminders.reminders_for(session, self._ctx.actor, clock.today())
        self.figures.setText(self.tr("Beneficiari registrati: <b>{0}</b>").format(figures.persons))
        expired = sum(1 for p in permits if p.days_left < 0)
        self.permits_title.setText(
            self.tr(
                "<h3>Permessi di soggiorno da rinnovare</h3>"
                "{0}, {1} in scadenza nei prossimi {2} giorni (doppio clic per aprire la scheda)."
            ).format(
                plural(expired, self.tr("{n} scaduto"), self.tr("{n} scaduti")),
                number(len(permits) - expired),
                PERMIT_WINDOW_DAYS,
            )
        )
        self.permits.set_rows(permits)
        late = sum(1 for r in due if r.overdue)
        self.reminders_title.setText(
            self.tr("<h3>Promemoria</h3>{0}, {1} (doppio clic per aprire).").format(
                plural(len(due), self.tr("{n} promemoria"), self.tr("{n} promemoria")),
                plural(late, self.tr("{n} scaduto"), self.tr("{n} scaduti")),
            )
            if due
            else self.tr("<h3>Promemoria</h3>Nessun promemoria.")
        )
        self.reminders.set_rows(due)
        self.reminder_view.setVisible(bool(due))

    def _open(self, index: QModelIndex) -> None:
        from tit_desktop.ui.person_dialog import PersonDialog

        permit = self.permits.row_at(index.row())
        PersonDialog(self._ctx, permit.person_id, self).open()

    def _open_reminder(self, index: QModelIndex) -> None:
        """The record a reminder is about: the person's record when it names one; otherwise
        the area that owns it."""
        reminder = self.reminders.row_at(index.row())
        if reminder.person_id is not None:
            from tit_desktop.ui.person_dialog import PersonDialog

            PersonDialog(self._ctx, reminder.person_id, self).open()
            return
        window = self.window()
        show_area = getattr(window, "show_area", None)
        if show_area is not None:
            show_area(reminder.area)
