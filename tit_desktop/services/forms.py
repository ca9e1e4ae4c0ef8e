"""Printable forms about a person: load the data, fill the form, record the printing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import IO

from sqlalchemy.orm import Session

from tit_desktop.models import StaffMember
from tit_desktop.models.audit import AuditAction
from tit_desktop.reports import forms as form_registry
from tit_desktop.reports.registration_form import RegistrationData, render_registration_form
from tit_desktop.services import audit, clock, household, persons
from tit_desktop.services.errors import NotFound, ValidationError
from tit_desktop.services.permissions import Actor, Permission, require

DECLINED = "non ha risposto"


def _label(value: object, labels: dict[int, str], declined: bool) -> str:
    if value is None:
        return DECLINED if declined else ""
    return labels.get(int(str(value)), str(value))


def _first_name_first(session: Session, staff_id: int | None) -> str:
    """The operator as the form writes people, "Nome Cognome" (the beneficiary signs the
    same way above; the registry's lists write "Cognome Nome")."""
    staff = session.get(StaffMember, staff_id) if staff_id is not None else None
    return f"{staff.first_name} {staff.last_name}".strip() if staff is not None else ""


def registration_data(
    session: Session, actor: Actor, person_id: int, document_date: dt.date | None = None
) -> RegistrationData:
    detail = persons.open_person(session, actor, person_id)
    d = detail.data
    declined = d.declined
    return RegistrationData(
        code=d.code,
        last_name=d.last_name,
        first_name=d.first_name,
        sex=d.sex,
        birth_date=d.birth_date,
        birth_place=detail.birth_place_label,
        citizenship=detail.citizenship_label
        or (DECLINED if "citizenship_code" in declined else ""),
        fiscal_code=d.fiscal_code or "",
        cui=d.cui or "",
        permit_type=d.permit_type or "",
        permit_reason=persons.value_label(d.permit_reason),
        permit_number=d.permit_number or "",
        permit_issuer=d.permit_issuer or "",
        permit_issued_on=d.permit_issued_on,
        permit_expires_on=d.permit_expires_on,
        phone=d.phone or "",
        email=d.email or "",
        address=d.address or "",
        languages=d.languages or "",
        education=_label(d.education_isced, persons.ISCED_LABELS, "education_isced" in declined),
        employment=persons.value_label(d.employment)
        or (DECLINED if "employment" in declined else ""),
        housing_ethos=_label(
            d.ethos_at_intake, persons.ETHOS_LABELS, "ethos_at_intake" in declined
        ),
        disability=persons.value_label(d.disability)
        or (DECLINED if "disability" in declined else ""),
        intake_date=d.intake_date or clock.today(),
        referring_body=detail.referring_organisation,
        reference_operator=_first_name_first(session, d.reference_staff_id),
        household=tuple(
            (r.name, r.relation.value) for r in household.relatives_of(session, person_id)
        ),
        consent_privacy=d.consent_privacy,
        consent_privacy_date=d.consent_privacy_on,
        consent_photo=d.consent_photo,
        consent_photo_date=d.consent_photo_on,
        consent_sharing=d.consent_sharing,
        consent_sharing_date=d.consent_sharing_on,
        document_date=document_date or clock.today(),
    )


def print_form(
    session: Session,
    actor: Actor,
    name: str,
    person_id: int,
    out: str | Path | IO[bytes],
    lang: str = "it",
) -> None:
    """Write the form as PDF. Printing takes a person's data out of the application, so it
    needs EXPORT_DATA (not the auditors' read-only role) and is recorded in the audit log."""
    require(actor, Permission.READ_REGISTRY)
    require(actor, Permission.EXPORT_DATA)
    try:
        spec = form_registry.get_form(name)
    except KeyError as exc:
        raise NotFound(str(exc.args[0])) from exc
    if lang not in spec.languages:
        raise ValidationError(
            {"lang": f"lingua «{lang}» non disponibile; disponibili: {', '.join(spec.languages)}"}
        )
    if spec.name == "scheda-iscrizione":
        data = registration_data(session, actor, person_id)
        render_registration_form(data, out, lang=lang)
    audit.record(
        session,
        actor,
        AuditAction.EXPORT,
        "person",
        person_id,
        detail=f"modulo {spec.name} ({lang})",
    )


def person_id_for_code(session: Session, code: str) -> int:
    person_id = persons.find_id_by_code(session, code)
    if person_id is None:
        raise NotFound(f"Nessuna persona con codice «{code}».")
    return person_id
