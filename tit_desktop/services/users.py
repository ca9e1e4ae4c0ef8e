"""Users: first administrator, login with lockout, passwords, administration."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tit_desktop.models.audit import AuditAction
from tit_desktop.models.user import Role, User
from tit_desktop.services import audit, clock, conflicts
from tit_desktop.services.database import STALE_MESSAGE, Database
from tit_desktop.services.errors import (
    AuthenticationError,
    ConflictError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from tit_desktop.services.permissions import SYSTEM, Actor, Permission, require

log = logging.getLogger(__name__)

MAX_FAILED_LOGINS = 5
LOCKOUT = dt.timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")

# argon2-cffi's defaults are argon2id with the RFC 9106 low-memory profile.
_hasher = PasswordHasher()

_BAD_CREDENTIALS = "Nome utente o password non corretti."


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    locked_until: dt.datetime | None
    must_change_password: bool
    last_login_at: dt.datetime | None
    version: int


def _info(user: User) -> UserInfo:
    return UserInfo(
        user.id,
        user.username,
        user.full_name,
        user.role,
        user.active,
        user.locked_until,
        user.must_change_password,
        user.last_login_at,
        user.version,
    )


def _actor(user: User) -> Actor:
    return Actor(user_id=user.id, username=user.username, role=user.role, full_name=user.full_name)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def normalise_username(username: str) -> str:
    return (username or "").strip().lower()


def _check_username(username: str) -> str:
    name = normalise_username(username)
    if not USERNAME_RE.match(name):
        raise ValidationError(
            {
                "username": "da 3 a 64 caratteri: lettere minuscole, cifre, punto, trattino "
                "o trattino basso, iniziando con una lettera o una cifra"
            }
        )
    return name


def check_password_policy(password: str, username: str, field: str = "password") -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValidationError({field: f"deve avere almeno {MIN_PASSWORD_LENGTH} caratteri"})
    if password.strip() != password:
        raise ValidationError({field: "non può iniziare o finire con uno spazio"})
    if username and username.lower() in password.lower():
        raise ValidationError({field: "non può contenere il nome utente"})


def _parse_role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError as exc:
        allowed = ", ".join(r.value for r in Role)
        raise ValidationError({"role": f"«{role}» non esiste; ruoli possibili: {allowed}"}) from exc


def users_exist(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(User)) != 0


def _user_by_name(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == normalise_username(username)))


def _get(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"Utente {user_id} non trovato.")
    return user


def add_user(
    session: Session,
    actor: Actor,
    username: str,
    role: Role | str,
    password: str,
    full_name: str = "",
    must_change_password: bool = False,
) -> UserInfo:
    """Create a user. With no users yet, anyone (the first start) may create an admin."""
    parsed_role = _parse_role(role)
    first_user = not users_exist(session)
    if first_user:
        if parsed_role is not Role.ADMIN:
            raise ValidationError({"role": "il primo utente deve essere un amministratore"})
    else:
        require(actor, Permission.MANAGE_USERS)
    name = _check_username(username)
    check_password_policy(password, name)
    if len(full_name) > 200:
        raise ValidationError({"full_name": "al massimo 200 caratteri"})
    if _user_by_name(session, name) is not None:
        raise ConflictError(f"Esiste già un utente «{name}».")
    user = User(
        username=name,
        full_name=full_name.strip(),
        role=parsed_role,
        password_hash=hash_password(password),
        active=True,
        must_change_password=must_change_password,
        failed_logins=0,
    )
    session.add(user)
    session.flush()
    return _info(user)


@conflicts.explains("uq_app_user_username")
def _username_taken(session: Session, violation: conflicts.Violation) -> str | None:
    names = violation.values("username")
    other = session.scalar(select(User).where(User.username.in_(names)).limit(1))
    if other is None:
        return None
    who = f" ({other.full_name})" if other.full_name else ""
    return f"Esiste già un utente «{other.username}»{who}."


def login(db: Database, username: str, password: str) -> Actor:
    """Check the password. Five wrong passwords in a row lock the account for 15 minutes.

    The failure counter is committed even though the login is refused. The password is
    checked before the write transaction, so that the write lock (one writer at a time on
    SQLite) never waits for argon2's fraction of a second: the transaction only records.
    """
    now = clock.utcnow()
    with db.reading() as session:
        seen = _user_by_name(session, username)
        seen_hash = seen.password_hash if seen is not None else None
    verdict = _check_password(seen_hash, password)
    with db.transaction(SYSTEM) as session:
        # FOR UPDATE: two logins of one user on PostgreSQL take turns instead of one of them
        # failing on the row's version (SQLite's IMMEDIATE transaction already serialises).
        user = session.scalar(
            select(User).where(User.username == normalise_username(username)).with_for_update()
        )
        if user is not None and user.password_hash != seen_hash:
            # Changed in between (a reset, or another login stored a stronger hash).
            verdict = _check_password(user.password_hash, password)
        if user is None:
            audit.record(
                session,
                SYSTEM,
                AuditAction.LOGIN_FAILED,
                "app_user",
                detail=f"utente sconosciuto: {normalise_username(username)[:64]}",
            )
            failure: str | None = _BAD_CREDENTIALS
        elif user.locked_until is not None and user.locked_until > now:
            failure = _locked_message(user.locked_until)
        elif not user.active:
            failure = "Questo utente è disattivato. Rivolgersi all'amministratore."
        else:
            failure = None
            if not verdict.correct:
                user.failed_logins += 1
                failure = _BAD_CREDENTIALS
                if user.failed_logins >= MAX_FAILED_LOGINS:
                    user.locked_until = now + LOCKOUT
                    user.failed_logins = 0
                    failure = f"Password errata per {MAX_FAILED_LOGINS} volte: " + _locked_message(
                        user.locked_until
                    )
                audit.record(session, _actor(user), AuditAction.LOGIN_FAILED, "app_user", user.id)
            else:
                user.failed_logins = 0
                user.locked_until = None
                user.last_login_at = now
                if verdict.stronger_hash is not None:
                    user.password_hash = verdict.stronger_hash
                audit.record(session, _actor(user), AuditAction.LOGIN, "app_user", user.id)
                actor = _actor(user)
    if failure is not None:
        raise AuthenticationError(failure)
    return actor


def check_credentials(db: Database, username: str, password: str) -> None:
    """Check a password without writing anything, for a database whose schema is older
    than this version (:func:`login` writes columns an old schema may lack): the schema
    upgrade that follows is then done by someone who knows a password, and the login after
    it is counted and audited as any other. Raises AuthenticationError as login would."""
    with db.reading() as session:
        row = session.execute(
            select(User.password_hash, User.active, User.locked_until).where(
                User.username == normalise_username(username)
            )
        ).first()
    verdict = _check_password(row.password_hash if row is not None else None, password)
    if row is None or not verdict.correct:
        raise AuthenticationError(_BAD_CREDENTIALS)
    if row.locked_until is not None and row.locked_until > clock.utcnow():
        raise AuthenticationError(_locked_message(row.locked_until))
    if not row.active:
        raise AuthenticationError("Questo utente è disattivato. Rivolgersi all'amministratore.")


@dataclass(frozen=True)
class _Verdict:
    correct: bool
    stronger_hash: str | None = None  # the password hashed at today's cost, when it was less


def _check_password(password_hash: str | None, password: str) -> _Verdict:
    if password_hash is None or not _verify_hash(password_hash, password):
        return _Verdict(False)
    if _hasher.check_needs_rehash(password_hash):
        return _Verdict(True, hash_password(password))
    return _Verdict(True)


def _locked_message(until: dt.datetime) -> str:
    local = until.astimezone()
    return f"l'utente è bloccato fino alle {local:%H:%M} del {local:%d/%m/%Y}."


def _verify(user: User, password: str) -> bool:
    return _verify_hash(user.password_hash, password)


def _verify_hash(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def must_change_password(session: Session, actor: Actor) -> bool:
    if actor.user_id is None:
        return False
    return bool(_get(session, actor.user_id).must_change_password)


def change_password(session: Session, actor: Actor, old_password: str, new_password: str) -> None:
    if actor.user_id is None:
        raise PermissionDenied("Solo un utente può cambiare la propria password.")
    user = _get(session, actor.user_id)
    if not _verify(user, old_password):
        raise ValidationError({"password": "la password attuale non è corretta"})
    check_password_policy(new_password, user.username, field="new_password")
    if new_password == old_password:
        raise ValidationError({"new_password": "deve essere diversa da quella attuale"})
    user.password_hash = hash_password(new_password)
    user.must_change_password = False


def reset_password(session: Session, actor: Actor, user_id: int, new_password: str) -> None:
    """An administrator sets a temporary password; the user must change it at next login."""
    require(actor, Permission.MANAGE_USERS)
    user = _get(session, user_id)
    check_password_policy(new_password, user.username, field="new_password")
    user.password_hash = hash_password(new_password)
    user.must_change_password = True
    user.failed_logins = 0
    user.locked_until = None


def _active_admins(session: Session) -> int:
    query = select(func.count()).where(User.role == Role.ADMIN, User.active.is_(True))
    return int(session.scalar(query) or 0)


def update_user(
    session: Session,
    actor: Actor,
    user_id: int,
    *,
    expected_version: int,
    full_name: str | None = None,
    role: Role | str | None = None,
    active: bool | None = None,
) -> UserInfo:
    require(actor, Permission.MANAGE_USERS)
    user = _get(session, user_id)
    if user.version != expected_version:
        raise ConflictError(STALE_MESSAGE)
    new_role = _parse_role(role) if role is not None else user.role
    new_active = user.active if active is None else active
    removing_admin = (
        user.role is Role.ADMIN and user.active and (new_role is not Role.ADMIN or not new_active)
    )
    if removing_admin and _active_admins(session) <= 1:
        raise ValidationError(
            {"role": "deve restare almeno un amministratore attivo"}
            if new_role is not Role.ADMIN
            else {"active": "deve restare almeno un amministratore attivo"}
        )
    if user.id == actor.user_id and active is False:
        raise ValidationError({"active": "non potete disattivare il vostro stesso utente"})
    if full_name is not None:
        if len(full_name) > 200:
            raise ValidationError({"full_name": "al massimo 200 caratteri"})
        user.full_name = full_name.strip()
    user.role = new_role
    user.active = new_active
    if active:
        user.locked_until = None
        user.failed_logins = 0
    session.flush()
    return _info(user)


def list_users(session: Session, actor: Actor) -> list[UserInfo]:
    require(actor, Permission.MANAGE_USERS)
    return [_info(u) for u in session.scalars(select(User).order_by(User.username))]
