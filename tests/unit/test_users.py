"""Users: first admin, login, lockout, passwords, administration rules."""

from __future__ import annotations

import datetime as dt

import pytest
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
    assert fifth.value.message.startswith("Password errata per 5 volte: l'utente è bloccato")
    # Locked: even the right password is refused, for 15 minutes.
    now["value"] = start + dt.timedelta(minutes=14, seconds=59)
    with pytest.raises(AuthenticationError) as locked:
        users.login(db, "admin", PASSWORD)
    assert "bloccato fino alle" in locked.value.message
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
