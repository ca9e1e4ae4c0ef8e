"""Mensa: the check-in desk, the day's rosters with counts, and the cards.

The desk is made for a USB reader that types the card's code and Enter: the cursor waits in
one field, the meal of the moment is preselected, the answer is a large green or red panel,
and the cursor is back in the field at once. Everything works with the keyboard alone:
F2 the scan field, F3 search by name, F4 issue a card to the person just served,
Ctrl+Z undo the last check-in, Alt+1/2/3 choose the meal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QRectF, Qt, QTime, QTimer
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.models.canteen import MealType
from tit_desktop.services import canteen, clock
from tit_desktop.services.errors import ServiceError, StaleRecord, ValidationError
from tit_desktop.services.permissions import Permission
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.errors import handle_error, service_error_text
from tit_desktop.ui.form_guard import FormGuard, Settled
from tit_desktop.ui.signals import app_signals, notify_changed
from tit_desktop.ui.stale_merge import merge_with_colleague
from tit_desktop.ui.table_models import Column, ListTableModel
from tit_desktop.ui.widgets import set_read_only
from tit_desktop.ui.wording import number, plural

GREEN = "#1b7f3b"
RED = "#b00020"
AMBER = "#a15c00"


def _meal_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for meal in canteen.MEAL_ORDER:
        combo.addItem(canteen.MEAL_LABELS[meal], meal)
    return combo


class DeskPanel(QWidget):
    """The check-in desk."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_meal_id: int | None = None
        self.last_person_id: int | None = None
        self._setup_ui()
        self._wire()
        with ctx.db.reading() as session:
            meal = canteen.meal_of_the_moment(session)
        self.set_meal(meal)
        self.scan.setFocus()

    # --- layout ----------------------------------------------------------------------

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("&Pasto:")))
        self.meal = _meal_combo(self)
        self.meal.setObjectName("desk_meal")
        top.itemAt(0).widget().setBuddy(self.meal)  # type: ignore[union-attr]
        top.addWidget(self.meal)
        self.day_label = QLabel()
        top.addWidget(self.day_label)
        top.addStretch(1)
        self.seats_label = QLabel()
        self.seats_label.setObjectName("desk_seats")
        font = self.seats_label.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.seats_label.setFont(font)
        top.addWidget(self.seats_label)
        layout.addLayout(top)

        scan_label = QLabel(
            self.tr("Passare la tessera o scrivere il numero / Codice e Invio (F2)")
        )
        layout.addWidget(scan_label)
        self.scan = QLineEdit()
        self.scan.setObjectName("desk_scan")
        big = self.scan.font()
        big.setPointSize(big.pointSize() + 10)
        self.scan.setFont(big)
        self.scan.setMaxLength(64)
        scan_label.setBuddy(self.scan)
        layout.addWidget(self.scan)

        answer = QHBoxLayout()
        self.photo = QLabel()
        self.photo.setObjectName("desk_photo")
        self.photo.setFixedSize(140, 170)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setFrameShape(QFrame.Shape.StyledPanel)
        self.photo.hide()
        answer.addWidget(self.photo)
        self.result = QLabel(self.tr("Pronto"))
        self.result.setObjectName("desk_result")
        self.result.setWordWrap(True)
        self.result.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result.setMinimumHeight(170)
        result_font = QFont(self.result.font())
        result_font.setPointSize(result_font.pointSize() + 12)
        result_font.setBold(True)
        self.result.setFont(result_font)
        self._paint_result("#555555")
        answer.addWidget(self.result, 1)
        layout.addLayout(answer)

        actions = QHBoxLayout()
        self.undo = QPushButton(self.tr("Annulla ultimo (Ctrl+Z)"))
        self.undo.setObjectName("desk_undo")
        self.undo.setEnabled(False)
        actions.addWidget(self.undo)
        self.issue = QPushButton(self.tr("Rilascia tessera (F4)"))
        self.issue.setObjectName("desk_issue")
        self.issue.hide()
        actions.addWidget(self.issue)
        actions.addStretch(1)
        layout.addLayout(actions)

        search_label = QLabel(
            self.tr("Senza tessera: cerca per nome o Codice (F3), Invio registra")
        )
        layout.addWidget(search_label)
        self.search = QLineEdit()
        self.search.setObjectName("desk_search")
        self.search.setPlaceholderText(self.tr("cognome nome o Codice"))
        search_label.setBuddy(self.search)
        layout.addWidget(self.search)
        self.found = QListWidget()
        self.found.setObjectName("desk_found")
        self.found.setMaximumHeight(140)
        layout.addWidget(self.found)
        layout.addStretch(1)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)

    def _wire(self) -> None:
        self.scan.returnPressed.connect(self._scanned)
        self.meal.currentIndexChanged.connect(lambda _i: self.refresh_seats())
        self.undo.clicked.connect(self.undo_last)
        self.issue.clicked.connect(self.issue_card)
        self.search.textEdited.connect(lambda _t: self._search_timer.start())
        self._search_timer.timeout.connect(self._find)
        self.search.returnPressed.connect(self._check_in_found)
        self.found.itemActivated.connect(lambda _item: self._check_in_found())
        for keys, slot in (
            ("F2", self.focus_scan),
            ("F3", self.search.setFocus),
            ("F4", self.issue_card),
            ("Ctrl+Z", self.undo_last),
            ("Alt+1", lambda: self.set_meal(MealType.BREAKFAST)),
            ("Alt+2", lambda: self.set_meal(MealType.LUNCH)),
            ("Alt+3", lambda: self.set_meal(MealType.DINNER)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        # Down from the search box goes into the list of names; Ctrl+Z in either field
        # undoes the last check-in (the fields' own undo would take the key otherwise).
        self.search.installEventFilter(self)
        self.scan.installEventFilter(self)

    def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
        if (
            watched in (self.scan, self.search)
            and event.type() == event.Type.KeyPress
            and event.matches(QKeySequence.StandardKey.Undo)
        ):
            self.undo_last()
            return True
        if (
            watched is self.search
            and event.type() == event.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.found.count()
        ):
            self.found.setFocus()
            self.found.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)

    # --- state -----------------------------------------------------------------------

    @property
    def current_meal(self) -> MealType:
        return MealType(self.meal.currentData())

    def set_meal(self, meal: MealType) -> None:
        self.meal.setCurrentIndex(canteen.MEAL_ORDER.index(meal))
        self.refresh_seats()
        self.focus_scan()

    def focus_scan(self) -> None:
        self.scan.setFocus()
        self.scan.selectAll()

    def refresh_seats(self) -> None:
        today = clock.today()
        self.day_label.setText(today.strftime("%d/%m/%Y"))
        with self.ctx.db.reading() as session:
            seats = canteen.seats(session, self.ctx.actor, today, self.current_meal)
        self._show_seats(seats)

    def _show_seats(self, seats: canteen.Seats) -> None:
        text = seats.text()
        if seats.full:
            text += " — " + self.tr("COMPLETO")
        elif seats.near_capacity:
            text += " — " + self.tr("quasi completo")
        self.seats_label.setText(text)
        color = RED if seats.full else AMBER if seats.near_capacity else "#333333"
        self.seats_label.setStyleSheet(f"color: {color};")

    def _paint_result(self, color: str) -> None:
        self.result.setStyleSheet(
            f"background: {color}; color: white; border-radius: 8px; padding: 12px;"
        )

    # --- check-in --------------------------------------------------------------------

    def _scanned(self) -> None:
        typed = self.scan.text()
        self.scan.clear()
        if not typed.strip():
            return
        self._run(
            lambda session: canteen.check_in(session, self.ctx.actor, typed, meal=self.current_meal)
        )

    def _check_in_found(self) -> None:
        item = self.found.currentItem() or (self.found.item(0) if self.found.count() else None)
        if item is None:
            return
        person_id = int(item.data(Qt.ItemDataRole.UserRole))
        self._run(
            lambda session: canteen.check_in_person(
                session, self.ctx.actor, person_id, meal=self.current_meal
            )
        )
        self.search.clear()
        self.found.clear()

    def _run(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                result = action(session)
        except ServiceError as exc:
            self.show_refusal(service_error_text(exc))
        except Exception as exc:
            handle_error(self, exc)
        else:
            self.show_done(result)
            notify_changed("meal")
        self.focus_scan()

    def show_done(self, result: canteen.CheckInResult) -> None:
        self.last_meal_id = result.meal_id
        self.last_person_id = result.person_id
        self.undo.setEnabled(True)
        text = f"✔ {result.name}\n{canteen.MEAL_LABELS[result.meal]}"
        if not result.has_card:
            text += "\n" + self.tr("Primo accesso senza tessera: F4 per rilasciarla")
        self.result.setText(text)
        self._paint_result(GREEN)
        self.issue.setVisible(not result.has_card)
        self._show_photo(result.person_id if result.has_photo else None)
        self._show_seats(result.seats)

    def show_refusal(self, message: str) -> None:
        self.result.setText(f"✖ {message}")
        self._paint_result(RED)
        self.issue.hide()
        self._show_photo(None)

    def _show_photo(self, person_id: int | None) -> None:
        if person_id is None:
            self.photo.hide()
            return
        with self.ctx.db.reading() as session:
            content = canteen.photo_of(session, self.ctx.actor, person_id)
        pixmap = QPixmap()
        if content and pixmap.loadFromData(content):
            self.photo.setPixmap(
                pixmap.scaled(
                    self.photo.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.photo.show()
        else:
            self.photo.hide()

    def undo_last(self) -> None:
        if self.last_meal_id is None:
            return
        meal_id = self.last_meal_id
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                canteen.undo_check_in(session, self.ctx.actor, meal_id)
        except ServiceError as exc:
            self.show_refusal(service_error_text(exc))
        else:
            self.last_meal_id = None
            self.undo.setEnabled(False)
            self.issue.hide()
            self.result.setText(self.tr("Ultimo pasto annullato"))
            self._paint_result("#555555")
            self._show_photo(None)
            notify_changed("meal")
            self.refresh_seats()
        self.focus_scan()

    def issue_card(self) -> None:
        if self.last_person_id is None or not self.issue.isVisible():
            return
        person_id = self.last_person_id
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                card = canteen.issue_card(session, self.ctx.actor, person_id)
        except ServiceError as exc:
            self.show_refusal(service_error_text(exc))
        else:
            self.issue.hide()
            self.result.setText(
                self.tr("Tessera rilasciata: n. {0}\nvalida fino al {1}").format(
                    card.code, card.valid_to.strftime("%d/%m/%Y")
                )
            )
            self._paint_result(GREEN)
            notify_changed("canteen_card")
        self.focus_scan()

    # --- search ----------------------------------------------------------------------

    def _find(self) -> None:
        self.found.clear()
        text = self.search.text()
        if len(text.strip()) < 2:
            return
        with self.ctx.db.reading() as session:
            people = canteen.find_people(session, self.ctx.actor, text, limit=12)
        for person in people:
            card = (
                self.tr("tessera {0}").format(person.card_code)
                if person.card_code
                else self.tr("senza tessera")
            )
            item = QListWidgetItem(f"{person.name} — {person.code} — {card}")
            item.setData(Qt.ItemDataRole.UserRole, person.person_id)
            self.found.addItem(item)
        if self.found.count():
            self.found.setCurrentRow(0)


# =========================================================================== rosters


class BarChart(QWidget):
    """Meals per day of a month, stacked by type: painted, no chart library needed."""

    COLORS = {
        MealType.BREAKFAST: QColor("#e0a100"),
        MealType.LUNCH: QColor("#1f6fb2"),
        MealType.DINNER: QColor("#6a3d9a"),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("canteen_chart")
        self.setMinimumHeight(160)
        self.days: list[canteen.DayCount] = []
        self.month_days = 30

    def set_counts(self, days: Sequence[canteen.DayCount], month_days: int) -> None:
        self.days = list(days)
        self.month_days = month_days
        self.update()

    def paintEvent(self, _event) -> None:  # type: ignore[no-untyped-def]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self.width(), self.height()
        legend_h, axis_h = 18, 16
        area_h = height - legend_h - axis_h - 4
        top = max((d.total for d in self.days), default=0)
        x = 4.0
        for meal in canteen.MEAL_ORDER:
            painter.fillRect(QRectF(x, 3, 12, 12), self.COLORS[meal])
            painter.drawText(QRectF(x + 16, 0, 90, 18), canteen.MEAL_LABELS[meal])
            x += 100
        if top:
            painter.drawText(
                QRectF(width - 120, 0, 116, 18),
                Qt.AlignmentFlag.AlignRight,
                self.tr("max {0} al giorno").format(top),
            )
        slot = (width - 8) / max(self.month_days, 1)
        by_day = {d.day.day: d for d in self.days}
        for day in range(1, self.month_days + 1):
            left = 4 + (day - 1) * slot
            entry = by_day.get(day)
            base = legend_h + area_h
            if entry is not None and top:
                for meal in canteen.MEAL_ORDER:
                    h = area_h * entry.counts[meal] / top
                    painter.fillRect(QRectF(left + 1, base - h, slot - 2, h), self.COLORS[meal])
                    base -= h
            if day == 1 or day % 5 == 0:
                painter.drawText(
                    QRectF(left - 6, legend_h + area_h + 2, slot + 12, axis_h),
                    Qt.AlignmentFlag.AlignHCenter,
                    str(day),
                )
        painter.end()


class RostersPanel(QWidget):
    """The day's list per meal, the sign sheet, the monthly register, counts and chart."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Giorno:")))
        self.day = QDateEdit()
        self.day.setObjectName("roster_day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setDate(QDate(clock.today()))
        bar.addWidget(self.day)
        self.meal = _meal_combo(self)
        self.meal.setObjectName("roster_meal")
        bar.addWidget(self.meal)
        self.sign_sheet = QPushButton(self.tr("Foglio firme…"))
        self.register = QPushButton(self.tr("Registro del mese…"))
        self.export = QPushButton(self.tr("Esporta l'elenco…"))
        self.settings = QPushButton(self.tr("Orari e posti…"))
        for button in (self.sign_sheet, self.register, self.export, self.settings):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.summary = QLabel()
        self.summary.setObjectName("roster_summary")
        layout.addWidget(self.summary)
        self.model: ListTableModel[canteen.RosterRow] = ListTableModel(
            [
                Column(self.tr("Ora"), lambda r: r.recorded_at.astimezone().strftime("%H:%M")),
                Column(self.tr("Codice"), lambda r: r.code),
                Column(self.tr("Persona"), lambda r: r.name),
                Column(self.tr("Tessera"), lambda r: r.card or self.tr("senza")),
                Column(self.tr("Inserito dopo"), lambda r: self.tr("sì") if r.backdated else ""),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("roster_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.month_title = QLabel()
        self.month_title.setObjectName("roster_month")
        layout.addWidget(self.month_title)
        self.chart = BarChart(self)
        layout.addWidget(self.chart)
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.meal.currentIndexChanged.connect(lambda _i: self.refresh())
        self.sign_sheet.clicked.connect(self.print_sign_sheet)
        self.register.clicked.connect(self.print_register)
        self.export.clicked.connect(self.export_roster)
        self.settings.clicked.connect(lambda: MealSettingsDialog(self.ctx, self).exec())
        self.sign_sheet.setEnabled(ctx.actor.can(Permission.EXPORT_DATA))
        self.register.setEnabled(ctx.actor.can(Permission.EXPORT_DATA))
        self.export.setEnabled(ctx.actor.can(Permission.EXPORT_DATA))

    @property
    def chosen_day(self) -> dt.date:
        return self.day.date().toPython()  # type: ignore[no-any-return]

    @property
    def chosen_meal(self) -> MealType:
        return MealType(self.meal.currentData())

    def refresh(self) -> None:
        day, meal = self.chosen_day, self.chosen_meal
        first, following = canteen.month_bounds(day.year, day.month)
        with self.ctx.db.reading() as session:
            rows = canteen.roster(session, self.ctx.actor, day, meal)
            seats = canteen.seats(session, self.ctx.actor, day, meal)
            days = canteen.counts_by_day(
                session, self.ctx.actor, first, following - dt.timedelta(days=1)
            )
        self.model.set_rows(rows)
        self.summary.setText(
            self.tr("{0} del {1}: {2}").format(
                canteen.MEAL_LABELS[meal], day.strftime("%d/%m/%Y"), seats.text()
            )
        )
        totals = {m: sum(d.counts[m] for d in days) for m in canteen.MEAL_ORDER}
        total = sum(totals.values())
        self.month_title.setText(
            self.tr("Mese {0}: {1} (colazioni {2}, pranzi {3}, cene {4})").format(
                day.strftime("%m/%Y"),
                plural(total, self.tr("{n} pasto"), self.tr("{n} pasti")),
                number(totals[MealType.BREAKFAST]),
                number(totals[MealType.LUNCH]),
                number(totals[MealType.DINNER]),
            )
        )
        self.chart.set_counts(days, (following - first).days)

    def print_sign_sheet(self) -> None:
        from tit_desktop.ui.print_form import print_document

        day, meal = self.chosen_day, self.chosen_meal
        print_document(
            self,
            self.ctx,
            "foglio-firme-mensa",
            {"date": day.strftime("%d/%m/%Y"), "meal": meal.value},
            f"foglio-firme-{meal.value}-{day:%Y-%m-%d}.pdf",
        )

    def print_register(self) -> None:
        from tit_desktop.ui.print_form import print_document

        day = self.chosen_day
        print_document(
            self,
            self.ctx,
            "registro-mensa",
            {"month": day.strftime("%m/%Y")},
            f"registro-mensa-{day:%Y-%m}.pdf",
        )

    def export_roster(self) -> None:
        from tit_desktop.ui.file_dialogs import save_file

        day, meal = self.chosen_day, self.chosen_meal
        target, _ = save_file(
            self,
            self.tr("Esporta l'elenco"),
            f"mensa-{meal.value}-{day:%Y-%m-%d}.csv",
            self.tr("File CSV (*.csv)"),
        )
        if target is None:
            return
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                canteen.export_roster(session, self.ctx.actor, day, meal, target)
        except Exception as exc:
            handle_error(self, exc)


# =========================================================================== cards


class CardsPanel(QWidget):
    """A person's cards: issue, renew, revoke, replace a lost one, print."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id: int | None = None
        layout = QVBoxLayout(self)
        search_label = QLabel(self.tr("&Persona (cognome nome o Codice):"))
        layout.addWidget(search_label)
        self.search = QLineEdit()
        self.search.setObjectName("cards_search")
        search_label.setBuddy(self.search)
        layout.addWidget(self.search)
        self.found = QListWidget()
        self.found.setObjectName("cards_found")
        self.found.setMaximumHeight(120)
        layout.addWidget(self.found)
        self.person_label = QLabel()
        self.person_label.setObjectName("cards_person")
        layout.addWidget(self.person_label)
        self.model: ListTableModel[canteen.CardInfo] = ListTableModel(
            [
                Column(self.tr("Numero"), lambda c: c.code),
                Column(self.tr("Valida dal"), lambda c: c.valid_from.strftime("%d/%m/%Y")),
                Column(self.tr("Valida fino al"), lambda c: c.valid_to.strftime("%d/%m/%Y")),
                Column(self.tr("Stato"), lambda c: canteen.STATUS_LABELS[c.status]),
                Column(
                    self.tr("Sostituita da"),
                    lambda c: (
                        canteen.card_code(c.replaced_by_number)
                        if c.replaced_by_number is not None
                        else ""
                    ),
                ),
                Column(self.tr("Motivo"), lambda c: c.end_reason or ""),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("cards_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.issue_button = QPushButton(self.tr("&Rilascia tessera"))
        self.renew_button = QPushButton(self.tr("Rin&nova fino al"))
        self.renew_until = QDateEdit()
        self.renew_until.setCalendarPopup(True)
        self.renew_until.setDisplayFormat("dd/MM/yyyy")
        self.renew_until.setDate(QDate(clock.today() + dt.timedelta(days=365)))
        self.replace_button = QPushButton(self.tr("&Sostituisci (smarrita)"))
        self.revoke_button = QPushButton(self.tr("Re&voca"))
        self.print_button = QPushButton(self.tr("S&tampa tessera…"))
        self.sheet_button = QPushButton(self.tr("Foglio A4 delle tessere di &oggi…"))
        for widget in (
            self.issue_button,
            self.renew_button,
            self.renew_until,
            self.replace_button,
            self.revoke_button,
            self.print_button,
            self.sheet_button,
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self._timer.timeout.connect(self._find)
        self.found.currentItemChanged.connect(lambda item, _old: self._choose(item))
        self.issue_button.clicked.connect(self.issue)
        self.renew_button.clicked.connect(self.renew)
        self.replace_button.clicked.connect(self.replace)
        self.revoke_button.clicked.connect(self.revoke)
        self.print_button.clicked.connect(self.print_card)
        self.sheet_button.clicked.connect(self.print_sheet)
        self._writable = ctx.actor.can(Permission.WRITE_REGISTRY)
        self._update_buttons()

    def _find(self) -> None:
        self.found.clear()
        if len(self.search.text().strip()) < 2:
            return
        with self.ctx.db.reading() as session:
            people = canteen.find_people(session, self.ctx.actor, self.search.text(), limit=12)
        for person in people:
            item = QListWidgetItem(f"{person.name} — {person.code}")
            item.setData(Qt.ItemDataRole.UserRole, (person.person_id, person.code, person.name))
            self.found.addItem(item)

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        person_id, code, name = item.data(Qt.ItemDataRole.UserRole)
        self.person_id = int(person_id)
        self.person_code = str(code)
        self.person_label.setText(f"<b>{name}</b> — {code}")
        self.refresh()

    def refresh(self) -> None:
        if self.person_id is None:
            self.model.set_rows([])
        else:
            with self.ctx.db.reading() as session:
                self.model.set_rows(canteen.cards_of(session, self.ctx.actor, self.person_id))
        self._update_buttons()

    def active(self) -> canteen.CardInfo | None:
        for row in range(self.model.rowCount()):
            card = self.model.row_at(row)
            if card.status is canteen.CardStatus.ACTIVE:
                return card
        return None

    def _update_buttons(self) -> None:
        chosen = self.person_id is not None
        active = self.active() is not None
        writable = self._writable
        self.issue_button.setEnabled(writable and chosen and not active)
        for widget in (self.renew_button, self.renew_until, self.replace_button):
            widget.setEnabled(writable and active)
        self.revoke_button.setEnabled(writable and active)
        can_print = self.ctx.actor.can(Permission.EXPORT_DATA)
        self.print_button.setEnabled(can_print and active)
        self.sheet_button.setEnabled(can_print)

    def _write(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                action(session)
        except Exception as exc:
            handle_error(self, exc)
        notify_changed("canteen_card")
        self.refresh()

    def issue(self) -> None:
        if self.person_id is not None:
            person_id = self.person_id
            self._write(lambda s: canteen.issue_card(s, self.ctx.actor, person_id))

    def renew(self) -> None:
        card = self.active()
        if card is not None:
            until = self.renew_until.date().toPython()
            self._write(lambda s: canteen.renew_card(s, self.ctx.actor, card.id, until))

    def replace(self) -> None:
        from tit_desktop.ui.questions import confirm

        card = self.active()
        if card is None or not confirm(
            self,
            self.tr("Sostituire la tessera"),
            self.tr(
                "La tessera n. {0} smetterà subito di funzionare e ne sarà rilasciata "
                "una nuova con un altro numero."
            ).format(card.code),
            self.tr("Sostituisci"),
        ):
            return
        self._write(lambda s: canteen.replace_card(s, self.ctx.actor, card.id))

    def revoke(self) -> None:
        from tit_desktop.ui.questions import confirm

        card = self.active()
        if card is None or not confirm(
            self,
            self.tr("Revocare la tessera"),
            self.tr("La tessera n. {0} smetterà subito di funzionare.").format(card.code),
            self.tr("Revoca"),
        ):
            return
        self._write(lambda s: canteen.revoke_card(s, self.ctx.actor, card.id, "revocata"))

    def print_card(self) -> None:
        from tit_desktop.ui.print_form import print_document

        card = self.active()
        if card is not None:
            print_document(
                self,
                self.ctx,
                "tessera-mensa",
                {"person": self.person_code},
                f"tessera-mensa-{card.code}.pdf",
            )

    def print_sheet(self) -> None:
        from tit_desktop.ui.print_form import print_document

        today = clock.today()
        print_document(
            self,
            self.ctx,
            "tessere-mensa",
            {"date": today.strftime("%d/%m/%Y")},
            f"tessere-mensa-{today:%Y-%m-%d}.pdf",
        )


# =========================================================================== settings


class MealSettingsDialog(QDialog):
    """Each meal's hours (the desk preselects the meal of the moment) and seats."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Orari e posti della mensa"))
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        for column, title in enumerate(
            (
                self.tr("Pasto"),
                self.tr("Dalle"),
                self.tr("Alle"),
                self.tr("Posti (0 = senza limite)"),
            )
        ):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        self.rows: dict[MealType, tuple[QTimeEdit, QTimeEdit, QSpinBox]] = {}
        self.seen: dict[MealType, canteen.MealSetting] = {}  # as read: saved against these
        for row, meal in enumerate(canteen.MEAL_ORDER, start=1):
            start, end = QTimeEdit(), QTimeEdit()
            for edit in (start, end):
                edit.setDisplayFormat("HH:mm")
            seats = QSpinBox()
            seats.setRange(0, 5000)
            label = canteen.MEAL_LABELS[meal]
            start.setAccessibleName(self.tr("{0}: dalle").format(label))
            end.setAccessibleName(self.tr("{0}: alle").format(label))
            seats.setAccessibleName(self.tr("{0}: posti").format(label))
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(start, row, 1)
            grid.addWidget(end, row, 2)
            grid.addWidget(seats, row, 3)
            self.rows[meal] = (start, end, seats)
        layout.addLayout(grid)
        self._load()
        self.errors = QLabel()
        self.errors.setObjectName("meal_settings_errors")
        self.errors.setStyleSheet(f"color: {RED};")
        self.errors.setWordWrap(True)
        layout.addWidget(self.errors)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save_and_close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if not ctx.actor.can(Permission.WRITE_REGISTRY):
            set_read_only(self)
            buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.guard = FormGuard(self, save=self._save)
        self.guard.mark_clean()

    def _load(self) -> None:
        """The settings as stored now, and their versions for the next save."""
        with self.ctx.db.reading() as session:
            self.seen = canteen.meal_settings(session)
        for meal, (start, end, seats) in self.rows.items():
            setting = self.seen[meal]
            start.setTime(QTime(setting.starts_at))
            end.setTime(QTime(setting.ends_at))
            seats.setValue(setting.seats or 0)

    def reject(self) -> None:
        if self.guard.settle() is Settled.CLOSE:
            super().reject()

    def _save_and_close(self) -> None:
        if self._save():
            self.guard.mark_clean()
            self.accept()

    def _save(self) -> bool:
        problems = []
        saved: dict[MealType, canteen.MealSetting] = {}
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                for meal, (start, end, seats) in self.rows.items():
                    try:
                        saved[meal] = canteen.save_meal_setting(
                            session,
                            self.ctx.actor,
                            meal,
                            start.time().toPython(),
                            end.time().toPython(),
                            seats.value() or None,
                            seen=self.seen[meal],
                        )
                    except ValidationError as exc:
                        problems.append(f"{canteen.MEAL_LABELS[meal]}: {exc.message}")
                if problems:
                    raise ValidationError({"meal": "; ".join(problems)}, "\n".join(problems))
        except StaleRecord:
            self.errors.clear()
            merge_with_colleague(self, self._load, ("seen",))
            return False
        except ServiceError as exc:
            self.errors.setText(service_error_text(exc))
            return False
        self.seen = saved
        notify_changed("canteen_meal_setting")
        return True


# =========================================================================== page


class CanteenPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.tr('Mensa')}</h2>"))
        self.tabs = QTabWidget()
        self.desk = DeskPanel(ctx) if ctx.actor.can(Permission.WRITE_REGISTRY) else None
        if self.desk is not None:
            self.tabs.addTab(self.desk, self.tr("Sportello"))
        self.rosters = RostersPanel(ctx)
        self.tabs.addTab(self.rosters, self.tr("Elenchi e conteggi"))
        self.cards = CardsPanel(ctx)
        self.tabs.addTab(self.cards, self.tr("Tessere"))
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._tab_changed)
        app_signals().changed.connect(self._changed)
        self.rosters.refresh()

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.desk and self.desk is not None:
            self.desk.refresh_seats()
            self.desk.focus_scan()
        else:
            self.rosters.refresh()

    def _changed(self, entities: frozenset[str]) -> None:
        if entities & {"meal", "person", "canteen_card"}:
            self.rosters.refresh()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if self.desk is not None and self.tabs.currentWidget() is self.desk:
            self.desk.refresh_seats()
            self.desk.focus_scan()
