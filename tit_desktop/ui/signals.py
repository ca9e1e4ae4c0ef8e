"""One application-wide signal, emitted after every write, saying what changed.

Screens connect to it and refresh what concerns them (Anki's operation_did_execute).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppSignals(QObject):
    # The set of entity names that changed, e.g. {"person"} or {"app_user"}.
    changed = Signal(object)


_signals: AppSignals | None = None


def app_signals() -> AppSignals:
    global _signals
    if _signals is None:
        _signals = AppSignals()
    return _signals


def notify_changed(*entities: str) -> None:
    app_signals().changed.emit(frozenset(entities))
