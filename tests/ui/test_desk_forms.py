"""The person record as used at the desk all day (issue 7): nothing lost without asking,
errors that follow the input, safe defaults, read-only mode, the next Codice, dates."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import PASSWORD
from tit_desktop.models import Role
from tit_desktop.services import notes, persons
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.ui import questions
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.dates import InvalidInput, YearRule, parse_date
from tit_desktop.ui.person_dialog import PersonDialog

TODAY = dt.date(2026, 11, 28)


def _person(db: Database, actor: Actor, **values: object) -> int:
    data = persons.PersonInput(
        code="TIU-00001",
        last_name="Diallo",
        first_name="Aminata",
        sex="F",
        birth_date=dt.date(1990, 5, 12),
        intake_date=dt.date(2024, 5, 2),
    )
    for key, value in values.items():
        setattr(data, key, value)
    with db.transaction(actor) as session:
        return persons.create_person(session, actor, data).id


class Answers:
    """Answers the save question as a user would, remembering that it was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: questions.SaveChoice) -> None:
        self.asked = 0
        self.answer = answer
        monkeypatch.setattr(questions, "ask_save_changes", self._ask)

    def _ask(self, _parent: object) -> questions.SaveChoice:
        self.asked += 1
        return self.answer


def _quietly(widget: object) -> None:
    """The test is over: closing what it left open does not ask."""
    widget.guard.enabled = False  # type: ignore[attr-defined]


def _shown(qtbot: QtBot, dialog: PersonDialog) -> PersonDialog:
    qtbot.addWidget(dialog, before_close_func=_quietly)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


# --- 1. the dirty-form guard -------------------------------------------------------------


def test_closing_an_edited_record_asks_and_annulla_keeps_it(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    person_id = _person(db, admin)
    dialog = _shown(qtbot, PersonDialog(AppContext(db, admin), person_id))
    answers = Answers(monkeypatch, questions.SaveChoice.CANCEL)
    dialog.reject()  # opened and closed untouched: no question
    assert answers.asked == 0 and not dialog.isVisible()

    dialog = _shown(qtbot, PersonDialog(AppContext(db, admin), person_id))
    dialog.phone.setText("333 1234567")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert answers.asked == 1 and dialog.isVisible()
    assert dialog.phone.text() == "333 1234567"
    dialog.close()  # the window's X
    assert answers.asked == 2 and dialog.isVisible()

    answers.answer = questions.SaveChoice.SAVE
    dialog.reject()
    assert not dialog.isVisible()
    with db.transaction(admin) as session:
        assert persons.open_person(session, admin, person_id).data.phone == "333 1234567"


def test_a_half_filled_new_person_asks_and_non_salvare_discards(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _shown(qtbot, PersonDialog(AppContext(db, admin)))
    answers = Answers(monkeypatch, questions.SaveChoice.DISCARD)
    dialog.last_name.setText("Bah")
    dialog.reject()
    assert answers.asked == 1 and not dialog.isVisible()
    with db.reading() as session:
        assert persons.count(session, admin, persons.PersonFilter()) == 0


def test_salva_in_the_question_that_fails_keeps_the_record_open(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _shown(qtbot, PersonDialog(AppContext(db, admin)))
    Answers(monkeypatch, questions.SaveChoice.SAVE)
    dialog.first_name.setText("Aminata")  # no surname: cannot be saved
    dialog.reject()
    assert dialog.isVisible()
    assert dialog.errors.text("last_name") == "campo obbligatorio"


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen only
def test_main_window_close_and_logout_ask_for_an_open_edited_record(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tit_desktop.ui import main_window
    from tit_desktop.ui.main_window import MainWindow

    only_persons = [a for a in main_window.areas() if a.key == "persons"]
    monkeypatch.setattr(main_window, "areas", lambda: only_persons)
    window = MainWindow(AppContext(db, admin))
    qtbot.addWidget(window)
    window.show()
    window.show_area("persons")
    page = window.page("persons")
    page.new_person()  # type: ignore[attr-defined]
    dialog = next(d for d in page.findChildren(PersonDialog) if d.isVisible())
    dialog.last_name.setText("Bah")
    answers = Answers(monkeypatch, questions.SaveChoice.CANCEL)
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    logouts: list[bool] = []
    window.logout_requested.connect(lambda: logouts.append(True))
    window.close()
    assert answers.asked == 1 and window.isVisible() and not closed
    window._logout()
    assert answers.asked == 2 and not logouts and dialog.isVisible()
    answers.answer = questions.SaveChoice.DISCARD
    window._logout()
    assert logouts == [True] and not dialog.isVisible()


def test_password_and_settings_dialogs_ask_when_they_hold_input(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tit_desktop.ui.login import ChangePasswordDialog

    dialog = ChangePasswordDialog(db, admin)
    qtbot.addWidget(dialog, before_close_func=_quietly)
    dialog.open()
    answers = Answers(monkeypatch, questions.SaveChoice.CANCEL)
    dialog.new.setText("qualcosa")
    dialog.reject()
    assert answers.asked == 1 and dialog.isVisible()


# --- 3. errors that follow the input -----------------------------------------------------


def test_errors_go_away_when_the_input_is_fixed(qtbot: QtBot, db: Database, admin: Actor) -> None:
    dialog = PersonDialog(AppContext(db, admin))
    qtbot.addWidget(dialog)
    dialog.code.clear()  # a new record's Codice may stay empty: the series gives it
    dialog.last_name.setText("Diallo")
    dialog.sex.set_value("F")
    dialog.birth_date.setText("12/05/2030")
    dialog.fiscal_code.setText("DLLMNT90E52Z343X")
    assert dialog.save() is False
    assert dialog.errors.text("code") == ""
    assert dialog.errors.text("first_name") == "campo obbligatorio"
    assert dialog.errors.text("birth_date") == "non può essere nel futuro"
    assert dialog.errors.text("fiscal_code").startswith("carattere di controllo errato")

    dialog.first_name.setText("Aminata")
    assert dialog.errors.text("first_name") == ""
    # Still wrong, but for another reason now: the message follows.
    dialog.birth_date.setText("31/02/1980")
    assert dialog.errors.text("birth_date") == "data inesistente (31/02/1980)"
    dialog.birth_date.setText("01/01/1980")
    assert dialog.errors.text("birth_date") == ""
    dialog.birth_date.setText("12/05/1990")
    assert dialog.errors.text("birth_date") == ""
    # The right codice fiscale: no red error next to the green "coerente".
    dialog.birth_place.set_code("Z343")
    dialog.fiscal_code.setText(_computed_cf())
    assert dialog.cf_warning.text() == "Codice fiscale coerente con i dati inseriti."
    assert dialog.errors.text("fiscal_code") == ""


def _computed_cf() -> str:
    from tit_desktop.services import codice_fiscale

    result = codice_fiscale.check(
        "DLLMNT90E52Z343X", "Diallo", "Aminata", "F", dt.date(1990, 5, 12), "Z343"
    )
    assert result.computed is not None
    return result.computed


def test_a_fiscal_code_error_is_shown_once(qtbot: QtBot, db: Database, admin: Actor) -> None:
    dialog = PersonDialog(AppContext(db, admin))
    qtbot.addWidget(dialog)
    dialog.fiscal_code.setText("DLLMNT90E52Z343X")
    dialog.save()
    shown = [dialog.cf_warning.text(), dialog.errors.text("fiscal_code")]
    assert sum("carattere di controllo" in text for text in shown) == 1


def test_a_database_error_stays_until_its_field_changes(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    _person(db, admin, code="TIU-00001")
    dialog = PersonDialog(AppContext(db, admin))
    qtbot.addWidget(dialog)
    dialog.code.setText("TIU-00001")
    dialog.last_name.setText("Bah")
    dialog.first_name.setText("Ousmane")
    assert dialog.save() is False
    used = dialog.errors.text("code")
    assert used
    dialog.phone.setText("333 1234567")
    assert dialog.errors.text("code") == used
    dialog.code.setText("TIU-00002")
    assert dialog.errors.text("code") == ""


def test_password_errors_follow_the_input_without_squashing_the_field(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    from tit_desktop.ui.login import ChangePasswordDialog

    dialog = ChangePasswordDialog(db, admin)
    qtbot.addWidget(dialog, before_close_func=_quietly)
    dialog.show()
    height = dialog.new.height()
    dialog.old.setText(PASSWORD)
    dialog.new.setText("corta")
    dialog.confirm.setText("corta")
    dialog._save()
    assert dialog.errors.text("new_password") == "deve avere almeno 8 caratteri"
    qtbot.wait(10)
    assert dialog.new.height() >= height
    dialog.new.setText("Una-password-lunga-7")
    assert dialog.errors.text("new_password") == ""
    assert dialog.errors.text("confirm") == ""  # not shown before: not nagging while typing
    dialog._save()
    assert dialog.errors.text("confirm") == "le due password non coincidono"
    dialog.confirm.setText("Una-password-lunga-7")
    assert dialog.errors.text("confirm") == ""


# --- 4. safe defaults --------------------------------------------------------------------


def test_questions_default_to_the_safe_answer(qtbot: QtBot) -> None:
    box, buttons = questions.build_save_question(None)
    assert box.defaultButton() is buttons[questions.SaveChoice.CANCEL]
    assert box.escapeButton() is buttons[questions.SaveChoice.CANCEL]
    assert buttons[questions.SaveChoice.CANCEL].text() == "Annulla"
    box, do_it, keep = questions.build_confirmation(None, "Ripristino", "Sicuri?", "Ripristina")
    assert box.defaultButton() is keep and box.escapeButton() is keep
    assert not do_it.autoDefault()


def _default_of_next_question(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer the next message box with Enter, i.e. its default button; record its text."""
    seen: list[str] = []

    def enter(box: QMessageBox) -> int:
        default = box.defaultButton()
        seen.append(default.text() if default is not None else "")
        if default is not None:
            default.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", enter)
    return seen


def test_restore_merge_and_removal_questions_default_to_no(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from tit_desktop.ui.pages.admin import DatabaseTab

    seen = _default_of_next_question(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("/tmp/backup.sqlite3", ""))
    started: list[object] = []
    import tit_desktop.ui.pages.admin as admin_module

    monkeypatch.setattr(admin_module, "run_in_background", lambda *a, **k: started.append(a))
    tab = DatabaseTab(AppContext(db, admin))
    qtbot.addWidget(tab)
    tab._restore()
    assert seen == ["Annulla"] and started == []


def test_enter_in_the_duplicate_warning_does_not_save(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    from tit_desktop.services import duplicates
    from tit_desktop.ui.duplicates_dialog import Choice, DuplicatesDialog

    candidate = duplicates.Candidate(
        person_id=1,
        code="TIU-00001",
        name="Diallo Aminata",
        birth_date=dt.date(1990, 5, 12),
        fiscal_code=None,
        score=90,
        reasons=("stesso nome",),
    )
    dialog = DuplicatesDialog([candidate])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.choice is Choice.CANCEL  # back to the record, nothing saved
    assert not dialog.different_button.isDefault()


def test_enter_in_the_anonymisation_does_not_anonymise(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    from tit_desktop.ui.gdpr_actions import AnonymiseDialog

    person_id = _person(db, admin)
    dialog = AnonymiseDialog(AppContext(db, admin), person_id, "TIU-00001")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.reason.setPlainText("Richiesta dell'interessato")
    dialog.code.setText("TIU-00001")
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert dialog.result() != dialog.DialogCode.Accepted
    with db.transaction(admin) as session:
        assert not persons.open_person(session, admin, person_id).anonymised


# --- 5. read-only mode -------------------------------------------------------------------


def test_read_only_role_sees_the_record_read_only(
    qtbot: QtBot, db: Database, actors: dict[Role, Actor]
) -> None:
    person_id = _person(db, actors[Role.ADMIN])
    dialog = PersonDialog(AppContext(db, actors[Role.READ_ONLY]), person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    for edit in (dialog.code, dialog.last_name, dialog.birth_date, dialog.fiscal_code):
        assert edit.isReadOnly()
    assert dialog.general_notes.isReadOnly()
    assert not dialog.sex.isEnabled() and not dialog.citizenship_declined.isEnabled()
    for hidden in (
        dialog.save_button,
        dialog.note_input,
        dialog.relative_input,
        dialog.attach_button,
        dialog.remove_attachment_button,
    ):
        assert not hidden.isVisibleTo(dialog)
    operator = PersonDialog(AppContext(db, actors[Role.OPERATOR]), person_id)
    qtbot.addWidget(operator)
    assert not operator.last_name.isReadOnly() and operator.sex.isEnabled()
    assert operator.save_button.isVisibleTo(operator)


# --- 6. new person -----------------------------------------------------------------------


def test_the_next_free_codice_is_proposed(qtbot: QtBot, db: Database, admin: Actor) -> None:
    dialog = PersonDialog(AppContext(db, admin))
    qtbot.addWidget(dialog)
    # Left empty, the Codice is taken when saving; the field shows the probable one.
    assert dialog.code.text() == "" and dialog.code.placeholderText() == "automatico (TIU-00001)"
    _person(db, admin, code="TIU-00009")
    _person(db, admin, code="TIU-00010", last_name="Bah")
    _person(db, admin, code="TIU-0001X", last_name="Sow")
    _person(db, admin, code="ALTRO-99999", last_name="Ba")
    dialog = PersonDialog(AppContext(db, admin))
    qtbot.addWidget(dialog)
    assert dialog.code.placeholderText() == "automatico (TIU-00011)"
    assert not dialog.code.isReadOnly()
    assert not dialog.guard.is_dirty()  # what is proposed is not an edit


def test_ctrl_n_puts_the_cursor_in_the_first_field(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    from tit_desktop.ui.pages.persons import PersonsPage

    page = PersonsPage(AppContext(db, admin))
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = next(d for d in page.findChildren(PersonDialog) if d.isVisible())
    assert dialog.focusWidget() is dialog.last_name
    assert dialog.tabs.currentIndex() == 0


def test_a_new_person_hidden_by_the_search_is_shown_with_a_message(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    from tit_desktop.ui.pages.persons import PersonsPage

    _person(db, admin)
    page = PersonsPage(AppContext(db, admin))
    qtbot.addWidget(page)
    page.search.setText("Diallo")
    page.refresh()
    page.new_person()
    dialog = next(d for d in page.findChildren(PersonDialog) if d.isVisible())
    dialog.last_name.setText("Bah")
    dialog.first_name.setText("Ousmane")
    assert dialog.save() is True
    assert page.search.text() == ""
    assert page.selected_id() == dialog.person_id
    assert page.status_message.startswith("Scheda TIU-00002 salvata.")


# --- 7 and 9: keyboard, dates, permit, relatives ------------------------------------------


def test_enter_in_a_new_note_does_not_save_and_close_the_record(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    person_id = _person(db, admin)
    dialog = _shown(qtbot, PersonDialog(AppContext(db, admin), person_id))
    dialog.tabs.setCurrentWidget(dialog.note_list.parentWidget())
    dialog.new_note.setFocus()
    qtbot.keyClicks(dialog.new_note, "Prima riga")
    qtbot.keyClick(dialog.new_note, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.new_note, "seconda riga")
    assert dialog.isVisible()
    assert dialog.new_note.toPlainText() == "Prima riga\nseconda riga"
    qtbot.keyClick(dialog.new_note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with db.reading() as session:
        texts = [n.text for n in notes.list_notes(session, admin, person_id)[0]]
    assert texts == ["Prima riga\nseconda riga"]
    assert dialog.isVisible() and dialog.new_note.toPlainText() == ""


@pytest.mark.parametrize(
    ("typed", "rule", "expected"),
    [
        ("01012030", YearRule.AHEAD, dt.date(2030, 1, 1)),
        ("01/01/2030", YearRule.PAST, dt.date(2030, 1, 1)),
        ("1/2/30", YearRule.AHEAD, dt.date(2030, 2, 1)),
        ("1/2/30", YearRule.PAST, dt.date(1930, 2, 1)),
        ("12.05.90", YearRule.PAST, dt.date(1990, 5, 12)),
        ("120526", YearRule.PAST, dt.date(2026, 5, 12)),
        ("311224", YearRule.AHEAD, dt.date(2024, 12, 31)),
        ("12-03-1991", YearRule.PAST, dt.date(1991, 3, 12)),
        ("", YearRule.PAST, None),
    ],
)
def test_dates_are_read_in_the_short_forms(
    typed: str, rule: YearRule, expected: dt.date | None
) -> None:
    assert parse_date(typed, rule, today=TODAY) == expected


@pytest.mark.parametrize("typed", ["31/02/1990", "1990-01-01", "0101201", "domani"])
def test_dates_that_cannot_be_read_say_so(typed: str) -> None:
    with pytest.raises(InvalidInput):
        parse_date(typed, today=TODAY)


def test_a_short_date_is_shown_back_in_full(qtbot: QtBot, db: Database, admin: Actor) -> None:
    dialog = PersonDialog(AppContext(db, admin))
    qtbot.addWidget(dialog)
    dialog.permit_expires_on.setText("01012030")
    dialog.permit_expires_on.editingFinished.emit()
    assert dialog.permit_expires_on.text() == "01/01/2030"
    assert dialog.form_data().permit_expires_on == dt.date(2030, 1, 1)


def test_the_permit_tab_warns_of_an_expired_permit(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    expired = dt.date.today() - dt.timedelta(days=3)
    person_id = _person(db, admin, permit_expires_on=expired)
    dialog = PersonDialog(AppContext(db, admin), person_id)
    qtbot.addWidget(dialog)
    assert not dialog.permit_warning.isHidden()
    assert dialog.permit_warning.text().startswith("Permesso scaduto il")
    assert dialog.tabs.tabText(1).endswith("⚠")
    dialog.permit_expires_on.set_date(dt.date.today() + dt.timedelta(days=400))
    assert dialog.permit_warning.isHidden()
    assert not dialog.tabs.tabText(1).endswith("⚠")


def test_a_relative_is_found_by_name(qtbot: QtBot, db: Database, admin: Actor) -> None:
    person_id = _person(db, admin)
    _person(db, admin, code="TIU-00002", last_name="Diallo", first_name="Moussa", sex="M")
    dialog = PersonDialog(AppContext(db, admin), person_id)
    qtbot.addWidget(dialog)
    dialog.relative_code.setText("diallo mou")
    dialog._suggest_relatives()
    labels = dialog._relative_model.stringList()
    assert labels == ["Diallo Moussa (TIU-00002, 12/05/1990)"]
    dialog.relative_code.setText(labels[0])
    dialog._link_relative()
    assert dialog.relatives.rowCount() == 1
    assert dialog.relatives.item(0, 0).text() == "TIU-00002"


def test_a_password_error_does_not_squash_the_field(
    qtbot: QtBot, db: Database, actors: dict[Role, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit

    from tit_desktop.ui.pages.admin import UsersTab

    measured: list[tuple[int, str]] = []

    def run(dialog: QDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        edit = dialog.findChild(QLineEdit)
        edit.setText("abc")
        dialog.findChild(QDialogButtonBox).accepted.emit()
        qtbot.wait(20)
        error = dialog.findChild(QLineEdit).parentWidget().findChildren(QLabel)[0]
        measured.append((edit.width(), error.text()))
        return 0

    from PySide6.QtWidgets import QLabel

    monkeypatch.setattr(QDialog, "exec", run)
    tab = UsersTab(AppContext(db, actors[Role.ADMIN]))
    qtbot.addWidget(tab)
    tab.view.selectRow(1)
    tab._reset()
    width, message = measured[0]
    assert message == "deve avere almeno 8 caratteri"
    assert width >= 200
