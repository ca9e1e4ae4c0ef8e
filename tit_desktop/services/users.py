"""Users: first administrator, login with lockout, passwords, administration."""

from __future__ import annotations

import datetime as dt
import logging
import re
import secrets
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
    StaleRecord,
    ValidationError,
)
from tit_desktop.services.permissions import SYSTEM, Actor, Permission, require
from tit_desktop.services.text import CONTROL_CHARACTERS_MESSAGE, has_control_characters

log = logging.getLogger(__name__)

MAX_FAILED_LOGINS = 5
LOCKOUT = dt.timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
USERNAME_MAX_LENGTH = 64
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

    What the refusal says depends only on the password: a wrong password gets the same
    words for an unknown name, a locked or a disabled account (the lock and the disabled
    state are shown only with the right password), and an unknown name costs the same
    argon2 verification as a known one, so neither the words nor the time tell which names
    exist. Every attempt has its row in the activity log; an unknown name is recorded by
    its length only (it is often a password typed in the wrong field).

    Wrong passwords during the lock are counted too: after as many as unlock nothing (the
    same five), even the right password gets the plain refusal until the lock ends, so the
    lock message cannot serve to try passwords at full speed while the account is locked.

    The failure counter is committed even though the login is refused. The password is
    checked before the write transaction, so that the write lock (one writer at a time on
    SQLite) never waits for argon2's fraction of a second: the transaction only records.
    On PostgreSQL the user's row is locked (FOR UPDATE) for that short transaction, so two
    logins of one user take turns and no wrong password is lost from the count.
    """
    name = normalise_username(username)
    if has_control_characters(name):
        _record_unknown(db, name, "con caratteri di controllo")
        raise ValidationError({"username": CONTROL_CHARACTERS_MESSAGE})
    now = clock.utcnow()
    seen_hash: str | None = None
    if len(name) <= USERNAME_MAX_LENGTH:  # a longer one cannot be in the column
        with db.reading() as session:
            seen = _user_by_name(session, name)
            seen_hash = seen.password_hash if seen is not None else None
    verdict = _check_password(seen_hash, password)
    if seen_hash is None:
        _record_unknown(db, name)
        raise AuthenticationError(_BAD_CREDENTIALS)
    with db.transaction(SYSTEM) as session:
        # FOR UPDATE: two logins of one user on PostgreSQL take turns instead of one of them
        # failing on the row's version or both counting from the same number (SQLite's
        # IMMEDIATE transaction already serialises).
        user = session.scalar(select(User).where(User.username == name).with_for_update())
        failure: str | None = _BAD_CREDENTIALS
        detail: str | None = _unknown_detail(name)
        if user is None:  # removed in between
            audit.record(session, SYSTEM, AuditAction.LOGIN_FAILED, "app_user", detail=detail)
        else:
            if user.password_hash != seen_hash:
                # Changed in between (a reset, or another login stored a stronger hash).
                verdict = _check_password(user.password_hash, password)
            failure, detail = _judge(user, verdict, now)
            action = AuditAction.LOGIN if failure is None else AuditAction.LOGIN_FAILED
            audit.record(session, _actor(user), action, "app_user", user.id, detail=detail)
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


def _judge(user: User, verdict: _Verdict, now: dt.datetime) -> tuple[str | None, str | None]:
    """Update the user's counters for one attempt: the refusal (None: logged in) and what
    the activity log says about it."""
    locked = user.locked_until is not None and user.locked_until > now
    exhausted = locked and user.failed_logins >= MAX_FAILED_LOGINS
    if not verdict.correct or exhausted:
        user.failed_logins += 1
        if exhausted:
            detail = "utente bloccato, troppi tentativi durante il blocco"
        elif locked:
            detail = "password errata, utente bloccato"
        elif user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
            detail = f"password errata per {MAX_FAILED_LOGINS} volte: utente bloccato"
        else:
            detail = "password errata"
        return _BAD_CREDENTIALS, detail
    if locked:
        assert user.locked_until is not None
        return _locked_message(user.locked_until), "utente bloccato"
    if not user.active:
        return "Questo utente è disattivato. Rivolgersi all'amministratore.", "utente disattivato"
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    if verdict.stronger_hash is not None:
        user.password_hash = verdict.stronger_hash
    return None, None


def _unknown_detail(name: str, what: str = "") -> str:
    # Never the text itself: an unknown "name" is often a password typed in the wrong field.
    return f"nome utente sconosciuto{' ' + what if what else ''} di {len(name)} caratteri"


def _record_unknown(db: Database, name: str, what: str = "") -> None:
    with db.transaction(SYSTEM) as session:
        detail = _unknown_detail(name, what)
        audit.record(session, SYSTEM, AuditAction.LOGIN_FAILED, "app_user", detail=detail)


@dataclass(frozen=True)
class _Verdict:
    correct: bool
    stronger_hash: str | None = None  # the password hashed at today's cost, when it was less


# A hash of a random password at today's cost, verified for a name that has no user: the
# refusal then takes as long as a wrong password of a real user (argon2's fraction of a
# second), instead of the milliseconds that told unknown names apart. Made on first use,
# again if the hasher changes (the tests' cheaper one).
_dummy: tuple[PasswordHasher, str] | None = None


def _dummy_hash() -> str:
    global _dummy
    if _dummy is None or _dummy[0] is not _hasher:
        _dummy = (_hasher, _hasher.hash(secrets.token_urlsafe(24)))
    return _dummy[1]


def _check_password(password_hash: str | None, password: str) -> _Verdict:
    if password_hash is None:
        _verify_hash(_dummy_hash(), password)
        return _Verdict(False)
    if not _verify_hash(password_hash, password):
        return _Verdict(False)
    if _hasher.check_needs_rehash(password_hash):
        return _Verdict(True, hash_password(password))
    return _Verdict(True)


def _locked_message(until: dt.datetime) -> str:
    local = until.astimezone()
    return (
        f"Troppi tentativi con una password errata: l'utente è bloccato fino alle "
        f"{local:%H:%M} del {local:%d/%m/%Y}. Riprovare più tardi o rivolgersi "
        "all'amministratore."
    )


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
        raise StaleRecord(STALE_MESSAGE)
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
