"""run_in_background: whatever the work owns dies on the GUI thread, nothing is leaked.

The suite used to segfault a few runs in ten: QThreadPool deletes the runnable in its own
thread, and the runnable held the last reference to the work (and what it captured) and to
the Progress, whose death ran PySide's disconnect callback there while the GUI thread
deleted the progress dialog. These tests fail (or crash) when anything the work owns is
finalised in a worker thread, or when a finished run keeps its objects alive.
"""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

import shiboken6
from pytestqt.qtbot import QtBot

from tit_desktop.ui import background
from tit_desktop.ui.background import Cancelled, Progress, run_in_background

RUNS = 40
WAIT_MS = 10_000


class _Captured:
    """Stands for what a work function captures (a widget, a session...)."""


def _watch(obj: object, deaths: list[str]) -> None:
    weakref.finalize(obj, lambda: deaths.append(threading.current_thread().name))


def test_the_work_its_captures_and_the_progress_die_on_the_gui_thread(qtbot: QtBot) -> None:
    gui = threading.current_thread().name
    deaths: list[str] = []
    results: list[Any] = []
    relays: list[object] = []
    for i in range(RUNS):
        captured = _Captured()
        _watch(captured, deaths)

        def work(progress: Progress, captured: _Captured = captured, i: int = i) -> int:
            progress.report(1, 2, "metà")
            return i

        state = run_in_background(
            None,
            work,
            results.append,
            lambda exc: results.append(exc),
            progress="Lavoro" if i % 2 else None,
        )
        _watch(state, deaths)
        relays.append(state._relay)
        del captured, work, state
        if i % 5 == 0:
            gc.collect()
    qtbot.waitUntil(lambda: background.running_count() == 0, timeout=WAIT_MS)
    assert sorted(results) == list(range(RUNS))

    def all_dead() -> bool:
        gc.collect()
        return len(deaths) == 2 * RUNS

    # Every run's captures and Progress (RUNS of each; a Progress lives until its dialog
    # is deleted) died, all on the GUI thread.
    qtbot.waitUntil(all_dead, timeout=WAIT_MS)
    assert deaths == [gui] * (2 * RUNS)
    # The relays are deleted on their own (the GUI) thread, not leaked.
    qtbot.waitUntil(lambda: not any(shiboken6.isValid(r) for r in relays), timeout=WAIT_MS)


def test_a_finished_run_frees_its_callbacks(qtbot: QtBot) -> None:
    class Receiver:
        def __init__(self) -> None:
            self.got: list[object] = []

        def ok(self, result: object) -> None:
            self.got.append(result)

        def fail(self, exc: BaseException) -> None:
            self.got.append(exc)

    receiver = Receiver()
    got, alive = receiver.got, weakref.ref(receiver)
    run_in_background(None, lambda _p: "fatto", receiver.ok, receiver.fail, progress="Lavoro")
    del receiver
    qtbot.waitUntil(lambda: got == ["fatto"], timeout=WAIT_MS)

    def freed() -> bool:
        gc.collect()
        return alive() is None

    # Before, the relay's connections kept the callbacks (and their widgets) for ever.
    qtbot.waitUntil(freed, timeout=WAIT_MS)


def test_failure_and_cancel_reach_the_gui_thread_and_die_there(qtbot: QtBot) -> None:
    gui = threading.current_thread().name
    deaths: list[str] = []
    errors: list[BaseException] = []
    started = threading.Event()

    def failing(_progress: Progress) -> None:
        raise ValueError("file rovinato")

    def cancellable(progress: Progress) -> None:
        started.set()
        while True:
            progress.check()
            threading.Event().wait(0.005)

    for work in (failing, cancellable):
        captured = _Captured()
        _watch(captured, deaths)
        state = run_in_background(
            None,
            lambda p, work=work, captured=captured: work(p),
            lambda _r: None,
            errors.append,
            progress="Lavoro",
        )
        if work is cancellable:
            qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
            state.cancel()
        del captured, state
    qtbot.waitUntil(lambda: background.running_count() == 0, timeout=WAIT_MS)
    assert [type(e) for e in errors] == [ValueError, Cancelled]
    errors.clear()  # the tracebacks hold the work's frames
    gc.collect()
    assert deaths == [gui, gui]
