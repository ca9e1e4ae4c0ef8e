"""UI test helpers."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from typing import NoReturn

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QDialog,
    QFileDialog,
    QFontDialog,
    QInputDialog,
    QMessageBox,
)

from tit_desktop.ui.context import AppContext


@pytest.fixture
def ctx(db, admin) -> AppContext:  # type: ignore[no-untyped-def]
    return AppContext(db, admin)


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """Record QMessageBox calls instead of blocking on them."""
    seen: list[tuple[str, str]] = []

    def fake(kind: str, answer: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def show(_parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
            seen.append((kind, text))
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "warning", fake("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(
        QMessageBox, "information", fake("information", QMessageBox.StandardButton.Ok)
    )
    monkeypatch.setattr(QMessageBox, "critical", fake("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", fake("question", QMessageBox.StandardButton.Yes))
    yield seen


@pytest.fixture(autouse=True)
def close_windows(qapp: QApplication) -> Iterator[None]:
    yield
    # Forms left with edits would ask "Salvare le modifiche?" when the test closes them.
    for widget in QApplication.allWidgets():
        guard = getattr(widget, "form_guard", None)
        if guard is not None:
            guard.enabled = False
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QApplication.processEvents()
    if os.environ.get("TIT_UI_STRESS_GC"):
        # benchmarks/ui_crash_rounds.sh --stress: delete what the test left and collect
        # cycles now, so that an object finalised in the wrong thread crashes sooner.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()


@pytest.fixture(autouse=True, scope="session")
def italian_qt(qapp: QApplication) -> None:
    """Qt's own strings (standard buttons) in Italian, as in the application."""
    from tit_desktop.ui.app import install_translations

    install_translations(qapp, "it")


# Everything that opens a modal window and waits for an answer. Offscreen nobody answers, so
# a call a test did not expect would hang the run: the guard below makes it fail the test.
MODAL_FUNCTIONS: dict[type, tuple[str, ...]] = {
    QMessageBox: ("warning", "question", "information", "critical", "about", "aboutQt"),
    QFileDialog: (
        "getOpenFileName",
        "getOpenFileNames",
        "getOpenFileUrl",
        "getOpenFileUrls",
        "getSaveFileName",
        "getSaveFileUrl",
        "getExistingDirectory",
        "getExistingDirectoryUrl",
    ),
    QInputDialog: ("getText", "getMultiLineText", "getItem", "getInt", "getDouble"),
    QColorDialog: ("getColor",),
    QFontDialog: ("getFont",),
}


class UnexpectedDialog(AssertionError):
    """A test reached a modal dialog it did not patch."""


def _refuse(name: str) -> staticmethod:  # type: ignore[type-arg]
    def refuse(*args: object, **kwargs: object) -> NoReturn:
        texts = [repr(a) for a in (*args, *kwargs.values()) if isinstance(a, str)]
        raise UnexpectedDialog(
            f"unexpected dialog {name}({', '.join(texts)}): the test must patch it "
            "(monkeypatch.setattr, or the message_boxes fixture)"
        )

    return staticmethod(refuse)


def _refuse_exec(dialog: QDialog, *_args: object) -> NoReturn:
    text = dialog.text() if isinstance(dialog, QMessageBox) else ""
    raise UnexpectedDialog(
        f"unexpected modal {type(dialog).__name__} {dialog.windowTitle()!r} {text!r}: "
        "the test must patch its exec()"
    )


@pytest.fixture(autouse=True)
def no_unexpected_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody expected (a message box, a file or input dialog, any QDialog's
    exec()) fails the test with its text instead of waiting for a click for ever. Tests that
    expect one patch it after this fixture has run (autouse fixtures come first)."""
    for cls, names in MODAL_FUNCTIONS.items():
        for name in names:
            monkeypatch.setattr(cls, name, _refuse(f"{cls.__name__}.{name}"))
    for cls in (QDialog, QMessageBox):
        for name in ("exec", "exec_"):
            monkeypatch.setattr(cls, name, _refuse_exec)
