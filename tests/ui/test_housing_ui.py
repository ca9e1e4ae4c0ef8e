"""The Alloggi area driven as a user would: the board of a month, a click on a free night to
assign it (person searched as typed), a click on the stay to open it and record the exit,
the units list and dialog, the read-only role, tonight's list."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import make_user
from tit_desktop.models import Role
from tit_desktop.services import clock, housing, persons
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.housing_dialogs import StayDialog, UnitDialog
from tit_desktop.ui.pages.housing import HousingPage

TODAY = dt.date(2026, 3, 15)
SHOTS = os.environ.get("TIT_SCREENSHOTS", "")


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def housed(db: Database, admin: Actor) -> dict[str, int]:
    with db.transaction(admin) as session:
        unit = housing.create_unit(
            session,
            admin,
            housing.UnitInput("Casa Aurora", "co-housing", "Via Marconi 4", bed_labels=("1", "2")),
        )
        ids = {"unit": unit.id}
        for code, last in (("TIU-00001", "Diallo"), ("TIU-00002", "Okafor")):
            ids[code] = persons.create_person(
                session,
                admin,
                persons.PersonInput(
                    code=code, last_name=last, first_name="Amina", intake_date=dt.date(2026, 1, 5)
                ),
            ).id
        beds = {b.label: b.id for b in housing.beds_of(session, admin, unit.id)}
        ids["bed1"], ids["bed2"] = beds["1"], beds["2"]
        housing.assign(session, admin, ids["TIU-00002"], unit.id, beds["2"], dt.date(2026, 3, 1))
    return ids


def _click(qtbot: QtBot, page: HousingPage, index: QModelIndex) -> None:
    view = page.board_view
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def _dialog(kind: type) -> object:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert len(found) == 1, found
    return found[0]


def _shot(widget: object, name: str) -> None:
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"housing-{name}.png"))  # type: ignore[attr-defined]


def test_assign_a_free_night_from_the_board_then_end_the_stay(
    qtbot: QtBot, db: Database, admin: Actor, housed: dict[str, int]
) -> None:
    page = HousingPage(AppContext(db, admin))
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    page.set_month(2026, 3)
    model = page.board_model
    assert model.rowCount() == 2 and model.columnCount() == 31
    # GIVEN bed 2 is taken from 1 March (open), bed 1 is free
    assert model.index(1, 0).data() == "OA"
    assert model.index(1, 20).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#c6dbef"
    assert model.index(0, 9).data() == ""
    _shot(page, "board")
    # WHEN the user clicks bed 1 on the 10th, searches the person and saves
    _click(qtbot, page, model.index(0, 9))
    dialog = _dialog(StayDialog)
    assert isinstance(dialog, StayDialog)
    assert dialog.dal.text() == "10/03/2026" and dialog.bed.currentText() == "1"
    qtbot.keyClicks(dialog.person_search, "dial")
    dialog.suggest_persons()
    assert next(iter(dialog._choices)).startswith("Diallo Amina (TIU-00001)")
    dialog.choose_person("dial")
    _shot(dialog, "assign")
    assert dialog.save()
    # THEN the board shows the stay from that night on, and the rate counts it
    assert model.index(0, 9).data() == "DA" and model.index(0, 8).data() == ""
    aurora = page.rates.row_at(0)
    assert (aurora.occupied_nights, aurora.available_nights) == (15 + 6, 2 * 15)
    # WHEN the user clicks the stay and records the exit
    _click(qtbot, page, model.index(0, 11))
    dialog = _dialog(StayDialog)
    assert isinstance(dialog, StayDialog) and dialog.info is not None
    assert "Diallo Amina" in dialog.header.text()
    dialog.al.setText("14/03/2026")
    dialog.destination.setCurrentIndex(dialog.destination.findData(housing.ExitDestination.STREET))
    _shot(dialog, "stay")
    assert dialog.save()
    assert model.index(0, 12).data() == "DA" and model.index(0, 13).data() == ""
    with db.reading() as session:
        (stay,) = housing.stays_of_person(session, admin, housed["TIU-00001"])
    assert (stay.dal, stay.al, stay.exit_destination) == (
        dt.date(2026, 3, 10),
        dt.date(2026, 3, 14),
        housing.ExitDestination.STREET,
    )


def test_a_refused_assignment_names_the_other_stay(
    qtbot: QtBot, db: Database, admin: Actor, housed: dict[str, int], message_boxes: list
) -> None:
    dialog = StayDialog(
        AppContext(db, admin), unit_id=housed["unit"], bed_id=housed["bed1"], day=TODAY
    )
    qtbot.addWidget(dialog)
    dialog.choose_person("TIU-00002")  # already in bed 2
    assert not dialog.save()
    assert "Okafor Amina (TIU-00002) ha già un posto" in message_boxes[-1][1]


def test_a_date_before_intake_shows_next_to_the_field(
    qtbot: QtBot, db: Database, admin: Actor, housed: dict[str, int]
) -> None:
    dialog = StayDialog(
        AppContext(db, admin), unit_id=housed["unit"], bed_id=housed["bed1"], day=TODAY
    )
    qtbot.addWidget(dialog)
    dialog.choose_person("TIU-00001")
    dialog.dal.setText("01/01/2026")
    assert not dialog.save()
    assert "presa in carico" in dialog.errors.text("dal")


def test_read_only_users_see_but_cannot_assign(
    qtbot: QtBot, db: Database, housed: dict[str, int]
) -> None:
    reader = make_user(db, "lettore", Role.READ_ONLY)
    page = HousingPage(AppContext(db, reader))
    qtbot.addWidget(page)
    page.show()
    page.set_month(2026, 3)
    _click(qtbot, page, page.board_model.index(0, 3))
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, StayDialog) and w.isVisible()
    ]
    assert not page.new_unit.isVisible()
    unit = UnitDialog(AppContext(db, reader), housed["unit"])
    qtbot.addWidget(unit)
    assert unit.name.isReadOnly() and not unit.kind.isEnabled()
    assert not unit.save_button.isVisible()


def test_units_list_search_and_unit_dialog(
    qtbot: QtBot, db: Database, admin: Actor, housed: dict[str, int]
) -> None:
    ctx = AppContext(db, admin)
    dialog = UnitDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("Dormitorio Stazione")
    dialog.kind.setCurrentIndex(dialog.kind.findData(housing.HousingKind.NIGHT_SHELTER))
    dialog.beds.setText("1-8")
    dialog.active_from.setText("01/02/2026")
    _shot(dialog, "unit")
    assert dialog.save()
    page = HousingPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.tabs.setCurrentIndex(1)
    page.show()
    assert [page.units.row_at(i).name for i in range(page.units.rowCount())] == [
        "Casa Aurora",
        "Dormitorio Stazione",
    ]
    page.search.setText("dormit")
    assert page.units.rowCount() == 1 and page.units.row_at(0).beds == 8
    _shot(page, "units")
    page.search.clear()
    page.tabs.setCurrentIndex(2)
    assert page.tonight.rowCount() == 1 and page.tonight.row_at(0).code == "TIU-00002"
    _shot(page, "tonight")


def test_the_unit_dialog_asks_before_losing_edits(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    housed: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tit_desktop.ui import questions

    asked: list[bool] = []
    monkeypatch.setattr(
        questions,
        "ask_save_changes",
        lambda _p: asked.append(True) or questions.SaveChoice.CANCEL,
    )
    dialog = UnitDialog(AppContext(db, admin), housed["unit"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.address.setText("Via Nuova 1")
    dialog.reject()
    assert asked and dialog.isVisible()


def test_the_persons_record_shows_stays_newest_first(
    qtbot: QtBot, db: Database, admin: Actor, housed: dict[str, int]
) -> None:
    from tit_desktop.ui.person_dialog import PersonDialog

    with db.transaction(admin) as session:
        (stay,) = housing.stays_of_person(session, admin, housed["TIU-00002"])
        housing.end_stay(session, admin, stay.id, dt.date(2026, 3, 10), "co-housing", stay.version)
        housing.assign(
            session,
            admin,
            housed["TIU-00002"],
            housed["unit"],
            housed["bed1"],
            dt.date(2026, 3, 12),
        )
    dialog = PersonDialog(AppContext(db, admin), housed["TIU-00002"])
    qtbot.addWidget(dialog)
    dialog.resize(900, 500)
    tab = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())].index(
        "Alloggio e accoglienza"
    )
    dialog.tabs.setCurrentIndex(tab)
    table = dialog.housing_events
    rows = [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    assert rows[0][:3] == ["12/03/2026", "in corso", "Soggiorno: Casa Aurora, posto 1"]
    assert rows[1][:3] == ["01/03/2026", "10/03/2026", "Soggiorno: Casa Aurora, posto 2"]
    assert "co-housing (temporanea)" in rows[1][3]
    _shot(dialog, "person-tab")
    dialog._open_housing_event(0, 0)
    opened = _dialog(StayDialog)
    assert isinstance(opened, StayDialog) and opened.info is not None
    assert opened.info.bed_label == "1"
