"""The payment-requests tab: each submitted request with its protocol number, its documents
saved from the list, and no file for the auditors' read-only role."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.unit.convention_fixtures import make_convention, spend
from tit_desktop.models import Role
from tit_desktop.services.convention import expenditures, payment_requests
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.pages.convention import ConventionPage


def test_the_list_shows_each_requests_protocol(qtbot: QtBot, db: Database, admin: Actor) -> None:
    plan = make_convention(db, admin)
    with db.transaction(admin) as session:
        expenditures.create_expenditure(session, admin, plan.convention_id, spend(plan.goods, "10"))
        payment_requests.submit(
            session,
            admin,
            plan.convention_id,
            dt.date(2021, 1, 1),
            dt.date(2021, 12, 31),
            dt.date(2022, 1, 14),
        )
    page = ConventionPage(AppContext(db, admin))
    qtbot.addWidget(page)
    model = page.requests_tab.requests
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(model.columnCount())
    ]
    column = headers.index("Protocollo")
    assert model.rowCount() == 1
    assert model.data(model.index(0, column), Qt.ItemDataRole.DisplayRole) == "1/2022"


def _submitted(db: Database, actor: Actor) -> None:
    plan = make_convention(db, actor)
    with db.transaction(actor) as session:
        expenditures.create_expenditure(session, actor, plan.convention_id, spend(plan.goods, "10"))
        payment_requests.submit(
            session,
            actor,
            plan.convention_id,
            dt.date(2021, 1, 1),
            dt.date(2021, 12, 31),
            dt.date(2022, 1, 14),
        )


def test_a_submitted_requests_pdf_carries_its_number_and_protocol(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[tuple[str, str]],
) -> None:
    _submitted(db, admin)
    page = ConventionPage(AppContext(db, admin))
    qtbot.addWidget(page)
    tab = page.requests_tab
    assert not tab.request_pdf_button.isEnabled()  # nothing chosen yet
    tab.requests_view.selectRow(0)
    assert tab.request_pdf_button.isEnabled()
    target = tmp_path / "domanda-1.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    tab.request_pdf_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=20_000)
    text = "".join(sheet.extract_text() for sheet in PdfReader(target).pages)
    assert "Protocollo n. 1/2022 del 14/01/2022" in text


def test_the_auditors_role_sees_the_figures_but_prints_nothing(
    qtbot: QtBot, db: Database, actors: dict[Role, Actor]
) -> None:
    _submitted(db, actors[Role.COORDINATOR])
    page = ConventionPage(AppContext(db, actors[Role.READ_ONLY]))
    qtbot.addWidget(page)
    tab = page.requests_tab
    assert tab.requests.rowCount() == 1
    for button in (
        tab.pdf_button,
        tab.xlsx_button,
        tab.request_pdf_button,
        tab.request_xlsx_button,
        page.expenditures_tab.export_button,
    ):
        assert not button.isVisibleTo(page), button.text()
