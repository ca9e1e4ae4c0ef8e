"""What users read: singular and plural by the count, accented labels for stored values."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from tit_desktop.models import PermitReason
from tit_desktop.services import persons
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.pages.persons import PersonsPage
from tit_desktop.ui.wording import number, plural


def _person(db: Database, actor: Actor, code: str, **values: object) -> int:
    data = persons.PersonInput(
        code=code,
        last_name="Rossi",
        first_name="Maria",
        sex="F",
        intake_date=dt.date(2024, 5, 2),
    )
    for key, value in values.items():
        setattr(data, key, value)
    with db.transaction(actor) as session:
        return persons.create_person(session, actor, data).id


def test_plural_picks_the_form_by_the_count(qapp) -> None:  # type: ignore[no-untyped-def]
    assert plural(1, "{n} persona", "{n} persone") == "1 persona"
    assert plural(0, "{n} persona", "{n} persone") == "0 persone"
    assert plural(2, "{n} persona", "{n} persone") == "2 persone"
    assert plural(12345, "{n} persona", "{n} persone") == "12.345 persone"
    assert number(12345) == "12.345"


def test_the_list_says_1_persona_and_2_persone(qtbot: QtBot, db: Database, admin: Actor) -> None:
    _person(db, admin, "TIU-00001")
    page = PersonsPage(AppContext(db, admin))
    qtbot.addWidget(page)
    assert page.summary.text() == "1 persona"
    _person(db, admin, "TIU-00002", first_name="Anna")
    page.refresh()
    assert page.summary.text() == "2 persone"


def test_stored_values_are_shown_with_their_accents(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    from tit_desktop.ui.person_dialog import PersonDialog

    person_id = _person(db, admin, "TIU-00001", permit_reason=PermitReason.MINOR_AGE.value)
    dialog = PersonDialog(AppContext(db, admin), person_id)
    qtbot.addWidget(dialog)
    assert dialog.permit_reason.currentText() == "minore età"
    assert dialog.permit_reason.value() == "minore eta"  # stored as before
    shown = [dialog.disability.itemText(i) for i in range(dialog.disability.count())]
    assert "sì" in shown and "si" not in shown
    with db.reading() as session:
        from tit_desktop.services import forms

        data = forms.registration_data(session, admin, person_id)
    assert data.permit_reason == "minore età"


def test_home_says_1_scaduto_and_shows_the_accent(qtbot: QtBot, db: Database, admin: Actor) -> None:
    from tit_desktop.services import clock
    from tit_desktop.ui.pages.home import HomePage

    _person(
        db,
        admin,
        "TIU-00001",
        permit_reason=PermitReason.MINOR_AGE.value,
        permit_expires_on=clock.today() - dt.timedelta(days=3),
    )
    page = HomePage(AppContext(db, admin))
    qtbot.addWidget(page)
    assert "1 scaduto, 0 in scadenza" in page.permits_title.text()
    assert page.permits.index(0, 4).data() == "minore età"
