"""Conventions: the agreements with a funder, their extensions, partners and documents.

Reading a convention's figures needs :data:`Permission.READ_MONEY` (coordinatore, admin and the
read-only auditors); changing them :data:`Permission.WRITE_MONEY` (coordinatore, admin).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tit_desktop.models import (
    Convention,
    ConventionDocument,
    ConventionExtension,
    ConventionPartner,
    Organisation,
)
from tit_desktop.services import conflicts
from tit_desktop.services.convention.checks import (
    REQUIRED,
    cup_problem,
    normalise_code,
    text_problem,
)
from tit_desktop.services.errors import (
    NotFound,
    StaleRecord,
    ValidationError,
    register_labels,
)
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.text import clean

register_labels(
    {
        "short_name": "Convenzione",
        "title": "Titolo",
        "funder": "Ente finanziatore",
        "fund": "Fondo",
        "cup": "CUP",
        "signed_on": "Data firma",
        "starts_on": "Inizio",
        "ends_on": "Fine",
        "total": "Importo totale",
        "co_funding": "Cofinanziamento",
        "new_end": "Nuova fine",
        "reason": "Motivo",
        "share": "Quota",
        "organisation": "Ente",
    }
)

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class ConventionInput:
    short_name: str
    title: str
    cup: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    total: Decimal | None
    funder: str | None = None
    fund: str | None = None
    signed_on: dt.date | None = None
    co_funding: Decimal = Decimal(0)
    notes: str | None = None


@dataclass(frozen=True)
class ExtensionRow:
    id: int
    new_end: dt.date
    reason: str
    granted_on: dt.date | None


@dataclass(frozen=True)
class PartnerRow:
    id: int
    organisation_id: int
    organisation: str
    share: Decimal
    role: str | None


@dataclass(frozen=True)
class DocumentRow:
    id: int
    file_name: str
    size: int
    description: str | None


@dataclass(frozen=True)
class ConventionDetail:
    id: int
    version: int
    data: ConventionInput
    end: dt.date  # the end after the latest extension
    extensions: list[ExtensionRow] = field(default_factory=list)
    partners: list[PartnerRow] = field(default_factory=list)
    documents: list[DocumentRow] = field(default_factory=list)


@dataclass(frozen=True)
class ConventionSummary:
    id: int
    short_name: str
    title: str
    cup: str
    starts_on: dt.date
    end: dt.date


def normalise(data: ConventionInput) -> ConventionInput:
    return ConventionInput(
        short_name=" ".join(data.short_name.split()),
        title=" ".join(data.title.split()),
        cup=normalise_code(data.cup) or "",
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        total=data.total,
        funder=clean(data.funder),
        fund=clean(data.fund),
        signed_on=data.signed_on,
        co_funding=data.co_funding,
        notes=(data.notes or "").strip() or None,
    )


def problems(data: ConventionInput) -> dict[str, str]:
    """Every field's problem, without the database (the form and the import use it)."""
    errors: dict[str, str] = {}
    for name, value, limit, required in (
        ("short_name", data.short_name, 40, True),
        ("title", data.title, 300, True),
        ("funder", data.funder, 200, False),
        ("fund", data.fund, 200, False),
    ):
        reason = text_problem(value, limit, required=required)
        if reason:
            errors[name] = reason
    reason = cup_problem(data.cup)
    if reason:
        errors["cup"] = reason
    if data.starts_on is None:
        errors["starts_on"] = REQUIRED
    if data.ends_on is None:
        errors["ends_on"] = REQUIRED
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        errors["ends_on"] = (
            f"la fine ({data.ends_on:%d/%m/%Y}) precede l'inizio ({data.starts_on:%d/%m/%Y})"
        )
    if data.signed_on and data.ends_on and data.signed_on > data.ends_on:
        errors["signed_on"] = "la data di firma è dopo la fine della convenzione"
    if data.total is None:
        errors["total"] = REQUIRED
    elif data.total < 0:
        errors["total"] = "l'importo non può essere negativo"
    if data.co_funding < 0:
        errors["co_funding"] = "l'importo non può essere negativo"
    elif data.total is not None and data.co_funding > data.total:
        errors["co_funding"] = "il cofinanziamento supera l'importo totale"
    return errors


def _check_unique(session: Session, data: ConventionInput, own_id: int | None) -> None:
    other = session.scalar(
        select(Convention.id).where(
            func.lower(Convention.short_name) == data.short_name.lower(),
            Convention.id != (own_id or 0),
        )
    )
    if other is not None:
        raise ValidationError(
            {"short_name": f"«{data.short_name}» è già il nome di un'altra convenzione"}
        )


@conflicts.explains("uq_convention_short_name")
def _name_taken(session: Session, violation: conflicts.Violation) -> str | None:
    names = violation.values("short_name")
    if not names:
        return None
    return f"Esiste già una convenzione chiamata «{names[0]}»."


def _apply(convention: Convention, data: ConventionInput) -> None:
    convention.short_name = data.short_name
    convention.title = data.title
    convention.cup = data.cup
    convention.funder = data.funder
    convention.fund = data.fund
    convention.signed_on = data.signed_on
    assert data.starts_on is not None and data.ends_on is not None and data.total is not None
    convention.starts_on = data.starts_on
    convention.ends_on = data.ends_on
    convention.total = data.total
    convention.co_funding = data.co_funding
    convention.notes = data.notes


def create_convention(session: Session, actor: Actor, data: ConventionInput) -> int:
    require(actor, Permission.WRITE_MONEY)
    data = normalise(data)
    errors = problems(data)
    if errors:
        raise ValidationError(errors)
    _check_unique(session, data, None)
    convention = Convention()
    _apply(convention, data)
    session.add(convention)
    session.flush()
    return convention.id


def get_convention(session: Session, convention_id: int) -> Convention:
    convention = session.get(Convention, convention_id)
    if convention is None:
        raise NotFound("Convenzione non trovata (forse eliminata da un altro utente).")
    return convention


def update_convention(
    session: Session, actor: Actor, convention_id: int, version: int, data: ConventionInput
) -> None:
    require(actor, Permission.WRITE_MONEY)
    data = normalise(data)
    errors = problems(data)
    if errors:
        raise ValidationError(errors)
    convention = get_convention(session, convention_id)
    if convention.version != version:
        raise StaleRecord(
            "La convenzione è stata modificata da un altro utente: riaprirla per vedere i "
            "dati aggiornati."
        )
    _check_unique(session, data, convention_id)
    _apply(convention, data)
    session.flush()


def end_of(session: Session, convention_id: int) -> dt.date:
    """The convention's end after its latest extension."""
    row = session.execute(
        select(Convention.ends_on, func.max(ConventionExtension.new_end))
        .outerjoin(ConventionExtension, ConventionExtension.convention_id == Convention.id)
        .where(Convention.id == convention_id)
        .group_by(Convention.id, Convention.ends_on)
    ).one_or_none()
    if row is None:
        raise NotFound("Convenzione non trovata.")
    ends_on, extended = row
    return max(ends_on, extended) if extended else ends_on


def list_conventions(session: Session, actor: Actor) -> list[ConventionSummary]:
    require(actor, Permission.READ_MONEY)
    latest = (
        select(
            ConventionExtension.convention_id, func.max(ConventionExtension.new_end).label("end")
        )
        .group_by(ConventionExtension.convention_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Convention.id,
            Convention.short_name,
            Convention.title,
            Convention.cup,
            Convention.starts_on,
            Convention.ends_on,
            latest.c.end,
        )
        .outerjoin(latest, latest.c.convention_id == Convention.id)
        .order_by(Convention.starts_on.desc(), Convention.short_name)
    )
    return [
        ConventionSummary(
            r.id, r.short_name, r.title, r.cup, r.starts_on, max(r.ends_on, r.end or r.ends_on)
        )
        for r in rows
    ]


def find_by_name(session: Session, short_name: str) -> int | None:
    return session.scalar(
        select(Convention.id).where(func.lower(Convention.short_name) == short_name.strip().lower())
    )


def by_name(session: Session, actor: Actor, short_name: str) -> int:
    """The id of the convention named ``short_name`` (case-insensitive), or NotFound."""
    require(actor, Permission.READ_MONEY)
    found = find_by_name(session, short_name)
    if found is None:
        raise NotFound(f"Nessuna convenzione chiamata «{short_name}».")
    return found


def input_of(convention: Convention) -> ConventionInput:
    return ConventionInput(
        short_name=convention.short_name,
        title=convention.title,
        cup=convention.cup,
        starts_on=convention.starts_on,
        ends_on=convention.ends_on,
        total=convention.total,
        funder=convention.funder,
        fund=convention.fund,
        signed_on=convention.signed_on,
        co_funding=convention.co_funding,
        notes=convention.notes,
    )


def convention_detail(session: Session, actor: Actor, convention_id: int) -> ConventionDetail:
    require(actor, Permission.READ_MONEY)
    convention = get_convention(session, convention_id)
    extensions = [
        ExtensionRow(e.id, e.new_end, e.reason, e.granted_on)
        for e in session.scalars(
            select(ConventionExtension)
            .where(ConventionExtension.convention_id == convention_id)
            .order_by(ConventionExtension.new_end)
        )
    ]
    partners = [
        PartnerRow(p.id, p.organisation_id, name, p.share, p.role)
        for p, name in session.execute(
            select(ConventionPartner, Organisation.name)
            .join(Organisation, Organisation.id == ConventionPartner.organisation_id)
            .where(ConventionPartner.convention_id == convention_id)
            .order_by(Organisation.name)
        )
    ]
    documents = [
        DocumentRow(d.id, d.file_name, d.size, d.description)
        for d in session.scalars(
            select(ConventionDocument)
            .where(ConventionDocument.convention_id == convention_id)
            .order_by(ConventionDocument.id)
        )
    ]
    end = max([convention.ends_on] + [e.new_end for e in extensions])
    return ConventionDetail(
        convention.id,
        convention.version,
        input_of(convention),
        end,
        extensions,
        partners,
        documents,
    )


# --- extensions ------------------------------------------------------------------------


def add_extension(
    session: Session,
    actor: Actor,
    convention_id: int,
    new_end: dt.date | None,
    reason: str,
    granted_on: dt.date | None = None,
) -> int:
    """A proroga: the new end must come after the current one (extensions only extend)."""
    require(actor, Permission.WRITE_MONEY)
    get_convention(session, convention_id)
    errors: dict[str, str] = {}
    current = end_of(session, convention_id)
    if new_end is None:
        errors["new_end"] = REQUIRED
    elif new_end <= current:
        errors["new_end"] = f"la nuova fine deve essere dopo la fine attuale ({current:%d/%m/%Y})"
    text = " ".join(reason.split())
    problem = text_problem(text, 300, required=True)
    if problem:
        errors["reason"] = problem
    if errors:
        raise ValidationError(errors)
    assert new_end is not None
    extension = ConventionExtension(
        convention_id=convention_id, new_end=new_end, reason=text, granted_on=granted_on
    )
    session.add(extension)
    session.flush()
    return extension.id


def remove_extension(session: Session, actor: Actor, extension_id: int) -> None:
    require(actor, Permission.WRITE_MONEY)
    extension = session.get(ConventionExtension, extension_id)
    if extension is None:
        raise NotFound("Proroga non trovata (forse già tolta da un altro utente).")
    session.delete(extension)
    session.flush()


# --- partners --------------------------------------------------------------------------


def set_partner(
    session: Session,
    actor: Actor,
    convention_id: int,
    organisation_id: int,
    share: Decimal | None,
    role: str | None = None,
) -> int:
    """Add a partner or change its share (one row per organisation)."""
    require(actor, Permission.WRITE_MONEY)
    convention = get_convention(session, convention_id)
    errors: dict[str, str] = {}
    organisation = session.get(Organisation, organisation_id)
    if organisation is None:
        errors["organisation"] = "ente non trovato"
    if share is None:
        errors["share"] = REQUIRED
    elif share < 0:
        errors["share"] = "l'importo non può essere negativo"
    if errors:
        raise ValidationError(errors)
    assert share is not None
    others = session.scalar(
        select(func.coalesce(func.sum(ConventionPartner.share), 0)).where(
            ConventionPartner.convention_id == convention_id,
            ConventionPartner.organisation_id != organisation_id,
        )
    )
    if Decimal(others or 0) + share > convention.total:
        raise ValidationError(
            {"share": "la somma delle quote dei partner supera l'importo totale della convenzione"}
        )
    partner = session.scalar(
        select(ConventionPartner).where(
            ConventionPartner.convention_id == convention_id,
            ConventionPartner.organisation_id == organisation_id,
        )
    )
    if partner is None:
        partner = ConventionPartner(convention_id=convention_id, organisation_id=organisation_id)
        session.add(partner)
    partner.share = share
    partner.role = clean(role)
    session.flush()
    return partner.id


def remove_partner(session: Session, actor: Actor, partner_id: int) -> None:
    require(actor, Permission.WRITE_MONEY)
    partner = session.get(ConventionPartner, partner_id)
    if partner is None:
        raise NotFound("Partner non trovato (forse già tolto da un altro utente).")
    session.delete(partner)
    session.flush()


def organisations(session: Session, actor: Actor) -> list[tuple[int, str]]:
    require(actor, Permission.READ_MONEY)
    return [
        (r.id, r.name)
        for r in session.execute(
            select(Organisation.id, Organisation.name).order_by(Organisation.name)
        )
    ]


# --- documents -------------------------------------------------------------------------


def attach_document(
    session: Session,
    actor: Actor,
    convention_id: int,
    file_name: str,
    content: bytes,
    media_type: str = "application/octet-stream",
    description: str | None = None,
) -> int:
    """Keep a document with the convention (an identical file already attached is reused)."""
    require(actor, Permission.WRITE_MONEY)
    get_convention(session, convention_id)
    if not content:
        raise ValidationError({"file_name": "il file è vuoto"})
    if len(content) > MAX_DOCUMENT_BYTES:
        raise ValidationError({"file_name": "il file supera 20 MB"})
    digest = hashlib.sha256(content).hexdigest()
    existing = session.scalar(
        select(ConventionDocument.id).where(
            ConventionDocument.convention_id == convention_id, ConventionDocument.sha256 == digest
        )
    )
    if existing is not None:
        return existing
    document = ConventionDocument(
        convention_id=convention_id,
        file_name=file_name[-255:],
        media_type=media_type,
        size=len(content),
        sha256=digest,
        description=clean(description),
        content=content,
    )
    session.add(document)
    session.flush()
    return document.id


def document_content(session: Session, actor: Actor, document_id: int) -> tuple[str, bytes]:
    require(actor, Permission.READ_MONEY)
    document = session.get(ConventionDocument, document_id)
    if document is None:
        raise NotFound("Documento non trovato.")
    return document.file_name, document.content


def in_force_on(session: Session, day: dt.date) -> list[int]:
    """Conventions whose period (extensions included) holds ``day``, the most recently
    started first."""
    latest = (
        select(
            ConventionExtension.convention_id, func.max(ConventionExtension.new_end).label("end")
        )
        .group_by(ConventionExtension.convention_id)
        .subquery()
    )
    rows = session.execute(
        select(Convention.id, Convention.ends_on, latest.c.end)
        .outerjoin(latest, latest.c.convention_id == Convention.id)
        .where(Convention.starts_on <= day)
        .order_by(Convention.starts_on.desc(), Convention.id.desc())
    )
    return [r.id for r in rows if day <= max(r.ends_on, r.end or r.ends_on)]
