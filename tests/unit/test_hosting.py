"""Host families, hosting agreements and the contributions ledger: the rules, in the
services and in the database itself, on both engines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tit_desktop.models import AuditEntry, HostingAgreement, HostingContribution, HostingTime
from tit_desktop.models.user import Role
from tit_desktop.services import clock, expenditure_feed, hosting, persons, reminders, timeline
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ConflictError, PermissionDenied, ValidationError
from tit_desktop.services.gdpr.registry import uncovered_person_tables
from tit_desktop.services.permissions import Actor

IBAN = "IT60X0542811101000000123456"
TODAY = dt.date(2026, 11, 28)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _person(db: Database, actor: Actor, code: str, intake: dt.date = dt.date(2025, 1, 10)) -> int:
    with db.transaction(actor) as session:
        return persons.create_person(
            session,
            actor,
            persons.PersonInput(
                code=code, last_name="Diallo", first_name="Awa", intake_date=intake
            ),
        ).id


def _family(db: Database, actor: Actor, name: str = "Rossi", iban: str | None = IBAN) -> int:
    with db.transaction(actor) as session:
        return hosting.create_family(
            session,
            actor,
            hosting.FamilyInput(name=name, contact_person="Maria Rossi", iban=iban),
        )


def _agreement(
    db: Database,
    actor: Actor,
    family_id: int,
    code: str,
    start: dt.date,
    end: dt.date | None,
    time: HostingTime = HostingTime.PART,
    amount: Decimal | None = None,
) -> int:
    with db.transaction(actor) as session:
        return hosting.create_agreement(
            session,
            actor,
            hosting.AgreementInput(
                family_id=family_id,
                person_code=code,
                start_date=start,
                end_date=end,
                time=time.value,
                monthly_amount=amount,
            ),
        )


# --- pure rules ---------------------------------------------------------------------------


def test_iban_check_digits_and_italian_length() -> None:
    assert hosting.iban_problem(IBAN) is None
    assert hosting.normalise_iban(" it60 x054 2811 1010 0000 0123 456 ") == IBAN
    wrong_check = IBAN[:2] + "61" + IBAN[4:]
    assert "cifre di controllo" in str(hosting.iban_problem(wrong_check))
    assert hosting.iban_problem(IBAN[:-1]) == "un IBAN italiano ha 27 caratteri (qui sono 26)"
    assert hosting.iban_problem("GB82WEST12345698765432") is None
    assert "solo lettere e cifre" in str(hosting.iban_problem("IT60-X054"))


def test_partial_months_are_pro_rata_by_days_rounded_half_up() -> None:
    start, end = dt.date(2026, 3, 16), dt.date(2026, 9, 15)
    assert hosting.amount_for_month(Decimal("550.00"), start, end, dt.date(2026, 3, 1)) == (
        16,
        Decimal("283.87"),  # 550 x 16 / 31 = 283.870...
    )
    assert hosting.amount_for_month(Decimal("550.00"), start, end, dt.date(2026, 4, 1)) == (
        30,
        Decimal("550.00"),
    )
    assert hosting.amount_for_month(Decimal("550.00"), start, end, dt.date(2026, 9, 1)) == (
        15,
        Decimal("275.00"),
    )
    # 0,01 x 15 / 30 = 0,005: half up gives a cent (banker's rounding would give none).
    assert hosting.amount_for_month(
        Decimal("0.01"), dt.date(2026, 6, 16), None, dt.date(2026, 6, 1)
    ) == (15, Decimal("0.01"))
    assert hosting.months_of(start, end, TODAY)[0] == dt.date(2026, 3, 1)
    assert len(hosting.months_of(start, end, TODAY)) == 7
    assert hosting.months_of(dt.date(2026, 10, 5), None, TODAY) == [
        dt.date(2026, 10, 1),
        dt.date(2026, 11, 1),
    ]


# --- families -------------------------------------------------------------------------------


def test_family_iban_refused_at_its_field_and_name_unique(db: Database, admin: Actor) -> None:
    with db.transaction(admin) as session, pytest.raises(ValidationError) as bad:
        hosting.create_family(
            session, admin, hosting.FamilyInput(name="Bianchi", iban=IBAN[:2] + "00" + IBAN[4:])
        )
    assert set(bad.value.fields) == {"iban"}
    _family(db, admin, "Bianchi")
    with db.transaction(admin) as session, pytest.raises(ValidationError) as twice:
        hosting.create_family(session, admin, hosting.FamilyInput(name="bianchi"))
    assert "esiste già una famiglia" in twice.value.fields["name"]


def test_operator_manages_families_without_seeing_or_changing_the_iban(
    db: Database, actors: dict[Role, Actor]
) -> None:
    operator = actors[Role.OPERATOR]
    family_id = _family(db, actors[Role.COORDINATOR])
    with db.reading() as session:
        detail = hosting.open_family(session, operator, family_id)
    assert detail.data.iban is None and not detail.iban_visible
    with db.transaction(operator) as session:
        data = detail.data
        data.phone = "071 123456"
        hosting.update_family(session, operator, family_id, data, detail.version)
    with db.reading() as session:
        seen = hosting.open_family(session, actors[Role.COORDINATOR], family_id)
    assert seen.data.iban == IBAN and seen.data.phone == "071 123456"
    with db.transaction(operator) as session, pytest.raises(PermissionDenied):
        hosting.create_family(session, operator, hosting.FamilyInput(name="Verdi", iban=IBAN))
    with db.transaction(actors[Role.READ_ONLY]) as session, pytest.raises(PermissionDenied):
        hosting.create_family(session, actors[Role.READ_ONLY], hosting.FamilyInput(name="Neri"))


# --- agreements -------------------------------------------------------------------------------


def test_agreement_makes_its_ledger_with_the_default_amount(db: Database, admin: Actor) -> None:
    _person(db, admin, "TIU-1")
    family_id = _family(db, admin)
    agreement_id = _agreement(
        db, admin, family_id, "TIU-1", dt.date(2026, 3, 16), dt.date(2026, 9, 15), HostingTime.FULL
    )
    with db.reading() as session:
        rows = hosting.ledger(session, admin, agreement_id)
        row = hosting.open_agreement(session, admin, agreement_id)
    assert row.monthly_amount == Decimal("550.00")
    assert [r.month.month for r in rows] == [3, 4, 5, 6, 7, 8, 9]
    assert [r.amount_due for r in rows][:2] == [Decimal("283.87"), Decimal("550.00")]
    assert rows[-1].amount_due == Decimal("275.00") and rows[-1].days == 15


def test_the_office_changes_the_default_amounts(db: Database, actors: dict[Role, Actor]) -> None:
    coordinator = actors[Role.COORDINATOR]
    with db.transaction(actors[Role.OPERATOR]) as session, pytest.raises(PermissionDenied):
        hosting.set_default_amount(session, actors[Role.OPERATOR], HostingTime.PART, Decimal("400"))
    with db.transaction(coordinator) as session:
        hosting.set_default_amount(session, coordinator, HostingTime.PART, Decimal("400.00"))
    _person(db, coordinator, "TIU-1")
    family_id = _family(db, coordinator)
    agreement_id = _agreement(
        db, actors[Role.OPERATOR], family_id, "TIU-1", dt.date(2026, 1, 1), dt.date(2026, 1, 31)
    )
    with db.reading() as session:
        assert hosting.open_agreement(session, coordinator, agreement_id).monthly_amount == (
            Decimal("400.00")
        )
        assert hosting.read_default_amounts(session, coordinator)[HostingTime.FULL] == Decimal(
            "550.00"
        )


def test_overlapping_agreements_of_a_person_are_refused_naming_the_other(
    db: Database, admin: Actor
) -> None:
    _person(db, admin, "TIU-1")
    rossi = _family(db, admin, "Rossi")
    bianchi = _family(db, admin, "Bianchi", iban=None)
    _agreement(db, admin, rossi, "TIU-1", dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    with pytest.raises(ConflictError) as refused:
        _agreement(db, admin, bianchi, "TIU-1", dt.date(2026, 6, 30), None)
    assert "famiglia «Rossi» dal 01/01/2026 al 30/06/2026" in refused.value.message
    # Both days are included: the next one may start the day after.
    _agreement(db, admin, bianchi, "TIU-1", dt.date(2026, 7, 1), None)


def test_the_database_itself_refuses_an_overlap(db: Database, admin: Actor) -> None:
    """Two PCs that both pass the service's check: the constraint (PostgreSQL) or the
    trigger (SQLite) refuses the second, and the refusal names the first agreement."""
    person_id = _person(db, admin, "TIU-1")
    rossi = _family(db, admin, "Rossi")
    _agreement(db, admin, rossi, "TIU-1", dt.date(2026, 1, 1), None)
    with pytest.raises(ConflictError) as refused, db.transaction(admin) as session:
        session.add(
            HostingAgreement(
                family_id=rossi,
                person_id=person_id,
                start_date=dt.date(2026, 5, 1),
                end_date=dt.date(2026, 5, 31),
                time=HostingTime.PART,
                monthly_amount=Decimal("350.00"),
            )
        )
    assert "famiglia «Rossi» dal 01/01/2026 (in corso)" in refused.value.message
    assert "Nessuna modifica è stata salvata" in refused.value.message
    # An update into an overlap is refused too.
    other = _agreement(db, admin, rossi, "TIU-1", dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    with pytest.raises(ConflictError), db.transaction(admin) as session:
        row = session.get(HostingAgreement, other)
        assert row is not None
        row.end_date = dt.date(2026, 2, 1)


def test_dates_before_intake_or_reversed_are_refused(db: Database, admin: Actor) -> None:
    _person(db, admin, "TIU-1", intake=dt.date(2026, 2, 1))
    family_id = _family(db, admin)
    with pytest.raises(ValidationError) as early:
        _agreement(db, admin, family_id, "TIU-1", dt.date(2026, 1, 31), None)
    assert early.value.fields["start_date"].endswith("(01/02/2026)")
    with pytest.raises(ValidationError) as reversed_:
        _agreement(db, admin, family_id, "TIU-1", dt.date(2026, 3, 1), dt.date(2026, 2, 28))
    assert "precede" in reversed_.value.fields["end_date"]
    with pytest.raises(ValidationError) as nobody:
        _agreement(db, admin, family_id, "TIU-404", dt.date(2026, 3, 1), None)
    assert set(nobody.value.fields) == {"person"}


def test_money_is_for_coordinators(db: Database, actors: dict[Role, Actor]) -> None:
    operator = actors[Role.OPERATOR]
    _person(db, operator, "TIU-1")
    family_id = _family(db, actors[Role.ADMIN])
    with pytest.raises(PermissionDenied):
        _agreement(
            db, operator, family_id, "TIU-1", dt.date(2026, 1, 1), None, amount=Decimal("10")
        )
    agreement_id = _agreement(db, operator, family_id, "TIU-1", dt.date(2026, 1, 1), None)
    with db.reading() as session:
        assert hosting.agreements(session, operator, family_id=family_id)[0].monthly_amount is None
        with pytest.raises(PermissionDenied):
            hosting.ledger(session, operator, agreement_id)
        with pytest.raises(PermissionDenied):
            hosting.payment_list(session, operator, dt.date(2026, 1, 1))
        rows = hosting.ledger(session, actors[Role.READ_ONLY], agreement_id)
    with db.transaction(actors[Role.READ_ONLY]) as session, pytest.raises(PermissionDenied):
        hosting.mark_paid(session, actors[Role.READ_ONLY], rows[0].id, dt.date(2026, 2, 5))
    with db.transaction(operator) as session, pytest.raises(PermissionDenied):
        hosting.mark_paid(session, operator, rows[0].id, dt.date(2026, 2, 5))


class _Register:
    def __init__(self) -> None:
        self.events: list[tuple[str, int, object]] = []

    def recorded(self, session: Session, actor: Actor, payment: expenditure_feed.Payment) -> None:
        self.events.append(("recorded", payment.source_id, payment.amount))

    def removed(
        self, session: Session, actor: Actor, source: expenditure_feed.PaymentSource, source_id: int
    ) -> None:
        self.events.append(("removed", source_id, source))


def test_payments_once_each_and_fed_to_the_expenditures(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = _Register()
    monkeypatch.setattr(expenditure_feed, "_listeners", [register])
    person_id = _person(db, admin, "TIU-1")
    family_id = _family(db, admin)
    agreement_id = _agreement(
        db, admin, family_id, "TIU-1", dt.date(2026, 1, 1), dt.date(2026, 3, 31)
    )
    with db.reading() as session:
        january = hosting.ledger(session, admin, agreement_id)[0]
    with db.transaction(admin) as session:
        paid = hosting.mark_paid(session, admin, january.id, dt.date(2026, 2, 5))
    assert paid.paid_amount == Decimal("350.00")
    with pytest.raises(ConflictError) as twice, db.transaction(admin) as session:
        hosting.mark_paid(session, admin, january.id, dt.date(2026, 2, 6), Decimal("350"))
    assert "già stato pagato il 05/02/2026 (350,00 EUR)" in twice.value.message
    with pytest.raises(ValidationError) as bad, db.transaction(admin) as session:
        rows = hosting.ledger(session, admin, agreement_id)
        hosting.mark_paid(session, admin, rows[1].id, dt.date(2027, 1, 1), Decimal("-1"))
    assert set(bad.value.fields) == {"paid_on", "paid_amount"}
    with db.transaction(admin) as session:
        changed = hosting.change_payment(
            session, admin, january.id, dt.date(2026, 2, 7), Decimal("300.00"), paid.version
        )
        hosting.clear_payment(session, admin, january.id, changed.version)
    source = expenditure_feed.PaymentSource.HOSTING_CONTRIBUTION
    assert register.events == [
        ("recorded", january.id, Decimal("350.00")),
        ("recorded", january.id, Decimal("300.00")),
        ("removed", january.id, source),
    ]
    with db.reading() as session:
        audited = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "hosting_contribution")
        ).all()
    assert len(audited) >= 6 and {a.person_id for a in audited} == {person_id}


def test_a_change_that_drops_a_paid_month_is_refused(db: Database, admin: Actor) -> None:
    _person(db, admin, "TIU-1")
    family_id = _family(db, admin)
    agreement_id = _agreement(
        db, admin, family_id, "TIU-1", dt.date(2026, 1, 1), dt.date(2026, 4, 30)
    )
    with db.transaction(admin) as session:
        march = hosting.ledger(session, admin, agreement_id)[2]
        hosting.mark_paid(session, admin, march.id, dt.date(2026, 4, 2))
    with db.reading() as session:
        row = hosting.open_agreement(session, admin, agreement_id)
    data = hosting.AgreementInput(
        family_id=family_id,
        person_code="TIU-1",
        start_date=dt.date(2026, 1, 1),
        end_date=dt.date(2026, 2, 14),
        time="parziale",
    )
    with pytest.raises(ValidationError) as refused, db.transaction(admin) as session:
        hosting.update_agreement(session, admin, agreement_id, data, row.version)
    assert refused.value.fields["end_date"].startswith("il contributo di 03/2026")
    data.end_date = dt.date(2026, 3, 14)
    with db.transaction(admin) as session:
        hosting.update_agreement(session, admin, agreement_id, data, row.version)
        rows = hosting.ledger(session, admin, agreement_id)
    assert [r.month.month for r in rows] == [1, 2, 3]
    assert rows[2].amount_due == Decimal("158.06")  # 350 x 14 / 31 = 158.064...
    assert rows[2].paid_amount == Decimal("350.00")


def test_open_agreements_gain_the_new_month(db: Database, admin: Actor) -> None:
    _person(db, admin, "TIU-1")
    family_id = _family(db, admin)
    agreement_id = _agreement(db, admin, family_id, "TIU-1", dt.date(2026, 10, 20), None)
    with db.transaction(admin) as session:
        assert hosting.open_agreements_behind(session, admin, dt.date(2026, 12, 3)) == 1
        assert hosting.open_agreements_behind(session, admin, TODAY) == 0
        assert hosting.sync_open_agreements(session, admin, dt.date(2026, 12, 3)) == 1
        assert hosting.sync_open_agreements(session, admin, dt.date(2026, 12, 3)) == 0
        months = [r.month.month for r in hosting.ledger(session, admin, agreement_id)]
    assert months == [10, 11, 12]


def test_reminders_payment_list_and_timeline(db: Database, actors: dict[Role, Actor]) -> None:
    coordinator = actors[Role.COORDINATOR]
    person_id = _person(db, coordinator, "TIU-1")
    _person(db, coordinator, "TIU-2")
    rossi = _family(db, coordinator, "Rossi")
    bianchi = _family(db, coordinator, "Bianchi", iban=None)
    first = _agreement(db, coordinator, rossi, "TIU-1", dt.date(2026, 9, 1), dt.date(2026, 11, 15))
    _agreement(db, coordinator, bianchi, "TIU-2", dt.date(2026, 10, 1), None, HostingTime.FULL)
    with db.transaction(coordinator) as session:
        september = hosting.ledger(session, coordinator, first)[0]
        hosting.mark_paid(session, coordinator, september.id, dt.date(2026, 10, 3))
        due = reminders.reminders_for(session, coordinator, TODAY)
        hidden = reminders.reminders_for(session, actors[Role.OPERATOR], TODAY)
        october = hosting.payment_list(session, coordinator, dt.date(2026, 10, 1))
        events = timeline.events_for(session, coordinator, person_id, only={"hosting"})
    # October ended on the 31st: unpaid 28 days later is not yet overdue; September is paid.
    assert [r.text for r in due if r.area == "families"] == []
    with db.reading() as session:
        later = reminders.reminders_for(session, coordinator, dt.date(2026, 12, 1))
    texts = [r.text for r in later if r.area == "families"]
    assert texts == [
        "Contributo di 10/2026 alla famiglia «Bianchi» (ospite TIU-2) non pagato: 550,00 EUR",
        "Contributo di 10/2026 alla famiglia «Rossi» (ospite TIU-1) non pagato: 350,00 EUR",
    ]
    assert hidden == []
    assert [(line.family, line.amount_due) for line in october.lines] == [
        ("Bianchi", Decimal("550.00")),
        ("Rossi", Decimal("350.00")),
    ]
    assert october.total_due == Decimal("900.00") and october.unpaid == 2
    assert events[0].title == "Accoglienza presso la famiglia «Rossi»"
    assert events[0].until == dt.date(2026, 11, 15)


def test_every_table_about_a_person_is_covered() -> None:
    assert uncovered_person_tables() == []


def test_contributions_are_unique_per_month_in_the_database(db: Database, admin: Actor) -> None:
    _person(db, admin, "TIU-1")
    family_id = _family(db, admin)
    agreement_id = _agreement(db, admin, family_id, "TIU-1", dt.date(2026, 1, 1), None)
    with pytest.raises(ConflictError) as twice, db.transaction(admin) as session:
        session.add(
            HostingContribution(
                agreement_id=agreement_id, month=dt.date(2026, 1, 1), amount_due=Decimal("1")
            )
        )
    assert "01/2026 è già nel registro" in twice.value.message


def test_the_activity_log_reads_hosting_in_italian(db: Database, admin: Actor) -> None:
    from tit_desktop.services import audit, audit_text

    person_id = _person(db, admin, "TIU-1")
    family_id = _family(db, admin)
    agreement_id = _agreement(
        db, admin, family_id, "TIU-1", dt.date(2026, 1, 1), dt.date(2026, 1, 31)
    )
    with db.transaction(admin) as session:
        january = hosting.ledger(session, admin, agreement_id)[0]
        hosting.mark_paid(session, admin, january.id, dt.date(2026, 2, 5))
        hosting.set_default_amount(session, admin, HostingTime.FULL, Decimal("600.00"))
    with db.reading() as session:
        page = audit_text.load_page(session, admin, audit.AuditFilter(), limit=50)
        mine = audit_text.load_page(
            session, admin, audit.AuditFilter(person_id=person_id), limit=50
        )
    texts = [line.text for line in page.lines]
    assert "Registrata la famiglia ospitante «Rossi»" in texts
    assert "Registrata un'accoglienza presso la famiglia «Rossi» dal 01/01/2026 al 31/01/2026" in (
        texts
    )
    assert "Aggiunto al registro dei contributi il mese 01/2026 (350,00 EUR)" in texts
    assert "Registrato il pagamento di un contributo: 350,00 EUR il 05/02/2026" in texts
    assert "Contributo mensile predefinito (tempo pieno): 600,00 EUR" in texts
    assert {line.row.entity for line in mine.lines} >= {
        "hosting_agreement",
        "hosting_contribution",
    }
    family_row = next(line.row for line in page.lines if line.row.entity == "host_family")
    facts = dict(audit_text.detail(family_row, page.references).facts)
    assert facts["Oggetto"] == "Famiglia ospitante"
    rows = {r.field: r.after for r in audit_text.detail(family_row, page.references).rows}
    assert rows["IBAN"] == "IT60 X054 2811 1010 0000 0123 456"


def test_the_access_request_lists_the_persons_hostings(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    import json

    from tit_desktop.services import gdpr

    coordinator = actors[Role.COORDINATOR]
    person_id = _person(db, coordinator, "TIU-1")
    other = _person(db, coordinator, "TIU-2")
    family_id = _family(db, coordinator)
    _agreement(db, coordinator, family_id, "TIU-1", dt.date(2026, 1, 1), dt.date(2026, 2, 28))
    with db.transaction(coordinator) as session:
        gdpr.export_person_data(
            session, coordinator, person_id, tmp_path / "a.pdf", tmp_path / "a.json"
        )
        gdpr.export_person_data(
            session, coordinator, other, tmp_path / "b.pdf", tmp_path / "b.json"
        )
    hosted = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["services"]
    assert hosted["hosting"]["title"] == "Accoglienza in famiglia"
    assert hosted["hosting"]["rows"][0]["famiglia"] == "Rossi"
    assert hosted["hosting"]["rows"][0]["al"] == "2026-02-28"
    # A person never hosted has no such section.
    assert (
        "hosting" not in json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["services"]
    )
