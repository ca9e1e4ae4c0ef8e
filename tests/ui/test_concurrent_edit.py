"""Two PCs edit the same person: the second to save sees the first one's changes merged into
the form, field by field, and chooses where both changed the same data. Both engines; the
colleague works through their own connection (another Database, as another PC would)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import make_user
from tit_desktop.models import Role
from tit_desktop.services import persons
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.edit_conflict_dialog import EditConflictDialog
from tit_desktop.ui.person_dialog import PersonDialog

START = persons.PersonInput(
    code="C-1",
    last_name="Haddad",
    first_name="Yasmin",
    sex="F",
    birth_date=dt.date(1991, 6, 3),
    intake_date=dt.date(2025, 2, 10),
    phone="071 111111",
    address="Via Marconi 1",
)


@pytest.fixture
def colleague_db(db_url: str) -> Database:
    other = Database(db_url)
    yield other  # type: ignore[misc]
    other.dispose()


def _setup(db: Database, admin: Actor) -> tuple[int, Actor]:
    with db.transaction(admin) as session:
        person_id = persons.create_person(session, admin, START).id
    return person_id, make_user(db, "collega", Role.OPERATOR)


def _colleague_saves(other: Database, actor: Actor, person_id: int, **changes: object) -> None:
    with other.transaction(actor) as session:
        detail = persons.open_person(session, actor, person_id)
        data = dataclasses.replace(detail.data, **changes)
        persons.update_person(session, actor, person_id, data, detail.version)


def _stored(db: Database, admin: Actor, person_id: int) -> persons.PersonInput:
    with db.transaction(admin) as session:
        return persons.open_person(session, admin, person_id).data


def test_changes_to_different_fields_are_merged_and_both_saved(
    qtbot: QtBot, db: Database, colleague_db: Database, admin: Actor, message_boxes: list
) -> None:
    person_id, colleague = _setup(db, admin)
    dialog = PersonDialog(AppContext(db, admin), person_id)
    qtbot.addWidget(dialog)
    dialog.address.setText("Via Giordano Bruno 12")  # mine
    _colleague_saves(colleague_db, colleague, person_id, phone="333 9999999")  # theirs

    assert dialog.save() is False  # not saved yet: the form shows both, to check
    assert dialog.phone.text() == "333 9999999"
    assert dialog.address.text() == "Via Giordano Bruno 12"
    assert len(message_boxes) == 1 and "Telefono" in message_boxes[0][1]
    assert _stored(db, admin, person_id).address == "Via Marconi 1"

    assert dialog.save() is True
    stored = _stored(db, admin, person_id)
    assert (stored.phone, stored.address) == ("333 9999999", "Via Giordano Bruno 12")


def test_a_clash_is_chosen_field_by_field(
    qtbot: QtBot,
    db: Database,
    colleague_db: Database,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list,
) -> None:
    person_id, colleague = _setup(db, admin)
    dialog = PersonDialog(AppContext(db, admin), person_id)
    qtbot.addWidget(dialog)
    dialog.last_name.setText("Haddad Nasser")
    dialog.phone.setText("333 1234567")
    _colleague_saves(
        colleague_db,
        colleague,
        person_id,
        last_name="Hadad",
        phone="333 7654321",
        languages="arabo, francese",
    )
    shown: list[EditConflictDialog] = []

    def answer(self: EditConflictDialog) -> int:
        shown.append(self)
        assert [c.label for c in self.clashes] == ["Cognome", "Telefono"]
        assert (self.clashes[0].mine, self.clashes[0].theirs) == ("Haddad Nasser", "Hadad")
        self.groups[0].button(1).setChecked(True)  # their surname, my phone
        return EditConflictDialog.DialogCode.Accepted

    monkeypatch.setattr(EditConflictDialog, "exec", answer)
    assert dialog.save() is False
    assert len(shown) == 1 and message_boxes == []
    assert dialog.last_name.text() == "Hadad"
    assert dialog.phone.text() == "333 1234567"
    assert dialog.languages.text() == "arabo, francese"  # only theirs changed it
    assert dialog.save() is True
    stored = _stored(db, admin, person_id)
    assert (stored.last_name, stored.phone, stored.languages) == (
        "Hadad",
        "333 1234567",
        "arabo, francese",
    )


def test_giving_up_keeps_the_form_as_typed_and_writes_nothing(
    qtbot: QtBot,
    db: Database,
    colleague_db: Database,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    person_id, colleague = _setup(db, admin)
    dialog = PersonDialog(AppContext(db, admin), person_id)
    qtbot.addWidget(dialog)
    dialog.first_name.setText("Yasmine")
    _colleague_saves(colleague_db, colleague, person_id, first_name="Jasmin")
    monkeypatch.setattr(
        EditConflictDialog, "exec", lambda _self: EditConflictDialog.DialogCode.Rejected
    )
    assert dialog.save() is False
    assert dialog.first_name.text() == "Yasmine"
    assert _stored(db, admin, person_id).first_name == "Jasmin"
    assert dialog.guard.is_dirty()
