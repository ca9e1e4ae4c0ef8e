"""The canteen service: cards, check-in rules and refusals, rosters, counts, audit."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from tit_desktop.models import AuditEntry, CanteenCard, CardStatus, Meal, MealType, Role
from tit_desktop.services import audit, audit_text, canteen, clock, persons
from tit_desktop.services.canteen import RefusalReason
from tit_desktop.services.database import Database
from tit_desktop.services.errors import (
    ConflictError,
    PermissionDenied,
    ServiceError,
    ValidationError,
)
from tit_desktop.services.gdpr import registry as gdpr_registry
from tit_desktop.services.permissions import Actor

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def add_person(
    db: Database,
    actor: Actor,
    code: str = "TIU-00001",
    last: str = "Rossi",
    first: str = "Mario",
    intake: dt.date = dt.date(2026, 1, 10),
) -> int:
    data = persons.PersonInput(
        code=code, last_name=last, first_name=first, sex="M", intake_date=intake
    )
    with db.transaction(actor) as session:
        return persons.create_person(session, actor, data).id


def issue(db: Database, actor: Actor, person_id: int, **kwargs: dt.date) -> canteen.CardInfo:
    with db.transaction(actor) as session:
        return canteen.issue_card(session, actor, person_id, **kwargs)


def check_in(
    db: Database,
    actor: Actor,
    text: str,
    day: dt.date | None = None,
    meal: MealType = MealType.LUNCH,
) -> canteen.CheckInResult:
    with db.transaction(actor) as session:
        return canteen.check_in(session, actor, text, day, meal)


def refused(db: Database, actor: Actor, text: str, **kwargs: object) -> ServiceError:
    with pytest.raises(ServiceError) as err:
        check_in(db, actor, text, **kwargs)  # type: ignore[arg-type]
    return err.value


def meal_count(db: Database) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Meal)) or 0)


def test_card_numbers_go_up_and_are_never_reused(db: Database, admin: Actor) -> None:
    a = add_person(db, admin)
    b = add_person(db, admin, "TIU-00002", "Bianchi", "Anna")
    first = issue(db, admin, a)
    second = issue(db, admin, b)
    assert (first.number, second.number) == (1, 2)
    assert first.code == "00000001"
    assert first.valid_to == TODAY + dt.timedelta(days=364)
    with db.transaction(admin) as session:
        new = canteen.replace_card(session, admin, first.id)
    assert new.number == 3
    # The replacement is the person's active card: a second one is refused.
    with pytest.raises(ConflictError, match=r"già la tessera mensa attiva n\. 00000003"):
        issue(db, admin, a)
    with db.reading() as session:
        old = session.get(CanteenCard, first.id)
        assert old is not None and old.status is CardStatus.REPLACED
        assert old.replaced_by_id == new.id


def test_check_in_by_card_and_by_codice(db: Database, admin: Actor) -> None:
    person = add_person(db, admin)
    card = issue(db, admin, person)
    result = check_in(db, admin, card.code)
    assert result.name == "Rossi Mario" and result.card_number == card.number
    assert result.has_card and not result.has_photo and not result.backdated
    assert result.seats.taken == 1
    dinner = check_in(db, admin, " TIU-00001 ", meal=MealType.DINNER)
    assert dinner.card_number is None and dinner.has_card
    with db.reading() as session:
        rows = session.execute(select(Meal.meal_type, Meal.card_id)).all()
    assert sorted(rows) == sorted([(MealType.LUNCH, card.id), (MealType.DINNER, None)])


def test_the_same_meal_twice_is_refused_naming_the_time(db: Database, admin: Actor) -> None:
    person = add_person(db, admin)
    card = issue(db, admin, person)
    first = check_in(db, admin, card.code)
    error = refused(db, admin, "TIU-00001")
    assert isinstance(error, canteen.AlreadyTaken) and isinstance(error, ConflictError)
    at = first.recorded_at.astimezone().strftime("%H:%M")
    assert error.message == f"Pranzo già registrato per Rossi Mario il 28/11/2026 alle {at}."
    assert canteen.refusal_reason(error) == "already_taken"
    assert meal_count(db) == 1


def test_card_refusals_have_their_reasons(db: Database, admin: Actor) -> None:
    person = add_person(db, admin)
    card = issue(db, admin, person, valid_from=dt.date(2026, 2, 1), valid_to=dt.date(2026, 6, 30))
    error = refused(db, admin, card.code)
    assert canteen.refusal_reason(error) == RefusalReason.CARD_EXPIRED
    assert "scaduta il 30/06/2026" in error.message and "Rossi Mario" in error.message
    error = refused(db, admin, card.code, day=dt.date(2026, 1, 20))
    assert canteen.refusal_reason(error) == RefusalReason.CARD_NOT_YET_VALID
    with db.transaction(admin) as session:
        canteen.renew_card(session, admin, card.id, dt.date(2027, 6, 30))
    assert check_in(db, admin, card.code).card_number == card.number
    with db.transaction(admin) as session:
        new = canteen.replace_card(session, admin, card.id)
    error = refused(db, admin, card.code, meal=MealType.DINNER)
    assert canteen.refusal_reason(error) == RefusalReason.CARD_REPLACED
    assert f"sostituita dalla n. {new.code}" in error.message
    with db.transaction(admin) as session:
        canteen.revoke_card(session, admin, new.id, "uso improprio")
    error = refused(db, admin, new.code, meal=MealType.DINNER)
    assert canteen.refusal_reason(error) == RefusalReason.CARD_REVOKED
    error = refused(db, admin, "99999")
    assert canteen.refusal_reason(error) == RefusalReason.UNKNOWN_CARD
    assert "«99999» sconosciuto" in error.message
    assert meal_count(db) == 1


def test_person_refusals(db: Database, admin: Actor) -> None:
    person = add_person(db, admin, intake=dt.date(2026, 11, 1))
    error = refused(db, admin, "TIU-00001", day=dt.date(2026, 10, 31))
    assert canteen.refusal_reason(error) == RefusalReason.BEFORE_INTAKE
    assert "precede la presa in carico di Rossi Mario (01/11/2026)" in error.message
    with pytest.raises(ValidationError) as err:
        check_in(db, admin, "TIU-00001", day=TODAY + dt.timedelta(days=1))
    assert "nel futuro" in err.value.fields["date"]
    with db.transaction(admin) as session:
        p = session.get(persons.Person, person)
        assert p is not None
        p.anonymised_at = clock.utcnow()
    error = refused(db, admin, "TIU-00001")
    assert canteen.refusal_reason(error) == RefusalReason.ANONYMISED
    assert meal_count(db) == 0


def test_a_backdated_meal_is_marked_and_audited(db: Database, admin: Actor) -> None:
    add_person(db, admin)
    result = check_in(db, admin, "TIU-00001", day=dt.date(2026, 11, 20))
    assert result.backdated
    with db.reading() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "meal").order_by(AuditEntry.id.desc())
        ).first()
        assert entry is not None and entry.person_id == result.person_id
        assert entry.changes is not None and entry.changes["backdated"] is True
        assert entry.user_id == admin.user_id
        page = audit_text.load_page(session, admin, audit.AuditFilter(entity="meal"), 1)
    assert audit_text.sentence(page.lines[0].row) == (
        "Registrato il pasto: pranzo del 20/11/2026 (inserito in ritardo)"
    )


def test_undo_deletes_the_meal_and_audits_it(db: Database, admin: Actor) -> None:
    add_person(db, admin)
    result = check_in(db, admin, "TIU-00001")
    with db.transaction(admin) as session:
        canteen.undo_check_in(session, admin, result.meal_id)
    assert meal_count(db) == 0
    with db.reading() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "meal").order_by(AuditEntry.id)
        ).all()
    assert actions == ["insert", "delete"]
    assert check_in(db, admin, "TIU-00001").meal is MealType.LUNCH


def test_seats_and_the_meal_of_the_moment(db: Database, admin: Actor) -> None:
    for i in range(10):
        add_person(db, admin, f"TIU-{i:05d}", "Persona", f"N{i}")
    with db.transaction(admin) as session:
        canteen.save_meal_setting(
            session, admin, MealType.LUNCH, dt.time(12, 0), dt.time(14, 0), 10
        )
        settings = canteen.meal_settings(session)
    assert canteen.meal_at(settings, dt.time(6, 0)) is MealType.BREAKFAST
    assert canteen.meal_at(settings, dt.time(10, 30)) is MealType.LUNCH
    assert canteen.meal_at(settings, dt.time(15, 0)) is MealType.DINNER
    assert canteen.meal_at(settings, dt.time(23, 0)) is MealType.DINNER
    results = [check_in(db, admin, f"TIU-{i:05d}") for i in range(10)]
    assert [r.seats.near_capacity for r in results][7:] == [False, True, True]
    assert results[-1].seats.full and results[-1].seats.text() == "10 / 10 posti"
    with pytest.raises(ValidationError) as err, db.transaction(admin) as session:
        canteen.save_meal_setting(
            session, admin, MealType.DINNER, dt.time(13, 0), dt.time(20, 0), 0
        )
    assert set(err.value.fields) == {"seats", "starts_at"}


def test_rosters_register_and_counts(db: Database, admin: Actor) -> None:
    a = add_person(db, admin)
    add_person(db, admin, "TIU-00002", "Bianchi", "Anna")
    card = issue(db, admin, a, valid_from=dt.date(2026, 11, 1))
    check_in(db, admin, card.code, day=dt.date(2026, 11, 3))
    check_in(db, admin, card.code, day=dt.date(2026, 11, 3), meal=MealType.DINNER)
    check_in(db, admin, "TIU-00002", day=dt.date(2026, 11, 3))
    check_in(db, admin, "TIU-00002", day=dt.date(2026, 10, 30), meal=MealType.BREAKFAST)
    with db.reading() as session:
        lunch = canteen.roster(session, admin, dt.date(2026, 11, 3), MealType.LUNCH)
        register = canteen.monthly_register(session, admin, 2026, 11)
        days = canteen.counts_by_day(session, admin, dt.date(2026, 10, 1), TODAY)
        months = canteen.counts_by_month(session, admin, dt.date(2026, 10, 1), TODAY)
        timeline = canteen._timeline(session, admin, a)
    assert [(r.name, r.card) for r in lunch] == [("Rossi Mario", card.code), ("Bianchi Anna", "")]
    assert [(r.name, r.days, r.totals) for r in register] == [
        ("Bianchi Anna", 1, {MealType.BREAKFAST: 0, MealType.LUNCH: 1, MealType.DINNER: 0}),
        ("Rossi Mario", 1, {MealType.BREAKFAST: 0, MealType.LUNCH: 1, MealType.DINNER: 1}),
    ]
    assert [(d.day, d.total) for d in days] == [
        (dt.date(2026, 10, 30), 1),
        (dt.date(2026, 11, 3), 3),
    ]
    assert months == [
        ("10/2026", {MealType.BREAKFAST: 1, MealType.LUNCH: 0, MealType.DINNER: 0}),
        ("11/2026", {MealType.BREAKFAST: 0, MealType.LUNCH: 2, MealType.DINNER: 1}),
    ]
    assert [(e.title, e.detail) for e in timeline] == [("Mensa: 2 pasti", "11/2026")]


def test_find_people_shows_their_card(db: Database, admin: Actor) -> None:
    a = add_person(db, admin)
    add_person(db, admin, "TIU-00002", "Rossini", "Anna")
    card = issue(db, admin, a)
    with db.reading() as session:
        found = canteen.find_people(session, admin, "ross")
    assert [(p.name, p.card_code) for p in found] == [
        ("Rossi Mario", card.code),
        ("Rossini Anna", ""),
    ]


def test_roles(db: Database, actors: dict[Role, Actor]) -> None:
    add_person(db, actors[Role.ADMIN])
    with pytest.raises(PermissionDenied):
        check_in(db, actors[Role.READ_ONLY], "TIU-00001")
    assert check_in(db, actors[Role.OPERATOR], "TIU-00001").name == "Rossi Mario"


def test_the_canteen_is_part_of_the_persons_data(db: Database, admin: Actor) -> None:
    assert gdpr_registry.uncovered_person_tables() == []
    person = add_person(db, admin)
    card = issue(db, admin, person)
    check_in(db, admin, card.code)
    with db.reading() as session:
        section = canteen._person_section(session, person)
    assert [r["what"] for r in section.rows] == [f"Tessera n. {card.code}", "Pranzo"]


def test_parsers_name_the_field() -> None:
    assert canteen.parse_meal(" Pranzo ") is MealType.LUNCH
    with pytest.raises(ValidationError, match="pasto «merenda» sconosciuto"):
        canteen.parse_meal("merenda")
    assert canteen.parse_day("01/02/2026") == dt.date(2026, 2, 1)
    with pytest.raises(ValidationError, match="gg/mm/aaaa"):
        canteen.parse_day("2026-02-01")


def test_merging_two_card_holders(db: Database, admin: Actor) -> None:
    from tit_desktop.services import merge

    a = add_person(db, admin)
    b = add_person(db, admin, "TIU-00002", "Rossi", "Mario")
    first = issue(db, admin, a, valid_from=dt.date(2026, 11, 1))
    second = issue(db, admin, b, valid_from=dt.date(2026, 11, 1))
    check_in(db, admin, first.code, day=dt.date(2026, 11, 27))
    check_in(db, admin, second.code, day=dt.date(2026, 11, 26))
    # Two active cards: the merge is refused, naming the survivor's card.
    with pytest.raises(ConflictError) as err, db.transaction(admin) as session:
        merge.merge_persons(session, admin, a, b)
    assert f"già la tessera mensa attiva n. {first.code}" in err.value.message
    # Once one is revoked, the cards and the meals move to the survivor.
    with db.transaction(admin) as session:
        canteen.revoke_card(session, admin, second.id, "doppione")
        result = merge.merge_persons(session, admin, a, b)
    assert result.moved == {"canteen_card": 1, "meal": 1}
    with db.reading() as session:
        assert [c.number for c in canteen.cards_of(session, admin, a)] == [2, 1]


def test_the_messages_agree_with_the_meal(db: Database, admin: Actor) -> None:
    add_person(db, admin)
    done = check_in(db, admin, "TIU-00001", meal=MealType.DINNER)
    assert done.message == "Cena registrata: Rossi Mario"
    error = refused(db, admin, "TIU-00001", meal=MealType.DINNER)
    assert error.message.startswith("Cena già registrata per Rossi Mario il 28/11/2026 alle ")
