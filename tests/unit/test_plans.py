"""The individual plan: goals and actions, review meetings, the autonomy assessment (1-5,
refused outside by the service and by the database), its change on the person's record,
overdue actions on the operator's Home, the plan printed for the person to sign."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy import select

from tests.unit.pathway_helpers import make_pathway, make_person, make_staff, pdf_text
from tit_desktop.models import AuditEntry
from tit_desktop.models.pathways import AssessmentMoment, AutonomyAssessment
from tit_desktop.services import clock, forms, plans, reminders, timeline
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ConflictError, ValidationError
from tit_desktop.services.permissions import Actor

D = dt.date
SCORES = {"lingua": 2, "formazione": 1, "lavoro": 1, "casa": 2, "salute": 3, "documenti": 2}


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    day = D(2025, 6, 10)
    monkeypatch.setattr(clock, "today", lambda: day)
    return day


def test_goals_actions_and_reviews_make_the_plan(db: Database, admin: Actor, today: D) -> None:
    person_id = make_person(db, admin)
    staff_id = make_staff(db, admin)
    pathway_id = make_pathway(db, admin, person_id, staff_id=staff_id)
    with db.transaction(admin) as session:
        goal = plans.add_goal(session, admin, pathway_id, "lingua", "Raggiungere il livello A2")
        plans.add_goal(session, admin, pathway_id, "casa", "Trovare una stanza in affitto")
        plans.add_action(
            session,
            admin,
            goal,
            plans.ActionInput("Iscrizione al CPIA", staff_id, D(2025, 3, 1), "completata"),
        )
        plans.add_review(session, admin, pathway_id, D(2025, 5, 2), "Frequenza regolare.")
    with db.reading() as session:
        plan = plans.plan_of(session, admin, pathway_id)
    assert [g.domain for g in plan.goals] == ["lingua", "casa"]
    assert plan.goals[0].actions[0].responsible == "Rossi Giulia"
    assert plan.reviews[0].minutes == "Frequenza regolare."
    with db.reading() as session:
        people = set(
            session.scalars(
                select(AuditEntry.person_id).where(
                    AuditEntry.entity.in_(["plan_goal", "plan_action", "plan_review"])
                )
            )
        )
    assert people == {person_id}


def test_bad_plan_input_is_named(db: Database, admin: Actor, today: D) -> None:
    person_id = make_person(db, admin)
    pathway_id = make_pathway(db, admin, person_id)
    with pytest.raises(ValidationError) as err, db.transaction(admin) as session:
        plans.add_goal(session, admin, pathway_id, "sport", "")
    assert set(err.value.fields) == {"domain", "description"}
    with pytest.raises(ValidationError) as err, db.transaction(admin) as session:
        plans.add_review(session, admin, pathway_id, D(2025, 1, 15), "prima dell'ingresso")
    assert "fuori dal percorso (dal 01/02/2025 (aperto))" in err.value.fields["held_on"]


def test_scores_outside_1_to_5_are_refused_by_the_service_and_the_database(
    db: Database, admin: Actor, today: D
) -> None:
    person_id = make_person(db, admin)
    pathway_id = make_pathway(db, admin, person_id)
    with pytest.raises(ValidationError) as err, db.transaction(admin) as session:
        plans.add_assessment(
            session, admin, pathway_id, "ingresso", D(2025, 2, 1), {**SCORES, "lavoro": 6}
        )
    assert "punteggio 6 non valido" in err.value.fields["score_work"]
    with pytest.raises(ConflictError), db.transaction(admin) as session:
        session.add(
            AutonomyAssessment(
                pathway_id=pathway_id,
                person_id=person_id,
                assessed_on=D(2025, 2, 1),
                moment=AssessmentMoment.ENTRY,
                score_language=0,
                score_training=1,
                score_work=1,
                score_housing=1,
                score_health=1,
                score_documents=1,
            )
        )
        session.flush()
    with db.reading() as session:
        assert session.scalars(select(AutonomyAssessment)).all() == []


def test_the_autonomy_change_from_entry_to_exit(db: Database, admin: Actor, today: D) -> None:
    person_id = make_person(db, admin)
    pathway_id = make_pathway(db, admin, person_id)
    with db.transaction(admin) as session:
        plans.add_assessment(session, admin, pathway_id, "ingresso", D(2025, 2, 1), SCORES)
        plans.add_assessment(
            session, admin, pathway_id, "verifica", D(2025, 4, 1), {**SCORES, "lingua": 3}
        )
        plans.add_assessment(
            session,
            admin,
            pathway_id,
            "uscita",
            D(2025, 6, 1),
            {**SCORES, "lingua": 4, "lavoro": 3},
        )
    with pytest.raises(ValidationError) as err, db.transaction(admin) as session:
        plans.add_assessment(session, admin, pathway_id, "ingresso", D(2025, 2, 2), SCORES)
    assert "già la valutazione di ingresso (del 01/02/2025)" in err.value.fields["moment"]
    with db.reading() as session:
        change = plans.autonomy_change(session, admin, person_id)
    assert change is not None and change.first.moment == "ingresso"
    assert change.latest.moment == "uscita"
    assert change.change == {
        "lingua": 2,
        "formazione": 0,
        "lavoro": 2,
        "casa": 0,
        "salute": 0,
        "documenti": 0,
    }


def test_overdue_actions_are_on_their_operator_s_home(db: Database, admin: Actor, today: D) -> None:
    person_id = make_person(db, admin)
    mine = make_staff(db, admin, user_id=admin.user_id)
    other = make_staff(db, admin)
    pathway_id = make_pathway(db, admin, person_id)
    with db.transaction(admin) as session:
        goal = plans.add_goal(session, admin, pathway_id, "documenti", "Rinnovo del permesso")
        for text, staff, due, status in (
            ("Appuntamento in Questura", mine, D(2025, 6, 1), "da fare"),
            ("Copia del passaporto", mine, D(2025, 6, 14), "in corso"),
            ("Già fatto", mine, D(2025, 5, 1), "completata"),
            ("Di un collega", other, D(2025, 5, 1), "da fare"),
        ):
            plans.add_action(session, admin, goal, plans.ActionInput(text, staff, due, status))
    with db.reading() as session:
        found = [r for r in reminders.reminders_for(session, admin, today) if r.area == "pathways"]
    assert [(r.overdue, r.text) for r in found] == [
        (True, "Azione del piano di TIU-00001 scaduta il 01/06/2025: Appuntamento in Questura"),
        (False, "Azione del piano di TIU-00001 entro il 14/06/2025: Copia del passaporto"),
    ]
    assert all(r.person_id == person_id for r in found)


def test_plan_events_join_the_timeline(db: Database, admin: Actor, today: D) -> None:
    person_id = make_person(db, admin)
    pathway_id = make_pathway(db, admin, person_id)
    with db.transaction(admin) as session:
        plans.add_review(session, admin, pathway_id, D(2025, 5, 2), "Verifica di maggio")
        plans.add_assessment(session, admin, pathway_id, "ingresso", D(2025, 2, 1), SCORES)
    with db.reading() as session:
        events = timeline.events_for(session, admin, person_id, only=["plan", "pathways"])
    assert [(e.day, e.title) for e in events] == [
        (D(2025, 5, 2), "Verifica del piano individuale"),
        (D(2025, 2, 1), "Valutazione dell'autonomia (ingresso)"),
        (D(2025, 2, 1), "Ingresso nel percorso"),
    ]


def test_the_plan_prints_for_the_person_to_sign(db: Database, admin: Actor, today: D) -> None:
    person_id = make_person(db, admin)
    staff_id = make_staff(db, admin)
    pathway_id = make_pathway(db, admin, person_id, staff_id=staff_id)
    with db.transaction(admin) as session:
        goal = plans.add_goal(session, admin, pathway_id, "lavoro", "Tirocinio in cucina")
        plans.add_action(
            session,
            admin,
            goal,
            plans.ActionInput("Colloquio con la cooperativa", staff_id, D(2025, 7, 1)),
        )
        plans.add_assessment(session, admin, pathway_id, "ingresso", D(2025, 2, 1), SCORES)
    out = io.BytesIO()
    with db.transaction(admin) as session:
        forms.print_document(session, admin, "piano-individualizzato", {"person": "TIU-00001"}, out)
    text = pdf_text(out.getvalue())
    assert "Piano individualizzato" in text and "Diallo Awa" in text
    assert "Lavoro: Tirocinio in cucina" in text
    assert "Colloquio con la cooperativa Rossi Giulia 01/07/2025 da fare" in text
    assert "Firma della persona" in text and "Firma dell'operatore di riferimento" in text
    with db.reading() as session:
        printed = session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all()
    assert [(e.entity, e.person_id) for e in printed] == [("pathway", person_id)]
    with db.reading() as session:
        events = timeline.events_for(session, admin, person_id, only=["documents"])
    assert [e.title for e in events] == ["Documento stampato: Piano individualizzato"]
