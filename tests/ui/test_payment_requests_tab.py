"""The payment-requests tab lists each submitted request with its protocol number."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.unit.convention_fixtures import make_convention, spend
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
