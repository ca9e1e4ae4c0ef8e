"""The crash behind the flaky UI suite, in twenty lines (PySide6 6.12, Python 3.11).

A signal connected to a bound method of a plain Python object makes PySide watch that
object with a weak reference whose callback disconnects. When the object's last reference
dies in another thread while the GUI thread deletes the sender, the callback tears the
connection down concurrently with the sender's destructor: a segfault in
QMetaObject::Connection::~Connection or an abort, in about one run of this script in
five (2 of 13 measured here; each run is 300 rounds):

    QT_QPA_PLATFORM=offscreen python -X dev benchmarks/pyside_cross_thread_disconnect.py

run_in_background used to do exactly this (dialog.canceled.connect(progress.cancel), the
Progress last held by the runnable QThreadPool deletes in its worker). Qt objects are not
thread-safe: the fix is the owner's (tit_desktop/ui/background.py), not a library pin.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QProgressDialog


class Plain:
    def cancel(self) -> None:
        pass


def _drop(go: threading.Event, holder: list[Plain]) -> None:
    go.wait()
    holder.clear()  # the last reference dies in this thread


def main(rounds: int = 300) -> None:
    app = QApplication([])
    for _ in range(rounds):
        dialog = QProgressDialog("x", "Annulla", 0, 0, None)
        holder = [Plain()]
        dialog.canceled.connect(holder[0].cancel)
        go = threading.Event()

        thread = threading.Thread(target=_drop, args=(go, holder))
        thread.start()
        go.set()
        dialog.deleteLater()
        del dialog
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        thread.join()
    print("no crash in", rounds, "rounds")


if __name__ == "__main__":
    main()
