"""Realistic demo data for an EMPTY database: organisations, staff, beneficiaries.

Names come from the beneficiaries' real countries, with their accents and scripts; people
born abroad get the codice fiscale the Agenzia delle Entrate would compute (state code
Z###). Everything is written through the same services as the window, so it is
validated and audited. Each later capability adds its own services here.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Literal, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tit_desktop.models import (
    HouseholdLink,
    HouseholdRelation,
    Meal,
    NoteLevel,
    Organisation,
    Person,
    PersonNote,
    StaffMember,
)
from tit_desktop.services import (
    bulk,
    canteen,
    clock,
    codice_fiscale,
    demo_names,
    housing_demo,
    pathway_demo,
    persons,
)
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ValidationError
from tit_desktop.services.permissions import Actor, Permission

ProgressCallback = Callable[[int, int, str], None]
K = TypeVar("K")

PERMIT_TYPES = (
    "Permesso di soggiorno",
    "Permesso di soggiorno elettronico",
    "Ricevuta di richiesta",
    "Carta di soggiorno",
)
PERMIT_WEIGHTS = {
    "richiesta asilo": 18,
    "protezione sussidiaria": 12,
    "protezione speciale": 12,
    "asilo politico": 8,
    "lavoro subordinato": 14,
    "attesa occupazione": 6,
    "famiglia": 10,
    "studio": 3,
    "casi speciali": 4,
    "cure mediche": 1,
    "minore eta": 2,
    "UE soggiornante di lungo periodo": 8,
    "altro": 2,
}
EMPLOYMENT_WEIGHTS = {
    "disoccupato": 35,
    "disoccupato di lunga durata": 20,
    "occupato": 20,
    "inattivo": 15,
    "studente": 10,
}
ETHOS_WEIGHTS = {
    1: 14,
    2: 10,
    3: 12,
    5: 10,
    6: 3,
    7: 4,
    8: 14,
    9: 6,
    10: 2,
    11: 6,
    12: 6,
    13: 5,
    0: 8,
}


def _weighted(rng: random.Random, weights: dict[K, int]) -> K:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _date_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max((end - start).days, 0)))


def _phone(rng: random.Random) -> str:
    return f"+39 3{rng.randint(20, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def _organisations(rng: random.Random) -> list[Organisation]:
    orgs = [Organisation(name=name, is_referrer=True) for name in demo_names.REFERRING_BODIES]
    orgs += [
        Organisation(
            name="Consorzio Tessiture Solidali",
            is_partner=True,
            fiscal_code="02345670421",
            vat_number="02345670421",
        ),
        Organisation(
            name="Cooperativa Sociale Il Ponte",
            is_partner=True,
            is_internship_host=True,
            fiscal_code="01987650424",
            vat_number="01987650424",
        ),
        Organisation(name="Associazione Migranti Insieme", is_partner=True),
    ]
    return orgs


def fill_demo_data(
    db: Database,
    actor: Actor,
    people: int = 120,
    seed: int = 2020,
    progress: ProgressCallback | None = None,
) -> dict[str, int]:
    """Fill an empty database. Refused when any person is already registered."""
    db.require(actor, Permission.WRITE_REGISTRY)
    rng = random.Random(seed)
    today = clock.today()
    report = progress or (lambda done, total, text: None)
    with db.transaction(actor) as session:
        if session.scalar(select(func.count()).select_from(Person)):
            raise ValidationError(
                {
                    "database": "contiene già delle persone: i dati dimostrativi vanno solo in "
                    "un database vuoto"
                },
                "Il database contiene già delle persone: i dati dimostrativi si caricano solo "
                "in un database vuoto.",
            )
        orgs = _organisations(rng)
        session.add_all(orgs)
        staff = []
        for _ in range(8):
            female = rng.random() < 0.7
            first = rng.choice(
                demo_names.ITALIAN_FIRST_NAMES_F if female else demo_names.ITALIAN_FIRST_NAMES_M
            )
            staff.append(
                StaffMember(
                    last_name=rng.choice(demo_names.ITALIAN_LAST_NAMES),
                    first_name=first,
                )
            )
        session.add_all(staff)
        session.flush()
        referrers = [o for o in orgs if o.is_referrer]
        created: list[tuple[int, str, int]] = []  # (id, last name, origin index)
        origins = list(demo_names.ORIGINS)
        for index in range(people):
            origin = demo_names.pick_origin(rng)
            sex: Literal["F", "M"] = "F" if rng.random() < 0.38 else "M"
            last, first = demo_names.full_name(rng, origin, sex)
            intake = _date_between(rng, today - dt.timedelta(days=3 * 365), today)
            age = rng.choices(
                [
                    rng.randint(16, 17),
                    rng.randint(18, 24),
                    rng.randint(25, 54),
                    rng.randint(55, 75),
                ],
                weights=[4, 26, 60, 10],
            )[0]
            birth = _date_between(
                rng,
                dt.date(intake.year - age - 1, intake.month, 1),
                dt.date(intake.year - age, intake.month, 1),
            )
            data = persons.PersonInput(
                code=f"TIU-{index + 1:05d}",
                last_name=last,
                first_name=first,
                sex=sex,
                birth_date=birth,
                birth_place_code=origin.state_code,
                citizenship_code=origin.state_code,
                intake_date=intake,
                languages=", ".join(
                    rng.sample(origin.languages, k=min(len(origin.languages), rng.randint(1, 2)))
                ),
                phone=_phone(rng) if rng.random() < 0.8 else None,
                address=f"{rng.choice(demo_names.ANCONA_STREETS)} {rng.randint(1, 120)}, Ancona"
                if rng.random() < 0.5
                else None,
                referring_organisation_id=rng.choice(referrers).id,
                reference_staff_id=rng.choice(staff).id,
                consent_privacy=True,
                consent_privacy_on=intake,
                consent_photo=rng.random() < 0.6,
                consent_photo_on=intake,
                consent_sharing=rng.random() < 0.85,
                consent_sharing_on=intake,
            )
            if rng.random() < 0.85:
                data.fiscal_code = codice_fiscale.compute(
                    last, first, sex, birth, origin.state_code
                )
            if rng.random() < 0.5:
                data.cui = "".join(rng.choices("ABCDEFGHJKLMNPRSTUVZ0123456789", k=10))
            if rng.random() < 0.9:
                reason = _weighted(rng, PERMIT_WEIGHTS)
                issued = _date_between(rng, intake - dt.timedelta(days=400), intake)
                issued = max(issued, birth)
                years = 2 if reason in ("protezione sussidiaria", "lavoro subordinato") else 1
                expires = issued + dt.timedelta(days=365 * years)
                while expires < today - dt.timedelta(days=30):
                    # Renewed on time, as most are: the newest permit is the one on file.
                    issued = expires - dt.timedelta(days=rng.randint(0, 20))
                    expires = issued + dt.timedelta(days=365 * years)
                if rng.random() < 0.12:
                    # Some renewals are due now: the home screen lists them.
                    expires = today + dt.timedelta(days=rng.randint(-40, 75))
                    issued = min(issued, expires - dt.timedelta(days=180), today)
                data.permit_type = rng.choice(PERMIT_TYPES)
                data.permit_reason = reason
                data.permit_number = f"I{rng.randint(1000000, 9999999)}"
                data.permit_issuer = rng.choice(demo_names.QUESTURE)
                data.permit_issued_on = issued
                data.permit_expires_on = expires
            declined: set[str] = set()
            if rng.random() < 0.85:
                data.education_isced = rng.choices(
                    range(9), weights=[12, 18, 24, 22, 5, 3, 10, 5, 1]
                )[0]
            elif rng.random() < 0.5:
                declined.add("education_isced")
            data.employment = _weighted(rng, EMPLOYMENT_WEIGHTS)
            data.ethos_at_intake = _weighted(rng, ETHOS_WEIGHTS)
            data.disability = rng.choices(["no", "si", "non dichiarato"], weights=[85, 5, 10])[0]
            data.declined = frozenset(declined)
            native = dict(origin.native_scripts).get(f"{first} {last}")
            if native:
                data.notes = f"Nome nella scrittura originale: {native}"
            result = persons.create_person(session, actor, data)
            created.append((result.id, last, origins.index(origin)))
            if index % 25 == 0:
                report(index, people, "Persone…")
        households = _households(session, rng, created)
        notes = _notes(session, rng, created, actor)
        hosting_counts = _host_families(session, rng, actor, [c[0] for c in created], today)
        contacts = _street_contacts(session, rng, actor, [s.id for s in staff], today)
        from tit_desktop.services.convention import demo as convention_demo

        paperwork = convention_demo.fill(session, actor, rng, orgs)
        intakes = session.execute(
            select(Person.id, Person.intake_date)
            .where(Person.id.in_([c[0] for c in created]))
            .order_by(Person.id)
        ).all()
        housed = housing_demo.fill(session, rng, [(i, d) for i, d in intakes], today)
        report(people, people, "Percorsi…")
        pathway_counts = pathway_demo.fill(
            session, actor, rng, [c[0] for c in created], [s.id for s in staff], today
        )
        report(people, people, "Mensa…")
        cards, meals = _canteen(session, actor, rng, today)
        report(people, people, "Fatto")
    return {
        "persone": len(created),
        "enti": len(orgs),
        "operatori": len(staff),
        "legami familiari": households,
        "note": notes,
        **hosting_counts,
        "contatti di strada": contacts,
        **paperwork,
        **housed,
        **pathway_counts,
        "tessere mensa": cards,
        "pasti": meals,
    }


DEMO_MEAL_DAYS = 90  # a few months of meals


def _canteen(session: Session, actor: Actor, rng: random.Random, today: dt.date) -> tuple[int, int]:
    """Cards for about half the persons (some replaced, some revoked) and three months of
    meals: each card holder eats on most days, one meal in three without the card."""
    people = session.execute(select(Person.id, Person.intake_date).order_by(Person.id)).all()
    holders: list[tuple[int, dt.date, int | None]] = []
    cards = 0
    for person_id, intake in people:
        if rng.random() >= 0.5:
            continue
        start = max(intake, today - dt.timedelta(days=DEMO_MEAL_DAYS + rng.randint(0, 200)))
        card = canteen.issue_card(
            session,
            actor,
            person_id,
            valid_from=start,
            valid_to=today + dt.timedelta(days=rng.randint(30, 300)),
        )
        cards += 1
        card_id: int | None = card.id
        if rng.random() < 0.08:
            card_id = canteen.replace_card(session, actor, card.id).id
            cards += 1
        elif rng.random() < 0.04:
            canteen.revoke_card(session, actor, card.id, "tessera non più necessaria")
            card_id = None
        holders.append((person_id, max(intake, start), card_id))
    rows = []
    first_day = today - dt.timedelta(days=DEMO_MEAL_DAYS - 1)
    for offset in range(DEMO_MEAL_DAYS):
        day = first_day + dt.timedelta(days=offset)
        for person_id, since, card_id in holders:
            if day < since:
                continue
            for meal, chance in (("colazione", 0.3), ("pranzo", 0.8), ("cena", 0.5)):
                if rng.random() < chance:
                    moment = dt.datetime.combine(
                        day, dt.time({"colazione": 7, "pranzo": 12, "cena": 19}[meal])
                    ) + dt.timedelta(minutes=rng.randint(0, 90))
                    rows.append(
                        {
                            "person_id": person_id,
                            "meal_date": day,
                            "meal_type": meal,
                            "card_id": card_id if rng.random() < 0.67 else None,
                            "recorded_at": moment.astimezone(dt.UTC),
                            "recorded_by_user_id": actor.user_id,
                            "backdated": False,
                        }
                    )
    with bulk.writing(
        session, actor, Meal, detail=f"Dati dimostrativi: {len(rows)} pasti"
    ) as batch:
        for offset in range(0, len(rows), 5000):
            batch.insert(rows[offset : offset + 5000])
    return cards, len(rows)


def _households(session: Session, rng: random.Random, created: list[tuple[int, str, int]]) -> int:
    """Some persons of the same origin and surname form a household."""
    by_key: dict[tuple[str, int], list[int]] = {}
    for person_id, last, origin in created:
        by_key.setdefault((last, origin), []).append(person_id)
    links = 0
    for members in by_key.values():
        if len(members) < 2:
            continue
        head = members[0]
        for other in members[1:3]:
            relation = rng.choice(
                [
                    HouseholdRelation.SPOUSE_OR_PARTNER,
                    HouseholdRelation.CHILD,
                    HouseholdRelation.SIBLING,
                ]
            )
            session.add(
                HouseholdLink(
                    person_id=head,
                    relative_id=other,
                    relation=relation,
                )
            )
            links += 1
    return links


NOTE_TEXTS = (
    "Primo colloquio svolto con mediatore linguistico.",
    "Accompagnato allo sportello anagrafe per la residenza.",
    "Iscritto al corso di italiano A2 del CPIA.",
    "Segnalato dal servizio di unità di strada: dorme in stazione.",
    "Colloquio per orientamento al lavoro; CV aggiornato.",
)
CONFIDENTIAL_TEXTS = (
    "Riferisce episodi di violenza subita durante il viaggio: proposto supporto psicologico.",
    "In attesa di esito della commissione territoriale: situazione di forte ansia.",
)


def _notes(
    session: Session, rng: random.Random, created: list[tuple[int, str, int]], actor: Actor
) -> int:
    count = 0
    for person_id, _last, _origin in created:
        if rng.random() < 0.5:
            session.add(
                PersonNote(
                    person_id=person_id,
                    author_user_id=actor.user_id,
                    level=NoteLevel.NORMAL,
                    text=rng.choice(NOTE_TEXTS),
                )
            )
            count += 1
        if rng.random() < 0.1:
            session.add(
                PersonNote(
                    person_id=person_id,
                    author_user_id=actor.user_id,
                    level=NoteLevel.CONFIDENTIAL,
                    text=rng.choice(CONFIDENTIAL_TEXTS),
                )
            )
            count += 1
    return count


# --- accoglienza in famiglia -------------------------------------------------------------

_BANK_CODES = ("03069", "05034", "03111", "02008", "05387", "08549", "03104")
_AVAILABILITY = (
    "una stanza singola",
    "una stanza con bagno",
    "un posto letto, solo tempo parziale",
    "disponibili da settembre",
    "una stanza; preferenza per donne o nuclei con bambini",
)


def demo_iban(rng: random.Random) -> str:
    """A well-formed Italian IBAN (CIN letter, ABI, CAB, account) with its check digits."""
    bban = (
        rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        + rng.choice(_BANK_CODES)
        + f"{rng.randint(1000, 99999):05d}"
        + f"{rng.randint(0, 10**12 - 1):012d}"
    )
    number = int("".join(str(int(ch, 36)) for ch in bban + "IT00"))
    return f"IT{98 - number % 97:02d}{bban}"


def _host_families(
    session: Session,
    rng: random.Random,
    actor: Actor,
    person_ids: list[int],
    today: dt.date,
) -> dict[str, int]:
    """Host families of Ancona, agreements of about six months with some of the persons,
    and the months paid by bank transfer a few days after each month's end (a few late)."""
    from tit_desktop.services import hosting

    intake: dict[int, dt.date] = {
        pid: day
        for pid, day in session.execute(
            select(Person.id, Person.intake_date).where(Person.id.in_(person_ids))
        )
    }
    candidates = [pid for pid in person_ids if intake[pid] <= today - dt.timedelta(days=45)]
    rng.shuffle(candidates)
    families = max(3, min(25, len(person_ids) // 12))
    family_ids = []
    used_names: set[str] = set()
    for _ in range(families):
        last, first = demo_names.italian_full_name(rng, rng.choice(["F", "M"]))
        name = f"Famiglia {last}"
        if name in used_names:
            continue
        used_names.add(name)
        partner = rng.choice(demo_names.ITALIAN_FIRST_NAMES_M + demo_names.ITALIAN_FIRST_NAMES_F)
        members = [f"{first} {last}", f"{partner} {last}"]
        members += [
            f"{rng.choice(demo_names.ITALIAN_FIRST_NAMES_F)} {last} ({rng.randint(4, 19)} anni)"
            for _ in range(rng.randint(0, 2))
        ]
        family_ids.append(
            hosting.create_family(
                session,
                actor,
                hosting.FamilyInput(
                    name=name,
                    contact_person=f"{first} {last}",
                    members="\n".join(members),
                    address=f"{rng.choice(demo_names.ANCONA_STREETS)} {rng.randint(1, 120)}, "
                    "60121 Ancona",
                    phone=_phone(rng),
                    iban=demo_iban(rng),
                    availability=rng.choice(_AVAILABILITY),
                    active=rng.random() < 0.9,
                ),
            )
        )
    agreements = 0
    paid = 0
    for family_id in family_ids:
        free_from = today - dt.timedelta(days=rng.randint(300, 700))
        for _ in range(rng.randint(1, 3)):
            if not candidates:
                break
            person_id = candidates.pop()
            start = max(free_from, intake[person_id]) + dt.timedelta(days=rng.randint(0, 40))
            if start > today - dt.timedelta(days=10):
                continue
            months = rng.choice([3, 6, 6, 6, 12])
            end: dt.date | None = start + dt.timedelta(days=round(months * 30.4) - 1)
            if rng.random() < 0.15 and end is not None and end > today:
                end = None
            code = session.scalar(select(Person.code).where(Person.id == person_id))
            agreement_id = hosting.create_agreement(
                session,
                actor,
                hosting.AgreementInput(
                    family_id=family_id,
                    person_code=str(code),
                    start_date=start,
                    end_date=end,
                    time=rng.choice(["parziale", "parziale", "pieno"]),
                ),
            )
            agreements += 1
            for row in hosting.ledger(session, actor, agreement_id):
                paid_on = hosting.last_of_month(row.month) + dt.timedelta(days=rng.randint(3, 18))
                if paid_on > today or rng.random() < 0.06:
                    continue
                hosting.mark_paid(session, actor, row.id, paid_on)
                paid += 1
            free_from = (end or today) + dt.timedelta(days=rng.randint(10, 60))
            if free_from > today:
                break
    return {
        "famiglie ospitanti": len(family_ids),
        "accoglienze": agreements,
        "contributi pagati": paid,
    }


# The street unit's zones of Ancona and the places its night shifts stop at.
STREET_ZONES: dict[str, tuple[str, ...]] = {
    "Stazione centrale": (
        "Stazione centrale, atrio",
        "Piazza Rosselli",
        "Stazione, sottopassaggio binari",
        "Via Marconi, pensilina autobus",
    ),
    "Piazza Cavour": ("Piazza Cavour, portici", "Corso Garibaldi", "Corso Stamira"),
    "Porto": ("Porto, varco Da Chio", "Mole Vanvitelliana", "Lungomare Vanvitelli"),
    "Piano San Lazzaro": ("Piazza d'Armi", "Via Giordano Bruno", "Piazza Ugo Bassi"),
    "Centro storico": ("Piazza del Plebiscito", "Mercato delle Erbe", "Piazza Roma"),
    "Passetto": ("Viale della Vittoria", "Monumento ai Caduti"),
}
STREET_NOTES = (
    "Chiede informazioni sul dormitorio",
    "Rifiuta l'accompagnamento, ripassare domani",
    "Indirizzato allo sportello immigrati",
    "Segnalato ai servizi sanitari per una visita",
    "Dorme in auto, chiede una coperta in più",
)


def _street_contacts(
    session: Session, rng: random.Random, actor: Actor, staff: list[int], today: dt.date
) -> int:
    """Four months of night shifts: two or three a week, a few contacts each between nine
    in the evening and half past one, persons met (registered or anonymous), services."""
    from tit_desktop.models import StreetService
    from tit_desktop.services import street

    zones = {name: street.add_zone(session, actor, name).id for name in STREET_ZONES}
    intake: dict[int, dt.date] = {
        pid: day for pid, day in session.execute(select(Person.id, Person.intake_date))
    }
    count = 0
    night = today - dt.timedelta(days=120)
    while night < today:
        team = tuple(rng.sample(staff, k=2)) if len(staff) >= 2 else tuple(staff)
        minutes = 21 * 60 + rng.randint(0, 40)
        for _ in range(rng.randint(3, 7)):
            minutes += rng.randint(15, 40)
            moment = dt.datetime.combine(night, dt.time(0, 0)) + dt.timedelta(minutes=minutes)
            if moment.date() > today:
                break
            zone = rng.choice(list(STREET_ZONES))
            met = [p for p, day in intake.items() if day <= moment.date()]
            kind = rng.random()
            people = (
                tuple(rng.sample(met, k=1 if kind < 0.45 else 2)) if met and kind < 0.55 else ()
            )
            f = m = 0
            if not people or rng.random() < 0.2:
                m = rng.choices([0, 1, 2, 3], weights=[10, 55, 25, 10])[0]
                f = rng.choices([0, 1, 2], weights=[75, 20, 5])[0]
                if not people and f + m == 0:
                    m = 1
            winter = moment.month in (11, 12, 1, 2, 3)
            given = {
                service
                for service, chance in (
                    (StreetService.HOT_DRINK, 0.7),
                    (StreetService.BLANKETS, 0.5 if winter else 0.1),
                    (StreetService.MEAL, 0.3),
                    (StreetService.INFORMATION, 0.25),
                    (StreetService.REFERRAL, 0.1),
                )
                if rng.random() < chance
            }
            street.create_contact(
                session,
                actor,
                street.ContactInput(
                    occurred_on=moment.date(),
                    time=moment.time(),
                    place=rng.choice(STREET_ZONES[zone]),
                    zone_id=zones[zone],
                    staff_ids=team,
                    person_ids=people,
                    anonymous_f=f,
                    anonymous_m=m,
                    services=frozenset(given),
                    notes=rng.choice(STREET_NOTES) if rng.random() < 0.15 else None,
                ),
            )
            count += 1
        night += dt.timedelta(days=rng.choice([2, 2, 3, 3, 4]))
    return count
