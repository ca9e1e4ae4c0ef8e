"""SQLAlchemy models. Importing this package registers every table on ``Base.metadata``."""

from tit_desktop.models.audit import AuditAction, AuditEntry, AuditSubject
from tit_desktop.models.base import Base
from tit_desktop.models.destinations import DestinationGroup, ExitDestination
from tit_desktop.models.housing import Bed, HousingKind, HousingUnit, Stay
from tit_desktop.models.registry import (
    Attachment,
    Disability,
    Employment,
    HouseholdLink,
    HouseholdRelation,
    NoteLevel,
    NotSamePerson,
    Organisation,
    PermitReason,
    Person,
    PersonNote,
    PersonSearchToken,
    Sex,
    StaffMember,
)
from tit_desktop.models.user import Role, User

__all__ = [
    "Attachment",
    "AuditAction",
    "AuditEntry",
    "AuditSubject",
    "Base",
    "Bed",
    "DestinationGroup",
    "Disability",
    "Employment",
    "ExitDestination",
    "HouseholdLink",
    "HouseholdRelation",
    "HousingKind",
    "HousingUnit",
    "NotSamePerson",
    "NoteLevel",
    "Organisation",
    "PermitReason",
    "Person",
    "PersonNote",
    "PersonSearchToken",
    "Role",
    "Sex",
    "StaffMember",
    "Stay",
    "User",
]
