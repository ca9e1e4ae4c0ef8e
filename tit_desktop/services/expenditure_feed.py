"""Payments made by other areas that become expenditures of the convention by themselves.

DOMAIN.md 6: a contribution paid to a host family and a tirocinio indemnity each become an
expenditure dated on its payment date, eligible = amount, on the budget line of category
``contributi a famiglie`` (or ``indennita tirocini``) of the convention in force that day,
linked to its source and changed only through it.

The paying area calls :func:`payment_recorded` when a payment is recorded or changed and
:func:`payment_removed` when it is cancelled, inside the same transaction. The convention area
registers the one :data:`Listener` that keeps the expenditure register in step (and may
refuse, e.g. when the expenditure is locked by a submitted payment request: the
``ConflictError``/``ValidationError`` it raises rolls back the payment too). Until a listener
is registered, nothing happens.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from sqlalchemy.orm import Session

from tit_desktop.models.convention import CostCategory, PaymentSource
from tit_desktop.services.permissions import Actor

# The enums are stored on the convention's tables, so they live with the models; they are
# re-exported here, where the paying areas look for them.
__all__ = ["SOURCE_CATEGORY", "CostCategory", "Listener", "Payment", "PaymentSource"]


SOURCE_CATEGORY: dict[PaymentSource, CostCategory] = {
    PaymentSource.HOSTING_CONTRIBUTION: CostCategory.FAMILY_CONTRIBUTIONS,
    PaymentSource.TIROCINIO_PAYMENT: CostCategory.TRAINEESHIP_ALLOWANCES,
}


@dataclass(frozen=True)
class Payment:
    """A payment as the paying area knows it. ``payee`` (the family, the trainee) and
    ``description`` are Italian text for the register; ``tax_code`` the payee's codice fiscale
    when known."""

    source: PaymentSource
    source_id: int
    paid_on: dt.date
    amount: Decimal
    payee: str
    description: str
    tax_code: str | None = None


class Listener(Protocol):
    def recorded(self, session: Session, actor: Actor, payment: Payment) -> None: ...

    def removed(
        self, session: Session, actor: Actor, source: PaymentSource, source_id: int
    ) -> None: ...


_listeners: list[Listener] = []

LISTENER_MODULES: tuple[str, ...] = ("tit_desktop.services.convention.expenditures",)
"""Service modules that register a listener when imported (the convention's expenditures)."""


def register_listener(listener: Listener) -> None:
    _listeners.append(listener)


def _import_listeners() -> None:
    for module in LISTENER_MODULES:
        importlib.import_module(module)


def payment_recorded(session: Session, actor: Actor, payment: Payment) -> None:
    """A payment was recorded or changed (same source and id: the expenditure follows)."""
    _import_listeners()
    for listener in _listeners:
        listener.recorded(session, actor, payment)


def payment_removed(session: Session, actor: Actor, source: PaymentSource, source_id: int) -> None:
    """A payment was cancelled or its paid date cleared: its expenditure goes too."""
    _import_listeners()
    for listener in _listeners:
        listener.removed(session, actor, source, source_id)
