"""File dialogs: Italian throughout, opening in Documents then in the folder used last;
the printed scheda named with the person's Codice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tit_desktop import paths
from tit_desktop.services import clock, persons
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui import file_dialogs, print_form
from tit_desktop.ui.context import AppContext


def test_qt_file_dialog_speaks_italian(qtbot: QtBot) -> None:
    dialog = QFileDialog(None, "Salva", str(Path.home()), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = sorted(label.text() for label in dialog.findChildren(QLabel) if label.text())
    assert labels == ["&Cerca in:", "&Nome del file:", "File di &tipo:"]
    buttons = {b.text() for b in dialog.findChildren(QPushButton)}
    assert {"&Salva", "Annulla"} <= buttons


class _Dialogs:
    """Stands in for QFileDialog's static functions: records where they open, answers."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened_at: list[str] = []
        self.answer = ""

        def save(_parent: QWidget, _title: str, start: str, *_a: object, **_k: object):  # type: ignore[no-untyped-def]
            self.opened_at.append(start)
            return self.answer, ""

        def open_(_parent: QWidget, _title: str, start: str, *_a: object, **_k: object):  # type: ignore[no-untyped-def]
            self.opened_at.append(start)
            return self.answer, ""

        monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", open_)


def test_dialogs_open_in_documents_then_where_the_user_went_last(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs = _Dialogs(monkeypatch)
    assert file_dialogs.save_file(None, "Salva", "a.pdf") == (None, "")
    assert Path(dialogs.opened_at[0]) == file_dialogs.documents_folder() / "a.pdf"
    assert paths.data_dir() not in Path(dialogs.opened_at[0]).parents
    elsewhere = tmp_path / "lavoro"
    elsewhere.mkdir()
    dialogs.answer = str(elsewhere / "elenco.xlsx")
    assert file_dialogs.open_file(None, "Apri") == elsewhere / "elenco.xlsx"
    file_dialogs.save_file(None, "Salva", "b.pdf")
    assert Path(dialogs.opened_at[-1]) == elsewhere / "b.pdf"
    # a dialog given its own folder (the backups) opens there and does not move the last one
    file_dialogs.open_file(None, "Backup", folder=paths.backup_dir())
    assert Path(dialogs.opened_at[-1]) == paths.backup_dir()
    assert file_dialogs.start_folder() == elsewhere


def test_the_printed_form_is_named_with_the_person_code(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.transaction(admin) as session:
        person_id = persons.create_person(
            session,
            admin,
            persons.PersonInput(
                code="TIU-00004",
                last_name="Rossi",
                first_name="Maria",
                sex="F",
                intake_date=dt.date(2024, 5, 2),
            ),
        ).id
    dialogs = _Dialogs(monkeypatch)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert (
        print_form.print_person_form(
            parent, AppContext(db, admin), "scheda-iscrizione", person_id, "it"
        )
        is None
    )
    assert Path(dialogs.opened_at[0]).name == f"scheda-TIU-00004-{clock.today():%Y%m%d}.pdf"
