"""The guard of tests/ui/conftest.py: a modal dialog a test did not patch fails the test
at once instead of waiting offscreen for a click that never comes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QFileDialog,
    QFontDialog,
    QInputDialog,
    QMessageBox,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import MODAL_FUNCTIONS, UnexpectedDialog

CASES = [(cls, name) for cls, names in MODAL_FUNCTIONS.items() for name in names]


@pytest.mark.parametrize(("cls", "name"), CASES, ids=[f"{c.__name__}.{n}" for c, n in CASES])
def test_a_static_dialog_call_fails_fast(cls: type, name: str) -> None:
    with pytest.raises(UnexpectedDialog, match=f"{cls.__name__}.{name}"):
        getattr(cls, name)(None, "Titolo", "Testo della domanda")


@pytest.mark.parametrize("cls", [QColorDialog, QFileDialog, QFontDialog, QInputDialog])
def test_every_static_getter_is_guarded(cls: type) -> None:
    """A getter added to Qt (or forgotten here) would block: the list names all of them."""
    getters = {n for n in vars(cls) if n.startswith("get")}
    assert getters == set(MODAL_FUNCTIONS[cls])


def test_every_static_message_box_is_guarded() -> None:
    statics = {"about", "aboutQt", "critical", "information", "question", "warning"}
    assert statics <= set(vars(QMessageBox))
    assert set(MODAL_FUNCTIONS[QMessageBox]) == statics


def test_exec_of_any_dialog_fails_fast(qtbot: QtBot) -> None:
    class Editor(QDialog):
        pass

    editor = Editor()
    qtbot.addWidget(editor)
    editor.setWindowTitle("Modifica")
    with pytest.raises(UnexpectedDialog, match="Editor 'Modifica'"):
        editor.exec()
    box = QMessageBox(QMessageBox.Icon.Warning, "Attenzione", "Dati non salvati")
    qtbot.addWidget(box)
    with pytest.raises(UnexpectedDialog, match="Dati non salvati"):
        box.exec()


def test_a_dialog_opened_from_the_event_loop_fails_the_test(qtbot: QtBot) -> None:
    """Shown by a slot (a button, a background task's callback): pytest-qt reports the
    exception as the test's failure."""
    with qtbot.captureExceptions() as exceptions:
        QTimer.singleShot(0, lambda: QMessageBox.critical(None, "Errore", "Disco pieno"))
        qtbot.waitUntil(lambda: bool(exceptions), timeout=2000)
    assert exceptions[0][0] is UnexpectedDialog
    assert "Disco pieno" in str(exceptions[0][1])


def test_a_test_may_still_patch_the_dialog_it_expects(
    message_boxes: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert QMessageBox.question(None, "Conferma", "Eliminare?") == QMessageBox.StandardButton.Yes
    assert message_boxes == [("question", "Eliminare?")]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("/tmp/x.pdf", ""))
    assert QFileDialog.getSaveFileName(None, "Salva") == ("/tmp/x.pdf", "")
