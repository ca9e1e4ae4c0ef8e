"""A person's audit trail is found through the indexed person column, from either side of a
household link and of a merge (also an undone one), and nothing else is read."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import event

from tit_desktop.models import HouseholdRelation, Role
from tit_desktop.services import household, merge, persons
from tit_desktop.services.database import Database
from tit_desktop.services.gdpr.trail import find_trail
from tit_desktop.services.permissions import Actor


def _person(db: Database, actor: Actor, code: str, last: str) -> int:
    with db.transaction(actor) as session:
        data = persons.PersonInput(
            code=code, last_name=last, first_name="Test", intake_date=dt.date(2024, 5, 2)
        )
        return persons.create_person(session, actor, data).id


def test_the_trail_of_each_side_of_links_and_merges(
    db: Database, actors: dict[Role, Actor]
) -> None:
    # GIVEN a link entered from the son's record (filed under the son), and a merge of
    # two records that was undone (the merge rows are filed under the survivor)
    coordinator = actors[Role.COORDINATOR]
    father = _person(db, coordinator, "F-1", "Diallo")
    son = _person(db, coordinator, "F-2", "Diallo")
    survivor = _person(db, coordinator, "M-1", "Keita")
    absorbed = _person(db, coordinator, "M-2", "Keïta")
    with db.transaction(coordinator) as session:
        household.link_relative(session, coordinator, son, "F-1", HouseholdRelation.PARENT)
        merge.merge_persons(session, coordinator, survivor, absorbed)
    with db.transaction(coordinator) as session:
        merge.undo_merge(session, coordinator, survivor_id=survivor, absorbed_id=absorbed)

    with db.reading() as session:
        # WHEN the father's trail is read
        father_trail = find_trail(session, [father])
        # THEN the link entered on the son's record is in it
        assert "household_link" in father_trail.linked_rows
        _, link_rows = father_trail.linked_rows["household_link"]
        assert [e.action for e in link_rows] == ["insert"]
        # WHEN the absorbed record's trail is read (the merge is undone: it stands alone)
        absorbed_trail = find_trail(session, [absorbed])
        actions = [(e.action, e.entity_id) for e in absorbed_trail.record_rows]
        # THEN the merge and its undo, filed under the survivor, are in it
        assert ("merge", str(survivor)) in actions
        assert ("undo_merge", str(survivor)) in actions
        assert absorbed_trail.partners == {survivor}
        # and the survivor's own edits are not
        assert all(
            e.entity_id == str(absorbed) or e.action in ("merge", "undo_merge")
            for e in absorbed_trail.record_rows
        )


def test_the_trail_reads_the_audit_log_through_the_person_index(
    db: Database, actors: dict[Role, Actor]
) -> None:
    coordinator = actors[Role.COORDINATOR]
    pid = _person(db, coordinator, "I-1", "Bah")
    statements: list[str] = []

    def remember(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        statements.append(statement)

    with db.reading() as session:
        engine = session.get_bind()
        event.listen(engine, "before_cursor_execute", remember)
        try:
            find_trail(session, [pid])
        finally:
            event.remove(engine, "before_cursor_execute", remember)
    on_log = [s for s in statements if "audit_log" in s]
    assert on_log
    # every query on the log selects by person, or by the entity's record (both indexed);
    # none matches text inside the stored changes
    for statement in on_log:
        assert "audit_log.person_id IN" in statement or "audit_log.entity_id IN" in statement
        assert "LIKE" not in statement.upper() and "CAST(" not in statement.upper()
