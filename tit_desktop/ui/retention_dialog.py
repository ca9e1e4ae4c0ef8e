"""Retention: list the persons without activity for N years, save the list for a colleague to
review, then anonymise the reviewed list. The anonymisation is irreversible: the question's
default is to keep the data."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.services import clock
from tit_desktop.services.errors import ServiceError, ValidationError
from tit_desktop.services.gdpr import retention
from tit_desktop.ui import questions
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.errors import show_service_error
from tit_desktop.ui.file_dialogs import open_file, save_file
from tit_desktop.ui.signals import notify_changed
from tit_desktop.ui.wording import plural


class RetentionDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.batch: retention.Batch | None = None
        self.setWindowTitle(self.tr("Conservazione dei dati"))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Le persone senza alcuna attività (presa in carico, servizi, percorsi) da più "
                "anni del periodo di conservazione vanno anonimizzate. Cercatele, salvate "
                "l'elenco perché un collega lo verifichi, poi anonimizzate l'elenco verificato."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        years_label = QLabel(self.tr("&Anni senza attività:"))
        self.years = QSpinBox()
        self.years.setObjectName("retention_years")
        self.years.setRange(retention.MIN_YEARS, retention.MAX_YEARS)
        self.years.setValue(retention.DEFAULT_YEARS)
        years_label.setBuddy(self.years)
        self.find_button = QPushButton(self.tr("&Cerca"))
        self.load_button = QPushButton(self.tr("Apri un &elenco…"))
        row.addWidget(years_label)
        row.addWidget(self.years)
        row.addWidget(self.find_button)
        row.addStretch(1)
        row.addWidget(self.load_button)
        layout.addLayout(row)
        self.summary = QLabel(self.tr("Nessun elenco."))
        self.summary.setObjectName("retention_summary")
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("retention_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Codice"), self.tr("Persona"), self.tr("Ultima attività"), self.tr("Quale")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("&Salva l'elenco…"))
        self.apply_button = QPushButton(self.tr("A&nonimizza l'elenco…"))
        self.apply_button.setAutoDefault(False)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.find_button.clicked.connect(self.find)
        self.load_button.clicked.connect(self.load)
        self.save_button.clicked.connect(self.save)
        self.apply_button.clicked.connect(self.apply)
        self.find_button.setDefault(True)
        self._show(None)

    def _show(self, batch: retention.Batch | None) -> None:
        self.batch = batch
        people = batch.persons if batch is not None else ()
        self.table.setRowCount(len(people))
        for index, person in enumerate(people):
            values = (
                person.code,
                person.name,
                person.last_activity.strftime("%d/%m/%Y"),
                person.last_kind,
            )
            for column, text in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(text))
        if batch is not None:
            self.summary.setText(
                self.tr("{0} senza attività dal {1} (elenco del {2}, di {3}).").format(
                    plural(len(people), self.tr("{n} persona"), self.tr("{n} persone")),
                    batch.cutoff.strftime("%d/%m/%Y"),
                    batch.reviewed_on.strftime("%d/%m/%Y"),
                    batch.reviewed_by,
                )
            )
        self.save_button.setEnabled(bool(people))
        self.apply_button.setEnabled(bool(people))

    def find(self) -> None:
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                batch = retention.review(session, self.ctx.actor, self.years.value())
        except ServiceError as exc:
            show_service_error(self, exc)
            return
        self._show(batch)

    def save(self) -> None:
        if self.batch is None:
            return
        target, _ = save_file(
            self,
            self.tr("Salva l'elenco da verificare"),
            f"conservazione-{clock.today():%Y%m%d}.json",
            self.tr("Elenco (*.json)"),
        )
        if target is None:
            return
        try:
            target.write_text(self.batch.to_json(), encoding="utf-8")
        except OSError as exc:
            show_service_error(
                self,
                ValidationError(
                    {"batch": self.tr("impossibile scrivere il file ({0})").format(exc)}
                ),
            )

    def load(self) -> None:
        source = open_file(self, self.tr("Apri un elenco verificato"), self.tr("Elenco (*.json)"))
        if source is None:
            return
        try:
            batch = retention.Batch.from_json(source.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            batch = None
            show_service_error(
                self,
                ValidationError({"batch": self.tr("il file non si può leggere")}),
            )
        except ServiceError as exc:
            batch = None
            show_service_error(self, exc)
        if batch is not None:
            self.years.setValue(batch.years)
            self._show(batch)

    def apply(self) -> None:
        if self.batch is None or not self.batch.persons:
            return
        count = len(self.batch.persons)
        if not questions.confirm(
            self,
            self.tr("Anonimizzare l'elenco?"),
            self.tr(
                "{0} dell'elenco saranno anonimizzate per sempre: nomi, codici, recapiti, note "
                "e allegati non si potranno più recuperare. Chi ha avuto attività dopo la "
                "verifica sarà saltato."
            ).format(plural(count, self.tr("{n} persona"), self.tr("{n} persone"))),
            self.tr("Anonimizza"),
            self.tr("Non anonimizzare"),
        ):
            return
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                outcome = retention.apply(session, self.ctx.actor, self.batch)
        except ServiceError as exc:
            show_service_error(self, exc)
            return
        notify_changed("person")
        skipped = "\n".join(f"{c.code}: {why}" for c, why in outcome.skipped)
        self.summary.setText(
            self.tr("Anonimizzate: {0}. Saltate: {1}.").format(
                len(outcome.anonymised), len(outcome.skipped)
            )
            + (f"\n{skipped}" if skipped else "")
        )
        self.table.setRowCount(0)
        self.batch = None
        self.save_button.setEnabled(False)
        self.apply_button.setEnabled(False)
