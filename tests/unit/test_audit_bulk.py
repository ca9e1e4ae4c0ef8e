"""A person's trail by index, bulk writes with one summary audit row, and the guard that
refuses a write on an audited table outside the ORM flush and the bulk helper."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import delete, func, insert, select, update

from tit_desktop.models import (
    AuditEntry,
    AuditSubject,
    HouseholdRelation,
    Organisation,
    Person,
    PersonNote,
    PersonSearchToken,
    Role,
)
from tit_desktop.services import attachments, audit, bulk, household, merge, notes, persons
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor


def _person(db: Database, actor: Actor, code: str, last: str = "Diallo") -> int:
    with db.transaction(actor) as session:
        return persons.create_person(
            session,
            actor,
            persons.PersonInput(
                code=code, last_name=last, first_name="Amina", intake_date=dt.date(2024, 1, 8)
            ),
        ).id


def _rows(db: Database, *conditions: object) -> list[AuditEntry]:
    with db.reading() as session:
        query = select(AuditEntry).where(*conditions).order_by(AuditEntry.id)  # type: ignore[arg-type]
        return list(session.scalars(query))


def _new_rows(count: int, prefix: str = "BK") -> list[dict[str, object]]:
    return [
        persons.new_person_row(
            persons.normalise(
                persons.PersonInput(
                    code=f"{prefix}-{i}",
                    last_name=f"Cognome{i}",
                    first_name="Nome",
                    intake_date=dt.date(2024, 3, 1),
                )
            )
        )
        for i in range(count)
    ]


# --- person_id on the listener's rows ---------------------------------------------------


def test_rows_of_a_person_and_of_their_notes_links_attachments_name_the_person(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    coordinator = actors[Role.COORDINATOR]
    mother = _person(db, coordinator, "P-1", "Bah")
    child = _person(db, coordinator, "P-2", "Bah")
    scan = tmp_path / "permesso.pdf"
    scan.write_bytes(b"%PDF-1.4 scansione")
    with db.transaction(coordinator) as session:
        notes.add_note(session, coordinator, mother, "Primo colloquio")
        household.link_relative(session, coordinator, mother, "P-2", HouseholdRelation.CHILD)
        attachments.attach_file(session, coordinator, mother, scan)
        persons.open_person(session, coordinator, mother)
    by_entity = {
        e.entity: e.person_id
        for e in _rows(db, AuditEntry.entity != "app_user", AuditEntry.entity != "person")
    }
    assert by_entity == {"person_note": mother, "household_link": mother, "attachment": mother}
    person_rows = _rows(db, AuditEntry.entity == "person")
    assert {(e.action, e.entity_id, e.person_id) for e in person_rows} == {
        ("insert", str(mother), mother),
        ("insert", str(child), child),
        ("view", str(mother), mother),
    }
    with db.reading() as session:
        trail = session.scalars(
            select(AuditEntry.entity).where(audit.concerning([mother])).order_by(AuditEntry.id)
        ).all()
    assert trail == ["person", "person_note", "household_link", "attachment", "person"]


# --- the bulk helper --------------------------------------------------------------------


def test_a_bulk_insert_writes_one_summary_row_naming_records_and_persons(
    db: Database, admin: Actor
) -> None:
    with db.transaction(admin) as session:
        ids = bulk.insert_rows(
            session,
            admin,
            Person,
            _new_rows(3),
            action="import",
            detail="Importazione di prova: 3 nuove",
            changes={"file": "prova.xlsx"},
        )
    assert len(ids) == 3
    rows = _rows(db, AuditEntry.entity == "person")
    assert len(rows) == 1
    summary = rows[0]
    assert (summary.action, summary.username, summary.detail) == (
        "import",
        "admin",
        "Importazione di prova: 3 nuove",
    )
    assert summary.changes == {
        "file": "prova.xlsx",
        "table": "person",
        "inserted": {"count": 3, "ids": ids},
    }
    with db.reading() as session:
        named = session.scalars(
            select(AuditSubject.person_id).where(AuditSubject.audit_id == summary.id)
        ).all()
        stored = session.scalars(select(Person).order_by(Person.id)).all()
    assert sorted(named) == sorted(ids)
    assert [p.code for p in stored] == ["BK-0", "BK-1", "BK-2"]
    assert all(p.version == 1 and p.created_at is not None for p in stored)


def test_a_failing_bulk_write_leaves_neither_rows_nor_summary(db: Database, admin: Actor) -> None:
    with (
        pytest.raises(RuntimeError, match="interrotto"),
        db.transaction(admin) as session,
        bulk.writing(session, admin, Person, detail="prova") as batch,
    ):
        batch.insert(_new_rows(2))
        raise RuntimeError("interrotto")
    # and a summary written, then the transaction rolled back: both are gone
    with pytest.raises(RuntimeError, match="dopo"), db.transaction(admin) as session:
        bulk.insert_rows(session, admin, Person, _new_rows(2), detail="prova")
        assert session.scalar(select(func.count()).select_from(AuditSubject)) == 2
        raise RuntimeError("dopo")
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 0
        assert session.scalar(select(func.count()).select_from(AuditSubject)) == 0
    assert _rows(db, AuditEntry.entity == "person") == []


def test_bulk_update_and_delete_name_the_persons_of_their_rows(db: Database, admin: Actor) -> None:
    first, second = _person(db, admin, "U-1"), _person(db, admin, "U-2")
    with db.transaction(admin) as session:
        note_ids = [
            notes.add_note(session, admin, pid, f"nota {pid}").id for pid in (first, second)
        ]
    with db.transaction(admin) as session:
        loaded = session.get(PersonNote, note_ids[0])
        assert loaded is not None and loaded.version == 1
        changed = bulk.update_rows(
            session,
            admin,
            PersonNote,
            [{"id": note_ids[0], "text": "corretta"}, {"id": note_ids[1], "text": "corretta"}],
            detail="correzione",
        )
        assert changed == 2
        assert loaded.text == "corretta" and loaded.version == 2  # expired, reloaded
        removed = bulk.delete_rows(session, admin, PersonNote, [note_ids[1]], detail="pulizia")
    assert removed == 1
    update_row, delete_row = _rows(db, AuditEntry.action == "bulk")
    assert update_row.changes == {
        "table": "person_note",
        "updated": {"count": 2, "ids": note_ids},
    }
    assert delete_row.changes == {
        "table": "person_note",
        "deleted": {"count": 1, "ids": [note_ids[1]]},
    }
    assert update_row.person_id is None and delete_row.person_id == second
    with db.reading() as session:
        trail = session.scalars(
            select(AuditEntry.id).where(audit.concerning([second])).order_by(AuditEntry.id)
        ).all()
        own_only = session.scalars(
            select(AuditEntry.id).where(audit.concerning([second], bulk=False))
        ).all()
        found = audit.search(session, admin, audit.AuditFilter(person_id=first))
        counted = audit.count(session, admin, audit.AuditFilter(person_id=first))
    assert update_row.id in trail and delete_row.id in trail
    assert update_row.id not in own_only and delete_row.id in own_only  # one person: filed
    assert update_row.id in [r.id for r in found] and delete_row.id not in [r.id for r in found]
    assert counted == len(found)


# --- the guard --------------------------------------------------------------------------


def test_core_and_orm_bulk_writes_on_audited_tables_are_refused(db: Database, admin: Actor) -> None:
    pid = _person(db, admin, "G-1")
    attempts = {
        "Core through the session": lambda s: s.execute(insert(Organisation).values(name="X")),
        "ORM bulk insert": lambda s: s.execute(insert(Organisation), [{"name": "Y", "version": 1}]),
        "ORM bulk update": lambda s: s.execute(
            update(Person), [{"id": pid, "phone": "333", "version": 1}]
        ),
        "Core on the session's connection": lambda s: s.connection().execute(
            delete(Person).where(Person.id == pid)
        ),
    }
    for what, attempt in attempts.items():
        with (
            pytest.raises(audit.UnauditedWrite, match="fuori dal registro") as err,
            db.transaction(admin) as session,
        ):
            attempt(session)
        assert what and "tit_desktop.services.bulk" in str(err.value)
    with (
        pytest.raises(audit.UnauditedWrite, match="UPDATE sulla tabella person"),
        db.engine.begin() as connection,
    ):
        connection.execute(update(Person).values(phone="1"))
    with db.reading() as session:
        person = session.get(Person, pid)
        assert person is not None and person.phone is None
        assert session.scalar(select(func.count()).select_from(Organisation)) == 0


def test_the_guard_lets_through_the_flush_skipped_tables_and_marked_writes(
    db: Database, admin: Actor
) -> None:
    pid = _person(db, admin, "G-2")  # an ORM flush (and search tokens, a skipped table)
    with db.transaction(admin) as session:
        session.execute(delete(PersonSearchToken).where(PersonSearchToken.person_id == pid))
        session.execute(
            update(Person).where(Person.id == pid).values(phone="071"),
            execution_options=audit.audited_elsewhere("test"),
        )
    with db.engine.begin() as connection:
        connection.execution_options(**audit.audited_elsewhere("test"))
        connection.execute(update(Person).values(notes="marcato"))
    with db.reading() as session:
        person = session.get(Person, pid)
    assert person is not None and (person.phone, person.notes) == ("071", "marcato")
    with pytest.raises(ValueError):
        audit.audited_elsewhere("  ")


# --- the viewer's service on a big log ----------------------------------------------------


def test_count_can_stop_at_a_cap_and_pages_go_by_key(db: Database, admin: Actor) -> None:
    with db.transaction(admin) as session:
        for i in range(12):
            audit.record(session, admin, "export", "person", i + 1, detail=f"stampa {i}")
    flt = audit.AuditFilter(action="export")
    with db.reading() as session:
        assert audit.count(session, admin, flt) == 12
        assert audit.count(session, admin, flt, cap=10) == 11  # "more than 10"
        assert audit.count(session, admin, flt, cap=20) == 12
        first = audit.search(session, admin, flt, limit=5)
        second = audit.search(session, admin, flt, limit=5, before_id=first[-1].id)
        by_offset = audit.search(session, admin, flt, limit=5, offset=5)
    assert [r.detail for r in first] == [f"stampa {i}" for i in range(11, 6, -1)]
    assert second == by_offset


def test_a_merge_and_its_undo_are_in_both_persons_trails(
    db: Database, actors: dict[Role, Actor]
) -> None:
    coordinator = actors[Role.COORDINATOR]
    survivor = _person(db, coordinator, "M-1", "Ali")
    absorbed = _person(db, coordinator, "M-2", "Ali")
    with db.transaction(coordinator) as session:
        result = merge.merge_persons(session, coordinator, survivor, absorbed)
    with db.transaction(coordinator) as session:
        merge.undo_merge(session, coordinator, result.audit_id)
    for pid in (survivor, absorbed):
        with db.reading() as session:
            actions = session.scalars(
                select(AuditEntry.action)
                .where(audit.concerning([pid]), AuditEntry.action.in_(("merge", "undo_merge")))
                .order_by(AuditEntry.id)
            ).all()
        assert actions == ["merge", "undo_merge"], pid
