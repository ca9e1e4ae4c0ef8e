"""Logins of one user from several PCs at the same moment (threads, one connection each).

On PostgreSQL two sessions read the user's row at the same time: without the row lock one
of two simultaneous logins failed on the row's version ("Il record è stato modificato da un
altro utente", 30 of 30 rounds), and 36 wrong passwords sent 12 at a time left
``failed_logins`` at 3, no lock and 3 audit rows. On SQLite the write transactions take
turns (BEGIN IMMEDIATE); the same tests run there too.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSWORD
from tit_desktop.models import AuditEntry, Role, User
from tit_desktop.services import users
from tit_desktop.services.database import Database
from tit_desktop.services.errors import AuthenticationError
from tit_desktop.services.permissions import SYSTEM

T = TypeVar("T")


@pytest.fixture
def anna(db: Database) -> Database:
    with db.transaction(SYSTEM) as session:
        users.add_user(session, SYSTEM, "anna", Role.ADMIN, PASSWORD, full_name="Anna Neri")
    return db


def _all_at_once(count: int, width: int, attempt: Callable[[int], T]) -> list[T | BaseException]:
    """``count`` calls of ``attempt``, ``width`` at a time, each group released together."""
    start = threading.Barrier(width)

    def one(index: int) -> T | BaseException:
        with contextlib.suppress(threading.BrokenBarrierError):  # a last, smaller group
            start.wait(timeout=30)
        try:
            return attempt(index)
        except BaseException as exc:  # the outcome is what the test reads
            return exc

    with ThreadPoolExecutor(max_workers=width) as pool:
        return list(pool.map(one, range(count)))


def _audited(db: Database, action: str) -> int:
    with db.reading() as session:
        query = select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)
        return int(session.scalar(query) or 0)


@pytest.mark.parametrize("_round", range(3))
def test_ten_simultaneous_logins_of_one_user_all_succeed(anna: Database, _round: int) -> None:
    # WHEN the same user logs in from ten PCs at the same moment
    outcomes = _all_at_once(10, 10, lambda _i: users.login(anna, "anna", PASSWORD))
    # THEN every login succeeds and each is recorded
    failures = [o for o in outcomes if isinstance(o, BaseException)]
    assert not failures, [f"{type(f).__name__}: {f}" for f in failures]
    assert _audited(anna, "login") == 10


def test_simultaneous_wrong_passwords_are_each_counted_and_audited(anna: Database) -> None:
    # WHEN 36 wrong passwords arrive 12 at a time
    outcomes = _all_at_once(36, 12, lambda i: users.login(anna, "anna", f"sbagliata-{i:03}"))
    # THEN every one is refused with the same words, whatever the account's state
    assert all(isinstance(o, AuthenticationError) for o in outcomes), outcomes
    assert {o.message for o in outcomes if isinstance(o, AuthenticationError)} == {
        "Nome utente o password non corretti."
    }
    # AND none is lost: the lock engaged at the fifth, the 31 later ones were counted during
    # the lock, and each of the 36 has its row in the activity log
    with anna.reading() as session:
        user = session.scalar(select(User).where(User.username == "anna"))
        assert user is not None
        assert user.locked_until is not None
        assert user.failed_logins == 36 - users.MAX_FAILED_LOGINS
    assert _audited(anna, "login_failed") == 36
    # AND the right password now shows the lock (only the right one does), or, after more
    # wrong passwords during the lock than the lock allows, the same refusal as any other
    with pytest.raises(AuthenticationError) as err:
        users.login(anna, "anna", PASSWORD)
    assert err.value.message == "Nome utente o password non corretti."
