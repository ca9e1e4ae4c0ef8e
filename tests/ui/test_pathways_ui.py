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


def test_a_pathway_is_opened_from_the_page_and_listed(
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


def test_the_read_only_role_reads_the_pathway_without_changing_it(
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


def test_plan_courses_tirocini_and_the_person_timeline_screens(
    qtbot: QtBot, db: Database, admin: Actor, message_boxes: list[tuple[str, str]]
) -> None:
    # GIVEN the demo data (percorsi, plans, courses, tirocini)
    from tit_desktop.services import demo
    from tit_desktop.ui.pathway_tabs import CoursesTab, TimelineTab, TirociniTab
    from tit_desktop.ui.person_dialog import PersonDialog

    demo.fill_demo_data(db, admin, people=30, seed=11)
    ctx = AppContext(db, admin)
    page = PathwaysPage(ctx)
    qtbot.addWidget(page)
    page.resize(1150, 680)
    assert page.pathways.model.rowCount() > 0
    ModelTester(None).check(page.pathways.model)
    _shot(page, "list-demo")
    # the percorso's plan, reviews and autonomy tabs
    pathway_id = page.pathways.model.key_at(0)
    dialog = PathwayDialog(ctx, pathway_id, parent=page)
    dialog.resize(900, 600)
    assert dialog.plan_tabs is not None and dialog.plan_tabs.plan_model.rowCount() >= 2
    assert dialog.plan_tabs.assessment_model.rowCount() >= 1
    for model in (dialog.plan_tabs.plan_model, dialog.plan_tabs.assessment_model):
        ModelTester(None).check(model)
    dialog.tabs.setCurrentIndex(1)
    _shot(dialog, "plan")
    dialog.tabs.setCurrentIndex(3)
    _shot(dialog, "autonomy")
    # courses and tirocini
    courses_tab = page.tabs.widget(1)
    tirocini_tab = page.tabs.widget(2)
    assert isinstance(courses_tab, CoursesTab) and isinstance(tirocini_tab, TirociniTab)
    assert courses_tab.course_model.rowCount() == 3
    assert courses_tab.session_model.rowCount() > 0
    for model in (
        courses_tab.course_model,
        courses_tab.session_model,
        courses_tab.enrolment_model,
        tirocini_tab.model,
        tirocini_tab.months,
    ):
        ModelTester(None).check(model)
    page.tabs.setCurrentIndex(1)
    _shot(page, "courses")
    page.tabs.setCurrentIndex(2)
    _shot(page, "tirocini")
    assert (
        "L'indennità mensile è di" in tirocini_tab.rule.text() or tirocini_tab.model.rowCount() == 0
    )
    # the person's record has the timeline tab
    view = pathways.get_pathway
    with db.reading() as session:
        person_id = view(session, admin, pathway_id).person_id
    record = PersonDialog(ctx, person_id, page)
    record.resize(900, 620)
    timeline_tab = record.timeline
    assert isinstance(timeline_tab, TimelineTab)
    titles = [timeline_tab.model.row_at(i).title for i in range(timeline_tab.model.rowCount())]
    assert "Ingresso nel percorso" in titles and "Presa in carico" in titles
    assert timeline_tab.autonomy.text().startswith("Autonomia")
    timeline_tab.kind.setCurrentIndex(timeline_tab.kind.findData("pathways"))
    assert {timeline_tab.model.row_at(i).kind for i in range(timeline_tab.model.rowCount())} == {
        "Percorsi"
    }
    assert not record.guard.is_dirty()  # the filter is not an edit of the record
    record.tabs.setCurrentWidget(timeline_tab)
    _shot(record, "timeline")


def test_attendance_above_the_lesson_is_named_beside_the_person(
    qtbot: QtBot, ctx: AppContext, message_boxes: list[tuple[str, str]]
) -> None:
    from tit_desktop.services import courses
    from tit_desktop.ui.pathway_tabs import CoursesTab

    _person(ctx.db, ctx.actor, "TIU-00001", "Diallo")
    with ctx.db.transaction(ctx.actor) as session:
        course_id = courses.create_course(
            session,
            ctx.actor,
            courses.CourseInput("Italiano A1", None, 20, D(2025, 3, 1), D(2025, 4, 30)),
        )
        courses.add_session(session, ctx.actor, course_id, D(2025, 3, 3), 120)
        enrolment = courses.enrol(session, ctx.actor, course_id, "TIU-00001", D(2025, 3, 1))
    tab = CoursesTab(ctx)
    qtbot.addWidget(tab)
    tab.session_view.selectRow(0)
    dialog = tab.attendance()
    assert dialog is not None
    field = dialog.fields[0]
    field.widget.setText("2:30")  # type: ignore[attr-defined]
    assert not dialog.save()
    assert "più della durata della lezione (2 h)" in dialog.errors.text(f"attendance_{enrolment}")
    _shot(dialog, "attendance-error")
    field.widget.setText("1:45")  # type: ignore[attr-defined]
    assert dialog.save()
    assert tab.enrolment_model.row_at(0).attended_minutes == 105
