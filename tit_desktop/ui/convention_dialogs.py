"""Dialogs of the Convenzione area: the convention, an expenditure, a budget line and a
variation. Each asks before losing edits (FormGuard), shows each error beside its field
(FieldErrors) and is read-only for the read-only role."""

from __future__ import annotations

import dataclasses
import datetime as dt
import mimetypes
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.models import CostCategory
from tit_desktop.services import money
from tit_desktop.services.convention import budget, conventions, expenditures
from tit_desktop.services.convention.checks import REQUIRED
from tit_desktop.services.errors import NotFound, ServiceError, StaleRecord, ValidationError
from tit_desktop.services.permissions import Permission
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.dates import DateField, InvalidInput
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
        self.setMinimumWidth(620)
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
        self.extensions = QLabel()
        self.extensions.setWordWrap(True)
        self.form.addRow(QLabel(self.tr("Proroghe")), self.extensions)
        self.partners = QLabel()
        self.partners.setWordWrap(True)
        self.form.addRow(QLabel(self.tr("Partner")), self.partners)
        self.documents = QLabel()
        self.documents.setWordWrap(True)
        self.form.addRow(QLabel(self.tr("Documenti")), self.documents)
        extras = QHBoxLayout()
        self.extension_button = QPushButton(self.tr("Aggiungi &proroga…"))
        self.partner_button = QPushButton(self.tr("Aggiungi pa&rtner…"))
        self.document_button = QPushButton(self.tr("A&llega documento…"))
        for button in (self.extension_button, self.partner_button, self.document_button):
            extras.addWidget(button)
            # Only on a saved convention, for the roles that change it.
            button.setVisible(convention_id is not None and not self.read_only)
        extras.addStretch(1)
        self.layout_.addLayout(extras)
        self.extension_button.clicked.connect(self._add_extension)
        self.partner_button.clicked.connect(self._add_partner)
        self.document_button.clicked.connect(self._attach)
        self.finish_layout()
        if convention_id is None:
            self.setWindowTitle(self.tr("Nuova convenzione"))
            self.extensions.setText(self.tr("nessuna"))
            self.partners.setText(self.tr("nessuno"))
            self.documents.setText(self.tr("nessuno"))
        else:
            self._load(convention_id)
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

    def _show_related(self, detail: conventions.ConventionDetail) -> None:
        self.extensions.setText(
            "; ".join(f"al {e.new_end:%d/%m/%Y} ({e.reason})" for e in detail.extensions)
            or self.tr("nessuna")
        )
        self.partners.setText(
            "; ".join(
                f"{p.organisation}: {money.format_amount(p.share, 'EUR')}" for p in detail.partners
            )
            or self.tr("nessuno")
        )
        self.documents.setText(
            "; ".join(d.file_name for d in detail.documents) or self.tr("nessuno")
        )

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
        with self.ctx.db.reading() as session:
            detail = conventions.convention_detail(session, self.ctx.actor, self.convention_id)
        self._show_related(detail)

    def _add_extension(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from tit_desktop.ui.dates import YearRule, parse_date

        text, ok = QInputDialog.getText(
            self, self.tr("Proroga"), self.tr("Nuova fine (gg/mm/aaaa):")
        )
        if not ok:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Proroga"), self.tr("Motivo:"))
        if not ok:
            return
        try:
            new_end = parse_date(text, YearRule.AHEAD)
        except InvalidInput as exc:
            show_service_error(self, ValidationError({"new_end": str(exc)}))
            return
        convention_id = self.convention_id
        self._side_write(
            lambda session: conventions.add_extension(
                session, self.ctx.actor, convention_id, new_end, reason, dt.date.today()
            )
        )

    def _add_partner(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        with self.ctx.db.reading() as session:
            choices = conventions.organisations(session, self.ctx.actor)
        if not choices:
            return
        names = [name for _id, name in choices]
        name, ok = QInputDialog.getItem(self, self.tr("Partner"), self.tr("Ente:"), names, 0, False)
        if not ok:
            return
        share_text, ok = QInputDialog.getText(self, self.tr("Partner"), self.tr("Quota (EUR):"))
        if not ok:
            return
        try:
            share = money.parse_amount(share_text)
        except money.AmountError as exc:
            show_service_error(self, ValidationError({"share": exc.message}))
            return
        organisation_id = dict((n, i) for i, n in choices)[name]
        convention_id = self.convention_id
        self._side_write(
            lambda session: conventions.set_partner(
                session, self.ctx.actor, convention_id, organisation_id, share
            )
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
        problems = self.problems()
        if problems:
            raise ValidationError(problems)
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
        problems = self.problems()
        if problems:
            raise ValidationError(problems)
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
