"""Printable forms about a person: load the data, fill the form, record the printing."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Printed:
    """What a filled form was about, for its audit row: the record (``entity``, ``entity_id``)
    and, when the form is about a person, the person (so it lands in their trail)."""

    entity: str
    entity_id: int | None
    person_id: int | None = None
    subjects: tuple[int, ...] = ()  # more persons it names (a unit's register, a roster)


FormFiller = Callable[[Session, Actor, Mapping[str, str], str, "str | Path | IO[bytes]"], Printed]
"""``fill(session, actor, selection, lang, out)``: look up what ``selection`` names (the
selector values as typed, e.g. ``{"alloggio": "Casa Aurora", "month": "03/2026"}``), check
the actor may read it (raising ``PermissionDenied``/``NotFound``/``ValidationError`` naming
the selector), write the PDF to ``out`` and say what was printed."""

_FILLERS: dict[str, FormFiller] = {}


def register_filler(name: str, fill: FormFiller) -> None:
    """Plug the service that fills the form ``name`` (declared in :mod:`reports.forms`)."""
    form_registry.get_form(name)  # a filler for a form nobody declared is a programming error
    _FILLERS[name] = fill


def print_document(
    session: Session,
    actor: Actor,
    name: str,
    selection: Mapping[str, str | None],
    out: str | Path | IO[bytes],
    lang: str = "it",
) -> Printed:
    """Write the form ``name`` about ``selection`` as PDF and record the printing.

    Printing takes data out of the application, so it needs EXPORT_DATA (not the auditors'
    read-only role) besides reading; each filler checks what else its data needs."""
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
    given = {k: v.strip() for k, v in selection.items() if v is not None and v.strip()}
    missing = [k for k in spec.selectors if k not in given and k not in spec.optional]
    if missing:
        raise ValidationError(
            {
                k: f"il modulo «{spec.name}» richiede {form_registry.SELECTORS[k].label} "
                f"({form_registry.SELECTORS[k].flag} {form_registry.SELECTORS[k].metavar})"
                for k in missing
            }
        )
    extra = [k for k in given if k not in spec.selectors]
    if extra:
        raise ValidationError(
            {
                k: f"il modulo «{spec.name}» non usa {form_registry.SELECTORS[k].flag}"
                if k in form_registry.SELECTORS
                else f"il modulo «{spec.name}» non usa «{k}»"
                for k in extra
            }
        )
    _import_area_fillers()
    fill = _FILLERS.get(spec.name)
    if fill is None:  # pragma: no cover - every declared form has its filler (a test checks)
        raise NotFound(f"Il modulo «{spec.name}» non è ancora disponibile.")
    printed = fill(session, actor, given, lang, out)
    audit.record(
        session,
        actor,
        AuditAction.EXPORT,
        printed.entity,
        printed.entity_id,
        detail=f"modulo {spec.name} ({lang})",
        person_id=printed.person_id,
        subjects=printed.subjects,
    )
    return printed


def print_form(
    session: Session,
    actor: Actor,
    name: str,
    person_id: int,
    out: str | Path | IO[bytes],
    lang: str = "it",
) -> None:
    """A form about one person, given by id (the window's way)."""
    require(actor, Permission.EXPORT_DATA)
    code = persons.code_of(session, actor, person_id)
    print_document(session, actor, name, {"person": code}, out, lang)


def _fill_registration_form(
    session: Session,
    actor: Actor,
    selection: Mapping[str, str],
    lang: str,
    out: str | Path | IO[bytes],
) -> Printed:
    person_id = person_id_for_code(session, selection["person"])
    data = registration_data(session, actor, person_id)
    render_registration_form(data, out, lang=lang)
    return Printed("person", person_id, person_id)


def _import_area_fillers() -> None:
    """The areas' form modules register their fillers when imported."""
    for module in AREA_FORM_MODULES:
        importlib.import_module(module)


AREA_FORM_MODULES: tuple[str, ...] = (
    "tit_desktop.services.hosting_documents",
    "tit_desktop.services.street",
    "tit_desktop.services.convention.staff",
    "tit_desktop.services.housing_forms",
    "tit_desktop.services.plans",
    "tit_desktop.services.courses",
    "tit_desktop.services.tirocini",
    "tit_desktop.services.person_timeline",
    "tit_desktop.services.canteen",
)
"""Service modules that call :func:`register_filler` (one line per area)."""

register_filler("scheda-iscrizione", _fill_registration_form)


def person_id_for_code(session: Session, code: str) -> int:
    person_id = persons.find_id_by_code(session, code)
    if person_id is None:
        raise NotFound(f"Nessuna persona con codice «{code}».")
    return person_id
