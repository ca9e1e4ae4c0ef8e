"""The audit log's hash chain: tampering done directly in the database (raw SQL, as with
any SQLite or PostgreSQL tool) is reported at the first broken link, on both engines;
what the application itself does (edits, anonymisation, merge and undo, import, several
writers at once) leaves the chain intact."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from tests.unit.test_exchange_support import import_file, person_row, persons_workbook
from tests.unit.test_gdpr import _anonymise, _scenario
from tests.unit.test_merge import _merge, _undo
from tit_desktop.models import AuditEntry, Role
from tit_desktop.services import audit, audit_chain, persons
from tit_desktop.services.audit_chain import ChainReport
from tit_desktop.services.database import Database
from tit_desktop.services.errors import PermissionDenied
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


def _verify(db: Database) -> ChainReport:
    with db.reading() as session:
        return audit_chain.verify(session)


def _sql(db: Database, sql: str, **params: object) -> None:
    with db.engine.begin() as conn:
        conn.execute(text(sql), params)


def _ids(db: Database) -> list[int]:
    with db.reading() as session:
        return list(session.scalars(select(AuditEntry.id).order_by(AuditEntry.chain_seq)))


def _three_people(db: Database, admin: Actor) -> list[int]:
    for i in range(3):
        _person(db, admin, f"C-{i}", f"Cognome{i}")
    return _ids(db)


# --- sealing ---------------------------------------------------------------------------


def test_every_row_is_sealed_in_a_gapless_chain(db: Database, admin: Actor) -> None:
    _three_people(db, admin)
    with db.reading() as session:
        rows = session.execute(
            select(AuditEntry.chain_seq, AuditEntry.chain_hash).order_by(AuditEntry.chain_seq)
        ).all()
    assert [seq for seq, _ in rows] == list(range(1, len(rows) + 1))
    assert all(h is not None and len(h) == 64 for _, h in rows)
    report = _verify(db)
    assert report.intact and report.rows_checked == len(rows)
    assert report.head_hash == rows[-1][1]
    assert "integro" in report.describe()


def test_a_rolled_back_transaction_leaves_no_trace_in_the_chain(db: Database, admin: Actor) -> None:
    _person(db, admin, "C-1")
    with pytest.raises(RuntimeError), db.transaction(admin) as session:
        audit.record(session, admin, "view", "person", 1)
        session.flush()
        raise RuntimeError("annullato")
    _person(db, admin, "C-2")
    assert _verify(db).intact


def test_hashes_do_not_depend_on_key_order_or_engine() -> None:
    at = dt.datetime(2026, 1, 2, 3, 4, 5, 6000, tzinfo=dt.UTC)
    one = audit_chain.content_hash(7, at, "u", "update", "person", "1", 1, {"a": 1, "b": 2}, None)
    two = audit_chain.content_hash(
        7,
        at.astimezone(dt.timezone(dt.timedelta(hours=2))),
        "u",
        "update",
        "person",
        "1",
        1,
        {"b": 2, "a": 1},
        None,
    )
    assert one == two
    assert one != audit_chain.content_hash(
        7,
        at + dt.timedelta(microseconds=1),
        "u",
        "update",
        "person",
        "1",
        1,
        {"a": 1, "b": 2},
        None,
    )


# --- tampering, by raw SQL -------------------------------------------------------------


def test_a_row_rewritten_in_the_database_is_the_first_broken_link(
    db: Database, admin: Actor
) -> None:
    ids = _three_people(db, admin)
    victim = ids[len(ids) // 2]
    _sql(db, "UPDATE audit_log SET username = 'qualcun.altro' WHERE id = :id", id=victim)
    report = _verify(db)
    assert not report.intact and report.broken is not None
    assert report.broken.audit_id == victim
    assert report.rows_checked == ids.index(victim)
    assert "non corrisponde" in report.broken.reason
    assert f"riga {victim}" in report.describe()


def test_changed_values_are_found(db: Database, admin: Actor) -> None:
    ids = _three_people(db, admin)
    _sql(db, "UPDATE audit_log SET detail = 'nulla di fatto' WHERE id = :id", id=ids[1])
    assert _verify(db).broken.audit_id == ids[1]  # type: ignore[union-attr]


def test_a_back_dated_row_is_found(db: Database, admin: Actor) -> None:
    ids = _three_people(db, admin)
    _sql(
        db,
        "UPDATE audit_log SET at = :at WHERE id = :id",
        at=dt.datetime(2020, 1, 1, 8, 0),
        id=ids[2],
    )
    report = _verify(db)
    assert report.broken is not None and report.broken.audit_id == ids[2]
    assert report.broken.at == dt.datetime(2020, 1, 1, 8, 0, tzinfo=dt.UTC)


def test_a_deleted_row_is_found_at_the_next_one(db: Database, admin: Actor) -> None:
    ids = _three_people(db, admin)
    _sql(db, "DELETE FROM audit_subject WHERE audit_id = :id", id=ids[1])
    _sql(db, "DELETE FROM audit_log WHERE id = :id", id=ids[1])
    report = _verify(db)
    assert report.broken is not None and report.broken.audit_id == ids[2]
    assert "cancellate" in report.broken.reason


def test_a_deleted_row_with_the_places_renumbered_is_found(db: Database, admin: Actor) -> None:
    ids = _three_people(db, admin)
    _sql(db, "DELETE FROM audit_log WHERE id = :id", id=ids[1])
    _sql(db, "UPDATE audit_log SET chain_seq = chain_seq - 1 WHERE id > :id", id=ids[1])
    report = _verify(db)
    assert report.broken is not None and report.broken.audit_id == ids[2]


def test_a_row_inserted_by_hand_is_found(db: Database, admin: Actor) -> None:
    _three_people(db, admin)
    _sql(
        db,
        "INSERT INTO audit_log (at, username, action, entity) "
        "VALUES (:at, 'admin', 'login', 'app_user')",
        at=dt.datetime(2026, 1, 1),
    )
    report = _verify(db)
    assert report.broken is not None and report.broken.chain_seq is None
    assert "fuori dalla catena" in report.broken.reason


def test_a_scrub_record_cannot_excuse_a_later_edit(db: Database, admin: Actor) -> None:
    """A forged 'resealed' record is itself a row of the chain: editing it breaks it."""
    ids = _three_people(db, admin)
    pid = _person(db, admin, "C-9", "Rossi")
    _anonymise(db, admin, pid, "C-9")
    assert _verify(db).intact
    _sql(db, "UPDATE audit_log SET detail = 'falso' WHERE id = :id", id=ids[0])
    assert _verify(db).broken.audit_id == ids[0]  # type: ignore[union-attr]


# --- what the application does keeps it intact --------------------------------------------


def test_anonymisation_rewrites_rows_and_the_chain_stays_verifiable(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    coordinator = actors[Role.COORDINATOR]
    people = _scenario(db, coordinator, tmp_path)
    _anonymise(db, coordinator, people["person"], "B-0042")
    _anonymise(db, coordinator, people["wife"], "B-0043")  # some rows rewritten twice
    with db.reading() as session:
        record = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == audit_chain.RESEAL_ENTITY)
        ).all()
    assert record and all(r.changes and r.changes[audit_chain.RESEAL_KEY] for r in record)
    report = _verify(db)
    assert report.intact, report.describe()
    # the record is needed: without it the rewritten rows are reported
    _sql(db, "UPDATE audit_log SET changes = NULL WHERE id = :id", id=record[0].id)
    assert not _verify(db).intact


def test_merge_and_undo_keep_the_chain(db: Database, admin: Actor) -> None:
    a = _person(db, admin, "M-1", "Rossi")
    b = _person(db, admin, "M-2", "Rossi")
    result = _merge(db, admin, a, b)
    _undo(db, admin, result.audit_id)
    assert _verify(db).intact


def test_an_import_keeps_the_chain(db: Database, admin: Actor, tmp_path: Path) -> None:
    rows = [person_row(Codice=f"IMP-{i}", Codice_fiscale="") for i in range(3)]
    report = import_file(db, admin, persons_workbook(tmp_path / "i.xlsx", rows))
    assert report.ok, report.errors
    with db.reading() as session:
        changes = session.scalars(select(AuditEntry.changes)).all()
    assert any(isinstance(c, dict) and "inserted" in c for c in changes), "a bulk summary row"
    assert _verify(db).intact


def test_two_writers_at_once_on_postgresql(db: Database, admin: Actor) -> None:
    """Two PCs writing audit rows at once: every commit joins the chain, none breaks it."""
    if db.is_sqlite:
        pytest.skip("SQLite has one writer at a time")
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def writer(name: str) -> None:
        try:
            barrier.wait()
            for i in range(40):
                with db.transaction(admin) as session:
                    audit.record(session, admin, "view", "person", i, detail=name)
                    session.flush()
                    audit.record(session, admin, "view", "person", i, detail=name)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("pc-1", "pc-2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    report = _verify(db)
    assert report.intact, report.describe()
    with db.reading() as session:
        assert session.scalar(select(func.count()).where(AuditEntry.detail.like("pc-%"))) == 160


def test_only_an_administrator_verifies(db: Database, actors: dict[Role, Actor]) -> None:
    with db.reading() as session:
        assert audit_chain.verify_as(session, actors[Role.ADMIN]).intact
        for role in (Role.COORDINATOR, Role.OPERATOR, Role.READ_ONLY):
            with pytest.raises(PermissionDenied):
                audit_chain.verify_as(session, actors[role])


# --- the migration ---------------------------------------------------------------------


def test_the_migration_chains_the_rows_already_there(db: Database, admin: Actor) -> None:
    """Down to 0004 (the chain's columns go), rows written then, up again: all chained."""
    from alembic import command

    from tit_desktop.services import schema

    _three_people(db, admin)
    config = schema.alembic_config()
    with db.write_connection() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_log (at, username, action, entity, changes) "
                "VALUES (:at, 'admin', 'update', 'person', :changes)"
            ),
            {"at": dt.datetime(2026, 5, 1, 9, 30, 0, 123456), "changes": '{"z": 1, "a": [2]}'},
        )
    with db.write_connection() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    report = _verify(db)
    assert report.intact, report.describe()
    with db.reading() as session:
        total = session.scalar(select(func.count()).select_from(AuditEntry))
    assert report.rows_checked == total
    _person(db, admin, "C-after")  # the chain goes on from the migrated head
    assert _verify(db).rows_checked == total + 1


def test_a_backup_carries_a_verifiable_chain(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    """PostgreSQL -> SQLite file (or SQLite -> SQLite): the copy verifies as the original,
    hashes of JSON and moments included; a copy edited afterwards does not."""
    from tit_desktop.services import backup

    coordinator = actors[Role.COORDINATOR]
    people = _scenario(db, coordinator, tmp_path)
    _anonymise(db, coordinator, people["person"], "B-0042")
    original = _verify(db)
    path = backup.backup(db, actors[Role.ADMIN], tmp_path / "copia.sqlite3")
    copy = Database("sqlite:///" + path.as_posix())
    try:
        report = _verify(copy)
        assert report.intact, report.describe()
        assert report.head_seq >= original.head_seq
        _sql(copy, "DELETE FROM audit_log WHERE id = (SELECT MIN(id) FROM audit_log)")
        assert not _verify(copy).intact
    finally:
        copy.dispose()


def test_a_backup_edited_and_rechained_tells_another_story(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    """Whoever edits a backup and recomputes its chain gets a file that verifies alone, but
    not as a beginning of the live database's log: restore can tell."""
    from tit_desktop.services import backup

    _three_people(db, admin)
    path = backup.backup(db, admin, tmp_path / "copia.sqlite3")
    _person(db, admin, "C-live")  # the office goes on working
    copy = Database("sqlite:///" + path.as_posix())
    try:
        with db.reading() as live, copy.reading() as session:
            honest = audit_chain.verify(session)
            assert audit_chain.same_history(live, honest) is True
        _sql(copy, "UPDATE audit_log SET username = 'nessuno' WHERE id = 1")
        _sql(copy, "UPDATE audit_log SET chain_seq = NULL, chain_hash = NULL")
        with copy.engine.begin() as conn:
            audit_chain.seal(conn)
        with db.reading() as live, copy.reading() as session:
            forged = audit_chain.verify(session)
            assert forged.intact
            assert audit_chain.same_history(live, forged) is False
    finally:
        copy.dispose()
