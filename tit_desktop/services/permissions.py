"""Roles, permissions and the acting user. Every service checks here, never the UI."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from tit_desktop.models.user import Role
from tit_desktop.services.errors import PermissionDenied


class Permission(enum.Enum):
    READ_REGISTRY = "leggere i registri"
    WRITE_REGISTRY = "modificare i registri"
    READ_CONFIDENTIAL = "leggere le note riservate"
    ANONYMISE = "anonimizzare o unire le persone"
    IMPORT_DATA = "importare dati"
    EXPORT_DATA = "esportare dati"
    READ_MONEY = "leggere i dati economici della convenzione"
    WRITE_MONEY = "modificare i dati economici della convenzione"
    MANAGE_USERS = "gestire gli utenti"
    MANAGE_SETTINGS = "modificare le impostazioni"
    VIEW_AUDIT = "consultare il registro delle attività"
    MANAGE_DATABASE = "eseguire il backup del database"
    # Replacing every row, users and audit log included: the administrator's alone.
    RESTORE_DATABASE = "ripristinare il database da un backup"
    VERIFY_AUDIT = "verificare l'integrità del registro delle attività"
    # Reopening what was sent to the funder: the administrator's alone, audited.
    UNLOCK_PAYMENT_REQUEST = "sbloccare una domanda di rimborso presentata"


# Auditors read everything on screen; exporting personal data in bulk or printing it is
# for the roles that work with the persons.
_READ = {Permission.READ_REGISTRY, Permission.READ_MONEY}
_COORDINATOR = {p for p in Permission} - {
    Permission.MANAGE_USERS,
    Permission.MANAGE_SETTINGS,
    Permission.VERIFY_AUDIT,
    Permission.RESTORE_DATABASE,
    Permission.UNLOCK_PAYMENT_REQUEST,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.COORDINATOR: frozenset(_COORDINATOR),
    Role.OPERATOR: frozenset(
        {
            Permission.READ_REGISTRY,
            Permission.WRITE_REGISTRY,
            Permission.IMPORT_DATA,
            Permission.EXPORT_DATA,
        }
    ),
    Role.READ_ONLY: frozenset(_READ),
}

ROLE_LABELS: dict[Role, str] = {
    Role.ADMIN: "Amministratore",
    Role.COORDINATOR: "Coordinatore",
    Role.OPERATOR: "Operatore",
    Role.READ_ONLY: "Sola lettura",
}


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in user, or the system itself (first start, demo data)."""

    user_id: int | None
    username: str
    role: Role
    full_name: str = ""

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]


SYSTEM = Actor(user_id=None, username="sistema", role=Role.ADMIN, full_name="Sistema")


def require(actor: Actor, permission: Permission) -> None:
    if not actor.can(permission):
        raise PermissionDenied(
            f"Operazione non consentita: il ruolo «{actor.role_label}» non permette di "
            f"{permission.value}.",
            actor=actor,
            permission=permission.name,
        )
