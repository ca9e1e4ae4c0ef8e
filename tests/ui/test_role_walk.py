"""The window walked as every role, against the one permission matrix (ROLE_PERMISSIONS).

Each role logs in to a real MainWindow over the demo data and visits every area and every tab;
in each it selects the first row of every list, presses every button it can see and use, opens
the first record of every list, and walks the dialogs that opens (two levels deep), pressing
their buttons too. Questions are answered with the risky choice (so that a delete reaches its
service), files are saved into the test's folder, files to open are cancelled.

What must hold, derived from the matrix rather than listed by hand:

* no service refuses what the window offered: a PermissionDenied raised anywhere during the
  walk means a button or a field shown to a role that the service turns down;
* no unexpected error;
* a role with no write permission gets every record read-only: no field it can type in, no
  save or delete button;
* a role without READ_MONEY sees no amount in euros and no IBAN on any screen it reaches;
* an area with nothing the role may use says so, instead of showing an empty screen.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.conftest import make_user
from tit_desktop.models import Role
from tit_desktop.services import demo
from tit_desktop.services.database import Database
from tit_desktop.services.errors import PermissionDenied
from tit_desktop.services.permissions import ROLE_PERMISSIONS, SYSTEM, Actor, Permission
from tit_desktop.ui import background
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.main_window import MainWindow

# Dialogs inside dialogs are walked down to this depth (the page is 0).
MAX_DEPTH = 2
# Permissions that let a role change something; a role with none of them only reads.
WRITE_PERMISSIONS = frozenset(
    {
        Permission.WRITE_REGISTRY,
        Permission.WRITE_MONEY,
        Permission.MANAGE_USERS,
        Permission.MANAGE_SETTINGS,
        Permission.ANONYMISE,
        Permission.IMPORT_DATA,
    }
)
# An amount as the window writes it ("1.234,56 EUR", "€ 350,00") and an Italian IBAN.
MONEY_TEXT = re.compile(r"\d,\d\d\s*(EUR|€)|€\s*\d", re.IGNORECASE)
IBAN_TEXT = re.compile(r"\bIT\d{2}[A-Z]\d{10}[0-9A-Z]{12}\b")
# Dialog buttons that only close; the walker closes dialogs itself.
CLOSING_ROLES = {
    QDialogButtonBox.ButtonRole.RejectRole,
    QDialogButtonBox.ButtonRole.NoRole,
    QDialogButtonBox.ButtonRole.HelpRole,
}
# Buttons that usually end a dialog, pressed after the others of the same dialog.
FINAL_WORDS = ("salva", "elimina", "ok", "registra")
ACCEPTING_ROLES = {
    QDialogButtonBox.ButtonRole.AcceptRole,
    QDialogButtonBox.ButtonRole.YesRole,
    QDialogButtonBox.ButtonRole.ApplyRole,
}


def _plain(text: str) -> str:
    return text.replace("&", "").strip()


def _alive(widget: QWidget) -> bool:
    try:
        widget.objectName()
    except RuntimeError:  # deleted on the C++ side meanwhile
        return False
    return True


class Walker:
    """Presses what a role can see, records what went wrong and where."""

    def __init__(self, qtbot: QtBot, actor: Actor, folder: Path) -> None:
        self.qtbot = qtbot
        self.actor = actor
        self.folder = folder
        self.read_only = not any(actor.can(p) for p in WRITE_PERMISSIONS)
        self.where: list[str] = []
        self.denied: list[str] = []
        self.unexpected: list[str] = []
        self.editable: list[str] = []
        self.money: list[str] = []
        self.pressed = 0
        self.editable_seen = 0
        self.money_seen = 0
        self.dialogs: list[str] = []
        self.saved_files = 0
        self.depth = 0

    # --- hooks --------------------------------------------------------------------------

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        walker = self
        original_init = PermissionDenied.__init__

        def denied_init(exc: PermissionDenied, message: str, **kwargs: Any) -> None:
            original_init(exc, message, **kwargs)
            walker.denied.append(f"{walker.here()}: {message}")

        monkeypatch.setattr(PermissionDenied, "__init__", denied_init)

        def static_box(kind: str, answer: QMessageBox.StandardButton) -> Callable[..., Any]:
            def show(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
                if kind == "critical":
                    walker.unexpected.append(f"{walker.here()}: {text}")
                return answer

            return staticmethod(show)

        ok = QMessageBox.StandardButton.Ok
        monkeypatch.setattr(QMessageBox, "warning", static_box("warning", ok))
        monkeypatch.setattr(QMessageBox, "information", static_box("information", ok))
        monkeypatch.setattr(QMessageBox, "critical", static_box("critical", ok))
        monkeypatch.setattr(
            QMessageBox, "question", static_box("question", QMessageBox.StandardButton.Yes)
        )
        monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *_a, **_k: None))
        monkeypatch.setattr(QMessageBox, "exec", lambda box, *_a: walker._message_exec(box))
        monkeypatch.setattr(QDialog, "exec", lambda dialog, *_a: walker._dialog_exec(dialog))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self._save_name))
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: ("", ""))
        )
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: ""))
        monkeypatch.setattr(
            QInputDialog,
            "getItem",
            staticmethod(lambda _p, _t, _l, items, *_a, **_k: (items[0], True)),
        )
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("", False)))
        monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda *_a: True))

    def here(self) -> str:
        return " > ".join(self.where)

    def _save_name(self, *args: Any, **_kwargs: Any) -> tuple[str, str]:
        filters = next((a for a in args[3:4] if isinstance(a, str)), "") or ""
        match = re.search(r"\*(\.\w+)", filters)
        self.saved_files += 1
        name = self.folder / f"walk-{self.saved_files}{match.group(1) if match else '.pdf'}"
        return str(name), filters

    def _message_exec(self, box: QMessageBox) -> int:
        if box.icon() is QMessageBox.Icon.Critical:
            self.unexpected.append(f"{self.here()}: {box.text()} {box.detailedText()[-300:]}")
            return 0
        buttons = {box.buttonRole(b): b for b in box.buttons()}
        # "Non salvare" when asked about edits; otherwise the risky choice, so that the
        # action reaches its service.
        for role in (
            QMessageBox.ButtonRole.DestructiveRole,
            QMessageBox.ButtonRole.AcceptRole,
            QMessageBox.ButtonRole.YesRole,
        ):
            if role in buttons:
                buttons[role].click()
                break
        return 0

    def _dialog_exec(self, dialog: QDialog) -> int:
        if isinstance(dialog, QProgressDialog):
            return 0
        if self.depth >= MAX_DEPTH:
            return int(QDialog.DialogCode.Rejected)
        dialog.show()
        self.walk_dialog(dialog)
        return int(dialog.result()) if _alive(dialog) else 0

    # --- walking ------------------------------------------------------------------------

    def settle(self) -> None:
        self.qtbot.waitUntil(lambda: background.running_count() == 0, timeout=20_000)
        QApplication.processEvents()

    def open_dialogs(self) -> list[QDialog]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and not isinstance(w, QProgressDialog) and w.isVisible()
        ]

    def walk_page(self, title: str, page: QWidget) -> None:
        self.where = [title]
        self.settle()
        self.check_screen(page)
        self.sweep(page)

    def walk_dialog(self, dialog: QDialog) -> None:
        title = dialog.windowTitle() or type(dialog).__name__
        self.dialogs.append(f"{self.here()} > [{title}]")
        self.where.append(f"[{title}]")
        self.depth += 1
        try:
            self.settle()
            if getattr(dialog, "form_guard", None) is not None:
                self.check_form(dialog)
            self.check_screen(dialog)
            self.sweep(dialog)
        finally:
            self.depth -= 1
            self.where.pop()
            self.close(dialog)

    def close(self, dialog: QDialog) -> None:
        if not _alive(dialog):
            return
        guard = getattr(dialog, "form_guard", None)
        if guard is not None:
            guard.enabled = False
        if dialog.isVisible():
            dialog.done(int(QDialog.DialogCode.Rejected))
        self.settle()

    def sweep(self, root: QWidget) -> None:
        """The root's own widgets, then every tab of every tab widget in it, and last the
        buttons that close the root (save, delete, accept)."""
        done: set[int] = set()
        self._sweep_once(root, done, final=False)
        for tabs in root.findChildren(QTabWidget):
            if not (_alive(root) and _alive(tabs)) or not tabs.isVisibleTo(root):
                continue
            for index in range(tabs.count()):
                if not (_alive(tabs) and root.isVisible()):
                    break
                tabs.setCurrentIndex(index)
                self.where.append(f"«{_plain(tabs.tabText(index))}»")
                try:
                    self.settle()
                    self.check_screen(tabs.widget(index))
                    self._sweep_once(root, done, final=False)
                finally:
                    self.where.pop()
        self._sweep_once(root, done, final=True)

    def _views(self, root: QWidget) -> list[QAbstractItemView]:
        return [
            v
            for v in root.findChildren(QAbstractItemView)
            if not isinstance(v, QHeaderView)
            and v.isVisibleTo(root)
            and v.model() is not None
            and v.model().rowCount(QModelIndex()) > 0
        ]

    def _buttons(self, root: QWidget) -> list[QAbstractButton]:
        found = []
        for button in root.findChildren(QAbstractButton):
            if not (button.isVisibleTo(root) and button.isEnabled() and button.text()):
                continue
            if button.isCheckable() or button.window() is not root.window():
                continue
            box = button.parentWidget()
            if isinstance(box, QDialogButtonBox) and box.buttonRole(button) in CLOSING_ROLES:
                continue
            found.append(button)
        # Buttons that save, delete or accept (which close the dialog) come last.
        return sorted(found, key=lambda b: (self._accepts(b), self._closes(b)))

    @staticmethod
    def _closes(button: QAbstractButton) -> bool:
        return _plain(button.text()).casefold().startswith(FINAL_WORDS)

    @staticmethod
    def _accepts(button: QAbstractButton) -> bool:
        box = button.parentWidget()
        return isinstance(box, QDialogButtonBox) and box.buttonRole(button) in ACCEPTING_ROLES

    def _sweep_once(self, root: QWidget, done: set[int], final: bool) -> None:
        if not (_alive(root) and root.isVisible()):
            return
        for view in self._views(root):
            if id(view) in done:
                continue
            view.setCurrentIndex(view.model().index(0, 0))
            self.settle()
        for button in self._buttons(root):
            if id(button) in done or not _alive(root) or not root.isVisible():
                continue
            if not final and (self._accepts(button) or self._closes(button)):
                continue
            done.add(id(button))
            if _alive(button) and button.isVisible() and button.isEnabled():
                self.press(button.text(), button.click)
        if not (_alive(root) and root.isVisible()):
            return
        for view in self._views(root):
            if id(view) in done:
                continue
            done.add(id(view))
            self.press(
                f"apri la prima riga di {type(view).__name__}",
                lambda view=view: self._open(view, view.model().index(0, 0)),
            )

    @staticmethod
    def _open(view: QAbstractItemView, index: QModelIndex) -> None:
        view.setCurrentIndex(index)
        view.doubleClicked.emit(index)
        if view.receivers("2activated(QModelIndex)") > 0:
            view.activated.emit(index)

    def press(self, label: str, action: Callable[[], None]) -> None:
        before = set(self.open_dialogs())
        self.where.append(_plain(label))
        try:
            self.pressed += 1
            action()
            self.settle()
            for dialog in self.open_dialogs():
                if dialog not in before and self.depth < MAX_DEPTH:
                    self.walk_dialog(dialog)
                elif dialog not in before:
                    self.close(dialog)
        finally:
            self.where.pop()

    # --- checks -------------------------------------------------------------------------

    def check_form(self, form: QDialog) -> None:
        """A role that may change nothing gets the record read-only (the fields another
        role may type in are counted, so that the check is known to see them)."""
        for widget in form.findChildren(QWidget):
            if not (widget.isVisibleTo(form) and widget.isEnabled()) or _ignored(widget, form):
                continue
            if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
                # a combo box's own line editor is judged with the combo box
                editable = not widget.isReadOnly() and not isinstance(widget.parent(), QComboBox)
            elif isinstance(widget, QAbstractButton):
                editable = widget.isCheckable() or self._accepts(widget)
            else:
                editable = isinstance(widget, QComboBox)
            if editable:
                self.editable_seen += 1
            if editable and self.read_only:
                name = widget.objectName() or type(widget).__name__
                text = _plain(widget.text()) if isinstance(widget, QAbstractButton) else ""
                self.editable.append(f"{self.here()}: {name} {text!r}".rstrip())

    def check_screen(self, root: QWidget) -> None:
        """No amount and no IBAN before a role that may not read money."""
        if not _alive(root):
            return
        for text in _visible_texts(root):
            if MONEY_TEXT.search(text) or IBAN_TEXT.search(text):
                self.money_seen += 1
                if not self.actor.can(Permission.READ_MONEY):
                    self.money.append(f"{self.here()}: {text[:80]!r}")


def _ignored(widget: QWidget, form: QWidget) -> bool:
    current: QWidget | None = widget
    while current is not None and current is not form:
        if current.property("formGuardIgnore"):
            return True
        current = current.parentWidget()
    return False


def _visible_texts(root: QWidget) -> Iterator[str]:
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            yield widget.text()
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            yield widget.toPlainText()
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            model = widget.model()
            if model is None:
                continue
            columns = (
                1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
            )
            for row in range(min(model.rowCount(QModelIndex()), 30)):
                for column in range(columns):
                    value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
                    if value is not None:
                        yield str(value)


def _usable(page: QWidget) -> bool:
    """Whether the page offers anything: a list with rows, a button, a field."""
    for widget in page.findChildren(QWidget):
        if not (widget.isVisibleTo(page) and widget.isEnabled()):
            continue
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            return True
        if isinstance(widget, QAbstractButton | QLineEdit | QComboBox | QAbstractSpinBox):
            return True
    return False


def _frame(tb: Any) -> tuple[str, str, int]:
    last = tb
    while last.tb_next is not None:
        last = last.tb_next
    code = last.tb_frame.f_code
    return Path(code.co_filename).name, code.co_name, last.tb_lineno


@pytest.fixture
def demo_db(db: Database) -> Database:
    demo.fill_demo_data(db, SYSTEM, people=12, seed=4)
    return db


def walk_window(qtbot: QtBot, db: Database, actor: Actor, walker: Walker) -> list[str]:
    """Every area of the main window, walked; the areas that show nothing to use and do not
    say why."""
    window = MainWindow(AppContext(db, actor))
    qtbot.addWidget(window)
    window.show()
    silent: list[str] = []
    with qtbot.captureExceptions() as raised:
        for index, title in enumerate(window.area_titles()):
            window.show_area(index)
            page = window.stack.currentWidget()
            walker.settle()
            if _usable(page):
                walker.walk_page(title, page)
                continue
            texts = " ".join(_visible_texts(page))
            if "non permette" not in texts and "riservat" not in texts:
                silent.append(title)
    for _type, value, tb in raised:
        name, function, line = _frame(tb)
        walker.unexpected.append(f"{name}:{line} {function}: {value!r}")
    return silent


@pytest.mark.parametrize("role", list(ROLE_PERMISSIONS), ids=lambda r: r.value)
def test_every_role_walks_the_window_without_a_refusal(
    qtbot: QtBot,
    demo_db: Database,
    role: Role,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # GIVEN the demo data and a user of the role logged in to the main window
    actor = make_user(demo_db, f"giro-{role.value}", role)
    walker = Walker(qtbot, actor, tmp_path)
    walker.install(monkeypatch)
    # WHEN every area is visited and everything in it pressed
    started = dt.datetime.now()
    silent = walk_window(qtbot, demo_db, actor, walker)
    elapsed = (dt.datetime.now() - started).total_seconds()
    print(
        f"\n{role.value}: {walker.pressed} pulsanti e righe premuti, {len(walker.dialogs)} "
        f"finestre aperte, {walker.saved_files} file salvati, {elapsed:.1f} s"
    )
    # THEN nothing shown was refused, nothing failed, and what may not be read or changed
    # was not offered
    findings = {
        "rifiuti del servizio": walker.denied,
        "errori imprevisti": walker.unexpected,
        "campi modificabili": walker.editable,
        "importi o IBAN visibili": walker.money,
        "aree vuote senza spiegazione": silent,
    }
    assert {k: v for k, v in findings.items() if v} == {}
    # ...and the walk did reach the records, their fields and the amounts of those who may
    # see them (a walk that saw nothing would pass every check above)
    assert walker.pressed >= 50 and len(walker.dialogs) >= 20
    assert (walker.editable_seen > 0) is not walker.read_only
    assert (walker.money_seen > 0) is actor.can(Permission.READ_MONEY)
