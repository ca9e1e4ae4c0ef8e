"""UI test helpers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

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


@pytest.fixture(autouse=True, scope="session")
def italian_qt(qapp: QApplication) -> None:
    """Qt's own strings (standard buttons) in Italian, as in the application."""
    from tit_desktop.ui.app import install_translations

    install_translations(qapp, "it")


@pytest.fixture(autouse=True)
def no_unexpected_message_box(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal message box nobody expected would wait for a click for ever and hang the
    run: make it fail the test instead, with its text. Tests that expect one patch it."""

    def fail(box: QMessageBox) -> int:
        raise AssertionError(f"unexpected message box: {box.text()} {box.informativeText()}")

    monkeypatch.setattr(QMessageBox, "exec", fail)
