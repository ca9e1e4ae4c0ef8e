"""Tirocini: dates, the monthly indemnity by rule, monthly attendance, payments that feed
the convention's expenditures, money only for the roles that handle it, the agreement."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from tests.unit.pathway_helpers import make_org, make_pathway, make_person, make_staff, pdf_text
from tit_desktop.models import Role
from tit_desktop.services import clock, expenditure_feed, forms, timeline, tirocini
from tit_desktop.services.database import Database
from tit_desktop.services.errors import PermissionDenied, ValidationError
from tit_desktop.services.permissions import Actor

D = dt.date


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: D(2025, 8, 20))


class Ledger:
    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def recorded(self, session: Session, actor: Actor, payment: expenditure_feed.Payment) -> None:
        self.events.append(("recorded", payment))

    def removed(self, session: Session, actor: Actor, source: object, source_id: int) -> None:
        self.events.append(("removed", (source, source_id)))


@pytest.fixture
def ledger(monkeypatch: pytest.MonkeyPatch) -> Ledger:
    found = Ledger()
    monkeypatch.setattr(expenditure_feed, "_listeners", [found])
    return found


def test_the_indemnity_rule() -> None:
    full = Decimal("500.00")
    assert tirocini.indemnity_due(full, 80, 0, 80) == Decimal("500.00")
    assert tirocini.indemnity_due(full, 80, 0, 100) == Decimal("500.00")  # never above
    assert tirocini.indemnity_due(full, 80, 0, 60) == Decimal("375.00")
    assert tirocini.indemnity_due(full, 90, 0, 31) == Decimal("172.22")
    assert tirocini.indemnity_due(full, 80, 70, 55) == Decimal("0.00")  # below 70%
    assert tirocini.indemnity_due(full, 80, 70, 56) == Decimal("350.00")
    assert tirocini.indemnity_due(None, 80, 0, 80) is None


def _tirocinio(db: Database, actor: Actor, person_id: int, host: int, **kw: object) -> int:
    data = tirocini.TirocinioInput(
        person_id,
        host,
        "Marco Bianchi",
        D(2025, 3, 10),
        D(2025, 9, 9),
        80,
        Decimal("500.00"),
        50,
        "Aiuto cuoco",
    )
    with db.transaction(actor) as session:
        return tirocini.create_tirocinio(session, actor, replace(data, **kw))  # type: ignore[arg-type]


def test_dates_and_hours_are_checked(db: Database, admin: Actor) -> None:
    person_id = make_person(db, admin)
    host = make_org(db, admin)
    with pytest.raises(ValidationError) as err:
        _tirocinio(db, admin, person_id, host, end_date=D(2025, 3, 1), monthly_hours=0)
    assert "non può precedere l'inizio (10/03/2025)" in err.value.fields["end_date"]
    assert "monthly_hours" in err.value.fields
    tirocinio_id = _tirocinio(db, admin, person_id, host)
    with pytest.raises(ValidationError) as err, db.transaction(admin) as session:
        tirocini.record_month(session, admin, tirocinio_id, D(2025, 10, 1), 40)
    assert "10/2025 è fuori dal periodo del tirocinio" in err.value.fields["month"]


def test_attendance_payments_and_the_expenditure_feed(
    db: Database, actors: dict[Role, Actor], ledger: Ledger
) -> None:
    coordinator, operator = actors[Role.COORDINATOR], actors[Role.OPERATOR]
    person_id = make_person(db, coordinator)
    host = make_org(db, coordinator)
    tirocinio_id = _tirocinio(db, coordinator, person_id, host)
    with db.transaction(operator) as session:
        tirocini.record_month(session, operator, tirocinio_id, D(2025, 3, 15), 40)
        tirocini.record_month(session, operator, tirocinio_id, D(2025, 4, 1), 30)
        # the operator sees the months, not the money
        months = tirocini.months_of(session, operator, tirocinio_id)
        assert months[0].hours_attended == 40 and months[0].indemnity_due is None
        assert tirocini.get_tirocinio(session, operator, tirocinio_id).monthly_indemnity is None
    with pytest.raises(PermissionDenied), db.transaction(operator) as session:
        tirocini.record_payment(
            session, operator, tirocinio_id, D(2025, 3, 1), Decimal("250.00"), D(2025, 4, 5)
        )
    with db.transaction(coordinator) as session:
        months = tirocini.months_of(session, coordinator, tirocinio_id)
        assert [m.indemnity_due for m in months[:2]] == [Decimal("250.00"), Decimal("0.00")]
        assert len(months) == 7  # March to September
        payment_id = tirocini.record_payment(
            session, coordinator, tirocinio_id, D(2025, 3, 1), Decimal("250.00"), D(2025, 4, 5)
        )
    with pytest.raises(ValidationError) as err, db.transaction(coordinator) as session:
        tirocini.record_payment(
            session, coordinator, tirocinio_id, D(2025, 3, 1), Decimal("10.00"), D(2025, 4, 6)
        )
    assert "03/2025 è già pagato (250,00 EUR il 05/04/2025)" in err.value.fields["month"]
    with pytest.raises(ValidationError) as err, db.transaction(coordinator) as session:
        tirocini.record_payment(
            session, coordinator, tirocinio_id, D(2025, 4, 1), Decimal("10.00"), D(2025, 5, 6)
        )
    assert "più dell'indennità spettante per 30 ore (0,00 EUR)" in err.value.fields["amount"]
    [(kind, payment)] = ledger.events
    assert kind == "recorded" and isinstance(payment, expenditure_feed.Payment)
    assert payment.source is expenditure_feed.PaymentSource.TIROCINIO_PAYMENT
    assert (payment.source_id, payment.amount, payment.paid_on) == (
        payment_id,
        Decimal("250.00"),
        D(2025, 4, 5),
    )
    assert payment.description == "Indennità di tirocinio 03/2025 presso Cooperativa La Lanterna"
    with db.transaction(coordinator) as session:
        version = tirocini.months_of(session, coordinator, tirocinio_id)[0].payment_version
        assert version is not None
        tirocini.remove_payment(session, coordinator, payment_id, version)
    assert ledger.events[-1] == (
        "removed",
        (expenditure_feed.PaymentSource.TIROCINIO_PAYMENT, payment_id),
    )


def test_the_operator_cannot_set_the_indemnity(db: Database, actors: dict[Role, Actor]) -> None:
    operator = actors[Role.OPERATOR]
    person_id = make_person(db, operator)
    host = make_org(db, operator)
    with pytest.raises(PermissionDenied):
        _tirocinio(db, operator, person_id, host)
    tirocinio_id = _tirocinio(db, operator, person_id, host, monthly_indemnity=None)
    with db.reading() as session:
        view = tirocini.get_tirocinio(session, actors[Role.COORDINATOR], tirocinio_id)
    assert view.monthly_indemnity is None
    assert view.rule == "Indennità mensile non ancora stabilita dal coordinatore."


def test_the_agreement_prints_with_the_rule(db: Database, admin: Actor) -> None:
    person_id = make_person(db, admin)
    staff = make_staff(db, admin)
    make_pathway(db, admin, person_id, staff_id=staff)
    host = make_org(db, admin)
    _tirocinio(db, admin, person_id, host)
    out = io.BytesIO()
    with db.transaction(admin) as session:
        forms.print_document(session, admin, "progetto-tirocinio", {"person": "TIU-00001"}, out)
        events = timeline.events_for(session, admin, person_id, only=["tirocini"])
    text = pdf_text(out.getvalue())
    assert "Progetto di tirocinio di inclusione" in text
    assert "Cooperativa La Lanterna" in text and "Marco Bianchi" in text
    assert "dal 10/03/2025 al 09/09/2025" in text and "Giulia Rossi" in text
    assert "L'indennità mensile è di 500,00 € per 80 ore svolte" in text
    assert "non spetta nei mesi con meno del 50% delle ore previste" in text
    assert [(e.title, e.until) for e in events] == [
        ("Tirocinio presso Cooperativa La Lanterna", D(2025, 9, 9))
    ]
