"""Housing: units, beds, stays night by night, the night rules in the database (both
engines), moves, exits, reopening, the board and the night arithmetic."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from tit_desktop.models import AuditEntry, Role, Stay
from tit_desktop.models.destinations import (
    DESTINATION_GROUPS,
    DestinationGroup,
    ExitDestination,
    group_of,
    parse_destination,
)
from tit_desktop.services import audit, audit_text, clock, housing, persons, timeline
from tit_desktop.services.database import BUSY_MESSAGE, Database
from tit_desktop.services.errors import (
    ConflictError,
    PermissionDenied,
    ValidationError,
)
from tit_desktop.services.permissions import Actor

TODAY = dt.date(2026, 3, 15)
INTAKE = dt.date(2026, 1, 5)
D = dt.date


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@dataclass
class Place:
    db: Database
    actor: Actor
    unit_id: int
    beds: dict[str, int]
    other_unit_id: int
    other_beds: dict[str, int]
    people: list[int]


def _person(db: Database, actor: Actor, code: str, last: str, intake: dt.date = INTAKE) -> int:
    with db.transaction(actor) as session:
        return persons.create_person(
            session,
            actor,
            persons.PersonInput(code=code, last_name=last, first_name="Amina", intake_date=intake),
        ).id


def _unit(db: Database, actor: Actor, name: str, labels: tuple[str, ...], **kw: object) -> int:
    with db.transaction(actor) as session:
        return housing.create_unit(
            session,
            actor,
            housing.UnitInput(name=name, kind="co-housing", bed_labels=labels, **kw),  # type: ignore[arg-type]
        ).id


def _beds(db: Database, actor: Actor, unit_id: int) -> dict[str, int]:
    with db.reading() as session:
        return {b.label: b.id for b in housing.beds_of(session, actor, unit_id)}


@pytest.fixture
def place(db: Database, actors: dict[Role, Actor]) -> Place:
    actor = actors[Role.OPERATOR]
    unit = _unit(db, actor, "Casa Aurora", ("1", "2", "3"), address="Via Marconi 4")
    other = _unit(db, actor, "Casa Nord", ("1", "A"), active_from=D(2026, 1, 1))
    people = [
        _person(db, actor, f"TIU-{i:05d}", last)
        for i, last in enumerate(("Diallo", "Okafor", "Haddad", "Rahman"), start=1)
    ]
    return Place(db, actor, unit, _beds(db, actor, unit), other, _beds(db, actor, other), people)


def _assign(p: Place, person: int, bed: str, dal: dt.date, al: dt.date | None = None):  # type: ignore[no-untyped-def]
    with p.db.transaction(p.actor) as session:
        return housing.assign(session, p.actor, person, p.unit_id, p.beds[bed], dal, al)


def _stays(db: Database) -> list[tuple[int, int, dt.date, dt.date | None]]:
    with db.reading() as session:
        return [
            (s.person_id, s.bed_id, s.dal, s.al)
            for s in session.scalars(select(Stay).order_by(Stay.id))
        ]


# --- the vocabulary -------------------------------------------------------------------


def test_exit_destinations_are_domain_5_with_their_groups() -> None:
    groups: dict[str, list[str]] = {}
    for destination, group in DESTINATION_GROUPS.items():
        groups.setdefault(group.value, []).append(destination.value)
    assert groups == {
        "abitazione": [
            "affitto autonomo",
            "edilizia residenziale pubblica",
            "housing first permanente",
            "ospite stabile di familiari/amici",
        ],
        "temporanea": ["co-housing", "accoglienza istituzionale", "ospite temporaneo"],
        "strada": ["strada / luogo non adatto"],
        "altro": ["rimpatrio/trasferimento", "decesso", "sconosciuta"],
    }
    assert set(DESTINATION_GROUPS) == set(ExitDestination)
    assert group_of("affitto autonomo") is DestinationGroup.HOUSING
    assert parse_destination("  Strada /  luogo non adatto ") is ExitDestination.STREET
    assert parse_destination("casa") is None


# --- assigning -----------------------------------------------------------------------------


def test_an_assignment_is_a_stay_with_its_nights(place: Place) -> None:
    info = _assign(place, place.people[0], "1", D(2026, 2, 1))
    assert (
        info.describe()
        == "Diallo Amina (TIU-00001), Casa Aurora, posto 1, dal 01/02/2026, in corso"
    )
    with place.db.reading() as session:
        summary = housing.bed_nights(session, place.actor, D(2026, 2, 1), D(2026, 3, 1))
    assert summary == housing.NightsSummary(28, 1)


def test_a_bed_taken_those_nights_is_refused_naming_the_other_stay(place: Place) -> None:
    _assign(place, place.people[0], "1", D(2026, 2, 1), D(2026, 2, 10))
    with pytest.raises(ConflictError) as caught:
        _assign(place, place.people[1], "1", D(2026, 2, 9))
    assert "Casa Aurora, posto 1" in caught.value.message
    assert "Diallo Amina (TIU-00001)" in caught.value.message
    assert "dal 01/02/2026 al 10/02/2026" in caught.value.message
    # The departure day is not a night: the next person may arrive that evening.
    _assign(place, place.people[1], "1", D(2026, 2, 10))
    assert len(_stays(place.db)) == 2


def test_one_bed_per_person_per_night(place: Place) -> None:
    _assign(place, place.people[0], "1", D(2026, 2, 1))
    with pytest.raises(ConflictError, match=r"Diallo Amina \(TIU-00001\) ha già un posto"):
        _assign(place, place.people[0], "2", D(2026, 3, 1), D(2026, 3, 5))
    assert len(_stays(place.db)) == 1


@pytest.mark.parametrize(
    ("bed", "dal", "al", "field", "reason"),
    [
        ("1", D(2026, 1, 4), None, "dal", "presa in carico (05/01/2026)"),
        ("1", D(2026, 2, 5), D(2026, 2, 5), "al", "deve seguire la prima notte"),
        ("1", D(2026, 2, 5), D(2026, 2, 1), "al", "deve seguire la prima notte"),
    ],
)
def test_bad_dates_are_refused_naming_the_field(
    place: Place, bed: str, dal: dt.date, al: dt.date | None, field: str, reason: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _assign(place, place.people[0], bed, dal, al)
    assert reason in caught.value.fields[field]
    assert _stays(place.db) == []


def test_a_bed_of_another_unit_is_refused(place: Place) -> None:
    with place.db.transaction(place.actor) as session, pytest.raises(ValidationError) as caught:
        housing.assign(
            session, place.actor, place.people[0], place.unit_id, place.other_beds["A"], TODAY
        )
    assert caught.value.fields["bed"] == "il posto indicato non esiste nell'alloggio «Casa Aurora»"


def test_stays_fall_inside_the_units_active_period(place: Place) -> None:
    early = _person(place.db, place.actor, "TIU-09999", "Early", D(2025, 12, 1))
    with (
        place.db.transaction(place.actor) as session,
        pytest.raises(ValidationError, match="in uso dal 01/01/2026"),
    ):
        housing.assign(
            session, place.actor, early, place.other_unit_id, place.other_beds["1"], D(2025, 12, 20)
        )
    with place.db.transaction(place.actor) as session:
        detail = housing.open_unit(session, place.actor, place.other_unit_id)
        housing.deactivate_unit(
            session, place.actor, place.other_unit_id, D(2026, 3, 31), detail.version
        )
    with place.db.transaction(place.actor) as session, pytest.raises(ValidationError) as caught:
        housing.assign(
            session,
            place.actor,
            place.people[0],
            place.other_unit_id,
            place.other_beds["1"],
            D(2026, 3, 20),
            D(2026, 4, 3),
        )
    assert "partenza al più tardi il 01/04/2026" in caught.value.fields["al"]
    with place.db.transaction(place.actor) as session:
        housing.assign(
            session,
            place.actor,
            place.people[0],
            place.other_unit_id,
            place.other_beds["1"],
            D(2026, 3, 20),
            D(2026, 4, 1),
        )


def test_a_unit_cannot_close_under_an_open_stay(place: Place) -> None:
    _assign(place, place.people[0], "2", D(2026, 2, 1))
    with place.db.transaction(place.actor) as session, pytest.raises(ValidationError) as caught:
        detail = housing.open_unit(session, place.actor, place.unit_id)
        housing.deactivate_unit(session, place.actor, place.unit_id, TODAY, detail.version)
    assert "Diallo Amina (TIU-00001)" in caught.value.fields["active_to"]


def test_read_only_users_cannot_assign(place: Place, actors: dict[Role, Actor]) -> None:
    reader = actors[Role.READ_ONLY]
    with place.db.transaction(reader) as session, pytest.raises(PermissionDenied):
        housing.assign(session, reader, place.people[0], place.unit_id, place.beds["1"], TODAY)
    with place.db.reading() as session:
        assert housing.list_units(session, reader)[0].name == "Casa Aurora"


# --- the database's own rules ------------------------------------------------------------


def test_the_database_refuses_an_overlap_the_service_did_not_check(place: Place) -> None:
    _assign(place, place.people[0], "1", D(2026, 2, 1), D(2026, 2, 10))
    # GIVEN a write that skips the service's check (another program, a bug)
    with pytest.raises(ConflictError) as caught, place.db.transaction(place.actor) as session:
        session.add(Stay(person_id=place.people[1], bed_id=place.beds["1"], dal=D(2026, 2, 9)))
    # THEN the database refuses it, and the message names the other stay
    assert caught.value.message.startswith(
        "Il posto Casa Aurora, posto 1 è già occupato in quelle notti da Diallo Amina "
        "(TIU-00001), Casa Aurora, posto 1, dal 01/02/2026 al 10/02/2026."
    )
    with (
        pytest.raises(ConflictError, match="ha già un posto"),
        place.db.transaction(place.actor) as session,
    ):
        session.add(Stay(person_id=place.people[0], bed_id=place.beds["3"], dal=D(2026, 2, 5)))
    assert len(_stays(place.db)) == 1


def test_the_database_refuses_an_update_that_overlaps(place: Place) -> None:
    first = _assign(place, place.people[0], "1", D(2026, 2, 1), D(2026, 2, 10))
    _assign(place, place.people[1], "1", D(2026, 2, 12))
    with pytest.raises(ConflictError) as caught, place.db.transaction(place.actor) as session:
        session.get(Stay, first.id).al = None  # type: ignore[union-attr]
    assert "Okafor Amina (TIU-00002)" in caught.value.message
    with (
        pytest.raises(ConflictError, match="Il giorno di partenza"),
        place.db.transaction(place.actor) as session,
    ):
        session.get(Stay, first.id).al = D(2026, 1, 20)  # type: ignore[union-attr]


def _race(
    place: Place, pcs: list[Database], jobs: list[tuple[int, str]], day: dt.date
) -> list[str]:
    """Each PC assigns its (person, bed) for two nights from ``day``, all at once."""
    barrier = threading.Barrier(len(jobs))
    outcome: list[str] = []

    def work(pc: Database, person: int, bed: str) -> None:
        barrier.wait()
        try:
            with pc.transaction(place.actor) as session:
                housing.assign(
                    session,
                    place.actor,
                    person,
                    place.unit_id,
                    place.beds[bed],
                    day,
                    day + dt.timedelta(days=2),
                )
            outcome.append("won")
        except ConflictError as exc:
            outcome.append("lost: " + exc.message)

    threads = [
        threading.Thread(target=work, args=(pc, *job)) for pc, job in zip(pcs, jobs, strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return outcome


@pytest.mark.parametrize("rule", ["bed", "person"])
@pytest.mark.parametrize("turns", ["taking turns", "database alone"])
@pytest.mark.timeout(240)
def test_two_pcs_racing_for_one_bed_exactly_one_wins(
    db_url: str, place: Place, rule: str, turns: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two sessions on two engines (two PCs) assign at the same moment, many rounds; the
    services' own check is switched off, so that only the database decides. With the
    service's turn-taking (PostgreSQL advisory locks) the loser reads the other stay; with
    the database alone, PostgreSQL may break two inserts checking each other as a deadlock
    ("database busy, try again"): still exactly one wins."""
    monkeypatch.setattr(housing, "_check_free", lambda *a, **k: None)
    alone = turns == "database alone"
    if alone:
        monkeypatch.setattr(housing, "_serialise", lambda *a, **k: None)
    rounds = 25
    pcs = [Database(db_url), Database(db_url)]
    try:
        for n in range(rounds):
            day = D(2026, 1, 10) + dt.timedelta(days=2 * n)
            if rule == "bed":  # two persons, one bed
                jobs = [(place.people[0], "1"), (place.people[1], "1")]
            else:  # one person, two beds
                jobs = [(place.people[2], "2"), (place.people[2], "3")]
            outcome = _race(place, pcs, jobs, day)
            assert sorted(o[:4] for o in outcome) == ["lost", "won"], outcome
            loser = next(o for o in outcome if o.startswith("lost"))
            if not (alone and BUSY_MESSAGE in loser):
                assert "dal " + (day.strftime("%d/%m/%Y")) in loser
        assert len(_stays(place.db)) == rounds
    finally:
        for pc in pcs:
            pc.dispose()


# --- move, end, reopen -----------------------------------------------------------------------


def test_move_closes_one_stay_and_opens_the_next_the_same_day(place: Place) -> None:
    stay = _assign(place, place.people[0], "1", D(2026, 2, 1))
    with place.db.transaction(place.actor) as session:
        new = housing.move(
            session,
            place.actor,
            stay.id,
            place.unit_id,
            place.beds["2"],
            D(2026, 2, 20),
            stay.version,
        )
    assert (new.bed_label, new.dal, new.al) == ("2", D(2026, 2, 20), None)
    assert _stays(place.db) == [
        (place.people[0], place.beds["1"], D(2026, 2, 1), D(2026, 2, 20)),
        (place.people[0], place.beds["2"], D(2026, 2, 20), None),
    ]
    with place.db.reading() as session:
        assert (
            housing.bed_nights(session, place.actor, D(2026, 2, 1), D(2026, 3, 1)).bed_nights == 28
        )


def test_a_move_into_a_taken_bed_writes_nothing(place: Place) -> None:
    stay = _assign(place, place.people[0], "1", D(2026, 2, 1))
    _assign(place, place.people[1], "2", D(2026, 2, 15))
    before = _stays(place.db)
    with pytest.raises(ConflictError, match="Okafor"), place.db.transaction(place.actor) as session:
        housing.move(
            session,
            place.actor,
            stay.id,
            place.unit_id,
            place.beds["2"],
            D(2026, 3, 1),
            stay.version,
        )
    assert _stays(place.db) == before


def test_move_on_the_first_day_changes_the_bed(place: Place) -> None:
    stay = _assign(place, place.people[0], "1", D(2026, 2, 1))
    with place.db.transaction(place.actor) as session:
        moved = housing.move(
            session,
            place.actor,
            stay.id,
            place.unit_id,
            place.beds["3"],
            D(2026, 2, 1),
            stay.version,
        )
    assert moved.id == stay.id and moved.bed_label == "3"


def test_end_with_destination_then_reopen(place: Place) -> None:
    stay = _assign(place, place.people[0], "1", D(2026, 2, 1))
    with place.db.transaction(place.actor) as session:
        ended = housing.end_stay(
            session, place.actor, stay.id, D(2026, 3, 1), "affitto autonomo", stay.version
        )
    assert ended.destination_text == "affitto autonomo (abitazione)"
    with place.db.transaction(place.actor) as session, pytest.raises(ValidationError) as caught:
        housing.end_stay(session, place.actor, stay.id, D(2026, 2, 1), "decesso", ended.version)
    assert "deve seguire la prima notte" in caught.value.fields["al"]
    with place.db.transaction(place.actor) as session:
        reopened = housing.reopen_stay(session, place.actor, stay.id, ended.version)
    assert reopened.al is None and reopened.exit_destination is None
    with place.db.transaction(place.actor) as session, pytest.raises(ConflictError):
        housing.reopen_stay(session, place.actor, stay.id, ended.version)  # stale version


def test_reopen_is_refused_when_the_bed_was_given_to_someone_else(place: Place) -> None:
    stay = _assign(place, place.people[0], "1", D(2026, 2, 1), D(2026, 2, 10))
    _assign(place, place.people[1], "1", D(2026, 2, 12), D(2026, 2, 20))
    with (
        pytest.raises(ConflictError, match="Okafor Amina"),
        place.db.transaction(place.actor) as session,
    ):
        housing.reopen_stay(session, place.actor, stay.id, stay.version)


def test_every_change_is_audited_under_the_person(place: Place) -> None:
    stay = _assign(place, place.people[0], "1", D(2026, 2, 1))
    with place.db.transaction(place.actor) as session:
        housing.end_stay(session, place.actor, stay.id, D(2026, 2, 5), "decesso", stay.version)
    with place.db.reading() as session:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "stay").order_by(AuditEntry.id)
        ).all()
    assert [r.action for r in rows] == ["insert", "update"]
    assert {r.person_id for r in rows} == {place.people[0]}


# --- the board, tonight, the timeline ----------------------------------------------------


def test_month_board_and_occupancy_rate(place: Place) -> None:
    _assign(place, place.people[0], "1", D(2026, 1, 20), D(2026, 2, 11))  # 10 nights of Feb
    _assign(place, place.people[1], "2", D(2026, 2, 27))  # open: 27, 28 Feb
    with place.db.reading() as session:
        board = housing.month_board(session, place.actor, 2026, 2)
    aurora = next(u for u in board.units if u.name == "Casa Aurora")
    assert aurora.occupied_nights == 12 and aurora.available_nights == 3 * 28
    assert aurora.rate == pytest.approx(12 / 84)
    assert board.stay_at(place.beds["1"], D(2026, 2, 10)) is not None
    assert board.stay_at(place.beds["1"], D(2026, 2, 11)) is None
    assert board.stay_at(place.beds["2"], D(2026, 2, 28)).code == "TIU-00002"  # type: ignore[union-attr]
    assert len(board.days) == 28
    # The current month counts up to tonight only.
    with place.db.reading() as session:
        march = housing.month_board(session, place.actor, 2026, 3)
    aurora = next(u for u in march.units if u.name == "Casa Aurora")
    assert (aurora.occupied_nights, aurora.available_nights) == (15, 3 * 15)


def test_who_sleeps_where_tonight(place: Place) -> None:
    _assign(place, place.people[0], "2", D(2026, 3, 1))
    _assign(place, place.people[1], "1", D(2026, 3, 1), D(2026, 3, 15))  # left this morning
    _assign(place, place.people[2], "1", D(2026, 3, 15))
    with place.db.reading() as session:
        rows = housing.sleeping_on(session, place.actor)
    assert [(r.unit_name, r.bed_label, r.code) for r in rows] == [
        ("Casa Aurora", "1", "TIU-00003"),
        ("Casa Aurora", "2", "TIU-00001"),
    ]


def test_the_timeline_shows_the_stays(place: Place) -> None:
    stay = _assign(place, place.people[0], "1", D(2026, 2, 1))
    with place.db.transaction(place.actor) as session:
        housing.end_stay(session, place.actor, stay.id, D(2026, 2, 5), "co-housing", stay.version)
    _assign(place, place.people[0], "2", D(2026, 3, 1))
    with place.db.reading() as session:
        events = timeline.events_for(session, place.actor, place.people[0], only={"stay"})
    assert [(e.title, e.day, e.until) for e in events] == [
        ("Soggiorno: Casa Aurora, posto 2", D(2026, 3, 1), None),
        ("Soggiorno: Casa Aurora, posto 1", D(2026, 2, 1), D(2026, 2, 5)),
    ]
    assert "co-housing (temporanea)" in events[1].detail


def test_unit_names_and_bed_labels_are_unique(place: Place) -> None:
    with place.db.transaction(place.actor) as session, pytest.raises(ValidationError) as caught:
        housing.create_unit(session, place.actor, housing.UnitInput("casa aurora", "co-housing"))
    assert "esiste già" in caught.value.fields["name"]
    with place.db.transaction(place.actor) as session, pytest.raises(ValidationError) as caught:
        housing.create_unit(
            session, place.actor, housing.UnitInput("Casa Sud", "co-housing", bed_labels=("1", "1"))
        )
    assert "due volte" in caught.value.fields["beds"]
    assert housing.parse_bed_labels("1-3, A") == ("1", "2", "3", "A")


# --- the night arithmetic --------------------------------------------------------------------


def _brute_force(
    dal: dt.date, al: dt.date | None, start: dt.date, end: dt.date, today: dt.date
) -> int:
    count = 0
    day = start
    while day < end:
        if dal <= day and (day < al if al is not None else day <= today):
            count += 1
        day += dt.timedelta(days=1)
    return count


_DAYS = st.dates(min_value=D(2025, 11, 1), max_value=D(2026, 6, 30))


@given(
    dal=_DAYS,
    length=st.one_of(st.none(), st.integers(min_value=1, max_value=120)),
    start=_DAYS,
    span=st.integers(min_value=0, max_value=200),
    today=_DAYS,
)
def test_nights_between_counts_like_the_calendar(
    dal: dt.date, length: int | None, start: dt.date, span: int, today: dt.date
) -> None:
    al = dal + dt.timedelta(days=length) if length is not None else None
    end = start + dt.timedelta(days=span)
    assert housing.nights_between(dal, al, start, end, today) == _brute_force(
        dal, al, start, end, today
    )


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    stays=st.lists(
        st.tuples(st.integers(0, 200), st.one_of(st.none(), st.integers(1, 60))),
        min_size=1,
        max_size=4,
    ),
    start=st.integers(0, 200),
    span=st.integers(0, 90),
)
def test_bed_nights_in_sql_match_a_brute_force_count(
    place: Place, stays: list[tuple[int, int | None]], start: int, span: int
) -> None:
    origin = D(2026, 1, 5)
    with place.db.transaction(place.actor) as session:
        for stay in session.scalars(select(Stay)):
            session.delete(stay)
    expected = 0
    persons_with_nights = set()
    period = (origin + dt.timedelta(days=start), origin + dt.timedelta(days=start + span))
    for i, (offset, length) in enumerate(stays):
        # one person per bed and a bed each: no overlaps to refuse
        dal = origin + dt.timedelta(days=offset)
        if length is None and dal > TODAY:
            dal = TODAY
        al = dal + dt.timedelta(days=length) if length is not None else None
        with place.db.transaction(place.actor) as session:
            session.add(
                Stay(
                    person_id=place.people[i],
                    bed_id=list(place.beds.values())[i % 3] if i < 3 else place.other_beds["1"],
                    dal=dal,
                    al=al,
                )
            )
        n = _brute_force(dal, al, *period, TODAY)
        expected += n
        if n:
            persons_with_nights.add(place.people[i])
    with place.db.reading() as session:
        summary = housing.bed_nights(session, place.actor, *period)
    assert summary == housing.NightsSummary(expected, len(persons_with_nights))


def test_the_activity_log_names_housing_in_italian(place: Place) -> None:
    stay = _assign(place, place.people[0], "1", D(2026, 2, 1))
    with place.db.transaction(place.actor) as session:
        ended = housing.end_stay(
            session, place.actor, stay.id, D(2026, 2, 5), "decesso", stay.version
        )
    with place.db.transaction(place.actor) as session:
        housing.reopen_stay(session, place.actor, stay.id, ended.version)
    with place.db.reading() as session:
        rows = [
            audit.AuditRow(r.id, r.at, "x", r.action, r.entity, r.entity_id, r.changes, r.detail)
            for r in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity.in_(["stay", "housing_unit"]))
                .order_by(AuditEntry.id)
            )
        ]
    sentences = [audit_text.sentence(r) for r in rows]
    assert sentences[0] == "Creato l'alloggio «Casa Aurora»"
    assert sentences[-3] == "Assegnato un posto letto (soggiorno dal 01/02/2026)"
    assert sentences[-2].startswith("Registrata l'uscita da un soggiorno: ")
    assert "05/02/2026" in sentences[-2] and "decesso" in sentences[-2]
    assert sentences[-1] == "Riaperto un soggiorno (la persona è ancora nell'alloggio)"
    assert audit_text.entity_label("stay") == "Soggiorno"
