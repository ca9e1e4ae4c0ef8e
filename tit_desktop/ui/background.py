"""Run long work off the GUI thread, with a progress dialog and a cancel button.

``work(progress)`` runs in a worker thread and never touches widgets; it may call
``progress.report(done, total, text)`` and should stop early (raising ``Cancelled``)
when ``progress.cancelled`` is true. ``on_success(result)`` or ``on_error(exc)`` then
run on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised by work that noticed the user pressed Annulla."""


class Progress:
    """Passed to the work function: thread-safe reporting and the cancel flag."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._relay.progressed.emit(done, total, text)


class _Relay(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], relay: _Relay, progress: Progress) -> None:
        super().__init__()
        self._work = work
        self._relay = relay
        self._progress = progress

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except BaseException as exc:  # handed to the GUI thread, which decides
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


_running: set[_Relay] = set()


def run_in_background(
    parent: QWidget | None,
    work: Callable[[Progress], Any],
    on_success: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    progress: str | None = None,
    cancellable: bool = True,
) -> Progress:
    """Start ``work`` in the thread pool. With ``progress`` text, a modal progress dialog
    shows after 400 ms (quick work never flashes a dialog)."""
    relay = _Relay()
    state = Progress(relay)
    _running.add(relay)
    dialog: QProgressDialog | None = None
    if progress is not None:
        dialog = QProgressDialog(progress, "Annulla" if cancellable else "", 0, 0, parent)
        dialog.setWindowTitle("Attendere")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(state.cancel)

        def _on_progress(done: int, total: int, text: str) -> None:
            assert dialog is not None
            dialog.setMaximum(max(total, 0))
            dialog.setValue(done)
            if text:
                dialog.setLabelText(text)

        relay.progressed.connect(_on_progress)

    def _finish() -> None:
        _running.discard(relay)
        if dialog is not None:
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()

    def _ok(result: Any) -> None:
        _finish()
        on_success(result)

    def _fail(exc: BaseException) -> None:
        _finish()
        if not isinstance(exc, Cancelled):
            log.info("Background work failed: %r", exc)
        on_error(exc)

    relay.succeeded.connect(_ok, Qt.ConnectionType.QueuedConnection)
    relay.failed.connect(_fail, Qt.ConnectionType.QueuedConnection)
    # Start on the next turn of the event loop so that connections are in place.
    QTimer.singleShot(0, lambda: QThreadPool.globalInstance().start(_Task(work, relay, state)))
    return state
