"""Typed errors raised by services. Messages are in Italian: users read them."""

from __future__ import annotations

from collections.abc import Mapping


class ServiceError(Exception):
    """Base of every refusal a service can give. ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def to_json(self) -> dict[str, object]:
        return {"error": type(self).__name__, "message": self.message}


class ValidationError(ServiceError):
    """Input refused. ``fields`` maps a field name to the reason, in Italian."""

    def __init__(self, fields: Mapping[str, str], message: str | None = None) -> None:
        self.fields = dict(fields)
        text = message or "; ".join(f"{label_for(k)}: {v}" for k, v in self.fields.items())
        super().__init__(text)

    def to_json(self) -> dict[str, object]:
        data = super().to_json()
        data["fields"] = self.fields
        return data


class PermissionDenied(ServiceError):
    """The acting user's role does not allow the operation. ``actor`` (the
    :class:`~tit_desktop.services.permissions.Actor`) and ``permission`` (the permission's
    name) let :class:`~tit_desktop.services.database.Database` record the refusal in the
    activity log; ``audited`` is set once it is recorded."""

    def __init__(
        self, message: str, *, actor: object | None = None, permission: str | None = None
    ) -> None:
        super().__init__(message)
        self.actor = actor
        self.permission = permission
        self.audited = False


class AuthenticationError(ServiceError):
    pass


class ConflictError(ServiceError):
    """The data changed under the user (another PC) or a uniqueness rule would break."""


class StaleRecord(ConflictError):
    """The record was changed by someone else after it was opened (its version moved on):
    the window can compare the versions field by field instead of losing the edit."""


class DatabaseBusy(ConflictError):
    """Another PC held the database longer than the busy timeout; nothing was written, the
    same operation can simply be tried again."""


class NotFound(ServiceError):
    pass


class DatabaseVersionError(ServiceError):
    """The database was written by a newer version of the application."""


# Readable names for the fields most messages talk about; other keys are shown as they are.
FIELD_LABELS: dict[str, str] = {
    "username": "Nome utente",
    "full_name": "Nome e cognome",
    "password": "Password",
    "new_password": "Nuova password",
    "role": "Ruolo",
    "database_url": "Database",
    "active": "Attivo",
    "must_change_password": "Deve cambiare password",
    "failed_logins": "Tentativi errati",
    "locked_until": "Bloccato fino a",
    "password_hash": "Password",
    "name": "Nome",
    "fiscal_code": "Codice fiscale",
    "vat_number": "Partita IVA",
    "phone": "Telefono",
    "email": "E-mail",
    "address": "Indirizzo",
}


def register_labels(labels: Mapping[str, str]) -> None:
    """Each service module adds the readable names of its fields."""
    FIELD_LABELS.update(labels)


def label_for(field: str) -> str:
    return FIELD_LABELS.get(field, field)
