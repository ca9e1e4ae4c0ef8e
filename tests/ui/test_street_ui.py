"""The Unità di strada page: the quick entry driven with the keyboard alone, the list, the
edit dialog (guard, read-only role) and the monthly summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.conftest import make_user
from tests.unit.test_street import contact, create, make_person, make_staff
from tit_desktop.models import Role, StreetContact, StreetService
from tit_desktop.services import clock, street
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui import questions
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.pages.street import ContactDialog, PersonStreetContacts, StreetPage


@pytest.fixture
def people(db: Database, admin: Actor) -> dict[str, int]:
    return {
        "rossi": make_person(db, admin, "TIU-00001", "Rossi", "Mario"),
        "diallo": make_person(db, admin, "TIU-00002", "Diallo", "Awa", sex="F"),
        "bianchi": make_staff(db, "Bianchi", "Luca"),
        "verdi": make_staff(db, "Verdi", "Sara"),
    }


def _contacts(db: Database) -> list[StreetContact]:
    with db.reading() as session:
        found = list(session.scalars(select(StreetContact).order_by(StreetContact.id)))
        for c in found:
            _ = (c.persons, c.services, c.staff)
        return found


# The place's completion list pops up as it is typed: offscreen, the popup cannot raise
# itself or grab the keyboard.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "grabbing the keyboard")
def test_quick_entry_with_the_keyboard_alone(
    qtbot: QtBot, db: Database, admin: Actor, people: dict[str, int]
) -> None:
    # GIVEN a previous contact of the night's team (Bianchi and Verdi) at Piazza Cavour
    with db.transaction(admin) as session:
        zone = street.add_zone(session, admin, "Piazza Cavour").id
    create(
        db,
        admin,
        contact(
            occurred_on=clock.today(),
            place="Piazza Cavour, portici",
            zone_id=zone,
            anonymous_m=1,
            staff_ids=(people["bianchi"], people["verdi"]),
        ),
    )
    page = StreetPage(AppContext(db, admin))
    qtbot.addWidget(page)
    page.show()
    form = page.quick.form
    # the moment is prefilled with now, the team with the last one
    assert form.day.text() == f"{clock.today():%d/%m/%Y}"
    assert form.time.text()
    assert set(form.staff.ticked()) == {people["bianchi"], people["verdi"]}
    page.quick.setFocus()
    assert page.quick.focusProxy() is form.place
    # WHEN the operator types the place (its zone is proposed on leaving the field), links
    # two persons by typing and Enter, two anonymous men, ticks services with Alt+letter
    qtbot.keyClicks(form.place, "Piazza Cavour, portici")
    form.place.editingFinished.emit()
    assert form.zone.currentData() == zone
    qtbot.keyClicks(form.persons.search, "rossi")
    qtbot.keyClick(form.persons.search, Qt.Key.Key_Return)
    qtbot.keyClicks(form.persons.search, "TIU-00002")
    qtbot.keyClick(form.persons.search, Qt.Key.Key_Return)
    assert form.persons.person_ids() == (people["rossi"], people["diallo"])
    form.anonymous_m.selectAll()
    qtbot.keyClicks(form.anonymous_m, "2")
    qtbot.keyClick(form.services[StreetService.HOT_DRINK], Qt.Key.Key_Space)
    qtbot.keyClick(form.services[StreetService.BLANKETS], Qt.Key.Key_Space)
    # ...and presses Enter in a field: the contact is saved
    count = len(_contacts(db))
    qtbot.keyClick(form.anonymous_m, Qt.Key.Key_Return)
    assert len(_contacts(db)) == count + 1
    saved = _contacts(db)[-1]
    assert saved.place == "Piazza Cavour, portici" and saved.zone_id == zone
    assert sorted(p.person_id for p in saved.persons) == sorted((people["rossi"], people["diallo"]))
    assert (saved.anonymous_f, saved.anonymous_m) == (0, 2)
    assert {s.service for s in saved.services} == {StreetService.HOT_DRINK, StreetService.BLANKETS}
    assert {s.staff_id for s in saved.staff} == {people["bianchi"], people["verdi"]}
    # THEN the form is ready for the next contact: same night and team, the rest empty,
    # the cursor in the place; the list shows the new contact
    assert form.place.text() == "" and form.persons.person_ids() == ()
    assert form.anonymous_m.value() == 0
    assert not form.services[StreetService.HOT_DRINK].isChecked()
    assert set(form.staff.ticked()) == {people["bianchi"], people["verdi"]}
    assert page.window().focusWidget() is form.place
    assert "Contatto registrato" in page.quick.message.text()
    assert page.list.model.rowCount() == 2
    # Enter on an empty form: the reason shows beside the fields, nothing is written
    qtbot.keyClick(form.place, Qt.Key.Key_Return)
    assert len(_contacts(db)) == count + 1
    assert form.errors.text("place") == "campo obbligatorio"
    assert "almeno una persona" in form.errors.text("persons")


def test_services_have_their_mnemonics(qtbot: QtBot, ctx: AppContext) -> None:
    page = StreetPage(ctx)
    qtbot.addWidget(page)
    texts = [box.text() for box in page.quick.form.services.values()]
    assert texts == ["&Coperte", "&Pasto", "&Bevanda calda", "&Informazioni", "In&vio a servizio"]


def test_a_time_that_cannot_be_read_is_named(qtbot: QtBot, ctx: AppContext) -> None:
    page = StreetPage(ctx)
    qtbot.addWidget(page)
    form = page.quick.form
    form.time.setText("25:99")
    form.anonymous_f.setValue(1)
    form.place.setText("Porto")
    assert not page.quick.save()
    assert form.errors.text("time") == "ora non valida: scrivere hh:mm"


def test_the_list_filters_and_opens_the_dialog(
    qtbot: QtBot, db: Database, admin: Actor, people: dict[str, int]
) -> None:
    create(db, admin, contact(place="Porto", anonymous_m=1))
    create(
        db,
        admin,
        contact(place="Piazza Cavour", person_ids=(people["rossi"],)),
    )
    page = StreetPage(AppContext(db, admin))
    qtbot.addWidget(page)
    assert page.list.model.rowCount() == 2
    page.list.code.setText("TIU-00001")
    page.list.refresh()
    assert page.list.model.rowCount() == 1
    index = page.list.model.index(0, 1)
    assert page.list.model.data(index) == "Piazza Cavour"
    page.list.service.setCurrentIndex(page.list.service.findData("coperte"))
    assert page.list.model.rowCount() == 0
    assert page.list.summary.text() == "0 contatti"


def test_the_dialog_asks_before_losing_edits_and_saves(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved = create(db, admin, contact(place="Porto", anonymous_m=1))
    asked: list[bool] = []

    def ask(_parent: object) -> questions.SaveChoice:
        asked.append(True)
        return questions.SaveChoice.CANCEL

    monkeypatch.setattr(questions, "ask_save_changes", ask)
    dialog = ContactDialog(AppContext(db, admin), saved.id)
    qtbot.addWidget(dialog)
    dialog.reject()
    assert asked == []  # nothing changed: closes without asking
    dialog = ContactDialog(AppContext(db, admin), saved.id)
    qtbot.addWidget(dialog)
    dialog.form.place.setText("Porto, varco Da Chio")
    dialog.reject()
    assert asked == [True]  # the user chose Annulla: the dialog stays with its edits
    assert dialog.form.place.text() == "Porto, varco Da Chio"
    assert dialog.save()
    assert _contacts(db)[0].place == "Porto, varco Da Chio"


def test_the_read_only_role_sees_no_entry_and_a_read_only_dialog(
    qtbot: QtBot, db: Database, admin: Actor, people: dict[str, int]
) -> None:
    saved = create(db, admin, contact(place="Porto", person_ids=(people["rossi"],)))
    reader = make_user(db, "luca", Role.READ_ONLY)
    page = StreetPage(AppContext(db, reader))
    qtbot.addWidget(page)
    assert page.quick.isHidden()
    assert page.list.model.rowCount() == 1
    dialog = ContactDialog(AppContext(db, reader), saved.id)
    qtbot.addWidget(dialog)
    assert dialog.form.place.isReadOnly()
    assert not dialog.form.zone.isEnabled()
    assert dialog.save_button.isHidden() and dialog.delete_button.isHidden()
    assert dialog.form.persons.search.isHidden()


def test_the_monthly_summary_shows_and_exports(
    qtbot: QtBot, db: Database, admin: Actor, people: dict[str, int], tmp_path: Path
) -> None:
    create(
        db,
        admin,
        contact(
            person_ids=(people["rossi"],), anonymous_f=2, services=frozenset({StreetService.MEAL})
        ),
    )
    page = StreetPage(AppContext(db, admin))
    qtbot.addWidget(page)
    view = page.summary
    view.month.setText("03/2026")
    view.refresh()
    shown = {
        view.table.item(i, 0).text(): view.table.item(i, 1).text()
        for i in range(view.table.rowCount())
    }
    assert shown["Contatti"] == "1"
    assert shown["Persone raggiunte (collegate + anonimi)"] == "3"
    assert shown["Pasto"] == "1"
    view.month.setText("3-2026")
    view.refresh()
    assert "mm/aaaa" in view.error.text()
    target = tmp_path / "riepilogo.xlsx"
    view.export_to(target, 2026, 3)
    cells = [row for row in load_workbook(target).active.iter_rows(values_only=True)]
    assert ("Contatti", 1) in [(r[0], r[1]) for r in cells]


def test_the_persons_record_lists_their_contacts(
    qtbot: QtBot, db: Database, admin: Actor, people: dict[str, int]
) -> None:
    create(db, admin, contact(place="Porto", person_ids=(people["rossi"],)))
    widget = PersonStreetContacts(AppContext(db, admin))
    qtbot.addWidget(widget)
    assert widget.load(people["rossi"]) == 1
    assert widget.list.item(0).text() == "10/03/2026 22:40 — Porto"
    assert widget.load(people["diallo"]) == 0


def test_the_page_is_the_street_area(qtbot: QtBot, ctx: AppContext) -> None:
    from tit_desktop.ui.main_window import areas

    street_area = next(a for a in areas() if a.key == "street")
    page = street_area.build(ctx)
    qtbot.addWidget(page)
    assert isinstance(page, StreetPage)


def test_the_person_dialog_has_the_street_tab(
    qtbot: QtBot, db: Database, admin: Actor, people: dict[str, int]
) -> None:
    from tit_desktop.ui.person_dialog import PersonDialog

    create(db, admin, contact(place="Porto", person_ids=(people["rossi"],)))
    dialog = PersonDialog(AppContext(db, admin), people["rossi"])
    qtbot.addWidget(dialog)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert "Strada" in titles
    assert dialog.street_contacts.list.item(0).text() == "10/03/2026 22:40 — Porto"
