"""Every item model of the UI passes pytest-qt's model tester, filled with real data as the
screen that uses it fills it. The model classes are discovered by importing every module of
tit_desktop.ui: a new model without an entry in BUILDERS fails the suite."""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import pkgutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester

import tit_desktop.ui
from tests.conftest import make_user
from tests.demo_cache import fill_demo
from tit_desktop.models import Role
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.lazy_table import KeyTableModel
from tit_desktop.ui.pages.admin import UsersTab
from tit_desktop.ui.pages.audit_log import AuditLogModel, AuditLogPage
from tit_desktop.ui.pages.convention import ConventionPage
from tit_desktop.ui.pages.families import (
    AgreementTableModel,
    FamiliesPage,
    FamilyTableModel,
    LedgerDialog,
    LedgerTableModel,
    PaymentListDialog,
    PaymentTableModel,
)
from tit_desktop.ui.pages.home import HomePage, PermitModel, ReminderModel
from tit_desktop.ui.pages.housing import BoardModel, HousingPage
from tit_desktop.ui.pages.persons import PersonsPage
from tit_desktop.ui.pages.street import StreetContactsModel, StreetPage
from tit_desktop.ui.table_models import ListTableModel
from tit_desktop.ui.timesheet_grid import TimesheetGridModel

UI_PACKAGE = Path(tit_desktop.ui.__file__).parent


def ui_model_classes() -> list[type[QAbstractItemModel]]:
    """Every QAbstractItemModel subclass defined in a module of tit_desktop.ui."""
    found: set[type[QAbstractItemModel]] = set()
    for info in pkgutil.walk_packages(tit_desktop.ui.__path__, "tit_desktop.ui."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if (
                isinstance(obj, type)
                and issubclass(obj, QAbstractItemModel)
                and obj.__module__ == module.__name__
            ):
                found.add(obj)
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


# --------------------------------------------------------------------------- builders
# Each returns a screen that has loaded real data, and the model as that screen holds it
# (the model is the screen's child: the `screens` fixture keeps the screen alive until the
# model tester has let go of the model; qtbot.addWidget would delete it before).

Builder = Callable[[Database, Actor], tuple[QWidget, QAbstractItemModel]]


def _demo(db: Database, admin: Actor) -> AppContext:
    fill_demo(db, admin, people=40, seed=7)
    return AppContext(db, admin)


def _persons_table(db: Database, admin: Actor) -> tuple[QWidget, QAbstractItemModel]:
    page = PersonsPage(_demo(db, admin))
    return page, page.model


def _users_table(db: Database, admin: Actor) -> tuple[QWidget, QAbstractItemModel]:
    for name, role in (("mario.rossi", Role.OPERATOR), ("anna.bianchi", Role.READ_ONLY)):
        make_user(db, name, role)
    tab = UsersTab(AppContext(db, admin))
    return tab, tab.model


def _permits_table(db: Database, admin: Actor) -> tuple[QWidget, QAbstractItemModel]:
    page = HomePage(_demo(db, admin))
    return page, page.permits


def _reminders_table(db: Database, admin: Actor) -> tuple[QWidget, QAbstractItemModel]:

    from tit_desktop.services import reminders

    def due(_s: object, _a: Actor, day: dt.date) -> list[reminders.Reminder]:
        return [
            reminders.Reminder(day, "families", "Contributo di marzo non pagato", overdue=True),
            reminders.Reminder(day, "convention", "Monitoraggio trimestrale"),
        ]

    reminders.register_provider("test_table_models", due)
    try:
        page = HomePage(AppContext(db, admin))
    finally:
        reminders._PROVIDERS.pop("test_table_models")
    return page, page.reminders


def _audit_log_table(db: Database, admin: Actor) -> tuple[QWidget, QAbstractItemModel]:
    page = AuditLogPage(_demo(db, admin))
    return page, page.model


def _families_page(db: Database, admin: Actor) -> FamiliesPage:
    from tests.ui.test_families_ui import hosting_data

    hosting_data(db, admin)
    page = FamiliesPage(AppContext(db, admin))
    page.view.selectRow(0)  # the Brunori family, with its two agreements
    return page


def _families_table(db: Database, admin: Actor) -> tuple[QWidget, QAbstractItemModel]:
    page = _families_page(db, admin)
    return page, page.model


def _agreements_table(db: Database, admin: Actor) -> tuple[QWidget, QAbstractItemModel]:
    page = _families_page(db, admin)
    return page, page.agreements


def _ledger_table(db: Database, admin: Actor) -> tuple[QWidget, QAbstractItemModel]:
    from tests.ui.test_families_ui import hosting_data

    dialog = LedgerDialog(AppContext(db, admin), hosting_data(db, admin).agreement_id)
    return dialog, dialog.model


def _payments_table(db: Database, admin: Actor) -> tuple[QWidget, QAbstractItemModel]:
    from tests.ui.test_families_ui import hosting_data

    hosting_data(db, admin)
    dialog = PaymentListDialog(AppContext(db, admin))
    dialog.month.setText("04/2026")
    dialog.refresh()
    return dialog, dialog.model


def _street_table(db: Database, admin: Actor) -> tuple[QWidget, QAbstractItemModel]:
    page = StreetPage(_demo(db, admin))
    return page, page.list.model


def _housing_board(db: Database, admin: Actor) -> tuple[QWidget, QAbstractItemModel]:
    page = HousingPage(_demo(db, admin))
    return page, page.board_model


def _timesheet_grid(db: Database, admin: Actor) -> tuple[QWidget, QAbstractItemModel]:
    page = ConventionPage(_demo(db, admin))
    tab = page.staff_tab
    assert tab is not None and tab.show_month(dt.date(2021, 3, 1))
    tab.grid_model.setData(tab.grid_model.index(0, 0), "7:30")
    return page, tab.grid_model


BUILDERS: dict[type[QAbstractItemModel], Builder] = {
    AgreementTableModel: _agreements_table,
    FamilyTableModel: _families_table,
    LedgerTableModel: _ledger_table,
    PaymentTableModel: _payments_table,
    BoardModel: _housing_board,
    AuditLogModel: _audit_log_table,
    KeyTableModel: _persons_table,
    ListTableModel: _users_table,
    PermitModel: _permits_table,
    ReminderModel: _reminders_table,
    StreetContactsModel: _street_table,
    TimesheetGridModel: _timesheet_grid,
}


def _reshuffle(model: QAbstractItemModel) -> None:
    """Change the model as the screens do, so the tester also checks the signals."""
    if isinstance(model, KeyTableModel):
        model.sort(0, Qt.SortOrder.DescendingOrder)
        model.reload()
    elif isinstance(model, TimesheetGridModel):
        model.setData(model.index(1, 0), "sette")
        model.show_refusal({(model.days[1], None): "più di 24 ore in un giorno"})
        model.setData(model.index(1, 0), "")
    elif isinstance(model, ListTableModel):
        rows = [model.row_at(i) for i in range(model.rowCount())]
        model.set_rows(rows[::-1])
        model.set_rows([])
        model.set_rows(rows)


# --------------------------------------------------------------------------- tests


def test_the_discovery_finds_the_known_models() -> None:
    assert {KeyTableModel, ListTableModel, PermitModel} <= set(ui_model_classes())


@pytest.fixture
def screens() -> Iterator[list[QWidget]]:
    """Requested before qtmodeltester, so torn down after it."""
    held: list[QWidget] = []
    yield held
    for screen in held:
        screen.close()
        screen.deleteLater()


@pytest.mark.parametrize("cls", ui_model_classes(), ids=_name)
def test_model_passes_the_model_tester(
    cls: type[QAbstractItemModel],
    screens: list[QWidget],
    qtmodeltester: ModelTester,
    sqlite_db: Database,
) -> None:
    builder = BUILDERS.get(cls)
    if builder is None:
        pytest.fail(f"{_name(cls)} has no qtmodeltester test: add a builder to BUILDERS")
    admin = make_user(sqlite_db, "admin", Role.ADMIN)
    screen, model = builder(sqlite_db, admin)
    screens.append(screen)
    assert type(model) is cls
    assert model.rowCount() > 1, "an empty model tests little: give the builder some data"
    # Qt's C++ QAbstractItemModelTester (its failures are Qt warnings, which fail the test)
    # and pytest-qt's Python one (stricter on data types); both stay connected and check
    # every change the screen makes afterwards.
    cpp_tester = ModelTester(None)
    cpp_tester.check(model)
    qtmodeltester.check(model, force_py=True)
    _reshuffle(model)
    assert model.rowCount() > 1


def test_model_classes_are_defined_at_module_level() -> None:
    """The discovery imports modules: a model class defined inside a function would escape
    it (and the model tester)."""
    nested = []
    for path in sorted(UI_PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top_level = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and id(node) not in top_level:
                bases = [ast.unparse(base) for base in node.bases]
                if any("Model" in base for base in bases):
                    nested.append(f"{path.name}: {node.name}")
    assert nested == []
