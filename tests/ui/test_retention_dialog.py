"""The retention dialog: find, save the list, anonymise it after a question whose default
keeps the data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tit_desktop.models import Person
from tit_desktop.services import persons
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui import file_dialogs, questions
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.retention_dialog import RetentionDialog


def _person(db: Database, actor: Actor, code: str, intake: dt.date) -> int:
    data = persons.PersonInput(
        code=code, last_name="Ndiaye", first_name="Fatou", intake_date=intake
    )
    with db.transaction(actor) as session:
        return persons.create_person(session, actor, data).id


def test_find_save_and_anonymise_after_asking(
    qtbot: QtBot, db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = _person(db, admin, "R-OLD", dt.date(2013, 5, 2))
    _person(db, admin, "R-NEW", dt.date(2025, 5, 2))
    dialog = RetentionDialog(AppContext(db, admin))
    qtbot.addWidget(dialog)
    assert not dialog.apply_button.isEnabled()
    dialog.years.setValue(6)
    dialog.find_button.click()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "R-OLD"
    assert dialog.summary.text().startswith("1 persona senza attività dal")

    target = tmp_path / "elenco.json"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: (target, ""))
    monkeypatch.setattr("tit_desktop.ui.retention_dialog.save_file", lambda *a, **k: (target, ""))
    dialog.save_button.click()
    assert [p["code"] for p in json.loads(target.read_text(encoding="utf-8"))["persons"]] == [
        "R-OLD"
    ]

    asked: list[str] = []

    def answer(yes: bool):  # type: ignore[no-untyped-def]
        def ask(_parent, title, text, action, safe=""):  # type: ignore[no-untyped-def]
            asked.append(text)
            return yes

        return ask

    monkeypatch.setattr(questions, "confirm", answer(False))
    dialog.apply_button.click()  # the safe answer: nothing happens
    with db.reading() as session:
        assert session.get(Person, old).anonymised_at is None  # type: ignore[union-attr]
    monkeypatch.setattr(questions, "confirm", answer(True))
    dialog.apply_button.click()
    assert len(asked) == 2 and "1 persona dell'elenco" in asked[0]
    with db.reading() as session:
        assert session.get(Person, old).anonymised_at is not None  # type: ignore[union-attr]
    assert dialog.summary.text().startswith("Anonimizzate: 1. Saltate: 0.")
    assert dialog.table.rowCount() == 0 and not dialog.apply_button.isEnabled()
