"""Percorsi: entry after intake, exit after entry, one open percorso per person and no
overlap (checked by the service and, behind it, by the database on both engines), the
conflict naming the other percorso, the Beneficiari list's active filter."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tit_desktop.models import AuditEntry, Pathway, Role
from tit_desktop.models.destinations import DESTINATION_GROUPS, DestinationGroup, ExitDestination
from tit_desktop.services import clock, pathways, persons
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ConflictError, PermissionDenied, ValidationError
from tit_desktop.services.permissions import Actor

D = dt.date
INTAKE = D(2025, 1, 10)


def make_person(db: Database, actor: Actor, code: str = "TIU-00001", intake: D = INTAKE) -> int:
    with db.transaction(actor) as session:
        return persons.create_person(
            session,
            actor,
            persons.PersonInput(
                code=code, last_name="Diallo", first_name="Awa", sex="F", intake_date=intake
            ),
        ).id


def open_pathway(
    db: Database,
    actor: Actor,
    person_id: int,
    entry: D,
    exit_date: D | None = None,
    destination: str | None = None,
) -> int:
    with db.transaction(actor) as session:
        return pathways.create_pathway(
            session,
            actor,
            pathways.PathwayInput(
                person_id,
                entry,
                actions="corso di italiano",
                exit_date=exit_date,
                exit_destination=destination,
            ),
        )


def errors_of(db: Database, actor: Actor, data: pathways.PathwayInput) -> dict[str, str]:
    with pytest.raises(ValidationError) as err, db.transaction(actor) as session:
        pathways.create_pathway(session, actor, data)
    return err.value.fields


def test_destinations_are_domain_5_with_their_groups() -> None:
    assert [d.value for d in ExitDestination] == [
        "affitto autonomo",
        "edilizia residenziale pubblica",
        "housing first permanente",
        "ospite stabile di familiari/amici",
        "co-housing",
        "accoglienza istituzionale",
        "ospite temporaneo",
        "strada / luogo non adatto",
        "rimpatrio/trasferimento",
        "decesso",
        "sconosciuta",
    ]
    housing = [d for d, g in DESTINATION_GROUPS.items() if g is DestinationGroup.HOUSING]
    assert (
        len(housing) == 4 and DESTINATION_GROUPS[ExitDestination.STREET] is DestinationGroup.STREET
    )


def test_a_pathway_is_opened_closed_and_audited_under_the_person(
    db: Database, admin: Actor
) -> None:
    person_id = make_person(db, admin)
    pathway_id = open_pathway(db, admin, person_id, D(2025, 2, 1))
    with db.transaction(admin) as session:
        view = pathways.get_pathway(session, admin, pathway_id)
        assert view.is_open and view.person_code == "TIU-00001"
        pathways.close_pathway(
            session,
            admin,
            pathway_id,
            view.version,
            D(2025, 9, 30),
            "affitto autonomo",
            "contratto di lavoro",
        )
    with db.reading() as session:
        view = pathways.get_pathway(session, admin, pathway_id)
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "pathway").order_by(AuditEntry.id)
        ).all()
    assert view.exit_date == D(2025, 9, 30) and view.destination_group == "abitazione"
    assert [e.action for e in entries] == ["insert", "update"]
    assert all(e.person_id == person_id for e in entries)


def test_bad_input_is_named_per_field_and_nothing_is_written(db: Database, admin: Actor) -> None:
    person_id = make_person(db, admin, intake=D(2025, 3, 1))
    before = pathways.PathwayInput(person_id, D(2025, 2, 28))
    assert "presa in carico (01/03/2025)" in errors_of(db, admin, before)["entry_date"]
    backwards = pathways.PathwayInput(
        person_id, D(2025, 5, 1), exit_date=D(2025, 4, 30), exit_destination="decesso"
    )
    assert "non può precedere l'ingresso" in errors_of(db, admin, backwards)["exit_date"]
    unknown = pathways.PathwayInput(
        person_id, D(2025, 5, 1), exit_date=D(2025, 6, 1), exit_destination="in vacanza"
    )
    assert "destinazione sconosciuta" in errors_of(db, admin, unknown)["exit_destination"]
    no_destination = pathways.PathwayInput(person_id, D(2025, 5, 1), exit_date=D(2025, 6, 1))
    assert "destinazione" in errors_of(db, admin, no_destination)["exit_destination"]
    assert "obbligatorio" in errors_of(db, admin, pathways.PathwayInput(person_id))["entry_date"]
    with db.reading() as session:
        assert session.scalars(select(Pathway)).all() == []


def test_a_second_open_pathway_and_an_overlap_are_refused_naming_the_other(
    db: Database, admin: Actor
) -> None:
    person_id = make_person(db, admin)
    open_pathway(db, admin, person_id, D(2025, 2, 1), D(2025, 6, 30), "ospite temporaneo")
    open_pathway(db, admin, person_id, D(2025, 9, 1))
    second_open = errors_of(db, admin, pathways.PathwayInput(person_id, D(2025, 12, 1)))
    assert (
        "già un percorso aperto (il percorso dal 01/09/2025 (aperto))" in second_open["entry_date"]
    )
    overlap = errors_of(
        db,
        admin,
        pathways.PathwayInput(
            person_id, D(2025, 6, 1), exit_date=D(2025, 7, 31), exit_destination="decesso"
        ),
    )
    assert "si sovrappone a il percorso dal 01/02/2025 al 30/06/2025" in overlap["entry_date"]


@pytest.mark.parametrize("open_second", [True, False])
def test_the_database_refuses_what_the_check_would_have_caught(
    db: Database, admin: Actor, open_second: bool
) -> None:
    # GIVEN an open percorso, and a write that skips the service's check (another PC that
    # checked before this one committed)
    person_id = make_person(db, admin)
    open_pathway(db, admin, person_id, D(2025, 2, 1))
    exit_date = None if open_second else D(2025, 3, 31)
    with pytest.raises(ConflictError) as err, db.transaction(admin) as session:
        session.add(
            Pathway(
                person_id=person_id,
                entry_date=D(2025, 3, 1),
                exit_date=exit_date,
                exit_destination=None if open_second else ExitDestination.UNKNOWN,
            )
        )
        session.flush()
    # THEN the refusal names the other percorso and the person
    assert "dal 01/02/2025 (aperto)" in err.value.message
    assert "Diallo Awa (TIU-00001)" in err.value.message
    with db.reading() as session:
        assert len(session.scalars(select(Pathway)).all()) == 1


def test_moving_a_closed_pathway_onto_another_is_refused_by_the_database(
    db: Database, admin: Actor
) -> None:
    person_id = make_person(db, admin)
    open_pathway(db, admin, person_id, D(2025, 2, 1), D(2025, 3, 31), "decesso")
    later = open_pathway(db, admin, person_id, D(2025, 6, 1), D(2025, 7, 31), "decesso")
    with pytest.raises(ConflictError) as err, db.transaction(admin) as session:
        row = session.get(Pathway, later)
        assert row is not None
        row.entry_date = D(2025, 3, 15)
        session.flush()
    assert (
        "si sovrappone" in err.value.message and "dal 01/02/2025 al 31/03/2025" in err.value.message
    )


def test_the_read_only_role_cannot_write(db: Database, actors: dict[Role, Actor]) -> None:
    person_id = make_person(db, actors[Role.ADMIN])
    with pytest.raises(PermissionDenied), db.transaction(actors[Role.READ_ONLY]) as session:
        pathways.create_pathway(
            session, actors[Role.READ_ONLY], pathways.PathwayInput(person_id, D(2025, 2, 1))
        )


def test_the_persons_active_filter_follows_the_pathways(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "today", lambda: D(2025, 10, 1))
    running = make_person(db, admin, "TIU-00001")
    ended = make_person(db, admin, "TIU-00002")
    make_person(db, admin, "TIU-00003")
    open_pathway(db, admin, running, D(2025, 2, 1))
    open_pathway(db, admin, ended, D(2025, 2, 1), D(2025, 9, 30), "decesso")
    with db.reading() as session:
        ids = persons.search_ids(session, admin, persons.PersonFilter(in_pathway=True))
        assert ids == [running]
        assert persons.count(session, admin, persons.PersonFilter(in_pathway=True)) == 1
        assert len(persons.search_ids(session, admin, persons.PersonFilter())) == 3


def test_the_list_filters_by_state_operator_period_and_name(db: Database, admin: Actor) -> None:
    first = make_person(db, admin, "TIU-00001")
    second = make_person(db, admin, "TIU-00002")
    a = open_pathway(db, admin, first, D(2025, 2, 1), D(2025, 4, 30), "decesso")
    b = open_pathway(db, admin, second, D(2025, 6, 1))
    with db.reading() as session:

        def ids(**kw: object) -> list[int]:
            return pathways.search_ids(session, admin, pathways.PathwayFilter(**kw))  # type: ignore[arg-type]

        assert ids(state="open") == [b]
        assert ids(state="closed") == [a]
        assert ids(period_from=D(2025, 5, 1), period_to=D(2025, 5, 31)) == []
        assert ids(period_from=D(2025, 4, 30), period_to=D(2025, 6, 1)) == [b, a]
        assert ids(text="00002") == [b]
        rows = pathways.rows_for(session, admin, [a, b])
        assert rows[a].destination == "decesso" and rows[b].exit_date is None


def test_the_activity_log_names_the_pathway(db: Database, admin: Actor) -> None:
    from tit_desktop.services import audit, audit_text

    person_id = make_person(db, admin)
    open_pathway(db, admin, person_id, D(2025, 2, 1))
    with db.reading() as session:
        page = audit_text.load_page(session, admin, audit.AuditFilter(entity="pathway"), 10)
    texts = [line.text for line in page.lines]
    assert texts == ["Registrato il percorso (Data ingresso: 01/02/2025)"]
    assert page.lines[0].person.startswith("TIU-00001")


def test_the_timeline_holds_the_intake_and_the_pathways_newest_first(
    db: Database, admin: Actor
) -> None:
    from tit_desktop.services import timeline

    person_id = make_person(db, admin)
    open_pathway(db, admin, person_id, D(2025, 2, 1), D(2025, 6, 30), "co-housing")
    open_pathway(db, admin, person_id, D(2025, 9, 1))
    with db.reading() as session:
        events = timeline.events_for(session, admin, person_id)
        kinds = [k.kind for k in timeline.kinds()]
    assert [(e.day, e.kind, e.title) for e in events] == [
        (D(2025, 9, 1), "pathways", "Ingresso nel percorso"),
        (D(2025, 6, 30), "pathways", "Uscita dal percorso"),
        (D(2025, 2, 1), "pathways", "Ingresso nel percorso"),
        (D(2025, 1, 10), "intake", "Presa in carico"),
    ]
    assert events[1].detail == "destinazione: co-housing"
    assert {"intake", "documents", "pathways", "plan", "courses", "tirocini"} <= set(kinds)
