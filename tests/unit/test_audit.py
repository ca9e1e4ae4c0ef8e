"""The audit log: every change written in the same transaction, with old and new values."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from tit_desktop.models import AuditEntry, Organisation, Role
from tit_desktop.services import audit, users
from tit_desktop.services.database import Database
from tit_desktop.services.errors import PermissionDenied
from tit_desktop.services.permissions import Actor


def _entries(db: Database, entity: str) -> list[AuditEntry]:
    with db.reading() as session:
        return list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id)
            )
        )


def test_insert_update_delete_are_recorded_with_values(db: Database, admin: Actor) -> None:
    with db.transaction(admin) as session:
        org = Organisation(name="Caritas", is_referrer=True)
        session.add(org)
        session.flush()
        org_id = org.id
    with db.transaction(admin) as session:
        org = session.get(Organisation, org_id)
        assert org is not None
        org.name = "Caritas diocesana"
        org.phone = "071 123456"
    with db.transaction(admin) as session:
        session.delete(session.get(Organisation, org_id))
    rows = _entries(db, "organisation")
    assert [r.action for r in rows] == ["insert", "update", "delete"]
    assert all(r.username == "admin" and r.user_id == admin.user_id for r in rows)
    assert all(r.entity_id == str(org_id) for r in rows)
    assert rows[0].changes is not None
    assert rows[0].changes["name"] == "Caritas" and rows[0].changes["is_referrer"] is True
    assert rows[1].changes == {
        "name": ["Caritas", "Caritas diocesana"],
        "phone": [None, "071 123456"],
    }
    assert rows[2].changes is not None and rows[2].changes["name"] == "Caritas diocesana"
    assert rows[0].at.tzinfo is dt.UTC
    assert abs(rows[0].at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


def test_a_rolled_back_change_leaves_no_audit_row(db: Database, admin: Actor) -> None:
    with pytest.raises(RuntimeError), db.transaction(admin) as session:
        session.add(Organisation(name="Mai salvato"))
        session.flush()
        raise RuntimeError("interrotto")
    assert _entries(db, "organisation") == []
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Organisation)) == 0


def test_password_hashes_never_reach_the_log(db: Database, admin: Actor) -> None:
    rows = _entries(db, "app_user")
    inserted = next(r for r in rows if r.action == "insert")
    assert inserted.changes is not None and inserted.changes["password_hash"] == "***"
    with db.transaction(admin) as session:
        users.change_password(session, admin, "Password-di-prova-1", "Altra-password-2")
    update = [r for r in _entries(db, "app_user") if r.action == "update"][-1]
    assert update.changes == {"password_hash": ["***", "***"]}


def test_a_change_without_acting_user_is_refused(db: Database) -> None:
    session = db._read_sessions()  # a session opened without Database.transaction
    try:
        session.add(Organisation(name="Anonimo"))
        with pytest.raises(RuntimeError, match="Modifica senza utente"):
            session.flush()
    finally:
        session.rollback()
        session.close()


def test_search_filters_by_user_entity_action_and_dates(
    db: Database, actors: dict[Role, Actor]
) -> None:
    coordinator = actors[Role.COORDINATOR]
    with db.transaction(coordinator) as session:
        session.add(Organisation(name="Ente A"))
    with db.reading() as session:
        by_user = audit.search(session, coordinator, audit.AuditFilter(username="coordinatore"))
        orgs = audit.search(session, coordinator, audit.AuditFilter(entity="organisation"))
        logins = audit.search(session, coordinator, audit.AuditFilter(action="login"))
        today = dt.date.today()
        in_range = audit.count(
            session, coordinator, audit.AuditFilter(date_from=today, date_to=today)
        )
        yesterday = audit.count(
            session, coordinator, audit.AuditFilter(date_to=today - dt.timedelta(days=1))
        )
        entities = audit.known_entities(session, coordinator)
        everything = audit.count(session, coordinator, audit.AuditFilter())
    assert {r.username for r in by_user} == {"coordinatore"}
    assert [r.action for r in orgs] == ["insert"] and orgs[0].username == "coordinatore"
    assert sorted(r.username for r in logins) == ["admin", "coordinatore", "lettura", "operatore"]
    assert in_range == everything > 0
    assert yesterday == 0
    # Every kind of record the log can name, known in advance (not a DISTINCT over the log).
    assert entities == sorted(entities)
    assert {"app_user", "organisation", "person", "person_note", "database"} <= set(entities)
    assert "person_search_token" not in entities and "audit_log" not in entities


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.READ_ONLY])
def test_only_admin_and_coordinator_read_the_log(
    db: Database, actors: dict[Role, Actor], role: Role
) -> None:
    with pytest.raises(PermissionDenied), db.reading() as session:
        audit.search(session, actors[role], audit.AuditFilter())
