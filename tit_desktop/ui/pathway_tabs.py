"""The Percorsi area's inner screens: the plan, reviews and autonomy tabs of a percorso,
the courses and tirocini registries, and the person's timeline tab of the person record.

Small records (a goal, an action, a session...) are edited in one :class:`RecordDialog`:
fields with their errors beside them, FormGuard, read-only for the lettura role."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.models.pathways import SCORE_COLUMNS, ActionStatus, AssessmentMoment, PlanDomain
from tit_desktop.services import clock, courses, person_timeline, plans, tirocini
from tit_desktop.services.errors import NotFound, ServiceError, StaleRecord, ValidationError
from tit_desktop.services.money import format_amount, parse_amount
from tit_desktop.services.permissions import Actor, Permission
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.dates import DateField, InvalidInput, YearRule
from tit_desktop.ui.errors import handle_error, show_service_error
from tit_desktop.ui.form_guard import FormGuard, Settled
from tit_desktop.ui.questions import confirm
from tit_desktop.ui.signals import app_signals, notify_changed
from tit_desktop.ui.stale_merge import merge_with_colleague
from tit_desktop.ui.table_models import Column, ListTableModel
from tit_desktop.ui.widgets import FieldErrors, set_read_only

CHANGED = "pathway"


def _t(text: str) -> str:
    return QCoreApplication.translate("pathway_tabs", text)


def _date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""


def _eur(value: Decimal | None) -> str:
    return format_amount(value, "€") if value is not None else ""


def _allowed(actor: Actor, writable: bool, needs: bool | Permission) -> bool:
    """Whether a button is shown: ``needs`` True = it writes (the role must be able to
    write), False = it only reads, a Permission = the role must hold it (printing)."""
    if isinstance(needs, Permission):
        return actor.can(needs)
    return writable or not needs


def table_view(model: ListTableModel[Any], name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


def selected(view: QTableView, model: ListTableModel[Any]) -> Any | None:
    rows = view.selectionModel().selectedRows()
    return model.row_at(rows[0].row()) if rows else None


def combo(items: Sequence[tuple[str, Any]], first: str | None = None) -> QComboBox:
    box = QComboBox()
    if first is not None:
        box.addItem(first, None)
    for label, value in items:
        box.addItem(label, value)
    return box


def set_combo(box: QComboBox, value: Any) -> None:
    box.setCurrentIndex(max(box.findData(value), 0))


# --- one small record ----------------------------------------------------------------------


class Field:
    """A field of a :class:`RecordDialog`: ``read()`` gives its value or raises
    ``InvalidInput`` with the reason; ``write(value)`` shows a value read from the record."""

    def __init__(
        self,
        key: str,
        label: str,
        widget: QWidget,
        read: Callable[[], Any] | None = None,
        write: Callable[[Any], None] | None = None,
    ) -> None:
        self.key = key
        self.label = label
        self.widget = widget
        self._read = read
        self._write = write

    def write(self, value: Any) -> None:
        if self._write is not None:
            self._write(value)
            return
        w = self.widget
        if isinstance(w, DateField):
            w.set_date(value)
        elif isinstance(w, QComboBox):
            set_combo(w, value)
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(value or "")
        elif isinstance(w, QSpinBox):
            w.setValue(value)
        elif isinstance(w, QLineEdit):
            w.setText("" if value is None else str(value))
        else:
            raise TypeError(type(w))

    def read(self) -> Any:
        if self._read is not None:
            return self._read()
        w = self.widget
        if isinstance(w, DateField):
            return w.date()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QSpinBox):
            return w.value()
        if isinstance(w, QLineEdit):
            return w.text()
        raise TypeError(type(w))


@dataclass
class Stored:
    """An existing record edited in a :class:`RecordDialog`: the version its save is checked
    against, and ``current(session)``, the record as stored now (its fields' values by key,
    and its version; NotFound once deleted) for when a colleague saved it meanwhile."""

    version: int
    current: Callable[[Any], tuple[Mapping[str, Any], int]]


def find_or_gone(rows: Sequence[Any], row_id: int, gone: str) -> Any:
    """The row with ``row_id`` among ``rows``; NotFound (``gone``) when it is not there."""
    for row in rows:
        if row.id == row_id:
            return row
    raise NotFound(gone)


class RecordDialog(QDialog):
    """A form of a few fields; ``save(values)`` writes them (in a transaction opened here)
    and raises ValidationError naming the fields. For an existing record, ``stored`` gives
    the version (read it in ``save`` from there) and the record as stored now: a save
    refused because a colleague saved meanwhile merges their version into the fields."""

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        fields: Sequence[Field],
        save: Callable[[Any, dict[str, Any]], object],
        parent: QWidget | None = None,
        note: str = "",
        writable: bool | None = None,
        stored: Stored | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.fields = list(fields)
        self._save = save
        self.stored = stored
        self.writable = ctx.actor.can(Permission.WRITE_REGISTRY) if writable is None else writable
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        holder = QWidget()
        form = QFormLayout(holder)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for f in self.fields:
            self.errors.add_row(form, f.label, f.key, f.widget)
        layout.addWidget(holder)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            label.setObjectName("record_note")
            layout.addWidget(label)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Salva"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Chiudi"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        set_read_only(holder, not self.writable)
        self.save_button.setVisible(self.writable)
        self.setMinimumWidth(520)
        self.guard = FormGuard(self, save=self.save)
        self.guard.mark_clean()

    def values(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for f in self.fields:
            try:
                found[f.key] = f.read()
            except (InvalidInput, ValueError) as exc:
                problems[f.key] = str(exc)
        if problems:
            raise ValidationError(problems)
        return found

    def save(self) -> bool:
        if not self.writable:
            return False
        try:
            values = self.values()
            with self.ctx.db.transaction(self.ctx.actor) as session:
                self._save(session, values)
        except ValidationError as exc:
            unplaced = self.errors.show(exc)
            self.adjustSize()  # room for the messages under the fields
            if unplaced:
                show_service_error(self, ValidationError(unplaced))
            return False
        except StaleRecord as exc:
            if self.stored is None:
                show_service_error(self, exc)
            else:
                merge_with_colleague(self, self.reload_current)
            return False
        except ServiceError as exc:
            show_service_error(self, exc)
            return False
        notify_changed(CHANGED)
        self.guard.mark_clean()
        self.accept()
        return True

    @property
    def version(self) -> int | None:
        return self.stored.version if self.stored is not None else None

    @version.setter
    def version(self, value: int | None) -> None:
        if self.stored is not None and value is not None:
            self.stored.version = value

    def reload_current(self) -> None:
        """The record as stored now, in the fields, and its version for the next save."""
        assert self.stored is not None
        with self.ctx.db.reading() as session:
            values, version = self.stored.current(session)
        for f in self.fields:
            if f.key in values:
                f.write(values[f.key])
        self.version = version

    def reject(self) -> None:
        if self.guard.settle() is Settled.CLOSE:
            super().reject()


def date_field(value: dt.date | None, rule: YearRule = YearRule.PAST) -> DateField:
    field = DateField(rule)
    field.set_date(value)
    return field


def text_field(value: str = "", height: int = 80) -> QPlainTextEdit:
    edit = QPlainTextEdit(value)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


def duration_field(minutes: int | None) -> QLineEdit:
    if minutes is None:
        text = ""
    elif minutes % 60:
        text = f"{minutes // 60}:{minutes % 60:02d}"
    else:
        text = str(minutes // 60)
    edit = QLineEdit(text)
    edit.setPlaceholderText(_t("ore, per esempio 2 o 2:30"))
    return edit


def read_duration(edit: QLineEdit) -> Callable[[], int | None]:
    def read() -> int | None:
        if not edit.text().strip():
            return None
        try:
            return courses.parse_duration(edit.text())
        except ValueError:
            raise InvalidInput(
                _t("durata non valida: scrivere le ore, per esempio 2 o 2:30")
            ) from None

    return read


def run_write(parent: QWidget, ctx: AppContext, work: Callable[[Any], object]) -> bool:
    try:
        with ctx.db.transaction(ctx.actor) as session:
            work(session)
    except Exception as exc:
        handle_error(parent, exc)
        return False
    notify_changed(CHANGED)
    return True


def staff_items(ctx: AppContext) -> list[tuple[str, int]]:
    from tit_desktop.services import persons

    with ctx.db.reading() as session:
        return [(name, key) for key, name in persons.staff_choices(session, ctx.actor)]


# --- the plan tab ----------------------------------------------------------------------------


PLAN_COLUMNS: list[Column[tuple[plans.GoalView, plans.ActionView | None]]] = [
    Column("Ambito", lambda r: r[0].domain),
    Column("Obiettivo", lambda r: r[0].description),
    Column("Azione", lambda r: r[1].description if r[1] else ""),
    Column("Responsabile", lambda r: r[1].responsible if r[1] else ""),
    Column("Scadenza", lambda r: _date(r[1].due_date) if r[1] else ""),
    Column("Stato", lambda r: r[1].status if r[1] else ""),
]
REVIEW_COLUMNS: list[Column[plans.ReviewView]] = [
    Column("Data", lambda r: _date(r.held_on)),
    Column("Verbale", lambda r: r.minutes),
]
ASSESSMENT_COLUMNS: list[Column[plans.AssessmentView]] = [
    Column("Momento", lambda r: r.moment),
    Column("Data", lambda r: _date(r.assessed_on)),
    *(
        Column(d.value.capitalize(), lambda r, d=d: r.scores[d.value], align_right=True)
        for d in PlanDomain
    ),
]


class PlanTabs:
    """The plan, reviews and autonomy tabs of a saved percorso."""

    def __init__(self, ctx: AppContext, pathway_id: int, parent: QWidget) -> None:
        self.ctx = ctx
        self.pathway_id = pathway_id
        self.parent = parent
        self.writable = ctx.actor.can(Permission.WRITE_REGISTRY)
        self.plan_model: ListTableModel[Any] = ListTableModel(PLAN_COLUMNS, parent)
        self.review_model: ListTableModel[plans.ReviewView] = ListTableModel(REVIEW_COLUMNS, parent)
        self.assessment_model: ListTableModel[plans.AssessmentView] = ListTableModel(
            ASSESSMENT_COLUMNS, parent
        )
        self.plan_page = self._page(
            self.plan_model,
            "plan_table",
            [
                (parent.tr("Nuovo obiettivo…"), self.new_goal, True),
                (parent.tr("Nuova azione…"), self.new_action, True),
                (parent.tr("Modifica…"), self.edit_plan_row, False),
                (parent.tr("Elimina"), self.delete_plan_row, True),
                (parent.tr("Stampa il piano…"), self.print_plan, Permission.EXPORT_DATA),
            ],
        )
        self.review_page = self._page(
            self.review_model,
            "review_table",
            [
                (parent.tr("Nuova verifica…"), self.new_review, True),
                (parent.tr("Modifica…"), self.edit_review, False),
                (parent.tr("Elimina"), self.delete_review, True),
            ],
        )
        self.change = QLabel()
        self.change.setObjectName("autonomy_change")
        self.change.setWordWrap(True)
        self.assessment_page = self._page(
            self.assessment_model,
            "assessment_table",
            [
                (parent.tr("Nuova valutazione…"), self.new_assessment, True),
                (parent.tr("Elimina"), self.delete_assessment, True),
            ],
            header=self.change,
        )
        self.plan_view.doubleClicked.connect(lambda _i: self.edit_plan_row())
        self.review_view.doubleClicked.connect(lambda _i: self.edit_review())
        self.refresh()

    def _page(
        self,
        model: ListTableModel[Any],
        name: str,
        buttons: list[tuple[str, Callable[[], None], bool | Permission]],
        header: QWidget | None = None,
    ) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        if header is not None:
            box.addWidget(header)
        view = table_view(model, name)
        setattr(self, name.replace("_table", "_view"), view)
        box.addWidget(view, 1)
        row = QHBoxLayout()
        for text, slot, writes in buttons:
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setVisible(_allowed(self.ctx.actor, self.writable, writes))
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        return page

    def refresh(self) -> None:
        with self.ctx.db.reading() as session:
            plan = plans.plan_of(session, self.ctx.actor, self.pathway_id)
        rows: list[tuple[plans.GoalView, plans.ActionView | None]] = []
        for goal in plan.goals:
            if not goal.actions:
                rows.append((goal, None))
            rows.extend((goal, action) for action in goal.actions)
        self.plan_model.set_rows(rows)
        self.review_model.set_rows(list(plan.reviews))
        self.assessment_model.set_rows(list(plan.assessments))
        if len(plan.assessments) >= 2:
            first, last = plan.assessments[0], plan.assessments[-1]
            parts = [f"{d}: {first.scores[d]} → {last.scores[d]}" for d in first.scores]
            self.change.setText(
                self.parent.tr("Cambiamento dalla valutazione di {0} a quella di {1}: ").format(
                    first.moment, last.moment
                )
                + "; ".join(parts)
            )
        else:
            self.change.setText(
                self.parent.tr(
                    "Autovalutazione da 1 (nessuna autonomia) a 5 (piena autonomia) in ogni "
                    "ambito, all'ingresso, alle verifiche e all'uscita."
                )
            )

    # goals and actions
    def _goal_dialog(self, goal: plans.GoalView | None) -> RecordDialog:
        domain = combo([(d.value, d.value) for d in PlanDomain])
        if goal is not None:
            set_combo(domain, goal.domain)
        description = text_field(goal.description if goal else "")
        stored = None if goal is None else Stored(goal.version, self._goal_now(goal.id))

        def save(session: Any, v: dict[str, Any]) -> None:
            if goal is None or stored is None:
                plans.add_goal(
                    session, self.ctx.actor, self.pathway_id, v["domain"], v["description"]
                )
            else:
                plans.update_goal(
                    session, self.ctx.actor, goal.id, stored.version, v["domain"], v["description"]
                )

        return RecordDialog(
            self.ctx,
            self.parent.tr("Obiettivo del piano"),
            [
                Field("domain", _t("Ambito:"), domain),
                Field("description", _t("Obiettivo:"), description),
            ],
            save,
            self.parent,
            stored=stored,
        )

    def _goal_now(self, goal_id: int) -> Callable[[Any], tuple[dict[str, Any], int]]:
        def current(session: Any) -> tuple[dict[str, Any], int]:
            plan = plans.plan_of(session, self.ctx.actor, self.pathway_id)
            goal = find_or_gone(plan.goals, goal_id, _t("L'obiettivo è stato eliminato."))
            return {"domain": goal.domain, "description": goal.description}, goal.version

        return current

    def _action_now(self, action_id: int) -> Callable[[Any], tuple[dict[str, Any], int]]:
        def current(session: Any) -> tuple[dict[str, Any], int]:
            plan = plans.plan_of(session, self.ctx.actor, self.pathway_id)
            actions = [a for g in plan.goals for a in g.actions]
            action = find_or_gone(actions, action_id, _t("L'azione è stata eliminata."))
            values = {
                "description": action.description,
                "responsible_staff_id": action.responsible_staff_id,
                "due_date": action.due_date,
                "status": action.status,
                "progress_notes": action.progress_notes,
            }
            return values, action.version

        return current

    def _review_now(self, review_id: int) -> Callable[[Any], tuple[dict[str, Any], int]]:
        def current(session: Any) -> tuple[dict[str, Any], int]:
            plan = plans.plan_of(session, self.ctx.actor, self.pathway_id)
            review = find_or_gone(plan.reviews, review_id, _t("La verifica è stata eliminata."))
            return {"held_on": review.held_on, "minutes": review.minutes}, review.version

        return current

    def _action_dialog(self, goal: plans.GoalView, action: plans.ActionView | None) -> RecordDialog:
        description = QLineEdit(action.description if action else "")
        staff = combo(staff_items(self.ctx), "—")
        status = combo([(s.value, s.value) for s in ActionStatus])
        if action is not None:
            set_combo(staff, action.responsible_staff_id)
            set_combo(status, action.status)
        due = date_field(action.due_date if action else None, YearRule.AHEAD)
        notes = text_field(action.progress_notes if action else "", 60)
        stored = None if action is None else Stored(action.version, self._action_now(action.id))

        def save(session: Any, v: dict[str, Any]) -> None:
            data = plans.ActionInput(
                v["description"],
                v["responsible_staff_id"],
                v["due_date"],
                v["status"],
                v["progress_notes"],
            )
            if action is None or stored is None:
                plans.add_action(session, self.ctx.actor, goal.id, data)
            else:
                plans.update_action(session, self.ctx.actor, action.id, stored.version, data)

        return RecordDialog(
            self.ctx,
            self.parent.tr("Azione: {0}").format(goal.description[:60]),
            [
                Field("description", _t("Azione:"), description),
                Field("responsible_staff_id", _t("Responsabile:"), staff),
                Field("due_date", _t("Scadenza:"), due),
                Field("status", _t("Stato:"), status),
                Field("progress_notes", _t("Andamento:"), notes),
            ],
            save,
            self.parent,
            stored=stored,
        )

    def new_goal(self) -> None:
        self._goal_dialog(None).open()

    def new_action(self) -> None:
        row = selected(self.plan_view, self.plan_model)
        if row is None:
            show_service_error(
                self.parent,
                ValidationError({"goal": "scegliere prima l'obiettivo nell'elenco"}),
            )
            return
        self._action_dialog(row[0], None).open()

    def edit_plan_row(self) -> None:
        row = selected(self.plan_view, self.plan_model)
        if row is None:
            return
        goal, action = row
        dialog = self._goal_dialog(goal) if action is None else self._action_dialog(goal, action)
        dialog.open()

    def delete_plan_row(self) -> None:
        row = selected(self.plan_view, self.plan_model)
        if row is None:
            return
        goal, action = row
        if action is not None:
            if confirm(
                self.parent,
                self.parent.tr("Eliminare l'azione?"),
                action.description,
                self.parent.tr("Elimina"),
            ):
                run_write(
                    self.parent,
                    self.ctx,
                    lambda s: plans.delete_action(s, self.ctx.actor, action.id, action.version),
                )
        elif confirm(
            self.parent,
            self.parent.tr("Eliminare l'obiettivo?"),
            goal.description,
            self.parent.tr("Elimina"),
        ):
            run_write(
                self.parent,
                self.ctx,
                lambda s: plans.delete_goal(s, self.ctx.actor, goal.id, goal.version),
            )

    def print_plan(self) -> None:
        from tit_desktop.ui.print_form import pdf_file_name, print_document

        with self.ctx.db.reading() as session:
            plan = plans.plan_of(session, self.ctx.actor, self.pathway_id)
        code = plan.pathway.person_code
        print_document(
            self.parent,
            self.ctx,
            "piano-individualizzato",
            {"person": code},
            pdf_file_name("piano-individualizzato", code, clock.today()),
        )

    # reviews
    def _review_dialog(self, review: plans.ReviewView | None) -> RecordDialog:
        held = date_field(review.held_on if review else clock.today())
        minutes = text_field(review.minutes if review else "", 140)
        stored = None if review is None else Stored(review.version, self._review_now(review.id))

        def save(session: Any, v: dict[str, Any]) -> None:
            if review is None or stored is None:
                plans.add_review(
                    session, self.ctx.actor, self.pathway_id, v["held_on"], v["minutes"]
                )
            else:
                plans.update_review(
                    session, self.ctx.actor, review.id, stored.version, v["held_on"], v["minutes"]
                )

        return RecordDialog(
            self.ctx,
            self.parent.tr("Verifica del piano"),
            [Field("held_on", _t("Data:"), held), Field("minutes", _t("Verbale:"), minutes)],
            save,
            self.parent,
            stored=stored,
        )

    def new_review(self) -> None:
        self._review_dialog(None).open()

    def edit_review(self) -> None:
        review = selected(self.review_view, self.review_model)
        if review is not None:
            self._review_dialog(review).open()

    def delete_review(self) -> None:
        review = selected(self.review_view, self.review_model)
        if review is not None and confirm(
            self.parent,
            self.parent.tr("Eliminare la verifica?"),
            _date(review.held_on),
            self.parent.tr("Elimina"),
        ):
            run_write(
                self.parent,
                self.ctx,
                lambda s: plans.delete_review(s, self.ctx.actor, review.id, review.version),
            )

    # assessments
    def new_assessment(self) -> None:
        moment = combo([(m.value, m.value) for m in AssessmentMoment])
        day = date_field(clock.today())
        spins: list[Field] = []
        for domain, column in SCORE_COLUMNS.items():
            spin = QSpinBox()
            spin.setRange(1, 5)
            spin.setValue(3)
            spin.setObjectName(f"score_{domain.value}")
            spins.append(Field(column, f"{domain.value.capitalize()}:", spin))
        notes = text_field("", 50)

        def save(session: Any, v: dict[str, Any]) -> None:
            plans.add_assessment(
                session,
                self.ctx.actor,
                self.pathway_id,
                v["moment"],
                v["assessed_on"],
                {d.value: v[c] for d, c in SCORE_COLUMNS.items()},
                v["notes"],
            )

        RecordDialog(
            self.ctx,
            self.parent.tr("Valutazione dell'autonomia"),
            [
                Field("moment", _t("Momento:"), moment),
                Field("assessed_on", _t("Data:"), day),
                *spins,
                Field("notes", _t("Note:"), notes),
            ],
            save,
            self.parent,
            note=self.parent.tr("Da 1 (nessuna autonomia) a 5 (piena autonomia)."),
        ).open()

    def delete_assessment(self) -> None:
        row = selected(self.assessment_view, self.assessment_model)
        if row is not None and confirm(
            self.parent,
            self.parent.tr("Eliminare la valutazione?"),
            f"{row.moment} {_date(row.assessed_on)}",
            self.parent.tr("Elimina"),
        ):
            run_write(
                self.parent,
                self.ctx,
                lambda s: plans.delete_assessment(s, self.ctx.actor, row.id, row.version),
            )


# --- courses ---------------------------------------------------------------------------------


COURSE_COLUMNS: list[Column[courses.CourseRow]] = [
    Column("Corso", lambda r: r.title),
    Column("Ente", lambda r: r.provider),
    Column("Dal", lambda r: _date(r.start_date)),
    Column("Al", lambda r: _date(r.end_date)),
    Column("Ore previste", lambda r: r.planned_hours, align_right=True),
    Column("Lezioni", lambda r: r.sessions, align_right=True),
    Column("Iscritti", lambda r: r.enrolled, align_right=True),
]
SESSION_COLUMNS: list[Column[courses.SessionRow]] = [
    Column("Data", lambda r: _date(r.held_on)),
    Column("Durata", lambda r: courses.minutes_text(r.minutes)),
    Column("Presenti", lambda r: r.present, align_right=True),
    Column("Argomento", lambda r: r.topic),
]
ENROLMENT_COLUMNS: list[Column[courses.EnrolmentRow]] = [
    Column("Codice", lambda r: r.code),
    Column("Cognome e nome", lambda r: r.name),
    Column("Iscrizione", lambda r: _date(r.enrolled_on)),
    Column("Ore frequentate", lambda r: courses.minutes_text(r.attended_minutes)),
    Column("Frequenza", lambda r: f"{r.share}%", align_right=True),
    Column("Attestato", lambda r: "sì" if r.certificate_due else "no"),
]


class CoursesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.writable = ctx.actor.can(Permission.WRITE_REGISTRY)
        layout = QVBoxLayout(self)
        self.course_model: ListTableModel[courses.CourseRow] = ListTableModel(COURSE_COLUMNS, self)
        self.session_model: ListTableModel[courses.SessionRow] = ListTableModel(
            SESSION_COLUMNS, self
        )
        self.enrolment_model: ListTableModel[courses.EnrolmentRow] = ListTableModel(
            ENROLMENT_COLUMNS, self
        )
        self.course_view = table_view(self.course_model, "course_table")
        self.session_view = table_view(self.session_model, "session_table")
        self.enrolment_view = table_view(self.enrolment_model, "enrolment_table")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(
            self._box(
                self.course_view,
                [
                    (self.tr("Nuovo corso…"), self.new_course, True),
                    (self.tr("Modifica…"), self.edit_course, False),
                    (self.tr("Elimina"), self.delete_course, True),
                ],
            )
        )
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(
            self._box(
                self.session_view,
                [
                    (self.tr("Nuova lezione…"), self.new_session, True),
                    (self.tr("Presenze…"), self.attendance, False),
                    (self.tr("Elimina"), self.delete_session, True),
                ],
                self.tr("Lezioni"),
            )
        )
        lower.addWidget(
            self._box(
                self.enrolment_view,
                [
                    (self.tr("Iscrivi…"), self.enrol, True),
                    (self.tr("Togli"), self.unenrol, True),
                    (self.tr("Attestato…"), self.certificate, Permission.EXPORT_DATA),
                ],
                self.tr("Iscritti"),
            )
        )
        splitter.addWidget(lower)
        layout.addWidget(splitter)
        self.course_view.selectionModel().selectionChanged.connect(lambda *_: self._show_course())
        self.course_view.doubleClicked.connect(lambda _i: self.edit_course())
        self.session_view.doubleClicked.connect(lambda _i: self.attendance())
        app_signals().changed.connect(self._on_changed)
        self.refresh()

    def _box(
        self,
        view: QTableView,
        buttons: list[tuple[str, Callable[[], None], bool | Permission]],
        title: str = "",
    ) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        if title:
            layout.addWidget(QLabel(f"<b>{title}</b>"))
        layout.addWidget(view, 1)
        row = QHBoxLayout()
        for text, slot, writes in buttons:
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setVisible(_allowed(self.ctx.actor, self.writable, writes))
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def _on_changed(self, entities: frozenset[str]) -> None:
        if entities & {CHANGED, "person"}:
            self.refresh()

    def refresh(self) -> None:
        current = self.course()
        with self.ctx.db.reading() as session:
            rows = courses.list_courses(session, self.ctx.actor)
        self.course_model.set_rows(rows)
        for index, row in enumerate(rows):
            if current is not None and row.id == current.id:
                self.course_view.selectRow(index)
                break
        else:
            if rows:
                self.course_view.selectRow(0)
        self._show_course()

    def course(self) -> courses.CourseRow | None:
        return selected(self.course_view, self.course_model)

    def _show_course(self) -> None:
        course = self.course()
        if course is None:
            self.session_model.set_rows([])
            self.enrolment_model.set_rows([])
            return
        with self.ctx.db.reading() as session:
            self.session_model.set_rows(courses.sessions_of(session, self.ctx.actor, course.id))
            self.enrolment_model.set_rows(
                courses.enrolments_of(session, self.ctx.actor, course_id=course.id)
            )

    def _course_dialog(self, course: courses.CourseRow | None) -> RecordDialog:
        title = QLineEdit(course.title if course else "")
        with self.ctx.db.reading() as session:
            providers = courses.provider_choices(session, self.ctx.actor)
        provider = combo([(name, key) for key, name in providers], "—")
        hours = QSpinBox()
        hours.setRange(1, 5000)
        threshold = QSpinBox()
        threshold.setRange(1, 100)
        threshold.setSuffix(" %")
        threshold.setValue(courses.DEFAULT_THRESHOLD)
        start = date_field(course.start_date if course else None, YearRule.AHEAD)
        end = date_field(course.end_date if course else None, YearRule.AHEAD)
        notes = text_field(course.notes if course else "", 50)
        if course is not None:
            set_combo(provider, course.provider_id)
            hours.setValue(course.planned_hours)
            threshold.setValue(course.certificate_threshold)
        stored = None if course is None else Stored(course.version, self._course_now(course.id))

        def save(session: Any, v: dict[str, Any]) -> None:
            data = courses.CourseInput(
                v["title"],
                v["provider_id"],
                v["planned_hours"],
                v["start_date"],
                v["end_date"],
                v["certificate_threshold"],
                v["notes"],
            )
            if course is None or stored is None:
                courses.create_course(session, self.ctx.actor, data)
            else:
                courses.update_course(session, self.ctx.actor, course.id, stored.version, data)

        return RecordDialog(
            self.ctx,
            self.tr("Corso"),
            [
                Field("title", _t("Titolo:"), title),
                Field("provider_id", _t("Ente:"), provider),
                Field("planned_hours", _t("Ore previste:"), hours),
                Field("start_date", _t("Inizio:"), start),
                Field("end_date", _t("Fine:"), end),
                Field("certificate_threshold", _t("Soglia per l'attestato:"), threshold),
                Field("notes", _t("Note:"), notes),
            ],
            save,
            self,
            note=self.tr(
                "L'attestato di frequenza si stampa quando le ore frequentate "
                "raggiungono la soglia delle ore di lezione svolte."
            ),
            stored=stored,
        )

    def _course_now(self, course_id: int) -> Callable[[Any], tuple[dict[str, Any], int]]:
        def current(session: Any) -> tuple[dict[str, Any], int]:
            course = courses.get_course(session, self.ctx.actor, course_id)
            values = {
                "title": course.title,
                "provider_id": course.provider_id,
                "planned_hours": course.planned_hours,
                "start_date": course.start_date,
                "end_date": course.end_date,
                "certificate_threshold": course.certificate_threshold,
                "notes": course.notes,
            }
            return values, course.version

        return current

    def new_course(self) -> None:
        self._course_dialog(None).open()

    def edit_course(self) -> None:
        course = self.course()
        if course is not None:
            self._course_dialog(course).open()

    def delete_course(self) -> None:
        course = self.course()
        if course is not None and confirm(
            self, self.tr("Eliminare il corso?"), course.title, self.tr("Elimina")
        ):
            run_write(
                self,
                self.ctx,
                lambda s: courses.delete_course(s, self.ctx.actor, course.id, course.version),
            )

    def new_session(self) -> None:
        course = self.course()
        if course is None:
            return
        held = date_field(min(clock.today(), course.end_date), YearRule.AHEAD)
        length = duration_field(120)
        topic = QLineEdit()

        def save(session: Any, v: dict[str, Any]) -> None:
            courses.add_session(
                session, self.ctx.actor, course.id, v["held_on"], v["minutes"], v["topic"]
            )

        RecordDialog(
            self.ctx,
            self.tr("Lezione di «{0}»").format(course.title),
            [
                Field("held_on", _t("Data:"), held),
                Field("minutes", _t("Durata (ore):"), length, read_duration(length)),
                Field("topic", _t("Argomento:"), topic),
            ],
            save,
            self,
        ).open()

    def delete_session(self) -> None:
        lesson = selected(self.session_view, self.session_model)
        if lesson is not None and confirm(
            self, self.tr("Eliminare la lezione?"), _date(lesson.held_on), self.tr("Elimina")
        ):
            run_write(
                self,
                self.ctx,
                lambda s: courses.delete_session(s, self.ctx.actor, lesson.id, lesson.version),
            )

    def attendance(self) -> RecordDialog | None:
        lesson = selected(self.session_view, self.session_model)
        course = self.course()
        if lesson is None or course is None:
            return None
        with self.ctx.db.reading() as session:
            recorded = courses.attendance_of_session(session, self.ctx.actor, lesson.id)
        fields = []
        for index in range(self.enrolment_model.rowCount()):
            row = self.enrolment_model.row_at(index)
            edit = duration_field(recorded.get(row.id))
            fields.append(
                Field(
                    f"attendance_{row.id}", f"{row.name} ({row.code}):", edit, read_duration(edit)
                )
            )

        def save(session: Any, v: dict[str, Any]) -> None:
            courses.record_attendance(
                session,
                self.ctx.actor,
                lesson.id,
                {int(k.removeprefix("attendance_")): m for k, m in v.items()},
            )

        dialog = RecordDialog(
            self.ctx,
            self.tr("Presenze del {0} ({1})").format(_date(lesson.held_on), course.title),
            fields,
            save,
            self,
            note=self.tr(
                "Ore di presenza di ciascuno, al massimo {0}; 0 = assente, vuoto = non registrato."
            ).format(courses.minutes_text(lesson.minutes)),
        )
        dialog.open()
        return dialog

    def enrol(self) -> None:
        from tit_desktop.ui.pages.pathways import PersonPicker

        course = self.course()
        if course is None:
            return
        person = PersonPicker(self.ctx)
        day = date_field(
            max(min(clock.today(), course.end_date), course.start_date), YearRule.AHEAD
        )

        def save(session: Any, v: dict[str, Any]) -> None:
            courses.enrol(session, self.ctx.actor, course.id, person.code(), v["enrolled_on"])

        RecordDialog(
            self.ctx,
            self.tr("Iscrizione a «{0}»").format(course.title),
            [
                Field("person", _t("Persona:"), person, person.code),
                Field("enrolled_on", _t("Data:"), day),
            ],
            save,
            self,
        ).open()

    def unenrol(self) -> None:
        row = selected(self.enrolment_view, self.enrolment_model)
        if row is not None and confirm(
            self,
            self.tr("Togliere l'iscrizione?"),
            self.tr("{0}: l'iscrizione e le sue presenze saranno eliminate.").format(row.name),
            self.tr("Togli"),
        ):
            run_write(
                self, self.ctx, lambda s: courses.unenrol(s, self.ctx.actor, row.id, row.version)
            )

    def certificate(self) -> None:
        from tit_desktop.ui.print_form import pdf_file_name, print_document

        row = selected(self.enrolment_view, self.enrolment_model)
        course = self.course()
        if row is None or course is None:
            return
        print_document(
            self,
            self.ctx,
            "attestato-frequenza",
            {"person": row.code, "course": course.title},
            pdf_file_name("attestato-frequenza", row.code, clock.today()),
        )


# --- tirocini --------------------------------------------------------------------------------


TIROCINIO_COLUMNS: list[Column[tirocini.TirocinioView]] = [
    Column("Codice", lambda r: r.person_code),
    Column("Cognome e nome", lambda r: r.person_name),
    Column("Ente ospitante", lambda r: r.host),
    Column("Dal", lambda r: _date(r.start_date)),
    Column("Al", lambda r: _date(r.end_date)),
    Column("Ore/mese", lambda r: r.monthly_hours, align_right=True),
    Column(
        "Indennità",
        lambda r: _eur(r.monthly_indemnity) if r.money_visible else "—",
        align_right=True,
    ),
]
MONTH_COLUMNS: list[Column[tirocini.MonthRow]] = [
    Column("Mese", lambda r: f"{r.month:%m/%Y}"),
    Column(
        "Ore svolte",
        lambda r: "" if r.hours_attended is None else r.hours_attended,
        align_right=True,
    ),
    Column("Indennità spettante", lambda r: _eur(r.indemnity_due), align_right=True),
    Column("Pagato", lambda r: _eur(r.amount_paid), align_right=True),
    Column("Data pagamento", lambda r: _date(r.paid_on)),
]


class TirociniTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.writable = ctx.actor.can(Permission.WRITE_REGISTRY)
        self.money = ctx.actor.can(Permission.WRITE_MONEY)
        layout = QVBoxLayout(self)
        self.model: ListTableModel[tirocini.TirocinioView] = ListTableModel(TIROCINIO_COLUMNS, self)
        self.months: ListTableModel[tirocini.MonthRow] = ListTableModel(MONTH_COLUMNS, self)
        self.view = table_view(self.model, "tirocinio_table")
        self.month_view = table_view(self.months, "month_table")
        self.rule = QLabel()
        self.rule.setObjectName("indemnity_rule")
        self.rule.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addWidget(self.view, 1)
        top_box.addLayout(
            self._buttons(
                [
                    (self.tr("Nuovo tirocinio…"), self.new_tirocinio, self.writable),
                    (self.tr("Modifica…"), self.edit_tirocinio, True),
                    (self.tr("Elimina"), self.delete_tirocinio, self.writable),
                    (
                        self.tr("Stampa il progetto…"),
                        self.print_agreement,
                        ctx.actor.can(Permission.READ_MONEY)
                        and ctx.actor.can(Permission.EXPORT_DATA),
                    ),
                ]
            )
        )
        splitter.addWidget(top)
        bottom = QWidget()
        bottom_box = QVBoxLayout(bottom)
        bottom_box.setContentsMargins(0, 0, 0, 0)
        bottom_box.addWidget(QLabel(f"<b>{self.tr('Presenze e pagamenti mensili')}</b>"))
        bottom_box.addWidget(self.rule)
        bottom_box.addWidget(self.month_view, 1)
        bottom_box.addLayout(
            self._buttons(
                [
                    (self.tr("Ore del mese…"), self.record_month, self.writable),
                    (self.tr("Registra pagamento…"), self.pay, self.money),
                    (self.tr("Togli pagamento"), self.unpay, self.money),
                ]
            )
        )
        splitter.addWidget(bottom)
        layout.addWidget(splitter)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show())
        self.view.doubleClicked.connect(lambda _i: self.edit_tirocinio())
        self.month_view.doubleClicked.connect(lambda _i: self.record_month())
        app_signals().changed.connect(self._on_changed)
        self.refresh()

    def _buttons(self, items: list[tuple[str, Callable[[], None], bool]]) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot, visible in items:
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setVisible(visible)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _on_changed(self, entities: frozenset[str]) -> None:
        if entities & {CHANGED, "person"}:
            self.refresh()

    def current(self) -> tirocini.TirocinioView | None:
        return selected(self.view, self.model)

    def refresh(self) -> None:
        current = self.current()
        with self.ctx.db.reading() as session:
            rows = tirocini.list_tirocini(session, self.ctx.actor)
        self.model.set_rows(rows)
        index = next((i for i, r in enumerate(rows) if current and r.id == current.id), 0)
        if rows:
            self.view.selectRow(index)
        self._show()

    def _show(self) -> None:
        row = self.current()
        if row is None:
            self.months.set_rows([])
            self.rule.setText("")
            return
        with self.ctx.db.reading() as session:
            self.months.set_rows(tirocini.months_of(session, self.ctx.actor, row.id))
        self.rule.setText(row.rule)

    def _dialog(self, row: tirocini.TirocinioView | None) -> RecordDialog:
        from tit_desktop.ui.pages.pathways import PersonPicker

        person = PersonPicker(self.ctx)
        with self.ctx.db.reading() as session:
            hosts = tirocini.host_choices(session, self.ctx.actor)
        host = combo([(name, key) for key, name in hosts], "—")
        tutor = QLineEdit(row.tutor if row else "")
        start = date_field(row.start_date if row else None, YearRule.AHEAD)
        end = date_field(row.end_date if row else None, YearRule.AHEAD)
        hours = QSpinBox()
        hours.setRange(1, tirocini.MAX_MONTHLY_HOURS)
        hours.setValue(row.monthly_hours if row else 80)
        indemnity = QLineEdit(
            format_amount(row.monthly_indemnity)
            if row and row.monthly_indemnity is not None
            else ""
        )
        indemnity.setPlaceholderText(_t("per esempio 500,00"))
        minimum = QSpinBox()
        minimum.setRange(0, 100)
        minimum.setSuffix(" %")
        objectives = text_field(row.objectives if row else "", 60)
        if row is not None:
            person.set_person(row.person_code, row.person_name)
            person.setReadOnly(True)
            set_combo(host, row.host_id)
            minimum.setValue(row.minimum_attendance)

        def read_amount() -> Decimal | None:
            if not indemnity.text().strip():
                return None
            try:
                return parse_amount(indemnity.text())
            except ValueError as exc:
                raise InvalidInput(str(exc)) from None

        def write_amount(value: Decimal | None) -> None:
            indemnity.setText(format_amount(value) if value is not None else "")

        fields = [
            Field("person_id", _t("Persona:"), person, person.code),
            Field("host_id", _t("Ente ospitante:"), host),
            Field("tutor", _t("Tutor:"), tutor),
            Field("start_date", _t("Inizio:"), start),
            Field("end_date", _t("Fine:"), end),
            Field("monthly_hours", _t("Ore mensili previste:"), hours),
        ]
        if self.ctx.actor.can(Permission.READ_MONEY):
            fields.append(
                Field(
                    "monthly_indemnity",
                    _t("Indennità mensile (€):"),
                    indemnity,
                    read_amount,
                    write_amount,
                )
            )
            indemnity.setReadOnly(not self.money)
        fields += [
            Field("minimum_attendance", _t("Frequenza minima:"), minimum),
            Field("objectives", _t("Obiettivi:"), objectives),
        ]
        stored = None if row is None else Stored(row.version, self._tirocinio_now(row.id))

        def save(session: Any, v: dict[str, Any]) -> None:
            from tit_desktop.services import pathways

            person_id = (
                row.person_id
                if row
                else pathways.person_id_for(session, self.ctx.actor, v["person_id"])
            )
            data = tirocini.TirocinioInput(
                person_id,
                v["host_id"],
                v["tutor"],
                v["start_date"],
                v["end_date"],
                v["monthly_hours"],
                v.get("monthly_indemnity", row.monthly_indemnity if row else None),
                v["minimum_attendance"],
                v["objectives"],
            )
            if row is None or stored is None:
                tirocini.create_tirocinio(session, self.ctx.actor, data)
            else:
                tirocini.update_tirocinio(session, self.ctx.actor, row.id, stored.version, data)

        return RecordDialog(
            self.ctx,
            self.tr("Tirocinio di inclusione"),
            fields,
            save,
            self,
            note=self.tr(
                "Regola dell'indennità: l'indennità mensile spetta per le ore mensili previste; "
                "per meno ore è proporzionale alle ore svolte (mai oltre quella piena); nei mesi "
                "sotto la frequenza minima non spetta."
            ),
            stored=stored,
        )

    def _tirocinio_now(self, tirocinio_id: int) -> Callable[[Any], tuple[dict[str, Any], int]]:
        def current(session: Any) -> tuple[dict[str, Any], int]:
            row = tirocini.get_tirocinio(session, self.ctx.actor, tirocinio_id)
            values = {
                "host_id": row.host_id,
                "tutor": row.tutor,
                "start_date": row.start_date,
                "end_date": row.end_date,
                "monthly_hours": row.monthly_hours,
                "minimum_attendance": row.minimum_attendance,
                "objectives": row.objectives,
            }
            if row.money_visible:
                values["monthly_indemnity"] = row.monthly_indemnity
            return values, row.version

        return current

    def new_tirocinio(self) -> None:
        self._dialog(None).open()

    def edit_tirocinio(self) -> None:
        row = self.current()
        if row is not None:
            self._dialog(row).open()

    def delete_tirocinio(self) -> None:
        row = self.current()
        if row is not None and confirm(
            self,
            self.tr("Eliminare il tirocinio?"),
            f"{row.person_name} - {row.host}",
            self.tr("Elimina"),
        ):
            run_write(
                self,
                self.ctx,
                lambda s: tirocini.delete_tirocinio(s, self.ctx.actor, row.id, row.version),
            )

    def record_month(self) -> None:
        row = self.current()
        month = selected(self.month_view, self.months)
        if row is None or month is None:
            return
        hours = QLineEdit("" if month.hours_attended is None else str(month.hours_attended))

        def read_hours() -> int | None:
            text = hours.text().strip()
            if not text:
                return None
            if not text.isdigit():
                raise InvalidInput(_t("scrivere le ore come numero intero"))
            return int(text)

        RecordDialog(
            self.ctx,
            self.tr("Ore di {0:%m/%Y}").format(month.month),
            [Field("hours_attended", _t("Ore svolte nel mese:"), hours, read_hours)],
            lambda s, v: tirocini.record_month(
                s, self.ctx.actor, row.id, month.month, v["hours_attended"]
            ),
            self,
        ).open()

    def pay(self) -> None:
        row = self.current()
        month = selected(self.month_view, self.months)
        if row is None or month is None:
            return
        amount = QLineEdit(format_amount(month.indemnity_due) if month.indemnity_due else "")
        paid_on = date_field(clock.today())

        def read_amount() -> Decimal:
            try:
                return parse_amount(amount.text())
            except ValueError as exc:
                raise InvalidInput(str(exc)) from None

        RecordDialog(
            self.ctx,
            self.tr("Pagamento di {0:%m/%Y}").format(month.month),
            [
                Field("amount", _t("Importo (€):"), amount, read_amount),
                Field("paid_on", _t("Data di pagamento:"), paid_on),
            ],
            lambda s, v: tirocini.record_payment(
                s, self.ctx.actor, row.id, month.month, v["amount"], v["paid_on"]
            ),
            self,
            writable=self.money,
            note=self.tr("Il pagamento diventa una spesa della convenzione (indennità tirocini)."),
        ).open()

    def unpay(self) -> None:
        month = selected(self.month_view, self.months)
        if month is None or month.payment_id is None or month.payment_version is None:
            return
        payment_id, version = month.payment_id, month.payment_version
        if confirm(
            self,
            self.tr("Togliere il pagamento?"),
            self.tr("Anche la spesa collegata della convenzione sarà tolta."),
            self.tr("Togli"),
        ):
            run_write(
                self,
                self.ctx,
                lambda s: tirocini.remove_payment(s, self.ctx.actor, payment_id, version),
            )

    def print_agreement(self) -> None:
        from tit_desktop.ui.print_form import pdf_file_name, print_document

        row = self.current()
        if row is not None:
            print_document(
                self,
                self.ctx,
                "progetto-tirocinio",
                {"person": row.person_code},
                pdf_file_name("progetto-tirocinio", row.person_code, clock.today()),
            )


# --- the person's timeline -------------------------------------------------------------------


TIMELINE_COLUMNS: list[Column[Any]] = [
    Column("Data", lambda e: _date(e.day)),
    Column("Fino al", lambda e: _date(e.until)),
    Column("Tipo", lambda e: e.kind),
    Column("Evento", lambda e: e.title),
    Column("Dettagli", lambda e: e.detail),
]


class TimelineTab(QWidget):
    """Everything about the person, newest first, filtered by kind; printable."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id: int | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("timeline_kind")
        self.kind.addItem(self.tr("Tutti gli eventi"), None)
        for key, label in person_timeline.kind_choices(ctx.actor):
            self.kind.addItem(label, key)
        row.addWidget(QLabel(self.tr("Mostra:")))
        row.addWidget(self.kind)
        row.addStretch(1)
        self.print_button = QPushButton(self.tr("Stampa la cronologia…"))
        self.print_button.setEnabled(ctx.actor.can(Permission.EXPORT_DATA))
        row.addWidget(self.print_button)
        layout.addLayout(row)
        self.autonomy = QLabel()
        self.autonomy.setObjectName("person_autonomy")
        self.autonomy.setWordWrap(True)
        layout.addWidget(self.autonomy)
        self.model: ListTableModel[Any] = ListTableModel(TIMELINE_COLUMNS, self)
        self.view = table_view(self.model, "timeline_table")
        layout.addWidget(self.view, 1)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.print_button.clicked.connect(self._print)
        app_signals().changed.connect(self._on_changed)

    def _on_changed(self, _entities: frozenset[str]) -> None:
        if self.person_id is not None and self.isVisible():
            self.refresh()

    def set_person(self, person_id: int | None) -> None:
        self.person_id = person_id
        self.refresh()

    def refresh(self) -> None:
        if self.person_id is None:
            self.model.set_rows([])
            self.autonomy.setText(self.tr("La cronologia si vede dopo il primo salvataggio."))
            return
        kind = self.kind.currentData()
        with self.ctx.db.reading() as session:
            lines = person_timeline.lines_for(
                session, self.ctx.actor, self.person_id, [kind] if kind else None
            )
            change = plans.autonomy_change(session, self.ctx.actor, self.person_id)
        self.model.set_rows(lines)
        if change is None:
            self.autonomy.setText(self.tr("Autonomia: nessuna valutazione registrata."))
        elif change.first.id == change.latest.id:
            scores = ", ".join(f"{d} {s}" for d, s in change.first.scores.items())
            self.autonomy.setText(
                self.tr("Autonomia ({0}, {1}): {2}").format(
                    change.first.moment, _date(change.first.assessed_on), scores
                )
            )
        else:
            parts = ", ".join(
                f"{d} {change.first.scores[d]}→{change.latest.scores[d]} ({delta:+d})"
                for d, delta in change.change.items()
            )
            self.autonomy.setText(
                self.tr("Autonomia dal {0} ({1}) al {2} ({3}): {4}").format(
                    _date(change.first.assessed_on),
                    change.first.moment,
                    _date(change.latest.assessed_on),
                    change.latest.moment,
                    parts,
                )
            )

    def _print(self) -> None:
        from tit_desktop.services import persons
        from tit_desktop.ui.print_form import pdf_file_name, print_document

        if self.person_id is None:
            return
        with self.ctx.db.reading() as session:
            code = persons.code_of(session, self.ctx.actor, self.person_id)
        kind = self.kind.currentData()
        selection = {"person": code}
        if kind:
            selection["kinds"] = kind
        print_document(
            self,
            self.ctx,
            "cronologia",
            selection,
            pdf_file_name("cronologia", code, clock.today()),
        )
