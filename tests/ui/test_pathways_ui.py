"""The Percorsi area: the list with its filters, the percorso form (errors beside the
fields, nothing lost unasked, read-only for the lettura role)."""

from __future__ import annotations

import datetime as dt
import os

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import make_user
from tit_desktop.models import Role
from tit_desktop.services import pathways, persons
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.pages.pathways import PathwayDialog, PathwaysPage

D = dt.date
SHOTS = os.environ.get("TIT_SCREENSHOTS")


def _shot(widget: object, name: str) -> None:
    if SHOTS:
        widget.grab().save(f"{SHOTS}/pathways-{name}.png")  # type: ignore[attr-defined]


def _person(db: Database, actor: Actor, code: str, last: str) -> int:
    with db.transaction(actor) as session:
        return persons.create_person(
            session,
            actor,
            persons.PersonInput(
                code=code, last_name=last, first_name="Awa", sex="F", intake_date=D(2025, 1, 10)
            ),
        ).id


def test_a_percorso_is_opened_from_the_page_and_listed(
    qtbot: QtBot, ctx: AppContext, message_boxes: list[tuple[str, str]]
) -> None:
    person_id = _person(ctx.db, ctx.actor, "TIU-00001", "Diallo")
    page = PathwaysPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    assert page.pathways.model.rowCount() == 0
    dialog = PathwayDialog(ctx, person_id=person_id, parent=page)
    dialog.entry_date.setText("05/01/2025")
    dialog.actions.setPlainText("Corso di italiano A2, ricerca casa")
    # an entry before the intake date is named beside the field, nothing is written
    assert not dialog.save()
    assert "presa in carico (10/01/2025)" in dialog.errors.text("entry_date")
    dialog.entry_date.setText("01/02/2025")
    dialog.exit_date.setText("31/01/2025")
    dialog.errors.recheck("exit_date")
    assert not dialog.save()
    assert "non può precedere l'ingresso" in dialog.errors.text("exit_date")
    dialog.exit_date.setText("")
    _shot(dialog, "dialog")
    assert dialog.save()
    assert page.pathways.model.rowCount() == 1
    ModelTester(None).check(page.pathways.model)
    _shot(page, "list")
    row = page.pathways.model._row(0)
    assert row is not None and row.code == "TIU-00001" and row.exit_date is None
    page.pathways.state.setCurrentIndex(page.pathways.state.findData("closed"))
    assert page.pathways.model.rowCount() == 0


def test_the_lettura_role_reads_the_percorso_without_changing_it(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    person_id = _person(db, admin, "TIU-00001", "Diallo")
    with db.transaction(admin) as session:
        pathway_id = pathways.create_pathway(
            session, admin, pathways.PathwayInput(person_id, D(2025, 2, 1))
        )
    reader = make_user(db, "lettore", Role.READ_ONLY)
    dialog = PathwayDialog(AppContext(db, reader), pathway_id)
    qtbot.addWidget(dialog)
    assert dialog.entry_date.isReadOnly() and not dialog.destination.isEnabled()
    assert not dialog.save_button.isVisible() and not dialog.save()
