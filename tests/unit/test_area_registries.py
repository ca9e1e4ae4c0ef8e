"""The registries the areas plug into: forms with selectors, timeline providers, Home
reminders, payments that become expenditures. Each is tested here with a stand-in area."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import IO

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tit_desktop.models import AuditEntry
from tit_desktop.reports import forms as form_registry
from tit_desktop.services import expenditure_feed, forms, reminders, timeline
from tit_desktop.services.database import Database
from tit_desktop.services.errors import PermissionDenied, ValidationError
from tit_desktop.services.permissions import Actor


@pytest.fixture
def unit_form(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Mapping[str, str]]]:
    """A stand-in form about a unit and a month, whose filler records what it was given."""
    spec = form_registry.FormSpec(
        name="prova-registro",
        title="Registro di prova",
        selectors=("alloggio", "month", "date"),
        optional=("date",),
    )
    monkeypatch.setitem(form_registry.FORMS, spec.name, spec)
    seen: list[Mapping[str, str]] = []

    def fill(
        session: Session,
        actor: Actor,
        selection: Mapping[str, str],
        lang: str,
        out: str | Path | IO[bytes],
    ) -> forms.Printed:
        seen.append(selection)
        assert not isinstance(out, str | Path)
        out.write(b"%PDF-1.4 prova")
        return forms.Printed("housing_unit", 7, subjects=(3, 4))

    forms.register_filler(spec.name, fill)
    yield seen
    forms._FILLERS.pop(spec.name, None)


def test_a_form_with_selectors_gets_them_and_is_audited(
    db: Database, admin: Actor, unit_form: list[Mapping[str, str]]
) -> None:
    buffer = io.BytesIO()
    with db.transaction(admin) as session:
        printed = forms.print_document(
            session,
            admin,
            "prova-registro",
            {"alloggio": " Casa Aurora ", "month": "03/2026", "date": None},
            buffer,
        )
    assert unit_form == [{"alloggio": "Casa Aurora", "month": "03/2026"}]
    assert printed.entity_id == 7 and buffer.getvalue().startswith(b"%PDF")
    with db.reading() as session:
        row = session.scalars(select(AuditEntry).where(AuditEntry.entity == "housing_unit")).one()
    assert row.detail == "modulo prova-registro (it)" and row.entity_id == "7"


def test_a_missing_or_foreign_selector_is_named(
    db: Database, admin: Actor, unit_form: list[Mapping[str, str]]
) -> None:
    with db.transaction(admin) as session, pytest.raises(ValidationError) as missing:
        forms.print_document(session, admin, "prova-registro", {"alloggio": "A"}, io.BytesIO())
    assert missing.value.fields == {
        "month": "il modulo «prova-registro» richiede mese (--month mm/yyyy)"
    }
    with db.transaction(admin) as session, pytest.raises(ValidationError) as extra:
        forms.print_document(
            session,
            admin,
            "prova-registro",
            {"alloggio": "A", "month": "03/2026", "person": "X"},
            io.BytesIO(),
        )
    assert extra.value.fields == {"person": "il modulo «prova-registro» non usa --person"}
    assert unit_form == []


def test_every_declared_form_has_its_filler() -> None:
    forms._import_area_fillers()
    assert set(form_registry.FORMS) <= set(forms._FILLERS)
    assert form_registry.get_form("scheda-iscrizione").usage() == (
        "--person CODICE [--lang it|en|fr]"
    )


def test_the_read_only_role_prints_nothing(
    db: Database, actors: dict, unit_form: list[Mapping[str, str]]
) -> None:
    from tit_desktop.models.user import Role

    reader = actors[Role.READ_ONLY]
    with db.transaction(reader) as session, pytest.raises(PermissionDenied):
        forms.print_document(
            session, reader, "prova-registro", {"alloggio": "A", "month": "03/2026"}, io.BytesIO()
        )
    assert unit_form == []


def test_timeline_merges_providers_newest_first(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline, "_PROVIDERS", {})
    monkeypatch.setattr(timeline, "PROVIDER_MODULES", ())  # only this test's providers

    def stays(_s: Session, _a: Actor, person_id: int) -> list[timeline.TimelineEvent]:
        return [
            timeline.TimelineEvent(dt.date(2025, 1, 5), "stay", "Soggiorno", until=None),
            timeline.TimelineEvent(dt.date(2025, 3, 1), "stay", f"Soggiorno {person_id}"),
        ]

    def meals(_s: Session, _a: Actor, _p: int) -> list[timeline.TimelineEvent]:
        return [timeline.TimelineEvent(dt.date(2025, 2, 1), "meal", "Pasti di febbraio")]

    timeline.register_provider("stay", "Soggiorni", stays)
    timeline.register_provider("meal", "Pasti", meals)
    with db.reading() as session:
        events = timeline.events_for(session, admin, 9)
        only_meals = timeline.events_for(session, admin, 9, only={"meal"})
    assert [e.day.month for e in events] == [3, 2, 1]
    assert events[0].title == "Soggiorno 9"
    assert [e.kind for e in only_meals] == ["meal"]
    assert [p.label for p in timeline.kinds()] == ["Soggiorni", "Pasti"]


def test_reminders_put_the_overdue_first(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reminders, "_PROVIDERS", {})
    today = dt.date(2026, 11, 28)

    def due(_s: Session, _a: Actor, day: dt.date) -> list[reminders.Reminder]:
        return [
            reminders.Reminder(day + dt.timedelta(days=3), "convention", "Monitoraggio"),
            reminders.Reminder(day - dt.timedelta(days=40), "families", "Contributo", True),
        ]

    reminders.register_provider("prova", due)
    with db.reading() as session:
        found = reminders.reminders_for(session, admin, today)
    assert [r.text for r in found] == ["Contributo", "Monitoraggio"]


def test_payments_reach_the_registered_listener(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []

    class Register:
        def recorded(self, _s: Session, _a: Actor, payment: expenditure_feed.Payment) -> None:
            calls.append(payment)

        def removed(
            self,
            _s: Session,
            _a: Actor,
            source: expenditure_feed.PaymentSource,
            source_id: int,
        ) -> None:
            calls.append((source, source_id))

    monkeypatch.setattr(expenditure_feed, "_listeners", [])
    expenditure_feed.register_listener(Register())
    payment = expenditure_feed.Payment(
        expenditure_feed.PaymentSource.HOSTING_CONTRIBUTION,
        12,
        dt.date(2026, 3, 31),
        Decimal("350.00"),
        "Famiglia Rossi",
        "Contributo marzo 2026",
    )
    with db.transaction(admin) as session:
        expenditure_feed.payment_recorded(session, admin, payment)
        expenditure_feed.payment_removed(
            session, admin, expenditure_feed.PaymentSource.HOSTING_CONTRIBUTION, 12
        )
    assert calls == [payment, (expenditure_feed.PaymentSource.HOSTING_CONTRIBUTION, 12)]
    assert (
        expenditure_feed.SOURCE_CATEGORY[payment.source]
        == expenditure_feed.CostCategory.FAMILY_CONTRIBUTIONS
    )
