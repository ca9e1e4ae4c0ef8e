"""The registry list (lazy model, search, filters) and the person form."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.test_screens import _clipped, _save
from tit_desktop.models import NoteLevel, Role
from tit_desktop.services import demo, notes, persons
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.pages.persons import PersonsPage
from tit_desktop.ui.person_dialog import PersonDialog


def _person(db: Database, actor: Actor, **values: object) -> int:
    data = persons.PersonInput(
        code="A-1",
        last_name="Gündoğdu",
        first_name="Şükrü",
        sex="M",
        birth_date=dt.date(1990, 3, 12),
        birth_place_code="Z243",
        citizenship_code="Z243",
        intake_date=dt.date(2024, 5, 2),
    )
    for key, value in values.items():
        setattr(data, key, value)
    with db.transaction(actor) as session:
        return persons.create_person(session, actor, data).id


def test_list_model_passes_the_model_tester(qtbot: QtBot, db: Database, admin: Actor) -> None:
    demo.fill_demo_data(db, admin, people=30, seed=1)
    page = PersonsPage(AppContext(db, admin))
    qtbot.addWidget(page)
    ModelTester(None).check(page.model, force_py=True)  # type: ignore[arg-type]
    assert page.model.rowCount() == 30
    assert page.summary.text() == "30 persone"


def test_only_visible_rows_are_fetched(qtbot: QtBot, db: Database, admin: Actor) -> None:
    demo.fill_demo_data(db, admin, people=400, seed=2)
    page = PersonsPage(AppContext(db, admin))
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    assert page.model.rowCount() == 400
    assert 0 < page.model.cached_rows() <= page.model.BLOCK
    if db.is_sqlite:
        _save(page, "beneficiari-elenco")


def test_search_as_you_type_and_filters(qtbot: QtBot, db: Database, admin: Actor) -> None:
    _person(db, admin)
    _person(
        db,
        admin,
        code="A-2",
        last_name="Nguyễn",
        first_name="Thị Hoa",
        sex="F",
        birth_place_code="Z251",
        citizenship_code="Z251",
        fiscal_code=None,
    )
    _person(
        db,
        admin,
        code="A-3",
        last_name="Коваленко",
        first_name="Ольга",
        sex="F",
        birth_place_code="Z138",
        citizenship_code="Z138",
        permit_expires_on=dt.date.today() + dt.timedelta(days=10),
        permit_issued_on=dt.date(2024, 1, 1),
    )
    page = PersonsPage(AppContext(db, admin))
    qtbot.addWidget(page)
    assert page.model.rowCount() == 3
    qtbot.keyClicks(page.search, "gund")
    assert page.model.rowCount() == 3  # the search waits for a pause in the typing
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, 1).data() == "Gündoğdu Şükrü"
    page.search.setText("nguyen thi")
    qtbot.waitUntil(lambda: not page._timer.isActive())
    assert page.model.index(0, 0).data() == "A-2"
    page.search.setText("olga")  # Cyrillic found through transliteration
    qtbot.waitUntil(lambda: not page._timer.isActive())
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data() == "A-3"
    page.search.clear()
    qtbot.waitUntil(lambda: not page._timer.isActive())
    assert page.model.rowCount() == 3
    page.expiring.setChecked(True)
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == ["A-3"]
    page.expiring.setChecked(False)
    page.citizenship.setCurrentIndex(page.citizenship.findData("Z243"))
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == ["A-1"]


def test_sorting_by_header(qtbot: QtBot, db: Database, admin: Actor) -> None:
    _person(db, admin, code="B-2", last_name="Zeta", intake_date=dt.date(2024, 1, 1))
    _person(db, admin, code="B-1", last_name="Alfa", intake_date=dt.date(2025, 1, 1))
    page = PersonsPage(AppContext(db, admin))
    qtbot.addWidget(page)
    codes = lambda: [page.model.index(r, 0).data() for r in range(page.model.rowCount())]  # noqa: E731
    assert codes() == ["B-1", "B-2"]
    page.view.sortByColumn(6, page.view.horizontalHeader().sortIndicatorOrder().DescendingOrder)
    assert codes() == ["B-1", "B-2"]
    page.view.sortByColumn(6, page.view.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    assert codes() == ["B-2", "B-1"]


def test_new_person_errors_show_next_to_fields_and_nothing_is_lost(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = PersonDialog(AppContext(db, admin))
    qtbot.addWidget(dialog)
    dialog.code.setText("N-1")
    dialog.last_name.setText("Diallo")
    dialog.first_name.setText("Aminata")
    dialog.birth_date.setText("12/05/2030")
    dialog.intake_date.setText("01/02/2024")
    dialog.fiscal_code.setText("DLLMNT90E52Z343X")
    assert dialog.save() is False
    assert dialog.errors.text("birth_date") == "non può essere nel futuro"
    assert dialog.errors.text("fiscal_code").startswith("carattere di controllo errato")
    assert dialog.tabs.currentIndex() == 0
    assert dialog.last_name.text() == "Diallo"  # what was typed is still there
    dialog.birth_date.setText("31/02/1990")
    assert dialog.save() is False
    assert dialog.errors.text("birth_date") == "data inesistente (31/02/1990)"
    with db.reading() as session:
        assert persons.count(session, admin, persons.PersonFilter()) == 0


def test_fiscal_code_mismatch_is_a_warning_with_the_computed_code(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    dialog = PersonDialog(AppContext(db, admin))
    qtbot.addWidget(dialog)
    dialog.last_name.setText("Gündoğdu")
    dialog.first_name.setText("Şükrü")
    dialog.sex.set_value("M")
    dialog.birth_date.setText("12/03/1991")
    dialog.birth_place.set_code("Z243")
    dialog.fiscal_code.setText("GNDSKR90C12Z243P")
    assert "data di nascita" in dialog.cf_warning.text()
    assert "GNDSKR91C12Z243" in dialog.cf_warning.text()
    assert dialog.use_computed.isVisibleTo(dialog)
    dialog.use_computed.click()
    assert dialog.fiscal_code.text().startswith("GNDSKR91C12Z243")
    assert dialog.cf_warning.text() == "Codice fiscale coerente con i dati inseriti."


def test_edit_saves_and_a_stale_edit_is_not_written(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tit_desktop.ui.edit_conflict_dialog import EditConflictDialog

    person_id = _person(db, admin)
    first = PersonDialog(AppContext(db, admin), person_id)
    second = PersonDialog(AppContext(db, admin), person_id)
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    first.phone.setText("+39 333 1234567")
    assert first.save() is True
    second.phone.setText("071 999999")
    shown: list[list[str]] = []

    def give_up(self: EditConflictDialog) -> int:
        shown.append([c.label for c in self.clashes])
        return EditConflictDialog.DialogCode.Rejected

    monkeypatch.setattr(EditConflictDialog, "exec", give_up)
    assert second.save() is False
    assert shown == [["Telefono"]]  # the colleague's save is compared, not overwritten
    assert second.phone.text() == "071 999999"
    with db.transaction(admin) as session:
        assert persons.open_person(session, admin, person_id).data.phone == "+39 333 1234567"


def test_confidential_notes_are_hidden_from_operators(
    qtbot: QtBot, db: Database, actors: dict[Role, Actor]
) -> None:
    coordinator, operator = actors[Role.COORDINATOR], actors[Role.OPERATOR]
    person_id = _person(db, coordinator)
    with db.transaction(coordinator) as session:
        notes.add_note(session, coordinator, person_id, "Colloquio svolto.")
        notes.add_note(
            session, coordinator, person_id, "Storia di violenza.", NoteLevel.CONFIDENTIAL
        )
    dialog = PersonDialog(AppContext(db, operator), person_id)
    qtbot.addWidget(dialog)
    texts = [dialog.note_list.item(i).text() for i in range(dialog.note_list.count())]
    assert len(texts) == 1 and texts[0].endswith("Colloquio svolto.")
    assert dialog.hidden_notes.text() == "1 nota riservata non visibile con il vostro ruolo."
    assert dialog.note_level.count() == 1
    full = PersonDialog(AppContext(db, coordinator), person_id)
    qtbot.addWidget(full)
    assert full.note_list.count() == 2


def test_person_form_tabs_render_whole(qtbot: QtBot, db: Database, admin: Actor) -> None:
    demo.fill_demo_data(db, admin, people=20, seed=5)
    dialog = PersonDialog(AppContext(db, admin), 7)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        qtbot.wait(5)
        assert _clipped(dialog) == [], dialog.tabs.tabText(index)
        if db.is_sqlite:
            _save(dialog, f"persona-scheda-{index}")


def _new_dialog(qtbot: QtBot, db: Database, actor: Actor) -> PersonDialog:
    dialog = PersonDialog(AppContext(db, actor))
    qtbot.addWidget(dialog)
    dialog.code.setText("N-2")
    dialog.last_name.setText("Elamrani")
    dialog.first_name.setText("Mohammed")
    dialog.birth_date.setText("12/03/1990")
    dialog.intake_date.setText("01/02/2024")
    return dialog


@pytest.mark.parametrize("choice", ["different", "cancel"])
def test_possible_duplicates_are_shown_before_saving(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch, choice: str
) -> None:
    from tit_desktop.services import duplicates
    from tit_desktop.ui import duplicates_dialog

    existing = _person(
        db,
        admin,
        code="E-1",
        last_name="El Amrani",
        first_name="Mohamed",
        fiscal_code=None,
        birth_place_code="Z330",
        citizenship_code="Z330",
    )
    shown: list[list[duplicates.Candidate]] = []

    def fake_exec(self: duplicates_dialog.DuplicatesDialog) -> int:
        shown.append(self.candidates)
        self.choice = (
            duplicates_dialog.Choice.DIFFERENT_PEOPLE
            if choice == "different"
            else duplicates_dialog.Choice.CANCEL
        )
        return 1

    monkeypatch.setattr(duplicates_dialog.DuplicatesDialog, "exec", fake_exec)
    dialog = _new_dialog(qtbot, db, admin)
    saved = dialog.save()
    assert [c.person_id for c in shown[0]] == [existing]
    assert shown[0][0].score >= duplicates.SHOW_THRESHOLD
    with db.reading() as session:
        count = persons.count(session, admin, persons.PersonFilter())
    if choice == "cancel":
        assert saved is False and count == 1
        assert dialog.last_name.text() == "Elamrani"  # nothing typed is lost
        return
    assert saved is True and count == 2
    # The decision is remembered: the same pair is not proposed again.
    with db.reading() as session:
        again = duplicates.find_candidates(
            session,
            admin,
            persons.PersonInput(
                code="N-3",
                last_name="Elamrani",
                first_name="Mohammed",
                birth_date=dt.date(1990, 3, 12),
                intake_date=dt.date(2024, 2, 1),
            ),
            exclude_id=dialog.person_id,
        )
    assert existing not in [c.person_id for c in again]


def test_anonymise_from_the_record(
    qtbot: QtBot, db: Database, actors: dict[Role, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tit_desktop.ui.gdpr_actions import AnonymiseDialog

    coordinator = actors[Role.COORDINATOR]
    person_id = _person(db, coordinator)
    operator_view = PersonDialog(AppContext(db, actors[Role.OPERATOR]), person_id)
    qtbot.addWidget(operator_view)
    assert not operator_view.anonymise_button.isVisibleTo(operator_view)
    record = PersonDialog(AppContext(db, coordinator), person_id)
    qtbot.addWidget(record)
    assert record.anonymise_button.isVisibleTo(record)
    dialog = AnonymiseDialog(AppContext(db, coordinator), person_id, "A-1", record)
    qtbot.addWidget(dialog)
    dialog.code.setText("A-2")
    dialog.reason.setPlainText("Richiesta dell'interessato")
    dialog._anonymise()
    assert "non corrisponde" in dialog.errors.text("confirm_code")
    dialog.code.setText("A-1")
    dialog._anonymise()
    assert dialog.result() == dialog.DialogCode.Accepted
    reopened = PersonDialog(AppContext(db, coordinator), person_id)
    qtbot.addWidget(reopened)
    assert reopened.anonymised and not reopened.save_button.isEnabled()
    assert "Gündoğdu" not in reopened.last_name.text()
    assert not reopened.anonymise_button.isVisibleTo(reopened)


def test_merge_dialog_merges_and_undoes(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tit_desktop.ui import questions
    from tit_desktop.ui.merge_dialog import MergeDialog

    first = _person(db, admin, code="D-1", fiscal_code=None)
    second = _person(db, admin, code="D-2", first_name="Sukru", fiscal_code=None)
    with db.transaction(admin) as session:
        notes.add_note(session, admin, second, "Nota sulla seconda scheda.")
    monkeypatch.setattr(questions, "confirm", lambda *a, **k: True)
    dialog = MergeDialog(AppContext(db, admin))
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "1 coppia da controllare"
    assert dialog.table.item(0, 1).text().startswith("D-1")
    dialog.keep_first.click()
    assert dialog.summary.text() == "0 coppie da controllare"
    with db.reading() as session:
        assert persons.count(session, admin, persons.PersonFilter()) == 1
        assert [n.text for n in notes.list_notes(session, admin, first)[0]] == [
            "Nota sulla seconda scheda."
        ]
    dialog.undo.click()
    assert dialog.summary.text() == "1 coppia da controllare"
    with db.reading() as session:
        assert persons.count(session, admin, persons.PersonFilter()) == 2
        assert notes.list_notes(session, admin, first)[0] == []


def test_the_list_loads_its_keys_once_when_opened(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    original = persons.search_ids

    def counting(*args: object, **kwargs: object) -> list[int]:
        calls.append("search_ids")
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(persons, "search_ids", counting)
    page = PersonsPage(AppContext(db, admin))
    qtbot.addWidget(page)
    assert calls == ["search_ids"]
    page.view.sortByColumn(1, page.view.horizontalHeader().sortIndicatorOrder())
    assert calls == ["search_ids"]  # same order: nothing to reload


def test_a_first_letter_does_not_query_again(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    _person(db, admin)
    page = PersonsPage(AppContext(db, admin))
    qtbot.addWidget(page)
    calls: list[str] = []
    original = persons.search_ids
    monkeypatch.setattr(
        persons, "search_ids", lambda *a, **k: calls.append("q") or original(*a, **k)
    )
    page.search.setText("g")
    qtbot.waitUntil(lambda: not page._timer.isActive())
    assert calls == [] and page.model.rowCount() == 1
    page.search.setText("gü")
    qtbot.waitUntil(lambda: not page._timer.isActive())
    assert calls == ["q"] and page.model.rowCount() == 1
    page.search.setText("gü ")  # a trailing space changes nothing searched
    qtbot.waitUntil(lambda: not page._timer.isActive())
    assert calls == ["q"]


def test_merge_buttons_are_disabled_without_pairs(qtbot: QtBot, db: Database, admin: Actor) -> None:
    from tit_desktop.ui.merge_dialog import MergeDialog

    _person(db, admin, code="D-1", fiscal_code=None)
    dialog = MergeDialog(AppContext(db, admin))
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "0 coppie da controllare"
    buttons = (dialog.keep_first, dialog.keep_second, dialog.different)
    assert [b.isEnabled() for b in buttons] == [False, False, False]
    _person(db, admin, code="D-2", first_name="Sukru", fiscal_code=None)
    dialog.refresh()
    assert [b.isEnabled() for b in buttons] == [True, True, True]
    dialog.table.clearSelection()
    assert [b.isEnabled() for b in buttons] == [False, False, False]
