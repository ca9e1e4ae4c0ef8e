"""The window locked after inactivity: recorded, and unlocked only by the same user's
password (ui/idle_lock.py shows it).

The password is checked by :func:`users.login`, so a wrong one is counted and recorded as
any failed login and five of them lock the account: a lock screen left on an unattended
desk is no quicker way to try passwords than the login window.
"""

from __future__ import annotations

from tit_desktop.models.audit import AuditAction
from tit_desktop.services import audit, users
from tit_desktop.services.database import Database
from tit_desktop.services.errors import AuthenticationError
from tit_desktop.services.permissions import Actor

WRONG_PASSWORD = "Password non corretta."


def record_lock(db: Database, actor: Actor, idle_minutes: int) -> None:
    with db.transaction(actor) as session:
        audit.record(
            session,
            actor,
            AuditAction.LOCK,
            "app_user",
            actor.user_id,
            detail=f"nessuna attività per {idle_minutes} minuti",
        )


def unlock(db: Database, actor: Actor, password: str) -> None:
    """Raises AuthenticationError (or ValidationError) unless ``password`` is the locked
    user's own; the unlock is recorded."""
    try:
        checked = users.login(db, actor.username, password)
    except AuthenticationError as exc:
        if exc.message == users._BAD_CREDENTIALS:  # the name is not the question here
            raise AuthenticationError(WRONG_PASSWORD) from exc
        raise
    if checked.user_id != actor.user_id:  # the name now belongs to someone else
        raise AuthenticationError("La sessione può essere sbloccata solo dal suo utente.")
    with db.transaction(actor) as session:
        audit.record(session, actor, AuditAction.UNLOCK, "app_user", actor.user_id)
