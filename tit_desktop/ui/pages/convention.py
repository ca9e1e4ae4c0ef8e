"""Convenzione: the convention chosen at the top; tabs for the budget plan (lines, variations,
whether the lines add up to the total), the expenditure register (filters, flags, totals per
line, export) and the payment requests. Money is coordinatore/admin (and auditors read-only);
an operatore sees why the area is closed to them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.services import clock, money
from tit_desktop.services.convention import (
    budget,
    conventions,
    deadlines,
    expenditures,
    payment_requests,
    staff,
)
from tit_desktop.services.errors import ServiceError
from tit_desktop.services.permissions import Permission
from tit_desktop.ui import file_dialogs, questions
from tit_desktop.ui.background import run_in_background
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.convention_dialogs import (
    ConventionDialog,
    DeadlineDialog,
    DeadlineDoneDialog,
    ExpenditureDialog,
    LineDialog,
    ReopenMonthDialog,
    StaffCostDialog,
    VariationDialog,
    month_label,
)
from tit_desktop.ui.dates import DateField, InvalidInput
from tit_desktop.ui.errors import handle_error, show_service_error
from tit_desktop.ui.form_guard import FormGuard, Settled
from tit_desktop.ui.lazy_table import KeyTableModel, LazyColumn
from tit_desktop.ui.signals import app_signals, notify_changed
from tit_desktop.ui.table_models import Column, ListTableModel
from tit_desktop.ui.timesheet_grid import TimesheetGrid, TimesheetGridModel


def _eur(value: Decimal | None) -> str:
    return "" if value is None else money.format_amount(value)


def _pct(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.1f}".replace(".", ",") + "%"


def _date(value: dt.date | None) -> str:
    return "" if value is None else value.strftime("%d/%m/%Y")


def _table(model: object, stretch: int = -1) -> QTableView:
    """A read-only table; ``stretch`` is the column that takes the spare width (the last
    one by default; the name column when the last one holds a number)."""
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch < 0:
        view.horizontalHeader().setStretchLastSection(True)
    else:
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


LINE_COLUMNS: list[Column[budget.LineTotal]] = [
    Column("Voce", lambda r: r.name),
    Column("Azione", lambda r: r.action or ""),
    Column("Categoria", lambda r: budget.CATEGORY_LABELS[r.category]),
    Column("Previsto", lambda r: _eur(r.planned), align_right=True),
    Column("Speso (ammissibile)", lambda r: _eur(r.spent), align_right=True),
    Column("Residuo", lambda r: _eur(r.remaining), align_right=True),
    Column("%", lambda r: _pct(r.percent), align_right=True),
    Column("Spese", lambda r: r.count, align_right=True),
    Column("", lambda r: "oltre il previsto" if r.over_budget else ""),
]

VARIATION_COLUMNS: list[Column[budget.VariationRow]] = [
    Column("Data", lambda r: _date(r.varied_on)),
    Column("Voce", lambda r: r.line_name),
    Column("Prima", lambda r: _eur(r.amount_before), align_right=True),
    Column("Dopo", lambda r: _eur(r.amount_after), align_right=True),
    Column("Motivo", lambda r: r.reason),
]

EXPENDITURE_COLUMNS: list[LazyColumn[expenditures.ExpenditureRow]] = [
    LazyColumn("Data", lambda r: _date(r.document_date), "date"),
    LazyColumn("Documento", lambda r: f"{r.document_type} {r.number}", "number"),
    LazyColumn("Fornitore", lambda r: r.supplier_name, "supplier"),
    LazyColumn("Voce", lambda r: r.line_name, "line"),
    LazyColumn("Importo", lambda r: _eur(r.amount), "amount", align_right=True),
    LazyColumn("Ammissibile", lambda r: _eur(r.eligible), "eligible", align_right=True),
    LazyColumn("Segnalazioni", lambda r: r.flags_text),
    LazyColumn(
        "Stato",
        lambda r: ", ".join(
            part
            for part in (
                "bloccata" if r.locked else "",
                "da pagamento" if r.derived else "",
            )
            if part
        ),
    ),
    LazyColumn("Pagata", lambda r: _date(r.paid_on), "paid_on"),
    LazyColumn("CF/P.IVA", lambda r: r.supplier_tax_code or ""),
]

REQUEST_LINE_COLUMNS: list[Column[payment_requests.RequestLine]] = [
    Column("Voce", lambda r: r.name),
    Column("Previsto", lambda r: _eur(r.planned), align_right=True),
    Column("Già richiesto", lambda r: _eur(r.previous), align_right=True),
    Column("Questa domanda", lambda r: _eur(r.this), align_right=True),
    Column("Speso", lambda r: _eur(r.spent), align_right=True),
    Column("Residuo", lambda r: _eur(r.remaining), align_right=True),
    Column("%", lambda r: _pct(r.percent), align_right=True),
]

REQUEST_COLUMNS: list[Column[payment_requests.RequestSummary]] = [
    Column("N.", lambda r: r.number, align_right=True),
    Column("Periodo", lambda r: f"{_date(r.period_from)} - {_date(r.period_to)}"),
    Column("Presentata il", lambda r: _date(r.submitted_on)),
    Column("Protocollo", lambda r: r.protocol or ""),
    Column("Importo", lambda r: _eur(r.total), align_right=True),
    Column("Spese", lambda r: r.count, align_right=True),
    Column("Stato", lambda r: "sbloccata" if r.unlocked else "presentata"),
]


class BudgetTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.convention_id: int | None = None
        layout = QVBoxLayout(self)
        self.balance = QLabel()
        self.balance.setObjectName("budget_balance")
        self.balance.setWordWrap(True)
        layout.addWidget(self.balance)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Nuova &voce…"))
        self.edit_button = QPushButton(self.tr("&Modifica voce…"))
        self.vary_button = QPushButton(self.tr("R&imodula…"))
        for button in (self.new_button, self.edit_button, self.vary_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.lines = ListTableModel(LINE_COLUMNS, self)
        self.lines_view = _table(self.lines, stretch=0)
        self.lines_view.doubleClicked.connect(lambda _i: self._edit())
        layout.addWidget(self.lines_view, 3)
        layout.addWidget(QLabel(f"<b>{self.tr('Rimodulazioni (storico)')}</b>"))
        self.variations = ListTableModel(VARIATION_COLUMNS, self)
        layout.addWidget(_table(self.variations), 2)
        self.new_button.clicked.connect(self._new)
        self.edit_button.clicked.connect(self._edit)
        self.vary_button.clicked.connect(self._vary)
        can_write = ctx.actor.can(Permission.WRITE_MONEY)
        self.new_button.setVisible(can_write)
        self.vary_button.setVisible(can_write)
        if not can_write:
            self.edit_button.setText(self.tr("&Apri voce…"))

    def set_convention(self, convention_id: int | None) -> None:
        self.convention_id = convention_id
        self.refresh()

    def refresh(self) -> None:
        if self.convention_id is None:
            self.lines.set_rows([])
            self.variations.set_rows([])
            self.balance.clear()
            return
        with self.ctx.db.reading() as session:
            summary = budget.budget(session, self.ctx.actor, self.convention_id)
            history = budget.variations(session, self.ctx.actor, self.convention_id)
        self.lines.set_rows(summary.lines)
        self.variations.set_rows(history)
        text = self.tr(
            "Totale convenzione {0} EUR; somma delle voci {1} EUR; speso {2} EUR"
        ).format(_eur(summary.total), _eur(summary.planned), _eur(summary.spent))
        if summary.balanced:
            self.balance.setStyleSheet("")
            self.balance.setText(text)
        else:
            self.balance.setStyleSheet("color: #b00020; font-weight: bold;")
            self.balance.setText(
                text
                + "\n"
                + self.tr("Le voci non corrispondono al totale: differenza {0} EUR.").format(
                    _eur(summary.difference)
                )
            )

    def _selected(self) -> budget.LineTotal | None:
        rows = self.lines_view.selectionModel().selectedRows()
        return self.lines.row_at(rows[0].row()) if rows else None

    def _new(self) -> None:
        if self.convention_id is None:
            return
        dialog = LineDialog(self.ctx, self.convention_id, parent=self)
        if dialog.exec():
            self.refresh()

    def _edit(self) -> None:
        line = self._selected()
        if line is None or self.convention_id is None:
            return
        dialog = LineDialog(self.ctx, self.convention_id, line, parent=self)
        if dialog.exec():
            self.refresh()

    def _vary(self) -> None:
        line = self._selected()
        if line is None:
            return
        dialog = VariationDialog(self.ctx, line, parent=self)
        if dialog.exec():
            self.refresh()


class ExpendituresTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.convention_id: int | None = None
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cerca fornitore, numero, CF/P.IVA"))
        self.line_filter = QComboBox()
        self.date_from = DateField()
        self.date_to = DateField()
        self.flagged = QCheckBox(self.tr("Solo segnalate"))
        filters.addWidget(self.search, 2)
        filters.addWidget(QLabel(self.tr("Voce")))
        filters.addWidget(self.line_filter, 1)
        filters.addWidget(QLabel(self.tr("Dal")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("al")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.flagged)
        layout.addLayout(filters)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&Nuova spesa…"))
        self.open_button = QPushButton(self.tr("A&pri…"))
        self.delete_button = QPushButton(self.tr("&Elimina…"))
        self.export_button = QPushButton(self.tr("Esp&orta…"))
        for button in (self.new_button, self.open_button, self.delete_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.model: KeyTableModel[expenditures.ExpenditureRow] = KeyTableModel(
            EXPENDITURE_COLUMNS, self._load_keys, self._fetch, "date", self
        )
        self.view = _table(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        for column, width in enumerate((90, 150, 230, 230, 100, 100, 140, 90, 90)):
            self.view.setColumnWidth(column, width)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.doubleClicked.connect(self._open_index)
        layout.addWidget(self.view, 1)
        self.totals = QLabel()
        self.totals.setObjectName("register_totals")
        self.totals.setWordWrap(True)
        layout.addWidget(self.totals)
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.line_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.flagged.toggled.connect(lambda _c: self.refresh())
        self.date_from.editingFinished.connect(self.refresh)
        self.date_to.editingFinished.connect(self.refresh)
        self.new_button.clicked.connect(self._new)
        self.open_button.clicked.connect(self._open)
        self.delete_button.clicked.connect(self._delete)
        self.export_button.clicked.connect(self._export)
        can_write = ctx.actor.can(Permission.WRITE_MONEY)
        self.new_button.setVisible(can_write)
        self.delete_button.setVisible(can_write)
        self.export_button.setVisible(ctx.actor.can(Permission.EXPORT_DATA))

    def set_convention(self, convention_id: int | None) -> None:
        self.convention_id = convention_id
        self.line_filter.blockSignals(True)
        self.line_filter.clear()
        self.line_filter.addItem(self.tr("tutte"), None)
        if convention_id is not None:
            with self.ctx.db.reading() as session:
                for line_id, name in budget.lines_of(session, self.ctx.actor, convention_id):
                    self.line_filter.addItem(name, line_id)
        self.line_filter.blockSignals(False)
        self.refresh()

    def current_filter(self) -> expenditures.ExpenditureFilter | None:
        if self.convention_id is None:
            return None
        try:
            start, end = self.date_from.date(), self.date_to.date()
        except InvalidInput:
            start = end = None
        return expenditures.ExpenditureFilter(
            self.convention_id,
            line_id=self.line_filter.currentData(),
            date_from=start,
            date_to=end,
            text=self.search.text(),
            flagged_only=self.flagged.isChecked(),
        )

    def _load_keys(self, sort: str, descending: bool) -> list[int]:
        flt = self.current_filter()
        if flt is None:
            return []
        with self.ctx.db.reading() as session:
            return expenditures.keys(session, self.ctx.actor, flt, sort, descending)

    def _fetch(self, keys: object) -> dict[int, expenditures.ExpenditureRow]:
        with self.ctx.db.reading() as session:
            return expenditures.rows(session, self.ctx.actor, list(keys))  # type: ignore[call-overload]

    def refresh(self) -> None:
        self.model.reload()
        flt = self.current_filter()
        if flt is None:
            self.totals.clear()
            return
        with self.ctx.db.reading() as session:
            totals = expenditures.totals(session, self.ctx.actor, flt)
        per_line = "; ".join(
            f"{name}: {_eur(eligible)}" for name, _n, _a, eligible in totals.by_line
        )
        self.totals.setText(
            self.tr("{0} spese, importo {1} EUR, ammissibile {2} EUR").format(
                totals.count, _eur(totals.amount), _eur(totals.eligible)
            )
            + (f"\n{self.tr('Per voce')}: {per_line}" if per_line else "")
        )

    def _selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.key_at(rows[0].row()) if rows else None

    def _new(self) -> None:
        if self.convention_id is None:
            return
        if ExpenditureDialog(self.ctx, self.convention_id, parent=self).exec():
            self.refresh()

    def _open_index(self, index: QModelIndex) -> None:
        self._open_id(self.model.key_at(index.row()))

    def _open(self) -> None:
        key = self._selected_id()
        if key is not None:
            self._open_id(key)

    def _open_id(self, key: int) -> None:
        if self.convention_id is None:
            return
        try:
            dialog = ExpenditureDialog(self.ctx, self.convention_id, key, parent=self)
        except ServiceError as exc:
            show_service_error(self, exc)
            return
        if dialog.exec():
            self.refresh()

    def _delete(self) -> None:
        key = self._selected_id()
        if key is None:
            return
        try:
            with self.ctx.db.reading() as session:
                row = expenditures.get_row(session, self.ctx.actor, key)
            if not questions.confirm(
                self,
                self.tr("Eliminare la spesa?"),
                self.tr("La spesa {0} di {1} ({2} EUR) sarà eliminata dal registro.").format(
                    row.number, row.supplier_name, _eur(row.amount)
                ),
                self.tr("Elimina"),
            ):
                return
            with self.ctx.db.transaction(self.ctx.actor) as session:
                expenditures.delete_expenditure(session, self.ctx.actor, key, row.version)
        except ServiceError as exc:
            show_service_error(self, exc)
            return
        notify_changed("expenditure")
        self.refresh()

    def _export(self) -> None:
        flt = self.current_filter()
        if flt is None:
            return
        path, _ = file_dialogs.save_file(
            self, self.tr("Esporta il registro delle spese"), "spese.xlsx", "Excel (*.xlsx)"
        )
        if path is None:
            return
        db, actor = self.ctx.db, self.ctx.actor

        def work(_progress: object) -> int:
            with db.transaction(actor) as session:
                return expenditures.export_register(session, actor, flt, path)

        run_in_background(
            self,
            work,
            lambda count: questions_info(
                self, self.tr("Esportate {0} spese in {1}").format(count, path)
            ),
            lambda exc: handle_error(self, exc),
            progress=self.tr("Esportazione del registro…"),
        )


def questions_info(parent: QWidget, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, parent.tr("Fatto"), text)


class PaymentRequestsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.convention_id: int | None = None
        self.figures: payment_requests.RequestFigures | None = None
        layout = QVBoxLayout(self)
        period = QHBoxLayout()
        self.date_from = DateField()
        self.date_to = DateField()
        self.compute_button = QPushButton(self.tr("&Calcola"))
        self.pdf_button = QPushButton(self.tr("&PDF…"))
        self.xlsx_button = QPushButton(self.tr("&XLSX…"))
        self.submit_button = QPushButton(self.tr("Presenta e b&locca…"))
        period.addWidget(QLabel(self.tr("Periodo dal")))
        period.addWidget(self.date_from)
        period.addWidget(QLabel(self.tr("al")))
        period.addWidget(self.date_to)
        for button in (self.compute_button, self.pdf_button, self.xlsx_button, self.submit_button):
            period.addWidget(button)
        period.addStretch(1)
        layout.addLayout(period)
        self.summary = QLabel()
        self.summary.setObjectName("request_summary")
        layout.addWidget(self.summary)
        self.lines = ListTableModel(REQUEST_LINE_COLUMNS, self)
        layout.addWidget(_table(self.lines, stretch=0), 2)
        layout.addWidget(QLabel(f"<b>{self.tr('Domande presentate')}</b>"))
        self.requests = ListTableModel(REQUEST_COLUMNS, self)
        self.requests_view = _table(self.requests)
        layout.addWidget(self.requests_view, 1)
        unlock_row = QHBoxLayout()
        # The documents of a request already presented, with its number and protocol: what
        # is sent to the Ministry (the buttons above print the period being prepared).
        self.request_pdf_button = QPushButton(self.tr("PDF della do&manda…"))
        self.request_xlsx_button = QPushButton(self.tr("XLSX della doma&nda…"))
        self.unlock_button = QPushButton(self.tr("Sbl&occa domanda…"))
        for button in (self.request_pdf_button, self.request_xlsx_button, self.unlock_button):
            unlock_row.addWidget(button)
        unlock_row.addStretch(1)
        layout.addLayout(unlock_row)
        self.compute_button.clicked.connect(self.compute)
        self.pdf_button.clicked.connect(lambda: self._write("pdf"))
        self.xlsx_button.clicked.connect(lambda: self._write("xlsx"))
        self.request_pdf_button.clicked.connect(lambda: self._write_request("pdf"))
        self.request_xlsx_button.clicked.connect(lambda: self._write_request("xlsx"))
        self.submit_button.clicked.connect(self._submit)
        self.unlock_button.clicked.connect(self._unlock)
        self.requests_view.selectionModel().selectionChanged.connect(lambda *_a: self._sync())
        self.submit_button.setVisible(ctx.actor.can(Permission.WRITE_MONEY))
        self.unlock_button.setVisible(ctx.actor.can(Permission.UNLOCK_PAYMENT_REQUEST))
        # The annex names payees: printing or saving it is for the roles that export data.
        can_export = ctx.actor.can(Permission.EXPORT_DATA)
        for button in (
            self.pdf_button,
            self.xlsx_button,
            self.request_pdf_button,
            self.request_xlsx_button,
        ):
            button.setVisible(can_export)
        self._sync()

    def set_convention(self, convention_id: int | None) -> None:
        self.convention_id = convention_id
        self.figures = None
        self.lines.set_rows([])
        self.summary.clear()
        self.refresh()

    def refresh(self) -> None:
        if self.convention_id is None:
            self.requests.set_rows([])
        else:
            with self.ctx.db.reading() as session:
                self.requests.set_rows(
                    payment_requests.requests_of(session, self.ctx.actor, self.convention_id)
                )
        self._sync()

    def _sync(self) -> None:
        ready = self.figures is not None
        for button in (self.pdf_button, self.xlsx_button, self.submit_button):
            button.setEnabled(ready)
        chosen = self._chosen_request() is not None
        for button in (self.request_pdf_button, self.request_xlsx_button, self.unlock_button):
            button.setEnabled(chosen)

    def _chosen_request(self) -> payment_requests.RequestSummary | None:
        rows = self.requests_view.selectionModel().selectedRows()
        return self.requests.row_at(rows[0].row()) if rows else None

    def compute(self) -> None:
        if self.convention_id is None:
            return
        try:
            start, end = self.date_from.date(), self.date_to.date()
            with self.ctx.db.reading() as session:
                self.figures = payment_requests.preview(
                    session, self.ctx.actor, self.convention_id, start, end
                )
        except InvalidInput as exc:
            questions_info(self, str(exc))
            return
        except ServiceError as exc:
            show_service_error(self, exc)
            return
        self.lines.set_rows(self.figures.lines)
        self.summary.setText(
            self.tr("{0} spese ammissibili; importo richiesto {1} EUR").format(
                len(self.figures.annex), _eur(self.figures.total)
            )
        )
        self._sync()

    def _write(self, kind: str) -> None:
        if self.figures is not None:
            self._save_documents(self.figures, kind)

    def _write_request(self, kind: str) -> None:
        request = self._chosen_request()
        if request is None:
            return
        try:
            with self.ctx.db.reading() as session:
                figures = payment_requests.request_figures(session, self.ctx.actor, request.id)
        except ServiceError as exc:
            show_service_error(self, exc)
            return
        self._save_documents(figures, kind)

    def _save_documents(self, figures: payment_requests.RequestFigures, kind: str) -> None:
        which = f"n{figures.number}-" if figures.number is not None else ""
        name = f"domanda-rimborso-{figures.short_name}-{which}{figures.period_from:%Y%m%d}.{kind}"
        path, _ = file_dialogs.save_file(
            self,
            self.tr("Salva la domanda di rimborso"),
            name,
            "PDF (*.pdf)" if kind == "pdf" else "Excel (*.xlsx)",
        )
        if path is None:
            return
        db, actor = self.ctx.db, self.ctx.actor

        def work(_progress: object) -> Path:
            with db.transaction(actor) as session:
                payment_requests.export_documents(
                    session,
                    actor,
                    figures,
                    path if kind == "pdf" else None,
                    path if kind == "xlsx" else None,
                )
            return path

        run_in_background(
            self,
            work,
            lambda written: questions_info(self, self.tr("Scritto {0}").format(written)),
            lambda exc: handle_error(self, exc),
            progress=self.tr("Preparazione della domanda…"),
        )

    def _submit(self) -> None:
        figures = self.figures
        if figures is None or self.convention_id is None:
            return
        if not questions.confirm(
            self,
            self.tr("Presentare la domanda?"),
            self.tr(
                "Le {0} spese incluse ({1} EUR) saranno bloccate: solo l'amministratore potrà "
                "sbloccarle."
            ).format(len(figures.annex), _eur(figures.total)),
            self.tr("Presenta e blocca"),
        ):
            return
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                request_id = payment_requests.submit(
                    session,
                    self.ctx.actor,
                    self.convention_id,
                    figures.period_from,
                    figures.period_to,
                )
            with self.ctx.db.reading() as session:
                submitted = payment_requests.request_figures(session, self.ctx.actor, request_id)
        except ServiceError as exc:
            show_service_error(self, exc)
            return
        notify_changed("payment_request", "expenditure")
        self.compute()
        self.refresh()
        protocol = submitted.protocol.cited if submitted.protocol else "—"
        text = self.tr("Domanda n. {0} presentata, protocollo n. {1}.").format(
            submitted.number, protocol
        )
        if not self.ctx.actor.can(Permission.EXPORT_DATA):
            questions_info(self, text)
            return
        if questions.confirm(
            self,
            self.tr("Domanda presentata"),
            text + " " + self.tr("Salvare ora il PDF da inviare?"),
            self.tr("Salva il PDF…"),
            self.tr("Più tardi"),
        ):
            self._save_documents(submitted, "pdf")

    def _unlock(self) -> None:
        request = self._chosen_request()
        if request is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Sblocca la domanda n. {0}").format(request.number),
            self.tr("Motivo dello sblocco (resta nel registro delle attività):"),
        )
        if not ok:
            return
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                payment_requests.unlock(session, self.ctx.actor, request.id, reason)
        except ServiceError as exc:
            show_service_error(self, exc)
            return
        notify_changed("payment_request", "expenditure")
        self.refresh()


DEADLINE_COLUMNS: list[Column[deadlines.DeadlineRow]] = [
    Column("Scadenza", lambda r: _date(r.due_on)),
    Column("Adempimento", lambda r: r.title),
    Column("Stato", lambda r: r.state(clock.today())),
    Column("Preavviso", lambda r: f"{r.remind_days} gg", align_right=True),
    Column("Documento prodotto", lambda r: r.done_document or ""),
]


class DeadlinesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.convention_id: int | None = None
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&Nuova scadenza…"))
        self.quarterly_button = QPushButton(self.tr("&Monitoraggi trimestrali"))
        self.quarterly_button.setToolTip(
            self.tr("Una scadenza per trimestre della convenzione, 30 giorni dopo la fine")
        )
        self.done_button = QPushButton(self.tr("Se&gna come fatta…"))
        for button in (self.new_button, self.quarterly_button, self.done_button):
            buttons.addWidget(button)
            button.setVisible(ctx.actor.can(Permission.WRITE_MONEY))
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.model = ListTableModel(DEADLINE_COLUMNS, self)
        self.view = _table(self.model)
        layout.addWidget(self.view, 1)
        self.new_button.clicked.connect(self._new)
        self.quarterly_button.clicked.connect(self._quarterly)
        self.done_button.clicked.connect(self._done)

    def set_convention(self, convention_id: int | None) -> None:
        self.convention_id = convention_id
        self.refresh()

    def refresh(self) -> None:
        if self.convention_id is None:
            self.model.set_rows([])
            return
        with self.ctx.db.reading() as session:
            self.model.set_rows(deadlines.deadlines(session, self.ctx.actor, self.convention_id))

    def _write(self, action: object) -> None:
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                action(session)  # type: ignore[operator]
        except ServiceError as exc:
            show_service_error(self, exc)
            return
        notify_changed("deadline")
        self.refresh()

    def _new(self) -> None:
        convention_id = self.convention_id
        if convention_id is None:
            return
        dialog = DeadlineDialog(self.ctx, convention_id, parent=self)
        if dialog.exec():
            self.refresh()

    def _quarterly(self) -> None:
        convention_id = self.convention_id
        if convention_id is not None:
            self._write(
                lambda session: deadlines.add_quarterly_monitoring(
                    session, self.ctx.actor, convention_id
                )
            )

    def _done(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        dialog = DeadlineDoneDialog(self.ctx, self.model.row_at(rows[0].row()), parent=self)
        if dialog.exec():
            self.refresh()


class _GridGuard(FormGuard):
    """The hours typed in the grid and not saved: the grid's model knows them (the form's
    own inputs, the person and the month, are choices, not edits). Asking brings the tab to
    the front first, so that the question is about what the user sees."""

    def __init__(self, tab: StaffTab) -> None:
        super().__init__(tab, save=tab.save)
        self._tab = tab

    def mark_clean(self) -> None:
        self._baseline = {}

    def is_dirty(self) -> bool:
        return self.enabled and self._tab.grid_model.is_dirty()

    def settle(self) -> Settled:
        if self.is_dirty():
            self._tab.bring_to_front()
        outcome = super().settle()
        self.enabled = not self._tab.grid_model.read_only
        return outcome


class StaffTab(QWidget):
    """Staff costs and the monthly timesheet: a grid of hours per day and action of the
    convention, saved all at once; printable for signature; closing the month posts its
    cost as an expenditure, reopening it (with a reason) takes the cost back."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.convention_id: int | None = None
        self.convention_name = ""
        self.sheet: staff.Timesheet | None = None
        self.can_write = ctx.actor.can(Permission.WRITE_MONEY)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.person = QComboBox()
        self.person.setMinimumWidth(220)
        self.previous_month = QToolButton()
        self.previous_month.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_month.setToolTip(self.tr("Mese precedente"))
        self.month = QComboBox()
        self.month.setObjectName("timesheet_month")
        self.month.setMinimumWidth(150)
        self.next_month = QToolButton()
        self.next_month.setArrowType(Qt.ArrowType.RightArrow)
        self.next_month.setToolTip(self.tr("Mese successivo"))
        person_label = QLabel(self.tr("&Operatore"))
        person_label.setBuddy(self.person)
        month_label_ = QLabel(self.tr("M&ese"))
        month_label_.setBuddy(self.month)
        top.addWidget(person_label)
        top.addWidget(self.person)
        top.addSpacing(12)
        top.addWidget(month_label_)
        top.addWidget(self.previous_month)
        top.addWidget(self.month)
        top.addWidget(self.next_month)
        top.addStretch(1)
        layout.addLayout(top)
        buttons = QHBoxLayout()
        self.cost_button = QPushButton(self.tr("Costo a&nnuo…"))
        self.save_button = QPushButton(self.tr("Sal&va le ore"))
        self.revert_button = QPushButton(self.tr("Annulla le modifiche"))
        self.print_button = QPushButton(self.tr("Stam&pa timesheet…"))
        self.close_button = QPushButton(self.tr("&Chiudi il mese…"))
        self.reopen_button = QPushButton(self.tr("R&iapri il mese…"))
        for button in (
            self.cost_button,
            self.save_button,
            self.revert_button,
            self.print_button,
            self.close_button,
            self.reopen_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.summary = QLabel()
        self.summary.setObjectName("timesheet_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.notice = QLabel()
        self.notice.setObjectName("timesheet_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a5a00;")
        self.notice.hide()
        layout.addWidget(self.notice)
        self.grid_model = TimesheetGridModel(self)
        self.grid = TimesheetGrid(self.grid_model)
        layout.addWidget(self.grid, 1)
        self.legend = QLabel(
            self.tr(
                "Ore come 7:30, 7,5 o 7; Canc svuota la cella. In grigio sabati, domeniche e "
                "festivi; in giallo le celle da salvare, in rosso quelle da correggere."
            )
        )
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #555;")
        layout.addWidget(self.legend)
        for button in (
            self.cost_button,
            self.save_button,
            self.revert_button,
            self.close_button,
            self.reopen_button,
        ):
            button.setVisible(self.can_write)
        self.legend.setVisible(self.can_write)
        self.print_button.setVisible(ctx.actor.can(Permission.EXPORT_DATA))
        with ctx.db.reading() as session:
            for staff_id, name in staff.staff_members(session, ctx.actor):
                self.person.addItem(name, staff_id)
        self._shown: tuple[int, int] = (self.person.currentIndex(), -1)
        self.guard = _GridGuard(self)
        self.person.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.month.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.previous_month.clicked.connect(lambda: self._step_month(-1))
        self.next_month.clicked.connect(lambda: self._step_month(1))
        self.grid_model.edited.connect(self._edited)
        self.cost_button.clicked.connect(self._cost)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self._revert)
        self.print_button.clicked.connect(self._print)
        self.close_button.clicked.connect(self._close_month)
        self.reopen_button.clicked.connect(self._reopen_month)

    # --- the person and the month -------------------------------------------------------

    def set_convention(self, convention_id: int | None, name: str = "") -> None:
        if convention_id == self.convention_id and self.grid_model.is_dirty():
            self.convention_name = name  # the same convention saved again: keep the hours
            return
        self.convention_id = convention_id
        self.convention_name = name
        months: list[dt.date] = []
        if convention_id is not None:
            with self.ctx.db.reading() as session:
                months = staff.convention_months(session, self.ctx.actor, convention_id)
        wanted = self._month() or staff.month_start(clock.today())
        self.month.blockSignals(True)
        self.month.clear()
        for month in months:
            self.month.addItem(month_label(month), month)
        if months:
            nearest = min(months, key=lambda m: abs((m - wanted).days))
            self.month.setCurrentIndex(months.index(nearest))
        self.month.blockSignals(False)
        self._shown = (self.person.currentIndex(), self.month.currentIndex())
        self.refresh()

    def _month(self) -> dt.date | None:
        value = self.month.currentData()
        return value if isinstance(value, dt.date) else None

    def show_month(self, month: dt.date) -> bool:
        """Choose ``month`` (asking about unsaved hours first); False when it is not a
        month of the convention or the user stayed."""
        wanted = staff.month_start(month)
        found = [i for i in range(self.month.count()) if self.month.itemData(i) == wanted]
        if not found:
            return False
        index = found[0]
        self.month.setCurrentIndex(index)
        return self.month.currentIndex() == index

    def _step_month(self, step: int) -> None:
        index = self.month.currentIndex() + step
        if 0 <= index < self.month.count():
            self.month.setCurrentIndex(index)

    def _choice_changed(self) -> None:
        """Another person or month: unsaved hours are asked about first; "Annulla" puts
        the previous choice back."""
        chosen = (self.person.currentIndex(), self.month.currentIndex())
        if chosen == self._shown:
            return
        if self.settle() is Settled.STAY:
            for combo, index in ((self.person, self._shown[0]), (self.month, self._shown[1])):
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
            self._sync_buttons()
            return
        self._shown = chosen
        self.refresh()

    def settle(self) -> Settled:
        """Before the hours shown are replaced: CLOSE (nothing to keep, or discarded: the
        grid shows what is saved again), SAVED, or STAY (the user cancelled, or the save
        failed)."""
        outcome = self.guard.settle()
        if outcome is Settled.CLOSE and self.grid_model.is_dirty():
            self.refresh()
        return outcome

    def bring_to_front(self) -> None:
        """Show this tab, and the window's Convenzione area, so that a question about its
        hours is understood."""
        window = self.window()
        parent = self.parentWidget()
        while parent is not None:
            if isinstance(parent, QTabWidget):
                for index in range(parent.count()):
                    page = parent.widget(index)
                    if page is self or page.isAncestorOf(self):
                        parent.setCurrentIndex(index)
            area = parent.objectName().removeprefix("page_")
            if parent.objectName().startswith("page_") and hasattr(window, "show_area"):
                window.show_area(area)
            parent = parent.parentWidget()

    # --- loading, editing, saving -------------------------------------------------------

    def refresh(self) -> None:
        staff_id, month = self.person.currentData(), self._month()
        if self.convention_id is None or staff_id is None or month is None:
            self.sheet = None
            self.grid_model.load(None, read_only=True)
            self.summary.setText(
                self.tr("Nessun operatore: aggiungerne uno tra le anagrafiche.")
                if staff_id is None
                else self.tr("Scegliere l'operatore e il mese.")
            )
            self.notice.hide()
            self._sync_buttons()
            return
        with self.ctx.db.reading() as session:
            sheet = staff.timesheet(session, self.ctx.actor, staff_id, self.convention_id, month)
        self.sheet = sheet
        read_only = sheet.closed or not self.can_write
        self.grid_model.load(sheet, read_only=read_only)
        self.guard.enabled = not read_only
        if sheet.closed:
            self.notice.setText(
                self.tr(
                    "Mese chiuso: il costo è registrato tra le spese e le ore non si possono "
                    "cambiare."
                )
                + (self.tr(" Per correggerle, «Riapri il mese…».") if self.can_write else "")
            )
            self.notice.show()
        elif not self.can_write:
            self.notice.setText(
                self.tr("Sola lettura: il ruolo non permette di modificare le ore.")
            )
            self.notice.show()
        else:
            self.notice.hide()
        self._update_summary()
        self._sync_buttons()

    def _update_summary(self) -> None:
        sheet = self.sheet
        if sheet is None:
            return
        total = self.grid_model.total()
        text = self.tr("Totale {0} ore").format(staff.format_minutes(total))
        if sheet.hourly is None:
            text += self.tr("; costo annuo {0} non indicato").format(sheet.month.year)
        else:
            text += self.tr("; costo orario {0} EUR; costo del mese {1} EUR").format(
                _eur(sheet.hourly), _eur(staff.cost_of(total, sheet.hourly))
            )
        if sheet.closed:
            text += self.tr(" — mese chiuso")
        if self.grid_model.is_dirty():
            text += self.tr(" (con le modifiche non ancora salvate)")
        invalid = self.grid_model.invalid_cells()
        if invalid:
            # The first cell to correct, said in words: the red colour alone does not say why.
            (day, action), reason = min(invalid.items(), key=lambda item: item[0])
            text += "\n" + self.tr("Da correggere: {0}, {1}: {2}").format(
                f"{day:%d/%m}", action, reason
            )
            if len(invalid) > 1:
                text += self.tr(" (e altre {0} celle)").format(len(invalid) - 1)
        self.summary.setText(text)

    def _edited(self) -> None:
        self._update_summary()
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        sheet = self.sheet
        dirty = self.grid_model.is_dirty()
        has_month = sheet is not None
        closed = bool(sheet and sheet.closed)
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.cost_button.setEnabled(has_month)
        self.print_button.setEnabled(has_month)
        self.close_button.setEnabled(has_month and not closed)
        self.reopen_button.setEnabled(closed)
        index = self.month.currentIndex()
        self.previous_month.setEnabled(index > 0)
        self.next_month.setEnabled(0 <= index < self.month.count() - 1)

    def save(self) -> bool:
        """Write every changed cell in one transaction (all or none)."""
        sheet = self.sheet
        changes = self.grid_model.changes()
        if sheet is None or not changes:
            return True
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                staff.record_month(
                    session,
                    self.ctx.actor,
                    sheet.staff_member_id,
                    sheet.convention_id,
                    sheet.month,
                    changes,
                )
        except staff.TimesheetCellsError as exc:
            self.grid_model.show_refusal(exc.cells)
            first = self.grid_model.first_refused()
            if first.isValid():
                self.grid.view.setCurrentIndex(first)
                self.grid.view.scrollTo(first)
            show_service_error(self, exc, self.tr("Ore non salvate"))
            return False
        except ServiceError as exc:
            show_service_error(self, exc, self.tr("Ore non salvate"))
            return False
        notify_changed("timesheet_entry")
        self.refresh()
        return True

    def _revert(self) -> None:
        if not questions.confirm(
            self,
            self.tr("Annullare le modifiche?"),
            self.tr("Le ore scritte e non salvate andranno perse."),
            self.tr("Annulla le modifiche"),
            self.tr("No"),
        ):
            return
        self.refresh()

    def _write(self, action: object) -> bool:
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                action(session)  # type: ignore[operator]
        except ServiceError as exc:
            show_service_error(self, exc)
            return False
        notify_changed("timesheet_entry", "expenditure")
        self.refresh()
        return True

    # --- the month's other actions ------------------------------------------------------

    def _cost(self) -> None:
        staff_id, month = self.person.currentData(), self._month()
        if staff_id is None or month is None:
            return
        dialog = StaffCostDialog(
            self.ctx, staff_id, self.person.currentText(), month.year, parent=self
        )
        if dialog.exec():
            self._update_summary_after_cost()

    def _update_summary_after_cost(self) -> None:
        """The hourly cost changed: the summary follows, the hours typed stay."""
        sheet = self.sheet
        if sheet is None:
            return
        with self.ctx.db.reading() as session:
            cost = staff.staff_cost(
                session, self.ctx.actor, sheet.staff_member_id, sheet.month.year
            )
        self.sheet = dataclasses.replace(sheet, hourly=cost.hourly if cost else None)
        self._update_summary()

    def _print(self) -> None:
        from tit_desktop.ui.print_form import print_document

        month = self._month()
        if month is None or self.person.currentData() is None:
            return
        if self.settle() is Settled.STAY:  # the printed sheet shows what is saved
            return
        print_document(
            self,
            self.ctx,
            "timesheet",
            {
                "staff": self.person.currentText(),
                "month": f"{month:%m/%Y}",
                "convention": self.convention_name,
            },
            f"timesheet-{self.person.currentText()}-{month:%Y-%m}.pdf".replace(" ", "-"),
        )

    def _close_month(self) -> None:
        staff_id, month, convention_id = (
            self.person.currentData(),
            self._month(),
            self.convention_id,
        )
        if staff_id is None or month is None or convention_id is None:
            return
        if self.settle() is Settled.STAY:  # the month closes with what is saved
            return
        if not questions.confirm(
            self,
            self.tr("Chiudere il mese?"),
            self.tr(
                "Il costo del mese {0} sarà registrato come spesa e le ore non si potranno più "
                "cambiare (se non riaprendo il mese)."
            ).format(month_label(month)),
            self.tr("Chiudi il mese"),
        ):
            return
        self._write(
            lambda session: staff.close_month(
                session, self.ctx.actor, staff_id, convention_id, month
            )
        )

    def _reopen_month(self) -> None:
        staff_id, month, convention_id = (
            self.person.currentData(),
            self._month(),
            self.convention_id,
        )
        if staff_id is None or month is None or convention_id is None:
            return
        dialog = ReopenMonthDialog(
            self.ctx, staff_id, self.person.currentText(), convention_id, month, parent=self
        )
        if dialog.exec():
            self.refresh()


class ConventionPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        title_row = QHBoxLayout()
        title_row.addWidget(QLabel(f"<h2>{self.tr('Convenzione')}</h2>"))
        self.chooser = QComboBox()
        self.chooser.setMinimumWidth(320)
        self.chooser.setObjectName("convention_chooser")
        title_row.addWidget(self.chooser)
        self.new_button = QPushButton(self.tr("N&uova convenzione…"))
        self.edit_button = QPushButton(self.tr("&Dati della convenzione…"))
        title_row.addWidget(self.new_button)
        title_row.addWidget(self.edit_button)
        title_row.addStretch(1)
        layout.addLayout(title_row)
        self.denied = QLabel()
        self.denied.setWordWrap(True)
        self.denied.setObjectName("convention_denied")
        layout.addWidget(self.denied)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.tabs = QTabWidget()
        self.budget_tab = BudgetTab(ctx)
        self.expenditures_tab = ExpendituresTab(ctx)
        self.requests_tab = PaymentRequestsTab(ctx)
        self.deadlines_tab = DeadlinesTab(ctx)
        self.staff_tab = StaffTab(ctx) if ctx.actor.can(Permission.READ_MONEY) else None
        self.tabs.addTab(self.budget_tab, self.tr("&Budget"))
        self.tabs.addTab(self.expenditures_tab, self.tr("&Spese"))
        self.tabs.addTab(self.requests_tab, self.tr("Domande di &rimborso"))
        self.tabs.addTab(self.deadlines_tab, self.tr("Scaden&ze"))
        if self.staff_tab is not None:
            self.tabs.addTab(self.staff_tab, self.tr("Personale e &timesheet"))
        layout.addWidget(self.tabs, 1)
        self.new_button.clicked.connect(self._new)
        self.edit_button.clicked.connect(self._edit)
        self._shown_convention: int | None = None
        self.chooser.currentIndexChanged.connect(lambda _i: self._choose())
        app_signals().changed.connect(self._changed)
        if not ctx.actor.can(Permission.READ_MONEY):
            self.denied.setText(
                self.tr(
                    "Il ruolo «{0}» non permette di leggere i dati economici della convenzione: "
                    "l'area è riservata a coordinatori e amministratori (e, in sola lettura, ai "
                    "revisori)."
                ).format(ctx.actor.role_label)
            )
            for widget in (self.chooser, self.new_button, self.edit_button, self.tabs):
                widget.hide()
            return
        self.denied.hide()
        self.new_button.setVisible(ctx.actor.can(Permission.WRITE_MONEY))
        self.reload_conventions()

    def current_id(self) -> int | None:
        value = self.chooser.currentData()
        return int(value) if value is not None else None

    def reload_conventions(self, select: int | None = None) -> None:
        keep = select if select is not None else self.current_id()
        with self.ctx.db.reading() as session:
            found = conventions.list_conventions(session, self.ctx.actor)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for item in found:
            self.chooser.addItem(f"{item.short_name} - {item.title}", item.id)
        index = self.chooser.findData(keep) if keep is not None else 0
        self.chooser.setCurrentIndex(max(index, 0) if found else -1)
        self.chooser.blockSignals(False)
        self.edit_button.setEnabled(bool(found))
        self._chosen()

    def _choose(self) -> None:
        """Another convention chosen: hours typed in the timesheet and not saved are asked
        about first; "Annulla" keeps the convention shown."""
        if (
            self.staff_tab is not None
            and self.current_id() != self._shown_convention
            and self.staff_tab.settle() is Settled.STAY
        ):
            self.chooser.blockSignals(True)
            self.chooser.setCurrentIndex(max(0, self.chooser.findData(self._shown_convention)))
            self.chooser.blockSignals(False)
            return
        self._chosen()

    def _chosen(self) -> None:
        convention_id = self.current_id()
        self._shown_convention = convention_id
        if convention_id is None:
            self.info.setText(self.tr("Nessuna convenzione: crearne una con «Nuova convenzione»."))
        else:
            with self.ctx.db.reading() as session:
                detail = conventions.convention_detail(session, self.ctx.actor, convention_id)
            data = detail.data
            self.info.setText(
                self.tr("CUP {0} · {1} · dal {2} al {3} · importo {4} EUR").format(
                    data.cup,
                    data.funder or self.tr("finanziatore non indicato"),
                    _date(data.starts_on),
                    _date(detail.end),
                    _eur(data.total),
                )
            )
        for tab in (self.budget_tab, self.expenditures_tab, self.requests_tab, self.deadlines_tab):
            tab.set_convention(convention_id)
        if self.staff_tab is not None:
            name = self.chooser.currentText().split(" - ")[0] if convention_id else ""
            self.staff_tab.set_convention(convention_id, name)

    def _new(self) -> None:
        dialog = ConventionDialog(self.ctx, parent=self)
        dialog.saved.connect(lambda new_id: self.reload_conventions(new_id))
        dialog.exec()

    def _edit(self) -> None:
        convention_id = self.current_id()
        if convention_id is None:
            return
        dialog = ConventionDialog(self.ctx, convention_id, parent=self)
        dialog.saved.connect(lambda new_id: self.reload_conventions(new_id))
        dialog.exec()

    def _changed(self, entities: frozenset[str]) -> None:
        if not self.ctx.actor.can(Permission.READ_MONEY):
            return
        if entities & {"budget_line", "budget_variation", "expenditure", "payment_request"}:
            self.budget_tab.refresh()
