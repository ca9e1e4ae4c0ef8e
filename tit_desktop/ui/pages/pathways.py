"""Percorsi: the list of percorsi (filters: open/closed, operator, period, person), the
percorso's record (entry, actions, operator, exit with destination; the individual plan,
review meetings and autonomy assessments), and the registries of courses and tirocini."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.models.destinations import DESTINATION_GROUPS, ExitDestination
from tit_desktop.services import pathways, persons
from tit_desktop.services.errors import ServiceError, StaleRecord, ValidationError
from tit_desktop.services.permissions import Permission
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.dates import DateField, InvalidInput, YearRule
from tit_desktop.ui.errors import handle_error, show_service_error
from tit_desktop.ui.form_guard import FormGuard, Settled
from tit_desktop.ui.lazy_table import KeyTableModel, LazyColumn
from tit_desktop.ui.questions import confirm
from tit_desktop.ui.signals import app_signals, notify_changed
from tit_desktop.ui.stale_merge import merge_with_colleague
from tit_desktop.ui.widgets import FieldErrors, set_read_only
from tit_desktop.ui.wording import plural

CHANGED = "pathway"


def _date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""


COLUMNS: list[LazyColumn[pathways.PathwayRow]] = [
    LazyColumn("Codice", lambda r: r.code, "code"),
    LazyColumn("Cognome e nome", lambda r: r.name, "name"),
    LazyColumn("Ingresso", lambda r: _date(r.entry_date), "entry_date"),
    LazyColumn("Uscita", lambda r: _date(r.exit_date) or "in corso", "exit_date"),
    LazyColumn("Operatore di riferimento", lambda r: r.staff),
    LazyColumn("Destinazione", lambda r: r.destination),
]


def destination_combo() -> QComboBox:
    combo = QComboBox()
    combo.addItem("—", None)
    for destination in ExitDestination:
        combo.addItem(
            f"{destination.value} ({DESTINATION_GROUPS[destination].value})", destination.value
        )
    return combo


def staff_combo(ctx: AppContext, first: str = "—") -> QComboBox:
    combo = QComboBox()
    combo.addItem(first, None)
    with ctx.db.reading() as session:
        for key, name in persons.staff_choices(session, ctx.actor):
            combo.addItem(name, key)
    return combo


class PersonPicker(QLineEdit):
    """A person typed as in the Beneficiari search (surname, name, Codice), chosen from
    the suggestions; ``code()`` is the Codice of the choice (or what was typed)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setPlaceholderText(self.tr("cognome e nome, o codice"))
        self._choices: dict[str, str] = {}
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompleter(completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._suggest)
        self.textEdited.connect(lambda _t: self._timer.start())

    def _suggest(self) -> None:
        text = self.text()
        if not persons.search_words(text):
            self._model.setStringList([])
            return
        with self.ctx.db.reading() as session:
            ids = persons.search_ids(
                session, self.ctx.actor, persons.PersonFilter(text=text), limit=20
            )
            rows = persons.rows_for(session, self.ctx.actor, ids)
        self._choices = {}
        for person_id in ids:
            row = rows.get(person_id)
            if row is not None:
                self._choices[f"{row.code} — {row.last_name} {row.first_name}"] = row.code
        self._model.setStringList(list(self._choices))

    def code(self) -> str:
        text = self.text().strip()
        return self._choices.get(text, text.split(" — ")[0].strip())

    def set_person(self, code: str, name: str) -> None:
        self.setText(f"{code} — {name}")
        self._choices[self.text()] = code


class PathwayDialog(QDialog):
    """A percorso: the enrolment data and its exit (the plan, reviews and assessments are
    in their tabs once the percorso is saved)."""

    def __init__(
        self,
        ctx: AppContext,
        pathway_id: int | None = None,
        person_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pathway_id = pathway_id
        self.person_id = person_id
        self.version: int | None = None
        self.errors = FieldErrors()
        self.writable = ctx.actor.can(Permission.WRITE_REGISTRY)
        self.setMinimumSize(760, 560)
        self._build()
        self.guard = FormGuard(self, save=self.save)
        self.errors.set_checker(self._problems, depends={"exit_date": ("entry_date",)})
        self.plan_tabs = None
        if pathway_id is not None:
            self._load()
            self._add_plan_tabs()
        else:
            self.setWindowTitle(self.tr("Nuovo percorso"))
            self.entry_date.set_date(dt.date.today())
            if person_id is not None:
                with ctx.db.reading() as session:
                    code = persons.code_of(session, ctx.actor, person_id)
                    rows = persons.rows_for(session, ctx.actor, [person_id])
                row = rows[person_id]
                self.person.set_person(code, f"{row.last_name} {row.first_name}")
        self._sync()
        self.guard.mark_clean()

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.header = QLabel()
        layout.addWidget(self.header)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        e = self.errors
        self.person = PersonPicker(self.ctx)
        self.person.setObjectName("pathway_person")
        self.entry_date = DateField(YearRule.PAST)
        self.entry_date.setObjectName("entry_date")
        self.staff = staff_combo(self.ctx)
        self.actions = QPlainTextEdit()
        self.actions.setObjectName("actions")
        self.actions.setPlaceholderText(
            self.tr("Azioni del percorso: accoglienza, corso di italiano, tirocinio, casa…")
        )
        self.actions.setMaximumHeight(90)
        e.add_row(form, self.tr("&Persona:"), "person_id", self.person)
        e.add_row(form, self.tr("Data &ingresso:"), "entry_date", self.entry_date)
        e.add_row(form, self.tr("&Operatore di riferimento:"), "reference_staff_id", self.staff)
        e.add_row(form, self.tr("&Azioni:"), "actions", self.actions)
        exit_title = QLabel(self.tr("<b>Uscita dal percorso</b> (l'ultimo giorno nel programma)"))
        form.addRow(exit_title)
        self.exit_date = DateField(YearRule.PAST)
        self.exit_date.setObjectName("exit_date")
        self.destination = destination_combo()
        self.destination.setObjectName("exit_destination")
        self.exit_reason = QPlainTextEdit()
        self.exit_reason.setObjectName("exit_reason")
        self.exit_reason.setMaximumHeight(60)
        e.add_row(form, self.tr("Data &uscita:"), "exit_date", self.exit_date)
        e.add_row(form, self.tr("&Destinazione:"), "exit_destination", self.destination)
        e.add_row(form, self.tr("&Motivo dell'uscita:"), "exit_reason", self.exit_reason)
        self.tabs.addTab(page, self.tr("Percorso"))

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Salva"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save")
        self.delete_button = self.buttons.addButton(
            self.tr("Elimina percorso…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.buttons.addButton(self.tr("Chiudi"), QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(self._delete)

    def _add_plan_tabs(self) -> None:
        from tit_desktop.ui.pathway_tabs import PlanTabs

        assert self.pathway_id is not None
        self.plan_tabs = PlanTabs(self.ctx, self.pathway_id, self)
        self.tabs.addTab(self.plan_tabs.plan_page, self.tr("Piano individuale"))
        self.tabs.addTab(self.plan_tabs.review_page, self.tr("Verifiche"))
        self.tabs.addTab(self.plan_tabs.assessment_page, self.tr("Autonomia"))
        app_signals().changed.connect(self._on_changed)

    def _on_changed(self, entities: frozenset[str]) -> None:
        if CHANGED in entities and self.plan_tabs is not None and self.isVisible():
            self.plan_tabs.refresh()

    def _sync(self) -> None:
        exists = self.pathway_id is not None
        self.person.setReadOnly(exists or not self.writable)
        set_read_only(self.tabs.widget(0), not self.writable)
        if exists:
            self.person.setReadOnly(True)
        self.save_button.setVisible(self.writable)
        self.delete_button.setVisible(self.writable and exists)

    def _load(self) -> None:
        assert self.pathway_id is not None
        with self.ctx.db.reading() as session:
            view = pathways.get_pathway(session, self.ctx.actor, self.pathway_id)
        self.version = view.version
        self.person_id = view.person_id
        self.person.set_person(view.person_code, view.person_name)
        self.entry_date.set_date(view.entry_date)
        self.staff.setCurrentIndex(max(self.staff.findData(view.reference_staff_id), 0))
        self.actions.setPlainText(view.actions)
        self.exit_date.set_date(view.exit_date)
        self.destination.setCurrentIndex(max(self.destination.findData(view.exit_destination), 0))
        self.exit_reason.setPlainText(view.exit_reason)
        state = self.tr("in corso") if view.is_open else self.tr("concluso")
        self.setWindowTitle(
            self.tr("Percorso di {0} ({1})").format(view.person_name, view.person_code)
        )
        self.header.setText(
            f"<h3>{view.person_name} <small>({view.person_code})</small></h3>"
            + self.tr("Percorso {0}: {1}; presa in carico il {2}.").format(
                state,
                pathways.period_text(view.entry_date, view.exit_date),
                _date(view.intake_date),
            )
        )

    # --- reading the form ---------------------------------------------------------------
    def _read(self) -> tuple[pathways.PathwayInput, dict[str, str]]:
        problems: dict[str, str] = {}

        def date_of(field: DateField, name: str) -> dt.date | None:
            try:
                return field.date()
            except InvalidInput as exc:
                problems[name] = str(exc)
                return None

        data = pathways.PathwayInput(
            person_id=self.person_id or 0,
            entry_date=date_of(self.entry_date, "entry_date"),
            actions=self.actions.toPlainText(),
            reference_staff_id=self.staff.currentData(),
            exit_date=date_of(self.exit_date, "exit_date"),
            exit_destination=self.destination.currentData(),
            exit_reason=self.exit_reason.toPlainText(),
        )
        return data, problems

    def _problems(self) -> dict[str, str]:
        data, problems = self._read()
        found = pathways.form_problems(pathways.normalise(data))
        found.update(problems)
        if "entry_date" in problems:
            found.pop("exit_date", None)
        return found

    def save(self) -> bool:
        if not self.writable:
            return False
        data, problems = self._read()
        if problems:
            self.errors.show(ValidationError(problems))
            return False
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                if self.pathway_id is None:
                    person_id = pathways.person_id_for(session, self.ctx.actor, self.person.code())
                    self.person_id = person_id
                    data = pathways.PathwayInput(**{**data.__dict__, "person_id": person_id})
                    self.pathway_id = pathways.create_pathway(session, self.ctx.actor, data)
                else:
                    assert self.version is not None
                    pathways.update_pathway(
                        session, self.ctx.actor, self.pathway_id, data, self.version
                    )
        except ValidationError as exc:
            unplaced = self.errors.show(exc)
            if unplaced:
                show_service_error(self, ValidationError(unplaced))
            return False
        except StaleRecord:
            merge_with_colleague(self, self._load, ("version", "person_id"))
            return False
        except ServiceError as exc:
            show_service_error(self, exc)
            return False
        notify_changed(CHANGED, "person")
        self.guard.mark_clean()
        self.accept()
        return True

    def reject(self) -> None:
        if self.guard.settle() is Settled.CLOSE:
            super().reject()

    def _delete(self) -> None:
        if self.pathway_id is None or self.version is None:
            return
        if not confirm(
            self,
            self.tr("Eliminare il percorso?"),
            self.tr(
                "Il percorso sarà eliminato con il suo piano individuale, le verifiche e le "
                "valutazioni dell'autonomia. Usare solo per un percorso inserito per errore: "
                "per un percorso finito indicare invece la data di uscita."
            ),
            self.tr("Elimina"),
        ):
            return
        try:
            with self.ctx.db.transaction(self.ctx.actor) as session:
                pathways.delete_pathway(session, self.ctx.actor, self.pathway_id, self.version)
        except Exception as exc:
            handle_error(self, exc)
            return
        # Closed first: the change notice refreshes the open percorsi, and this one is gone.
        self.guard.enabled = False
        super().reject()
        notify_changed(CHANGED, "person")


class PathwaysList(QWidget):
    """The list of percorsi with its filters."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("pathway_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Cerca per cognome, nome o codice"))
        row.addWidget(self.search, 1)
        self.state = QComboBox()
        self.state.setObjectName("filter_state")
        for label, value in (
            (self.tr("Tutti i percorsi"), None),
            (self.tr("In corso"), "open"),
            (self.tr("Conclusi"), "closed"),
        ):
            self.state.addItem(label, value)
        self.staff = staff_combo(ctx, self.tr("Tutti gli operatori"))
        self.staff.setObjectName("filter_staff")
        self.period_from = DateField(YearRule.PAST)
        self.period_from.setObjectName("period_from")
        self.period_to = DateField(YearRule.AHEAD)
        self.period_to.setObjectName("period_to")
        row.addWidget(self.state)
        row.addWidget(self.staff)
        row.addWidget(QLabel(self.tr("Periodo dal")))
        row.addWidget(self.period_from)
        row.addWidget(QLabel(self.tr("al")))
        row.addWidget(self.period_to)
        layout.addLayout(row)
        buttons = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("pathways_summary")
        buttons.addWidget(self.summary, 1)
        self.new_button = QPushButton(self.tr("&Nuovo percorso"))
        self.open_button = QPushButton(self.tr("A&pri"))
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        layout.addLayout(buttons)
        self.model: KeyTableModel[pathways.PathwayRow] = KeyTableModel(
            COLUMNS, self._load_keys, self._fetch, default_sort="entry_date", parent=self
        )
        self.model.descending = True
        self.view = QTableView()
        self.view.setObjectName("pathways_table")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 1)
        self.filter_error = QLabel()
        self.filter_error.setStyleSheet("color: #b00020;")
        self.filter_error.hide()
        layout.addWidget(self.filter_error)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.state, self.staff):
            combo.currentIndexChanged.connect(self.refresh)
        for field in (self.period_from, self.period_to):
            field.editingFinished.connect(self.refresh)
        self.view.activated.connect(self._open_index)
        self.new_button.clicked.connect(self.new_pathway)
        self.open_button.clicked.connect(self.open_selected)
        self.new_button.setEnabled(ctx.actor.can(Permission.WRITE_REGISTRY))
        app_signals().changed.connect(self._on_changed)
        self.refresh()

    def current_filter(self) -> pathways.PathwayFilter:
        try:
            start = self.period_from.date()
            end = self.period_to.date()
            self.filter_error.hide()
        except InvalidInput as exc:
            self.filter_error.setText(self.tr("Periodo: {0}").format(exc))
            self.filter_error.show()
            start = end = None
        return pathways.PathwayFilter(
            text=self.search.text(),
            state=self.state.currentData(),
            staff_id=self.staff.currentData(),
            period_from=start,
            period_to=end,
        )

    def _load_keys(self, sort: str, descending: bool) -> list[int]:
        with self.ctx.db.reading() as session:
            return pathways.search_ids(
                session, self.ctx.actor, self.current_filter(), sort, descending
            )

    def _fetch(self, keys: Sequence[int]) -> dict[int, pathways.PathwayRow]:
        with self.ctx.db.reading() as session:
            return pathways.rows_for(session, self.ctx.actor, keys)

    def refresh(self) -> None:
        self._timer.stop()
        self.model.reload()
        count = self.model.rowCount()
        self.summary.setText(plural(count, self.tr("{n} percorso"), self.tr("{n} percorsi")))
        if count:
            self.view.selectRow(0)

    def _on_changed(self, entities: frozenset[str]) -> None:
        if entities & {CHANGED, "person"}:
            self.refresh()

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.key_at(rows[0].row()) if rows else None

    def _open_index(self, index: QModelIndex) -> None:
        self.open_pathway(self.model.key_at(index.row()))

    def open_selected(self) -> None:
        pathway_id = self.selected_id()
        if pathway_id is not None:
            self.open_pathway(pathway_id)

    def open_pathway(self, pathway_id: int) -> None:
        PathwayDialog(self.ctx, pathway_id, parent=self).open()

    def new_pathway(self) -> None:
        PathwayDialog(self.ctx, parent=self).open()


class PathwaysPage(QWidget):
    """The Percorsi area: percorsi, courses, tirocini."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.tr('Percorsi di accompagnamento')}</h2>"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("pathways_tabs")
        self.pathways = PathwaysList(ctx)
        self.tabs.addTab(self.pathways, self.tr("Percorsi"))
        for title, build in self._more_tabs():
            self.tabs.addTab(build(ctx), title)
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.pathways.search)

    def _more_tabs(self) -> list[tuple[str, Callable[[AppContext], QWidget]]]:
        from tit_desktop.ui.pathway_tabs import CoursesTab, TirociniTab

        return [(self.tr("Corsi"), CoursesTab), (self.tr("Tirocini"), TirociniTab)]
