"""Import and export of the exchange workbook (DOMAIN.md section 8).

:class:`ImportDialog` checks the chosen file first (a dry run, off the GUI thread) and lists
every problem in a table; "Importa" is enabled only when the file has no error, and writes
everything in one transaction. :func:`export_persons` asks where to save and exports the
persons of the list's current filter.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.services import exchange
from tit_desktop.services.persons import PersonFilter
from tit_desktop.ui.background import Cancelled, Progress, run_in_background
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.errors import handle_error
from tit_desktop.ui.file_dialogs import save_file
from tit_desktop.ui.signals import notify_changed

ERROR_COLOR = QColor("#b00020")
WARNING_COLOR = QColor("#7a5c00")
MAX_SHOWN = 2000  # rows of the problem table; the full list can be copied


class ImportDialog(QDialog):
    """Check a file, show its problems, import it when it has none.

    ``state`` is "checking", "checked", "importing", "imported" or "failed" (tests and the
    window read it); ``report`` is the last :class:`exchange.ImportReport`."""

    def __init__(self, ctx: AppContext, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = Path(path)
        self.report: exchange.ImportReport | None = None
        self.state = "checking"
        self._task: Progress | None = None
        self.encoding: str | None = None  # CSV files' encoding; None: recognised
        self.setup_ui()
        self.check()

    # --- layout ---------------------------------------------------------------------------

    def setup_ui(self) -> None:
        self.setWindowTitle(self.tr("Importazione da «%1»").replace("%1", self.path.name))
        self.setMinimumSize(820, 480)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        # The encoding matters for CSV files only: an .xlsx file says its own.
        self.encoding_box = QComboBox()
        self.encoding_box.setObjectName("encoding")
        self.encoding_box.addItem(self.tr("Riconosciuta automaticamente"), None)
        self.encoding_box.addItem(self.tr("UTF-8 (CSV UTF-8 di Excel)"), "utf-8")
        self.encoding_box.addItem(
            self.tr("Windows-1252 (CSV di Excel con separatore di elenco)"), "cp1252"
        )
        encoding_label = QLabel(self.tr("&Codifica dei caratteri del file CSV:"))
        encoding_label.setBuddy(self.encoding_box)
        encoding_row = QHBoxLayout()
        encoding_row.addWidget(encoding_label)
        encoding_row.addWidget(self.encoding_box)
        encoding_row.addStretch(1)
        self.encoding_row = QWidget()
        self.encoding_row.setLayout(encoding_row)
        encoding_row.setContentsMargins(0, 0, 0, 0)
        self.encoding_row.setVisible(self.path.is_dir() or self.path.suffix.lower() == ".csv")
        self.encoding_box.currentIndexChanged.connect(self._encoding_changed)
        layout.addWidget(self.encoding_row)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("issues")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Foglio"), self.tr("Riga"), self.tr("Colonna"), self.tr("Problema")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((110, 55, 170)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("&Importa"))
        self.import_button.setObjectName("import_button")
        self.import_button.setEnabled(False)
        self.recheck_button = QPushButton(self.tr("&Controlla di nuovo"))
        self.recheck_button.setObjectName("recheck_button")
        self.copy_button = QPushButton(self.tr("Copia l'&elenco"))
        self.copy_button.setObjectName("copy_button")
        self.close_button = QPushButton(self.tr("Chiudi"))
        self.close_button.setObjectName("close_button")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.recheck_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.start_import)
        self.recheck_button.clicked.connect(self.check)
        self.copy_button.clicked.connect(self.copy_issues)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

    # --- behaviour ------------------------------------------------------------------------

    def _busy(self, state: str, text: str) -> None:
        self.state = state
        self.summary.setText(text)
        for button in (self.import_button, self.recheck_button, self.copy_button):
            button.setEnabled(False)

    def _encoding_changed(self) -> None:
        self.encoding = self.encoding_box.currentData()
        if self._task is None and self.state != "imported":
            self.check()

    def check(self) -> None:
        """Dry run in the background, then show what it found."""
        self._busy("checking", self.tr("Controllo del file in corso…"))
        self.encoding_box.setEnabled(False)
        self._task = run_in_background(
            self,
            lambda progress: self._run(progress, dry_run=True),
            self._show_check,
            self._failed,
            progress=self.tr("Controllo del file…"),
        )

    def start_import(self) -> None:
        if self.report is None or not self.report.ok:
            return
        self._busy("importing", self.tr("Importazione in corso…"))
        self.encoding_box.setEnabled(False)
        self._task = run_in_background(
            self,
            lambda progress: self._run(progress, dry_run=False),
            self._show_imported,
            self._failed,
            progress=self.tr("Importazione in corso…"),
        )

    def _run(self, progress: Progress, dry_run: bool) -> exchange.ImportReport:
        # Worker thread: no widget here. The write gets what the check found: a record
        # another user changed since (the user may have read the check for minutes) makes
        # it refuse instead of overwriting that user's work with the file's values.
        checked = None if dry_run or self.report is None else self.report.checked
        with self.ctx.db.transaction(self.ctx.actor) as session:
            return exchange.import_workbook(
                session,
                self.ctx.actor,
                self.path,
                dry_run=dry_run,
                progress=progress.report,
                cancel=lambda: progress.cancelled,
                checked=checked,
                encoding=self.encoding,
            )

    def _show_check(self, report: exchange.ImportReport) -> None:
        self._task = None
        self.report = report
        self.state = "checked"
        self._fill(report)
        if report.ok:
            text = report.summary() + " " + self.tr("Premere «Importa» per registrare i dati.")
        else:
            text = (
                report.summary()
                + " "
                + self.tr("Correggere il file e premere «Controlla di nuovo».")
            )
        self.summary.setText(text)
        self.import_button.setEnabled(report.ok)
        self.recheck_button.setEnabled(True)
        self.encoding_box.setEnabled(True)
        self.copy_button.setEnabled(bool(report.errors or report.warnings))

    def _show_imported(self, report: exchange.ImportReport) -> None:
        self._task = None
        self.report = report
        self._fill(report)
        self.copy_button.setEnabled(bool(report.errors or report.warnings))
        if not report.ok:  # the file changed after the check
            self.state = "checked"
            self.summary.setText(
                report.summary() + " " + self.tr("Il file è cambiato dopo il controllo.")
            )
            self.recheck_button.setEnabled(True)
            self.encoding_box.setEnabled(True)
            return
        self.state = "imported"
        self.summary.setText(report.summary())
        self.close_button.setFocus()
        notify_changed("person")

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        cancelled = isinstance(exc, Cancelled | exchange.Cancelled)
        self.state = "failed"
        if cancelled:
            self.summary.setText(self.tr("Operazione annullata: non è stato importato nulla."))
        else:
            self.summary.setText(self.tr("Operazione non riuscita: non è stato importato nulla."))
            handle_error(self, exc)
        self.recheck_button.setEnabled(True)
        self.encoding_box.setEnabled(True)

    def _fill(self, report: exchange.ImportReport) -> None:
        issues = [(True, i) for i in report.errors] + [(False, i) for i in report.warnings]
        shown = issues[:MAX_SHOWN]
        self.table.setRowCount(len(shown))
        for row, (is_error, issue) in enumerate(shown):
            kind = self.tr("Errore") if is_error else self.tr("Avviso")
            values = (
                issue.sheet or self.tr("File"),
                "" if issue.row is None else str(issue.row),
                issue.column or "",
                f"{kind}: {issue.message}",
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setForeground(ERROR_COLOR if is_error else WARNING_COLOR)
                if column == 3:
                    item.setToolTip(issue.message)
                self.table.setItem(row, column, item)
        if len(issues) > MAX_SHOWN:
            self.summary.setToolTip(
                self.tr(
                    "Sono mostrati i primi %1 problemi: «Copia l'elenco» li copia tutti."
                ).replace("%1", str(MAX_SHOWN))
            )
        self.table.resizeRowsToContents()

    def issues_text(self) -> str:
        """Every problem as tab-separated lines, for a spreadsheet or an e-mail."""
        if self.report is None:
            return ""
        lines = ["Tipo\tFoglio\tRiga\tColonna\tProblema"]
        for kind, issues in (("Errore", self.report.errors), ("Avviso", self.report.warnings)):
            for issue in issues:
                lines.append(
                    "\t".join(
                        (
                            kind,
                            issue.sheet or "File",
                            "" if issue.row is None else str(issue.row),
                            issue.column or "",
                            issue.message,
                        )
                    )
                )
        return "\n".join(lines)

    def copy_issues(self) -> None:
        QGuiApplication.clipboard().setText(self.issues_text())

    def reject(self) -> None:
        if self._task is not None:
            self._task.cancel()
        super().reject()


def _default_export_name() -> str:
    return f"beneficiari-{dt.date.today():%Y%m%d}.xlsx"


def export_persons(
    parent: QWidget | None, ctx: AppContext, person_filter: PersonFilter | None
) -> Progress | None:
    """Ask for the file, then export the persons of ``person_filter`` (the list's current
    filter) in the background. Returns the running task, or None when the user gave up."""
    tr = QCoreApplication.translate
    xlsx_filter = tr("import_export", "Cartella di lavoro Excel (*.xlsx)")
    csv_filter = tr("import_export", "File CSV, uno per foglio (*.csv)")
    path, chosen = save_file(
        parent,
        tr("import_export", "Esporta i beneficiari"),
        _default_export_name(),
        f"{xlsx_filter};;{csv_filter}",
    )
    if path is None:
        return None
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_name(path.name + (".csv" if chosen == csv_filter else ".xlsx"))
    filtered = person_filter is not None and person_filter != PersonFilter()

    def work(progress: Progress) -> exchange.ExportResult:
        # Worker thread: no widget here.
        return exchange.export_database(
            ctx.db, ctx.actor, path, person_filter, progress=progress.report
        )

    def done(result: exchange.ExportResult) -> None:
        count = result.exported.get("Beneficiari", 0)
        if count == 1:
            text = tr("import_export", "Esportata 1 persona in:")
        else:
            text = tr("import_export", "Esportate %1 persone in:").replace("%1", str(count))
        text += "\n" + "\n".join(str(p) for p in result.files)
        if filtered:
            text += "\n\n" + tr(
                "import_export",
                "Sono state esportate solo le persone che corrispondono ai filtri dell'elenco.",
            )
        if result.note:
            text += "\n\n" + result.note
        QMessageBox.information(parent, tr("import_export", "Esportazione completata"), text)

    return run_in_background(
        parent,
        work,
        done,
        lambda exc: None if isinstance(exc, Cancelled) else handle_error(parent, exc),
        progress=tr("import_export", "Esportazione dei beneficiari…"),
        cancellable=False,
    )
