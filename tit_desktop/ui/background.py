"""Run long work off the GUI thread, with a progress dialog and a cancel button.

``work(progress)`` runs in a worker thread and never touches widgets; it may call
``progress.report(done, total, text)`` and should stop early (raising ``Cancelled``)
when ``progress.cancelled`` is true. ``on_success(result)`` or ``on_error(exc)`` then
run on the GUI thread.

Who owns what (a crash in the test suite came from getting this wrong): everything the
work touches (the work function and what it captured, the ``Progress``, the result or the
exception, the relay QObject) is owned by a ``_Job`` that the GUI thread keeps in
``_running``. The worker only borrows the job: it drops every reference it holds and only
then says so (``_Job.released``); the GUI thread forgets the job after that, so the last
reference to each of those objects dies on the GUI thread. Otherwise Python finalised them
in the pool's thread when QThreadPool deleted the runnable there: a Python-owned QObject
deleted from the wrong thread, or PySide's weak-reference callback of a connection
(``canceled.connect(progress.cancel)``) tearing down a QMetaObject::Connection in the
worker while the GUI thread deleted the progress dialog: a segfault a few runs in ten.
The relay, once done, is deleted with deleteLater on its own (the GUI) thread, which also
frees the callbacks connected to it (they used to keep their widgets alive for ever).
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
    done = Signal()


class _Job:
    """What one background run owns; kept by the GUI thread until the worker let go."""

    def __init__(self, work: Callable[[Progress], Any], relay: _Relay, progress: Progress) -> None:
        self.work: Callable[[Progress], Any] | None = work
        self.relay = relay
        self.progress = progress
        self.outcome: tuple[bool, Any] | None = None
        # Set by the worker after it dropped all its references (a plain Python object:
        # safe to finalise in any thread).
        self.released = threading.Event()


class _Task(QRunnable):
    """Auto-deleted by QThreadPool in the worker thread: holds nothing by then."""

    def __init__(self, job: _Job) -> None:
        super().__init__()
        self._job: _Job | None = job

    def run(self) -> None:
        job, self._job = self._job, None
        assert job is not None and job.work is not None
        job.outcome = _call(job.work, job.progress)
        relay, released = job.relay, job.released
        del job
        relay.done.emit()
        del relay
        released.set()


def _call(work: Callable[[Progress], Any], progress: Progress) -> tuple[bool, Any]:
    """The work's outcome. A frame of its own: an exception's traceback keeps this frame's
    locals (the work and the progress, which the job owns anyway), not the job itself."""
    try:
        return True, work(progress)
    except BaseException as exc:  # handed to the GUI thread, which decides
        return False, exc


_running: set[_Job] = set()
# How often the GUI thread looks again for a worker that has not yet let go of its job
# (it is a matter of microseconds: the worker's last two statements).
_RELEASE_POLL_MS = 5


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
    job = _Job(work, relay, state)
    _running.add(job)
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
        # A closure, not the bound method state.cancel: PySide watches a bound method's
        # object with a weak reference whose callback disconnects, and that callback ran
        # wherever the Progress died. The dialog owns the closure and frees it on its thread.
        dialog.canceled.connect(lambda: state.cancel())

        def _on_progress(done: int, total: int, text: str) -> None:
            assert dialog is not None
            dialog.setMaximum(max(total, 0))
            dialog.setValue(done)
            if text:
                dialog.setLabelText(text)

        relay.progressed.connect(_on_progress)

    def _finish() -> None:
        if dialog is not None:
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()
        assert job.outcome is not None
        ok, value = job.outcome
        job.outcome = None
        job.work = None
        _forget(job)
        if ok:
            on_success(value)
        else:
            if not isinstance(value, Cancelled):
                # The text, not the exception: a kept log record would keep its traceback
                # (the worker's frames and what they hold) alive.
                log.info("Background work failed: %s", repr(value))
            on_error(value)

    relay.done.connect(_finish, Qt.ConnectionType.QueuedConnection)
    # Start on the next turn of the event loop so that connections are in place.
    QTimer.singleShot(0, lambda: QThreadPool.globalInstance().start(_Task(job)))
    return state


def _forget(job: _Job) -> None:
    """On the GUI thread: drop the job once the worker has let go of it."""
    if not job.released.is_set():
        QTimer.singleShot(_RELEASE_POLL_MS, lambda: _forget(job))
        return
    # Deleting the relay frees the callbacks connected to it; later, as the queued
    # signal that called us is still being delivered.
    job.relay.deleteLater()
    _running.discard(job)


def running_count() -> int:
    """Background runs not yet finished (for tests and for closing the application)."""
    return len(_running)
