"""Demo data of the Percorsi area (called by :func:`demo.fill_demo_data`): percorsi for most
persons (some closed with a destination), their plans, reviews and autonomy assessments,
three courses with sessions and attendance, tirocini with monthly hours and payments. All
written through the area's services, so validated and audited like the window's."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from tit_desktop.models import Organisation, Person
from tit_desktop.models.destinations import ExitDestination
from tit_desktop.models.pathways import ActionStatus, PlanDomain
from tit_desktop.services import courses, pathways, plans, tirocini
from tit_desktop.services.permissions import Actor, Permission

DESTINATION_WEIGHTS = {
    ExitDestination.INDEPENDENT_RENT: 22,
    ExitDestination.PUBLIC_HOUSING: 5,
    ExitDestination.PERMANENT_HOUSING_FIRST: 6,
    ExitDestination.STABLE_GUEST: 10,
    ExitDestination.CO_HOUSING: 10,
    ExitDestination.INSTITUTIONAL_SHELTER: 8,
    ExitDestination.TEMPORARY_GUEST: 8,
    ExitDestination.STREET: 6,
    ExitDestination.REPATRIATION_OR_TRANSFER: 5,
    ExitDestination.DEATH: 1,
    ExitDestination.UNKNOWN: 9,
}
GOALS = {
    PlanDomain.LANGUAGE: ("Raggiungere il livello A2 di italiano", "Iscrizione al CPIA"),
    PlanDomain.TRAINING: ("Ottenere l'attestato HACCP", "Iscrizione al corso HACCP"),
    PlanDomain.WORK: ("Trovare un lavoro stabile", "Preparare il curriculum"),
    PlanDomain.HOUSING: ("Trovare una stanza in affitto", "Visitare tre alloggi"),
    PlanDomain.HEALTH: ("Scegliere il medico di base", "Iscrizione al Servizio sanitario"),
    PlanDomain.DOCUMENTS: ("Rinnovare il permesso di soggiorno", "Appuntamento in Questura"),
}
COURSES = (
    ("Italiano A1", 60, 150, 2),
    ("Italiano A2", 80, 120, 3),
    ("Sicurezza alimentare HACCP", 12, 60, 3),
)


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max((end - start).days, 0)))


def fill(
    session: Session,
    actor: Actor,
    rng: random.Random,
    person_ids: list[int],
    staff_ids: list[int],
    today: dt.date,
) -> dict[str, int]:
    counts = {"percorsi": 0, "corsi": 0, "tirocini": 0}
    intake = dict(
        session.execute(
            select(Person.id, Person.intake_date).where(Person.id.in_(person_ids))
        ).all()
    )
    with_pathway: list[tuple[int, int, dt.date]] = []  # (person, pathway, entry)
    for person_id in person_ids:
        if rng.random() > 0.65:
            continue
        entry = min(intake[person_id] + dt.timedelta(days=rng.randint(0, 45)), today)
        exit_date = None
        if rng.random() < 0.4 and (today - entry).days > 120:
            exit_date = _day(rng, entry + dt.timedelta(days=90), today - dt.timedelta(days=1))
        destination = rng.choices(
            list(DESTINATION_WEIGHTS), weights=list(DESTINATION_WEIGHTS.values())
        )[0]
        staff_id = rng.choice(staff_ids)
        pathway_id = pathways.create_pathway(
            session,
            actor,
            pathways.PathwayInput(
                person_id,
                entry,
                actions=rng.choice(
                    (
                        "Accoglienza, corso di italiano, orientamento al lavoro",
                        "Ricerca casa, tirocinio di inclusione",
                        "Regolarizzazione dei documenti, corso di italiano",
                    )
                ),
                reference_staff_id=staff_id,
                exit_date=exit_date,
                exit_destination=destination.value if exit_date else None,
                exit_reason="Conclusione del progetto individuale" if exit_date else None,
            ),
        )
        counts["percorsi"] += 1
        with_pathway.append((person_id, pathway_id, entry))
        _plan(session, actor, rng, pathway_id, entry, exit_date, staff_ids, today)
    counts["corsi"] = _courses(session, actor, rng, with_pathway, intake, today)
    counts["tirocini"] = _tirocini(session, actor, rng, with_pathway, today)
    return counts


def _plan(
    session: Session,
    actor: Actor,
    rng: random.Random,
    pathway_id: int,
    entry: dt.date,
    exit_date: dt.date | None,
    staff_ids: list[int],
    today: dt.date,
) -> None:
    last = exit_date or today
    for domain in rng.sample(list(GOALS), k=rng.randint(2, 4)):
        goal_text, action_text = GOALS[domain]
        goal_id = plans.add_goal(session, actor, pathway_id, domain.value, goal_text)
        due = entry + dt.timedelta(days=rng.randint(20, 200))
        if exit_date is not None or due < today - dt.timedelta(days=30):
            status = rng.choices(
                [ActionStatus.DONE, ActionStatus.TODO, ActionStatus.CANCELLED], weights=[7, 2, 1]
            )[0]
        else:
            status = rng.choice([ActionStatus.TODO, ActionStatus.IN_PROGRESS])
        plans.add_action(
            session,
            actor,
            goal_id,
            plans.ActionInput(
                action_text,
                rng.choice(staff_ids),
                due,
                status.value,
                "Fatto nei tempi previsti" if status is ActionStatus.DONE else None,
            ),
        )
    scores = {d.value: rng.randint(1, 3) for d in PlanDomain}
    plans.add_assessment(session, actor, pathway_id, "ingresso", entry, scores)
    if (last - entry).days > 60:
        review_day = entry + dt.timedelta(days=(last - entry).days // 2)
        plans.add_review(
            session,
            actor,
            pathway_id,
            review_day,
            rng.choice(
                (
                    "Obiettivi confermati; buona frequenza del corso.",
                    "Difficoltà con la ricerca della casa: si prova il co-housing.",
                    "La persona ha iniziato il tirocinio; documenti in regola.",
                )
            ),
        )
        if exit_date is not None:
            better = {d: min(5, s + rng.randint(0, 2)) for d, s in scores.items()}
            plans.add_assessment(session, actor, pathway_id, "uscita", exit_date, better)


def _courses(
    session: Session,
    actor: Actor,
    rng: random.Random,
    with_pathway: list[tuple[int, int, dt.date]],
    intake: dict[int, dt.date],
    today: dt.date,
) -> int:
    providers = list(
        session.scalars(select(Organisation.id).where(Organisation.is_partner.is_(True)))
    )
    made = 0
    for title, hours, days_ago, per_week in COURSES:
        start = today - dt.timedelta(days=days_ago)
        end = start + dt.timedelta(days=120)
        course_id = courses.create_course(
            session,
            actor,
            courses.CourseInput(
                title, rng.choice(providers) if providers else None, hours, start, end
            ),
        )
        made += 1
        lessons: list[tuple[int, dt.date, int]] = []
        day = start
        while day <= min(end, today) and len(lessons) * 2 < hours:
            for offset in range(per_week):
                held = day + dt.timedelta(days=offset * 2)
                if held <= min(end, today):
                    lessons.append(
                        (courses.add_session(session, actor, course_id, held, 120), held, 120)
                    )
            day += dt.timedelta(days=7)
        enrolled = [p for p in with_pathway if intake[p[0]] <= start and rng.random() < 0.35]
        enrolments: dict[int, tuple[int, float]] = {}
        for person_id, _pathway, _entry in enrolled:
            code = session.scalar(select(Person.code).where(Person.id == person_id))
            assert code is not None
            enrolment = courses.enrol(session, actor, course_id, code, start)
            enrolments[enrolment] = (person_id, rng.choice((0.95, 0.85, 0.6, 0.3)))
        for lesson_id, _held, minutes in lessons:
            courses.record_attendance(
                session,
                actor,
                lesson_id,
                {
                    e: (minutes if rng.random() < rate else 0)
                    for e, (_p, rate) in enrolments.items()
                },
            )
    return made


def _tirocini(
    session: Session,
    actor: Actor,
    rng: random.Random,
    with_pathway: list[tuple[int, int, dt.date]],
    today: dt.date,
) -> int:
    hosts = list(
        session.scalars(select(Organisation.id).where(Organisation.is_internship_host.is_(True)))
    )
    if not hosts:
        return 0
    money = actor.can(Permission.WRITE_MONEY)
    made = 0
    for person_id, _pathway, entry in with_pathway:
        if rng.random() > 0.15 or (today - entry).days < 90:
            continue
        start = entry + dt.timedelta(days=rng.randint(30, 60))
        end = start + dt.timedelta(days=rng.choice((90, 180)) - 1)
        tirocinio_id = tirocini.create_tirocinio(
            session,
            actor,
            tirocini.TirocinioInput(
                person_id,
                rng.choice(hosts),
                rng.choice(("Marco Bianchi", "Elena Conti", "Paolo Ricci")),
                start,
                end,
                80,
                Decimal("500.00") if money else None,
                50,
                "Inserimento lavorativo con affiancamento del tutor",
            ),
        )
        made += 1
        month = tirocini.month_start(start)
        while month <= min(end, today) and tirocini.month_end(month) < today:
            hours = rng.choice((80, 76, 64, 40, 30))
            tirocini.record_month(session, actor, tirocinio_id, month, hours)
            paid_on = tirocini.month_end(month) + dt.timedelta(days=10)
            if money and paid_on <= today:
                due = tirocini.indemnity_due(Decimal("500.00"), 80, 50, hours)
                if due:
                    tirocini.record_payment(session, actor, tirocinio_id, month, due, paid_on)
            month = tirocini.month_end(month) + dt.timedelta(days=1)
    return made
