"""Scanned documents attached to a person, stored in the database with a SHA-256 digest
(every PC of a shared server sees them; the digest detects damage and double uploads)."""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tit_desktop.models import Attachment
from tit_desktop.models.audit import AuditAction
from tit_desktop.services import audit, persons
from tit_desktop.services.errors import ConflictError, NotFound, ValidationError
from tit_desktop.services.permissions import Actor, Permission, require

MAX_SIZE = 20 * 1024 * 1024  # a scan of a few pages; bigger files belong elsewhere


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    file_name: str
    media_type: str
    size: int
    sha256: str
    description: str | None
    uploaded_at: dt.datetime


def _info(a: Attachment) -> AttachmentInfo:
    return AttachmentInfo(
        a.id, a.file_name, a.media_type, a.size, a.sha256, a.description, a.uploaded_at
    )


def attach_file(
    session: Session, actor: Actor, person_id: int, path: Path, description: str = ""
) -> AttachmentInfo:
    require(actor, Permission.WRITE_REGISTRY)
    persons.editable_person(session, person_id)
    path = Path(path)
    if not path.is_file():
        raise ValidationError({"file": f"il file {path} non esiste"})
    size = path.stat().st_size
    if size == 0:
        raise ValidationError({"file": "il file è vuoto"})
    if size > MAX_SIZE:
        raise ValidationError(
            {
                "file": f"troppo grande ({size // (1024 * 1024)} MB): al massimo "
                f"{MAX_SIZE // (1024 * 1024)} MB"
            }
        )
    content = path.read_bytes()
    digest = hashlib.sha256(content).hexdigest()
    duplicate = session.scalar(
        select(Attachment.file_name).where(
            Attachment.person_id == person_id, Attachment.sha256 == digest
        )
    )
    if duplicate is not None:
        raise ConflictError(f"Lo stesso documento è già allegato (come «{duplicate}»).")
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    attachment = Attachment(
        person_id=person_id,
        file_name=path.name[:255],
        media_type=media_type,
        size=size,
        sha256=digest,
        description=(description or "").strip()[:300] or None,
        uploaded_by_user_id=actor.user_id,
        content=content,
    )
    session.add(attachment)
    session.flush()
    return _info(attachment)


def list_attachments(session: Session, actor: Actor, person_id: int) -> list[AttachmentInfo]:
    require(actor, Permission.READ_REGISTRY)
    rows = session.scalars(
        select(Attachment)
        .where(Attachment.person_id == person_id)
        .order_by(Attachment.uploaded_at.desc(), Attachment.id.desc())
    )
    return [_info(a) for a in rows]


def copy_to_file(session: Session, actor: Actor, attachment_id: int, target: Path) -> Path:
    """Write the document to ``target`` after checking its digest; the reading is audited."""
    require(actor, Permission.EXPORT_DATA)
    attachment = session.get(Attachment, attachment_id)
    if attachment is None:
        raise NotFound("Allegato non trovato.")
    content = attachment.content
    if hashlib.sha256(content).hexdigest() != attachment.sha256:
        raise ConflictError(
            "Il documento risulta danneggiato: l'impronta SHA-256 non "
            "corrisponde. Ricaricatelo dall'originale."
        )
    Path(target).write_bytes(content)
    audit.record(
        session,
        actor,
        AuditAction.EXPORT,
        "attachment",
        attachment.id,
        detail=f"copia salvata: {attachment.file_name}",
        person_id=attachment.person_id,
    )
    return Path(target)


def remove_attachment(session: Session, actor: Actor, attachment_id: int) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    attachment = session.get(Attachment, attachment_id)
    if attachment is None:
        raise NotFound("Allegato non trovato (forse già tolto da un altro utente).")
    session.delete(attachment)
