"""Notes, household links and attachments of a person."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import update

from tit_desktop.models import Attachment, HouseholdRelation, NoteLevel, Role
from tit_desktop.services import attachments, audit, household, notes, persons
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ConflictError, PermissionDenied, ValidationError
from tit_desktop.services.permissions import Actor


def _person(db: Database, actor: Actor, code: str, last: str) -> int:
    with db.transaction(actor) as session:
        return persons.create_person(
            session,
            actor,
            persons.PersonInput(
                code=code, last_name=last, first_name="Amina", intake_date=dt.date(2024, 1, 8)
            ),
        ).id


def test_notes_confidentiality(db: Database, actors: dict[Role, Actor]) -> None:
    coordinator, operator = actors[Role.COORDINATOR], actors[Role.OPERATOR]
    pid = _person(db, coordinator, "N-1", "Diallo")
    with db.transaction(operator) as session:
        notes.add_note(session, operator, pid, "  Primo colloquio.  ")
    with pytest.raises(PermissionDenied), db.transaction(operator) as session:
        notes.add_note(session, operator, pid, "Riservata", NoteLevel.CONFIDENTIAL)
    with db.transaction(coordinator) as session:
        notes.add_note(session, coordinator, pid, "Riservata", NoteLevel.CONFIDENTIAL)
    with pytest.raises(ValidationError) as err, db.transaction(operator) as session:
        notes.add_note(session, operator, pid, "   ")
    assert err.value.fields == {"text": "la nota è vuota"}
    with db.reading() as session:
        seen_by_operator = notes.list_notes(session, operator, pid)
        seen_by_coordinator = notes.list_notes(session, coordinator, pid)
    assert [n.text for n in seen_by_operator[0]] == ["Primo colloquio."]
    assert seen_by_operator[1] == 1
    assert sorted(n.text for n in seen_by_coordinator[0]) == ["Primo colloquio.", "Riservata"]
    assert seen_by_coordinator[1] == 0


def test_household_reads_from_both_sides(db: Database, admin: Actor) -> None:
    mother = _person(db, admin, "H-1", "Bah")
    child = _person(db, admin, "H-2", "Bah")
    with db.transaction(admin) as session:
        household.link_relative(session, admin, mother, "H-2", HouseholdRelation.CHILD)
    with db.reading() as session:
        from_mother = household.relatives(session, admin, mother)
        from_child = household.relatives(session, admin, child)
    assert [(r.code, r.relation) for r in from_mother] == [("H-2", HouseholdRelation.CHILD)]
    assert [(r.code, r.relation) for r in from_child] == [("H-1", HouseholdRelation.PARENT)]
    with pytest.raises(ConflictError), db.transaction(admin) as session:
        household.link_relative(session, admin, child, "H-1", HouseholdRelation.PARENT)
    with pytest.raises(ValidationError) as err, db.transaction(admin) as session:
        household.link_relative(session, admin, child, "H-2", HouseholdRelation.OTHER_RELATIVE)
    assert err.value.fields == {"relative": "una persona non può essere familiare di sé stessa"}
    with db.transaction(admin) as session:
        household.unlink_relative(session, admin, from_mother[0].link_id)
    with db.reading() as session:
        assert household.relatives(session, admin, child) == []


def test_attachments_keep_a_digest_and_refuse_duplicates(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    pid = _person(db, admin, "F-1", "Traoré")
    scan = tmp_path / "permesso.pdf"
    scan.write_bytes(b"%PDF-1.4 scansione del permesso")
    with db.transaction(admin) as session:
        info = attachments.attach_file(session, admin, pid, scan, "Permesso di soggiorno")
    assert info.sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()
    assert info.media_type == "application/pdf" and info.size == scan.stat().st_size
    with pytest.raises(ConflictError) as err, db.transaction(admin) as session:
        attachments.attach_file(session, admin, pid, scan)
    assert "già allegato" in err.value.message
    copy = tmp_path / "copia.pdf"
    with db.transaction(admin) as session:
        attachments.copy_to_file(session, admin, info.id, copy)
    assert copy.read_bytes() == scan.read_bytes()
    # A damaged stored file is detected, not handed out.
    with db.transaction(admin) as session:
        session.execute(
            update(Attachment).where(Attachment.id == info.id).values(content=b"rovinato"),
            execution_options=audit.audited_elsewhere("test: un file rovinato sul disco"),
        )
    with pytest.raises(ConflictError) as damaged, db.transaction(admin) as session:
        attachments.copy_to_file(session, admin, info.id, tmp_path / "x.pdf")
    assert "danneggiato" in damaged.value.message
    empty = tmp_path / "vuoto.pdf"
    empty.write_bytes(b"")
    with pytest.raises(ValidationError), db.transaction(admin) as session:
        attachments.attach_file(session, admin, pid, empty)
    with db.transaction(admin) as session:
        attachments.remove_attachment(session, admin, info.id)
    with db.reading() as session:
        assert attachments.list_attachments(session, admin, pid) == []
