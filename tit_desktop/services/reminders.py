"""Reminders on the Home screen: what needs someone's attention, from every area.

An area registers a provider (``unpaid host-family contributions older than 30 days``,
``overdue plan actions of this operator``, ``deadlines within N days``...). The Home screen
shows them all in one list, most urgent first; each names the record it is about so a double
click opens it. A provider returns only what the actor may see (a role without money gets no
money reminder) and must be cheap: it runs every time Home refreshes.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from tit_desktop.services.permissions import Actor


@dataclass(frozen=True)
class Reminder:
    """``due``: when it is (or was) due; ``overdue`` shows it in red; ``area`` is the sidebar
    key of the area that owns it (``families``, ``convention``...); ``text`` is Italian."""

    due: dt.date
    area: str
    text: str
    overdue: bool = False
    entity: str = ""
    entity_id: int | None = None
    person_id: int | None = None


ReminderProvider = Callable[[Session, Actor, dt.date], Iterable[Reminder]]

_PROVIDERS: dict[str, ReminderProvider] = {}

PROVIDER_MODULES: tuple[str, ...] = (
    "tit_desktop.services.hosting",
    "tit_desktop.services.convention.deadlines",
    "tit_desktop.services.plans",
)
"""Service modules that register a provider when imported (one line per area)."""


def register_provider(key: str, provider: ReminderProvider) -> None:
    _PROVIDERS[key] = provider


def reminders_for(session: Session, actor: Actor, today: dt.date) -> list[Reminder]:
    """Everything due, overdue first, then by date."""
    for module in PROVIDER_MODULES:
        importlib.import_module(module)
    found: list[Reminder] = []
    for provider in _PROVIDERS.values():
        found.extend(provider(session, actor, today))
    found.sort(key=lambda r: (not r.overdue, r.due, r.area, r.text))
    return found
