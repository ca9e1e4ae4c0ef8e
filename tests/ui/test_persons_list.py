"""The Beneficiari list: headers readable at the office's screen widths, dates sorted the
soonest first on the first click."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from tests.demo_cache import fill_demo
from tests.ui.test_screens import _save
from tit_desktop.services import persons
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.main_window import MainWindow
from tit_desktop.ui.pages.persons import PersonsPage


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_every_header_is_readable_and_the_name_takes_the_rest(
    qtbot: QtBot, db: Database, admin: Actor, size: tuple[int, int]
) -> None:
    fill_demo(db, admin, people=40, seed=5)
    window = MainWindow(AppContext(db, admin))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show_area("persons")
    window.show()
    qtbot.waitExposed(window)
    page = window.page("persons")
    assert isinstance(page, PersonsPage)
    header = page.view.horizontalHeader()
    cut = {
        page.model.headerData(c, Qt.Orientation.Horizontal): (
            header.sectionSize(c),
            header.sectionSizeHint(c),
        )
        for c in range(page.model.columnCount())
        if header.sectionSize(c) < header.sectionSizeHint(c)
    }
    assert cut == {}
    name_width = header.sectionSize(1)
    assert name_width >= 200
    # the dates and codes fit: the view's own content hint, on the rows it has fetched
    for column in (0, 3, 5, 6, 7):
        assert header.sectionSize(column) >= page.view.sizeHintForColumn(column), column
    if db.is_sqlite:
        _save(window, f"beneficiari-{size[0]}")


def test_first_click_on_a_date_header_sorts_the_soonest_first(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    expiries = (("B-1", dt.date(2030, 1, 1)), ("B-2", dt.date(2027, 1, 1)), ("B-3", None))
    for code, expires in expiries:
        with db.transaction(admin) as session:
            persons.create_person(
                session,
                admin,
                persons.PersonInput(
                    code=code,
                    last_name={"B-1": "Rossi", "B-2": "Bianchi", "B-3": "Abate"}[code],
                    first_name="Maria",
                    sex="F",
                    intake_date=dt.date(2024, 1, 1),
                    permit_expires_on=expires,
                ),
            )
    page = PersonsPage(AppContext(db, admin))
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    header = page.view.horizontalHeader()
    column = 7
    centre = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    codes = lambda: [page.model.index(r, 0).data() for r in range(3)]  # noqa: E731
    assert (page.model.sort_key, page.model.descending) == ("permit_expires_on", False)
    assert codes() == ["B-2", "B-1", "B-3"]  # soonest first; no permit at the end
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert codes() == ["B-1", "B-2", "B-3"]  # latest first; no permit still at the end
