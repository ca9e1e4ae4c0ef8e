"""Unità di strada: the night shift's quick entry, the list of contacts with filters (only
the visible rows are fetched), the contact's edit dialog and the monthly summary.

The quick entry is made for the keyboard: the date and time come prefilled with now, the
operators with the last contact's team; Tab walks the fields in the order they are filled,
the services have mnemonics (Alt+C coperte, Alt+P pasto, Alt+B bevanda calda, Alt+I
informazioni, Alt+V invio a servizio), and Enter saves and clears the form for the next
contact (in the person search, Enter links the person found first)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.models import StreetService
from tit_desktop.services import clock, street
from tit_desktop.services.errors import ServiceError, StaleRecord, ValidationError
from tit_desktop.services.permissions import Permission
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.dates import DateField, InvalidInput
from tit_desktop.ui.errors import handle_error
from tit_desktop.ui.form_guard import FormGuard, Settled
from tit_desktop.ui.lazy_table import KeyTableModel, LazyColumn
from tit_desktop.ui.questions import confirm
from tit_desktop.ui.signals import app_signals, notify_changed
from tit_desktop.ui.stale_merge import merge_with_colleague
from tit_desktop.ui.widgets import FieldErrors, set_read_only
from tit_desktop.ui.wording import number, plural

ENTITIES = frozenset(
    {"street_contact", "street_zone", "person", "staff_member", "street_contact_person"}
)
SEARCH_DELAY_MS = 150

# The services' check boxes, with their mnemonics.
SERVICE_TEXTS: dict[StreetService, str] = {
    StreetService.BLANKETS: "&Coperte",
    StreetService.MEAL: "&Pasto",
    StreetService.HOT_DRINK: "&Bevanda calda",
    StreetService.INFORMATION: "&Informazioni",
    StreetService.REFERRAL: "In&vio a servizio",
}

_TIME = re.compile(r"^(\d{1,2})[:.]?(\d{2})$")


def parse_time(text: str) -> dt.time | None:
    """``22:40``, ``22.40`` or ``2240``; None when empty; InvalidInput otherwise."""
    value = text.strip()
    if not value:
        return None
    match = _TIME.match(value)
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise InvalidInput("ora non valida: scrivere hh:mm")
    return dt.time(int(match.group(1)), int(match.group(2)))


class PersonPicker(QWidget):
    """Search as you type; Enter (or a double click) links the person found; Delete or
    Canc on a linked person unlinks them."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        self.search = QLineEdit()
        self.search.setObjectName("person_search")
        self.search.setPlaceholderText(self.tr("Cognome, nome o codice, poi Invio"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("person_results")
        self.results.setMaximumHeight(80)
        self.results.hide()
        self.linked = QListWidget()
        self.linked.setObjectName("linked_persons")
        self.linked.setMaximumHeight(48)
        self.linked.setToolTip(self.tr("Canc toglie la persona selezionata"))
        box.addWidget(self.search)
        box.addWidget(self.results)
        box.addWidget(self.linked)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._find)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.installEventFilter(self)
        self.results.installEventFilter(self)
        self.linked.installEventFilter(self)
        self.results.itemActivated.connect(self._link_item)
        self.setFocusProxy(self.search)
        self.read_only = False
        self._labels: dict[int, str] = {}  # every person shown here, to show them again

    def person_ids(self) -> tuple[int, ...]:
        return tuple(
            int(self.linked.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.linked.count())
        )

    def set_persons(self, people: Sequence[street.LinkedPerson]) -> None:
        self.linked.clear()
        for person in people:
            self._add(person.id, person.label)
        self.changed.emit()

    def set_read_only(self) -> None:
        """Persons shown, not changeable (the lettura role)."""
        self.read_only = True
        self.search.hide()

    def clear(self) -> None:
        self.search.clear()
        self.results.clear()
        self.results.hide()
        self.set_persons([])

    # The form guard's view of the picker (see form_guard.FormValue): the persons linked.
    def form_value(self) -> tuple[int, ...]:
        return self.person_ids()

    def set_form_value(self, value: object) -> None:
        self.linked.clear()
        for person_id in cast(tuple[int, ...], value):
            self._add(person_id, self._labels.get(person_id, str(person_id)))
        self.changed.emit()

    def form_text(self, value: object) -> str:
        ids = cast(tuple[int, ...], value)
        return "; ".join(self._labels.get(i, str(i)) for i in ids)

    def _add(self, person_id: int, label: str) -> None:
        self._labels[person_id] = label
        if person_id in self.person_ids():
            return
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, person_id)
        self.linked.addItem(item)

    def _find(self) -> None:
        self._timer.stop()
        text = self.search.text()
        with self.ctx.db.reading() as session:
            found = street.find_persons(session, self.ctx.actor, text)
        self.results.clear()
        for person in found:
            item = QListWidgetItem(person.label)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.results.addItem(item)
        self.results.setVisible(bool(found))
        if found:
            self.results.setCurrentRow(0)

    def _link_item(self, item: QListWidgetItem) -> None:
        self._add(int(item.data(Qt.ItemDataRole.UserRole)), item.text())
        self.search.clear()
        self.results.clear()
        self.results.hide()
        self.search.setFocus()
        self.changed.emit()

    def link_first(self) -> bool:
        """Enter in the search box: link the person shown (selected, or the first)."""
        if self._timer.isActive():
            self._find()
        item = self.results.currentItem() or self.results.item(0)
        if item is None:
            return False
        self._link_item(item)
        return True

    def has_search(self) -> bool:
        return bool(self.search.text().strip())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.search:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.has_search():
                self.link_first()
                return True  # with a search typed, Enter links; it never saves
            if key == Qt.Key.Key_Down and self.results.count():
                self.results.setFocus()
                return True
        elif (
            watched is self.linked
            and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and not self.read_only
        ):
            row = self.linked.currentRow()
            if row >= 0:
                self.linked.takeItem(row)
                self.changed.emit()
            return True
        return super().eventFilter(watched, event)


class StaffList(QListWidget):
    """The operators, ticked with the Space bar."""

    def set_choices(self, choices: Sequence[tuple[int, str]], ticked: Sequence[int]) -> None:
        self.clear()
        for staff_id, name in choices:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, staff_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if staff_id in ticked else Qt.CheckState.Unchecked
            )
            self.addItem(item)

    def set_read_only(self) -> None:
        """Ticks shown, not changeable (the lettura role)."""
        for i in range(self.count()):
            item = self.item(i)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)

    def ticked(self) -> tuple[int, ...]:
        return tuple(
            int(self.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        )

    def tick(self, ids: Sequence[int]) -> None:
        for i in range(self.count()):
            item = self.item(i)
            on = int(item.data(Qt.ItemDataRole.UserRole)) in ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    # The form guard's view of the list (see form_guard.FormValue): the operators ticked.
    def form_value(self) -> tuple[int, ...]:
        return self.ticked()

    def set_form_value(self, value: object) -> None:
        self.tick(cast(tuple[int, ...], value))

    def form_text(self, value: object) -> str:
        ids = set(cast(tuple[int, ...], value))
        return ", ".join(
            self.item(i).text()
            for i in range(self.count())
            if int(self.item(i).data(Qt.ItemDataRole.UserRole)) in ids
        )


class ContactForm(QWidget):
    """The contact's fields, shared by the quick entry and the edit dialog."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.errors = FieldErrors()
        # Two columns: what is typed for every contact on the left, the team and the notes
        # on the right, so that the list below keeps most of the page.
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        side = QFormLayout()
        for layout in (form, side):
            layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        columns.addLayout(form, 3)
        columns.addLayout(side, 2)
        e = self.errors
        when = QWidget()
        when_box = QHBoxLayout(when)
        when_box.setContentsMargins(0, 0, 0, 0)
        self.day = DateField()
        self.day.setObjectName("contact_day")
        self.time = QLineEdit()
        self.time.setObjectName("contact_time")
        self.time.setPlaceholderText("hh:mm")
        self.time.setMaximumWidth(70)
        time_label = QLabel(self.tr("&Ora:"))
        time_label.setBuddy(self.time)
        when_box.addWidget(self.day)
        when_box.addWidget(time_label)
        when_box.addWidget(self.time)
        when_box.addStretch(1)
        e.add_row(form, self.tr("&Data:"), "occurred_on", when)
        self.time_error = e.add_error_line("time", self.time)
        form.addRow("", self.time_error)

        self.place = QLineEdit()
        self.place.setObjectName("contact_place")
        self.place.setMaxLength(street.MAX_PLACE)
        self.place.setPlaceholderText(self.tr("es. Stazione centrale, Piazza Cavour"))
        self.place_model = QStringListModel(self)
        completer = QCompleter(self.place_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.place.setCompleter(completer)
        e.add_row(form, self.tr("&Luogo:"), "place", self.place)

        self.zone = QComboBox()
        self.zone.setObjectName("contact_zone")
        e.add_row(form, self.tr("&Zona:"), "zone_id", self.zone)

        self.persons = PersonPicker(ctx)
        e.add_row(form, self.tr("Pe&rsone:"), "persons", self.persons)

        counts = QWidget()
        counts_box = QHBoxLayout(counts)
        counts_box.setContentsMargins(0, 0, 0, 0)
        self.anonymous_f = QSpinBox()
        self.anonymous_f.setObjectName("anonymous_f")
        self.anonymous_m = QSpinBox()
        self.anonymous_m.setObjectName("anonymous_m")
        for spin in (self.anonymous_f, self.anonymous_m):
            spin.setRange(0, street.MAX_COUNT)
            spin.setMaximumWidth(80)
        label_m = QLabel(self.tr("Anonimi &M:"))
        label_m.setBuddy(self.anonymous_m)
        counts_box.addWidget(self.anonymous_f)
        counts_box.addSpacing(12)
        counts_box.addWidget(label_m)
        counts_box.addWidget(self.anonymous_m)
        counts_box.addStretch(1)
        e.add_row(form, self.tr("A&nonimi F:"), "anonymous_f", counts)
        form.addRow("", e.add_error_line("anonymous_m", self.anonymous_m))

        services = QWidget()
        services_box = QHBoxLayout(services)
        services_box.setContentsMargins(0, 0, 0, 0)
        self.services: dict[StreetService, QCheckBox] = {}
        for service in street.SERVICES:
            box = QCheckBox(self.tr(SERVICE_TEXTS[service]))
            box.setObjectName(f"service_{service.name.lower()}")
            self.services[service] = box
            services_box.addWidget(box)
        services_box.addStretch(1)
        e.add_row(form, self.tr("Prestazioni:"), "services", services)

        self.staff = StaffList()
        self.staff.setObjectName("contact_staff")
        self.staff.setMinimumHeight(90)
        e.add_row(side, self.tr("Op&eratori:"), "staff", self.staff)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("contact_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(60)
        e.add_row(side, self.tr("No&te:"), "notes", self.notes)
        self.errors.set_checker(self.problems)
        self.place.editingFinished.connect(self._propose_zone)
        self.setTabOrder(self.day, self.time)

    # --- choices --------------------------------------------------------------------------
    def fill_choices(self, staff_ticked: Sequence[int] | None = None) -> None:
        with self.ctx.db.reading() as session:
            zones = street.zones(session, self.ctx.actor)
            staff = street.staff_choices(session, self.ctx.actor)
            places = street.place_suggestions(session, self.ctx.actor)
            last = street.last_staff_ids(session, self.ctx.actor)
        current = self.zone.currentData()
        self.zone.blockSignals(True)
        self.zone.clear()
        self.zone.addItem(self.tr("— nessuna —"), None)
        for zone in zones:
            self.zone.addItem(zone.name, zone.id)
        self.zone.setCurrentIndex(max(self.zone.findData(current), 0))
        self.zone.blockSignals(False)
        ticked = list(staff_ticked) if staff_ticked is not None else list(self.staff.ticked())
        if staff_ticked is None and not ticked:
            ticked = last
        self.staff.set_choices(staff, ticked)
        self.place_model.setStringList(places)

    def _propose_zone(self) -> None:
        """A place already visited proposes its zone (when none is chosen yet)."""
        if self.zone.currentData() is not None or not self.place.text().strip():
            return
        with self.ctx.db.reading() as session:
            zone_id = street.zone_of_place(session, self.ctx.actor, self.place.text())
        if zone_id is not None:
            index = self.zone.findData(zone_id)
            if index >= 0:
                self.zone.setCurrentIndex(index)

    # --- reading and writing the fields --------------------------------------------------------
    def set_now(self) -> None:
        now = dt.datetime.now()
        self.day.set_date(clock.today())
        self.time.setText(f"{now:%H:%M}")

    def load(self, detail: street.ContactDetail) -> None:
        data = detail.data
        self.day.set_date(data.occurred_on)
        self.time.setText(f"{data.time:%H:%M}" if data.time is not None else "")
        self.place.setText(data.place or "")
        index = self.zone.findData(data.zone_id)
        if index < 0 and data.zone_id is not None:  # a zone no longer in use stays shown
            self.zone.addItem(detail.zone_name or "?", data.zone_id)
            index = self.zone.count() - 1
        self.zone.setCurrentIndex(max(index, 0))
        self.staff.tick(data.staff_ids)
        self.persons.set_persons(detail.persons)
        self.anonymous_f.setValue(data.anonymous_f)
        self.anonymous_m.setValue(data.anonymous_m)
        for service, box in self.services.items():
            box.setChecked(service in data.services)
        self.notes.setPlainText(data.notes or "")

    def clear_for_next(self) -> None:
        """After a save: the same night and team, a new moment, the rest empty."""
        day = self.day.text()
        self.set_now()
        if day:
            self.day.setText(day)
        self.place.completer().popup().hide()
        self.place.clear()
        self.zone.setCurrentIndex(0)
        self.persons.clear()
        self.anonymous_f.setValue(0)
        self.anonymous_m.setValue(0)
        for box in self.services.values():
            box.setChecked(False)
        self.notes.clear()
        self.errors.clear()

    def _unreadable(self) -> dict[str, str]:
        problems = {}
        try:
            self.day.date()
        except InvalidInput as exc:
            problems["occurred_on"] = str(exc)
        try:
            parse_time(self.time.text())
        except InvalidInput as exc:
            problems["time"] = str(exc)
        return problems

    def value(self) -> street.ContactInput:
        """The input; a ValidationError names a date or time that cannot be read."""
        unreadable = self._unreadable()
        if unreadable:
            raise ValidationError(unreadable)
        return street.ContactInput(
            occurred_on=self.day.date(),
            time=parse_time(self.time.text()),
            place=self.place.text(),
            zone_id=self.zone.currentData(),
            staff_ids=self.staff.ticked(),
            person_ids=self.persons.person_ids(),
            anonymous_f=self.anonymous_f.value(),
            anonymous_m=self.anonymous_m.value(),
            services=frozenset(s for s, box in self.services.items() if box.isChecked()),
            notes=self.notes.toPlainText(),
        )

    def problems(self) -> dict[str, str]:
        unreadable = self._unreadable()
        if unreadable:
            return unreadable
        data = street.normalise(self.value())
        return street.input_problems(data, clock.today())


class QuickEntry(QGroupBox):
    """The night shift's form: Enter saves and clears it for the next contact."""

    saved = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Inserimento rapido (Invio salva e prepara il contatto seguente)"))
        self.ctx = ctx
        box = QVBoxLayout(self)
        self.form = ContactForm(ctx)
        box.addWidget(self.form)
        row = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("quick_message")
        row.addWidget(self.message, 1)
        self.clear_button = QPushButton(self.tr("Sv&uota"))
        self.save_button = QPushButton(self.tr("&Salva contatto"))
        self.save_button.setObjectName("quick_save")
        self.save_button.setDefault(True)
        row.addWidget(self.clear_button)
        row.addWidget(self.save_button)
        box.addLayout(row)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self._clear)
        for widget in (
            self.form.day,
            self.form.time,
            self.form.place,
            self.form.anonymous_f,
            self.form.anonymous_m,
            self.form.zone,
            self.form.staff,
            *self.form.services.values(),
        ):
            widget.installEventFilter(self)
        self.form.persons.search.installEventFilter(self)
        self.form.fill_choices()
        self.form.set_now()
        self.setFocusProxy(self.form.place)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            completer = self.form.place.completer()
            if watched is self.form.place and completer.popup().isVisible():
                return super().eventFilter(watched, event)
            if watched is self.form.persons.search and self.form.persons.has_search():
                return super().eventFilter(watched, event)
            self.save()
            return True
        return super().eventFilter(watched, event)

    def _clear(self) -> None:
        self.form.clear_for_next()
        self.form.place.setFocus()

    def save(self) -> bool:
        try:
            data = self.form.value()
            with self.ctx.db.transaction(self.ctx.actor) as session:
                result = street.create_contact(session, self.ctx.actor, data)
        except ValidationError as exc:
            unplaced = self.form.errors.show(exc)
            self.message.setText("; ".join(unplaced.values()))
            return False
        except ServiceError as exc:
            handle_error(self, exc)
            return False
        staff = self.form.staff.ticked()
        place = data.place or ""
        self.form.clear_for_next()
        self.form.fill_choices(staff)
        self.message.setText(
            self.tr("Contatto registrato ({0}, {1}).").format(place, f"{dt.datetime.now():%H:%M}")
        )
        self.form.place.setFocus()
        notify_changed("street_contact")
        self.saved.emit(result.id)
        return True


class ContactDialog(QDialog):
    """One contact: edit, delete; read only for the lettura role."""

    def __init__(self, ctx: AppContext, contact_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.contact_id = contact_id
        self.version = 0
        self.setWindowTitle(self.tr("Contatto dell'unità di strada"))
        self.setMinimumWidth(920)
        box = QVBoxLayout(self)
        self.form = ContactForm(ctx)
        box.addWidget(self.form)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("&Salva"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.delete_button = self.buttons.addButton(
            self.tr("Elimin&a…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        close = self.buttons.addButton(self.tr("Chi&udi"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        box.addWidget(self.buttons)
        self.guard = FormGuard(self, save=self.save)
        self.guard.ignore([self.form.persons.search])
        self._load()
        writable = ctx.actor.can(Permission.WRITE_REGISTRY)
        if not writable:
            set_read_only(self.form)
            self.form.persons.set_read_only()
            self.form.staff.set_read_only()
            self.save_button.hide()
            self.delete_button.hide()
        self.guard.mark_clean()

    def _load(self) -> None:
        """The contact as stored now, in the form; its version for the next save."""
        with self.ctx.db.reading() as session:
            detail = street.open_contact(session, self.ctx.actor, self.contact_id)
        self.form.fill_choices(detail.data.staff_ids)
        self.form.load(detail)
        self.version = detail.version

    def reject(self) -> None:
        """Chiudi, Esc, the window's X: edits (the linked persons and the operators ticked
        too) are not thrown away unasked."""
        if self.guard.settle() is Settled.CLOSE:
            super().reject()

    def save(self) -> bool:
        try:
            data = self.form.value()
            with self.ctx.db.transaction(self.ctx.actor) as session:
                result = street.update_contact(
                    session, self.ctx.actor, self.contact_id, data, self.version
                )
        except ValidationError as exc:
            self.form.errors.show(exc)
            return False
        except StaleRecord:
            merge_with_colleague(self, self._load)
            return False
        except ServiceError as exc:
            handle_error(self, exc)
            return False
        self.version = result.version
        notify_changed("street_contact")
        self.guard.enabled = False
        self.accept()
        return True

    def delete(self) -> None:
        if not confirm(
            self,
            self.tr("Eliminare il contatto"),
            self.tr("Il contatto sarà eliminato, con le persone collegate e le prestazioni."),
            self.tr("&Elimina"),
            self.tr("&Non eliminare"),
        ):
            return
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                street.delete_contact(session, self.ctx.actor, self.contact_id, self.version)
        except ServiceError as exc:
            handle_error(self, exc)
            return
        notify_changed("street_contact")
        self.guard.enabled = False
        self.accept()


# =========================================================================== the list


class StreetContactsModel(KeyTableModel[street.ContactRow]):
    """The contacts of the filter, newest first; rows fetched as they are shown."""


COLUMNS: list[LazyColumn[street.ContactRow]] = [
    LazyColumn("Data e ora", lambda r: r.when, "when"),
    LazyColumn("Luogo", lambda r: r.place, "place"),
    LazyColumn("Zona", lambda r: r.zone, "zone"),
    LazyColumn("Persone", lambda r: r.persons),
    LazyColumn("Anon. F", lambda r: r.anonymous_f, align_right=True),
    LazyColumn("Anon. M", lambda r: r.anonymous_m, align_right=True),
    LazyColumn("Prestazioni", lambda r: r.services),
    LazyColumn("Operatori", lambda r: r.staff),
]


class ContactsList(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.date_from = DateField()
        self.date_from.setObjectName("filter_from")
        self.date_to = DateField()
        self.date_to.setObjectName("filter_to")
        self.zone = QComboBox()
        self.zone.setObjectName("filter_zone")
        self.staff = QComboBox()
        self.staff.setObjectName("filter_staff")
        self.service = QComboBox()
        self.service.setObjectName("filter_service")
        self.place = QLineEdit()
        self.place.setObjectName("filter_place")
        self.place.setPlaceholderText(self.tr("Luogo contiene…"))
        self.place.setClearButtonEnabled(True)
        self.code = QLineEdit()
        self.code.setObjectName("filter_code")
        self.code.setPlaceholderText(self.tr("Codice persona"))
        self.code.setMaximumWidth(120)
        filters.addWidget(QLabel(self.tr("Dal")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("al")))
        filters.addWidget(self.date_to)
        for widget in (self.zone, self.staff, self.service):
            widget.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            widget.setMinimumContentsLength(12)
            filters.addWidget(widget, 1)
        filters.addWidget(self.place, 1)
        filters.addWidget(self.code)
        box.addLayout(filters)
        self.summary = QLabel()
        self.summary.setObjectName("street_summary_line")
        box.addWidget(self.summary)
        self.model = StreetContactsModel(
            COLUMNS, self._load_keys, self._fetch, default_sort="when", parent=self
        )
        self.model.descending = True
        self.view = QTableView()
        self.view.setObjectName("street_table")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.view.fontMetrics()
        for column, sample in enumerate(
            (
                "00/00/0000 00:00",
                "Stazione centrale, binario 1",
                "Piano San Lazzaro",
                "",
                "000",
                "000",
                "coperte, bevanda calda",
                "",
            )
        ):
            width = max(header.sectionSizeHint(column), metrics.horizontalAdvance(sample) + 20)
            header.resizeSection(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.view, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        for line in (self.place, self.code):
            line.textChanged.connect(lambda _t: self._timer.start())
        for field in (self.date_from, self.date_to):
            field.editingFinished.connect(self.refresh)
        for combo in (self.zone, self.staff, self.service):
            combo.currentIndexChanged.connect(self.refresh)
        self.view.activated.connect(lambda index: self.open(self.model.key_at(index.row())))
        self.fill_filters()

    def fill_filters(self) -> None:
        with self.ctx.db.reading() as session:
            zones = street.zones(session, self.ctx.actor, include_inactive=True)
            staff = street.staff_choices(session, self.ctx.actor)
        for combo, first, items in (
            (
                self.zone,
                self.tr("Tutte le zone"),
                [(z.id, z.name) for z in zones] + [(0, self.tr(street.NO_ZONE))],
            ),
            (self.staff, self.tr("Tutti gli operatori"), staff),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for key, text in items:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        if self.service.count() == 0:
            self.service.blockSignals(True)
            self.service.addItem(self.tr("Tutte le prestazioni"), None)
            for service in street.SERVICES:
                self.service.addItem(street.SERVICE_LABELS[service], service.value)
            self.service.blockSignals(False)

    def current_filter(self) -> street.ContactFilter:
        def day(field: DateField) -> dt.date | None:
            try:
                return field.date()
            except InvalidInput:
                return None

        person_id = None
        code = self.code.text().strip()
        if code:
            from tit_desktop.services import persons

            with self.ctx.db.reading() as session:
                person_id = persons.find_id_by_code(session, code) or -1
        service = self.service.currentData()
        return street.ContactFilter(
            date_from=day(self.date_from),
            date_to=day(self.date_to),
            zone_id=self.zone.currentData(),
            staff_id=self.staff.currentData(),
            service=StreetService(service) if service else None,
            person_id=person_id,
            place=self.place.text(),
        )

    def _load_keys(self, sort: str, descending: bool) -> list[int]:
        with self.ctx.db.reading() as session:
            return street.search_ids(
                session, self.ctx.actor, self.current_filter(), sort, descending
            )

    def _fetch(self, keys: Sequence[int]) -> dict[int, street.ContactRow]:
        with self.ctx.db.reading() as session:
            return street.rows_for(session, self.ctx.actor, keys)

    def refresh(self) -> None:
        self._timer.stop()
        self.model.reload()
        count = self.model.rowCount()
        self.summary.setText(plural(count, self.tr("{n} contatto"), self.tr("{n} contatti")))

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.key_at(rows[0].row()) if rows else None

    def open(self, contact_id: int) -> None:
        ContactDialog(self.ctx, contact_id, self).open()


# =========================================================================== monthly summary


class MonthSummaryView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        box = QVBoxLayout(self)
        row = QHBoxLayout()
        self.month = QLineEdit()
        self.month.setObjectName("summary_month")
        self.month.setPlaceholderText("mm/aaaa")
        self.month.setMaximumWidth(90)
        today = clock.today()
        self.month.setText(f"{today:%m/%Y}")
        label = QLabel(self.tr("M&ese:"))
        label.setBuddy(self.month)
        self.show_button = QPushButton(self.tr("Mo&stra"))
        self.print_button = QPushButton(self.tr("S&tampa PDF…"))
        self.print_button.setObjectName("summary_print")
        self.export_button = QPushButton(self.tr("Esporta fo&glio…"))
        self.export_button.setObjectName("summary_export")
        row.addWidget(label)
        row.addWidget(self.month)
        row.addWidget(self.show_button)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.export_button)
        box.addLayout(row)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        box.addWidget(self.error)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("summary_table")
        self.table.setHorizontalHeaderLabels([self.tr("Voce"), self.tr("Valore")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        box.addWidget(self.table, 1)
        self.show_button.clicked.connect(self.refresh)
        self.month.returnPressed.connect(self.refresh)
        self.print_button.clicked.connect(self._print)
        self.export_button.clicked.connect(self._export)
        can_export = ctx.actor.can(Permission.EXPORT_DATA)
        self.print_button.setEnabled(can_export)
        self.export_button.setEnabled(can_export)
        self.refresh()

    def _month(self) -> tuple[int, int] | None:
        try:
            return street.parse_month(self.month.text())
        except ValidationError as exc:
            self.error.setText(exc.fields.get("month", exc.message))
            return None

    def refresh(self) -> None:
        chosen = self._month()
        if chosen is None:
            return
        self.error.clear()
        with self.ctx.db.reading() as session:
            lines = street.summary_lines(
                street.month_summary(session, self.ctx.actor, chosen[0], chosen[1])
            )
        self.table.setRowCount(len(lines))
        for i, (what, value) in enumerate(lines):
            left = QTableWidgetItem(what)
            right = QTableWidgetItem(value if isinstance(value, str) else number(value))
            if not value and isinstance(value, str):
                font = left.font()
                font.setBold(True)
                left.setFont(font)
            right.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(i, 0, left)
            self.table.setItem(i, 1, right)

    def _print(self) -> None:
        from tit_desktop.ui.print_form import print_document

        chosen = self._month()
        if chosen is None:
            return
        year, month = chosen
        print_document(
            self,
            self.ctx,
            "riepilogo-strada",
            {"month": f"{month:02d}/{year}"},
            f"riepilogo-strada-{year}-{month:02d}.pdf",
        )

    def _export(self) -> None:
        from tit_desktop.ui.file_dialogs import save_file

        chosen = self._month()
        if chosen is None:
            return
        year, month = chosen
        target, _ = save_file(
            self,
            self.tr("Esporta il riepilogo"),
            f"riepilogo-strada-{year}-{month:02d}.xlsx",
            self.tr("Cartella di lavoro Excel (*.xlsx)"),
        )
        if target is None:
            return
        self.export_to(Path(target), year, month)

    def export_to(self, target: Path, year: int, month: int) -> None:
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                street.export_month_summary(session, self.ctx.actor, year, month, target)
        except ServiceError as exc:
            handle_error(self, exc)
            return
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                self.tr("Riepilogo salvato in {0}.").format(target), 8000
            )


# =========================================================================== the page


class StreetPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        title_row = QHBoxLayout()
        title_row.addWidget(QLabel(f"<h2>{self.tr('Unità di strada')}</h2>"))
        title_row.addStretch(1)
        self.open_button = QPushButton(self.tr("Apri contatto"))
        self.zone_button = QPushButton(self.tr("Nuova zona…"))
        title_row.addWidget(self.open_button)
        title_row.addWidget(self.zone_button)
        layout.addLayout(title_row)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("street_tabs")
        contacts = QWidget()
        contacts_box = QVBoxLayout(contacts)
        self.quick = QuickEntry(ctx)
        self.quick.setObjectName("quick_entry")
        self.list = ContactsList(ctx)
        contacts_box.addWidget(self.quick)
        contacts_box.addWidget(self.list, 1)
        self.tabs.addTab(contacts, self.tr("Contatti"))
        self.summary = MonthSummaryView(ctx)
        self.tabs.addTab(self.summary, self.tr("Riepilogo mensile"))
        layout.addWidget(self.tabs, 1)
        writable = ctx.actor.can(Permission.WRITE_REGISTRY)
        self.quick.setVisible(writable)
        self.zone_button.setVisible(writable)
        self.setFocusProxy(self.quick if writable else self.list.view)
        self.open_button.clicked.connect(self._open_selected)
        self.zone_button.clicked.connect(self._new_zone)
        app_signals().changed.connect(self._on_changed)
        self.list.refresh()

    def _open_selected(self) -> None:
        contact_id = self.list.selected_id()
        if contact_id is not None:
            self.list.open(contact_id)

    def _new_zone(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(self, self.tr("Nuova zona"), self.tr("Nome della zona:"))
        if not ok or not name.strip():
            return
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                street.add_zone(session, self.ctx.actor, name)
        except ServiceError as exc:
            handle_error(self, exc)
            return
        notify_changed("street_zone")

    def _on_changed(self, entities: frozenset[str]) -> None:
        if not entities & ENTITIES:
            return
        if entities & {"street_zone", "staff_member"}:
            self.quick.form.fill_choices()
            self.list.fill_filters()
        self.list.refresh()
        self.summary.refresh()


# =========================================================================== the person's record


class PersonStreetContacts(QWidget):
    """The person's contacts, for a tab of the person's record (double click opens one)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        box = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("person_street_contacts")
        box.addWidget(self.list, 1)
        self.list.itemActivated.connect(self._open)

    def load(self, person_id: int | None) -> int:
        self.list.clear()
        if person_id is None:
            return 0
        with self.ctx.db.reading() as session:
            rows = street.contacts_of_person(session, self.ctx.actor, person_id)
        for row in rows:
            parts = [row.when, row.place]
            if row.zone:
                parts.append(row.zone)
            if row.services:
                parts.append(row.services)
            item = QListWidgetItem(" — ".join(parts))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
        if not rows:
            self.list.addItem(self.tr("Nessun contatto dell'unità di strada."))
        return len(rows)

    def _open(self, item: QListWidgetItem) -> None:
        contact_id = item.data(Qt.ItemDataRole.UserRole)
        if contact_id is not None:
            ContactDialog(self.ctx, int(contact_id), self).open()
