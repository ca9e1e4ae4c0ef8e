"""SQLAlchemy models. Importing this package registers every table on ``Base.metadata``."""

from tit_desktop.models.audit import AuditAction, AuditEntry, AuditSubject
from tit_desktop.models.base import Base
from tit_desktop.models.canteen import (
    CanteenCard,
    CanteenCardCounter,
    CanteenMealSetting,
    CardStatus,
    Meal,
    MealType,
)
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
    "CanteenCard",
    "CanteenCardCounter",
    "CanteenMealSetting",
    "CardStatus",
    "Disability",
    "Employment",
    "HouseholdLink",
    "HouseholdRelation",
    "Meal",
    "MealType",
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
    "User",
]
