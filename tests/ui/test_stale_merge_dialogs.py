"""Every form that edits a versioned record, saved after a colleague saved the same record
from another PC: their changes come into the form, mine stay, and where we both changed the
same field the user chooses (keep mine / take theirs) or gives up with nothing lost.

Two real sessions on both engines: the form works through the test's Database, the colleague
through a second Database on the same URL (as another PC would), as another user."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.conftest import PASSWORD, make_user
from tests.unit.pathway_helpers import make_org, make_pathway, make_person, make_staff
from tit_desktop.models import CostCategory, HousingKind, Role
from tit_desktop.models.destinations import DESTINATION_GROUPS, ExitDestination
from tit_desktop.services import (
    clock,
    courses,
    hosting,
    housing,
    pathways,
    persons,
    plans,
    street,
    tirocini,
    users,
)
from tit_desktop.services.convention import budget, conventions, expenditures
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import ROLE_LABELS, Actor
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.edit_conflict_dialog import EditConflictDialog
from tit_desktop.ui.form_guard import shown_text
from tit_desktop.ui.pathway_tabs import CoursesTab, PlanTabs, RecordDialog, TirociniTab

TODAY = dt.date(2026, 3, 15)
SHOTS = os.environ.get("TIT_SCREENSHOTS", "")
D = dt.date
Values = dict[str, Any]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def colleague_db(db_url: str) -> Iterator[Database]:
    other = Database(db_url)
    yield other
    other.dispose()


# --- the cases ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Edit:
    """One field changed: the input in the form (an attribute path, or ``field:key`` for a
    RecordDialog), the record's field, the value stored, and how the form shows it (None:
    not checked as text)."""

    widget: str
    field: str
    value: Any
    text: str | None


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Database, Actor], int]  # the record; its id
    open: Callable[[AppContext, int, QWidget], QDialog]
    load: Callable[[Any, Actor, int], tuple[Values, int]]  # its fields now, its version
    save: Callable[[Any, Actor, int, Values, int], object]  # the colleague's save
    mine: tuple[Edit, ...]  # only I change these
    theirs: tuple[Edit, ...]  # only the colleague changes these
    both: tuple[Edit, Edit]  # my version, their version of one field
    label: str  # that field as the conflict dialog names it
    colleague_role: Role = Role.COORDINATOR


def _fields(data: Any) -> Values:
    return {f.name: getattr(data, f.name) for f in dataclasses.fields(data)}


# housing ----------------------------------------------------------------------------------


def _make_unit(db: Database, actor: Actor) -> int:
    with db.transaction(actor) as session:
        data = housing.UnitInput(
            "Casa Aurora", "co-housing", "Via Marconi 4", bed_labels=("1", "2")
        )
        return housing.create_unit(session, actor, data).id


def _load_unit(s: Any, a: Actor, i: int) -> tuple[Values, int]:
    detail = housing.open_unit(s, a, i)
    return _fields(detail.data), detail.version


def _make_stay(db: Database, actor: Actor) -> int:
    unit_id = _make_unit(db, actor)
    person_id = make_person(db, actor, intake=D(2026, 1, 5))
    with db.transaction(actor) as session:
        bed = housing.beds_of(session, actor, unit_id)[0]
        return housing.assign(session, actor, person_id, unit_id, bed.id, D(2026, 3, 1)).id


def _load_stay(s: Any, a: Actor, i: int) -> tuple[Values, int]:
    info = housing.open_stay(s, a, i)
    values = {"al": info.al, "exit_destination": info.exit_destination, "notes": info.notes or ""}
    return values, info.version


def _save_stay(s: Any, a: Actor, i: int, d: Values, v: int) -> object:
    if d["al"] is not None:
        return housing.end_stay(s, a, i, d["al"], d["exit_destination"], v, d["notes"])
    return housing.update_notes(s, a, i, d["notes"], v)


RENT = ExitDestination.INDEPENDENT_RENT
RENT_TEXT = f"{RENT.value} ({DESTINATION_GROUPS[RENT].value})"


# convention -------------------------------------------------------------------------------


def _make_convention(db: Database, actor: Actor) -> int:
    with db.transaction(actor) as session:
        return conventions.create_convention(
            session,
            actor,
            conventions.ConventionInput(
                short_name="TIU",
                title="Tessiture Integrate Urbane",
                cup="D31H20000120001",
                starts_on=D(2020, 12, 1),
                ends_on=D(2023, 6, 30),
                total=Decimal("100000.00"),
                funder="Ministero del Lavoro",
            ),
        )


def _load_convention(s: Any, a: Actor, i: int) -> tuple[Values, int]:
    detail = conventions.convention_detail(s, a, i)
    return _fields(detail.data), detail.version


def _convention_of_line(db: Database, actor: Actor, line_id: int) -> int:
    with db.reading() as session:
        return budget.get_line(session, line_id).convention_id


def _make_line(db: Database, actor: Actor) -> int:
    convention_id = _make_convention(db, actor)
    with db.transaction(actor) as session:
        data = budget.LineInput("Personale", CostCategory.STAFF, Decimal("50000.00"), "Azione 1")
        return budget.create_line(session, actor, convention_id, data)


def _line(s: Any, a: Actor, i: int) -> budget.LineTotal:
    convention_id = budget.get_line(s, i).convention_id
    return next(line for line in budget.budget(s, a, convention_id).lines if line.id == i)


def _load_line(s: Any, a: Actor, i: int) -> tuple[Values, int]:
    line = _line(s, a, i)
    values = {
        "name": line.name,
        "category": line.category,
        "planned": line.planned,
        "action": line.action,
    }
    return values, line.version


def _open_line(ctx: AppContext, i: int, _host: QWidget) -> QDialog:
    from tit_desktop.ui.convention_dialogs import LineDialog

    with ctx.db.reading() as session:
        line = _line(session, ctx.actor, i)
        convention_id = budget.get_line(session, i).convention_id
    return LineDialog(ctx, convention_id, line)


def _make_expenditure(db: Database, actor: Actor) -> int:
    line_id = _make_line(db, actor)
    convention_id = _convention_of_line(db, actor, line_id)
    with db.transaction(actor) as session:
        data = expenditures.ExpenditureInput(
            "Fattura",
            "F-1",
            D(2021, 3, 1),
            "Ditta Rossi",
            Decimal("100.00"),
            Decimal("100.00"),
            line_id,
        )
        return expenditures.create_expenditure(session, actor, convention_id, data).id


def _load_expenditure(s: Any, a: Actor, i: int) -> tuple[Values, int]:
    row = expenditures.get_row(s, a, i)
    names = [f.name for f in dataclasses.fields(expenditures.ExpenditureInput)]
    return {name: getattr(row, name) for name in names}, row.version


def _open_expenditure(ctx: AppContext, i: int, _host: QWidget) -> QDialog:
    from tit_desktop.ui.convention_dialogs import ExpenditureDialog

    with ctx.db.reading() as session:
        convention_id = expenditures.get_row(session, ctx.actor, i).convention_id
    return ExpenditureDialog(ctx, convention_id, i)


# families ---------------------------------------------------------------------------------


def _make_family(db: Database, actor: Actor) -> int:
    with db.transaction(actor) as session:
        data = hosting.FamilyInput(name="Famiglia Bianchi", address="Via Roma 1")
        return hosting.create_family(session, actor, data)


def _load_family(s: Any, a: Actor, i: int) -> tuple[Values, int]:
    detail = hosting.open_family(s, a, i)
    return _fields(detail.data), detail.version


def _make_agreement(db: Database, actor: Actor) -> int:
    family_id = _make_family(db, actor)
    make_person(db, actor, intake=D(2026, 1, 5))
    with db.transaction(actor) as session:
        data = hosting.AgreementInput(family_id, "TIU-00001", D(2026, 2, 1), None, "parziale")
        return hosting.create_agreement(session, actor, data)


def _load_agreement(s: Any, a: Actor, i: int) -> tuple[Values, int]:
    row = hosting.open_agreement(s, a, i)
    names = [f.name for f in dataclasses.fields(hosting.AgreementInput)]
    return {name: getattr(row, name) for name in names}, row.version


def _open_agreement(ctx: AppContext, i: int, _host: QWidget) -> QDialog:
    from tit_desktop.ui.pages.families import AgreementDialog

    with ctx.db.reading() as session:
        family_id = hosting.open_agreement(session, ctx.actor, i).family_id
    return AgreementDialog(ctx, family_id, i)


# percorsi ---------------------------------------------------------------------------------


def _make_pathway(db: Database, actor: Actor) -> int:
    make_staff(db, actor)
    return make_pathway(db, actor, make_person(db, actor))


def _load_pathway(s: Any, a: Actor, i: int) -> tuple[Values, int]:
    view = pathways.get_pathway(s, a, i)
    names = [f.name for f in dataclasses.fields(pathways.PathwayInput)]
    return {name: getattr(view, name) for name in names}, view.version


def _staff_id(s: Any, a: Actor) -> int:
    return persons.staff_choices(s, a)[0][0]


def _plan_item(s: Any, a: Actor, kind: str, i: int) -> Any:
    for pathway_id in _all_pathways(s):
        plan = plans.plan_of(s, a, pathway_id)
        items = {
            "goal": plan.goals,
            "action": [x for g in plan.goals for x in g.actions],
            "review": plan.reviews,
        }[kind]
        for item in items:
            if item.id == i:
                return item
    raise LookupError(i)


def _all_pathways(s: Any) -> list[int]:
    from sqlalchemy import select

    from tit_desktop.models.pathways import Pathway

    return list(s.scalars(select(Pathway.id)))


def _make_goal(db: Database, actor: Actor) -> int:
    pathway_id = _make_pathway(db, actor)
    with db.transaction(actor) as session:
        return plans.add_goal(session, actor, pathway_id, "lingua", "Corso di italiano")


def _make_action(db: Database, actor: Actor) -> int:
    goal_id = _make_goal(db, actor)
    with db.transaction(actor) as session:
        data = plans.ActionInput("Iscrizione al CPIA", None, D(2025, 6, 1))
        return plans.add_action(session, actor, goal_id, data)


def _make_review(db: Database, actor: Actor) -> int:
    pathway_id = _make_pathway(db, actor)
    with db.transaction(actor) as session:
        return plans.add_review(session, actor, pathway_id, D(2025, 3, 1), "Prima verifica")


def _open_plan_item(kind: str) -> Callable[[AppContext, int, QWidget], QDialog]:
    def open_(ctx: AppContext, i: int, host: QWidget) -> QDialog:
        with ctx.db.reading() as session:
            item = _plan_item(session, ctx.actor, kind, i)
            pathway_id = _all_pathways(session)[0]
            goal = (
                _plan_item(session, ctx.actor, "goal", item.goal_id) if kind == "action" else None
            )
        tabs = PlanTabs(ctx, pathway_id, host)
        host.plan_tabs = tabs  # type: ignore[attr-defined]
        if kind == "goal":
            return tabs._goal_dialog(item)
        if kind == "action":
            return tabs._action_dialog(goal, item)
        return tabs._review_dialog(item)

    return open_


def _load_goal(s: Any, a: Actor, i: int) -> tuple[Values, int]:
    goal = _plan_item(s, a, "goal", i)
    return {"domain": goal.domain, "description": goal.description}, goal.version


def _load_action(s: Any, a: Actor, i: int) -> tuple[Values, int]:
    action = _plan_item(s, a, "action", i)
    names = [f.name for f in dataclasses.fields(plans.ActionInput)]
    return {name: getattr(action, name) for name in names}, action.version


def _load_review(s: Any, a: Actor, i: int) -> tuple[Values, int]:
    review = _plan_item(s, a, "review", i)
    return {"held_on": review.held_on, "minutes": review.minutes}, review.version


def _make_course(db: Database, actor: Actor) -> int:
    org = make_org(db, actor)
    with db.transaction(actor) as session:
        data = courses.CourseInput("Italiano A2", org, 60, D(2025, 3, 1), D(2025, 6, 30), 70)
        return courses.create_course(session, actor, data)


def _load_course(s: Any, a: Actor, i: int) -> tuple[Values, int]:
    row = courses.get_course(s, a, i)
    names = [f.name for f in dataclasses.fields(courses.CourseInput)]
    return {name: getattr(row, name) for name in names}, row.version


def _open_course(ctx: AppContext, i: int, host: QWidget) -> QDialog:
    tab = CoursesTab(ctx, host)
    with ctx.db.reading() as session:
        return tab._course_dialog(courses.get_course(session, ctx.actor, i))


def _make_tirocinio(db: Database, actor: Actor) -> int:
    person_id = make_person(db, actor)
    org = make_org(db, actor)
    with db.transaction(actor) as session:
        data = tirocini.TirocinioInput(
            person_id, org, "Mario Bianchi", D(2025, 3, 1), D(2025, 8, 31), 80,
            Decimal("500.00"), 70, "Magazzino",
        )  # fmt: skip
        return tirocini.create_tirocinio(session, actor, data)


def _load_tirocinio(s: Any, a: Actor, i: int) -> tuple[Values, int]:
    row = tirocini.get_tirocinio(s, a, i)
    names = [f.name for f in dataclasses.fields(tirocini.TirocinioInput)]
    return {name: getattr(row, name) for name in names}, row.version


def _open_tirocinio(ctx: AppContext, i: int, host: QWidget) -> QDialog:
    tab = TirociniTab(ctx, host)
    with ctx.db.reading() as session:
        return tab._dialog(tirocini.get_tirocinio(session, ctx.actor, i))


# street, users ----------------------------------------------------------------------------


def _make_contact(db: Database, actor: Actor) -> int:
    make_staff(db, actor)
    make_person(db, actor, intake=D(2026, 1, 5))
    with db.transaction(actor) as session:
        data = street.ContactInput(
            occurred_on=D(2026, 3, 10), time=dt.time(22, 30), place="Stazione", anonymous_f=1
        )
        return street.create_contact(session, actor, data).id


def _load_contact(s: Any, a: Actor, i: int) -> tuple[Values, int]:
    detail = street.open_contact(s, a, i)
    return _fields(detail.data), detail.version


def _first_person(s: Any) -> int:
    from sqlalchemy import select

    from tit_desktop.models import Person

    return int(s.scalar(select(Person.id).order_by(Person.id).limit(1)))


def _make_user(db: Database, actor: Actor) -> int:
    with db.transaction(actor) as session:
        users.add_user(session, actor, "mario", Role.OPERATOR, PASSWORD, "Mario Rossi")
    return _user_id(db, actor, "mario")


def _user_id(db: Database, actor: Actor, name: str) -> int:
    with db.reading() as session:
        return next(u.id for u in users.list_users(session, actor) if u.username == name)


def _load_user(s: Any, a: Actor, i: int) -> tuple[Values, int]:
    user = next(u for u in users.list_users(s, a) if u.id == i)
    return {"full_name": user.full_name, "role": user.role, "active": user.active}, user.version


def _open_user(ctx: AppContext, i: int, _host: QWidget) -> QDialog:
    from tit_desktop.ui.pages.admin import UserDialog

    with ctx.db.reading() as session:
        user = next(u for u in users.list_users(session, ctx.actor) if u.id == i)
    return UserDialog(ctx, user)


# settings shared by every desk: one row per meal, one per tempo ---------------------------


def _meal_values(s: Any, a: Actor, _i: int) -> tuple[Values, int]:
    from tit_desktop.services import canteen

    values: Values = {}
    for meal, setting in canteen.meal_settings(s).items():
        values[f"{meal.value}_seats"] = setting.seats
        values[f"{meal.value}_hours"] = (setting.starts_at, setting.ends_at)
    return values, 0


def _save_meals(s: Any, a: Actor, _i: int, d: Values, _v: int) -> object:
    from tit_desktop.services import canteen

    for meal, seen in canteen.meal_settings(s).items():
        starts, ends = d[f"{meal.value}_hours"]
        canteen.save_meal_setting(s, a, meal, starts, ends, d[f"{meal.value}_seats"], seen)
    return None


def _open_meals(ctx: AppContext, _i: int, _host: QWidget) -> QDialog:
    from tit_desktop.ui.pages.canteen import MealSettingsDialog

    return MealSettingsDialog(ctx)


def _amount_values(s: Any, a: Actor, _i: int) -> tuple[Values, int]:
    rows = hosting.read_default_amount_rows(s, a)
    return {time.value: row.amount for time, row in rows.items()}, 0


def _save_amounts(s: Any, a: Actor, _i: int, d: Values, _v: int) -> object:
    for time, seen in hosting.read_default_amount_rows(s, a).items():
        hosting.set_default_amount(s, a, time, d[time.value], seen)
    return None


def _open_amounts(ctx: AppContext, _i: int, _host: QWidget) -> QDialog:
    from tit_desktop.ui.pages.families import DefaultAmountsDialog

    return DefaultAmountsDialog(ctx)


def _dialog(path: str, *args: Any) -> Callable[[AppContext, int, QWidget], QDialog]:
    module, name = path.rsplit(".", 1)

    def open_(ctx: AppContext, i: int, _host: QWidget) -> QDialog:
        import importlib

        cls = getattr(importlib.import_module(module), name)
        return cls(ctx, i, *args)  # type: ignore[no-any-return]

    return open_


# Values set by the colleague that depend on the database (an operator's or a person's id)
# are filled in by name when the case runs.
STAFF = "<staff>"
PERSON = "<person>"

CASES = [
    Case(
        "alloggio",
        _make_unit,
        _dialog("tit_desktop.ui.housing_dialogs.UnitDialog"),
        _load_unit,
        lambda s, a, i, d, v: housing.update_unit(s, a, i, housing.UnitInput(**d), v),
        mine=(Edit("address", "address", "Via Nuova 9", "Via Nuova 9"),),
        theirs=(Edit("kind", "kind", HousingKind.HOUSING_FIRST, "Housing first"),),
        both=(
            Edit("name", "name", "Casa Aurora Nord", "Casa Aurora Nord"),
            Edit("name", "name", "Casa Aurora Sud", "Casa Aurora Sud"),
        ),
        label="Nome",
    ),
    Case(
        "soggiorno",
        _make_stay,
        lambda ctx, i, _h: __import__(
            "tit_desktop.ui.housing_dialogs", fromlist=["StayDialog"]
        ).StayDialog(ctx, i),
        _load_stay,
        _save_stay,
        mine=(
            Edit("al", "al", D(2026, 3, 10), "10/03/2026"),
            Edit("destination", "exit_destination", RENT, RENT_TEXT),
        ),
        theirs=(Edit("notes", "notes", "Ha chiesto un armadio", "Ha chiesto un armadio"),),
        both=(
            Edit("notes", "notes", "Preferisce il piano terra", "Preferisce il piano terra"),
            Edit("notes", "notes", "Allergia agli acari", "Allergia agli acari"),
        ),
        label="Note",
    ),
    Case(
        "convenzione",
        _make_convention,
        _dialog("tit_desktop.ui.convention_dialogs.ConventionDialog"),
        _load_convention,
        lambda s, a, i, d, v: conventions.update_convention(
            s, a, i, v, conventions.ConventionInput(**d)
        ),
        mine=(Edit("funder", "funder", "Ministero dell'Interno", "Ministero dell'Interno"),),
        theirs=(Edit("notes", "notes", "Proroga richiesta", "Proroga richiesta"),),
        both=(
            Edit("title_edit", "title", "Tessiture Urbane", "Tessiture Urbane"),
            Edit("title_edit", "title", "Tessiture Integrate", "Tessiture Integrate"),
        ),
        label="Titolo",
    ),
    Case(
        "voce",
        _make_line,
        _open_line,
        _load_line,
        lambda s, a, i, d, v: budget.update_line(
            s, a, i, v, budget.LineInput(d["name"], d["category"], d["planned"], d["action"])
        ),
        mine=(Edit("action", "action", "Coordinamento", "Coordinamento"),),
        theirs=(Edit("category", "category", CostCategory.OVERHEADS, "spese generali"),),
        both=(
            Edit("name", "name", "Personale interno", "Personale interno"),
            Edit("name", "name", "Personale esterno", "Personale esterno"),
        ),
        label="Voce",
    ),
    Case(
        "spesa",
        _make_expenditure,
        _open_expenditure,
        _load_expenditure,
        lambda s, a, i, d, v: expenditures.update_expenditure(
            s, a, i, v, expenditures.ExpenditureInput(**d)
        ),
        mine=(Edit("description", "description", "Cancelleria", "Cancelleria"),),
        theirs=(Edit("payment_method", "payment_method", "bonifico", "bonifico"),),
        both=(
            Edit("number", "number", "F-1/A", "F-1/A"),
            Edit("number", "number", "F-1/B", "F-1/B"),
        ),
        label="Numero",
    ),
    Case(
        "famiglia",
        _make_family,
        _dialog("tit_desktop.ui.pages.families.FamilyDialog"),
        _load_family,
        lambda s, a, i, d, v: hosting.update_family(s, a, i, hosting.FamilyInput(**d), v),
        mine=(Edit("phone", "phone", "071 222333", "071 222333"),),
        theirs=(Edit("active", "active", False, "no"),),
        both=(
            Edit("address", "address", "Via Roma 2", "Via Roma 2"),
            Edit("address", "address", "Via Roma 3", "Via Roma 3"),
        ),
        label="Indirizzo",
    ),
    Case(
        "accoglienza",
        _make_agreement,
        _open_agreement,
        _load_agreement,
        lambda s, a, i, d, v: hosting.update_agreement(s, a, i, hosting.AgreementInput(**d), v),
        mine=(Edit("end_date", "end_date", D(2026, 7, 31), "31/07/2026"),),
        theirs=(Edit("amount", "monthly_amount", Decimal("400.00"), "400,00"),),
        both=(
            Edit("notes", "notes", "Camera singola", "Camera singola"),
            Edit("notes", "notes", "Camera doppia", "Camera doppia"),
        ),
        label="Note",
    ),
    Case(
        "percorso",
        _make_pathway,
        lambda ctx, i, _h: __import__(
            "tit_desktop.ui.pages.pathways", fromlist=["PathwayDialog"]
        ).PathwayDialog(ctx, i),
        _load_pathway,
        lambda s, a, i, d, v: pathways.update_pathway(s, a, i, pathways.PathwayInput(**d), v),
        mine=(Edit("entry_date", "entry_date", D(2025, 2, 3), "03/02/2025"),),
        theirs=(Edit("staff", "reference_staff_id", STAFF, "Rossi Giulia"),),
        both=(
            Edit("actions", "actions", "Italiano, lavoro", "Italiano, lavoro"),
            Edit("actions", "actions", "Italiano, casa", "Italiano, casa"),
        ),
        label="Azioni",
    ),
    Case(
        "obiettivo",
        _make_goal,
        _open_plan_item("goal"),
        _load_goal,
        lambda s, a, i, d, v: plans.update_goal(s, a, i, v, d["domain"], d["description"]),
        mine=(Edit("field:description", "description", "Corso A2", "Corso A2"),),
        theirs=(Edit("field:domain", "domain", "lavoro", "lavoro"),),
        both=(
            Edit("field:description", "description", "Corso B1", "Corso B1"),
            Edit("field:description", "description", "Corso A1", "Corso A1"),
        ),
        label="Obiettivo",
    ),
    Case(
        "azione",
        _make_action,
        _open_plan_item("action"),
        _load_action,
        lambda s, a, i, d, v: plans.update_action(s, a, i, v, plans.ActionInput(**d)),
        mine=(Edit("field:progress_notes", "progress_notes", "Iscritta", "Iscritta"),),
        theirs=(Edit("field:status", "status", "in corso", "in corso"),),
        both=(
            Edit("field:description", "description", "Iscrizione serale", "Iscrizione serale"),
            Edit("field:description", "description", "Iscrizione online", "Iscrizione online"),
        ),
        label="Azione",
    ),
    Case(
        "verifica",
        _make_review,
        _open_plan_item("review"),
        _load_review,
        lambda s, a, i, d, v: plans.update_review(s, a, i, v, d["held_on"], d["minutes"]),
        mine=(Edit("field:held_on", "held_on", D(2025, 3, 2), "02/03/2025"),),
        theirs=(Edit("field:minutes", "minutes", "Verifica positiva", "Verifica positiva"),),
        both=(
            Edit("field:minutes", "minutes", "Bene", "Bene"),
            Edit("field:minutes", "minutes", "Da rivedere", "Da rivedere"),
        ),
        label="Verbale",
    ),
    Case(
        "corso",
        _make_course,
        _open_course,
        _load_course,
        lambda s, a, i, d, v: courses.update_course(s, a, i, v, courses.CourseInput(**d)),
        mine=(Edit("field:notes", "notes", "Aula 3", "Aula 3"),),
        theirs=(Edit("field:planned_hours", "planned_hours", 80, "80"),),
        both=(
            Edit("field:title", "title", "Italiano A2 serale", "Italiano A2 serale"),
            Edit("field:title", "title", "Italiano A2 mattina", "Italiano A2 mattina"),
        ),
        label="Titolo",
    ),
    Case(
        "tirocinio",
        _make_tirocinio,
        _open_tirocinio,
        _load_tirocinio,
        lambda s, a, i, d, v: tirocini.update_tirocinio(s, a, i, v, tirocini.TirocinioInput(**d)),
        mine=(Edit("field:objectives", "objectives", "Inventario", "Inventario"),),
        theirs=(Edit("field:monthly_indemnity", "monthly_indemnity", Decimal("550.00"), "550,00"),),
        both=(
            Edit("field:tutor", "tutor", "Anna Verdi", "Anna Verdi"),
            Edit("field:tutor", "tutor", "Luca Neri", "Luca Neri"),
        ),
        label="Tutor",
    ),
    Case(
        "contatto",
        _make_contact,
        _dialog("tit_desktop.ui.pages.street.ContactDialog"),
        _load_contact,
        lambda s, a, i, d, v: street.update_contact(s, a, i, street.ContactInput(**d), v),
        mine=(Edit("form.notes", "notes", "Coperta consegnata", "Coperta consegnata"),),
        theirs=(
            Edit("form.staff", "staff_ids", (STAFF,), "Rossi Giulia"),
            Edit("form.persons", "person_ids", (PERSON,), "Diallo Awa (TIU-00001)"),
        ),
        both=(
            Edit("form.place", "place", "Stazione centrale", "Stazione centrale"),
            Edit("form.place", "place", "Piazza Cavour", "Piazza Cavour"),
        ),
        label="Luogo",
    ),
    Case(
        "utente",
        _make_user,
        _open_user,
        _load_user,
        lambda s, a, i, d, v: users.update_user(s, a, i, expected_version=v, **d),
        mine=(Edit("active", "active", False, "no"),),
        theirs=(
            Edit(
                "role", "role", Role.COORDINATOR, f"{ROLE_LABELS[Role.COORDINATOR]} (coordinatore)"
            ),
        ),
        both=(
            Edit("full_name", "full_name", "Mario Rossi Bianchi", "Mario Rossi Bianchi"),
            Edit("full_name", "full_name", "Mario Rossini", "Mario Rossini"),
        ),
        label="Nome e cognome",
        colleague_role=Role.ADMIN,
    ),
    Case(
        "orari-mensa",
        lambda db, a: 0,
        _open_meals,
        _meal_values,
        _save_meals,
        mine=(Edit("rows.pranzo.2", "pranzo_seats", 40, "40"),),
        theirs=(Edit("rows.cena.2", "cena_seats", 60, "60"),),
        both=(
            Edit("rows.colazione.2", "colazione_seats", 10, "10"),
            Edit("rows.colazione.2", "colazione_seats", 20, "20"),
        ),
        label="Colazione: posti",
    ),
    Case(
        "contributi-predefiniti",
        lambda db, a: 0,
        _open_amounts,
        _amount_values,
        _save_amounts,
        mine=(Edit("fields.parziale", "parziale", Decimal("400.00"), "400,00"),),
        theirs=(Edit("fields.pieno", "pieno", Decimal("600.00"), "600,00"),),
        both=(
            Edit("fields.parziale", "parziale", Decimal("380.00"), "380,00"),
            Edit("fields.parziale", "parziale", Decimal("360.00"), "360,00"),
        ),
        label="Tempo parziale (EUR al mese)",
    ),
]


# --- driving a case ------------------------------------------------------------------------


def widget_of(dialog: QDialog, path: str) -> QWidget:
    if path.startswith("field:"):
        assert isinstance(dialog, RecordDialog)
        key = path.removeprefix("field:")
        return next(f.widget for f in dialog.fields if f.key == key)
    found: Any = dialog
    for name in path.split("."):
        if isinstance(found, dict):
            found = found[name]
        elif isinstance(found, tuple):
            found = found[int(name)]
        else:
            found = getattr(found, name)
    assert isinstance(found, QWidget)
    return found


def type_into(widget: QWidget, text: str) -> None:
    """What a user does to make the input show ``text``."""
    if isinstance(widget, QComboBox):
        index = widget.findText(text)
        assert index >= 0, (text, [widget.itemText(i) for i in range(widget.count())])
        widget.setCurrentIndex(index)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(text == "sì")
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(text))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    elif isinstance(widget, QLineEdit):
        widget.setText(text)
    else:
        raise TypeError(type(widget))


class Run:
    """One case on the two PCs: mine (the dialog) and the colleague's."""

    def __init__(
        self, case: Case, qtbot: QtBot, db: Database, other: Database, admin: Actor
    ) -> None:
        self.case, self.db, self.admin = case, db, admin
        self.record_id = case.make(db, admin)
        make_user(db, "collega", case.colleague_role)
        self.colleague = users.login(other, "collega", PASSWORD)
        self.other = other
        self.host = QWidget()
        qtbot.addWidget(self.host)
        self.dialog = case.open(AppContext(db, admin), self.record_id, self.host)
        qtbot.addWidget(self.dialog)

    def type(self, *edits: Edit) -> None:
        for edit in edits:
            assert edit.text is not None
            type_into(widget_of(self.dialog, edit.widget), edit.text)

    def colleague_saves(self, *edits: Edit) -> None:
        with self.other.transaction(self.colleague) as session:
            values, version = self.case.load(session, self.colleague, self.record_id)
            for edit in edits:
                values[edit.field] = self._resolve(session, edit.value)
            self.case.save(session, self.colleague, self.record_id, values, version)

    def _resolve(self, session: Any, value: Any) -> Any:
        if isinstance(value, tuple):
            return tuple(self._resolve(session, v) for v in value)
        if value == STAFF:
            return _staff_id(session, self.colleague)
        if value == PERSON:
            return _first_person(session)
        return value

    def stored(self) -> Values:
        with self.db.reading() as session:
            values, _version = self.case.load(session, self.admin, self.record_id)
        return values

    def expect_stored(self, *edits: Edit) -> None:
        stored = self.stored()
        with self.db.reading() as session:
            for edit in edits:
                assert stored[edit.field] == self._resolve(session, edit.value), edit

    def expect_shown(self, *edits: Edit) -> None:
        for edit in edits:
            if edit.text is not None:
                assert shown_text(widget_of(self.dialog, edit.widget)) == edit.text, edit


@pytest.fixture(params=CASES, ids=[c.id for c in CASES])
def run(
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    db: Database,
    colleague_db: Database,
    admin: Actor,
) -> Run:
    return Run(request.param, qtbot, db, colleague_db, admin)


def _save(dialog: QDialog) -> bool:
    save = getattr(dialog, "save", None) or dialog._save  # type: ignore[attr-defined]
    return bool(save())


# --- the tests -----------------------------------------------------------------------------


def test_changes_to_different_fields_are_merged_then_both_saved(
    run: Run, message_boxes: list[tuple[str, str]]
) -> None:
    case = run.case
    run.type(*case.mine)
    run.colleague_saves(*case.theirs)

    assert _save(run.dialog) is False  # not saved yet: the form shows both, to check
    run.expect_shown(*case.mine, *case.theirs)
    assert [kind for kind, _text in message_boxes] == ["information"]
    assert "Controllate e premete Salva" in message_boxes[0][1]
    run.expect_stored(*case.theirs)  # mine not written yet

    assert _save(run.dialog) is True
    run.expect_stored(*case.mine, *case.theirs)


@pytest.mark.parametrize("choice", ["mine", "theirs"])
def test_a_clash_is_chosen_and_the_choice_saved(
    run: Run, choice: str, monkeypatch: pytest.MonkeyPatch, message_boxes: list
) -> None:
    case = run.case
    mine, theirs = case.both
    also_theirs = tuple(e for e in case.theirs if e.field != mine.field)
    run.type(mine)
    run.colleague_saves(theirs, *also_theirs)
    asked: list[list[str]] = []

    def answer(dialog: EditConflictDialog) -> int:
        asked.append([c.label for c in dialog.clashes])
        assert (dialog.clashes[0].mine, dialog.clashes[0].theirs) == (mine.text, theirs.text)
        if SHOTS:
            dialog.show()
            dialog.grab().save(os.path.join(SHOTS, f"conflict-{case.id}.png"))
        (dialog.all_theirs if choice == "theirs" else dialog.all_mine).click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EditConflictDialog, "exec", answer)
    assert _save(run.dialog) is False
    assert asked == [[case.label]]
    assert message_boxes == []  # the conflict dialog said it all
    chosen = theirs if choice == "theirs" else mine
    run.expect_shown(chosen, *also_theirs)

    assert _save(run.dialog) is True
    run.expect_stored(chosen, *also_theirs)


def test_giving_up_keeps_the_form_as_typed_and_asks_again(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, theirs = run.case.both
    run.type(mine)
    run.colleague_saves(theirs)
    asked: list[str] = []

    def give_up(dialog: EditConflictDialog) -> int:
        asked.append(dialog.clashes[0].label)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(EditConflictDialog, "exec", give_up)
    assert _save(run.dialog) is False
    run.expect_shown(mine)
    assert run.dialog.form_guard.is_dirty()  # type: ignore[attr-defined]
    run.expect_stored(theirs)
    # The form kept the version it was loaded with: saving again is refused again, and
    # asks again, instead of overwriting the colleague's change.
    assert _save(run.dialog) is False
    assert asked == [run.case.label, run.case.label]
    run.expect_stored(theirs)


def test_a_record_deleted_meanwhile_is_said_and_the_form_stays_as_typed(
    qtbot: QtBot,
    db: Database,
    colleague_db: Database,
    admin: Actor,
    message_boxes: list[tuple[str, str]],
) -> None:
    from tit_desktop.ui.pages.pathways import PathwayDialog

    run = Run(CASES[[c.id for c in CASES].index("percorso")], qtbot, db, colleague_db, admin)
    dialog = run.dialog
    assert isinstance(dialog, PathwayDialog)
    dialog.show()
    mine, theirs = run.case.both
    run.type(mine)
    run.colleague_saves(theirs)
    reload = dialog._load

    def deleted_then_reload() -> None:  # the colleague deletes it just after their save
        with run.other.transaction(run.colleague) as session:
            pathways.delete_pathway(session, run.colleague, run.record_id, dialog.version + 1)
        reload()

    dialog._load = deleted_then_reload  # type: ignore[method-assign]
    assert dialog.save() is False
    assert dialog.isVisible()
    run.expect_shown(mine)
    assert dialog.guard.is_dirty()
    assert [kind for kind, _ in message_boxes] == ["warning"]
    assert "eliminata" in message_boxes[0][1]
    # Saving again: the service says the record is gone; still nothing typed is lost.
    assert dialog.save() is False
    assert "eliminato" in message_boxes[1][1]
    run.expect_shown(mine)
    assert dialog.isVisible()
    dialog.guard.enabled = False  # the test closes it


def test_a_variation_follows_a_line_changed_meanwhile(
    qtbot: QtBot,
    db: Database,
    colleague_db: Database,
    admin: Actor,
    message_boxes: list[tuple[str, str]],
) -> None:
    from tit_desktop.ui.convention_dialogs import VariationDialog

    run = Run(CASES[[c.id for c in CASES].index("voce")], qtbot, db, colleague_db, admin)
    with db.reading() as session:
        line = _line(session, admin, run.record_id)
    dialog = VariationDialog(AppContext(db, admin), line)
    qtbot.addWidget(dialog)
    dialog.amount_after.setText("45.000,00")
    dialog.reason.setText("Meno ore di coordinamento")
    with colleague_db.transaction(run.colleague) as session:  # the colleague varies it first
        budget.vary_line(
            session, run.colleague, line.id, line.version, D(2021, 1, 10),
            Decimal("48000.00"), "Spostamento su beni",
        )  # fmt: skip

    assert dialog.save() is False
    assert dialog.current_amount.text() == "48.000,00 EUR"  # what the variation now starts from
    assert dialog.amount_after.text() == "45.000,00"  # what I typed stays
    assert [kind for kind, _ in message_boxes] == ["information"]
    assert dialog.save() is True
    with db.reading() as session:
        assert _line(session, admin, line.id).planned == Decimal("45000.00")
        history = budget.variations(session, admin, _convention_of_line(db, admin, line.id))
    assert [v.amount_after for v in history] == [Decimal("48000.00"), Decimal("45000.00")]
