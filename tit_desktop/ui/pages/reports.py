"""Report: the printable forms, until the year's summaries arrive. Each form is listed with
what it is printed for (a person) and its languages; the selected one is printed for a
person found by name or code."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.reports import forms as form_registry
from tit_desktop.services import persons
from tit_desktop.services.permissions import Permission
from tit_desktop.ui.background import Progress
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.print_form import language_label, print_person_form

SEARCH_DELAY_MS = 200
MATCHES_SHOWN = 30


class ReportsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # Forms about one person print here; a unit's, a month's or a convention's print from
        # their own area, which knows what they are about.
        self.specs = [s for s in form_registry.list_forms() if s.selectors == ("person",)]
        self.task: Progress | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.tr('Report')}</h2>"))
        intro = QLabel(
            self.tr(
                "Il riepilogo annuale (PDF e XLSX) e le esportazioni arriveranno con un prossimo "
                "aggiornamento. Da qui si stampano intanto i moduli per una persona."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.forms = QTableWidget(len(self.specs), 4)
        self.forms.setObjectName("forms_table")
        self.forms.setHorizontalHeaderLabels(
            [self.tr("Modulo"), self.tr("Si stampa per"), self.tr("Lingue"), self.tr("Nome")]
        )
        self.forms.verticalHeader().hide()
        self.forms.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.forms.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.forms.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for row, spec in enumerate(self.specs):
            languages = "; ".join(language_label(lang) for lang in spec.languages)
            values = (spec.title, self.tr("una persona (codice o nome)"), languages, spec.name)
            for column, text in enumerate(values):
                self.forms.setItem(row, column, QTableWidgetItem(text))
        header = self.forms.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.forms.setToolTip(
            self.tr(
                "«Nome» è quello da usare con il comando: tit-desktop form NOME --person CODICE"
            )
        )
        height = self.forms.horizontalHeader().height() + 2 * self.forms.frameWidth()
        for row in range(self.forms.rowCount()):
            height += self.forms.rowHeight(row)
        self.forms.setFixedHeight(height + 4)
        layout.addWidget(self.forms)

        box = QGroupBox(self.tr("Stampa il modulo selezionato"))
        form = QFormLayout(box)
        self.search = QLineEdit()
        self.search.setObjectName("report_person_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Cognome, nome o codice della persona"))
        self.matches = QListWidget()
        self.matches.setObjectName("report_person_matches")
        self.matches.setMinimumHeight(140)
        self.matches.setMaximumHeight(260)
        person_label = QLabel(self.tr("&Persona:"))
        person_label.setBuddy(self.search)
        form.addRow(person_label, self.search)
        form.addRow("", self.matches)
        self.language = QComboBox()
        self.language.setObjectName("report_language")
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        language_label_ = QLabel(self.tr("&Lingua:"))
        language_label_.setBuddy(self.language)
        language_row = QHBoxLayout()
        language_row.addWidget(self.language)
        language_row.addStretch(1)
        form.addRow(language_label_, language_row)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Salva il PDF…"))
        self.print_button.setObjectName("report_print")
        buttons.addWidget(self.print_button)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #666;")
        buttons.addWidget(self.hint, 1)
        form.addRow("", buttons)
        layout.addWidget(box)
        layout.addStretch(1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.find_persons)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.find_persons)
        self.forms.itemSelectionChanged.connect(self._form_chosen)
        self.matches.itemSelectionChanged.connect(self._update_button)
        self.matches.itemActivated.connect(lambda _item: self.print_selected())
        self.print_button.clicked.connect(self.print_selected)
        self._can_print = ctx.actor.can(Permission.EXPORT_DATA)
        if self.specs:
            self.forms.selectRow(0)
        self._update_button()

    # --- choices ---------------------------------------------------------------------------
    def selected_form(self) -> form_registry.FormSpec | None:
        rows = self.forms.selectionModel().selectedRows()
        return self.specs[rows[0].row()] if rows else None

    def selected_person(self) -> int | None:
        item = self.matches.currentItem()
        if item is None or not item.isSelected():
            return None
        return int(item.data(Qt.ItemDataRole.UserRole))

    def _form_chosen(self) -> None:
        spec = self.selected_form()
        current = self.language.currentData()
        self.language.clear()
        for lang in spec.languages if spec is not None else ():
            self.language.addItem(language_label(lang), lang)
        self.language.setCurrentIndex(max(self.language.findData(current), 0))
        self._update_button()

    def find_persons(self) -> None:
        self._timer.stop()
        self.matches.clear()
        text = self.search.text()
        if not persons.search_words(text):
            self._update_button()
            return
        with self.ctx.db.reading() as session:
            flt = persons.PersonFilter(text=text)
            ids = persons.search_ids(session, self.ctx.actor, flt, limit=MATCHES_SHOWN)
            rows = persons.rows_for(session, self.ctx.actor, ids)
        for person_id in ids:
            row = rows.get(person_id)
            if row is None:
                continue
            born = row.birth_date.strftime("%d/%m/%Y") if row.birth_date else ""
            text = f"{row.code} - {row.last_name} {row.first_name}"
            item = QListWidgetItem(f"{text} ({born})" if born else text)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            self.matches.addItem(item)
        if self.matches.count():
            self.matches.setCurrentRow(0)
        self._update_button()

    def _update_button(self) -> None:
        ready = self.selected_form() is not None and self.selected_person() is not None
        self.print_button.setEnabled(self._can_print and ready)
        if not self._can_print:
            self.hint.setText(self.tr("Il vostro ruolo non permette di stampare i moduli."))
        elif self.selected_person() is None:
            self.hint.setText(self.tr("Cercate e scegliete la persona."))
        else:
            self.hint.clear()

    # --- printing --------------------------------------------------------------------------
    def print_selected(self) -> None:
        spec, person_id = self.selected_form(), self.selected_person()
        if spec is None or person_id is None or not self.print_button.isEnabled():
            return
        self.task = print_person_form(
            self, self.ctx, spec.name, person_id, self.language.currentData()
        )
