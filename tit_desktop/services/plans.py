"""The individual plan of a percorso: goals in the domains (lingua, formazione, lavoro, casa,
salute, documenti), each with actions (who is responsible, by when, status, progress notes);
review meetings with their minutes; the autonomy self-assessment (1-5 on each domain) at
entry, at reviews and at exit, and its change.

Overdue actions are Home reminders for their responsible operator; the plan's events join
the person's timeline; the plan prints for the person to sign (``piano-individualizzato``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session

from tit_desktop.models import Person, StaffMember
from tit_desktop.models.pathways import (
    SCORE_COLUMNS,
    ActionStatus,
    AssessmentMoment,
    AutonomyAssessment,
    Pathway,
    PlanAction,
    PlanDomain,
    PlanGoal,
    PlanReview,
)
from tit_desktop.reports import pathway_forms
from tit_desktop.services import clock, conflicts, forms, pathways, reminders, timeline
from tit_desktop.services.database import STALE_MESSAGE
from tit_desktop.services.errors import (
    ConflictError,
    NotFound,
    StaleRecord,
    ValidationError,
    register_labels,
)
from tit_desktop.services.pathways import fmt
from tit_desktop.services.permissions import Actor, Permission, require
from tit_desktop.services.text import character_problem

register_labels(
    {
        "domain": "Ambito",
        "description": "Descrizione",
        "responsible_staff_id": "Responsabile",
        "due_date": "Scadenza",
        "status": "Stato",
        "progress_notes": "Note sull'andamento",
        "held_on": "Data",
        "minutes": "Verbale",
        "assessed_on": "Data della valutazione",
        "moment": "Momento",
        **{column: f"Autonomia: {domain.value}" for domain, column in SCORE_COLUMNS.items()},
    }
)

OPEN_STATUSES = (ActionStatus.TODO, ActionStatus.IN_PROGRESS)
DUE_SOON_DAYS = 7
MAX_DESCRIPTION = 500
MAX_TEXT = 8000


def _pathway(session: Session, pathway_id: int) -> Pathway:
    pathway = session.get(Pathway, pathway_id)
    if pathway is None:
        raise NotFound("Percorso non trovato (forse eliminato da un altro utente).")
    person = session.get(Person, pathway.person_id)
    if person is not None and person.anonymised_at is not None:
        raise ConflictError(
            "La scheda è stata anonimizzata: non si possono più aggiungere o cambiare dati."
        )
    return pathway


def _versioned(obj: object | None, version: int | None, what: str) -> object:
    if obj is None:
        raise NotFound(f"{what} non trovato (forse eliminato da un altro utente).")
    if version is not None and getattr(obj, "version", None) != version:
        raise StaleRecord(STALE_MESSAGE)
    return obj


def _text(errors: dict[str, str], name: str, value: str | None, limit: int, required: bool) -> str:
    text = (value or "").strip()
    if not text:
        if required:
            errors[name] = "campo obbligatorio"
        return ""
    if len(text) > limit:
        errors[name] = f"al massimo {limit} caratteri"
    problem = character_problem(text)
    if problem:
        errors[name] = problem
    return text


def _domain(errors: dict[str, str], value: str | PlanDomain | None) -> PlanDomain | None:
    try:
        return PlanDomain(value) if value else None
    except ValueError:
        pass
    errors["domain"] = "ambito sconosciuto: " + ", ".join(d.value for d in PlanDomain)
    return None


# --- goals -----------------------------------------------------------------------------------


def add_goal(session: Session, actor: Actor, pathway_id: int, domain: str, description: str) -> int:
    require(actor, Permission.WRITE_REGISTRY)
    pathway = _pathway(session, pathway_id)
    errors: dict[str, str] = {}
    value = _domain(errors, domain)
    if value is None and "domain" not in errors:
        errors["domain"] = "campo obbligatorio"
    text = _text(errors, "description", description, MAX_TEXT, True)
    if errors:
        raise ValidationError(errors)
    goal = PlanGoal(
        pathway_id=pathway.id, person_id=pathway.person_id, domain=value, description=text
    )
    session.add(goal)
    session.flush()
    return goal.id


def update_goal(
    session: Session, actor: Actor, goal_id: int, version: int, domain: str, description: str
) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    goal = _versioned(session.get(PlanGoal, goal_id), version, "Obiettivo")
    assert isinstance(goal, PlanGoal)
    _pathway(session, goal.pathway_id)
    errors: dict[str, str] = {}
    value = _domain(errors, domain)
    text = _text(errors, "description", description, MAX_TEXT, True)
    if errors or value is None:
        raise ValidationError(errors or {"domain": "campo obbligatorio"})
    goal.domain = value
    goal.description = text
    session.flush()


def delete_goal(session: Session, actor: Actor, goal_id: int, version: int) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    goal = _versioned(session.get(PlanGoal, goal_id), version, "Obiettivo")
    session.delete(goal)
    session.flush()


# --- actions ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionInput:
    description: str = ""
    responsible_staff_id: int | None = None
    due_date: dt.date | None = None
    status: str = ActionStatus.TODO.value
    progress_notes: str | None = None


def _check_action(session: Session, data: ActionInput, pathway: Pathway) -> dict[str, object]:
    errors: dict[str, str] = {}
    description = _text(errors, "description", data.description, MAX_DESCRIPTION, True)
    notes = _text(errors, "progress_notes", data.progress_notes, MAX_TEXT, False) or None
    try:
        status = ActionStatus(data.status)
    except ValueError:
        errors["status"] = "stato sconosciuto: " + ", ".join(s.value for s in ActionStatus)
        status = ActionStatus.TODO
    if data.due_date is not None and data.due_date < pathway.entry_date:
        errors["due_date"] = (
            f"la scadenza non può precedere l'ingresso nel percorso ({fmt(pathway.entry_date)})"
        )
    if data.responsible_staff_id is not None and (
        session.get(StaffMember, data.responsible_staff_id) is None
    ):
        errors["responsible_staff_id"] = "operatore non trovato"
    if errors:
        raise ValidationError(errors)
    return {
        "description": description,
        "responsible_staff_id": data.responsible_staff_id,
        "due_date": data.due_date,
        "status": status,
        "progress_notes": notes,
    }


def add_action(session: Session, actor: Actor, goal_id: int, data: ActionInput) -> int:
    require(actor, Permission.WRITE_REGISTRY)
    goal = session.get(PlanGoal, goal_id)
    if goal is None:
        raise NotFound("Obiettivo non trovato (forse eliminato da un altro utente).")
    pathway = _pathway(session, goal.pathway_id)
    values = _check_action(session, data, pathway)
    action = PlanAction(goal_id=goal.id, person_id=goal.person_id, **values)
    session.add(action)
    session.flush()
    return action.id


def update_action(
    session: Session, actor: Actor, action_id: int, version: int, data: ActionInput
) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    action = _versioned(session.get(PlanAction, action_id), version, "Azione")
    assert isinstance(action, PlanAction)
    goal = session.get(PlanGoal, action.goal_id)
    assert goal is not None
    values = _check_action(session, data, _pathway(session, goal.pathway_id))
    for key, value in values.items():
        setattr(action, key, value)
    session.flush()


def delete_action(session: Session, actor: Actor, action_id: int, version: int) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    action = _versioned(session.get(PlanAction, action_id), version, "Azione")
    session.delete(action)
    session.flush()


# --- review meetings -------------------------------------------------------------------------


def _check_review(pathway: Pathway, held_on: dt.date | None, minutes: str) -> str:
    errors: dict[str, str] = {}
    if held_on is None:
        errors["held_on"] = "campo obbligatorio"
    elif held_on < pathway.entry_date or (
        pathway.exit_date is not None and held_on > pathway.exit_date
    ):
        errors["held_on"] = (
            "la verifica è fuori dal percorso "
            f"({pathways.period_text(pathway.entry_date, pathway.exit_date)})"
        )
    elif held_on > clock.today():
        errors["held_on"] = "una verifica si registra dopo che si è tenuta: data futura"
    text = _text(errors, "minutes", minutes, MAX_TEXT, True)
    if errors:
        raise ValidationError(errors)
    return text


def add_review(
    session: Session, actor: Actor, pathway_id: int, held_on: dt.date | None, minutes: str
) -> int:
    require(actor, Permission.WRITE_REGISTRY)
    pathway = _pathway(session, pathway_id)
    text = _check_review(pathway, held_on, minutes)
    review = PlanReview(
        pathway_id=pathway.id, person_id=pathway.person_id, held_on=held_on, minutes=text
    )
    session.add(review)
    session.flush()
    return review.id


def update_review(
    session: Session,
    actor: Actor,
    review_id: int,
    version: int,
    held_on: dt.date | None,
    minutes: str,
) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    review = _versioned(session.get(PlanReview, review_id), version, "Verifica")
    assert isinstance(review, PlanReview)
    text = _check_review(_pathway(session, review.pathway_id), held_on, minutes)
    review.held_on = held_on  # type: ignore[assignment]
    review.minutes = text
    session.flush()


def delete_review(session: Session, actor: Actor, review_id: int, version: int) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    review = _versioned(session.get(PlanReview, review_id), version, "Verifica")
    session.delete(review)
    session.flush()


# --- autonomy assessment ---------------------------------------------------------------------


def add_assessment(
    session: Session,
    actor: Actor,
    pathway_id: int,
    moment: str,
    assessed_on: dt.date | None,
    scores: Mapping[str, int | None],
    notes: str | None = None,
) -> int:
    """``scores``: a score 1-5 for every domain (keyed by the domain's value: "lingua")."""
    require(actor, Permission.WRITE_REGISTRY)
    pathway = _pathway(session, pathway_id)
    errors: dict[str, str] = {}
    try:
        when = AssessmentMoment(moment)
    except ValueError:
        errors["moment"] = "momento sconosciuto: " + ", ".join(m.value for m in AssessmentMoment)
        when = AssessmentMoment.REVIEW
    if assessed_on is None:
        errors["assessed_on"] = "campo obbligatorio"
    elif assessed_on < pathway.entry_date or (
        pathway.exit_date is not None and assessed_on > pathway.exit_date
    ):
        errors["assessed_on"] = (
            "la valutazione è fuori dal percorso "
            f"({pathways.period_text(pathway.entry_date, pathway.exit_date)})"
        )
    values: dict[str, int] = {}
    for domain, column in SCORE_COLUMNS.items():
        score = scores.get(domain.value)
        if score is None:
            errors[column] = "campo obbligatorio: un punteggio da 1 a 5"
        elif isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
            errors[column] = f"punteggio {score} non valido: da 1 (nessuna autonomia) a 5 (piena)"
        else:
            values[column] = score
    text = _text(errors, "notes", notes, MAX_TEXT, False) or None
    if when is not AssessmentMoment.REVIEW and "moment" not in errors:
        existing = session.scalar(
            select(AutonomyAssessment).where(
                AutonomyAssessment.pathway_id == pathway.id, AutonomyAssessment.moment == when
            )
        )
        if existing is not None:
            errors["moment"] = (
                f"il percorso ha già la valutazione di {when.value} "
                f"(del {fmt(existing.assessed_on)})"
            )
    if errors:
        raise ValidationError(errors)
    assessment = AutonomyAssessment(
        pathway_id=pathway.id,
        person_id=pathway.person_id,
        assessed_on=assessed_on,
        moment=when,
        notes=text,
        **values,
    )
    session.add(assessment)
    session.flush()
    return assessment.id


def delete_assessment(session: Session, actor: Actor, assessment_id: int, version: int) -> None:
    require(actor, Permission.WRITE_REGISTRY)
    assessment = _versioned(session.get(AutonomyAssessment, assessment_id), version, "Valutazione")
    session.delete(assessment)
    session.flush()


@conflicts.explains("ux_autonomy_assessment_once")
def _assessment_twice(session: Session, violation: conflicts.Violation) -> str | None:
    pairs = violation.pairs("pathway_id", "moment")
    if not pairs:
        return None
    pathway_id, moment = pairs[0]
    other = session.scalar(
        select(AutonomyAssessment).where(
            AutonomyAssessment.pathway_id == pathway_id, AutonomyAssessment.moment == moment
        )
    )
    if other is None:
        return None
    return (
        f"Il percorso ha già la valutazione dell'autonomia di {other.moment.value} "
        f"(del {fmt(other.assessed_on)})."
    )


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionView:
    id: int
    version: int
    goal_id: int
    description: str
    responsible_staff_id: int | None
    responsible: str
    due_date: dt.date | None
    status: str
    progress_notes: str

    def overdue(self, today: dt.date) -> bool:
        return (
            self.due_date is not None
            and self.due_date < today
            and self.status in (s.value for s in OPEN_STATUSES)
        )


@dataclass(frozen=True)
class GoalView:
    id: int
    version: int
    domain: str
    description: str
    actions: tuple[ActionView, ...] = ()


@dataclass(frozen=True)
class ReviewView:
    id: int
    version: int
    held_on: dt.date
    minutes: str


@dataclass(frozen=True)
class AssessmentView:
    id: int
    version: int
    moment: str
    assessed_on: dt.date
    scores: dict[str, int]  # by domain value
    notes: str


@dataclass(frozen=True)
class PlanView:
    pathway: pathways.PathwayView
    goals: tuple[GoalView, ...] = ()
    reviews: tuple[ReviewView, ...] = ()
    assessments: tuple[AssessmentView, ...] = field(default_factory=tuple)


_DOMAIN_ORDER = {d: i for i, d in enumerate(PlanDomain)}


def _staff_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(
        select(StaffMember.id, StaffMember.last_name, StaffMember.first_name).where(
            StaffMember.id.in_(ids)
        )
    )
    return {r.id: f"{r.last_name} {r.first_name}" for r in rows}


def plan_of(session: Session, actor: Actor, pathway_id: int) -> PlanView:
    require(actor, Permission.READ_REGISTRY)
    view = pathways.get_pathway(session, actor, pathway_id)
    goals = session.scalars(select(PlanGoal).where(PlanGoal.pathway_id == pathway_id)).all()
    actions = session.scalars(
        select(PlanAction)
        .where(PlanAction.goal_id.in_([g.id for g in goals]))
        .order_by(PlanAction.due_date.nulls_last(), PlanAction.id)
    ).all()
    names = _staff_names(
        session, {a.responsible_staff_id for a in actions if a.responsible_staff_id}
    )
    by_goal: dict[int, list[ActionView]] = {}
    for a in actions:
        by_goal.setdefault(a.goal_id, []).append(
            ActionView(
                a.id,
                a.version,
                a.goal_id,
                a.description,
                a.responsible_staff_id,
                names.get(a.responsible_staff_id or 0, ""),
                a.due_date,
                a.status.value,
                a.progress_notes or "",
            )
        )
    goal_views = tuple(
        GoalView(g.id, g.version, g.domain.value, g.description, tuple(by_goal.get(g.id, ())))
        for g in sorted(goals, key=lambda g: (_DOMAIN_ORDER[g.domain], g.id))
    )
    reviews = tuple(
        ReviewView(r.id, r.version, r.held_on, r.minutes)
        for r in session.scalars(
            select(PlanReview)
            .where(PlanReview.pathway_id == pathway_id)
            .order_by(PlanReview.held_on, PlanReview.id)
        )
    )
    return PlanView(view, goal_views, reviews, tuple(_assessments(session, [pathway_id])))


def _assessments(session: Session, pathway_ids: list[int]) -> list[AssessmentView]:
    rows = session.scalars(
        select(AutonomyAssessment)
        .where(AutonomyAssessment.pathway_id.in_(pathway_ids))
        .order_by(AutonomyAssessment.assessed_on, AutonomyAssessment.id)
    )
    return [
        AssessmentView(
            a.id,
            a.version,
            a.moment.value,
            a.assessed_on,
            {d.value: int(getattr(a, c)) for d, c in SCORE_COLUMNS.items()},
            a.notes or "",
        )
        for a in rows
    ]


@dataclass(frozen=True)
class AutonomyChange:
    """The first and the latest assessment of the person (over all percorsi) and, for each
    domain, the change (positive = more autonomous)."""

    first: AssessmentView
    latest: AssessmentView

    @property
    def change(self) -> dict[str, int]:
        return {d: self.latest.scores[d] - self.first.scores[d] for d in self.first.scores}


def autonomy_change(session: Session, actor: Actor, person_id: int) -> AutonomyChange | None:
    require(actor, Permission.READ_REGISTRY)
    ids = list(session.scalars(select(Pathway.id).where(Pathway.person_id == person_id)))
    found = _assessments(session, ids) if ids else []
    if not found:
        return None
    return AutonomyChange(found[0], found[-1])


def assessments_of_person(session: Session, actor: Actor, person_id: int) -> list[AssessmentView]:
    require(actor, Permission.READ_REGISTRY)
    ids = list(session.scalars(select(Pathway.id).where(Pathway.person_id == person_id)))
    return _assessments(session, ids) if ids else []


# --- Home: overdue actions of the operator -----------------------------------------------


def _reminders(session: Session, actor: Actor, today: dt.date) -> list[reminders.Reminder]:
    """The actor's own actions (as the responsible operator) overdue or due within a week."""
    if actor.user_id is None or not actor.can(Permission.READ_REGISTRY):
        return []
    staff_id = session.scalar(select(StaffMember.id).where(StaffMember.user_id == actor.user_id))
    if staff_id is None:
        return []
    query = (
        select(PlanAction.id, PlanAction.description, PlanAction.due_date, Person.id, Person.code)
        .join(Person, Person.id == PlanAction.person_id)
        .where(
            PlanAction.responsible_staff_id == staff_id,
            PlanAction.status.in_(OPEN_STATUSES),
            PlanAction.due_date.is_not(None),
            PlanAction.due_date <= today + dt.timedelta(days=DUE_SOON_DAYS),
            Person.anonymised_at.is_(None),
        )
        .order_by(PlanAction.due_date)
        .limit(200)
    )
    found = []
    for action_id, description, due, person_id, code in session.execute(query).all():
        assert due is not None
        overdue = due < today
        when = f"scaduta il {fmt(due)}" if overdue else f"entro il {fmt(due)}"
        found.append(
            reminders.Reminder(
                due,
                "pathways",
                f"Azione del piano di {code} {when}: {description}",
                overdue=overdue,
                entity="plan_action",
                entity_id=action_id,
                person_id=person_id,
            )
        )
    return found


reminders.register_provider("plan_actions", _reminders)


# --- timeline --------------------------------------------------------------------------------


def _timeline(session: Session, actor: Actor, person_id: int) -> list[timeline.TimelineEvent]:
    require(actor, Permission.READ_REGISTRY)
    events: list[timeline.TimelineEvent] = []
    for review in session.scalars(select(PlanReview).where(PlanReview.person_id == person_id)):
        events.append(
            timeline.TimelineEvent(
                review.held_on,
                "plan",
                "Verifica del piano individuale",
                review.minutes,
                entity="plan_review",
                entity_id=review.id,
            )
        )
    query = (
        select(PlanAction, PlanGoal.domain)
        .join(PlanGoal, PlanGoal.id == PlanAction.goal_id)
        .where(PlanAction.person_id == person_id, PlanAction.due_date.is_not(None))
    )
    for action, domain in session.execute(query).all():
        events.append(
            timeline.TimelineEvent(
                action.due_date,  # type: ignore[arg-type]
                "plan",
                f"Azione del piano ({domain.value}): {action.status.value}",
                action.description,
                entity="plan_action",
                entity_id=action.id,
            )
        )
    for a in session.scalars(
        select(AutonomyAssessment).where(AutonomyAssessment.person_id == person_id)
    ):
        scores = ", ".join(f"{d.value} {getattr(a, c)}" for d, c in SCORE_COLUMNS.items())
        events.append(
            timeline.TimelineEvent(
                a.assessed_on,
                "plan",
                f"Valutazione dell'autonomia ({a.moment.value})",
                scores,
                entity="autonomy_assessment",
                entity_id=a.id,
            )
        )
    return events


timeline.register_provider("plan", "Piano individuale", _timeline)


# --- the printed plan ------------------------------------------------------------------------


def plan_pathway_for(session: Session, person_id: int) -> int:
    """The percorso whose plan prints: the one in course, else the latest."""
    pathway_id = session.scalar(
        select(Pathway.id)
        .where(Pathway.person_id == person_id)
        .order_by(Pathway.exit_date.is_not(None), Pathway.entry_date.desc())
        .limit(1)
    )
    if pathway_id is None:
        raise ValidationError({"person": "la persona non ha un percorso: il piano non c'è"})
    return int(pathway_id)


def plan_document(plan: PlanView, day: dt.date) -> pathway_forms.PlanDocument:
    p = plan.pathway
    return pathway_forms.PlanDocument(
        person_code=p.person_code,
        person_name=p.person_name,
        entry_date=p.entry_date,
        exit_date=p.exit_date,
        operator=p.reference_staff,
        actions=p.actions,
        domains=tuple(d.value for d in PlanDomain),
        goals=tuple(
            pathway_forms.PlanGoalLine(
                g.domain,
                g.description,
                tuple(
                    pathway_forms.PlanActionLine(
                        a.description, a.responsible, a.due_date, a.status, a.progress_notes
                    )
                    for a in g.actions
                ),
            )
            for g in plan.goals
        ),
        reviews=tuple((r.held_on, r.minutes) for r in plan.reviews),
        assessments=tuple(
            pathway_forms.AssessmentLine(a.moment, a.assessed_on, a.scores)
            for a in plan.assessments
        ),
        document_date=day,
    )


def _fill_plan(
    session: Session,
    actor: Actor,
    selection: Mapping[str, str],
    lang: str,
    out: str | Path | IO[bytes],
) -> forms.Printed:
    person_id = forms.person_id_for_code(session, selection["person"])
    pathway_id = plan_pathway_for(session, person_id)
    plan = plan_of(session, actor, pathway_id)
    pathway_forms.render_plan(plan_document(plan, clock.today()), out)
    return forms.Printed("pathway", pathway_id, person_id)


forms.register_filler("piano-individualizzato", _fill_plan)
