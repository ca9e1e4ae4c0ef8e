"""The person's timeline: one chronological list of everything about a person.

Each area contributes the events it owns through :func:`register_provider` (stays, hostings,
meals per month, street contacts, percorsi, plan events, courses, tirocini, printed
documents...). The timeline screen, the person's record tabs and the printed timeline all read
:func:`events_for`, so an area that arrives later appears everywhere without touching them.

A provider must check the actor's permission for what it returns (or return nothing it may
not see), query with SQL (no loading of whole tables), and give plain data.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from tit_desktop.services.permissions import Actor, Permission, require


@dataclass(frozen=True)
class TimelineEvent:
    """One thing that happened to a person.

    ``day`` orders the timeline (the start of a period); ``until`` ends a period (the
    departure of a stay, the last day of a hosting) or is None; ``kind`` is the provider's
    key (filterable); ``title`` and ``detail`` are Italian text as the screen shows them;
    ``entity``/``entity_id`` name the record, so a double click can open it."""

    day: dt.date
    kind: str
    title: str
    detail: str = ""
    until: dt.date | None = None
    entity: str = ""
    entity_id: int | None = None


TimelineProvider = Callable[[Session, Actor, int], Iterable[TimelineEvent]]


@dataclass(frozen=True)
class Provider:
    kind: str
    label: str  # Italian, plural: "Soggiorni", "Pasti"
    events: TimelineProvider


_PROVIDERS: dict[str, Provider] = {}

PROVIDER_MODULES: tuple[str, ...] = (
    "tit_desktop.services.hosting",
    "tit_desktop.services.street",
    "tit_desktop.services.housing",
    "tit_desktop.services.person_timeline",
    "tit_desktop.services.pathways",
    "tit_desktop.services.plans",
    "tit_desktop.services.courses",
    "tit_desktop.services.tirocini",
    "tit_desktop.services.canteen",
)
"""Service modules that register a provider when imported (one line per area)."""


def register_provider(kind: str, label: str, events: TimelineProvider) -> None:
    _PROVIDERS[kind] = Provider(kind, label, events)


def _import_providers() -> None:
    for module in PROVIDER_MODULES:
        importlib.import_module(module)


def kinds() -> list[Provider]:
    """Every kind of event, in registration order (the filter's choices)."""
    _import_providers()
    return list(_PROVIDERS.values())


def events_for(
    session: Session, actor: Actor, person_id: int, only: Iterable[str] | None = None
) -> list[TimelineEvent]:
    """The person's events, newest first (by day, then kind)."""
    require(actor, Permission.READ_REGISTRY)
    _import_providers()
    wanted = set(only) if only is not None else None
    events: list[TimelineEvent] = []
    for provider in _PROVIDERS.values():
        if wanted is not None and provider.kind not in wanted:
            continue
        events.extend(provider.events(session, actor, person_id))
    events.sort(key=lambda e: (e.day, e.kind, e.entity_id or 0), reverse=True)
    return events
