"""SQLAlchemy models. Importing this package registers every table on ``Base.metadata``."""

from tit_desktop.models.audit import AuditAction, AuditEntry
from tit_desktop.models.base import Base
from tit_desktop.models.user import Role, User

__all__ = ["AuditAction", "AuditEntry", "Base", "Role", "User"]
