"""The person record: an edit form in tabs, with validation messages next to the fields,
the codice fiscale checked as it is typed, and the notes, household and attachments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.models import (
    Disability,
    Employment,
    HouseholdRelation,
    NoteLevel,
    PermitReason,
)
from tit_desktop.services import (
    attachments,
    codice_fiscale,
    duplicates,
    household,
    notes,
    person_edits,
    person_fields,
    persons,
    timeline,
)
from tit_desktop.services.errors import ServiceError, StaleRecord, ValidationError
from tit_desktop.services.permissions import Permission
from tit_desktop.ui import questions
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.errors import handle_error, show_service_error
from tit_desktop.ui.file_dialogs import open_file, save_file
from tit_desktop.ui.form_guard import FormGuard, Settled
from tit_desktop.ui.person_widgets import (
    ChoiceField,
    DateField,
    InvalidInput,
    PlaceField,
    YearRule,
)
from tit_desktop.ui.signals import app_signals, notify_changed
from tit_desktop.ui.widgets import FieldErrors, set_read_only
from tit_desktop.ui.wording import plural

WARNING_STYLE = "color: #8a5a00;"
PERMIT_MARK = " ⚠"

# Which tab holds each field, to bring the first error into view (from the catalogue; the
# declined-answer boxes are on the situation tab).
TAB_OF_FIELD: dict[str, int] = {
    **person_fields.tab_of_field(),
    "declined": person_fields.Tab.SITUATION,
}

# An error shown for the key is checked again when one of these fields changes too.
FIELD_DEPENDS: dict[str, tuple[str, ...]] = {
    "fiscal_code": ("last_name", "first_name", "sex", "birth_date", "birth_place_code"),
    "birth_date": ("intake_date",),
    "permit_expires_on": ("permit_issued_on",),
}

CONSENTS = (
    ("privacy", "Trattamento dei dati personali"),
    ("photo", "Fotografie e riprese"),
    ("sharing", "Comunicazione dei dati agli enti del percorso"),
)


def _line(max_length: int) -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(max_length + 50)  # longer text gets a clear message, not a silent cut
    return edit


class _EnterStaysEdit(QLineEdit):
    """A line whose Enter acts on the line itself (returnPressed) and does not reach the
    dialog's default button, which would save and close the whole record."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class _NoteEdit(QPlainTextEdit):
    """A note of several lines: Enter starts a new line, Ctrl+Invio adds the note."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class PersonDialog(QDialog):
    saved = Signal(int)

    def __init__(
        self, ctx: AppContext, person_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.version: int | None = None
        # The record as loaded (or as last merged): what a colleague's save is compared to.
        self.base_input: persons.PersonInput | None = None
        self.anonymised = False
        self.saved_code = ""
        self.errors = FieldErrors()
        self.setMinimumSize(840, 620)
        self._build()
        self.guard = FormGuard(self, save=self.save)
        self.guard.ignore(
            (self.new_note, self.note_level, self.relative_code, self.relation, self.timeline)
        )
        self.errors.set_checker(self._current_problems, depends=FIELD_DEPENDS)
        if person_id is not None:
            self._load(person_id)
        else:
            self.setWindowTitle(self.tr("Nuova persona"))
            self.intake_date.set_date(dt.date.today())
            self._propose_code()
            self.last_name.setFocus()  # not the tab bar: what is typed first is kept
        self._sync_related_tabs()
        self._check_fiscal_code()
        self._show_permit_warning()
        self.guard.mark_clean()

    def _propose_code(self) -> None:
        """Left empty, the Codice is the office's next number, taken when the record is saved
        (another PC may save first); the field shows which one it will probably be. A code
        typed here is kept."""
        if not self.ctx.actor.can(Permission.WRITE_REGISTRY):
            return
        with self.ctx.db.reading() as session:
            proposal = persons.next_code(session, self.ctx.actor)
        self.code.setPlaceholderText(self.tr("automatico ({0})").format(proposal))

    def reject(self) -> None:
        """Chiudi, Esc and the window's close button: edits are not thrown away unasked."""
        if self.guard.settle() is Settled.CLOSE:
            super().reject()

    # --- layout -------------------------------------------------------------------------
    def _form(self, title: str) -> QFormLayout:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.tabs.addTab(page, title)
        return form

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setObjectName("person_header")
        layout.addWidget(self.header)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("person_tabs")
        layout.addWidget(self.tabs, 1)
        e = self.errors
        lim = persons.MAX_LENGTHS

        form = self._form(self.tr("Anagrafica"))
        self.code = _line(lim["code"])
        self.last_name = _line(lim["last_name"])
        self.first_name = _line(lim["first_name"])
        self.sex = ChoiceField([("F", "F - femmina"), ("M", "M - maschio")])
        self.birth_date = DateField()
        self.birth_place = PlaceField(None)
        self.citizenship = PlaceField("stato")
        self.fiscal_code = _line(lim["fiscal_code"])
        self.fiscal_code.setPlaceholderText(self.tr("16 caratteri, o 11 cifre se provvisorio"))
        self.cui = _line(lim["cui"])
        e.add_row(form, self.tr("&Codice:"), "code", self.code)
        e.add_row(form, self.tr("C&ognome:"), "last_name", self.last_name)
        e.add_row(form, self.tr("&Nome:"), "first_name", self.first_name)
        e.add_row(form, self.tr("&Sesso:"), "sex", self.sex)
        e.add_row(form, self.tr("&Data di nascita:"), "birth_date", self.birth_date)
        e.add_row(form, self.tr("&Luogo di nascita:"), "birth_place_code", self.birth_place)
        citizenship_row = QWidget()
        citizenship_box = QHBoxLayout(citizenship_row)
        citizenship_box.setContentsMargins(0, 0, 0, 0)
        citizenship_box.addWidget(self.citizenship, 1)
        self.citizenship_declined = QCheckBox(self.tr("non ha risposto"))
        self.citizenship_declined.toggled.connect(
            lambda on: self.citizenship.setEnabled(not on) or (on and self.citizenship.clear())
        )
        citizenship_box.addWidget(self.citizenship_declined)
        e.add_row(form, self.tr("C&ittadinanza:"), "citizenship_code", citizenship_row)
        cf_row = QWidget()
        cf_box = QHBoxLayout(cf_row)
        cf_box.setContentsMargins(0, 0, 0, 0)
        cf_box.addWidget(self.fiscal_code, 1)
        self.use_computed = QPushButton(self.tr("Usa il codice calcolato"))
        self.use_computed.hide()
        cf_box.addWidget(self.use_computed)
        e.add_row(form, self.tr("Codice &fiscale:"), "fiscal_code", cf_row)
        self.cf_warning = QLabel()
        self.cf_warning.setObjectName("cf_warning")
        self.cf_warning.setWordWrap(True)
        self.cf_warning.setStyleSheet(WARNING_STYLE)
        form.addRow("", self.cf_warning)
        self._identity_form = form
        e.add_row(form, self.tr("C&UI:"), "cui", self.cui)

        form = self._form(self.tr("Permesso"))
        self.permit_type = _line(lim["permit_type"])
        self.permit_type.setPlaceholderText(self.tr("es. permesso elettronico, ricevuta"))
        self.permit_reason = ChoiceField(
            [(r.value, persons.value_label(r.value)) for r in PermitReason]
        )
        self.permit_number = _line(lim["permit_number"])
        self.permit_issuer = _line(lim["permit_issuer"])
        self.permit_issued_on = DateField()
        self.permit_expires_on = DateField(YearRule.AHEAD)
        e.add_row(form, self.tr("&Tipo:"), "permit_type", self.permit_type)
        e.add_row(form, self.tr("&Motivo:"), "permit_reason", self.permit_reason)
        e.add_row(form, self.tr("N&umero:"), "permit_number", self.permit_number)
        e.add_row(form, self.tr("&Questura:"), "permit_issuer", self.permit_issuer)
        e.add_row(form, self.tr("&Rilascio:"), "permit_issued_on", self.permit_issued_on)
        e.add_row(form, self.tr("Sca&denza:"), "permit_expires_on", self.permit_expires_on)
        self.permit_warning = QLabel()
        self.permit_warning.setObjectName("permit_warning")
        self.permit_warning.setStyleSheet(WARNING_STYLE + " font-weight: bold;")
        form.addRow("", self.permit_warning)
        self._permit_form = form
        self.permit_expires_on.textChanged.connect(self._show_permit_warning)

        form = self._form(self.tr("Recapiti"))
        self.phone = _line(lim["phone"])
        self.email = _line(lim["email"])
        self.address = _line(lim["address"])
        self.languages = _line(lim["languages"])
        self.languages.setPlaceholderText(self.tr("es. arabo, francese"))
        e.add_row(form, self.tr("&Telefono:"), "phone", self.phone)
        e.add_row(form, self.tr("&E-mail:"), "email", self.email)
        e.add_row(form, self.tr("&Indirizzo:"), "address", self.address)
        e.add_row(form, self.tr("&Lingue parlate:"), "languages", self.languages)

        form = self._form(self.tr("Situazione"))
        self.intake_date = DateField()
        self.education = ChoiceField(sorted(persons.ISCED_LABELS.items()), declinable=True)
        self.employment = ChoiceField([(x.value, x.value) for x in Employment], declinable=True)
        self.ethos = ChoiceField(sorted(persons.ETHOS_LABELS.items()), declinable=True)
        self.disability = ChoiceField([(d.value, persons.value_label(d.value)) for d in Disability])
        self.referrer = QComboBox()
        self.staff = QComboBox()
        e.add_row(form, self.tr("Data &presa in carico:"), "intake_date", self.intake_date)
        e.add_row(form, self.tr("&Titolo di studio:"), "education_isced", self.education)
        e.add_row(form, self.tr("&Condizione occupazionale:"), "employment", self.employment)
        e.add_row(form, self.tr("Situazione abitativa (&ETHOS):"), "ethos_at_intake", self.ethos)
        e.add_row(form, self.tr("&Disabilità:"), "disability", self.disability)
        e.add_row(form, self.tr("Ente i&nviante:"), "referring_organisation_id", self.referrer)
        e.add_row(form, self.tr("&Operatore di riferimento:"), "reference_staff_id", self.staff)
        self._fill_choices()

        form = self._form(self.tr("Consensi"))
        self.consent_fields: dict[str, tuple[ChoiceField, DateField]] = {}
        for kind, title in CONSENTS:
            answer = ChoiceField([(True, self.tr("sì")), (False, self.tr("no"))])
            answer.setItemText(0, self.tr("non ancora chiesto"))
            when = DateField()
            row = QWidget()
            box = QHBoxLayout(row)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(answer)
            box.addWidget(QLabel(self.tr("data:")))
            box.addWidget(when)
            box.addStretch(1)
            e.add_row(form, title + ":", f"consent_{kind}", row)
            form.addRow("", e.add_error_line(f"consent_{kind}_on", when))
            self.consent_fields[kind] = (answer, when)

        self._build_notes_tab()
        self._build_household_tab()
        self._build_attachments_tab()
        self._build_street_tab()
        self._build_housing_tab()
        self._build_timeline_tab()

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Salva"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save")
        self.print_button = self.buttons.addButton(
            self.tr("Stampa scheda…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.access_button = self.buttons.addButton(
            self.tr("Richiesta di accesso…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.access_button.setToolTip(
            self.tr("Tutti i dati della persona in PDF e JSON (art. 15 GDPR)")
        )
        self.anonymise_button = self.buttons.addButton(
            self.tr("Anonimizza…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.buttons.addButton(self.tr("Chiudi"), QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self._print)
        self.access_button.clicked.connect(self._access_request)
        self.anonymise_button.clicked.connect(self._anonymise)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self._save_shortcut)
        for widget in (
            self.fiscal_code,
            self.last_name,
            self.first_name,
            self.birth_date,
            self.birth_place,
        ):
            widget.textChanged.connect(self._check_fiscal_code)
        self.sex.currentIndexChanged.connect(self._check_fiscal_code)
        self.use_computed.clicked.connect(self._use_computed)
        self.fiscal_code.textEdited.connect(
            lambda text: self.fiscal_code.setText(text.upper()) if text != text.upper() else None
        )

    def _save_shortcut(self) -> None:
        if self.save_button.isEnabled():
            self.save()

    def _build_notes_tab(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(QLabel(self.tr("Note generali (compaiono nell'esportazione):")))
        self.general_notes = QPlainTextEdit()
        self.general_notes.setObjectName("general_notes")
        self.general_notes.setMaximumHeight(90)
        box.addWidget(self.general_notes)
        box.addWidget(self.errors.add_error_line("notes", self.general_notes))
        box.addWidget(QLabel(self.tr("Diario (note datate):")))
        self.note_list = QListWidget()
        self.note_list.setObjectName("note_list")
        self.note_list.setWordWrap(True)
        box.addWidget(self.note_list, 1)
        self.hidden_notes = QLabel()
        self.hidden_notes.setStyleSheet("color: #555;")
        box.addWidget(self.hidden_notes)
        row = QHBoxLayout()
        # Several lines: Enter starts a new line (it must not save and close the record);
        # Ctrl+Invio or the button adds the note.
        self.new_note = _NoteEdit()
        self.new_note.setObjectName("new_note")
        self.new_note.setTabChangesFocus(True)
        self.new_note.setPlaceholderText(
            self.tr("Scrivere una nuova nota… (Ctrl+Invio per aggiungerla)")
        )
        self.new_note.setFixedHeight(self.new_note.fontMetrics().lineSpacing() * 3 + 12)
        self.note_level = QComboBox()
        self.note_level.addItem(self.tr("normale"), NoteLevel.NORMAL)
        if self.ctx.actor.can(Permission.READ_CONFIDENTIAL):
            self.note_level.addItem(self.tr("riservata"), NoteLevel.CONFIDENTIAL)
        self.add_note_button = QPushButton(self.tr("Aggiungi nota"))
        row.addWidget(self.new_note, 1)
        row.addWidget(self.note_level, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.add_note_button, 0, Qt.AlignmentFlag.AlignTop)
        self.note_input = QWidget()
        self.note_input.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.note_input)
        self.add_note_button.clicked.connect(self._add_note)
        self.new_note.submitted.connect(self._add_note)
        self.tabs.addTab(page, self.tr("Note"))

    def _build_household_tab(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.relatives = QTableWidget(0, 3)
        self.relatives.setObjectName("relatives")
        self.relatives.setHorizontalHeaderLabels(
            [self.tr("Codice"), self.tr("Nome"), self.tr("Relazione")]
        )
        self.relatives.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.relatives.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.relatives.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        box.addWidget(self.relatives, 1)
        row = QHBoxLayout()
        self.relative_code = _EnterStaysEdit()
        self.relative_code.setObjectName("relative_search")
        self.relative_code.setPlaceholderText(self.tr("cognome e nome, o codice"))
        self.relative_code.setMinimumWidth(260)
        self._relative_choices: dict[str, str] = {}
        self._relative_model = QStringListModel(self)
        completer = QCompleter(self._relative_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.relative_code.setCompleter(completer)
        self._relative_timer = QTimer(self)
        self._relative_timer.setSingleShot(True)
        self._relative_timer.setInterval(150)
        self._relative_timer.timeout.connect(self._suggest_relatives)
        self.relative_code.textEdited.connect(lambda _t: self._relative_timer.start())
        self.relation = QComboBox()
        for relation in HouseholdRelation:
            self.relation.addItem(relation.value, relation)
        self.add_relative = QPushButton(self.tr("Aggiungi al nucleo"))
        self.remove_relative = QPushButton(self.tr("Togli"))
        for widget in (
            QLabel(self.tr("Familiare:")),
            self.relative_code,
            QLabel(self.tr("è")),
            self.relation,
            self.add_relative,
            self.remove_relative,
        ):
            row.addWidget(widget)
        self.add_relative.clicked.connect(self._link_relative)
        self.relative_code.returnPressed.connect(self._link_relative)
        self.relative_input = QWidget()
        self.relative_input.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.relative_input)
        self.remove_relative.clicked.connect(self._unlink_relative)
        self.tabs.addTab(page, self.tr("Nucleo"))

    def _build_housing_tab(self) -> None:
        """Stays in the housing units and hostings in families, newest first (the areas'
        timeline providers "stay" and "hosting")."""
        page = QWidget()
        box = QVBoxLayout(page)
        self.housing_events = QTableWidget(0, 4)
        self.housing_events.setObjectName("housing_events")
        self.housing_events.setHorizontalHeaderLabels(
            [self.tr("Dal"), self.tr("Al"), self.tr("Dove"), self.tr("Dettagli")]
        )
        header = self.housing_events.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.housing_events.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.housing_events.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.housing_events.verticalHeader().setVisible(False)
        self.housing_events.cellDoubleClicked.connect(self._open_housing_event)
        box.addWidget(self.housing_events, 1)
        hint = QLabel(
            self.tr(
                "Doppio clic su un soggiorno per aprirlo. Si assegna un posto dal tabellone "
                "dell'area Alloggi."
            )
        )
        hint.setWordWrap(True)
        box.addWidget(hint)
        self.tabs.addTab(page, self.tr("Alloggio e accoglienza"))
        app_signals().changed.connect(self._housing_changed)

    def _housing_changed(self, entities: frozenset[str]) -> None:
        if entities & {"stay", "hosting"}:
            self._refresh_housing()

    def _refresh_housing(self) -> None:
        if self.person_id is None:
            return
        with self.ctx.db.reading() as session:
            events = timeline.events_for(
                session, self.ctx.actor, self.person_id, only={"stay", "hosting"}
            )
        self.housing_events.setRowCount(len(events))
        for row, event in enumerate(events):
            until = event.until.strftime("%d/%m/%Y") if event.until else self.tr("in corso")
            texts = (event.day.strftime("%d/%m/%Y"), until, event.title, event.detail)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (event.entity, event.entity_id))
                self.housing_events.setItem(row, column, item)

    def _open_housing_event(self, row: int, _column: int) -> None:
        item = self.housing_events.item(row, 0)
        entity, entity_id = item.data(Qt.ItemDataRole.UserRole) if item else ("", None)
        if entity == "stay" and entity_id is not None:
            from tit_desktop.ui.housing_dialogs import StayDialog

            StayDialog(self.ctx, entity_id, parent=self).open()

    def _build_attachments_tab(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.attachment_list = QListWidget()
        self.attachment_list.setObjectName("attachment_list")
        box.addWidget(self.attachment_list, 1)
        row = QHBoxLayout()
        self.attach_button = QPushButton(self.tr("Allega documento…"))
        self.save_attachment_button = QPushButton(self.tr("Salva una copia…"))
        self.remove_attachment_button = QPushButton(self.tr("Togli"))
        for button in (
            self.attach_button,
            self.save_attachment_button,
            self.remove_attachment_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        self.attach_button.clicked.connect(self._attach)
        self.save_attachment_button.clicked.connect(self._save_attachment)
        self.remove_attachment_button.clicked.connect(self._remove_attachment)
        self.tabs.addTab(page, self.tr("Allegati"))

    def _build_timeline_tab(self) -> None:
        from tit_desktop.ui.pathway_tabs import TimelineTab

        self.timeline = TimelineTab(self.ctx)
        self.timeline.setObjectName("person_timeline")
        self.tabs.addTab(self.timeline, self.tr("Cronologia"))

    def _fill_choices(self) -> None:
        with self.ctx.db.reading() as session:
            orgs = persons.organisation_choices(session, self.ctx.actor)
            staff = persons.staff_choices(session, self.ctx.actor)
        for combo, items in ((self.referrer, orgs), (self.staff, staff)):
            combo.addItem("—", None)
            for key, text in items:
                combo.addItem(text, key)

    # --- loading and reading the form -----------------------------------------------------
    def _load(self, person_id: int) -> None:
        with self.ctx.db.transaction(self.ctx.actor) as session:
            detail = persons.open_person(session, self.ctx.actor, person_id)
        self.version = detail.version
        self.base_input = detail.data
        self.anonymised = detail.anonymised
        d = detail.data
        self.setWindowTitle(self.tr("{0} - {1}").format(detail.display_name, d.code))
        self._fill(d)
        self.timeline.set_person(person_id)
        anonymised = " — " + self.tr("anonimizzata") if detail.anonymised else ""
        self.header.setText(f"<h3>{detail.display_name} <small>({d.code}){anonymised}</small></h3>")
        self._refresh_related()

    def _fill(self, d: persons.PersonInput) -> None:
        self.code.setText(d.code)
        self.last_name.setText(d.last_name)
        self.first_name.setText(d.first_name)
        self.sex.set_value(d.sex)
        self.birth_date.set_date(d.birth_date)
        self.birth_place.set_code(d.birth_place_code, d.birth_place_text)
        self.citizenship.set_code(d.citizenship_code)
        self.citizenship_declined.setChecked("citizenship_code" in d.declined)
        self.fiscal_code.setText(d.fiscal_code or "")
        self.cui.setText(d.cui or "")
        self.permit_type.setText(d.permit_type or "")
        self.permit_reason.set_value(d.permit_reason)
        self.permit_number.setText(d.permit_number or "")
        self.permit_issuer.setText(d.permit_issuer or "")
        self.permit_issued_on.set_date(d.permit_issued_on)
        self.permit_expires_on.set_date(d.permit_expires_on)
        self.phone.setText(d.phone or "")
        self.email.setText(d.email or "")
        self.address.setText(d.address or "")
        self.languages.setText(d.languages or "")
        self.intake_date.set_date(d.intake_date)
        self.education.set_value(d.education_isced, "education_isced" in d.declined)
        self.employment.set_value(d.employment, "employment" in d.declined)
        self.ethos.set_value(d.ethos_at_intake, "ethos_at_intake" in d.declined)
        self.disability.set_value(d.disability)
        self.referrer.setCurrentIndex(max(self.referrer.findData(d.referring_organisation_id), 0))
        self.staff.setCurrentIndex(max(self.staff.findData(d.reference_staff_id), 0))
        for kind, (answer, when) in self.consent_fields.items():
            answer.set_value(getattr(d, f"consent_{kind}"))
            when.set_date(getattr(d, f"consent_{kind}_on"))
        self.general_notes.setPlainText(d.notes or "")

    def form_data(self) -> persons.PersonInput:
        """The form as typed; raises ValidationError for what cannot even be read."""
        data, problems = self._read_form()
        if problems:
            raise ValidationError(problems)
        return data

    def _current_problems(self) -> dict[str, str]:
        """Every problem of the form as it is now (without the database checks): what
        the errors shown are checked against as the user corrects them."""
        data, unreadable = self._read_form()
        return {**persons.input_problems(data, self.person_id), **unreadable}

    def _read_form(self) -> tuple[persons.PersonInput, dict[str, str]]:
        """The form as typed, and the fields that cannot even be read (left empty)."""
        problems: dict[str, str] = {}

        def date_of(field: DateField, name: str) -> dt.date | None:
            try:
                return field.date()
            except InvalidInput as exc:
                problems[name] = str(exc)
                return None

        birth_place_code = self.birth_place.code()
        birth_place_text = None if birth_place_code else (self.birth_place.text().strip() or None)
        citizenship_code = self.citizenship.code()
        if self.citizenship.text().strip() and citizenship_code is None:
            problems["citizenship_code"] = self.tr(
                "stato non trovato: sceglierlo dall'elenco che compare scrivendo"
            )
        declined = set()
        for name, field in (
            ("education_isced", self.education),
            ("employment", self.employment),
            ("ethos_at_intake", self.ethos),
        ):
            if field.declined():
                declined.add(name)
        if self.citizenship_declined.isChecked():
            declined.add("citizenship_code")
        consents: dict[str, Any] = {}
        for kind, (answer, when) in self.consent_fields.items():
            consents[f"consent_{kind}"] = answer.value()
            consents[f"consent_{kind}_on"] = date_of(when, f"consent_{kind}_on")
        data = persons.PersonInput(
            code=self.code.text(),
            last_name=self.last_name.text(),
            first_name=self.first_name.text(),
            sex=self.sex.value(),
            birth_date=date_of(self.birth_date, "birth_date"),
            birth_place_code=birth_place_code,
            birth_place_text=birth_place_text,
            citizenship_code=citizenship_code,
            fiscal_code=self.fiscal_code.text(),
            cui=self.cui.text(),
            permit_type=self.permit_type.text(),
            permit_reason=self.permit_reason.value(),
            permit_number=self.permit_number.text(),
            permit_issuer=self.permit_issuer.text(),
            permit_issued_on=date_of(self.permit_issued_on, "permit_issued_on"),
            permit_expires_on=date_of(self.permit_expires_on, "permit_expires_on"),
            phone=self.phone.text(),
            email=self.email.text(),
            address=self.address.text(),
            languages=self.languages.text(),
            education_isced=self.education.value(),
            employment=self.employment.value(),
            ethos_at_intake=self.ethos.value(),
            disability=self.disability.value(),
            declined=frozenset(declined),
            intake_date=date_of(self.intake_date, "intake_date"),
            referring_organisation_id=self.referrer.currentData(),
            reference_staff_id=self.staff.currentData(),
            notes=self.general_notes.toPlainText(),
            **consents,
        )
        return data, problems

    # --- permit -------------------------------------------------------------------------
    def _show_permit_warning(self) -> None:
        """Expired or expiring permits, said here as on Home."""
        try:
            expires = self.permit_expires_on.date()
        except InvalidInput:
            expires = None
        text = persons.permit_warning(expires)
        self.permit_warning.setText(text)
        self._permit_form.setRowVisible(self.permit_warning, bool(text))
        index = self.tabs.indexOf(self.permit_warning.parentWidget())
        if index >= 0:  # the tab says it too, as the warning is out of sight on Anagrafica
            title = self.tabs.tabText(index).removesuffix(PERMIT_MARK)
            self.tabs.setTabText(index, title + (PERMIT_MARK if text else ""))

    # --- codice fiscale -----------------------------------------------------------------
    def _check_fiscal_code(self) -> None:
        self._check_fiscal_code_now()
        # An empty line would leave a gap under the field.
        self._identity_form.setRowVisible(self.cf_warning, bool(self.cf_warning.text()))

    def _check_fiscal_code_now(self) -> None:
        self._computed: str | None = None
        code = self.fiscal_code.text().strip()
        self.use_computed.hide()
        if not code:
            self.cf_warning.clear()
            self.errors.recheck("fiscal_code")
            return
        try:
            birth = self.birth_date.date()
        except InvalidInput:
            birth = None
        result = codice_fiscale.check(
            code,
            self.last_name.text() or None,
            self.first_name.text() or None,
            self.sex.value(),
            birth,
            self.birth_place.code(),
        )
        if result.error:
            # One place for the error, the same as saving would show: the field's own line.
            self.cf_warning.clear()
            self.errors.set_error("fiscal_code", result.error)
        elif result.mismatches:
            self.cf_warning.setStyleSheet(WARNING_STYLE)
            self.cf_warning.setText(result.warning_text)
            self._computed = result.computed
            self.use_computed.setVisible(result.computed is not None)
        elif result.is_provisional:
            self.cf_warning.setStyleSheet("color: #1b5e20;")
            self.cf_warning.setText(self.tr("Codice fiscale provvisorio (11 cifre)."))
        else:
            self.cf_warning.setStyleSheet("color: #1b5e20;")
            self.cf_warning.setText(self.tr("Codice fiscale coerente con i dati inseriti."))

    def _use_computed(self) -> None:
        if self._computed:
            self.fiscal_code.setText(self._computed)

    # --- saving ---------------------------------------------------------------------------
    def save(self) -> bool:
        self.errors.clear()
        not_same: list[int] = []
        try:
            data = self.form_data()
            if self.person_id is None:
                decision = self._check_duplicates(data)
                if decision is None:
                    return False
                not_same = decision
            with self.ctx.db.transaction(self.ctx.actor) as session:
                if self.person_id is None:
                    result = persons.create_person(session, self.ctx.actor, data)
                    for other in not_same:
                        duplicates.mark_not_same(session, self.ctx.actor, result.id, other)
                else:
                    assert self.version is not None
                    result = persons.update_person(
                        session, self.ctx.actor, self.person_id, data, self.version
                    )
        except ValidationError as exc:
            self._show_errors(exc)
            return False
        except StaleRecord:
            self._merge_with_colleague(data)
            return False
        except ServiceError as exc:
            show_service_error(self, exc)
            return False
        self.person_id = result.id
        self.version = result.version
        self.base_input = data
        self.saved_code = result.code or data.code.strip()
        self.guard.mark_clean()
        notify_changed("person")
        self.saved.emit(result.id)
        if result.warnings:
            QMessageBox.information(
                self, self.tr("Salvato, con avvisi"), "\n".join(result.warnings)
            )
        self.accept()
        return True

    def _merge_with_colleague(self, mine: persons.PersonInput) -> None:
        """A colleague saved this record after it was opened: bring their changes into the
        form without losing what was typed here; where both changed the same data, ask."""
        from tit_desktop.ui.edit_conflict_dialog import EditConflictDialog

        assert self.person_id is not None and self.base_input is not None
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                merge = person_edits.compare_with_current(
                    session, self.ctx.actor, self.person_id, self.base_input, mine
                )
        except ServiceError as exc:
            show_service_error(self, exc)
            return
        take: list[tuple[str, ...]] = []
        if merge.clashes:
            dialog = EditConflictDialog(merge.clashes, merge.taken, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return  # the form stays as typed; saving again asks again
            take = dialog.take_theirs()
        self._fill(merge.resolve(take))
        self.version = merge.theirs_version
        self.base_input = merge.theirs
        self.errors.clear()
        if not merge.clashes:
            taken = ", ".join(merge.taken) or self.tr("nessun dato che avete cambiato")
            QMessageBox.information(
                self,
                self.tr("Scheda modificata da un collega"),
                self.tr(
                    "Mentre modificavate questa scheda un collega l'ha salvata. Le sue "
                    "modifiche ({0}) sono state riportate nel modulo insieme alle vostre. "
                    "Controllate e premete Salva."
                ).format(taken),
            )

    def _check_duplicates(self, data: persons.PersonInput) -> list[int] | None:
        """None = do not save now; otherwise the ids confirmed to be other people."""
        from tit_desktop.ui.duplicates_dialog import Choice, DuplicatesDialog

        with self.ctx.db.reading() as session:
            candidates = duplicates.find_candidates(session, self.ctx.actor, data)
        if not candidates:
            return []
        dialog = DuplicatesDialog(candidates, self)
        dialog.exec()
        if dialog.choice is Choice.DIFFERENT_PEOPLE:
            return [c.person_id for c in candidates]
        if dialog.choice is Choice.OPEN_EXISTING:
            chosen = dialog.selected()
            if chosen is not None:
                self.guard.enabled = False  # the user chose the existing record instead
                self.reject()
                PersonDialog(self.ctx, chosen.person_id, self.parentWidget()).open()
        return None

    def _show_errors(self, exc: ValidationError) -> None:
        rest = self.errors.show(exc)
        tabs = sorted(TAB_OF_FIELD.get(name, 0) for name in exc.fields)
        if tabs:
            self.tabs.setCurrentIndex(tabs[0])
        if rest:
            show_service_error(self, ValidationError(rest))

    # --- notes, household, attachments (saved at once) ------------------------------------
    def _sync_related_tabs(self) -> None:
        exists = self.person_id is not None
        writable = self.ctx.actor.can(Permission.WRITE_REGISTRY) and not self.anonymised
        self.save_button.setEnabled(writable)
        # Reading only (lettura, an anonymised record): fields that cannot be changed, and
        # no controls that could not be used.
        set_read_only(self.tabs, not writable)
        self.timeline.kind.setEnabled(True)  # a filter, not a field of the record
        for widget in (self.save_button, self.note_input, self.relative_input):
            widget.setVisible(writable)
        for widget in (self.attach_button, self.remove_attachment_button, self.remove_relative):
            widget.setVisible(writable)
        self.use_computed.setEnabled(writable)
        for widget in (
            self.new_note,
            self.add_note_button,
            self.relative_code,
            self.add_relative,
            self.remove_relative,
            self.attach_button,
            self.remove_attachment_button,
        ):
            widget.setEnabled(exists and writable)
        can_export = self.ctx.actor.can(Permission.EXPORT_DATA)
        self.save_attachment_button.setEnabled(exists and can_export)
        self.print_button.setEnabled(exists and can_export)
        # Both need what only coordinatore and admin may do (the services check it too).
        gdpr_allowed = self.ctx.actor.can(Permission.ANONYMISE)
        self.access_button.setVisible(exists and gdpr_allowed)
        self.anonymise_button.setVisible(exists and gdpr_allowed and not self.anonymised)
        if not exists:
            self.hidden_notes.setText(
                self.tr(
                    "Diario, nucleo familiare e allegati si compilano dopo il primo salvataggio."
                )
            )

    def _build_street_tab(self) -> None:
        """The person's contacts with the street unit (read from the street area's page)."""
        from tit_desktop.ui.pages.street import PersonStreetContacts

        self.street_contacts = PersonStreetContacts(self.ctx)
        self.tabs.addTab(self.street_contacts, self.tr("Strada"))

    def _refresh_related(self) -> None:
        if self.person_id is None:
            return
        self.street_contacts.load(self.person_id)
        with self.ctx.db.reading() as session:
            note_views, hidden = notes.list_notes(session, self.ctx.actor, self.person_id)
            relatives = household.relatives(session, self.ctx.actor, self.person_id)
            files = attachments.list_attachments(session, self.ctx.actor, self.person_id)
        self.note_list.clear()
        for note in note_views:
            level = " [riservata]" if note.level is NoteLevel.CONFIDENTIAL else ""
            when = note.written_at.astimezone().strftime("%d/%m/%Y %H:%M")
            self.note_list.addItem(f"{when} - {note.author}{level}\n{note.text}")
        self.hidden_notes.setText(
            plural(
                hidden,
                self.tr("{n} nota riservata non visibile con il vostro ruolo."),
                self.tr("{n} note riservate non visibili con il vostro ruolo."),
            )
            if hidden
            else ""
        )
        self.relatives.setRowCount(len(relatives))
        for row, relative in enumerate(relatives):
            for column, text in enumerate((relative.code, relative.name, relative.relation.value)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, relative.link_id)
                self.relatives.setItem(row, column, item)
        self._refresh_housing()
        self.attachment_list.clear()
        for info in files:
            item = QListWidgetItem(
                f"{info.file_name} ({info.size // 1024 or 1} kB, "
                f"{info.uploaded_at.astimezone():%d/%m/%Y})"
                + (f" - {info.description}" if info.description else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.attachment_list.addItem(item)

    def _run(self, work: Any) -> bool:
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                work(session)
        except ValidationError as exc:
            show_service_error(self, exc)
            return False
        except Exception as exc:
            handle_error(self, exc)
            return False
        notify_changed("person")
        self._refresh_related()
        return True

    def _add_note(self) -> None:
        text = self.new_note.toPlainText()
        level = self.note_level.currentData()
        if self.person_id is not None and self._run(
            lambda s: notes.add_note(s, self.ctx.actor, self.person_id, text, level)
        ):
            self.new_note.clear()

    def _suggest_relatives(self) -> None:
        """Search as you type, as in the list: surname, name, Codice or codice fiscale."""
        text = self.relative_code.text()
        if len(persons.search_words(text)) == 0:
            self._relative_model.setStringList([])
            return
        with self.ctx.db.reading() as session:
            ids = persons.search_ids(
                session, self.ctx.actor, persons.PersonFilter(text=text), limit=20
            )
            rows = persons.rows_for(session, self.ctx.actor, ids)
        self._relative_choices = {}
        for person_id in ids:
            row = rows.get(person_id)
            if row is None or person_id == self.person_id:
                continue
            born = f", {row.birth_date:%d/%m/%Y}" if row.birth_date else ""
            label = f"{row.last_name} {row.first_name} ({row.code}{born})"
            self._relative_choices[label] = row.code
        self._relative_model.setStringList(list(self._relative_choices))
        completer = self.relative_code.completer()
        if self._relative_choices and self.relative_code.hasFocus():
            completer.complete()

    def _link_relative(self) -> None:
        text = self.relative_code.text().strip()
        code = self._relative_choices.get(text, text)
        relation = self.relation.currentData()
        if self.person_id is not None and self._run(
            lambda s: household.link_relative(s, self.ctx.actor, self.person_id, code, relation)
        ):
            self.relative_code.clear()

    def _unlink_relative(self) -> None:
        rows = self.relatives.selectionModel().selectedRows()
        if rows:
            link_id = self.relatives.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
            self._run(lambda s: household.unlink_relative(s, self.ctx.actor, link_id))

    def _attach(self) -> None:
        path = open_file(self, self.tr("Documento da allegare"))
        if path is None or self.person_id is None:
            return
        description, _ok = QInputDialog.getText(
            self, self.tr("Descrizione"), self.tr("Descrizione (facoltativa):")
        )
        self._run(
            lambda s: attachments.attach_file(s, self.ctx.actor, self.person_id, path, description)
        )

    def _selected_attachment(self) -> int | None:
        item = self.attachment_list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _save_attachment(self) -> None:
        attachment_id = self._selected_attachment()
        if attachment_id is None:
            return
        name = self.attachment_list.currentItem().text().split(" (")[0]
        path, _ = save_file(self, self.tr("Salva una copia"), name)
        if path is not None:
            self._run(lambda s: attachments.copy_to_file(s, self.ctx.actor, attachment_id, path))

    def _remove_attachment(self) -> None:
        attachment_id = self._selected_attachment()
        if attachment_id is None:
            return
        if questions.confirm(
            self,
            self.tr("Togli allegato"),
            self.tr("Togliere il documento selezionato dalla scheda?"),
            self.tr("Togli il documento"),
        ):
            self._run(lambda s: attachments.remove_attachment(s, self.ctx.actor, attachment_id))

    def _access_request(self) -> None:
        from tit_desktop.ui.gdpr_actions import export_access_request

        if self.person_id is not None:
            export_access_request(self, self.ctx, self.person_id, self.code.text())

    def _anonymise(self) -> None:
        from tit_desktop.ui.gdpr_actions import AnonymiseDialog

        if self.person_id is None:
            return
        dialog = AnonymiseDialog(self.ctx, self.person_id, self.code.text(), self)
        if dialog.exec():
            self.reject()

    def _print(self) -> None:
        from tit_desktop.ui.print_form import print_registration_form

        if self.person_id is not None:
            print_registration_form(self, self.ctx, self.person_id)
