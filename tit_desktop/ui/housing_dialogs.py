"""The housing dialogs: a unit with its beds, and a stay (assign a bed, change bed, record the
exit with its destination, reopen a stay ended by mistake)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.models import HousingKind
from tit_desktop.models.destinations import DESTINATION_GROUPS, ExitDestination
from tit_desktop.services import clock, housing
from tit_desktop.services.errors import ServiceError, StaleRecord, ValidationError
from tit_desktop.services.permissions import Permission
from tit_desktop.ui import questions
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.dates import DateField, InvalidInput, YearRule
from tit_desktop.ui.errors import handle_error, show_service_error
from tit_desktop.ui.form_guard import FormGuard, Settled
from tit_desktop.ui.print_form import print_document
from tit_desktop.ui.signals import notify_changed
from tit_desktop.ui.stale_merge import merge_with_colleague
from tit_desktop.ui.widgets import FieldErrors, set_read_only

SEARCH_DELAY_MS = 150


def _read_dates(fields: dict[str, DateField]) -> tuple[dict[str, dt.date | None], dict[str, str]]:
    values: dict[str, dt.date | None] = {}
    problems: dict[str, str] = {}
    for name, widget in fields.items():
        try:
            values[name] = widget.date()
        except InvalidInput as exc:
            problems[name] = str(exc)
            values[name] = None
    return values, problems


# =========================================================================== the unit


class UnitDialog(QDialog):
    """A housing unit: name, kind, address, period in use, beds, notes."""

    def __init__(self, ctx: AppContext, unit_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self.version: int | None = None
        self.errors = FieldErrors()
        self.setMinimumWidth(560)
        self._build()
        self.guard = FormGuard(self, save=self.save)
        self.errors.set_checker(self._problems)
        if unit_id is not None:
            self._load(unit_id)
        else:
            self.setWindowTitle(self.tr("Nuovo alloggio"))
            self.name.setFocus()
        self.writable = ctx.actor.can(Permission.WRITE_REGISTRY)
        set_read_only(self, not self.writable)
        self.save_button.setVisible(self.writable)
        self.guard.mark_clean()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("unit_name")
        self.name.setMaxLength(housing.MAX_NAME)
        self.kind = QComboBox()
        self.kind.setObjectName("unit_kind")
        for kind in HousingKind:
            self.kind.addItem(housing.KIND_LABELS[kind], kind)
        self.address = QLineEdit()
        self.address.setMaxLength(housing.MAX_ADDRESS)
        self.active_from = DateField(YearRule.AHEAD)
        self.active_to = DateField(YearRule.AHEAD)
        self.beds = QLineEdit()
        self.beds.setObjectName("unit_beds")
        self.beds.setPlaceholderText(self.tr("es. 1-6, oppure 1, 2, A, B"))
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(90)
        e = self.errors
        e.add_row(form, self.tr("&Nome:"), "name", self.name)
        e.add_row(form, self.tr("&Tipo:"), "kind", self.kind)
        e.add_row(form, self.tr("&Indirizzo:"), "address", self.address)
        e.add_row(form, self.tr("In uso &dal:"), "active_from", self.active_from)
        e.add_row(form, self.tr("In uso &fino al (ultima notte):"), "active_to", self.active_to)
        e.add_row(form, self.tr("&Posti letto:"), "beds", self.beds)
        e.add_row(form, self.tr("N&ote:"), "notes", self.notes)
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "I posti tolti dall'elenco restano nello storico dei soggiorni; un posto "
                "assegnato non può essere tolto."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Salva"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Chiudi"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _load(self, unit_id: int) -> None:
        with self.ctx.db.reading() as session:
            detail = housing.open_unit(session, self.ctx.actor, unit_id)
        d = detail.data
        self.version = detail.version
        self.setWindowTitle(self.tr("Alloggio - {0}").format(d.name))
        self.name.setText(d.name)
        self.kind.setCurrentIndex(self.kind.findData(HousingKind(d.kind)))
        self.address.setText(d.address or "")
        self.active_from.set_date(d.active_from)
        self.active_to.set_date(d.active_to)
        self.beds.setText(", ".join(d.bed_labels))
        self.notes.setPlainText(d.notes or "")

    def _problems(self) -> dict[str, str]:
        _values, problems = _read_dates(
            {"active_from": self.active_from, "active_to": self.active_to}
        )
        if not self.name.text().strip():
            problems["name"] = self.tr("campo obbligatorio")
        return problems

    def form_data(self) -> housing.UnitInput:
        values, problems = _read_dates(
            {"active_from": self.active_from, "active_to": self.active_to}
        )
        if problems:
            raise ValidationError(problems)
        return housing.UnitInput(
            name=self.name.text(),
            kind=self.kind.currentData(),
            address=self.address.text(),
            active_from=values["active_from"],
            active_to=values["active_to"],
            notes=self.notes.toPlainText(),
            bed_labels=housing.parse_bed_labels(self.beds.text()),
        )

    def save(self) -> bool:
        self.errors.clear()
        try:
            data = self.form_data()
            with self.ctx.db.transaction(self.ctx.actor) as session:
                if self.unit_id is None:
                    detail = housing.create_unit(session, self.ctx.actor, data)
                else:
                    assert self.version is not None
                    detail = housing.update_unit(
                        session, self.ctx.actor, self.unit_id, data, self.version
                    )
        except ValidationError as exc:
            rest = self.errors.show(exc)
            if rest:
                show_service_error(self, ValidationError(rest))
            return False
        except StaleRecord:
            merge_with_colleague(self, self.reload_current)
            return False
        except ServiceError as exc:
            show_service_error(self, exc)
            return False
        self.unit_id, self.version = detail.id, detail.version
        self.guard.mark_clean()
        notify_changed("housing_unit", "bed")
        self.accept()
        return True

    def reload_current(self) -> None:
        """The unit as stored now (a colleague saved it meanwhile), in the form."""
        assert self.unit_id is not None
        self._load(self.unit_id)

    def reject(self) -> None:
        if self.guard.settle() is Settled.CLOSE:
            super().reject()


# =========================================================================== the stay


class StayDialog(QDialog):
    """A new stay (``stay_id`` None: the unit, bed and first night come from the board's
    cell) or an existing one, with its exit, bed change and reopening."""

    def __init__(
        self,
        ctx: AppContext,
        stay_id: int | None = None,
        *,
        unit_id: int | None = None,
        bed_id: int | None = None,
        day: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stay_id = stay_id
        self.info: housing.StayInfo | None = None
        self.person_id: int | None = None
        self._choices: dict[str, housing.PersonChoice] = {}
        self.errors = FieldErrors()
        self.writable = ctx.actor.can(Permission.WRITE_REGISTRY)
        self.setMinimumWidth(620)
        self._build()
        self.guard = FormGuard(self, save=self.save)
        self.guard.ignore((self.person_search, self.move_unit, self.move_bed, self.move_day))
        self.errors.set_checker(self._problems)
        self._fill_units()
        if stay_id is not None:
            self._load(stay_id)
        else:
            self.setWindowTitle(self.tr("Assegna un posto letto"))
            if unit_id is not None:
                self.unit.setCurrentIndex(max(self.unit.findData(unit_id), 0))
            self._fill_beds(self.unit, self.bed)
            if bed_id is not None:
                self.bed.setCurrentIndex(max(self.bed.findData(bed_id), 0))
            self.dal.set_date(day or clock.today())
            self.person_search.setFocus()
        self._sync()
        self.guard.mark_clean()

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setObjectName("stay_header")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        form = QFormLayout()
        self.form = form
        self.person_search = QLineEdit()
        self.person_search.setObjectName("person_search")
        self.person_search.setPlaceholderText(self.tr("cognome e nome, codice o codice fiscale"))
        self._person_model = QStringListModel(self)
        completer = QCompleter(self._person_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated.connect(self._choose_person)
        self.person_search.setCompleter(completer)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.suggest_persons)
        self.person_search.textEdited.connect(self._person_typed)
        self.person_label = QLabel()
        self.person_label.setObjectName("stay_person")
        self.unit = QComboBox()
        self.unit.setObjectName("stay_unit")
        self.bed = QComboBox()
        self.bed.setObjectName("stay_bed")
        self.unit.currentIndexChanged.connect(lambda _i: self._fill_beds(self.unit, self.bed))
        self.dal = DateField(YearRule.AHEAD)
        self.dal.setObjectName("stay_dal")
        self.al = DateField(YearRule.AHEAD)
        self.al.setObjectName("stay_al")
        self.al.setPlaceholderText(self.tr("vuoto = ancora presente"))
        self.al.setMaximumWidth(180)
        self.destination = QComboBox()
        self.destination.setObjectName("stay_destination")
        self.destination.addItem(self.tr("(nessuna: ancora presente)"), None)
        for destination, group in DESTINATION_GROUPS.items():
            self.destination.addItem(f"{destination.value} ({group.value})", destination)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(80)
        e = self.errors
        self.person_row = e.add_row(form, self.tr("&Persona:"), "person", self.person_search)
        e.add_row(form, self.tr("&Alloggio:"), "unit", self.unit)
        e.add_row(form, self.tr("Pos&to:"), "bed", self.bed)
        e.add_row(form, self.tr("&Dal (prima notte):"), "dal", self.dal)
        e.add_row(form, self.tr("A&l (giorno di partenza):"), "al", self.al)
        e.add_row(form, self.tr("Destina&zione all'uscita:"), "exit_destination", self.destination)
        e.add_row(form, self.tr("&Note:"), "notes", self.notes)
        layout.addLayout(form)
        rule = QLabel(
            self.tr(
                "Le notti vanno dal giorno «Dal» al giorno prima di «Al»: il giorno di "
                "partenza non è una notte. Senza «Al» il soggiorno è in corso."
            )
        )
        rule.setWordWrap(True)
        layout.addWidget(rule)

        self.move_box = QGroupBox(self.tr("Cambio di posto"))
        move_row = QHBoxLayout(self.move_box)
        self.move_unit = QComboBox()
        self.move_unit.setObjectName("move_unit")
        self.move_bed = QComboBox()
        self.move_bed.setObjectName("move_bed")
        self.move_unit.currentIndexChanged.connect(
            lambda _i: self._fill_beds(self.move_unit, self.move_bed)
        )
        self.move_day = DateField(YearRule.AHEAD)
        self.move_day.setObjectName("move_day")
        self.move_button = QPushButton(self.tr("&Sposta"))
        self.move_button.setObjectName("move_button")
        self.move_button.clicked.connect(self.move)
        for widget in (
            QLabel(self.tr("dal giorno")),
            self.move_day,
            QLabel(self.tr("in")),
            self.move_unit,
            QLabel(self.tr("posto")),
            self.move_bed,
            self.move_button,
        ):
            move_row.addWidget(widget)
        layout.addWidget(self.move_box)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Salva"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("stay_save")
        self.reopen_button = self.buttons.addButton(
            self.tr("&Riapri soggiorno"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.reopen_button.setToolTip(self.tr("L'uscita era stata registrata per errore"))
        self.reopen_button.clicked.connect(self.reopen)
        self.delete_button = self.buttons.addButton(
            self.tr("&Elimina…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.delete_button.clicked.connect(self.delete)
        self.agreement_button = self.buttons.addButton(
            self.tr("Stampa &accordo…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.agreement_button.clicked.connect(self.print_agreement)
        self.buttons.addButton(self.tr("Chiudi"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _fill_units(self) -> None:
        with self.ctx.db.reading() as session:
            units = housing.list_units(session, self.ctx.actor)
        for combo in (self.unit, self.move_unit):
            combo.blockSignals(True)
            combo.clear()
            for unit in units:
                combo.addItem(unit.name, unit.id)
            combo.blockSignals(False)
        self._fill_beds(self.move_unit, self.move_bed)

    def _fill_beds(self, unit_combo: QComboBox, bed_combo: QComboBox) -> None:
        bed_combo.clear()
        unit_id = unit_combo.currentData()
        if unit_id is None:
            return
        with self.ctx.db.reading() as session:
            beds = housing.beds_of(session, self.ctx.actor, unit_id)
        for bed in beds:
            if bed.active:
                bed_combo.addItem(bed.label, bed.id)

    def _load(self, stay_id: int) -> None:
        with self.ctx.db.reading() as session:
            info = housing.open_stay(session, self.ctx.actor, stay_id)
        self.info = info
        self.person_id = info.person_id
        self.setWindowTitle(self.tr("Soggiorno - {0}").format(info.name))
        self.header.setText(f"<b>{info.name}</b> ({info.code}) — {info.place}, {info.period}")
        self.unit.setCurrentIndex(max(self.unit.findData(info.unit_id), 0))
        self._fill_beds(self.unit, self.bed)
        index = self.bed.findData(info.bed_id)
        if index < 0:
            self.bed.addItem(info.bed_label, info.bed_id)
            index = self.bed.count() - 1
        self.bed.setCurrentIndex(index)
        self.dal.set_date(info.dal)
        self.al.set_date(info.al)
        self.destination.setCurrentIndex(max(self.destination.findData(info.exit_destination), 0))
        self.notes.setPlainText(info.notes or "")
        self.move_unit.setCurrentIndex(max(self.move_unit.findData(info.unit_id), 0))
        self.move_day.set_date(max(clock.today(), info.dal))

    def _sync(self) -> None:
        existing = self.info is not None
        # An existing stay names its person in the header; the search is for a new one.
        self.form.setRowVisible(self.person_search.parentWidget(), not existing)
        # The place and the first night of a stay change through "Cambio di posto" only.
        for widget in (self.unit, self.bed, self.dal):
            widget.setEnabled(not existing)
        self.move_box.setVisible(existing and self.writable)
        ended = existing and self.info is not None and self.info.al is not None
        self.reopen_button.setVisible(ended and self.writable)
        self.delete_button.setVisible(existing and self.writable)
        self.agreement_button.setVisible(self.ctx.actor.can(Permission.EXPORT_DATA))
        self.agreement_button.setEnabled(self.person_id is not None)
        self.destination.setEnabled(existing)
        self.save_button.setVisible(self.writable)
        if not self.writable:
            set_read_only(self, True)

    # --- the person -----------------------------------------------------------------------
    def _person_typed(self, _text: str) -> None:
        self.person_id = None
        self.person_label.clear()
        self._search_timer.start()

    def suggest_persons(self) -> None:
        """Search as you type: surname, name, Codice, codice fiscale."""
        with self.ctx.db.reading() as session:
            found = housing.find_persons(session, self.ctx.actor, self.person_search.text())
        self._choices = {
            f"{c.name} ({c.code}) — in carico dal {housing.fmt(c.intake_date)}": c for c in found
        }
        self._person_model.setStringList(list(self._choices))
        if len(found) == 1:
            self.person_id = found[0].id
        completer = self.person_search.completer()
        if found and self.person_search.hasFocus():
            completer.complete()

    def _choose_person(self, text: str) -> None:
        choice = self._choices.get(text)
        if choice is None:
            return
        self.person_id = choice.id
        self.person_search.setText(f"{choice.name} ({choice.code})")
        self.errors.set_error("person", None)
        self.agreement_button.setEnabled(True)

    def choose_person(self, code_or_text: str) -> None:
        """Type ``code_or_text`` and pick the first match (as a user would)."""
        self.person_search.setText(code_or_text)
        self.suggest_persons()
        if self._choices:
            self._choose_person(next(iter(self._choices)))

    # --- saving ---------------------------------------------------------------------------
    def _problems(self) -> dict[str, str]:
        _values, problems = _read_dates({"dal": self.dal, "al": self.al})
        if self.info is None and self.person_id is None and self.person_search.text().strip():
            problems["person"] = self.tr("scegliere la persona dall'elenco dei risultati")
        return problems

    def save(self) -> bool:
        self.errors.clear()
        try:
            values, problems = _read_dates({"dal": self.dal, "al": self.al})
            if self.info is None and self.person_id is None:
                problems["person"] = (
                    self.tr("scegliere la persona dall'elenco dei risultati")
                    if self.person_search.text().strip()
                    else self.tr("campo obbligatorio")
                )
            if self.info is None and self.bed.currentData() is None:
                problems["bed"] = self.tr("campo obbligatorio")
            if problems:
                raise ValidationError(problems)
            destination = self.destination.currentData()
            with self.ctx.db.transaction(self.ctx.actor) as session:
                if self.info is None:
                    assert self.person_id is not None and values["dal"] is not None
                    info = housing.assign(
                        session,
                        self.ctx.actor,
                        self.person_id,
                        self.unit.currentData(),
                        self.bed.currentData(),
                        values["dal"],
                        values["al"],
                        self.notes.toPlainText(),
                    )
                else:
                    info = self._save_existing(session, values["al"], destination)
        except ValidationError as exc:
            rest = self.errors.show(exc)
            if rest:
                show_service_error(self, ValidationError(rest))
            return False
        except StaleRecord:
            merge_with_colleague(self, self.reload_current, keep=("info", "person_id"))
            return False
        except ServiceError as exc:
            show_service_error(self, exc)
            return False
        self.info = info
        self.guard.mark_clean()
        notify_changed("stay")
        self.accept()
        return True

    def reload_current(self) -> None:
        """The stay as stored now (a colleague saved it meanwhile), in the form."""
        assert self.info is not None
        self._load(self.info.id)
        self._sync()

    def _save_existing(
        self, session: Any, al: dt.date | None, destination: ExitDestination | None
    ) -> housing.StayInfo:
        assert self.info is not None
        info = self.info
        notes = self.notes.toPlainText()
        if al != info.al or destination != info.exit_destination:
            if al is None:
                raise ValidationError(
                    {"al": self.tr("per riaprire il soggiorno usare «Riapri soggiorno»")}
                )
            if destination is None:
                raise ValidationError(
                    {"exit_destination": self.tr("scegliere la destinazione all'uscita")}
                )
            return housing.end_stay(
                session, self.ctx.actor, info.id, al, destination, info.version, notes
            )
        return housing.update_notes(session, self.ctx.actor, info.id, notes, info.version)

    def _act(self, work: Callable[[Any], housing.StayInfo]) -> bool:
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                self.info = work(session)
        except ValidationError as exc:
            rest = self.errors.show(exc)
            if rest:
                show_service_error(self, ValidationError(rest))
            return False
        except Exception as exc:
            handle_error(self, exc)
            return False
        notify_changed("stay")
        return True

    def move(self) -> None:
        assert self.info is not None
        info = self.info
        try:
            day = self.move_day.date()
        except InvalidInput as exc:
            show_service_error(self, ValidationError({"day": str(exc)}))
            return
        if day is None or self.move_bed.currentData() is None:
            show_service_error(
                self, ValidationError({"day": self.tr("indicare il giorno e il nuovo posto")})
            )
            return
        if self._act(
            lambda s: housing.move(
                s,
                self.ctx.actor,
                info.id,
                self.move_unit.currentData(),
                self.move_bed.currentData(),
                day,
                info.version,
            )
        ):
            self.guard.enabled = False
            self.accept()

    def reopen(self) -> None:
        assert self.info is not None
        info = self.info
        if not questions.confirm(
            self,
            self.tr("Riapri soggiorno"),
            self.tr("Togliere l'uscita del {0}? La persona risulterà ancora nell'alloggio.").format(
                housing.fmt(info.al)
            ),
            self.tr("Riapri"),
        ):
            return
        if self._act(lambda s: housing.reopen_stay(s, self.ctx.actor, info.id, info.version)):
            self.guard.enabled = False
            self.accept()

    def delete(self) -> None:
        assert self.info is not None
        info = self.info
        if not questions.confirm(
            self,
            self.tr("Elimina soggiorno"),
            self.tr(
                "Eliminare il soggiorno di {0} ({1})? Serve solo per un soggiorno registrato "
                "per errore: per un'uscita usare «Al» e la destinazione."
            ).format(info.name, info.period),
            self.tr("Elimina"),
        ):
            return

        def work(session: Any) -> housing.StayInfo:
            housing.delete_stay(session, self.ctx.actor, info.id, info.version)
            return info

        if self._act(work):
            self.guard.enabled = False
            self.accept()

    def print_agreement(self) -> None:
        if self.person_id is None:
            return
        from tit_desktop.services import persons

        with self.ctx.db.reading() as session:
            code = persons.code_of(session, self.ctx.actor, self.person_id)
        print_document(
            self,
            self.ctx,
            "accordo-accoglienza-abitativa",
            {"person": code},
            f"accordo-accoglienza-abitativa-{code}.pdf",
        )

    def reject(self) -> None:
        if self.guard.settle() is Settled.CLOSE:
            super().reject()
