"""The expenditure lock held by the database too (migration 0013): a write that goes around
the services (plain SQL, the ORM without the service's check) cannot change or delete an
expenditure included in a submitted payment request; the refusal is the lock's Italian
message, not a traceback. Submitting and the administrator's unlock still work."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from tit_desktop.models import Expenditure, PaymentRequest, Role
from tit_desktop.services import backup, conflicts
from tit_desktop.services.convention import expenditures, payment_requests
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ConflictError
from tit_desktop.services.permissions import Actor

from .convention_fixtures import make_convention, spend


def _locked_and_free(db: Database, admin: Actor) -> tuple[int, int, int]:
    """Two expenditures of March 2021 (the first in a submitted request) and one of May."""
    plan = make_convention(db, admin)
    with db.transaction(admin) as session:
        locked = expenditures.create_expenditure(
            session, admin, plan.convention_id, spend(plan.goods, "100.00", number="F-1")
        ).id
        free = expenditures.create_expenditure(
            session,
            admin,
            plan.convention_id,
            spend(plan.goods, "50.00", number="F-2", day=dt.date(2021, 5, 3)),
        ).id
        request = payment_requests.submit(
            session,
            admin,
            plan.convention_id,
            dt.date(2021, 3, 1),
            dt.date(2021, 3, 31),
            dt.date(2021, 4, 10),
        )
    return locked, free, request


def _number(db: Database, expenditure_id: int) -> str | None:
    with db.reading() as session:
        return session.scalar(select(Expenditure.number).where(Expenditure.id == expenditure_id))


LOCK_TEXT = "La spesa è inclusa nella domanda di rimborso n. 1 presentata il 10/04/2021"


def test_plain_sql_cannot_update_a_locked_expenditure(db: Database, admin: Actor) -> None:
    locked, free, _request = _locked_and_free(db, admin)
    with pytest.raises(ConflictError) as refused, db.transaction(admin) as session:
        session.execute(text("UPDATE expenditure SET number = 'X' WHERE id = :id"), {"id": locked})
    assert LOCK_TEXT in refused.value.message
    assert refused.value.message.endswith(conflicts.NOTHING_SAVED)
    assert _number(db, locked) == "F-1"
    # Not locked: the same statement goes through.
    with db.transaction(admin) as session:
        session.execute(text("UPDATE expenditure SET number = 'X' WHERE id = :id"), {"id": free})
    assert _number(db, free) == "X"


def test_plain_sql_cannot_delete_a_locked_expenditure(db: Database, admin: Actor) -> None:
    locked, free, _request = _locked_and_free(db, admin)
    with pytest.raises(ConflictError) as refused, db.transaction(admin) as session:
        session.execute(text("DELETE FROM expenditure WHERE id = :id"), {"id": locked})
    assert LOCK_TEXT in refused.value.message
    assert _number(db, locked) == "F-1"
    with db.transaction(admin) as session:
        session.execute(text("DELETE FROM expenditure WHERE id = :id"), {"id": free})
    assert _number(db, free) is None


def test_the_raw_connection_is_refused_too(db: Database, admin: Actor) -> None:
    # Below the application's session: the engine's own connection, as a script would.
    locked, _free, request = _locked_and_free(db, admin)
    with pytest.raises(IntegrityError) as refused, db.engine.begin() as conn:
        conn.exec_driver_sql(
            f"UPDATE expenditure SET payment_request_id = {request} WHERE id = {locked}"
        )
    assert conflicts.violation_of(refused.value).constraint == "expenditure_locked"
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM expenditure")


def test_the_orm_without_the_service_check_is_refused(db: Database, admin: Actor) -> None:
    locked, _free, _request = _locked_and_free(db, admin)
    with pytest.raises(ConflictError) as refused, db.transaction(admin) as session:
        row = session.get_one(Expenditure, locked)
        row.description = "cambiata di nascosto"
        session.flush()
    assert LOCK_TEXT in refused.value.message
    with pytest.raises(ConflictError) as refused, db.transaction(admin) as session:
        session.delete(session.get_one(Expenditure, locked))
        session.flush()
    assert LOCK_TEXT in refused.value.message


def test_the_admin_unlock_still_works_and_frees_the_rows(
    db: Database, actors: dict[Role, Actor]
) -> None:
    admin = actors[Role.ADMIN]
    locked, _free, request = _locked_and_free(db, admin)
    with db.transaction(admin) as session:
        assert payment_requests.unlock(session, admin, request, "errore nella voce") == 1
    with db.reading() as session:
        assert session.get_one(Expenditure, locked).payment_request_id is None
        assert session.get_one(PaymentRequest, request).unlocked_at is not None
    with db.transaction(admin) as session:
        session.execute(
            text("UPDATE expenditure SET number = 'F-1b' WHERE id = :id"), {"id": locked}
        )
    assert _number(db, locked) == "F-1b"
    # Submitted again (NULL -> a request): the submission's own update is let through.
    with db.transaction(admin) as session:
        again = payment_requests.submit(
            session,
            admin,
            session.get_one(Expenditure, locked).convention_id,
            dt.date(2021, 3, 1),
            dt.date(2021, 3, 31),
        )
    with db.reading() as session:
        assert session.get_one(Expenditure, locked).payment_request_id == again


def test_the_service_refusal_is_unchanged(db: Database, admin: Actor) -> None:
    locked, _free, _request = _locked_and_free(db, admin)
    with db.reading() as session:
        row = expenditures.get_row(session, admin, locked)
    with pytest.raises(ConflictError) as refused, db.transaction(admin) as session:
        expenditures.delete_expenditure(session, admin, locked, row.version)
    assert refused.value.message.startswith(LOCK_TEXT)


def test_a_backup_with_locked_expenditures_restores(sqlite_db: Database, tmp_path: Path) -> None:
    # Restoring empties every table first: the locked rows go with their requests.
    from tests.conftest import make_user

    admin = make_user(sqlite_db, "admin", Role.ADMIN)
    locked, _free, _request = _locked_and_free(sqlite_db, admin)
    saved = backup.backup(sqlite_db, admin, tmp_path / "copia.sqlite3")
    backup.restore(sqlite_db, admin, saved)
    with sqlite_db.reading() as session:
        assert session.get_one(Expenditure, locked).payment_request_id is not None
