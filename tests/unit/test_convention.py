"""Conventions, budget lines and variations, the expenditure register and its flags, and
the expenditures derived from payments: both engines."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from tit_desktop.models import Expenditure, PaymentSource, Role
from tit_desktop.services import audit, expenditure_feed
from tit_desktop.services.convention import budget, conventions, expenditures
from tit_desktop.services.database import Database
from tit_desktop.services.errors import (
    ConflictError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from tit_desktop.services.permissions import Actor

from .convention_fixtures import D, make_convention, spend


def _convention_input(**changes: object) -> conventions.ConventionInput:
    values: dict[str, object] = dict(
        short_name="FAMI",
        title="Progetto FAMI",
        cup="E31B21000470007",
        starts_on=dt.date(2022, 1, 1),
        ends_on=dt.date(2022, 12, 31),
        total=D("1000.00"),
    )
    values.update(changes)
    return conventions.ConventionInput(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"cup": "D31H2000012"}, "cup", "15 caratteri"),
        ({"cup": "D31H20000120-01"}, "cup", "lettere e cifre"),
        ({"cup": ""}, "cup", "obbligatorio"),
        ({"short_name": " "}, "short_name", "obbligatorio"),
        ({"total": D("-1.00")}, "total", "negativo"),
        ({"ends_on": dt.date(2021, 1, 1)}, "ends_on", "precede"),
    ],
)
def test_a_convention_with_bad_fields_is_refused_and_nothing_written(
    db: Database, actors: dict[Role, Actor], changes: dict[str, object], field: str, words: str
) -> None:
    coordinator = actors[Role.COORDINATOR]
    with pytest.raises(ValidationError) as refused, db.transaction(coordinator) as session:
        conventions.create_convention(session, coordinator, _convention_input(**changes))
    assert words in refused.value.fields[field]
    with db.reading() as session:
        assert conventions.list_conventions(session, coordinator) == []


def test_money_is_for_coordinator_and_admin_only(db: Database, actors: dict[Role, Actor]) -> None:
    for role in (Role.OPERATOR, Role.READ_ONLY):
        with pytest.raises(PermissionDenied), db.transaction(actors[role]) as session:
            conventions.create_convention(session, actors[role], _convention_input())
    with pytest.raises(PermissionDenied), db.reading() as session:
        conventions.list_conventions(session, actors[Role.OPERATOR])
    with db.transaction(actors[Role.ADMIN]) as session:
        conventions.create_convention(session, actors[Role.ADMIN], _convention_input())
    with db.reading() as session:
        assert [
            c.short_name for c in conventions.list_conventions(session, actors[Role.READ_ONLY])
        ] == ["FAMI"]


def test_short_names_are_unique_ignoring_case(db: Database, admin: Actor) -> None:
    with db.transaction(admin) as session:
        conventions.create_convention(session, admin, _convention_input())
    with pytest.raises(ValidationError) as refused, db.transaction(admin) as session:
        conventions.create_convention(session, admin, _convention_input(short_name="fami"))
    assert "già" in refused.value.fields["short_name"]


def test_extensions_move_the_end_and_only_forward(db: Database, admin: Actor) -> None:
    plan = make_convention(db, admin)
    with db.transaction(admin) as session:
        conventions.add_extension(
            session, admin, plan.convention_id, dt.date(2023, 12, 3), "proroga ministeriale"
        )
    with pytest.raises(ValidationError) as refused, db.transaction(admin) as session:
        conventions.add_extension(session, admin, plan.convention_id, dt.date(2023, 7, 1), "x")
    assert "dopo la fine attuale (03/12/2023)" in refused.value.fields["new_end"]
    with db.reading() as session:
        detail = conventions.convention_detail(session, admin, plan.convention_id)
        assert detail.end == dt.date(2023, 12, 3)
        assert conventions.in_force_on(session, dt.date(2023, 11, 1)) == [plan.convention_id]
        assert conventions.in_force_on(session, dt.date(2023, 12, 4)) == []


def test_variations_change_the_plan_and_keep_the_history(db: Database, admin: Actor) -> None:
    plan = make_convention(db, admin)
    with db.reading() as session:
        summary = budget.budget(session, admin, plan.convention_id)
    assert summary.balanced and summary.planned == D("100000.00")
    goods = next(line for line in summary.lines if line.id == plan.goods)
    with db.transaction(admin) as session:
        budget.vary_line(
            session,
            admin,
            plan.goods,
            goods.version,
            dt.date(2022, 2, 1),
            D("25000.00"),
            "meno acquisti",
        )
    with db.reading() as session:
        summary = budget.budget(session, admin, plan.convention_id)
        history = budget.variations(session, admin, plan.convention_id)
    assert not summary.balanced and summary.difference == D("5000.00")
    assert [(v.line_name, v.amount_before, v.amount_after, v.reason) for v in history] == [
        ("Beni e servizi", D("30000.00"), D("25000.00"), "meno acquisti")
    ]
    # The planned amount is not changed by a plain edit: only by a variation.
    goods = next(line for line in summary.lines if line.id == plan.goods)
    with pytest.raises(ValidationError) as refused, db.transaction(admin) as session:
        budget.update_line(
            session,
            admin,
            plan.goods,
            goods.version,
            budget.LineInput("Beni", goods.category, D("1.00")),
        )
    assert "rimodulazione" in refused.value.fields["planned"]


def test_line_names_are_unique_within_a_convention_only(db: Database, admin: Actor) -> None:
    first = make_convention(db, admin)
    second = make_convention(db, admin, name="ALTRA")
    assert first.staff != second.staff
    with pytest.raises(ValidationError), db.transaction(admin) as session:
        budget.create_line(
            session,
            admin,
            first.convention_id,
            budget.LineInput("personale", budget.CostCategory.STAFF, D("1.00")),
        )


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"eligible": D("150.00")}, "eligible", "non può superare"),
        ({"amount": D("-1.00"), "eligible": D("0.00")}, "amount", "negativo"),
        ({"supplier_tax_code": "02345670421"}, "supplier_tax_code", "cifra di controllo"),
        ({"supplier_tax_code": "RSSMRA80A01H501X"}, "supplier_tax_code", "codice fiscale"),
        ({"supplier_tax_code": "12345"}, "supplier_tax_code", "11 cifre"),
        ({"cig": "ABC"}, "cig", "10"),
        ({"number": ""}, "number", "obbligatorio"),
        ({"document_date": None}, "document_date", "obbligatorio"),
    ],
)
def test_bad_expenditures_are_refused(
    db: Database, admin: Actor, changes: dict[str, object], field: str, words: str
) -> None:
    plan = make_convention(db, admin)
    data = spend(plan.goods, "100.00")
    data = expenditures.ExpenditureInput(**{**data.__dict__, **changes})  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as refused, db.transaction(admin) as session:
        expenditures.create_expenditure(session, admin, plan.convention_id, data)
    assert words in refused.value.fields[field]
    with db.reading() as session:
        assert session.scalar(select(Expenditure.id)) is None


def test_a_line_of_another_convention_is_refused_by_the_service_and_the_database(
    db: Database, admin: Actor
) -> None:
    first = make_convention(db, admin)
    second = make_convention(db, admin, name="ALTRA")
    with pytest.raises(ValidationError) as refused, db.transaction(admin) as session:
        expenditures.create_expenditure(
            session, admin, first.convention_id, spend(second.goods, "5")
        )
    assert refused.value.fields["budget_line"] == "la voce non esiste in questa convenzione"
    with db.transaction(admin) as session:
        saved = expenditures.create_expenditure(
            session, admin, first.convention_id, spend(first.goods, "5")
        )
    # The composite key is the backstop when a write skips the service.
    with pytest.raises(ConflictError) as conflict, db.transaction(admin) as session:
        expenditure = session.get(Expenditure, saved.id)
        assert expenditure is not None
        expenditure.budget_line_id = second.goods
        session.flush()
    # SQLite does not name a failed foreign key: its generic refusal stands in.
    expected = "dato collegato" if db.is_sqlite else "non appartiene alla convenzione"
    assert expected in conflict.value.message


def test_eligible_above_amount_is_refused_by_the_database_too(db: Database, admin: Actor) -> None:
    plan = make_convention(db, admin)
    with db.transaction(admin) as session:
        saved = expenditures.create_expenditure(
            session, admin, plan.convention_id, spend(plan.goods, "5")
        )
    with pytest.raises(ConflictError) as conflict, db.transaction(admin) as session:
        expenditure = session.get(Expenditure, saved.id)
        assert expenditure is not None
        expenditure.eligible = D("6.00")
        session.flush()
    assert "ammissibile" in conflict.value.message


def test_flags_outside_period_over_budget_and_twice(db: Database, admin: Actor) -> None:
    plan = make_convention(db, admin)
    with db.transaction(admin) as session:
        early = expenditures.create_expenditure(
            session,
            admin,
            plan.convention_id,
            spend(plan.goods, "10", number="A", day=dt.date(2020, 11, 30)),
        )
        first = expenditures.create_expenditure(
            session, admin, plan.convention_id, spend(plan.goods, "10", number="B")
        )
        second = expenditures.create_expenditure(
            session, admin, plan.convention_id, spend(plan.goods, "20", number="B")
        )
        big = expenditures.create_expenditure(
            session, admin, plan.convention_id, spend(plan.families, "20000.01", number="C")
        )
    assert early.flags == (expenditures.Flag.OUTSIDE_PERIOD,)
    assert first.flags == ()
    assert second.flags == (expenditures.Flag.DUPLICATE,)
    assert big.flags == (expenditures.Flag.OVER_BUDGET,)
    flt = expenditures.ExpenditureFilter(plan.convention_id, flagged_only=True)
    with db.reading() as session:
        flagged = expenditures.keys(session, admin, flt)
        rows = expenditures.rows(session, admin, flagged)
        totals = expenditures.totals(session, admin, flt)
    assert set(flagged) == {early.id, first.id, second.id, big.id}
    assert rows[first.id].flags == (expenditures.Flag.DUPLICATE,)
    assert totals.count == 4 and totals.amount == D("20040.01")


def test_totals_per_line_are_summed_in_sql_to_the_cent(db: Database, admin: Actor) -> None:
    plan = make_convention(db, admin)
    with db.transaction(admin) as session:
        for i, amount in enumerate(["0.10", "0.20", "1234.56", "0.01"]):
            expenditures.create_expenditure(
                session,
                admin,
                plan.convention_id,
                spend(plan.goods, amount, number=f"N{i}", eligible="0.01"),
            )
    with db.reading() as session:
        lines = {line.id: line for line in budget.line_totals(session, plan.convention_id)}
    assert lines[plan.goods].amount == D("1234.87")
    assert lines[plan.goods].spent == D("0.04")
    assert lines[plan.goods].count == 4
    assert lines[plan.staff].spent == D("0.00") and lines[plan.staff].count == 0
    assert lines[plan.goods].remaining == D("29999.96")


def test_register_filters_and_sorts(db: Database, admin: Actor) -> None:
    plan = make_convention(db, admin)
    with db.transaction(admin) as session:
        a = expenditures.create_expenditure(
            session,
            admin,
            plan.convention_id,
            spend(plan.goods, "3", number="X1", supplier="Zeta srl"),
        ).id
        b = expenditures.create_expenditure(
            session,
            admin,
            plan.convention_id,
            spend(plan.staff, "1", number="X2", supplier="Alfa spa", day=dt.date(2022, 1, 1)),
        ).id
    with db.reading() as session:
        flt = expenditures.ExpenditureFilter(plan.convention_id)
        assert expenditures.keys(session, admin, flt, "supplier") == [b, a]
        assert expenditures.keys(session, admin, flt, "amount", descending=True) == [a, b]
        only = expenditures.ExpenditureFilter(plan.convention_id, text="zeta")
        assert expenditures.keys(session, admin, only) == [a]
        line = expenditures.ExpenditureFilter(plan.convention_id, line_id=plan.staff)
        assert expenditures.keys(session, admin, line) == [b]
        period = expenditures.ExpenditureFilter(plan.convention_id, date_from=dt.date(2021, 12, 1))
        assert expenditures.keys(session, admin, period) == [b]


def _payment(source_id: int, day: dt.date, amount: str = "350.00") -> expenditure_feed.Payment:
    return expenditure_feed.Payment(
        expenditure_feed.PaymentSource.HOSTING_CONTRIBUTION,
        source_id,
        day,
        D(amount),
        "Famiglia Rossi",
        "Contributo di marzo 2021",
    )


def test_payments_become_expenditures_and_follow_their_source(
    db: Database, actors: dict[Role, Actor]
) -> None:
    admin, operator = actors[Role.ADMIN], actors[Role.OPERATOR]
    plan = make_convention(db, admin)
    # An operatore records the contribution: the register follows, whoever pays.
    with db.transaction(operator) as session:
        expenditure_feed.payment_recorded(session, operator, _payment(7, dt.date(2021, 4, 2)))
        expenditure_feed.payment_recorded(session, operator, _payment(8, dt.date(2019, 1, 1)))
    with db.reading() as session:
        derived = session.scalars(select(Expenditure)).all()
    assert len(derived) == 1  # the payment of 2019 falls in no convention: nothing
    assert (derived[0].budget_line_id, derived[0].eligible, derived[0].document_date) == (
        plan.families,
        D("350.00"),
        dt.date(2021, 4, 2),
    )
    with db.transaction(operator) as session:
        expenditure_feed.payment_recorded(
            session, operator, _payment(7, dt.date(2021, 4, 3), "550.00")
        )
    with db.reading() as session:
        derived = session.scalars(select(Expenditure)).all()
    assert [(e.amount, e.document_date) for e in derived] == [(D("550.00"), dt.date(2021, 4, 3))]
    # Derived: not editable in the register.
    with pytest.raises(ConflictError) as refused, db.transaction(admin) as session:
        expenditures.update_expenditure(
            session, admin, derived[0].id, derived[0].version, spend(plan.families, "1")
        )
    assert "si modifica solo dal pagamento" in refused.value.message
    with db.transaction(operator) as session:
        expenditure_feed.payment_removed(session, operator, PaymentSource.HOSTING_CONTRIBUTION, 7)
    with db.reading() as session:
        assert session.scalar(select(Expenditure.id)) is None


def test_a_locked_expenditure_refuses_the_service_and_its_payment(
    db: Database, admin: Actor
) -> None:
    plan = make_convention(db, admin)
    with db.transaction(admin) as session:
        own = expenditures.create_expenditure(
            session, admin, plan.convention_id, spend(plan.goods, "5")
        ).id
        expenditure_feed.payment_recorded(session, admin, _payment(9, dt.date(2021, 4, 2)))
        session.flush()
        from tit_desktop.models import PaymentRequest

        request = PaymentRequest(
            convention_id=plan.convention_id,
            number=1,
            period_from=dt.date(2021, 1, 1),
            period_to=dt.date(2021, 12, 31),
            submitted_on=dt.date(2022, 1, 10),
            total=D("355.00"),
        )
        session.add(request)
        session.flush()
        session.execute(
            update(Expenditure).values(payment_request_id=request.id),
            execution_options=audit.audited_elsewhere("test"),
        )
    with db.reading() as session:
        version = session.get(Expenditure, own).version  # type: ignore[union-attr]
    with pytest.raises(ConflictError) as refused, db.transaction(admin) as session:
        expenditures.update_expenditure(session, admin, own, version, spend(plan.goods, "6"))
    assert "domanda di rimborso n. 1 presentata il 10/01/2022" in refused.value.message
    with pytest.raises(ConflictError), db.transaction(admin) as session:
        expenditures.delete_expenditure(session, admin, own, version)
    with pytest.raises(ConflictError), db.transaction(admin) as session:
        expenditure_feed.payment_recorded(session, admin, _payment(9, dt.date(2021, 4, 2), "1.00"))
    with pytest.raises(ConflictError), db.transaction(admin) as session:
        expenditure_feed.payment_removed(session, admin, PaymentSource.HOSTING_CONTRIBUTION, 9)


def test_not_found_is_named(db: Database, admin: Actor) -> None:
    with pytest.raises(NotFound), db.reading() as session:
        expenditures.get_row(session, admin, 999)
