"""Report area: the printable forms listed, one printed for a person found by search."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.demo_cache import fill_demo
from tests.ui.test_screens import _clipped, _save
from tit_desktop.models import Role
from tit_desktop.services import clock, persons
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.main_window import MainWindow
from tit_desktop.ui.pages.reports import ReportsPage


def _rossi(db: Database, actor: Actor) -> int:
    with db.transaction(actor) as session:
        return persons.create_person(
            session,
            actor,
            persons.PersonInput(
                code="TIU-00004",
                last_name="Rossi",
                first_name="Maria",
                sex="F",
                intake_date=dt.date(2024, 5, 2),
            ),
        ).id


def test_the_forms_are_listed_and_one_is_printed_for_a_person(
    qtbot: QtBot, db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    person_id = _rossi(db, admin)
    page = ReportsPage(AppContext(db, admin))
    qtbot.addWidget(page)
    # the forms about one person (the Percorsi area's among them), by name
    names = [page.forms.item(r, 3).text() for r in range(page.forms.rowCount())]
    assert {"scheda-iscrizione", "piano-individualizzato"} <= set(names)
    row = names.index("scheda-iscrizione")
    page.forms.selectRow(row)
    assert [page.forms.item(row, c).text() for c in range(4)] == [
        "Scheda di iscrizione",
        "una persona (codice o nome)",
        "Solo italiano; Italiano e inglese; Italiano e francese",
        "scheda-iscrizione",
    ]
    assert not page.print_button.isEnabled()  # no person yet
    page.search.setText("00004")
    page.find_persons()
    assert page.matches.count() == 1
    assert page.matches.item(0).text() == "TIU-00004 - Rossi Maria"
    assert page.selected_person() == person_id
    assert page.print_button.isEnabled()
    page.language.setCurrentIndex(page.language.findData("en"))

    target = tmp_path / "stampa.pdf"
    offered: list[str] = []

    def save(_parent, _title, start, *_a, **_k):  # type: ignore[no-untyped-def]
        offered.append(start)
        return str(target), ""

    opened: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    page.print_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert Path(offered[0]).name == f"scheda-TIU-00004-{clock.today():%Y%m%d}.pdf"
    assert opened == [str(target)]
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Registration form" in text and "TIU-00004" in text


def test_read_only_users_see_the_forms_but_cannot_print(
    qtbot: QtBot, db: Database, actors: dict[Role, Actor]
) -> None:
    _rossi(db, actors[Role.ADMIN])
    page = ReportsPage(AppContext(db, actors[Role.READ_ONLY]))
    qtbot.addWidget(page)
    page.search.setText("rossi")
    page.find_persons()
    assert page.matches.count() == 1
    assert not page.print_button.isEnabled()
    assert page.hint.text() == "Il vostro ruolo non permette di stampare i moduli."


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_report_area_renders_whole(
    qtbot: QtBot, db: Database, admin: Actor, size: tuple[int, int]
) -> None:
    fill_demo(db, admin, people=20, seed=4)
    window = MainWindow(AppContext(db, admin))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show_area("reports")
    window.show()
    qtbot.waitExposed(window)
    page = window.page("reports")
    assert isinstance(page, ReportsPage)
    page.search.setText("a")  # one letter: no search yet
    page.find_persons()
    assert page.matches.count() == 0
    page.search.setText("al")
    page.find_persons()
    assert page.matches.count() > 0
    assert _clipped(window) == []
    if db.is_sqlite:
        _save(window, f"report-{size[0]}")
