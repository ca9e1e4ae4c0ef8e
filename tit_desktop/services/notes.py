"""Dated notes on a person. Confidential notes are read and written only by the roles
that may read confidential notes (coordinatore, admin)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tit_desktop.models import NoteLevel, PersonNote, User
from tit_desktop.services import persons
from tit_desktop.services.errors import PermissionDenied, ValidationError
from tit_desktop.services.permissions import Actor, Permission, require

MAX_NOTE_LENGTH = 5_000


@dataclass(frozen=True)
class NoteView:
    id: int
    written_at: dt.datetime
    author: str
    level: NoteLevel
    text: str


def add_note(
    session: Session,
    actor: Actor,
    person_id: int,
    text: str,
    level: NoteLevel = NoteLevel.NORMAL,
) -> NoteView:
    require(actor, Permission.WRITE_REGISTRY)
    if level is NoteLevel.CONFIDENTIAL and not actor.can(Permission.READ_CONFIDENTIAL):
        raise PermissionDenied(
            "Le note riservate possono essere scritte solo da coordinatori e amministratori."
        )
    persons.editable_person(session, person_id)
    body = (text or "").strip()
    if not body:
        raise ValidationError({"text": "la nota è vuota"})
    if len(body) > MAX_NOTE_LENGTH:
        raise ValidationError({"text": f"troppo lunga: al massimo {MAX_NOTE_LENGTH} caratteri"})
    note = PersonNote(person_id=person_id, author_user_id=actor.user_id, level=level, text=body)
    session.add(note)
    session.flush()
    return NoteView(note.id, note.written_at, actor.full_name or actor.username, level, body)


def list_notes(session: Session, actor: Actor, person_id: int) -> tuple[list[NoteView], int]:
    """The notes the actor may read, newest first, and how many confidential ones are
    hidden from them (so that the screen can say they exist)."""
    require(actor, Permission.READ_REGISTRY)
    query = (
        select(PersonNote, User.full_name, User.username)
        .outerjoin(User, User.id == PersonNote.author_user_id)
        .where(PersonNote.person_id == person_id)
        .order_by(PersonNote.written_at.desc(), PersonNote.id.desc())
    )
    hidden = 0
    if not actor.can(Permission.READ_CONFIDENTIAL):
        query = query.where(PersonNote.level == NoteLevel.NORMAL)
        hidden = int(
            session.scalar(
                select(func.count())
                .select_from(PersonNote)
                .where(
                    PersonNote.person_id == person_id, PersonNote.level == NoteLevel.CONFIDENTIAL
                )
            )
            or 0
        )
    notes = [
        NoteView(n.id, n.written_at, full or user or "sistema", n.level, n.text)
        for n, full, user in session.execute(query)
    ]
    return notes, hidden
