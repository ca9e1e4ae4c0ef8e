"""Persons served (DOMAIN.md 7) counted from every area's records, and the same records
keeping a person out of the retention review. Both engines."""

from __future__ import annotations

import datetime as dt

from tit_desktop.models import (
    Bed,
    HostFamily,
    HostingAgreement,
    HousingKind,
    HousingUnit,
    Meal,
    MealType,
    Pathway,
    Stay,
    StreetContact,
    StreetContactPerson,
)
from tit_desktop.services import figures, persons
from tit_desktop.services.database import Database
from tit_desktop.services.gdpr import retention
from tit_desktop.services.permissions import Actor

D = dt.date


def _person(db: Database, actor: Actor, code: str, sex: str, intake: dt.date) -> int:
    data = persons.PersonInput(
        code=code, last_name="Sy", first_name=code, sex=sex, intake_date=intake
    )
    with db.transaction(actor) as session:
        return persons.create_person(session, actor, data).id


def test_each_area_serves_and_nothing_else_does(db: Database, admin: Actor) -> None:
    # GIVEN one person per kind of service in 2025, one served in 2024 only, one never
    stay = _person(db, admin, "S", "M", D(2024, 1, 1))
    hosted = _person(db, admin, "H", "F", D(2024, 1, 1))
    pathway = _person(db, admin, "P", "F", D(2024, 1, 1))
    met = _person(db, admin, "C", "M", D(2024, 1, 1))
    ate = _person(db, admin, "M", "F", D(2024, 1, 1))
    earlier = _person(db, admin, "E", "M", D(2023, 1, 1))
    _person(db, admin, "N", "F", D(2024, 1, 1))
    with db.transaction(admin) as session:
        unit = HousingUnit(name="Casa Aurora", kind=HousingKind.CO_HOUSING)
        bed = Bed(unit=unit, label="1")
        session.add_all([unit, bed])
        session.flush()
        # a stay whose departure day is 1 Jan 2025 has no night in 2025
        session.add(Stay(person_id=earlier, bed_id=bed.id, dal=D(2024, 12, 1), al=D(2025, 1, 1)))
        session.add(Stay(person_id=stay, bed_id=bed.id, dal=D(2025, 1, 1), al=D(2025, 1, 3)))
        family = HostFamily(name="Rossi")
        session.add(family)
        session.flush()
        session.add(
            HostingAgreement(
                family_id=family.id,
                person_id=hosted,
                start_date=D(2024, 7, 1),
                end_date=D(2025, 1, 1),  # the last day included: served in 2025
                time="pieno",
                monthly_amount=550,
            )
        )
        session.add(Pathway(person_id=pathway, entry_date=D(2025, 6, 1)))
        contact = StreetContact(
            occurred_on=D(2025, 3, 3), place="Stazione", anonymous_f=0, anonymous_m=0
        )
        session.add(contact)
        session.flush()
        session.add(StreetContactPerson(contact_id=contact.id, person_id=met))
        session.add(Meal(person_id=ate, meal_date=D(2025, 12, 31), meal_type=MealType.DINNER))
        session.add(Meal(person_id=earlier, meal_date=D(2024, 12, 31), meal_type=MealType.LUNCH))
    # WHEN the year 2025 is counted
    with db.reading() as session:
        found = figures.person_figures(session, D(2025, 1, 1), D(2025, 12, 31))
    # THEN the four served count, by sex; the 2024-only and the never-served do not
    assert found.persons_served == 5
    assert found.persons_by_gender == {"F": 3, "M": 2}
    assert {
        "soggiorni",
        "accoglienze in famiglia",
        "percorsi",
        "contatti di strada",
        "corsi",
    } <= set(found.sources)


def test_a_recent_service_keeps_an_old_intake_out_of_retention(db: Database, admin: Actor) -> None:
    old = _person(db, admin, "OLD", "M", D(2012, 1, 1))
    back = _person(db, admin, "BACK", "F", D(2012, 1, 1))
    with db.transaction(admin) as session:
        session.add(Pathway(person_id=back, entry_date=D(2012, 2, 1), exit_date=D(2025, 5, 1)))
    with db.transaction(admin) as session:
        batch = retention.review(session, admin, 5, today=D(2026, 11, 28))
    assert [c.person_id for c in batch.persons] == [old]
