"""Users: first admin, login, lockout, passwords, administration rules."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from tests.conftest import PASSWORD, make_user
from tit_desktop.models import AuditEntry, Role, User
from tit_desktop.services import clock, users
from tit_desktop.services.database import Database
from tit_desktop.services.errors import (
    AuthenticationError,
    ConflictError,
    PermissionDenied,
    ValidationError,
)
from tit_desktop.services.permissions import SYSTEM, Actor


def test_first_user_must_be_admin_and_needs_no_login(db: Database) -> None:
    with pytest.raises(ValidationError) as err, db.transaction(SYSTEM) as session:
        users.add_user(session, SYSTEM, "mario", Role.OPERATOR, PASSWORD)
    assert err.value.fields == {"role": "il primo utente deve essere un amministratore"}
    with db.transaction(SYSTEM) as session:
        info = users.add_user(session, SYSTEM, "  Anna.Rossi ", Role.ADMIN, PASSWORD, "Anna Rossi")
    assert info.username == "anna.rossi"
    assert info.role is Role.ADMIN


def test_password_is_stored_as_argon2id(db: Database, admin: Actor) -> None:
    with db.reading() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == "admin"))
    assert stored is not None and stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_login_is_case_insensitive_on_username(db: Database, admin: Actor) -> None:
    actor = users.login(db, "ADMIN", PASSWORD)
    assert actor.username == "admin" and actor.role is Role.ADMIN


def test_wrong_password_and_unknown_user_give_the_same_message(db: Database, admin: Actor) -> None:
    with pytest.raises(AuthenticationError) as wrong:
        users.login(db, "admin", "sbagliata-123")
    with pytest.raises(AuthenticationError) as unknown:
        users.login(db, "nessuno", "sbagliata-123")
    assert wrong.value.message == unknown.value.message == "Nome utente o password non corretti."


def test_five_wrong_passwords_lock_for_fifteen_minutes(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    now = {"value": start}
    monkeypatch.setattr(clock, "utcnow", lambda: now["value"])
    for attempt in range(1, 5):
        with pytest.raises(AuthenticationError) as err:
            users.login(db, "admin", "sbagliata-123")
        assert err.value.message == "Nome utente o password non corretti.", attempt
    with pytest.raises(AuthenticationError) as fifth:
        users.login(db, "admin", "sbagliata-123")
    # The fifth says what any wrong password says: the lock is news only for the right one.
    assert fifth.value.message == "Nome utente o password non corretti."
    # Locked: even the right password is refused, for 15 minutes.
    now["value"] = start + dt.timedelta(minutes=14, seconds=59)
    with pytest.raises(AuthenticationError) as locked:
        users.login(db, "admin", PASSWORD)
    assert locked.value.message.startswith(
        "Troppi tentativi con una password errata: l'utente è bloccato fino alle "
    )
    now["value"] = start + dt.timedelta(minutes=15, seconds=1)
    assert users.login(db, "admin", PASSWORD).username == "admin"
    with db.reading() as session:
        user = session.scalar(select(User).where(User.username == "admin"))
        assert user is not None
        assert user.failed_logins == 0 and user.locked_until is None


def test_a_right_password_resets_the_failure_count(db: Database, admin: Actor) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            users.login(db, "admin", "sbagliata-123")
    users.login(db, "admin", PASSWORD)
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            users.login(db, "admin", "sbagliata-123")
    assert users.login(db, "admin", PASSWORD).username == "admin"


def test_logins_and_failures_are_audited(db: Database, admin: Actor) -> None:
    with pytest.raises(AuthenticationError):
        users.login(db, "admin", "sbagliata-123")
    with db.reading() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions.count("login") == 1  # the fixture's login
    assert actions.count("login_failed") == 1


def test_disabled_user_cannot_log_in(db: Database, actors: dict[Role, Actor]) -> None:
    admin = actors[Role.ADMIN]
    with db.reading() as session:
        op = next(u for u in users.list_users(session, admin) if u.username == "operatore")
    with db.transaction(admin) as session:
        users.update_user(session, admin, op.id, expected_version=op.version, active=False)
    with pytest.raises(AuthenticationError) as err:
        users.login(db, "operatore", PASSWORD)
    assert err.value.message == "Questo utente è disattivato. Rivolgersi all'amministratore."


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("corta1", "deve avere almeno 8 caratteri"),
        (" spazio-iniziale", "non può iniziare o finire con uno spazio"),
        ("xx-mario-xx", "non può contenere il nome utente"),
    ],
)
def test_password_policy(db: Database, admin: Actor, password: str, message: str) -> None:
    with pytest.raises(ValidationError) as err, db.transaction(admin) as session:
        users.add_user(session, admin, "mario", Role.OPERATOR, password)
    assert err.value.fields == {"password": message}


@pytest.mark.parametrize("name", ["ab", "con spazio", "àccento", "-trattino", "x" * 65])
def test_bad_usernames_are_refused(db: Database, admin: Actor, name: str) -> None:
    with pytest.raises(ValidationError) as err, db.transaction(admin) as session:
        users.add_user(session, admin, name, Role.OPERATOR, PASSWORD)
    assert set(err.value.fields) == {"username"}


def test_duplicate_username_is_a_conflict(db: Database, admin: Actor) -> None:
    with pytest.raises(ConflictError) as err, db.transaction(admin) as session:
        users.add_user(session, admin, "Admin", Role.OPERATOR, PASSWORD)
    assert err.value.message == "Esiste già un utente «admin»."


def test_change_password(db: Database, admin: Actor) -> None:
    with pytest.raises(ValidationError) as err, db.transaction(admin) as session:
        users.change_password(session, admin, "non-questa-1", "Nuova-password-2")
    assert err.value.fields == {"password": "la password attuale non è corretta"}
    with db.transaction(admin) as session:
        users.change_password(session, admin, PASSWORD, "Nuova-password-2")
    with pytest.raises(AuthenticationError):
        users.login(db, "admin", PASSWORD)
    assert users.login(db, "admin", "Nuova-password-2").username == "admin"


def test_reset_password_forces_a_change_and_unlocks(
    db: Database, actors: dict[Role, Actor]
) -> None:
    admin = actors[Role.ADMIN]
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            users.login(db, "operatore", "sbagliata-123")
    with db.reading() as session:
        op = next(u for u in users.list_users(session, admin) if u.username == "operatore")
    assert op.locked_until is not None
    with db.transaction(admin) as session:
        users.reset_password(session, admin, op.id, "Provvisoria-99")
    actor = users.login(db, "operatore", "Provvisoria-99")
    with db.reading() as session:
        assert users.must_change_password(session, actor) is True
    with db.transaction(actor) as session:
        users.change_password(session, actor, "Provvisoria-99", "Definitiva-123")
    with db.reading() as session:
        assert users.must_change_password(session, actor) is False


def test_last_active_admin_cannot_be_demoted_or_disabled(db: Database, admin: Actor) -> None:
    other = make_user(db, "seconda", Role.ADMIN)
    with db.reading() as session:
        me = next(u for u in users.list_users(session, admin) if u.username == "admin")
    with db.transaction(other) as session:
        me = users.update_user(
            session, other, me.id, expected_version=me.version, role=Role.COORDINATOR
        )
    with db.reading() as session:
        second = next(u for u in users.list_users(session, other) if u.username == "seconda")
    with pytest.raises(ValidationError) as err, db.transaction(other) as session:
        users.update_user(
            session, other, second.id, expected_version=second.version, role=Role.OPERATOR
        )
    assert err.value.fields == {"role": "deve restare almeno un amministratore attivo"}


def test_cannot_disable_oneself(db: Database, actors: dict[Role, Actor]) -> None:
    admin = actors[Role.ADMIN]
    make_user(db, "altra.admin", Role.ADMIN)
    with db.reading() as session:
        me = next(u for u in users.list_users(session, admin) if u.username == "admin")
    with pytest.raises(ValidationError) as err, db.transaction(admin) as session:
        users.update_user(session, admin, me.id, expected_version=me.version, active=False)
    assert err.value.fields == {"active": "non potete disattivare il vostro stesso utente"}


def test_stale_user_edit_is_a_conflict(db: Database, actors: dict[Role, Actor]) -> None:
    admin = actors[Role.ADMIN]
    with db.reading() as session:
        op = next(u for u in users.list_users(session, admin) if u.username == "operatore")
    with db.transaction(admin) as session:
        users.update_user(session, admin, op.id, expected_version=op.version, full_name="Uno")
    with pytest.raises(ConflictError) as err, db.transaction(admin) as session:
        users.update_user(session, admin, op.id, expected_version=op.version, full_name="Due")
    assert "modificato da un altro utente" in err.value.message
    with db.reading() as session:
        assert (
            next(u for u in users.list_users(session, admin) if u.username == "operatore").full_name
            == "Uno"
        )


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.OPERATOR, Role.READ_ONLY])
def test_only_admin_manages_users(db: Database, actors: dict[Role, Actor], role: Role) -> None:
    with pytest.raises(PermissionDenied) as err, db.transaction(actors[role]) as session:
        users.add_user(session, actors[role], "nuovo", Role.OPERATOR, PASSWORD)
    assert "non permette di gestire gli utenti" in err.value.message


# --- what a refused login tells, and what it records ----------------------------------------


def _failed_logins(db: Database) -> list[tuple[str, str | None]]:
    with db.reading() as session:
        query = (
            select(AuditEntry.username, AuditEntry.detail)
            .where(AuditEntry.action == "login_failed")
            .order_by(AuditEntry.id)
        )
        return [(name, detail) for name, detail in session.execute(query)]


def _lock(db: Database, username: str) -> None:
    for _ in range(users.MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationError):
            users.login(db, username, "sbagliata-123")


def test_a_locked_account_is_shown_only_to_the_right_password(db: Database, admin: Actor) -> None:
    # GIVEN a locked account
    _lock(db, "admin")
    # WHEN a wrong password is tried, THEN it reads like any wrong password
    with pytest.raises(AuthenticationError) as wrong:
        users.login(db, "admin", "sbagliata-456")
    assert wrong.value.message == "Nome utente o password non corretti."
    # WHEN the right one is, THEN the lock is explained
    with pytest.raises(AuthenticationError) as right:
        users.login(db, "admin", PASSWORD)
    assert "l'utente è bloccato fino alle" in right.value.message
    # AND each attempt, during the lock too, has its row in the activity log
    assert [detail for _name, detail in _failed_logins(db)] == [
        "password errata",
        "password errata",
        "password errata",
        "password errata",
        "password errata per 5 volte: utente bloccato",
        "password errata, utente bloccato",
        "utente bloccato",
    ]


def test_wrong_passwords_during_the_lock_end_the_lock_message(db: Database, admin: Actor) -> None:
    # GIVEN a locked account, then five more wrong passwords during the lock
    _lock(db, "admin")
    _lock(db, "admin")
    # WHEN the right password comes, THEN it gets the plain refusal: the lock message would
    # let someone keep trying passwords during the lock and learn which one is right
    with pytest.raises(AuthenticationError) as right:
        users.login(db, "admin", PASSWORD)
    assert right.value.message == "Nome utente o password non corretti."
    last = _failed_logins(db)[-1]
    assert last == ("admin", "utente bloccato, troppi tentativi durante il blocco")


def test_a_disabled_account_is_shown_only_to_the_right_password(
    db: Database, actors: dict[Role, Actor]
) -> None:
    admin = actors[Role.ADMIN]
    with db.reading() as session:
        op = next(u for u in users.list_users(session, admin) if u.username == "operatore")
    with db.transaction(admin) as session:
        users.update_user(session, admin, op.id, expected_version=op.version, active=False)
    with pytest.raises(AuthenticationError) as wrong:
        users.login(db, "operatore", "sbagliata-123")
    assert wrong.value.message == "Nome utente o password non corretti."
    with pytest.raises(AuthenticationError):
        users.login(db, "operatore", PASSWORD)
    assert _failed_logins(db) == [
        ("operatore", "password errata"),
        ("operatore", "utente disattivato"),
    ]


def test_an_unknown_name_is_recorded_without_its_text(db: Database, admin: Actor) -> None:
    # WHEN a password is typed in the name field
    with pytest.raises(AuthenticationError):
        users.login(db, "Segreto-di-Anna-77", "Segreto-di-Anna-77")
    # THEN the activity log records that an unknown name was tried, not the name
    assert _failed_logins(db) == [("sistema", "nome utente sconosciuto di 18 caratteri")]
    with db.reading() as session:
        rows = session.scalars(select(AuditEntry)).all()
    for row in rows:
        assert "segreto" not in f"{row.detail} {row.changes} {row.username}".lower()


def test_an_unknown_name_costs_one_password_verification_like_a_known_one(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The time of argon2's verification is what told unknown names apart (3 ms against
    # 286 ms): the same verification runs whether the name exists or not.
    calls: list[str] = []

    class Counting(PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
            calls.append(str(hash))
            return super().verify(hash, password)

    cheap = users._hasher
    counting = Counting(cheap.time_cost, cheap.memory_cost, cheap.parallelism)
    monkeypatch.setattr(users, "_hasher", counting)
    with pytest.raises(AuthenticationError):
        users.login(db, "admin", "sbagliata-123")
    known = len(calls)
    with pytest.raises(AuthenticationError):
        users.login(db, "nessuno", "sbagliata-123")
    with pytest.raises(AuthenticationError):
        users.login(db, "x" * 300, "sbagliata-123")
    assert known == 1
    assert len(calls) == 3
    assert calls[1].startswith("$argon2id$") and calls[1] == calls[2]


@pytest.mark.parametrize("name", ["ad\x00min", "admin\x00", "\x00", "ad\x1bmin"])
def test_a_control_character_in_the_name_is_refused_clearly(
    db: Database, admin: Actor, name: str
) -> None:
    # On PostgreSQL a NUL reached the query and failed with an unhandled DataError.
    with pytest.raises(ValidationError) as err:
        users.login(db, name, PASSWORD)
    assert err.value.fields == {
        "username": "contiene caratteri di controllo non ammessi (incollati da un file?)"
    }
    assert _failed_logins(db)[-1][1] is not None
    assert "nome utente sconosciuto con caratteri di controllo" in str(_failed_logins(db)[-1][1])


def _refusals(db: Database) -> list[tuple[str, str | None, str | None]]:
    with db.reading() as session:
        query = (
            select(AuditEntry.username, AuditEntry.entity_id, AuditEntry.detail)
            .where(AuditEntry.action == "denied")
            .order_by(AuditEntry.id)
        )
        return [(name, what, detail) for name, what, detail in session.execute(query)]


def test_refused_operations_are_recorded(db: Database, actors: dict[Role, Actor]) -> None:
    # WHEN a coordinatore tries to add a user (a write) and to list them (a read)
    coordinator = actors[Role.COORDINATOR]
    with pytest.raises(PermissionDenied), db.transaction(coordinator) as session:
        users.add_user(session, coordinator, "intruso", Role.ADMIN, PASSWORD)
    with pytest.raises(PermissionDenied), db.reading() as session:
        users.list_users(session, coordinator)
    # THEN both refusals are in the activity log, signed by who tried, and nothing else
    message = (
        "Operazione non consentita: il ruolo «Coordinatore» non permette di gestire gli utenti."
    )
    assert _refusals(db) == [
        ("coordinatore", "MANAGE_USERS", message),
        ("coordinatore", "MANAGE_USERS", message),
    ]
    with db.reading() as session:
        assert session.scalar(select(User).where(User.username == "intruso")) is None
