"""Dialogs of the Convenzione area: the convention (with its extensions and partners), an
expenditure, a budget line and a variation, a staff member's annual cost, a deadline and its
completion, and the question that reopens a closed month of a timesheet. Each asks before
losing edits (FormGuard), shows each error beside its field (FieldErrors) and is read-only
for the read-only role."""

from __future__ import annotations

import dataclasses
import datetime as dt
import mimetypes
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.italian import month_and_year
from tit_desktop.models import CostCategory, Recurrence
from tit_desktop.services import clock, money
from tit_desktop.services.convention import budget, conventions, deadlines, expenditures, staff
from tit_desktop.services.convention.checks import REQUIRED, text_problem
from tit_desktop.services.errors import NotFound, ServiceError, StaleRecord, ValidationError
from tit_desktop.services.permissions import Permission
from tit_desktop.ui import questions
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.dates import DateField, InvalidInput, YearRule
from tit_desktop.ui.errors import show_service_error
from tit_desktop.ui.file_dialogs import open_file, save_file
from tit_desktop.ui.form_guard import FormGuard, Settled
from tit_desktop.ui.signals import notify_changed
from tit_desktop.ui.stale_merge import merge_with_colleague
from tit_desktop.ui.widgets import FieldErrors, set_read_only


def _amount_text(value: Decimal | None) -> str:
    return "" if value is None else money.format_amount(value)


def _read_amount(
    edit: QLineEdit, field: str, errors: dict[str, str], required: bool = True
) -> Decimal | None:
    text = edit.text().strip()
    if not text:
        if required:
            errors[field] = REQUIRED
        return None
    try:
        return money.parse_amount(text)
    except money.AmountError as exc:
        errors[field] = exc.message
        return None


def _read_date(edit: DateField, field: str, errors: dict[str, str]) -> dt.date | None:
    try:
        return edit.date()
    except InvalidInput as exc:
        errors[field] = str(exc)
        return None


class _GuardedDialog(QDialog):
    """Save/Chiudi buttons, a FormGuard and the read-only role's view. A dialog that edits
    an existing record defines :meth:`reload_current` (and ``stale_state``, the attributes
    it changes): a save refused because a colleague saved meanwhile then merges their
    version into the form instead of losing the edit."""

    saved = Signal(int)
    stale_state: tuple[str, ...] = ("version",)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.errors = FieldErrors()
        self.read_only = not ctx.actor.can(Permission.WRITE_MONEY)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a5a00;")
        self.notice.hide()

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.notice)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Salva"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Chiudi"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._save_clicked)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self.guard = FormGuard(self, save=self.save)
        self.errors.set_checker(self.problems)

    def make_read_only(self, reason: str = "") -> None:
        set_read_only(self)
        self.save_button.hide()
        self.guard.enabled = False
        if reason:
            self.notice.setText(reason)
            self.notice.show()

    def problems(self) -> dict[str, str]:
        return {}

    def _save_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        try:
            problems = self.problems()  # what the form can tell before asking the database
            if problems:
                raise ValidationError(problems)
            new_id = self.write()
        except ValidationError as exc:
            unplaced = self.errors.show(exc)
            if unplaced:
                show_service_error(self, ValidationError(unplaced))
            return False
        except StaleRecord as exc:
            if type(self).reload_current is _GuardedDialog.reload_current:
                show_service_error(self, exc)  # nothing to merge: a new row of its own
            else:
                merge_with_colleague(self, self.reload_current, self.stale_state)
            return False
        except ServiceError as exc:
            show_service_error(self, exc)
            return False
        self.guard.mark_clean()
        self.saved.emit(new_id)
        self.accept()
        return True

    def write(self) -> int:
        """Save through the services (called once :meth:`problems` finds nothing)."""
        raise NotImplementedError

    def reload_current(self) -> None:
        """The record as stored now, in the form, with its version for the next save."""
        raise NotImplementedError

    def reject(self) -> None:
        if self.guard.settle() is Settled.CLOSE:
            super().reject()


class ConventionDialog(_GuardedDialog):
    def __init__(
        self, ctx: AppContext, convention_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.convention_id = convention_id
        self.version: int | None = None
        self.setMinimumWidth(720)
        self.short_name = QLineEdit()
        self.title_edit = QLineEdit()
        self.funder = QLineEdit()
        self.fund = QLineEdit()
        self.cup = QLineEdit()
        self.cup.setPlaceholderText(self.tr("15 lettere e cifre"))
        self.signed_on = DateField()
        self.starts_on = DateField()
        self.ends_on = DateField()
        self.total = QLineEdit()
        self.total.setPlaceholderText("1.234,56")
        self.co_funding = QLineEdit()
        self.co_funding.setPlaceholderText("0,00")
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(70)
        for label, field, widget in (
            (self.tr("Nome breve"), "short_name", self.short_name),
            (self.tr("Titolo"), "title", self.title_edit),
            (self.tr("Ente finanziatore"), "funder", self.funder),
            (self.tr("Fondo"), "fund", self.fund),
            (self.tr("CUP"), "cup", self.cup),
            (self.tr("Data firma"), "signed_on", self.signed_on),
            (self.tr("Inizio"), "starts_on", self.starts_on),
            (self.tr("Fine"), "ends_on", self.ends_on),
            (self.tr("Importo totale (EUR)"), "total", self.total),
            (self.tr("Cofinanziamento (EUR)"), "co_funding", self.co_funding),
            (self.tr("Note"), "notes", self.notes),
        ):
            self.errors.add_row(self.form, label, field, widget)
        # Extensions and partners: saved at once (not part of the form's fields), listed
        # with their own add, change and remove buttons.
        self.extensions = QListWidget()
        self.extensions.setObjectName("convention_extensions")
        self.extensions.setWordWrap(True)  # a long reason wraps
        self.extension_button = QPushButton(self.tr("Aggiungi &proroga…"))
        self.remove_extension_button = QPushButton(self.tr("Togli proroga…"))
        self.form.addRow(
            QLabel(self.tr("Proroghe")),
            self._related_row(
                self.extensions, (self.extension_button, self.remove_extension_button)
            ),
        )
        self.partners = QListWidget()
        self.partners.setObjectName("convention_partners")
        self.partner_button = QPushButton(self.tr("Aggiungi pa&rtner…"))
        self.edit_partner_button = QPushButton(self.tr("Modifica partner…"))
        self.remove_partner_button = QPushButton(self.tr("Togli partner…"))
        self.form.addRow(
            QLabel(self.tr("Partner")),
            self._related_row(
                self.partners,
                (self.partner_button, self.edit_partner_button, self.remove_partner_button),
            ),
        )
        self.documents = QLabel()
        self.documents.setWordWrap(True)
        self.form.addRow(QLabel(self.tr("Documenti")), self.documents)
        extras = QHBoxLayout()
        self.document_button = QPushButton(self.tr("A&llega documento…"))
        extras.addWidget(self.document_button)
        extras.addStretch(1)
        self.layout_.addLayout(extras)
        self._detail: conventions.ConventionDetail | None = None
        for button in (
            self.extension_button,
            self.remove_extension_button,
            self.partner_button,
            self.edit_partner_button,
            self.remove_partner_button,
            self.document_button,
        ):
            # Only on a saved convention, for the roles that change it.
            button.setVisible(convention_id is not None and not self.read_only)
        self.extension_button.clicked.connect(self._add_extension)
        self.remove_extension_button.clicked.connect(self._remove_extension)
        self.partner_button.clicked.connect(self._add_partner)
        self.edit_partner_button.clicked.connect(self._edit_partner)
        self.partners.itemDoubleClicked.connect(lambda _item: self._edit_partner())
        self.remove_partner_button.clicked.connect(self._remove_partner)
        self.extensions.itemSelectionChanged.connect(self._sync_related_buttons)
        self.partners.itemSelectionChanged.connect(self._sync_related_buttons)
        self.document_button.clicked.connect(self._attach)
        self.finish_layout()
        if convention_id is None:
            self.setWindowTitle(self.tr("Nuova convenzione"))
            self._placeholder(self.extensions, self.tr("nessuna"))
            self._placeholder(self.partners, self.tr("nessuno"))
            self.documents.setText(self.tr("nessuno"))
        else:
            self._load(convention_id)
        self._sync_related_buttons()
        self.guard.mark_clean()
        if self.read_only:
            self.make_read_only(
                self.tr("Sola lettura: il ruolo non permette di modificare la convenzione.")
            )

    def _load(self, convention_id: int) -> None:
        with self.ctx.db.reading() as session:
            detail = conventions.convention_detail(session, self.ctx.actor, convention_id)
        data = detail.data
        self.version = detail.version
        self.setWindowTitle(self.tr("Convenzione {0}").format(data.short_name))
        self.short_name.setText(data.short_name)
        self.title_edit.setText(data.title)
        self.funder.setText(data.funder or "")
        self.fund.setText(data.fund or "")
        self.cup.setText(data.cup)
        self.signed_on.set_date(data.signed_on)
        self.starts_on.set_date(data.starts_on)
        self.ends_on.set_date(data.ends_on)
        self.total.setText(_amount_text(data.total))
        self.co_funding.setText(_amount_text(data.co_funding))
        self.notes.setPlainText(data.notes or "")
        self._show_related(detail)
        for edit in (self.short_name, self.title_edit, self.funder, self.fund, self.cup):
            edit.setCursorPosition(0)  # long values show their beginning

    def reload_current(self) -> None:
        assert self.convention_id is not None
        self._load(self.convention_id)

    @staticmethod
    def _related_row(items: QListWidget, buttons: tuple[QPushButton, ...]) -> QWidget:
        items.setMinimumWidth(300)
        items.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole text in the tooltip
        items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(items, 1)
        column = QVBoxLayout()
        column.setSpacing(4)
        for button in buttons:
            column.addWidget(button)
        column.addStretch(1)
        box.addLayout(column)
        return row

    @staticmethod
    def _placeholder(items: QListWidget, text: str) -> None:
        items.clear()
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # not a row to select
        items.addItem(item)

    def _show_related(self, detail: conventions.ConventionDetail) -> None:
        self._detail = detail
        self.extensions.clear()
        for extension in detail.extensions:
            act = (
                self.tr(", atto del {0}").format(f"{extension.granted_on:%d/%m/%Y}")
                if extension.granted_on
                else ""
            )
            item = QListWidgetItem(
                self.tr("al {0} ({1}{2})").format(
                    f"{extension.new_end:%d/%m/%Y}", extension.reason, act
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, extension.id)
            item.setToolTip(item.text())
            self.extensions.addItem(item)
        if not detail.extensions:
            self._placeholder(self.extensions, self.tr("nessuna"))
        self.partners.clear()
        total = detail.data.total or Decimal(0)
        for partner in detail.partners:
            share = _percent_text(partner.share, total)
            item = QListWidgetItem(
                f"{partner.organisation}: {money.format_amount(partner.share, 'EUR')}"
                + (f" ({share})" if share else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, partner.id)
            item.setToolTip(item.text() + (f" — {partner.role}" if partner.role else ""))
            self.partners.addItem(item)
        if not detail.partners:
            self._placeholder(self.partners, self.tr("nessuno"))
        self.documents.setText(
            "; ".join(d.file_name for d in detail.documents) or self.tr("nessuno")
        )
        for items in (self.extensions, self.partners):
            self._fit(items)
        self._sync_related_buttons()

    @staticmethod
    def _fit(items: QListWidget, most_rows: int = 5) -> None:
        """As tall as its rows (two at least, then it scrolls); a wrapped row (a long
        reason) counts as two."""
        line = items.fontMetrics().lineSpacing() + 4
        rows = max(2, min(most_rows, items.count() * (2 if items.wordWrap() else 1)))
        items.setFixedHeight(rows * line + 2 * items.frameWidth() + 2)

    def _sync_related_buttons(self) -> None:
        self.remove_extension_button.setEnabled(bool(self.extensions.selectedItems()))
        chosen = bool(self.partners.selectedItems())
        self.edit_partner_button.setEnabled(chosen)
        self.remove_partner_button.setEnabled(chosen)

    def _reload_related(self) -> None:
        assert self.convention_id is not None
        with self.ctx.db.reading() as session:
            detail = conventions.convention_detail(session, self.ctx.actor, self.convention_id)
        self._show_related(detail)

    def _side_write(self, action: object) -> None:
        """A proroga, a partner or a document: saved at once (not part of the form's
        fields), then shown."""
        assert self.convention_id is not None
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                action(session)  # type: ignore[operator]
        except ServiceError as exc:
            show_service_error(self, exc)
            return
        notify_changed("convention")
        self._reload_related()

    def _add_extension(self) -> None:
        if self.convention_id is None or self._detail is None:
            return
        dialog = ExtensionDialog(self.ctx, self.convention_id, self._detail.end, parent=self)
        if dialog.exec():
            self._reload_related()

    def _remove_extension(self) -> None:
        items = self.extensions.selectedItems()
        if not items or self._detail is None:
            return
        extension_id = items[0].data(Qt.ItemDataRole.UserRole)
        if not questions.confirm(
            self,
            self.tr("Togliere la proroga?"),
            self.tr(
                "La proroga «{0}» sarà tolta dalla convenzione: la fine tornerà quella della "
                "proroga precedente (o quella firmata)."
            ).format(items[0].text()),
            self.tr("Togli la proroga"),
            self.tr("No"),
        ):
            return
        self._side_write(
            lambda session: conventions.remove_extension(session, self.ctx.actor, extension_id)
        )

    def _taken(self) -> frozenset[int]:
        if self._detail is None:
            return frozenset()
        return frozenset(p.organisation_id for p in self._detail.partners)

    def _add_partner(self) -> None:
        if self.convention_id is None or self._detail is None:
            return
        dialog = PartnerDialog(
            self.ctx,
            self.convention_id,
            self._detail.data.total or Decimal(0),
            taken=self._taken(),
            parent=self,
        )
        if dialog.exec():
            self._reload_related()

    def _selected_partner(self) -> conventions.PartnerRow | None:
        items = self.partners.selectedItems()
        if not items or self._detail is None:
            return None
        partner_id = items[0].data(Qt.ItemDataRole.UserRole)
        return next((p for p in self._detail.partners if p.id == partner_id), None)

    def _edit_partner(self) -> None:
        partner = self._selected_partner()
        if partner is None or self.convention_id is None or self._detail is None:
            return
        if self.read_only:
            return
        dialog = PartnerDialog(
            self.ctx,
            self.convention_id,
            self._detail.data.total or Decimal(0),
            partner,
            taken=self._taken(),
            parent=self,
        )
        if dialog.exec():
            self._reload_related()

    def _remove_partner(self) -> None:
        partner = self._selected_partner()
        if partner is None:
            return
        if not questions.confirm(
            self,
            self.tr("Togliere il partner?"),
            self.tr("{0} non sarà più partner della convenzione (quota {1}).").format(
                partner.organisation, money.format_amount(partner.share, "EUR")
            ),
            self.tr("Togli il partner"),
            self.tr("No"),
        ):
            return
        self._side_write(
            lambda session: conventions.remove_partner(session, self.ctx.actor, partner.id)
        )

    def _attach(self) -> None:
        import mimetypes

        from tit_desktop.ui.file_dialogs import open_file

        path = open_file(self, self.tr("Documento della convenzione"))
        if path is None:
            return
        content = path.read_bytes()
        media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        convention_id = self.convention_id
        self._side_write(
            lambda session: conventions.attach_document(
                session, self.ctx.actor, convention_id, path.name, content, media
            )
        )

    def _input(self, errors: dict[str, str]) -> conventions.ConventionInput:
        co_funding = _read_amount(self.co_funding, "co_funding", errors, required=False)
        return conventions.ConventionInput(
            short_name=self.short_name.text(),
            title=self.title_edit.text(),
            cup=self.cup.text(),
            starts_on=_read_date(self.starts_on, "starts_on", errors),
            ends_on=_read_date(self.ends_on, "ends_on", errors),
            total=_read_amount(self.total, "total", errors),
            funder=self.funder.text(),
            fund=self.fund.text(),
            signed_on=_read_date(self.signed_on, "signed_on", errors),
            co_funding=co_funding if co_funding is not None else Decimal(0),
            notes=self.notes.toPlainText(),
        )

    def problems(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        data = self._input(errors)
        return {**conventions.problems(conventions.normalise(data)), **errors}

    def write(self) -> int:
        data = self._input({})
        with self.ctx.db.transaction(self.ctx.actor) as session:
            if self.convention_id is None:
                new_id = conventions.create_convention(session, self.ctx.actor, data)
            else:
                assert self.version is not None
                conventions.update_convention(
                    session, self.ctx.actor, self.convention_id, self.version, data
                )
                new_id = self.convention_id
        notify_changed("convention")
        return new_id


class LineDialog(_GuardedDialog):
    stale_state = ("line",)

    def __init__(
        self,
        ctx: AppContext,
        convention_id: int,
        line: budget.LineTotal | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.convention_id = convention_id
        self.line = line
        self.name = QLineEdit()
        self.action = QLineEdit()
        self.category = QComboBox()
        self.category.addItem(self.tr("(scegliere)"), None)
        for category in CostCategory:
            self.category.addItem(budget.CATEGORY_LABELS[category], category)
        self.planned = QLineEdit()
        self.planned.setPlaceholderText("1.234,56")
        self.errors.add_row(self.form, self.tr("Voce"), "line_name", self.name)
        self.errors.add_row(self.form, self.tr("Azione"), "action", self.action)
        self.errors.add_row(self.form, self.tr("Categoria"), "category", self.category)
        self.errors.add_row(self.form, self.tr("Importo previsto (EUR)"), "planned", self.planned)
        self.finish_layout()
        if line is None:
            self.setWindowTitle(self.tr("Nuova voce di budget"))
        else:
            self._show(line)
            self.planned.setReadOnly(True)
            self.planned.setToolTip(self.tr("L'importo previsto si cambia con una rimodulazione"))
        self.guard.mark_clean()
        if self.read_only:
            self.make_read_only()

    def _show(self, line: budget.LineTotal) -> None:
        self.line = line
        self.setWindowTitle(self.tr("Voce {0}").format(line.name))
        self.name.setText(line.name)
        self.action.setText(line.action or "")
        self.category.setCurrentIndex(self.category.findData(line.category))
        self.planned.setText(_amount_text(line.planned))

    def reload_current(self) -> None:
        assert self.line is not None
        line_id = self.line.id
        with self.ctx.db.reading() as session:
            lines = budget.budget(session, self.ctx.actor, self.convention_id).lines
        for line in lines:
            if line.id == line_id:
                self._show(line)
                return
        raise NotFound(self.tr("La voce di budget è stata eliminata."))

    def _input(self, errors: dict[str, str]) -> budget.LineInput:
        return budget.LineInput(
            self.name.text(),
            self.category.currentData(),
            _read_amount(self.planned, "planned", errors),
            self.action.text(),
        )

    def write(self) -> int:
        errors: dict[str, str] = {}
        data = self._input(errors)
        if errors:
            raise ValidationError(errors)
        with self.ctx.db.transaction(self.ctx.actor) as session:
            if self.line is None:
                new_id = budget.create_line(session, self.ctx.actor, self.convention_id, data)
            else:
                budget.update_line(session, self.ctx.actor, self.line.id, self.line.version, data)
                new_id = self.line.id
        notify_changed("budget_line")
        return new_id


class VariationDialog(_GuardedDialog):
    stale_state = ("line",)

    def __init__(
        self, ctx: AppContext, line: budget.LineTotal, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.line = line
        self.setWindowTitle(self.tr("Rimodulazione della voce {0}").format(line.name))
        self.current_amount = QLabel(money.format_amount(line.planned, "EUR"))
        self.form.addRow(QLabel(self.tr("Importo attuale")), self.current_amount)
        self.varied_on = DateField()
        self.varied_on.set_date(dt.date.today())
        self.amount_after = QLineEdit()
        self.amount_after.setPlaceholderText("1.234,56")
        self.reason = QLineEdit()
        self.errors.add_row(self.form, self.tr("Data"), "varied_on", self.varied_on)
        self.errors.add_row(
            self.form, self.tr("Nuovo importo (EUR)"), "amount_after", self.amount_after
        )
        self.errors.add_row(self.form, self.tr("Motivo"), "reason", self.reason)
        self.finish_layout()
        self.guard.mark_clean()
        if self.read_only:
            self.make_read_only()

    def reload_current(self) -> None:
        """The line as stored now (a colleague changed it meanwhile): its amount shown, its
        version for the variation."""
        line_id = self.line.id
        with self.ctx.db.reading() as session:
            convention_id = budget.get_line(session, line_id).convention_id
            lines = budget.budget(session, self.ctx.actor, convention_id).lines
        for line in lines:
            if line.id == line_id:
                self.line = line
                self.current_amount.setText(money.format_amount(line.planned, "EUR"))
                return
        raise NotFound(self.tr("La voce di budget è stata eliminata."))

    def write(self) -> int:
        errors: dict[str, str] = {}
        day = _read_date(self.varied_on, "varied_on", errors)
        amount = _read_amount(self.amount_after, "amount_after", errors)
        if errors:
            raise ValidationError(errors)
        with self.ctx.db.transaction(self.ctx.actor) as session:
            new_id = budget.vary_line(
                session,
                self.ctx.actor,
                self.line.id,
                self.line.version,
                day,
                amount,
                self.reason.text(),
            )
        notify_changed("budget_line", "budget_variation")
        return new_id


class ExpenditureDialog(_GuardedDialog):
    stale_state = ("version", "document_id")

    def __init__(
        self,
        ctx: AppContext,
        convention_id: int,
        expenditure_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.convention_id = convention_id
        self.expenditure_id = expenditure_id
        self.version: int | None = None
        self.setMinimumWidth(600)
        self.document_type = QLineEdit()
        self.document_type.setPlaceholderText(self.tr("Fattura, ricevuta, cedolino…"))
        self.number = QLineEdit()
        self.document_date = DateField()
        self.supplier_name = QLineEdit()
        self.supplier_tax_code = QLineEdit()
        self.supplier_tax_code.setPlaceholderText(self.tr("codice fiscale o partita IVA"))
        self.description = QLineEdit()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("1.234,56")
        self.vat = QLineEdit()
        self.vat.setPlaceholderText("0,00")
        self.eligible = QLineEdit()
        self.eligible.setPlaceholderText(self.tr("uguale all'importo se vuoto"))
        self.line = QComboBox()
        self.line.addItem(self.tr("(scegliere)"), None)
        with ctx.db.reading() as session:
            for line_id, name in budget.lines_of(session, ctx.actor, convention_id):
                self.line.addItem(name, line_id)
        self.paid_on = DateField()
        self.payment_method = QLineEdit()
        self.payment_method.setPlaceholderText(self.tr("bonifico, assegno…"))
        self.cig = QLineEdit()
        # The invoice's scan: kept with the convention, named here (read-only: the buttons
        # change it, and the form guard sees the change as an edit).
        self.document_id: int | None = None
        self._pending: tuple[str, bytes] | None = None
        self.document_name = QLineEdit()
        self.document_name.setReadOnly(True)
        self.document_name.setPlaceholderText(self.tr("nessun documento allegato"))
        self.attach_button = QPushButton(self.tr("&Allega…"))
        self.copy_button = QPushButton(self.tr("Salva una &copia…"))
        self.attach_button.clicked.connect(self._attach)
        self.copy_button.clicked.connect(self._save_copy)
        document_row = QWidget()
        document_box = QHBoxLayout(document_row)
        document_box.setContentsMargins(0, 0, 0, 0)
        document_box.addWidget(self.document_name, 1)
        document_box.addWidget(self.attach_button)
        document_box.addWidget(self.copy_button)
        for label, field, widget in (
            (self.tr("Tipo documento"), "document_type", self.document_type),
            (self.tr("Numero"), "number", self.number),
            (self.tr("Data"), "document_date", self.document_date),
            (self.tr("Fornitore"), "supplier_name", self.supplier_name),
            (self.tr("CF/P.IVA"), "supplier_tax_code", self.supplier_tax_code),
            (self.tr("Descrizione"), "description", self.description),
            (self.tr("Importo (EUR)"), "amount", self.amount),
            (self.tr("IVA (EUR)"), "vat", self.vat),
            (self.tr("Importo ammissibile (EUR)"), "eligible", self.eligible),
            (self.tr("Voce"), "budget_line", self.line),
            (self.tr("Data pagamento"), "paid_on", self.paid_on),
            (self.tr("Modalità di pagamento"), "payment_method", self.payment_method),
            (self.tr("CIG"), "cig", self.cig),
            (self.tr("Documento"), "file_name", document_row),
        ):
            self.errors.add_row(self.form, label, field, widget)
        self.flags = QLabel()
        self.flags.setStyleSheet("color: #b00020;")
        self.flags.setWordWrap(True)
        self.layout_.addWidget(self.flags)
        self.finish_layout()
        if expenditure_id is None:
            self.setWindowTitle(self.tr("Nuova spesa"))
            self.document_type.setText(self.tr("Fattura"))
        else:
            self._load(expenditure_id)
        self.copy_button.setEnabled(self.document_id is not None)
        self.guard.mark_clean()

    def _attach(self) -> None:
        path = open_file(
            self,
            self.tr("Allega il documento della spesa"),
            self.tr("Documenti (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Tutti i file (*)"),
        )
        if path is None:
            return
        try:
            content = path.read_bytes()
        except OSError as exc:
            self.errors.set_error("file_name", self.tr("file non leggibile ({0})").format(exc))
            return
        if len(content) > conventions.MAX_DOCUMENT_BYTES:
            self.errors.set_error("file_name", self.tr("il file supera 20 MB"))
            return
        self._pending = (path.name, content)
        self.document_name.setText(path.name)
        self.copy_button.setEnabled(True)

    def _save_copy(self) -> None:
        try:
            if self._pending is not None:
                name, content = self._pending
            elif self.document_id is not None:
                with self.ctx.db.reading() as session:
                    name, content = conventions.document_content(
                        session, self.ctx.actor, self.document_id
                    )
            else:
                return
        except ServiceError as exc:
            show_service_error(self, exc)
            return
        target, _ = save_file(self, self.tr("Salva una copia del documento"), name)
        if target is None:
            return
        try:
            Path(target).write_bytes(content)
        except OSError as exc:
            show_service_error(
                self, ValidationError({"file_name": f"impossibile scrivere il file ({exc})"})
            )

    def _load(self, expenditure_id: int) -> None:
        with self.ctx.db.reading() as session:
            row = expenditures.get_row(session, self.ctx.actor, expenditure_id)
            locked = (
                expenditures.lock_message(session, row.payment_request_id)
                if row.payment_request_id is not None
                else ""
            )
        self.version = row.version
        self.setWindowTitle(
            self.tr("Spesa {0} del {1:%d/%m/%Y}").format(row.number, row.document_date)
        )
        self.document_type.setText(row.document_type)
        self.number.setText(row.number)
        self.document_date.set_date(row.document_date)
        self.supplier_name.setText(row.supplier_name)
        self.supplier_tax_code.setText(row.supplier_tax_code or "")
        self.description.setText(row.description or "")
        self.amount.setText(_amount_text(row.amount))
        self.vat.setText(_amount_text(row.vat))
        self.eligible.setText(_amount_text(row.eligible))
        self.line.setCurrentIndex(max(0, self.line.findData(row.budget_line_id)))
        self.paid_on.set_date(row.paid_on)
        self.payment_method.setText(row.payment_method or "")
        self.cig.setText(row.cig or "")
        self.document_id = row.document_id
        if row.document_id is not None:
            with self.ctx.db.reading() as session:
                name, _content = conventions.document_content(
                    session, self.ctx.actor, row.document_id
                )
            self.document_name.setText(name)
        if row.flags:
            self.flags.setText(
                self.tr("Attenzione: ") + "; ".join(expenditures.FLAG_HINTS[f] for f in row.flags)
            )
        if self.read_only:
            self.make_read_only(
                self.tr("Sola lettura: il ruolo non permette di modificare le spese.")
            )
        elif locked:
            self.make_read_only(locked)
        elif row.derived:
            assert row.source is not None
            self.make_read_only(
                self.tr(
                    "Spesa derivata da un pagamento ({0}): si modifica solo dal pagamento."
                ).format(expenditures.SOURCE_LABELS[row.source].lower())
            )

    def reload_current(self) -> None:
        assert self.expenditure_id is not None
        self._load(self.expenditure_id)

    def _input(self, errors: dict[str, str]) -> expenditures.ExpenditureInput:
        amount = _read_amount(self.amount, "amount", errors)
        eligible = _read_amount(self.eligible, "eligible", errors, required=False)
        vat = _read_amount(self.vat, "vat", errors, required=False)
        return expenditures.ExpenditureInput(
            document_type=self.document_type.text(),
            number=self.number.text(),
            document_date=_read_date(self.document_date, "document_date", errors),
            supplier_name=self.supplier_name.text(),
            amount=amount,
            eligible=eligible if eligible is not None or self.eligible.text().strip() else amount,
            budget_line_id=self.line.currentData(),
            supplier_tax_code=self.supplier_tax_code.text(),
            vat=vat if vat is not None else Decimal(0),
            paid_on=_read_date(self.paid_on, "paid_on", errors),
            payment_method=self.payment_method.text(),
            cig=self.cig.text(),
            description=self.description.text(),
            document_id=self.document_id,
        )

    def problems(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        data = self._input(errors)
        return {**expenditures.problems(expenditures.normalise(data)), **errors}

    def write(self) -> int:
        data = self._input({})
        with self.ctx.db.transaction(self.ctx.actor) as session:
            # The scan is kept in the same transaction (unless a colleague's, taken in a
            # merge, replaced it in the form).
            if self._pending is not None and self._pending[0] == self.document_name.text():
                name, content = self._pending
                media = mimetypes.guess_type(name)[0] or "application/octet-stream"
                data = dataclasses.replace(
                    data,
                    document_id=conventions.attach_document(
                        session, self.ctx.actor, self.convention_id, name, content, media
                    ),
                )
            if self.expenditure_id is None:
                result = expenditures.create_expenditure(
                    session, self.ctx.actor, self.convention_id, data
                )
            else:
                assert self.version is not None
                result = expenditures.update_expenditure(
                    session, self.ctx.actor, self.expenditure_id, self.version, data
                )
        notify_changed("expenditure")
        return result.id


# --- dialogs of the staff, the deadlines, the extensions and the partners ------------------


def _percent_text(part: Decimal, whole: Decimal) -> str:
    if whole <= 0:
        return ""
    share = (part * 100 / whole).quantize(Decimal("0.01"))
    return f"{share}".replace(".", ",") + "%"


class StaffCostDialog(_GuardedDialog):
    """A staff member's cost for a year: gross annual cost and annual hours; the hourly
    cost (their quotient, to the cent) is shown as they are typed."""

    DEFAULT_HOURS = 1548

    def __init__(
        self,
        ctx: AppContext,
        staff_member_id: int,
        staff_name: str,
        year: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.staff_member_id = staff_member_id
        self.setWindowTitle(self.tr("Costo annuo di {0}").format(staff_name))
        self.setMinimumWidth(480)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.year.setMaximumWidth(100)
        self.annual_gross = QLineEdit()
        self.annual_gross.setPlaceholderText("32.000,00")
        self.annual_hours = QSpinBox()
        self.annual_hours.setRange(1, 3000)
        self.annual_hours.setValue(self.DEFAULT_HOURS)
        self.annual_hours.setSuffix(self.tr(" ore"))
        self.annual_hours.setMaximumWidth(130)
        self.hourly = QLabel()
        self.hourly.setObjectName("hourly_cost")
        self.errors.add_row(self.form, self.tr("Anno"), "year", self.year)
        self.errors.add_row(
            self.form, self.tr("Costo lordo annuo (EUR)"), "annual_gross", self.annual_gross
        )
        self.errors.add_row(self.form, self.tr("Ore annue"), "annual_hours", self.annual_hours)
        self.form.addRow(QLabel(self.tr("Costo orario")), self.hourly)
        explanation = QLabel(
            self.tr(
                "Costo orario = costo lordo annuo / ore annue, arrotondato al centesimo: "
                "moltiplicato per le ore del timesheet dà il costo del mese."
            )
        )
        explanation.setWordWrap(True)
        explanation.setStyleSheet("color: #555;")
        self.layout_.addWidget(explanation)
        self.finish_layout()
        self._load_year(year)
        self.annual_gross.textChanged.connect(lambda _t: self._update_hourly())
        self.annual_hours.valueChanged.connect(lambda _v: self._update_hourly())
        self.year.valueChanged.connect(self._load_year)
        self.guard.mark_clean()
        if self.read_only:
            self.make_read_only(
                self.tr("Sola lettura: il ruolo non permette di modificare i costi del personale.")
            )

    def _load_year(self, year: int) -> None:
        """The year's stored figures, when there are some (else what is typed stays)."""
        with self.ctx.db.reading() as session:
            found = staff.staff_cost(session, self.ctx.actor, self.staff_member_id, year)
        if found is not None:
            self.annual_gross.setText(money.format_amount(found.annual_gross))
            self.annual_hours.setValue(found.annual_hours)
        self._update_hourly()

    def _gross(self, errors: dict[str, str]) -> Decimal | None:
        gross = _read_amount(self.annual_gross, "annual_gross", errors)
        if gross is not None and gross < 0:
            errors["annual_gross"] = self.tr("l'importo non può essere negativo")
            return None
        return gross

    def _update_hourly(self) -> None:
        gross = self._gross({})
        if gross is None:
            self.hourly.setText("—")
            return
        hourly = staff.hourly_cost(gross, self.annual_hours.value())
        self.hourly.setText(self.tr("{0} EUR l'ora").format(money.format_amount(hourly)))

    def problems(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        self._gross(errors)
        return errors

    def write(self) -> int:
        errors: dict[str, str] = {}
        gross = self._gross(errors)
        if errors:
            raise ValidationError(errors)
        with self.ctx.db.transaction(self.ctx.actor) as session:
            new_id = staff.set_staff_cost(
                session,
                self.ctx.actor,
                self.staff_member_id,
                self.year.value(),
                gross,
                self.annual_hours.value(),
            )
        notify_changed("staff_cost")
        return new_id


class DeadlineDialog(_GuardedDialog):
    """A new deadline: what is due, when, whether it repeats every quarter, how many days
    ahead the Home screen reminds it."""

    def __init__(self, ctx: AppContext, convention_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.convention_id = convention_id
        self.setWindowTitle(self.tr("Nuova scadenza"))
        self.setMinimumWidth(540)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Relazione intermedia, rendiconto…"))
        self.due_on = DateField(YearRule.AHEAD)
        self.recurrence = QComboBox()
        self.recurrence.addItem(self.tr("Nessuna (una sola scadenza)"), Recurrence.NONE)
        self.recurrence.addItem(
            self.tr("Trimestrale (ogni 3 mesi fino alla fine della convenzione)"),
            Recurrence.QUARTERLY,
        )
        self.remind_days = QSpinBox()
        self.remind_days.setRange(0, 365)
        self.remind_days.setValue(15)
        self.remind_days.setSuffix(self.tr(" giorni prima"))
        self.remind_days.setMaximumWidth(160)
        self.errors.add_row(self.form, self.tr("Adempimento"), "title", self.title_edit)
        self.errors.add_row(self.form, self.tr("Scadenza"), "due_on", self.due_on)
        self.errors.add_row(self.form, self.tr("Ricorrenza"), "recurrence", self.recurrence)
        self.errors.add_row(self.form, self.tr("Promemoria"), "remind_days", self.remind_days)
        self.finish_layout()
        self.guard.mark_clean()
        if self.read_only:
            self.make_read_only()

    def problems(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        problem = text_problem(self.title_edit.text(), 200, required=True)
        if problem:
            errors["title"] = problem
        due = _read_date(self.due_on, "due_on", errors)
        if due is None and "due_on" not in errors:
            errors["due_on"] = REQUIRED
        return errors

    def write(self) -> int:
        with self.ctx.db.transaction(self.ctx.actor) as session:
            ids = deadlines.add_deadlines(
                session,
                self.ctx.actor,
                self.convention_id,
                self.title_edit.text(),
                self.due_on.date(),
                self.remind_days.value(),
                Recurrence(self.recurrence.currentData()),
            )
        notify_changed("deadline")
        return ids[0]


class DeadlineDoneDialog(_GuardedDialog):
    """A deadline met: the day and the document produced (the file sent, a protocol)."""

    def __init__(
        self, ctx: AppContext, row: deadlines.DeadlineRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.row = row
        self.setWindowTitle(self.tr("Scadenza fatta"))
        self.setMinimumWidth(520)
        what = QLabel(row.title)
        what.setWordWrap(True)
        self.form.addRow(QLabel(self.tr("Adempimento")), what)
        self.form.addRow(QLabel(self.tr("Scadenza")), QLabel(f"{row.due_on:%d/%m/%Y}"))
        self.done_on = DateField()
        self.done_on.set_date(row.done_on or clock.today())
        self.document = QLineEdit(row.done_document or "")
        self.document.setPlaceholderText(self.tr("file inviato, n. di protocollo, PEC…"))
        self.errors.add_row(self.form, self.tr("Fatta il"), "done_on", self.done_on)
        self.errors.add_row(
            self.form, self.tr("Documento prodotto"), "done_document", self.document
        )
        self.finish_layout()
        self.guard.mark_clean()
        if self.read_only:
            self.make_read_only()

    def problems(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if _read_date(self.done_on, "done_on", errors) is None and "done_on" not in errors:
            errors["done_on"] = REQUIRED
        elif (
            "done_on" not in errors
            and self.done_on.date()
            and (
                self.done_on.date() > clock.today()  # type: ignore[operator]
            )
        ):
            errors["done_on"] = self.tr("la data non può essere futura")
        problem = text_problem(self.document.text(), 300, required=True)
        if problem:
            errors["done_document"] = problem
        return errors

    def write(self) -> int:
        with self.ctx.db.transaction(self.ctx.actor) as session:
            deadlines.mark_done(
                session,
                self.ctx.actor,
                self.row.id,
                self.row.version,
                self.done_on.date(),
                self.document.text(),
            )
        notify_changed("deadline")
        return self.row.id


class ExtensionDialog(_GuardedDialog):
    """A proroga: the new end, its reason and the date of the act that grants it."""

    def __init__(
        self,
        ctx: AppContext,
        convention_id: int,
        current_end: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.convention_id = convention_id
        self.current_end = current_end
        self.setWindowTitle(self.tr("Proroga della convenzione"))
        self.setMinimumWidth(520)
        self.form.addRow(QLabel(self.tr("Fine attuale")), QLabel(f"{current_end:%d/%m/%Y}"))
        self.new_end = DateField(YearRule.AHEAD)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("ad esempio: proroga concessa per l'emergenza"))
        self.granted_on = DateField()
        self.granted_on.set_date(clock.today())
        self.errors.add_row(self.form, self.tr("Nuova fine"), "new_end", self.new_end)
        self.errors.add_row(self.form, self.tr("Motivo"), "reason", self.reason)
        self.errors.add_row(self.form, self.tr("Data dell'atto"), "granted_on", self.granted_on)
        self.finish_layout()
        self.guard.mark_clean()
        if self.read_only:
            self.make_read_only()

    def problems(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        new_end = _read_date(self.new_end, "new_end", errors)
        if new_end is None and "new_end" not in errors:
            errors["new_end"] = REQUIRED
        elif new_end is not None and new_end <= self.current_end:
            errors["new_end"] = self.tr(
                "la nuova fine deve essere dopo la fine attuale ({0})"
            ).format(f"{self.current_end:%d/%m/%Y}")
        problem = text_problem(self.reason.text(), 300, required=True)
        if problem:
            errors["reason"] = problem
        _read_date(self.granted_on, "granted_on", errors)
        return errors

    def write(self) -> int:
        with self.ctx.db.transaction(self.ctx.actor) as session:
            new_id = conventions.add_extension(
                session,
                self.ctx.actor,
                self.convention_id,
                self.new_end.date(),
                self.reason.text(),
                self.granted_on.date(),
            )
        notify_changed("convention")
        return new_id


class PartnerDialog(_GuardedDialog):
    """A partner of the convention: the organisation, its share in euro (shown as a part of
    the convention's total as it is typed) and its role."""

    def __init__(
        self,
        ctx: AppContext,
        convention_id: int,
        total: Decimal,
        partner: conventions.PartnerRow | None = None,
        taken: frozenset[int] = frozenset(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.convention_id = convention_id
        self.total = total
        self.setMinimumWidth(540)
        self.organisation = QComboBox()
        self.organisation.addItem(self.tr("(scegliere)"), None)
        with ctx.db.reading() as session:
            for organisation_id, name in conventions.organisations(session, ctx.actor):
                if organisation_id in taken and (
                    partner is None or partner.organisation_id != organisation_id
                ):
                    continue  # already a partner: changed from its own row
                self.organisation.addItem(name, organisation_id)
        self.share = QLineEdit()
        self.share.setPlaceholderText("1.234,56")
        self.role = QLineEdit()
        self.role.setPlaceholderText(self.tr("capofila, partner, ente attuatore…"))
        self.percent = QLabel()
        self.percent.setObjectName("partner_percent")
        self.errors.add_row(self.form, self.tr("Ente"), "organisation", self.organisation)
        self.errors.add_row(self.form, self.tr("Quota (EUR)"), "share", self.share)
        self.form.addRow(QLabel(self.tr("Parte del totale")), self.percent)
        self.errors.add_row(self.form, self.tr("Ruolo"), "role", self.role)
        self.finish_layout()
        if partner is None:
            self.setWindowTitle(self.tr("Nuovo partner"))
        else:
            self.setWindowTitle(self.tr("Partner {0}").format(partner.organisation))
            self.organisation.setCurrentIndex(
                max(0, self.organisation.findData(partner.organisation_id))
            )
            self.organisation.setEnabled(False)
            self.share.setText(_amount_text(partner.share))
            self.role.setText(partner.role or "")
        self.share.textChanged.connect(lambda _t: self._update_percent())
        self._update_percent()
        self.guard.mark_clean()
        if self.read_only:
            self.make_read_only()

    def _share(self, errors: dict[str, str]) -> Decimal | None:
        share = _read_amount(self.share, "share", errors)
        if share is not None and share < 0:
            errors["share"] = self.tr("l'importo non può essere negativo")
            return None
        if share is not None and share > self.total:
            errors["share"] = self.tr(
                "la quota supera l'importo totale della convenzione ({0} EUR)"
            ).format(money.format_amount(self.total))
            return None
        return share

    def _update_percent(self) -> None:
        share = self._share({})
        total = money.format_amount(self.total, "EUR")
        if share is None or self.total <= 0:
            self.percent.setText(self.tr("— dell'importo totale ({0})").format(total))
            return
        self.percent.setText(
            self.tr("{0} dell'importo totale ({1})").format(_percent_text(share, self.total), total)
        )

    def problems(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.organisation.currentData() is None:
            errors["organisation"] = REQUIRED
        self._share(errors)
        problem = text_problem(self.role.text(), 120)
        if problem:
            errors["role"] = problem
        return errors

    def write(self) -> int:
        with self.ctx.db.transaction(self.ctx.actor) as session:
            new_id = conventions.set_partner(
                session,
                self.ctx.actor,
                self.convention_id,
                self.organisation.currentData(),
                self._share({}),
                self.role.text(),
            )
        notify_changed("convention")
        return new_id


class ReopenMonthDialog(QDialog):
    """Reopening a closed month of a timesheet: what it undoes, and the reason, which the
    activity log keeps. The safe answer (Annulla) is the default."""

    def __init__(
        self,
        ctx: AppContext,
        staff_member_id: int,
        staff_name: str,
        convention_id: int,
        month: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.staff_member_id = staff_member_id
        self.convention_id = convention_id
        self.month = month
        self.removed: list[int] = []
        self.setWindowTitle(self.tr("Riaprire il mese?"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "Il timesheet di {0} per {1} è chiuso. Riaprendolo, la spesa del costo del "
                "personale registrata alla chiusura sarà eliminata e le ore torneranno "
                "modificabili; il costo si registra di nuovo richiudendo il mese."
            ).format(staff_name, month_label(month))
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.errors = FieldErrors()
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("ad esempio: ore del 12 registrate due volte"))
        self.errors.add_row(form, self.tr("Motivo"), "reopen_reason", self.reason)
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        self.reopen_button = buttons.addButton(
            self.tr("Riapri il mese"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("Annulla"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.reopen_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.reopen_button.clicked.connect(self.reopen)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def reopen(self) -> bool:
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                self.removed = staff.reopen_month(
                    session,
                    self.ctx.actor,
                    self.staff_member_id,
                    self.convention_id,
                    self.month,
                    self.reason.text(),
                )
        except ValidationError as exc:
            unplaced = self.errors.show(exc)
            if unplaced:
                show_service_error(self, ValidationError(unplaced))
            return False
        except ServiceError as exc:
            show_service_error(self, exc)
            return False
        notify_changed("timesheet_month", "expenditure")
        self.accept()
        return True


def month_label(month: dt.date) -> str:
    """ "marzo 2021"."""
    return month_and_year(month)
