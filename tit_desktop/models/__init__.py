"""SQLAlchemy models. Importing this package registers every table on ``Base.metadata``."""

from tit_desktop.models.audit import AuditAction, AuditEntry, AuditSubject
from tit_desktop.models.base import Base
from tit_desktop.models.hosting import (
    HostFamily,
    HostingAgreement,
    HostingContribution,
    HostingDefaultAmount,
    HostingTime,
)
from tit_desktop.models.numbering import NumberSeries
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
from tit_desktop.models.street import (
    StreetContact,
    StreetContactPerson,
    StreetContactService,
    StreetContactStaff,
    StreetService,
    StreetZone,
)
from tit_desktop.models.user import Role, User

__all__ = [
    "Attachment",
    "AuditAction",
    "AuditEntry",
    "AuditSubject",
    "Base",
    "Disability",
    "Employment",
    "HostFamily",
    "HostingAgreement",
    "HostingContribution",
    "HostingDefaultAmount",
    "HostingTime",
    "HouseholdLink",
    "HouseholdRelation",
    "NotSamePerson",
    "NoteLevel",
    "NumberSeries",
    "Organisation",
    "PermitReason",
    "Person",
    "PersonNote",
    "PersonSearchToken",
    "Role",
    "Sex",
    "StaffMember",
    "StreetContact",
    "StreetContactPerson",
    "StreetContactService",
    "StreetContactStaff",
    "StreetService",
    "StreetZone",
    "User",
]
