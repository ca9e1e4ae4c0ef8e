"""Registro attività: follows the "changed" signal, names the person, reads in Italian."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import PASSWORD
from tit_desktop.models import NoteLevel, Role
from tit_desktop.services import notes, persons, users
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.pages.audit_log import AuditLogModel, AuditLogPage
from tit_desktop.ui.signals import notify_changed

SECRET = "Confidato SEGRETO-4411 all'assistente"


def _person(db: Database, actor: Actor, code: str, last: str, first: str) -> int:
    data = persons.PersonInput(
        code=code,
        last_name=last,
        first_name=first,
        citizenship_code="Z330",
        intake_date=dt.date(2024, 3, 1),
    )
    with db.transaction(actor) as session:
        return persons.create_person(session, actor, data).id


def _change_citizenship(db: Database, actor: Actor, person_id: int, code: str) -> None:
    with db.transaction(actor) as session:
        detail = persons.open_person(session, actor, person_id)
        data = detail.data
        data.citizenship_code = code
        persons.update_person(session, actor, person_id, data, detail.version)


def _column(page: AuditLogPage, column: int) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def _page(qtbot: QtBot, ctx: AppContext) -> AuditLogPage:
    page = AuditLogPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_the_list_follows_the_changed_signal_keeping_filters_and_selection(
    qtbot: QtBot, db: Database, actors: dict[Role, Actor]
) -> None:
    # GIVEN the log filtered on the coordinator's activities, one row selected
    coordinator = actors[Role.COORDINATOR]
    ctx = AppContext(db, coordinator)
    person_id = _person(db, coordinator, "TIU-00001", "Rossi", "Maria")
    page = _page(qtbot, ctx)
    page.user.setCurrentIndex(page.user.findData("coordinatore"))
    assert _column(page, AuditLogModel.TEXT) == ["Creata la scheda", "Accesso"]
    page.view.selectRow(1)
    selected = page.selected_id()
    # WHEN the coordinator changes a record elsewhere and the application signals it
    _change_citizenship(db, coordinator, person_id, "Z352")
    users.login(db, "operatore", PASSWORD)  # someone else's activity, filtered out
    notify_changed("person")
    # THEN the new row is at the top, the filter and the selection are kept
    assert _column(page, AuditLogModel.TEXT) == [
        "Modificato Cittadinanza: Marocco → Tunisia",
        "Consultata la scheda",
        "Creata la scheda",
        "Accesso",
    ]
    assert page.user.currentData() == "coordinatore"
    assert page.selected_id() == selected
    assert page.view.selectionModel().selectedRows()[0].row() == 3
    assert page.summary.text() == "4 attività"


def test_a_hidden_page_reads_again_when_shown(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    before = page.model.rowCount()
    page.hide()
    person_id = _person(ctx.db, ctx.actor, "TIU-00002", "Bianchi", "Ugo")
    with ctx.db.transaction(ctx.actor) as session:
        persons.open_person(session, ctx.actor, person_id)  # a consultation signals nothing
    assert page.model.rowCount() == before
    page.show()
    assert _column(page, AuditLogModel.TEXT)[:2] == ["Consultata la scheda", "Creata la scheda"]


def test_person_column_and_filter_by_person(qtbot: QtBot, ctx: AppContext) -> None:
    first = _person(ctx.db, ctx.actor, "TIU-00003", "Verdi", "Ada")
    _person(ctx.db, ctx.actor, "TIU-00004", "Neri", "Ada")
    page = _page(qtbot, ctx)
    assert _column(page, AuditLogModel.PERSON)[:2] == ["TIU-00004 Neri Ada", "TIU-00003 Verdi Ada"]
    assert "N." not in [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    # A name matching one person filters on them.
    page.person.setText("verdi")
    page.search()
    assert page.person.text() == "TIU-00003 Verdi Ada"
    assert _column(page, AuditLogModel.PERSON) == ["TIU-00003 Verdi Ada"]
    assert page.current_filter(first).person_id == first
    # A name matching two asks to choose, and lists nobody's activities meanwhile.
    page.person.setText("ada")
    page.search()
    assert page.model.rowCount() == 0
    assert page.summary.text() == "Più persone corrispondono a «ada»: sceglietene una dall'elenco."
    page.person.setText("zzzz")
    page.search()
    assert page.summary.text() == "Nessuna persona corrisponde a «zzzz»."
    page.clear_filters()
    assert page.person.text() == ""
    assert page.model.rowCount() >= 3


def test_detail_dialog_is_italian_and_hides_note_text(qtbot: QtBot, ctx: AppContext) -> None:
    person_id = _person(ctx.db, ctx.actor, "TIU-00005", "Gialli", "Eva")
    _change_citizenship(ctx.db, ctx.actor, person_id, "Z352")
    with ctx.db.transaction(ctx.actor) as session:
        notes.add_note(session, ctx.actor, person_id, SECRET, NoteLevel.CONFIDENTIAL)
    page = _page(qtbot, ctx)
    texts = _column(page, AuditLogModel.TEXT)
    assert texts[0] == "Aggiunta una nota riservata"
    assert all("SEGRETO" not in t for t in texts)
    # The note's detail: who, what, no text.
    page.view.selectRow(0)
    dialog = page.detail_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "SEGRETO" not in shown
    assert dialog.facts["Persona"].text() == "TIU-00005 Gialli Eva"
    assert dialog.facts["Nota"].text() == "riservata"
    assert "non è mostrato" in dialog.note.text()
    # The citizenship change: field | prima | dopo, with names.
    page.view.selectRow(texts.index("Modificato Cittadinanza: Marocco → Tunisia"))
    dialog = page.detail_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    table = dialog.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers == ["Campo", "Prima", "Dopo"]
    cells = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert cells == [["Cittadinanza", "Marocco", "Tunisia"]]
    assert dialog.facts["Azione"].text() == "Modifica"
    assert "{" not in " ".join(label.text() for label in dialog.findChildren(QLabel))


def test_model_passes_qtmodeltester(qtbot: QtBot, qtmodeltester: ModelTester, ctx: AppContext):
    _person(ctx.db, ctx.actor, "TIU-00006", "Costa", "Ines")
    page = _page(qtbot, ctx)
    assert page.model.rowCount() > 0
    qtmodeltester.check(page.model)


def test_paging_through_older_activities(qtbot: QtBot, ctx: AppContext) -> None:
    for n in range(5):
        _person(ctx.db, ctx.actor, f"TIU-{n + 10:05d}", "Serra", f"Nome{n}")
    page = _page(qtbot, ctx)
    page.PAGE = 3
    page.search()
    total = page._total
    assert page.model.rowCount() == 3
    assert page.summary.text() == f"Attività da 1 a 3 di {total}, dalla più recente."
    assert not page.newer_button.isEnabled() and page.older_button.isEnabled()
    first_page = _column(page, AuditLogModel.TEXT)
    page.older_button.click()
    assert page.summary.text().startswith("Attività da 4 a 6 di ")
    assert page.newer_button.isEnabled()
    page.newer_button.click()
    assert _column(page, AuditLogModel.TEXT) == first_page


def test_filters_by_user_action_and_type(
    qtbot: QtBot, db: Database, actors: dict[Role, Actor]
) -> None:
    page = _page(qtbot, AppContext(db, actors[Role.COORDINATOR]))
    page.user.setCurrentIndex(page.user.findData("operatore"))
    assert set(_column(page, AuditLogModel.USER)) == {"operatore"}
    page.user.setCurrentIndex(0)
    page.action.setCurrentIndex(page.action.findData("login"))
    assert _column(page, AuditLogModel.TEXT) == ["Accesso"] * 4
    assert page.summary.text() == "4 attività"
    page.action.setCurrentIndex(0)
    page.entity.setCurrentIndex(page.entity.findData("app_user"))
    assert all(t.startswith(("Creato l'utente", "Accesso")) for t in _column(page, 3))


def test_each_alt_key_is_used_once_and_not_by_the_menus(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    keys = []
    widgets = [*page.findChildren(QLabel), *page.findChildren(QPushButton)]
    for widget in [*widgets, *page.findChildren(QCheckBox)]:
        text = widget.text()
        if "&" in text and "<" not in text:
            keys.append(text[text.index("&") + 1].lower())
    assert len(keys) == len(set(keys)) == 11
    assert not {"f", "a"} & set(keys)  # &File and &Aiuto


def test_an_administrator_checks_the_chain_and_reads_the_broken_link(
    qtbot: QtBot, db: Database, actors: dict[Role, Actor], message_boxes: list[tuple[str, str]]
) -> None:
    from sqlalchemy import text

    coordinator_page = AuditLogPage(AppContext(db, actors[Role.COORDINATOR]))
    qtbot.addWidget(coordinator_page)
    assert coordinator_page.verify_button.isHidden()

    page = _page(qtbot, AppContext(db, actors[Role.ADMIN]))
    assert page.verify_button.isVisible()
    page.verify_button.click()
    qtbot.waitUntil(lambda: len(message_boxes) == 1)
    assert message_boxes[0][0] == "information" and "integro" in message_boxes[0][1]

    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET username = 'nessuno' WHERE id = 2"))
    page.verify_button.click()
    qtbot.waitUntil(lambda: len(message_boxes) == 2)
    kind, message = message_boxes[1]
    assert kind == "warning" and "riga 2 " in message and "ALTERATO" in message
