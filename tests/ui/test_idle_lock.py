"""The idle lock: after the idle time the window locks, asks the same user's password,
keeps what was open underneath; "Cambia utente" asks about unsaved edits first."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.conftest import PASSWORD
from tit_desktop.models import AuditEntry
from tit_desktop.services.database import Database
from tit_desktop.ui import questions
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.idle_lock import IdleLock
from tit_desktop.ui.main_window import MainWindow
from tit_desktop.ui.pages.admin import UserDialog

IDLE_MS = 400


def _actions(db: Database) -> list[str]:
    with db.reading() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    main = MainWindow(ctx)  # closed by the conftest's close_windows, edits disabled first
    main.show()
    return main


def _lock(window: MainWindow, ctx: AppContext, switched: list[bool]) -> IdleLock:
    return IdleLock(window, ctx, 10, lambda: switched.append(True), timeout_ms=IDLE_MS)


@pytest.fixture
def forms() -> Iterator[list[UserDialog]]:
    opened: list[UserDialog] = []
    yield opened
    for form in opened:  # closing the window at the end must not ask
        form.guard.enabled = False


def _open_form_with_edits(
    qtbot: QtBot, ctx: AppContext, window: MainWindow, forms: list[UserDialog]
) -> UserDialog:
    form = UserDialog(ctx, parent=window)
    forms.append(form)
    form.show()
    form.full_name.setText("Mario Rossi (non salvato)")
    assert form.guard.is_dirty()
    return form


def test_input_keeps_it_open_and_idleness_locks_it(
    qtbot: QtBot, ctx: AppContext, window: MainWindow
) -> None:
    lock = _lock(window, ctx, [])
    # GIVEN someone typing every 150 ms for three times the idle time: never locked.
    for _ in range(8):
        qtbot.wait(150)
        qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
        assert not lock.is_locked
    # WHEN nobody touches anything: locked.
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass
    assert lock.screen is not None and lock.screen.isVisible()
    assert lock.screen.isModal()
    assert _actions(ctx.db)[-1] == "lock"
    # Esc does not open it.
    qtbot.keyClick(lock.screen, Qt.Key.Key_Escape)
    lock.screen.close()
    assert lock.is_locked and lock.screen.isVisible()


def test_only_the_same_users_password_unlocks_and_edits_come_back(
    qtbot: QtBot, ctx: AppContext, window: MainWindow, forms: list[UserDialog]
) -> None:
    form = _open_form_with_edits(qtbot, ctx, window, forms)
    lock = _lock(window, ctx, [])
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass
    screen = lock.screen
    assert screen is not None
    qtbot.keyClicks(screen.password, "sbagliata")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert lock.is_locked
    assert screen.message.isVisible() and screen.message.text() == "Password non corretta."
    assert screen.password.text() == ""
    after_lock = _actions(ctx.db)
    after_lock = after_lock[after_lock.index("lock") :]
    assert "login_failed" in after_lock  # counted as any wrong password
    assert "unlock" not in after_lock
    # The right password: the form is there, with what was typed.
    qtbot.keyClicks(screen.password, PASSWORD)
    with qtbot.waitSignal(lock.unlocked, timeout=3000):
        qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert not lock.is_locked
    assert form.isVisible() and form.full_name.text() == "Mario Rossi (non salvato)"
    assert form.guard.is_dirty()
    actions = _actions(ctx.db)
    assert actions[-1] == "unlock" and "login" in actions[actions.index("lock") :]
    # And the countdown runs again.
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass
    lock._timer.stop()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # settle_open_forms
def test_change_user_asks_about_unsaved_edits_first(
    qtbot: QtBot,
    ctx: AppContext,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    forms: list[UserDialog],
) -> None:
    form = _open_form_with_edits(qtbot, ctx, window, forms)
    switched: list[bool] = []
    lock = _lock(window, ctx, switched)
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass
    answers = [questions.SaveChoice.CANCEL, questions.SaveChoice.DISCARD]
    asked: list[object] = []

    def ask(parent: object) -> questions.SaveChoice:
        asked.append(parent)
        return answers.pop(0)

    monkeypatch.setattr(questions, "ask_save_changes", ask)
    screen = lock.screen
    assert screen is not None
    # "Annulla" at the question: still locked, nothing logged out, the edits still there.
    qtbot.mouseClick(screen.switch_button, Qt.MouseButton.LeftButton)
    assert asked == [form]
    assert lock.is_locked and lock.screen is screen and screen.isVisible()
    assert switched == [] and form.isVisible() and form.guard.is_dirty()
    # "Non salvare": the form closes and the user is logged out.
    qtbot.mouseClick(screen.switch_button, Qt.MouseButton.LeftButton)
    assert switched == [True]
    assert not lock.is_locked
    assert not form.isVisible()


def test_the_application_locks_after_the_minutes_of_the_settings(
    qtbot: QtBot, ctx: AppContext
) -> None:
    from tit_desktop.settings import Settings
    from tit_desktop.ui.app import AppController

    settings = Settings.load()
    settings.idle_lock_minutes = 7
    settings.save()
    controller = AppController()
    controller.db = ctx.db
    controller._open_main(ctx.actor)
    window = controller.window
    assert window is not None
    lock = window.idle_lock  # type: ignore[attr-defined]
    assert isinstance(lock, IdleLock)
    assert lock._timer.interval() == 7 * 60_000 and lock._timer.isActive()
    assert window.backup_watch is not None  # type: ignore[attr-defined]
    controller.db = None  # the fixture disposes of it


def test_a_modal_form_waiting_in_its_own_loop_survives_the_lock(
    qtbot: QtBot, ctx: AppContext, window: MainWindow, forms: list[UserDialog]
) -> None:
    """A form opened modally (the way exec() runs it, in a nested event loop) keeps running
    under the lock: its loop is not ended, its edits are there after the unlock."""
    from PySide6.QtCore import QEventLoop, QTimer

    form = _open_form_with_edits(qtbot, ctx, window, forms)
    form.setWindowModality(Qt.WindowModality.ApplicationModal)
    lock = _lock(window, ctx, [])
    seen: list[str] = []
    loop = QEventLoop()
    form.finished.connect(loop.quit)

    def unlock() -> None:
        screen = lock.screen
        assert screen is not None
        seen.append("locked")
        screen.password.setText(PASSWORD)
        screen.try_unlock()

    def after() -> None:
        seen.append("form visible" if form.isVisible() else "form gone")
        loop.quit()

    lock.locked.connect(lambda: QTimer.singleShot(50, unlock))
    lock.unlocked.connect(lambda: QTimer.singleShot(50, after))
    QTimer.singleShot(10_000, loop.quit)  # never hang the run
    loop.exec()  # the form's own loop, as exec() would run it
    assert seen == ["locked", "form visible"]
    assert form.isModal() or form.windowModality() is Qt.WindowModality.ApplicationModal
    assert form.full_name.text() == "Mario Rossi (non salvato)" and form.guard.is_dirty()
    lock._timer.stop()  # no lock after the test's database is gone


def test_it_locks_even_when_the_database_cannot_record_it(
    qtbot: QtBot, ctx: AppContext, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tit_desktop.services import session_lock

    def unreachable(*_args: object) -> None:
        raise OSError("server spento")

    monkeypatch.setattr(session_lock, "record_lock", unreachable)
    lock = _lock(window, ctx, [])
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass
    assert lock.is_locked and lock.screen is not None and lock.screen.isVisible()
