"""Retention: persons without activity for N years are listed, reviewed, then anonymised as a
batch; a person active again since the review is skipped. Both engines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import literal, select

from tit_desktop.models import AuditEntry, Person, Role
from tit_desktop.services import persons
from tit_desktop.services.database import Database
from tit_desktop.services.errors import PermissionDenied, ValidationError
from tit_desktop.services.gdpr import retention
from tit_desktop.services.permissions import Actor

TODAY = dt.date(2026, 11, 28)


def _person(db: Database, actor: Actor, code: str, intake: dt.date) -> int:
    data = persons.PersonInput(
        code=code, last_name="Sall", first_name=code, sex="M", intake_date=intake
    )
    with db.transaction(actor) as session:
        return persons.create_person(session, actor, data).id


@pytest.fixture
def later_activity() -> Iterator[dict[str, dt.date]]:
    """A stand-in service module: {code: the day of its latest service}."""
    days: dict[str, dt.date] = {}

    def query(_today: dt.date):  # type: ignore[no-untyped-def]
        parts = [
            select(Person.id.label("person_id"), literal(day).label("day")).where(
                Person.code == code
            )
            for code, day in days.items()
        ] or [select(Person.id.label("person_id"), Person.intake_date.label("day")).where(False)]
        from sqlalchemy import union_all

        return select(union_all(*parts).subquery())

    retention.register_activity("prova", "servizio di prova", query)
    yield days
    retention._ACTIVITIES.pop("prova")


def test_review_lists_only_the_long_inactive_and_is_audited(
    db: Database, admin: Actor, later_activity: dict[str, dt.date]
) -> None:
    old = _person(db, admin, "OLD", dt.date(2015, 3, 1))
    _person(db, admin, "NEW", dt.date(2024, 3, 1))
    _person(db, admin, "BACK", dt.date(2014, 1, 1))
    later_activity["BACK"] = dt.date(2025, 6, 1)  # came back for a meal last year
    with db.transaction(admin) as session:
        batch = retention.review(session, admin, 5, today=TODAY)
    assert batch.cutoff == dt.date(2021, 11, 28)
    assert [(c.code, c.last_activity, c.last_kind) for c in batch.persons] == [
        ("OLD", dt.date(2015, 3, 1), "presa in carico")
    ]
    with db.reading() as session:
        row = session.scalars(select(AuditEntry).where(AuditEntry.entity == "retention")).one()
    assert "1 persone senza attività dal 28/11/2021" in (row.detail or "")
    assert batch.persons[0].person_id == old


def test_apply_anonymises_the_batch_and_skips_who_came_back(
    db: Database, admin: Actor, later_activity: dict[str, dt.date]
) -> None:
    first = _person(db, admin, "A1", dt.date(2016, 1, 1))
    second = _person(db, admin, "A2", dt.date(2017, 1, 1))
    with db.transaction(admin) as session:
        batch = retention.review(session, admin, 5, today=TODAY)
    # The batch goes through a file (a second person reviews it) and comes back unchanged.
    batch = retention.Batch.from_json(batch.to_json())
    later_activity["A2"] = dt.date(2026, 11, 1)  # A2 is back since the review
    with db.transaction(admin) as session:
        outcome = retention.apply(session, admin, batch, today=TODAY)
    assert [c.code for c in outcome.anonymised] == ["A1"]
    assert [(c.code, why) for c, why in outcome.skipped] == [("A2", retention.NO_LONGER)]
    with db.reading() as session:
        assert session.get(Person, first).anonymised_at is not None  # type: ignore[union-attr]
        assert session.get(Person, second).anonymised_at is None  # type: ignore[union-attr]
        summary = session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "retention", AuditEntry.action == "anonymise"
            )
        ).one()
    assert "1 persone anonimizzate, 1 saltate" in (summary.detail or "")
    # Applied twice: nothing left to do, nothing breaks.
    with db.transaction(admin) as session:
        again = retention.apply(session, admin, batch, today=TODAY)
    assert again.anonymised == () and len(again.skipped) == 2


def test_only_the_roles_that_anonymise_may_review(db: Database, actors: dict) -> None:
    with db.transaction(actors[Role.OPERATOR]) as session, pytest.raises(PermissionDenied):
        retention.review(session, actors[Role.OPERATOR], 5, today=TODAY)
    with db.transaction(actors[Role.READ_ONLY]) as session, pytest.raises(PermissionDenied):
        retention.review(session, actors[Role.READ_ONLY], 5, today=TODAY)


def test_bad_years_and_a_broken_batch_file_are_named(db: Database, admin: Actor) -> None:
    with db.transaction(admin) as session, pytest.raises(ValidationError) as years:
        retention.review(session, admin, 0, today=TODAY)
    assert "years" in years.value.fields
    with pytest.raises(ValidationError) as broken:
        retention.Batch.from_json('{"format": "altro"}')
    assert "batch" in broken.value.fields
