"""Famiglie: host families, their hosting agreements, each agreement's contributions ledger
and the month's payment list for the accounts office.

Money (amounts, the ledger, payments, the IBAN) is shown only to the roles that have it
(coordinatore, admin; lettura reads it): the services refuse it to the others anyway, the
screen simply does not offer it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.services import clock, hosting, money
from tit_desktop.services.errors import ServiceError, StaleRecord, ValidationError
from tit_desktop.services.permissions import Permission
from tit_desktop.ui.background import Progress, run_in_background
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.dates import DateField, InvalidInput, YearRule
from tit_desktop.ui.errors import handle_error, show_service_error
from tit_desktop.ui.file_dialogs import save_file
from tit_desktop.ui.form_guard import FormGuard, Settled
from tit_desktop.ui.print_form import print_document
from tit_desktop.ui.questions import confirm
from tit_desktop.ui.signals import app_signals, notify_changed
from tit_desktop.ui.stale_merge import merge_with_colleague
from tit_desktop.ui.table_models import Column, ListTableModel
from tit_desktop.ui.widgets import FieldErrors, set_read_only
from tit_desktop.ui.wording import plural

CHANGED = frozenset({"host_family", "hosting_agreement", "hosting_contribution"})
SEARCH_DELAY_MS = 150


def _date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""


def _eur(value: Decimal | None) -> str:
    return money.format_amount(value) if value is not None else ""


def _table(model: QAbstractItemModel, stretch: int | None = None) -> QTableView:
    """A read-only list; ``stretch``: the column that takes the spare width (a text one,
    not an amount pushed far from its neighbours)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class FamilyTableModel(ListTableModel[hosting.FamilyRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(FAMILY_COLUMNS, parent)


FAMILY_COLUMNS: list[Column[hosting.FamilyRow]] = [
    Column("Famiglia", lambda r: r.name),
    Column("Referente", lambda r: r.contact_person),
    Column("Telefono", lambda r: r.phone),
    Column("Ospiti oggi", lambda r: r.hosting_now, align_right=True),
    Column("Attiva", lambda r: "sì" if r.active else "no"),
    Column("Indirizzo", lambda r: r.address),
    Column("Disponibilità", lambda r: r.availability),
]


class AgreementTableModel(ListTableModel[hosting.AgreementRow]):
    def __init__(self, with_money: bool, parent: QWidget | None = None) -> None:
        columns: list[Column[hosting.AgreementRow]] = [
            Column("Ospite", lambda r: f"{r.person_code} {r.person_name}"),
            Column("Dal", lambda r: _date(r.start_date)),
            Column("Al", lambda r: _date(r.end_date) or "in corso"),
            Column("Tempo", lambda r: r.time),
        ]
        if with_money:
            columns.append(Column("Contributo mensile", lambda r: _eur(r.monthly_amount), True))
        super().__init__(columns, parent)


class LedgerTableModel(ListTableModel[hosting.ContributionRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(LEDGER_COLUMNS, parent)


LEDGER_COLUMNS: list[Column[hosting.ContributionRow]] = [
    Column("Mese", lambda r: hosting.month_text(r.month)),
    Column("Giorni", lambda r: r.days, align_right=True),
    Column("Dovuto", lambda r: _eur(r.amount_due), align_right=True),
    Column("Pagato il", lambda r: _date(r.paid_on) or "da pagare"),
    Column("Importo pagato", lambda r: _eur(r.paid_amount), align_right=True),
]


class PaymentTableModel(ListTableModel[hosting.PaymentLine]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(PAYMENT_COLUMNS, parent)


PAYMENT_COLUMNS: list[Column[hosting.PaymentLine]] = [
    Column("Famiglia", lambda r: r.family),
    Column("Referente", lambda r: r.contact_person),
    Column("IBAN", lambda r: hosting.iban_grouped(r.iban)),
    Column("Ospite", lambda r: f"{r.person_code} {r.person_name}"),
    Column("Tempo", lambda r: r.time),
    Column("Giorni", lambda r: r.days, align_right=True),
    Column("Dovuto", lambda r: _eur(r.amount_due), align_right=True),
    Column("Pagato il", lambda r: _date(r.paid_on) or "da pagare"),
    Column("Importo pagato", lambda r: _eur(r.paid_amount), align_right=True),
]


# =========================================================================== the page


class FamiliesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.with_money = ctx.actor.can(Permission.READ_MONEY)
        writable = ctx.actor.can(Permission.WRITE_REGISTRY)
        layout = QVBoxLayout(self)
        title_row = QHBoxLayout()
        title_row.addWidget(QLabel(f"<h2>{self.tr('Famiglie ospitanti')}</h2>"))
        title_row.addStretch(1)
        self.new_button = QPushButton(self.tr("&Nuova famiglia"))
        self.open_button = QPushButton(self.tr("A&pri famiglia"))
        self.payments_button = QPushButton(self.tr("Pagamenti del &mese…"))
        self.payments_button.setToolTip(
            self.tr("Elenco dei contributi di un mese per l'ufficio ragioneria (PDF e XLSX)")
        )
        self.defaults_button = QPushButton(self.tr("Contributi pre&definiti…"))
        self.defaults_button.setToolTip(
            self.tr("Il contributo mensile che una nuova accoglienza riceve, per tempo")
        )
        for button in (
            self.new_button,
            self.open_button,
            self.payments_button,
            self.defaults_button,
        ):
            title_row.addWidget(button)
        self.defaults_button.setVisible(ctx.actor.can(Permission.WRITE_MONEY))
        self.new_button.setVisible(writable)
        self.payments_button.setVisible(self.with_money)
        layout.addLayout(title_row)

        search_row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("family_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Cerca per nome, referente, indirizzo o componenti"))
        self.inactive = QCheckBox(self.tr("Anche le famiglie non attive"))
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.inactive)
        layout.addLayout(search_row)
        self.summary = QLabel()
        layout.addWidget(self.summary)

        self.model = FamilyTableModel(self)
        self.view = _table(self.model, stretch=6)
        self.view.setObjectName("families_table")
        layout.addWidget(self.view, 3)

        agreements_row = QHBoxLayout()
        self.agreements_title = QLabel()
        agreements_row.addWidget(self.agreements_title, 1)
        self.new_agreement_button = QPushButton(self.tr("Nuova acco&glienza"))
        self.edit_agreement_button = QPushButton(self.tr("Modifica accog&lienza"))
        self.ledger_button = QPushButton(self.tr("Registro &contributi"))
        self.print_button = QPushButton(self.tr("Stampa acc&ordo…"))
        for button in (
            self.new_agreement_button,
            self.edit_agreement_button,
            self.ledger_button,
            self.print_button,
        ):
            agreements_row.addWidget(button)
        self.new_agreement_button.setVisible(writable)
        self.edit_agreement_button.setText(
            self.tr("Modifica accog&lienza") if writable else self.tr("Apri accog&lienza")
        )
        self.ledger_button.setVisible(self.with_money)
        self.print_button.setVisible(ctx.actor.can(Permission.EXPORT_DATA))
        layout.addLayout(agreements_row)
        self.agreements = AgreementTableModel(self.with_money, self)
        self.agreements_view = _table(self.agreements, stretch=0)
        self.agreements_view.setObjectName("agreements_table")
        layout.addWidget(self.agreements_view, 2)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.inactive.toggled.connect(lambda _c: self.refresh())
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._load_agreements())
        self.view.doubleClicked.connect(lambda _i: self.open_family())
        self.agreements_view.doubleClicked.connect(lambda _i: self.edit_agreement())
        self.new_button.clicked.connect(self.new_family)
        self.open_button.clicked.connect(self.open_family)
        self.payments_button.clicked.connect(self.show_payments)
        self.defaults_button.clicked.connect(lambda: DefaultAmountsDialog(self.ctx, self).exec())
        self.new_agreement_button.clicked.connect(self.new_agreement)
        self.edit_agreement_button.clicked.connect(self.edit_agreement)
        self.ledger_button.clicked.connect(self.show_ledger)
        self.print_button.clicked.connect(self.print_agreement)
        app_signals().changed.connect(self._changed)
        self._catch_up_open_agreements()
        self.refresh()

    def _catch_up_open_agreements(self) -> None:
        """The months of agreements still running are added as they come."""
        if not self.ctx.actor.can(Permission.WRITE_REGISTRY):
            return
        with self.ctx.db.reading() as session:
            if not hosting.open_agreements_behind(session, self.ctx.actor):
                return  # nothing to add: no write transaction (no lock on SQLite)
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                hosting.sync_open_agreements(session, self.ctx.actor)
        except ServiceError as exc:
            show_service_error(self, exc)

    def _changed(self, entities: frozenset[str]) -> None:
        if entities & CHANGED:
            self.refresh()

    def refresh(self) -> None:
        current = self.current_family_id()
        with self.ctx.db.reading() as session:
            rows = hosting.list_families(
                session, self.ctx.actor, self.search.text(), self.inactive.isChecked()
            )
        self.model.set_rows(rows)
        self.summary.setText(plural(len(rows), self.tr("{n} famiglia"), self.tr("{n} famiglie")))
        for index, row in enumerate(rows):
            if row.id == current:
                self.view.selectRow(index)
                break
        else:
            if rows:
                self.view.selectRow(0)
        self._load_agreements()

    def current_family_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_at(index.row()).id

    def current_agreement(self) -> hosting.AgreementRow | None:
        index = self.agreements_view.currentIndex()
        if not index.isValid() or index.row() >= self.agreements.rowCount():
            return None
        return self.agreements.row_at(index.row())

    def _load_agreements(self) -> None:
        family_id = self.current_family_id()
        rows: list[hosting.AgreementRow] = []
        if family_id is not None:
            with self.ctx.db.reading() as session:
                rows = hosting.agreements(session, self.ctx.actor, family_id=family_id)
        self.agreements.set_rows(rows)
        name = self.model.row_at(self.view.currentIndex().row()).name if family_id else ""
        self.agreements_title.setText(
            f"<b>{self.tr('Accoglienze')}: {name}</b>" if name else self.tr("Accoglienze")
        )
        if rows:
            self.agreements_view.selectRow(0)
        has_family = family_id is not None
        self.new_agreement_button.setEnabled(has_family)
        for button in (self.edit_agreement_button, self.ledger_button, self.print_button):
            button.setEnabled(bool(rows))

    # --- actions ------------------------------------------------------------------------
    def new_family(self) -> None:
        FamilyDialog(self.ctx, None, self).exec()

    def open_family(self) -> None:
        family_id = self.current_family_id()
        if family_id is not None:
            FamilyDialog(self.ctx, family_id, self).exec()

    def new_agreement(self) -> None:
        family_id = self.current_family_id()
        if family_id is not None:
            AgreementDialog(self.ctx, family_id, None, self).exec()

    def edit_agreement(self) -> None:
        row = self.current_agreement()
        if row is not None:
            AgreementDialog(self.ctx, row.family_id, row.id, self).exec()

    def show_ledger(self) -> None:
        row = self.current_agreement()
        if row is not None:
            LedgerDialog(self.ctx, row.id, self).exec()

    def show_payments(self) -> None:
        PaymentListDialog(self.ctx, self).exec()

    def print_agreement(self) -> Progress | None:
        row = self.current_agreement()
        if row is None:
            return None
        name = f"accordo-famiglia-{row.person_code}-{row.start_date:%Y%m%d}.pdf"
        return print_document(
            self,
            self.ctx,
            "accordo-famiglia",
            {"person": row.person_code, "family": row.family},
            name,
        )


# =========================================================================== the family


class FamilyDialog(QDialog):
    def __init__(
        self, ctx: AppContext, family_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.family_id = family_id
        self.version: int | None = None
        self.errors = FieldErrors()
        self.writable = ctx.actor.can(Permission.WRITE_REGISTRY)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.contact_person = QLineEdit()
        self.members = QPlainTextEdit()
        self.members.setPlaceholderText(self.tr("Un componente per riga"))
        self.members.setMaximumHeight(90)
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.iban = QLineEdit()
        self.iban.setObjectName("iban")
        self.availability = QLineEdit()
        self.availability.setPlaceholderText(self.tr("Per esempio: una stanza singola da marzo"))
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(90)
        self.active = QCheckBox(self.tr("Famiglia attiva (disponibile per nuove accoglienze)"))
        self.active.setChecked(True)
        for label, field, widget in (
            (self.tr("Famiglia *"), "name", self.name),
            (self.tr("Referente"), "contact_person", self.contact_person),
            (self.tr("Componenti"), "members", self.members),
            (self.tr("Indirizzo"), "address", self.address),
            (self.tr("Telefono"), "phone", self.phone),
            (self.tr("IBAN"), "iban", self.iban),
            (self.tr("Disponibilità"), "availability", self.availability),
            (self.tr("Note"), "notes", self.notes),
        ):
            self.errors.add_row(form, label, field, widget)
        form.addRow("", self.active)
        layout.addLayout(form)
        self.iban_visible = ctx.actor.can(Permission.READ_MONEY)
        if not self.iban_visible:
            self.iban.setEnabled(False)
            self.iban.setPlaceholderText(self.tr("riservato al coordinatore"))
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Salva"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Chiudi"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.guard = FormGuard(self, save=self.save)
        self.errors.set_checker(lambda: hosting.family_problems(self.form_data()))
        if family_id is None:
            self.setWindowTitle(self.tr("Nuova famiglia ospitante"))
        else:
            self._load(family_id)
        if not self.writable:
            set_read_only(self)
            self.save_button.hide()
        elif not ctx.actor.can(Permission.WRITE_MONEY):
            self.iban.setReadOnly(True)
        self.guard.mark_clean()

    def _load(self, family_id: int) -> None:
        with self.ctx.db.reading() as session:
            detail = hosting.open_family(session, self.ctx.actor, family_id)
        data = detail.data
        self.version = detail.version
        self.setWindowTitle(self.tr("Famiglia ospitante: {0}").format(data.name))
        self.name.setText(data.name)
        self.contact_person.setText(data.contact_person or "")
        self.members.setPlainText(data.members or "")
        self.address.setText(data.address or "")
        self.phone.setText(data.phone or "")
        self.iban.setText(hosting.iban_grouped(data.iban))
        self.availability.setText(data.availability or "")
        self.notes.setPlainText(data.notes or "")
        self.active.setChecked(data.active)

    def reload_current(self) -> None:
        """The family as stored now (a colleague saved it meanwhile), in the form."""
        assert self.family_id is not None
        self._load(self.family_id)

    def form_data(self) -> hosting.FamilyInput:
        return hosting.FamilyInput(
            name=self.name.text(),
            contact_person=self.contact_person.text(),
            members=self.members.toPlainText(),
            address=self.address.text(),
            phone=self.phone.text(),
            iban=self.iban.text() if self.iban_visible else None,
            availability=self.availability.text(),
            notes=self.notes.toPlainText(),
            active=self.active.isChecked(),
        )

    def reject(self) -> None:
        if self.guard.settle() is Settled.CLOSE:
            super().reject()

    def save(self) -> bool:
        self.errors.clear()
        data = self.form_data()
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                if self.family_id is None:
                    self.family_id = hosting.create_family(session, self.ctx.actor, data)
                else:
                    assert self.version is not None
                    self.version = hosting.update_family(
                        session, self.ctx.actor, self.family_id, data, self.version
                    )
        except ValidationError as exc:
            unplaced = self.errors.show(exc)
            if unplaced:
                show_service_error(self, ValidationError(unplaced))
            return False
        except StaleRecord:
            merge_with_colleague(self, self.reload_current)
            return False
        except ServiceError as exc:
            show_service_error(self, exc)
            return False
        self.guard.mark_clean()
        notify_changed("host_family")
        self.accept()
        return True


# =========================================================================== the agreement


class AgreementDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        family_id: int,
        agreement_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.agreement_id = agreement_id
        self.version: int | None = None
        self.errors = FieldErrors()
        self.with_money = ctx.actor.can(Permission.READ_MONEY)
        self.writable = ctx.actor.can(Permission.WRITE_REGISTRY)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.family = QComboBox()
        with ctx.db.reading() as session:
            choices = hosting.family_choices(session, ctx.actor)
            current = hosting.open_family(session, ctx.actor, family_id)
        if family_id not in {i for i, _n in choices}:
            choices.append((family_id, current.data.name))
        for fid, name in choices:
            self.family.addItem(name, fid)
        self.family.setCurrentIndex(self.family.findData(family_id))
        self.person_code = QLineEdit()
        self.person_code.setPlaceholderText(self.tr("Codice della persona, per esempio TIU-00012"))
        self.person_name = QLabel()
        self.person_name.setObjectName("person_name")
        self.person_name.setStyleSheet("color: #555;")
        self.person_code.textChanged.connect(lambda _t: self._show_person())
        self.start_date = DateField(YearRule.AHEAD)
        self.end_date = DateField(YearRule.AHEAD)
        self.time = QComboBox()
        self.time.addItem(self.tr("tempo parziale"), hosting.HostingTime.PART.value)
        self.time.addItem(self.tr("tempo pieno"), hosting.HostingTime.FULL.value)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("vuoto: l'importo predefinito per il tempo"))
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(80)
        for label, field, widget in (
            (self.tr("Famiglia *"), "family_id", self.family),
            (self.tr("Persona (codice) *"), "person", self.person_code),
            ("", "person_name", self.person_name),
            (self.tr("Dal (primo giorno) *"), "start_date", self.start_date),
            (self.tr("Al (ultimo giorno)"), "end_date", self.end_date),
            (self.tr("Tempo *"), "time", self.time),
            (self.tr("Contributo mensile (EUR)"), "monthly_amount", self.amount),
            (self.tr("Note"), "notes", self.notes),
        ):
            self.errors.add_row(form, label, field, widget)
        if not self.with_money:
            self.amount.setEnabled(False)
            self.amount.setPlaceholderText(self.tr("stabilito dal coordinatore"))
        layout.addLayout(form)
        hint = QLabel(
            self.tr("«Dal» e «al» sono entrambi compresi, come nell'accordo firmato. ")
            + hosting.PRO_RATA_RULE
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Salva"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.delete_button = self.buttons.addButton(
            self.tr("Elimina…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.buttons.addButton(self.tr("Chiudi"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.guard = FormGuard(self, save=self.save)
        if agreement_id is None:
            self.setWindowTitle(self.tr("Nuova accoglienza in famiglia"))
            self.delete_button.hide()
        else:
            self._load(agreement_id)
        if not self.writable:
            set_read_only(self)
            self.save_button.hide()
            self.delete_button.hide()
        elif not ctx.actor.can(Permission.WRITE_MONEY):
            self.amount.setReadOnly(True)
        self.guard.mark_clean()

    def _show_person(self) -> None:
        code = self.person_code.text().strip()
        if not code:
            self.person_name.clear()
            return
        with self.ctx.db.reading() as session:
            label = hosting.person_label(session, self.ctx.actor, code)
        self.person_name.setText(label or self.tr("nessuna persona con questo codice"))

    def _load(self, agreement_id: int) -> None:
        with self.ctx.db.reading() as session:
            row = hosting.open_agreement(session, self.ctx.actor, agreement_id)
        self.version = row.version
        self.setWindowTitle(self.tr("Accoglienza di {0}").format(row.person_name))
        self.family.setCurrentIndex(self.family.findData(row.family_id))
        self.person_code.setText(row.person_code)
        self.start_date.set_date(row.start_date)
        self.end_date.set_date(row.end_date)
        self.time.setCurrentIndex(self.time.findData(row.time))
        self.amount.setText(_eur(row.monthly_amount))
        self.notes.setPlainText(row.notes)
        self._loaded_amount = row.monthly_amount

    def reload_current(self) -> None:
        """The agreement as stored now (a colleague saved it meanwhile), in the form."""
        assert self.agreement_id is not None
        self._load(self.agreement_id)

    def form_data(self) -> hosting.AgreementInput:
        """The form as input; a date or an amount that cannot be read raises
        ValidationError naming its field."""
        errors: dict[str, str] = {}
        start = end = None
        try:
            start = self.start_date.date()
        except InvalidInput as exc:
            errors["start_date"] = str(exc)
        try:
            end = self.end_date.date()
        except InvalidInput as exc:
            errors["end_date"] = str(exc)
        amount: Decimal | None = None
        if self.with_money and self.amount.text().strip():
            try:
                amount = money.parse_amount(self.amount.text())
            except money.AmountError as exc:
                errors["monthly_amount"] = exc.message
        if errors:
            raise ValidationError(errors)
        if amount is not None and amount == getattr(self, "_loaded_amount", None):
            amount = None  # unchanged: the service keeps it (or follows a new tempo)
        return hosting.AgreementInput(
            family_id=self.family.currentData(),
            person_code=self.person_code.text(),
            start_date=start,
            end_date=end,
            time=self.time.currentData(),
            monthly_amount=amount,
            notes=self.notes.toPlainText(),
        )

    def reject(self) -> None:
        if self.guard.settle() is Settled.CLOSE:
            super().reject()

    def save(self) -> bool:
        self.errors.clear()
        try:
            data = self.form_data()
            with self.ctx.db.transaction(self.ctx.actor) as session:
                if self.agreement_id is None:
                    self.agreement_id = hosting.create_agreement(session, self.ctx.actor, data)
                else:
                    assert self.version is not None
                    self.version = hosting.update_agreement(
                        session, self.ctx.actor, self.agreement_id, data, self.version
                    )
        except ValidationError as exc:
            unplaced = self.errors.show(exc)
            if unplaced:
                show_service_error(self, ValidationError(unplaced))
            return False
        except StaleRecord:
            merge_with_colleague(self, self.reload_current, ("version", "_loaded_amount"))
            return False
        except ServiceError as exc:
            show_service_error(self, exc)
            return False
        self.guard.mark_clean()
        notify_changed("hosting_agreement", "hosting_contribution")
        self.accept()
        return True

    def delete(self) -> None:
        if self.agreement_id is None:
            return
        if not confirm(
            self,
            self.tr("Eliminare l'accoglienza?"),
            self.tr(
                "L'accoglienza e i suoi mesi non pagati saranno eliminati. Usare solo per "
                "un'accoglienza registrata per errore."
            ),
            self.tr("Elimina"),
        ):
            return
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                hosting.delete_agreement(session, self.ctx.actor, self.agreement_id)
        except ServiceError as exc:
            show_service_error(self, exc)
            return
        self.guard.enabled = False
        notify_changed("hosting_agreement", "hosting_contribution")
        self.accept()


# =========================================================================== the ledger


class PaymentDialog(QDialog):
    """The payment of one month: date and amount (the amount due proposed)."""

    def __init__(self, row: hosting.ContributionRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Pagamento del contributo di {0}").format(hosting.month_text(row.month))
        )
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.paid_on = DateField(YearRule.PAST)
        self.paid_on.set_date(row.paid_on or clock.today())
        self.amount = QLineEdit(
            _eur(row.paid_amount if row.paid_amount is not None else row.amount_due)
        )
        self.errors.add_row(form, self.tr("Data pagamento *"), "paid_on", self.paid_on)
        self.errors.add_row(form, self.tr("Importo pagato (EUR) *"), "paid_amount", self.amount)
        layout.addWidget(QLabel(self.tr("Importo dovuto: {0} EUR").format(_eur(row.amount_due))))
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Registra"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annulla"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.result_date: dt.date | None = None
        self.result_amount: Decimal | None = None

    def values(self) -> tuple[dt.date | None, Decimal | None]:
        errors: dict[str, str] = {}
        day = None
        amount = None
        try:
            day = self.paid_on.date()
        except InvalidInput as exc:
            errors["paid_on"] = str(exc)
        if day is None and "paid_on" not in errors:
            errors["paid_on"] = "data obbligatoria"
        try:
            amount = money.parse_amount(self.amount.text())
        except money.AmountError as exc:
            errors["paid_amount"] = exc.message
        if errors:
            raise ValidationError(errors)
        return day, amount

    def _accept(self) -> None:
        try:
            self.result_date, self.result_amount = self.values()
        except ValidationError as exc:
            self.errors.show(exc)
            return
        self.accept()


class LedgerDialog(QDialog):
    def __init__(self, ctx: AppContext, agreement_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.agreement_id = agreement_id
        self.setMinimumSize(640, 420)
        with ctx.db.reading() as session:
            self.agreement = hosting.open_agreement(session, ctx.actor, agreement_id)
        a = self.agreement
        self.setWindowTitle(self.tr("Registro dei contributi: {0}").format(a.person_name))
        layout = QVBoxLayout(self)
        heading = QLabel(
            f"<b>{a.family}</b> — {a.person_code} {a.person_name}<br>"
            f"{a.period}, tempo {a.time}, "
            + self.tr("contributo mensile {0} EUR").format(_eur(a.monthly_amount))
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        rule = QLabel(hosting.PRO_RATA_RULE)
        rule.setObjectName("pro_rata_rule")
        rule.setWordWrap(True)
        rule.setStyleSheet("color: #555;")
        layout.addWidget(rule)
        self.model = LedgerTableModel(self)
        self.view = _table(self.model)
        layout.addWidget(self.view, 1)
        self.totals = QLabel()
        layout.addWidget(self.totals)
        row = QHBoxLayout()
        self.pay_button = QPushButton(self.tr("Registra &pagamento…"))
        self.change_button = QPushButton(self.tr("&Correggi pagamento…"))
        self.clear_button = QPushButton(self.tr("&Annulla pagamento…"))
        self.receipt_button = QPushButton(self.tr("&Ricevuta…"))
        close = QPushButton(self.tr("Chiudi"))
        for button in (self.pay_button, self.change_button, self.clear_button, self.receipt_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        money_writer = ctx.actor.can(Permission.WRITE_MONEY)
        for button in (self.pay_button, self.change_button, self.clear_button):
            button.setVisible(money_writer)
        self.receipt_button.setVisible(ctx.actor.can(Permission.EXPORT_DATA))
        self.pay_button.clicked.connect(self.pay)
        self.change_button.clicked.connect(self.change)
        self.clear_button.clicked.connect(self.clear)
        self.receipt_button.clicked.connect(self.receipt)
        close.clicked.connect(self.reject)
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._sync())
        self.view.doubleClicked.connect(self._double_clicked)
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        with self.ctx.db.reading() as session:
            rows = hosting.ledger(session, self.ctx.actor, self.agreement_id)
        self.model.set_rows(rows)
        due = sum((r.amount_due for r in rows), Decimal("0.00"))
        paid = sum((r.paid_amount or Decimal(0) for r in rows), Decimal("0.00"))
        unpaid = sum(1 for r in rows if not r.paid)
        self.totals.setText(
            self.tr("Totale dovuto {0} EUR, pagato {1} EUR; ").format(_eur(due), _eur(paid))
            + plural(unpaid, self.tr("{n} mese da pagare"), self.tr("{n} mesi da pagare"))
        )
        target = 0
        for index, row in enumerate(rows):
            if (select is not None and row.id == select) or (select is None and not row.paid):
                target = index
                break
        if rows:
            self.view.selectRow(target)
        self._sync()

    def current(self) -> hosting.ContributionRow | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_at(index.row())

    def _sync(self) -> None:
        row = self.current()
        self.pay_button.setEnabled(row is not None and not row.paid)
        for button in (self.change_button, self.clear_button, self.receipt_button):
            button.setEnabled(row is not None and row.paid)

    def _double_clicked(self, _index: QModelIndex) -> None:
        row = self.current()
        if row is not None and not row.paid and self.pay_button.isVisible():
            self.pay()

    def pay(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = PaymentDialog(row, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._write(
            row,
            lambda s: hosting.mark_paid(
                s, self.ctx.actor, row.id, dialog.result_date, dialog.result_amount, row.version
            ),
        )

    def change(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = PaymentDialog(row, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._write(
            row,
            lambda s: hosting.change_payment(
                s, self.ctx.actor, row.id, dialog.result_date, dialog.result_amount, row.version
            ),
        )

    def clear(self) -> None:
        row = self.current()
        if row is None or not confirm(
            self,
            self.tr("Annullare il pagamento?"),
            self.tr(
                "Il contributo di {0} tornerà da pagare (e la spesa collegata sarà tolta)."
            ).format(hosting.month_text(row.month)),
            self.tr("Annulla il pagamento"),
            self.tr("Lascia com'è"),
        ):
            return
        self._write(row, lambda s: hosting.clear_payment(s, self.ctx.actor, row.id, row.version))

    def _write(self, row: hosting.ContributionRow, work: object) -> None:
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                work(session)  # type: ignore[operator]
        except ServiceError as exc:
            show_service_error(self, exc)
        notify_changed("hosting_contribution")
        self.refresh(select=row.id)

    def receipt(self) -> Progress | None:
        row = self.current()
        if row is None:
            return None
        a = self.agreement
        name = f"ricevuta-{a.person_code}-{row.month:%Y%m}.pdf"
        return print_document(
            self,
            self.ctx,
            "ricevuta-contributo",
            {"family": a.family, "person": a.person_code, "month": hosting.month_text(row.month)},
            name,
        )


# =========================================================================== the month's list


class PaymentListDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Contributi alle famiglie: pagamenti del mese"))
        self.setMinimumSize(900, 460)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Mese (mm/aaaa):")))
        self.month = QLineEdit(hosting.month_text(clock.today()))
        self.month.setObjectName("payment_month")
        self.month.setMaximumWidth(100)
        self.show_button = QPushButton(self.tr("&Mostra"))
        top.addWidget(self.month)
        top.addWidget(self.show_button)
        top.addStretch(1)
        self.pdf_button = QPushButton(self.tr("Stampa &PDF…"))
        self.xlsx_button = QPushButton(self.tr("Salva &XLSX…"))
        top.addWidget(self.pdf_button)
        top.addWidget(self.xlsx_button)
        layout.addLayout(top)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout.addWidget(self.error)
        self.model = PaymentTableModel(self)
        self.view = _table(self.model)
        layout.addWidget(self.view, 1)
        self.totals = QLabel()
        layout.addWidget(self.totals)
        rule = QLabel(hosting.PRO_RATA_RULE)
        rule.setWordWrap(True)
        rule.setStyleSheet("color: #555;")
        layout.addWidget(rule)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Chiudi"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        can_export = ctx.actor.can(Permission.EXPORT_DATA)
        self.pdf_button.setVisible(can_export)
        self.xlsx_button.setVisible(can_export)
        self.show_button.clicked.connect(self.refresh)
        self.month.returnPressed.connect(self.refresh)
        self.pdf_button.clicked.connect(self.print_pdf)
        self.xlsx_button.clicked.connect(self.save_xlsx)
        self.refresh()

    def refresh(self) -> None:
        try:
            month = hosting.parse_month(self.month.text())
            with self.ctx.db.reading() as session:
                found = hosting.payment_list(session, self.ctx.actor, month)
        except ValidationError as exc:
            self.error.setText(exc.fields.get("month", exc.message))
            self.error.show()
            return
        self.error.hide()
        self.month.setText(hosting.month_text(month))
        self.model.set_rows(found.lines)
        self.totals.setText(
            self.tr("{0}: dovuti {1} EUR, pagati {2} EUR; ").format(
                plural(len(found.lines), self.tr("{n} contributo"), self.tr("{n} contributi")),
                _eur(found.total_due),
                _eur(found.total_paid),
            )
            + self.tr("{0} da pagare").format(found.unpaid)
        )

    def print_pdf(self) -> Progress | None:
        self.refresh()
        if self.error.isVisible():
            return None
        month = self.month.text()
        name = f"pagamenti-famiglie-{month[3:]}{month[:2]}.pdf"
        return print_document(self, self.ctx, "pagamenti-famiglie", {"month": month}, name)

    def save_xlsx(self) -> Progress | None:
        from tit_desktop.services import hosting_documents

        self.refresh()
        if self.error.isVisible():
            return None
        month = self.month.text()
        target, _ = save_file(
            self,
            self.tr("Salva l'elenco dei pagamenti"),
            f"pagamenti-famiglie-{month[3:]}{month[:2]}.xlsx",
            self.tr("Cartella di lavoro Excel (*.xlsx)"),
        )
        if target is None:
            return None
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")

        def work(_progress: object) -> Path:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                hosting_documents.write_payment_list_xlsx(session, self.ctx.actor, month, target)
            return target

        return run_in_background(
            self,
            work,
            lambda path: QMessageBox.information(
                self, self.tr("Elenco salvato"), self.tr("Salvato in {0}").format(path)
            ),
            lambda exc: handle_error(self, exc),
            progress=self.tr("Scrittura dell'elenco…"),
            cancellable=False,
        )


# =========================================================================== default amounts


class DefaultAmountsDialog(QDialog):
    """The monthly amount a new agreement gets for each tempo (coordinatore, admin)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Contributi mensili predefiniti"))
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Il contributo che una nuova accoglienza riceve se non se ne indica un altro. "
                "Le accoglienze già registrate mantengono il loro."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.fields: dict[hosting.HostingTime, QLineEdit] = {}
        self.seen: dict[hosting.HostingTime, hosting.DefaultAmount] = {}  # saved against
        for time, label in (
            (hosting.HostingTime.PART, self.tr("Tempo parziale (EUR al mese)")),
            (hosting.HostingTime.FULL, self.tr("Tempo pieno (EUR al mese)")),
        ):
            field = QLineEdit()
            self.fields[time] = field
            self.errors.add_row(form, label, time.value, field)
        self._load()
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Salva"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Chiudi"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.guard = FormGuard(self, save=self.save)
        self.guard.mark_clean()

    def _load(self) -> None:
        """The defaults as stored now, and their versions for the next save."""
        with self.ctx.db.reading() as session:
            self.seen = hosting.read_default_amount_rows(session, self.ctx.actor)
        for time, field in self.fields.items():
            field.setText(_eur(self.seen[time].amount))

    def reject(self) -> None:
        if self.guard.settle() is Settled.CLOSE:
            super().reject()

    def save(self) -> bool:
        self.errors.clear()
        values: dict[hosting.HostingTime, Decimal] = {}
        problems: dict[str, str] = {}
        for time, field in self.fields.items():
            try:
                values[time] = money.parse_amount(field.text())
            except money.AmountError as exc:
                problems[time.value] = exc.message
        if problems:
            self.errors.show(ValidationError(problems))
            return False
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                for time, amount in values.items():
                    hosting.set_default_amount(
                        session, self.ctx.actor, time, amount, self.seen[time]
                    )
        except StaleRecord:
            merge_with_colleague(self, self._load, ("seen",))
            return False
        except ServiceError as exc:
            show_service_error(self, exc)
            return False
        self.guard.mark_clean()
        self.accept()
        return True
