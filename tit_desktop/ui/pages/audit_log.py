"""Registro attività: who did what, to whom, when, in Italian sentences.

The list shows a page of the log, newest first; it follows the application's "changed"
signal (and is read again when it comes back on screen, since consultations and logins
signal nothing), keeping the filters, the page, the selected row and the scroll position.
Turning rows into sentences is :mod:`tit_desktop.services.audit_text`'s job.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QStringListModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.models.audit import AuditAction
from tit_desktop.services import audit, audit_chain, audit_text
from tit_desktop.services.permissions import Permission
from tit_desktop.ui.background import run_in_background
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.errors import handle_error
from tit_desktop.ui.signals import app_signals

Index = QModelIndex | QPersistentModelIndex


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


class AuditLogModel(QAbstractTableModel):
    """The lines of one page: when, who, the person concerned, the sentence."""

    WHEN, USER, PERSON, TEXT = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[audit_text.AuditLine] = []
        self._titles = [
            self.tr("Data e ora"),
            self.tr("Utente"),
            self.tr("Persona"),
            self.tr("Attività"),
        ]

    def set_lines(self, lines: list[audit_text.AuditLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def line_at(self, row: int) -> audit_text.AuditLine:
        return self._lines[row]

    def row_of_id(self, audit_id: int) -> int | None:
        for i, line in enumerate(self._lines):
            if line.id == audit_id:
                return i
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def _text(self, line: audit_text.AuditLine, column: int) -> str:
        if column == self.WHEN:
            return audit_text.local_time(line.row.at, seconds=False)
        if column == self.USER:
            return line.row.username
        if column == self.PERSON:
            return line.person
        return line.text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == self.WHEN:
                return audit_text.local_time(line.row.at)
            return self._text(line, index.column()) or None
        if role == Qt.ItemDataRole.UserRole:
            return line.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._titles):
            return self._titles[section]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class AuditDetailDialog(QDialog):
    """One activity, readable: the facts, then each field with its value before and after."""

    def __init__(self, detail: audit_text.Detail, action: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dettaglio dell'attività"))
        self.setMinimumSize(620, 300)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.facts: dict[str, QLabel] = {}
        for label, value in detail.facts:
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts[label] = shown
            form.addRow(f"<b>{label}:</b>", shown)
        layout.addLayout(form)
        self.table = QTableWidget(len(detail.rows), 3)
        self.table.setObjectName("audit_detail_table")
        self.table.setHorizontalHeaderLabels([self.tr("Campo"), self.tr("Prima"), self.tr("Dopo")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        for r, row in enumerate(detail.rows):
            for c, text in enumerate((row.field, row.before, row.after)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # A new record has no "before", a deleted one no "after".
        self.table.setColumnHidden(1, action == AuditAction.INSERT)
        self.table.setColumnHidden(2, action == AuditAction.DELETE)
        if action == AuditAction.INSERT:
            self.table.setHorizontalHeaderItem(2, QTableWidgetItem(self.tr("Valore")))
        if action == AuditAction.DELETE:
            self.table.setHorizontalHeaderItem(1, QTableWidgetItem(self.tr("Valore")))
        self.table.resizeRowsToContents()
        self.table.setCurrentItem(None)
        self.table.setVisible(bool(detail.rows))
        layout.addWidget(self.table, 1)
        self.note = QLabel(detail.note)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.note.setVisible(bool(detail.note))
        layout.addWidget(self.note)
        if not detail.rows:
            layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if detail.rows:
            self.resize(760, min(640, 220 + 30 * len(detail.rows)))


class AuditLogPage(QWidget):
    PAGE = 200
    SUGGESTIONS = 15

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._offset = 0
        self._total = 0
        self._person: audit_text.PersonRef | None = None
        self._suggested: dict[str, audit_text.PersonRef] = {}
        self._stale = False
        self._page: audit_text.AuditPage | None = None
        self._setup_ui()
        self._load_users()
        self.refresh()

    # --- layout -------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        first = QHBoxLayout()
        self.person = QLineEdit()
        self.person.setObjectName("audit_person")
        self.person.setPlaceholderText(self.tr("Codice o nome"))
        self.person.setClearButtonEnabled(True)
        self.person.setMinimumWidth(220)
        self._suggestions = QStringListModel(self)
        completer = QCompleter(self._suggestions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated.connect(self._person_picked)
        self.person.setCompleter(completer)
        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(250)
        self._suggest_timer.timeout.connect(self._suggest)
        self.user = QComboBox()
        self.user.setObjectName("audit_user")
        self.entity = QComboBox()
        self.entity.setObjectName("audit_entity")
        self.entity.addItem(self.tr("Tutti i tipi"), None)
        for name, label in audit_text.ENTITY_LABELS.items():
            self.entity.addItem(label, name)
        self.action = QComboBox()
        self.action.setObjectName("audit_action")
        self.action.addItem(self.tr("Tutte le azioni"), None)
        for action, label in audit_text.ACTION_LABELS.items():
            self.action.addItem(label, action)
        person_label = QLabel(self.tr("&Persona:"))
        person_label.setBuddy(self.person)
        user_label = QLabel(self.tr("&Utente:"))
        user_label.setBuddy(self.user)
        entity_label = QLabel(self.tr("&Tipo:"))
        entity_label.setBuddy(self.entity)
        action_label = QLabel(self.tr("A&zione:"))
        action_label.setBuddy(self.action)
        for widget in (
            person_label,
            self.person,
            user_label,
            self.user,
            entity_label,
            self.entity,
            action_label,
            self.action,
        ):
            first.addWidget(widget)
        first.addStretch(1)
        layout.addLayout(first)

        second = QHBoxLayout()
        self.use_dates = QCheckBox(self.tr("Peri&odo dal"))
        self.use_dates.setObjectName("audit_use_dates")
        self.date_from = QDateEdit(QDate.currentDate().addDays(-30))
        self.date_to = QDateEdit(QDate.currentDate())
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setEnabled(False)
        self.search_button = QPushButton(self.tr("&Cerca"))
        self.search_button.setObjectName("audit_search")
        self.clear_button = QPushButton(self.tr("Azzera i f&iltri"))
        self.clear_button.setObjectName("audit_clear")
        self.newer_button = QPushButton(self.tr("‹ Più &recenti"))
        self.newer_button.setObjectName("audit_newer")
        self.older_button = QPushButton(self.tr("Più &vecchie ›"))
        self.older_button.setObjectName("audit_older")
        for widget in (
            self.use_dates,
            self.date_from,
            QLabel(self.tr("al")),
            self.date_to,
            self.search_button,
            self.clear_button,
        ):
            second.addWidget(widget)
        second.addStretch(1)
        second.addWidget(self.newer_button)
        second.addWidget(self.older_button)
        layout.addLayout(second)

        self.summary = QLabel()
        self.summary.setObjectName("audit_summary")
        layout.addWidget(self.summary)
        self.model = AuditLogModel(self)
        self.view = QTableView()
        self.view.setObjectName("audit_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        self.detail_button = QPushButton(self.tr("&Dettagli…"))
        self.detail_button.setObjectName("audit_detail")
        hint = QLabel(self.tr("Doppio clic o Invio su una riga per vederne i dettagli."))
        hint.setStyleSheet("color: #555;")
        bottom.addWidget(self.detail_button)
        bottom.addWidget(hint)
        bottom.addStretch(1)
        # Administrators check that nobody altered the log behind the application's back.
        self.verify_button = QPushButton(self.tr("Verifica l'inte&grità…"))
        self.verify_button.setObjectName("audit_verify")
        self.verify_button.setToolTip(
            self.tr("Controlla che nessuna riga del registro sia stata modificata o cancellata")
        )
        self.verify_button.setVisible(self._ctx.actor.can(Permission.VERIFY_AUDIT))
        bottom.addWidget(self.verify_button)
        layout.addLayout(bottom)

        self.person.textEdited.connect(self._person_edited)
        self.person.returnPressed.connect(self.search)
        self.user.currentIndexChanged.connect(self.search)
        self.entity.currentIndexChanged.connect(self.search)
        self.action.currentIndexChanged.connect(self.search)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self._dates_changed)
        self.date_to.dateChanged.connect(self._dates_changed)
        self.search_button.clicked.connect(self.search)
        self.clear_button.clicked.connect(self.clear_filters)
        self.newer_button.clicked.connect(self._newer)
        self.older_button.clicked.connect(self._older)
        self.detail_button.clicked.connect(self.show_detail)
        self.verify_button.clicked.connect(self.verify_chain)
        self.view.doubleClicked.connect(self.show_detail)
        self.view.activated.connect(self.show_detail)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        app_signals().changed.connect(self._on_changed)

    def verify_chain(self) -> None:
        """Check the whole chain off the GUI thread and say whether it is intact or
        where the first broken link is."""
        ctx = self._ctx

        def work(_progress: object) -> audit_chain.ChainReport:
            with ctx.db.reading() as session:
                return audit_chain.verify_as(session, ctx.actor)

        def done(report: audit_chain.ChainReport) -> None:
            title = self.tr("Verifica del registro delle attività")
            if report.intact:
                QMessageBox.information(self, title, report.describe())
            else:
                QMessageBox.warning(self, title, report.describe())

        run_in_background(
            self,
            work,
            done,
            lambda exc: handle_error(self, exc),
            progress=self.tr("Verifica del registro in corso…"),
            cancellable=False,
        )

    def _load_users(self) -> None:
        with self._ctx.db.reading() as session:
            choices = audit_text.user_choices(session, self._ctx.actor)
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(self.tr("Tutti gli utenti"), None)
        for username, text in choices:
            self.user.addItem(text, username)
        self.user.blockSignals(False)

    # --- person filter ------------------------------------------------------------------
    def _person_edited(self, _text: str) -> None:
        self._person = None
        self._suggest_timer.start()

    def _suggest(self) -> None:
        text = self.person.text().strip()
        found: list[audit_text.PersonRef] = []
        if text:
            with self._ctx.db.reading() as session:
                found = audit_text.find_persons(session, self._ctx.actor, text, self.SUGGESTIONS)
        self._suggested = {ref.text: ref for ref in found}
        self._suggestions.setStringList(list(self._suggested))
        if found and self.person.hasFocus():
            self.person.completer().complete()

    def _person_picked(self, text: str) -> None:
        self._person = self._suggested.get(text)
        self.search()

    def choose_person(self, ref: audit_text.PersonRef | None) -> None:
        """Filter the log by this person (None: everybody)."""
        self._person = ref
        self.person.setText(ref.text if ref else "")
        self.search()

    def _resolve_person(self) -> tuple[bool, int | None]:
        """(go on, person id): a typed text matching one person counts as chosen."""
        text = self.person.text().strip()
        if not text:
            self._person = None
            return True, None
        if self._person is not None and text == self._person.text:
            return True, self._person.id
        with self._ctx.db.reading() as session:
            found = audit_text.find_persons(session, self._ctx.actor, text, 2)
        if len(found) == 1:
            self._person = found[0]
            self.person.setText(found[0].text)
            return True, found[0].id
        self.model.set_lines([])
        self._total = 0
        self._update_paging()
        if not found:
            self.summary.setText(self.tr("Nessuna persona corrisponde a «{0}».").format(text))
        else:
            self.summary.setText(
                self.tr("Più persone corrispondono a «{0}»: sceglietene una dall'elenco.").format(
                    text
                )
            )
            self._suggest()
        return False, None

    # --- filters and paging ---------------------------------------------------------------
    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.search()

    def _dates_changed(self) -> None:
        if self.use_dates.isChecked():
            self.search()

    def current_filter(self, person_id: int | None = None) -> audit.AuditFilter:
        dates = self.use_dates.isChecked()
        return audit.AuditFilter(
            username=self.user.currentData(),
            entity=self.entity.currentData(),
            person_id=person_id,
            action=self.action.currentData(),
            date_from=self.date_from.date().toPython() if dates else None,
            date_to=self.date_to.date().toPython() if dates else None,
        )

    def clear_filters(self) -> None:
        for combo in (self.user, self.entity, self.action):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.use_dates.blockSignals(True)
        self.use_dates.setChecked(False)
        self.use_dates.blockSignals(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self._person = None
        self.person.clear()
        self.search()

    def search(self) -> None:
        """New filters: back to the newest page."""
        self._offset = 0
        self.refresh(keep_position=False)

    def _newer(self) -> None:
        self._offset = max(0, self._offset - self.PAGE)
        self.refresh(keep_position=False)

    def _has_older(self) -> bool:
        if self._total > audit.COUNT_CAP:  # counted only up to the cap: a full page goes on
            return self.model.rowCount() == self.PAGE
        return self._offset + self.PAGE < self._total

    def _older(self) -> None:
        if self._has_older():
            self._offset += self.PAGE
            self.refresh(keep_position=False)

    def _update_paging(self) -> None:
        self.newer_button.setEnabled(self._offset > 0)
        self.older_button.setEnabled(self._has_older())

    # --- loading --------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.line_at(rows[0].row()).id if rows else None

    def refresh(self, keep_position: bool = True) -> None:
        """Read the page again with the same filters; the selected row stays selected and
        the row at the top of the view stays there (unless the view was at the top, where
        new activities appear)."""
        go_on, person_id = self._resolve_person()
        if not go_on:
            return
        selected = self.selected_id() if keep_position else None
        top_row = self.view.indexAt(QPoint(0, 0)).row() if keep_position else -1
        top_id = self.model.line_at(top_row).id if top_row > 0 else None
        with self._ctx.db.reading() as session:
            page = audit_text.load_page(
                session, self._ctx.actor, self.current_filter(person_id), self.PAGE, self._offset
            )
            if not page.lines and self._offset and page.total:
                self._offset = max(0, (page.total - 1) // self.PAGE * self.PAGE)
                page = audit_text.load_page(
                    session,
                    self._ctx.actor,
                    self.current_filter(person_id),
                    self.PAGE,
                    self._offset,
                )
        self._page = page
        self._total = page.total
        self.model.set_lines(list(page.lines))
        self._stale = False
        self._fit_columns()
        self._update_paging()
        self._update_summary(len(page.lines))
        if selected is not None:
            row = self.model.row_of_id(selected)
            if row is not None:
                self.view.selectRow(row)
        if top_id is not None:
            row = self.model.row_of_id(top_id)
            if row is not None:
                self.view.scrollTo(
                    self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop
                )
        elif not keep_position:
            self.view.scrollToTop()
        self._selection_changed()

    def _fit_columns(self) -> None:
        for column in (AuditLogModel.WHEN, AuditLogModel.USER, AuditLogModel.PERSON):
            self.view.resizeColumnToContents(column)
            width = self.view.columnWidth(column)
            self.view.setColumnWidth(column, min(width + 12, 320))

    def _update_summary(self, shown: int) -> None:
        total = self._total
        if total == 0:
            self.summary.setText(self.tr("Nessuna attività con questi filtri."))
        elif total <= self.PAGE and self._offset == 0:
            self.summary.setText(self.tr("%n attività", "", total))
        else:
            of = (
                self.tr("più di {0}").format(_thousands(audit.COUNT_CAP))
                if total > audit.COUNT_CAP
                else _thousands(total)
            )
            self.summary.setText(
                self.tr("Attività da {0} a {1} di {2}, dalla più recente.").format(
                    _thousands(self._offset + 1), _thousands(self._offset + shown), of
                )
            )

    def _selection_changed(self, *_args: object) -> None:
        self.detail_button.setEnabled(self.selected_id() is not None)

    def _on_changed(self, _entities: frozenset[str]) -> None:
        # Every write leaves a row in the log, whatever changed.
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        # Consultations, prints and logins signal nothing: read again when back on screen.
        self._stale = True

    # --- detail ---------------------------------------------------------------------------
    def detail_dialog(self) -> AuditDetailDialog | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows or self._page is None:
            return None
        line = self.model.line_at(rows[0].row())
        detail = audit_text.detail(line.row, self._page.references)
        return AuditDetailDialog(detail, line.row.action, self)

    def show_detail(self, *_args: object) -> None:
        dialog = self.detail_dialog()
        if dialog is not None:
            dialog.exec()
